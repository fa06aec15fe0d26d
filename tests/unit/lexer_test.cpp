// lexer_test.cpp — lexer behaviour that the oracle cases (lexer_oracle_test)
// do not reach: the Lexer object's contract, line endings and odd bytes,
// positions for sub-lexers, the escape decoder and split_fstring directly,
// and a robustness sweep over mangled inputs.
//
// Where a value here is CPython's, it was taken from python3 3.11.7 (the
// comment beside it says how).
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "lexer/fstring.h"
#include "lexer/lexer.h"

namespace coil::lexer {
namespace {

using namespace std::literals;

// "NAME:x INT:1 NEWLINE ..." — a compact picture of a token stream.
std::string kinds(std::string_view src) {
  Diagnostic err;
  std::vector<Token> toks = tokenize(src, &err);
  if (toks.empty()) return "ERROR " + err.type + ": " + err.msg;
  std::string out;
  for (const Token& t : toks) {
    if (!out.empty()) out += " ";
    out += tok_name(t.kind);
    if (t.kind == Tok::Name || t.kind == Tok::Int || t.kind == Tok::Float || t.kind == Tok::Imag)
      out += ":" + t.text;
  }
  return out;
}

Diagnostic error_of(std::string_view src) {
  Diagnostic err;
  EXPECT_TRUE(tokenize(src, &err).empty()) << "expected an error for: " << src;
  return err;
}

// ---- the Lexer object ----------------------------------------------------------

TEST(LexerApi, EndMarkerRepeats) {
  Lexer lx("x\n");
  Token t;
  int n = 0;
  while (lx.next(t) && t.kind != Tok::EndMarker) n++;
  EXPECT_EQ(n, 2);  // NAME NEWLINE
  for (int i = 0; i < 3; i++) {
    ASSERT_TRUE(lx.next(t));
    EXPECT_EQ(t.kind, Tok::EndMarker);
    EXPECT_EQ(t.line, 2);
    EXPECT_EQ(t.col, 0);
  }
  EXPECT_FALSE(lx.failed());
}

TEST(LexerApi, ErrorIsSticky) {
  Lexer lx("x = )\n");
  Token t;
  ASSERT_TRUE(lx.next(t));  // x
  ASSERT_TRUE(lx.next(t));  // =
  EXPECT_FALSE(lx.next(t));
  EXPECT_TRUE(lx.failed());
  EXPECT_EQ(lx.error().msg, "unmatched ')'");
  EXPECT_FALSE(lx.next(t));
  EXPECT_EQ(lx.error().msg, "unmatched ')'");
}

TEST(LexerApi, TokensBeforeAnErrorAreDelivered) {
  // The parser sees everything up to the bad token, as with CPython.
  Lexer lx("a b 1abc\n");
  Token t;
  ASSERT_TRUE(lx.next(t));
  EXPECT_EQ(t.text, "a");
  ASSERT_TRUE(lx.next(t));
  EXPECT_EQ(t.text, "b");
  EXPECT_FALSE(lx.next(t));
  EXPECT_EQ(lx.error().msg, "invalid decimal literal");
}

TEST(LexerApi, DeferredStringErrorPointsAtNextToken) {
  // CPython: x = "\x4" + y  ->  offset 11, end_offset 12 (the '+').
  Lexer lx("x = \"\\x4\" + y\n");
  Token t;
  ASSERT_TRUE(lx.next(t));  // x
  ASSERT_TRUE(lx.next(t));  // =
  ASSERT_TRUE(lx.next(t));  // the string itself is delivered
  EXPECT_EQ(t.kind, Tok::String);
  EXPECT_FALSE(lx.next(t));
  EXPECT_EQ(lx.error().msg,
            "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: "
            "truncated \\xXX escape");
  EXPECT_EQ(lx.error().col, 10);
  EXPECT_EQ(lx.error().end_col, 11);
}

TEST(LexerApi, TokNameSpellings) {
  EXPECT_EQ(tok_name(Tok::EndMarker), "ENDMARKER");
  EXPECT_EQ(tok_name(Tok::Name), "NAME");
  EXPECT_EQ(tok_name(Tok::While), "while");
  EXPECT_EQ(tok_name(Tok::DoubleStarEqual), "**=");
  EXPECT_EQ(tok_name(Tok::AtEqual), "@=");
  EXPECT_EQ(tok_name(Tok::Ellipsis), "...");
}

TEST(LexerApi, EveryOperatorSpellingLexesToItsKind) {
  // The X-macro spelling of each operator kind, lexed alone, gives that kind.
  const Tok ops[] = {
      Tok::LPar, Tok::RPar, Tok::LSqb, Tok::RSqb, Tok::LBrace, Tok::RBrace,
      Tok::Colon, Tok::Comma, Tok::Semi, Tok::Dot, Tok::Ellipsis, Tok::Arrow,
      Tok::ColonEqual, Tok::At, Tok::Equal, Tok::Plus, Tok::Minus, Tok::Star,
      Tok::Slash, Tok::DoubleSlash, Tok::Percent, Tok::DoubleStar, Tok::Amper,
      Tok::VBar, Tok::Circumflex, Tok::Tilde, Tok::LeftShift, Tok::RightShift,
      Tok::Less, Tok::Greater, Tok::LessEqual, Tok::GreaterEqual, Tok::EqEqual,
      Tok::NotEqual, Tok::PlusEqual, Tok::MinEqual, Tok::StarEqual,
      Tok::SlashEqual, Tok::DoubleSlashEqual, Tok::PercentEqual,
      Tok::DoubleStarEqual, Tok::AmperEqual, Tok::VBarEqual,
      Tok::CircumflexEqual, Tok::LeftShiftEqual, Tok::RightShiftEqual,
      Tok::AtEqual};
  for (Tok k : ops) {
    std::string src(tok_name(k));
    // Close or open the bracket so the line is balanced.
    if (k == Tok::LPar) src += ")";
    if (k == Tok::LSqb) src += "]";
    if (k == Tok::LBrace) src += "}";
    if (k == Tok::RPar) src = "(" + src;
    if (k == Tok::RSqb) src = "[" + src;
    if (k == Tok::RBrace) src = "{" + src;
    Diagnostic err;
    std::vector<Token> toks = tokenize(src, &err);
    ASSERT_FALSE(toks.empty()) << src << ": " << err.msg;
    bool found = false;
    for (const Token& t : toks) found |= t.kind == k;
    EXPECT_TRUE(found) << src;
  }
}

TEST(LexerApi, SoftKeywordsAreNames) {
  EXPECT_EQ(kinds("match case _ type\n"), "NAME:match NAME:case NAME:_ NAME:type NEWLINE ENDMARKER");
}

// ---- line endings, BOM and odd bytes -------------------------------------------

TEST(LineEndings, CrLfAndCrAreNewlines) {
  const char* want = "if NAME:x : NEWLINE INDENT NAME:y NEWLINE DEDENT NAME:z NEWLINE ENDMARKER";
  EXPECT_EQ(kinds("if x:\n  y\nz\n"), want);
  EXPECT_EQ(kinds("if x:\r\n  y\r\nz\r\n"), want);
  EXPECT_EQ(kinds("if x:\r  y\rz\r"), want);
}

TEST(LineEndings, CrLfInsideStringsBecomesLf) {
  // CPython's universal newlines: '''a\r\nb''' == 'a\nb'.
  Diagnostic err;
  std::vector<Token> toks = tokenize("x = '''a\r\nb\rc'''\r\n", &err);
  ASSERT_FALSE(toks.empty());
  EXPECT_EQ(toks[2].text, "a\nb\nc");
  EXPECT_EQ(toks[2].end_line, 3);
}

TEST(LineEndings, CrLfNewlineHasWidthOne) {
  // The C tokenizer sees "\n" (tokenize.py would report width 2 here).
  std::vector<Token> toks = tokenize("x\r\n", nullptr);
  ASSERT_EQ(toks.size(), 3u);
  EXPECT_EQ(toks[1].kind, Tok::Newline);
  EXPECT_EQ(toks[1].col, 1);
  EXPECT_EQ(toks[1].end_col, 2);
}

TEST(LineEndings, BomIsSkipped) {
  std::vector<Token> toks = tokenize("\xEF\xBB\xBFx = 1\n", nullptr);
  ASSERT_EQ(toks.size(), 5u);
  EXPECT_EQ(toks[0].text, "x");
  EXPECT_EQ(toks[0].col, 0);
}

TEST(OddBytes, NulByteReportedAtItsLine) {
  // python3 file.py with a NUL on line 2: SyntaxError at line 2, offset 0.
  Lexer lx("x = 1\ny = \"a\0b\"\n"sv);
  Token t;
  int n = 0;
  while (lx.next(t)) n++;
  EXPECT_EQ(n, 4);  // x = 1 NEWLINE come first
  EXPECT_EQ(lx.error().type, "SyntaxError");
  EXPECT_EQ(lx.error().msg, "source code cannot contain null bytes");
  EXPECT_EQ(lx.error().line, 2);
  EXPECT_EQ(lx.error().col, -1);
}

TEST(OddBytes, NulInsideMultilineString) {
  Diagnostic err = error_of("x = '''a\nb\0'''\n"sv);
  EXPECT_EQ(err.msg, "source code cannot contain null bytes");
  EXPECT_EQ(err.line, 2);
}

TEST(OddBytes, NulAloneAndAtStart) {
  EXPECT_EQ(error_of("\0"sv).msg, "source code cannot contain null bytes");
  EXPECT_EQ(error_of("\0x = 1\n"sv).line, 1);
}

TEST(OddBytes, InvalidUtf8) {
  // compile(b"x = 1\n\xff = 2\n") gives this message (at line 2).  For
  // other inputs CPython's position depends on which of its stages decoded
  // the bytes; coil always quotes the byte's offset in its line, and, like
  // `python3 FILE`, rejects undecodable bytes anywhere, comments included.
  Diagnostic err = error_of("x = 1\n\xff = 2\n");
  EXPECT_EQ(err.msg,
            "(unicode error) 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte");
  EXPECT_EQ(err.line, 2);
  EXPECT_EQ(err.col, 0);
  EXPECT_EQ(error_of("s = '\xe2\x82'\n").msg,
            "(unicode error) 'utf-8' codec can't decode bytes in position 5-6: "
            "invalid continuation byte");
  EXPECT_EQ(error_of("# \xe2\x82").msg,
            "(unicode error) 'utf-8' codec can't decode bytes in position 2-3: "
            "unexpected end of data");
  // Surrogates and overlong forms are not UTF-8 either.
  EXPECT_FALSE(error_of("x = '\xed\xa0\x80'\n").msg.empty());
  EXPECT_FALSE(error_of("x = '\xc0\x80'\n").msg.empty());
}

TEST(OddBytes, ControlCharacters) {
  EXPECT_EQ(error_of("x = \x1b\n").msg, "invalid non-printable character U+001B");
  EXPECT_EQ(error_of("x = \xe2\x80\x8b\n").msg, "invalid non-printable character U+200B");
  EXPECT_EQ(error_of("\xc2\xa9 = 1\n").msg, "invalid character '\xc2\xa9' (U+00A9)");
}

TEST(OddBytes, FormFeedMidLineIsWhitespace) {
  EXPECT_EQ(kinds("x\f=\f1\n"), "NAME:x = INT:1 NEWLINE ENDMARKER");
}

// ---- positions -----------------------------------------------------------------

TEST(Positions, SubLexerOffsetsFirstLineOnly) {
  // An f-string field "(a +\nb)" found at line 7, column 12.
  Lexer lx("(a +\nb)", 7, 12);
  Token t;
  std::vector<Token> toks;
  while (lx.next(t) && t.kind != Tok::EndMarker) toks.push_back(t);
  ASSERT_EQ(toks.size(), 6u);
  EXPECT_EQ(toks[0].line, 7);
  EXPECT_EQ(toks[0].col, 12);
  EXPECT_EQ(toks[1].col, 13);  // a
  EXPECT_EQ(toks[2].col, 15);  // +
  EXPECT_EQ(toks[3].line, 8);  // b: a new line, so no offset
  EXPECT_EQ(toks[3].col, 0);
  EXPECT_EQ(toks[5].kind, Tok::Newline);
}

TEST(Positions, SubLexerErrorsUseFileCoordinates) {
  Lexer lx("a $", 3, 10);
  Token t;
  while (lx.next(t)) {
  }
  EXPECT_EQ(lx.error().line, 3);
  EXPECT_EQ(lx.error().col, 12);
}

TEST(Positions, MultiLineStringSpan) {
  std::vector<Token> toks = tokenize("(\n'''a\nbc''' )\n", nullptr);
  ASSERT_GE(toks.size(), 3u);
  const Token& s = toks[1];
  EXPECT_EQ(s.line, 2);
  EXPECT_EQ(s.col, 0);
  EXPECT_EQ(s.end_line, 3);
  EXPECT_EQ(s.end_col, 5);
}

TEST(Positions, IndentTokenSpansTheWhitespace) {
  std::vector<Token> toks = tokenize("if x:\n\t  y\n", nullptr);
  ASSERT_EQ(toks[4].kind, Tok::Indent);
  EXPECT_EQ(toks[4].col, 0);
  EXPECT_EQ(toks[4].end_col, 3);
  EXPECT_EQ(toks[4].text, "\t  ");
}

TEST(Positions, SourceLine) {
  std::string_view src = "a = 1\r\nb = 2\rc = 3\nlast";
  EXPECT_EQ(source_line(src, 1), "a = 1");
  EXPECT_EQ(source_line(src, 2), "b = 2");
  EXPECT_EQ(source_line(src, 3), "c = 3");
  EXPECT_EQ(source_line(src, 4), "last");
  EXPECT_EQ(source_line(src, 5), "");
  EXPECT_EQ(source_line("\xEF\xBB\xBFx\n", 1), "x");
}

// ---- indentation corner cases ---------------------------------------------------

TEST(Indentation, TabsAlignToEight) {
  // A tab and 8 spaces are the same level if counted consistently... but
  // CPython also demands the tab-size-1 count to agree, so this is a
  // TabError; a tab followed by a tab-aligned tab block is fine.
  EXPECT_EQ(error_of("if x:\n\ta\n        b\n").type, "TabError");
  EXPECT_EQ(kinds("if x:\n\ta\n\tb\n"),
            "if NAME:x : NEWLINE INDENT NAME:a NEWLINE NAME:b NEWLINE DEDENT ENDMARKER");
}

TEST(Indentation, BlankLinesWithOddIndentationAreIgnored) {
  EXPECT_EQ(kinds("if x:\n    a\n  \n\t\n        # c\n    b\n"),
            "if NAME:x : NEWLINE INDENT NAME:a NEWLINE NAME:b NEWLINE DEDENT ENDMARKER");
}

TEST(Indentation, ContinuationLineIndentationDoesNotCount) {
  EXPECT_EQ(kinds("if x:\n    a = 1 + \\\n  2\n    b\n"),
            "if NAME:x : NEWLINE INDENT NAME:a = INT:1 + INT:2 NEWLINE NAME:b NEWLINE DEDENT "
            "ENDMARKER");
}

TEST(Indentation, NinetyNineLevelsAreAllowed) {
  std::string src;
  for (int i = 0; i < 99; i++) src += std::string(size_t(i), ' ') + "if 1:\n";
  src += std::string(99, ' ') + "pass\n";
  Diagnostic err;
  EXPECT_FALSE(tokenize(src, &err).empty()) << err.msg;
}

TEST(Indentation, TwoHundredBracketsAreAllowed) {
  std::string src = "x = " + std::string(200, '(') + "1" + std::string(200, ')') + "\n";
  Diagnostic err;
  EXPECT_FALSE(tokenize(src, &err).empty()) << err.msg;
}

// ---- literals -------------------------------------------------------------------

std::string str_value(std::string_view src) {
  Diagnostic err;
  std::vector<Token> toks = tokenize(src, &err);
  if (toks.empty()) return "ERROR " + err.msg;
  return toks[0].text;
}

TEST(Literals, StringKindsAndRawFlag) {
  std::vector<Token> toks = tokenize("'a' b'a' f'a' rb'\\n' Rf'{x}'\n", nullptr);
  ASSERT_EQ(toks.size(), 7u);
  EXPECT_EQ(toks[0].str_kind, StrKind::Str);
  EXPECT_EQ(toks[1].str_kind, StrKind::Bytes);
  EXPECT_EQ(toks[2].str_kind, StrKind::FString);
  EXPECT_EQ(toks[3].str_kind, StrKind::Bytes);
  EXPECT_TRUE(toks[3].str_raw);
  EXPECT_EQ(toks[3].text, "\\n");
  EXPECT_EQ(toks[4].str_kind, StrKind::FString);
  EXPECT_TRUE(toks[4].str_raw);
  EXPECT_FALSE(toks[0].str_raw);
}

TEST(Literals, UrIsNotAPrefix) {
  // ur'x' is NAME ur followed by a string, as in CPython's tokenizer.
  EXPECT_EQ(kinds("ur'x'\n"), "NAME:ur STRING NEWLINE ENDMARKER");
}

TEST(Literals, SurrogateEscapesUseWtf8) {
  EXPECT_EQ(str_value("'\\ud800'"), "\xED\xA0\x80");
}

TEST(Literals, OctalEscapes) {
  EXPECT_EQ(str_value("'\\0\\12\\101\\1010'"), "\0\nAA0"s);
  EXPECT_EQ(str_value("'\\777'"), "\xC7\xBF");  // chr(0o777)
  EXPECT_EQ(str_value("b'\\777'"), "\xFF");     // truncated to a byte, as 3.11
}

TEST(Literals, NamedEscapes) {
  EXPECT_EQ(str_value("'\\N{bullet}\\N{LATIN SMALL LETTER E WITH ACUTE}\\N{LF}'"),
            "\xE2\x80\xA2\xC3\xA9\n");
  EXPECT_EQ(str_value("u'\\N{GREEK SMALL LETTER ALPHA}'"), "\xCE\xB1");
  EXPECT_EQ(str_value("b'\\N{x}'"), "\\N{x}");  // not an escape in bytes
  EXPECT_EQ(str_value("r'\\N{x}'"), "\\N{x}");
}

TEST(Literals, BackslashNewlineInsideStrings) {
  EXPECT_EQ(str_value("'a\\\nb'"), "ab");
  EXPECT_EQ(str_value("b'a\\\nb'"), "ab");
  EXPECT_EQ(str_value("r'a\\\nb'"), "a\\\nb");
}

TEST(Literals, NumberTextDropsUnderscoresAndLowersPrefix) {
  EXPECT_EQ(kinds("0X_FF 0O17 0B1_0 1_000.000_1E1_0 1_0J\n"),
            "INT:0xFF INT:0o17 INT:0b10 FLOAT:1000.0001E10 IMAG:10J NEWLINE ENDMARKER");
}

// ---- decode_str_escapes directly ------------------------------------------------

TEST(DecodeStrEscapes, ErrorCarriesOffsetInBody) {
  std::string out;
  Diagnostic err;
  EXPECT_FALSE(decode_str_escapes("ab\\x4", &out, &err));
  EXPECT_EQ(err.msg,
            "(unicode error) 'unicodeescape' codec can't decode bytes in position 2-4: "
            "truncated \\xXX escape");
  EXPECT_EQ(err.col, 2);
}

TEST(DecodeStrEscapes, PositionsCountNonAsciiAsCPythonDoes) {
  // CPython: "\é\x4" -> position 16-18 ("\é" becomes "\u005c\U000000e9").
  std::string out;
  Diagnostic err;
  EXPECT_FALSE(decode_str_escapes("\\\xC3\xA9\\x4", &out, &err));
  EXPECT_EQ(err.msg,
            "(unicode error) 'unicodeescape' codec can't decode bytes in position 16-18: "
            "truncated \\xXX escape");
}

TEST(DecodeStrEscapes, TrailingBackslashIsKept) {
  std::string out;
  EXPECT_TRUE(decode_str_escapes("a\\", &out, nullptr));
  EXPECT_EQ(out, "a\\");
}

// ---- split_fstring directly -----------------------------------------------------

TEST(SplitFString, FieldPositionsFollowNewlines) {
  std::vector<FStringPart> parts;
  Diagnostic err;
  // Body of f'''ab\n  {x}''' starting at line 4, column 8.
  ASSERT_TRUE(split_fstring("ab\n  {x}", false, 4, 8, &parts, &err));
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[0].literal, "ab\n  ");
  ASSERT_TRUE(parts[1].is_field);
  EXPECT_EQ(parts[1].field.expr, "x");
  EXPECT_EQ(parts[1].field.expr_line, 5);
  EXPECT_EQ(parts[1].field.expr_col, 3);
}

TEST(SplitFString, DebugTextAndDefaultConversion) {
  std::vector<FStringPart> parts;
  Diagnostic err;
  ASSERT_TRUE(split_fstring("{a = }{b=:>4}{c=!s}", false, 1, 2, &parts, &err));
  ASSERT_EQ(parts.size(), 3u);
  EXPECT_EQ(parts[0].field.expr, "a ");
  EXPECT_EQ(parts[0].field.debug_text, "a = ");
  EXPECT_EQ(parts[0].field.conversion, 'r');  // '=' alone implies !r
  EXPECT_EQ(parts[1].field.debug_text, "b=");
  EXPECT_EQ(parts[1].field.conversion, 0);  // a spec turns that off
  EXPECT_TRUE(parts[1].field.has_spec);
  EXPECT_EQ(parts[2].field.conversion, 's');
}

TEST(SplitFString, ErrorPositionIsTheOffendingByte) {
  std::vector<FStringPart> parts;
  Diagnostic err;
  EXPECT_FALSE(split_fstring("ab}", false, 2, 5, &parts, &err));
  EXPECT_EQ(err.msg, "f-string: single '}' is not allowed");
  EXPECT_EQ(err.line, 2);
  EXPECT_EQ(err.col, 7);
  EXPECT_FALSE(split_fstring("{a#}", false, 1, 0, &parts, &err));
  EXPECT_EQ(err.msg, "f-string expression part cannot include '#'");
  EXPECT_EQ(err.col, 2);
}

TEST(SplitFString, TooManyParens) {
  std::vector<FStringPart> parts;
  Diagnostic err;
  std::string body = "{" + std::string(201, '(') + "}";
  EXPECT_FALSE(split_fstring(body, false, 1, 0, &parts, &err));
  EXPECT_EQ(err.msg, "f-string: too many nested parenthesis");
}

// ---- robustness -------------------------------------------------------------------

// Lexes `src` to the end; all that matters is that it terminates without
// touching memory it should not (run under -DCOIL_SANITIZE=ON).
void lex_all(std::string_view src) {
  Lexer lx(src);
  Token t;
  for (int i = 0; i < 100000 && lx.next(t); i++)
    if (t.kind == Tok::EndMarker) break;
  std::vector<FStringPart> parts;
  Diagnostic err;
  split_fstring(std::string(src), false, 1, 0, &parts, &err);
  split_fstring(std::string(src), true, 1, 0, &parts, &err);
  std::string out;
  decode_str_escapes(src, &out, &err);
}

TEST(Robustness, EveryPrefixOfATrickySource) {
  const std::string src =
      "if x:\n\tdef f(a, *b, **c) -> 'r':\n\t\treturn f'{a!r:>{b}} {c=}' + b'\\x00' "
      "\\\n+ 0x_1f + 1_0.5e-3j\n# c\n\f@d\nclass C: '''doc\n\\N{BULLET}'''\n"
      "x = [1,\r\n2]\r(é) \\ \0 \xff";
  for (size_t n = 0; n <= src.size(); n++) lex_all(std::string_view(src).substr(0, n));
  for (size_t n = 0; n <= src.size(); n++) lex_all(std::string_view(src).substr(n));
}

TEST(Robustness, RandomMutations) {
  const std::string seeds[] = {
      "def f(x):\n    return x + 1\n",
      "s = f'{a:{b}}' 'x\\n' b'\\x41' r'\\'\n",
      "if a:\n  b = [1,\n 2]\nelse: c = 0o17 + .5j\n",
      "x = '''a\nb''' \\\n  + \"c\"\n",
  };
  const char alphabet[] = "\0\n\r\t\f \\'\"{}()[]#:!=0123456789xXeEjJ_.abfrNu\x80\xc3\xa9\xe2\x82\xac\xff";
  std::mt19937 rng(12345);
  for (const std::string& seed : seeds) {
    for (int round = 0; round < 3000; round++) {
      std::string s = seed;
      int edits = 1 + int(rng() % 4);
      for (int e = 0; e < edits; e++) {
        size_t pos = s.empty() ? 0 : rng() % (s.size() + 1);
        char c = alphabet[rng() % (sizeof alphabet - 1)];
        switch (rng() % 3) {
          case 0: s.insert(pos, 1, c); break;
          case 1: if (pos < s.size()) s[pos] = c; break;
          default: if (pos < s.size()) s.erase(pos, 1); break;
        }
      }
      lex_all(s);
    }
  }
}

TEST(Robustness, RandomBytes) {
  std::mt19937 rng(777);
  for (int round = 0; round < 5000; round++) {
    std::string s(size_t(rng() % 64), '\0');
    for (char& c : s) c = char(rng() % 256);
    lex_all(s);
  }
}

}  // namespace
}  // namespace coil::lexer
