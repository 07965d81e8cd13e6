// none.h — the singletons None, NotImplemented and Ellipsis.
//
// None is an inline value (MOLT_NONE); NotImplemented and Ellipsis are
// immortal statically allocated objects.
#pragma once

#include "core/object.h"

namespace molt {

extern Type none_type;
extern Type not_implemented_type;
extern Type ellipsis_type;
extern Object g_not_implemented;
extern Object g_ellipsis;

/// The NotImplemented singleton (a borrowed reference to an immortal
/// object; returning it without incref is allowed).
inline Value not_implemented() { return molt_from_ptr(&g_not_implemented); }
inline bool is_not_implemented(Value v) { return v == molt_from_ptr(&g_not_implemented); }
inline Value ellipsis() { return molt_from_ptr(&g_ellipsis); }

}  // namespace molt
