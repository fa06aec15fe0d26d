// targets.cpp — turning parsed expressions into assignment/delete targets.
//
// The grammar parses `a, b[i] = ...` as an ordinary expression, because an
// LALR(1) parser cannot know it is reading a target until it sees '='.
// This file then does what CPython 3.11's pegen does with its star_targets
// rules and RAISE_SYNTAX_ERROR_INVALID_TARGET: it finds the first part that
// cannot be assigned to (a call, a literal, an operator...) and reports it
// with CPython's wording, or else switches every Name, Attribute,
// Subscript, Starred, Tuple and List inside to the Store (or Del) context.
#include <string>

#include "parser/parser_internal.h"

namespace coil::parser {

using namespace coil::ast;

// CPython's _PyPegen_get_expr_name: how an expression is named in messages.
const char* expr_name(const Expr* e) {
  switch (e->kind) {
    case ExprKind::Attribute: return "attribute";
    case ExprKind::Subscript: return "subscript";
    case ExprKind::Starred: return "starred";
    case ExprKind::Name: return "name";
    case ExprKind::List: return "list";
    case ExprKind::Tuple: return "tuple";
    case ExprKind::Lambda: return "lambda";
    case ExprKind::Call: return "function call";
    case ExprKind::BoolOp: case ExprKind::BinOp: case ExprKind::UnaryOp: return "expression";
    case ExprKind::GeneratorExp: return "generator expression";
    case ExprKind::Yield: case ExprKind::YieldFrom: return "yield expression";
    case ExprKind::Await: return "await expression";
    case ExprKind::ListComp: return "list comprehension";
    case ExprKind::SetComp: return "set comprehension";
    case ExprKind::DictComp: return "dict comprehension";
    case ExprKind::Dict: return "dict literal";
    case ExprKind::Set: return "set display";
    case ExprKind::JoinedStr: case ExprKind::FormattedValue: return "f-string expression";
    case ExprKind::Compare: return "comparison";
    case ExprKind::IfExp: return "conditional expression";
    case ExprKind::NamedExpr: return "named expression";
    case ExprKind::Slice: return "slice";
    case ExprKind::Constant:
      switch (e->as<Constant>()->value_kind) {
        case ConstKind::None: return "None";
        case ConstKind::True: return "True";
        case ConstKind::False: return "False";
        case ConstKind::Ellipsis: return "ellipsis";
        default: return "literal";
      }
  }
  return "expression";
}

// The first sub-expression of `e` that cannot be a target, or nullptr.
static const Expr* invalid_target(const Expr* e, TargetKind kind) {
  switch (e->kind) {
    case ExprKind::List:
      for (const Expr* x : e->as<List>()->elts)
        if (const Expr* bad = invalid_target(x, kind)) return bad;
      return nullptr;
    case ExprKind::Tuple:
      for (const Expr* x : e->as<Tuple>()->elts)
        if (const Expr* bad = invalid_target(x, kind)) return bad;
      return nullptr;
    case ExprKind::Starred:
      if (kind == TargetKind::Del) return e;
      return invalid_target(e->as<Starred>()->value, kind);
    case ExprKind::Name: case ExprKind::Attribute: case ExprKind::Subscript:
      return nullptr;
    default:
      return e;
  }
}

static void store_context(Expr* e, ExprContext ctx) {
  switch (e->kind) {
    case ExprKind::Name: e->as<Name>()->ctx = ctx; break;
    case ExprKind::Attribute: e->as<Attribute>()->ctx = ctx; break;
    case ExprKind::Subscript: e->as<Subscript>()->ctx = ctx; break;
    case ExprKind::Starred:
      e->as<Starred>()->ctx = ctx;
      store_context(e->as<Starred>()->value, ctx);
      break;
    case ExprKind::List:
      e->as<List>()->ctx = ctx;
      for (Expr* x : e->as<List>()->elts) store_context(x, ctx);
      break;
    case ExprKind::Tuple:
      e->as<Tuple>()->ctx = ctx;
      for (Expr* x : e->as<Tuple>()->elts) store_context(x, ctx);
      break;
    default: break;
  }
}

bool set_context(Driver& d, Expr* e, TargetKind kind) {
  if (const Expr* bad = invalid_target(e, kind)) {
    std::string msg = kind == TargetKind::Del ? "cannot delete " : "cannot assign to ";
    d.fail_at(msg + expr_name(bad), bad);
    return false;
  }
  store_context(e, kind == TargetKind::Del ? ExprContext::Del : ExprContext::Store);
  return true;
}

}  // namespace coil::parser
