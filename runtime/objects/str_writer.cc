// str_writer.cc — canonical str construction from code units: narrowing,
// substrings, the shared empty and one-character strings, and StrWriter.
#include <stdlib.h>
#include <string.h>

#include "core/errors.h"
#include "objects/str_impl.h"

namespace molt {

uint32_t max_char_bound(const void* data, int kind, int64_t n) {
  // OR-reduction: branch-free, so the compiler vectorises it.
  if (kind == 1) {
    const uint8_t* p = static_cast<const uint8_t*>(data);
    uint64_t acc = 0;
    int64_t i = 0;
    for (; i + 8 <= n; i += 8) {
      uint64_t w;
      memcpy(&w, p + i, 8);
      acc |= w;
    }
    uint32_t r = 0;
    for (; i < n; ++i) r |= p[i];
    for (int b = 0; b < 8; ++b) r |= static_cast<uint32_t>(acc >> (8 * b)) & 0xFF;
    return r;
  }
  if (kind == 2) {
    const uint16_t* p = static_cast<const uint16_t*>(data);
    uint32_t r = 0;
    for (int64_t i = 0; i < n; ++i) r |= p[i];
    return r;
  }
  const uint32_t* p = static_cast<const uint32_t*>(data);
  uint32_t r = 0;
  for (int64_t i = 0; i < n; ++i) r |= p[i];
  return r;
}

void convert_units(void* dst, int dkind, const void* src, int skind, int64_t n) {
  if (dkind == skind) {
    memcpy(dst, src, static_cast<size_t>(n) * static_cast<size_t>(skind));
    return;
  }
#define MOLT_CONVERT(D, S)                                       \
  do {                                                           \
    D* d = static_cast<D*>(dst);                                 \
    const S* s = static_cast<const S*>(src);                     \
    for (int64_t i = 0; i < n; ++i) d[i] = static_cast<D>(s[i]); \
  } while (0)
  if (dkind == 1) {
    if (skind == 2)
      MOLT_CONVERT(uint8_t, uint16_t);
    else
      MOLT_CONVERT(uint8_t, uint32_t);
  } else if (dkind == 2) {
    if (skind == 1)
      MOLT_CONVERT(uint16_t, uint8_t);
    else
      MOLT_CONVERT(uint16_t, uint32_t);
  } else {
    if (skind == 1)
      MOLT_CONVERT(uint32_t, uint8_t);
    else
      MOLT_CONVERT(uint32_t, uint16_t);
  }
#undef MOLT_CONVERT
}

namespace {

StrObject* g_empty = nullptr;
StrObject* g_latin1[256];

StrObject* make_immortal(Value v) {
  if (molt_is_error(v)) fatal("out of memory creating a shared string");
  StrObject* s = as_str(v);
  s->ob.refcount = kImmortalRefcount;
  return s;
}

}  // namespace

Value str_empty() {
  if (g_empty == nullptr) g_empty = make_immortal(str_new_raw(0, 1, true));
  return new_ref(from_object(&g_empty->ob));
}

Value str_char(uint32_t cp) {
  if (cp < 256) {
    StrObject*& slot = g_latin1[cp];
    if (slot == nullptr) {
      Value v = str_new_raw(1, 1, cp < 0x80);
      if (molt_is_error(v)) return v;
      static_cast<uint8_t*>(str_data(as_str(v)))[0] = static_cast<uint8_t>(cp);
      slot = make_immortal(v);
    }
    return new_ref(from_object(&slot->ob));
  }
  int kind = kind_for(cp);
  Value v = str_new_raw(1, static_cast<uint8_t>(kind), false);
  if (molt_is_error(v)) return v;
  write_unit(str_data(as_str(v)), kind, 0, cp);
  return v;
}

Value str_from_units(const void* data, int kind, int64_t n) {
  if (n == 0) return str_empty();
  if (n == 1) return str_char(read_unit(data, kind, 0));
  uint32_t bound = max_char_bound(data, kind, n);
  int k = kind_for(bound);
  Value v = str_new_raw(n, static_cast<uint8_t>(k), bound < 0x80);
  if (molt_is_error(v)) return v;
  convert_units(str_data(as_str(v)), k, data, kind, n);
  return v;
}

Value str_substring(Value s, int64_t start, int64_t stop) {
  StrObject* o = as_str(s);
  if (start == 0 && stop == o->length && is_str_exact(s)) return new_ref(s);
  int64_t n = stop - start;
  const char* src = static_cast<const char*>(str_data(o)) + start * o->kind;
  if (o->ascii && n > 1) {
    // Every piece of an ASCII string is ASCII: skip the scan.
    Value v = str_new_raw(n, 1, true);
    if (molt_is_error(v)) return v;
    copy_bytes(static_cast<char*>(str_data(as_str(v))), src, static_cast<size_t>(n));
    return v;
  }
  return str_from_units(src, o->kind, n);
}

Value str_narrow(Value r) {
  if (molt_is_error(r)) return r;
  StrObject* o = as_str(r);
  if (o->ascii) return r;
  uint32_t bound = max_char_bound(str_data(o), o->kind, o->length);
  if (o->kind == 1) {
    if (bound < 0x80) {
      o->ascii = true;
      o->utf8 = static_cast<char*>(str_data(o));
      o->utf8_length = o->length;
    }
    return r;
  }
  if (kind_for(bound) == o->kind) return r;
  Value n = str_from_units(str_data(o), o->kind, o->length);
  decref(r);
  return n;
}

// --- StrWriter ---------------------------------------------------------------------

StrWriter::~StrWriter() {
  free(buf_);
}

bool StrWriter::grow(int64_t need, uint32_t maxchar) {
  int new_kind = kind_ > kind_for(maxchar) ? kind_ : kind_for(maxchar);
  int64_t new_cap = cap_;
  if (len_ + need > cap_) {
    new_cap = cap_ < 16 ? 16 : cap_ + cap_ / 2;
    if (new_cap < len_ + need) new_cap = len_ + need;
  }
  if (new_kind == kind_) {
    char* p = static_cast<char*>(realloc(buf_, static_cast<size_t>(new_cap) * static_cast<size_t>(kind_)));
    if (p == nullptr) {
      raise_no_memory();
      return false;
    }
    buf_ = p;
  } else {
    char* p = static_cast<char*>(malloc(static_cast<size_t>(new_cap) * static_cast<size_t>(new_kind)));
    if (p == nullptr) {
      raise_no_memory();
      return false;
    }
    convert_units(p, new_kind, buf_, kind_, len_);
    free(buf_);
    buf_ = p;
    kind_ = new_kind;
  }
  cap_ = new_cap;
  maxchar_ = kind_ == 1 ? 0xFF : kind_ == 2 ? 0xFFFF : 0x10FFFF;
  return true;
}

bool StrWriter::reserve(int64_t n, uint32_t maxchar) {
  if (len_ + n <= cap_ && maxchar <= maxchar_) return true;
  return grow(n, maxchar);
}

bool StrWriter::append_slow(uint32_t cp) {
  if (!reserve(1, cp)) return false;
  write_unit(buf_, kind_, len_++, cp);
  return true;
}

bool StrWriter::append_units(const void* data, int kind, int64_t n, uint32_t maxchar) {
  if (n == 0) return true;
  if (!reserve(n, maxchar)) return false;
  convert_units(buf_ + len_ * kind_, kind_, data, kind, n);
  len_ += n;
  return true;
}

bool StrWriter::append_substr(Value s, int64_t start, int64_t stop) {
  StrObject* o = as_str(s);
  uint32_t maxchar = o->ascii ? 0x7F : o->kind == 1 ? 0xFF : o->kind == 2 ? 0xFFFF : 0x10FFFF;
  return append_units(static_cast<const char*>(str_data(o)) + start * o->kind, o->kind, stop - start,
                      maxchar);
}

bool StrWriter::append_ascii(const char* s, size_t n) {
  return append_units(s, 1, static_cast<int64_t>(n), 0x7F);
}

bool StrWriter::append_utf8(const char* text, size_t n) {
  const unsigned char* s = reinterpret_cast<const unsigned char*>(text);
  size_t i = 0;
  while (i < n) {
    size_t run = i;
    while (run < n && s[run] < 0x80) ++run;
    if (run > i && !append_ascii(text + i, run - i)) return false;
    i = run;
    if (i >= n) break;
    uint32_t cp;
    unsigned char c = s[i];
    if (c < 0xE0) {
      cp = (static_cast<uint32_t>(c & 0x1F) << 6) | (s[i + 1] & 0x3F);
      i += 2;
    } else if (c < 0xF0) {
      cp = (static_cast<uint32_t>(c & 0x0F) << 12) | (static_cast<uint32_t>(s[i + 1] & 0x3F) << 6) |
           (s[i + 2] & 0x3F);
      i += 3;
    } else {
      cp = (static_cast<uint32_t>(c & 0x07) << 18) | (static_cast<uint32_t>(s[i + 1] & 0x3F) << 12) |
           (static_cast<uint32_t>(s[i + 2] & 0x3F) << 6) | (s[i + 3] & 0x3F);
      i += 4;
    }
    if (!append(cp)) return false;
  }
  return true;
}

bool StrWriter::fill(uint32_t cp, int64_t count) {
  if (count <= 0) return true;
  if (!reserve(count, cp)) return false;
  if (kind_ == 1) {
    memset(buf_ + len_, static_cast<int>(cp), static_cast<size_t>(count));
  } else {
    for (int64_t i = 0; i < count; ++i) write_unit(buf_, kind_, len_ + i, cp);
  }
  len_ += count;
  return true;
}

Value StrWriter::finish() {
  // The buffer's kind may be wider than the contents need (e.g. after a
  // reserve with a large maxchar); str_from_units narrows.
  Value v;
  if (len_ == 0) {
    v = str_empty();
  } else {
    v = str_from_units(buf_, kind_, len_);
  }
  free(buf_);
  buf_ = nullptr;
  kind_ = 1;
  maxchar_ = 0x7F;
  len_ = cap_ = 0;
  return v;
}

}  // namespace molt
