// signal.cpp — the `_signal` module (stdlib/lib/signal.py wraps it with
// the Signals and Handlers enums, as CPython's signal.py does).
//
// TWO HALVES.  A POSIX signal interrupts whatever the process was doing, in
// whichever thread, possibly in the middle of a refcount update.  So the C
// handler (c_handler) touches no object: it sets tripped[signum], the
// any_tripped flag and the kSignalsPending bit of the eval-breaker word —
// all lock-free atomics, which are async-signal-safe.  The Python handler
// runs later, in the main thread with the GIL held, between two bytecodes
// (vm/ops.cpp handle_eval_breaker) or when a blocking wait of the main
// thread wakes up (time.sleep gets EINTR; lock waits poll the flag), in
// signals_run_pending().  Only the main thread runs handlers, as CPython.
//
// THE TABLE.  handlers[signum] holds the Python-level handler: a callable,
// the int SIG_DFL (0) or SIG_IGN (1), or null for "installed outside
// Python" (getsignal() returns None).  SIGINT starts with the C handler
// installed and default_int_handler as its Python side, which raises
// KeyboardInterrupt; that is how Ctrl-C becomes an exception.
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <sys/time.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstring>
#include <string>

#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/descr.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/module.h"
#include "runtime/set.h"
#include "runtime/singletons.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"
#include "stdlib/native/modules.h"
#include "stdlib/native/signals.h"
#include "vm/frameobject.h"
#include "vm/gil.h"
#include "vm/threadstate.h"

namespace coil::runtime {

namespace {

constexpr int kNsig = NSIG;   // 65 on Linux: signals 1 .. 64

std::atomic<bool> g_tripped[kNsig];
std::atomic<bool> g_any_tripped{false};

// Python handlers (strong references, GIL held).  Never freed.
Object* g_handlers[kNsig];
// default_int_handler, once the module exists (strong).
Object* g_default_int_handler = nullptr;
// True for the signals whose C handler is c_handler.
bool g_ours[kNsig];

// set_wakeup_fd(): a non-blocking fd that gets one byte (the signal
// number) per signal, so an event loop blocked in select() wakes up.
std::atomic<int> g_wakeup_fd{-1};

void c_handler(int signum) {
  int saved = errno;   // a handler must not change errno under the interrupted code
  if (signum > 0 && signum < kNsig) {
    g_tripped[signum].store(true, std::memory_order_relaxed);
    g_any_tripped.store(true, std::memory_order_release);
    vm::eval_breaker_set_bit(vm::kSignalsPending);
    int fd = g_wakeup_fd.load(std::memory_order_relaxed);
    if (fd >= 0) {
      unsigned char byte = static_cast<unsigned char>(signum);
      ssize_t ignored = ::write(fd, &byte, 1);   // async-signal-safe; a full pipe drops it
      (void)ignored;
    }
  }
  errno = saved;
}

// Installs `handler` (a function, SIG_DFL or SIG_IGN) for `signum` without
// SA_RESTART, so blocking calls return EINTR and the handler runs soon.
bool install(int signum, void (*handler)(int)) {
  struct sigaction sa;
  std::memset(&sa, 0, sizeof sa);
  sa.sa_handler = handler;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_ONSTACK;
  if (sigaction(signum, &sa, nullptr) < 0) return false;
  g_ours[signum] = handler == c_handler;
  return true;
}

void set_handler(int signum, Object* h) {
  Object* old = g_handlers[signum];
  xincref(h);
  g_handlers[signum] = h;
  xdecref(old);
}

bool signum_arg(Object* o, int* out) {
  int64_t v;
  if (!index_to_i64(o, &v)) return false;
  if (v < 1 || v >= kNsig) {
    set_error(exc::ValueError, "signal number out of range");
    return false;
  }
  *out = static_cast<int>(v);
  return true;
}

bool in_main_thread() {
  vm::ThreadState* ts = vm::current_thread_state();
  return ts && ts->is_main;
}

// Calls the Python handler of one tripped signal.
bool run_handler(int signum) {
  Object* h = g_handlers[signum];
  if (!h || h == g_default_int_handler) {
    if (signum == SIGINT && (!h || h == g_default_int_handler)) {
      set_error_object(exc::KeyboardInterrupt);
      return false;
    }
    return true;
  }
  if (int_check(h)) return true;   // SIG_DFL / SIG_IGN set after the signal came
  Ref<Object> num = int_from_i64(signum);
  if (!num) return false;
  vm::ThreadState* ts = vm::current_thread_state();
  Ref<Object> frame = ts->frame ? vm::frame_object_of(ts->frame) : none();
  if (!frame) return false;
  return bool(call2(h, num.get(), frame.get()));
}

// ---- module functions -------------------------------------------------------------

Ref<Object> sig_default_int_handler(Object*, Object* const*, size_t, Tuple*) {
  return set_error_object(exc::KeyboardInterrupt);
}

Ref<Object> sig_signal(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("signal", kw) || !check_nargs("signal", nargs, 2, 2)) return nullptr;
  int64_t raw;
  if (!index_to_i64(args[0], &raw)) return nullptr;
  if (!in_main_thread())
    return set_error(exc::ValueError, "signal only works in main thread of the main interpreter");
  int signum;
  if (!signum_arg(args[0], &signum)) return nullptr;
  // The handler: SIG_DFL (0), SIG_IGN (1) or a callable.
  Object* h = args[1];
  void (*c)(int) = c_handler;
  int64_t which = -1;
  if (int_check(h) && !int_to_i64(h, &which)) clear_error();
  if (which == 0) c = SIG_DFL;
  else if (which == 1) c = SIG_IGN;
  else if (int_check(h) || !is_callable(h))
    return set_error(exc::TypeError,
                     "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object");
  // Run what is pending first, as CPython does: the old handler is due.
  if (!signals_run_pending()) return nullptr;
  if (!install(signum, c)) return set_os_error(errno);
  Ref<Object> old = g_handlers[signum] ? borrow(g_handlers[signum]) : none();
  set_handler(signum, h);
  return old;
}

Ref<Object> sig_getsignal(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("getsignal", kw) || !check_nargs("getsignal", nargs, 1, 1)) return nullptr;
  int signum;
  if (!signum_arg(args[0], &signum)) return nullptr;
  return g_handlers[signum] ? borrow(g_handlers[signum]) : none();
}

Ref<Object> sig_raise_signal(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("raise_signal", kw) || !check_nargs("raise_signal", nargs, 1, 1)) return nullptr;
  int signum;
  if (!signum_arg(args[0], &signum)) return nullptr;
  if (::raise(signum) != 0) return set_os_error(errno);
  if (!signals_run_pending()) return nullptr;
  return none();
}

Ref<Object> sig_alarm(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("alarm", kw) || !check_nargs("alarm", nargs, 1, 1)) return nullptr;
  int64_t secs;
  if (!index_to_i64(args[0], &secs)) return nullptr;
  return int_from_i64(::alarm(static_cast<unsigned>(secs)));
}

Ref<Object> sig_strsignal(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("strsignal", kw) || !check_nargs("strsignal", nargs, 1, 1)) return nullptr;
  int signum;
  if (!signum_arg(args[0], &signum)) return nullptr;
  const char* s = ::strsignal(signum);
  if (!s || std::strncmp(s, "Unknown signal", 14) == 0 || std::strncmp(s, "Real-time signal", 16) == 0)
    return none();
  return str_from(s);
}

Ref<Object> sig_valid_signals(Object*, Object* const*, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("valid_signals", kw) || !check_nargs("valid_signals", nargs, 0, 0)) return nullptr;
  Ref<Object> s = set_new();
  if (!s) return nullptr;
  for (int i = 1; i < kNsig; i++) {
    if (i == 32 || i == 33) continue;   // reserved by glibc's threads
    Ref<Object> n = int_from_i64(i);
    if (!n || set_add(s.get(), n.get()) < 0) return nullptr;
  }
  return s;
}

Ref<Object> sig_set_wakeup_fd(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  static const ArgSpec spec{"set_wakeup_fd", {"fd", "warn_on_full_buffer"}, 1, 1, 1};
  Object* a[2];
  if (!bind_args(spec, args, nargs, kw, a)) return nullptr;
  int64_t fd;
  if (!index_to_i64(a[0], &fd)) return nullptr;
  if (!in_main_thread())
    return set_error(exc::ValueError, "set_wakeup_fd only works in main thread of the main interpreter");
  if (fd != -1) {
    int flags = ::fcntl(static_cast<int>(fd), F_GETFL);
    if (flags < 0) return set_os_error(errno);
    if (!(flags & O_NONBLOCK))
      return set_errorf(exc::ValueError, "the fd %d must be in non-blocking mode", static_cast<int>(fd));
  }
  int old = g_wakeup_fd.exchange(static_cast<int>(fd));
  return int_from_i64(old);
}

// The itimer_error class (an OSError subclass), made with the module.
Object* g_itimer_error = nullptr;

Ref<Object> timeval_pair(const struct itimerval& v) {
  Ref<Object> value = float_from_double(v.it_value.tv_sec + v.it_value.tv_usec * 1e-6);
  Ref<Object> interval = float_from_double(v.it_interval.tv_sec + v.it_interval.tv_usec * 1e-6);
  if (!value || !interval) return nullptr;
  return tuple_pack({value.get(), interval.get()});
}

bool seconds_to_timeval(Object* o, struct timeval* tv) {
  double secs;
  bool overflow = false;
  if (!float_coerce(o, &secs, &overflow)) {
    if (!overflow) set_errorf(exc::TypeError, "must be real number, not %T", o);
    return false;
  }
  tv->tv_sec = static_cast<time_t>(secs);
  tv->tv_usec = static_cast<suseconds_t>((secs - static_cast<double>(tv->tv_sec)) * 1e6);
  if (tv->tv_usec < 0) tv->tv_usec = 0;
  if (secs > 0 && tv->tv_sec == 0 && tv->tv_usec == 0) tv->tv_usec = 1;   // round tiny values up
  return true;
}

Ref<Object> itimer_failed() {
  Ref<Object> code = int_from_i64(errno);
  Ref<Object> msg = str_from(std::strerror(errno));
  if (!code || !msg) return nullptr;
  Object* eargs[2] = {code.get(), msg.get()};
  Ref<Object> e = call(g_itimer_error, eargs, 2);
  if (!e) return nullptr;
  return set_error_object(e.get());
}

Ref<Object> sig_setitimer(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("setitimer", kw) || !check_nargs("setitimer", nargs, 2, 3)) return nullptr;
  int64_t which;
  if (!index_to_i64(args[0], &which)) return nullptr;
  struct itimerval nv, old;
  std::memset(&nv, 0, sizeof nv);
  if (!seconds_to_timeval(args[1], &nv.it_value)) return nullptr;
  if (nargs == 3 && !seconds_to_timeval(args[2], &nv.it_interval)) return nullptr;
  if (::setitimer(static_cast<int>(which), &nv, &old) < 0) return itimer_failed();
  return timeval_pair(old);
}

Ref<Object> sig_getitimer(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("getitimer", kw) || !check_nargs("getitimer", nargs, 1, 1)) return nullptr;
  int64_t which;
  if (!index_to_i64(args[0], &which)) return nullptr;
  struct itimerval v;
  if (::getitimer(static_cast<int>(which), &v) < 0) return itimer_failed();
  return timeval_pair(v);
}

// pause(): sleeps until a signal arrives, then runs its handler.
Ref<Object> sig_pause(Object*, Object* const*, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("pause", kw) || !check_nargs("pause", nargs, 0, 0)) return nullptr;
  {
    vm::ReleaseGil nogil;
    ::pause();
  }
  if (!signals_run_pending()) return nullptr;
  return none();
}

Ref<Object> sig_siginterrupt(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("siginterrupt", kw) || !check_nargs("siginterrupt", nargs, 2, 2)) return nullptr;
  int signum;
  int64_t flag;
  if (!signum_arg(args[0], &signum) || !index_to_i64(args[1], &flag)) return nullptr;
  struct sigaction sa;
  if (sigaction(signum, nullptr, &sa) < 0) return set_os_error(errno);
  if (flag) sa.sa_flags &= ~SA_RESTART;
  else sa.sa_flags |= SA_RESTART;
  if (sigaction(signum, &sa, nullptr) < 0) return set_os_error(errno);
  return none();
}

Ref<Object> sig_pthread_kill(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("pthread_kill", kw) || !check_nargs("pthread_kill", nargs, 2, 2)) return nullptr;
  int64_t ident, signum;
  if (!index_to_i64(args[0], &ident) || !index_to_i64(args[1], &signum)) return nullptr;
  int err = ::pthread_kill(static_cast<pthread_t>(ident), static_cast<int>(signum));
  if (err != 0) return set_os_error(err);
  if (!signals_run_pending()) return nullptr;
  return none();
}

const MethodDef signal_functions[] = {
    {"set_wakeup_fd", sig_set_wakeup_fd, MethodKind::Instance, "Sets the fd to be written to (with the signal number) when a signal comes in."},
    {"setitimer", sig_setitimer, MethodKind::Instance, "Sets given itimer (one of ITIMER_REAL, ITIMER_VIRTUAL or ITIMER_PROF)."},
    {"getitimer", sig_getitimer, MethodKind::Instance, "Returns current value of given itimer."},
    {"pause", sig_pause, MethodKind::Instance, "Wait until a signal arrives."},
    {"siginterrupt", sig_siginterrupt, MethodKind::Instance, "Change system call restart behaviour."},
    {"pthread_kill", sig_pthread_kill, MethodKind::Instance, "Send a signal to a thread."},
    {"default_int_handler", sig_default_int_handler, MethodKind::Instance,
     "The default handler for SIGINT installed by Python.\n\nIt raises KeyboardInterrupt."},
    {"signal", sig_signal, MethodKind::Instance, "Set the action for the given signal."},
    {"getsignal", sig_getsignal, MethodKind::Instance, "Return the current action for the given signal."},
    {"raise_signal", sig_raise_signal, MethodKind::Instance, "Send a signal to the executing process."},
    {"alarm", sig_alarm, MethodKind::Instance, "Arrange for SIGALRM to arrive after the given number of seconds."},
    {"strsignal", sig_strsignal, MethodKind::Instance, "Return the system description of the given signal."},
    {"valid_signals", sig_valid_signals, MethodKind::Instance, "Return a set of valid signal numbers on this platform."},
    {nullptr},
};

struct NamedInt {
  const char* name;
  int value;
};

const NamedInt kConstants[] = {
    {"SIG_DFL", 0}, {"SIG_IGN", 1}, {"NSIG", NSIG},
    {"SIGHUP", SIGHUP}, {"SIGINT", SIGINT}, {"SIGQUIT", SIGQUIT}, {"SIGILL", SIGILL},
    {"SIGTRAP", SIGTRAP}, {"SIGABRT", SIGABRT}, {"SIGIOT", SIGIOT}, {"SIGBUS", SIGBUS},
    {"SIGFPE", SIGFPE}, {"SIGKILL", SIGKILL}, {"SIGUSR1", SIGUSR1}, {"SIGSEGV", SIGSEGV},
    {"SIGUSR2", SIGUSR2}, {"SIGPIPE", SIGPIPE}, {"SIGALRM", SIGALRM}, {"SIGTERM", SIGTERM},
    {"SIGCHLD", SIGCHLD}, {"SIGCONT", SIGCONT}, {"SIGSTOP", SIGSTOP}, {"SIGTSTP", SIGTSTP},
    {"SIGTTIN", SIGTTIN}, {"SIGTTOU", SIGTTOU}, {"SIGURG", SIGURG}, {"SIGXCPU", SIGXCPU},
    {"SIGXFSZ", SIGXFSZ}, {"SIGVTALRM", SIGVTALRM}, {"SIGPROF", SIGPROF},
    {"SIGWINCH", SIGWINCH}, {"SIGIO", SIGIO}, {"SIGPOLL", SIGPOLL}, {"SIGPWR", SIGPWR},
    {"SIGSYS", SIGSYS}, {"SIGRTMIN", 34}, {"SIGRTMAX", 64},
    {"SIG_BLOCK", SIG_BLOCK}, {"SIG_UNBLOCK", SIG_UNBLOCK}, {"SIG_SETMASK", SIG_SETMASK},
    {"ITIMER_REAL", ITIMER_REAL}, {"ITIMER_VIRTUAL", ITIMER_VIRTUAL}, {"ITIMER_PROF", ITIMER_PROF},
};

// The table as CPython fills it at import: what the OS has for each signal.
Ref<Object> initial_handler(int signum) {
  if (g_handlers[signum]) return borrow(g_handlers[signum]);
  if (signum == SIGINT && g_ours[SIGINT]) return borrow(g_default_int_handler);
  struct sigaction sa;
  if (sigaction(signum, nullptr, &sa) < 0) return none();
  if (sa.sa_handler == SIG_DFL) return int_from_i64(0);
  if (sa.sa_handler == SIG_IGN) return int_from_i64(1);
  return none();
}

}  // namespace

void signals_init() {
  if (install(SIGINT, c_handler)) g_handlers[SIGINT] = nullptr;   // default_int_handler
}

bool signals_tripped() { return g_any_tripped.load(std::memory_order_acquire); }

bool signals_run_pending() {
  if (!g_any_tripped.load(std::memory_order_acquire) || !in_main_thread()) return true;
  g_any_tripped.store(false, std::memory_order_relaxed);
  vm::eval_breaker_clear_bit(vm::kSignalsPending);
  for (int i = 1; i < kNsig; i++) {
    if (!g_tripped[i].exchange(false, std::memory_order_acq_rel)) continue;
    if (!run_handler(i)) {
      // Signals still tripped wait for the next check.
      for (int j = i + 1; j < kNsig; j++) {
        if (!g_tripped[j].load(std::memory_order_acquire)) continue;
        g_any_tripped.store(true, std::memory_order_release);
        vm::eval_breaker_set_bit(vm::kSignalsPending);
        break;
      }
      return false;
    }
  }
  return true;
}

namespace {
bool g_uncaught_interrupt = false;
}

void signals_note_uncaught_interrupt() { g_uncaught_interrupt = true; }
void signals_forget_uncaught_interrupt() { g_uncaught_interrupt = false; }

void signals_exit_if_interrupted() {
  if (!g_uncaught_interrupt) return;
  std::fflush(nullptr);
  struct sigaction sa;
  std::memset(&sa, 0, sizeof sa);
  sa.sa_handler = SIG_DFL;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, nullptr);
  ::kill(::getpid(), SIGINT);
}

bool signals_trip(int signum) {
  if (signum < 1 || signum >= kNsig || !g_ours[signum]) return false;
  c_handler(signum);
  return true;
}

Ref<Object> make_signal_module() {
  Ref<Object> m = module_new_builtin("_signal");
  if (!m || !module_add_functions(m.get(), signal_functions)) return nullptr;
  Dict* d = module_dict(m.get());
  for (const NamedInt& c : kConstants) {
    Ref<Object> v = int_from_i64(c.value);
    if (!v || dict_set_str(d, c.name, v.get()) < 0) return nullptr;
  }
  if (!g_default_int_handler) {
    Object* h = dict_get_cstr(d, "default_int_handler");
    if (!h) return set_error(exc::SystemError, "_signal: default_int_handler missing");
    incref(h);
    g_default_int_handler = h;
  }
  if (!g_itimer_error) {
    Ref<Object> name = str_from("itimer_error");
    Ref<Object> bases = tuple_pack({exc::OSError});
    Ref<Dict> ns = dict_new();
    Ref<Object> modname = str_from("signal");
    if (!name || !bases || !ns || !modname || dict_set_str(ns.get(), "__module__", modname.get()) < 0)
      return nullptr;
    Object* targs[3] = {name.get(), bases.get(), ns.get()};
    Ref<Object> cls = call(&TypeType, targs, 3);
    if (!cls) return nullptr;
    g_itimer_error = cls.release();
  }
  if (!module_add_object(m.get(), "ItimerError", g_itimer_error)) return nullptr;
  for (int i = 1; i < kNsig; i++) {
    Ref<Object> h = initial_handler(i);
    if (!h) return nullptr;
    set_handler(i, h.get() == None ? nullptr : h.get());
  }
  return m;
}

}  // namespace coil::runtime
