// gc.cpp — the cycle collector (DESIGN decision 2), in the manner of
// CPython's Modules/gcmodule.c.
//
// WHAT IT IS FOR.  Reference counting frees an object as soon as nothing
// refers to it.  A cycle — `a.other = b; b.other = a`, a list appended to
// itself, a function whose closure cell holds the function — keeps every
// count above zero after the program has dropped the last outside
// reference.  This file finds such groups and breaks them.
//
// TRIAL DELETION.  Only containers can be in a cycle, so only they are
// tracked (types with a traverse slot; runtime/gc.h).  A collection takes
// the tracked objects of some generations — the CANDIDATES — and asks:
// which of them are referenced from outside the candidates?
//
//     1. gc_refs := refcnt                    for every candidate
//     2. for every reference candidate -> candidate:  gc_refs(target) -= 1
//        What is left in gc_refs counts references from OUTSIDE: frames,
//        C++ locals, globals, older objects.
//     3. every candidate with gc_refs > 0 is reachable, and so is every
//        candidate reachable from it (a graph walk);
//     4. the rest is garbage: nothing outside can reach it.
//
//         outside ──▶ A ──▶ B ◀──▶ C            D ◀──▶ E
//                    (1)   (0)    (0)           (0)    (0)
//                     reachable from A          unreachable: garbage
//
// Step 1 needs no copy here: while the graph phases run nothing else
// runs (the collector holds the GIL and calls no Python code), so the
// collector works IN PLACE on refcnt.  Two high bits of the word mark "a
// candidate of this collection" (kInSet) and "found reachable"
// (kReachable); step 2 counts the internal references in bits 32..59, so
// gc_refs is the low 32 bits minus that count, and masking the word back
// to its low 32 bits gives every internal reference back at once, before
// any other code can look at a count (CPython needs a separate gc_refs
// field for this; a second walk over the references would cost a third
// of a collection).  Immortal objects (refcnt 2^40) and static objects
// never carry kInSet, so visiting them costs one load.
//
// WHERE THE MARKS LIVE.  CPython puts a 16-byte header (two list links)
// before every tracked object.  coil's allocator is headerless (alloc.cpp),
// so "tracked", "finalized", "frozen" and "young" are bits in side bitmaps
// of the allocator's chunks (one bit per block), and the generations are:
//     generation 0: the objects whose "young" bit is set — tracked since
//                   the last collection — found through the allocator's
//                   short list of chunks that received one (alloc.cpp,
//                   young_for_each); plus a small vector (gen0) for the few
//                   tracked objects that do not start a pooled block;
//     generation 1: a vector of the survivors of gen-0 collections (gen1);
//     generation 2: every other tracked object, found by walking the
//                   bitmaps of all chunks (a full collection walks them all).
// An object freed young just has its bits cleared: tracking a short-lived
// list costs two bit operations at allocation and two at free.  The
// vectors may hold stale entries (the object was freed, its bit went with
// it) and duplicates (a freed block reused); gathering skips objects whose
// tracked bit is clear and objects already marked kInSet.
//
// WHEN.  Each tracked allocation raises g_young_count and each freed
// tracked object lowers it, as in CPython; past threshold 0 (700) a
// collection is SCHEDULED, and the running thread performs it at its next
// eval-breaker check (the backward jumps of the eval loop) — CPython 3.12's
// choice (gh-97922): allocation happens in the middle of half-done C++
// operations, where running finalizers would be unsafe.  A gen-0 collection
// also counts toward generation 1 (every 10th collects 0 and 1), and those
// toward generation 2, which also waits until the survivors pending since
// the last full collection exceed a quarter of the long-lived objects
// (CPython's guard against quadratic behaviour).
//
// FRAMES AND GENERATORS.  Function frames live in per-thread FrameStacks,
// not in tracked objects: their references are simply "from outside".  A
// suspended generator's traverse visits its locals and value stack; a
// running one's value stack may be stale (the eval loop keeps sp in a
// register), so it visits its locals only.  Under-counting is always safe:
// the object looks referenced from outside and survives.
//
// AFTER THE GRAPH (handle_garbage).  The garbage is held by strong
// references while:
//     a. weak references to garbage are cleared and their callbacks called
//        (CPython's handle_weakrefs) — before any __del__ could see them;
//     b. each object's finalizer (__del__, a generator's close) runs once —
//        PEP 442: the "finalized" bit stops a second run;
//     c. trial deletion runs again over the garbage alone: an object a
//        finalizer stored somewhere (RESURRECTED), and all it reaches,
//        survives (skipped when a. and b. ran no code: nothing could have
//        stored the garbage anywhere);
//     d. the rest is broken up by the types' clear slots (list.clear(),
//        dropping an instance's __dict__ ...); dropping the held references
//        then frees them through ordinary refcounting.
#include "runtime/gc.h"

#include <algorithm>
#include <cstdio>
#include <new>
#include <unordered_set>
#include <vector>

#if __has_include("runtime/weakref.h")
#include "runtime/weakref.h"
#define COIL_GC_HAVE_WEAKREF 1
#endif

#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

namespace coil::runtime::gc {

void (*schedule_hook)() = nullptr;
Object* garbage_list = nullptr;
Object* callbacks_list = nullptr;

namespace {

// ---- the marks on refcnt during the graph phases ---------------------------------------

// During a collection a candidate's refcnt holds, besides its own count
// (bits 0..31: candidates are objects with fewer than 2^31 references),
// the number of references to it found inside the candidate set (bits
// 32..59, kInternalOne each) and the two marks.  Its count from outside
// the set is the difference, and giving the internal references back is
// clearing the high bits — no second walk over the references.
constexpr intptr_t kInSet = intptr_t{1} << 62;
constexpr intptr_t kReachable = intptr_t{1} << 61;
constexpr intptr_t kCountMask = kReachable - 1;
constexpr intptr_t kInternalOne = intptr_t{1} << 32;
constexpr intptr_t kLowMask = kInternalOne - 1;
constexpr intptr_t kInternalMask = ((intptr_t{1} << 60) - 1) & ~kLowMask;
constexpr intptr_t kMaxCandidateCount = intptr_t{1} << 31;

inline bool in_set(const Object* o) { return (o->refcnt & kInSet) != 0; }
// References from outside the candidate set (after the decref walk).
inline intptr_t gc_refs(const Object* o) {
  return (o->refcnt & kLowMask) - ((o->refcnt & kInternalMask) >> 32);
}
// An object with this many references is never a candidate (its count
// would reach the internal-reference bits); it simply stays alive.
inline bool may_be_candidate(const Object* o) { return (o->refcnt & kCountMask) < kMaxCandidateCount; }

struct State {
  // Generation 0 is mostly the allocator's young bits (alloc.cpp,
  // young_for_each).  This vector holds the rest: large blocks and
  // prefixed instances.  Entries may be stale (checked
  // against the tracked bit before use) or repeated (deduplicated by kInSet).
  std::vector<Object*> gen0;
  std::vector<Object*> gen1;       // survivors of gen-0 collections (may be stale)
  size_t gen0_compact_at = 4096;
  int64_t count[kNumGenerations] = {};   // count[1], count[2]: collections of the younger generation
  int64_t long_lived_total = 0;
  int64_t long_lived_pending = 0;
  bool collecting = false;
  bool scheduled = false;
  GenerationStats stats[kNumGenerations];
  Config config;
};

State* g_state = nullptr;   // made on first use, never destroyed (used at exit)
inline State& st() {
  if (!g_state) [[unlikely]] g_state = new State();
  return *g_state;
}

// ---- adapter over the weakref runtime ---------------------------------------------------

#if COIL_GC_HAVE_WEAKREF
bool object_has_weakrefs(Object* o) { return has_weakrefs(o); }
void detach_weakrefs(Object* o, std::vector<Ref<Object>>* callbacks) { weakrefs_detach(o, callbacks); }
void call_weakref_callback(Object* wr) { weakref_call_callback(wr); }
#else
bool object_has_weakrefs(Object*) { return false; }
void detach_weakrefs(Object*, std::vector<Ref<Object>>*) {}
void call_weakref_callback(Object*) {}
#endif

// ---- the graph phases --------------------------------------------------------------------

[[noreturn, maybe_unused]] void refcount_underflow(Object* o) {
  // A traverse slot visited a reference its object does not own.
  std::fprintf(stderr, "coil: fatal: gc: more references to a '%s' object at %p were visited than it has\n",
               o->type->name, static_cast<void*>(o));
  std::abort();
}

inline void visit_decref(Object* c, void*) {
  if (!in_set(c)) return;
  if (gc_refs(c) <= 0) {
#if defined(COIL_GC_STRESS) || !defined(NDEBUG)
    refcount_underflow(c);
#else
    return;   // release builds: skip it (the object merely survives)
#endif
  }
  c->refcnt += kInternalOne;
}

inline void visit_reach(Object* c, void* arg) {
  if ((c->refcnt & (kInSet | kReachable)) != kInSet) return;
  c->refcnt |= kReachable;
  static_cast<std::vector<Object*>*>(arg)->push_back(c);
}

// The graph phases call a visit function for every reference of every
// candidate: millions per full collection.  For the commonest containers
// — instances of classes over `object`, lists, dicts, tuples — the
// references are walked here, so that the visit is inlined instead of
// called through two function pointers; every other type goes through
// its traverse slot.  (Any order of visits will do for trial deletion.)
template <class Visit>
void trampoline(Object* child, void* visit) {
  (*static_cast<Visit*>(visit))(child);
}

template <class Visit>
[[gnu::always_inline]] inline void visit_references(Object* o, Visit& visit) {
  TypeObject* t = o->type;
  if (t == &ListType) {
    List* l = static_cast<List*>(o);
    for (size_t i = 0; i < l->size; i++)
      if (Object* x = l->items[i]) visit(x);
  } else if (t == &DictType) {
    Dict* d = static_cast<Dict*>(o);
    for (size_t i = 0; i < d->nentries; i++) {
      if (d->entries[i].key) {
        visit(d->entries[i].key);
        visit(d->entries[i].value);
      }
    }
  } else if (t == &TupleType) {
    Tuple* tu = static_cast<Tuple*>(o);
    for (size_t i = 0; i < tu->size; i++)
      if (Object* x = tu->items[i]) visit(x);
  } else if (t->traverse == &subtype_traverse) {
    // What subtype_traverse does: the heap words, the class, then the
    // built-in base's own references (none for `object`).
    for_each_heap_word_ref(o, visit);
    visit(t);
    TypeObject* base = t->base;
    while (base->flags & kHeapType) base = base->base;
    if (base->traverse) base->traverse(o, trampoline<Visit>, &visit);
  } else if (t->traverse) {
    t->traverse(o, trampoline<Visit>, &visit);
  }
}

// Marks `set` (already carrying kInSet) and finds which members are
// reachable from outside it.  On return kReachable is set on those; the
// counts are still reduced by the internal references.
// Step 2: counts, for every member of `set`, the references to it from
// inside the set (into the high bits of refcnt: see visit_decref).
void count_internal_references(const std::vector<Object*>& set) {
  auto visit = [](Object* c) { visit_decref(c, nullptr); };
  for (Object* o : set) visit_references(o, visit);
}

void mark_reachable(const std::vector<Object*>& set) {
  count_internal_references(set);
  std::vector<Object*> stack;
  auto reach = [&stack](Object* c) { visit_reach(c, &stack); };
  for (Object* o : set) {
    if ((o->refcnt & kReachable) || gc_refs(o) <= 0) continue;
    o->refcnt |= kReachable;
    stack.push_back(o);
    while (!stack.empty()) {
      Object* p = stack.back();
      stack.pop_back();
      visit_references(p, reach);
    }
  }
}

// Gives back the internal references and clears both marks.
void restore_counts(const std::vector<Object*>& set) {
  for (Object* o : set) o->refcnt &= kLowMask;
}

// ---- gathering the candidates ---------------------------------------------------------

// Adds `o` when it is tracked and not yet a candidate.  Pointers from the
// generation vectors are checked against the side bits before they are
// dereferenced: a stale entry may point at a freed block.
// (The mark is set only after push_back succeeded, so when memory runs
// out every marked object is in the vector and the marks can be undone.)
void add_candidate(std::vector<Object*>* out, Object* o) {
  if (!is_tracked(o) || in_set(o) || !may_be_candidate(o)) return;
  out->push_back(o);
  o->refcnt |= kInSet;
}

void add_walked(Object* o, void* arg) {
  if (in_set(o) || !may_be_candidate(o)) return;
  static_cast<std::vector<Object*>*>(arg)->push_back(o);
  o->refcnt |= kInSet;
}

// Fills `set` with the candidates of `generation`, marked kInSet.  May
// throw std::bad_alloc, leaving `set` holding exactly the marked objects.
void gather(int generation, std::vector<Object*>* set) {
  State& s = st();
  if (generation >= 2) {
    // The walk finds every member of the younger generations too: release
    // their vectors first (gen1 can hold millions of survivors).
    std::vector<Object*>().swap(s.gen0);
    std::vector<Object*>().swap(s.gen1);
    young_for_each([](Object*, void*) {}, nullptr, true);
    // Sized exactly: growing by doubling would briefly hold two copies.
    set->reserve(heap_count(kTracked, kFrozen));
    heap_for_each(kTracked, kFrozen, add_walked, set);
    return;
  }
  young_for_each(add_walked, set, true);
  for (Object* o : s.gen0) add_candidate(set, o);
  s.gen0.clear();
  if (generation >= 1) {
    for (Object* o : s.gen1) add_candidate(set, o);
    s.gen1.clear();
  }
}

// Drops stale entries and duplicates from gen0 (collections disabled or
// rare): keeps the vector proportional to the live young objects.
void compact_gen0() {
  State& s = st();
  std::vector<Object*> live;
  for (Object* o : s.gen0) {
    if (!is_tracked(o) || in_set(o)) continue;
    live.push_back(o);
    o->refcnt |= kInSet;
  }
  for (Object* o : live) o->refcnt &= kCountMask;
  s.gen0.swap(live);
  s.gen0_compact_at = std::max<size_t>(4096, 2 * s.gen0.size());
}

// ---- after the graph: survivors --------------------------------------------------------

// CPython's _PyTuple_MaybeUntrack: a tuple whose items can never be part
// of a cycle need not be tracked.
void maybe_untrack_tuple(Object* o) {
  if (o->type != &TupleType) return;
  Tuple* t = static_cast<Tuple*>(o);
  for (size_t i = 0; i < t->size; i++) {
    if (!t->items[i] || may_be_tracked(t->items[i])) return;
  }
  untrack(o);
}

// CPython's _PyDict_MaybeUntrack (full collections only).
void maybe_untrack_dict(Object* o) {
  if (o->type != &DictType) return;
  Dict* d = static_cast<Dict*>(o);
  size_t pos = 0;
  Object* k;
  Object* v;
  while (dict_next(d, &pos, &k, &v)) {
    if (may_be_tracked(k) || may_be_tracked(v)) return;
  }
  untrack(o);
}

// A survivor of a collection of `generation` moves one generation up.
// Out of memory for gen1's vector: it stays tracked, seen by full
// collections only.
void promote(Object* o, int generation) {
  State& s = st();
  maybe_untrack_tuple(o);
  if (generation == 0) {
    try {
      s.gen1.push_back(o);
    } catch (const std::bad_alloc&) {
    }
  } else if (generation >= 2) {
    maybe_untrack_dict(o);
  }
}

void promoted(int64_t survivors, int generation) {
  State& s = st();
  if (generation == 1) {
    s.long_lived_pending += survivors;
  } else if (generation >= 2) {
    s.long_lived_pending = 0;
    s.long_lived_total = survivors;
  }
}

// ---- after the graph: garbage ------------------------------------------------------------

void debug_print_object(const char* what, Object* o) {
  std::fprintf(stderr, "gc: %s <%s %p>\n", what, o->type->name, static_cast<void*>(o));
}

// a. Clears the weak references to garbage, then calls the callbacks of
// those weak references that are not garbage themselves.  Returns whether
// it called any.
bool handle_weakrefs(const std::vector<Object*>& garbage) {
  std::vector<Ref<Object>> callbacks;
  for (Object* o : garbage) {
    if (object_has_weakrefs(o)) detach_weakrefs(o, &callbacks);
  }
  if (callbacks.empty()) return false;
  std::unordered_set<Object*> dead;
  for (Object* o : garbage) dead.insert(o);
  bool called = false;
  for (Ref<Object>& wr : callbacks) {
    if (dead.count(wr.get())) continue;
    call_weakref_callback(wr.get());
    called = true;
  }
  return called;
}

// b. Runs every finalizer that has not run yet (PEP 442).  Returns
// whether it ran any.
bool finalize_garbage(const std::vector<Object*>& garbage) {
  bool ran = false;
  for (Object* o : garbage) {
    ClearFn fin = o->type->finalize;
    if (!fin || is_finalized(o)) continue;
    set_finalized(o);
    Ref<Object> saved = fetch_error();
    fin(o);
    restore_error(std::move(saved));
    ran = true;
  }
  return ran;
}

// c. Which of the garbage did the finalizers make reachable again?
// Returns a flag per object (true: resurrected).
std::vector<bool> find_resurrected(const std::vector<Object*>& garbage) {
  // `alive` is allocated before any count changes, so running out of
  // memory below can be undone.
  const std::vector<Object*>& set = garbage;
  std::vector<bool> alive(garbage.size(), true);
  for (Object* o : garbage) {
    // Our own reference is not "from outside".
    o->refcnt = (o->refcnt - 1) | kInSet;
  }
  bool marked = true;
  try {
    mark_reachable(set);
  } catch (const std::bad_alloc&) {
    marked = false;   // out of memory: keep everything alive this time
  }
  if (marked)
    for (size_t i = 0; i < set.size(); i++) alive[i] = (set[i]->refcnt & kReachable) != 0;
  restore_counts(set);
  for (Object* o : set) ++o->refcnt;
  return alive;
}

// d. Breaks the remaining cycles with the clear slots.
void delete_garbage(const std::vector<Object*>& garbage, const std::vector<bool>& resurrected) {
  bool save_all = (st().config.debug & kDebugSaveAll) != 0;
  for (size_t i = 0; i < garbage.size(); i++) {
    if (resurrected[i]) continue;
    Object* o = garbage[i];
    if (save_all) {
      if (garbage_list) list_append(static_cast<List*>(garbage_list), o);
      continue;
    }
    ClearFn clear = o->type->clear;
    if (!clear) continue;
    Ref<Object> saved = fetch_error();
    clear(o);
    if (error_occurred()) write_unraisable(o);
    restore_error(std::move(saved));
  }
}

// The garbage, each element holding a strong reference for the length of
// the steps below (a finalizer or a clear slot may drop the others'), in
// the vector the collection already had: at exit the garbage is the whole
// heap, and a second vector of it would raise the peak memory.
struct OwnedGarbage {
  std::vector<Object*>& v;
  explicit OwnedGarbage(std::vector<Object*>& objects) : v(objects) {
    for (Object* o : v) incref(o);
  }
  ~OwnedGarbage() {
    for (Object* o : v) decref(o);
    v.clear();
  }
};

// Whether `d`, the __dict__ of an instance of class `t`, is one CPython
// 3.11 would not have made (gc.h, mark_dict_exposed): a class that added
// the dict to a fixed-size built-in base, a dict never exposed, of at most
// 30 attributes.
bool inline_values_dict(TypeObject* t, Object* d) {
  if (!(t->flags & kHeapType) || t->extras_base < 0 || d->type != &DictType) return false;
  TypeObject* base = t;
  while (base && (base->flags & kHeapType)) base = base->base;
  if (base && base->dict_offset) return false;   // the built-in base's own dict (exceptions...)
  return dict_size(static_cast<Dict*>(d)) <= 30 && !heap_test(d, kExposed);
}

// How many of `garbage` CPython would count: all but the dicts of garbage
// instances that would have been inline values there.
int64_t reported_count(const std::vector<Object*>& garbage) {
  for (Object* o : garbage) o->refcnt |= kInSet;   // no code runs until they are cleared
  int64_t hidden = 0;
  for (Object* o : garbage) {
    Object** slot = instance_dict_slot(o);
    if (slot && *slot && in_set(*slot) && inline_values_dict(o->type, *slot)) hidden++;
  }
  for (Object* o : garbage) o->refcnt &= ~kInSet;
  return static_cast<int64_t>(garbage.size()) - hidden;
}

int64_t handle_garbage(std::vector<Object*>& unreachable) {
  OwnedGarbage owned(unreachable);
  const std::vector<Object*>& garbage = owned.v;
  const int64_t reported = reported_count(garbage);
  if (st().config.debug & kDebugCollectable) {
    for (Object* o : garbage) debug_print_object("collectable", o);
  }
  bool code_ran = handle_weakrefs(garbage);
  code_ran |= finalize_garbage(garbage);
  // Only code can resurrect: when none ran, none of the garbage did.
  std::vector<bool> resurrected =
      code_ran ? find_resurrected(garbage) : std::vector<bool>(garbage.size(), false);
  delete_garbage(garbage, resurrected);
  return reported;
}

// ---- the survivors and the garbage of one collection -----------------------------------

// Steps 3 and 4 of trial deletion, with the counts given back on the way.
// Each candidate with references from outside (or already reached) starts
// a walk; every object the walk reaches, once its own references are
// visited, gets its count back, loses its marks and moves one generation
// up — so a reachable object is touched once more, not twice.  A
// candidate with no outside reference may still be reached from a later
// one: it is set aside at the front of `set` and decided at the end.
// On return `set` holds the garbage, in its original order, with its
// counts restored; the result is the number of survivors.  A
// std::bad_alloc (the walk's stack) leaves every object that is still
// marked in `set`, so restore_counts(set) undoes the rest.
int64_t sweep(std::vector<Object*>& set, int generation) {
  std::vector<Object*> stack;
  auto reach = [&stack](Object* c) { visit_reach(c, &stack); };
  int64_t survivors = 0;
  size_t n_maybe = 0;
  for (size_t i = 0; i < set.size(); i++) {
    Object* o = set[i];
    if (!in_set(o)) continue;   // reached by an earlier walk: done
    if (!(o->refcnt & kReachable) && gc_refs(o) <= 0) {
      set[n_maybe++] = o;   // overwrites only entries already done
      continue;
    }
    o->refcnt |= kReachable;
    stack.push_back(o);
    while (!stack.empty()) {
      Object* p = stack.back();
      stack.pop_back();
      visit_references(p, reach);
      p->refcnt &= kLowMask;   // the internal references back, the marks off
      promote(p, generation);
      ++survivors;
    }
  }
  // The set-aside candidates that no walk reached are the garbage.
  size_t n_garbage = 0;
  for (size_t i = 0; i < n_maybe; i++) {
    Object* o = set[i];
    if (!in_set(o)) continue;
    o->refcnt &= kLowMask;
    set[n_garbage++] = o;
  }
  set.resize(n_garbage);
  return survivors;
}

// ---- one collection -------------------------------------------------------------------

int64_t collect_main(int generation) {
  State& s = st();
  if (s.config.debug & kDebugStats) {
    std::fprintf(stderr, "gc: collecting generation %d...\n", generation);
  }
  if (generation + 1 < kNumGenerations) s.count[generation + 1] += 1;
  for (int i = 0; i <= generation; i++) s.count[i] = 0;
  g_young_count = 0;
#ifndef COIL_GC_STRESS
  g_young_limit = s.config.threshold[0] > 0 ? s.config.threshold[0] : INT64_MAX;
#endif

  // Out of memory (std::bad_alloc from a vector) at any step: undo the
  // marks and counts and give up this collection; nothing is lost.
  std::vector<Object*> set;
  try {
    gather(generation, &set);
  } catch (const std::bad_alloc&) {
    for (Object* o : set) o->refcnt &= kCountMask;
    return 0;
  }
  int64_t n_survivors = 0;
  try {
    count_internal_references(set);
    n_survivors = sweep(set, generation);
  } catch (const std::bad_alloc&) {
    restore_counts(set);   // what sweep() has not given back yet
    return 0;
  }
  promoted(n_survivors, generation);

  int64_t found = 0;
  try {
    found = handle_garbage(set);
  } catch (const std::bad_alloc&) {
    found = 0;   // the garbage stays for the next collection
  }
  GenerationStats& gs = s.stats[generation];
  gs.collections += 1;
  gs.collected += found;
  if (s.config.debug & kDebugStats) {
    std::fprintf(stderr, "gc: done, %lld unreachable, 0 uncollectable.\n", static_cast<long long>(found));
  }
  return found;
}

// Calls each of gc.callbacks with (phase, info).
void invoke_callbacks(const char* phase, int generation, int64_t collected) {
  if (!callbacks_list) return;
  List* cbs = static_cast<List*>(callbacks_list);
  if (cbs->size == 0) return;
  Ref<Object> saved = fetch_error();
  Ref<Dict> info = dict_new();
  Ref<Object> ph = str_from(phase);
  if (info && ph && dict_set_str(info.get(), "generation", int_from_i64(generation).get()) == 0 &&
      dict_set_str(info.get(), "collected", int_from_i64(collected).get()) == 0 &&
      dict_set_str(info.get(), "uncollectable", int_from_i64(0).get()) == 0) {
    // Copy: a callback may change the list.
    Ref<List> copy = list_new(0);
    for (size_t i = 0; copy && i < cbs->size; i++) list_append(copy.get(), cbs->items[i]);
    for (size_t i = 0; copy && i < copy->size; i++) {
      Object* args[2] = {ph.get(), info.get()};
      Ref<Object> r = call(copy->items[i], args, 2);
      if (!r) write_unraisable(copy->items[i]);
    }
  }
  if (error_occurred()) write_unraisable(callbacks_list);
  restore_error(std::move(saved));
}

int64_t collect_with_callbacks(int generation) {
  State& s = st();
  s.collecting = true;
  invoke_callbacks("start", generation, 0);
  int64_t found = collect_main(generation);
  invoke_callbacks("stop", generation, found);
  s.collecting = false;
  return found;
}

// CPython's gc_collect_generations: the oldest generation over its threshold.
void collect_generations() {
  State& s = st();
  for (int i = kNumGenerations - 1; i >= 0; i--) {
    int64_t count = i == 0 ? g_young_count : s.count[i];
    if (count <= s.config.threshold[i]) continue;
    if (i == kNumGenerations - 1 && s.long_lived_pending < s.long_lived_total / 4) continue;
    collect_with_callbacks(i);
    return;
  }
}

void maybe_schedule() {
  State& s = st();
#ifdef COIL_GC_STRESS
  bool due = true;
#else
  bool due = g_young_count > s.config.threshold[0] && s.config.threshold[0] > 0;
#endif
  if (!due || !s.config.enabled || s.collecting || s.scheduled) return;
  s.scheduled = true;
  if (schedule_hook) schedule_hook();
}

}  // namespace

// ---- tracking ---------------------------------------------------------------------------

// Lists in gen0 a tracked object that the young bits cannot list (one
// that does not start a pooled block).  false, with the tracked
// bit cleared again, when the vector cannot grow.
static bool remember_young(Object* o) {
  State& s = st();
  if (s.gen0.size() >= s.gen0_compact_at && !s.collecting) [[unlikely]] compact_gen0();
  try {
    s.gen0.push_back(o);
  } catch (...) {
    heap_clear(o, kTracked);
    return false;
  }
  return true;
}

void track_new(Object* o) {
  int where = heap_set_tracked_new(o);
  if (!where) return;   // no memory for the bit: stays untracked
  if (where == kTrackedOther && !remember_young(o)) return;
  if (++g_young_count > g_young_limit) young_limit_reached();
}

// An object tracked later in its life (a dict that received its first
// container) joins generation 0 the same way as a new one.
void track(Object* o) {
  if (!is_tracked(o)) track_new(o);
}

void young_limit_reached() {
  maybe_schedule();
#ifndef COIL_GC_STRESS
  // Not due (collections disabled, one already scheduled or running):
  // look again a little later rather than on every allocation.
  if (g_young_limit <= g_young_count) g_young_limit = g_young_count + 256;
#endif
}

void untrack(Object* o) {
  if (!is_tracked(o)) return;
  heap_clear(o, kTracked);
  heap_clear(o, kFrozen);
  if (g_young_count > 0) --g_young_count;
}

bool may_be_tracked(const Object* o) {
  if (!o->type->traverse) return false;
  if (o->type == &TupleType) return is_tracked(o);
  return true;
}

// ---- collecting -------------------------------------------------------------------------

int64_t collect(int generation) {
  if (st().collecting) return 0;
  return collect_with_callbacks(generation);
}

void collect_scheduled() {
  State& s = st();
  s.scheduled = false;
  if (!s.config.enabled || s.collecting) return;
#ifdef COIL_GC_STRESS
  collect_with_callbacks(0);
#else
  collect_generations();
#endif
}

Config& config() { return st().config; }
bool collecting() { return st().collecting; }
const GenerationStats& stats(int generation) { return st().stats[generation]; }

void get_count(int64_t out[kNumGenerations]) {
  out[0] = g_young_count;
  out[1] = st().count[1];
  out[2] = st().count[2];
}

// ---- enumerating, freezing -----------------------------------------------------------

void for_each_object(int generation, void (*fn)(Object*, void*), void* arg) {
  State& s = st();
  if (generation < 0) {
    heap_for_each(kTracked, -1, fn, arg);
    return;
  }
  // The young objects, deduplicated by the kInSet mark (no code runs
  // until the marks are cleared: `fn` only copies pointers out).
  std::vector<Object*> young;
  young_for_each(add_walked, &young, false);
  for (Object* o : s.gen0) add_candidate(&young, o);
  size_t n0 = young.size();
  if (generation >= 1) {
    for (Object* o : s.gen1) add_candidate(&young, o);
  }
  std::vector<Object*> old;
  if (generation == 2) heap_for_each(kTracked, kFrozen, add_walked, &old);   // skips the marked young
  for (Object* o : young) o->refcnt &= kCountMask;
  for (Object* o : old) o->refcnt &= kCountMask;
  if (generation == 0) {
    for (Object* o : young) fn(o, arg);
  } else if (generation == 1) {
    for (size_t i = n0; i < young.size(); i++) fn(young[i], arg);
  } else {
    for (Object* o : old) fn(o, arg);
  }
}

namespace {
void freeze_one(Object* o, void*) { heap_set(o, kFrozen); }
void unfreeze_one(Object* o, void*) { heap_clear(o, kFrozen); }
void count_one(Object*, void* arg) { ++*static_cast<int64_t*>(arg); }
}  // namespace

void freeze() {
  heap_for_each(kTracked, -1, freeze_one, nullptr);
  young_for_each([](Object*, void*) {}, nullptr, true);
  st().gen0.clear();
  st().gen1.clear();
  g_young_count = 0;
}

void unfreeze() {
  std::vector<Object*> frozen;
  heap_for_each(kFrozen, -1, [](Object* o, void* a) { static_cast<std::vector<Object*>*>(a)->push_back(o); },
                &frozen);
  for (Object* o : frozen) unfreeze_one(o, nullptr);
}

int64_t freeze_count() {
  int64_t n = 0;
  heap_for_each(kFrozen, -1, count_one, &n);
  return n;
}

}  // namespace coil::runtime::gc
