// class.cc — creating classes (C3 MRO, layout, slots), instantiating them,
// and attribute lookup on instances and on type objects.
#include "objects/class.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/abstract.h"
#include "core/args.h"
#include "core/attr.h"
#include "core/errors.h"
#include "exc/exceptions.h"
#include "objects/descriptors.h"
#include "objects/dict.h"
#include "objects/function.h"
#include "objects/list.h"
#include "objects/none.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace molt {

bool is_type(Value v) { return molt_is_ptr(v) && is_subtype(type_of(v), &type_type); }

namespace {

bool name_is(Value name, const char* want) {
  size_t n = 0;
  const char* text = str_utf8(name, &n);
  return text != nullptr && n == strlen(want) && memcmp(text, want, n) == 0;
}

/// The builtin type whose instance layout a class extends.
Type* solid_base(Type* t) {
  while (is_heap_type(t)) t = t->base;
  return t;
}

struct Found {
  Value value = MOLT_UNBOUND;         ///< borrowed
  const MethodDef* def = nullptr;     ///< a builtin method instead
  Type* owner = nullptr;
};

/// Finds `name` along the MRO of `t`: class dicts of heap types, method
/// tables of builtin types.
bool mro_find(Type* t, Value name, Found* out) {
  size_t n = 0;
  const char* text = str_utf8(name, &n);
  if (text == nullptr) return false;
  if (is_heap_type(t)) {
    TupleObject* mro = as_tuple(as_heap_type(t)->mro);
    for (int64_t i = 0; i < mro->size; ++i) {
      Type* c = as_type(mro->items[i]);
      if (is_heap_type(c)) {
        Value v = dict_get_borrowed(as_heap_type(c)->dict, name);
        if (molt_is_error(v)) return false;
        if (v != MOLT_UNBOUND) {
          out->value = v;
          out->owner = c;
          return true;
        }
      } else if (const MethodDef* def = find_method_own(c, text, n)) {
        out->def = def;
        out->owner = c;
        return true;
      }
    }
    return true;
  }
  for (Type* c = t; c != nullptr; c = c->base) {
    if (const MethodDef* def = find_method_own(c, text, n)) {
      out->def = def;
      out->owner = c;
      return true;
    }
  }
  return true;
}

Value raise_no_attribute(Value obj, Value name) {
  size_t n = 0;
  const char* text = str_utf8(name, &n);
  if (text == nullptr) return MOLT_ERROR;
  raise(ErrorId::NoAttribute, type_of(obj)->name, text);
  // AttributeError.name/obj feed CPython's suggestions; name is enough here.
  return MOLT_ERROR;
}

}  // namespace

Value type_lookup(Type* t, Value name) {
  Found f;
  if (!mro_find(t, name, &f)) return MOLT_ERROR;
  return f.value;
}

Value type_lookup_cstr(Type* t, const char* name) {
  if (!is_heap_type(t)) return MOLT_UNBOUND;
  TupleObject* mro = as_tuple(as_heap_type(t)->mro);
  Ref key(str_from_cstr(name));
  if (key.is_error()) return MOLT_ERROR;
  for (int64_t i = 0; i < mro->size; ++i) {
    Type* c = as_type(mro->items[i]);
    if (!is_heap_type(c)) break;  // builtin dunders are reached through slots
    Value v = dict_get_borrowed(as_heap_type(c)->dict, key.get());
    if (v != MOLT_UNBOUND) return v;
  }
  return MOLT_UNBOUND;
}

Value* instance_dict_slot(Value obj) {
  if (!molt_is_ptr(obj)) return nullptr;
  Type* t = type_of(obj);
  if (!is_heap_type(t) || as_heap_type(t)->dict_offset == 0) return nullptr;
  return reinterpret_cast<Value*>(reinterpret_cast<char*>(as_object(obj)) + as_heap_type(t)->dict_offset);
}

Value generic_getattr_with_dict(Value obj, Value name) {
  Type* t = type_of(obj);
  if (name_is(name, "__class__")) return new_ref(type_value(t));
  Value* dict_slot = instance_dict_slot(obj);
  if (dict_slot != nullptr && name_is(name, "__dict__")) {
    if (*dict_slot == 0) {
      Value d = dict_new();
      if (molt_is_error(d)) return d;
      *dict_slot = d;
    }
    return new_ref(*dict_slot);
  }
  Found f;
  if (!mro_find(t, name, &f)) return MOLT_ERROR;
  // Data descriptors on the type win over the instance dict.
  if (f.value != MOLT_UNBOUND) {
    Type* dt = type_of(f.value);
    if (dt->descr_get != nullptr && dt->descr_set != nullptr) return dt->descr_get(f.value, obj, type_value(t));
  }
  if (dict_slot != nullptr && *dict_slot != 0) {
    Value v = dict_get_borrowed(*dict_slot, name);
    if (molt_is_error(v)) return v;
    if (v != MOLT_UNBOUND) return new_ref(v);
  }
  if (f.def != nullptr) {
    Value self = (f.def->flags & kMethodClass) ? type_value(t) : obj;
    return bound_builtin_method(self, f.def);
  }
  if (f.value != MOLT_UNBOUND) {
    Type* dt = type_of(f.value);
    if (dt->descr_get != nullptr) return dt->descr_get(f.value, obj, type_value(t));
    return new_ref(f.value);
  }
  return raise_no_attribute(obj, name);
}

int generic_setattr_with_dict(Value obj, Value name, Value value) {
  Type* t = type_of(obj);
  Found f;
  if (!mro_find(t, name, &f)) return -1;
  if (f.value != MOLT_UNBOUND) {
    Type* dt = type_of(f.value);
    if (dt->descr_set != nullptr) return dt->descr_set(f.value, obj, value);
  }
  Value* dict_slot = instance_dict_slot(obj);
  if (dict_slot == nullptr) {
    size_t n = 0;
    const char* text = str_utf8(name, &n);
    raise(ErrorId::NoAttribute, t->name, text ? text : "?");
    return -1;
  }
  if (*dict_slot == 0) {
    if (value == MOLT_UNBOUND) {
      raise_no_attribute(obj, name);
      return -1;
    }
    Value d = dict_new();
    if (molt_is_error(d)) return -1;
    *dict_slot = d;
  }
  if (value == MOLT_UNBOUND) {
    if (dict_delitem(*dict_slot, name) < 0) {
      if (error_matches(&exc::KeyError)) {
        clear_error();
        raise_no_attribute(obj, name);
      }
      return -1;
    }
    return 0;
  }
  return dict_setitem(*dict_slot, name, value);
}

// --- attributes of type objects --------------------------------------------------------

Value type_getattr(Value type, Value name) {
  Type* t = as_type(type);
  if (name_is(name, "__name__")) {
    return is_heap_type(t) ? new_ref(as_heap_type(t)->name) : str_from_cstr(t->name);
  }
  if (name_is(name, "__qualname__")) {
    return is_heap_type(t) ? new_ref(as_heap_type(t)->qualname) : str_from_cstr(t->name);
  }
  if (name_is(name, "__module__")) {
    return is_heap_type(t) ? new_ref(as_heap_type(t)->module) : str_from_cstr("builtins");
  }
  if (name_is(name, "__class__")) return new_ref(type_value(type_of(type)));
  if (is_heap_type(t)) {
    HeapType* ht = as_heap_type(t);
    if (name_is(name, "__bases__")) return new_ref(ht->bases);
    if (name_is(name, "__mro__")) return new_ref(ht->mro);
    if (name_is(name, "__dict__")) return new_ref(ht->dict);
  } else if (name_is(name, "__bases__")) {
    return t->base ? tuple_pack1_steal(new_ref(type_value(t->base))) : tuple_new(0);
  }
  Found f;
  if (!mro_find(t, name, &f)) return MOLT_ERROR;
  if (f.def != nullptr) {
    if (f.def->flags & kMethodClass) return bound_builtin_method(type, f.def);
    return method_descriptor_new(f.owner, f.def);
  }
  if (f.value != MOLT_UNBOUND) {
    Type* dt = type_of(f.value);
    if (dt->descr_get != nullptr) return dt->descr_get(f.value, MOLT_UNBOUND, type);
    return new_ref(f.value);
  }
  if (name_is(name, "__doc__")) return MOLT_NONE;
  size_t n = 0;
  const char* text = str_utf8(name, &n);
  return raise(ErrorId::TypeHasNoAttribute, t->name, text ? text : "?");
}

int type_setattr(Value type, Value name, Value value) {
  Type* t = as_type(type);
  size_t n = 0;
  const char* text = str_utf8(name, &n);
  if (text == nullptr) return -1;
  if (!is_heap_type(t)) {
    char msg[256];
    snprintf(msg, sizeof msg, "cannot set '%s' attribute of immutable type '%s'", text, t->name);
    raise_message(&exc::TypeError, msg);
    return -1;
  }
  HeapType* ht = as_heap_type(t);
  int r;
  if (value == MOLT_UNBOUND) {
    r = dict_delitem(ht->dict, name);
    if (r < 0 && error_matches(&exc::KeyError)) {
      clear_error();
      raise(ErrorId::TypeHasNoAttribute, t->name, text);
    }
  } else {
    r = dict_setitem(ht->dict, name, value);
  }
  // A dunder assigned after creation changes behaviour: recompute slots.
  if (r == 0 && n > 4 && text[0] == '_' && text[1] == '_') install_slots(ht);
  return r;
}

// --- calling special methods -------------------------------------------------------------

Value call_special(Value self, const char* name, const Value* args, size_t nargs) {
  Value m = type_lookup_cstr(type_of(self), name);
  if (m == MOLT_UNBOUND || molt_is_error(m)) return m;
  Value buf[8];
  if (nargs + 1 > 8) return raise_message(&exc::SystemError, "call_special: too many arguments");
  Type* mt = type_of(m);
  if (mt == &function_type) {
    buf[0] = self;
    for (size_t i = 0; i < nargs; ++i) buf[i + 1] = args[i];
    return call_object(m, buf, nargs + 1, MOLT_NONE);
  }
  if (mt->descr_get != nullptr) {
    Ref bound(mt->descr_get(m, self, type_value(type_of(self))));
    if (bound.is_error()) return MOLT_ERROR;
    return call_object(bound.get(), args, nargs, MOLT_NONE);
  }
  return call_object(m, args, nargs, MOLT_NONE);
}

// --- instances ---------------------------------------------------------------------------

namespace {

void instance_dealloc(Object* o) {
  Type* t = o->type;
  Value* dict_slot = reinterpret_cast<Value*>(reinterpret_cast<char*>(o) + as_heap_type(t)->dict_offset);
  Value d = *dict_slot;
  *dict_slot = 0;
  decref(d);
  Type* solid = solid_base(t);
  if (solid->dealloc != nullptr) {
    solid->dealloc(o);
  } else {
    free_object(o);
  }
  decref(type_value(t));  // instances keep their class alive
}

void instance_traverse(Object* o, VisitFn visit, void* arg) {
  Type* t = o->type;
  visit(*reinterpret_cast<Value*>(reinterpret_cast<char*>(o) + as_heap_type(t)->dict_offset), arg);
  visit(type_value(t), arg);
  Type* solid = solid_base(t);
  if (solid->traverse != nullptr) solid->traverse(o, visit, arg);
}

void instance_clear(Object* o) {
  Type* t = o->type;
  Value* dict_slot = reinterpret_cast<Value*>(reinterpret_cast<char*>(o) + as_heap_type(t)->dict_offset);
  Value d = *dict_slot;
  *dict_slot = 0;
  decref(d);
  Type* solid = solid_base(t);
  if (solid->clear != nullptr) solid->clear(o);
}

bool is_user_function_of(Value v) { return v != MOLT_UNBOUND && !molt_is_error(v); }

}  // namespace

/// object.__new__ / BaseException.__new__ for a class: the instance with its
/// builtin part initialised.
Value allocate_instance(Type* t, const Value* args, size_t nargs) {
  Type* solid = solid_base(t);
  Value inst;
  if (solid->flags & kTypeIsExceptionSubclass) {
    Value tuple = tuple_new(static_cast<int64_t>(nargs));
    if (molt_is_error(tuple)) return tuple;
    for (size_t i = 0; i < nargs; ++i) tuple_set_steal(tuple, static_cast<int64_t>(i), new_ref(args[i]));
    inst = exception_new(t, tuple);
  } else {
    Object* o = alloc_object(t, t->basic_size);
    if (o == nullptr) return MOLT_ERROR;
    inst = from_object(o);
  }
  if (!molt_is_error(inst) && is_heap_type(t)) incref(type_value(t));
  return inst;
}

namespace {

/// type.__call__ for classes: __new__, then __init__ when __new__ returned
/// an instance of the class.
Value instance_construct(Type* t, const Value* args, size_t nargs, Value kwnames) {
  size_t nkw = keyword_count(kwnames);
  Value user_new = type_lookup_cstr(t, "__new__");
  Value user_init = type_lookup_cstr(t, "__init__");
  if (molt_is_error(user_new) || molt_is_error(user_init)) return MOLT_ERROR;
  Type* solid = solid_base(t);
  bool exception_base = (solid->flags & kTypeIsExceptionSubclass) != 0;
  Ref inst;
  if (is_user_function_of(user_new)) {
    // __new__ is implicitly a staticmethod taking the class first.
    size_t total = nargs + nkw + 1;
    Value* buf = static_cast<Value*>(malloc(total * sizeof(Value)));
    if (buf == nullptr) return raise_no_memory();
    buf[0] = type_value(t);
    if (nargs + nkw > 0) memcpy(buf + 1, args, (nargs + nkw) * sizeof(Value));
    Value fn = user_new;
    if (type_of(fn) == &staticmethod_type) fn = reinterpret_cast<WrapperObject*>(as_object(fn))->func;
    inst = Ref(call_object(fn, buf, nargs + 1, kwnames));
    free(buf);
    if (inst.is_error()) return MOLT_ERROR;
    if (!is_subtype(type_of(inst.get()), t)) return inst.release();
  } else {
    // object.__new__ rejects arguments unless __init__ is overridden.
    if ((nargs + nkw) > 0 && !is_user_function_of(user_init) && !exception_base) {
      char msg[200];
      snprintf(msg, sizeof msg, "%s() takes no arguments", t->name);
      return raise_message(&exc::TypeError, msg);
    }
    inst = Ref(allocate_instance(t, args, nargs));
    if (inst.is_error()) return MOLT_ERROR;
  }
  if (is_user_function_of(user_init)) {
    size_t total = nargs + nkw + 1;
    Value stack_buf[16];
    Value* buf = total <= 16 ? stack_buf : static_cast<Value*>(malloc(total * sizeof(Value)));
    if (buf == nullptr) return raise_no_memory();
    buf[0] = inst.get();
    if (nargs + nkw > 0) memcpy(buf + 1, args, (nargs + nkw) * sizeof(Value));
    Ref r(call_object(user_init, buf, nargs + 1, kwnames));
    if (buf != stack_buf) free(buf);
    if (r.is_error()) return MOLT_ERROR;
    if (r.get() != MOLT_NONE) {
      char msg[160];
      snprintf(msg, sizeof msg, "__init__() should return None, not '%s'", type_of(r.get())->name);
      return raise_message(&exc::TypeError, msg);
    }
  } else if (exception_base && nkw > 0) {
    char msg[160];
    snprintf(msg, sizeof msg, "%s() takes no keyword arguments", t->name);
    return raise_message(&exc::TypeError, msg);
  }
  return inst.release();
}

// --- C3 linearisation ----------------------------------------------------------------------

/// The MRO of a base as a list of types.
Value mro_of(Type* t) {
  if (is_heap_type(t)) return list_from_iterable(as_heap_type(t)->mro);
  Value l = list_new(0);
  if (molt_is_error(l)) return l;
  for (Type* c = t; c != nullptr; c = c->base) {
    if (list_append(l, type_value(c)) < 0) {
      decref(l);
      return MOLT_ERROR;
    }
  }
  return l;
}

bool list_tail_contains(Value list, int64_t from, Value item) {
  ListObject* l = as_list(list);
  for (int64_t i = from + 1; i < l->size; ++i) {
    if (l->items[i] == item) return true;
  }
  return false;
}

/// C3 merge of the bases' MROs and the bases list. Returns a tuple starting
/// with `self`, or MOLT_ERROR with CPython's TypeError.
Value compute_mro(Value self, Value bases) {
  int64_t nbases = tuple_size(bases);
  int64_t nseq = nbases + 1;
  Value* seqs = static_cast<Value*>(malloc(sizeof(Value) * static_cast<size_t>(nseq)));
  int64_t* heads = static_cast<int64_t*>(calloc(static_cast<size_t>(nseq), sizeof(int64_t)));
  if (seqs == nullptr || heads == nullptr) {
    free(seqs);
    free(heads);
    return raise_no_memory();
  }
  Value result = list_new(0);
  bool ok = !molt_is_error(result) && list_append(result, self) == 0;
  for (int64_t i = 0; i < nbases; ++i) seqs[i] = ok ? mro_of(as_type(tuple_item_borrowed(bases, i))) : MOLT_NONE;
  seqs[nbases] = list_from_iterable(bases);
  for (int64_t i = 0; i < nseq; ++i) ok = ok && !molt_is_error(seqs[i]);
  while (ok) {
    Value candidate = MOLT_UNBOUND;
    bool remaining = false;
    for (int64_t i = 0; i < nseq && candidate == MOLT_UNBOUND; ++i) {
      if (heads[i] >= as_list(seqs[i])->size) continue;
      remaining = true;
      Value head = as_list(seqs[i])->items[heads[i]];
      bool in_tail = false;
      for (int64_t j = 0; j < nseq && !in_tail; ++j) {
        if (heads[j] < as_list(seqs[j])->size) in_tail = list_tail_contains(seqs[j], heads[j], head);
      }
      if (!in_tail) candidate = head;
    }
    if (!remaining) break;
    if (candidate == MOLT_UNBOUND) {
      // CPython names the bases that could not be ordered.
      StrBuilder b;
      b.append_cstr("Cannot create a consistent method resolution order (MRO) for bases ");
      bool first = true;
      for (int64_t i = 0; i < nseq - 1; ++i) {
        if (heads[i] >= as_list(seqs[i])->size) continue;
        if (!first) b.append_cstr(", ");
        first = false;
        b.append_cstr(as_type(as_list(seqs[i])->items[heads[i]])->name);
      }
      Value msg = b.finish();
      if (!molt_is_error(msg)) raise_instance(exception_new(&exc::TypeError, tuple_pack1_steal(msg)));
      ok = false;
      break;
    }
    ok = list_append(result, candidate) == 0;
    for (int64_t i = 0; i < nseq; ++i) {
      if (heads[i] < as_list(seqs[i])->size && as_list(seqs[i])->items[heads[i]] == candidate) ++heads[i];
    }
  }
  for (int64_t i = 0; i < nseq; ++i) decref(seqs[i]);
  free(seqs);
  free(heads);
  if (!ok) {
    decref(result);
    return MOLT_ERROR;
  }
  Value t = list_as_tuple(result);
  decref(result);
  return t;
}

/// The base whose layout the class extends (CPython's best_base).
Type* best_base(Value bases) {
  Type* best = nullptr;
  Type* best_solid = nullptr;
  int64_t n = tuple_size(bases);
  for (int64_t i = 0; i < n; ++i) {
    Type* b = as_type(tuple_item_borrowed(bases, i));
    Type* s = solid_base(b);
    if (best == nullptr || is_subtype(s, best_solid)) {
      best = b;
      best_solid = s;
    } else if (!is_subtype(best_solid, s)) {
      raise_message(&exc::TypeError, "multiple bases have instance lay-out conflict");
      return nullptr;
    }
  }
  return best;
}

void heap_type_dealloc(Object* o) {
  HeapType* ht = reinterpret_cast<HeapType*>(o);
  decref(ht->name);
  decref(ht->qualname);
  decref(ht->module);
  decref(ht->bases);
  decref(ht->mro);
  decref(ht->dict);
  free(ht->name_utf8);
  free_object(o);
}

}  // namespace

void heap_type_traverse(Object* o, VisitFn visit, void* arg) {
  HeapType* ht = reinterpret_cast<HeapType*>(o);
  visit(ht->bases, arg);
  visit(ht->mro, arg);
  visit(ht->dict, arg);
}

void heap_type_clear(Object* o) {
  HeapType* ht = reinterpret_cast<HeapType*>(o);
  Value vs[] = {ht->mro, ht->dict};
  ht->mro = MOLT_NONE;
  ht->dict = MOLT_NONE;
  for (Value v : vs) decref(v);
}

void heap_type_dealloc_entry(Object* o) { heap_type_dealloc(o); }

Value build_class(Value name, Value qualname, Value bases, Value ns, Value cell) {
  Ref base_tuple(tuple_size(bases) == 0 ? tuple_pack1_steal(new_ref(type_value(&object_type))) : new_ref(bases));
  if (base_tuple.is_error()) return MOLT_ERROR;
  int64_t nbases = tuple_size(base_tuple.get());
  for (int64_t i = 0; i < nbases; ++i) {
    Value b = tuple_item_borrowed(base_tuple.get(), i);
    if (!is_type(b)) return raise_message(&exc::TypeError, "bases must be types");
    Type* bt = as_type(b);
    if ((bt->flags & kTypeAcceptsSubclasses) == 0) {
      char msg[160];
      snprintf(msg, sizeof msg, "type '%s' is not an acceptable base type", bt->name);
      return raise_message(&exc::TypeError, msg);
    }
    Type* solid = solid_base(bt);
    if (solid != &object_type && (solid->flags & kTypeIsExceptionSubclass) == 0) {
      char msg[200];
      snprintf(msg, sizeof msg, "subclassing the builtin type '%s' is not supported by Molt yet", solid->name);
      return raise_message(&exc::NotImplementedError, msg);
    }
  }
  Type* base = best_base(base_tuple.get());
  if (base == nullptr) return MOLT_ERROR;
  Object* o = alloc_object(&type_type, sizeof(HeapType));
  if (o == nullptr) return MOLT_ERROR;
  HeapType* ht = reinterpret_cast<HeapType*>(o);
  Ref cls(from_object(o));
  size_t n = 0;
  const char* text = str_utf8(name, &n);
  if (text == nullptr) return MOLT_ERROR;
  ht->name_utf8 = static_cast<char*>(malloc(n + 1));
  if (ht->name_utf8 == nullptr) return raise_no_memory();
  memcpy(ht->name_utf8, text, n + 1);
  ht->name = new_ref(name);
  ht->qualname = new_ref(qualname);
  Value module = dict_get_borrowed(ns, Ref(str_from_cstr("__module__")).get());
  ht->module = module != MOLT_UNBOUND && !molt_is_error(module) ? new_ref(module) : str_from_cstr("__main__");
  ht->bases = base_tuple.release();
  ht->dict = new_ref(ns);
  ht->mro = MOLT_NONE;
  Type* t = &ht->type;
  t->name = ht->name_utf8;
  t->base = base;
  t->flags = kTypeIsHeap | kTypeIsGc | kTypeAcceptsSubclasses |
             (base->flags & (kTypeIsExceptionSubclass | kTypeIsIntSubclass | kTypeIsStrSubclass |
                             kTypeIsTupleSubclass | kTypeIsFloatSubclass));
  if (is_heap_type(base)) {
    ht->dict_offset = as_heap_type(base)->dict_offset;
    t->basic_size = base->basic_size;
  } else {
    size_t size = base->basic_size < sizeof(Object) ? sizeof(Object) : base->basic_size;
    size = (size + 7) & ~static_cast<size_t>(7);
    ht->dict_offset = size;
    t->basic_size = size + sizeof(Value);
  }
  t->dealloc = instance_dealloc;
  t->traverse = instance_traverse;
  t->clear = instance_clear;
  t->construct = instance_construct;
  Value mro = compute_mro(cls.get(), ht->bases);
  if (molt_is_error(mro)) return MOLT_ERROR;
  ht->mro = mro;
  install_slots(ht);
  if (cell != MOLT_NONE) {
    CellObject* c = reinterpret_cast<CellObject*>(as_object(cell));
    Value old = c->contents;
    c->contents = new_ref(cls.get());
    decref(old);
  }
  return cls.release();
}

}  // namespace molt
