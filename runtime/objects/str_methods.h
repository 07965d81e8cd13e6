// str_methods.h — internal: the implementations of str's methods (one
// function per Python method, MethodDef-shaped), the argument conventions
// they share, and the method table. Defined across str_methods.cc (table,
// arguments, padding, encode), str_find.cc (search, replace, partition),
// str_split.cc (split, join, strip), str_case.cc (case mapping and is*
// predicates), str_translate.cc and str_format.cc.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "core/object.h"

namespace molt {

/// CPython's calling conventions for str methods, which decide the
/// messages of argument errors.
enum class ArgStyle : uint8_t {
  NoArgs,    ///< METH_NOARGS: "str.upper() takes no arguments (1 given)"
  OneArg,    ///< METH_O: "str.join() takes exactly one argument (0 given)"
  Clinic,    ///< positional-only clinic: "center expected at least 1 argument, got 0"
  OldStyle,  ///< PyArg_ParseTuple: "find() takes at least 1 argument (0 given)"
  Keywords,  ///< clinic with keywords: "'x' is an invalid keyword argument for split()"
};

/// The signature of one method: its name, convention and arity; keyword
/// names for ArgStyle::Keywords.
struct ArgSpec {
  const char* name;
  ArgStyle style;
  int8_t min, max;
  const char* keywords[3];
};

/// Checks the arguments against `spec` and stores them (borrowed) in
/// out[0..spec.max), MOLT_UNBOUND where not given. False with TypeError set.
bool unpack_args(const ArgSpec& spec, const Value* args, size_t nargs, Value kwnames, Value* out);

/// The type name CPython's argument-clinic errors show: "None" for None
/// (_PyArg_BadArgument), the type's name otherwise.
inline const char* arg_type_name(Value v) {
  return v == MOLT_NONE ? "None" : type_of(v)->name;
}

/// True for int, bool and objects whose type has an index slot.
bool is_index_like(Value v);
/// What index_arg does with an int outside the int64 (or C int) range.
enum class IndexOverflow : uint8_t {
  Clamp,       ///< clamp to INT64_MIN/MAX (slice indices)
  SsizeError,  ///< OverflowError "Python int too large to convert to C ssize_t"
  IndexError,  ///< IndexError "cannot fit 'int' into an index-sized integer"
  CIntError,   ///< OverflowError "Python int too large to convert to C int" (also beyond 32 bits)
};
/// operator.index(v) as an int64. TypeError "'x' object cannot be
/// interpreted as an integer" for non-index values. False with an exception.
bool index_arg(Value v, IndexOverflow mode, int64_t* out);
/// The optional start/end arguments at args[first], args[first + 1] of
/// find/count/startswith/...: None or absent for the defaults, clamped as
/// CPython's ADJUST_INDICES (end into [0, len]; start from below only).
/// False with TypeError "slice indices must be integers or None or have an
/// __index__ method".
bool parse_start_end(const Value* args, size_t nargs, size_t first, int64_t len, int64_t* start,
                     int64_t* end);
/// startswith/endswith of one str `sub` against s[start:end].
bool str_tailmatch(Value s, Value sub, int64_t start, int64_t end, bool at_end);

/// str's MethodDef table (null-terminated).
extern const MethodDef kStrMethods[];

#define MOLT_STR_METHOD(name) \
  Value str_method_##name(Value self, const Value* args, size_t nargs, Value kwnames);
MOLT_STR_METHOD(capitalize)
MOLT_STR_METHOD(casefold)
MOLT_STR_METHOD(center)
MOLT_STR_METHOD(count)
MOLT_STR_METHOD(encode)
MOLT_STR_METHOD(endswith)
MOLT_STR_METHOD(expandtabs)
MOLT_STR_METHOD(find)
MOLT_STR_METHOD(format)
MOLT_STR_METHOD(format_map)
MOLT_STR_METHOD(index)
MOLT_STR_METHOD(isalnum)
MOLT_STR_METHOD(isalpha)
MOLT_STR_METHOD(isascii)
MOLT_STR_METHOD(isdecimal)
MOLT_STR_METHOD(isdigit)
MOLT_STR_METHOD(isidentifier)
MOLT_STR_METHOD(islower)
MOLT_STR_METHOD(isnumeric)
MOLT_STR_METHOD(isprintable)
MOLT_STR_METHOD(isspace)
MOLT_STR_METHOD(istitle)
MOLT_STR_METHOD(isupper)
MOLT_STR_METHOD(join)
MOLT_STR_METHOD(ljust)
MOLT_STR_METHOD(lower)
MOLT_STR_METHOD(lstrip)
MOLT_STR_METHOD(maketrans)
MOLT_STR_METHOD(partition)
MOLT_STR_METHOD(removeprefix)
MOLT_STR_METHOD(removesuffix)
MOLT_STR_METHOD(replace)
MOLT_STR_METHOD(rfind)
MOLT_STR_METHOD(rindex)
MOLT_STR_METHOD(rjust)
MOLT_STR_METHOD(rpartition)
MOLT_STR_METHOD(rsplit)
MOLT_STR_METHOD(rstrip)
MOLT_STR_METHOD(split)
MOLT_STR_METHOD(splitlines)
MOLT_STR_METHOD(startswith)
MOLT_STR_METHOD(strip)
MOLT_STR_METHOD(swapcase)
MOLT_STR_METHOD(title)
MOLT_STR_METHOD(translate)
MOLT_STR_METHOD(upper)
MOLT_STR_METHOD(zfill)
MOLT_STR_METHOD(dunder_format)
#undef MOLT_STR_METHOD

}  // namespace molt
