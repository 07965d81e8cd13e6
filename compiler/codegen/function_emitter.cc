// function_emitter.cc — lowers one SSA function to LLVM IR.
//
// Every SSA value of type Value becomes an i64 holding the NaN-boxed bits;
// Bool values become i1. Instructions that may raise are followed by a test
// of their result and a cold path that records a traceback entry, releases
// the references listed by the refcount pass and returns MOLT_ERROR.
#include <cstring>

#include "codegen/emitter.h"
#include "llvm/IR/Intrinsics.h"
#include "llvm/IR/MDBuilder.h"

namespace molt::codegen {

namespace {

using ssa::Instr;
using ssa::Opcode;

class FunctionEmitter {
 public:
  FunctionEmitter(ModuleEmitter& m, ssa::Function& fn)
      : m_(m), fn_(fn), f_(fn.is_generator ? m.coroutine_body(&fn) : m.direct_entry(&fn)), b_(m.ctx()) {}

  void run() {
    fn_.renumber();
    llvm::BasicBlock* prologue = llvm::BasicBlock::Create(m_.ctx(), "prologue", f_);
    for (auto& bp : fn_.blocks) blocks_[bp.get()] = llvm::BasicBlock::Create(m_.ctx(), "bb" + std::to_string(bp->id), f_);
    error_exit_ = llvm::BasicBlock::Create(m_.ctx(), "error_exit", f_);

    b_.SetInsertPoint(prologue);
    size_t max_args = 0;
    for (auto& bp : fn_.blocks) {
      for (Instr* i : bp->instrs) {
        if (i->op == Opcode::Call || i->op == Opcode::CallBuiltin || i->op == Opcode::BuildTuple ||
            i->op == Opcode::BuildList || i->op == Opcode::CallMethod || i->op == Opcode::BuildDict ||
            i->op == Opcode::BuildSet || i->op == Opcode::BuildString) {
          size_t n = i->operands.size();
          if (n > max_args) max_args = n;
        }
      }
    }
    if (max_args > 0) args_buf_ = b_.CreateAlloca(llvm::ArrayType::get(m_.i64(), max_args), nullptr, "args");
    if (fn_.is_generator) {
      coroutine_prologue();
    } else if (!fn_.is_module_body) {
      // RecursionError instead of a native stack overflow.
      llvm::Value* r = b_.CreateCall(m_.abi().get("molt_enter_frame"), {});
      llvm::BasicBlock* too_deep = llvm::BasicBlock::Create(m_.ctx(), "too_deep", f_);
      b_.CreateCondBr(b_.CreateICmpNE(r, llvm::ConstantInt::get(m_.i32(), 0)), too_deep, blocks_[fn_.entry()],
                      unlikely());
      b_.SetInsertPoint(too_deep);
      b_.CreateRet(m_.value_const(MOLT_ERROR));
    } else {
      b_.CreateBr(blocks_[fn_.entry()]);
    }

    // Reverse postorder visits every definition before its (non-phi) uses.
    for (ssa::Block* block : reverse_postorder()) emit_block(block);
    fill_phis();

    b_.SetInsertPoint(error_exit_);
    if (fn_.is_generator) {
      // The exception stays pending for whoever resumed the generator.
      b_.CreateCall(m_.abi().get("molt_gen_fail"), {gen_});
      b_.CreateBr(final_suspend_);
      return;
    }
    if (!fn_.is_module_body) b_.CreateCall(m_.abi().get("molt_leave_frame"), {});
    b_.CreateRet(m_.value_const(MOLT_ERROR));
  }

 private:
  llvm::Function* intrinsic(llvm::Intrinsic::ID id, llvm::ArrayRef<llvm::Type*> types = {}) {
    return llvm::Intrinsic::getDeclaration(&m_.module(), id, types);
  }

  /// Generators: the coroutine set-up (frame allocation), the parameters
  /// taken over by the frame, the initial suspension, and the shared exits
  /// (final suspension, frame release, return of the handle).
  void coroutine_prologue() {
    gen_ = f_->getArg(0);
    llvm::Value* null = llvm::ConstantPointerNull::get(m_.ptr());
    coro_id_ = b_.CreateCall(intrinsic(llvm::Intrinsic::coro_id),
                             {llvm::ConstantInt::get(m_.i32(), 0), null, null, null});
    llvm::Value* size = b_.CreateCall(intrinsic(llvm::Intrinsic::coro_size, {m_.size_type()}), {});
    llvm::Value* mem = b_.CreateCall(m_.abi().get("molt_coro_alloc"), {size});
    coro_handle_ = b_.CreateCall(intrinsic(llvm::Intrinsic::coro_begin), {coro_id_, mem});
    // The frame owns the arguments from here on.
    for (unsigned a = 1; a < f_->arg_size(); ++a) b_.CreateCall(m_.abi().get("molt_incref"), {f_->getArg(a)});
    suspend_ret_ = llvm::BasicBlock::Create(m_.ctx(), "coro.suspend", f_);
    cleanup_ = llvm::BasicBlock::Create(m_.ctx(), "coro.cleanup", f_);
    final_suspend_ = llvm::BasicBlock::Create(m_.ctx(), "coro.final", f_);
    llvm::BasicBlock* never_started = llvm::BasicBlock::Create(m_.ctx(), "coro.never_started", f_);
    suspend(blocks_[fn_.entry()], never_started, false);
    b_.SetInsertPoint(never_started);
    for (unsigned a = 1; a < f_->arg_size(); ++a) b_.CreateCall(m_.abi().get("molt_decref"), {f_->getArg(a)});
    b_.CreateBr(cleanup_);

    b_.SetInsertPoint(final_suspend_);
    llvm::BasicBlock* after_final = llvm::BasicBlock::Create(m_.ctx(), "coro.after_final", f_);
    suspend(after_final, cleanup_, true);
    b_.SetInsertPoint(after_final);
    b_.CreateUnreachable();  // a finished coroutine is never resumed

    b_.SetInsertPoint(cleanup_);
    llvm::Value* frame = b_.CreateCall(intrinsic(llvm::Intrinsic::coro_free), {coro_id_, coro_handle_});
    b_.CreateCall(m_.abi().get("molt_coro_free"), {frame});
    b_.CreateBr(suspend_ret_);

    b_.SetInsertPoint(suspend_ret_);
    b_.CreateCall(intrinsic(llvm::Intrinsic::coro_end),
                  {coro_handle_, b_.getFalse(), llvm::ConstantTokenNone::get(m_.ctx())});
    b_.CreateRet(coro_handle_);
  }

  /// Suspends the coroutine at the insertion point: resumed -> `resume`,
  /// destroyed -> `destroy`, suspended -> return the handle.
  void suspend(llvm::BasicBlock* resume, llvm::BasicBlock* destroy, bool final) {
    llvm::Value* s = b_.CreateCall(intrinsic(llvm::Intrinsic::coro_suspend),
                                   {llvm::ConstantTokenNone::get(m_.ctx()), b_.getInt1(final)});
    llvm::SwitchInst* sw = b_.CreateSwitch(s, suspend_ret_, 2);
    sw->addCase(b_.getInt8(0), resume);
    sw->addCase(b_.getInt8(1), destroy);
  }

  std::vector<ssa::Block*> reverse_postorder() {
    std::vector<ssa::Block*> order;
    std::unordered_map<ssa::Block*, bool> seen;
    std::vector<std::pair<ssa::Block*, size_t>> stack{{fn_.entry(), 0}};
    seen[fn_.entry()] = true;
    while (!stack.empty()) {
      auto& [b, next] = stack.back();
      std::vector<ssa::Block*> succs = b->successors();
      if (next < succs.size()) {
        ssa::Block* s = succs[next++];
        if (!seen[s]) {
          seen[s] = true;
          stack.push_back({s, 0});
        }
      } else {
        order.push_back(b);
        stack.pop_back();
      }
    }
    return std::vector<ssa::Block*>(order.rbegin(), order.rend());
  }

  llvm::MDNode* unlikely() { return llvm::MDBuilder(m_.ctx()).createBranchWeights(1, 2000); }

  llvm::Value* v(Instr* i) { return values_.at(i); }

  void emit_block(ssa::Block* block) {
    b_.SetInsertPoint(blocks_[block]);
    for (Instr* i : block->instrs) emit(i);
  }

  /// Branches to a cold path when `failed` is true: traceback entry,
  /// release of live references, return MOLT_ERROR.
  void check(Instr* i, llvm::Value* failed) {
    llvm::BasicBlock* err = llvm::BasicBlock::Create(m_.ctx(), "raise", f_);
    llvm::BasicBlock* cont = llvm::BasicBlock::Create(m_.ctx(), "ok", f_);
    b_.CreateCondBr(failed, err, cont, unlikely());
    b_.SetInsertPoint(err);
    error_path(i);
    b_.SetInsertPoint(cont);
  }

  /// The Guard that follows `i` in its block, if `i` is inside a try.
  Instr* guard_of(Instr* i) {
    Instr* t = i->block->terminator();
    return t != nullptr && t->op == Opcode::Guard && t->guarded == i ? t : nullptr;
  }

  /// Emits, at the insertion point, what happens when `i` has raised: a
  /// traceback entry for this frame (except for re-raises), then either the
  /// jump towards the enclosing handler or the release of the live
  /// references and the function's error exit.
  void error_path(Instr* i) {
    // A bare `raise` keeps the traceback; so does the yield inside a `yield
    // from` (the exception thrown in goes on to the delegate).
    if (i->op != Opcode::ReraiseHandled && !(i->op == Opcode::Yield && i->aux == 1)) {
      b_.CreateCall(m_.abi().get("molt_traceback_add"),
                    {m_.code_info(&fn_), llvm::ConstantInt::get(m_.i32(), i->loc.line)});
    }
    if (Instr* g = guard_of(i)) {
      b_.CreateBr(blocks_[g->succ[1]]);
      return;
    }
    for (Instr* r : i->release_on_error) b_.CreateCall(m_.abi().get("molt_decref"), {v(r)});
    b_.CreateBr(error_exit_);
  }

  void check_value(Instr* i, llvm::Value* result) {
    check(i, b_.CreateICmpEQ(result, m_.value_const(MOLT_ERROR)));
  }

  /// Converts an i32 runtime result (0/1, -1 = error) to i1 after checking.
  llvm::Value* check_i32_bool(Instr* i, llvm::Value* r) {
    check(i, b_.CreateICmpSLT(r, llvm::ConstantInt::get(m_.i32(), 0)));
    return b_.CreateICmpNE(r, llvm::ConstantInt::get(m_.i32(), 0));
  }


  void raise_if_unbound(Instr* i, llvm::Value* value, const char* raiser) {
    llvm::Value* unbound = b_.CreateICmpEQ(value, m_.value_const(MOLT_UNBOUND));
    llvm::BasicBlock* err = llvm::BasicBlock::Create(m_.ctx(), "unbound", f_);
    llvm::BasicBlock* cont = llvm::BasicBlock::Create(m_.ctx(), "bound", f_);
    b_.CreateCondBr(unbound, err, cont, unlikely());
    b_.SetInsertPoint(err);
    b_.CreateCall(m_.abi().get(raiser), {m_.cstring(i->text)});
    error_path(i);
    b_.SetInsertPoint(cont);
  }

  void emit(Instr* i) {
    llvm::Value* r = nullptr;
    switch (i->op) {
      case Opcode::Param:
        r = f_->getArg(static_cast<unsigned>(i->imm) + (fn_.is_generator ? 1 : 0));
        break;
      case Opcode::ConstNone:
        r = m_.value_const(MOLT_NONE);
        break;
      case Opcode::ConstBool:
        r = m_.value_const(i->imm ? MOLT_TRUE : MOLT_FALSE);
        break;
      case Opcode::ConstInt: {
        int64_t small = 0;
        if (parse_small_int(i->text, &small)) {
          r = m_.value_const(molt_from_small_int(small));
        } else {
          r = b_.CreateLoad(m_.i64(), m_.int_constant(i->text));
        }
        break;
      }
      case Opcode::ConstFloat: {
        double d;
        std::memcpy(&d, &i->imm, sizeof d);
        r = m_.value_const(molt_from_double(d));
        break;
      }
      case Opcode::ConstStr:
        r = b_.CreateLoad(m_.i64(), m_.str_constant(i->text));
        break;
      case Opcode::ConstKwnames:
        r = b_.CreateLoad(m_.i64(), m_.kwnames_constant(i->names));
        break;
      case Opcode::Unbound:
        r = m_.value_const(MOLT_UNBOUND);
        break;
      case Opcode::Phi: {
        llvm::PHINode* phi = b_.CreatePHI(i->type == ssa::ValueType::Bool ? b_.getInt1Ty() : m_.i64(),
                                          static_cast<unsigned>(i->operands.size()));
        pending_phis_.push_back({i, phi});
        r = phi;
        break;
      }
      case Opcode::LoadGlobal: {
        llvm::Value* slot = m_.global_slot(i->imm);
        llvm::Value* value = b_.CreateLoad(m_.i64(), slot);
        ssa::BuiltinId id{};
        if (ssa::lookup_builtin(i->text, &id)) {
          // A global that shadows a builtin but is not assigned yet falls
          // back to the builtin, as CPython's LOAD_GLOBAL does.
          llvm::Value* builtin = b_.CreateLoad(m_.i64(), m_.builtin_constant(static_cast<int64_t>(id)));
          value = b_.CreateSelect(b_.CreateICmpEQ(value, m_.value_const(MOLT_UNBOUND)), builtin, value);
        } else {
          raise_if_unbound(i, value, "molt_raise_name_error");
        }
        b_.CreateCall(m_.abi().get("molt_incref"), {value});
        r = value;
        break;
      }
      case Opcode::StoreGlobal: {
        llvm::Value* slot = m_.global_slot(i->imm);
        llvm::Value* old = b_.CreateLoad(m_.i64(), slot);
        b_.CreateStore(v(i->operands[0]), slot);
        b_.CreateCall(m_.abi().get("molt_decref"), {old});
        break;
      }
      case Opcode::CheckGlobal: {
        llvm::Value* value = b_.CreateLoad(m_.i64(), m_.global_slot(i->imm));
        raise_if_unbound(i, value, "molt_raise_name_error");
        break;
      }
      case Opcode::LoadBuiltin:
        r = b_.CreateLoad(m_.i64(), m_.builtin_constant(i->imm));
        break;
      case Opcode::CheckBound:
        raise_if_unbound(i, v(i->operands[0]), "molt_raise_unbound_local");
        break;
      case Opcode::BinOp:
      case Opcode::InplaceOp: {
        std::string name = std::string(i->op == Opcode::BinOp ? "molt_binop_" : "molt_inplace_") +
                           std::string(ssa::binary_op_name(static_cast<ssa::BinaryOp>(i->imm)));
        r = b_.CreateCall(m_.abi().get(name), {v(i->operands[0]), v(i->operands[1])});
        check_value(i, r);
        break;
      }
      case Opcode::UnaryOp: {
        static const char* kNames[] = {"molt_unary_neg", "molt_unary_pos", "molt_unary_invert"};
        r = b_.CreateCall(m_.abi().get(kNames[i->imm]), {v(i->operands[0])});
        check_value(i, r);
        break;
      }
      case Opcode::Compare:
        r = b_.CreateCall(m_.abi().get("molt_compare"),
                          {v(i->operands[0]), v(i->operands[1]), llvm::ConstantInt::get(m_.i32(), i->imm)});
        check_value(i, r);
        break;
      case Opcode::CompareBool: {
        llvm::Value* c = b_.CreateCall(m_.abi().get("molt_compare_bool"),
                                       {v(i->operands[0]), v(i->operands[1]), llvm::ConstantInt::get(m_.i32(), i->imm)});
        r = check_i32_bool(i, c);
        break;
      }
      case Opcode::Is:
        r = b_.CreateICmpEQ(v(i->operands[0]), v(i->operands[1]));
        break;
      case Opcode::Truth: {
        llvm::Value* c = b_.CreateCall(m_.abi().get("molt_truth"), {v(i->operands[0])});
        r = check_i32_bool(i, c);
        break;
      }
      case Opcode::BoolNot:
        r = b_.CreateNot(v(i->operands[0]));
        break;
      case Opcode::BoxBool:
        r = b_.CreateSelect(v(i->operands[0]), m_.value_const(MOLT_TRUE), m_.value_const(MOLT_FALSE));
        break;
      case Opcode::CallDirect: {
        std::vector<llvm::Value*> args;
        for (Instr* a : i->operands) args.push_back(v(a));
        r = b_.CreateCall(m_.direct_entry(i->callee), args);
        check_value(i, r);
        break;
      }
      case Opcode::Call: {
        llvm::Value* kwnames = v(i->operands.back());
        size_t nvalues = i->operands.size() - 2;  // minus callable and kwnames
        llvm::Value* buf = nvalues ? store_args_range(i, 1, i->operands.size() - 1) : null_ptr();
        r = b_.CreateCall(m_.abi().get("molt_call"),
                          {v(i->operands[0]), buf, llvm::ConstantInt::get(m_.size_type(), i->aux), kwnames});
        check_value(i, r);
        break;
      }
      case Opcode::CallBuiltin: {
        llvm::Value* kwnames = v(i->operands.back());
        size_t nvalues = i->operands.size() - 1;
        llvm::Value* buf = nvalues ? store_args_range(i, 0, i->operands.size() - 1) : null_ptr();
        std::string_view impl = ssa::builtin_impl(static_cast<ssa::BuiltinId>(i->imm));
        r = b_.CreateCall(m_.abi().get(impl), {buf, llvm::ConstantInt::get(m_.size_type(), i->aux), kwnames});
        check_value(i, r);
        break;
      }
      case Opcode::MakeFunction:
        r = b_.CreateCall(m_.abi().get("molt_function_new_ex"),
                          {m_.function_info(i->callee), v(i->operands[0]), v(i->operands[1]), v(i->operands[2])});
        check_value(i, r);
        break;
      case Opcode::BuildDict: {
        size_t n = i->operands.size();
        llvm::Value* buf = n ? store_args_range(i, 0, n) : null_ptr();
        r = b_.CreateCall(m_.abi().get("molt_build_dict"), {buf, llvm::ConstantInt::get(m_.size_type(), n / 2)});
        check_value(i, r);
        break;
      }
      case Opcode::BuildSet: {
        size_t n = i->operands.size();
        llvm::Value* buf = n ? store_args_range(i, 0, n) : null_ptr();
        r = b_.CreateCall(m_.abi().get("molt_build_set"), {buf, llvm::ConstantInt::get(m_.size_type(), n)});
        check_value(i, r);
        break;
      }
      case Opcode::WithBegin:
        r = call_value(i, "molt_with_begin");
        break;
      case Opcode::WithExit:
        r = call_value(i, "molt_with_exit");
        break;
      case Opcode::FormatValue:
        r = b_.CreateCall(m_.abi().get("molt_format_value"),
                          {v(i->operands[0]), llvm::ConstantInt::get(m_.i32(), i->imm), v(i->operands[1])});
        check_value(i, r);
        break;
      case Opcode::BuildString: {
        size_t n = i->operands.size();
        llvm::Value* buf = n ? store_args_range(i, 0, n) : null_ptr();
        r = b_.CreateCall(m_.abi().get("molt_build_string"), {buf, llvm::ConstantInt::get(m_.size_type(), n)});
        check_value(i, r);
        break;
      }
      case Opcode::BuildClass:
        r = call_value(i, "molt_build_class");
        break;
      case Opcode::ClassGet:
        r = call_value(i, "molt_class_get");
        break;
      case Opcode::MakeCell:
        r = call_value(i, "molt_make_cell");
        break;
      case Opcode::CellGet:
        r = b_.CreateCall(m_.abi().get("molt_cell_get"),
                          {v(i->operands[0]), m_.cstring(i->text), llvm::ConstantInt::get(m_.i32(), i->imm)});
        check_value(i, r);
        break;
      case Opcode::CellSet:
        b_.CreateCall(m_.abi().get("molt_cell_set"), {v(i->operands[0]), v(i->operands[1])});
        break;
      case Opcode::BuildList: {
        size_t n = i->operands.size();
        llvm::Value* buf = n ? store_args_range(i, 0, n) : null_ptr();
        r = b_.CreateCall(m_.abi().get("molt_build_list"), {buf, llvm::ConstantInt::get(m_.size_type(), n)});
        check_value(i, r);
        break;
      }
      case Opcode::BuildSlice:
        r = call_value(i, "molt_build_slice");
        break;
      case Opcode::GetIter:
        r = call_value(i, "molt_get_iter");
        break;
      case Opcode::IterNext:
        r = call_value(i, "molt_iter_next");
        break;
      case Opcode::GetItem:
        r = call_value(i, "molt_getitem");
        break;
      case Opcode::GetAttr:
        r = call_value(i, "molt_getattr");
        break;
      case Opcode::SetItem:
        call_status(i, "molt_setitem");
        break;
      case Opcode::CallEx:
        r = call_value(i, "molt_call_ex");
        break;
      case Opcode::ListAppend:
        call_status(i, "molt_list_append");
        break;
      case Opcode::ListExtendStar:
        call_status(i, "molt_list_extend_star");
        break;
      case Opcode::ListToTuple:
        r = call_value(i, "molt_list_to_tuple");
        break;
      case Opcode::SetAdd:
        call_status(i, "molt_set_add");
        break;
      case Opcode::SetUpdate:
        call_status(i, "molt_set_update");
        break;
      case Opcode::DictUpdate:
        call_status(i, "molt_dict_update_display");
        break;
      case Opcode::DictMergeKw:
        call_status(i, "molt_dict_merge_kwargs");
        break;
      case Opcode::DelItem:
        call_status(i, "molt_delitem");
        break;
      case Opcode::SetAttr:
        call_status(i, "molt_setattr");
        break;
      case Opcode::DelAttr:
        call_status(i, "molt_delattr");
        break;
      case Opcode::Contains: {
        llvm::Value* c = b_.CreateCall(m_.abi().get("molt_contains"), {v(i->operands[0]), v(i->operands[1])});
        r = check_i32_bool(i, c);
        break;
      }
      case Opcode::CallMethod: {
        llvm::Value* kwnames = v(i->operands.back());
        size_t nvalues = i->operands.size() - 3;  // object, name, kwnames
        llvm::Value* buf = nvalues ? store_args_range(i, 2, i->operands.size() - 1) : null_ptr();
        r = b_.CreateCall(m_.abi().get("molt_call_method"),
                          {v(i->operands[0]), v(i->operands[1]), buf, llvm::ConstantInt::get(m_.size_type(), i->aux),
                           kwnames});
        check_value(i, r);
        break;
      }
      case Opcode::Unpack:
        r = b_.CreateCall(m_.abi().get("molt_unpack"),
                          {v(i->operands[0]), llvm::ConstantInt::get(m_.size_type(), i->imm)});
        check_value(i, r);
        break;
      case Opcode::UnpackEx:
        r = b_.CreateCall(m_.abi().get("molt_unpack_ex"),
                          {v(i->operands[0]), llvm::ConstantInt::get(m_.size_type(), i->imm),
                           llvm::ConstantInt::get(m_.size_type(), i->aux)});
        check_value(i, r);
        break;
      case Opcode::TupleGet:
        r = b_.CreateCall(m_.abi().get("molt_tuple_get"),
                          {v(i->operands[0]), llvm::ConstantInt::get(m_.size_type(), i->imm)});
        break;
      case Opcode::BuildTuple: {
        size_t n = i->operands.size();
        llvm::Value* buf = n ? store_args_range(i, 0, n) : null_ptr();
        r = b_.CreateCall(m_.abi().get("molt_tuple_from_array"), {buf, llvm::ConstantInt::get(m_.size_type(), n)});
        check_value(i, r);
        break;
      }
      case Opcode::Raise: {
        llvm::Value* e = b_.CreateCall(m_.abi().get("molt_raise"), {v(i->operands[0]), v(i->operands[1])});
        check_value(i, e);
        break;
      }
      case Opcode::ReraiseHandled: {
        llvm::Value* e = b_.CreateCall(m_.abi().get("molt_reraise_handled"), {});
        check_value(i, e);
        break;
      }
      case Opcode::Catch:
        r = b_.CreateCall(m_.abi().get("molt_catch"), {});
        break;
      case Opcode::SetHandled:
        r = b_.CreateCall(m_.abi().get("molt_set_handled"), {v(i->operands[0])});
        break;
      case Opcode::RestoreHandled:
        b_.CreateCall(m_.abi().get("molt_restore_handled"), {v(i->operands[0])});
        break;
      case Opcode::ExcMatch: {
        llvm::Value* c =
            b_.CreateCall(m_.abi().get("molt_exception_matches"), {v(i->operands[0]), v(i->operands[1])});
        r = check_i32_bool(i, c);
        break;
      }
      case Opcode::Guard:
        // The failure edge was emitted at the guarded instruction.
        exits_[i->block] = b_.GetInsertBlock();
        b_.CreateBr(blocks_[i->succ[0]]);
        break;
      case Opcode::Reraise:
        b_.CreateCall(m_.abi().get("molt_reraise"), {v(i->operands[0])});
        exits_[i->block] = b_.GetInsertBlock();
        b_.CreateBr(i->succ[0] != nullptr ? blocks_[i->succ[0]] : error_exit_);
        break;
      case Opcode::Incref:
        b_.CreateCall(m_.abi().get("molt_incref"), {v(i->operands[0])});
        break;
      case Opcode::Decref:
        b_.CreateCall(m_.abi().get("molt_decref"), {v(i->operands[0])});
        break;
      case Opcode::Br:
        exits_[i->block] = b_.GetInsertBlock();
        b_.CreateBr(blocks_[i->succ[0]]);
        break;
      case Opcode::CondBr:
        exits_[i->block] = b_.GetInsertBlock();
        b_.CreateCondBr(v(i->operands[0]), blocks_[i->succ[0]], blocks_[i->succ[1]]);
        break;
      case Opcode::Return:
        if (fn_.is_generator) {
          // The return value becomes StopIteration's value.
          b_.CreateCall(m_.abi().get("molt_gen_return"), {gen_, v(i->operands[0])});
          b_.CreateCall(m_.abi().get("molt_decref"), {v(i->operands[0])});
          b_.CreateBr(final_suspend_);
          break;
        }
        if (!fn_.is_module_body) b_.CreateCall(m_.abi().get("molt_leave_frame"), {});
        b_.CreateRet(v(i->operands[0]));
        break;
      case Opcode::Yield: {
        b_.CreateCall(m_.abi().get("molt_gen_yield"), {gen_, v(i->operands[0])});
        llvm::BasicBlock* resumed = llvm::BasicBlock::Create(m_.ctx(), "resumed", f_);
        llvm::BasicBlock* destroyed = llvm::BasicBlock::Create(m_.ctx(), "destroyed", f_);
        suspend(resumed, destroyed, false);
        // Destroyed while suspended here: release what the frame holds.
        b_.SetInsertPoint(destroyed);
        for (Instr* rel : i->release_on_error) b_.CreateCall(m_.abi().get("molt_decref"), {v(rel)});
        b_.CreateBr(cleanup_);
        b_.SetInsertPoint(resumed);
        r = b_.CreateCall(m_.abi().get("molt_gen_resumed"), {gen_});
        check_value(i, r);
        break;
      }
      case Opcode::YieldFromStep:
        r = call_value(i, "molt_yield_from_step");
        break;
      case Opcode::YieldFromThrow:
        r = call_value(i, "molt_yield_from_throw");
        break;
      case Opcode::YieldFromResult:
        r = b_.CreateCall(m_.abi().get("molt_yield_from_result"), {v(i->operands[0])});
        break;
      case Opcode::Unreachable:
        b_.CreateUnreachable();
        break;
    }
    if (r != nullptr) values_[i] = r;
  }

  /// Calls `fn` with the instruction's operands; checks for MOLT_ERROR.
  llvm::Value* call_value(Instr* i, const char* fn) {
    std::vector<llvm::Value*> args;
    for (Instr* a : i->operands) args.push_back(v(a));
    llvm::Value* r = b_.CreateCall(m_.abi().get(fn), args);
    check_value(i, r);
    return r;
  }

  /// Calls an i32-status `fn` (0 ok, -1 error) with the operands.
  void call_status(Instr* i, const char* fn) {
    std::vector<llvm::Value*> args;
    for (Instr* a : i->operands) args.push_back(v(a));
    llvm::Value* s = b_.CreateCall(m_.abi().get(fn), args);
    check(i, b_.CreateICmpSLT(s, llvm::ConstantInt::get(m_.i32(), 0)));
  }

  llvm::Value* null_ptr() { return llvm::ConstantPointerNull::get(m_.ptr()); }

  llvm::Value* store_args_range(Instr* i, size_t first, size_t end) {
    for (size_t k = first; k < end; ++k) {
      llvm::Value* slot = b_.CreateConstInBoundsGEP2_32(args_buf_->getAllocatedType(), args_buf_, 0,
                                                        static_cast<unsigned>(k - first));
      b_.CreateStore(v(i->operands[k]), slot);
    }
    return b_.CreateConstInBoundsGEP2_32(args_buf_->getAllocatedType(), args_buf_, 0, 0);
  }

  void fill_phis() {
    for (auto& [instr, phi] : pending_phis_) {
      for (size_t k = 0; k < instr->operands.size(); ++k) {
        ssa::Block* pred = instr->block->preds[k];
        phi->addIncoming(v(instr->operands[k]), exits_.at(pred));
      }
    }
  }

  ModuleEmitter& m_;
  ssa::Function& fn_;
  llvm::Function* f_;
  llvm::IRBuilder<> b_;
  llvm::BasicBlock* error_exit_ = nullptr;
  // Generators only.
  llvm::Value* gen_ = nullptr;
  llvm::Value* coro_id_ = nullptr;
  llvm::Value* coro_handle_ = nullptr;
  llvm::BasicBlock* suspend_ret_ = nullptr;
  llvm::BasicBlock* cleanup_ = nullptr;
  llvm::BasicBlock* final_suspend_ = nullptr;
  llvm::AllocaInst* args_buf_ = nullptr;
  std::unordered_map<ssa::Block*, llvm::BasicBlock*> blocks_;
  std::unordered_map<ssa::Block*, llvm::BasicBlock*> exits_;  // last LLVM block of each SSA block
  std::unordered_map<Instr*, llvm::Value*> values_;
  std::vector<std::pair<Instr*, llvm::PHINode*>> pending_phis_;
};

}  // namespace

void emit_function(ModuleEmitter& m, ssa::Function& fn) { FunctionEmitter(m, fn).run(); }

}  // namespace molt::codegen
