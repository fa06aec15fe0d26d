// weakref.cpp — weak references: how an object can be watched without
// being kept alive.
//
// THE WEAK LIST.  An object whose type supports weak references has one
// extra pointer field, found at TypeObject::weaklist_offset: the head of a
// doubly-linked list of the WeakRef objects that point at it.
//
//     referent                 WeakRef            WeakRef
//     +---------+------+       +------------+     +------------+
//     | header  | ...  |       | referent --+--+  | referent --+--+
//     | weaklist+------+-----> | next ------+--|->| next: null |  |
//     +---------+      |  <----+-- (prev)   |  |  | prev       |  |
//          ^                   +------------+  |  +------------+  |
//          +-----------------------------------+------------------+
//
// The referent owns nothing: the list pointer is borrowed, and each
// WeakRef's `referent` is borrowed too.  So a weak reference never changes
// a refcount, and `del obj` frees obj exactly when it would without them.
// Built-in types keep the field in their struct (Set::weakreflist,
// Function::weakreflist ...); a class made by a `class` statement gets it
// as one of its instance's heap words (runtime/type.cpp), unless it has
// __slots__ without "__weakref__" — which is why such instances cannot be
// weakly referenced, exactly as in CPython.
//
// DEATH.  When the referent's refcount reaches zero, its deallocation
// calls clear_weakrefs() before freeing the memory: every WeakRef in the
// list is unlinked and its `referent` set to null (so `r()` returns None),
// and then the callbacks run, each with its now-dead weak reference as the
// argument.  Classes run __del__ first and then clear the list
// (subtype_dealloc), which is CPython's order.  An exception escaping a
// callback cannot propagate out of a deallocation: it is printed as
// "Exception ignored in: <callback>" and forgotten.  The cycle collector
// does the same in two steps (weakrefs_detach, then weakref_call_callback
// once it is safe to run Python code).
//
// SHARING.  As CPython, `weakref.ref(o)` without a callback returns the same
// object every time: the list keeps the plain ref first and the plain
// proxy second, so both are found in O(1) and reused.  Refs with callbacks
// and refs of subclasses are always new and go after them.
//
// PROXIES.  weakref.proxy(o) is a WeakRef of type ProxyType (or
// CallableProxyType when o is callable) whose slots forward every
// operation to the referent — attribute access, operators, len, iteration,
// calls — and raise ReferenceError once it is gone.
#include "runtime/weakref.h"

#include <cstdio>
#include <string>
#include <utility>

#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/genericalias.h"
#include "runtime/list.h"
#include "runtime/names.h"
#include "runtime/singletons.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace coil::runtime {

TypeObject ReferenceType;
TypeObject ProxyType;
TypeObject CallableProxyType;

namespace {

inline WeakRef* as_weakref(Object* o) { return static_cast<WeakRef*>(o); }

// ---- the weak list -------------------------------------------------------------------------------

// Where `o` keeps the head of its weak list, or nullptr when its type
// does not support weak references.
WeakRef** weak_list(Object* o) {
  int64_t off = o->type->weaklist_offset;
  if (off == 0) return nullptr;
  return reinterpret_cast<WeakRef**>(reinterpret_cast<char*>(o) + off);
}

void insert_head(WeakRef* wr, WeakRef** head) {
  wr->prev = nullptr;
  wr->next = *head;
  if (*head) (*head)->prev = wr;
  *head = wr;
}

void insert_after(WeakRef* wr, WeakRef* prev) {
  wr->prev = prev;
  wr->next = prev->next;
  if (prev->next) prev->next->prev = wr;
  prev->next = wr;
}

// Takes a live weak reference out of its referent's list and marks it
// dead.  Its callback is left alone.
void unlink(WeakRef* wr) {
  if (!wr->referent) return;
  WeakRef** head = weak_list(wr->referent);
  if (*head == wr) *head = wr->next;
  if (wr->prev) wr->prev->next = wr->next;
  if (wr->next) wr->next->prev = wr->prev;
  wr->prev = wr->next = nullptr;
  wr->referent = nullptr;
}

bool is_proxy_type(const TypeObject* t) { return t == &ProxyType || t == &CallableProxyType; }

// The reusable weak references of a list: the plain ref (no callback,
// exact type) can only be first, the plain proxy only right after it.
void basic_refs(WeakRef* head, WeakRef** ref, WeakRef** proxy) {
  *ref = *proxy = nullptr;
  if (head && !head->callback && head->type == &ReferenceType) {
    *ref = head;
    head = head->next;
  }
  if (head && !head->callback && is_proxy_type(head->type)) *proxy = head;
}

Ref<Object> cannot_weakref(Object* o) {
  return set_errorf(exc::TypeError, "cannot create weak reference to '%T' object", o);
}

WeakRef* new_weakref_object(TypeObject* type, Object* o, Object* callback) {
  WeakRef* wr = alloc<WeakRef>(type);
  if (!wr) return nullptr;
  wr->referent = o;
  wr->callback = callback;
  xincref(callback);
  return wr;
}

// Creates a weak reference of `type` (ReferenceType or a subclass) to o.
Ref<Object> make_ref(TypeObject* type, Object* o, Object* callback) {
  if (callback == None) callback = nullptr;
  WeakRef** head = weak_list(o);
  if (!head) return cannot_weakref(o);
  WeakRef *ref, *proxy;
  basic_refs(*head, &ref, &proxy);
  bool basic = !callback && type == &ReferenceType;
  if (basic && ref) return borrow<Object>(ref);
  WeakRef* wr = new_weakref_object(type, o, callback);
  if (!wr) return nullptr;
  // Allocation may have run a collection that changed the list: look again.
  basic_refs(*head, &ref, &proxy);
  WeakRef* prev = proxy ? proxy : ref;
  if (basic || !prev) insert_head(wr, head);
  else insert_after(wr, prev);
  return steal<Object>(wr);
}

// ---- death of a referent -------------------------------------------------------------------------

// Calls `callback(wr)`; an error is printed and cleared.
void run_callback(Object* wr, Object* callback) {
  Ref<Object> result = call1(callback, wr);
  if (!result) write_unraisable(callback);
}

}  // namespace

bool has_weakrefs(Object* o) {
  WeakRef** head = weak_list(o);
  return head && *head;
}

void weakrefs_detach(Object* o, std::vector<Ref<Object>>* callbacks) {
  WeakRef** head = weak_list(o);
  if (!head) return;
  while (WeakRef* wr = *head) {
    unlink(wr);
    if (!wr->callback) continue;
    if (wr->refcnt > 0) {
      // Keep the callback on the (now dead) weak reference: it is taken
      // off when it runs, so __callback__ reads None inside it.
      callbacks->push_back(borrow<Object>(wr));
    } else {
      // The weak reference is itself being freed: its callback never runs.
      Object* cb = wr->callback;
      wr->callback = nullptr;
      decref(cb);
    }
  }
}

void weakref_call_callback(Object* weakref) {
  WeakRef* wr = as_weakref(weakref);
  Object* cb = wr->callback;
  if (!cb) return;
  wr->callback = nullptr;
  Ref<Object> saved = fetch_error();
  run_callback(weakref, cb);
  decref(cb);
  if (saved) restore_error(std::move(saved));
}

void clear_weakrefs(Object* o) {
  if (!has_weakrefs(o)) return;
  std::vector<Ref<Object>> pending;
  weakrefs_detach(o, &pending);
  // Callbacks run oldest-first in list order, as CPython's.
  for (auto& wr : pending) weakref_call_callback(wr.get());
}

// ---- the public helpers --------------------------------------------------------------------------

Ref<Object> weakref_new(Object* o, Object* callback) {
  if (!init_weakref_types()) return nullptr;
  return make_ref(&ReferenceType, o, callback);
}

Ref<Object> weakproxy_new(Object* o, Object* callback) {
  if (!init_weakref_types()) return nullptr;
  if (callback == None) callback = nullptr;
  WeakRef** head = weak_list(o);
  if (!head) return cannot_weakref(o);
  WeakRef *ref, *proxy;
  basic_refs(*head, &ref, &proxy);
  if (!callback && proxy) return borrow<Object>(proxy);
  TypeObject* type = is_callable(o) ? &CallableProxyType : &ProxyType;
  WeakRef* wr = new_weakref_object(type, o, callback);
  if (!wr) return nullptr;
  Ref<Object> result = steal<Object>(wr);
  basic_refs(*head, &ref, &proxy);
  WeakRef* prev;
  if (!callback) {
    if (proxy) return borrow<Object>(proxy);   // made meanwhile: drop ours
    prev = ref;
  } else {
    prev = proxy ? proxy : ref;
  }
  if (prev) insert_after(wr, prev);
  else insert_head(wr, head);
  return result;
}

bool weakref_check(const Object* o) { return is_instance_of(o, &ReferenceType); }
bool weakproxy_check(const Object* o) { return is_proxy_type(o->type); }

Object* weakref_get_object(Object* wr) {
  Object* r = as_weakref(wr)->referent;
  return r ? r : None;
}

int64_t weakref_count(Object* o) {
  WeakRef** head = weak_list(o);
  int64_t n = 0;
  for (WeakRef* wr = head ? *head : nullptr; wr; wr = wr->next) n++;
  return n;
}

Ref<Object> weakref_list(Object* o) {
  Ref<List> out = list_new(0);
  if (!out) return nullptr;
  WeakRef** head = weak_list(o);
  for (WeakRef* wr = head ? *head : nullptr; wr; wr = wr->next) {
    if (!list_append(out.get(), wr)) return nullptr;
  }
  return out;
}

// ---- weakref.ref: slots --------------------------------------------------------------------------

namespace {

// ReferenceType.__new__(type, object, callback=None).  Keywords are
// refused for ref() itself; subclasses may take their own in __init__.
Ref<Object> ref_new(TypeObject* type, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (type == &ReferenceType && kwnames && kwnames->size)
    return set_error(exc::TypeError, "ref() takes no keyword arguments");
  if (!check_nargs("__new__", nargs, 1, 2)) return nullptr;
  return make_ref(type, args[0], nargs == 2 ? args[1] : nullptr);
}

int ref_init(Object*, Object* const*, size_t nargs, Tuple*) {
  return check_nargs("__init__", nargs, 1, 2) ? 0 : -1;
}

void weakref_dealloc(Object* self) {
  WeakRef* wr = as_weakref(self);
  unlink(wr);
  Object* cb = wr->callback;
  wr->callback = nullptr;
  xdecref(cb);
  destroy_object(wr);
}

void weakref_traverse(Object* self, VisitFn visit, void* arg) {
  if (Object* cb = as_weakref(self)->callback) visit(cb, arg);
}

void weakref_clear(Object* self) {
  WeakRef* wr = as_weakref(self);
  unlink(wr);
  Object* cb = wr->callback;
  wr->callback = nullptr;
  xdecref(cb);
}

Ref<Object> ref_call(Object* self, Object* const*, size_t nargs, Tuple* kwnames) {
  if (kwnames && kwnames->size) return set_error(exc::TypeError, "weakref() takes no keyword arguments");
  if (!check_nargs("weakref", nargs, 0, 0)) return nullptr;
  return borrow(weakref_get_object(self));
}

// hash(r) is hash(referent), remembered so that a dead ref keeps working
// as a dict key; a ref that dies before it was ever hashed cannot be.
int64_t ref_hash(Object* self) {
  WeakRef* wr = as_weakref(self);
  if (wr->hash != -1) return wr->hash;
  if (!wr->referent) {
    set_error(exc::TypeError, "weak object has gone away");
    return -1;
  }
  Ref<Object> keep = borrow(wr->referent);
  wr->hash = hash(keep.get());
  return wr->hash;
}

// == and != compare the referents while both live, else identity.
Ref<Object> ref_richcompare(Object* a, Object* b, CompareOp op) {
  if ((op != CompareOp::Eq && op != CompareOp::Ne) || !weakref_check(a) || !weakref_check(b))
    return not_implemented();
  Object* x = as_weakref(a)->referent;
  Object* y = as_weakref(b)->referent;
  if (!x || !y) {
    bool same = (a == b) == (op == CompareOp::Eq);
    return borrow(same ? True : False);
  }
  Ref<Object> kx = borrow(x), ky = borrow(y);
  return rich_compare(x, y, op);
}

std::string address(const void* p) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%p", p);
  return buf;
}

// <weakref at 0x..; to 'C' at 0x..>, with " (name)" when the referent's
// type gives it a str __name__ (functions, classes), or
// <weakref at 0x..; dead>.
Ref<Object> ref_repr(Object* self) {
  Object* o = as_weakref(self)->referent;
  std::string out = "<weakref at " + address(self) + "; ";
  if (!o) return str_from(out + "dead>");
  Ref<Object> keep = borrow(o);
  out += "to '" + std::string(o->type->name) + "' at " + address(o);
  // Looked up on the type, as a special method: functions and classes
  // have a __name__ there, modules and plain instances do not.
  Ref<Object> name = lookup_special(o, names::__name__);
  if (!name && error_occurred()) return nullptr;
  if (name && str_check(name.get())) {
    out += " (";
    out += str_view(name.get());
    out += ")";
  }
  return str_from(out + ">");
}

Ref<Object> ref_get_callback(Object* self) {
  Object* cb = as_weakref(self)->callback;
  return borrow(cb ? cb : None);
}

const GetSetDef ref_getset[] = {
    {"__callback__", ref_get_callback, nullptr, nullptr},
    {nullptr, nullptr},
};

const MethodDef ref_methods[] = {
    {"__class_getitem__", generic_alias_class_getitem, MethodKind::Class,
     "See PEP 585"},
    {nullptr, nullptr},
};

// ---- proxies -------------------------------------------------------------------------------------

// The live referent of a proxy, or null with ReferenceError set.  Any
// other object is returned as it is (operands of binary operators).
Object* unwrap(Object* o) {
  if (!is_proxy_type(o->type)) return o;
  Object* r = as_weakref(o)->referent;
  if (!r) set_error(exc::ReferenceError, "weakly-referenced object no longer exists");
  return r;
}

// A strong reference to the unwrapped object for the duration of a call
// (the referent's last owner could drop it from inside the operation).
Ref<Object> unwrap_ref(Object* o) {
  Object* r = unwrap(o);
  return r ? borrow(r) : nullptr;
}

Ref<Object> proxy_getattr(Object* self, Str* name) {
  Ref<Object> o = unwrap_ref(self);
  return o ? getattr(o.get(), name) : nullptr;
}

int proxy_setattr(Object* self, Str* name, Object* value) {
  Ref<Object> o = unwrap_ref(self);
  return o ? setattr(o.get(), name, value) : -1;
}

Ref<Object> proxy_repr(Object* self) {
  Object* o = weakref_get_object(self);
  std::string out = "<weakproxy at " + address(self) + " to " + o->type->name + " at " + address(o) + ">";
  return str_from(out);
}

Ref<Object> proxy_str(Object* self) {
  Ref<Object> o = unwrap_ref(self);
  return o ? str(o.get()) : nullptr;
}

// Proxies are unhashable (their referent may die), named as CPython does.
int64_t proxy_hash(Object* self) {
  set_errorf(exc::TypeError, "unhashable type: '%s'", self->type->name);
  return -1;
}

Ref<Object> proxy_richcompare(Object* a, Object* b, CompareOp op) {
  Ref<Object> x = unwrap_ref(a);
  if (!x) return nullptr;
  Ref<Object> y = unwrap_ref(b);
  if (!y) return nullptr;
  return rich_compare(x.get(), y.get(), op);
}

template <BinaryOp op>
Ref<Object> proxy_binary(Object* a, Object* b) {
  Ref<Object> x = unwrap_ref(a);
  if (!x) return nullptr;
  Ref<Object> y = unwrap_ref(b);
  if (!y) return nullptr;
  return binary_op(x.get(), y.get(), op);
}

template <BinaryOp op>
Ref<Object> proxy_inplace(Object* a, Object* b) {
  Ref<Object> x = unwrap_ref(a);
  if (!x) return nullptr;
  Ref<Object> y = unwrap_ref(b);
  if (!y) return nullptr;
  return inplace_op(x.get(), y.get(), op);
}

Ref<Object> proxy_power3(Object* a, Object* b, Object* c) {
  Ref<Object> x = unwrap_ref(a), y = x ? unwrap_ref(b) : nullptr, z = y ? unwrap_ref(c) : nullptr;
  return z ? power3(x.get(), y.get(), z.get()) : nullptr;
}

// One forwarding function per unary protocol: unwrap, then call `fn`.
template <Ref<Object> (*fn)(Object*)>
Ref<Object> proxy_unary(Object* self) {
  Ref<Object> o = unwrap_ref(self);
  return o ? fn(o.get()) : nullptr;
}

Ref<Object> to_int(Object* o) { return call1(&IntType, o); }
Ref<Object> to_float(Object* o) { return call1(&FloatType, o); }

int proxy_bool(Object* self) {
  Ref<Object> o = unwrap_ref(self);
  return o ? is_true(o.get()) : -1;
}

int64_t proxy_length(Object* self) {
  Ref<Object> o = unwrap_ref(self);
  return o ? length(o.get()) : -1;
}

Ref<Object> proxy_getitem(Object* self, Object* key) {
  Ref<Object> o = unwrap_ref(self);
  return o ? getitem(o.get(), key) : nullptr;
}

int proxy_setitem(Object* self, Object* key, Object* value) {
  Ref<Object> o = unwrap_ref(self);
  if (!o) return -1;
  return value ? setitem(o.get(), key, value) : delitem(o.get(), key);
}

int proxy_contains(Object* self, Object* item) {
  Ref<Object> o = unwrap_ref(self);
  return o ? contains(o.get(), item) : -1;
}

Ref<Object> proxy_iter(Object* self) {
  Ref<Object> o = unwrap_ref(self);
  return o ? get_iter(o.get()) : nullptr;
}

Ref<Object> proxy_iternext(Object* self) {
  Ref<Object> o = unwrap_ref(self);
  if (!o) return nullptr;
  if (!o->type->iternext)
    return set_errorf(exc::TypeError, "Weakref proxy referenced a non-iterator '%s' object",
                      o->type->name);
  return o->type->iternext(o.get());
}

Ref<Object> proxy_call(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  Ref<Object> o = unwrap_ref(self);
  return o ? call(o.get(), args, nargs, kwnames) : nullptr;
}

Ref<Object> proxy_call_method(Object* self, Str* name) {
  Ref<Object> o = unwrap_ref(self);
  return o ? call_method(o.get(), name, nullptr, 0) : nullptr;
}

Ref<Object> proxy_bytes(Object* self, Object* const*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("__bytes__", nargs, kwnames)) return nullptr;
  return proxy_call_method(self, intern("__bytes__"));
}

Ref<Object> proxy_reversed(Object* self, Object* const*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("__reversed__", nargs, kwnames)) return nullptr;
  return proxy_call_method(self, intern("__reversed__"));
}

const MethodDef proxy_methods[] = {
    {"__bytes__", proxy_bytes},
    {"__reversed__", proxy_reversed},
    {nullptr, nullptr},
};

template <size_t... I>
void fill_binary_slots(TypeObject& t, std::index_sequence<I...>) {
  ((t.nb_binary[I] = &proxy_binary<static_cast<BinaryOp>(I)>), ...);
  ((t.nb_inplace[I] = &proxy_inplace<static_cast<BinaryOp>(I)>), ...);
}

void fill_weakref_layout(TypeObject& t, const char* name) {
  t.type = &TypeType;
  t.name = name;
  t.basic_size = sizeof(WeakRef);
  t.flags = kHaveGC;
  t.dealloc = weakref_dealloc;
  t.traverse = weakref_traverse;
  t.clear = weakref_clear;
}

void fill_proxy_slots(TypeObject& t, const char* name) {
  fill_weakref_layout(t, name);
  t.getattr = proxy_getattr;
  t.setattr = proxy_setattr;
  t.repr = proxy_repr;
  t.str = proxy_str;
  t.hash = proxy_hash;
  t.richcompare = proxy_richcompare;
  fill_binary_slots(t, std::make_index_sequence<kNumBinaryOps>());
  t.nb_power3 = proxy_power3;
  t.nb_negative = proxy_unary<negative>;
  t.nb_positive = proxy_unary<positive>;
  t.nb_absolute = proxy_unary<absolute>;
  t.nb_invert = proxy_unary<invert>;
  t.nb_bool = proxy_bool;
  t.nb_int = proxy_unary<to_int>;
  t.nb_float = proxy_unary<to_float>;
  t.nb_index = proxy_unary<index>;
  t.sq_length = proxy_length;
  t.mp_subscript = proxy_getitem;
  t.mp_ass_subscript = proxy_setitem;
  t.sq_contains = proxy_contains;
  t.iter = proxy_iter;
  t.iternext = proxy_iternext;
  t.methods = proxy_methods;
}

}  // namespace

bool init_weakref_types() {
  static bool ready = false;
  if (ready) return true;
  TypeObject& r = ReferenceType;
  fill_weakref_layout(r, "weakref.ReferenceType");
  r.flags |= kBaseType;
  r.new_ = ref_new;
  r.init = ref_init;
  r.call = ref_call;
  r.hash = ref_hash;
  r.richcompare = ref_richcompare;
  r.repr = ref_repr;
  r.getset = ref_getset;
  r.methods = ref_methods;
  fill_proxy_slots(ProxyType, "weakref.ProxyType");
  fill_proxy_slots(CallableProxyType, "weakref.CallableProxyType");
  CallableProxyType.call = proxy_call;
  for (TypeObject* t : {&ReferenceType, &ProxyType, &CallableProxyType}) {
    if (!type_ready(t)) return false;
  }
  ready = true;
  return true;
}

}  // namespace coil::runtime
