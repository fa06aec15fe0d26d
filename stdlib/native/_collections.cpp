// _collections.cpp — the native core of `collections`: deque and the
// field accessors of namedtuple.
//
// DEQUE: a double-ended queue with O(1) appends and pops at BOTH ends.
// A list is an array that is full at the front: list.insert(0, x) shifts
// every item.  A deque here is a *ring buffer*: an array of `cap` slots
// (a power of two) whose live items start at `head` and wrap around the end:
//
//        cap = 8, head = 6, size = 4
//        +----+----+----+----+----+----+----+----+
//        | c  | d  |    |    |    |    | a  | b  |     deque([a, b, c, d])
//        +----+----+----+----+----+----+----+----+
//          ^ item 2            head ^
//
// Item i lives in slot (head + i) & (cap - 1).  appendleft moves head one
// slot back, popleft one slot forward; neither touches the other items.
// When the buffer is full it doubles, copying the items in order (amortised
// O(1), as list.append).  Indexing is O(1) too — CPython's deque, a linked
// list of 64-item blocks, is O(n/64) for d[i]; the ring buffer trades that
// for an occasional copy on growth.
//
// A bounded deque (maxlen=N) evicts from the opposite end when full:
// append() drops the leftmost item, appendleft() the rightmost.
//
// Iterators remember the deque's `state`, a counter bumped by every change
// of size; a mismatch raises "deque mutated during iteration" instead of
// reading a slot that no longer holds what the iterator thinks.
//
// _TUPLEGETTER: `Point.x` of a namedtuple is a data descriptor that returns
// self[0] and refuses assignment ("can't set attribute"), written natively
// because every field read goes through it.
#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/descr.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/genericalias.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/names.h"
#include "runtime/reprguard.h"
#include "runtime/sequtil.h"
#include "runtime/singletons.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"
#include "stdlib/native/modules.h"

namespace coil::runtime {

TypeObject DequeType, DequeIterType, DequeRevIterType, TupleGetterType;

namespace {

// ---- the ring buffer -----------------------------------------------------------------

struct Deque : Object {
  Object** buf = nullptr;   // `cap` slots; the `size` live ones hold strong refs
  size_t cap = 0;           // 0 or a power of two
  size_t head = 0;          // slot of item 0
  size_t size = 0;
  int64_t maxlen = -1;      // -1: unbounded
  uint64_t state = 0;       // bumped on every change of size (iterators check it)
  Object* weakreflist = nullptr;  // weak references to it (runtime/weakref.h)
};

inline Deque* as_deque(Object* o) { return static_cast<Deque*>(o); }
inline bool deque_check(const Object* o) { return is_instance_of(o, &DequeType); }

// The slot holding item i (0 <= i < size).
inline Object*& slot(Deque* d, size_t i) { return d->buf[(d->head + i) & (d->cap - 1)]; }

// Makes room for one more item: doubles the buffer and unwraps the items
// to start at slot 0.  false with MemoryError set.
bool grow(Deque* d) {
  if (d->size < d->cap) return true;
  size_t ncap = d->cap ? d->cap * 2 : 8;
  auto** nbuf = static_cast<Object**>(mem_alloc(ncap * sizeof(Object*)));
  if (!nbuf) { no_memory(); return false; }
  for (size_t i = 0; i < d->size; i++) nbuf[i] = slot(d, i);
  mem_free(d->buf);
  d->buf = nbuf;
  d->cap = ncap;
  d->head = 0;
  return true;
}

// The four end operations.  push_* steal `item`; pop_* hand the caller
// the reference the deque held.  Callers check for emptiness / room.
void push_right(Deque* d, Object* item) {
  d->buf[(d->head + d->size) & (d->cap - 1)] = item;
  d->size++;
  d->state++;
}

void push_left(Deque* d, Object* item) {
  d->head = (d->head - 1) & (d->cap - 1);
  d->buf[d->head] = item;
  d->size++;
  d->state++;
}

Object* pop_right(Deque* d) {
  Object* item = slot(d, d->size - 1);
  d->size--;
  d->state++;
  return item;
}

Object* pop_left(Deque* d) {
  Object* item = d->buf[d->head];
  d->head = (d->head + 1) & (d->cap - 1);
  d->size--;
  d->state++;
  return item;
}

// append/appendleft with maxlen eviction.  Borrow `item`.
bool deque_append_item(Deque* d, Object* item) {
  if (d->maxlen == 0) return true;   // a deque(maxlen=0) keeps nothing
  if (!grow(d)) return false;
  incref(item);
  push_right(d, item);
  if (d->maxlen >= 0 && d->size > static_cast<size_t>(d->maxlen)) decref(pop_left(d));
  return true;
}

bool deque_appendleft_item(Deque* d, Object* item) {
  if (d->maxlen == 0) return true;
  if (!grow(d)) return false;
  incref(item);
  push_left(d, item);
  if (d->maxlen >= 0 && d->size > static_cast<size_t>(d->maxlen)) decref(pop_right(d));
  return true;
}

// Drops every item.  The items are detached first: a __del__ run by a
// decref may look at (or append to) the deque.
void deque_clear_items(Deque* d) {
  std::vector<Object*> items;
  items.reserve(d->size);
  while (d->size) items.push_back(pop_left(d));
  d->head = 0;
  for (Object* o : items) decref(o);
}

// Rotates n steps to the right (negative: left), moving pointers only.
void deque_rotate_by(Deque* d, int64_t n) {
  if (d->size <= 1) return;
  int64_t len = static_cast<int64_t>(d->size);
  n %= len;
  if (n < 0) n += len;
  if (n > len / 2) n -= len;   // take the shorter way round
  for (; n > 0; n--) {         // right: last item becomes the first
    Object* item = slot(d, d->size - 1);
    d->head = (d->head - 1) & (d->cap - 1);
    d->buf[d->head] = item;
  }
  for (; n < 0; n++) {         // left: first item becomes the last
    Object* item = d->buf[d->head];
    d->head = (d->head + 1) & (d->cap - 1);
    slot(d, d->size - 1) = item;
  }
}

// ---- lifetime --------------------------------------------------------------------------

void deque_dealloc(Object* self) {
  Deque* d = as_deque(self);
  for (size_t i = 0; i < d->size; i++) decref(slot(d, i));
  mem_free(d->buf);
  destroy_object(d);
}

void deque_traverse(Object* self, VisitFn visit, void* arg) {
  Deque* d = as_deque(self);
  for (size_t i = 0; i < d->size; i++) visit(slot(d, i), arg);
}

void deque_clear_slot(Object* self) { deque_clear_items(as_deque(self)); }

Ref<Object> deque_new(TypeObject* type, Object* const*, size_t, Tuple*) {
  Deque* d = alloc_instance<Deque>(type, &DequeType);
  if (!d) return nullptr;
  return steal<Object>(d);
}

// Appends everything `iterable` yields (to the right or the left).
bool deque_extend_from(Deque* d, Object* iterable, bool left) {
  if (iterable == d) {   // d.extend(d): snapshot first, or it never ends
    Ref<Object> copy = sequence_to_list(iterable);
    if (!copy) return false;
    return deque_extend_from(d, copy.get(), left);
  }
  Ref<Object> it = get_iter(iterable);
  if (!it) return false;
  while (Ref<Object> item = iter_next(it.get())) {
    if (!(left ? deque_appendleft_item(d, item.get()) : deque_append_item(d, item.get()))) return false;
  }
  return !error_occurred();
}

// deque([iterable[, maxlen]])
int deque_init(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"deque", {"iterable", "maxlen"}, 0};
  Object* a[2] = {nullptr, nullptr};
  if (!bind_args(spec, args, nargs, kwnames, a)) return -1;
  Deque* d = as_deque(self);
  int64_t maxlen = -1;
  if (a[1] && a[1] != None) {
    if (!int_check(a[1])) { set_error(exc::TypeError, "an integer is required"); return -1; }
    if (!int_to_i64(a[1], &maxlen)) return -1;
    if (maxlen < 0) { set_error(exc::ValueError, "maxlen must be non-negative"); return -1; }
  }
  d->maxlen = maxlen;
  if (d->size) deque_clear_items(d);   // __init__ called again on a live deque
  if (a[0] && !deque_extend_from(d, a[0], false)) return -1;
  return 0;
}

// ---- methods ----------------------------------------------------------------------------

bool one_arg(const char* name, size_t nargs, Tuple* kwnames) {
  return check_no_kwargs(name, kwnames) && check_nargs(name, nargs, 1, 1);
}
bool no_arg(const char* name, size_t nargs, Tuple* kwnames) {
  return check_no_kwargs(name, kwnames) && check_nargs(name, nargs, 0, 0);
}

Ref<Object> deque_append(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  if (!one_arg("append", nargs, kw)) return nullptr;
  if (!deque_append_item(as_deque(self), args[0])) return nullptr;
  return none();
}

Ref<Object> deque_appendleft(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  if (!one_arg("appendleft", nargs, kw)) return nullptr;
  if (!deque_appendleft_item(as_deque(self), args[0])) return nullptr;
  return none();
}

Ref<Object> deque_pop(Object* self, Object* const*, size_t nargs, Tuple* kw) {
  if (!no_arg("pop", nargs, kw)) return nullptr;
  Deque* d = as_deque(self);
  if (!d->size) return set_error(exc::IndexError, "pop from an empty deque");
  return steal(pop_right(d));
}

Ref<Object> deque_popleft(Object* self, Object* const*, size_t nargs, Tuple* kw) {
  if (!no_arg("popleft", nargs, kw)) return nullptr;
  Deque* d = as_deque(self);
  if (!d->size) return set_error(exc::IndexError, "pop from an empty deque");
  return steal(pop_left(d));
}

Ref<Object> deque_extend(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  if (!one_arg("extend", nargs, kw)) return nullptr;
  if (!deque_extend_from(as_deque(self), args[0], false)) return nullptr;
  return none();
}

Ref<Object> deque_extendleft(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  if (!one_arg("extendleft", nargs, kw)) return nullptr;
  if (!deque_extend_from(as_deque(self), args[0], true)) return nullptr;
  return none();
}

Ref<Object> deque_clear(Object* self, Object* const*, size_t nargs, Tuple* kw) {
  if (!no_arg("clear", nargs, kw)) return nullptr;
  deque_clear_items(as_deque(self));
  return none();
}

Ref<Object> deque_rotate(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("rotate", kw) || !check_nargs("rotate", nargs, 0, 1)) return nullptr;
  int64_t n = 1;
  if (nargs && !as_ssize(args[0], &n)) return nullptr;
  deque_rotate_by(as_deque(self), n);
  return none();
}

Ref<Object> deque_reverse(Object* self, Object* const*, size_t nargs, Tuple* kw) {
  if (!no_arg("reverse", nargs, kw)) return nullptr;
  Deque* d = as_deque(self);
  for (size_t i = 0, j = d->size; i + 1 < j; i++, j--) std::swap(slot(d, i), slot(d, j - 1));
  return none();
}

// Finds `value` by ==, as count/index/remove do.  The deque may change
// under an __eq__ call: each step re-checks the size and the state.
Ref<Object> deque_count(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  if (!one_arg("count", nargs, kw)) return nullptr;
  Deque* d = as_deque(self);
  uint64_t state = d->state;
  int64_t count = 0;
  for (size_t i = 0; i < d->size; i++) {
    Ref<Object> item = borrow(slot(d, i));
    int eq = equal(item.get(), args[0]);
    if (eq < 0) return nullptr;
    count += eq;
    if (state != d->state) return set_error(exc::RuntimeError, "deque mutated during iteration");
  }
  return int_from_i64(count);
}

// Index of the first item == value in [start, stop), or -1 (no error)
// when absent, or -2 with an exception set.
int64_t deque_find(Deque* d, Object* value, int64_t start, int64_t stop) {
  uint64_t state = d->state;
  for (int64_t i = start; i < stop && static_cast<size_t>(i) < d->size; i++) {
    Ref<Object> item = borrow(slot(d, static_cast<size_t>(i)));
    int eq = equal(item.get(), value);
    if (eq < 0) return -2;
    if (state != d->state) {
      set_error(exc::RuntimeError, "deque mutated during iteration");
      return -2;
    }
    if (eq) return i;
  }
  return -1;
}

Ref<Object> deque_index(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("index", kw) || !check_nargs("index", nargs, 1, 3)) return nullptr;
  Deque* d = as_deque(self);
  int64_t len = static_cast<int64_t>(d->size), start = 0, stop = len;
  if (nargs > 1 && !as_ssize(args[1], &start)) return nullptr;
  if (nargs > 2 && !as_ssize(args[2], &stop)) return nullptr;
  if (start < 0) start = std::max<int64_t>(0, start + len);
  if (stop < 0) stop = std::max<int64_t>(0, stop + len);
  int64_t i = deque_find(d, args[0], start, std::min(stop, len));
  if (i == -2) return nullptr;
  if (i < 0) return set_errorf(exc::ValueError, "%R is not in deque", args[0]);
  return int_from_i64(i);
}

// Removes item i, shifting the shorter side over the gap.
Object* deque_take(Deque* d, size_t i) {
  Object* item = slot(d, i);
  if (i < d->size / 2) {
    for (size_t k = i; k > 0; k--) slot(d, k) = slot(d, k - 1);
    d->head = (d->head + 1) & (d->cap - 1);
  } else {
    for (size_t k = i; k + 1 < d->size; k++) slot(d, k) = slot(d, k + 1);
  }
  d->size--;
  d->state++;
  return item;
}

Ref<Object> deque_remove(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  if (!one_arg("remove", nargs, kw)) return nullptr;
  Deque* d = as_deque(self);
  int64_t i = deque_find(d, args[0], 0, static_cast<int64_t>(d->size));
  if (i == -2) return nullptr;
  if (i < 0) return set_errorf(exc::ValueError, "%R is not in deque", args[0]);
  decref(deque_take(d, static_cast<size_t>(i)));
  return none();
}

Ref<Object> deque_insert(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("insert", kw) || !check_nargs("insert", nargs, 2, 2)) return nullptr;
  Deque* d = as_deque(self);
  int64_t where;
  if (!as_ssize(args[0], &where)) return nullptr;
  if (d->maxlen >= 0 && d->size >= static_cast<size_t>(d->maxlen))
    return set_error(exc::IndexError, "deque already at its maximum size");
  int64_t len = static_cast<int64_t>(d->size);
  if (where < 0) where = std::max<int64_t>(0, where + len);
  if (where > len) where = len;
  if (!grow(d)) return nullptr;
  // Open a gap at `where` by pushing a placeholder at the right end and
  // shifting the tail one slot right.
  incref(args[1]);
  push_right(d, nullptr);
  for (size_t k = d->size - 1; k > static_cast<size_t>(where); k--) slot(d, k) = slot(d, k - 1);
  slot(d, static_cast<size_t>(where)) = args[1];
  return none();
}

Ref<Object> deque_copy_of(Deque* d) {
  Ref<Object> items = sequence_to_list(d);   // snapshot (d may be a subclass)
  if (!items) return nullptr;
  if (d->type == &DequeType) {
    Deque* c = alloc<Deque>(&DequeType);
    if (!c) return nullptr;
    Ref<Object> r = steal<Object>(c);
    c->maxlen = d->maxlen;
    if (!deque_extend_from(c, items.get(), false)) return nullptr;
    return r;
  }
  // A subclass: call it as deque's own copy does, type(d)(d, maxlen).
  Ref<Object> maxlen = d->maxlen < 0 ? none() : int_from_i64(d->maxlen);
  Object* cargs[2] = {d, maxlen.get()};
  if (d->maxlen < 0) return call(d->type, cargs, 1);
  return call(d->type, cargs, 2);
}

Ref<Object> deque_copy(Object* self, Object* const*, size_t nargs, Tuple* kw) {
  if (!no_arg("copy", nargs, kw)) return nullptr;
  return deque_copy_of(as_deque(self));
}

// __reduce__: (type, (), None, iter(d)) or (type, ((), maxlen), None, iter(d))
// — copy.deepcopy and pickle rebuild the deque by appending the items.
Ref<Object> deque_reduce(Object* self, Object* const*, size_t nargs, Tuple* kw) {
  if (!no_arg("__reduce__", nargs, kw)) return nullptr;
  Deque* d = as_deque(self);
  Ref<Object> it = get_iter(self);
  if (!it) return nullptr;
  Ref<Object> args;
  if (d->maxlen < 0) {
    args = empty_tuple();
  } else {
    Ref<Object> maxlen = int_from_i64(d->maxlen);
    Ref<Object> empty = empty_tuple();
    args = tuple_pack({empty.get(), maxlen.get()});
  }
  if (!args) return nullptr;
  return tuple_pack({d->type, args.get(), None, it.get()});
}

// deque[int] -> types.GenericAlias (PEP 585), for annotations.
Ref<Object> deque_class_getitem(Object* cls, Object* const* args, size_t nargs, Tuple* kw) {
  if (!one_arg("__class_getitem__", nargs, kw)) return nullptr;
  return generic_alias_new(cls, args[0]);
}

Ref<Object> deque_sizeof(Object* self, Object* const*, size_t, Tuple*) {
  Deque* d = as_deque(self);
  return int_from_i64(static_cast<int64_t>(sizeof(Deque) + d->cap * sizeof(Object*)));
}

Ref<Object> deque_get_maxlen(Object* self) {
  Deque* d = as_deque(self);
  if (d->maxlen < 0) return none();
  return int_from_i64(d->maxlen);
}

// ---- the sequence protocol ---------------------------------------------------------------

int64_t deque_length(Object* self) { return static_cast<int64_t>(as_deque(self)->size); }

// Turns a subscript into a position in [0, size), with deque's messages.
bool deque_position(Deque* d, Object* key, size_t* out) {
  if (!type_of(key)->nb_index) {
    set_errorf(exc::TypeError, "sequence index must be integer, not '%T'", key);
    return false;
  }
  int64_t i;
  if (!seq_index_arg(key, "deque", &i)) return false;
  if (i < 0) i += static_cast<int64_t>(d->size);
  if (i < 0 || static_cast<size_t>(i) >= d->size) {
    set_error(exc::IndexError, "deque index out of range");
    return false;
  }
  *out = static_cast<size_t>(i);
  return true;
}

Ref<Object> deque_subscript(Object* self, Object* key) {
  Deque* d = as_deque(self);
  size_t i;
  if (!deque_position(d, key, &i)) return nullptr;
  return borrow(slot(d, i));
}

int deque_ass_subscript(Object* self, Object* key, Object* value) {
  Deque* d = as_deque(self);
  size_t i;
  if (!deque_position(d, key, &i)) return -1;
  if (!value) {
    decref(deque_take(d, i));
    return 0;
  }
  incref(value);
  Object* old = slot(d, i);
  slot(d, i) = value;
  decref(old);
  return 0;
}

int deque_contains(Object* self, Object* value) {
  Deque* d = as_deque(self);
  int64_t i = deque_find(d, value, 0, static_cast<int64_t>(d->size));
  if (i == -2) return -1;
  return i >= 0;
}

Ref<Object> deque_repr(Object* self) {
  Deque* d = as_deque(self);
  std::string name(type_name(d->type));
  ReprGuard guard(self);
  if (guard.recursive()) return str_from("[...]");
  Ref<Object> items = sequence_to_list(self);
  if (!items) return nullptr;
  Ref<Object> body = repr(items.get());
  if (!body) return nullptr;
  std::string out = name + "(" + std::string(str_view(body.get()));
  if (d->maxlen >= 0) out += ", maxlen=" + std::to_string(d->maxlen);
  out += ")";
  return str_from(out);
}

// Lexicographic comparison, as for lists (both operands must be deques).
Ref<Object> deque_richcompare(Object* a, Object* b, CompareOp op) {
  if (!deque_check(a) || !deque_check(b)) return not_implemented();
  Ref<Object> la = sequence_to_list(a), lb = sequence_to_list(b);
  if (!la || !lb) return nullptr;
  return rich_compare(la.get(), lb.get(), op);
}

Ref<Object> deque_add(Object* a, Object* b) {
  if (!deque_check(a)) return not_implemented();
  if (!deque_check(b))
    return set_errorf(exc::TypeError, "can only concatenate deque (not \"%T\") to deque", b);
  Ref<Object> r = deque_copy_of(as_deque(a));
  if (!r) return nullptr;
  if (!deque_extend_from(as_deque(r.get()), b, false)) return nullptr;
  return r;
}

Ref<Object> deque_inplace_add(Object* a, Object* b) {
  if (!deque_extend_from(as_deque(a), b, false)) return nullptr;
  return borrow(a);
}

// d *= n: repeat the current items n times in place (maxlen still applies).
bool deque_repeat_in_place(Deque* d, int64_t n) {
  if (n <= 0) { deque_clear_items(d); return true; }
  Ref<Object> items = sequence_to_list(d);
  if (!items) return false;
  for (int64_t k = 1; k < n; k++)
    if (!deque_extend_from(d, items.get(), false)) return false;
  return true;
}

Ref<Object> deque_mul(Object* a, Object* b) {
  Object* dq = deque_check(a) ? a : b;
  Object* count = dq == a ? b : a;
  if (!type_of(count)->nb_index) return not_implemented();
  int64_t n;
  if (!as_ssize(count, &n)) return nullptr;
  Ref<Object> r = deque_copy_of(as_deque(dq));
  if (!r || !deque_repeat_in_place(as_deque(r.get()), n)) return nullptr;
  return r;
}

Ref<Object> deque_inplace_mul(Object* a, Object* b) {
  if (!type_of(b)->nb_index) return not_implemented();
  int64_t n;
  if (!as_ssize(b, &n)) return nullptr;
  if (!deque_repeat_in_place(as_deque(a), n)) return nullptr;
  return borrow(a);
}

// ---- iterators -----------------------------------------------------------------------------

struct DequeIter : Object {
  Deque* deque = nullptr;   // strong
  size_t index = 0;         // next position (from the left, or from the right)
  uint64_t state = 0;       // the deque's state when the iterator was made
};

void dequeiter_dealloc(Object* self) {
  auto* it = static_cast<DequeIter*>(self);
  xdecref(it->deque);
  destroy_object(it);
}

void dequeiter_traverse(Object* self, VisitFn visit, void* arg) {
  auto* it = static_cast<DequeIter*>(self);
  if (it->deque) visit(it->deque, arg);
}

Ref<Object> make_iter(Object* self, TypeObject* type) {
  auto* it = alloc<DequeIter>(type);
  if (!it) return nullptr;
  incref(self);
  it->deque = as_deque(self);
  it->state = it->deque->state;
  return steal<Object>(it);
}

Ref<Object> deque_iter(Object* self) { return make_iter(self, &DequeIterType); }

Ref<Object> deque_reversed(Object* self, Object* const*, size_t nargs, Tuple* kw) {
  if (!no_arg("__reversed__", nargs, kw)) return nullptr;
  return make_iter(self, &DequeRevIterType);
}

// Shared by both directions: the position of the next item, or false
// when exhausted (with RuntimeError set if the deque changed size).
bool dequeiter_advance(DequeIter* it, size_t* pos) {
  Deque* d = it->deque;
  if (!d) return false;
  if (d->state != it->state) {
    set_error(exc::RuntimeError, "deque mutated during iteration");
    return false;
  }
  if (it->index >= d->size) {
    it->deque = nullptr;   // exhausted for good: drop the deque
    decref(d);
    return false;
  }
  *pos = it->index++;
  return true;
}

Ref<Object> dequeiter_next(Object* self) {
  auto* it = static_cast<DequeIter*>(self);
  size_t pos;
  if (!dequeiter_advance(it, &pos)) return nullptr;
  return borrow(slot(it->deque, pos));
}

Ref<Object> dequereviter_next(Object* self) {
  auto* it = static_cast<DequeIter*>(self);
  size_t pos;
  if (!dequeiter_advance(it, &pos)) return nullptr;
  return borrow(slot(it->deque, it->deque->size - 1 - pos));
}

Ref<Object> dequeiter_length_hint(Object* self, Object* const*, size_t, Tuple*) {
  auto* it = static_cast<DequeIter*>(self);
  size_t left = it->deque && it->index < it->deque->size ? it->deque->size - it->index : 0;
  return int_from_i64(static_cast<int64_t>(left));
}

Ref<Object> self_iter(Object* self) { return borrow(self); }

// ---- _tuplegetter ----------------------------------------------------------------------------

struct TupleGetter : Object {
  int64_t index = 0;
  Ref<Object> doc;
};

void tuplegetter_dealloc(Object* self) {
  destroy_object(static_cast<TupleGetter*>(self));
}

Ref<Object> tuplegetter_new(TypeObject* type, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("_tuplegetter", kwnames) || !check_nargs("_tuplegetter", nargs, 2, 2))
    return nullptr;
  int64_t index;
  if (!as_ssize(args[0], &index)) return nullptr;
  auto* g = alloc<TupleGetter>(type);
  if (!g) return nullptr;
  g->index = index;
  g->doc = borrow(args[1]);
  return steal<Object>(g);
}

// Point.x -> the descriptor itself; p.x -> p[index].
Ref<Object> tuplegetter_get(Object* self, Object* obj, Object*) {
  auto* g = static_cast<TupleGetter*>(self);
  if (!obj || obj == None) return borrow(self);
  if (!tuple_check(obj)) {
    return set_errorf(exc::TypeError,
                      "descriptor for index '%zd' for tuple subclasses doesn't apply to '%T' object",
                      static_cast<ssize_t>(g->index), obj);
  }
  Tuple* t = static_cast<Tuple*>(obj);
  if (g->index < 0 || static_cast<size_t>(g->index) >= t->size)
    return set_error(exc::IndexError, "tuple index out of range");
  return borrow(t->items[g->index]);
}

int tuplegetter_set(Object*, Object*, Object* value) {
  set_error(exc::AttributeError, value ? "can't set attribute" : "can't delete attribute");
  return -1;
}

Ref<Object> tuplegetter_repr(Object* self) {
  auto* g = static_cast<TupleGetter*>(self);
  Ref<Object> doc = repr(g->doc.get());
  if (!doc) return nullptr;
  return str_from("_tuplegetter(" + std::to_string(g->index) + ", " +
                  std::string(str_view(doc.get())) + ")");
}

Ref<Object> tuplegetter_get_doc(Object* self) { return static_cast<TupleGetter*>(self)->doc; }
int tuplegetter_set_doc(Object* self, Object* value) {
  static_cast<TupleGetter*>(self)->doc = value ? borrow(value) : none();
  return 0;
}

// ---- tables -------------------------------------------------------------------------------------

const MethodDef deque_methods[] = {
    {"append", deque_append, MethodKind::Instance, "Add an element to the right side of the deque."},
    {"appendleft", deque_appendleft, MethodKind::Instance, "Add an element to the left side of the deque."},
    {"pop", deque_pop, MethodKind::Instance, "Remove and return the rightmost element."},
    {"popleft", deque_popleft, MethodKind::Instance, "Remove and return the leftmost element."},
    {"extend", deque_extend, MethodKind::Instance, "Extend the right side of the deque with elements from the iterable"},
    {"extendleft", deque_extendleft, MethodKind::Instance, "Extend the left side of the deque with elements from the iterable"},
    {"clear", deque_clear, MethodKind::Instance, "Remove all elements from the deque."},
    {"copy", deque_copy, MethodKind::Instance, "Return a shallow copy of a deque."},
    {"__copy__", deque_copy, MethodKind::Instance, "Return a shallow copy of a deque."},
    {"count", deque_count, MethodKind::Instance, "D.count(value) -- return number of occurrences of value"},
    {"index", deque_index, MethodKind::Instance, "D.index(value, [start, [stop]]) -- return first index of value."},
    {"insert", deque_insert, MethodKind::Instance, "D.insert(index, object) -- insert object before index"},
    {"remove", deque_remove, MethodKind::Instance, "D.remove(value) -- remove first occurrence of value."},
    {"reverse", deque_reverse, MethodKind::Instance, "D.reverse() -- reverse *IN PLACE*"},
    {"rotate", deque_rotate, MethodKind::Instance, "Rotate the deque n steps to the right (default n=1).  If n is negative, rotates left."},
    {"__reversed__", deque_reversed, MethodKind::Instance, "D.__reversed__() -- return a reverse iterator over the deque"},
    {"__reduce__", deque_reduce, MethodKind::Instance, "Return state information for pickling."},
    {"__sizeof__", deque_sizeof, MethodKind::Instance, "D.__sizeof__() -- size of D in memory, in bytes"},
    {"__class_getitem__", deque_class_getitem, MethodKind::Class, "See PEP 585"},
    {nullptr, nullptr}};

const GetSetDef deque_getset[] = {
    {"maxlen", deque_get_maxlen, nullptr, "maximum size of a deque or None if unbounded"},
    {nullptr, nullptr}};

const MethodDef dequeiter_methods[] = {
    {"__length_hint__", dequeiter_length_hint, MethodKind::Instance, "Private method returning an estimate of len(list(it))."},
    {nullptr, nullptr}};

const GetSetDef tuplegetter_getset[] = {
    {"__doc__", tuplegetter_get_doc, tuplegetter_set_doc, nullptr},
    {nullptr, nullptr}};

void init_deque_type() {
  TypeObject& t = DequeType;
  t.type = &TypeType;
  t.name = "collections.deque";
  t.doc = "A list-like sequence optimized for data accesses near its endpoints.";
  t.flags = kBaseType | kHaveGC;
  t.basic_size = sizeof(Deque);
  {
    Deque probe;
    t.weaklist_offset = reinterpret_cast<char*>(&probe.weakreflist) - reinterpret_cast<char*>(&probe);
  }
  t.base = &ObjectType;
  t.dealloc = deque_dealloc;
  t.traverse = deque_traverse;
  t.clear = deque_clear_slot;
  t.repr = deque_repr;
  t.hash = hash_not_implemented;
  t.richcompare = deque_richcompare;
  t.iter = deque_iter;
  t.new_ = deque_new;
  t.init = deque_init;
  t.nb_binary[static_cast<int>(BinaryOp::Add)] = deque_add;
  t.nb_binary[static_cast<int>(BinaryOp::Mul)] = deque_mul;
  t.nb_inplace[static_cast<int>(BinaryOp::Add)] = deque_inplace_add;
  t.nb_inplace[static_cast<int>(BinaryOp::Mul)] = deque_inplace_mul;
  t.sq_length = deque_length;
  t.mp_subscript = deque_subscript;
  t.mp_ass_subscript = deque_ass_subscript;
  t.sq_contains = deque_contains;
  t.methods = deque_methods;
  t.getset = deque_getset;
}

void init_iter_type(TypeObject& t, const char* name, UnaryFn next) {
  t.type = &TypeType;
  t.name = name;
  t.flags = kHaveGC;
  t.basic_size = sizeof(DequeIter);
  t.base = &ObjectType;
  t.dealloc = dequeiter_dealloc;
  t.traverse = dequeiter_traverse;
  t.iter = self_iter;
  t.iternext = next;
  t.methods = dequeiter_methods;
}

void init_tuplegetter_type() {
  TypeObject& t = TupleGetterType;
  t.type = &TypeType;
  t.name = "_collections._tuplegetter";
  t.basic_size = sizeof(TupleGetter);
  t.base = &ObjectType;
  t.dealloc = tuplegetter_dealloc;
  t.new_ = tuplegetter_new;
  t.repr = tuplegetter_repr;
  t.descr_get = tuplegetter_get;
  t.descr_set = tuplegetter_set;
  t.getset = tuplegetter_getset;
}

bool ready_types() {
  static bool ready = false;
  if (ready) return true;
  init_deque_type();
  init_iter_type(DequeIterType, "_collections._deque_iterator", dequeiter_next);
  init_iter_type(DequeRevIterType, "_collections._deque_reverse_iterator", dequereviter_next);
  init_tuplegetter_type();
  for (TypeObject* t : {&DequeType, &DequeIterType, &DequeRevIterType, &TupleGetterType})
    if (!type_ready(t)) return false;
  ready = true;
  return true;
}

}  // namespace

Ref<Object> make__collections_module() {
  if (!ready_types()) return nullptr;
  Ref<Object> m = module_new_builtin("_collections");
  if (!m) return nullptr;
  if (!module_add_object(m.get(), "deque", &DequeType) ||
      !module_add_object(m.get(), "_deque_iterator", &DequeIterType) ||
      !module_add_object(m.get(), "_deque_reverse_iterator", &DequeRevIterType) ||
      !module_add_object(m.get(), "_tuplegetter", &TupleGetterType))
    return nullptr;
  return m;
}

}  // namespace coil::runtime
