// ir.cc — opcode tables and the editing primitives of the SSA IR.
#include "ssa/ir.h"

#include <algorithm>
#include <unordered_set>

namespace molt::ssa {

namespace {

struct OpInfo {
  std::string_view mnemonic;
  ValueType type;
  uint32_t flags;
};

constexpr OpInfo kOpInfo[] = {
#define MOLT_INSTR(name, mnemonic, type, flags) {mnemonic, ValueType::type, static_cast<uint32_t>(flags)},
#include "ssa/instrs.def"
#undef MOLT_INSTR
};

}  // namespace

std::string_view mnemonic(Opcode op) { return kOpInfo[static_cast<size_t>(op)].mnemonic; }
ValueType result_type(Opcode op) { return kOpInfo[static_cast<size_t>(op)].type; }
uint32_t flags_of(Opcode op) { return kOpInfo[static_cast<size_t>(op)].flags; }

std::string_view binary_op_name(BinaryOp op) {
  switch (op) {
#define MOLT_BINOP(Name, slot, symbol, dunder, rdunder, idunder) \
  case BinaryOp::Name:                                           \
    return #Name;
#include "core/binops.def"
#undef MOLT_BINOP
    case BinaryOp::Pow:
      return "Pow";
  }
  return "?";
}

std::string_view builtin_name(BuiltinId id) {
  switch (id) {
#define MOLT_BUILTIN_FN(name, impl, object) \
  case BuiltinId::name##_:                  \
    return #name;
#include "molt/builtins.def"
#undef MOLT_BUILTIN_FN
  }
  return "?";
}

std::string_view builtin_impl(BuiltinId id) {
  // Functions are exported as molt_builtin_<name>; objects have none.
  static const std::string_view kImpls[] = {
#define MOLT_BUILTIN_FN(name, impl, object) "molt_builtin_" #name,
#define MOLT_BUILTIN_OBJ(name, object) "",
#include "molt/builtins.def"
#undef MOLT_BUILTIN_OBJ
#undef MOLT_BUILTIN_FN
  };
  return kImpls[static_cast<size_t>(id)];
}

bool lookup_builtin(std::string_view name, BuiltinId* out) {
#define MOLT_BUILTIN_FN(bname, impl, object) \
  if (name == #bname) {                      \
    if (out) *out = BuiltinId::bname##_;     \
    return true;                             \
  }
#include "molt/builtins.def"
#undef MOLT_BUILTIN_FN
  return false;
}

int Instr::num_successors() const {
  switch (op) {
    case Opcode::Br:
      return 1;
    case Opcode::CondBr:
    case Opcode::Guard:
      return 2;
    case Opcode::Reraise:
      return succ[0] != nullptr ? 1 : 0;
    default:
      return 0;
  }
}

std::vector<Block*> Block::successors() const {
  std::vector<Block*> out;
  if (Instr* t = terminator()) {
    for (int i = 0; i < t->num_successors(); ++i) out.push_back(t->succ[i]);
  }
  return out;
}

Block* Function::new_block() {
  blocks.push_back(std::make_unique<Block>());
  Block* b = blocks.back().get();
  b->function = this;
  b->id = static_cast<uint32_t>(blocks.size() - 1);
  return b;
}

Instr* Function::new_instr(Opcode op) {
  instr_pool.push_back(std::make_unique<Instr>());
  Instr* i = instr_pool.back().get();
  i->op = op;
  i->type = result_type(op);
  return i;
}

void Function::renumber() {
  uint32_t next_value = 0;
  for (size_t b = 0; b < blocks.size(); ++b) {
    blocks[b]->id = static_cast<uint32_t>(b);
    for (Instr* i : blocks[b]->instrs) i->id = i->type == ValueType::Void ? 0 : next_value++;
  }
}

void Function::remove_unreachable_blocks() {
  if (blocks.empty()) return;
  std::unordered_set<Block*> reachable;
  std::vector<Block*> work{entry()};
  reachable.insert(entry());
  while (!work.empty()) {
    Block* b = work.back();
    work.pop_back();
    for (Block* s : b->successors()) {
      if (reachable.insert(s).second) work.push_back(s);
    }
  }
  // Detach dead blocks from the phis and pred lists of live blocks.
  for (auto& bp : blocks) {
    Block* b = bp.get();
    if (reachable.count(b)) continue;
    for (Block* s : b->successors()) {
      if (!reachable.count(s)) continue;
      for (size_t p = 0; p < s->preds.size();) {
        if (s->preds[p] != b) {
          ++p;
          continue;
        }
        for (Instr* phi : s->instrs) {
          if (phi->op != Opcode::Phi) break;
          Instr* gone = phi->operands[p];
          auto& us = gone->users;
          us.erase(std::find(us.begin(), us.end(), phi));
          phi->operands.erase(phi->operands.begin() + static_cast<long>(p));
        }
        s->preds.erase(s->preds.begin() + static_cast<long>(p));
      }
    }
  }
  // Drop all uses made by dead instructions, then the blocks themselves.
  for (auto& bp : blocks) {
    if (reachable.count(bp.get())) continue;
    for (Instr* i : bp->instrs) {
      for (Instr* op : i->operands) {
        auto& us = op->users;
        auto it = std::find(us.begin(), us.end(), i);
        if (it != us.end()) us.erase(it);
      }
      i->operands.clear();
      i->block = nullptr;
    }
  }
  blocks.erase(std::remove_if(blocks.begin(), blocks.end(),
                              [&](const std::unique_ptr<Block>& b) { return !reachable.count(b.get()); }),
               blocks.end());
}

Function* Module::new_function() {
  functions.push_back(std::make_unique<Function>());
  return functions.back().get();
}

void add_operand(Instr* user, Instr* operand) {
  user->operands.push_back(operand);
  operand->users.push_back(user);
}

void set_operand(Instr* user, size_t i, Instr* operand) {
  Instr* old = user->operands[i];
  auto it = std::find(old->users.begin(), old->users.end(), user);
  if (it != old->users.end()) old->users.erase(it);
  user->operands[i] = operand;
  operand->users.push_back(user);
}

void replace_all_uses(Instr* from, Instr* to) {
  std::vector<Instr*> users = std::move(from->users);
  from->users.clear();
  for (Instr* u : users) {
    for (Instr*& op : u->operands) {
      if (op == from) op = to;
    }
  }
  // Each recorded use becomes a use of `to` (duplicates preserved).
  for (Instr* u : users) to->users.push_back(u);
}

void erase(Instr* instr) {
  for (Instr* op : instr->operands) {
    auto& us = op->users;
    auto it = std::find(us.begin(), us.end(), instr);
    if (it != us.end()) us.erase(it);
  }
  instr->operands.clear();
  if (Block* b = instr->block) {
    auto& is = b->instrs;
    is.erase(std::find(is.begin(), is.end(), instr));
    instr->block = nullptr;
  }
}

void append(Block* block, Instr* instr) {
  instr->block = block;
  block->instrs.push_back(instr);
}

void insert_before(Instr* before, Instr* instr) {
  Block* b = before->block;
  instr->block = b;
  b->instrs.insert(std::find(b->instrs.begin(), b->instrs.end(), before), instr);
}

void insert_after(Instr* after, Instr* instr) {
  Block* b = after->block;
  instr->block = b;
  b->instrs.insert(std::find(b->instrs.begin(), b->instrs.end(), after) + 1, instr);
}

void link(Block* from, Block* to) { to->preds.push_back(from); }

bool needs_refcount(const Instr* v) {
  return v->type == ValueType::Value && (flags_of(v->op) & NoRC) == 0;
}

bool consumes_operand(const Instr* user, size_t index) {
  switch (user->op) {
    case Opcode::Phi:
      return true;
    case Opcode::StoreGlobal:
    case Opcode::Return:
    case Opcode::RestoreHandled:
    case Opcode::Reraise:
      return index == 0;
    default:
      return false;
  }
}

}  // namespace molt::ssa
