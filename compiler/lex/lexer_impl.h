// lexer_impl.h — the tokenizer state machine (internal to compiler/lex).
//
// The structure follows CPython 3.12's tokenizer so that its many special
// cases line up: a byte reader with one-character backup and lazy line
// counting, a "regular" mode (indentation, names, numbers, operators,
// strings) and an f-string mode (literal parts and the boundaries of
// replacement fields), switched through a stack of modes, one per open
// f-string.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lex/lexer.h"

namespace molt::lex {

/// The state of one open f-string (CPython's tokenizer_mode).
struct FStringMode {
  /// True while tokenizing the expression part of a replacement field
  /// (CPython's TOK_REGULAR_MODE on this stack entry).
  bool regular = false;
  char quote = '"';
  int quote_size = 1;
  bool raw = false;
  /// Brackets opened inside this f-string's replacement fields.
  int curly_bracket_depth = 0;
  /// curly_bracket_depth at which the innermost open replacement field
  /// started; -1 outside replacement fields.
  int curly_bracket_expr_start_depth = -1;
  /// Offset of the FSTRING_START token, its line and the offset of that
  /// line's start (for unterminated-string errors).
  size_t start = 0;
  uint32_t start_line = 0;
  size_t start_line_offset = 0;
  /// Set once the current replacement field's expression has ended (at its
  /// first top-level '!', ':' or '}'); a later '{' starts a nested field in
  /// the format spec.
  bool expr_ended = false;
};

/// One tokenizer run over a UTF-8 buffer.
class Lexer {
 public:
  Lexer(std::string_view text, LexOptions options, TokenStream& out);

  /// Tokenizes everything; stops at the first error.
  void run();

 private:
  static constexpr int kEof = -1;
  static constexpr int kMaxIndent = 100;
  static constexpr int kMaxLevel = 200;
  static constexpr int kMaxFStringLevel = 150;
  static constexpr int kMaxExprNesting = 3;
  static constexpr int kTabSize = 8;

  // --- reader ----------------------------------------------------------------
  int nextc();
  void backup(int c);
  int peekc() {
    int c = nextc();
    backup(c);
    return c;
  }
  /// Column (bytes) of the read position on the current line, as CPython
  /// counts it (a CRLF or the implicit final newline is one column).
  uint32_t cur_col() const;

  // --- tokens ----------------------------------------------------------------
  /// Starts a token at the byte just read.
  void mark_start();
  /// Emits a token from the marked start to the read position.
  void emit(TokenKind kind);
  /// Emits a token with explicit text (FSTRING_MIDDLE, whose text and range
  /// differ for doubled braces).
  void emit_text(TokenKind kind, std::string_view text);
  /// Emits an empty token at the read position (DEDENT, ENDMARKER, ...).
  void emit_empty(TokenKind kind);

  // --- errors ------------------------------------------------------------------
  /// CPython's syntaxerror(): located at the read position.
  void error_here(diag::DiagId id, std::string message);
  /// An error with an explicit 0-based byte column range on `line`.
  void error_at(diag::DiagId id, std::string message, uint32_t line, uint32_t col, uint32_t end_col,
                LexErrorKind kind = LexErrorKind::Raised);
  /// A state error (LexErrorKind::State) located as CPython's parser
  /// locates it: at the tokenizer's current line.
  void state_error(diag::DiagId id, std::string message, uint32_t col);
  bool failed() const { return failed_; }

  // --- modes -------------------------------------------------------------------
  bool next_token();
  bool regular_mode();
  bool fstring_mode(FStringMode& mode);
  bool indentation();
  bool identifier(int c);
  bool number(int c);
  bool string_literal(int quote);
  bool fstring_start(int quote);
  bool operator_token(int c);
  bool verify_identifier();
  bool verify_end_of_number(int c, const char* kind);
  int decimal_tail();
  bool inside_fstring() const { return !modes_.empty(); }

  std::string_view text_;
  size_t pos_ = 0;
  LexOptions options_;
  TokenStream& out_;

  // Line tracking: line_ is the line of the next byte to read, except that
  // after a newline the count advances lazily, when the next byte is read
  // (as CPython reads line by line).
  uint32_t line_ = 1;
  size_t line_start_ = 0;
  bool pending_newline_ = false;
  size_t pending_line_start_ = 0;
  int last_newline_width_ = 1;  // bytes of the last newline read (0: implicit)
  bool implicit_newline_done_ = false;

  // Token start.
  size_t tok_start_ = 0;
  uint32_t tok_line_ = 1;
  uint32_t tok_col_ = 0;

  // Indentation.
  int indstack_[kMaxIndent + 1] = {0};
  int altindstack_[kMaxIndent + 1] = {0};
  int indent_ = 0;
  int pendin_ = 0;
  bool atbol_ = true;
  bool blankline_ = false;
  bool comment_newline_ = false;

  // Brackets.
  int level_ = 0;
  char parenstack_[kMaxLevel];
  uint32_t parenline_[kMaxLevel];
  uint32_t parencol_[kMaxLevel];

  std::vector<FStringMode> modes_;
  bool failed_ = false;
  bool done_ = false;
};

}  // namespace molt::lex
