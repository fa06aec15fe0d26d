// builtins.h — the native functions, types and constants of the `builtins`
// module.
//
// The VM creates the `builtins` module and calls add_builtins() to fill its
// dict; then it adds the functions that need a frame (__build_class__,
// __import__, globals, locals, exec, eval, compile, breakpoint).
#pragma once

#include "runtime/object.h"

namespace coil::runtime {

struct Dict;

// Fills `builtins_dict` with every builtin function (print, len, ...), the
// built-in types (int, list, ...), all exception classes and the constants
// (None, True, ..., __debug__).  `module` becomes the functions' __self__
// (may be null).  false with an exception set on error.
bool add_builtins(Dict* builtins_dict, Object* module = nullptr);

// vars() and dir() without arguments need the caller's frame.  The VM
// installs a hook that returns the current frame's locals mapping (a new
// reference, or null with an exception set); until then those two forms
// raise SystemError.
using LocalsHook = Ref<Object> (*)();
void set_builtins_locals_hook(LocalsHook hook);

}  // namespace coil::runtime
