// parser_test.cpp — golden tests for the parser and the AST dump.
//
// Every tests/unit/parser_cases/X.py is parsed and dumped; the dump must be
// byte for byte what `python3 -m ast` printed (X.ast), and with positions
// what `python3 -m ast -a` printed (X.attrs.ast).  errors.txt holds broken
// programs; errors.expected has CPython's SyntaxError for each.  Both
// expected files come from parser_cases/regen.sh.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "parser/parser.h"

namespace {

namespace fs = std::filesystem;
using coil::parser::Mode;

fs::path cases_dir() { return fs::path(__FILE__).parent_path() / "parser_cases"; }

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> split(const std::string& text, const std::string& sep) {
  std::vector<std::string> out;
  size_t start = 0;
  for (;;) {
    size_t at = text.find(sep, start);
    if (at == std::string::npos) {
      out.push_back(text.substr(start));
      return out;
    }
    out.push_back(text.substr(start, at - start));
    start = at + sep.size();
  }
}

Mode mode_for(const std::string& stem) {
  if (stem.rfind("eval_", 0) == 0) return Mode::Eval;
  if (stem.rfind("single_", 0) == 0) return Mode::Single;
  return Mode::Exec;
}

// The same shape as errors.expected: type|msg|lineno|offset|end_lineno|end_offset
// (offsets 1-based as in SyntaxError).
std::string describe(const std::string& src) {
  coil::ast::Module m;
  coil::Diagnostic err;
  if (coil::parser::parse(src, Mode::Exec, &m, &err)) return "OK";
  return err.type + "|" + err.msg + "|" + std::to_string(err.line) + "|" +
         std::to_string(err.col + 1) + "|" + std::to_string(err.end_line) + "|" +
         std::to_string(err.end_col + 1);
}

std::string no_end(const std::string& described) {
  auto parts = split(described, "|");
  if (parts.size() < 4) return described;
  return parts[0] + "|" + parts[1] + "|" + parts[2] + "|" + parts[3];
}

class GoldenCase : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenCase, DumpMatchesCPython) {
  std::string stem = GetParam();
  Mode mode = mode_for(stem);
  std::string src = read_file(cases_dir() / (stem + ".py"));
  coil::ast::Module m;
  coil::Diagnostic err;
  ASSERT_TRUE(coil::parser::parse(src, mode, &m, &err))
      << err.type << ": " << err.msg << " at " << err.line << ":" << err.col;
  EXPECT_EQ(coil::parser::dump(m, mode) + "\n", read_file(cases_dir() / (stem + ".ast")));
  EXPECT_EQ(coil::parser::dump(m, mode, true) + "\n",
            read_file(cases_dir() / (stem + ".attrs.ast")));
}

std::vector<std::string> golden_stems() {
  std::vector<std::string> stems;
  for (const auto& e : fs::directory_iterator(cases_dir()))
    if (e.path().extension() == ".py") stems.push_back(e.path().stem().string());
  std::sort(stems.begin(), stems.end());
  return stems;
}

INSTANTIATE_TEST_SUITE_P(Cases, GoldenCase, ::testing::ValuesIn(golden_stems()),
                         [](const auto& info) { return info.param; });

// Each broken program must fail with CPython's type, message and start
// position; the end position is checked when CPython knows it (> 0).
TEST(ParserErrors, MatchCPython) {
  auto cases = split(read_file(cases_dir() / "errors.txt"), "\n----\n");
  auto expected = split(read_file(cases_dir() / "errors.expected"), "\n");
  size_t k = 0;
  for (const auto& src : cases) {
    if (src.find_first_not_of("\n ") == std::string::npos) continue;
    ASSERT_LT(k, expected.size());
    const std::string& want = expected[k++];
    std::string got = describe(src);
    auto want_parts = split(want, "|");
    bool end_known = want_parts.size() == 6 && std::stoi(want_parts[5]) > 0;
    if (end_known)
      EXPECT_EQ(got, want) << "source:\n" << src;
    else
      EXPECT_EQ(no_end(got), no_end(want)) << "source:\n" << src;
  }
}

TEST(ParserErrors, MatchStatementIsRejected) {
  EXPECT_EQ(no_end(describe("match x:\n    case 1:\n        pass\n")),
            "SyntaxError|the 'match' statement is not supported|1|1");
  EXPECT_EQ(describe("match = 1\nmatch(x)\nmatch.foo = 2\nmatch[0] = 3\n"), "OK");
}

TEST(ParserModes, EvalRejectsStatements) {
  coil::ast::Module m;
  coil::Diagnostic err;
  EXPECT_FALSE(coil::parser::parse("x = 1", Mode::Eval, &m, &err));
  EXPECT_EQ(err.msg, "invalid syntax");
}

TEST(ParserNumbers, HugeIntsDumpInDecimal) {
  coil::ast::Module m;
  coil::Diagnostic err;
  ASSERT_TRUE(coil::parser::parse("0x1" + std::string(40, '0'), Mode::Eval, &m, &err));
  EXPECT_EQ(coil::parser::dump(m, Mode::Eval),
            "Expression(\n   body=Constant(value=1461501637330902918203684832716283019655932542976))");
}

// Garbage must produce an error (or a tree), never a crash; run under ASan.
TEST(ParserRobustness, GarbageDoesNotCrash) {
  const char* inputs[] = {
      "", "\n", "(", ")", "[[[[", "]]]", "def", "def f(", "class", "lambda", "lambda:",
      "@", "@\n", "x[", "x[:", "f(**", "f(*", "a if", "a if b", "a if b else", "not",
      "yield from", "async", "async x", "await", "with (", "with (a as", "with (a as b):",
      "import", "from", "from .", "from . import", "try:", "except:", "finally:", "else:",
      "elif x:", "x = = =", ":=", "(:=)", "f'{'", "f'{}'", "f'{x!}'", "f'{x:{y:{z}}}'",
      "b'' ''", "''' ", "0x", "1e", "\\", "\t\tx", "if x:\n\tpass\n        y", "for in:",
      "del", "del ()", "global", "nonlocal x,", "assert", "raise from", "return *", "*",
      "**x", "a.", "a..b", "...", "x: = 1", "x:", "lambda *: 0", "def f(*): pass",
      "def f(**k, a): pass", "def f(a, a): pass", "f(a=1, a=2)", "{**}", "{*}", "{:}",
      "[*]", "(*)", "print", "print x y z", "match", "match x", "match x:\n", "with a as b as c: pass",
  };
  for (const char* src : inputs) {
    coil::ast::Module m;
    coil::Diagnostic err;
    if (coil::parser::parse(src, Mode::Exec, &m, &err)) coil::parser::dump(m, Mode::Exec, true);
  }
  // Deep nesting must not blow the C++ stack.
  std::string deep(150, '(');
  deep += "x" + std::string(150, ')');
  coil::ast::Module m;
  coil::Diagnostic err;
  if (coil::parser::parse(deep, Mode::Exec, &m, &err)) coil::parser::dump(m, Mode::Exec);
  std::string minus(5000, '-');
  minus += "x";
  coil::ast::Module m2;
  if (coil::parser::parse(minus, Mode::Exec, &m2, &err)) coil::parser::dump(m2, Mode::Exec);
}

}  // namespace
