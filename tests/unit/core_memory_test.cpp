// core_memory_test.cpp — running out of memory raises MemoryError, and the
// compact layouts of int and dict keep their invariants.
//
// The exhaustion tests fork: the child lowers its address-space limit
// (RLIMIT_AS) to what it already uses plus a little, runs Python code that
// allocates until the allocator fails, and reports through its exit status
// whether a MemoryError reached Python code — the parent only waits.  A
// crash (std::bad_alloc, abort, segfault) shows as a signal.  Sanitizer
// builds reserve terabytes of shadow memory up front, so there the tests
// are skipped.
#include <gtest/gtest.h>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <string>

#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/int.h"
#include "runtime/str.h"
#include "vm/code.h"
#include "vm/interp.h"
#include "tests/unit/vm_test_base.h"

using namespace coil::runtime;
using namespace coil::vm;

#if defined(__SANITIZE_ADDRESS__)
#define COIL_UNDER_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer)
#define COIL_UNDER_SANITIZER 1
#endif
#endif

namespace {

class MemoryTest : public coil::testing::VmTest {
 protected:
  // Runs `source` in a fresh module namespace; the raised exception's
  // type name, or "" when it ran to the end.
  static std::string run(const std::string& source) {
    Ref<Object> code = compile_source(source, "<test>", "exec");
    if (!code) { clear_error(); return "<compile error>"; }
    Ref<Dict> globals = dict_new();
    dict_set(globals.get(), intern("__name__"), str_from("__test__").get());
    Ref<Object> r = eval_code(static_cast<Code*>(code.get()), globals.get(), globals.get());
    if (r) return "";
    Ref<Object> e = fetch_error();
    return e ? std::string(type_name(e->type)) : "<no exception>";
  }

  // The process's current virtual size in bytes (/proc/self/statm).
  static uint64_t address_space_in_use() {
    FILE* f = std::fopen("/proc/self/statm", "r");
    unsigned long pages = 0;
    if (f) {
      if (std::fscanf(f, "%lu", &pages) != 1) pages = 0;
      std::fclose(f);
    }
    return static_cast<uint64_t>(pages) * static_cast<uint64_t>(sysconf(_SC_PAGESIZE));
  }

  // Forks; the child limits its address space to what it uses plus
  // `headroom` bytes and runs `source`.  Returns the child's exit status:
  // 0 when the code raised MemoryError, 1 when it raised something else,
  // 2 when it finished without an error, 4 when a C++ exception escaped;
// -signal when it crashed.
  static int run_limited(const std::string& source, uint64_t headroom) {
    std::fflush(nullptr);
    pid_t pid = fork();
    if (pid == 0) {
      rlimit lim{};
      lim.rlim_cur = lim.rlim_max = address_space_in_use() + headroom;
      if (setrlimit(RLIMIT_AS, &lim) != 0) _exit(3);
      std::string raised;
      try {
        raised = run(source);
      } catch (...) {   // a C++ exception escaped the runtime: a bug
        std::fprintf(stderr, "a C++ exception escaped\n");
        _exit(4);
      }
      if (raised != "MemoryError" && !raised.empty()) std::fprintf(stderr, "raised %s\n", raised.c_str());
      _exit(raised == "MemoryError" ? 0 : raised.empty() ? 2 : 1);
    }
    int status = 0;
    if (pid < 0 || waitpid(pid, &status, 0) != pid) return -1000;
    if (WIFSIGNALED(status)) return -WTERMSIG(status);
    return WEXITSTATUS(status);
  }
};

constexpr uint64_t kHeadroom = uint64_t{96} << 20;

#ifdef COIL_UNDER_SANITIZER
#define SKIP_UNDER_SANITIZER() GTEST_SKIP() << "RLIMIT_AS and sanitizer shadow memory do not mix"
#else
#define SKIP_UNDER_SANITIZER() (void)0
#endif

// Both once crashed: the traceback entry's failed allocation dropped the
// MemoryError on its way to the handler, and the cycle collector let
// std::bad_alloc escape when memory was full.
TEST_F(MemoryTest, ManySmallObjectsUntilExhaustionRaiseMemoryError) {
  SKIP_UNDER_SANITIZER();
  // Pooled blocks: tuples, floats and ints from fresh arenas.
  EXPECT_EQ(0, run_limited("xs = []\n"
                           "i = 1000\n"
                           "while True:\n"
                           "    xs.append((i, i + 0.5))\n"
                           "    i += 1\n",
                           kHeadroom));
}

TEST_F(MemoryTest, GrowingDictUntilExhaustionRaisesMemoryError) {
  SKIP_UNDER_SANITIZER();
  // The dict's table block and the ints it holds.
  EXPECT_EQ(0, run_limited("d = {}\n"
                           "i = 1000\n"
                           "while True:\n"
                           "    d[i] = i\n"
                           "    i += 1\n",
                           kHeadroom));
}

TEST_F(MemoryTest, ManyInstanceDictsUntilExhaustionRaiseMemoryError) {
  SKIP_UNDER_SANITIZER();
  EXPECT_EQ(0, run_limited("class Node:\n"
                           "    def __init__(self, v, p):\n"
                           "        self.v = v\n"
                           "        self.p = p\n"
                           "n = None\n"
                           "while True:\n"
                           "    n = Node(1000, n)\n",
                           kHeadroom));
}

TEST_F(MemoryTest, LargeBuffersBeyondTheLimitRaiseMemoryError) {
  SKIP_UNDER_SANITIZER();
  for (const char* expr : {"[0] * 10**9", "bytearray(10**9)", "bytes(10**9)", "'x' * 10**9",
                           "b'x' * 10**9", "(0,) * 10**9", "1 << 10**10"}) {
    EXPECT_EQ(0, run_limited(std::string("x = ") + expr + "\n", kHeadroom)) << expr;
  }
}

TEST_F(MemoryTest, ProgramContinuesAfterMemoryError) {
  SKIP_UNDER_SANITIZER();
  // The MemoryError is an ordinary exception: once the big list is gone
  // the program allocates again and finishes (status 2: no error).
  EXPECT_EQ(2, run_limited("xs = []\n"
                           "try:\n"
                           "    while True:\n"
                           "        xs.append([0] * 100000)\n"
                           "except MemoryError:\n"
                           "    n = len(xs)\n"
                           "    xs = None\n"
                           "assert n > 10\n"
                           "ys = [[0] * 100000 for _ in range(10)]\n",
                           kHeadroom));
}

// ---- the int layout -------------------------------------------------------------

TEST_F(MemoryTest, IntTagValueIsStoredBigAndConvertsBack) {
  Ref<Object> min = int_from_i64(INT64_MIN);
  ASSERT_TRUE(min);
  EXPECT_FALSE(int_is_small(min.get()));   // INT64_MIN is the big form's tag
  int64_t v = 0;
  EXPECT_TRUE(int_fits_i64(min.get(), &v));
  EXPECT_EQ(INT64_MIN, v);
  Ref<Object> next = int_from_i64(INT64_MIN + 1);
  EXPECT_TRUE(int_is_small(next.get()));
  EXPECT_EQ(INT64_MIN + 1, int_small_value(next.get()));
  EXPECT_EQ(-1, int_compare(min.get(), next.get()));
  EXPECT_EQ(sizeof(Object) + 8, sizeof(Int));
}

TEST_F(MemoryTest, SmallDictTableGrowsWithoutLosingKeys) {
  Ref<Dict> d = dict_new();
  for (int64_t i = 0; i < 40; i++) {
    Ref<Object> k = int_from_i64(i * 1000);
    ASSERT_EQ(0, dict_set(d.get(), k.get(), k.get()));
    for (int64_t j = 0; j <= i; j++) {
      Ref<Object> q = int_from_i64(j * 1000);
      Object* got = dict_get(d.get(), q.get());
      ASSERT_TRUE(got) << i << " " << j;
      EXPECT_EQ(j * 1000, int_small_value(got));
    }
  }
  EXPECT_EQ(40u, dict_size(d.get()));
}

}  // namespace
