// range.cpp — range objects (see range.h for the representation).
#include "runtime/range.h"

#include <climits>
#include <string>

#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/sequtil.h"
#include "runtime/singletons.h"
#include "runtime/slice.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

namespace coil::runtime {

TypeObject RangeType;
TypeObject RangeIterType;
TypeObject LongRangeIterType;

namespace {

inline Range* as_range(Object* o) { return static_cast<Range*>(o); }

Ref<Object> op(Object* a, Object* b, BinaryOp o) { return binary_op(a, b, o); }

// The number of items: CPython's compute_range_length, with objects.
Ref<Object> compute_length(Object* start, Object* stop, Object* step) {
  int64_t a, b, c;
  if (int_fits_i64(start, &a) && int_fits_i64(stop, &b) && int_fits_i64(step, &c)) {
    __int128 lo = a, hi = b, st = c, n = 0;
    if (st > 0 && lo < hi) n = (hi - lo - 1) / st + 1;
    else if (st < 0 && lo > hi) n = (lo - hi - 1) / (-st) + 1;
    if (n <= INT64_MAX) return int_from_i64(static_cast<int64_t>(n));
  }
  // General case: lo, hi = (start, stop) or (stop, start); n = (hi-lo-1)//|step| + 1.
  Ref<Object> lo = borrow(start), hi = borrow(stop), st = borrow(step);
  if (int_sign(step) < 0) {
    std::swap(lo, hi);
    st = negative(step);
    if (!st) return nullptr;
  }
  Ref<Object> cmp = rich_compare(lo.get(), hi.get(), CompareOp::Ge);
  if (!cmp) return nullptr;
  if (cmp.get() == True) return int_from_i64(0);
  Ref<Object> one = int_from_i64(1);
  Ref<Object> diff = op(hi.get(), lo.get(), BinaryOp::Sub);
  if (!diff) return nullptr;
  diff = op(diff.get(), one.get(), BinaryOp::Sub);
  if (!diff) return nullptr;
  diff = op(diff.get(), st.get(), BinaryOp::FloorDiv);
  if (!diff) return nullptr;
  return op(diff.get(), one.get(), BinaryOp::Add);
}

// Builds a range from exact int objects (step != 0).  Borrows.
Ref<Object> make_range(Object* start, Object* stop, Object* step) {
  Ref<Object> len = compute_length(start, stop, step);
  if (!len) return nullptr;
  Range* r = alloc<Range>(&RangeType);
  if (!r) return nullptr;
  incref(start); incref(stop); incref(step);
  r->start = start; r->stop = stop; r->step = step;
  r->length = len.release();
  r->small = int_fits_i64(start, &r->istart) && int_fits_i64(stop, &r->istop) &&
             int_fits_i64(step, &r->istep) && int_fits_i64(r->length, &r->ilen);
  return steal<Object>(r);
}

// An argument of range(): __index__ then an exact int.
Ref<Object> index_arg(Object* o) {
  if (int_check_exact(o)) return borrow(o);
  return index(o);
}

Ref<Object> range_new_slot(TypeObject* type, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("range", kwnames)) return nullptr;
  if (!check_nargs("range", nargs, 1, 3)) return nullptr;
  Ref<Object> start, stop, step;
  if (nargs == 1) {
    stop = index_arg(args[0]);
    if (!stop) return nullptr;
    start = int_from_i64(0);
    step = int_from_i64(1);
  } else {
    start = index_arg(args[0]);
    if (!start) return nullptr;
    stop = index_arg(args[1]);
    if (!stop) return nullptr;
    if (nargs == 3) {
      step = index_arg(args[2]);
      if (!step) return nullptr;
      if (int_sign(step.get()) == 0) return set_error(exc::ValueError, "range() arg 3 must not be zero");
    } else {
      step = int_from_i64(1);
    }
  }
  return make_range(start.get(), stop.get(), step.get());
}

void range_dealloc(Object* self) {
  Range* r = as_range(self);
  xdecref(r->start); xdecref(r->stop); xdecref(r->step); xdecref(r->length);
  destroy_object(r);
}

Ref<Object> range_repr(Object* self) {
  Range* r = as_range(self);
  std::string out = "range(" + int_to_decimal(r->start) + ", " + int_to_decimal(r->stop);
  int64_t st;
  if (!(int_fits_i64(r->step, &st) && st == 1)) out += ", " + int_to_decimal(r->step);
  out += ")";
  return str_from(out);
}

int64_t range_len(Object* self) {
  Range* r = as_range(self);
  int64_t n;
  if (int_fits_i64(r->length, &n)) return n;
  set_error(exc::OverflowError, "Python int too large to convert to C ssize_t");
  return -1;
}

int range_bool(Object* self) { return int_sign(as_range(self)->length) != 0; }

// start + i * step as an object (i an int object).
Ref<Object> compute_item(Range* r, Object* i) {
  Ref<Object> t = op(i, r->step, BinaryOp::Mul);
  if (!t) return nullptr;
  return op(r->start, t.get(), BinaryOp::Add);
}

Ref<Object> range_subscript(Object* self, Object* key) {
  Range* r = as_range(self);
  if (slice_check(key)) {
    int64_t len;
    if (!int_fits_i64(r->length, &len))
      return set_error(exc::OverflowError, "Python int too large to convert to C ssize_t");
    int64_t start, stop, step, n;
    if (!slice_unpack(key, len, &start, &stop, &step, &n)) return nullptr;
    Ref<Object> s0 = int_from_i64(start), s1 = int_from_i64(stop), s2 = int_from_i64(step);
    Ref<Object> a = compute_item(r, s0.get());
    Ref<Object> b = a ? compute_item(r, s1.get()) : nullptr;
    Ref<Object> c = b ? op(r->step, s2.get(), BinaryOp::Mul) : nullptr;
    if (!c) return nullptr;
    return make_range(a.get(), b.get(), c.get());
  }
  if (!int_check(key) && !key->type->nb_index)
    return set_errorf(exc::TypeError, "range indices must be integers or slices, not %T", key);
  Ref<Object> i = index_arg(key);
  if (!i) return nullptr;
  int64_t ii;
  if (r->small && int_fits_i64(i.get(), &ii)) {
    if (ii < 0) ii += r->ilen;
    if (ii < 0 || ii >= r->ilen) return set_error(exc::IndexError, "range object index out of range");
    return int_from_i64(r->istart + ii * r->istep);   // within [start, stop): no overflow
  }
  // Big values: normalise a negative index, then check bounds with objects.
  if (int_sign(i.get()) < 0) {
    i = op(i.get(), r->length, BinaryOp::Add);
    if (!i) return nullptr;
  }
  Ref<Object> lt = rich_compare(i.get(), r->length, CompareOp::Lt);
  if (!lt) return nullptr;
  if (int_sign(i.get()) < 0 || lt.get() != True) return set_error(exc::IndexError, "range object index out of range");
  return compute_item(r, i.get());
}

// 1 / 0 / -1 for an int `x` (exact int or bool).
int int_contains(Range* r, Object* x) {
  int64_t v;
  if (r->small && int_fits_i64(x, &v)) {
    if (r->istep > 0 ? (v < r->istart || v >= r->istop) : (v > r->istart || v <= r->istop)) return 0;
    __int128 d = static_cast<__int128>(v) - r->istart;
    return d % r->istep == 0;
  }
  bool pos = int_sign(r->step) > 0;
  Ref<Object> c1 = rich_compare(pos ? r->start : x, pos ? x : r->start, CompareOp::Le);
  if (!c1) return -1;
  if (c1.get() != True) return 0;
  Ref<Object> c2 = rich_compare(pos ? x : r->stop, pos ? r->stop : x, CompareOp::Lt);
  if (!c2) return -1;
  if (c2.get() != True) return 0;
  Ref<Object> d = op(x, r->start, BinaryOp::Sub);
  if (!d) return -1;
  Ref<Object> m = op(d.get(), r->step, BinaryOp::Remainder);
  if (!m) return -1;
  return int_sign(m.get()) == 0;
}

int range_contains(Object* self, Object* x) {
  if (x->type == &IntType || x->type == &BoolType) return int_contains(as_range(self), x);
  // Other objects: compare with each item, as CPython's generic search.
  Ref<Object> it = get_iter(self);
  if (!it) return -1;
  for (;;) {
    Ref<Object> item = iter_next(it.get());
    if (!item) return error_occurred() ? -1 : 0;
    int c = equal(item.get(), x);
    if (c) return c;
  }
}

Ref<Object> range_richcompare(Object* a, Object* b, CompareOp cop) {
  if (!range_check(a) || !range_check(b) || (cop != CompareOp::Eq && cop != CompareOp::Ne))
    return not_implemented();
  Range* x = as_range(a);
  Range* y = as_range(b);
  int eq;
  if (x == y) {
    eq = 1;
  } else {
    eq = equal(x->length, y->length);
    if (eq > 0 && int_sign(x->length) != 0) {
      eq = equal(x->start, y->start);
      int64_t n;
      if (eq > 0 && !(int_fits_i64(x->length, &n) && n == 1)) eq = equal(x->step, y->step);
    }
  }
  if (eq < 0) return nullptr;
  return new_bool((eq == 1) == (cop == CompareOp::Eq));
}

int64_t range_hash(Object* self) {
  Range* r = as_range(self);
  Ref<Tuple> t;
  int64_t n = -1;
  int_fits_i64(r->length, &n);
  if (n == 0) t = tuple_pack({r->length, None, None});
  else if (n == 1) t = tuple_pack({r->length, r->start, None});
  else t = tuple_pack({r->length, r->start, r->step});
  if (!t) return -1;
  return hash(t.get());
}

// ---- iterators ---------------------------------------------------------------------

struct RangeIter : Object {
  int64_t next = 0;
  int64_t step = 1;
  int64_t remaining = 0;
};

struct LongRangeIter : Object {
  Object* next = nullptr;     // strong
  Object* step = nullptr;     // strong
  Object* remaining = nullptr;  // strong
};

Ref<Object> self_iter(Object* self) { return borrow(self); }

void rangeiter_dealloc(Object* self) { destroy_object(static_cast<RangeIter*>(self)); }

Ref<Object> rangeiter_next(Object* self) {
  auto* it = static_cast<RangeIter*>(self);
  if (it->remaining <= 0) return nullptr;
  int64_t v = it->next;
  it->remaining--;
  // The last step may overflow int64 (range(0, INT64_MAX, big)): compute
  // it only when another item follows.
  if (it->remaining > 0) it->next = v + it->step;
  return int_from_i64(v);
}

Ref<Object> rangeiter_length_hint(Object* self, Object* const*, size_t, Tuple*) {
  return int_from_i64(static_cast<RangeIter*>(self)->remaining);
}

void longiter_dealloc(Object* self) {
  auto* it = static_cast<LongRangeIter*>(self);
  xdecref(it->next); xdecref(it->step); xdecref(it->remaining);
  destroy_object(it);
}

Ref<Object> longiter_next(Object* self) {
  auto* it = static_cast<LongRangeIter*>(self);
  if (int_sign(it->remaining) <= 0) return nullptr;
  Ref<Object> one = int_from_i64(1);
  Ref<Object> rem = op(it->remaining, one.get(), BinaryOp::Sub);
  Ref<Object> nxt = rem ? op(it->next, it->step, BinaryOp::Add) : nullptr;
  if (!nxt) return nullptr;
  Ref<Object> result = steal(it->next);
  it->next = nxt.release();
  decref(it->remaining);
  it->remaining = rem.release();
  return result;
}

Ref<Object> longiter_length_hint(Object* self, Object* const*, size_t, Tuple*) {
  return borrow(static_cast<LongRangeIter*>(self)->remaining);
}

const MethodDef rangeiter_methods[] = {{"__length_hint__", rangeiter_length_hint}, {nullptr, nullptr}};
const MethodDef longiter_methods[] = {{"__length_hint__", longiter_length_hint}, {nullptr, nullptr}};

// An iterator over `len` items from `start` by `step` (objects).
Ref<Object> make_iter(Object* start, Object* step, Object* len) {
  int64_t a, s, n;
  if (int_fits_i64(start, &a) && int_fits_i64(step, &s) && int_fits_i64(len, &n)) {
    auto* it = alloc<RangeIter>(&RangeIterType);
    if (!it) return nullptr;
    it->next = a;
    it->step = s;
    it->remaining = n;
    return steal<Object>(it);
  }
  auto* it = alloc<LongRangeIter>(&LongRangeIterType);
  if (!it) return nullptr;
  incref(start); incref(step); incref(len);
  it->next = start;
  it->step = step;
  it->remaining = len;
  return steal<Object>(it);
}

Ref<Object> range_iter(Object* self) {
  Range* r = as_range(self);
  if (r->small) {
    auto* it = alloc<RangeIter>(&RangeIterType);
    if (!it) return nullptr;
    it->next = r->istart;
    it->step = r->istep;
    it->remaining = r->ilen;
    return steal<Object>(it);
  }
  return make_iter(r->start, r->step, r->length);
}

// ---- methods ------------------------------------------------------------------------

Ref<Object> range_reversed(Object* self, Object* const*, size_t, Tuple*) {
  Range* r = as_range(self);
  // last = start + (len - 1) * step, walking by -step.
  Ref<Object> one = int_from_i64(1);
  Ref<Object> lm1 = op(r->length, one.get(), BinaryOp::Sub);
  Ref<Object> last = lm1 ? compute_item(r, lm1.get()) : nullptr;
  Ref<Object> neg = last ? negative(r->step) : nullptr;
  if (!neg) return nullptr;
  return make_iter(last.get(), neg.get(), r->length);
}

Ref<Object> range_count(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("count", kwnames)) return nullptr;
  if (nargs != 1)
    return set_errorf(exc::TypeError, "range.count() takes exactly one argument (%zd given)", static_cast<ssize_t>(nargs));
  if (args[0]->type == &IntType || args[0]->type == &BoolType) {
    int c = int_contains(as_range(self), args[0]);
    if (c < 0) return nullptr;
    return int_from_i64(c);
  }
  Ref<Object> it = get_iter(self);
  if (!it) return nullptr;
  int64_t count = 0;
  for (;;) {
    Ref<Object> item = iter_next(it.get());
    if (!item) return error_occurred() ? nullptr : int_from_i64(count);
    int c = equal(item.get(), args[0]);
    if (c < 0) return nullptr;
    count += c;
  }
}

Ref<Object> range_index(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("index", kwnames)) return nullptr;
  if (nargs != 1)
    return set_errorf(exc::TypeError, "range.index() takes exactly one argument (%zd given)", static_cast<ssize_t>(nargs));
  Range* r = as_range(self);
  Object* x = args[0];
  if (x->type == &IntType || x->type == &BoolType) {
    int c = int_contains(r, x);
    if (c < 0) return nullptr;
    if (!c) return set_errorf(exc::ValueError, "%R is not in range", x);
    Ref<Object> d = op(x, r->start, BinaryOp::Sub);
    if (!d) return nullptr;
    return op(d.get(), r->step, BinaryOp::FloorDiv);
  }
  Ref<Object> it = get_iter(self);
  if (!it) return nullptr;
  for (int64_t i = 0;; i++) {
    Ref<Object> item = iter_next(it.get());
    if (!item) {
      if (error_occurred()) return nullptr;
      return set_error(exc::ValueError, "sequence.index(x): x not in sequence");
    }
    int c = equal(item.get(), x);
    if (c < 0) return nullptr;
    if (c) return int_from_i64(i);
  }
}

Ref<Object> range_reduce(Object* self, Object* const*, size_t, Tuple*) {
  Range* r = as_range(self);
  Ref<Tuple> args = tuple_pack({r->start, r->stop, r->step});
  if (!args) return nullptr;
  return tuple_pack({&RangeType, args.get()});
}

Ref<Object> get_start(Object* self) { return borrow(as_range(self)->start); }
Ref<Object> get_stop(Object* self) { return borrow(as_range(self)->stop); }
Ref<Object> get_step(Object* self) { return borrow(as_range(self)->step); }

const MethodDef range_methods[] = {
    {"__reversed__", range_reversed},
    {"__reduce__", range_reduce},
    {"count", range_count},
    {"index", range_index},
    {nullptr, nullptr},
};
const GetSetDef range_getset[] = {
    {"start", get_start},
    {"stop", get_stop},
    {"step", get_step},
    {nullptr, nullptr},
};

void init_iter(TypeObject& t, const char* name, size_t size, DeallocFn d, UnaryFn next, const MethodDef* m) {
  t.type = &TypeType;
  t.name = name;
  t.basic_size = size;
  t.base = &ObjectType;
  t.dealloc = d;
  t.iter = self_iter;
  t.iternext = next;
  t.methods = m;
}

}  // namespace

Ref<Object> range_new_i64(int64_t start, int64_t stop, int64_t step) {
  Ref<Object> a = int_from_i64(start), b = int_from_i64(stop), c = int_from_i64(step);
  if (!a || !b || !c) return nullptr;
  return make_range(a.get(), b.get(), c.get());
}

void init_range_type() {
  TypeObject& t = RangeType;
  t.type = &TypeType;
  t.name = "range";
  t.doc = "range(stop) -> range object\nrange(start, stop[, step]) -> range object";
  t.basic_size = sizeof(Range);
  t.base = &ObjectType;
  t.dealloc = range_dealloc;
  t.repr = range_repr;
  t.hash = range_hash;
  t.richcompare = range_richcompare;
  t.iter = range_iter;
  t.new_ = range_new_slot;
  t.nb_bool = range_bool;
  t.sq_length = range_len;
  t.mp_subscript = range_subscript;
  t.sq_contains = range_contains;
  t.methods = range_methods;
  t.getset = range_getset;
  init_iter(RangeIterType, "range_iterator", sizeof(RangeIter), rangeiter_dealloc, rangeiter_next, rangeiter_methods);
  init_iter(LongRangeIterType, "longrange_iterator", sizeof(LongRangeIter), longiter_dealloc, longiter_next,
            longiter_methods);
}

}  // namespace coil::runtime
