// traceback.cc — traceback entries and CPython-format exception reports.
#include "exc/traceback.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/abstract.h"
#include "core/errors.h"
#include "core/output.h"
#include "exc/exceptions.h"
#include "exc/suggestions.h"
#include "objects/class.h"
#include "objects/str.h"

namespace molt {

namespace {

void traceback_dealloc(Object* o) {
  TracebackObject* tb = reinterpret_cast<TracebackObject*>(o);
  // Release the chain iteratively: a RecursionError traceback has ~1000
  // entries and recursive deallocation would be as deep.
  Value next = tb->next;
  free_object(o);
  while (molt_is_ptr(next)) {
    Object* n = as_object(next);
    if (--n->refcount != 0) break;
    TracebackObject* t = reinterpret_cast<TracebackObject*>(n);
    next = t->next;
    free_object(n);
  }
}

}  // namespace

Type traceback_type = {
    .ob = {kImmortalRefcount, &type_type},
    .name = "traceback",
    .base = &object_type,
    .flags = 0,
    .basic_size = sizeof(TracebackObject),
    .dealloc = traceback_dealloc,
};

bool traceback_add(Value exc, const MoltCodeInfo* code, int32_t line) {
  if (!is_exception(exc)) return true;
  Object* o = alloc_object(&traceback_type, sizeof(TracebackObject));
  if (o == nullptr) return false;
  TracebackObject* tb = reinterpret_cast<TracebackObject*>(o);
  ExceptionObject* e = as_exception(exc);
  tb->next = e->traceback;  // ownership moves into the new entry
  tb->code = code;
  tb->line = line;
  e->traceback = from_object(o);
  return true;
}

namespace {

/// Reads line `lineno` of `path` (without surrounding whitespace) into buf.
/// Returns false if the file or line cannot be read.
bool read_source_line(const char* path, int32_t lineno, char* buf, size_t cap) {
  int fd = open(path, O_RDONLY);
  if (fd < 0) return false;
  char chunk[4096];
  int32_t line = 1;
  size_t len = 0;
  bool found = false, done = false;
  while (!done) {
    ssize_t n = read(fd, chunk, sizeof chunk);
    if (n <= 0) break;
    for (ssize_t i = 0; i < n; ++i) {
      char c = chunk[i];
      if (c == '\n') {
        if (line == lineno) {
          found = true;
          done = true;
          break;
        }
        ++line;
        continue;
      }
      if (line == lineno && len + 1 < cap) buf[len++] = c;
    }
  }
  close(fd);
  if (!found && line == lineno && len > 0) found = true;
  if (!found) return false;
  buf[len] = '\0';
  // Strip like CPython's `line.strip()`.
  size_t start = 0;
  while (start < len && (buf[start] == ' ' || buf[start] == '\t' || buf[start] == '\f' || buf[start] == '\r'))
    ++start;
  while (len > start && (buf[len - 1] == ' ' || buf[len - 1] == '\t' || buf[len - 1] == '\r')) --len;
  memmove(buf, buf + start, len - start);
  buf[len - start] = '\0';
  return true;
}

void print_entry(OutStream& err, const TracebackObject* tb) {
  char header[512];
  snprintf(header, sizeof header, "  File \"%s\", line %d, in %s\n", tb->code->filename, tb->line, tb->code->name);
  err.write_cstr(header);
  char line[1024];
  if (read_source_line(tb->code->filename, tb->line, line, sizeof line) && line[0] != '\0') {
    err.write("    ", 4);
    err.write_cstr(line);
    err.write("\n", 1);
  }
}

bool same_entry(const TracebackObject* a, const TracebackObject* b) {
  return a->line == b->line && a->code == b->code;
}

/// Writes "Type: message" (or just "Type" for an empty message).
void print_exception_line(OutStream& err, Value exc) {
  Type* t = type_of(exc);
  if (is_heap_type(t)) {
    // Classes show their qualified name, prefixed by their module unless it
    // is __main__ or builtins (CPython's print_exception).
    HeapType* ht = as_heap_type(t);
    size_t n = 0;
    const char* module = str_utf8(ht->module, &n);
    if (module != nullptr && strcmp(module, "__main__") != 0 && strcmp(module, "builtins") != 0) {
      err.write(module, n);
      err.write(".", 1);
    }
    const char* qualname = str_utf8(ht->qualname, &n);
    if (qualname != nullptr) err.write(qualname, n);
  } else {
    err.write_cstr(t->name);
  }
  Value s = object_str(exc);
  if (molt_is_error(s)) {
    clear_error();
    err.write(": <exception str() failed>\n", 28);
    return;
  }
  size_t n = 0;
  const char* text = str_utf8(s, &n);
  if (text == nullptr) {
    clear_error();
  } else if (n > 0) {
    err.write(": ", 2);
    err.write(text, n);
  }
  decref(s);
  // NameError: CPython's hint, computed from the innermost frame.
  if (is_subtype(t, &exc::NameError) && is_str(as_exception(exc)->name)) {
    const MoltCodeInfo* code = nullptr;
    for (Value v = as_exception(exc)->traceback; molt_is_ptr(v);) {
      const TracebackObject* tb = reinterpret_cast<const TracebackObject*>(as_object(v));
      code = tb->code;
      v = tb->next;
    }
    size_t len = 0;
    const char* name = str_utf8(as_exception(exc)->name, &len);
    if (name != nullptr) write_name_error_hint(err, name, code);
  }
  err.write("\n", 1);
}


/// One exception of a chain: traceback and final line.
void print_one(OutStream& err, Value exc) {
  if (is_exception(exc) && molt_is_ptr(as_exception(exc)->traceback)) {
    err.write_cstr("Traceback (most recent call last):\n");
    // CPython collapses runs of more than three identical entries into
    // "[Previous line repeated N more times]".
    const TracebackObject* prev = nullptr;
    int64_t repeat = 0;
    for (Value v = as_exception(exc)->traceback; molt_is_ptr(v);) {
      const TracebackObject* tb = reinterpret_cast<const TracebackObject*>(as_object(v));
      if (prev != nullptr && same_entry(prev, tb)) {
        ++repeat;
      } else {
        if (repeat > 3) {
          char msg[96];
          snprintf(msg, sizeof msg, "  [Previous line repeated %lld more time%s]\n",
                   static_cast<long long>(repeat - 3), repeat - 3 > 1 ? "s" : "");
          err.write_cstr(msg);
        }
        repeat = 1;
      }
      if (repeat <= 3) print_entry(err, tb);
      prev = tb;
      v = tb->next;
    }
    if (repeat > 3) {
      char msg[96];
      snprintf(msg, sizeof msg, "  [Previous line repeated %lld more time%s]\n", static_cast<long long>(repeat - 3),
               repeat - 3 > 1 ? "s" : "");
      err.write_cstr(msg);
    }
  }
  print_exception_line(err, exc);
}

}  // namespace

void print_exception(Value exc) {
  out_stdout().flush();
  OutStream& err = out_stderr();
  // Walk the chain from the newest exception back through __cause__ /
  // __context__ (as CPython's default hook does, stopping at repeats), then
  // print oldest first with the separator that explains each link.
  constexpr int kMaxChain = 256;
  Value chain[kMaxChain];
  const char* links[kMaxChain];
  int n = 0;
  Value cur = exc;
  while (n < kMaxChain) {
    chain[n] = cur;
    links[n] = nullptr;
    ++n;
    if (!is_exception(cur)) break;
    ExceptionObject* e = as_exception(cur);
    Value next = MOLT_NONE;
    if (e->cause != MOLT_NONE) {
      next = e->cause;
      links[n - 1] = "\nThe above exception was the direct cause of the following exception:\n\n";
    } else if (e->context != MOLT_NONE && !e->suppress_context) {
      next = e->context;
      links[n - 1] = "\nDuring handling of the above exception, another exception occurred:\n\n";
    }
    bool seen = false;
    for (int k = 0; k < n; ++k) seen |= chain[k] == next;
    if (next == MOLT_NONE || seen) {
      links[n - 1] = nullptr;
      break;
    }
    cur = next;
  }
  for (int k = n - 1; k >= 0; --k) {
    print_one(err, chain[k]);
    if (k > 0 && links[k - 1] != nullptr) err.write_cstr(links[k - 1]);
  }
  err.flush();
}

}  // namespace molt
