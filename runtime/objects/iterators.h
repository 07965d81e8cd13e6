// iterators.h — the generic iterator types of the builtins: the sequence
// iterator ("iterator", for types with only __getitem__), callable_iterator
// (iter(f, sentinel)), and enumerate, zip, map, filter
// and reversed. The container types keep their own iterators beside them
// (tuple.cc, list.cc, dict_views.cc, set.cc, range.cc).
#pragma once

#include "core/object.h"

namespace molt {

extern Type seq_iterator_type;       ///< "iterator"
extern Type callable_iterator_type;  ///< "callable_iterator"
extern Type enumerate_type;
extern Type zip_type;
extern Type map_type;
extern Type filter_type;
extern Type reversed_type;

/// An iterator calling the sequence item slot of `seq` with 0, 1, 2, ...
/// until IndexError (or StopIteration).
Value seq_iter_new(Value seq);
/// iter(callable, sentinel).
Value callable_iter_new(Value callable, Value sentinel);

/// enumerate(iterable, start=0) with vectorcall arguments (the type's
/// construct slot calls this).
Value enumerate_new(const Value* args, size_t nargs, Value kwnames);
/// zip(*iterables, strict=False).
Value zip_new(const Value* args, size_t nargs, Value kwnames);
/// map(function, iterable, *iterables).
Value map_new(const Value* args, size_t nargs, Value kwnames);
/// filter(function_or_None, iterable).
Value filter_new(const Value* args, size_t nargs, Value kwnames);
/// reversed(sequence): the type's __reversed__ when it has one, otherwise
/// an iterator over len-1 .. 0 through the sequence item slot; TypeError
/// "'set' object is not reversible".
Value reversed_new(const Value* args, size_t nargs, Value kwnames);
/// reversed(seq) for one argument.
Value object_reversed(Value seq);

}  // namespace molt
