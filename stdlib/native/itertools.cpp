// itertools.cpp — the itertools module: lazy iterator building blocks.
//
// Every tool is an iterator object that holds the iterators it draws from
// and computes one item per __next__ — nothing is materialised up front,
// so `count()` is infinite and `islice(huge, 3)` reads three items.  The
// combinatoric ones (product, permutations, combinations...) are the
// exception CPython makes too: they read their input into a tuple first,
// then walk an array of indices, yielding one fresh tuple per step.
//
// All follow the iternext slot convention (runtime/type.h): a null result
// with no exception set means "exhausted".  Reprs and messages are
// CPython 3.11's.
//
// Every tool is a container for the cycle collector (docs/gc.md): its
// traverse slot visits the references it owns — iterators, functions,
// saved items — and never a borrowed pointer such as a groupby's
// `currgrouper`.  Its clear slot drops them (each field emptied before the
// decref, which may run arbitrary code) and leaves the object exhausted,
// so a cleared iterator that is still reached answers "no more items".
#include <climits>
#include <cstdio>
#include <string>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/module.h"
#include "runtime/sequtil.h"
#include "runtime/singletons.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"
#include "stdlib/native/modules.h"

namespace coil::runtime {

namespace {

// ---- shared helpers ----------------------------------------------------------------

Ref<Object> self_iter(Object* self) { return borrow(self); }

// "<itertools.chain object at 0x...>"
Ref<Object> default_repr(Object* self) {
  char buf[96];
  std::snprintf(buf, sizeof buf, "<%s object at %p>", self->type->name, static_cast<void*>(self));
  return str_from(buf);
}

// CPython's itertools argument-count messages: "cycle expected 1 argument,
// got 0", "starmap expected 2 arguments, got 1", "islice expected at least
// 2 arguments, got 1".
bool expect_args(const char* name, size_t nargs, size_t min, size_t max) {
  if (nargs >= min && nargs <= max) return true;
  if (min == max) {
    set_errorf(exc::TypeError, "%s expected %zu argument%s, got %zu", name, min, min == 1 ? "" : "s", nargs);
  } else if (nargs < min) {
    set_errorf(exc::TypeError, "%s expected at least %zu argument%s, got %zu", name, min, min == 1 ? "" : "s", nargs);
  } else {
    set_errorf(exc::TypeError, "%s expected at most %zu argument%s, got %zu", name, max, max == 1 ? "" : "s", nargs);
  }
  return false;
}

bool no_kwargs(const char* name, Tuple* kwnames) {
  if (!kwnames || kwnames->size == 0) return true;
  set_errorf(exc::TypeError, "%s() takes no keyword arguments", name);
  return false;
}

// The next item of `it`; null when exhausted (no error) or on error.
inline Ref<Object> next_of(Object* it) { return iter_next(it); }

void init_iter_type(TypeObject* t, const char* name, size_t size, DeallocFn dealloc, NewFn new_fn,
                    UnaryFn next, TraverseFn traverse, ClearFn clear) {
  t->name = name;
  t->basic_size = size;
  t->flags = kHaveGC | kBaseType;
  t->dealloc = dealloc;
  t->traverse = traverse;
  t->clear = clear;
  t->new_ = new_fn;
  t->iter = self_iter;
  t->iternext = next;
  t->repr = default_repr;
}

template <class T>
void dealloc_of(Object* self) {
  destroy_object(static_cast<T*>(self));
}

// The collector's slots for a type whose references are all Ref fields:
//   traverse_fields<Chain, &Chain::sources, &Chain::active>
// visits each non-null one; clear_fields empties them all before the
// first reference is dropped (a drop may run code that looks at the
// object).  A cleared iterator is exhausted: its __next__ finds no source.
template <class T, Ref<Object> T::*... Fields>
void traverse_fields(Object* self, VisitFn visit, void* arg) {
  T* o = static_cast<T*>(self);
  for (Ref<Object>* r : {&(o->*Fields)...})
    if (*r) visit(r->get(), arg);
}

template <class T, Ref<Object> T::*... Fields>
void clear_fields(Object* self) {
  T* o = static_cast<T*>(self);
  Ref<Object> dropped[] = {std::move(o->*Fields)...};
  (void)dropped;
}

// Visits every non-null reference of a vector of owned references.
void visit_all(const std::vector<Ref<Object>>& v, VisitFn visit, void* arg) {
  for (const Ref<Object>& o : v)
    if (o) visit(o.get(), arg);
}

// Empties `v` and only then drops its references.
void clear_all(std::vector<Ref<Object>>& v) {
  std::vector<Ref<Object>> old;
  old.swap(v);
}

// ---- count ----------------------------------------------------------------------------

TypeObject CountType;

struct Count : Object {
  // Fast mode: an int64 counter stepping by 1.  Slow mode: `cur` and `step`
  // objects added with `+` (any numbers: floats, Fractions, big ints).
  bool fast = true;
  int64_t n = 0;
  Ref<Object> cur, step;
};

bool is_number(Object* o) {
  // CPython's PyNumber_Check: convertible to int or float, or complex.
  return o->type->nb_index || o->type->nb_int || o->type->nb_float ||
         std::string_view(o->type->name) == "complex";
}

Ref<Object> count_new(TypeObject* type, Object* const* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"count", {"start", "step"}, 0};
  Object* a[2] = {nullptr, nullptr};
  if (!bind_args(spec, args, nargs, kwnames, a)) return nullptr;
  Ref<Object> start = a[0] ? borrow(a[0]) : int_from_i64(0);
  Ref<Object> step = a[1] ? borrow(a[1]) : int_from_i64(1);
  if (!is_number(start.get()) || !is_number(step.get())) return set_error(exc::TypeError, "a number is required");
  auto* c = alloc_instance<Count>(type, &CountType);
  if (!c) return nullptr;
  Ref<Object> r = steal<Object>(c);
  int64_t s = 0, st = 0;
  c->fast = start->type == &IntType && step->type == &IntType && int_fits_i64(start.get(), &s) &&
            int_fits_i64(step.get(), &st) && st == 1;
  c->n = s;
  c->cur = start;
  c->step = step;
  return r;
}

Ref<Object> count_next(Object* self) {
  auto* c = static_cast<Count*>(self);
  if (c->fast) {
    if (c->n < INT64_MAX) return int_from_i64(c->n++);
    c->fast = false;
    c->cur = int_from_i64(c->n);
  }
  if (!c->cur || !c->step) return nullptr;   // cleared by the collector
  Ref<Object> v = c->cur;
  Ref<Object> next = binary_op(c->cur.get(), c->step.get(), BinaryOp::Add);
  if (!next) return nullptr;
  c->cur = next;
  return v;
}

Ref<Object> count_repr(Object* self) {
  auto* c = static_cast<Count*>(self);
  if (!c->step || (!c->fast && !c->cur)) return default_repr(self);   // cleared
  Ref<Object> cur = c->fast ? int_from_i64(c->n) : c->cur;
  std::string s = "count(";
  std::string part;
  if (!repr_utf8(cur.get(), &part)) return nullptr;
  s += part;
  int64_t st = 0;
  bool step_is_one = c->step->type == &IntType && int_fits_i64(c->step.get(), &st) && st == 1;
  if (!step_is_one) {
    if (!repr_utf8(c->step.get(), &part)) return nullptr;
    s += ", " + part;
  }
  return str_from(s + ")");
}

constexpr TraverseFn count_traverse = traverse_fields<Count, &Count::cur, &Count::step>;

void count_clear(Object* self) {
  static_cast<Count*>(self)->fast = false;
  clear_fields<Count, &Count::cur, &Count::step>(self);
}

// ---- cycle ----------------------------------------------------------------------------

TypeObject CycleType;

struct Cycle : Object {
  Ref<Object> it;                  // null once the first pass is over
  std::vector<Ref<Object>> saved;  // the items of the first pass
  size_t index = 0;
};

Ref<Object> cycle_new(TypeObject* type, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!no_kwargs("cycle", kwnames) || !expect_args("cycle", nargs, 1, 1)) return nullptr;
  Ref<Object> it = get_iter(args[0]);
  if (!it) return nullptr;
  auto* c = alloc_instance<Cycle>(type, &CycleType);
  if (!c) return nullptr;
  c->it = it;
  return steal<Object>(c);
}

Ref<Object> cycle_next(Object* self) {
  auto* c = static_cast<Cycle*>(self);
  if (c->it) {
    Ref<Object> v = next_of(c->it.get());
    if (v) {
      c->saved.push_back(v);
      return v;
    }
    if (error_occurred()) return nullptr;
    c->it = nullptr;
  }
  if (c->saved.empty()) return nullptr;
  Ref<Object> v = c->saved[c->index];
  c->index = (c->index + 1) % c->saved.size();
  return v;
}

void cycle_traverse(Object* self, VisitFn visit, void* arg) {
  auto* c = static_cast<Cycle*>(self);
  if (c->it) visit(c->it.get(), arg);
  visit_all(c->saved, visit, arg);
}

void cycle_clear(Object* self) {
  auto* c = static_cast<Cycle*>(self);
  c->index = 0;
  Ref<Object> it = std::move(c->it);
  clear_all(c->saved);
}

// ---- repeat ---------------------------------------------------------------------------

TypeObject RepeatType;

struct Repeat : Object {
  Ref<Object> element;
  int64_t remaining = -1;   // -1: forever
};

Ref<Object> repeat_new(TypeObject* type, Object* const* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"repeat", {"object", "times"}, 1};
  Object* a[2] = {nullptr, nullptr};
  if (!bind_args(spec, args, nargs, kwnames, a)) return nullptr;
  int64_t times = -1;
  if (a[1]) {
    if (!as_ssize(a[1], &times)) return nullptr;
    if (times < 0) times = 0;
  }
  auto* r = alloc_instance<Repeat>(type, &RepeatType);
  if (!r) return nullptr;
  r->element = borrow(a[0]);
  r->remaining = times;
  return steal<Object>(r);
}

Ref<Object> repeat_next(Object* self) {
  auto* r = static_cast<Repeat*>(self);
  if (r->remaining == 0) return nullptr;
  if (r->remaining > 0) r->remaining--;
  return r->element;
}

Ref<Object> repeat_repr(Object* self) {
  auto* r = static_cast<Repeat*>(self);
  if (!r->element) return default_repr(self);   // cleared by the collector
  std::string part;
  if (!repr_utf8(r->element.get(), &part)) return nullptr;
  std::string s = "repeat(" + part;
  if (r->remaining >= 0) s += ", " + std::to_string(r->remaining);
  return str_from(s + ")");
}

Ref<Object> repeat_length_hint(Object* self, Object* const*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("__length_hint__", kwnames) || !check_nargs("__length_hint__", nargs, 0, 0)) return nullptr;
  auto* r = static_cast<Repeat*>(self);
  if (r->remaining < 0) return set_error(exc::TypeError, "len() of unsized object");
  return int_from_i64(r->remaining);
}

const MethodDef repeat_methods[] = {{"__length_hint__", repeat_length_hint}, {nullptr, nullptr}};

constexpr TraverseFn repeat_traverse = traverse_fields<Repeat, &Repeat::element>;

void repeat_clear(Object* self) {
  static_cast<Repeat*>(self)->remaining = 0;
  clear_fields<Repeat, &Repeat::element>(self);
}

// ---- accumulate -----------------------------------------------------------------------

TypeObject AccumulateType;

struct Accumulate : Object {
  Ref<Object> it, func, total, initial;
};

Ref<Object> accumulate_new(TypeObject* type, Object* const* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"accumulate", {"iterable", "func", "initial"}, 1, 0, 2};
  Object* a[3] = {nullptr, nullptr, nullptr};
  if (nargs > 2) return set_errorf(exc::TypeError, "accumulate() takes at most 2 positional arguments (%zu given)", nargs);
  if (!bind_args(spec, args, nargs, kwnames, a)) return nullptr;
  Ref<Object> it = get_iter(a[0]);
  if (!it) return nullptr;
  auto* acc = alloc_instance<Accumulate>(type, &AccumulateType);
  if (!acc) return nullptr;
  acc->it = it;
  if (a[1] && a[1] != None) acc->func = borrow(a[1]);
  if (a[2] && a[2] != None) acc->initial = borrow(a[2]);
  return steal<Object>(acc);
}

Ref<Object> accumulate_next(Object* self) {
  auto* acc = static_cast<Accumulate*>(self);
  if (acc->initial) {   // the initial value comes out first, before any input
    acc->total = std::move(acc->initial);
    return acc->total;
  }
  if (!acc->it) return nullptr;   // cleared by the collector
  Ref<Object> v = next_of(acc->it.get());
  if (!v) return nullptr;
  if (!acc->total) {
    acc->total = v;
  } else {
    Ref<Object> t = acc->func ? call2(acc->func.get(), acc->total.get(), v.get())
                              : binary_op(acc->total.get(), v.get(), BinaryOp::Add);
    if (!t) return nullptr;
    acc->total = t;
  }
  return acc->total;
}

constexpr TraverseFn accumulate_traverse =
    traverse_fields<Accumulate, &Accumulate::it, &Accumulate::func, &Accumulate::total, &Accumulate::initial>;

constexpr ClearFn accumulate_clear =
    clear_fields<Accumulate, &Accumulate::it, &Accumulate::func, &Accumulate::total, &Accumulate::initial>;

// ---- chain ----------------------------------------------------------------------------

TypeObject ChainType;

struct Chain : Object {
  Ref<Object> sources;   // an iterator over the iterables
  Ref<Object> active;    // the current iterator
};

Ref<Object> chain_make(TypeObject* type, Ref<Object> sources) {
  auto* c = alloc_instance<Chain>(type, &ChainType);
  if (!c) return nullptr;
  c->sources = sources;
  return steal<Object>(c);
}

Ref<Object> chain_new(TypeObject* type, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!no_kwargs("chain", kwnames)) return nullptr;
  Ref<Tuple> t = tuple_from_array(args, nargs);
  if (!t) return nullptr;
  Ref<Object> it = get_iter(t.get());
  if (!it) return nullptr;
  return chain_make(type, it);
}

Ref<Object> chain_from_iterable(Object* cls, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("from_iterable", kwnames) || !check_nargs("from_iterable", nargs, 1, 1)) return nullptr;
  Ref<Object> it = get_iter(args[0]);
  if (!it) return nullptr;
  return chain_make(static_cast<TypeObject*>(cls), it);
}

Ref<Object> chain_next(Object* self) {
  auto* c = static_cast<Chain*>(self);
  while (true) {
    if (!c->active) {
      if (!c->sources) return nullptr;
      Ref<Object> src = next_of(c->sources.get());
      if (!src) {
        if (!error_occurred()) c->sources = nullptr;
        return nullptr;
      }
      c->active = get_iter(src.get());
      if (!c->active) return nullptr;
    }
    Ref<Object> v = next_of(c->active.get());
    if (v || error_occurred()) return v;
    c->active = nullptr;
  }
}

constexpr TraverseFn chain_traverse = traverse_fields<Chain, &Chain::sources, &Chain::active>;

constexpr ClearFn chain_clear = clear_fields<Chain, &Chain::sources, &Chain::active>;

const MethodDef chain_methods[] = {
    {"from_iterable", chain_from_iterable, MethodKind::Class},
    {nullptr, nullptr},
};

// ---- compress, dropwhile, takewhile, filterfalse, starmap -------------------------------

TypeObject CompressType, DropwhileType, TakewhileType, FilterfalseType, StarmapType;

// One struct serves the predicate-driven tools: `func` (predicate, or the
// function of starmap, or the selectors iterator of compress) and `it`.
struct Filtering : Object {
  Ref<Object> func, it;
  bool done = false;   // dropwhile: dropping is over; takewhile: stopped
};

Ref<Object> filtering_make(TypeObject* type, TypeObject* exact, Object* func, Ref<Object> it) {
  auto* f = alloc_instance<Filtering>(type, exact);
  if (!f) return nullptr;
  f->func = borrow(func);
  f->it = it;
  return steal<Object>(f);
}

Ref<Object> predicate_new(TypeObject* type, TypeObject* exact, const char* name, Object* const* args, size_t nargs,
                          Tuple* kwnames) {
  if (!no_kwargs(name, kwnames) || !expect_args(name, nargs, 2, 2)) return nullptr;
  Ref<Object> it = get_iter(args[1]);
  if (!it) return nullptr;
  return filtering_make(type, exact, args[0], it);
}

// The collector's clear slot empties both fields: the tool is exhausted.
bool cleared(const Filtering* f) { return !f->func || !f->it; }

// pred(item) as a truth value: 1, 0, -1 on error.  None means bool().
int test_pred(Object* pred, Object* item) {
  if (pred == None) return is_true(item);
  Ref<Object> r = call1(pred, item);
  if (!r) return -1;
  return is_true(r.get());
}

Ref<Object> compress_new(TypeObject* type, Object* const* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"compress", {"data", "selectors"}, 2};
  Object* a[2] = {nullptr, nullptr};
  if (!bind_args(spec, args, nargs, kwnames, a)) return nullptr;
  Ref<Object> data = get_iter(a[0]);
  if (!data) return nullptr;
  Ref<Object> sel = get_iter(a[1]);
  if (!sel) return nullptr;
  return filtering_make(type, &CompressType, sel.get(), data);
}

Ref<Object> compress_next(Object* self) {
  auto* f = static_cast<Filtering*>(self);
  if (cleared(f)) return nullptr;
  while (true) {
    Ref<Object> v = next_of(f->it.get());
    if (!v) return nullptr;
    Ref<Object> s = next_of(f->func.get());
    if (!s) return nullptr;
    int t = is_true(s.get());
    if (t < 0) return nullptr;
    if (t) return v;
  }
}

Ref<Object> dropwhile_new(TypeObject* type, Object* const* args, size_t nargs, Tuple* kwnames) {
  return predicate_new(type, &DropwhileType, "dropwhile", args, nargs, kwnames);
}

Ref<Object> dropwhile_next(Object* self) {
  auto* f = static_cast<Filtering*>(self);
  if (cleared(f)) return nullptr;
  while (true) {
    Ref<Object> v = next_of(f->it.get());
    if (!v || f->done) return v;
    int t = test_pred(f->func.get(), v.get());
    if (t < 0) return nullptr;
    if (!t) {
      f->done = true;
      return v;
    }
  }
}

Ref<Object> takewhile_new(TypeObject* type, Object* const* args, size_t nargs, Tuple* kwnames) {
  return predicate_new(type, &TakewhileType, "takewhile", args, nargs, kwnames);
}

Ref<Object> takewhile_next(Object* self) {
  auto* f = static_cast<Filtering*>(self);
  if (cleared(f)) return nullptr;
  if (f->done) return nullptr;
  Ref<Object> v = next_of(f->it.get());
  if (!v) return nullptr;
  int t = test_pred(f->func.get(), v.get());
  if (t < 0) return nullptr;
  if (t) return v;
  f->done = true;
  return nullptr;
}

Ref<Object> filterfalse_new(TypeObject* type, Object* const* args, size_t nargs, Tuple* kwnames) {
  return predicate_new(type, &FilterfalseType, "filterfalse", args, nargs, kwnames);
}

Ref<Object> filterfalse_next(Object* self) {
  auto* f = static_cast<Filtering*>(self);
  if (cleared(f)) return nullptr;
  while (true) {
    Ref<Object> v = next_of(f->it.get());
    if (!v) return nullptr;
    int t = test_pred(f->func.get(), v.get());
    if (t < 0) return nullptr;
    if (!t) return v;
  }
}

Ref<Object> starmap_new(TypeObject* type, Object* const* args, size_t nargs, Tuple* kwnames) {
  return predicate_new(type, &StarmapType, "starmap", args, nargs, kwnames);
}

Ref<Object> starmap_next(Object* self) {
  auto* f = static_cast<Filtering*>(self);
  if (cleared(f)) return nullptr;
  Ref<Object> v = next_of(f->it.get());
  if (!v) return nullptr;
  Ref<Object> t = v->type == &TupleType ? v : sequence_to_tuple(v.get());
  if (!t) return nullptr;
  auto* tt = static_cast<Tuple*>(t.get());
  return call(f->func.get(), tt->items, tt->size);
}

constexpr TraverseFn filtering_traverse = traverse_fields<Filtering, &Filtering::func, &Filtering::it>;

constexpr ClearFn filtering_clear = clear_fields<Filtering, &Filtering::func, &Filtering::it>;

// ---- groupby --------------------------------------------------------------------------

TypeObject GroupbyType, GrouperType;

struct Groupby : Object {
  Ref<Object> it, keyfunc;
  Ref<Object> tgtkey, currkey, currvalue;
  Object* currgrouper = nullptr;   // borrowed: the live _grouper, if any
};

struct Grouper : Object {
  Ref<Object> parent;   // the groupby
  Ref<Object> tgtkey;
};

Ref<Object> groupby_new(TypeObject* type, Object* const* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"groupby", {"iterable", "key"}, 1};
  Object* a[2] = {nullptr, nullptr};
  if (!bind_args(spec, args, nargs, kwnames, a)) return nullptr;
  Ref<Object> it = get_iter(a[0]);
  if (!it) return nullptr;
  auto* g = alloc_instance<Groupby>(type, &GroupbyType);
  if (!g) return nullptr;
  g->it = it;
  if (a[1] && a[1] != None) g->keyfunc = borrow(a[1]);
  return steal<Object>(g);
}

// Reads the next value and its key into currvalue/currkey.
bool groupby_step(Groupby* g) {
  if (!g->it) return false;   // cleared by the collector: exhausted
  Ref<Object> v = next_of(g->it.get());
  if (!v) return false;
  Ref<Object> k = g->keyfunc ? call1(g->keyfunc.get(), v.get()) : v;
  if (!k) return false;
  g->currvalue = v;
  g->currkey = k;
  return true;
}

Ref<Object> groupby_next(Object* self) {
  auto* g = static_cast<Groupby*>(self);
  g->currgrouper = nullptr;
  // Skip the rest of the current group.
  while (true) {
    if (!g->currkey) {
      if (!groupby_step(g)) return nullptr;
    } else if (!g->tgtkey) {
      break;
    } else {
      int eq = rich_compare_bool(g->tgtkey.get(), g->currkey.get(), CompareOp::Eq);
      if (eq < 0) return nullptr;
      if (!eq) break;
      if (!groupby_step(g)) return nullptr;
    }
  }
  g->tgtkey = g->currkey;
  auto* gr = alloc<Grouper>(&GrouperType);
  if (!gr) return nullptr;
  Ref<Object> grouper = steal<Object>(gr);
  gr->parent = borrow<Object>(g);
  gr->tgtkey = g->tgtkey;
  g->currgrouper = gr;
  return tuple_pack({g->currkey.get(), grouper.get()});
}

Ref<Object> grouper_next(Object* self) {
  auto* gr = static_cast<Grouper*>(self);
  auto* g = static_cast<Groupby*>(gr->parent.get());
  if (!g || !gr->tgtkey) return nullptr;      // cleared by the collector
  if (g->currgrouper != gr) return nullptr;   // the groupby moved on
  if (!g->currvalue) {
    if (!groupby_step(g)) return nullptr;
  }
  if (!g->currkey) return nullptr;   // the groupby was cleared meanwhile
  int eq = rich_compare_bool(gr->tgtkey.get(), g->currkey.get(), CompareOp::Eq);
  if (eq <= 0) return nullptr;
  Ref<Object> v = std::move(g->currvalue);
  g->currkey = nullptr;
  return v;
}

void grouper_dealloc(Object* self) {
  auto* gr = static_cast<Grouper*>(self);
  auto* g = static_cast<Groupby*>(gr->parent.get());
  if (g && g->currgrouper == gr) g->currgrouper = nullptr;
  destroy_object(gr);
}

// currgrouper is borrowed: not visited, not dropped.
constexpr TraverseFn groupby_traverse =
    traverse_fields<Groupby, &Groupby::it, &Groupby::keyfunc, &Groupby::tgtkey, &Groupby::currkey, &Groupby::currvalue>;

void groupby_clear(Object* self) {
  static_cast<Groupby*>(self)->currgrouper = nullptr;
  clear_fields<Groupby, &Groupby::it, &Groupby::keyfunc, &Groupby::tgtkey, &Groupby::currkey, &Groupby::currvalue>(self);
}

constexpr TraverseFn grouper_traverse = traverse_fields<Grouper, &Grouper::parent, &Grouper::tgtkey>;

// The groupby's borrowed pointer to this grouper goes with the parent
// reference: grouper_dealloc could not reach it any more to reset it.
void grouper_clear(Object* self) {
  auto* gr = static_cast<Grouper*>(self);
  auto* g = static_cast<Groupby*>(gr->parent.get());
  if (g && g->currgrouper == gr) g->currgrouper = nullptr;
  clear_fields<Grouper, &Grouper::parent, &Grouper::tgtkey>(self);
}

// ---- islice ---------------------------------------------------------------------------

TypeObject IsliceType;

struct Islice : Object {
  Ref<Object> it;
  int64_t next = 0, stop = -1, step = 1;   // stop -1: no limit
  int64_t cnt = 0;
};

// A start/stop argument: None, or an int in [0, sys.maxsize].
bool islice_arg(Object* o, int64_t none_value, int64_t* out, const char* msg) {
  if (o == None) {
    *out = none_value;
    return true;
  }
  if (!o->type->nb_index) {
    set_error(exc::ValueError, msg);
    return false;
  }
  int64_t v;
  if (!as_ssize(o, &v)) {
    if (error_matches(exc::OverflowError)) {
      clear_error();
      v = -1;
    } else {
      return false;
    }
  }
  if (v < 0) {
    set_error(exc::ValueError, msg);
    return false;
  }
  *out = v;
  return true;
}

Ref<Object> islice_new(TypeObject* type, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!no_kwargs("islice", kwnames) || !expect_args("islice", nargs, 2, 4)) return nullptr;
  int64_t start = 0, stop = -1, step = 1;
  if (nargs == 2) {
    if (!islice_arg(args[1], -1, &stop,
                    "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.")) return nullptr;
  } else {
    if (!islice_arg(args[1], 0, &start,
                    "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.")) return nullptr;
    if (!islice_arg(args[2], -1, &stop,
                    "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.")) return nullptr;
    if (nargs == 4 && args[3] != None) {
      if (!as_ssize(args[3], &step)) {
        if (!error_matches(exc::OverflowError) && !error_matches(exc::TypeError)) return nullptr;
        clear_error();
        step = -1;
      }
      if (step < 1) return set_error(exc::ValueError, "Step for islice() must be a positive integer or None.");
    }
  }
  Ref<Object> it = get_iter(args[0]);
  if (!it) return nullptr;
  auto* s = alloc_instance<Islice>(type, &IsliceType);
  if (!s) return nullptr;
  s->it = it;
  s->next = start;
  s->stop = stop;
  s->step = step;
  return steal<Object>(s);
}

Ref<Object> islice_next(Object* self) {
  auto* s = static_cast<Islice*>(self);
  if (!s->it) return nullptr;
  while (s->cnt < s->next) {   // skip to the next wanted index
    Ref<Object> v = next_of(s->it.get());
    if (!v) {
      if (!error_occurred()) s->it = nullptr;
      return nullptr;
    }
    s->cnt++;
  }
  if (s->stop != -1 && s->cnt >= s->stop) {
    s->it = nullptr;
    return nullptr;
  }
  Ref<Object> v = next_of(s->it.get());
  if (!v) {
    if (!error_occurred()) s->it = nullptr;
    return nullptr;
  }
  s->cnt++;
  int64_t old = s->next;
  s->next += s->step;
  if (s->next < old || (s->stop != -1 && s->next > s->stop)) s->next = s->stop;
  return v;
}

constexpr TraverseFn islice_traverse = traverse_fields<Islice, &Islice::it>;

constexpr ClearFn islice_clear = clear_fields<Islice, &Islice::it>;

// ---- pairwise -------------------------------------------------------------------------

TypeObject PairwiseType;

struct Pairwise : Object {
  Ref<Object> it, old;
};

Ref<Object> pairwise_new(TypeObject* type, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!no_kwargs("pairwise", kwnames) || !expect_args("pairwise", nargs, 1, 1)) return nullptr;
  Ref<Object> it = get_iter(args[0]);
  if (!it) return nullptr;
  auto* p = alloc_instance<Pairwise>(type, &PairwiseType);
  if (!p) return nullptr;
  p->it = it;
  return steal<Object>(p);
}

Ref<Object> pairwise_next(Object* self) {
  auto* p = static_cast<Pairwise*>(self);
  if (!p->it) return nullptr;
  if (!p->old) {
    p->old = next_of(p->it.get());
    if (!p->old) {
      p->it = nullptr;
      return nullptr;
    }
  }
  Ref<Object> v = next_of(p->it.get());
  if (!v) {
    p->it = nullptr;
    p->old = nullptr;
    return nullptr;
  }
  Ref<Object> r = tuple_pack({p->old.get(), v.get()});
  p->old = v;
  return r;
}

constexpr TraverseFn pairwise_traverse = traverse_fields<Pairwise, &Pairwise::it, &Pairwise::old>;

constexpr ClearFn pairwise_clear = clear_fields<Pairwise, &Pairwise::it, &Pairwise::old>;

// ---- tee ------------------------------------------------------------------------------
//
// The tees of one tee() call share a singly linked list of blocks holding
// the items read so far.  Each tee points at a block and an index in it;
// a block no tee points at any more is freed, so tees consumed in step
// hold only a block's worth of items.

TypeObject TeeType, TeeDataType;
constexpr int kTeeBlock = 57;

struct TeeData : Object {
  Ref<Object> it;                 // the shared source iterator
  Object* values[kTeeBlock] = {}; // strong
  int numread = 0;
  bool running = false;
  Ref<Object> next;               // the following block, once this one is full
};

struct Tee : Object {
  Ref<Object> data;
  int index = 0;
};

void teedata_dealloc(Object* self) {
  auto* d = static_cast<TeeData*>(self);
  for (int i = 0; i < d->numread; i++) decref(d->values[i]);
  destroy_object(d);
}

Ref<Object> teedata_new_block(Object* it) {
  auto* d = alloc<TeeData>(&TeeDataType);
  if (!d) return nullptr;
  d->it = borrow(it);
  return steal<Object>(d);
}

Ref<Object> tee_make(Object* data, int index) {
  auto* t = alloc<Tee>(&TeeType);
  if (!t) return nullptr;
  t->data = borrow(data);
  t->index = index;
  return steal<Object>(t);
}

Ref<Object> tee_next(Object* self) {
  auto* t = static_cast<Tee*>(self);
  auto* d = static_cast<TeeData*>(t->data.get());
  if (!d) return nullptr;   // cleared by the collector
  if (t->index >= kTeeBlock) {
    if (!d->next) {
      if (!d->it) return nullptr;
      d->next = teedata_new_block(d->it.get());
      if (!d->next) return nullptr;
    }
    t->data = d->next;
    t->index = 0;
    d = static_cast<TeeData*>(t->data.get());
  }
  if (t->index < d->numread) return borrow(d->values[t->index++]);
  if (!d->it) return nullptr;
  if (d->running) return set_error(exc::RuntimeError, "cannot re-enter the tee iterator");
  d->running = true;
  Ref<Object> v = next_of(d->it.get());
  d->running = false;
  if (!v) return nullptr;
  d->values[d->numread++] = v.get();
  incref(v.get());
  t->index++;
  return v;
}

Ref<Object> tee_copy(Object* self, Object* const*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("__copy__", kwnames) || !check_nargs("__copy__", nargs, 0, 0)) return nullptr;
  auto* t = static_cast<Tee*>(self);
  return tee_make(t->data.get(), t->index);
}

constexpr TraverseFn tee_traverse = traverse_fields<Tee, &Tee::data>;

constexpr ClearFn tee_clear = clear_fields<Tee, &Tee::data>;

// The values read so far are owned through raw pointers: visit each.
void teedata_traverse(Object* self, VisitFn visit, void* arg) {
  auto* d = static_cast<TeeData*>(self);
  if (d->it) visit(d->it.get(), arg);
  for (int i = 0; i < d->numread; i++) visit(d->values[i], arg);
  if (d->next) visit(d->next.get(), arg);
}

void teedata_clear(Object* self) {
  auto* d = static_cast<TeeData*>(self);
  Object* values[kTeeBlock];
  int n = d->numread;
  for (int i = 0; i < n; i++) {
    values[i] = d->values[i];
    d->values[i] = nullptr;
  }
  d->numread = 0;
  Ref<Object> it = std::move(d->it);
  Ref<Object> next = std::move(d->next);
  for (int i = 0; i < n; i++) decref(values[i]);
}

Ref<Object> tee_type_new(TypeObject*, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!no_kwargs("_tee", kwnames) || !expect_args("_tee", nargs, 1, 1)) return nullptr;
  Ref<Object> it = get_iter(args[0]);
  if (!it) return nullptr;
  if (it->type == &TeeType) return tee_copy(it.get(), nullptr, 0, nullptr);
  Ref<Object> data = teedata_new_block(it.get());
  if (!data) return nullptr;
  return tee_make(data.get(), 0);
}

const MethodDef tee_methods[] = {{"__copy__", tee_copy}, {nullptr, nullptr}};

Ref<Object> itertools_tee(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!no_kwargs("tee", kwnames) || !expect_args("tee", nargs, 1, 2)) return nullptr;
  int64_t n = 2;
  if (nargs == 2 && !as_ssize(args[1], &n)) return nullptr;
  if (n < 0) return set_error(exc::ValueError, "n must be >= 0");
  Ref<Tuple> result = tuple_new(static_cast<size_t>(n));
  if (!result || n == 0) return result;
  Ref<Object> it = get_iter(args[0]);
  if (!it) return nullptr;
  Ref<Object> first;
  Ref<Object> copier = getattr_opt(it.get(), intern("__copy__"));
  if (!copier && error_occurred()) return nullptr;
  if (copier) {
    first = it;
  } else {
    Ref<Object> data = teedata_new_block(it.get());
    if (!data) return nullptr;
    first = tee_make(data.get(), 0);
  }
  if (!first) return nullptr;
  result->items[0] = first.release();
  for (int64_t i = 1; i < n; i++) {
    Ref<Object> c = call_method(result->items[0], intern("__copy__"), nullptr, 0);
    if (!c) return nullptr;
    result->items[i] = c.release();
  }
  return result;
}

// ---- zip_longest ----------------------------------------------------------------------

TypeObject ZipLongestType;

struct ZipLongest : Object {
  std::vector<Ref<Object>> iters;   // null once exhausted
  size_t active = 0;
  Ref<Object> fill;
};

Ref<Object> zip_longest_new(TypeObject* type, Object* const* args, size_t nargs, Tuple* kwnames) {
  Ref<Object> fill = none();
  if (kwnames && kwnames->size) {
    if (kwnames->size > 1 || !str_check(kwnames->items[0]) || str_view(kwnames->items[0]) != "fillvalue") {
      return set_error(exc::TypeError, "zip_longest() got an unexpected keyword argument");
    }
    fill = borrow(args[nargs]);
  }
  auto* z = alloc_instance<ZipLongest>(type, &ZipLongestType);
  if (!z) return nullptr;
  Ref<Object> r = steal<Object>(z);
  for (size_t i = 0; i < nargs; i++) {
    Ref<Object> it = get_iter(args[i]);
    if (!it) return nullptr;
    z->iters.push_back(it);
  }
  z->active = nargs;
  z->fill = fill;
  return r;
}

Ref<Object> zip_longest_next(Object* self) {
  auto* z = static_cast<ZipLongest*>(self);
  size_t n = z->iters.size();
  if (n == 0 || z->active == 0) return nullptr;
  Ref<Tuple> t = tuple_new(n);
  if (!t) return nullptr;
  for (size_t i = 0; i < n; i++) {
    Ref<Object> v;
    if (z->iters[i]) {
      v = next_of(z->iters[i].get());
      if (!v) {
        if (error_occurred()) return nullptr;
        z->iters[i] = nullptr;
        if (--z->active == 0) return nullptr;
      }
    }
    if (!v) v = z->fill;
    t->items[i] = v.release();
  }
  return t;
}

void zip_longest_traverse(Object* self, VisitFn visit, void* arg) {
  auto* z = static_cast<ZipLongest*>(self);
  visit_all(z->iters, visit, arg);
  if (z->fill) visit(z->fill.get(), arg);
}

void zip_longest_clear(Object* self) {
  auto* z = static_cast<ZipLongest*>(self);
  z->active = 0;
  clear_all(z->iters);
  Ref<Object> fill = std::move(z->fill);
}

// ---- the combinatoric iterators -------------------------------------------------------

TypeObject ProductType, PermutationsType, CombinationsType, CwrType;

// All four walk an index array over `pool` (or `pools` for product) and
// keep the previous result tuple to build the next one from.
struct Combinatoric : Object {
  std::vector<Ref<Object>> pool;              // product: the flattened pools
  std::vector<size_t> pool_start, pool_size;  // product: where each pool sits in `pool`
  std::vector<size_t> indices, cycles;
  size_t r = 0;
  bool first = true, stopped = false;
};

Ref<Object> combinatoric_alloc(TypeObject* type, TypeObject* exact, Object* iterable) {
  Ref<Object> t = sequence_to_tuple(iterable);
  if (!t) return nullptr;
  auto* c = alloc_instance<Combinatoric>(type, exact);
  if (!c) return nullptr;
  Ref<Object> r = steal<Object>(c);
  auto* tt = static_cast<Tuple*>(t.get());
  for (size_t i = 0; i < tt->size; i++) c->pool.push_back(borrow(tt->items[i]));
  return r;
}

void combinatoric_traverse(Object* self, VisitFn visit, void* arg) {
  visit_all(static_cast<Combinatoric*>(self)->pool, visit, arg);
}

// A cleared combinatoric iterator is exhausted: `stopped` keeps every
// __next__ away from the emptied pool.
void combinatoric_clear(Object* self) {
  auto* c = static_cast<Combinatoric*>(self);
  c->stopped = true;
  clear_all(c->pool);
}

Ref<Object> result_from_indices(Combinatoric* c, size_t count) {
  Ref<Tuple> t = tuple_new(count);
  if (!t) return nullptr;
  for (size_t i = 0; i < count; i++) {
    Object* v = c->pool[c->indices[i]].get();
    incref(v);
    t->items[i] = v;
  }
  return t;
}

bool r_arg(Object* o, size_t* out, const char* name) {
  (void)name;
  if (!is_instance_of(o, &IntType)) {
    set_error(exc::TypeError, "Expected int as r");
    return false;
  }
  int64_t v;
  if (!as_ssize(o, &v)) return false;
  if (v < 0) {
    set_error(exc::ValueError, "r must be non-negative");
    return false;
  }
  *out = static_cast<size_t>(v);
  return true;
}

Ref<Object> product_new(TypeObject* type, Object* const* args, size_t nargs, Tuple* kwnames) {
  int64_t repeat = 1;
  if (kwnames && kwnames->size) {
    if (kwnames->size > 1 || !str_check(kwnames->items[0]) || str_view(kwnames->items[0]) != "repeat") {
      return set_errorf(exc::TypeError, "product() got an unexpected keyword argument '%U'", kwnames->items[0]);
    }
    if (!as_ssize(args[nargs], &repeat)) return nullptr;
    if (repeat < 0) return set_error(exc::ValueError, "repeat argument cannot be negative");
  }
  auto* c = alloc_instance<Combinatoric>(type, &ProductType);
  if (!c) return nullptr;
  Ref<Object> r = steal<Object>(c);
  std::vector<Ref<Object>> pools;
  for (size_t i = 0; i < nargs; i++) {
    Ref<Object> t = sequence_to_tuple(args[i]);
    if (!t) return nullptr;
    pools.push_back(t);
  }
  for (int64_t k = 0; k < repeat; k++) {
    for (auto& p : pools) {
      auto* tt = static_cast<Tuple*>(p.get());
      c->pool_start.push_back(c->pool.size());
      c->pool_size.push_back(tt->size);
      for (size_t i = 0; i < tt->size; i++) c->pool.push_back(borrow(tt->items[i]));
    }
  }
  c->r = c->pool_size.size();
  c->indices.assign(c->r, 0);
  for (size_t s : c->pool_size) if (s == 0) c->stopped = true;
  return r;
}

Ref<Object> product_result(Combinatoric* c) {
  Ref<Tuple> t = tuple_new(c->r);
  if (!t) return nullptr;
  for (size_t i = 0; i < c->r; i++) {
    Object* v = c->pool[c->pool_start[i] + c->indices[i]].get();
    incref(v);
    t->items[i] = v;
  }
  return t;
}

Ref<Object> product_next(Object* self) {
  auto* c = static_cast<Combinatoric*>(self);
  if (c->stopped) return nullptr;
  if (c->first) {
    c->first = false;
    return product_result(c);
  }
  // Advance like an odometer: the rightmost index that can move, moves.
  size_t i = c->r;
  while (i > 0) {
    --i;
    if (++c->indices[i] < c->pool_size[i]) return product_result(c);
    c->indices[i] = 0;
  }
  c->stopped = true;
  return nullptr;
}

Ref<Object> combinations_new(TypeObject* type, Object* const* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"combinations", {"iterable", "r"}, 2};
  Object* a[2] = {nullptr, nullptr};
  if (!bind_args(spec, args, nargs, kwnames, a)) return nullptr;
  size_t r;
  if (!r_arg(a[1], &r, "combinations")) return nullptr;
  Ref<Object> o = combinatoric_alloc(type, &CombinationsType, a[0]);
  if (!o) return nullptr;
  auto* c = static_cast<Combinatoric*>(o.get());
  c->r = r;
  for (size_t i = 0; i < r; i++) c->indices.push_back(i);
  c->stopped = r > c->pool.size();
  return o;
}

Ref<Object> combinations_next(Object* self) {
  auto* c = static_cast<Combinatoric*>(self);
  if (c->stopped) return nullptr;
  size_t n = c->pool.size(), r = c->r;
  if (c->first) {
    c->first = false;
    return result_from_indices(c, r);
  }
  // The rightmost index not at its maximum (n - r + i) moves up one; the
  // ones after it follow in sequence.
  size_t i = r;
  while (i > 0 && c->indices[i - 1] == i - 1 + n - r) --i;
  if (i == 0) {
    c->stopped = true;
    return nullptr;
  }
  --i;
  c->indices[i]++;
  for (size_t j = i + 1; j < r; j++) c->indices[j] = c->indices[j - 1] + 1;
  return result_from_indices(c, r);
}

Ref<Object> cwr_new(TypeObject* type, Object* const* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"combinations_with_replacement", {"iterable", "r"}, 2};
  Object* a[2] = {nullptr, nullptr};
  if (!bind_args(spec, args, nargs, kwnames, a)) return nullptr;
  size_t r;
  if (!r_arg(a[1], &r, "combinations_with_replacement")) return nullptr;
  Ref<Object> o = combinatoric_alloc(type, &CwrType, a[0]);
  if (!o) return nullptr;
  auto* c = static_cast<Combinatoric*>(o.get());
  c->r = r;
  c->indices.assign(r, 0);
  c->stopped = c->pool.empty() && r > 0;
  return o;
}

Ref<Object> cwr_next(Object* self) {
  auto* c = static_cast<Combinatoric*>(self);
  if (c->stopped) return nullptr;
  size_t n = c->pool.size(), r = c->r;
  if (c->first) {
    c->first = false;
    return result_from_indices(c, r);
  }
  size_t i = r;
  while (i > 0 && c->indices[i - 1] == n - 1) --i;
  if (i == 0) {
    c->stopped = true;
    return nullptr;
  }
  --i;
  size_t v = c->indices[i] + 1;
  for (size_t j = i; j < r; j++) c->indices[j] = v;
  return result_from_indices(c, r);
}

Ref<Object> permutations_new(TypeObject* type, Object* const* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"permutations", {"iterable", "r"}, 1};
  Object* a[2] = {nullptr, nullptr};
  if (!bind_args(spec, args, nargs, kwnames, a)) return nullptr;
  Ref<Object> o = combinatoric_alloc(type, &PermutationsType, a[0]);
  if (!o) return nullptr;
  auto* c = static_cast<Combinatoric*>(o.get());
  size_t n = c->pool.size();
  size_t r = n;
  if (a[1] && a[1] != None && !r_arg(a[1], &r, "permutations")) return nullptr;
  c->r = r;
  for (size_t i = 0; i < n; i++) c->indices.push_back(i);
  for (size_t i = 0; i < r && i < n; i++) c->cycles.push_back(n - i);
  c->stopped = r > n;
  return o;
}

// The algorithm of the itertools docs' pure-Python permutations(): each
// position counts down a cycle; when it reaches zero the indices rotate.
Ref<Object> permutations_next(Object* self) {
  auto* c = static_cast<Combinatoric*>(self);
  if (c->stopped) return nullptr;
  size_t n = c->pool.size(), r = c->r;
  if (c->first) {
    c->first = false;
    return result_from_indices(c, r);
  }
  if (n == 0) {
    c->stopped = true;
    return nullptr;
  }
  for (size_t k = r; k > 0; k--) {
    size_t i = k - 1;
    if (--c->cycles[i] == 0) {
      size_t first = c->indices[i];
      for (size_t j = i; j + 1 < n; j++) c->indices[j] = c->indices[j + 1];
      c->indices[n - 1] = first;
      c->cycles[i] = n - i;
    } else {
      size_t j = c->cycles[i];
      std::swap(c->indices[i], c->indices[n - j]);
      return result_from_indices(c, r);
    }
  }
  c->stopped = true;
  return nullptr;
}

// ---- the module -----------------------------------------------------------------------

const MethodDef module_functions[] = {
    {"tee", itertools_tee, MethodKind::Static},
    {nullptr, nullptr},
};

bool ready_types() {
  static bool done = false;
  if (done) return true;
  init_iter_type(&CountType, "itertools.count", sizeof(Count), dealloc_of<Count>, count_new, count_next,
                 count_traverse, count_clear);
  CountType.repr = count_repr;
  init_iter_type(&CycleType, "itertools.cycle", sizeof(Cycle), dealloc_of<Cycle>, cycle_new, cycle_next,
                 cycle_traverse, cycle_clear);
  init_iter_type(&RepeatType, "itertools.repeat", sizeof(Repeat), dealloc_of<Repeat>, repeat_new, repeat_next,
                 repeat_traverse, repeat_clear);
  RepeatType.repr = repeat_repr;
  RepeatType.methods = repeat_methods;
  init_iter_type(&AccumulateType, "itertools.accumulate", sizeof(Accumulate), dealloc_of<Accumulate>,
                 accumulate_new, accumulate_next, accumulate_traverse, accumulate_clear);
  init_iter_type(&ChainType, "itertools.chain", sizeof(Chain), dealloc_of<Chain>, chain_new, chain_next,
                 chain_traverse, chain_clear);
  ChainType.methods = chain_methods;
  init_iter_type(&CompressType, "itertools.compress", sizeof(Filtering), dealloc_of<Filtering>, compress_new,
                 compress_next, filtering_traverse, filtering_clear);
  init_iter_type(&DropwhileType, "itertools.dropwhile", sizeof(Filtering), dealloc_of<Filtering>, dropwhile_new,
                 dropwhile_next, filtering_traverse, filtering_clear);
  init_iter_type(&TakewhileType, "itertools.takewhile", sizeof(Filtering), dealloc_of<Filtering>, takewhile_new,
                 takewhile_next, filtering_traverse, filtering_clear);
  init_iter_type(&FilterfalseType, "itertools.filterfalse", sizeof(Filtering), dealloc_of<Filtering>,
                 filterfalse_new, filterfalse_next, filtering_traverse, filtering_clear);
  init_iter_type(&StarmapType, "itertools.starmap", sizeof(Filtering), dealloc_of<Filtering>, starmap_new,
                 starmap_next, filtering_traverse, filtering_clear);
  init_iter_type(&GroupbyType, "itertools.groupby", sizeof(Groupby), dealloc_of<Groupby>, groupby_new,
                 groupby_next, groupby_traverse, groupby_clear);
  init_iter_type(&GrouperType, "itertools._grouper", sizeof(Grouper), grouper_dealloc, nullptr, grouper_next,
                 grouper_traverse, grouper_clear);
  GrouperType.flags &= ~kBaseType;
  init_iter_type(&IsliceType, "itertools.islice", sizeof(Islice), dealloc_of<Islice>, islice_new, islice_next,
                 islice_traverse, islice_clear);
  init_iter_type(&PairwiseType, "itertools.pairwise", sizeof(Pairwise), dealloc_of<Pairwise>, pairwise_new,
                 pairwise_next, pairwise_traverse, pairwise_clear);
  init_iter_type(&TeeType, "itertools._tee", sizeof(Tee), dealloc_of<Tee>, tee_type_new, tee_next, tee_traverse,
                 tee_clear);
  TeeType.flags &= ~kBaseType;
  TeeType.methods = tee_methods;
  TeeDataType.name = "itertools._tee_dataobject";
  TeeDataType.basic_size = sizeof(TeeData);
  TeeDataType.flags = kHaveGC;
  TeeDataType.dealloc = teedata_dealloc;
  TeeDataType.traverse = teedata_traverse;
  TeeDataType.clear = teedata_clear;
  init_iter_type(&ZipLongestType, "itertools.zip_longest", sizeof(ZipLongest), dealloc_of<ZipLongest>,
                 zip_longest_new, zip_longest_next, zip_longest_traverse, zip_longest_clear);
  init_iter_type(&ProductType, "itertools.product", sizeof(Combinatoric), dealloc_of<Combinatoric>, product_new,
                 product_next, combinatoric_traverse, combinatoric_clear);
  init_iter_type(&PermutationsType, "itertools.permutations", sizeof(Combinatoric), dealloc_of<Combinatoric>,
                 permutations_new, permutations_next, combinatoric_traverse, combinatoric_clear);
  init_iter_type(&CombinationsType, "itertools.combinations", sizeof(Combinatoric), dealloc_of<Combinatoric>,
                 combinations_new, combinations_next, combinatoric_traverse, combinatoric_clear);
  init_iter_type(&CwrType, "itertools.combinations_with_replacement", sizeof(Combinatoric),
                 dealloc_of<Combinatoric>, cwr_new, cwr_next, combinatoric_traverse, combinatoric_clear);
  for (TypeObject* t : {&CountType, &CycleType, &RepeatType, &AccumulateType, &ChainType, &CompressType,
                        &DropwhileType, &TakewhileType, &FilterfalseType, &StarmapType, &GroupbyType,
                        &GrouperType, &IsliceType, &PairwiseType, &TeeType, &TeeDataType, &ZipLongestType,
                        &ProductType, &PermutationsType, &CombinationsType, &CwrType}) {
    if (!type_ready(t)) return false;
  }
  done = true;
  return true;
}

}  // namespace

Ref<Object> make_itertools_module() {
  if (!ready_types()) return nullptr;
  Ref<Object> m = module_new_builtin("itertools");
  if (!m) return nullptr;
  if (!module_add_functions(m.get(), module_functions)) return nullptr;
  struct Entry { const char* name; TypeObject* type; };
  const Entry entries[] = {
      {"count", &CountType}, {"cycle", &CycleType}, {"repeat", &RepeatType}, {"accumulate", &AccumulateType},
      {"chain", &ChainType}, {"compress", &CompressType}, {"dropwhile", &DropwhileType},
      {"takewhile", &TakewhileType}, {"filterfalse", &FilterfalseType}, {"starmap", &StarmapType},
      {"groupby", &GroupbyType}, {"_grouper", &GrouperType}, {"islice", &IsliceType},
      {"pairwise", &PairwiseType}, {"_tee", &TeeType}, {"_tee_dataobject", &TeeDataType},
      {"zip_longest", &ZipLongestType}, {"product", &ProductType}, {"permutations", &PermutationsType},
      {"combinations", &CombinationsType}, {"combinations_with_replacement", &CwrType},
  };
  for (const Entry& e : entries) {
    if (!module_add_object(m.get(), e.name, e.type)) return nullptr;
  }
  return m;
}

}  // namespace coil::runtime
