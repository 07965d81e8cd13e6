// unicode.cc — lookups in the generated Unicode database (unicode_db.inc).
#include "core/unicode.h"

namespace molt::unicode {

namespace {

#include "core/unicode_db.inc"

inline uint32_t record_index(uint32_t cp) {
  if (cp >= 0x110000) cp = 0x10FFFF;  // a noncharacter: category Cn, no properties
  uint32_t block2 = kIndex1[cp >> (kLow + kMid)];
  uint32_t block3 = kIndex2[(block2 << kMid) + ((cp >> kLow) & ((1u << kMid) - 1))];
  return kIndex3[(block3 << kLow) + (cp & ((1u << kLow) - 1))];
}

/// Expands one case field of `cp` into out.
inline int expand(uint32_t cp, int32_t field, bool extended, uint32_t out[3]) {
  if (!extended) {
    out[0] = static_cast<uint32_t>(static_cast<int32_t>(cp) + field);
    return 1;
  }
  uint32_t len = static_cast<uint32_t>(field) >> 16;
  uint32_t offset = static_cast<uint32_t>(field) & 0xFFFF;
  for (uint32_t i = 0; i < len; ++i) out[i] = kExtendedCase[offset + i];
  return static_cast<int>(len);
}

}  // namespace

const CharRecord& record(uint32_t cp) {
  return kRecords[record_index(cp)];
}

const char* category(uint32_t cp) {
  return kCategoryNames[record(cp).category];
}

bool is_printable(uint32_t cp) {
  if (cp < 128) return cp >= 0x20 && cp < 0x7F;
  return (flags(cp) & kPrintable) != 0;
}

double numeric_value(uint32_t cp) {
  return kNumericValues[record(cp).numeric];
}

int to_lower_full(uint32_t cp, uint32_t out[3]) {
  const CharRecord& r = record(cp);
  return expand(cp, r.lower, (r.flags & kLowerExt) != 0, out);
}

int to_upper_full(uint32_t cp, uint32_t out[3]) {
  const CharRecord& r = record(cp);
  return expand(cp, r.upper, (r.flags & kUpperExt) != 0, out);
}

int to_title_full(uint32_t cp, uint32_t out[3]) {
  const CharRecord& r = record(cp);
  return expand(cp, r.title, (r.flags & kTitleExt) != 0, out);
}

int to_fold_full(uint32_t cp, uint32_t out[3]) {
  const CharRecord& r = record(cp);
  return expand(cp, r.fold, (r.flags & kFoldExt) != 0, out);
}

}  // namespace molt::unicode
