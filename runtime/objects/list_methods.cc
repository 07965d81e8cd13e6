// list_methods.cc — the builtin methods of `list` (append, extend, insert,
// remove, pop, clear, index, count, sort, reverse, copy and the dunder
// methods programs call directly), with CPython 3.12's argument checking.
#include <stdint.h>

#include "core/abstract.h"
#include "core/args.h"
#include "core/errors.h"
#include "objects/container_util.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/list_impl.h"
#include "objects/none.h"
#include "objects/slice.h"

namespace molt {

namespace {

Value none_or_error(int status) {
  return status < 0 ? MOLT_ERROR : MOLT_NONE;
}

Value m_append(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_one_arg("list.append", nargs, kwnames)) return MOLT_ERROR;
  return none_or_error(list_append(self, args[0]));
}

Value m_extend(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_one_arg("list.extend", nargs, kwnames)) return MOLT_ERROR;
  return none_or_error(list_extend(self, args[0]));
}

Value m_insert(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_keywords("insert", kwnames) || !check_positional("insert", nargs, 2, 2)) return MOLT_ERROR;
  int64_t index = 0;
  if (!ssize_arg(args[0], &index)) return MOLT_ERROR;
  return none_or_error(list_insert(self, index, args[1]));
}

Value m_remove(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_one_arg("list.remove", nargs, kwnames)) return MOLT_ERROR;
  ListObject* l = as_list(self);
  for (int64_t i = 0; i < l->size; ++i) {
    Ref item = Ref::borrow(l->items[i]);
    int eq = items_equal(item.get(), args[0]);
    if (eq < 0) return MOLT_ERROR;
    if (eq > 0) return none_or_error(list_set_slice(self, i, i + 1, MOLT_UNBOUND));
  }
  return raise(ErrorId::ListRemoveMissing);
}

Value m_pop(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_keywords("pop", kwnames) || !check_positional("pop", nargs, 0, 1)) return MOLT_ERROR;
  int64_t index = -1;
  if (nargs == 1 && !ssize_arg(args[0], &index)) return MOLT_ERROR;
  ListObject* l = as_list(self);
  if (l->size == 0) return raise(ErrorId::PopEmptyList);
  if (index < 0) index += l->size;
  if (index < 0 || index >= l->size) return raise(ErrorId::PopIndexOutOfRange);
  Value v = l->items[index];
  if (index == l->size - 1) {
    list_resize(l, l->size - 1);  // shrinking keeps the data
    return v;
  }
  incref(v);
  if (list_set_slice(self, index, index + 1, MOLT_UNBOUND) < 0) {
    decref(v);
    return MOLT_ERROR;
  }
  return v;
}

Value m_clear(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_args("list.clear", nargs, kwnames)) return MOLT_ERROR;
  list_clear(self);
  return MOLT_NONE;
}

Value m_copy(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_args("list.copy", nargs, kwnames)) return MOLT_ERROR;
  return list_from_array(as_list(self)->items, list_size(self));
}

Value m_reverse(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_args("list.reverse", nargs, kwnames)) return MOLT_ERROR;
  list_reverse(self);
  return MOLT_NONE;
}

/// list.index(value, start=0, stop=sys.maxsize).
Value m_index(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_keywords("index", kwnames) || !check_positional("index", nargs, 1, 3)) return MOLT_ERROR;
  int64_t start = 0, stop = INT64_MAX;
  if (nargs >= 2 && !slice_index_not_none(args[1], &start)) return MOLT_ERROR;
  if (nargs >= 3 && !slice_index_not_none(args[2], &stop)) return MOLT_ERROR;
  ListObject* l = as_list(self);
  if (start < 0) {
    start += l->size;
    if (start < 0) start = 0;
  }
  if (stop < 0) {
    stop += l->size;
    if (stop < 0) stop = 0;
  }
  for (int64_t i = start; i < stop && i < l->size; ++i) {
    Ref item = Ref::borrow(l->items[i]);
    int eq = items_equal(item.get(), args[0]);
    if (eq < 0) return MOLT_ERROR;
    if (eq > 0) return int_from_i64(i);
  }
  Ref r(object_repr(args[0]));
  if (r.is_error()) return MOLT_ERROR;
  size_t n = 0;
  const char* text = str_utf8(r.get(), &n);
  if (text == nullptr) return MOLT_ERROR;
  return raise(ErrorId::ValueNotInList, text);
}

Value m_count(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_one_arg("list.count", nargs, kwnames)) return MOLT_ERROR;
  ListObject* l = as_list(self);
  int64_t count = 0;
  for (int64_t i = 0; i < l->size; ++i) {
    Value item = l->items[i];
    if (item == args[0]) {
      ++count;
      continue;
    }
    Ref keep = Ref::borrow(item);
    int eq = items_equal(item, args[0]);
    if (eq < 0) return MOLT_ERROR;
    count += eq;
  }
  return int_from_i64(count);
}

/// list.sort(*, key=None, reverse=False).
Value m_sort(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (nargs > 0) return raise(ErrorId::SortNoPositional);
  Value key = MOLT_NONE, reverse = MOLT_FALSE;
  size_t nkw = keyword_count(kwnames);
  for (size_t k = 0; k < nkw; ++k) {
    if (keyword_is(kwnames, k, "key")) {
      key = args[k];
    } else if (keyword_is(kwnames, k, "reverse")) {
      reverse = args[k];
    } else {
      const char* name = keyword_name(kwnames, k);
      return raise(ErrorId::InvalidKeywordFor, name ? name : "?", "sort");
    }
  }
  int rev = object_truth(reverse);
  if (rev < 0) return MOLT_ERROR;
  return none_or_error(list_sort(self, key, rev != 0));
}

Value m_reversed(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_args("list.__reversed__", nargs, kwnames)) return MOLT_ERROR;
  return list_reversed(self);
}

Value m_len(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_args("list.__len__", nargs, kwnames)) return MOLT_ERROR;
  return int_from_i64(list_size(self));
}

Value m_getitem(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_one_arg("list.__getitem__", nargs, kwnames)) return MOLT_ERROR;
  return list_subscript(self, args[0]);
}

Value m_contains(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_one_arg("list.__contains__", nargs, kwnames)) return MOLT_ERROR;
  int r = type_of(self)->as_sequence->contains(self, args[0]);
  return r < 0 ? MOLT_ERROR : molt_from_bool(r);
}

}  // namespace

Value builtin_sorted(const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("sorted", nargs, 1, 1)) return MOLT_ERROR;
  Ref l(list_from_iterable(args[0]));
  if (l.is_error()) return MOLT_ERROR;
  Value r = m_sort(l.get(), args + 1, 0, kwnames);
  if (molt_is_error(r)) return r;
  return l.release();
}

BuiltinFunctionObject g_builtin_sorted = {
    {kImmortalRefcount, &builtin_function_type}, "sorted", builtin_sorted};

const MethodDef kListMethods[] = {
    {"append", m_append, kMethodPlain},
    {"extend", m_extend, kMethodPlain},
    {"insert", m_insert, kMethodPlain},
    {"remove", m_remove, kMethodPlain},
    {"pop", m_pop, kMethodPlain},
    {"clear", m_clear, kMethodPlain},
    {"copy", m_copy, kMethodPlain},
    {"reverse", m_reverse, kMethodPlain},
    {"index", m_index, kMethodPlain},
    {"count", m_count, kMethodPlain},
    {"sort", m_sort, kMethodPlain},
    {"__reversed__", m_reversed, kMethodPlain},
    {"__len__", m_len, kMethodPlain},
    {"__getitem__", m_getitem, kMethodPlain},
    {"__contains__", m_contains, kMethodPlain},
    {nullptr, nullptr, 0},
};

}  // namespace molt
