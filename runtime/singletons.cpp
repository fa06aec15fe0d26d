// singletons.cpp — None, NotImplemented and Ellipsis.
//
// Each is a bare object header living in static storage, with its own tiny
// type.  They are immortal: the refcount starts huge and their types have
// no dealloc slot, so an over-decref trips dealloc_object()'s fatal error
// instead of freeing static memory.  True and False live with bool
// (runtime/bool.cpp), since they are int instances.
#include "runtime/singletons.h"

#include "runtime/args.h"
#include "runtime/error.h"
#include "runtime/str.h"
#include "runtime/type.h"

namespace coil::runtime {

TypeObject NoneType;
TypeObject NotImplementedType;
TypeObject EllipsisType;

namespace {
Object g_none{kImmortalRefcnt, &NoneType};
Object g_not_implemented{kImmortalRefcnt, &NotImplementedType};
Object g_ellipsis{kImmortalRefcnt, &EllipsisType};
}  // namespace

Object* const None = &g_none;
Object* const NotImplemented = &g_not_implemented;
Object* const Ellipsis = &g_ellipsis;

namespace {

Ref<Object> none_repr(Object*) { return str_from("None"); }
Ref<Object> notimpl_repr(Object*) { return str_from("NotImplemented"); }
Ref<Object> ellipsis_repr(Object*) { return str_from("Ellipsis"); }

int none_bool(Object*) { return 0; }

// type(None)() returns None: "NoneType takes no arguments" otherwise.
Ref<Object> none_new(TypeObject*, Object* const*, size_t nargs, Tuple* kwnames) {
  if (nargs || kwnames) return type_error("NoneType takes no arguments");
  return none();
}
Ref<Object> notimpl_new(TypeObject*, Object* const*, size_t nargs, Tuple* kwnames) {
  if (nargs || kwnames) return type_error("NotImplementedType takes no arguments");
  return not_implemented();
}
Ref<Object> ellipsis_new(TypeObject*, Object* const*, size_t nargs, Tuple* kwnames) {
  if (nargs || kwnames) return type_error("ellipsis takes no arguments");
  return Ref<Object>::borrow(Ellipsis);
}

// __reduce__ returns the global name, so pickle stores them by reference.
Ref<Object> none_reduce(Object*, Object* const*, size_t, Tuple*) { return str_from("None"); }
Ref<Object> notimpl_reduce(Object*, Object* const*, size_t, Tuple*) {
  return str_from("NotImplemented");
}
Ref<Object> ellipsis_reduce(Object*, Object* const*, size_t, Tuple*) { return str_from("Ellipsis"); }

const MethodDef none_methods[] = {{"__reduce__", none_reduce}, {nullptr, nullptr}};
const MethodDef notimpl_methods[] = {{"__reduce__", notimpl_reduce}, {nullptr, nullptr}};
const MethodDef ellipsis_methods[] = {{"__reduce__", ellipsis_reduce}, {nullptr, nullptr}};

void fill(TypeObject* t, const char* name, UnaryFn repr, NewFn new_, const MethodDef* methods) {
  t->name = name;
  t->basic_size = sizeof(Object);
  t->repr = repr;
  t->new_ = new_;
  t->methods = methods;
}

}  // namespace

void init_singleton_types() {
  fill(&NoneType, "NoneType", none_repr, none_new, none_methods);
  NoneType.nb_bool = none_bool;
  fill(&NotImplementedType, "NotImplementedType", notimpl_repr, notimpl_new, notimpl_methods);
  fill(&EllipsisType, "ellipsis", ellipsis_repr, ellipsis_new, ellipsis_methods);
}

}  // namespace coil::runtime
