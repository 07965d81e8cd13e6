// bool.h — Python `bool`, a subclass of int stored inline (MOLT_TRUE/FALSE).
#pragma once

#include "core/object.h"

namespace molt {

extern Type bool_type;

}  // namespace molt
