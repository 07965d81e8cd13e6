// list.cc — the `list` type: storage management, the sequence and mapping
// protocols (indexing, slicing, slice assignment and deletion), operators,
// comparison, repr, construction, and the list iterators. The methods are
// in list_methods.cc and sorting in list_sort.cc.
#include "objects/list.h"

#include <stdlib.h>
#include <string.h>

#include "core/abstract.h"
#include "core/errors.h"
#include "core/iter.h"
#include "exc/exceptions.h"
#include "objects/container_util.h"
#include "objects/int.h"
#include "objects/list_impl.h"
#include "objects/none.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace molt {

// --- storage ------------------------------------------------------------------------

int list_resize(ListObject* l, int64_t new_size) {
  int64_t allocated = l->allocated;
  // Keep the array when it is big enough and not more than twice too big.
  if (allocated >= new_size && new_size >= (allocated >> 1)) {
    l->size = new_size;
    return 0;
  }
  // CPython's growth pattern: 0, 4, 8, 16, 24, 32, 40, 52, 64, 76, ...
  uint64_t new_allocated =
      (static_cast<uint64_t>(new_size) + (static_cast<uint64_t>(new_size) >> 3) + 6) & ~3ull;
  if (new_size - l->size > static_cast<int64_t>(new_allocated) - new_size) {
    new_allocated = (static_cast<uint64_t>(new_size) + 3) & ~3ull;
  }
  if (new_size == 0) new_allocated = 0;
  if (new_allocated > static_cast<uint64_t>(INT64_MAX) / sizeof(Value)) {
    raise_no_memory();
    return -1;
  }
  Value* items = nullptr;
  if (new_allocated > 0) {
    items = static_cast<Value*>(realloc(l->items, new_allocated * sizeof(Value)));
    if (items == nullptr && new_size <= allocated) {
      l->size = new_size;  // shrinking: keep the larger array
      return 0;
    }
    if (items == nullptr) {
      raise_no_memory();
      return -1;
    }
  } else {
    free(l->items);
  }
  l->items = items;
  l->size = new_size;
  l->allocated = static_cast<int64_t>(new_allocated);
  return 0;
}

namespace {

ListObject* alloc_list(int64_t capacity) {
  Object* o = alloc_object(&list_type, sizeof(ListObject));
  if (o == nullptr) return nullptr;
  ListObject* l = reinterpret_cast<ListObject*>(o);
  l->size = 0;
  l->allocated = 0;
  l->items = nullptr;
  if (capacity > 0) {
    l->items = static_cast<Value*>(malloc(static_cast<size_t>(capacity) * sizeof(Value)));
    if (l->items == nullptr) {
      free_object(o);
      raise_no_memory();
      return nullptr;
    }
    l->allocated = capacity;
  }
  return l;
}

void list_dealloc(Object* o) {
  ListObject* l = reinterpret_cast<ListObject*>(o);
  for (int64_t i = l->size; i-- > 0;) decref(l->items[i]);
  free(l->items);
  free_object(o);
}

}  // namespace

Value list_new(int64_t capacity) {
  ListObject* l = alloc_list(capacity);
  return l == nullptr ? MOLT_ERROR : from_object(&l->ob);
}

Value list_from_array(const Value* items, int64_t n) {
  ListObject* l = alloc_list(n);
  if (l == nullptr) return MOLT_ERROR;
  for (int64_t i = 0; i < n; ++i) l->items[i] = new_ref(items[i]);
  l->size = n;
  return from_object(&l->ob);
}

Value list_adopt(Value* items, int64_t n, int64_t capacity) {
  ListObject* l = alloc_list(0);
  if (l == nullptr) {
    for (int64_t i = 0; i < n; ++i) decref(items[i]);
    free(items);
    return MOLT_ERROR;
  }
  l->items = items;
  l->size = n;
  l->allocated = capacity;
  return from_object(&l->ob);
}

Value list_from_iterable(Value iterable) {
  Value l = list_new(0);
  if (molt_is_error(l)) return l;
  if (list_extend(l, iterable) < 0) {
    decref(l);
    return MOLT_ERROR;
  }
  return l;
}

Value list_as_tuple(Value list) {
  return tuple_from_array(as_list(list)->items, list_size(list));
}

bool is_list(Value v) {
  return molt_is_ptr(v) && is_subtype(as_object(v)->type, &list_type);
}

void list_clear(Value list) {
  ListObject* l = as_list(list);
  Value* items = l->items;
  if (items == nullptr) return;  // empty, or being sorted
  int64_t n = l->size;
  // Detach first: releasing items can run code that looks at the list.
  l->items = nullptr;
  l->size = 0;
  l->allocated = 0;
  for (int64_t i = n; i-- > 0;) decref(items[i]);
  free(items);
}

int list_append(Value list, Value item) {
  ListObject* l = as_list(list);
  int64_t n = l->size;
  if (n < l->allocated) {
    l->items[n] = new_ref(item);
    l->size = n + 1;
    return 0;
  }
  if (list_resize(l, n + 1) < 0) return -1;
  l->items[n] = new_ref(item);
  return 0;
}

int list_insert(Value list, int64_t where, Value item) {
  ListObject* l = as_list(list);
  int64_t n = l->size;
  if (where < 0) {
    where += n;
    if (where < 0) where = 0;
  }
  if (where > n) where = n;
  if (list_resize(l, n + 1) < 0) return -1;
  memmove(l->items + where + 1, l->items + where, static_cast<size_t>(n - where) * sizeof(Value));
  l->items[where] = new_ref(item);
  return 0;
}

int list_extend(Value list, Value iterable) {
  ListObject* l = as_list(list);
  if (is_list_exact(iterable) || is_tuple_exact(iterable) || iterable == list) {
    int64_t n = is_tuple_exact(iterable) ? tuple_size(iterable) : list_size(iterable);
    if (n == 0) return 0;
    int64_t m = l->size;
    if (list_resize(l, m + n) < 0) return -1;
    // Read the source after resizing: for a.extend(a) it is the same array.
    const Value* src = is_tuple_exact(iterable) ? as_tuple(iterable)->items : as_list(iterable)->items;
    for (int64_t i = 0; i < n; ++i) l->items[m + i] = new_ref(src[i]);
    return 0;
  }
  Value it = object_iter(iterable);
  if (molt_is_error(it)) return -1;
  int result = 0;
  for (;;) {
    Value x = iter_next(it);
    if (x == MOLT_UNBOUND) break;
    if (molt_is_error(x)) {
      result = -1;
      break;
    }
    if (l->size < l->allocated) {
      l->items[l->size++] = x;
    } else {
      int64_t n = l->size;
      if (list_resize(l, n + 1) < 0) {
        decref(x);
        result = -1;
        break;
      }
      l->items[n] = x;
    }
  }
  decref(it);
  return result;
}

Value list_get_slice(Value list, int64_t lo, int64_t hi) {
  ListObject* l = as_list(list);
  if (lo < 0) lo = 0;
  if (hi > l->size) hi = l->size;
  if (hi < lo) hi = lo;
  return list_from_array(l->items + lo, hi - lo);
}

int list_set_slice(Value list, int64_t lo, int64_t hi, Value v) {
  ListObject* l = as_list(list);
  ValueBuffer repl;
  if (v != MOLT_UNBOUND) {
    // a[i:j] = a copies a first; anything else is materialised before the
    // list is touched (iterating can run arbitrary code).
    if (!collect_iterable(v, repl, v == list ? nullptr : "can only assign an iterable")) return -1;
  }
  int64_t n = repl.size();
  int64_t size = l->size;
  if (lo < 0) {
    lo = 0;
  } else if (lo > size) {
    lo = size;
  }
  if (hi < lo) {
    hi = lo;
  } else if (hi > size) {
    hi = size;
  }
  int64_t norig = hi - lo;
  int64_t d = n - norig;
  if (size + d == 0) {
    list_clear(list);
    return 0;
  }
  // The removed items are released only after the list is consistent again.
  Value* recycle = nullptr;
  if (norig > 0) {
    recycle = static_cast<Value*>(malloc(static_cast<size_t>(norig) * sizeof(Value)));
    if (recycle == nullptr) {
      raise_no_memory();
      return -1;
    }
    memcpy(recycle, l->items + lo, static_cast<size_t>(norig) * sizeof(Value));
  }
  if (d < 0) {
    memmove(l->items + hi + d, l->items + hi, static_cast<size_t>(size - hi) * sizeof(Value));
    list_resize(l, size + d);  // shrinking keeps the data even if realloc fails
  } else if (d > 0) {
    if (list_resize(l, size + d) < 0) {
      free(recycle);
      return -1;
    }
    memmove(l->items + hi + d, l->items + hi, static_cast<size_t>(size - hi) * sizeof(Value));
  }
  int64_t cap = 0;
  Value* taken = repl.take(&cap);
  for (int64_t k = 0; k < n; ++k) l->items[lo + k] = taken[k];
  free(taken);
  for (int64_t k = norig; k-- > 0;) decref(recycle[k]);
  free(recycle);
  return 0;
}

void list_reverse(Value list) {
  ListObject* l = as_list(list);
  if (l->size < 2) return;
  Value* lo = l->items;
  Value* hi = l->items + l->size - 1;
  while (lo < hi) {
    Value t = *lo;
    *lo++ = *hi;
    *hi-- = t;
  }
}

// --- protocols --------------------------------------------------------------------------

namespace {

Value list_repr(Value v) {
  ListObject* l = as_list(v);
  if (l->size == 0) return str_from_ascii("[]", 2);
  int guard = repr_enter(v);
  if (guard < 0) return MOLT_ERROR;
  if (guard > 0) return str_from_ascii("[...]", 5);
  StrBuilder b;
  bool ok = b.append_char('[');
  // The size is re-read each time: an item's repr may change the list.
  for (int64_t i = 0; ok && i < l->size; ++i) {
    if (i > 0) ok = b.append(", ", 2);
    Ref item = Ref::borrow(l->items[i]);
    ok = ok && append_repr(b, item.get());
  }
  ok = ok && b.append_char(']');
  repr_leave(v);
  return ok ? b.finish() : MOLT_ERROR;
}

Value list_richcompare(Value a, Value b, CompareOp op) {
  if (!is_list(a) || !is_list(b)) return not_implemented();
  ListObject* x = as_list(a);
  ListObject* y = as_list(b);
  if (x->size != y->size && (op == CompareOp::Eq || op == CompareOp::Ne))
    return molt_from_bool(op == CompareOp::Ne);
  int64_t i = 0;
  for (; i < x->size && i < y->size; ++i) {
    Value xi = x->items[i], yi = y->items[i];
    if (xi == yi) continue;
    Ref keep_x = Ref::borrow(xi), keep_y = Ref::borrow(yi);
    int eq = items_equal(xi, yi);
    if (eq < 0) return MOLT_ERROR;
    if (eq == 0) break;
  }
  if (i >= x->size || i >= y->size) {
    // No differing item: the lengths decide (read again: comparisons may
    // have changed them).
    return compare_sizes(x->size, y->size, op);
  }
  if (op == CompareOp::Eq) return MOLT_FALSE;
  if (op == CompareOp::Ne) return MOLT_TRUE;
  Ref keep_x = Ref::borrow(x->items[i]), keep_y = Ref::borrow(y->items[i]);
  return rich_compare(keep_x.get(), keep_y.get(), op);
}

int64_t list_len(Value v) {
  return as_list(v)->size;
}

int list_contains(Value v, Value x) {
  ListObject* l = as_list(v);
  for (int64_t i = 0; i < l->size; ++i) {
    Ref item = Ref::borrow(l->items[i]);
    int eq = items_equal(item.get(), x);
    if (eq != 0) return eq;
  }
  return 0;
}

Value list_item(Value v, int64_t i) {
  ListObject* l = as_list(v);
  if (static_cast<uint64_t>(i) >= static_cast<uint64_t>(l->size))
    return raise(ErrorId::SeqIndexOutOfRange, "list");
  return new_ref(l->items[i]);
}

Value list_concat(Value a, Value b) {
  if (!is_list(b)) return raise(ErrorId::ConcatOnly, "list", type_name(b), "list");
  ListObject* x = as_list(a);
  ListObject* y = as_list(b);
  ListObject* r = alloc_list(x->size + y->size);
  if (r == nullptr) return MOLT_ERROR;
  for (int64_t i = 0; i < x->size; ++i) r->items[i] = new_ref(x->items[i]);
  for (int64_t i = 0; i < y->size; ++i) r->items[x->size + i] = new_ref(y->items[i]);
  r->size = x->size + y->size;
  return from_object(&r->ob);
}

Value list_repeat(Value v, int64_t n) {
  ListObject* l = as_list(v);
  if (n <= 0 || l->size == 0) return list_new(0);
  if (l->size > INT64_MAX / 16 / n) return raise_no_memory();
  int64_t total = l->size * n;
  ListObject* r = alloc_list(total);
  if (r == nullptr) return MOLT_ERROR;
  Value* dst = r->items;
  for (int64_t k = 0; k < n; ++k) {
    for (int64_t i = 0; i < l->size; ++i) *dst++ = new_ref(l->items[i]);
  }
  r->size = total;
  return from_object(&r->ob);
}

Value list_inplace_concat(Value a, Value b) {
  if (list_extend(a, b) < 0) return MOLT_ERROR;
  return new_ref(a);
}

Value list_inplace_repeat(Value v, int64_t n) {
  ListObject* l = as_list(v);
  if (n <= 0 || l->size == 0) {
    list_clear(v);
    return new_ref(v);
  }
  if (n == 1) return new_ref(v);
  if (l->size > INT64_MAX / 16 / n) return raise_no_memory();
  int64_t size = l->size;
  if (list_resize(l, size * n) < 0) return MOLT_ERROR;
  for (int64_t k = 1; k < n; ++k) {
    for (int64_t i = 0; i < size; ++i) l->items[k * size + i] = new_ref(l->items[i]);
  }
  return new_ref(v);
}

}  // namespace

Value list_subscript(Value v, Value key) {
  ListObject* l = as_list(v);
  if (molt_is_small_int(key)) {
    int64_t i = molt_as_small_int(key);
    if (i < 0) i += l->size;
    if (static_cast<uint64_t>(i) >= static_cast<uint64_t>(l->size))
      return raise(ErrorId::SeqIndexOutOfRange, "list");
    return new_ref(l->items[i]);
  }
  if (has_index(key)) {
    int64_t i = 0;
    if (!number_as_ssize(key, &exc::IndexError, &i)) return MOLT_ERROR;
    if (i < 0) i += l->size;
    return list_item(v, i);
  }
  if (is_slice(key)) {
    int64_t start, stop, step;
    if (!slice_unpack(key, &start, &stop, &step)) return MOLT_ERROR;
    int64_t n = slice_adjust_indices(l->size, &start, &stop, step);
    if (n <= 0) return list_new(0);
    if (step == 1) return list_from_array(l->items + start, n);
    ListObject* r = alloc_list(n);
    if (r == nullptr) return MOLT_ERROR;
    for (int64_t i = 0, cur = start; i < n; ++i, cur += step) r->items[i] = new_ref(l->items[cur]);
    r->size = n;
    return from_object(&r->ob);
  }
  return raise(ErrorId::IndicesMustBeIntegers, "list", type_name(key));
}

namespace {

int list_ass_item(Value v, int64_t i, Value value) {
  ListObject* l = as_list(v);
  if (i < 0) i += l->size;
  if (static_cast<uint64_t>(i) >= static_cast<uint64_t>(l->size)) {
    raise(ErrorId::ListAssignIndexOutOfRange);
    return -1;
  }
  if (value == MOLT_UNBOUND) return list_set_slice(v, i, i + 1, MOLT_UNBOUND);
  Value old = l->items[i];
  l->items[i] = new_ref(value);
  decref(old);
  return 0;
}

/// del a[start:stop:step] for step != 1 (normalised here to step > 0).
int list_delete_extended(ListObject* l, int64_t start, int64_t step, int64_t count) {
  if (count <= 0) return 0;
  if (step < 0) {
    int64_t stop = start + 1;
    start = stop + step * (count - 1) - 1;
    step = -step;
  }
  Value* garbage = static_cast<Value*>(malloc(static_cast<size_t>(count) * sizeof(Value)));
  if (garbage == nullptr) {
    raise_no_memory();
    return -1;
  }
  int64_t size = l->size;
  int64_t write = start;
  int64_t next_removed = start;
  int64_t removed = 0;
  for (int64_t read = start; read < size; ++read) {
    if (removed < count && read == next_removed) {
      garbage[removed++] = l->items[read];
      next_removed += step;
    } else {
      l->items[write++] = l->items[read];
    }
  }
  list_resize(l, size - count);
  for (int64_t i = 0; i < count; ++i) decref(garbage[i]);
  free(garbage);
  return 0;
}

int list_ass_subscript(Value v, Value key, Value value) {
  ListObject* l = as_list(v);
  if (molt_is_small_int(key)) return list_ass_item(v, molt_as_small_int(key), value);
  if (has_index(key)) {
    int64_t i = 0;
    if (!number_as_ssize(key, &exc::IndexError, &i)) return -1;
    return list_ass_item(v, i, value);
  }
  if (!is_slice(key)) {
    raise(ErrorId::IndicesMustBeIntegers, "list", type_name(key));
    return -1;
  }
  int64_t start, stop, step;
  if (!slice_unpack(key, &start, &stop, &step)) return -1;
  if (step == 1) {
    slice_adjust_indices(l->size, &start, &stop, step);
    return list_set_slice(v, start, stop, value);
  }
  if (value == MOLT_UNBOUND) {
    int64_t count = slice_adjust_indices(l->size, &start, &stop, step);
    return list_delete_extended(l, start, step, count);
  }
  ValueBuffer seq;
  if (!collect_iterable(value, seq, value == v ? nullptr : "must assign iterable to extended slice"))
    return -1;
  // Indices are computed after materialising `value`, whose iteration may
  // have changed the list.
  int64_t count = slice_adjust_indices(l->size, &start, &stop, step);
  if (seq.size() != count) {
    raise(ErrorId::ExtendedSliceSize, static_cast<long long>(seq.size()), static_cast<long long>(count));
    return -1;
  }
  if (count == 0) return 0;
  Value* garbage = static_cast<Value*>(malloc(static_cast<size_t>(count) * sizeof(Value)));
  if (garbage == nullptr) {
    raise_no_memory();
    return -1;
  }
  int64_t cap = 0;
  Value* items = seq.take(&cap);
  for (int64_t i = 0, cur = start; i < count; ++i, cur += step) {
    garbage[i] = l->items[cur];
    l->items[cur] = items[i];
  }
  free(items);
  for (int64_t i = 0; i < count; ++i) decref(garbage[i]);
  free(garbage);
  return 0;
}

Value list_construct(Type* type, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_keywords("list", kwnames) || !check_positional("list", nargs, 0, 1)) return MOLT_ERROR;
  if (nargs == 0) return list_new(0);
  return list_from_iterable(args[0]);
}

const SequenceMethods kListSequence = {
    .length = list_len,
    .concat = list_concat,
    .repeat = list_repeat,
    .item = list_item,
    .contains = list_contains,
    .inplace_concat = list_inplace_concat,
    .inplace_repeat = list_inplace_repeat,
};

const MappingMethods kListMapping = {
    .length = list_len,
    .subscript = list_subscript,
    .ass_subscript = list_ass_subscript,
};

// --- iterators ------------------------------------------------------------------------

struct ListIterObject {
  Object ob;
  int64_t index;
  Value seq;  ///< the list, or MOLT_NONE once exhausted
};

void list_iter_dealloc(Object* o) {
  decref(reinterpret_cast<ListIterObject*>(o)->seq);
  free_object(o);
}

Value list_iter_next(Value v) {
  ListIterObject* it = reinterpret_cast<ListIterObject*>(as_object(v));
  if (it->seq == MOLT_NONE) return MOLT_UNBOUND;
  ListObject* l = as_list(it->seq);
  if (it->index < l->size) return new_ref(l->items[it->index++]);
  Value seq = it->seq;
  it->seq = MOLT_NONE;
  decref(seq);
  return MOLT_UNBOUND;
}

Value list_reviter_next(Value v) {
  ListIterObject* it = reinterpret_cast<ListIterObject*>(as_object(v));
  if (it->seq == MOLT_NONE) return MOLT_UNBOUND;
  ListObject* l = as_list(it->seq);
  if (it->index >= 0 && it->index < l->size) return new_ref(l->items[it->index--]);
  it->index = -1;
  Value seq = it->seq;
  it->seq = MOLT_NONE;
  decref(seq);
  return MOLT_UNBOUND;
}

Value list_iter_length_hint(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_args("list_iterator.__length_hint__", nargs, kwnames)) return MOLT_ERROR;
  ListIterObject* it = reinterpret_cast<ListIterObject*>(as_object(self));
  int64_t n = it->seq == MOLT_NONE ? 0 : list_size(it->seq) - it->index;
  return int_from_i64(n < 0 ? 0 : n);
}

Value list_reviter_length_hint(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_args("list_reverseiterator.__length_hint__", nargs, kwnames)) return MOLT_ERROR;
  ListIterObject* it = reinterpret_cast<ListIterObject*>(as_object(self));
  int64_t n = it->seq == MOLT_NONE || it->index >= list_size(it->seq) ? 0 : it->index + 1;
  return int_from_i64(n);
}

const MethodDef kListIterMethods[] = {
    {"__length_hint__", list_iter_length_hint, kMethodPlain},
    {nullptr, nullptr, 0},
};
const MethodDef kListRevIterMethods[] = {
    {"__length_hint__", list_reviter_length_hint, kMethodPlain},
    {nullptr, nullptr, 0},
};

Value new_list_iter(Type* type, Value list, int64_t index) {
  Object* o = alloc_object(type, sizeof(ListIterObject));
  if (o == nullptr) return MOLT_ERROR;
  ListIterObject* it = reinterpret_cast<ListIterObject*>(o);
  it->index = index;
  it->seq = new_ref(list);
  return from_object(o);
}

Value list_iter(Value v) {
  return new_list_iter(&list_iterator_type, v, 0);
}

}  // namespace

Value list_reversed(Value list) {
  return new_list_iter(&list_reverseiterator_type, list, list_size(list) - 1);
}

namespace {

// Cycle collector hooks (core/gc.h).
void list_gc_traverse(Object* o, VisitFn visit, void* arg) {
  ListObject* l = reinterpret_cast<ListObject*>(o);
  for (int64_t i = 0; i < l->size; ++i) visit(l->items[i], arg);
}

void list_gc_clear(Object* o) {
  list_clear(from_object(o));
}

}  // namespace

Type list_type = {
    .ob = {kImmortalRefcount, &type_type},
    .name = "list",
    .base = &object_type,
    .flags = kTypeAcceptsSubclasses | kTypeIsGc,
    .basic_size = sizeof(ListObject),
    .dealloc = list_dealloc,
    .repr = list_repr,
    .str = nullptr,
    .hash = nullptr,
    .richcompare = list_richcompare,
    .as_number = nullptr,
    .as_sequence = &kListSequence,
    .as_mapping = &kListMapping,
    .call = nullptr,
    .iter = list_iter,
    .iternext = nullptr,
    .construct = list_construct,
    .methods = kListMethods,
    .traverse = list_gc_traverse,
    .clear = list_gc_clear,
};

Type list_iterator_type = {
    .ob = {kImmortalRefcount, &type_type},
    .name = "list_iterator",
    .base = &object_type,
    .flags = 0,
    .basic_size = sizeof(ListIterObject),
    .dealloc = list_iter_dealloc,
    .repr = nullptr,
    .str = nullptr,
    .hash = nullptr,
    .richcompare = nullptr,
    .as_number = nullptr,
    .as_sequence = nullptr,
    .as_mapping = nullptr,
    .call = nullptr,
    .iter = iter_self,
    .iternext = list_iter_next,
    .construct = nullptr,
    .methods = kListIterMethods,
};

Type list_reverseiterator_type = {
    .ob = {kImmortalRefcount, &type_type},
    .name = "list_reverseiterator",
    .base = &object_type,
    .flags = 0,
    .basic_size = sizeof(ListIterObject),
    .dealloc = list_iter_dealloc,
    .repr = nullptr,
    .str = nullptr,
    .hash = nullptr,
    .richcompare = nullptr,
    .as_number = nullptr,
    .as_sequence = nullptr,
    .as_mapping = nullptr,
    .call = nullptr,
    .iter = iter_self,
    .iternext = list_reviter_next,
    .construct = nullptr,
    .methods = kListRevIterMethods,
};

}  // namespace molt
