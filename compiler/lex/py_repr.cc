// py_repr.cc — repr() of str and bytes, following CPython 3.12's
// unicode_repr and bytes_repr.
#include "lex/py_repr.h"

#include "lex/unicode.h"

namespace molt::lex {

namespace {

const char kHex[] = "0123456789abcdef";

void hex_escape(std::string& out, char kind, uint32_t v, int digits) {
  out.push_back('\\');
  out.push_back(kind);
  for (int i = digits - 1; i >= 0; --i) out.push_back(kHex[(v >> (4 * i)) & 0xF]);
}

}  // namespace

void append_repr_str(std::string& out, std::string_view s) {
  // Prefer single quotes unless the text has a single quote and no double.
  bool has_single = s.find('\'') != std::string_view::npos;
  bool has_double = s.find('"') != std::string_view::npos;
  char quote = has_single && !has_double ? '"' : '\'';
  out.push_back(quote);
  const char* p = s.data();
  const char* end = p + s.size();
  while (p < end) {
    unsigned char b = static_cast<unsigned char>(*p);
    if (b < 0x80) {
      ++p;
      if (b == static_cast<unsigned char>(quote) || b == '\\') {
        out.push_back('\\');
        out.push_back(static_cast<char>(b));
      } else if (b == '\t') {
        out += "\\t";
      } else if (b == '\n') {
        out += "\\n";
      } else if (b == '\r') {
        out += "\\r";
      } else if (b < ' ' || b == 0x7F) {
        hex_escape(out, 'x', b, 2);
      } else {
        out.push_back(static_cast<char>(b));
      }
      continue;
    }
    uint32_t cp;
    size_t len = unicode::decode_utf8(p, end, &cp);
    if (len == 0) {  // not produced by the front end; show the raw byte
      hex_escape(out, 'x', b, 2);
      ++p;
      continue;
    }
    bool surrogate = cp >= 0xD800 && cp <= 0xDFFF;
    if (!surrogate && unicode::is_printable(cp)) {
      out.append(p, len);
    } else if (cp <= 0xFF) {
      hex_escape(out, 'x', cp, 2);
    } else if (cp <= 0xFFFF) {
      hex_escape(out, 'u', cp, 4);
    } else {
      hex_escape(out, 'U', cp, 8);
    }
    p += len;
  }
  out.push_back(quote);
}

std::string repr_str(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size() + 2);
  append_repr_str(out, utf8);
  return out;
}

void append_repr_bytes(std::string& out, std::string_view s) {
  bool has_single = s.find('\'') != std::string_view::npos;
  bool has_double = s.find('"') != std::string_view::npos;
  char quote = has_single && !has_double ? '"' : '\'';
  out.push_back('b');
  out.push_back(quote);
  for (char ch : s) {
    unsigned char b = static_cast<unsigned char>(ch);
    if (b == static_cast<unsigned char>(quote) || b == '\\') {
      out.push_back('\\');
      out.push_back(ch);
    } else if (b == '\t') {
      out += "\\t";
    } else if (b == '\n') {
      out += "\\n";
    } else if (b == '\r') {
      out += "\\r";
    } else if (b < ' ' || b >= 0x7F) {
      hex_escape(out, 'x', b, 2);
    } else {
      out.push_back(ch);
    }
  }
  out.push_back(quote);
}

std::string repr_bytes(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + 3);
  append_repr_bytes(out, bytes);
  return out;
}

}  // namespace molt::lex
