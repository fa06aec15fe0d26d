// singletons.h — None, True, False, NotImplemented, Ellipsis.
//
// These objects exist once per process.  Their refcounts are updated like
// any other object's but they are never freed (they start with a large
// count and their dealloc aborts loudly if it ever runs).
#pragma once

#include "runtime/object.h"

namespace coil::runtime {

extern Object* const None;
extern Object* const NotImplemented;
extern Object* const Ellipsis;
extern Object* const True;    // an int subclass instance (bool)
extern Object* const False;

struct TypeObject;
extern TypeObject NoneType;              // type(None)
extern TypeObject NotImplementedType;    // type(NotImplemented)
extern TypeObject EllipsisType;          // type(...): 'ellipsis'
void init_singleton_types();             // fills the three types above

// The starting refcount of immortal objects: large enough never to reach 0.
constexpr intptr_t kImmortalRefcnt = intptr_t{1} << 40;

inline Ref<Object> none() { return Ref<Object>::borrow(None); }
inline Ref<Object> not_implemented() { return Ref<Object>::borrow(NotImplemented); }
inline Ref<Object> new_bool(bool b) { return Ref<Object>::borrow(b ? True : False); }

}  // namespace coil::runtime
