/* grammar.y — Python 3.11's grammar as an LALR(1) Bison grammar.
 *
 * How this maps to CPython's grammar
 * ----------------------------------
 * CPython 3.11 parses with a PEG parser (Grammar/python.gram): ordered
 * choice, unlimited backtracking, and a second pass over "invalid_" rules
 * that exist only to produce good error messages.  An LALR(1) parser can do
 * none of that: it reads tokens left to right and must decide what to reduce
 * with one token of lookahead.  So this grammar follows the *pre-PEG*
 * approach CPython used until 3.8 (Grammar/Grammar + Python/ast.c):
 *
 *  1. Parse a superset, validate afterwards.  Where PEG says "star_targets
 *     '=' ...", we cannot know at the start of a statement whether we are
 *     reading a target or an expression.  So an assignment is parsed as a
 *     chain of expressions separated by '=' (assign_chain), and the builder
 *     then turns all but the last into targets: set_context() (targets.cpp)
 *     walks each one, switches Name/Attribute/Subscript/Starred/Tuple/List
 *     to the Store (or Del) context, and rejects anything else with
 *     CPython's message ("cannot assign to function call here. Maybe you
 *     meant '==' instead of '='?").  The same trick covers for-targets,
 *     with-targets, comprehension targets, del targets, keyword arguments
 *     (`f(a.b=1)`) and walrus targets.
 *
 *  2. Layered nonterminals instead of precedence declarations.  The
 *     expression rules (test > or_test > and_test > not_test > comparison >
 *     expr > xor_expr > ... > primary > atom) are CPython's precedence
 *     levels, one rule each, with the same names the old Grammar file used.
 *     That keeps the grammar free of %prec tricks and makes spans natural:
 *     every rule's @$ runs from its first token to its last, which is the
 *     span CPython gives the node.
 *
 *  3. Lists are collected, then sorted.  Function parameters are parsed as
 *     a flat list of ParamItems (`x`, `x=1`, `/`, `*`, `*a`, `**k`) and
 *     make_arguments() sorts them into posonlyargs/args/kwonlyargs and
 *     reports misplaced ones; call arguments likewise (make_call).  Writing
 *     the ordering rules into the grammar is possible but makes it
 *     unreadable and its error messages worse.
 *
 *  4. The few places that need more than one token of lookahead are settled
 *     in the token adapter (parser.cpp), which can peek ahead in the token
 *     stream:
 *       - `with (a as b, c as d):` — PEG tries the parenthesised item list
 *         first and backtracks.  The adapter looks for the matching ')' and
 *         the ':' after it and, when the parentheses hold with-items, hands
 *         the grammar a WithLPar token instead of "(".
 *       - the soft keyword `match`: a logical line that starts with the name
 *         `match` and ends with ':' is a match statement, which coil does not
 *         support; `match = 1` and `match(x)` stay ordinary names.
 *     Each start symbol (exec/eval/single/f-string field) is chosen by a
 *     fake first token, the usual Bison idiom for several entry points.
 *
 * F-strings
 * ---------
 * The lexer hands an f-string over as one STRING token holding the raw body.
 * make_strings() (strings.cpp) splits it with lexer::split_fstring into
 * literal runs and {fields}; each field's expression text is parsed by a
 * fresh Driver started with StartFExpr, whose lexer is told where the text
 * sits in the file, so the nodes inside carry real positions.  The pieces
 * become a JoinedStr of Constants and FormattedValues, as CPython 3.11's
 * ast does (including its quirk of giving those pieces the span of the
 * whole string).
 *
 * Conflicts: none.  Bison is run with -Wno-conflicts-sr by the build, so
 * %expect 0 below is what keeps the grammar honest.
 */

%require "3.8"
%language "c++"
%skeleton "lalr1.cc"
%expect 0
%define api.namespace {coil::parser}
%define api.parser.class {Grammar}
%define api.value.type variant
%define api.token.constructor
%define api.token.prefix {TOK_}
%define api.location.type {coil::parser::Span}
%define parse.error custom
%locations
%param {coil::parser::Driver& d}

%code requires {
#include "parser/parser_internal.h"
}

%code provides {
namespace coil::parser {
// The token adapter (parser.cpp): lexer::Token -> Bison symbol.
Grammar::symbol_type yylex(Driver& d);
}
}

%code {
// Every action that can fail calls a builder that records the error in the
// driver; FAIL_IF_ERROR then stops the parse (CPython reports one error).
#define FAIL_IF_ERROR() do { if (d.failed) YYABORT; } while (0)
using namespace coil;
}

/* ---- tokens: one per lexer::Tok (same names, see lexer/token.h) ---------- */
%token <std::string> Name "NAME" Int "INT" Float "FLOAT" Imag "IMAG"
%token <coil::lexer::Token> String "STRING"
%token EndMarker "ENDMARKER" Newline "NEWLINE" Indent "INDENT" Dedent "DEDENT"
%token False "False" None "None" True "True" And "and" As "as"
       Assert "assert" Async "async" Await "await" Break "break"
       Class "class" Continue "continue" Def "def" Del "del" Elif "elif"
       Else "else" Except "except" Finally "finally" For "for" From "from"
       Global "global" If "if" Import "import" In "in" Is "is"
       Lambda "lambda" Nonlocal "nonlocal" Not "not" Or "or" Pass "pass"
       Raise "raise" Return "return" Try "try" While "while" With "with"
       Yield "yield"
%token LPar "(" RPar ")" LSqb "[" RSqb "]" LBrace "{" RBrace "}"
       Colon ":" Comma "," Semi ";" Dot "." Ellipsis "..." Arrow "->"
       ColonEqual ":=" At "@" Equal "="
%token Plus "+" Minus "-" Star "*" Slash "/" DoubleSlash "//" Percent "%"
       DoubleStar "**" Amper "&" VBar "|" Circumflex "^" Tilde "~"
       LeftShift "<<" RightShift ">>" Less "<" Greater ">"
       LessEqual "<=" GreaterEqual ">=" EqEqual "==" NotEqual "!="
%token PlusEqual "+=" MinEqual "-=" StarEqual "*=" SlashEqual "/="
       DoubleSlashEqual "//=" PercentEqual "%=" DoubleStarEqual "**="
       AmperEqual "&=" VBarEqual "|=" CircumflexEqual "^="
       LeftShiftEqual "<<=" RightShiftEqual ">>=" AtEqual "@="
/* Made up by the adapter, never by the lexer. */
%token StartExec StartEval StartSingle StartFExpr
%token WithLPar "'(' of a parenthesised with"
%token LexError "lexical error"

%type <StmtList> file_items stmt simple_stmts small_list block stmts
                 elif_tail else_opt finally_opt
%type <ast::Stmt*> small_stmt expr_stmt compound_stmt if_stmt while_stmt
                   for_stmt try_stmt with_stmt funcdef classdef decorated
                   async_stmt import_stmt
%type <ast::Expr*> namedexpr_test test or_test and_test not_test comparison
                   expr xor_expr and_expr shift_expr arith term factor power
                   await_primary primary atom lambdef yield_expr star_exprs
                   star_expr_item rhs elem sub_item slice opt_test
                   subscripts for_target expr_item ret_opt eval_body
                   with_target
%type <ExprSeq> star_expr_list elem_list elem_seq sub_list expr_items
                eval_list
%type <ExprList> assign_chain or_list and_list decorators
%type <CmpList> cmp_list
%type <ast::CmpOpKind> cmp_op
%type <ast::OperatorKind> augassign
%type <ArgList> arglist_opt arg_list
%type <ArgItem> argument
%type <ParamList> param_list lparam_list
%type <ParamItem> param lparam
%type <ast::Arg*> tfpdef
%type <ast::Arguments*> params_opt
%type <DictItems> dict_items
%type <DictItem> dict_item
%type <CompList> comp_for
%type <ast::Comprehension*> comp_for_clause
%type <HandlerList> handlers
%type <Handler> handler
%type <WithItems> with_items
%type <ast::WithItem*> with_item
%type <AliasList> dotted_as_names import_as_names import_targets
%type <ast::Alias*> dotted_as_name import_as_name
%type <std::string> dotted_name
%type <int> dots
%type <std::pair<int, std::string>> import_src
%type <NameList> name_list
%type <StringList> strings

%start input

%%

/* ==== entry points ========================================================= */

input
  : StartExec file_items EndMarker          { d.body = std::move($2); }
  | StartSingle file_items EndMarker        { d.body = std::move($2); }
  | StartEval eval_body newlines EndMarker  { d.expression = $2; }
  /* An f-string field: the text is "(" expr ")", parsed as an ordinary
   * parenthesised expression so that a tuple or generator gets the span
   * of those parentheses, as in CPython. */
  | StartFExpr star_exprs newlines EndMarker { d.expression = $2; }
  ;

newlines
  : %empty
  | newlines Newline
  ;

file_items
  : %empty                  {}
  | file_items Newline      { $$ = std::move($1); }
  | file_items stmt         { $$ = std::move($1); $$.insert($$.end(), $2.begin(), $2.end()); }
  ;

eval_body
  : eval_list               { $$ = make_tuple_or_item(d, std::move($1), @$); }
  ;
eval_list
  : test                    { $$.items.push_back($1); }
  | eval_list "," test      { $$ = std::move($1); $$.items.push_back($3); }
  | eval_list ","           { $$ = std::move($1); $$.trailing_comma = true; }
  ;

/* ==== statements =========================================================== */

stmt
  : simple_stmts
  | compound_stmt           { $$.push_back($1); }
  ;

simple_stmts
  : small_list Newline      { $$ = std::move($1); }
  | small_list ";" Newline  { $$ = std::move($1); }
  ;

small_list
  : small_stmt              { $$.push_back($1); }
  | small_list ";" small_stmt { $$ = std::move($1); $$.push_back($3); }
  ;

small_stmt
  : expr_stmt
  | Del expr_items          { $$ = make_delete(d, std::move($2.items), @$); FAIL_IF_ERROR(); }
  | Pass                    { $$ = d.make<ast::Pass>(@$); }
  | Break                   { $$ = d.make<ast::Break>(@$); }
  | Continue                { $$ = d.make<ast::Continue>(@$); }
  | Return                  { $$ = d.make<ast::Return>(@$); }
  | Return star_exprs       { auto* r = d.make<ast::Return>(@$); r->value = $2; $$ = r; }
  | Raise                   { $$ = d.make<ast::Raise>(@$); }
  | Raise test              { auto* r = d.make<ast::Raise>(@$); r->exc = $2; $$ = r; }
  | Raise test From test    { auto* r = d.make<ast::Raise>(@$); r->exc = $2; r->cause = $4; $$ = r; }
  | Global name_list        { auto* g = d.make<ast::Global>(@$); g->names = std::move($2); $$ = g; }
  | Nonlocal name_list      { auto* g = d.make<ast::Nonlocal>(@$); g->names = std::move($2); $$ = g; }
  | Assert test             { auto* a = d.make<ast::Assert>(@$); a->test = $2; $$ = a; }
  | Assert test "," test    { auto* a = d.make<ast::Assert>(@$); a->test = $2; a->msg = $4; $$ = a; }
  | import_stmt
  ;

/* An expression statement, an assignment chain, an annotated or an
 * augmented assignment.  Targets are plain expressions here; the builders
 * validate them and switch them to the Store context. */
expr_stmt
  : assign_chain                     { $$ = make_expr_stmt(d, std::move($1), @$); FAIL_IF_ERROR(); }
  | star_exprs ":" test              { $$ = make_annassign(d, $1, $3, nullptr, @$); FAIL_IF_ERROR(); }
  | star_exprs ":" test "=" rhs      { $$ = make_annassign(d, $1, $3, $5, @$); FAIL_IF_ERROR(); }
  | star_exprs augassign rhs         { $$ = make_augassign(d, $1, $2, $3, @$); FAIL_IF_ERROR(); }
  ;

assign_chain
  : rhs                     { $$.push_back($1); }
  | assign_chain "=" rhs    { $$ = std::move($1); $$.push_back($3); }
  ;

rhs
  : star_exprs
  | yield_expr
  ;

augassign
  : "+="  { $$ = ast::OperatorKind::Add; }      | "-="  { $$ = ast::OperatorKind::Sub; }
  | "*="  { $$ = ast::OperatorKind::Mult; }     | "@="  { $$ = ast::OperatorKind::MatMult; }
  | "/="  { $$ = ast::OperatorKind::Div; }      | "%="  { $$ = ast::OperatorKind::Mod; }
  | "&="  { $$ = ast::OperatorKind::BitAnd; }   | "|="  { $$ = ast::OperatorKind::BitOr; }
  | "^="  { $$ = ast::OperatorKind::BitXor; }   | "<<=" { $$ = ast::OperatorKind::LShift; }
  | ">>=" { $$ = ast::OperatorKind::RShift; }   | "**=" { $$ = ast::OperatorKind::Pow; }
  | "//=" { $$ = ast::OperatorKind::FloorDiv; }
  ;

name_list
  : Name                    { $$.push_back($1); }
  | name_list "," Name      { $$ = std::move($1); $$.push_back($3); }
  ;

import_stmt
  : Import dotted_as_names  { auto* i = d.make<ast::Import>(@$); i->names = std::move($2); $$ = i; }
  | From import_src Import import_targets
                            { $$ = make_import_from(d, $2.first, $2.second, std::move($4), @$); FAIL_IF_ERROR(); }
  ;

import_src
  : dots                    { $$ = {$1, ""}; }
  | dotted_name             { $$ = {0, $1}; }
  | dots dotted_name        { $$ = {$1, $2}; }
  ;

dots
  : "."                     { $$ = 1; }
  | "..."                   { $$ = 3; }
  | dots "."                { $$ = $1 + 1; }
  | dots "..."              { $$ = $1 + 3; }
  ;

dotted_name
  : Name                    { $$ = $1; }
  | dotted_name "." Name    { $$ = $1 + "." + $3; }
  ;

dotted_as_names
  : dotted_as_name                       { $$.push_back($1); }
  | dotted_as_names "," dotted_as_name   { $$ = std::move($1); $$.push_back($3); }
  ;

dotted_as_name
  : dotted_name             { $$ = make_alias(d, $1, "", @$); }
  | dotted_name As Name     { $$ = make_alias(d, $1, $3, @$); }
  ;

import_targets
  : "*"                             { $$.push_back(make_alias(d, "*", "", @$)); }
  | "(" import_as_names ")"         { $$ = std::move($2); }
  | "(" import_as_names "," ")"     { $$ = std::move($2); }
  | import_as_names                 { $$ = std::move($1); }
  | import_as_names ","             { d.fail("trailing comma not allowed without surrounding parentheses", Span{@2.end, @2.end}); YYABORT; }
  ;

import_as_names
  : import_as_name                      { $$.push_back($1); }
  | import_as_names "," import_as_name  { $$ = std::move($1); $$.push_back($3); }
  ;

import_as_name
  : Name                    { $$ = make_alias(d, $1, "", @$); }
  | Name As Name            { $$ = make_alias(d, $1, $3, @$); }
  ;

/* ==== compound statements ================================================== */

compound_stmt
  : if_stmt | while_stmt | for_stmt | try_stmt | with_stmt
  | funcdef | classdef | decorated | async_stmt
  ;

/* A suite: the statements on the same line after ':' or an indented block. */
block
  : simple_stmts
  | Newline Indent stmts Dedent   { $$ = std::move($3); }
  ;

stmts
  : stmt                    { $$ = std::move($1); }
  | stmts stmt              { $$ = std::move($1); $$.insert($$.end(), $2.begin(), $2.end()); }
  ;

if_stmt
  : If namedexpr_test ":" block elif_tail
                            { $$ = make_if(d, $2, std::move($4), std::move($5), @1); }
  ;

/* `elif` is an If nested in the orelse of the one before, as in CPython. */
elif_tail
  : %empty                  {}
  | Elif namedexpr_test ":" block elif_tail
                            { $$.push_back(make_if(d, $2, std::move($4), std::move($5), @1)); }
  | Else ":" block          { $$ = std::move($3); }
  ;

else_opt
  : %empty                  {}
  | Else ":" block          { $$ = std::move($3); }
  ;

while_stmt
  : While namedexpr_test ":" block else_opt
                            { $$ = make_while(d, $2, std::move($4), std::move($5), @1); }
  ;

for_stmt
  : For for_target In star_exprs ":" block else_opt
                            { $$ = make_for(d, $2, $4, std::move($6), std::move($7), @1); FAIL_IF_ERROR(); }
  ;

try_stmt
  : Try ":" block handlers else_opt finally_opt
                            { $$ = make_try(d, std::move($3), std::move($4), std::move($5), std::move($6), @1); FAIL_IF_ERROR(); }
  | Try ":" block Finally ":" block
                            { $$ = make_try(d, std::move($3), {}, {}, std::move($6), @1); }
  ;

finally_opt
  : %empty                  {}
  | Finally ":" block       { $$ = std::move($3); }
  ;

handlers
  : handler                 { $$.push_back($1); }
  | handlers handler        { $$ = std::move($1); $$.push_back($2); }
  ;

handler
  : Except ":" block                    { $$ = make_handler(d, nullptr, "", std::move($3), false, @1); }
  | Except test ":" block               { $$ = make_handler(d, $2, "", std::move($4), false, @1); }
  | Except test As Name ":" block       { $$ = make_handler(d, $2, $4, std::move($6), false, @1); }
  | Except "*" test ":" block           { $$ = make_handler(d, $3, "", std::move($5), true, @1); }
  | Except "*" test As Name ":" block   { $$ = make_handler(d, $3, $5, std::move($7), true, @1); }
  ;

with_stmt
  : With with_items ":" block
                            { $$ = make_with(d, std::move($2), std::move($4), @1); }
  | With WithLPar with_items ")" ":" block
                            { $$ = make_with(d, std::move($3), std::move($6), @1); }
  | With WithLPar with_items "," ")" ":" block
                            { $$ = make_with(d, std::move($3), std::move($7), @1); }
  ;

with_items
  : with_item               { $$.push_back($1); }
  | with_items "," with_item { $$ = std::move($1); $$.push_back($3); }
  ;

with_item
  : test                    { $$ = make_withitem(d, $1, nullptr); }
  | test As with_target     { $$ = make_withitem(d, $1, $3); FAIL_IF_ERROR(); }
  ;

with_target
  : expr
  | "*" expr                { $$ = make_starred(d, $2, @$); }
  ;

funcdef
  : Def Name "(" params_opt ")" ret_opt ":" block
                            { $$ = make_funcdef(d, $2, $4, $6, std::move($8), @1); }
  ;

ret_opt
  : %empty                  { $$ = nullptr; }
  | "->" test               { $$ = $2; }
  ;

params_opt
  : %empty                  { $$ = make_arguments(d, {}); }
  | param_list              { $$ = make_arguments(d, std::move($1)); FAIL_IF_ERROR(); }
  | param_list ","          { $$ = make_arguments(d, std::move($1)); FAIL_IF_ERROR(); }
  ;

param_list
  : param                   { $$.push_back($1); }
  | param_list "," param    { $$ = std::move($1); $$.push_back($3); }
  ;

param
  : tfpdef                  { $$ = ParamItem{ParamItem::Plain, $1, nullptr, @$}; }
  | tfpdef "=" test         { $$ = ParamItem{ParamItem::Plain, $1, $3, @$}; }
  | "/"                     { $$ = ParamItem{ParamItem::Slash, nullptr, nullptr, @$}; }
  | "*"                     { $$ = ParamItem{ParamItem::Star, nullptr, nullptr, @$}; }
  | "*" tfpdef              { $$ = ParamItem{ParamItem::Star, $2, nullptr, @$}; }
  | "*" Name ":" "*" expr   { /* PEP 646: *args: *Ts */
                              auto* star = make_starred(d, $5, join(@4, @5));
                              $$ = ParamItem{ParamItem::Star, make_arg(d, $2, star, join(@2, @5)), nullptr, @$}; }
  | "**" tfpdef             { $$ = ParamItem{ParamItem::DoubleStar, $2, nullptr, @$}; }
  ;

tfpdef
  : Name                    { $$ = make_arg(d, $1, nullptr, @$); }
  | Name ":" test           { $$ = make_arg(d, $1, $3, @$); }
  ;

classdef
  : Class Name ":" block    { $$ = make_classdef(d, $2, {}, std::move($4), @1, @2); }
  | Class Name "(" arglist_opt ")" ":" block
                            { $$ = make_classdef(d, $2, std::move($4), std::move($7), @1, join(@3, @5)); FAIL_IF_ERROR(); }
  ;

decorated
  : decorators funcdef          { $$ = decorate($2, std::move($1)); }
  | decorators classdef         { $$ = decorate($2, std::move($1)); }
  | decorators Async funcdef    { $$ = decorate(make_async($3, @2), std::move($1)); }
  ;

decorators
  : "@" namedexpr_test Newline              { $$.push_back($2); }
  | decorators "@" namedexpr_test Newline   { $$ = std::move($1); $$.push_back($3); }
  ;

async_stmt
  : Async funcdef           { $$ = make_async($2, @1); }
  | Async with_stmt         { $$ = make_async($2, @1); }
  | Async for_stmt          { $$ = make_async($2, @1); }
  ;

/* ==== expressions ========================================================== */

star_exprs
  : star_expr_list          { $$ = make_tuple_or_item(d, std::move($1), @$); }
  ;

star_expr_list
  : star_expr_item                      { $$.items.push_back($1); }
  | star_expr_list "," star_expr_item   { $$ = std::move($1); $$.items.push_back($3); }
  | star_expr_list ","                  { $$ = std::move($1); $$.trailing_comma = true; }
  ;

star_expr_item
  : test
  | "*" expr                { $$ = make_starred(d, $2, @$); }
  ;

yield_expr
  : Yield                   { $$ = make_yield(d, nullptr, false, @$); }
  | Yield star_exprs        { $$ = make_yield(d, $2, false, @$); }
  | Yield From test         { $$ = make_yield(d, $3, true, @$); }
  ;

namedexpr_test
  : test
  | test ":=" test          { $$ = make_named(d, $1, $3, @$); FAIL_IF_ERROR(); }
  ;

test
  : or_test
  | or_test If or_test Else test  { $$ = make_ifexp(d, $1, $3, $5, @$); }
  | lambdef
  ;

lambdef
  : Lambda ":" test                 { $$ = make_lambda(d, make_arguments(d, {}), $3, @$); }
  | Lambda lparam_list ":" test     { $$ = make_lambda(d, make_arguments(d, std::move($2)), $4, @$); FAIL_IF_ERROR(); }
  | Lambda lparam_list "," ":" test { $$ = make_lambda(d, make_arguments(d, std::move($2)), $5, @$); FAIL_IF_ERROR(); }
  ;

lparam_list
  : lparam                  { $$.push_back($1); }
  | lparam_list "," lparam  { $$ = std::move($1); $$.push_back($3); }
  ;

lparam
  : Name                    { $$ = ParamItem{ParamItem::Plain, make_arg(d, $1, nullptr, @1), nullptr, @$}; }
  | Name "=" test           { $$ = ParamItem{ParamItem::Plain, make_arg(d, $1, nullptr, @1), $3, @$}; }
  | "/"                     { $$ = ParamItem{ParamItem::Slash, nullptr, nullptr, @$}; }
  | "*"                     { $$ = ParamItem{ParamItem::Star, nullptr, nullptr, @$}; }
  | "*" Name                { $$ = ParamItem{ParamItem::Star, make_arg(d, $2, nullptr, @2), nullptr, @$}; }
  | "**" Name               { $$ = ParamItem{ParamItem::DoubleStar, make_arg(d, $2, nullptr, @2), nullptr, @$}; }
  ;

/* `a or b or c` is one BoolOp with three values, as in CPython. */
or_test
  : and_test
  | or_list                 { $$ = make_boolop(d, ast::BoolOpKind::Or, std::move($1), @$); }
  ;
or_list
  : and_test Or and_test    { $$ = {$1, $3}; }
  | or_list Or and_test     { $$ = std::move($1); $$.push_back($3); }
  ;

and_test
  : not_test
  | and_list                { $$ = make_boolop(d, ast::BoolOpKind::And, std::move($1), @$); }
  ;
and_list
  : not_test And not_test   { $$ = {$1, $3}; }
  | and_list And not_test   { $$ = std::move($1); $$.push_back($3); }
  ;

not_test
  : Not not_test            { $$ = make_unary(d, ast::UnaryOpKind::Not, $2, @$); }
  | comparison
  ;

comparison
  : expr
  | expr cmp_list           { $$ = make_compare(d, $1, std::move($2), @$); }
  ;

cmp_list
  : cmp_op expr             { $$.push_back(CmpItem{$1, $2}); }
  | cmp_list cmp_op expr    { $$ = std::move($1); $$.push_back(CmpItem{$2, $3}); }
  ;

cmp_op
  : "<"     { $$ = ast::CmpOpKind::Lt; }    | ">"     { $$ = ast::CmpOpKind::Gt; }
  | "=="    { $$ = ast::CmpOpKind::Eq; }    | ">="    { $$ = ast::CmpOpKind::GtE; }
  | "<="    { $$ = ast::CmpOpKind::LtE; }   | "!="    { $$ = ast::CmpOpKind::NotEq; }
  | In      { $$ = ast::CmpOpKind::In; }    | Not In  { $$ = ast::CmpOpKind::NotIn; }
  | Is      { $$ = ast::CmpOpKind::Is; }    | Is Not  { $$ = ast::CmpOpKind::IsNot; }
  ;

expr
  : xor_expr
  | expr "|" xor_expr       { $$ = make_binop(d, $1, ast::OperatorKind::BitOr, $3, @$); FAIL_IF_ERROR(); }
  ;
xor_expr
  : and_expr
  | xor_expr "^" and_expr   { $$ = make_binop(d, $1, ast::OperatorKind::BitXor, $3, @$); FAIL_IF_ERROR(); }
  ;
and_expr
  : shift_expr
  | and_expr "&" shift_expr { $$ = make_binop(d, $1, ast::OperatorKind::BitAnd, $3, @$); FAIL_IF_ERROR(); }
  ;
shift_expr
  : arith
  | shift_expr "<<" arith   { $$ = make_binop(d, $1, ast::OperatorKind::LShift, $3, @$); FAIL_IF_ERROR(); }
  | shift_expr ">>" arith   { $$ = make_binop(d, $1, ast::OperatorKind::RShift, $3, @$); FAIL_IF_ERROR(); }
  ;
arith
  : term
  | arith "+" term          { $$ = make_binop(d, $1, ast::OperatorKind::Add, $3, @$); FAIL_IF_ERROR(); }
  | arith "-" term          { $$ = make_binop(d, $1, ast::OperatorKind::Sub, $3, @$); FAIL_IF_ERROR(); }
  ;
term
  : factor
  | term "*" factor         { $$ = make_binop(d, $1, ast::OperatorKind::Mult, $3, @$); FAIL_IF_ERROR(); }
  | term "/" factor         { $$ = make_binop(d, $1, ast::OperatorKind::Div, $3, @$); FAIL_IF_ERROR(); }
  | term "%" factor         { $$ = make_binop(d, $1, ast::OperatorKind::Mod, $3, @$); FAIL_IF_ERROR(); }
  | term "//" factor        { $$ = make_binop(d, $1, ast::OperatorKind::FloorDiv, $3, @$); FAIL_IF_ERROR(); }
  | term "@" factor         { $$ = make_binop(d, $1, ast::OperatorKind::MatMult, $3, @$); FAIL_IF_ERROR(); }
  ;
factor
  : "+" factor              { $$ = make_unary(d, ast::UnaryOpKind::UAdd, $2, @$); }
  | "-" factor              { $$ = make_unary(d, ast::UnaryOpKind::USub, $2, @$); }
  | "~" factor              { $$ = make_unary(d, ast::UnaryOpKind::Invert, $2, @$); }
  | power
  ;
/* ** binds tighter than a unary minus on its left, looser on its right:
 * -a**-b is -(a**(-b)). */
power
  : await_primary
  | await_primary "**" factor { $$ = make_binop(d, $1, ast::OperatorKind::Pow, $3, @$); FAIL_IF_ERROR(); }
  ;
await_primary
  : Await primary           { $$ = make_await(d, $2, @$); }
  | primary
  ;

primary
  : atom                    { $$ = $1;
                              /* Every operator nested to the right of another (-(-(-x)),
                               * lambda: lambda: x, a if b else ...) is still on the
                               * parse stack when its innermost atom is reduced, so the
                               * stack size bounds the tree's depth here. */
                              if (yystack_.size() > kMaxNesting) { d.fail_too_deep(@$); YYABORT; } }
  | primary "." Name                { $$ = make_attribute(d, $1, $3, @$); FAIL_IF_ERROR(); }
  | primary "(" arglist_opt ")"     { $$ = make_call(d, $1, std::move($3), @$, join(@2, @4)); FAIL_IF_ERROR(); }
  | primary "[" subscripts "]"      { $$ = make_subscript(d, $1, $3, @$); FAIL_IF_ERROR(); }
  ;

atom
  : Name                    { $$ = make_name(d, $1, @$); }
  | Int                     { $$ = make_int(d, $1, @$); }
  | Float                   { $$ = make_float(d, $1, @$); }
  | Imag                    { $$ = make_imag(d, $1, @$); }
  | strings                 { $$ = make_strings(d, $1, @$); FAIL_IF_ERROR(); }
  | "..."                   { $$ = make_singleton(d, ast::ConstKind::Ellipsis, @$); }
  | None                    { $$ = make_singleton(d, ast::ConstKind::None, @$); }
  | True                    { $$ = make_singleton(d, ast::ConstKind::True, @$); }
  | False                   { $$ = make_singleton(d, ast::ConstKind::False, @$); }
  | "(" ")"                 { $$ = make_tuple(d, {}, @$); }
  | "(" yield_expr ")"      { $$ = $2; d.parenthesized.insert($2); }
  | "(" elem_seq ")"        { $$ = make_group(d, std::move($2), @$); FAIL_IF_ERROR(); }
  | "(" namedexpr_test comp_for ")"
                            { $$ = make_comp(d, ast::ExprKind::GeneratorExp, $2, nullptr, std::move($3), @$); }
  | "[" "]"                 { $$ = make_list(d, {}, @$); }
  | "[" elem_seq "]"        { $$ = make_list(d, std::move($2.items), @$); }
  | "[" namedexpr_test comp_for "]"
                            { $$ = make_comp(d, ast::ExprKind::ListComp, $2, nullptr, std::move($3), @$); }
  | "{" "}"                 { $$ = make_dict(d, {}, @$); }
  | "{" dict_items "}"      { $$ = make_dict(d, std::move($2), @$); }
  | "{" dict_items "," "}"  { $$ = make_dict(d, std::move($2), @$); }
  | "{" elem_seq "}"        { $$ = make_set(d, std::move($2.items), @$); }
  | "{" namedexpr_test comp_for "}"
                            { $$ = make_comp(d, ast::ExprKind::SetComp, $2, nullptr, std::move($3), @$); }
  | "{" test ":" test comp_for "}"
                            { $$ = make_comp(d, ast::ExprKind::DictComp, $2, $4, std::move($5), @$); }
  ;

strings
  : String                  { $$.push_back($1); }
  | strings String          { $$ = std::move($1); $$.push_back($2); }
  ;

/* Elements of a tuple, list or set display. */
elem_seq
  : elem_list
  | elem_list ","           { $$ = std::move($1); $$.trailing_comma = true; }
  ;
elem_list
  : elem                    { $$.items.push_back($1); }
  | elem_list "," elem      { $$ = std::move($1); $$.items.push_back($3); }
  ;
elem
  : namedexpr_test
  | "*" expr                { $$ = make_starred(d, $2, @$); }
  ;

dict_items
  : dict_item                   { $$.push_back($1); }
  | dict_items "," dict_item    { $$ = std::move($1); $$.push_back($3); }
  ;
dict_item
  : test ":" test           { $$ = DictItem{$1, $3}; }
  | "**" expr               { $$ = DictItem{nullptr, $2}; }
  ;

/* The for/if clauses of a comprehension; each `if` joins the clause before. */
comp_for
  : comp_for_clause             { $$.push_back($1); }
  | comp_for comp_for_clause    { $$ = std::move($1); $$.push_back($2); }
  | comp_for If or_test         { $$ = std::move($1); $$.back()->ifs.push_back($3); }
  ;
comp_for_clause
  : For for_target In or_test       { $$ = make_comprehension(d, $2, $4, false, @$); FAIL_IF_ERROR(); }
  | Async For for_target In or_test { $$ = make_comprehension(d, $3, $5, true, @$); FAIL_IF_ERROR(); }
  ;

/* The target list of a for loop or comprehension, and of del. */
for_target
  : expr_items              { $$ = make_tuple_or_item(d, std::move($1), @$); }
  ;
expr_items
  : expr_item                   { $$.items.push_back($1); }
  | expr_items "," expr_item    { $$ = std::move($1); $$.items.push_back($3); }
  | expr_items ","              { $$ = std::move($1); $$.trailing_comma = true; }
  ;
expr_item
  : expr
  | "*" expr                { $$ = make_starred(d, $2, @$); }
  ;

subscripts
  : sub_list                { $$ = make_slices(d, std::move($1), @$); }
  ;
sub_list
  : sub_item                { $$.items.push_back($1); }
  | sub_list "," sub_item   { $$ = std::move($1); $$.items.push_back($3); }
  | sub_list ","            { $$ = std::move($1); $$.trailing_comma = true; }
  ;
sub_item
  : namedexpr_test
  | "*" expr                { $$ = make_starred(d, $2, @$); }
  | slice
  ;
slice
  : ":" opt_test                    { $$ = make_slice(d, nullptr, $2, nullptr, @$); }
  | test ":" opt_test               { $$ = make_slice(d, $1, $3, nullptr, @$); }
  | ":" opt_test ":" opt_test       { $$ = make_slice(d, nullptr, $2, $4, @$); }
  | test ":" opt_test ":" opt_test  { $$ = make_slice(d, $1, $3, $5, @$); }
  ;
opt_test
  : %empty                  { $$ = nullptr; }
  | test
  ;

arglist_opt
  : %empty                  {}
  | arg_list
  | arg_list ","            { $$ = std::move($1);
                              if ($$.size() == 1 && $$[0].kind == ArgItem::BareGenexp) {
                                d.fail("Generator expression must be parenthesized", $$[0].span);
                                YYABORT;
                              } }
  ;
arg_list
  : argument                { $$.push_back($1); }
  | arg_list "," argument   { $$ = std::move($1); $$.push_back($3); }
  ;
argument
  : test                    { $$ = ArgItem{ArgItem::Positional, $1, nullptr, @$}; }
  | test ":=" test          { $$ = ArgItem{ArgItem::Positional, make_named(d, $1, $3, @$), nullptr, @$}; FAIL_IF_ERROR(); }
  | test "=" test           { $$ = make_keyword_item(d, $1, $3, @$, join(@1, @2)); FAIL_IF_ERROR(); }
  | test comp_for           { $$ = ArgItem{ArgItem::BareGenexp,
                                make_comp(d, ast::ExprKind::GeneratorExp, $1, nullptr, std::move($2), @$), nullptr, @$}; }
  | "*" test                { $$ = ArgItem{ArgItem::Star, make_starred(d, $2, @$), nullptr, @$}; }
  | "**" test               { $$ = ArgItem{ArgItem::DoubleStar, $2, nullptr, @$}; }
  ;

%%

// ---- error reporting ---------------------------------------------------------
// Bison calls this with the state it failed in; parser.cpp turns it into
// CPython's message.
void coil::parser::Grammar::report_syntax_error(const context& ctx) const {
  SyntaxErrorContext info;
  info.at = ctx.location();
  symbol_kind_type expected[64];
  int n = ctx.expected_tokens(expected, 64);
  for (int i = 0; i < n; ++i) {
    if (expected[i] == symbol_kind::S_Colon) info.expects_colon = true;
    if (expected[i] == symbol_kind::S_Indent) info.expects_indent = true;
    if (expected[i] == symbol_kind::S_Except) info.expects_except = true;
    if (expected[i] == symbol_kind::S_Else) info.expects_else = true;
  }
  info.expected_count = n;
  report_syntax_error_in(d, info);
}

// Errors raised from actions (YYABORT after d.fail) never get here; this is
// the out-of-memory / internal path.
void coil::parser::Grammar::error(const location_type& at, const std::string& msg) {
  d.fail(msg, at);
}
