// core_gil_test.cpp — the GIL's hand-over protocol (vm/gil.h), seen from
// threads that imitate the eval loop: they hold the GIL, "run bytecode"
// (spin), and test the eval-breaker word the way JUMP_BACKWARD does.
//
// What is checked: a waiting thread gets the GIL under contention; every
// contender gets turns (nobody starves) and the turns are fair (round
// robin); a turn lasts about one switch interval; a thread that releases
// the GIL around a blocking call lets others run meanwhile and gets it
// back after; a lone thread is never asked to drop it; and Python code
// with _thread really overlaps sleeping threads.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <string>
#include <chrono>
#include <thread>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/float.h"
#include "runtime/str.h"
#include "vm/code.h"
#include "vm/gil.h"
#include "vm/interp.h"
#include "vm/threadstate.h"
#include "tests/unit/vm_test_base.h"

using namespace coil::runtime;
using namespace coil::vm;
using Clock = std::chrono::steady_clock;

namespace {

class GilTest : public coil::testing::VmTest {
 protected:
  void SetUp() override { saved_interval_ = gil_switch_interval_us(); }
  void TearDown() override { gil_set_switch_interval_us(saved_interval_); }

 private:
  int64_t saved_interval_ = 5000;
};

// One simulated Python thread: holds the GIL and spins until `stop`,
// honouring drop requests as the eval loop does.  Records its turns.
struct Spinner {
  std::atomic<bool>* stop = nullptr;
  std::atomic<int64_t>* total_turns = nullptr;
  std::atomic<int>* running = nullptr;   // spinners that have had the GIL once
  int n = 1;                          // how many spinners there are
  int64_t turns = 0;                  // times it got the GIL back after yielding
  std::vector<double> turn_ms;        // how long each turn lasted

  void run() {
    ThreadState* ts = thread_state_new();
    set_current_thread_state(ts);
    gil_acquire(ts);
    running->fetch_add(1);
    Clock::time_point start = Clock::now();
    while (!stop->load(std::memory_order_relaxed)) {
      if (g_eval_breaker.load(std::memory_order_relaxed) & kGilDropRequest) {
        turn_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
        gil_yield(ts);
        start = Clock::now();
        // Turns count once every spinner is in the rotation: on a loaded
        // machine the OS may start the last thread late.
        if (running->load() == n) {
          turns++;
          total_turns->fetch_add(1);
        }
      }
    }
    gil_release(ts);
    set_current_thread_state(nullptr);
    thread_state_delete(ts);
  }
};

// Runs `n` spinners, with the test's own (main) thread out of the way,
// until they have had `target` turns between them or `max_ms` passed.
// Counting turns rather than time keeps the tests meaningful on a loaded
// machine, where the OS may not schedule a woken waiter for a while.
std::vector<Spinner> contend(int n, int64_t target, int max_ms) {
  std::atomic<bool> stop{false};
  std::atomic<int64_t> total{0};
  std::atomic<int> running{0};
  std::vector<Spinner> spinners(n);
  std::vector<std::thread> threads;
  {
    ReleaseGil nogil;
    for (auto& s : spinners) {
      s.stop = &stop;
      s.total_turns = &total;
      s.running = &running;
      s.n = n;
      threads.emplace_back([&s] { s.run(); });
    }
    Clock::time_point deadline = Clock::now() + std::chrono::milliseconds(max_ms);
    while (total.load() < target && Clock::now() < deadline)
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    stop = true;
    for (auto& t : threads) t.join();
  }
  return spinners;
}

double median_turn_ms(const std::vector<Spinner>& spinners) {
  std::vector<double> turns;
  // The first turn of each thread started before the others queued.
  for (auto& sp : spinners)
    if (sp.turn_ms.size() > 1) turns.insert(turns.end(), sp.turn_ms.begin() + 1, sp.turn_ms.end());
  if (turns.empty()) return -1;
  std::sort(turns.begin(), turns.end());
  return turns[turns.size() / 2];
}

TEST_F(GilTest, MainThreadHoldsTheGilAfterInit) {
  ThreadState* ts = current_thread_state();
  ASSERT_NE(ts, nullptr);
  EXPECT_TRUE(ts->is_main);
  EXPECT_TRUE(gil_held_by(ts));
  {
    ReleaseGil nogil;
    EXPECT_EQ(gil_holder(), nullptr);
  }
  EXPECT_TRUE(gil_held_by(ts));
}

TEST_F(GilTest, WaiterGetsTheGilUnderContention) {
  gil_set_switch_interval_us(1000);
  uint64_t before = gil_switch_count();
  std::vector<Spinner> s = contend(2, 20, 10000);
  // Both threads ran more than once: the GIL went back and forth.
  EXPECT_GE(s[0].turns, 5);
  EXPECT_GE(s[1].turns, 5);
  EXPECT_GE(gil_switch_count() - before, 20u);
}

TEST_F(GilTest, NoThreadStarvesAndTurnsAreRoundRobin) {
  gil_set_switch_interval_us(1000);
  std::vector<Spinner> s = contend(4, 60, 20000);
  int64_t lo = s[0].turns, hi = s[0].turns;
  for (auto& sp : s) {
    lo = std::min(lo, sp.turns);
    hi = std::max(hi, sp.turns);
  }
  EXPECT_GE(lo, 8) << "a thread starved";
  // FIFO hand-over: the counts differ by a couple at most, not by a factor.
  EXPECT_LE(hi - lo, 3) << "lo=" << lo << " hi=" << hi;
}

TEST_F(GilTest, SwitchIntervalIsHonouredWithinASmallFactor) {
  // A holder is asked to drop the GIL no sooner than one interval after
  // the waiter queued, and (on an idle machine) not much later.
  double short_ms = 0, long_ms = 0;
  for (int64_t interval_us : {10000, 40000}) {
    gil_set_switch_interval_us(interval_us);
    std::vector<Spinner> s = contend(2, 10, 20000);
    double median = median_turn_ms(s);
    double expected = interval_us / 1000.0;
    ASSERT_GT(median, 0);
    EXPECT_GE(median, expected * 0.9) << "interval " << interval_us << "us";
    EXPECT_LE(median, expected * 3 + 30) << "interval " << interval_us << "us";
    (interval_us == 10000 ? short_ms : long_ms) = median;
  }
  EXPECT_GT(long_ms, short_ms * 1.5);
}

TEST_F(GilTest, LoneThreadIsNeverAskedToDrop) {
  gil_set_switch_interval_us(500);
  std::vector<Spinner> s = contend(1, 1, 50);
  EXPECT_EQ(s[0].turns, 0);
  EXPECT_EQ(g_eval_breaker.load() & kGilDropRequest, 0);
}

TEST_F(GilTest, BlockingCallReleasesAndReacquires) {
  // Thread A takes the GIL, then "blocks" for 100 ms inside ReleaseGil.
  // Thread B must get the GIL during that window, long before A is back.
  std::atomic<bool> a_blocking{false};
  std::atomic<bool> a_back{false};
  double b_wait_ms = -1;
  bool a_holds_after = false;
  {
    ReleaseGil nogil;
    std::thread a([&] {
      ThreadState* ts = thread_state_new();
      set_current_thread_state(ts);
      gil_acquire(ts);
      {
        ReleaseGil blocking;
        a_blocking = true;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
      }
      a_holds_after = gil_held_by(ts);
      a_back = true;
      gil_release(ts);
      set_current_thread_state(nullptr);
      thread_state_delete(ts);
    });
    while (!a_blocking) std::this_thread::yield();
    std::thread b([&] {
      ThreadState* ts = thread_state_new();
      set_current_thread_state(ts);
      Clock::time_point t0 = Clock::now();
      gil_acquire(ts);
      b_wait_ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
      EXPECT_FALSE(a_back.load());
      gil_release(ts);
      set_current_thread_state(nullptr);
      thread_state_delete(ts);
    });
    b.join();
    a.join();
  }
  EXPECT_GE(b_wait_ms, 0);
  EXPECT_LT(b_wait_ms, 50);
  EXPECT_TRUE(a_holds_after);
  EXPECT_TRUE(gil_held_by(current_thread_state()));
}

// Runs `src` as a module; the namespace, or null (with a failure) if it raised.
Ref<Dict> run_python(const std::string& src) {
  Ref<Object> code = compile_source(src, "<gil-test>", "exec");
  EXPECT_TRUE(code);
  if (!code) return nullptr;
  Ref<Dict> g = dict_new();
  dict_set(g.get(), intern("__name__"), str_from("__gil_test__").get());
  dict_set(g.get(), intern("__builtins__"), interp().builtins_module.get());
  Ref<Object> r = eval_code(static_cast<Code*>(code.get()), g.get(), g.get());
  if (!r) {
    Ref<Object> e = fetch_error();
    std::string text;
    if (e && !repr_utf8(e.get(), &text)) clear_error();
    ADD_FAILURE() << "the program raised " << text;
    return nullptr;
  }
  return g;
}

TEST_F(GilTest, SignalWritesItsNumberToTheWakeupFd) {
  // The C handler itself writes the byte (an event loop blocked in select()
  // wakes up); the Python handler runs afterwards, in the main thread.
  int fds[2];
  ASSERT_EQ(pipe2(fds, O_NONBLOCK), 0);
  // Native modules only: the unit tests have no sys.path for os.py.
  std::string src = "import posix, _signal as signal\n"
                    "seen = []\n"
                    "signal.signal(signal.SIGUSR2, lambda n, f: seen.append(n))\n"
                    "old = signal.set_wakeup_fd(" + std::to_string(fds[1]) + ")\n"
                    "posix.kill(posix.getpid(), signal.SIGUSR2)\n"
                    "signal.set_wakeup_fd(old)\n"
                    "signal.signal(signal.SIGUSR2, signal.SIG_DFL)\n";
  Ref<Dict> g = run_python(src);
  unsigned char byte = 0;
  EXPECT_EQ(read(fds[0], &byte, 1), 1);
  EXPECT_EQ(byte, SIGUSR2);
  close(fds[0]);
  close(fds[1]);
  ASSERT_TRUE(g);
  Object* seen = dict_get_str(g.get(), intern("seen"));
  ASSERT_TRUE(seen);
  Ref<Object> text = repr(seen);
  ASSERT_TRUE(text);
  EXPECT_EQ(str_view(text.get()), "[" + std::to_string(SIGUSR2) + "]");
}

TEST_F(GilTest, SleepingPythonThreadsOverlap) {
  // Four threads each sleep 0.2 s; with the GIL released around sleep the
  // whole thing takes about 0.2 s, not 0.8 s.
  const char* src = R"PY(
import _thread, time
lock = _thread.allocate_lock()
done = []
def sleeper():
    time.sleep(0.2)
    with lock:
        done.append(1)
t0 = time.monotonic()
for _ in range(4):
    _thread.start_new_thread(sleeper, ())
while True:
    with lock:
        if len(done) == 4:
            break
    time.sleep(0.005)
elapsed = time.monotonic() - t0
while _thread._count():
    time.sleep(0.001)
)PY";
  Ref<Object> code = compile_source(src, "<gil-test>", "exec");
  ASSERT_TRUE(code);
  Ref<Dict> g = dict_new();
  dict_set(g.get(), intern("__name__"), str_from("__gil_test__").get());
  dict_set(g.get(), intern("__builtins__"), interp().builtins_module.get());
  Ref<Object> r = eval_code(static_cast<Code*>(code.get()), g.get(), g.get());
  ASSERT_TRUE(r) << "the program raised";
  Object* elapsed = dict_get_str(g.get(), intern("elapsed"));
  ASSERT_TRUE(elapsed && float_check(elapsed));
  EXPECT_LT(float_value(elapsed), 0.6);
  EXPECT_GE(float_value(elapsed), 0.19);
}

}  // namespace
