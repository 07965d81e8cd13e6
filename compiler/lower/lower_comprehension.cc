// lower_comprehension.cc — list, set and dict comprehensions, generator
// expressions, and the assignment expression (`:=`).
//
// A comprehension becomes a nested function of its first iterator (its
// ".0" parameter), as in CPython before 3.12's inlining; the observable
// behaviour is the same (own scope for the targets, the first iterable
// evaluated outside), except that tracebacks through a comprehension show
// its frame. A generator expression's function is a generator yielding each
// element.
#include "lower/lower_internal.h"

namespace molt::lower {

using ssa::Block;
using ssa::Instr;
using ssa::Opcode;

Instr* FunctionLowerer::comprehension(const ast::Node* e) {
  const ast::NodeList& gens = sema::comprehension_generators(e);
  for (const ast::Node* g : gens) {
    if (ast::cast<ast::comprehensionNode>(g)->is_async) {
      unsupported(g, "an asynchronous comprehension");
      return none();
    }
  }
  Instr* iterable = expr(ast::cast<ast::comprehensionNode>(gens[0])->iter);
  Instr* it = emit(Opcode::GetIter, {iterable}, ast::cast<ast::comprehensionNode>(gens[0])->iter);
  ssa::Function* fn = declare_function(ctx_, e);
  const sema::Scope& child = ctx_.scopes.scope_of(e);
  Instr* closure = none();
  if (!child.frees.empty()) {
    std::vector<Instr*> cells;
    for (std::string_view name : child.frees) cells.push_back(cells_.at(name));
    closure = emit_ops(Opcode::BuildTuple, cells, e);
  }
  Instr* f = emit(Opcode::MakeFunction, {none(), none(), closure}, e);
  f->callee = fn;
  Instr* call = emit(Opcode::Call, {f, it, none()}, e);
  call->aux = 1;
  return call;
}

void FunctionLowerer::comprehension_loop(const ast::Node* e, const ast::NodeList& gens, uint32_t k,
                                         Instr* result) {
  const auto* g = ast::cast<ast::comprehensionNode>(gens[k]);
  Instr* it;
  if (k == 0) {
    it = read_local(".0", e);
  } else {
    Instr* iterable = expr(g->iter);
    it = emit(Opcode::GetIter, {iterable}, g->iter);
  }
  Block* header = fn_->new_block();
  Block* body = fn_->new_block();
  Block* done = fn_->new_block();
  branch(header);
  set_block(header);
  Instr* item = emit(Opcode::IterNext, {it}, g->iter);
  Instr* exhausted = emit(Opcode::Is, {item, unbound_}, g);
  cond_branch(exhausted, done, body);
  vars_.seal(body);
  set_block(body);
  assign_to(g->target, item);
  for (const ast::Node* cond_node : g->ifs) {
    Block* next = fn_->new_block();
    cond(cond_node, next, header);
    vars_.seal(next);
    set_block(next);
  }
  if (k + 1 < gens.size) {
    comprehension_loop(e, gens, k + 1, result);
  } else if (const auto* d = ast::dyn_cast<ast::DictCompNode>(e)) {
    Instr* key = expr(d->key);
    Instr* value = expr(d->value);
    emit(Opcode::SetItem, {result, key, value}, e);
  } else if (const auto* g = ast::dyn_cast<ast::GeneratorExpNode>(e)) {
    emit(Opcode::Yield, {expr(g->elt)}, g->elt);
  } else {
    const ast::Node* elt = e->kind == ast::NodeKind::ListComp ? ast::cast<ast::ListCompNode>(e)->elt
                                                              : ast::cast<ast::SetCompNode>(e)->elt;
    Instr* v = expr(elt);
    Instr* add = emit(Opcode::CallMethod,
                      {result, str_constant(e->kind == ast::NodeKind::ListComp ? "append" : "add"), v, none()}, e);
    add->aux = 1;
  }
  if (cur_ != nullptr) branch(header);
  vars_.seal(header);
  vars_.seal(done);
  set_block(done);
}

void FunctionLowerer::lower_comprehension_body(const ast::Node* e) {
  Block* first = fn_->new_block();
  ssa::link(entry_, first);
  Instr* br = fn_->new_instr(Opcode::Br);
  br->succ[0] = first;
  ssa::append(entry_, br);
  vars_.seal(first);
  set_block(first);
  for (Instr* cell : pending_cells_) ssa::append(current(), cell);
  if (e->kind == ast::NodeKind::GeneratorExp) {
    comprehension_loop(e, sema::comprehension_generators(e), 0, nullptr);
    if (cur_ != nullptr) emit(Opcode::Return, {none()}, e);
    cur_ = nullptr;
    fn_->remove_unreachable_blocks();
    return;
  }
  Opcode build = e->kind == ast::NodeKind::ListComp  ? Opcode::BuildList
                 : e->kind == ast::NodeKind::SetComp ? Opcode::BuildSet
                                                     : Opcode::BuildDict;
  Instr* result = emit(build, {}, e);
  comprehension_loop(e, sema::comprehension_generators(e), 0, result);
  if (cur_ != nullptr) emit(Opcode::Return, {result}, e);
  cur_ = nullptr;
  fn_->remove_unreachable_blocks();
}

Instr* FunctionLowerer::named_expr(const ast::NamedExprNode* e) {
  Instr* value = expr(e->value);
  std::string_view name = ast::cast<ast::NameNode>(e->target)->id;
  store_name(name, value, e->target);
  return value;
}

}  // namespace molt::lower
