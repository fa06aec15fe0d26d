// dict.h — the dict type: an insertion-ordered hash table.
//
// Same shape as CPython's compact dict: a dense array of entries in
// insertion order and a sparse index table of slots pointing into it.
// Lookups by an interned str key (every attribute and global lookup)
// compare pointers before calling __eq__.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "runtime/object.h"

namespace coil::runtime {

struct TypeObject;
struct Str;
extern TypeObject DictType;

struct DictEntry {
  int64_t hash;
  Object* key;     // nullptr for a deleted entry
  Object* value;
};

// 56 bytes, and one more block for the table (none while the dict is
// empty): the index then the entries, so that a small dict costs two
// pooled blocks (a 2-key instance __dict__: 56 + 56 bytes).  Counts are
// 32-bit: a table is limited to 2**31 slots (MemoryError beyond).
struct Dict : Object {
  void* index = nullptr;          // owned block: the sparse index (entry numbers,
                                  // -1 empty, -2 dummy; int8/16/32 by capacity)
  DictEntry* entries = nullptr;   // dense, insertion order; inside index's block
  uint32_t nentries = 0;          // entries slots used (incl. deleted)
  uint32_t room = 0;              // entries slots allocated (<= 2/3 of capacity)
  uint32_t capacity = 0;          // index table size (a power of two)
  uint32_t used = 0;              // live entries
  uint64_t version = 0;           // bumped on every mutation (global caches)
};

bool dict_check(const Object* o);
Ref<Dict> dict_new();
// Borrowed value or nullptr.  nullptr with an exception set means __eq__ or
// __hash__ failed; check error_occurred() when the key may be foreign.
Object* dict_get(Dict* d, Object* key);
Object* dict_get_str(Dict* d, Str* key);           // fast path for str keys
Object* dict_get_cstr(Dict* d, std::string_view key);
int dict_set(Dict* d, Object* key, Object* value);  // 0 ok, -1 error
int dict_set_str(Dict* d, std::string_view key, Object* value);
int dict_del(Dict* d, Object* key);                 // KeyError if missing
// Iteration: `pos` starts at 0; returns false at the end.  Borrowed results.
bool dict_next(Dict* d, size_t* pos, Object** key, Object** value);
inline size_t dict_size(const Dict* d) { return d->used; }

// ---- additions (containers engineer) ----------------------------------------
// Lookups and stores with a precomputed hash (sets, the VM's caches).
// dict_get_hash: borrowed value or nullptr (check error_occurred()).
Object* dict_get_hash(Dict* d, Object* key, int64_t hash);
int dict_set_hash(Dict* d, Object* key, int64_t hash, Object* value);
// 1 present, 0 absent, -1 error.
int dict_contains(Dict* d, Object* key);
// Like dict_next, also giving the stored hash.
bool dict_next_hash(Dict* d, size_t* pos, Object** key, Object** value, int64_t* hash);
// dict.pop(key[, default]): `deflt` null raises KeyError(key) when missing.
Ref<Object> dict_pop(Dict* d, Object* key, Object* deflt);
// d.setdefault(key, value): borrowed result (the stored value) or null.
Object* dict_setdefault(Dict* d, Object* key, Object* value);
// A new exact dict with the same items.
Ref<Dict> dict_copy(Dict* d);
void dict_clear(Dict* d);
// dict.update(other) for one positional argument: a mapping (keys() and
// __getitem__) or an iterable of pairs.  0 ok, -1 error.
int dict_update(Dict* d, Object* other);
// Merges a mapping into d; `override` false keeps existing keys.
int dict_merge(Dict* d, Object* other, bool override);
// Lists of the keys / values / (key, value) tuples (dict.keys() snapshot).
Ref<Object> dict_keys_list(Dict* d);
Ref<Object> dict_values_list(Dict* d);
Ref<Object> dict_items_list(Dict* d);
// Sets KeyError(key) (the key as the exception's single argument).
void set_key_error(Object* key);

// Iterators and views (runtime/dictviews.cpp).
enum class DictIterKind : uint8_t { Keys, Values, Items };
Ref<Object> dict_iter_new(Dict* d, DictIterKind kind, bool reversed);
Ref<Object> dict_view_new(Object* d, DictIterKind kind);   // d: a dict
extern TypeObject DictKeysType, DictValuesType, DictItemsType;
void init_dictviews_types();   // called by init_dict_type()

void init_dict_type();

}  // namespace coil::runtime
