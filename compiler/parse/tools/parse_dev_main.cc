// parse_dev_main.cc — molt-parse-dev, the front end's development driver.
//
//   molt-parse-dev [--no-attributes] FILE     print ast.dump(..., include_attributes=True)
//   molt-parse-dev --tokens FILE              print the tokens (python -m tokenize style)
//   molt-parse-dev --check FILE               also run check_semantic_syntax
//   molt-parse-dev --batch [--no-attributes] [--check]
//                                             read file names from stdin; for each
//                                             print "#FILE <name>" then either "#OK",
//                                             the dump and "#END", or
//                                             "#ERROR <class>\t<line>\t<offset>\t<message>"
//   molt-parse-dev --bench [--repeat=N] [FILE...]
//                                             parse every file (names from stdin
//                                             if none given), print the best time
//
// Errors print as `file:line:col: error: message` with the source line and a
// caret, and exit 1.
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "diag/diagnostics.h"
#include "diag/source.h"
#include "lex/lexer.h"
#include "parse/ast.h"
#include "parse/dump.h"
#include "parse/parser.h"

namespace {

bool read_file(const std::string& path, std::string* out) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return false;
  std::stringstream ss;
  ss << f.rdbuf();
  *out = ss.str();
  return true;
}

int run_batch(bool attrs, bool check) {
  std::string path;
  std::string out;
  while (std::getline(std::cin, path)) {
    if (path.empty()) continue;
    std::string text;
    out.clear();
    out += "#FILE " + path + "\n";
    if (!read_file(path, &text)) {
      out += "#ERROR OSError\t0\t0\tcannot read file\n";
      std::fwrite(out.data(), 1, out.size(), stdout);
      continue;
    }
    molt::diag::SourceFile file(path, std::move(text));
    molt::ast::AstContext ctx;
    molt::diag::DiagnosticEngine diags;
    molt::ast::ModuleNode* m = molt::parse::parse_module(file, ctx, diags);
    if (m && check && !molt::parse::check_semantic_syntax(m, diags)) m = nullptr;
    if (m) {
      out += "#OK\n";
      out += molt::parse::dump(m, attrs);
      out += "\n#END\n";
    } else {
      const molt::diag::Diagnostic* d = diags.first_error();
      std::string_view line = file.line_text(d->range.begin.line);
      uint32_t offset = molt::diag::char_column(line, d->range.begin.col) + 1;
      out += "#ERROR ";
      out += molt::diag::class_name(d->cls);
      out += "\t" + std::to_string(d->range.begin.line) + "\t" + std::to_string(offset) + "\t" + d->message +
             "\n";
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    std::fflush(stdout);
  }
  return 0;
}

// Parses every file `repeat` times (files read up front, so only parsing is
// timed) and prints the best total time of the repeats. File names come from
// the arguments, or from stdin when there are none.
int run_bench(int argc, char** argv, int first, int repeat) {
  std::vector<std::string> paths;
  for (int i = first; i < argc; ++i) paths.push_back(argv[i]);
  if (paths.empty()) {
    std::string path;
    while (std::getline(std::cin, path)) {
      if (!path.empty()) paths.push_back(path);
    }
  }
  std::vector<molt::diag::SourceFile> files;
  size_t lines = 0;
  for (const std::string& p : paths) {
    std::string text;
    if (!read_file(p, &text)) continue;
    for (char c : text) lines += c == '\n';
    files.emplace_back(p, std::move(text));
  }
  double best = 1e300;
  size_t failed = 0;
  for (int r = 0; r < repeat; ++r) {
    failed = 0;
    auto t0 = std::chrono::steady_clock::now();
    for (const molt::diag::SourceFile& file : files) {
      molt::ast::AstContext ctx;
      molt::diag::DiagnosticEngine diags;
      if (!molt::parse::parse_module(file, ctx, diags)) ++failed;
    }
    auto t1 = std::chrono::steady_clock::now();
    double s = std::chrono::duration<double>(t1 - t0).count();
    if (s < best) best = s;
  }
  std::printf("files=%zu failed=%zu lines=%zu seconds=%.6f\n", files.size(), failed, lines, best);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  bool attrs = true, tokens = false, check = false, batch = false;
  int i = 1;
  for (; i < argc && argv[i][0] == '-' && argv[i][1] == '-'; ++i) {
    std::string opt = argv[i];
    if (opt == "--no-attributes") {
      attrs = false;
    } else if (opt == "--tokens") {
      tokens = true;
    } else if (opt == "--check") {
      check = true;
    } else if (opt == "--batch") {
      batch = true;
    } else if (opt == "--bench") {
      int repeat = 1;
      if (i + 1 < argc && std::strncmp(argv[i + 1], "--repeat=", 9) == 0) repeat = std::atoi(argv[++i] + 9);
      return run_bench(argc, argv, i + 1, repeat < 1 ? 1 : repeat);
    } else {
      std::fprintf(stderr, "molt-parse-dev: unknown option %s\n", argv[i]);
      return 2;
    }
  }
  if (batch) return run_batch(attrs, check);
  if (i >= argc) {
    std::fprintf(stderr, "usage: molt-parse-dev [--no-attributes|--tokens|--check|--batch] FILE\n");
    return 2;
  }
  std::string text;
  if (!read_file(argv[i], &text)) {
    std::fprintf(stderr, "molt-parse-dev: cannot read %s\n", argv[i]);
    return 2;
  }
  molt::diag::SourceFile file(argv[i], std::move(text));
  molt::diag::DiagnosticEngine diags;
  if (tokens) {
    std::vector<molt::lex::Token> toks;
    bool ok = molt::lex::tokenize(file, toks, diags);
    std::string out = molt::lex::dump_tokens(file, toks);
    std::fwrite(out.data(), 1, out.size(), stdout);
    if (!ok) {
      std::string err = molt::diag::render_compiler_style(file, *diags.first_error());
      std::fwrite(err.data(), 1, err.size(), stderr);
      return 1;
    }
    return 0;
  }
  molt::ast::AstContext ctx;
  molt::ast::ModuleNode* m = molt::parse::parse_module(file, ctx, diags);
  if (m && check) molt::parse::check_semantic_syntax(m, diags);
  if (!m || diags.has_errors()) {
    std::string err = molt::diag::render_compiler_style(file, *diags.first_error());
    std::fwrite(err.data(), 1, err.size(), stderr);
    return 1;
  }
  std::string out = molt::parse::dump(m, attrs);
  out += '\n';
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}
