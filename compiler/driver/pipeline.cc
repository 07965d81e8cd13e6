// pipeline.cc — the compilation pipeline behind `molt build` and `molt run`.
#include "driver/pipeline.h"

#include <stdio.h>
#include <unistd.h>

#include "diag/diagnostics.h"
#include "driver/toolchain.h"
#include "lex/lexer.h"
#include "lower/lower.h"
#include "parse/dump.h"
#include "parse/parser.h"
#include "passes/passes.h"
#include "sema/scopes.h"
#include "ssa/printer.h"
#include "support/fs.h"

namespace molt::driver {

namespace {

void print_diagnostics(const diag::SourceFile& file, const diag::DiagnosticEngine& diags, DiagStyle style) {
  for (const diag::Diagnostic& d : diags.all()) {
    std::string text;
    // CPython reports only the first SyntaxError; so does `molt run`.
    if (style == DiagStyle::Python && d.cls != diag::DiagClass::Compile) {
      text = diag::render_python_style(file, d);
      fputs(text.c_str(), stderr);
      return;
    }
    text = diag::render_compiler_style(file, d);
    fputs(text.c_str(), stderr);
  }
}

}  // namespace

int compile(const CompileOptions& options, std::string* emitted) {
  std::string text, error;
  if (!support::read_file(options.input, &text, &error)) {
    fprintf(stderr, "molt: error: cannot open '%s': %s\n", options.input.c_str(), error.c_str());
    return 1;
  }
  diag::SourceFile file(options.input, std::move(text));
  diag::DiagnosticEngine diags;

  if (options.emit == Emit::Tokens) {
    std::vector<lex::Token> tokens;
    bool ok = lex::tokenize(file, tokens, diags);
    *emitted += lex::dump_tokens(file, tokens);
    if (!ok) {
      print_diagnostics(file, diags, options.diag_style);
      return 1;
    }
    return 0;
  }

  ast::AstContext ast_ctx;
  ast::ModuleNode* module = parse::parse_module(file, ast_ctx, diags);
  if (module == nullptr || diags.has_errors()) {
    print_diagnostics(file, diags, options.diag_style);
    return 1;
  }
  if (options.emit == Emit::Ast) {
    *emitted += parse::dump(module, true) + "\n";
    return 0;
  }
  // The SyntaxErrors CPython raises after parsing (its compiler/symtable).
  parse::check_semantic_syntax(module, diags);
  sema::ModuleScopes scopes;
  if (!diags.has_errors()) scopes.analyze(module, diags);
  if (diags.has_errors()) {
    print_diagnostics(file, diags, options.diag_style);
    return 1;
  }
  std::unique_ptr<ssa::Module> program = lower::lower_module(module, scopes, file, diags);
  if (!program) {
    print_diagnostics(file, diags, options.diag_style);
    return 1;
  }
  passes::PipelineOptions popts;
#ifndef NDEBUG
  popts.verify_each = true;
#endif
  popts.verify_each |= options.verify_each;
  std::string verify_error = passes::run_pipeline(*program, popts);
  if (!verify_error.empty()) {
    fprintf(stderr, "molt: internal compiler error: %s\n", verify_error.c_str());
    return 1;
  }
  if (options.emit == Emit::Ssa) {
    *emitted += ssa::print_module(*program);
    return 0;
  }

  codegen::Options copts;
  copts.target = options.target;
  copts.opt_level = options.opt_level;
  copts.strip = options.strip;
  copts.runtime_bitcode = runtime_bitcode(options.target == codegen::Target::Wasm32);
  copts.runtime_archive = runtime_archive(options.target == codegen::Target::Wasm32);
  copts.sanitize = sanitize_build() && options.target == codegen::Target::Native;
  if (options.emit == Emit::Llvm) {
    if (!codegen::emit_llvm_text(*program, copts, emitted, &error)) {
      fprintf(stderr, "molt: error: %s\n", error.c_str());
      return 1;
    }
    return 0;
  }
  std::string object = support::temp_path("obj") + ".o";
  bool ok = codegen::emit_object(*program, copts, object, &error) &&
            codegen::link_program(object, options.output, copts, &error);
  unlink(object.c_str());
  if (!ok) {
    fprintf(stderr, "molt: error: %s\n", error.c_str());
    return 1;
  }
  return 0;
}

}  // namespace molt::driver
