// passes_test.cc — the SSA passes on hand-built functions: refcount
// insertion (moves, releases at last use, edge releases, error-path
// release sets), bound-check elision and critical-edge splitting.
#include <gtest/gtest.h>

#include "passes/passes.h"
#include "ssa/printer.h"
#include "ssa/verifier.h"

namespace molt::passes {
namespace {

using ssa::Block;
using ssa::Instr;
using ssa::Opcode;

struct Builder {
  ssa::Function fn;
  Builder() {
    fn.symbol = "f";
    fn.name = "f";
  }
  Instr* add(Block* b, Opcode op, std::initializer_list<Instr*> operands, int64_t imm = 0) {
    Instr* i = fn.new_instr(op);
    i->imm = imm;
    for (Instr* o : operands) ssa::add_operand(i, o);
    ssa::append(b, i);
    return i;
  }
  void br(Block* from, Block* to) {
    Instr* i = add(from, Opcode::Br, {});
    i->succ[0] = to;
    ssa::link(from, to);
  }
  void condbr(Block* from, Instr* flag, Block* t, Block* f) {
    Instr* i = add(from, Opcode::CondBr, {flag});
    i->succ[0] = t;
    i->succ[1] = f;
    ssa::link(from, t);
    ssa::link(from, f);
  }
  int count(Opcode op, Instr* operand) {
    int n = 0;
    for (auto& b : fn.blocks) {
      for (Instr* i : b->instrs) {
        if (i->op == op && i->operands.size() == 1 && i->operands[0] == operand) ++n;
      }
    }
    return n;
  }
};

TEST(InsertRefcounts, ReleasesTemporaryAfterLastUse) {
  // return (a + b) + a : the inner sum is released after its one use.
  Builder t;
  Block* b = t.fn.new_block();
  Instr* a = t.add(b, Opcode::Param, {}, 0);
  Instr* c = t.add(b, Opcode::Param, {}, 1);
  Instr* s1 = t.add(b, Opcode::BinOp, {a, c});
  Instr* s2 = t.add(b, Opcode::BinOp, {s1, a});
  t.add(b, Opcode::Return, {s2});
  insert_refcounts(t.fn);
  EXPECT_EQ(ssa::verify_function(t.fn), "");
  EXPECT_EQ(t.count(Opcode::Decref, s1), 1);
  EXPECT_EQ(t.count(Opcode::Decref, s2), 0);  // moved into the return
  EXPECT_EQ(t.count(Opcode::Incref, s2), 0);
  EXPECT_EQ(t.count(Opcode::Decref, a), 0);  // borrowed parameter
  // If the second add raises, s1 is still held and must be released.
  ASSERT_EQ(s2->release_on_error.size(), 1u);
  EXPECT_EQ(s2->release_on_error[0], s1);
  EXPECT_TRUE(s1->release_on_error.empty());
}

TEST(InsertRefcounts, BorrowedValueReturnedIsIncremented) {
  Builder t;
  Block* b = t.fn.new_block();
  Instr* a = t.add(b, Opcode::Param, {}, 0);
  t.add(b, Opcode::Return, {a});
  insert_refcounts(t.fn);
  EXPECT_EQ(t.count(Opcode::Incref, a), 1);
}

TEST(InsertRefcounts, UnusedResultIsReleasedImmediately) {
  Builder t;
  Block* b = t.fn.new_block();
  Instr* a = t.add(b, Opcode::Param, {}, 0);
  Instr* s = t.add(b, Opcode::BinOp, {a, a});
  Instr* none = t.add(b, Opcode::ConstNone, {});
  t.add(b, Opcode::Return, {none});
  insert_refcounts(t.fn);
  EXPECT_EQ(t.count(Opcode::Decref, s), 1);
  EXPECT_EQ(t.count(Opcode::Incref, none), 0);  // immediates need no counts
}

TEST(InsertRefcounts, ValueDyingOnOneBranchIsReleasedOnThatEdge) {
  // v = a + a; if cond: return v  else: return None
  Builder t;
  Block* entry = t.fn.new_block();
  Block* yes = t.fn.new_block();
  Block* no = t.fn.new_block();
  Instr* a = t.add(entry, Opcode::Param, {}, 0);
  Instr* v = t.add(entry, Opcode::BinOp, {a, a});
  Instr* flag = t.add(entry, Opcode::Truth, {a});
  t.condbr(entry, flag, yes, no);
  t.add(yes, Opcode::Return, {v});
  Instr* none = t.add(no, Opcode::ConstNone, {});
  t.add(no, Opcode::Return, {none});
  split_critical_edges(t.fn);
  insert_refcounts(t.fn);
  EXPECT_EQ(ssa::verify_function(t.fn), "");
  EXPECT_EQ(t.count(Opcode::Decref, v), 1);
  ASSERT_FALSE(no->instrs.empty());
  EXPECT_EQ(no->instrs[0]->op, Opcode::Decref);
  // v is live across the truth test, which may raise.
  ASSERT_EQ(flag->release_on_error.size(), 1u);
  EXPECT_EQ(flag->release_on_error[0], v);
}

TEST(InsertRefcounts, PhiConsumesOrIncrements) {
  // loop: x = phi(a, y); y = x + 1 ...: the phi takes over y's reference.
  Builder t;
  Block* entry = t.fn.new_block();
  Block* head = t.fn.new_block();
  Block* exit = t.fn.new_block();
  Instr* a = t.add(entry, Opcode::Param, {}, 0);
  t.br(entry, head);
  Instr* phi = t.fn.new_instr(Opcode::Phi);
  ssa::append(head, phi);
  Instr* one = t.add(head, Opcode::ConstInt, {});
  one->text = "1";
  Instr* y = t.add(head, Opcode::BinOp, {phi, one});
  Instr* flag = t.add(head, Opcode::Truth, {y});
  t.condbr(head, flag, head, exit);
  ssa::add_operand(phi, a);
  ssa::add_operand(phi, y);
  t.add(exit, Opcode::Return, {y});
  split_critical_edges(t.fn);
  EXPECT_EQ(ssa::verify_function(t.fn), "");
  insert_refcounts(t.fn);
  EXPECT_EQ(ssa::verify_function(t.fn), "");
  EXPECT_EQ(t.count(Opcode::Incref, a), 1);    // borrowed param flowing into an owned phi
  EXPECT_EQ(t.count(Opcode::Decref, phi), 1);  // released after computing y
  EXPECT_EQ(t.count(Opcode::Incref, y), 0);    // moved into the phi / return
  EXPECT_EQ(t.count(Opcode::Decref, y), 0);
}

TEST(ElideBoundChecks, KeepsOnlyChecksOnMaybeUnboundValues) {
  Builder t;
  Block* entry = t.fn.new_block();
  Block* left = t.fn.new_block();
  Block* join = t.fn.new_block();
  Instr* a = t.add(entry, Opcode::Param, {}, 0);
  Instr* unbound = t.add(entry, Opcode::Unbound, {});
  Instr* flag = t.add(entry, Opcode::Truth, {a});
  t.condbr(entry, flag, left, join);
  t.br(left, join);
  Instr* maybe = t.fn.new_instr(Opcode::Phi);
  ssa::append(join, maybe);
  ssa::add_operand(maybe, a);
  ssa::add_operand(maybe, unbound);
  Instr* sure = t.fn.new_instr(Opcode::Phi);
  ssa::append(join, sure);
  ssa::add_operand(sure, a);
  ssa::add_operand(sure, a);
  Instr* c1 = t.add(join, Opcode::CheckBound, {maybe});
  Instr* c2 = t.add(join, Opcode::CheckBound, {sure});
  t.add(join, Opcode::Return, {sure});
  elide_bound_checks(t.fn);
  EXPECT_NE(c1->block, nullptr);
  EXPECT_EQ(c2->block, nullptr);
}

TEST(SplitCriticalEdges, SplitsOnlyCriticalEdges) {
  Builder t;
  Block* entry = t.fn.new_block();
  Block* mid = t.fn.new_block();
  Block* join = t.fn.new_block();
  Instr* a = t.add(entry, Opcode::Param, {}, 0);
  Instr* flag = t.add(entry, Opcode::Truth, {a});
  t.condbr(entry, flag, mid, join);  // entry->join is critical
  t.br(mid, join);
  Instr* none = t.add(join, Opcode::ConstNone, {});
  t.add(join, Opcode::Return, {none});
  split_critical_edges(t.fn);
  EXPECT_EQ(t.fn.blocks.size(), 4u);
  EXPECT_EQ(ssa::verify_function(t.fn), "");
  EXPECT_EQ(entry->terminator()->succ[0], mid);
  EXPECT_NE(entry->terminator()->succ[1], join);
}

}  // namespace
}  // namespace molt::passes
