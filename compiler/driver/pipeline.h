// pipeline.h — one compilation: source file to tokens, AST, SSA, LLVM IR,
// object file and executable, stopping early for --emit.
#pragma once

#include <string>

#include "codegen/codegen.h"

namespace molt::driver {

enum class Emit { Executable, Tokens, Ast, Ssa, Llvm };
/// How diagnostics are printed: compiler style (`file:line:col: error:`)
/// for `molt build`, CPython's SyntaxError report for `molt run`.
enum class DiagStyle { Compiler, Python };

struct CompileOptions {
  std::string input;
  std::string output;  ///< executable or .wasm path (Emit::Executable)
  codegen::Target target = codegen::Target::Native;
  int opt_level = 2;
  bool strip = false;
  Emit emit = Emit::Executable;
  bool verify_each = false;
  DiagStyle diag_style = DiagStyle::Compiler;
};

/// Runs the pipeline. Diagnostics go to stderr; --emit output is appended to
/// *emitted. Returns 0 on success, 1 on a compile error or an unreadable
/// input (after printing why).
int compile(const CompileOptions& options, std::string* emitted);

}  // namespace molt::driver
