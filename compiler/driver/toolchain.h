// toolchain.h — finding the pieces molt needs at run time: its own runtime
// files, clang, Node.js, the CPython 3.12 reference interpreter and PyPy.
#pragma once

#include <string>

namespace molt::driver {

/// lib/molt next to the molt executable (build tree or install prefix).
std::string lib_dir();
/// The runtime bitcode for a target ("native" or "wasm32").
std::string runtime_bitcode(bool wasm);
/// The precompiled runtime archive for a target.
std::string runtime_archive(bool wasm);
/// node, or empty.
std::string find_node();
/// The CPython 3.12 interpreter: $MOLT_CPYTHON, a working python3.12 on
/// PATH, or the newest pyenv 3.12 under $HOME/.pyenv. Empty if none works.
/// `how` (optional) says where it was found.
std::string find_cpython(std::string* how = nullptr);
/// pypy3, or empty.
std::string find_pypy();
/// The user's cache directory for compiled programs.
std::string cache_dir();
/// True if this molt was built with sanitizers (programs link with them).
bool sanitize_build();

}  // namespace molt::driver
