// none.cc — NoneType, NotImplementedType and ellipsis.
#include "objects/none.h"

#include "objects/str.h"

namespace molt {

namespace {

Value none_repr(Value) { return str_from_ascii("None", 4); }
// CPython 3.12 gives None a constant hash (0xFCA86420) independent of its address.
int64_t none_hash(Value) { return 0xFCA86420; }
int none_truth(Value) { return 0; }

Value not_implemented_repr(Value) { return str_from_ascii("NotImplemented", 14); }
Value ellipsis_repr(Value) { return str_from_ascii("Ellipsis", 8); }

int64_t pointer_hash(Value v) {
  uint64_t p = static_cast<uint64_t>(reinterpret_cast<uintptr_t>(molt_as_ptr(v)));
  int64_t h = static_cast<int64_t>((p >> 4) | (p << 60));
  return h == -1 ? -2 : h;
}

const NumberMethods kNoneNumber = {.truth = none_truth};

}  // namespace

Type none_type = {
    {kImmortalRefcount, &type_type}, "NoneType", &object_type, 0, 0, nullptr, none_repr, nullptr, none_hash,
    nullptr, &kNoneNumber,
};

Type not_implemented_type = {
    {kImmortalRefcount, &type_type}, "NotImplementedType", &object_type, 0, sizeof(Object), nullptr,
    not_implemented_repr, nullptr, pointer_hash,
};

Type ellipsis_type = {
    {kImmortalRefcount, &type_type}, "ellipsis", &object_type, 0, sizeof(Object), nullptr, ellipsis_repr, nullptr,
    pointer_hash,
};

Object g_not_implemented = {kImmortalRefcount, &not_implemented_type};
Object g_ellipsis = {kImmortalRefcount, &ellipsis_type};

}  // namespace molt
