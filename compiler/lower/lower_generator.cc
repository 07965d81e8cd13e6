// lower_generator.cc — `yield` and `yield from` expressions.
//
// A function whose body yields is a generator (sema marks its scope); its
// SSA is ordinary except for Yield instructions, which codegen turns into
// coroutine suspension points. `yield from` is a loop around the delegate:
//
//   step:   v = yield_from.step(it, sent)       ; next()/send() the delegate
//           if v is unbound: goto done           ; it finished
//   again:  sent = yield v   (raises -> thrown)  ; pass v out, take sent in
//           goto step
//   thrown: exc = catch
//           v = yield_from.throw(it, exc)        ; throw()/close() the delegate
//           if v is unbound: goto done
//           goto again
//   done:   result = yield_from.result(it)       ; its return value
#include "lower/lower_internal.h"

namespace molt::lower {

using ssa::Block;
using ssa::Instr;
using ssa::Opcode;

Instr* FunctionLowerer::yield_expr(const ast::YieldNode* e) {
  Instr* value = e->value != nullptr ? expr(e->value) : none();
  return emit(Opcode::Yield, {value}, e);
}

Instr* FunctionLowerer::yield_from_expr(const ast::YieldFromNode* e) {
  Instr* iterable = expr(e->value);
  Instr* it = emit(Opcode::GetIter, {iterable}, e->value);
  uint32_t sent_var = temp_var();
  uint32_t out_var = temp_var();
  Block* step = fn_->new_block();
  Block* again = fn_->new_block();
  Block* thrown = fn_->new_block();
  Block* done = fn_->new_block();
  vars_.write(sent_var, current(), none());
  branch(step);

  set_block(step);
  Instr* v = emit(Opcode::YieldFromStep, {it, vars_.read(sent_var, step)}, e);
  Instr* finished = emit(Opcode::Is, {v, unbound_}, e);
  vars_.write(out_var, current(), v);
  cond_branch(finished, done, again);

  set_block(again);
  Block* outer = handler_;
  handler_ = thrown;
  Instr* sent = emit(Opcode::Yield, {vars_.read(out_var, again)}, e);
  sent->aux = 1;  // the delegate's frames report the exception, not this yield
  handler_ = outer;
  vars_.write(sent_var, current(), sent);
  branch(step);
  vars_.seal(step);

  vars_.seal(thrown);
  set_block(thrown);
  Instr* exc = emit(Opcode::Catch, {}, nullptr);
  Instr* v2 = emit(Opcode::YieldFromThrow, {it, exc}, e);
  Instr* finished2 = emit(Opcode::Is, {v2, unbound_}, e);
  vars_.write(out_var, current(), v2);
  cond_branch(finished2, done, again);
  vars_.seal(again);

  vars_.seal(done);
  set_block(done);
  return emit(Opcode::YieldFromResult, {it}, e);
}

}  // namespace molt::lower
