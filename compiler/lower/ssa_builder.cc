// ssa_builder.cc — on-the-fly SSA construction (Braun et al. 2013).
#include "lower/ssa_builder.h"

#include <algorithm>

namespace molt::lower {

using ssa::Block;
using ssa::Instr;
using ssa::Opcode;

Instr* SsaBuilder::resolve(Instr* v) {
  while (true) {
    auto it = replaced_.find(v);
    if (it == replaced_.end()) return v;
    v = it->second;
  }
}

void SsaBuilder::write(uint32_t var, Block* block, Instr* value) { defs_[block][var] = value; }

Instr* SsaBuilder::read(uint32_t var, Block* block) {
  auto bit = defs_.find(block);
  if (bit != defs_.end()) {
    auto it = bit->second.find(var);
    if (it != bit->second.end()) {
      Instr* v = resolve(it->second);
      it->second = v;
      return v;
    }
  }
  return read_recursive(var, block);
}

Instr* SsaBuilder::new_phi(Block* block) {
  Instr* phi = fn_->new_instr(Opcode::Phi);
  phi->block = block;
  // Phis go before every non-phi instruction.
  auto it = std::find_if(block->instrs.begin(), block->instrs.end(),
                         [](Instr* i) { return i->op != Opcode::Phi; });
  block->instrs.insert(it, phi);
  return phi;
}

Instr* SsaBuilder::read_recursive(uint32_t var, Block* block) {
  Instr* value;
  if (!sealed_.count(block)) {
    value = new_phi(block);
    incomplete_[block].push_back({var, value});
  } else if (block->preds.empty()) {
    value = undefined_;
  } else if (block->preds.size() == 1) {
    value = read(var, block->preds[0]);
  } else {
    Instr* phi = new_phi(block);
    write(var, block, phi);
    value = add_phi_operands(var, phi);
  }
  write(var, block, value);
  return value;
}

Instr* SsaBuilder::add_phi_operands(uint32_t var, Instr* phi) {
  for (Block* pred : phi->block->preds) ssa::add_operand(phi, read(var, pred));
  return try_remove_trivial_phi(phi);
}

Instr* SsaBuilder::try_remove_trivial_phi(Instr* phi) {
  Instr* same = nullptr;
  for (Instr* op : phi->operands) {
    if (op == same || op == phi) continue;
    if (same != nullptr) return phi;  // merges at least two values: not trivial
    same = op;
  }
  if (same == nullptr) same = undefined_;  // unreachable or only self-references
  std::vector<Instr*> users;
  for (Instr* u : phi->users) {
    if (u != phi && std::find(users.begin(), users.end(), u) == users.end()) users.push_back(u);
  }
  ssa::replace_all_uses(phi, same);
  // The phi may have referenced itself; drop those uses of `same` too.
  same->users.erase(std::remove(same->users.begin(), same->users.end(), phi), same->users.end());
  ssa::erase(phi);
  replaced_[phi] = same;
  for (Instr* u : users) {
    // Only complete phis can be judged; an incomplete one (its block not
    // yet sealed) is finished by seal().
    if (u->op == Opcode::Phi && u->block != nullptr && !u->operands.empty() &&
        u->operands.size() == u->block->preds.size())
      try_remove_trivial_phi(u);
  }
  return same;
}

void SsaBuilder::seal(Block* block) {
  if (sealed_.count(block)) return;
  // Completing a phi can read through a loop back into this block and create
  // further incomplete phis here, so drain until none are left.
  for (auto it = incomplete_.find(block); it != incomplete_.end(); it = incomplete_.find(block)) {
    std::vector<std::pair<uint32_t, Instr*>> pending = std::move(it->second);
    incomplete_.erase(it);
    for (auto& [var, phi] : pending) add_phi_operands(var, phi);
  }
  sealed_.insert(block);
}

}  // namespace molt::lower
