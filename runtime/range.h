// range.h — the range type and its iterators.
//
// A range keeps start, stop, step and its length as int objects (any
// size).  When all four fit in int64_t — nearly always — it also keeps C
// copies (`small`) and every operation takes a C fast path; iteration
// then uses "range_iterator", which yields ints without any arithmetic
// on objects.  Huge ranges fall back to int-object arithmetic
// ("longrange_iterator").
#pragma once

#include <cstdint>

#include "runtime/object.h"

namespace coil::runtime {

struct TypeObject;
extern TypeObject RangeType;
extern TypeObject RangeIterType;       // "range_iterator"
extern TypeObject LongRangeIterType;   // "longrange_iterator"

struct Range : Object {
  Object* start = nullptr;    // strong, exact ints
  Object* stop = nullptr;
  Object* step = nullptr;
  Object* length = nullptr;
  bool small = false;         // the four below are valid
  int64_t istart = 0, istop = 0, istep = 1, ilen = 0;
};

inline bool range_check(const Object* o);
// range(start, stop, step) from int64 values (step != 0).
Ref<Object> range_new_i64(int64_t start, int64_t stop, int64_t step);

void init_range_type();

inline bool range_check(const Object* o) { return o->type == &RangeType; }

}  // namespace coil::runtime
