// threadstate.h — what each Python thread owns.
//
// Every OS thread that runs Python code has one ThreadState: the top of its
// frame stack, its pending exception (runtime/error.h), the exception being
// handled (for bare `raise` and sys.exc_info()), and its recursion depth.
// current_thread_state() is a thread_local pointer, so native code never
// passes the state around explicitly.
#pragma once

#include <cstdint>

#include "runtime/object.h"

namespace coil::vm {

struct Frame;
class FrameStack;

struct ThreadState {
  Frame* frame = nullptr;                 // innermost running frame (borrowed chain)
  runtime::Ref<runtime::Object> pending;  // the exception being raised, or null
  // The exception currently being handled by an `except` block: what a bare
  // `raise` re-raises and sys.exc_info() reports (CPython's exc_info).
  runtime::Ref<runtime::Object> handled;
  int recursion_depth = 0;                // Python frames + nested native calls
  int recursion_limit = 1000;             // sys.setrecursionlimit (shared value copied)
  uint64_t thread_id = 0;
  FrameStack* frames = nullptr;           // where this thread's frames live
  bool context_pending = false;           // eval loop: exception not yet chained
};

ThreadState* current_thread_state();
void set_current_thread_state(ThreadState* ts);

}  // namespace coil::vm
