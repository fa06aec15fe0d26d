// symtable.cpp — which names are local, global, free or cells.
//
// SCOPES.  Python decides at compile time, for every name in every scope,
// where the name lives.  A module body, a class body, a function (def or
// lambda) and a comprehension each open a scope.  The pass runs in two
// phases, exactly as CPython's Python/symtable.c:
//
//  1. VISIT.  Walk the AST and, per scope, record what happens to each name:
//     assigned (DEF_LOCAL), a parameter, imported, read (USE), declared
//     `global` or `nonlocal`.  A name assigned anywhere in a function body
//     is local to the whole body — that is why `print(x); x = 1` raises
//     UnboundLocalError rather than reading a global.
//
//  2. ANALYZE.  Walk the scope tree top-down, carrying the set of names
//     bound by enclosing *functions* ("bound") and the explicit globals.
//     A name that a block uses but does not bind is FREE if an enclosing
//     function binds it, else GLOBAL_IMPLICIT (globals, then builtins).
//     Coming back up, the free names of the children are handed to the
//     parent: a parent local that a child needs becomes a CELL, and a name
//     the parent does not bind either is free in the parent too, so the cell
//     is threaded down through every intermediate function.
//
// HOW CELLS ARISE.  In
//       def outer():
//           x = 1
//           def inner(): return x
// `inner` uses x without binding it, and `outer` binds it, so x is FREE in
// inner and CELL in outer.  At run time outer's frame keeps x in a cell
// object; MAKE_FUNCTION gives inner a closure tuple holding that same cell,
// so inner sees later assignments to x (late binding).
//
// CLASSES ARE SPECIAL.  A class body's names are not visible to the
// methods defined in it (methods see the enclosing function's names or the
// globals), so a class block passes down the bindings of *its* parents, not
// its own.  The one exception is the implicit `__class__`: a method that
// mentions `super` or `__class__` makes `__class__` free in the method, and
// the class block answers for it by creating a `__class__` cell
// (needs_class_closure), which type.__new__ fills through `__classcell__`.
//
// COMPREHENSIONS are functions in 3.11: `[x*y for x in a]` runs in a scope
// named <listcomp> whose only parameter `.0` is the iterator of the first
// iterable, which is evaluated in the *enclosing* scope.  An assignment
// expression (walrus) inside a comprehension binds in the nearest enclosing
// function or module, not in the comprehension.
#include "vm/compiler/symtable.h"

#include <set>

namespace coil::compiler {

std::string mangle(const std::string& priv, const std::string& name) {
  if (priv.empty() || name.size() < 2 || name[0] != '_' || name[1] != '_') return name;
  size_t n = name.size();
  if ((name[n - 1] == '_' && name[n - 2] == '_') || name.find('.') != std::string::npos) return name;
  size_t i = 0;
  while (i < priv.size() && priv[i] == '_') ++i;
  if (i == priv.size()) return name;  // class named only with underscores
  return "_" + priv.substr(i) + name;
}

namespace {

using NameSet = std::set<std::string>;

Diagnostic error_at(const std::string& msg, const ast::Node* n) {
  Diagnostic d;
  d.msg = msg;
  if (n) {
    d.line = n->line;
    d.col = n->col;
    d.end_line = n->end_line;
    d.end_col = n->end_col;
  }
  return d;
}

// Thrown inside the pass only, caught in SymbolTable::build: the visitor
// is deeply recursive and an error ends the whole compilation.
struct SymtableError {
  Diagnostic diag;
};

[[noreturn]] void fail(const std::string& msg, const ast::Node* n) {
  throw SymtableError{error_at(msg, n)};
}

}  // namespace

// ---------------------------------------------------------------------------
// Phase 1: the visit.
// ---------------------------------------------------------------------------
class SymtableBuilder {
 public:
  explicit SymtableBuilder(SymbolTable* table) : t_(table) {}

  void run(const ast::Module& m) {
    enter(BlockType::Module, "top", &m, nullptr);
    if (m.expression) visit_expr(m.expression);
    for (auto* s : m.body) visit_stmt(s);
    leave();
  }

 private:
  SymbolTable* t_;
  std::vector<SymbolTableEntry*> stack_;
  SymbolTableEntry* cur_ = nullptr;
  std::string private_;   // the enclosing class name, for mangling

  // ---- blocks ----
  void enter(BlockType type, const std::string& name, const void* key, const ast::Node* pos) {
    auto e = std::make_unique<SymbolTableEntry>();
    e->name = name;
    e->type = type;
    e->key = key;
    e->line = pos ? pos->line : 0;
    SymbolTableEntry* prev = cur_;
    if (prev) {
      e->nested = prev->nested || prev->type == BlockType::Function;
      // bpo-37757: walrus is forbidden anywhere inside the first iterable,
      // even inside a lambda or a nested comprehension there.
      e->comp_iter_expr = prev->comp_iter_expr;
      prev->children.push_back(e.get());
    } else {
      t_->top_ = e.get();
    }
    cur_ = e.get();
    stack_.push_back(cur_);
    t_->by_key_[key] = cur_;
    t_->entries_.push_back(std::move(e));
  }
  void leave() {
    stack_.pop_back();
    cur_ = stack_.empty() ? nullptr : stack_.back();
  }

  // ---- recording names ----
  uint32_t lookup(const std::string& name) { return cur_->flags_of(mangle(private_, name)); }

  void add_def(const std::string& name, uint32_t flag, const ast::Node* pos) {
    add_def_in(cur_, name, flag, pos);
  }

  void add_def_in(SymbolTableEntry* ste, const std::string& name, uint32_t flag, const ast::Node* pos) {
    std::string m = mangle(private_, name);
    auto it = ste->symbols.find(m);
    uint32_t val = flag;
    if (it != ste->symbols.end()) {
      if ((flag & kDefParam) && (it->second.flags & kDefParam))
        fail("duplicate argument '" + name + "' in function definition", pos);
      val = it->second.flags | flag;
    }
    if (ste->comp_iter_target) {
      if (val & (kDefGlobal | kDefNonlocal))
        fail("comprehension inner loop cannot rebind assignment expression target '" + name + "'", pos);
      val |= kDefCompIter;
    }
    ste->symbols[m].flags = val;
    if (flag & kDefParam) ste->varnames.push_back(m);
  }

  void record_directive(const std::string& name, const ast::Node* n) {
    cur_->directives.emplace(mangle(private_, name), n);
  }

  // ---- statements ----
  void visit_body(const std::vector<ast::Stmt*>& body) {
    for (auto* s : body) visit_stmt(s);
  }

  void visit_stmt(const ast::Stmt* s) {
    using K = ast::StmtKind;
    switch (s->kind) {
      case K::FunctionDef:
      case K::AsyncFunctionDef: visit_function(s->as<ast::FunctionDef>()); break;
      case K::ClassDef: visit_class(s->as<ast::ClassDef>()); break;
      case K::Return: {
        auto* r = s->as<ast::Return>();
        if (r->value) {
          visit_expr(r->value);
          cur_->returns_value = true;
        }
        break;
      }
      case K::Delete:
        for (auto* e : s->as<ast::Delete>()->targets) visit_expr(e);
        break;
      case K::Assign: {
        auto* a = s->as<ast::Assign>();
        for (auto* e : a->targets) visit_expr(e);
        visit_expr(a->value);
        break;
      }
      case K::AugAssign: {
        auto* a = s->as<ast::AugAssign>();
        visit_expr(a->target);
        visit_expr(a->value);
        break;
      }
      case K::AnnAssign: visit_annassign(s->as<ast::AnnAssign>()); break;
      case K::For:
      case K::AsyncFor: {
        auto* f = s->as<ast::For>();
        visit_expr(f->target);
        visit_expr(f->iter);
        visit_body(f->body);
        visit_body(f->orelse);
        break;
      }
      case K::While: {
        auto* w = s->as<ast::While>();
        visit_expr(w->test);
        visit_body(w->body);
        visit_body(w->orelse);
        break;
      }
      case K::If: {
        auto* i = s->as<ast::If>();
        visit_expr(i->test);
        visit_body(i->body);
        visit_body(i->orelse);
        break;
      }
      case K::With:
      case K::AsyncWith:
        for (auto* item : s->as<ast::With>()->items) {
          visit_expr(item->context_expr);
          if (item->optional_vars) visit_expr(item->optional_vars);
        }
        visit_body(s->as<ast::With>()->body);
        break;
      case K::Raise: {
        auto* r = s->as<ast::Raise>();
        if (r->exc) visit_expr(r->exc);
        if (r->cause) visit_expr(r->cause);
        break;
      }
      case K::Try:
      case K::TryStar: {
        auto* t = s->as<ast::Try>();
        visit_body(t->body);
        visit_body(t->orelse);
        for (auto* h : t->handlers) {
          if (h->type) visit_expr(h->type);
          if (!h->name.empty()) add_def(h->name, kDefLocal, h);
          visit_body(h->body);
        }
        visit_body(t->finalbody);
        break;
      }
      case K::Assert: {
        auto* a = s->as<ast::Assert>();
        visit_expr(a->test);
        if (a->msg) visit_expr(a->msg);
        break;
      }
      case K::Import:
        for (auto* a : s->as<ast::Import>()->names) visit_alias(a);
        break;
      case K::ImportFrom:
        for (auto* a : s->as<ast::ImportFrom>()->names) visit_alias(a);
        break;
      case K::Global: visit_global(s, s->as<ast::Global>()->names, true); break;
      case K::Nonlocal: visit_global(s, s->as<ast::Nonlocal>()->names, false); break;
      case K::Expr: visit_expr(s->as<ast::ExprStmt>()->value); break;
      case K::Pass:
      case K::Break:
      case K::Continue: break;
    }
  }

  void visit_function(const ast::FunctionDef* f) {
    add_def(f->name, kDefLocal, f);
    // Defaults, annotations and decorators are evaluated where the def is.
    for (auto* e : f->args->defaults) visit_expr(e);
    for (auto* e : f->args->kw_defaults)
      if (e) visit_expr(e);
    visit_annotations(f->args, f->returns);
    for (auto* e : f->decorator_list) visit_expr(e);
    enter(BlockType::Function, f->name, f, f);
    if (f->is_async()) cur_->coroutine = true;
    visit_params(f->args);
    visit_body(f->body);
    leave();
  }

  void visit_class(const ast::ClassDef* c) {
    add_def(c->name, kDefLocal, c);
    for (auto* e : c->bases) visit_expr(e);
    for (auto* k : c->keywords) visit_expr(k->value);
    for (auto* e : c->decorator_list) visit_expr(e);
    enter(BlockType::Class, c->name, c, c);
    std::string saved = private_;
    private_ = c->name;
    visit_body(c->body);
    private_ = saved;
    leave();
  }

  void visit_annotations(const ast::Arguments* a, const ast::Expr* returns) {
    auto each = [&](const std::vector<ast::Arg*>& v) {
      for (auto* arg : v)
        if (arg->annotation) visit_expr(arg->annotation);
    };
    each(a->posonlyargs);
    each(a->args);
    if (a->vararg && a->vararg->annotation) visit_expr(a->vararg->annotation);
    if (a->kwarg && a->kwarg->annotation) visit_expr(a->kwarg->annotation);
    each(a->kwonlyargs);
    if (returns) visit_expr(returns);
  }

  // Parameters are recorded in the order of co_varnames: positional-only,
  // positional-or-keyword, keyword-only, then *args and **kwargs.
  void visit_params(const ast::Arguments* a) {
    for (auto* p : a->posonlyargs) add_def(p->arg, kDefParam, p);
    for (auto* p : a->args) add_def(p->arg, kDefParam, p);
    for (auto* p : a->kwonlyargs) add_def(p->arg, kDefParam, p);
    if (a->vararg) {
      add_def(a->vararg->arg, kDefParam, a->vararg);
      cur_->varargs = true;
    }
    if (a->kwarg) {
      add_def(a->kwarg->arg, kDefParam, a->kwarg);
      cur_->varkeywords = true;
    }
  }

  void visit_annassign(const ast::AnnAssign* s) {
    if (s->target->kind == ast::ExprKind::Name) {
      auto* n = s->target->as<ast::Name>();
      uint32_t cur = lookup(n->id);
      if ((cur & (kDefGlobal | kDefNonlocal)) && cur_->type != BlockType::Module && s->simple)
        fail("annotated name '" + n->id + ((cur & kDefGlobal) ? "' can't be global" : "' can't be nonlocal"), s);
      if (s->simple)
        add_def(n->id, kDefAnnot | kDefLocal, n);
      else if (s->value)
        add_def(n->id, kDefLocal, n);
    } else {
      visit_expr(s->target);
    }
    visit_expr(s->annotation);
    if (s->value) visit_expr(s->value);
  }

  void visit_alias(const ast::Alias* a) {
    const std::string& name = a->asname.empty() ? a->name : a->asname;
    if (name == "*") {
      if (cur_->type != BlockType::Module) fail("import * only allowed at module level", a);
      return;
    }
    size_t dot = name.find('.');
    add_def(dot == std::string::npos ? name : name.substr(0, dot), kDefImport, a);
  }

  void visit_global(const ast::Stmt* s, const std::vector<std::string>& names, bool is_global) {
    const char* kind = is_global ? "global" : "nonlocal";
    for (const auto& name : names) {
      uint32_t cur = lookup(name);
      if (cur & (kDefParam | kDefLocal | kUse | kDefAnnot)) {
        std::string msg = "name '" + name + "' ";
        if (cur & kDefParam) msg += std::string("is parameter and ") + kind;
        else if (cur & kUse) msg += std::string("is used prior to ") + kind + " declaration";
        else if (cur & kDefAnnot) msg = "annotated name '" + name + "' can't be " + kind;
        else msg += std::string("is assigned to before ") + kind + " declaration";
        fail(msg, s);
      }
      add_def(name, is_global ? kDefGlobal : kDefNonlocal, s);
      record_directive(name, s);
    }
  }

  // ---- expressions ----
  void visit_exprs(const std::vector<ast::Expr*>& v) {
    for (auto* e : v)
      if (e) visit_expr(e);
  }

  void visit_expr(const ast::Expr* e) {
    using K = ast::ExprKind;
    switch (e->kind) {
      case K::BoolOp: visit_exprs(e->as<ast::BoolOp>()->values); break;
      case K::NamedExpr: visit_namedexpr(e->as<ast::NamedExpr>()); break;
      case K::BinOp:
        visit_expr(e->as<ast::BinOp>()->left);
        visit_expr(e->as<ast::BinOp>()->right);
        break;
      case K::UnaryOp: visit_expr(e->as<ast::UnaryOp>()->operand); break;
      case K::Lambda: {
        auto* l = e->as<ast::Lambda>();
        for (auto* d : l->args->defaults) visit_expr(d);
        for (auto* d : l->args->kw_defaults)
          if (d) visit_expr(d);
        enter(BlockType::Function, "lambda", l, l);
        visit_params(l->args);
        visit_expr(l->body);
        leave();
        break;
      }
      case K::IfExp: {
        auto* i = e->as<ast::IfExp>();
        visit_expr(i->test);
        visit_expr(i->body);
        visit_expr(i->orelse);
        break;
      }
      case K::Dict:
        visit_exprs(e->as<ast::Dict>()->keys);
        visit_exprs(e->as<ast::Dict>()->values);
        break;
      case K::Set: visit_exprs(e->as<ast::Set>()->elts); break;
      case K::ListComp: {
        auto* c = e->as<ast::ListComp>();
        visit_comprehension(e, "listcomp", c->generators, c->elt, nullptr, ComprehensionKind::List);
        break;
      }
      case K::SetComp: {
        auto* c = e->as<ast::SetComp>();
        visit_comprehension(e, "setcomp", c->generators, c->elt, nullptr, ComprehensionKind::Set);
        break;
      }
      case K::DictComp: {
        auto* c = e->as<ast::DictComp>();
        visit_comprehension(e, "dictcomp", c->generators, c->key, c->value, ComprehensionKind::Dict);
        break;
      }
      case K::GeneratorExp: {
        auto* c = e->as<ast::GeneratorExp>();
        visit_comprehension(e, "genexpr", c->generators, c->elt, nullptr, ComprehensionKind::Generator);
        break;
      }
      case K::Await:
        visit_expr(e->as<ast::Await>()->value);
        cur_->coroutine = true;
        break;
      case K::Yield:
        if (e->as<ast::Yield>()->value) visit_expr(e->as<ast::Yield>()->value);
        note_yield(e);
        break;
      case K::YieldFrom:
        visit_expr(e->as<ast::YieldFrom>()->value);
        note_yield(e);
        break;
      case K::Compare:
        visit_expr(e->as<ast::Compare>()->left);
        visit_exprs(e->as<ast::Compare>()->comparators);
        break;
      case K::Call: {
        auto* c = e->as<ast::Call>();
        visit_expr(c->func);
        visit_exprs(c->args);
        for (auto* k : c->keywords) visit_expr(k->value);
        break;
      }
      case K::FormattedValue: {
        auto* f = e->as<ast::FormattedValue>();
        visit_expr(f->value);
        if (f->format_spec) visit_expr(f->format_spec);
        break;
      }
      case K::JoinedStr: visit_exprs(e->as<ast::JoinedStr>()->values); break;
      case K::Constant: break;
      case K::Attribute: visit_expr(e->as<ast::Attribute>()->value); break;
      case K::Subscript:
        visit_expr(e->as<ast::Subscript>()->value);
        visit_expr(e->as<ast::Subscript>()->slice);
        break;
      case K::Starred: visit_expr(e->as<ast::Starred>()->value); break;
      case K::Slice: {
        auto* s = e->as<ast::Slice>();
        if (s->lower) visit_expr(s->lower);
        if (s->upper) visit_expr(s->upper);
        if (s->step) visit_expr(s->step);
        break;
      }
      case K::Name: {
        auto* n = e->as<ast::Name>();
        add_def(n->id, n->ctx == ast::ExprContext::Load ? kUse : kDefLocal, n);
        // `super()` needs the __class__ cell: treat it as a use of __class__.
        if (n->ctx == ast::ExprContext::Load && cur_->type == BlockType::Function && n->id == "super")
          add_def("__class__", kUse, n);
        break;
      }
      case K::List: visit_exprs(e->as<ast::List>()->elts); break;
      case K::Tuple: visit_exprs(e->as<ast::Tuple>()->elts); break;
    }
  }

  void note_yield(const ast::Expr* e) {
    cur_->generator = true;
    switch (cur_->comprehension) {
      case ComprehensionKind::None: return;
      case ComprehensionKind::List: fail("'yield' inside list comprehension", e);
      case ComprehensionKind::Set: fail("'yield' inside set comprehension", e);
      case ComprehensionKind::Dict: fail("'yield' inside dict comprehension", e);
      case ComprehensionKind::Generator: fail("'yield' inside generator expression", e);
    }
  }

  void visit_comprehension(const ast::Expr* e, const std::string& name,
                           const std::vector<ast::Comprehension*>& gens, const ast::Expr* elt,
                           const ast::Expr* value, ComprehensionKind kind) {
    bool is_generator = kind == ComprehensionKind::Generator;
    const ast::Comprehension* outermost = gens[0];
    // The first iterable is evaluated in the enclosing scope.
    cur_->comp_iter_expr++;
    visit_expr(outermost->iter);
    cur_->comp_iter_expr--;
    enter(BlockType::Function, name, e, e);
    cur_->comprehension = kind;
    if (outermost->is_async) cur_->coroutine = true;
    add_def(".0", kDefParam, e);   // the iterator arrives as argument `.0`
    cur_->comp_iter_target = true;
    visit_expr(outermost->target);
    cur_->comp_iter_target = false;
    visit_exprs(outermost->ifs);
    for (size_t i = 1; i < gens.size(); ++i) {
      const ast::Comprehension* g = gens[i];
      cur_->comp_iter_target = true;
      visit_expr(g->target);
      cur_->comp_iter_target = false;
      cur_->comp_iter_expr++;
      visit_expr(g->iter);
      cur_->comp_iter_expr--;
      visit_exprs(g->ifs);
      if (g->is_async) cur_->coroutine = true;
    }
    if (value) visit_expr(value);
    visit_expr(elt);
    cur_->generator = is_generator;
    bool is_async = cur_->coroutine && !is_generator;
    leave();
    // An async list/set/dict comprehension is awaited where it appears.
    if (is_async) cur_->coroutine = true;
  }

  void visit_namedexpr(const ast::NamedExpr* e) {
    if (cur_->comp_iter_expr > 0)
      fail("assignment expression cannot be used in a comprehension iterable expression", e);
    if (cur_->comprehension != ComprehensionKind::None) extend_namedexpr_scope(e->target);
    visit_expr(e->value);
    visit_expr(e->target);
  }

  // A walrus inside a comprehension binds in the nearest enclosing function
  // (as nonlocal) or module (as global); the comprehension sees it as free.
  void extend_namedexpr_scope(const ast::Expr* target) {
    const std::string& name = target->as<ast::Name>()->id;
    for (size_t i = stack_.size(); i-- > 0;) {
      SymbolTableEntry* ste = stack_[i];
      if (ste->comprehension != ComprehensionKind::None) {
        if (ste->flags_of(name) & kDefCompIter)
          fail("assignment expression cannot rebind comprehension iteration variable '" + name + "'", target);
        continue;
      }
      if (ste->type == BlockType::Function) {
        add_def(name, (ste->flags_of(name) & kDefGlobal) ? kDefGlobal : kDefNonlocal, target);
        record_directive(name, target);
        add_def_in(ste, name, kDefLocal, target);
        return;
      }
      if (ste->type == BlockType::Module) {
        add_def(name, kDefGlobal, target);
        record_directive(name, target);
        add_def_in(ste, name, kDefGlobal, target);
        return;
      }
      fail("assignment expression within a comprehension cannot be used in a class body", target);
    }
  }
};

// ---------------------------------------------------------------------------
// Phase 2: the analysis (CPython's analyze_block and friends).
// ---------------------------------------------------------------------------
namespace {

const ast::Node* directive(SymbolTableEntry* ste, const std::string& name) {
  auto it = ste->directives.find(name);
  return it == ste->directives.end() ? nullptr : it->second;
}

// Decides the scope of one name.  `bound` is null for the module.
void analyze_name(SymbolTableEntry* ste, std::map<std::string, Scope>& scopes, const std::string& name,
                  uint32_t flags, const NameSet* bound, NameSet& local, NameSet& free, NameSet& global) {
  if (flags & kDefGlobal) {
    if (flags & kDefNonlocal) fail("name '" + name + "' is nonlocal and global", directive(ste, name));
    scopes[name] = Scope::GlobalExplicit;
    global.insert(name);
    return;
  }
  if (flags & kDefNonlocal) {
    if (!bound) fail("nonlocal declaration not allowed at module level", directive(ste, name));
    if (!bound->count(name)) fail("no binding for nonlocal '" + name + "' found", directive(ste, name));
    scopes[name] = Scope::Free;
    ste->free = true;
    free.insert(name);
    return;
  }
  if (flags & kDefBound) {
    scopes[name] = Scope::Local;
    local.insert(name);
    global.erase(name);
    return;
  }
  // Used but not bound here: free if an enclosing function binds it.
  if (bound && bound->count(name)) {
    scopes[name] = Scope::Free;
    ste->free = true;
    free.insert(name);
    return;
  }
  if (ste->nested) ste->free = true;
  scopes[name] = Scope::GlobalImplicit;
}

void analyze_block(SymbolTableEntry* ste, const NameSet* bound, NameSet& free, NameSet& global);

void analyze_child_block(SymbolTableEntry* child, const NameSet& bound, const NameSet& free,
                         const NameSet& global, NameSet& child_free) {
  // Each child gets its own copies: siblings must not see each other's names.
  NameSet temp_bound = bound, temp_free = free, temp_global = global;
  analyze_block(child, &temp_bound, temp_free, temp_global);
  child_free.insert(temp_free.begin(), temp_free.end());
}

void analyze_block(SymbolTableEntry* ste, const NameSet* bound, NameSet& free, NameSet& global) {
  std::map<std::string, Scope> scopes;
  NameSet local, newbound, newglobal, newfree;
  bool is_class = ste->type == BlockType::Class;
  // A class's own bindings are invisible to its methods, so what it passes
  // down is fixed before its names are analyzed.
  if (is_class) {
    newglobal = global;
    if (bound) newbound = *bound;
  }
  for (auto& [name, sym] : ste->symbols) analyze_name(ste, scopes, name, sym.flags, bound, local, free, global);
  if (!is_class) {
    if (ste->type == BlockType::Function) newbound.insert(local.begin(), local.end());
    if (bound) newbound.insert(bound->begin(), bound->end());
    newglobal.insert(global.begin(), global.end());
  } else {
    newbound.insert("__class__");
  }

  NameSet allfree;
  for (SymbolTableEntry* child : ste->children) {
    analyze_child_block(child, newbound, newfree, newglobal, allfree);
    if (child->free || child->child_free) ste->child_free = true;
  }
  newfree.insert(allfree.begin(), allfree.end());

  if (ste->type == BlockType::Function) {
    // A local that a child needs becomes a cell.
    for (auto& [name, scope] : scopes) {
      if (scope == Scope::Local && newfree.count(name)) {
        scope = Scope::Cell;
        newfree.erase(name);
      }
    }
  } else if (is_class) {
    if (newfree.erase("__class__")) ste->needs_class_closure = true;
  }

  // Record the results.
  for (auto& [name, sym] : ste->symbols) {
    auto it = scopes.find(name);
    if (it != scopes.end()) sym.scope = it->second;
  }
  // Free names of children that this block does not bind pass through it.
  for (const auto& name : newfree) {
    auto it = ste->symbols.find(name);
    if (it != ste->symbols.end()) {
      // A method's free variable that the class also binds: the class
      // needs it in its closure too (DEF_FREE_CLASS).
      if (is_class && (it->second.flags & (kDefBound | kDefGlobal))) it->second.flags |= kDefFreeClass;
      continue;
    }
    if (bound && !bound->count(name)) continue;  // it's a global
    Symbol s;
    s.scope = Scope::Free;
    ste->symbols[name] = s;
  }
  free.insert(newfree.begin(), newfree.end());
}

}  // namespace

bool SymbolTable::build(const ast::Module& module, Diagnostic* err) {
  try {
    SymtableBuilder(this).run(module);
    NameSet free, global;
    analyze_block(top_, nullptr, free, global);
  } catch (const SymtableError& e) {
    if (err) *err = e.diag;
    return false;
  }
  return true;
}

}  // namespace coil::compiler
