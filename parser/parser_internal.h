// parser_internal.h — what the Bison actions (grammar.y) and the helper
// files of the parser share: the source span type, the parse Driver that
// owns the token stream and the first error, the small semantic-value
// structs, and the builder functions the grammar actions call.
//
// Nothing here is visible outside parser/; the public face is parser.h.
#pragma once

#include <deque>
#include <unordered_map>
#include <unordered_set>
#include <string>
#include <string_view>
#include <vector>

#include "lexer/diagnostic.h"
#include "lexer/lexer.h"
#include "lexer/token.h"
#include "parser/ast.h"
#include "parser/parser.h"

namespace coil::parser {

// ---- spans ---------------------------------------------------------------------
// Bison's location type.  `begin` is the first byte, `end` one past the last,
// as CPython's (lineno, col_offset) / (end_lineno, end_col_offset).  The
// default YYLLOC_DEFAULT joins the begin of a rule's first symbol with the
// end of its last, which is exactly the span CPython gives most nodes.
struct Pos {
  int line = 1, col = 0;
};
struct Span {
  Pos begin, end;
};

inline Span span_of(const ast::Node* n) {
  return Span{{n->line, n->col}, {n->end_line, n->end_col}};
}
inline Span join(const Span& a, const Span& b) { return Span{a.begin, b.end}; }
inline void set_span(ast::Node* n, const Span& s) {
  n->line = s.begin.line;
  n->col = s.begin.col;
  n->end_line = s.end.line;
  n->end_col = s.end.col;
}

// How deep an expression may nest before the parse gives up with CPython's
// RecursionError, so that later recursive passes (validation, the dump, the
// compiler) never exhaust the C++ stack.
constexpr size_t kMaxNesting = 1000;

// Which start symbol yylex feeds first; kFExpr parses one f-string field.
enum class StartKind { Exec, Eval, Single, FExpr };

// ---- semantic values ------------------------------------------------------------
using ExprList = std::vector<ast::Expr*>;
using StmtList = std::vector<ast::Stmt*>;

// A comma-separated run of expressions: `a, b,`.  One item without a
// trailing comma is the item itself; anything else is a tuple.
struct ExprSeq {
  ExprList items;
  bool trailing_comma = false;
};

// One argument of a call, before the call sorts them into args/keywords.
struct ArgItem {
  enum Kind { Positional, Star, Keyword, DoubleStar, BareGenexp } kind = Positional;
  ast::Expr* value = nullptr;
  ast::Expr* name = nullptr;  // Keyword: the expression left of '='
  Span span;
};
using ArgList = std::vector<ArgItem>;

// One parameter of a def or lambda, before make_arguments() sorts them.
struct ParamItem {
  enum Kind { Plain, Slash, Star, DoubleStar } kind = Plain;
  ast::Arg* arg = nullptr;       // nullptr for '/' and a bare '*'
  ast::Expr* deflt = nullptr;
  Span span;
};
using ParamList = std::vector<ParamItem>;

struct CmpItem {
  ast::CmpOpKind op;
  ast::Expr* right = nullptr;
};
using CmpList = std::vector<CmpItem>;

// A key/value of a dict display; key nullptr for `**mapping`.
struct DictItem {
  ast::Expr* key = nullptr;
  ast::Expr* value = nullptr;
};
using DictItems = std::vector<DictItem>;

// An except clause with the star flag kept for the Try/TryStar decision.
struct Handler {
  ast::ExceptHandler* node = nullptr;
  bool star = false;
};
using HandlerList = std::vector<Handler>;

using CompList = std::vector<ast::Comprehension*>;
using AliasList = std::vector<ast::Alias*>;
using WithItems = std::vector<ast::WithItem*>;
using StringList = std::vector<lexer::Token>;
using NameList = std::vector<std::string>;

// ---- the token stream -------------------------------------------------------------
// Pulls tokens from the lexer on demand and keeps a lookahead buffer, so the
// adapter can peek ahead (to tell `with (a as b):` from `with (a, b) as c:`,
// and a `match` statement from a name called match) and a history, so the
// error reporter can look back at the start of the logical line.
class TokenStream {
 public:
  TokenStream(std::string_view source, int first_line, int first_col);
  // The k-th token not yet consumed (0 = next).  Returns nullptr when the
  // lexer failed before producing it.
  const lexer::Token* peek(size_t k);
  // Consumes the next token; false on a lexical error.
  bool take(lexer::Token* out);
  bool lexer_failed() const { return lexer_.failed(); }
  const Diagnostic& lexer_error() const { return lexer_.error(); }
  // Lexes the rest of the input; true when that hits a lexical error.
  bool drain_finds_error();
  // After drain_finds_error(): no token was lexed past the ones consumed,
  // so the parser's next fetch would have hit the end of the input.
  bool nothing_left() const { return ahead_.empty(); }
  const std::vector<lexer::Token>& history() const { return history_; }

 private:
  bool fill(size_t n);
  lexer::Lexer lexer_;
  std::deque<lexer::Token> ahead_;
  std::vector<lexer::Token> history_;
  bool eof_ = false;
};

// ---- the driver ------------------------------------------------------------------
// One per parse (and one per f-string field parse).  Owns the token stream
// and the first error; the grammar's actions reach the arena through it.
struct Driver {
  Driver(std::string_view source, StartKind start, ast::Arena* arena, int first_line = 1,
         int first_col = 0);

  std::string_view source;
  StartKind start;
  ast::Arena* arena;
  TokenStream tokens;
  bool sent_start = false;
  bool sent_eof = false;
  int paren_depth = 0;

  // Expressions written inside parentheses: `(a)` has the span of `a`, so
  // this is how AnnAssign's `simple` flag and a few error messages tell
  // `(a): int` from `a: int`.
  std::unordered_set<const ast::Expr*> parenthesized;

  // The last two tokens handed to Bison (the lookahead and the one before),
  // for the error reporter.
  lexer::Token last, prev;
  bool with_lpar_next = false;

  // Results, filled by the top-level rules.
  StmtList body;
  ast::Expr* expression = nullptr;

  // The first error wins; later ones are ignored.
  bool failed = false;
  Diagnostic error;
  void fail(const std::string& msg, const Span& at, const char* type = "SyntaxError");
  // The source byte at a file position (0 when outside this driver's text;
  // a nested f-string driver's text starts at first_line/first_col).
  char source_char(int line, int col) const;
  int first_line, first_col;
  std::vector<size_t> line_starts;
  void fail_at(const std::string& msg, const ast::Node* n) { fail(msg, span_of(n)); }
  void fail_too_deep(const Span& at) {
    fail("maximum recursion depth exceeded during compilation", at, "RecursionError");
  }
  // Depth of left-nested chains (a+b+c..., a.b.c..., f()()...), which do
  // not grow the parse stack; checked against kMaxNesting.
  std::unordered_map<const ast::Expr*, int> chain_depth;
  // Records `e` as one deeper than `left`; false (error set) when too deep.
  bool chain(const ast::Expr* e, const ast::Expr* left, const Span& at) {
    auto it = chain_depth.find(left);
    int depth = (it == chain_depth.end() ? 0 : it->second) + 1;
    if (depth > static_cast<int>(kMaxNesting)) {
      fail_too_deep(at);
      return false;
    }
    chain_depth[e] = depth;
    return true;
  }

  template <class T, class... A>
  T* make(const Span& s, A&&... a) {
    T* n = arena->make<T>(std::forward<A>(a)...);
    set_span(n, s);
    return n;
  }
};

// ---- syntax errors (parser.cpp) -----------------------------------------------------
// What Bison knows when it gets stuck, handed to the message chooser.
struct SyntaxErrorContext {
  Span at;                    // the lookahead token's span
  bool expects_colon = false;
  bool expects_indent = false;
  bool expects_except = false;
  bool expects_else = false;    // inside `a if b` before `else`  // after a try block: 'except' or 'finally'
  int expected_count = 0;
};
void report_syntax_error_in(Driver& d, const SyntaxErrorContext& info);

// ---- builders (build.cpp) -----------------------------------------------------------
ast::Expr* make_name(Driver& d, const std::string& id, const Span& s);
ast::Expr* make_int(Driver& d, const std::string& text, const Span& s);
ast::Expr* make_float(Driver& d, const std::string& text, const Span& s);
ast::Expr* make_imag(Driver& d, const std::string& text, const Span& s);
ast::Expr* make_singleton(Driver& d, ast::ConstKind k, const Span& s);
ast::Expr* make_binop(Driver& d, ast::Expr* l, ast::OperatorKind op, ast::Expr* r,
                      const Span& s);
ast::Expr* make_unary(Driver& d, ast::UnaryOpKind op, ast::Expr* operand, const Span& s);
ast::Expr* make_boolop(Driver& d, ast::BoolOpKind op, ExprList values, const Span& s);
ast::Expr* make_compare(Driver& d, ast::Expr* left, CmpList ops, const Span& s);
ast::Expr* make_tuple_or_item(Driver& d, ExprSeq seq, const Span& s);
ast::Expr* make_tuple(Driver& d, ExprList elts, const Span& s);
ast::Expr* make_list(Driver& d, ExprList elts, const Span& s);
ast::Expr* make_set(Driver& d, ExprList elts, const Span& s);
ast::Expr* make_dict(Driver& d, DictItems items, const Span& s);
ast::Expr* make_group(Driver& d, ExprSeq seq, const Span& s);  // '(' ... ')'
ast::Expr* make_call(Driver& d, ast::Expr* func, ArgList args, const Span& s,
                     const Span& parens);
ast::Expr* make_subscript(Driver& d, ast::Expr* value, ast::Expr* slice, const Span& s);
ast::Expr* make_slices(Driver& d, ExprSeq seq, const Span& s);
ast::Expr* make_slice(Driver& d, ast::Expr* lo, ast::Expr* hi, ast::Expr* step, const Span& s);
ast::Expr* make_attribute(Driver& d, ast::Expr* value, const std::string& attr, const Span& s);
ast::Expr* make_starred(Driver& d, ast::Expr* value, const Span& s);
ast::Expr* make_named(Driver& d, ast::Expr* target, ast::Expr* value, const Span& s);
ast::Expr* make_ifexp(Driver& d, ast::Expr* body, ast::Expr* test, ast::Expr* orelse,
                      const Span& s);
ast::Expr* make_lambda(Driver& d, ast::Arguments* args, ast::Expr* body, const Span& s);
ast::Expr* make_await(Driver& d, ast::Expr* value, const Span& s);
ast::Expr* make_yield(Driver& d, ast::Expr* value, bool from, const Span& s);
ast::Expr* make_comp(Driver& d, ast::ExprKind kind, ast::Expr* elt, ast::Expr* value,
                     CompList gens, const Span& s);
ast::Comprehension* make_comprehension(Driver& d, ast::Expr* target, ast::Expr* iter,
                                       bool is_async, const Span& s);
ast::Arguments* make_arguments(Driver& d, ParamList params);
ast::Arg* make_arg(Driver& d, const std::string& name, ast::Expr* annotation, const Span& s);
ArgItem make_keyword_item(Driver& d, ast::Expr* name, ast::Expr* value, const Span& s,
                          const Span& name_and_eq);

ast::Stmt* make_expr_stmt(Driver& d, ExprList chain, const Span& s);
ast::Stmt* make_annassign(Driver& d, ast::Expr* target, ast::Expr* ann, ast::Expr* value,
                          const Span& s);
ast::Stmt* make_augassign(Driver& d, ast::Expr* target, ast::OperatorKind op,
                          ast::Expr* value, const Span& s);
ast::Stmt* make_delete(Driver& d, ExprList targets, const Span& s);
ast::Stmt* make_if(Driver& d, ast::Expr* test, StmtList body, StmtList orelse, const Span& kw);
ast::Stmt* make_while(Driver& d, ast::Expr* test, StmtList body, StmtList orelse,
                      const Span& kw);
ast::Stmt* make_for(Driver& d, ast::Expr* target, ast::Expr* iter, StmtList body,
                    StmtList orelse, const Span& kw);
ast::Stmt* make_try(Driver& d, StmtList body, HandlerList handlers, StmtList orelse,
                    StmtList finalbody, const Span& kw);
Handler make_handler(Driver& d, ast::Expr* type, const std::string& name, StmtList body,
                     bool star, const Span& kw);
ast::Stmt* make_with(Driver& d, WithItems items, StmtList body, const Span& kw);
ast::WithItem* make_withitem(Driver& d, ast::Expr* ctx, ast::Expr* target);
ast::Stmt* make_funcdef(Driver& d, const std::string& name, ast::Arguments* args,
                        ast::Expr* returns, StmtList body, const Span& kw);
ast::Stmt* make_classdef(Driver& d, const std::string& name, ArgList args, StmtList body,
                         const Span& kw, const Span& parens);
ast::Stmt* make_async(ast::Stmt* s, const Span& kw);
ast::Stmt* decorate(ast::Stmt* s, ExprList decorators);
ast::Stmt* make_import_from(Driver& d, int level, const std::string& module,
                            AliasList names, const Span& s);
ast::Alias* make_alias(Driver& d, const std::string& name, const std::string& asname,
                       const Span& s);
// The end of a compound statement: the end of the last statement it holds.
Span block_span(const Span& kw, const StmtList& last_block);

// ---- strings (strings.cpp) -------------------------------------------------------------
// Adjacent STRING tokens to one Constant or JoinedStr.
ast::Expr* make_strings(Driver& d, const StringList& toks, const Span& s);

// ---- targets (targets.cpp) -------------------------------------------------------------
enum class TargetKind { Assign, For, Del, With, Comp };
// Sets Store/Del context through `e` or reports CPython's error; false on error.
bool set_context(Driver& d, ast::Expr* e, TargetKind kind);
// CPython's _PyPegen_get_expr_name: "function call", "literal", ...
const char* expr_name(const ast::Expr* e);

// Parses one f-string replacement field's expression (a nested Driver over
// the field text); nullptr with the error recorded on `outer`.
ast::Expr* parse_fstring_expr(Driver& outer, const std::string& expr, int line, int col);

// ---- numbers (strings.cpp) -------------------------------------------------------------
// "0xff" -> "255": an integer literal's text as decimal digits.
std::string int_text_to_decimal(const std::string& text);
// Python's repr() of a float (shortest round trip).
std::string float_repr(double v);

}  // namespace coil::parser
