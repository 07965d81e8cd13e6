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
  /// The SSA function of each `def` node.
  std::unordered_map<const ast::Node*, ssa::Function*> functions;
};

/// Lowers the body of one code unit into one ssa::Function.
class FunctionLowerer {
 public:
  FunctionLowerer(ModuleContext& ctx, ssa::Function* fn, const sema::Scope& scope);

  /// Lowers `body` and the implicit `return None`, then finishes the CFG.
  void lower_body(const ast::NodeList& body);

 private:
  friend class ExprLowerer;

  // --- statements (lower_stmt.cc) ---
  void stmt(const ast::Node* s);
  void stmts(const ast::NodeList& list);
  void assign_to(const ast::Node* target, ssa::Instr* value);
  void lower_if(const ast::IfNode* s);
  void lower_while(const ast::WhileNode* s);
  void lower_return(const ast::ReturnNode* s);
  void lower_function_def(const ast::FunctionDefNode* def);
  void lower_aug_assign(const ast::AugAssignNode* s);

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

  // --- building helpers (lower_module.cc) ---
  ssa::Instr* emit(ssa::Opcode op, std::initializer_list<ssa::Instr*> operands, const ast::Node* at);
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
  };
  std::vector<Loop> loops_;
};

/// The SSA operator for an AST operator.
ssa::BinaryOp to_binary_op(ast::Operator op);

/// Symbol-safe spelling of a qualified name ("f", "Outer.inner").
std::string mangle(std::string_view qualname, size_t index);

}  // namespace molt::lower
