// core_type_test.cpp — type objects: C3 MRO, attribute lookup order, the
// method cache, heap types made with type(name, bases, dict), __slots__,
// slot wrappers in both directions, and refcounts returning to where
// they started.
#include <gtest/gtest.h>

#include <string>

#include "runtime/abstract.h"
#include "runtime/bootstrap.h"
#include "runtime/descr.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/genericalias.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/names.h"
#include "runtime/singletons.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

using namespace coil::runtime;

namespace {

class CoreType : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { ASSERT_TRUE(runtime_init()); }
  void TearDown() override { clear_error(); }
};

std::string repr_of(Object* o) {
  std::string s;
  if (!repr_utf8(o, &s)) {
    clear_error();
    return "<repr failed>";
  }
  return s;
}

std::string pending() {
  Ref<Object> e = fetch_error();
  if (!e) return "<none>";
  std::string msg;
  if (!str_utf8(e.get(), &msg)) msg = "?";
  return std::string(type_name(e->type)) + ": " + msg;
}

// type(name, bases, ns) with ns given as (key, value) pairs.
Ref<Object> make_class(const char* name, std::initializer_list<Object*> bases,
                       std::initializer_list<std::pair<const char*, Object*>> ns = {}) {
  Ref<Object> n = str_from(name);
  Ref<Object> b = tuple_pack(bases);
  Ref<Dict> d = dict_new();
  Ref<Object> mod = str_from("__main__");
  dict_set(d.get(), names::__module__, mod.get());
  for (auto& kv : ns) dict_set(d.get(), intern(kv.first), kv.second);
  Object* args[3] = {n.get(), b.get(), d.get()};
  return call(&TypeType, args, 3);
}

Ref<Object> I(int64_t v) { return int_from_i64(v); }

// A native method usable as a dunder in a class dict: returns 100 + len(args).
Ref<Object> native_add(Object* self, Object* const* args, size_t nargs, Tuple*) {
  return int_from_i64(100 + static_cast<int64_t>(nargs));
}
const MethodDef kNativeAdd = {"__add__", native_add};
Ref<Object> native_eq(Object*, Object* const*, size_t, Tuple*) { return new_bool(true); }
const MethodDef kNativeEq = {"__eq__", native_eq};

}  // namespace

// ---- MRO ---------------------------------------------------------------------------------

TEST_F(CoreType, DiamondMro) {
  Ref<Object> A = make_class("A", {});
  Ref<Object> B = make_class("B", {A.get()});
  Ref<Object> C = make_class("C", {A.get()});
  Ref<Object> D = make_class("D", {B.get(), C.get()});
  ASSERT_TRUE(D) << pending();
  EXPECT_EQ(repr_of(static_cast<TypeObject*>(D.get())->mro.get()),
            "(<class '__main__.D'>, <class '__main__.B'>, <class '__main__.C'>, "
            "<class '__main__.A'>, <class 'object'>)");
}

TEST_F(CoreType, InconsistentMroIsATypeError) {
  Ref<Object> A = make_class("A", {});
  Ref<Object> B = make_class("B", {A.get()});
  Ref<Object> X = make_class("X", {A.get(), B.get()});
  EXPECT_FALSE(X);
  EXPECT_EQ(pending(),
            "TypeError: Cannot create a consistent method resolution\norder (MRO) for bases A, B");
}

TEST_F(CoreType, ClassicC3Example) {
  // The example of the C3 paper / Python's MRO document.
  Ref<Object> O = Ref<Object>::borrow(&ObjectType);
  Ref<Object> F = make_class("F", {});
  Ref<Object> E = make_class("E", {});
  Ref<Object> Dd = make_class("D", {});
  Ref<Object> C = make_class("C", {Dd.get(), F.get()});
  Ref<Object> B = make_class("B", {Dd.get(), E.get()});
  Ref<Object> A = make_class("A", {B.get(), C.get()});
  ASSERT_TRUE(A) << pending();
  EXPECT_EQ(repr_of(static_cast<TypeObject*>(A.get())->mro.get()),
            "(<class '__main__.A'>, <class '__main__.B'>, <class '__main__.C'>, "
            "<class '__main__.D'>, <class '__main__.E'>, <class '__main__.F'>, <class 'object'>)");
}

TEST_F(CoreType, BuiltinMros) {
  EXPECT_EQ(repr_of(BoolType.mro.get()), "(<class 'bool'>, <class 'int'>, <class 'object'>)");
  EXPECT_EQ(repr_of(TypeType.mro.get()), "(<class 'type'>, <class 'object'>)");
  EXPECT_EQ(TypeType.type, &TypeType);
  EXPECT_EQ(ObjectType.type, &TypeType);
}

// ---- attribute lookup ------------------------------------------------------------------

TEST_F(CoreType, LookupOrderInstanceDictThenClassThenBases) {
  Ref<Object> one = I(1), two = I(2), three = I(3);
  Ref<Object> A = make_class("A", {}, {{"x", one.get()}, {"y", one.get()}});
  Ref<Object> B = make_class("B", {A.get()}, {{"x", two.get()}});
  Ref<Object> b = call0(B.get());
  ASSERT_TRUE(b) << pending();
  EXPECT_EQ(repr_of(getattr(b.get(), "x").get()), "2");   // B before A
  EXPECT_EQ(repr_of(getattr(b.get(), "y").get()), "1");   // inherited
  ASSERT_EQ(setattr(b.get(), intern("x"), three.get()), 0);
  EXPECT_EQ(repr_of(getattr(b.get(), "x").get()), "3");   // instance dict shadows
  EXPECT_EQ(repr_of(getattr(B.get(), "x").get()), "2");
  EXPECT_FALSE(getattr(b.get(), "zz"));
  EXPECT_EQ(pending(), "AttributeError: 'B' object has no attribute 'zz'");
  EXPECT_FALSE(getattr(B.get(), "zz"));
  EXPECT_EQ(pending(), "AttributeError: type object 'B' has no attribute 'zz'");
}

TEST_F(CoreType, DataDescriptorBeatsInstanceDict) {
  // __class__ is a getset (data descriptor) on object.
  Ref<Object> A = make_class("A", {});
  Ref<Object> a = call0(A.get());
  Dict* d = instance_dict(a.get());
  ASSERT_NE(d, nullptr);
  Ref<Object> one = I(1);
  dict_set(d, intern("__class__"), one.get());
  EXPECT_EQ(getattr(a.get(), "__class__").get(), A.get());
}

TEST_F(CoreType, MethodCacheInvalidatedOnClassAssignment) {
  Ref<Object> one = I(1), two = I(2);
  Ref<Object> A = make_class("A", {}, {{"attr", one.get()}});
  Ref<Object> B = make_class("B", {A.get()});
  Ref<Object> b = call0(B.get());
  EXPECT_EQ(repr_of(getattr(b.get(), "attr").get()), "1");
  EXPECT_EQ(type_lookup(static_cast<TypeObject*>(B.get()), intern("attr")), one.get());
  uint64_t tag = static_cast<TypeObject*>(B.get())->version_tag;
  ASSERT_EQ(setattr(A.get(), intern("attr"), two.get()), 0);   // base changes
  EXPECT_NE(static_cast<TypeObject*>(B.get())->version_tag, tag);
  EXPECT_EQ(repr_of(getattr(b.get(), "attr").get()), "2");
  ASSERT_EQ(delattr(A.get(), intern("attr")), 0);
  EXPECT_EQ(type_lookup(static_cast<TypeObject*>(B.get()), intern("attr")), nullptr);
}

// ---- heap types ---------------------------------------------------------------------------

TEST_F(CoreType, HeapTypeAttributes) {
  Ref<Object> A = make_class("A", {});
  EXPECT_EQ(repr_of(A.get()), "<class '__main__.A'>");
  EXPECT_EQ(repr_of(getattr(A.get(), "__name__").get()), "'A'");
  EXPECT_EQ(repr_of(getattr(A.get(), "__module__").get()), "'__main__'");
  EXPECT_EQ(repr_of(getattr(A.get(), "__bases__").get()), "(<class 'object'>,)");
  EXPECT_EQ(repr_of(getattr(A.get(), "__doc__").get()), "None");
  Ref<Object> a = call0(A.get());
  std::string r = repr_of(a.get());
  EXPECT_EQ(r.rfind("<__main__.A object at 0x", 0), 0u) << r;
  Ref<Object> sub = call_method(&ObjectType, intern("__subclasses__"), nullptr, 0);
  ASSERT_TRUE(sub);
  EXPECT_EQ(contains(sub.get(), A.get()), 1);
  EXPECT_EQ(repr_of(getattr(&IntType, "__module__").get()), "'builtins'");
}

TEST_F(CoreType, NoArgumentsChecks) {
  Ref<Object> A = make_class("A", {});
  Ref<Object> one = I(1);
  EXPECT_FALSE(call1(A.get(), one.get()));
  EXPECT_EQ(pending(), "TypeError: A() takes no arguments");
  EXPECT_EQ(call1(&TypeType, one.get()).get(), &IntType);   // type(1)
  Object* bad[2] = {one.get(), one.get()};
  EXPECT_FALSE(call(&TypeType, bad, 2));
  EXPECT_EQ(pending(), "TypeError: type() takes 1 or 3 arguments");
}

TEST_F(CoreType, NotAnAcceptableBase) {
  Ref<Object> X = make_class("X", {&BoolType});
  EXPECT_FALSE(X);
  EXPECT_EQ(pending(), "TypeError: type 'bool' is not an acceptable base type");
}

TEST_F(CoreType, SlotsRestrictAttributes) {
  Ref<Object> slots = tuple_pack({intern("a")});
  Ref<Object> S = make_class("S", {}, {{"__slots__", slots.get()}});
  ASSERT_TRUE(S) << pending();
  Ref<Object> s = call0(S.get());
  EXPECT_FALSE(getattr(s.get(), "a"));
  EXPECT_EQ(pending(), "AttributeError: 'S' object has no attribute 'a'");
  Ref<Object> one = I(1);
  ASSERT_EQ(setattr(s.get(), intern("a"), one.get()), 0);
  EXPECT_EQ(getattr(s.get(), "a").get(), one.get());
  EXPECT_EQ(setattr(s.get(), intern("b"), one.get()), -1);
  EXPECT_EQ(pending(), "AttributeError: 'S' object has no attribute 'b'");
  EXPECT_EQ(repr_of(getattr(S.get(), "a").get()), "<member 'a' of 'S' objects>");
  Ref<Object> slots_b = tuple_pack({intern("b")});
  Ref<Object> T = make_class("T", {}, {{"__slots__", slots_b.get()}});
  Ref<Object> U = make_class("U", {S.get(), T.get()});
  EXPECT_FALSE(U);
  EXPECT_EQ(pending(), "TypeError: multiple bases have instance lay-out conflict");
}

TEST_F(CoreType, SubclassOfBuiltinGetsADict) {
  Ref<Object> L = make_class("L", {&ListType});
  Ref<Object> l = call0(L.get());
  ASSERT_TRUE(l) << pending();
  Ref<Object> one = I(1);
  ASSERT_EQ(setattr(l.get(), intern("tag"), one.get()), 0);
  ASSERT_TRUE(list_append(static_cast<List*>(l.get()), one.get()));
  EXPECT_EQ(length(l.get()), 1);
  EXPECT_EQ(getattr(l.get(), "tag").get(), one.get());
  Ref<Object> T = make_class("T", {&TupleType});
  Ref<Object> items = tuple_pack({one.get(), one.get(), one.get()});
  Ref<Object> t = call1(T.get(), items.get());
  ASSERT_TRUE(t) << pending();
  ASSERT_EQ(setattr(t.get(), intern("tag"), one.get()), 0);
  EXPECT_EQ(repr_of(t.get()), "(1, 1, 1)");
}

// ---- slots from dunders and dunders from slots -------------------------------------------

TEST_F(CoreType, DunderInDictFillsSlot) {
  Ref<Object> add = new_method_descr(&ObjectType, &kNativeAdd);
  Ref<Object> A = make_class("A", {}, {{"__add__", add.get()}});
  ASSERT_TRUE(A) << pending();
  EXPECT_NE(static_cast<TypeObject*>(A.get())->nb_binary[static_cast<int>(BinaryOp::Add)], nullptr);
  Ref<Object> a = call0(A.get());
  Ref<Object> one = I(1);
  Ref<Object> r = binary_op(a.get(), one.get(), BinaryOp::Add);
  ASSERT_TRUE(r) << pending();
  EXPECT_EQ(repr_of(r.get()), "101");
  // int + A: int's slot says NotImplemented, A has no __radd__.
  EXPECT_FALSE(binary_op(one.get(), a.get(), BinaryOp::Add));
  EXPECT_EQ(pending(), "TypeError: unsupported operand type(s) for +: 'int' and 'A'");
}

TEST_F(CoreType, EqWithoutHashIsUnhashable) {
  Ref<Object> eq = new_method_descr(&ObjectType, &kNativeEq);
  Ref<Object> A = make_class("A", {}, {{"__eq__", eq.get()}});
  Ref<Object> a = call0(A.get());
  EXPECT_EQ(hash(a.get()), -1);
  EXPECT_EQ(pending(), "TypeError: unhashable type: 'A'");
  EXPECT_EQ(getattr(A.get(), "__hash__").get(), None);
  Ref<Object> one = I(1);
  EXPECT_EQ(rich_compare_bool(a.get(), one.get(), CompareOp::Eq), 1);
  EXPECT_EQ(rich_compare_bool(a.get(), one.get(), CompareOp::Ne), 0);   // __ne__ inverts __eq__
}

TEST_F(CoreType, AssigningDunderLaterUpdatesSlot) {
  Ref<Object> A = make_class("A", {});
  Ref<Object> B = make_class("B", {A.get()});
  Ref<Object> b = call0(B.get());
  Ref<Object> one = I(1);
  EXPECT_FALSE(binary_op(b.get(), one.get(), BinaryOp::Add));
  clear_error();
  Ref<Object> add = new_method_descr(&ObjectType, &kNativeAdd);
  ASSERT_EQ(setattr(A.get(), intern("__add__"), add.get()), 0);
  Ref<Object> r = binary_op(b.get(), one.get(), BinaryOp::Add);   // subclass sees it too
  ASSERT_TRUE(r) << pending();
  EXPECT_EQ(repr_of(r.get()), "101");
}

TEST_F(CoreType, InheritedBuiltinSlotIsUsedDirectly) {
  Ref<Object> MyInt = make_class("MyInt", {&IntType});
  EXPECT_EQ(static_cast<TypeObject*>(MyInt.get())->nb_binary[static_cast<int>(BinaryOp::Add)],
            IntType.nb_binary[static_cast<int>(BinaryOp::Add)]);
  EXPECT_EQ(static_cast<TypeObject*>(MyInt.get())->hash, IntType.hash);
}

// ---- refcounts ------------------------------------------------------------------------------

TEST_F(CoreType, RefcountsReturnAfterOperations) {
  Ref<Object> one = I(1000), two = I(2000);
  Ref<Object> A = make_class("A", {}, {{"v", one.get()}});
  intptr_t a0 = A->refcnt, one0 = one->refcnt, two0 = two->refcnt;
  for (int i = 0; i < 10; i++) {
    Ref<Object> inst = call0(A.get());
    ASSERT_EQ(setattr(inst.get(), intern("w"), two.get()), 0);
    Ref<Object> v = getattr(inst.get(), "v");
    Ref<Object> w = getattr(inst.get(), "w");
    Ref<Object> r = repr(inst.get());
    Ref<Object> h = getattr(inst.get(), "__hash__");
    Ref<Object> hv = call0(h.get());
    ASSERT_TRUE(hv) << pending();
  }
  EXPECT_EQ(A->refcnt, a0);
  EXPECT_EQ(one->refcnt, one0);
  EXPECT_EQ(two->refcnt, two0);
  Ref<Object> sum = binary_op(one.get(), two.get(), BinaryOp::Add);
  sum.reset();
  EXPECT_EQ(one->refcnt, one0);
}

TEST_F(CoreType, ClassIsFreedWithItsLastReference) {
  // A class without instances or subclasses goes away (its subclass entry too).
  Ref<Object> A = make_class("Ephemeral", {});
  ASSERT_TRUE(A);
  size_t before = 0;
  {
    Ref<Object> sub = call_method(&ObjectType, intern("__subclasses__"), nullptr, 0);
    before = static_cast<List*>(sub.get())->size;
  }
  // type -> dict -> getset descriptors -> type is a cycle (as in CPython,
  // for the collector); break it by hand so the count can reach zero.
  static_cast<TypeObject*>(A.get())->clear(A.get());
  A.reset();
  Ref<Object> sub = call_method(&ObjectType, intern("__subclasses__"), nullptr, 0);
  EXPECT_EQ(static_cast<List*>(sub.get())->size, before - 1);
}

// ---- generic aliases and unions ---------------------------------------------------------------

TEST_F(CoreType, ClassGetItemBuildsGenericAlias) {
  Ref<Object> ga = getitem(&ListType, &IntType);
  ASSERT_TRUE(ga) << pending();
  EXPECT_TRUE(generic_alias_check(ga.get()));
  EXPECT_EQ(repr_of(ga.get()), "list[int]");
  Ref<Object> same = getitem(&ListType, &IntType);
  EXPECT_EQ(rich_compare_bool(ga.get(), same.get(), CompareOp::Eq), 1);
  EXPECT_EQ(hash(ga.get()), hash(same.get()));
  Ref<Object> key = tuple_pack({&StrType, ga.get()});
  Ref<Object> nested = getitem(&DictType, key.get());
  EXPECT_EQ(repr_of(nested.get()), "dict[str, list[int]]");
}

TEST_F(CoreType, GenericAliasRefusesIsinstance) {
  Ref<Object> ga = getitem(&ListType, &IntType);
  Ref<Object> l = list_new();
  int r = 0;
  EXPECT_FALSE(isinstance(l.get(), ga.get(), &r));
  EXPECT_EQ(pending(), "TypeError: isinstance() argument 2 cannot be a parameterized generic");
}

TEST_F(CoreType, UnionFlattensDeduplicatesAndChecks) {
  Ref<Object> u = binary_op(&IntType, None, BinaryOp::Or);
  ASSERT_TRUE(u) << pending();
  EXPECT_TRUE(union_check(u.get()));
  EXPECT_EQ(repr_of(u.get()), "int | None");
  Ref<Object> u2 = binary_op(u.get(), &IntType, BinaryOp::Or);
  EXPECT_EQ(union_args(u2.get())->size, 2u);
  Ref<Object> just_int = binary_op(&IntType, &IntType, BinaryOp::Or);
  EXPECT_EQ(just_int.get(), static_cast<Object*>(&IntType));
  Ref<Object> three = I(3);
  int r = 0;
  ASSERT_TRUE(isinstance(three.get(), u.get(), &r));
  EXPECT_EQ(r, 1);
  ASSERT_TRUE(isinstance(None, u.get(), &r));
  EXPECT_EQ(r, 1);
  Ref<Object> bad = binary_op(&IntType, three.get(), BinaryOp::Or);
  EXPECT_FALSE(bad);
  EXPECT_EQ(pending(), "TypeError: unsupported operand type(s) for |: 'type' and 'int'");
}

// ---- sizes and __class__ ----------------------------------------------------------------------

TEST_F(CoreType, SlottedInstanceIsSmallerThanDictInstance) {
  Ref<Object> slots = tuple_pack({intern("x"), intern("y")});
  Ref<Object> S = make_class("S", {}, {{"__slots__", slots.get()}});
  Ref<Object> D = make_class("D", {});
  Ref<Object> s = call0(S.get()), d = call0(D.get());
  Ref<Object> one = I(1);
  ASSERT_EQ(setattr(d.get(), intern("x"), one.get()), 0);
  Object* arg = s.get();
  Ref<Object> ss = sys_getsizeof(nullptr, &arg, 1, nullptr);
  arg = d.get();
  Ref<Object> ds = sys_getsizeof(nullptr, &arg, 1, nullptr);
  arg = instance_dict(d.get());
  Ref<Object> dds = sys_getsizeof(nullptr, &arg, 1, nullptr);
  ASSERT_TRUE(ss && ds && dds) << pending();
  int64_t a, b, c;
  ASSERT_TRUE(int_to_i64(ss.get(), &a) && int_to_i64(ds.get(), &b) && int_to_i64(dds.get(), &c));
  EXPECT_EQ(a, 16 + 2 * 8);   // object + two slot values (no hidden header)
  EXPECT_EQ(b, 16 + 8 + 8);   // object + its __dict__ and weak-list pointers
  EXPECT_LT(a, b + c);
}

TEST_F(CoreType, ClassAssignmentMovesTheTypeReference) {
  Ref<Object> A = make_class("A", {});
  Ref<Object> B = make_class("B", {});
  Ref<Object> a = call0(A.get());
  intptr_t ra = A->refcnt, rb = B->refcnt;
  ASSERT_EQ(setattr(a.get(), names::__class__, B.get()), 0) << pending();
  EXPECT_EQ(a->type, static_cast<TypeObject*>(B.get()));
  EXPECT_EQ(A->refcnt, ra - 1);
  EXPECT_EQ(B->refcnt, rb + 1);
  EXPECT_LT(setattr(a.get(), names::__class__, &IntType), 0);
  EXPECT_EQ(pending(),
            "TypeError: __class__ assignment only supported for mutable types or ModuleType subclasses");
}
