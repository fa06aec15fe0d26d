// core_builtins_test.cpp — the builtins module's native functions, open()
// and file objects, and the time module.
//
// Each test calls the functions the way the VM does: look the builtin up
// in a dict filled by add_builtins() and call() it with vectorcall
// arguments.  Errors are checked by type and message (CPython's wording).
#include <gtest/gtest.h>

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/bootstrap.h"
#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/singletons.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "stdlib/native/builtins.h"
#include "stdlib/native/fileio.h"
#include "stdlib/native/modules.h"

using namespace coil::runtime;

namespace {

class BuiltinsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    runtime_init();
    ASSERT_TRUE(init_fileio_types());
  }

  void SetUp() override {
    dict_ = dict_new();
    ASSERT_TRUE(add_builtins(dict_.get())) << pending();
    char tmpl[] = "/tmp/coil_builtins_XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
  }

  void TearDown() override {
    clear_error();
    std::string cmd = "rm -rf '" + dir_ + "'";
    ASSERT_EQ(std::system(cmd.c_str()), 0);
  }

  Object* builtin(const char* name) {
    Object* f = dict_get_cstr(dict_.get(), name);
    EXPECT_NE(f, nullptr) << name;
    return f;
  }

  // Calls builtin `name` with positional args and optional keywords.
  Ref<Object> callb(const char* name, std::vector<Object*> args,
                    std::vector<std::pair<const char*, Object*>> kwargs = {}) {
    Ref<Tuple> kwnames;
    if (!kwargs.empty()) {
      kwnames = tuple_new(kwargs.size());
      for (size_t i = 0; i < kwargs.size(); i++) {
        tuple_set(kwnames.get(), i, Ref<Object>(str_from(kwargs[i].first)));
      }
    }
    size_t nargs = args.size();
    for (auto& kv : kwargs) args.push_back(kv.second);
    return call(builtin(name), args.data(), nargs, kwnames.get());
  }

  Ref<Object> meth(Object* o, const char* name, std::vector<Object*> args = {}) {
    Ref<Object> m = getattr(o, name);
    if (!m) return nullptr;
    return call(m.get(), args.data(), args.size());
  }

  // The pending exception as "TypeName: message" (and clears it).
  static std::string pending() {
    Ref<Object> e = fetch_error();
    if (!e) return "<no exception>";
    std::string msg;
    if (!str_utf8(e.get(), &msg)) msg = "<str failed>";
    clear_error();
    return std::string(type_name(type_of(e.get()))) + ": " + msg;
  }

  static std::string s(Object* o) {
    std::string out;
    EXPECT_TRUE(str_check(o));
    return std::string(str_view(o));
  }

  static std::string r(const Ref<Object>& o) {
    if (!o) return "<error " + pending() + ">";
    std::string out;
    if (!repr_utf8(o.get(), &out)) return "<repr failed " + pending() + ">";
    return out;
  }

  static Ref<Object> i(int64_t v) { return int_from_i64(v); }
  static Ref<Object> str(std::string_view v) { return str_from(v); }

  std::string path(const char* name) { return dir_ + "/" + name; }

  std::string slurp(const std::string& p) {
    std::ifstream f(p, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
  }

  void write_file(const std::string& p, const std::string& data) {
    std::ofstream f(p, std::ios::binary);
    f << data;
  }

  Ref<Dict> dict_;
  std::string dir_;
};

// ---- the dict itself ---------------------------------------------------------------

TEST_F(BuiltinsTest, DictHasFunctionsTypesExceptionsConstants) {
  for (const char* n : {"print", "len", "abs", "open", "sorted", "min", "max", "sum", "iter", "next"})
    EXPECT_NE(dict_get_cstr(dict_.get(), n), nullptr) << n;
  EXPECT_EQ(dict_get_cstr(dict_.get(), "int"), static_cast<Object*>(&IntType));
  EXPECT_EQ(dict_get_cstr(dict_.get(), "ValueError"), static_cast<Object*>(exc::ValueError));
  EXPECT_EQ(dict_get_cstr(dict_.get(), "IOError"), static_cast<Object*>(exc::OSError));
  EXPECT_EQ(dict_get_cstr(dict_.get(), "None"), None);
  EXPECT_EQ(dict_get_cstr(dict_.get(), "__debug__"), True);
  EXPECT_EQ(r(borrow(builtin("len"))), "<built-in function len>");
}

// ---- one-argument functions ----------------------------------------------------------

TEST_F(BuiltinsTest, Len) {
  Ref<Object> l = sequence_to_list(str("abc").get());
  EXPECT_EQ(r(callb("len", {l.get()})), "3");
  EXPECT_FALSE(callb("len", {}));
  EXPECT_EQ(pending(), "TypeError: len() takes exactly one argument (0 given)");
  EXPECT_FALSE(callb("len", {i(1).get()}));
  EXPECT_EQ(pending(), "TypeError: object of type 'int' has no len()");
  EXPECT_FALSE(callb("len", {}, {{"x", i(1).get()}}));
  EXPECT_EQ(pending(), "TypeError: len() takes no keyword arguments");
}

TEST_F(BuiltinsTest, ChrOrd) {
  EXPECT_EQ(r(callb("chr", {i(65).get()})), "'A'");
  EXPECT_EQ(r(callb("chr", {i(0xe9).get()})), "'é'");
  EXPECT_EQ(r(callb("ord", {str("€").get()})), "8364");
  EXPECT_EQ(r(callb("ord", {str("😀").get()})), "128512");
  EXPECT_FALSE(callb("chr", {i(0x110000).get()}));
  EXPECT_EQ(pending(), "ValueError: chr() arg not in range(0x110000)");
  EXPECT_FALSE(callb("chr", {i(-1).get()}));
  EXPECT_EQ(pending(), "ValueError: chr() arg not in range(0x110000)");
  EXPECT_FALSE(callb("ord", {str("ab").get()}));
  EXPECT_EQ(pending(), "TypeError: ord() expected a character, but string of length 2 found");
  EXPECT_FALSE(callb("ord", {i(1).get()}));
  EXPECT_EQ(pending(), "TypeError: ord() expected string of length 1, but int found");
  Ref<Object> b = bytes_from("z");
  EXPECT_EQ(r(callb("ord", {b.get()})), "122");
}

TEST_F(BuiltinsTest, HexOctBin) {
  EXPECT_EQ(r(callb("hex", {i(255).get()})), "'0xff'");
  EXPECT_EQ(r(callb("hex", {i(-255).get()})), "'-0xff'");
  EXPECT_EQ(r(callb("oct", {i(8).get()})), "'0o10'");
  EXPECT_EQ(r(callb("bin", {i(-5).get()})), "'-0b101'");
  Ref<Object> f = float_from_double(1.5);
  EXPECT_FALSE(callb("hex", {f.get()}));
  EXPECT_EQ(pending(), "TypeError: 'float' object cannot be interpreted as an integer");
}

TEST_F(BuiltinsTest, AbsHashIdCallableRepr) {
  EXPECT_EQ(r(callb("abs", {i(-7).get()})), "7");
  EXPECT_FALSE(callb("abs", {str("a").get()}));
  EXPECT_EQ(pending(), "TypeError: bad operand type for abs(): 'str'");
  EXPECT_EQ(r(callb("hash", {i(42).get()})), "42");
  Ref<Object> l = sequence_to_list(str("a").get());
  EXPECT_FALSE(callb("hash", {l.get()}));
  EXPECT_EQ(pending(), "TypeError: unhashable type: 'list'");
  EXPECT_EQ(callb("callable", {builtin("len")}).get(), True);
  EXPECT_EQ(callb("callable", {i(1).get()}).get(), False);
  EXPECT_EQ(s(callb("repr", {str("a'b").get()}).get()), "\"a'b\"");
  EXPECT_EQ(r(callb("ascii", {str("é").get()})), "\"'\\\\xe9'\"");
  Ref<Object> id1 = callb("id", {l.get()});
  Ref<Object> id2 = callb("id", {l.get()});
  EXPECT_EQ(equal(id1.get(), id2.get()), 1);
}

// ---- numbers ---------------------------------------------------------------------------

TEST_F(BuiltinsTest, RoundDivmodPow) {
  Ref<Object> f = float_from_double(2.675);
  EXPECT_EQ(r(callb("round", {f.get(), i(2).get()})), "2.67");
  EXPECT_EQ(r(callb("round", {float_from_double(2.5).get()})), "2");
  EXPECT_EQ(r(callb("round", {i(1234).get(), i(-2).get()})), "1200");
  EXPECT_FALSE(callb("round", {str("a").get()}));
  EXPECT_EQ(pending(), "TypeError: type str doesn't define __round__ method");
  EXPECT_EQ(r(callb("divmod", {i(7).get(), i(-2).get()})), "(-4, -1)");
  EXPECT_FALSE(callb("divmod", {i(1).get(), str("a").get()}));
  EXPECT_EQ(pending(), "TypeError: unsupported operand type(s) for divmod(): 'int' and 'str'");
  EXPECT_FALSE(callb("divmod", {i(1).get()}));
  EXPECT_EQ(pending(), "TypeError: divmod expected 2 arguments, got 1");
  EXPECT_EQ(r(callb("pow", {i(2).get(), i(10).get()})), "1024");
  EXPECT_EQ(r(callb("pow", {i(2).get(), i(10).get(), i(1000).get()})), "24");
  EXPECT_EQ(r(callb("pow", {i(2).get()}, {{"exp", i(3).get()}, {"mod", i(5).get()}})), "3");
}

TEST_F(BuiltinsTest, MinMax) {
  Ref<Object> l = sequence_to_list(str("bca").get());
  EXPECT_EQ(r(callb("max", {l.get()})), "'c'");
  EXPECT_EQ(r(callb("min", {i(3).get(), i(1).get(), i(2).get()})), "1");
  Ref<Object> empty = list_new();
  EXPECT_FALSE(callb("max", {empty.get()}));
  EXPECT_EQ(pending(), "ValueError: max() arg is an empty sequence");
  EXPECT_EQ(r(callb("max", {empty.get()}, {{"default", i(9).get()}})), "9");
  EXPECT_FALSE(callb("max", {}));
  EXPECT_EQ(pending(), "TypeError: max expected at least 1 argument, got 0");
  EXPECT_FALSE(callb("min", {i(1).get(), i(2).get()}, {{"default", i(9).get()}}));
  EXPECT_EQ(pending(), "TypeError: Cannot specify a default for min() with multiple positional arguments");
  EXPECT_FALSE(callb("min", {i(1).get(), i(2).get()}, {{"foo", i(9).get()}}));
  EXPECT_EQ(pending(), "TypeError: 'foo' is an invalid keyword argument for min()");
  // key=: the first maximal item wins.
  Ref<Object> words = sequence_to_list(tuple_pack({str("bb").get(), str("a").get(), str("cc").get()}).get());
  EXPECT_EQ(r(callb("max", {words.get()}, {{"key", builtin("len")}})), "'bb'");
  EXPECT_EQ(r(callb("min", {words.get()}, {{"key", builtin("len")}})), "'a'");
}

TEST_F(BuiltinsTest, Sum) {
  Ref<Object> l = sequence_to_list(tuple_pack({i(1).get(), i(2).get(), i(3).get()}).get());
  EXPECT_EQ(r(callb("sum", {l.get()})), "6");
  EXPECT_EQ(r(callb("sum", {l.get()}, {{"start", i(10).get()}})), "16");
  Ref<Object> big = sequence_to_list(tuple_pack({i(INT64_MAX).get(), i(INT64_MAX).get()}).get());
  EXPECT_EQ(r(callb("sum", {big.get()})), "18446744073709551614");
  Ref<Object> mixed = sequence_to_list(tuple_pack({i(1).get(), float_from_double(2.5).get(), True}).get());
  EXPECT_EQ(r(callb("sum", {mixed.get()})), "4.5");
  Ref<Object> tenth = float_from_double(0.1);
  Ref<Tuple> t = tuple_new(10);
  for (size_t k = 0; k < 10; k++) tuple_set(t.get(), k, tenth);
  EXPECT_EQ(r(callb("sum", {t.get()})), "0.9999999999999999");
  EXPECT_FALSE(callb("sum", {l.get(), str("").get()}));
  EXPECT_EQ(pending(), "TypeError: sum() can't sum strings [use ''.join(seq) instead]");
  EXPECT_FALSE(callb("sum", {l.get(), bytes_from("").get()}));
  EXPECT_EQ(pending(), "TypeError: sum() can't sum bytes [use b''.join(seq) instead]");
  EXPECT_FALSE(callb("sum", {}));
  EXPECT_EQ(pending(), "TypeError: sum() takes at least 1 positional argument (0 given)");
  Ref<Object> lists = sequence_to_list(tuple_pack({l.get(), l.get()}).get());
  EXPECT_EQ(r(callb("sum", {lists.get(), list_new().get()})), "[1, 2, 3, 1, 2, 3]");
}

// ---- iteration -----------------------------------------------------------------------------

TEST_F(BuiltinsTest, AnyAllSorted) {
  Ref<Object> l = sequence_to_list(tuple_pack({i(0).get(), i(2).get(), i(1).get()}).get());
  EXPECT_EQ(callb("any", {l.get()}).get(), True);
  EXPECT_EQ(callb("all", {l.get()}).get(), False);
  EXPECT_EQ(callb("all", {list_new().get()}).get(), True);
  Ref<Object> sorted = callb("sorted", {l.get()});
  EXPECT_EQ(r(sorted), "[0, 1, 2]");
  EXPECT_NE(sorted.get(), l.get());   // a new list
  EXPECT_EQ(r(l), "[0, 2, 1]");
  EXPECT_EQ(r(callb("sorted", {l.get()}, {{"reverse", True}})), "[2, 1, 0]");
  EXPECT_FALSE(callb("sorted", {}));
  EXPECT_EQ(pending(), "TypeError: sorted expected 1 argument, got 0");
  EXPECT_FALSE(callb("sorted", {l.get()}, {{"foo", True}}));
  EXPECT_EQ(pending(), "TypeError: 'foo' is an invalid keyword argument for sort()");
}

TEST_F(BuiltinsTest, IterNext) {
  Ref<Object> l = sequence_to_list(str("ab").get());
  Ref<Object> it = callb("iter", {l.get()});
  ASSERT_TRUE(it);
  EXPECT_EQ(r(callb("next", {it.get()})), "'a'");
  EXPECT_EQ(r(callb("next", {it.get()})), "'b'");
  EXPECT_EQ(r(callb("next", {it.get(), i(5).get()})), "5");
  EXPECT_FALSE(callb("next", {it.get()}));
  EXPECT_TRUE(error_matches(exc::StopIteration));
  clear_error();
  EXPECT_FALSE(callb("next", {i(1).get()}));
  EXPECT_EQ(pending(), "TypeError: 'int' object is not an iterator");
  EXPECT_FALSE(callb("iter", {i(1).get(), i(2).get()}));
  EXPECT_EQ(pending(), "TypeError: iter(v, w): v must be callable");
}

TEST_F(BuiltinsTest, IterCallableSentinel) {
  std::string p = path("it.txt");
  write_file(p, "a\nb\nSTOP\nc\n");
  Ref<Object> f = callb("open", {str(p).get()});
  Ref<Object> readline = getattr(f.get(), "readline");
  Ref<Object> it = callb("iter", {readline.get(), str("STOP\n").get()});
  ASSERT_TRUE(it) << pending();
  EXPECT_EQ(r(sequence_to_list(it.get())), "['a\\n', 'b\\n']");
}

// ---- attributes and types ---------------------------------------------------------------

TEST_F(BuiltinsTest, IsinstanceIssubclass) {
  EXPECT_EQ(callb("isinstance", {True, &IntType}).get(), True);
  EXPECT_EQ(callb("isinstance", {i(1).get(), &StrType}).get(), False);
  Ref<Tuple> types = tuple_pack({&StrType, &IntType});
  EXPECT_EQ(callb("isinstance", {i(1).get(), types.get()}).get(), True);
  EXPECT_FALSE(callb("isinstance", {i(1).get()}));
  EXPECT_EQ(pending(), "TypeError: isinstance expected 2 arguments, got 1");
  EXPECT_EQ(callb("issubclass", {&BoolType, &IntType}).get(), True);
  EXPECT_FALSE(callb("issubclass", {i(1).get(), &IntType}));
  EXPECT_EQ(pending(), "TypeError: issubclass() arg 1 must be a class");
}

TEST_F(BuiltinsTest, GetattrHasattr) {
  EXPECT_EQ(r(callb("getattr", {i(1).get(), str("real").get()})), "1");
  EXPECT_EQ(r(callb("getattr", {i(1).get(), str("nope").get(), i(7).get()})), "7");
  EXPECT_FALSE(callb("getattr", {i(1).get(), str("nope").get()}));
  EXPECT_EQ(pending(), "AttributeError: 'int' object has no attribute 'nope'");
  EXPECT_FALSE(callb("getattr", {i(1).get(), i(2).get()}));
  EXPECT_EQ(pending(), "TypeError: attribute name must be string, not 'int'");
  EXPECT_EQ(callb("hasattr", {i(1).get(), str("real").get()}).get(), True);
  EXPECT_EQ(callb("hasattr", {i(1).get(), str("nope").get()}).get(), False);
  EXPECT_FALSE(callb("setattr", {i(1).get(), str("x").get(), i(2).get()}));
  EXPECT_EQ(pending(), "AttributeError: 'int' object has no attribute 'x'");
  EXPECT_FALSE(callb("vars", {i(1).get()}));
  EXPECT_EQ(pending(), "TypeError: vars() argument must have __dict__ attribute");
}

TEST_F(BuiltinsTest, DirIsSorted) {
  Ref<Object> d = callb("dir", {i(1).get()});
  ASSERT_TRUE(list_check(d.get())) << pending();
  List* l = static_cast<List*>(d.get());
  ASSERT_GT(l->size, 10u);
  for (size_t k = 1; k < l->size; k++)
    EXPECT_LT(str_compare(static_cast<Str*>(l->items[k - 1]), static_cast<Str*>(l->items[k])), 0);
}

TEST_F(BuiltinsTest, FormatExit) {
  EXPECT_EQ(r(callb("format", {i(255).get(), str("x").get()})), "'ff'");
  EXPECT_EQ(r(callb("format", {i(5).get()})), "'5'");
  EXPECT_FALSE(callb("format", {i(1).get(), i(2).get()}));
  EXPECT_EQ(pending(), "TypeError: format() argument 2 must be str, not int");
  EXPECT_FALSE(callb("exit", {i(3).get()}));
  EXPECT_TRUE(error_matches(exc::SystemExit));
  clear_error();
}

// ---- print through a file object -------------------------------------------------------------

TEST_F(BuiltinsTest, PrintToFile) {
  std::string p = path("out.txt");
  Ref<Object> f = callb("open", {str(p).get(), str("w").get()});
  ASSERT_TRUE(f) << pending();
  ASSERT_TRUE(callb("print", {i(1).get(), str("a").get(), float_from_double(0.5).get(), None, True},
                    {{"file", f.get()}}))
      << pending();
  ASSERT_TRUE(callb("print", {i(1).get(), i(2).get()},
                    {{"sep", str("-").get()}, {"end", str("!\n").get()}, {"file", f.get()}}));
  ASSERT_TRUE(callb("print", {}, {{"file", f.get()}}));
  Ref<Object> big = int_from_string("123456789012345678901234567890", 10);
  ASSERT_TRUE(callb("print", {big.get()}, {{"file", f.get()}, {"flush", True}}));
  EXPECT_EQ(slurp(p), "1 a 0.5 None True\n1-2!\n\n123456789012345678901234567890\n");
  EXPECT_FALSE(callb("print", {i(1).get()}, {{"sep", i(3).get()}, {"file", f.get()}}));
  EXPECT_EQ(pending(), "TypeError: sep must be None or a string, not int");
  EXPECT_FALSE(callb("print", {i(1).get()}, {{"foo", i(3).get()}}));
  EXPECT_EQ(pending(), "TypeError: 'foo' is an invalid keyword argument for print()");
  ASSERT_TRUE(meth(f.get(), "close"));
  EXPECT_FALSE(callb("print", {i(1).get()}, {{"file", f.get()}}));
  EXPECT_EQ(pending(), "ValueError: I/O operation on closed file.");
}

// ---- open() and the file objects ----------------------------------------------------------

TEST_F(BuiltinsTest, OpenWriteReadText) {
  std::string p = path("x.txt");
  Ref<Object> f = callb("open", {str(p).get(), str("w").get()});
  ASSERT_TRUE(f) << pending();
  EXPECT_EQ(r(f), "<_io.TextIOWrapper name='" + p + "' mode='w' encoding='UTF-8'>");
  EXPECT_EQ(r(meth(f.get(), "write", {str("héllo\nworld\n").get()})), "12");
  EXPECT_EQ(slurp(p), "");   // still buffered
  EXPECT_EQ(r(meth(f.get(), "tell")), "13");
  ASSERT_TRUE(meth(f.get(), "close"));
  EXPECT_EQ(slurp(p), "héllo\nworld\n");
  EXPECT_EQ(r(getattr(f.get(), "closed")), "True");

  f = callb("open", {str(p).get()});
  ASSERT_TRUE(f) << pending();
  EXPECT_EQ(r(meth(f.get(), "read", {i(3).get()})), "'hél'");
  EXPECT_EQ(r(meth(f.get(), "readline")), "'lo\\n'");
  EXPECT_EQ(r(meth(f.get(), "readlines")), "['world\\n']");
  EXPECT_EQ(r(meth(f.get(), "read")), "''");
  EXPECT_EQ(r(meth(f.get(), "seek", {i(0).get()})), "0");
  EXPECT_EQ(r(meth(f.get(), "read")), "'héllo\\nworld\\n'");
  EXPECT_FALSE(meth(f.get(), "write", {str("x").get()}));
  EXPECT_EQ(pending(), "UnsupportedOperation: not writable");
}

TEST_F(BuiltinsTest, DeallocFlushesAndCloses) {
  std::string p = path("d.txt");
  {
    Ref<Object> f = callb("open", {str(p).get(), str("w").get()});
    ASSERT_TRUE(meth(f.get(), "write", {str("data").get()}));
  }
  EXPECT_EQ(slurp(p), "data");
}

TEST_F(BuiltinsTest, IterationByLines) {
  std::string p = path("lines.txt");
  write_file(p, "a\nb\r\nc\rd");
  Ref<Object> f = callb("open", {str(p).get()});
  Ref<Object> lines = sequence_to_list(f.get());
  EXPECT_EQ(r(lines), "['a\\n', 'b\\n', 'c\\n', 'd']");
  // newline='' keeps the line endings but still splits on all three.
  f = callb("open", {str(p).get()}, {{"newline", str("").get()}});
  EXPECT_EQ(r(sequence_to_list(f.get())), "['a\\n', 'b\\r\\n', 'c\\r', 'd']");
  f = callb("open", {str(p).get()}, {{"newline", str("\n").get()}});
  EXPECT_EQ(r(sequence_to_list(f.get())), "['a\\n', 'b\\r\\n', 'c\\rd']");
  f = callb("open", {str(p).get()});
  EXPECT_EQ(r(meth(f.get(), "read")), "'a\\nb\\nc\\nd'");
}

TEST_F(BuiltinsTest, BinaryFiles) {
  std::string p = path("b.bin");
  Ref<Object> f = callb("open", {str(p).get(), str("wb").get()});
  ASSERT_TRUE(f) << pending();
  EXPECT_EQ(r(f), "<_io.BufferedWriter name='" + p + "'>");
  EXPECT_EQ(r(meth(f.get(), "write", {bytes_from(std::string("a\0b\r\n", 5)).get()})), "5");
  EXPECT_FALSE(meth(f.get(), "write", {str("s").get()}));
  EXPECT_EQ(pending(), "TypeError: a bytes-like object is required, not 'str'");
  ASSERT_TRUE(meth(f.get(), "close"));
  f = callb("open", {str(p).get(), str("rb").get()});
  EXPECT_EQ(r(f), "<_io.BufferedReader name='" + p + "'>");
  EXPECT_EQ(r(getattr(f.get(), "mode")), "'rb'");
  EXPECT_EQ(r(meth(f.get(), "read")), "b'a\\x00b\\r\\n'");
  f = callb("open", {str(p).get(), str("rb").get()}, {{"buffering", i(0).get()}});
  EXPECT_EQ(r(f), "<_io.FileIO name='" + p + "' mode='rb' closefd=True>");
  ASSERT_TRUE(meth(f.get(), "close"));
  EXPECT_EQ(r(f), "<_io.FileIO [closed]>");
  f = callb("open", {str(p).get(), str("r+b").get()});
  EXPECT_EQ(r(f), "<_io.BufferedRandom name='" + p + "'>");
  EXPECT_EQ(r(meth(f.get(), "read", {i(1).get()})), "b'a'");
  EXPECT_TRUE(meth(f.get(), "write", {bytes_from("Z").get()}));
  EXPECT_EQ(r(meth(f.get(), "tell")), "2");
  ASSERT_TRUE(meth(f.get(), "close"));
  EXPECT_EQ(slurp(p), std::string("aZb\r\n", 5));
}

TEST_F(BuiltinsTest, AppendAndExclusive) {
  std::string p = path("a.txt");
  write_file(p, "one\n");
  Ref<Object> f = callb("open", {str(p).get(), str("a").get()});
  EXPECT_EQ(r(meth(f.get(), "tell")), "4");
  ASSERT_TRUE(meth(f.get(), "write", {str("two\n").get()}));
  ASSERT_TRUE(meth(f.get(), "close"));
  EXPECT_EQ(slurp(p), "one\ntwo\n");
  EXPECT_FALSE(callb("open", {str(p).get(), str("x").get()}));
  EXPECT_EQ(pending(), "FileExistsError: [Errno 17] File exists: '" + p + "'");
}

TEST_F(BuiltinsTest, OpenErrors) {
  EXPECT_FALSE(callb("open", {str(path("nope.txt")).get()}));
  EXPECT_EQ(pending(), "FileNotFoundError: [Errno 2] No such file or directory: '" + path("nope.txt") + "'");
  EXPECT_FALSE(callb("open", {str(dir_).get()}));
  EXPECT_EQ(pending(), "IsADirectoryError: [Errno 21] Is a directory: '" + dir_ + "'");
  std::string p = path("e.txt");
  write_file(p, "");
  struct Case { const char* mode; const char* msg; };
  for (Case c : {Case{"q", "ValueError: invalid mode: 'q'"},
                 Case{"rr", "ValueError: invalid mode: 'rr'"},
                 Case{"rw", "ValueError: must have exactly one of create/read/write/append mode"},
                 Case{"tb", "ValueError: can't have text and binary mode at once"},
                 Case{"", "ValueError: Must have exactly one of create/read/write/append mode and at most one plus"}}) {
    EXPECT_FALSE(callb("open", {str(p).get(), str(c.mode).get()}));
    EXPECT_EQ(pending(), c.msg);
  }
  EXPECT_FALSE(callb("open", {str(p).get(), str("rb").get()}, {{"encoding", str("utf-8").get()}}));
  EXPECT_EQ(pending(), "ValueError: binary mode doesn't take an encoding argument");
  EXPECT_FALSE(callb("open", {str(p).get(), str("r").get(), i(0).get()}));
  EXPECT_EQ(pending(), "ValueError: can't have unbuffered text I/O");
  EXPECT_FALSE(callb("open", {str(p).get()}, {{"encoding", str("foo").get()}}));
  EXPECT_EQ(pending(), "LookupError: unknown encoding: foo");
  EXPECT_FALSE(callb("open", {str(p).get()}, {{"newline", str("z").get()}}));
  EXPECT_EQ(pending(), "ValueError: illegal newline value: z");
  EXPECT_FALSE(callb("open", {float_from_double(1.5).get()}));
  EXPECT_EQ(pending(), "TypeError: expected str, bytes or os.PathLike object, not float");
  EXPECT_FALSE(callb("open", {}));
  EXPECT_EQ(pending(), "TypeError: open() missing required argument 'file' (pos 1)");
}

TEST_F(BuiltinsTest, ClosedFileErrors) {
  std::string p = path("c.txt");
  write_file(p, "x");
  Ref<Object> f = callb("open", {str(p).get()});
  ASSERT_TRUE(meth(f.get(), "close"));
  ASSERT_TRUE(meth(f.get(), "close"));   // closing twice is fine
  EXPECT_FALSE(meth(f.get(), "read"));
  EXPECT_EQ(pending(), "ValueError: I/O operation on closed file.");
  EXPECT_FALSE(get_iter(f.get()));
  EXPECT_EQ(pending(), "ValueError: I/O operation on closed file.");
  f = callb("open", {str(p).get(), str("rb").get()});
  ASSERT_TRUE(meth(f.get(), "close"));
  EXPECT_FALSE(meth(f.get(), "read"));
  EXPECT_EQ(pending(), "ValueError: read of closed file");
}

TEST_F(BuiltinsTest, Encodings) {
  std::string p = path("enc.txt");
  Ref<Object> f = callb("open", {str(p).get(), str("w").get()}, {{"encoding", str("latin-1").get()}});
  ASSERT_TRUE(f) << pending();
  EXPECT_EQ(r(f), "<_io.TextIOWrapper name='" + p + "' mode='w' encoding='latin-1'>");
  ASSERT_TRUE(meth(f.get(), "write", {str("é").get()}));
  EXPECT_FALSE(meth(f.get(), "write", {str("€").get()}));
  EXPECT_EQ(pending(),
            "UnicodeEncodeError: 'latin-1' codec can't encode character '\\u20ac' in position 0: "
            "ordinal not in range(256)");
  ASSERT_TRUE(meth(f.get(), "close"));
  EXPECT_EQ(slurp(p), "\xe9");
  f = callb("open", {str(p).get()});
  EXPECT_FALSE(meth(f.get(), "read"));
  EXPECT_EQ(pending(),
            "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xe9 in position 0: unexpected "
            "end of data");
  f = callb("open", {str(p).get()}, {{"encoding", str("latin1").get()}});
  EXPECT_EQ(r(meth(f.get(), "read")), "'é'");
}

TEST_F(BuiltinsTest, WithStatementProtocol) {
  std::string p = path("w.txt");
  Ref<Object> f = callb("open", {str(p).get(), str("w").get()});
  Ref<Object> entered = meth(f.get(), "__enter__");
  EXPECT_EQ(entered.get(), f.get());
  ASSERT_TRUE(meth(f.get(), "write", {str("z").get()}));
  ASSERT_TRUE(meth(f.get(), "__exit__", {None, None, None}));
  EXPECT_EQ(slurp(p), "z");
  EXPECT_FALSE(meth(f.get(), "__enter__"));
  EXPECT_EQ(pending(), "ValueError: I/O operation on closed file.");
}

TEST_F(BuiltinsTest, StdStreamOverPipe) {
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  Ref<Object> out = make_std_stream(fds[1], "<pipe>", "w");
  ASSERT_TRUE(out) << pending();
  EXPECT_EQ(r(out), "<_io.TextIOWrapper name='<pipe>' mode='w' encoding='utf-8'>");
  ASSERT_EQ(text_file_write(out.get(), "hello\n"), 0);
  ASSERT_EQ(file_flush(out.get()), 0);
  char buf[16] = {};
  ASSERT_EQ(read(fds[0], buf, sizeof buf), 6);
  EXPECT_STREQ(buf, "hello\n");
  out.reset();   // closefd=False: the fd stays open
  EXPECT_EQ(write(fds[1], "x", 1), 1);
  close(fds[0]);
  close(fds[1]);
}

TEST_F(BuiltinsTest, StdinReadline) {
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  ASSERT_EQ(write(fds[1], "first\r\nsecond", 13), 13);
  close(fds[1]);
  Ref<Object> in = make_std_stream(fds[0], "<stdin>", "r");
  EXPECT_EQ(r(text_file_readline(in.get())), "'first\\n'");
  EXPECT_EQ(r(text_file_readline(in.get())), "'second'");
  EXPECT_EQ(r(text_file_readline(in.get())), "''");
  close(fds[0]);
}

// ---- time ----------------------------------------------------------------------------------

TEST_F(BuiltinsTest, TimeModule) {
  Ref<Object> m = make_time_module();
  ASSERT_TRUE(m) << pending();
  Ref<Object> t0 = meth(m.get(), "perf_counter");
  ASSERT_TRUE(float_check(t0.get()));
  Ref<Object> gm = meth(m.get(), "gmtime", {i(0).get()});
  EXPECT_EQ(r(gm),
            "time.struct_time(tm_year=1970, tm_mon=1, tm_mday=1, tm_hour=0, tm_min=0, tm_sec=0, "
            "tm_wday=3, tm_yday=1, tm_isdst=0)");
  EXPECT_EQ(length(gm.get()), 9);
  EXPECT_EQ(r(getattr(gm.get(), "tm_year")), "1970");
  EXPECT_EQ(r(getattr(gm.get(), "tm_zone")), "'GMT'");
  EXPECT_EQ(r(meth(m.get(), "strftime", {str("%Y-%m-%d %H:%M:%S").get(), gm.get()})),
            "'1970-01-01 00:00:00'");
  EXPECT_EQ(r(meth(m.get(), "asctime", {gm.get()})), "'Thu Jan  1 00:00:00 1970'");
  Ref<Object> neg = meth(m.get(), "gmtime", {float_from_double(-1.5).get()});
  EXPECT_EQ(r(getattr(neg.get(), "tm_sec")), "58");
  EXPECT_FALSE(meth(m.get(), "sleep", {i(-1).get()}));
  EXPECT_EQ(pending(), "ValueError: sleep length must be non-negative");
  EXPECT_FALSE(meth(m.get(), "sleep", {str("a").get()}));
  EXPECT_EQ(pending(), "TypeError: 'str' object cannot be interpreted as an integer");
  ASSERT_TRUE(meth(m.get(), "sleep", {float_from_double(0.01).get()}));
  Ref<Object> t1 = meth(m.get(), "perf_counter");
  EXPECT_GE(float_value(t1.get()) - float_value(t0.get()), 0.009);
  Ref<Object> bad = tuple_pack({i(2000).get(), i(13).get(), i(1).get(), i(0).get(), i(0).get(),
                                i(0).get(), i(0).get(), i(1).get(), i(0).get()});
  EXPECT_FALSE(meth(m.get(), "strftime", {str("%Y").get(), bad.get()}));
  EXPECT_EQ(pending(), "ValueError: month out of range");
}

}  // namespace
