// parse_strings.cc — string literals: escape decoding (str and bytes, with
// CPython's error messages), implicit concatenation, and f-strings (PEP 701:
// replacement fields, conversions, format specs, `=` debug text), producing
// exactly the Constant/JoinedStr/FormattedValue nodes CPython 3.12 builds.
#include <cstdio>
#include <cstring>

#include "lex/unicode.h"
#include "parse/parser_impl.h"

namespace molt::parse {

using ast::Node;
using ast::NodeKind;

namespace {

Loc begin_of(const Node* n) {
  return Loc{n->lineno, n->col_offset};
}
Loc end_of(const Node* n) {
  return Loc{n->end_lineno, n->end_col_offset};
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Length of the UTF-8 sequence starting with byte b (1 for invalid bytes).
size_t utf8_len(unsigned char b) {
  if (b < 0xC0) return 1;
  if (b < 0xE0) return 2;
  if (b < 0xF0) return 3;
  return 4;
}

// The source of an f-string debug expression without its comments (CPython
// drops them from the `=` text; the newlines stay).
std::string strip_comments(std::string_view src) {
  std::string out;
  out.reserve(src.size());
  size_t i = 0;
  while (i < src.size()) {
    char c = src[i];
    if (c == '\'' || c == '"') {
      // Copy a string literal whole (a '#' inside is not a comment).
      size_t q = (i + 2 < src.size() && src[i + 1] == c && src[i + 2] == c) ? 3 : 1;
      size_t j = i + q;
      while (j < src.size()) {
        if (src[j] == '\\') {
          j += 2;
          continue;
        }
        if (src[j] == c && (q == 1 || (j + 2 < src.size() && src[j + 1] == c && src[j + 2] == c))) {
          j += q;
          break;
        }
        if (q == 1 && src[j] == '\n') break;
        ++j;
      }
      if (j > src.size()) j = src.size();
      out.append(src.substr(i, j - i));
      i = j;
      continue;
    }
    if (c == '#') {
      while (i < src.size() && src[i] != '\n' && src[i] != '\r') ++i;
      continue;
    }
    out.push_back(c);
    ++i;
  }
  return out;
}

}  // namespace

// Decodes the body of a literal (between the quotes). `raw` disables escape
// processing; `bytes` selects bytes semantics. Newlines in the source (CR LF,
// CR) read as LF. On error raises CPython's message at token `t` and returns
// false.
bool Parser::decode_literal(std::string_view body, bool raw, bool bytes, const Token& t,
                            size_t /*body_offset*/, std::string& out) {
  out.clear();
  out.reserve(body.size());
  if (bytes) {
    for (char c : body) {
      if (static_cast<unsigned char>(c) >= 0x80) {
        raise_at_token(t, "bytes can only contain ASCII literal characters");
        return false;
      }
    }
  }
  bool has_backslash = body.find('\\') != std::string_view::npos;
  if (raw || !has_backslash) {
    if (!bytes) {
      lex::unicode::Utf8Problem problem;
      if (!lex::unicode::validate_utf8(body, &problem)) {
        raise_at_token(t, "(unicode error) " + lex::unicode::utf8_error_text(body, problem));
        return false;
      }
    }
    for (size_t i = 0; i < body.size(); ++i) {
      char c = body[i];
      if (c == '\r') {
        if (i + 1 < body.size() && body[i + 1] == '\n') ++i;
        out.push_back('\n');
      } else {
        out.push_back(c);
      }
    }
    return true;
  }

  // Escape processing. `tpos` tracks the offset CPython's unicode-escape
  // decoder reports errors at: it runs on a copy of the literal in which
  // each non-ASCII character became a 10-byte \UXXXXXXXX escape.
  size_t tpos = 0;
  auto escape_error = [&](size_t start, size_t end, const char* reason) {
    char buf[200];
    if (end - start <= 1) {
      std::snprintf(buf, sizeof buf,
                    "(unicode error) 'unicodeescape' codec can't decode byte 0x5c in position %zu: %s", start,
                    reason);
    } else {
      std::snprintf(buf, sizeof buf,
                    "(unicode error) 'unicodeescape' codec can't decode bytes in position %zu-%zu: %s", start,
                    end - 1, reason);
    }
    raise_at_token(t, buf);
    return false;
  };
  size_t i = 0;
  const size_t n = body.size();
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(body[i]);
    if (c == '\r') {
      ++i;
      if (i < n && body[i] == '\n') ++i;
      out.push_back('\n');
      ++tpos;
      continue;
    }
    if (c != '\\') {
      if (c < 0x80) {
        out.push_back(static_cast<char>(c));
        ++i;
        ++tpos;
        continue;
      }
      if (bytes) {  // unreachable: rejected above
        out.push_back(static_cast<char>(c));
        ++i;
        continue;
      }
      // A run of non-ASCII bytes: must be valid UTF-8 on its own.
      size_t j = i;
      while (j < n && (static_cast<unsigned char>(body[j]) & 0x80)) ++j;
      std::string_view run = body.substr(i, j - i);
      lex::unicode::Utf8Problem problem;
      if (!lex::unicode::validate_utf8(run, &problem)) {
        raise_at_token(t, "(unicode error) " + lex::unicode::utf8_error_text(run, problem));
        return false;
      }
      const char* p = run.data();
      const char* end = p + run.size();
      while (p < end) {
        uint32_t cp;
        size_t len = lex::unicode::decode_utf8(p, end, &cp);
        p += len;
        tpos += 10;
      }
      out.append(run);
      i = j;
      continue;
    }
    // A backslash.
    size_t start = tpos;
    ++i;
    ++tpos;
    if (i >= n) {
      if (bytes) {
        raise_at_token(t, "(value error) Trailing \\ in string");
        return false;
      }
      return escape_error(start, tpos, "\\ at end of string");
    }
    char e = body[i];
    if (static_cast<unsigned char>(e) >= 0x80) {
      // Unknown escape of a non-ASCII character: kept as is.
      size_t len = utf8_len(static_cast<unsigned char>(e));
      out.push_back('\\');
      tpos += 5;  // CPython rewrote the backslash as \u005c
      if (i + len > n) len = n - i;
      std::string_view ch = body.substr(i, len);
      lex::unicode::Utf8Problem problem;
      if (!lex::unicode::validate_utf8(ch, &problem)) {
        raise_at_token(t, "(unicode error) " + lex::unicode::utf8_error_text(ch, problem));
        return false;
      }
      out.append(ch);
      i += len;
      tpos += 10;
      continue;
    }
    ++i;
    ++tpos;
    switch (e) {
      case '\n': break;
      case '\r':
        if (i < n && body[i] == '\n') {
          ++i;
          ++tpos;
        }
        break;
      case '\\': out.push_back('\\'); break;
      case '\'': out.push_back('\''); break;
      case '"': out.push_back('"'); break;
      case 'b': out.push_back('\b'); break;
      case 'f': out.push_back('\f'); break;
      case 't': out.push_back('\t'); break;
      case 'n': out.push_back('\n'); break;
      case 'r': out.push_back('\r'); break;
      case 'v': out.push_back('\v'); break;
      case 'a': out.push_back('\a'); break;
      case '0':
      case '1':
      case '2':
      case '3':
      case '4':
      case '5':
      case '6':
      case '7': {
        uint32_t v = static_cast<uint32_t>(e - '0');
        for (int k = 0; k < 2 && i < n && body[i] >= '0' && body[i] <= '7'; ++k) {
          v = v * 8 + static_cast<uint32_t>(body[i] - '0');
          ++i;
          ++tpos;
        }
        if (bytes) {
          out.push_back(static_cast<char>(v & 0xFF));
        } else {
          lex::unicode::append_utf8(out, v);
        }
        break;
      }
      case 'x': {
        if (bytes) {
          int h1 = i < n ? hex_value(body[i]) : -1;
          int h2 = i + 1 < n ? hex_value(body[i + 1]) : -1;
          if (h1 < 0 || h2 < 0) {
            char buf[96];
            std::snprintf(buf, sizeof buf, "(value error) invalid \\x escape at position %zu", start);
            raise_at_token(t, buf);
            return false;
          }
          out.push_back(static_cast<char>(h1 * 16 + h2));
          i += 2;
          tpos += 2;
          break;
        }
        [[fallthrough]];
      }
      case 'u':
      case 'U': {
        if (bytes) {  // not escapes in bytes literals
          out.push_back('\\');
          out.push_back(e);
          break;
        }
        int count = e == 'x' ? 2 : e == 'u' ? 4 : 8;
        const char* reason = e == 'x'   ? "truncated \\xXX escape"
                             : e == 'u' ? "truncated \\uXXXX escape"
                                        : "truncated \\UXXXXXXXX escape";
        uint32_t v = 0;
        for (int k = 0; k < count; ++k) {
          int h = i < n ? hex_value(body[i]) : -1;
          if (h < 0) return escape_error(start, tpos, reason);
          v = v * 16 + static_cast<uint32_t>(h);
          ++i;
          ++tpos;
        }
        if (v > 0x10FFFF) return escape_error(start, tpos, "illegal Unicode character");
        lex::unicode::append_utf8(out, v);
        break;
      }
      case 'N': {
        if (bytes) {
          out.push_back('\\');
          out.push_back('N');
          break;
        }
        const char* reason = "malformed \\N character escape";
        if (i >= n) return escape_error(start, tpos, reason);
        if (body[i] != '{') return escape_error(start, tpos, reason);
        ++i;
        ++tpos;
        size_t name_start = i;
        while (i < n && body[i] != '}') {
          ++i;
          ++tpos;
        }
        if (i >= n) return escape_error(start, tpos, reason);
        std::string_view name = body.substr(name_start, i - name_start);
        if (name.empty()) return escape_error(start, tpos, reason);
        ++i;
        ++tpos;
        int32_t cp = -1;
        bool ascii = true;
        for (char ch : name) ascii = ascii && static_cast<unsigned char>(ch) < 0x80;
        if (ascii) cp = lex::unicode::lookup_name(name);
        if (cp < 0) return escape_error(start, tpos, "unknown Unicode character name");
        lex::unicode::append_utf8(out, static_cast<uint32_t>(cp));
        break;
      }
      default:
        // Unknown escape: kept with its backslash (a SyntaxWarning in 3.12).
        out.push_back('\\');
        out.push_back(e);
        break;
    }
  }
  return true;
}

// A STRING token to a Constant (str or bytes).
Node* Parser::string_constant(const Token& t, bool* is_bytes) {
  std::string_view s = t.text;
  bool bytes = false, raw = false;
  size_t k = 0;
  while (k < s.size() && s[k] != '\'' && s[k] != '"') {
    char c = s[k];
    if (c == 'b' || c == 'B') bytes = true;
    if (c == 'r' || c == 'R') raw = true;
    ++k;
  }
  char quote = s[k];
  size_t qlen = (s.size() - k >= 6 && s[k + 1] == quote && s[k + 2] == quote) ? 3 : 1;
  std::string_view body = s.substr(k + qlen, s.size() - k - 2 * qlen);
  if (!decode_literal(body, raw, bytes, t, 0, scratch_)) return nullptr;
  auto* c = make<ast::ConstantNode>(t.range.begin, t.range.end);
  c->value.kind = bytes ? ast::ConstKind::Bytes : ast::ConstKind::Str;
  c->value.text = ctx_.copy_string(scratch_);
  if (!s.empty() && s[0] == 'u') c->kind = ctx_.intern("u");
  *is_bytes = bytes;
  return c;
}

// strings: (fstring | string)+
Node* Parser::strings() {
  Loc start = start_loc();
  std::vector<Node*> parts;
  bool bytes_found = false, text_found = false;
  while (at(TokenKind::String) || at(TokenKind::FStringStart)) {
    if (at(TokenKind::String)) {
      const Token& t = advance();
      bool is_bytes = false;
      Node* c = string_constant(t, &is_bytes);
      if (!c) return nullptr;
      (is_bytes ? bytes_found : text_found) = true;
      parts.push_back(c);
    } else {
      Node* j = fstring();
      if (!j) return nullptr;
      text_found = true;
      parts.push_back(j);
    }
  }
  if (bytes_found && text_found) {
    raise_at_token(peek(), "cannot mix bytes and nonbytes literals");
    return nullptr;
  }
  return concatenate(parts, start, end_loc());
}

// _PyPegen_concatenate_strings: implicit concatenation and the folding of
// adjacent constant parts of f-strings.
Node* Parser::concatenate(std::vector<Node*>& parts, Loc begin, Loc end) {
  bool fstring_found = false;
  bool bytes = false;
  for (Node* p : parts) {
    if (p->kind == NodeKind::Constant) {
      bytes = bytes || ast::cast<ast::ConstantNode>(p)->value.kind == ast::ConstKind::Bytes;
    } else {
      fstring_found = true;
    }
  }
  if (bytes) {
    std::string value;
    for (Node* p : parts) value += ast::cast<ast::ConstantNode>(p)->value.text;
    auto* c = make<ast::ConstantNode>(begin, end);
    c->value.kind = ast::ConstKind::Bytes;
    c->value.text = ctx_.copy_string(value);
    c->kind = ast::cast<ast::ConstantNode>(parts[0])->kind;
    return c;
  }
  if (!fstring_found && parts.size() == 1) return parts[0];

  std::vector<Node*> flat;
  for (Node* p : parts) {
    if (p->kind == NodeKind::JoinedStr) {
      for (Node* v : ast::cast<ast::JoinedStrNode>(p)->values) flat.push_back(v);
    } else {
      flat.push_back(p);
    }
  }
  std::vector<Node*> values;
  for (size_t i = 0; i < flat.size(); ++i) {
    Node* elem = flat[i];
    if (elem->kind == NodeKind::Constant) {
      if (i + 1 < flat.size() && flat[i + 1]->kind == NodeKind::Constant) {
        auto* first = ast::cast<ast::ConstantNode>(elem);
        std::string value;
        Node* last = elem;
        size_t j = i;
        for (; j < flat.size() && flat[j]->kind == NodeKind::Constant; ++j) {
          value += ast::cast<ast::ConstantNode>(flat[j])->value.text;
          last = flat[j];
        }
        i = j - 1;
        auto* c = make<ast::ConstantNode>(begin_of(first), end_of(last));
        c->value.kind = ast::ConstKind::Str;
        c->value.text = ctx_.copy_string(value);
        c->kind = first->kind;
        elem = c;
      }
      if (fstring_found && ast::cast<ast::ConstantNode>(elem)->value.text.empty()) continue;
    }
    values.push_back(elem);
  }
  if (!fstring_found) {
    auto* only = ast::cast<ast::ConstantNode>(values[0]);
    auto* c = make<ast::ConstantNode>(begin, end);
    c->value = only->value;
    c->kind = only->kind;
    return c;
  }
  auto* j = make<ast::JoinedStrNode>(begin, end);
  j->values = list(values);
  return j;
}

// fstring: FSTRING_START fstring_middle* FSTRING_END
Node* Parser::fstring() {
  const Token& start = advance();
  bool raw = false;
  for (char c : start.text) raw = raw || c == 'r' || c == 'R';
  std::vector<Node*> values;
  for (;;) {
    if (at(TokenKind::FStringMiddle)) {
      const Token& t = advance();
      // _PyPegen_decode_fstring_part
      std::string_view text = t.text;
      if (text == "{{" || text == "}}") text = text.substr(0, 1);
      if (!decode_literal(text, raw, false, t, 0, scratch_)) return nullptr;
      if (scratch_.empty()) continue;
      auto* c = make<ast::ConstantNode>(t.range.begin, t.range.end);
      c->value.kind = ast::ConstKind::Str;
      c->value.text = ctx_.copy_string(scratch_);
      values.push_back(c);
    } else if (at(TokenKind::LBrace)) {
      Node* f = fstring_replacement_field(raw);
      if (!f) return nullptr;
      if (f->kind == NodeKind::JoinedStr) {
        for (Node* v : ast::cast<ast::JoinedStrNode>(f)->values) values.push_back(v);
      } else {
        values.push_back(f);
      }
    } else {
      break;
    }
  }
  if (!at(TokenKind::FStringEnd)) return nullptr;
  const Token& end = advance();
  auto* j = make<ast::JoinedStrNode>(start.range.begin, end.range.end);
  j->values = list(values);
  return j;
}

// fstring_replacement_field:
//   '{' annotated_rhs '='? ['!' NAME] [':' fstring_format_spec*] '}'
// Returns a FormattedValue, or for a debug field a JoinedStr of the debug
// text and the FormattedValue (flattened by the caller).
Node* Parser::fstring_replacement_field(bool raw) {
  size_t lbrace_pos = pos_;
  const Token& lbrace = advance();
  auto fail = [&]() -> Node* {
    if (invalid_rules_ && !failed()) invalid_fstring_field(lbrace_pos);
    return nullptr;
  };
  Node* value = annotated_rhs();
  if (!value) return fail();
  size_t eq_pos = pos_;
  bool debug = accept(TokenKind::Equal);
  const Token* conversion_name = nullptr;
  const Token* bang = nullptr;
  if (at(TokenKind::Exclamation)) {
    bang = &advance();
    if (!at(TokenKind::Name)) return fail();
    conversion_name = &advance();
    if (conversion_name->range.begin.line != bang->range.end.line ||
        conversion_name->range.begin.col != bang->range.end.col) {
      raise_syntax(diag::Range{bang->range.begin, conversion_name->range.end},
                   "f-string: conversion type must come right after the exclamanation mark");
      return nullptr;
    }
    std::string_view conv = conversion_name->text;
    if (conv != "s" && conv != "r" && conv != "a") {
      raise_at_token(*conversion_name, "f-string: invalid conversion character '" +
                                           std::string(identifier(*conversion_name)) +
                                           "': expected 's', 'r', or 'a'");
      return nullptr;
    }
  }
  Node* format = nullptr;
  const Token* colon = nullptr;
  if (at(TokenKind::Colon)) {
    colon = &advance();
    format = fstring_format_spec(raw, colon->range.begin);
    if (!format) return fail();
  }
  if (!at(TokenKind::RBrace)) return fail();
  const Token& rbrace = advance();

  auto* fv = make<ast::FormattedValueNode>(lbrace.range.begin, rbrace.range.end);
  fv->value = value;
  fv->conversion =
      conversion_name ? static_cast<unsigned char>(conversion_name->text[0]) : (debug && !format ? 'r' : -1);
  fv->format_spec = format;
  if (!debug) return fv;

  // The debug text runs from after '{' to the first top-level '!' or ':'
  // inside the field (CPython's last_expr_end), else to the token ending
  // the field.
  const Token* terminator = bang ? bang : colon ? colon : &rbrace;
  const char* text_end = terminator->text.data();
  int depth = 0;
  for (size_t i = lbrace_pos + 1; i <= eq_pos; ++i) {
    const Token& t = tokens_[i];
    if (t.kind == TokenKind::LPar || t.kind == TokenKind::LSqb || t.kind == TokenKind::LBrace) ++depth;
    if (t.kind == TokenKind::RPar || t.kind == TokenKind::RSqb || t.kind == TokenKind::RBrace) --depth;
    if (depth == 0 && !t.text.empty() && (t.text[0] == '!' || t.text[0] == ':')) {
      text_end = t.text.data();
      break;
    }
  }
  const char* text_begin = lbrace.text.data() + 1;
  std::string debug_src =
      strip_comments(std::string_view(text_begin, static_cast<size_t>(text_end - text_begin)));
  if (!decode_literal(debug_src, raw || debug_src.find('\\') == std::string::npos, false, rbrace, 0,
                      scratch_)) {
    return nullptr;
  }
  Loc dbg_end = conversion_name ? Loc{conversion_name->range.begin.line, conversion_name->range.begin.col - 1}
                : colon         ? colon->range.begin
                                : Loc{rbrace.range.begin.line, rbrace.range.end.col - 1};
  auto* text = make<ast::ConstantNode>(Loc{lbrace.range.begin.line, lbrace.range.begin.col + 1}, dbg_end);
  text->value.kind = ast::ConstKind::Str;
  text->value.text = ctx_.copy_string(scratch_);
  auto* j = make<ast::JoinedStrNode>(lbrace.range.begin, dbg_end);
  std::vector<Node*> parts{text, fv};
  j->values = list(parts);
  return j;
}

// fstring_full_format_spec: ':' fstring_format_spec*
// fstring_format_spec: FSTRING_MIDDLE | fstring_replacement_field
Node* Parser::fstring_format_spec(bool raw, Loc colon_start) {
  std::vector<Node*> spec;
  for (;;) {
    if (at(TokenKind::FStringMiddle)) {
      const Token& t = advance();
      // Format spec parts are always decoded (even in raw f-strings).
      if (!decode_literal(t.text, false, false, t, 0, scratch_)) return nullptr;
      auto* c = make<ast::ConstantNode>(t.range.begin, t.range.end);
      c->value.kind = ast::ConstKind::Str;
      c->value.text = ctx_.copy_string(scratch_);
      spec.push_back(c);
    } else if (at(TokenKind::LBrace)) {
      if (!enter()) return nullptr;
      Node* f = fstring_replacement_field(raw);
      leave();
      if (!f) return nullptr;
      if (f->kind == NodeKind::JoinedStr) {
        for (Node* v : ast::cast<ast::JoinedStrNode>(f)->values) spec.push_back(v);
      } else {
        spec.push_back(f);
      }
    } else {
      break;
    }
  }
  // An empty spec is an empty JoinedStr, as in 3.11.
  if (spec.size() == 1 && spec[0]->kind == NodeKind::Constant &&
      ast::cast<ast::ConstantNode>(spec[0])->value.text.empty()) {
    spec.clear();
  }
  auto* j = make<ast::JoinedStrNode>(colon_start, end_loc());
  j->values = list(spec);
  return j;
}

}  // namespace molt::parse
