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
    case ast::NodeKind::NamedExpr: return "the assignment expression (':=')";
    case ast::NodeKind::Lambda: return "'lambda'";
    case ast::NodeKind::Dict: return "a dict display";
    case ast::NodeKind::Set: return "a set display";
    case ast::NodeKind::ListComp: return "a list comprehension";
    case ast::NodeKind::SetComp: return "a set comprehension";
    case ast::NodeKind::DictComp: return "a dict comprehension";
    case ast::NodeKind::GeneratorExp: return "a generator expression";
    case ast::NodeKind::Await: return "'await'";
    case ast::NodeKind::Yield: return "'yield'";
    case ast::NodeKind::YieldFrom: return "'yield from'";
    case ast::NodeKind::JoinedStr: return "an f-string";
    case ast::NodeKind::FormattedValue: return "an f-string";
    case ast::NodeKind::Attribute: return "attribute access";
    case ast::NodeKind::Subscript: return "subscripting";
    case ast::NodeKind::Starred: return "a starred expression";
    case ast::NodeKind::List: return "a list display";
    case ast::NodeKind::Tuple: return "a tuple display";
    case ast::NodeKind::Slice: return "slicing";
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
    case ast::NodeKind::Call:
      return call(ast::cast<ast::CallNode>(e));
    default:
      unsupported(e, expression_name(e->kind));
      return none();
  }
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
    case sema::NameKind::Local: {
      Instr* v = vars_.read(var_of(n->id), current());
      if (v == unbound_) {
        // Definitely unassigned here: the read always raises.
        Instr* check = emit(Opcode::CheckBound, {v}, n);
        check->text = std::string(n->id);
        return v;
      }
      if (v->op == Opcode::Phi) {
        // May be unassigned on some path; the bound-check pass removes the
        // check when it proves otherwise.
        Instr* check = emit(Opcode::CheckBound, {v}, n);
        check->text = std::string(n->id);
      }
      return v;
    }
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
      unsupported(e, "the 'in' operator");
      return none();
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
    if (is_rich_compare(op) || op == ast::CmpOp::Is || op == ast::CmpOp::IsNot) {
      Instr* l = expr(c->left);
      Instr* r = expr(c->comparators[0]);
      Instr* flag;
      if (op == ast::CmpOp::Is || op == ast::CmpOp::IsNot) {
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
  for (const ast::Node* a : e->args) {
    if (a->kind == ast::NodeKind::Starred) {
      unsupported(a, "a '*' argument in a call");
      return none();
    }
  }
  std::vector<std::string> kwnames;
  for (const ast::Node* k : e->keywords) {
    const auto* kw = ast::cast<ast::keywordNode>(k);
    if (!kw->arg.data()) {
      unsupported(k, "a '**' argument in a call");
      return none();
    }
    kwnames.emplace_back(kw->arg);
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
      if (it != ctx_.functions.end() && kwnames.empty() &&
          it->second->param_names.size() == e->args.size) {
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
  } else if (!(name && kind == sema::NameKind::Builtin)) {
    callee = expr(e->func);
  }

  std::vector<Instr*> args;
  for (const ast::Node* a : e->args) args.push_back(expr(a));
  for (const ast::Node* k : e->keywords) args.push_back(expr(ast::cast<ast::keywordNode>(k)->value));

  Instr* call;
  if (direct) {
    call = emit(Opcode::CallDirect, {}, e);
    call->callee = direct;
  } else if (callee == nullptr) {
    call = emit(Opcode::CallBuiltin, {}, e);
    ssa::BuiltinId id{};
    ssa::lookup_builtin(name->id, &id);
    call->imm = static_cast<int64_t>(id);
  } else {
    call = emit(Opcode::Call, {callee}, e);
  }
  if (!direct) call->aux = static_cast<int64_t>(e->args.size);
  for (Instr* a : args) ssa::add_operand(call, a);
  if (!direct) {
    Instr* kw = nullptr;
    if (kwnames.empty()) {
      kw = none();
    } else {
      kw = entry_constant(Opcode::ConstKwnames);
      kw->names = std::move(kwnames);
    }
    ssa::add_operand(call, kw);
  }
  return call;
}

}  // namespace molt::lower
