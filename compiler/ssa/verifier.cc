// verifier.cc — SSA well-formedness: terminators, CFG/pred consistency, phi
// arity, operand types, use lists, and dominance of definitions over uses.
#include "ssa/verifier.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "ssa/printer.h"

namespace molt::ssa {

namespace {

/// Iterative dominator computation (Cooper, Harvey & Kennedy).
class Dominators {
 public:
  explicit Dominators(Function& fn) {
    // Reverse postorder.
    std::vector<Block*> order;
    std::unordered_set<Block*> seen;
    std::vector<std::pair<Block*, size_t>> stack{{fn.entry(), 0}};
    seen.insert(fn.entry());
    while (!stack.empty()) {
      auto& [b, next] = stack.back();
      std::vector<Block*> succs = b->successors();
      if (next < succs.size()) {
        Block* s = succs[next++];
        if (seen.insert(s).second) stack.push_back({s, 0});
      } else {
        order.push_back(b);
        stack.pop_back();
      }
    }
    std::reverse(order.begin(), order.end());
    for (size_t i = 0; i < order.size(); ++i) rpo_[order[i]] = i;
    idom_[fn.entry()] = fn.entry();
    bool changed = true;
    while (changed) {
      changed = false;
      for (size_t i = 1; i < order.size(); ++i) {
        Block* b = order[i];
        Block* new_idom = nullptr;
        for (Block* p : b->preds) {
          if (!idom_.count(p)) continue;
          new_idom = new_idom ? intersect(p, new_idom) : p;
        }
        if (new_idom && idom_[b] != new_idom) {
          idom_[b] = new_idom;
          changed = true;
        }
      }
    }
  }

  bool reachable(Block* b) const { return idom_.count(b) != 0; }

  /// True if a dominates b.
  bool dominates(Block* a, Block* b) const {
    if (!reachable(b)) return true;
    for (Block* x = b;; x = idom_.at(x)) {
      if (x == a) return true;
      if (idom_.at(x) == x) return false;
    }
  }

 private:
  Block* intersect(Block* a, Block* b) {
    while (a != b) {
      while (rpo_[a] > rpo_[b]) a = idom_[a];
      while (rpo_[b] > rpo_[a]) b = idom_[b];
    }
    return a;
  }
  std::unordered_map<Block*, size_t> rpo_;
  std::unordered_map<Block*, Block*> idom_;
};

std::string where(const Function& fn, const Block* b, const Instr* i) {
  std::string s = "in @" + fn.symbol + ", bb" + std::to_string(b->id);
  if (i) s += ", " + std::string(mnemonic(i->op)) + (i->type != ValueType::Void ? " %" + std::to_string(i->id) : "");
  return s + ": ";
}

}  // namespace

std::string verify_function(Function& fn) {
  fn.renumber();
  if (fn.blocks.empty()) return "in @" + fn.symbol + ": no blocks";
  std::unordered_map<const Instr*, size_t> position;
  for (auto& bp : fn.blocks) {
    Block* b = bp.get();
    for (size_t k = 0; k < b->instrs.size(); ++k) position[b->instrs[k]] = k;
  }
  for (auto& bp : fn.blocks) {
    Block* b = bp.get();
    if (b->terminator() == nullptr) return where(fn, b, nullptr) + "block does not end in a terminator";
    bool past_phis = false;
    for (size_t k = 0; k < b->instrs.size(); ++k) {
      Instr* i = b->instrs[k];
      if (i->block != b) return where(fn, b, i) + "instruction's block pointer is wrong";
      if (i->is_terminator() && k + 1 != b->instrs.size())
        return where(fn, b, i) + "terminator in the middle of a block";
      if (i->op == Opcode::Phi) {
        if (past_phis) return where(fn, b, i) + "phi after a non-phi";
        if (i->operands.size() != b->preds.size())
          return where(fn, b, i) + "phi has " + std::to_string(i->operands.size()) + " operands for " +
                 std::to_string(b->preds.size()) + " predecessors";
      } else {
        past_phis = true;
      }
      for (Instr* op : i->operands) {
        if (op->block == nullptr) return where(fn, b, i) + "operand is not in any block";
        if (op->type == ValueType::Void) return where(fn, b, i) + "operand has no value";
        if (std::count(op->users.begin(), op->users.end(), i) == 0)
          return where(fn, b, i) + "operand's use list misses this user";
      }
      if (i->op == Opcode::CondBr && (i->operands.size() != 1 || i->operands[0]->type != ValueType::Bool))
        return where(fn, b, i) + "condbr needs one Bool operand";
    }
    for (Block* s : b->successors()) {
      if (std::count(s->preds.begin(), s->preds.end(), b) == 0)
        return where(fn, b, nullptr) + "successor bb" + std::to_string(s->id) + " does not list it as a predecessor";
    }
    for (Block* p : b->preds) {
      std::vector<Block*> ps = p->successors();
      if (std::count(ps.begin(), ps.end(), b) == 0)
        return where(fn, b, nullptr) + "predecessor bb" + std::to_string(p->id) + " does not branch here";
    }
  }
  // Definitions dominate uses (phi uses: the definition dominates the
  // corresponding predecessor).
  Dominators dom(fn);
  for (auto& bp : fn.blocks) {
    Block* b = bp.get();
    if (!dom.reachable(b)) continue;
    for (Instr* i : b->instrs) {
      for (size_t k = 0; k < i->operands.size(); ++k) {
        Instr* op = i->operands[k];
        if (i->op == Opcode::Phi) {
          if (!dom.dominates(op->block, b->preds[k]))
            return where(fn, b, i) + "phi operand does not dominate its predecessor";
        } else if (op->block == b) {
          if (position[op] >= position[i]) return where(fn, b, i) + "use before definition";
        } else if (!dom.dominates(op->block, b)) {
          return where(fn, b, i) + "operand %" + std::to_string(op->id) + " does not dominate its use";
        }
      }
    }
  }
  return "";
}

std::string verify_module(Module& module) {
  for (auto& fn : module.functions) {
    std::string err = verify_function(*fn);
    if (!err.empty()) return err + "\n" + print_function(*fn);
  }
  return "";
}

}  // namespace molt::ssa
