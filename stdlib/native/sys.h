// sys.h — what native code needs from the sys module (vm/sysmodule.cpp).
#pragma once

#include "runtime/object.h"

namespace coil::vm {

// The current sys.stdout / sys.stderr / sys.stdin objects (borrowed; may be
// None after the program rebinds them).
runtime::Object* sys_stdout();
runtime::Object* sys_stderr();
runtime::Object* sys_stdin();

}  // namespace coil::vm
