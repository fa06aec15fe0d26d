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
//     (type.cpp: subtype_dealloc) releases.
#include <cstdio>
#include <cstdlib>

#include "runtime/error.h"
#include "runtime/object.h"
#include "runtime/type.h"

namespace coil::runtime {

void dealloc_object(Object* o) {
  TypeObject* t = o->type;
  if (!t || !t->dealloc) {
    // A type without a dealloc slot is a static singleton's type: reaching
    // zero means someone decref'd once too often.  Fail loudly.
    std::fprintf(stderr, "coil: fatal: refcount of a %s object dropped to zero\n",
                 t && t->name ? t->name : "?");
    std::abort();
  }
  t->dealloc(o);
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
