// list_impl.h — declarations shared by the files implementing `list`
// (list.cc, list_methods.cc, list_sort.cc); not part of the runtime's API.
#pragma once

#include "core/object.h"

namespace molt {

/// The builtin methods of list (list_methods.cc).
extern const MethodDef kListMethods[];

}  // namespace molt
