// ssa_builder.h — builds SSA form directly while lowering, with the
// algorithm of Braun et al., "Simple and Efficient Construction of Static
// Single Assignment Form" (CC 2013).
//
// Local variables are numbered; the lowering calls write()/read() as it
// walks the AST in control-flow order and seal()s each block once all its
// predecessors are known. Phis are created on demand and trivial phis are
// removed as soon as they are complete, so the result is pruned and close to
// minimal without a dominance-frontier computation.
#pragma once

#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "ssa/ir.h"

namespace molt::lower {

class SsaBuilder {
 public:
  /// `undefined` is the value a variable has on paths where it was never
  /// assigned (the Unbound constant).
  SsaBuilder(ssa::Function* fn, ssa::Instr* undefined) : fn_(fn), undefined_(undefined) {}

  void write(uint32_t var, ssa::Block* block, ssa::Instr* value);
  ssa::Instr* read(uint32_t var, ssa::Block* block);
  /// Declares that `block` will get no more predecessors.
  void seal(ssa::Block* block);
  bool is_sealed(ssa::Block* block) const { return sealed_.count(block) != 0; }

 private:
  ssa::Instr* read_recursive(uint32_t var, ssa::Block* block);
  ssa::Instr* new_phi(ssa::Block* block);
  ssa::Instr* add_phi_operands(uint32_t var, ssa::Instr* phi);
  ssa::Instr* try_remove_trivial_phi(ssa::Instr* phi);
  /// Follows replacements of removed phis.
  ssa::Instr* resolve(ssa::Instr* v);

  ssa::Function* fn_;
  ssa::Instr* undefined_;
  std::unordered_map<ssa::Block*, std::unordered_map<uint32_t, ssa::Instr*>> defs_;
  std::unordered_map<ssa::Block*, std::vector<std::pair<uint32_t, ssa::Instr*>>> incomplete_;
  std::unordered_set<ssa::Block*> sealed_;
  std::unordered_map<ssa::Instr*, ssa::Instr*> replaced_;
};

}  // namespace molt::lower
