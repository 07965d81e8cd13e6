// lexer.cc — the tokenizer's reader, token emission, errors, indentation
// and the regular mode (names, numbers, operators, brackets).
#include <cstdio>
#include <cstring>

#include "lex/lexer_impl.h"
#include "lex/unicode.h"

namespace molt::lex {

using diag::DiagId;

Lexer::Lexer(std::string_view text, LexOptions options, TokenStream& out)
    : text_(text), options_(options), out_(out) {}

// --- reader ---------------------------------------------------------------------

int Lexer::nextc() {
  if (pending_newline_) {
    // CPython counts a line when it reads the line's first byte; at end of
    // input there is no further line.
    if (pos_ >= text_.size()) return kEof;
    pending_newline_ = false;
    ++line_;
    line_start_ = pos_;
  }
  if (pos_ >= text_.size()) {
    // CPython appends a newline to input that does not end with one.
    bool ends_with_newline = !text_.empty() && (text_.back() == '\n' || text_.back() == '\r');
    if (!implicit_newline_done_ && !ends_with_newline) {
      implicit_newline_done_ = true;
      last_newline_width_ = 0;
      pending_newline_ = true;
      return '\n';
    }
    return kEof;
  }
  unsigned char c = static_cast<unsigned char>(text_[pos_]);
  if (c == '\n') {
    ++pos_;
    last_newline_width_ = 1;
    pending_newline_ = true;
    return '\n';
  }
  if (c == '\r') {
    // Universal newlines: CR LF and a lone CR both read as LF.
    bool crlf = pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n';
    pos_ += crlf ? 2 : 1;
    last_newline_width_ = crlf ? 2 : 1;
    pending_newline_ = true;
    return '\n';
  }
  ++pos_;
  return c;
}

void Lexer::backup(int c) {
  if (c == kEof) return;
  if (c == '\n') {
    pending_newline_ = false;
    if (last_newline_width_ == 0) {
      implicit_newline_done_ = false;
    } else {
      pos_ -= static_cast<size_t>(last_newline_width_);
    }
    return;
  }
  --pos_;
}

uint32_t Lexer::cur_col() const {
  size_t col = pos_ - line_start_;
  if (pending_newline_) col = col - static_cast<size_t>(last_newline_width_) + 1;
  return static_cast<uint32_t>(col);
}

// --- tokens ---------------------------------------------------------------------

void Lexer::mark_start() {
  // The byte just read starts the token.
  size_t start = pos_;
  uint32_t col;
  if (pending_newline_) {
    start -= static_cast<size_t>(last_newline_width_);
    col = static_cast<uint32_t>(start - line_start_);
  } else {
    start -= 1;
    col = static_cast<uint32_t>(start - line_start_);
  }
  tok_start_ = start;
  tok_line_ = line_;
  tok_col_ = col;
}

void Lexer::emit(TokenKind kind) {
  emit_text(kind, text_.substr(tok_start_, pos_ - tok_start_));
}

void Lexer::emit_text(TokenKind kind, std::string_view text) {
  Token t;
  t.kind = kind;
  t.level = static_cast<uint16_t>(level_);
  t.range.begin = diag::Loc{tok_line_, tok_col_};
  t.range.end = diag::Loc{line_, cur_col()};
  t.text = text;
  out_.tokens.push_back(t);
}

void Lexer::emit_empty(TokenKind kind) {
  Token t;
  t.kind = kind;
  t.level = static_cast<uint16_t>(level_);
  uint32_t col = cur_col();
  t.range.begin = diag::Loc{line_, col};
  t.range.end = t.range.begin;
  t.text = text_.substr(pos_ > text_.size() ? text_.size() : pos_, 0);
  out_.tokens.push_back(t);
}

// --- errors ---------------------------------------------------------------------

void Lexer::error_at(DiagId id, std::string message, uint32_t line, uint32_t col, uint32_t end_col,
                     LexErrorKind kind) {
  if (failed_) return;
  failed_ = true;
  if (kind == LexErrorKind::Raised && inside_fstring()) kind = LexErrorKind::RaisedInFString;
  LexError e{id, kind, diag::Range{{line, col}, {line, end_col}}, std::move(message)};
  out_.error = std::move(e);
  Token t;
  t.kind = TokenKind::Error;
  t.level = static_cast<uint16_t>(level_);
  t.range = out_.error->range;
  t.text = text_.substr(pos_ > text_.size() ? text_.size() : pos_, 0);
  out_.tokens.push_back(t);
}

void Lexer::error_here(DiagId id, std::string message) {
  // CPython's syntaxerror() points at the last character read.
  uint32_t end = cur_col();
  uint32_t begin = end;
  if (begin > 0) {
    size_t p = line_start_ + begin - 1;
    --begin;
    while (begin > 0 && p < text_.size() && (static_cast<unsigned char>(text_[p]) & 0xC0) == 0x80) {
      --p;
      --begin;
    }
  }
  error_at(id, std::move(message), line_, begin, end);
}

void Lexer::state_error(DiagId id, std::string message, uint32_t col) {
  error_at(id, std::move(message), line_, col, col + 1, LexErrorKind::State);
}

// --- driver ---------------------------------------------------------------------

void Lexer::run() {
  out_.tokens.reserve(text_.size() / 4 + 16);
  while (!failed_ && !done_) {
    if (!next_token()) break;
  }
}

bool Lexer::next_token() {
  if (!modes_.empty() && !modes_.back().regular) return fstring_mode(modes_.back());
  return regular_mode();
}

// --- indentation ------------------------------------------------------------------

// Processes the indentation at the beginning of a line. Returns false on
// error. Sets blankline_.
bool Lexer::indentation() {
  atbol_ = false;
  int col = 0, altcol = 0, cont_line_col = 0;
  int c;
  for (;;) {
    c = nextc();
    if (c == ' ') {
      ++col;
      ++altcol;
    } else if (c == '\t') {
      col = (col / kTabSize + 1) * kTabSize;
      ++altcol;  // the "alternate" tab size is 1
    } else if (c == '\014') {
      col = altcol = 0;
    } else if (c == '\\') {
      // A backslash in the indentation: the first one fixes the level.
      cont_line_col = cont_line_col ? cont_line_col : col;
      int c2 = nextc();
      if (c2 != '\n') {
        backup(c2);
        state_error(DiagId::UnexpectedCharAfterContinuation,
                    "unexpected character after line continuation character", cur_col());
        return false;
      }
      int c3 = nextc();
      if (c3 == kEof) {
        state_error(DiagId::UnexpectedEofContinuation, "unexpected EOF while parsing", cur_col());
        return false;
      }
      backup(c3);
    } else {
      break;
    }
  }
  backup(c);
  blankline_ = false;
  if (c == '#' || c == '\n') {
    // Lines holding only whitespace and/or a comment do not count (the end
    // of input is not blank: it closes every open block).
    blankline_ = true;
  }
  if (blankline_ || level_ != 0) return true;
  if (cont_line_col) {
    col = cont_line_col;
    altcol = cont_line_col;
  }
  auto tab_error = [&] {
    error_at(DiagId::InconsistentTabs, "inconsistent use of tabs and spaces in indentation", line_, 0, 0,
             LexErrorKind::State);
  };
  if (col == indstack_[indent_]) {
    if (altcol != altindstack_[indent_]) {
      tab_error();
      return false;
    }
  } else if (col > indstack_[indent_]) {
    if (indent_ + 1 >= kMaxIndent) {
      error_at(DiagId::TooManyIndentationLevels, "too many levels of indentation", line_, 0, 0,
               LexErrorKind::State);
      return false;
    }
    if (altcol <= altindstack_[indent_]) {
      tab_error();
      return false;
    }
    ++pendin_;
    indstack_[++indent_] = col;
    altindstack_[indent_] = altcol;
  } else {
    while (indent_ > 0 && col < indstack_[indent_]) {
      --pendin_;
      --indent_;
    }
    if (col != indstack_[indent_]) {
      std::string_view rest = text_.substr(line_start_);
      size_t len = 0;
      while (len < rest.size() && rest[len] != '\n' && rest[len] != '\r') ++len;
      error_at(DiagId::UnindentMismatch, "unindent does not match any outer indentation level", line_,
               static_cast<uint32_t>(len), static_cast<uint32_t>(len) + 1, LexErrorKind::State);
      return false;
    }
    if (altcol != altindstack_[indent_]) {
      tab_error();
      return false;
    }
  }
  return true;
}

// --- regular mode -----------------------------------------------------------------

namespace {

bool is_potential_identifier_start(int c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 128;
}

bool is_potential_identifier_char(int c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c >= 128;
}

bool is_digit(int c) {
  return c >= '0' && c <= '9';
}
bool is_xdigit(int c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

struct KeywordEntry {
  std::string_view text;
  TokenKind kind;
};

constexpr KeywordEntry kKeywords[] = {
#define MOLT_TOKEN(kind, pyname)
#define MOLT_OP(kind, pyname, text)
#define MOLT_KEYWORD(kind, text) {text, TokenKind::kind},
#include "lex/token_kinds.def"
#undef MOLT_KEYWORD
#undef MOLT_OP
#undef MOLT_TOKEN
};

TokenKind classify_name(std::string_view name) {
  if (name.size() < 2 || name.size() > 8) return TokenKind::Name;
  for (const KeywordEntry& k : kKeywords) {
    if (k.text == name) return k.kind;
  }
  return TokenKind::Name;
}

}  // namespace

bool Lexer::regular_mode() {
  int c;
nextline:
  blankline_ = false;
  if (atbol_) {
    if (!indentation()) return false;
  }
  // Pending INDENT/DEDENT tokens.
  if (pendin_ != 0) {
    if (pendin_ < 0) {
      ++pendin_;
      emit_empty(TokenKind::Dedent);
    } else {
      --pendin_;
      tok_start_ = line_start_;
      tok_line_ = line_;
      tok_col_ = 0;
      emit(TokenKind::Indent);
    }
    return true;
  }

again:
  do {
    c = nextc();
  } while (c == ' ' || c == '\t' || c == '\014');
  mark_start();

  if (c == '#') {
    while (c != kEof && c != '\n') c = nextc();
    backup(c);
    if (options_.extra_tokens) {
      emit(TokenKind::Comment);
      // The newline ending a comment-only line is an NL token.
      comment_newline_ = blankline_;
      return true;
    }
    c = nextc();
    mark_start();
  }

  if (c == kEof) {
    if (level_ > 0) {
      // '(' was never closed: CPython reports the innermost open bracket.
      char buf[64];
      std::snprintf(buf, sizeof buf, "'%c' was never closed", parenstack_[level_ - 1]);
      error_at(DiagId::NeverClosed, buf, parenline_[level_ - 1], parencol_[level_ - 1],
               parencol_[level_ - 1] + 1, LexErrorKind::EofInBrackets);
      return false;
    }
    // The indentation pass at end of input has closed the open blocks
    // already (as in CPython); this only guards unusual paths.
    while (indent_ > 0) {
      --indent_;
      emit_empty(TokenKind::Dedent);
    }
    emit_empty(TokenKind::EndMarker);
    // CPython locates errors at the end marker one column to the left.
    Token& end = out_.tokens.back();
    if (end.range.begin.col > 0) end.range.begin.col = end.range.end.col = end.range.begin.col - 1;
    done_ = true;
    return true;
  }

  if (is_potential_identifier_start(c)) {
    // String prefixes: any combination of b/r/u/f CPython allows.
    bool saw_b = false, saw_r = false, saw_u = false, saw_f = false;
    for (;;) {
      if (!(saw_b || saw_u || saw_f) && (c == 'b' || c == 'B')) {
        saw_b = true;
      } else if (!(saw_b || saw_u || saw_r || saw_f) && (c == 'u' || c == 'U')) {
        saw_u = true;
      } else if (!(saw_r || saw_u) && (c == 'r' || c == 'R')) {
        saw_r = true;
      } else if (!(saw_f || saw_b || saw_u) && (c == 'f' || c == 'F')) {
        saw_f = true;
      } else {
        break;
      }
      c = nextc();
      if (c == '"' || c == '\'') {
        if (saw_f) return fstring_start(c);
        return string_literal(c);
      }
    }
    return identifier(c);
  }

  if (c == '\n') {
    atbol_ = true;
    if (blankline_ || level_ > 0 || (options_.extra_tokens && comment_newline_)) {
      comment_newline_ = false;
      if (options_.extra_tokens) {
        emit(TokenKind::NL);
        return true;
      }
      goto nextline;
    }
    emit(TokenKind::Newline);
    return true;
  }

  if (c == '.') {
    c = nextc();
    if (is_digit(c)) return number('.');
    if (c == '.') {
      int c2 = nextc();
      if (c2 == '.') {
        emit(TokenKind::Ellipsis);
        return true;
      }
      backup(c2);
    }
    backup(c);
    emit(TokenKind::Dot);
    return true;
  }

  if (is_digit(c)) return number(c);

  if (c == '\'' || c == '"') return string_literal(c);

  if (c == '\\') {
    c = nextc();
    if (c != '\n') {
      // CPython points just past the offending character.
      uint32_t col = cur_col();
      backup(c);
      state_error(DiagId::UnexpectedCharAfterContinuation,
                  "unexpected character after line continuation character", col > 0 ? col - 1 : 0);
      return false;
    }
    c = nextc();
    if (c == kEof) {
      state_error(DiagId::UnexpectedEofContinuation, "unexpected EOF while parsing", cur_col());
      return false;
    }
    backup(c);
    goto again;
  }

  return operator_token(c);
}

bool Lexer::identifier(int c) {
  bool nonascii = false;
  while (is_potential_identifier_char(c)) {
    if (c >= 128) nonascii = true;
    c = nextc();
  }
  backup(c);
  if (nonascii && !verify_identifier()) return false;
  std::string_view text = text_.substr(tok_start_, pos_ - tok_start_);
  emit(nonascii ? TokenKind::Name : classify_name(text));
  if (nonascii) out_.tokens.back().flags |= kTokNonAscii;
  return true;
}

bool Lexer::verify_identifier() {
  std::string_view s = text_.substr(tok_start_, pos_ - tok_start_);
  unicode::Utf8Problem problem;
  if (!unicode::validate_utf8(s, &problem)) {
    uint32_t col = tok_col_ + static_cast<uint32_t>(problem.start);
    error_at(DiagId::InvalidUtf8Detail, "(unicode error) " + unicode::utf8_error_text(s, problem), tok_line_,
             col, col + 1);
    return false;
  }
  // The first character must be XID_Start (or '_'), the others XID_Continue.
  const char* p = s.data();
  const char* end = p + s.size();
  bool first = true;
  while (p < end) {
    uint32_t cp;
    size_t len = unicode::decode_utf8(p, end, &cp);
    bool ok = first ? (unicode::is_xid_start(cp) || cp == '_') : unicode::is_xid_continue(cp);
    if (!ok) {
      // CPython truncates the token after the bad character and reports it
      // there.
      pos_ = static_cast<size_t>(p - text_.data()) + len;
      char buf[96];
      if (unicode::is_printable(cp)) {
        std::string ch;
        unicode::append_utf8(ch, cp);
        std::snprintf(buf, sizeof buf, "invalid character '%s' (U+%04X)", ch.c_str(), cp);
        error_here(DiagId::InvalidCharacter, buf);
      } else {
        std::snprintf(buf, sizeof buf, "invalid non-printable character U+%04X", cp);
        error_here(DiagId::InvalidNonPrintableCharacter, buf);
      }
      return false;
    }
    first = false;
    p += len;
  }
  return true;
}

// --- numbers ----------------------------------------------------------------------

// CPython's verify_end_of_number: a number directly followed by a name.
bool Lexer::verify_end_of_number(int c, const char* kind) {
  if (options_.extra_tokens) return true;
  // A few keywords may directly follow a number in valid code ("1if x
  // else y"): CPython only warns about those.
  // The rest of the keyword, not followed by another identifier character.
  auto lookahead = [&](const char* rest) {
    size_t n = std::strlen(rest);
    if (text_.compare(pos_, n, rest) != 0) return false;
    return pos_ + n >= text_.size() ||
           !is_potential_identifier_char(static_cast<unsigned char>(text_[pos_ + n]));
  };
  bool keyword = false;
  switch (c) {
    case 'a': keyword = lookahead("nd"); break;
    case 'e': keyword = lookahead("lse"); break;
    case 'f': keyword = lookahead("or"); break;
    case 'i':
      keyword = pos_ < text_.size() && (text_[pos_] == 'f' || text_[pos_] == 'n' || text_[pos_] == 's');
      break;
    case 'o': keyword = lookahead("r"); break;
    case 'n': keyword = lookahead("ot"); break;
    default: break;
  }
  if (keyword) return true;
  if (c < 128 && is_potential_identifier_char(c)) {
    backup(c);
    char buf[64];
    std::snprintf(buf, sizeof buf, "invalid %s literal", kind);
    DiagId id = DiagId::InvalidDecimalLiteral;
    if (std::strcmp(kind, "hexadecimal") == 0) id = DiagId::InvalidHexLiteral;
    if (std::strcmp(kind, "octal") == 0) id = DiagId::InvalidOctalLiteral;
    if (std::strcmp(kind, "binary") == 0) id = DiagId::InvalidBinaryLiteral;
    if (std::strcmp(kind, "imaginary") == 0) id = DiagId::InvalidImaginaryLiteral;
    error_here(id, buf);
    return false;
  }
  return true;
}

// Reads the rest of a run of digits with single underscores; returns the
// first character after it, or 0 after reporting an error.
int Lexer::decimal_tail() {
  int c;
  for (;;) {
    do {
      c = nextc();
    } while (is_digit(c));
    if (c != '_') break;
    c = nextc();
    if (!is_digit(c)) {
      backup(c);
      error_here(DiagId::InvalidDecimalLiteral, "invalid decimal literal");
      return 0;
    }
  }
  return c;
}

bool Lexer::number(int c) {
  if (c == '.') goto fraction_entry;
  if (c == '0') {
    c = nextc();
    if (c == 'x' || c == 'X') {
      c = nextc();
      do {
        if (c == '_') c = nextc();
        if (!is_xdigit(c)) {
          backup(c);
          error_here(DiagId::InvalidHexLiteral, "invalid hexadecimal literal");
          return false;
        }
        do {
          c = nextc();
        } while (is_xdigit(c));
      } while (c == '_');
      if (!verify_end_of_number(c, "hexadecimal")) return false;
    } else if (c == 'o' || c == 'O') {
      c = nextc();
      do {
        if (c == '_') c = nextc();
        if (c < '0' || c >= '8') {
          if (is_digit(c)) {
            char buf[64];
            std::snprintf(buf, sizeof buf, "invalid digit '%c' in octal literal", c);
            error_here(DiagId::InvalidDigitInOctal, buf);
          } else {
            backup(c);
            error_here(DiagId::InvalidOctalLiteral, "invalid octal literal");
          }
          return false;
        }
        do {
          c = nextc();
        } while (c >= '0' && c < '8');
      } while (c == '_');
      if (is_digit(c)) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "invalid digit '%c' in octal literal", c);
        error_here(DiagId::InvalidDigitInOctal, buf);
        return false;
      }
      if (!verify_end_of_number(c, "octal")) return false;
    } else if (c == 'b' || c == 'B') {
      c = nextc();
      do {
        if (c == '_') c = nextc();
        if (c != '0' && c != '1') {
          if (is_digit(c)) {
            char buf[64];
            std::snprintf(buf, sizeof buf, "invalid digit '%c' in binary literal", c);
            error_here(DiagId::InvalidDigitInBinary, buf);
          } else {
            backup(c);
            error_here(DiagId::InvalidBinaryLiteral, "invalid binary literal");
          }
          return false;
        }
        do {
          c = nextc();
        } while (c == '0' || c == '1');
      } while (c == '_');
      if (is_digit(c)) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "invalid digit '%c' in binary literal", c);
        error_here(DiagId::InvalidDigitInBinary, buf);
        return false;
      }
      if (!verify_end_of_number(c, "binary")) return false;
    } else {
      bool nonzero = false;
      // Zeros, maybe with underscores; then maybe an old-style octal.
      for (;;) {
        if (c == '_') {
          c = nextc();
          if (!is_digit(c)) {
            backup(c);
            error_here(DiagId::InvalidDecimalLiteral, "invalid decimal literal");
            return false;
          }
        }
        if (c != '0') break;
        c = nextc();
      }
      size_t zeros_end = pos_;
      if (is_digit(c)) {
        nonzero = true;
        c = decimal_tail();
        if (c == 0) return false;
      }
      if (c == '.') {
        c = nextc();
        goto fraction;
      } else if (c == 'e' || c == 'E') {
        goto exponent;
      } else if (c == 'j' || c == 'J') {
        goto imaginary;
      } else if (nonzero && !options_.extra_tokens) {
        backup(c);
        // CPython underlines from the second digit to the end of the zeros.
        uint32_t zeros_col = static_cast<uint32_t>(zeros_end - 1 - line_start_);
        error_at(DiagId::LeadingZeros,
                 "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal "
                 "integers",
                 tok_line_, tok_col_, zeros_col > tok_col_ ? zeros_col : tok_col_ + 1);
        return false;
      }
      if (!verify_end_of_number(c, "decimal")) return false;
    }
  } else {
    c = decimal_tail();
    if (c == 0) return false;
    if (c == '.') {
      c = nextc();
    fraction:
      if (is_digit(c)) {
      fraction_entry:
        c = decimal_tail();
        if (c == 0) return false;
      }
    }
    if (c == 'e' || c == 'E') {
      int e;
    exponent:
      e = c;
      c = nextc();
      if (c == '+' || c == '-') {
        c = nextc();
        if (!is_digit(c)) {
          backup(c);
          error_here(DiagId::InvalidDecimalLiteral, "invalid decimal literal");
          return false;
        }
      } else if (!is_digit(c)) {
        backup(c);
        if (!verify_end_of_number(e, "decimal")) return false;
        backup(e);
        emit(TokenKind::Number);
        return true;
      }
      backup(c);
      c = decimal_tail();
      if (c == 0) return false;
    }
    if (c == 'j' || c == 'J') {
    imaginary:
      c = nextc();
      if (!verify_end_of_number(c, "imaginary")) return false;
    } else if (!verify_end_of_number(c, "decimal")) {
      return false;
    }
  }
  backup(c);
  emit(TokenKind::Number);
  return true;
}

// --- operators and brackets ------------------------------------------------------

namespace {

TokenKind one_char(int c) {
  switch (c) {
    case '%': return TokenKind::Percent;
    case '&': return TokenKind::Amper;
    case '(': return TokenKind::LPar;
    case ')': return TokenKind::RPar;
    case '*': return TokenKind::Star;
    case '+': return TokenKind::Plus;
    case ',': return TokenKind::Comma;
    case '-': return TokenKind::Minus;
    case '.': return TokenKind::Dot;
    case '/': return TokenKind::Slash;
    case ':': return TokenKind::Colon;
    case ';': return TokenKind::Semi;
    case '<': return TokenKind::Less;
    case '=': return TokenKind::Equal;
    case '>': return TokenKind::Greater;
    case '@': return TokenKind::At;
    case '[': return TokenKind::LSqb;
    case ']': return TokenKind::RSqb;
    case '^': return TokenKind::Circumflex;
    case '{': return TokenKind::LBrace;
    case '|': return TokenKind::VBar;
    case '}': return TokenKind::RBrace;
    case '~': return TokenKind::Tilde;
    case '!': return TokenKind::Exclamation;
    default: return TokenKind::OtherOp;
  }
}

// Two-character operators; OtherOp when (c1, c2) is not one.
TokenKind two_chars(int c1, int c2) {
  switch (c1) {
    case '!': return c2 == '=' ? TokenKind::NotEqual : TokenKind::OtherOp;
    case '%': return c2 == '=' ? TokenKind::PercentEqual : TokenKind::OtherOp;
    case '&': return c2 == '=' ? TokenKind::AmperEqual : TokenKind::OtherOp;
    case '*':
      if (c2 == '*') return TokenKind::DoubleStar;
      return c2 == '=' ? TokenKind::StarEqual : TokenKind::OtherOp;
    case '+': return c2 == '=' ? TokenKind::PlusEqual : TokenKind::OtherOp;
    case '-':
      if (c2 == '=') return TokenKind::MinEqual;
      return c2 == '>' ? TokenKind::RArrow : TokenKind::OtherOp;
    case '/':
      if (c2 == '/') return TokenKind::DoubleSlash;
      return c2 == '=' ? TokenKind::SlashEqual : TokenKind::OtherOp;
    case ':': return c2 == '=' ? TokenKind::ColonEqual : TokenKind::OtherOp;
    case '<':
      if (c2 == '<') return TokenKind::LeftShift;
      if (c2 == '=') return TokenKind::LessEqual;
      return c2 == '>' ? TokenKind::NotEqual : TokenKind::OtherOp;
    case '=': return c2 == '=' ? TokenKind::EqEqual : TokenKind::OtherOp;
    case '>':
      if (c2 == '=') return TokenKind::GreaterEqual;
      return c2 == '>' ? TokenKind::RightShift : TokenKind::OtherOp;
    case '@': return c2 == '=' ? TokenKind::AtEqual : TokenKind::OtherOp;
    case '^': return c2 == '=' ? TokenKind::CircumflexEqual : TokenKind::OtherOp;
    case '|': return c2 == '=' ? TokenKind::VBarEqual : TokenKind::OtherOp;
    default: return TokenKind::OtherOp;
  }
}

TokenKind three_chars(TokenKind two, int c3) {
  if (c3 != '=') return TokenKind::OtherOp;
  if (two == TokenKind::DoubleStar) return TokenKind::DoubleStarEqual;
  if (two == TokenKind::DoubleSlash) return TokenKind::DoubleSlashEqual;
  if (two == TokenKind::LeftShift) return TokenKind::LeftShiftEqual;
  if (two == TokenKind::RightShift) return TokenKind::RightShiftEqual;
  return TokenKind::OtherOp;
}

}  // namespace

bool Lexer::operator_token(int c) {
  FStringMode* mode = modes_.empty() ? nullptr : &modes_.back();
  // Inside a replacement field, the first top-level '!', ':' or '}' ends the
  // expression; a top-level ':' starts the format spec.
  bool punct = c == ':' || c == '}' || c == '!' || c == '{';
  if (punct && mode && mode->curly_bracket_expr_start_depth >= 0) {
    int cursor = mode->curly_bracket_depth - (c != '{');
    // A new replacement field restarts the expression; its first
    // top-level '!', ':' or '}' ends it (CPython's last_expr_end).
    if (cursor == 0) mode->expr_ended = c != '{';
    if (c == ':' && cursor == mode->curly_bracket_expr_start_depth) {
      mode->regular = false;
      emit(TokenKind::Colon);
      return true;
    }
  }

  int c2 = nextc();
  TokenKind two = two_chars(c, c2);
  if (two != TokenKind::OtherOp) {
    int c3 = nextc();
    TokenKind three = three_chars(two, c3);
    if (three != TokenKind::OtherOp) {
      emit(three);
    } else {
      backup(c3);
      emit(two);
    }
    return true;
  }
  backup(c2);

  switch (c) {
    case '(':
    case '[':
    case '{':
      if (level_ >= kMaxLevel) {
        error_here(DiagId::TooManyNestedParens, "too many nested parentheses");
        return false;
      }
      parenstack_[level_] = static_cast<char>(c);
      parenline_[level_] = line_;
      parencol_[level_] = tok_col_;
      ++level_;
      if (mode) ++mode->curly_bracket_depth;
      break;
    case ')':
    case ']':
    case '}': {
      if (mode && mode->curly_bracket_depth == 0 && c == '}') {
        error_here(DiagId::FStringSingleBrace, "f-string: single '}' is not allowed");
        return false;
      }
      if (!options_.extra_tokens && level_ == 0) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "unmatched '%c'", c);
        error_here(DiagId::UnmatchedClose, buf);
        return false;
      }
      if (level_ > 0) {
        --level_;
        int opening = parenstack_[level_];
        bool match =
            (opening == '(' && c == ')') || (opening == '[' && c == ']') || (opening == '{' && c == '}');
        if (!options_.extra_tokens && !match) {
          if (mode && opening == '{' &&
              mode->curly_bracket_depth - 1 == mode->curly_bracket_expr_start_depth) {
            char buf[48];
            std::snprintf(buf, sizeof buf, "f-string: unmatched '%c'", c);
            error_here(DiagId::FStringUnmatched, buf);
            return false;
          }
          char buf[128];
          if (parenline_[level_] != line_) {
            std::snprintf(buf, sizeof buf,
                          "closing parenthesis '%c' does not match opening parenthesis '%c' on line %u", c,
                          opening, parenline_[level_]);
          } else {
            std::snprintf(buf, sizeof buf, "closing parenthesis '%c' does not match opening parenthesis '%c'",
                          c, opening);
          }
          error_here(DiagId::MismatchedClose, buf);
          return false;
        }
      }
      if (mode) {
        --mode->curly_bracket_depth;
        if (c == '}' && mode->curly_bracket_depth == mode->curly_bracket_expr_start_depth) {
          --mode->curly_bracket_expr_start_depth;
          mode->regular = false;
        }
      }
      break;
    }
    default: break;
  }

  if (c >= 128 || !unicode::is_printable(static_cast<uint32_t>(c))) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "invalid non-printable character U+%04X", static_cast<unsigned>(c));
    error_here(DiagId::InvalidNonPrintableCharacter, buf);
    return false;
  }
  emit(one_char(c));
  return true;
}

}  // namespace molt::lex
