// trace.h — sys.settrace / sys.setprofile: the VM's execution events.
//
// The eval loop reports what runs to at most two hooks per thread, a
// trace hook and a profile hook (ThreadState::trace_hook / profile_hook),
// exactly as CPython's PyEval_SetTrace / PyEval_SetProfile do.  A hook is a
// C++ function with an object: sys.settrace(f) installs a trampoline whose
// object is `f`; the native profiler (_lsprof) installs its own function
// and skips the Python-level calls.
//
// The eval loop pays nothing for this while no hook is installed: it
// dispatches through its ordinary table.  Installing a hook sets
// ThreadState::use_tracing, and the loop then dispatches every instruction
// through a second table whose entries all lead to one stub, which calls
// trace_instruction() below and then jumps to the real handler.  See
// docs/profiling.md.
#pragma once

#include "runtime/object.h"
#include "vm/frame.h"
#include "vm/threadstate.h"

namespace coil::vm {

// The events, numbered as CPython's PyTrace_* constants.
enum TraceEvent : int {
  kTraceCall = 0,
  kTraceException = 1,
  kTraceLine = 2,
  kTraceReturn = 3,
  kTraceCCall = 4,
  kTraceCException = 5,
  kTraceCReturn = 6,
  kTraceOpcode = 7,
};

// Installs (or, with hook == null, removes) the thread's trace or profile
// hook.  `obj` is borrowed.  Installing marks the frames already running as
// "called", so they get no 'call' event, only their 'return'.
void set_trace_hook(ThreadState* ts, TraceHook hook, runtime::Object* obj);
// How many threads have a trace or profile hook (use_tracing).  While it is
// nonzero the eval loop dispatches every instruction through its tracing
// stub (vm/eval.cpp, RELOAD_TRACING).  Changed only under the GIL.
extern int g_tracing_threads;
void set_profile_hook(ThreadState* ts, TraceHook hook, runtime::Object* obj);

// The hooks behind sys.settrace / sys.setprofile (obj: the Python callable).
int python_trace_hook(runtime::Object* obj, Frame* frame, int event, runtime::Object* arg);
int python_profile_hook(runtime::Object* obj, Frame* frame, int event, runtime::Object* arg);

// What the eval loop does after the tracing stub.
enum class TraceStep {
  Run,     // run the instruction (re-read sp from the frame)
  Done,    // the stub ran it (a profiled native call): go on at f->ip / f->sp
  Error,   // a hook raised: handle the pending exception at this instruction
};

// Called by the eval loop's tracing stub before the instruction at
// f->ip[-1] runs (f->ip and f->sp saved): fires 'call' for a frame that
// starts or resumes, 'line'/'opcode', 'return' before RETURN_VALUE and
// YIELD_VALUE, and 'c_call'/'c_return'/'c_exception' around a call of a
// native function (which it then performs itself: TraceStep::Done).
TraceStep trace_instruction(ThreadState* ts, Frame* f);
// An exception was raised in `f` (the error label): 'exception'.  false if
// a hook raised (its exception replaces the pending one).
bool trace_exception(ThreadState* ts, Frame* f);
// `f` is left by an exception: 'return' with None.  The pending exception
// stays unless a hook raised another.
void trace_unwind(ThreadState* ts, Frame* f);

// Inside a hook: events are suppressed.
inline bool trace_active(const ThreadState* ts) { return ts->use_tracing && ts->tracing == 0; }

}  // namespace coil::vm
