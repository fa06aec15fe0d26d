// parser.cpp — the driver: lexer tokens in, Bison grammar, AST out.
//
// Three jobs live here:
//   1. TokenStream and yylex(): the adapter between the re2c lexer and the
//      Bison parser.  It maps lexer::Tok to Bison token kinds, feeds the
//      fake start token that selects exec/eval/single/f-string mode, and
//      settles the two spots where Python needs more than one token of
//      lookahead (parenthesised with-items, the soft keyword `match`).
//   2. report_syntax_error_in(): when Bison gets stuck, choose CPython's
//      message — a lexical error found on the way, "expected ':'", an
//      IndentationError, "Perhaps you forgot a comma?", the print hint, or
//      plain "invalid syntax" at the offending token.
//   3. parse(): the public entry point (parser.h).
#include <string>

#include "grammar.tab.hpp"
#include "parser/parser_internal.h"

namespace coil::parser {

using lexer::Tok;
using lexer::Token;

// ---- TokenStream -----------------------------------------------------------------

TokenStream::TokenStream(std::string_view source, int first_line, int first_col)
    : lexer_(source, first_line, first_col) {}

bool TokenStream::fill(size_t n) {
  while (ahead_.size() < n) {
    if (eof_) {
      ahead_.push_back(ahead_.empty() ? history_.back() : ahead_.back());
      continue;
    }
    Token t;
    if (!lexer_.next(t)) return false;
    if (t.kind == Tok::EndMarker) eof_ = true;
    ahead_.push_back(std::move(t));
  }
  return true;
}

const Token* TokenStream::peek(size_t k) {
  if (!fill(k + 1)) return nullptr;
  return &ahead_[k];
}

bool TokenStream::take(Token* out) {
  if (!fill(1)) return false;
  *out = ahead_.front();
  ahead_.pop_front();
  history_.push_back(*out);
  return true;
}

bool TokenStream::drain_finds_error() {
  if (lexer_.failed()) return true;
  size_t k = ahead_.size();
  while (!eof_) {
    if (!fill(++k)) return true;
  }
  return false;
}

// ---- Driver ----------------------------------------------------------------------

Driver::Driver(std::string_view src, StartKind s, ast::Arena* a, int line, int col)
    : source(src), start(s), arena(a), tokens(src, line, col), first_line(line),
      first_col(col) {
  line_starts.push_back(0);
  for (size_t i = 0; i < src.size(); ++i)
    if (src[i] == '\n') line_starts.push_back(i + 1);
}

void Driver::fail(const std::string& msg, const Span& at, const char* type) {
  if (failed) return;
  failed = true;
  error.type = type;
  error.msg = msg;
  error.line = at.begin.line;
  error.col = at.begin.col;
  error.end_line = at.end.line;
  error.end_col = at.end.col;
}

char Driver::source_char(int line, int col) const {
  int idx = line - first_line;
  if (idx < 0 || idx >= static_cast<int>(line_starts.size())) return 0;
  size_t off = line_starts[idx] + (idx == 0 ? col - first_col : col);
  return off < source.size() ? source[off] : 0;
}

// ---- the token adapter -------------------------------------------------------------

static Span span_of_token(const Token& t) {
  return Span{{t.line, t.col}, {t.end_line, t.end_col}};
}

static Grammar::token_kind_type bison_kind(Tok k) {
  switch (k) {
#define COIL_TOKEN_TO_BISON(name, spelling) \
  case Tok::name:                           \
    return Grammar::token::TOK_##name;
    COIL_TOKENS(COIL_TOKEN_TO_BISON)
#undef COIL_TOKEN_TO_BISON
  }
  return Grammar::token::TOK_LexError;
}

static bool is_open(Tok k) { return k == Tok::LPar || k == Tok::LSqb || k == Tok::LBrace; }
static bool is_close(Tok k) { return k == Tok::RPar || k == Tok::RSqb || k == Tok::RBrace; }

// Does the '(' after `with` open a parenthesised list of with-items
// (`with (a as b, c):`) rather than an expression (`with (a, b) as c:`)?
// It does when the matching ')' is followed by ':' and the parentheses hold
// an `as` or a comma at their own level, and nothing that only an
// expression could hold there (a comprehension, a walrus, a yield).
static bool with_parens_hold_items(Driver& d) {
  int depth = 0;
  bool items = false;
  for (size_t k = 0;; ++k) {
    const Token* t = d.tokens.peek(k);
    if (!t || t->kind == Tok::EndMarker || t->kind == Tok::Newline) return false;
    if (is_open(t->kind)) ++depth;
    if (is_close(t->kind) && --depth == 0) {
      const Token* after = d.tokens.peek(k + 1);
      return items && after && after->kind == Tok::Colon;
    }
    if (depth == 1) {
      if (t->kind == Tok::As || t->kind == Tok::Comma) items = true;
      if (t->kind == Tok::For || t->kind == Tok::ColonEqual || t->kind == Tok::Yield)
        return false;
    }
  }
}

// Is the name `match` just read the start of a match statement?  That is a
// logical line starting with `match` and ending with ':'.
static bool starts_match_statement(Driver& d) {
  const auto& h = d.tokens.history();
  if (h.size() >= 2) {
    Tok before = h[h.size() - 2].kind;
    if (before != Tok::Newline && before != Tok::Indent && before != Tok::Dedent) return false;
  }
  const Token* next = d.tokens.peek(0);
  if (!next || next->kind == Tok::Colon || next->kind == Tok::Equal ||
      next->kind == Tok::Dot || next->kind == Tok::Newline)
    return false;
  int depth = 0;
  Tok last = Tok::Name;
  for (size_t k = 0;; ++k) {
    const Token* t = d.tokens.peek(k);
    if (!t || t->kind == Tok::EndMarker) return false;
    if (t->kind == Tok::Newline && depth == 0) return last == Tok::Colon;
    if (is_open(t->kind)) ++depth;
    if (is_close(t->kind)) --depth;
    last = t->kind;
  }
}

Grammar::symbol_type yylex(Driver& d) {
  if (!d.sent_start) {
    d.sent_start = true;
    Span at{{d.first_line, d.first_col}, {d.first_line, d.first_col}};
    switch (d.start) {
      case StartKind::Exec: return Grammar::make_StartExec(at);
      case StartKind::Eval: return Grammar::make_StartEval(at);
      case StartKind::Single: return Grammar::make_StartSingle(at);
      case StartKind::FExpr: return Grammar::make_StartFExpr(at);
    }
  }
  if (d.sent_eof) return Grammar::make_YYEOF(span_of_token(d.last));
  Token t;
  if (!d.tokens.take(&t)) return Grammar::make_LexError(span_of_token(d.last));
  d.prev = d.last;
  d.last = t;
  Span at = span_of_token(t);
  if (is_open(t.kind)) ++d.paren_depth;
  if (is_close(t.kind)) --d.paren_depth;
  switch (t.kind) {
    case Tok::EndMarker:
      d.sent_eof = true;
      return Grammar::make_EndMarker(at);
    case Tok::Name:
      if (t.text == "match" && starts_match_statement(d)) {
        d.fail("the 'match' statement is not supported", at);
        return Grammar::make_LexError(at);
      }
      return Grammar::make_Name(t.text, at);
    case Tok::Int: return Grammar::make_Int(t.text, at);
    case Tok::Float: return Grammar::make_Float(t.text, at);
    case Tok::Imag: return Grammar::make_Imag(t.text, at);
    case Tok::String: return Grammar::make_String(t, at);
    case Tok::With: {
      const Token* next = d.tokens.peek(0);
      d.with_lpar_next = next && next->kind == Tok::LPar && with_parens_hold_items(d);
      return Grammar::make_With(at);
    }
    case Tok::LPar:
      if (d.with_lpar_next) {
        d.with_lpar_next = false;
        return Grammar::make_WithLPar(at);
      }
      return Grammar::make_LPar(at);
    default:
      return Grammar::symbol_type(bison_kind(t.kind), at);
  }
}

// ---- syntax error messages ------------------------------------------------------------

// The first token of the logical line that holds history[i].
static size_t line_start(const std::vector<Token>& h, size_t i) {
  while (i > 0) {
    Tok k = h[i - 1].kind;
    if (k == Tok::Newline || k == Tok::Indent || k == Tok::Dedent) break;
    --i;
  }
  return i;
}

// "'if' statement on line 3", "function definition on line 1" ...: what
// CPython names the compound statement whose block is missing.
static std::string block_owner(const std::vector<Token>& h, size_t first) {
  size_t i = first;
  if (h[i].kind == Tok::Async && i + 1 < h.size()) ++i;
  const Token& kw = h[i];
  std::string where = " on line " + std::to_string(kw.line);
  switch (kw.kind) {
    case Tok::Def: return "function definition" + where;
    case Tok::Class: return "class definition" + where;
    case Tok::Except:
      if (i + 1 < h.size() && h[i + 1].kind == Tok::Star) return "'except*' statement" + where;
      return "'except' statement" + where;
    case Tok::If: case Tok::Elif: case Tok::Else: case Tok::While: case Tok::For:
    case Tok::With: case Tok::Try: case Tok::Finally:
      return "'" + std::string(lexer::tok_name(kw.kind)) + "' statement" + where;
    default: return "";
  }
}

static bool ends_expression(const Token& t) {
  switch (t.kind) {
    case Tok::Name: case Tok::Int: case Tok::Float: case Tok::Imag: case Tok::String:
    case Tok::RPar: case Tok::RSqb: case Tok::RBrace: case Tok::None: case Tok::True:
    case Tok::False: case Tok::Ellipsis:
      return true;
    default:
      return false;
  }
}

static bool starts_expression(const Token& t) {
  switch (t.kind) {
    case Tok::Name: case Tok::Int: case Tok::Float: case Tok::Imag: case Tok::String:
    case Tok::LPar: case Tok::LSqb: case Tok::LBrace: case Tok::None: case Tok::True:
    case Tok::False: case Tok::Ellipsis: case Tok::Minus: case Tok::Plus: case Tok::Tilde:
    case Tok::Not: case Tok::Lambda: case Tok::Await:
      return true;
    default:
      return false;
  }
}

// Walks back from history[i] over one primary (`a.b(c)[d]`), returning the
// index of its first token: the start CPython gives the expression before a
// missing comma.
static size_t primary_start(const std::vector<Token>& h, size_t i) {
  for (;;) {
    if (is_close(h[i].kind)) {
      int depth = 0;
      while (i > 0) {
        if (is_close(h[i].kind)) ++depth;
        if (is_open(h[i].kind) && --depth == 0) break;
        --i;
      }
      if (i > 0 && ends_expression(h[i - 1]) && h[i - 1].kind != Tok::String) {
        --i;
        continue;
      }
      return i;
    }
    if (i >= 2 && h[i - 1].kind == Tok::Dot) {
      i -= 2;
      continue;
    }
    return i;
  }
}

// The end of the primary that starts with `first` (just consumed): skips
// balanced brackets and trailers (`.name`, `(...)`, `[...]`) ahead.
static Pos primary_end(Driver& d, const Token& first) {
  Pos end{first.end_line, first.end_col};
  size_t k = 0;
  int depth = is_open(first.kind) ? 1 : 0;
  for (;;) {
    const Token* t = d.tokens.peek(k);
    if (!t || t->kind == Tok::EndMarker) return end;
    if (depth > 0) {
      if (is_open(t->kind)) ++depth;
      if (is_close(t->kind)) --depth;
      end = {t->end_line, t->end_col};
      ++k;
      continue;
    }
    if (t->kind == Tok::Dot) {
      const Token* name = d.tokens.peek(k + 1);
      if (!name || name->kind != Tok::Name) return end;
      end = {name->end_line, name->end_col};
      k += 2;
      continue;
    }
    if (t->kind == Tok::LPar || t->kind == Tok::LSqb) {
      depth = 1;
      ++k;
      continue;
    }
    return end;
  }
}

static bool is_compound_keyword(Tok k) {
  switch (k) {
    case Tok::If: case Tok::Elif: case Tok::Else: case Tok::While: case Tok::For:
    case Tok::With: case Tok::Try: case Tok::Except: case Tok::Finally: case Tok::Def:
    case Tok::Class: case Tok::Async:
      return true;
    default:
      return false;
  }
}

void report_syntax_error_in(Driver& d, const SyntaxErrorContext& info) {
  if (d.failed) return;
  if (d.tokens.lexer_failed()) {
    d.failed = true;
    d.error = d.tokens.lexer_error();
    return;
  }
  // A lexical error further on in the file wins over any syntax error, as
  // in CPython (_PyPegen_tokenize_full_source_to_check_for_errors).  An
  // unclosed bracket wins only when the parser had read past the line it
  // was opened on, or would have had to read the end of the file next
  // (CPython's parser fetches that token and fails right there):
  // `x = (1,\ny = 2` and `a = (1 2` say "'(' was never closed", while
  // `f(a b)\ng = (` keeps the error at `b`.
  if (d.tokens.drain_finds_error()) {
    const Diagnostic& lex = d.tokens.lexer_error();
    bool unclosed = lex.msg.find("was never closed") != std::string::npos;
    int err_line = d.tokens.history().empty() ? 0 : d.tokens.history().back().line;
    if (!unclosed || err_line > lex.line || d.tokens.nothing_left()) {
      d.failed = true;
      d.error = lex;
      return;
    }
  }
  const auto& h = d.tokens.history();
  if (h.empty()) {
    d.fail("invalid syntax", info.at);
    return;
  }
  size_t n = h.size();
  const Token& la = h[n - 1];
  Span at = span_of_token(la);

  // A missing indented block after "...:" NEWLINE.
  if (info.expects_indent && la.kind != Tok::Indent && n >= 3 &&
      h[n - 2].kind == Tok::Newline) {
    std::string owner = block_owner(h, line_start(h, n - 3));
    if (!owner.empty()) {
      Span where = la.kind == Tok::EndMarker ? span_of_token(h[n - 2]) : at;
      d.fail("expected an indented block after " + owner, where, "IndentationError");
      return;
    }
  }
  if (la.kind == Tok::Indent) {
    // CPython points one column before the indented statement.
    const Token* next = d.tokens.peek(0);
    int col = next && next->col > 0 ? next->col - 1 : 0;
    d.fail("unexpected indent", Span{{la.end_line, col}, {0, -1}}, "IndentationError");
    return;
  }
  // `try:` with a block and then neither except nor finally.
  if (info.expects_except && la.kind != Tok::Except && la.kind != Tok::Finally) {
    Span where = at;
    for (size_t k = n - 1; k-- > 0;)
      if (h[k].kind == Tok::Newline) {
        where = Span{{h[k].line, h[k].col}, {0, -1}};
        break;
      }
    d.fail("expected 'except' or 'finally' block", where);
    return;
  }
  // `if x` NEWLINE, `def f()` NEWLINE ...: the colon is missing.
  if (info.expects_colon && n >= 2) {
    size_t first = line_start(h, n - 1);
    if (first < n - 1 && is_compound_keyword(h[first].kind) &&
        (la.kind == Tok::Newline || info.expected_count == 1)) {
      d.fail("expected ':'", Span{at.begin, at.begin});
      return;
    }
  }
  // `print x`: Python 2's print statement.
  if (n >= 2 && h[n - 2].kind == Tok::Name &&
      (h[n - 2].text == "print" || h[n - 2].text == "exec") &&
      line_start(h, n - 2) == n - 2 && starts_expression(la)) {
    Span whole = span_of_token(h[n - 2]);
    int depth = 0;
    for (size_t k = 0;; ++k) {
      const Token* t = d.tokens.peek(k);
      if (!t || t->kind == Tok::EndMarker || (t->kind == Tok::Newline && depth == 0) ||
          (t->kind == Tok::Semi && depth == 0))
        break;
      if (is_open(t->kind)) ++depth;
      if (is_close(t->kind)) --depth;
      whole.end = {t->end_line, t->end_col};
    }
    if (whole.end.col == h[n - 2].end_col && whole.end.line == h[n - 2].end_line)
      whole.end = at.end;
    d.fail("Missing parentheses in call to '" + h[n - 2].text + "'. Did you mean " +
               h[n - 2].text + "(...)?",
           whole);
    return;
  }
  // `f(a b)`: two expressions side by side inside brackets.
  int depth_before = d.paren_depth - (is_open(la.kind) ? 1 : 0) + (is_close(la.kind) ? 1 : 0);
  if (depth_before > 0 && n >= 2 && ends_expression(h[n - 2]) && starts_expression(la) &&
      !(h[n - 2].kind == Tok::Name && la.kind == Tok::String)) {
    size_t first = primary_start(h, n - 2);
    Span range{{h[first].line, h[first].col}, primary_end(d, la)};
    d.fail("invalid syntax. Perhaps you forgot a comma?", range);
    return;
  }
  // `a if b` without `else`: CPython spans from a to b.
  if (info.expects_else && la.kind != Tok::Else && n >= 2) {
    size_t k = n - 1;
    int depth = 0;
    while (k-- > 0) {
      if (is_close(h[k].kind)) ++depth;
      if (is_open(h[k].kind)) --depth;
      if (depth == 0 && h[k].kind == Tok::If) break;
    }
    if (k < n && k > 0 && h[k].kind == Tok::If) {
      size_t first = primary_start(h, k - 1);
      Span range{{h[first].line, h[first].col}, {h[n - 2].end_line, h[n - 2].end_col}};
      d.fail("expected 'else' after 'if' expression", range);
      return;
    }
  }
  // The NEWLINE CPython adds at the end of a file without one is empty.
  if (la.kind == Tok::Newline && d.source_char(la.line, la.col) != '\n' &&
      d.source_char(la.line, la.col) != '\r')
    at.end = at.begin;
  d.fail("invalid syntax", at);
}

// ---- entry points ----------------------------------------------------------------

ast::Expr* parse_fstring_expr(Driver& outer, const std::string& expr, int line, int col) {
  // CPython 3.11 parses "(" + expr + ")" so that newlines inside need no
  // backslashes; the lexer is told the '(' sits just before the expression.
  std::string text = "(" + expr + ")";
  Driver sub(text, StartKind::FExpr, outer.arena, line, col - 1);
  Grammar g(sub);
  int rc = g.parse();
  if (rc != 0 || sub.failed || !sub.expression) {
    if (!outer.failed) {
      outer.failed = true;
      outer.error = sub.error;
      if (!sub.failed) outer.error.msg = "invalid syntax";
      outer.error.msg = "f-string: " + outer.error.msg;
      // CPython 3.11 reports columns on the field's first line relative to
      // the "(expr)" text it parsed, not to the file; so do we.
      if (outer.error.line == line) outer.error.col -= col - 1;
      if (outer.error.end_line == line) outer.error.end_col -= col - 1;
    }
    return nullptr;
  }
  return sub.expression;
}

bool parse(std::string_view source, Mode mode, ast::Module* out, Diagnostic* err) {
  StartKind start = mode == Mode::Eval     ? StartKind::Eval
                    : mode == Mode::Single ? StartKind::Single
                                           : StartKind::Exec;
  Driver d(source, start, out->arena.get());
  Grammar g(d);
  int rc = g.parse();
  if (rc != 0 || d.failed) {
    if (!d.failed) d.fail("invalid syntax", span_of_token(d.last));
    if (err) *err = d.error;
    return false;
  }
  out->body = std::move(d.body);
  out->expression = d.expression;
  return true;
}

}  // namespace coil::parser
