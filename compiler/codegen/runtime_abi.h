// runtime_abi.h — declarations of the runtime's entry points (abi.def) in an
// LLVM module, with types derived from each entry's signature string.
#pragma once

#include <string_view>
#include <unordered_map>

#include "llvm/IR/Function.h"
#include "llvm/IR/Module.h"

namespace molt::codegen {

class RuntimeAbi {
 public:
  /// Declares every abi.def function in `module`. `size_type` is the
  /// target's size_t (i64 native, i32 on wasm32).
  RuntimeAbi(llvm::Module& module, llvm::Type* size_type);

  /// The declaration of `name`; aborts if abi.def has no such entry.
  llvm::FunctionCallee get(std::string_view name) const;

 private:
  std::unordered_map<std::string_view, llvm::FunctionCallee> functions_;
};

}  // namespace molt::codegen
