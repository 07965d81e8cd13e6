// gc.h — the cycle collector.
//
// Reference counting frees everything except reference cycles; this
// collector finds unreachable cycles among container objects, as CPython's
// gc module does. Objects of types with the kTypeIsGc flag carry a GcHeader
// in front of their Object header and are linked into one list from
// allocation to deallocation. Their memory is zeroed at allocation, so a
// traversal always sees valid values even before a constructor finishes.
//
// A collection: copy each tracked object's refcount to gc_refs; subtract
// the references tracked objects hold to one another (the `traverse` slot);
// whatever keeps gc_refs > 0 is referenced from outside (C locals, program
// values, untracked objects) and is live, along with all it reaches; the
// rest is garbage. Garbage is broken up with each type's `clear` slot, which
// drops the references, so ordinary refcounting then frees it.
//
// Collections are triggered by allocation counts only (never time), so runs
// are deterministic. MOLT_GC_STRESS=1 in the environment collects at every
// tracked allocation (used by tests).
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "core/object.h"

namespace molt {

struct GcHeader {
  GcHeader* next;
  GcHeader* prev;
  intptr_t gc_refs;
};

inline GcHeader* gc_header(Object* o) { return reinterpret_cast<GcHeader*>(o) - 1; }
inline Object* gc_object(GcHeader* h) { return reinterpret_cast<Object*>(h + 1); }
inline bool is_gc_type(const Type* t) { return (t->flags & kTypeIsGc) != 0; }

/// Runs a full collection; returns the number of unreachable objects found.
int64_t gc_collect();
/// gc.enable()/gc.disable()/gc.isenabled().
void gc_set_enabled(bool on);
bool gc_is_enabled();
/// Allocation of a tracked object (called by alloc_object).
Object* gc_alloc(Type* type, size_t size);
/// Unlinks and frees a tracked object (called by free_object).
void gc_free(Object* o);
/// Number of tracked objects (tests).
int64_t gc_tracked_count();

}  // namespace molt
