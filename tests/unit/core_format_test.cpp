// core_format_test.cpp — the format-spec mini-language and %-formatting of
// ints and floats, against CPython-generated tables.
#include "core_numbers_helpers.h"

#include "runtime/format_spec.h"

namespace coil::runtime::numtest {
namespace {

using FormatTest = NumbersTest;

TEST_F(FormatTest, FormatMatchesCPython) {
  int failures = 0;
  for (const FormatCase& c : kFormatCases) {
    Ref<Object> v = make_value(c.a);
    Ref<Object> spec = str_from(c.spec);
    std::string got = outcome(format(v.get(), spec.get()));
    if (got != c.expect && ++failures < 40)
      ADD_FAILURE() << "format(" << c.a << ", '" << c.spec << "'): got " << got << ", want " << c.expect;
  }
  EXPECT_EQ(failures, 0);
}

TEST_F(FormatTest, PercentMatchesCPython) {
  int failures = 0;
  for (const PercentCase& c : kPercentCases) {
    Ref<Object> v = make_value(c.a);
    Ref<Object> fmt = str_from(c.fmt);
    std::string got = outcome(binary_op(fmt.get(), v.get(), BinaryOp::Remainder));
    if (got != c.expect && ++failures < 40)
      ADD_FAILURE() << "'" << c.fmt << "' % " << c.a << ": got " << got << ", want " << c.expect;
  }
  EXPECT_EQ(failures, 0);
}

TEST_F(FormatTest, ParserFields) {
  FormatSpec fs;
  ASSERT_TRUE(parse_format_spec("*^+#012,.3f", &fs, "float", '>'));
  EXPECT_EQ(fs.fill, "*");
  EXPECT_EQ(fs.align, '^');
  EXPECT_EQ(fs.sign, '+');
  EXPECT_TRUE(fs.alternate);
  EXPECT_EQ(fs.width, 12);
  EXPECT_EQ(fs.grouping, ',');
  EXPECT_EQ(fs.precision, 3);
  EXPECT_EQ(fs.type, U'f');
  ASSERT_TRUE(parse_format_spec("\xc3\xa9<5", &fs));
  EXPECT_EQ(fs.fill, "\xc3\xa9");
  ASSERT_TRUE(parse_format_spec("05", &fs, "str", '<'));
  EXPECT_EQ(fs.fill, "0");
  EXPECT_EQ(fs.align, '<');   // strings keep their default alignment
  EXPECT_FALSE(parse_format_spec("_b,", &fs, "int", '>'));
  clear_error();
}

TEST_F(FormatTest, StringSpecs) {
  FormatSpec fs;
  std::string out;
  ASSERT_TRUE(parse_format_spec("*^9.2", &fs));
  ASSERT_TRUE(format_str_spec("h\xc3\xa9llo", fs, &out));
  EXPECT_EQ(out, "***h\xc3\xa9****");
  ASSERT_TRUE(parse_format_spec("+5", &fs));
  EXPECT_FALSE(format_str_spec("x", fs, &out));
  EXPECT_EQ(outcome(nullptr), "!ValueError: Sign not allowed in string format specifier");
}

TEST_F(FormatTest, DoubleToStringModes) {
  DoubleFormatFlags none;
  EXPECT_EQ(double_to_string(1.5, 'f', 3, none), "1.500");
  EXPECT_EQ(double_to_string(1234.5, 'e', 2, none), "1.23e+03");
  EXPECT_EQ(double_to_string(0.0001, 'g', 6, none), "0.0001");
  EXPECT_EQ(double_to_string(0.00001, 'g', 6, none), "1e-05");
  DoubleFormatFlags alt;
  alt.alt = true;
  EXPECT_EQ(double_to_string(1.0, 'g', 6, alt), "1.00000");
  EXPECT_EQ(double_to_string(2.0, 'f', 0, alt), "2.");
}

}  // namespace
}  // namespace coil::runtime::numtest
