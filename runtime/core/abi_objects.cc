// abi_objects.cc — extern "C" entry points for iteration, subscripts,
// attributes, method calls, membership, container displays and unpacking.
// Like abi.cc, this file is compiled to bitcode and linked into every
// program, so the fast paths below inline at call sites.
#include "molt/abi.h"

#include "core/abstract.h"
#include "core/attr.h"
#include "core/errors.h"
#include "core/iter.h"
#include "exc/exceptions.h"
#include "core/format.h"

#include <stdio.h>

#include "objects/function.h"
#include "objects/class.h"
#include "objects/str.h"
#include "objects/dict.h"
#include "objects/list.h"
#include "objects/set.h"
#include "objects/slice.h"
#include "objects/tuple.h"

using namespace molt;

extern "C" MoltValue molt_get_iter(MoltValue v) { return object_iter(v); }

extern "C" MoltValue molt_iter_next(MoltValue it) { return iter_next(it); }

extern "C" MoltValue molt_getitem(MoltValue o, MoltValue k) { return object_getitem(o, k); }

extern "C" int32_t molt_setitem(MoltValue o, MoltValue k, MoltValue v) { return object_setitem(o, k, v); }

extern "C" int32_t molt_delitem(MoltValue o, MoltValue k) { return object_delitem(o, k); }

extern "C" MoltValue molt_getattr(MoltValue o, MoltValue name) { return object_getattr(o, name); }

extern "C" int32_t molt_setattr(MoltValue o, MoltValue name, MoltValue v) { return object_setattr(o, name, v); }

extern "C" int32_t molt_delattr(MoltValue o, MoltValue name) { return object_setattr(o, name, MOLT_UNBOUND); }

extern "C" MoltValue molt_call_method(MoltValue o, MoltValue name, const MoltValue* args, size_t nargs,
                                      MoltValue kwnames) {
  return call_method(o, name, args, nargs, kwnames);
}

extern "C" int32_t molt_contains(MoltValue container, MoltValue item) { return object_contains(container, item); }

extern "C" MoltValue molt_build_list(const MoltValue* items, size_t n) {
  return list_from_array(items, static_cast<int64_t>(n));
}

extern "C" MoltValue molt_build_dict(const MoltValue* items, size_t npairs) {
  Value d = dict_new_presized(static_cast<int64_t>(npairs));
  if (molt_is_error(d)) return d;
  for (size_t i = 0; i < npairs; ++i) {
    if (dict_setitem(d, items[2 * i], items[2 * i + 1]) < 0) {
      decref(d);
      return MOLT_ERROR;
    }
  }
  return d;
}

extern "C" MoltValue molt_build_set(const MoltValue* items, size_t n) {
  Value s = set_new(MOLT_UNBOUND);
  if (molt_is_error(s)) return s;
  for (size_t i = 0; i < n; ++i) {
    if (set_add(s, items[i]) < 0) {
      decref(s);
      return MOLT_ERROR;
    }
  }
  return s;
}

namespace {

/// A special method bound to `obj`, looked up on its type (CPython's
/// _PyObject_LookupSpecial); MOLT_UNBOUND if absent.
Value lookup_special_bound(Value obj, const char* name) {
  Type* t = type_of(obj);
  if (is_heap_type(t)) {
    Value m = type_lookup_cstr(t, name);
    if (m == MOLT_UNBOUND || molt_is_error(m)) return m;
    Type* mt = type_of(m);
    if (mt->descr_get != nullptr) return mt->descr_get(m, obj, type_value(t));
    return new_ref(m);
  }
  Ref key(str_from_cstr(name));
  if (key.is_error()) return MOLT_ERROR;
  size_t n = 0;
  const char* text = str_utf8(key.get(), &n);
  if (find_method(t, text, n) == nullptr) return MOLT_UNBOUND;
  return object_getattr(obj, key.get());
}

}  // namespace

extern "C" MoltValue molt_with_begin(MoltValue mgr) {
  Ref enter(lookup_special_bound(mgr, "__enter__"));
  if (enter.is_error()) return MOLT_ERROR;
  if (enter.get() == MOLT_UNBOUND) {
    char msg[160];
    snprintf(msg, sizeof msg, "'%s' object does not support the context manager protocol", type_name(mgr));
    return raise_message(&exc::TypeError, msg);
  }
  Ref exit(lookup_special_bound(mgr, "__exit__"));
  if (exit.is_error()) return MOLT_ERROR;
  if (exit.get() == MOLT_UNBOUND) {
    char msg[200];
    snprintf(msg, sizeof msg, "'%s' object does not support the context manager protocol (missed __exit__ method)",
             type_name(mgr));
    return raise_message(&exc::TypeError, msg);
  }
  Value value = call_object(enter.get(), nullptr, 0, MOLT_NONE);
  if (molt_is_error(value)) return value;
  return tuple_pack2_steal(exit.release(), value);
}

extern "C" MoltValue molt_with_exit(MoltValue exit, MoltValue exc) {
  Value args[3] = {MOLT_NONE, MOLT_NONE, MOLT_NONE};
  if (exc != MOLT_NONE) {
    args[0] = type_value(type_of(exc));
    args[1] = exc;
    args[2] = is_exception(exc) ? as_exception(exc)->traceback : MOLT_NONE;
  }
  return call_object(exit, args, 3, MOLT_NONE);
}

extern "C" MoltValue molt_format_value(MoltValue value, int32_t conversion, MoltValue spec) {
  Ref converted;
  if (conversion == 's') {
    converted = Ref(object_str(value));
  } else if (conversion == 'r') {
    converted = Ref(object_repr(value));
  } else if (conversion == 'a') {
    converted = Ref(object_ascii(value));
  } else {
    converted = Ref::borrow(value);
  }
  if (converted.is_error()) return MOLT_ERROR;
  // The common case: no spec, and a str needs no formatting.
  if (spec == MOLT_NONE && is_str_exact(converted.get())) return converted.release();
  if (spec == MOLT_NONE) {
    Ref empty(str_from_ascii("", 0));
    return format_value(converted.get(), empty.get());
  }
  return format_value(converted.get(), spec);
}

extern "C" MoltValue molt_build_string(const MoltValue* parts, size_t n) {
  StrBuilder b;
  for (size_t i = 0; i < n; ++i) {
    if (!b.append_str(parts[i])) return MOLT_ERROR;
  }
  return b.finish();
}

extern "C" MoltValue molt_build_class(MoltValue name, MoltValue qualname, MoltValue bases, MoltValue ns,
                                      MoltValue cell) {
  return build_class(name, qualname, bases, ns, cell);
}

extern "C" MoltValue molt_class_get(MoltValue ns, MoltValue name) {
  Value v = dict_get_borrowed(ns, name);
  return molt_is_error(v) || v == MOLT_UNBOUND ? v : new_ref(v);
}

extern "C" MoltValue molt_build_slice(MoltValue start, MoltValue stop, MoltValue step) {
  return slice_new(start, stop, step);
}

namespace {

/// Collects up to `limit` items of `v` into a tuple (or all when limit < 0).
Value collect(Value v, int64_t limit, int64_t* count, bool* more) {
  Ref it(object_iter(v));
  if (it.is_error()) {
    // CPython: "cannot unpack non-iterable int object".
    if (error_matches(&exc::TypeError)) {
      clear_error();
      return raise(ErrorId::CannotUnpackNonIterable, type_of(v)->name);
    }
    return MOLT_ERROR;
  }
  Ref items(list_new(limit > 0 ? limit : 0));
  if (items.is_error()) return MOLT_ERROR;
  *more = false;
  *count = 0;
  while (true) {
    Value x = iter_next(it.get());
    if (molt_is_error(x)) return MOLT_ERROR;
    if (x == MOLT_UNBOUND) break;
    if (limit >= 0 && *count == limit) {
      decref(x);
      *more = true;
      break;
    }
    int r = list_append(items.get(), x);
    decref(x);
    if (r < 0) return MOLT_ERROR;
    ++*count;
  }
  return items.release();
}

}  // namespace

extern "C" MoltValue molt_unpack(MoltValue v, size_t n) {
  if (is_tuple(v) && tuple_size(v) == static_cast<int64_t>(n)) return new_ref(v);
  int64_t count = 0;
  bool more = false;
  Ref items(collect(v, static_cast<int64_t>(n), &count, &more));
  if (items.is_error()) return MOLT_ERROR;
  if (more) return raise(ErrorId::TooManyValuesToUnpack, n);
  if (count < static_cast<int64_t>(n)) return raise(ErrorId::NotEnoughValuesToUnpack, n, count);
  return list_as_tuple(items.get());
}

extern "C" MoltValue molt_unpack_ex(MoltValue v, size_t before, size_t after) {
  int64_t count = 0;
  bool more = false;
  Ref items(collect(v, -1, &count, &more));
  if (items.is_error()) return MOLT_ERROR;
  int64_t need = static_cast<int64_t>(before + after);
  if (count < need) return raise(ErrorId::NotEnoughValuesToUnpackEx, need, count);
  Ref all(list_as_tuple(items.get()));
  if (all.is_error()) return MOLT_ERROR;
  Value out = tuple_new(need + 1);
  if (molt_is_error(out)) return out;
  for (size_t i = 0; i < before; ++i)
    tuple_set_steal(out, static_cast<int64_t>(i), new_ref(tuple_item_borrowed(all.get(), static_cast<int64_t>(i))));
  Value middle = list_get_slice(items.get(), static_cast<int64_t>(before), count - static_cast<int64_t>(after));
  if (molt_is_error(middle)) {
    decref(out);
    return middle;
  }
  tuple_set_steal(out, static_cast<int64_t>(before), middle);
  for (size_t i = 0; i < after; ++i) {
    tuple_set_steal(out, static_cast<int64_t>(before + 1 + i),
                    new_ref(tuple_item_borrowed(all.get(), count - static_cast<int64_t>(after) + static_cast<int64_t>(i))));
  }
  return out;
}

extern "C" MoltValue molt_tuple_get(MoltValue t, size_t i) {
  return new_ref(tuple_item_borrowed(t, static_cast<int64_t>(i)));
}
