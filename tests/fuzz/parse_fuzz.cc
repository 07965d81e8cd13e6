// parse_fuzz.cc — libFuzzer target for the front end: tokenizer (with the
// extra tokens of `--emit=tokens`), parser, dump and the semantic syntax
// check. Any input must be handled without a crash, a hang, a sanitizer
// report or an unbounded recursion; a rejected input must produce exactly
// one diagnostic.
//
// Build: ninja -C <build> molt-parse-fuzz   (clang-19, not built by default)
// Run:   mkdir -p tests/fuzz/corpus-parse
//        <build>/bin/molt-parse-fuzz -max_len=4096 -timeout=10 tests/fuzz/corpus-parse tests lib examples
// The first directory collects the corpus (git-ignored); the others seed it
// with the project's own .py files (read recursively).
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "diag/diagnostics.h"
#include "diag/source.h"
#include "lex/lexer.h"
#include "parse/ast.h"
#include "parse/dump.h"
#include "parse/parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 1 << 20) return 0;
  std::string text(reinterpret_cast<const char*>(data), size);
  molt::diag::SourceFile file("fuzz.py", text);
  {
    molt::lex::TokenStream tokens;
    molt::diag::DiagnosticEngine diags;
    bool ok = molt::lex::tokenize(file, tokens, diags);
    std::string dumped = molt::lex::dump_tokens(file, tokens.tokens);
    if (!ok && diags.error_count() != 1) std::abort();
  }
  molt::ast::AstContext ctx;
  molt::diag::DiagnosticEngine diags;
  molt::ast::ModuleNode* module = molt::parse::parse_module(file, ctx, diags);
  if (module) {
    if (diags.has_errors()) std::abort();
    std::string with = molt::parse::dump(module, true);
    std::string without = molt::parse::dump(module, false);
    if (with.empty() || without.empty()) std::abort();
    molt::parse::check_semantic_syntax(module, diags);
    if (diags.error_count() > 1) std::abort();
  } else if (diags.error_count() != 1) {
    std::abort();
  }
  for (const molt::diag::Diagnostic& d : diags.all()) {
    std::string a = molt::diag::render_compiler_style(file, d);
    std::string b = molt::diag::render_python_style(file, d);
  }
  return 0;
}
