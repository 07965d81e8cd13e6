// parser.cc — parser infrastructure (tokens, positions, errors, recursion
// guard) and parse_module: the two-pass driver that decides, as CPython
// does, which error to report.
#include "parse/parser.h"

#include <cstdio>

#include "lex/unicode.h"
#include "parse/parser_impl.h"

namespace molt::parse {

using ast::Node;
using diag::DiagId;

namespace {

// Recursion limit of the parse functions that can nest without brackets
// (lambda defaults); brackets are capped at 200 by the tokenizer.
constexpr int kMaxParseDepth = 1200;

bool is_whitespace_token(TokenKind k) {
  return k == TokenKind::Newline || k == TokenKind::Indent || k == TokenKind::Dedent ||
         k == TokenKind::EndMarker;
}

}  // namespace

Parser::Parser(const diag::SourceFile& file, const lex::TokenStream& tokens, ast::AstContext& ctx,
               bool invalid_rules)
    : file_(file),
      tokens_(tokens.tokens),
      text_(tokens.text),
      ctx_(ctx),
      stream_(tokens),
      invalid_rules_(invalid_rules),
      memo_enabled_(invalid_rules) {}

void Parser::on_error_token() {
  if (failed()) return;
  reached_lex_error_ = true;
  const lex::LexError& e = *stream_.error;
  error_ = ParseError{e.id, e.range, e.message};
}

Loc Parser::end_loc() const {
  size_t i = pos_;
  while (i > 0) {
    --i;
    if (!is_whitespace_token(tokens_[i].kind)) return tokens_[i].range.end;
  }
  return tokens_.empty() ? Loc{1, 0} : tokens_[0].range.begin;
}

void Parser::raise(DiagId id, diag::Range range, std::string message) {
  if (failed()) return;
  error_ = ParseError{id, range, std::move(message)};
}

void Parser::raise_at_node(const Node* n, std::string message) {
  raise_syntax(diag::Range{{n->lineno, n->col_offset}, {n->end_lineno, n->end_col_offset}},
               std::move(message));
}

void Parser::raise_range(const Node* a, const Node* b, std::string message) {
  raise_syntax(diag::Range{{a->lineno, a->col_offset}, {b->end_lineno, b->end_col_offset}},
               std::move(message));
}

void Parser::raise_at_token(const Token& t, std::string message) {
  raise_syntax(t.range, std::move(message));
}

void Parser::raise_at_last(std::string message) {
  raise_syntax(tokens_[furthest_].range, std::move(message));
}

void Parser::raise_on_next_token(std::string message) {
  raise_syntax(peek().range, std::move(message));
}

void Parser::raise_from_token(const Token& t, std::string message) {
  Loc end = end_loc();
  if (end.line < t.range.begin.line || (end.line == t.range.begin.line && end.col < t.range.end.col)) {
    end = t.range.end;
  }
  raise_syntax(diag::Range{t.range.begin, end}, std::move(message));
}

void Parser::raise_from_node(const Node* n, std::string message) {
  Loc end = end_loc();
  raise_syntax(diag::Range{{n->lineno, n->col_offset}, end}, std::move(message));
}

bool Parser::enter() {
  if (++depth_ > kMaxParseDepth) {
    --depth_;
    raise(DiagId::ParserTooComplex, peek().range,
          "Parser stack overflowed - Python source too complex to parse");
    return false;
  }
  return true;
}

std::string_view Parser::identifier(const Token& t) {
  if (t.flags & lex::kTokNonAscii) return ctx_.intern(lex::unicode::nfkc(t.text));
  return ctx_.intern(t.text);
}

ast::NameNode* Parser::name_from_token(const Token& t, ast::ExprContext c) {
  auto* n = make<ast::NameNode>(t.range.begin, t.range.end);
  n->id = identifier(t);
  n->ctx = c;
  return n;
}

ast::ModuleNode* Parser::parse_file() {
  std::vector<Node*> body;
  if (!at(TokenKind::EndMarker)) {
    if (!statements(body)) return nullptr;
  }
  if (failed() || !at(TokenKind::EndMarker)) return nullptr;
  auto* m = ctx_.make<ast::ModuleNode>();
  m->body = list(body);
  return m;
}

// --- the driver ----------------------------------------------------------------------

namespace {

// Depth of the tree (nodes on the longest root-to-leaf path), computed
// without recursion.
int ast_depth(const Node* root, int limit);

}  // namespace

}  // namespace molt::parse

#include "parse/ast_walk.h"

namespace molt::parse {
namespace {

int ast_depth(const Node* root, int limit) {
  struct Item {
    const Node* node;
    int depth;
  };
  std::vector<Item> stack;
  stack.push_back({root, 1});
  int max_depth = 0;
  while (!stack.empty()) {
    Item it = stack.back();
    stack.pop_back();
    if (it.depth > max_depth) {
      max_depth = it.depth;
      if (max_depth > limit) return max_depth;
    }
    ast::for_each_child(it.node, [&](const Node* child) { stack.push_back({child, it.depth + 1}); });
  }
  return max_depth;
}

diag::DiagId class_id_for(const ParseError& e) {
  return e.id;
}

}  // namespace

ast::ModuleNode* parse_module(const diag::SourceFile& file, ast::AstContext& ctx,
                              diag::DiagnosticEngine& diags) {
  lex::TokenStream stream;
  lex::lex_source(file, stream);
  if (stream.error && stream.error->kind == lex::LexErrorKind::Decode) {
    lex::report_lex_error(*stream.error, diags);
    return nullptr;
  }
  if (stream.tokens.empty()) return nullptr;

  Parser first(file, stream, ctx, /*invalid_rules=*/false);
  ast::ModuleNode* module = first.parse_file();
  if (module && !first.error()) {
    if (ast_depth(module, kMaxAstDepth) > kMaxAstDepth) {
      diags.report(DiagId::AstTooDeep, diag::Range{{1, 0}, {1, 0}});
      return nullptr;
    }
    return module;
  }

  ParseError err;
  bool from_lexer = false;
  // CPython reports an unexpected INDENT/DEDENT without looking at the rest
  // of the file; every other error may be overridden by a tokenizer error.
  bool final = false;
  size_t last_token = first.furthest();
  if (first.error()) {
    err = *first.error();
    from_lexer = first.reached_lex_error();
  } else {
    // Second pass with the invalid_* checks, into a scratch arena.
    ast::AstContext scratch;
    Parser second(file, stream, scratch, /*invalid_rules=*/true);
    second.parse_file();
    if (second.error()) {
      err = *second.error();
      from_lexer = second.reached_lex_error();
      if (second.furthest() > last_token) last_token = second.furthest();
    } else {
      const Token& t = first.token_at(first.furthest());
      if (t.kind == TokenKind::Indent || t.kind == TokenKind::Dedent) {
        // CPython points after the indentation.
        uint32_t col = t.range.end.col > 0 ? t.range.end.col - 1 : 0;
        diag::Range r{{t.range.begin.line, col}, {t.range.begin.line, col + 1}};
        err = ParseError{t.kind == TokenKind::Indent ? DiagId::UnexpectedIndent : DiagId::UnexpectedUnindent,
                         r, t.kind == TokenKind::Indent ? "unexpected indent" : "unexpected unindent"};
        final = true;
      } else {
        err = ParseError{DiagId::InvalidSyntax, t.range, "invalid syntax"};
      }
      if (second.furthest() > last_token) last_token = second.furthest();
    }
  }

  // A tokenizer error elsewhere in the file takes precedence, as in
  // CPython's _PyPegen_tokenize_full_source_to_check_for_errors.
  if (!from_lexer && !final && stream.error) {
    const lex::LexError& le = *stream.error;
    if (le.kind == lex::LexErrorKind::Raised) {
      err = ParseError{le.id, le.range, le.message};
    } else if (le.kind == lex::LexErrorKind::EofInBrackets) {
      uint32_t err_line = stream.tokens[last_token].range.begin.line;
      if (err_line > le.range.begin.line) err = ParseError{le.id, le.range, le.message};
    }
  }
  diags.report_message(class_id_for(err), err.range, err.message);
  return nullptr;
}

}  // namespace molt::parse
