// commands.h — the molt subcommands; each takes the arguments after its
// name and returns the process exit status (2 for usage errors).
#pragma once

#include <string>
#include <vector>

namespace molt::driver {

using Args = std::vector<std::string>;

int cmd_run(const Args& args);
int cmd_build(const Args& args);
int cmd_parse(const Args& args);
int cmd_diff(const Args& args);
int cmd_doctor(const Args& args);

/// Compiles `file` for the target into the cache (or reuses a cached
/// build). On success stores the program path; on a compile error returns
/// the status to exit with (diagnostics already printed).
int build_cached(const std::string& file, bool wasm, int opt_level, bool python_diagnostics, std::string* program);

/// The command that runs a built program: the binary itself, or Node with
/// the WASI launcher for wasm.
std::vector<std::string> program_command(const std::string& program, bool wasm, const Args& program_args);

/// Prints "molt <cmd>: error: <message>" and the command's usage; returns 2.
int usage_error(const std::string& command, const std::string& message);

}  // namespace molt::driver
