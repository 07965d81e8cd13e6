// unicode.h — the Unicode services the front end needs, with CPython 3.12's
// data (Unicode 15.0.0): identifier classes, printability, NFKC, character
// names, UTF-8 helpers and the single-byte codecs of PEP 263 declarations.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace molt::lex::unicode {

/// XID_Start (PEP 3131); includes '_'.
bool is_xid_start(uint32_t cp);
/// XID_Continue.
bool is_xid_continue(uint32_t cp);
/// Python's str.isprintable() for one character.
bool is_printable(uint32_t cp);

/// NFKC normalisation of valid UTF-8 text (identifiers).
std::string nfkc(std::string_view utf8);

/// The code point named `name` as a `\N{...}` escape resolves it (names and
/// aliases case-insensitively, "CJK UNIFIED IDEOGRAPH-XXXX" and "HANGUL
/// SYLLABLE ..." exactly), or -1 when CPython would report an unknown name.
int32_t lookup_name(std::string_view name);

/// Appends the UTF-8 encoding of `cp`. Surrogates (U+D800..U+DFFF) get the
/// generalised 3-byte form, which is how Molt stores lone surrogates.
void append_utf8(std::string& out, uint32_t cp);

/// Decodes one character of generalised UTF-8 (surrogates accepted) at
/// `p`; returns its byte length, or 0 if the bytes are not valid.
size_t decode_utf8(const char* p, const char* end, uint32_t* cp);

/// Where and why strict UTF-8 decoding of a byte string fails, with the
/// wording of CPython's UTF-8 codec.
struct Utf8Problem {
  size_t start = 0;              ///< byte offset of the first bad byte
  size_t end = 0;                ///< one past the last bad byte
  const char* reason = nullptr;  ///< "invalid start byte", ...
};

/// Validates `bytes` as strict UTF-8 (no surrogates). Returns false and
/// fills `problem` on the first error.
bool validate_utf8(std::string_view bytes, Utf8Problem* problem);

/// CPython's UnicodeDecodeError text for `problem` in `bytes`:
/// "'utf-8' codec can't decode byte 0xf6 in position 1: invalid start byte".
std::string utf8_error_text(std::string_view bytes, const Utf8Problem& problem);

/// An ASCII-compatible single-byte codec usable for a coding declaration.
struct Codec {
  const char* name;      ///< Python's codec module name ("cp1252")
  const uint16_t* high;  ///< code points of bytes 0x80..0xFF (0xFFFF: undefined)
};

/// The outcome of a codec lookup.
enum class CodecLookup { Supported, Unsupported, Unknown };

/// Finds a codec by any of its Python names ("latin-1", "ISO-8859-15",
/// "cp1252", ...). Unsupported: Python knows the codec but it is not an
/// ASCII-compatible single-byte one Molt can transcode (shift_jis, ...).
CodecLookup find_codec(std::string_view name, Codec* codec);

}  // namespace molt::lex::unicode
