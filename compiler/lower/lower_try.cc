// lower_try.cc — lowering of `try`/`except`/`else`/`finally` and `raise`.
//
// Inside a `try` body every instruction that may raise ends its block with
// a Guard whose failure edge leads to the handler block, so the handler's
// phis see each variable's value at the raising point (ssa_builder does the
// rest). A handler takes the pending exception (Catch), makes it the
// handled exception (SetHandled, which also returns the previous one), and
// restores the previous one on every way out — normally, by a jump out of
// the block (exit actions), or when the handler itself raises (a cleanup
// block that restores and re-raises). `finally` bodies are lowered once per
// way out: the normal path, the exceptional path, and inline before each
// return/break/continue that leaves them, as CPython's compiler does.
#include "lower/lower_internal.h"

namespace molt::lower {

using ssa::Block;
using ssa::Instr;
using ssa::Opcode;

void FunctionLowerer::reraise(Instr* exc) {
  Block* from = current();
  Instr* r = emit_in(from, Opcode::Reraise, {exc}, nullptr);
  if (handler_ != nullptr) {
    r->succ[0] = handler_;
    ssa::link(from, handler_);
  }
  cur_ = nullptr;
}

void FunctionLowerer::unbind(std::string_view name, const ast::Node* at) {
  if (ctx_.scopes.resolve(scope_, name) == sema::NameKind::ClassName) {
    // CPython's implicit `name = None; del name` in the namespace.
    emit(Opcode::SetItem, {class_ns_, str_constant(name), none()}, at);
    emit(Opcode::DelItem, {class_ns_, str_constant(name)}, at);
    return;
  }
  store_name(name, unbound_, at);
}

void FunctionLowerer::run_exit_actions(size_t from) {
  for (size_t k = exits_.size(); k-- > from;) {
    if (cur_ == nullptr) return;  // an earlier action left the path (return in finally)
    ExitAction action = exits_[k];
    switch (action.kind) {
      case ExitAction::Finally: {
        std::vector<ExitAction> saved_exits = exits_;
        Block* saved_handler = handler_;
        exits_.resize(k);
        handler_ = action.outer_handler;
        stmts(*action.finally_body);
        exits_ = std::move(saved_exits);
        handler_ = saved_handler;
        break;
      }
      case ExitAction::RestoreHandled:
        emit(Opcode::RestoreHandled, {action.prev_handled}, nullptr);
        break;
      case ExitAction::UnbindName:
        unbind(action.name, action.at);
        break;
      case ExitAction::WithExit: {
        // Leaving a with block early: __exit__(None, None, None), with the
        // handler outside the with statement.
        Block* saved_handler = handler_;
        handler_ = action.outer_handler;
        emit(Opcode::WithExit, {action.prev_handled, none()}, action.at);
        handler_ = saved_handler;
        break;
      }
    }
  }
}

void FunctionLowerer::lower_raise(const ast::RaiseNode* s) {
  if (s->exc == nullptr) {
    emit(Opcode::ReraiseHandled, {}, s);
  } else {
    Instr* exc = expr(s->exc);
    Instr* cause = s->cause ? expr(s->cause) : unbound_;
    emit(Opcode::Raise, {exc, cause}, s);
  }
  // Raising never falls through.
  emit_in(current(), Opcode::Unreachable, {}, nullptr);
  cur_ = nullptr;
}

void FunctionLowerer::lower_assert(const ast::AssertNode* s) {
  Block* ok = fn_->new_block();
  Block* fail = fn_->new_block();
  cond(s->test, ok, fail);
  vars_.seal(fail);
  set_block(fail);
  Instr* type = entry_constant(Opcode::LoadBuiltin);
  ssa::BuiltinId id{};
  ssa::lookup_builtin("AssertionError", &id);
  type->imm = static_cast<int64_t>(id);
  Instr* exc = type;
  if (s->msg != nullptr) {
    Instr* msg = expr(s->msg);
    exc = emit(Opcode::Call, {type, msg, none()}, s);
    exc->aux = 1;
  }
  emit(Opcode::Raise, {exc, unbound_}, s);
  emit_in(current(), Opcode::Unreachable, {}, nullptr);
  cur_ = nullptr;
  vars_.seal(ok);
  set_block(ok);
}

void FunctionLowerer::lower_with(const ast::WithNode* s, uint32_t index) {
  if (index == s->items.size) {
    stmts(s->body);
    return;
  }
  // Each item is a with statement nested in the previous one.
  const auto* item = ast::cast<ast::withitemNode>(s->items[index]);
  Instr* mgr = expr(item->context_expr);
  Instr* pair = emit(Opcode::WithBegin, {mgr}, item->context_expr);
  Instr* exit = emit(Opcode::TupleGet, {pair}, s);
  exit->imm = 0;
  Instr* value = emit(Opcode::TupleGet, {pair}, s);
  value->imm = 1;
  Block* outer = handler_;
  Block* handler = fn_->new_block();
  handler_ = handler;
  exits_.push_back({ExitAction::WithExit, nullptr, outer, exit, {}, s});
  if (item->optional_vars != nullptr) assign_to(item->optional_vars, value);
  lower_with(s, index + 1);
  exits_.pop_back();
  handler_ = outer;
  Block* after = fn_->new_block();
  if (cur_ != nullptr) {
    emit(Opcode::WithExit, {exit, none()}, s);
    branch(after);
  }
  // An exception in the body: __exit__(type, exc, tb) decides whether it
  // propagates.
  vars_.seal(handler);
  if (!handler->preds.empty()) {
    set_block(handler);
    Instr* exc = emit(Opcode::Catch, {}, nullptr);
    Instr* prev = emit(Opcode::SetHandled, {exc}, nullptr);
    Block* cleanup = fn_->new_block();
    handler_ = cleanup;
    Instr* r = emit(Opcode::WithExit, {exit, exc}, s);
    Instr* suppress = emit(Opcode::Truth, {r}, s);
    handler_ = outer;
    Block* reraise_block = fn_->new_block();
    Block* swallow = fn_->new_block();
    cond_branch(suppress, swallow, reraise_block);
    vars_.seal(swallow);
    set_block(swallow);
    emit(Opcode::RestoreHandled, {prev}, nullptr);
    branch(after);
    vars_.seal(reraise_block);
    set_block(reraise_block);
    emit(Opcode::RestoreHandled, {prev}, nullptr);
    reraise(exc);
    vars_.seal(cleanup);
    if (!cleanup->preds.empty()) {
      set_block(cleanup);
      Instr* inner = emit(Opcode::Catch, {}, nullptr);
      emit(Opcode::RestoreHandled, {prev}, nullptr);
      reraise(inner);
    }
  }
  vars_.seal(after);
  set_block(after->preds.empty() ? nullptr : after);
}

void FunctionLowerer::lower_try(const ast::TryNode* s) {
  if (s->finalbody.empty()) {
    lower_try_except(s);
    return;
  }
  Block* outer = handler_;
  Block* fin_handler = fn_->new_block();
  handler_ = fin_handler;
  exits_.push_back({ExitAction::Finally, &s->finalbody, outer, nullptr, {}, s});
  lower_try_except(s);
  exits_.pop_back();
  handler_ = outer;
  // Normal completion runs the finally body and continues after the try.
  if (cur_ != nullptr) stmts(s->finalbody);
  Block* after = cur_;

  // Exceptional completion: run the finally body with the exception
  // handled, then re-raise it (unless the body returns, breaks or raises).
  vars_.seal(fin_handler);
  if (fin_handler->preds.empty()) {
    set_block(after);
    return;
  }
  set_block(fin_handler);
  Instr* exc = emit(Opcode::Catch, {}, nullptr);
  Instr* prev = emit(Opcode::SetHandled, {exc}, nullptr);
  Block* cleanup = fn_->new_block();
  handler_ = cleanup;
  exits_.push_back({ExitAction::RestoreHandled, nullptr, outer, prev, {}, s});
  stmts(s->finalbody);
  exits_.pop_back();
  handler_ = outer;
  if (cur_ != nullptr) {
    emit(Opcode::RestoreHandled, {prev}, nullptr);
    reraise(exc);
  }
  vars_.seal(cleanup);
  if (!cleanup->preds.empty()) {
    set_block(cleanup);
    Instr* inner = emit(Opcode::Catch, {}, nullptr);
    emit(Opcode::RestoreHandled, {prev}, nullptr);
    reraise(inner);
  }
  set_block(after);
}

void FunctionLowerer::lower_try_except(const ast::TryNode* s) {
  if (s->handlers.empty()) {
    stmts(s->body);
    return;
  }
  Block* outer = handler_;
  Block* handler = fn_->new_block();
  handler_ = handler;
  stmts(s->body);
  handler_ = outer;
  Block* after = fn_->new_block();
  if (cur_ != nullptr) {
    stmts(s->orelse);  // `else` runs outside the except clauses' protection
    if (cur_ != nullptr) branch(after);
  }

  vars_.seal(handler);
  set_block(handler);
  Instr* exc = emit(Opcode::Catch, {}, nullptr);
  Instr* prev = emit(Opcode::SetHandled, {exc}, nullptr);
  Block* cleanup = fn_->new_block();
  handler_ = cleanup;
  exits_.push_back({ExitAction::RestoreHandled, nullptr, outer, prev, {}, s});
  for (const ast::Node* hn : s->handlers) {
    const auto* h = ast::cast<ast::ExceptHandlerNode>(hn);
    Block* next = nullptr;
    if (h->type != nullptr) {
      Instr* type = expr(h->type);
      Instr* match = emit(Opcode::ExcMatch, {exc, type}, h->type);
      Block* body = fn_->new_block();
      next = fn_->new_block();
      cond_branch(match, body, next);
      vars_.seal(body);
      set_block(body);
    }
    bool named = h->name.data() != nullptr;
    Block* clause_cleanup = nullptr;
    if (named) {
      // `except E as name:` binds the exception and unbinds it however the
      // clause is left (CPython's implicit `finally: del name`).
      store_name(h->name, exc, h);
      clause_cleanup = fn_->new_block();
      handler_ = clause_cleanup;
      exits_.push_back({ExitAction::UnbindName, nullptr, cleanup, nullptr, h->name, h});
    }
    stmts(h->body);
    if (named) {
      exits_.pop_back();
      handler_ = cleanup;
      if (cur_ != nullptr) unbind(h->name, h);
    }
    if (cur_ != nullptr) {
      emit(Opcode::RestoreHandled, {prev}, nullptr);
      branch(after);
    }
    if (named) {
      vars_.seal(clause_cleanup);
      if (!clause_cleanup->preds.empty()) {
        set_block(clause_cleanup);
        Instr* inner = emit(Opcode::Catch, {}, nullptr);
        unbind(h->name, h);
        reraise(inner);  // to `cleanup`, which restores the handled exception
      }
    }
    if (next == nullptr) {
      set_block(nullptr);  // a bare `except:` catches everything (it must be last)
      break;
    }
    vars_.seal(next);
    set_block(next);
  }
  exits_.pop_back();
  handler_ = outer;
  // No clause matched: re-raise the exception as it was.
  if (cur_ != nullptr) {
    emit(Opcode::RestoreHandled, {prev}, nullptr);
    reraise(exc);
  }
  // A clause raised: restore the handled exception and propagate.
  vars_.seal(cleanup);
  if (!cleanup->preds.empty()) {
    set_block(cleanup);
    Instr* inner = emit(Opcode::Catch, {}, nullptr);
    emit(Opcode::RestoreHandled, {prev}, nullptr);
    reraise(inner);
  }
  vars_.seal(after);
  set_block(after->preds.empty() ? nullptr : after);
}

}  // namespace molt::lower
