// iterobject.h — the built-in iterator types that are not tied to one
// container: enumerate, zip, map, filter, reversed and the callable
// iterator of iter(callable, sentinel).  The sequence iterator (iteration
// by __getitem__) is abstract.cpp's, next to get_iter().
#pragma once

#include "runtime/object.h"

namespace coil::runtime {

struct TypeObject;
extern TypeObject EnumerateType;     // "enumerate"
extern TypeObject ZipType;           // "zip"
extern TypeObject MapType;           // "map"
extern TypeObject FilterType;        // "filter"
extern TypeObject ReversedType;      // "reversed"
extern TypeObject CallIterType;      // "callable_iterator"

// iter(callable, sentinel).
Ref<Object> call_iter_new(Object* callable, Object* sentinel);
// reversed(seq): __reversed__ if the type has one, else a reverse
// sequence iterator ("'int' object is not reversible" otherwise).
Ref<Object> reversed_new(Object* seq);

void init_iterobject_types();   // fills all of the above

// Readies (type_ready) every type of the containers area — the main ones
// (tuple, list, dict, set, frozenset, range, slice) and all helper types
// (iterators, dict views, enumerate/zip/map/...).  The init_*_type()
// functions only fill the TypeObjects; call this once after all of them
// (and after str/dict/names are usable).  Idempotent.
bool ready_container_types();

}  // namespace coil::runtime
