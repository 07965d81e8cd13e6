// passes.h — the SSA pass registry and pipeline runner.
//
// Each pass transforms one function in place and lives in its own file
// (passes/<name>.cc). The pipeline runs them in passes.def order; with
// verify_each the IR verifier runs after every pass and a failure names the
// pass that broke the IR.
#pragma once

#include <string>
#include <string_view>

#include "ssa/ir.h"

namespace molt::passes {

#define MOLT_PASS(id, name, fn, doc) void fn(ssa::Function& f);
#include "passes/passes.def"
#undef MOLT_PASS

struct PipelineOptions {
  bool verify_each = false;
  /// Stop after the pass with this command-line name (empty: run all).
  std::string stop_after;
};

/// Runs the default pipeline over every function of `module`. Returns an
/// empty string on success, or the verifier's report.
std::string run_pipeline(ssa::Module& module, const PipelineOptions& options);

/// Lists the passes ("name: description" lines) for --help.
std::string describe_passes();

}  // namespace molt::passes
