// core_gc_test.cpp — invariants of the cycle collector (runtime/gc.cpp)
// seen from C++: cycles of lists, dicts, instances, closures and
// generators are freed by a collection and not before; reachable objects
// keep exactly their refcounts across a collection (the in-place marks
// are all removed); containers are tracked and atoms are not; a __del__
// in a cycle runs once, and an object it resurrects survives intact.
#include <gtest/gtest.h>

#include <string>

#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/singletons.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "vm/code.h"
#include "vm/interp.h"
#include "tests/unit/vm_test_base.h"

using namespace coil::runtime;
using namespace coil::vm;

namespace {

class GcTest : public coil::testing::VmTest {
 protected:
  void SetUp() override {
    gc::collect(2);   // start from a clean heap
  }

  int64_t int_of(Dict* d, const char* name) {
    Object* v = dict_get_str(d, intern(name));
    int64_t out = -1;
    EXPECT_TRUE(v && int_to_i64(v, &out)) << name;
    return out;
  }

  // How many objects of the module's `log` list (a list of str).
  size_t log_size(Dict* d) {
    Object* v = dict_get_str(d, intern("log"));
    return v ? static_cast<List*>(v)->size : 0;
  }
};

TEST_F(GcTest, SelfReferencingListIsCollected) {
  Ref<List> l = list_new(0);
  ASSERT_TRUE(list_append(l.get(), l.get()));
  EXPECT_TRUE(gc::is_tracked(l.get()));
  EXPECT_EQ(l->refcnt, 2);
  // While we hold it, nothing is garbage and the count is untouched.
  EXPECT_EQ(gc::collect(2), 0);
  EXPECT_EQ(l->refcnt, 2);
  l.reset();
  EXPECT_EQ(gc::collect(2), 1);
}

TEST_F(GcTest, YoungCollectionFindsYoungCycle) {
  Ref<List> a = list_new(0);
  Ref<List> b = list_new(0);
  list_append(a.get(), b.get());
  list_append(b.get(), a.get());
  a.reset();
  b.reset();
  EXPECT_EQ(gc::collect(0), 2);
}

TEST_F(GcTest, CountsRestoredOnReachableGraph) {
  Ref<Dict> g = run(
      "class Node:\n"
      "    def __init__(self): self.peer = None\n"
      "a = Node(); b = Node(); a.peer = b; b.peer = a\n"
      "items = [a, b, [a, b], {'a': a}]\n");
  Object* a = dict_get_str(g.get(), intern("a"));
  Object* items = dict_get_str(g.get(), intern("items"));
  intptr_t ra = a->refcnt, ri = items->refcnt;
  EXPECT_EQ(gc::collect(2), 0);
  EXPECT_EQ(a->refcnt, ra);
  EXPECT_EQ(items->refcnt, ri);
}

TEST_F(GcTest, TrackedAndUntracked) {
  Ref<Object> i = int_from_i64(123456789);
  Ref<Object> s = str_from("not a container");
  Ref<List> l = list_new(0);
  EXPECT_FALSE(gc::is_tracked(i.get()));
  EXPECT_FALSE(gc::is_tracked(s.get()));
  EXPECT_TRUE(gc::is_tracked(l.get()));
  // A tuple of atoms is untracked by the first collection that sees it.
  Ref<Tuple> t = tuple_pack({i.get(), s.get()});
  EXPECT_TRUE(gc::is_tracked(t.get()));
  gc::collect(0);
  EXPECT_FALSE(gc::is_tracked(t.get()));
  // ... but one holding a list stays tracked.
  Ref<Tuple> t2 = tuple_pack({l.get()});
  gc::collect(0);
  EXPECT_TRUE(gc::is_tracked(t2.get()));
}

TEST_F(GcTest, InstanceCycleWithDelIsFinalizedOnce) {
  Ref<Dict> g = run(
      "log = []\n"
      "class Node:\n"
      "    def __del__(self): log.append(self.name)\n"
      "a = Node(); a.name = 'a'; b = Node(); b.name = 'b'\n"
      "a.peer = b; b.peer = a\n"
      "del a, b\n");
  EXPECT_EQ(log_size(g.get()), 0u);
  EXPECT_GE(gc::collect(2), 2);
  EXPECT_EQ(log_size(g.get()), 2u);
  gc::collect(2);
  EXPECT_EQ(log_size(g.get()), 2u);
}

TEST_F(GcTest, FinalizerResurrectsItsCycle) {
  Ref<Dict> g = run(
      "log = []\n"
      "saved = []\n"
      "class Phoenix:\n"
      "    def __del__(self):\n"
      "        log.append('del')\n"
      "        saved.append(self)\n"
      "p = Phoenix(); p.me = p; p.data = [1, 2, 3]\n"
      "del p\n");
  gc::collect(2);
  EXPECT_EQ(log_size(g.get()), 1u);
  Object* saved = dict_get_str(g.get(), intern("saved"));
  ASSERT_TRUE(saved);
  ASSERT_EQ(static_cast<List*>(saved)->size, 1u);
  // The resurrected object kept its attributes (it was not cleared).
  Object* p = static_cast<List*>(saved)->items[0];
  Ref<Object> data = getattr(p, intern("data"));
  ASSERT_TRUE(data);
  EXPECT_EQ(length(data.get()), 3);
  // Dropped again, it is freed without a second __del__.
  list_clear(static_cast<List*>(saved));
  gc::collect(2);
  EXPECT_EQ(log_size(g.get()), 1u);
}

TEST_F(GcTest, ClosureCycle) {
  Ref<Dict> g = run(
      "def make():\n"
      "    def rec(n): return rec(n - 1) if n else 0\n"
      "    return rec\n"
      "f = make()\n"
      "del f\n");
  // function -> closure tuple -> cell -> function
  EXPECT_GE(gc::collect(2), 3);
}

TEST_F(GcTest, SuspendedGeneratorCycleRunsFinally) {
  Ref<Dict> g = run(
      "log = []\n"
      "def gen():\n"
      "    me = yield\n"
      "    try:\n"
      "        yield 1\n"
      "    finally:\n"
      "        log.append('closed')\n"
      "it = gen(); next(it); it.send(it)\n"
      "del it\n");
  EXPECT_EQ(log_size(g.get()), 0u);
  EXPECT_GE(gc::collect(2), 1);
  EXPECT_EQ(log_size(g.get()), 1u);
}

TEST_F(GcTest, RunningGeneratorSurvivesCollection) {
  // gc.collect() inside the generator's own body: its frame is running,
  // its locals must survive.
  Ref<Dict> g = run(
      "import gc\n"
      "def gen():\n"
      "    data = [1, 2, 3]\n"
      "    data.append(data)\n"
      "    gc.collect()\n"
      "    yield len(data)\n"
      "n = next(gen())\n");
  EXPECT_EQ(int_of(g.get(), "n"), 4);
}

TEST_F(GcTest, DisabledCollectorDoesNotRunOnAllocation) {
  gc::config().enabled = false;
  Ref<Dict> g = run(
      "log = []\n"
      "class C:\n"
      "    def __del__(self): log.append(1)\n"
      "c = C(); c.me = c; del c\n"
      "junk = [[] for i in range(5000)]\n");
  EXPECT_EQ(log_size(g.get()), 0u);
  gc::config().enabled = true;
  // Enabled again, allocation schedules a collection and the eval loop runs it.
  run("junk = [[] for i in range(5000)]\n");
  EXPECT_EQ(log_size(g.get()), 1u);
}

}  // namespace
