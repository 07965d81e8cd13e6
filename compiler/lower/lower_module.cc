// lower_module.cc — module-level driver of the lowering and the IR-building
// helpers every FunctionLowerer uses.
#include <cstdio>

#include "lower/lower_internal.h"

namespace molt::lower {

using ssa::Block;
using ssa::Instr;
using ssa::Opcode;

std::string mangle(std::string_view qualname, size_t index) {
  std::string out = "molt_fn_";
  for (char c : qualname) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    out += ok ? c : '_';
  }
  out += "_" + std::to_string(index);
  return out;
}

namespace {

Instr* make_unbound(ssa::Function* fn, Block* entry) {
  Instr* u = fn->new_instr(Opcode::Unbound);
  ssa::append(entry, u);
  return u;
}

}  // namespace

FunctionLowerer::FunctionLowerer(ModuleContext& ctx, ssa::Function* fn, const sema::Scope& scope)
    : ctx_(ctx),
      fn_(fn),
      scope_(scope),
      entry_(fn->new_block()),
      unbound_(make_unbound(fn, entry_)),
      vars_(fn, unbound_) {
  vars_.seal(entry_);
  uint32_t next = 0;
  for (std::string_view name : scope.locals) {
    var_ids_[name] = next++;
    fn->varnames.emplace_back(name);
  }
  next_var_ = next;
  // The closure tuple comes first; its cells give the free variables.
  fn->has_closure = !scope.frees.empty();
  int64_t arg = 0;
  if (fn->has_closure) {
    closure_ = fn->new_instr(Opcode::Param);
    closure_->imm = arg++;
    ssa::append(entry_, closure_);
  }
  if (scope.kind == sema::Scope::Kind::Class) {
    class_ns_ = fn->new_instr(Opcode::Param);
    class_ns_->imm = arg++;
    ssa::append(entry_, class_ns_);
  }
  std::vector<Instr*> params;
  for (size_t i = 0; i < scope.params.size(); ++i) {
    Instr* p = fn->new_instr(Opcode::Param);
    p->imm = arg++;
    ssa::append(entry_, p);
    params.push_back(p);
  }
  for (size_t i = 0; i < scope.frees.size(); ++i) {
    Instr* cell = fn->new_instr(Opcode::TupleGet);
    ssa::add_operand(cell, closure_);
    cell->imm = static_cast<int64_t>(i);
    ssa::append(entry_, cell);
    cells_[scope.frees[i]] = cell;
  }
  for (size_t i = 0; i < scope.params.size(); ++i) {
    std::string_view name = scope.params[i];
    if (scope.cells.count(name)) continue;  // made into a cell below
    vars_.write(var_of(name), entry_, params[i]);
  }
  // A class body owns the __class__ cell its methods' super() reads.
  if (scope.kind == sema::Scope::Kind::Class && scope.cells.count("__class__")) {
    Instr* cell = fn->new_instr(Opcode::MakeCell);
    ssa::add_operand(cell, unbound_);
    pending_cells_.push_back(cell);
    cells_["__class__"] = cell;
  }
  // Captured locals live in cells from the start (parameters initialised).
  for (std::string_view name : scope.locals) {
    if (!scope.cells.count(name) || cells_.count(name)) continue;
    Instr* init = unbound_;
    for (size_t i = 0; i < scope.params.size(); ++i) {
      if (scope.params[i] == name) init = params[i];
    }
    Instr* cell = fn->new_instr(Opcode::MakeCell);
    ssa::add_operand(cell, init);
    pending_cells_.push_back(cell);
    cells_[name] = cell;
  }
}

uint32_t FunctionLowerer::var_of(std::string_view name) const { return var_ids_.at(name); }

bool FunctionLowerer::is_local(std::string_view name) const {
  sema::NameKind k = ctx_.scopes.resolve(scope_, name);
  return k == sema::NameKind::Local || k == sema::NameKind::Cell || k == sema::NameKind::Free;
}

void FunctionLowerer::lower_body(const ast::NodeList& body) {
  Block* first = fn_->new_block();
  ssa::link(entry_, first);
  ssa::Instr* br = fn_->new_instr(Opcode::Br);
  br->succ[0] = first;
  ssa::append(entry_, br);
  vars_.seal(first);
  set_block(first);
  // Cells can fail to allocate, so they are made in the body (raising out
  // of the function like any other instruction).
  for (Instr* cell : pending_cells_) {
    ssa::append(current(), cell);
    if (handler_ != nullptr) guard(cell);
  }
  // The module's __name__ is "__main__" from the start.
  if (scope_.is_module && ctx_.scopes.global("__name__") != nullptr) {
    Instr* store = emit(Opcode::StoreGlobal, {str_constant("__main__")}, nullptr);
    store->imm = ctx_.scopes.ensure_slot("__name__");
    store->text = "__name__";
  }
  stmts(body);
  if (cur_ != nullptr) {
    // A class body returns its __class__ cell (or None) to build_class.
    auto cell = cells_.find("__class__");
    Instr* result = class_ns_ != nullptr && cell != cells_.end() ? cell->second : none();
    emit(Opcode::Return, {result}, nullptr);
    cur_ = nullptr;
  }
  fn_->remove_unreachable_blocks();
}

Instr* FunctionLowerer::emit_in(Block* b, Opcode op, std::initializer_list<Instr*> operands, const ast::Node* at) {
  Instr* i = fn_->new_instr(op);
  for (Instr* o : operands) ssa::add_operand(i, o);
  if (at != nullptr) i->loc = diag::Loc{at->lineno, at->col_offset};
  ssa::append(b, i);
  return i;
}

Instr* FunctionLowerer::emit(Opcode op, std::initializer_list<Instr*> operands, const ast::Node* at) {
  return emit_ops(op, std::vector<Instr*>(operands), at);
}

Instr* FunctionLowerer::emit_ops(Opcode op, const std::vector<Instr*>& operands, const ast::Node* at) {
  Instr* i = fn_->new_instr(op);
  for (Instr* o : operands) ssa::add_operand(i, o);
  if (at != nullptr) i->loc = diag::Loc{at->lineno, at->col_offset};
  ssa::append(current(), i);
  if (i->may_raise() && handler_ != nullptr) guard(i);
  return i;
}

void FunctionLowerer::guard(Instr* i) {
  // Inside a try: the instruction ends its block; a Guard continues on
  // success and leads to the handler on failure.
  Block* from = current();
  Block* next = fn_->new_block();
  Instr* g = fn_->new_instr(Opcode::Guard);
  for (Instr* o : i->operands) {
    if (o->type == ssa::ValueType::Value) ssa::add_operand(g, o);
  }
  g->guarded = i;
  g->succ[0] = next;
  g->succ[1] = handler_;
  ssa::append(from, g);
  ssa::link(from, next);
  ssa::link(from, handler_);
  vars_.seal(next);
  cur_ = next;
}

Block* FunctionLowerer::current() {
  if (cur_ == nullptr) {
    // Code after return/break/continue: CPython still compiles it, so we
    // lower it into a block nothing branches to (removed afterwards).
    cur_ = fn_->new_block();
    vars_.seal(cur_);
  }
  return cur_;
}

Instr* FunctionLowerer::entry_constant(Opcode op) {
  Instr* c = fn_->new_instr(op);
  Instr* term = entry_->terminator();
  if (term) {
    ssa::insert_before(term, c);
  } else {
    ssa::append(entry_, c);
  }
  return c;
}

Instr* FunctionLowerer::none() {
  if (none_ == nullptr) none_ = entry_constant(Opcode::ConstNone);
  return none_;
}

void FunctionLowerer::branch(Block* to) {
  Block* from = current();
  Instr* br = emit_in(from, Opcode::Br, {}, nullptr);
  br->succ[0] = to;
  ssa::link(from, to);
  cur_ = nullptr;
}

void FunctionLowerer::cond_branch(Instr* flag, Block* t, Block* f) {
  Block* from = current();
  Instr* br = emit_in(from, Opcode::CondBr, {flag}, nullptr);
  br->succ[0] = t;
  br->succ[1] = f;
  ssa::link(from, t);
  ssa::link(from, f);
  cur_ = nullptr;
}

void FunctionLowerer::jump_with_value(Join& join, Instr* value) {
  join.incoming.push_back({current(), value});
  branch(join.block);
}

Instr* FunctionLowerer::finish_join(Join& join) {
  vars_.seal(join.block);
  set_block(join.block);
  Instr* phi = fn_->new_instr(Opcode::Phi);
  phi->block = join.block;
  join.block->instrs.insert(join.block->instrs.begin(), phi);
  for (Block* pred : join.block->preds) {
    for (auto& [from, value] : join.incoming) {
      if (from == pred) {
        ssa::add_operand(phi, value);
        break;
      }
    }
  }
  return phi;
}

void FunctionLowerer::unsupported(const ast::Node* n, std::string_view what) {
  diag::Range r{{n->lineno, n->col_offset}, {n->end_lineno, n->end_col_offset}};
  ctx_.diags.report(diag::DiagId::Unsupported, r, {what});
}

ssa::Function* declare_function(ModuleContext& ctx, const ast::Node* node) {
  auto it = ctx.functions.find(node);
  if (it != ctx.functions.end()) return it->second;
  const sema::Scope& scope = ctx.scopes.scope_of(node);
  ssa::Function* fn = ctx.module->new_function();
  fn->is_generator = scope.is_generator;
  if (scope.is_comprehension) {
    static const char* const kNames[] = {"<listcomp>", "<setcomp>", "<dictcomp>", "<genexpr>"};
    fn->name = kNames[node->kind == ast::NodeKind::ListComp   ? 0
                      : node->kind == ast::NodeKind::SetComp  ? 1
                      : node->kind == ast::NodeKind::DictComp ? 2
                                                              : 3];
    fn->qualname = scope.qualname;
    fn->symbol = mangle(fn->qualname, ctx.module->functions.size());
    fn->loc = diag::Loc{node->lineno, node->col_offset};
    fn->param_names = {".0"};
    fn->npositional = 1;
    fn->has_closure = !scope.frees.empty();
    ctx.functions[node] = fn;
    ctx.pending.push_back({node, fn});
    return fn;
  }
  if (node->kind == ast::NodeKind::ClassDef) {
    // A class body: a function of the namespace dict.
    fn->name = std::string(ast::cast<ast::ClassDefNode>(node)->name);
    fn->qualname = scope.qualname;
    fn->symbol = mangle(fn->qualname, ctx.module->functions.size());
    fn->loc = diag::Loc{node->lineno, node->col_offset};
    fn->param_names = {"__classdict__"};
    fn->npositional = 1;
    fn->has_closure = !scope.frees.empty();
    ctx.functions[node] = fn;
    ctx.pending.push_back({node, fn});
    return fn;
  }
  const ast::Node* args_node;
  if (node->kind == ast::NodeKind::Lambda) {
    fn->name = "<lambda>";
    args_node = ast::cast<ast::LambdaNode>(node)->args;
  } else {
    fn->name = std::string(ast::cast<ast::FunctionDefNode>(node)->name);
    args_node = ast::cast<ast::FunctionDefNode>(node)->args;
  }
  fn->qualname = scope.qualname;
  fn->symbol = mangle(fn->qualname, ctx.module->functions.size());
  fn->loc = diag::Loc{node->lineno, node->col_offset};
  for (std::string_view p : scope.params) fn->param_names.emplace_back(p);
  const auto* args = ast::cast<ast::argumentsNode>(args_node);
  fn->nposonly = static_cast<int32_t>(args->posonlyargs.size);
  fn->npositional = static_cast<int32_t>(args->posonlyargs.size + args->args.size);
  fn->nkwonly = static_cast<int32_t>(args->kwonlyargs.size);
  fn->flags = (args->vararg ? 1 : 0) | (args->kwarg ? 2 : 0);
  fn->has_closure = !scope.frees.empty();
  ctx.functions[node] = fn;
  ctx.pending.push_back({node, fn});
  return fn;
}

std::unique_ptr<ssa::Module> lower_module(const ast::ModuleNode* module, sema::ModuleScopes& scopes,
                                          const diag::SourceFile& source, diag::DiagnosticEngine& diags) {
  auto out = std::make_unique<ssa::Module>();
  out->name = "__main__";
  out->filename = source.path();
  ModuleContext ctx{out.get(), scopes, source, diags, {}};

  ssa::Function* body = out->new_function();
  body->name = "<module>";
  body->qualname = "<module>";
  body->symbol = "molt_module___main__";
  body->is_module_body = true;

  // Create every module-level def's function first so calls can refer to
  // functions defined later in the file; nested ones are created when their
  // definition is lowered.
  for (const ast::Node* s : module->body) {
    if (s->kind == ast::NodeKind::FunctionDef) declare_function(ctx, s);
  }
  FunctionLowerer(ctx, body, scopes.module_scope()).lower_body(module->body);
  // Bodies are lowered in creation order; lowering one may create more.
  for (size_t i = 0; i < ctx.pending.size(); ++i) {
    auto [node, fn] = ctx.pending[i];
    FunctionLowerer lowerer(ctx, fn, scopes.scope_of(node));
    if (node->kind == ast::NodeKind::Lambda) {
      lowerer.lower_lambda_body(ast::cast<ast::LambdaNode>(node));
    } else if (scopes.scope_of(node).is_comprehension) {
      lowerer.lower_comprehension_body(node);
    } else if (node->kind == ast::NodeKind::ClassDef) {
      lowerer.lower_body(ast::cast<ast::ClassDefNode>(node)->body);
    } else {
      lowerer.lower_body(ast::cast<ast::FunctionDefNode>(node)->body);
    }
  }
  for (std::string_view g : scopes.global_names()) out->globals.emplace_back(g);
  if (diags.has_errors()) return nullptr;
  return out;
}

}  // namespace molt::lower
