// module_emitter.cc — module-level code generation: function declarations,
// MoltFunctionInfo/MoltCodeInfo descriptors, generic entry points, global
// slots, start-up constants and the program's `main`.
#include <climits>

#include "codegen/emitter.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/MDBuilder.h"

namespace molt::codegen {

bool parse_small_int(const std::string& text, int64_t* out) {
  int base = 10;
  size_t i = 0;
  if (text.size() > 2 && text[0] == '0') {
    char p = static_cast<char>(text[1] | 0x20);
    if (p == 'x') base = 16;
    if (p == 'o') base = 8;
    if (p == 'b') base = 2;
    if (base != 10) i = 2;
  }
  if (i >= text.size()) return false;
  int64_t value = 0;
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (c == '_') continue;
    int d = c >= '0' && c <= '9' ? c - '0' : (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10 : 99;
    if (d >= base) return false;
    value = value * base + d;
    if (value > MOLT_SMALL_INT_MAX) return false;
  }
  *out = value;
  return true;
}

ModuleEmitter::ModuleEmitter(llvm::LLVMContext& ctx, llvm::Module& module, const Options& options)
    : ctx_(ctx),
      module_(module),
      options_(options),
      size_type_(options.target == Target::Wasm32 ? llvm::Type::getInt32Ty(ctx) : llvm::Type::getInt64Ty(ctx)),
      abi_(module, size_type_) {}

llvm::Constant* ModuleEmitter::cstring(const std::string& s) {
  auto it = cstrings_.find(s);
  if (it != cstrings_.end()) return it->second;
  llvm::Constant* data = llvm::ConstantDataArray::getString(ctx_, s, true);
  auto* gv = new llvm::GlobalVariable(module_, data->getType(), true, llvm::GlobalValue::PrivateLinkage, data, ".str");
  gv->setUnnamedAddr(llvm::GlobalValue::UnnamedAddr::Global);
  cstrings_[s] = gv;
  return gv;
}

namespace {

llvm::GlobalVariable* new_slot(llvm::Module& m, llvm::Type* i64, MoltValue init, const std::string& name) {
  return new llvm::GlobalVariable(m, i64, false, llvm::GlobalValue::InternalLinkage,
                                  llvm::ConstantInt::get(i64, init), name);
}

}  // namespace

llvm::GlobalVariable* ModuleEmitter::str_constant(const std::string& utf8) {
  auto key = std::make_pair(0, utf8);
  auto it = constant_cache_.find(key);
  if (it != constant_cache_.end()) return it->second;
  llvm::GlobalVariable* slot = new_slot(module_, i64(), 0, "molt.const.str");
  init_constants_.push_back({InitConstant::Str, utf8, {}, 0, slot});
  constant_cache_[key] = slot;
  return slot;
}

llvm::GlobalVariable* ModuleEmitter::int_constant(const std::string& literal) {
  auto key = std::make_pair(1, literal);
  auto it = constant_cache_.find(key);
  if (it != constant_cache_.end()) return it->second;
  llvm::GlobalVariable* slot = new_slot(module_, i64(), 0, "molt.const.int");
  init_constants_.push_back({InitConstant::Int, literal, {}, 0, slot});
  constant_cache_[key] = slot;
  return slot;
}

llvm::GlobalVariable* ModuleEmitter::kwnames_constant(const std::vector<std::string>& names) {
  std::string joined;
  for (const std::string& n : names) joined += n + '\0';
  auto key = std::make_pair(2, joined);
  auto it = constant_cache_.find(key);
  if (it != constant_cache_.end()) return it->second;
  std::vector<llvm::GlobalVariable*> items;
  for (const std::string& n : names) items.push_back(str_constant(n));
  llvm::GlobalVariable* slot = new_slot(module_, i64(), 0, "molt.const.kwnames");
  init_constants_.push_back({InitConstant::Kwnames, "", items, 0, slot});
  constant_cache_[key] = slot;
  return slot;
}

llvm::GlobalVariable* ModuleEmitter::builtin_constant(int64_t builtin_id) {
  auto key = std::make_pair(3, std::to_string(builtin_id));
  auto it = constant_cache_.find(key);
  if (it != constant_cache_.end()) return it->second;
  llvm::GlobalVariable* slot = new_slot(module_, i64(), 0, "molt.builtin");
  init_constants_.push_back({InitConstant::Builtin, "", {}, builtin_id, slot});
  constant_cache_[key] = slot;
  return slot;
}

void ModuleEmitter::set_function_attributes(llvm::Function* f) {
  f->addFnAttr("target-cpu", options_.target == Target::Wasm32 ? "generic" : "x86-64");
  f->addFnAttr(llvm::Attribute::NoUnwind);
}

void ModuleEmitter::declare_functions(ssa::Module& program) {
  for (auto& fp : program.functions) {
    ssa::Function* fn = fp.get();
    std::vector<llvm::Type*> params(fn->param_names.size() + (fn->has_closure ? 1 : 0), i64());
    auto* ty = llvm::FunctionType::get(i64(), params, false);
    llvm::Function* f = llvm::Function::Create(ty, llvm::GlobalValue::InternalLinkage, fn->symbol, module_);
    set_function_attributes(f);
    direct_[fn] = f;
    if (fn->is_generator) {
      // The body: ptr body(i64 gen, <the direct entry's arguments>), an LLVM
      // coroutine returning its frame handle.
      std::vector<llvm::Type*> coro_params{i64()};
      coro_params.insert(coro_params.end(), params.begin(), params.end());
      auto* coro_ty = llvm::FunctionType::get(ptr(), coro_params, false);
      llvm::Function* c =
          llvm::Function::Create(coro_ty, llvm::GlobalValue::InternalLinkage, fn->symbol + ".coro", module_);
      set_function_attributes(c);
      c->setPresplitCoroutine();
      coro_[fn] = c;
    }
    // MoltCodeInfo {name, filename, varnames, nvarnames, module}.
    std::vector<llvm::Constant*> names;
    for (const std::string& v : fn->varnames) names.push_back(cstring(v));
    auto* names_ty = llvm::ArrayType::get(ptr(), names.size());
    auto* names_gv = new llvm::GlobalVariable(module_, names_ty, true, llvm::GlobalValue::PrivateLinkage,
                                              llvm::ConstantArray::get(names_ty, names), fn->symbol + ".varnames");
    auto* code_ty = llvm::StructType::get(ctx_, {ptr(), ptr(), ptr(), i32(), ptr()});
    auto* code = new llvm::GlobalVariable(
        module_, code_ty, true, llvm::GlobalValue::InternalLinkage,
        llvm::ConstantStruct::get(code_ty, {cstring(fn->name), cstring(program.filename), names_gv,
                                            llvm::ConstantInt::get(i32(), static_cast<int64_t>(names.size())),
                                            module_info_}),
        fn->symbol + ".code");
    code_infos_[fn] = code;
  }
}

void ModuleEmitter::emit_generic_entry(const ssa::Function* fn) {
  // i64 generic(i64 self, ptr args, size nargs, i64 kwnames): the fast case
  // passes positional arguments straight through; anything else goes through
  // the runtime's argument binder.
  auto* ty = llvm::FunctionType::get(i64(), {i64(), ptr(), size_type_, i64()}, false);
  llvm::Function* g =
      llvm::Function::Create(ty, llvm::GlobalValue::InternalLinkage, fn->symbol + ".generic", module_);
  set_function_attributes(g);
  generic_[fn] = g;
  size_t n = fn->param_names.size();
  llvm::IRBuilder<> b(ctx_);
  auto* entry = llvm::BasicBlock::Create(ctx_, "entry", g);
  auto* fast = llvm::BasicBlock::Create(ctx_, "fast", g);
  auto* slow = llvm::BasicBlock::Create(ctx_, "bind", g);
  b.SetInsertPoint(entry);
  llvm::Value* self = g->getArg(0);
  llvm::Value* args = g->getArg(1);
  llvm::Value* nargs = g->getArg(2);
  llvm::Value* kwnames = g->getArg(3);
  llvm::Value* closure = nullptr;
  if (fn->has_closure) closure = b.CreateCall(abi_.get("molt_function_closure"), {self});
  // Plain positional calls pass straight through.
  bool plain_signature = fn->nkwonly == 0 && fn->flags == 0;
  llvm::Value* simple = b.CreateAnd(b.CreateICmpEQ(kwnames, value_const(MOLT_NONE)),
                                    b.CreateICmpEQ(nargs, llvm::ConstantInt::get(size_type_, n)));
  if (!plain_signature) simple = b.getFalse();
  b.CreateCondBr(simple, fast, slow);
  b.SetInsertPoint(fast);
  std::vector<llvm::Value*> direct_args;
  if (closure) direct_args.push_back(closure);
  for (size_t k = 0; k < n; ++k)
    direct_args.push_back(b.CreateLoad(i64(), b.CreateConstInBoundsGEP1_32(i64(), args, static_cast<unsigned>(k))));
  b.CreateRet(b.CreateCall(direct_.at(fn), direct_args));
  // Everything else goes through the runtime's binder (defaults, keywords,
  // *args, **kwargs, CPython's TypeErrors); the bound values are new
  // references, released after the call.
  b.SetInsertPoint(slow);
  auto* slots_ty = llvm::ArrayType::get(i64(), n == 0 ? 1 : n);
  llvm::Value* slots = b.CreateAlloca(slots_ty, nullptr, "slots");
  llvm::Value* ok = b.CreateCall(abi_.get("molt_bind_args"), {self, args, nargs, kwnames, slots});
  auto* bound = llvm::BasicBlock::Create(ctx_, "bound", g);
  auto* fail = llvm::BasicBlock::Create(ctx_, "fail", g);
  b.CreateCondBr(b.CreateICmpEQ(ok, llvm::ConstantInt::get(i32(), 0)), bound, fail);
  b.SetInsertPoint(fail);
  b.CreateRet(value_const(MOLT_ERROR));
  b.SetInsertPoint(bound);
  std::vector<llvm::Value*> bound_args;
  if (closure) bound_args.push_back(closure);
  for (size_t k = 0; k < n; ++k)
    bound_args.push_back(b.CreateLoad(i64(), b.CreateConstInBoundsGEP2_32(slots_ty, slots, 0, static_cast<unsigned>(k))));
  llvm::Value* result = b.CreateCall(direct_.at(fn), bound_args);
  b.CreateCall(abi_.get("molt_release_args"),
               {b.CreateConstInBoundsGEP2_32(slots_ty, slots, 0, 0), llvm::ConstantInt::get(size_type_, n)});
  b.CreateRet(result);
}

void ModuleEmitter::emit_generator_entry(const ssa::Function* fn) {
  // Calling a generator function: make the generator object, start the
  // coroutine (it suspends before running any of the body) and attach it.
  llvm::Function* f = direct_.at(fn);
  llvm::IRBuilder<> b(ctx_);
  b.SetInsertPoint(llvm::BasicBlock::Create(ctx_, "entry", f));
  auto* info = infos_.count(fn) ? static_cast<llvm::Constant*>(infos_.at(fn))
                                : llvm::ConstantPointerNull::get(ptr());
  llvm::Value* gen = b.CreateCall(abi_.get("molt_gen_new"), {info});
  auto* ok = llvm::BasicBlock::Create(ctx_, "ok", f);
  auto* fail = llvm::BasicBlock::Create(ctx_, "fail", f);
  b.CreateCondBr(b.CreateICmpEQ(gen, value_const(MOLT_ERROR)), fail, ok);
  b.SetInsertPoint(fail);
  b.CreateRet(value_const(MOLT_ERROR));
  b.SetInsertPoint(ok);
  std::vector<llvm::Value*> args{gen};
  for (llvm::Argument& a : f->args()) args.push_back(&a);
  llvm::Value* handle = b.CreateCall(coro_.at(fn), args);
  b.CreateCall(abi_.get("molt_gen_set_handle"), {gen, handle});
  b.CreateRet(gen);
}

void ModuleEmitter::emit_descriptors(ssa::Module& program) {
  // MoltFunctionInfo {name, qualname, nposonly, npositional, nkwonly, flags,
  // nparams, has_closure, param_names, generic}; the generic entry refers
  // back to the descriptor, so create both first.
  auto* info_ty =
      llvm::StructType::get(ctx_, {ptr(), ptr(), i32(), i32(), i32(), i32(), i32(), i32(), ptr(), ptr()});
  for (auto& fp : program.functions) {
    ssa::Function* fn = fp.get();
    if (fn->is_module_body) continue;
    infos_[fn] = new llvm::GlobalVariable(module_, info_ty, true, llvm::GlobalValue::InternalLinkage, nullptr,
                                          fn->symbol + ".info");
  }
  for (auto& fp : program.functions) {
    ssa::Function* fn = fp.get();
    if (fn->is_module_body) continue;
    emit_generic_entry(fn);
    std::vector<llvm::Constant*> names;
    for (const std::string& p : fn->param_names) names.push_back(cstring(p));
    auto* names_ty = llvm::ArrayType::get(ptr(), names.size());
    auto* names_gv = new llvm::GlobalVariable(module_, names_ty, true, llvm::GlobalValue::PrivateLinkage,
                                              llvm::ConstantArray::get(names_ty, names), fn->symbol + ".params");
    auto c32 = [&](int64_t v) { return llvm::ConstantInt::get(i32(), v); };
    infos_[fn]->setInitializer(llvm::ConstantStruct::get(
        info_ty, {cstring(fn->name), cstring(fn->qualname), c32(fn->nposonly), c32(fn->npositional), c32(fn->nkwonly),
                  c32(fn->flags), c32(static_cast<int64_t>(fn->param_names.size())), c32(fn->has_closure ? 1 : 0),
                  names_gv, generic_.at(fn)}));
  }
}

void ModuleEmitter::emit_entry_point(ssa::Module& program) {
  // molt.init: builds the start-up constants, then runs the module body.
  auto* init_ty = llvm::FunctionType::get(i64(), {}, false);
  llvm::Function* init = llvm::Function::Create(init_ty, llvm::GlobalValue::InternalLinkage, "molt.init", module_);
  set_function_attributes(init);
  llvm::IRBuilder<> b(ctx_);
  auto* entry = llvm::BasicBlock::Create(ctx_, "entry", init);
  auto* fail = llvm::BasicBlock::Create(ctx_, "fail", init);
  b.SetInsertPoint(fail);
  b.CreateRet(value_const(MOLT_ERROR));
  b.SetInsertPoint(entry);
  for (size_t k = 0; k < init_constants_.size(); ++k) {
    const InitConstant& c = init_constants_[k];
    llvm::Value* v = nullptr;
    switch (c.kind) {
      case InitConstant::Str:
      case InitConstant::Int: {
        // The bytes may contain NULs; pass an explicit length.
        llvm::Constant* data = cstring(c.text);
        v = b.CreateCall(abi_.get(c.kind == InitConstant::Str ? "molt_const_str" : "molt_const_int"),
                         {data, llvm::ConstantInt::get(size_type_, c.text.size())});
        break;
      }
      case InitConstant::Kwnames: {
        auto* arr_ty = llvm::ArrayType::get(i64(), c.items.size());
        llvm::Value* arr = b.CreateAlloca(arr_ty);
        for (size_t j = 0; j < c.items.size(); ++j)
          b.CreateStore(b.CreateLoad(i64(), c.items[j]),
                        b.CreateConstInBoundsGEP2_32(arr_ty, arr, 0, static_cast<unsigned>(j)));
        v = b.CreateCall(abi_.get("molt_const_tuple"),
                         {b.CreateConstInBoundsGEP2_32(arr_ty, arr, 0, 0),
                          llvm::ConstantInt::get(size_type_, c.items.size())});
        break;
      }
      case InitConstant::Builtin:
        v = b.CreateCall(abi_.get("molt_builtin_object"), {llvm::ConstantInt::get(i32(), c.builtin_id)});
        break;
    }
    b.CreateStore(v, c.slot);
    auto* next = llvm::BasicBlock::Create(ctx_, "next", init);
    b.CreateCondBr(b.CreateICmpEQ(v, value_const(MOLT_ERROR)), fail, next);
    b.SetInsertPoint(next);
  }
  b.CreateRet(b.CreateCall(direct_.at(program.functions[0].get()), {}));

  // molt.fini: releases every global slot (reverse order), then the
  // start-up constants are immortal and stay.
  auto* fini_ty = llvm::FunctionType::get(llvm::Type::getVoidTy(ctx_), {}, false);
  llvm::Function* fini = llvm::Function::Create(fini_ty, llvm::GlobalValue::InternalLinkage, "molt.fini", module_);
  set_function_attributes(fini);
  b.SetInsertPoint(llvm::BasicBlock::Create(ctx_, "entry", fini));
  for (auto it = globals_.rbegin(); it != globals_.rend(); ++it) {
    llvm::Value* old = b.CreateLoad(i64(), *it);
    b.CreateStore(value_const(MOLT_UNBOUND), *it);
    b.CreateCall(abi_.get("molt_decref"), {old});
  }
  b.CreateRetVoid();

  // int main(int argc, char** argv); on wasm32 clang spells it
  // __main_argc_argv, which wasi-libc's _start calls.
  const char* main_name = options_.target == Target::Wasm32 ? "__main_argc_argv" : "main";
  auto* main_ty = llvm::FunctionType::get(i32(), {i32(), ptr()}, false);
  llvm::Function* main_fn = llvm::Function::Create(main_ty, llvm::GlobalValue::ExternalLinkage, main_name, module_);
  set_function_attributes(main_fn);
  b.SetInsertPoint(llvm::BasicBlock::Create(ctx_, "entry", main_fn));
  b.CreateRet(b.CreateCall(abi_.get("molt_rt_main"), {main_fn->getArg(0), main_fn->getArg(1), init, fini}));
}

bool ModuleEmitter::emit(ssa::Module& program, std::string* error) {
  for (size_t g = 0; g < program.globals.size(); ++g)
    globals_.push_back(new_slot(module_, i64(), MOLT_UNBOUND, "molt.global." + program.globals[g]));
  // MoltModuleInfo {global_names, global_slots, nglobals}.
  std::vector<llvm::Constant*> names, slots;
  for (size_t g = 0; g < program.globals.size(); ++g) {
    names.push_back(cstring(program.globals[g]));
    slots.push_back(globals_[g]);
  }
  auto* arr_ty = llvm::ArrayType::get(ptr(), names.size());
  auto* names_gv = new llvm::GlobalVariable(module_, arr_ty, true, llvm::GlobalValue::PrivateLinkage,
                                            llvm::ConstantArray::get(arr_ty, names), "molt.global_names");
  auto* slots_gv = new llvm::GlobalVariable(module_, arr_ty, true, llvm::GlobalValue::PrivateLinkage,
                                            llvm::ConstantArray::get(arr_ty, slots), "molt.global_slots");
  auto* info_ty = llvm::StructType::get(ctx_, {ptr(), ptr(), i32()});
  module_info_ = new llvm::GlobalVariable(
      module_, info_ty, true, llvm::GlobalValue::InternalLinkage,
      llvm::ConstantStruct::get(info_ty, {names_gv, slots_gv,
                                          llvm::ConstantInt::get(i32(), static_cast<int64_t>(names.size()))}),
      "molt.module_info");
  declare_functions(program);
  emit_descriptors(program);
  for (auto& fp : program.functions) {
    emit_function(*this, *fp);
    if (fp->is_generator) emit_generator_entry(fp.get());
  }
  // Constants are discovered while emitting bodies, so the init function
  // comes last.
  emit_entry_point(program);
  (void)error;
  return true;
}

}  // namespace molt::codegen
