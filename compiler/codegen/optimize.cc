// optimize.cc — builds the program module, links the runtime bitcode into
// it, internalizes, optimises with LLVM's new pass manager and emits an
// object file for the target.
#include <mutex>

#include "codegen/emitter.h"
#include "llvm/Bitcode/BitcodeReader.h"
#include "llvm/IR/LegacyPassManager.h"
#include "llvm/IR/Verifier.h"
#include "llvm/Linker/Linker.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Target/TargetMachine.h"
#include "llvm/Target/TargetOptions.h"
#include "llvm/Transforms/IPO/Internalize.h"

namespace molt::codegen {

namespace {

void init_llvm_targets() {
  static std::once_flag once;
  std::call_once(once, [] {
    LLVMInitializeX86TargetInfo();
    LLVMInitializeX86Target();
    LLVMInitializeX86TargetMC();
    LLVMInitializeX86AsmPrinter();
    LLVMInitializeWebAssemblyTargetInfo();
    LLVMInitializeWebAssemblyTarget();
    LLVMInitializeWebAssemblyTargetMC();
    LLVMInitializeWebAssemblyAsmPrinter();
  });
}

std::unique_ptr<llvm::Module> load_runtime(llvm::LLVMContext& ctx, const Options& options, std::string* error) {
  auto buffer = llvm::MemoryBuffer::getFile(options.runtime_bitcode);
  if (!buffer) {
    *error = "cannot read the runtime bitcode " + options.runtime_bitcode + ": " + buffer.getError().message() +
             " (is molt installed completely? `molt doctor` checks)";
    return nullptr;
  }
  auto module = llvm::parseBitcodeFile((*buffer)->getMemBufferRef(), ctx);
  if (!module) {
    *error = "invalid runtime bitcode " + options.runtime_bitcode + ": " + llvm::toString(module.takeError());
    return nullptr;
  }
  return std::move(*module);
}

/// Emits the program into a fresh module shaped like the runtime's.
std::unique_ptr<llvm::Module> build_program(llvm::LLVMContext& ctx, ssa::Module& program, const Options& options,
                                            const llvm::Module& runtime, std::string* error) {
  auto module = std::make_unique<llvm::Module>(program.filename, ctx);
  module->setTargetTriple(runtime.getTargetTriple());
  module->setDataLayout(runtime.getDataLayout());
  ModuleEmitter emitter(ctx, *module, options);
  if (!emitter.emit(program, error)) return nullptr;
  std::string verify;
  llvm::raw_string_ostream os(verify);
  if (llvm::verifyModule(*module, &os)) {
    *error = "internal error: invalid LLVM IR generated:\n" + os.str();
    return nullptr;
  }
  return module;
}

std::unique_ptr<llvm::TargetMachine> make_target_machine(const llvm::Module& module, const Options& options,
                                                         std::string* error) {
  init_llvm_targets();
  std::string triple = module.getTargetTriple();
  std::string lookup_error;
  const llvm::Target* target = llvm::TargetRegistry::lookupTarget(triple, lookup_error);
  if (target == nullptr) {
    *error = "no LLVM target for " + triple + ": " + lookup_error;
    return nullptr;
  }
  llvm::TargetOptions to;
  to.FunctionSections = true;
  to.DataSections = true;
  const char* cpu = options.target == Target::Wasm32 ? "generic" : "x86-64";
  auto level = options.opt_level >= 3   ? llvm::CodeGenOptLevel::Aggressive
               : options.opt_level >= 1 ? llvm::CodeGenOptLevel::Default
                                        : llvm::CodeGenOptLevel::None;
  std::optional<llvm::Reloc::Model> reloc;
  if (options.target == Target::Native) reloc = llvm::Reloc::PIC_;
  return std::unique_ptr<llvm::TargetMachine>(
      target->createTargetMachine(triple, cpu, "", to, reloc, std::nullopt, level));
}

void optimize(llvm::Module& module, llvm::TargetMachine* tm, int opt_level) {
  llvm::LoopAnalysisManager lam;
  llvm::FunctionAnalysisManager fam;
  llvm::CGSCCAnalysisManager cgam;
  llvm::ModuleAnalysisManager mam;
  llvm::PassBuilder pb(tm);
  pb.registerModuleAnalyses(mam);
  pb.registerCGSCCAnalyses(cgam);
  pb.registerFunctionAnalyses(fam);
  pb.registerLoopAnalyses(lam);
  pb.crossRegisterProxies(lam, fam, cgam, mam);
  llvm::OptimizationLevel level = opt_level >= 3   ? llvm::OptimizationLevel::O3
                                  : opt_level == 2 ? llvm::OptimizationLevel::O2
                                  : opt_level == 1 ? llvm::OptimizationLevel::O1
                                                   : llvm::OptimizationLevel::O0;
  llvm::ModulePassManager mpm = level == llvm::OptimizationLevel::O0 ? pb.buildO0DefaultPipeline(level)
                                                                       : pb.buildPerModuleDefaultPipeline(level);
  mpm.run(module, mam);
}

}  // namespace

bool emit_llvm_text(ssa::Module& program, const Options& options, std::string* out, std::string* error) {
  llvm::LLVMContext ctx;
  std::unique_ptr<llvm::Module> runtime = load_runtime(ctx, options, error);
  if (!runtime) return false;
  std::unique_ptr<llvm::Module> module = build_program(ctx, program, options, *runtime, error);
  if (!module) return false;
  llvm::raw_string_ostream os(*out);
  module->print(os, nullptr);
  return true;
}

bool emit_object(ssa::Module& program, const Options& options, const std::string& object_path, std::string* error) {
  llvm::LLVMContext ctx;
  std::unique_ptr<llvm::Module> runtime = load_runtime(ctx, options, error);
  if (!runtime) return false;
  std::unique_ptr<llvm::Module> module = build_program(ctx, program, options, *runtime, error);
  if (!module) return false;

  // Pull in just the runtime functions the program reaches, then make
  // everything but the entry point internal so unused code is dropped and
  // fast paths can be inlined.
  if (llvm::Linker::linkModules(*module, std::move(runtime), llvm::Linker::Flags::LinkOnlyNeeded)) {
    *error = "internal error: linking the runtime bitcode failed";
    return false;
  }
  const char* entry = options.target == Target::Wasm32 ? "__main_argc_argv" : "main";
  llvm::internalizeModule(*module, [entry](const llvm::GlobalValue& gv) { return gv.getName() == entry; });

  std::unique_ptr<llvm::TargetMachine> tm = make_target_machine(*module, options, error);
  if (!tm) return false;
  module->setDataLayout(tm->createDataLayout());
  optimize(*module, tm.get(), options.opt_level);

  std::error_code ec;
  llvm::raw_fd_ostream out(object_path, ec, llvm::sys::fs::OF_None);
  if (ec) {
    *error = "cannot write " + object_path + ": " + ec.message();
    return false;
  }
  llvm::legacy::PassManager pm;
  if (tm->addPassesToEmitFile(pm, out, nullptr, llvm::CodeGenFileType::ObjectFile)) {
    *error = "internal error: the target cannot emit object files";
    return false;
  }
  pm.run(*module);
  out.flush();
  return true;
}

}  // namespace molt::codegen
