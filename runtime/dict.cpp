// dict.cpp — the dict type: CPython's compact, insertion-ordered hash table.
//
//     index (sparse, power of two)        entries (dense, insertion order)
//     +----+----+----+----+----+ ...      +------+------+------+ ...
//     | -1 |  1 | -2 |  0 | -1 |          | h,k,v| h,k,v| h,-,-|
//     +----+----+----+----+----+          +------+------+------+
//       empty  ^  dummy   ^                  #0     #1   deleted
//
// A key's hash picks a slot in `index`; the slot holds the number of the
// entry that lives in `entries`.  Collisions walk the index with CPython's
// perturbation recurrence (i = 5*i + 1 + perturb; perturb >>= 5), which
// eventually visits every slot and mixes in the high bits of the hash.
// Deleting leaves a *dummy* slot (so probe chains stay intact) and a
// hole in `entries` (so the order of the others is kept); both disappear
// at the next resize.  The index is kept at most 2/3 full (`usable`
// entries per index size); when `entries` runs out, the table is rebuilt
// at the next power of two >= 3 * used, as in CPython 3.11.
//
// Why this layout: iteration is a walk over a dense array in insertion
// order (which Python guarantees since 3.7), and the sparse part is only
// one integer per slot.
//
// Str keys: every attribute and global lookup is a dict lookup by an
// interned str, so the str path compares pointers first, then cached
// hashes, and calls str_equal only on a hash match — no __eq__ calls and
// no allocation.  Other keys compare with rich_compare_bool(Eq), which can
// run Python code that mutates the dict; after such a call the lookup
// restarts if the table or the entry changed, as in CPython.
#include "runtime/dict.h"

#include <cstdlib>
#include <cstring>
#include <string>

#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/names.h"
#include "runtime/reprguard.h"
#include "runtime/sequtil.h"
#include "runtime/singletons.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

namespace coil::runtime {

TypeObject DictType;

namespace {

constexpr int64_t kEmpty = -1;
constexpr int64_t kDummy = -2;
constexpr int64_t kError = -3;
constexpr size_t kMinSize = 8;
// Entry slots of a new dict's first table: most small dicts (instance
// __dict__s, keyword arguments) hold one or two keys, and the next three
// cost a copy of 56 bytes, not a rehash (grow_room).
constexpr size_t kFirstRoom = 2;
// Larger tables would need entry numbers past int32 (and > 100 GB).
constexpr size_t kMaxSize = size_t{1} << 31;
constexpr int kPerturbShift = 5;

uint64_t g_dict_version = 0;   // global, so (dict, version) pairs are unique

inline Dict* as_dict(Object* o) { return static_cast<Dict*>(o); }
inline size_t usable(size_t capacity) { return (capacity << 1) / 3; }
inline void bump(Dict* d) { d->version = ++g_dict_version; }

// ---- the table block ----------------------------------------------------------
//
// An index slot holds an entry number, so its width only has to cover
// usable(capacity): int8 up to 128 slots (85 entries), int16 up to 32768,
// int32 beyond — CPython's choice.  The block is the index (rounded up to
// 8 bytes) followed by `room` entries, usually usable(capacity) of them:
//
//     capacity 8:   | 8 x int8 | entry 0 | entry 1 | ... | entry 4 |   128 bytes
//
// A new dict's first table has room for only two entries (56 bytes), the
// size of most instance __dict__s; the third insertion grows the entries
// to the full five in place of a rehash, since the index does not change.
//
// Reading a slot switches on the width; the lookups that run on every
// attribute and global access are templates over the slot type instead,
// so their probe loops do not branch on it.

inline size_t index_bytes(size_t capacity) {
  size_t width = capacity <= 128 ? 1 : capacity <= 0x8000 ? 2 : 4;
  return (capacity * width + 7) & ~size_t{7};
}
inline size_t table_bytes(size_t capacity, size_t room) {
  return index_bytes(capacity) + room * sizeof(DictEntry);
}

inline int64_t get_ix(const Dict* d, size_t i) {
  if (d->capacity <= 128) return static_cast<const int8_t*>(d->index)[i];
  if (d->capacity <= 0x8000) return static_cast<const int16_t*>(d->index)[i];
  return static_cast<const int32_t*>(d->index)[i];
}

inline void set_ix(Dict* d, size_t i, int64_t ix) {
  if (d->capacity <= 128) static_cast<int8_t*>(d->index)[i] = static_cast<int8_t>(ix);
  else if (d->capacity <= 0x8000) static_cast<int16_t*>(d->index)[i] = static_cast<int16_t>(ix);
  else static_cast<int32_t*>(d->index)[i] = static_cast<int32_t>(ix);
}

// Calls fn(index) with the index typed by its slot width.
template <class Fn>
inline auto with_index(Dict* d, Fn&& fn) {
  if (d->capacity <= 128) return fn(static_cast<const int8_t*>(d->index));
  if (d->capacity <= 0x8000) return fn(static_cast<const int16_t*>(d->index));
  return fn(static_cast<const int32_t*>(d->index));
}

// The hash of a key, with the cached str hash as the fast path.
inline int64_t key_hash(Object* key) {
  if (key->type == &StrType) {
    Str* s = static_cast<Str*>(key);
    return s->hash != -1 ? s->hash : str_hash(s);
  }
  return hash(key);
}

// probe_fast's answer when it meets an entry with the same hash that only
// a general __eq__ call can compare with the key (the caller then runs
// lookup_slow, which may call Python code).
constexpr int64_t kNeedsEq = -4;

// Probes for `key` comparing by identity and, for str keys against str
// entries, by str_equal: the entry number (its slot in *slot_out), kEmpty
// or kNeedsEq.  Never calls Python code.
// Always inlined: as a call, saving and restoring registers cost more than
// the probe itself (dict_get_str is on every global-name lookup).
template <class Ix>
[[gnu::always_inline]] inline int64_t probe_fast(Dict* d, const Ix* index, Object* key, int64_t hash,
                                                 bool key_is_str, size_t* slot_out) {
  size_t mask = d->capacity - 1;
  size_t i = static_cast<size_t>(hash) & mask;
  size_t perturb = static_cast<size_t>(hash);
  for (;;) {
    int64_t ix = index[i];
    if (ix == kEmpty) return kEmpty;
    if (ix >= 0) {
      DictEntry* e = &d->entries[ix];
      if (e->key == key) { *slot_out = i; return ix; }
      if (e->hash == hash) {
        if (!key_is_str || e->key->type != &StrType) return kNeedsEq;
        if (str_equal(static_cast<Str*>(e->key), static_cast<Str*>(key))) { *slot_out = i; return ix; }
      }
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + perturb + 1) & mask;
  }
}

// The general lookup: any key, __eq__ may run (and may mutate the dict,
// after which the lookup restarts, as in CPython).
int64_t lookup_slow(Dict* d, Object* key, int64_t hash, size_t* slot_out) {
restart:
  if (d->capacity == 0) return kEmpty;
  size_t mask = d->capacity - 1;
  size_t i = static_cast<size_t>(hash) & mask;
  size_t perturb = static_cast<size_t>(hash);
  bool key_is_str = key->type == &StrType;
  for (;;) {
    int64_t ix = get_ix(d, i);
    if (ix == kEmpty) return kEmpty;
    if (ix >= 0) {
      DictEntry* e = &d->entries[ix];
      if (e->key == key) { *slot_out = i; return ix; }
      if (e->hash == hash) {
        if (key_is_str && e->key->type == &StrType) {
          if (str_equal(static_cast<Str*>(e->key), static_cast<Str*>(key))) {
            *slot_out = i;
            return ix;
          }
        } else {
          DictEntry* entries = d->entries;
          Object* startkey = e->key;
          incref(startkey);
          int cmp = equal(startkey, key);
          decref(startkey);
          if (cmp < 0) return kError;
          if (d->entries != entries || static_cast<size_t>(ix) >= d->nentries ||
              d->entries[ix].key != startkey)
            goto restart;   // the dict was mutated by __eq__
          if (cmp > 0) { *slot_out = i; return ix; }
        }
      }
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + perturb + 1) & mask;
  }
}

// Finds `key` (with `hash`): returns its entry number and the index slot
// it was found in, or kEmpty (not found), or kError (an __eq__ failed).
int64_t lookup(Dict* d, Object* key, int64_t hash, size_t* slot_out) {
  if (d->capacity == 0) return kEmpty;
  size_t slot = 0;
  bool key_is_str = key->type == &StrType;
  int64_t ix = with_index(d, [&](auto* index) { return probe_fast(d, index, key, hash, key_is_str, &slot); });
  if (ix == kNeedsEq) ix = lookup_slow(d, key, hash, &slot);
  if (slot_out) *slot_out = slot;
  return ix;
}

// The first index slot for `hash` that holds no live entry.
size_t find_empty_slot(Dict* d, int64_t hash) {
  size_t mask = d->capacity - 1;
  size_t i = static_cast<size_t>(hash) & mask;
  size_t perturb = static_cast<size_t>(hash);
  while (get_ix(d, i) >= 0) {
    perturb >>= kPerturbShift;
    i = (i * 5 + perturb + 1) & mask;
  }
  return i;
}

// Rebuilds the table with an index of the smallest power of two >=
// max(minsize, 8), compacting away deleted entries.  `first` (for an
// empty dict) allocates only kFirstRoom entries.
bool resize(Dict* d, size_t minsize, bool first = false) {
  size_t newcap = kMinSize;
  while (newcap < minsize && newcap < kMaxSize) newcap <<= 1;
  if (newcap < minsize) { no_memory(); return false; }
  size_t room = first && newcap == kMinSize ? kFirstRoom : usable(newcap);
  void* block = mem_alloc(table_bytes(newcap, room));
  if (!block) { no_memory(); return false; }
  std::memset(block, 0xff, index_bytes(newcap));   // all kEmpty (-1), whatever the width
  auto* entries = reinterpret_cast<DictEntry*>(static_cast<char*>(block) + index_bytes(newcap));
  size_t n = 0;
  for (size_t k = 0; k < d->nentries; k++) {
    if (d->entries[k].key) entries[n++] = d->entries[k];
  }
  if (d->index) mem_free(d->index);
  d->index = block;
  d->entries = entries;
  d->capacity = static_cast<uint32_t>(newcap);
  d->room = static_cast<uint32_t>(room);
  d->nentries = static_cast<uint32_t>(n);
  for (size_t k = 0; k < n; k++) set_ix(d, find_empty_slot(d, entries[k].hash), static_cast<int64_t>(k));
  return true;
}

// Gives a table that was allocated with less room its full usable(capacity)
// entries: the index is copied unchanged, so nothing is rehashed.
bool grow_room(Dict* d) {
  size_t room = usable(d->capacity);
  size_t ixbytes = index_bytes(d->capacity);
  void* block = mem_alloc(table_bytes(d->capacity, room));
  if (!block) { no_memory(); return false; }
  std::memcpy(block, d->index, ixbytes + d->nentries * sizeof(DictEntry));
  mem_free(d->index);
  d->index = block;
  d->entries = reinterpret_cast<DictEntry*>(static_cast<char*>(block) + ixbytes);
  d->room = static_cast<uint32_t>(room);
  return true;
}

// CPython's MAINTAIN_TRACKING.  A dict whose keys and values are all
// atomic (ints, strs, floats ...) can never be part of a cycle, so a new
// dict starts untracked by the collector, and the first key or value that
// may be a container (its type has a traverse slot) makes it tracked.  A
// full collection untracks dicts that became atomic again
// (maybe_untrack_dict in gc.cpp); this brings them back.
inline void maintain_tracking(Dict* d, Object* key, Object* value) {
  // The traverse test first keeps atomic keys and values off the
  // out-of-line may_be_tracked (which tests it again).
  bool key_may = key->type->traverse && gc::may_be_tracked(key);
  bool value_may = value->type->traverse && gc::may_be_tracked(value);
  if (key_may || value_may) [[unlikely]] gc::track(d);
}

// Adds a new entry (the key is known to be absent); borrows key and value.
bool insert_new(Dict* d, Object* key, int64_t hash, Object* value) {
  maintain_tracking(d, key, value);
  if (d->nentries >= d->room) {
    bool ok = d->capacity == 0               ? resize(d, 0, true)
              : d->room < usable(d->capacity) ? grow_room(d)
                                              : resize(d, size_t{d->used} * 3);
    if (!ok) return false;
  }
  size_t slot = find_empty_slot(d, hash);
  size_t ix = d->nentries++;
  incref(key);
  incref(value);
  d->entries[ix] = DictEntry{hash, key, value};
  set_ix(d, slot, static_cast<int64_t>(ix));
  d->used++;
  bump(d);
  return true;
}

// Removes the entry `ix` found in index slot `slot`; releases its
// references only after the dict is consistent again.
void delete_entry(Dict* d, size_t slot, int64_t ix) {
  DictEntry* e = &d->entries[ix];
  Object* key = e->key;
  Object* value = e->value;
  e->key = nullptr;
  e->value = nullptr;
  set_ix(d, slot, kDummy);
  d->used--;
  bump(d);
  decref(key);
  decref(value);
}

// Drops every entry's references and frees the table block.
void release_table(void* block, DictEntry* entries, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (entries[i].key) {
      decref(entries[i].key);
      decref(entries[i].value);
    }
  }
  if (block) mem_free(block);
}

}  // namespace

// ---- the public C++ API ----------------------------------------------------------

bool dict_check(const Object* o) {
  return o->type == &DictType || type_has(o->type, kDictSubclass);
}

// A new dict holds nothing, so it starts untracked (maintain_tracking).
Ref<Dict> dict_new() {
  void* mem = alloc_object_memory_untracked(&DictType, sizeof(Dict));
  if (!mem) return steal(static_cast<Dict*>(no_memory()));
  Dict* d = new (mem) Dict();
  init_header(d, &DictType);
  return steal(d);
}

Object* dict_get_hash(Dict* d, Object* key, int64_t hash) {
  int64_t ix = lookup(d, key, hash, nullptr);
  return ix >= 0 ? d->entries[ix].value : nullptr;
}

Object* dict_get(Dict* d, Object* key) {
  int64_t h = key_hash(key);
  if (h == -1) return nullptr;
  return dict_get_hash(d, key, h);
}

Object* dict_get_str(Dict* d, Str* key) {
  if (d->capacity == 0) return nullptr;
  int64_t hash = key->hash != -1 ? key->hash : str_hash(key);
  size_t slot;
  int64_t ix = with_index(d, [&](auto* index) { return probe_fast(d, index, key, hash, true, &slot); });
  if (ix >= 0) return d->entries[ix].value;
  if (ix == kNeedsEq) return dict_get_hash(d, key, hash);   // a non-str key with the same hash
  return nullptr;
}

Object* dict_get_cstr(Dict* d, std::string_view key) {
  Ref<Str> s = str_from(key);
  if (!s) return nullptr;
  return dict_get_str(d, s.get());
}

int dict_set_hash(Dict* d, Object* key, int64_t hash, Object* value) {
  Ref<Object> keep_key = borrow(key);   // an __eq__ may drop the caller's ref
  int64_t ix = lookup(d, key, hash, nullptr);
  if (ix == kError) return -1;
  if (ix >= 0) {
    Object* old = d->entries[ix].value;
    if (old == value) return 0;
    maintain_tracking(d, key, value);
    incref(value);
    d->entries[ix].value = value;
    bump(d);
    decref(old);
    return 0;
  }
  return insert_new(d, key, hash, value) ? 0 : -1;
}

int dict_set(Dict* d, Object* key, Object* value) {
  int64_t h = key_hash(key);
  if (h == -1) return -1;
  return dict_set_hash(d, key, h, value);
}

int dict_set_str(Dict* d, std::string_view key, Object* value) {
  Ref<Str> s = intern_str(str_from(key));
  if (!s) return -1;
  return dict_set(d, s.get(), value);
}

void set_key_error(Object* key) {
  Ref<Tuple> args = tuple_pack({key});
  if (!args) return;
  Ref<Object> e = new_exception_args(exc::KeyError, std::move(args));
  if (e) set_error_object(e.get());
}

int dict_del(Dict* d, Object* key) {
  int64_t h = key_hash(key);
  if (h == -1) return -1;
  Ref<Object> keep_key = borrow(key);
  size_t slot = 0;
  int64_t ix = lookup(d, key, h, &slot);
  if (ix == kError) return -1;
  if (ix == kEmpty) {
    set_key_error(key);
    return -1;
  }
  delete_entry(d, slot, ix);
  return 0;
}

int dict_contains(Dict* d, Object* key) {
  int64_t h = key_hash(key);
  if (h == -1) return -1;
  int64_t ix = lookup(d, key, h, nullptr);
  if (ix == kError) return -1;
  return ix >= 0;
}

bool dict_next_hash(Dict* d, size_t* pos, Object** key, Object** value, int64_t* hash) {
  size_t i = *pos;
  while (i < d->nentries && d->entries[i].key == nullptr) i++;
  if (i >= d->nentries) return false;
  DictEntry* e = &d->entries[i];
  *pos = i + 1;
  if (key) *key = e->key;
  if (value) *value = e->value;
  if (hash) *hash = e->hash;
  return true;
}

bool dict_next(Dict* d, size_t* pos, Object** key, Object** value) {
  return dict_next_hash(d, pos, key, value, nullptr);
}

Ref<Object> dict_pop(Dict* d, Object* key, Object* deflt) {
  if (d->used == 0) {
    if (deflt) return borrow(deflt);
    set_key_error(key);
    return nullptr;
  }
  int64_t h = key_hash(key);
  if (h == -1) return nullptr;
  Ref<Object> keep_key = borrow(key);
  size_t slot = 0;
  int64_t ix = lookup(d, key, h, &slot);
  if (ix == kError) return nullptr;
  if (ix == kEmpty) {
    if (deflt) return borrow(deflt);
    set_key_error(key);
    return nullptr;
  }
  Ref<Object> value = borrow(d->entries[ix].value);
  delete_entry(d, slot, ix);
  return value;
}

Object* dict_setdefault(Dict* d, Object* key, Object* value) {
  int64_t h = key_hash(key);
  if (h == -1) return nullptr;
  Ref<Object> keep_key = borrow(key);
  int64_t ix = lookup(d, key, h, nullptr);
  if (ix == kError) return nullptr;
  if (ix >= 0) return d->entries[ix].value;
  if (!insert_new(d, key, h, value)) return nullptr;
  return value;
}

void dict_clear(Dict* d) {
  void* block = d->index;
  DictEntry* entries = d->entries;
  size_t n = d->nentries;
  d->entries = nullptr;
  d->index = nullptr;
  d->used = 0;
  d->nentries = d->room = d->capacity = 0;
  bump(d);
  release_table(block, entries, n);
}

Ref<Dict> dict_copy(Dict* src) {
  Ref<Dict> d = dict_new();
  if (!d) return nullptr;
  if (src->used == 0) return d;
  if (!resize(d.get(), size_t{src->used} * 3 / 2 + 1)) return nullptr;
  size_t pos = 0;
  Object *k, *v;
  int64_t h;
  while (dict_next_hash(src, &pos, &k, &v, &h))
    if (!insert_new(d.get(), k, h, v)) return nullptr;
  return d;
}

int dict_merge(Dict* d, Object* other, bool override) {
  if (dict_check(other) && (other->type == &DictType ||
                            type_lookup(other->type, names::__iter__) ==
                                type_lookup(&DictType, names::__iter__))) {
    Dict* o = as_dict(other);
    if (o == d || o->used == 0) return 0;
    if (d->used == 0 && d->capacity < size_t{o->used} * 3 / 2 + 1 &&
        !resize(d, size_t{o->used} * 3 / 2 + 1))
      return -1;
    // Iterate by position, checking for mutation: __eq__ may change `o`.
    size_t n = o->nentries;
    for (size_t i = 0; i < n && i < o->nentries; i++) {
      DictEntry e = o->entries[i];
      if (!e.key) continue;
      Ref<Object> k = borrow(e.key), v = borrow(e.value);
      if (!override) {
        int64_t ix = lookup(d, k.get(), e.hash, nullptr);
        if (ix == kError) return -1;
        if (ix >= 0) continue;
      }
      if (dict_set_hash(d, k.get(), e.hash, v.get()) < 0) return -1;
      if (o->nentries != n) {
        set_error(exc::RuntimeError, "dict mutated during update");
        return -1;
      }
    }
    return 0;
  }
  // A generic mapping: for k in other.keys(): d[k] = other[k].
  Ref<Object> keys = call_method(other, names::keys, nullptr, 0);
  if (!keys) return -1;
  Ref<Object> it = get_iter(keys.get());
  if (!it) return -1;
  for (;;) {
    Ref<Object> k = iter_next(it.get());
    if (!k) return error_occurred() ? -1 : 0;
    if (!override) {
      int c = dict_contains(d, k.get());
      if (c < 0) return -1;
      if (c) continue;
    }
    Ref<Object> v = getitem(other, k.get());
    if (!v) return -1;
    if (dict_set(d, k.get(), v.get()) < 0) return -1;
  }
}

namespace {

// d.update(iterable of pairs), CPython's PyDict_MergeFromSeq2.
int merge_from_pairs(Dict* d, Object* seq) {
  Ref<Object> it = get_iter(seq);
  if (!it) return -1;
  for (size_t i = 0;; i++) {
    Ref<Object> item = iter_next(it.get());
    if (!item) return error_occurred() ? -1 : 0;
    Ref<Object> fast;
    if (item->type == &ListType || item->type == &TupleType) {
      fast = item;
    } else {
      fast = sequence_to_list(item.get());
      if (!fast) {
        if (error_matches(exc::TypeError))
          set_errorf(exc::TypeError, "cannot convert dictionary update sequence element #%zd to a sequence",
                     static_cast<ssize_t>(i));
        return -1;
      }
    }
    Object** items;
    size_t n;
    if (fast->type == &TupleType) { items = static_cast<Tuple*>(fast.get())->items; n = static_cast<Tuple*>(fast.get())->size; }
    else { items = static_cast<List*>(fast.get())->items; n = static_cast<List*>(fast.get())->size; }
    if (n != 2) {
      set_errorf(exc::ValueError, "dictionary update sequence element #%zd has length %zd; 2 is required",
                 static_cast<ssize_t>(i), static_cast<ssize_t>(n));
      return -1;
    }
    Ref<Object> k = borrow(items[0]), v = borrow(items[1]);
    if (dict_set(d, k.get(), v.get()) < 0) return -1;
  }
}

}  // namespace

int dict_update(Dict* d, Object* other) {
  if (dict_check(other)) return dict_merge(d, other, true);
  Ref<Object> keys = getattr_opt(other, names::keys);
  if (!keys && error_occurred()) return -1;
  if (keys) return dict_merge(d, other, true);
  return merge_from_pairs(d, other);
}

Ref<Object> dict_keys_list(Dict* d) {
  Ref<List> l = list_new(0);
  if (!l) return nullptr;
  size_t pos = 0;
  Object *k, *v;
  while (dict_next(d, &pos, &k, &v))
    if (!list_append(l.get(), k)) return nullptr;
  return l;
}

Ref<Object> dict_values_list(Dict* d) {
  Ref<List> l = list_new(0);
  if (!l) return nullptr;
  size_t pos = 0;
  Object *k, *v;
  while (dict_next(d, &pos, &k, &v))
    if (!list_append(l.get(), v)) return nullptr;
  return l;
}

Ref<Object> dict_items_list(Dict* d) {
  Ref<List> l = list_new(0);
  if (!l) return nullptr;
  size_t pos = 0;
  Object *k, *v;
  while (dict_next(d, &pos, &k, &v)) {
    Ref<Tuple> t = tuple_pack({k, v});
    if (!t || !list_append(l.get(), t.get())) return nullptr;
  }
  return l;
}

// ---- slots -------------------------------------------------------------------------

namespace {

void dict_dealloc(Object* self) {
  Dict* d = as_dict(self);
  release_table(d->index, d->entries, d->nentries);
  destroy_object(d);
}

void dict_traverse(Object* self, VisitFn visit, void* arg) {
  Dict* d = as_dict(self);
  for (size_t i = 0; i < d->nentries; i++) {
    if (d->entries[i].key) {
      visit(d->entries[i].key, arg);
      visit(d->entries[i].value, arg);
    }
  }
}

void dict_clear_slot(Object* self) { dict_clear(as_dict(self)); }

Ref<Object> dict_repr(Object* self) {
  Dict* d = as_dict(self);
  if (d->used == 0) return str_from("{}");
  ReprGuard guard(self);
  if (guard.recursive()) return str_from("{...}");
  std::string out = "{";
  bool first = true;
  for (size_t i = 0; i < d->nentries; i++) {   // re-read: a repr may mutate d
    if (!d->entries[i].key) continue;
    Ref<Object> k = borrow(d->entries[i].key), v = borrow(d->entries[i].value);
    if (!first) out += ", ";
    first = false;
    Ref<Object> r = repr(k.get());
    if (!r) return nullptr;
    out += str_view(r.get());
    out += ": ";
    r = repr(v.get());
    if (!r) return nullptr;
    out += str_view(r.get());
  }
  out += "}";
  return str_from(out);
}

// a == b for two dicts: same size, and each key of a maps to an equal value in b.
int dict_equal(Dict* a, Dict* b) {
  if (a->used != b->used) return 0;
  for (size_t i = 0; i < a->nentries; i++) {
    DictEntry e = a->entries[i];
    if (!e.key) continue;
    Ref<Object> k = borrow(e.key), av = borrow(e.value);
    int64_t ix = lookup(b, k.get(), e.hash, nullptr);
    if (ix == kError) return -1;
    if (ix == kEmpty) return 0;
    Ref<Object> bv = borrow(b->entries[ix].value);
    int c = equal(av.get(), bv.get());
    if (c <= 0) return c;
  }
  return 1;
}

Ref<Object> dict_richcompare(Object* a, Object* b, CompareOp op) {
  if (!dict_check(a) || !dict_check(b) || (op != CompareOp::Eq && op != CompareOp::Ne))
    return not_implemented();
  int c = dict_equal(as_dict(a), as_dict(b));
  if (c < 0) return nullptr;
  return new_bool((c == 1) == (op == CompareOp::Eq));
}

int64_t dict_length(Object* self) { return static_cast<int64_t>(as_dict(self)->used); }

Ref<Object> dict_subscript(Object* self, Object* key) {
  Dict* d = as_dict(self);
  int64_t h = key_hash(key);
  if (h == -1) return nullptr;
  int64_t ix = lookup(d, key, h, nullptr);
  if (ix == kError) return nullptr;
  if (ix >= 0) return borrow(d->entries[ix].value);
  if (self->type != &DictType) {
    // Subclasses may define __missing__ (collections.defaultdict, Counter).
    Object* missing = type_lookup(self->type, names::__missing__);
    if (missing) {
      Object* args[] = {self, key};
      return call(missing, args, 2);
    }
  }
  set_key_error(key);
  return nullptr;
}

int dict_ass_subscript(Object* self, Object* key, Object* value) {
  if (value) return dict_set(as_dict(self), key, value);
  return dict_del(as_dict(self), key);
}

int dict_contains_slot(Object* self, Object* key) { return dict_contains(as_dict(self), key); }

Ref<Object> dict_iter(Object* self) { return dict_iter_new(as_dict(self), DictIterKind::Keys, false); }

Ref<Object> dict_or(Object* a, Object* b) {
  if (!dict_check(a) || !dict_check(b)) return not_implemented();
  Ref<Dict> r = dict_copy(as_dict(a));
  if (!r) return nullptr;
  if (dict_update(r.get(), b) < 0) return nullptr;
  return r;
}

Ref<Object> dict_ior(Object* a, Object* b) {
  if (!dict_check(a)) return not_implemented();
  if (dict_update(as_dict(a), b) < 0) return nullptr;
  return borrow(a);
}

Ref<Object> dict_new_slot(TypeObject* type, Object* const*, size_t, Tuple*) {
  if (type == &DictType) return dict_new();
  Dict* d = alloc_instance<Dict>(type, &DictType);
  if (!d) return nullptr;
  return steal<Object>(d);
}

// Shared by __init__ and update(): one optional positional, then kwargs.
int update_common(Dict* d, const char* fname, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!check_nargs(fname, nargs, 0, 1)) return -1;
  if (nargs == 1 && dict_update(d, args[0]) < 0) return -1;
  if (kwnames) {
    for (size_t i = 0; i < kwnames->size; i++)
      if (dict_set(d, kwnames->items[i], args[nargs + i]) < 0) return -1;
  }
  return 0;
}

int dict_init(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  return update_common(as_dict(self), "dict", args, nargs, kwnames);
}

// ---- methods ----------------------------------------------------------------------

#define NO_KW(name) if (!check_no_kwargs(name, kwnames)) return nullptr

Ref<Object> dict_get_meth(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  NO_KW("get");
  if (!check_nargs("get", nargs, 1, 2)) return nullptr;
  Object* v = dict_get(as_dict(self), args[0]);
  if (v) return borrow(v);
  if (error_occurred()) return nullptr;
  return borrow(nargs == 2 ? args[1] : None);
}

Ref<Object> dict_setdefault_meth(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  NO_KW("setdefault");
  if (!check_nargs("setdefault", nargs, 1, 2)) return nullptr;
  Object* v = dict_setdefault(as_dict(self), args[0], nargs == 2 ? args[1] : None);
  return v ? borrow(v) : nullptr;
}

Ref<Object> dict_pop_meth(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  NO_KW("pop");
  if (!check_nargs("pop", nargs, 1, 2)) return nullptr;
  return dict_pop(as_dict(self), args[0], nargs == 2 ? args[1] : nullptr);
}

Ref<Object> dict_popitem_meth(Object* self, Object* const*, size_t nargs, Tuple* kwnames) {
  NO_KW("popitem");
  if (nargs) return set_errorf(exc::TypeError, "dict.popitem() takes no arguments (%zd given)", static_cast<ssize_t>(nargs));
  Dict* d = as_dict(self);
  if (d->used == 0) {
    set_key_error(Ref<Object>(str_from("popitem(): dictionary is empty")).get());
    return nullptr;
  }
  // The last live entry (LIFO order, as CPython).
  size_t i = d->nentries;
  while (i > 0 && d->entries[i - 1].key == nullptr) i--;
  DictEntry* e = &d->entries[i - 1];
  Ref<Tuple> result = tuple_pack({e->key, e->value});
  if (!result) return nullptr;
  // Find the index slot that points at this entry.
  size_t mask = d->capacity - 1;
  size_t slot = static_cast<size_t>(e->hash) & mask;
  size_t perturb = static_cast<size_t>(e->hash);
  while (get_ix(d, slot) != static_cast<int64_t>(i - 1)) {
    perturb >>= kPerturbShift;
    slot = (slot * 5 + perturb + 1) & mask;
  }
  delete_entry(d, slot, static_cast<int64_t>(i - 1));
  d->nentries = i - 1;
  return result;
}

Ref<Object> dict_update_meth(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (update_common(as_dict(self), "update", args, nargs, kwnames) < 0) return nullptr;
  return none();
}

Ref<Object> dict_clear_meth(Object* self, Object* const*, size_t nargs, Tuple* kwnames) {
  NO_KW("clear");
  if (nargs) return set_errorf(exc::TypeError, "dict.clear() takes no arguments (%zd given)", static_cast<ssize_t>(nargs));
  dict_clear(as_dict(self));
  return none();
}

Ref<Object> dict_copy_meth(Object* self, Object* const*, size_t nargs, Tuple* kwnames) {
  NO_KW("copy");
  if (nargs) return set_errorf(exc::TypeError, "dict.copy() takes no arguments (%zd given)", static_cast<ssize_t>(nargs));
  return dict_copy(as_dict(self));
}

Ref<Object> dict_keys_meth(Object* self, Object* const*, size_t nargs, Tuple* kwnames) {
  NO_KW("keys");
  if (nargs) return set_errorf(exc::TypeError, "dict.keys() takes no arguments (%zd given)", static_cast<ssize_t>(nargs));
  return dict_view_new(self, DictIterKind::Keys);
}

Ref<Object> dict_values_meth(Object* self, Object* const*, size_t nargs, Tuple* kwnames) {
  NO_KW("values");
  if (nargs) return set_errorf(exc::TypeError, "dict.values() takes no arguments (%zd given)", static_cast<ssize_t>(nargs));
  return dict_view_new(self, DictIterKind::Values);
}

Ref<Object> dict_items_meth(Object* self, Object* const*, size_t nargs, Tuple* kwnames) {
  NO_KW("items");
  if (nargs) return set_errorf(exc::TypeError, "dict.items() takes no arguments (%zd given)", static_cast<ssize_t>(nargs));
  return dict_view_new(self, DictIterKind::Items);
}

Ref<Object> dict_reversed_meth(Object* self, Object* const*, size_t, Tuple*) {
  return dict_iter_new(as_dict(self), DictIterKind::Keys, true);
}

Ref<Object> dict_contains_meth(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  NO_KW("__contains__");
  if (nargs != 1)
    return set_errorf(exc::TypeError, "dict.__contains__() takes exactly one argument (%zd given)", static_cast<ssize_t>(nargs));
  int c = dict_contains(as_dict(self), args[0]);
  if (c < 0) return nullptr;
  return new_bool(c);
}

Ref<Object> dict_getitem_meth(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  NO_KW("__getitem__");
  if (nargs != 1)
    return set_errorf(exc::TypeError, "dict.__getitem__() takes exactly one argument (%zd given)", static_cast<ssize_t>(nargs));
  return dict_subscript(self, args[0]);
}

// dict.fromkeys(iterable, value=None), a class method: `self` is the class.
Ref<Object> dict_fromkeys_meth(Object* cls, Object* const* args, size_t nargs, Tuple* kwnames) {
  NO_KW("fromkeys");
  if (!check_nargs("fromkeys", nargs, 1, 2)) return nullptr;
  Object* value = nargs == 2 ? args[1] : None;
  Ref<Object> d = call0(cls);
  if (!d) return nullptr;
  bool exact = d->type == &DictType;
  Ref<Object> it = get_iter(args[0]);
  if (!it) return nullptr;
  for (;;) {
    Ref<Object> k = iter_next(it.get());
    if (!k) return error_occurred() ? nullptr : d;
    int rc = exact ? dict_set(as_dict(d.get()), k.get(), value) : setitem(d.get(), k.get(), value);
    if (rc < 0) return nullptr;
  }
}

Ref<Object> dict_sizeof_meth(Object* self, Object* const*, size_t, Tuple*) {
  Dict* d = as_dict(self);
  // The real footprint: the struct and its table block (CPython counts
  // its 48-byte object and a 32-byte keys header on top of the same
  // index and entries, and 16 more for the GC header).
  size_t size = sizeof(Dict);
  if (d->capacity) size += table_bytes(d->capacity, d->room);
  return int_from_u64(size);
}

const MethodDef dict_methods[] = {
    {"__contains__", dict_contains_meth},
    {"__getitem__", dict_getitem_meth},
    {"__sizeof__", dict_sizeof_meth},
    {"get", dict_get_meth},
    {"setdefault", dict_setdefault_meth},
    {"pop", dict_pop_meth},
    {"popitem", dict_popitem_meth},
    {"keys", dict_keys_meth},
    {"items", dict_items_meth},
    {"values", dict_values_meth},
    {"update", dict_update_meth},
    {"fromkeys", dict_fromkeys_meth, MethodKind::Class},
    {"clear", dict_clear_meth},
    {"copy", dict_copy_meth},
    {"__reversed__", dict_reversed_meth},
    {nullptr, nullptr},
};

}  // namespace

void init_dict_type() {
  TypeObject& t = DictType;
  t.type = &TypeType;
  t.name = "dict";
  t.doc = "dict() -> new empty dictionary";
  t.flags = kBaseType | kHaveGC | kDictSubclass;
  t.basic_size = sizeof(Dict);
  t.base = &ObjectType;
  t.dealloc = dict_dealloc;
  t.traverse = dict_traverse;
  t.clear = dict_clear_slot;
  t.repr = dict_repr;
  t.hash = hash_not_implemented;   // unhashable
  t.richcompare = dict_richcompare;
  t.iter = dict_iter;
  t.new_ = dict_new_slot;
  t.init = dict_init;
  t.nb_binary[static_cast<int>(BinaryOp::Or)] = dict_or;
  t.nb_inplace[static_cast<int>(BinaryOp::Or)] = dict_ior;
  t.sq_length = dict_length;
  t.mp_subscript = dict_subscript;
  t.mp_ass_subscript = dict_ass_subscript;
  t.sq_contains = dict_contains_slot;
  t.methods = dict_methods;
  init_dictviews_types();
}

}  // namespace coil::runtime
