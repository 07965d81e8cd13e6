// split_critical_edges.cc — inserts an empty block on every edge from a
// block with several successors to a block with several predecessors.
//
// The refcount pass relies on this: it places releases of values that die
// on an edge at the start of the edge's target, and consumes phi operands
// at the end of the predecessor, both of which are only correct when the
// edge is not critical.
#include <algorithm>

#include "passes/passes.h"

namespace molt::passes {

void split_critical_edges(ssa::Function& fn) {
  size_t original = fn.blocks.size();
  for (size_t b = 0; b < original; ++b) {
    ssa::Block* pred = fn.blocks[b].get();
    ssa::Instr* term = pred->terminator();
    if (term == nullptr || term->num_successors() < 2) continue;
    for (int s = 0; s < term->num_successors(); ++s) {
      ssa::Block* succ = term->succ[s];
      if (succ->preds.size() < 2) continue;
      ssa::Block* mid = fn.new_block();
      ssa::Instr* br = fn.new_instr(ssa::Opcode::Br);
      br->succ[0] = succ;
      ssa::append(mid, br);
      mid->preds.push_back(pred);
      term->succ[s] = mid;
      // Replace one occurrence of `pred` (this edge) in succ's preds, keeping
      // its position so phi operands stay aligned.
      auto it = std::find(succ->preds.begin(), succ->preds.end(), pred);
      *it = mid;
    }
  }
}

}  // namespace molt::passes
