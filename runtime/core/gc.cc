// gc.cc — the cycle collector (see gc.h for the algorithm).
#include "core/gc.h"

#include <stdlib.h>

#include "core/errors.h"

namespace molt {

namespace {

/// The list of tracked objects: a circular doubly-linked list whose head is
/// a sentinel.
GcHeader g_head = {&g_head, &g_head, 0};
int64_t g_count = 0;
int64_t g_allocations_since = 0;
bool g_enabled = true;
bool g_collecting = false;
int64_t g_threshold = -1;  // read from the environment on first use

int64_t threshold() {
  if (g_threshold < 0) {
    const char* stress = getenv("MOLT_GC_STRESS");
    // CPython's generation-0 threshold is 700 allocations.
    g_threshold = stress != nullptr && stress[0] == '1' ? 1 : 700;
  }
  return g_threshold;
}

void link(GcHeader* list, GcHeader* h) {
  h->next = list;
  h->prev = list->prev;
  list->prev->next = h;
  list->prev = h;
}

void unlink(GcHeader* h) {
  h->prev->next = h->next;
  h->next->prev = h->prev;
  h->next = h->prev = nullptr;
}

/// A value the collector manages: a heap object of a GC type that is not
/// immortal (immortal ones, such as the static empty tuple, may not carry a
/// GcHeader and are never garbage).
bool tracked(Value v) {
  if (!molt_is_ptr(v)) return false;
  Object* o = as_object(v);
  return is_gc_type(o->type) && o->refcount < kImmortalRefcount / 2;
}

void visit_decref(Value child, void*) {
  if (tracked(child)) --gc_header(as_object(child))->gc_refs;
}

/// Marks reachable objects: gc_refs < 0 means "known reachable".
void visit_reach(Value child, void* arg) {
  if (!tracked(child)) return;
  GcHeader* h = gc_header(as_object(child));
  if (h->gc_refs < 0) return;
  h->gc_refs = -1;
  auto* stack = static_cast<GcHeader***>(arg);
  **stack = h;
  ++*stack;
}

}  // namespace

Object* gc_alloc(Type* type, size_t size) {
  if (g_enabled && !g_collecting && ++g_allocations_since >= threshold()) gc_collect();
  GcHeader* h = static_cast<GcHeader*>(calloc(1, sizeof(GcHeader) + size));
  if (h == nullptr) {
    raise_no_memory();
    return nullptr;
  }
  link(&g_head, h);
  ++g_count;
  Object* o = gc_object(h);
  o->refcount = 1;
  o->type = type;
  return o;
}

void gc_free(Object* o) {
  GcHeader* h = gc_header(o);
  if (h->next != nullptr) unlink(h);
  --g_count;
  free(h);
}

int64_t gc_tracked_count() { return g_count; }

void gc_set_enabled(bool on) { g_enabled = on; }
bool gc_is_enabled() { return g_enabled; }

int64_t gc_collect() {
  if (g_collecting) return 0;
  g_collecting = true;
  g_allocations_since = 0;
  // 1. gc_refs = refcount for every tracked object.
  for (GcHeader* h = g_head.next; h != &g_head; h = h->next) h->gc_refs = gc_object(h)->refcount;
  // 2. Subtract references held by tracked objects.
  for (GcHeader* h = g_head.next; h != &g_head; h = h->next) {
    Object* o = gc_object(h);
    if (o->type->traverse) o->type->traverse(o, visit_decref, nullptr);
  }
  // 3. Everything with outside references is reachable, and so is what it
  //    references (depth-first with an explicit stack).
  GcHeader** stack = static_cast<GcHeader**>(malloc(sizeof(GcHeader*) * static_cast<size_t>(g_count + 1)));
  if (stack == nullptr) {
    g_collecting = false;
    return 0;
  }
  GcHeader** top = stack;
  for (GcHeader* h = g_head.next; h != &g_head; h = h->next) {
    if (h->gc_refs > 0) {
      h->gc_refs = -1;
      *top++ = h;
    }
  }
  while (top != stack) {
    GcHeader* h = *--top;
    Object* o = gc_object(h);
    if (o->type->traverse) o->type->traverse(o, visit_reach, &top);
  }
  free(stack);
  // 4. The rest is garbage: move it aside, keep it alive while clearing,
  //    then let refcounting free it.
  GcHeader garbage = {&garbage, &garbage, 0};
  int64_t found = 0;
  for (GcHeader* h = g_head.next; h != &g_head;) {
    GcHeader* next = h->next;
    if (h->gc_refs >= 0) {
      unlink(h);
      link(&garbage, h);
      ++gc_object(h)->refcount;
      ++found;
    }
    h = next;
  }
  for (GcHeader* h = garbage.next; h != &garbage; h = h->next) {
    Object* o = gc_object(h);
    if (o->type->clear) o->type->clear(o);
  }
  // Dropping our extra reference frees each object (its dealloc unlinks it
  // from the garbage list through gc_free).
  while (garbage.next != &garbage) {
    GcHeader* h = garbage.next;
    unlink(h);
    link(&g_head, h);  // back among the living until its refcount ends it
    decref(gc_object(h));
  }
  g_collecting = false;
  return found;
}

}  // namespace molt
