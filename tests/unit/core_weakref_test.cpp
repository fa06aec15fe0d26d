// core_weakref_test.cpp — invariants of weak references (runtime/weakref.cpp)
// seen from C++: a weak reference never changes its referent's refcount;
// the referent's death empties its weak list and runs each callback once;
// a pending exception survives the callbacks; the cycle collector's
// detach-then-call API behaves as documented; the weak-list word of a
// class instance is not mistaken for a strong reference.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/set.h"
#include "runtime/singletons.h"
#include "runtime/str.h"
#include "runtime/weakref.h"
#include "vm/code.h"
#include "vm/interp.h"
#include "tests/unit/vm_test_base.h"

using namespace coil::runtime;
using namespace coil::vm;

namespace {

class WeakrefTest : public coil::testing::VmTest {
 protected:
  static void SetUpTestSuite() {
    VmTest::SetUpTestSuite();
    ASSERT_TRUE(init_weakref_types());
  }

  Object* global(Dict* g, const char* name) { return dict_get_str(g, intern(name)); }
};

TEST_F(WeakrefTest, RefDoesNotChangeRefcountAndDiesWithReferent) {
  Ref<Object> s = set_new();
  ASSERT_TRUE(s);
  intptr_t before = s->refcnt;
  Ref<Object> wr = weakref_new(s.get(), nullptr);
  ASSERT_TRUE(wr);
  EXPECT_EQ(s->refcnt, before);
  EXPECT_EQ(weakref_get_object(wr.get()), s.get());
  EXPECT_TRUE(has_weakrefs(s.get()));
  EXPECT_EQ(weakref_count(s.get()), 1);
  s.reset();
  EXPECT_EQ(weakref_get_object(wr.get()), None);
  EXPECT_EQ(wr->refcnt, 1);   // the dying set dropped no reference to it
}

TEST_F(WeakrefTest, PlainRefsAreSharedAndCallbackRefsAreNot) {
  Ref<Object> s = set_new();
  Ref<Object> a = weakref_new(s.get(), nullptr);
  Ref<Object> b = weakref_new(s.get(), None);
  EXPECT_EQ(a.get(), b.get());
  Ref<Object> c = weakref_new(s.get(), &ReferenceType);   // any callable
  EXPECT_NE(a.get(), c.get());
  Ref<Object> p = weakproxy_new(s.get(), nullptr);
  EXPECT_EQ(p.get(), weakproxy_new(s.get(), nullptr).get());
  EXPECT_EQ(weakref_count(s.get()), 3);
  // The list keeps the plain ref first and the plain proxy second.
  Ref<Object> refs = weakref_list(s.get());
  ASSERT_TRUE(refs);
  List* l = static_cast<List*>(refs.get());
  ASSERT_EQ(l->size, 3u);
  EXPECT_EQ(l->items[0], a.get());
  EXPECT_EQ(l->items[1], p.get());
  EXPECT_EQ(l->items[2], c.get());
  refs.reset();
  c.reset();
  EXPECT_EQ(weakref_count(s.get()), 2);
}

TEST_F(WeakrefTest, UnsupportedTypesRaiseTypeError) {
  Ref<Object> i = int_from_i64(12345);
  EXPECT_FALSE(weakref_new(i.get(), nullptr));
  ASSERT_TRUE(error_matches(exc::TypeError));
  clear_error();
  EXPECT_FALSE(has_weakrefs(i.get()));
  EXPECT_EQ(weakref_count(i.get()), 0);
}

TEST_F(WeakrefTest, CallbackRunsOnceAndKeepsPendingException) {
  Ref<Dict> g = run(
      "calls = []\n"
      "def cb(wr):\n"
      "    calls.append(wr() is None)\n"
      "class C: pass\n"
      "obj = C()\n");
  ASSERT_TRUE(g);
  Ref<Object> obj = borrow(global(g.get(), "obj"));
  Ref<Object> wr = weakref_new(obj.get(), global(g.get(), "cb"));
  ASSERT_TRUE(wr);
  dict_del(g.get(), intern("obj"));
  set_error(exc::KeyError, "pending");
  obj.reset();   // dies here: the callback runs under a pending exception
  ASSERT_TRUE(error_matches(exc::KeyError));
  clear_error();
  List* calls = static_cast<List*>(global(g.get(), "calls"));
  ASSERT_EQ(calls->size, 1u);
  EXPECT_EQ(calls->items[0], True);
  weakref_call_callback(wr.get());   // already taken: nothing happens
  EXPECT_EQ(calls->size, 1u);
}

TEST_F(WeakrefTest, DetachThenCallForTheCollector) {
  Ref<Dict> g = run(
      "calls = []\n"
      "class C: pass\n"
      "obj = C()\n");
  ASSERT_TRUE(g);
  Object* obj = global(g.get(), "obj");
  Ref<Object> append = getattr(global(g.get(), "calls"), "append");
  Ref<Object> with_cb = weakref_new(obj, append.get());
  Ref<Object> plain = weakref_new(obj, nullptr);
  std::vector<Ref<Object>> callbacks;
  weakrefs_detach(obj, &callbacks);
  EXPECT_FALSE(has_weakrefs(obj));
  EXPECT_EQ(weakref_get_object(plain.get()), None);
  EXPECT_EQ(weakref_get_object(with_cb.get()), None);
  ASSERT_EQ(callbacks.size(), 1u);
  EXPECT_EQ(callbacks[0].get(), with_cb.get());
  List* calls = static_cast<List*>(global(g.get(), "calls"));
  EXPECT_EQ(calls->size, 0u);   // nothing ran yet
  weakref_call_callback(callbacks[0].get());
  ASSERT_EQ(calls->size, 1u);
  EXPECT_EQ(calls->items[0], with_cb.get());
}

TEST_F(WeakrefTest, WeakListWordOfAnInstanceIsNotAStrongReference) {
  Ref<Dict> g = run(
      "class Slotted:\n"
      "    __slots__ = ('a', '__weakref__')\n"
      "s = Slotted()\n"
      "s.a = [1, 2]\n");
  ASSERT_TRUE(g);
  Ref<Object> s = borrow(global(g.get(), "s"));
  EXPECT_NE(s->type->weaklist_offset, 0);
  Ref<Object> wr = weakref_new(s.get(), nullptr);
  ASSERT_TRUE(wr);
  EXPECT_EQ(wr->refcnt, 1);
  dict_del(g.get(), intern("s"));
  s.reset();
  EXPECT_EQ(weakref_get_object(wr.get()), None);
  EXPECT_EQ(wr->refcnt, 1);
}

TEST_F(WeakrefTest, ProxyForwardsAndFailsOnceDead) {
  Ref<Object> s = set_new();
  set_add(s.get(), intern("x"));
  Ref<Object> p = weakproxy_new(s.get(), nullptr);
  ASSERT_TRUE(p);
  EXPECT_TRUE(weakproxy_check(p.get()));
  EXPECT_EQ(length(p.get()), 1);
  EXPECT_EQ(contains(p.get(), intern("x")), 1);
  s.reset();
  EXPECT_EQ(length(p.get()), -1);
  EXPECT_TRUE(error_matches(exc::ReferenceError));
  clear_error();
}

}  // namespace
