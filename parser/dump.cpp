// dump.cpp — the AST as `python3 -m ast` prints it.
//
// This is a transcription of CPython 3.11's ast.dump(node, indent=3)
// (Lib/ast.py), whose layout rule is:
//   - a node prints as  Name(field=value, ...); fields whose value is None
//     are left out (empty lists are kept, as `[]`);
//   - it stays on one line when it has at most three fields and all of them
//     are "simple": scalars, empty lists, or nodes without fields (Load());
//   - otherwise each field goes on its own line, indented one level (three
//     spaces) deeper than the node, and so do the items of non-empty lists.
// With include_attributes (`-a`) the positions follow the fields.
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "parser/parser_internal.h"

namespace coil::parser {

using namespace coil::ast;

namespace {

struct Out {
  std::string text;
  bool simple;
};

// repr() of a str: single quotes unless the text holds ' and no ".
std::string str_repr(const std::string& s) {
  bool has_single = s.find('\'') != std::string::npos;
  bool has_double = s.find('"') != std::string::npos;
  char q = has_single && !has_double ? '"' : '\'';
  std::string out(1, q);
  char buf[16];
  for (size_t i = 0; i < s.size();) {
    unsigned char c = s[i];
    // Decode one UTF-8 sequence to a code point.
    uint32_t cp = c;
    size_t len = 1;
    if (c >= 0xF0) { cp = c & 0x07; len = 4; }
    else if (c >= 0xE0) { cp = c & 0x0F; len = 3; }
    else if (c >= 0xC0) { cp = c & 0x1F; len = 2; }
    if (i + len > s.size()) len = 1, cp = c;
    for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (s[i + k] & 0x3F);
    if (cp == static_cast<uint32_t>(q) || cp == '\\') {
      out += '\\';
      out += static_cast<char>(cp);
    } else if (cp == '\n') {
      out += "\\n";
    } else if (cp == '\r') {
      out += "\\r";
    } else if (cp == '\t') {
      out += "\\t";
    } else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0xA0) || cp == 0xAD) {
      std::snprintf(buf, sizeof buf, "\\x%02x", cp);
      out += buf;
    } else if ((cp >= 0xD800 && cp <= 0xDFFF) || (cp >= 0x2000 && cp <= 0x200F) ||
               (cp >= 0x2028 && cp <= 0x202F) || (cp >= 0x205F && cp <= 0x206F) ||
               cp == 0x3000 || cp == 0xFEFF || cp == 0x1680 ||
               (cp >= 0xE000 && cp <= 0xF8FF) || (cp >= 0xFFF9 && cp <= 0xFFFB)) {
      // Separators, format characters, surrogates and private use are not
      // printable for str.isprintable(), so repr escapes them.
      std::snprintf(buf, sizeof buf, "\\u%04x", cp);
      out += buf;
    } else {
      out.append(s, i, len);
    }
    i += len;
  }
  out += q;
  return out;
}

std::string bytes_repr(const std::string& s) {
  bool has_single = s.find('\'') != std::string::npos;
  bool has_double = s.find('"') != std::string::npos;
  char q = has_single && !has_double ? '"' : '\'';
  std::string out = "b";
  out += q;
  char buf[8];
  for (unsigned char c : s) {
    if (c == q || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c == '\t') out += "\\t";
    else if (c < 0x20 || c >= 0x7F) {
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else out += static_cast<char>(c);
  }
  out += q;
  return out;
}

// repr(complex(0, x)): the imaginary part without a forced ".0".
std::string imag_repr(double x) {
  std::string s = float_repr(x);
  if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
  return s + "j";
}

std::string constant_repr(const Constant* c) {
  switch (c->value_kind) {
    case ConstKind::None: return "None";
    case ConstKind::True: return "True";
    case ConstKind::False: return "False";
    case ConstKind::Ellipsis: return "Ellipsis";
    case ConstKind::Int: return int_text_to_decimal(c->text);
    case ConstKind::Float: return float_repr(c->number);
    case ConstKind::Imag: return imag_repr(c->number);
    case ConstKind::Str: return str_repr(c->text);
    case ConstKind::Bytes: return bytes_repr(c->text);
  }
  return "None";
}

const char* operator_name(OperatorKind op) {
  static const char* names[] = {"Add", "Sub", "Mult", "MatMult", "Div", "Mod", "Pow",
                                "LShift", "RShift", "BitOr", "BitXor", "BitAnd",
                                "FloorDiv"};
  return names[static_cast<int>(op)];
}
const char* unary_name(UnaryOpKind op) {
  static const char* names[] = {"Invert", "Not", "UAdd", "USub"};
  return names[static_cast<int>(op)];
}
const char* cmp_name(CmpOpKind op) {
  static const char* names[] = {"Eq", "NotEq", "Lt", "LtE", "Gt", "GtE",
                                "Is", "IsNot", "In", "NotIn"};
  return names[static_cast<int>(op)];
}
const char* ctx_name(ExprContext c) {
  return c == ExprContext::Load ? "Load" : c == ExprContext::Store ? "Store" : "Del";
}

class Dumper {
 public:
  explicit Dumper(bool attrs) : attrs_(attrs) {}

  // One node: `fields` already formatted at this node's level.  Positions
  // are appended when `pos` is given and attributes were asked for.
  struct Field {
    std::string name;
    Out value;
  };
  Out node(const char* cls, const std::vector<Field>& fields, int lv, const Node* pos) {
    std::vector<std::string> args;
    bool all_simple = true;
    for (const auto& f : fields) {
      all_simple = all_simple && f.value.simple;
      args.push_back(f.name + "=" + f.value.text);
    }
    if (attrs_ && pos) {
      args.push_back("lineno=" + std::to_string(pos->line));
      args.push_back("col_offset=" + std::to_string(pos->col));
      args.push_back("end_lineno=" + std::to_string(pos->end_line));
      args.push_back("end_col_offset=" + std::to_string(pos->end_col));
    }
    if (all_simple && args.size() <= 3) return {std::string(cls) + "(" + join(args, ", ") + ")", args.empty()};
    std::string prefix = "\n" + indent(lv);
    return {std::string(cls) + "(" + prefix + join(args, ",\n" + indent(lv)) + ")", false};
  }

  // A list whose items were formatted at level `lv` (the list's own level).
  Out list(const std::vector<std::string>& items, int lv) {
    if (items.empty()) return {"[]", true};
    return {"[\n" + indent(lv) + join(items, ",\n" + indent(lv)) + "]", false};
  }

  Out scalar(const std::string& s) { return {s, true}; }
  Out leaf(const char* cls) { return {std::string(cls) + "()", true}; }

  // ---- formatting by node type (level = the parent's level) ----------------
  Out expr(const Expr* e, int level);
  Out stmt(const Stmt* s, int level);

  Out exprs(const std::vector<Expr*>& v, int level) {
    int lv = level + 1;
    std::vector<std::string> items;
    for (const Expr* e : v) items.push_back(e ? expr(e, lv).text : "None");
    return list(items, lv);
  }
  Out stmts(const std::vector<Stmt*>& v, int level) {
    int lv = level + 1;
    std::vector<std::string> items;
    for (const Stmt* s : v) items.push_back(stmt(s, lv).text);
    return list(items, lv);
  }
  Out strs(const std::vector<std::string>& v, int level) {
    std::vector<std::string> items;
    for (const auto& s : v) items.push_back(str_repr(s));
    return list(items, level + 1);
  }
  template <class T, class F>
  Out nodes(const std::vector<T*>& v, int level, F fmt) {
    int lv = level + 1;
    std::vector<std::string> items;
    for (const T* x : v) items.push_back(fmt(x, lv).text);
    return list(items, lv);
  }

  Out arguments(const Arguments* a, int level);
  Out arg(const Arg* a, int level);
  Out keyword(const Keyword* k, int level);
  Out comprehension(const Comprehension* c, int level);
  Out handler(const ExceptHandler* h, int level);
  Out alias(const Alias* a, int level);
  Out withitem(const WithItem* w, int level);

 private:
  static std::string join(const std::vector<std::string>& v, const std::string& sep) {
    std::string out;
    for (size_t i = 0; i < v.size(); ++i) {
      if (i) out += sep;
      out += v[i];
    }
    return out;
  }
  static std::string indent(int lv) { return std::string(3 * lv, ' '); }
  bool attrs_;
};

// Appends `name=value` unless value is None (a null child).
#define OPT(name, ptr, fmt) \
  if (ptr) f.push_back({name, fmt})

Out Dumper::arguments(const Arguments* a, int level) {
  int lv = level + 1;
  std::vector<Field> f;
  auto args = [&](const std::vector<Arg*>& v) {
    return nodes(v, lv, [&](const Arg* x, int l) { return arg(x, l); });
  };
  f.push_back({"posonlyargs", args(a->posonlyargs)});
  f.push_back({"args", args(a->args)});
  OPT("vararg", a->vararg, arg(a->vararg, lv));
  f.push_back({"kwonlyargs", args(a->kwonlyargs)});
  f.push_back({"kw_defaults", exprs(a->kw_defaults, lv)});
  OPT("kwarg", a->kwarg, arg(a->kwarg, lv));
  f.push_back({"defaults", exprs(a->defaults, lv)});
  return node("arguments", f, lv, nullptr);
}

Out Dumper::arg(const Arg* a, int level) {
  int lv = level + 1;
  std::vector<Field> f{{"arg", scalar(str_repr(a->arg))}};
  OPT("annotation", a->annotation, expr(a->annotation, lv));
  return node("arg", f, lv, a);
}

Out Dumper::keyword(const Keyword* k, int level) {
  int lv = level + 1;
  std::vector<Field> f;
  if (!k->arg.empty()) f.push_back({"arg", scalar(str_repr(k->arg))});
  f.push_back({"value", expr(k->value, lv)});
  return node("keyword", f, lv, k);
}

Out Dumper::comprehension(const Comprehension* c, int level) {
  int lv = level + 1;
  std::vector<Field> f{{"target", expr(c->target, lv)},
                       {"iter", expr(c->iter, lv)},
                       {"ifs", exprs(c->ifs, lv)},
                       {"is_async", scalar(c->is_async ? "1" : "0")}};
  return node("comprehension", f, lv, nullptr);
}

Out Dumper::handler(const ExceptHandler* h, int level) {
  int lv = level + 1;
  std::vector<Field> f;
  OPT("type", h->type, expr(h->type, lv));
  if (!h->name.empty()) f.push_back({"name", scalar(str_repr(h->name))});
  f.push_back({"body", stmts(h->body, lv)});
  return node("ExceptHandler", f, lv, h);
}

Out Dumper::alias(const Alias* a, int level) {
  int lv = level + 1;
  std::vector<Field> f{{"name", scalar(str_repr(a->name))}};
  if (!a->asname.empty()) f.push_back({"asname", scalar(str_repr(a->asname))});
  return node("alias", f, lv, a);
}

Out Dumper::withitem(const WithItem* w, int level) {
  int lv = level + 1;
  std::vector<Field> f{{"context_expr", expr(w->context_expr, lv)}};
  OPT("optional_vars", w->optional_vars, expr(w->optional_vars, lv));
  return node("withitem", f, lv, nullptr);
}

Out Dumper::expr(const Expr* e, int level) {
  int lv = level + 1;
  std::vector<Field> f;
  auto comps = [&](const std::vector<Comprehension*>& v) {
    return nodes(v, lv, [&](const Comprehension* c, int l) { return comprehension(c, l); });
  };
  switch (e->kind) {
    case ExprKind::BoolOp: {
      auto* b = e->as<BoolOp>();
      f = {{"op", leaf(b->op == BoolOpKind::And ? "And" : "Or")}, {"values", exprs(b->values, lv)}};
      return node("BoolOp", f, lv, e);
    }
    case ExprKind::NamedExpr: {
      auto* n = e->as<NamedExpr>();
      f = {{"target", expr(n->target, lv)}, {"value", expr(n->value, lv)}};
      return node("NamedExpr", f, lv, e);
    }
    case ExprKind::BinOp: {
      auto* b = e->as<BinOp>();
      f = {{"left", expr(b->left, lv)}, {"op", leaf(operator_name(b->op))},
           {"right", expr(b->right, lv)}};
      return node("BinOp", f, lv, e);
    }
    case ExprKind::UnaryOp: {
      auto* u = e->as<UnaryOp>();
      f = {{"op", leaf(unary_name(u->op))}, {"operand", expr(u->operand, lv)}};
      return node("UnaryOp", f, lv, e);
    }
    case ExprKind::Lambda: {
      auto* l = e->as<Lambda>();
      f = {{"args", arguments(l->args, lv)}, {"body", expr(l->body, lv)}};
      return node("Lambda", f, lv, e);
    }
    case ExprKind::IfExp: {
      auto* i = e->as<IfExp>();
      f = {{"test", expr(i->test, lv)}, {"body", expr(i->body, lv)}, {"orelse", expr(i->orelse, lv)}};
      return node("IfExp", f, lv, e);
    }
    case ExprKind::Dict: {
      auto* d = e->as<Dict>();
      f = {{"keys", exprs(d->keys, lv)}, {"values", exprs(d->values, lv)}};
      return node("Dict", f, lv, e);
    }
    case ExprKind::Set:
      f = {{"elts", exprs(e->as<Set>()->elts, lv)}};
      return node("Set", f, lv, e);
    case ExprKind::ListComp: {
      auto* c = e->as<ListComp>();
      f = {{"elt", expr(c->elt, lv)}, {"generators", comps(c->generators)}};
      return node("ListComp", f, lv, e);
    }
    case ExprKind::SetComp: {
      auto* c = e->as<SetComp>();
      f = {{"elt", expr(c->elt, lv)}, {"generators", comps(c->generators)}};
      return node("SetComp", f, lv, e);
    }
    case ExprKind::DictComp: {
      auto* c = e->as<DictComp>();
      f = {{"key", expr(c->key, lv)}, {"value", expr(c->value, lv)},
           {"generators", comps(c->generators)}};
      return node("DictComp", f, lv, e);
    }
    case ExprKind::GeneratorExp: {
      auto* c = e->as<GeneratorExp>();
      f = {{"elt", expr(c->elt, lv)}, {"generators", comps(c->generators)}};
      return node("GeneratorExp", f, lv, e);
    }
    case ExprKind::Await:
      f = {{"value", expr(e->as<Await>()->value, lv)}};
      return node("Await", f, lv, e);
    case ExprKind::Yield:
      OPT("value", e->as<Yield>()->value, expr(e->as<Yield>()->value, lv));
      return node("Yield", f, lv, e);
    case ExprKind::YieldFrom:
      f = {{"value", expr(e->as<YieldFrom>()->value, lv)}};
      return node("YieldFrom", f, lv, e);
    case ExprKind::Compare: {
      auto* c = e->as<Compare>();
      std::vector<std::string> ops;
      for (auto op : c->ops) ops.push_back(std::string(cmp_name(op)) + "()");
      f = {{"left", expr(c->left, lv)}, {"ops", list(ops, lv + 1)},
           {"comparators", exprs(c->comparators, lv)}};
      return node("Compare", f, lv, e);
    }
    case ExprKind::Call: {
      auto* c = e->as<Call>();
      f = {{"func", expr(c->func, lv)}, {"args", exprs(c->args, lv)},
           {"keywords", nodes(c->keywords, lv, [&](const Keyword* k, int l) { return keyword(k, l); })}};
      return node("Call", f, lv, e);
    }
    case ExprKind::FormattedValue: {
      auto* v = e->as<FormattedValue>();
      f = {{"value", expr(v->value, lv)}, {"conversion", scalar(std::to_string(v->conversion))}};
      OPT("format_spec", v->format_spec, expr(v->format_spec, lv));
      return node("FormattedValue", f, lv, e);
    }
    case ExprKind::JoinedStr:
      f = {{"values", exprs(e->as<JoinedStr>()->values, lv)}};
      return node("JoinedStr", f, lv, e);
    case ExprKind::Constant: {
      auto* c = e->as<Constant>();
      f = {{"value", scalar(constant_repr(c))}};
      if (c->u_prefix) f.push_back({"kind", scalar("'u'")});
      return node("Constant", f, lv, e);
    }
    case ExprKind::Attribute: {
      auto* a = e->as<Attribute>();
      f = {{"value", expr(a->value, lv)}, {"attr", scalar(str_repr(a->attr))}, {"ctx", leaf(ctx_name(a->ctx))}};
      return node("Attribute", f, lv, e);
    }
    case ExprKind::Subscript: {
      auto* s = e->as<Subscript>();
      f = {{"value", expr(s->value, lv)}, {"slice", expr(s->slice, lv)}, {"ctx", leaf(ctx_name(s->ctx))}};
      return node("Subscript", f, lv, e);
    }
    case ExprKind::Starred: {
      auto* s = e->as<Starred>();
      f = {{"value", expr(s->value, lv)}, {"ctx", leaf(ctx_name(s->ctx))}};
      return node("Starred", f, lv, e);
    }
    case ExprKind::Name: {
      auto* n = e->as<Name>();
      f = {{"id", scalar(str_repr(n->id))}, {"ctx", leaf(ctx_name(n->ctx))}};
      return node("Name", f, lv, e);
    }
    case ExprKind::List: {
      auto* l = e->as<List>();
      f = {{"elts", exprs(l->elts, lv)}, {"ctx", leaf(ctx_name(l->ctx))}};
      return node("List", f, lv, e);
    }
    case ExprKind::Tuple: {
      auto* t = e->as<Tuple>();
      f = {{"elts", exprs(t->elts, lv)}, {"ctx", leaf(ctx_name(t->ctx))}};
      return node("Tuple", f, lv, e);
    }
    case ExprKind::Slice: {
      auto* s = e->as<Slice>();
      OPT("lower", s->lower, expr(s->lower, lv));
      OPT("upper", s->upper, expr(s->upper, lv));
      OPT("step", s->step, expr(s->step, lv));
      return node("Slice", f, lv, e);
    }
  }
  return scalar("None");
}

Out Dumper::stmt(const Stmt* s, int level) {
  int lv = level + 1;
  std::vector<Field> f;
  auto body = [&](const std::vector<Stmt*>& v) { return stmts(v, lv); };
  switch (s->kind) {
    case StmtKind::FunctionDef:
    case StmtKind::AsyncFunctionDef: {
      auto* d = s->as<FunctionDef>();
      f = {{"name", scalar(str_repr(d->name))}, {"args", arguments(d->args, lv)},
           {"body", body(d->body)}, {"decorator_list", exprs(d->decorator_list, lv)}};
      OPT("returns", d->returns, expr(d->returns, lv));
      return node(d->is_async() ? "AsyncFunctionDef" : "FunctionDef", f, lv, s);
    }
    case StmtKind::ClassDef: {
      auto* c = s->as<ClassDef>();
      f = {{"name", scalar(str_repr(c->name))}, {"bases", exprs(c->bases, lv)},
           {"keywords", nodes(c->keywords, lv, [&](const Keyword* k, int l) { return keyword(k, l); })},
           {"body", body(c->body)}, {"decorator_list", exprs(c->decorator_list, lv)}};
      return node("ClassDef", f, lv, s);
    }
    case StmtKind::Return:
      OPT("value", s->as<Return>()->value, expr(s->as<Return>()->value, lv));
      return node("Return", f, lv, s);
    case StmtKind::Delete:
      f = {{"targets", exprs(s->as<Delete>()->targets, lv)}};
      return node("Delete", f, lv, s);
    case StmtKind::Assign: {
      auto* a = s->as<Assign>();
      f = {{"targets", exprs(a->targets, lv)}, {"value", expr(a->value, lv)}};
      return node("Assign", f, lv, s);
    }
    case StmtKind::AugAssign: {
      auto* a = s->as<AugAssign>();
      f = {{"target", expr(a->target, lv)}, {"op", leaf(operator_name(a->op))}, {"value", expr(a->value, lv)}};
      return node("AugAssign", f, lv, s);
    }
    case StmtKind::AnnAssign: {
      auto* a = s->as<AnnAssign>();
      f = {{"target", expr(a->target, lv)}, {"annotation", expr(a->annotation, lv)}};
      OPT("value", a->value, expr(a->value, lv));
      f.push_back({"simple", scalar(a->simple ? "1" : "0")});
      return node("AnnAssign", f, lv, s);
    }
    case StmtKind::For:
    case StmtKind::AsyncFor: {
      auto* x = s->as<For>();
      f = {{"target", expr(x->target, lv)}, {"iter", expr(x->iter, lv)}, {"body", body(x->body)},
           {"orelse", body(x->orelse)}};
      return node(s->kind == StmtKind::For ? "For" : "AsyncFor", f, lv, s);
    }
    case StmtKind::While: {
      auto* w = s->as<While>();
      f = {{"test", expr(w->test, lv)}, {"body", body(w->body)}, {"orelse", body(w->orelse)}};
      return node("While", f, lv, s);
    }
    case StmtKind::If: {
      auto* i = s->as<If>();
      f = {{"test", expr(i->test, lv)}, {"body", body(i->body)}, {"orelse", body(i->orelse)}};
      return node("If", f, lv, s);
    }
    case StmtKind::With:
    case StmtKind::AsyncWith: {
      auto* w = s->as<With>();
      f = {{"items", nodes(w->items, lv, [&](const WithItem* x, int l) { return withitem(x, l); })},
           {"body", body(w->body)}};
      return node(s->kind == StmtKind::With ? "With" : "AsyncWith", f, lv, s);
    }
    case StmtKind::Raise: {
      auto* r = s->as<Raise>();
      OPT("exc", r->exc, expr(r->exc, lv));
      OPT("cause", r->cause, expr(r->cause, lv));
      return node("Raise", f, lv, s);
    }
    case StmtKind::Try:
    case StmtKind::TryStar: {
      auto* t = s->as<Try>();
      f = {{"body", body(t->body)},
           {"handlers", nodes(t->handlers, lv, [&](const ExceptHandler* h, int l) { return handler(h, l); })},
           {"orelse", body(t->orelse)}, {"finalbody", body(t->finalbody)}};
      return node(s->kind == StmtKind::Try ? "Try" : "TryStar", f, lv, s);
    }
    case StmtKind::Assert: {
      auto* a = s->as<Assert>();
      f = {{"test", expr(a->test, lv)}};
      OPT("msg", a->msg, expr(a->msg, lv));
      return node("Assert", f, lv, s);
    }
    case StmtKind::Import:
      f = {{"names", nodes(s->as<Import>()->names, lv, [&](const Alias* a, int l) { return alias(a, l); })}};
      return node("Import", f, lv, s);
    case StmtKind::ImportFrom: {
      auto* i = s->as<ImportFrom>();
      if (!i->module.empty()) f.push_back({"module", scalar(str_repr(i->module))});
      f.push_back({"names", nodes(i->names, lv, [&](const Alias* a, int l) { return alias(a, l); })});
      f.push_back({"level", scalar(std::to_string(i->level))});
      return node("ImportFrom", f, lv, s);
    }
    case StmtKind::Global:
      f = {{"names", strs(s->as<Global>()->names, lv)}};
      return node("Global", f, lv, s);
    case StmtKind::Nonlocal:
      f = {{"names", strs(s->as<Nonlocal>()->names, lv)}};
      return node("Nonlocal", f, lv, s);
    case StmtKind::Expr:
      f = {{"value", expr(s->as<ExprStmt>()->value, lv)}};
      return node("Expr", f, lv, s);
    case StmtKind::Pass: return node("Pass", f, lv, s);
    case StmtKind::Break: return node("Break", f, lv, s);
    case StmtKind::Continue: return node("Continue", f, lv, s);
  }
  return scalar("None");
}

#undef OPT

}  // namespace

std::string dump(const ast::Module& module, Mode mode, bool include_attributes) {
  Dumper d(include_attributes);
  int lv = 1;
  std::vector<Dumper::Field> f;
  if (mode == Mode::Eval) {
    f.push_back({"body", module.expression ? d.expr(module.expression, lv) : Out{"None", true}});
    return d.node("Expression", f, lv, nullptr).text;
  }
  f.push_back({"body", d.stmts(module.body, lv)});
  if (mode == Mode::Single) return d.node("Interactive", f, lv, nullptr).text;
  f.push_back({"type_ignores", Out{"[]", true}});
  return d.node("Module", f, lv, nullptr).text;
}

}  // namespace coil::parser
