// parser.h — the Python 3.12 parser: tokens to an AST identical to what
// CPython's `ast.parse` produces (node kinds, fields, positions).
//
// The parser is hand-written recursive descent over the whole token vector
// (see lex/lexer.h). Errors follow CPython's two-pass scheme: a fast first
// pass, and on failure a second pass with the checks of CPython's
// `invalid_*` grammar rules enabled to find the specific message; the
// tokenizer's errors take precedence where CPython's do.
//
// Guarantees: parsing never recurses without bound (bracket nesting is
// capped by the tokenizer, the rest by explicit limits), and an accepted
// tree is at most kMaxAstDepth nodes deep, so later stages may walk it
// recursively.
#pragma once

#include "diag/diagnostics.h"
#include "diag/source.h"
#include "parse/ast.h"

namespace molt::parse {

/// The deepest tree parse_module accepts (CPython's AST construction fails
/// with RecursionError at about this depth).
inline constexpr int kMaxAstDepth = 3000;

/// Parses a module. On a syntax error reports ONE diagnostic (the one
/// CPython would report: same line, same message, and as far as possible the
/// same columns) to `diags` and returns nullptr.
ast::ModuleNode* parse_module(const diag::SourceFile& file, ast::AstContext& ctx,
                              diag::DiagnosticEngine& diags);

/// The SyntaxErrors CPython raises after parsing, from its compiler and
/// symbol table ('return' outside function, 'await' outside async
/// function, nonlocal at module level, ...). `ast.parse` does not raise
/// them, so `molt parse --dump` does not call this; compilation does.
/// Reports the first error (in CPython's order) and returns false.
bool check_semantic_syntax(const ast::ModuleNode* module, diag::DiagnosticEngine& diags);

}  // namespace molt::parse
