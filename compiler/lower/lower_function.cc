// lower_function.cc — function definitions and lambdas (defaults, keyword
// defaults, closures, decorators), and access to local, cell and free
// variables.
//
// A variable captured by a nested function lives in a cell created at
// function entry (parameters start in theirs); nested functions receive the
// cells in their closure tuple, which their direct entry takes as its first
// argument. Plain locals stay SSA values.
#include "lower/lower_internal.h"

namespace molt::lower {

using ssa::Block;
using ssa::Instr;
using ssa::Opcode;

Instr* FunctionLowerer::read_local(std::string_view name, const ast::Node* at) {
  auto cell = cells_.find(name);
  if (cell != cells_.end()) {
    Instr* v = emit(Opcode::CellGet, {cell->second}, at);
    v->text = std::string(name);
    v->imm = ctx_.scopes.resolve(scope_, name) == sema::NameKind::Free;
    return v;
  }
  Instr* v = vars_.read(var_of(name), current());
  if (v == unbound_ || v->op == Opcode::Phi) {
    // Possibly unassigned here; the bound-check pass removes the check when
    // it proves otherwise.
    Instr* check = emit(Opcode::CheckBound, {v}, at);
    check->text = std::string(name);
  }
  return v;
}

void FunctionLowerer::write_local(std::string_view name, Instr* value, const ast::Node* at) {
  auto cell = cells_.find(name);
  if (cell != cells_.end()) {
    emit(Opcode::CellSet, {cell->second, value}, at);
    return;
  }
  vars_.write(var_of(name), current(), value);
}

void FunctionLowerer::store_name(std::string_view name, Instr* value, const ast::Node* at) {
  switch (ctx_.scopes.resolve(scope_, name)) {
    case sema::NameKind::Local:
    case sema::NameKind::Cell:
    case sema::NameKind::Free:
      write_local(name, value, at);
      return;
    case sema::NameKind::ClassName:
      emit(Opcode::SetItem, {class_ns_, str_constant(name), value}, at);
      return;
    case sema::NameKind::Global:
    case sema::NameKind::Builtin: {
      Instr* store = emit(Opcode::StoreGlobal, {value}, at);
      store->imm = ctx_.scopes.ensure_slot(name);
      store->text = std::string(name);
      return;
    }
  }
}

Instr* FunctionLowerer::load_class_name(const ast::NameNode* n) {
  // The class namespace first; if the name is not there, globals and
  // builtins (CPython's LOAD_NAME).
  Instr* v = emit(Opcode::ClassGet, {class_ns_, str_constant(n->id)}, n);
  Instr* missing = emit(Opcode::Is, {v, unbound_}, n);
  Join join{fn_->new_block(), {}};
  Block* fallback = fn_->new_block();
  Block* hit = fn_->new_block();
  cond_branch(missing, fallback, hit);
  vars_.seal(hit);
  set_block(hit);
  jump_with_value(join, v);
  vars_.seal(fallback);
  set_block(fallback);
  Instr* g;
  if (!ctx_.scopes.is_stored_global(n->id) && ssa::lookup_builtin(n->id, nullptr)) {
    g = entry_constant(Opcode::LoadBuiltin);
    ssa::BuiltinId id{};
    ssa::lookup_builtin(n->id, &id);
    g->imm = static_cast<int64_t>(id);
  } else {
    g = emit(Opcode::LoadGlobal, {}, n);
    g->imm = ctx_.scopes.ensure_slot(n->id);
    g->text = std::string(n->id);
  }
  jump_with_value(join, g);
  return finish_join(join);
}

void FunctionLowerer::lower_class_def(const ast::ClassDefNode* cls) {
  if (!cls->type_params.empty()) {
    unsupported(cls, "a type parameter list");
    return;
  }
  for (const ast::Node* k : cls->keywords) {
    unsupported(k, "class keyword arguments (metaclass=...)");
    return;
  }
  std::vector<Instr*> decorators;
  for (const ast::Node* d : cls->decorator_list) decorators.push_back(expr(d));
  std::vector<Instr*> bases;
  for (const ast::Node* b : cls->bases) {
    if (b->kind == ast::NodeKind::Starred) {
      unsupported(b, "a starred base class");
      return;
    }
    bases.push_back(expr(b));
  }
  Instr* base_tuple = emit_ops(Opcode::BuildTuple, bases, cls);
  const sema::Scope& scope = ctx_.scopes.scope_of(cls);
  Instr* qualname = str_constant(scope.qualname);
  Instr* ns = emit(Opcode::BuildDict, {str_constant("__module__"), str_constant("__main__"),
                                        str_constant("__qualname__"), qualname}, cls);
  // The body runs as a function of the namespace; it returns the class's
  // __class__ cell (or None), which build_class fills in.
  ssa::Function* body = declare_function(ctx_, cls);
  Instr* closure = none();
  if (!scope.frees.empty()) {
    std::vector<Instr*> cells;
    for (std::string_view name : scope.frees) cells.push_back(cells_.at(name));
    closure = emit_ops(Opcode::BuildTuple, cells, cls);
  }
  Instr* fn = emit(Opcode::MakeFunction, {none(), none(), closure}, cls);
  fn->callee = body;
  Instr* cell = emit(Opcode::Call, {fn, ns, none()}, cls);
  cell->aux = 1;
  Instr* klass = emit(Opcode::BuildClass, {str_constant(cls->name), qualname, base_tuple, ns, cell}, cls);
  for (auto it = decorators.rbegin(); it != decorators.rend(); ++it) {
    klass = emit(Opcode::Call, {*it, klass, none()}, cls);
    klass->aux = 1;
  }
  store_name(cls->name, klass, cls);
}

void FunctionLowerer::delete_local(std::string_view name, const ast::Node* at) {
  // `del x` of an unassigned variable raises like reading it would.
  Instr* v = read_local(name, at);
  (void)v;
  write_local(name, unbound_, at);
}

Instr* FunctionLowerer::make_function(const ast::Node* node, const ast::Node* args_node) {
  ssa::Function* fn = declare_function(ctx_, node);
  const auto* args = ast::cast<ast::argumentsNode>(args_node);
  // Defaults are evaluated at definition time, left to right, positional
  // defaults first (CPython's order).
  Instr* defaults = none();
  if (!args->defaults.empty()) {
    std::vector<Instr*> items;
    for (const ast::Node* d : args->defaults) items.push_back(expr(d));
    defaults = emit_ops(Opcode::BuildTuple, items, node);
  }
  Instr* kwdefaults = none();
  std::vector<Instr*> pairs;
  for (uint32_t k = 0; k < args->kwonlyargs.size; ++k) {
    const ast::Node* d = args->kw_defaults[k];
    if (d == nullptr) continue;
    pairs.push_back(str_constant(ast::cast<ast::argNode>(args->kwonlyargs[k])->arg));
    pairs.push_back(expr(d));
  }
  if (!pairs.empty()) kwdefaults = emit_ops(Opcode::BuildDict, pairs, node);
  // Annotations are evaluated at definition time too (no PEP 563 by
  // default); their values are not kept yet.
  auto annotation = [&](const ast::Node* a) {
    if (a && ast::cast<ast::argNode>(a)->annotation) expr(ast::cast<ast::argNode>(a)->annotation);
  };
  for (const ast::Node* a : args->posonlyargs) annotation(a);
  for (const ast::Node* a : args->args) annotation(a);
  annotation(args->vararg);
  for (const ast::Node* a : args->kwonlyargs) annotation(a);
  annotation(args->kwarg);
  if (const auto* def = ast::dyn_cast<ast::FunctionDefNode>(node); def && def->returns) expr(def->returns);
  // The closure: this function's cell for each free variable of the child.
  Instr* closure = none();
  const sema::Scope& child = ctx_.scopes.scope_of(node);
  if (!child.frees.empty()) {
    std::vector<Instr*> cells;
    for (std::string_view name : child.frees) cells.push_back(cells_.at(name));
    closure = emit_ops(Opcode::BuildTuple, cells, node);
  }
  Instr* f = emit(Opcode::MakeFunction, {defaults, kwdefaults, closure}, node);
  f->callee = fn;
  return f;
}

void FunctionLowerer::lower_function_def(const ast::FunctionDefNode* def) {
  if (!def->type_params.empty()) {
    unsupported(def, "a type parameter list");
    return;
  }
  // Decorators are evaluated first, top to bottom, and applied bottom-up.
  std::vector<Instr*> decorators;
  for (const ast::Node* d : def->decorator_list) decorators.push_back(expr(d));
  Instr* fn = make_function(def, def->args);
  for (auto it = decorators.rbegin(); it != decorators.rend(); ++it) {
    fn = emit(Opcode::Call, {*it, fn, none()}, def);
    fn->aux = 1;
  }
  store_name(def->name, fn, def);
}

Instr* FunctionLowerer::lambda(const ast::LambdaNode* e) { return make_function(e, e->args); }

void FunctionLowerer::lower_lambda_body(const ast::LambdaNode* lambda) {
  Block* first = fn_->new_block();
  ssa::link(entry_, first);
  Instr* br = fn_->new_instr(Opcode::Br);
  br->succ[0] = first;
  ssa::append(entry_, br);
  vars_.seal(first);
  set_block(first);
  for (Instr* cell : pending_cells_) {
    ssa::append(current(), cell);
  }
  Instr* value = expr(lambda->body);
  if (cur_ != nullptr) emit(Opcode::Return, {value}, lambda->body);
  cur_ = nullptr;
  fn_->remove_unreachable_blocks();
}

}  // namespace molt::lower
