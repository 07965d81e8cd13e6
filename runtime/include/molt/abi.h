/* abi.h — C declarations of the runtime entry points listed in abi.def,
 * and the static descriptors codegen emits for compiled code.
 */
#ifndef MOLT_ABI_H
#define MOLT_ABI_H

#include <stddef.h>
#include <stdint.h>

#include "molt/value.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Describes a compiled code unit (function or module body) for
 * tracebacks. Emitted by codegen as a constant. */
typedef struct MoltCodeInfo {
  const char* name;     /**< co_name: "f", "<module>" */
  const char* filename; /**< the path as given to the compiler */
} MoltCodeInfo;

/** Generic entry of a compiled function: CPython's vectorcall shape. */
typedef MoltValue (*MoltGenericEntry)(MoltValue self, const MoltValue* args, size_t nargs, MoltValue kwnames);

/** Describes a `def` for the function objects created from it. Emitted by
 * codegen as a constant. */
typedef struct MoltFunctionInfo {
  const char* name;               /**< __name__ */
  const char* qualname;           /**< __qualname__ */
  int32_t nparams;                /**< positional-or-keyword parameters */
  const char* const* param_names; /**< nparams names */
  MoltGenericEntry generic;       /**< generic entry point */
} MoltFunctionInfo;

typedef MoltValue (*MoltModuleInit)(void);
/** Releases the module's globals at exit. */
typedef void (*MoltModuleFini)(void);

int32_t molt_rt_main(int32_t argc, char** argv, MoltModuleInit module_init, MoltModuleFini module_fini);
int32_t molt_enter_frame(void);
void molt_leave_frame(void);
void molt_traceback_add(const MoltCodeInfo* code, int32_t line);

void molt_incref(MoltValue v);
void molt_decref(MoltValue v);
void molt_dealloc(void* object);

MoltValue molt_const_str(const char* utf8, size_t len);
MoltValue molt_const_int(const char* text, size_t len);
MoltValue molt_const_tuple(const MoltValue* items, size_t n);
MoltValue molt_builtin_object(int32_t id);

MoltValue molt_binop_Add(MoltValue a, MoltValue b);
MoltValue molt_binop_Sub(MoltValue a, MoltValue b);
MoltValue molt_binop_Mult(MoltValue a, MoltValue b);
MoltValue molt_binop_MatMult(MoltValue a, MoltValue b);
MoltValue molt_binop_Div(MoltValue a, MoltValue b);
MoltValue molt_binop_Mod(MoltValue a, MoltValue b);
MoltValue molt_binop_Pow(MoltValue a, MoltValue b);
MoltValue molt_binop_LShift(MoltValue a, MoltValue b);
MoltValue molt_binop_RShift(MoltValue a, MoltValue b);
MoltValue molt_binop_BitOr(MoltValue a, MoltValue b);
MoltValue molt_binop_BitXor(MoltValue a, MoltValue b);
MoltValue molt_binop_BitAnd(MoltValue a, MoltValue b);
MoltValue molt_binop_FloorDiv(MoltValue a, MoltValue b);
MoltValue molt_inplace_Add(MoltValue a, MoltValue b);
MoltValue molt_inplace_Sub(MoltValue a, MoltValue b);
MoltValue molt_inplace_Mult(MoltValue a, MoltValue b);
MoltValue molt_inplace_MatMult(MoltValue a, MoltValue b);
MoltValue molt_inplace_Div(MoltValue a, MoltValue b);
MoltValue molt_inplace_Mod(MoltValue a, MoltValue b);
MoltValue molt_inplace_Pow(MoltValue a, MoltValue b);
MoltValue molt_inplace_LShift(MoltValue a, MoltValue b);
MoltValue molt_inplace_RShift(MoltValue a, MoltValue b);
MoltValue molt_inplace_BitOr(MoltValue a, MoltValue b);
MoltValue molt_inplace_BitXor(MoltValue a, MoltValue b);
MoltValue molt_inplace_BitAnd(MoltValue a, MoltValue b);
MoltValue molt_inplace_FloorDiv(MoltValue a, MoltValue b);
MoltValue molt_unary_neg(MoltValue v);
MoltValue molt_unary_pos(MoltValue v);
MoltValue molt_unary_invert(MoltValue v);
MoltValue molt_compare(MoltValue a, MoltValue b, int32_t op);
int32_t molt_compare_bool(MoltValue a, MoltValue b, int32_t op);
int32_t molt_is(MoltValue a, MoltValue b);
int32_t molt_truth(MoltValue v);

MoltValue molt_raise_name_error(const char* name);
MoltValue molt_raise_unbound_local(const char* name);

MoltValue molt_function_new(const MoltFunctionInfo* info);
MoltValue molt_call(MoltValue callable, const MoltValue* args, size_t nargs, MoltValue kwnames);
int32_t molt_bind_args(const MoltFunctionInfo* info, const MoltValue* args, size_t nargs, MoltValue kwnames,
                       MoltValue* out);
MoltValue molt_tuple_from_array(const MoltValue* items, size_t n);

MoltValue molt_builtin_print(const MoltValue* args, size_t nargs, MoltValue kwnames);
MoltValue molt_builtin_bool(const MoltValue* args, size_t nargs, MoltValue kwnames);
MoltValue molt_builtin_float(const MoltValue* args, size_t nargs, MoltValue kwnames);
MoltValue molt_builtin_int(const MoltValue* args, size_t nargs, MoltValue kwnames);
MoltValue molt_builtin_str(const MoltValue* args, size_t nargs, MoltValue kwnames);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* MOLT_ABI_H */
