// set.h — set and frozenset: hash tables of keys (CPython's algorithm).
//
// The table is CPython 3.11's setobject: open addressing with a run of
// LINEAR_PROBES (9) adjacent slots before each perturbation jump, the same
// table sizes (8, then powers of two), the same fill limit (3/5) and
// growth (x4, x2 above 50000 items), so iterating a set of ints visits
// them in exactly CPython's order.  A small set keeps its first 8 slots
// inside the object (no second allocation).
#pragma once

#include <cstddef>
#include <cstdint>

#include "runtime/object.h"

namespace coil::runtime {

struct TypeObject;
extern TypeObject SetType;
extern TypeObject FrozenSetType;
extern TypeObject SetIterType;   // "set_iterator"

struct SetEntry {
  Object* key;     // nullptr: never used; the dummy object: deleted
  int64_t hash;
};

constexpr size_t kSetMinSize = 8;

struct Set : Object {
  size_t fill = 0;            // active + dummy slots
  size_t used = 0;            // active slots
  size_t mask = kSetMinSize - 1;
  SetEntry* table = nullptr;  // points to smalltable or a heap array
  int64_t hash = -1;          // frozenset only: cached
  size_t finger = 0;          // where pop() continues its search
  SetEntry smalltable[kSetMinSize] = {};
  Object* weakreflist = nullptr;
};

bool set_check(const Object* o);          // isinstance(o, set)
bool frozenset_check(const Object* o);    // isinstance(o, frozenset)
bool anyset_check(const Object* o);       // either
inline bool set_check_exact(const Object* o) { return o->type == &SetType; }

// A new set (or frozenset) from an iterable (null: empty).
Ref<Object> set_new(Object* iterable = nullptr);
Ref<Object> frozenset_new(Object* iterable = nullptr);
int set_add(Object* set, Object* key);        // 0 ok, -1 error (unhashable ...)
int set_discard(Object* set, Object* key);    // 1 found, 0 not, -1 error
int set_contains(Object* set, Object* key);   // 1, 0, -1
int set_update(Object* set, Object* iterable);  // set |= iterable
void set_clear(Object* set);
inline size_t set_size(const Object* s) { return static_cast<const Set*>(s)->used; }
// Iteration over a set's table: `pos` starts at 0.  Borrowed key.
bool set_next(Object* set, size_t* pos, Object** key, int64_t* hash);

void init_set_type();         // set, frozenset and set_iterator

}  // namespace coil::runtime
