// elide_bound_checks.cc — removes CheckBound on values that can never be the
// Unbound sentinel.
//
// The lowering emits a check for every read of a local whose SSA value is a
// phi (it might merge an unassigned path). A value may be unbound only if it
// is the Unbound constant or a phi with such an operand, transitively; this
// pass computes that set with a worklist and drops the other checks.
#include <unordered_set>
#include <vector>

#include "passes/passes.h"

namespace molt::passes {

void elide_bound_checks(ssa::Function& fn) {
  std::unordered_set<ssa::Instr*> maybe_unbound;
  std::vector<ssa::Instr*> work;
  for (auto& b : fn.blocks) {
    for (ssa::Instr* i : b->instrs) {
      if (i->op == ssa::Opcode::Unbound) {
        maybe_unbound.insert(i);
        work.push_back(i);
      }
    }
  }
  while (!work.empty()) {
    ssa::Instr* v = work.back();
    work.pop_back();
    for (ssa::Instr* u : v->users) {
      if (u->op == ssa::Opcode::Phi && maybe_unbound.insert(u).second) work.push_back(u);
    }
  }
  std::vector<ssa::Instr*> dead;
  for (auto& b : fn.blocks) {
    for (ssa::Instr* i : b->instrs) {
      if (i->op == ssa::Opcode::CheckBound && !maybe_unbound.count(i->operands[0])) dead.push_back(i);
    }
  }
  for (ssa::Instr* i : dead) ssa::erase(i);
}

}  // namespace molt::passes
