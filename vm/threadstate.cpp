// threadstate.cpp — the thread_local pointer to the running thread's state,
// and the list of live states.
#include "vm/threadstate.h"

#include <pthread.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>

#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/str.h"
#include "stdlib/native/signals.h"
#include "vm/frame.h"
#include "vm/gil.h"
#include "vm/interp.h"
#include "vm/trace.h"

namespace coil::vm {

namespace {
thread_local ThreadState* t_current = nullptr;

// Guarded by the GIL.  Never destroyed: daemon threads may still be
// registered when the process exits.
std::vector<ThreadState*>& registry() {
  static auto* states = new std::vector<ThreadState*>();
  return *states;
}
}  // namespace

ThreadState* current_thread_state() { return t_current; }
void set_current_thread_state(ThreadState* ts) { t_current = ts; }

uint64_t current_thread_ident() { return static_cast<uint64_t>(pthread_self()); }
uint64_t current_native_id() { return static_cast<uint64_t>(syscall(SYS_gettid)); }

ThreadState* thread_state_new() {
  auto* ts = new ThreadState();
  ts->recursion_limit = interp().recursion_limit;
  ts->frames = new FrameStack();
  return ts;
}

void thread_state_register(ThreadState* ts) { registry().push_back(ts); }

void thread_state_unregister(ThreadState* ts) { std::erase(registry(), ts); }

// Every Ref field of ThreadState must be dropped here: thread_state_delete
// runs without the GIL, where a decref would race with the running thread.
void thread_state_clear(ThreadState* ts) {
  ts->pending.reset();
  ts->handled.reset();
  ts->handled_fallback = nullptr;
  ts->sentinel.reset();
  ts->trace_hook = nullptr;
  ts->profile_hook = nullptr;
  if (ts->use_tracing) --g_tracing_threads;
  ts->use_tracing = false;
  ts->trace_obj.reset();
  ts->profile_obj.reset();
}

void thread_state_delete(ThreadState* ts) {
  delete ts->frames;
  delete ts;
}

const std::vector<ThreadState*>& thread_states() { return registry(); }

void threads_init_main() {
  ThreadState* ts = current_thread_state();
  if (!ts || ts->is_main) return;
  ts->is_main = true;
  ts->thread_id = current_thread_ident();
  ts->native_id = current_native_id();
  thread_state_register(ts);
  gil_init_main(ts);
  runtime::signals_init();
}

void threads_finalize() {
  using namespace coil::runtime;
  Object* threading = interp().modules ? dict_get_str(interp().modules.get(), intern("threading")) : nullptr;
  if (threading) {
    Ref<Object> keep = borrow(threading);
    if (!call_method(threading, intern("_shutdown"), nullptr, 0)) write_unraisable(threading);
  }
  gil_begin_finalizing();
}

}  // namespace coil::vm
