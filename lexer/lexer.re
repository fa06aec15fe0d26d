// lexer.re — the scanner: source bytes in, Python 3.11 tokens out.
//
// re2c compiles the scanner block below (the comment that opens with
// "!re2c") into a DFA over UTF-8 bytes; everything around it is plain C++.
// The design follows CPython's own tokenizer (Parser/tokenizer.c) closely,
// because its behaviour — including every error message and the column it
// points at — is what coil must reproduce.
//
// Lines, brackets and the indent stack
// ------------------------------------
// Python's block structure is made of whitespace, so the lexer has to turn
// it into tokens the grammar can see.  Three pieces of state do it:
//
//   * `brackets`, a stack of the open ( [ { with their positions.  While it
//     is non-empty we are inside an implicit line join: newlines are
//     skipped, indentation is ignored, and nothing is emitted for them.
//
//   * `at_bol` ("at beginning of line").  After each physical newline the
//     next call measures the new line's indentation (a tab advances to the
//     next multiple of 8, a form feed resets the count) before looking for
//     a token.  A line holding only whitespace and/or a comment is "blank":
//     it changes no indentation and its newline yields no NEWLINE token.
//
//   * `indents`, the indent stack, starting at [0].  Outside brackets, a
//     non-blank line indented deeper than the top pushes its column and
//     yields one INDENT; a shallower one pops until the top equals it,
//     yielding one DEDENT per pop — and if no level matches exactly, that
//     is "unindent does not match any outer indentation level".  Each
//     level also remembers its column counted with tabs as width 1
//     (`alt_indents`); if the two ways of counting disagree about the
//     comparison, the indentation depends on the tab size and we report a
//     TabError, as CPython does.
//
// So a logical line ends in NEWLINE exactly when its newline is met outside
// brackets on a non-blank line.  A backslash right before the newline
// joins the next physical line without any of this happening.  At the end
// of input we emit what is still owed: the NEWLINE of an unterminated last
// line (the source is copied with a final '\n' appended), one DEDENT per
// open level, then ENDMARKER.
//
// Literals: decoded here, f-strings split later
// ---------------------------------------------
// A str or bytes literal is complete once its closing quote is found, so
// the lexer decodes its escapes right away and the parser receives the
// value.  An f-string cannot be finished here: its replacement fields hold
// expressions, which need the parser.  So, like CPython 3.11, the lexer
// hands over the raw body of an f-string as one STRING token, and
// split_fstring (fstring.cpp) later cuts it into literal text and fields
// whose expression text the parser parses with a fresh lexer.  The lexer
// does run split_fstring once to report malformed f-strings at the point
// CPython does.
//
// CPython reports a bad escape or a malformed f-string only after its
// parser has fetched the token that *follows* the string, and at that
// token's position.  We copy that by "deferring" such an error: the string
// token is returned normally and the next call to next() fails, pointing at
// the token it just read.
//
// Robustness
// ----------
// The source is copied into a buffer of our own, with "\r\n" and "\r"
// turned into "\n" (as CPython's universal newlines do), a UTF-8 BOM
// dropped, a final '\n' added if missing, and NUL padding after the end.
// re2c runs in its "EOF rule" mode: it checks YYLIMIT whenever it reads a
// NUL, so an embedded NUL is an ordinary byte and the scan can never pass
// the end.  NUL bytes and invalid UTF-8 are found while copying; like
// CPython, which reads line by line, we report them when scanning reaches
// their line.
//
// Positions are 1-based lines and 0-based byte columns, the columns of
// `python3 -m tokenize` measured in UTF-8 bytes.  Diagnostic columns are
// CPython's SyntaxError offset/end_offset minus one, also in bytes (see
// docs/lexer.md).

#include <cstdarg>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "lexer/fstring.h"
#include "lexer/lexer.h"

namespace coil::lexer {

// ---- helpers defined in lexer.cpp ----------------------------------------------
bool is_xid_start(uint32_t cp);
bool is_xid_continue(uint32_t cp);
bool is_printable(uint32_t cp);
int decode_utf8(const unsigned char* p, const unsigned char* end, uint32_t* cp);
void append_utf8(std::string* out, uint32_t cp);
std::string describe_bad_utf8(const unsigned char* p, const unsigned char* end, size_t pos);
bool decode_bytes_escapes(std::string_view body, std::string* out, Diagnostic* err);

namespace {

using Ptr = const unsigned char*;

constexpr int kTabSize = 8;      // CPython's tab stop for indentation
constexpr int kMaxIndent = 100;  // CPython's MAXINDENT
constexpr int kMaxLevel = 200;   // CPython's MAXLEVEL (bracket nesting)
constexpr size_t kPadding = 4;   // NUL bytes after the buffer's end

bool is_digit(int c) { return c >= '0' && c <= '9'; }
bool is_hex_digit(int c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// CPython's is_potential_identifier_char: the bytes an identifier scan (or
// the "is this number followed by garbage?" check) consumes.
bool is_potential_identifier_char(int c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit(c) || c == '_' ||
         c >= 128;
}

std::string format(const char* fmt, ...) __attribute__((format(printf, 1, 2)));
std::string format(const char* fmt, ...) {
  char buf[256];
  va_list ap;
  va_start(ap, fmt);
  std::vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  return buf;
}

}  // namespace

struct Lexer::State {
  // ---- input ----
  std::string buf;       // normalised copy of the source, then NUL padding
  Ptr lim = nullptr;     // end of the real input (a NUL is stored there)
  Ptr cur = nullptr;     // next byte to scan
  Ptr tok = nullptr;     // start of the token being scanned
  Ptr mar = nullptr;     // re2c's backtracking marker
  Ptr line_start = nullptr;
  int line = 1;          // line number of `cur`, in file terms
  int first_line = 1, first_col = 0;

  // The first NUL byte or invalid UTF-8 sequence, if any: scanning stops
  // with `bad_diag` when it reaches `bad_line_start`.
  Ptr bad_line_start = nullptr;
  Diagnostic bad_diag;

  // ---- structure ----
  bool at_bol = true;       // the next scan starts a physical line
  bool blank_line = false;  // the current line has only whitespace/comment
  std::vector<int> indents{0}, alt_indents{0};
  int pending = 0;          // > 0: INDENTs owed; < 0: DEDENTs owed
  struct Bracket {
    char ch;
    int line, col;
  };
  std::vector<Bracket> brackets;

  // ---- results ----
  bool done = false;      // ENDMARKER has been produced
  bool failed = false;
  Diagnostic diag;
  bool has_deferred = false;  // see "Literals" in the essay above
  Diagnostic deferred;

  State(std::string_view source, int first_line, int first_col);

  // Positions.
  int col_at(Ptr p) const {
    int c = int(p - line_start);
    return line == first_line ? c + first_col : c;
  }
  void new_line() {  // call with cur just past a '\n'
    line++;
    line_start = cur;
  }
  int line_length() const {  // bytes of the current line, without '\n'
    Ptr p = line_start;
    while (p < lim && *p != '\n') p++;
    return col_at(p);
  }

  // Errors.  Each returns false so that actions can `return fail(...)`.
  bool fail(const char* type, std::string msg, int line, int col, int end_line, int end_col);
  bool fail_here(std::string msg, Ptr at);  // CPython's syntaxerror(): points before `at`
  bool defer(const Diagnostic& d);

  // The scanner.
  bool scan(Token& t);
  bool measure_indentation();
  bool emit_pending(Token& t);
  bool at_eof(Token& t);
  bool newline(Token& t);
  bool continuation();
  bool unexpected_eof(int bs_line, int bs_len);
  void simple(Token& t, Tok kind);
  bool name(Token& t, Tok kind);
  bool unicode_name(Token& t);
  bool number(Token& t, Tok kind);
  bool replay_number(Tok* kind, Ptr* end);
  bool decimal_tail(Ptr& p, int* c);
  bool verify_end_of_number(Ptr& p, int c, const char* kind);
  bool open_bracket(Token& t, Tok kind);
  bool close_bracket(Token& t, Tok kind);
  bool string(Token& t, int quote_size);
  bool scan_string_body(char quote, int quote_size, int start_line, int start_col,
                        Ptr* body_end);
  bool invalid_character(Ptr at);
  void finish(Token& t, Tok kind, int start_line, int start_col);
};

// ---- setting up ---------------------------------------------------------------

Lexer::State::State(std::string_view src, int first_line_, int first_col_)
    : line(first_line_), first_line(first_line_), first_col(first_col_) {
  // Copy the source, normalising newlines and noting the first byte that
  // Python would refuse (NUL, or bytes that are not UTF-8).
  size_t n = src.size(), i = 0;
  const unsigned char* s = reinterpret_cast<const unsigned char*>(src.data());
  if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) i = 3;  // BOM
  buf.reserve(n + kPadding + 1);
  size_t bad_off = std::string::npos;
  std::string bad_msg;
  bool bad_is_nul = false;
  while (i < n) {
    unsigned char c = s[i];
    if (c == '\r') {
      buf.push_back('\n');
      i += (i + 1 < n && s[i + 1] == '\n') ? 2 : 1;
    } else if (c < 0x80) {
      if (c == 0 && bad_off == std::string::npos) bad_off = buf.size(), bad_is_nul = true;
      buf.push_back(char(c));
      i++;
    } else {
      uint32_t cp;
      int len = decode_utf8(s + i, s + n, &cp);
      if (len == 0) {
        if (bad_off == std::string::npos) {
          size_t ls = buf.rfind('\n');
          size_t col = ls == std::string::npos ? buf.size() : buf.size() - ls - 1;
          bad_off = buf.size();
          bad_msg = describe_bad_utf8(s + i, s + n, col);
        }
        len = 1;
      }
      buf.append(src.data() + i, size_t(len));
      i += size_t(len);
    }
  }
  if (!buf.empty() && buf.back() != '\n') buf.push_back('\n');
  size_t size = buf.size();
  buf.append(kPadding, '\0');

  Ptr base = reinterpret_cast<Ptr>(buf.data());
  cur = tok = line_start = base;
  lim = base + size;
  if (bad_off != std::string::npos) {
    // Find the line of the bad byte.
    size_t ls = buf.rfind('\n', bad_off == 0 ? std::string::npos : bad_off - 1);
    if (bad_off == 0) ls = std::string::npos;
    size_t line_off = ls == std::string::npos ? 0 : ls + 1;
    int bad_line = first_line;
    for (size_t k = 0; k < line_off; k++) bad_line += buf[k] == '\n';
    int col = int(bad_off - line_off) + (bad_line == first_line ? first_col : 0);
    bad_line_start = base + line_off;
    bad_diag.type = "SyntaxError";
    bad_diag.line = bad_diag.end_line = bad_line;
    if (bad_is_nul) {
      // CPython reports this with offset 0: no column.
      bad_diag.msg = "source code cannot contain null bytes";
      bad_diag.col = bad_diag.end_col = -1;
    } else {
      bad_diag.msg = bad_msg;
      bad_diag.col = col;
      bad_diag.end_col = col + 1;
    }
  }
}

// ---- errors ---------------------------------------------------------------------

bool Lexer::State::fail(const char* type, std::string msg, int l, int c, int el, int ec) {
  failed = true;
  diag.type = type;
  diag.msg = std::move(msg);
  diag.line = l, diag.col = c, diag.end_line = el, diag.end_col = ec;
  return false;
}

// Most of CPython's tokenizer errors go through syntaxerror(), which points
// at the character just before the tokenizer's cursor, with no width.
bool Lexer::State::fail_here(std::string msg, Ptr at) {
  int c = col_at(at) - 1;
  return fail("SyntaxError", std::move(msg), line, c, line, c);
}

bool Lexer::State::defer(const Diagnostic& d) {
  if (!has_deferred) {
    has_deferred = true;
    deferred = d;
  }
  return true;
}

// ---- the token loop ----------------------------------------------------------

bool Lexer::State::scan(Token& t) {
  for (;;) {
    // CPython reads the source line by line and rejects a NUL byte or
    // undecodable text when it reads the line holding it.
    if (bad_line_start && cur >= bad_line_start) {
      failed = true;
      diag = bad_diag;
      return false;
    }
    if (at_bol && !measure_indentation()) return false;
    if (pending != 0) return emit_pending(t);

    tok = cur;
    /*!re2c
      re2c:define:YYCTYPE = "unsigned char";
      re2c:define:YYCURSOR = cur;
      re2c:define:YYMARKER = mar;
      re2c:define:YYLIMIT = lim;
      re2c:yyfill:enable = 0;
      re2c:eof = 0;

      nonascii   = [\u0080-\U0010FFFF];
      name_start = [a-zA-Z_];
      name_char  = [a-zA-Z0-9_];

      digit      = [0-9];
      digitpart  = digit ("_"? digit)*;
      decinteger = [1-9] ("_"? digit)* | "0"+ ("_"? "0")*;
      hexinteger = "0" [xX] ("_"? [0-9a-fA-F])+;
      octinteger = "0" [oO] ("_"? [0-7])+;
      bininteger = "0" [bB] ("_"? [01])+;
      pointfloat = digitpart? "." digitpart | digitpart ".";
      expfloat   = (digitpart | pointfloat) [eE] [+-]? digitpart;
      floatnum   = pointfloat | expfloat;
      imagnum    = (floatnum | digitpart) [jJ];

      str_prefix = [rRuUbBfF] | [bB][rR] | [rR][bB] | [fF][rR] | [rR][fF];

      $ { return at_eof(t); }

      [ \t\f]+       { continue; }
      "#" [^\n]*     { continue; }
      "\n"           { if (newline(t)) return true; continue; }
      "\\\n"         { if (!continuation()) return false; continue; }
      "\\"           { int c = col_at(cur);
                       return fail("SyntaxError",
                                   "unexpected character after line continuation character",
                                   line, c, line, -1); }

      "False"    { return name(t, Tok::False); }
      "None"     { return name(t, Tok::None); }
      "True"     { return name(t, Tok::True); }
      "and"      { return name(t, Tok::And); }
      "as"       { return name(t, Tok::As); }
      "assert"   { return name(t, Tok::Assert); }
      "async"    { return name(t, Tok::Async); }
      "await"    { return name(t, Tok::Await); }
      "break"    { return name(t, Tok::Break); }
      "class"    { return name(t, Tok::Class); }
      "continue" { return name(t, Tok::Continue); }
      "def"      { return name(t, Tok::Def); }
      "del"      { return name(t, Tok::Del); }
      "elif"     { return name(t, Tok::Elif); }
      "else"     { return name(t, Tok::Else); }
      "except"   { return name(t, Tok::Except); }
      "finally"  { return name(t, Tok::Finally); }
      "for"      { return name(t, Tok::For); }
      "from"     { return name(t, Tok::From); }
      "global"   { return name(t, Tok::Global); }
      "if"       { return name(t, Tok::If); }
      "import"   { return name(t, Tok::Import); }
      "in"       { return name(t, Tok::In); }
      "is"       { return name(t, Tok::Is); }
      "lambda"   { return name(t, Tok::Lambda); }
      "nonlocal" { return name(t, Tok::Nonlocal); }
      "not"      { return name(t, Tok::Not); }
      "or"       { return name(t, Tok::Or); }
      "pass"     { return name(t, Tok::Pass); }
      "raise"    { return name(t, Tok::Raise); }
      "return"   { return name(t, Tok::Return); }
      "try"      { return name(t, Tok::Try); }
      "while"    { return name(t, Tok::While); }
      "with"     { return name(t, Tok::With); }
      "yield"    { return name(t, Tok::Yield); }

      name_start name_char*                            { return name(t, Tok::Name); }
      (name_start | nonascii) (name_char | nonascii)*  { return unicode_name(t); }

      decinteger | hexinteger | octinteger | bininteger { return number(t, Tok::Int); }
      floatnum                                          { return number(t, Tok::Float); }
      imagnum                                           { return number(t, Tok::Imag); }

      str_prefix? ['"]               { return string(t, 1); }
      str_prefix? ("'''" | '"""')    { return string(t, 3); }

      "(" { return open_bracket(t, Tok::LPar); }
      "[" { return open_bracket(t, Tok::LSqb); }
      "{" { return open_bracket(t, Tok::LBrace); }
      ")" { return close_bracket(t, Tok::RPar); }
      "]" { return close_bracket(t, Tok::RSqb); }
      "}" { return close_bracket(t, Tok::RBrace); }

      ":"   { simple(t, Tok::Colon); return true; }
      ","   { simple(t, Tok::Comma); return true; }
      ";"   { simple(t, Tok::Semi); return true; }
      "."   { simple(t, Tok::Dot); return true; }
      "..." { simple(t, Tok::Ellipsis); return true; }
      "->"  { simple(t, Tok::Arrow); return true; }
      ":="  { simple(t, Tok::ColonEqual); return true; }
      "@"   { simple(t, Tok::At); return true; }
      "="   { simple(t, Tok::Equal); return true; }
      "+"   { simple(t, Tok::Plus); return true; }
      "-"   { simple(t, Tok::Minus); return true; }
      "*"   { simple(t, Tok::Star); return true; }
      "/"   { simple(t, Tok::Slash); return true; }
      "//"  { simple(t, Tok::DoubleSlash); return true; }
      "%"   { simple(t, Tok::Percent); return true; }
      "**"  { simple(t, Tok::DoubleStar); return true; }
      "&"   { simple(t, Tok::Amper); return true; }
      "|"   { simple(t, Tok::VBar); return true; }
      "^"   { simple(t, Tok::Circumflex); return true; }
      "~"   { simple(t, Tok::Tilde); return true; }
      "<<"  { simple(t, Tok::LeftShift); return true; }
      ">>"  { simple(t, Tok::RightShift); return true; }
      "<"   { simple(t, Tok::Less); return true; }
      ">"   { simple(t, Tok::Greater); return true; }
      "<="  { simple(t, Tok::LessEqual); return true; }
      ">="  { simple(t, Tok::GreaterEqual); return true; }
      "=="  { simple(t, Tok::EqEqual); return true; }
      "!="  { simple(t, Tok::NotEqual); return true; }
      "+="  { simple(t, Tok::PlusEqual); return true; }
      "-="  { simple(t, Tok::MinEqual); return true; }
      "*="  { simple(t, Tok::StarEqual); return true; }
      "/="  { simple(t, Tok::SlashEqual); return true; }
      "//=" { simple(t, Tok::DoubleSlashEqual); return true; }
      "%="  { simple(t, Tok::PercentEqual); return true; }
      "**=" { simple(t, Tok::DoubleStarEqual); return true; }
      "&="  { simple(t, Tok::AmperEqual); return true; }
      "|="  { simple(t, Tok::VBarEqual); return true; }
      "^="  { simple(t, Tok::CircumflexEqual); return true; }
      "<<=" { simple(t, Tok::LeftShiftEqual); return true; }
      ">>=" { simple(t, Tok::RightShiftEqual); return true; }
      "@="  { simple(t, Tok::AtEqual); return true; }

      // CPython's tokenizer knows "<>" (PEP 401) and hands the parser an
      // operator token for any other stray ASCII character; its parser then
      // says "invalid syntax" at that token.  We have no token for them, so
      // we say it here, with the same span.
      "<>" | [$?`!] { int c = col_at(tok);
                      return fail("SyntaxError", "invalid syntax", line, c, line, col_at(cur)); }

      [\x00-\x08\x0b\x0d-\x1f\x7f] { return invalid_character(tok); }

      // Only reachable on bytes that are not UTF-8, which the constructor
      // has already reported for this line; kept so the DFA is total.
      * { return fail_here("invalid syntax", cur); }
    */
  }
}

// ---- indentation ----------------------------------------------------------------

// Measures the indentation of the line starting at `cur` and queues the
// INDENT/DEDENT tokens it implies.  A port of the start of CPython's
// tok_get(), whose quirks (a backslash in the indentation, form feeds,
// the tab-size-1 consistency check) it keeps.
bool Lexer::State::measure_indentation() {
  at_bol = false;
  blank_line = false;
  int col = 0, alt = 0;
  int cont_col = 0;  // column of the first backslash continuation, 0 if none
  for (;;) {
    unsigned char c = *cur;
    if (c == ' ') {
      col++, alt++, cur++;
    } else if (c == '\t') {
      col = (col / kTabSize + 1) * kTabSize;
      alt++;
      cur++;
    } else if (c == '\f') {
      col = alt = 0;  // "for Emacs users", says CPython
      cur++;
    } else if (c == '\\' && cur < lim) {
      // The indentation of a line continued by a backslash is where the
      // first backslash stood.
      cont_col = cont_col ? cont_col : col;
      cur++;
      if (*cur != '\n' || cur >= lim)
        return fail("SyntaxError", "unexpected character after line continuation character",
                    line, col_at(cur), line, -1);
      int bs_line = line, bs_len = line_length();
      cur++;
      new_line();
      if (cur >= lim) return unexpected_eof(bs_line, bs_len);
      if (bad_line_start && cur >= bad_line_start) {
        failed = true;
        diag = bad_diag;
        return false;
      }
    } else {
      break;
    }
  }
  unsigned char c = *cur;
  if ((c == '#' || c == '\n') && cur < lim) {
    blank_line = true;  // whitespace/comment only: no NEWLINE, no INDENT
    return true;
  }
  if (!brackets.empty()) return true;  // implicit joining: indentation is moot

  if (cont_col) col = alt = cont_col;
  if (col == indents.back()) {
    if (alt != alt_indents.back()) goto tab_error;
  } else if (col > indents.back()) {
    if (int(indents.size()) >= kMaxIndent)
      return fail("IndentationError", "too many levels of indentation", line, 0, line, -1);
    if (alt <= alt_indents.back()) goto tab_error;
    pending++;
    indents.push_back(col);
    alt_indents.push_back(alt);
  } else {
    while (indents.size() > 1 && col < indents.back()) {
      pending--;
      indents.pop_back();
      alt_indents.pop_back();
    }
    if (col != indents.back()) {
      int len = line_length();
      return fail("IndentationError", "unindent does not match any outer indentation level",
                  line, len, line, -2);
    }
    if (alt != alt_indents.back()) goto tab_error;
  }
  return true;

tab_error:
  return fail("TabError", "inconsistent use of tabs and spaces in indentation", line, 0, line, -1);
}

// INDENT spans the line's leading whitespace; DEDENT is empty and sits
// where the line's first token starts (as `python3 -m tokenize` shows).
bool Lexer::State::emit_pending(Token& t) {
  int c = col_at(cur);
  t = Token();
  t.line = t.end_line = line;
  t.end_col = c;
  if (pending > 0) {
    pending--;
    t.kind = Tok::Indent;
    t.col = line == first_line ? first_col : 0;
    t.text.assign(reinterpret_cast<const char*>(line_start), size_t(cur - line_start));
  } else {
    pending++;
    t.kind = Tok::Dedent;
    t.col = c;
  }
  return true;
}

// ---- line ends ------------------------------------------------------------------

// A '\n' has just been scanned.  It ends a logical line (NEWLINE) unless
// we are inside brackets or the line was blank.
bool Lexer::State::newline(Token& t) {
  bool emit = !blank_line && brackets.empty();
  if (emit) {
    t = Token();
    t.kind = Tok::Newline;
    t.line = t.end_line = line;
    t.col = col_at(tok);
    t.end_col = t.col + 1;
  }
  new_line();
  at_bol = true;
  return emit;
}

// A backslash-newline has just been scanned: the next physical line
// continues this one.
bool Lexer::State::continuation() {
  int bs_line = line, bs_len = line_length();
  new_line();
  if (cur >= lim) return unexpected_eof(bs_line, bs_len);
  return true;
}

// The input ended right after a backslash continuation.
bool Lexer::State::unexpected_eof(int bs_line, int bs_len) {
  if (!brackets.empty()) {
    const Bracket& b = brackets.back();
    return fail("SyntaxError", format("'%c' was never closed", b.ch), b.line, b.col, b.line, -1);
  }
  return fail("SyntaxError", "unexpected EOF while parsing", bs_line, bs_len, bs_line, -2);
}

bool Lexer::State::at_eof(Token& t) {
  if (!brackets.empty()) {
    const Bracket& b = brackets.back();
    return fail("SyntaxError", format("'%c' was never closed", b.ch), b.line, b.col, b.line, -1);
  }
  // The buffer ends in '\n', so we are at the start of a line and
  // measure_indentation has already queued (and we have emitted) the
  // DEDENTs that close every open block.
  t = Token();
  t.kind = Tok::EndMarker;
  t.line = t.end_line = line;
  t.col = t.end_col = col_at(cur);
  done = true;
  return true;
}

// ---- names, operators, brackets ----------------------------------------------

void Lexer::State::finish(Token& t, Tok kind, int start_line, int start_col) {
  t.kind = kind;
  t.line = start_line;
  t.col = start_col;
  t.end_line = line;
  t.end_col = col_at(cur);
}

void Lexer::State::simple(Token& t, Tok kind) {
  t = Token();
  finish(t, kind, line, col_at(tok));
}

bool Lexer::State::name(Token& t, Tok kind) {
  t = Token();
  finish(t, kind, line, col_at(tok));
  if (kind == Tok::Name) t.text.assign(reinterpret_cast<const char*>(tok), size_t(cur - tok));
  return true;
}

// An identifier with non-ASCII characters, or a stray non-ASCII character
// (which CPython also scans as the start of an identifier).  Checks it the
// way CPython's verify_identifier() does.  NFKC normalisation, which
// CPython's parser applies to such names, is not done (see docs/lexer.md).
bool Lexer::State::unicode_name(Token& t) {
  bool first = true;
  for (Ptr p = tok; p < cur;) {
    uint32_t cp;
    int len = decode_utf8(p, lim, &cp);
    if (len == 0) return fail_here("invalid syntax", p + 1);
    bool ok = first ? is_xid_start(cp) : is_xid_continue(cp);
    if (!ok) return invalid_character(p);
    first = false;
    p += len;
  }
  return name(t, Tok::Name);
}

// Reports the character at `at` as CPython does: its column, no width.
bool Lexer::State::invalid_character(Ptr at) {
  uint32_t cp = 0;
  int len = decode_utf8(at, lim, &cp);
  if (len == 0) return fail_here("invalid syntax", at + 1);
  int c = col_at(at);
  std::string msg;
  if (is_printable(cp)) {
    std::string ch;
    append_utf8(&ch, cp);
    msg = format("invalid character '%s' (U+%04X)", ch.c_str(), unsigned(cp));
  } else {
    msg = format("invalid non-printable character U+%04X", unsigned(cp));
  }
  return fail("SyntaxError", msg, line, c, line, c);
}

bool Lexer::State::open_bracket(Token& t, Tok kind) {
  int c = col_at(tok);
  if (int(brackets.size()) >= kMaxLevel)
    return fail("SyntaxError", "too many nested parentheses", line, c, line, c);
  brackets.push_back({char(*tok), line, c});
  simple(t, kind);
  return true;
}

bool Lexer::State::close_bracket(Token& t, Tok kind) {
  char ch = char(*tok);
  int c = col_at(tok);
  if (brackets.empty()) return fail("SyntaxError", format("unmatched '%c'", ch), line, c, line, c);
  Bracket open = brackets.back();
  brackets.pop_back();
  char want = open.ch == '(' ? ')' : open.ch == '[' ? ']' : '}';
  if (ch != want) {
    std::string msg =
        format("closing parenthesis '%c' does not match opening parenthesis '%c'", ch, open.ch);
    if (open.line != line) msg += format(" on line %d", open.line);
    return fail("SyntaxError", msg, line, c, line, c);
  }
  simple(t, kind);
  return true;
}

// ---- numbers --------------------------------------------------------------------

// re2c has matched the longest well-formed literal.  If the next character
// could continue a number or a name ("1abc", "0o78", "1_", "1if"), CPython
// either rejects the literal with a specific message or, for a few
// keywords, accepts it; replay_number() decides exactly as it does.
bool Lexer::State::number(Token& t, Tok kind) {
  if (is_potential_identifier_char(*cur)) {
    Ptr end;
    if (!replay_number(&kind, &end)) return false;
    cur = end;
  }
  t = Token();
  finish(t, kind, line, col_at(tok));
  t.text.reserve(size_t(cur - tok));
  for (Ptr p = tok; p < cur; p++)
    if (*p != '_') t.text.push_back(char(*p));
  // Keep the base prefix, lower-cased: "0X1F" -> "0x1F".
  if (t.text.size() > 1 && t.text[0] == '0' && (t.text[1] == 'X' || t.text[1] == 'O' || t.text[1] == 'B'))
    t.text[1] = char(t.text[1] - 'A' + 'a');
  return true;
}

// CPython's tok_decimal_tail(): digits, with single underscores between.
bool Lexer::State::decimal_tail(Ptr& p, int* c) {
  for (;;) {
    do *c = *p++;
    while (is_digit(*c));
    if (*c != '_') return true;
    *c = *p++;
    if (!is_digit(*c)) return fail_here("invalid decimal literal", --p);
  }
}

// CPython's verify_end_of_number(): `c` has just been read after a number.
// "1if x else y" and friends are accepted (CPython only warns); any other
// letter, digit or '_' makes the literal invalid.
bool Lexer::State::verify_end_of_number(Ptr& p, int c, const char* kind) {
  auto followed_by = [&](const char* rest) {
    Ptr q = p;
    for (; *rest; rest++, q++)
      if (*q != *rest) return false;
    return !is_potential_identifier_char(*q);
  };
  bool keyword = false;
  switch (c) {
    case 'a': keyword = followed_by("nd"); break;
    case 'e': keyword = followed_by("lse"); break;
    case 'f': keyword = followed_by("or"); break;
    case 'i': keyword = *p == 'f' || *p == 'n' || *p == 's'; break;
    case 'o': keyword = followed_by("r"); break;
    case 'n': keyword = followed_by("ot"); break;
  }
  if (keyword) return true;
  if (is_potential_identifier_char(c)) return fail_here(format("invalid %s literal", kind), --p);
  return true;
}

// Re-reads the number at `tok` exactly as CPython's tokenizer does (the
// same sequence of reads and back-ups), so that an invalid literal gets
// CPython's message and column.  On success sets the literal's kind and
// end.  Reading is safe: the buffer ends in "\n" and NUL padding, which
// stop every loop here.
bool Lexer::State::replay_number(Tok* kind, Ptr* end) {
  Ptr p = tok;
  Ptr zeros_end;
  bool nonzero = false;
  int e;
  int c = *p++;
  *kind = Tok::Int;
  if (c == '.') {
    c = *p++;
    goto fraction;
  }
  if (c == '0') {
    c = *p++;
    if (c == 'x' || c == 'X') {
      c = *p++;
      do {
        if (c == '_') c = *p++;
        if (!is_hex_digit(c)) return fail_here("invalid hexadecimal literal", --p);
        do c = *p++;
        while (is_hex_digit(c));
      } while (c == '_');
      if (!verify_end_of_number(p, c, "hexadecimal")) return false;
      goto done;
    }
    if (c == 'o' || c == 'O' || c == 'b' || c == 'B') {
      bool octal = c == 'o' || c == 'O';
      const char* what = octal ? "octal" : "binary";
      char top = octal ? '7' : '1';
      c = *p++;
      do {
        if (c == '_') c = *p++;
        if (c < '0' || c > top) {
          if (is_digit(c)) return fail_here(format("invalid digit '%c' in %s literal", c, what), p);
          return fail_here(format("invalid %s literal", what), --p);
        }
        do c = *p++;
        while (c >= '0' && c <= top);
      } while (c == '_');
      if (is_digit(c)) return fail_here(format("invalid digit '%c' in %s literal", c, what), p);
      if (!verify_end_of_number(p, c, what)) return false;
      goto done;
    }
    // A decimal starting with 0: only zeros, unless it turns out to be a
    // float or imaginary ("0777" is an error, "0777.5" is not).
    for (;;) {
      if (c == '_') {
        c = *p++;
        if (!is_digit(c)) return fail_here("invalid decimal literal", --p);
      }
      if (c != '0') break;
      c = *p++;
    }
    zeros_end = p;
    if (is_digit(c)) {
      nonzero = true;
      if (!decimal_tail(p, &c)) return false;
    }
    if (c == '.') {
      c = *p++;
      goto fraction;
    }
    if (c == 'e' || c == 'E') goto exponent;
    if (c == 'j' || c == 'J') goto imaginary;
    if (nonzero) {
      // CPython gives this one a range: from the literal's start to the
      // first non-zero digit.
      int c0 = col_at(tok);
      return fail("SyntaxError",
                  "leading zeros in decimal integer literals are not permitted; "
                  "use an 0o prefix for octal integers",
                  line, c0, line, col_at(zeros_end) - 1);
    }
    if (!verify_end_of_number(p, c, "decimal")) return false;
    goto done;
  }
  // A decimal starting with 1-9.
  if (!decimal_tail(p, &c)) return false;
  if (c == '.') {
    c = *p++;
    goto fraction;
  }
  goto after_fraction;

fraction:
  *kind = Tok::Float;
  if (is_digit(c) && !decimal_tail(p, &c)) return false;
after_fraction:
  if (c == 'e' || c == 'E') {
  exponent:
    e = c;
    c = *p++;
    if (c == '+' || c == '-') {
      c = *p++;
      if (!is_digit(c)) return fail_here("invalid decimal literal", --p);
    } else if (!is_digit(c)) {
      // "1else": the 'e' is not an exponent after all.
      --p;
      if (!verify_end_of_number(p, e, "decimal")) return false;
      *end = p - 1;
      return true;
    }
    if (!decimal_tail(p, &c)) return false;
    *kind = Tok::Float;
  }
  if (c == 'j' || c == 'J') {
  imaginary:
    *kind = Tok::Imag;
    c = *p++;
    if (!verify_end_of_number(p, c, "imaginary")) return false;
  } else if (!verify_end_of_number(p, c, "decimal")) {
    return false;
  }
done:
  *end = p - 1;
  return true;
}

// ---- strings --------------------------------------------------------------------

// re2c has matched an optional prefix and the opening quote(s).  Scans to
// the closing quote, then decodes (str, bytes) or checks (f-string) the
// body.
bool Lexer::State::string(Token& t, int quote_size) {
  Ptr quotes = cur - quote_size;
  char quote = char(*quotes);
  bool raw = false, bytes = false, fstr = false;
  for (Ptr p = tok; p < quotes; p++) {
    switch (*p | 0x20) {  // lower-case
      case 'r': raw = true; break;
      case 'b': bytes = true; break;
      case 'f': fstr = true; break;
      default: break;  // 'u' changes nothing
    }
  }
  int start_line = line, start_col = col_at(tok);
  Ptr body = cur, body_end;
  if (!scan_string_body(quote, quote_size, start_line, start_col, &body_end)) return false;
  if (bad_line_start && cur > bad_line_start) {  // the string ran into a bad line
    failed = true;
    diag = bad_diag;
    return false;
  }

  t = Token();
  finish(t, Tok::String, start_line, start_col);
  t.str_raw = raw;
  std::string_view text(reinterpret_cast<const char*>(body), size_t(body_end - body));
  Diagnostic err;
  if (fstr) {
    t.str_kind = StrKind::FString;
    t.text.assign(text);
    // Body position: right after the opening quotes.
    int body_line = start_line, body_col = start_col + int(body - tok);
    std::vector<FStringPart> parts;
    if (!split_fstring(t.text, raw, body_line, body_col, &parts, &err)) defer(err);
  } else if (bytes) {
    t.str_kind = StrKind::Bytes;
    for (unsigned char ch : text)
      if (ch >= 0x80)
        return fail("SyntaxError", "bytes can only contain ASCII literal characters", t.line,
                    t.col, t.end_line, t.end_col);
    if (raw)
      t.text.assign(text);
    else if (!decode_bytes_escapes(text, &t.text, &err))
      defer(err);
  } else {
    t.str_kind = StrKind::Str;
    if (raw)
      t.text.assign(text);
    else if (!decode_str_escapes(text, &t.text, &err))
      defer(err);
  }
  return true;
}

// Finds the closing quote(s), following newlines for line numbers.  As in
// CPython, a backslash always skips the next character (even in a raw
// string, which therefore cannot end in an odd number of backslashes), and
// a single-quoted string may only run past a newline that is escaped.
bool Lexer::State::scan_string_body(char quote, int quote_size, int start_line, int start_col,
                                    Ptr* body_end) {
  const char* what = quote_size == 3 ? "unterminated triple-quoted string literal"
                                     : "unterminated string literal";
  Ptr p = cur;
  for (;;) {
    if (p >= lim) {
      // The buffer ends in '\n', so the last line read is the previous one.
      return fail("SyntaxError", format("%s (detected at line %d)", what, line - 1), start_line,
                  start_col, start_line, start_col);
    }
    unsigned char c = *p++;
    if (c == quote) {
      if (quote_size == 1) break;
      if (p[0] == quote && p[1] == quote) {
        p += 2;
        break;
      }
    } else if (c == '\\') {
      if (p < lim && *p++ == '\n') {
        cur = p;
        new_line();
      }
    } else if (c == '\n') {
      if (quote_size == 1)
        return fail("SyntaxError", format("%s (detected at line %d)", what, line), start_line,
                    start_col, start_line, start_col);
      cur = p;
      new_line();
    }
  }
  cur = p;
  *body_end = p - quote_size;
  return true;
}

// ---- the public face ------------------------------------------------------------

Lexer::Lexer(std::string_view source, int first_line, int first_col)
    : s_(std::make_unique<State>(source, first_line, first_col)) {}

Lexer::~Lexer() = default;

bool Lexer::next(Token& out) {
  State& s = *s_;
  if (s.failed) return false;
  if (s.done) {
    out = Token();
    out.kind = Tok::EndMarker;
    out.line = out.end_line = s.line;
    out.col = out.end_col = s.col_at(s.cur);
    return true;
  }
  bool had_deferred = s.has_deferred;
  if (!s.scan(out)) return false;
  if (had_deferred) {
    // Report the string's error at this, the following token, as CPython
    // does.  (CPython's NEWLINE token has no width.)
    Diagnostic d = s.deferred;
    int end_col = out.kind == Tok::Newline ? out.col : out.end_col;
    return s.fail(d.type.c_str(), d.msg, out.line, out.col, out.end_line, end_col);
  }
  return true;
}

bool Lexer::failed() const { return s_->failed; }

const Diagnostic& Lexer::error() const { return s_->diag; }

std::string_view tok_name(Tok kind) {
  static constexpr std::string_view names[] = {
#define COIL_TOKEN_NAME(name, spelling) spelling,
      COIL_TOKENS(COIL_TOKEN_NAME)
#undef COIL_TOKEN_NAME
  };
  size_t i = size_t(kind);
  return i < sizeof names / sizeof names[0] ? names[i] : std::string_view("?");
}

std::vector<Token> tokenize(std::string_view source, Diagnostic* err) {
  std::vector<Token> out;
  Lexer lx(source);
  Token t;
  for (;;) {
    if (!lx.next(t)) {
      if (err) *err = lx.error();
      return {};
    }
    out.push_back(t);
    if (t.kind == Tok::EndMarker) return out;
  }
}

std::string source_line(std::string_view source, int line) {
  if (source.size() >= 3 && source.substr(0, 3) == "\xEF\xBB\xBF") source.remove_prefix(3);
  size_t pos = 0;
  for (int l = 1; l < line; l++) {
    size_t nl = source.find_first_of("\r\n", pos);
    if (nl == std::string_view::npos) return "";
    pos = nl + 1;
    if (source[nl] == '\r' && pos < source.size() && source[pos] == '\n') pos++;
  }
  if (pos > source.size()) return "";
  size_t end = source.find_first_of("\r\n", pos);
  if (end == std::string_view::npos) end = source.size();
  return std::string(source.substr(pos, end - pos));
}

}  // namespace coil::lexer
