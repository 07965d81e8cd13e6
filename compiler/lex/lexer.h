// lexer.h — the Python 3.12 tokenizer.
//
// The tokenizer reproduces CPython 3.12's C tokenizer (Parser/tokenizer.c):
// the same tokens, the same positions (1-based lines, 0-based UTF-8 byte
// columns) and the same errors with CPython's messages. The whole file is
// tokenized up front; the parser then walks the token vector, which makes
// backtracking cheap.
//
// Errors: the tokenizer stops at the first error. The token stream then ends
// with an Error token, and the error itself is kept in TokenStream::error so
// that the parser can decide, as CPython does, whether the tokenizer error or
// its own error is the one to report (see LexError::kind).
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostics.h"
#include "diag/source.h"

namespace molt::lex {

/// Every token kind; see token_kinds.def.
enum class TokenKind : uint8_t {
#define MOLT_TOKEN(kind, pyname) kind,
#include "lex/token_kinds.def"
#undef MOLT_TOKEN
};

/// Number of token kinds.
inline constexpr size_t kTokenKindCount = 0
#define MOLT_TOKEN(kind, pyname) +1
#include "lex/token_kinds.def"
#undef MOLT_TOKEN
    ;

/// CPython's token name for a kind ("NAME", "LPAR", "NEWLINE", ...). Keywords
/// report "NAME".
std::string_view token_kind_name(TokenKind kind);
/// The fixed spelling of an operator or keyword kind ("(", "if"); empty for
/// the other kinds.
std::string_view token_kind_spelling(TokenKind kind);
/// True for the operator/delimiter kinds (CPython's OP tokens).
bool is_operator(TokenKind kind);
/// True for hard keywords.
bool is_keyword(TokenKind kind);

/// A set of token kinds, usable in constant expressions (the parser's
/// "can this token start an X" tests).
class TokenSet {
 public:
  constexpr TokenSet(std::initializer_list<TokenKind> kinds) {
    for (TokenKind k : kinds)
      bits_[static_cast<size_t>(k) / 64] |= uint64_t{1} << (static_cast<size_t>(k) % 64);
  }
  constexpr bool contains(TokenKind k) const {
    return (bits_[static_cast<size_t>(k) / 64] >> (static_cast<size_t>(k) % 64)) & 1;
  }

 private:
  uint64_t bits_[(kTokenKindCount + 63) / 64] = {};
};

/// Token flags.
enum TokenFlags : uint8_t {
  /// A NAME that contains non-ASCII characters (needs NFKC normalisation).
  kTokNonAscii = 1,
};

/// One token. `text` views the tokenizer's UTF-8 buffer (see TokenStream),
/// so all tokens of a stream are slices of one contiguous string; the parser
/// relies on that to recover source text between two tokens (f-string
/// debug expressions).
struct Token {
  TokenKind kind = TokenKind::EndMarker;
  uint8_t flags = 0;
  /// Parenthesis nesting depth after this token, as CPython's token->level.
  uint16_t level = 0;
  diag::Range range;
  std::string_view text;
};

/// How a tokenizer error competes with a parser error, mirroring
/// _PyPegen_tokenize_full_source_to_check_for_errors in CPython.
enum class LexErrorKind : uint8_t {
  /// Raised as an exception by CPython's tokenizer (bad literal, bad
  /// character, unterminated string, mismatched bracket, ...): it wins over
  /// any parser error, even one earlier in the file.
  Raised,
  /// Raised inside an f-string: reported only if the parser reaches it.
  RaisedInFString,
  /// A tokenizer state error CPython turns into an exception only when the
  /// parser asks for the token (bad dedent, tabs, too deep, continuation).
  State,
  /// End of file inside brackets ("'(' was never closed"): reported when the
  /// parser reaches it, or instead of a parser error on a later line.
  EofInBrackets,
  /// The source could not be decoded (encoding declaration, BOM, NUL): no
  /// tokens at all.
  Decode,
};

/// The first error the tokenizer found.
struct LexError {
  diag::DiagId id;
  LexErrorKind kind;
  diag::Range range;
  std::string message;
};

/// The result of tokenizing one source file.
struct TokenStream {
  /// The source as UTF-8 (a copy only when the file declared another
  /// encoding; otherwise it views the SourceFile's text).
  std::string_view text;
  std::string decoded_storage;
  std::vector<Token> tokens;
  std::optional<LexError> error;
};

/// Options of a tokenizer run.
struct LexOptions {
  /// Also produce COMMENT and NL tokens and the whitespace-carrying forms of
  /// NEWLINE/INDENT, like Python's `tokenize` module.
  bool extra_tokens = false;
};

/// Tokenizes `file` into `out`. Never fails hard: on error, `out.error` is
/// set and the token vector ends with an Error token (or is empty for a
/// Decode error). `out` must not be moved while its tokens are in use when
/// the source was transcoded.
void lex_source(const diag::SourceFile& file, TokenStream& out, LexOptions options = {});

/// Tokenizes the whole file, including COMMENT and NL tokens (used by
/// `molt build --emit=tokens`). Returns false after reporting the error to
/// `diags`. Token texts view `file.text()`, except for sources in a declared
/// non-UTF-8 encoding, whose transcoded text is kept alive for the rest of
/// the process.
bool tokenize(const diag::SourceFile& file, std::vector<Token>& out, diag::DiagnosticEngine& diags);

/// The same, into a TokenStream that owns any transcoded text (no
/// process-lifetime storage); preferred for repeated use.
bool tokenize(const diag::SourceFile& file, TokenStream& out, diag::DiagnosticEngine& diags);

/// Prints tokens one per line in the format of `python -m tokenize`:
///   1,0-1,5:            NAME           'print'
std::string dump_tokens(const diag::SourceFile& file, const std::vector<Token>& tokens);

/// Reports a tokenizer error to `diags`.
void report_lex_error(const LexError& error, diag::DiagnosticEngine& diags);

}  // namespace molt::lex
