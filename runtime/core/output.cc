// output.cc — buffered stdout/stderr writers over write(2).
#include "core/output.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

namespace molt {

namespace {
OutStream g_stdout(1);
OutStream g_stderr(2);
}  // namespace

OutStream& out_stdout() { return g_stdout; }
OutStream& out_stderr() { return g_stderr; }

void init_output() {
  g_stdout.set_line_buffered(isatty(1) == 1);
  g_stderr.set_line_buffered(true);
}

void flush_output() {
  g_stdout.flush();
  g_stderr.flush();
}

bool OutStream::flush() {
  size_t done = 0;
  while (done < len_) {
    ssize_t n = ::write(fd_, buf_ + done, len_ - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      len_ = 0;
      return false;
    }
    done += static_cast<size_t>(n);
  }
  len_ = 0;
  return true;
}

bool OutStream::write(const char* data, size_t n) {
  bool ok = true;
  if (n >= kCapacity) {
    ok = flush();
    size_t done = 0;
    while (done < n) {
      ssize_t w = ::write(fd_, data + done, n - done);
      if (w < 0) {
        if (errno == EINTR) continue;
        return false;
      }
      done += static_cast<size_t>(w);
    }
    return ok;
  }
  if (len_ + n > kCapacity) ok = flush();
  memcpy(buf_ + len_, data, n);
  len_ += n;
  if (line_buffered_ && memchr(data, '\n', n) != nullptr) ok = flush() && ok;
  return ok;
}

bool OutStream::write_cstr(const char* s) { return write(s, strlen(s)); }

}  // namespace molt
