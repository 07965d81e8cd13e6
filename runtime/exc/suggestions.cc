// suggestions.cc — NameError suggestions with the same candidates, order
// and distance as CPython 3.12: a Levenshtein distance where a substitution
// differing only in case costs 1 and any other edit 2, bounded by
// (len(a) + len(b) + 3) * 2 // 6 and by the best distance so far.
#include "exc/suggestions.h"

#include <stdlib.h>
#include <string.h>

namespace molt {

namespace {

#include "exc/suggestion_names.inc"

constexpr size_t kMoveCost = 2;
constexpr size_t kCaseCost = 1;
constexpr size_t kMaxStringSize = 40;
constexpr size_t kMaxCandidates = 750;

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

size_t substitution_cost(char a, char b) {
  if (a == b) return 0;
  if (ascii_lower(a) == ascii_lower(b)) return kCaseCost;
  return kMoveCost;
}

size_t levenshtein(const char* a, size_t a_size, const char* b, size_t b_size, size_t max_cost) {
  if (a_size == b_size && memcmp(a, b, a_size) == 0) return 0;
  while (a_size && b_size && a[0] == b[0]) {
    ++a;
    ++b;
    --a_size;
    --b_size;
  }
  while (a_size && b_size && a[a_size - 1] == b[b_size - 1]) {
    --a_size;
    --b_size;
  }
  if (a_size == 0 || b_size == 0) return (a_size + b_size) * kMoveCost;
  if (a_size > kMaxStringSize || b_size > kMaxStringSize) return max_cost + 1;
  if (b_size < a_size) {
    const char* t = a;
    a = b;
    b = t;
    size_t ts = a_size;
    a_size = b_size;
    b_size = ts;
  }
  if ((b_size - a_size) * kMoveCost > max_cost) return max_cost + 1;
  size_t buffer[kMaxStringSize];
  for (size_t i = 0; i < a_size; ++i) buffer[i] = (i + 1) * kMoveCost;
  size_t result = 0;
  for (size_t bi = 0; bi < b_size; ++bi) {
    char code = b[bi];
    size_t distance = result = bi * kMoveCost;
    size_t minimum = static_cast<size_t>(-1);
    for (size_t ai = 0; ai < a_size; ++ai) {
      size_t substitute = distance + substitution_cost(code, a[ai]);
      distance = buffer[ai];
      size_t insert_delete = (result < distance ? result : distance) + kMoveCost;
      result = insert_delete < substitute ? insert_delete : substitute;
      buffer[ai] = result;
      if (result < minimum) minimum = result;
    }
    if (minimum > max_cost) return max_cost + 1;
  }
  return result;
}

/// Best candidate of one group; null if none is close enough.
template <class Get>
const char* best_of(const char* wrong, size_t count, Get get) {
  if (count > kMaxCandidates) return nullptr;
  size_t wrong_len = strlen(wrong);
  size_t best_distance = static_cast<size_t>(-1);  // CPython's C version starts unbounded
  const char* suggestion = nullptr;
  for (size_t i = 0; i < count; ++i) {
    const char* candidate = get(i);
    if (candidate == nullptr || strcmp(candidate, wrong) == 0) continue;
    size_t len = strlen(candidate);
    size_t max_distance = (len + wrong_len + 3) * kMoveCost / 6;
    if (best_distance - 1 < max_distance) max_distance = best_distance - 1;
    size_t d = levenshtein(wrong, wrong_len, candidate, len, max_distance);
    if (d > max_distance) continue;
    if (suggestion == nullptr || d < best_distance) {
      suggestion = candidate;
      best_distance = d;
    }
  }
  return suggestion;
}

// The module dict of __main__ starts with these before user globals.
const char* const kModuleDunders[] = {"__name__",    "__doc__",      "__package__", "__loader__", "__spec__",
                                      "__annotations__", "__builtins__", "__file__",    "__cached__"};

}  // namespace

const char* suggest_name(const char* wrong, const MoltCodeInfo* code) {
  if (code != nullptr && code->nvarnames > 0) {
    const char* s = best_of(wrong, static_cast<size_t>(code->nvarnames), [&](size_t i) { return code->varnames[i]; });
    if (s) return s;
  }
  const MoltModuleInfo* m = code ? code->module : nullptr;
  size_t ndunder = sizeof kModuleDunders / sizeof kModuleDunders[0];
  size_t nglobals = m ? static_cast<size_t>(m->nglobals) : 0;
  const char* s = best_of(wrong, ndunder + nglobals, [&](size_t i) -> const char* {
    if (i < ndunder) return kModuleDunders[i];
    size_t g = i - ndunder;
    return *m->global_slots[g] == MOLT_UNBOUND ? nullptr : m->global_names[g];
  });
  if (s) return s;
  return best_of(wrong, sizeof kBuiltinNames / sizeof kBuiltinNames[0], [](size_t i) { return kBuiltinNames[i]; });
}

bool is_stdlib_module_name(const char* name) {
  size_t lo = 0, hi = sizeof kStdlibModuleNames / sizeof kStdlibModuleNames[0];
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    int c = strcmp(kStdlibModuleNames[mid], name);
    if (c == 0) return true;
    if (c < 0) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return false;
}

void write_name_error_hint(OutStream& out, const char* name, const MoltCodeInfo* code) {
  const char* suggestion = suggest_name(name, code);
  if (suggestion != nullptr) {
    out.write_cstr(". Did you mean: '");
    out.write_cstr(suggestion);
    out.write_cstr("'?");
  }
  if (is_stdlib_module_name(name)) {
    out.write_cstr(suggestion != nullptr ? " Or did you forget to import '" : ". Did you forget to import '");
    out.write_cstr(name);
    out.write_cstr("'?");
  }
}

}  // namespace molt
