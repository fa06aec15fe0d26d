// gil.h — the global interpreter lock (DESIGN decision 9).
//
// One lock per process decides which OS thread may run bytecode or touch
// objects.  The protocol (see gil.cpp for the essay, docs/gil.md for the
// timeline):
//
//   * the holder runs until it blocks (every blocking call is wrapped in a
//     ReleaseGil guard) or until another thread has waited longer than the
//     switch interval and set the drop request in the eval-breaker word;
//   * a release hands the GIL DIRECTLY to the longest-waiting thread, so
//     the thread that asked for a switch is the one that runs next;
//   * once the interpreter is finalizing, only the main thread may take the
//     GIL again: a daemon thread that tries blocks for ever and never
//     touches the state that is being torn down.
#pragma once

#include <atomic>
#include <cstdint>

namespace coil::vm {

struct ThreadState;

// The eval-breaker word (defined in vm/ops.cpp, tested by the eval loop at
// backward jumps with one relaxed load).  Each reason to interrupt the
// running thread owns a bit; any thread, and a signal handler, may set one.
extern std::atomic<int> g_eval_breaker;
enum EvalBreakerBit : int {
  kGilDropRequest = 1,   // a waiting thread wants the GIL
  kSignalsPending = 2,   // a signal arrived: the main thread runs its handler
  kGcScheduled = 4,      // the cycle collector wants to run (runtime/gc.h)
};
inline void eval_breaker_set_bit(int bit) { g_eval_breaker.fetch_or(bit, std::memory_order_relaxed); }
inline void eval_breaker_clear_bit(int bit) { g_eval_breaker.fetch_and(~bit, std::memory_order_relaxed); }

// At interpreter start: `ts` (the main thread) takes the GIL.  Idempotent.
void gil_init_main(ThreadState* ts);
// Blocks until `ts` holds the GIL (queued behind earlier waiters).
void gil_acquire(ThreadState* ts);
// Gives the GIL up; the longest waiter, if any, becomes the holder.
// false (and nothing happens) when `ts` does not hold it.
bool gil_release(ThreadState* ts);
// The holder honours a drop request: release, then queue up again.
void gil_yield(ThreadState* ts);

// The thread state holding the GIL (for the debugger and the tests).
ThreadState* gil_holder();
bool gil_held_by(ThreadState* ts);
// How many times the GIL has changed hands since start (tests, `threads`).
uint64_t gil_switch_count();

// sys.setswitchinterval / sys.getswitchinterval, in microseconds.
void gil_set_switch_interval_us(int64_t us);
int64_t gil_switch_interval_us();

// Marks the interpreter as finalizing: from now on only the main thread may
// take the GIL.  Called by vm_finalize after threading._shutdown().
void gil_begin_finalizing();
bool gil_finalizing();

// Releases the GIL for the lifetime of the guard, around a call that may
// block (sleep, read, write, waitpid, a lock wait, compressing a big
// buffer).  Between construction and destruction the code must not touch
// any Python object: copy what the call needs first.
class ReleaseGil {
 public:
  ReleaseGil();
  ~ReleaseGil();
  ReleaseGil(const ReleaseGil&) = delete;
  ReleaseGil& operator=(const ReleaseGil&) = delete;

 private:
  ThreadState* ts_;
};

}  // namespace coil::vm
