// ir.h — Molt's typed SSA intermediate representation (TIR).
//
// A Module holds Functions; a Function holds Blocks; a Block holds
// Instructions, phis first and exactly one terminator last. Every SSA value
// is an Instr (parameters and constants included), so operands are simply
// Instr pointers. Instructions record their users so values can be replaced
// (phi simplification) without a separate use-list structure.
//
// Ownership of Python references is NOT explicit in the IR produced by the
// lowering: the refcount insertion pass (passes/insert_refcounts.cc) adds
// Incref/Decref from the conventions in instrs.def (which results are new
// references, which operands are consumed).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "diag/source.h"

namespace molt::ssa {

enum class Opcode : uint8_t {
#define MOLT_INSTR(name, mnemonic, type, flags) name,
#include "ssa/instrs.def"
#undef MOLT_INSTR
};

/// Machine-level type of an SSA value.
enum class ValueType : uint8_t { Void, Value, Bool };

/// Properties of an opcode, from instrs.def.
enum InstrFlags : uint32_t {
  Term = 1u << 0,
  MayRaise = 1u << 1,
  Owned = 1u << 2,
  Consumes = 1u << 3,
  NoRC = 1u << 4,
};

std::string_view mnemonic(Opcode op);
ValueType result_type(Opcode op);
uint32_t flags_of(Opcode op);

/// Binary operators; the order matches runtime/core/binops.def plus Pow.
enum class BinaryOp : uint8_t {
#define MOLT_BINOP(Name, slot, symbol, dunder, rdunder, idunder) Name,
#include "core/binops.def"
#undef MOLT_BINOP
  Pow,
};
std::string_view binary_op_name(BinaryOp op);

enum class UnaryKind : uint8_t { Neg, Pos, Invert };
/// Rich comparison kinds, in the runtime's CompareOp order.
enum class CompareKind : uint8_t { Lt, Le, Eq, Ne, Gt, Ge };

/// Builtins the compiler knows (runtime/include/molt/builtins.def).
enum class BuiltinId : uint8_t {
#define MOLT_BUILTIN_FN(name, impl, object) name##_,
#include "molt/builtins.def"
#undef MOLT_BUILTIN_FN
};
std::string_view builtin_name(BuiltinId id);
/// Looks a builtin up by its Python name; false if there is none.
bool lookup_builtin(std::string_view name, BuiltinId* out);
/// The runtime's direct-call entry for a builtin, or empty if it is called
/// through its object (exception classes).
std::string_view builtin_impl(BuiltinId id);

struct Block;
struct Function;

/// An instruction, which is also the SSA value it defines.
struct Instr {
  Opcode op;
  ValueType type;
  uint32_t id = 0;  ///< value number within the function (for printing)
  Block* block = nullptr;
  std::vector<Instr*> operands;
  std::vector<Instr*> users;  ///< one entry per use (duplicates allowed)
  Block* succ[2] = {nullptr, nullptr};
  int64_t imm = 0;
  int64_t aux = 0;  ///< Call/CallBuiltin: number of positional arguments
  std::string text;                ///< constant text or a name
  std::vector<std::string> names;  ///< ConstKwnames
  Function* callee = nullptr;
  /// Guard: the instruction whose failure it tests.
  Instr* guarded = nullptr;
  diag::Loc loc;  ///< source position for tracebacks (line 0 = none)
  /// Filled by the refcount pass for MayRaise instructions: the references
  /// to release if this instruction raises.
  std::vector<Instr*> release_on_error;

  bool is_terminator() const { return (flags_of(op) & Term) != 0; }
  bool may_raise() const { return (flags_of(op) & MayRaise) != 0; }
  int num_successors() const;
};

struct Block {
  uint32_t id = 0;
  Function* function = nullptr;
  std::vector<Instr*> instrs;
  std::vector<Block*> preds;  ///< in the order phi operands follow

  Instr* terminator() const {
    return !instrs.empty() && instrs.back()->is_terminator() ? instrs.back() : nullptr;
  }
  std::vector<Block*> successors() const;
};

/// A compiled code unit: a `def` or the module body.
struct Function {
  std::string name;      ///< __name__ ("<module>" for the module body)
  std::string qualname;  ///< __qualname__
  std::string symbol;    ///< the LLVM symbol of the direct entry
  std::vector<std::string> param_names;
  /// co_varnames: parameters, then the other local variables.
  std::vector<std::string> varnames;
  /// The parameter layout (see MoltFunctionInfo): param_names holds all of
  /// them in direct-entry order.
  int32_t nposonly = 0;
  int32_t npositional = 0;
  int32_t nkwonly = 0;
  int32_t flags = 0;  ///< MOLT_FN_VARARGS | MOLT_FN_VARKW
  /// The direct entry takes the closure tuple as its first argument.
  bool has_closure = false;
  /// A generator: calling it creates a generator object whose body runs as
  /// a coroutine (codegen).
  bool is_generator = false;
  bool is_module_body = false;
  diag::Loc loc;

  std::vector<std::unique_ptr<Block>> blocks;  ///< blocks[0] is the entry
  std::vector<std::unique_ptr<Instr>> instr_pool;

  Block* entry() const { return blocks.empty() ? nullptr : blocks.front().get(); }
  Block* new_block();
  /// Creates an instruction owned by this function, not yet in a block.
  Instr* new_instr(Opcode op);
  /// Renumbers blocks and values densely in layout order.
  void renumber();
  /// Removes blocks unreachable from the entry (and their uses in phis).
  void remove_unreachable_blocks();
};

/// A whole program: the module body plus every function.
struct Module {
  std::string name;      ///< "__main__"
  std::string filename;  ///< as given to the compiler; shown in tracebacks
  std::vector<std::unique_ptr<Function>> functions;  ///< functions[0] is the module body
  std::vector<std::string> globals;                  ///< module global slots by index

  Function* new_function();
};

// --- editing helpers ------------------------------------------------------------

/// Appends `operand` to `user`'s operand list, recording the use.
void add_operand(Instr* user, Instr* operand);
/// Replaces operand i of `user`.
void set_operand(Instr* user, size_t i, Instr* operand);
/// Makes every user of `from` use `to` instead.
void replace_all_uses(Instr* from, Instr* to);
/// Removes `instr` from its block and drops its operand uses. It must have
/// no users.
void erase(Instr* instr);
/// Appends `instr` at the end of `block`.
void append(Block* block, Instr* instr);
/// Inserts `instr` before `before` in its block.
void insert_before(Instr* before, Instr* instr);
/// Inserts `instr` after `after` in its block.
void insert_after(Instr* after, Instr* instr);
/// Adds the CFG edge from -> to (appending to to->preds).
void link(Block* from, Block* to);

/// True if the refcount pass must track this value: a Value-typed result
/// that may be a heap pointer and is not immortal.
bool needs_refcount(const Instr* v);
/// True if `user` takes over the reference of its operand number `index`.
bool consumes_operand(const Instr* user, size_t index);

}  // namespace molt::ssa
