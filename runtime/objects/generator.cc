// generator.cc — the generator type: next/send/throw/close over a coroutine
// frame, and the entry points compiled generator bodies call.
#include "objects/generator.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/abstract.h"
#include "core/args.h"
#include "core/attr.h"
#include "core/iter.h"
#include "core/errors.h"
#include "core/thread_state.h"
#include "exc/exceptions.h"
#include "objects/function.h"
#include "objects/none.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace molt {

namespace {

GeneratorObject* as_gen(Value v) { return reinterpret_cast<GeneratorObject*>(as_object(v)); }

/// Runs the coroutine until its next suspension. The generator keeps its
/// own handled exception (an `except` block it is suspended in): it is
/// installed while the body runs and put aside when it suspends.
bool run(GeneratorObject* g) {
  // A running generator counts as a frame for the recursion limit.
  ThreadState& t = ts();
  if (++t.depth > t.recursion_limit) {
    --t.depth;
    raise(ErrorId::RecursionLimit);
    return false;
  }
  Value outer = t.handled_exc;
  if (g->handled != MOLT_NONE) {
    t.handled_exc = g->handled;  // the reference moves in
    g->handled = MOLT_NONE;
  } else {
    incref(outer);  // the body inherits the caller's
  }
  g->state = GenState::Running;
  __builtin_coro_resume(g->handle);
  if (t.handled_exc != outer) {
    g->handled = t.handled_exc;
    t.handled_exc = outer;
  } else {
    decref(outer);
  }
  --t.depth;
  return true;
}

/// After a run: the yielded value, MOLT_UNBOUND when the body returned, or
/// MOLT_ERROR when it raised (PEP 479: a StopIteration escaping the body
/// becomes RuntimeError).
Value outcome(GeneratorObject* g) {
  if (g->state == GenState::Suspended) {
    Value v = g->value;
    g->value = MOLT_UNBOUND;
    return v;
  }
  if (!g->failed) return MOLT_UNBOUND;
  if (error_matches(&exc::StopIteration)) {
    Value cause = fetch_error();
    raise_message(&exc::RuntimeError, "generator raised StopIteration");
    ExceptionObject* e = as_exception(current_error_borrowed());
    decref(e->cause);
    e->cause = cause;
    Value ctx = e->context;
    e->context = new_ref(cause);
    decref(ctx);
    e->suppress_context = true;
  }
  return MOLT_ERROR;
}

Value stop_iteration_with(Value value) {
  Value args = value == MOLT_NONE ? tuple_new(0) : tuple_pack1_steal(new_ref(value));
  if (molt_is_error(args)) return args;
  Value exc = exception_new(&exc::StopIteration, args);
  if (molt_is_error(exc)) return exc;
  return raise_instance(exc);
}

}  // namespace

Value generator_resume(Value gen, Value sent) {
  GeneratorObject* g = as_gen(gen);
  if (g->state == GenState::Running) return raise_message(&exc::ValueError, "generator already executing");
  if (g->state == GenState::Finished) {
    // Exhausted: later StopIterations carry no value.
    Value old = g->value;
    g->value = MOLT_UNBOUND;
    decref(old);
    return MOLT_UNBOUND;
  }
  if (g->state == GenState::Created && sent != MOLT_NONE) {
    return raise_message(&exc::TypeError, "can't send non-None value to a just-started generator");
  }
  Value old = g->sent;
  g->sent = new_ref(sent);
  decref(old);
  if (!run(g)) return MOLT_ERROR;
  return outcome(g);
}

Value generator_return_value(Value gen) {
  Value v = as_gen(gen)->value;
  return v == MOLT_UNBOUND ? MOLT_NONE : v;
}

Value generator_throw(Value gen, Value exc_value) {
  GeneratorObject* g = as_gen(gen);
  if (g->state == GenState::Running) return raise_message(&exc::ValueError, "generator already executing");
  Value exc = exception_from_operand(exc_value, false);
  if (molt_is_error(exc)) return exc;
  if (g->state == GenState::Created || g->state == GenState::Finished) {
    // Nothing to resume: the generator is finished and the exception
    // propagates from here.
    g->state = GenState::Finished;
    return raise_instance(exc);
  }
  raise_instance(exc);
  g->throwing = true;
  if (!run(g)) return MOLT_ERROR;
  Value r = outcome(g);
  if (r == MOLT_UNBOUND) return stop_iteration_with(generator_return_value(gen));
  return r;
}

int generator_close(Value gen) {
  GeneratorObject* g = as_gen(gen);
  if (g->state == GenState::Created) {
    g->state = GenState::Finished;
    return 0;
  }
  if (g->state != GenState::Suspended) return 0;
  Value r = generator_throw(gen, from_object(reinterpret_cast<Object*>(&exc::GeneratorExit)));
  if (!molt_is_error(r)) {
    decref(r);
    raise_message(&exc::RuntimeError, "generator ignored GeneratorExit");
    return -1;
  }
  if (error_matches(&exc::GeneratorExit) || error_matches(&exc::StopIteration)) {
    clear_error();
    return 0;
  }
  return -1;
}

// --- entry points for compiled generator bodies -------------------------------------

extern "C" MoltValue molt_gen_new(const MoltFunctionInfo* info) {
  Object* o = alloc_object(&generator_type, sizeof(GeneratorObject));
  if (o == nullptr) return MOLT_ERROR;
  GeneratorObject* g = reinterpret_cast<GeneratorObject*>(o);
  g->handle = nullptr;
  g->info = info;
  g->state = GenState::Created;
  g->throwing = false;
  g->failed = false;
  g->value = MOLT_UNBOUND;
  g->sent = MOLT_NONE;
  g->name = 0;
  g->handled = MOLT_NONE;
  return from_object(o);
}

extern "C" void molt_gen_set_handle(MoltValue gen, void* handle) { as_gen(gen)->handle = handle; }

extern "C" void molt_gen_yield(MoltValue gen, MoltValue value) {
  GeneratorObject* g = as_gen(gen);
  g->value = new_ref(value);
  g->state = GenState::Suspended;
}

extern "C" MoltValue molt_gen_resumed(MoltValue gen) {
  GeneratorObject* g = as_gen(gen);
  if (g->throwing) {
    g->throwing = false;
    return MOLT_ERROR;  // the thrown exception is pending
  }
  Value v = g->sent;
  g->sent = MOLT_NONE;
  return v;
}

extern "C" void molt_gen_return(MoltValue gen, MoltValue value) {
  GeneratorObject* g = as_gen(gen);
  Value old = g->value;
  g->value = new_ref(value);
  decref(old);
  g->state = GenState::Finished;
  g->failed = false;
}

extern "C" void molt_gen_fail(MoltValue gen) {
  GeneratorObject* g = as_gen(gen);
  g->state = GenState::Finished;
  g->failed = true;
}

namespace {

bool is_generator(Value v) { return molt_is_ptr(v) && as_object(v)->type == &generator_type; }

/// A delegate's StopIteration ended the iteration: stash its value.
Value finish_with_stop_iteration() {
  Value exc = fetch_error();
  ExceptionObject* e = as_exception(exc);
  Value v = is_tuple(e->args) && tuple_size(e->args) > 0 ? new_ref(tuple_item_borrowed(e->args, 0)) : MOLT_NONE;
  decref(exc);
  Value old = ts().yield_from_value;
  ts().yield_from_value = v;
  decref(old);
  return MOLT_UNBOUND;
}

}  // namespace

extern "C" MoltValue molt_yield_from_step(MoltValue delegate, MoltValue sent) {
  if (is_generator(delegate)) return generator_resume(delegate, sent);
  if (sent == MOLT_NONE) {
    // The iterator's own __next__ (not iter_next, which would swallow the
    // StopIteration carrying the result).
    Type* t = type_of(delegate);
    if (t->iternext == nullptr) return raise(ErrorId::NotAnIterator, t->name);
    Value r = t->iternext(delegate);
    if (molt_is_error(r) && error_matches(&exc::StopIteration)) return finish_with_stop_iteration();
    if (r == MOLT_UNBOUND) {
      Value old = ts().yield_from_value;
      ts().yield_from_value = MOLT_NONE;
      decref(old);
    }
    return r;
  }
  Ref name(str_from_cstr("send"));
  Value r = call_method(delegate, name.get(), &sent, 1, MOLT_NONE);
  if (molt_is_error(r) && error_matches(&exc::StopIteration)) return finish_with_stop_iteration();
  return r;
}

extern "C" MoltValue molt_yield_from_result(MoltValue delegate) {
  if (is_generator(delegate)) return new_ref(generator_return_value(delegate));
  Value v = ts().yield_from_value;
  ts().yield_from_value = MOLT_NONE;
  return v;
}

extern "C" MoltValue molt_yield_from_throw(MoltValue delegate, MoltValue exc) {
  // GeneratorExit closes the delegate and then propagates.
  if (is_subtype(type_of(exc), &exc::GeneratorExit)) {
    if (is_generator(delegate)) {
      if (generator_close(delegate) < 0) return MOLT_ERROR;
    } else {
      Ref name(str_from_cstr("close"));
      Ref close(object_getattr(delegate, name.get()));
      if (close.is_error()) {
        if (!error_matches(&exc::AttributeError)) return MOLT_ERROR;
        clear_error();
      } else {
        Ref r(call_object(close.get(), nullptr, 0, MOLT_NONE));
        if (r.is_error()) return MOLT_ERROR;
      }
    }
    return raise_instance(new_ref(exc));
  }
  if (is_generator(delegate)) {
    Value r = generator_throw(delegate, exc);
    if (molt_is_error(r) && error_matches(&exc::StopIteration)) return finish_with_stop_iteration();
    return r;
  }
  Ref name(str_from_cstr("throw"));
  Ref method(object_getattr(delegate, name.get()));
  if (method.is_error()) {
    if (!error_matches(&exc::AttributeError)) return MOLT_ERROR;
    clear_error();
    return raise_instance(new_ref(exc));
  }
  Value r = call_object(method.get(), &exc, 1, MOLT_NONE);
  if (molt_is_error(r) && error_matches(&exc::StopIteration)) return finish_with_stop_iteration();
  return r;
}

extern "C" void* molt_coro_alloc(size_t size) { return malloc(size); }
extern "C" void molt_coro_free(void* frame) { free(frame); }

namespace {

void generator_dealloc(Object* o) {
  Value self = from_object(o);
  GeneratorObject* g = reinterpret_cast<GeneratorObject*>(o);
  if (g->state == GenState::Suspended) {
    // CPython closes an unfinished generator when it dies (its finally
    // blocks run); errors are reported as unraisable.
    ++o->refcount;
    Value saved = fetch_error();
    if (generator_close(self) < 0) clear_error();
    ts().current_exc = saved;
    --o->refcount;
  }
  if (g->handle != nullptr) __builtin_coro_destroy(g->handle);
  decref(g->value);
  decref(g->sent);
  decref(g->name);
  decref(g->handled);
  free_object(o);
}

Value generator_iternext(Value self) {
  // As CPython: a return value other than None travels in a StopIteration
  // (next() shows it); exhaustion is otherwise signalled without one.
  Value r = generator_resume(self, MOLT_NONE);
  if (r == MOLT_UNBOUND && generator_return_value(self) != MOLT_NONE) {
    return stop_iteration_with(generator_return_value(self));
  }
  return r;
}

Value generator_iter(Value self) { return new_ref(self); }

Value gen_method_send(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (nargs != 1 || keyword_count(kwnames) != 0) {
    return raise_message(&exc::TypeError, "generator.send() takes exactly one argument");
  }
  Value r = generator_resume(self, args[0]);
  if (r == MOLT_UNBOUND) return stop_iteration_with(generator_return_value(self));
  return r;
}

Value gen_method_throw(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (nargs < 1 || nargs > 3 || keyword_count(kwnames) != 0) {
    return raise_message(&exc::TypeError, "throw expected at least 1 argument");
  }
  Value exc = args[0];
  if (nargs >= 2 && args[1] != MOLT_NONE && is_exception_class(exc)) exc = args[1];
  return generator_throw(self, exc);
}

Value gen_method_close(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (nargs != 0) return raise_message(&exc::TypeError, "close() takes no arguments");
  return generator_close(self) < 0 ? MOLT_ERROR : MOLT_NONE;
}

Value gen_method_next(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value r = generator_resume(self, MOLT_NONE);
  if (r == MOLT_UNBOUND) return stop_iteration_with(generator_return_value(self));
  return r;
}

const MethodDef kGeneratorMethods[] = {
    {"send", gen_method_send, kMethodPlain},
    {"throw", gen_method_throw, kMethodPlain},
    {"close", gen_method_close, kMethodPlain},
    {"__next__", gen_method_next, kMethodPlain},
    {nullptr, nullptr, 0},
};

Value generator_repr(Value self) {
  GeneratorObject* g = as_gen(self);
  return str_from_format("<generator object %s at %p>", g->info->qualname, molt_as_ptr(self));
}

Value generator_getattr(Value self, Value name) {
  GeneratorObject* g = as_gen(self);
  size_t n = 0;
  const char* text = str_utf8(name, &n);
  if (text != nullptr) {
    if (strcmp(text, "__name__") == 0) return str_from_cstr(g->info->name);
    if (strcmp(text, "__qualname__") == 0) return str_from_cstr(g->info->qualname);
    if (strcmp(text, "gi_running") == 0) return molt_from_bool(g->state == GenState::Running);
  }
  return generic_getattr(self, name);
}

int64_t identity_hash(Value v) {
  uint64_t p = static_cast<uint64_t>(reinterpret_cast<uintptr_t>(molt_as_ptr(v)));
  int64_t h = static_cast<int64_t>((p >> 4) | (p << 60));
  return h == -1 ? -2 : h;
}

}  // namespace

Type generator_type = {
    .ob = {kImmortalRefcount, &type_type},
    .name = "generator",
    .base = &object_type,
    .flags = 0,
    .basic_size = sizeof(GeneratorObject),
    .dealloc = generator_dealloc,
    .repr = generator_repr,
    .str = nullptr,
    .hash = identity_hash,
    .richcompare = nullptr,
    .as_number = nullptr,
    .as_sequence = nullptr,
    .as_mapping = nullptr,
    .call = nullptr,
    .iter = generator_iter,
    .iternext = generator_iternext,
    .construct = nullptr,
    .methods = kGeneratorMethods,
    .getattr = generator_getattr,
};

}  // namespace molt
