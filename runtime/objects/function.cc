// function.cc — function and builtin-function types, argument binding.
#include "objects/function.h"

#include <stdio.h>
#include <string.h>

#include "core/attr.h"
#include "core/errors.h"
#include "exc/exceptions.h"
#include "objects/str.h"
#include "objects/descriptors.h"
#include "objects/dict.h"
#include "objects/tuple.h"

namespace molt {

namespace {

void function_dealloc(Object* o) {
  FunctionObject* f = reinterpret_cast<FunctionObject*>(o);
  decref(f->defaults);
  decref(f->kwdefaults);
  decref(f->closure);
  decref(f->dict);
  decref(f->name);
  decref(f->qualname);
  decref(f->doc);
  free_object(o);
}

void function_traverse(Object* o, VisitFn visit, void* arg) {
  FunctionObject* f = reinterpret_cast<FunctionObject*>(o);
  visit(f->defaults, arg);
  visit(f->kwdefaults, arg);
  visit(f->closure, arg);
  visit(f->dict, arg);
  visit(f->doc, arg);
}

void function_clear(Object* o) {
  FunctionObject* f = reinterpret_cast<FunctionObject*>(o);
  Value d = f->defaults, k = f->kwdefaults, c = f->closure, dict = f->dict, doc = f->doc;
  f->defaults = f->kwdefaults = f->closure = MOLT_NONE;
  f->dict = f->doc = 0;
  decref(d);
  decref(k);
  decref(c);
  decref(dict);
  decref(doc);
}

void cell_traverse(Object* o, VisitFn visit, void* arg) { visit(reinterpret_cast<CellObject*>(o)->contents, arg); }

void cell_clear(Object* o) {
  CellObject* c = reinterpret_cast<CellObject*>(o);
  Value v = c->contents;
  c->contents = MOLT_UNBOUND;
  decref(v);
}

void cell_dealloc(Object* o) {
  decref(reinterpret_cast<CellObject*>(o)->contents);
  free_object(o);
}

Value cell_repr(Value v) {
  CellObject* c = reinterpret_cast<CellObject*>(as_object(v));
  if (c->contents == MOLT_UNBOUND) return str_from_format("<cell at %p: empty>", molt_as_ptr(v));
  return str_from_format("<cell at %p: %s object at %p>", molt_as_ptr(v), type_of(c->contents)->name,
                         molt_is_ptr(c->contents) ? molt_as_ptr(c->contents) : nullptr);
}

Value function_qualname(FunctionObject* f) {
  return f->qualname != 0 ? new_ref(f->qualname) : str_from_cstr(f->info->qualname);
}

Value function_repr(Value v) {
  FunctionObject* f = reinterpret_cast<FunctionObject*>(as_object(v));
  Ref q(function_qualname(f));
  if (q.is_error()) return MOLT_ERROR;
  size_t n = 0;
  const char* text = str_utf8(q.get(), &n);
  if (text == nullptr) return MOLT_ERROR;
  return str_from_format("<function %.*s at %p>", static_cast<int>(n), text, molt_as_ptr(v));
}

bool attr_is(Value name, const char* want) {
  size_t n = 0;
  const char* text = str_utf8(name, &n);
  return text != nullptr && n == strlen(want) && memcmp(text, want, n) == 0;
}

/// Functions as descriptors: accessed through an instance they bind.
Value function_get(Value descr, Value obj, Value type) {
  if (obj == MOLT_UNBOUND) return new_ref(descr);
  return method_new(descr, obj);
}

Value function_getattr(Value v, Value name) {
  FunctionObject* f = reinterpret_cast<FunctionObject*>(as_object(v));
  if (attr_is(name, "__name__")) return f->name != 0 ? new_ref(f->name) : str_from_cstr(f->info->name);
  if (attr_is(name, "__qualname__")) return function_qualname(f);
  if (attr_is(name, "__module__")) return str_from_cstr("__main__");
  if (attr_is(name, "__doc__")) return f->doc != 0 ? new_ref(f->doc) : MOLT_NONE;
  if (attr_is(name, "__defaults__")) return new_ref(f->defaults);
  if (attr_is(name, "__kwdefaults__")) return new_ref(f->kwdefaults);
  if (attr_is(name, "__closure__")) return new_ref(f->closure);
  if (attr_is(name, "__class__")) return new_ref(from_object(reinterpret_cast<Object*>(&function_type)));
  if (attr_is(name, "__dict__")) {
    if (f->dict == 0) {
      f->dict = dict_new();
      if (molt_is_error(f->dict)) {
        f->dict = 0;
        return MOLT_ERROR;
      }
    }
    return new_ref(f->dict);
  }
  if (f->dict != 0) {
    Value found = dict_get_borrowed(f->dict, name);
    if (molt_is_error(found)) return found;
    if (found != MOLT_UNBOUND) return new_ref(found);
  }
  size_t n = 0;
  const char* text = str_utf8(name, &n);
  return raise(ErrorId::NoAttribute, "function", text ? text : "?");
}

int function_setattr(Value v, Value name, Value value) {
  FunctionObject* f = reinterpret_cast<FunctionObject*>(as_object(v));
  Value* field = nullptr;
  if (attr_is(name, "__name__")) {
    field = &f->name;
  } else if (attr_is(name, "__qualname__")) {
    field = &f->qualname;
  } else if (attr_is(name, "__doc__")) {
    field = &f->doc;
  }
  if (field != nullptr) {
    if ((field == &f->name || field == &f->qualname) && (value == MOLT_UNBOUND || !is_str(value))) {
      char msg[96];
      snprintf(msg, sizeof msg, "__%s__ must be set to a string object",
               field == &f->name ? "name" : "qualname");
      raise_message(&exc::TypeError, msg);
      return -1;
    }
    Value old = *field;
    *field = value == MOLT_UNBOUND || value == MOLT_NONE ? 0 : new_ref(value);
    decref(old);
    return 0;
  }
  if (f->dict == 0) {
    f->dict = dict_new();
    if (molt_is_error(f->dict)) {
      f->dict = 0;
      return -1;
    }
  }
  if (value == MOLT_UNBOUND) {
    int r = dict_delitem(f->dict, name);
    if (r < 0 && error_matches(&exc::KeyError)) {
      clear_error();
      size_t n = 0;
      const char* text = str_utf8(name, &n);
      raise(ErrorId::NoAttribute, "function", text ? text : "?");
    }
    return r;
  }
  return dict_setitem(f->dict, name, value);
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
    .flags = kTypeIsGc,
    .basic_size = sizeof(FunctionObject),
    .dealloc = function_dealloc,
    .repr = function_repr,
    .str = nullptr,
    .hash = identity_hash,
    .richcompare = nullptr,
    .as_number = nullptr,
    .as_sequence = nullptr,
    .as_mapping = nullptr,
    .call = function_call,
    .iter = nullptr,
    .iternext = nullptr,
    .construct = nullptr,
    .methods = nullptr,
    .getattr = function_getattr,
    .setattr = function_setattr,
    .traverse = function_traverse,
    .clear = function_clear,
    .descr_get = function_get,
};

Type cell_type = {
    .ob = {kImmortalRefcount, &type_type},
    .name = "cell",
    .base = &object_type,
    .flags = kTypeIsGc,
    .basic_size = sizeof(CellObject),
    .dealloc = cell_dealloc,
    .repr = cell_repr,
    .str = nullptr,
    .hash = nullptr,
    .richcompare = nullptr,
    .as_number = nullptr,
    .as_sequence = nullptr,
    .as_mapping = nullptr,
    .call = nullptr,
    .iter = nullptr,
    .iternext = nullptr,
    .construct = nullptr,
    .methods = nullptr,
    .getattr = nullptr,
    .setattr = nullptr,
    .traverse = cell_traverse,
    .clear = cell_clear,
};

Value cell_new(Value contents) {
  Object* o = alloc_object(&cell_type, sizeof(CellObject));
  if (o == nullptr) return MOLT_ERROR;
  reinterpret_cast<CellObject*>(o)->contents = new_ref(contents);
  return from_object(o);
}

Value builtin_getattr(Value self, Value name) {
  const char* fname = reinterpret_cast<BuiltinFunctionObject*>(as_object(self))->name;
  if (attr_is(name, "__name__") || attr_is(name, "__qualname__")) return str_from_cstr(fname);
  if (attr_is(name, "__module__")) return str_from_cstr("builtins");
  return generic_getattr(self, name);
}

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
    .iter = nullptr,
    .iternext = nullptr,
    .construct = nullptr,
    .methods = nullptr,
    .getattr = builtin_getattr,
};

Value function_new(const MoltFunctionInfo* info, Value defaults, Value kwdefaults, Value closure) {
  Object* o = alloc_object(&function_type, sizeof(FunctionObject));
  if (o == nullptr) return MOLT_ERROR;
  FunctionObject* f = reinterpret_cast<FunctionObject*>(o);
  f->info = info;
  f->defaults = new_ref(defaults);
  f->kwdefaults = new_ref(kwdefaults);
  f->closure = new_ref(closure);
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

int too_many_positional(const MoltFunctionInfo* info, Value defaults, size_t given, const Value* out) {
  int64_t ndefaults = defaults == MOLT_NONE ? 0 : tuple_size(defaults);
  int argcount = info->npositional;
  bool plural = argcount != 1;
  char sig[64];
  if (ndefaults > 0) {
    snprintf(sig, sizeof sig, "from %lld to %d", static_cast<long long>(argcount - ndefaults), argcount);
    plural = true;
  } else {
    snprintf(sig, sizeof sig, "%d", argcount);
  }
  int kwonly_given = 0;
  for (int i = 0; i < info->nkwonly; ++i) {
    if (out[info->npositional + i] != MOLT_UNBOUND) ++kwonly_given;
  }
  char kwonly_sig[96] = "";
  if (kwonly_given > 0) {
    snprintf(kwonly_sig, sizeof kwonly_sig, " positional argument%s (and %d keyword-only argument%s)",
             given != 1 ? "s" : "", kwonly_given, kwonly_given != 1 ? "s" : "");
  }
  StrBuilder b;
  char buf[320];
  snprintf(buf, sizeof buf, "%s() takes %s positional argument%s but %zu%s %s given", info->qualname, sig,
           plural ? "s" : "", given, kwonly_sig, given == 1 && kwonly_given == 0 ? "was" : "were");
  b.append_cstr(buf);
  return raise_type_error_text(b);
}

int missing_arguments(const MoltFunctionInfo* info, const Value* out, bool kwonly, int64_t ndefaults) {
  const char* missing[256];
  int n = 0;
  int begin = kwonly ? info->npositional : 0;
  int end = kwonly ? info->npositional + info->nkwonly : info->npositional - static_cast<int>(ndefaults);
  for (int i = begin; i < end && n < 256; ++i) {
    if (out[i] == MOLT_UNBOUND) missing[n++] = info->param_names[i];
  }
  StrBuilder b;
  char buf[200];
  snprintf(buf, sizeof buf, "%s() missing %d required %s argument%s: ", info->qualname, n,
           kwonly ? "keyword-only" : "positional", n == 1 ? "" : "s");
  b.append_cstr(buf);
  append_name_list(b, missing, n);
  return raise_type_error_text(b);
}

bool name_equals(const char* param, const char* text, size_t len) {
  return strlen(param) == len && memcmp(param, text, len) == 0;
}

void release_partial(Value* out, int32_t n) {
  for (int32_t i = 0; i < n; ++i) {
    decref(out[i]);
    out[i] = MOLT_UNBOUND;
  }
}

}  // namespace

int bind_args(Value function, const Value* args, size_t nargs, Value kwnames, Value* out) {
  FunctionObject* f = reinterpret_cast<FunctionObject*>(as_object(function));
  const MoltFunctionInfo* info = f->info;
  const int32_t npos = info->npositional;
  const int32_t total = npos + info->nkwonly;
  const bool varargs = (info->flags & MOLT_FN_VARARGS) != 0;
  const bool varkw = (info->flags & MOLT_FN_VARKW) != 0;
  const int32_t varargs_index = total;
  const int32_t varkw_index = total + (varargs ? 1 : 0);
  for (int32_t i = 0; i < info->nparams; ++i) out[i] = MOLT_UNBOUND;

  // **kwargs collects unmatched keywords.
  if (varkw) {
    Value d = dict_new();
    if (molt_is_error(d)) return -1;
    out[varkw_index] = d;
  }
  // Positional arguments.
  size_t n = nargs < static_cast<size_t>(npos) ? nargs : static_cast<size_t>(npos);
  for (size_t i = 0; i < n; ++i) out[i] = new_ref(args[i]);
  if (varargs) {
    size_t extra = nargs > n ? nargs - n : 0;
    Value t = tuple_new(static_cast<int64_t>(extra));
    if (molt_is_error(t)) {
      release_partial(out, info->nparams);
      return -1;
    }
    for (size_t i = 0; i < extra; ++i) tuple_set_steal(t, static_cast<int64_t>(i), new_ref(args[n + i]));
    out[varargs_index] = t;
  }
  // Keyword arguments.
  size_t nkw = kwnames == MOLT_NONE ? 0 : static_cast<size_t>(tuple_size(kwnames));
  const char* posonly_as_kw[64];
  int nposonly_as_kw = 0;
  for (size_t k = 0; k < nkw; ++k) {
    Value name = tuple_item_borrowed(kwnames, static_cast<int64_t>(k));
    Value value = args[nargs + k];
    size_t len = 0;
    const char* text = str_utf8(name, &len);
    if (text == nullptr) {
      release_partial(out, info->nparams);
      return -1;
    }
    int32_t index = -1;
    for (int32_t i = info->nposonly; i < total; ++i) {
      if (name_equals(info->param_names[i], text, len)) {
        index = i;
        break;
      }
    }
    if (index < 0) {
      if (varkw) {
        if (dict_setitem(out[varkw_index], name, value) < 0) {
          release_partial(out, info->nparams);
          return -1;
        }
        continue;
      }
      bool is_posonly = false;
      for (int32_t i = 0; i < info->nposonly; ++i) is_posonly |= name_equals(info->param_names[i], text, len);
      if (is_posonly) {
        if (nposonly_as_kw < 64) posonly_as_kw[nposonly_as_kw++] = text;
        continue;
      }
      release_partial(out, info->nparams);
      raise(ErrorId::UnexpectedKeyword, info->qualname, text);
      return -1;
    }
    if (out[index] != MOLT_UNBOUND) {
      release_partial(out, info->nparams);
      StrBuilder b;
      b.append_cstr(info->qualname);
      b.append_cstr("() got multiple values for argument '");
      b.append_cstr(info->param_names[index]);
      b.append_char('\'');
      return raise_type_error_text(b);
    }
    out[index] = new_ref(value);
  }
  if (nposonly_as_kw > 0) {
    release_partial(out, info->nparams);
    StrBuilder b;
    b.append_cstr(info->qualname);
    b.append_cstr("() got some positional-only arguments passed as keyword arguments: '");
    for (int i = 0; i < nposonly_as_kw; ++i) {
      if (i > 0) b.append_cstr(", ");
      b.append_cstr(posonly_as_kw[i]);
    }
    b.append_char('\'');
    return raise_type_error_text(b);
  }
  if (nargs > static_cast<size_t>(npos) && !varargs) {
    int r = too_many_positional(info, f->defaults, nargs, out);
    release_partial(out, info->nparams);
    return r;
  }
  // Defaults for missing positional parameters.
  int64_t ndefaults = f->defaults == MOLT_NONE ? 0 : tuple_size(f->defaults);
  if (nargs < static_cast<size_t>(npos)) {
    int64_t first_default = npos - ndefaults;
    for (int64_t i = static_cast<int64_t>(nargs); i < first_default; ++i) {
      if (out[i] == MOLT_UNBOUND) {
        int r = missing_arguments(info, out, false, ndefaults);
        release_partial(out, info->nparams);
        return r;
      }
    }
    for (int64_t i = first_default > static_cast<int64_t>(nargs) ? first_default : static_cast<int64_t>(nargs);
         i < npos; ++i) {
      if (out[i] == MOLT_UNBOUND) out[i] = new_ref(tuple_item_borrowed(f->defaults, i - first_default));
    }
  }
  // Keyword-only defaults; then whatever is still missing is an error.
  bool missing_kwonly = false;
  for (int32_t i = npos; i < total; ++i) {
    if (out[i] != MOLT_UNBOUND) continue;
    Value dflt = MOLT_UNBOUND;
    if (f->kwdefaults != MOLT_NONE) {
      Ref key(str_from_cstr(info->param_names[i]));
      if (key.is_error()) {
        release_partial(out, info->nparams);
        return -1;
      }
      dflt = dict_get_borrowed(f->kwdefaults, key.get());
      if (molt_is_error(dflt)) {
        release_partial(out, info->nparams);
        return -1;
      }
    }
    if (dflt == MOLT_UNBOUND) {
      missing_kwonly = true;
    } else {
      out[i] = new_ref(dflt);
    }
  }
  if (missing_kwonly) {
    int r = missing_arguments(info, out, true, 0);
    release_partial(out, info->nparams);
    return r;
  }
  return 0;
}

}  // namespace molt
