// parse_targets.cc — assignment, for-loop and del targets: parsing
// star_targets, turning expressions into targets (expression context
// Store/Del), and naming the invalid part of a target the way CPython's
// error messages do (_PyPegen_get_invalid_target, _PyPegen_get_expr_name).
#include "parse/parser_impl.h"

namespace molt::parse {

using ast::Node;
using ast::NodeKind;

namespace {

// Tokens that can start a star_target (an atom, possibly with trailers, or
// a starred target).
bool starts_target(TokenKind k) {
  static constexpr lex::TokenSet kStarts{TokenKind::Star,   TokenKind::Name,         TokenKind::LPar,
                                         TokenKind::LSqb,   TokenKind::LBrace,       TokenKind::Number,
                                         TokenKind::String, TokenKind::FStringStart, TokenKind::Ellipsis,
                                         TokenKind::KwNone, TokenKind::KwTrue,       TokenKind::KwFalse};
  return kStarts.contains(k);
}

}  // namespace

// star_targets: star_target !',' | star_target (',' star_target)* [',']
Node* Parser::star_targets() {
  Loc start = start_loc();
  Node* first = star_target();
  if (!first) return nullptr;
  if (!at(TokenKind::Comma)) return first;
  std::vector<Node*> elts{first};
  while (accept(TokenKind::Comma)) {
    if (!starts_target(kind())) break;
    Node* e = star_target();
    if (!e) return nullptr;
    elts.push_back(e);
  }
  auto* t = make<ast::TupleNode>(start, end_loc());
  t->elts = list(elts);
  t->ctx = ast::ExprContext::Store;
  return t;
}

// star_target: '*' (!'*' star_target) | target_with_star_atom
Node* Parser::star_target() {
  if (at(TokenKind::Star)) {
    const Token& star = advance();
    if (at(TokenKind::Star)) return nullptr;
    if (!enter()) return nullptr;
    Node* inner = star_target();
    leave();
    if (!inner) return nullptr;
    auto* s = make<ast::StarredNode>(star.range.begin, end_loc());
    s->value = inner;
    s->ctx = ast::ExprContext::Store;
    return s;
  }
  Node* e = primary();
  if (!e) return nullptr;
  if (!set_ctx(e, ast::ExprContext::Store, TargetsType::Star)) return nullptr;
  return e;
}

const Node* Parser::invalid_target(const Node* e, TargetsType type) {
  if (e == nullptr) return nullptr;
  // Only lists and tuples can hold valid names when parsed as expressions;
  // any other container is directly invalid.
  if (auto* l = ast::dyn_cast<ast::ListNode>(e)) {
    for (const Node* elt : l->elts) {
      if (const Node* bad = invalid_target(elt, type)) return bad;
    }
    return nullptr;
  }
  if (auto* t = ast::dyn_cast<ast::TupleNode>(e)) {
    for (const Node* elt : t->elts) {
      if (const Node* bad = invalid_target(elt, type)) return bad;
    }
    return nullptr;
  }
  if (auto* s = ast::dyn_cast<ast::StarredNode>(e)) {
    if (type == TargetsType::Del) return e;
    return invalid_target(s->value, type);
  }
  if (auto* c = ast::dyn_cast<ast::CompareNode>(e)) {
    // `for a in b` parsed as an expression is a comparison: look at its
    // left side.
    if (type != TargetsType::For) return e;
    if (c->ops[0] == ast::CmpOp::In) return invalid_target(c->left, type);
    return nullptr;
  }
  if (e->kind == NodeKind::Name || e->kind == NodeKind::Subscript || e->kind == NodeKind::Attribute)
    return nullptr;
  return e;
}

bool Parser::set_ctx(Node* e, ast::ExprContext c, TargetsType type) {
  if (invalid_target(e, type) != nullptr) return false;
  // Iterative over the nested tuples/lists/starreds.
  std::vector<Node*> work{e};
  while (!work.empty()) {
    Node* n = work.back();
    work.pop_back();
    if (auto* name = ast::dyn_cast<ast::NameNode>(n)) {
      name->ctx = c;
    } else if (auto* a = ast::dyn_cast<ast::AttributeNode>(n)) {
      a->ctx = c;
    } else if (auto* sub = ast::dyn_cast<ast::SubscriptNode>(n)) {
      sub->ctx = c;
    } else if (auto* star = ast::dyn_cast<ast::StarredNode>(n)) {
      star->ctx = c;
      work.push_back(star->value);
    } else if (auto* l = ast::dyn_cast<ast::ListNode>(n)) {
      l->ctx = c;
      for (Node* elt : l->elts) work.push_back(elt);
    } else if (auto* t = ast::dyn_cast<ast::TupleNode>(n)) {
      t->ctx = c;
      for (Node* elt : t->elts) work.push_back(elt);
    }
  }
  return true;
}

void Parser::raise_invalid_target(TargetsType type, const Node* e) {
  const Node* bad = invalid_target(e, type);
  if (!bad) return;
  std::string what = expr_name(bad);
  if (type == TargetsType::Del) {
    raise_at_node(bad, "cannot delete " + what);
  } else {
    raise_at_node(bad, "cannot assign to " + what);
  }
}

// _PyPegen_get_expr_name: how error messages name an expression.
std::string Parser::expr_name(const Node* e) {
  struct Entry {
    NodeKind kind;
    const char* name;
  };
  static constexpr Entry kNames[] = {
      {NodeKind::Attribute, "attribute"},
      {NodeKind::Subscript, "subscript"},
      {NodeKind::Starred, "starred"},
      {NodeKind::Name, "name"},
      {NodeKind::List, "list"},
      {NodeKind::Tuple, "tuple"},
      {NodeKind::Lambda, "lambda"},
      {NodeKind::Call, "function call"},
      {NodeKind::BoolOp, "expression"},
      {NodeKind::BinOp, "expression"},
      {NodeKind::UnaryOp, "expression"},
      {NodeKind::GeneratorExp, "generator expression"},
      {NodeKind::Yield, "yield expression"},
      {NodeKind::YieldFrom, "yield expression"},
      {NodeKind::Await, "await expression"},
      {NodeKind::ListComp, "list comprehension"},
      {NodeKind::SetComp, "set comprehension"},
      {NodeKind::DictComp, "dict comprehension"},
      {NodeKind::Dict, "dict literal"},
      {NodeKind::Set, "set display"},
      {NodeKind::JoinedStr, "f-string expression"},
      {NodeKind::FormattedValue, "f-string expression"},
      {NodeKind::Compare, "comparison"},
      {NodeKind::IfExp, "conditional expression"},
      {NodeKind::NamedExpr, "named expression"},
  };
  if (auto* c = ast::dyn_cast<ast::ConstantNode>(e)) {
    switch (c->value.kind) {
      case ast::ConstKind::None: return "None";
      case ast::ConstKind::False: return "False";
      case ast::ConstKind::True: return "True";
      case ast::ConstKind::Ellipsis: return "ellipsis";
      case ast::ConstKind::Int:
      case ast::ConstKind::Float:
      case ast::ConstKind::Complex:
      case ast::ConstKind::Str:
      case ast::ConstKind::Bytes: return "literal";
    }
  }
  for (const Entry& entry : kNames) {
    if (entry.kind == e->kind) return entry.name;
  }
  return "expression";
}

}  // namespace molt::parse
