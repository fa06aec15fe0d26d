// token.h — the tokens the lexer hands to the parser.
//
// The lexer (lexer.re, compiled by re2c) turns source bytes into this stream.
// Every token carries its span as CPython reports it: 1-based lines and
// 0-based UTF-8 *byte* columns (CPython's col_offset is in bytes too).
//
// The token kinds are declared once in COIL_TOKENS below; the enum and the
// printable names are generated from that list (the same X-macro habit as
// the opcode table in vm/opcodes.h).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace coil::lexer {

// X(Enumerator, "spelling").  Keywords and operators are spelt as in source;
// the structural tokens get CPython's tokenize names.
#define COIL_TOKENS(X)                                                    \
  /* structure */                                                         \
  X(EndMarker, "ENDMARKER") X(Newline, "NEWLINE") X(Indent, "INDENT")    \
  X(Dedent, "DEDENT")                                                     \
  /* atoms */                                                             \
  X(Name, "NAME") X(Int, "INT") X(Float, "FLOAT") X(Imag, "IMAG")        \
  X(String, "STRING")                                                     \
  /* keywords (hard keywords of 3.11) */                                  \
  X(False, "False") X(None, "None") X(True, "True") X(And, "and")        \
  X(As, "as") X(Assert, "assert") X(Async, "async") X(Await, "await")    \
  X(Break, "break") X(Class, "class") X(Continue, "continue")            \
  X(Def, "def") X(Del, "del") X(Elif, "elif") X(Else, "else")            \
  X(Except, "except") X(Finally, "finally") X(For, "for")                \
  X(From, "from") X(Global, "global") X(If, "if") X(Import, "import")    \
  X(In, "in") X(Is, "is") X(Lambda, "lambda") X(Nonlocal, "nonlocal")    \
  X(Not, "not") X(Or, "or") X(Pass, "pass") X(Raise, "raise")            \
  X(Return, "return") X(Try, "try") X(While, "while") X(With, "with")    \
  X(Yield, "yield")                                                       \
  /* delimiters */                                                        \
  X(LPar, "(") X(RPar, ")") X(LSqb, "[") X(RSqb, "]") X(LBrace, "{")     \
  X(RBrace, "}") X(Colon, ":") X(Comma, ",") X(Semi, ";") X(Dot, ".")    \
  X(Ellipsis, "...") X(Arrow, "->") X(ColonEqual, ":=") X(At, "@")       \
  X(Equal, "=")                                                           \
  /* operators */                                                         \
  X(Plus, "+") X(Minus, "-") X(Star, "*") X(Slash, "/")                  \
  X(DoubleSlash, "//") X(Percent, "%") X(DoubleStar, "**")               \
  X(Amper, "&") X(VBar, "|") X(Circumflex, "^") X(Tilde, "~")            \
  X(LeftShift, "<<") X(RightShift, ">>")                                  \
  X(Less, "<") X(Greater, ">") X(LessEqual, "<=") X(GreaterEqual, ">=")  \
  X(EqEqual, "==") X(NotEqual, "!=")                                      \
  /* augmented assignment */                                              \
  X(PlusEqual, "+=") X(MinEqual, "-=") X(StarEqual, "*=")                \
  X(SlashEqual, "/=") X(DoubleSlashEqual, "//=") X(PercentEqual, "%=")   \
  X(DoubleStarEqual, "**=") X(AmperEqual, "&=") X(VBarEqual, "|=")       \
  X(CircumflexEqual, "^=") X(LeftShiftEqual, "<<=")                       \
  X(RightShiftEqual, ">>=") X(AtEqual, "@=")

enum class Tok : uint8_t {
#define COIL_TOKEN_ENUM(name, spelling) name,
  COIL_TOKENS(COIL_TOKEN_ENUM)
#undef COIL_TOKEN_ENUM
};

// The spelling of a token kind ("NAME", "+=", "while").
std::string_view tok_name(Tok kind);

// How a String token was written.  Adjacent literals are separate tokens;
// the parser concatenates them (and rejects mixing bytes with str).
enum class StrKind : uint8_t {
  Str,     // '...'  — text holds the decoded UTF-8 value
  Bytes,   // b'...' — text holds the decoded raw bytes
  FString  // f'...' — text holds the *undecoded* body between the quotes;
           //          lexer/fstring.h splits it into parts
};

struct Token {
  Tok kind = Tok::EndMarker;
  // Name: the identifier.  Int/Float/Imag: the literal as written, with
  // underscores removed (so "1_000" becomes "1000"; "0x_ff" becomes "0xff").
  // String: see StrKind.
  std::string text;
  StrKind str_kind = StrKind::Str;
  bool str_raw = false;      // an r/R prefix was present
  int line = 0, col = 0;          // start: 1-based line, 0-based byte column
  int end_line = 0, end_col = 0;  // one past the last byte
};

}  // namespace coil::lexer
