// lexer.h — the public face of the re2c scanner (lexer.re).
//
// Usage:
//   coil::lexer::Lexer lx(source);
//   Token t;
//   while (lx.next(t)) { ...; if (t.kind == Tok::EndMarker) break; }
//   if (lx.failed()) report(lx.error());
//
// The lexer produces the whole 3.11 token set, including NEWLINE, INDENT and
// DEDENT computed from an indent stack; inside brackets newlines are
// ignored (implicit line joining) and a backslash before a newline joins
// lines explicitly.  Comments and blank lines produce no tokens.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lexer/diagnostic.h"
#include "lexer/token.h"

namespace coil::lexer {

class Lexer {
 public:
  // The source must outlive the lexer.  `first_line` lets a sub-lexer (for
  // an f-string replacement field) report positions in the enclosing file.
  explicit Lexer(std::string_view source, int first_line = 1, int first_col = 0);
  ~Lexer();
  Lexer(const Lexer&) = delete;
  Lexer& operator=(const Lexer&) = delete;

  // Scans the next token into `out`.  Returns false on a lexical error (then
  // error() describes it); after EndMarker it keeps returning EndMarker.
  bool next(Token& out);

  bool failed() const;
  const Diagnostic& error() const;

 private:
  struct State;
  std::unique_ptr<State> s_;
};

// Convenience for tests and `coil -m tokenize`: the whole stream, or an
// empty vector with *err set.
std::vector<Token> tokenize(std::string_view source, Diagnostic* err);

// The text of line `line` (1-based) of `source`, without its newline —
// used for the source line in SyntaxError reports and tracebacks.
std::string source_line(std::string_view source, int line);

}  // namespace coil::lexer
