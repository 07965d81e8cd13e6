// str_translate.cc — str.translate(table) and the static str.maketrans(),
// with CPython 3.12's lookup rules (a LookupError from the table keeps the
// character) and messages.
#include "core/abstract.h"
#include "core/errors.h"
#include "exc/exceptions.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/str_impl.h"
#include "objects/str_methods.h"

namespace molt {

namespace {

/// What the table says about one code point.
enum class Mapped { Keep, Delete, Char, Str };

/// Looks cp up in table: Keep (missing), Delete (None), Char (*out_cp) or
/// Str (*out_str, owned). False with an exception set.
bool lookup(Value table, uint32_t cp, Mapped* kind, uint32_t* out_cp, Value* out_str) {
  Value key = molt_from_small_int(cp);
  Value r = object_getitem(table, key);
  if (molt_is_error(r)) {
    if (error_matches(&exc::LookupError)) {
      clear_error();
      *kind = Mapped::Keep;
      return true;
    }
    return false;
  }
  if (r == MOLT_NONE) {
    *kind = Mapped::Delete;
    return true;
  }
  if (is_int_like(r)) {
    int64_t v;
    bool fits = int_to_i64(int_from_bool_or_int(r), &v);
    decref(r);
    if (!fits || v < 0 || v > 0x10FFFF) {
      raise(ErrorId::TranslateResultRange);
      return false;
    }
    *kind = Mapped::Char;
    *out_cp = static_cast<uint32_t>(v);
    return true;
  }
  if (is_str(r)) {
    *kind = Mapped::Str;
    *out_str = r;
    return true;
  }
  decref(r);
  raise(ErrorId::TranslateResultType);
  return false;
}

}  // namespace

Value str_translate(Value self, Value table) {
  StrObject* s = as_str(self);
  const void* d = str_data(s);
  StrWriter w;
  if (!w.reserve(s->length, s->ascii ? 0x7F : 0xFF)) return MOLT_ERROR;
  // Results for ASCII code points are cached, as CPython does: the table
  // is consulted once per distinct character.
  int32_t cache[128];
  for (int32_t& c : cache) c = -2;  // -2 unknown, -1 delete, else the code point
  for (int64_t i = 0; i < s->length; ++i) {
    uint32_t cp = read_unit(d, s->kind, i);
    if (cp < 128 && cache[cp] != -2) {
      if (cache[cp] >= 0 && !w.append(static_cast<uint32_t>(cache[cp]))) return MOLT_ERROR;
      continue;
    }
    Mapped kind;
    uint32_t to = cp;
    Value str = MOLT_NONE;
    if (!lookup(table, cp, &kind, &to, &str)) return MOLT_ERROR;
    switch (kind) {
      case Mapped::Keep:
        if (cp < 128) cache[cp] = static_cast<int32_t>(cp);
        if (!w.append(cp)) return MOLT_ERROR;
        break;
      case Mapped::Delete:
        if (cp < 128) cache[cp] = -1;
        break;
      case Mapped::Char:
        if (cp < 128) cache[cp] = static_cast<int32_t>(to);
        if (!w.append(to)) return MOLT_ERROR;
        break;
      case Mapped::Str: {
        if (cp < 128 && str_length(str) == 1)
          cache[cp] = static_cast<int32_t>(str_code_point(as_str(str), 0));
        if (cp < 128 && str_length(str) == 0) cache[cp] = -1;
        bool ok = w.append_str(str);
        decref(str);
        if (!ok) return MOLT_ERROR;
        break;
      }
    }
  }
  return w.finish();
}

Value str_method_translate(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const ArgSpec spec = {"translate", ArgStyle::OneArg, 1, 1, {}};
  Value a[1];
  if (!unpack_args(spec, args, nargs, kwnames, a)) return MOLT_ERROR;
  return str_translate(self, a[0]);
}

Value str_maketrans(Value x, Value y, Value z) {
  Ref result(dict_new());
  if (result.is_error()) return MOLT_ERROR;
  if (y == MOLT_UNBOUND) {
    if (!is_dict(x)) return raise(ErrorId::MaketransOneArgDict);
    int64_t pos = 0;
    Value key, value;
    int64_t hash;
    while (dict_next(x, &pos, &key, &value, &hash)) {
      Value k;
      if (is_str(key)) {
        if (str_length(key) != 1) return raise(ErrorId::MaketransKeyLength);
        k = molt_from_small_int(str_code_point(as_str(key), 0));
      } else if (is_int_like(key)) {
        k = key;
      } else {
        return raise(ErrorId::MaketransKeyType);
      }
      if (dict_setitem(result.get(), k, value) < 0) return MOLT_ERROR;
    }
    return result.release();
  }
  if (!is_str(x)) return raise(ErrorId::MaketransFirstArg);
  int64_t n = str_length(x);
  if (n != str_length(y)) return raise(ErrorId::MaketransEqualLength);
  for (int64_t i = 0; i < n; ++i) {
    Value k = molt_from_small_int(str_code_point(as_str(x), i));
    Value v = molt_from_small_int(str_code_point(as_str(y), i));
    if (dict_setitem(result.get(), k, v) < 0) return MOLT_ERROR;
  }
  if (z != MOLT_UNBOUND) {
    int64_t m = str_length(z);
    for (int64_t i = 0; i < m; ++i) {
      Value k = molt_from_small_int(str_code_point(as_str(z), i));
      if (dict_setitem(result.get(), k, MOLT_NONE) < 0) return MOLT_ERROR;
    }
  }
  return result.release();
}

Value str_method_maketrans(Value, const Value* args, size_t nargs, Value kwnames) {
  static const ArgSpec spec = {"maketrans", ArgStyle::Clinic, 1, 3, {}};
  Value a[3];
  if (!unpack_args(spec, args, nargs, kwnames, a)) return MOLT_ERROR;
  if (a[1] != MOLT_UNBOUND && !is_str(a[1])) return raise(ErrorId::MaketransSecondArg, arg_type_name(a[1]));
  if (a[2] != MOLT_UNBOUND && !is_str(a[2])) return raise(ErrorId::MaketransThirdArg, arg_type_name(a[2]));
  return str_maketrans(a[0], a[1], a[2]);
}

}  // namespace molt
