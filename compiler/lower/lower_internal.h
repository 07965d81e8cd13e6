// lower_internal.h — the classes shared by the lowering's .cc files.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "lower/lower.h"
#include "lower/ssa_builder.h"

namespace molt::lower {

/// Module-wide lowering state.
struct ModuleContext {
  ssa::Module* module;
  sema::ModuleScopes& scopes;
  const diag::SourceFile& source;
  diag::DiagnosticEngine& diags;
  /// The SSA function of each `def`/`lambda` node.
  std::unordered_map<const ast::Node*, ssa::Function*> functions;
  /// Functions whose bodies still need lowering, in creation order.
  std::vector<std::pair<const ast::Node*, ssa::Function*>> pending;
};

/// Creates (once) the SSA function for a def or lambda node.
ssa::Function* declare_function(ModuleContext& ctx, const ast::Node* node);

/// Lowers the body of one code unit into one ssa::Function.
class FunctionLowerer {
 public:
  FunctionLowerer(ModuleContext& ctx, ssa::Function* fn, const sema::Scope& scope);

  /// Lowers `body` and the implicit `return None`, then finishes the CFG.
  void lower_body(const ast::NodeList& body);
  /// Lowers a lambda's body: `return <expression>`.
  void lower_lambda_body(const ast::LambdaNode* lambda);

 private:
  friend class ExprLowerer;

  // --- statements (lower_stmt.cc) ---
  void stmt(const ast::Node* s);
  void stmts(const ast::NodeList& list);
  void assign_to(const ast::Node* target, ssa::Instr* value);
  void lower_if(const ast::IfNode* s);
  void lower_while(const ast::WhileNode* s);
  void lower_for(const ast::ForNode* s);
  void lower_delete(const ast::Node* target);
  void lower_return(const ast::ReturnNode* s);
  void lower_function_def(const ast::FunctionDefNode* def);
  void lower_aug_assign(const ast::AugAssignNode* s);

  // --- exceptions (lower_try.cc) ---
  void lower_try(const ast::TryNode* s);
  void lower_try_except(const ast::TryNode* s);
  void lower_raise(const ast::RaiseNode* s);
  void lower_with(const ast::WithNode* s, uint32_t item);
  void lower_assert(const ast::AssertNode* s);
  /// Runs the cleanup actions of exits_[from..) innermost first, as a jump
  /// out of them (return/break/continue) requires.
  void run_exit_actions(size_t from);
  /// Unbinds `name` (the target of `except ... as name`).
  void unbind(std::string_view name, const ast::Node* at);
  /// Ends the current path by re-raising `exc` to the active handler.
  void reraise(ssa::Instr* exc);

  // --- expressions (lower_expr.cc) ---
  ssa::Instr* expr(const ast::Node* e);
  /// Branches to `if_true` or `if_false` on the truth of `e`.
  void cond(const ast::Node* e, ssa::Block* if_true, ssa::Block* if_false);
  ssa::Instr* constant(const ast::ConstantNode* c);
  ssa::Instr* load_name(const ast::NameNode* n);
  ssa::Instr* bool_op(const ast::BoolOpNode* e);
  ssa::Instr* compare(const ast::CompareNode* e);
  ssa::Instr* if_exp(const ast::IfExpNode* e);
  ssa::Instr* call(const ast::CallNode* e);
  /// A call with `*` or `**` arguments (CallEx).
  ssa::Instr* star_call(const ast::CallNode* e);
  /// A list display whose items may be starred (also the start of a starred
  /// tuple display or argument list).
  ssa::Instr* starred_list(const ast::NodeList& elts, const ast::Node* at);
  ssa::Instr* starred_set(const ast::NodeList& elts, const ast::Node* at);
  ssa::Instr* dict_display(const ast::DictNode* d);
  ssa::Instr* str_constant(std::string_view text);
  /// The key of a subscript: an expression, or a slice object for `a:b:c`.
  ssa::Instr* subscript_key(const ast::Node* key);

  // --- building helpers (lower_module.cc) ---
  ssa::Instr* emit(ssa::Opcode op, std::initializer_list<ssa::Instr*> operands, const ast::Node* at);
  ssa::Instr* emit_ops(ssa::Opcode op, const std::vector<ssa::Instr*>& operands, const ast::Node* at);
  /// Ends the current block after MayRaise instruction `i` with a Guard
  /// leading to the active handler.
  void guard(ssa::Instr* i);
  ssa::Instr* emit_in(ssa::Block* b, ssa::Opcode op, std::initializer_list<ssa::Instr*> operands,
                      const ast::Node* at);
  /// Constants live in the entry block so they dominate every use.
  ssa::Instr* entry_constant(ssa::Opcode op);
  ssa::Instr* none();
  ssa::Instr* unbound() { return unbound_; }
  void branch(ssa::Block* to);
  void cond_branch(ssa::Instr* flag, ssa::Block* t, ssa::Block* f);
  /// Starts emitting into `b`.
  void set_block(ssa::Block* b) { cur_ = b; }
  /// The block to emit into; after a return/break, a fresh unreachable one.
  ssa::Block* current();
  /// A block whose value merges several incoming values.
  struct Join {
    ssa::Block* block;
    std::vector<std::pair<ssa::Block*, ssa::Instr*>> incoming;
  };
  void jump_with_value(Join& join, ssa::Instr* value);
  ssa::Instr* finish_join(Join& join);
  uint32_t var_of(std::string_view name) const;
  void unsupported(const ast::Node* n, std::string_view what);
  bool is_local(std::string_view name) const;

  ModuleContext& ctx_;
  ssa::Function* fn_;
  const sema::Scope& scope_;
  ssa::Block* entry_;
  ssa::Block* cur_ = nullptr;
  ssa::Instr* unbound_ = nullptr;
  ssa::Instr* none_ = nullptr;
  SsaBuilder vars_;
  std::unordered_map<std::string_view, uint32_t> var_ids_;
  struct Loop {
    ssa::Block* continue_to;
    ssa::Block* break_to;
    size_t exit_depth;  ///< exits_.size() when the loop started
  };
  std::vector<Loop> loops_;
  /// Where an exception raised now goes: a handler block, or null for out
  /// of the function.
  ssa::Block* handler_ = nullptr;
  /// What leaving a try/except/finally early must do, innermost last.
  struct ExitAction {
    enum Kind { Finally, RestoreHandled, UnbindName, WithExit } kind;
    const ast::NodeList* finally_body = nullptr;  ///< Finally
    ssa::Block* outer_handler = nullptr;          ///< handler_ outside the construct
    ssa::Instr* prev_handled = nullptr;           ///< RestoreHandled; WithExit: the bound __exit__
    std::string_view name;                        ///< UnbindName
    const ast::Node* at = nullptr;
  };
  std::vector<ExitAction> exits_;
  /// The closure tuple parameter, and the cell of every captured or free
  /// variable.
  ssa::Instr* closure_ = nullptr;
  /// A class body's namespace dict (its parameter), or null.
  ssa::Instr* class_ns_ = nullptr;
  std::unordered_map<std::string_view, ssa::Instr*> cells_;
  std::vector<ssa::Instr*> pending_cells_;

  // --- variables and functions (lower_function.cc) ---
  /// Reads a local, cell or free variable (with its unbound check).
  ssa::Instr* read_local(std::string_view name, const ast::Node* at);
  void write_local(std::string_view name, ssa::Instr* value, const ast::Node* at);
  /// Binds `name` wherever it lives (local, cell, class namespace, global).
  void store_name(std::string_view name, ssa::Instr* value, const ast::Node* at);
  ssa::Instr* load_class_name(const ast::NameNode* n);
  void lower_class_def(const ast::ClassDefNode* cls);
  /// `del name` of a local, cell or free variable.
  void delete_local(std::string_view name, const ast::Node* at);
  /// Creates the function object for a def or lambda (defaults, keyword
  /// defaults and closure evaluated here).
  ssa::Instr* make_function(const ast::Node* node, const ast::Node* args_node);
  ssa::Instr* lambda(const ast::LambdaNode* e);

  // --- generators (lower_generator.cc) ---
  ssa::Instr* yield_expr(const ast::YieldNode* e);
  ssa::Instr* yield_from_expr(const ast::YieldFromNode* e);
  /// A fresh SSA variable for values the lowering itself carries around
  /// loops (no Python name).
  uint32_t temp_var() { return next_var_++; }
  uint32_t next_var_ = 0;

  // --- comprehensions (lower_comprehension.cc) ---
  ssa::Instr* comprehension(const ast::Node* e);
  void comprehension_loop(const ast::Node* e, const ast::NodeList& gens, uint32_t k, ssa::Instr* result);
  ssa::Instr* named_expr(const ast::NamedExprNode* e);

 public:
  void lower_comprehension_body(const ast::Node* e);

 private:
};

/// The SSA operator for an AST operator.
ssa::BinaryOp to_binary_op(ast::Operator op);

/// Symbol-safe spelling of a qualified name ("f", "Outer.inner").
std::string mangle(std::string_view qualname, size_t index);

}  // namespace molt::lower
