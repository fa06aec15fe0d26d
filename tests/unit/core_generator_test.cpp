// core_generator_test.cpp — invariants of generators as suspended frames
// (vm/generator.cpp) that golden tests cannot see: the thread's recursion
// depth and current frame are restored after every way of leaving a
// generator (yield, return, raise, throw, close — inline or not), a
// finished generator has released its frame, a suspended frame keeps its
// value stack and instruction pointer, close() releases the locals at
// once, and a deep `yield from` chain runs without C++ recursion.
#include <gtest/gtest.h>

#include <string>

#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/int.h"
#include "runtime/str.h"
#include "vm/code.h"
#include "vm/generator.h"
#include "vm/interp.h"
#include "vm/opcodes.h"
#include "vm/frame.h"
#include "vm/threadstate.h"
#include "tests/unit/vm_test_base.h"

using namespace coil::runtime;
using namespace coil::vm;

namespace {

class GeneratorTest : public coil::testing::VmTest {
 protected:
  Object* get(Dict* d, const char* name) { return dict_get_str(d, intern(name)); }
};

TEST_F(GeneratorTest, ThreadStateRestoredAfterEveryExit) {
  ThreadState* ts = current_thread_state();
  int depth = ts->recursion_depth;
  Frame* frame = ts->frame;
  Ref<Dict> g = run(R"(
def inner():
    try:
        x = yield 1
        yield x
    finally:
        pass
    return 5
def outer():
    r = yield from inner()
    yield r
a = outer(); next(a); a.send(2); next(a)
b = outer(); next(b)
try:
    b.throw(KeyError)
except KeyError:
    pass
c = outer(); next(c); c.close()
d = list(outer())
)");
  EXPECT_EQ(ts->recursion_depth, depth);
  EXPECT_EQ(ts->frame, frame);
  EXPECT_FALSE(error_occurred());
}

TEST_F(GeneratorTest, FinishedGeneratorReleasesItsFrame) {
  Ref<Dict> g = run(R"(
def gen():
    yield 1
done = gen(); list(done)
closed = gen(); next(closed); closed.close()
fresh = gen(); fresh.close()
live = gen(); next(live)
)");
  for (const char* name : {"done", "closed", "fresh"}) {
    Object* o = get(g.get(), name);
    ASSERT_NE(o, nullptr);
    EXPECT_EQ(static_cast<Generator*>(o)->frame, nullptr) << name;
  }
  auto* live = static_cast<Generator*>(get(g.get(), "live"));
  ASSERT_NE(live->frame, nullptr);
  EXPECT_EQ(live->frame->state, FrameState::Suspended);
  EXPECT_TRUE(live->frame->on_heap);
  EXPECT_EQ(live->frame->owner, live);
}

TEST_F(GeneratorTest, YieldedValuesAreNotLeaked) {
  Ref<Dict> g = run(R"(
token = object()
def gen():
    for _ in range(100):
        yield token
for _ in gen():
    pass
del _
)");
  Object* token = get(g.get(), "token");
  ASSERT_NE(token, nullptr);
  // The module dict holds the only reference once the loop is over.
  EXPECT_EQ(token->refcnt, 1);
}

// gen.send(v) from bytecode runs the generator's frame in the caller's
// loop (CALL of the send method): every way out of it must restore the
// thread's depth and frame, and neither the sent values, the yielded ones
// nor the generator may gain or lose a reference.
TEST_F(GeneratorTest, InlineSendKeepsStateAndRefcounts) {
  ThreadState* ts = current_thread_state();
  int depth = ts->recursion_depth;
  Frame* frame = ts->frame;
  Ref<Dict> g = run(R"(
sent = object()
token = object()
def echo():
    while True:
        got = yield token
        if got is None:
            return got
        if got == 0:
            raise KeyError(got)
def drive():
    e = echo()
    e.send(None)
    for _ in range(50):
        e.send(sent)
    return e
kept = drive()
try:
    kept.send(0)
except KeyError:
    pass
e2 = echo(); e2.send(None)
try:
    e2.send(None)
except StopIteration:
    pass
try:
    echo().send(1)
except TypeError:
    pass
)");
  EXPECT_EQ(ts->recursion_depth, depth);
  EXPECT_EQ(ts->frame, frame);
  EXPECT_FALSE(error_occurred());
  // Only the module dict holds these once the sends are over (the raising
  // and the returning bodies have dropped their frames).
  for (const char* name : {"sent", "token", "kept", "e2"}) {
    Object* o = get(g.get(), name);
    ASSERT_NE(o, nullptr);
    EXPECT_EQ(o->refcnt, 1) << name;
  }
  EXPECT_EQ(static_cast<Generator*>(get(g.get(), "kept"))->frame, nullptr);
  EXPECT_EQ(static_cast<Generator*>(get(g.get(), "e2"))->frame, nullptr);
  EXPECT_EQ(ts->handled.get(), nullptr);
}

// A suspended frame keeps exactly what it had: the value stack holds the
// partial results of the expression it stopped in (here the pending
// `1000 + ...` and the list being built), and the instruction pointer
// resumes right after the YIELD_VALUE.
TEST_F(GeneratorTest, SuspensionKeepsValueStackAndInstructionPointer) {
  Ref<Dict> g = run(R"(
def gen():
    x = [1000 + (yield "a"), 2000 + (yield "b")]
    return x
it = gen()
first = next(it)
)");
  auto* it = static_cast<Generator*>(get(g.get(), "it"));
  ASSERT_NE(it->frame, nullptr);
  Frame* f = it->frame;
  const Instr* ip_before = f->ip;
  Object** sp_before = f->sp;
  // Suspended in the middle of the list display: 1000 is on the stack.
  ASSERT_GT(sp_before - f->stack_base(), 0);
  int64_t v = 0;
  EXPECT_TRUE(int_fits_i64(sp_before[-1], &v));
  EXPECT_EQ(v, 1000);
  EXPECT_EQ(instr_op(ip_before[-1]), Opcode::YIELD_VALUE);
  // Resume: the sent value lands where the yield was, and the frame stops
  // again at the second yield further on.
  Object* arg = int_from_i64(5).release();
  Ref<Object> second = call_method(it, intern("send"), &arg, 1);
  decref(arg);
  ASSERT_TRUE(second);
  EXPECT_EQ(str_view(second.get()), "b");
  EXPECT_GT(f->ip, ip_before);
  arg = int_from_i64(7).release();
  Ref<Object> done = call_method(it, intern("send"), &arg, 1);
  decref(arg);
  EXPECT_FALSE(done);
  Ref<Object> exc = fetch_error();
  ASSERT_TRUE(exc);
  Ref<Object> value = getattr(exc.get(), "value");
  ASSERT_TRUE(value);
  std::string text;
  repr_utf8(value.get(), &text);
  EXPECT_EQ(text, "[1005, 2007]");
}

// close() runs the frame's finally blocks and drops its locals at once:
// the objects they referenced are back to the references the test holds.
TEST_F(GeneratorTest, CloseReleasesLocalsImmediately) {
  Ref<Dict> g = run(R"(
payload = object()
log = []
def gen(p):
    local_alias = p
    try:
        yield 1
    finally:
        log.append("finally")
it = gen(payload)
next(it)
)");
  Object* payload = get(g.get(), "payload");
  ASSERT_NE(payload, nullptr);
  intptr_t suspended = payload->refcnt;   // module dict + parameter + alias
  EXPECT_EQ(suspended, 3);
  Ref<Object> r = call_method(get(g.get(), "it"), intern("close"), nullptr, 0);
  ASSERT_TRUE(r);
  EXPECT_EQ(payload->refcnt, 1);
  auto* log = get(g.get(), "log");
  std::string text;
  repr_utf8(log, &text);
  EXPECT_EQ(text, "['finally']");
}

TEST_F(GeneratorTest, DeepYieldFromChainNeedsNoCppRecursion) {
  // 20,000 levels resumed inline: a nested run_frame per level would
  // overflow the C++ stack long before this.
  Ref<Dict> g = run(R"(
import sys
sys.setrecursionlimit(25000)
def chain(n):
    if n == 0:
        x = yield "bottom"
        return x
    return (yield from chain(n - 1))
c = chain(20000)
first = next(c)
try:
    c.send(7)
except StopIteration as e:
    result = e.value
sys.setrecursionlimit(1000)
)");
  Object* result = get(g.get(), "result");
  ASSERT_NE(result, nullptr);
  int64_t v = 0;
  EXPECT_TRUE(int_fits_i64(result, &v));
  EXPECT_EQ(v, 7);
}

}  // namespace
