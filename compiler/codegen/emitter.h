// emitter.h — internal classes of codegen: the module-level emitter (globals,
// constants, descriptors, entry point) and the per-function emitter.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "codegen/codegen.h"
#include "codegen/runtime_abi.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "molt/value.h"

namespace molt::codegen {

/// Emits one ssa::Module into one llvm::Module.
class ModuleEmitter {
 public:
  ModuleEmitter(llvm::LLVMContext& ctx, llvm::Module& module, const Options& options);

  /// Emits everything; returns false with *error set on failure.
  bool emit(ssa::Module& program, std::string* error);

  llvm::LLVMContext& ctx() { return ctx_; }
  llvm::Module& module() { return module_; }
  const RuntimeAbi& abi() const { return abi_; }
  llvm::Type* i64() { return llvm::Type::getInt64Ty(ctx_); }
  llvm::Type* i32() { return llvm::Type::getInt32Ty(ctx_); }
  llvm::Type* size_type() { return size_type_; }
  llvm::PointerType* ptr() { return llvm::PointerType::getUnqual(ctx_); }
  llvm::Constant* value_const(MoltValue v) { return llvm::ConstantInt::get(i64(), v); }

  /// The direct entry of a compiled function.
  llvm::Function* direct_entry(const ssa::Function* fn) { return direct_.at(fn); }
  /// The coroutine holding a generator's body.
  llvm::Function* coroutine_body(const ssa::Function* fn) { return coro_.at(fn); }
  /// The MoltFunctionInfo descriptor of a function.
  llvm::GlobalVariable* function_info(const ssa::Function* fn) { return infos_.at(fn); }
  /// The MoltCodeInfo descriptor (for tracebacks) of a function.
  llvm::GlobalVariable* code_info(const ssa::Function* fn) { return code_infos_.at(fn); }
  /// The slot holding module global number `slot`.
  llvm::GlobalVariable* global_slot(int64_t slot) { return globals_.at(static_cast<size_t>(slot)); }
  /// A private NUL-terminated string constant.
  llvm::Constant* cstring(const std::string& s);

  /// Slots for values created once at start-up (strs, big ints, kwnames
  /// tuples, builtin objects). Each returns the global holding the value.
  llvm::GlobalVariable* str_constant(const std::string& utf8);
  llvm::GlobalVariable* int_constant(const std::string& literal);
  llvm::GlobalVariable* kwnames_constant(const std::vector<std::string>& names);
  llvm::GlobalVariable* builtin_constant(int64_t builtin_id);

 private:
  void declare_functions(ssa::Module& program);
  void emit_descriptors(ssa::Module& program);
  void emit_generic_entry(const ssa::Function* fn);
  void emit_entry_point(ssa::Module& program);
  /// Copies the runtime's target-cpu/features so runtime code can inline.
  void set_function_attributes(llvm::Function* f);

  llvm::LLVMContext& ctx_;
  llvm::Module& module_;
  const Options& options_;
  llvm::Type* size_type_;
  RuntimeAbi abi_;
  std::unordered_map<const ssa::Function*, llvm::Function*> direct_;
  std::unordered_map<const ssa::Function*, llvm::Function*> generic_;
  std::unordered_map<const ssa::Function*, llvm::Function*> coro_;
  void emit_generator_entry(const ssa::Function* fn);
  std::unordered_map<const ssa::Function*, llvm::GlobalVariable*> infos_;
  std::unordered_map<const ssa::Function*, llvm::GlobalVariable*> code_infos_;
  std::vector<llvm::GlobalVariable*> globals_;
  llvm::GlobalVariable* module_info_ = nullptr;

  /// Start-up constants, in creation order: the init function builds them.
  struct InitConstant {
    enum Kind { Str, Int, Kwnames, Builtin } kind;
    std::string text;
    std::vector<llvm::GlobalVariable*> items;  // Kwnames: the str slots
    int64_t builtin_id = 0;
    llvm::GlobalVariable* slot;
  };
  std::vector<InitConstant> init_constants_;
  std::map<std::pair<int, std::string>, llvm::GlobalVariable*> constant_cache_;
  std::map<std::string, llvm::Constant*> cstrings_;
};

/// Emits the body of one ssa::Function into its direct-entry llvm::Function.
void emit_function(ModuleEmitter& m, ssa::Function& fn);

/// Parses an int literal as the lexer produced it ("123", "0x1f", ...);
/// true if it fits an inline (48-bit) int.
bool parse_small_int(const std::string& text, int64_t* out);

}  // namespace molt::codegen
