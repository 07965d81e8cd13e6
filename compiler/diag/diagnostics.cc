// diagnostics.cc — diagnostic tables, message formatting and rendering.
#include "diag/diagnostics.h"

namespace molt::diag {

namespace {

struct DiagInfo {
  Severity severity;
  DiagClass cls;
  std::string_view text;
};

constexpr DiagInfo kDiagInfo[] = {
#define MOLT_DIAG(id, severity, cls, msg) {Severity::severity, DiagClass::cls, msg},
#include "diag/diagnostics.def"
#undef MOLT_DIAG
};

const DiagInfo& info(DiagId id) { return kDiagInfo[static_cast<size_t>(id)]; }

}  // namespace

Severity severity_of(DiagId id) { return info(id).severity; }
DiagClass class_of(DiagId id) { return info(id).cls; }
std::string_view template_of(DiagId id) { return info(id).text; }

std::string_view class_name(DiagClass cls) {
  switch (cls) {
    case DiagClass::SyntaxError:
      return "SyntaxError";
    case DiagClass::IndentationError:
      return "IndentationError";
    case DiagClass::TabError:
      return "TabError";
    case DiagClass::Compile:
      return "error";
  }
  return "error";
}

std::string format_message(std::string_view tmpl, std::initializer_list<std::string_view> args) {
  std::string out;
  out.reserve(tmpl.size() + 16);
  for (size_t i = 0; i < tmpl.size(); ++i) {
    char c = tmpl[i];
    if (c == '%' && i + 1 < tmpl.size() && tmpl[i + 1] >= '0' && tmpl[i + 1] <= '9') {
      size_t index = static_cast<size_t>(tmpl[i + 1] - '0');
      if (index < args.size()) out.append(*(args.begin() + index));
      ++i;
      continue;
    }
    out.push_back(c);
  }
  return out;
}

void DiagnosticEngine::report(DiagId id, Range range, std::initializer_list<std::string_view> args) {
  report_message(id, range, format_message(template_of(id), args));
}

void DiagnosticEngine::report_message(DiagId id, Range range, std::string message) {
  Severity severity = severity_of(id);
  if (severity == Severity::Error) ++error_count_;
  diags_.push_back(Diagnostic{id, severity, class_of(id), range, std::move(message)});
}

const Diagnostic* DiagnosticEngine::first_error() const {
  for (const Diagnostic& d : diags_) {
    if (d.severity == Severity::Error) return &d;
  }
  return nullptr;
}

uint32_t char_column(std::string_view line, uint32_t byte_col) {
  uint32_t chars = 0;
  for (uint32_t i = 0; i < byte_col && i < line.size(); ++i) {
    // Count every byte that does not continue a UTF-8 sequence.
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++chars;
  }
  if (byte_col > line.size()) chars += byte_col - static_cast<uint32_t>(line.size());
  return chars;
}

namespace {

std::string_view severity_word(Severity s) {
  switch (s) {
    case Severity::Error:
      return "error";
    case Severity::Warning:
      return "warning";
    case Severity::Note:
      return "note";
  }
  return "error";
}

}  // namespace

std::string render_compiler_style(const SourceFile& file, const Diagnostic& d) {
  std::string out;
  std::string_view line = file.line_text(d.range.begin.line);
  uint32_t col = char_column(line, d.range.begin.col);
  out += file.path();
  if (d.range.begin.line != 0) {
    out += ":" + std::to_string(d.range.begin.line) + ":" + std::to_string(col + 1);
  }
  out += ": ";
  out += severity_word(d.severity);
  out += ": ";
  if (d.cls != DiagClass::Compile && d.cls != DiagClass::SyntaxError) {
    out += class_name(d.cls);
    out += ": ";
  }
  out += d.message;
  out += "\n";
  if (d.range.begin.line == 0 || d.range.begin.line > file.line_count()) return out;
  out += "    ";
  out += line;
  out += "\n    ";
  // Keep tabs so the caret lines up with the source as displayed.
  for (uint32_t i = 0, chars = 0; i < line.size() && chars < col; ++i) {
    unsigned char c = static_cast<unsigned char>(line[i]);
    if ((c & 0xC0) == 0x80) continue;
    out.push_back(c == '\t' ? '\t' : ' ');
    ++chars;
  }
  uint32_t width = 1;
  if (d.range.end.line == d.range.begin.line) {
    uint32_t end_col = char_column(line, d.range.end.col);
    if (end_col > col) width = end_col - col;
  } else if (d.range.end.line > d.range.begin.line) {
    uint32_t line_chars = char_column(line, static_cast<uint32_t>(line.size()));
    if (line_chars > col) width = line_chars - col;
  }
  out.append(width, '^');
  out += "\n";
  return out;
}

std::string render_python_style(const SourceFile& file, const Diagnostic& d) {
  // Mirrors traceback.TracebackException._format_syntax_error in 3.12.
  std::string out;
  out += "  File \"" + file.path() + "\", line " + std::to_string(d.range.begin.line) + "\n";
  std::string_view rtext = file.line_text(d.range.begin.line);
  if (d.range.begin.line != 0 && d.range.begin.line <= file.line_count()) {
    size_t spaces = 0;
    while (spaces < rtext.size() && (rtext[spaces] == ' ' || rtext[spaces] == '\f')) ++spaces;
    std::string_view ltext = rtext.substr(spaces);
    out += "    ";
    out += ltext;
    out += "\n";
    int64_t offset = static_cast<int64_t>(char_column(rtext, d.range.begin.col)) + 1;
    int64_t end_offset = offset;
    if (d.range.end.line == d.range.begin.line) {
      end_offset = static_cast<int64_t>(char_column(rtext, d.range.end.col)) + 1;
    } else if (d.range.end.line > d.range.begin.line) {
      end_offset = static_cast<int64_t>(char_column(rtext, static_cast<uint32_t>(rtext.size()))) + 1;
    }
    if (end_offset <= offset) end_offset = offset + 1;
    int64_t colno = offset - 1 - static_cast<int64_t>(spaces);
    int64_t end_colno = end_offset - 1 - static_cast<int64_t>(spaces);
    if (colno >= 0) {
      out += "    ";
      int64_t chars = 0;
      for (size_t i = 0; i < ltext.size() && chars < colno; ++i) {
        unsigned char c = static_cast<unsigned char>(ltext[i]);
        if ((c & 0xC0) == 0x80) continue;
        out.push_back(c == '\t' || c == '\f' || c == '\v' ? static_cast<char>(c) : ' ');
        ++chars;
      }
      out.append(static_cast<size_t>(end_colno - colno), '^');
      out += "\n";
    }
  }
  out += class_name(d.cls);
  out += ": ";
  out += d.message;
  out += "\n";
  return out;
}

}  // namespace molt::diag
