// gil.cpp — the global interpreter lock: who runs, and how the turn passes.
//
// WHY A GIL.  Every object's refcount is a plain integer and every
// container is mutated without locks.  Instead of making each of those
// operations atomic (slow, and easy to get wrong), coil lets exactly one
// thread at a time run bytecode or touch objects: the thread holding the
// GIL.  Other threads are either waiting for it or doing something that
// needs no objects — sleeping, reading a file, waiting on a lock,
// compressing a buffer — inside a ReleaseGil guard.
//
// THE STATE.  A mutex protects three fields: `owner` (the ThreadState
// holding the GIL, or null), a FIFO `queue` of waiting threads, and a
// `switches` counter bumped at every change of owner.  Each waiter sleeps
// on its own condition variable, so a release wakes exactly one thread.
//
// TAKING THE GIL.  A thread that finds the GIL free and nobody queued takes
// it at once.  Otherwise it joins the back of the queue and sleeps for at
// most one switch interval (5 ms by default).  If it wakes by timeout and
// the GIL has not changed hands meanwhile, the holder has had its turn: the
// waiter sets the drop request bit of the eval-breaker word.
//
// GIVING IT UP.  The running thread tests the eval-breaker word at every
// backward jump (one relaxed load and a branch, so a single-threaded
// program does not notice).  Seeing the drop request it calls gil_yield():
// release, then queue up again behind the others.
//
// FAIRNESS.  A release does not just open the lock for whoever grabs it
// first; it hands the GIL to the thread at the FRONT of the queue (owner is
// set by the releasing thread).  So the thread that asked for the switch is
// the one that runs next, and the yielding thread goes to the back: CPU
// bound threads take turns of one switch interval each, round robin.  This
// is the guarantee CPython gets with FORCE_SWITCHING, made structural.
//
// FINALIZING.  After threading._shutdown() the main thread tears the
// interpreter down while daemon threads may still exist.  From then on a
// release hands the GIL to nobody but the main thread, and any other thread
// that tries to take it blocks for ever (the process exit ends it): it
// never touches freed state.  The GIL's own state is allocated once and
// never freed, so the blocked threads' mutex and condition variables stay
// valid until the very end.
#include "vm/gil.h"

#include <pthread.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>

#include "vm/threadstate.h"

namespace coil::vm {

namespace {

using Clock = std::chrono::steady_clock;

struct Waiter {
  ThreadState* ts;
  std::condition_variable wake;   // notified when `ts` becomes the owner
};

struct Gil {
  std::mutex mu;
  ThreadState* owner = nullptr;
  ThreadState* main = nullptr;
  std::deque<Waiter*> queue;
  uint64_t switches = 0;
  bool finalizing = false;
  std::condition_variable never;  // what a daemon thread waits on at exit
};

std::atomic<int64_t> g_interval_us{5000};

// Never destroyed: threads blocked at exit still use its mutex.
Gil& gil() {
  static Gil* g = new Gil;
  return *g;
}

// `ts` becomes the holder (g.mu held).
void take(Gil& g, ThreadState* ts) {
  g.owner = ts;
  g.switches++;
  eval_breaker_clear_bit(kGilDropRequest);
}

// Hands the free GIL to the longest waiter that may run (g.mu held).
void hand_over(Gil& g) {
  for (auto it = g.queue.begin(); it != g.queue.end(); ++it) {
    Waiter* w = *it;
    if (g.finalizing && w->ts != g.main) continue;
    g.queue.erase(it);
    take(g, w->ts);
    w->wake.notify_one();
    return;
  }
}

[[noreturn]] void block_forever(std::unique_lock<std::mutex>& lk) {
  Gil& g = gil();
  for (;;) g.never.wait(lk);
}

std::chrono::microseconds interval() {
  // At least 1 us (sys.setswitchinterval(1e-9) stores 0); at most an hour,
  // so that the deadline wait_for computes cannot overflow.
  int64_t us = g_interval_us.load(std::memory_order_relaxed);
  return std::chrono::microseconds(std::clamp<int64_t>(us, 1, int64_t(3600) * 1000000));
}

// fork() copies only the calling thread (which holds the GIL, since it ran
// os.fork).  The child must not hand the GIL to queued threads that do not
// exist there, nor find the mutex locked by one of them: the parent locks
// it around fork(), and the child starts a fresh GIL owned by the forking
// thread, which becomes its main thread (as in CPython).
void atfork_prepare() { gil().mu.lock(); }
void atfork_parent() { gil().mu.unlock(); }
void atfork_child() {
  Gil& g = gil();
  new (&g) Gil();   // the old state belongs to threads that are gone
  ThreadState* ts = current_thread_state();
  g.main = ts;
  if (ts) {
    ts->is_main = true;
    take(g, ts);
  }
}

}  // namespace

void gil_init_main(ThreadState* ts) {
  Gil& g = gil();
  {
    std::lock_guard<std::mutex> lk(g.mu);
    g.main = ts;
    if (g.owner == ts || g.owner) return;
    take(g, ts);
  }
  pthread_atfork(atfork_prepare, atfork_parent, atfork_child);
}

void gil_acquire(ThreadState* ts) {
  Gil& g = gil();
  std::unique_lock<std::mutex> lk(g.mu);
  if (g.owner == ts) return;
  if (g.finalizing && ts != g.main) block_forever(lk);
  // While finalizing the main thread does not queue behind daemon threads.
  if (!g.owner && (g.queue.empty() || g.finalizing)) {
    take(g, ts);
    return;
  }
  Waiter w{ts, {}};
  g.queue.push_back(&w);
  while (g.owner != ts) {
    uint64_t seen = g.switches;
    bool timed_out = w.wake.wait_for(lk, interval()) == std::cv_status::timeout;
    if (g.owner == ts) break;
    if (g.finalizing && ts != g.main) {
      std::erase(g.queue, &w);
      block_forever(lk);
    }
    // The holder has had a whole interval: ask it to let go.
    if (timed_out && g.switches == seen && g.owner) eval_breaker_set_bit(kGilDropRequest);
  }
}

bool gil_release(ThreadState* ts) {
  Gil& g = gil();
  std::lock_guard<std::mutex> lk(g.mu);
  if (g.owner != ts) return false;   // not ours: nothing to give up
  g.owner = nullptr;
  hand_over(g);
  return true;
}

void gil_yield(ThreadState* ts) {
  Gil& g = gil();
  {
    std::lock_guard<std::mutex> lk(g.mu);
    if (g.owner != ts) return;
    if (g.queue.empty()) {
      // Nobody is waiting any more (the requester took another path).
      eval_breaker_clear_bit(kGilDropRequest);
      return;
    }
    g.owner = nullptr;
    hand_over(g);
  }
  gil_acquire(ts);
}

ThreadState* gil_holder() {
  Gil& g = gil();
  std::lock_guard<std::mutex> lk(g.mu);
  return g.owner;
}

bool gil_held_by(ThreadState* ts) { return gil_holder() == ts; }

uint64_t gil_switch_count() {
  Gil& g = gil();
  std::lock_guard<std::mutex> lk(g.mu);
  return g.switches;
}

void gil_set_switch_interval_us(int64_t us) { g_interval_us.store(us, std::memory_order_relaxed); }
int64_t gil_switch_interval_us() { return g_interval_us.load(std::memory_order_relaxed); }

void gil_begin_finalizing() {
  Gil& g = gil();
  std::lock_guard<std::mutex> lk(g.mu);
  g.finalizing = true;
}

bool gil_finalizing() {
  Gil& g = gil();
  std::lock_guard<std::mutex> lk(g.mu);
  return g.finalizing;
}

ReleaseGil::ReleaseGil() : ts_(current_thread_state()) {
  // A thread that does not hold the GIL (nested guard) has nothing to give back.
  if (ts_ && !gil_release(ts_)) ts_ = nullptr;
}

ReleaseGil::~ReleaseGil() {
  if (ts_) gil_acquire(ts_);
}

}  // namespace coil::vm
