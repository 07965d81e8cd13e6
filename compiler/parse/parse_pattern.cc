// parse_pattern.cc — match statement patterns (PEP 634): literal, capture,
// wildcard, value, group, sequence, mapping, class, star, or and as
// patterns.
#include "parse/parser_impl.h"

namespace molt::parse {

using ast::Node;
using ast::NodeKind;

namespace {

Loc begin_of(const Node* n) {
  return Loc{n->lineno, n->col_offset};
}
Loc end_of(const Node* n) {
  return Loc{n->end_lineno, n->end_col_offset};
}

}  // namespace

// patterns: open_sequence_pattern | pattern
Node* Parser::patterns() {
  Loc start = start_loc();
  Node* first = maybe_star_pattern();
  if (!first) return nullptr;
  if (!at(TokenKind::Comma)) {
    if (first->kind == NodeKind::MatchStar) return nullptr;
    return first;
  }
  std::vector<Node*> items{first};
  while (accept(TokenKind::Comma)) {
    if (at(TokenKind::Colon) || at(TokenKind::KwIf)) break;
    Node* p = maybe_star_pattern();
    if (!p) return nullptr;
    items.push_back(p);
  }
  auto* s = make<ast::MatchSequenceNode>(start, end_loc());
  s->patterns = list(items);
  return s;
}

// maybe_star_pattern: star_pattern | pattern
Node* Parser::maybe_star_pattern() {
  if (at(TokenKind::Star)) return star_pattern();
  return pattern();
}

// star_pattern: '*' pattern_capture_target | '*' wildcard_pattern
Node* Parser::star_pattern() {
  const Token& star = advance();
  if (!at(TokenKind::Name)) return nullptr;
  const Token& name = advance();
  auto* s = make<ast::MatchStarNode>(star.range.begin, name.range.end);
  if (name.text != "_") s->name = identifier(name);
  return s;
}

// pattern_capture_target: !"_" NAME !('.' | '(' | '=')
std::string_view Parser::capture_target() {
  if (!at(TokenKind::Name) || peek().text == "_") return {};
  TokenKind next = peek_at(1).kind;
  if (next == TokenKind::Dot || next == TokenKind::LPar || next == TokenKind::Equal) return {};
  return identifier(advance());
}

// pattern: as_pattern | or_pattern
Node* Parser::pattern() {
  if (!enter()) return nullptr;
  Loc start = start_loc();
  Node* p = or_pattern();
  if (p && at(TokenKind::KwAs)) {
    size_t as_pos = pos_;
    advance();
    std::string_view name = capture_target();
    if (name.data() == nullptr) {
      if (invalid_rules_ && !failed()) {
        if (at_soft("_")) {
          raise_at_token(peek(), "cannot use '_' as a target");
        } else {
          pos_ = as_pos + 1;
          if (!at(TokenKind::Name)) {
            bool saved = invalid_rules_;
            invalid_rules_ = false;
            Node* e = expression();
            invalid_rules_ = saved;
            if (e) raise_at_node(e, "invalid pattern target");
          }
        }
      }
      leave();
      return nullptr;
    }
    auto* m = make<ast::MatchAsNode>(start, end_loc());
    m->pattern = p;
    m->name = name;
    p = m;
  }
  leave();
  return p;
}

// or_pattern: '|'.closed_pattern+
Node* Parser::or_pattern() {
  Loc start = start_loc();
  Node* first = closed_pattern();
  if (!first || !at(TokenKind::VBar)) return first;
  std::vector<Node*> alts{first};
  while (accept(TokenKind::VBar)) {
    Node* p = closed_pattern();
    if (!p) return nullptr;
    alts.push_back(p);
  }
  auto* o = make<ast::MatchOrNode>(start, end_loc());
  o->patterns = list(alts);
  return o;
}

// signed_number: NUMBER | '-' NUMBER
Node* Parser::signed_number() {
  if (at(TokenKind::Minus)) {
    const Token& minus = advance();
    if (!at(TokenKind::Number)) return nullptr;
    Node* n = number(advance());
    if (!n) return nullptr;
    auto* u = make<ast::UnaryOpNode>(minus.range.begin, end_of(n));
    u->op = ast::UnaryOperator::USub;
    u->operand = n;
    return u;
  }
  if (!at(TokenKind::Number)) return nullptr;
  return number(advance());
}

// The literal part shared by literal_pattern and literal_expr:
//   signed_number !('+' | '-') | complex_number | strings | None | True | False
// Returns a MatchValue/MatchSingleton pattern, or the expression itself
// when !as_pattern.
Node* Parser::literal_expr_or_pattern(bool as_pattern) {
  const Token& t = peek();
  if (t.kind == TokenKind::KwNone || t.kind == TokenKind::KwTrue || t.kind == TokenKind::KwFalse) {
    advance();
    ast::ConstKind k = t.kind == TokenKind::KwNone   ? ast::ConstKind::None
                       : t.kind == TokenKind::KwTrue ? ast::ConstKind::True
                                                     : ast::ConstKind::False;
    if (as_pattern) {
      auto* s = make<ast::MatchSingletonNode>(t.range.begin, t.range.end);
      s->value.kind = k;
      return s;
    }
    return constant(k, t);
  }
  Node* value;
  if (t.kind == TokenKind::String || t.kind == TokenKind::FStringStart) {
    value = strings();
    if (!value) return nullptr;
  } else {
    value = signed_number();
    if (!value) return nullptr;
    if (at(TokenKind::Plus) || at(TokenKind::Minus)) {
      // complex_number: signed_real_number ('+' | '-') imaginary_number
      const Node* real =
          value->kind == NodeKind::UnaryOp ? ast::cast<ast::UnaryOpNode>(value)->operand : value;
      if (ast::cast<ast::ConstantNode>(real)->value.kind == ast::ConstKind::Complex) {
        raise_at_node(real, "real number required in complex literal");
        return nullptr;
      }
      bool plus = advance().kind == TokenKind::Plus;
      if (!at(TokenKind::Number)) return nullptr;
      Node* imag = number(advance());
      if (!imag) return nullptr;
      if (ast::cast<ast::ConstantNode>(imag)->value.kind != ast::ConstKind::Complex) {
        raise_at_node(imag, "imaginary number required in complex literal");
        return nullptr;
      }
      auto* b = make<ast::BinOpNode>(begin_of(value), end_of(imag));
      b->left = value;
      b->op = plus ? ast::Operator::Add : ast::Operator::Sub;
      b->right = imag;
      value = b;
    }
  }
  if (!as_pattern) return value;
  auto* m = make<ast::MatchValueNode>(begin_of(value), end_of(value));
  m->value = value;
  return m;
}

// name_or_attr: attr | NAME   (attr: name_or_attr '.' NAME)
Node* Parser::name_or_attr() {
  if (!at(TokenKind::Name)) return nullptr;
  Node* e = name_from_token(advance(), ast::ExprContext::Load);
  while (at(TokenKind::Dot)) {
    advance();
    if (!at(TokenKind::Name)) return nullptr;
    const Token& name = advance();
    auto* a = make<ast::AttributeNode>(begin_of(e), name.range.end);
    a->value = e;
    a->attr = identifier(name);
    a->ctx = ast::ExprContext::Load;
    e = a;
  }
  return e;
}

// closed_pattern: literal | capture | wildcard | value | group | sequence
//               | mapping | class
Node* Parser::closed_pattern() {
  static constexpr lex::TokenSet kLiteralStart{TokenKind::Number,       TokenKind::Minus,  TokenKind::String,
                                               TokenKind::FStringStart, TokenKind::KwNone, TokenKind::KwTrue,
                                               TokenKind::KwFalse};
  TokenKind k = kind();
  if (kLiteralStart.contains(k)) return literal_expr_or_pattern(true);
  if (k == TokenKind::Name) {
    TokenKind next = peek_at(1).kind;
    if (next != TokenKind::Dot && next != TokenKind::LPar) {
      if (next == TokenKind::Equal) return nullptr;
      const Token& name = advance();
      auto* m = make<ast::MatchAsNode>(name.range.begin, name.range.end);
      if (name.text != "_") m->name = identifier(name);
      return m;
    }
    Loc start = start_loc();
    Node* e = name_or_attr();
    if (!e) return nullptr;
    if (at(TokenKind::LPar)) return class_pattern_args(e, start);
    if (e->kind != NodeKind::Attribute || at(TokenKind::Equal)) return nullptr;
    auto* m = make<ast::MatchValueNode>(begin_of(e), end_of(e));
    m->value = e;
    return m;
  }
  if (k == TokenKind::LPar) {
    const Token& open = advance();
    if (at(TokenKind::RPar)) {
      const Token& close = advance();
      return make<ast::MatchSequenceNode>(open.range.begin, close.range.end);
    }
    Node* first = maybe_star_pattern();
    if (!first) return nullptr;
    if (at(TokenKind::RPar) && first->kind != NodeKind::MatchStar) {
      advance();
      return first;  // group_pattern
    }
    if (!at(TokenKind::Comma)) return nullptr;
    std::vector<Node*> items{first};
    while (accept(TokenKind::Comma)) {
      if (at(TokenKind::RPar)) break;
      Node* p = maybe_star_pattern();
      if (!p) return nullptr;
      items.push_back(p);
    }
    if (!at(TokenKind::RPar)) return nullptr;
    const Token& close = advance();
    auto* s = make<ast::MatchSequenceNode>(open.range.begin, close.range.end);
    s->patterns = list(items);
    return s;
  }
  if (k == TokenKind::LSqb) {
    const Token& open = advance();
    std::vector<Node*> items;
    while (!at(TokenKind::RSqb)) {
      Node* p = maybe_star_pattern();
      if (!p) return nullptr;
      items.push_back(p);
      if (!accept(TokenKind::Comma)) break;
    }
    if (!at(TokenKind::RSqb)) return nullptr;
    const Token& close = advance();
    auto* s = make<ast::MatchSequenceNode>(open.range.begin, close.range.end);
    s->patterns = list(items);
    return s;
  }
  if (k == TokenKind::LBrace) return mapping_pattern();
  return nullptr;
}

// class_pattern: name_or_attr '(' [positional_patterns ','?] ')' | ... keyword_patterns ...
Node* Parser::class_pattern_args(Node* cls, Loc start) {
  advance();  // '('
  std::vector<Node*> patterns, kwd_patterns;
  std::vector<std::string_view> kwd_attrs;
  size_t first_keyword = 0;
  bool keyword_seen = false;
  while (!at(TokenKind::RPar)) {
    if (at(TokenKind::Name) && peek_at(1).kind == TokenKind::Equal) {
      const Token& name = advance();
      advance();
      Node* p = pattern();
      if (!p) return nullptr;
      if (!keyword_seen) first_keyword = pos_;
      keyword_seen = true;
      kwd_attrs.push_back(identifier(name));
      kwd_patterns.push_back(p);
    } else {
      Node* p = pattern();
      if (!p) return nullptr;
      if (keyword_seen) {
        if (invalid_rules_) {
          // Every positional pattern after the keywords is reported.
          Node* last = p;
          while (accept(TokenKind::Comma)) {
            if (at(TokenKind::RPar) || (at(TokenKind::Name) && peek_at(1).kind == TokenKind::Equal)) break;
            Node* q = pattern();
            if (!q) break;
            last = q;
          }
          raise_range(p, last, "positional patterns follow keyword patterns");
        }
        (void)first_keyword;
        return nullptr;
      }
      patterns.push_back(p);
    }
    if (!accept(TokenKind::Comma)) break;
  }
  if (!at(TokenKind::RPar)) return nullptr;
  const Token& close = advance();
  auto* c = make<ast::MatchClassNode>(start, close.range.end);
  c->cls = cls;
  c->patterns = list(patterns);
  c->kwd_attrs = list(kwd_attrs);
  c->kwd_patterns = list(kwd_patterns);
  return c;
}

// mapping_pattern: '{' [items_pattern ','] [double_star_pattern ','?] '}'
Node* Parser::mapping_pattern() {
  const Token& open = advance();
  std::vector<Node*> keys, patterns;
  std::string_view rest;
  while (!at(TokenKind::RBrace)) {
    if (at(TokenKind::DoubleStar)) {
      advance();
      rest = capture_target();
      if (rest.data() == nullptr) return nullptr;
      accept(TokenKind::Comma);
      if (!at(TokenKind::RBrace)) return nullptr;
      break;
    }
    Node* key;
    if (at(TokenKind::Name)) {
      key = name_or_attr();
      if (!key || key->kind != NodeKind::Attribute) return nullptr;
    } else {
      key = literal_expr_or_pattern(false);
      if (!key) return nullptr;
    }
    if (!accept(TokenKind::Colon)) return nullptr;
    Node* p = pattern();
    if (!p) return nullptr;
    keys.push_back(key);
    patterns.push_back(p);
    if (!accept(TokenKind::Comma)) break;
  }
  if (!at(TokenKind::RBrace)) return nullptr;
  const Token& close = advance();
  auto* m = make<ast::MatchMappingNode>(open.range.begin, close.range.end);
  m->keys = list(keys);
  m->patterns = list(patterns);
  m->rest = rest;
  return m;
}

}  // namespace molt::parse
