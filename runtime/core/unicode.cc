// unicode.cc — Unicode character properties.
//
// is_printable currently knows the exact answer for Latin-1 and the common
// non-printable ranges (controls, format characters, separators, surrogates,
// private use, noncharacters); other code points are treated as printable.
// The full tables generated from the Unicode database replace this when the
// runtime's Unicode support lands (issue: runtime core, text).
#include "core/unicode.h"

namespace molt::unicode {

bool is_printable(uint32_t cp) {
  if (cp < 0x20 || cp == 0x7F) return false;
  if (cp < 0x7F) return true;
  if (cp < 0xA0) return false;   // C1 controls
  if (cp == 0xA0) return false;  // NO-BREAK SPACE (Zs)
  if (cp == 0xAD) return false;  // SOFT HYPHEN (Cf)
  if (cp < 0x100) return true;
  if (cp >= 0xD800 && cp <= 0xDFFF) return false;  // surrogates
  if (cp >= 0xE000 && cp <= 0xF8FF) return false;  // private use
  if (cp >= 0xF0000) return false;                 // planes 15-16 private use
  if ((cp & 0xFFFE) == 0xFFFE) return false;       // noncharacters
  if (cp >= 0xFDD0 && cp <= 0xFDEF) return false;
  switch (cp) {
    case 0x061C: case 0x1680: case 0x180E: case 0x200B: case 0x200C: case 0x200D: case 0x200E:
    case 0x200F: case 0x2028: case 0x2029: case 0x202A: case 0x202B: case 0x202C: case 0x202D:
    case 0x202E: case 0x202F: case 0x205F: case 0x2060: case 0x2061: case 0x2062: case 0x2063:
    case 0x2064: case 0x3000: case 0xFEFF: case 0xFFF9: case 0xFFFA: case 0xFFFB:
      return false;
    default:
      break;
  }
  if (cp >= 0x2000 && cp <= 0x200A) return false;  // Zs spaces
  if (cp >= 0x2066 && cp <= 0x206F) return false;  // Cf
  return true;
}

}  // namespace molt::unicode
