// parse_stmt.cc — statements: simple statements (assignments, imports,
// return/raise/del/...), blocks and compound statements (if, while, for,
// with, try, def, class, decorators, match, type aliases).
#include <cstdio>

#include "parse/parser_impl.h"

namespace molt::parse {

using ast::Node;
using diag::DiagId;

namespace {

bool is_augassign(TokenKind k, ast::Operator* op) {
  struct Entry {
    TokenKind kind;
    ast::Operator op;
  };
  static constexpr Entry kAugOps[] = {
      {TokenKind::PlusEqual, ast::Operator::Add},
      {TokenKind::MinEqual, ast::Operator::Sub},
      {TokenKind::StarEqual, ast::Operator::Mult},
      {TokenKind::AtEqual, ast::Operator::MatMult},
      {TokenKind::SlashEqual, ast::Operator::Div},
      {TokenKind::PercentEqual, ast::Operator::Mod},
      {TokenKind::AmperEqual, ast::Operator::BitAnd},
      {TokenKind::VBarEqual, ast::Operator::BitOr},
      {TokenKind::CircumflexEqual, ast::Operator::BitXor},
      {TokenKind::LeftShiftEqual, ast::Operator::LShift},
      {TokenKind::RightShiftEqual, ast::Operator::RShift},
      {TokenKind::DoubleStarEqual, ast::Operator::Pow},
      {TokenKind::DoubleSlashEqual, ast::Operator::FloorDiv},
  };
  for (const Entry& e : kAugOps) {
    if (e.kind == k) {
      *op = e.op;
      return true;
    }
  }
  return false;
}

}  // namespace

// statements: statement+
bool Parser::statements(std::vector<Node*>& out) {
  do {
    if (!statement(out)) return false;
  } while (!failed() && !at(TokenKind::Dedent) && !at(TokenKind::EndMarker));
  return !failed();
}

// statement: compound_stmt | simple_stmts
bool Parser::statement(std::vector<Node*>& out) {
  static constexpr lex::TokenSet kCompoundStart{TokenKind::KwDef, TokenKind::At,      TokenKind::KwAsync,
                                                TokenKind::KwIf,  TokenKind::KwClass, TokenKind::KwWith,
                                                TokenKind::KwFor, TokenKind::KwTry,   TokenKind::KwWhile};
  if (!enter()) return false;
  bool ok;
  if (kCompoundStart.contains(kind())) {
    Node* s = compound_stmt();
    ok = s != nullptr;
    if (ok) out.push_back(s);
  } else {
    ok = false;
    bool done = false;
    if (at_soft("match")) {
      // "match" is a statement only when a subject and ':' follow.
      size_t save = pos_;
      Node* s = match_stmt();
      if (s) {
        out.push_back(s);
        ok = done = true;
      } else if (failed()) {
        done = true;
      } else {
        pos_ = save;
      }
    }
    if (!done) ok = simple_stmts(out);
  }
  leave();
  return ok && !failed();
}

// simple_stmts: ';'.simple_stmt+ [';'] NEWLINE
bool Parser::simple_stmts(std::vector<Node*>& out) {
  Node* s = simple_stmt();
  if (!s) return false;
  out.push_back(s);
  while (accept(TokenKind::Semi)) {
    if (at(TokenKind::Newline)) break;
    s = simple_stmt();
    if (!s) return false;
    out.push_back(s);
  }
  return accept(TokenKind::Newline);
}

Node* Parser::simple_stmt() {
  TokenKind k = kind();
  if (k == TokenKind::KwReturn) return return_stmt();
  if (k == TokenKind::KwImport) return import_name();
  if (k == TokenKind::KwFrom) return import_from();
  if (k == TokenKind::KwRaise) return raise_stmt();
  if (k == TokenKind::KwPass || k == TokenKind::KwBreak || k == TokenKind::KwContinue) {
    const Token& t = advance();
    if (k == TokenKind::KwPass) return make<ast::PassNode>(t.range.begin, t.range.end);
    if (k == TokenKind::KwBreak) return make<ast::BreakNode>(t.range.begin, t.range.end);
    return make<ast::ContinueNode>(t.range.begin, t.range.end);
  }
  if (k == TokenKind::KwDel) return del_stmt();
  if (k == TokenKind::KwAssert) return assert_stmt();
  if (k == TokenKind::KwGlobal) return global_stmt(false);
  if (k == TokenKind::KwNonlocal) return global_stmt(true);
  if (at_soft("type") && peek_at(1).kind == TokenKind::Name) return type_alias();
  return assignment_or_expr();
}

// annotated_rhs: yield_expr | star_expressions
Node* Parser::annotated_rhs() {
  if (at(TokenKind::KwYield)) return yield_expr();
  return star_expressions();
}

// assignment | star_expressions (as an expression statement)
Node* Parser::assignment_or_expr() {
  size_t start_pos = pos_;
  Loc start = start_loc();
  // NAME ':' expression ['=' annotated_rhs]
  if (at(TokenKind::Name) && peek_at(1).kind == TokenKind::Colon) {
    const Token& name = advance();
    advance();
    Node* ann = expression();
    if (!ann) return nullptr;
    Node* value = nullptr;
    if (accept(TokenKind::Equal)) {
      value = annotated_rhs();
      if (!value) return nullptr;
    }
    auto* s = make<ast::AnnAssignNode>(start, end_loc());
    s->target = name_from_token(name, ast::ExprContext::Store);
    s->annotation = ann;
    s->value = value;
    s->simple = 1;
    return s;
  }
  Node* e = annotated_rhs();
  if (!e) {
    if (invalid_rules_ && !failed()) invalid_assignment(nullptr, start_pos);
    return nullptr;
  }
  bool is_yield = e->kind == ast::NodeKind::Yield || e->kind == ast::NodeKind::YieldFrom;
  ast::Operator op;
  if (at(TokenKind::Colon)) {
    // ('(' single_target ')' | single_subscript_attribute_target) ':' ...
    bool ok = false;
    if (e->kind == ast::NodeKind::Attribute || e->kind == ast::NodeKind::Subscript) {
      ok = true;
    } else if (e->kind == ast::NodeKind::Name && tokens_[start_pos].kind == TokenKind::LPar) {
      ok = true;
    }
    if (!ok || is_yield) {
      if (invalid_rules_) invalid_assignment(e, start_pos);
      return nullptr;
    }
    advance();
    Node* ann = expression();
    if (!ann) return nullptr;
    Node* value = nullptr;
    if (accept(TokenKind::Equal)) {
      value = annotated_rhs();
      if (!value) return nullptr;
    }
    set_ctx(e, ast::ExprContext::Store, TargetsType::Star);
    auto* s = make<ast::AnnAssignNode>(start, end_loc());
    s->target = e;
    s->annotation = ann;
    s->value = value;
    s->simple = 0;
    return s;
  }
  if (is_augassign(kind(), &op)) {
    bool ok = !is_yield && (e->kind == ast::NodeKind::Name || e->kind == ast::NodeKind::Attribute ||
                            e->kind == ast::NodeKind::Subscript);
    if (!ok) {
      if (invalid_rules_) invalid_assignment(e, start_pos);
      return nullptr;
    }
    advance();
    Node* value = annotated_rhs();
    if (!value) return nullptr;
    set_ctx(e, ast::ExprContext::Store, TargetsType::Star);
    auto* s = make<ast::AugAssignNode>(start, end_loc());
    s->target = e;
    s->op = op;
    s->value = value;
    return s;
  }
  if (at(TokenKind::Equal)) {
    // (star_targets '=')+ annotated_rhs !'=': each target is checked when its
    // '=' is seen, so that, as in CPython, nothing after an invalid target is
    // looked at.
    auto valid_target = [&](const Node* t) {
      return t->kind != ast::NodeKind::Yield && t->kind != ast::NodeKind::YieldFrom &&
             invalid_target(t, TargetsType::Star) == nullptr;
    };
    if (!valid_target(e)) {
      if (invalid_rules_) invalid_assignment(e, start_pos);
      return nullptr;
    }
    std::vector<Node*> targets{e};
    Node* value = nullptr;
    while (accept(TokenKind::Equal)) {
      value = annotated_rhs();
      if (!value) {
        if (invalid_rules_ && !failed()) invalid_assignment(nullptr, start_pos);
        return nullptr;
      }
      if (at(TokenKind::Equal)) {
        if (!valid_target(value)) {
          if (invalid_rules_) invalid_assignment(e, start_pos);
          return nullptr;
        }
        targets.push_back(value);
      }
    }
    for (Node* t : targets) set_ctx(t, ast::ExprContext::Store, TargetsType::Star);
    auto* s = make<ast::AssignNode>(start, end_loc());
    s->targets = list(targets);
    s->value = value;
    return s;
  }
  if (invalid_rules_ && !failed()) invalid_assignment(e, start_pos);
  if (failed()) return nullptr;
  auto* s = make<ast::ExprNode>(start, end_loc());
  s->value = e;
  return s;
}

// return_stmt: 'return' [star_expressions]
Node* Parser::return_stmt() {
  const Token& t = advance();
  Node* value = nullptr;
  if (starts_expression(kind())) {
    value = star_expressions();
    if (!value) return nullptr;
  }
  auto* s = make<ast::ReturnNode>(t.range.begin, end_loc());
  s->value = value;
  return s;
}

// raise_stmt: 'raise' expression ['from' expression] | 'raise'
Node* Parser::raise_stmt() {
  const Token& t = advance();
  Node* exc = nullptr;
  Node* cause = nullptr;
  if (starts_expression(kind()) && !at(TokenKind::Star)) {
    exc = expression();
    if (!exc) return nullptr;
    if (accept(TokenKind::KwFrom)) {
      cause = expression();
      if (!cause) return nullptr;
    }
  }
  auto* s = make<ast::RaiseNode>(t.range.begin, end_loc());
  s->exc = exc;
  s->cause = cause;
  return s;
}

// global_stmt / nonlocal_stmt: ','.NAME+
Node* Parser::global_stmt(bool nonlocal) {
  const Token& t = advance();
  std::vector<std::string_view> names;
  do {
    if (!at(TokenKind::Name)) return nullptr;
    names.push_back(identifier(advance()));
  } while (accept(TokenKind::Comma));
  Loc end = end_loc();
  if (nonlocal) {
    auto* s = make<ast::NonlocalNode>(t.range.begin, end);
    s->names = list(names);
    return s;
  }
  auto* s = make<ast::GlobalNode>(t.range.begin, end);
  s->names = list(names);
  return s;
}

// del_stmt: 'del' del_targets &(';' | NEWLINE)
Node* Parser::del_stmt() {
  size_t del_pos = pos_;
  const Token& t = advance();
  std::vector<Node*> targets;
  bool ok = true;
  for (;;) {
    Node* e = primary();
    if (!e) {
      ok = false;
      break;
    }
    if (!set_ctx(e, ast::ExprContext::Del, TargetsType::Del)) {
      ok = false;
      break;
    }
    targets.push_back(e);
    if (!accept(TokenKind::Comma)) break;
    if (at(TokenKind::Semi) || at(TokenKind::Newline)) break;
  }
  if (ok && !at(TokenKind::Semi) && !at(TokenKind::Newline)) ok = false;
  if (!ok) {
    if (invalid_rules_ && !failed()) {
      pos_ = del_pos + 1;
      Node* e = star_expressions();
      if (e) raise_invalid_target(TargetsType::Del, e);
    }
    return nullptr;
  }
  auto* s = make<ast::DeleteNode>(t.range.begin, end_loc());
  s->targets = list(targets);
  return s;
}

// assert_stmt: 'assert' expression [',' expression]
Node* Parser::assert_stmt() {
  const Token& t = advance();
  Node* test = expression();
  if (!test) return nullptr;
  Node* msg = nullptr;
  if (accept(TokenKind::Comma)) {
    msg = expression();
    if (!msg) return nullptr;
  }
  auto* s = make<ast::AssertNode>(t.range.begin, end_loc());
  s->test = test;
  s->msg = msg;
  return s;
}

// import_name: 'import' dotted_as_names
Node* Parser::import_name() {
  const Token& t = advance();
  std::vector<Node*> names;
  do {
    if (!at(TokenKind::Name)) return nullptr;
    Loc begin = start_loc();
    std::string dotted(advance().text);
    bool ascii = !(prev().flags & lex::kTokNonAscii);
    std::string_view first = identifier(prev());
    if (!ascii) dotted = std::string(first);
    while (at(TokenKind::Dot) && peek_at(1).kind == TokenKind::Name) {
      advance();
      dotted.push_back('.');
      dotted += identifier(advance());
    }
    std::string_view asname;
    if (accept(TokenKind::KwAs)) {
      if (!at(TokenKind::Name)) return nullptr;
      asname = identifier(advance());
    }
    auto* a = make<ast::aliasNode>(begin, end_loc());
    a->name = ctx_.intern(dotted);
    a->asname = asname;
    names.push_back(a);
  } while (accept(TokenKind::Comma));
  auto* s = make<ast::ImportNode>(t.range.begin, end_loc());
  s->names = list(names);
  return s;
}

// import_from: 'from' ('.' | '...')* dotted_name 'import' import_from_targets
//            | 'from' ('.' | '...')+ 'import' import_from_targets
Node* Parser::import_from() {
  const Token& t = advance();
  int level = 0;
  for (;;) {
    if (accept(TokenKind::Dot)) {
      level += 1;
    } else if (accept(TokenKind::Ellipsis)) {
      level += 3;
    } else {
      break;
    }
  }
  std::string_view module;
  if (at(TokenKind::Name)) {
    std::string dotted(identifier(advance()));
    while (at(TokenKind::Dot) && peek_at(1).kind == TokenKind::Name) {
      advance();
      dotted.push_back('.');
      dotted += identifier(advance());
    }
    module = ctx_.intern(dotted);
  } else if (level == 0) {
    return nullptr;
  }
  if (!accept(TokenKind::KwImport)) return nullptr;
  std::vector<Node*> names;
  if (at(TokenKind::Star)) {
    const Token& star = advance();
    auto* a = make<ast::aliasNode>(star.range.begin, star.range.end);
    a->name = ctx_.intern("*");
    names.push_back(a);
  } else {
    bool paren = accept(TokenKind::LPar);
    for (;;) {
      if (!at(TokenKind::Name)) return nullptr;
      const Token& n = advance();
      std::string_view asname;
      if (accept(TokenKind::KwAs)) {
        if (!at(TokenKind::Name)) return nullptr;
        asname = identifier(advance());
      }
      auto* a = make<ast::aliasNode>(n.range.begin, end_loc());
      a->name = identifier(n);
      a->asname = asname;
      names.push_back(a);
      if (!accept(TokenKind::Comma)) break;
      if (paren && at(TokenKind::RPar)) break;
      if (!paren && at(TokenKind::Newline)) {
        if (invalid_rules_) raise_at_last("trailing comma not allowed without surrounding parentheses");
        return nullptr;
      }
    }
    if (paren && !accept(TokenKind::RPar)) return nullptr;
  }
  auto* s = make<ast::ImportFromNode>(t.range.begin, end_loc());
  s->module = module;
  s->names = list(names);
  s->level = level;
  return s;
}

// type_alias: "type" NAME [type_params] '=' expression
Node* Parser::type_alias() {
  const Token& t = advance();
  const Token& name = advance();
  std::vector<Node*> params;
  if (at(TokenKind::LSqb)) {
    if (!type_params(params)) return nullptr;
  }
  if (!accept(TokenKind::Equal)) return nullptr;
  Node* value = expression();
  if (!value) return nullptr;
  auto* s = make<ast::TypeAliasNode>(t.range.begin, end_loc());
  s->name = name_from_token(name, ast::ExprContext::Store);
  s->type_params = list(params);
  s->value = value;
  return s;
}

// block: NEWLINE INDENT statements DEDENT | simple_stmts
bool Parser::block(std::vector<Node*>& out, const Token& owner, const char* what) {
  if (at(TokenKind::Newline)) {
    advance();
    if (!at(TokenKind::Indent)) {
      if (invalid_rules_ && !failed()) invalid_block(owner, what);
      return false;
    }
    advance();
    if (!statements(out)) return false;
    return accept(TokenKind::Dedent);
  }
  return simple_stmts(out);
}

Node* Parser::compound_stmt() {
  TokenKind k = kind();
  if (k == TokenKind::KwDef) return function_def(nullptr, start_loc());
  if (k == TokenKind::At) return decorated();
  if (k == TokenKind::KwAsync) {
    Loc start = start_loc();
    TokenKind next = peek_at(1).kind;
    if (next == TokenKind::KwDef) return function_def(nullptr, start);
    if (next == TokenKind::KwWith) {
      advance();
      return with_stmt(true, start);
    }
    if (next == TokenKind::KwFor) {
      advance();
      return for_stmt(true, start);
    }
    return nullptr;
  }
  if (k == TokenKind::KwIf) return if_stmt(false);
  if (k == TokenKind::KwClass) return class_def(nullptr, start_loc());
  if (k == TokenKind::KwWith) return with_stmt(false, start_loc());
  if (k == TokenKind::KwFor) return for_stmt(false, start_loc());
  if (k == TokenKind::KwTry) return try_stmt();
  if (k == TokenKind::KwWhile) return while_stmt();
  return nullptr;
}

// decorators (function_def_raw | class_def_raw)
Node* Parser::decorated() {
  std::vector<Node*> decorators;
  while (accept(TokenKind::At)) {
    Node* d = named_expression();
    if (!d) return nullptr;
    if (!accept(TokenKind::Newline)) return nullptr;
    decorators.push_back(d);
  }
  Loc start = start_loc();
  if (at(TokenKind::KwDef) || (at(TokenKind::KwAsync) && peek_at(1).kind == TokenKind::KwDef)) {
    return function_def(&decorators, start);
  }
  if (at(TokenKind::KwClass)) return class_def(&decorators, start);
  return nullptr;
}

// function_def_raw: ['async'] 'def' NAME [type_params] '(' [params] ')' ['->' expression] ':' block
Node* Parser::function_def(std::vector<Node*>* decorators, Loc start) {
  bool is_async = accept(TokenKind::KwAsync);
  const Token& def = advance();
  if (!at(TokenKind::Name)) return nullptr;
  std::string_view name = identifier(advance());
  std::vector<Node*> tparams;
  if (at(TokenKind::LSqb)) {
    size_t open = pos_;
    if (!type_params(tparams)) {
      if (failed()) return nullptr;
      pos_ = open;  // [type_params] is optional: "expected '('" below
      tparams.clear();
    }
  }
  if (!at(TokenKind::LPar)) {
    if (invalid_rules_) raise_at_token(peek(), "expected '('");
    return nullptr;
  }
  advance();
  Node* args;
  if (at(TokenKind::RPar)) {
    args = empty_arguments();
  } else {
    args = parameters(false);
    if (!args) return nullptr;
  }
  if (!accept(TokenKind::RPar)) return nullptr;
  Node* returns = nullptr;
  if (at(TokenKind::RArrow)) {
    size_t arrow = pos_;
    advance();
    returns = expression();
    if (!returns) {
      if (failed()) return nullptr;
      pos_ = arrow;  // ['->' expression] is optional: "expected ':'" below
    }
  }
  if (!at(TokenKind::Colon)) {
    if (invalid_rules_) raise_at_token(peek(), "expected ':'");
    return nullptr;
  }
  advance();
  std::vector<Node*> body;
  if (!block(body, def, "function definition")) return nullptr;
  Loc end = end_loc();
  if (is_async) {
    auto* f = make<ast::AsyncFunctionDefNode>(start, end);
    f->name = name;
    f->args = args;
    f->body = list(body);
    if (decorators) f->decorator_list = list(*decorators);
    f->returns = returns;
    f->type_params = list(tparams);
    return f;
  }
  auto* f = make<ast::FunctionDefNode>(start, end);
  f->name = name;
  f->args = args;
  f->body = list(body);
  if (decorators) f->decorator_list = list(*decorators);
  f->returns = returns;
  f->type_params = list(tparams);
  return f;
}

// class_def_raw: 'class' NAME [type_params] ['(' [arguments] ')'] ':' block
Node* Parser::class_def(std::vector<Node*>* decorators, Loc start) {
  const Token& cls = advance();
  if (!at(TokenKind::Name)) return nullptr;
  std::string_view name = identifier(advance());
  std::vector<Node*> tparams;
  if (at(TokenKind::LSqb)) {
    if (!type_params(tparams)) return nullptr;
  }
  std::vector<Node*> bases, keywords;
  if (at(TokenKind::LPar)) {
    Loc open = start_loc();
    size_t pos_at_open = pos_;
    advance();
    if (!at(TokenKind::RPar)) {
      if (!arguments(bases, keywords, open, /*allow_genexp=*/false)) {
        if (invalid_rules_ && !failed()) invalid_arguments(pos_at_open);
        return nullptr;
      }
    }
    if (!accept(TokenKind::RPar)) return nullptr;
  }
  if (!at(TokenKind::Colon)) {
    if (invalid_rules_ && at(TokenKind::Newline)) raise_at_last("expected ':'");
    return nullptr;
  }
  advance();
  std::vector<Node*> body;
  if (!block(body, cls, "class definition")) return nullptr;
  auto* c = make<ast::ClassDefNode>(start, end_loc());
  c->name = name;
  c->bases = list(bases);
  c->keywords = list(keywords);
  c->body = list(body);
  if (decorators) c->decorator_list = list(*decorators);
  c->type_params = list(tparams);
  return c;
}

// if_stmt / elif_stmt: 'if' named_expression ':' block (elif_stmt | [else_block])
Node* Parser::if_stmt(bool elif) {
  const Token& kw = advance();
  Loc start = kw.range.begin;
  Node* test = named_expression();
  if (!test) return nullptr;
  if (!at(TokenKind::Colon)) {
    if (invalid_rules_ && at(TokenKind::Newline)) raise_at_last("expected ':'");
    return nullptr;
  }
  advance();
  std::vector<Node*> body;
  if (!block(body, kw, elif ? "'elif' statement" : "'if' statement")) return nullptr;
  std::vector<Node*> orelse;
  if (at(TokenKind::KwElif)) {
    Node* e = if_stmt(true);
    if (!e) return nullptr;
    orelse.push_back(e);
  } else if (at(TokenKind::KwElse)) {
    if (!else_block(orelse)) return nullptr;
  }
  auto* s = make<ast::IfNode>(start, end_loc());
  s->test = test;
  s->body = list(body);
  s->orelse = list(orelse);
  return s;
}

// else_block: 'else' &&':' block
bool Parser::else_block(std::vector<Node*>& out) {
  const Token& kw = advance();
  if (!at(TokenKind::Colon)) {
    raise_at_token(peek(), "expected ':'");
    return false;
  }
  advance();
  return block(out, kw, "'else' statement");
}

// while_stmt: 'while' named_expression ':' block [else_block]
Node* Parser::while_stmt() {
  const Token& kw = advance();
  Node* test = named_expression();
  if (!test) return nullptr;
  if (!at(TokenKind::Colon)) {
    if (invalid_rules_ && at(TokenKind::Newline)) raise_at_last("expected ':'");
    return nullptr;
  }
  advance();
  std::vector<Node*> body, orelse;
  if (!block(body, kw, "'while' statement")) return nullptr;
  if (at(TokenKind::KwElse) && !else_block(orelse)) return nullptr;
  auto* s = make<ast::WhileNode>(kw.range.begin, end_loc());
  s->test = test;
  s->body = list(body);
  s->orelse = list(orelse);
  return s;
}

// for_stmt: ['async'] 'for' star_targets 'in' ~ star_expressions ':' block [else_block]
Node* Parser::for_stmt(bool is_async, Loc start) {
  size_t for_pos = pos_;
  const Token& kw = advance();
  Node* target = star_targets();
  if (!target || !at(TokenKind::KwIn)) {
    if (invalid_rules_ && !failed()) invalid_for_target(for_pos);
    return nullptr;
  }
  advance();
  Node* iter = star_expressions();
  if (!iter) return nullptr;
  if (!at(TokenKind::Colon)) {
    if (invalid_rules_ && at(TokenKind::Newline)) raise_at_last("expected ':'");
    return nullptr;
  }
  advance();
  std::vector<Node*> body, orelse;
  if (!block(body, kw, "'for' statement")) return nullptr;
  if (at(TokenKind::KwElse) && !else_block(orelse)) return nullptr;
  Loc end = end_loc();
  if (is_async) {
    auto* s = make<ast::AsyncForNode>(start, end);
    s->target = target;
    s->iter = iter;
    s->body = list(body);
    s->orelse = list(orelse);
    return s;
  }
  auto* s = make<ast::ForNode>(start, end);
  s->target = target;
  s->iter = iter;
  s->body = list(body);
  s->orelse = list(orelse);
  return s;
}

// with_item: expression ['as' star_target &(',' | ')' | ':')]
Node* Parser::with_item() {
  Node* e = expression();
  if (!e) return nullptr;
  Node* vars = nullptr;
  if (at(TokenKind::KwAs)) {
    size_t save = pos_;
    advance();
    vars = star_target();
    if (vars && !at(TokenKind::Comma) && !at(TokenKind::RPar) && !at(TokenKind::Colon)) vars = nullptr;
    if (!vars) {
      if (failed()) return nullptr;
      if (invalid_rules_) {
        pos_ = save + 1;
        Node* bad = expression();
        if (bad && (at(TokenKind::Comma) || at(TokenKind::RPar) || at(TokenKind::Colon))) {
          raise_invalid_target(TargetsType::Star, bad);
          return nullptr;
        }
      }
      pos_ = save;
      return nullptr;
    }
  }
  auto* w = ctx_.make<ast::withitemNode>();
  w->context_expr = e;
  w->optional_vars = vars;
  return w;
}

// with_stmt: ['async'] 'with' '(' ','.with_item+ ','? ')' ':' block
//          | ['async'] 'with' ','.with_item+ ':' block
Node* Parser::with_stmt(bool is_async, Loc start) {
  size_t with_pos = pos_;
  const Token& kw = advance();
  std::vector<Node*> items;
  bool parsed = false;
  if (at(TokenKind::LPar)) {
    size_t save = pos_;
    advance();
    bool ok = true;
    for (;;) {
      Node* item = with_item();
      if (!item) {
        ok = false;
        break;
      }
      items.push_back(item);
      if (!accept(TokenKind::Comma)) break;
      if (at(TokenKind::RPar)) break;
    }
    if (failed()) return nullptr;
    if (ok && accept(TokenKind::RPar) && at(TokenKind::Colon)) {
      parsed = true;
    } else {
      pos_ = save;
      items.clear();
    }
  }
  if (!parsed) {
    for (;;) {
      Node* item = with_item();
      if (!item) {
        if (invalid_rules_ && !failed()) invalid_with_stmt(with_pos, is_async);
        return nullptr;
      }
      items.push_back(item);
      if (!accept(TokenKind::Comma)) break;
    }
  }
  if (!at(TokenKind::Colon)) {
    if (invalid_rules_ && !failed()) invalid_with_stmt(with_pos, is_async);
    return nullptr;
  }
  advance();
  std::vector<Node*> body;
  if (!block(body, kw, "'with' statement")) return nullptr;
  Loc end = end_loc();
  if (is_async) {
    auto* s = make<ast::AsyncWithNode>(start, end);
    s->items = list(items);
    s->body = list(body);
    return s;
  }
  auto* s = make<ast::WithNode>(start, end);
  s->items = list(items);
  s->body = list(body);
  return s;
}

// except_block: 'except' expression ['as' NAME] ':' block | 'except' ':' block
// except_star_block: 'except' '*' expression ['as' NAME] ':' block
Node* Parser::except_block(bool star) {
  size_t except_pos = pos_;
  const Token& kw = advance();
  if (star) advance();
  Node* type = nullptr;
  std::string_view name;
  if (!at(TokenKind::Colon) || star) {
    type = expression();
    if (!type) {
      if (invalid_rules_ && !failed()) invalid_except_stmt(except_pos);
      return nullptr;
    }
    if (accept(TokenKind::KwAs)) {
      if (!at(TokenKind::Name)) {
        if (invalid_rules_ && !failed()) invalid_except_stmt(except_pos);
        return nullptr;
      }
      name = identifier(advance());
    }
  }
  if (!at(TokenKind::Colon)) {
    if (invalid_rules_ && !failed()) invalid_except_stmt(except_pos);
    return nullptr;
  }
  advance();
  std::vector<Node*> body;
  if (!block(body, kw, star ? "'except*' statement" : "'except' statement")) return nullptr;
  auto* h = make<ast::ExceptHandlerNode>(kw.range.begin, end_loc());
  h->type = type;
  h->name = name;
  h->body = list(body);
  return h;
}

// try_stmt: 'try' &&':' block (finally_block
//           | except_block+ [else_block] [finally_block]
//           | except_star_block+ [else_block] [finally_block])
Node* Parser::try_stmt() {
  size_t try_pos = pos_;
  const Token& kw = advance();
  if (!at(TokenKind::Colon)) {
    raise_at_token(peek(), "expected ':'");
    return nullptr;
  }
  advance();
  std::vector<Node*> body, handlers, orelse, finalbody;
  if (!block(body, kw, "'try' statement")) return nullptr;
  bool star = false;
  if (at(TokenKind::KwExcept)) {
    star = peek_at(1).kind == TokenKind::Star;
    while (at(TokenKind::KwExcept)) {
      bool this_star = peek_at(1).kind == TokenKind::Star;
      if (this_star != star) {
        if (invalid_rules_) invalid_try_stmt(try_pos);
        return nullptr;
      }
      Node* h = except_block(star);
      if (!h) return nullptr;
      handlers.push_back(h);
    }
    if (at(TokenKind::KwElse) && !else_block(orelse)) return nullptr;
  } else if (!at(TokenKind::KwFinally)) {
    if (invalid_rules_) invalid_try_stmt(try_pos);
    return nullptr;
  }
  if (at(TokenKind::KwFinally)) {
    const Token& fin = advance();
    if (!at(TokenKind::Colon)) {
      raise_at_token(peek(), "expected ':'");
      return nullptr;
    }
    advance();
    if (!block(finalbody, fin, "'finally' statement")) return nullptr;
  }
  Loc end = end_loc();
  if (star) {
    auto* s = make<ast::TryStarNode>(kw.range.begin, end);
    s->body = list(body);
    s->handlers = list(handlers);
    s->orelse = list(orelse);
    s->finalbody = list(finalbody);
    return s;
  }
  auto* s = make<ast::TryNode>(kw.range.begin, end);
  s->body = list(body);
  s->handlers = list(handlers);
  s->orelse = list(orelse);
  s->finalbody = list(finalbody);
  return s;
}

// match_stmt: "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT
// subject_expr: star_named_expression ',' star_named_expressions? | named_expression
Node* Parser::match_stmt() {
  const Token& kw = advance();
  Loc subject_start = start_loc();
  Node* subject;
  if (at(TokenKind::Star)) {
    subject = star_named_expression();
  } else {
    subject = named_expression();
  }
  if (!subject) return nullptr;
  if (at(TokenKind::Comma)) {
    std::vector<Node*> elts{subject};
    while (accept(TokenKind::Comma)) {
      if (at(TokenKind::Colon)) break;
      Node* e = star_named_expression();
      if (!e) return nullptr;
      elts.push_back(e);
    }
    auto* t = make<ast::TupleNode>(subject_start, end_loc());
    t->elts = list(elts);
    t->ctx = ast::ExprContext::Load;
    subject = t;
  } else if (subject->kind == ast::NodeKind::Starred) {
    return nullptr;
  }
  if (!at(TokenKind::Colon)) {
    if (invalid_rules_ && at(TokenKind::Newline)) raise_at_last("expected ':'");
    return nullptr;
  }
  advance();
  if (!accept(TokenKind::Newline)) return nullptr;
  if (!at(TokenKind::Indent)) {
    if (invalid_rules_) invalid_block(kw, "'match' statement");
    return nullptr;
  }
  advance();
  std::vector<Node*> cases;
  do {
    Node* c = case_block();
    if (!c) return nullptr;
    cases.push_back(c);
  } while (at_soft("case"));
  if (!accept(TokenKind::Dedent)) return nullptr;
  auto* s = make<ast::MatchNode>(kw.range.begin, end_loc());
  s->subject = subject;
  s->cases = list(cases);
  return s;
}

// case_block: "case" patterns guard? ':' block
Node* Parser::case_block() {
  if (!at_soft("case")) return nullptr;
  const Token& kw = advance();
  Node* pat = patterns();
  if (!pat) return nullptr;
  Node* guard = nullptr;
  if (accept(TokenKind::KwIf)) {
    guard = named_expression();
    if (!guard) return nullptr;
  }
  if (!at(TokenKind::Colon)) {
    if (invalid_rules_ && at(TokenKind::Newline)) raise_at_last("expected ':'");
    return nullptr;
  }
  advance();
  std::vector<Node*> body;
  if (!block(body, kw, "'case' statement")) return nullptr;
  auto* c = ctx_.make<ast::match_caseNode>();
  c->pattern = pat;
  c->guard = guard;
  c->body = list(body);
  return c;
}

}  // namespace molt::parse
