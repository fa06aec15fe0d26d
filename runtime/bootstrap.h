// bootstrap.h — bringing the runtime to life.
//
// runtime_init() creates the main thread's ThreadState and initialises
// every built-in type of runtime/ in dependency order (see bootstrap.cpp
// for why the order is what it is).  The VM's own types (code, function,
// frame, generator ...) are initialised afterwards by vm_init().
#pragma once

namespace coil::runtime {

// Idempotent.  Returns false (with a message on stderr) if a type could
// not be readied, which only happens when memory runs out.
bool runtime_init();

// `object` and `type` slots (type.cpp); called first by runtime_init().
void init_object_and_type_types();

}  // namespace coil::runtime
