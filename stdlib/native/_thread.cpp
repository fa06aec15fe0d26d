// _thread.cpp — the `_thread` module: OS threads, locks and RLocks.
//
// THREADS.  start_new_thread(func, args[, kwargs]) makes a ThreadState
// (vm/threadstate.h) and a detached std::thread.  The new thread takes the
// GIL (vm/gil.h), calls func(*args, **kwargs) in a nested eval loop on its
// own FrameStack, reports an exception that escapes ("Exception ignored in
// thread started by: ..."; SystemExit ends the thread quietly), then
// releases its sentinel lock (what threading's join() waits on), drops its
// references, unregisters its state and gives the GIL back for the last
// time.  Only then, without the GIL, does it free its ThreadState.
//
// LOCKS.  A `_thread.lock` is a binary semaphore: any thread may release
// it, so it is a bool guarded by a std::mutex and a condition variable
// rather than a std::mutex itself.  Waiting for it is a blocking call, so
// it releases the GIL.  The main thread waits in short slices and runs
// pending signal handlers between them, so Ctrl-C interrupts a join() or
// a lock wait with KeyboardInterrupt, as in CPython.
//
// RLOCKS.  An RLock is a lock plus an owner (the get_ident() of the thread
// that holds it) and a count, exactly CPython's C RLock: a second acquire
// by the owner only bumps the count.  Owner and count are only read and
// written under the GIL; the inner lock is what other threads block on.
#include <pthread.h>
#include <signal.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <string>
#include <system_error>
#include <thread>

#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/descr.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/module.h"
#include "runtime/singletons.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "stdlib/native/modules.h"
#include "stdlib/native/signals.h"
#include "stdlib/native/sys.h"
#include "vm/code.h"
#include "vm/gil.h"
#include "vm/interp.h"
#include "vm/threadstate.h"
#include "vm/traceback.h"

namespace coil::runtime {

TypeObject LockType;
TypeObject RLockType;

namespace {

using Clock = std::chrono::steady_clock;

// How often a main thread blocked on a lock looks for pending signals.
constexpr auto kSignalPoll = std::chrono::milliseconds(20);
// CPython's TIMEOUT_MAX on Linux: the largest wait in seconds it accepts.
constexpr double kTimeoutMax = 9223372036.0;

// ---- the native lock ------------------------------------------------------------------

class NativeLock {
 public:
  bool try_lock() {
    std::lock_guard<std::mutex> g(mu_);
    if (locked_) return false;
    locked_ = true;
    return true;
  }
  // Waits (without the GIL!) until the lock is free and takes it; false
  // when `until` passed first.  `forever` ignores `until`.
  bool lock_until(Clock::time_point until, bool forever) {
    std::unique_lock<std::mutex> g(mu_);
    auto free = [this] { return !locked_; };
    if (forever) cv_.wait(g, free);
    else if (!cv_.wait_until(g, until, free)) return false;
    locked_ = true;
    return true;
  }
  void unlock() {
    {
      std::lock_guard<std::mutex> g(mu_);
      locked_ = false;
    }
    cv_.notify_one();
  }
  bool locked() {
    std::lock_guard<std::mutex> g(mu_);
    return locked_;
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  bool locked_ = false;
};

enum class Acquired { Yes, TimedOut, Error };

// Takes `lock`, waiting at most `timeout_us` microseconds (-1: for ever)
// with the GIL released.  Error: a signal handler raised meanwhile.
Acquired acquire_timed(NativeLock& lock, int64_t timeout_us) {
  if (lock.try_lock()) return Acquired::Yes;
  if (timeout_us == 0) return Acquired::TimedOut;
  bool forever = timeout_us < 0;
  Clock::time_point deadline = forever ? Clock::time_point() : Clock::now() + std::chrono::microseconds(timeout_us);
  vm::ThreadState* ts = vm::current_thread_state();
  bool main = ts && ts->is_main;
  for (;;) {
    bool got;
    {
      vm::ReleaseGil nogil;
      if (main) {
        Clock::time_point slice = Clock::now() + kSignalPoll;
        got = lock.lock_until(forever ? slice : std::min(deadline, slice), false);
      } else {
        got = lock.lock_until(deadline, forever);
      }
    }
    if (got) return Acquired::Yes;
    if (main && signals_tripped() && !signals_run_pending()) return Acquired::Error;
    if (!forever && Clock::now() >= deadline) return Acquired::TimedOut;
  }
}

// acquire(blocking=True, timeout=-1) -> microseconds to wait (-1: for ever),
// with CPython's checks and messages.
bool parse_acquire_args(Object* const* args, size_t nargs, Tuple* kw, int64_t* timeout_us) {
  static const ArgSpec spec{"acquire", {"blocking", "timeout"}, 0};
  Object* a[2];
  if (!bind_args(spec, args, nargs, kw, a)) return false;
  int64_t blocking = 1;
  if (a[0] && !index_to_i64(a[0], &blocking)) return false;
  double timeout = -1;
  if (a[1]) {
    if (float_check(a[1])) {
      timeout = float_value(a[1]);
    } else {
      Ref<Object> i = index(a[1]);
      if (!i) return false;
      bool overflow = false;
      timeout = int_to_double(i.get(), &overflow);
      if (overflow) timeout = HUGE_VAL;
    }
  }
  if (!blocking && timeout != -1) {
    set_error(exc::ValueError, "can't specify a timeout for a non-blocking call");
    return false;
  }
  if (timeout < 0 && timeout != -1) {
    set_error(exc::ValueError, "timeout value must be positive");
    return false;
  }
  if (!blocking) {
    *timeout_us = 0;
    return true;
  }
  if (timeout == -1) {
    *timeout_us = -1;
    return true;
  }
  if (std::isnan(timeout) || timeout * 1e9 >= 9.3e18) {
    set_error(exc::OverflowError, "timestamp out of range for platform time_t");
    return false;
  }
  if (timeout > kTimeoutMax) {
    set_error(exc::OverflowError, "timeout value is too large");
    return false;
  }
  *timeout_us = static_cast<int64_t>(std::ceil(timeout * 1e6));
  return true;
}

Ref<Object> acquire_result(Acquired r) {
  if (r == Acquired::Error) return nullptr;
  return borrow(r == Acquired::Yes ? True : False);
}

std::string address_of(Object* o) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%p", static_cast<void*>(o));
  return buf;
}

// ---- _thread.lock ----------------------------------------------------------------------

struct LockObject : Object {
  NativeLock lock;
};

LockObject* as_lock(Object* o) { return static_cast<LockObject*>(o); }

Ref<Object> new_lock() {
  LockObject* l = alloc<LockObject>(&LockType);
  if (!l) return nullptr;
  return steal(static_cast<Object*>(l));
}

Ref<Object> lock_new(TypeObject*, Object* const*, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("lock", kw) || !check_nargs("lock", nargs, 0, 0)) return nullptr;
  return new_lock();
}

void lock_dealloc(Object* self) { destroy_object(as_lock(self)); }

Ref<Object> lock_acquire(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  int64_t timeout_us;
  if (!parse_acquire_args(args, nargs, kw, &timeout_us)) return nullptr;
  return acquire_result(acquire_timed(as_lock(self)->lock, timeout_us));
}

Ref<Object> lock_release(Object* self, Object* const*, size_t nargs, Tuple* kw) {
  if (!check_no_args("release", nargs, kw)) return nullptr;
  LockObject* l = as_lock(self);
  if (!l->lock.locked()) return set_error(exc::RuntimeError, "release unlocked lock");
  l->lock.unlock();
  return none();
}

Ref<Object> lock_exit(Object* self, Object* const*, size_t, Tuple*) {
  return lock_release(self, nullptr, 0, nullptr);
}

Ref<Object> lock_locked(Object* self, Object* const*, size_t nargs, Tuple* kw) {
  if (!check_no_args("locked", nargs, kw)) return nullptr;
  return borrow(as_lock(self)->lock.locked() ? True : False);
}

// After fork() only the forking thread exists: a lock held by another
// thread would never be released, so the child makes it new.
Ref<Object> lock_at_fork_reinit(Object* self, Object* const*, size_t nargs, Tuple* kw) {
  if (!check_no_args("_at_fork_reinit", nargs, kw)) return nullptr;
  LockObject* l = as_lock(self);
  l->lock.~NativeLock();
  new (&l->lock) NativeLock();
  return none();
}

Ref<Object> lock_repr(Object* self) {
  const char* state = as_lock(self)->lock.locked() ? "locked" : "unlocked";
  return str_from(std::string("<") + state + " _thread.lock object at " + address_of(self) + ">");
}

const MethodDef lock_methods[] = {
    {"acquire", lock_acquire, MethodKind::Instance, "Lock the lock."},
    {"acquire_lock", lock_acquire},
    {"release", lock_release, MethodKind::Instance, "Release the lock."},
    {"release_lock", lock_release},
    {"locked", lock_locked, MethodKind::Instance, "Test whether the lock is currently locked."},
    {"locked_lock", lock_locked},
    {"__enter__", lock_acquire, MethodKind::Instance, "Lock the lock."},
    {"__exit__", lock_exit, MethodKind::Instance, "Release the lock."},
    {"_at_fork_reinit", lock_at_fork_reinit},
    {nullptr},
};

// ---- _thread.RLock ---------------------------------------------------------------------

struct RLockObject : Object {
  NativeLock lock;
  uint64_t owner = 0;   // get_ident() of the holder; 0 when free (GIL-guarded)
  uint64_t count = 0;   // how many times the holder acquired it
};

RLockObject* as_rlock(Object* o) { return static_cast<RLockObject*>(o); }

Ref<Object> rlock_new(TypeObject* type, Object* const*, size_t, Tuple*) {
  RLockObject* r = alloc<RLockObject>(type);
  if (!r) return nullptr;
  return steal(static_cast<Object*>(r));
}

void rlock_dealloc(Object* self) { destroy_object(as_rlock(self)); }

bool rlock_is_owned(RLockObject* r) { return r->count > 0 && r->owner == vm::current_thread_ident(); }

Ref<Object> rlock_acquire(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  int64_t timeout_us;
  if (!parse_acquire_args(args, nargs, kw, &timeout_us)) return nullptr;
  RLockObject* r = as_rlock(self);
  if (rlock_is_owned(r)) {
    if (r->count == UINT64_MAX) return set_error(exc::OverflowError, "Internal lock count overflowed");
    r->count++;
    return borrow(True);
  }
  Acquired got = acquire_timed(r->lock, timeout_us);
  if (got == Acquired::Yes) {
    r->owner = vm::current_thread_ident();
    r->count = 1;
  }
  return acquire_result(got);
}

Ref<Object> rlock_release(Object* self, Object* const*, size_t nargs, Tuple* kw) {
  if (!check_no_args("release", nargs, kw)) return nullptr;
  RLockObject* r = as_rlock(self);
  if (!rlock_is_owned(r)) return set_error(exc::RuntimeError, "cannot release un-acquired lock");
  if (--r->count == 0) {
    r->owner = 0;
    r->lock.unlock();
  }
  return none();
}

Ref<Object> rlock_exit(Object* self, Object* const*, size_t, Tuple*) {
  return rlock_release(self, nullptr, 0, nullptr);
}

// An ident (a pthread_t: it may exceed INT64_MAX) back from a Python int.
bool ident_arg(Object* o, uint64_t* out) {
  int64_t v;
  if (index_to_i64(o, &v)) {
    *out = static_cast<uint64_t>(v);
    return true;
  }
  if (!error_matches(exc::OverflowError)) return false;
  clear_error();
  Ref<Object> two64 = int_from_double(18446744073709551616.0);
  Ref<Object> low = two64 ? binary_op(o, two64.get(), BinaryOp::Sub) : nullptr;
  if (!low || !int_to_i64(low.get(), &v)) return false;
  *out = static_cast<uint64_t>(v);
  return true;
}

// Condition.wait() releases an RLock completely and restores it after.
Ref<Object> rlock_release_save(Object* self, Object* const*, size_t nargs, Tuple* kw) {
  if (!check_no_args("_release_save", nargs, kw)) return nullptr;
  RLockObject* r = as_rlock(self);
  if (r->count == 0) return set_error(exc::RuntimeError, "cannot release un-acquired lock");
  Ref<Object> count = int_from_u64(r->count);
  Ref<Object> owner = int_from_u64(r->owner);
  if (!count || !owner) return nullptr;
  r->count = 0;
  r->owner = 0;
  r->lock.unlock();
  return tuple_pack({count.get(), owner.get()});
}

Ref<Object> rlock_acquire_restore(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("_acquire_restore", kw) || !check_nargs("_acquire_restore", nargs, 1, 1)) return nullptr;
  if (!tuple_check(args[0]) || static_cast<Tuple*>(args[0])->size != 2)
    return set_error(exc::TypeError, "_acquire_restore() argument 1 must be a 2-tuple");
  Tuple* state = static_cast<Tuple*>(args[0]);
  int64_t count;
  uint64_t owner;
  if (!index_to_i64(state->items[0], &count) || !ident_arg(state->items[1], &owner)) return nullptr;
  RLockObject* r = as_rlock(self);
  Acquired got = acquire_timed(r->lock, -1);
  if (got != Acquired::Yes) return nullptr;
  r->owner = static_cast<uint64_t>(owner);
  r->count = static_cast<uint64_t>(count);
  return none();
}

Ref<Object> rlock_is_owned_m(Object* self, Object* const*, size_t nargs, Tuple* kw) {
  if (!check_no_args("_is_owned", nargs, kw)) return nullptr;
  return borrow(rlock_is_owned(as_rlock(self)) ? True : False);
}

Ref<Object> rlock_recursion_count(Object* self, Object* const*, size_t nargs, Tuple* kw) {
  if (!check_no_args("_recursion_count", nargs, kw)) return nullptr;
  RLockObject* r = as_rlock(self);
  return int_from_u64(rlock_is_owned(r) ? r->count : 0);
}

Ref<Object> rlock_at_fork_reinit(Object* self, Object* const*, size_t nargs, Tuple* kw) {
  if (!check_no_args("_at_fork_reinit", nargs, kw)) return nullptr;
  RLockObject* r = as_rlock(self);
  r->lock.~NativeLock();
  new (&r->lock) NativeLock();
  r->owner = 0;
  r->count = 0;
  return none();
}

Ref<Object> rlock_repr(Object* self) {
  RLockObject* r = as_rlock(self);
  std::string s = std::string("<") + (r->count ? "locked" : "unlocked") + " " + self->type->name +
                  " object owner=" + std::to_string(r->owner) + " count=" + std::to_string(r->count) +
                  " at " + address_of(self) + ">";
  return str_from(s);
}

const MethodDef rlock_methods[] = {
    {"acquire", rlock_acquire, MethodKind::Instance, "Lock the lock."},
    {"release", rlock_release, MethodKind::Instance, "Release the lock."},
    {"__enter__", rlock_acquire, MethodKind::Instance, "Lock the lock."},
    {"__exit__", rlock_exit, MethodKind::Instance, "Release the lock."},
    {"_is_owned", rlock_is_owned_m, MethodKind::Instance, "For internal use by `threading.Condition`."},
    {"_release_save", rlock_release_save, MethodKind::Instance, "For internal use by `threading.Condition`."},
    {"_acquire_restore", rlock_acquire_restore, MethodKind::Instance, "For internal use by `threading.Condition`."},
    {"_recursion_count", rlock_recursion_count, MethodKind::Instance, "For internal use by reentrancy checks."},
    {"_at_fork_reinit", rlock_at_fork_reinit},
    {nullptr},
};

bool init_lock_types() {
  if (type_has(&LockType, kReady)) return true;
  TypeObject& l = LockType;
  l.type = &TypeType;
  l.base = &ObjectType;
  l.name = "_thread.lock";
  l.doc = "A lock object is a synchronization primitive.";
  l.basic_size = sizeof(LockObject);
  l.dealloc = lock_dealloc;
  l.new_ = lock_new;
  l.repr = lock_repr;
  l.methods = lock_methods;
  if (!type_ready(&l)) return false;
  TypeObject& r = RLockType;
  r.type = &TypeType;
  r.base = &ObjectType;
  r.name = "_thread.RLock";
  r.flags = kBaseType;
  r.basic_size = sizeof(RLockObject);
  r.dealloc = rlock_dealloc;
  r.new_ = rlock_new;
  r.repr = rlock_repr;
  r.methods = rlock_methods;
  return type_ready(&r);
}

// ---- threads ---------------------------------------------------------------------------

// Threads started here and still running (GIL-guarded): _thread._count().
int64_t g_thread_count = 0;
// stack_size(): the size asked for (0: the platform's default).  It is
// applied through the process-wide default thread attributes, which
// std::thread's underlying pthread_create uses (a GNU extension).
int64_t g_stack_size = 0;

// Sets the stack size of threads created from now on (0: the default the
// process started with).  false when the system refuses it.
bool apply_stack_size(int64_t size) {
  static size_t original = 0;
  pthread_attr_t attr;
  if (pthread_getattr_default_np(&attr) != 0) return false;
  size_t current = 0;
  pthread_attr_getstacksize(&attr, &current);
  if (original == 0) original = current;
  bool ok = pthread_attr_setstacksize(&attr, size ? static_cast<size_t>(size) : original) == 0 &&
            pthread_setattr_default_np(&attr) == 0;
  pthread_attr_destroy(&attr);
  return ok;
}

struct Boot {
  Ref<Object> func;
  Ref<Tuple> args;
  Ref<Dict> kwargs;
  vm::ThreadState* ts;
};

// The thread's function raised: SystemExit ends it quietly, anything else
// is reported as CPython's _thread does.
void report_thread_exception(Object* func) {
  if (error_matches(exc::SystemExit)) {
    clear_error();
    return;
  }
  Ref<Object> e = fetch_error();
  std::string r;
  if (!repr_utf8(func, &r)) {
    clear_error();
    r = "<object repr() failed>";
  }
  Object* out = vm::sys_stdout();
  if (out && out != None && !call_method(out, intern("flush"), nullptr, 0)) clear_error();
  std::fprintf(stderr, "Exception ignored in thread started by: %s\n", r.c_str());
  vm::print_exception(e.get());
  std::fflush(stderr);
}

// The thread is done: wake join(), drop its references, leave the GIL.
void finish_thread(vm::ThreadState* ts) {
  if (ts->sentinel) {
    LockObject* l = as_lock(ts->sentinel.get());
    if (l->lock.locked()) l->lock.unlock();
  }
  vm::thread_state_clear(ts);
  vm::thread_state_unregister(ts);
  g_thread_count--;
  vm::gil_release(ts);
  vm::set_current_thread_state(nullptr);
  vm::thread_state_delete(ts);
}

void thread_main(Boot* boot) {
  vm::ThreadState* ts = boot->ts;
  vm::set_current_thread_state(ts);
  ts->thread_id = vm::current_thread_ident();
  ts->native_id = vm::current_native_id();
  vm::gil_acquire(ts);
  Ref<Object> r = call_tuple_dict(boot->func.get(), boot->args.get(), boot->kwargs.get());
  if (!r) report_thread_exception(boot->func.get());
  r.reset();
  delete boot;
  finish_thread(ts);
}

Ref<Object> th_start_new_thread(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("start_new_thread", kw) || !check_nargs("start_new_thread", nargs, 2, 3)) return nullptr;
  if (!is_callable(args[0])) return set_error(exc::TypeError, "first arg must be callable");
  if (!tuple_check(args[1])) return set_error(exc::TypeError, "2nd arg must be a tuple");
  if (nargs == 3 && !dict_check(args[2])) return set_error(exc::TypeError, "optional 3rd arg must be a dictionary");
  // Past threading._shutdown() the new thread starts but never takes the
  // GIL (vm/gil.cpp, FINALIZING): as in CPython 3.11, it never runs.
  auto* boot = new Boot{borrow(args[0]), borrow(static_cast<Tuple*>(args[1])),
                        nargs == 3 ? borrow(static_cast<Dict*>(args[2])) : nullptr, vm::thread_state_new()};
  vm::ThreadState* ts = boot->ts;
  vm::thread_state_register(ts);
  g_thread_count++;
  uint64_t ident;
  try {
    std::thread t(thread_main, boot);
    ident = static_cast<uint64_t>(t.native_handle());
    t.detach();
  } catch (const std::system_error&) {
    // The thread never ran: undo what we did for it.
    vm::thread_state_unregister(ts);
    g_thread_count--;
    delete boot;
    vm::thread_state_delete(ts);
    return set_error(exc::RuntimeError, "can't start new thread");
  }
  return int_from_u64(ident);
}

Ref<Object> th_allocate_lock(Object*, Object* const*, size_t nargs, Tuple* kw) {
  if (!check_no_args("allocate_lock", nargs, kw)) return nullptr;
  return new_lock();
}

Ref<Object> th_get_ident(Object*, Object* const*, size_t nargs, Tuple* kw) {
  if (!check_no_args("get_ident", nargs, kw)) return nullptr;
  return int_from_u64(vm::current_thread_ident());
}

Ref<Object> th_get_native_id(Object*, Object* const*, size_t nargs, Tuple* kw) {
  if (!check_no_args("get_native_id", nargs, kw)) return nullptr;
  return int_from_u64(vm::current_native_id());
}

Ref<Object> th_count(Object*, Object* const*, size_t nargs, Tuple* kw) {
  if (!check_no_args("_count", nargs, kw)) return nullptr;
  return int_from_i64(g_thread_count);
}

Ref<Object> th_exit(Object*, Object* const*, size_t nargs, Tuple* kw) {
  if (!check_no_args("exit", nargs, kw)) return nullptr;
  return set_error_object(exc::SystemExit);
}

Ref<Object> th_stack_size(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("stack_size", kw) || !check_nargs("stack_size", nargs, 0, 1)) return nullptr;
  // As CPython's: the argument defaults to 0, so stack_size() both reports
  // the size and resets it to the default.
  int64_t old = g_stack_size;
  {
    int64_t size = 0;
    if (nargs == 1 && !index_to_i64(args[0], &size)) return nullptr;
    if (size < 0) return set_error(exc::ValueError, "size must be 0 or a positive value");
    if (size != 0 && size < 32768) return set_errorf(exc::ValueError, "size not valid: %zd bytes", size_t(size));
    if (!apply_stack_size(size)) return set_error(exc::ValueError, "size not valid: " + std::to_string(size) + " bytes");
    g_stack_size = size;
  }
  return int_from_i64(old);
}

Ref<Object> th_interrupt_main(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("interrupt_main", kw) || !check_nargs("interrupt_main", nargs, 0, 1)) return nullptr;
  int64_t signum = SIGINT;
  if (nargs == 1 && !index_to_i64(args[0], &signum)) return nullptr;
  if (signum < 1 || signum >= NSIG) return set_error(exc::ValueError, "signal number out of range");
  signals_trip(static_cast<int>(signum));
  return none();
}

// _set_sentinel(): a lock that is released when this thread's state is
// deleted.  threading acquires it at once and join() waits for it.
Ref<Object> th_set_sentinel(Object*, Object* const*, size_t nargs, Tuple* kw) {
  if (!check_no_args("_set_sentinel", nargs, kw)) return nullptr;
  Ref<Object> lock = new_lock();
  if (!lock) return nullptr;
  vm::ThreadState* ts = vm::current_thread_state();
  if (ts->sentinel) {
    LockObject* old = as_lock(ts->sentinel.get());
    if (old->lock.locked()) old->lock.unlock();
  }
  ts->sentinel = lock;
  return lock;
}

// _excepthook(args): threading.excepthook's default, as CPython's
// thread_excepthook: "Exception in thread NAME:" and the traceback.
Ref<Object> th_excepthook(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("_excepthook", kw) || !check_nargs("_excepthook", nargs, 1, 1)) return nullptr;
  if (!tuple_check(args[0]) || static_cast<Tuple*>(args[0])->size != 4)
    return set_error(exc::TypeError, "_thread._excepthook argument type must be ExceptHookArgs");
  Tuple* a = static_cast<Tuple*>(args[0]);
  Object* exc_type = a->items[0];
  Object* exc_value = a->items[1];
  Object* thread = a->items[3];
  if (exc_type == exc::SystemExit || (type_has(exc_type->type, kTypeSubclass) &&
                                      is_subtype(static_cast<TypeObject*>(exc_type), exc::SystemExit)))
    return none();
  Object* file = vm::sys_stderr();
  Ref<Object> thread_stderr;
  if (!file || file == None) {
    if (thread == None) return none();
    thread_stderr = getattr(thread, intern("_stderr"));
    if (!thread_stderr) return nullptr;
    file = thread_stderr.get();
    if (file == None) return none();
  }
  std::string name;
  if (thread != None) {
    Ref<Object> n = getattr(thread, intern("name"));
    if (!n) return nullptr;
    if (!str_utf8(n.get(), &name)) return nullptr;
  } else {
    name = std::to_string(vm::current_thread_ident());
  }
  Ref<Object> header = str_from("Exception in thread " + name + ":\n");
  Object* h = header.get();
  if (!header || !call_method(file, intern("write"), &h, 1) || !call_method(file, intern("flush"), nullptr, 0))
    return nullptr;
  if (exc_value != None) vm::print_exception(exc_value);
  std::fflush(stderr);
  return none();
}

// _ExceptHookArgs is a struct sequence in CPython; here a tuple subclass
// written in Python, compiled when the module is made.
const char kExceptHookArgsSource[] = R"PY(
class _ExceptHookArgs(tuple):
    __slots__ = ()
    n_fields = n_sequence_fields = 4
    n_unnamed_fields = 0
    def __new__(cls, sequence, dict=None):
        items = tuple(sequence)
        if len(items) != 4:
            raise TypeError("_thread._ExceptHookArgs() takes a 4-sequence (%d-sequence given)"
                            % len(items))
        return tuple.__new__(cls, items)
    exc_type = property(lambda self: self[0])
    exc_value = property(lambda self: self[1])
    exc_traceback = property(lambda self: self[2])
    thread = property(lambda self: self[3])
    def __repr__(self):
        return ("_thread._ExceptHookArgs(exc_type=%r, exc_value=%r, exc_traceback=%r, thread=%r)"
                % tuple(self))
    def __reduce__(self):
        return (type(self), (tuple(self),))
)PY";

bool add_except_hook_args(Object* module) {
  Dict* d = module_dict(module);
  Ref<Object> code = vm::compile_source(kExceptHookArgsSource, "<_thread>", "exec");
  if (!code || !vm::eval_code(static_cast<vm::Code*>(code.get()), d, nullptr)) return false;
  return true;
}

const MethodDef thread_functions[] = {
    {"start_new_thread", th_start_new_thread, MethodKind::Instance, "Start a new thread and return its identifier."},
    {"start_new", th_start_new_thread},
    {"allocate_lock", th_allocate_lock, MethodKind::Instance, "Create a new lock object."},
    {"allocate", th_allocate_lock},
    {"get_ident", th_get_ident, MethodKind::Instance, "Return a non-zero integer that uniquely identifies the current thread."},
    {"get_native_id", th_get_native_id, MethodKind::Instance, "Return the native integral Thread ID of the current thread."},
    {"_count", th_count, MethodKind::Instance, "Return the number of currently running Python threads."},
    {"exit", th_exit, MethodKind::Instance, "This is synonymous to ``raise SystemExit''."},
    {"exit_thread", th_exit},
    {"stack_size", th_stack_size, MethodKind::Instance, "Return the thread stack size used when creating new threads."},
    {"interrupt_main", th_interrupt_main, MethodKind::Instance, "Simulate the arrival of the given signal in the main thread."},
    {"_set_sentinel", th_set_sentinel, MethodKind::Instance, "Set a sentinel lock that will be released when the current thread state is finalized."},
    {"_excepthook", th_excepthook, MethodKind::Instance, "Handle uncaught Thread.run() exception."},
    {nullptr},
};

}  // namespace

Ref<Object> make__thread_module() {
  if (!init_lock_types()) return nullptr;
  Ref<Object> m = module_new_builtin("_thread");
  if (!m || !module_add_functions(m.get(), thread_functions)) return nullptr;
  Ref<Object> timeout_max = float_from_double(kTimeoutMax);
  if (!timeout_max || !module_add_object(m.get(), "LockType", &LockType) ||
      !module_add_object(m.get(), "RLock", &RLockType) ||
      !module_add_object(m.get(), "error", exc::RuntimeError) ||
      !module_add_object(m.get(), "TIMEOUT_MAX", timeout_max.get()) || !add_except_hook_args(m.get()))
    return nullptr;
  return m;
}

}  // namespace coil::runtime
