// parse_expr.cc — expressions: conditional expressions and lambdas, boolean
// operators, comparisons, binary and unary operators, await, primaries
// (attributes, calls, subscripts, slices), call arguments and atoms. The
// bracketed displays are in parse_displays.cc.
//
// Chains that CPython's grammar builds by recursion (not/-/~ prefixes,
// '**', 'x if c else ...', 'lambda: lambda: ...') are parsed with explicit
// stacks here, so the C++ stack depth only grows with bracket nesting.
#include <cstdio>

#include "parse/parser_impl.h"

namespace molt::parse {

using ast::Node;
using ast::NodeKind;
using diag::DiagId;

bool starts_expression(TokenKind k) {
  static constexpr lex::TokenSet kStarts{
      TokenKind::Name,   TokenKind::Number,   TokenKind::String, TokenKind::FStringStart, TokenKind::LPar,
      TokenKind::LSqb,   TokenKind::LBrace,   TokenKind::Minus,  TokenKind::Plus,         TokenKind::Tilde,
      TokenKind::Star,   TokenKind::Ellipsis, TokenKind::KwNot,  TokenKind::KwLambda,     TokenKind::KwAwait,
      TokenKind::KwNone, TokenKind::KwTrue,   TokenKind::KwFalse};
  return kStarts.contains(k);
}

// expression: disjunction 'if' disjunction 'else' expression | disjunction | lambdef
Node* Parser::expression_impl() {
  if (!enter()) return nullptr;
  struct Prefix {
    Node* a;     // lambda: arguments; if: body
    Node* test;  // null for lambda
    Loc start;
    size_t if_pos;  // the 'if' token, for backtracking
  };
  std::vector<Prefix> prefixes;
  Node* result = nullptr;
  for (;;) {
    if (at(TokenKind::KwLambda)) {
      Loc start = start_loc();
      Node* args = lambdef_prefix(&start);
      if (!args) break;
      prefixes.push_back({args, nullptr, start, 0});
      continue;
    }
    size_t p0 = pos_;
    Loc d_start = start_loc();
    Node* d = disjunction();
    if (!d) break;
    if (invalid_rules_ && !failed()) {
      if (invalid_expression(d, p0) || invalid_legacy_expression(p0)) break;
    }
    if (at(TokenKind::KwIf)) {
      size_t if_pos = pos_;
      advance();
      Node* test = disjunction();
      if (!test || !accept(TokenKind::KwElse)) {
        if (failed()) break;
        // Not a conditional expression: the disjunction alone (PEG).
        pos_ = if_pos;
        result = d;
        break;
      }
      prefixes.push_back({d, test, d_start, if_pos});
      continue;
    }
    result = d;
    break;
  }
  if (!result && !failed()) {
    // A failed part fails the lambdas that contain it; the innermost
    // conditional whose `else` branch failed falls back to its body.
    while (!prefixes.empty() && prefixes.back().test == nullptr) prefixes.pop_back();
    if (!prefixes.empty()) {
      result = prefixes.back().a;
      pos_ = prefixes.back().if_pos;
      prefixes.pop_back();
    }
  }
  if (result) {
    Loc end = end_loc();
    for (size_t i = prefixes.size(); i-- > 0;) {
      const Prefix& p = prefixes[i];
      if (p.test == nullptr) {
        auto* l = make<ast::LambdaNode>(p.start, end);
        l->args = p.a;
        l->body = result;
        result = l;
      } else {
        auto* e = make<ast::IfExpNode>(p.start, end);
        e->test = p.test;
        e->body = p.a;
        e->orelse = result;
        result = e;
      }
    }
  }
  leave();
  return failed() ? nullptr : result;
}

// The part of expression_without_invalid used by invalid rules: an
// expression parsed with the invalid checks switched off.
Node* Parser::expression_without_invalid() {
  bool saved = invalid_rules_;
  invalid_rules_ = false;
  // A rule of its own in CPython: it does not fill the memo of `expression`
  // at this position.
  Node* e = expression_impl();
  invalid_rules_ = saved;
  return e;
}

// 'lambda' [lambda_params] ':' — returns the arguments node.
Node* Parser::lambdef_prefix(Loc* start) {
  *start = advance().range.begin;
  Node* args;
  if (at(TokenKind::Colon)) {
    args = empty_arguments();
  } else {
    args = parameters(true);
    if (!args) return nullptr;
  }
  if (!accept(TokenKind::Colon)) return nullptr;
  return args;
}

// yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]
Node* Parser::yield_expr() {
  const Token& t = advance();
  if (accept(TokenKind::KwFrom)) {
    Node* v = expression();
    if (!v) return nullptr;
    auto* y = make<ast::YieldFromNode>(t.range.begin, end_loc());
    y->value = v;
    return y;
  }
  Node* v = nullptr;
  if (starts_expression(kind())) {
    v = star_expressions();
    if (!v) return nullptr;
  }
  auto* y = make<ast::YieldNode>(t.range.begin, end_loc());
  y->value = v;
  return y;
}

// star_expressions: star_expression (',' star_expression)* [',']
Node* Parser::star_expressions_impl() {
  Loc start = start_loc();
  Node* first = star_expression();
  if (!first) return nullptr;
  if (!at(TokenKind::Comma)) return first;
  std::vector<Node*> elts{first};
  while (accept(TokenKind::Comma)) {
    if (!starts_expression(kind())) break;
    size_t item = pos_;
    Node* e = star_expression();
    if (!e) {
      if (failed()) return nullptr;
      pos_ = item;  // the comma was a trailing one (PEG)
      break;
    }
    elts.push_back(e);
  }
  auto* t = make<ast::TupleNode>(start, end_loc());
  t->elts = list(elts);
  t->ctx = ast::ExprContext::Load;
  return t;
}

// expressions: expression (',' expression)* [',']
Node* Parser::expressions() {
  Loc start = start_loc();
  Node* first = expression();
  if (!first) return nullptr;
  if (!at(TokenKind::Comma)) return first;
  std::vector<Node*> elts{first};
  while (accept(TokenKind::Comma)) {
    if (!starts_expression(kind()) || at(TokenKind::Star)) break;
    Node* e = expression();
    if (!e) return nullptr;
    elts.push_back(e);
  }
  auto* t = make<ast::TupleNode>(start, end_loc());
  t->elts = list(elts);
  t->ctx = ast::ExprContext::Load;
  return t;
}

// star_expression: '*' bitwise_or | expression
Node* Parser::star_expression_impl() {
  if (at(TokenKind::Star)) {
    const Token& star = advance();
    Node* v = bitwise_or();
    if (!v) return nullptr;
    auto* s = make<ast::StarredNode>(star.range.begin, end_loc());
    s->value = v;
    s->ctx = ast::ExprContext::Load;
    return s;
  }
  return expression();
}

// star_named_expression: '*' bitwise_or | named_expression
Node* Parser::star_named_expression_impl() {
  if (at(TokenKind::Star)) {
    const Token& star = advance();
    Node* v = bitwise_or();
    if (!v) return nullptr;
    auto* s = make<ast::StarredNode>(star.range.begin, end_loc());
    s->value = v;
    s->ctx = ast::ExprContext::Load;
    return s;
  }
  return named_expression();
}

// named_expression: NAME ':=' ~ expression | expression !':='
Node* Parser::named_expression_impl() {
  if (at(TokenKind::Name) && peek_at(1).kind == TokenKind::ColonEqual) {
    const Token& name = advance();
    advance();
    Node* v = expression();
    if (!v) return nullptr;
    auto* n = make<ast::NamedExprNode>(name.range.begin, end_loc());
    n->target = name_from_token(name, ast::ExprContext::Store);
    n->value = v;
    return n;
  }
  size_t p0 = pos_;
  if (invalid_rules_ && invalid_named_expression(nullptr, p0)) return nullptr;
  Node* e = expression();
  if (!e || at(TokenKind::ColonEqual)) return nullptr;
  return e;
}

// disjunction: conjunction ('or' conjunction)*
Node* Parser::disjunction_impl() {
  Loc start = start_loc();
  Node* first = conjunction();
  if (!first || !at(TokenKind::KwOr)) return first;
  std::vector<Node*> values{first};
  while (at(TokenKind::KwOr)) {
    size_t op = pos_;
    advance();
    Node* v = conjunction();
    if (!v) {
      if (failed()) return nullptr;
      pos_ = op;
      break;
    }
    values.push_back(v);
  }
  if (values.size() == 1) return first;
  auto* b = make<ast::BoolOpNode>(start, end_loc());
  b->op = ast::BoolOperator::Or;
  b->values = list(values);
  return b;
}

// conjunction: inversion ('and' inversion)*
Node* Parser::conjunction() {
  Loc start = start_loc();
  Node* first = inversion();
  if (!first || !at(TokenKind::KwAnd)) return first;
  std::vector<Node*> values{first};
  while (at(TokenKind::KwAnd)) {
    size_t op = pos_;
    advance();
    Node* v = inversion();
    if (!v) {
      if (failed()) return nullptr;
      pos_ = op;
      break;
    }
    values.push_back(v);
  }
  if (values.size() == 1) return first;
  auto* b = make<ast::BoolOpNode>(start, end_loc());
  b->op = ast::BoolOperator::And;
  b->values = list(values);
  return b;
}

// inversion: 'not' inversion | comparison
Node* Parser::inversion() {
  if (!at(TokenKind::KwNot)) return comparison();
  std::vector<Loc> nots;
  while (at(TokenKind::KwNot)) nots.push_back(advance().range.begin);
  Node* e = comparison();
  if (!e) return nullptr;
  Loc end = end_loc();
  for (size_t i = nots.size(); i-- > 0;) {
    auto* u = make<ast::UnaryOpNode>(nots[i], end);
    u->op = ast::UnaryOperator::Not;
    u->operand = e;
    e = u;
  }
  return e;
}

// comparison: bitwise_or (compare_op bitwise_or)*
Node* Parser::comparison() {
  Loc start = start_loc();
  Node* left = bitwise_or();
  if (!left) return nullptr;
  std::vector<ast::CmpOp> ops;
  std::vector<Node*> comparators;
  for (;;) {
    ast::CmpOp op;
    size_t op_pos = pos_;
    TokenKind k = kind();
    if (k == TokenKind::EqEqual) {
      op = ast::CmpOp::Eq;
    } else if (k == TokenKind::NotEqual) {
      if (peek().text != "!=") break;  // '<>' is only valid under barry_as_FLUFL
      op = ast::CmpOp::NotEq;
    } else if (k == TokenKind::LessEqual) {
      op = ast::CmpOp::LtE;
    } else if (k == TokenKind::Less) {
      op = ast::CmpOp::Lt;
    } else if (k == TokenKind::GreaterEqual) {
      op = ast::CmpOp::GtE;
    } else if (k == TokenKind::Greater) {
      op = ast::CmpOp::Gt;
    } else if (k == TokenKind::KwIn) {
      op = ast::CmpOp::In;
    } else if (k == TokenKind::KwNot) {
      if (peek_at(1).kind != TokenKind::KwIn) break;
      advance();
      op = ast::CmpOp::NotIn;
    } else if (k == TokenKind::KwIs) {
      if (peek_at(1).kind == TokenKind::KwNot) {
        advance();
        op = ast::CmpOp::IsNot;
      } else {
        op = ast::CmpOp::Is;
      }
    } else {
      break;
    }
    advance();
    Node* right = bitwise_or();
    if (!right) {
      if (failed()) return nullptr;
      pos_ = op_pos;
      break;
    }
    ops.push_back(op);
    comparators.push_back(right);
  }
  if (ops.empty()) return left;
  auto* c = make<ast::CompareNode>(start, end_loc());
  c->left = left;
  c->ops = list(ops);
  c->comparators = list(comparators);
  return c;
}

namespace {

// Binary operator precedence (bitwise_or .. term); 0 if not a binary op.
int binary_prec(TokenKind k, ast::Operator* op) {
  struct Entry {
    TokenKind kind;
    ast::Operator op;
    int prec;
  };
  static constexpr Entry kOps[] = {
      {TokenKind::VBar, ast::Operator::BitOr, 1},        {TokenKind::Circumflex, ast::Operator::BitXor, 2},
      {TokenKind::Amper, ast::Operator::BitAnd, 3},      {TokenKind::LeftShift, ast::Operator::LShift, 4},
      {TokenKind::RightShift, ast::Operator::RShift, 4}, {TokenKind::Plus, ast::Operator::Add, 5},
      {TokenKind::Minus, ast::Operator::Sub, 5},         {TokenKind::Star, ast::Operator::Mult, 6},
      {TokenKind::Slash, ast::Operator::Div, 6},         {TokenKind::DoubleSlash, ast::Operator::FloorDiv, 6},
      {TokenKind::Percent, ast::Operator::Mod, 6},       {TokenKind::At, ast::Operator::MatMult, 6},
  };
  for (const Entry& e : kOps) {
    if (e.kind == k) {
      *op = e.op;
      return e.prec;
    }
  }
  return 0;
}

}  // namespace

Node* Parser::bitwise_or_impl() {
  return binary(1);
}

// Precedence climbing over bitwise_or, bitwise_xor, bitwise_and, shift_expr,
// sum and term (all left-associative).
Node* Parser::binary(int min_prec) {
  Loc start = start_loc();
  Node* left = factor();
  if (!left) return nullptr;
  for (;;) {
    ast::Operator op;
    int prec = binary_prec(kind(), &op);
    if (prec == 0 || prec < min_prec) break;
    size_t op_pos = pos_;
    advance();
    Node* right = binary(prec + 1);
    if (!right) {
      if (failed()) return nullptr;
      pos_ = op_pos;  // `a +` is `a` followed by something else (PEG)
      break;
    }
    auto* b = make<ast::BinOpNode>(start, end_loc());
    b->left = left;
    b->op = op;
    b->right = right;
    left = b;
  }
  return left;
}

// factor: ('+' | '-' | '~') factor | power
// power: await_primary '**' factor | await_primary
Node* Parser::factor() {
  struct Pending {
    bool is_pow;
    ast::UnaryOperator op;
    Node* base;  // for '**'
    Loc start;
    size_t op_pos;  // the '**' token, for backtracking
  };
  std::vector<Pending> stack;
  Node* result = nullptr;
  for (;;) {
    for (;;) {
      TokenKind k = kind();
      ast::UnaryOperator op;
      if (k == TokenKind::Plus) {
        op = ast::UnaryOperator::UAdd;
      } else if (k == TokenKind::Minus) {
        op = ast::UnaryOperator::USub;
      } else if (k == TokenKind::Tilde) {
        op = ast::UnaryOperator::Invert;
      } else {
        break;
      }
      stack.push_back({false, op, nullptr, advance().range.begin, 0});
    }
    Loc base_start = start_loc();
    Node* base = await_primary();
    if (!base) {
      // `a ** <bad>`: the power falls back to its base (PEG).
      if (failed()) return nullptr;
      while (!stack.empty() && !stack.back().is_pow) stack.pop_back();
      if (stack.empty()) return nullptr;
      pos_ = stack.back().op_pos;
      result = stack.back().base;
      stack.pop_back();
      break;
    }
    if (at(TokenKind::DoubleStar)) {
      size_t op_pos = pos_;
      advance();
      stack.push_back({true, ast::UnaryOperator::UAdd, base, base_start, op_pos});
      continue;
    }
    result = base;
    break;
  }
  Loc end = end_loc();
  for (size_t i = stack.size(); i-- > 0;) {
    const Pending& p = stack[i];
    if (p.is_pow) {
      auto* b = make<ast::BinOpNode>(p.start, end);
      b->left = p.base;
      b->op = ast::Operator::Pow;
      b->right = result;
      result = b;
    } else {
      auto* u = make<ast::UnaryOpNode>(p.start, end);
      u->op = p.op;
      u->operand = result;
      result = u;
    }
  }
  return result;
}

// await_primary: 'await' primary | primary
Node* Parser::await_primary() {
  if (at(TokenKind::KwAwait)) {
    const Token& t = advance();
    Node* v = primary();
    if (!v) return nullptr;
    auto* a = make<ast::AwaitNode>(t.range.begin, end_loc());
    a->value = v;
    return a;
  }
  return primary();
}

// primary: atom ('.' NAME | genexp | '(' [arguments] ')' | '[' slices ']')*
Node* Parser::primary_impl() {
  Loc start = start_loc();
  Node* e = atom();
  if (!e) return nullptr;
  return trailers(e, start);
}

Node* Parser::trailers(Node* e, Loc start) {
  for (;;) {
    TokenKind k = kind();
    if (k == TokenKind::Dot) {
      if (peek_at(1).kind != TokenKind::Name) return e;
      advance();
      const Token& name = advance();
      auto* a = make<ast::AttributeNode>(start, name.range.end);
      a->value = e;
      a->attr = identifier(name);
      a->ctx = ast::ExprContext::Load;
      e = a;
    } else if (k == TokenKind::LPar) {
      size_t open = pos_;
      Node* c = call(e, start);
      if (!c) {
        if (failed()) return nullptr;
        pos_ = open;
        return e;
      }
      e = c;
    } else if (k == TokenKind::LSqb) {
      size_t open = pos_;
      advance();
      Node* s = slices();
      if (!s || !at(TokenKind::RSqb)) {
        if (failed()) return nullptr;
        pos_ = open;
        return e;
      }
      const Token& close = advance();
      auto* sub = make<ast::SubscriptNode>(start, close.range.end);
      sub->value = e;
      sub->slice = s;
      sub->ctx = ast::ExprContext::Load;
      e = sub;
    } else {
      return e;
    }
  }
}

// slices: slice !',' | ','.(slice | starred_expression)+ [',']
Node* Parser::slices() {
  Loc start = start_loc();
  Node* first = slice();
  if (!first) return nullptr;
  if (!at(TokenKind::Comma) && first->kind != NodeKind::Starred) return first;
  std::vector<Node*> elts{first};
  while (accept(TokenKind::Comma)) {
    if (at(TokenKind::RSqb)) break;
    Node* e = slice();
    if (!e) return nullptr;
    elts.push_back(e);
  }
  auto* t = make<ast::TupleNode>(start, end_loc());
  t->elts = list(elts);
  t->ctx = ast::ExprContext::Load;
  return t;
}

// slice: [expression] ':' [expression] [':' [expression]] | named_expression
// (a starred_expression is accepted here for the tuple form of slices)
Node* Parser::slice() {
  Loc start = start_loc();
  if (at(TokenKind::Star)) {
    const Token& star = advance();
    Node* v = expression();
    if (!v) return nullptr;
    auto* s = make<ast::StarredNode>(star.range.begin, end_loc());
    s->value = v;
    s->ctx = ast::ExprContext::Load;
    return s;
  }
  Node* lower = nullptr;
  if (!at(TokenKind::Colon)) {
    lower = named_expression();
    if (!lower) return nullptr;
    if (!at(TokenKind::Colon)) return lower;
    if (lower->kind == NodeKind::NamedExpr) return nullptr;
  }
  advance();  // ':'
  Node* upper = nullptr;
  Node* step = nullptr;
  if (!at(TokenKind::Colon) && !at(TokenKind::Comma) && !at(TokenKind::RSqb)) {
    upper = expression();
    if (!upper) return nullptr;
  }
  if (accept(TokenKind::Colon)) {
    if (!at(TokenKind::Comma) && !at(TokenKind::RSqb)) {
      step = expression();
      if (!step) return nullptr;
    }
  }
  auto* s = make<ast::SliceNode>(start, end_loc());
  s->lower = lower;
  s->upper = upper;
  s->step = step;
  return s;
}

// A call trailer: '(' [arguments] ')' or a lone generator expression.
Node* Parser::call(Node* func, Loc start) {
  size_t open_pos = pos_;
  Loc open = advance().range.begin;
  std::vector<Node*> args, keywords;
  if (!at(TokenKind::RPar)) {
    if (!arguments(args, keywords, open, /*allow_genexp=*/true)) {
      if (invalid_rules_ && !failed()) invalid_arguments(open_pos);
      return nullptr;
    }
  }
  if (!at(TokenKind::RPar)) {
    if (invalid_rules_ && !failed()) invalid_arguments(open_pos);
    return nullptr;
  }
  const Token& close = advance();
  auto* c = make<ast::CallNode>(start, close.range.end);
  c->func = func;
  c->args = list(args);
  c->keywords = list(keywords);
  return c;
}

// arguments: args [','] &')' where
// args: ','.(starred_expression | (assignment_expression | expression !':=') !'=')+ [',' kwargs] | kwargs
// A lone generator expression argument (starting at `open`) is allowed in
// calls only.
bool Parser::arguments(std::vector<Node*>& args, std::vector<Node*>& keywords, Loc open, bool allow_genexp) {
  bool seen_keyword = false;  // NAME '=' or '**'
  bool seen_double_star = false;
  for (;;) {
    if (invalid_rules_ && invalid_kwarg()) return false;
    if (at(TokenKind::Star)) {
      if (seen_double_star) return false;
      const Token& star = advance();
      Node* v = expression();
      if (!v) return false;
      auto* s = make<ast::StarredNode>(star.range.begin, end_loc());
      s->value = v;
      s->ctx = ast::ExprContext::Load;
      args.push_back(s);
    } else if (at(TokenKind::DoubleStar)) {
      const Token& star = advance();
      Node* v = expression();
      if (!v) return false;
      auto* kw = make<ast::keywordNode>(star.range.begin, end_loc());
      kw->value = v;
      keywords.push_back(kw);
      seen_keyword = seen_double_star = true;
    } else if (at(TokenKind::Name) && peek_at(1).kind == TokenKind::Equal) {
      const Token& name = advance();
      advance();
      Node* v = expression();
      if (!v) return false;
      auto* kw = make<ast::keywordNode>(name.range.begin, end_loc());
      kw->arg = identifier(name);
      kw->value = v;
      keywords.push_back(kw);
      seen_keyword = true;
    } else {
      if (seen_keyword) return false;
      Node* e = named_expression_arg();
      if (!e) return false;
      if (at(TokenKind::KwFor) || (at(TokenKind::KwAsync) && peek_at(1).kind == TokenKind::KwFor)) {
        if (!allow_genexp || !args.empty() || !keywords.empty()) return false;
        std::vector<Node*> gens;
        if (!for_if_clauses(gens)) return false;
        if (!at(TokenKind::RPar)) return false;
        auto* g = make<ast::GeneratorExpNode>(open, peek().range.end);
        g->elt = e;
        g->generators = list(gens);
        args.push_back(g);
        return true;
      }
      if (at(TokenKind::Equal)) return false;
      args.push_back(e);
    }
    if (!accept(TokenKind::Comma)) break;
    if (at(TokenKind::RPar)) break;
  }
  return at(TokenKind::RPar);
}

// assignment_expression | expression !':='  (a positional argument)
Node* Parser::named_expression_arg() {
  if (at(TokenKind::Name) && peek_at(1).kind == TokenKind::ColonEqual) return named_expression();
  Node* e = expression();
  if (!e || at(TokenKind::ColonEqual)) return nullptr;
  return e;
}

// for_if_clauses: (['async'] 'for' star_targets 'in' ~ disjunction ('if' disjunction)*)+
bool Parser::for_if_clauses(std::vector<Node*>& out) {
  while (at(TokenKind::KwFor) || (at(TokenKind::KwAsync) && peek_at(1).kind == TokenKind::KwFor)) {
    bool is_async = accept(TokenKind::KwAsync);
    size_t for_pos = pos_;
    advance();
    Node* target = star_targets();
    if (!target || !at(TokenKind::KwIn)) {
      if (invalid_rules_ && !failed()) invalid_for_target(for_pos);
      return false;
    }
    advance();
    Node* iter = disjunction();
    if (!iter) return false;
    std::vector<Node*> ifs;
    while (accept(TokenKind::KwIf)) {
      Node* cond = disjunction();
      if (!cond) return false;
      ifs.push_back(cond);
    }
    auto* c = ctx_.make<ast::comprehensionNode>();
    c->target = target;
    c->iter = iter;
    c->ifs = list(ifs);
    c->is_async = is_async ? 1 : 0;
    out.push_back(c);
  }
  return !out.empty();
}

// atom: NAME | True | False | None | strings | NUMBER | tuple/group/genexp
//     | list/listcomp | dict/set/dictcomp/setcomp | '...'
Node* Parser::atom_impl() {
  const Token& t = peek();
  TokenKind k = t.kind;
  if (k == TokenKind::Name) {
    advance();
    return name_from_token(t, ast::ExprContext::Load);
  }
  if (k == TokenKind::KwTrue || k == TokenKind::KwFalse || k == TokenKind::KwNone ||
      k == TokenKind::Ellipsis) {
    advance();
    ast::ConstKind c = k == TokenKind::KwTrue    ? ast::ConstKind::True
                       : k == TokenKind::KwFalse ? ast::ConstKind::False
                       : k == TokenKind::KwNone  ? ast::ConstKind::None
                                                 : ast::ConstKind::Ellipsis;
    return constant(c, t);
  }
  if (k == TokenKind::Number) {
    advance();
    return number(t);
  }
  if (k == TokenKind::String || k == TokenKind::FStringStart) return strings();
  if (k == TokenKind::LPar) return paren_atom();
  if (k == TokenKind::LSqb) return list_atom();
  if (k == TokenKind::LBrace) return brace_atom();
  return nullptr;
}

Node* Parser::constant(ast::ConstKind k, const Token& t) {
  auto* c = make<ast::ConstantNode>(t.range.begin, t.range.end);
  c->value.kind = k;
  return c;
}

Node* Parser::number(const Token& t) {
  auto* c = make<ast::ConstantNode>(t.range.begin, t.range.end);
  c->value = number_value(t.text, ctx_);
  if (c->value.kind == ast::ConstKind::Int && c->value.text.size() > 4300) {
    size_t digits = c->value.text.size();
    bool decimal = digits < 2 || c->value.text[0] != '0' ||
                   (c->value.text[1] != 'x' && c->value.text[1] != 'X' && c->value.text[1] != 'o' &&
                    c->value.text[1] != 'O' && c->value.text[1] != 'b' && c->value.text[1] != 'B');
    if (decimal) {
      char buf[320];
      std::snprintf(
          buf, sizeof buf,
          "Exceeds the limit (4300 digits) for integer string conversion: value has %zu digits; use "
          "sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer "
          "literals to avoid decimal conversion limits.",
          digits);
      raise_syntax(diag::Range{{t.range.begin.line, 0}, {t.range.end.line, 0}}, buf);
      return nullptr;
    }
  }
  return c;
}

}  // namespace molt::parse
