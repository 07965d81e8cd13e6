// str_mod.cc — printf-style formatting, `format % args` (CPython's
// PyUnicode_Format): %s %r %a %c %d %i %u %o %x %X %e %E %f %F %g %G %%,
// flags - + space # 0, width and precision (incl. '*'), %(key)s lookups in
// a mapping, and CPython 3.12's argument-consumption rules and messages.
#include <string.h>

#include "core/abstract.h"
#include "core/errors.h"
#include "core/format.h"
#include "exc/exceptions.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/str_impl.h"
#include "objects/str_methods.h"
#include "objects/tuple.h"

namespace molt {

namespace {

enum PercentFlags : unsigned { kLjust = 1, kSign = 2, kBlank = 4, kAlt = 8, kZero = 16 };

/// One conversion specifier.
struct Spec {
  uint32_t ch = 0;
  unsigned flags = 0;
  int64_t width = -1;
  int64_t prec = -1;
  bool sign = false;  ///< a numeric conversion: sign and zero padding apply
};

/// The formatter's state (CPython's unicode_formatter_t).
struct Ctx {
  const void* data;
  int kind;
  int64_t pos, end;
  bool exhausted = false;  ///< a read past the end was attempted
  Value args;              ///< borrowed, or owned when args_owned
  bool args_owned = false;
  int64_t arglen, argidx;
  Value dict;  ///< the mapping for %(key)s, or MOLT_UNBOUND
  StrWriter w;

  ~Ctx() {
    if (args_owned) decref(args);
  }
  bool read(uint32_t* ch) {
    if (pos >= end) {
      exhausted = true;
      return false;
    }
    *ch = read_unit(data, kind, pos++);
    return true;
  }
  /// The next positional argument (borrowed) or MOLT_ERROR.
  Value next_arg() {
    if (argidx < arglen) {
      int64_t i = argidx++;
      return arglen < 0 ? args : tuple_item_borrowed(args, i);
    }
    return raise(ErrorId::PercentNotEnoughArgs);
  }
};

bool parse(Ctx& c, Spec& s) {
  if (c.pos < c.end && read_unit(c.data, c.kind, c.pos) == '(') {
    if (c.dict == MOLT_UNBOUND) {
      raise(ErrorId::PercentNeedsMapping);
      return false;
    }
    ++c.pos;
    int64_t keystart = c.pos;
    int pcount = 1;
    uint32_t ch;
    while (pcount > 0 && c.read(&ch)) {
      if (ch == ')') {
        --pcount;
      } else if (ch == '(') {
        ++pcount;
      }
    }
    if (c.exhausted || pcount > 0) {
      raise(ErrorId::PercentIncompleteKey);
      return false;
    }
    Ref key(
        str_from_units(static_cast<const char*>(c.data) + keystart * c.kind, c.kind, c.pos - keystart - 1));
    if (key.is_error()) return false;
    Value v = object_getitem(c.dict, key.get());
    if (molt_is_error(v)) return false;
    if (c.args_owned) decref(c.args);
    c.args = v;
    c.args_owned = true;
    c.arglen = -1;
    c.argidx = -2;
  }
  while (c.read(&s.ch)) {
    switch (s.ch) {
      case '-': s.flags |= kLjust; continue;
      case '+': s.flags |= kSign; continue;
      case ' ': s.flags |= kBlank; continue;
      case '#': s.flags |= kAlt; continue;
      case '0': s.flags |= kZero; continue;
      default: break;
    }
    break;
  }
  if (s.ch == '*') {
    Value v = c.next_arg();
    if (molt_is_error(v)) return false;
    if (!is_int_like(v)) {
      raise(ErrorId::PercentStarWantsInt);
      return false;
    }
    if (!index_arg(v, IndexOverflow::SsizeError, &s.width)) return false;
    if (s.width < 0) {
      s.flags |= kLjust;
      s.width = -s.width;
    }
    c.read(&s.ch);
  } else if (s.ch >= '0' && s.ch <= '9') {
    s.width = s.ch - '0';
    while (c.read(&s.ch)) {
      if (s.ch < '0' || s.ch > '9') break;
      if (s.width > (INT64_MAX - (s.ch - '0')) / 10) {
        raise(ErrorId::PercentWidthTooBig);
        return false;
      }
      s.width = s.width * 10 + (s.ch - '0');
    }
  }
  if (s.ch == '.') {
    s.prec = 0;
    c.read(&s.ch);
    if (s.ch == '*') {
      Value v = c.next_arg();
      if (molt_is_error(v)) return false;
      if (!is_int_like(v)) {
        raise(ErrorId::PercentStarWantsInt);
        return false;
      }
      if (!index_arg(v, IndexOverflow::CIntError, &s.prec)) return false;
      if (s.prec < 0) s.prec = 0;
      c.read(&s.ch);
    } else if (s.ch >= '0' && s.ch <= '9') {
      s.prec = s.ch - '0';
      while (c.read(&s.ch)) {
        if (s.ch < '0' || s.ch > '9') break;
        if (s.prec > (INT32_MAX - (s.ch - '0')) / 10) {
          raise(ErrorId::FormatPrecisionTooBig);
          return false;
        }
        s.prec = s.prec * 10 + (s.ch - '0');
      }
    }
  }
  if (!c.exhausted && (s.ch == 'h' || s.ch == 'l' || s.ch == 'L')) c.read(&s.ch);
  if (c.exhausted) {
    raise(ErrorId::PercentIncomplete);
    return false;
  }
  return true;
}

/// True for values PyNumber_Check accepts.
bool is_number(Value v) {
  if (molt_is_double(v) || molt_is_small_int(v) || molt_is_bool(v) || is_int_like(v)) return true;
  Type* t = type_of(v);
  return t->as_number != nullptr && (t->as_number->index != nullptr || t->as_number->to_int != nullptr ||
                                     t->as_number->to_float != nullptr);
}

/// The int for %d/%i/%u (int(v)) or %o/%x/%X (operator.index(v)).
Value integer_of(Value v, uint32_t type) {
  if (is_int_like(v)) return new_ref(int_from_bool_or_int(v));
  bool index_only = type == 'o' || type == 'x' || type == 'X';
  if (molt_is_double(v)) {
    if (index_only) return raise(ErrorId::PercentNeedsInteger, static_cast<int>(type), "float");
    return int_from_double(molt_as_double(v));
  }
  Type* t = type_of(v);
  UnaryFunc f = nullptr;
  if (t->as_number != nullptr)
    f = index_only ? t->as_number->index
                   : (t->as_number->to_int ? t->as_number->to_int : t->as_number->index);
  if (f == nullptr) {
    return raise(index_only ? ErrorId::PercentNeedsInteger : ErrorId::PercentNeedsReal,
                 static_cast<int>(type), t->name);
  }
  return f(v);
}

/// %d %i %u %o %x %X: the digits as _PyUnicode_FormatLong gives them.
Value format_long(Value v, const Spec& s) {
  if (!is_number(v)) {
    bool idx = s.ch == 'o' || s.ch == 'x' || s.ch == 'X';
    return raise(idx ? ErrorId::PercentNeedsInteger : ErrorId::PercentNeedsReal, static_cast<int>(s.ch),
                 type_of(v)->name);
  }
  Ref iobj(integer_of(v, s.ch));
  if (iobj.is_error()) return MOLT_ERROR;
  int base = s.ch == 'o' ? 8 : (s.ch == 'x' || s.ch == 'X') ? 16 : 10;
  Ref text(base == 10 ? int_repr(iobj.get()) : int_to_base_string(iobj.get(), base, true));
  if (text.is_error()) return MOLT_ERROR;
  size_t len = 0;
  const char* t = str_utf8(text.get(), &len);
  if (t == nullptr) return MOLT_ERROR;
  bool neg = t[0] == '-';
  size_t skip = neg ? 1 : 0;
  size_t prefix = base == 10 ? 0 : 2;
  bool keep_prefix = prefix > 0 && (s.flags & kAlt);
  size_t ndigits = len - skip - prefix;
  CharBuf out;
  if (neg && !out.push('-')) return MOLT_ERROR;
  if (keep_prefix && !out.append(t + skip, 2)) return MOLT_ERROR;
  for (int64_t i = static_cast<int64_t>(ndigits); i < s.prec; ++i) {
    if (!out.push('0')) return MOLT_ERROR;
  }
  if (!out.append(t + skip + prefix, ndigits)) return MOLT_ERROR;
  if (s.ch == 'X') {
    for (size_t i = 0; i < out.len; ++i) {
      if (out.data[i] >= 'a' && out.data[i] <= 'x') out.data[i] = static_cast<char>(out.data[i] - 32);
    }
  }
  return str_from_ascii(out.data, out.len);
}

/// PyFloat_AsDouble for %e/%f/%g: floats, ints, objects with __float__/__index__.
bool as_double(Value v, double* out) {
  if (molt_is_double(v)) {
    *out = molt_as_double(v);
    return true;
  }
  if (is_int_like(v)) {
    bool overflow = false;
    *out = int_to_double(int_from_bool_or_int(v), &overflow);
    if (overflow) raise(ErrorId::IntTooLargeForFloat);
    return !overflow;
  }
  Type* t = type_of(v);
  if (t->as_number != nullptr && (t->as_number->to_float != nullptr || t->as_number->index != nullptr)) {
    Ref r(t->as_number->to_float ? t->as_number->to_float(v) : t->as_number->index(v));
    if (r.is_error()) return false;
    return as_double(r.get(), out);
  }
  raise(ErrorId::MustBeRealNumber, t->name);
  return false;
}

/// %c: a code point from a one-character str or an int.
bool format_char(Value v, uint32_t* out) {
  if (is_str(v)) {
    if (str_length(v) != 1) {
      raise(ErrorId::PercentCharType);
      return false;
    }
    *out = str_code_point(as_str(v), 0);
    return true;
  }
  if (!is_index_like(v)) {
    raise(ErrorId::PercentCharType);
    return false;
  }
  int64_t x;
  if (!index_arg(v, IndexOverflow::Clamp, &x)) return false;
  if (x < 0 || x > 0x10FFFF) {
    raise(ErrorId::FormatCharRange);
    return false;
  }
  *out = static_cast<uint32_t>(x);
  return true;
}

/// unicode_format_arg_output: pads `str` per the spec into the writer.
bool output(Ctx& c, Spec& s, Value str) {
  uint32_t fill = s.sign && (s.flags & kZero) ? '0' : ' ';
  int64_t len = str_length(str);
  if ((s.width == -1 || s.width <= len) && (s.prec == -1 || s.prec >= len) && !(s.flags & (kSign | kBlank))) {
    return c.w.append_str(str);
  }
  if ((s.ch == 's' || s.ch == 'r' || s.ch == 'a') && s.prec >= 0 && len > s.prec) len = s.prec;
  StrObject* o = as_str(str);
  const void* d = str_data(o);
  int64_t pindex = 0;
  uint32_t signchar = 0;
  if (s.sign) {
    uint32_t ch = len > 0 ? read_unit(d, o->kind, 0) : 0;
    if (ch == '-' || ch == '+') {
      signchar = ch;
      --len;
      pindex = 1;
    } else if (s.flags & kSign) {
      signchar = '+';
    } else if (s.flags & kBlank) {
      signchar = ' ';
    } else {
      s.sign = false;
    }
  }
  int64_t width = s.width < len ? len : s.width;
  bool alt_prefix = (s.flags & kAlt) && (s.ch == 'x' || s.ch == 'X' || s.ch == 'o');
  if (s.sign) {
    if (fill != ' ' && !c.w.append(signchar)) return false;
    if (width > len) --width;
  }
  if (alt_prefix) {
    if (fill != ' ') {
      if (!c.w.append_substr(str, pindex, pindex + 2)) return false;
      pindex += 2;
    }
    width -= 2;
    if (width < 0) width = 0;
    len -= 2;
  }
  if (width > len && !(s.flags & kLjust)) {
    if (!c.w.fill(fill, width - len)) return false;
    width = len;
  }
  if (fill == ' ') {
    if (s.sign && !c.w.append(signchar)) return false;
    if (alt_prefix) {
      if (!c.w.append_substr(str, pindex, pindex + 2)) return false;
      pindex += 2;
    }
  }
  if (len > 0 && !c.w.append_substr(str, pindex, pindex + len)) return false;
  if (width > len && !c.w.fill(' ', width - len)) return false;
  return true;
}

/// Formats one conversion (the text after '%').
bool format_arg(Ctx& c) {
  if (c.pos < c.end && read_unit(c.data, c.kind, c.pos) == '%') {
    ++c.pos;
    return c.w.append('%');
  }
  Spec s;
  if (!parse(c, s)) return false;
  Value v = c.next_arg();
  if (molt_is_error(v)) return false;
  Ref str;
  switch (s.ch) {
    case 's':
    case 'r':
    case 'a': str = Ref(s.ch == 's' ? object_str(v) : s.ch == 'r' ? object_repr(v) : object_ascii(v)); break;
    case 'i':
    case 'd':
    case 'u':
    case 'o':
    case 'x':
    case 'X':
      str = Ref(format_long(v, s));
      s.sign = true;
      break;
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G': {
      double x;
      if (!as_double(v, &x)) return false;
      CharBuf buf;
      if (!double_to_string(x, static_cast<char>(s.ch), s.prec < 0 ? 6 : static_cast<int>(s.prec),
                            (s.flags & kAlt) ? kFloatAlt : 0u, &buf)) {
        return false;
      }
      str = Ref(str_from_ascii(buf.data, buf.len));
      s.sign = true;
      break;
    }
    case 'c': {
      uint32_t ch;
      if (!format_char(v, &ch)) return false;
      str = Ref(str_char(ch));
      break;
    }
    default: {
      char shown[8];
      size_t n = 0;
      if (s.ch >= 31 && s.ch <= 126) {
        shown[n++] = static_cast<char>(s.ch);
      } else {
        shown[n++] = '?';
      }
      shown[n] = '\0';
      raise(ErrorId::PercentUnsupportedChar, shown, static_cast<unsigned>(s.ch),
            static_cast<long long>(c.pos - 1));
      return false;
    }
  }
  if (str.is_error()) return false;
  if (!output(c, s, str.get())) return false;
  if (c.dict != MOLT_UNBOUND && c.argidx < c.arglen) {
    raise(ErrorId::PercentNotAllConverted);
    return false;
  }
  return true;
}

}  // namespace

Value str_mod(Value format, Value args) {
  Ctx c;
  StrObject* f = as_str(format);
  c.data = str_data(f);
  c.kind = f->kind;
  c.pos = 0;
  c.end = f->length;
  c.args = args;
  if (is_tuple(args)) {
    c.arglen = tuple_size(args);
    c.argidx = 0;
  } else {
    c.arglen = -1;
    c.argidx = -2;
  }
  Type* t = type_of(args);
  c.dict =
      (t->as_mapping != nullptr && t->as_mapping->subscript != nullptr && !is_tuple(args) && !is_str(args))
          ? args
          : MOLT_UNBOUND;
  if (!c.w.reserve(c.end + 16, f->ascii ? 0x7F : f->kind == 1 ? 0xFF : f->kind == 2 ? 0xFFFF : 0x10FFFF)) {
    return MOLT_ERROR;
  }
  while (c.pos < c.end) {
    int64_t start = c.pos;
    if (read_unit(c.data, c.kind, c.pos) != '%') {
      int64_t next = str_find_char(c.data, c.kind, c.pos, c.end, '%');
      c.pos = next < 0 ? c.end : next;
      if (!c.w.append_substr(format, start, c.pos)) return MOLT_ERROR;
      continue;
    }
    ++c.pos;
    if (!format_arg(c)) return MOLT_ERROR;
  }
  if (c.argidx < c.arglen && c.dict == MOLT_UNBOUND) return raise(ErrorId::PercentNotAllConverted);
  return c.w.finish();
}

}  // namespace molt
