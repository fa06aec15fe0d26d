// tuple.cpp — the tuple type: an immutable, fixed-size array of references.
//
// The items live inline after the header (one allocation per tuple), so
// creating a tuple — the commonest allocation in argument passing and
// multiple assignment — costs one mem_alloc.  The empty tuple is a
// singleton, as in CPython (`() is ()`).  The hash is CPython 3.11's
// xxHash-based tuplehash, so hash((1, 2)) prints the same number; it is
// cached in the object because a tuple's items cannot change (hashing a
// tuple whose item has a mutable __hash__ is already undefined behaviour
// in Python).
#include "runtime/tuple.h"

#include <climits>
#include <string>

#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/reprguard.h"
#include "runtime/sequtil.h"
#include "runtime/singletons.h"
#include "runtime/slice.h"
#include "runtime/str.h"
#include "runtime/type.h"

namespace coil::runtime {

TypeObject TupleType;
TypeObject TupleIterType;

namespace {

Tuple* g_empty = nullptr;   // the () singleton (immortal: one extra ref)

// Allocates a tuple of `type` with n null slots (not the singleton).
Tuple* tuple_alloc(TypeObject* type, size_t n) {
  if (n > (SIZE_MAX - sizeof(Tuple)) / sizeof(Object*) - 1) {
    no_memory();
    return nullptr;
  }
  size_t extra = n > 1 ? (n - 1) * sizeof(Object*) : 0;
  Tuple* t = alloc_instance<Tuple>(type, &TupleType, extra);
  if (!t) return nullptr;
  t->size = n;
  for (size_t i = 0; i < n; i++) t->items[i] = nullptr;
  return t;
}

inline Tuple* as_tuple(Object* o) { return static_cast<Tuple*>(o); }

}  // namespace

bool tuple_check(const Object* o) {
  return o->type == &TupleType || type_has(o->type, kTupleSubclass);
}

Ref<Tuple> empty_tuple() {
  if (!g_empty) {
    g_empty = tuple_alloc(&TupleType, 0);
    if (!g_empty) return nullptr;
  }
  return borrow(g_empty);
}

Ref<Tuple> tuple_new(size_t n) {
  if (n == 0) return empty_tuple();
  return steal(tuple_alloc(&TupleType, n));
}

Ref<Tuple> tuple_from_array(Object* const* items, size_t n) {
  Ref<Tuple> t = tuple_new(n);
  if (!t) return nullptr;
  for (size_t i = 0; i < n; i++) {
    incref(items[i]);
    t->items[i] = items[i];
  }
  return t;
}

Ref<Tuple> tuple_pack(std::initializer_list<Object*> items) {
  return tuple_from_array(items.begin(), items.size());
}

Ref<Tuple> tuple_slice(Tuple* t, size_t lo, size_t hi) {
  if (lo == 0 && hi == t->size && t->type == &TupleType) return borrow(t);
  if (hi <= lo) return empty_tuple();
  return tuple_from_array(t->items + lo, hi - lo);
}

// ---- slots -------------------------------------------------------------------

namespace {

void tuple_dealloc(Object* self) {
  Tuple* t = as_tuple(self);
  for (size_t i = 0; i < t->size; i++) xdecref(t->items[i]);
  destroy_object(t);
}

// Last item first, as CPython's tupletraverse (gc.get_referents shows it).
void tuple_traverse(Object* self, VisitFn visit, void* arg) {
  Tuple* t = as_tuple(self);
  for (size_t i = t->size; i-- > 0;)
    if (t->items[i]) visit(t->items[i], arg);
}

Ref<Object> tuple_repr(Object* self) {
  Tuple* t = as_tuple(self);
  if (t->size == 0) return str_from("()");
  // A tuple cannot contain itself directly, but an object whose repr
  // prints a tuple holding the object can loop; CPython guards it too.
  ReprGuard guard(self);
  if (guard.recursive()) return str_from("(...)");
  std::string out = "(";
  for (size_t i = 0; i < t->size; i++) {
    if (i) out += ", ";
    Ref<Object> r = repr(t->items[i]);
    if (!r) return nullptr;
    out += str_view(r.get());
  }
  out += t->size == 1 ? ",)" : ")";
  return str_from(out);
}

// CPython 3.11's tuplehash (Objects/tupleobject.c), an xxHash variant.
constexpr uint64_t kPrime1 = 11400714785074694791ULL;
constexpr uint64_t kPrime2 = 14029467366897019727ULL;
constexpr uint64_t kPrime5 = 2870177450012600261ULL;

int64_t tuple_hash(Object* self) {
  Tuple* t = as_tuple(self);
  if (t->hash != -1) return t->hash;
  uint64_t acc = kPrime5;
  for (size_t i = 0; i < t->size; i++) {
    int64_t h = hash(t->items[i]);
    if (h == -1) return -1;
    acc += static_cast<uint64_t>(h) * kPrime2;
    acc = (acc << 31) | (acc >> 33);
    acc *= kPrime1;
  }
  acc += t->size ^ (kPrime5 ^ 3527539ULL);
  int64_t result = acc == static_cast<uint64_t>(-1) ? 1546275796 : static_cast<int64_t>(acc);
  t->hash = result;
  return result;
}

Ref<Object> tuple_richcompare(Object* a, Object* b, CompareOp op) {
  if (!tuple_check(a) || !tuple_check(b)) return not_implemented();
  Tuple* ta = as_tuple(a);
  Tuple* tb = as_tuple(b);
  Object** ia = ta->items;
  Object** ib = tb->items;
  return seq_richcompare(&ia, &ta->size, &ib, &tb->size, op);
}

int64_t tuple_length(Object* self) { return static_cast<int64_t>(as_tuple(self)->size); }

Ref<Object> tuple_subscript(Object* self, Object* key) {
  Tuple* t = as_tuple(self);
  if (slice_check(key)) {
    int64_t start, stop, step, n;
    if (!slice_unpack(key, static_cast<int64_t>(t->size), &start, &stop, &step, &n)) return nullptr;
    if (step == 1) return tuple_slice(t, static_cast<size_t>(start), static_cast<size_t>(start + n));
    Ref<Tuple> r = tuple_new(static_cast<size_t>(n));
    if (!r) return nullptr;
    for (int64_t i = 0, cur = start; i < n; i++, cur += step) {
      incref(t->items[cur]);
      r->items[i] = t->items[cur];
    }
    return r;
  }
  int64_t i;
  if (!seq_index_arg(key, "tuple", &i)) return nullptr;
  if (i < 0) i += static_cast<int64_t>(t->size);
  if (i < 0 || i >= static_cast<int64_t>(t->size))
    return set_error(exc::IndexError, "tuple index out of range");
  return borrow(t->items[i]);
}

int tuple_contains(Object* self, Object* item) {
  Tuple* t = as_tuple(self);
  for (size_t i = 0; i < t->size; i++) {
    int k = equal(t->items[i], item);
    if (k != 0) return k;
  }
  return 0;
}

// Gives the other operand's slot its chance before raising the sequence
// error: CPython tries nb_add/nb_multiply of both operands and only then
// the sequence's sq_concat/sq_repeat, whose message we raise here.
Ref<Object> try_other_slot(Object* a, Object* b, Object* other, BinaryOp op, BinaryFn mine) {
  BinaryFn theirs = other->type->nb_binary[static_cast<int>(op)];
  if (theirs && theirs != mine) return theirs(a, b);
  return not_implemented();
}

Ref<Object> tuple_add(Object* a, Object* b) {
  if (!tuple_check(a)) {   // x + tuple: only the reflected call, not ours
    return not_implemented();
  }
  if (!tuple_check(b)) {
    Ref<Object> r = try_other_slot(a, b, b, BinaryOp::Add, tuple_add);
    if (!r || r.get() != NotImplemented) return r;
    return set_errorf(exc::TypeError, "can only concatenate tuple (not \"%T\") to tuple", b);
  }
  Tuple* ta = as_tuple(a);
  Tuple* tb = as_tuple(b);
  if (tb->size == 0 && ta->type == &TupleType) return borrow(a);
  if (ta->size == 0 && tb->type == &TupleType) return borrow(b);
  Ref<Tuple> r = tuple_new(ta->size + tb->size);
  if (!r) return nullptr;
  for (size_t i = 0; i < ta->size; i++) { incref(ta->items[i]); r->items[i] = ta->items[i]; }
  for (size_t i = 0; i < tb->size; i++) { incref(tb->items[i]); r->items[ta->size + i] = tb->items[i]; }
  return r;
}

Ref<Object> tuple_repeat(Tuple* t, int64_t n) {
  if (n < 0) n = 0;
  if (t->type == &TupleType && (n == 1 || t->size == 0)) return borrow(t);
  if (t->size && static_cast<uint64_t>(n) > (INT64_MAX / 8) / t->size) return no_memory_error();
  size_t total = t->size * static_cast<size_t>(n);
  Ref<Tuple> r = tuple_new(total);
  if (!r) return nullptr;
  size_t k = 0;
  for (int64_t j = 0; j < n; j++)
    for (size_t i = 0; i < t->size; i++) { incref(t->items[i]); r->items[k++] = t->items[i]; }
  return r;
}

Ref<Object> tuple_mul(Object* a, Object* b) {
  Object* seq = tuple_check(a) ? a : b;
  Object* count = seq == a ? b : a;
  if (!count->type->nb_index) {
    if (seq == a) {
      Ref<Object> r = try_other_slot(a, b, b, BinaryOp::Mul, tuple_mul);
      if (!r || r.get() != NotImplemented) return r;
    }
    return set_errorf(exc::TypeError, "can't multiply sequence by non-int of type '%T'", count);
  }
  int64_t n;
  if (!repeat_count(count, &n)) return nullptr;
  return tuple_repeat(as_tuple(seq), n);
}

Ref<Object> tuple_iter(Object* self);

// tuple(iterable=()): exact tuples pass through unchanged.
Ref<Object> tuple_new_slot(TypeObject* type, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (type == &TupleType && !check_no_kwargs("tuple", kwnames)) return nullptr;
  if (!check_nargs("tuple", nargs, 0, 1)) return nullptr;
  Ref<Object> exact;
  if (nargs == 0) exact = empty_tuple();
  else if (args[0]->type == &TupleType) exact = borrow(args[0]);
  else exact = sequence_to_tuple(args[0]);
  if (!exact) return nullptr;
  if (type == &TupleType) return exact;
  // A subclass instance: copy the items into an instance of `type`.
  Tuple* src = as_tuple(exact.get());
  Tuple* t = tuple_alloc(type, src->size);
  if (!t) return nullptr;
  for (size_t i = 0; i < src->size; i++) { incref(src->items[i]); t->items[i] = src->items[i]; }
  return steal<Object>(t);
}

// ---- methods -----------------------------------------------------------------

Ref<Object> tuple_index_meth(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("index", kwnames) || !check_nargs("index", nargs, 1, 3)) return nullptr;
  Tuple* t = as_tuple(self);
  int64_t n = static_cast<int64_t>(t->size);
  int64_t start = 0, stop = INT64_MAX;
  if (nargs > 1 && !slice_index_clamped(args[1], &start)) return nullptr;
  if (nargs > 2 && !slice_index_clamped(args[2], &stop)) return nullptr;
  if (start < 0) { start += n; if (start < 0) start = 0; }
  if (stop < 0) { stop += n; }
  for (int64_t i = start; i < stop && i < n; i++) {
    int k = equal(t->items[i], args[0]);
    if (k < 0) return nullptr;
    if (k) return int_from_i64(i);
  }
  return set_error(exc::ValueError, "tuple.index(x): x not in tuple");
}

Ref<Object> tuple_count_meth(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("count", kwnames) || !check_nargs("count", nargs, 1, 1)) return nullptr;
  Tuple* t = as_tuple(self);
  int64_t count = 0;
  for (size_t i = 0; i < t->size; i++) {
    int k = equal(t->items[i], args[0]);
    if (k < 0) return nullptr;
    count += k;
  }
  return int_from_i64(count);
}

Ref<Object> tuple_getnewargs(Object* self, Object* const*, size_t, Tuple*) {
  Tuple* t = as_tuple(self);
  Ref<Tuple> copy = tuple_from_array(t->items, t->size);
  if (!copy) return nullptr;
  Object* item = copy.get();
  return tuple_pack({item});
}

const MethodDef tuple_methods[] = {
    {"index", tuple_index_meth},
    {"count", tuple_count_meth},
    {"__getnewargs__", tuple_getnewargs},
    {nullptr, nullptr},
};

// ---- the tuple iterator ---------------------------------------------------------

struct TupleIter : Object {
  Tuple* seq = nullptr;   // strong; null once exhausted
  size_t index = 0;
};

void tupleiter_dealloc(Object* self) {
  auto* it = static_cast<TupleIter*>(self);
  xdecref(it->seq);
  destroy_object(it);
}

void tupleiter_traverse(Object* self, VisitFn visit, void* arg) {
  auto* it = static_cast<TupleIter*>(self);
  if (it->seq) visit(it->seq, arg);
}

Ref<Object> self_iter(Object* self) { return borrow(self); }

Ref<Object> tupleiter_next(Object* self) {
  auto* it = static_cast<TupleIter*>(self);
  Tuple* t = it->seq;
  if (!t) return nullptr;
  if (it->index < t->size) return borrow(t->items[it->index++]);
  it->seq = nullptr;
  decref(t);
  return nullptr;
}

Ref<Object> tupleiter_length_hint(Object* self, Object* const*, size_t, Tuple*) {
  auto* it = static_cast<TupleIter*>(self);
  return int_from_i64(it->seq ? static_cast<int64_t>(it->seq->size - it->index) : 0);
}

const MethodDef tupleiter_methods[] = {
    {"__length_hint__", tupleiter_length_hint},
    {nullptr, nullptr},
};

Ref<Object> tuple_iter(Object* self) {
  auto* it = alloc<TupleIter>(&TupleIterType);
  if (!it) return nullptr;
  incref(self);
  it->seq = as_tuple(self);
  return steal<Object>(it);
}

}  // namespace

void init_tuple_type() {
  TypeObject& t = TupleType;
  t.type = &TypeType;
  t.name = "tuple";
  t.doc = "Built-in immutable sequence.";
  t.flags = kBaseType | kHaveGC | kTupleSubclass;
  t.basic_size = sizeof(Tuple);
  t.item_size = sizeof(Object*);
  t.base = &ObjectType;
  t.dealloc = tuple_dealloc;
  t.traverse = tuple_traverse;
  t.repr = tuple_repr;
  t.hash = tuple_hash;
  t.richcompare = tuple_richcompare;
  t.iter = tuple_iter;
  t.new_ = tuple_new_slot;
  t.nb_binary[static_cast<int>(BinaryOp::Add)] = tuple_add;
  t.nb_binary[static_cast<int>(BinaryOp::Mul)] = tuple_mul;
  t.sq_length = tuple_length;
  t.mp_subscript = tuple_subscript;
  t.sq_contains = tuple_contains;
  t.methods = tuple_methods;

  TypeObject& it = TupleIterType;
  it.type = &TypeType;
  it.name = "tuple_iterator";
  it.flags = kHaveGC;
  it.basic_size = sizeof(TupleIter);
  it.base = &ObjectType;
  it.dealloc = tupleiter_dealloc;
  it.traverse = tupleiter_traverse;
  it.iter = self_iter;
  it.iternext = tupleiter_next;
  it.methods = tupleiter_methods;
}

}  // namespace coil::runtime
