// descr.cpp — descriptor types: how C++ definitions and decorators become
// attributes.
//
// type_ready() turns each MethodDef of a built-in type into a method
// descriptor in the type's dict; each GetSetDef into a getset descriptor;
// each slot into a wrapper descriptor (typeslots.cpp).  Looking one up on
// an instance calls its descr_get, which binds it: a method descriptor
// becomes a builtin method (`[].append`), a wrapper descriptor a
// method-wrapper (`(1).__add__`), a getset runs its getter.  The same
// protocol serves the Python-visible property, classmethod and
// staticmethod, and super() is a proxy that restarts the MRO walk after a
// given class.  Every repr and message follows CPython 3.11.
#include "runtime/descr.h"

#include <cstdio>
#include <string>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/names.h"
#include "runtime/singletons.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/typeslots.h"
#include "vm/function.h"

namespace coil::runtime {

TypeObject MethodDescrType;
TypeObject ClassMethodDescrType;
TypeObject BuiltinFunctionType;
TypeObject GetSetDescrType;
TypeObject MemberDescrType;
TypeObject WrapperDescrType;
TypeObject MethodWrapperType;
TypeObject PropertyType;
TypeObject ClassMethodType;
TypeObject StaticMethodType;
TypeObject SuperType;
TypeObject MappingProxyType;

namespace {

inline TypeObject* as_type(Object* o) { return static_cast<TypeObject*>(o); }

std::string addr(const void* p) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%p", p);
  return buf;
}

std::string owner_name(const DescrBase* d) {
  return std::string(type_name(as_type(d->owner.get())));
}

// "descriptor 'append' for 'list' objects doesn't apply to a 'int' object"
bool check_descr_self(DescrBase* d, Object* obj) {
  if (is_instance_of(obj, as_type(d->owner.get()))) return true;
  set_errorf(exc::TypeError, "descriptor '%U' for '%s' objects doesn't apply to a '%T' object",
             d->name.get(), owner_name(d).c_str(), obj);
  return false;
}

template <class T>
T* new_descr(TypeObject* type, TypeObject* owner, const char* name) {
  T* d = alloc<T>(type);
  if (!d) return nullptr;
  d->owner = Ref<Object>::borrow(owner);
  d->name = Ref<Object>::borrow(intern(name));
  return d;
}

Ref<Object> descr_get_name(Object* self) { return static_cast<DescrBase*>(self)->name; }
Ref<Object> descr_get_objclass(Object* self) { return static_cast<DescrBase*>(self)->owner; }
Ref<Object> descr_get_qualname(Object* self) {
  auto* d = static_cast<DescrBase*>(self);
  Ref<Object> q = getattr(d->owner.get(), names::__qualname__);
  if (!q) return nullptr;
  return str_from(std::string(str_view(q.get())) + "." + std::string(str_view(d->name.get())));
}

Ref<Object> doc_or_none(const char* doc) { return doc ? Ref<Object>(str_from(doc)) : none(); }

// ---- method_descriptor ----------------------------------------------------------------

void method_descr_dealloc(Object* self) { destroy_object(static_cast<MethodDescr*>(self)); }

Ref<Object> method_descr_repr(Object* self) {
  auto* d = static_cast<MethodDescr*>(self);
  return str_from("<method '" + std::string(str_view(d->name.get())) + "' of '" + owner_name(d) +
                  "' objects>");
}

Ref<Object> method_descr_get(Object* self, Object* obj, Object*) {
  if (!obj) return Ref<Object>::borrow(self);
  auto* d = static_cast<MethodDescr*>(self);
  if (!check_descr_self(d, obj)) return nullptr;
  return new_builtin_function(d->def, obj);
}

Ref<Object> method_descr_call(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  auto* d = static_cast<MethodDescr*>(self);
  if (nargs < 1) {
    return set_errorf(exc::TypeError, "unbound method %s.%U() needs an argument",
                      owner_name(d).c_str(), d->name.get());
  }
  if (!check_descr_self(d, args[0])) return nullptr;
  return d->def->fn(args[0], args + 1, nargs - 1, kw);
}

Ref<Object> method_descr_doc(Object* self) { return doc_or_none(static_cast<MethodDescr*>(self)->def->doc); }

const GetSetDef method_descr_getset[] = {
    {"__name__", descr_get_name},
    {"__qualname__", descr_get_qualname},
    {"__objclass__", descr_get_objclass},
    {"__doc__", method_descr_doc},
    {nullptr, nullptr},
};

// ---- classmethod_descriptor -------------------------------------------------------------

Ref<Object> classmethod_descr_get(Object* self, Object* obj, Object* owner) {
  auto* d = static_cast<MethodDescr*>(self);
  if (!owner) owner = obj->type;
  if (!type_check(owner)) {
    return set_errorf(exc::TypeError, "descriptor '%U' for type '%s' needs a type, not a '%T' as arg 2",
                      d->name.get(), owner_name(d).c_str(), owner);
  }
  if (!is_subtype(as_type(owner), as_type(d->owner.get()))) {
    return set_errorf(exc::TypeError, "descriptor '%U' requires a subtype of '%s' but received '%s'",
                      d->name.get(), owner_name(d).c_str(), as_type(owner)->name);
  }
  return new_builtin_function(d->def, owner);
}

Ref<Object> classmethod_descr_call(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  auto* d = static_cast<MethodDescr*>(self);
  if (nargs < 1) {
    return set_errorf(exc::TypeError, "descriptor '%U' of '%s' object needs an argument",
                      d->name.get(), owner_name(d).c_str());
  }
  Ref<Object> bound = classmethod_descr_get(self, nullptr, args[0]);
  if (!bound) return nullptr;
  return d->def->fn(args[0], args + 1, nargs - 1, kw);
}

// ---- builtin_function_or_method --------------------------------------------------------

void builtin_dealloc(Object* self) { destroy_object(static_cast<BuiltinFunction*>(self)); }

void builtin_traverse(Object* self, VisitFn visit, void* arg) {
  auto* f = static_cast<BuiltinFunction*>(self);
  if (f->self) visit(f->self.get(), arg);
  if (f->module) visit(f->module.get(), arg);
}

inline bool is_module(Object* o) { return module_check(o); }

Ref<Object> builtin_repr(Object* self) {
  auto* f = static_cast<BuiltinFunction*>(self);
  if (!f->self || is_module(f->self.get()))
    return str_from(std::string("<built-in function ") + f->def->name + ">");
  Object* s = f->self.get();
  return str_from(std::string("<built-in method ") + f->def->name + " of " + s->type->name +
                  " object at " + addr(s) + ">");
}

Ref<Object> builtin_call(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  auto* f = static_cast<BuiltinFunction*>(self);
  Object* s = f->def->kind == MethodKind::Static ? nullptr : f->self.get();
  return f->def->fn(s, args, nargs, kw);
}

Ref<Object> builtin_richcompare(Object* a, Object* b, CompareOp op) {
  if ((op != CompareOp::Eq && op != CompareOp::Ne) || b->type != &BuiltinFunctionType)
    return not_implemented();
  auto* x = static_cast<BuiltinFunction*>(a);
  auto* y = static_cast<BuiltinFunction*>(b);
  bool eq = x->def == y->def && x->self.get() == y->self.get();
  return new_bool(op == CompareOp::Eq ? eq : !eq);
}

int64_t builtin_hash(Object* self) {
  auto* f = static_cast<BuiltinFunction*>(self);
  int64_t h = hash_pointer(f->def) ^ (f->self ? hash_pointer(f->self.get()) : 0);
  return h == -1 ? -2 : h;
}

Ref<Object> builtin_get_name(Object* self) { return str_from(static_cast<BuiltinFunction*>(self)->def->name); }
Ref<Object> builtin_get_qualname(Object* self) {
  auto* f = static_cast<BuiltinFunction*>(self);
  if (!f->self || is_module(f->self.get())) return str_from(f->def->name);
  Object* owner = type_check(f->self.get()) ? f->self.get() : f->self->type;
  Ref<Object> q = getattr(owner, names::__qualname__);
  if (!q) return nullptr;
  return str_from(std::string(str_view(q.get())) + "." + f->def->name);
}
Ref<Object> builtin_get_self(Object* self) {
  auto* f = static_cast<BuiltinFunction*>(self);
  return f->self ? f->self : none();
}
Ref<Object> builtin_get_module(Object* self) {
  auto* f = static_cast<BuiltinFunction*>(self);
  if (f->module) return f->module;
  if (f->self && is_module(f->self.get())) {
    Ref<Object> n = getattr_opt(f->self.get(), names::__name__);
    if (n) return n;
    if (error_occurred()) return nullptr;
  }
  return none();
}
Ref<Object> builtin_get_doc(Object* self) { return doc_or_none(static_cast<BuiltinFunction*>(self)->def->doc); }

const GetSetDef builtin_getset[] = {
    {"__name__", builtin_get_name},
    {"__qualname__", builtin_get_qualname},
    {"__self__", builtin_get_self},
    {"__module__", builtin_get_module},
    {"__doc__", builtin_get_doc},
    {nullptr, nullptr},
};

Ref<Object> builtin_reduce(Object* self, Object* const*, size_t, Tuple*) {
  // Module functions pickle by name; methods as getattr(self, name).
  auto* f = static_cast<BuiltinFunction*>(self);
  if (!f->self || is_module(f->self.get())) return str_from(f->def->name);
  return set_errorf(exc::TypeError, "cannot pickle '%s' object", self->type->name);
}

const MethodDef builtin_methods[] = {
    {"__reduce__", builtin_reduce},
    {nullptr, nullptr},
};

// ---- getset_descriptor --------------------------------------------------------------------

void getset_dealloc(Object* self) { destroy_object(static_cast<GetSetDescr*>(self)); }

Ref<Object> getset_repr(Object* self) {
  auto* d = static_cast<GetSetDescr*>(self);
  return str_from("<attribute '" + std::string(str_view(d->name.get())) + "' of '" +
                  owner_name(d) + "' objects>");
}

Ref<Object> getset_get(Object* self, Object* obj, Object*) {
  if (!obj) return Ref<Object>::borrow(self);
  auto* d = static_cast<GetSetDescr*>(self);
  if (!check_descr_self(d, obj)) return nullptr;
  return d->def->get(obj);
}

int getset_set(Object* self, Object* obj, Object* value) {
  auto* d = static_cast<GetSetDescr*>(self);
  if (!check_descr_self(d, obj)) return -1;
  if (!d->def->set) {
    set_errorf(exc::AttributeError, "attribute '%U' of '%s' objects is not writable",
               d->name.get(), owner_name(d).c_str());
    return -1;
  }
  return d->def->set(obj, value);
}

Ref<Object> getset_doc(Object* self) { return doc_or_none(static_cast<GetSetDescr*>(self)->def->doc); }

const GetSetDef getset_getset[] = {
    {"__name__", descr_get_name},
    {"__qualname__", descr_get_qualname},
    {"__objclass__", descr_get_objclass},
    {"__doc__", getset_doc},
    {nullptr, nullptr},
};

// ---- member_descriptor (__slots__) ---------------------------------------------------------

void member_dealloc(Object* self) { destroy_object(static_cast<MemberDescr*>(self)); }

Ref<Object> member_repr(Object* self) {
  auto* d = static_cast<MemberDescr*>(self);
  return str_from("<member '" + std::string(str_view(d->name.get())) + "' of '" + owner_name(d) +
                  "' objects>");
}

// A __slots__ value is a word at a fixed byte offset from the object:
// after the struct, or before it for str/bytes subclasses (type.h,
// heap_word_offset), fixed when the class was made.
Object** member_slot(MemberDescr* d, Object* obj) {
  return reinterpret_cast<Object**>(reinterpret_cast<char*>(obj) + d->offset);
}

Ref<Object> member_get(Object* self, Object* obj, Object*) {
  if (!obj) return Ref<Object>::borrow(self);
  auto* d = static_cast<MemberDescr*>(self);
  if (!check_descr_self(d, obj)) return nullptr;
  Object** slot = member_slot(d, obj);
  if (!slot || !*slot)
    return set_errorf(exc::AttributeError, "'%T' object has no attribute '%U'", obj, d->name.get());
  return Ref<Object>::borrow(*slot);
}

int member_set(Object* self, Object* obj, Object* value) {
  auto* d = static_cast<MemberDescr*>(self);
  if (!check_descr_self(d, obj)) return -1;
  if (d->readonly) {
    set_error(exc::AttributeError, "readonly attribute");
    return -1;
  }
  Object** slot = member_slot(d, obj);
  if (!slot) {
    no_memory();
    return -1;
  }
  if (!value && !*slot) {
    // CPython's member_set reports just the name here.
    set_errorf(exc::AttributeError, "%U", d->name.get());
    return -1;
  }
  Object* old = *slot;
  xincref(value);
  *slot = value;
  xdecref(old);
  return 0;
}

const GetSetDef member_getset[] = {
    {"__name__", descr_get_name},
    {"__qualname__", descr_get_qualname},
    {"__objclass__", descr_get_objclass},
    {nullptr, nullptr},
};

// ---- wrapper_descriptor / method-wrapper -----------------------------------------------------

void wrapper_dealloc(Object* self) { destroy_object(static_cast<WrapperDescr*>(self)); }

Ref<Object> wrapper_repr(Object* self) {
  auto* d = static_cast<WrapperDescr*>(self);
  return str_from("<slot wrapper '" + std::string(str_view(d->name.get())) + "' of '" +
                  owner_name(d) + "' objects>");
}

Ref<Object> wrapper_get(Object* self, Object* obj, Object*) {
  if (!obj) return Ref<Object>::borrow(self);
  auto* d = static_cast<WrapperDescr*>(self);
  if (!check_descr_self(d, obj)) return nullptr;
  MethodWrapper* w = alloc<MethodWrapper>(&MethodWrapperType);
  if (!w) return nullptr;
  w->descr = Ref<Object>::borrow(self);
  w->self = Ref<Object>::borrow(obj);
  return Ref<Object>::steal(w);
}

Ref<Object> wrapper_call(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  auto* d = static_cast<WrapperDescr*>(self);
  if (nargs < 1) {
    return set_errorf(exc::TypeError, "descriptor '%U' of '%s' object needs an argument",
                      d->name.get(), owner_name(d).c_str());
  }
  if (!is_instance_of(args[0], as_type(d->owner.get()))) {
    return set_errorf(exc::TypeError, "descriptor '%U' requires a '%s' object but received a '%T'",
                      d->name.get(), owner_name(d).c_str(), args[0]);
  }
  return d->slot->wrapper(d->slot, d->wrapped, args[0], args + 1, nargs - 1, kw);
}

Ref<Object> wrapper_doc(Object* self) { return doc_or_none(static_cast<WrapperDescr*>(self)->slot->doc); }

const GetSetDef wrapper_getset[] = {
    {"__name__", descr_get_name},
    {"__qualname__", descr_get_qualname},
    {"__objclass__", descr_get_objclass},
    {"__doc__", wrapper_doc},
    {nullptr, nullptr},
};

void mwrapper_dealloc(Object* self) { destroy_object(static_cast<MethodWrapper*>(self)); }

void mwrapper_traverse(Object* self, VisitFn visit, void* arg) {
  auto* w = static_cast<MethodWrapper*>(self);
  visit(w->descr.get(), arg);
  visit(w->self.get(), arg);
}

Ref<Object> mwrapper_repr(Object* self) {
  auto* w = static_cast<MethodWrapper*>(self);
  auto* d = static_cast<WrapperDescr*>(w->descr.get());
  return str_from("<method-wrapper '" + std::string(str_view(d->name.get())) + "' of " +
                  w->self->type->name + " object at " + addr(w->self.get()) + ">");
}

Ref<Object> mwrapper_call(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  auto* w = static_cast<MethodWrapper*>(self);
  auto* d = static_cast<WrapperDescr*>(w->descr.get());
  return d->slot->wrapper(d->slot, d->wrapped, w->self.get(), args, nargs, kw);
}

Ref<Object> mwrapper_richcompare(Object* a, Object* b, CompareOp op) {
  if ((op != CompareOp::Eq && op != CompareOp::Ne) || b->type != &MethodWrapperType)
    return not_implemented();
  auto* x = static_cast<MethodWrapper*>(a);
  auto* y = static_cast<MethodWrapper*>(b);
  bool eq = x->descr.get() == y->descr.get() && x->self.get() == y->self.get();
  return new_bool(op == CompareOp::Eq ? eq : !eq);
}

int64_t mwrapper_hash(Object* self) {
  auto* w = static_cast<MethodWrapper*>(self);
  int64_t h = hash_pointer(w->descr.get()) ^ hash_pointer(w->self.get());
  return h == -1 ? -2 : h;
}

Ref<Object> mwrapper_self(Object* self) { return static_cast<MethodWrapper*>(self)->self; }
Ref<Object> mwrapper_name(Object* self) {
  return static_cast<WrapperDescr*>(static_cast<MethodWrapper*>(self)->descr.get())->name;
}
Ref<Object> mwrapper_objclass(Object* self) {
  return static_cast<WrapperDescr*>(static_cast<MethodWrapper*>(self)->descr.get())->owner;
}

const GetSetDef mwrapper_getset[] = {
    {"__self__", mwrapper_self},
    {"__name__", mwrapper_name},
    {"__objclass__", mwrapper_objclass},
    {nullptr, nullptr},
};

// ---- property ---------------------------------------------------------------------------------

void property_dealloc(Object* self) { destroy_object(static_cast<Property*>(self)); }

void property_traverse(Object* self, VisitFn visit, void* arg) {
  auto* p = static_cast<Property*>(self);
  for (Object* o : {p->fget.get(), p->fset.get(), p->fdel.get(), p->doc.get(), p->name.get()})
    if (o) visit(o, arg);
}

Ref<Object> property_new(TypeObject* type, Object* const*, size_t, Tuple*) {
  Property* p = alloc<Property>(type);
  if (!p) return nullptr;
  return Ref<Object>::steal(p);
}

Ref<Object> none_to_null(Object* o) { return o && o != None ? Ref<Object>::borrow(o) : nullptr; }

int property_init(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  static const ArgSpec spec{"property", {"fget", "fset", "fdel", "doc"}, 0};
  Object* a[4];
  if (!bind_args(spec, args, nargs, kw, a)) return -1;
  auto* p = static_cast<Property*>(self);
  p->fget = none_to_null(a[0]);
  p->fset = none_to_null(a[1]);
  p->fdel = none_to_null(a[2]);
  p->doc = none_to_null(a[3]);
  p->getter_doc = false;
  // Without an explicit doc, a property borrows its getter's docstring.
  if (!p->doc && p->fget) {
    Ref<Object> d = getattr_opt(p->fget.get(), names::__doc__);
    if (!d && error_occurred()) return -1;
    if (d && d.get() != None) {
      p->doc = std::move(d);
      p->getter_doc = true;
    }
  }
  return 0;
}

// "property 'x' of 'C' object has no getter" (3.11 wording)
Ref<Object> property_error(Property* p, Object* obj, const char* what) {
  if (p->name) {
    return set_errorf(exc::AttributeError, "property %R of '%s' object has no %s", p->name.get(),
                      obj->type->name, what);
  }
  return set_errorf(exc::AttributeError, "property of '%s' object has no %s", obj->type->name, what);
}

Ref<Object> property_get(Object* self, Object* obj, Object*) {
  if (!obj) return Ref<Object>::borrow(self);
  auto* p = static_cast<Property*>(self);
  if (!p->fget) return property_error(p, obj, "getter");
  return call1(p->fget.get(), obj);
}

int property_set(Object* self, Object* obj, Object* value) {
  auto* p = static_cast<Property*>(self);
  Object* f = value ? p->fset.get() : p->fdel.get();
  if (!f) {
    property_error(p, obj, value ? "setter" : "deleter");
    return -1;
  }
  Ref<Object> r = value ? call2(f, obj, value) : call1(f, obj);
  return r ? 0 : -1;
}

// getter/setter/deleter: a copy of the property with one function replaced.
Ref<Object> property_copy(Object* self, Object* get, Object* set, Object* del) {
  auto* p = static_cast<Property*>(self);
  Object* doc = p->doc.get();
  if (p->getter_doc && get) doc = nullptr;   // re-derive from the new getter
  Object* args[4] = {get ? get : (p->fget ? p->fget.get() : None),
                     set ? set : (p->fset ? p->fset.get() : None),
                     del ? del : (p->fdel ? p->fdel.get() : None), doc ? doc : None};
  Ref<Object> type = Ref<Object>::borrow(self->type);
  Ref<Object> np = call(type.get(), args, 4);
  if (!np) return nullptr;
  if (np->type == &PropertyType || is_subtype(np->type, &PropertyType))
    static_cast<Property*>(np.get())->name = p->name;
  return np;
}

Ref<Object> property_getter(Object* self, Object* const* a, size_t n, Tuple* kw) {
  if (!check_no_kwargs("getter", kw) || !check_nargs("getter", n, 1, 1)) return nullptr;
  return property_copy(self, a[0], nullptr, nullptr);
}
Ref<Object> property_setter(Object* self, Object* const* a, size_t n, Tuple* kw) {
  if (!check_no_kwargs("setter", kw) || !check_nargs("setter", n, 1, 1)) return nullptr;
  return property_copy(self, nullptr, a[0], nullptr);
}
Ref<Object> property_deleter(Object* self, Object* const* a, size_t n, Tuple* kw) {
  if (!check_no_kwargs("deleter", kw) || !check_nargs("deleter", n, 1, 1)) return nullptr;
  return property_copy(self, nullptr, nullptr, a[0]);
}
Ref<Object> property_set_name(Object* self, Object* const* a, size_t n, Tuple* kw) {
  if (!check_no_kwargs("__set_name__", kw) || !check_nargs("__set_name__", n, 2, 2)) return nullptr;
  static_cast<Property*>(self)->name = Ref<Object>::borrow(a[1]);
  return none();
}

Ref<Object> or_none(const Ref<Object>& r) { return r ? r : none(); }
Ref<Object> property_fget(Object* self) { return or_none(static_cast<Property*>(self)->fget); }
Ref<Object> property_fset(Object* self) { return or_none(static_cast<Property*>(self)->fset); }
Ref<Object> property_fdel(Object* self) { return or_none(static_cast<Property*>(self)->fdel); }
Ref<Object> property_doc(Object* self) { return or_none(static_cast<Property*>(self)->doc); }
int property_set_doc(Object* self, Object* v) {
  static_cast<Property*>(self)->doc = none_to_null(v);
  return 0;
}
Ref<Object> property_isabstract(Object* self) {
  auto* p = static_cast<Property*>(self);
  for (Object* f : {p->fget.get(), p->fset.get(), p->fdel.get()}) {
    if (!f) continue;
    Ref<Object> v = getattr_opt(f, intern("__isabstractmethod__"));
    if (!v && error_occurred()) return nullptr;
    if (v) {
      int t = is_true(v.get());
      if (t < 0) return nullptr;
      if (t) return new_bool(true);
    }
  }
  return new_bool(false);
}

const MethodDef property_methods[] = {
    {"getter", property_getter, MethodKind::Instance, "Descriptor to obtain a copy of the property with a different getter."},
    {"setter", property_setter, MethodKind::Instance, "Descriptor to obtain a copy of the property with a different setter."},
    {"deleter", property_deleter, MethodKind::Instance, "Descriptor to obtain a copy of the property with a different deleter."},
    {"__set_name__", property_set_name, MethodKind::Instance, "Method to set name of a property."},
    {nullptr, nullptr},
};

const GetSetDef property_getset[] = {
    {"fget", property_fget},
    {"fset", property_fset},
    {"fdel", property_fdel},
    {"__doc__", property_doc, property_set_doc},
    {"__isabstractmethod__", property_isabstract},
    {nullptr, nullptr},
};

// ---- classmethod / staticmethod ------------------------------------------------------------------

void cm_dealloc(Object* self) {
  auto* c = static_cast<ClassMethod*>(self);
  Dict* d = c->dict;
  c->dict = nullptr;
  if (d) decref(d);
  destroy_object(c);
}

void cm_traverse(Object* self, VisitFn visit, void* arg) {
  auto* c = static_cast<ClassMethod*>(self);
  if (c->func) visit(c->func.get(), arg);
  if (c->dict) visit(c->dict, arg);
}

Ref<Object> cm_new(TypeObject* type, Object* const*, size_t, Tuple*) {
  ClassMethod* c = alloc<ClassMethod>(type);
  if (!c) return nullptr;
  return Ref<Object>::steal(c);
}

// Both copy the wrapped function's __module__/__name__/__qualname__/__doc__
// and set __wrapped__, as functools.update_wrapper (3.10+).
int cm_init_common(Object* self, Object* const* args, size_t nargs, Tuple* kw, const char* name) {
  if (!check_no_kwargs(name, kw) || !check_nargs(name, nargs, 1, 1)) return -1;
  auto* c = static_cast<ClassMethod*>(self);
  c->func = Ref<Object>::borrow(args[0]);
  Dict* d = instance_dict(self);
  if (!d) return -1;
  for (Str* attr : {names::__module__, names::__name__, names::__qualname__, names::__doc__}) {
    Ref<Object> v = getattr_opt(args[0], attr);
    if (!v) {
      if (error_occurred()) return -1;
      continue;
    }
    if (dict_set(d, attr, v.get()) < 0) return -1;
  }
  return dict_set(d, intern("__wrapped__"), args[0]);
}

int classmethod_init(Object* self, Object* const* a, size_t n, Tuple* kw) {
  return cm_init_common(self, a, n, kw, "classmethod");
}
int staticmethod_init(Object* self, Object* const* a, size_t n, Tuple* kw) {
  return cm_init_common(self, a, n, kw, "staticmethod");
}

Ref<Object> classmethod_get(Object* self, Object* obj, Object* owner) {
  auto* c = static_cast<ClassMethod*>(self);
  if (!c->func) return type_error("uninitialized classmethod object");
  if (!owner) owner = obj->type;
  // 3.9-3.12 chain through the wrapped object's own __get__ (so a
  // classmethod can wrap a property); plain functions bind the class.
  Object* f = c->func.get();
  if (f->type->descr_get) return f->type->descr_get(f, owner, owner->type);
  return vm::method_new(f, owner);
}

Ref<Object> staticmethod_get(Object* self, Object*, Object*) {
  auto* c = static_cast<ClassMethod*>(self);
  if (!c->func) return type_error("uninitialized staticmethod object");
  return c->func;
}

Ref<Object> staticmethod_call(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  return call(static_cast<ClassMethod*>(self)->func.get(), args, nargs, kw);
}

Ref<Object> cm_repr_common(Object* self, const char* kind) {
  std::string r;
  if (!repr_utf8(static_cast<ClassMethod*>(self)->func.get(), &r)) return nullptr;
  return str_from(std::string("<") + kind + "(" + r + ")>");
}
Ref<Object> classmethod_repr(Object* self) { return cm_repr_common(self, "classmethod"); }
Ref<Object> staticmethod_repr(Object* self) { return cm_repr_common(self, "staticmethod"); }

Ref<Object> cm_func(Object* self) { return or_none(static_cast<ClassMethod*>(self)->func); }
Ref<Object> cm_isabstract(Object* self) {
  Ref<Object> v = getattr_opt(static_cast<ClassMethod*>(self)->func.get(), intern("__isabstractmethod__"));
  if (!v) return error_occurred() ? nullptr : new_bool(false);
  int t = is_true(v.get());
  if (t < 0) return nullptr;
  return new_bool(t);
}
Ref<Object> cm_get_dict(Object* self) {
  Dict* d = instance_dict(self);
  if (!d) return nullptr;
  return Ref<Object>::borrow(d);
}

const GetSetDef cm_getset[] = {
    {"__func__", cm_func},
    {"__isabstractmethod__", cm_isabstract},
    {"__dict__", cm_get_dict},
    {nullptr, nullptr},
};

// ---- super --------------------------------------------------------------------------------------

void super_dealloc(Object* self) {
  auto* s = static_cast<Super*>(self);
  TypeObject* t = s->type;
  TypeObject* ot = s->obj_type;
  s->type = s->obj_type = nullptr;
  if (t) decref(t);
  if (ot) decref(ot);
  destroy_object(s);
}

void super_traverse(Object* self, VisitFn visit, void* arg) {
  auto* s = static_cast<Super*>(self);
  if (s->type) visit(s->type, arg);
  if (s->obj) visit(s->obj.get(), arg);
  if (s->obj_type) visit(s->obj_type, arg);
}

// The class whose MRO super() walks: type(obj), or obj itself when obj is
// a subclass of `type` (super() in a classmethod).
TypeObject* supercheck(TypeObject* type, Object* obj) {
  if (type_check(obj) && is_subtype(as_type(obj), type)) return as_type(obj);
  if (is_subtype(obj->type, type)) return obj->type;
  Ref<Object> cls = getattr_opt(obj, names::__class__);
  if (cls && type_check(cls.get()) && cls.get() != obj->type && is_subtype(as_type(cls.get()), type))
    return as_type(cls.get());
  if (!cls && error_occurred()) return nullptr;
  type_error("super(type, obj): obj must be an instance or subtype of type");
  return nullptr;
}

bool super_fill(Super* s, TypeObject* type, Object* obj) {
  TypeObject* ot = nullptr;
  if (obj) {
    ot = supercheck(type, obj);
    if (!ot) return false;
  }
  incref(type);
  if (ot) incref(ot);
  TypeObject* old_t = s->type;
  TypeObject* old_ot = s->obj_type;
  s->type = type;
  s->obj = obj ? Ref<Object>::borrow(obj) : nullptr;
  s->obj_type = ot;
  if (old_t) decref(old_t);
  if (old_ot) decref(old_ot);
  return true;
}

Ref<Object> super_tp_new(TypeObject* type, Object* const*, size_t, Tuple*) {
  Super* s = alloc<Super>(type);
  if (!s) return nullptr;
  return Ref<Object>::steal(s);
}

}  // namespace

bool (*super_zero_arg_hook)(TypeObject** type, Object** obj) = nullptr;

namespace {

int super_init(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("super", kw) || !check_nargs("super", nargs, 0, 2)) return -1;
  TypeObject* type = nullptr;
  Object* obj = nullptr;
  if (nargs == 0) {
    if (!super_zero_arg_hook) {
      set_error(exc::RuntimeError, "super(): no arguments");
      return -1;
    }
    if (!super_zero_arg_hook(&type, &obj)) return -1;
  } else {
    if (!type_check(args[0])) {
      set_errorf(exc::TypeError, "super() argument 1 must be a type, not %T", args[0]);
      return -1;
    }
    type = as_type(args[0]);
    obj = nargs == 2 && args[1] != None ? args[1] : nullptr;
  }
  return super_fill(static_cast<Super*>(self), type, obj) ? 0 : -1;
}

Ref<Object> super_getattro(Object* self, Str* name) {
  auto* s = static_cast<Super*>(self);
  TypeObject* start = s->obj_type;
  // super().__class__ is the super object's own class.
  if (start && name != names::__class__ && name->view() != "__class__") {
    Tuple* mro = static_cast<Tuple*>(start->mro.get());
    size_t i = 0;
    while (i < mro->size && mro->items[i] != s->type) i++;
    for (i++; i < mro->size; i++) {
      Dict* d = static_cast<Dict*>(as_type(mro->items[i])->dict.get());
      Object* res = dict_get_str(d, name);
      if (!res) continue;
      Ref<Object> keep = Ref<Object>::borrow(res);
      DescrGetFn f = res->type->descr_get;
      if (!f) return keep;
      Object* obj = s->obj.get() == start ? nullptr : s->obj.get();
      return f(res, obj, start);
    }
  }
  return generic_getattr(self, name);
}

Ref<Object> super_descr_get(Object* self, Object* obj, Object*) {
  auto* s = static_cast<Super*>(self);
  if (!obj || s->obj) return Ref<Object>::borrow(self);
  Ref<Object> ns = super_new(s->type, obj);
  return ns;
}

Ref<Object> super_repr(Object* self) {
  auto* s = static_cast<Super*>(self);
  std::string out = "<super: <class '" + std::string(type_name(s->type)) + "'>, ";
  if (s->obj_type) out += "<" + std::string(s->obj_type->name) + " object>";
  else out += "NULL";
  return str_from(out + ">");
}

Ref<Object> super_thisclass(Object* self) {
  auto* s = static_cast<Super*>(self);
  return s->type ? Ref<Object>::borrow(s->type) : none();
}
Ref<Object> super_self(Object* self) { return or_none(static_cast<Super*>(self)->obj); }
Ref<Object> super_self_class(Object* self) {
  auto* s = static_cast<Super*>(self);
  return s->obj_type ? Ref<Object>::borrow(s->obj_type) : none();
}

const GetSetDef super_getset[] = {
    {"__thisclass__", super_thisclass, nullptr, "the class invoking super()"},
    {"__self__", super_self, nullptr, "the instance invoking super(); may be None"},
    {"__self_class__", super_self_class, nullptr, "the type of the instance invoking super(); may be None"},
    {nullptr, nullptr},
};

// ---- mappingproxy -----------------------------------------------------------------------------

void mp_dealloc(Object* self) { destroy_object(static_cast<MappingProxy*>(self)); }
void mp_traverse(Object* self, VisitFn visit, void* arg) {
  visit(static_cast<MappingProxy*>(self)->mapping.get(), arg);
}
Object* mp_map(Object* self) { return static_cast<MappingProxy*>(self)->mapping.get(); }

Ref<Object> mp_getitem(Object* self, Object* key) { return getitem(mp_map(self), key); }
int64_t mp_len(Object* self) { return length(mp_map(self)); }
int mp_contains(Object* self, Object* key) { return contains(mp_map(self), key); }
Ref<Object> mp_iter(Object* self) { return get_iter(mp_map(self)); }
Ref<Object> mp_str(Object* self) { return str(mp_map(self)); }
Ref<Object> mp_repr(Object* self) {
  std::string r;
  if (!repr_utf8(mp_map(self), &r)) return nullptr;
  return str_from("mappingproxy(" + r + ")");
}
Ref<Object> mp_richcompare(Object* self, Object* other, CompareOp op) {
  return rich_compare(mp_map(self), other, op);
}
Ref<Object> mp_or(Object* a, Object* b) {
  if (a->type == &MappingProxyType) a = mp_map(a);
  if (b->type == &MappingProxyType) b = mp_map(b);
  return binary_op(a, b, BinaryOp::Or);
}
Ref<Object> mp_forward(Object* self, const char* name, Object* const* args, size_t nargs) {
  return call_method(mp_map(self), intern(name), args, nargs);
}
Ref<Object> mp_get(Object* self, Object* const* a, size_t n, Tuple* kw) {
  if (!check_no_kwargs("get", kw) || !check_nargs("get", n, 1, 2)) return nullptr;
  return mp_forward(self, "get", a, n);
}
Ref<Object> mp_keys(Object* self, Object* const*, size_t, Tuple*) { return mp_forward(self, "keys", nullptr, 0); }
Ref<Object> mp_values(Object* self, Object* const*, size_t, Tuple*) { return mp_forward(self, "values", nullptr, 0); }
Ref<Object> mp_items(Object* self, Object* const*, size_t, Tuple*) { return mp_forward(self, "items", nullptr, 0); }
Ref<Object> mp_copy(Object* self, Object* const*, size_t, Tuple*) { return mp_forward(self, "copy", nullptr, 0); }

Ref<Object> mp_new(TypeObject*, Object* const* args, size_t nargs, Tuple* kw) {
  static const ArgSpec spec{"mappingproxy", {"mapping"}, 1};
  Object* a[1];
  if (!bind_args(spec, args, nargs, kw, a)) return nullptr;
  if (!type_lookup(a[0]->type, names::__getitem__) || tuple_check(a[0]) || list_check(a[0])) {
    return set_errorf(exc::TypeError, "mappingproxy() argument must be a mapping, not %T", a[0]);
  }
  return new_mappingproxy(a[0]);
}

const MethodDef mp_methods[] = {
    {"get", mp_get, MethodKind::Instance, "Return the value for key if key is in the mapping, else default."},
    {"keys", mp_keys, MethodKind::Instance, "D.keys() -> a set-like object providing a view on D's keys"},
    {"values", mp_values, MethodKind::Instance, "D.values() -> an object providing a view on D's values"},
    {"items", mp_items, MethodKind::Instance, "D.items() -> a set-like object providing a view on D's items"},
    {"copy", mp_copy, MethodKind::Instance, "D.copy() -> a shallow copy of D"},
    {nullptr, nullptr},
};

}  // namespace

// ---- constructors -------------------------------------------------------------------------------

Ref<Object> new_method_descr(TypeObject* owner, const MethodDef* def) {
  if (def->kind == MethodKind::Static) {
    Ref<Object> f = new_builtin_function(def, owner);
    if (!f) return nullptr;
    return new_staticmethod(f.get());
  }
  TypeObject* t = def->kind == MethodKind::Class ? &ClassMethodDescrType : &MethodDescrType;
  MethodDescr* d = new_descr<MethodDescr>(t, owner, def->name);
  if (!d) return nullptr;
  d->def = def;
  return Ref<Object>::steal(d);
}

Ref<Object> new_builtin_function(const MethodDef* def, Object* self_or_module) {
  BuiltinFunction* f = alloc<BuiltinFunction>(&BuiltinFunctionType);
  if (!f) return nullptr;
  f->def = def;
  f->self = Ref<Object>::borrow(self_or_module);
  return Ref<Object>::steal(f);
}

bool builtin_function_check(const Object* o) { return o->type == &BuiltinFunctionType; }

Ref<Object> new_getset_descr(TypeObject* owner, const GetSetDef* def) {
  GetSetDescr* d = new_descr<GetSetDescr>(&GetSetDescrType, owner, def->name);
  if (!d) return nullptr;
  d->def = def;
  return Ref<Object>::steal(d);
}

Ref<Object> new_member_descr(TypeObject* owner, Str* name, int64_t index) {
  MemberDescr* d = alloc<MemberDescr>(&MemberDescrType);
  if (!d) return nullptr;
  d->owner = Ref<Object>::borrow(owner);
  d->name = Ref<Object>::borrow(name);
  d->index = index;   // the heap word number, kept for reference
  d->offset = heap_word_offset(owner, static_cast<uint32_t>(index));
  return Ref<Object>::steal(d);
}

Ref<Object> new_wrapper_descr(TypeObject* owner, const SlotDef* slot, void* wrapped) {
  WrapperDescr* d = alloc<WrapperDescr>(&WrapperDescrType);
  if (!d) return nullptr;
  d->owner = Ref<Object>::borrow(owner);
  d->name = Ref<Object>::borrow(*slot->name);
  d->slot = slot;
  d->wrapped = wrapped;
  return Ref<Object>::steal(d);
}

Ref<Object> new_classmethod(Object* func) { return call1(&ClassMethodType, func); }
Ref<Object> new_staticmethod(Object* func) { return call1(&StaticMethodType, func); }

Ref<Object> new_mappingproxy(Object* mapping) {
  MappingProxy* m = alloc<MappingProxy>(&MappingProxyType);
  if (!m) return nullptr;
  m->mapping = Ref<Object>::borrow(mapping);
  return Ref<Object>::steal(m);
}

Ref<Object> super_new(TypeObject* type, Object* obj) {
  Super* s = alloc<Super>(&SuperType);
  if (!s) return nullptr;
  Ref<Object> r = Ref<Object>::steal(s);
  if (!super_fill(s, type, obj)) return nullptr;
  return r;
}

bool add_functions(Dict* dict, const MethodDef* table, Object* module) {
  for (const MethodDef* m = table; m->name; m++) {
    Ref<Object> f = new_builtin_function(m, module);
    if (!f || dict_set(dict, intern(m->name), f.get()) < 0) return false;
  }
  return true;
}

// ---- type objects ---------------------------------------------------------------------------------

namespace {

// The descriptors' strong references: the defining type and the name
// (CPython's descr_traverse visits d_type too: a class is in a cycle with
// the descriptors in its own __dict__).
void descr_traverse(Object* self, VisitFn visit, void* arg) {
  auto* d = static_cast<DescrBase*>(self);
  if (d->owner) visit(d->owner.get(), arg);
  if (d->name) visit(d->name.get(), arg);
}

void basic(TypeObject* t, const char* name, size_t size, DeallocFn dealloc) {
  t->name = name;
  t->basic_size = size;
  t->dealloc = dealloc;
  t->flags |= kHaveGC;
  t->getattr = generic_getattr;
}

}  // namespace

// The docstrings of the descriptor types, as help() shows them in CPython.
const char* const kSuperTypeDoc =
    "super() -> same as super(__class__, <first argument>)\n"
    "super(type) -> unbound super object\n"
    "super(type, obj) -> bound super object; requires isinstance(obj, type)\n"
    "super(type, type2) -> bound super object; requires issubclass(type2, type)\n"
    "Typical use to call a cooperative superclass method:\n"
    "class C(B):\n"
    "    def meth(self, arg):\n"
    "        super().meth(arg)\n"
    "This works for class methods too:\n"
    "class C(B):\n"
    "    @classmethod\n"
    "    def cmeth(cls, arg):\n"
    "        super().cmeth(arg)\n";
const char* const kClassMethodTypeDoc =
    "classmethod(function) -> method\n"
    "\n"
    "Convert a function to be a class method.\n"
    "\n"
    "A class method receives the class as implicit first argument,\n"
    "just like an instance method receives the instance.\n"
    "To declare a class method, use this idiom:\n"
    "\n"
    "  class C:\n"
    "      @classmethod\n"
    "      def f(cls, arg1, arg2, argN):\n"
    "          ...\n"
    "\n"
    "It can be called either on the class (e.g. C.f()) or on an instance\n"
    "(e.g. C().f()).  The instance is ignored except for its class.\n"
    "If a class method is called for a derived class, the derived class\n"
    "object is passed as the implied first argument.\n"
    "\n"
    "Class methods are different than C++ or Java static methods.\n"
    "If you want those, see the staticmethod builtin.";
const char* const kStaticMethodTypeDoc =
    "staticmethod(function) -> method\n"
    "\n"
    "Convert a function to be a static method.\n"
    "\n"
    "A static method does not receive an implicit first argument.\n"
    "To declare a static method, use this idiom:\n"
    "\n"
    "     class C:\n"
    "         @staticmethod\n"
    "         def f(arg1, arg2, argN):\n"
    "             ...\n"
    "\n"
    "It can be called either on the class (e.g. C.f()) or on an instance\n"
    "(e.g. C().f()). Both the class and the instance are ignored, and\n"
    "neither is passed implicitly as the first argument to the method.\n"
    "\n"
    "Static methods in Python are similar to those found in Java or C++.\n"
    "For a more advanced concept, see the classmethod builtin.";
const char* const kPropertyTypeDoc =
    "Property attribute.\n"
    "\n"
    "  fget\n"
    "    function to be used for getting an attribute value\n"
    "  fset\n"
    "    function to be used for setting an attribute value\n"
    "  fdel\n"
    "    function to be used for del'ing an attribute\n"
    "  doc\n"
    "    docstring\n"
    "\n"
    "Typical use is to define a managed attribute x:\n"
    "\n"
    "class C(object):\n"
    "    def getx(self): return self._x\n"
    "    def setx(self, value): self._x = value\n"
    "    def delx(self): del self._x\n"
    "    x = property(getx, setx, delx, \"I'm the 'x' property.\")\n"
    "\n"
    "Decorators make defining new properties or modifying existing ones easy:\n"
    "\n"
    "class C(object):\n"
    "    @property\n"
    "    def x(self):\n"
    "        \"I am the 'x' property.\"\n"
    "        return self._x\n"
    "    @x.setter\n"
    "    def x(self, value):\n"
    "        self._x = value\n"
    "    @x.deleter\n"
    "    def x(self):\n"
    "        del self._x";

void init_descr_types() {
  basic(&MethodDescrType, "method_descriptor", sizeof(MethodDescr), method_descr_dealloc);
  MethodDescrType.traverse = descr_traverse;
  MethodDescrType.flags |= kMethodDescriptor;
  MethodDescrType.repr = method_descr_repr;
  MethodDescrType.descr_get = method_descr_get;
  MethodDescrType.call = method_descr_call;
  MethodDescrType.getset = method_descr_getset;

  basic(&ClassMethodDescrType, "classmethod_descriptor", sizeof(MethodDescr), method_descr_dealloc);
  ClassMethodDescrType.traverse = descr_traverse;
  ClassMethodDescrType.repr = method_descr_repr;
  ClassMethodDescrType.descr_get = classmethod_descr_get;
  ClassMethodDescrType.call = classmethod_descr_call;
  ClassMethodDescrType.getset = method_descr_getset;

  basic(&BuiltinFunctionType, "builtin_function_or_method", sizeof(BuiltinFunction), builtin_dealloc);
  BuiltinFunctionType.traverse = builtin_traverse;
  {
    BuiltinFunction probe;
    BuiltinFunctionType.weaklist_offset =
        reinterpret_cast<char*>(&probe.weakreflist) - reinterpret_cast<char*>(&probe);
  }
  BuiltinFunctionType.repr = builtin_repr;
  BuiltinFunctionType.call = builtin_call;
  BuiltinFunctionType.richcompare = builtin_richcompare;
  BuiltinFunctionType.hash = builtin_hash;
  BuiltinFunctionType.getset = builtin_getset;
  BuiltinFunctionType.methods = builtin_methods;

  basic(&GetSetDescrType, "getset_descriptor", sizeof(GetSetDescr), getset_dealloc);
  GetSetDescrType.traverse = descr_traverse;
  GetSetDescrType.repr = getset_repr;
  GetSetDescrType.descr_get = getset_get;
  GetSetDescrType.descr_set = getset_set;
  GetSetDescrType.getset = getset_getset;

  basic(&MemberDescrType, "member_descriptor", sizeof(MemberDescr), member_dealloc);
  MemberDescrType.traverse = descr_traverse;
  MemberDescrType.repr = member_repr;
  MemberDescrType.descr_get = member_get;
  MemberDescrType.descr_set = member_set;
  MemberDescrType.getset = member_getset;

  basic(&WrapperDescrType, "wrapper_descriptor", sizeof(WrapperDescr), wrapper_dealloc);
  WrapperDescrType.traverse = descr_traverse;
  WrapperDescrType.flags |= kMethodDescriptor;
  WrapperDescrType.repr = wrapper_repr;
  WrapperDescrType.descr_get = wrapper_get;
  WrapperDescrType.call = wrapper_call;
  WrapperDescrType.getset = wrapper_getset;

  basic(&MethodWrapperType, "method-wrapper", sizeof(MethodWrapper), mwrapper_dealloc);
  MethodWrapperType.traverse = mwrapper_traverse;
  MethodWrapperType.repr = mwrapper_repr;
  MethodWrapperType.call = mwrapper_call;
  MethodWrapperType.richcompare = mwrapper_richcompare;
  MethodWrapperType.hash = mwrapper_hash;
  MethodWrapperType.getset = mwrapper_getset;

  basic(&PropertyType, "property", sizeof(Property), property_dealloc);
  PropertyType.flags |= kBaseType;
  PropertyType.doc = kPropertyTypeDoc;
  PropertyType.traverse = property_traverse;
  PropertyType.new_ = property_new;
  PropertyType.init = property_init;
  PropertyType.descr_get = property_get;
  PropertyType.descr_set = property_set;
  PropertyType.methods = property_methods;
  PropertyType.getset = property_getset;

  for (TypeObject* t : {&ClassMethodType, &StaticMethodType}) {
    basic(t, t == &ClassMethodType ? "classmethod" : "staticmethod", sizeof(ClassMethod), cm_dealloc);
    t->flags |= kBaseType;
    t->traverse = cm_traverse;
    t->new_ = cm_new;
    t->getset = cm_getset;
    t->setattr = generic_setattr;
    ClassMethod probe;
    t->dict_offset = reinterpret_cast<char*>(&probe.dict) - reinterpret_cast<char*>(&probe);
  }
  ClassMethodType.doc = kClassMethodTypeDoc;
  StaticMethodType.doc = kStaticMethodTypeDoc;
  ClassMethodType.init = classmethod_init;
  ClassMethodType.descr_get = classmethod_get;
  ClassMethodType.repr = classmethod_repr;
  StaticMethodType.init = staticmethod_init;
  StaticMethodType.descr_get = staticmethod_get;
  StaticMethodType.call = staticmethod_call;
  StaticMethodType.repr = staticmethod_repr;

  basic(&SuperType, "super", sizeof(Super), super_dealloc);
  SuperType.flags |= kBaseType;
  SuperType.doc = kSuperTypeDoc;
  SuperType.traverse = super_traverse;
  SuperType.new_ = super_tp_new;
  SuperType.init = super_init;
  SuperType.getattr = super_getattro;
  SuperType.descr_get = super_descr_get;
  SuperType.repr = super_repr;
  SuperType.getset = super_getset;

  basic(&MappingProxyType, "mappingproxy", sizeof(MappingProxy), mp_dealloc);
  MappingProxyType.traverse = mp_traverse;
  MappingProxyType.new_ = mp_new;
  MappingProxyType.mp_subscript = mp_getitem;
  MappingProxyType.sq_length = mp_len;
  MappingProxyType.sq_contains = mp_contains;
  MappingProxyType.iter = mp_iter;
  MappingProxyType.str = mp_str;
  MappingProxyType.repr = mp_repr;
  MappingProxyType.richcompare = mp_richcompare;
  MappingProxyType.nb_binary[static_cast<int>(BinaryOp::Or)] = mp_or;
  MappingProxyType.methods = mp_methods;
}

}  // namespace coil::runtime
