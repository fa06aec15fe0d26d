// module.h — module objects: a namespace dict with a name.
//
// A module is little more than its __dict__ (the module's globals).  Native
// modules (stdlib/native/*.cpp) create one with module_new() and fill it
// with add_functions(); Python modules get theirs from the import system
// (vm/import.cpp), which runs the module's code with the dict as globals.
#pragma once

#include <string_view>

#include "runtime/object.h"
#include "runtime/type.h"

namespace coil::runtime {

struct Dict;
extern TypeObject ModuleType;

struct Module : Object {
  Dict* dict = nullptr;      // strong: the module's globals
  void* state = nullptr;     // free for native modules (borrowed, never freed here)
  bool builtin = false;      // repr says "(built-in)" when there is no __file__
  Object* weakreflist = nullptr;  // weak references to it (runtime/weakref.h)
};

bool module_check(const Object* o);    // isinstance(o, module)
// A new module named `name` whose dict holds __name__, __doc__ (None),
// __package__, __loader__ and __spec__ (None).
Ref<Object> module_new(std::string_view name);
Dict* module_dict(Object* module);     // borrowed
// A module compiled into the interpreter: `<module 'sys' (built-in)>`.
Ref<Object> module_new_builtin(std::string_view name);
// Adds the native functions of `table` (terminated by {nullptr}) as
// `<built-in function f>` objects bound to the module.
bool module_add_functions(Object* module, const MethodDef* table);
// module.name = value (value borrowed).  false with an exception set.
bool module_add_object(Object* module, std::string_view name, Object* value);

void init_module_type();

}  // namespace coil::runtime
