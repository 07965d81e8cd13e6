// unicode.h — Unicode character properties needed by the runtime.
#pragma once

#include <stdint.h>

namespace molt::unicode {

/// str.isprintable() for one code point: false for the categories Cc, Cf,
/// Cs, Co, Cn, Zl, Zp and Zs other than the ASCII space.
bool is_printable(uint32_t cp);

}  // namespace molt::unicode
