// descriptors.h — bound methods, staticmethod, classmethod, property and
// super: the objects that make methods and managed attributes of classes
// work (CPython's method, staticmethod, classmethod, property, super).
#pragma once

#include "core/object.h"

namespace molt {

extern Type method_type;        ///< a function bound to an instance
extern Type staticmethod_type;
extern Type classmethod_type;
extern Type property_type;
extern Type super_type;

struct MethodObject {
  Object ob;
  Value func;
  Value self;
};

struct WrapperObject {  ///< staticmethod / classmethod
  Object ob;
  Value func;
};

struct PropertyObject {
  Object ob;
  Value fget, fset, fdel, doc;  ///< None when absent
};

struct SuperObject {
  Object ob;
  Value type;      ///< the class whose MRO position starts the search
  Value obj;       ///< the instance (or class) the lookup binds to
  Value obj_type;  ///< the type whose MRO is searched
};

/// A bound method (func, self).
Value method_new(Value func, Value self);

}  // namespace molt
