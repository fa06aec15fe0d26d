// dictviews.cpp — dict iterators and the keys()/values()/items() views.
//
// A view holds only a reference to its dict, so it always reflects the
// current contents ("dynamic" views).  Iterators walk the dense entry
// array by position and remember the dict's size when they started: if
// the size changes they raise RuntimeError "dictionary changed size during
// iteration" (and stay broken), as CPython does.  keys() and items()
// views are set-like: &, |, -, ^ build sets, and the comparisons test
// containment.
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
#include "runtime/set.h"
#include "runtime/singletons.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

namespace coil::runtime {

TypeObject DictKeysType, DictValuesType, DictItemsType;
TypeObject DictKeyIterType, DictValueIterType, DictItemIterType;
TypeObject DictRevKeyIterType, DictRevValueIterType, DictRevItemIterType;

namespace {

// ---- iterators ----------------------------------------------------------------------

struct DictIter : Object {
  Dict* dict = nullptr;     // strong; null once exhausted
  int64_t used = 0;         // dict size at creation; -1 after a size error
  int64_t pos = 0;          // next entry (reversed: counts down)
  int64_t len = 0;          // items left (for __length_hint__)
  DictIterKind kind = DictIterKind::Keys;
  bool reversed = false;
};

void dictiter_dealloc(Object* self) {
  auto* it = static_cast<DictIter*>(self);
  xdecref(it->dict);
  destroy_object(it);
}

void dictiter_traverse(Object* self, VisitFn visit, void* arg) {
  auto* it = static_cast<DictIter*>(self);
  if (it->dict) visit(it->dict, arg);
}

Ref<Object> self_iter(Object* self) { return borrow(self); }

Ref<Object> dictiter_next(Object* self) {
  auto* it = static_cast<DictIter*>(self);
  Dict* d = it->dict;
  if (!d) return nullptr;
  if (it->used != static_cast<int64_t>(d->used)) {
    set_error(exc::RuntimeError, "dictionary changed size during iteration");
    it->used = -1;   // make this state sticky
    return nullptr;
  }
  DictEntry* e = nullptr;
  if (!it->reversed) {
    int64_t i = it->pos;
    while (i < static_cast<int64_t>(d->nentries) && d->entries[i].key == nullptr) i++;
    if (i < static_cast<int64_t>(d->nentries)) { e = &d->entries[i]; it->pos = i + 1; }
  } else {
    int64_t i = it->pos;
    if (i >= static_cast<int64_t>(d->nentries)) i = static_cast<int64_t>(d->nentries) - 1;
    while (i >= 0 && d->entries[i].key == nullptr) i--;
    if (i >= 0) { e = &d->entries[i]; it->pos = i - 1; }
  }
  if (!e) {
    it->dict = nullptr;
    decref(d);
    return nullptr;
  }
  // Same size but different keys (deleted one, added another).
  if (it->len == 0) {
    set_error(exc::RuntimeError, "dictionary keys changed during iteration");
    it->len = -1;
    return nullptr;
  }
  it->len--;
  switch (it->kind) {
    case DictIterKind::Keys: return borrow(e->key);
    case DictIterKind::Values: return borrow(e->value);
    case DictIterKind::Items: return tuple_pack({e->key, e->value});
  }
  return nullptr;
}

Ref<Object> dictiter_length_hint(Object* self, Object* const*, size_t, Tuple*) {
  auto* it = static_cast<DictIter*>(self);
  int64_t n = it->dict && it->used == static_cast<int64_t>(it->dict->used) ? it->len : 0;
  return int_from_i64(n < 0 ? 0 : n);
}

const MethodDef dictiter_methods[] = {
    {"__length_hint__", dictiter_length_hint},
    {nullptr, nullptr},
};

// ---- views --------------------------------------------------------------------------

struct DictView : Object {
  Dict* dict = nullptr;   // strong
};

inline Dict* view_dict(Object* v) { return static_cast<DictView*>(v)->dict; }

bool is_setlike_view(const Object* o) {
  return o->type == &DictKeysType || o->type == &DictItemsType;
}

void view_dealloc(Object* self) {
  xdecref(static_cast<DictView*>(self)->dict);
  destroy_object(static_cast<DictView*>(self));
}

void view_traverse(Object* self, VisitFn visit, void* arg) {
  if (view_dict(self)) visit(view_dict(self), arg);
}

int64_t view_len(Object* self) { return static_cast<int64_t>(view_dict(self)->used); }

DictIterKind view_kind(const Object* self) {
  if (self->type == &DictKeysType) return DictIterKind::Keys;
  if (self->type == &DictValuesType) return DictIterKind::Values;
  return DictIterKind::Items;
}

Ref<Object> view_iter(Object* self) { return dict_iter_new(view_dict(self), view_kind(self), false); }

Ref<Object> view_reversed(Object* self, Object* const*, size_t, Tuple*) {
  return dict_iter_new(view_dict(self), view_kind(self), true);
}

Ref<Object> view_repr(Object* self) {
  ReprGuard guard(self);
  if (guard.recursive()) return str_from("...");
  Ref<Object> seq = sequence_to_list(self);
  if (!seq) return nullptr;
  Ref<Object> r = repr(seq.get());
  if (!r) return nullptr;
  std::string out(self->type->name);
  out += "(";
  out += str_view(r.get());
  out += ")";
  return str_from(out);
}

int keys_contains(Object* self, Object* key) { return dict_contains(view_dict(self), key); }

int items_contains(Object* self, Object* item) {
  if (!tuple_check(item) || static_cast<Tuple*>(item)->size != 2) return 0;
  Tuple* t = static_cast<Tuple*>(item);
  Ref<Object> key = borrow(t->items[0]);
  Object* found = dict_get(view_dict(self), key.get());
  if (!found) return error_occurred() ? -1 : 0;
  Ref<Object> v = borrow(found);
  return equal(v.get(), t->items[1]);
}

int values_contains(Object* self, Object* value) {
  Dict* d = view_dict(self);
  for (size_t i = 0; i < d->nentries; i++) {
    if (!d->entries[i].key) continue;
    Ref<Object> v = borrow(d->entries[i].value);
    int c = equal(v.get(), value);
    if (c) return c;
  }
  return 0;
}

// Every item of `a` is in `b`.
int all_contained_in(Object* a, Object* b) {
  Ref<Object> it = get_iter(a);
  if (!it) return -1;
  for (;;) {
    Ref<Object> x = iter_next(it.get());
    if (!x) return error_occurred() ? -1 : 1;
    int c = contains(b, x.get());
    if (c <= 0) return c;
  }
}

Ref<Object> view_richcompare(Object* self, Object* other, CompareOp op) {
  if (!is_setlike_view(self) || (!anyset_check(other) && !is_setlike_view(other)))
    return not_implemented();
  int64_t ls = length(self), lo = length(other);
  if (ls < 0 || lo < 0) return nullptr;
  int ok = 0;
  switch (op) {
    case CompareOp::Eq:
    case CompareOp::Ne:
      if (ls == lo) ok = all_contained_in(self, other);
      if (op == CompareOp::Ne && ok >= 0) ok = !ok;
      break;
    case CompareOp::Lt: if (ls < lo) ok = all_contained_in(self, other); break;
    case CompareOp::Le: if (ls <= lo) ok = all_contained_in(self, other); break;
    case CompareOp::Gt: if (ls > lo) ok = all_contained_in(other, self); break;
    case CompareOp::Ge: if (ls >= lo) ok = all_contained_in(other, self); break;
  }
  if (ok < 0) return nullptr;
  return new_bool(ok);
}

// set(view), with the dict itself as the fast source for keys views.
Ref<Object> view_to_set(Object* self) {
  if (self->type == &DictKeysType && view_dict(self)->type == &DictType)
    return set_new(view_dict(self));
  return set_new(self);
}

Ref<Object> call_set_method(Ref<Object> result, const char* name, Object* other) {
  Ref<Object> r = call_method(result.get(), intern(name), &other, 1);
  if (!r) return nullptr;
  return result;
}

Ref<Object> view_sub(Object* a, Object* b) {
  Ref<Object> r = view_to_set(a);
  if (!r) return nullptr;
  return call_set_method(std::move(r), "difference_update", b);
}

Ref<Object> view_or(Object* a, Object* b) {
  Ref<Object> r = view_to_set(a);
  if (!r) return nullptr;
  if (set_update(r.get(), b) < 0) return nullptr;
  return r;
}

Ref<Object> view_xor(Object* a, Object* b) {
  Ref<Object> r = view_to_set(a);
  if (!r) return nullptr;
  return call_set_method(std::move(r), "symmetric_difference_update", b);
}

// CPython's _PyDictView_Intersect: iterate the smaller side, test
// membership in the view.
Ref<Object> view_and(Object* self, Object* other) {
  if (!is_setlike_view(self)) std::swap(self, other);
  int64_t len_self = view_len(self);
  if (set_check_exact(other) && len_self <= static_cast<int64_t>(set_size(other))) {
    return call_method(other, intern("intersection"), &self, 1);
  }
  if (is_setlike_view(other) && view_len(other) > len_self) std::swap(self, other);
  Ref<Object> result = set_new();
  if (!result) return nullptr;
  Ref<Object> it = get_iter(other);
  if (!it) return nullptr;
  auto contains_fn = self->type == &DictKeysType ? keys_contains : items_contains;
  for (;;) {
    Ref<Object> x = iter_next(it.get());
    if (!x) return error_occurred() ? nullptr : result;
    int c = contains_fn(self, x.get());
    if (c < 0) return nullptr;
    if (c && set_add(result.get(), x.get()) < 0) return nullptr;
  }
}

Ref<Object> view_isdisjoint(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("isdisjoint", kwnames)) return nullptr;
  if (nargs != 1)
    return set_errorf(exc::TypeError, "isdisjoint() takes exactly one argument (%zd given)", static_cast<ssize_t>(nargs));
  Object* other = args[0];
  if (other == self) return new_bool(view_len(self) == 0);
  // Iterate over the shorter object when it has a known length.
  Object* a = self;
  Object* b = other;
  if (anyset_check(other) || is_setlike_view(other)) {
    int64_t lo = length(other);
    if (lo < 0) return nullptr;
    if (lo > view_len(self)) std::swap(a, b);
  }
  Ref<Object> it = get_iter(b);
  if (!it) return nullptr;
  for (;;) {
    Ref<Object> x = iter_next(it.get());
    if (!x) return error_occurred() ? nullptr : new_bool(true);
    int c = contains(a, x.get());
    if (c < 0) return nullptr;
    if (c) return new_bool(false);
  }
}

Ref<Object> view_mapping(Object* self) {
  // CPython returns a read-only mappingproxy; coil hands out the dict.
  return borrow<Object>(view_dict(self));
}

const MethodDef setview_methods[] = {
    {"isdisjoint", view_isdisjoint},
    {"__reversed__", view_reversed},
    {nullptr, nullptr},
};
const MethodDef values_methods[] = {
    {"__reversed__", view_reversed},
    {nullptr, nullptr},
};
const GetSetDef view_getset[] = {
    {"mapping", view_mapping},
    {nullptr, nullptr},
};

void init_view_type(TypeObject& t, const char* name, ContainsFn contains_fn, bool setlike) {
  t.type = &TypeType;
  t.name = name;
  t.flags = kHaveGC;
  t.basic_size = sizeof(DictView);
  t.base = &ObjectType;
  t.dealloc = view_dealloc;
  t.traverse = view_traverse;
  t.repr = view_repr;
  t.iter = view_iter;
  t.sq_length = view_len;
  t.sq_contains = contains_fn;
  t.getset = view_getset;
  if (setlike) {
    t.hash = hash_not_implemented;
    t.richcompare = view_richcompare;
    t.nb_binary[static_cast<int>(BinaryOp::Sub)] = view_sub;
    t.nb_binary[static_cast<int>(BinaryOp::And)] = view_and;
    t.nb_binary[static_cast<int>(BinaryOp::Or)] = view_or;
    t.nb_binary[static_cast<int>(BinaryOp::Xor)] = view_xor;
    t.methods = setview_methods;
  } else {
    t.methods = values_methods;
  }
}

void init_iter_type(TypeObject& t, const char* name) {
  t.type = &TypeType;
  t.name = name;
  t.flags = kHaveGC;
  t.basic_size = sizeof(DictIter);
  t.base = &ObjectType;
  t.dealloc = dictiter_dealloc;
  t.traverse = dictiter_traverse;
  t.iter = self_iter;
  t.iternext = dictiter_next;
  t.methods = dictiter_methods;
}

}  // namespace

Ref<Object> dict_iter_new(Dict* d, DictIterKind kind, bool reversed) {
  TypeObject* types[2][3] = {
      {&DictKeyIterType, &DictValueIterType, &DictItemIterType},
      {&DictRevKeyIterType, &DictRevValueIterType, &DictRevItemIterType}};
  auto* it = alloc<DictIter>(types[reversed][static_cast<int>(kind)]);
  if (!it) return nullptr;
  incref(d);
  it->dict = d;
  it->used = static_cast<int64_t>(d->used);
  it->len = static_cast<int64_t>(d->used);
  it->kind = kind;
  it->reversed = reversed;
  it->pos = reversed ? static_cast<int64_t>(d->nentries) - 1 : 0;
  return steal<Object>(it);
}

Ref<Object> dict_view_new(Object* d, DictIterKind kind) {
  TypeObject* types[3] = {&DictKeysType, &DictValuesType, &DictItemsType};
  auto* v = alloc<DictView>(types[static_cast<int>(kind)]);
  if (!v) return nullptr;
  incref(d);
  v->dict = static_cast<Dict*>(d);
  return steal<Object>(v);
}

void init_dictviews_types() {
  init_view_type(DictKeysType, "dict_keys", keys_contains, true);
  init_view_type(DictValuesType, "dict_values", values_contains, false);
  init_view_type(DictItemsType, "dict_items", items_contains, true);
  init_iter_type(DictKeyIterType, "dict_keyiterator");
  init_iter_type(DictValueIterType, "dict_valueiterator");
  init_iter_type(DictItemIterType, "dict_itemiterator");
  init_iter_type(DictRevKeyIterType, "dict_reversekeyiterator");
  init_iter_type(DictRevValueIterType, "dict_reversevalueiterator");
  init_iter_type(DictRevItemIterType, "dict_reverseitemiterator");
}

}  // namespace coil::runtime
