// modules.h — constructors of the native (C++) modules.
//
// Each native module declares here the function that builds it; the import
// system (vm/import.cpp, vm/sysmodule.cpp) registers each constructor under
// the module's name with register_native_module(), and calls it on first
// import.  A constructor returns the new module object, or null with an
// exception set.
#pragma once

#include "runtime/object.h"

namespace coil::runtime {

Ref<Object> make_math_module();   // stdlib/native/math.cpp
Ref<Object> make_time_module();   // stdlib/native/time.cpp
Ref<Object> make_posix_module();  // stdlib/native/posix.cpp
Ref<Object> make_io_module();     // stdlib/native/_io.cpp
Ref<Object> make_array_module();  // stdlib/native/array.cpp
Ref<Object> make_struct_module(); // stdlib/native/_struct.cpp
Ref<Object> make_random_module(); // stdlib/native/_random.cpp
Ref<Object> make_re_module();     // stdlib/native/_re.cpp
Ref<Object> make__functools_module();    // stdlib/native/_functools.cpp
Ref<Object> make__collections_module();  // stdlib/native/_collections.cpp
Ref<Object> make_itertools_module();     // stdlib/native/itertools.cpp
Ref<Object> make__lsprof_module();       // stdlib/native/_lsprof.cpp
Ref<Object> make__tracemalloc_module();  // stdlib/native/_tracemalloc.cpp
Ref<Object> make__weakref_module();      // stdlib/native/_weakref.cpp
Ref<Object> make_atexit_module();        // stdlib/native/atexit.cpp
// Runs the atexit callbacks, last registered first (vm_finalize).
void atexit_run_callbacks();
Ref<Object> make__thread_module();       // stdlib/native/_thread.cpp
Ref<Object> make_signal_module();        // stdlib/native/signal.cpp (_signal)
Ref<Object> make_zlib_module();          // stdlib/native/zlib.cpp
Ref<Object> make__hashlib_module();      // stdlib/native/_hashlib.cpp
Ref<Object> make_gc_module();            // stdlib/native/gcmodule.cpp
Ref<Object> make__socket_module();       // stdlib/native/_socket.cpp

}  // namespace coil::runtime
