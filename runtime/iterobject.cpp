// iterobject.cpp — enumerate, zip, map, filter, reversed, and the two
// iterators behind iter(): the sequence iterator and the callable one.
//
// Each is a small struct holding the iterators it draws from; iternext
// follows the slot convention (a null Ref with no exception set means
// exhausted), so a StopIteration never has to be created in the common
// case.  The enumerate counter is a C integer until it would overflow,
// then an int object, as in CPython.
#include "runtime/iterobject.h"

#include <climits>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/names.h"
#include "runtime/range.h"
#include "runtime/set.h"
#include "runtime/slice.h"
#include "runtime/sequtil.h"
#include "runtime/singletons.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

namespace coil::runtime {

TypeObject EnumerateType, ZipType, MapType, FilterType, ReversedType, CallIterType;

namespace {

Ref<Object> self_iter(Object* self) { return borrow(self); }

// Calls the iterator's iternext slot directly when it has one.
// (iter_next() also turns a pending StopIteration into plain exhaustion.)
inline Ref<Object> next_of(Object* it) { return iter_next(it); }

// ---- enumerate ------------------------------------------------------------------------

struct Enumerate : Object {
  Object* it = nullptr;       // strong
  int64_t index = 0;          // the next count while it fits
  Object* long_index = nullptr;  // strong; the count once it outgrows int64
};

void enumerate_dealloc(Object* self) {
  auto* e = static_cast<Enumerate*>(self);
  xdecref(e->it);
  xdecref(e->long_index);
  destroy_object(e);
}

void enumerate_traverse(Object* self, VisitFn visit, void* arg) {
  auto* e = static_cast<Enumerate*>(self);
  if (e->it) visit(e->it, arg);
  if (e->long_index) visit(e->long_index, arg);
}

Ref<Object> enumerate_new(TypeObject* type, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (nargs == 0 && !kwnames) return set_error(exc::TypeError, "enumerate() missing required argument 'iterable'");
  static const ArgSpec spec{"enumerate", {"iterable", "start"}, 1};
  Object* a[2] = {nullptr, nullptr};
  if (!bind_args(spec, args, nargs, kwnames, a)) return nullptr;
  Ref<Object> start;
  if (a[1]) {
    start = index(a[1]);
    if (!start) return nullptr;
  }
  Ref<Object> it = get_iter(a[0]);
  if (!it) return nullptr;
  auto* e = alloc_instance<Enumerate>(type, &EnumerateType);
  if (!e) return nullptr;
  e->it = it.release();
  if (start && !int_fits_i64(start.get(), &e->index)) e->long_index = start.release();
  else if (start && e->index == INT64_MAX) e->long_index = start.release();
  return steal<Object>(e);
}

Ref<Object> enumerate_next(Object* self) {
  auto* e = static_cast<Enumerate*>(self);
  Ref<Object> item = next_of(e->it);
  if (!item) return nullptr;
  Ref<Object> count;
  if (!e->long_index) {
    count = int_from_i64(e->index);
    if (!count) return nullptr;
    if (++e->index == INT64_MAX) {   // switch to objects before overflowing
      e->long_index = int_from_i64(INT64_MAX).release();
    }
  } else {
    count = borrow(e->long_index);
    Ref<Object> one = int_from_i64(1);
    Ref<Object> next = binary_op(e->long_index, one.get(), BinaryOp::Add);
    if (!next) return nullptr;
    decref(e->long_index);
    e->long_index = next.release();
  }
  return tuple_pack({count.get(), item.get()});
}

// ---- zip ----------------------------------------------------------------------------

struct Zip : Object {
  Tuple* iters = nullptr;   // strong: a tuple of iterators
  bool strict = false;
};

void zip_dealloc(Object* self) {
  auto* z = static_cast<Zip*>(self);
  xdecref(z->iters);
  destroy_object(z);
}

void zip_traverse(Object* self, VisitFn visit, void* arg) {
  auto* z = static_cast<Zip*>(self);
  if (z->iters) visit(z->iters, arg);
}

Ref<Object> zip_new(TypeObject* type, Object* const* args, size_t nargs, Tuple* kwnames) {
  bool strict = false;
  if (kwnames) {
    for (size_t i = 0; i < kwnames->size; i++) {
      if (str_view(kwnames->items[i]) != "strict")
        return set_errorf(exc::TypeError, "'%s' is an invalid keyword argument for zip()",
                          std::string(str_view(kwnames->items[i])).c_str());
      int t = is_true(args[nargs + i]);
      if (t < 0) return nullptr;
      strict = t;
    }
  }
  Ref<Tuple> iters = tuple_new(nargs);
  if (!iters) return nullptr;
  for (size_t i = 0; i < nargs; i++) {
    Ref<Object> it = get_iter(args[i]);
    if (!it) return nullptr;
    tuple_set(iters.get(), i, std::move(it));
  }
  auto* z = alloc_instance<Zip>(type, &ZipType);
  if (!z) return nullptr;
  z->iters = iters.release();
  z->strict = strict;
  return steal<Object>(z);
}

// A strict zip found iterator i exhausted: decide which message applies.
Ref<Object> zip_strict_check(Zip* z, size_t i) {
  if (error_occurred()) return nullptr;
  const char* plural = i == 1 ? " " : "s 1-";
  if (i) {
    return set_errorf(exc::ValueError, "zip() argument %d is shorter than argument%s%d",
                      static_cast<int>(i + 1), plural, static_cast<int>(i));
  }
  for (i = 1; i < z->iters->size; i++) {
    Ref<Object> item = next_of(z->iters->items[i]);
    if (item) {
      plural = i == 1 ? " " : "s 1-";
      return set_errorf(exc::ValueError, "zip() argument %d is longer than argument%s%d",
                        static_cast<int>(i + 1), plural, static_cast<int>(i));
    }
    if (error_occurred()) return nullptr;
  }
  return nullptr;
}

Ref<Object> zip_next(Object* self) {
  auto* z = static_cast<Zip*>(self);
  size_t n = z->iters->size;
  if (n == 0) return nullptr;
  Ref<Tuple> result = tuple_new(n);
  if (!result) return nullptr;
  for (size_t i = 0; i < n; i++) {
    Ref<Object> item = next_of(z->iters->items[i]);
    if (!item) {
      if (z->strict) return zip_strict_check(z, i);
      return nullptr;
    }
    tuple_set(result.get(), i, std::move(item));
  }
  return result;
}

// ---- map ----------------------------------------------------------------------------

struct Map : Object {
  Object* func = nullptr;   // strong
  Tuple* iters = nullptr;   // strong
};

void map_dealloc(Object* self) {
  auto* m = static_cast<Map*>(self);
  xdecref(m->func);
  xdecref(m->iters);
  destroy_object(m);
}

void map_traverse(Object* self, VisitFn visit, void* arg) {
  auto* m = static_cast<Map*>(self);
  if (m->func) visit(m->func, arg);
  if (m->iters) visit(m->iters, arg);
}

Ref<Object> map_new(TypeObject* type, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (type == &MapType && !check_no_kwargs("map", kwnames)) return nullptr;
  if (nargs < 2) return set_error(exc::TypeError, "map() must have at least two arguments.");
  Ref<Tuple> iters = tuple_new(nargs - 1);
  if (!iters) return nullptr;
  for (size_t i = 1; i < nargs; i++) {
    Ref<Object> it = get_iter(args[i]);
    if (!it) return nullptr;
    tuple_set(iters.get(), i - 1, std::move(it));
  }
  auto* m = alloc_instance<Map>(type, &MapType);
  if (!m) return nullptr;
  incref(args[0]);
  m->func = args[0];
  m->iters = iters.release();
  return steal<Object>(m);
}

Ref<Object> map_next(Object* self) {
  auto* m = static_cast<Map*>(self);
  size_t n = m->iters->size;
  Object* small[4];
  std::vector<Object*> big;
  Object** argv = small;
  if (n > 4) { big.resize(n); argv = big.data(); }
  std::vector<Ref<Object>> keep;
  keep.reserve(n);
  for (size_t i = 0; i < n; i++) {
    Ref<Object> item = next_of(m->iters->items[i]);
    if (!item) return nullptr;
    argv[i] = item.get();
    keep.push_back(std::move(item));
  }
  return call(m->func, argv, n);
}

// ---- filter -------------------------------------------------------------------------

struct Filter : Object {
  Object* func = nullptr;   // strong; None: test the item's truth
  Object* it = nullptr;     // strong
};

void filter_dealloc(Object* self) {
  auto* f = static_cast<Filter*>(self);
  xdecref(f->func);
  xdecref(f->it);
  destroy_object(f);
}

void filter_traverse(Object* self, VisitFn visit, void* arg) {
  auto* f = static_cast<Filter*>(self);
  if (f->func) visit(f->func, arg);
  if (f->it) visit(f->it, arg);
}

Ref<Object> filter_new(TypeObject* type, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (type == &FilterType && !check_no_kwargs("filter", kwnames)) return nullptr;
  if (nargs != 2)
    return set_errorf(exc::TypeError, "filter expected 2 arguments, got %zd", static_cast<ssize_t>(nargs));
  Ref<Object> it = get_iter(args[1]);
  if (!it) return nullptr;
  auto* f = alloc_instance<Filter>(type, &FilterType);
  if (!f) return nullptr;
  incref(args[0]);
  f->func = args[0];
  f->it = it.release();
  return steal<Object>(f);
}

Ref<Object> filter_next(Object* self) {
  auto* f = static_cast<Filter*>(self);
  // filter(bool, ...) behaves as filter(None, ...), as in CPython.
  bool truth_only = f->func == None || f->func == static_cast<Object*>(&BoolType);
  for (;;) {
    Ref<Object> item = next_of(f->it);
    if (!item) return nullptr;
    int ok;
    if (truth_only) {
      ok = is_true(item.get());
    } else {
      Ref<Object> r = call1(f->func, item.get());
      if (!r) return nullptr;
      ok = is_true(r.get());
    }
    if (ok < 0) return nullptr;
    if (ok) return item;
  }
}

// ---- reversed ------------------------------------------------------------------------

struct Reversed : Object {
  Object* seq = nullptr;   // strong; null once exhausted
  int64_t index = -1;      // the next index to fetch
};

void reversed_dealloc(Object* self) {
  auto* r = static_cast<Reversed*>(self);
  xdecref(r->seq);
  destroy_object(r);
}

void reversed_traverse(Object* self, VisitFn visit, void* arg) {
  auto* r = static_cast<Reversed*>(self);
  if (r->seq) visit(r->seq, arg);
}

// True when `o` supports len() and integer indexing (PySequence_Check):
// not a dict, and its type defines __getitem__.
bool is_sequence(Object* o) {
  if (dict_check(o)) return false;
  return o->type->mp_subscript != nullptr && o->type->sq_length != nullptr;
}

Ref<Object> reversed_new_slot(TypeObject* type, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (type == &ReversedType && !check_no_kwargs("reversed", kwnames)) return nullptr;
  if (!check_nargs("reversed", nargs, 1, 1)) return nullptr;
  Object* seq = args[0];
  Object* meth = type_lookup(seq->type, names::__reversed__);
  if (meth == None) return set_errorf(exc::TypeError, "'%T' object is not reversible", seq);
  if (meth) return call_method(seq, names::__reversed__, nullptr, 0);
  if (!is_sequence(seq)) return set_errorf(exc::TypeError, "'%T' object is not reversible", seq);
  int64_t n = length(seq);
  if (n < 0) return nullptr;
  auto* r = alloc_instance<Reversed>(type, &ReversedType);
  if (!r) return nullptr;
  incref(seq);
  r->seq = seq;
  r->index = n - 1;
  return steal<Object>(r);
}

Ref<Object> reversed_next(Object* self) {
  auto* r = static_cast<Reversed*>(self);
  if (!r->seq) return nullptr;
  if (r->index >= 0) {
    Ref<Object> i = int_from_i64(r->index);
    Ref<Object> item = getitem(r->seq, i.get());
    if (item) {
      r->index--;
      return item;
    }
    if (!error_matches(exc::IndexError) && !error_matches(exc::StopIteration)) return nullptr;
    clear_error();
  }
  r->index = -1;
  Object* seq = r->seq;
  r->seq = nullptr;
  decref(seq);
  return nullptr;
}

Ref<Object> reversed_length_hint(Object* self, Object* const*, size_t, Tuple*) {
  auto* r = static_cast<Reversed*>(self);
  if (!r->seq) return int_from_i64(0);
  int64_t n = length(r->seq);
  if (n < 0) return nullptr;
  return int_from_i64(n < r->index + 1 ? 0 : r->index + 1);
}

const MethodDef reversed_methods[] = {{"__length_hint__", reversed_length_hint}, {nullptr, nullptr}};

// ---- the callable iterator ------------------------------------------------------------------

struct CallIter : Object {
  Object* func = nullptr;      // strong; null once exhausted
  Object* sentinel = nullptr;  // strong
};

void calliter_dealloc(Object* self) {
  auto* c = static_cast<CallIter*>(self);
  xdecref(c->func);
  xdecref(c->sentinel);
  destroy_object(c);
}

void calliter_traverse(Object* self, VisitFn visit, void* arg) {
  auto* c = static_cast<CallIter*>(self);
  if (c->func) visit(c->func, arg);
  if (c->sentinel) visit(c->sentinel, arg);
}

void calliter_finish(CallIter* c) {
  Object* f = c->func;
  Object* s = c->sentinel;
  c->func = nullptr;
  c->sentinel = nullptr;
  xdecref(f);
  xdecref(s);
}

Ref<Object> calliter_next(Object* self) {
  auto* c = static_cast<CallIter*>(self);
  if (!c->func) return nullptr;
  Ref<Object> r = call0(c->func);
  if (!r) {
    if (error_matches(exc::StopIteration)) {
      clear_error();
      calliter_finish(c);
    }
    return nullptr;
  }
  int eq = equal(r.get(), c->sentinel);
  if (eq < 0) return nullptr;
  if (eq) {
    calliter_finish(c);
    return nullptr;
  }
  return r;
}

void init_type(TypeObject& t, const char* name, size_t size, bool base, DeallocFn d, TraverseFn tr,
               UnaryFn next, NewFn nw = nullptr, const MethodDef* methods = nullptr) {
  t.type = &TypeType;
  t.name = name;
  t.flags = kHaveGC | (base ? static_cast<uint32_t>(kBaseType) : 0u);
  t.basic_size = size;
  t.base = &ObjectType;
  t.dealloc = d;
  t.traverse = tr;
  t.iter = self_iter;
  t.iternext = next;
  t.new_ = nw;
  t.methods = methods;
}

}  // namespace

Ref<Object> call_iter_new(Object* callable, Object* sentinel) {
  auto* c = alloc<CallIter>(&CallIterType);
  if (!c) return nullptr;
  incref(callable);
  incref(sentinel);
  c->func = callable;
  c->sentinel = sentinel;
  return steal<Object>(c);
}

Ref<Object> reversed_new(Object* seq) {
  return reversed_new_slot(&ReversedType, &seq, 1, nullptr);
}

void init_iterobject_types() {
  init_type(EnumerateType, "enumerate", sizeof(Enumerate), true, enumerate_dealloc, enumerate_traverse,
            enumerate_next, enumerate_new);
  init_type(ZipType, "zip", sizeof(Zip), true, zip_dealloc, zip_traverse, zip_next, zip_new);
  init_type(MapType, "map", sizeof(Map), true, map_dealloc, map_traverse, map_next, map_new);
  init_type(FilterType, "filter", sizeof(Filter), true, filter_dealloc, filter_traverse, filter_next, filter_new);
  init_type(ReversedType, "reversed", sizeof(Reversed), true, reversed_dealloc, reversed_traverse, reversed_next,
            reversed_new_slot, reversed_methods);
  init_type(CallIterType, "callable_iterator", sizeof(CallIter), false, calliter_dealloc, calliter_traverse,
            calliter_next);
}

// Types defined in other container files without a public declaration.
extern TypeObject DictKeyIterType, DictValueIterType, DictItemIterType;
extern TypeObject DictRevKeyIterType, DictRevValueIterType, DictRevItemIterType;

bool ready_container_types() {
  TypeObject* all[] = {
      &TupleType, &TupleIterType, &ListType, &ListIterType, &ListRevIterType,
      &DictType, &DictKeysType, &DictValuesType, &DictItemsType,
      &DictKeyIterType, &DictValueIterType, &DictItemIterType,
      &DictRevKeyIterType, &DictRevValueIterType, &DictRevItemIterType,
      &SetType, &FrozenSetType, &SetIterType, &RangeType, &RangeIterType, &LongRangeIterType,
      &SliceType, &EnumerateType, &ZipType, &MapType, &FilterType, &ReversedType,
      &CallIterType};
  for (TypeObject* t : all)
    if (!type_ready(t)) return false;
  return true;
}

}  // namespace coil::runtime
