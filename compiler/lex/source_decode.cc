// source_decode.cc — BOM and PEP 263 handling, transcoding to UTF-8.
#include "lex/source_decode.h"

#include <cstdio>
#include <cstring>

#include "lex/unicode.h"

namespace molt::lex {

namespace {

// One physical line of `bytes` starting at `pos` (without its terminator).
std::string_view line_at(std::string_view bytes, size_t pos, size_t* next) {
  size_t end = pos;
  while (end < bytes.size() && bytes[end] != '\n' && bytes[end] != '\r') ++end;
  size_t after = end;
  if (after < bytes.size()) {
    if (bytes[after] == '\r' && after + 1 < bytes.size() && bytes[after + 1] == '\n') ++after;
    ++after;
  }
  *next = after;
  return bytes.substr(pos, end - pos);
}

// CPython's get_normal_name: canonical spellings of utf-8 and latin-1.
std::string normal_name(std::string_view spec) {
  std::string buf;
  for (size_t i = 0; i < spec.size() && i < 12; ++i) {
    char c = spec[i];
    if (c == '_') {
      buf.push_back('-');
    } else {
      buf.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    }
  }
  auto starts = [&](std::string_view p) { return buf.compare(0, p.size(), p) == 0; };
  if (buf == "utf-8" || starts("utf-8-")) return "utf-8";
  if (buf == "latin-1" || buf == "iso-8859-1" || buf == "iso-latin-1" || starts("latin-1-") ||
      starts("iso-8859-1-") || starts("iso-latin-1-")) {
    return "iso-8859-1";
  }
  return std::string(spec);
}

enum class Cookie { None, Found, NotComment };

// CPython's get_coding_spec: the declaration must be in a comment that is
// the only thing on its line.
Cookie coding_spec(std::string_view line, std::string* spec) {
  // CPython scans `size - 6` bytes of the line including its newline.
  size_t i = 0;
  for (; i + 5 < line.size(); ++i) {
    if (line[i] == '#') break;
    if (line[i] != ' ' && line[i] != '\t' && line[i] != '\014') return Cookie::NotComment;
  }
  for (size_t j = i; j + 5 < line.size(); ++j) {
    if (line.compare(j, 6, "coding") != 0) continue;
    size_t t = j + 6;
    if (t >= line.size() || (line[t] != ':' && line[t] != '=')) continue;
    do {
      ++t;
    } while (t < line.size() && (line[t] == ' ' || line[t] == '\t'));
    size_t begin = t;
    while (t < line.size()) {
      char c = line[t];
      bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                c == '_' || c == '.';
      if (!ok) break;
      ++t;
    }
    if (t > begin) {
      *spec = normal_name(line.substr(begin, t - begin));
      return Cookie::Found;
    }
  }
  return Cookie::None;
}

// True if the line holds nothing but whitespace and/or a comment.
bool blank_or_comment(std::string_view line) {
  for (char c : line) {
    if (c == '#') return true;
    if (c != ' ' && c != '\t' && c != '\014') return false;
  }
  return true;
}

}  // namespace

DecodedSource decode_source(std::string_view bytes) {
  DecodedSource out;
  if (std::memchr(bytes.data(), '\0', bytes.size()) != nullptr) {
    out.has_nul = true;
    out.error = "source code string cannot contain null bytes";
    return out;
  }
  bool bom = bytes.size() >= 3 && static_cast<unsigned char>(bytes[0]) == 0xEF &&
             static_cast<unsigned char>(bytes[1]) == 0xBB && static_cast<unsigned char>(bytes[2]) == 0xBF;
  std::string_view body = bom ? bytes.substr(3) : bytes;
  out.skipped = bom ? 3 : 0;

  // The declaration may be on line 1, or on line 2 if line 1 is blank or a
  // comment.
  std::string spec;
  size_t next = 0;
  std::string_view first = line_at(body, 0, &next);
  Cookie c = coding_spec(first, &spec);
  if (c == Cookie::None && blank_or_comment(first) && next < body.size()) {
    size_t unused;
    c = coding_spec(line_at(body, next, &unused), &spec);
  }
  if (c != Cookie::Found) {
    out.text = body;
    return out;
  }
  if (bom && spec != "utf-8") {
    out.error = "encoding problem: " + spec + " with BOM";
    return out;
  }
  if (spec == "utf-8") {
    out.text = body;
    return out;
  }
  unicode::Codec codec;
  unicode::CodecLookup found = unicode::find_codec(spec, &codec);
  if (found == unicode::CodecLookup::Unsupported) {
    out.unsupported_encoding = true;
    out.error = "source encoding '" + spec + "'";
    return out;
  }
  if (found == unicode::CodecLookup::Unknown) {
    out.error = "unknown encoding: " + spec;
    return out;
  }
  out.encoding = spec == "iso-8859-1" ? spec : codec.name;
  out.storage.reserve(body.size() + body.size() / 8);
  unsigned line = 1;
  for (size_t i = 0; i < body.size(); ++i) {
    unsigned char b = static_cast<unsigned char>(body[i]);
    if (b == '\n') ++line;
    if (b < 0x80) {
      out.storage.push_back(static_cast<char>(b));
      continue;
    }
    uint16_t cp = codec.high[b - 0x80];
    if (cp == 0xFFFF) {
      char buf[160];
      std::snprintf(buf, sizeof buf,
                    "(unicode error) 'charmap' codec can't decode byte 0x%02x in position %zu: character "
                    "maps to <undefined>",
                    b, i);
      out.error = buf;
      out.error_line = line;
      out.storage.clear();
      return out;
    }
    unicode::append_utf8(out.storage, cp);
  }
  out.text = out.storage;
  return out;
}

}  // namespace molt::lex
