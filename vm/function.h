// function.h — Python functions, bound methods and cells.
//
// A Function pairs a Code object with the environment it runs in: its
// globals, its default values (evaluated once, when `def` ran — the root
// of the mutable-default trap) and its closure, a tuple of Cells shared
// with the enclosing frame (the root of late binding: a closure reads the
// cell's *current* contents when it runs).
#pragma once

#include "runtime/dict.h"
#include "runtime/object.h"
#include "runtime/tuple.h"
#include "runtime/type.h"
#include "vm/code.h"

namespace coil::vm {

struct Function : Object {
  Ref<Code> code;
  Ref<runtime::Dict> globals;
  Ref<runtime::Dict> builtins;     // globals['__builtins__'] resolved at creation
  Ref<runtime::Tuple> defaults;    // __defaults__ (may be null)
  Ref<runtime::Dict> kwdefaults;   // __kwdefaults__ (may be null)
  Ref<runtime::Tuple> closure;     // __closure__: cells for code's freevars
  Ref<Object> name, qualname;      // strs
  Ref<Object> doc;                 // __doc__
  Ref<Object> module;              // __module__
  Ref<Object> annotations;         // dict or null
  runtime::Dict* dict = nullptr;   // __dict__ (strong), created on demand
  Object* weakreflist = nullptr;   // weak references to it (runtime/weakref.h)
};

struct Method : Object {   // a function bound to an instance
  Ref<Object> func;
  Ref<Object> self;
  Object* weakreflist = nullptr;   // weak references to it (runtime/weakref.h)
};

struct Cell : Object {
  Ref<Object> contents;    // null: empty ("free variable 'x' referenced before assignment")
};

extern runtime::TypeObject FunctionType;
extern runtime::TypeObject MethodType;
extern runtime::TypeObject CellType;

Ref<Object> function_new(Ref<Code> code, runtime::Dict* globals);
Ref<Object> method_new(Object* func, Object* self);
Ref<Object> cell_new(Object* contents);   // contents may be null

void init_function_types();

}  // namespace coil::vm
