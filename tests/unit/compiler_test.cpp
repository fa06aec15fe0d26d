// compiler_test.cpp — the symbol table, code generation, the assembler and
// the disassembler (unit_compiler).  Expected SyntaxError messages and
// positions were taken from CPython 3.11 (`compile(src, 'f', 'exec')`).
#include <gtest/gtest.h>

#include <algorithm>

#include "parser/parser.h"
#include "vm/compiler/compiler.h"

using namespace coil;
using compiler::CodeUnit;
using compiler::Constant;
using vm::Opcode;

namespace {

std::shared_ptr<CodeUnit> compile_src(const std::string& src, parser::Mode mode = parser::Mode::Exec) {
  ast::Module m;
  Diagnostic d;
  if (!parser::parse(src, mode, &m, &d)) {
    ADD_FAILURE() << "parse error: " << d.msg << " at " << d.line << ":" << d.col << " in\n" << src;
    return nullptr;
  }
  auto code = compiler::compile(m, mode, "x.py", &d);
  if (!code) ADD_FAILURE() << "compile error: " << d.type << ": " << d.msg << " at " << d.line << ":" << d.col;
  return code;
}

// The SyntaxError of `src`, from whichever layer reports it.
Diagnostic error_of(const std::string& src) {
  ast::Module m;
  Diagnostic d;
  if (!parser::parse(src, parser::Mode::Exec, &m, &d)) return d;
  if (compiler::compile(m, parser::Mode::Exec, "x.py", &d)) d.msg = "<no error>";
  return d;
}

std::string dis(const std::string& src) {
  auto code = compile_src(src);
  return code ? compiler::disassemble(*code) : "<error>";
}

// The nested code object named `name` (depth-first).
const CodeUnit* find_code(const CodeUnit& code, const std::string& name) {
  if (code.name == name) return &code;
  for (const Constant& c : code.consts)
    if (c.kind == Constant::Kind::Code && c.code)
      if (const CodeUnit* found = find_code(*c.code, name)) return found;
  return nullptr;
}

std::vector<Opcode> ops(const CodeUnit& code) {
  std::vector<Opcode> v;
  for (vm::Instr i : code.code) v.push_back(vm::instr_op(i));
  return v;
}

int count_op(const CodeUnit& code, Opcode op) {
  auto v = ops(code);
  return static_cast<int>(std::count(v.begin(), v.end(), op));
}

bool has_op(const CodeUnit& code, Opcode op) { return count_op(code, op) > 0; }

uint32_t arg_of_first(const CodeUnit& code, Opcode op) {
  for (vm::Instr i : code.code)
    if (vm::instr_op(i) == op) return vm::instr_arg(i);
  return ~0u;
}

std::vector<std::string> strs(std::initializer_list<const char*> l) { return {l.begin(), l.end()}; }

}  // namespace

// ===========================================================================
// Disassembly snapshots
// ===========================================================================
TEST(CompilerDis, AssignmentAndCall) {
  EXPECT_EQ(dis("x = 1\nprint(x)\n"),
            "  1           0 LOAD_CONST               0 (1)\n"
            "              2 STORE_NAME               0 (x)\n"
            "\n"
            "  2           4 PUSH_NULL\n"
            "              6 LOAD_NAME                1 (print)\n"
            "              8 LOAD_NAME                0 (x)\n"
            "             10 CALL                     1\n"
            "             12 POP_TOP\n"
            "             14 LOAD_CONST               1 (None)\n"
            "             16 RETURN_VALUE\n");
}

TEST(CompilerDis, TryExceptAs) {
  EXPECT_EQ(dis("try:\n    f()\nexcept E as e:\n    g(e)\n"),
            "  2           0 PUSH_NULL\n"
            "              2 LOAD_NAME                0 (f)\n"
            "              4 CALL                     0\n"
            "              6 POP_TOP\n"
            "              8 JUMP_FORWARD            28 (to 56)\n"
            "        >>   10 PUSH_EXC_INFO\n"
            "\n"
            "  3          12 LOAD_NAME                1 (E)\n"
            "             14 CHECK_EXC_MATCH\n"
            "             16 POP_JUMP_IF_FALSE       24 (to 48)\n"
            "             18 STORE_NAME               2 (e)\n"
            "\n"
            "  4          20 PUSH_NULL\n"
            "             22 LOAD_NAME                3 (g)\n"
            "             24 LOAD_NAME                2 (e)\n"
            "             26 CALL                     1\n"
            "             28 POP_TOP\n"
            "             30 POP_EXCEPT\n"
            "             32 LOAD_CONST               0 (None)\n"
            "             34 STORE_NAME               2 (e)\n"
            "             36 DELETE_NAME              2 (e)\n"
            "             38 JUMP_FORWARD            28 (to 56)\n"
            "        >>   40 LOAD_CONST               0 (None)\n"
            "             42 STORE_NAME               2 (e)\n"
            "             44 DELETE_NAME              2 (e)\n"
            "             46 RERAISE                  1\n"
            "\n"
            "  3     >>   48 RERAISE                  0\n"
            "        >>   50 COPY                     3\n"
            "             52 POP_EXCEPT\n"
            "             54 RERAISE                  1\n"
            "        >>   56 LOAD_CONST               0 (None)\n"
            "             58 RETURN_VALUE\n"
            "ExceptionTable:\n"
            "  0 to 6 -> 10 [0]\n"
            "  10 to 18 -> 50 [1] lasti\n"
            "  20 to 28 -> 40 [1] lasti\n"
            "  40 to 48 -> 50 [1] lasti\n");
}

TEST(CompilerDis, NestedCodeObjectsAndReprs) {
  std::string out = dis("def f(a, b=2):\n    return (a, \"it's\", b'\\x00q', 1.5, 1e16, 2j, -0.0, ...)\n");
  EXPECT_NE(out.find("Disassembly of <code object f at 0x"), std::string::npos) << out;
  EXPECT_NE(out.find(", file \"x.py\", line 1>:"), std::string::npos) << out;
  EXPECT_NE(out.find("MAKE_FUNCTION            1 (defaults)"), std::string::npos) << out;
  EXPECT_NE(out.find("((2,))"), std::string::npos) << out;
  EXPECT_NE(out.find("(\"it's\")"), std::string::npos) << out;
  EXPECT_NE(out.find("(b'\\x00q')"), std::string::npos) << out;
  EXPECT_NE(out.find("(1.5)"), std::string::npos) << out;
  EXPECT_NE(out.find("(1e+16)"), std::string::npos) << out;
  EXPECT_NE(out.find("(2j)"), std::string::npos) << out;
  EXPECT_NE(out.find("(-0.0)"), std::string::npos) << out;
  EXPECT_NE(out.find("(Ellipsis)"), std::string::npos) << out;
  EXPECT_NE(out.find("BUILD_TUPLE              8"), std::string::npos) << out;
}

TEST(CompilerDis, OperatorArgreprs) {
  std::string out = dis("a < b\na >= b\na ** b\na //= b\nf'{a!r:>3}'\n");
  EXPECT_NE(out.find("COMPARE_OP               0 (<)"), std::string::npos) << out;
  EXPECT_NE(out.find("COMPARE_OP               5 (>=)"), std::string::npos) << out;
  EXPECT_NE(out.find("BINARY_OP                8 (**)"), std::string::npos) << out;
  EXPECT_NE(out.find("BINARY_OP               15 (//=)"), std::string::npos) << out;
  EXPECT_NE(out.find("FORMAT_VALUE             6 (repr, with format)"), std::string::npos) << out;
}

// ===========================================================================
// SyntaxErrors, with CPython 3.11's messages and positions
// ===========================================================================
struct ErrorCase {
  const char* src;
  const char* msg;
  int line, offset, end_line, end_offset;   // as Python's SyntaxError (1-based offsets)
};

class CompilerErrors : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(CompilerErrors, MessageAndPosition) {
  const ErrorCase& c = GetParam();
  Diagnostic d = error_of(c.src);
  EXPECT_EQ(d.msg, c.msg) << c.src;
  EXPECT_EQ(d.line, c.line) << c.src;
  EXPECT_EQ(d.col + 1, c.offset) << c.src;
  EXPECT_EQ(d.end_line, c.end_line) << c.src;
  EXPECT_EQ(d.end_col + 1, c.end_offset) << c.src;
}

INSTANTIATE_TEST_SUITE_P(
    Cpython311, CompilerErrors,
    ::testing::Values(
        ErrorCase{"nonlocal x\n", "nonlocal declaration not allowed at module level", 1, 1, 1, 11},
        ErrorCase{"def f():\n  nonlocal x\n", "no binding for nonlocal 'x' found", 2, 3, 2, 13},
        ErrorCase{"def f():\n  x=1\n  global x\n", "name 'x' is assigned to before global declaration", 3, 3, 3, 11},
        ErrorCase{"def f():\n  print(x)\n  global x\n", "name 'x' is used prior to global declaration", 3, 3, 3, 11},
        ErrorCase{"def f(x):\n  global x\n", "name 'x' is parameter and global", 2, 3, 2, 11},
        ErrorCase{"def f(x):\n  nonlocal x\n", "name 'x' is parameter and nonlocal", 2, 3, 2, 13},
        ErrorCase{"def f():\n  x=1\n  def g():\n    x=2\n    nonlocal x\n",
                  "name 'x' is assigned to before nonlocal declaration", 5, 5, 5, 15},
        ErrorCase{"def f():\n  global x\n  nonlocal x\n", "name 'x' is nonlocal and global", 2, 3, 2, 11},
        ErrorCase{"def f():\n  x: int\n  global x\n", "annotated name 'x' can't be global", 3, 3, 3, 11},
        ErrorCase{"def f(x, x): pass\n", "duplicate argument 'x' in function definition", 1, 10, 1, 11},
        ErrorCase{"def f(a, *, a): pass\n", "duplicate argument 'a' in function definition", 1, 13, 1, 14},
        ErrorCase{"lambda a, a: 0\n", "duplicate argument 'a' in function definition", 1, 11, 1, 12},
        ErrorCase{"return 1\n", "'return' outside function", 1, 1, 1, 9},
        ErrorCase{"class C:\n  return\n", "'return' outside function", 2, 3, 2, 9},
        ErrorCase{"yield 1\n", "'yield' outside function", 1, 1, 1, 8},
        ErrorCase{"await x\n", "'await' outside function", 1, 1, 1, 8},
        ErrorCase{"def f():\n  await x\n", "'await' outside async function", 2, 3, 2, 10},
        ErrorCase{"async def f():\n  def g():\n    await x\n", "'await' outside async function", 3, 5, 3, 12},
        ErrorCase{"break\n", "'break' outside loop", 1, 1, 1, 6},
        ErrorCase{"continue\n", "'continue' not properly in loop", 1, 1, 1, 9},
        ErrorCase{"for x in y:\n  def g():\n    break\n", "'break' outside loop", 3, 5, 3, 10},
        ErrorCase{"def f():\n  for x in y:\n    pass\n  else:\n    continue\n", "'continue' not properly in loop", 5, 5, 5, 13},
        ErrorCase{"[(yield x) for x in y]\n", "'yield' inside list comprehension", 1, 3, 1, 10},
        ErrorCase{"{(yield) for x in y}\n", "'yield' inside set comprehension", 1, 3, 1, 8},
        ErrorCase{"def f():\n  x = [(yield) for x in y]\n", "'yield' inside list comprehension", 2, 9, 2, 14},
        ErrorCase{"[x for x in (y:=[1])]\n",
                  "assignment expression cannot be used in a comprehension iterable expression", 1, 14, 1, 20},
        ErrorCase{"def f():\n  [x for x in y for y in (z := w)]\n",
                  "assignment expression cannot be used in a comprehension iterable expression", 2, 27, 2, 33},
        ErrorCase{"[i for i in range(3) if (i:=1)]\n",
                  "assignment expression cannot rebind comprehension iteration variable 'i'", 1, 26, 1, 27},
        ErrorCase{"[[(j:=1) for i in x] for j in y]\n",
                  "assignment expression cannot rebind comprehension iteration variable 'j'", 1, 4, 1, 5},
        ErrorCase{"class C:\n  [(y:=1) for x in z]\n",
                  "assignment expression within a comprehension cannot be used in a class body", 2, 5, 2, 6},
        ErrorCase{"async def f():\n  yield 1\n  return 2\n", "'return' with value in async generator", 3, 3, 3, 11},
        ErrorCase{"def f():\n  [x async for x in y]\n",
                  "asynchronous comprehension outside of an asynchronous function", 2, 3, 2, 23},
        ErrorCase{"def f():\n  [await x for x in y]\n",
                  "asynchronous comprehension outside of an asynchronous function", 2, 3, 2, 23},
        ErrorCase{"def f():\n  from x import *\n", "import * only allowed at module level", 2, 17, 2, 18},
        ErrorCase{"async def f():\n  yield from x\n", "'yield from' inside async function", 2, 3, 2, 15},
        ErrorCase{"def f():\n  async for x in y: pass\n", "'async for' outside async function", 2, 3, 2, 25},
        ErrorCase{"def f():\n  async with x: pass\n", "'async with' outside async function", 2, 3, 2, 21},
        ErrorCase{"f(a=1, a=2)\n", "keyword argument repeated: a", 1, 8, 1, 11},
        ErrorCase{"try:\n  pass\nexcept* E:\n  break\n",
                  "'break', 'continue' and 'return' cannot appear in an except* block", 4, 3, 4, 8},
        ErrorCase{"a, *b, *c = x\n", "multiple starred expressions in assignment", 1, 1, 1, 10},
        ErrorCase{"x=1\nfrom __future__ import annotations\n",
                  "from __future__ imports must occur at the beginning of the file", 2, 1, 2, 35},
        ErrorCase{"def f():\n  from __future__ import division\n",
                  "from __future__ imports must occur at the beginning of the file", 2, 3, 2, 34},
        ErrorCase{"from __future__ import nope\n", "future feature nope is not defined", 1, 1, 0, 1},
        ErrorCase{"from __future__ import braces\n", "not a chance", 1, 1, 0, 1}));

TEST(CompilerErrorsMisc, ValidProgramsCompile) {
  // Accepted by CPython 3.11 although they look suspicious.
  for (const char* src : {"class C:\n  def f():\n    nonlocal __class__\n",
                          "async def f():\n  [x for x in (await y)]\n",
                          "def f():\n  return (await x for x in y)\n",
                          "while 1:\n  try:\n    pass\n  finally:\n    continue\n",
                          "def f():\n  lambda: (yield)\n",
                          "global x\nx: int = 1\n",
                          "\"doc\"\nfrom __future__ import annotations\nfrom __future__ import division\nx=1\n"}) {
    Diagnostic d = error_of(src);
    EXPECT_EQ(d.msg, "<no error>") << src;
  }
}

// ===========================================================================
// Scopes: local, global, free, cell
// ===========================================================================
TEST(CompilerScopes, CellsAndFreeVariables) {
  auto code = compile_src(
      "def outer(a):\n"
      "    x = 1\n"
      "    def inner(b):\n"
      "        nonlocal x\n"
      "        x += a + b\n"
      "        return x\n"
      "    return inner\n");
  ASSERT_TRUE(code);
  const CodeUnit* outer = find_code(*code, "outer");
  const CodeUnit* inner = find_code(*code, "inner");
  ASSERT_TRUE(outer && inner);
  EXPECT_EQ(outer->varnames, strs({"a", "inner"}));
  EXPECT_EQ(outer->cellvars, strs({"x"}));          // a is a cell too, but a parameter
  EXPECT_EQ(outer->cell_args, std::vector<int>{0});
  EXPECT_TRUE(outer->freevars.empty());
  EXPECT_EQ(inner->freevars, strs({"a", "x"}));     // sorted, as CPython
  EXPECT_EQ(inner->varnames, strs({"b"}));
  // localsplus: inner = [b | a x]: x is slot 2.
  EXPECT_EQ(arg_of_first(*inner, Opcode::STORE_DEREF), 2u);
  // outer = [a inner | x]: STORE_DEREF x is slot 2; LOAD_CLOSURE a is slot 0.
  EXPECT_EQ(arg_of_first(*outer, Opcode::STORE_DEREF), 2u);
  EXPECT_EQ(arg_of_first(*outer, Opcode::LOAD_CLOSURE), 0u);
  EXPECT_EQ(outer->nlocalsplus(), 3);
}

TEST(CompilerScopes, GlobalsAndNames) {
  auto code = compile_src(
      "y = 0\n"
      "def f():\n"
      "    global y\n"
      "    y = 1\n"
      "    return len(z)\n");
  ASSERT_TRUE(code);
  const CodeUnit* f = find_code(*code, "f");
  EXPECT_TRUE(has_op(*f, Opcode::STORE_GLOBAL));
  EXPECT_EQ(count_op(*f, Opcode::LOAD_GLOBAL), 2);   // len, z
  EXPECT_FALSE(has_op(*f, Opcode::LOAD_NAME));
  EXPECT_TRUE(has_op(*code, Opcode::STORE_NAME));
}

TEST(CompilerScopes, ClassBodiesDontBindForMethods) {
  auto code = compile_src(
      "def f():\n"
      "    v = 1\n"
      "    class C:\n"
      "        v = 2\n"
      "        w = v\n"
      "        def m(self): return v\n"
      "    return C\n");
  ASSERT_TRUE(code);
  const CodeUnit* c = find_code(*code, "C");
  const CodeUnit* m = find_code(*code, "m");
  EXPECT_EQ(m->freevars, strs({"v"}));   // f's v, not the class attribute
  // v is bound in the class *and* free in a method: the class passes it on.
  EXPECT_EQ(c->freevars, strs({"v"}));
  EXPECT_TRUE(has_op(*c, Opcode::LOAD_NAME));   // w = v reads the class namespace
}

TEST(CompilerScopes, ClassDerefInClassBody) {
  auto code = compile_src("def f():\n    y = 1\n    class C:\n        z = y\n    return C\n");
  ASSERT_TRUE(code);
  const CodeUnit* c = find_code(*code, "C");
  EXPECT_TRUE(has_op(*c, Opcode::LOAD_CLASSDEREF));
  EXPECT_EQ(find_code(*code, "f")->cellvars, strs({"y"}));
}

TEST(CompilerScopes, ClassCellForSuper) {
  auto code = compile_src(
      "class C(B):\n"
      "    def m(self):\n"
      "        return super().m()\n");
  ASSERT_TRUE(code);
  const CodeUnit* c = find_code(*code, "C");
  const CodeUnit* m = find_code(*code, "m");
  EXPECT_EQ(c->cellvars, strs({"__class__"}));
  EXPECT_EQ(m->freevars, strs({"__class__"}));
  std::string out = compiler::disassemble(*c, false);
  EXPECT_NE(out.find("(__classcell__)"), std::string::npos) << out;
  EXPECT_NE(out.find("MAKE_FUNCTION            8 (closure)"), std::string::npos) << out;
  // Without super/__class__ there is no cell and the body returns None.
  auto plain = compile_src("class D:\n    def m(self): return 1\n");
  EXPECT_TRUE(find_code(*plain, "D")->cellvars.empty());
}

TEST(CompilerScopes, NameMangling) {
  auto code = compile_src(
      "class _C:\n"
      "    __x = 1\n"
      "    __y__ = 2\n"
      "    def m(self, __a):\n"
      "        return self.__x, __a, self.__y__\n");
  ASSERT_TRUE(code);
  const CodeUnit* c = find_code(*code, "_C");
  const CodeUnit* m = find_code(*code, "m");
  EXPECT_NE(std::find(c->names.begin(), c->names.end(), "_C__x"), c->names.end());
  EXPECT_NE(std::find(c->names.begin(), c->names.end(), "__y__"), c->names.end());
  EXPECT_EQ(m->varnames, strs({"self", "_C__a"}));
  EXPECT_NE(std::find(m->names.begin(), m->names.end(), "_C__x"), m->names.end());
}

TEST(CompilerScopes, WalrusInComprehensionBindsOutside) {
  auto code = compile_src("def f(xs):\n    [(last := x) for x in xs]\n    return last\n");
  ASSERT_TRUE(code);
  const CodeUnit* f = find_code(*code, "f");
  const CodeUnit* comp = find_code(*code, "<listcomp>");
  EXPECT_EQ(f->cellvars, strs({"last"}));
  EXPECT_EQ(comp->freevars, strs({"last"}));
  EXPECT_EQ(comp->varnames, strs({".0", "x"}));
  // At module level the target is a global.
  auto mod = compile_src("[(last := x) for x in xs]\n");
  EXPECT_TRUE(has_op(*find_code(*mod, "<listcomp>"), Opcode::STORE_GLOBAL));
}

TEST(CompilerScopes, Qualnames) {
  auto code = compile_src(
      "def f():\n"
      "    def g():\n"
      "        class C:\n"
      "            def m(self):\n"
      "                return [lambda: 0 for _ in ()]\n"
      "        return C\n"
      "class K:\n"
      "    def h(self): pass\n"
      "def gl():\n"
      "    global z\n"
      "    def z(): pass\n");
  ASSERT_TRUE(code);
  EXPECT_EQ(find_code(*code, "g")->qualname, "f.<locals>.g");
  EXPECT_EQ(find_code(*code, "C")->qualname, "f.<locals>.g.<locals>.C");
  EXPECT_EQ(find_code(*code, "m")->qualname, "f.<locals>.g.<locals>.C.m");
  EXPECT_EQ(find_code(*code, "<listcomp>")->qualname, "f.<locals>.g.<locals>.C.m.<locals>.<listcomp>");
  EXPECT_EQ(find_code(*code, "<lambda>")->qualname, "f.<locals>.g.<locals>.C.m.<locals>.<listcomp>.<lambda>");
  EXPECT_EQ(find_code(*code, "h")->qualname, "K.h");
  EXPECT_EQ(find_code(*code, "z")->qualname, "z");
}

// ===========================================================================
// Code object properties
// ===========================================================================
TEST(CompilerCode, FlagsAndArgCounts) {
  auto code = compile_src(
      "def f(a, b, /, c, *args, d, e=1, **kw): pass\n"
      "def g():\n    yield 1\n"
      "async def h(): await x\n"
      "async def ag():\n    yield 1\n"
      "def outer():\n    v = 1\n    def inner(): return v\n");
  ASSERT_TRUE(code);
  const CodeUnit* f = find_code(*code, "f");
  EXPECT_EQ(f->argcount, 3);
  EXPECT_EQ(f->posonlyargcount, 2);
  EXPECT_EQ(f->kwonlyargcount, 2);
  EXPECT_EQ(f->varnames, strs({"a", "b", "c", "d", "e", "args", "kw"}));
  EXPECT_EQ(f->flags, vm::CO_OPTIMIZED | vm::CO_NEWLOCALS | vm::CO_VARARGS | vm::CO_VARKEYWORDS);
  EXPECT_EQ(find_code(*code, "g")->flags, vm::CO_OPTIMIZED | vm::CO_NEWLOCALS | vm::CO_GENERATOR);
  EXPECT_EQ(find_code(*code, "h")->flags, vm::CO_OPTIMIZED | vm::CO_NEWLOCALS | vm::CO_COROUTINE);
  EXPECT_EQ(find_code(*code, "ag")->flags, vm::CO_OPTIMIZED | vm::CO_NEWLOCALS | vm::CO_ASYNC_GENERATOR);
  EXPECT_EQ(find_code(*code, "inner")->flags, vm::CO_OPTIMIZED | vm::CO_NEWLOCALS | vm::CO_NESTED);
  EXPECT_EQ(code->flags, 0u);
}

TEST(CompilerCode, GeneratorPrologueAndYieldFrom) {
  auto code = compile_src("def g(x):\n    r = yield from x\n    return r\n");
  const CodeUnit* g = find_code(*code, "g");
  auto v = ops(*g);
  ASSERT_GE(v.size(), 8u);
  EXPECT_EQ(v[0], Opcode::RETURN_GENERATOR);
  EXPECT_EQ(v[1], Opcode::POP_TOP);
  // GET_YIELD_FROM_ITER; LOAD_CONST None; L: SEND end; YIELD_VALUE 1; JUMP_BACKWARD L
  EXPECT_EQ(v[3], Opcode::GET_YIELD_FROM_ITER);
  EXPECT_EQ(v[4], Opcode::LOAD_CONST);
  EXPECT_EQ(v[5], Opcode::SEND);
  EXPECT_EQ(v[6], Opcode::YIELD_VALUE);
  EXPECT_EQ(vm::instr_arg(g->code[6]), 1u);
  EXPECT_EQ(v[7], Opcode::JUMP_BACKWARD);
  EXPECT_EQ(vm::instr_arg(g->code[7]), 5u);
  EXPECT_EQ(vm::instr_arg(g->code[5]), 8u);   // SEND exits past the loop
  // A plain yield has oparg 0.
  auto plain = compile_src("def h():\n    yield 1\n");
  EXPECT_EQ(arg_of_first(*find_code(*plain, "h"), Opcode::YIELD_VALUE), 0u);
}

TEST(CompilerCode, AsyncGeneratorWrapsYields) {
  auto code = compile_src("async def ag(it):\n    async for x in it:\n        yield x\n");
  const CodeUnit* ag = find_code(*code, "ag");
  EXPECT_TRUE(has_op(*ag, Opcode::GET_AITER));
  EXPECT_TRUE(has_op(*ag, Opcode::GET_ANEXT));
  EXPECT_TRUE(has_op(*ag, Opcode::END_ASYNC_FOR));
  EXPECT_TRUE(has_op(*ag, Opcode::ASYNC_GEN_WRAP));
  ASSERT_EQ(ag->exception_table.size(), 1u);
  EXPECT_FALSE(ag->exception_table[0].lasti);
  EXPECT_EQ(ag->exception_table[0].depth, 1u);   // the async iterator stays
}

TEST(CompilerCode, Docstrings) {
  auto code = compile_src("\"mod\"\ndef f():\n    'doc'\n    return 1\ndef g():\n    return 2\nl = lambda: 3\n");
  ASSERT_TRUE(code);
  std::string out = compiler::disassemble(*code, false);
  EXPECT_NE(out.find("STORE_NAME               0 (__doc__)"), std::string::npos) << out;
  const CodeUnit* f = find_code(*code, "f");
  ASSERT_FALSE(f->consts.empty());
  EXPECT_EQ(f->consts[0].kind, Constant::Kind::Str);
  EXPECT_EQ(f->consts[0].text, "doc");
  EXPECT_TRUE(f->has_docstring);
  const CodeUnit* g = find_code(*code, "g");
  EXPECT_EQ(g->consts[0].kind, Constant::Kind::None);
  EXPECT_FALSE(g->has_docstring);
  EXPECT_EQ(find_code(*code, "<lambda>")->consts[0].kind, Constant::Kind::None);
}

TEST(CompilerCode, ConstantsAreShared) {
  auto code = compile_src("x = 1000\ny = 1000\nz = 1000.0\nw = (1, 2)\nv = (1, 2)\nt = True\nu = 1\n");
  ASSERT_TRUE(code);
  std::vector<uint32_t> loads;
  for (vm::Instr i : code->code)
    if (vm::instr_op(i) == Opcode::LOAD_CONST) loads.push_back(vm::instr_arg(i));
  ASSERT_GE(loads.size(), 7u);
  EXPECT_EQ(loads[0], loads[1]);   // 1000 and 1000
  EXPECT_NE(loads[0], loads[2]);   // 1000.0 is another constant
  EXPECT_EQ(loads[3], loads[4]);   // equal tuples
  EXPECT_NE(loads[5], loads[6]);   // True is not 1
}

TEST(CompilerCode, ConstantFolding) {
  auto code = compile_src(
      "a = -5\nb = 2 ** 10\nc = 60 * 60\nd = 'ab' + 'cd'\ne = (1, -2.5, ('x',))\nf = __debug__\n"
      "g = 7 // -2\nh = -7 % 3\ni = 1 << 70\nj = 1 / 0\nk = 0x10\n");
  ASSERT_TRUE(code);
  std::string out = compiler::disassemble(*code);
  EXPECT_NE(out.find("(-5)"), std::string::npos) << out;
  EXPECT_NE(out.find("(1024)"), std::string::npos) << out;
  EXPECT_NE(out.find("(3600)"), std::string::npos) << out;
  EXPECT_NE(out.find("('abcd')"), std::string::npos) << out;
  EXPECT_NE(out.find("((1, -2.5, ('x',)))"), std::string::npos) << out;
  EXPECT_NE(out.find("(True)"), std::string::npos) << out;
  EXPECT_NE(out.find("(-4)"), std::string::npos) << out;   // floor division
  EXPECT_NE(out.find("(2)\n"), std::string::npos) << out;  // -7 % 3 == 2
  EXPECT_NE(out.find("(16)"), std::string::npos) << out;   // hex literal, decimal constant
  // Not folded: big shifts and division by zero stay run-time operations.
  EXPECT_EQ(count_op(*code, Opcode::BINARY_OP), 2);
  EXPECT_EQ(count_op(*code, Opcode::UNARY_NEGATIVE), 0);
}

TEST(CompilerCode, InAndForOverConstantLists) {
  auto code = compile_src("x in [1, 2, 3]\nfor y in [4, 5]: pass\nz in {6, 7}\n");
  ASSERT_TRUE(code);
  std::string out = compiler::disassemble(*code);
  EXPECT_NE(out.find("((1, 2, 3))"), std::string::npos) << out;
  EXPECT_NE(out.find("((4, 5))"), std::string::npos) << out;
  EXPECT_NE(out.find("(frozenset({6, 7}))"), std::string::npos) << out;
  EXPECT_FALSE(has_op(*code, Opcode::BUILD_LIST));
  EXPECT_FALSE(has_op(*code, Opcode::BUILD_SET));
}

TEST(CompilerCode, BigIntLiteralsBecomeDecimal) {
  auto code = compile_src("x = 0xFFFFFFFFFFFFFFFFFFFF\ny = 1_000_000_000_000_000_000_000\n");
  std::string out = compiler::disassemble(*code);
  EXPECT_NE(out.find("(1208925819614629174706175)"), std::string::npos) << out;
  EXPECT_NE(out.find("(1000000000000000000000)"), std::string::npos) << out;
}

TEST(CompilerCode, DeadCodeAfterReturnIsRemoved) {
  auto code = compile_src("def f():\n    return 1\n    print('dead')\n    x = 2\n");
  const CodeUnit* f = find_code(*code, "f");
  EXPECT_EQ(ops(*f), (std::vector<Opcode>{Opcode::LOAD_CONST, Opcode::RETURN_VALUE}));
  // ... and constants only the dead code used are gone (consts[0] stays).
  EXPECT_EQ(f->consts.size(), 2u);
}

TEST(CompilerCode, WhileTrueHasNoTest) {
  auto code = compile_src("def f():\n    while True:\n        g()\n");
  const CodeUnit* f = find_code(*code, "f");
  EXPECT_FALSE(has_op(*f, Opcode::POP_JUMP_IF_FALSE));
  EXPECT_TRUE(has_op(*f, Opcode::JUMP_BACKWARD));
  EXPECT_FALSE(has_op(*f, Opcode::RETURN_VALUE));   // never falls off the end
}

TEST(CompilerCode, LoopsJumpBackward) {
  auto code = compile_src("def f(n):\n    while n:\n        n -= 1\n        if n == 5: continue\n    for i in n: pass\n");
  const CodeUnit* f = find_code(*code, "f");
  EXPECT_EQ(count_op(*f, Opcode::JUMP_BACKWARD), 3);
  for (size_t i = 0; i < f->code.size(); ++i) {
    Opcode op = vm::instr_op(f->code[i]);
    uint32_t target = vm::instr_arg(f->code[i]);
    if (op == Opcode::JUMP_BACKWARD) {
      EXPECT_LE(target, i);
    }
    if (op == Opcode::JUMP_FORWARD) {
      EXPECT_GT(target, i);
    }
  }
}

// ===========================================================================
// Stack depth and the exception table
// ===========================================================================
TEST(CompilerStack, Depths) {
  EXPECT_EQ(compile_src("x = 1\n")->stacksize, 1);
  EXPECT_EQ(compile_src("f(a, b, c)\n")->stacksize, 5);     // NULL, f, a, b, c
  EXPECT_EQ(compile_src("o.m(a, b)\n")->stacksize, 4);      // meth, self, a, b
  EXPECT_EQ(compile_src("x = a + b * c\n")->stacksize, 3);
  auto with = compile_src("with a as b:\n    pass\n");
  // The cleanup handler: exit, lasti, prev_exc, lasti, exc, and COPY 3 (as CPython).
  EXPECT_EQ(with->stacksize, 6);
  auto f = compile_src("def f():\n    for x in y:\n        try:\n            return g(x)\n        finally:\n            h()\n");
  EXPECT_GE(find_code(*f, "f")->stacksize, 4);
}

TEST(CompilerStack, ExceptionTableForWith) {
  auto code = compile_src("with a as b:\n    f(b)\n");
  ASSERT_TRUE(code);
  ASSERT_GE(code->exception_table.size(), 2u);
  const auto& body = code->exception_table[0];
  EXPECT_TRUE(body.lasti);
  EXPECT_EQ(body.depth, 1u);   // unwinds to [exit]: __enter__'s result is dropped
  EXPECT_EQ(vm::instr_op(code->code[body.target]), Opcode::PUSH_EXC_INFO);
  EXPECT_EQ(vm::instr_op(code->code[body.target + 1]), Opcode::WITH_EXCEPT_START);
  // The normal exit calls __exit__(None, None, None): three Nones and CALL 2.
  std::string out = compiler::disassemble(*code);
  EXPECT_NE(out.find("CALL                     2"), std::string::npos) << out;
  EXPECT_NE(out.find("RERAISE                  2"), std::string::npos) << out;
}

TEST(CompilerStack, ReturnInsideWithCallsExit) {
  auto code = compile_src("def f():\n    with a:\n        return g()\n");
  const CodeUnit* f = find_code(*code, "f");
  // value, SWAP 2, exit(None, None, None), POP_TOP, RETURN_VALUE.
  std::string out = compiler::disassemble(*f, false);
  size_t ret = out.find("RETURN_VALUE");
  size_t swap = out.find("SWAP                     2");
  size_t call = out.find("CALL                     2");
  ASSERT_NE(ret, std::string::npos);
  EXPECT_LT(swap, ret) << out;
  EXPECT_LT(call, ret) << out;
}

TEST(CompilerStack, BreakInsideFinallyRunsFinallyBody) {
  auto code = compile_src("for i in x:\n    try:\n        break\n    finally:\n        fin()\n");
  ASSERT_TRUE(code);
  // fin() appears inline on the break path and the normal path, and once
  // more in the exception handler.
  int calls = 0;
  for (size_t i = 0; i < code->code.size(); ++i)
    if (vm::instr_op(code->code[i]) == Opcode::LOAD_NAME && code->names[vm::instr_arg(code->code[i])] == "fin") ++calls;
  EXPECT_EQ(calls, 2);   // the normal path is dead: the body always breaks
}

TEST(CompilerStack, ExceptionTableEntriesAreSane) {
  const char* programs[] = {
      "try:\n  a()\nexcept E as e:\n  b()\nelse:\n  c()\nfinally:\n  d()\n",
      "try:\n  a()\nexcept* E as e:\n  b()\nexcept* F:\n  c()\n",
      "def f():\n  for x in y:\n    with a, b as c:\n      if x: continue\n      try:\n        return 1\n      except:\n        raise\n",
      "async def f():\n  async with a as b:\n    async for c in b:\n      await c\n  return [x async for x in y]\n",
      "def g():\n  try:\n    yield 1\n  finally:\n    yield 2\n",
  };
  for (const char* src : programs) {
    auto code = compile_src(src);
    ASSERT_TRUE(code) << src;
    std::vector<const CodeUnit*> all{code.get()};
    for (size_t k = 0; k < all.size(); ++k)
      for (const Constant& c : all[k]->consts)
        if (c.kind == Constant::Kind::Code) all.push_back(c.code.get());
    for (const CodeUnit* cu : all) {
      EXPECT_EQ(cu->positions.size(), cu->code.size());
      for (const auto& e : cu->exception_table) {
        EXPECT_LT(e.start, e.end) << src;
        EXPECT_LE(e.end, cu->code.size()) << src;
        EXPECT_LT(e.target, cu->code.size()) << src;
        EXPECT_LE(static_cast<int>(e.depth), cu->stacksize) << src;
      }
      // Every instruction that can raise has a line.
      for (size_t i = 0; i < cu->code.size(); ++i) {
        Opcode op = vm::instr_op(cu->code[i]);
        if (op == Opcode::CALL || op == Opcode::LOAD_GLOBAL || op == Opcode::LOAD_NAME || op == Opcode::BINARY_OP) {
          EXPECT_GT(cu->positions[i].line, 0) << src << " @" << i;
        }
      }
    }
  }
}

// ===========================================================================
// Statements and expressions
// ===========================================================================
TEST(CompilerStmt, ImportForms) {
  auto code = compile_src("import a.b.c\nimport a.b.c as d\nfrom .m import x as y\nfrom os import *\n");
  std::string out = compiler::disassemble(*code);
  EXPECT_NE(out.find("IMPORT_NAME              0 (a.b.c)\n              6 STORE_NAME               1 (a)"),
            std::string::npos) << out;
  EXPECT_NE(out.find("IMPORT_FROM              2 (b)"), std::string::npos) << out;
  EXPECT_NE(out.find("IMPORT_FROM              3 (c)"), std::string::npos) << out;
  EXPECT_NE(out.find("STORE_NAME               4 (d)"), std::string::npos) << out;
  EXPECT_NE(out.find("(('x',))"), std::string::npos) << out;
  EXPECT_TRUE(has_op(*code, Opcode::IMPORT_STAR));
}

TEST(CompilerStmt, AnnotationsAtModuleLevel) {
  auto code = compile_src("x: int = 1\ny: str\n");
  auto v = ops(*code);
  EXPECT_EQ(v[0], Opcode::SETUP_ANNOTATIONS);
  EXPECT_EQ(count_op(*code, Opcode::STORE_SUBSCR), 2);
  // In a function, annotations are not evaluated but the name is local.
  auto f = compile_src("def f():\n    x: undefined_name = 1\n    return x\n");
  const CodeUnit* fc = find_code(*f, "f");
  EXPECT_FALSE(has_op(*fc, Opcode::SETUP_ANNOTATIONS));
  EXPECT_FALSE(has_op(*fc, Opcode::LOAD_GLOBAL));
  EXPECT_EQ(fc->varnames, strs({"x"}));
  // Function annotations: a flat (name, value, ...) tuple, MAKE_FUNCTION flag 4.
  auto g = compile_src("def g(a: int, *, b: str) -> bool: pass\n");
  std::string out = compiler::disassemble(*g, false);
  EXPECT_NE(out.find("BUILD_TUPLE              6"), std::string::npos) << out;
  EXPECT_NE(out.find("MAKE_FUNCTION            4 (annotations)"), std::string::npos) << out;
}

TEST(CompilerStmt, AssertAndRaise) {
  auto code = compile_src("assert x, 'm'\nraise E from C\nraise\n");
  std::string out = compiler::disassemble(*code);
  EXPECT_NE(out.find("LOAD_ASSERTION_ERROR"), std::string::npos);
  EXPECT_NE(out.find("RAISE_VARARGS            2"), std::string::npos) << out;
}

TEST(CompilerStmt, BareRaise) {
  auto code = compile_src("try:\n    f()\nexcept:\n    raise\n");
  EXPECT_EQ(arg_of_first(*code, Opcode::RAISE_VARARGS), 0u);
}

TEST(CompilerStmt, DeleteEveryTarget) {
  auto code = compile_src("def f(a):\n    global g\n    del a, g, a.b, a[1], (a.c, a[2])\n");
  const CodeUnit* f = find_code(*code, "f");
  EXPECT_TRUE(has_op(*f, Opcode::DELETE_FAST));
  EXPECT_TRUE(has_op(*f, Opcode::DELETE_GLOBAL));
  EXPECT_EQ(count_op(*f, Opcode::DELETE_ATTR), 2);
  EXPECT_EQ(count_op(*f, Opcode::DELETE_SUBSCR), 2);
  auto cell = compile_src("def f():\n    x = 1\n    def g(): return x\n    del x\n");
  EXPECT_TRUE(has_op(*find_code(*cell, "f"), Opcode::DELETE_DEREF));
}

TEST(CompilerStmt, AugmentedAssignment) {
  auto code = compile_src("a.b += 1\na[i] -= 2\nn *= 3\n");
  std::string out = compiler::disassemble(*code);
  EXPECT_NE(out.find("COPY                     1\n              4 LOAD_ATTR"), std::string::npos) << out;
  EXPECT_NE(out.find("BINARY_OP               13 (+=)"), std::string::npos) << out;
  EXPECT_NE(out.find("BINARY_OP               23 (-=)"), std::string::npos) << out;
  EXPECT_NE(out.find("BINARY_OP               18 (*=)"), std::string::npos) << out;
  EXPECT_NE(out.find("SWAP                     3"), std::string::npos) << out;
}

TEST(CompilerStmt, Unpacking) {
  auto code = compile_src("a, *b, c = x\n[d, e] = y\n");
  EXPECT_EQ(arg_of_first(*code, Opcode::UNPACK_EX), 1u | (1u << 8));
  EXPECT_EQ(arg_of_first(*code, Opcode::UNPACK_SEQUENCE), 2u);
}

TEST(CompilerExpr, CallShapes) {
  auto kw = compile_src("f(1, x=2, y=3)\n");
  std::string out = compiler::disassemble(*kw);
  EXPECT_NE(out.find("KW_NAMES                 3 (('x', 'y'))"), std::string::npos) << out;
  EXPECT_NE(out.find("CALL                     3"), std::string::npos) << out;
  auto meth = compile_src("o.m(1)\n");
  EXPECT_TRUE(has_op(*meth, Opcode::LOAD_METHOD));
  EXPECT_FALSE(has_op(*meth, Opcode::PUSH_NULL));
  auto star = compile_src("f(*a, 1, **k)\n");
  EXPECT_TRUE(has_op(*star, Opcode::CALL_FUNCTION_EX));
  EXPECT_EQ(arg_of_first(*star, Opcode::CALL_FUNCTION_EX), 1u);
  EXPECT_TRUE(has_op(*star, Opcode::LIST_TO_TUPLE));
  EXPECT_TRUE(has_op(*star, Opcode::DICT_MERGE));
  auto single = compile_src("f(*a)\n");
  EXPECT_EQ(arg_of_first(*single, Opcode::CALL_FUNCTION_EX), 0u);
  EXPECT_FALSE(has_op(*single, Opcode::BUILD_LIST));
}

TEST(CompilerExpr, DecoratorsApplyBottomUp) {
  auto code = compile_src("@a\n@b\ndef f(): pass\n");
  auto v = ops(*code);
  // a, b, code, MAKE_FUNCTION, CALL 0 (b), CALL 0 (a), STORE
  std::vector<Opcode> want{Opcode::LOAD_NAME, Opcode::LOAD_NAME, Opcode::LOAD_CONST, Opcode::MAKE_FUNCTION,
                           Opcode::CALL, Opcode::CALL, Opcode::STORE_NAME};
  ASSERT_GE(v.size(), 7u);
  EXPECT_EQ(std::vector<Opcode>(v.begin(), v.begin() + 7), want);
  EXPECT_EQ(find_code(*code, "f")->firstlineno, 1);
}

TEST(CompilerExpr, ClassDefinition) {
  auto code = compile_src("class C(B, metaclass=M):\n    'doc'\n    x: int = 1\n");
  std::string out = compiler::disassemble(*code);
  EXPECT_NE(out.find("LOAD_BUILD_CLASS"), std::string::npos);
  EXPECT_NE(out.find("KW_NAMES"), std::string::npos) << out;
  EXPECT_NE(out.find("CALL                     4"), std::string::npos) << out;
  const CodeUnit* c = find_code(*code, "C");
  std::string body = compiler::disassemble(*c, false);
  EXPECT_NE(body.find("(__module__)"), std::string::npos) << body;
  EXPECT_NE(body.find("(__qualname__)"), std::string::npos) << body;
  EXPECT_NE(body.find("(__doc__)"), std::string::npos) << body;
  EXPECT_NE(body.find("SETUP_ANNOTATIONS"), std::string::npos) << body;
  EXPECT_EQ(c->flags, 0u);
}

TEST(CompilerExpr, ChainedComparison) {
  auto code = compile_src("r = a < b < c\n");
  EXPECT_TRUE(has_op(*code, Opcode::SWAP));
  EXPECT_TRUE(has_op(*code, Opcode::COPY));
  EXPECT_TRUE(has_op(*code, Opcode::JUMP_IF_FALSE_OR_POP));
  EXPECT_EQ(count_op(*code, Opcode::COMPARE_OP), 2);
}

TEST(CompilerExpr, BooleanShortCircuit) {
  auto code = compile_src("x = a and b or c\n");
  EXPECT_TRUE(has_op(*code, Opcode::JUMP_IF_FALSE_OR_POP));
  EXPECT_TRUE(has_op(*code, Opcode::JUMP_IF_TRUE_OR_POP));
  auto cond = compile_src("if not (a and b): f()\n");
  EXPECT_FALSE(has_op(*cond, Opcode::UNARY_NOT));
  EXPECT_FALSE(has_op(*cond, Opcode::JUMP_IF_FALSE_OR_POP));
}

TEST(CompilerExpr, Displays) {
  auto code = compile_src("a = [1, 2, 3]\nb = {1, 2, 3}\nc = {'k': 1, 'j': 2}\nd = [*x, 1]\ne = {**m, 'k': 1}\nf = (*x,)\n");
  std::string out = compiler::disassemble(*code);
  EXPECT_NE(out.find("BUILD_LIST               0\n              2 LOAD_CONST               0 ((1, 2, 3))"),
            std::string::npos) << out;
  EXPECT_NE(out.find("frozenset({1, 2, 3})"), std::string::npos) << out;
  EXPECT_NE(out.find("BUILD_CONST_KEY_MAP      2"), std::string::npos) << out;
  EXPECT_TRUE(has_op(*code, Opcode::LIST_EXTEND));
  EXPECT_TRUE(has_op(*code, Opcode::DICT_UPDATE));
  EXPECT_TRUE(has_op(*code, Opcode::LIST_TO_TUPLE));
}

TEST(CompilerExpr, Comprehensions) {
  auto code = compile_src("def f(xs):\n    return [x * y for x in xs for y in x if y]\n");
  const CodeUnit* comp = find_code(*code, "<listcomp>");
  ASSERT_TRUE(comp);
  EXPECT_EQ(comp->argcount, 1);
  EXPECT_EQ(comp->varnames[0], ".0");
  EXPECT_EQ(arg_of_first(*comp, Opcode::LIST_APPEND), 3u);   // list, it1, it2
  const CodeUnit* f = find_code(*code, "f");
  EXPECT_TRUE(has_op(*f, Opcode::GET_ITER));
  EXPECT_EQ(arg_of_first(*f, Opcode::CALL), 0u);
  auto gen = compile_src("g = (x for x in y)\n");
  const CodeUnit* ge = find_code(*gen, "<genexpr>");
  EXPECT_EQ(ge->flags & vm::CO_GENERATOR, vm::CO_GENERATOR);
  EXPECT_EQ(ops(*ge)[0], Opcode::RETURN_GENERATOR);
  auto dc = compile_src("d = {k: v for k, v in items}\ns = {x for x in y}\n");
  EXPECT_TRUE(has_op(*find_code(*dc, "<dictcomp>"), Opcode::MAP_ADD));
  EXPECT_TRUE(has_op(*find_code(*dc, "<setcomp>"), Opcode::SET_ADD));
}

TEST(CompilerExpr, AsyncComprehensionIsAwaited) {
  auto code = compile_src("async def f(y):\n    return [x async for x in y]\n");
  const CodeUnit* f = find_code(*code, "f");
  const CodeUnit* comp = find_code(*code, "<listcomp>");
  EXPECT_TRUE(has_op(*f, Opcode::GET_AITER));
  EXPECT_TRUE(has_op(*f, Opcode::GET_AWAITABLE));
  EXPECT_EQ(comp->flags & vm::CO_COROUTINE, vm::CO_COROUTINE);
}

TEST(CompilerExpr, LambdaAndDefaults) {
  auto code = compile_src("l = lambda a, b=1, *, c=2: a\n");
  std::string out = compiler::disassemble(*code, false);
  EXPECT_NE(out.find("MAKE_FUNCTION            3 (defaults, kwdefaults)"), std::string::npos) << out;
  const CodeUnit* l = find_code(*code, "<lambda>");
  EXPECT_EQ(l->argcount, 2);
  EXPECT_EQ(l->kwonlyargcount, 1);
}

TEST(CompilerExpr, FStrings) {
  auto code = compile_src("s = f'a{b}c{d!s}'\n");
  EXPECT_EQ(arg_of_first(*code, Opcode::BUILD_STRING), 4u);
  EXPECT_EQ(count_op(*code, Opcode::FORMAT_VALUE), 2);
}

TEST(CompilerExpr, SlicesAndSubscripts) {
  auto code = compile_src("a[1:2]\na[::3] = b\n");
  std::string out = compiler::disassemble(*code);
  EXPECT_NE(out.find("BUILD_SLICE              2"), std::string::npos) << out;
  EXPECT_NE(out.find("BUILD_SLICE              3"), std::string::npos) << out;
  EXPECT_TRUE(has_op(*code, Opcode::STORE_SUBSCR));
}

// ===========================================================================
// Modes
// ===========================================================================
TEST(CompilerModes, EvalAndSingle) {
  auto e = compile_src("1 + x", parser::Mode::Eval);
  ASSERT_TRUE(e);
  auto v = ops(*e);
  EXPECT_EQ(v.back(), Opcode::RETURN_VALUE);
  EXPECT_EQ(count_op(*e, Opcode::RETURN_VALUE), 1);
  auto s = compile_src("x = 1\nx\n", parser::Mode::Single);
  ASSERT_TRUE(s);
  EXPECT_EQ(count_op(*s, Opcode::PRINT_EXPR), 1);
}
