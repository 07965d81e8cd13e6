// function.cc — function and builtin-function types, argument binding.
#include "objects/function.h"

#include <stdio.h>
#include <string.h>

#include "core/errors.h"
#include "exc/exceptions.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace molt {

namespace {

Value function_repr(Value v) {
  FunctionObject* f = reinterpret_cast<FunctionObject*>(as_object(v));
  return str_from_format("<function %s at %p>", f->info->qualname, molt_as_ptr(v));
}

Value function_call(Value self, const Value* args, size_t nargs, Value kwnames) {
  FunctionObject* f = reinterpret_cast<FunctionObject*>(as_object(self));
  return f->info->generic(self, args, nargs, kwnames);
}

Value builtin_repr(Value v) {
  BuiltinFunctionObject* f = reinterpret_cast<BuiltinFunctionObject*>(as_object(v));
  return str_from_format("<built-in function %s>", f->name);
}

Value builtin_call(Value self, const Value* args, size_t nargs, Value kwnames) {
  BuiltinFunctionObject* f = reinterpret_cast<BuiltinFunctionObject*>(as_object(self));
  return f->impl(args, nargs, kwnames);
}

int64_t identity_hash(Value v) {
  uint64_t p = static_cast<uint64_t>(reinterpret_cast<uintptr_t>(molt_as_ptr(v)));
  int64_t h = static_cast<int64_t>((p >> 4) | (p << 60));
  return h == -1 ? -2 : h;
}

}  // namespace

Type function_type = {
    .ob = {kImmortalRefcount, &type_type},
    .name = "function",
    .base = &object_type,
    .flags = 0,
    .basic_size = sizeof(FunctionObject),
    .dealloc = nullptr,
    .repr = function_repr,
    .str = nullptr,
    .hash = identity_hash,
    .richcompare = nullptr,
    .as_number = nullptr,
    .as_sequence = nullptr,
    .as_mapping = nullptr,
    .call = function_call,
};

Type builtin_function_type = {
    .ob = {kImmortalRefcount, &type_type},
    .name = "builtin_function_or_method",
    .base = &object_type,
    .flags = 0,
    .basic_size = sizeof(BuiltinFunctionObject),
    .dealloc = nullptr,
    .repr = builtin_repr,
    .str = nullptr,
    .hash = identity_hash,
    .richcompare = nullptr,
    .as_number = nullptr,
    .as_sequence = nullptr,
    .as_mapping = nullptr,
    .call = builtin_call,
};

Value function_new(const MoltFunctionInfo* info) {
  Object* o = alloc_object(&function_type, sizeof(FunctionObject));
  if (o == nullptr) return MOLT_ERROR;
  reinterpret_cast<FunctionObject*>(o)->info = info;
  return from_object(o);
}

Value call_object(Value callable, const Value* args, size_t nargs, Value kwnames) {
  Type* t = type_of(callable);
  if (t->call == nullptr) return raise(ErrorId::NotCallable, t->name);
  return t->call(callable, args, nargs, kwnames);
}

namespace {

/// Appends "'a'", "'a' and 'b'" or "'a', 'b', and 'c'" (CPython's list of
/// missing argument names).
bool append_name_list(StrBuilder& b, const char* const* names, int count) {
  for (int i = 0; i < count; ++i) {
    if (i > 0) {
      if (count == 2) {
        if (!b.append_cstr(" and ")) return false;
      } else if (i == count - 1) {
        if (!b.append_cstr(", and ")) return false;
      } else if (!b.append_cstr(", ")) {
        return false;
      }
    }
    if (!b.append_char('\'') || !b.append_cstr(names[i]) || !b.append_char('\'')) return false;
  }
  return true;
}

int raise_type_error_text(StrBuilder& b) {
  Value msg = b.finish();
  if (molt_is_error(msg)) return -1;
  Value args = tuple_pack1_steal(msg);
  if (molt_is_error(args)) return -1;
  Value exc = exception_new(&exc::TypeError, args);
  if (molt_is_error(exc)) return -1;
  raise_instance(exc);
  return -1;
}

}  // namespace

int bind_args(const MoltFunctionInfo* info, const Value* args, size_t nargs, Value kwnames, Value* out) {
  int32_t n = info->nparams;
  if (nargs > static_cast<size_t>(n)) {
    StrBuilder b;
    char buf[160];
    snprintf(buf, sizeof buf, "%s() takes %d positional argument%s but %zu %s given", info->qualname, n,
             n == 1 ? "" : "s", nargs, nargs == 1 ? "was" : "were");
    b.append_cstr(buf);
    return raise_type_error_text(b);
  }
  for (int32_t i = 0; i < n; ++i) out[i] = MOLT_UNBOUND;
  for (size_t i = 0; i < nargs; ++i) out[i] = args[i];
  if (kwnames != MOLT_NONE) {
    int64_t nkw = tuple_size(kwnames);
    for (int64_t k = 0; k < nkw; ++k) {
      Value name = tuple_item_borrowed(kwnames, k);
      size_t len = 0;
      const char* text = str_utf8(name, &len);
      if (text == nullptr) return -1;
      int32_t index = -1;
      for (int32_t i = 0; i < n; ++i) {
        if (strlen(info->param_names[i]) == len && memcmp(info->param_names[i], text, len) == 0) {
          index = i;
          break;
        }
      }
      if (index < 0) {
        raise(ErrorId::UnexpectedKeyword, info->qualname, text);
        return -1;
      }
      if (out[index] != MOLT_UNBOUND) {
        StrBuilder b;
        b.append_cstr(info->qualname);
        b.append_cstr("() got multiple values for argument '");
        b.append_cstr(info->param_names[index]);
        b.append_char('\'');
        return raise_type_error_text(b);
      }
      out[index] = args[nargs + static_cast<size_t>(k)];
    }
  }
  const char* missing[64];
  int nmissing = 0;
  for (int32_t i = 0; i < n; ++i) {
    if (out[i] == MOLT_UNBOUND && nmissing < 64) missing[nmissing++] = info->param_names[i];
  }
  if (nmissing > 0) {
    StrBuilder b;
    char buf[160];
    snprintf(buf, sizeof buf, "%s() missing %d required positional argument%s: ", info->qualname, nmissing,
             nmissing == 1 ? "" : "s");
    b.append_cstr(buf);
    append_name_list(b, missing, nmissing);
    return raise_type_error_text(b);
  }
  return 0;
}

}  // namespace molt
