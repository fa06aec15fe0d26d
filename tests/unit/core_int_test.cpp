// core_int_test.cpp — int and bool: representation invariants and
// arithmetic edge cases checked against CPython-generated tables.
#include "core_numbers_helpers.h"

#include "runtime/singletons.h"

namespace coil::runtime::numtest {
namespace {

using IntTest = NumbersTest;

TEST_F(IntTest, SmallIntCacheIsShared) {
  for (int64_t v : {-5, 0, 1, 100, 256}) {
    Ref<Object> a = int_from_i64(v), b = int_from_i64(v);
    EXPECT_EQ(a.get(), b.get()) << v;
  }
  for (int64_t v : {-6, 257, 1000}) {
    Ref<Object> a = int_from_i64(v), b = int_from_i64(v);
    EXPECT_NE(a.get(), b.get()) << v;
  }
  // Results of arithmetic come from the cache too.
  Ref<Object> x = int_from_i64(200), y = int_from_i64(56);
  Ref<Object> s = binary_op(x.get(), y.get(), BinaryOp::Add);
  EXPECT_EQ(s.get(), int_from_i64(256).get());
}

TEST_F(IntTest, OverflowAtTwoToThe63PromotesAndNormalises) {
  Ref<Object> max = int_from_i64(INT64_MAX);
  Ref<Object> one = int_from_i64(1);
  Ref<Object> big = binary_op(max.get(), one.get(), BinaryOp::Add);
  ASSERT_TRUE(big);
  EXPECT_FALSE(int_is_small(big.get()));
  EXPECT_EQ(repr_text(big.get()), "9223372036854775808");
  Ref<Object> back = binary_op(big.get(), one.get(), BinaryOp::Sub);
  EXPECT_TRUE(int_is_small(back.get()));
  int64_t v;
  EXPECT_TRUE(int_fits_i64(back.get(), &v));
  EXPECT_EQ(v, INT64_MAX);
  Ref<Object> min = int_from_i64(INT64_MIN);
  Ref<Object> neg = negative(min.get());
  EXPECT_EQ(repr_text(neg.get()), "9223372036854775808");
  Ref<Object> m1 = int_from_i64(-1);
  Ref<Object> q = binary_op(min.get(), m1.get(), BinaryOp::FloorDiv);
  EXPECT_EQ(repr_text(q.get()), "9223372036854775808");
  Ref<Object> r = binary_op(min.get(), m1.get(), BinaryOp::Remainder);
  EXPECT_EQ(repr_text(r.get()), "0");
  EXPECT_EQ(repr_text(absolute(min.get()).get()), "9223372036854775808");
  EXPECT_EQ(repr_text(invert(min.get()).get()), "9223372036854775807");
}

TEST_F(IntTest, BinaryOperationsMatchCPython) {
  int failures = 0;
  for (const BinaryCase& c : kBinaryCases) {
    Ref<Object> a = make_value(c.a), b = make_value(c.b);
    ASSERT_TRUE(a && b);
    std::string got = outcome(binary_op(a.get(), b.get(), op_from(c.op)));
    if (got != c.expect && ++failures < 30)
      ADD_FAILURE() << c.a << " " << c.op << " " << c.b << ": got " << got << ", want " << c.expect;
  }
  EXPECT_EQ(failures, 0);
}

TEST_F(IntTest, ComparisonsMatchCPython) {
  const CompareOp ops[] = {CompareOp::Lt, CompareOp::Le, CompareOp::Eq, CompareOp::Ne, CompareOp::Gt, CompareOp::Ge};
  for (const CompareCase& c : kCompareCases) {
    Ref<Object> a = make_value(c.a), b = make_value(c.b);
    std::string got;
    for (CompareOp op : ops) got += rich_compare_bool(a.get(), b.get(), op) == 1 ? '1' : '0';
    EXPECT_EQ(got, c.expect) << c.a << " vs " << c.b;
  }
}

TEST_F(IntTest, HashesMatchCPython) {
  for (const HashCase& c : kHashCases) {
    Ref<Object> a = make_value(c.a);
    EXPECT_EQ(hash(a.get()), c.expect) << c.a;
  }
}

TEST_F(IntTest, ParsingMatchesCPython) {
  for (const ParseCase& c : kParseCases) {
    if (c.kind != 'i') continue;
    std::string got = outcome(int_from_string(c.text, c.base));
    EXPECT_EQ(got, c.expect) << "int(" << c.text << ", " << c.base << ")";
  }
}

TEST_F(IntTest, BoolIsAnIntWithTwoInstances) {
  EXPECT_TRUE(int_check(True));
  EXPECT_FALSE(int_check_exact(True));
  EXPECT_EQ(repr_text(True), "True");
  EXPECT_EQ(repr_text(False), "False");
  EXPECT_EQ(hash(True), 1);
  Ref<Object> two = binary_op(True, True, BinaryOp::Add);
  EXPECT_EQ(outcome(two), "int 2");
  EXPECT_EQ(binary_op(True, False, BinaryOp::Or).get(), True);
  EXPECT_EQ(binary_op(True, True, BinaryOp::Xor).get(), False);
  Ref<Object> one = int_from_i64(1);
  EXPECT_EQ(outcome(binary_op(True, one.get(), BinaryOp::And)), "int 1");
  EXPECT_EQ(rich_compare_bool(True, one.get(), CompareOp::Eq), 1);
}

TEST_F(IntTest, MaxStrDigitsLimit) {
  EXPECT_EQ(int_get_max_str_digits(), 4300);
  std::string digits(5000, '7');
  Ref<Object> r = int_from_string(digits, 10);
  EXPECT_EQ(outcome(r),
            "!ValueError: Exceeds the limit (4300 digits) for integer string conversion: value has 5000 "
            "digits; use sys.set_int_max_str_digits() to increase the limit");
  EXPECT_FALSE(int_set_max_str_digits(100));
  clear_error();
  ASSERT_TRUE(int_set_max_str_digits(0));
  Ref<Object> big = int_from_string(digits, 10);
  ASSERT_TRUE(big);
  ASSERT_TRUE(int_set_max_str_digits(4300));
  EXPECT_EQ(outcome(repr(big.get())),
            "!ValueError: Exceeds the limit (4300 digits) for integer string conversion; "
            "use sys.set_int_max_str_digits() to increase the limit");
  // Powers of two bases are never limited.
  EXPECT_EQ(int_to_base_string(big.get(), 16).size() > 4000, true);
}

TEST_F(IntTest, ConversionsToDoubleRoundHalfEven) {
  bool overflow;
  // 2**53 + 1 rounds to 2**53; 2**53 + 3 rounds up to 2**53 + 4.
  Ref<Object> a = int_from_string("9007199254740993", 10);
  EXPECT_EQ(int_to_double(a.get(), &overflow), 9007199254740992.0);
  Ref<Object> b = int_from_string("36028797018963980", 10);   // 2**55 + 12: a tie, to even
  EXPECT_EQ(int_to_double(b.get(), &overflow), 36028797018963984.0);
  // Big ints: 2**80 + 2**27 is a tie (rounds to even, down); one more rounds up.
  mpz_t m;
  mpz_init(m);
  mpz_ui_pow_ui(m, 2, 80);
  mpz_setbit(m, 27);
  Ref<Object> t1 = int_from_mpz(m);
  EXPECT_EQ(int_to_double(t1.get(), &overflow), std::ldexp(1.0, 80));
  mpz_add_ui(m, m, 1);
  Ref<Object> t2 = int_from_mpz(m);
  EXPECT_EQ(int_to_double(t2.get(), &overflow), std::ldexp(1.0, 80) + std::ldexp(1.0, 28));
  mpz_clear(m);
  Ref<Object> huge = int_from_string(std::string(400, '9'), 10);
  int_to_double(huge.get(), &overflow);
  EXPECT_TRUE(overflow);
}

TEST_F(IntTest, FromDoubleAndBack) {
  EXPECT_EQ(outcome(int_from_double(-2.9)), "int -2");
  EXPECT_EQ(outcome(int_from_double(1e20)), "int 100000000000000000000");
  EXPECT_EQ(outcome(int_from_double(-9223372036854775808.0)), "int -9223372036854775808");
  EXPECT_EQ(outcome(int_from_double(HUGE_VAL)), "!OverflowError: cannot convert float infinity to integer");
  EXPECT_EQ(outcome(int_from_double(NAN)), "!ValueError: cannot convert float NaN to integer");
}

TEST_F(IntTest, BaseStrings) {
  Ref<Object> v = int_from_i64(-255);
  EXPECT_EQ(str_view(int_format_base(v.get(), 16).get()), "-0xff");
  EXPECT_EQ(str_view(int_format_base(v.get(), 2).get()), "-0b11111111");
  EXPECT_EQ(str_view(int_format_base(int_from_i64(8).get(), 8).get()), "0o10");
  Ref<Object> big = int_from_string("-18446744073709551616", 10);
  EXPECT_EQ(str_view(int_format_base(big.get(), 16).get()), "-0x10000000000000000");
}

TEST_F(IntTest, FreedIntsAreRecycled) {
  Object* first;
  {
    Ref<Object> a = int_from_i64(123456789);
    first = a.get();
  }
  Ref<Object> b = int_from_i64(987654321);
  EXPECT_EQ(b.get(), first);   // the free list handed the same memory back
  EXPECT_EQ(repr_text(b.get()), "987654321");
}

}  // namespace
}  // namespace coil::runtime::numtest
