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
    case ast::NodeKind::ClassDef: return "the 'class' statement";
    case ast::NodeKind::Delete: return "the 'del' statement";
    case ast::NodeKind::TypeAlias: return "the 'type' statement";
    case ast::NodeKind::For: return "the 'for' statement";
    case ast::NodeKind::AsyncFor: return "the 'async for' statement";
    case ast::NodeKind::With: return "the 'with' statement";
    case ast::NodeKind::AsyncWith: return "the 'async with' statement";
    case ast::NodeKind::Match: return "the 'match' statement";
    case ast::NodeKind::Raise: return "the 'raise' statement";
    case ast::NodeKind::Try: return "the 'try' statement";
    case ast::NodeKind::TryStar: return "the 'try'/'except*' statement";
    case ast::NodeKind::Assert: return "the 'assert' statement";
    case ast::NodeKind::Import: return "the 'import' statement";
    case ast::NodeKind::ImportFrom: return "the 'from ... import' statement";
    case ast::NodeKind::Nonlocal: return "the 'nonlocal' statement";
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
    case ast::NodeKind::Pass:
      return;
    case ast::NodeKind::Break:
      if (!loops_.empty()) branch(loops_.back().break_to);
      return;
    case ast::NodeKind::Continue:
      if (!loops_.empty()) branch(loops_.back().continue_to);
      return;
    case ast::NodeKind::Return:
      lower_return(ast::cast<ast::ReturnNode>(s));
      return;
    case ast::NodeKind::FunctionDef:
      lower_function_def(ast::cast<ast::FunctionDefNode>(s));
      return;
    case ast::NodeKind::Global:
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
      case ast::NodeKind::List:
        unsupported(target, "unpacking assignment");
        return;
      case ast::NodeKind::Attribute:
        unsupported(target, "assignment to an attribute");
        return;
      case ast::NodeKind::Subscript:
        unsupported(target, "assignment to a subscript");
        return;
      default:
        unsupported(target, "assignment to this target");
        return;
    }
  }
  std::string_view name = ast::cast<ast::NameNode>(target)->id;
  if (is_local(name)) {
    vars_.write(var_of(name), current(), value);
    return;
  }
  Instr* store = emit(Opcode::StoreGlobal, {value}, target);
  store->imm = ctx_.scopes.ensure_slot(name);
  store->text = std::string(name);
}

void FunctionLowerer::lower_aug_assign(const ast::AugAssignNode* s) {
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
  loops_.push_back({header, done});
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

void FunctionLowerer::lower_return(const ast::ReturnNode* s) {
  if (scope_.is_module) {
    diag::Range r{{s->lineno, s->col_offset}, {s->end_lineno, s->end_col_offset}};
    ctx_.diags.report(diag::DiagId::ReturnOutsideFunction, r);
    return;
  }
  Instr* value = s->value ? expr(s->value) : none();
  emit(Opcode::Return, {value}, s);
  cur_ = nullptr;
}

void FunctionLowerer::lower_function_def(const ast::FunctionDefNode* def) {
  auto it = ctx_.functions.find(def);
  if (it == ctx_.functions.end()) {
    unsupported(def, "a 'def' inside a function (closures)");
    return;
  }
  if (!def->decorator_list.empty()) {
    unsupported(def->decorator_list[0], "a decorator");
    return;
  }
  if (!def->type_params.empty()) {
    unsupported(def, "a type parameter list");
    return;
  }
  const auto* args = ast::cast<ast::argumentsNode>(def->args);
  if (!args->posonlyargs.empty() || args->vararg || !args->kwonlyargs.empty() || args->kwarg) {
    unsupported(def, "a parameter other than a plain positional one");
    return;
  }
  if (!args->defaults.empty()) {
    unsupported(args->defaults[0], "a default parameter value");
    return;
  }
  // Annotations on parameters/returns are evaluated at def time in CPython
  // 3.12 (no PEP 563 by default), so they can raise.
  for (const ast::Node* a : args->args) {
    const auto* arg = ast::cast<ast::argNode>(a);
    if (arg->annotation) expr(arg->annotation);
  }
  if (def->returns) expr(def->returns);
  Instr* fn = emit(Opcode::MakeFunction, {}, def);
  fn->callee = it->second;
  std::string_view name = def->name;
  if (is_local(name)) {
    vars_.write(var_of(name), current(), fn);
  } else {
    Instr* store = emit(Opcode::StoreGlobal, {fn}, def);
    store->imm = ctx_.scopes.ensure_slot(name);
    store->text = std::string(name);
  }
}

}  // namespace molt::lower
