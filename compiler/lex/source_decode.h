// source_decode.h — turning a source file's bytes into the UTF-8 text the
// tokenizer reads: UTF-8 BOM, PEP 263 coding declarations, transcoding from
// single-byte encodings, and NUL bytes. Mirrors the checks CPython 3.12 makes
// before tokenizing (Parser/tokenizer.c: check_bom, check_coding_spec).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace molt::lex {

/// The outcome of decoding a source.
struct DecodedSource {
  /// The UTF-8 text to tokenize: a view of the input, or of `storage` when
  /// the source was transcoded. A leading BOM is not part of it.
  std::string_view text;
  std::string storage;
  /// Bytes of the input skipped before `text` (3 for a BOM); columns on the
  /// first line are counted after them.
  size_t skipped = 0;
  /// The normalised encoding name ("utf-8", "iso-8859-1", "cp1252", ...).
  std::string encoding = "utf-8";
  /// Non-empty when decoding failed: CPython's SyntaxError message. Such
  /// errors have no line (CPython reports lineno 0).
  std::string error;
  /// For a transcoding failure: the 1-based line of the undecodable byte.
  unsigned error_line = 0;
  /// True when the source holds a NUL byte (CPython rejects it before
  /// anything else).
  bool has_nul = false;
  /// True when the declared encoding is valid in Python but Molt cannot
  /// transcode it (a Molt limitation, not a SyntaxError).
  bool unsupported_encoding = false;
};

/// Decodes `bytes` as CPython does for `compile(bytes, ...)`.
DecodedSource decode_source(std::string_view bytes);

}  // namespace molt::lex
