// threadstate.cpp — the thread_local pointer to the running thread's state.
#include "vm/threadstate.h"

namespace coil::vm {

namespace {
thread_local ThreadState* t_current = nullptr;
}

ThreadState* current_thread_state() { return t_current; }
void set_current_thread_state(ThreadState* ts) { t_current = ts; }

}  // namespace coil::vm
