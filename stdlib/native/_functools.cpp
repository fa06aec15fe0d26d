// _functools.cpp — the native core of functools.lru_cache.
//
// `@lru_cache` wraps a function in a `_lru_cache_wrapper` object whose call
// slot runs on EVERY call of the memoized function, hit or miss, so it is
// written in C++ (functools.py keeps a Python twin of the same algorithm,
// _py_lru_cache_wrapper, for reading).
//
// One call:
//
//     key = make_key(args, kwargs)      # the args themselves when they are
//                                       #   one exact int or str, else a tuple
//     if key in cache:                  # a hit
//         move key to the most-recent end; hits += 1; return cache[key]
//     misses += 1
//     result = func(*args, **kwargs)    # may recurse into this wrapper!
//     if full: evict the least-recent key
//     cache[key] = result
//
// The cache is an ordinary dict, and a dict remembers insertion order, so
// "least recently used" is just "first in the dict": a hit deletes and
// re-inserts its key (moving it to the end) and an eviction removes the
// first key.  CPython keeps a separate doubly linked list of entries for
// the same purpose; the dict's order does the job with less code, at the
// price of a deleted slot per hit that the next dict resize compacts away.
// An unbounded cache (maxsize=None) skips the reordering altogether.
//
// The key's hash is computed once per call and reused for the lookup and
// the store (dict_get_hash / dict_set_hash).  An unhashable argument fails
// there, with the usual "unhashable type: 'list'".
//
// The wrapper has an instance __dict__ so that functools.update_wrapper can
// give it the wrapped function's __name__, __doc__ and __wrapped__, and a
// __get__ so that a decorated method binds to its instance like a function.
#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/descr.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/module.h"
#include "runtime/singletons.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"
#include "stdlib/native/modules.h"
#include "vm/function.h"

namespace coil::runtime {

TypeObject LruCacheType;

namespace {

struct LruCache : Object {
  Ref<Object> func;           // the user function
  Ref<Dict> cache;            // key -> result, least recent first
  Ref<Object> cache_info_type;  // functools._CacheInfo (a namedtuple class)
  int64_t maxsize = -1;       // -1: unbounded (maxsize=None)
  bool typed = false;         // typed=True: f(1) and f(1.0) are cached apart
  int64_t hits = 0, misses = 0;
  Dict* dict = nullptr;       // instance __dict__ (strong), from update_wrapper
};

inline LruCache* as_lru(Object* o) { return static_cast<LruCache*>(o); }

// Separates positional arguments from keyword items inside a key, so that
// f(1, 'a', 2) and f(1, a=2) get different keys.  Created once.
Object* kwd_mark() {
  static Object* mark = call0(&ObjectType).release();
  return mark;
}

// The cache key of a call (see the essay).  A new reference, or null with
// an exception set.
Ref<Object> make_key(LruCache* lru, Object* const* args, size_t nargs, Tuple* kwnames) {
  size_t nkw = kwnames ? kwnames->size : 0;
  if (nkw == 0 && nargs == 1 && !lru->typed &&
      (args[0]->type == &IntType || args[0]->type == &StrType))
    return borrow(args[0]);
  size_t n = nargs + (nkw ? 1 + 2 * nkw : 0);
  if (lru->typed) n += nargs + nkw;
  Ref<Tuple> key = tuple_new(n);
  if (!key) return nullptr;
  size_t k = 0;
  for (size_t i = 0; i < nargs; i++) tuple_set(key.get(), k++, borrow(args[i]));
  if (nkw) {
    tuple_set(key.get(), k++, borrow(kwd_mark()));
    for (size_t i = 0; i < nkw; i++) {
      tuple_set(key.get(), k++, borrow(kwnames->items[i]));
      tuple_set(key.get(), k++, borrow(args[nargs + i]));
    }
  }
  if (lru->typed) {
    for (size_t i = 0; i < nargs + nkw; i++) tuple_set(key.get(), k++, type_ref(args[i]));
  }
  return key;
}

// Moves `key` (present in the cache with `value`) to the most-recent end.
bool move_to_end(Dict* cache, Object* key, int64_t hash, Object* value) {
  Ref<Object> keep_key = borrow(key), keep_value = borrow(value);
  if (dict_del(cache, key) < 0) return false;
  return dict_set_hash(cache, keep_key.get(), hash, keep_value.get()) == 0;
}

// Removes the least recently used entry (the dict's first).
bool evict_oldest(Dict* cache) {
  size_t pos = 0;
  Object *k, *v;
  if (!dict_next(cache, &pos, &k, &v)) return true;
  Ref<Object> keep = borrow(k);
  return dict_del(cache, keep.get()) == 0;
}

Ref<Object> lru_call(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  LruCache* lru = as_lru(self);
  if (lru->maxsize == 0) {   // nothing is ever stored: every call is a miss
    lru->misses++;
    return call(lru->func.get(), args, nargs, kwnames);
  }
  Ref<Object> key = make_key(lru, args, nargs, kwnames);
  if (!key) return nullptr;
  int64_t h = hash(key.get());
  if (h == -1) return nullptr;
  Dict* cache = lru->cache.get();
  if (Object* hit = dict_get_hash(cache, key.get(), h)) {
    lru->hits++;
    Ref<Object> result = borrow(hit);
    if (lru->maxsize > 0 && !move_to_end(cache, key.get(), h, hit)) return nullptr;
    return result;
  }
  if (error_occurred()) return nullptr;   // __eq__ of a key failed
  lru->misses++;
  Ref<Object> result = call(lru->func.get(), args, nargs, kwnames);
  if (!result) return nullptr;
  // The call may have recursed and cached this very key (fib does): keep
  // the entry already there, as CPython does.
  int present = dict_contains(cache, key.get());
  if (present < 0) return nullptr;
  if (present) return result;
  if (lru->maxsize > 0 && dict_size(cache) >= static_cast<size_t>(lru->maxsize) &&
      !evict_oldest(cache))
    return nullptr;
  if (dict_set_hash(cache, key.get(), h, result.get()) < 0) return nullptr;
  return result;
}

// _lru_cache_wrapper(user_function, maxsize, typed, cache_info_type)
Ref<Object> lru_new(TypeObject* type, Object* const* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"_lru_cache_wrapper", {"user_function", "maxsize", "typed", "cache_info_type"}, 4};
  Object* a[4] = {};
  if (!bind_args(spec, args, nargs, kwnames, a)) return nullptr;
  if (!is_callable(a[0])) return set_error(exc::TypeError, "the first argument must be callable");
  int64_t maxsize = -1;
  if (a[1] != None) {
    if (!int_check(a[1])) return set_error(exc::TypeError, "maxsize should be integer or None");
    if (!index_to_i64(a[1], &maxsize)) return nullptr;
    if (maxsize < 0) maxsize = 0;
  }
  int typed = is_true(a[2]);
  if (typed < 0) return nullptr;
  Ref<Dict> cache = dict_new();
  if (!cache) return nullptr;
  auto* lru = alloc<LruCache>(type);
  if (!lru) return nullptr;
  lru->func = borrow(a[0]);
  lru->cache = std::move(cache);
  lru->cache_info_type = borrow(a[3]);
  lru->maxsize = maxsize;
  lru->typed = typed;
  return steal<Object>(lru);
}

void lru_dealloc(Object* self) {
  LruCache* lru = as_lru(self);
  xdecref(lru->dict);
  destroy_object(lru);
}

void lru_traverse(Object* self, VisitFn visit, void* arg) {
  LruCache* lru = as_lru(self);
  if (lru->func) visit(lru->func.get(), arg);
  if (lru->cache) visit(lru->cache.get(), arg);
  if (lru->cache_info_type) visit(lru->cache_info_type.get(), arg);
  if (lru->dict) visit(lru->dict, arg);
}

void lru_clear(Object* self) {
  LruCache* lru = as_lru(self);
  if (lru->cache) dict_clear(lru->cache.get());
  Dict* d = lru->dict;
  lru->dict = nullptr;
  xdecref(d);
}

// A method decorated with @lru_cache binds like a function: obj.m is a
// bound method whose call goes through the cache with obj as args[0].
Ref<Object> lru_descr_get(Object* self, Object* obj, Object*) {
  if (!obj || obj == None) return borrow(self);
  return vm::method_new(self, obj);
}

Ref<Object> lru_cache_info(Object* self, Object* const*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("cache_info", kwnames) || !check_nargs("cache_info", nargs, 0, 0)) return nullptr;
  LruCache* lru = as_lru(self);
  Ref<Object> hits = int_from_i64(lru->hits), misses = int_from_i64(lru->misses);
  Ref<Object> maxsize = lru->maxsize < 0 ? none() : int_from_i64(lru->maxsize);
  Ref<Object> currsize = int_from_i64(static_cast<int64_t>(dict_size(lru->cache.get())));
  if (!hits || !misses || !maxsize || !currsize) return nullptr;
  Object* info[4] = {hits.get(), misses.get(), maxsize.get(), currsize.get()};
  return call(lru->cache_info_type.get(), info, 4);
}

Ref<Object> lru_cache_clear(Object* self, Object* const*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("cache_clear", kwnames) || !check_nargs("cache_clear", nargs, 0, 0)) return nullptr;
  LruCache* lru = as_lru(self);
  lru->hits = lru->misses = 0;
  dict_clear(lru->cache.get());
  return none();
}

// copy.copy / copy.deepcopy of a cached function return it unchanged, as
// for plain functions.
Ref<Object> lru_copy(Object* self, Object* const*, size_t, Tuple*) { return borrow(self); }

Ref<Object> lru_get_dict(Object* self) {
  Dict* d = instance_dict(self);
  if (!d) return error_occurred() ? nullptr : set_error(exc::AttributeError, "This object has no __dict__");
  return borrow<Object>(d);
}

const MethodDef lru_methods[] = {
    {"cache_info", lru_cache_info, MethodKind::Instance, "Report cache statistics"},
    {"cache_clear", lru_cache_clear, MethodKind::Instance, "Clear the cache and cache statistics"},
    {"__copy__", lru_copy, MethodKind::Instance, nullptr},
    {"__deepcopy__", lru_copy, MethodKind::Instance, nullptr},
    {nullptr, nullptr}};

const GetSetDef lru_getset[] = {
    {"__dict__", lru_get_dict, nullptr, nullptr},
    {nullptr, nullptr}};

bool ready_lru_type() {
  static bool ready = false;
  if (ready) return true;
  TypeObject& t = LruCacheType;
  t.type = &TypeType;
  t.name = "functools._lru_cache_wrapper";
  t.doc = "Create a cached callable that wraps another function.";
  t.flags = kHaveGC | kMethodDescriptor;
  t.basic_size = sizeof(LruCache);
  {
    // Where the __dict__ field sits, measured on a probe object (offsetof
    // is not portable for a struct with base classes and Ref members).
    LruCache probe;
    t.dict_offset = reinterpret_cast<char*>(&probe.dict) - reinterpret_cast<char*>(&probe);
  }
  t.base = &ObjectType;
  t.dealloc = lru_dealloc;
  t.traverse = lru_traverse;
  t.clear = lru_clear;
  t.call = lru_call;
  t.new_ = lru_new;
  t.descr_get = lru_descr_get;
  t.methods = lru_methods;
  t.getset = lru_getset;
  if (!type_ready(&t)) return false;
  ready = true;
  return true;
}

}  // namespace

Ref<Object> make__functools_module() {
  if (!ready_lru_type()) return nullptr;
  Ref<Object> m = module_new_builtin("_functools");
  if (!m) return nullptr;
  if (!module_add_object(m.get(), "_lru_cache_wrapper", &LruCacheType)) return nullptr;
  return m;
}

}  // namespace coil::runtime
