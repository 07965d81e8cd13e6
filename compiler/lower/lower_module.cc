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
  for (std::string_view name : scope.locals) var_ids_[name] = next++;
  for (size_t i = 0; i < scope.params.size(); ++i) {
    Instr* p = fn->new_instr(Opcode::Param);
    p->imm = static_cast<int64_t>(i);
    ssa::append(entry_, p);
    vars_.write(var_of(scope.params[i]), entry_, p);
  }
}

uint32_t FunctionLowerer::var_of(std::string_view name) const { return var_ids_.at(name); }

bool FunctionLowerer::is_local(std::string_view name) const {
  return ctx_.scopes.resolve(scope_, name) == sema::NameKind::Local;
}

void FunctionLowerer::lower_body(const ast::NodeList& body) {
  Block* first = fn_->new_block();
  ssa::link(entry_, first);
  ssa::Instr* br = fn_->new_instr(Opcode::Br);
  br->succ[0] = first;
  ssa::append(entry_, br);
  vars_.seal(first);
  set_block(first);
  stmts(body);
  if (cur_ != nullptr) {
    Instr* ret = emit(Opcode::Return, {none()}, nullptr);
    (void)ret;
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
  return emit_in(current(), op, operands, at);
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
  // functions defined later in the file.
  size_t index = 0;
  for (const ast::Node* s : module->body) {
    const auto* def = ast::dyn_cast<ast::FunctionDefNode>(s);
    if (def == nullptr) continue;
    ssa::Function* fn = out->new_function();
    fn->name = std::string(def->name);
    fn->qualname = fn->name;
    fn->symbol = mangle(fn->qualname, index++);
    fn->loc = diag::Loc{def->lineno, def->col_offset};
    for (std::string_view p : scopes.scope_of(def).params) fn->param_names.emplace_back(p);
    ctx.functions[def] = fn;
  }

  FunctionLowerer(ctx, body, scopes.module_scope()).lower_body(module->body);
  for (const ast::Node* s : module->body) {
    const auto* def = ast::dyn_cast<ast::FunctionDefNode>(s);
    if (def == nullptr) continue;
    FunctionLowerer(ctx, ctx.functions.at(def), scopes.scope_of(def)).lower_body(def->body);
  }
  for (std::string_view g : scopes.global_names()) out->globals.emplace_back(g);
  if (diags.has_errors()) return nullptr;
  return out;
}

}  // namespace molt::lower
