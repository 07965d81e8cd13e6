// str_format.cc — str.format(), str.format_map() and str.__format__: the
// replacement-field parser ({name.attr[key]!conv:spec}, auto and manual
// numbering, nested specs two levels deep) with CPython 3.12's errors.
#include "core/abstract.h"
#include "core/args.h"
#include "core/attr.h"
#include "core/errors.h"
#include "core/format.h"
#include "core/unicode.h"
#include "exc/exceptions.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/str_impl.h"
#include "objects/str_methods.h"
#include "objects/tuple.h"

namespace molt {

namespace {

/// A slice [start, end) of a str.
struct Sub {
  Value str;
  int64_t start, end;
  uint32_t at(int64_t i) const { return str_code_point(as_str(str), i); }
  bool empty() const { return start >= end; }
  Value make() const { return str_substring(str, start, end); }
};

/// Where replacement values come from: positional args (or none, for
/// format_map) and keyword args given as vectorcall kwnames, or a mapping.
struct Sources {
  bool has_args;  ///< false for format_map (positional fields are an error)
  const Value* args;
  size_t nargs;
  const Value* kwvalues;
  Value kwnames;  ///< tuple of str or None
  Value mapping;  ///< format_map's mapping, else MOLT_UNBOUND
};

enum class AutoState { Init, Auto, Manual };
struct AutoNumber {
  AutoState state = AutoState::Init;
  int64_t next = 0;
};

/// A decimal index in s, or -1 if s is empty or not all decimal digits;
/// -2 with ValueError "Too many decimal digits in format string".
int64_t get_integer(const Sub& s) {
  if (s.empty()) return -1;
  int64_t acc = 0;
  for (int64_t i = s.start; i < s.end; ++i) {
    int d = unicode::decimal_value(s.at(i));
    if (d < 0) return -1;
    if (acc > (INT64_MAX - d) / 10) {
      raise(ErrorId::FormatTooManyDigits);
      return -2;
    }
    acc = acc * 10 + d;
  }
  return acc;
}

Value raise_key_error(Value key) {
  Value args = tuple_pack1_steal(new_ref(key));
  if (molt_is_error(args)) return MOLT_ERROR;
  Value exc = exception_new(&exc::KeyError, args);
  if (molt_is_error(exc)) return MOLT_ERROR;
  return raise_instance(exc);
}

/// The keyword value named `key`, or KeyError(key).
Value lookup_keyword(const Sources& src, Value key) {
  if (src.mapping != MOLT_UNBOUND) return object_getitem(src.mapping, key);
  size_t nkw = keyword_count(src.kwnames);
  for (size_t k = 0; k < nkw; ++k) {
    if (str_equal(tuple_item_borrowed(src.kwnames, static_cast<int64_t>(k)), key)) {
      return new_ref(src.kwvalues[k]);
    }
  }
  return raise_key_error(key);
}

/// True if `obj` supports the sequence protocol (PySequence_Check).
bool is_sequence(Value obj) {
  Type* t = type_of(obj);
  return t->as_sequence != nullptr && t->as_sequence->item != nullptr && !is_dict(obj);
}

/// Resolves a field name ("0", "name", "", "0.attr[key][1]") to an object.
Value get_field_object(const Sub& field, const Sources& src, AutoNumber& autonum) {
  int64_t i = field.start;
  while (i < field.end) {
    uint32_t c = field.at(i);
    if (c == '[' || c == '.') break;
    ++i;
  }
  Sub first{field.str, field.start, i};
  int64_t index = get_integer(first);
  if (index == -2) return MOLT_ERROR;
  bool empty = first.empty();
  bool numeric = empty || index != -1;
  if (numeric) {
    if (autonum.state == AutoState::Init) autonum.state = empty ? AutoState::Auto : AutoState::Manual;
    if (autonum.state == AutoState::Manual && empty) return raise(ErrorId::FormatManualToAuto);
    if (autonum.state == AutoState::Auto && !empty) return raise(ErrorId::FormatAutoToManual);
    if (empty) index = autonum.next++;
  }
  Value obj;
  if (index == -1) {
    Ref key(first.make());
    if (key.is_error()) return MOLT_ERROR;
    obj = lookup_keyword(src, key.get());
  } else {
    if (!src.has_args) return raise(ErrorId::FormatPositionalInMap);
    if (static_cast<uint64_t>(index) >= src.nargs)
      return raise(ErrorId::FormatIndexOutOfRange, static_cast<long long>(index));
    obj = new_ref(src.args[index]);
  }
  if (molt_is_error(obj)) return obj;
  Ref cur(obj);
  // The rest: .attr and [key] parts.
  while (i < field.end) {
    uint32_t c = field.at(i++);
    Sub name{field.str, i, i};
    bool is_attr = c == '.';
    int64_t item_index = -1;
    if (is_attr) {
      while (i < field.end && field.at(i) != '[' && field.at(i) != '.') ++i;
      name.end = i;
    } else if (c == '[') {
      while (i < field.end && field.at(i) != ']') ++i;
      if (i >= field.end) return raise(ErrorId::FormatMissingBracket);
      name.end = i++;
      item_index = get_integer(name);
      if (item_index == -2) return MOLT_ERROR;
    } else {
      return raise(ErrorId::FormatAfterBracket);
    }
    if (name.empty()) return raise(ErrorId::FormatEmptyAttribute);
    Value next;
    if (is_attr) {
      Ref attr(name.make());
      if (attr.is_error()) return MOLT_ERROR;
      next = object_getattr(cur.get(), attr.get());
    } else if (item_index == -1) {
      Ref key(name.make());
      if (key.is_error()) return MOLT_ERROR;
      next = object_getitem(cur.get(), key.get());
    } else if (is_sequence(cur.get())) {
      Type* t = type_of(cur.get());
      next = t->as_sequence->item(cur.get(), item_index);
    } else {
      Ref key(int_from_i64(item_index));
      if (key.is_error()) return MOLT_ERROR;
      next = object_getitem(cur.get(), key.get());
    }
    if (molt_is_error(next)) return next;
    cur = Ref(next);
  }
  return cur.release();
}

bool build(StrWriter& w, const Sub& input, const Sources& src, int depth, AutoNumber& autonum);

/// Formats one replacement field into w.
bool output_field(StrWriter& w, const Sub& field, uint32_t conversion, const Sub& spec, bool expand,
                  const Sources& src, int depth, AutoNumber& autonum) {
  Ref obj(get_field_object(field, src, autonum));
  if (obj.is_error()) return false;
  if (conversion != 0) {
    Value converted;
    switch (conversion) {
      case 'r': converted = object_repr(obj.get()); break;
      case 's': converted = object_str(obj.get()); break;
      case 'a': converted = object_ascii(obj.get()); break;
      default:
        if (conversion > 32 && conversion < 127) {
          raise(ErrorId::FormatUnknownConversion, static_cast<int>(conversion));
        } else {
          raise(ErrorId::FormatUnknownConversionHex, static_cast<unsigned>(conversion));
        }
        return false;
    }
    if (molt_is_error(converted)) return false;
    obj = Ref(converted);
  }
  Ref spec_str;
  if (expand) {
    StrWriter inner;
    if (!build(inner, spec, src, depth - 1, autonum)) return false;
    spec_str = Ref(inner.finish());
  } else {
    spec_str = Ref(spec.make());
  }
  if (spec_str.is_error()) return false;
  Value v = obj.get();
  if (is_str_exact(v) && str_length(spec_str.get()) == 0) return w.append_str(v);
  Ref formatted(format_value(v, spec_str.get()));
  if (formatted.is_error()) return false;
  return w.append_str(formatted.get());
}

/// CPython's MarkupIterator over `input`, writing literal text and fields.
bool build(StrWriter& w, const Sub& input, const Sources& src, int depth, AutoNumber& autonum) {
  if (depth <= 0) {
    raise(ErrorId::FormatMaxRecursion);
    return false;
  }
  StrObject* s = as_str(input.str);
  const void* d = str_data(s);
  int kind = s->kind;
  int64_t pos = input.start, end = input.end;
  while (pos < end) {
    int64_t start = pos;
    uint32_t c = 0;
    bool markup = false;
    while (pos < end) {
      c = read_unit(d, kind, pos++);
      if (c == '{' || c == '}') {
        markup = true;
        break;
      }
    }
    bool at_end = pos >= end;
    int64_t len = pos - start;
    if (c == '}' && markup && (at_end || read_unit(d, kind, pos) != '}')) {
      raise(ErrorId::FormatSingleClose);
      return false;
    }
    if (at_end && markup && c == '{') {
      raise(ErrorId::FormatSingleOpen);
      return false;
    }
    if (!at_end && markup) {
      if (read_unit(d, kind, pos) == c) {
        ++pos;  // an escaped brace: the literal keeps one
        markup = false;
      } else {
        --len;
      }
    }
    if (len > 0 && !w.append_substr(input.str, start, start + len)) return false;
    if (!markup) continue;
    // parse_field: name up to '}', ':' or '!' (skipping [...]).
    Sub field{input.str, pos, pos};
    c = 0;
    while (pos < end) {
      c = read_unit(d, kind, pos++);
      if (c == '{') {
        raise(ErrorId::FormatOpenInFieldName);
        return false;
      }
      if (c == '[') {
        while (pos < end && read_unit(d, kind, pos) != ']') ++pos;
        continue;
      }
      if (c == '}' || c == ':' || c == '!') break;
    }
    field.end = pos - 1;
    uint32_t conversion = 0;
    Sub spec{input.str, 0, 0};
    bool expand = false;
    if (c == '!' || c == ':') {
      if (c == '!') {
        if (pos >= end) {
          raise(ErrorId::FormatConversionEnd);
          return false;
        }
        conversion = read_unit(d, kind, pos++);
        if (pos < end) {
          uint32_t next = read_unit(d, kind, pos++);
          if (next == '}') {
            if (!output_field(w, field, conversion, spec, false, src, depth, autonum)) return false;
            continue;
          }
          if (next != ':') {
            raise(ErrorId::FormatExpectedColon);
            return false;
          }
        }
      }
      spec.start = pos;
      int count = 1;
      bool closed = false;
      while (pos < end) {
        uint32_t x = read_unit(d, kind, pos++);
        if (x == '{') {
          expand = true;
          ++count;
        } else if (x == '}' && --count == 0) {
          spec.end = pos - 1;
          closed = true;
          break;
        }
      }
      if (!closed) {
        raise(ErrorId::FormatUnmatchedOpen);
        return false;
      }
    } else if (c != '}') {
      raise(ErrorId::FormatExpectedClose);
      return false;
    } else if (field.end < field.start) {
      field.end = field.start;
    }
    if (!output_field(w, field, conversion, spec, expand, src, depth, autonum)) return false;
  }
  return true;
}

Value format_with(Value self, const Sources& src) {
  StrWriter w;
  AutoNumber autonum;
  Sub all{self, 0, str_length(self)};
  if (!build(w, all, src, 2, autonum)) return MOLT_ERROR;
  return w.finish();
}

}  // namespace

Value str_format(Value self, const Value* args, size_t nargs, Value kwnames) {
  Sources src{true, args, nargs, args + nargs, kwnames, MOLT_UNBOUND};
  return format_with(self, src);
}

Value str_method_format(Value self, const Value* args, size_t nargs, Value kwnames) {
  return str_format(self, args, nargs, kwnames);
}

Value str_method_format_map(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const ArgSpec spec = {"format_map", ArgStyle::OneArg, 1, 1, {}};
  Value a[1];
  if (!unpack_args(spec, args, nargs, kwnames, a)) return MOLT_ERROR;
  Sources src{false, nullptr, 0, nullptr, MOLT_NONE, a[0]};
  return format_with(self, src);
}

Value str_method_dunder_format(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const ArgSpec spec = {"__format__", ArgStyle::OneArg, 1, 1, {}};
  Value a[1];
  if (!unpack_args(spec, args, nargs, kwnames, a)) return MOLT_ERROR;
  if (!is_str(a[0])) return raise(ErrorId::DunderFormatArgType, arg_type_name(a[0]));
  return format_str(self, a[0]);
}

}  // namespace molt
