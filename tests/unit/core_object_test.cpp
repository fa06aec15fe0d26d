// core_object_test.cpp — the object header, the allocator, errors,
// singletons, descriptors, modules, exceptions and the generic protocol
// (abstract.cpp), exercised from C++ the way the VM uses them.
#include <gtest/gtest.h>

#include <string>

#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/bootstrap.h"
#include "runtime/descr.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/names.h"
#include "runtime/singletons.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

using namespace coil::runtime;

namespace {

class CoreObject : public ::testing::Test {
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

// The pending exception as "Type: message", then cleared.
std::string pending() {
  Ref<Object> e = fetch_error();
  if (!e) return "<none>";
  std::string msg;
  if (!str_utf8(e.get(), &msg)) msg = "?";
  return std::string(type_name(e->type)) + ": " + msg;
}

Ref<Object> I(int64_t v) { return int_from_i64(v); }
Ref<Object> S(std::string_view s) { return str_from(s); }

}  // namespace

// ---- allocator and header ----------------------------------------------------------

TEST_F(CoreObject, AllocatorReusesSmallBlocksAndKeepsAlignment) {
  void* a = mem_alloc(40);
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(a) % 8, 0u);   // 8-byte size classes (alloc.cpp)
  mem_free(a);
  void* b = mem_alloc(40);
  EXPECT_EQ(a, b);   // same size class: the freed block comes back first
  mem_free(b);
  void* big = mem_alloc(100000);
  ASSERT_NE(big, nullptr);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(big) % 16, 0u);
  mem_free(big);
}

TEST_F(CoreObject, RefCountsFollowRefHandles) {
  Ref<Object> s = S("refcount probe");
  intptr_t start = s->refcnt;
  {
    Ref<Object> copy = s;
    EXPECT_EQ(s->refcnt, start + 1);
    Ref<Object> moved = std::move(copy);
    EXPECT_EQ(s->refcnt, start + 1);
  }
  EXPECT_EQ(s->refcnt, start);
}

TEST_F(CoreObject, HeapInstanceHoldsItsType) {
  Object* args[3];
  Ref<Object> name = S("Probe");
  Ref<Object> bases = empty_tuple();
  Ref<Object> ns = dict_new();
  args[0] = name.get();
  args[1] = bases.get();
  args[2] = ns.get();
  Ref<Object> cls = call(&TypeType, args, 3);
  ASSERT_TRUE(cls) << pending();
  intptr_t before = cls->refcnt;
  {
    Ref<Object> inst = call0(cls.get());
    ASSERT_TRUE(inst) << pending();
    EXPECT_EQ(cls->refcnt, before + 1);
  }
  EXPECT_EQ(cls->refcnt, before);
}

// ---- errors -------------------------------------------------------------------------

TEST_F(CoreObject, SetErrorfFormatsObjectsAndNumbers) {
  Ref<Object> s = S("x");
  Ref<Object> n = I(5);
  set_errorf(exc::ValueError, "%s|%d|%zu|%R|%S|%T|%U|%.3s|%c|%%", "cs", -3, size_t{7}, s.get(),
             s.get(), n.get(), s.get(), "abcdef", 'q');
  EXPECT_EQ(pending(), "ValueError: cs|-3|7|'x'|x|int|x|abc|q|%");
}

TEST_F(CoreObject, ErrorMatchesSubclasses) {
  set_error(exc::KeyError, "k");
  EXPECT_TRUE(error_matches(exc::LookupError));
  EXPECT_TRUE(error_matches(exc::KeyError));
  EXPECT_FALSE(error_matches(exc::TypeError));
  Ref<Object> e = fetch_error();
  EXPECT_FALSE(error_occurred());
  restore_error(e);
  EXPECT_TRUE(error_occurred());
}

// ---- singletons ------------------------------------------------------------------

TEST_F(CoreObject, Singletons) {
  EXPECT_EQ(repr_of(None), "None");
  EXPECT_EQ(repr_of(NotImplemented), "NotImplemented");
  EXPECT_EQ(repr_of(Ellipsis), "Ellipsis");
  EXPECT_EQ(is_true(None), 0);
  EXPECT_EQ(repr_of(&NoneType), "<class 'NoneType'>");
  EXPECT_EQ(repr_of(&EllipsisType), "<class 'ellipsis'>");
  Ref<Object> n = call0(&NoneType);
  EXPECT_EQ(n.get(), None);
}

// ---- abstract protocol -------------------------------------------------------------

TEST_F(CoreObject, BinaryOpErrors) {
  Ref<Object> one = I(1);
  Ref<Object> s = S("a");
  EXPECT_FALSE(binary_op(one.get(), s.get(), BinaryOp::Sub));
  EXPECT_EQ(pending(), "TypeError: unsupported operand type(s) for -: 'int' and 'str'");
  EXPECT_FALSE(binary_op(one.get(), s.get(), BinaryOp::Power));
  EXPECT_EQ(pending(), "TypeError: unsupported operand type(s) for ** or pow(): 'int' and 'str'");
  EXPECT_FALSE(inplace_op(one.get(), s.get(), BinaryOp::Sub));
  EXPECT_EQ(pending(), "TypeError: unsupported operand type(s) for -=: 'int' and 'str'");
  EXPECT_FALSE(negative(s.get()));
  EXPECT_EQ(pending(), "TypeError: bad operand type for unary -: 'str'");
}

TEST_F(CoreObject, ComparisonFallbacks) {
  Ref<Object> one = I(1);
  Ref<Object> s = S("a");
  EXPECT_EQ(rich_compare_bool(one.get(), s.get(), CompareOp::Eq), 0);
  EXPECT_EQ(rich_compare_bool(one.get(), s.get(), CompareOp::Ne), 1);
  EXPECT_EQ(rich_compare_bool(one.get(), s.get(), CompareOp::Lt), -1);
  EXPECT_EQ(pending(), "TypeError: '<' not supported between instances of 'int' and 'str'");
  Ref<Object> o = call0(&ObjectType);
  EXPECT_EQ(rich_compare_bool(o.get(), o.get(), CompareOp::Eq), 1);
}

TEST_F(CoreObject, HashTruthLengthMessages) {
  Ref<Object> l = list_new();
  EXPECT_EQ(hash(l.get()), -1);
  EXPECT_EQ(pending(), "TypeError: unhashable type: 'list'");
  EXPECT_EQ(is_true(l.get()), 0);
  Ref<Object> one = I(1);
  EXPECT_EQ(length(one.get()), -1);
  EXPECT_EQ(pending(), "TypeError: object of type 'int' has no len()");
  EXPECT_FALSE(get_iter(one.get()));
  EXPECT_EQ(pending(), "TypeError: 'int' object is not iterable");
  EXPECT_FALSE(getitem(one.get(), one.get()));
  EXPECT_EQ(pending(), "TypeError: 'int' object is not subscriptable");
  EXPECT_FALSE(call0(one.get()));
  EXPECT_EQ(pending(), "TypeError: 'int' object is not callable");
  Ref<Object> s = S("a");
  EXPECT_FALSE(index(s.get()));
  EXPECT_EQ(pending(), "TypeError: 'str' object cannot be interpreted as an integer");
  EXPECT_EQ(contains(one.get(), one.get()), -1);
  EXPECT_EQ(pending(), "TypeError: argument of type 'int' is not iterable");
}

TEST_F(CoreObject, GetattrMessagesAndOptional) {
  Ref<Object> one = I(1);
  EXPECT_FALSE(getattr(one.get(), "nope"));
  EXPECT_EQ(pending(), "AttributeError: 'int' object has no attribute 'nope'");
  EXPECT_FALSE(getattr_opt(one.get(), intern("nope")));
  EXPECT_FALSE(error_occurred());
  EXPECT_EQ(hasattr(one.get(), intern("real")), 1);
  Ref<Object> o = call0(&ObjectType);
  Ref<Object> v = I(3);
  EXPECT_EQ(setattr(o.get(), intern("x"), v.get()), -1);
  EXPECT_EQ(pending(), "AttributeError: 'object' object has no attribute 'x'");
}

TEST_F(CoreObject, IsinstanceWithTuples) {
  Ref<Object> one = I(1);
  Ref<Object> tup = tuple_pack({&StrType, &IntType});
  int r = -1;
  ASSERT_TRUE(isinstance(one.get(), tup.get(), &r));
  EXPECT_EQ(r, 1);
  ASSERT_TRUE(isinstance(True, &IntType, &r));
  EXPECT_EQ(r, 1);
  ASSERT_TRUE(issubclass(&BoolType, &IntType, &r));
  EXPECT_EQ(r, 1);
  EXPECT_FALSE(isinstance(one.get(), one.get(), &r));
  EXPECT_EQ(pending(), "TypeError: isinstance() arg 2 must be a type, a tuple of types, or a union");
  EXPECT_FALSE(issubclass(one.get(), &IntType, &r));
  EXPECT_EQ(pending(), "TypeError: issubclass() arg 1 must be a class");
}

TEST_F(CoreObject, SequenceToListAndTuple) {
  Ref<Object> t = tuple_pack({None, True});
  Ref<Object> l = sequence_to_list(t.get());
  ASSERT_TRUE(l);
  EXPECT_EQ(repr_of(l.get()), "[None, True]");
  Ref<Object> t2 = sequence_to_tuple(l.get());
  EXPECT_EQ(repr_of(t2.get()), "(None, True)");
}

TEST_F(CoreObject, AsciiEscapes) {
  Ref<Object> s = S("\xc3\xa9\xf0\x9f\x98\x80x");
  Ref<Object> a = ascii(s.get());
  ASSERT_TRUE(a);
  EXPECT_EQ(str_view(a.get()), "'\\xe9\\U0001f600x'");
}

// ---- descriptors -------------------------------------------------------------------

TEST_F(CoreObject, DescriptorReprs) {
  Ref<Object> l = list_new();
  Ref<Object> append_descr = getattr(&ListType, "append");
  EXPECT_EQ(repr_of(append_descr.get()), "<method 'append' of 'list' objects>");
  Ref<Object> bound = getattr(l.get(), "append");
  EXPECT_EQ(repr_of(bound.get()).rfind("<built-in method append of list object at 0x", 0), 0u);
  Ref<Object> add = getattr(&IntType, "__add__");
  EXPECT_EQ(repr_of(add.get()), "<slot wrapper '__add__' of 'int' objects>");
  Ref<Object> one = I(1);
  Ref<Object> mw = getattr(one.get(), "__add__");
  EXPECT_EQ(repr_of(mw.get()).rfind("<method-wrapper '__add__' of int object at 0x", 0), 0u);
  Ref<Object> two = I(2);
  Ref<Object> three = call1(mw.get(), two.get());
  EXPECT_EQ(repr_of(three.get()), "3");
  Ref<Object> init = getattr(&ObjectType, "__init__");
  EXPECT_EQ(repr_of(init.get()), "<slot wrapper '__init__' of 'object' objects>");
  Ref<Object> nw = getattr(&ObjectType, "__new__");
  EXPECT_EQ(repr_of(nw.get()).rfind("<built-in method __new__ of type object at 0x", 0), 0u);
}

TEST_F(CoreObject, UnboundMethodDescriptorChecksSelf) {
  Ref<Object> append_descr = getattr(&ListType, "append");
  Ref<Object> one = I(1);
  EXPECT_FALSE(call2(append_descr.get(), one.get(), one.get()));
  EXPECT_EQ(pending(), "TypeError: descriptor 'append' for 'list' objects doesn't apply to a 'int' object");
  Ref<Object> add = getattr(&IntType, "__add__");
  Ref<Object> s = S("a");
  EXPECT_FALSE(call2(add.get(), s.get(), one.get()));
  EXPECT_EQ(pending(), "TypeError: descriptor '__add__' requires a 'int' object but received a 'str'");
}

TEST_F(CoreObject, GetSetNotWritable) {
  Ref<Object> one = I(1);
  Ref<Object> cls = getattr(one.get(), "__class__");
  EXPECT_EQ(cls.get(), &IntType);
  EXPECT_EQ(setattr(&IntType, intern("x"), one.get()), -1);
  EXPECT_EQ(pending(), "TypeError: cannot set 'x' attribute of immutable type 'int'");
}

// ---- modules -------------------------------------------------------------------------

Ref<Object> mod_double(Object*, Object* const* args, size_t nargs, Tuple*) {
  return binary_op(args[0], args[0], BinaryOp::Add);
}
const MethodDef kModFuncs[] = {{"double", mod_double}, {nullptr, nullptr}};

TEST_F(CoreObject, ModulesAndBuiltinFunctions) {
  Ref<Object> m = module_new("m");
  ASSERT_TRUE(m);
  EXPECT_EQ(repr_of(m.get()), "<module 'm'>");
  ASSERT_TRUE(module_add_functions(m.get(), kModFuncs));
  Ref<Object> f = getattr(m.get(), "double");
  ASSERT_TRUE(f);
  EXPECT_EQ(repr_of(f.get()), "<built-in function double>");
  Ref<Object> two = I(2);
  EXPECT_EQ(repr_of(call1(f.get(), two.get()).get()), "4");
  EXPECT_FALSE(getattr(m.get(), "nope"));
  EXPECT_EQ(pending(), "AttributeError: module 'm' has no attribute 'nope'");
  Ref<Object> b = module_new_builtin("sys");
  EXPECT_EQ(repr_of(b.get()), "<module 'sys' (built-in)>");
  Ref<Object> file = S("/a/b.py");
  ASSERT_TRUE(module_add_object(m.get(), "__file__", file.get()));
  EXPECT_EQ(repr_of(m.get()), "<module 'm' from '/a/b.py'>");
}

// ---- exceptions -----------------------------------------------------------------------

TEST_F(CoreObject, ExceptionReprAndStr) {
  Ref<Object> x = S("x");
  Ref<Object> e = call1(exc::ValueError, x.get());
  EXPECT_EQ(repr_of(e.get()), "ValueError('x')");
  Ref<Object> k = call1(exc::KeyError, x.get());
  std::string ks;
  ASSERT_TRUE(str_utf8(k.get(), &ks));
  EXPECT_EQ(ks, "'x'");
  Ref<Object> empty = call0(exc::RuntimeError);
  EXPECT_EQ(repr_of(empty.get()), "RuntimeError()");
  Ref<Object> two = I(2);
  Ref<Object> msg = S("No such file or directory");
  Object* args[3] = {two.get(), msg.get(), x.get()};
  Ref<Object> os = call(exc::OSError, args, 3);
  EXPECT_EQ(os->type, exc::FileNotFoundError);
  std::string oss;
  ASSERT_TRUE(str_utf8(os.get(), &oss));
  EXPECT_EQ(oss, "[Errno 2] No such file or directory: 'x'");
}

TEST_F(CoreObject, ExceptionHierarchy) {
  EXPECT_TRUE(is_subtype(exc::ExceptionGroup, exc::Exception));
  EXPECT_TRUE(is_subtype(exc::ExceptionGroup, exc::BaseExceptionGroup));
  EXPECT_TRUE(is_subtype(exc::TabError, exc::SyntaxError));
  EXPECT_TRUE(is_subtype(exc::ModuleNotFoundError, exc::ImportError));
  EXPECT_FALSE(is_subtype(exc::KeyboardInterrupt, exc::Exception));
  EXPECT_EQ(repr_of(exc::ExceptionGroup->mro.get()),
            "(<class 'ExceptionGroup'>, <class 'BaseExceptionGroup'>, <class 'Exception'>, "
            "<class 'BaseException'>, <class 'object'>)");
}

TEST_F(CoreObject, CauseSetsSuppressContext) {
  Ref<Object> e = call0(exc::ValueError);
  Ref<Object> c = call0(exc::TypeError);
  ASSERT_EQ(setattr(e.get(), intern("__cause__"), c.get()), 0);
  EXPECT_TRUE(static_cast<BaseException*>(e.get())->suppress_context);
  Ref<Object> one = I(1);
  EXPECT_EQ(setattr(e.get(), intern("__cause__"), one.get()), -1);
  EXPECT_EQ(pending(), "TypeError: exception cause must be None or derive from BaseException");
}

TEST_F(CoreObject, NewExceptionAndSyntaxErrorStr) {
  Ref<Object> e = new_exception(exc::StopIteration, "");
  Ref<Object> v = getattr(e.get(), "value");
  EXPECT_EQ(v.get(), None);
  Ref<Object> msg = S("invalid syntax");
  Ref<Object> fn = S("dir/f.py");
  Ref<Object> three = I(3);
  Ref<Object> info = tuple_pack({fn.get(), three.get(), three.get(), None});
  Ref<Object> se = call2(exc::SyntaxError, msg.get(), info.get());
  std::string s;
  ASSERT_TRUE(str_utf8(se.get(), &s));
  EXPECT_EQ(s, "invalid syntax (f.py, line 3)");
}

TEST_F(CoreObject, ExceptionGroupSplit) {
  Ref<Object> v = call0(exc::ValueError);
  Ref<Object> t = call0(exc::TypeError);
  Ref<Object> items = tuple_pack({v.get(), t.get()});
  Ref<Object> msg = S("msg");
  Ref<Object> g = call2(exc::BaseExceptionGroup, msg.get(), items.get());
  ASSERT_TRUE(g) << pending();
  EXPECT_EQ(g->type, exc::ExceptionGroup);
  std::string s;
  ASSERT_TRUE(str_utf8(g.get(), &s));
  EXPECT_EQ(s, "msg (2 sub-exceptions)");
  Ref<Object> split = call_method(g.get(), intern("split"), reinterpret_cast<Object* const*>(&exc::ValueError), 1);
  ASSERT_TRUE(split) << pending();
  EXPECT_EQ(repr_of(split.get()), "(ExceptionGroup('msg', [ValueError()]), ExceptionGroup('msg', [TypeError()]))");
}

// ---- args ------------------------------------------------------------------------------

TEST_F(CoreObject, BindArgsMessages) {
  static const ArgSpec spec{"split", {"sep", "maxsplit"}, 0};
  Object* out[2];
  Ref<Object> a = I(1);
  Object* three[3] = {a.get(), a.get(), a.get()};
  EXPECT_FALSE(bind_args(spec, three, 3, nullptr, out));
  EXPECT_EQ(pending(), "TypeError: split() takes at most 2 arguments (3 given)");
  Ref<Tuple> kw = tuple_pack({intern("y")});
  EXPECT_FALSE(bind_args(spec, three, 0, kw.get(), out));
  EXPECT_EQ(pending(), "TypeError: 'y' is an invalid keyword argument for split()");
  Ref<Tuple> kw2 = tuple_pack({intern("sep")});
  EXPECT_FALSE(bind_args(spec, three, 1, kw2.get(), out));
  EXPECT_EQ(pending(), "TypeError: argument for split() given by name ('sep') and position (1)");
  static const ArgSpec req{"from_bytes", {"bytes", "byteorder"}, 1};
  EXPECT_FALSE(bind_args(req, three, 0, nullptr, out));
  EXPECT_EQ(pending(), "TypeError: from_bytes() missing required argument 'bytes' (pos 1)");
  EXPECT_FALSE(check_nargs("index", 0, 1, 3));
  EXPECT_EQ(pending(), "TypeError: index expected at least 1 argument, got 0");
}
