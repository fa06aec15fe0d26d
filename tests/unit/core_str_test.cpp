// core_str_test.cpp — invariants of str, bytes and the Unicode helpers.
//
// The golden programs in tests/py/strings/ check behaviour against
// CPython; these tests check what Python code cannot see: cached lengths
// and flags, singletons and interning, hashes, and error positions of the
// UTF-8 checker.
#include <gtest/gtest.h>

#include <string>

#include "runtime/abstract.h"
#include "runtime/bootstrap.h"
#include "runtime/bytes.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/singletons.h"
#include "runtime/slice.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/unicode.h"

namespace coil::runtime {
namespace {

class StrTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { runtime_init(); }

  // Calls s.name(*args) and returns the result (fails the test on error).
  static Ref<Object> method(Object* self, const char* name, std::initializer_list<Object*> args) {
    std::vector<Object*> v(args);
    Ref<Object> r = call_method(self, intern(name), v.data(), v.size());
    if (!r) {
      std::string msg;
      Ref<Object> e = fetch_error();
      if (e) str_utf8(e.get(), &msg);
      ADD_FAILURE() << name << "() raised: " << msg;
    }
    return r;
  }

  static std::string repr_of(Object* o) {
    std::string out;
    EXPECT_TRUE(repr_utf8(o, &out));
    return out;
  }

  // The message of the pending exception (cleared), checking its type.
  static std::string error_text(TypeObject* type) {
    EXPECT_TRUE(error_matches(type));
    Ref<Object> e = fetch_error();
    std::string msg;
    if (e) str_utf8(e.get(), &msg);
    return msg;
  }
};

// ---- layout ---------------------------------------------------------------------

TEST_F(StrTest, AsciiLengthAndFlag) {
  Ref<Str> s = str_from("hello");
  EXPECT_EQ(s->length, 5);
  EXPECT_EQ(s->size, 5);
  EXPECT_TRUE(s->ascii);
  EXPECT_EQ(s->data[5], '\0');
}

TEST_F(StrTest, NonAsciiLengths) {
  Ref<Str> e = str_from("h\xC3\xA9llo");          // héllo
  EXPECT_EQ(e->length, 5);
  EXPECT_EQ(e->size, 6);
  EXPECT_FALSE(e->ascii);
  Ref<Str> euro = str_from("\xE2\x82\xAC");        // €
  EXPECT_EQ(euro->length, 1);
  EXPECT_EQ(euro->size, 3);
  Ref<Str> emoji = str_from("\xF0\x9F\x98\x80!");  // 😀!
  EXPECT_EQ(emoji->length, 2);
  EXPECT_EQ(emoji->size, 5);
}

TEST_F(StrTest, ByteOffsets) {
  Ref<Str> s = str_from("a\xC3\xA9\xE2\x82\xAC" "b");   // aé€b
  EXPECT_EQ(str_byte_offset(s.get(), 0), 0u);
  EXPECT_EQ(str_byte_offset(s.get(), 1), 1u);
  EXPECT_EQ(str_byte_offset(s.get(), 2), 3u);
  EXPECT_EQ(str_byte_offset(s.get(), 3), 6u);
  EXPECT_EQ(str_byte_offset(s.get(), 4), 7u);
}

// ---- identity -----------------------------------------------------------------------

TEST_F(StrTest, InternReturnsCanonicalObject) {
  Str* a = intern("hello_world");
  Str* b = intern("hello_world");
  EXPECT_EQ(a, b);
  EXPECT_TRUE(a->interned);
  Ref<Str> built = str_from("hello_world");
  EXPECT_NE(built.get(), a);          // runtime-built strings are separate objects
  EXPECT_FALSE(built->interned);
  Ref<Str> canon = intern_str(built);
  EXPECT_EQ(canon.get(), a);
}

TEST_F(StrTest, InternStrAdoptsNewValue) {
  Ref<Str> s = str_from("not_seen_before_xyz");
  Str* raw = s.get();
  Ref<Str> canon = intern_str(s);
  EXPECT_EQ(canon.get(), raw);
  EXPECT_EQ(intern("not_seen_before_xyz"), raw);
}

TEST_F(StrTest, SmallStringSingletons) {
  EXPECT_EQ(str_empty().get(), str_from("").get());
  EXPECT_EQ(str_from("a").get(), str_from("a").get());
  EXPECT_EQ(str_from("a").get(), intern("a"));
  EXPECT_EQ(str_from_char32(0xE9).get(), str_from("\xC3\xA9").get());   // é is Latin-1
  EXPECT_NE(str_from_char32(0x20AC).get(), str_from_char32(0x20AC).get());
  Ref<Str> abc = str_from("abc");
  Ref<Object> b = str_getitem_index(abc.get(), 1);
  EXPECT_EQ(b.get(), static_cast<Object*>(str_from("b").get()));
}

// ---- hashing and comparison ------------------------------------------------------------

TEST_F(StrTest, HashIsCachedAndNeverMinusOne) {
  Ref<Str> a = str_from("some key");
  Ref<Str> b = str_from("some key");
  EXPECT_EQ(a->hash, -1);
  int64_t h = str_hash(a.get());
  EXPECT_NE(h, -1);
  EXPECT_EQ(a->hash, h);
  EXPECT_EQ(str_hash(b.get()), h);
  EXPECT_NE(str_hash(str_from("some kez").get()), h);
  for (int i = 0; i < 1000; ++i) {
    std::string t = std::to_string(i);
    EXPECT_NE(hash_bytes(t.data(), t.size()), -1);
  }
}

TEST_F(StrTest, EqualityAndOrder) {
  Ref<Str> a = str_from("abc");
  Ref<Str> b = str_from("abd");
  EXPECT_TRUE(str_equal(a.get(), str_from("abc").get()));
  EXPECT_FALSE(str_equal(a.get(), b.get()));
  EXPECT_LT(str_compare(a.get(), b.get()), 0);
  EXPECT_LT(str_compare(str_from("ab").get(), a.get()), 0);
  // Code-point order equals UTF-8 byte order: U+00E9 < U+20AC < U+1F600.
  EXPECT_LT(str_compare(str_from("\xC3\xA9").get(), str_from("\xE2\x82\xAC").get()), 0);
  EXPECT_LT(str_compare(str_from("\xE2\x82\xAC").get(), str_from("\xF0\x9F\x98\x80").get()), 0);
}

// ---- repr -----------------------------------------------------------------------------------

TEST_F(StrTest, ReprQuoting) {
  EXPECT_EQ(str_repr_utf8("abc"), "'abc'");
  EXPECT_EQ(str_repr_utf8("it's"), "\"it's\"");
  EXPECT_EQ(str_repr_utf8("say \"hi\""), "'say \"hi\"'");
  EXPECT_EQ(str_repr_utf8("both ' and \""), "'both \\' and \"'");
  EXPECT_EQ(str_repr_utf8("a\\b"), "'a\\\\b'");
  EXPECT_EQ(str_repr_utf8("\t\n\r\x01\x7f"), "'\\t\\n\\r\\x01\\x7f'");
}

TEST_F(StrTest, ReprNonAscii) {
  EXPECT_EQ(str_repr_utf8("caf\xC3\xA9"), "'caf\xC3\xA9'");             // printable: kept
  EXPECT_EQ(str_repr_utf8("\xC2\xA0"), "'\\xa0'");                      // NBSP: not printable
  EXPECT_EQ(str_repr_utf8("\xE2\x80\xA8"), "'\\u2028'");                // line separator
  EXPECT_EQ(str_repr_utf8("\xF3\xA0\x80\x81"), "'\\U000e0001'");        // language tag
  EXPECT_EQ(str_ascii_repr_utf8("caf\xC3\xA9\xE2\x82\xAC"), "'caf\\xe9\\u20ac'");
}

TEST_F(StrTest, BytesRepr) {
  EXPECT_EQ(bytes_repr_utf8("abc"), "b'abc'");
  EXPECT_EQ(bytes_repr_utf8("'"), "b\"'\"");
  EXPECT_EQ(bytes_repr_utf8(std::string("\x00'\"\xff", 4)), "b'\\x00\\'\"\\xff'");
}

// ---- operations ------------------------------------------------------------------------------

TEST_F(StrTest, ConcatKeepsFlags) {
  Ref<Str> r = str_concat(str_from("ab").get(), str_from("\xC3\xA9").get());
  EXPECT_EQ(r->length, 3);
  EXPECT_EQ(r->size, 4);
  EXPECT_FALSE(r->ascii);
  EXPECT_EQ(r->view(), "ab\xC3\xA9");
}

TEST_F(StrTest, JoinArray) {
  Ref<Str> a = str_from("x"), b = str_from("\xE2\x82\xAC"), c = str_from("yz");
  Object* items[] = {a.get(), b.get(), c.get()};
  Ref<Object> r = str_join_array(items, 3);
  ASSERT_TRUE(r);
  EXPECT_EQ(str_view(r.get()), "x\xE2\x82\xACyz");
  EXPECT_EQ(static_cast<Str*>(r.get())->length, 4);
  Ref<Object> one = int_from_i64(1);
  Object* bad[] = {a.get(), one.get()};
  EXPECT_FALSE(str_join_array(bad, 2));
  EXPECT_EQ(error_text(exc::TypeError), "sequence item 1: expected str instance, int found");
}

TEST_F(StrTest, Slicing) {
  Ref<Str> s = str_from("h\xC3\xA9llo w\xC3\xB6rld");   // héllo wörld
  Ref<Object> sl = slice_new(nullptr, nullptr, int_from_i64(-1).get());
  Ref<Object> rev = getitem(s.get(), sl.get());
  ASSERT_TRUE(rev);
  EXPECT_EQ(str_view(rev.get()), "dlr\xC3\xB6w oll\xC3\xA9h");
  Ref<Object> sl2 = slice_new(int_from_i64(1).get(), int_from_i64(5).get(), nullptr);
  Ref<Object> mid = getitem(s.get(), sl2.get());
  EXPECT_EQ(str_view(mid.get()), "\xC3\xA9llo");
  Ref<Object> sl3 = slice_new(int_from_i64(0).get(), nullptr, int_from_i64(3).get());
  Ref<Object> step3 = getitem(s.get(), sl3.get());
  ASSERT_TRUE(step3);
  EXPECT_EQ(str_view(step3.get()), "hlwl");
  Ref<Object> big = int_from_i64(100);
  EXPECT_FALSE(getitem(s.get(), big.get()));
  EXPECT_EQ(error_text(exc::IndexError), "string index out of range");
}

TEST_F(StrTest, SplitEdgeCases) {
  Ref<Object> r = method(str_from("  a  b\tc\n").get(), "split", {});
  EXPECT_EQ(repr_of(r.get()), "['a', 'b', 'c']");
  r = method(str_from("").get(), "split", {});
  EXPECT_EQ(repr_of(r.get()), "[]");
  r = method(str_from("").get(), "split", {str_from(",").get()});
  EXPECT_EQ(repr_of(r.get()), "['']");
  r = method(str_from(",a,,b,").get(), "split", {str_from(",").get()});
  EXPECT_EQ(repr_of(r.get()), "['', 'a', '', 'b', '']");
  r = method(str_from("a b  c  ").get(), "split", {None, int_from_i64(1).get()});
  EXPECT_EQ(repr_of(r.get()), "['a', 'b  c  ']");
  r = method(str_from("  a b c").get(), "rsplit", {None, int_from_i64(1).get()});
  EXPECT_EQ(repr_of(r.get()), "['  a b', 'c']");
  r = method(str_from("a\xE2\x80\x83" "b").get(), "split", {});   // EM SPACE is whitespace
  EXPECT_EQ(repr_of(r.get()), "['a', 'b']");
  Object* empty_sep[] = {str_empty().get()};
  EXPECT_FALSE(call_method(str_from("a").get(), intern("split"), empty_sep, 1));
  EXPECT_EQ(error_text(exc::ValueError), "empty separator");
}

TEST_F(StrTest, CaseMappingsBeyondAscii) {
  EXPECT_EQ(str_view(method(str_from("stra\xC3\x9F" "e").get(), "upper", {}).get()), "STRASSE");
  EXPECT_EQ(str_view(method(str_from("\xCE\x9F\xCE\xA3").get(), "lower", {}).get()),
            "\xCE\xBF\xCF\x82");   // ΟΣ -> ος (final sigma)
  EXPECT_EQ(str_view(method(str_from("\xD0\x9F\xD1\x80\xD0\xB8").get(), "upper", {}).get()),
            "\xD0\x9F\xD0\xA0\xD0\x98");   // При -> ПРИ
}

// ---- unicode helpers -------------------------------------------------------------------------

TEST_F(StrTest, UnicodeProperties) {
  using namespace unicode;
  EXPECT_TRUE(is_alpha(0xE9));
  EXPECT_TRUE(is_alpha(0x3B1));      // α
  EXPECT_TRUE(is_alpha(0x416));      // Ж
  EXPECT_FALSE(is_alpha(0x20AC));
  EXPECT_TRUE(is_space(0x2003));
  EXPECT_TRUE(is_space(0x1C));
  EXPECT_EQ(decimal_value(0x663), 3);   // ARABIC-INDIC DIGIT THREE
  EXPECT_TRUE(is_digit(0xB2));          // ²
  EXPECT_FALSE(is_decimal(0xB2));
  EXPECT_TRUE(is_numeric(0xBD));        // ½
  uint32_t out[3];
  EXPECT_EQ(to_upper(0xDF, out), 2);
  EXPECT_EQ(out[0], 'S');
  EXPECT_EQ(to_fold(0xDF, out), 2);
  EXPECT_EQ(out[0], 's');
  EXPECT_EQ(to_title(0x1C6, out), 1);   // ǆ -> ǅ
  EXPECT_EQ(out[0], 0x1C5u);
  EXPECT_TRUE(is_xid_start(0x3B1));
  EXPECT_FALSE(is_xid_start('1'));
}

TEST_F(StrTest, Utf8CheckErrorRanges) {
  using unicode::utf8_check;
  int64_t len;
  unicode::Utf8Error err;
  EXPECT_TRUE(utf8_check("a\xC3\xA9", 3, &len, &err));
  EXPECT_EQ(len, 2);
  EXPECT_FALSE(utf8_check("\xff", 1, &len, &err));
  EXPECT_EQ(err.start, 0u);
  EXPECT_EQ(err.end, 1u);
  EXPECT_STREQ(err.reason, "invalid start byte");
  EXPECT_FALSE(utf8_check("\xe2\x82", 2, &len, &err));
  EXPECT_EQ(err.end, 2u);
  EXPECT_STREQ(err.reason, "unexpected end of data");
  EXPECT_FALSE(utf8_check("a\xe2\x28\xa1", 4, &len, &err));
  EXPECT_EQ(err.start, 1u);
  EXPECT_EQ(err.end, 2u);
  EXPECT_STREQ(err.reason, "invalid continuation byte");
  EXPECT_FALSE(utf8_check("\xed\xa0\x80", 3, &len, &err));   // surrogate D800
  EXPECT_STREQ(err.reason, "invalid continuation byte");
}

TEST_F(StrTest, CodecErrors) {
  Ref<Object> r = codec_decode("\xff", "utf-8", "strict");
  EXPECT_FALSE(r);
  EXPECT_EQ(error_text(exc::UnicodeDecodeError),
            "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte");
  r = codec_decode("a\xff" "b", "UTF8", "replace");
  ASSERT_TRUE(r);
  EXPECT_EQ(str_view(r.get()), "a\xEF\xBF\xBD" "b");
  r = codec_encode(str_from("\xC3\xA9\xC3\xA9").get(), "ascii", "strict");
  EXPECT_FALSE(r);
  EXPECT_EQ(error_text(exc::UnicodeEncodeError),
            "'ascii' codec can't encode characters in position 0-1: ordinal not in range(128)");
  r = codec_encode(str_from("x").get(), "klingon", "strict");
  EXPECT_FALSE(r);
  EXPECT_EQ(error_text(exc::LookupError), "unknown encoding: klingon");
  r = codec_decode("\xe9", "latin-1", nullptr);
  ASSERT_TRUE(r);
  EXPECT_EQ(str_view(r.get()), "\xC3\xA9");
}

TEST_F(StrTest, PercentAndFormat) {
  Ref<Object> args = tuple_pack({str_from("x").get(), int_from_i64(42).get()});
  Ref<Object> r = str_percent_format(str_from("%s=%5d|").get(), args.get());
  ASSERT_TRUE(r);
  EXPECT_EQ(str_view(r.get()), "x=   42|");
}

}  // namespace
}  // namespace coil::runtime
