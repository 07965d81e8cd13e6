// output.h — buffered writers for the process's stdout and stderr.
//
// print() and the traceback printer write through these instead of stdio so
// that buffering matches CPython: stdout is block-buffered when it is not a
// terminal and line-buffered when it is; stderr is flushed after every
// complete report. Everything is flushed at exit.
#pragma once

#include <stddef.h>

namespace molt {

class OutStream {
 public:
  constexpr explicit OutStream(int fd) : fd_(fd), buf_{} {}
  /// Appends bytes; flushes when the buffer fills (or at a newline when
  /// line-buffered). Returns false if the underlying write failed.
  bool write(const char* data, size_t n);
  bool write_cstr(const char* s);
  /// Writes the buffer out. Returns false on a write error.
  bool flush();
  void set_line_buffered(bool on) { line_buffered_ = on; }
  int fd() const { return fd_; }

 private:
  static constexpr size_t kCapacity = 8192;
  int fd_;
  bool line_buffered_ = false;
  size_t len_ = 0;
  char buf_[kCapacity];
};

OutStream& out_stdout();
OutStream& out_stderr();
/// Sets buffering from isatty(); called once at start-up.
void init_output();
/// Flushes both streams (at exit and before fatal errors).
void flush_output();

}  // namespace molt
