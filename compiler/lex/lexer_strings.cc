// lexer_strings.cc — string literals, f-string starts and the f-string mode
// (literal parts and the boundaries of replacement fields), as in CPython
// 3.12's tokenizer (PEP 701).
#include <cstdio>

#include "lex/lexer_impl.h"

namespace molt::lex {

using diag::DiagId;

bool Lexer::string_literal(int quote) {
  int quote_size = 1;
  int end_quote_size = 0;
  uint32_t first_line = tok_line_;
  int c = nextc();
  if (c == quote) {
    c = nextc();
    if (c == quote) {
      quote_size = 3;
    } else {
      end_quote_size = 1;  // the empty string
    }
  }
  if (c != quote) backup(c);
  while (end_quote_size != quote_size) {
    c = nextc();
    if (c == kEof || (quote_size == 1 && c == '\n')) {
      uint32_t detected = line_;
      // Inside an f-string, a quote that matches the f-string's own quote
      // means a replacement field was left open.
      if (!modes_.empty()) {
        const FStringMode& m = modes_.back();
        if (m.quote == quote && m.quote_size == quote_size) {
          error_at(DiagId::FStringExpectingBrace, "f-string: expecting '}'", first_line, tok_col_,
                   tok_col_ + 1);
          return false;
        }
      }
      char buf[96];
      if (quote_size == 3) {
        std::snprintf(buf, sizeof buf, "unterminated triple-quoted string literal (detected at line %u)",
                      detected);
        error_at(DiagId::UnterminatedTripleString, buf, first_line, tok_col_, tok_col_ + 1);
      } else {
        std::snprintf(buf, sizeof buf, "unterminated string literal (detected at line %u)", detected);
        error_at(DiagId::UnterminatedString, buf, first_line, tok_col_, tok_col_ + 1);
      }
      return false;
    }
    if (c == quote) {
      ++end_quote_size;
    } else {
      end_quote_size = 0;
      if (c == '\\') nextc();  // skip the escaped character
    }
  }
  emit(TokenKind::String);
  return true;
}

bool Lexer::fstring_start(int quote) {
  int quote_size = 1;
  int after = nextc();
  if (after == quote) {
    int after2 = nextc();
    if (after2 == quote) {
      quote_size = 3;
    } else {
      backup(after2);
      backup(after);
    }
  } else {
    backup(after);
  }
  if (modes_.size() + 1 >= static_cast<size_t>(kMaxFStringLevel)) {
    error_here(DiagId::TooManyNestedFStrings, "too many nested f-strings");
    return false;
  }
  FStringMode m;
  m.quote = static_cast<char>(quote);
  m.quote_size = quote_size;
  char p0 = text_[tok_start_];
  char p1 = text_[tok_start_ + 1];
  m.raw = p0 == 'r' || p0 == 'R' || p1 == 'r' || p1 == 'R';
  m.start = tok_start_;
  m.start_line = tok_line_;
  m.start_line_offset = line_start_;
  modes_.push_back(m);
  emit(TokenKind::FStringStart);
  return true;
}

bool Lexer::fstring_mode(FStringMode& mode) {
  tok_start_ = pos_;
  tok_line_ = line_;
  tok_col_ = cur_col();

  // A replacement field right at the start: nothing literal to return.
  int start_char = nextc();
  if (start_char == '{') {
    int peek = nextc();
    backup(peek);
    backup(start_char);
    if (peek != '{') {
      ++mode.curly_bracket_expr_start_depth;
      if (mode.curly_bracket_expr_start_depth >= kMaxExprNesting) {
        error_here(DiagId::FStringNestedTooDeeply, "f-string: expressions nested too deeply");
        return false;
      }
      mode.regular = true;
      return regular_mode();
    }
  } else {
    backup(start_char);
  }

  // The end of the f-string?
  bool at_end = true;
  for (int i = 0; i < mode.quote_size; ++i) {
    int q = nextc();
    if (q != mode.quote) {
      backup(q);
      at_end = false;
      break;
    }
  }
  if (at_end) {
    emit(TokenKind::FStringEnd);
    modes_.pop_back();
    return true;
  }

  int end_quote_size = 0;
  bool unicode_escape = false;
  while (end_quote_size != mode.quote_size) {
    int c = nextc();
    bool in_format_spec = mode.expr_ended && mode.curly_bracket_expr_start_depth >= 0;
    if (c == kEof || (mode.quote_size == 1 && c == '\n')) {
      if (in_format_spec && c == '\n') {
        // A newline ends a format spec; the parser reports the error.
        backup(c);
        mode.regular = true;
        emit(TokenKind::FStringMiddle);
        return true;
      }
      uint32_t detected = line_;
      uint32_t col = static_cast<uint32_t>(mode.start - mode.start_line_offset);
      char buf[112];
      if (mode.quote_size == 3) {
        std::snprintf(buf, sizeof buf, "unterminated triple-quoted f-string literal (detected at line %u)",
                      detected);
        error_at(DiagId::UnterminatedTripleFString, buf, mode.start_line, col, col + 1);
      } else {
        std::snprintf(buf, sizeof buf, "unterminated f-string literal (detected at line %u)", detected);
        error_at(DiagId::UnterminatedFString, buf, mode.start_line, col, col + 1);
      }
      return false;
    }
    if (c == mode.quote) {
      ++end_quote_size;
      continue;
    }
    end_quote_size = 0;
    if (c == '{') {
      int peek = nextc();
      if (peek != '{' || in_format_spec) {
        backup(peek);
        backup(c);
        ++mode.curly_bracket_expr_start_depth;
        if (mode.curly_bracket_expr_start_depth >= kMaxExprNesting) {
          error_here(DiagId::FStringNestedTooDeeply, "f-string: expressions nested too deeply");
          return false;
        }
        mode.regular = true;
        emit(TokenKind::FStringMiddle);
      } else {
        // "{{": the token keeps one brace; its range covers both.
        emit_text(TokenKind::FStringMiddle, text_.substr(tok_start_, pos_ - 1 - tok_start_));
      }
      return true;
    }
    if (c == '}') {
      if (unicode_escape) {
        emit(TokenKind::FStringMiddle);
        return true;
      }
      int peek = nextc();
      if (peek == '}' && !in_format_spec) {
        emit_text(TokenKind::FStringMiddle, text_.substr(tok_start_, pos_ - 1 - tok_start_));
      } else {
        backup(peek);
        backup(c);
        mode.regular = true;
        emit(TokenKind::FStringMiddle);
      }
      return true;
    }
    if (c == '\\') {
      int peek = nextc();
      if (peek == '{' || peek == '}') {
        backup(peek);
        continue;
      }
      if (!mode.raw && peek == 'N') {
        int brace = nextc();
        if (brace == '{') {
          unicode_escape = true;
        } else {
          backup(brace);
        }
      }
    }
  }
  // Leave the closing quotes to the FSTRING_END token.
  for (int i = 0; i < mode.quote_size; ++i) backup(mode.quote);
  emit(TokenKind::FStringMiddle);
  return true;
}

}  // namespace molt::lex
