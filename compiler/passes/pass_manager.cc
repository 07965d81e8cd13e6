// pass_manager.cc — runs the passes of passes.def, optionally verifying the
// IR after each one.
#include "passes/passes.h"

#include "ssa/verifier.h"

namespace molt::passes {

namespace {

struct PassInfo {
  std::string_view name;
  void (*run)(ssa::Function&);
  std::string_view doc;
};

constexpr PassInfo kPasses[] = {
#define MOLT_PASS(id, name, fn, doc) {name, fn, doc},
#include "passes/passes.def"
#undef MOLT_PASS
};

}  // namespace

std::string run_pipeline(ssa::Module& module, const PipelineOptions& options) {
  if (options.verify_each) {
    std::string err = ssa::verify_module(module);
    if (!err.empty()) return "IR invalid after lowering: " + err;
  }
  for (const PassInfo& pass : kPasses) {
    for (auto& fn : module.functions) pass.run(*fn);
    if (options.verify_each) {
      std::string err = ssa::verify_module(module);
      if (!err.empty()) return "IR invalid after pass '" + std::string(pass.name) + "': " + err;
    }
    if (options.stop_after == pass.name) break;
  }
  return "";
}

std::string describe_passes() {
  std::string out;
  for (const PassInfo& pass : kPasses) out += "  " + std::string(pass.name) + ": " + std::string(pass.doc) + "\n";
  return out;
}

}  // namespace molt::passes
