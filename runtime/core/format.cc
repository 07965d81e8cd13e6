// format.cc — the format-spec mini-language: parsing, number layout (sign,
// prefix, grouping, zero padding, alignment), int/bool/str formatting,
// format() dispatch and the builtin format().
#include "core/format.h"

#include <stdio.h>

#include "exc/exceptions.h"
#include "objects/class.h"

#include <stdlib.h>
#include <string.h>

#include "core/abstract.h"
#include "core/args.h"
#include "core/errors.h"
#include "core/unicode.h"
#include "objects/bool.h"
#include "objects/float.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/str_impl.h"

namespace molt {

// --- parsing --------------------------------------------------------------------------

namespace {

bool is_align(uint32_t c) {
  return c == '<' || c == '>' || c == '=' || c == '^';
}

/// Reads Unicode decimal digits at spec[*pos..end) into *out. Returns the
/// number consumed, or -1 with ValueError "Too many decimal digits in
/// format string".
int64_t get_integer(const void* d, int kind, int64_t* pos, int64_t end, int64_t* out) {
  int64_t value = 0, consumed = 0;
  for (; *pos < end; ++*pos, ++consumed) {
    int digit = unicode::decimal_value(read_unit(d, kind, *pos));
    if (digit < 0) break;
    if (value > (INT64_MAX - digit) / 10) {
      raise(ErrorId::FormatTooManyDigits);
      return -1;
    }
    value = value * 10 + digit;
  }
  *out = value;
  return consumed;
}

/// "Unknown format code 'x' for object of type 'str'".
Value unknown_type(uint32_t type, const char* type_name) {
  if (type > 32 && type < 128) return raise(ErrorId::FormatUnknownCode, static_cast<int>(type), type_name);
  return raise(ErrorId::FormatUnknownCodeHex, static_cast<unsigned>(type), type_name);
}

}  // namespace

bool parse_format_spec(Value spec, const char* type_name, uint32_t default_type, uint32_t default_align,
                       FormatSpec* f) {
  StrObject* s = as_str(spec);
  const void* d = str_data(s);
  int kind = s->kind;
  int64_t pos = 0, end = s->length;
  *f = FormatSpec();
  f->align = default_align;
  f->type = default_type;
  bool fill_given = false, align_given = false;
  if (end - pos >= 2 && is_align(read_unit(d, kind, pos + 1))) {
    f->align = read_unit(d, kind, pos + 1);
    f->fill = read_unit(d, kind, pos);
    fill_given = align_given = true;
    pos += 2;
  } else if (end - pos >= 1 && is_align(read_unit(d, kind, pos))) {
    f->align = read_unit(d, kind, pos);
    align_given = true;
    ++pos;
  }
  if (end - pos >= 1) {
    uint32_t c = read_unit(d, kind, pos);
    if (c == '+' || c == '-' || c == ' ') {
      f->sign = c;
      ++pos;
    }
  }
  if (end - pos >= 1 && read_unit(d, kind, pos) == 'z') {
    f->no_neg_zero = true;
    ++pos;
  }
  if (end - pos >= 1 && read_unit(d, kind, pos) == '#') {
    f->alternate = true;
    ++pos;
  }
  if (!fill_given && end - pos >= 1 && read_unit(d, kind, pos) == '0') {
    f->fill = '0';
    if (!align_given && default_align == '>') f->align = '=';
    ++pos;
  }
  int64_t consumed = get_integer(d, kind, &pos, end, &f->width);
  if (consumed < 0) return false;
  if (consumed == 0) f->width = -1;
  if (end - pos >= 1 && read_unit(d, kind, pos) == ',') {
    f->grouping = ',';
    ++pos;
  }
  if (end - pos >= 1 && read_unit(d, kind, pos) == '_') {
    if (f->grouping != 0) {
      raise(ErrorId::FormatBothSeparators);
      return false;
    }
    f->grouping = '_';
    ++pos;
  }
  if (end - pos >= 1 && read_unit(d, kind, pos) == ',' && f->grouping == '_') {
    raise(ErrorId::FormatBothSeparators);
    return false;
  }
  if (end - pos >= 1 && read_unit(d, kind, pos) == '.') {
    ++pos;
    consumed = get_integer(d, kind, &pos, end, &f->precision);
    if (consumed < 0) return false;
    if (consumed == 0) {
      raise(ErrorId::FormatMissingPrecision);
      return false;
    }
  }
  if (end - pos > 1) {
    size_t n = 0;
    const char* text = str_utf8(spec, &n);
    if (text == nullptr) return false;
    raise(ErrorId::FormatInvalidSpec, text, type_name);
    return false;
  }
  if (end - pos == 1) f->type = read_unit(d, kind, pos);
  if (f->grouping != 0) {
    f->group_size = 3;
    switch (f->type) {
      case 'd':
      case 'e':
      case 'f':
      case 'g':
      case 'E':
      case 'G':
      case '%':
      case 'F':
      case 0: break;
      case 'b':
      case 'o':
      case 'x':
      case 'X':
        if (f->grouping == '_') {
          f->group_size = 4;
          break;
        }
        [[fallthrough]];
      default:
        if (f->type > 32 && f->type < 128) {
          raise(ErrorId::FormatCannotSpecify, static_cast<int>(f->grouping), static_cast<int>(f->type));
        } else {
          raise(ErrorId::FormatCannotSpecifyHex, static_cast<int>(f->grouping),
                static_cast<unsigned>(f->type));
        }
        return false;
    }
  }
  return true;
}

// --- number layout ---------------------------------------------------------------------

namespace {

/// The pieces of a formatted number (CPython's NumberFieldWidths inputs).
struct NumberParts {
  char sign_char = 0;  ///< '-' when the number is negative
  const char* prefix = nullptr;
  size_t n_prefix = 0;
  const char* digits = nullptr;
  size_t n_digits = 0;
  bool has_decimal = false;
  const char* remainder = nullptr;  ///< ASCII; null with n_remainder 1 means remainder_cp
  size_t n_remainder = 0;
  uint32_t remainder_cp = 0;
};

/// Runs CPython's thousands-grouping walk (right to left) over n_digits
/// digits padded with zeros to min_width. With out == null only measures;
/// otherwise writes the text ending at out + total. Returns the length.
int64_t group_digits(const char* digits, int64_t n_digits, int64_t min_width, int group, char sep, char* out,
                     int64_t total) {
  int64_t count = 0, remaining = n_digits, pos = total;
  bool use_sep = false, broken = false;
  if (min_width < 0) min_width = 0;
  auto emit = [&](int64_t n_chars, int64_t n_zeros) {
    if (use_sep) {
      ++count;
      if (out) out[--pos] = sep;
    }
    count += n_chars + n_zeros;
    if (out) {
      pos -= n_chars;
      memcpy(out + pos, digits + remaining - n_chars, static_cast<size_t>(n_chars));
      pos -= n_zeros;
      memset(out + pos, '0', static_cast<size_t>(n_zeros));
    }
  };
  if (group > 0) {
    for (;;) {
      int64_t l = group;
      int64_t cap = remaining > min_width ? remaining : min_width;
      if (cap < 1) cap = 1;
      if (l > cap) l = cap;
      int64_t n_zeros = l - remaining > 0 ? l - remaining : 0;
      int64_t n_chars = remaining < l ? (remaining > 0 ? remaining : 0) : l;
      emit(n_chars, n_zeros);
      use_sep = true;
      remaining -= n_chars;
      min_width -= l;
      if (remaining <= 0 && min_width <= 0) {
        broken = true;
        break;
      }
      min_width -= 1;
    }
  }
  if (!broken) {
    int64_t l = remaining > min_width ? remaining : min_width;
    if (l < 1) l = 1;
    int64_t n_zeros = l - remaining > 0 ? l - remaining : 0;
    int64_t n_chars = remaining < l ? (remaining > 0 ? remaining : 0) : l;
    emit(n_chars, n_zeros);
  }
  return count;
}

bool write_number(StrWriter& w, const NumberParts& p, const FormatSpec& f, bool upper) {
  char sign = 0;
  if (f.sign == '+') {
    sign = p.sign_char == '-' ? '-' : '+';
  } else if (f.sign == ' ') {
    sign = p.sign_char == '-' ? '-' : ' ';
  } else if (p.sign_char == '-') {
    sign = '-';
  }
  int64_t n_sign = sign ? 1 : 0;
  int64_t n_decimal = p.has_decimal ? 1 : 0;
  int64_t n_non_digit =
      n_sign + static_cast<int64_t>(p.n_prefix) + n_decimal + static_cast<int64_t>(p.n_remainder);
  int64_t min_width = f.fill == '0' && f.align == '=' ? f.width - n_non_digit : 0;
  char sep = f.grouping == ',' ? ',' : '_';
  int group = f.grouping != 0 && f.type != 'n' ? f.group_size : 0;
  int64_t n_grouped = p.n_digits == 0 ? 0
                                      : group_digits(p.digits, static_cast<int64_t>(p.n_digits), min_width,
                                                     group, sep, nullptr, 0);
  int64_t n_padding = f.width - (n_non_digit + n_grouped);
  int64_t lpad = 0, spad = 0, rpad = 0;
  if (n_padding > 0) {
    switch (f.align) {
      case '<': rpad = n_padding; break;
      case '^':
        lpad = n_padding / 2;
        rpad = n_padding - lpad;
        break;
      case '=': spad = n_padding; break;
      default: lpad = n_padding; break;
    }
  }
  uint32_t maxchar = (lpad || spad || rpad) ? f.fill : 0x7F;
  if (p.remainder == nullptr && p.n_remainder == 1 && p.remainder_cp > maxchar) maxchar = p.remainder_cp;
  if (!w.reserve(lpad + n_non_digit + n_grouped + spad + rpad, maxchar)) return false;
  if (!w.fill(f.fill, lpad)) return false;
  if (sign && !w.append(static_cast<uint8_t>(sign))) return false;
  for (size_t i = 0; i < p.n_prefix; ++i) {
    char c = p.prefix[i];
    if (upper && c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
    if (!w.append(static_cast<uint8_t>(c))) return false;
  }
  if (!w.fill(f.fill, spad)) return false;
  if (n_grouped > 0) {
    char stack[128];
    char* buf = n_grouped <= 128 ? stack : static_cast<char*>(malloc(static_cast<size_t>(n_grouped)));
    if (buf == nullptr) {
      raise_no_memory();
      return false;
    }
    group_digits(p.digits, static_cast<int64_t>(p.n_digits), min_width, group, sep, buf, n_grouped);
    if (upper) {
      for (int64_t i = 0; i < n_grouped; ++i) {
        if (buf[i] >= 'a' && buf[i] <= 'z') buf[i] = static_cast<char>(buf[i] - 32);
      }
    }
    bool ok = w.append_ascii(buf, static_cast<size_t>(n_grouped));
    if (buf != stack) free(buf);
    if (!ok) return false;
  }
  if (p.has_decimal && !w.append('.')) return false;
  if (p.remainder != nullptr) {
    if (!w.append_ascii(p.remainder, p.n_remainder)) return false;
  } else if (p.n_remainder == 1) {
    if (!w.append(p.remainder_cp)) return false;
  }
  return w.fill(f.fill, rpad);
}

}  // namespace

bool layout_number(StrWriter& w, const char* text, size_t len, size_t prefix_len, bool upper,
                   const FormatSpec& spec) {
  NumberParts p;
  size_t i = 0;
  if (len > 0 && text[0] == '-') {
    p.sign_char = '-';
    i = 1;
  }
  p.prefix = text + i;
  p.n_prefix = prefix_len;
  i += prefix_len;
  p.digits = text + i;
  while (i < len && text[i] >= '0' && text[i] <= '9') ++i;
  p.n_digits = static_cast<size_t>(text + i - p.digits);
  if (i < len && text[i] == '.') {
    p.has_decimal = true;
    ++i;
  }
  p.remainder = text + i;
  p.n_remainder = len - i;
  return write_number(w, p, spec, upper);
}

// --- int ------------------------------------------------------------------------------

namespace {

Value format_int_spec(Value v, const FormatSpec& f) {
  if (f.precision != -1) return raise(ErrorId::FormatPrecisionInInt);
  if (f.no_neg_zero) return raise(ErrorId::FormatZInInt);
  Value n = int_from_bool_or_int(v);
  StrWriter w;
  if (f.type == 'c') {
    if (f.sign != 0) return raise(ErrorId::FormatSignWithC);
    if (f.alternate) return raise(ErrorId::FormatAltWithC);
    int64_t x;
    if (!int_to_i64(n, &x)) return raise(ErrorId::FormatIntTooLargeForCLong);
    if (x < 0 || x > 0x10FFFF) return raise(ErrorId::FormatCharRange);
    NumberParts p;
    p.n_remainder = 1;
    p.remainder_cp = static_cast<uint32_t>(x);
    if (!write_number(w, p, f, false)) return MOLT_ERROR;
    return w.finish();
  }
  int base = 10;
  switch (f.type) {
    case 'b': base = 2; break;
    case 'o': base = 8; break;
    case 'x':
    case 'X': base = 16; break;
    default: break;
  }
  Ref text(base == 10 ? int_repr(n) : int_to_base_string(n, base, true));
  if (text.is_error()) return MOLT_ERROR;
  size_t len = 0;
  const char* t = str_utf8(text.get(), &len);
  if (t == nullptr) return MOLT_ERROR;
  // The text is [-][0x]<digits>; the prefix is kept only for '#'.
  size_t sign = t[0] == '-' ? 1 : 0;
  size_t prefix = base == 10 ? 0 : 2;
  NumberParts p;
  p.sign_char = sign ? '-' : 0;
  p.prefix = t + sign;
  p.n_prefix = f.alternate ? prefix : 0;
  p.digits = t + sign + prefix;
  p.n_digits = len - sign - prefix;
  if (!write_number(w, p, f, f.type == 'X')) return MOLT_ERROR;
  return w.finish();
}

}  // namespace

Value format_int(Value v, Value spec) {
  if (str_length(spec) == 0) return object_str(v);
  FormatSpec f;
  if (!parse_format_spec(spec, type_of(v)->name, 'd', '>', &f)) return MOLT_ERROR;
  switch (f.type) {
    case 'b':
    case 'c':
    case 'd':
    case 'o':
    case 'x':
    case 'X':
    case 'n': return format_int_spec(v, f);
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case '%': {
      bool overflow = false;
      double x = int_to_double(int_from_bool_or_int(v), &overflow);
      if (overflow) return raise(ErrorId::IntTooLargeForFloat);
      return format_float(x, spec);
    }
    default: return unknown_type(f.type, type_of(v)->name);
  }
}

// --- str --------------------------------------------------------------------------------

Value format_str(Value s, Value spec) {
  if (str_length(spec) == 0) return str_substring(s, 0, str_length(s));
  FormatSpec f;
  if (!parse_format_spec(spec, type_of(s)->name, 's', '<', &f)) return MOLT_ERROR;
  if (f.type != 's') return unknown_type(f.type, type_of(s)->name);
  if (f.sign == ' ') return raise(ErrorId::FormatSpaceInString);
  if (f.sign != 0) return raise(ErrorId::FormatSignInString);
  if (f.no_neg_zero) return raise(ErrorId::FormatZInString);
  if (f.alternate) return raise(ErrorId::FormatAltInString);
  if (f.align == '=') return raise(ErrorId::FormatEqualsInString);
  int64_t len = str_length(s);
  if ((f.width == -1 || f.width <= len) && (f.precision == -1 || f.precision >= len)) {
    return str_substring(s, 0, len);
  }
  if (f.precision >= 0 && len >= f.precision) len = f.precision;
  int64_t total = f.width > len ? f.width : len;
  int64_t lpad = f.align == '>' ? total - len : f.align == '^' ? (total - len) / 2 : 0;
  int64_t rpad = total - len - lpad;
  StrWriter w;
  if (!w.reserve(total, (lpad || rpad) ? f.fill : 0)) return MOLT_ERROR;
  if (!w.fill(f.fill, lpad) || !w.append_substr(s, 0, len) || !w.fill(f.fill, rpad)) return MOLT_ERROR;
  return w.finish();
}

// --- dispatch --------------------------------------------------------------------------

Value format_value(Value v, Value spec) {
  if (molt_is_double(v)) return format_float(molt_as_double(v), spec);
  if (molt_is_small_int(v) || molt_is_bool(v)) return format_int(v, spec);
  Type* t = type_of(v);
  // A class's own __format__.
  if (is_heap_type(t)) {
    Value r = call_special(v, "__format__", &spec, 1);
    if (r != MOLT_UNBOUND) {
      if (molt_is_error(r) || is_str(r)) return r;
      const char* name = type_of(r)->name;
      decref(r);
      char msg[120];
      snprintf(msg, sizeof msg, "__format__ must return a str, not %s", name);
      return raise_message(&exc::TypeError, msg);
    }
  }
  // Builtin types and their subclasses.
  if (is_int_like(v)) return format_int(v, spec);
  if (is_str(v)) return format_str(v, spec);
  // object.__format__.
  if (str_length(spec) > 0) return raise(ErrorId::FormatUnsupported, t->name);
  return object_str(v);
}

Value builtin_format(const Value* args, size_t nargs, Value kwnames) {
  if (keyword_count(kwnames) > 0) return raise(ErrorId::TakesNoKeywords, "format");
  if (nargs < 1) return raise(ErrorId::ExpectedAtLeastArgs, "format", 1, "", nargs);
  if (nargs > 2) return raise(ErrorId::ExpectedAtMostArgs, "format", 2, "s", nargs);
  if (nargs == 1) {
    Ref empty(str_empty());
    return format_value(args[0], empty.get());
  }
  if (!is_str(args[1]))
    return raise(ErrorId::FormatSpecNotStr, args[1] == MOLT_NONE ? "None" : type_of(args[1])->name);
  return format_value(args[0], args[1]);
}

Value format_dunder_method(Value self, const Value* args, size_t nargs, Value kwnames) {
  const char* owner = molt_is_double(self) ? "float.__format__"
                      : is_str(self)       ? "str.__format__"
                                           : "int.__format__";
  if (keyword_count(kwnames) > 0) return raise(ErrorId::TakesNoKeywords, owner);
  if (nargs != 1) return raise(ErrorId::TakesExactlyOneArg, owner, nargs);
  if (!is_str(args[0]))
    return raise(ErrorId::DunderFormatArgType, args[0] == MOLT_NONE ? "None" : type_of(args[0])->name);
  return format_value(self, args[0]);
}

BuiltinFunctionObject g_builtin_format = {
    {kImmortalRefcount, &builtin_function_type}, "format", builtin_format};

}  // namespace molt
