// core_float_test.cpp — float repr, parsing, rounding and arithmetic,
// checked against CPython-generated tables.
#include "core_numbers_helpers.h"

namespace coil::runtime::numtest {
namespace {

using FloatTest = NumbersTest;

TEST_F(FloatTest, ReprIsShortestRoundTrip) {
  for (const ReprCase& c : kFloatReprCases) {
    Ref<Object> v = make_value(c.a);
    EXPECT_EQ(repr_text(v.get()), c.expect) << c.a;
  }
}

TEST_F(FloatTest, ParsingMatchesCPython) {
  for (const ParseCase& c : kParseCases) {
    if (c.kind != 'f') continue;
    EXPECT_EQ(outcome(float_from_string(c.text, nullptr)), c.expect) << "float(" << c.text << ")";
  }
}

TEST_F(FloatTest, RoundMatchesCPython) {
  Str* name = intern("__round__");
  for (const RoundCase& c : kRoundCases) {
    Ref<Object> v = make_value(c.a);
    Ref<Object> r;
    if (std::string_view(c.ndigits) == "None") {
      r = call_method(v.get(), name, nullptr, 0);
    } else {
      Ref<Object> nd = int_from_string(c.ndigits, 10);
      Object* arg = nd.get();
      r = call_method(v.get(), name, &arg, 1);
    }
    EXPECT_EQ(outcome(r), c.expect) << "round(" << c.a << ", " << c.ndigits << ")";
  }
}

TEST_F(FloatTest, HashOfIntegralFloatEqualsIntHash) {
  Ref<Object> f = float_from_double(1e20);
  Ref<Object> i = int_from_string("100000000000000000000", 10);
  EXPECT_EQ(hash(f.get()), hash(i.get()));
  // nan hashes by identity: two nans differ, one nan is stable.
  Ref<Object> n1 = float_from_double(NAN), n2 = float_from_double(NAN);
  EXPECT_EQ(hash(n1.get()), hash(n1.get()));
  EXPECT_NE(hash(n1.get()), hash(n2.get()));
}

TEST_F(FloatTest, NegativeZeroAndSpecials) {
  EXPECT_EQ(float_repr(-0.0), "-0.0");
  EXPECT_EQ(float_repr(HUGE_VAL), "inf");
  EXPECT_EQ(float_repr(-HUGE_VAL), "-inf");
  EXPECT_EQ(float_repr(NAN), "nan");
  EXPECT_EQ(float_repr(1e16), "1e+16");
  EXPECT_EQ(float_repr(123456789012345.67), "123456789012345.67");
}

TEST_F(FloatTest, PowerSpecialCases) {
  EXPECT_EQ(outcome(float_pow_values(-8.0, 1.0 / 3.0)), "!NotImplementedError: complex numbers are not supported");
  EXPECT_EQ(outcome(float_pow_values(10.0, 400.0)), "!OverflowError: (34, 'Numerical result out of range')");
  EXPECT_EQ(outcome(float_pow_values(0.0, -1.0)), "!ZeroDivisionError: 0.0 cannot be raised to a negative power");
  EXPECT_EQ(outcome(float_pow_values(-1.0, 1e300)), "float 1.0");
  EXPECT_EQ(outcome(float_pow_values(NAN, 0.0)), "float 1.0");
  EXPECT_EQ(outcome(float_pow_values(-HUGE_VAL, 3.0)), "float -inf");
}

TEST_F(FloatTest, FreeListRecyclesObjects) {
  Object* first;
  {
    Ref<Object> a = float_from_double(1.25);
    first = a.get();
  }
  Ref<Object> b = float_from_double(2.5);
  EXPECT_EQ(b.get(), first);
  EXPECT_EQ(float_value(b.get()), 2.5);
}

}  // namespace
}  // namespace coil::runtime::numtest
