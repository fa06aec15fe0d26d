// descr.h — descriptors: the objects that make attribute access programmable.
//
// A descriptor is an object found in a class __dict__ whose type has a
// descr_get slot (and, for a *data* descriptor, a descr_set slot).
// generic_getattr (abstract.cpp) calls descr_get instead of returning the
// object itself, which is how `obj.method` becomes a bound method,
// `obj.prop` runs a getter and `Cls.cm` binds the class.
//
// The kinds here, with the reprs CPython prints:
//   MethodDescr        <method 'append' of 'list' objects>        (method_descriptor)
//   ClassMethodDescr   <method 'fromkeys' of 'dict' objects>      (classmethod_descriptor)
//   BuiltinFunction    <built-in function len>,
//                      <built-in method append of list object at 0x...>
//   GetSetDescr        <attribute '__dict__' of 'C' objects>      (getset_descriptor)
//   MemberDescr        <member 'x' of 'C' objects>                (member_descriptor; __slots__)
//   WrapperDescr       <slot wrapper '__add__' of 'int' objects>  (wrapper_descriptor)
//   MethodWrapper      <method-wrapper '__add__' of int object at 0x...>
//   property, classmethod, staticmethod, super — the Python-visible types.
//   mappingproxy       the read-only view returned by C.__dict__.
#pragma once

#include <string_view>

#include "runtime/object.h"
#include "runtime/type.h"

namespace coil::runtime {

struct Str;
struct Dict;
struct SlotDef;

extern TypeObject MethodDescrType;
extern TypeObject ClassMethodDescrType;
extern TypeObject BuiltinFunctionType;
extern TypeObject GetSetDescrType;
extern TypeObject MemberDescrType;
extern TypeObject WrapperDescrType;
extern TypeObject MethodWrapperType;
extern TypeObject PropertyType;
extern TypeObject ClassMethodType;
extern TypeObject StaticMethodType;
extern TypeObject SuperType;
extern TypeObject MappingProxyType;

// Fields every type-bound descriptor shares: which type defined it (strong
// reference; static types are immortal) and its name.
struct DescrBase : Object {
  Ref<Object> owner;   // the TypeObject that defined the attribute
  Ref<Object> name;    // a str
};

struct MethodDescr : DescrBase {      // also used by ClassMethodDescr
  const MethodDef* def = nullptr;
};

struct BuiltinFunction : Object {
  const MethodDef* def = nullptr;
  Ref<Object> self;     // the bound instance / class / module, or null
  Ref<Object> module;   // __module__ (a str) for module-level functions, or null
  Object* weakreflist = nullptr;  // weak references to it (runtime/weakref.h)
};

struct GetSetDescr : DescrBase {
  const GetSetDef* def = nullptr;
};

// A __slots__ entry: the value lives in the instance's extras[index]
// (heap types), or at a fixed byte offset inside the struct (index < 0).
struct MemberDescr : DescrBase {
  int64_t index = -1;
  int64_t offset = 0;
  bool readonly = false;
};

// A C slot exposed as a dunder method (int.__add__).  `wrapped` is the slot
// function of `owner` at the time the wrapper was made.
struct WrapperDescr : DescrBase {
  const SlotDef* slot = nullptr;
  void* wrapped = nullptr;
};

struct MethodWrapper : Object {
  Ref<Object> descr;   // a WrapperDescr
  Ref<Object> self;
};

struct Property : Object {
  Ref<Object> fget, fset, fdel, doc;
  Ref<Object> name;    // set by __set_name__ (for the error messages)
  bool getter_doc = false;
};

struct ClassMethod : Object {   // also the layout of staticmethod
  Ref<Object> func;
  Dict* dict = nullptr;          // strong; __wrapped__, __doc__ copies ...
};

struct Super : Object {
  TypeObject* type = nullptr;        // strong (the class super() starts after)
  Ref<Object> obj;                   // the instance or class, or null (unbound)
  TypeObject* obj_type = nullptr;    // strong; type(obj) or obj when it is a class
};

struct MappingProxy : Object {
  Ref<Object> mapping;
};

// ---- constructors ----------------------------------------------------------

// The object placed in a type's dict for one MethodDef (method descriptor,
// classmethod descriptor, or staticmethod wrapping a builtin function).
Ref<Object> new_method_descr(TypeObject* owner, const MethodDef* def);
// A builtin function bound to `self_or_module`: a module (or null) gives a
// `<built-in function f>`, anything else `<built-in method f of X object>`.
Ref<Object> new_builtin_function(const MethodDef* def, Object* self_or_module);
Ref<Object> new_getset_descr(TypeObject* owner, const GetSetDef* def);
// A __slots__ member stored in extras[index] of instances.
Ref<Object> new_member_descr(TypeObject* owner, Str* name, int64_t index);
Ref<Object> new_wrapper_descr(TypeObject* owner, const SlotDef* slot, void* wrapped);
Ref<Object> new_classmethod(Object* func);
Ref<Object> new_staticmethod(Object* func);
Ref<Object> new_mappingproxy(Object* mapping);

// super(type, obj); obj may be an instance of `type` or a subclass of it.
// The VM's zero-argument super() passes the __class__ cell's contents and
// the frame's first argument.
Ref<Object> super_new(TypeObject* type, Object* obj);
// Installed by the VM: finds the class (the __class__ cell) and the first
// argument of the calling frame for `super()` with no arguments.  Returns
// false with RuntimeError set ("super(): no arguments", "super(): __class__
// cell not found") when they are missing.
extern bool (*super_zero_arg_hook)(TypeObject** type, Object** obj);

bool builtin_function_check(const Object* o);
// The module-level native functions of `table` added to `dict` as builtin
// functions whose self is `module`.  false with an exception set on error.
bool add_functions(Dict* dict, const MethodDef* table, Object* module);

void init_descr_types();

}  // namespace coil::runtime
