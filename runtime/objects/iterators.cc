// iterators.cc — the sequence iterator, callable_iterator, and the builtin
// iterator types enumerate, zip, map, filter and reversed, with CPython
// 3.12's argument handling and messages.
#include "objects/iterators.h"

#include <stdlib.h>

#include "core/abstract.h"
#include "core/args.h"
#include "core/attr.h"
#include "core/errors.h"
#include "core/iter.h"
#include "exc/exceptions.h"
#include "objects/bool.h"
#include "objects/container_util.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/none.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace molt {

namespace {

constexpr Type make_iter_type(const char* name, size_t size, void (*dealloc)(Object*), UnaryFunc next,
                              const MethodDef* methods = nullptr) {
  Type t = {
      .ob = {kImmortalRefcount, &type_type},
      .name = name,
      .base = &object_type,
      .flags = 0,
      .basic_size = size,
      .dealloc = dealloc,
      .repr = nullptr,
      .str = nullptr,
      .hash = nullptr,
      .richcompare = nullptr,
      .as_number = nullptr,
      .as_sequence = nullptr,
      .as_mapping = nullptr,
      .call = nullptr,
      .iter = iter_self,
      .iternext = next,
      .construct = nullptr,
      .methods = methods,
  };
  return t;
}

// --- sequence iterator ----------------------------------------------------------------

struct SeqIterObject {
  Object ob;
  int64_t index;
  Value seq;  ///< MOLT_NONE once exhausted
};

void seq_iter_dealloc(Object* o) {
  decref(reinterpret_cast<SeqIterObject*>(o)->seq);
  free_object(o);
}

Value seq_iter_next(Value v) {
  SeqIterObject* it = reinterpret_cast<SeqIterObject*>(as_object(v));
  if (it->seq == MOLT_NONE) return MOLT_UNBOUND;
  if (it->index == INT64_MAX) return raise(ErrorId::IterIndexTooLarge);
  Value r = type_of(it->seq)->as_sequence->item(it->seq, it->index);
  if (!molt_is_error(r)) {
    ++it->index;
    return r;
  }
  if (error_matches(&exc::IndexError) || error_matches(&exc::StopIteration)) {
    clear_error();
    Value seq = it->seq;
    it->seq = MOLT_NONE;
    decref(seq);
    return MOLT_UNBOUND;
  }
  return MOLT_ERROR;
}

// --- callable iterator -----------------------------------------------------------------

struct CallIterObject {
  Object ob;
  Value callable;  ///< MOLT_NONE once exhausted
  Value sentinel;
};

void call_iter_dealloc(Object* o) {
  CallIterObject* it = reinterpret_cast<CallIterObject*>(o);
  decref(it->callable);
  decref(it->sentinel);
  free_object(o);
}

void call_iter_finish(CallIterObject* it) {
  Value c = it->callable, s = it->sentinel;
  it->callable = MOLT_NONE;
  it->sentinel = MOLT_NONE;
  decref(c);
  decref(s);
}

Value call_iter_next(Value v) {
  CallIterObject* it = reinterpret_cast<CallIterObject*>(as_object(v));
  if (it->callable == MOLT_NONE) return MOLT_UNBOUND;
  Value r = call_object(it->callable, nullptr, 0, MOLT_NONE);
  if (molt_is_error(r)) {
    if (!error_matches(&exc::StopIteration)) return MOLT_ERROR;
    clear_error();
    call_iter_finish(it);
    return MOLT_UNBOUND;
  }
  int eq = items_equal(it->sentinel, r);
  if (eq == 0) return r;
  decref(r);
  if (eq < 0) return MOLT_ERROR;
  call_iter_finish(it);
  return MOLT_UNBOUND;
}

// --- enumerate ---------------------------------------------------------------------------

struct EnumerateObject {
  Object ob;
  Value it;
  int64_t index;     ///< the next index while it fits
  Value long_index;  ///< the next index once past INT64_MAX (else MOLT_NONE)
  Value result;      ///< a 2-tuple reused while the caller does not keep it
};

void enumerate_dealloc(Object* o) {
  EnumerateObject* e = reinterpret_cast<EnumerateObject*>(o);
  decref(e->it);
  decref(e->long_index);
  decref(e->result);
  free_object(o);
}

/// (a, b) (both stolen) in `*cache` when only the iterator holds it, as
/// CPython's enumerate, zip and dict item iterators reuse their result.
Value reuse_pair(Value* cache, Value a, Value b) {
  Value t = *cache;
  if (t != MOLT_NONE && as_object(t)->refcount == 1) {
    TupleObject* tt = as_tuple(t);
    Value old_a = tt->items[0], old_b = tt->items[1];
    tt->items[0] = a;
    tt->items[1] = b;
    tt->hash_cache = -1;
    decref(old_a);
    decref(old_b);
    return new_ref(t);
  }
  return tuple_pack2_steal(a, b);
}

Value enumerate_next(Value v) {
  EnumerateObject* e = reinterpret_cast<EnumerateObject*>(as_object(v));
  Value item = iter_next(e->it);
  if (item == MOLT_UNBOUND || molt_is_error(item)) return item;
  Value index;
  if (e->index != INT64_MAX) {
    index = int_from_i64(e->index++);
  } else {
    if (e->long_index == MOLT_NONE) e->long_index = int_from_i64(INT64_MAX);
    if (molt_is_error(e->long_index)) {
      e->long_index = MOLT_NONE;
      decref(item);
      return MOLT_ERROR;
    }
    index = e->long_index;
    Value next = int_add(index, molt_from_small_int(1));
    if (molt_is_error(next)) {
      decref(item);
      return next;
    }
    e->long_index = next;
  }
  if (molt_is_error(index)) {
    decref(item);
    return index;
  }
  return reuse_pair(&e->result, index, item);
}

Value enumerate_make(Value iterable, Value start) {
  int64_t index = 0;
  Value long_index = MOLT_NONE;
  if (start != MOLT_UNBOUND) {
    Value i = number_index(start);
    if (molt_is_error(i)) return i;
    if (!int_to_i64(i, &index)) {
      index = INT64_MAX;
      long_index = i;
    } else {
      decref(i);
    }
  }
  Value it = object_iter(iterable);
  if (molt_is_error(it)) {
    decref(long_index);
    return it;
  }
  Value result = tuple_new(2);
  Object* o = molt_is_error(result) ? nullptr : alloc_object(&enumerate_type, sizeof(EnumerateObject));
  if (o == nullptr) {
    decref(it);
    decref(long_index);
    if (!molt_is_error(result)) decref(result);
    return MOLT_ERROR;
  }
  EnumerateObject* e = reinterpret_cast<EnumerateObject*>(o);
  e->it = it;
  e->index = index;
  e->long_index = long_index;
  e->result = result;
  return from_object(o);
}

bool check_enumerate_keyword(Value kwnames, size_t i, const char* want) {
  if (keyword_is(kwnames, i, want)) return true;
  const char* name = keyword_name(kwnames, i);
  raise(ErrorId::InvalidKeywordFor, name ? name : "?", "enumerate");
  return false;
}

// --- zip -----------------------------------------------------------------------------------

struct ZipObject {
  Object ob;
  int64_t count;
  bool strict;
  Value result;  ///< a count-tuple reused while the caller does not keep it
  Value iters[];
};

void zip_dealloc(Object* o) {
  ZipObject* z = reinterpret_cast<ZipObject*>(o);
  for (int64_t i = 0; i < z->count; ++i) decref(z->iters[i]);
  decref(z->result);
  free_object(o);
}

/// After iterator i (0-based) ran out in strict mode: CPython's checks that
/// every iterator ran out together.
Value zip_strict_check(ZipObject* z, int64_t i) {
  if (i > 0) {
    return raise(ErrorId::ZipShorter, static_cast<size_t>(i + 1), i == 1 ? " " : "s 1-",
                 static_cast<size_t>(i));
  }
  for (i = 1; i < z->count; ++i) {
    Value item = iter_next(z->iters[i]);
    if (molt_is_error(item)) return item;
    if (item != MOLT_UNBOUND) {
      decref(item);
      return raise(ErrorId::ZipLonger, static_cast<size_t>(i + 1), i == 1 ? " " : "s 1-",
                   static_cast<size_t>(i));
    }
  }
  return MOLT_UNBOUND;
}

Value zip_next(Value v) {
  ZipObject* z = reinterpret_cast<ZipObject*>(as_object(v));
  if (z->count == 0) return MOLT_UNBOUND;
  bool reuse = as_object(z->result)->refcount == 1;
  Value result = reuse ? new_ref(z->result) : tuple_new(z->count);
  if (molt_is_error(result)) return result;
  if (reuse) as_tuple(result)->hash_cache = -1;
  for (int64_t i = 0; i < z->count; ++i) {
    Value item = iter_next(z->iters[i]);
    if (item == MOLT_UNBOUND || molt_is_error(item)) {
      decref(result);
      if (molt_is_error(item) || !z->strict) return item;
      return zip_strict_check(z, i);
    }
    Value old = as_tuple(result)->items[i];
    as_tuple(result)->items[i] = item;
    decref(old);
  }
  return result;
}

// --- map -------------------------------------------------------------------------------------

struct MapObject {
  Object ob;
  Value func;
  int64_t count;
  Value iters[];
};

void map_dealloc(Object* o) {
  MapObject* m = reinterpret_cast<MapObject*>(o);
  decref(m->func);
  for (int64_t i = 0; i < m->count; ++i) decref(m->iters[i]);
  free_object(o);
}

Value map_next(Value v) {
  MapObject* m = reinterpret_cast<MapObject*>(as_object(v));
  Value small[8];
  Value* items =
      m->count <= 8 ? small : static_cast<Value*>(malloc(static_cast<size_t>(m->count) * sizeof(Value)));
  if (items == nullptr) return raise_no_memory();
  Value result = MOLT_UNBOUND;
  int64_t got = 0;
  for (; got < m->count; ++got) {
    Value item = iter_next(m->iters[got]);
    if (item == MOLT_UNBOUND || molt_is_error(item)) {
      result = item;
      break;
    }
    items[got] = item;
  }
  if (got == m->count) result = call_object(m->func, items, static_cast<size_t>(got), MOLT_NONE);
  for (int64_t i = 0; i < got; ++i) decref(items[i]);
  if (items != small) free(items);
  return result;
}

// --- filter ------------------------------------------------------------------------------------

struct FilterObject {
  Object ob;
  Value func;
  Value it;
};

void filter_dealloc(Object* o) {
  FilterObject* f = reinterpret_cast<FilterObject*>(o);
  decref(f->func);
  decref(f->it);
  free_object(o);
}

Value filter_next(Value v) {
  FilterObject* f = reinterpret_cast<FilterObject*>(as_object(v));
  bool check_true = f->func == MOLT_NONE || f->func == from_object(&bool_type.ob);
  for (;;) {
    Value item = iter_next(f->it);
    if (item == MOLT_UNBOUND || molt_is_error(item)) return item;
    int ok;
    if (check_true) {
      ok = object_truth(item);
    } else {
      Value good = call_object(f->func, &item, 1, MOLT_NONE);
      if (molt_is_error(good)) {
        decref(item);
        return good;
      }
      ok = object_truth(good);
      decref(good);
    }
    if (ok > 0) return item;
    decref(item);
    if (ok < 0) return MOLT_ERROR;
  }
}

// --- reversed -----------------------------------------------------------------------------------

struct ReversedObject {
  Object ob;
  int64_t index;
  Value seq;  ///< MOLT_NONE once exhausted
};

void reversed_dealloc(Object* o) {
  decref(reinterpret_cast<ReversedObject*>(o)->seq);
  free_object(o);
}

Value reversed_next(Value v) {
  ReversedObject* r = reinterpret_cast<ReversedObject*>(as_object(v));
  if (r->seq == MOLT_NONE) return MOLT_UNBOUND;
  if (r->index >= 0) {
    Value item = type_of(r->seq)->as_sequence->item(r->seq, r->index);
    if (!molt_is_error(item)) {
      --r->index;
      return item;
    }
    if (!error_matches(&exc::IndexError) && !error_matches(&exc::StopIteration)) return MOLT_ERROR;
    clear_error();
  }
  r->index = -1;
  Value seq = r->seq;
  r->seq = MOLT_NONE;
  decref(seq);
  return MOLT_UNBOUND;
}

Value reversed_length_hint(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_args("reversed.__length_hint__", nargs, kwnames)) return MOLT_ERROR;
  ReversedObject* r = reinterpret_cast<ReversedObject*>(as_object(self));
  if (r->seq == MOLT_NONE) return molt_from_small_int(0);
  int64_t n = object_length(r->seq);
  if (n < 0) return MOLT_ERROR;
  return int_from_i64(n < r->index ? 0 : r->index + 1);
}

const MethodDef kReversedMethods[] = {
    {"__length_hint__", reversed_length_hint, kMethodPlain},
    {nullptr, nullptr, 0},
};

Value enumerate_construct(Type*, const Value* args, size_t nargs, Value kwnames) {
  return enumerate_new(args, nargs, kwnames);
}
Value zip_construct(Type*, const Value* args, size_t nargs, Value kwnames) {
  return zip_new(args, nargs, kwnames);
}
Value map_construct(Type*, const Value* args, size_t nargs, Value kwnames) {
  return map_new(args, nargs, kwnames);
}
Value filter_construct(Type*, const Value* args, size_t nargs, Value kwnames) {
  return filter_new(args, nargs, kwnames);
}
Value reversed_construct(Type*, const Value* args, size_t nargs, Value kwnames) {
  return reversed_new(args, nargs, kwnames);
}

constexpr Type with_construct(Type t, Value (*construct)(Type*, const Value*, size_t, Value)) {
  t.construct = construct;
  return t;
}

}  // namespace

constinit Type seq_iterator_type =
    make_iter_type("iterator", sizeof(SeqIterObject), seq_iter_dealloc, seq_iter_next);
constinit Type callable_iterator_type =
    make_iter_type("callable_iterator", sizeof(CallIterObject), call_iter_dealloc, call_iter_next);
constinit Type enumerate_type =
    with_construct(make_iter_type("enumerate", sizeof(EnumerateObject), enumerate_dealloc, enumerate_next),
                   enumerate_construct);
constinit Type zip_type =
    with_construct(make_iter_type("zip", sizeof(ZipObject), zip_dealloc, zip_next), zip_construct);
constinit Type map_type =
    with_construct(make_iter_type("map", sizeof(MapObject), map_dealloc, map_next), map_construct);
constinit Type filter_type = with_construct(
    make_iter_type("filter", sizeof(FilterObject), filter_dealloc, filter_next), filter_construct);
constinit Type reversed_type = with_construct(
    make_iter_type("reversed", sizeof(ReversedObject), reversed_dealloc, reversed_next, kReversedMethods),
    reversed_construct);

Value seq_iter_new(Value seq) {
  Object* o = alloc_object(&seq_iterator_type, sizeof(SeqIterObject));
  if (o == nullptr) return MOLT_ERROR;
  SeqIterObject* it = reinterpret_cast<SeqIterObject*>(o);
  it->index = 0;
  it->seq = new_ref(seq);
  return from_object(o);
}

Value callable_iter_new(Value callable, Value sentinel) {
  Object* o = alloc_object(&callable_iterator_type, sizeof(CallIterObject));
  if (o == nullptr) return MOLT_ERROR;
  CallIterObject* it = reinterpret_cast<CallIterObject*>(o);
  it->callable = new_ref(callable);
  it->sentinel = new_ref(sentinel);
  return from_object(o);
}

Value enumerate_new(const Value* args, size_t nargs, Value kwnames) {
  size_t nkw = keyword_count(kwnames);
  if (nargs + nkw == 2) {
    if (nkw == 1 && !check_enumerate_keyword(kwnames, 0, "start")) return MOLT_ERROR;
    if (nkw == 2) {
      if (keyword_is(kwnames, 0, "start")) {
        if (!check_enumerate_keyword(kwnames, 1, "iterable")) return MOLT_ERROR;
        return enumerate_make(args[1], args[0]);
      }
      if (!check_enumerate_keyword(kwnames, 0, "iterable") || !check_enumerate_keyword(kwnames, 1, "start")) {
        return MOLT_ERROR;
      }
    }
    return enumerate_make(args[0], args[1]);
  }
  if (nargs + nkw == 1) {
    if (nkw == 1 && !check_enumerate_keyword(kwnames, 0, "iterable")) return MOLT_ERROR;
    return enumerate_make(args[0], MOLT_UNBOUND);
  }
  if (nargs == 0) return raise(ErrorId::MissingRequiredArg, "enumerate", "iterable");
  return raise(ErrorId::TakesAtMostArgs, "enumerate", 2, "s", nargs + nkw);
}

Value zip_new(const Value* args, size_t nargs, Value kwnames) {
  size_t nkw = keyword_count(kwnames);
  bool strict = false;
  if (nkw > 1) return raise(ErrorId::TakesAtMostKeywordArgs, "zip", 1, "", nkw);
  if (nkw == 1) {
    if (!keyword_is(kwnames, 0, "strict")) {
      const char* name = keyword_name(kwnames, 0);
      return raise(ErrorId::InvalidKeywordFor, name ? name : "?", "zip");
    }
    int t = object_truth(args[nargs]);
    if (t < 0) return MOLT_ERROR;
    strict = t != 0;
  }
  Object* o = alloc_object(&zip_type, sizeof(ZipObject) + nargs * sizeof(Value));
  if (o == nullptr) return MOLT_ERROR;
  ZipObject* z = reinterpret_cast<ZipObject*>(o);
  z->count = 0;
  z->strict = strict;
  z->result = MOLT_NONE;
  Ref result(from_object(o));
  z->result = tuple_new(static_cast<int64_t>(nargs));
  if (molt_is_error(z->result)) {
    z->result = MOLT_NONE;
    return MOLT_ERROR;
  }
  for (size_t i = 0; i < nargs; ++i) {
    Value it = object_iter(args[i]);
    if (molt_is_error(it)) return it;
    z->iters[z->count++] = it;
  }
  return result.release();
}

Value map_new(const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_keywords("map", kwnames)) return MOLT_ERROR;
  if (nargs < 2) return raise(ErrorId::MapTooFewArgs);
  Object* o = alloc_object(&map_type, sizeof(MapObject) + (nargs - 1) * sizeof(Value));
  if (o == nullptr) return MOLT_ERROR;
  MapObject* m = reinterpret_cast<MapObject*>(o);
  m->func = new_ref(args[0]);
  m->count = 0;
  Ref result(from_object(o));
  for (size_t i = 1; i < nargs; ++i) {
    Value it = object_iter(args[i]);
    if (molt_is_error(it)) return it;
    m->iters[m->count++] = it;
  }
  return result.release();
}

Value filter_new(const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_keywords("filter", kwnames) || !check_positional("filter", nargs, 2, 2)) return MOLT_ERROR;
  Value it = object_iter(args[1]);
  if (molt_is_error(it)) return it;
  Object* o = alloc_object(&filter_type, sizeof(FilterObject));
  if (o == nullptr) {
    decref(it);
    return MOLT_ERROR;
  }
  FilterObject* f = reinterpret_cast<FilterObject*>(o);
  f->func = new_ref(args[0]);
  f->it = it;
  return from_object(o);
}

Value object_reversed(Value seq) {
  Type* t = type_of(seq);
  if (const MethodDef* m = find_method(t, "__reversed__", 12)) return m->impl(seq, nullptr, 0, MOLT_NONE);
  if (t->as_sequence == nullptr || t->as_sequence->item == nullptr)
    return raise(ErrorId::NotReversible, t->name);
  int64_t n = object_length(seq);
  if (n < 0) return MOLT_ERROR;
  Object* o = alloc_object(&reversed_type, sizeof(ReversedObject));
  if (o == nullptr) return MOLT_ERROR;
  ReversedObject* r = reinterpret_cast<ReversedObject*>(o);
  r->index = n - 1;
  r->seq = new_ref(seq);
  return from_object(o);
}

Value reversed_new(const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_keywords("reversed", kwnames) || !check_positional("reversed", nargs, 1, 1))
    return MOLT_ERROR;
  return object_reversed(args[0]);
}

}  // namespace molt
