// dict_impl.h — the table layout of `dict`, shared by dict.cc,
// dict_methods.cc and dict_views.cc (not part of the runtime's API).
//
// A DictKeys block is one allocation: the header, then the index table of
// 2**log2_size slots (each 1, 2, 4 or 8 bytes wide depending on the size:
// int8 up to 128 slots, int16 up to 2**15, int32 below 2**32, else int64),
// then room for usable_fraction(size) = 2*size/3 entries. An index slot is
// kIxEmpty, kIxDummy (its entry was deleted) or the position of an entry.
// Entries are appended in insertion order; a deleted entry keeps its place
// with key == MOLT_UNBOUND until the next resize compacts the array.
//
// Sizes follow CPython 3.12: a new table has 8 slots; when no usable
// entry is left an insertion resizes to the smallest power of two >= 3 *
// used; presized tables (copies, fromkeys, merges) use 3n/2.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "objects/dict.h"

namespace molt {

struct DictEntry {
  int64_t hash;
  Value key;    ///< MOLT_UNBOUND for a deleted entry
  Value value;  ///< MOLT_UNBOUND for a deleted entry
};

struct DictKeys {
  uint8_t log2_size;
  uint8_t log2_index_bytes;  ///< log2 of the index table's size in bytes
  int64_t usable;            ///< entries that can still be appended
  int64_t nentries;          ///< entries used (live or deleted)
  // followed by the index table and the entries
};

constexpr int64_t kIxEmpty = -1;
constexpr int64_t kIxDummy = -2;
constexpr int64_t kIxError = -3;
constexpr uint8_t kDictLog2MinSize = 3;
constexpr int kPerturbShift = 5;

/// The shared table of empty dicts (one slot, no usable entries: the first
/// insertion always resizes). Never written to.
extern DictKeys* const g_empty_dict_keys;

inline int64_t keys_size(const DictKeys* k) {
  return int64_t{1} << k->log2_size;
}
inline char* keys_indices(DictKeys* k) {
  return reinterpret_cast<char*>(k + 1);
}
inline DictEntry* keys_entries(DictKeys* k) {
  return reinterpret_cast<DictEntry*>(keys_indices(k) + (size_t{1} << k->log2_index_bytes));
}
inline int64_t usable_fraction(int64_t size) {
  return (size << 1) / 3;
}

inline int64_t get_index(DictKeys* k, size_t i) {
  switch (k->log2_index_bytes - k->log2_size) {
    case 0: return reinterpret_cast<int8_t*>(keys_indices(k))[i];
    case 1: return reinterpret_cast<int16_t*>(keys_indices(k))[i];
    case 2: return reinterpret_cast<int32_t*>(keys_indices(k))[i];
    default: return reinterpret_cast<int64_t*>(keys_indices(k))[i];
  }
}

inline void set_index(DictKeys* k, size_t i, int64_t ix) {
  switch (k->log2_index_bytes - k->log2_size) {
    case 0: reinterpret_cast<int8_t*>(keys_indices(k))[i] = static_cast<int8_t>(ix); break;
    case 1: reinterpret_cast<int16_t*>(keys_indices(k))[i] = static_cast<int16_t>(ix); break;
    case 2: reinterpret_cast<int32_t*>(keys_indices(k))[i] = static_cast<int32_t>(ix); break;
    default: reinterpret_cast<int64_t*>(keys_indices(k))[i] = ix; break;
  }
}

/// log2 of the smallest table size (at least 8) that is >= minsize.
uint8_t dict_log2_keysize(int64_t minsize);
/// log2 of the table size CPython presizes for n items: dict_log2_keysize(3n/2 rounded up).
inline uint8_t dict_estimate_log2_keysize(int64_t n) {
  return dict_log2_keysize((n * 3 + 1) / 2);
}

/// Finds key: the entry position (>= 0), kIxEmpty when absent, kIxError on
/// error. *slot receives the index slot of the entry when found. Restarts
/// the search if a comparison changed the dict.
int64_t dict_lookup(DictObject* d, Value key, int64_t hash, size_t* slot);
/// The index slot that holds entry position ix (which must exist).
size_t dict_slot_of_entry(DictKeys* k, int64_t hash, int64_t ix);
/// Inserts or replaces key -> value (borrowed). 0 or -1.
int dict_insert(DictObject* d, Value key, int64_t hash, Value value);
/// Appends a new entry for a key known to be absent (borrowed key/value),
/// resizing first when the table is full. 0 or -1.
int dict_insert_new(DictObject* d, Value key, int64_t hash, Value value);
/// Rebuilds the table with 2**log2_size slots, dropping deleted entries. 0 or -1.
int dict_resize(DictObject* d, uint8_t log2_size);
/// Removes the entry at position ix (found at index slot `slot`) and
/// returns its key and value (owned) through the out-parameters.
void dict_unlink(DictObject* d, size_t slot, int64_t ix, Value* key, Value* value);

}  // namespace molt

namespace molt {

/// The builtin methods of dict (dict_methods.cc).
extern const MethodDef kDictMethods[];
/// The dict constructor (dict_methods.cc): dict(), dict(mapping),
/// dict(iterable), dict(**kwargs).
Value dict_construct(Type* type, const Value* args, size_t nargs, Value kwnames);
/// iter(d): a dict_keyiterator (dict_views.cc).
Value dict_iter(Value d);
/// reversed(d): a dict_reversekeyiterator (dict_views.cc).
Value dict_reversed(Value d);

}  // namespace molt
