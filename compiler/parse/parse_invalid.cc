// parse_invalid.cc — the second-pass checks that produce CPython's specific
// SyntaxError messages (its `invalid_*` grammar rules). They only run in
// the second pass, after the first pass failed, and each either raises the
// error or leaves the parser where it was.
#include "parse/parser_impl.h"

namespace molt::parse {

using ast::Node;
using ast::NodeKind;

namespace {

bool is_soft_keyword(std::string_view s) {
  return s == "match" || s == "case" || s == "_" || s == "type";
}

bool is_legacy_name(const Node* n) {
  if (n->kind != NodeKind::Name) return false;
  std::string_view id = ast::cast<ast::NameNode>(n)->id;
  return id == "print" || id == "exec";
}

// _PyPegen_get_last_comprehension_item
const Node* last_comprehension_item(const Node* c) {
  auto* comp = ast::cast<ast::comprehensionNode>(c);
  if (comp->ifs.size > 0) return comp->ifs[comp->ifs.size - 1];
  return comp->iter;
}

}  // namespace

// invalid_expression:
//   !(NAME STRING | SOFT_KEYWORD) a=disjunction b=expression_without_invalid
//   | a=disjunction 'if' b=disjunction !('else'|':')
bool Parser::invalid_expression(Node* a, size_t p0) {
  size_t after = pos_;
  const Token& t0 = tokens_[p0];
  bool skip =
      t0.kind == TokenKind::Name &&
      (is_soft_keyword(t0.text) || (p0 + 1 < tokens_.size() && tokens_[p0 + 1].kind == TokenKind::String));
  if (!skip && starts_expression(kind()) && !at(TokenKind::Star)) {
    Node* b = expression_without_invalid();
    if (failed()) return true;
    if (b && !is_legacy_name(a) && tokens_[pos_ - 1].level != 0) {
      raise_range(a, b, "invalid syntax. Perhaps you forgot a comma?");
      return true;
    }
    pos_ = after;
  }
  if (at(TokenKind::KwIf)) {
    advance();
    Node* b = disjunction();
    if (failed()) return true;
    if (b && !at(TokenKind::KwElse) && !at(TokenKind::Colon)) {
      raise_range(a, b, "expected 'else' after 'if' expression");
      return true;
    }
    pos_ = after;
  }
  return false;
}

// invalid_legacy_expression: a=NAME !'(' b=star_expressions
// (the operand is parsed for any name; only then is the name checked).
bool Parser::invalid_legacy_expression(size_t p0) {
  const Token& t0 = tokens_[p0];
  if (t0.kind != TokenKind::Name) return false;
  size_t after = pos_;
  pos_ = p0 + 1;
  if (!at(TokenKind::LPar) && starts_expression(kind())) {
    Node* b = star_expressions();
    if (failed()) return true;
    if (b && (t0.text == "print" || t0.text == "exec")) {
      Node* a = name_from_token(t0, ast::ExprContext::Load);
      std::string name(t0.text);
      raise_range(a, b, "Missing parentheses in call to '" + name + "'. Did you mean " + name + "(...)?");
      return true;
    }
  }
  pos_ = after;
  return false;
}

// invalid_named_expression:
//   a=expression ':=' expression
//   | a=NAME '=' b=bitwise_or !('='|':=')
//   | !(list|tuple|genexp|'True'|'None'|'False') a=bitwise_or b='=' bitwise_or !('='|':=')
bool Parser::invalid_named_expression(Node* /*unused*/, size_t p0) {
  // Memoized, as in CPython: once checked at a position, not again.
  if (!invalid_named_checked_.insert(p0).second) return false;
  pos_ = p0;
  Node* a = expression();
  if (failed()) return true;
  if (a && accept(TokenKind::ColonEqual)) {
    Node* v = expression();
    if (failed()) return true;
    if (v) {
      raise_at_node(a, "cannot use assignment expressions with " + expr_name(a));
      return true;
    }
  }
  pos_ = p0;
  if (at(TokenKind::Name) && peek_at(1).kind == TokenKind::Equal) {
    const Token& name = advance();
    advance();
    Node* b = bitwise_or();
    if (failed()) return true;
    if (b && !at(TokenKind::Equal) && !at(TokenKind::ColonEqual)) {
      raise_range(name_from_token(name, ast::ExprContext::Load), b,
                  "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
      return true;
    }
    pos_ = p0;
  }
  // The negative lookahead: a list, tuple or genexp display, or a keyword
  // constant, here.
  bool skip = at(TokenKind::KwTrue) || at(TokenKind::KwNone) || at(TokenKind::KwFalse);
  if (!skip && (at(TokenKind::LSqb) || at(TokenKind::LPar))) {
    bool saved = invalid_rules_;
    invalid_rules_ = false;
    Node* d = atom();
    invalid_rules_ = saved;
    if (failed()) return true;
    skip = d &&
           (d->kind == NodeKind::List || d->kind == NodeKind::Tuple || d->kind == NodeKind::GeneratorExp) &&
           tokens_[p0].range.begin.col == d->col_offset && tokens_[p0].range.begin.line == d->lineno;
    pos_ = p0;
  }
  if (!skip) {
    Node* target = bitwise_or();
    if (failed()) return true;
    if (target && accept(TokenKind::Equal)) {
      Node* b = bitwise_or();
      if (failed()) return true;
      if (b && !at(TokenKind::Equal) && !at(TokenKind::ColonEqual)) {
        raise_at_node(
            target, "cannot assign to " + expr_name(target) + " here. Maybe you meant '==' instead of '='?");
        return true;
      }
    }
  }
  pos_ = p0;
  return false;
}

// invalid_assignment (see the rule in CPython's grammar; six alternatives).
void Parser::invalid_assignment(Node* /*first*/, size_t p0) {
  size_t save = pos_;
  // invalid_ann_assign_target ':' expression
  pos_ = p0;
  if (at(TokenKind::LPar) || at(TokenKind::LSqb)) {
    Node* a = atom();
    if (failed()) return;
    if (a && (a->kind == NodeKind::List || a->kind == NodeKind::Tuple) && accept(TokenKind::Colon)) {
      Node* e = expression();
      if (failed()) return;
      if (e) {
        raise_at_node(a, "only single target (not " + expr_name(a) + ") can be annotated");
        return;
      }
    }
  }
  // star_named_expression ',' star_named_expressions* ':' expression
  pos_ = p0;
  {
    Node* a = star_named_expression();
    if (failed()) return;
    if (a && accept(TokenKind::Comma)) {
      // star_named_expressions*: comma-separated lists, one after another.
      for (;;) {
        size_t list_start = pos_;
        Node* e = star_named_expression();
        if (failed()) return;
        if (!e) {
          pos_ = list_start;
          break;
        }
        while (accept(TokenKind::Comma)) {
          size_t item = pos_;
          Node* more = star_named_expression();
          if (failed()) return;
          if (!more) {
            pos_ = item;
            break;
          }
        }
      }
      if (accept(TokenKind::Colon)) {
        Node* e = expression();
        if (failed()) return;
        if (e) {
          raise_at_node(a, "only single target (not tuple) can be annotated");
          return;
        }
      }
    }
  }
  // expression ':' expression
  pos_ = p0;
  {
    Node* a = expression();
    if (failed()) return;
    if (a && accept(TokenKind::Colon)) {
      Node* e = expression();
      if (failed()) return;
      if (e) {
        raise_at_node(a, "illegal target for annotation");
        return;
      }
    }
  }
  // (star_targets '=')* a=star_expressions '='  |  (star_targets '=')* a=yield_expr '='
  pos_ = p0;
  for (;;) {
    size_t s = pos_;
    Node* t = star_targets();
    if (failed()) return;
    if (t && accept(TokenKind::Equal)) continue;
    pos_ = s;
    break;
  }
  size_t rhs = pos_;
  {
    Node* a = star_expressions();
    if (failed()) return;
    if (a && at(TokenKind::Equal)) {
      raise_invalid_target(TargetsType::Star, a);
      if (failed()) return;
    }
    pos_ = rhs;
    if (at(TokenKind::KwYield)) {
      Node* y = yield_expr();
      if (failed()) return;
      if (y && at(TokenKind::Equal)) {
        raise_at_node(y, "assignment to yield expression not possible");
        return;
      }
    }
  }
  // star_expressions augassign (yield_expr | star_expressions)
  pos_ = p0;
  {
    Node* a = star_expressions();
    if (failed()) return;
    TokenKind k = a ? kind() : TokenKind::EndMarker;
    bool aug = k == TokenKind::PlusEqual || k == TokenKind::MinEqual || k == TokenKind::StarEqual ||
               k == TokenKind::AtEqual || k == TokenKind::SlashEqual || k == TokenKind::PercentEqual ||
               k == TokenKind::AmperEqual || k == TokenKind::VBarEqual || k == TokenKind::CircumflexEqual ||
               k == TokenKind::LeftShiftEqual || k == TokenKind::RightShiftEqual ||
               k == TokenKind::DoubleStarEqual || k == TokenKind::DoubleSlashEqual;
    if (aug) {
      advance();
      Node* v = annotated_rhs();
      if (failed()) return;
      if (v) {
        raise_at_node(a, "'" + expr_name(a) + "' is an illegal expression for augmented assignment");
        return;
      }
    }
  }
  pos_ = save;
}

// invalid_block and the `NEWLINE !INDENT` alternatives of the invalid_*_stmt
// rules: IndentationError at the token after the NEWLINE.
bool Parser::invalid_block(const Token& owner, const char* what) {
  const Token& t = peek();
  std::string msg;
  if (what) {
    msg = "expected an indented block after ";
    msg += what;
    msg += " on line " + std::to_string(owner.range.begin.line);
  } else {
    msg = "expected an indented block";
  }
  raise(diag::DiagId::IndentationErrorMessage, t.range, msg);
  return true;
}

namespace {

// The args/kwargs shape as CPython's args rule parses it.
struct ArgsShape {
  std::vector<Node*> positional;  // includes starred
  bool has_keyword = false;
  bool has_double_star = false;
  Loc begin, end;
};

}  // namespace

// invalid_arguments (called after a call's arguments failed to parse).
void Parser::invalid_arguments(size_t open_pos) {
  size_t save = pos_;
  size_t start = open_pos + 1;

  // The args rule: positional items, then keywords (no trailing comma).
  auto parse_args = [&](ArgsShape& shape) -> bool {
    shape.begin = start_loc();
    bool any = false;
    bool in_kwargs = false;
    for (;;) {
      size_t item_start = pos_;
      if (any) {
        if (!accept(TokenKind::Comma)) break;
      }
      bool ok = false;
      if (at(TokenKind::Star)) {
        if (!shape.has_double_star) {
          advance();
          Node* v = expression();
          if (failed()) return false;
          ok = v != nullptr;
          if (ok) shape.positional.push_back(v);
        }
      } else if (at(TokenKind::DoubleStar)) {
        advance();
        Node* v = expression();
        if (failed()) return false;
        ok = v != nullptr;
        shape.has_keyword = shape.has_double_star = ok;
        in_kwargs = in_kwargs || ok;
      } else if (at(TokenKind::Name) && peek_at(1).kind == TokenKind::Equal) {
        advance();
        advance();
        Node* v = expression();
        if (failed()) return false;
        ok = v != nullptr;
        shape.has_keyword = shape.has_keyword || ok;
        in_kwargs = in_kwargs || ok;
      } else if (!in_kwargs) {
        Node* v = named_expression_arg();
        if (failed()) return false;
        ok = v != nullptr && !at(TokenKind::Equal);
        if (ok) shape.positional.push_back(v);
      }
      if (!ok) {
        pos_ = item_start;
        break;
      }
      any = true;
    }
    shape.end = end_loc();
    return any;
  };
  auto raise_generator = [&](const Node* a, const std::vector<Node*>& gens) {
    raise_range(a, last_comprehension_item(gens.back()), "Generator expression must be parenthesized");
  };

  // a=args ',' '*'
  pos_ = start;
  {
    ArgsShape shape;
    if (parse_args(shape) && accept(TokenKind::Comma) && at(TokenKind::Star)) {
      raise_from_token(peek(), "iterable argument unpacking follows keyword argument unpacking");
      return;
    }
    if (failed()) return;
  }
  // a=expression b=for_if_clauses ',' [args | expression for_if_clauses]
  pos_ = start;
  {
    Node* a = expression();
    if (failed()) return;
    std::vector<Node*> gens;
    if (a && for_if_clauses(gens) && at(TokenKind::Comma)) {
      raise_generator(a, gens);
      return;
    }
    if (failed()) return;
  }
  // a=NAME b='=' expression for_if_clauses
  pos_ = start;
  if (at(TokenKind::Name) && peek_at(1).kind == TokenKind::Equal) {
    const Token& name = advance();
    const Token& eq = advance();
    Node* v = expression();
    if (failed()) return;
    std::vector<Node*> gens;
    if (v && for_if_clauses(gens)) {
      raise_syntax(diag::Range{name.range.begin, eq.range.end},
                   "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
      return;
    }
    if (failed()) return;
  }
  // (args ',')? a=NAME b='=' &(',' | ')')
  for (int with_args = 1; with_args >= 0; --with_args) {
    pos_ = start;
    ArgsShape shape;
    if (with_args && !(parse_args(shape) && accept(TokenKind::Comma))) continue;
    if (failed()) return;
    if (at(TokenKind::Name) && peek_at(1).kind == TokenKind::Equal) {
      TokenKind after = peek_at(2).kind;
      if (after == TokenKind::Comma || after == TokenKind::RPar) {
        const Token& name = advance();
        const Token& eq = advance();
        raise_syntax(diag::Range{name.range.begin, eq.range.end}, "expected argument value expression");
        return;
      }
    }
  }
  // a=args b=for_if_clauses (_PyPegen_nonparen_genexp_in_call)
  pos_ = start;
  {
    ArgsShape shape;
    if (parse_args(shape)) {
      std::vector<Node*> gens;
      if (for_if_clauses(gens) && shape.positional.size() > 1) {
        raise_generator(shape.positional.back(), gens);
        return;
      }
    }
    if (failed()) return;
  }
  // args ',' a=expression b=for_if_clauses
  pos_ = start;
  {
    ArgsShape shape;
    if (parse_args(shape) && accept(TokenKind::Comma)) {
      Node* a = expression();
      if (failed()) return;
      std::vector<Node*> gens;
      if (a && for_if_clauses(gens)) {
        raise_generator(a, gens);
        return;
      }
    }
    if (failed()) return;
  }
  // a=args ',' args
  pos_ = start;
  {
    ArgsShape shape;
    if (parse_args(shape) && accept(TokenKind::Comma)) {
      ArgsShape rest;
      if (parse_args(rest)) {
        raise_at_last(shape.has_double_star ? "positional argument follows keyword argument unpacking"
                                            : "positional argument follows keyword argument");
        return;
      }
    }
    if (failed()) return;
  }
  pos_ = save;
}

// invalid_kwarg, checked before each call argument in the second pass:
//   a=('True'|'False'|'None') b='='
//   | a=NAME b='=' expression for_if_clauses
//   | !(NAME '=') a=expression b='='
bool Parser::invalid_kwarg() {
  size_t save = pos_;
  const Token& t = peek();
  if ((t.kind == TokenKind::KwTrue || t.kind == TokenKind::KwFalse || t.kind == TokenKind::KwNone) &&
      peek_at(1).kind == TokenKind::Equal) {
    raise_syntax(diag::Range{t.range.begin, peek_at(1).range.end}, "cannot assign to " + std::string(t.text));
    return true;
  }
  if (t.kind == TokenKind::Name && peek_at(1).kind == TokenKind::Equal) {
    advance();
    const Token& eq = advance();
    Node* v = expression();
    if (failed()) return true;
    std::vector<Node*> gens;
    if (v && (at(TokenKind::KwFor) || at(TokenKind::KwAsync)) && for_if_clauses(gens)) {
      raise_syntax(diag::Range{t.range.begin, eq.range.end},
                   "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
      return true;
    }
    if (failed()) return true;
    pos_ = save;
    return false;
  }
  if (t.kind == TokenKind::Star || t.kind == TokenKind::DoubleStar || !starts_expression(t.kind))
    return false;
  Node* a = expression();
  if (failed()) return true;
  if (a && at(TokenKind::Equal)) {
    raise_syntax(diag::Range{{a->lineno, a->col_offset}, peek().range.end},
                 "expression cannot contain assignment, perhaps you meant \"==\"?");
    return true;
  }
  pos_ = save;
  return false;
}

// invalid_group / invalid_comprehension / invalid_dict_comprehension /
// invalid_double_starred_kvpairs for the bracket at open_pos.
void Parser::invalid_comprehension(size_t open_pos) {
  size_t save = pos_;
  pos_ = open_pos;
  TokenKind open = advance().kind;
  size_t after_open = pos_;
  if (open == TokenKind::LPar) {
    // invalid_group
    if (at(TokenKind::Star)) {
      const Token& star = advance();
      Node* v = expression();
      if (failed()) return;
      if (v && at(TokenKind::RPar)) {
        raise_syntax(diag::Range{star.range.begin, end_loc()}, "cannot use starred expression here");
        return;
      }
    }
    pos_ = after_open;
    if (at(TokenKind::DoubleStar)) {
      const Token& star = advance();
      Node* v = expression();
      if (failed()) return;
      if (v && at(TokenKind::RPar)) {
        raise_at_token(star, "cannot use double starred expression here");
        return;
      }
    }
  }
  // ('[' | '(' | '{') a=starred_expression for_if_clauses
  pos_ = after_open;
  if (at(TokenKind::Star)) {
    const Token& star = advance();
    Node* v = expression();
    if (failed()) return;
    std::vector<Node*> gens;
    if (v) {
      Loc end = end_loc();
      if (for_if_clauses(gens)) {
        raise_syntax(diag::Range{star.range.begin, end},
                     "iterable unpacking cannot be used in comprehension");
        return;
      }
    }
    if (failed()) return;
  }
  if (open != TokenKind::LPar) {
    // ('[' | '{') a=star_named_expression ',' b=star_named_expressions for_if_clauses
    // ('[' | '{') a=star_named_expression b=',' for_if_clauses
    pos_ = after_open;
    Node* a = star_named_expression();
    if (failed()) return;
    if (a && at(TokenKind::Comma)) {
      const Token& comma = advance();
      std::vector<Node*> gens;
      if (at(TokenKind::KwFor) || at(TokenKind::KwAsync)) {
        if (for_if_clauses(gens)) {
          raise_syntax(diag::Range{{a->lineno, a->col_offset}, comma.range.end},
                       "did you forget parentheses around the comprehension target?");
          return;
        }
      } else {
        Node* last = nullptr;
        for (;;) {
          Node* e = star_named_expression();
          if (failed()) return;
          if (!e) break;
          last = e;
          if (!accept(TokenKind::Comma)) break;
          if (!starts_expression(kind())) break;
        }
        if (last && for_if_clauses(gens)) {
          raise_range(a, last, "did you forget parentheses around the comprehension target?");
          return;
        }
      }
      if (failed()) return;
    }
  }
  pos_ = save;
}

void Parser::invalid_dict(size_t open_pos) {
  size_t save = pos_;
  pos_ = open_pos + 1;
  size_t after_open = pos_;
  // '{' a='**' bitwise_or for_if_clauses '}'
  if (at(TokenKind::DoubleStar)) {
    const Token& star = advance();
    Node* v = bitwise_or();
    if (failed()) return;
    std::vector<Node*> gens;
    if (v && for_if_clauses(gens) && at(TokenKind::RBrace)) {
      raise_at_token(star, "dict unpacking cannot be used in dict comprehension");
      return;
    }
    if (failed()) return;
  }
  // invalid_double_starred_kvpairs:
  //   ','.double_starred_kvpair+ ',' invalid_kvpair
  //   | expression ':' a='*' bitwise_or
  //   | expression a=':' &('}'|',')
  pos_ = after_open;
  {
    bool any = false;
    for (;;) {
      size_t item = pos_;
      if (any && !accept(TokenKind::Comma)) break;
      bool ok = false;
      if (accept(TokenKind::DoubleStar)) {
        ok = bitwise_or() != nullptr;
      } else {
        Node* k = expression();
        ok = k && accept(TokenKind::Colon) && expression() != nullptr;
      }
      if (failed()) return;
      if (!ok) {
        pos_ = item;
        break;
      }
      any = true;
    }
    if (any && accept(TokenKind::Comma)) {
      // invalid_kvpair
      size_t kv = pos_;
      Node* k = expression();
      if (failed()) return;
      if (k && !at(TokenKind::Colon)) {
        raise_syntax(diag::Range{{k->end_lineno, k->end_col_offset > 0 ? k->end_col_offset - 1 : 0},
                                 {k->end_lineno, k->end_col_offset}},
                     "':' expected after dictionary key");
        return;
      }
      if (k && at(TokenKind::Colon)) {
        const Token& colon = advance();
        if (at(TokenKind::Star)) {
          const Token& star = advance();
          if (bitwise_or()) {
            raise_from_token(star, "cannot use a starred expression in a dictionary value");
            return;
          }
        } else if (at(TokenKind::RBrace) || at(TokenKind::Comma)) {
          raise_at_token(colon, "expression expected after dictionary key and ':'");
          return;
        }
      }
      if (failed()) return;
      pos_ = kv;
    }
  }
  pos_ = after_open;
  {
    Node* k = expression();
    if (failed()) return;
    if (k && at(TokenKind::Colon)) {
      const Token& colon = advance();
      if (at(TokenKind::Star)) {
        const Token& star = advance();
        if (bitwise_or()) {
          raise_from_token(star, "cannot use a starred expression in a dictionary value");
          return;
        }
        if (failed()) return;
      } else if (at(TokenKind::RBrace) || at(TokenKind::Comma)) {
        raise_at_token(colon, "expression expected after dictionary key and ':'");
        return;
      }
    }
  }
  invalid_comprehension(open_pos);
  if (failed()) return;
  pos_ = save;
}

// Parameter list errors: a left-to-right scan reporting the first problem
// with CPython's message (invalid_parameters, invalid_star_etc,
// invalid_kwds, invalid_default and their lambda twins).
void Parser::invalid_parameters(size_t start_pos, bool lambda) {
  size_t save = pos_;
  pos_ = start_pos;
  TokenKind close = lambda ? TokenKind::Colon : TokenKind::RPar;
  bool seen_default = false, seen_slash = false, seen_star = false, any_param = false;
  auto skip_default = [&]() -> bool {
    // '=' expression; reports a missing expression.
    const Token& eq = advance();
    if (at(TokenKind::RPar) || at(TokenKind::Comma) || (lambda && at(TokenKind::Colon))) {
      raise_at_token(eq, "expected default value expression");
      return false;
    }
    return expression() != nullptr;
  };
  for (;;) {
    if (failed()) return;
    if (at(close)) break;
    if (at(TokenKind::LPar)) {
      const Token& open = advance();
      while (at(TokenKind::Name) || at(TokenKind::Comma)) advance();
      if (at(TokenKind::RPar)) {
        raise_syntax(diag::Range{open.range.begin, peek().range.end},
                     lambda ? "Lambda expression parameters cannot be parenthesized"
                            : "Function parameters cannot be parenthesized");
      }
      break;
    }
    if (at(TokenKind::Slash)) {
      const Token& slash = advance();
      if (!any_param && at(TokenKind::Comma)) {
        raise_at_token(slash, "at least one argument must precede /");
      } else if (seen_slash) {
        raise_at_token(slash, "/ may appear only once");
      } else if (seen_star) {
        raise_at_token(slash, "/ must be ahead of *");
      } else if (at(TokenKind::Star)) {
        raise_at_token(peek(), "expected comma between / and *");
      }
      if (failed()) return;
      seen_slash = true;
    } else if (at(TokenKind::Star)) {
      const Token& star = advance();
      if (seen_star) {
        raise_at_token(star, "* argument may appear only once");
        return;
      }
      seen_star = true;
      if (at(close) ||
          (at(TokenKind::Comma) && (peek_at(1).kind == close || peek_at(1).kind == TokenKind::DoubleStar))) {
        raise_at_token(star, "named arguments must follow bare *");
        return;
      }
      if (at(TokenKind::Name)) {
        advance();
        if (!lambda && accept(TokenKind::Colon) && !star_expression()) break;
        if (at(TokenKind::Equal)) {
          raise_at_token(peek(), "var-positional argument cannot have default value");
          return;
        }
      }
    } else if (at(TokenKind::DoubleStar)) {
      advance();
      if (!at(TokenKind::Name)) break;
      advance();
      if (!lambda && accept(TokenKind::Colon) && !expression()) break;
      if (at(TokenKind::Equal)) {
        raise_at_token(peek(), "var-keyword argument cannot have default value");
        return;
      }
      if (accept(TokenKind::Comma)) {
        if (at(TokenKind::Name) || at(TokenKind::Star) || at(TokenKind::DoubleStar) || at(TokenKind::Slash)) {
          raise_at_token(peek(), "arguments cannot follow var-keyword argument");
          return;
        }
      }
      break;
    } else if (at(TokenKind::Name)) {
      const Token& name = advance();
      Loc name_end = name.range.end;
      if (!lambda && accept(TokenKind::Colon)) {
        if (!expression()) break;
        name_end = end_loc();
      }
      any_param = true;
      if (at(TokenKind::Equal)) {
        if (!skip_default()) break;
        if (!seen_star) seen_default = true;
      } else if (seen_default && !seen_star) {
        // param_no_default: the parameter must end at ',' or the closer.
        if (!at(TokenKind::Comma) && !at(close)) break;
        raise_syntax(diag::Range{name.range.begin, name_end},
                     "parameter without a default follows parameter with a default");
        return;
      }
    } else {
      break;
    }
    if (!accept(TokenKind::Comma)) break;
  }
  if (!failed()) pos_ = save;
}

// invalid_for_target: ['async'] 'for' a=star_expressions
void Parser::invalid_for_target(size_t for_pos) {
  size_t save = pos_;
  pos_ = for_pos + 1;
  Node* a = star_expressions();
  if (failed()) return;
  if (a) raise_invalid_target(TargetsType::For, a);
  if (!failed()) pos_ = save;
}

// invalid_with_stmt: [ASYNC] 'with' ','.(expression ['as' star_target])+ NEWLINE
//                  | [ASYNC] 'with' '(' ','.(expressions ['as' star_target])+ ','? ')' NEWLINE
void Parser::invalid_with_stmt(size_t with_pos, bool /*is_async*/) {
  size_t save = pos_;
  auto items = [&](bool paren) -> bool {
    for (;;) {
      Node* e = paren ? expressions() : expression();
      if (!e) return false;
      if (accept(TokenKind::KwAs)) {
        if (!star_target()) return false;
      }
      if (!at(TokenKind::Comma)) return true;
      advance();
      if (paren && at(TokenKind::RPar)) return true;
    }
  };
  pos_ = with_pos + 1;
  if (items(false) && at(TokenKind::Newline)) {
    raise_at_token(peek(), "expected ':'");
    return;
  }
  if (failed()) return;
  pos_ = with_pos + 1;
  if (accept(TokenKind::LPar) && items(true) && accept(TokenKind::RPar) && at(TokenKind::Newline)) {
    raise_at_token(peek(), "expected ':'");
    return;
  }
  if (!failed()) pos_ = save;
}

// invalid_try_stmt: a missing except/finally, or except mixed with except*.
void Parser::invalid_try_stmt(size_t /*try_pos*/) {
  if (at(TokenKind::KwExcept)) {
    const Token& kw = peek();
    if (peek_at(1).kind == TokenKind::Star) {
      raise_syntax(diag::Range{kw.range.begin, peek_at(1).range.end},
                   "cannot have both 'except' and 'except*' on the same 'try'");
    } else {
      raise_at_token(kw, "cannot have both 'except' and 'except*' on the same 'try'");
    }
    return;
  }
  raise_at_token(peek(), "expected 'except' or 'finally' block");
}

// invalid_except_stmt:
//   'except' '*'? a=expression ',' expressions ['as' NAME ] ':'
//   | a='except' '*'? expression ['as' NAME ] NEWLINE
//   | a='except' NEWLINE
//   | a='except' '*' (NEWLINE | ':')
void Parser::invalid_except_stmt(size_t except_pos) {
  size_t save = pos_;
  pos_ = except_pos + 1;
  bool star = accept(TokenKind::Star);
  size_t after = pos_;
  Node* a = expression();
  if (failed()) return;
  if (a && accept(TokenKind::Comma)) {
    if (expressions()) {
      bool ok = true;
      if (accept(TokenKind::KwAs)) ok = accept(TokenKind::Name);
      if (ok && at(TokenKind::Colon)) {
        raise_from_node(a, "multiple exception types must be parenthesized");
        return;
      }
    }
    if (failed()) return;
  }
  pos_ = after;
  a = expression();
  if (failed()) return;
  if (a) {
    bool ok = true;
    if (accept(TokenKind::KwAs)) ok = accept(TokenKind::Name);
    if (ok && at(TokenKind::Newline)) {
      raise_at_token(peek(), "expected ':'");
      return;
    }
  }
  pos_ = after;
  if (!star && at(TokenKind::Newline)) {
    raise_at_token(peek(), "expected ':'");
    return;
  }
  if (star && (at(TokenKind::Newline) || at(TokenKind::Colon))) {
    raise_at_token(peek(), "expected one or more exception types");
    return;
  }
  pos_ = save;
}

// invalid_fstring_replacement_field and invalid_fstring_conversion_character.
void Parser::invalid_fstring_field(size_t lbrace_pos) {
  size_t save = pos_;
  pos_ = lbrace_pos + 1;
  // '{' followed directly by '=', '!', ':' or '}'.
  static constexpr struct {
    TokenKind kind;
    const char* message;
  } kEmpty[] = {
      {TokenKind::Equal, "f-string: valid expression required before '='"},
      {TokenKind::Exclamation, "f-string: valid expression required before '!'"},
      {TokenKind::Colon, "f-string: valid expression required before ':'"},
      {TokenKind::RBrace, "f-string: valid expression required before '}'"},
  };
  for (const auto& e : kEmpty) {
    if (at(e.kind)) {
      raise_at_token(peek(), e.message);
      return;
    }
  }
  if (at(TokenKind::KwLambda)) {
    const Token& lam = advance();
    if (!at(TokenKind::Colon)) parameters(true);
    if (failed()) return;
    if (at(TokenKind::Colon)) {
      const Token& colon = advance();
      if (at(TokenKind::FStringMiddle)) {
        raise_syntax(diag::Range{lam.range.begin, colon.range.end},
                     "f-string: lambda expressions are not allowed without parentheses");
        return;
      }
    }
    pos_ = lbrace_pos + 1;
  }
  Node* e = annotated_rhs();
  if (failed()) return;
  if (!e) {
    raise_on_next_token("f-string: expecting a valid expression after '{'");
    return;
  }
  if (!at(TokenKind::Equal) && !at(TokenKind::Exclamation) && !at(TokenKind::Colon) &&
      !at(TokenKind::RBrace)) {
    raise_on_next_token("f-string: expecting '=', or '!', or ':', or '}'");
    return;
  }
  bool eq = accept(TokenKind::Equal);
  if (eq && !at(TokenKind::Exclamation) && !at(TokenKind::Colon) && !at(TokenKind::RBrace)) {
    raise_on_next_token("f-string: expecting '!', or ':', or '}'");
    return;
  }
  if (at(TokenKind::Exclamation)) {
    advance();
    if (at(TokenKind::Colon) || at(TokenKind::RBrace)) {
      raise_on_next_token("f-string: missing conversion character");
      return;
    }
    if (!at(TokenKind::Name)) {
      raise_on_next_token("f-string: invalid conversion character");
      return;
    }
    advance();
  }
  if (!at(TokenKind::Colon) && !at(TokenKind::RBrace)) {
    raise_on_next_token("f-string: expecting ':' or '}'");
    return;
  }
  if (accept(TokenKind::Colon)) {
    while (at(TokenKind::FStringMiddle) || at(TokenKind::LBrace)) {
      if (at(TokenKind::FStringMiddle)) {
        advance();
      } else if (!fstring_replacement_field(false)) {
        if (!failed()) raise_on_next_token("f-string: expecting '}', or format specs");
        return;
      }
    }
    if (!at(TokenKind::RBrace)) {
      raise_on_next_token("f-string: expecting '}', or format specs");
      return;
    }
  }
  if (!at(TokenKind::RBrace)) {
    raise_on_next_token("f-string: expecting '}'");
    return;
  }
  pos_ = save;
}

}  // namespace molt::parse
