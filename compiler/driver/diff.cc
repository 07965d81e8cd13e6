// diff.cc — `molt diff`: runs programs under Molt and under CPython 3.12
// (PYTHONHASHSEED=0) and compares stdout, the exit status, and the final
// line of stderr when the program fails. This is also the engine of the
// differential run tests (tests/run), driven by ctest.
//
// Per-file settings come from comment lines at the top of the file:
//   # molt-args: a b c        program arguments (split on spaces)
//   # molt-stdin: text\n      data fed to stdin (\n and \\ escapes)
#include <dirent.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <map>
#include <mutex>
#include <thread>

#include "driver/commands.h"
#include "driver/text_diff.h"
#include "driver/toolchain.h"
#include "support/fs.h"
#include "support/process.h"

namespace molt::driver {

namespace {

const char kDiffHelp[] =
    "usage: molt diff [options] FILE|DIR...\n"
    "\n"
    "Compile and run each Python file under Molt, run it under CPython 3.12\n"
    "(PYTHONHASHSEED=0), and compare stdout, the exit status, and the last\n"
    "line of stderr when the exit status is not 0. Directories are searched\n"
    "recursively for .py files.\n"
    "\n"
    "options:\n"
    "  --target native|wasm     where Molt runs the programs (default native)\n"
    "  -j N, --jobs N           run N files at a time (default: number of CPUs)\n"
    "  --json                   print results as JSON instead of a table\n"
    "  --known-failures FILE    expected failures: lines of `TARGET PATH REASON`\n"
    "                           (TARGET is native, wasm or all); listed files that\n"
    "                           fail are XFAIL, listed files that pass are XPASS\n"
    "  --cpython PATH           the reference interpreter (default: found as\n"
    "                           `molt doctor` reports)\n"
    "  --timeout SECONDS        per program run (default 120)\n"
    "  -q, --quiet              print only failures and the summary\n"
    "  -h, --help               show this help\n"
    "\n"
    "Exit status: 0 if every file passes (or is an expected failure), 1 otherwise.\n";

enum class Status { Pass, Fail, CompileError, XFail, XPass, Error };

const char* status_name(Status s) {
  switch (s) {
    case Status::Pass: return "PASS";
    case Status::Fail: return "FAIL";
    case Status::CompileError: return "COMPILE-ERROR";
    case Status::XFail: return "XFAIL";
    case Status::XPass: return "XPASS";
    case Status::Error: return "ERROR";
  }
  return "?";
}

struct Case {
  std::string path;
  std::vector<std::string> args;
  std::string stdin_data;
  // Results.
  Status status = Status::Error;
  std::string detail;  // diff or explanation
  int molt_exit = -1, cpython_exit = -1;
  std::string known_reason;
};

void collect(const std::string& path, std::vector<std::string>& out) {
  if (!support::is_directory(path)) {
    out.push_back(path);
    return;
  }
  DIR* d = opendir(path.c_str());
  if (d == nullptr) return;
  std::vector<std::string> names;
  while (dirent* e = readdir(d)) {
    std::string name = e->d_name;
    if (name == "." || name == ".." || name == "__pycache__") continue;
    names.push_back(name);
  }
  closedir(d);
  std::sort(names.begin(), names.end());
  for (const std::string& name : names) {
    std::string child = path + "/" + name;
    if (support::is_directory(child)) {
      collect(child, out);
    } else if (name.size() > 3 && name.compare(name.size() - 3, 3, ".py") == 0) {
      out.push_back(child);
    }
  }
}

std::string unescape(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) {
      char c = s[++i];
      out += c == 'n' ? '\n' : c == 't' ? '\t' : c;
    } else {
      out += s[i];
    }
  }
  return out;
}

void read_header(Case& c) {
  std::string text, error;
  if (!support::read_file(c.path, &text, &error)) return;
  size_t pos = 0;
  while (pos < text.size() && text[pos] == '#') {
    size_t nl = text.find('\n', pos);
    std::string line = text.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
    const std::string args_tag = "# molt-args:", stdin_tag = "# molt-stdin:";
    if (line.rfind(args_tag, 0) == 0) {
      std::string rest = line.substr(args_tag.size());
      size_t i = 0;
      while (i < rest.size()) {
        while (i < rest.size() && rest[i] == ' ') ++i;
        size_t j = i;
        while (j < rest.size() && rest[j] != ' ') ++j;
        if (j > i) c.args.push_back(rest.substr(i, j - i));
        i = j;
      }
    } else if (line.rfind(stdin_tag, 0) == 0) {
      std::string rest = line.substr(stdin_tag.size());
      if (!rest.empty() && rest[0] == ' ') rest = rest.substr(1);
      c.stdin_data += unescape(rest);
    }
    if (nl == std::string::npos) break;
    pos = nl + 1;
  }
}

std::string last_line(const std::string& s) {
  size_t end = s.size();
  while (end > 0 && (s[end - 1] == '\n' || s[end - 1] == '\r')) --end;
  size_t start = s.rfind('\n', end == 0 ? 0 : end - 1);
  start = start == std::string::npos ? 0 : start + 1;
  return s.substr(start, end - start);
}

/// A Molt compile error (as opposed to a CPython-style SyntaxError, which
/// CPython reports too): "file:line:col: error: ..." or "molt: error: ...".
bool is_molt_compile_error(const std::string& err) {
  std::string line = last_line(err);
  if (line.rfind("molt", 0) == 0 && line.find("error:") != std::string::npos) return true;
  size_t e = line.find(": error: ");
  return e != std::string::npos && line.find(".py:") != std::string::npos && line.find(".py:") < e;
}

std::string json_escape(const std::string& s) {
  std::string out;
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += ch;
        }
    }
  }
  return out;
}

struct Settings {
  bool wasm = false;
  std::string cpython;
  int timeout = 120;
  std::map<std::string, std::string> known;  // path -> reason
};

void run_case(Case& c, const Settings& s) {
  support::ProcessOptions po;
  po.capture_stdout = true;
  po.capture_stderr = true;
  po.stdin_data = c.stdin_data;
  po.timeout_seconds = s.timeout;
  std::vector<std::string> molt_argv{support::executable_path(), "run", "--target", s.wasm ? "wasm" : "native",
                                     c.path};
  molt_argv.insert(molt_argv.end(), c.args.begin(), c.args.end());
  support::ProcessResult m = support::run_process(molt_argv, po);
  support::ProcessOptions cpo = po;
  cpo.env = {"PYTHONHASHSEED=0", "PYTHONDONTWRITEBYTECODE=1"};
  std::vector<std::string> py_argv{s.cpython, c.path};
  py_argv.insert(py_argv.end(), c.args.begin(), c.args.end());
  support::ProcessResult p = support::run_process(py_argv, cpo);
  c.molt_exit = m.exit_code;
  c.cpython_exit = p.exit_code;
  if (!m.started || !p.started) {
    c.status = Status::Error;
    c.detail = !m.started ? m.error : p.error;
  } else if (m.timed_out || p.timed_out) {
    c.status = Status::Error;
    c.detail = std::string(m.timed_out ? "molt" : "CPython") + " run timed out after " + std::to_string(s.timeout) +
               "s";
  } else if (m.exit_code != 0 && m.out.empty() && is_molt_compile_error(m.err)) {
    c.status = Status::CompileError;
    c.detail = m.err;
  } else {
    std::string problems;
    if (m.out != p.out) problems += unified_diff(p.out, m.out, "cpython/stdout", "molt/stdout");
    if (m.exit_code != p.exit_code) {
      problems += "exit status: cpython " + std::to_string(p.exit_code) + ", molt " + std::to_string(m.exit_code) + "\n";
    }
    if (p.exit_code != 0 && last_line(m.err) != last_line(p.err)) {
      problems += "last line of stderr:\n  cpython: " + last_line(p.err) + "\n  molt:    " + last_line(m.err) + "\n";
    }
    c.status = problems.empty() ? Status::Pass : Status::Fail;
    c.detail = problems;
    if (c.status == Status::Fail && !m.err.empty() && p.exit_code == 0) c.detail += "molt stderr:\n" + m.err;
  }
  auto known = s.known.find(c.path);
  if (known != s.known.end()) {
    c.known_reason = known->second;
    if (c.status == Status::Pass) {
      c.status = Status::XPass;
      c.detail = "listed as a known failure (" + known->second + ") but passes: remove it from the list";
    } else if (c.status != Status::Error) {
      c.status = Status::XFail;
    }
  }
}

bool load_known_failures(const std::string& file, bool wasm, std::map<std::string, std::string>& out,
                         std::string* error) {
  std::string text;
  if (!support::read_file(file, &text, error)) return false;
  std::string base = support::dir_name(file);
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    std::string line = text.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
    pos = nl == std::string::npos ? text.size() : nl + 1;
    if (line.empty() || line[0] == '#') continue;
    size_t a = line.find(' ');
    if (a == std::string::npos) continue;
    std::string target = line.substr(0, a);
    size_t b = line.find(' ', a + 1);
    std::string path = line.substr(a + 1, b == std::string::npos ? std::string::npos : b - a - 1);
    std::string reason = b == std::string::npos ? "" : line.substr(b + 1);
    if (target == "all" || (target == "wasm") == wasm) out[base + "/" + path] = reason;
  }
  return true;
}

}  // namespace

int cmd_diff(const Args& args) {
  Settings settings;
  int jobs = static_cast<int>(std::thread::hardware_concurrency());
  if (jobs <= 0) jobs = 2;
  bool json = false, quiet = false;
  std::string known_file;
  std::vector<std::string> inputs;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](const std::string& flag) -> std::string {
      if (a.rfind(flag + "=", 0) == 0) return a.substr(flag.size() + 1);
      if (i + 1 < args.size()) return args[++i];
      return "";
    };
    if (a == "-h" || a == "--help") {
      fputs(kDiffHelp, stdout);
      return 0;
    } else if (a == "--target" || a.rfind("--target=", 0) == 0) {
      std::string t = value("--target");
      if (t != "native" && t != "wasm") return usage_error("diff", "unknown target '" + t + "'");
      settings.wasm = t == "wasm";
    } else if (a == "-j" || a == "--jobs" || a.rfind("--jobs=", 0) == 0) {
      std::string n = value(a == "-j" ? "-j" : "--jobs");
      jobs = atoi(n.c_str());
      if (jobs <= 0) return usage_error("diff", "--jobs needs a positive number");
    } else if (a == "--json") {
      json = true;
    } else if (a == "-q" || a == "--quiet") {
      quiet = true;
    } else if (a == "--known-failures" || a.rfind("--known-failures=", 0) == 0) {
      known_file = value("--known-failures");
    } else if (a == "--cpython" || a.rfind("--cpython=", 0) == 0) {
      settings.cpython = value("--cpython");
    } else if (a == "--timeout" || a.rfind("--timeout=", 0) == 0) {
      settings.timeout = atoi(value("--timeout").c_str());
    } else if (a.size() > 1 && a[0] == '-') {
      return usage_error("diff", "unknown option '" + a + "'");
    } else {
      inputs.push_back(a);
    }
  }
  if (inputs.empty()) return usage_error("diff", "missing FILE or DIR");
  if (settings.cpython.empty()) settings.cpython = find_cpython();
  if (settings.cpython.empty()) {
    fprintf(stderr,
            "molt diff: error: CPython 3.12 not found; set MOLT_CPYTHON or install python3.12 (see `molt doctor`)\n");
    return 1;
  }
  if (settings.wasm && find_node().empty()) {
    fprintf(stderr, "molt diff: error: Node.js (node) is needed for --target wasm\n");
    return 1;
  }
  if (!known_file.empty()) {
    std::string error;
    if (!load_known_failures(known_file, settings.wasm, settings.known, &error)) {
      fprintf(stderr, "molt diff: error: cannot read %s: %s\n", known_file.c_str(), error.c_str());
      return 1;
    }
  }
  std::vector<std::string> files;
  for (const std::string& in : inputs) {
    if (!support::file_exists(in)) {
      fprintf(stderr, "molt diff: error: cannot open '%s': No such file or directory\n", in.c_str());
      return 1;
    }
    collect(in, files);
  }
  std::vector<Case> cases(files.size());
  for (size_t k = 0; k < files.size(); ++k) {
    cases[k].path = files[k];
    read_header(cases[k]);
  }

  std::atomic<size_t> next{0}, done{0};
  std::mutex mu;
  bool tty = isatty(2);
  auto worker = [&] {
    while (true) {
      size_t k = next++;
      if (k >= cases.size()) return;
      run_case(cases[k], settings);
      size_t n = ++done;
      if (tty && !json) {
        std::lock_guard<std::mutex> lock(mu);
        fprintf(stderr, "\r\033[K[%zu/%zu] %s", n, cases.size(), cases[k].path.c_str());
        fflush(stderr);
      }
    }
  };
  std::vector<std::thread> threads;
  for (int t = 0; t < jobs && t < static_cast<int>(cases.size()); ++t) threads.emplace_back(worker);
  for (std::thread& t : threads) t.join();
  if (tty && !json) fprintf(stderr, "\r\033[K");

  std::map<Status, int> counts;
  for (const Case& c : cases) counts[c.status]++;
  bool ok = counts[Status::Fail] == 0 && counts[Status::CompileError] == 0 && counts[Status::XPass] == 0 &&
            counts[Status::Error] == 0;
  if (json) {
    printf("{\"target\": \"%s\", \"results\": [", settings.wasm ? "wasm" : "native");
    for (size_t k = 0; k < cases.size(); ++k) {
      const Case& c = cases[k];
      printf("%s\n  {\"file\": \"%s\", \"status\": \"%s\", \"molt_exit\": %d, \"cpython_exit\": %d, \"detail\": \"%s\"}",
             k ? "," : "", json_escape(c.path).c_str(), status_name(c.status), c.molt_exit, c.cpython_exit,
             json_escape(c.detail).c_str());
    }
    printf("\n], \"passed\": %s}\n", ok ? "true" : "false");
    return ok ? 0 : 1;
  }
  for (const Case& c : cases) {
    bool bad = c.status != Status::Pass && c.status != Status::XFail;
    if (quiet && !bad) continue;
    printf("%-13s %s%s\n", status_name(c.status), c.path.c_str(),
           c.status == Status::XFail ? ("  (" + c.known_reason + ")").c_str() : "");
    if (bad && !c.detail.empty()) {
      std::string indented;
      size_t start = 0;
      while (start < c.detail.size()) {
        size_t nl = c.detail.find('\n', start);
        indented += "    " + c.detail.substr(start, nl == std::string::npos ? std::string::npos : nl - start) + "\n";
        if (nl == std::string::npos) break;
        start = nl + 1;
      }
      fputs(indented.c_str(), stdout);
    }
  }
  printf("\n%zu files (%s): %d passed, %d failed, %d compile errors, %d expected failures, %d unexpected passes, %d errors\n",
         cases.size(), settings.wasm ? "wasm" : "native", counts[Status::Pass], counts[Status::Fail],
         counts[Status::CompileError], counts[Status::XFail], counts[Status::XPass], counts[Status::Error]);
  return ok ? 0 : 1;
}

}  // namespace molt::driver
