// gc.h — the cycle collector: tracking containers, collecting cycles.
//
// Reference counting frees an object the moment its count reaches zero;
// what it cannot free is a group of objects that only refer to each other
// (a list that contains itself, two instances pointing at each other, a
// closure whose cell holds the function).  runtime/gc.cpp finds such
// groups by trial deletion, as CPython's gc does; the essay at the top of
// that file explains how.  The `gc` module (stdlib/native/gcmodule.cpp)
// is a thin layer over this header.
//
// WHO IS TRACKED.  An object is tracked when its type has a traverse slot
// (runtime/type.h): alloc_object_memory() tracks it as it is allocated,
// and freeing its memory untracks it.  Types that want to start untracked
// (dicts, as CPython's: a dict holding only atomic values cannot be part
// of a cycle) call untrack() after allocation and track() later.
//
// TRAVERSE SLOTS must visit every strong reference the object holds, and
// nothing else: visiting a borrowed pointer makes the collector believe a
// live object is garbage.  Leaving a strong reference out is always safe
// (the object then just looks referenced from outside).  A traverse must
// tolerate null fields: the collector may run while an object is half
// built.
#pragma once

#include <cstdint>

#include "runtime/object.h"

namespace coil::runtime::gc {

// ---- the side bits, kept by the allocator (runtime/alloc.cpp) --------------------

enum HeapBit : unsigned {
  kTracked = 0,     // the collector knows about the object
  kFinalized = 1,   // its __del__ has run (PEP 442: never a second time)
  kFrozen = 2,      // gc.freeze(): ignored by collections until unfreeze()
  kYoung = 3,       // tracked since the last collection (generation 0)
  // A dict has no finalizer, so its kFinalized bit has another use: set on
  // an instance's __dict__ once the program has handled it as an object
  // (see mark_dict_exposed).
  kExposed = kFinalized,
};
bool heap_test(const Object* o, HeapBit bit);
// Sets `bit` of `o`; false when the side table could not grow (no memory).
bool heap_set(const Object* o, HeapBit bit);
void heap_clear(const Object* o, HeapBit bit);
// Calls fn(o, arg) for every object whose `with` bit is set and whose
// `without` bit (a HeapBit, or -1 for none) is clear.  `fn` must not free
// or allocate tracked objects.
void heap_for_each(HeapBit with, int without, void (*fn)(Object*, void*), void* arg);
// How many objects heap_for_each(with, without, ...) would visit, counted
// from the bitmaps alone.
size_t heap_count(HeapBit with, int without);

// Tracked allocations minus tracked deallocations since the last
// collection (CPython's generations[0].count).  mem_free lowers it.
extern int64_t g_young_count;
// Past this count, young_limit_reached() decides whether a collection is
// due (gc.cpp keeps it at threshold 0; one compare per allocation).
extern int64_t g_young_limit;
void young_limit_reached();

// CPython 3.11 keeps the attributes of most class instances inside the
// object ("inline values") and makes a dict object only when the program
// reads __dict__ (vars(), copy, pickle), deletes an attribute or adds more
// than 30.  coil always has the dict; the collector leaves such a dict out
// of the counts it reports (gc.collect(), gc.callbacks, gc.get_stats()) so
// they are CPython's: a cycle of two instances is 2 objects, not 4.  The
// __dict__ getter and attribute deletion call this.
inline void mark_dict_exposed(Object* d) { heap_set(d, kExposed); }

// ---- tracking ---------------------------------------------------------------------

// Starts tracking `o` in the youngest generation (no-op when tracked).
// May schedule a collection, which runs at the next eval-breaker check.
void track(Object* o);
// track() without the "already tracked" test, for an object known not to
// be tracked (its memory was just allocated: freeing a block clears its bits).
void track_new(Object* o);
// Calls fn(o, arg) for every tracked pooled object allocated since the
// young bits were last cleared; with `clear`, clears them (a collection of
// generation 0 or more takes them).  `fn` must not free or allocate.
void young_for_each(void (*fn)(Object*, void*), void* arg, bool clear);
// heap_set(o, kTracked) for such a fresh object: 0 when the side table
// could not grow, else whether `o` starts a pooled block.
enum { kTrackedPooled = 1, kTrackedOther = 2 };
int heap_set_tracked_new(const Object* o);
void untrack(Object* o);
inline bool is_tracked(const Object* o) { return heap_test(o, kTracked); }
inline bool is_finalized(const Object* o) { return heap_test(o, kFinalized); }
inline void set_finalized(Object* o) { heap_set(o, kFinalized); }

// Whether `o` could take part in a cycle: CPython's _PyObject_GC_MAY_BE_TRACKED.
bool may_be_tracked(const Object* o);

// ---- collecting ---------------------------------------------------------------------

constexpr int kNumGenerations = 3;

// Collects generations 0..generation (with the gc.callbacks and the
// debug output); returns the number of unreachable objects found, as
// gc.collect() does.  Returns 0 at once when a collection is running.
int64_t collect(int generation);

// Called from the eval loop's breaker check: runs the collection that
// allocation scheduled (if the collector is still enabled).  false when a
// gc.callbacks callback raised... never: errors of callbacks and
// finalizers are reported as "ignored", as CPython does.
void collect_scheduled();
// Set by the VM: asks the running thread to call collect_scheduled()
// at its next eval-breaker check.
extern void (*schedule_hook)();

// ---- the state the gc module exposes --------------------------------------------------

struct GenerationStats {
  int64_t collections = 0;
  int64_t collected = 0;
  int64_t uncollectable = 0;
};

struct Config {
  bool enabled = true;
  int64_t threshold[kNumGenerations] = {700, 10, 10};
  int debug = 0;   // DEBUG_* bits
};
Config& config();

enum DebugFlag : int {
  kDebugStats = 1,
  kDebugCollectable = 2,
  kDebugUncollectable = 4,
  kDebugSaveAll = 32,
  kDebugLeak = kDebugCollectable | kDebugUncollectable | kDebugSaveAll,
};

// gc.get_count(): (young count, gen-0 collections since the last gen-1
// collection, gen-1 collections since the last gen-2 collection).
void get_count(int64_t out[kNumGenerations]);
const GenerationStats& stats(int generation);
bool collecting();

// gc.garbage and gc.callbacks: lists owned by the gc module, which
// registers them here (borrowed; null before the module is imported).
extern Object* garbage_list;
extern Object* callbacks_list;

// Objects in `generation` (0..2), or every tracked object (-1).
// `fn` must not allocate tracked objects; copy pointers out first.
void for_each_object(int generation, void (*fn)(Object*, void*), void* arg);

// gc.freeze / unfreeze / get_freeze_count.
void freeze();
void unfreeze();
int64_t freeze_count();

}  // namespace coil::runtime::gc
