// build.cpp — the builder functions the grammar actions call.
//
// Each builder allocates one node (or sorts one list) and, where LALR(1)
// had to accept a superset of Python, checks what the grammar could not:
// argument order in calls and defs, assignment targets, annotation targets.
// Errors are recorded on the Driver with CPython 3.11's message and span;
// the action then aborts the parse.
#include <cstdlib>
#include <string>

#include "parser/parser_internal.h"

namespace coil::parser {

using namespace coil::ast;

// ---- atoms -------------------------------------------------------------------

Expr* make_name(Driver& d, const std::string& id, const Span& s) {
  auto* n = d.make<Name>(s);
  n->id = id;
  return n;
}

Expr* make_int(Driver& d, const std::string& text, const Span& s) {
  auto* c = d.make<Constant>(s);
  c->value_kind = ConstKind::Int;
  c->text = text;
  return c;
}

Expr* make_float(Driver& d, const std::string& text, const Span& s) {
  auto* c = d.make<Constant>(s);
  c->value_kind = ConstKind::Float;
  c->number = std::strtod(text.c_str(), nullptr);
  return c;
}

// "1.5j" -> the imaginary part 1.5.
Expr* make_imag(Driver& d, const std::string& text, const Span& s) {
  auto* c = d.make<Constant>(s);
  c->value_kind = ConstKind::Imag;
  c->number = std::strtod(text.substr(0, text.size() - 1).c_str(), nullptr);
  return c;
}

Expr* make_singleton(Driver& d, ConstKind k, const Span& s) {
  auto* c = d.make<Constant>(s);
  c->value_kind = k;
  return c;
}

// ---- operators ------------------------------------------------------------------

Expr* make_binop(Driver& d, Expr* l, OperatorKind op, Expr* r, const Span& s) {
  auto* b = d.make<BinOp>(s);
  b->left = l;
  b->op = op;
  b->right = r;
  if (!d.chain(b, l, s)) return nullptr;
  return b;
}

Expr* make_unary(Driver& d, UnaryOpKind op, Expr* operand, const Span& s) {
  auto* u = d.make<UnaryOp>(s);
  u->op = op;
  u->operand = operand;
  return u;
}

Expr* make_boolop(Driver& d, BoolOpKind op, ExprList values, const Span& s) {
  auto* b = d.make<BoolOp>(s);
  b->op = op;
  b->values = std::move(values);
  return b;
}

Expr* make_compare(Driver& d, Expr* left, CmpList ops, const Span& s) {
  auto* c = d.make<Compare>(s);
  c->left = left;
  for (auto& item : ops) {
    c->ops.push_back(item.op);
    c->comparators.push_back(item.right);
  }
  return c;
}

Expr* make_ifexp(Driver& d, Expr* body, Expr* test, Expr* orelse, const Span& s) {
  auto* e = d.make<IfExp>(s);
  e->test = test;
  e->body = body;
  e->orelse = orelse;
  return e;
}

Expr* make_await(Driver& d, Expr* value, const Span& s) {
  auto* a = d.make<Await>(s);
  a->value = value;
  return a;
}

Expr* make_yield(Driver& d, Expr* value, bool from, const Span& s) {
  if (from) {
    auto* y = d.make<YieldFrom>(s);
    y->value = value;
    return y;
  }
  auto* y = d.make<Yield>(s);
  y->value = value;
  return y;
}

// `(x := v)`: only a plain name may be the target.
Expr* make_named(Driver& d, Expr* target, Expr* value, const Span& s) {
  if (target->kind != ExprKind::Name) {
    d.fail_at(std::string("cannot use assignment expressions with ") + expr_name(target), target);
    return nullptr;
  }
  target->as<Name>()->ctx = ExprContext::Store;
  auto* n = d.make<NamedExpr>(s);
  n->target = target;
  n->value = value;
  return n;
}

Expr* make_lambda(Driver& d, Arguments* args, Expr* body, const Span& s) {
  auto* l = d.make<Lambda>(s);
  l->args = args;
  l->body = body;
  return l;
}

// ---- displays -------------------------------------------------------------------------

Expr* make_tuple(Driver& d, ExprList elts, const Span& s) {
  auto* t = d.make<Tuple>(s);
  t->elts = std::move(elts);
  return t;
}

Expr* make_list(Driver& d, ExprList elts, const Span& s) {
  auto* l = d.make<List>(s);
  l->elts = std::move(elts);
  return l;
}

Expr* make_set(Driver& d, ExprList elts, const Span& s) {
  auto* st = d.make<Set>(s);
  st->elts = std::move(elts);
  return st;
}

Expr* make_dict(Driver& d, DictItems items, const Span& s) {
  auto* dict = d.make<Dict>(s);
  for (auto& it : items) {
    dict->keys.push_back(it.key);
    dict->values.push_back(it.value);
  }
  return dict;
}

// `a, b` without brackets: one item and no comma is just the item.
Expr* make_tuple_or_item(Driver& d, ExprSeq seq, const Span& s) {
  if (seq.items.size() == 1 && !seq.trailing_comma) return seq.items[0];
  return make_tuple(d, std::move(seq.items), s);
}

// `( ... )`: a parenthesised expression keeps its own span (CPython leaves
// the parentheses out), a tuple's span includes them.
Expr* make_group(Driver& d, ExprSeq seq, const Span& s) {
  if (seq.items.size() == 1 && !seq.trailing_comma) {
    Expr* e = seq.items[0];
    if (e->kind == ExprKind::Starred) {
      d.fail_at("cannot use starred expression here", e);
      return nullptr;
    }
    d.parenthesized.insert(e);
    return e;
  }
  return make_tuple(d, std::move(seq.items), s);
}

Expr* make_starred(Driver& d, Expr* value, const Span& s) {
  auto* st = d.make<Starred>(s);
  st->value = value;
  return st;
}

Expr* make_comp(Driver& d, ExprKind kind, Expr* elt, Expr* value, CompList gens,
                const Span& s) {
  switch (kind) {
    case ExprKind::ListComp: {
      auto* c = d.make<ListComp>(s);
      c->elt = elt;
      c->generators = std::move(gens);
      return c;
    }
    case ExprKind::SetComp: {
      auto* c = d.make<SetComp>(s);
      c->elt = elt;
      c->generators = std::move(gens);
      return c;
    }
    case ExprKind::DictComp: {
      auto* c = d.make<DictComp>(s);
      c->key = elt;
      c->value = value;
      c->generators = std::move(gens);
      return c;
    }
    default: {
      auto* c = d.make<GeneratorExp>(s);
      c->elt = elt;
      c->generators = std::move(gens);
      return c;
    }
  }
}

Comprehension* make_comprehension(Driver& d, Expr* target, Expr* iter, bool is_async,
                                  const Span& s) {
  if (!set_context(d, target, TargetKind::Comp)) return nullptr;
  auto* c = d.make<Comprehension>(s);
  c->target = target;
  c->iter = iter;
  c->is_async = is_async;
  return c;
}

// ---- trailers -------------------------------------------------------------------

Expr* make_attribute(Driver& d, Expr* value, const std::string& attr, const Span& s) {
  auto* a = d.make<Attribute>(s);
  a->value = value;
  a->attr = attr;
  if (!d.chain(a, value, s)) return nullptr;
  return a;
}

Expr* make_subscript(Driver& d, Expr* value, Expr* slice, const Span& s) {
  auto* sub = d.make<Subscript>(s);
  sub->value = value;
  sub->slice = slice;
  if (!d.chain(sub, value, s)) return nullptr;
  return sub;
}

// `a[i, j:k]`: several subscripts make a tuple spanning them (not the brackets).
// A lone starred subscript `a[*b]` is a one-element tuple too.
Expr* make_slices(Driver& d, ExprSeq seq, const Span& s) {
  if (seq.items.size() == 1 && seq.items[0]->kind == ExprKind::Starred)
    return make_tuple(d, std::move(seq.items), s);
  return make_tuple_or_item(d, std::move(seq), s);
}

Expr* make_slice(Driver& d, Expr* lo, Expr* hi, Expr* step, const Span& s) {
  auto* sl = d.make<Slice>(s);
  sl->lower = lo;
  sl->upper = hi;
  sl->step = step;
  return sl;
}

ArgItem make_keyword_item(Driver& d, Expr* name, Expr* value, const Span& s,
                          const Span& name_and_eq) {
  if (name->kind != ExprKind::Name || d.parenthesized.count(name)) {
    const char* what = expr_name(name);
    if (name->kind == ExprKind::Constant &&
        (std::string(what) == "True" || std::string(what) == "False" ||
         std::string(what) == "None")) {
      d.fail(std::string("cannot assign to ") + what, name_and_eq);
    } else {
      d.fail("expression cannot contain assignment, perhaps you meant \"==\"?", name_and_eq);
    }
    return {};
  }
  return ArgItem{ArgItem::Keyword, value, name, s};
}

// Sorts call arguments into positional args and keywords, with CPython's
// ordering rules.  `parens` is the span of the call's parentheses, which a
// bare generator argument `f(x for x in y)` takes as its own.
static bool sort_args(Driver& d, ArgList& items, ExprList* args, std::vector<Keyword*>* kws,
                      const Span& parens, bool is_call) {
  bool seen_keyword = false, seen_double_star = false;
  // CPython reports misplaced positional arguments at the closing ')'.
  Span close{{parens.end.line, parens.end.col - 1}, parens.end};
  for (auto& it : items) {
    switch (it.kind) {
      case ArgItem::Positional:
      case ArgItem::BareGenexp:
        if (it.kind == ArgItem::BareGenexp && items.size() > 1) {
          d.fail("Generator expression must be parenthesized", it.span);
          return false;
        }
        if (seen_double_star) {
          d.fail("positional argument follows keyword argument unpacking", close);
          return false;
        }
        if (seen_keyword) {
          d.fail("positional argument follows keyword argument", close);
          return false;
        }
        if (it.kind == ArgItem::BareGenexp && is_call) set_span(it.value, parens);
        args->push_back(it.value);
        break;
      case ArgItem::Star:
        if (seen_double_star) {
          Span star{it.span.begin, {it.span.begin.line, it.span.begin.col + 1}};
          d.fail("iterable argument unpacking follows keyword argument unpacking", star);
          return false;
        }
        args->push_back(it.value);
        break;
      case ArgItem::Keyword: {
        seen_keyword = true;
        auto* k = d.make<Keyword>(it.span);
        k->arg = it.name->as<Name>()->id;
        k->value = it.value;
        kws->push_back(k);
        break;
      }
      case ArgItem::DoubleStar: {
        seen_double_star = true;
        auto* k = d.make<Keyword>(it.span);
        k->value = it.value;
        kws->push_back(k);
        break;
      }
    }
  }
  return true;
}

Expr* make_call(Driver& d, Expr* func, ArgList args, const Span& s, const Span& parens) {
  auto* c = d.make<Call>(s);
  c->func = func;
  if (!d.chain(c, func, s)) return nullptr;
  if (!sort_args(d, args, &c->args, &c->keywords, parens, true)) return nullptr;
  return c;
}

// ---- parameters -------------------------------------------------------------------

Arg* make_arg(Driver& d, const std::string& name, Expr* annotation, const Span& s) {
  auto* a = d.make<Arg>(s);
  a->arg = name;
  a->annotation = annotation;
  return a;
}

// Sorts a flat parameter list into CPython's `arguments` node:
//   posonly..., '/', args..., '*' [vararg], kwonly..., '**' kwarg
// Defaults of positional parameters go to `defaults` (right-aligned);
// keyword-only ones to kw_defaults, with nullptr for "no default".
Arguments* make_arguments(Driver& d, ParamList params) {
  auto* a = d.arena->make<Arguments>();
  bool seen_slash = false, seen_star = false, seen_default = false;
  for (size_t i = 0; i < params.size(); ++i) {
    const ParamItem& p = params[i];
    if (a->kwarg) {
      d.fail("arguments cannot follow var-keyword argument", p.span);
      return a;
    }
    switch (p.kind) {
      case ParamItem::Plain:
        if (seen_star) {
          a->kwonlyargs.push_back(p.arg);
          a->kw_defaults.push_back(p.deflt);
        } else if (p.deflt) {
          a->args.push_back(p.arg);
          a->defaults.push_back(p.deflt);
          seen_default = true;
        } else if (seen_default) {
          d.fail("non-default argument follows default argument", p.span);
          return a;
        } else {
          a->args.push_back(p.arg);
        }
        break;
      case ParamItem::Slash:
        if (seen_star) {
          d.fail("/ must be ahead of *", p.span);
          return a;
        }
        if (seen_slash) {
          d.fail("/ may appear only once", p.span);
          return a;
        }
        if (a->args.empty()) {
          d.fail("at least one argument must precede /", p.span);
          return a;
        }
        seen_slash = true;
        a->posonlyargs = std::move(a->args);
        a->args.clear();
        break;
      case ParamItem::Star:
        if (seen_star) {
          d.fail("* argument may appear only once",
                 Span{p.span.begin, {p.span.begin.line, p.span.begin.col + 1}});
          return a;
        }
        seen_star = true;
        a->vararg = p.arg;
        if (!p.arg && (i + 1 == params.size() || params[i + 1].kind == ParamItem::DoubleStar)) {
          d.fail("named arguments must follow bare *", p.span);
          return a;
        }
        break;
      case ParamItem::DoubleStar:
        a->kwarg = p.arg;
        break;
    }
  }
  return a;
}

// ---- statements -------------------------------------------------------------------

Span block_span(const Span& kw, const StmtList& last_block) {
  if (last_block.empty()) return kw;
  return Span{kw.begin, span_of(last_block.back()).end};
}

// Is `e` a bitwise_or-level expression in CPython's grammar (so that the
// "Maybe you meant '=='" hint applies)?  Parenthesised ones are atoms.
static bool is_bitwise_or(Driver& d, const Expr* e) {
  if (d.parenthesized.count(e)) return true;
  switch (e->kind) {
    case ExprKind::BoolOp: case ExprKind::Compare: case ExprKind::IfExp:
    case ExprKind::Lambda: case ExprKind::NamedExpr: case ExprKind::Starred:
    case ExprKind::Yield: case ExprKind::YieldFrom:
      return false;
    case ExprKind::UnaryOp:
      return e->as<UnaryOp>()->op != UnaryOpKind::Not;
    case ExprKind::Tuple:
      return false;  // an unparenthesised tuple (parenthesised ones were caught above)
    default:
      return true;
  }
}

// The "cannot assign to X here. Maybe you meant '==' instead of '='?" form:
// CPython gives it for `a = b` where both sides are simple expressions and
// the target is not a list, tuple, generator expression or True/False/None.
static bool wants_eq_hint(Driver& d, const Expr* target, const Expr* value) {
  if (!is_bitwise_or(d, target) || !is_bitwise_or(d, value)) return false;
  switch (target->kind) {
    case ExprKind::List: case ExprKind::Tuple: case ExprKind::GeneratorExp:
      return false;
    case ExprKind::Constant: {
      auto k = target->as<Constant>()->value_kind;
      return k != ConstKind::True && k != ConstKind::False && k != ConstKind::None;
    }
    default:
      return true;
  }
}

Stmt* make_expr_stmt(Driver& d, ExprList chain, const Span& s) {
  if (chain.size() == 1) {
    auto* e = d.make<ExprStmt>(s);
    e->value = chain[0];
    return e;
  }
  auto* a = d.make<Assign>(s);
  a->value = chain.back();
  chain.pop_back();
  for (Expr* t : chain) {
    if ((t->kind == ExprKind::Yield || t->kind == ExprKind::YieldFrom) &&
        !d.parenthesized.count(t)) {
      d.fail_at("assignment to yield expression not possible", t);
      return nullptr;
    }
    if (chain.size() == 1 && wants_eq_hint(d, t, a->value)) {
      // Only when the whole target is the offending expression.
      bool ok_kind = t->kind == ExprKind::Name || t->kind == ExprKind::Attribute ||
                     t->kind == ExprKind::Subscript;
      if (!ok_kind) {
        d.fail_at(std::string("cannot assign to ") + expr_name(t) +
                      " here. Maybe you meant '==' instead of '='?",
                  t);
        return nullptr;
      }
    }
    if (!set_context(d, t, TargetKind::Assign)) return nullptr;
    a->targets.push_back(t);
  }
  return a;
}

Stmt* make_annassign(Driver& d, Expr* target, Expr* ann, Expr* value, const Span& s) {
  bool parens = d.parenthesized.count(target) > 0;
  switch (target->kind) {
    case ExprKind::Name: case ExprKind::Attribute: case ExprKind::Subscript:
      break;
    case ExprKind::Tuple: {
      auto* t = target->as<Tuple>();
      // `a, b: int` points at `a`; `(a, b): int` at the tuple.
      bool bare = !t->elts.empty() && t->line == t->elts[0]->line && t->col == t->elts[0]->col;
      d.fail_at("only single target (not tuple) can be annotated", bare ? t->elts[0] : target);
      return nullptr;
    }
    case ExprKind::List:
      d.fail_at("only single target (not list) can be annotated", target);
      return nullptr;
    default:
      d.fail_at("illegal target for annotation", target);
      return nullptr;
  }
  if (!set_context(d, target, TargetKind::Assign)) return nullptr;
  auto* a = d.make<AnnAssign>(s);
  a->target = target;
  a->annotation = ann;
  a->value = value;
  a->simple = target->kind == ExprKind::Name && !parens;
  return a;
}

Stmt* make_augassign(Driver& d, Expr* target, OperatorKind op, Expr* value, const Span& s) {
  if (target->kind != ExprKind::Name && target->kind != ExprKind::Attribute &&
      target->kind != ExprKind::Subscript) {
    d.fail_at(std::string("'") + expr_name(target) +
                  "' is an illegal expression for augmented assignment",
              target);
    return nullptr;
  }
  set_context(d, target, TargetKind::Assign);
  auto* a = d.make<AugAssign>(s);
  a->target = target;
  a->op = op;
  a->value = value;
  return a;
}

Stmt* make_delete(Driver& d, ExprList targets, const Span& s) {
  for (Expr* t : targets)
    if (!set_context(d, t, TargetKind::Del)) return nullptr;
  auto* del = d.make<Delete>(s);
  del->targets = std::move(targets);
  return del;
}

Stmt* make_if(Driver& d, Expr* test, StmtList body, StmtList orelse, const Span& kw) {
  auto* i = d.make<If>(block_span(kw, orelse.empty() ? body : orelse));
  i->test = test;
  i->body = std::move(body);
  i->orelse = std::move(orelse);
  return i;
}

Stmt* make_while(Driver& d, Expr* test, StmtList body, StmtList orelse, const Span& kw) {
  auto* w = d.make<While>(block_span(kw, orelse.empty() ? body : orelse));
  w->test = test;
  w->body = std::move(body);
  w->orelse = std::move(orelse);
  return w;
}

Stmt* make_for(Driver& d, Expr* target, Expr* iter, StmtList body, StmtList orelse,
               const Span& kw) {
  if (!set_context(d, target, TargetKind::For)) return nullptr;
  auto* f = d.make<For>(block_span(kw, orelse.empty() ? body : orelse), false);
  f->target = target;
  f->iter = iter;
  f->body = std::move(body);
  f->orelse = std::move(orelse);
  return f;
}

Handler make_handler(Driver& d, Expr* type, const std::string& name, StmtList body, bool star,
                     const Span& kw) {
  auto* h = d.make<ExceptHandler>(block_span(kw, body));
  h->type = type;
  h->name = name;
  h->body = std::move(body);
  return Handler{h, star};
}

Stmt* make_try(Driver& d, StmtList body, HandlerList handlers, StmtList orelse,
               StmtList finalbody, const Span& kw) {
  bool any_star = !handlers.empty() && handlers[0].star;
  for (auto& h : handlers) {
    if (h.star != any_star) {
      // Pointed at the `except` keyword of the first clause of the other kind.
      Span at = span_of(h.node);
      at.end = {at.begin.line, at.begin.col + 6};
      d.fail("cannot have both 'except' and 'except*' on the same 'try'", at);
      return nullptr;
    }
  }
  Span s = kw;
  if (!finalbody.empty()) s = block_span(kw, finalbody);
  else if (!orelse.empty()) s = block_span(kw, orelse);
  else if (!handlers.empty()) s = Span{kw.begin, span_of(handlers.back().node).end};
  else s = block_span(kw, body);
  auto* t = d.make<Try>(s, any_star);
  t->body = std::move(body);
  for (auto& h : handlers) t->handlers.push_back(h.node);
  t->orelse = std::move(orelse);
  t->finalbody = std::move(finalbody);
  return t;
}

WithItem* make_withitem(Driver& d, Expr* ctx, Expr* target) {
  if (target && !set_context(d, target, TargetKind::With)) return nullptr;
  auto* w = d.arena->make<WithItem>();
  w->context_expr = ctx;
  w->optional_vars = target;
  return w;
}

Stmt* make_with(Driver& d, WithItems items, StmtList body, const Span& kw) {
  auto* w = d.make<With>(block_span(kw, body), false);
  w->items = std::move(items);
  w->body = std::move(body);
  return w;
}

Stmt* make_funcdef(Driver& d, const std::string& name, Arguments* args, Expr* returns,
                   StmtList body, const Span& kw) {
  auto* f = d.make<FunctionDef>(block_span(kw, body), false);
  f->name = name;
  f->args = args;
  f->returns = returns;
  f->body = std::move(body);
  return f;
}

Stmt* make_classdef(Driver& d, const std::string& name, ArgList args, StmtList body,
                    const Span& kw, const Span& parens) {
  auto* c = d.make<ClassDef>(block_span(kw, body));
  c->name = name;
  if (!sort_args(d, args, &c->bases, &c->keywords, parens, false)) return nullptr;
  c->body = std::move(body);
  return c;
}

// `async def/for/with`: the same node with the async kind, starting at `async`.
Stmt* make_async(Stmt* s, const Span& kw) {
  switch (s->kind) {
    case StmtKind::FunctionDef: s->kind = StmtKind::AsyncFunctionDef; break;
    case StmtKind::For: s->kind = StmtKind::AsyncFor; break;
    case StmtKind::With: s->kind = StmtKind::AsyncWith; break;
    default: break;
  }
  s->line = kw.begin.line;
  s->col = kw.begin.col;
  return s;
}

// Decorators do not move the statement's start: it stays at `def`/`class`.
Stmt* decorate(Stmt* s, ExprList decorators) {
  if (s->kind == StmtKind::ClassDef)
    s->as<ClassDef>()->decorator_list = std::move(decorators);
  else
    s->as<FunctionDef>()->decorator_list = std::move(decorators);
  return s;
}

Alias* make_alias(Driver& d, const std::string& name, const std::string& asname,
                  const Span& s) {
  auto* a = d.make<Alias>(s);
  a->name = name;
  a->asname = asname;
  return a;
}

Stmt* make_import_from(Driver& d, int level, const std::string& module, AliasList names,
                       const Span& s) {
  auto* i = d.make<ImportFrom>(s);
  i->level = level;
  i->module = module;
  i->names = std::move(names);
  return i;
}

}  // namespace coil::parser
