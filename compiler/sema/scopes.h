// scopes.h — symbol tables: which names are local, global or builtin in each
// code unit, with CPython's scoping rules.
//
// The analysis runs over the whole module before lowering. Every module-level
// name (stored at module level, declared `global` somewhere, or read as a
// global) gets a global slot; functions see their parameters and assigned
// names as locals unless declared `global`. Names never stored at module
// level that are builtins resolve to the builtin at compile time.
//
// It also computes the facts the closed-world optimisations use: which
// module globals are bound exactly once, by a `def`, and never rebound.
#pragma once

#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "diag/diagnostics.h"
#include "parse/ast.h"

namespace molt::sema {

enum class NameKind : uint8_t { Local, Global, Builtin };

/// The symbol table of one code unit (the module body or a `def`).
struct Scope {
  const ast::Node* node = nullptr;  ///< ModuleNode or FunctionDefNode
  bool is_module = false;
  std::vector<std::string_view> params;  ///< parameter names, in order
  std::vector<std::string_view> locals;  ///< params first, then other bound names in first-binding order
  std::unordered_set<std::string_view> local_set;
  std::unordered_set<std::string_view> declared_global;
};

/// Facts about one module-level name.
struct GlobalInfo {
  uint32_t slot = 0;
  uint32_t store_count = 0;  ///< number of binding sites anywhere in the program
  /// The `def` statement binding it when that is its only binding site.
  const ast::FunctionDefNode* only_def = nullptr;
};

/// Results of analysing one module.
class ModuleScopes {
 public:
  /// Analyses `module`; reports CPython's SyntaxErrors for misuse of
  /// `global` to `diags`. Returns false on error.
  bool analyze(const ast::ModuleNode* module, diag::DiagnosticEngine& diags);

  const Scope& module_scope() const { return module_scope_; }
  /// The scope of a function definition (must have been analysed).
  const Scope& scope_of(const ast::Node* def) const { return function_scopes_.at(def); }
  /// How `name` resolves inside `scope`.
  NameKind resolve(const Scope& scope, std::string_view name) const;
  /// Global slot info; null if `name` is not a module global.
  const GlobalInfo* global(std::string_view name) const;
  /// The slot of a module global, allocating one for names that are only
  /// read (reading them raises NameError unless a builtin takes over).
  uint32_t ensure_slot(std::string_view name);
  /// Slot names in slot order.
  const std::vector<std::string_view>& global_names() const { return global_names_; }
  /// True if `name` is bound anywhere at module level (or via `global`).
  bool is_stored_global(std::string_view name) const;

 private:
  void analyze_body(Scope& scope, const ast::NodeList& body, diag::DiagnosticEngine& diags);
  uint32_t slot_for(std::string_view name);

  Scope module_scope_;
  std::unordered_map<const ast::Node*, Scope> function_scopes_;
  std::unordered_map<std::string_view, GlobalInfo> globals_;
  std::vector<std::string_view> global_names_;
};

}  // namespace molt::sema
