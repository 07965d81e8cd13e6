// container_test_util.h — helpers for the container unit tests: building
// values, calling methods by name (with keywords), and turning results and
// pending exceptions into the text CPython prints, so that expectations
// can be copied from a CPython 3.12 session.
#pragma once

#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "core/abstract.h"
#include "core/attr.h"
#include "core/errors.h"
#include "core/iter.h"
#include "exc/exceptions.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/none.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace molt::testing {

inline Value I(int64_t i) {
  return int_from_i64(i);
}
/// A new str (owned).
inline Value S(const char* s) {
  return str_from_cstr(s);
}

inline std::string text_of(Value s) {
  size_t n = 0;
  const char* u = str_utf8(s, &n);
  return u ? std::string(u, n) : std::string("<bad utf8>");
}

/// Takes the pending exception as "Type: message" (CPython's last
/// traceback line).
inline std::string take_error_text() {
  Value e = fetch_error();
  if (e == MOLT_NONE) return "<no exception>";
  std::string out = type_of(e)->name;
  Value s = is_tuple(as_exception(e)->args) ? exception_str(e) : MOLT_ERROR;
  if (!molt_is_error(s)) {
    std::string msg = text_of(s);
    if (!msg.empty()) out += ": " + msg;
    decref(s);
  } else {
    clear_error();
  }
  decref(e);
  return out;
}

/// repr(v) as text (v borrowed), or the error it raised.
inline std::string repr_of(Value v) {
  Value r = object_repr(v);
  if (molt_is_error(r)) return "!! " + take_error_text();
  std::string t = text_of(r);
  decref(r);
  return t;
}

/// The text of an owned result: its repr, or "!! Type: message" when it is
/// MOLT_ERROR. Releases the result.
inline std::string R(Value owned) {
  if (molt_is_error(owned)) return "!! " + take_error_text();
  std::string t = repr_of(owned);
  decref(owned);
  return t;
}

/// The text of a 0/-1 status: "ok" or the error.
inline std::string status_text(int status) {
  return status < 0 ? "!! " + take_error_text() : "ok";
}

/// A list taking ownership of the given values.
inline Value list_steal(std::initializer_list<Value> items) {
  Value l = list_new(static_cast<int64_t>(items.size()));
  for (Value v : items) {
    list_append(l, v);
    decref(v);
  }
  return l;
}

/// A tuple taking ownership of the given values.
inline Value tuple_steal(std::initializer_list<Value> items) {
  Value t = tuple_new(static_cast<int64_t>(items.size()));
  int64_t i = 0;
  for (Value v : items) tuple_set_steal(t, i++, v);
  return t;
}

/// A list of small ints.
inline Value ints(std::initializer_list<int64_t> items) {
  Value l = list_new(static_cast<int64_t>(items.size()));
  for (int64_t i : items) list_append(l, molt_from_small_int(i));
  return l;
}

/// obj.name(*args, **kwargs) with borrowed arguments; returns the owned result.
inline Value call(Value obj, const char* name, std::initializer_list<Value> args = {},
                  std::initializer_list<std::pair<const char*, Value>> kwargs = {}) {
  std::vector<Value> all(args);
  Value kwnames = MOLT_NONE;
  if (kwargs.size() > 0) {
    kwnames = tuple_new(static_cast<int64_t>(kwargs.size()));
    int64_t i = 0;
    for (auto& kw : kwargs) {
      tuple_set_steal(kwnames, i++, S(kw.first));
      all.push_back(kw.second);
    }
  }
  Value n = S(name);
  Value r = call_method(obj, n, all.data(), args.size(), kwnames);
  decref(n);
  decref(kwnames);
  return r;
}

/// Calls a type (or any callable) with borrowed arguments.
inline Value call_type(Value callable, std::initializer_list<Value> args = {},
                       std::initializer_list<std::pair<const char*, Value>> kwargs = {}) {
  std::vector<Value> all(args);
  Value kwnames = MOLT_NONE;
  if (kwargs.size() > 0) {
    kwnames = tuple_new(static_cast<int64_t>(kwargs.size()));
    int64_t i = 0;
    for (auto& kw : kwargs) {
      tuple_set_steal(kwnames, i++, S(kw.first));
      all.push_back(kw.second);
    }
  }
  Type* t = type_of(callable);
  Value r = t->call(callable, all.data(), args.size(), kwnames);
  decref(kwnames);
  return r;
}

inline Value type_value(Type& t) {
  return from_object(&t.ob);
}

/// The items an iterator yields, as the repr of a list.
inline std::string drain(Value owned_iterator) {
  if (molt_is_error(owned_iterator)) return "!! " + take_error_text();
  Value l = list_new(0);
  for (;;) {
    Value x = iter_next(owned_iterator);
    if (x == MOLT_UNBOUND) break;
    if (molt_is_error(x)) {
      decref(l);
      decref(owned_iterator);
      return "!! " + take_error_text();
    }
    list_append(l, x);
    decref(x);
  }
  decref(owned_iterator);
  return R(l);
}

}  // namespace molt::testing
