// scopes.h — symbol tables: how every name in every code unit resolves,
// with CPython's scoping rules (local, cell, free, global, builtin).
//
// The analysis runs over the whole module before lowering:
//   1. one Scope per code unit (module, `def`, `lambda`, `class` body),
//      recording the names each binds, loads, and declares global/nonlocal;
//   2. free-variable resolution: a name a function uses but does not bind
//      refers to the nearest enclosing *function* that binds it (class
//      bodies are skipped, as in CPython); that binding becomes a cell, and
//      every function in between passes it through as a free variable.
// Every module-level name gets a global slot; builtins that the module never
// assigns resolve to the builtin at compile time.
//
// It also records the facts closed-world optimisations use: which module
// globals are bound exactly once, by a `def`, and never rebound.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "diag/diagnostics.h"
#include "parse/ast.h"

namespace molt::sema {

enum class NameKind : uint8_t {
  Local,    ///< a plain local of the function
  Cell,     ///< a local captured by a nested function (lives in a cell)
  ClassName,  ///< a name bound in a class body: the class namespace, then globals/builtins
  Free,     ///< a variable of an enclosing function (reached through the closure)
  Global,   ///< a module global slot
  Builtin,  ///< a builtin (never assigned at module level)
};

/// The symbol table of one code unit.
struct Scope {
  enum class Kind : uint8_t { Module, Function, Class };
  Kind kind = Kind::Module;
  const ast::Node* node = nullptr;  ///< ModuleNode, FunctionDefNode, LambdaNode or ClassDefNode
  Scope* parent = nullptr;
  bool is_module = false;
  std::string qualname;
  /// Parameters in the order the direct entry takes them: positional
  /// (positional-only first), keyword-only, *args, **kwargs.
  std::vector<std::string_view> params;
  /// co_varnames: parameters, then the other bound names in first-binding order.
  std::vector<std::string_view> locals;
  std::unordered_set<std::string_view> local_set;
  std::unordered_set<std::string_view> declared_global;
  std::unordered_set<std::string_view> declared_nonlocal;
  /// Names loaded (or declared nonlocal) without a local binding.
  std::vector<std::string_view> uses;
  /// Locals captured by nested functions.
  std::unordered_set<std::string_view> cells;
  /// Free variables, in closure order.
  std::vector<std::string_view> frees;
  std::vector<Scope*> children;
  /// A function that uses `super` or `__class__` needs the implicit
  /// __class__ cell of its class.
  bool uses_class_cell = false;
  /// A comprehension or generator expression (a function of its first
  /// iterator, parameter ".0").
  bool is_comprehension = false;
  /// A generator: its body contains `yield` or `yield from`, or it is a
  /// generator expression.
  bool is_generator = false;
};

/// The generators of a ListComp, SetComp, DictComp or GeneratorExp node.
const ast::NodeList& comprehension_generators(const ast::Node* n);

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
  ModuleScopes();
  ModuleScopes(const ModuleScopes&) = delete;
  ModuleScopes& operator=(const ModuleScopes&) = delete;

  /// Analyses `module`; reports CPython's SyntaxErrors for misuse of
  /// `global`/`nonlocal` to `diags`. Returns false on error.
  bool analyze(const ast::ModuleNode* module, diag::DiagnosticEngine& diags);

  const Scope& module_scope() const { return *module_scope_; }
  /// The scope of a def, lambda or class node.
  const Scope& scope_of(const ast::Node* node) const { return *scopes_.at(node); }
  bool has_scope(const ast::Node* node) const { return scopes_.count(node) != 0; }
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
  uint32_t slot_for(std::string_view name);
  Scope* new_scope(Scope::Kind kind, const ast::Node* node, Scope* parent);
  /// Resolves free variables of `scope` and its descendants.
  void resolve_frees(Scope* scope, diag::DiagnosticEngine& diags);

  std::vector<std::unique_ptr<Scope>> all_;
  Scope* module_scope_ = nullptr;
  std::unordered_map<const ast::Node*, Scope*> scopes_;
  std::unordered_map<std::string_view, GlobalInfo> globals_;
  std::vector<std::string_view> global_names_;
};

}  // namespace molt::sema
