// builtins_functions.cc — len, repr, abs, isinstance, issubclass, min, max,
// sum, any, all, hash, id, callable, divmod, pow, round, hex, oct, bin:
// CPython 3.12's behaviour and messages.
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/abstract.h"
#include "core/args.h"
#include "core/errors.h"
#include "core/iter.h"
#include "exc/exceptions.h"
#include "modules/builtins.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace molt {

namespace {

/// Checks the positional count of a builtin taking no keywords.
bool check_args(const char* name, size_t nargs, Value kwnames, size_t min, size_t max) {
  if (keyword_count(kwnames) > 0) {
    raise(ErrorId::TakesNoKeywords, name);
    return false;
  }
  if (nargs >= min && nargs <= max) return true;
  char msg[160];
  if (min == max) {
    snprintf(msg, sizeof msg, "%s() takes exactly %s (%zu given)", name,
             min == 1 ? "one argument" : (min == 2 ? "2 arguments" : "3 arguments"), nargs);
    if (min == 1) snprintf(msg, sizeof msg, "%s() takes exactly one argument (%zu given)", name, nargs);
  } else if (nargs < min) {
    snprintf(msg, sizeof msg, "%s expected at least %zu argument%s, got %zu", name, min, min == 1 ? "" : "s", nargs);
  } else {
    snprintf(msg, sizeof msg, "%s expected at most %zu argument%s, got %zu", name, max, max == 1 ? "" : "s", nargs);
  }
  raise_message(&exc::TypeError, msg);
  return false;
}

bool is_type_object(Value v) { return molt_is_ptr(v) && is_subtype(type_of(v), &type_type); }

Type* as_type(Value v) { return reinterpret_cast<Type*>(as_object(v)); }

/// isinstance/issubclass second argument: a class or (nested) tuple of
/// classes. 1/0, -1 on error.
int class_matches(Type* t, Value spec, const char* fn) {
  if (is_type_object(spec)) return is_subtype(t, as_type(spec)) ? 1 : 0;
  if (is_tuple(spec)) {
    int64_t n = tuple_size(spec);
    for (int64_t i = 0; i < n; ++i) {
      int r = class_matches(t, tuple_item_borrowed(spec, i), fn);
      if (r != 0) return r;
    }
    return 0;
  }
  char msg[120];
  snprintf(msg, sizeof msg, "%s() arg 2 must be a type, a tuple of types, or a union", fn);
  raise_message(&exc::TypeError, msg);
  return -1;
}

Value min_max(const Value* args, size_t nargs, Value kwnames, bool is_min) {
  const char* name = is_min ? "min" : "max";
  Value key = MOLT_NONE, dflt = MOLT_UNBOUND;
  size_t nkw = keyword_count(kwnames);
  for (size_t k = 0; k < nkw; ++k) {
    if (keyword_is(kwnames, k, "key")) {
      key = args[nargs + k];
    } else if (keyword_is(kwnames, k, "default")) {
      dflt = args[nargs + k];
    } else {
      const char* kw = keyword_name(kwnames, k);
      char msg[160];
      snprintf(msg, sizeof msg, "%s() got an unexpected keyword argument '%s'", name, kw ? kw : "?");
      return raise_message(&exc::TypeError, msg);
    }
  }
  if (nargs == 0) {
    char msg[80];
    snprintf(msg, sizeof msg, "%s expected at least 1 argument, got 0", name);
    return raise_message(&exc::TypeError, msg);
  }
  if (nargs > 1 && dflt != MOLT_UNBOUND) {
    char msg[120];
    snprintf(msg, sizeof msg, "Cannot specify a default for %s() with multiple positional arguments", name);
    return raise_message(&exc::TypeError, msg);
  }
  Ref it;
  if (nargs == 1) {
    it = Ref(object_iter(args[0]));
  } else {
    Ref t(tuple_new(static_cast<int64_t>(nargs)));
    if (t.is_error()) return MOLT_ERROR;
    for (size_t i = 0; i < nargs; ++i) tuple_set_steal(t.get(), static_cast<int64_t>(i), new_ref(args[i]));
    it = Ref(object_iter(t.get()));
  }
  if (it.is_error()) return MOLT_ERROR;
  Ref best(MOLT_UNBOUND), best_key(MOLT_UNBOUND);
  while (true) {
    Ref item(iter_next(it.get()));
    if (item.is_error()) return MOLT_ERROR;
    if (item.get() == MOLT_UNBOUND) break;
    Value iv = item.get();
    Ref k = key == MOLT_NONE ? Ref::borrow(iv) : Ref(call_object(key, &iv, 1, MOLT_NONE));
    if (k.is_error()) return MOLT_ERROR;
    if (best.get() == MOLT_UNBOUND) {
      best = std::move(item);
      best_key = std::move(k);
      continue;
    }
    int better = rich_compare_bool(k.get(), best_key.get(), is_min ? CompareOp::Lt : CompareOp::Gt);
    if (better < 0) return MOLT_ERROR;
    if (better) {
      best = std::move(item);
      best_key = std::move(k);
    }
  }
  if (best.get() == MOLT_UNBOUND) {
    if (dflt != MOLT_UNBOUND) return new_ref(dflt);
    char msg[80];
    snprintf(msg, sizeof msg, "%s() iterable argument is empty", name);
    return raise_message(&exc::ValueError, msg);
  }
  return best.release();
}

/// The exact-float phase of sum(): CPython 3.12's Neumaier-compensated
/// addition of floats; ints that fit in 64 bits are added uncompensated.
/// Returns the running result when an item of another type arrives (stored
/// in *pending) or at exhaustion.
Value sum_floats(double f, Value it, Value* pending) {
  double c = 0.0;
  *pending = MOLT_UNBOUND;
  while (true) {
    Value item = iter_next(it);
    if (molt_is_error(item)) return MOLT_ERROR;
    if (item == MOLT_UNBOUND) break;
    if (molt_is_double(item)) {
      double x = molt_as_double(item);
      double t = f + x;
      if (fabs(f) >= fabs(x)) {
        c += (f - t) + x;
      } else {
        c += (x - t) + f;
      }
      f = t;
      continue;
    }
    int64_t v = 0;
    if (is_int_exact(item) && int_to_i64(item, &v)) {
      f += static_cast<double>(v);
      decref(item);
      continue;
    }
    *pending = item;
    break;
  }
  if (c != 0.0 && isfinite(c)) f += c;
  return molt_from_double(f);
}

}  // namespace

Value builtin_len(const Value* args, size_t nargs, Value kwnames) {
  if (!check_args("len", nargs, kwnames, 1, 1)) return MOLT_ERROR;
  int64_t n = object_length(args[0]);
  return n < 0 ? MOLT_ERROR : int_from_i64(n);
}

Value builtin_repr(const Value* args, size_t nargs, Value kwnames) {
  if (!check_args("repr", nargs, kwnames, 1, 1)) return MOLT_ERROR;
  return object_repr(args[0]);
}

Value builtin_abs(const Value* args, size_t nargs, Value kwnames) {
  if (!check_args("abs", nargs, kwnames, 1, 1)) return MOLT_ERROR;
  Type* t = type_of(args[0]);
  if (t->as_number && t->as_number->absolute) return t->as_number->absolute(args[0]);
  char msg[120];
  snprintf(msg, sizeof msg, "bad operand type for abs(): '%s'", t->name);
  return raise_message(&exc::TypeError, msg);
}

Value builtin_isinstance(const Value* args, size_t nargs, Value kwnames) {
  if (!check_args("isinstance", nargs, kwnames, 2, 2)) return MOLT_ERROR;
  int r = class_matches(type_of(args[0]), args[1], "isinstance");
  return r < 0 ? MOLT_ERROR : molt_from_bool(r);
}

Value builtin_issubclass(const Value* args, size_t nargs, Value kwnames) {
  if (!check_args("issubclass", nargs, kwnames, 2, 2)) return MOLT_ERROR;
  if (!is_type_object(args[0])) return raise_message(&exc::TypeError, "issubclass() arg 1 must be a class");
  int r = class_matches(as_type(args[0]), args[1], "issubclass");
  return r < 0 ? MOLT_ERROR : molt_from_bool(r);
}

Value builtin_min(const Value* args, size_t nargs, Value kwnames) { return min_max(args, nargs, kwnames, true); }
Value builtin_max(const Value* args, size_t nargs, Value kwnames) { return min_max(args, nargs, kwnames, false); }

Value builtin_sum(const Value* args, size_t nargs, Value kwnames) {
  Value start = MOLT_UNBOUND;
  size_t nkw = keyword_count(kwnames);
  for (size_t k = 0; k < nkw; ++k) {
    if (!keyword_is(kwnames, k, "start")) {
      const char* kw = keyword_name(kwnames, k);
      char msg[160];
      snprintf(msg, sizeof msg, "sum() got an unexpected keyword argument '%s'", kw ? kw : "?");
      return raise_message(&exc::TypeError, msg);
    }
    start = args[nargs + k];
  }
  if (nargs == 0) return raise_message(&exc::TypeError, "sum() takes at least 1 positional argument (0 given)");
  if (nargs > 2 || (nargs == 2 && start != MOLT_UNBOUND)) {
    char msg[100];
    snprintf(msg, sizeof msg, "sum() takes at most 2 arguments (%zu given)", nargs + nkw);
    return raise_message(&exc::TypeError, msg);
  }
  if (nargs == 2) start = args[1];
  if (start == MOLT_UNBOUND) start = molt_from_small_int(0);
  if (is_str(start)) return raise_message(&exc::TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
  Ref it(object_iter(args[0]));
  if (it.is_error()) return MOLT_ERROR;
  Ref result = Ref::borrow(start);
  // Exact small ints add in machine integers until something else arrives.
  if (molt_is_small_int(result.get())) {
    int64_t acc = molt_as_small_int(result.get());
    while (true) {
      Value item = iter_next(it.get());
      if (molt_is_error(item)) return MOLT_ERROR;
      if (item == MOLT_UNBOUND) return int_from_i64(acc);
      int64_t v = 0;
      if (molt_is_small_int(item) && !__builtin_add_overflow(acc, molt_as_small_int(item), &v)) {
        acc = v;
        continue;
      }
      Ref partial(int_from_i64(acc));
      Ref owned_item(item);
      result = Ref(binary_op(BinOp::Add, partial.get(), item));
      if (result.is_error()) return MOLT_ERROR;
      break;
    }
  }
  while (true) {
    if (molt_is_double(result.get())) {
      Value pending;
      Value f = sum_floats(molt_as_double(result.get()), it.get(), &pending);
      if (molt_is_error(f)) return MOLT_ERROR;
      if (pending == MOLT_UNBOUND) return f;
      Ref owned(pending);
      result = Ref(binary_op(BinOp::Add, f, pending));
      if (result.is_error()) return MOLT_ERROR;
      continue;
    }
    Ref item(iter_next(it.get()));
    if (item.is_error()) return MOLT_ERROR;
    if (item.get() == MOLT_UNBOUND) return result.release();
    result = Ref(binary_op(BinOp::Add, result.get(), item.get()));
    if (result.is_error()) return MOLT_ERROR;
  }
}

namespace {

Value any_all(const Value* args, size_t nargs, Value kwnames, bool is_any) {
  if (!check_args(is_any ? "any" : "all", nargs, kwnames, 1, 1)) return MOLT_ERROR;
  Ref it(object_iter(args[0]));
  if (it.is_error()) return MOLT_ERROR;
  while (true) {
    Ref item(iter_next(it.get()));
    if (item.is_error()) return MOLT_ERROR;
    if (item.get() == MOLT_UNBOUND) return molt_from_bool(!is_any);
    int t = object_truth(item.get());
    if (t < 0) return MOLT_ERROR;
    if (t == static_cast<int>(is_any)) return molt_from_bool(is_any);
  }
}

Value base_string(const Value* args, size_t nargs, Value kwnames, const char* name, int base) {
  if (!check_args(name, nargs, kwnames, 1, 1)) return MOLT_ERROR;
  Ref index(number_index(args[0]));
  if (index.is_error()) return MOLT_ERROR;
  return int_to_base_string(index.get(), base, true);
}

}  // namespace

Value builtin_any(const Value* args, size_t nargs, Value kwnames) { return any_all(args, nargs, kwnames, true); }
Value builtin_all(const Value* args, size_t nargs, Value kwnames) { return any_all(args, nargs, kwnames, false); }

Value builtin_hash(const Value* args, size_t nargs, Value kwnames) {
  if (!check_args("hash", nargs, kwnames, 1, 1)) return MOLT_ERROR;
  int64_t h = object_hash(args[0]);
  return h == -1 ? MOLT_ERROR : int_from_i64(h);
}

Value builtin_id(const Value* args, size_t nargs, Value kwnames) {
  if (!check_args("id", nargs, kwnames, 1, 1)) return MOLT_ERROR;
  // Heap objects: their address. Immediate values have no address; their
  // bits are unique to the value, which is what id() promises.
  Value v = args[0];
  uint64_t id = molt_is_ptr(v) ? static_cast<uint64_t>(reinterpret_cast<uintptr_t>(molt_as_ptr(v))) : v;
  return int_from_u64(id);
}

Value builtin_callable(const Value* args, size_t nargs, Value kwnames) {
  if (!check_args("callable", nargs, kwnames, 1, 1)) return MOLT_ERROR;
  return molt_from_bool(type_of(args[0])->call != nullptr);
}

Value builtin_divmod(const Value* args, size_t nargs, Value kwnames) {
  if (!check_args("divmod", nargs, kwnames, 2, 2)) return MOLT_ERROR;
  return binary_op(BinOp::DivMod, args[0], args[1]);
}

Value builtin_pow(const Value* args, size_t nargs, Value kwnames) {
  Value base = MOLT_UNBOUND, exp = MOLT_UNBOUND, mod = MOLT_NONE;
  if (nargs > 3) {
    char msg[80];
    snprintf(msg, sizeof msg, "pow() takes at most 3 arguments (%zu given)", nargs);
    return raise_message(&exc::TypeError, msg);
  }
  if (nargs >= 1) base = args[0];
  if (nargs >= 2) exp = args[1];
  if (nargs >= 3) mod = args[2];
  size_t nkw = keyword_count(kwnames);
  for (size_t k = 0; k < nkw; ++k) {
    Value v = args[nargs + k];
    if (keyword_is(kwnames, k, "base") && base == MOLT_UNBOUND) {
      base = v;
    } else if (keyword_is(kwnames, k, "exp") && exp == MOLT_UNBOUND) {
      exp = v;
    } else if (keyword_is(kwnames, k, "mod") && nargs < 3) {
      mod = v;
    } else {
      const char* kw = keyword_name(kwnames, k);
      char msg[160];
      snprintf(msg, sizeof msg, "pow() got an unexpected keyword argument '%s'", kw ? kw : "?");
      return raise_message(&exc::TypeError, msg);
    }
  }
  if (base == MOLT_UNBOUND || exp == MOLT_UNBOUND) {
    char msg[120];
    snprintf(msg, sizeof msg, "pow() missing required argument '%s' (pos %d)", base == MOLT_UNBOUND ? "base" : "exp",
             base == MOLT_UNBOUND ? 1 : 2);
    return raise_message(&exc::TypeError, msg);
  }
  return power(base, exp, mod);
}

namespace {

/// round(x, ndigits) for a finite float: correctly rounded to `ndigits`
/// decimal places (half-even on exact ties), as CPython's dtoa-based
/// double_round.
double round_double(double x, int64_t ndigits) {
  if (ndigits > 323) return x;
  if (ndigits >= 0) {
    char buf[400];
    snprintf(buf, sizeof buf, "%.*f", static_cast<int>(ndigits), x);
    return strtod(buf, nullptr);
  }
  if (ndigits < -308) return copysign(0.0, x);
  // Round to a multiple of 10^-ndigits: to (digits before the point -
  // |ndigits|) significant digits.
  if (x == 0.0) return x;
  int exp10 = static_cast<int>(floor(log10(fabs(x))));
  char buf[64];
  snprintf(buf, sizeof buf, "%.16e", fabs(x));
  int e = atoi(strchr(buf, 'e') + 1);  // exact decimal exponent of |x|
  exp10 = e;
  int64_t sig = static_cast<int64_t>(exp10) + 1 + ndigits;
  if (sig >= 1) {
    snprintf(buf, sizeof buf, "%.*e", static_cast<int>(sig - 1), x);
    return strtod(buf, nullptr);
  }
  if (sig < 0) return copysign(0.0, x);
  // |x| in [10^(-nd-1), 10^-nd): rounds to 0 or 10^-nd; ties go to 0 (even).
  double unit = pow(10.0, static_cast<double>(-ndigits));
  double half = unit / 2;
  if (fabs(x) > half) return copysign(unit, x);
  return copysign(0.0, x);
}

}  // namespace

Value builtin_round(const Value* args, size_t nargs, Value kwnames) {
  Value number = MOLT_UNBOUND, ndigits = MOLT_NONE;
  if (nargs > 2) {
    char msg[80];
    snprintf(msg, sizeof msg, "round() takes at most 2 arguments (%zu given)", nargs);
    return raise_message(&exc::TypeError, msg);
  }
  if (nargs >= 1) number = args[0];
  if (nargs >= 2) ndigits = args[1];
  size_t nkw = keyword_count(kwnames);
  for (size_t k = 0; k < nkw; ++k) {
    if (keyword_is(kwnames, k, "number") && number == MOLT_UNBOUND) {
      number = args[nargs + k];
    } else if (keyword_is(kwnames, k, "ndigits") && nargs < 2) {
      ndigits = args[nargs + k];
    } else {
      const char* kw = keyword_name(kwnames, k);
      char msg[160];
      snprintf(msg, sizeof msg, "round() got an unexpected keyword argument '%s'", kw ? kw : "?");
      return raise_message(&exc::TypeError, msg);
    }
  }
  if (number == MOLT_UNBOUND) return raise_message(&exc::TypeError, "round() missing required argument 'number' (pos 1)");
  if (molt_is_double(number)) {
    double x = molt_as_double(number);
    if (ndigits == MOLT_NONE) {
      // Round half to even, then to an int.
      double r = nearbyint(x);  // default rounding mode: half-even
      return int_from_double(r);
    }
    int64_t nd = 0;
    if (!number_as_ssize(ndigits, nullptr, &nd)) return MOLT_ERROR;
    if (!isfinite(x) || x == 0.0) return molt_from_double(x);
    double r = round_double(x, nd);
    if (isinf(r)) return raise_message(&exc::OverflowError, "rounded value too large to represent");
    return molt_from_double(r);
  }
  if (is_int_like(number)) {
    Value i = int_from_bool_or_int(number);
    if (ndigits == MOLT_NONE) return int_exact(i);
    int64_t nd = 0;
    if (!number_as_ssize(ndigits, nullptr, &nd)) return MOLT_ERROR;
    if (nd >= 0) return int_exact(i);
    // Round to a multiple of 10^-nd, half to even.
    Ref ten(molt_from_small_int(10));
    Ref scale(int_pow(ten.get(), int_from_i64(-nd), MOLT_NONE));
    if (scale.is_error()) return MOLT_ERROR;
    Ref q(int_floordiv(i, scale.get()));
    if (q.is_error()) return MOLT_ERROR;
    Ref r(int_mod(i, scale.get()));
    if (r.is_error()) return MOLT_ERROR;
    Ref twice(int_add(r.get(), r.get()));
    int c = int_compare(twice.get(), scale.get());
    bool odd = molt_is_small_int(q.get()) ? (molt_as_small_int(q.get()) & 1) != 0
                                           : int_sign(Ref(int_and(q.get(), molt_from_small_int(1))).get()) != 0;
    if (c > 0 || (c == 0 && odd)) q = Ref(int_add(q.get(), molt_from_small_int(1)));
    if (q.is_error()) return MOLT_ERROR;
    return int_mul(q.get(), scale.get());
  }
  char msg[120];
  snprintf(msg, sizeof msg, "type %s doesn't define __round__ method", type_of(number)->name);
  return raise_message(&exc::TypeError, msg);
}

Value builtin_hex(const Value* args, size_t nargs, Value kwnames) { return base_string(args, nargs, kwnames, "hex", 16); }
Value builtin_oct(const Value* args, size_t nargs, Value kwnames) { return base_string(args, nargs, kwnames, "oct", 8); }
Value builtin_bin(const Value* args, size_t nargs, Value kwnames) { return base_string(args, nargs, kwnames, "bin", 2); }

#define MOLT_BUILTIN_OBJECT(name) \
  BuiltinFunctionObject g_builtin_##name = {{kImmortalRefcount, &builtin_function_type}, #name, builtin_##name};
MOLT_BUILTIN_OBJECT(len)
MOLT_BUILTIN_OBJECT(repr)
MOLT_BUILTIN_OBJECT(abs)
MOLT_BUILTIN_OBJECT(isinstance)
MOLT_BUILTIN_OBJECT(issubclass)
MOLT_BUILTIN_OBJECT(min)
MOLT_BUILTIN_OBJECT(max)
MOLT_BUILTIN_OBJECT(sum)
MOLT_BUILTIN_OBJECT(any)
MOLT_BUILTIN_OBJECT(all)
MOLT_BUILTIN_OBJECT(hash)
MOLT_BUILTIN_OBJECT(id)
MOLT_BUILTIN_OBJECT(callable)
MOLT_BUILTIN_OBJECT(divmod)
MOLT_BUILTIN_OBJECT(pow)
MOLT_BUILTIN_OBJECT(round)
MOLT_BUILTIN_OBJECT(hex)
MOLT_BUILTIN_OBJECT(oct)
MOLT_BUILTIN_OBJECT(bin)
#undef MOLT_BUILTIN_OBJECT

}  // namespace molt
