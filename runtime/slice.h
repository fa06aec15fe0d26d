// slice.h — slice objects (`a[1:10:2]`, `slice(1, 10, 2)`).
//
// A slice just holds its three attributes (any objects; None for omitted
// ones).  Sequences turn it into concrete positions with slice_unpack(),
// which clamps to the sequence length exactly as CPython's
// PySlice_Unpack + PySlice_AdjustIndices.
#pragma once

#include <cstdint>

#include "runtime/object.h"

namespace coil::runtime {

struct TypeObject;
extern TypeObject SliceType;

struct Slice : Object {
  Object* start = nullptr;   // strong; None when omitted
  Object* stop = nullptr;    // strong
  Object* step = nullptr;    // strong
};

inline bool slice_check(const Object* o);
// A new slice; null arguments mean None.  Borrows the arguments.
Ref<Object> slice_new(Object* start, Object* stop, Object* step);

// Computes the positions a slice selects from a sequence of `length`
// items: *start, *stop, *step and the number of items *slicelength.
// Errors: ValueError "slice step cannot be zero", TypeError "slice indices
// must be integers or None or have an __index__ method".  Out-of-range
// int bounds are clamped (never an error), as in CPython.
bool slice_unpack(Object* slice, int64_t length, int64_t* start, int64_t* stop,
                  int64_t* step, int64_t* slicelength);

// The first half of slice_unpack (PySlice_Unpack): bounds not yet adjusted
// to a length; missing ones become INT64_MIN/INT64_MAX sentinels.
bool slice_unpack_raw(Object* slice, int64_t* start, int64_t* stop, int64_t* step);
// The second half (PySlice_AdjustIndices): returns the slice length.
int64_t slice_adjust(int64_t length, int64_t* start, int64_t* stop, int64_t step);

// _PyEval_SliceIndexNotNone: an int or __index__ object to int64_t, huge
// values clamped (used by list.index/tuple.index start and stop).  TypeError
// "slice indices must be integers or have an __index__ method" otherwise.
bool slice_index_clamped(Object* o, int64_t* out);

void init_slice_type();

inline bool slice_check(const Object* o) { return o->type == &SliceType; }

}  // namespace coil::runtime
