// lower_stmt.cc — lowering of statements: assignments, control flow,
// function definitions. Statements outside the supported subset are
// reported as compile errors naming the construct.
#include "lower/lower_internal.h"

namespace molt::lower {

using ssa::Block;
using ssa::Instr;
using ssa::Opcode;

namespace {

/// How a statement kind is named in "X is not supported" messages.
std::string_view statement_name(ast::NodeKind k) {
  switch (k) {
    case ast::NodeKind::AsyncFunctionDef: return "'async def'";
    case ast::NodeKind::TypeAlias: return "the 'type' statement";
    case ast::NodeKind::AsyncFor: return "the 'async for' statement";
    case ast::NodeKind::AsyncWith: return "the 'async with' statement";
    case ast::NodeKind::Match: return "the 'match' statement";
    case ast::NodeKind::TryStar: return "the 'try'/'except*' statement";
    case ast::NodeKind::Import: return "the 'import' statement";
    case ast::NodeKind::ImportFrom: return "the 'from ... import' statement";
    default: return "this statement";
  }
}

}  // namespace

void FunctionLowerer::stmts(const ast::NodeList& list) {
  for (const ast::Node* s : list) stmt(s);
}

void FunctionLowerer::stmt(const ast::Node* s) {
  switch (s->kind) {
    case ast::NodeKind::Expr:
      expr(ast::cast<ast::ExprNode>(s)->value);
      return;
    case ast::NodeKind::Assign: {
      const auto* a = ast::cast<ast::AssignNode>(s);
      Instr* value = expr(a->value);
      for (const ast::Node* t : a->targets) assign_to(t, value);
      return;
    }
    case ast::NodeKind::AnnAssign: {
      const auto* a = ast::cast<ast::AnnAssignNode>(s);
      if (a->target->kind != ast::NodeKind::Name) {
        unsupported(a->target, "annotated assignment to this target");
        return;
      }
      // At module level CPython evaluates the annotation (a NameError there
      // is observable); inside functions annotations are not evaluated.
      if (scope_.is_module) expr(a->annotation);
      if (a->value) assign_to(a->target, expr(a->value));
      return;
    }
    case ast::NodeKind::AugAssign:
      lower_aug_assign(ast::cast<ast::AugAssignNode>(s));
      return;
    case ast::NodeKind::If:
      lower_if(ast::cast<ast::IfNode>(s));
      return;
    case ast::NodeKind::While:
      lower_while(ast::cast<ast::WhileNode>(s));
      return;
    case ast::NodeKind::For:
      lower_for(ast::cast<ast::ForNode>(s));
      return;
    case ast::NodeKind::Delete:
      for (const ast::Node* t : ast::cast<ast::DeleteNode>(s)->targets) lower_delete(t);
      return;
    case ast::NodeKind::Pass:
      return;
    case ast::NodeKind::Break:
      if (!loops_.empty()) {
        run_exit_actions(loops_.back().exit_depth);
        if (cur_) branch(loops_.back().break_to);
      }
      return;
    case ast::NodeKind::Continue:
      if (!loops_.empty()) {
        run_exit_actions(loops_.back().exit_depth);
        if (cur_) branch(loops_.back().continue_to);
      }
      return;
    case ast::NodeKind::Try:
      lower_try(ast::cast<ast::TryNode>(s));
      return;
    case ast::NodeKind::Raise:
      lower_raise(ast::cast<ast::RaiseNode>(s));
      return;
    case ast::NodeKind::With:
      lower_with(ast::cast<ast::WithNode>(s), 0);
      return;
    case ast::NodeKind::Assert:
      lower_assert(ast::cast<ast::AssertNode>(s));
      return;
    case ast::NodeKind::Return:
      lower_return(ast::cast<ast::ReturnNode>(s));
      return;
    case ast::NodeKind::FunctionDef:
      lower_function_def(ast::cast<ast::FunctionDefNode>(s));
      return;
    case ast::NodeKind::ClassDef:
      lower_class_def(ast::cast<ast::ClassDefNode>(s));
      return;
    case ast::NodeKind::Global:
    case ast::NodeKind::Nonlocal:
      return;  // handled by scope analysis
    default:
      unsupported(s, statement_name(s->kind));
      return;
  }
}

void FunctionLowerer::assign_to(const ast::Node* target, Instr* value) {
  if (target->kind != ast::NodeKind::Name) {
    switch (target->kind) {
      case ast::NodeKind::Tuple:
      case ast::NodeKind::List: {
        const ast::NodeList& elts = target->kind == ast::NodeKind::Tuple ? ast::cast<ast::TupleNode>(target)->elts
                                                                         : ast::cast<ast::ListNode>(target)->elts;
        int64_t star = -1;
        for (uint32_t k = 0; k < elts.size; ++k) {
          if (elts[k]->kind == ast::NodeKind::Starred) star = k;
        }
        Instr* items;
        if (star < 0) {
          items = emit(Opcode::Unpack, {value}, target);
          items->imm = elts.size;
        } else {
          items = emit(Opcode::UnpackEx, {value}, target);
          items->imm = star;
          items->aux = static_cast<int64_t>(elts.size) - star - 1;
        }
        for (uint32_t k = 0; k < elts.size; ++k) {
          Instr* item = emit(Opcode::TupleGet, {items}, target);
          item->imm = k;
          const ast::Node* t = elts[k];
          if (t->kind == ast::NodeKind::Starred) t = ast::cast<ast::StarredNode>(t)->value;
          assign_to(t, item);
        }
        return;
      }
      case ast::NodeKind::Attribute: {
        const auto* a = ast::cast<ast::AttributeNode>(target);
        Instr* obj = expr(a->value);
        emit(Opcode::SetAttr, {obj, str_constant(a->attr), value}, target);
        return;
      }
      case ast::NodeKind::Subscript: {
        const auto* s = ast::cast<ast::SubscriptNode>(target);
        Instr* obj = expr(s->value);
        Instr* key = subscript_key(s->slice);
        emit(Opcode::SetItem, {obj, key, value}, target);
        return;
      }
      default:
        unsupported(target, "assignment to this target");
        return;
    }
  }
  store_name(ast::cast<ast::NameNode>(target)->id, value, target);
}

void FunctionLowerer::lower_aug_assign(const ast::AugAssignNode* s) {
  // The target's object and key are evaluated once: `a[i] += x` reads and
  // writes the same a and i.
  if (const auto* a = ast::dyn_cast<ast::AttributeNode>(s->target)) {
    Instr* obj = expr(a->value);
    Instr* name = str_constant(a->attr);
    Instr* old = emit(Opcode::GetAttr, {obj, name}, s->target);
    Instr* rhs = expr(s->value);
    Instr* result = emit(Opcode::InplaceOp, {old, rhs}, s);
    result->imm = static_cast<int64_t>(to_binary_op(s->op));
    emit(Opcode::SetAttr, {obj, name, result}, s->target);
    return;
  }
  if (const auto* sub = ast::dyn_cast<ast::SubscriptNode>(s->target)) {
    Instr* obj = expr(sub->value);
    Instr* key = subscript_key(sub->slice);
    Instr* old = emit(Opcode::GetItem, {obj, key}, s->target);
    Instr* rhs = expr(s->value);
    Instr* result = emit(Opcode::InplaceOp, {old, rhs}, s);
    result->imm = static_cast<int64_t>(to_binary_op(s->op));
    emit(Opcode::SetItem, {obj, key, result}, s->target);
    return;
  }
  if (s->target->kind != ast::NodeKind::Name) {
    unsupported(s->target, "augmented assignment to this target");
    return;
  }
  const auto* name = ast::cast<ast::NameNode>(s->target);
  // Read the target as an expression (same NameError/UnboundLocalError as
  // CPython), then store the in-place result back.
  ast::NameNode load = *name;
  load.ctx = ast::ExprContext::Load;
  Instr* old = load_name(&load);
  Instr* rhs = expr(s->value);
  Instr* result = emit(Opcode::InplaceOp, {old, rhs}, s);
  result->imm = static_cast<int64_t>(to_binary_op(s->op));
  assign_to(s->target, result);
}

void FunctionLowerer::lower_if(const ast::IfNode* s) {
  Block* then_block = fn_->new_block();
  Block* else_block = s->orelse.empty() ? nullptr : fn_->new_block();
  Block* done = fn_->new_block();
  cond(s->test, then_block, else_block ? else_block : done);
  vars_.seal(then_block);
  set_block(then_block);
  stmts(s->body);
  if (cur_) branch(done);
  if (else_block) {
    vars_.seal(else_block);
    set_block(else_block);
    stmts(s->orelse);
    if (cur_) branch(done);
  }
  vars_.seal(done);
  // With no predecessors the join is unreachable: both arms left early.
  set_block(done->preds.empty() ? nullptr : done);
}

void FunctionLowerer::lower_while(const ast::WhileNode* s) {
  Block* header = fn_->new_block();
  Block* body = fn_->new_block();
  Block* else_block = s->orelse.empty() ? nullptr : fn_->new_block();
  Block* done = fn_->new_block();
  branch(header);
  set_block(header);
  cond(s->test, body, else_block ? else_block : done);
  vars_.seal(body);
  set_block(body);
  loops_.push_back({header, done, exits_.size()});
  stmts(s->body);
  loops_.pop_back();
  if (cur_) branch(header);
  vars_.seal(header);  // all back edges are known now
  if (else_block) {
    vars_.seal(else_block);
    set_block(else_block);
    stmts(s->orelse);
    if (cur_) branch(done);
  }
  vars_.seal(done);
  set_block(done->preds.empty() ? nullptr : done);
}

void FunctionLowerer::lower_for(const ast::ForNode* s) {
  // it = iter(x); loop: item = next(it) or leave; target = item; body
  Instr* iterable = expr(s->iter);
  Instr* it = emit(Opcode::GetIter, {iterable}, s->iter);
  Block* header = fn_->new_block();
  Block* body = fn_->new_block();
  Block* else_block = s->orelse.empty() ? nullptr : fn_->new_block();
  Block* done = fn_->new_block();
  branch(header);
  set_block(header);
  Instr* item = emit(Opcode::IterNext, {it}, s->iter);
  Instr* exhausted = emit(Opcode::Is, {item, unbound_}, s);
  cond_branch(exhausted, else_block ? else_block : done, body);
  vars_.seal(body);
  set_block(body);
  assign_to(s->target, item);
  loops_.push_back({header, done, exits_.size()});
  stmts(s->body);
  loops_.pop_back();
  if (cur_) branch(header);
  vars_.seal(header);
  if (else_block) {
    vars_.seal(else_block);
    set_block(else_block);
    stmts(s->orelse);
    if (cur_) branch(done);
  }
  vars_.seal(done);
  set_block(done->preds.empty() ? nullptr : done);
}

void FunctionLowerer::lower_delete(const ast::Node* target) {
  switch (target->kind) {
    case ast::NodeKind::Name: {
      std::string_view name = ast::cast<ast::NameNode>(target)->id;
      if (is_local(name)) {
        delete_local(name, target);
        return;
      }
      if (ctx_.scopes.resolve(scope_, name) == sema::NameKind::ClassName) {
        emit(Opcode::DelItem, {class_ns_, str_constant(name)}, target);
        return;
      }
      Instr* check = emit(Opcode::CheckGlobal, {}, target);
      check->imm = ctx_.scopes.ensure_slot(name);
      check->text = std::string(name);
      Instr* store = emit(Opcode::StoreGlobal, {unbound_}, target);
      store->imm = check->imm;
      store->text = check->text;
      return;
    }
    case ast::NodeKind::Attribute: {
      const auto* a = ast::cast<ast::AttributeNode>(target);
      Instr* obj = expr(a->value);
      emit(Opcode::DelAttr, {obj, str_constant(a->attr)}, target);
      return;
    }
    case ast::NodeKind::Subscript: {
      const auto* s = ast::cast<ast::SubscriptNode>(target);
      Instr* obj = expr(s->value);
      Instr* key = subscript_key(s->slice);
      emit(Opcode::DelItem, {obj, key}, target);
      return;
    }
    case ast::NodeKind::Tuple:
      for (const ast::Node* t : ast::cast<ast::TupleNode>(target)->elts) lower_delete(t);
      return;
    case ast::NodeKind::List:
      for (const ast::Node* t : ast::cast<ast::ListNode>(target)->elts) lower_delete(t);
      return;
    default:
      unsupported(target, "deleting this target");
      return;
  }
}

void FunctionLowerer::lower_return(const ast::ReturnNode* s) {
  if (scope_.is_module) {
    diag::Range r{{s->lineno, s->col_offset}, {s->end_lineno, s->end_col_offset}};
    ctx_.diags.report(diag::DiagId::ReturnOutsideFunction, r);
    return;
  }
  Instr* value = s->value ? expr(s->value) : none();
  run_exit_actions(0);
  if (cur_ == nullptr) return;  // a finally block left by other means
  emit(Opcode::Return, {value}, s);
  cur_ = nullptr;
}

}  // namespace molt::lower
