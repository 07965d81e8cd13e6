// builtins.cc — builtin functions implemented in C++ (print, ...).
#include "modules/builtins.h"

#include <string.h>

#include "core/abstract.h"
#include "core/errors.h"
#include "core/output.h"
#include "exc/exceptions.h"
#include "objects/str.h"
#include "objects/bool.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/tuple.h"

namespace molt {

namespace {

bool write_str(OutStream& out, Value s) {
  size_t n = 0;
  const char* text = str_utf8(s, &n);
  if (text == nullptr) return false;
  out.write(text, n);
  return true;
}

bool keyword_is(Value name, const char* want) {
  size_t n = 0;
  const char* text = str_utf8(name, &n);
  return text != nullptr && n == strlen(want) && memcmp(text, want, n) == 0;
}

}  // namespace

Value builtin_print(const Value* args, size_t nargs, Value kwnames) {
  Value sep = MOLT_NONE, end = MOLT_NONE, file = MOLT_NONE, flush = MOLT_FALSE;
  if (kwnames != MOLT_NONE) {
    int64_t nkw = tuple_size(kwnames);
    for (int64_t k = 0; k < nkw; ++k) {
      Value name = tuple_item_borrowed(kwnames, k);
      Value value = args[nargs + static_cast<size_t>(k)];
      if (keyword_is(name, "sep")) {
        sep = value;
      } else if (keyword_is(name, "end")) {
        end = value;
      } else if (keyword_is(name, "file")) {
        file = value;
      } else if (keyword_is(name, "flush")) {
        flush = value;
      } else {
        size_t n = 0;
        const char* text = str_utf8(name, &n);
        Value msg = str_from_format("'%.*s' is an invalid keyword argument for print()", static_cast<int>(n),
                                    text ? text : "?");
        if (molt_is_error(msg)) return msg;
        Value exc = exception_new(&exc::TypeError, tuple_pack1_steal(msg));
        return molt_is_error(exc) ? exc : raise_instance(exc);
      }
    }
  }
  if (sep != MOLT_NONE && !is_str(sep)) return raise(ErrorId::PrintSepType, type_of(sep)->name);
  if (end != MOLT_NONE && !is_str(end)) return raise(ErrorId::PrintEndType, type_of(end)->name);
  if (file != MOLT_NONE) {
    return raise_message(&exc::NotImplementedError, "print(file=...) is not supported by Molt yet");
  }
  OutStream& out = out_stdout();
  for (size_t i = 0; i < nargs; ++i) {
    if (i > 0) {
      if (sep == MOLT_NONE) {
        out.write(" ", 1);
      } else if (!write_str(out, sep)) {
        return MOLT_ERROR;
      }
    }
    Value s = object_str(args[i]);
    if (molt_is_error(s)) return s;
    bool ok = write_str(out, s);
    decref(s);
    if (!ok) return MOLT_ERROR;
  }
  if (end == MOLT_NONE) {
    out.write("\n", 1);
  } else if (!write_str(out, end)) {
    return MOLT_ERROR;
  }
  int do_flush = object_truth(flush);
  if (do_flush < 0) return MOLT_ERROR;
  if (do_flush) out.flush();
  return MOLT_NONE;
}

BuiltinFunctionObject g_builtin_print = {{kImmortalRefcount, &builtin_function_type}, "print", builtin_print};

Value builtin_bool(const Value* args, size_t nargs, Value kwnames) {
  return bool_type.construct(&bool_type, args, nargs, kwnames);
}
Value builtin_float(const Value* args, size_t nargs, Value kwnames) {
  return float_type.construct(&float_type, args, nargs, kwnames);
}
Value builtin_int(const Value* args, size_t nargs, Value kwnames) {
  return int_type.construct(&int_type, args, nargs, kwnames);
}
Value builtin_str(const Value* args, size_t nargs, Value kwnames) {
  return str_type.construct(&str_type, args, nargs, kwnames);
}

}  // namespace molt
