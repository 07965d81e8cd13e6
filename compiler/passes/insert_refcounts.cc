// insert_refcounts.cc — makes reference ownership explicit.
//
// Conventions (instrs.def): a result flagged Owned is a new reference; a
// Param is borrowed from the caller; NoRC values need nothing. Phi
// operands, StoreGlobal's value and Return's value are consumed (the
// reference moves); every other operand is borrowed for the duration of the
// instruction.
//
// From liveness this pass derives the minimal set of operations in the style
// of Ullrich & de Moura's "Counting Immutable Beans":
//   - an owned value is released right after its last use, or at the start
//     of an edge's target when it dies on that edge (critical edges are
//     split first), or right after its definition if it is never used;
//   - a consuming use moves the reference when the value dies there, and
//     increments it otherwise (always, for borrowed values);
//   - a generator's parameters are owned by its frame (see codegen);
//   - each MayRaise instruction records the owned references live across
//     it, which codegen releases if it raises.
#include <algorithm>
#include <unordered_map>
#include <vector>

#include "passes/passes.h"

namespace molt::passes {

namespace {

using ssa::Block;
using ssa::Instr;
using ssa::Opcode;

/// A set of tracked values as a bit vector over dense indices.
struct ValueSet {
  std::vector<bool> bits;
  bool has(uint32_t i) const { return bits[i]; }
  bool insert(uint32_t i) {
    bool fresh = !bits[i];
    bits[i] = true;
    return fresh;
  }
  void erase(uint32_t i) { bits[i] = false; }
  /// this |= other; returns true if anything changed.
  bool merge(const ValueSet& other) {
    bool changed = false;
    for (size_t i = 0; i < bits.size(); ++i) {
      if (other.bits[i] && !bits[i]) {
        bits[i] = true;
        changed = true;
      }
    }
    return changed;
  }
};

class RefcountInserter {
 public:
  explicit RefcountInserter(ssa::Function& fn) : fn_(fn) {}

  void run() {
    index_values();
    if (tracked_.empty()) return;
    compute_liveness();
    for (auto& b : fn_.blocks) rewrite_block(b.get());
  }

 private:
  bool tracked(const Instr* v) const { return index_.count(v) != 0; }
  uint32_t idx(const Instr* v) const { return index_.at(v); }
  /// A generator's frame owns its parameters (its ramp takes references),
  /// so they are released like any owned value.
  bool owned(const Instr* v) const {
    return (ssa::flags_of(v->op) & ssa::Owned) != 0 || (v->op == Opcode::Param && fn_.is_generator);
  }
  ValueSet empty_set() const { return ValueSet{std::vector<bool>(tracked_.size(), false)}; }

  void index_values() {
    for (auto& b : fn_.blocks) {
      for (Instr* i : b->instrs) {
        if (ssa::needs_refcount(i)) {
          index_[i] = static_cast<uint32_t>(tracked_.size());
          tracked_.push_back(i);
        }
      }
    }
  }

  /// The phi operands flowing along the edge b -> its single successor.
  std::vector<Instr*> edge_operands(Block* b) const {
    std::vector<Instr*> out;
    std::vector<Block*> succs = b->successors();
    if (succs.size() != 1) return out;
    Block* s = succs[0];
    size_t pos = std::find(s->preds.begin(), s->preds.end(), b) - s->preds.begin();
    for (Instr* phi : s->instrs) {
      if (phi->op != Opcode::Phi) break;
      out.push_back(phi->operands[pos]);
    }
    return out;
  }

  /// Values needed by the successors themselves (not via their phis).
  ValueSet live_after_terminator(Block* b) const {
    ValueSet out = empty_set();
    for (Block* s : b->successors()) {
      ValueSet in = live_in_.at(s);
      for (Instr* phi : s->instrs) {
        if (phi->op != Opcode::Phi) break;
        if (tracked(phi)) in.erase(idx(phi));
      }
      out.merge(in);
    }
    return out;
  }

  /// Live-in of b given the current live-in sets of its successors.
  ValueSet transfer(Block* b) const {
    ValueSet live = live_after_terminator(b);
    for (Instr* v : edge_operands(b)) {
      if (tracked(v)) live.insert(idx(v));
    }
    for (auto it = b->instrs.rbegin(); it != b->instrs.rend(); ++it) {
      Instr* i = *it;
      if (tracked(i)) live.erase(idx(i));
      if (i->op == Opcode::Phi) continue;
      for (Instr* op : i->operands) {
        if (tracked(op)) live.insert(idx(op));
      }
    }
    return live;
  }

  void compute_liveness() {
    for (auto& b : fn_.blocks) live_in_[b.get()] = empty_set();
    bool changed = true;
    while (changed) {
      changed = false;
      for (auto it = fn_.blocks.rbegin(); it != fn_.blocks.rend(); ++it) {
        Block* b = it->get();
        ValueSet in = transfer(b);
        if (live_in_[b].merge(in)) changed = true;
      }
    }
  }

  Instr* make(Opcode op, Instr* v) {
    Instr* r = fn_.new_instr(op);
    r->operands.push_back(v);
    v->users.push_back(r);
    return r;
  }

  void rewrite_block(Block* b) {
    ValueSet live = live_after_terminator(b);
    // New instruction list, built backwards.
    std::vector<Instr*> rev;
    auto instrs = b->instrs;
    size_t first_non_phi = 0;
    while (first_non_phi < instrs.size() && instrs[first_non_phi]->op == Opcode::Phi) ++first_non_phi;

    for (size_t k = instrs.size(); k-- > first_non_phi;) {
      Instr* i = instrs[k];
      std::vector<Instr*> before, after;
      // Consuming uses: explicit consuming operands, plus (for the
      // terminator) the phi operands of the single successor.
      std::vector<Instr*> consumed;
      std::vector<Instr*> borrowed_uses;
      for (size_t o = 0; o < i->operands.size(); ++o) {
        Instr* v = i->operands[o];
        if (!tracked(v)) continue;
        (ssa::consumes_operand(i, o) ? consumed : borrowed_uses).push_back(v);
      }
      if (i->is_terminator()) {
        for (Instr* v : edge_operands(b)) {
          if (tracked(v)) consumed.push_back(v);
        }
      }
      // The result.
      if (tracked(i)) {
        if (owned(i) && !live.has(idx(i))) after.push_back(make(Opcode::Decref, i));
        live.erase(idx(i));
      }
      // Error path: every owned reference held across the instruction.
      if (i->may_raise()) {
        std::vector<Instr*> release;
        for (uint32_t t = 0; t < tracked_.size(); ++t) {
          if (live.has(t) && owned(tracked_[t])) release.push_back(tracked_[t]);
        }
        for (Instr* v : borrowed_uses) {
          if (owned(v) && !live.has(idx(v)) && std::find(release.begin(), release.end(), v) == release.end())
            release.push_back(v);
        }
        std::sort(release.begin(), release.end(), [](Instr* a, Instr* c) { return a->id < c->id; });
        i->release_on_error = std::move(release);
      }
      std::vector<Instr*> moved;
      for (Instr* v : consumed) {
        bool can_move = owned(v) && !live.has(idx(v)) &&
                        std::find(moved.begin(), moved.end(), v) == moved.end() &&
                        std::find(borrowed_uses.begin(), borrowed_uses.end(), v) == borrowed_uses.end();
        if (can_move) {
          moved.push_back(v);
        } else {
          before.push_back(make(Opcode::Incref, v));
        }
      }
      std::vector<Instr*> released;
      // A terminator's borrowed operands (a Guard's) that die there are
      // released on the edges instead: nothing may follow a terminator.
      for (Instr* v : i->is_terminator() ? std::vector<Instr*>{} : borrowed_uses) {
        if (owned(v) && !live.has(idx(v)) && std::find(released.begin(), released.end(), v) == released.end()) {
          released.push_back(v);
          after.push_back(make(Opcode::Decref, v));
        }
      }
      for (Instr* v : consumed) live.insert(idx(v));
      for (Instr* v : borrowed_uses) live.insert(idx(v));
      for (auto it = after.rbegin(); it != after.rend(); ++it) rev.push_back(*it);
      rev.push_back(i);
      for (auto it = before.rbegin(); it != before.rend(); ++it) rev.push_back(*it);
    }
    // Dead phis are released at the top of the block.
    std::vector<Instr*> top;
    for (size_t k = 0; k < first_non_phi; ++k) {
      Instr* phi = instrs[k];
      if (tracked(phi) && !live.has(idx(phi))) top.push_back(make(Opcode::Decref, phi));
    }
    // Values that die on the edge from a branching predecessor.
    if (b->preds.size() == 1 && b->preds[0]->successors().size() > 1) {
      ValueSet pred_live = live_after_terminator(b->preds[0]);
      if (Instr* term = b->preds[0]->terminator()) {
        for (Instr* op : term->operands) {
          if (tracked(op)) pred_live.insert(idx(op));
        }
      }
      for (uint32_t t = 0; t < tracked_.size(); ++t) {
        if (pred_live.has(t) && !live_in_.at(b).has(t) && owned(tracked_[t]))
          top.push_back(make(Opcode::Decref, tracked_[t]));
      }
    }
    std::vector<Instr*> result(instrs.begin(), instrs.begin() + static_cast<long>(first_non_phi));
    result.insert(result.end(), top.begin(), top.end());
    result.insert(result.end(), rev.rbegin(), rev.rend());
    for (Instr* i : result) i->block = b;
    b->instrs = std::move(result);
  }

  ssa::Function& fn_;
  std::unordered_map<const Instr*, uint32_t> index_;
  std::vector<Instr*> tracked_;
  std::unordered_map<Block*, ValueSet> live_in_;
};

}  // namespace

void insert_refcounts(ssa::Function& fn) {
  fn.renumber();
  RefcountInserter(fn).run();
}

}  // namespace molt::passes
