// semantic_check_impl.h — the checker behind check_semantic_syntax
// (internal to compiler/parse): CPython 3.12's post-parse SyntaxErrors from
// future.c, symtable.c and compile.c.
//
// The phases run in CPython's order — future imports, the symbol table visit,
// the symbol table analysis, the compiler walk — each in source order, and
// the first error wins. semantic_symtable.cc holds the first three,
// semantic_compile.cc the compiler walk.
#pragma once

#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "diag/diagnostics.h"
#include "parse/ast.h"

namespace molt::parse::semantic {

/// Symbol flags, as in CPython's symtable.
enum : uint32_t {
  kDefGlobal = 1,
  kDefLocal = 2,
  kDefParam = 4,
  kDefNonlocal = 8,
  kUse = 16,
  kDefAnnot = 32,
  kDefCompIter = 64,
  kDefTypeParam = 128,
};

enum class ScopeKind { Module, Function, Class, Lambda, Comprehension, TypeParams };

/// One symbol table block.
struct Scope {
  ScopeKind kind;
  Scope* parent;
  bool is_async = false;      // async def, or a comprehension with async parts
  bool is_generator = false;  // contains yield
  const char* comp_name = nullptr;
  const ast::Node* node = nullptr;
  std::vector<std::string_view> order;  // names in first-seen order
  std::unordered_map<std::string_view, uint32_t> flags;
  std::unordered_map<std::string_view, const ast::Node*> directives;  // global/nonlocal statements
  std::vector<Scope*> children;
  int comp_iter_expr = 0;         // inside a comprehension's iterable
  bool comp_iter_target = false;  // binding a comprehension's target

  bool function_like() const { return kind != ScopeKind::Module && kind != ScopeKind::Class; }
};

/// The checker; one per module.
class Checker {
 public:
  explicit Checker(diag::DiagnosticEngine& diags) : diags_(diags) {}

  /// Runs every phase; false after reporting the first error.
  bool run(const ast::ModuleNode* m);

 private:
  void error(const ast::Node* n, std::string msg);
  /// An error with its own entry in diagnostics.def (same text as CPython's).
  void error_id(const ast::Node* n, diag::DiagId id, std::initializer_list<std::string_view> args = {});

  // --- future.c and symtable.c (semantic_symtable.cc) --------------------------------
  void check_future(const ast::ModuleNode* m);
  Scope* new_scope(ScopeKind kind, const ast::Node* node);
  void add_def(std::string_view name, uint32_t flag, const ast::Node* at, Scope* scope = nullptr);
  void sym_stmts(const ast::NodeList& body);
  void sym_stmt(const ast::Node* s);
  void sym_function(const ast::Node* s);
  void sym_class(const ast::ClassDefNode* c);
  void sym_type_alias(const ast::TypeAliasNode* t);
  void sym_ann_assign(const ast::AnnAssignNode* a);
  void sym_global(const ast::Node* s, const ast::IdentList& names, bool global);
  void sym_import(const ast::NodeList& names);
  void sym_handler(const ast::ExceptHandlerNode* h);
  void sym_children(const ast::Node* n);
  void sym_expr(const ast::Node* e);
  void sym_exprs(const ast::NodeList& l);
  void sym_arguments(const ast::argumentsNode* a);
  void sym_annotations(const ast::argumentsNode* a, const ast::Node* returns);
  void sym_type_params(const ast::NodeList& params);
  void sym_comprehension(const ast::Node* e, const ast::Node* elt, const ast::Node* value,
                         const ast::NodeList& generators, const char* name);
  void sym_namedexpr(const ast::NamedExprNode* e);
  void sym_pattern(const ast::Node* p);
  void analyze(Scope* scope);

  // --- compile.c (semantic_compile.cc) ------------------------------------------------
  /// The compiler's state within one code unit (function, class, ...).
  struct Unit {
    Scope* scope;
    int loops = 0;        // enclosing loops (break/continue targets)
    int blocks = 0;       // the static block stack (CO_MAXBLOCKS)
    int except_star = 0;  // except* handler bodies entered inside the loops
  };
  void comp_stmts(const ast::NodeList& body);
  void comp_stmt(const ast::Node* s);
  void comp_function(const ast::Node* s);
  void comp_loop(const ast::Node* s);
  void comp_with(const ast::Node* s);
  void comp_try(const ast::Node* s);
  void comp_match(const ast::MatchNode* m);
  void comp_children(const ast::Node* n);
  void comp_expr(const ast::Node* e);
  void comp_exprs(const ast::NodeList& l);
  void comp_elements(const ast::NodeList& elts);
  void comp_comprehension(const ast::Node* e);
  void comp_target(const ast::Node* t, ast::ExprContext ctx);
  void comp_call_keywords(const ast::NodeList& keywords);
  void comp_body_of(const ast::Node* owner, const ast::NodeList& body);
  void comp_pattern(const ast::Node* p, bool allow_irrefutable, std::vector<std::string_view>& stores);
  bool push_block(const ast::Node* at);
  void pop_block() { --unit_.blocks; }
  Scope* scope_of(const ast::Node* n) {
    auto it = scope_map_.find(n);
    return it == scope_map_.end() ? nullptr : it->second;
  }

  diag::DiagnosticEngine& diags_;
  bool failed_ = false;
  std::vector<std::unique_ptr<Scope>> scopes_;
  Scope* cur_ = nullptr;
  std::unordered_map<const ast::Node*, Scope*> scope_map_;
  // End of the last leading `from __future__` import (CPython's
  // ff_location); later future imports are errors.
  uint32_t future_end_line_ = 0;
  uint32_t future_end_col_ = 0;
  Unit unit_{nullptr};
};

/// The AST's child nodes of the categories a visitor descends into.
bool is_expr(const ast::Node* n);
bool is_stmt(const ast::Node* n);
bool is_pattern(const ast::Node* n);

}  // namespace molt::parse::semantic
