// str_bench.cc — times Molt's str operations against the same operations in
// CPython 3.12, in one run, and prints a table of ratios (CPython time /
// Molt time: above 1 means Molt is faster).
//
// Usage: str_bench [path/to/python3.12]   (default: $MOLT_CPYTHON or python3.12)
// Build in Release (cmake -DCMAKE_BUILD_TYPE=Release -DMOLT_BENCH=ON); a
// Debug/sanitizer build measures the sanitizers.
//
// Both sides build the same ~10 MB texts from the same pseudo-random word
// sequence (an LCG picking from a fixed word list): an ASCII text and one
// with some Greek words (2-byte kind). Each operation is timed as the best
// of several repetitions; CPython's numbers come from timeit in a child
// process running the embedded script below.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "core/errors.h"
#include "core/format.h"
#include "objects/float.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/str_impl.h"
#include "objects/str_methods.h"

namespace {

using molt::Value;

double now() {
  timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

Value check(Value v) {
  if (molt_is_error(v)) {
    fprintf(stderr, "str_bench: operation raised\n");
    exit(1);
  }
  return v;
}

// Seconds per call of f: best of 5 runs of a loop calibrated to ~100 ms.
template <class F>
double time_op(F f) {
  long n = 1;
  for (;;) {
    double t0 = now();
    for (long i = 0; i < n; ++i) f();
    double dt = now() - t0;
    if (dt > 0.1 || n > (1L << 30)) break;
    n *= dt < 0.01 ? 10 : 2;
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

const char* const kWords[] = {"lorem",      "ipsum",        "dolor",
                              "sit",        "amet",         "consectetur",
                              "adipiscing", "elit",         "sed",
                              "do",         "eiusmod",      "tempor",
                              "incididunt", "ut",           "labore",
                              "et",         "dolore",       "magna",
                              "aliqua",     "enim",         "ad",
                              "minim",      "veniam",       "quis",
                              "nostrud",    "exercitation", "ullamco",
                              "laboris",    "nisi",         "aliquip",
                              "ex",         "ea",           "commodo",
                              "consequat",  "duis",         "aute",
                              "irure",      "in",           "reprehenderit",
                              "voluptate",  "velit",        "esse",
                              "cillum",     "fugiat",       "nulla",
                              "pariatur",   "excepteur",    "sint",
                              "occaecat",   "cupidatat",    "non",
                              "proident",   "sunt",         "culpa",
                              "qui",        "officia",      "deserunt",
                              "mollit",     "anim",         "id",
                              "est",        "laborum",      "the",
                              "and"};
const char* const kGreek[] = {"\xce\xbb\xcf\x8c\xce\xb3\xce\xbf\xcf\x82",
                              "\xce\xa3\xce\xbf\xcf\x86\xce\xaf\xce\xb1"};

/// The benchmark text: words chosen by an LCG, separated by spaces, a
/// newline every 16 words; `greek` replaces every 97th word with a Greek one.
std::string make_text(size_t target, bool greek) {
  std::string s;
  s.reserve(target + 32);
  uint32_t x = 12345;
  size_t k = 0;
  while (s.size() < target) {
    x = x * 1103515245u + 12345u;
    const char* w = kWords[(x >> 16) % 64];
    if (greek && k % 97 == 0) w = kGreek[(x >> 16) & 1];
    s += w;
    s += ++k % 16 == 0 ? '\n' : ' ';
  }
  return s;
}

const char kPython[] = R"PY(
import sys, timeit
WORDS = ["lorem", "ipsum", "dolor", "sit", "amet", "consectetur", "adipiscing", "elit", "sed", "do", "eiusmod",
    "tempor", "incididunt", "ut", "labore", "et", "dolore", "magna", "aliqua", "enim", "ad", "minim",
    "veniam", "quis", "nostrud", "exercitation", "ullamco", "laboris", "nisi", "aliquip", "ex", "ea",
    "commodo", "consequat", "duis", "aute", "irure", "in", "reprehenderit", "voluptate", "velit", "esse",
    "cillum", "fugiat", "nulla", "pariatur", "excepteur", "sint", "occaecat", "cupidatat", "non", "proident",
    "sunt", "culpa", "qui", "officia", "deserunt", "mollit", "anim", "id", "est", "laborum", "the", "and"]
GREEK = ["\u03bb\u03cc\u03b3\u03bf\u03c2", "\u03a3\u03bf\u03c6\u03af\u03b1"]
def make_text(target, greek):
    parts = []; n = 0; x = 12345; k = 0
    while n < target:
        x = (x * 1103515245 + 12345) & 0xFFFFFFFF
        w = WORDS[(x >> 16) % 64]
        if greek and k % 97 == 0: w = GREEK[(x >> 16) & 1]
        k += 1
        w += "\n" if k % 16 == 0 else " "
        parts.append(w); n += len(w.encode())
    return "".join(parts)
s = make_text(10_000_000, False)
g = make_text(10_000_000, True)
words = s.split()
floats = [((i * 2654435761) % 1000003) / 997.0 * (10.0 ** ((i % 40) - 20)) for i in range(1_000_000)]
ops = [
  ("split() 10MB", lambda: s.split()),
  ("split(' ') 10MB", lambda: s.split(' ')),
  ("split('\\n') 10MB", lambda: s.split('\n')),
  ("' '.join(1.6M words)", lambda: ' '.join(words)),
  ("replace 5->5 chars", lambda: s.replace('dolor', 'DOLOR')),
  ("replace 5->7 chars", lambda: s.replace('ipsum', 'IPSUM!!')),
  ("replace ' '->''", lambda: s.replace(' ', '')),
  ("find (absent, 9 chars)", lambda: s.find('zzyzx_abc')),
  ("find (absent, 1 char)", lambda: s.find('#')),
  ("rfind (absent, 9 chars)", lambda: s.rfind('zzyzx_abc')),
  ("count('e')", lambda: s.count('e')),
  ("count('the')", lambda: s.count('the')),
  ("'laborum\\nnisi' in s", lambda: 'laborum\nnisi' in s),
  ("upper() 10MB", lambda: s.upper()),
  ("UCS2 split() 10MB", lambda: g.split()),
  ("UCS2 find (absent)", lambda: g.find('zzyzx_abc')),
  ("UCS2 replace", lambda: g.replace('dolor', 'DOLOR')),
  ("UCS2 count('\u03a3')", lambda: g.count('\u03a3')),
  ("float repr x1M", lambda: list(map(repr, floats))),
  ("format(x, '.3f') x1M", lambda: [format(x, '.3f') for x in floats]),
]
for name, f in ops:
    t = timeit.Timer(f)
    n, _ = t.autorange()
    n = max(1, n // 2)
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

  std::string text = make_text(10000000, false), gtext = make_text(10000000, true);
  Value s = check(str_from_utf8(text.data(), text.size()));
  Value g = check(str_from_utf8(gtext.data(), gtext.size()));
  Value words = check(str_split(s, MOLT_NONE, -1, false));
  auto S = [](const char* t) { return check(str_from_cstr(t)); };
  Value space = S(" "), newline = S("\n"), empty = S(""), dolor = S("dolor"), dolor_up = S("DOLOR");
  Value ipsum = S("ipsum"), ipsum_up = S("IPSUM!!"), absent = S("zzyzx_abc"), hash = S("#"), e = S("e");
  Value the = S("the"), laborum = S("laborum\nnisi"), sigma = S("\xce\xa3"), spec = S(".3f");
  std::vector<double> floats(1000000);
  for (size_t i = 0; i < floats.size(); ++i) {
    double p = 1.0;
    int e10 = static_cast<int>(i % 40) - 20;
    // 10.0 ** e10 exactly as Python computes it (correctly rounded pow for
    // integral exponents in this range).
    p = strtod(("1e" + std::to_string(e10)).c_str(), nullptr);
    floats[i] = static_cast<double>((i * 2654435761ull) % 1000003ull) / 997.0 * p;
  }

  auto consume = [](Value v) { decref(check(v)); };
  auto find = [](Value h, Value n, bool rev) { return str_find_sub(h, n, 0, str_length(h), rev); };
  auto count = [](Value h, Value n) {
    const Value args[] = {n};
    return check(str_method_count(h, args, 1, MOLT_NONE));
  };
  Result results[] = {
      {"split() 10MB", time_op([&] { consume(str_split(s, MOLT_NONE, -1, false)); }), 0},
      {"split(' ') 10MB", time_op([&] { consume(str_split(s, space, -1, false)); }), 0},
      {"split('\\n') 10MB", time_op([&] { consume(str_split(s, newline, -1, false)); }), 0},
      {"' '.join(1.6M words)", time_op([&] { consume(str_join(space, words)); }), 0},
      {"replace 5->5 chars", time_op([&] { consume(str_replace(s, dolor, dolor_up, -1)); }), 0},
      {"replace 5->7 chars", time_op([&] { consume(str_replace(s, ipsum, ipsum_up, -1)); }), 0},
      {"replace ' '->''", time_op([&] { consume(str_replace(s, space, empty, -1)); }), 0},
      {"find (absent, 9 chars)", time_op([&] { (void)find(s, absent, false); }), 0},
      {"find (absent, 1 char)", time_op([&] { (void)find(s, hash, false); }), 0},
      {"rfind (absent, 9 chars)", time_op([&] { (void)find(s, absent, true); }), 0},
      {"count('e')", time_op([&] { (void)count(s, e); }), 0},
      {"count('the')", time_op([&] { (void)count(s, the); }), 0},
      {"'laborum\\nnisi' in s", time_op([&] { (void)str_contains(s, laborum); }), 0},
      {"upper() 10MB", time_op([&] { consume(str_upper(s)); }), 0},
      {"UCS2 split() 10MB", time_op([&] { consume(str_split(g, MOLT_NONE, -1, false)); }), 0},
      {"UCS2 find (absent)", time_op([&] { (void)find(g, absent, false); }), 0},
      {"UCS2 replace", time_op([&] { consume(str_replace(g, dolor, dolor_up, -1)); }), 0},
      {"UCS2 count('\xce\xa3')", time_op([&] { (void)count(g, sigma); }), 0},
      {"float repr x1M", time_op([&] {
         Value l = check(list_new(static_cast<int64_t>(floats.size())));
         for (double x : floats) {
           Value r = check(float_repr(molt_from_double(x)));
           list_append(l, r);
           decref(r);
         }
         decref(l);
       }),
       0},
      {"format(x, '.3f') x1M", time_op([&] {
         Value l = check(list_new(static_cast<int64_t>(floats.size())));
         for (double x : floats) {
           Value r = check(format_value(molt_from_double(x), spec));
           list_append(l, r);
           decref(r);
         }
         decref(l);
       }),
       0},
  };

  char script_path[] = "/tmp/molt_str_benchXXXXXX";
  int fd = mkstemp(script_path);
  if (fd < 0 || write(fd, kPython, sizeof kPython - 1) != static_cast<ssize_t>(sizeof kPython - 1)) {
    fprintf(stderr, "str_bench: cannot write the CPython script\n");
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
    auto fmt = [](double sec, char* buf) {
      if (sec >= 1e-3) {
        snprintf(buf, 32, "%.2f ms", sec * 1e3);
      } else if (sec >= 1e-6) {
        snprintf(buf, 32, "%.2f us", sec * 1e6);
      } else {
        snprintf(buf, 32, "%.1f ns", sec * 1e9);
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
