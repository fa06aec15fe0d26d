// list.cpp — the list type: a growable array of references.
//
// Layout: `items` points to a separate heap array of `capacity` slots of
// which the first `size` hold strong references.  Appending grows the
// array with CPython 3.11's over-allocation (newsize + newsize/8 + 6,
// rounded to a multiple of 4), so a run of appends is amortised O(1) and
// sys.getsizeof reports the same capacities as CPython (4, 8, 16, 24 ...).
//
// The hard part of a list is that Python code can run in the middle of
// any operation — an item's __eq__, __del__ or __repr__ — and that code
// may mutate the very list being worked on.  The rules followed here,
// as in CPython:
//  * never hold a pointer into `items` across a call into Python; re-read
//    `items` and `size` after each one;
//  * take a new reference to an item before comparing it, so a mutation
//    cannot free it under us;
//  * when removing items, first make the list consistent, then release the
//    old references (a __del__ then sees a valid list).
#include "runtime/list.h"

#include <climits>
#include <cstdlib>
#include <string>
#include <vector>

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
#include "runtime/tuple.h"
#include "runtime/type.h"

namespace coil::runtime {

TypeObject ListType;
TypeObject ListIterType;
TypeObject ListRevIterType;

namespace {

inline List* as_list(Object* o) { return static_cast<List*>(o); }

// Resizes the item array to hold `newsize` items (CPython's list_resize).
// Slots between the old and the new size are left uninitialised: the
// caller fills them.  Returns false with MemoryError set.
bool list_resize(List* l, size_t newsize) {
  size_t allocated = l->capacity == kListSorting ? 0 : l->capacity;
  if (allocated >= newsize && newsize >= (allocated >> 1)) {
    l->size = newsize;
    return true;
  }
  size_t new_allocated = (newsize + (newsize >> 3) + 6) & ~static_cast<size_t>(3);
  // Do not over-allocate when the growth is a big jump (e.g. extend).
  if (newsize - l->size > new_allocated - newsize)
    new_allocated = (newsize + 3) & ~static_cast<size_t>(3);
  if (newsize == 0) new_allocated = 0;
  if (new_allocated > (static_cast<size_t>(INT64_MAX) / sizeof(Object*))) {
    no_memory();
    return false;
  }
  Object** items = l->capacity == kListSorting ? nullptr : l->items;
  Object** p = static_cast<Object**>(std::realloc(items, new_allocated * sizeof(Object*)));
  if (!p && new_allocated) {
    no_memory();
    return false;
  }
  l->items = p;
  l->size = newsize;
  l->capacity = new_allocated;
  return true;
}

// Releases the references in old[0..n) and frees the array (after the list
// itself has been made consistent).
void release_items(Object** old, size_t n) {
  for (size_t i = n; i-- > 0;) xdecref(old[i]);
  std::free(old);
}

}  // namespace

bool list_check(const Object* o) {
  return o->type == &ListType || type_has(o->type, kListSubclass);
}

Ref<List> list_new(size_t size) {
  List* l = alloc<List>(&ListType);
  if (!l) return nullptr;
  if (size > 0) {
    if (size > static_cast<size_t>(INT64_MAX) / sizeof(Object*)) {
      decref(l);
      return steal(static_cast<List*>(no_memory()));
    }
    l->items = static_cast<Object**>(std::calloc(size, sizeof(Object*)));
    if (!l->items) {
      decref(l);
      return steal(static_cast<List*>(no_memory()));
    }
    l->size = l->capacity = size;
  }
  return steal(l);
}

bool list_append(List* list, Object* item) {
  size_t n = list->size;
  if (n < list->capacity && list->capacity != kListSorting) {
    incref(item);
    list->items[n] = item;
    list->size = n + 1;
    return true;
  }
  if (!list_resize(list, n + 1)) return false;
  incref(item);
  list->items[n] = item;
  return true;
}

bool list_insert(List* l, int64_t where, Object* item) {
  int64_t n = static_cast<int64_t>(l->size);
  if (where < 0) { where += n; if (where < 0) where = 0; }
  if (where > n) where = n;
  if (!list_resize(l, l->size + 1)) return false;
  for (int64_t i = n; i > where; i--) l->items[i] = l->items[i - 1];
  incref(item);
  l->items[where] = item;
  return true;
}

bool list_extend(List* list, Object* iterable) {
  // Fast path: exact lists and tuples copy their array (also list.extend(self)).
  if (iterable->type == &ListType || iterable->type == &TupleType) {
    Object** src;
    size_t n;
    if (iterable->type == &ListType) { src = as_list(iterable)->items; n = as_list(iterable)->size; }
    else { src = static_cast<Tuple*>(iterable)->items; n = static_cast<Tuple*>(iterable)->size; }
    if (n == 0) return true;
    size_t old = list->size;
    if (!list_resize(list, old + n)) return false;
    if (iterable == list) src = list->items;   // may have moved
    for (size_t i = 0; i < n; i++) { incref(src[i]); list->items[old + i] = src[i]; }
    return true;
  }
  Ref<Object> it = get_iter(iterable);
  if (!it) return false;
  for (;;) {
    Ref<Object> item = iter_next(it.get());
    if (!item) return !error_occurred();
    // Steal the new reference into the list.
    size_t n = list->size;
    if (n < list->capacity && list->capacity != kListSorting) {
      list->items[n] = item.release();
      list->size = n + 1;
    } else {
      if (!list_resize(list, n + 1)) return false;
      list->items[n] = item.release();
    }
  }
}

Ref<Object> list_as_tuple(List* l) {
  return tuple_from_array(l->items, l->size);
}

Ref<List> list_get_slice(List* l, size_t lo, size_t hi) {
  if (hi > l->size) hi = l->size;
  if (hi <= lo) return list_new(0);
  Ref<List> r = list_new(hi - lo);
  if (!r) return nullptr;
  for (size_t i = lo; i < hi; i++) { incref(l->items[i]); r->items[i - lo] = l->items[i]; }
  return r;
}

void list_reverse_in_place(List* l) {
  if (l->size < 2) return;
  Object** lo = l->items;
  Object** hi = l->items + l->size - 1;
  while (lo < hi) { Object* t = *lo; *lo++ = *hi; *hi-- = t; }
}

void list_clear(List* l) {
  Object** old = l->items;
  size_t n = l->size;
  l->items = nullptr;
  l->size = 0;
  l->capacity = 0;
  release_items(old, n);
}

// ---- slice assignment ------------------------------------------------------------

namespace {

// a[lo:hi] = v (v null: delete), step 1.  CPython's list_ass_slice.
int list_ass_simple_slice(List* a, int64_t lo, int64_t hi, Object* v) {
  // Turn the value into an array first: `v` may be `a` itself or any
  // iterable whose iteration runs Python code.
  Ref<Object> seq;
  Object** vitems = nullptr;
  size_t vn = 0;
  if (v) {
    if (v == a) {
      seq = list_get_slice(a, 0, a->size);
    } else if (v->type == &ListType || v->type == &TupleType) {
      seq = borrow(v);
    } else {
      seq = sequence_to_list(v);
      if (!seq) {
        if (error_matches(exc::TypeError)) {
          clear_error();
          set_error(exc::TypeError, "can only assign an iterable");
        }
        return -1;
      }
    }
    if (!seq) return -1;
    if (seq->type == &TupleType) { vitems = static_cast<Tuple*>(seq.get())->items; vn = static_cast<Tuple*>(seq.get())->size; }
    else { vitems = as_list(seq.get())->items; vn = as_list(seq.get())->size; }
  }
  int64_t n = static_cast<int64_t>(a->size);
  if (lo < 0) lo = 0; else if (lo > n) lo = n;
  if (hi < lo) hi = lo; else if (hi > n) hi = n;
  size_t norig = static_cast<size_t>(hi - lo);
  // Save the references being replaced; release them at the end.
  std::vector<Object*> recycled(a->items + lo, a->items + hi);
  int64_t d = static_cast<int64_t>(vn) - static_cast<int64_t>(norig);
  if (d < 0) {
    for (int64_t i = hi; i < n; i++) a->items[i + d] = a->items[i];
    list_resize(a, static_cast<size_t>(n + d));   // shrinking cannot fail
  } else if (d > 0) {
    if (!list_resize(a, static_cast<size_t>(n + d))) return -1;
    for (int64_t i = n; i-- > hi;) a->items[i + d] = a->items[i];
  }
  for (size_t k = 0; k < vn; k++) { incref(vitems[k]); a->items[lo + k] = vitems[k]; }
  for (size_t i = recycled.size(); i-- > 0;) xdecref(recycled[i]);
  return 0;
}

// del a[start::step] for step != 1.
int list_del_extended(List* a, int64_t start, int64_t step, int64_t slicelength) {
  if (slicelength <= 0) return 0;
  if (step < 0) {   // normalise to a forward walk
    start = start + step * (slicelength - 1);
    step = -step;
  }
  std::vector<Object*> garbage;
  garbage.reserve(static_cast<size_t>(slicelength));
  int64_t n = static_cast<int64_t>(a->size);
  int64_t out = start;
  for (int64_t cur = start, i = 0; cur < n; cur++) {
    if (i < slicelength && cur == start + i * step) { garbage.push_back(a->items[cur]); i++; continue; }
    a->items[out++] = a->items[cur];
  }
  list_resize(a, static_cast<size_t>(n - slicelength));
  for (Object* g : garbage) decref(g);
  return 0;
}

int list_ass_subscript(Object* self, Object* key, Object* value) {
  List* a = as_list(self);
  if (!slice_check(key)) {
    int64_t i;
    if (!seq_index_arg(key, "list", &i)) return -1;
    if (i < 0) i += static_cast<int64_t>(a->size);
    if (i < 0 || i >= static_cast<int64_t>(a->size)) {
      set_error(exc::IndexError, "list assignment index out of range");
      return -1;
    }
    if (value == nullptr) return list_ass_simple_slice(a, i, i + 1, nullptr);
    Object* old = a->items[i];
    incref(value);
    a->items[i] = value;
    decref(old);
    return 0;
  }
  int64_t start, stop, step, slicelength;
  if (!slice_unpack(key, static_cast<int64_t>(a->size), &start, &stop, &step, &slicelength)) return -1;
  if (step == 1) return list_ass_simple_slice(a, start, stop, value);
  if (value == nullptr) return list_del_extended(a, start, step, slicelength);
  // Extended slice assignment: the sizes must match exactly.
  Ref<Object> seq;
  if (value == self) seq = list_get_slice(a, 0, a->size);
  else if (value->type == &ListType || value->type == &TupleType) seq = borrow(value);
  else {
    seq = sequence_to_list(value);
    if (!seq && error_matches(exc::TypeError)) {
      clear_error();
      set_error(exc::TypeError, "must assign iterable to extended slice");
    }
  }
  if (!seq) return -1;
  Object** vitems;
  size_t vn;
  if (seq->type == &TupleType) { vitems = static_cast<Tuple*>(seq.get())->items; vn = static_cast<Tuple*>(seq.get())->size; }
  else { vitems = as_list(seq.get())->items; vn = as_list(seq.get())->size; }
  if (static_cast<int64_t>(vn) != slicelength) {
    set_errorf(exc::ValueError, "attempt to assign sequence of size %zd to extended slice of size %zd",
               static_cast<ssize_t>(vn), static_cast<ssize_t>(slicelength));
    return -1;
  }
  std::vector<Object*> garbage;
  garbage.reserve(vn);
  for (int64_t i = 0, cur = start; i < slicelength; i++, cur += step) {
    garbage.push_back(a->items[cur]);
    incref(vitems[i]);
    a->items[cur] = vitems[i];
  }
  for (Object* g : garbage) decref(g);
  return 0;
}

// ---- slots -----------------------------------------------------------------------

void list_dealloc(Object* self) {
  List* l = as_list(self);
  if (l->capacity != kListSorting) release_items(l->items, l->size);
  destroy_object(l);
}

// Last item first, as CPython's list_traverse (gc.get_referents shows it).
void list_traverse(Object* self, VisitFn visit, void* arg) {
  List* l = as_list(self);
  if (!l->items) return;
  for (size_t i = l->size; i-- > 0;)
    if (l->items[i]) visit(l->items[i], arg);
}

void list_clear_slot(Object* self) { list_clear(as_list(self)); }

Ref<Object> list_repr(Object* self) {
  List* l = as_list(self);
  if (l->size == 0) return str_from("[]");
  ReprGuard guard(self);
  if (guard.recursive()) return str_from("[...]");
  std::string out = "[";
  for (size_t i = 0; i < l->size; i++) {   // size re-read: __repr__ may mutate
    if (i) out += ", ";
    Ref<Object> item = borrow(l->items[i]);
    Ref<Object> r = repr(item.get());
    if (!r) return nullptr;
    out += str_view(r.get());
  }
  out += "]";
  return str_from(out);
}

Ref<Object> list_richcompare(Object* a, Object* b, CompareOp op) {
  if (!list_check(a) || !list_check(b)) return not_implemented();
  return seq_richcompare(&as_list(a)->items, &as_list(a)->size,
                         &as_list(b)->items, &as_list(b)->size, op);
}

int64_t list_length(Object* self) { return static_cast<int64_t>(as_list(self)->size); }

Ref<Object> list_subscript(Object* self, Object* key) {
  List* l = as_list(self);
  if (int_check_exact(key)) {   // the hot path: l[i] with a small int
    int64_t i;
    if (int_fits_i64(key, &i)) {
      if (i < 0) i += static_cast<int64_t>(l->size);
      if (static_cast<uint64_t>(i) >= l->size) return set_error(exc::IndexError, "list index out of range");
      return borrow(l->items[i]);
    }
  }
  if (slice_check(key)) {
    int64_t start, stop, step, n;
    if (!slice_unpack(key, static_cast<int64_t>(l->size), &start, &stop, &step, &n)) return nullptr;
    if (step == 1) return list_get_slice(l, static_cast<size_t>(start), static_cast<size_t>(start + n));
    Ref<List> r = list_new(static_cast<size_t>(n));
    if (!r) return nullptr;
    for (int64_t i = 0, cur = start; i < n; i++, cur += step) {
      incref(l->items[cur]);
      r->items[i] = l->items[cur];
    }
    return r;
  }
  int64_t i;
  if (!seq_index_arg(key, "list", &i)) return nullptr;
  if (i < 0) i += static_cast<int64_t>(l->size);
  if (i < 0 || i >= static_cast<int64_t>(l->size)) return set_error(exc::IndexError, "list index out of range");
  return borrow(l->items[i]);
}

int list_contains(Object* self, Object* item) {
  List* l = as_list(self);
  for (size_t i = 0; i < l->size; i++) {
    Ref<Object> x = borrow(l->items[i]);
    int k = equal(x.get(), item);
    if (k != 0) return k;
  }
  return 0;
}

Ref<Object> list_add(Object* a, Object* b) {
  if (!list_check(a)) return not_implemented();
  if (!list_check(b)) {
    BinaryFn theirs = b->type->nb_binary[static_cast<int>(BinaryOp::Add)];
    if (theirs && theirs != list_add) {
      Ref<Object> r = theirs(a, b);
      if (!r || r.get() != NotImplemented) return r;
    }
    return set_errorf(exc::TypeError, "can only concatenate list (not \"%T\") to list", b);
  }
  List* la = as_list(a);
  List* lb = as_list(b);
  Ref<List> r = list_new(la->size + lb->size);
  if (!r) return nullptr;
  for (size_t i = 0; i < la->size; i++) { incref(la->items[i]); r->items[i] = la->items[i]; }
  for (size_t i = 0; i < lb->size; i++) { incref(lb->items[i]); r->items[la->size + i] = lb->items[i]; }
  return r;
}

Ref<Object> list_repeat(List* l, int64_t n) {
  if (n <= 0 || l->size == 0) return list_new(0);
  if (static_cast<uint64_t>(n) > (INT64_MAX / 8) / l->size) return no_memory_error();
  size_t src_n = l->size;
  Ref<List> r = list_new(src_n * static_cast<size_t>(n));
  if (!r) return nullptr;
  size_t k = 0;
  for (int64_t j = 0; j < n; j++)
    for (size_t i = 0; i < src_n; i++) { incref(l->items[i]); r->items[k++] = l->items[i]; }
  return r;
}

// Shared by * and *=: finds the sequence and the count, with the message
// for a non-integer count.  Returns false (no error) when the other
// operand's slot should be tried.
Ref<Object> list_mul(Object* a, Object* b) {
  Object* seq = list_check(a) ? a : b;
  Object* count = seq == a ? b : a;
  if (!count->type->nb_index) {
    if (seq == a) {
      BinaryFn theirs = b->type->nb_binary[static_cast<int>(BinaryOp::Mul)];
      if (theirs && theirs != list_mul) {
        Ref<Object> r = theirs(a, b);
        if (!r || r.get() != NotImplemented) return r;
      }
    }
    return set_errorf(exc::TypeError, "can't multiply sequence by non-int of type '%T'", count);
  }
  int64_t n;
  if (!repeat_count(count, &n)) return nullptr;
  return list_repeat(as_list(seq), n);
}

Ref<Object> list_inplace_add(Object* a, Object* b) {
  if (!list_check(a)) return not_implemented();
  if (!list_extend(as_list(a), b)) return nullptr;
  return borrow(a);
}

Ref<Object> list_inplace_mul(Object* a, Object* b) {
  if (!list_check(a)) return not_implemented();
  if (!b->type->nb_index)
    return set_errorf(exc::TypeError, "can't multiply sequence by non-int of type '%T'", b);
  int64_t n;
  if (!repeat_count(b, &n)) return nullptr;
  List* l = as_list(a);
  if (n <= 0 || l->size == 0) {
    list_clear(l);
    return borrow(a);
  }
  if (n == 1) return borrow(a);
  size_t size = l->size;
  if (static_cast<uint64_t>(n) > (INT64_MAX / 8) / size) return no_memory_error();
  if (!list_resize(l, size * static_cast<size_t>(n))) return nullptr;
  for (int64_t j = 1; j < n; j++)
    for (size_t i = 0; i < size; i++) { incref(l->items[i]); l->items[j * size + i] = l->items[i]; }
  return borrow(a);
}

Ref<Object> list_new_slot(TypeObject* type, Object* const*, size_t, Tuple*) {
  List* l = alloc_instance<List>(type, &ListType);
  if (!l) return nullptr;
  return steal<Object>(l);
}

// list.__init__(iterable=()): clears, then extends.
int list_init(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (self->type == &ListType && !check_no_kwargs("list", kwnames)) return -1;
  if (!check_nargs("list", nargs, 0, 1)) return -1;
  List* l = as_list(self);
  if (l->size) list_clear(l);
  if (nargs == 1 && !list_extend(l, args[0])) return -1;
  return 0;
}

Ref<Object> list_iter(Object* self);

// ---- methods -----------------------------------------------------------------------

#define NO_KW(name) if (!check_no_kwargs(name, kwnames)) return nullptr

Ref<Object> list_append_meth(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  NO_KW("append");
  if (nargs != 1)
    return set_errorf(exc::TypeError, "list.append() takes exactly one argument (%zd given)", static_cast<ssize_t>(nargs));
  if (!list_append(as_list(self), args[0])) return nullptr;
  return none();
}

Ref<Object> list_extend_meth(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  NO_KW("extend");
  if (nargs != 1)
    return set_errorf(exc::TypeError, "list.extend() takes exactly one argument (%zd given)", static_cast<ssize_t>(nargs));
  if (!list_extend(as_list(self), args[0])) return nullptr;
  return none();
}

Ref<Object> list_insert_meth(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  NO_KW("insert");
  if (nargs != 2)
    return set_errorf(exc::TypeError, "insert expected 2 arguments, got %zd", static_cast<ssize_t>(nargs));
  int64_t where;
  if (!as_ssize(args[0], &where)) return nullptr;
  if (!list_insert(as_list(self), where, args[1])) return nullptr;
  return none();
}

Ref<Object> list_pop_meth(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  NO_KW("pop");
  if (!check_nargs("pop", nargs, 0, 1)) return nullptr;
  List* l = as_list(self);
  int64_t i = -1;
  if (nargs == 1 && !as_ssize(args[0], &i)) return nullptr;
  if (l->size == 0) return set_error(exc::IndexError, "pop from empty list");
  int64_t n = static_cast<int64_t>(l->size);
  if (i < 0) i += n;
  if (i < 0 || i >= n) return set_error(exc::IndexError, "pop index out of range");
  Ref<Object> item = steal(l->items[i]);
  for (int64_t k = i; k + 1 < n; k++) l->items[k] = l->items[k + 1];
  list_resize(l, static_cast<size_t>(n - 1));
  return item;
}

Ref<Object> list_remove_meth(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  NO_KW("remove");
  if (nargs != 1)
    return set_errorf(exc::TypeError, "list.remove() takes exactly one argument (%zd given)", static_cast<ssize_t>(nargs));
  List* l = as_list(self);
  for (size_t i = 0; i < l->size; i++) {
    Ref<Object> x = borrow(l->items[i]);
    int k = equal(x.get(), args[0]);
    if (k < 0) return nullptr;
    if (k) {
      if (i < l->size && list_ass_simple_slice(l, static_cast<int64_t>(i), static_cast<int64_t>(i) + 1, nullptr) < 0)
        return nullptr;
      return none();
    }
  }
  return set_error(exc::ValueError, "list.remove(x): x not in list");
}

Ref<Object> list_index_meth(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  NO_KW("index");
  if (!check_nargs("index", nargs, 1, 3)) return nullptr;
  List* l = as_list(self);
  int64_t start = 0, stop = INT64_MAX;
  if (nargs > 1 && !slice_index_clamped(args[1], &start)) return nullptr;
  if (nargs > 2 && !slice_index_clamped(args[2], &stop)) return nullptr;
  int64_t n = static_cast<int64_t>(l->size);
  if (start < 0) { start += n; if (start < 0) start = 0; }
  if (stop < 0) { stop += n; if (stop < 0) stop = 0; }
  for (int64_t i = start; i < stop && i < static_cast<int64_t>(l->size); i++) {
    Ref<Object> x = borrow(l->items[i]);
    int k = equal(x.get(), args[0]);
    if (k < 0) return nullptr;
    if (k) return int_from_i64(i);
  }
  return set_errorf(exc::ValueError, "%R is not in list", args[0]);
}

Ref<Object> list_count_meth(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  NO_KW("count");
  if (nargs != 1)
    return set_errorf(exc::TypeError, "list.count() takes exactly one argument (%zd given)", static_cast<ssize_t>(nargs));
  List* l = as_list(self);
  int64_t count = 0;
  for (size_t i = 0; i < l->size; i++) {
    Ref<Object> x = borrow(l->items[i]);
    int k = equal(x.get(), args[0]);
    if (k < 0) return nullptr;
    count += k;
  }
  return int_from_i64(count);
}

Ref<Object> list_clear_meth(Object* self, Object* const*, size_t nargs, Tuple* kwnames) {
  NO_KW("clear");
  if (nargs) return set_errorf(exc::TypeError, "list.clear() takes no arguments (%zd given)", static_cast<ssize_t>(nargs));
  list_clear(as_list(self));
  return none();
}

Ref<Object> list_copy_meth(Object* self, Object* const*, size_t nargs, Tuple* kwnames) {
  NO_KW("copy");
  if (nargs) return set_errorf(exc::TypeError, "list.copy() takes no arguments (%zd given)", static_cast<ssize_t>(nargs));
  List* l = as_list(self);
  return list_get_slice(l, 0, l->size);
}

Ref<Object> list_reverse_meth(Object* self, Object* const*, size_t nargs, Tuple* kwnames) {
  NO_KW("reverse");
  if (nargs) return set_errorf(exc::TypeError, "list.reverse() takes no arguments (%zd given)", static_cast<ssize_t>(nargs));
  list_reverse_in_place(as_list(self));
  return none();
}

Ref<Object> list_sort_meth(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (nargs) return set_error(exc::TypeError, "sort() takes no positional arguments");
  static const ArgSpec spec{"sort", {"key", "reverse"}, 0, 0, 0};
  Object* bound[2] = {nullptr, nullptr};
  if (!bind_args(spec, args, nargs, kwnames, bound)) return nullptr;
  Object* key = bound[0] == None ? nullptr : bound[0];
  bool reverse = false;
  if (bound[1]) {
    int64_t r;
    if (!int_check(bound[1])) {
      set_errorf(exc::TypeError, "'%T' object cannot be interpreted as an integer", bound[1]);
      return nullptr;
    }
    if (!int_to_i64(bound[1], &r)) return nullptr;
    reverse = r != 0;
  }
  if (!list_sort(as_list(self), key, reverse)) return nullptr;
  return none();
}

Ref<Object> list_reversed_meth(Object* self, Object* const*, size_t, Tuple*);

Ref<Object> list_sizeof_meth(Object* self, Object* const*, size_t, Tuple*) {
  List* l = as_list(self);
  size_t cap = l->capacity == kListSorting ? 0 : l->capacity;
  // CPython's PyListObject is 40 bytes (+16 GC header reported by getsizeof).
  return int_from_i64(static_cast<int64_t>(40 + cap * sizeof(Object*)));
}

const MethodDef list_methods[] = {
    {"append", list_append_meth},
    {"extend", list_extend_meth},
    {"insert", list_insert_meth},
    {"pop", list_pop_meth},
    {"remove", list_remove_meth},
    {"index", list_index_meth},
    {"count", list_count_meth},
    {"clear", list_clear_meth},
    {"copy", list_copy_meth},
    {"reverse", list_reverse_meth},
    {"sort", list_sort_meth},
    {"__reversed__", list_reversed_meth},
    {"__sizeof__", list_sizeof_meth},
    {nullptr, nullptr},
};

// ---- iterators ------------------------------------------------------------------------

struct ListIter : Object {
  List* seq = nullptr;   // strong; null once exhausted
  int64_t index = 0;     // next position (reverse iterator: counts down)
};

void listiter_dealloc(Object* self) {
  auto* it = static_cast<ListIter*>(self);
  xdecref(it->seq);
  destroy_object(it);
}

void listiter_traverse(Object* self, VisitFn visit, void* arg) {
  auto* it = static_cast<ListIter*>(self);
  if (it->seq) visit(it->seq, arg);
}

Ref<Object> self_iter(Object* self) { return borrow(self); }

Ref<Object> listiter_next(Object* self) {
  auto* it = static_cast<ListIter*>(self);
  List* l = it->seq;
  if (!l) return nullptr;
  if (static_cast<uint64_t>(it->index) < l->size) return borrow(l->items[it->index++]);
  it->seq = nullptr;
  decref(l);
  return nullptr;
}

Ref<Object> listreviter_next(Object* self) {
  auto* it = static_cast<ListIter*>(self);
  List* l = it->seq;
  if (!l) return nullptr;
  if (it->index >= 0 && static_cast<uint64_t>(it->index) < l->size) return borrow(l->items[it->index--]);
  it->index = -1;
  it->seq = nullptr;
  decref(l);
  return nullptr;
}

Ref<Object> listiter_length_hint(Object* self, Object* const*, size_t, Tuple*) {
  auto* it = static_cast<ListIter*>(self);
  int64_t n = it->seq ? static_cast<int64_t>(it->seq->size) - it->index : 0;
  return int_from_i64(n < 0 ? 0 : n);
}

Ref<Object> listreviter_length_hint(Object* self, Object* const*, size_t, Tuple*) {
  auto* it = static_cast<ListIter*>(self);
  int64_t n = it->seq && static_cast<uint64_t>(it->index) < it->seq->size ? it->index + 1 : 0;
  return int_from_i64(n);
}

const MethodDef listiter_methods[] = {
    {"__length_hint__", listiter_length_hint},
    {nullptr, nullptr},
};
const MethodDef listreviter_methods[] = {
    {"__length_hint__", listreviter_length_hint},
    {nullptr, nullptr},
};

Ref<Object> list_iter(Object* self) {
  auto* it = alloc<ListIter>(&ListIterType);
  if (!it) return nullptr;
  incref(self);
  it->seq = as_list(self);
  return steal<Object>(it);
}

Ref<Object> list_reversed_meth(Object* self, Object* const*, size_t, Tuple*) {
  auto* it = alloc<ListIter>(&ListRevIterType);
  if (!it) return nullptr;
  incref(self);
  it->seq = as_list(self);
  it->index = static_cast<int64_t>(as_list(self)->size) - 1;
  return steal<Object>(it);
}

void init_iter_type(TypeObject& t, const char* name, UnaryFn next, const MethodDef* methods) {
  t.type = &TypeType;
  t.name = name;
  t.flags = kHaveGC;
  t.basic_size = sizeof(ListIter);
  t.base = &ObjectType;
  t.dealloc = listiter_dealloc;
  t.traverse = listiter_traverse;
  t.iter = self_iter;
  t.iternext = next;
  t.methods = methods;
}

}  // namespace

void init_list_type() {
  TypeObject& t = ListType;
  t.type = &TypeType;
  t.name = "list";
  t.doc = "Built-in mutable sequence.";
  t.flags = kBaseType | kHaveGC | kListSubclass;
  t.basic_size = sizeof(List);
  t.base = &ObjectType;
  t.dealloc = list_dealloc;
  t.traverse = list_traverse;
  t.clear = list_clear_slot;
  t.repr = list_repr;
  t.hash = hash_not_implemented;   // unhashable, as CPython's list
  t.richcompare = list_richcompare;
  t.iter = list_iter;
  t.new_ = list_new_slot;
  t.init = list_init;
  t.nb_binary[static_cast<int>(BinaryOp::Add)] = list_add;
  t.nb_binary[static_cast<int>(BinaryOp::Mul)] = list_mul;
  t.nb_inplace[static_cast<int>(BinaryOp::Add)] = list_inplace_add;
  t.nb_inplace[static_cast<int>(BinaryOp::Mul)] = list_inplace_mul;
  t.sq_length = list_length;
  t.mp_subscript = list_subscript;
  t.mp_ass_subscript = list_ass_subscript;
  t.sq_contains = list_contains;
  t.methods = list_methods;

  init_iter_type(ListIterType, "list_iterator", listiter_next, listiter_methods);
  init_iter_type(ListRevIterType, "list_reverseiterator", listreviter_next, listreviter_methods);
}

}  // namespace coil::runtime
