// weakref.h — weak references: weakref.ref, weakref.proxy, and the hook
// every deallocation of a weak-referenceable object goes through.
//
// A weak reference points at its referent without owning it.  Each
// referent whose type supports weak references (TypeObject::weaklist_offset
// != 0) carries one pointer-sized field, its weak list: the head of a
// doubly-linked list threaded through the WeakRef objects that point at it.
// When the referent dies, clear_weakrefs() walks that list, marks every
// weak reference dead and calls their callbacks.  runtime/weakref.cpp has
// the whole story; docs/weakref.md draws it.
#pragma once

#include <cstdint>
#include <vector>

#include "runtime/object.h"
#include "runtime/type.h"

namespace coil::runtime {

extern TypeObject ReferenceType;       // weakref.ref / weakref.ReferenceType
extern TypeObject ProxyType;           // weakref.ProxyType
extern TypeObject CallableProxyType;   // weakref.CallableProxyType

// One weak reference (ref, proxy or callable proxy: CPython shares the
// struct too).  `referent` is BORROWED: the referent's death clears it.
struct WeakRef : Object {
  Object* referent = nullptr;   // borrowed; null once the referent died
  Object* callback = nullptr;   // strong; null when none or already taken
  int64_t hash = -1;            // hash(referent), cached on first use
  WeakRef* prev = nullptr;      // siblings in the referent's weak list
  WeakRef* next = nullptr;
};

// Readies the three types (idempotent).  false with an exception set.
bool init_weakref_types();

// Whether instances of `type` can be weakly referenced.
inline bool type_supports_weakrefs(const TypeObject* type) { return type->weaklist_offset != 0; }

// weakref.ref(o, callback) / weakref.proxy(o, callback); `callback` may be
// null or None.  TypeError "cannot create weak reference to 'int' object"
// for types without a weak list.
Ref<Object> weakref_new(Object* o, Object* callback);
Ref<Object> weakproxy_new(Object* o, Object* callback);

bool weakref_check(const Object* o);   // isinstance(o, weakref.ref)
bool weakproxy_check(const Object* o); // a proxy or callable proxy
// The referent of a ref or proxy, borrowed, or None once it died.
Object* weakref_get_object(Object* wr);

// getweakrefcount(o) and getweakrefs(o) (a list, in weak-list order).
int64_t weakref_count(Object* o);
Ref<Object> weakref_list(Object* o);

// CPython's PyObject_ClearWeakRefs: kills every weak reference to `o` and
// calls their callbacks (errors are printed as "Exception ignored in:").
// Deallocation calls this for every weak-referenceable object
// (runtime/object.cpp for built-in types, runtime/type.cpp's
// subtype_dealloc for classes, after __del__).  A pending exception is
// saved and restored around the callbacks.
void clear_weakrefs(Object* o);

// ---- for the cycle collector (runtime/gc.cpp) ----------------------------

// Whether any weak reference points at `o`.
bool has_weakrefs(Object* o);
// Kills every weak reference to `o` (they return None from now on) without
// calling anything; each one that has a callback and is itself still
// alive is appended to `callbacks` (a new reference), to be passed to
// weakref_call_callback once the collector is ready to run Python code.
void weakrefs_detach(Object* o, std::vector<Ref<Object>>* callbacks);
// Calls the callback of a detached weak reference with the weak reference
// as argument, then drops the callback; an error is printed, not raised.
void weakref_call_callback(Object* weakref);

}  // namespace coil::runtime
