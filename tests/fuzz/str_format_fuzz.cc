// str_format_fuzz.cc — libFuzzer target over the runtime's text formatting:
// format(value, spec) for int/bigint/float/str values, printf-style
// `fmt % args`, str.format(), and the str methods that take patterns
// (split, replace, find, translate-free ones), on arbitrary UTF-8 input.
// Any outcome is fine except crashes, sanitizer reports and leaks;
// exceptions are cleared.
//
// Build: see the snippet in the str report (MOLT_FUZZ); run e.g.
//   str_format_fuzz -max_total_time=600 -max_len=256 corpus/
//
// Input layout: byte 0 selects the operation, the rest is split at the
// first NUL into (a, b) as UTF-8 (invalid UTF-8 is dropped).
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "core/abstract.h"
#include "core/errors.h"
#include "core/format.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/str_impl.h"
#include "objects/tuple.h"

namespace {

using molt::Ref;
using molt::Value;

bool valid_utf8(const uint8_t* s, size_t n) {
  for (size_t i = 0; i < n;) {
    uint8_t c = s[i];
    size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (len == 0 || i + len > n) return false;
    uint32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (size_t k = 1; k < len; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) ||
        (len == 4 && (cp < 0x10000 || cp > 0x10FFFF))) {
      return false;
    }
    i += len;
  }
  return true;
}

void consume(Value v) {
  if (molt_is_error(v)) {
    molt::clear_error();
  } else {
    molt::decref(v);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  uint8_t op = data[0];
  const uint8_t* rest = data + 1;
  size_t n = size - 1;
  const uint8_t* nul = static_cast<const uint8_t*>(memchr(rest, 0, n));
  size_t alen = nul ? static_cast<size_t>(nul - rest) : n;
  const uint8_t* b = nul ? nul + 1 : rest + n;
  size_t blen = nul ? n - alen - 1 : 0;
  if (!valid_utf8(rest, alen) || !valid_utf8(b, blen)) return 0;
  // Widths and precisions of millions are legal but only measure malloc
  // (MemoryError); skip inputs with runs of 7+ digits.
  for (size_t i = 0, run = 0; i < n; ++i) {
    run = rest[i] >= '0' && rest[i] <= '9' ? run + 1 : 0;
    if (run >= 7) return 0;
  }
  Ref a(molt::str_from_utf8(reinterpret_cast<const char*>(rest), alen));
  Ref bs(molt::str_from_utf8(reinterpret_cast<const char*>(b), blen));
  if (a.is_error() || bs.is_error()) {
    molt::clear_error();
    return 0;
  }
  Ref big(molt::int_pow(molt_from_small_int(7), molt_from_small_int(90), MOLT_NONE));
  Value values[] = {molt_from_small_int(0),
                    molt_from_small_int(-12345),
                    big.get(),
                    molt_from_double(3.14159),
                    molt_from_double(-1e300),
                    molt_from_double(0.0 / 0.0),
                    molt_from_double(5e-324),
                    bs.get(),
                    MOLT_TRUE,
                    MOLT_NONE};
  switch (op % 6) {
    case 0:  // format(value, spec)
      for (Value v : values) consume(molt::format_value(v, a.get()));
      break;
    case 1: {  // fmt % args
      Ref t(molt::tuple_new(3));
      molt::tuple_set_steal(t.get(), 0, molt_from_small_int(42));
      molt::tuple_set_steal(t.get(), 1, molt_from_double(2.5));
      molt::tuple_set_steal(t.get(), 2, molt::new_ref(bs.get()));
      consume(molt::str_mod(a.get(), t.get()));
      consume(molt::str_mod(a.get(), bs.get()));
      consume(molt::str_mod(a.get(), molt_from_double(-0.0)));
      break;
    }
    case 2: {  // str.format
      Value args[] = {molt_from_small_int(7), bs.get(), molt_from_double(1.5), big.get()};
      consume(molt::str_format(a.get(), args, 4, MOLT_NONE));
      break;
    }
    case 3:  // split / rsplit / replace
      if (molt::str_length(bs.get()) > 0) {
        consume(molt::str_split(a.get(), bs.get(), static_cast<int64_t>(op >> 3) - 1, (op & 64) != 0));
      }
      consume(molt::str_split(a.get(), MOLT_NONE, static_cast<int64_t>(op >> 3) - 1, (op & 64) != 0));
      consume(molt::str_replace(a.get(), bs.get(), a.get(), static_cast<int64_t>(op >> 3) - 1));
      break;
    case 4:  // search
      (void)molt::str_find_sub(a.get(), bs.get(), 0, molt::str_length(a.get()), false);
      (void)molt::str_find_sub(a.get(), bs.get(), 0, molt::str_length(a.get()), true);
      consume(molt::str_splitlines(a.get(), (op & 8) != 0));
      break;
    default:  // case mapping and repr
      consume(molt::str_upper(a.get()));
      consume(molt::str_lower(a.get()));
      consume(molt::str_repr(a.get()));
      consume(molt::object_ascii(a.get()));
      break;
  }
  molt::clear_error();
  return 0;
}
