// diagnostics.h — collecting and rendering compiler diagnostics.
//
// Every stage reports problems through a DiagnosticEngine instead of
// printing. A diagnostic is identified by a DiagId from diagnostics.def and
// carries the source range it is about. Rendering comes in two styles:
//   - compiler style (`molt build`): `file:line:col: error: message`, the
//     source line and a caret under the range;
//   - Python style (`molt run`): CPython's SyntaxError report, so that the
//     output of a program that fails to compile matches CPython's.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "diag/source.h"

namespace molt::diag {

enum class DiagId : uint16_t {
#define MOLT_DIAG(id, severity, cls, msg) id,
#include "diag/diagnostics.def"
#undef MOLT_DIAG
};

enum class Severity : uint8_t { Error, Warning, Note };

/// Which Python exception CPython raises for the same problem, or Compile
/// for Molt-only errors.
enum class DiagClass : uint8_t { SyntaxError, IndentationError, TabError, Compile };

/// Static information about a DiagId.
Severity severity_of(DiagId id);
DiagClass class_of(DiagId id);
std::string_view template_of(DiagId id);
/// The Python exception name for a class ("SyntaxError", ...); "error" for
/// Compile.
std::string_view class_name(DiagClass cls);

/// One reported problem.
struct Diagnostic {
  DiagId id;
  Severity severity;
  DiagClass cls;
  Range range;
  std::string message;  // template with arguments substituted
};

/// Substitutes %0..%9 in `tmpl` with `args`.
std::string format_message(std::string_view tmpl, std::initializer_list<std::string_view> args);

/// Collects the diagnostics of one compilation.
class DiagnosticEngine {
 public:
  /// Reports `id` at `range`, formatting its message with `args`.
  void report(DiagId id, Range range, std::initializer_list<std::string_view> args = {});
  /// Reports with a message computed by the caller (for messages that embed
  /// text whose shape the .def cannot express).
  void report_message(DiagId id, Range range, std::string message);

  bool has_errors() const { return error_count_ > 0; }
  size_t error_count() const { return error_count_; }
  const std::vector<Diagnostic>& all() const { return diags_; }
  /// The first error, or nullptr.
  const Diagnostic* first_error() const;

 private:
  std::vector<Diagnostic> diags_;
  size_t error_count_ = 0;
};

/// `file:line:col: error: message`, then the source line and carets.
/// Columns are printed 1-based, in characters.
std::string render_compiler_style(const SourceFile& file, const Diagnostic& d);

/// CPython's report for a SyntaxError-class diagnostic:
///   File "path", line N
///     <source line, stripped of its indentation>
///     ^^^^
///   SyntaxError: message
std::string render_python_style(const SourceFile& file, const Diagnostic& d);

/// Number of UTF-8 characters in the first `byte_col` bytes of `line`.
uint32_t char_column(std::string_view line, uint32_t byte_col);

}  // namespace molt::diag
