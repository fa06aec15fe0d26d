// import.h — the import system and the sys module.
//
// `import a.b` resolves each dotted component in turn: sys.modules first,
// then the table of native modules (math, time, sys ...), then a search
// along sys.path for `a.py` or the package `a/__init__.py` (submodules of a
// package are searched in its __path__).  A found file is compiled and run
// as the body of a fresh module, which is registered in sys.modules
// *before* its body runs, so circular imports see the partial module as in
// CPython.
#pragma once

#include "runtime/dict.h"
#include "runtime/object.h"
#include "runtime/str.h"

namespace coil::vm {

// __import__(name, globals, locals, fromlist, level).
runtime::Ref<runtime::Object> import_module_level(runtime::Str* name, runtime::Dict* globals,
                                                  runtime::Object* fromlist, int level);
// Imports `name` (absolute, dotted) and returns that module itself.
runtime::Ref<runtime::Object> import_module(std::string_view name);

// A native module's constructor, registered under its name.
using NativeModuleFn = runtime::Ref<runtime::Object> (*)();
void register_native_module(const char* name, NativeModuleFn make);

bool init_sys_module(int argc, char** argv);
void register_dis_module();   // vm/dismodule.cpp
void init_generator_types();

}  // namespace coil::vm
