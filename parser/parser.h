// parser.h — source text to AST.
//
// parse() runs the re2c lexer and the Bison grammar (grammar.y) and then the
// checks LALR(1) cannot express (assignment-target validity, as CPython's
// pre-PEG grammar did in ast.c).  On failure it returns false and fills
// *err with CPython's SyntaxError message and position.
#pragma once

#include <string_view>

#include "lexer/diagnostic.h"
#include "parser/ast.h"

namespace coil::parser {

enum class Mode { Exec, Eval, Single };

bool parse(std::string_view source, Mode mode, ast::Module* out, Diagnostic* err);

// `python3 -m ast` output: ast.dump(tree, indent=3) (include_attributes
// adds lineno/col_offset/... as `-a` does).
std::string dump(const ast::Module& module, Mode mode, bool include_attributes = false);

}  // namespace coil::parser
