// fstring.h — splitting an f-string body into literal text and fields.
//
// Like CPython 3.11, coil lexes an f-string as one STRING token and splits
// its body afterwards: literal runs (with escapes decoded and "{{" / "}}"
// collapsed, unless raw) alternate with replacement fields
//   { expression [=] [!conversion] [:format_spec] }
// The format spec is itself an f-string body and is split recursively.
// The parser parses each field's expression text with a fresh lexer+parser
// (positions are kept so errors point into the original file).
#pragma once

#include <string>
#include <vector>

#include "lexer/diagnostic.h"

namespace coil::lexer {

struct FStringPart;

struct FStringField {
  std::string expr;          // the expression's source text, e.g. "x + 1"
  int expr_line = 0;         // where expr starts in the file (1-based)
  int expr_col = 0;          // and its 0-based byte column
  std::string debug_text;    // for "{x=}": "x=" (the text to print before
                             // the value, whitespace kept); else empty
  char conversion = 0;       // 0, 's', 'r' or 'a'
  bool has_spec = false;
  std::vector<FStringPart> spec;  // the format spec, itself split
};

struct FStringPart {
  bool is_field = false;
  std::string literal;       // when !is_field: decoded text (UTF-8)
  FStringField field;        // when is_field
};

// Splits `body` (the undecoded text between the quotes; `raw` for rf'...').
// `line`/`col` give the position of the body's first byte in the file.
// Returns false and fills *err with CPython's message on a malformed body
// (e.g. "f-string: expecting '}'", "f-string: single '}' is not allowed",
// "f-string: empty expression not allowed",
// "f-string expression part cannot include a backslash").
bool split_fstring(const std::string& body, bool raw, int line, int col,
                   std::vector<FStringPart>* out, Diagnostic* err);

// Decodes the escapes of a non-raw str literal body into UTF-8 (shared by
// the lexer and split_fstring).  Returns false with *err set on a bad
// escape such as a truncated \xXX ("(unicode error) 'unicodeescape' codec
// can't decode bytes ...").
bool decode_str_escapes(std::string_view body, std::string* out, Diagnostic* err);

}  // namespace coil::lexer
