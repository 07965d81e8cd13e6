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

/** The module's global variables, for NameError suggestions. */
typedef struct MoltModuleInfo {
  const char* const* global_names; /**< one per global slot */
  MoltValue* const* global_slots;  /**< the slots (MOLT_UNBOUND when unassigned) */
  int32_t nglobals;
} MoltModuleInfo;

/** Describes a compiled code unit (function or module body) for
 * tracebacks. Emitted by codegen as a constant. */
typedef struct MoltCodeInfo {
  const char* name;              /**< co_name: "f", "<module>" */
  const char* filename;          /**< the path as given to the compiler */
  const char* const* varnames;   /**< co_varnames: parameters, then other locals */
  int32_t nvarnames;
  const MoltModuleInfo* module;  /**< the module the code belongs to */
} MoltCodeInfo;

/** Generic entry of a compiled function: CPython's vectorcall shape. */
typedef MoltValue (*MoltGenericEntry)(MoltValue self, const MoltValue* args, size_t nargs, MoltValue kwnames);

/** MoltFunctionInfo.flags */
#define MOLT_FN_VARARGS 1 /**< has a *args parameter */
#define MOLT_FN_VARKW 2   /**< has a **kwargs parameter */

/** Describes a `def` for the function objects created from it. Emitted by
 * codegen as a constant.
 *
 * The direct entry takes, in order: the closure tuple (if has_closure),
 * then the npositional positional parameters (the first nposonly of them
 * positional-only), the nkwonly keyword-only ones, the *args tuple and the
 * **kwargs dict when present. param_names lists the same parameters in the
 * same order (without the closure). */
typedef struct MoltFunctionInfo {
  const char* name;               /**< __name__ */
  const char* qualname;           /**< __qualname__ */
  int32_t nposonly;
  int32_t npositional;
  int32_t nkwonly;
  int32_t flags;                  /**< MOLT_FN_* */
  int32_t nparams;                /**< all parameters, as the direct entry takes them */
  int32_t has_closure;
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

MoltValue molt_raise(MoltValue exc, MoltValue cause);
MoltValue molt_catch(void);
MoltValue molt_set_handled(MoltValue exc);
void molt_restore_handled(MoltValue prev);
void molt_reraise(MoltValue exc);
MoltValue molt_reraise_handled(void);
int32_t molt_exception_matches(MoltValue exc, MoltValue type);

int32_t molt_list_append(MoltValue list, MoltValue item);
int32_t molt_list_extend_star(MoltValue list, MoltValue iterable);
MoltValue molt_list_to_tuple(MoltValue list);
int32_t molt_set_add(MoltValue set, MoltValue item);
int32_t molt_set_update(MoltValue set, MoltValue iterable);
int32_t molt_dict_update_display(MoltValue dict, MoltValue mapping);
int32_t molt_dict_merge_kwargs(MoltValue dict, MoltValue mapping, MoltValue callable);
MoltValue molt_call_ex(MoltValue callable, MoltValue args, MoltValue kwargs);

MoltValue molt_gen_new(const MoltFunctionInfo* info);
void molt_gen_set_handle(MoltValue gen, void* handle);
void molt_gen_yield(MoltValue gen, MoltValue value);
MoltValue molt_gen_resumed(MoltValue gen);
void molt_gen_return(MoltValue gen, MoltValue value);
void molt_gen_fail(MoltValue gen);
void* molt_coro_alloc(size_t size);
void molt_coro_free(void* frame);
MoltValue molt_yield_from_step(MoltValue delegate, MoltValue sent);
MoltValue molt_yield_from_result(MoltValue delegate);
MoltValue molt_yield_from_throw(MoltValue delegate, MoltValue exc);

MoltValue molt_raise_name_error(const char* name);
MoltValue molt_raise_unbound_local(const char* name);

MoltValue molt_function_new(const MoltFunctionInfo* info);
MoltValue molt_call(MoltValue callable, const MoltValue* args, size_t nargs, MoltValue kwnames);
int32_t molt_bind_args(MoltValue function, const MoltValue* args, size_t nargs, MoltValue kwnames, MoltValue* out);
void molt_release_args(MoltValue* values, size_t n);
MoltValue molt_function_new_ex(const MoltFunctionInfo* info, MoltValue defaults, MoltValue kwdefaults,
                               MoltValue closure);
MoltValue molt_function_closure(MoltValue function);
MoltValue molt_make_cell(MoltValue value);
MoltValue molt_cell_get(MoltValue cell, const char* name, int32_t is_free);
void molt_cell_set(MoltValue cell, MoltValue value);
MoltValue molt_tuple_from_array(const MoltValue* items, size_t n);

MoltValue molt_get_iter(MoltValue v);
MoltValue molt_iter_next(MoltValue it);
MoltValue molt_getitem(MoltValue o, MoltValue k);
int32_t molt_setitem(MoltValue o, MoltValue k, MoltValue v);
int32_t molt_delitem(MoltValue o, MoltValue k);
MoltValue molt_getattr(MoltValue o, MoltValue name);
int32_t molt_setattr(MoltValue o, MoltValue name, MoltValue v);
int32_t molt_delattr(MoltValue o, MoltValue name);
MoltValue molt_call_method(MoltValue o, MoltValue name, const MoltValue* args, size_t nargs, MoltValue kwnames);
int32_t molt_contains(MoltValue container, MoltValue item);
MoltValue molt_build_list(const MoltValue* items, size_t n);
MoltValue molt_build_dict(const MoltValue* items, size_t npairs);
MoltValue molt_build_set(const MoltValue* items, size_t n);
MoltValue molt_with_begin(MoltValue mgr);
MoltValue molt_with_exit(MoltValue exit, MoltValue exc);
MoltValue molt_format_value(MoltValue value, int32_t conversion, MoltValue spec);
MoltValue molt_build_string(const MoltValue* parts, size_t n);
MoltValue molt_build_class(MoltValue name, MoltValue qualname, MoltValue bases, MoltValue ns, MoltValue cell);
MoltValue molt_class_get(MoltValue ns, MoltValue name);
MoltValue molt_build_slice(MoltValue start, MoltValue stop, MoltValue step);
MoltValue molt_unpack(MoltValue v, size_t n);
MoltValue molt_unpack_ex(MoltValue v, size_t before, size_t after);
MoltValue molt_tuple_get(MoltValue t, size_t i);


#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* MOLT_ABI_H */
