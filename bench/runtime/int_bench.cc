// int_bench.cc — times Molt's int operations against the same operations in
// CPython 3.12, in one run, and prints a table of ratios (CPython time /
// Molt time: above 1 means Molt is faster).
//
// Usage: int_bench [path/to/python3.12]   (default: $MOLT_CPYTHON or python3.12)
// Build in Release (the runtime's hot loops are compiled with -O2 there);
// a Debug/sanitizer build measures the sanitizers.
//
// Each operation is timed as the best of several repetitions of a loop long
// enough to take ~50 ms, on both sides; CPython's numbers come from timeit
// in a child process running the embedded script below.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <string>

#include "core/errors.h"
#include "objects/int.h"
#include "objects/str.h"

namespace {

using molt::Value;

double now() {
  timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

Value check(Value v) {
  if (molt_is_error(v)) {
    fprintf(stderr, "int_bench: operation raised\n");
    exit(1);
  }
  return v;
}

// Seconds per call of f: best of 5 runs of a loop calibrated to ~50 ms.
template <class F>
double time_op(F f) {
  long n = 1;
  for (;;) {
    double t0 = now();
    for (long i = 0; i < n; ++i) f();
    double dt = now() - t0;
    if (dt > 0.05 || n > (1L << 30)) break;
    n *= dt < 0.005 ? 10 : 2;
  }
  double best = 1e30;
  for (int rep = 0; rep < 5; ++rep) {
    double t0 = now();
    for (long i = 0; i < n; ++i) f();
    double dt = (now() - t0) / static_cast<double>(n);
    if (dt < best) best = dt;
  }
  return best;
}

// The CPython half: the same operands (built the same way) and operations.
const char kPython[] = R"PY(
import sys, timeit
sys.set_int_max_str_digits(0)
a1000 = 3**2095 + 12345; b1000 = 7**1183 + 6789
x100k = 3**209590 + 1
s100k = str(x100k)
big = 3**1000000
n20k = 7**23000 + 1; d10k = 3**20000 + 5
s1000 = str(a1000)
small_a = 123456789; small_b = 987654
med_a = 2**62 + 12345; med_b = 2**61 + 777
ops = [
  ("add 1000-digit", lambda: a1000 + b1000),
  ("mul 1000-digit", lambda: a1000 * b1000),
  ("floordiv 1000/500-digit", lambda: a1000 // (b1000 >> 1660)),
  ("str 1000-digit", lambda: str(a1000)),
  ("int() 1000-digit", lambda: int(s1000)),
  ("str 100,000-digit", lambda: str(x100k)),
  ("int() 100,000-digit", lambda: int(s100k)),
  ("hex 100,000-digit", lambda: hex(x100k)),
  ("divmod 20k/10k-digit", lambda: divmod(n20k, d10k)),
  ("3**1000000", lambda: 3**1000000),
  ("str(3**1000000)", lambda: str(big)),
  ("add small", lambda: small_a + small_b),
  ("mul 63-bit", lambda: med_a * med_b),
  ("hash 1000-digit", lambda: hash(a1000)),
]
for name, f in ops:
    t = timeit.Timer(f)
    n, _ = t.autorange()
    n = max(1, n // 4)
    best = min(t.repeat(5, n)) / n
    print("%s\t%.9g" % (name, best))
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
  g_int_max_str_digits = 0;

  auto pow_int = [](int64_t b, int64_t e) {
    return check(int_pow(molt_from_small_int(b), molt_from_small_int(e), MOLT_NONE));
  };
  auto plus = [](Value v, int64_t k) {
    Value r = check(int_add(v, molt_from_small_int(k)));
    decref(v);
    return r;
  };
  Value a1000 = plus(pow_int(3, 2095), 12345), b1000 = plus(pow_int(7, 1183), 6789);
  Value x100k = plus(pow_int(3, 209590), 1);
  Value s100k = check(int_repr(x100k));
  Value n20k = plus(pow_int(7, 23000), 1), d10k = plus(pow_int(3, 20000), 5);
  Value big = pow_int(3, 1000000);
  Value s1000 = check(int_repr(a1000));
  Value b_half = check(int_rshift(b1000, molt_from_small_int(1660)));
  Value small_a = molt_from_small_int(123456789), small_b = molt_from_small_int(987654);
  Value med_a = check(int_add(check(int_lshift(molt_from_small_int(1), molt_from_small_int(62))),
                              molt_from_small_int(12345)));
  Value med_b = check(
      int_add(check(int_lshift(molt_from_small_int(1), molt_from_small_int(61))), molt_from_small_int(777)));
  size_t s100k_len, s1000_len;
  const char* s100k_text = str_utf8(s100k, &s100k_len);
  const char* s1000_text = str_utf8(s1000, &s1000_len);

  auto consume = [](Value v) { decref(check(v)); };
  Result results[] = {
      {"add 1000-digit", time_op([&] { consume(int_add(a1000, b1000)); }), 0},
      {"mul 1000-digit", time_op([&] { consume(int_mul(a1000, b1000)); }), 0},
      {"floordiv 1000/500-digit", time_op([&] { consume(int_floordiv(a1000, b_half)); }), 0},
      {"str 1000-digit", time_op([&] { consume(int_repr(a1000)); }), 0},
      {"int() 1000-digit", time_op([&] { consume(int_from_string(s1000_text, s1000_len, 10)); }), 0},
      {"str 100,000-digit", time_op([&] { consume(int_repr(x100k)); }), 0},
      {"int() 100,000-digit", time_op([&] { consume(int_from_string(s100k_text, s100k_len, 10)); }), 0},
      {"hex 100,000-digit", time_op([&] { consume(int_to_base_string(x100k, 16, true)); }), 0},
      {"divmod 20k/10k-digit", time_op([&] { consume(int_divmod(n20k, d10k)); }), 0},
      {"3**1000000",
       time_op([&] { consume(int_pow(molt_from_small_int(3), molt_from_small_int(1000000), MOLT_NONE)); }),
       0},
      {"str(3**1000000)", time_op([&] { consume(int_repr(big)); }), 0},
      {"add small", time_op([&] { consume(int_add(small_a, small_b)); }), 0},
      {"mul 63-bit", time_op([&] { consume(int_mul(med_a, med_b)); }), 0},
      {"hash 1000-digit", time_op([&] { (void)int_hash(a1000); }), 0},
  };

  // Run the CPython half and match its lines to ours by name.
  char script_path[] = "/tmp/molt_int_benchXXXXXX";
  int fd = mkstemp(script_path);
  if (fd < 0 || write(fd, kPython, sizeof kPython - 1) != static_cast<ssize_t>(sizeof kPython - 1)) {
    fprintf(stderr, "int_bench: cannot write the CPython script\n");
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

  printf("%-26s %14s %14s %10s\n", "operation", "molt", "cpython 3.12", "speedup");
  for (const Result& r : results) {
    auto fmt = [](double s, char* buf) {
      if (s >= 1e-3) {
        snprintf(buf, 32, "%.2f ms", s * 1e3);
      } else if (s >= 1e-6) {
        snprintf(buf, 32, "%.2f us", s * 1e6);
      } else {
        snprintf(buf, 32, "%.1f ns", s * 1e9);
      }
    };
    char m[32], c[32];
    fmt(r.molt, m);
    fmt(r.cpython, c);
    if (r.cpython > 0) {
      printf("%-26s %14s %14s %9.2fx\n", r.name.c_str(), m, c, r.cpython / r.molt);
    } else {
      printf("%-26s %14s %14s %10s\n", r.name.c_str(), m, "n/a", "n/a");
    }
  }
  return 0;
}
