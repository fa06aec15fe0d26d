// set.cpp — set and frozenset, a line-by-line port of CPython 3.11's
// setobject.c table algorithm.
//
// Why port it exactly: a set has no defined order, yet programs print sets
// all the time, and coil must print what CPython prints.  For ints (whose
// hash is the value) the order follows entirely from the table algorithm:
//
//  * slot = hash & mask; probe LINEAR_PROBES (9) following slots when they
//    fit before the end of the table (cache-friendly), then jump with
//    i = (i * 5 + 1 + perturb) & mask, perturb >>= 5;
//  * a deleted slot holds the *dummy* key (hash -1); an insertion reuses
//    the last dummy seen on its probe path;
//  * the table starts with 8 slots (inside the object); after an insertion
//    into a fresh slot makes fill*5 >= mask*3, it is rebuilt for used*4
//    (used*2 above 50000) items, the new size being the smallest power of
//    two greater than that; rebuilding re-inserts in old-table order;
//  * copying a set whose table has no dummies into an empty one of the
//    same size copies slot by slot (set_merge), and so on for each of
//    union/intersection/difference — each operation below follows the
//    CPython function of the same name, because each yields a different
//    iteration order.
#include "runtime/set.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string>

#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/reprguard.h"
#include "runtime/sequtil.h"
#include "runtime/singletons.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

namespace coil::runtime {

TypeObject SetType;
TypeObject FrozenSetType;
TypeObject SetIterType;

namespace {

constexpr size_t kLinearProbes = 9;
constexpr int kPerturbShift = 5;

Object g_dummy_object;                 // marks deleted slots; never exposed
Object* const kDummy = &g_dummy_object;

inline Set* as_set(Object* o) { return static_cast<Set*>(o); }

inline int64_t key_hash(Object* key) {
  if (key->type == &StrType) {
    Str* s = static_cast<Str*>(key);
    return s->hash != -1 ? s->hash : str_hash(s);
  }
  return hash(key);
}

bool table_resize(Set* so, size_t minused);

// Finds the slot holding `key`, or the empty slot ending its probe path.
// nullptr: an __eq__ failed.
SetEntry* lookkey(Set* so, Object* key, int64_t hash) {
restart:
  size_t mask = so->mask;
  size_t i = static_cast<size_t>(hash) & mask;
  size_t perturb = static_cast<size_t>(hash);
  for (;;) {
    SetEntry* entry = &so->table[i];
    size_t probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
    do {
      if (entry->hash == 0 && entry->key == nullptr) return entry;
      if (entry->hash == hash) {
        Object* startkey = entry->key;
        if (startkey == key) return entry;
        if (startkey->type == &StrType && key->type == &StrType &&
            str_equal(static_cast<Str*>(startkey), static_cast<Str*>(key)))
          return entry;
        SetEntry* table = so->table;
        incref(startkey);
        int cmp = equal(startkey, key);
        decref(startkey);
        if (cmp < 0) return nullptr;
        if (table != so->table || entry->key != startkey) goto restart;
        if (cmp > 0) return entry;
        mask = so->mask;
      }
      entry++;
    } while (probes--);
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

// set_add_entry: 0 ok, -1 error.  Borrows key.
int add_entry(Set* so, Object* key, int64_t hash) {
  incref(key);   // an __eq__ must not free it under us
restart:
  size_t mask = so->mask;
  size_t i = static_cast<size_t>(hash) & mask;
  size_t perturb = static_cast<size_t>(hash);
  SetEntry* freeslot = nullptr;
  SetEntry* entry;
  for (;;) {
    entry = &so->table[i];
    size_t probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
    do {
      if (entry->hash == 0 && entry->key == nullptr) goto found_unused_or_dummy;
      if (entry->hash == hash) {
        Object* startkey = entry->key;
        if (startkey == key) goto found_active;
        if (startkey->type == &StrType && key->type == &StrType &&
            str_equal(static_cast<Str*>(startkey), static_cast<Str*>(key)))
          goto found_active;
        SetEntry* table = so->table;
        incref(startkey);
        int cmp = equal(startkey, key);
        decref(startkey);
        if (cmp > 0) goto found_active;
        if (cmp < 0) { decref(key); return -1; }
        if (table != so->table || entry->key != startkey) goto restart;
        mask = so->mask;
      } else if (entry->hash == -1) {
        freeslot = entry;
      }
      entry++;
    } while (probes--);
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }

found_unused_or_dummy:
  if (freeslot) {
    so->used++;
    freeslot->key = key;
    freeslot->hash = hash;
    return 0;
  }
  so->fill++;
  so->used++;
  entry->key = key;
  entry->hash = hash;
  if (so->fill * 5 < mask * 3) return 0;
  return table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4) ? 0 : -1;

found_active:
  decref(key);
  return 0;
}

// Inserts a key known to be absent into a table without dummies.
void insert_clean(SetEntry* table, size_t mask, Object* key, int64_t hash) {
  size_t perturb = static_cast<size_t>(hash);
  size_t i = static_cast<size_t>(hash) & mask;
  for (;;) {
    SetEntry* entry = &table[i];
    if (entry->key == nullptr) { entry->key = key; entry->hash = hash; return; }
    if (i + kLinearProbes <= mask) {
      for (size_t j = 0; j < kLinearProbes; j++) {
        entry++;
        if (entry->key == nullptr) { entry->key = key; entry->hash = hash; return; }
      }
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

bool table_resize(Set* so, size_t minused) {
  size_t newsize = kSetMinSize;
  while (newsize <= minused) newsize <<= 1;
  SetEntry* oldtable = so->table;
  size_t oldmask = so->mask;
  bool old_malloced = oldtable != so->smalltable;
  SetEntry small_copy[kSetMinSize];
  SetEntry* newtable;
  if (newsize == kSetMinSize) {
    newtable = so->smalltable;
    if (newtable == oldtable) {
      if (so->fill == so->used) return true;   // no dummies: nothing to do
      std::memcpy(small_copy, oldtable, sizeof(small_copy));
      oldtable = small_copy;
    }
  } else {
    newtable = static_cast<SetEntry*>(std::malloc(newsize * sizeof(SetEntry)));
    if (!newtable) { no_memory(); return false; }
  }
  std::memset(newtable, 0, newsize * sizeof(SetEntry));
  so->mask = newsize - 1;
  so->table = newtable;
  bool had_dummies = so->fill != so->used;
  so->fill = so->used;
  for (SetEntry* e = oldtable; e <= oldtable + oldmask; e++) {
    if (e->key != nullptr && (!had_dummies || e->key != kDummy))
      insert_clean(newtable, so->mask, e->key, e->hash);
  }
  if (old_malloced) std::free(oldtable);
  return true;
}

int contains_entry(Set* so, Object* key, int64_t hash) {
  SetEntry* e = lookkey(so, key, hash);
  if (!e) return -1;
  return e->key != nullptr;
}

// 1 found (and removed), 0 not found, -1 error.
int discard_entry(Set* so, Object* key, int64_t hash) {
  SetEntry* e = lookkey(so, key, hash);
  if (!e) return -1;
  if (e->key == nullptr) return 0;
  Object* old = e->key;
  e->key = kDummy;
  e->hash = -1;
  so->used--;
  decref(old);
  return 1;
}

int add_key(Set* so, Object* key) {
  int64_t h = key_hash(key);
  if (h == -1) return -1;
  return add_entry(so, key, h);
}

int contains_key(Set* so, Object* key) {
  int64_t h = key_hash(key);
  if (h == -1) return -1;
  return contains_entry(so, key, h);
}

int discard_key(Set* so, Object* key) {
  int64_t h = key_hash(key);
  if (h == -1) return -1;
  return discard_entry(so, key, h);
}

void empty_to_minsize(Set* so) {
  std::memset(so->smalltable, 0, sizeof(so->smalltable));
  so->fill = 0;
  so->used = 0;
  so->mask = kSetMinSize - 1;
  so->table = so->smalltable;
  so->hash = -1;
}

// Empties the set first, then drops the references (a __del__ may look).
void clear_internal(Set* so) {
  SetEntry* table = so->table;
  bool malloced = table != so->smalltable;
  size_t used = so->used;
  SetEntry small_copy[kSetMinSize];
  if (!malloced) {
    if (so->fill == 0) return;
    std::memcpy(small_copy, table, sizeof(small_copy));
    table = small_copy;
  }
  empty_to_minsize(so);
  for (SetEntry* e = table; used > 0; e++) {
    if (e->key && e->key != kDummy) { used--; decref(e->key); }
  }
  if (malloced) std::free(table);
}

bool next_entry(Set* so, size_t* pos, SetEntry** out) {
  size_t i = *pos;
  SetEntry* e = &so->table[i];
  while (i <= so->mask && (e->key == nullptr || e->key == kDummy)) { i++; e++; }
  *pos = i + 1;
  if (i > so->mask) return false;
  *out = e;
  return true;
}

int merge(Set* so, Set* other) {
  if (other == so || other->used == 0) return 0;
  // One big resize up front, expecting few overlapping keys.
  if ((so->fill + other->used) * 5 >= so->mask * 3) {
    if (!table_resize(so, (so->used + other->used) * 2)) return -1;
  }
  // Empty target of the same size and a source without dummies: copy slots.
  if (so->fill == 0 && so->mask == other->mask && other->fill == other->used) {
    for (size_t i = 0; i <= other->mask; i++) {
      Object* key = other->table[i].key;
      if (key) {
        incref(key);
        so->table[i] = other->table[i];
      }
    }
    so->fill = other->fill;
    so->used = other->used;
    return 0;
  }
  if (so->fill == 0) {   // empty target: no duplicates possible
    so->fill = other->used;
    so->used = other->used;
    for (size_t i = 0; i <= other->mask; i++) {
      Object* key = other->table[i].key;
      if (key && key != kDummy) {
        incref(key);
        insert_clean(so->table, so->mask, key, other->table[i].hash);
      }
    }
    return 0;
  }
  for (size_t i = 0; i <= other->mask; i++) {
    SetEntry e = other->table[i];
    if (e.key && e.key != kDummy && add_entry(so, e.key, e.hash)) return -1;
  }
  return 0;
}

int update_internal(Set* so, Object* other) {
  if (anyset_check(other)) return merge(so, as_set(other));
  if (other->type == &DictType) {
    Dict* d = static_cast<Dict*>(other);
    size_t dictsize = d->used;
    if ((so->fill + dictsize) * 5 >= so->mask * 3) {
      if (!table_resize(so, (so->used + dictsize) * 2)) return -1;
    }
    size_t pos = 0;
    Object *k, *v;
    int64_t h;
    while (dict_next_hash(d, &pos, &k, &v, &h))
      if (add_entry(so, k, h)) return -1;
    return 0;
  }
  Ref<Object> it = get_iter(other);
  if (!it) return -1;
  for (;;) {
    Ref<Object> key = iter_next(it.get());
    if (!key) return error_occurred() ? -1 : 0;
    if (add_key(so, key.get())) return -1;
  }
}

// make_new_set: an empty set of `type` (then filled from `iterable`).
Ref<Object> make_new_set(TypeObject* type, Object* iterable) {
  Set* so = alloc_instance<Set>(type, type == &FrozenSetType ? &FrozenSetType : &SetType);
  if (!so) return nullptr;
  so->table = so->smalltable;
  Ref<Object> r = steal<Object>(so);
  if (iterable && update_internal(so, iterable)) return nullptr;
  return r;
}

// The built-in base of a subclass instance: set or frozenset.
Ref<Object> make_new_set_basetype(TypeObject* type, Object* iterable) {
  if (type != &SetType && type != &FrozenSetType)
    type = is_subtype(type, &SetType) ? &SetType : &FrozenSetType;
  return make_new_set(type, iterable);
}

void swap_bodies(Set* a, Set* b) {
  bool a_small = a->table == a->smalltable;
  bool b_small = b->table == b->smalltable;
  SetEntry* at = a->table;
  SetEntry* bt = b->table;
  std::swap(a->fill, b->fill);
  std::swap(a->used, b->used);
  std::swap(a->mask, b->mask);
  std::swap_ranges(a->smalltable, a->smalltable + kSetMinSize, b->smalltable);
  a->table = b_small ? a->smalltable : bt;
  b->table = a_small ? b->smalltable : at;
  if (is_subtype(a->type, &FrozenSetType) && is_subtype(b->type, &FrozenSetType)) {
    std::swap(a->hash, b->hash);
  } else {
    a->hash = -1;
    b->hash = -1;
  }
}

Ref<Object> set_copy_of(Set* so) { return make_new_set_basetype(so->type, so); }

// ---- the set algebra (each as CPython's function of the same name) --------------

Ref<Object> set_intersection(Set* so, Object* other) {
  if (so == other) return set_copy_of(so);
  Ref<Object> result = make_new_set_basetype(so->type, nullptr);
  if (!result) return nullptr;
  Set* res = as_set(result.get());
  if (anyset_check(other)) {
    Set* a = so;
    Set* b = as_set(other);
    if (b->used > a->used) std::swap(a, b);
    // Iterate over the smaller set b, probing the larger a.
    size_t pos = 0;
    SetEntry* e;
    while (next_entry(b, &pos, &e)) {
      Ref<Object> key = borrow(e->key);
      int64_t h = e->hash;
      int rv = contains_entry(a, key.get(), h);
      if (rv < 0) return nullptr;
      if (rv && add_entry(res, key.get(), h)) return nullptr;
    }
    return result;
  }
  Ref<Object> it = get_iter(other);
  if (!it) return nullptr;
  for (;;) {
    Ref<Object> key = iter_next(it.get());
    if (!key) return error_occurred() ? nullptr : result;
    int64_t h = key_hash(key.get());
    if (h == -1) return nullptr;
    int rv = contains_entry(so, key.get(), h);
    if (rv < 0) return nullptr;
    if (rv) {
      if (add_entry(res, key.get(), h)) return nullptr;
      if (res->used >= so->used) return result;
    }
  }
}

int difference_update_internal(Set* so, Object* other) {
  if (so == other) { clear_internal(so); return 0; }
  if (anyset_check(other)) {
    Ref<Object> o;
    if ((set_size(other) >> 3) > so->used) {
      o = set_intersection(so, other);
      if (!o) return -1;
    } else {
      o = borrow(other);
    }
    size_t pos = 0;
    SetEntry* e;
    while (next_entry(as_set(o.get()), &pos, &e)) {
      Ref<Object> key = borrow(e->key);
      if (discard_entry(so, key.get(), e->hash) < 0) return -1;
    }
  } else {
    Ref<Object> it = get_iter(other);
    if (!it) return -1;
    for (;;) {
      Ref<Object> key = iter_next(it.get());
      if (!key) {
        if (error_occurred()) return -1;
        break;
      }
      if (discard_key(so, key.get()) < 0) return -1;
    }
  }
  // More than 1/4 dummies: rebuild.
  if (so->fill - so->used <= so->mask / 4) return 0;
  return table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4) ? 0 : -1;
}

Ref<Object> set_copy_and_difference(Set* so, Object* other) {
  Ref<Object> result = set_copy_of(so);
  if (!result) return nullptr;
  if (difference_update_internal(as_set(result.get()), other)) return nullptr;
  return result;
}

Ref<Object> set_difference(Set* so, Object* other) {
  size_t other_size;
  if (anyset_check(other)) other_size = set_size(other);
  else if (other->type == &DictType) other_size = static_cast<Dict*>(other)->used;
  else return set_copy_and_difference(so, other);
  if ((so->used >> 2) > other_size) return set_copy_and_difference(so, other);
  Ref<Object> result = make_new_set_basetype(so->type, nullptr);
  if (!result) return nullptr;
  size_t pos = 0;
  SetEntry* e;
  while (next_entry(so, &pos, &e)) {
    Ref<Object> key = borrow(e->key);
    int64_t h = e->hash;
    int rv;
    if (other->type == &DictType) {
      rv = dict_get_hash(static_cast<Dict*>(other), key.get(), h) != nullptr;
      if (!rv && error_occurred()) return nullptr;
    } else {
      rv = contains_entry(as_set(other), key.get(), h);
      if (rv < 0) return nullptr;
    }
    if (!rv && add_entry(as_set(result.get()), key.get(), h)) return nullptr;
  }
  return result;
}

int symmetric_difference_update(Set* so, Object* other) {
  if (so == other) { clear_internal(so); return 0; }
  if (other->type == &DictType) {
    size_t pos = 0;
    Object *k, *v;
    int64_t h;
    while (dict_next_hash(static_cast<Dict*>(other), &pos, &k, &v, &h)) {
      Ref<Object> key = borrow(k);
      int rv = discard_entry(so, key.get(), h);
      if (rv < 0) return -1;
      if (rv == 0 && add_entry(so, key.get(), h)) return -1;
    }
    return 0;
  }
  Ref<Object> otherset;
  if (anyset_check(other)) otherset = borrow(other);
  else otherset = make_new_set_basetype(so->type, other);
  if (!otherset) return -1;
  size_t pos = 0;
  SetEntry* e;
  while (next_entry(as_set(otherset.get()), &pos, &e)) {
    Ref<Object> key = borrow(e->key);
    int64_t h = e->hash;
    int rv = discard_entry(so, key.get(), h);
    if (rv < 0) return -1;
    if (rv == 0 && add_entry(so, key.get(), h)) return -1;
  }
  return 0;
}

Ref<Object> set_symmetric_difference(Set* so, Object* other) {
  Ref<Object> otherset = make_new_set_basetype(so->type, other);
  if (!otherset) return nullptr;
  if (symmetric_difference_update(as_set(otherset.get()), so)) return nullptr;
  return otherset;
}

// 1 / 0 / -1
int set_issubset(Set* so, Object* other) {
  Ref<Object> tmp;
  if (!anyset_check(other)) {
    tmp = make_new_set(&SetType, other);
    if (!tmp) return -1;
    other = tmp.get();
  }
  if (so->used > set_size(other)) return 0;
  size_t pos = 0;
  SetEntry* e;
  while (next_entry(so, &pos, &e)) {
    Ref<Object> key = borrow(e->key);
    int rv = contains_entry(as_set(other), key.get(), e->hash);
    if (rv <= 0) return rv;
  }
  return 1;
}

int set_issuperset(Set* so, Object* other) {
  if (anyset_check(other)) return set_issubset(as_set(other), so);
  Ref<Object> it = get_iter(other);
  if (!it) return -1;
  for (;;) {
    Ref<Object> key = iter_next(it.get());
    if (!key) return error_occurred() ? -1 : 1;
    int rv = contains_key(so, key.get());
    if (rv <= 0) return rv;
  }
}

Ref<Object> bool_or_null(int r) { return r < 0 ? nullptr : new_bool(r); }

// `key in set` with CPython's retry: an unhashable set key is looked up
// as the equal frozenset.
int contains_with_frozen_retry(Set* so, Object* key) {
  int rv = contains_key(so, key);
  if (rv >= 0 || !set_check(key) || !error_matches(exc::TypeError)) return rv;
  clear_error();
  Ref<Object> tmp = make_new_set(&FrozenSetType, key);
  if (!tmp) return -1;
  return contains_key(so, tmp.get());
}

int discard_with_frozen_retry(Set* so, Object* key) {
  int rv = discard_key(so, key);
  if (rv >= 0 || !set_check(key) || !error_matches(exc::TypeError)) return rv;
  clear_error();
  Ref<Object> tmp = make_new_set(&FrozenSetType, key);
  if (!tmp) return -1;
  return discard_key(so, tmp.get());
}

}  // namespace

// ---- public API --------------------------------------------------------------------

bool set_check(const Object* o) { return o->type == &SetType || is_subtype(o->type, &SetType); }
bool frozenset_check(const Object* o) {
  return o->type == &FrozenSetType || is_subtype(o->type, &FrozenSetType);
}
bool anyset_check(const Object* o) {
  return o->type == &SetType || o->type == &FrozenSetType || set_check(o) || frozenset_check(o);
}

Ref<Object> set_new(Object* iterable) { return make_new_set(&SetType, iterable); }
Ref<Object> frozenset_new(Object* iterable) { return make_new_set(&FrozenSetType, iterable); }
int set_add(Object* set, Object* key) { return add_key(as_set(set), key); }
int set_discard(Object* set, Object* key) { return discard_key(as_set(set), key); }
int set_contains(Object* set, Object* key) { return contains_key(as_set(set), key); }
int set_update(Object* set, Object* iterable) { return update_internal(as_set(set), iterable); }
void set_clear(Object* set) { clear_internal(as_set(set)); }

bool set_next(Object* set, size_t* pos, Object** key, int64_t* hash) {
  SetEntry* e;
  if (!next_entry(as_set(set), pos, &e)) return false;
  *key = e->key;
  if (hash) *hash = e->hash;
  return true;
}

// ---- slots ------------------------------------------------------------------------

namespace {

void set_dealloc(Object* self) {
  Set* so = as_set(self);
  size_t used = so->used;
  for (SetEntry* e = so->table; used > 0; e++) {
    if (e->key && e->key != kDummy) { used--; decref(e->key); }
  }
  if (so->table != so->smalltable) std::free(so->table);
  destroy_object(so);
}

void set_traverse(Object* self, VisitFn visit, void* arg) {
  Set* so = as_set(self);
  size_t pos = 0;
  SetEntry* e;
  while (next_entry(so, &pos, &e)) visit(e->key, arg);
}

void set_clear_slot(Object* self) { clear_internal(as_set(self)); }

Ref<Object> set_repr(Object* self) {
  Set* so = as_set(self);
  std::string name(self->type->name);
  ReprGuard guard(self);
  if (guard.recursive()) return str_from(name + "(...)");
  if (so->used == 0) return str_from(name + "()");
  Ref<Object> keys = sequence_to_list(self);
  if (!keys) return nullptr;
  Ref<Object> lr = repr(keys.get());
  if (!lr) return nullptr;
  std::string_view inner = str_view(lr.get());
  inner = inner.substr(1, inner.size() - 2);
  std::string out;
  if (self->type == &SetType) {
    out = "{";
    out += inner;
    out += "}";
  } else {
    out = name + "({";
    out += inner;
    out += "})";
  }
  return str_from(out);
}

uint64_t shuffle_bits(uint64_t h) { return ((h ^ 89869747ULL) ^ (h << 16)) * 3644798167ULL; }

int64_t frozenset_hash(Object* self) {
  Set* so = as_set(self);
  if (so->hash != -1) return so->hash;
  uint64_t hash = 0;
  // Xor of every active entry's shuffled hash (CPython includes empty and
  // dummy slots and then cancels them; the result is the same).
  for (size_t i = 0; i <= so->mask; i++) {
    SetEntry* e = &so->table[i];
    if (e->key && e->key != kDummy) hash ^= shuffle_bits(static_cast<uint64_t>(e->hash));
  }
  hash ^= (static_cast<uint64_t>(so->used) + 1) * 1927868237ULL;
  hash ^= (hash >> 11) ^ (hash >> 25);
  hash = hash * 69069U + 907133923ULL;
  if (hash == static_cast<uint64_t>(-1)) hash = 590923713ULL;
  so->hash = static_cast<int64_t>(hash);
  return so->hash;
}

Ref<Object> set_richcompare(Object* a, Object* b, CompareOp op) {
  if (!anyset_check(a) || !anyset_check(b)) return not_implemented();
  Set* v = as_set(a);
  Set* w = as_set(b);
  switch (op) {
    case CompareOp::Eq:
    case CompareOp::Ne: {
      int r;
      if (v->used != w->used) r = 0;
      else if (v->hash != -1 && w->hash != -1 && v->hash != w->hash) r = 0;
      else r = set_issubset(v, w);
      if (r < 0) return nullptr;
      return new_bool(op == CompareOp::Eq ? r : !r);
    }
    case CompareOp::Le: return bool_or_null(set_issubset(v, w));
    case CompareOp::Ge: return bool_or_null(set_issuperset(v, w));
    case CompareOp::Lt:
      if (v->used >= w->used) return new_bool(false);
      return bool_or_null(set_issubset(v, w));
    case CompareOp::Gt:
      if (v->used <= w->used) return new_bool(false);
      return bool_or_null(set_issuperset(v, w));
  }
  return not_implemented();
}

int64_t set_len(Object* self) { return static_cast<int64_t>(as_set(self)->used); }

int set_contains_slot(Object* self, Object* key) { return contains_with_frozen_retry(as_set(self), key); }

Ref<Object> set_or(Object* a, Object* b) {
  if (!anyset_check(a) || !anyset_check(b)) return not_implemented();
  Ref<Object> result = set_copy_of(as_set(a));
  if (!result) return nullptr;
  if (a == b) return result;
  if (update_internal(as_set(result.get()), b)) return nullptr;
  return result;
}

Ref<Object> set_and(Object* a, Object* b) {
  if (!anyset_check(a) || !anyset_check(b)) return not_implemented();
  return set_intersection(as_set(a), b);
}

Ref<Object> set_sub(Object* a, Object* b) {
  if (!anyset_check(a) || !anyset_check(b)) return not_implemented();
  return set_difference(as_set(a), b);
}

Ref<Object> set_xor(Object* a, Object* b) {
  if (!anyset_check(a) || !anyset_check(b)) return not_implemented();
  return set_symmetric_difference(as_set(a), b);
}

Ref<Object> set_ior(Object* a, Object* b) {
  if (!anyset_check(b)) return not_implemented();
  if (update_internal(as_set(a), b)) return nullptr;
  return borrow(a);
}

Ref<Object> set_iand(Object* a, Object* b) {
  if (!anyset_check(b)) return not_implemented();
  Ref<Object> tmp = set_intersection(as_set(a), b);
  if (!tmp) return nullptr;
  swap_bodies(as_set(a), as_set(tmp.get()));
  return borrow(a);
}

Ref<Object> set_isub(Object* a, Object* b) {
  if (!anyset_check(b)) return not_implemented();
  if (difference_update_internal(as_set(a), b)) return nullptr;
  return borrow(a);
}

Ref<Object> set_ixor(Object* a, Object* b) {
  if (!anyset_check(b)) return not_implemented();
  if (symmetric_difference_update(as_set(a), b)) return nullptr;
  return borrow(a);
}

Ref<Object> set_iter(Object* self);

Ref<Object> set_new_slot(TypeObject* type, Object* const*, size_t, Tuple* kwnames) {
  if (type == &SetType && !check_no_kwargs("set", kwnames)) return nullptr;
  return make_new_set(type, nullptr);
}

int set_init(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("set", kwnames)) return -1;
  if (!check_nargs(self->type->name, nargs, 0, 1)) return -1;
  Set* so = as_set(self);
  if (so->fill) clear_internal(so);
  so->hash = -1;
  if (nargs == 0) return 0;
  return update_internal(so, args[0]);
}

Ref<Object> frozenset_new_slot(TypeObject* type, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (type == &FrozenSetType && !check_no_kwargs("frozenset", kwnames)) return nullptr;
  if (!check_nargs(type->name, nargs, 0, 1)) return nullptr;
  Object* iterable = nargs ? args[0] : nullptr;
  if (type == &FrozenSetType && iterable && iterable->type == &FrozenSetType) return borrow(iterable);
  return make_new_set(type, iterable);
}

// ---- methods ---------------------------------------------------------------------

#define NO_KW(name) if (!check_no_kwargs(name, kwnames)) return nullptr
#define ONE_ARG(fname)                                                                      \
  NO_KW(fname);                                                                             \
  if (nargs != 1)                                                                           \
    return set_errorf(exc::TypeError, "%s.%s() takes exactly one argument (%zd given)",   \
                      self->type->name, fname, static_cast<ssize_t>(nargs))
#define NO_ARGS(fname)                                                                      \
  NO_KW(fname);                                                                             \
  if (nargs != 0)                                                                           \
    return set_errorf(exc::TypeError, "%s.%s() takes no arguments (%zd given)",            \
                      self->type->name, fname, static_cast<ssize_t>(nargs))

Ref<Object> m_add(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  ONE_ARG("add");
  if (add_key(as_set(self), args[0])) return nullptr;
  return none();
}

Ref<Object> m_remove(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  ONE_ARG("remove");
  int rv = discard_with_frozen_retry(as_set(self), args[0]);
  if (rv < 0) return nullptr;
  if (rv == 0) { set_key_error(args[0]); return nullptr; }
  return none();
}

Ref<Object> m_discard(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  ONE_ARG("discard");
  if (discard_with_frozen_retry(as_set(self), args[0]) < 0) return nullptr;
  return none();
}

Ref<Object> m_contains(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  ONE_ARG("__contains__");
  return bool_or_null(contains_with_frozen_retry(as_set(self), args[0]));
}

Ref<Object> m_pop(Object* self, Object* const*, size_t nargs, Tuple* kwnames) {
  NO_ARGS("pop");
  Set* so = as_set(self);
  if (so->used == 0) {
    set_key_error(Ref<Object>(str_from("pop from an empty set")).get());
    return nullptr;
  }
  SetEntry* entry = so->table + (so->finger & so->mask);
  SetEntry* limit = so->table + so->mask;
  while (entry->key == nullptr || entry->key == kDummy) {
    entry++;
    if (entry > limit) entry = so->table;
  }
  Ref<Object> key = steal(entry->key);
  entry->key = kDummy;
  entry->hash = -1;
  so->used--;
  so->finger = static_cast<size_t>(entry - so->table) + 1;
  return key;
}

Ref<Object> m_clear(Object* self, Object* const*, size_t nargs, Tuple* kwnames) {
  NO_ARGS("clear");
  clear_internal(as_set(self));
  return none();
}

Ref<Object> m_copy(Object* self, Object* const*, size_t nargs, Tuple* kwnames) {
  NO_ARGS("copy");
  if (self->type == &FrozenSetType) return borrow(self);
  return set_copy_of(as_set(self));
}

Ref<Object> m_update(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  NO_KW("update");
  for (size_t i = 0; i < nargs; i++)
    if (update_internal(as_set(self), args[i])) return nullptr;
  return none();
}

Ref<Object> m_union(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  NO_KW("union");
  Ref<Object> result = set_copy_of(as_set(self));
  if (!result) return nullptr;
  for (size_t i = 0; i < nargs; i++) {
    if (args[i] == self) continue;
    if (update_internal(as_set(result.get()), args[i])) return nullptr;
  }
  return result;
}

Ref<Object> intersection_multi(Object* self, Object* const* args, size_t nargs) {
  if (nargs == 0) return set_copy_of(as_set(self));
  Ref<Object> result = borrow(self);
  for (size_t i = 0; i < nargs; i++) {
    result = set_intersection(as_set(result.get()), args[i]);
    if (!result) return nullptr;
  }
  return result;
}

Ref<Object> m_intersection(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  NO_KW("intersection");
  return intersection_multi(self, args, nargs);
}

Ref<Object> m_intersection_update(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  NO_KW("intersection_update");
  Ref<Object> tmp = intersection_multi(self, args, nargs);
  if (!tmp) return nullptr;
  swap_bodies(as_set(self), as_set(tmp.get()));
  return none();
}

Ref<Object> m_difference(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  NO_KW("difference");
  if (nargs == 0) return set_copy_of(as_set(self));
  Ref<Object> result = set_difference(as_set(self), args[0]);
  if (!result) return nullptr;
  for (size_t i = 1; i < nargs; i++)
    if (difference_update_internal(as_set(result.get()), args[i])) return nullptr;
  return result;
}

Ref<Object> m_difference_update(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  NO_KW("difference_update");
  for (size_t i = 0; i < nargs; i++)
    if (difference_update_internal(as_set(self), args[i])) return nullptr;
  return none();
}

Ref<Object> m_symmetric_difference(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  ONE_ARG("symmetric_difference");
  return set_symmetric_difference(as_set(self), args[0]);
}

Ref<Object> m_symmetric_difference_update(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  ONE_ARG("symmetric_difference_update");
  if (symmetric_difference_update(as_set(self), args[0])) return nullptr;
  return none();
}

Ref<Object> m_issubset(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  ONE_ARG("issubset");
  return bool_or_null(set_issubset(as_set(self), args[0]));
}

Ref<Object> m_issuperset(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  ONE_ARG("issuperset");
  return bool_or_null(set_issuperset(as_set(self), args[0]));
}

Ref<Object> m_isdisjoint(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  ONE_ARG("isdisjoint");
  Set* so = as_set(self);
  Object* other = args[0];
  if (other == self) return new_bool(so->used == 0);
  if (other->type == &SetType || other->type == &FrozenSetType) {
    Set* a = so;
    Set* b = as_set(other);
    if (b->used > a->used) std::swap(a, b);
    size_t pos = 0;
    SetEntry* e;
    while (next_entry(b, &pos, &e)) {
      Ref<Object> key = borrow(e->key);
      int rv = contains_entry(a, key.get(), e->hash);
      if (rv < 0) return nullptr;
      if (rv) return new_bool(false);
    }
    return new_bool(true);
  }
  Ref<Object> it = get_iter(other);
  if (!it) return nullptr;
  for (;;) {
    Ref<Object> key = iter_next(it.get());
    if (!key) return error_occurred() ? nullptr : new_bool(true);
    int rv = contains_key(so, key.get());
    if (rv < 0) return nullptr;
    if (rv) return new_bool(false);
  }
}

Ref<Object> m_reduce(Object* self, Object* const*, size_t, Tuple*) {
  Ref<Object> keys = sequence_to_list(self);
  if (!keys) return nullptr;
  Ref<Tuple> args = tuple_pack({keys.get()});
  if (!args) return nullptr;
  return tuple_pack({self->type, args.get(), None});
}

Ref<Object> m_sizeof(Object* self, Object* const*, size_t, Tuple*) {
  Set* so = as_set(self);
  int64_t size = 200;   // CPython's sizeof(PySetObject)
  if (so->table != so->smalltable) size += static_cast<int64_t>((so->mask + 1) * 16);
  return int_from_i64(size);
}

const MethodDef set_methods[] = {
    {"add", m_add},
    {"clear", m_clear},
    {"__contains__", m_contains},
    {"copy", m_copy},
    {"discard", m_discard},
    {"difference", m_difference},
    {"difference_update", m_difference_update},
    {"intersection", m_intersection},
    {"intersection_update", m_intersection_update},
    {"isdisjoint", m_isdisjoint},
    {"issubset", m_issubset},
    {"issuperset", m_issuperset},
    {"pop", m_pop},
    {"__reduce__", m_reduce},
    {"remove", m_remove},
    {"__sizeof__", m_sizeof},
    {"symmetric_difference", m_symmetric_difference},
    {"symmetric_difference_update", m_symmetric_difference_update},
    {"union", m_union},
    {"update", m_update},
    {nullptr, nullptr},
};

const MethodDef frozenset_methods[] = {
    {"__contains__", m_contains},
    {"copy", m_copy},
    {"difference", m_difference},
    {"intersection", m_intersection},
    {"isdisjoint", m_isdisjoint},
    {"issubset", m_issubset},
    {"issuperset", m_issuperset},
    {"__reduce__", m_reduce},
    {"__sizeof__", m_sizeof},
    {"symmetric_difference", m_symmetric_difference},
    {"union", m_union},
    {nullptr, nullptr},
};

// ---- the iterator ------------------------------------------------------------------

struct SetIter : Object {
  Set* set = nullptr;   // strong; null once exhausted
  int64_t used = 0;     // size at creation; -1 after a size error
  size_t pos = 0;
  int64_t len = 0;
};

void setiter_dealloc(Object* self) {
  auto* it = static_cast<SetIter*>(self);
  xdecref(it->set);
  destroy_object(it);
}

void setiter_traverse(Object* self, VisitFn visit, void* arg) {
  auto* it = static_cast<SetIter*>(self);
  if (it->set) visit(it->set, arg);
}

Ref<Object> self_iter(Object* self) { return borrow(self); }

Ref<Object> setiter_next(Object* self) {
  auto* it = static_cast<SetIter*>(self);
  Set* so = it->set;
  if (!so) return nullptr;
  if (it->used != static_cast<int64_t>(so->used)) {
    set_error(exc::RuntimeError, "Set changed size during iteration");
    it->used = -1;
    return nullptr;
  }
  size_t i = it->pos;
  while (i <= so->mask && (so->table[i].key == nullptr || so->table[i].key == kDummy)) i++;
  it->pos = i + 1;
  if (i > so->mask) {
    it->set = nullptr;
    decref(so);
    return nullptr;
  }
  it->len--;
  return borrow(so->table[i].key);
}

Ref<Object> setiter_length_hint(Object* self, Object* const*, size_t, Tuple*) {
  auto* it = static_cast<SetIter*>(self);
  int64_t n = it->set && it->used == static_cast<int64_t>(it->set->used) ? it->len : 0;
  return int_from_i64(n);
}

const MethodDef setiter_methods[] = {
    {"__length_hint__", setiter_length_hint},
    {nullptr, nullptr},
};

Ref<Object> set_iter(Object* self) {
  auto* it = alloc<SetIter>(&SetIterType);
  if (!it) return nullptr;
  incref(self);
  it->set = as_set(self);
  it->used = static_cast<int64_t>(it->set->used);
  it->len = it->used;
  return steal<Object>(it);
}

void fill_common(TypeObject& t) {
  t.type = &TypeType;
  t.flags = kBaseType | kHaveGC;
  t.basic_size = sizeof(Set);
  t.base = &ObjectType;
  t.dealloc = set_dealloc;
  t.traverse = set_traverse;
  t.clear = set_clear_slot;
  t.repr = set_repr;
  t.richcompare = set_richcompare;
  t.iter = set_iter;
  t.sq_length = set_len;
  t.sq_contains = set_contains_slot;
  Set probe;   // offsetof is not allowed on non-standard-layout structs
  t.weaklist_offset = reinterpret_cast<char*>(&probe.weakreflist) - reinterpret_cast<char*>(&probe);
  t.nb_binary[static_cast<int>(BinaryOp::Or)] = set_or;
  t.nb_binary[static_cast<int>(BinaryOp::And)] = set_and;
  t.nb_binary[static_cast<int>(BinaryOp::Sub)] = set_sub;
  t.nb_binary[static_cast<int>(BinaryOp::Xor)] = set_xor;
}

}  // namespace

void init_set_type() {
  g_dummy_object.refcnt = INTPTR_MAX / 2;
  g_dummy_object.type = &ObjectType;

  TypeObject& s = SetType;
  fill_common(s);
  s.name = "set";
  s.doc = "set() -> new empty set object";
  s.hash = hash_not_implemented;
  s.new_ = set_new_slot;
  s.init = set_init;
  s.methods = set_methods;
  s.nb_inplace[static_cast<int>(BinaryOp::Or)] = set_ior;
  s.nb_inplace[static_cast<int>(BinaryOp::And)] = set_iand;
  s.nb_inplace[static_cast<int>(BinaryOp::Sub)] = set_isub;
  s.nb_inplace[static_cast<int>(BinaryOp::Xor)] = set_ixor;

  TypeObject& f = FrozenSetType;
  fill_common(f);
  f.name = "frozenset";
  f.doc = "frozenset() -> empty frozenset object";
  f.hash = frozenset_hash;
  f.new_ = frozenset_new_slot;
  f.methods = frozenset_methods;

  TypeObject& it = SetIterType;
  it.type = &TypeType;
  it.name = "set_iterator";
  it.flags = kHaveGC;
  it.basic_size = sizeof(SetIter);
  it.base = &ObjectType;
  it.dealloc = setiter_dealloc;
  it.traverse = setiter_traverse;
  it.iter = self_iter;
  it.iternext = setiter_next;
  it.methods = setiter_methods;
}

}  // namespace coil::runtime
