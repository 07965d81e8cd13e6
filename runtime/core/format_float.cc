// format_float.cc — float to text for format() and %-formatting: CPython's
// PyOS_double_to_string (types e f g r, '#', 'z', repr-style ".0") and
// float.__format__.
//
// Digits come from std::to_chars, which is exact and correctly rounded
// (round-half-even on exact ties, like David Gay's dtoa that CPython uses)
// for any precision, on glibc/libstdc++ hosts and wasm32-wasi's libc++
// alike. The layout then follows CPython's format_float_short: a
// "virtual" digit string padded with zeros on both sides, sliced around the
// decimal point.
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <charconv>

#include "core/errors.h"
#include "core/format.h"
#include "objects/float.h"
#include "objects/str_impl.h"

namespace molt {

CharBuf::~CharBuf() {
  if (data != inline_buf) free(data);
}

bool CharBuf::reserve(size_t n) {
  if (len + n <= cap) return true;
  size_t c = cap * 2;
  while (c < len + n) c *= 2;
  char* p = static_cast<char*>(malloc(c));
  if (p == nullptr) {
    raise_no_memory();
    return false;
  }
  memcpy(p, data, len);
  if (data != inline_buf) free(data);
  data = p;
  cap = c;
  return true;
}

bool CharBuf::append(const char* s, size_t n) {
  if (!reserve(n)) return false;
  memcpy(data + len, s, n);
  len += n;
  return true;
}

namespace {

/// Decimal digits of |x| (x finite): digits without leading or trailing
/// zeros (just "0" for zero) and the decimal point position (value =
/// 0.d1d2... * 10**decpt), as dtoa's modes 0 (shortest), 2 (n significant
/// digits) and 3 (n digits after the point) give them.
struct Digits {
  char* text = nullptr;
  int64_t len = 0;
  int64_t decpt = 0;
  char inline_buf[48];
  ~Digits() {
    if (text != inline_buf) free(text);
  }
};

bool get_digits(double x, char mode, int64_t ndigits, Digits* out) {
  x = fabs(x);
  // Room for the longest output of to_chars: 'f' can have 309 integer
  // digits plus the precision; 'e' has the precision plus a few.
  size_t cap = static_cast<size_t>(ndigits) + 330;
  char* buf = cap <= sizeof out->inline_buf ? out->inline_buf : static_cast<char*>(malloc(cap));
  if (buf == nullptr) {
    raise_no_memory();
    return false;
  }
  out->text = buf;
  std::to_chars_result r;
  if (mode == 'r') {
    r = std::to_chars(buf, buf + cap, x, std::chars_format::scientific);
  } else if (mode == 'e') {
    r = std::to_chars(buf, buf + cap, x, std::chars_format::scientific, static_cast<int>(ndigits - 1));
  } else {
    r = std::to_chars(buf, buf + cap, x, std::chars_format::fixed, static_cast<int>(ndigits));
  }
  int64_t n = r.ptr - buf;
  int64_t k = 0;  // digits written back into buf
  int64_t decpt;
  if (mode == 'f') {
    // "iii.fff": drop the point, then leading zeros.
    int64_t int_digits = 0;
    while (int_digits < n && buf[int_digits] != '.') ++int_digits;
    for (int64_t i = 0; i < n; ++i) {
      if (buf[i] != '.') buf[k++] = buf[i];
    }
    decpt = int_digits;
    int64_t lead = 0;
    while (lead < k && buf[lead] == '0') ++lead;
    if (lead == k) {
      buf[0] = '0';
      k = 1;
      decpt = 1;
    } else {
      memmove(buf, buf + lead, static_cast<size_t>(k - lead));
      k -= lead;
      decpt -= lead;
    }
  } else {
    // "d.ddde+XX".
    int64_t e = 0;
    while (e < n && buf[e] != 'e') ++e;
    // The exponent: a sign and digits up to n (the buffer is not
    // NUL-terminated).
    int64_t exp10 = 0;
    bool exp_neg = e + 1 < n && buf[e + 1] == '-';
    for (int64_t i = e + 2; i < n; ++i) exp10 = exp10 * 10 + (buf[i] - '0');
    if (exp_neg) exp10 = -exp10;
    for (int64_t i = 0; i < e; ++i) {
      if (buf[i] != '.') buf[k++] = buf[i];
    }
    decpt = buf[0] == '0' ? 1 : exp10 + 1;
  }
  while (k > 1 && buf[k - 1] == '0') --k;
  out->len = k;
  out->decpt = decpt;
  return true;
}

bool all_zero(const Digits& d) {
  for (int64_t i = 0; i < d.len; ++i) {
    if (d.text[i] != '0') return false;
  }
  return true;
}

bool fill_zeros(CharBuf* out, int64_t n) {
  if (n <= 0) return true;
  if (!out->reserve(static_cast<size_t>(n))) return false;
  memset(out->data + out->len, '0', static_cast<size_t>(n));
  out->len += static_cast<size_t>(n);
  return true;
}

}  // namespace

bool double_to_string(double x, char code, int precision, unsigned flags, CharBuf* out) {
  bool upper = code >= 'A' && code <= 'Z';
  if (upper) code = static_cast<char>(code + 32);
  bool alt = (flags & kFloatAlt) != 0;
  bool add_dot_0 = (flags & kFloatAddDot0) != 0;
  bool sign = signbit(x) != 0;
  if (isnan(x) || isinf(x)) {
    if (isnan(x)) sign = false;
    if (sign) {
      if (!out->push('-')) return false;
    } else if (flags & kFloatSign) {
      if (!out->push('+')) return false;
    }
    const char* word = isnan(x) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
    return out->append(word, 3);
  }
  char mode;
  int64_t ndigits = precision;
  switch (code) {
    case 'e':
      mode = 'e';
      ndigits = precision + 1;
      break;
    case 'f': mode = 'f'; break;
    case 'g':
      mode = 'e';
      if (ndigits == 0) ndigits = 1;
      break;
    default: mode = 'r'; break;
  }
  Digits d;
  if (!get_digits(x, mode, ndigits, &d)) return false;
  if (sign && (flags & kFloatNoNegZero) && all_zero(d)) sign = false;

  int64_t decpt = d.decpt, digits_len = d.len, vdigits_end = digits_len, exp = 0;
  bool use_exp = false;
  int64_t prec = ndigits;
  switch (code) {
    case 'e':
      use_exp = true;
      vdigits_end = prec;
      break;
    case 'f': vdigits_end = decpt + prec; break;
    case 'g':
      if (decpt <= -4 || decpt > (add_dot_0 ? prec - 1 : prec)) use_exp = true;
      if (alt) vdigits_end = prec;
      break;
    default:
      if (decpt <= -4 || decpt > 16) use_exp = true;
      break;
  }
  if (use_exp) {
    exp = decpt - 1;
    decpt = 1;
  }
  int64_t vdigits_start = decpt <= 0 ? decpt - 1 : 0;
  if (!use_exp && add_dot_0) {
    vdigits_end = vdigits_end > decpt ? vdigits_end : decpt + 1;
  } else {
    vdigits_end = vdigits_end > decpt ? vdigits_end : decpt;
  }
  if (sign) {
    if (!out->push('-')) return false;
  } else if (flags & kFloatSign) {
    if (!out->push('+')) return false;
  }
  size_t start_len = out->len;
  if (decpt <= 0) {
    if (!fill_zeros(out, decpt - vdigits_start) || !out->push('.') || !fill_zeros(out, -decpt)) return false;
  } else if (!fill_zeros(out, -vdigits_start)) {
    return false;
  }
  if (0 < decpt && decpt <= digits_len) {
    if (!out->append(d.text, static_cast<size_t>(decpt)) || !out->push('.') ||
        !out->append(d.text + decpt, static_cast<size_t>(digits_len - decpt))) {
      return false;
    }
  } else if (!out->append(d.text, static_cast<size_t>(digits_len))) {
    return false;
  }
  if (digits_len < decpt) {
    if (!fill_zeros(out, decpt - digits_len) || !out->push('.') || !fill_zeros(out, vdigits_end - decpt)) {
      return false;
    }
  } else if (!fill_zeros(out, vdigits_end - digits_len)) {
    return false;
  }
  if (out->len > start_len && out->data[out->len - 1] == '.' && !alt) --out->len;
  if (use_exp) {
    char e[16];
    int64_t a = exp < 0 ? -exp : exp;
    int n = 0;
    e[n++] = upper ? 'E' : 'e';
    e[n++] = exp < 0 ? '-' : '+';
    char rev[8];
    int m = 0;
    do {
      rev[m++] = static_cast<char>('0' + a % 10);
      a /= 10;
    } while (a > 0);
    if (m < 2) rev[m++] = '0';
    while (m > 0) e[n++] = rev[--m];
    if (!out->append(e, static_cast<size_t>(n))) return false;
  }
  return true;
}

Value format_float(double x, Value spec) {
  if (str_length(spec) == 0) return float_repr(molt_from_double(x));
  FormatSpec f;
  if (!parse_format_spec(spec, "float", 0, '>', &f)) return MOLT_ERROR;
  switch (f.type) {
    case 0:
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case 'n':
    case '%': break;
    default:
      if (f.type > 32 && f.type < 128)
        return raise(ErrorId::FormatUnknownCode, static_cast<int>(f.type), "float");
      return raise(ErrorId::FormatUnknownCodeHex, static_cast<unsigned>(f.type), "float");
  }
  if (f.precision > INT32_MAX) return raise(ErrorId::FormatPrecisionTooBig);
  unsigned flags = 0;
  if (f.alternate) flags |= kFloatAlt;
  if (f.no_neg_zero) flags |= kFloatNoNegZero;
  char type = static_cast<char>(f.type);
  int64_t default_precision = 6;
  if (type == 0) {
    flags |= kFloatAddDot0;
    type = 'r';
    default_precision = 0;
  }
  if (type == 'n') type = 'g';
  bool add_pct = false;
  if (type == '%') {
    type = 'f';
    x *= 100;
    add_pct = true;
  }
  int64_t precision = f.precision;
  if (precision < 0) {
    precision = default_precision;
  } else if (type == 'r') {
    type = 'g';
  }
  CharBuf buf;
  if (!double_to_string(x, type, static_cast<int>(precision), flags, &buf)) return MOLT_ERROR;
  if (add_pct && !buf.push('%')) return MOLT_ERROR;
  if (f.width == -1 && f.grouping == 0 && f.sign != '+' && f.sign != ' ') {
    return str_from_ascii(buf.data, buf.len);  // nothing to lay out
  }
  StrWriter w;
  if (!layout_number(w, buf.data, buf.len, 0, false, f)) return MOLT_ERROR;
  return w.finish();
}

}  // namespace molt
