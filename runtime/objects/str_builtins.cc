// str_builtins.cc — the text builtins implemented in C++: chr(), ord(),
// ascii(), and the ascii() form of repr used by '%a', '!a' and ascii().
#include "core/abstract.h"
#include "core/args.h"
#include "core/errors.h"
#include "objects/function.h"
#include "objects/str_impl.h"
#include "objects/str_methods.h"

namespace molt {

Value str_ascii_repr(Value s) {
  Ref r(str_repr(s));
  if (r.is_error()) return MOLT_ERROR;
  return str_escape_non_ascii(r.get());
}

Value str_escape_non_ascii(Value s) {
  StrObject* o = as_str(s);
  if (o->ascii) return str_substring(s, 0, o->length);
  static const char kHex[] = "0123456789abcdef";
  const void* d = str_data(o);
  StrWriter w;
  if (!w.reserve(o->length + 16, 0x7F)) return MOLT_ERROR;
  for (int64_t i = 0; i < o->length; ++i) {
    uint32_t cp = read_unit(d, o->kind, i);
    if (cp < 0x80) {
      if (!w.append(cp)) return MOLT_ERROR;
      continue;
    }
    char buf[10];
    int n = 0;
    buf[n++] = '\\';
    int digits;
    if (cp <= 0xFF) {
      buf[n++] = 'x';
      digits = 2;
    } else if (cp <= 0xFFFF) {
      buf[n++] = 'u';
      digits = 4;
    } else {
      buf[n++] = 'U';
      digits = 8;
    }
    for (int k = digits - 1; k >= 0; --k) buf[n++] = kHex[(cp >> (4 * k)) & 15];
    if (!w.append_ascii(buf, static_cast<size_t>(n))) return MOLT_ERROR;
  }
  return w.finish();
}

Value object_ascii(Value v) {
  Ref r(object_repr(v));
  if (r.is_error()) return MOLT_ERROR;
  return str_escape_non_ascii(r.get());
}

namespace {

/// The single positional argument of a METH_O builtin.
bool one_arg(const char* name, size_t nargs, Value kwnames) {
  if (keyword_count(kwnames) > 0) {
    raise(ErrorId::TakesNoKeywords, name);
    return false;
  }
  if (nargs != 1) {
    raise(ErrorId::TakesExactlyOneArg, name, nargs);
    return false;
  }
  return true;
}

}  // namespace

Value builtin_chr(const Value* args, size_t nargs, Value kwnames) {
  if (!one_arg("chr", nargs, kwnames)) return MOLT_ERROR;
  int64_t i;
  if (!index_arg(args[0], IndexOverflow::CIntError, &i)) return MOLT_ERROR;
  if (i < 0 || i > 0x10FFFF) return raise(ErrorId::ChrOutOfRange);
  return str_char(static_cast<uint32_t>(i));
}

Value builtin_ord(const Value* args, size_t nargs, Value kwnames) {
  if (!one_arg("ord", nargs, kwnames)) return MOLT_ERROR;
  Value c = args[0];
  if (!is_str(c)) return raise(ErrorId::OrdWrongType, type_of(c)->name);
  if (str_length(c) != 1) return raise(ErrorId::OrdWrongLength, static_cast<long long>(str_length(c)));
  return molt_from_small_int(str_code_point(as_str(c), 0));
}

Value builtin_ascii(const Value* args, size_t nargs, Value kwnames) {
  if (!one_arg("ascii", nargs, kwnames)) return MOLT_ERROR;
  return object_ascii(args[0]);
}

BuiltinFunctionObject g_builtin_chr = {{kImmortalRefcount, &builtin_function_type}, "chr", builtin_chr};
BuiltinFunctionObject g_builtin_ord = {{kImmortalRefcount, &builtin_function_type}, "ord", builtin_ord};
BuiltinFunctionObject g_builtin_ascii = {{kImmortalRefcount, &builtin_function_type}, "ascii", builtin_ascii};

}  // namespace molt
