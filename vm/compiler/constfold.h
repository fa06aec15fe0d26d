// constfold.h — constants: literals, folding, sharing keys and repr
// (private to vm/compiler).
//
// The AST is read-only for the compiler, so instead of rewriting it as
// CPython's ast_opt.c does, the code generator asks fold_constant() whether
// an expression is a compile-time constant each time it is about to emit
// one.  See constfold.cpp for exactly what is folded.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "parser/ast.h"
#include "vm/compiler/codeunit.h"

namespace coil::compiler {

// The Constant for a literal node (int literals are normalised to decimal).
Constant literal_constant(const ast::Constant* c);

// The value of `e` if it is a compile-time constant, else nullopt.
std::optional<Constant> fold_constant(const ast::Expr* e);

// For `x in [1, 2]` and `for x in [1, 2]`: a list or tuple of constants
// becomes a Tuple constant, a set of constants a FrozenSet constant.
std::optional<Constant> fold_iterable(const ast::Expr* e);

// bool(c), for `if 1:` / `while True:`.
bool constant_truth(const Constant& c);

// A key that is equal exactly for constants that may share a co_consts
// slot (same type and value: 1, 1.0 and True stay apart, as do 0.0 and -0.0).
std::string constant_key(const Constant& c);

// CPython's repr() of a constant, as `dis` prints it.  `code_address`
// names a nested code object's (fake) address.
std::string constant_repr(const Constant& c,
                          const std::function<std::string(const CodeUnit&)>& code_address = nullptr);
std::string code_repr(const CodeUnit& code, const std::string& address);
std::string float_repr(double d);
std::string str_repr(const std::string& utf8);

// "0xff", "0o17", "0b1", "1_000", "00" -> decimal text.
std::string int_literal_to_decimal(const std::string& text);

}  // namespace coil::compiler
