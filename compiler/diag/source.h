// source.h — a loaded source file and positions inside it.
//
// Positions follow CPython's `ast` conventions so that diagnostics, the AST
// dump and tracebacks all agree: lines are 1-based, columns are 0-based
// offsets in UTF-8 bytes from the start of the line.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace molt::diag {

/// A point in a source file: 1-based line, 0-based UTF-8 byte column.
struct Loc {
  uint32_t line = 0;
  uint32_t col = 0;
};

/// A half-open span [begin, end) in one source file.
struct Range {
  Loc begin;
  Loc end;
};

/// A source file held in memory. `text` is the raw bytes as read from disk
/// (it may be invalid UTF-8; the lexer reports that).
class SourceFile {
 public:
  SourceFile(std::string path, std::string text);

  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }

  /// Number of lines (a final line without a newline counts).
  uint32_t line_count() const { return static_cast<uint32_t>(line_starts_.size()); }
  /// The text of 1-based `line` without its line terminator; empty if out of
  /// range.
  std::string_view line_text(uint32_t line) const;
  /// Byte offset of the start of 1-based `line`.
  size_t line_offset(uint32_t line) const;
  /// Converts a byte offset into a Loc.
  Loc loc_of(size_t offset) const;

 private:
  std::string path_;
  std::string text_;
  std::vector<size_t> line_starts_;
};

}  // namespace molt::diag
