// args.cc — vectorcall argument helpers.
#include "core/args.h"

#include <string.h>

#include "objects/str.h"
#include "objects/tuple.h"

namespace molt {

size_t keyword_count(Value kwnames) {
  return kwnames == MOLT_NONE ? 0 : static_cast<size_t>(tuple_size(kwnames));
}

const char* keyword_name(Value kwnames, size_t i) {
  size_t n = 0;
  return str_utf8(tuple_item_borrowed(kwnames, static_cast<int64_t>(i)), &n);
}

bool keyword_is(Value kwnames, size_t i, const char* want) {
  size_t n = 0;
  const char* text = str_utf8(tuple_item_borrowed(kwnames, static_cast<int64_t>(i)), &n);
  return text != nullptr && n == strlen(want) && memcmp(text, want, n) == 0;
}

}  // namespace molt
