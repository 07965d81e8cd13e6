// container_bench.cc — times Molt's container operations against the same
// operations in CPython 3.12, in one run, and prints a table of ratios
// (CPython time / Molt time: above 1 means Molt is faster).
//
// Usage: container_bench [path/to/python3.12]   (default: $MOLT_CPYTHON or python3.12)
// Build in Release (-DMOLT_BENCH=ON); a Debug/sanitizer build measures the
// sanitizers.
//
// Every operation works on 1M items and is timed as the best of 5 runs.
// CPython's side uses its C-level bulk paths (dict.fromkeys, map over a
// bound method, list.sort, set(list)) so that its interpreter loop is
// mostly out of the measurement; the same loops written in Python are
// slower still, so the ratios are conservative.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "core/abstract.h"
#include "core/errors.h"
#include "core/iter.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/set.h"
#include "objects/str.h"

namespace {

using molt::Value;

constexpr int64_t kN = 1000000;

double now() {
  timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

Value check(Value v) {
  if (molt_is_error(v)) {
    fprintf(stderr, "container_bench: operation raised\n");
    exit(1);
  }
  return v;
}

void check_status(int status) {
  if (status < 0) {
    fprintf(stderr, "container_bench: operation raised\n");
    exit(1);
  }
}

/// Seconds for one run of f (which prepares nothing): best of 5.
template <class Setup, class F>
double best_of(Setup setup, F f) {
  double best = 1e30;
  for (int rep = 0; rep < 5; ++rep) {
    setup();
    double t0 = now();
    f();
    double dt = now() - t0;
    if (dt < best) best = dt;
  }
  return best;
}

// The CPython half: the same data, built the same way.
const char kPython[] = R"PY(
import sys, time, random
from collections import deque
N = 1000000
int_keys = [(i * 2654435761) % 4294967296 for i in range(N)]
str_keys = ["k%d" % k for k in int_keys]
rng = random.Random(7)
rand_ints = [rng.randrange(10**9) for _ in range(N)]
rand_floats = [rng.random() for _ in range(N)]
rand_strs = ["s%d" % x for x in rand_ints]
probes = int_keys[::2] + [k + 1 for k in int_keys[::2]]

def best(setup, f):
    b = 1e30
    for _ in range(5):
        arg = setup()
        t0 = time.perf_counter(); f(arg); dt = time.perf_counter() - t0
        b = min(b, dt)
    return b

d_int = dict.fromkeys(int_keys)
d_str = dict.fromkeys(str_keys)
s_int = set(int_keys)
ops = [
  ("dict insert 1M int keys", lambda: None, lambda _: dict.fromkeys(int_keys)),
  ("dict lookup 1M int keys", lambda: None, lambda _: deque(map(d_int.__getitem__, int_keys), 0)),
  ("dict insert 1M str keys", lambda: None, lambda _: dict.fromkeys(str_keys)),
  ("dict lookup 1M str keys", lambda: None, lambda _: deque(map(d_str.__getitem__, str_keys), 0)),
  ("dict iterate 1M items", lambda: None, lambda _: deque(d_int.items(), 0)),
  ("list append 1M", lambda: [], lambda l: deque(map(l.append, int_keys), 0)),
  ("list index l[i] 1M", lambda: None, lambda _: deque(map(int_keys.__getitem__, range(N)), 0)),
  ("list sort 1M ints", lambda: list(rand_ints), lambda l: l.sort()),
  ("list sort 1M floats", lambda: list(rand_floats), lambda l: l.sort()),
  ("list sort 1M strs", lambda: list(rand_strs), lambda l: l.sort()),
  ("list sort 1M sorted", lambda: list(range(N)), lambda l: l.sort()),
  ("set build 1M ints", lambda: None, lambda _: set(int_keys)),
  ("set membership 1M", lambda: None, lambda _: deque(map(s_int.__contains__, probes), 0)),
]
for name, setup, f in ops:
    print("%s\t%.9g" % (name, best(setup, f)))
)PY";

struct Result {
  std::string name;
  double molt;
  double cpython;
};

}  // namespace

int main(int argc, char** argv) {
  using namespace molt;
  const char* python = argc > 1 ? argv[1] : getenv("MOLT_CPYTHON");
  if (python == nullptr) python = "python3.12";

  // The same data as the Python script (random values differ in detail but
  // not in distribution).
  std::vector<Value> int_keys(kN), str_keys(kN), rand_ints(kN), rand_floats(kN), rand_strs(kN), probes;
  uint64_t state = 7;
  auto next_rand = [&]() {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return state >> 11;
  };
  for (int64_t i = 0; i < kN; ++i) {
    int64_t k = static_cast<int64_t>((static_cast<uint64_t>(i) * 2654435761ull) % 4294967296ull);
    int_keys[i] = molt_from_small_int(k);
    str_keys[i] = check(str_from_format("k%lld", static_cast<long long>(k)));
    int64_t r = static_cast<int64_t>(next_rand() % 1000000000);
    rand_ints[i] = molt_from_small_int(r);
    rand_floats[i] = molt_from_double(static_cast<double>(next_rand() >> 11) * 0x1p-42);
    rand_strs[i] = check(str_from_format("s%lld", static_cast<long long>(r)));
  }
  for (int64_t i = 0; i < kN; i += 2) probes.push_back(int_keys[i]);
  for (int64_t i = 0; i < kN; i += 2)
    probes.push_back(molt_from_small_int(molt_as_small_int(int_keys[i]) + 1));

  auto none = [] {};
  Value d_int = check(dict_new()), d_str = check(dict_new());
  for (int64_t i = 0; i < kN; ++i) {
    check_status(dict_setitem(d_int, int_keys[i], MOLT_NONE));
    check_status(dict_setitem(d_str, str_keys[i], MOLT_NONE));
  }
  Value int_list = check(list_from_array(int_keys.data(), kN));
  Value s_int = check(set_new(int_list));
  Value sort_list = MOLT_NONE;
  auto fresh = [&](const std::vector<Value>& src) {
    return [&] {
      decref(sort_list);
      sort_list = check(list_from_array(src.data(), kN));
    };
  };
  std::vector<Value> sorted_ints(kN);
  for (int64_t i = 0; i < kN; ++i) sorted_ints[i] = molt_from_small_int(i);

  Result results[] = {
      {"dict insert 1M int keys",
       best_of(none,
               [&] {
                 Value d = check(dict_new());
                 for (Value k : int_keys) check_status(dict_setitem(d, k, MOLT_NONE));
                 decref(d);
               }),
       0},
      {"dict lookup 1M int keys",
       best_of(none,
               [&] {
                 for (Value k : int_keys) decref(check(object_getitem(d_int, k)));
               }),
       0},
      {"dict insert 1M str keys",
       best_of(none,
               [&] {
                 Value d = check(dict_new());
                 for (Value k : str_keys) check_status(dict_setitem(d, k, MOLT_NONE));
                 decref(d);
               }),
       0},
      {"dict lookup 1M str keys",
       best_of(none,
               [&] {
                 for (Value k : str_keys) decref(check(object_getitem(d_str, k)));
               }),
       0},
      {"dict iterate 1M items",
       best_of(none,
               [&] {
                 Value items = check(dict_items_view(d_int));
                 Value it = check(object_iter(items));
                 for (Value x = iter_next(it); x != MOLT_UNBOUND; x = iter_next(it)) {
                   decref(check(x));
                 }
                 decref(it);
                 decref(items);
               }),
       0},
      {"list append 1M",
       best_of(none,
               [&] {
                 Value l = check(list_new(0));
                 for (Value k : int_keys) check_status(list_append(l, k));
                 decref(l);
               }),
       0},
      {"list index l[i] 1M",
       best_of(none,
               [&] {
                 for (int64_t i = 0; i < kN; ++i) {
                   decref(check(object_getitem(int_list, molt_from_small_int(i))));
                 }
               }),
       0},
      {"list sort 1M ints",
       best_of(fresh(rand_ints), [&] { check_status(list_sort(sort_list, MOLT_NONE, false)); }), 0},
      {"list sort 1M floats",
       best_of(fresh(rand_floats), [&] { check_status(list_sort(sort_list, MOLT_NONE, false)); }), 0},
      {"list sort 1M strs",
       best_of(fresh(rand_strs), [&] { check_status(list_sort(sort_list, MOLT_NONE, false)); }), 0},
      {"list sort 1M sorted",
       best_of(fresh(sorted_ints), [&] { check_status(list_sort(sort_list, MOLT_NONE, false)); }), 0},
      {"set build 1M ints", best_of(none, [&] { decref(check(set_new(int_list))); }), 0},
      {"set membership 1M",
       best_of(none,
               [&] {
                 for (Value k : probes) check_status(set_contains(s_int, k));
               }),
       0},
  };

  // Run the CPython half and match its lines to ours by name.
  char script_path[] = "/tmp/molt_container_benchXXXXXX";
  int fd = mkstemp(script_path);
  if (fd < 0 || write(fd, kPython, sizeof kPython - 1) != static_cast<ssize_t>(sizeof kPython - 1)) {
    fprintf(stderr, "container_bench: cannot write the CPython script\n");
    return 1;
  }
  close(fd);
  std::string cmd = std::string(python) + " " + script_path;
  FILE* p = popen(cmd.c_str(), "r");
  char line[256];
  while (p != nullptr && fgets(line, sizeof line, p) != nullptr) {
    char* tab = strchr(line, '\t');
    if (tab == nullptr) continue;
    *tab = '\0';
    for (Result& r : results) {
      if (r.name == line) r.cpython = strtod(tab + 1, nullptr);
    }
  }
  if (p != nullptr) pclose(p);
  unlink(script_path);

  printf("%-26s %12s %14s %10s\n", "operation", "molt", "cpython 3.12", "speedup");
  for (const Result& r : results) {
    if (r.cpython > 0) {
      printf("%-26s %9.2f ms %11.2f ms %9.2fx\n", r.name.c_str(), r.molt * 1e3, r.cpython * 1e3,
             r.cpython / r.molt);
    } else {
      printf("%-26s %9.2f ms %14s %10s\n", r.name.c_str(), r.molt * 1e3, "n/a", "n/a");
    }
  }
  return 0;
}
