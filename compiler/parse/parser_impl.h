// parser_impl.h — the recursive-descent parser (internal to compiler/parse).
//
// One Parser object makes one pass over a token vector. Parse functions
// return nullptr when their construct is not there ("soft" failure, the
// caller may try something else) or after a hard error was raised
// (error() is set; every function then unwinds without doing more work).
//
// Positions follow CPython's EXTRA: a node spans from its first token to the
// last token consumed for it, skipping NEWLINE/INDENT/DEDENT/ENDMARKER at
// the end (end_loc()).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "diag/diagnostics.h"
#include "diag/source.h"
#include "lex/lexer.h"
#include "parse/ast.h"
#include "parse/const_repr.h"

namespace molt::parse {

using diag::Loc;
using lex::Token;
using lex::TokenKind;

/// A hard error found by the parser (or the tokenizer error it reached).
struct ParseError {
  diag::DiagId id;
  diag::Range range;
  std::string message;
};

/// The target kinds of CPython's _PyPegen_get_invalid_target.
enum class TargetsType { Star, Del, For };

class Parser {
 public:
  Parser(const diag::SourceFile& file, const lex::TokenStream& tokens, ast::AstContext& ctx,
         bool invalid_rules);

  /// file: [statements] ENDMARKER
  ast::ModuleNode* parse_file();

  const std::optional<ParseError>& error() const { return error_; }
  /// Index of the furthest token looked at.
  size_t furthest() const { return furthest_; }
  const Token& token_at(size_t i) const { return tokens_[i]; }
  /// True if the parser looked at the tokenizer's Error token.
  bool reached_lex_error() const { return reached_lex_error_; }

 private:
  friend class FStringParser;

  // --- tokens --------------------------------------------------------------------
  const Token& peek() {
    if (pos_ > furthest_) furthest_ = pos_;
    const Token& t = tokens_[pos_];
    if (t.kind == TokenKind::Error) on_error_token();
    return t;
  }
  const Token& peek_at(size_t offset) {
    size_t i = pos_ + offset;
    if (i >= tokens_.size()) i = tokens_.size() - 1;
    for (size_t k = pos_; k <= i; ++k) {
      if (tokens_[k].kind == TokenKind::Error || tokens_[k].kind == TokenKind::EndMarker) {
        i = k;
        break;
      }
    }
    if (i > furthest_) furthest_ = i;
    const Token& t = tokens_[i];
    if (t.kind == TokenKind::Error) on_error_token();
    return t;
  }
  TokenKind kind() { return peek().kind; }
  bool at(TokenKind k) { return peek().kind == k; }
  bool at_soft(std::string_view word) {
    const Token& t = peek();
    return t.kind == TokenKind::Name && t.text == word;
  }
  const Token& advance() {
    const Token& t = peek();
    if (t.kind != TokenKind::EndMarker && t.kind != TokenKind::Error) ++pos_;
    return t;
  }
  bool accept(TokenKind k) {
    if (!at(k)) return false;
    advance();
    return true;
  }
  void on_error_token();

  Loc start_loc() { return peek().range.begin; }
  /// End of the last consumed token that is not NEWLINE/INDENT/DEDENT.
  Loc end_loc() const;
  const Token& prev() const { return tokens_[pos_ - 1]; }

  // --- errors --------------------------------------------------------------------
  bool failed() const { return error_.has_value(); }
  /// Raises a hard SyntaxError (or the class of `id`).
  void raise(diag::DiagId id, diag::Range range, std::string message);
  void raise_syntax(diag::Range range, std::string message) {
    raise(diag::DiagId::SyntaxErrorMessage, range, std::move(message));
  }
  /// RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, ...): at a node.
  void raise_at_node(const ast::Node* n, std::string message);
  /// RAISE_SYNTAX_ERROR_KNOWN_RANGE(a, b, ...).
  void raise_range(const ast::Node* a, const ast::Node* b, std::string message);
  /// RAISE_SYNTAX_ERROR_KNOWN_LOCATION at a token.
  void raise_at_token(const Token& t, std::string message);
  /// RAISE_SYNTAX_ERROR(...) without location: CPython uses the last token
  /// fetched.
  void raise_at_last(std::string message);
  /// RAISE_SYNTAX_ERROR_ON_NEXT_TOKEN.
  void raise_on_next_token(std::string message);
  /// RAISE_SYNTAX_ERROR_STARTING_FROM(a, ...).
  void raise_from_token(const Token& t, std::string message);
  void raise_from_node(const ast::Node* n, std::string message);
  /// Recursion guard; false (after raising) when too deep.
  bool enter();
  void leave() { --depth_; }

  // --- memoization (second pass only) -------------------------------------------
  // The invalid_* checks re-parse the same spans many times; like CPython's
  // packrat memo this keeps the second pass linear (nested brackets would
  // otherwise cost exponential time). The memoized rules are the ones CPython
  // memoizes, keyed like CPython's by position only, so a result computed with
  // the invalid checks off is reused with them on, as in CPython.
  enum MemoRule : uint32_t {
    kMemoExpression,
    kMemoStarExpression,
    kMemoDisjunction,
    kMemoBitwiseOr,
    kMemoPrimary,
  };
  struct MemoEntry {
    ast::Node* node;
    size_t end;
  };
  ast::Node* memo(MemoRule rule, ast::Node* (Parser::*impl)()) {
    if (!memo_enabled_) return (this->*impl)();
    uint64_t key = (static_cast<uint64_t>(pos_) << 4) | static_cast<uint64_t>(rule);
    auto it = memo_.find(key);
    if (it != memo_.end()) {
      pos_ = it->second.end;
      return it->second.node;
    }
    ast::Node* result = (this->*impl)();
    if (!failed()) memo_.emplace(key, MemoEntry{result, pos_});
    return result;
  }

  // --- node construction ----------------------------------------------------------
  template <class T>
  T* make(Loc begin, Loc end) {
    T* n = ctx_.make<T>();
    n->lineno = begin.line;
    n->col_offset = begin.col;
    n->end_lineno = end.line;
    n->end_col_offset = end.col;
    return n;
  }
  template <class T>
  ast::ArenaList<T> list(const std::vector<T>& v) {
    return ctx_.make_list(v);
  }
  std::string_view identifier(const Token& t);
  ast::NameNode* name_from_token(const Token& t, ast::ExprContext ctx);

  // --- statements (parse_stmt.cc) ---------------------------------------------------
  bool statements(std::vector<ast::Node*>& out);
  bool statement(std::vector<ast::Node*>& out);
  bool simple_stmts(std::vector<ast::Node*>& out);
  ast::Node* simple_stmt();
  ast::Node* compound_stmt();
  ast::Node* assignment_or_expr();
  ast::Node* annotated_rhs();
  ast::Node* return_stmt();
  ast::Node* raise_stmt();
  ast::Node* global_stmt(bool nonlocal);
  ast::Node* del_stmt();
  ast::Node* assert_stmt();
  ast::Node* import_name();
  ast::Node* import_from();
  ast::Node* type_alias();
  bool block(std::vector<ast::Node*>& out, const Token& owner, const char* what);
  ast::Node* function_def(std::vector<ast::Node*>* decorators, Loc start);
  ast::Node* class_def(std::vector<ast::Node*>* decorators, Loc start);
  ast::Node* decorated();
  ast::Node* if_stmt(bool elif);
  bool else_block(std::vector<ast::Node*>& out);
  ast::Node* while_stmt();
  ast::Node* for_stmt(bool is_async, Loc start);
  ast::Node* with_stmt(bool is_async, Loc start);
  ast::Node* with_item();
  ast::Node* try_stmt();
  ast::Node* except_block(bool star);
  ast::Node* match_stmt();
  ast::Node* case_block();

  // --- expressions (parse_expr.cc) ---------------------------------------------------
  ast::Node* expressions();
  // Rules memoized in the second pass (see memo()): the public name
  // consults the memo, the _impl does the work.
  ast::Node* expression() { return memo(kMemoExpression, &Parser::expression_impl); }
  ast::Node* expression_impl();
  ast::Node* expression_without_invalid();
  ast::Node* yield_expr();
  ast::Node* star_expressions() { return star_expressions_impl(); }
  ast::Node* star_expressions_impl();
  ast::Node* star_expression() { return memo(kMemoStarExpression, &Parser::star_expression_impl); }
  ast::Node* star_expression_impl();
  ast::Node* star_named_expression() { return star_named_expression_impl(); }
  ast::Node* star_named_expression_impl();
  ast::Node* named_expression() { return named_expression_impl(); }
  ast::Node* named_expression_impl();
  ast::Node* disjunction() { return memo(kMemoDisjunction, &Parser::disjunction_impl); }
  ast::Node* disjunction_impl();
  ast::Node* conjunction();
  ast::Node* inversion();
  ast::Node* comparison();
  ast::Node* bitwise_or() { return memo(kMemoBitwiseOr, &Parser::bitwise_or_impl); }
  ast::Node* bitwise_or_impl();
  ast::Node* binary(int min_prec);
  ast::Node* factor();
  ast::Node* await_primary();
  ast::Node* primary() { return memo(kMemoPrimary, &Parser::primary_impl); }
  ast::Node* primary_impl();
  ast::Node* trailers(ast::Node* e, Loc start);
  ast::Node* atom() { return atom_impl(); }
  ast::Node* atom_impl();
  ast::Node* paren_atom();
  ast::Node* list_atom();
  ast::Node* brace_atom();
  ast::Node* slices();
  ast::Node* slice();
  ast::Node* lambdef_prefix(Loc* start);
  ast::Node* call(ast::Node* func, Loc start);
  bool arguments(std::vector<ast::Node*>& args, std::vector<ast::Node*>& keywords, Loc open,
                 bool allow_genexp);
  ast::Node* named_expression_arg();
  bool for_if_clauses(std::vector<ast::Node*>& out);
  ast::Node* number(const Token& t);
  ast::Node* constant(ast::ConstKind k, const Token& t);

  // --- parameters and type parameters (parse_params.cc) -----------------------------
  ast::Node* parameters(bool lambda);
  ast::Node* empty_arguments();
  ast::Node* param(bool lambda, bool star_annotation);
  bool type_params(std::vector<ast::Node*>& out);

  // --- strings (parse_strings.cc) -------------------------------------------------------
  ast::Node* strings();
  ast::Node* string_constant(const Token& t, bool* is_bytes);
  ast::Node* fstring();
  ast::Node* fstring_replacement_field(bool raw);
  ast::Node* fstring_format_spec(bool raw, Loc colon_start);
  ast::Node* concatenate(std::vector<ast::Node*>& parts, Loc begin, Loc end);
  bool decode_literal(std::string_view body, bool raw, bool bytes, const Token& t, size_t body_offset,
                      std::string& out);

  // --- targets (parse_targets.cc) ----------------------------------------------------------
  ast::Node* star_targets();
  ast::Node* star_target();
  bool set_ctx(ast::Node* e, ast::ExprContext ctx, TargetsType type);
  /// The first node of `e` that is not a valid target (for the message).
  const ast::Node* invalid_target(const ast::Node* e, TargetsType type);
  void raise_invalid_target(TargetsType type, const ast::Node* e);
  std::string expr_name(const ast::Node* e);

  // --- patterns (parse_pattern.cc) ---------------------------------------------------------
  ast::Node* patterns();
  ast::Node* pattern();
  ast::Node* or_pattern();
  ast::Node* closed_pattern();
  ast::Node* maybe_star_pattern();
  ast::Node* star_pattern();
  ast::Node* literal_expr_or_pattern(bool as_pattern);
  ast::Node* signed_number();
  ast::Node* name_or_attr();
  ast::Node* class_pattern_args(ast::Node* cls, Loc start);
  ast::Node* mapping_pattern();
  std::string_view capture_target();

  // --- invalid rules (parse_invalid.cc), second pass only ----------------------------
  bool invalid_expression(ast::Node* a, size_t start_pos);
  bool invalid_legacy_expression(size_t start_pos);
  bool invalid_named_expression(ast::Node* a, size_t start_pos);
  void invalid_assignment(ast::Node* first, size_t start_pos);
  bool invalid_block(const Token& owner, const char* what);
  void invalid_arguments(size_t open_pos);
  bool invalid_kwarg();
  void invalid_comprehension(size_t open_pos);
  void invalid_dict(size_t open_pos);
  void invalid_parameters(size_t start_pos, bool lambda);
  void invalid_for_target(size_t for_pos);
  void invalid_with_stmt(size_t with_pos, bool is_async);
  void invalid_try_stmt(size_t try_pos);
  void invalid_except_stmt(size_t except_pos);
  void invalid_fstring_field(size_t lbrace_pos);

  const diag::SourceFile& file_;
  const std::vector<Token>& tokens_;
  std::string_view text_;
  ast::AstContext& ctx_;
  const lex::TokenStream& stream_;
  bool invalid_rules_;
  size_t pos_ = 0;
  size_t furthest_ = 0;
  int depth_ = 0;
  bool reached_lex_error_ = false;
  std::optional<ParseError> error_;
  std::string scratch_;
  bool memo_enabled_;
  std::unordered_map<uint64_t, MemoEntry> memo_;
  std::unordered_set<size_t> invalid_named_checked_;
};

/// True for the tokens that can begin an expression (star_expressions).
bool starts_expression(TokenKind k);

}  // namespace molt::parse
