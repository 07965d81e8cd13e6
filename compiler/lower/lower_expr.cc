// lower_expr.cc — lowering of expressions, and of conditions straight into
// branches (so `if a < b and not c:` needs no boxed booleans).
#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "lower/lower_internal.h"

namespace molt::lower {

using ssa::Block;
using ssa::Instr;
using ssa::Opcode;

ssa::BinaryOp to_binary_op(ast::Operator op) {
  switch (op) {
    case ast::Operator::Add: return ssa::BinaryOp::Add;
    case ast::Operator::Sub: return ssa::BinaryOp::Sub;
    case ast::Operator::Mult: return ssa::BinaryOp::Mult;
    case ast::Operator::MatMult: return ssa::BinaryOp::MatMult;
    case ast::Operator::Div: return ssa::BinaryOp::Div;
    case ast::Operator::Mod: return ssa::BinaryOp::Mod;
    case ast::Operator::Pow: return ssa::BinaryOp::Pow;
    case ast::Operator::LShift: return ssa::BinaryOp::LShift;
    case ast::Operator::RShift: return ssa::BinaryOp::RShift;
    case ast::Operator::BitOr: return ssa::BinaryOp::BitOr;
    case ast::Operator::BitXor: return ssa::BinaryOp::BitXor;
    case ast::Operator::BitAnd: return ssa::BinaryOp::BitAnd;
    case ast::Operator::FloorDiv: return ssa::BinaryOp::FloorDiv;
  }
  return ssa::BinaryOp::Add;
}

namespace {

bool has_builtin_impl(std::string_view name) {
  ssa::BuiltinId id{};
  return ssa::lookup_builtin(name, &id) && !ssa::builtin_impl(id).empty();
}

ssa::CompareKind to_compare_kind(ast::CmpOp op) {
  switch (op) {
    case ast::CmpOp::Lt: return ssa::CompareKind::Lt;
    case ast::CmpOp::LtE: return ssa::CompareKind::Le;
    case ast::CmpOp::Eq: return ssa::CompareKind::Eq;
    case ast::CmpOp::NotEq: return ssa::CompareKind::Ne;
    case ast::CmpOp::Gt: return ssa::CompareKind::Gt;
    case ast::CmpOp::GtE: return ssa::CompareKind::Ge;
    case ast::CmpOp::Is:
    case ast::CmpOp::IsNot:
    case ast::CmpOp::In:
    case ast::CmpOp::NotIn:
      break;
  }
  return ssa::CompareKind::Eq;
}

bool is_rich_compare(ast::CmpOp op) {
  return op != ast::CmpOp::Is && op != ast::CmpOp::IsNot && op != ast::CmpOp::In && op != ast::CmpOp::NotIn;
}

std::string_view expression_name(ast::NodeKind k) {
  switch (k) {
    case ast::NodeKind::Await: return "'await'";
    case ast::NodeKind::Starred: return "a starred expression";
    default: return "this expression";
  }
}

}  // namespace

Instr* FunctionLowerer::expr(const ast::Node* e) {
  switch (e->kind) {
    case ast::NodeKind::Constant:
      return constant(ast::cast<ast::ConstantNode>(e));
    case ast::NodeKind::Name:
      return load_name(ast::cast<ast::NameNode>(e));
    case ast::NodeKind::BinOp: {
      const auto* b = ast::cast<ast::BinOpNode>(e);
      Instr* l = expr(b->left);
      Instr* r = expr(b->right);
      Instr* i = emit(Opcode::BinOp, {l, r}, e);
      i->imm = static_cast<int64_t>(to_binary_op(b->op));
      return i;
    }
    case ast::NodeKind::UnaryOp: {
      const auto* u = ast::cast<ast::UnaryOpNode>(e);
      Instr* v = expr(u->operand);
      if (u->op == ast::UnaryOperator::Not) {
        Instr* t = emit(Opcode::Truth, {v}, e);
        Instr* n = emit(Opcode::BoolNot, {t}, e);
        return emit(Opcode::BoxBool, {n}, e);
      }
      Instr* i = emit(Opcode::UnaryOp, {v}, e);
      i->imm = static_cast<int64_t>(u->op == ast::UnaryOperator::USub   ? ssa::UnaryKind::Neg
                                    : u->op == ast::UnaryOperator::UAdd ? ssa::UnaryKind::Pos
                                                                        : ssa::UnaryKind::Invert);
      return i;
    }
    case ast::NodeKind::BoolOp:
      return bool_op(ast::cast<ast::BoolOpNode>(e));
    case ast::NodeKind::Compare:
      return compare(ast::cast<ast::CompareNode>(e));
    case ast::NodeKind::IfExp:
      return if_exp(ast::cast<ast::IfExpNode>(e));
    case ast::NodeKind::Lambda:
      return lambda(ast::cast<ast::LambdaNode>(e));
    case ast::NodeKind::ListComp:
    case ast::NodeKind::SetComp:
    case ast::NodeKind::DictComp:
    case ast::NodeKind::GeneratorExp:
      return comprehension(e);
    case ast::NodeKind::Yield:
      return yield_expr(ast::cast<ast::YieldNode>(e));
    case ast::NodeKind::YieldFrom:
      return yield_from_expr(ast::cast<ast::YieldFromNode>(e));
    case ast::NodeKind::NamedExpr:
      return named_expr(ast::cast<ast::NamedExprNode>(e));
    case ast::NodeKind::JoinedStr: {
      const auto* j = ast::cast<ast::JoinedStrNode>(e);
      std::vector<Instr*> parts;
      for (const ast::Node* v : j->values) parts.push_back(expr(v));
      if (parts.size() == 1 && j->values[0]->kind == ast::NodeKind::FormattedValue) return parts[0];
      return emit_ops(Opcode::BuildString, parts, e);
    }
    case ast::NodeKind::FormattedValue: {
      const auto* f = ast::cast<ast::FormattedValueNode>(e);
      Instr* value = expr(f->value);
      Instr* spec = f->format_spec ? expr(f->format_spec) : none();
      Instr* r = emit(Opcode::FormatValue, {value, spec}, e);
      r->imm = f->conversion;
      return r;
    }
    case ast::NodeKind::Set:
      return starred_set(ast::cast<ast::SetNode>(e)->elts, e);
    case ast::NodeKind::Dict:
      return dict_display(ast::cast<ast::DictNode>(e));
    case ast::NodeKind::Call:
      return call(ast::cast<ast::CallNode>(e));
    case ast::NodeKind::List: {
      return starred_list(ast::cast<ast::ListNode>(e)->elts, e);
    }
    case ast::NodeKind::Attribute: {
      const auto* a = ast::cast<ast::AttributeNode>(e);
      Instr* obj = expr(a->value);
      return emit(Opcode::GetAttr, {obj, str_constant(a->attr)}, e);
    }
    case ast::NodeKind::Subscript: {
      const auto* s = ast::cast<ast::SubscriptNode>(e);
      Instr* obj = expr(s->value);
      Instr* key = subscript_key(s->slice);
      return emit(Opcode::GetItem, {obj, key}, e);
    }
    case ast::NodeKind::Slice:
      return subscript_key(e);
    case ast::NodeKind::Tuple: {
      const auto* t = ast::cast<ast::TupleNode>(e);
      bool any_star = false;
      for (const ast::Node* item : t->elts) any_star = any_star || item->kind == ast::NodeKind::Starred;
      if (any_star) return emit(Opcode::ListToTuple, {starred_list(t->elts, e)}, e);
      std::vector<Instr*> items;
      for (const ast::Node* item : t->elts) items.push_back(expr(item));
      return emit_ops(Opcode::BuildTuple, items, e);
    }
    default:
      unsupported(e, expression_name(e->kind));
      return none();
  }
}

Instr* FunctionLowerer::str_constant(std::string_view text) {
  Instr* s = entry_constant(Opcode::ConstStr);
  s->text = std::string(text);
  return s;
}

Instr* FunctionLowerer::subscript_key(const ast::Node* key) {
  const auto* sl = ast::dyn_cast<ast::SliceNode>(key);
  if (sl == nullptr) return expr(key);
  Instr* lo = sl->lower ? expr(sl->lower) : none();
  Instr* hi = sl->upper ? expr(sl->upper) : none();
  Instr* step = sl->step ? expr(sl->step) : none();
  return emit(Opcode::BuildSlice, {lo, hi, step}, key);
}

Instr* FunctionLowerer::constant(const ast::ConstantNode* c) {
  switch (c->value.kind) {
    case ast::ConstKind::None:
      return none();
    case ast::ConstKind::True:
    case ast::ConstKind::False: {
      Instr* b = entry_constant(Opcode::ConstBool);
      b->imm = c->value.kind == ast::ConstKind::True;
      return b;
    }
    case ast::ConstKind::Int: {
      Instr* i = entry_constant(Opcode::ConstInt);
      i->text = std::string(c->value.text);
      return i;
    }
    case ast::ConstKind::Float: {
      // strtod is correctly rounded, as Python's float literals are.
      std::string text(c->value.text);
      double d = std::strtod(text.c_str(), nullptr);
      Instr* f = entry_constant(Opcode::ConstFloat);
      std::memcpy(&f->imm, &d, sizeof d);
      return f;
    }
    case ast::ConstKind::Str: {
      Instr* s = entry_constant(Opcode::ConstStr);
      s->text = std::string(c->value.text);
      return s;
    }
    case ast::ConstKind::Ellipsis:
      unsupported(c, "'...' (Ellipsis)");
      return none();
    case ast::ConstKind::Complex:
      unsupported(c, "a complex literal");
      return none();
    case ast::ConstKind::Bytes:
      unsupported(c, "a bytes literal");
      return none();
  }
  return none();
}

Instr* FunctionLowerer::load_name(const ast::NameNode* n) {
  switch (ctx_.scopes.resolve(scope_, n->id)) {
    case sema::NameKind::Local:
    case sema::NameKind::Cell:
    case sema::NameKind::Free:
      return read_local(n->id, n);
    case sema::NameKind::ClassName:
      return load_class_name(n);
    case sema::NameKind::Builtin: {
      Instr* b = entry_constant(Opcode::LoadBuiltin);
      ssa::BuiltinId id{};
      ssa::lookup_builtin(n->id, &id);
      b->imm = static_cast<int64_t>(id);
      return b;
    }
    case sema::NameKind::Global: {
      Instr* g = emit(Opcode::LoadGlobal, {}, n);
      g->imm = ctx_.scopes.ensure_slot(n->id);
      g->text = std::string(n->id);
      return g;
    }
  }
  return none();
}

Instr* FunctionLowerer::bool_op(const ast::BoolOpNode* e) {
  // `a and b`: the value of a if it is falsy, else the value of b.
  Join join{fn_->new_block(), {}};
  for (uint32_t k = 0; k < e->values.size; ++k) {
    Instr* v = expr(e->values[k]);
    if (k + 1 == e->values.size) {
      jump_with_value(join, v);
      break;
    }
    Instr* t = emit(Opcode::Truth, {v}, e->values[k]);
    Block* next = fn_->new_block();
    Block* from = current();
    if (e->op == ast::BoolOperator::And) {
      cond_branch(t, next, join.block);
    } else {
      cond_branch(t, join.block, next);
    }
    join.incoming.push_back({from, v});
    vars_.seal(next);
    set_block(next);
  }
  return finish_join(join);
}

Instr* FunctionLowerer::compare(const ast::CompareNode* e) {
  // a < b < c evaluates b once and stops at the first false comparison,
  // whose result is the value of the whole chain.
  Instr* left = expr(e->left);
  Join join{fn_->new_block(), {}};
  for (uint32_t k = 0; k < e->ops.size; ++k) {
    Instr* right = expr(e->comparators[k]);
    ast::CmpOp op = e->ops[k];
    Instr* result;
    if (op == ast::CmpOp::Is || op == ast::CmpOp::IsNot) {
      Instr* same = emit(Opcode::Is, {left, right}, e);
      if (op == ast::CmpOp::IsNot) same = emit(Opcode::BoolNot, {same}, e);
      result = emit(Opcode::BoxBool, {same}, e);
    } else if (is_rich_compare(op)) {
      result = emit(Opcode::Compare, {left, right}, e);
      result->imm = static_cast<int64_t>(to_compare_kind(op));
    } else {
      Instr* in = emit(Opcode::Contains, {right, left}, e);
      if (op == ast::CmpOp::NotIn) in = emit(Opcode::BoolNot, {in}, e);
      result = emit(Opcode::BoxBool, {in}, e);
    }
    if (k + 1 == e->ops.size) {
      jump_with_value(join, result);
      break;
    }
    Instr* t = emit(Opcode::Truth, {result}, e);
    Block* next = fn_->new_block();
    Block* from = current();
    cond_branch(t, next, join.block);
    join.incoming.push_back({from, result});
    vars_.seal(next);
    set_block(next);
    left = right;
  }
  return finish_join(join);
}

Instr* FunctionLowerer::if_exp(const ast::IfExpNode* e) {
  Block* then_block = fn_->new_block();
  Block* else_block = fn_->new_block();
  Join join{fn_->new_block(), {}};
  cond(e->test, then_block, else_block);
  vars_.seal(then_block);
  set_block(then_block);
  jump_with_value(join, expr(e->body));
  vars_.seal(else_block);
  set_block(else_block);
  jump_with_value(join, expr(e->orelse));
  return finish_join(join);
}

void FunctionLowerer::cond(const ast::Node* e, Block* if_true, Block* if_false) {
  if (const auto* b = ast::dyn_cast<ast::BoolOpNode>(e)) {
    for (uint32_t k = 0; k + 1 < b->values.size; ++k) {
      Block* next = fn_->new_block();
      if (b->op == ast::BoolOperator::And) {
        cond(b->values[k], next, if_false);
      } else {
        cond(b->values[k], if_true, next);
      }
      vars_.seal(next);
      set_block(next);
    }
    cond(b->values[b->values.size - 1], if_true, if_false);
    return;
  }
  if (const auto* u = ast::dyn_cast<ast::UnaryOpNode>(e); u && u->op == ast::UnaryOperator::Not) {
    cond(u->operand, if_false, if_true);
    return;
  }
  if (const auto* c = ast::dyn_cast<ast::CompareNode>(e); c && c->ops.size == 1) {
    ast::CmpOp op = c->ops[0];
    {
      Instr* l = expr(c->left);
      Instr* r = expr(c->comparators[0]);
      Instr* flag;
      if (op == ast::CmpOp::In || op == ast::CmpOp::NotIn) {
        flag = emit(Opcode::Contains, {r, l}, e);
        if (op == ast::CmpOp::NotIn) flag = emit(Opcode::BoolNot, {flag}, e);
      } else if (op == ast::CmpOp::Is || op == ast::CmpOp::IsNot) {
        flag = emit(Opcode::Is, {l, r}, e);
        if (op == ast::CmpOp::IsNot) flag = emit(Opcode::BoolNot, {flag}, e);
      } else {
        flag = emit(Opcode::CompareBool, {l, r}, e);
        flag->imm = static_cast<int64_t>(to_compare_kind(op));
      }
      cond_branch(flag, if_true, if_false);
      return;
    }
  }
  Instr* v = expr(e);
  Instr* t = emit(Opcode::Truth, {v}, e);
  cond_branch(t, if_true, if_false);
}

Instr* FunctionLowerer::call(const ast::CallNode* e) {
  bool star = false;
  for (const ast::Node* a : e->args) star = star || a->kind == ast::NodeKind::Starred;
  std::vector<std::string> kwnames;
  for (const ast::Node* k : e->keywords) {
    const auto* kw = ast::cast<ast::keywordNode>(k);
    if (!kw->arg.data()) {
      star = true;
    } else {
      kwnames.emplace_back(kw->arg);
    }
  }

  // Dynamic code cannot be compiled ahead of time.
  if (const auto* fname = ast::dyn_cast<ast::NameNode>(e->func)) {
    sema::NameKind k = ctx_.scopes.resolve(scope_, fname->id);
    if ((k == sema::NameKind::Global && !ctx_.scopes.is_stored_global(fname->id)) &&
        (fname->id == "eval" || fname->id == "exec" || fname->id == "compile" || fname->id == "__import__")) {
      diag::Range r{{e->lineno, e->col_offset}, {e->end_lineno, e->end_col_offset}};
      ctx_.diags.report(diag::DiagId::UnsupportedReason, r,
                        {std::string(fname->id) + "()",
                         "Molt compiles the whole program ahead of time and cannot run code created at run time"});
      return none();
    }
  }
  if (star) return star_call(e);
  // Zero-argument super() inside a method: super(__class__, <first argument>).
  if (const auto* fname = ast::dyn_cast<ast::NameNode>(e->func);
      fname && fname->id == "super" && e->args.empty() && e->keywords.empty() &&
      ctx_.scopes.resolve(scope_, "super") == sema::NameKind::Builtin && cells_.count("__class__") &&
      !scope_.params.empty()) {
    Instr* cls = emit(Opcode::CellGet, {cells_.at("__class__")}, e);
    cls->text = "__class__";
    cls->imm = 1;
    Instr* first = read_local(scope_.params[0], e);
    Instr* super_type = load_name(fname);
    Instr* call = emit(Opcode::Call, {super_type, cls, first, none()}, e);
    call->aux = 2;
    return call;
  }
  // obj.name(...): call the method without materialising a bound method.
  if (const auto* attr = ast::dyn_cast<ast::AttributeNode>(e->func)) {
    Instr* obj = expr(attr->value);
    std::vector<Instr*> operands{obj, str_constant(attr->attr)};
    for (const ast::Node* a : e->args) operands.push_back(expr(a));
    for (const ast::Node* k : e->keywords) operands.push_back(expr(ast::cast<ast::keywordNode>(k)->value));
    Instr* kw = none();
    if (!kwnames.empty()) {
      kw = entry_constant(Opcode::ConstKwnames);
      kw->names = std::move(kwnames);
    }
    operands.push_back(kw);
    Instr* call = emit_ops(Opcode::CallMethod, operands, e);
    call->aux = static_cast<int64_t>(e->args.size);
    return call;
  }

  // Resolve the callee: a builtin, a known module-level function, or any
  // other callable value.
  const auto* name = ast::dyn_cast<ast::NameNode>(e->func);
  sema::NameKind kind = name ? ctx_.scopes.resolve(scope_, name->id) : sema::NameKind::Local;
  ssa::Function* direct = nullptr;
  if (name && kind == sema::NameKind::Global) {
    const sema::GlobalInfo* info = ctx_.scopes.global(name->id);
    if (info && info->only_def) {
      auto it = ctx_.functions.find(info->only_def);
      const auto* def_args = ast::cast<ast::argumentsNode>(info->only_def->args);
      // Only the plain case binds statically: exact positional arguments,
      // no defaults, no decorators replacing the function.
      if (it != ctx_.functions.end() && kwnames.empty() && info->only_def->decorator_list.empty() &&
          def_args->defaults.empty() && it->second->nkwonly == 0 && it->second->flags == 0 &&
          !it->second->has_closure && it->second->param_names.size() == e->args.size) {
        direct = it->second;
      }
    }
  }
  Instr* callee = nullptr;
  if (direct) {
    // The def must have run: calling before it raises NameError.
    Instr* check = emit(Opcode::CheckGlobal, {}, e->func);
    check->imm = ctx_.scopes.ensure_slot(name->id);
    check->text = std::string(name->id);
  } else if (!(name && kind == sema::NameKind::Builtin && has_builtin_impl(name->id))) {
    callee = expr(e->func);
  }

  std::vector<Instr*> args;
  for (const ast::Node* a : e->args) args.push_back(expr(a));
  for (const ast::Node* k : e->keywords) args.push_back(expr(ast::cast<ast::keywordNode>(k)->value));

  std::vector<Instr*> operands;
  if (callee != nullptr) operands.push_back(callee);
  operands.insert(operands.end(), args.begin(), args.end());
  if (!direct) {
    Instr* kw = nullptr;
    if (kwnames.empty()) {
      kw = none();
    } else {
      kw = entry_constant(Opcode::ConstKwnames);
      kw->names = std::move(kwnames);
    }
    operands.push_back(kw);
  }
  Opcode op = direct ? Opcode::CallDirect : callee == nullptr ? Opcode::CallBuiltin : Opcode::Call;
  Instr* call = emit_ops(op, operands, e);
  if (direct) {
    call->callee = direct;
  } else {
    call->aux = static_cast<int64_t>(e->args.size);
  }
  if (op == Opcode::CallBuiltin) {
    ssa::BuiltinId id{};
    ssa::lookup_builtin(name->id, &id);
    call->imm = static_cast<int64_t>(id);
  }
  return call;
}

}  // namespace molt::lower

namespace molt::lower {

Instr* FunctionLowerer::starred_list(const ast::NodeList& elts, const ast::Node* at) {
  std::vector<Instr*> leading;
  uint32_t k = 0;
  for (; k < elts.size && elts[k]->kind != ast::NodeKind::Starred; ++k) leading.push_back(expr(elts[k]));
  Instr* list = emit_ops(Opcode::BuildList, leading, at);
  for (; k < elts.size; ++k) {
    if (const auto* s = ast::dyn_cast<ast::StarredNode>(elts[k])) {
      emit(Opcode::ListExtendStar, {list, expr(s->value)}, s);
    } else {
      emit(Opcode::ListAppend, {list, expr(elts[k])}, elts[k]);
    }
  }
  return list;
}

Instr* FunctionLowerer::starred_set(const ast::NodeList& elts, const ast::Node* at) {
  std::vector<Instr*> leading;
  uint32_t k = 0;
  for (; k < elts.size && elts[k]->kind != ast::NodeKind::Starred; ++k) leading.push_back(expr(elts[k]));
  Instr* set = emit_ops(Opcode::BuildSet, leading, at);
  for (; k < elts.size; ++k) {
    if (const auto* s = ast::dyn_cast<ast::StarredNode>(elts[k])) {
      emit(Opcode::SetUpdate, {set, expr(s->value)}, s);
    } else {
      emit(Opcode::SetAdd, {set, expr(elts[k])}, elts[k]);
    }
  }
  return set;
}

Instr* FunctionLowerer::dict_display(const ast::DictNode* d) {
  std::vector<Instr*> pairs;
  uint32_t k = 0;
  for (; k < d->keys.size && d->keys[k] != nullptr; ++k) {
    pairs.push_back(expr(d->keys[k]));
    pairs.push_back(expr(d->values[k]));
  }
  Instr* dict = emit_ops(Opcode::BuildDict, pairs, d);
  for (; k < d->keys.size; ++k) {
    if (d->keys[k] == nullptr) {
      emit(Opcode::DictUpdate, {dict, expr(d->values[k])}, d->values[k]);
    } else {
      Instr* key = expr(d->keys[k]);
      Instr* value = expr(d->values[k]);
      emit(Opcode::SetItem, {dict, key, value}, d->keys[k]);
    }
  }
  return dict;
}

Instr* FunctionLowerer::star_call(const ast::CallNode* e) {
  // CPython's CALL_FUNCTION_EX: the callable, the positional arguments as
  // one tuple (a lone `*x` passes x itself, converted by the call), and the
  // keywords as one dict merged in order.
  Instr* callee = expr(e->func);
  Instr* args;
  bool any_star = false;
  for (const ast::Node* a : e->args) any_star = any_star || a->kind == ast::NodeKind::Starred;
  if (e->args.size == 1 && any_star) {
    args = expr(ast::cast<ast::StarredNode>(e->args[0])->value);
  } else if (!any_star) {
    std::vector<Instr*> items;
    for (const ast::Node* a : e->args) items.push_back(expr(a));
    args = emit_ops(Opcode::BuildTuple, items, e);
  } else {
    args = emit(Opcode::ListToTuple, {starred_list(e->args, e)}, e);
  }
  Instr* kwargs = none();
  if (!e->keywords.empty()) {
    Instr* dict = nullptr;
    std::vector<Instr*> pairs;
    auto flush = [&]() {
      if (dict == nullptr) {
        dict = emit_ops(Opcode::BuildDict, pairs, e);
      } else if (!pairs.empty()) {
        emit(Opcode::DictMergeKw, {dict, emit_ops(Opcode::BuildDict, pairs, e), callee}, e);
      }
      pairs.clear();
    };
    for (const ast::Node* k : e->keywords) {
      const auto* kw = ast::cast<ast::keywordNode>(k);
      if (kw->arg.data()) {
        pairs.push_back(str_constant(kw->arg));
        pairs.push_back(expr(kw->value));
        continue;
      }
      flush();
      emit(Opcode::DictMergeKw, {dict, expr(kw->value), callee}, kw->value);
    }
    flush();
    kwargs = dict;
  }
  return emit(Opcode::CallEx, {callee, args, kwargs}, e);
}

}  // namespace molt::lower
