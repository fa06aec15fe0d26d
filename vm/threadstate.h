// threadstate.h — what each Python thread owns.
//
// Every OS thread that runs Python code has one ThreadState: the top of its
// frame stack, its pending exception (runtime/error.h), the exception being
// handled (for bare `raise` and sys.exc_info()), and its recursion depth.
// current_thread_state() is a thread_local pointer, so native code never
// passes the state around explicitly.
//
// The main thread's state is made at start-up (runtime/bootstrap.cpp) and
// lives for the whole process.  A thread started by _thread.start_new_thread
// gets a fresh one (thread_state_new) that it frees, with its FrameStack,
// when its function returns (thread_state_delete).  The list of live states
// is only read or changed under the GIL (vm/gil.h).
#pragma once

#include <cstdint>
#include <vector>

#include "runtime/object.h"
#include "runtime/singletons.h"

namespace coil::vm {

struct Frame;
class FrameStack;

// A trace or profile hook (vm/trace.cpp): called with the hook's object,
// the frame, the event (TraceEvent) and its argument; nonzero on error.
using TraceHook = int (*)(runtime::Object* obj, Frame* frame, int event, runtime::Object* arg);

struct ThreadState {
  Frame* frame = nullptr;                 // innermost running frame (borrowed chain)
  runtime::Ref<runtime::Object> pending;  // the exception being raised, or null
  // The exception being handled by an `except` block of the running code:
  // what PUSH_EXC_INFO saves and POP_EXCEPT restores.
  runtime::Ref<runtime::Object> handled;
  // While a generator's body runs: what its resumer is handling (borrowed;
  // the generator holds it in caller_handled).  A body handling nothing of
  // its own sees this one — CPython's exc_info chain, one entry per
  // running generator, searched past the empty ones (vm/generator.h).
  runtime::Object* handled_fallback = nullptr;
  int recursion_depth = 0;                // Python frames + nested native calls
  int recursion_limit = 1000;             // sys.setrecursionlimit (shared value copied)
  uint64_t thread_id = 0;                 // _thread.get_ident(): the pthread_t
  uint64_t native_id = 0;                 // _thread.get_native_id(): the kernel's tid
  bool is_main = false;                   // the thread that started the interpreter
  FrameStack* frames = nullptr;           // where this thread's frames live (owned)
  bool context_pending = false;           // eval loop: exception not yet chained
  // threading's _tstate_lock (_thread._set_sentinel): a lock released when
  // this state is deleted, which is what Thread.join() waits for.
  runtime::Ref<runtime::Object> sentinel;
  // sys.settrace / sys.setprofile (vm/trace.cpp).  use_tracing makes the
  // eval loop dispatch through its tracing table; `tracing` counts hook
  // calls in progress (no events fire inside a hook); trace_epoch tells
  // frames that already had their 'call' event from those that did not.
  bool use_tracing = false;
  int tracing = 0;
  uint32_t trace_epoch = 0;
  TraceHook trace_hook = nullptr;
  TraceHook profile_hook = nullptr;
  runtime::Ref<runtime::Object> trace_obj;
  runtime::Ref<runtime::Object> profile_obj;
};

// The exception a bare `raise`, sys.exc_info() and implicit chaining
// (__context__) see: the running code's own, else its resumer's.
inline runtime::Object* handled_exception(const ThreadState* ts) {
  runtime::Object* h = ts->handled.get();
  return h && h != runtime::None ? h : ts->handled_fallback;
}

ThreadState* current_thread_state();
void set_current_thread_state(ThreadState* ts);

// The calling OS thread's identifiers (pthread_self(), gettid()).
uint64_t current_thread_ident();
uint64_t current_native_id();

// A state for a new thread, not yet registered.
ThreadState* thread_state_new();
// Registers / unregisters a live state (GIL held).
void thread_state_register(ThreadState* ts);
void thread_state_unregister(ThreadState* ts);
// Frees a state that is unregistered and no longer current.  Its Python
// references must have been cleared under the GIL first (thread_state_clear).
void thread_state_delete(ThreadState* ts);
// Drops ALL the state's references to objects (GIL held).  A new Ref
// field in ThreadState must be reset here too.
void thread_state_clear(ThreadState* ts);
// At start-up (vm_init): the calling thread becomes the main thread, takes
// the GIL and installs the SIGINT handler.
void threads_init_main();
// At exit (vm_finalize): joins the non-daemon threads through
// threading._shutdown() when threading was imported, then marks the
// interpreter as finalizing so daemon threads never run again.
void threads_finalize();

// The live states, main thread first (GIL held; for the debugger and tests).
const std::vector<ThreadState*>& thread_states();

}  // namespace coil::vm
