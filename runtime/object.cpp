// object.cpp — the life and death of an object header.
//
// Allocation goes through alloc<T>() / mem_alloc (alloc.cpp); this file
// sets the header of a new object and tears it down again.  Two details
// mirror CPython:
//   * an instance of a heap type (a class made by a `class` statement)
//     holds a strong reference to its type, so a class lives as long as
//     any of its instances; static built-in types are immortal and are not
//     counted;
//   * heap-type instances may carry extra words (__dict__, __slots__
//     values) which alloc_object_memory (alloc.cpp) allocates, zeroed, as
//     part of the object's own block, and the heap type's dealloc
//     (type.cpp: subtype_dealloc) releases;
//   * weak references to a dying object are cleared, and their callbacks
//     run, before its dealloc slot frees it (runtime/weakref.cpp).
#include <cstdio>
#include <cstdlib>

#include "runtime/error.h"
#include "runtime/object.h"
#include "runtime/int.h"
#include "runtime/float.h"
#include "runtime/str.h"
#include "runtime/type.h"
#include "runtime/weakref.h"

namespace coil::runtime {

// THE TRASHCAN.  Freeing the head of a long chain — a linked list of a
// million nodes, a list nested in a list a million times — frees the next
// link from inside the first one's dealloc, and so on: one C++ stack frame
// per link, and the stack overflows.  CPython's answer (Py_TRASHCAN) is
// kept here in one place: past kTrashcanDepth nested deallocations an
// object is not freed at once but pushed on a per-thread "free later"
// list, threaded through its refcnt field (zero and unused while the
// object waits); the outermost dealloc_object drains the list, each
// drained object starting again at depth one.  The stack stays bounded
// and every object is still freed before control returns to the program.
namespace {
constexpr int kTrashcanDepth = 50;
thread_local int t_dealloc_depth = 0;
thread_local Object* t_trash = nullptr;

[[noreturn, gnu::cold, gnu::noinline]] void dealloc_without_slot(TypeObject* t) {
  // A type without a dealloc slot is a static singleton's type: reaching
  // zero means someone decref'd once too often.  Fail loudly.
  std::fprintf(stderr, "coil: fatal: refcount of a %s object dropped to zero\n", t && t->name ? t->name : "?");
  std::abort();
}

inline void run_dealloc(Object* o) {
  TypeObject* t = o->type;
  if (!t || !t->dealloc) [[unlikely]] dealloc_without_slot(t);
  // Weak references to a built-in object die before it does (classes do
  // this in subtype_dealloc, after __del__).  runtime/weakref.cpp.
  if (t->weaklist_offset && !(t->flags & kHeapType)) clear_weakrefs(o);
  t->dealloc(o);
}

void drain_trash() {
  while (t_trash) {
    Object* o = t_trash;
    t_trash = reinterpret_cast<Object*>(o->refcnt);
    o->refcnt = 0;
    run_dealloc(o);
  }
}
}  // namespace

void dealloc_object(Object* o) {
  // The commonest objects hold no references, so their dealloc cannot
  // free anything else: they skip the depth bookkeeping.
  TypeObject* t = o->type;
  if (t == &IntType || t == &FloatType || t == &StrType) [[likely]] {
    t->dealloc(o);
    return;
  }
  if (t_dealloc_depth >= kTrashcanDepth) [[unlikely]] {
    o->refcnt = reinterpret_cast<intptr_t>(t_trash);
    t_trash = o;
    return;
  }
  ++t_dealloc_depth;
  run_dealloc(o);
  --t_dealloc_depth;
  if (t_dealloc_depth == 0 && t_trash) [[unlikely]] {
    ++t_dealloc_depth;
    drain_trash();
    --t_dealloc_depth;
  }
}


void init_header(Object* o, TypeObject* type) {
  o->refcnt = 1;
  o->type = type;
  if (type->flags & kHeapType) incref(type);
}

void release_type_of(Object* o) {
  TypeObject* t = o->type;
  if (t && (t->flags & kHeapType)) decref(t);
}

Object* no_memory() {
  no_memory_error();
  return nullptr;
}

}  // namespace coil::runtime
