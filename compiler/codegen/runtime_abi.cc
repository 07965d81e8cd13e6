// runtime_abi.cc — turns abi.def's signature strings into LLVM declarations.
#include "codegen/runtime_abi.h"

#include <cstdio>
#include <cstdlib>
#include <vector>

#include "llvm/IR/DerivedTypes.h"

namespace molt::codegen {

namespace {

llvm::Type* type_for(char c, llvm::LLVMContext& ctx, llvm::Type* size_type) {
  switch (c) {
    case 'v':
    case 'l':
      return llvm::Type::getInt64Ty(ctx);
    case 'i':
      return llvm::Type::getInt32Ty(ctx);
    case 'z':
      return size_type;
    case 'p':
      return llvm::PointerType::getUnqual(ctx);
    case 'd':
      return llvm::Type::getDoubleTy(ctx);
    case '0':
      return llvm::Type::getVoidTy(ctx);
    default:
      fprintf(stderr, "molt: bad abi.def signature letter '%c'\n", c);
      abort();
  }
}

}  // namespace

RuntimeAbi::RuntimeAbi(llvm::Module& module, llvm::Type* size_type) {
  llvm::LLVMContext& ctx = module.getContext();
  struct Entry {
    std::string_view name;
    std::string_view sig;
  };
  static const Entry kEntries[] = {
#define MOLT_ABI(name, sig) {#name, sig},
#include "molt/abi.def"
#undef MOLT_ABI
  };
  // The builtins' direct entries (builtins.def): all "v(pzv)".
  static std::vector<std::string> builtin_names;
  if (builtin_names.empty()) {
#define MOLT_BUILTIN_FN(name, impl, object) builtin_names.push_back("molt_builtin_" #name);
#define MOLT_BUILTIN_OBJ(name, object)
#include "molt/builtins.def"
#undef MOLT_BUILTIN_OBJ
#undef MOLT_BUILTIN_FN
  }
  for (const std::string& name : builtin_names) {
    llvm::FunctionType* ty = llvm::FunctionType::get(
        llvm::Type::getInt64Ty(ctx), {llvm::PointerType::getUnqual(ctx), size_type, llvm::Type::getInt64Ty(ctx)},
        false);
    functions_[name] = module.getOrInsertFunction(name, ty);
  }
  for (const Entry& e : kEntries) {
    // "r(abc)": return letter, then parameter letters in parentheses.
    llvm::Type* ret = type_for(e.sig[0], ctx, size_type);
    std::vector<llvm::Type*> params;
    for (size_t i = 2; i < e.sig.size() && e.sig[i] != ')'; ++i) params.push_back(type_for(e.sig[i], ctx, size_type));
    llvm::FunctionType* ty = llvm::FunctionType::get(ret, params, false);
    functions_[e.name] = module.getOrInsertFunction(llvm::StringRef(e.name.data(), e.name.size()), ty);
  }
}

llvm::FunctionCallee RuntimeAbi::get(std::string_view name) const {
  auto it = functions_.find(name);
  if (it == functions_.end()) {
    fprintf(stderr, "molt: internal error: no runtime entry '%.*s' in abi.def\n", static_cast<int>(name.size()),
            name.data());
    abort();
  }
  return it->second;
}

}  // namespace molt::codegen
