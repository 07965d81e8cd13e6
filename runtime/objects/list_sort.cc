// list_sort.cc — list.sort: Timsort as described in CPython's
// Objects/listsort.txt (natural runs, binary insertion up to a minimum run
// length, the powersort merge policy, and merging with adaptive galloping).
//
// Fidelity matters beyond the final order: when a comparison raises or has
// side effects, the state of the list and the sequence of comparisons are
// observable. This implementation performs exactly the comparisons
// CPython 3.12 performs, in the same order, and on failure leaves the same
// permutation in the list.
//
// Comparisons go through a `Less` functor returning 1 (a < b), 0, or -1 on
// error; specialised functors for all-int, all-float and all-str keys
// avoid the generic rich comparison (they never fail). Keys move together
// with their values when a key function is used (kValues).
#include <stdlib.h>
#include <string.h>

#include "core/abstract.h"
#include "core/errors.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/none.h"
#include "objects/str.h"

namespace molt {

namespace {

constexpr int64_t kMinGallop = 7;
constexpr int kMaxMergePending = 85;

/// A position in the keys array together with the matching position in the
/// values array (used only when kValues).
struct Slice {
  Value* keys;
  Value* values;
};

struct Run {
  Slice base;
  int64_t len;
  int power;
};

// --- comparators ------------------------------------------------------------------------

struct GenericLess {
  int operator()(Value a, Value b) const { return rich_compare_bool(a, b, CompareOp::Lt); }
};
struct SmallIntLess {
  int operator()(Value a, Value b) const { return molt_as_small_int(a) < molt_as_small_int(b); }
};
struct IntLess {
  int operator()(Value a, Value b) const {
    if (molt_is_small_int(a) && molt_is_small_int(b)) return molt_as_small_int(a) < molt_as_small_int(b);
    return int_compare(a, b) < 0;
  }
};
struct FloatLess {
  int operator()(Value a, Value b) const { return molt_as_double(a) < molt_as_double(b); }
};
struct StrLess {
  int operator()(Value a, Value b) const {
    StrObject* x = as_str(a);
    StrObject* y = as_str(b);
    if (x->kind != 1 || y->kind != 1) return str_compare(a, b) < 0;
    // One-byte strings: compare 8 bytes at a time as big-endian words.
    const unsigned char* p = static_cast<const unsigned char*>(str_data(x));
    const unsigned char* q = static_cast<const unsigned char*>(str_data(y));
    int64_t n = x->length < y->length ? x->length : y->length;
    int64_t i = 0;
    for (; i + 8 <= n; i += 8) {
      uint64_t u, v;
      memcpy(&u, p + i, 8);
      memcpy(&v, q + i, 8);
      if (u != v) return __builtin_bswap64(u) < __builtin_bswap64(v);
    }
    for (; i < n; ++i) {
      if (p[i] != q[i]) return p[i] < q[i];
    }
    return x->length < y->length;
  }
};

template <class Less, bool kValues>
class TimSort {
 public:
  TimSort(Slice base, int64_t n) : base_keys_(base.keys), list_len_(n) {}
  ~TimSort() { free(temp_.keys); }

  /// Sorts `n` keys (and values) starting at lo. 0, or -1 with an
  /// exception set.
  int sort(Slice lo, int64_t n) {
    int64_t remaining = n;
    int64_t min_run = compute_min_run(n);
    do {
      bool descending = false;
      int64_t run = count_run(lo.keys, lo.keys + remaining, &descending);
      if (run < 0) return -1;
      if (descending) reverse(lo, run);
      if (run < min_run) {
        int64_t force = remaining <= min_run ? remaining : min_run;
        if (binary_sort(lo, lo.keys + force, lo.keys + run) < 0) return -1;
        run = force;
      }
      if (found_new_run(run) < 0) return -1;
      pending_[npending_].base = lo;
      pending_[npending_].len = run;
      ++npending_;
      advance(lo, run);
      remaining -= run;
    } while (remaining > 0);
    return force_collapse();
  }

 private:
  // --- slice helpers ---
  static void advance(Slice& s, int64_t n) {
    s.keys += n;
    if (kValues) s.values += n;
  }
  static void copy_incr(Slice& dst, Slice& src) {
    *dst.keys++ = *src.keys++;
    if (kValues) *dst.values++ = *src.values++;
  }
  static void copy_decr(Slice& dst, Slice& src) {
    *dst.keys-- = *src.keys--;
    if (kValues) *dst.values-- = *src.values--;
  }
  static void copy_one(Slice& dst, int64_t i, const Slice& src, int64_t j) {
    dst.keys[i] = src.keys[j];
    if (kValues) dst.values[i] = src.values[j];
  }
  static void move_block(Slice& dst, int64_t i, const Slice& src, int64_t j, int64_t n) {
    memmove(dst.keys + i, src.keys + j, static_cast<size_t>(n) * sizeof(Value));
    if (kValues) memmove(dst.values + i, src.values + j, static_cast<size_t>(n) * sizeof(Value));
  }
  static void reverse(Slice s, int64_t n) {
    for (int64_t i = 0, j = n - 1; i < j; ++i, --j) {
      Value t = s.keys[i];
      s.keys[i] = s.keys[j];
      s.keys[j] = t;
      if (kValues) {
        t = s.values[i];
        s.values[i] = s.values[j];
        s.values[j] = t;
      }
    }
  }

  /// n itself below 64; otherwise a value in [32, 64] such that n / result
  /// is a power of two or slightly less than one.
  static int64_t compute_min_run(int64_t n) {
    int64_t r = 0;
    while (n >= 64) {
      r |= n & 1;
      n >>= 1;
    }
    return n + r;
  }

  /// Length of the run starting at lo: non-descending, or strictly
  /// descending (*descending set; the caller reverses it).
  int64_t count_run(Value* lo, Value* hi, bool* descending) {
    *descending = false;
    ++lo;
    if (lo == hi) return 1;
    int64_t n = 2;
    int k = less_(*lo, *(lo - 1));
    if (k < 0) return -1;
    if (k) {
      *descending = true;
      for (++lo; lo < hi; ++lo, ++n) {
        k = less_(*lo, *(lo - 1));
        if (k < 0) return -1;
        if (!k) break;
      }
    } else {
      for (++lo; lo < hi; ++lo, ++n) {
        k = less_(*lo, *(lo - 1));
        if (k < 0) return -1;
        if (k) break;
      }
    }
    return n;
  }

  /// Binary insertion sort of [lo, hi) where [lo, start) is already sorted.
  int binary_sort(Slice lo, Value* hi, Value* start) {
    if (lo.keys == start) ++start;
    for (; start < hi; ++start) {
      Value* l = lo.keys;
      Value* r = start;
      Value pivot = *r;
      // pivot >= everything in [lo, l); pivot < everything in [r, start).
      do {
        Value* p = l + ((r - l) >> 1);
        int k = less_(pivot, *p);
        if (k < 0) return -1;
        if (k) {
          r = p;
        } else {
          l = p + 1;
        }
      } while (l < r);
      for (Value* p = start; p > l; --p) *p = *(p - 1);
      *l = pivot;
      if (kValues) {
        int64_t offset = start - lo.keys;
        int64_t target = l - lo.keys;
        Value* vs = lo.values;
        Value vp = vs[offset];
        for (int64_t i = offset; i > target; --i) vs[i] = vs[i - 1];
        vs[target] = vp;
      }
    }
    return 0;
  }

  /// Where `key` belongs in the sorted a[0, n): the leftmost position
  /// (a[result - 1] < key <= a[result]), searched by galloping from hint.
  int64_t gallop_left(Value key, Value* a, int64_t n, int64_t hint) {
    a += hint;
    int64_t lastofs = 0, ofs = 1;
    int k = less_(*a, key);
    if (k < 0) return -1;
    if (k) {
      // a[hint] < key: gallop right until a[hint + lastofs] < key <= a[hint + ofs].
      const int64_t maxofs = n - hint;
      while (ofs < maxofs) {
        k = less_(a[ofs], key);
        if (k < 0) return -1;
        if (!k) break;
        lastofs = ofs;
        ofs = (ofs << 1) + 1;
      }
      if (ofs > maxofs) ofs = maxofs;
      lastofs += hint;
      ofs += hint;
    } else {
      // key <= a[hint]: gallop left until a[hint - ofs] < key <= a[hint - lastofs].
      const int64_t maxofs = hint + 1;
      while (ofs < maxofs) {
        k = less_(*(a - ofs), key);
        if (k < 0) return -1;
        if (k) break;
        lastofs = ofs;
        ofs = (ofs << 1) + 1;
      }
      if (ofs > maxofs) ofs = maxofs;
      int64_t t = lastofs;
      lastofs = hint - ofs;
      ofs = hint - t;
    }
    a -= hint;
    // a[lastofs] < key <= a[ofs]: binary search in between.
    ++lastofs;
    while (lastofs < ofs) {
      int64_t m = lastofs + ((ofs - lastofs) >> 1);
      k = less_(a[m], key);
      if (k < 0) return -1;
      if (k) {
        lastofs = m + 1;
      } else {
        ofs = m;
      }
    }
    return ofs;
  }

  /// Like gallop_left but the rightmost position (a[result - 1] <= key <
  /// a[result]), so equal elements of `a` stay in front (stability).
  int64_t gallop_right(Value key, Value* a, int64_t n, int64_t hint) {
    a += hint;
    int64_t lastofs = 0, ofs = 1;
    int k = less_(key, *a);
    if (k < 0) return -1;
    if (k) {
      // key < a[hint]: gallop left until a[hint - ofs] <= key < a[hint - lastofs].
      const int64_t maxofs = hint + 1;
      while (ofs < maxofs) {
        k = less_(key, *(a - ofs));
        if (k < 0) return -1;
        if (!k) break;
        lastofs = ofs;
        ofs = (ofs << 1) + 1;
      }
      if (ofs > maxofs) ofs = maxofs;
      int64_t t = lastofs;
      lastofs = hint - ofs;
      ofs = hint - t;
    } else {
      // a[hint] <= key: gallop right until a[hint + lastofs] <= key < a[hint + ofs].
      const int64_t maxofs = n - hint;
      while (ofs < maxofs) {
        k = less_(key, a[ofs]);
        if (k < 0) return -1;
        if (k) break;
        lastofs = ofs;
        ofs = (ofs << 1) + 1;
      }
      if (ofs > maxofs) ofs = maxofs;
      lastofs += hint;
      ofs += hint;
    }
    a -= hint;
    ++lastofs;
    while (lastofs < ofs) {
      int64_t m = lastofs + ((ofs - lastofs) >> 1);
      k = less_(key, a[m]);
      if (k < 0) return -1;
      if (k) {
        ofs = m;
      } else {
        lastofs = m + 1;
      }
    }
    return ofs;
  }

  /// Ensures the temporary array holds `need` entries. Its old contents are
  /// not kept.
  int reserve_temp(int64_t need) {
    if (need <= temp_capacity_) return 0;
    free(temp_.keys);
    temp_.keys = nullptr;
    temp_.values = nullptr;
    temp_capacity_ = 0;
    size_t count = static_cast<size_t>(need) * (kValues ? 2 : 1);
    temp_.keys = static_cast<Value*>(malloc(count * sizeof(Value)));
    if (temp_.keys == nullptr) {
      raise_no_memory();
      return -1;
    }
    if (kValues) temp_.values = temp_.keys + need;
    temp_capacity_ = need;
    return 0;
  }

  /// Merges the adjacent runs a (na items) and b (nb items) in place when
  /// na <= nb, copying a to the temporary array and filling from the left.
  int merge_lo(Slice a, int64_t na, Slice b, int64_t nb) {
    if (reserve_temp(na) < 0) return -1;
    move_block(temp_, 0, a, 0, na);
    Slice dest = a;
    a = temp_;
    copy_incr(dest, b);
    --nb;
    int result = -1;
    if (nb == 0) goto succeed;
    if (na == 1) goto copy_b;
    for (int64_t min_gallop = min_gallop_;;) {
      int64_t acount = 0, bcount = 0;  // consecutive wins of each run
      // One pair at a time until one run wins min_gallop times in a row.
      for (;;) {
        int k = less_(*b.keys, *a.keys);
        if (k < 0) goto fail;
        if (k) {
          copy_incr(dest, b);
          ++bcount;
          acount = 0;
          if (--nb == 0) goto succeed;
          if (bcount >= min_gallop) break;
        } else {
          copy_incr(dest, a);
          ++acount;
          bcount = 0;
          if (--na == 1) goto copy_b;
          if (acount >= min_gallop) break;
        }
      }
      // Galloping: find whole blocks to move while one run keeps winning.
      ++min_gallop;
      do {
        min_gallop -= min_gallop > 1;
        min_gallop_ = min_gallop;
        int64_t k = gallop_right(*b.keys, a.keys, na, 0);
        acount = k;
        if (k) {
          if (k < 0) goto fail;
          move_block(dest, 0, a, 0, k);
          advance(dest, k);
          advance(a, k);
          na -= k;
          if (na == 1) goto copy_b;
          // na == 0 is impossible with a consistent comparison, but
          // user comparisons may be inconsistent.
          if (na == 0) goto succeed;
        }
        copy_incr(dest, b);
        if (--nb == 0) goto succeed;
        k = gallop_left(*a.keys, b.keys, nb, 0);
        bcount = k;
        if (k) {
          if (k < 0) goto fail;
          move_block(dest, 0, b, 0, k);
          advance(dest, k);
          advance(b, k);
          nb -= k;
          if (nb == 0) goto succeed;
        }
        copy_incr(dest, a);
        if (--na == 1) goto copy_b;
      } while (acount >= kMinGallop || bcount >= kMinGallop);
      ++min_gallop;  // leaving galloping mode costs a penalty
      min_gallop_ = min_gallop;
    }
  succeed:
    result = 0;
  fail:
    if (na) move_block(dest, 0, a, 0, na);
    return result;
  copy_b:
    // The last element of a belongs after everything left in b.
    move_block(dest, 0, b, 0, nb);
    copy_one(dest, nb, a, 0);
    return 0;
  }

  /// Merges a and b when na > nb: copies b to the temporary array and
  /// fills from the right.
  int merge_hi(Slice a, int64_t na, Slice b, int64_t nb) {
    if (reserve_temp(nb) < 0) return -1;
    Slice dest = b;
    advance(dest, nb - 1);
    move_block(temp_, 0, b, 0, nb);
    Slice base_a = a;
    Slice base_b = temp_;
    b.keys = temp_.keys + nb - 1;
    if (kValues) b.values = temp_.values + nb - 1;
    advance(a, na - 1);
    copy_decr(dest, a);
    --na;
    int result = -1;
    if (na == 0) goto succeed;
    if (nb == 1) goto copy_a;
    for (int64_t min_gallop = min_gallop_;;) {
      int64_t acount = 0, bcount = 0;
      for (;;) {
        int k = less_(*b.keys, *a.keys);
        if (k < 0) goto fail;
        if (k) {
          copy_decr(dest, a);
          ++acount;
          bcount = 0;
          if (--na == 0) goto succeed;
          if (acount >= min_gallop) break;
        } else {
          copy_decr(dest, b);
          ++bcount;
          acount = 0;
          if (--nb == 1) goto copy_a;
          if (bcount >= min_gallop) break;
        }
      }
      ++min_gallop;
      do {
        min_gallop -= min_gallop > 1;
        min_gallop_ = min_gallop;
        int64_t k = gallop_right(*b.keys, base_a.keys, na, na - 1);
        if (k < 0) goto fail;
        k = na - k;
        acount = k;
        if (k) {
          advance(dest, -k);
          advance(a, -k);
          move_block(dest, 1, a, 1, k);
          na -= k;
          if (na == 0) goto succeed;
        }
        copy_decr(dest, b);
        if (--nb == 1) goto copy_a;
        k = gallop_left(*a.keys, base_b.keys, nb, nb - 1);
        if (k < 0) goto fail;
        k = nb - k;
        bcount = k;
        if (k) {
          advance(dest, -k);
          advance(b, -k);
          move_block(dest, 1, b, 1, k);
          nb -= k;
          if (nb == 1) goto copy_a;
          if (nb == 0) goto succeed;  // only with inconsistent comparisons
        }
        copy_decr(dest, a);
        if (--na == 0) goto succeed;
      } while (acount >= kMinGallop || bcount >= kMinGallop);
      ++min_gallop;
      min_gallop_ = min_gallop;
    }
  succeed:
    result = 0;
  fail:
    if (nb) move_block(dest, -(nb - 1), base_b, 0, nb);
    return result;
  copy_a:
    // The first element of b belongs before everything left in a.
    move_block(dest, 1 - na, a, 1 - na, na);
    advance(dest, -na);
    advance(a, -na);
    copy_one(dest, 0, b, 0);
    return 0;
  }

  /// Merges pending runs i and i + 1.
  int merge_at(int i) {
    Slice a = pending_[i].base;
    int64_t na = pending_[i].len;
    Slice b = pending_[i + 1].base;
    int64_t nb = pending_[i + 1].len;
    pending_[i].len = na + nb;
    if (i == npending_ - 3) pending_[i + 1] = pending_[i + 2];
    --npending_;
    // Elements of a before where b[0] belongs are already in place.
    int64_t k = gallop_right(*b.keys, a.keys, na, 0);
    if (k < 0) return -1;
    advance(a, k);
    na -= k;
    if (na == 0) return 0;
    // Elements of b after where a[-1] belongs are already in place.
    nb = gallop_left(a.keys[na - 1], b.keys, nb, nb - 1);
    if (nb <= 0) return static_cast<int>(nb);
    return na <= nb ? merge_lo(a, na, b, nb) : merge_hi(a, na, b, nb);
  }

  /// The powersort "power" of the boundary between runs [s1, s1+n1) and
  /// [s1+n1, s1+n1+n2) in a list of n: the first bit where the binary
  /// expansions of the two runs' midpoints (as fractions of n) differ.
  static int power_of(int64_t s1, int64_t n1, int64_t n2, int64_t n) {
    int result = 0;
    int64_t a = 2 * s1 + n1;  // twice the first midpoint
    int64_t b = a + n1 + n2;  // twice the second midpoint
    for (;;) {
      ++result;
      if (a >= n) {
        a -= n;
        b -= n;
      } else if (b >= n) {
        break;
      }
      a <<= 1;
      b <<= 1;
    }
    return result;
  }

  /// Called before pushing a run of n2 items: merges pending runs whose
  /// boundary power exceeds the new boundary's.
  int found_new_run(int64_t n2) {
    if (npending_ == 0) return 0;
    int64_t s1 = pending_[npending_ - 1].base.keys - base_keys_;
    int64_t n1 = pending_[npending_ - 1].len;
    int power = power_of(s1, n1, n2, list_len_);
    while (npending_ > 1 && pending_[npending_ - 2].power > power) {
      if (merge_at(npending_ - 2) < 0) return -1;
    }
    pending_[npending_ - 1].power = power;
    return 0;
  }

  int force_collapse() {
    while (npending_ > 1) {
      int n = npending_ - 2;
      if (n > 0 && pending_[n - 1].len < pending_[n + 1].len) --n;
      if (merge_at(n) < 0) return -1;
    }
    return 0;
  }

  Less less_;
  Value* base_keys_;
  int64_t list_len_;
  int64_t min_gallop_ = kMinGallop;
  Slice temp_ = {nullptr, nullptr};
  int64_t temp_capacity_ = 0;
  Run pending_[kMaxMergePending];
  int npending_ = 0;
};

template <class Less>
int run_sort(Value* keys, Value* values, int64_t n) {
  if (values != nullptr) {
    TimSort<Less, true> ts(Slice{keys, values}, n);
    return ts.sort(Slice{keys, values}, n);
  }
  TimSort<Less, false> ts(Slice{keys, nullptr}, n);
  return ts.sort(Slice{keys, nullptr}, n);
}

/// Picks the comparison from the keys' types (CPython's pre-sort check).
int sort_keys(Value* keys, Value* values, int64_t n) {
  bool all_small = true, all_int = true, all_float = true, all_str = true;
  for (int64_t i = 0; i < n; ++i) {
    Value k = keys[i];
    if (!molt_is_small_int(k)) {
      all_small = false;
      if (!is_int_exact(k)) all_int = false;
    }
    if (!molt_is_double(k)) all_float = false;
    if (!is_str_exact(k)) all_str = false;
  }
  if (all_small) return run_sort<SmallIntLess>(keys, values, n);
  if (all_int) return run_sort<IntLess>(keys, values, n);
  if (all_float) return run_sort<FloatLess>(keys, values, n);
  if (all_str) return run_sort<StrLess>(keys, values, n);
  return run_sort<GenericLess>(keys, values, n);
}

void reverse_values(Value* v, int64_t n) {
  for (int64_t i = 0, j = n - 1; i < j; ++i, --j) {
    Value t = v[i];
    v[i] = v[j];
    v[j] = t;
  }
}

}  // namespace

int list_sort(Value list, Value key, bool reverse) {
  ListObject* l = as_list(list);
  int64_t n = l->size;
  Value* items = l->items;
  int64_t allocated = l->allocated;
  // Empty the list while sorting, so that key functions and comparisons see
  // [] and any change they make is detected afterwards.
  l->size = 0;
  l->items = nullptr;
  l->allocated = -1;

  int result = 0;
  Value* keys = nullptr;
  bool keys_ok = true;
  if (key != MOLT_NONE && n > 0) {
    keys = static_cast<Value*>(malloc(static_cast<size_t>(n) * sizeof(Value)));
    if (keys == nullptr) {
      raise_no_memory();
      keys_ok = false;
    }
    for (int64_t i = 0; keys_ok && i < n; ++i) {
      keys[i] = call_object(key, &items[i], 1, MOLT_NONE);
      if (molt_is_error(keys[i])) {
        for (int64_t j = i; j-- > 0;) decref(keys[j]);
        free(keys);
        keys = nullptr;
        keys_ok = false;
      }
    }
  }
  if (!keys_ok) {
    result = -1;
  } else {
    if (n > 1) {
      if (reverse) {
        if (keys != nullptr) reverse_values(keys, n);
        reverse_values(items, n);
      }
      result = keys != nullptr ? sort_keys(keys, items, n) : sort_keys(items, nullptr, n);
    }
    if (keys != nullptr) {
      for (int64_t i = 0; i < n; ++i) decref(keys[i]);
      free(keys);
    }
    if (l->allocated != -1 && result == 0) {
      raise(ErrorId::ListModifiedDuringSort);
      result = -1;
    }
    if (reverse && n > 1) reverse_values(items, n);
  }
  // Restore the sorted items; drop whatever was put in the list meanwhile.
  Value* final_items = l->items;
  int64_t final_size = l->size;
  l->size = n;
  l->items = items;
  l->allocated = allocated;
  if (final_items != nullptr) {
    for (int64_t i = final_size; i-- > 0;) decref(final_items[i]);
    free(final_items);
  }
  return result;
}

}  // namespace molt
