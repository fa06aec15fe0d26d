// compiler.h — AST to CodeUnit: the symbol table pass, then code generation.
//
// compile() first runs the symbol table pass (symtable.cpp), which decides
// for every name in every scope whether it is local, global (explicit or
// implicit), nonlocal/free, or a cell, exactly as CPython's symtable.c; it
// raises CPython's compile-time SyntaxErrors ("nonlocal declaration not
// allowed at module level", "no binding for nonlocal 'x' found", "name 'x'
// is used prior to global declaration", "'return' outside function",
// "'break' outside loop", "'await' outside function", ...).  Then codegen
// (compiler.cpp) walks the AST emitting instructions with symbolic labels,
// resolves the labels, builds the exception table from the try/with/loop
// block structure (CPython 3.11's approach), and computes co_stacksize from
// the opcode table's stack effects.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "lexer/diagnostic.h"
#include "parser/ast.h"
#include "parser/parser.h"
#include "vm/compiler/codeunit.h"

namespace coil::compiler {

// Compiles a parsed module.  mode Exec: a module body (returns None);
// Eval: the expression's value is returned; Single: interactive, expression
// statements are printed with PRINT_EXPR.  Returns nullptr with *err set.
std::shared_ptr<CodeUnit> compile(const ast::Module& module, parser::Mode mode,
                                  std::string_view filename, Diagnostic* err);

// Prints every code object like `python3 -m dis FILE`: the top-level code,
// then each nested code object after "Disassembly of <code object f at
// 0x..., file "x.py", line 3>:".  `source` is used for nothing but may be
// shown; line numbers come from positions.
std::string disassemble(const CodeUnit& code, bool recursive = true);

}  // namespace coil::compiler
