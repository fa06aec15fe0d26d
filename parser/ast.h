// ast.h — the abstract syntax tree, mirroring CPython 3.11's `ast` module.
//
// Node and field names are CPython's (see Python/Python.asdl), in the same
// order, so `coil -m ast FILE` can print exactly what `python3 -m ast FILE`
// prints.  Every node records its span: 1-based lines, 0-based UTF-8 byte
// columns, end exclusive — CPython's lineno/col_offset/end_lineno/
// end_col_offset.
//
// Ownership: every node is allocated in the Arena of the Module that holds
// it (Arena::make), so the tree itself uses plain pointers; the Module owns
// the arena and with it every node.  Optional children are nullptr.
//
// Each concrete node type has a `kind` tag and a static `Kind` constant, so
// code can switch on `e->kind` and then `e->as<ast::BinOp>()`.
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace coil::ast {

struct Node {
  int line = 0, col = 0, end_line = 0, end_col = 0;
  virtual ~Node() = default;
};

// ---- operators ----------------------------------------------------------------
enum class BoolOpKind { And, Or };
enum class OperatorKind {
  Add, Sub, Mult, MatMult, Div, Mod, Pow, LShift, RShift, BitOr, BitXor,
  BitAnd, FloorDiv
};
enum class UnaryOpKind { Invert, Not, UAdd, USub };
enum class CmpOpKind { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };
enum class ExprContext { Load, Store, Del };

// ---- expressions --------------------------------------------------------------
enum class ExprKind {
  BoolOp, NamedExpr, BinOp, UnaryOp, Lambda, IfExp, Dict, Set, ListComp,
  SetComp, DictComp, GeneratorExp, Await, Yield, YieldFrom, Compare, Call,
  FormattedValue, JoinedStr, Constant, Attribute, Subscript, Starred, Name,
  List, Tuple, Slice
};

struct Expr : Node {
  ExprKind kind;
  explicit Expr(ExprKind k) : kind(k) {}
  template <class T> T* as() { return static_cast<T*>(this); }
  template <class T> const T* as() const { return static_cast<const T*>(this); }
};

template <ExprKind K>
struct ExprOf : Expr {
  static constexpr ExprKind Kind = K;
  ExprOf() : Expr(K) {}
};

struct Arguments;
struct Comprehension;
struct Keyword;
struct Stmt;

struct BoolOp : ExprOf<ExprKind::BoolOp> { BoolOpKind op; std::vector<Expr*> values; };
struct NamedExpr : ExprOf<ExprKind::NamedExpr> { Expr* target = nullptr; Expr* value = nullptr; };
struct BinOp : ExprOf<ExprKind::BinOp> { Expr* left = nullptr; OperatorKind op; Expr* right = nullptr; };
struct UnaryOp : ExprOf<ExprKind::UnaryOp> { UnaryOpKind op; Expr* operand = nullptr; };
struct Lambda : ExprOf<ExprKind::Lambda> { Arguments* args = nullptr; Expr* body = nullptr; };
struct IfExp : ExprOf<ExprKind::IfExp> { Expr* test = nullptr; Expr* body = nullptr; Expr* orelse = nullptr; };
// keys[i] == nullptr means values[i] is a `**mapping` entry.
struct Dict : ExprOf<ExprKind::Dict> { std::vector<Expr*> keys; std::vector<Expr*> values; };
struct Set : ExprOf<ExprKind::Set> { std::vector<Expr*> elts; };
struct ListComp : ExprOf<ExprKind::ListComp> { Expr* elt = nullptr; std::vector<Comprehension*> generators; };
struct SetComp : ExprOf<ExprKind::SetComp> { Expr* elt = nullptr; std::vector<Comprehension*> generators; };
struct DictComp : ExprOf<ExprKind::DictComp> { Expr* key = nullptr; Expr* value = nullptr; std::vector<Comprehension*> generators; };
struct GeneratorExp : ExprOf<ExprKind::GeneratorExp> { Expr* elt = nullptr; std::vector<Comprehension*> generators; };
struct Await : ExprOf<ExprKind::Await> { Expr* value = nullptr; };
struct Yield : ExprOf<ExprKind::Yield> { Expr* value = nullptr; };
struct YieldFrom : ExprOf<ExprKind::YieldFrom> { Expr* value = nullptr; };
struct Compare : ExprOf<ExprKind::Compare> { Expr* left = nullptr; std::vector<CmpOpKind> ops; std::vector<Expr*> comparators; };
struct Call : ExprOf<ExprKind::Call> { Expr* func = nullptr; std::vector<Expr*> args; std::vector<Keyword*> keywords; };
// conversion: -1 none, else 's', 'r' or 'a' (as CPython's int field).
struct FormattedValue : ExprOf<ExprKind::FormattedValue> { Expr* value = nullptr; int conversion = -1; Expr* format_spec = nullptr; };
struct JoinedStr : ExprOf<ExprKind::JoinedStr> { std::vector<Expr*> values; };

// A literal.  `text` holds: Int — the digits as written without '_'
// (any base prefix kept, e.g. "0xff"); Str — UTF-8; Bytes — raw bytes.
enum class ConstKind { None, True, False, Ellipsis, Int, Float, Imag, Str, Bytes };
struct Constant : ExprOf<ExprKind::Constant> {
  ConstKind value_kind = ConstKind::None;
  std::string text;   // Int, Str, Bytes
  double number = 0;  // Float, Imag (the imaginary part)
  bool u_prefix = false;  // CPython's `kind='u'` for u'...' strings
};
struct Attribute : ExprOf<ExprKind::Attribute> { Expr* value = nullptr; std::string attr; ExprContext ctx = ExprContext::Load; };
struct Subscript : ExprOf<ExprKind::Subscript> { Expr* value = nullptr; Expr* slice = nullptr; ExprContext ctx = ExprContext::Load; };
struct Starred : ExprOf<ExprKind::Starred> { Expr* value = nullptr; ExprContext ctx = ExprContext::Load; };
struct Name : ExprOf<ExprKind::Name> { std::string id; ExprContext ctx = ExprContext::Load; };
struct List : ExprOf<ExprKind::List> { std::vector<Expr*> elts; ExprContext ctx = ExprContext::Load; };
struct Tuple : ExprOf<ExprKind::Tuple> { std::vector<Expr*> elts; ExprContext ctx = ExprContext::Load; };
struct Slice : ExprOf<ExprKind::Slice> { Expr* lower = nullptr; Expr* upper = nullptr; Expr* step = nullptr; };

// ---- helper nodes --------------------------------------------------------------
struct Comprehension : Node {  // no position in CPython; fields kept anyway
  Expr* target = nullptr; Expr* iter = nullptr; std::vector<Expr*> ifs; bool is_async = false;
};
struct Arg : Node { std::string arg; Expr* annotation = nullptr; };
// kw_defaults[i] is nullptr when kwonlyargs[i] has no default (as CPython).
struct Arguments : Node {
  std::vector<Arg*> posonlyargs, args;
  Arg* vararg = nullptr;
  std::vector<Arg*> kwonlyargs;
  std::vector<Expr*> kw_defaults;
  Arg* kwarg = nullptr;
  std::vector<Expr*> defaults;
};
struct Keyword : Node { std::string arg; /* empty for **expr */ Expr* value = nullptr; };
struct Alias : Node { std::string name; std::string asname; /* empty: none */ };
struct WithItem : Node { Expr* context_expr = nullptr; Expr* optional_vars = nullptr; };
struct ExceptHandler : Node { Expr* type = nullptr; std::string name; /* empty: none */ std::vector<Stmt*> body; };

// ---- statements -----------------------------------------------------------------
enum class StmtKind {
  FunctionDef, AsyncFunctionDef, ClassDef, Return, Delete, Assign, AugAssign,
  AnnAssign, For, AsyncFor, While, If, With, AsyncWith, Raise, Try, TryStar,
  Assert, Import, ImportFrom, Global, Nonlocal, Expr, Pass, Break, Continue
};

struct Stmt : Node {
  StmtKind kind;
  explicit Stmt(StmtKind k) : kind(k) {}
  template <class T> T* as() { return static_cast<T*>(this); }
  template <class T> const T* as() const { return static_cast<const T*>(this); }
};

template <StmtKind K>
struct StmtOf : Stmt {
  static constexpr StmtKind Kind = K;
  StmtOf() : Stmt(K) {}
};

// FunctionDef and AsyncFunctionDef share a layout; `kind` tells them apart.
struct FunctionDef : Stmt {
  static constexpr StmtKind Kind = StmtKind::FunctionDef;
  explicit FunctionDef(bool is_async = false)
      : Stmt(is_async ? StmtKind::AsyncFunctionDef : StmtKind::FunctionDef) {}
  bool is_async() const { return kind == StmtKind::AsyncFunctionDef; }
  std::string name; Arguments* args = nullptr; std::vector<Stmt*> body;
  std::vector<Expr*> decorator_list; Expr* returns = nullptr;
};
struct ClassDef : StmtOf<StmtKind::ClassDef> {
  std::string name; std::vector<Expr*> bases; std::vector<Keyword*> keywords;
  std::vector<Stmt*> body; std::vector<Expr*> decorator_list;
};
struct Return : StmtOf<StmtKind::Return> { Expr* value = nullptr; };
struct Delete : StmtOf<StmtKind::Delete> { std::vector<Expr*> targets; };
struct Assign : StmtOf<StmtKind::Assign> { std::vector<Expr*> targets; Expr* value = nullptr; };
struct AugAssign : StmtOf<StmtKind::AugAssign> { Expr* target = nullptr; OperatorKind op; Expr* value = nullptr; };
struct AnnAssign : StmtOf<StmtKind::AnnAssign> { Expr* target = nullptr; Expr* annotation = nullptr; Expr* value = nullptr; bool simple = false; };
// For and AsyncFor share a layout.
struct For : Stmt {
  static constexpr StmtKind Kind = StmtKind::For;
  explicit For(bool is_async = false) : Stmt(is_async ? StmtKind::AsyncFor : StmtKind::For) {}
  Expr* target = nullptr; Expr* iter = nullptr; std::vector<Stmt*> body, orelse;
};
struct While : StmtOf<StmtKind::While> { Expr* test = nullptr; std::vector<Stmt*> body, orelse; };
struct If : StmtOf<StmtKind::If> { Expr* test = nullptr; std::vector<Stmt*> body, orelse; };
// With and AsyncWith share a layout.
struct With : Stmt {
  static constexpr StmtKind Kind = StmtKind::With;
  explicit With(bool is_async = false) : Stmt(is_async ? StmtKind::AsyncWith : StmtKind::With) {}
  std::vector<WithItem*> items; std::vector<Stmt*> body;
};
struct Raise : StmtOf<StmtKind::Raise> { Expr* exc = nullptr; Expr* cause = nullptr; };
// Try and TryStar (except*) share a layout.
struct Try : Stmt {
  static constexpr StmtKind Kind = StmtKind::Try;
  explicit Try(bool star = false) : Stmt(star ? StmtKind::TryStar : StmtKind::Try) {}
  std::vector<Stmt*> body; std::vector<ExceptHandler*> handlers;
  std::vector<Stmt*> orelse, finalbody;
};
struct Assert : StmtOf<StmtKind::Assert> { Expr* test = nullptr; Expr* msg = nullptr; };
struct Import : StmtOf<StmtKind::Import> { std::vector<Alias*> names; };
struct ImportFrom : StmtOf<StmtKind::ImportFrom> { std::string module; /* empty: none */ std::vector<Alias*> names; int level = 0; };
struct Global : StmtOf<StmtKind::Global> { std::vector<std::string> names; };
struct Nonlocal : StmtOf<StmtKind::Nonlocal> { std::vector<std::string> names; };
struct ExprStmt : StmtOf<StmtKind::Expr> { Expr* value = nullptr; };
struct Pass : StmtOf<StmtKind::Pass> {};
struct Break : StmtOf<StmtKind::Break> {};
struct Continue : StmtOf<StmtKind::Continue> {};

// ---- ownership -------------------------------------------------------------------
class Arena {
 public:
  template <class T, class... A>
  T* make(A&&... a) {
    auto node = std::make_unique<T>(std::forward<A>(a)...);
    T* raw = node.get();
    nodes_.push_back(std::move(node));
    return raw;
  }
 private:
  std::vector<std::unique_ptr<Node>> nodes_;
};

// The root: a parsed file (`exec` mode) or a single expression (`eval` mode,
// body empty and `expression` set).
struct Module {
  std::unique_ptr<Arena> arena = std::make_unique<Arena>();
  std::vector<Stmt*> body;
  Expr* expression = nullptr;  // eval mode only
};

}  // namespace coil::ast
