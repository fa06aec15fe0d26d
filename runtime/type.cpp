// type.cpp — `type` and `object`: the two objects every other type hangs from.
//
// WHAT A TYPE IS.  A TypeObject is an ordinary object (its type is `type`)
// holding the slots that give syntax its meaning (type.h), a dict (the
// class namespace), its bases and its MRO.  Built-in types are static
// TypeObjects filled by their file's init function; classes made by
// `class` statements are "heap types" allocated here by type_new().
//
// TYPE_READY.  Every type passes through type_ready() once:
//   1. the MRO is computed (C3 linearisation, CPython's error message);
//   2. for a built-in type, its C++ definitions become objects in its dict:
//      methods -> method descriptors, getsets -> getset descriptors, slots
//      -> wrapper descriptors (typeslots.cpp), so `list.append` and
//      `int.__add__` exist;
//   3. empty slots are inherited from the bases along the MRO.
// A heap type then has its slots pointed at its Python dunders
// (fixup_slots in typeslots.cpp).
//
// ATTRIBUTE LOOKUP.  type_lookup(type, name) walks the MRO's dicts.  It is
// the hottest function of the runtime, so results are cached in a global
// 4096-entry table keyed by (type version tag, interned name pointer), as
// CPython's method cache.  Any change to a class dict (setattr on a class,
// or on one of its bases) calls type_modified(), which gives the type and
// all its subclasses fresh version tags, so stale entries simply miss.
//
// A metaclass that overrides mro() gets its say when a class is created
// (mro_for_heap_type); otherwise it is plain C3.
//
// INSTANCE LAYOUT OF HEAP TYPES.  An instance of a Python class is laid out
// like an instance of its nearest built-in base plus some pointer-sized
// "heap words": its __slots__ values (member descriptors hold their byte
// offset, as CPython's) and, when the class adds one, its __dict__ pointer
// (dict_offset).  Where the words go depends on the built-in base:
//   * fixed-size bases (object, list, dict, int, float, exceptions, ...):
//     right after the base's struct, so dict_offset is positive as
//     CPython's tp_dictoffset and basic_size includes the words
//     (extras_base = the base's size rounded to 8);
//   * variable-size bases (str, bytes, tuple: items follow the struct):
//     just before the object, words -8, -16, ... (extras_base = -8), in a
//     block from mem_alloc_prefixed — the place CPython 3.11 keeps its
//     "managed dict" pre-header too.
// alloc_object_memory (alloc.cpp) allocates and zeroes the words for
// alloc<T>; subtype_dealloc/traverse/clear walk them (heap_word()).
// object.__sizeof__ counts the struct plus 8 bytes a word, which is also
// what sys.getsizeof reports (no hidden header), so a slotted instance
// measures smaller than a dict-based one plus its dict — as in CPython.
// Two classes with the same layout may trade instances (obj.__class__ = C).
//
// FINALIZATION.  subtype_dealloc runs __del__ (tp_finalize) with the
// object briefly resurrected; the cycle collector's "finalized" bit
// (runtime/gc.h) makes sure __del__ never runs twice (PEP 442), whether
// the refcount or the collector ran it first.
#include "runtime/type.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/descr.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/gc.h"
#include "runtime/genericalias.h"
#include "runtime/iterobject.h"
#include "runtime/set.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/names.h"
#include "runtime/singletons.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/typeslots.h"
#include "runtime/weakref.h"

namespace coil::runtime {

TypeObject TypeType;
TypeObject ObjectType;

extern const GetSetDef subtype_dict_getset[];

Object* (*current_module_name_hook)() = nullptr;
bool (*classcell_set_hook)(Object* cell, Object* cls) = nullptr;

namespace {

inline TypeObject* as_type(Object* o) { return static_cast<TypeObject*>(o); }
inline Tuple* as_tuple(Object* o) { return static_cast<Tuple*>(o); }
inline Dict* type_dict(const TypeObject* t) { return static_cast<Dict*>(t->dict.get()); }

// ---- version tags and the method cache ----------------------------------------------

uint64_t g_next_version = 1;

constexpr size_t kCacheSize = 4096;
struct CacheEntry {
  uint64_t version = 0;
  Str* name = nullptr;
  Object* value = nullptr;   // borrowed: valid while the version holds
};
CacheEntry g_cache[kCacheSize];

inline size_t cache_index(uint64_t version, const Str* name) {
  uint64_t h = version * 0x9E3779B97F4A7C15ull ^ (reinterpret_cast<uintptr_t>(name) >> 4);
  return static_cast<size_t>((h ^ (h >> 29)) & (kCacheSize - 1));
}

// Subclass lists: borrowed pointers, so a subclass does not keep itself
// alive through its base.  A heap type removes itself when freed.
std::unordered_map<const TypeObject*, std::vector<TypeObject*>>& subclass_map() {
  static auto* m = new std::unordered_map<const TypeObject*, std::vector<TypeObject*>>();
  return *m;
}

}  // namespace

void type_add_subclass(TypeObject* base, TypeObject* sub) {
  auto& v = subclass_map()[base];
  if (std::find(v.begin(), v.end(), sub) == v.end()) v.push_back(sub);
}

namespace {

void remove_subclass(TypeObject* base, TypeObject* sub) {
  auto it = subclass_map().find(base);
  if (it == subclass_map().end()) return;
  auto& v = it->second;
  v.erase(std::remove(v.begin(), v.end(), sub), v.end());
}

}  // namespace

void type_modified(TypeObject* type) {
  type->version_tag = g_next_version++;
  auto it = subclass_map().find(type);
  if (it == subclass_map().end()) return;
  std::vector<TypeObject*> subs = it->second;   // copy: recursion may not mutate, but be safe
  for (TypeObject* s : subs) type_modified(s);
}

namespace {

// The uncached walk along the MRO (or the base chain before type_ready).
Object* lookup_uncached(TypeObject* type, Str* name) {
  if (type->mro) {
    Tuple* mro = as_tuple(type->mro.get());
    for (size_t i = 0; i < mro->size; i++) {
      Dict* d = type_dict(as_type(mro->items[i]));
      if (!d) continue;
      Object* v = dict_get_str(d, name);
      if (v) return v;
    }
    return nullptr;
  }
  for (TypeObject* t = type; t; t = t->base) {
    Dict* d = type_dict(t);
    if (!d) continue;
    Object* v = dict_get_str(d, name);
    if (v) return v;
  }
  return nullptr;
}

}  // namespace

Object* type_lookup(TypeObject* type, Str* name) {
  // Only interned names are cached: their pointer identifies them.
  if (!name->interned || type->version_tag == 0) return lookup_uncached(type, name);
  CacheEntry& e = g_cache[cache_index(type->version_tag, name)];
  if (e.version == type->version_tag && e.name == name) return e.value;
  Object* v = lookup_uncached(type, name);
  // dict_get_str may have failed inside a __eq__ of a weird key; never
  // cache a lookup that raised.
  if (!error_occurred()) {
    e.version = type->version_tag;
    e.name = name;
    e.value = v;
  }
  return v;
}

// ---- small queries ------------------------------------------------------------------

std::string_view type_name(const TypeObject* type) {
  if (type->flags & kHeapType) return str_view(type->ht_name.get());
  std::string_view n = type->name ? type->name : "?";
  size_t dot = n.rfind('.');
  return dot == std::string_view::npos ? n : n.substr(dot + 1);
}

bool is_subtype(const TypeObject* sub, const TypeObject* base) {
  if (sub == base) return true;
  if (sub->mro) {
    const Tuple* mro = as_tuple(sub->mro.get());
    for (size_t i = 0; i < mro->size; i++)
      if (mro->items[i] == base) return true;
    return false;
  }
  for (const TypeObject* t = sub->base; t; t = t->base)
    if (t == base) return true;
  return base == &ObjectType;
}

bool type_check(const Object* o) {
  return o->type == &TypeType || type_has(o->type, kTypeSubclass);
}

Object** instance_dict_slot(Object* o) {
  int64_t off = o->type->dict_offset;
  if (!off) return nullptr;
  return reinterpret_cast<Object**>(reinterpret_cast<char*>(o) + off);
}

Dict* instance_dict(Object* o) {
  Object** slot = instance_dict_slot(o);
  if (!slot) return nullptr;
  if (!*slot) {
    Ref<Dict> d = dict_new();
    if (!d) return nullptr;
    *slot = d.release();
  }
  return static_cast<Dict*>(*slot);
}

int64_t hash_pointer(const void* p) {
  // CPython's _Py_HashPointer: rotate right by 4 so the always-zero
  // alignment bits do not cluster hash slots.
  uint64_t y = reinterpret_cast<uintptr_t>(p);
  y = (y >> 4) | (y << 60);
  int64_t h = static_cast<int64_t>(y);
  return h == -1 ? -2 : h;
}

int64_t hash_not_implemented(Object* self) {
  set_errorf(exc::TypeError, "unhashable type: '%T'", self);
  return -1;
}

Ref<Object> lookup_special(Object* o, Str* name) {
  Object* f = type_lookup(o->type, name);
  if (!f) return nullptr;
  if (f->type->descr_get) return f->type->descr_get(f, o, o->type);
  return Ref<Object>::borrow(f);
}

// ---- MRO (C3) ---------------------------------------------------------------------------

namespace {

std::string names_of(const std::vector<std::vector<TypeObject*>>& seqs) {
  // CPython lists the heads that could not be placed, in base order.
  std::string out;
  std::vector<TypeObject*> seen;
  for (const auto& s : seqs) {
    if (s.empty()) continue;
    TypeObject* t = s.front();
    if (std::find(seen.begin(), seen.end(), t) != seen.end()) continue;
    seen.push_back(t);
    if (!out.empty()) out += ", ";
    out += type_name(t);
  }
  return out;
}

}  // namespace

Ref<Object> compute_mro(TypeObject* type) {
  Tuple* bases = as_tuple(type->bases.get());
  // Fast path: single inheritance is type + base's MRO.
  if (bases->size == 1 && as_type(bases->items[0])->mro) {
    Tuple* bmro = as_tuple(as_type(bases->items[0])->mro.get());
    Ref<Tuple> mro = tuple_new(bmro->size + 1);
    if (!mro) return nullptr;
    tuple_set(mro.get(), 0, Ref<Object>::borrow(type));
    for (size_t i = 0; i < bmro->size; i++) tuple_set(mro.get(), i + 1, Ref<Object>::borrow(bmro->items[i]));
    return mro;
  }
  // merge(L[B1], ..., L[Bn], [B1..Bn])
  std::vector<std::vector<TypeObject*>> seqs;
  for (size_t i = 0; i < bases->size; i++) {
    TypeObject* b = as_type(bases->items[i]);
    std::vector<TypeObject*> l;
    if (b->mro) {
      Tuple* bm = as_tuple(b->mro.get());
      for (size_t j = 0; j < bm->size; j++) l.push_back(as_type(bm->items[j]));
    } else {
      for (TypeObject* t = b; t; t = t->base) l.push_back(t);
    }
    seqs.push_back(std::move(l));
  }
  std::vector<TypeObject*> order;
  for (size_t i = 0; i < bases->size; i++) {
    TypeObject* b = as_type(bases->items[i]);
    if (std::find(order.begin(), order.end(), b) != order.end()) {
      return set_errorf(exc::TypeError, "duplicate base class %s", std::string(type_name(b)).c_str());
    }
    order.push_back(b);
  }
  seqs.push_back(order);

  std::vector<TypeObject*> result{type};
  std::vector<size_t> pos(seqs.size(), 0);
  for (;;) {
    bool empty = true;
    TypeObject* pick = nullptr;
    for (size_t i = 0; i < seqs.size() && !pick; i++) {
      if (pos[i] >= seqs[i].size()) continue;
      empty = false;
      TypeObject* cand = seqs[i][pos[i]];
      bool in_tail = false;
      for (size_t j = 0; j < seqs.size() && !in_tail; j++)
        for (size_t k = pos[j] + 1; k < seqs[j].size(); k++)
          if (seqs[j][k] == cand) { in_tail = true; break; }
      if (!in_tail) pick = cand;
    }
    if (empty) break;
    if (!pick) {
      std::vector<std::vector<TypeObject*>> rest;
      for (size_t i = 0; i + 1 < seqs.size(); i++)
        if (pos[i] < seqs[i].size()) rest.push_back({seqs[i][pos[i]]});
      return set_errorf(exc::TypeError,
                        "Cannot create a consistent method resolution\norder (MRO) for bases %s",
                        names_of(rest).c_str());
    }
    result.push_back(pick);
    for (size_t i = 0; i < seqs.size(); i++)
      if (pos[i] < seqs[i].size() && seqs[i][pos[i]] == pick) pos[i]++;
  }
  Ref<Tuple> mro = tuple_new(result.size());
  if (!mro) return nullptr;
  for (size_t i = 0; i < result.size(); i++) tuple_set(mro.get(), i, Ref<Object>::borrow(result[i]));
  return mro;
}

// ---- type_ready ---------------------------------------------------------------------------

namespace {

bool add_methods(TypeObject* type, Dict* dict) {
  if (!type->methods) return true;
  for (const MethodDef* m = type->methods; m->name; m++) {
    if (dict_get_cstr(dict, m->name)) continue;
    Ref<Object> d = new_method_descr(type, m);
    if (!d) return false;
    Str* key = intern(m->name);
    if (dict_set(dict, key, d.get()) < 0) return false;
  }
  return true;
}

bool add_getsets(TypeObject* type, Dict* dict) {
  if (!type->getset) return true;
  for (const GetSetDef* g = type->getset; g->name; g++) {
    if (dict_get_cstr(dict, g->name)) continue;
    Ref<Object> d = new_getset_descr(type, g);
    if (!d) return false;
    if (dict_set(dict, intern(g->name), d.get()) < 0) return false;
  }
  return true;
}

template <class F>
void inherit(F& mine, F theirs) {
  if (!mine) mine = theirs;
}

// Copies every slot `type` left empty from `b` (one base along the MRO).
void inherit_slots(TypeObject* type, TypeObject* b) {
  // hash and richcompare travel together: a type that defines equality
  // but not hashing must stay unhashable (CPython's inherit_slots rule).
  if (!type->richcompare && !type->hash) {
    type->richcompare = b->richcompare;
    type->hash = b->hash;
  } else if (!type->richcompare && type->hash) {
    type->richcompare = b->richcompare;
  }
  inherit(type->dealloc, b->dealloc);
  inherit(type->traverse, b->traverse);
  inherit(type->clear, b->clear);
  inherit(type->finalize, b->finalize);
  inherit(type->repr, b->repr);
  inherit(type->str, b->str);
  inherit(type->getattr, b->getattr);
  inherit(type->setattr, b->setattr);
  inherit(type->call, b->call);
  inherit(type->iter, b->iter);
  inherit(type->iternext, b->iternext);
  inherit(type->descr_get, b->descr_get);
  inherit(type->descr_set, b->descr_set);
  inherit(type->init, b->init);
  for (int i = 0; i < kNumBinaryOps; i++) {
    inherit(type->nb_binary[i], b->nb_binary[i]);
    inherit(type->nb_inplace[i], b->nb_inplace[i]);
  }
  inherit(type->nb_power3, b->nb_power3);
  inherit(type->nb_negative, b->nb_negative);
  inherit(type->nb_positive, b->nb_positive);
  inherit(type->nb_absolute, b->nb_absolute);
  inherit(type->nb_invert, b->nb_invert);
  inherit(type->nb_bool, b->nb_bool);
  inherit(type->nb_int, b->nb_int);
  inherit(type->nb_float, b->nb_float);
  inherit(type->nb_index, b->nb_index);
  inherit(type->sq_length, b->sq_length);
  inherit(type->mp_subscript, b->mp_subscript);
  inherit(type->mp_ass_subscript, b->mp_ass_subscript);
  inherit(type->sq_contains, b->sq_contains);
  inherit(type->am_await, b->am_await);
  inherit(type->am_aiter, b->am_aiter);
  inherit(type->am_anext, b->am_anext);
}

constexpr uint32_t kInheritedFlags = kIntSubclass | kListSubclass | kTupleSubclass |
                                     kBytesSubclass | kStrSubclass | kDictSubclass |
                                     kBaseExcSubclass | kTypeSubclass | kHaveGC;

}  // namespace

namespace {

Ref<Object> type_mro_meth(Object* self, Object* const*, size_t nargs, Tuple* kw);   // below
TypeObject* solid_base(TypeObject* type);                                         // below

// A metaclass may override mro() (CPython's mro_internal): its result,
// checked to hold only classes, becomes __mro__.  Plain `type` uses C3.
Ref<Object> mro_for_heap_type(TypeObject* type) {
  TypeObject* meta = type->type;
  if (meta == &TypeType) return compute_mro(type);
  static Str* const kMro = intern("mro");
  Object* m = type_lookup(meta, kMro);
  if (!m || (m->type == &MethodDescrType &&
             static_cast<MethodDescr*>(m)->def->fn == &type_mro_meth))
    return compute_mro(type);
  Ref<Object> r = call_special(type, kMro, nullptr, 0);
  if (!r) return nullptr;
  Ref<Object> t = sequence_to_tuple(r.get());
  if (!t) return nullptr;
  Tuple* items = as_tuple(t.get());
  TypeObject* solid = solid_base(type);
  for (size_t i = 0; i < items->size; i++) {
    Object* c = items->items[i];
    if (!type_check(c))
      return set_errorf(exc::TypeError, "mro() returned a non-class ('%s')", c->type->name);
    if (!is_subtype(solid, solid_base(as_type(c))))
      return set_errorf(exc::TypeError, "mro() returned base with unsuitable layout ('%s')",
                        as_type(c)->name);
  }
  return t;
}

// The built-in classes that CPython makes subscriptable (list[int] ...).
// Native types defined outside the core add kClassGetItemDef to their
// own method table instead.
bool is_builtin_generic(const TypeObject* t) {
  return t == &ListType || t == &DictType || t == &TupleType || t == &SetType ||
         t == &FrozenSetType || t == &EnumerateType;
}

}  // namespace

// T.__new__ of a built-in type: `object.__new__(C)`, `int.__new__(C, 5)`.
Ref<Object> tp_new_wrapper(Object* self, Object* const* args, size_t nargs, Tuple* kwnames);
extern const MethodDef tp_new_def = {"__new__", tp_new_wrapper, MethodKind::Instance,
                                     "Create and return a new object.  See help(type) for "
                                     "accurate signature."};

bool type_ready(TypeObject* type) {
  if (type->flags & kReady) return true;
  bool heap = type->flags & kHeapType;
  if (!type->type) type->type = &TypeType;
  if (!heap) type->refcnt = kImmortalRefcnt;
  if (!type->base && type != &ObjectType) type->base = &ObjectType;
  if (type->base && !(type->base->flags & kReady) && !type_ready(type->base)) return false;

  if (!type->bases) {
    type->bases = type->base ? Ref<Object>(tuple_pack({type->base})) : Ref<Object>(empty_tuple());
    if (!type->bases) return false;
  }
  Tuple* bases = as_tuple(type->bases.get());
  for (size_t i = 0; i < bases->size; i++) {
    TypeObject* b = as_type(bases->items[i]);
    if (!(b->flags & kReady) && !type_ready(b)) return false;
  }
  if (!type->dict) {
    type->dict = dict_new();
    if (!type->dict) return false;
  }
  Dict* dict = type_dict(type);

  Ref<Object> mro = heap ? mro_for_heap_type(type) : compute_mro(type);
  if (!mro) return false;
  type->mro = std::move(mro);

  if (!heap) {
    // Built-in definitions become descriptors before inheritance, so only
    // the slots this type itself defines get wrappers.
    if (!add_slot_wrappers(type, dict) || !add_methods(type, dict) || !add_getsets(type, dict))
      return false;
    // PEP 585: list[int], dict[str, int] ... build types.GenericAlias.
    if (is_builtin_generic(type) && !dict_get_str(dict, names::__class_getitem__)) {
      Ref<Object> cg = new_method_descr(type, &kClassGetItemDef);
      if (!cg || dict_set(dict, names::__class_getitem__, cg.get()) < 0) return false;
    }
    if (type->new_ && !dict_get_str(dict, names::__new__)) {
      Ref<Object> nw = new_builtin_function(&tp_new_def, type);
      if (!nw || dict_set(dict, names::__new__, nw.get()) < 0) return false;
    }
    if (!dict_get_str(dict, names::__doc__)) {
      Ref<Object> doc = type->doc ? Ref<Object>(str_from(type->doc)) : none();
      if (!doc || dict_set(dict, names::__doc__, doc.get()) < 0) return false;
    }
    // A static type with object as its base and no __new__ cannot be
    // instantiated from Python ("cannot create 'list_iterator' instances").
    if (!type->new_ && type->base != &ObjectType && type->base) type->new_ = type->base->new_;
  } else if (!type->new_ && type->base) {
    type->new_ = type->base->new_;
  }

  Tuple* mt = as_tuple(type->mro.get());
  for (size_t i = 1; i < mt->size; i++) inherit_slots(type, as_type(mt->items[i]));
  if (type->base) {
    if (!type->basic_size) type->basic_size = type->base->basic_size;
    if (!type->item_size) type->item_size = type->base->item_size;
    if (!type->dict_offset) type->dict_offset = type->base->dict_offset;
    if (!type->weaklist_offset) type->weaklist_offset = type->base->weaklist_offset;
    type->flags |= type->base->flags & kInheritedFlags;
  }
  if (!type->hash && type != &ObjectType) {
    type->hash = &hash_not_implemented;
    if (!dict_get_str(dict, names::__hash__) && dict_set(dict, names::__hash__, None) < 0)
      return false;
  }
  for (size_t i = 0; i < bases->size; i++) type_add_subclass(as_type(bases->items[i]), type);
  if (!heap) {
    // Static types are immortal; so are their dict, bases and MRO, which
    // keeps process exit from tearing them down in static-destructor order.
    incref(type->dict.get());
    incref(type->bases.get());
    incref(type->mro.get());
  }
  type->version_tag = g_next_version++;
  type->flags |= kReady;
  return true;
}

// ---- object ---------------------------------------------------------------------------------

namespace {

void object_dealloc(Object* self) {
  release_type_of(self);
  mem_free(self);
}

Ref<Object> object_repr(Object* self) {
  TypeObject* t = self->type;
  Ref<Object> mod;
  if (t->flags & kHeapType) {
    Object* m = dict_get_str(type_dict(t), names::__module__);
    if (m && str_check(m) && str_view(m) != "builtins") mod = Ref<Object>::borrow(m);
  }
  std::string qual = (t->flags & kHeapType) ? std::string(str_view(t->ht_qualname.get()))
                                           : std::string(t->name);
  char addr[32];
  std::snprintf(addr, sizeof addr, "%p", static_cast<void*>(self));
  std::string out = "<";
  if (mod) {
    out += str_view(mod.get());
    out += ".";
  }
  out += qual;
  out += " object at ";
  out += addr;
  out += ">";
  return str_from(out);
}

Ref<Object> object_str(Object* self) {
  UnaryFn f = self->type->repr;
  if (!f) return object_repr(self);
  return f(self);
}

int64_t object_hash(Object* self) { return hash_pointer(self); }

Ref<Object> object_richcompare(Object* self, Object* other, CompareOp op) {
  switch (op) {
    case CompareOp::Eq:
      return self == other ? new_bool(true) : not_implemented();
    case CompareOp::Ne: {
      // By default __ne__ delegates to __eq__ and inverts the result.
      RichCompareFn eq = self->type->richcompare;
      if (!eq) return not_implemented();
      Ref<Object> r = eq(self, other, CompareOp::Eq);
      if (!r || r.get() == NotImplemented) return r;
      int t = is_true(r.get());
      if (t < 0) return nullptr;
      return new_bool(!t);
    }
    default:
      return not_implemented();
  }
}

int object_init(Object* self, Object* const* args, size_t nargs, Tuple* kwnames);

Ref<Object> object_new(TypeObject* type, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (nargs || (kwnames && kwnames->size)) {
    if (type->new_ != &object_new)
      return type_error("object.__new__() takes exactly one argument (the type to instantiate)");
    if (type->init == &object_init)
      return set_errorf(exc::TypeError, "%s() takes no arguments", type->name);
  }
  if (type->flags & kIsAbstract) {
    // "Can't instantiate abstract class C with abstract method(s) f, g"
    Object* am = dict_get_str(type_dict(type), names::__abstractmethods__);
    Ref<Object> sorted_names;
    std::string list;
    size_t count = 0;
    if (am) {
      Ref<Object> l = sequence_to_list(am);
      if (!l) return nullptr;
      if (!list_sort(static_cast<List*>(l.get()), nullptr, false)) return nullptr;
      List* ll = static_cast<List*>(l.get());
      for (size_t i = 0; i < ll->size; i++) {
        std::string s;
        if (!str_utf8(ll->items[i], &s)) return nullptr;
        if (i) list += ", ";
        list += s;
      }
      count = ll->size;
    }
    return set_errorf(exc::TypeError, "Can't instantiate abstract class %s with abstract method%s %s",
                      type->name, count == 1 ? "" : "s", list.c_str());
  }
  size_t size = type->basic_size ? type->basic_size : sizeof(Object);
  if (type->extras_base > 0) size = static_cast<size_t>(type->extras_base);   // the struct
  void* mem = alloc_object_memory(type, size);
  if (!mem) return Ref<Object>::steal(no_memory());
  std::memset(mem, 0, size);
  Object* o = static_cast<Object*>(mem);
  init_header(o, type);
  return Ref<Object>::steal(o);
}

int object_init(Object* self, Object* const*, size_t nargs, Tuple* kwnames) {
  if (nargs || (kwnames && kwnames->size)) {
    TypeObject* type = self->type;
    if (type->init != &object_init) {
      type_error("object.__init__() takes exactly one argument (the instance to initialize)");
      return -1;
    }
    if (type->new_ == &object_new) {
      set_errorf(exc::TypeError, "%s() takes exactly one argument (the instance to initialize)",
                 type->name);
      return -1;
    }
  }
  return 0;
}

Ref<Object> object_get_class(Object* self) { return Ref<Object>::borrow(self->type); }

TypeObject* nearest_static_base(TypeObject* t);   // below
bool collect_slot_names(TypeObject* type, std::vector<Ref<Object>>* out);

// Whether instances of `a` and `b` have the same memory layout, so that an
// object may switch between them: the same built-in base, the same
// instance __dict__ arrangement and the same __slots__ (CPython's
// compatible_for_assignment).
bool same_layout(TypeObject* a, TypeObject* b) {
  if (nearest_static_base(a) != nearest_static_base(b) || a->dict_offset != b->dict_offset ||
      a->weaklist_offset != b->weaklist_offset || a->instance_extras != b->instance_extras)
    return false;
  std::vector<Ref<Object>> sa, sb;
  if (!collect_slot_names(a, &sa) || !collect_slot_names(b, &sb)) {
    clear_error();
    return false;
  }
  if (sa.size() != sb.size()) return false;
  for (size_t i = 0; i < sa.size(); i++)
    if (str_view(sa[i].get()) != str_view(sb[i].get())) return false;
  return true;
}

// obj.__class__ = C: only between classes written in Python (built-in
// types are immutable) whose instances are laid out alike.
int object_set_class(Object* self, Object* value) {
  if (!value) {
    type_error("can't delete __class__ attribute");
    return -1;
  }
  if (!type_check(value)) {
    set_errorf(exc::TypeError, "__class__ must be set to a class, not '%T' object", value);
    return -1;
  }
  TypeObject* newto = as_type(value);
  TypeObject* oldto = self->type;
  if (!(newto->flags & kHeapType) || !(oldto->flags & kHeapType)) {
    type_error("__class__ assignment only supported for mutable types or ModuleType subclasses");
    return -1;
  }
  if (!same_layout(oldto, newto)) {
    set_errorf(exc::TypeError, "__class__ assignment: '%s' object layout differs from '%s'",
               newto->name, oldto->name);
    return -1;
  }
  incref(newto);   // an instance owns a reference to its heap type
  self->type = newto;
  decref(oldto);
  return 0;
}

Ref<Object> object_dir(Object* self, Object* const*, size_t nargs, Tuple*) {
  Ref<Dict> result = dict_new();
  if (!result) return nullptr;
  Object** dslot = instance_dict_slot(self);
  if (dslot && *dslot && dict_merge(result.get(), *dslot, true) < 0) return nullptr;
  Tuple* mro = as_tuple(self->type->mro.get());
  for (size_t i = 0; i < mro->size; i++) {
    if (dict_merge(result.get(), type_dict(as_type(mro->items[i])), true) < 0) return nullptr;
  }
  return dict_keys_list(result.get());
}

Ref<Object> object_format(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("__format__", kw) || !check_nargs("__format__", nargs, 1, 1)) return nullptr;
  if (!str_check(args[0]))
    return set_errorf(exc::TypeError, "__format__() argument must be str, not %T", args[0]);
  if (static_cast<Str*>(args[0])->size != 0)
    return set_errorf(exc::TypeError, "unsupported format string passed to %s.__format__",
                      self->type->name);
  return str(self);
}

// object.__sizeof__: the bytes the object itself occupies.  For an
// instance of a class with __slots__ that is the struct plus the
// out-of-line array of slot values (8 bytes a slot).  The instance
// __dict__ is a separate object, counted by its own __sizeof__, exactly as
// in CPython.  Variable-size built-ins (list, dict, str, int) define their
// own __sizeof__.
Ref<Object> object_sizeof(Object* self, Object* const*, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("__sizeof__", kw)) return nullptr;
  if (nargs)
    return set_errorf(exc::TypeError, "object.__sizeof__() takes no arguments (%zu given)", nargs);
  TypeObject* t = self->type;
  size_t n = t->basic_size ? t->basic_size : sizeof(Object);
  // Words after the struct are in basic_size already; words before it not.
  if (t->extras_base < 0) n += static_cast<size_t>(t->instance_extras) * sizeof(Object*);
  return int_from_u64(n);
}

// A classmethod: `self` is the class it was called on, and CPython's
// messages name that class ("Sub.__init_subclass__() takes no keyword
// arguments"), since they are built from the bound method's qualname.
Ref<Object> object_init_subclass(Object* self, Object* const*, size_t nargs, Tuple* kw) {
  std::string who = "object";
  if (self && type_check(self)) {
    TypeObject* t = as_type(self);
    who = (t->flags & kHeapType) ? std::string(str_view(t->ht_qualname.get()))
                                 : std::string(type_name(t));
  }
  if (kw && kw->size)
    return set_errorf(exc::TypeError, "%s.__init_subclass__() takes no keyword arguments", who.c_str());
  if (nargs)
    return set_errorf(exc::TypeError, "%s.__init_subclass__() takes no arguments (%zu given)",
                      who.c_str(), nargs);
  return none();
}

std::string mangle(std::string_view cls, std::string_view name);   // below

// The names of every __slots__ member along the MRO, mangled, without
// __dict__ and __weakref__ (what copyreg._slotnames computes).
bool collect_slot_names(TypeObject* type, std::vector<Ref<Object>>* out) {
  Tuple* mro = as_tuple(type->mro.get());
  for (size_t i = 0; i < mro->size; i++) {
    TypeObject* t = as_type(mro->items[i]);
    if (!(t->flags & kHeapType)) continue;
    Object* slots = dict_get_str(type_dict(t), names::__slots__);
    if (!slots) continue;
    Ref<Object> seq = str_check(slots) ? Ref<Object>(tuple_pack({slots})) : sequence_to_tuple(slots);
    if (!seq) return false;
    Tuple* st = as_tuple(seq.get());
    for (size_t j = 0; j < st->size; j++) {
      std::string_view n = str_view(st->items[j]);
      if (n == "__dict__" || n == "__weakref__") continue;
      Ref<Object> m = str_from(mangle(type_name(t), n));
      if (!m) return false;
      out->push_back(std::move(m));
    }
  }
  return true;
}

// object.__getstate__() (new in 3.11): the instance __dict__ (or None
// when empty), paired with a dict of the set __slots__ values if any.
Ref<Object> object_getstate(Object* self, Object* const*, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("__getstate__", kw)) return nullptr;
  if (nargs)
    return set_errorf(exc::TypeError, "object.__getstate__() takes no arguments (%zu given)", nargs);
  Object** dslot = instance_dict_slot(self);
  Ref<Object> state = none();
  if (dslot && *dslot && dict_size(static_cast<Dict*>(*dslot))) state = Ref<Object>::borrow(*dslot);
  std::vector<Ref<Object>> slot_names;
  if (!collect_slot_names(self->type, &slot_names)) return nullptr;
  if (slot_names.empty()) return state;
  Ref<Dict> slots = dict_new();
  if (!slots) return nullptr;
  for (auto& n : slot_names) {
    Ref<Object> v = getattr_opt(self, static_cast<Str*>(n.get()));
    if (!v) {
      if (error_occurred()) return nullptr;
      continue;
    }
    if (dict_set(slots.get(), n.get(), v.get()) < 0) return nullptr;
  }
  if (!dict_size(slots.get())) return state;
  return tuple_pack({state.get(), slots.get()});
}

Ref<Object> object_subclasshook(Object*, Object* const*, size_t, Tuple*) {
  return not_implemented();
}

// object.__reduce_ex__(protocol): the minimal copyreg-free version.  Uses
// __reduce__ when a class overrides it; otherwise (cls, (), state) via
// copyreg.__newobj__ is left to the copyreg module (stdlib), which
// replaces this method's behaviour by defining __reduce__.
Ref<Object> object_reduce_ex(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  Object* own = type_lookup(self->type, names::__reduce__);
  Object* base = dict_get_str(type_dict(&ObjectType), names::__reduce__);
  if (own && own != base) return call_special(self, names::__reduce__, nullptr, 0);
  return set_errorf(exc::TypeError, "cannot pickle '%s' object", self->type->name);
}

Ref<Object> object_reduce(Object* self, Object* const*, size_t, Tuple*) {
  return set_errorf(exc::TypeError, "cannot pickle '%s' object", self->type->name);
}

// Instances' __dict__ attribute (a getset on every class that adds a dict).
Ref<Object> subtype_get_dict(Object* self) {
  Dict* d = instance_dict(self);
  if (!d) {
    if (!error_occurred())
      set_errorf(exc::AttributeError, "This object has no __dict__");
    return nullptr;
  }
  gc::mark_dict_exposed(d);   // CPython 3.11 makes the dict object now
  return Ref<Object>::borrow(d);
}

int subtype_set_dict(Object* self, Object* value) {
  Object** slot = instance_dict_slot(self);
  if (!slot) {
    set_errorf(exc::AttributeError, "This object has no __dict__");
    return -1;
  }
  if (value && !dict_check(value)) {
    set_errorf(exc::TypeError, "__dict__ must be set to a dictionary, not a '%T'", value);
    return -1;
  }
  Object* old = *slot;
  if (value) incref(value);
  *slot = value;
  xdecref(old);
  return 0;
}

// __weakref__: the first weak reference to the object, or None.
Ref<Object> subtype_get_weakref(Object* self) {
  Ref<Object> refs = weakref_list(self);
  if (!refs) return nullptr;
  List* l = static_cast<List*>(refs.get());
  return Ref<Object>::borrow(l->size ? l->items[0] : None);
}

const MethodDef object_methods[] = {
    {"__reduce_ex__", object_reduce_ex, MethodKind::Instance, "Helper for pickle."},
    {"__reduce__", object_reduce, MethodKind::Instance, "Helper for pickle."},
    {"__getstate__", object_getstate, MethodKind::Instance, "Helper for pickle."},
    {"__subclasshook__", object_subclasshook, MethodKind::Class,
     "Abstract classes can override this to customize issubclass()."},
    {"__init_subclass__", object_init_subclass, MethodKind::Class,
     "This method is called when a class is subclassed."},
    {"__format__", object_format, MethodKind::Instance, "Default object formatter."},
    {"__sizeof__", object_sizeof, MethodKind::Instance, "Size of object in memory, in bytes."},
    {"__dir__", object_dir, MethodKind::Instance, "Default dir() implementation."},
    {nullptr, nullptr},
};

const GetSetDef object_getset[] = {
    {"__class__", object_get_class, object_set_class, "the object's class"},
    {nullptr, nullptr},
};

}  // namespace

// The getset placed in a class's dict when it adds an instance __dict__.
extern const GetSetDef subtype_dict_getset[] = {
    {"__dict__", subtype_get_dict, subtype_set_dict, "dictionary for instance variables (if defined)"},
    {"__weakref__", subtype_get_weakref, nullptr, "list of weak references to the object (if defined)"},
    {nullptr, nullptr},
};

Ref<Object> tp_new_wrapper(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  TypeObject* type = as_type(self);
  if (nargs < 1)
    return set_errorf(exc::TypeError, "%s.__new__(): not enough arguments", type->name);
  Object* arg0 = args[0];
  if (!type_check(arg0))
    return set_errorf(exc::TypeError, "%s.__new__(X): X is not a type object (%T)", type->name, arg0);
  TypeObject* sub = as_type(arg0);
  if (!is_subtype(sub, type)) {
    return set_errorf(exc::TypeError, "%s.__new__(%s): %s is not a subtype of %s", type->name,
                      sub->name, sub->name, type->name);
  }
  // The most derived static base of `sub` must use this very __new__
  // (CPython: "object.__new__(int) is not safe, use int.__new__()").
  TypeObject* static_base = sub;
  while (static_base && (static_base->flags & kHeapType)) static_base = static_base->base;
  if (static_base && static_base->new_ != type->new_) {
    return set_errorf(exc::TypeError, "%s.__new__(%s) is not safe, use %s.__new__()", type->name,
                      sub->name, static_base->name);
  }
  return type->new_(sub, args + 1, nargs - 1, kwnames);
}

// ---- heap-type instances: dealloc and traversal ------------------------------------------------

namespace {

TypeObject* nearest_static_base(TypeObject* t) {
  while (t && (t->flags & kHeapType)) t = t->base;
  return t;
}

// Whether heap word `i` is the weak-reference list (a borrowed pointer
// that runtime/weakref.cpp manages), not a strong reference.
bool is_weaklist_word(TypeObject* t, uint32_t i) {
  return t->weaklist_offset != 0 && heap_word_offset(t, i) == t->weaklist_offset;
}

}  // namespace

void subtype_traverse(Object* self, VisitFn visit, void* arg) {
  TypeObject* t = self->type;
  for_each_heap_word_ref(self, [&](Object* v) { visit(v, arg); });
  visit(t, arg);
  TypeObject* b = nearest_static_base(t);
  if (b && b->traverse) b->traverse(self, visit, arg);
}

namespace {

// Drops the __dict__ and __slots__ words (each nulled before its decref,
// which may run arbitrary code).
void clear_heap_words(Object* self) {
  TypeObject* t = self->type;
  for (uint32_t i = 0; i < t->instance_extras; i++) {
    if (is_weaklist_word(t, i)) continue;
    Object** w = heap_word(self, i);
    Object* v = *w;
    *w = nullptr;
    xdecref(v);
  }
}

void subtype_clear(Object* self) {
  clear_heap_words(self);
  TypeObject* b = nearest_static_base(self->type);
  if (b && b->clear) b->clear(self);
}

void subtype_dealloc_now(Object* self);

// THE TRASHCAN (CPython's Py_TRASHCAN_BEGIN/END).  Freeing the head of a
// long chain (node.parent.parent...) frees the next node from inside this
// dealloc, and so on: 300,000 nodes would need 300,000 nested C++ calls and
// overflow the stack.  Past kTrashcanDepth nested heap-type deallocs, an
// object is parked instead and freed when the outermost dealloc unwinds,
// which keeps the depth bounded whatever the data structure.
constexpr int kTrashcanDepth = 50;
int g_dealloc_depth = 0;
std::vector<Object*>& trashcan() {
  static auto* v = new std::vector<Object*>();
  return *v;
}

void subtype_dealloc(Object* self) {
  if (g_dealloc_depth >= kTrashcanDepth) {
    try {
      trashcan().push_back(self);
      return;
    } catch (...) {
      // no memory to park it: free it here after all
    }
  }
  ++g_dealloc_depth;
  subtype_dealloc_now(self);
  --g_dealloc_depth;
  if (g_dealloc_depth == 0) {
    auto& parked = trashcan();
    while (!parked.empty()) {
      Object* o = parked.back();
      parked.pop_back();
      ++g_dealloc_depth;
      subtype_dealloc_now(o);
      --g_dealloc_depth;
    }
  }
}

void subtype_dealloc_now(Object* self) {
  TypeObject* t = self->type;
  if (t->finalize && !gc::is_finalized(self)) {
    // Resurrect for the duration of __del__; if it stored `self`
    // somewhere, the object lives on (and, finalized, is later freed
    // without a second call).
    gc::set_finalized(self);
    self->refcnt = 1;
    t->finalize(self);
    if (--self->refcnt != 0) return;
  }
  // Weak references die after __del__ ran and before the attributes are
  // dropped, so their callbacks run first (CPython's order).
  if (t->weaklist_offset) clear_weakrefs(self);
  clear_heap_words(self);
  TypeObject* b = nearest_static_base(t);
  // The static base's dealloc frees the memory and (destroy_object /
  // release_type_of) drops the instance's reference to its heap type.
  b->dealloc(self);
}

}  // namespace

// ---- type: the metatype -------------------------------------------------------------------------

namespace {

Ref<Object> type_repr(Object* self) {
  TypeObject* t = as_type(self);
  std::string out = "<class '";
  if (t->flags & kHeapType) {
    Object* m = dict_get_str(type_dict(t), names::__module__);
    if (m && str_check(m) && str_view(m) != "builtins") {
      out += str_view(m);
      out += ".";
    }
    out += str_view(t->ht_qualname.get());
  } else {
    out += t->name;
  }
  out += "'>";
  return str_from(out);
}

// type.__getattribute__: metatype data descriptors, then the class's own
// MRO (binding with obj=None), then the metatype's other attributes.
Ref<Object> type_getattro(Object* self, Str* name) {
  TypeObject* type = as_type(self);
  TypeObject* meta = self->type;
  Object* meta_attr = type_lookup(meta, name);
  Ref<Object> keep_meta = Ref<Object>::borrow(meta_attr);
  DescrGetFn meta_get = nullptr;
  if (meta_attr) {
    meta_get = meta_attr->type->descr_get;
    if (meta_get && meta_attr->type->descr_set) return meta_get(meta_attr, self, meta);
  }
  Object* attr = type_lookup(type, name);
  if (attr) {
    Ref<Object> keep = Ref<Object>::borrow(attr);
    DescrGetFn local_get = attr->type->descr_get;
    if (local_get) return local_get(attr, nullptr, self);
    return keep;
  }
  if (meta_get) return meta_get(meta_attr, self, meta);
  if (meta_attr) return keep_meta;
  if (error_occurred()) return nullptr;
  return set_errorf(exc::AttributeError, "type object '%s' has no attribute '%U'",
                    std::string(type_name(type)).c_str(), name);
}

void update_slots_recursive(TypeObject* type) {
  if (type->flags & kHeapType) fixup_slots(type);
  auto it = subclass_map().find(type);
  if (it == subclass_map().end()) return;
  std::vector<TypeObject*> subs = it->second;
  for (TypeObject* s : subs) update_slots_recursive(s);
}

bool is_dunder(std::string_view n) {
  return n.size() > 4 && n.substr(0, 2) == "__" && n.substr(n.size() - 2) == "__";
}

int type_setattro(Object* self, Str* name, Object* value) {
  TypeObject* type = as_type(self);
  if (!(type->flags & kHeapType)) {
    set_errorf(exc::TypeError, "cannot set '%U' attribute of immutable type '%s'", name, type->name);
    return -1;
  }
  // Data descriptors of the metatype (__name__, __qualname__, __doc__ ...).
  Object* meta_attr = type_lookup(self->type, name);
  if (meta_attr && meta_attr->type->descr_set) {
    Ref<Object> keep = Ref<Object>::borrow(meta_attr);
    return meta_attr->type->descr_set(meta_attr, self, value);
  }
  Ref<Str> key = intern_str(Ref<Str>::borrow(name));
  Dict* d = type_dict(type);
  if (value) {
    if (dict_set(d, key.get(), value) < 0) return -1;
  } else {
    if (!dict_get_str(d, key.get())) {
      set_errorf(exc::AttributeError, "type object '%s' has no attribute '%U'",
                 std::string(type_name(type)).c_str(), name);
      return -1;
    }
    if (dict_del(d, key.get()) < 0) return -1;
  }
  type_modified(type);
  if (is_dunder(name->view())) update_slots_recursive(type);
  return 0;
}

void type_dealloc(Object* self) {
  TypeObject* type = as_type(self);
  if (type->bases) {
    Tuple* bases = as_tuple(type->bases.get());
    for (size_t i = 0; i < bases->size; i++) remove_subclass(as_type(bases->items[i]), type);
  }
  subclass_map().erase(type);
  // Drop stale cache entries that may point into this type's dict.
  type->version_tag = 0;
  type->~TypeObject();   // releases dict, mro, bases, names
  release_type_of(self);
  mem_free(self);
}

void type_traverse(Object* self, VisitFn visit, void* arg) {
  TypeObject* t = as_type(self);
  if (!(t->flags & kHeapType)) return;
  if (t->dict) visit(t->dict.get(), arg);
  if (t->bases) visit(t->bases.get(), arg);
  if (t->mro) visit(t->mro.get(), arg);
  // t->base is borrowed (the bases tuple holds it): not visited.
  if (t->ht_name) visit(t->ht_name.get(), arg);
  if (t->ht_qualname) visit(t->ht_qualname.get(), arg);
}

void type_clear(Object* self) {
  TypeObject* t = as_type(self);
  if (!(t->flags & kHeapType)) return;
  Ref<Object> mro = std::move(t->mro);
  Ref<Object> dict = std::move(t->dict);
  type_modified(t);
}

// ---- type(name, bases, dict) ------------------------------------------------------------------

// The winner among the metatypes of `meta` and of every base.
TypeObject* calculate_metaclass(TypeObject* meta, Tuple* bases) {
  TypeObject* winner = meta;
  for (size_t i = 0; i < bases->size; i++) {
    TypeObject* t = bases->items[i]->type;
    if (is_subtype(winner, t)) continue;
    if (is_subtype(t, winner)) {
      winner = t;
      continue;
    }
    set_error(exc::TypeError,
              "metaclass conflict: the metaclass of a derived class must be a (non-strict) "
              "subclass of the metaclasses of all its bases");
    return nullptr;
  }
  return winner;
}

// Whether `type` adds instance storage beyond `base`'s (CPython's
// extra_ivars).  A heap type's __dict__ does not count; its slots do.
bool extra_ivars(TypeObject* type, TypeObject* base) {
  if (type->flags & kHeapType) return type->instance_slots > base->instance_slots;
  return type->basic_size != base->basic_size || type->item_size != base->item_size;
}

TypeObject* solid_base(TypeObject* type) {
  TypeObject* base = type->base ? solid_base(type->base) : &ObjectType;
  return extra_ivars(type, base) ? type : base;
}

TypeObject* best_base(Tuple* bases) {
  TypeObject* base = nullptr;
  TypeObject* winner = nullptr;
  for (size_t i = 0; i < bases->size; i++) {
    Object* b = bases->items[i];
    if (!type_check(b)) {
      set_error(exc::TypeError, "bases must be types");
      return nullptr;
    }
    TypeObject* bt = as_type(b);
    if (!(bt->flags & kBaseType)) {
      set_errorf(exc::TypeError, "type '%s' is not an acceptable base type", bt->name);
      return nullptr;
    }
    TypeObject* candidate = solid_base(bt);
    if (!winner) {
      winner = candidate;
      base = bt;
    } else if (is_subtype(winner, candidate)) {
      // keep
    } else if (is_subtype(candidate, winner)) {
      winner = candidate;
      base = bt;
    } else {
      set_error(exc::TypeError, "multiple bases have instance lay-out conflict");
      return nullptr;
    }
  }
  return base;
}

bool is_identifier(std::string_view s) {
  if (s.empty()) return false;
  for (size_t i = 0; i < s.size(); i++) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    bool ok = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80 ||
              (i > 0 && c >= '0' && c <= '9');
    if (!ok) return false;
  }
  return true;
}

// Private name mangling of slot names: __x in class _C becomes _C__x.
std::string mangle(std::string_view cls, std::string_view name) {
  if (name.size() < 3 || name.substr(0, 2) != "__" || name.substr(name.size() - 2) == "__" ||
      name.find('.') != std::string_view::npos)
    return std::string(name);
  size_t i = 0;
  while (i < cls.size() && cls[i] == '_') i++;
  if (i == cls.size()) return std::string(name);
  return "_" + std::string(cls.substr(i)) + std::string(name);
}

// Wraps a plain function found under `name` into classmethod/staticmethod.
bool wrap_special(Dict* dict, Str* name, Ref<Object> (*wrap)(Object*)) {
  Object* f = dict_get_str(dict, name);
  if (!f || f->type == &ClassMethodType || f->type == &StaticMethodType) return true;
  // Only Python functions are wrapped (CPython checks PyFunction_Check).
  if (!type_has(f->type, kMethodDescriptor) || f->type == &MethodDescrType ||
      f->type == &WrapperDescrType)
    return true;
  Ref<Object> w = wrap(f);
  return w && dict_set(dict, name, w.get()) == 0;
}

// Calls __set_name__ on every attribute that has one (PEP 487).
bool set_names(TypeObject* type) {
  Ref<Dict> copy = dict_copy(type_dict(type));
  if (!copy) return false;
  size_t pos = 0;
  Object *k, *v;
  while (dict_next(copy.get(), &pos, &k, &v)) {
    Object* f = type_lookup(v->type, names::__set_name__);
    if (!f) continue;
    Object* args[2] = {type, k};
    Ref<Object> r = call_special(v, names::__set_name__, args, 2);
    if (!r) {
      // 3.11 wraps the error: RuntimeError("Error calling __set_name__ ...")
      // with the original as __cause__.
      Ref<Object> cause = fetch_error();
      std::string msg = format_message("Error calling __set_name__ on '%s' instance %R in '%s'",
                                       v->type->name, k, std::string(type_name(type)).c_str());
      Ref<Object> e = new_exception(exc::RuntimeError, msg);
      if (!e) return false;
      auto* be = static_cast<BaseException*>(e.get());
      be->cause = cause;
      be->suppress_context = true;
      be->context = std::move(cause);
      restore_error(std::move(e));
      return false;
    }
  }
  return true;
}

// super(type, type).__init_subclass__(**kwds)
bool init_subclass(TypeObject* type, Object* const* kwvalues, Tuple* kwnames) {
  Tuple* mro = as_tuple(type->mro.get());
  for (size_t i = 1; i < mro->size; i++) {
    Object* f = dict_get_str(type_dict(as_type(mro->items[i])), names::__init_subclass__);
    if (!f) continue;
    Ref<Object> keep = Ref<Object>::borrow(f);
    Ref<Object> bound = f->type->descr_get ? f->type->descr_get(f, type, type) : keep;
    if (!bound) return false;
    size_t nkw = kwnames ? kwnames->size : 0;
    Ref<Object> r = call(bound.get(), kwvalues, 0, nkw ? kwnames : nullptr);
    return static_cast<bool>(r);
  }
  return true;
}

Ref<Object> type_new_impl(TypeObject* meta, Str* name, Tuple* bases_in, Dict* ns,
                          Object* const* kwvalues, Tuple* kwnames);

Ref<Object> type_new(TypeObject* meta, Object* const* args, size_t nargs, Tuple* kwnames) {
  // type(x) and "type() takes 1 or 3 arguments" are type_call's business;
  // type.__new__ itself wants exactly (name, bases, dict).
  if (nargs != 3)
    return set_errorf(exc::TypeError, "type.__new__() takes exactly 3 arguments (%zu given)", nargs);
  if (!str_check(args[0]))
    return set_errorf(exc::TypeError, "type.__new__() argument 1 must be str, not %T", args[0]);
  if (!tuple_check(args[1]))
    return set_errorf(exc::TypeError, "type.__new__() argument 2 must be tuple, not %T", args[1]);
  if (!dict_check(args[2]))
    return set_errorf(exc::TypeError, "type.__new__() argument 3 must be dict, not %T", args[2]);
  return type_new_impl(meta, static_cast<Str*>(args[0]), as_tuple(args[1]),
                       static_cast<Dict*>(args[2]), args + 3, kwnames);
}

// The __slots__ of the namespace, as a list of (mangled) names; sets
// *want_dict when "__dict__" is among them.  No __slots__: returns a null
// Ref without error and sets *has_slots false.
// CPython refuses slots on types whose instances are variable-size
// (tp_itemsize != 0: int, tuple, bytes, type).  coil keeps slot values out
// of line so it could allow them, but the oracle's errors are the contract.
bool varsize_base(const TypeObject* base) {
  return (base->flags & (kIntSubclass | kTupleSubclass | kBytesSubclass | kTypeSubclass)) != 0;
}

// Whether instances of `base` already carry a weak-reference list
// (CPython's tp_weaklistoffset != 0).
bool base_has_weakref(TypeObject* base) {
  return base->weaklist_offset != 0 || type_lookup(base, names::__weakref__) != nullptr;
}

// Where the heap words of `type`'s instances go: inherited from a heap
// base; otherwise before the object for variable-size built-in bases
// (their items follow the struct), after the struct for the rest.
void set_extras_base(TypeObject* type, TypeObject* base) {
  if (base->flags & kHeapType) {
    type->extras_base = base->extras_base;
    return;
  }
  if (base->item_size) {
    type->extras_base = -static_cast<int64_t>(sizeof(Object*));
    return;
  }
  size_t size = base->basic_size ? base->basic_size : sizeof(Object);
  size = (size + sizeof(Object*) - 1) & ~(sizeof(Object*) - 1);
  type->extras_base = static_cast<int64_t>(size);
}

bool parse_slots(Str* name, Dict* dict, TypeObject* base, std::vector<Ref<Str>>* out,
                 bool* has_slots, bool* want_dict, bool* want_weak) {
  Object* slots = dict_get_str(dict, names::__slots__);
  *has_slots = slots != nullptr;
  *want_dict = false;
  *want_weak = false;
  if (!slots) return true;
  Ref<Object> seq;
  if (str_check(slots)) seq = tuple_pack({slots});
  else seq = sequence_to_tuple(slots);
  if (!seq) return false;
  Tuple* t = as_tuple(seq.get());
  for (size_t i = 0; i < t->size; i++) {
    Object* s = t->items[i];
    if (!str_check(s)) {
      set_errorf(exc::TypeError, "__slots__ items must be strings, not '%T'", s);
      return false;
    }
    std::string_view sv = str_view(s);
    if (!is_identifier(sv)) {
      set_error(exc::TypeError, "__slots__ must be identifiers");
      return false;
    }
    if (sv == "__dict__") {
      if (*want_dict || base->dict_offset) {
        set_error(exc::TypeError, "__dict__ slot disallowed: we already got one");
        return false;
      }
      *want_dict = true;
      continue;
    }
    if (sv == "__weakref__") {
      if (*want_weak || varsize_base(base) || base_has_weakref(base)) {
        set_error(exc::TypeError,
                  "__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0");
        return false;
      }
      *want_weak = true;   // the weak list gets a heap word (runtime/weakref.h)
      continue;
    }
    if (varsize_base(base)) {
      set_errorf(exc::TypeError, "nonempty __slots__ not supported for subtype of '%s'",
                 base->name);
      return false;
    }
    std::string m = mangle(name->view(), sv);
    Ref<Str> ms = intern_str(str_from(m));
    if (!ms) return false;
    if (dict_get_str(dict, ms.get())) {
      set_errorf(exc::ValueError, "%R in __slots__ conflicts with class variable", ms.get());
      return false;
    }
    out->push_back(std::move(ms));
  }
  return true;
}

Ref<Object> type_new_impl(TypeObject* meta, Str* name, Tuple* bases_in, Dict* ns,
                          Object* const* kwvalues, Tuple* kwnames) {
  // 1. The metatype: the most derived of meta and the bases' metatypes;
  //    a different winner with its own __new__ takes over.
  TypeObject* winner = calculate_metaclass(meta, bases_in);
  if (!winner) return nullptr;
  if (winner != meta && winner->new_ != &type_new) {
    size_t nkw = kwnames ? kwnames->size : 0;
    std::vector<Object*> args = {name, bases_in, ns};
    for (size_t i = 0; i < nkw; i++) args.push_back(kwvalues[i]);
    return winner->new_(winner, args.data(), 3, kwnames);
  }
  meta = winner;

  // 2. Bases and the solid base.
  Ref<Tuple> bases;
  if (bases_in->size == 0) bases = tuple_pack({&ObjectType});
  else bases = Ref<Tuple>::borrow(bases_in);
  if (!bases) return nullptr;
  TypeObject* base = best_base(bases.get());
  if (!base) return nullptr;

  // 3. The namespace becomes the class dict (a copy).
  Ref<Dict> dict = dict_copy(ns);
  if (!dict) return nullptr;
  std::vector<Ref<Str>> slot_names;
  bool has_slots, slots_want_dict, slots_want_weak;
  if (!parse_slots(name, dict.get(), base, &slot_names, &has_slots, &slots_want_dict,
                   &slots_want_weak))
    return nullptr;

  // 4. The type object itself, laid out as meta's instances.
  TypeObject* type = alloc<TypeObject>(meta);
  if (!type) return nullptr;
  Ref<Object> result = Ref<Object>::steal(type);
  type->flags = kHeapType | kBaseType | kHaveGC;
  type->ht_name = intern_str(Ref<Str>::borrow(name));
  type->name = static_cast<Str*>(type->ht_name.get())->data;
  type->base = base;   // borrowed: `bases` holds it
  type->bases = bases;
  type->dict = dict;
  type->basic_size = base->basic_size;
  type->item_size = base->item_size;
  type->dealloc = &subtype_dealloc;
  type->traverse = &subtype_traverse;
  type->clear = &subtype_clear;

  // __qualname__ leaves the dict; __module__ and __doc__ stay in it.
  Object* qual = dict_get_str(dict.get(), names::__qualname__);
  if (qual) {
    if (!str_check(qual))
      return set_errorf(exc::TypeError, "type __qualname__ must be a str, not %s", qual->type->name);
    type->ht_qualname = Ref<Object>::borrow(qual);
    if (dict_del(dict.get(), names::__qualname__) < 0) return nullptr;
  } else {
    type->ht_qualname = type->ht_name;
  }
  if (!dict_get_str(dict.get(), names::__module__) && current_module_name_hook) {
    Object* m = current_module_name_hook();
    if (m && dict_set(dict.get(), names::__module__, m) < 0) return nullptr;
  }

  // 5. Instance layout: the base's words, then our slots, then a __dict__
  //    word if we add one (see "INSTANCE LAYOUT" at the top).
  set_extras_base(type, base);
  uint32_t nextra = base->instance_extras;
  type->instance_slots = base->instance_slots + static_cast<uint32_t>(slot_names.size());
  type->dict_offset = base->dict_offset;
  type->instance_extras = nextra;   // new_member_descr reads extras_base only
  for (auto& s : slot_names) {
    Ref<Object> m = new_member_descr(type, s.get(), nextra++);
    if (!m || dict_set(dict.get(), s.get(), m.get()) < 0) return nullptr;
  }
  bool add_dict = !base->dict_offset && (!has_slots || slots_want_dict);
  if (add_dict) type->dict_offset = heap_word_offset(type, nextra++);
  bool add_weak = has_slots ? slots_want_weak : !varsize_base(base) && !base_has_weakref(base);
  type->weaklist_offset = base->weaklist_offset;
  if (add_weak) type->weaklist_offset = heap_word_offset(type, nextra++);
  type->instance_extras = nextra;
  if (type->extras_base > 0) type->basic_size = static_cast<size_t>(heap_word_offset(type, nextra));
  if (add_dict && !dict_get_str(dict.get(), names::__dict__)) {
    Ref<Object> g = new_getset_descr(type, &subtype_dict_getset[0]);
    if (!g || dict_set(dict.get(), names::__dict__, g.get()) < 0) return nullptr;
  }
  if (add_weak && !dict_get_str(dict.get(), names::__weakref__)) {
    Ref<Object> w = new_getset_descr(type, &subtype_dict_getset[1]);
    if (!w || dict_set(dict.get(), names::__weakref__, w.get()) < 0) return nullptr;
  }
  if (!dict_get_str(dict.get(), names::__doc__) && dict_set(dict.get(), names::__doc__, None) < 0)
    return nullptr;

  // 6. Implicit wrappers (PEP 487 / data model): __new__ is a static
  //    method, __init_subclass__ and __class_getitem__ class methods.
  if (!wrap_special(dict.get(), names::__new__, &new_staticmethod) ||
      !wrap_special(dict.get(), names::__init_subclass__, &new_classmethod) ||
      !wrap_special(dict.get(), names::__class_getitem__, &new_classmethod))
    return nullptr;
  // Defining __eq__ without __hash__ makes instances unhashable.
  if (dict_get_str(dict.get(), names::__eq__) && !dict_get_str(dict.get(), names::__hash__) &&
      dict_set(dict.get(), names::__hash__, None) < 0)
    return nullptr;

  // 7. The class cell of zero-argument super().
  Object* cell = dict_get_str(dict.get(), names::__classcell__);
  if (cell && classcell_set_hook) {
    if (!classcell_set_hook(cell, type)) return nullptr;
    if (dict_del(dict.get(), names::__classcell__) < 0) return nullptr;
  }

  // 8. MRO, inheritance, then slots from the dunders.
  if (!type_ready(type)) return nullptr;
  fixup_slots(type);
  type->vectorcall = nullptr;
  if (base->flags & kHeapType) {
    // nothing extra: the solid base's slots were inherited along the MRO
  }
  // __abstractmethods__ may already be in the namespace (abc sets it later).
  if (dict_get_str(dict.get(), names::__abstractmethods__)) type->flags |= kIsAbstract;

  // 9. PEP 487 hooks.
  if (!set_names(type)) return nullptr;
  if (!init_subclass(type, kwvalues, kwnames)) return nullptr;
  return result;
}

int type_init(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  size_t nkw = kwnames ? kwnames->size : 0;
  if (nargs == 1 && nkw) {
    type_error("type.__init__() takes no keyword arguments");
    return -1;
  }
  if (nargs != 1 && nargs != 3) {
    type_error("type.__init__() takes 1 or 3 arguments");
    return -1;
  }
  return 0;
}

// ---- type's attributes ---------------------------------------------------------------------------

Ref<Object> type_get_name(Object* self) {
  TypeObject* t = as_type(self);
  if (t->flags & kHeapType) return t->ht_name;
  return str_from(type_name(t));
}

bool check_set_special(TypeObject* t, Object* value, const char* what) {
  if (!(t->flags & kHeapType)) {
    set_errorf(exc::TypeError, "cannot set '%s' attribute of immutable type '%s'", what, t->name);
    return false;
  }
  if (!value) {
    set_errorf(exc::TypeError, "cannot delete '%s' attribute of immutable type '%s'", what, t->name);
    return false;
  }
  return true;
}

int type_set_name(Object* self, Object* value) {
  TypeObject* t = as_type(self);
  if (!check_set_special(t, value, "__name__")) return -1;
  if (!str_check(value)) {
    set_errorf(exc::TypeError, "can only assign string to %s.__name__, not '%T'", t->name, value);
    return -1;
  }
  t->ht_name = intern_str(Ref<Str>::borrow(static_cast<Str*>(value)));
  t->name = static_cast<Str*>(t->ht_name.get())->data;
  return 0;
}

Ref<Object> type_get_qualname(Object* self) {
  TypeObject* t = as_type(self);
  if (t->flags & kHeapType) return t->ht_qualname;
  return str_from(type_name(t));
}

int type_set_qualname(Object* self, Object* value) {
  TypeObject* t = as_type(self);
  if (!check_set_special(t, value, "__qualname__")) return -1;
  if (!str_check(value)) {
    set_errorf(exc::TypeError, "can only assign string to %s.__qualname__, not '%T'", t->name, value);
    return -1;
  }
  t->ht_qualname = Ref<Object>::borrow(value);
  return 0;
}

Ref<Object> type_get_module(Object* self) {
  TypeObject* t = as_type(self);
  if (t->flags & kHeapType) {
    Object* m = dict_get_str(type_dict(t), names::__module__);
    if (!m) return set_error(exc::AttributeError, "__module__");
    return Ref<Object>::borrow(m);
  }
  std::string_view n = t->name;
  size_t dot = n.rfind('.');
  return str_from(dot == std::string_view::npos ? "builtins" : n.substr(0, dot));
}

int type_set_module(Object* self, Object* value) {
  TypeObject* t = as_type(self);
  if (!check_set_special(t, value, "__module__")) return -1;
  type_modified(t);
  return dict_set(type_dict(t), names::__module__, value);
}

Ref<Object> type_get_bases(Object* self) { return as_type(self)->bases; }
Ref<Object> type_get_base(Object* self) {
  TypeObject* b = as_type(self)->base;
  return b ? Ref<Object>::borrow(b) : none();
}
Ref<Object> type_get_mro(Object* self) {
  TypeObject* t = as_type(self);
  return t->mro ? t->mro : none();
}
Ref<Object> type_get_dict(Object* self) { return new_mappingproxy(as_type(self)->dict.get()); }

Ref<Object> type_get_doc(Object* self) {
  TypeObject* t = as_type(self);
  Object* d = dict_get_str(type_dict(t), names::__doc__);
  if (!d) return none();
  if (d->type->descr_get) return d->type->descr_get(d, nullptr, self);
  return Ref<Object>::borrow(d);
}

int type_set_doc(Object* self, Object* value) {
  TypeObject* t = as_type(self);
  if (!check_set_special(t, value, "__doc__")) return -1;
  type_modified(t);
  return dict_set(type_dict(t), names::__doc__, value);
}

Ref<Object> type_get_abstractmethods(Object* self) {
  TypeObject* t = as_type(self);
  Object* v = t != &TypeType ? dict_get_str(type_dict(t), names::__abstractmethods__) : nullptr;
  if (!v) return set_error(exc::AttributeError, "__abstractmethods__");
  return Ref<Object>::borrow(v);
}

int type_set_abstractmethods(Object* self, Object* value) {
  TypeObject* t = as_type(self);
  int abstract = 0;
  if (value) {
    abstract = is_true(value);
    if (abstract < 0) return -1;
    if (dict_set(type_dict(t), names::__abstractmethods__, value) < 0) return -1;
  } else {
    if (!dict_get_str(type_dict(t), names::__abstractmethods__)) {
      set_error(exc::AttributeError, "__abstractmethods__");
      return -1;
    }
    if (dict_del(type_dict(t), names::__abstractmethods__) < 0) return -1;
  }
  type_modified(t);
  if (abstract) t->flags |= kIsAbstract;
  else t->flags &= ~kIsAbstract;
  return 0;
}

Ref<Object> type_get_annotations(Object* self) {
  TypeObject* t = as_type(self);
  if (!(t->flags & kHeapType))
    return set_errorf(exc::AttributeError, "type object '%s' has no attribute '__annotations__'", t->name);
  Object* a = dict_get_str(type_dict(t), names::__annotations__);
  if (a) {
    if (a->type->descr_get) return a->type->descr_get(a, nullptr, self);
    return Ref<Object>::borrow(a);
  }
  Ref<Dict> d = dict_new();
  if (!d || dict_set(type_dict(t), names::__annotations__, d.get()) < 0) return nullptr;
  type_modified(t);
  return d;
}

int type_set_annotations(Object* self, Object* value) {
  TypeObject* t = as_type(self);
  if (!(t->flags & kHeapType)) {
    set_errorf(exc::TypeError, "cannot set '__annotations__' attribute of immutable type '%s'", t->name);
    return -1;
  }
  int r = value ? dict_set(type_dict(t), names::__annotations__, value)
                : dict_del(type_dict(t), names::__annotations__);
  type_modified(t);
  return r;
}

Ref<Object> type_get_basicsize(Object* self) { return int_from_u64(as_type(self)->basic_size); }
Ref<Object> type_get_flags(Object* self) { return int_from_u64(as_type(self)->flags); }

const GetSetDef type_getset[] = {
    {"__name__", type_get_name, type_set_name},
    {"__qualname__", type_get_qualname, type_set_qualname},
    {"__bases__", type_get_bases},
    {"__base__", type_get_base},
    {"__mro__", type_get_mro},
    {"__module__", type_get_module, type_set_module},
    {"__abstractmethods__", type_get_abstractmethods, type_set_abstractmethods},
    {"__dict__", type_get_dict},
    {"__doc__", type_get_doc, type_set_doc},
    {"__annotations__", type_get_annotations, type_set_annotations},
    {"__basicsize__", type_get_basicsize},
    {"__flags__", type_get_flags},
    {nullptr, nullptr},
};

Ref<Object> type_mro_meth(Object* self, Object* const*, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("mro", kw) || !check_nargs("mro", nargs, 0, 0)) return nullptr;
  TypeObject* t = as_type(self);
  Ref<Object> mro = t->mro ? t->mro : compute_mro(t);
  if (!mro) return nullptr;
  return sequence_to_list(mro.get());
}

Ref<Object> type_subclasses(Object* self, Object* const*, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("__subclasses__", kw) || !check_nargs("__subclasses__", nargs, 0, 0))
    return nullptr;
  Ref<List> out = list_new();
  if (!out) return nullptr;
  auto it = subclass_map().find(as_type(self));
  if (it != subclass_map().end())
    for (TypeObject* s : it->second)
      if (!list_append(out.get(), s)) return nullptr;
  return out;
}

Ref<Object> type_instancecheck(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("__instancecheck__", kw) || !check_nargs("__instancecheck__", nargs, 1, 1))
    return nullptr;
  Object* inst = args[0];
  if (is_subtype(inst->type, as_type(self))) return new_bool(true);
  // Proxies: an instance whose __class__ claims to be a subclass.
  Ref<Object> cls = getattr_opt(inst, names::__class__);
  if (!cls && error_occurred()) return nullptr;
  if (cls && cls.get() != inst->type && type_check(cls.get()))
    return new_bool(is_subtype(as_type(cls.get()), as_type(self)));
  return new_bool(false);
}

Ref<Object> type_subclasscheck(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("__subclasscheck__", kw) || !check_nargs("__subclasscheck__", nargs, 1, 1))
    return nullptr;
  if (!type_check(args[0])) return type_error("issubclass() arg 1 must be a class");
  return new_bool(is_subtype(as_type(args[0]), as_type(self)));
}

Ref<Object> type_prepare(Object*, Object* const*, size_t, Tuple*) { return dict_new(); }

Ref<Object> type_dir(Object* self, Object* const*, size_t, Tuple*) {
  Ref<Dict> result = dict_new();
  if (!result) return nullptr;
  Tuple* mro = as_tuple(as_type(self)->mro.get());
  for (size_t i = 0; i < mro->size; i++)
    if (dict_merge(result.get(), type_dict(as_type(mro->items[i])), true) < 0) return nullptr;
  return dict_keys_list(result.get());
}

Ref<Object> type_sizeof(Object* self, Object* const*, size_t, Tuple*) {
  return int_from_u64(sizeof(TypeObject));
}

const MethodDef type_methods[] = {
    {"mro", type_mro_meth, MethodKind::Instance, "Return a type's method resolution order."},
    {"__subclasses__", type_subclasses, MethodKind::Instance,
     "Return a list of immediate subclasses."},
    {"__prepare__", type_prepare, MethodKind::Class,
     "__prepare__() -> dict\nused to create the namespace for the class statement"},
    {"__instancecheck__", type_instancecheck, MethodKind::Instance,
     "Check if an object is an instance."},
    {"__subclasscheck__", type_subclasscheck, MethodKind::Instance,
     "Check if a class is a subclass."},
    {"__dir__", type_dir, MethodKind::Instance, "Specialized __dir__ implementation for types."},
    {"__sizeof__", type_sizeof, MethodKind::Instance, "Return memory consumption of the type object."},
    {nullptr, nullptr},
};

}  // namespace

Ref<Object> type_call(Object* callable, Object* const* args, size_t nargs, Tuple* kwnames) {
  TypeObject* type = as_type(callable);
  size_t nkw = kwnames ? kwnames->size : 0;
  if (type == &TypeType) {
    if (nargs == 1 && nkw == 0) return Ref<Object>::borrow(args[0]->type);
    if (nargs != 3) return type_error("type() takes 1 or 3 arguments");
  }
  if (type->vectorcall) return type->vectorcall(callable, args, nargs, kwnames);
  if (!type->new_) return set_errorf(exc::TypeError, "cannot create '%s' instances", type->name);
  Ref<Object> obj = type->new_(type, args, nargs, kwnames);
  if (!obj) return nullptr;
  // type(name, bases, dict) may return something else entirely; so may a
  // __new__ written in Python: __init__ runs only on our instances.
  if (!is_instance_of(obj.get(), type)) return obj;
  InitFn init = obj->type->init;
  if (init && init(obj.get(), args, nargs, kwnames) < 0) return nullptr;
  return obj;
}

// sys.getsizeof(object[, default]): what __sizeof__() says, and nothing
// more.  CPython adds 16 bytes for the GC header of tracked objects; coil
// allocates no per-object header at all (pooled blocks find their size
// class from their chunk, alloc.cpp), so the honest answer is the object's
// own bytes: a plain class instance reports 16 (refcnt, type) + 8 (its
// __dict__ pointer) = 24, and a __slots__ instance 16 + 8 per slot.
Ref<Object> sys_getsizeof(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"getsizeof", {"object", "default"}, 1};
  Object* a[2];
  if (!bind_args(spec, args, nargs, kwnames, a)) return nullptr;
  Object* o = a[0];
  Object* dflt = a[1];
  Ref<Object> res;
  static Str* const kSizeof = intern("__sizeof__");
  Ref<Object> method = lookup_special(o, kSizeof);
  if (!method) {
    if (!error_occurred())
      set_errorf(exc::TypeError, "Type %s doesn't define __sizeof__", o->type->name);
  } else {
    res = call(method.get(), nullptr, 0);
  }
  int64_t size = -1;
  if (res) {
    if (!int_check(res.get())) {
      set_error(exc::TypeError, "an integer is required");
    } else if (!int_to_i64(res.get(), &size)) {
      size = -1;
    } else if (size < 0) {
      set_error(exc::ValueError, "__sizeof__() should return >= 0");
      size = -1;
    }
  }
  if (size < 0) {
    if (dflt && error_matches(exc::TypeError)) {
      clear_error();
      return Ref<Object>::borrow(dflt);
    }
    return nullptr;
  }
  return int_from_i64(size);
}

namespace {
void init_object_type() {
  ObjectType.name = "object";
  ObjectType.doc = "The base class of the class hierarchy.\n\nWhen called, it accepts no arguments "
                   "and returns a new featureless\ninstance that has no instance attributes and "
                   "cannot be given any.\n";
  ObjectType.flags = kBaseType;
  ObjectType.basic_size = sizeof(Object);
  ObjectType.dealloc = object_dealloc;
  ObjectType.repr = object_repr;
  ObjectType.str = object_str;
  ObjectType.hash = object_hash;
  ObjectType.richcompare = object_richcompare;
  ObjectType.getattr = generic_getattr;
  ObjectType.setattr = generic_setattr;
  ObjectType.new_ = object_new;
  ObjectType.init = object_init;
  ObjectType.methods = object_methods;
  ObjectType.getset = object_getset;
}

void init_type_type() {
  TypeType.name = "type";
  TypeType.doc = "type(object) -> the object's type\ntype(name, bases, dict, **kwds) -> a new type";
  TypeType.flags = kBaseType | kTypeSubclass | kHaveGC;
  TypeType.basic_size = sizeof(TypeObject);
  TypeType.dict_offset = reinterpret_cast<char*>(&TypeType.dict) - reinterpret_cast<char*>(&TypeType);
  TypeType.weaklist_offset =
      reinterpret_cast<char*>(&TypeType.weakreflist) - reinterpret_cast<char*>(&TypeType);
  TypeType.dealloc = type_dealloc;
  TypeType.traverse = type_traverse;
  TypeType.clear = type_clear;
  TypeType.repr = type_repr;
  TypeType.call = type_call;
  TypeType.getattr = type_getattro;
  TypeType.setattr = type_setattro;
  TypeType.new_ = type_new;
  TypeType.init = type_init;
  TypeType.methods = type_methods;
  // int | None, list[int] | None (PEP 604): type.__or__ / type.__ror__.
  TypeType.nb_binary[static_cast<int>(BinaryOp::Or)] = union_type_or;
  TypeType.getset = type_getset;
}
}  // namespace

// Fills `object` and `type`; bootstrap.cpp calls type_ready on them first.
void init_object_and_type_types() {
  init_object_type();
  init_type_type();
  init_genericalias_types();   // readied lazily, on the first alias or union
}

}  // namespace coil::runtime
