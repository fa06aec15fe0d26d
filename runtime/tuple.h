// tuple.h — the tuple type: a fixed-size array of references.
#pragma once

#include <cstddef>
#include <initializer_list>

#include "runtime/object.h"

namespace coil::runtime {

struct TypeObject;
extern TypeObject TupleType;

struct Tuple : Object {
  int64_t hash = -1;     // cached once computed (tuples of immutables)
  size_t size = 0;
  Object* items[1];      // `size` strong references (allocated past the struct)
};

bool tuple_check(const Object* o);
// A tuple of n slots, all nullptr: fill each with tuple_set (steals).
Ref<Tuple> tuple_new(size_t n);
inline void tuple_set(Tuple* t, size_t i, Ref<Object> v) { t->items[i] = v.release(); }
// Builds a tuple from borrowed pointers (each gets a new reference).
Ref<Tuple> tuple_pack(std::initializer_list<Object*> items);
Ref<Tuple> tuple_from_array(Object* const* items, size_t n);
Ref<Tuple> empty_tuple();

// t[lo:hi] (0 <= lo, hi <= size); an exact tuple's full slice is itself.
Ref<Tuple> tuple_slice(Tuple* t, size_t lo, size_t hi);
extern TypeObject TupleIterType;   // "tuple_iterator"

// Initialises TupleType and readies the tuple_iterator type.
void init_tuple_type();

}  // namespace coil::runtime
