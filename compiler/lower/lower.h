// lower.h — AST to SSA: the lowering stage.
//
// Takes a parsed and scope-analysed module and produces an ssa::Module: the
// module body as one function plus one function per `def`. Constructs the
// lowering does not handle yet are reported as located compile errors
// (DiagId::Unsupported) — never silently mistranslated.
#pragma once

#include <memory>

#include "diag/diagnostics.h"
#include "parse/ast.h"
#include "sema/scopes.h"
#include "ssa/ir.h"

namespace molt::lower {

/// Lowers `module`. Returns null if errors were reported.
std::unique_ptr<ssa::Module> lower_module(const ast::ModuleNode* module, sema::ModuleScopes& scopes,
                                          const diag::SourceFile& source, diag::DiagnosticEngine& diags);

}  // namespace molt::lower
