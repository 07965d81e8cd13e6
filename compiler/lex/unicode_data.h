// unicode_data.h — raw Unicode and codec tables generated at build time.
//
// The definitions live in the generated unicode_data.cc (see
// gen_unicode_tables.py, run by CMake with CPython 3.12 so that the data is
// exactly CPython's Unicode 15.0.0). Use the functions in unicode.h rather
// than these arrays.
#pragma once

#include <cstddef>
#include <cstdint>

namespace molt::lex::unicode_data {

/// An inclusive code point range.
struct Range {
  uint32_t lo;
  uint32_t hi;
};

/// A run of code points sharing one non-zero canonical combining class.
struct CombiningRun {
  uint32_t lo;
  uint32_t hi;
  uint8_t ccc;
};

/// The full compatibility decomposition (NFKD) of one code point:
/// kDecompositionData[offset, offset + length).
struct Decomposition {
  uint32_t cp;
  uint32_t offset;
  uint8_t length;
};

/// A primary composite: first + second compose canonically to composite.
struct Composition {
  uint32_t first;
  uint32_t second;
  uint32_t composite;
};

/// A character name: the NUL-terminated string at kNameBlob + offset.
struct NameEntry {
  uint32_t offset;
  uint32_t cp;
};

/// An ASCII-compatible single-byte codec: `high[b - 128]` is the code point
/// of byte b, 0xFFFF where the byte is undefined.
struct SingleByteCodec {
  const char* name;
  uint16_t high[128];
};

/// A normalised codec name and the index of its codec in kCodecs.
struct CodecAlias {
  const char* alias;
  uint32_t codec;
};

extern const Range kXidStart[];
extern const size_t kXidStartCount;
extern const Range kXidContinue[];
extern const size_t kXidContinueCount;
extern const Range kPrintable[];
extern const size_t kPrintableCount;
extern const CombiningRun kCombining[];
extern const size_t kCombiningCount;
extern const Decomposition kDecompositions[];
extern const size_t kDecompositionCount;
extern const uint32_t kDecompositionData[];
extern const Composition kCompositions[];
extern const size_t kCompositionCount;
extern const Range kCjkUnified[];
extern const size_t kCjkUnifiedCount;
/// Explicit names and aliases, sorted by name (byte order).
extern const char kNameBlob[];
extern const NameEntry kNames[];
extern const size_t kNameCount;
extern const SingleByteCodec kCodecs[];
extern const size_t kCodecCount;
/// Sorted by alias.
extern const CodecAlias kCodecAliases[];
extern const size_t kCodecAliasCount;
/// Normalised names of the codecs Python knows but Molt cannot transcode
/// (multi-byte and wide encodings), sorted.
extern const char* const kOtherCodecNames[];
extern const size_t kOtherCodecNameCount;

}  // namespace molt::lex::unicode_data
