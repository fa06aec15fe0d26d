// signals.h — what the VM needs from the signal machinery (signal.cpp).
//
// A C signal handler may do almost nothing: it marks the signal as
// tripped and sets the kSignalsPending bit of the eval-breaker word
// (vm/gil.h).  The main thread then runs the Python handler between two
// bytecodes (handle_eval_breaker), or at the next wake-up of a blocking
// wait (time.sleep, a lock acquire).
#pragma once

namespace coil::runtime {

// At start-up: installs the C handler for SIGINT, whose Python side is
// default_int_handler (KeyboardInterrupt), as CPython does.
void signals_init();
// True when a signal is waiting for its Python handler (no GIL needed).
bool signals_tripped();
// Main thread, GIL held: runs the handlers of the tripped signals.  false
// with the handler's exception pending (KeyboardInterrupt for SIGINT).
// A call from another thread does nothing and returns true.
bool signals_run_pending();
// Marks `signum` as arrived without sending it (_thread.interrupt_main).
// false when Python does not handle it (SIG_DFL or SIG_IGN).
bool signals_trip(int signum);

// An uncaught KeyboardInterrupt ends the process the way CPython does: the
// top level notes it (signals_note_uncaught_interrupt) and, after
// finalization, signals_exit_if_interrupted() kills the process with
// SIGINT, so the parent sees "terminated by SIGINT" (status 130 in a shell).
void signals_note_uncaught_interrupt();
void signals_exit_if_interrupted();
// The prompt reports a KeyboardInterrupt and carries on: it does not count.
void signals_forget_uncaught_interrupt();

}  // namespace coil::runtime
