// call_ex.cc — calls with `*args`/`**kwargs` and starred items in
// displays (CPython's CALL_FUNCTION_EX, LIST_EXTEND, SET_UPDATE,
// DICT_UPDATE and DICT_MERGE), with CPython's error messages.
//
// The compiler builds the positional arguments as a list (extended by each
// `*iterable`) turned into a tuple, or passes a lone `*iterable` as is, and
// the keywords as a dict (merged from each `**mapping`); molt_call_ex then
// spreads them into a vectorcall.
#include <string>
#include <vector>

#include "core/abstract.h"
#include "core/attr.h"
#include "core/errors.h"
#include "core/iter.h"
#include "exc/exceptions.h"
#include "molt/abi.h"
#include "objects/dict.h"
#include "objects/function.h"
#include "objects/list.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace molt {

namespace {

/// CPython's _PyObject_FunctionStr: "module.qualname()" ("qualname()" for
/// builtins), or str(callable) when it has no __qualname__.
std::string function_str(Value callable) {
  Ref qualname(object_getattr(callable, Ref(str_from_cstr("__qualname__")).get()));
  if (qualname.is_error() || !is_str(qualname.get())) {
    clear_error();
    Ref s(object_str(callable));
    if (s.is_error()) {
      clear_error();
      return "?";
    }
    size_t n = 0;
    const char* text = str_utf8(s.get(), &n);
    return text != nullptr ? std::string(text, n) : "?";
  }
  size_t n = 0;
  const char* q = str_utf8(qualname.get(), &n);
  std::string out(q != nullptr ? q : "?", q != nullptr ? n : 1);
  Ref module(object_getattr(callable, Ref(str_from_cstr("__module__")).get()));
  if (module.is_error()) {
    clear_error();
  } else if (is_str(module.get())) {
    size_t mn = 0;
    const char* m = str_utf8(module.get(), &mn);
    if (m != nullptr && std::string_view(m, mn) != "builtins") out = std::string(m, mn) + "." + out;
  }
  return out + "()";
}

/// Iteration of `v` failed with a TypeError because it is not iterable at all.
bool not_iterable(Value v) {
  if (!error_matches(&exc::TypeError)) return false;
  Type* t = type_of(v);
  return t->iter == nullptr && (t->as_sequence == nullptr || t->as_sequence->item == nullptr);
}

int has_keys(Value v) {
  if (is_dict(v)) return 1;
  Ref keys(object_getattr(v, Ref(str_from_cstr("keys")).get()));
  if (!keys.is_error()) return 1;
  if (!error_matches(&exc::AttributeError)) return -1;
  clear_error();
  return 0;
}

}  // namespace

extern "C" int32_t molt_list_append(MoltValue list, MoltValue item) { return list_append(list, item); }

extern "C" int32_t molt_list_extend_star(MoltValue list, MoltValue iterable) {
  if (list_extend(list, iterable) == 0) return 0;
  if (not_iterable(iterable)) {
    clear_error();
    raise(ErrorId::ValueAfterStarNotIterable, type_name(iterable));
  }
  return -1;
}

extern "C" MoltValue molt_list_to_tuple(MoltValue list) { return list_as_tuple(list); }

extern "C" int32_t molt_set_add(MoltValue set, MoltValue item) { return set_add(set, item); }

extern "C" int32_t molt_set_update(MoltValue set, MoltValue iterable) { return set_update(set, iterable); }

extern "C" int32_t molt_dict_update_display(MoltValue dict, MoltValue mapping) {
  int k = has_keys(mapping);
  if (k < 0) return -1;
  if (k == 0) {
    raise(ErrorId::NotAMapping, type_name(mapping));
    return -1;
  }
  return dict_merge(dict, mapping, 1);
}

extern "C" int32_t molt_dict_merge_kwargs(MoltValue dict, MoltValue mapping, MoltValue callable) {
  int k = has_keys(mapping);
  if (k < 0) return -1;
  if (k == 0) {
    raise(ErrorId::StarStarArgNotMapping, function_str(callable).c_str(), type_name(mapping));
    return -1;
  }
  if (dict_merge(dict, mapping, 2) == 0) return 0;
  if (error_matches(&exc::KeyError)) {
    // A duplicate key: KeyError(key) becomes CPython's TypeError.
    Value exc = fetch_error();
    Value args = as_exception(exc)->args;
    Value key = is_tuple(args) && tuple_size(args) == 1 ? tuple_item_borrowed(args, 0) : MOLT_NONE;
    if (is_str(key)) {
      size_t n = 0;
      const char* text = str_utf8(key, &n);
      raise(ErrorId::MultipleValuesForKeyword, function_str(callable).c_str(), text != nullptr ? text : "?");
      decref(exc);
    } else {
      raise_instance(exc);
    }
  }
  return -1;
}

extern "C" MoltValue molt_call_ex(MoltValue callable, MoltValue args, MoltValue kwargs) {
  Ref tuple;
  if (is_tuple(args)) {
    tuple = Ref(new_ref(args));
  } else {
    tuple = Ref(tuple_from_iterable(args));
    if (tuple.is_error()) {
      if (not_iterable(args)) {
        clear_error();
        raise(ErrorId::StarArgNotIterable, function_str(callable).c_str(), type_name(args));
      }
      return MOLT_ERROR;
    }
  }
  size_t nargs = static_cast<size_t>(tuple_size(tuple.get()));
  if (kwargs == MOLT_NONE || dict_size(kwargs) == 0) {
    return call_object(callable, as_tuple(tuple.get())->items, nargs, MOLT_NONE);
  }
  size_t nkw = static_cast<size_t>(dict_size(kwargs));
  std::vector<Value> values(as_tuple(tuple.get())->items, as_tuple(tuple.get())->items + nargs);
  Ref names(tuple_new(static_cast<int64_t>(nkw)));
  if (names.is_error()) return MOLT_ERROR;
  int64_t pos = 0;
  Value key, value;
  size_t k = 0;
  while (dict_next(kwargs, &pos, &key, &value, nullptr)) {
    if (!is_str(key)) return raise(ErrorId::KeywordsMustBeStrings);
    tuple_set_steal(names.get(), static_cast<int64_t>(k++), new_ref(key));
    values.push_back(value);
  }
  return call_object(callable, values.data(), nargs, names.get());
}

}  // namespace molt
