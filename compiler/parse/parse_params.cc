// parse_params.cc — function and lambda parameter lists (positional-only,
// defaults, *args, keyword-only, **kwargs, annotations) and PEP 695 type
// parameter lists.
#include "parse/parser_impl.h"

namespace molt::parse {

using ast::Node;

Node* Parser::empty_arguments() {
  return ctx_.make<ast::argumentsNode>();
}

// param: NAME annotation?  (lambda_param: NAME)
// star_annotation (for *args only): ':' star_expression
Node* Parser::param(bool lambda, bool star_annotation) {
  if (!at(TokenKind::Name)) return nullptr;
  const Token& name = advance();
  Node* annotation = nullptr;
  if (!lambda && accept(TokenKind::Colon)) {
    annotation = star_annotation ? star_expression() : expression();
    if (!annotation) return nullptr;
  }
  auto* a = make<ast::argNode>(name.range.begin, end_loc());
  a->arg = identifier(name);
  a->annotation = annotation;
  return a;
}

// params / lambda_params: the whole parameter list up to ')' (or ':' for a
// lambda), following CPython's parameters rule:
//   [slash part] param_no_default* param_with_default* [star_etc]
Node* Parser::parameters(bool lambda) {
  TokenKind close = lambda ? TokenKind::Colon : TokenKind::RPar;
  size_t start_pos = pos_;
  std::vector<Node*> posonly, args, kwonly, kw_defaults, defaults;
  Node* vararg = nullptr;
  Node* kwarg = nullptr;
  bool seen_default = false, seen_slash = false, seen_star = false;
  auto fail = [&]() -> Node* {
    if (invalid_rules_ && !failed()) invalid_parameters(start_pos, lambda);
    return nullptr;
  };
  for (;;) {
    if (at(close)) break;
    if (at(TokenKind::Slash)) {
      if (seen_slash || seen_star || args.empty()) return fail();
      advance();
      posonly = std::move(args);
      args.clear();
      seen_slash = true;
    } else if (at(TokenKind::Star)) {
      if (seen_star) return fail();
      advance();
      seen_star = true;
      if (!at(TokenKind::Comma)) {
        vararg = param(lambda, /*star_annotation=*/!lambda);
        if (!vararg) return fail();
      } else if (peek_at(1).kind == close || peek_at(1).kind == TokenKind::DoubleStar) {
        return fail();  // named arguments must follow bare *
      }
    } else if (at(TokenKind::DoubleStar)) {
      advance();
      kwarg = param(lambda, false);
      if (!kwarg) return fail();
      accept(TokenKind::Comma);
      if (!at(close)) return fail();
      break;
    } else {
      Node* p = param(lambda, false);
      if (!p) return fail();
      Node* def = nullptr;
      if (accept(TokenKind::Equal)) {
        def = expression();
        if (!def) return fail();
      }
      if (seen_star) {
        kwonly.push_back(p);
        kw_defaults.push_back(def);
      } else {
        if (def) {
          defaults.push_back(def);
          seen_default = true;
        } else if (seen_default) {
          return fail();
        }
        args.push_back(p);
      }
    }
    if (!accept(TokenKind::Comma)) break;
  }
  if (!at(close)) return fail();
  if (seen_star && !vararg && kwonly.empty()) return fail();
  auto* a = ctx_.make<ast::argumentsNode>();
  a->posonlyargs = list(posonly);
  a->args = list(args);
  a->vararg = vararg;
  a->kwonlyargs = list(kwonly);
  a->kw_defaults = list(kw_defaults);
  a->kwarg = kwarg;
  a->defaults = list(defaults);
  return a;
}

// type_params: '[' ','.type_param+ [','] ']'
// type_param: NAME [':' expression] | '*' NAME | '**' NAME
bool Parser::type_params(std::vector<Node*>& out) {
  advance();
  if (at(TokenKind::RSqb)) return false;
  for (;;) {
    Loc start = start_loc();
    if (accept(TokenKind::Star)) {
      if (!at(TokenKind::Name)) return false;
      const Token& name = advance();
      if (at(TokenKind::Colon)) {
        if (invalid_rules_) {
          const Token& colon = advance();
          Node* e = expression();
          if (e) {
            raise_from_token(colon, e->kind == ast::NodeKind::Tuple
                                        ? "cannot use constraints with TypeVarTuple"
                                        : "cannot use bound with TypeVarTuple");
          }
        }
        return false;
      }
      auto* t = make<ast::TypeVarTupleNode>(start, name.range.end);
      t->name = identifier(name);
      out.push_back(t);
    } else if (accept(TokenKind::DoubleStar)) {
      if (!at(TokenKind::Name)) return false;
      const Token& name = advance();
      if (at(TokenKind::Colon)) {
        if (invalid_rules_) {
          const Token& colon = advance();
          Node* e = expression();
          if (e) {
            raise_from_token(colon, e->kind == ast::NodeKind::Tuple ? "cannot use constraints with ParamSpec"
                                                                    : "cannot use bound with ParamSpec");
          }
        }
        return false;
      }
      auto* t = make<ast::ParamSpecNode>(start, name.range.end);
      t->name = identifier(name);
      out.push_back(t);
    } else if (at(TokenKind::Name)) {
      const Token& name = advance();
      Node* bound = nullptr;
      if (accept(TokenKind::Colon)) {
        bound = expression();
        if (!bound) return false;
      }
      auto* t = make<ast::TypeVarNode>(start, end_loc());
      t->name = identifier(name);
      t->bound = bound;
      out.push_back(t);
    } else {
      return false;
    }
    if (!accept(TokenKind::Comma)) break;
    if (at(TokenKind::RSqb)) break;
  }
  return accept(TokenKind::RSqb);
}

}  // namespace molt::parse
