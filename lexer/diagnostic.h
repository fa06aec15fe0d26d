// diagnostic.h — a compile-time error, before any Python object exists.
//
// The lexer, parser, symbol table and compiler know nothing of the runtime,
// so they report errors as this plain struct.  The front end
// (vm/frontend.cpp) turns it into a Python SyntaxError / IndentationError /
// TabError instance with CPython's attributes (msg, filename, lineno, offset,
// text, end_lineno, end_offset), which the traceback printer lays out with
// CPython's caret line.
#pragma once

#include <string>

namespace coil {

struct Diagnostic {
  std::string type = "SyntaxError";  // or "IndentationError", "TabError"
  std::string msg;                   // CPython's message, e.g. "invalid syntax"
  int line = 0;                      // 1-based
  int col = 0;                       // 0-based byte column of the error start
  int end_line = 0;                  // 0 when unknown
  int end_col = 0;                   // 0-based, one past the end
};

}  // namespace coil
