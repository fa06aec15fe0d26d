// sequtil.h — small helpers shared by the container types (tuple, list,
// dict, set, range): allocating instances of subclasses, turning an index
// object into a C integer with CPython's messages, and comparing sizes.
// Internal to the runtime's container files.
#pragma once

#include <cstdint>

#include "runtime/abstract.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/object.h"
#include "runtime/singletons.h"
#include "runtime/type.h"

namespace coil::runtime {

// Allocates an instance of `type` (the built-in `exact` type or a class
// derived from it).  A heap subclass's __dict__ pointer and __slots__ values
// sit after the base struct (or, for variable-size bases, just before the
// object); alloc() asks alloc_object_memory() for that room (see
// runtime/alloc.cpp and docs/memory.md), so this is plain alloc.
template <class T>
inline T* alloc_instance(TypeObject* type, TypeObject* exact, size_t extra = 0) {
  (void)exact;
  return alloc<T>(type, extra);
}

// Converts a subscript that is not a slice to a C index.  `what` names the
// sequence for the TypeError ("list indices must be integers or slices,
// not str").  Huge ints raise IndexError "cannot fit 'int' into an
// index-sized integer", as CPython's PyNumber_AsSsize_t(key, IndexError).
bool seq_index_arg(Object* key, const char* what, int64_t* out);

// Converts any __index__-able object to int64_t; too large values raise
// OverflowError "Python int too large to convert to C ssize_t" (used for
// counts and positions that are not subscripts).  `what` is unused when
// the object has __index__; otherwise the TypeError is
// "'str' object cannot be interpreted as an integer".
bool as_ssize(Object* o, int64_t* out);

// The count of `seq * count` (PyNumber_AsSsize_t(count, OverflowError)):
// OverflowError "cannot fit 'int' into an index-sized integer" when huge.
// `count` must have nb_index.
bool repeat_count(Object* count, int64_t* out);

// Py_RETURN_RICHCOMPARE for two sizes.
inline Ref<Object> compare_sizes(int64_t a, int64_t b, CompareOp op) {
  bool r = false;
  switch (op) {
    case CompareOp::Lt: r = a < b; break;
    case CompareOp::Le: r = a <= b; break;
    case CompareOp::Eq: r = a == b; break;
    case CompareOp::Ne: r = a != b; break;
    case CompareOp::Gt: r = a > b; break;
    case CompareOp::Ge: r = a >= b; break;
  }
  return new_bool(r);
}

// Lexicographic comparison of two sequences of references, as CPython's
// list_richcompare/tuplerichcompare.  The item arrays are read through
// pointers on every step because a list may change under an __eq__ call.
Ref<Object> seq_richcompare(Object** const* a_items, const size_t* a_size,
                            Object** const* b_items, const size_t* b_size,
                            CompareOp op);

}  // namespace coil::runtime
