// str_item.cc — str indexing and slicing (s[i], s[a:b:c]) and the str
// iterators (CPython 3.12 has two: str_ascii_iterator for ASCII strings and
// str_iterator for the rest).
#include "core/errors.h"
#include "exc/exceptions.h"
#include "objects/slice.h"
#include "objects/str_impl.h"
#include "objects/str_methods.h"

namespace molt {

Value str_item(Value s, int64_t i) {
  int64_t len = str_length(s);
  if (i < 0) i += len;
  if (i < 0 || i >= len) return raise(ErrorId::StrIndexOutOfRange);
  return str_char(str_code_point(as_str(s), i));
}

Value str_slice(Value s, int64_t start, int64_t stop, int64_t step) {
  int64_t n = slice_adjust_indices(str_length(s), &start, &stop, step);
  if (n <= 0) return str_empty();
  if (step == 1) return str_substring(s, start, stop);
  StrObject* o = as_str(s);
  const void* d = str_data(o);
  if (n == 1) return str_char(read_unit(d, o->kind, start));
  // Gather into the source kind, then narrow.
  Value r = str_new_raw(n, o->kind, o->ascii);
  if (molt_is_error(r)) return r;
  void* out = str_data(as_str(r));
  for (int64_t k = 0, i = start; k < n; ++k, i += step) write_unit(out, o->kind, k, read_unit(d, o->kind, i));
  return o->ascii ? r : str_narrow(r);
}

Value str_getitem(Value s, Value key) {
  if (is_index_like(key)) {
    int64_t i;
    if (!index_arg(key, IndexOverflow::IndexError, &i)) return MOLT_ERROR;
    return str_item(s, i);
  }
  if (is_slice(key)) {
    int64_t start, stop, step;
    if (!slice_unpack(key, &start, &stop, &step)) return MOLT_ERROR;
    return str_slice(s, start, stop, step);
  }
  return raise(ErrorId::StrIndicesType, type_of(key)->name);
}

// --- iterators ---------------------------------------------------------------------------

namespace {

struct StrIterObject {
  Object ob;
  Value str;  ///< owned; MOLT_NONE once exhausted
  int64_t index;
};

void str_iter_dealloc(Object* o) {
  decref(reinterpret_cast<StrIterObject*>(o)->str);
  free_object(o);
}

Value str_iter_self(Value v) {
  return new_ref(v);
}

Value str_iter_next(Value v) {
  StrIterObject* it = reinterpret_cast<StrIterObject*>(as_object(v));
  if (it->str == MOLT_NONE) return MOLT_UNBOUND;
  StrObject* s = as_str(it->str);
  if (it->index < s->length) {
    uint32_t cp = read_unit(str_data(s), s->kind, it->index++);
    return str_char(cp);
  }
  Value done = it->str;
  it->str = MOLT_NONE;
  decref(done);
  return MOLT_UNBOUND;
}

}  // namespace

Type str_ascii_iterator_type = {
    .ob = {kImmortalRefcount, &type_type},
    .name = "str_ascii_iterator",
    .base = &object_type,
    .flags = 0,
    .basic_size = sizeof(StrIterObject),
    .dealloc = str_iter_dealloc,
    .iter = str_iter_self,
    .iternext = str_iter_next,
};

Type str_iterator_type = {
    .ob = {kImmortalRefcount, &type_type},
    .name = "str_iterator",
    .base = &object_type,
    .flags = 0,
    .basic_size = sizeof(StrIterObject),
    .dealloc = str_iter_dealloc,
    .iter = str_iter_self,
    .iternext = str_iter_next,
};

Value str_iter(Value s) {
  Type* t = as_str(s)->ascii ? &str_ascii_iterator_type : &str_iterator_type;
  Object* o = alloc_object(t, sizeof(StrIterObject));
  if (o == nullptr) return MOLT_ERROR;
  StrIterObject* it = reinterpret_cast<StrIterObject*>(o);
  it->str = new_ref(s);
  it->index = 0;
  return from_object(o);
}

}  // namespace molt
