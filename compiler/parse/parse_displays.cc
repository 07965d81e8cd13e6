// parse_displays.cc — the bracketed atoms: tuples, parenthesized groups and
// generator expressions; lists and list comprehensions; dicts, sets and
// their comprehensions (with CPython's second-pass checks for them).
#include "parse/parser_impl.h"

namespace molt::parse {

using ast::Node;
using ast::NodeKind;

// '(' ... ')': tuple | group | genexp
Node* Parser::paren_atom() {
  size_t open_pos = pos_;
  const Token& open = advance();
  if (at(TokenKind::RPar)) {
    const Token& close = advance();
    auto* t = make<ast::TupleNode>(open.range.begin, close.range.end);
    t->ctx = ast::ExprContext::Load;
    return t;
  }
  if (!enter()) return nullptr;
  Node* result = nullptr;
  if (at(TokenKind::KwYield)) {
    Node* y = yield_expr();
    if (y && at(TokenKind::RPar)) {
      advance();
      result = y;
    }
    leave();
    return result;
  }
  Node* first = star_named_expression();
  if (first) {
    if (at(TokenKind::Comma)) {
      std::vector<Node*> elts{first};
      bool ok = true;
      while (accept(TokenKind::Comma)) {
        if (at(TokenKind::RPar)) break;
        Node* e = star_named_expression();
        if (!e) {
          ok = false;
          break;
        }
        elts.push_back(e);
      }
      if (ok && at(TokenKind::RPar)) {
        const Token& close = advance();
        auto* t = make<ast::TupleNode>(open.range.begin, close.range.end);
        t->elts = list(elts);
        t->ctx = ast::ExprContext::Load;
        result = t;
      }
    } else if (at(TokenKind::KwFor) || (at(TokenKind::KwAsync) && peek_at(1).kind == TokenKind::KwFor)) {
      if (first->kind != NodeKind::Starred) {
        std::vector<Node*> gens;
        if (for_if_clauses(gens) && at(TokenKind::RPar)) {
          const Token& close = advance();
          auto* g = make<ast::GeneratorExpNode>(open.range.begin, close.range.end);
          g->elt = first;
          g->generators = list(gens);
          result = g;
        }
      }
    } else if (at(TokenKind::RPar) && first->kind != NodeKind::Starred) {
      advance();
      result = first;
    }
  }
  if (!result && invalid_rules_ && !failed()) invalid_comprehension(open_pos);
  leave();
  return failed() ? nullptr : result;
}

// '[' ... ']': list | listcomp
Node* Parser::list_atom() {
  size_t open_pos = pos_;
  const Token& open = advance();
  if (at(TokenKind::RSqb)) {
    const Token& close = advance();
    auto* l = make<ast::ListNode>(open.range.begin, close.range.end);
    l->ctx = ast::ExprContext::Load;
    return l;
  }
  if (!enter()) return nullptr;
  Node* result = nullptr;
  Node* first = star_named_expression();
  if (first) {
    if (at(TokenKind::KwFor) || (at(TokenKind::KwAsync) && peek_at(1).kind == TokenKind::KwFor)) {
      if (first->kind != NodeKind::Starred) {
        std::vector<Node*> gens;
        if (for_if_clauses(gens) && at(TokenKind::RSqb)) {
          const Token& close = advance();
          auto* c = make<ast::ListCompNode>(open.range.begin, close.range.end);
          c->elt = first;
          c->generators = list(gens);
          result = c;
        }
      }
    } else {
      std::vector<Node*> elts{first};
      bool ok = true;
      while (accept(TokenKind::Comma)) {
        if (at(TokenKind::RSqb)) break;
        Node* e = star_named_expression();
        if (!e) {
          ok = false;
          break;
        }
        elts.push_back(e);
      }
      if (ok && at(TokenKind::RSqb)) {
        const Token& close = advance();
        auto* l = make<ast::ListNode>(open.range.begin, close.range.end);
        l->elts = list(elts);
        l->ctx = ast::ExprContext::Load;
        result = l;
      }
    }
  }
  if (!result && invalid_rules_ && !failed()) invalid_comprehension(open_pos);
  leave();
  return failed() ? nullptr : result;
}

// '{' ... '}': dict | set | dictcomp | setcomp
Node* Parser::brace_atom() {
  size_t open_pos = pos_;
  const Token& open = advance();
  if (at(TokenKind::RBrace)) {
    const Token& close = advance();
    return make<ast::DictNode>(open.range.begin, close.range.end);
  }
  if (!enter()) return nullptr;
  Node* result = nullptr;
  std::vector<Node*> keys, values;
  bool is_dict = false;
  Node* first = nullptr;
  if (at(TokenKind::DoubleStar)) {
    is_dict = true;
  } else {
    // An unparenthesized walrus can only be a set element.
    bool walrus = at(TokenKind::Name) && peek_at(1).kind == TokenKind::ColonEqual;
    first = star_named_expression();
    if (first && at(TokenKind::Colon) && first->kind != NodeKind::Starred && !walrus) is_dict = true;
  }
  if (is_dict) {
    bool ok = true;
    if (first) {
      advance();  // ':'
      Node* v = expression();
      if (!v) {
        ok = false;
      } else if (at(TokenKind::KwFor) || (at(TokenKind::KwAsync) && peek_at(1).kind == TokenKind::KwFor)) {
        std::vector<Node*> gens;
        if (for_if_clauses(gens) && at(TokenKind::RBrace)) {
          const Token& close = advance();
          auto* c = make<ast::DictCompNode>(open.range.begin, close.range.end);
          c->key = first;
          c->value = v;
          c->generators = list(gens);
          result = c;
        }
        ok = false;
      } else {
        keys.push_back(first);
        values.push_back(v);
        if (!accept(TokenKind::Comma)) ok = at(TokenKind::RBrace);
      }
    }
    while (ok && !at(TokenKind::RBrace)) {
      if (accept(TokenKind::DoubleStar)) {
        Node* v = bitwise_or();
        if (!v) {
          ok = false;
          break;
        }
        keys.push_back(nullptr);
        values.push_back(v);
      } else {
        Node* k;
        if (invalid_rules_) {
          // As CPython reports it: a later key not followed by ':' is
          // "':' expected after dictionary key", whatever is wrong inside it.
          k = expression_without_invalid();
          if (failed()) break;
          if (k && !at(TokenKind::Colon)) {
            uint32_t col = k->end_col_offset > 0 ? k->end_col_offset - 1 : 0;
            raise_syntax(diag::Range{{k->end_lineno, col}, {k->end_lineno, col + 1}},
                         "':' expected after dictionary key");
            break;
          }
        } else {
          k = expression();
        }
        if (!k || !accept(TokenKind::Colon)) {
          ok = false;
          break;
        }
        Node* v = expression();
        if (!v) {
          ok = false;
          break;
        }
        keys.push_back(k);
        values.push_back(v);
      }
      if (!accept(TokenKind::Comma)) break;
    }
    if (ok && at(TokenKind::RBrace)) {
      const Token& close = advance();
      auto* d = make<ast::DictNode>(open.range.begin, close.range.end);
      d->keys = list(keys);
      d->values = list(values);
      result = d;
    }
  } else if (first) {
    if (at(TokenKind::KwFor) || (at(TokenKind::KwAsync) && peek_at(1).kind == TokenKind::KwFor)) {
      if (first->kind != NodeKind::Starred) {
        std::vector<Node*> gens;
        if (for_if_clauses(gens) && at(TokenKind::RBrace)) {
          const Token& close = advance();
          auto* c = make<ast::SetCompNode>(open.range.begin, close.range.end);
          c->elt = first;
          c->generators = list(gens);
          result = c;
        }
      }
    } else {
      std::vector<Node*> elts{first};
      bool ok = true;
      while (accept(TokenKind::Comma)) {
        if (at(TokenKind::RBrace)) break;
        Node* e = star_named_expression();
        if (!e) {
          ok = false;
          break;
        }
        elts.push_back(e);
      }
      if (ok && at(TokenKind::RBrace)) {
        const Token& close = advance();
        auto* s = make<ast::SetNode>(open.range.begin, close.range.end);
        s->elts = list(elts);
        result = s;
      }
    }
  }
  if (!result && invalid_rules_ && !failed()) invalid_dict(open_pos);
  leave();
  return failed() ? nullptr : result;
}

}  // namespace molt::parse
