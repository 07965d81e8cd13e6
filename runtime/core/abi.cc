// abi.cc — the extern "C" entry points of abi.def that compiled code calls.
//
// Operator entry points carry inline fast paths for the common inline-int
// and float cases; because the runtime is linked into each program as
// bitcode, LLVM inlines these paths at the call sites and only the slow
// paths remain calls.
#include "molt/abi.h"

#include <stdlib.h>
#include <string.h>

#include <type_traits>

#include "core/abstract.h"
#include "core/errors.h"
#include "core/gc.h"
#include "core/output.h"
#include "core/thread_state.h"
#include "exc/exceptions.h"
#include "exc/traceback.h"
#include "core/iter.h"
#include "modules/builtins.h"
#include "core/format.h"
#include "objects/descriptors.h"
#include "objects/dict.h"
#include "objects/iterators.h"
#include "objects/list.h"
#include "objects/range.h"
#include "objects/set.h"
#include "objects/slice.h"
#include "objects/bool.h"
#include "objects/float.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"

using namespace molt;

// --- signature checks against abi.def ------------------------------------------

namespace {

template <class T>
constexpr char sig_char() {
  if constexpr (std::is_same_v<T, MoltValue>) return 'v';
  else if constexpr (std::is_same_v<T, int32_t>) return 'i';
  else if constexpr (std::is_same_v<T, int64_t>) return 'l';
  else if constexpr (std::is_same_v<T, size_t> && !std::is_same_v<size_t, MoltValue>) return 'z';
  else if constexpr (std::is_same_v<T, double>) return 'd';
  else if constexpr (std::is_same_v<T, void>) return '0';
  else if constexpr (std::is_pointer_v<T>) return 'p';
  else return '?';
}

template <class F>
struct Signature;
template <class R, class... A>
struct Signature<R (*)(A...)> {
  static constexpr char text[] = {sig_char<R>(), '(', sig_char<A>()..., ')', '\0'};
};

constexpr bool same_text(const char* a, const char* b) {
  for (; *a != '\0' || *b != '\0'; ++a, ++b) {
    if (*a != *b) return false;
  }
  return true;
}

#define MOLT_ABI(name, sig)                                                          \
  static_assert(same_text(Signature<decltype(&::name)>::text, sig),                  \
                "abi.def signature of " #name " does not match its declaration");
#include "molt/abi.def"
#undef MOLT_ABI

}  // namespace

// --- lifecycle --------------------------------------------------------------------

namespace {

/// The process exit status for an uncaught exception: SystemExit's code
/// (None -> 0, an int -> itself, anything else printed to stderr -> 1), or
/// 1 after printing the traceback, as CPython's handle_system_exit does.
int32_t exit_status_for(Value exc) {
  if (!is_subtype(type_of(exc), &exc::SystemExit)) {
    print_exception(exc);
    return 1;
  }
  ExceptionObject* e = as_exception(exc);
  Value code = MOLT_NONE;
  if (is_tuple(e->args) && tuple_size(e->args) == 1) {
    code = tuple_item_borrowed(e->args, 0);
  } else if (is_tuple(e->args) && tuple_size(e->args) > 1) {
    code = e->args;
  }
  if (code == MOLT_NONE) return 0;
  if (is_int_like(code)) {
    int64_t v = 0;
    if (int_to_i64(int_from_bool_or_int(code), &v)) return static_cast<int32_t>(v & 0xFF);
    return -1 & 0xFF;
  }
  out_stdout().flush();
  Value s = object_str(code);
  if (!molt_is_error(s)) {
    size_t n = 0;
    const char* text = str_utf8(s, &n);
    if (text != nullptr) {
      out_stderr().write(text, n);
      out_stderr().write("\n", 1);
    }
    decref(s);
  }
  clear_error();
  out_stderr().flush();
  return 1;
}

}  // namespace

extern "C" int32_t molt_rt_main(int32_t argc, char** argv, MoltModuleInit module_init,
                                MoltModuleFini module_fini) {
  (void)argc;
  (void)argv;
  init_output();
  Value r = module_init();
  int32_t code = 0;
  if (molt_is_error(r)) {
    Value exc = fetch_error();
    code = exit_status_for(exc);
    decref(exc);
  } else {
    decref(r);
  }
  // Like CPython's finalization: the traceback is printed first, then the
  // module's globals are released.
  module_fini();
  // As CPython's finalization does, collect the cycles left (classes and
  // their instances, closures referring to themselves, ...).
  gc_collect();
  flush_output();
  return code;
}

extern "C" int32_t molt_enter_frame(void) {
  ThreadState& t = ts();
  if (++t.depth > t.recursion_limit) {
    --t.depth;
    raise(ErrorId::RecursionLimit);
    return -1;
  }
  return 0;
}

extern "C" void molt_leave_frame(void) { --ts().depth; }

extern "C" void molt_traceback_add(const MoltCodeInfo* code, int32_t line) {
  Value exc = current_error_borrowed();
  if (exc != MOLT_NONE) traceback_add(exc, code, line);
}

// --- reference counting --------------------------------------------------------------

extern "C" void molt_incref(MoltValue v) { incref(v); }
extern "C" void molt_decref(MoltValue v) { decref(v); }
extern "C" void molt_dealloc(void* object) { dealloc_object(static_cast<Object*>(object)); }

// --- constants -----------------------------------------------------------------------

namespace {

/// Start-up constants live for the whole run. Codegen keeps them in global
/// slots that LLVM may optimise away once nothing reads them; this table
/// keeps every one reachable (so leak checkers see them as live). It holds
/// raw pointers: a NaN-boxed value does not look like a pointer to them.
struct ImmortalTable {
  Object** items = nullptr;
  size_t size = 0;
  size_t capacity = 0;
};
ImmortalTable g_immortals;

Value make_immortal(Value v) {
  if (!molt_is_ptr(v)) return v;
  as_object(v)->refcount = kImmortalRefcount;
  ImmortalTable& t = g_immortals;
  if (t.size == t.capacity) {
    size_t cap = t.capacity ? t.capacity * 2 : 64;
    Object** items = static_cast<Object**>(realloc(t.items, cap * sizeof(Object*)));
    if (items == nullptr) return v;  // still correct; only leak checkers notice
    t.items = items;
    t.capacity = cap;
  }
  t.items[t.size++] = as_object(v);
  return v;
}

}  // namespace

extern "C" MoltValue molt_const_str(const char* utf8, size_t len) {
  return make_immortal(str_from_utf8(utf8, len));
}

extern "C" MoltValue molt_const_tuple(const MoltValue* items, size_t n) {
  return make_immortal(molt_tuple_from_array(items, n));
}

extern "C" MoltValue molt_builtin_object(int32_t id) {
  static Object* const kObjects[] = {
#define MOLT_BUILTIN_FN(name, impl, object) reinterpret_cast<Object*>(&object),
#include "molt/builtins.def"
#undef MOLT_BUILTIN_FN
  };
  if (id < 0 || static_cast<size_t>(id) >= sizeof kObjects / sizeof kObjects[0])
    fatal("molt_builtin_object: bad builtin id %d", id);
  return from_object(kObjects[id]);
}

extern "C" MoltValue molt_const_int(const char* text, size_t len) {
  return make_immortal(int_from_literal(text, len));
}

// --- operators ---------------------------------------------------------------------

extern "C" MoltValue molt_binop_Add(MoltValue a, MoltValue b) {
  if (molt_is_small_int(a) && molt_is_small_int(b)) {
    int64_t r = molt_as_small_int(a) + molt_as_small_int(b);  // cannot overflow int64
    if (molt_fits_small_int(r)) return molt_from_small_int(r);
    return int_from_i64(r);
  }
  if (molt_is_double(a) && molt_is_double(b)) return molt_from_double(molt_as_double(a) + molt_as_double(b));
  return binary_op(BinOp::Add, a, b);
}

extern "C" MoltValue molt_binop_Sub(MoltValue a, MoltValue b) {
  if (molt_is_small_int(a) && molt_is_small_int(b)) {
    int64_t r = molt_as_small_int(a) - molt_as_small_int(b);
    if (molt_fits_small_int(r)) return molt_from_small_int(r);
    return int_from_i64(r);
  }
  if (molt_is_double(a) && molt_is_double(b)) return molt_from_double(molt_as_double(a) - molt_as_double(b));
  return binary_op(BinOp::Sub, a, b);
}

extern "C" MoltValue molt_binop_Mult(MoltValue a, MoltValue b) {
  if (molt_is_small_int(a) && molt_is_small_int(b)) {
    int64_t r;
    if (!__builtin_mul_overflow(molt_as_small_int(a), molt_as_small_int(b), &r)) {
      if (molt_fits_small_int(r)) return molt_from_small_int(r);
      return int_from_i64(r);
    }
  }
  if (molt_is_double(a) && molt_is_double(b)) return molt_from_double(molt_as_double(a) * molt_as_double(b));
  return binary_op(BinOp::Mult, a, b);
}

extern "C" MoltValue molt_binop_FloorDiv(MoltValue a, MoltValue b) {
  if (molt_is_small_int(a) && molt_is_small_int(b)) {
    int64_t x = molt_as_small_int(a), y = molt_as_small_int(b);
    if (y != 0) {
      int64_t q = x / y;
      if ((x % y != 0) && ((x < 0) != (y < 0))) --q;
      if (molt_fits_small_int(q)) return molt_from_small_int(q);
      return int_from_i64(q);
    }
  }
  return binary_op(BinOp::FloorDiv, a, b);
}

extern "C" MoltValue molt_binop_Mod(MoltValue a, MoltValue b) {
  if (molt_is_small_int(a) && molt_is_small_int(b)) {
    int64_t x = molt_as_small_int(a), y = molt_as_small_int(b);
    if (y != 0) {
      int64_t r = x % y;
      if (r != 0 && ((r < 0) != (y < 0))) r += y;
      return molt_from_small_int(r);
    }
  }
  return binary_op(BinOp::Mod, a, b);
}

extern "C" MoltValue molt_binop_Div(MoltValue a, MoltValue b) {
  if (molt_is_double(a) && molt_is_double(b) && molt_as_double(b) != 0.0)
    return molt_from_double(molt_as_double(a) / molt_as_double(b));
  return binary_op(BinOp::Div, a, b);
}

#define MOLT_SLOW_BINOP(Name) \
  extern "C" MoltValue molt_binop_##Name(MoltValue a, MoltValue b) { return binary_op(BinOp::Name, a, b); }
MOLT_SLOW_BINOP(MatMult)
MOLT_SLOW_BINOP(LShift)
MOLT_SLOW_BINOP(RShift)
MOLT_SLOW_BINOP(BitOr)
MOLT_SLOW_BINOP(BitXor)
MOLT_SLOW_BINOP(BitAnd)
#undef MOLT_SLOW_BINOP

extern "C" MoltValue molt_binop_Pow(MoltValue a, MoltValue b) { return power(a, b, MOLT_NONE); }

extern "C" MoltValue molt_inplace_Add(MoltValue a, MoltValue b) {
  if (molt_is_small_int(a) && molt_is_small_int(b)) return molt_binop_Add(a, b);
  return inplace_binary_op(BinOp::Add, a, b);
}
extern "C" MoltValue molt_inplace_Sub(MoltValue a, MoltValue b) {
  if (molt_is_small_int(a) && molt_is_small_int(b)) return molt_binop_Sub(a, b);
  return inplace_binary_op(BinOp::Sub, a, b);
}
extern "C" MoltValue molt_inplace_Mult(MoltValue a, MoltValue b) {
  if (molt_is_small_int(a) && molt_is_small_int(b)) return molt_binop_Mult(a, b);
  return inplace_binary_op(BinOp::Mult, a, b);
}
#define MOLT_SLOW_INPLACE(Name) \
  extern "C" MoltValue molt_inplace_##Name(MoltValue a, MoltValue b) { return inplace_binary_op(BinOp::Name, a, b); }
MOLT_SLOW_INPLACE(MatMult)
MOLT_SLOW_INPLACE(Div)
MOLT_SLOW_INPLACE(Mod)
MOLT_SLOW_INPLACE(Pow)
MOLT_SLOW_INPLACE(LShift)
MOLT_SLOW_INPLACE(RShift)
MOLT_SLOW_INPLACE(BitOr)
MOLT_SLOW_INPLACE(BitXor)
MOLT_SLOW_INPLACE(BitAnd)
MOLT_SLOW_INPLACE(FloorDiv)
#undef MOLT_SLOW_INPLACE

extern "C" MoltValue molt_unary_neg(MoltValue v) {
  if (molt_is_small_int(v)) {
    int64_t r = -molt_as_small_int(v);
    if (molt_fits_small_int(r)) return molt_from_small_int(r);
    return int_from_i64(r);
  }
  if (molt_is_double(v)) return molt_from_double(-molt_as_double(v));
  return unary_negative(v);
}

extern "C" MoltValue molt_unary_pos(MoltValue v) {
  if (molt_is_small_int(v) || molt_is_double(v)) return v;
  return unary_positive(v);
}

extern "C" MoltValue molt_unary_invert(MoltValue v) {
  if (molt_is_small_int(v)) return molt_from_small_int(~molt_as_small_int(v));
  return unary_invert(v);
}

namespace {

inline bool compare_i64(int64_t x, int64_t y, int32_t op) {
  switch (static_cast<CompareOp>(op)) {
    case CompareOp::Lt: return x < y;
    case CompareOp::Le: return x <= y;
    case CompareOp::Eq: return x == y;
    case CompareOp::Ne: return x != y;
    case CompareOp::Gt: return x > y;
    case CompareOp::Ge: return x >= y;
  }
  return false;
}

inline bool compare_f64(double x, double y, int32_t op) {
  switch (static_cast<CompareOp>(op)) {
    case CompareOp::Lt: return x < y;
    case CompareOp::Le: return x <= y;
    case CompareOp::Eq: return x == y;
    case CompareOp::Ne: return x != y;
    case CompareOp::Gt: return x > y;
    case CompareOp::Ge: return x >= y;
  }
  return false;
}

}  // namespace

extern "C" MoltValue molt_compare(MoltValue a, MoltValue b, int32_t op) {
  if (molt_is_small_int(a) && molt_is_small_int(b))
    return molt_from_bool(compare_i64(molt_as_small_int(a), molt_as_small_int(b), op));
  if (molt_is_double(a) && molt_is_double(b))
    return molt_from_bool(compare_f64(molt_as_double(a), molt_as_double(b), op));
  return rich_compare(a, b, static_cast<CompareOp>(op));
}

extern "C" int32_t molt_compare_bool(MoltValue a, MoltValue b, int32_t op) {
  if (molt_is_small_int(a) && molt_is_small_int(b))
    return compare_i64(molt_as_small_int(a), molt_as_small_int(b), op);
  if (molt_is_double(a) && molt_is_double(b)) return compare_f64(molt_as_double(a), molt_as_double(b), op);
  return rich_compare_bool(a, b, static_cast<CompareOp>(op));
}

extern "C" int32_t molt_is(MoltValue a, MoltValue b) { return a == b; }

extern "C" int32_t molt_truth(MoltValue v) { return object_truth(v); }

// --- exceptions ------------------------------------------------------------------------

extern "C" MoltValue molt_raise(MoltValue exc, MoltValue cause) {
  Value e = exception_from_operand(exc, false);
  if (molt_is_error(e)) return e;
  if (cause != MOLT_UNBOUND) {
    Value c = MOLT_NONE;
    if (cause != MOLT_NONE) {
      c = exception_from_operand(cause, true);
      if (molt_is_error(c)) {
        decref(e);
        return c;
      }
    }
    ExceptionObject* x = as_exception(e);
    Value old = x->cause;
    x->cause = c;
    x->suppress_context = true;
    decref(old);
  }
  return raise_instance(e);
}

extern "C" MoltValue molt_catch(void) { return fetch_error(); }

extern "C" MoltValue molt_set_handled(MoltValue exc) {
  Value prev = ts().handled_exc;
  ts().handled_exc = new_ref(exc);
  return prev;
}

extern "C" void molt_restore_handled(MoltValue prev) {
  Value cur = ts().handled_exc;
  ts().handled_exc = prev;
  decref(cur);
}

extern "C" void molt_reraise(MoltValue exc) {
  // Re-raising keeps __context__ as it was: no implicit chaining.
  Value old = ts().current_exc;
  ts().current_exc = exc;
  decref(old);
}

extern "C" MoltValue molt_reraise_handled(void) {
  Value handled = ts().handled_exc;
  if (handled == MOLT_NONE) return raise(ErrorId::NoActiveException);
  molt_reraise(new_ref(handled));
  return MOLT_ERROR;
}

extern "C" int32_t molt_exception_matches(MoltValue exc, MoltValue type) { return exception_matches(exc, type); }

// --- names ---------------------------------------------------------------------------

extern "C" MoltValue molt_raise_name_error(const char* name) {
  raise(ErrorId::NameNotDefined, name);
  // NameError.name enables CPython's "Did you mean" suggestion.
  Value exc = current_error_borrowed();
  if (is_exception(exc)) {
    Value n = str_from_cstr(name);
    if (molt_is_error(n)) return MOLT_ERROR;  // MemoryError replaced the NameError
    ExceptionObject* e = as_exception(exc);
    decref(e->name);
    e->name = n;
  }
  return MOLT_ERROR;
}

extern "C" MoltValue molt_raise_unbound_local(const char* name) { return raise(ErrorId::UnboundLocal, name); }

// --- calls -----------------------------------------------------------------------------

extern "C" MoltValue molt_function_new(const MoltFunctionInfo* info) { return function_new(info); }

extern "C" MoltValue molt_call(MoltValue callable, const MoltValue* args, size_t nargs, MoltValue kwnames) {
  return call_object(callable, args, nargs, kwnames);
}

extern "C" int32_t molt_bind_args(MoltValue function, const MoltValue* args, size_t nargs, MoltValue kwnames,
                                  MoltValue* out) {
  return bind_args(function, args, nargs, kwnames, out);
}

extern "C" void molt_release_args(MoltValue* values, size_t n) {
  for (size_t i = 0; i < n; ++i) decref(values[i]);
}

extern "C" MoltValue molt_function_new_ex(const MoltFunctionInfo* info, MoltValue defaults, MoltValue kwdefaults,
                                          MoltValue closure) {
  return function_new(info, defaults, kwdefaults, closure);
}

extern "C" MoltValue molt_function_closure(MoltValue function) {
  return reinterpret_cast<FunctionObject*>(as_object(function))->closure;
}

extern "C" MoltValue molt_make_cell(MoltValue value) { return cell_new(value); }

extern "C" MoltValue molt_cell_get(MoltValue cell, const char* name, int32_t is_free) {
  Value v = reinterpret_cast<CellObject*>(as_object(cell))->contents;
  if (v != MOLT_UNBOUND) return new_ref(v);
  if (!is_free) return raise(ErrorId::UnboundLocal, name);
  raise(ErrorId::FreeVariableUnbound, name);
  // Like NameError for globals, this one carries the name for suggestions.
  Value exc = current_error_borrowed();
  if (is_exception(exc)) {
    Value n = str_from_cstr(name);
    if (molt_is_error(n)) return MOLT_ERROR;
    ExceptionObject* e = as_exception(exc);
    decref(e->name);
    e->name = n;
  }
  return MOLT_ERROR;
}

extern "C" void molt_cell_set(MoltValue cell, MoltValue value) {
  CellObject* c = reinterpret_cast<CellObject*>(as_object(cell));
  Value old = c->contents;
  c->contents = new_ref(value);
  decref(old);
}

extern "C" MoltValue molt_tuple_from_array(const MoltValue* items, size_t n) {
  Value t = tuple_new(static_cast<int64_t>(n));
  if (molt_is_error(t)) return t;
  for (size_t i = 0; i < n; ++i) tuple_set_steal(t, static_cast<int64_t>(i), new_ref(items[i]));
  return t;
}

// --- builtins ---------------------------------------------------------------------------
// molt_builtin_<name>: the direct entry of each builtins.def function.

#define MOLT_BUILTIN_FN(name, impl, object)                                                       \
  extern "C" MoltValue molt_builtin_##name(const MoltValue* args, size_t nargs, MoltValue kwnames); \
  extern "C" MoltValue molt_builtin_##name(const MoltValue* args, size_t nargs, MoltValue kwnames) { \
    return impl(args, nargs, kwnames);                                                          \
  }
#define MOLT_BUILTIN_OBJ(name, object)
#include "molt/builtins.def"
#undef MOLT_BUILTIN_OBJ
#undef MOLT_BUILTIN_FN
