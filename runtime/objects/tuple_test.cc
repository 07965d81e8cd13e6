// tuple_test.cc — tuple hashing and repr against CPython 3.12.
#include "objects/tuple.h"

#include <gtest/gtest.h>

#include "core/abstract.h"
#include "objects/int.h"
#include "objects/str.h"

namespace molt {
namespace {

TEST(Tuple, HashMatchesCPython) {
  Ref empty(tuple_new(0));
  EXPECT_EQ(object_hash(empty.get()), 5740354900026072187);
  Ref one(tuple_pack1_steal(molt_from_small_int(1)));
  EXPECT_EQ(object_hash(one.get()), -6644214454873602895);
  Ref two(tuple_pack2_steal(molt_from_small_int(1), molt_from_small_int(2)));
  EXPECT_EQ(object_hash(two.get()), -3550055125485641917);
  Ref three(tuple_new(3));
  tuple_set_steal(three.get(), 0, str_from_cstr("a"));
  tuple_set_steal(three.get(), 1, molt_from_double(1.5));
  tuple_set_steal(three.get(), 2, MOLT_NONE);
  EXPECT_EQ(object_hash(three.get()), 9046442393729319273);
}

TEST(Tuple, Repr) {
  Ref one(tuple_pack1_steal(molt_from_small_int(1)));
  Ref r1(object_repr(one.get()));
  size_t n;
  EXPECT_STREQ(str_utf8(r1.get(), &n), "(1,)");
  Ref two(tuple_pack2_steal(str_from_cstr("x"), molt_from_double(0.5)));
  Ref r2(object_repr(two.get()));
  EXPECT_STREQ(str_utf8(r2.get(), &n), "('x', 0.5)");
}

}  // namespace
}  // namespace molt
