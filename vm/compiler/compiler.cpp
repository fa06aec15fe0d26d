// compiler.cpp — code generation: AST to CodeUnit.
//
// This follows CPython 3.11's Python/compile.c closely, function for
// function, so that its comments and the `dis` output of CPython are a
// useful companion.  The pipeline for one code object ("unit") is:
//
//   1. The symbol table (symtable.cpp) has already decided the scope of
//      every name, so compile_nameop() can pick LOAD_FAST / LOAD_DEREF /
//      LOAD_GLOBAL / LOAD_NAME.
//   2. compile_<node>() appends instructions to the current BASIC BLOCK.
//      Control flow is expressed with blocks as labels: `new_block()`
//      makes a label, `use_block(b)` places it (code emitted next goes
//      there), and jumps name their target block.  After any jump or
//      return a fresh block starts, so a block is always straight-line code.
//   3. Exception handling is written with the pseudo-instructions of ir.h:
//      SETUP_FINALLY/SETUP_CLEANUP/SETUP_WITH L ... POP_BLOCK bracket the
//      instructions protected by handler L.  No instruction is executed
//      for them: the assembler converts them into the exception table.
//   4. The FRAME-BLOCK STACK (`fblocks`) remembers the statements we are
//      inside (loops, try/finally, with, except handlers).  `break`,
//      `continue` and `return` walk it outwards and emit, inline, whatever
//      each enclosing block needs to run on the way out: pop a for-loop's
//      iterator, run a `finally:` body, call a with-statement's
//      __exit__(None, None, None), leave an except handler.  That is how a
//      `return` inside `with open(...)` closes the file.
//   5. assemble() (assembler.cpp) lays the blocks out, computes the stack
//      depth and the exception table, and resolves jumps.
//
// Errors (SyntaxErrors detected here, like "'break' outside loop") are
// thrown as CompileError inside this file and caught in compile(): the
// generator is deeply recursive and an error aborts the whole compilation.
#include "vm/compiler/compiler.h"

#include <algorithm>
#include <cassert>
#include <optional>
#include <unordered_map>

#include "vm/compiler/constfold.h"
#include "vm/compiler/ir.h"
#include "vm/compiler/symtable.h"

namespace coil::compiler {

namespace {

using vm::Opcode;
using ast::ExprContext;

struct CompileError {
  Diagnostic diag;
};

// CPython keeps the value stack of one expression below this many items by
// switching to incremental building (BUILD_LIST 0 + LIST_APPEND ...).
constexpr size_t kStackUseGuideline = 30;
constexpr size_t kMaxStaticBlocks = 20;  // CO_MAXBLOCKS

enum class ScopeType { Module, Class, Function, AsyncFunction, Lambda, Comprehension };

enum class FBlockKind {
  WhileLoop, ForLoop, TryExcept, FinallyTry, FinallyEnd, With, AsyncWith,
  HandlerCleanup, PopValue, ExceptionHandler, ExceptionGroupHandler,
  AsyncComprehensionGenerator,
};

// One entry of the frame-block stack (CPython's fblockinfo).
struct FBlock {
  FBlockKind kind;
  BasicBlock* block = nullptr;   // loops: where `continue` goes
  BasicBlock* exit = nullptr;    // loops: where `break` goes
  const std::vector<ast::Stmt*>* finalbody = nullptr;  // FinallyTry
  const ast::Stmt* with = nullptr;                      // With, AsyncWith
  const std::string* name = nullptr;                    // HandlerCleanup: `except E as name`
};

enum class CompKind { List, Set, Dict, Generator };

// Everything about the code object being generated.
struct Unit {
  SymbolTableEntry* ste = nullptr;
  ScopeType scope = ScopeType::Module;
  std::shared_ptr<CodeUnit> code;
  std::unordered_map<std::string, int> const_index, name_index, varname_index;
  // Cell variables: slot in localsplus terms (a parameter cell is Plain).
  std::unordered_map<std::string, std::pair<ArgKind, int>> cells;
  std::unordered_map<std::string, int> free_index;
  std::string private_name;     // enclosing class name, for mangling
  std::vector<std::unique_ptr<BasicBlock>> blocks;
  std::vector<BasicBlock*> layout;
  BasicBlock* cur = nullptr;
  std::vector<FBlock> fblocks;
  Position loc;                 // position given to emitted instructions
};

Position position_of(const ast::Node* n) { return Position{n->line, n->col, n->end_line, n->end_col}; }

bool is_unconditional_exit(int op) {
  return op == kJump || op == static_cast<int>(Opcode::JUMP_FORWARD) ||
         op == static_cast<int>(Opcode::JUMP_BACKWARD) || op == static_cast<int>(Opcode::RETURN_VALUE) ||
         op == static_cast<int>(Opcode::RAISE_VARARGS) || op == static_cast<int>(Opcode::RERAISE);
}

bool ends_block(int op) {
  return op == kJump || (op < 256 && (vm::opcode_is_jump(static_cast<Opcode>(op)) ||
                                      vm::opcode_is_terminal(static_cast<Opcode>(op))));
}

uint32_t binary_op_arg(ast::OperatorKind op) {
  // runtime::BinaryOp order (CPython's NB_* order).
  switch (op) {
    case ast::OperatorKind::Add: return 0;
    case ast::OperatorKind::BitAnd: return 1;
    case ast::OperatorKind::FloorDiv: return 2;
    case ast::OperatorKind::LShift: return 3;
    case ast::OperatorKind::MatMult: return 4;
    case ast::OperatorKind::Mult: return 5;
    case ast::OperatorKind::Mod: return 6;
    case ast::OperatorKind::BitOr: return 7;
    case ast::OperatorKind::Pow: return 8;
    case ast::OperatorKind::RShift: return 9;
    case ast::OperatorKind::Sub: return 10;
    case ast::OperatorKind::Div: return 11;
    case ast::OperatorKind::BitXor: return 12;
  }
  return 0;
}
constexpr uint32_t kInplace = 13;

const ast::Constant* docstring_of(const std::vector<ast::Stmt*>& body) {
  if (body.empty() || body[0]->kind != ast::StmtKind::Expr) return nullptr;
  const ast::Expr* v = body[0]->as<ast::ExprStmt>()->value;
  if (v->kind != ast::ExprKind::Constant) return nullptr;
  const auto* c = v->as<ast::Constant>();
  return c->value_kind == ast::ConstKind::Str ? c : nullptr;
}

// Does a module or class body contain an annotated assignment (so that it
// needs SETUP_ANNOTATIONS)?  Nested defs and classes don't count.
bool find_ann(const std::vector<ast::Stmt*>& body) {
  using K = ast::StmtKind;
  for (const ast::Stmt* s : body) {
    switch (s->kind) {
      case K::AnnAssign: return true;
      case K::For:
      case K::AsyncFor:
        if (find_ann(s->as<ast::For>()->body) || find_ann(s->as<ast::For>()->orelse)) return true;
        break;
      case K::While:
        if (find_ann(s->as<ast::While>()->body) || find_ann(s->as<ast::While>()->orelse)) return true;
        break;
      case K::If:
        if (find_ann(s->as<ast::If>()->body) || find_ann(s->as<ast::If>()->orelse)) return true;
        break;
      case K::With:
      case K::AsyncWith:
        if (find_ann(s->as<ast::With>()->body)) return true;
        break;
      case K::Try:
      case K::TryStar: {
        auto* t = s->as<ast::Try>();
        for (auto* h : t->handlers)
          if (find_ann(h->body)) return true;
        if (find_ann(t->body) || find_ann(t->finalbody) || find_ann(t->orelse)) return true;
        break;
      }
      default: break;
    }
  }
  return false;
}

Constant str_constant(std::string s) {
  Constant c;
  c.kind = Constant::Kind::Str;
  c.text = std::move(s);
  return c;
}

Constant none_constant() { return Constant{}; }

Constant int_constant(long v) {
  Constant c;
  c.kind = Constant::Kind::Int;
  c.text = std::to_string(v);
  return c;
}

}  // namespace

// ---------------------------------------------------------------------------
class Codegen {
 public:
  Codegen(SymbolTable& st, std::string_view filename, parser::Mode mode)
      : st_(st), filename_(filename), mode_(mode) {}

  std::shared_ptr<CodeUnit> compile_module(const ast::Module& m);

 private:
  SymbolTable& st_;
  std::string filename_;
  parser::Mode mode_;
  std::vector<std::unique_ptr<Unit>> units_;
  Unit* u_ = nullptr;
  // The `from __future__ import ...` statements at the top of the module,
  // the only place they are allowed.
  std::vector<const ast::Stmt*> future_imports_;

  void check_future_imports(const std::vector<ast::Stmt*>& body);

  // =========================================================================
  // Errors and positions
  // =========================================================================
  [[noreturn]] void error(const std::string& msg) {
    Diagnostic d;
    d.msg = msg;
    d.line = u_->loc.line;
    d.col = u_->loc.col;
    d.end_line = u_->loc.end_line;
    d.end_col = u_->loc.end_col;
    throw CompileError{d};
  }
  void set_loc(const ast::Node* n) { u_->loc = position_of(n); }
  void unset_loc() { u_->loc = Position{}; }

  // Restores the location when a sub-expression is done, as CPython's
  // compiler_visit_expr does.
  struct LocGuard {
    Codegen* c;
    Position saved;
    explicit LocGuard(Codegen* cg) : c(cg), saved(cg->u_->loc) {}
    ~LocGuard() { c->u_->loc = saved; }
  };

  // =========================================================================
  // Blocks and emission
  // =========================================================================
  BasicBlock* new_block() {
    u_->blocks.push_back(std::make_unique<BasicBlock>());
    return u_->blocks.back().get();
  }
  void use_block(BasicBlock* b) {
    assert(!b->used);
    b->used = true;
    u_->layout.push_back(b);
    u_->cur = b;
  }
  void add(int op, uint32_t arg = 0, BasicBlock* target = nullptr, ArgKind kind = ArgKind::Plain) {
    IRInstr i;
    i.op = op;
    i.arg = arg;
    i.target = target;
    i.pos = u_->loc;
    i.argkind = kind;
    u_->cur->instrs.push_back(i);
    // A block is straight-line code: anything after a jump or an exit
    // starts a new one (unreachable if the exit was unconditional).
    if (ends_block(op)) {
      BasicBlock* next = new_block();
      next->dead_start = is_unconditional_exit(op);
      use_block(next);
    }
  }
  void emit(Opcode op, uint32_t arg = 0) { add(static_cast<int>(op), arg); }
  void emit_jump(Opcode op, BasicBlock* target) { add(static_cast<int>(op), 0, target); }
  void emit_jump(PseudoOp op, BasicBlock* target) { add(op, 0, target); }
  void emit_pop_block() { add(kPopBlock); }

  int add_const(const Constant& c) {
    std::string key = constant_key(c);
    auto it = u_->const_index.find(key);
    if (it != u_->const_index.end()) return it->second;
    int i = static_cast<int>(u_->code->consts.size());
    u_->code->consts.push_back(c);
    u_->const_index.emplace(std::move(key), i);
    return i;
  }
  void emit_const(const Constant& c) { emit(Opcode::LOAD_CONST, add_const(c)); }
  void emit_none() { emit_const(none_constant()); }

  int add_name(const std::string& name) {
    auto it = u_->name_index.find(name);
    if (it != u_->name_index.end()) return it->second;
    int i = static_cast<int>(u_->code->names.size());
    u_->code->names.push_back(name);
    u_->name_index.emplace(name, i);
    return i;
  }
  // ADDOP_NAME: attribute and import names are mangled too.
  void emit_name(Opcode op, const std::string& name) { emit(op, add_name(mangle(u_->private_name, name))); }

  int add_varname(const std::string& name) {
    auto it = u_->varname_index.find(name);
    if (it != u_->varname_index.end()) return it->second;
    int i = static_cast<int>(u_->code->varnames.size());
    u_->code->varnames.push_back(name);
    u_->varname_index.emplace(name, i);
    return i;
  }

  // =========================================================================
  // Units (one per code object)
  // =========================================================================
  void enter_scope(const std::string& name, ScopeType scope, const void* key, int firstlineno,
                   const ast::Node* pos);
  std::shared_ptr<CodeUnit> exit_scope(bool add_none);
  std::string make_qualname(const std::string& name, ScopeType scope) const;
  uint32_t compute_flags() const;

  // =========================================================================
  // Frame blocks
  // =========================================================================
  void push_fblock(FBlock fb) {
    if (u_->fblocks.size() >= kMaxStaticBlocks) error("too many statically nested blocks");
    u_->fblocks.push_back(fb);
  }
  void pop_fblock() { u_->fblocks.pop_back(); }
  void unwind_fblock(const FBlock& fb, bool preserve_tos);
  FBlock* unwind_fblock_stack(bool preserve_tos, bool stop_at_loop);

  // =========================================================================
  // Statements
  // =========================================================================
  void compile_body(const std::vector<ast::Stmt*>& body);   // module/class body
  void compile_stmts(const std::vector<ast::Stmt*>& body) {
    for (auto* s : body) compile_stmt(s);
  }
  void compile_stmt(const ast::Stmt* s);
  void compile_function(const ast::FunctionDef* s);
  void compile_class(const ast::ClassDef* s);
  void compile_return(const ast::Return* s);
  void compile_delete(const ast::Delete* s);
  void compile_assign(const ast::Assign* s);
  void compile_augassign(const ast::AugAssign* s);
  void compile_annassign(const ast::AnnAssign* s);
  void compile_for(const ast::For* s);
  void compile_async_for(const ast::For* s);
  void compile_while(const ast::While* s);
  void compile_if(const ast::If* s);
  void compile_with(const ast::With* s, size_t pos);
  void compile_async_with(const ast::With* s, size_t pos);
  void compile_raise(const ast::Raise* s);
  void compile_try(const ast::Try* s);
  void compile_try_except(const ast::Try* s);
  void compile_try_finally(const ast::Try* s, bool star);
  void compile_try_star(const ast::Try* s);
  void compile_try_star_except(const ast::Try* s);
  void compile_assert(const ast::Assert* s);
  void compile_import(const ast::Import* s);
  void compile_import_from(const ast::ImportFrom* s);
  void compile_expr_stmt(const ast::ExprStmt* s);
  void compile_break();
  void compile_continue();
  void call_exit_with_nones();
  void with_except_finish(BasicBlock* cleanup);
  void pop_except_and_reraise();

  // =========================================================================
  // Expressions
  // =========================================================================
  void compile_expr(const ast::Expr* e);
  void compile_expr_inner(const ast::Expr* e);
  void compile_nameop(const std::string& name, ExprContext ctx);
  void compile_boolop(const ast::BoolOp* e);
  void compile_compare(const ast::Compare* e);
  void compile_comparison_op(ast::CmpOpKind op);
  void compile_comparator(const ast::Compare* e, size_t i);
  void compile_jump_if(const ast::Expr* e, BasicBlock* next, bool cond);
  void compile_ifexp(const ast::IfExp* e);
  void compile_lambda(const ast::Lambda* e);
  void compile_dict(const ast::Dict* e);
  void compile_subdict(const ast::Dict* e, size_t begin, size_t end);
  void compile_call(const ast::Call* e);
  bool maybe_optimize_method_call(const ast::Call* e);
  void validate_keywords(const std::vector<ast::Keyword*>& kws);
  void call_helper(int n, const std::vector<ast::Expr*>& args, const std::vector<ast::Keyword*>& kws);
  void call_simple_kw_helper(const std::vector<ast::Keyword*>& kws);
  void compile_subkwargs(const std::vector<ast::Keyword*>& kws, size_t begin, size_t end);
  void starunpack_helper(const std::vector<ast::Expr*>& elts, int pushed, Opcode build, Opcode add,
                         Opcode extend, bool tuple);
  void unpack_helper(const std::vector<ast::Expr*>& elts);
  void assignment_helper(const std::vector<ast::Expr*>& elts);
  void compile_sequence(const std::vector<ast::Expr*>& elts, ExprContext ctx, bool is_tuple);
  void compile_attribute(const ast::Attribute* e);
  void compile_subscript(const ast::Subscript* e);
  void compile_slice(const ast::Slice* e);
  void compile_joined_str(const ast::JoinedStr* e);
  void compile_formatted_value(const ast::FormattedValue* e);
  void compile_comprehension(const ast::Expr* e, CompKind kind, const std::string& name,
                             const std::vector<ast::Comprehension*>& gens, const ast::Expr* elt,
                             const ast::Expr* val);
  void comprehension_generator(const std::vector<ast::Comprehension*>& gens, size_t index, int depth,
                               const ast::Expr* elt, const ast::Expr* val, CompKind kind);
  void sync_comprehension_generator(const std::vector<ast::Comprehension*>& gens, size_t index, int depth,
                                    const ast::Expr* elt, const ast::Expr* val, CompKind kind);
  void async_comprehension_generator(const std::vector<ast::Comprehension*>& gens, size_t index, int depth,
                                     const ast::Expr* elt, const ast::Expr* val, CompKind kind);
  void comprehension_element(const ast::Expr* elt, const ast::Expr* val, CompKind kind, int depth);
  void add_yield_from(bool await);
  void emit_yield();

  // =========================================================================
  // Functions and closures
  // =========================================================================
  uint32_t default_arguments(const ast::Arguments* args);
  bool visit_annotations(const ast::Arguments* args, const ast::Expr* returns);
  void make_closure(const std::shared_ptr<CodeUnit>& code, uint32_t flags);
  void apply_decorators(const std::vector<ast::Expr*>& decos);
  void emit_deref(Opcode op, const std::string& mangled, Scope scope);
};

// ===========================================================================
// Units
// ===========================================================================

// compiler_set_qualname: `f.<locals>.g` for a function inside a function,
// `C.m` for a method; a function declared `global` in its parent gets a
// plain name.
std::string Codegen::make_qualname(const std::string& name, ScopeType scope) const {
  if (units_.size() <= 1) return name;   // parent is the module
  const Unit* parent = u_;
  if (scope == ScopeType::Function || scope == ScopeType::AsyncFunction || scope == ScopeType::Class) {
    std::string mangled = mangle(parent->private_name, name);
    if (parent->ste->scope_of(mangled) == Scope::GlobalExplicit) return name;
  }
  if (parent->scope == ScopeType::Function || parent->scope == ScopeType::AsyncFunction ||
      parent->scope == ScopeType::Lambda)
    return parent->code->qualname + ".<locals>." + name;
  return parent->code->qualname + "." + name;
}

void Codegen::enter_scope(const std::string& name, ScopeType scope, const void* key, int firstlineno,
                          const ast::Node* pos) {
  auto unit = std::make_unique<Unit>();
  unit->ste = st_.lookup(key);
  assert(unit->ste);
  unit->scope = scope;
  unit->code = std::make_shared<CodeUnit>();
  unit->code->name = name;
  unit->code->filename = filename_;
  unit->code->firstlineno = firstlineno;
  if (u_) {
    unit->code->qualname = make_qualname(name, scope);
    unit->private_name = u_->private_name;   // inherited; a class sets its own
  } else {
    unit->code->qualname = name;
  }
  if (scope == ScopeType::Class) unit->private_name = name;

  CodeUnit& code = *unit->code;
  SymbolTableEntry* ste = unit->ste;
  for (const auto& v : ste->varnames) {
    unit->varname_index.emplace(v, static_cast<int>(code.varnames.size()));
    code.varnames.push_back(v);
  }
  // Cells, sorted by name (ste->symbols is ordered), as CPython.  A cell
  // that is also a parameter keeps its parameter slot.
  for (const auto& [sym, info] : ste->symbols) {
    if (info.scope != Scope::Cell) continue;
    auto p = unit->varname_index.find(sym);
    if (p != unit->varname_index.end()) {
      code.cell_args.push_back(p->second);
      unit->cells[sym] = {ArgKind::Plain, p->second};
    } else {
      unit->cells[sym] = {ArgKind::Cell, static_cast<int>(code.cellvars.size())};
      code.cellvars.push_back(sym);
    }
  }
  if (scope == ScopeType::Class && ste->needs_class_closure) {
    unit->cells["__class__"] = {ArgKind::Cell, static_cast<int>(code.cellvars.size())};
    code.cellvars.push_back("__class__");
  }
  for (const auto& [sym, info] : ste->symbols) {
    if (info.scope == Scope::Free || (info.flags & kDefFreeClass)) {
      unit->free_index[sym] = static_cast<int>(code.freevars.size());
      code.freevars.push_back(sym);
    }
  }

  units_.push_back(std::move(unit));
  u_ = units_.back().get();
  use_block(new_block());
  if (pos) set_loc(pos);
  // A generator's frame is created suspended: RETURN_GENERATOR hands the
  // generator object back to the caller, and the first send()'s value
  // (None) is dropped by the POP_TOP when the frame first resumes.
  if (ste->type == BlockType::Function && (ste->generator || ste->coroutine)) {
    Position saved = u_->loc;
    u_->loc = Position{firstlineno, pos ? pos->col : 0, firstlineno, pos ? pos->end_col : 0};
    if (pos) u_->loc.end_line = pos->end_line;
    emit(Opcode::RETURN_GENERATOR);
    emit(Opcode::POP_TOP);
    u_->loc = saved;
  }
}

uint32_t Codegen::compute_flags() const {
  const SymbolTableEntry* ste = u_->ste;
  uint32_t flags = 0;
  if (ste->type == BlockType::Function) {
    flags |= vm::CO_NEWLOCALS | vm::CO_OPTIMIZED;
    if (ste->nested) flags |= vm::CO_NESTED;
    if (ste->generator && !ste->coroutine) flags |= vm::CO_GENERATOR;
    if (!ste->generator && ste->coroutine) flags |= vm::CO_COROUTINE;
    if (ste->generator && ste->coroutine) flags |= vm::CO_ASYNC_GENERATOR;
    if (ste->varargs) flags |= vm::CO_VARARGS;
    if (ste->varkeywords) flags |= vm::CO_VARKEYWORDS;
  }
  return flags;
}

std::shared_ptr<CodeUnit> Codegen::exit_scope(bool add_none) {
  // Falling off the end returns None (unless the last block is dead code
  // that follows a return).
  if (!(u_->cur->instrs.empty() && u_->cur->dead_start)) {
    unset_loc();
    if (add_none) emit_none();
    emit(Opcode::RETURN_VALUE);
  }
  std::shared_ptr<CodeUnit> code = u_->code;
  code->flags = compute_flags();
  Diagnostic err;
  if (!assemble(u_->layout, code.get(), &err)) throw CompileError{err};
  units_.pop_back();
  u_ = units_.empty() ? nullptr : units_.back().get();
  return code;
}

// ===========================================================================
// Module
// ===========================================================================
// Future statements must come first (after the docstring); their features
// must exist.  coil accepts all of them; `annotations` (PEP 563) is
// accepted but annotations are still evaluated.
void Codegen::check_future_imports(const std::vector<ast::Stmt*>& body) {
  static const char* const kFeatures[] = {"nested_scopes", "generators", "division", "absolute_import",
                                          "with_statement", "print_function", "unicode_literals",
                                          "barry_as_FLUFL", "generator_stop", "annotations"};
  size_t i = docstring_of(body) ? 1 : 0;
  for (; i < body.size(); ++i) {
    const ast::Stmt* s = body[i];
    if (s->kind != ast::StmtKind::ImportFrom || s->as<ast::ImportFrom>()->module != "__future__") break;
    future_imports_.push_back(s);
    for (const ast::Alias* a : s->as<ast::ImportFrom>()->names) {
      bool known = std::any_of(std::begin(kFeatures), std::end(kFeatures),
                               [&](const char* f) { return a->name == f; });
      if (known) continue;
      u_->loc = Position{s->line, s->col, 0, 0};
      error(a->name == "braces" ? std::string("not a chance") : "future feature " + a->name + " is not defined");
    }
  }
}

std::shared_ptr<CodeUnit> Codegen::compile_module(const ast::Module& m) {
  enter_scope("<module>", ScopeType::Module, &m, 1, nullptr);
  check_future_imports(m.body);
  switch (mode_) {
    case parser::Mode::Exec:
      compile_body(m.body);
      return exit_scope(true);
    case parser::Mode::Single:
      if (find_ann(m.body)) emit(Opcode::SETUP_ANNOTATIONS);
      compile_stmts(m.body);
      return exit_scope(true);
    case parser::Mode::Eval:
      if (m.expression) {
        set_loc(m.expression);
        compile_expr(m.expression);
        emit(Opcode::RETURN_VALUE);
      }
      return exit_scope(true);
  }
  return nullptr;
}

// A module or class body: __annotations__ if needed, the docstring into
// __doc__, then the statements.
void Codegen::compile_body(const std::vector<ast::Stmt*>& body) {
  if (u_->scope == ScopeType::Module && !body.empty()) set_loc(body[0]);
  if (find_ann(body)) emit(Opcode::SETUP_ANNOTATIONS);
  size_t i = 0;
  if (const ast::Constant* doc = docstring_of(body)) {
    i = 1;
    set_loc(body[0]);
    compile_expr(doc);
    unset_loc();
    compile_nameop("__doc__", ExprContext::Store);
  }
  for (; i < body.size(); ++i) compile_stmt(body[i]);
}

// ===========================================================================
// Statements
// ===========================================================================
void Codegen::compile_stmt(const ast::Stmt* s) {
  using K = ast::StmtKind;
  set_loc(s);
  switch (s->kind) {
    case K::FunctionDef:
    case K::AsyncFunctionDef: compile_function(s->as<ast::FunctionDef>()); break;
    case K::ClassDef: compile_class(s->as<ast::ClassDef>()); break;
    case K::Return: compile_return(s->as<ast::Return>()); break;
    case K::Delete: compile_delete(s->as<ast::Delete>()); break;
    case K::Assign: compile_assign(s->as<ast::Assign>()); break;
    case K::AugAssign: compile_augassign(s->as<ast::AugAssign>()); break;
    case K::AnnAssign: compile_annassign(s->as<ast::AnnAssign>()); break;
    case K::For: compile_for(s->as<ast::For>()); break;
    case K::AsyncFor: compile_async_for(s->as<ast::For>()); break;
    case K::While: compile_while(s->as<ast::While>()); break;
    case K::If: compile_if(s->as<ast::If>()); break;
    case K::With: compile_with(s->as<ast::With>(), 0); break;
    case K::AsyncWith: compile_async_with(s->as<ast::With>(), 0); break;
    case K::Raise: compile_raise(s->as<ast::Raise>()); break;
    case K::Try: compile_try(s->as<ast::Try>()); break;
    case K::TryStar: compile_try_star(s->as<ast::Try>()); break;
    case K::Assert: compile_assert(s->as<ast::Assert>()); break;
    case K::Import: compile_import(s->as<ast::Import>()); break;
    case K::ImportFrom: compile_import_from(s->as<ast::ImportFrom>()); break;
    case K::Global:
    case K::Nonlocal: break;   // declarations only: the symbol table used them
    case K::Expr: compile_expr_stmt(s->as<ast::ExprStmt>()); break;
    case K::Pass: break;
    case K::Break: compile_break(); break;
    case K::Continue: compile_continue(); break;
  }
}

void Codegen::compile_expr_stmt(const ast::ExprStmt* s) {
  // The REPL prints the value of a top-level expression statement.
  if (mode_ == parser::Mode::Single && units_.size() == 1) {
    compile_expr(s->value);
    emit(Opcode::PRINT_EXPR);
    return;
  }
  if (s->value->kind == ast::ExprKind::Constant) return;  // a lone constant does nothing
  compile_expr(s->value);
  unset_loc();
  emit(Opcode::POP_TOP);
}

// ---- def -----------------------------------------------------------------
void Codegen::compile_function(const ast::FunctionDef* s) {
  for (auto* d : s->decorator_list) compile_expr(d);
  int firstlineno = s->decorator_list.empty() ? s->line : s->decorator_list[0]->line;
  uint32_t flags = default_arguments(s->args);
  if (visit_annotations(s->args, s->returns)) flags |= 0x04;

  enter_scope(s->name, s->is_async() ? ScopeType::AsyncFunction : ScopeType::Function, s, firstlineno, s);
  // consts[0] of a function is its docstring, or None.
  const ast::Constant* doc = docstring_of(s->body);
  add_const(doc ? str_constant(doc->text) : none_constant());
  u_->code->has_docstring = doc != nullptr;
  u_->code->argcount = static_cast<int>(s->args->posonlyargs.size() + s->args->args.size());
  u_->code->posonlyargcount = static_cast<int>(s->args->posonlyargs.size());
  u_->code->kwonlyargcount = static_cast<int>(s->args->kwonlyargs.size());
  for (size_t i = doc ? 1 : 0; i < s->body.size(); ++i) compile_stmt(s->body[i]);
  auto code = exit_scope(true);

  set_loc(s);
  make_closure(code, flags);
  apply_decorators(s->decorator_list);
  set_loc(s);
  compile_nameop(s->name, ExprContext::Store);
}

// Decorators were evaluated before the function; each is now applied,
// innermost first.  CALL 0 with [decorator, function] on the stack calls
// decorator(function): the calling convention treats the function as the
// `self` slot.
void Codegen::apply_decorators(const std::vector<ast::Expr*>& decos) {
  for (size_t i = decos.size(); i-- > 0;) {
    set_loc(decos[i]);
    emit(Opcode::CALL, 0);
  }
}

// Positional defaults as a tuple, keyword-only defaults as a dict.
uint32_t Codegen::default_arguments(const ast::Arguments* args) {
  uint32_t flags = 0;
  if (!args->defaults.empty()) {
    std::vector<Constant> folded;
    for (auto* d : args->defaults) {
      auto c = fold_constant(d);
      if (!c) break;
      folded.push_back(*c);
    }
    if (folded.size() == args->defaults.size()) {
      Constant t;
      t.kind = Constant::Kind::Tuple;
      t.items = std::move(folded);
      emit_const(t);
    } else {
      for (auto* d : args->defaults) compile_expr(d);
      emit(Opcode::BUILD_TUPLE, static_cast<uint32_t>(args->defaults.size()));
    }
    flags |= 0x01;
  }
  uint32_t nkw = 0;
  for (size_t i = 0; i < args->kwonlyargs.size(); ++i) {
    const ast::Expr* d = i < args->kw_defaults.size() ? args->kw_defaults[i] : nullptr;
    if (!d) continue;
    emit_const(str_constant(mangle(u_->private_name, args->kwonlyargs[i]->arg)));
    compile_expr(d);
    ++nkw;
  }
  if (nkw) {
    emit(Opcode::BUILD_MAP, nkw);
    flags |= 0x02;
  }
  return flags;
}

// Annotations become a flat tuple (name1, value1, name2, value2, ...), as
// 3.11's MAKE_FUNCTION expects; the VM turns it into __annotations__.
bool Codegen::visit_annotations(const ast::Arguments* args, const ast::Expr* returns) {
  uint32_t n = 0;
  auto one = [&](const std::string& name, const ast::Expr* ann) {
    if (!ann) return;
    emit_const(str_constant(mangle(u_->private_name, name)));
    compile_expr(ann);
    n += 2;
  };
  for (auto* a : args->args) one(a->arg, a->annotation);
  for (auto* a : args->posonlyargs) one(a->arg, a->annotation);
  if (args->vararg) one(args->vararg->arg, args->vararg->annotation);
  for (auto* a : args->kwonlyargs) one(a->arg, a->annotation);
  if (args->kwarg) one(args->kwarg->arg, args->kwarg->annotation);
  one("return", returns);
  if (n) emit(Opcode::BUILD_TUPLE, n);
  return n != 0;
}

// Pushes the function object for `code`: its closure tuple holds the cells
// of this unit (or this unit's own free variables) that the new function
// uses as free variables.
void Codegen::make_closure(const std::shared_ptr<CodeUnit>& code, uint32_t flags) {
  if (!code->freevars.empty()) {
    for (const auto& name : code->freevars) {
      // A class's __class__ is always its own cell; otherwise a name that is
      // a cell here comes from `cells`, anything else is passed through
      // from our own closure.
      bool is_cell = (u_->scope == ScopeType::Class && name == "__class__") ||
                     u_->ste->scope_of(name) == Scope::Cell;
      if (is_cell) {
        auto [kind, slot] = u_->cells.at(name);
        add(static_cast<int>(Opcode::LOAD_CLOSURE), slot, nullptr, kind);
      } else {
        auto it = u_->free_index.find(name);
        if (it == u_->free_index.end()) error("internal compiler error: no closure cell for '" + name + "'");
        add(static_cast<int>(Opcode::LOAD_CLOSURE), it->second, nullptr, ArgKind::Free);
      }
    }
    emit(Opcode::BUILD_TUPLE, static_cast<uint32_t>(code->freevars.size()));
    flags |= 0x08;
  }
  Constant c;
  c.kind = Constant::Kind::Code;
  c.code = code;
  emit_const(c);
  emit(Opcode::MAKE_FUNCTION, flags);
}

// ---- class ---------------------------------------------------------------
void Codegen::compile_class(const ast::ClassDef* s) {
  for (auto* d : s->decorator_list) compile_expr(d);
  int firstlineno = s->decorator_list.empty() ? s->line : s->decorator_list[0]->line;

  // 1. The body becomes a code object run by __build_class__ with the class
  //    namespace as its locals.
  enter_scope(s->name, ScopeType::Class, s, firstlineno, s);
  compile_nameop("__name__", ExprContext::Load);
  compile_nameop("__module__", ExprContext::Store);
  emit_const(str_constant(u_->code->qualname));
  compile_nameop("__qualname__", ExprContext::Store);
  compile_body(s->body);
  unset_loc();
  // Return the __class__ cell (also stored as __classcell__ so that
  // type.__new__ can fill it), or None.
  if (u_->ste->needs_class_closure) {
    auto [kind, slot] = u_->cells.at("__class__");
    add(static_cast<int>(Opcode::LOAD_CLOSURE), slot, nullptr, kind);
    emit(Opcode::COPY, 1);
    emit(Opcode::STORE_NAME, add_name("__classcell__"));
  } else {
    emit_none();
  }
  emit(Opcode::RETURN_VALUE);
  auto code = exit_scope(true);

  // 2. __build_class__(func, name, *bases, **keywords)
  set_loc(s);
  emit(Opcode::PUSH_NULL);
  emit(Opcode::LOAD_BUILD_CLASS);
  make_closure(code, 0);
  emit_const(str_constant(s->name));
  call_helper(2, s->bases, s->keywords);
  apply_decorators(s->decorator_list);
  set_loc(s);
  compile_nameop(s->name, ExprContext::Store);
}

// ---- return / break / continue ---------------------------------------------
void Codegen::compile_return(const ast::Return* s) {
  if (u_->ste->type != BlockType::Function) error("'return' outside function");
  if (s->value && u_->ste->coroutine && u_->ste->generator) error("'return' with value in async generator");
  std::optional<Constant> value_const;
  if (s->value) value_const = fold_constant(s->value);
  // The value is computed before unwinding (finally bodies run after it),
  // and kept on the stack across the unwinding code unless it's a constant.
  bool preserve_tos = s->value && !value_const;
  if (preserve_tos) compile_expr(s->value);
  unwind_fblock_stack(preserve_tos, false);
  set_loc(s);
  if (!s->value) emit_none();
  else if (!preserve_tos) emit_const(*value_const);
  emit(Opcode::RETURN_VALUE);
}

void Codegen::compile_break() {
  FBlock* loop = unwind_fblock_stack(false, true);
  if (!loop) error("'break' outside loop");
  FBlock copy = *loop;
  unwind_fblock(copy, false);
  emit_jump(kJump, copy.exit);
}

void Codegen::compile_continue() {
  FBlock* loop = unwind_fblock_stack(false, true);
  if (!loop) error("'continue' not properly in loop");
  emit_jump(kJump, loop->block);
}

// Emits the code that leaving `fb` early requires (compiler_unwind_fblock).
// preserve_tos: a return value sits on top of the stack and must survive.
void Codegen::unwind_fblock(const FBlock& fb, bool preserve_tos) {
  switch (fb.kind) {
    case FBlockKind::WhileLoop:
    case FBlockKind::ExceptionHandler:
    case FBlockKind::ExceptionGroupHandler:
    case FBlockKind::AsyncComprehensionGenerator:
      return;
    case FBlockKind::ForLoop:
      if (preserve_tos) emit(Opcode::SWAP, 2);
      emit(Opcode::POP_TOP);   // the iterator
      return;
    case FBlockKind::TryExcept:
      emit_pop_block();
      return;
    case FBlockKind::FinallyTry: {
      emit_pop_block();
      if (preserve_tos) push_fblock(FBlock{FBlockKind::PopValue});
      // The finally body, inline.
      Position saved = u_->loc;
      compile_stmts(*fb.finalbody);
      u_->loc = saved;
      if (preserve_tos) pop_fblock();
      unset_loc();
      return;
    }
    case FBlockKind::FinallyEnd:
      if (preserve_tos) emit(Opcode::SWAP, 2);
      emit(Opcode::POP_TOP);   // exc_value
      if (preserve_tos) emit(Opcode::SWAP, 2);
      emit_pop_block();
      emit(Opcode::POP_EXCEPT);
      return;
    case FBlockKind::With:
    case FBlockKind::AsyncWith:
      set_loc(fb.with);
      emit_pop_block();
      if (preserve_tos) emit(Opcode::SWAP, 2);
      call_exit_with_nones();
      if (fb.kind == FBlockKind::AsyncWith) {
        emit(Opcode::GET_AWAITABLE, 2);
        emit_none();
        add_yield_from(true);
      }
      emit(Opcode::POP_TOP);
      unset_loc();
      return;
    case FBlockKind::HandlerCleanup:
      if (fb.name) emit_pop_block();
      if (preserve_tos) emit(Opcode::SWAP, 2);
      emit_pop_block();
      emit(Opcode::POP_EXCEPT);
      if (fb.name) {
        emit_none();
        compile_nameop(*fb.name, ExprContext::Store);
        compile_nameop(*fb.name, ExprContext::Del);
      }
      return;
    case FBlockKind::PopValue:
      if (preserve_tos) emit(Opcode::SWAP, 2);
      emit(Opcode::POP_TOP);
      return;
  }
}

// Unwinds the whole frame-block stack (for return) or up to the innermost
// loop (for break/continue, which then returns that loop).  Blocks are
// popped while their unwinding code is emitted, so that a `return` inside a
// finally body re-emitted here sees the right enclosing blocks.
FBlock* Codegen::unwind_fblock_stack(bool preserve_tos, bool stop_at_loop) {
  if (u_->fblocks.empty()) return nullptr;
  FBlock& top = u_->fblocks.back();
  if (top.kind == FBlockKind::ExceptionGroupHandler)
    error("'break', 'continue' and 'return' cannot appear in an except* block");
  if (stop_at_loop && (top.kind == FBlockKind::WhileLoop || top.kind == FBlockKind::ForLoop)) return &top;
  FBlock copy = top;
  u_->fblocks.pop_back();
  unwind_fblock(copy, preserve_tos);
  FBlock* loop = unwind_fblock_stack(preserve_tos, stop_at_loop);
  u_->fblocks.push_back(copy);
  return loop;
}

// ---- assignment ----------------------------------------------------------
void Codegen::compile_delete(const ast::Delete* s) {
  for (auto* t : s->targets) compile_expr(t);
}

void Codegen::compile_assign(const ast::Assign* s) {
  compile_expr(s->value);
  for (size_t i = 0; i < s->targets.size(); ++i) {
    if (i + 1 < s->targets.size()) emit(Opcode::COPY, 1);
    compile_expr(s->targets[i]);
  }
}

// x op= v evaluates x's container and key once: COPY keeps them for the
// store, SWAP brings the result under them.
void Codegen::compile_augassign(const ast::AugAssign* s) {
  const ast::Expr* e = s->target;
  set_loc(e);
  switch (e->kind) {
    case ast::ExprKind::Attribute: {
      auto* a = e->as<ast::Attribute>();
      compile_expr(a->value);
      emit(Opcode::COPY, 1);
      emit_name(Opcode::LOAD_ATTR, a->attr);
      break;
    }
    case ast::ExprKind::Subscript: {
      auto* sub = e->as<ast::Subscript>();
      compile_expr(sub->value);
      compile_expr(sub->slice);
      emit(Opcode::COPY, 2);
      emit(Opcode::COPY, 2);
      emit(Opcode::BINARY_SUBSCR);
      break;
    }
    case ast::ExprKind::Name: compile_nameop(e->as<ast::Name>()->id, ExprContext::Load); break;
    default: error("invalid node type for augmented assignment");
  }
  set_loc(s);
  compile_expr(s->value);
  emit(Opcode::BINARY_OP, binary_op_arg(s->op) + kInplace);
  set_loc(e);
  switch (e->kind) {
    case ast::ExprKind::Attribute:
      emit(Opcode::SWAP, 2);
      emit_name(Opcode::STORE_ATTR, e->as<ast::Attribute>()->attr);
      break;
    case ast::ExprKind::Subscript:
      emit(Opcode::SWAP, 3);
      emit(Opcode::SWAP, 2);
      emit(Opcode::STORE_SUBSCR);
      break;
    default: compile_nameop(e->as<ast::Name>()->id, ExprContext::Store); break;
  }
}

void Codegen::compile_annassign(const ast::AnnAssign* s) {
  const ast::Expr* target = s->target;
  if (s->value) {
    compile_expr(s->value);
    compile_expr(target);
  }
  bool module_or_class = u_->scope == ScopeType::Module || u_->scope == ScopeType::Class;
  switch (target->kind) {
    case ast::ExprKind::Name: {
      const std::string& id = target->as<ast::Name>()->id;
      if (id == "__debug__") error("cannot assign to __debug__");
      // A simple name at module or class level: __annotations__[name] = ann
      if (s->simple && module_or_class) {
        compile_expr(s->annotation);
        emit(Opcode::LOAD_NAME, add_name("__annotations__"));
        emit_const(str_constant(mangle(u_->private_name, id)));
        emit(Opcode::STORE_SUBSCR);
      }
      break;
    }
    case ast::ExprKind::Attribute:
      if (!s->value) {
        compile_expr(target->as<ast::Attribute>()->value);
        emit(Opcode::POP_TOP);
      }
      break;
    case ast::ExprKind::Subscript:
      if (!s->value) {
        compile_expr(target->as<ast::Subscript>()->value);
        emit(Opcode::POP_TOP);
        compile_expr(target->as<ast::Subscript>()->slice);
        emit(Opcode::POP_TOP);
      }
      break;
    default: error("invalid node type for annotated assignment");
  }
  // Other annotations are evaluated (and dropped) only in modules and
  // classes; function-local annotations are never evaluated.
  if (!s->simple && module_or_class) {
    compile_expr(s->annotation);
    emit(Opcode::POP_TOP);
  }
}

// ---- loops ---------------------------------------------------------------
//   <iter>; GET_ITER
//   start:  FOR_ITER cleanup ; <target> ; <body> ; JUMP_BACKWARD start
//   cleanup: <orelse>
//   end:
void Codegen::compile_for(const ast::For* s) {
  BasicBlock* start = new_block();
  BasicBlock* body = new_block();
  BasicBlock* cleanup = new_block();
  BasicBlock* end = new_block();
  push_fblock(FBlock{FBlockKind::ForLoop, start, end});
  // `for x in [1, 2, 3]` iterates over a constant tuple instead.
  if (auto folded = fold_iterable(s->iter)) {
    LocGuard g(this);
    set_loc(s->iter);
    emit_const(*folded);
  } else {
    compile_expr(s->iter);
  }
  emit(Opcode::GET_ITER);
  use_block(start);
  emit_jump(Opcode::FOR_ITER, cleanup);
  use_block(body);
  compile_expr(s->target);
  compile_stmts(s->body);
  unset_loc();
  emit_jump(kJump, start);
  use_block(cleanup);
  pop_fblock();
  compile_stmts(s->orelse);
  use_block(end);
}

void Codegen::compile_async_for(const ast::For* s) {
  if (u_->scope != ScopeType::AsyncFunction) error("'async for' outside async function");
  BasicBlock* start = new_block();
  BasicBlock* except = new_block();
  BasicBlock* end = new_block();
  compile_expr(s->iter);
  emit(Opcode::GET_AITER);
  use_block(start);
  push_fblock(FBlock{FBlockKind::ForLoop, start, end});
  // StopAsyncIteration from __anext__ ends the loop: END_ASYNC_FOR.
  emit_jump(kSetupFinally, except);
  emit(Opcode::GET_ANEXT);
  emit_none();
  add_yield_from(true);
  emit_pop_block();
  compile_expr(s->target);
  compile_stmts(s->body);
  unset_loc();
  emit_jump(kJump, start);
  pop_fblock();
  use_block(except);
  set_loc(s->iter);
  emit(Opcode::END_ASYNC_FOR);
  compile_stmts(s->orelse);
  use_block(end);
}

//   loop: <jump to anchor if not test> ; <body> ; JUMP_BACKWARD loop
//   anchor: <orelse>
//   end:
// (CPython 3.11 duplicates the test at the bottom; a single backward
// unconditional jump keeps every iteration passing the eval breaker.)
void Codegen::compile_while(const ast::While* s) {
  BasicBlock* loop = new_block();
  BasicBlock* body = new_block();
  BasicBlock* anchor = new_block();
  BasicBlock* end = new_block();
  use_block(loop);
  push_fblock(FBlock{FBlockKind::WhileLoop, loop, end});
  compile_jump_if(s->test, anchor, false);
  use_block(body);
  compile_stmts(s->body);
  unset_loc();
  emit_jump(kJump, loop);
  pop_fblock();
  use_block(anchor);
  compile_stmts(s->orelse);
  use_block(end);
}

void Codegen::compile_if(const ast::If* s) {
  BasicBlock* end = new_block();
  BasicBlock* next = s->orelse.empty() ? end : new_block();
  compile_jump_if(s->test, next, false);
  compile_stmts(s->body);
  if (!s->orelse.empty()) {
    unset_loc();
    emit_jump(kJump, end);
    use_block(next);
    compile_stmts(s->orelse);
  }
  use_block(end);
}

// ---- with ----------------------------------------------------------------
//   <expr>; BEFORE_WITH            [exit, enter_result]
//   SETUP_WITH final
//   <store or pop enter_result>; <body>
//   POP_BLOCK
//   exit(None, None, None); POP_TOP; JUMP exit_label
//   final:  SETUP_CLEANUP cleanup; PUSH_EXC_INFO; WITH_EXCEPT_START
//           POP_JUMP_IF_TRUE suppress; RERAISE 2
//   cleanup: COPY 3; POP_EXCEPT; RERAISE 1
//   suppress: POP_TOP; POP_BLOCK; POP_EXCEPT; POP_TOP; POP_TOP
void Codegen::compile_with(const ast::With* s, size_t pos) {
  const ast::WithItem* item = s->items[pos];
  BasicBlock* body = new_block();
  BasicBlock* final = new_block();
  BasicBlock* exit = new_block();
  BasicBlock* cleanup = new_block();
  compile_expr(item->context_expr);
  emit(Opcode::BEFORE_WITH);
  emit_jump(kSetupWith, final);
  use_block(body);
  push_fblock(FBlock{FBlockKind::With, body, final, nullptr, s});
  if (item->optional_vars) compile_expr(item->optional_vars);
  else emit(Opcode::POP_TOP);
  if (pos + 1 == s->items.size()) compile_stmts(s->body);
  else compile_with(s, pos + 1);
  unset_loc();
  emit_pop_block();
  pop_fblock();
  set_loc(s);
  call_exit_with_nones();
  emit(Opcode::POP_TOP);
  emit_jump(kJump, exit);
  use_block(final);
  emit_jump(kSetupCleanup, cleanup);
  emit(Opcode::PUSH_EXC_INFO);
  emit(Opcode::WITH_EXCEPT_START);
  with_except_finish(cleanup);
  use_block(exit);
}

void Codegen::compile_async_with(const ast::With* s, size_t pos) {
  if (u_->scope != ScopeType::AsyncFunction) error("'async with' outside async function");
  const ast::WithItem* item = s->items[pos];
  BasicBlock* block = new_block();
  BasicBlock* final = new_block();
  BasicBlock* exit = new_block();
  BasicBlock* cleanup = new_block();
  compile_expr(item->context_expr);
  emit(Opcode::BEFORE_ASYNC_WITH);
  emit(Opcode::GET_AWAITABLE, 1);
  emit_none();
  add_yield_from(true);
  emit_jump(kSetupWith, final);
  use_block(block);
  push_fblock(FBlock{FBlockKind::AsyncWith, block, final, nullptr, s});
  if (item->optional_vars) compile_expr(item->optional_vars);
  else emit(Opcode::POP_TOP);
  if (pos + 1 == s->items.size()) compile_stmts(s->body);
  else compile_async_with(s, pos + 1);
  pop_fblock();
  emit_pop_block();
  set_loc(s);
  call_exit_with_nones();
  emit(Opcode::GET_AWAITABLE, 2);
  emit_none();
  add_yield_from(true);
  emit(Opcode::POP_TOP);
  emit_jump(kJump, exit);
  use_block(final);
  emit_jump(kSetupCleanup, cleanup);
  emit(Opcode::PUSH_EXC_INFO);
  emit(Opcode::WITH_EXCEPT_START);
  emit(Opcode::GET_AWAITABLE, 2);
  emit_none();
  add_yield_from(true);
  with_except_finish(cleanup);
  use_block(exit);
}

// [exit] -> [exit, None, None, None]; CALL 2 calls exit(None, None, None)
// (exit sits in the callable slot, the first None in the self slot).
void Codegen::call_exit_with_nones() {
  emit_none();
  emit_none();
  emit_none();
  emit(Opcode::CALL, 2);
}

void Codegen::with_except_finish(BasicBlock* cleanup) {
  unset_loc();
  BasicBlock* exit = new_block();
  emit_jump(Opcode::POP_JUMP_IF_TRUE, exit);
  emit(Opcode::RERAISE, 2);
  use_block(cleanup);
  pop_except_and_reraise();
  use_block(exit);
  emit(Opcode::POP_TOP);   // exc_value
  emit_pop_block();
  emit(Opcode::POP_EXCEPT);
  emit(Opcode::POP_TOP);
  emit(Opcode::POP_TOP);
}

// The handler of a handler: restore the previously handled exception and
// re-raise the new one with its original lasti.
void Codegen::pop_except_and_reraise() {
  emit(Opcode::COPY, 3);
  emit(Opcode::POP_EXCEPT);
  emit(Opcode::RERAISE, 1);
}

// ---- raise / assert ------------------------------------------------------
void Codegen::compile_raise(const ast::Raise* s) {
  uint32_t n = 0;
  if (s->exc) {
    compile_expr(s->exc);
    ++n;
    if (s->cause) {
      compile_expr(s->cause);
      ++n;
    }
  }
  emit(Opcode::RAISE_VARARGS, n);
}

void Codegen::compile_assert(const ast::Assert* s) {
  BasicBlock* end = new_block();
  compile_jump_if(s->test, end, true);
  emit(Opcode::LOAD_ASSERTION_ERROR);
  if (s->msg) {
    compile_expr(s->msg);
    emit(Opcode::CALL, 0);   // AssertionError(msg), via the self slot
  }
  emit(Opcode::RAISE_VARARGS, 1);
  use_block(end);
}

// ---- try -----------------------------------------------------------------
void Codegen::compile_try(const ast::Try* s) {
  if (!s->finalbody.empty()) compile_try_finally(s, false);
  else compile_try_except(s);
}

//   SETUP_FINALLY end ; <body> ; POP_BLOCK ; <finalbody> ; JUMP exit
//   end:     SETUP_CLEANUP cleanup ; PUSH_EXC_INFO ; <finalbody> ; RERAISE 0
//   cleanup: COPY 3 ; POP_EXCEPT ; RERAISE 1
//   exit:
// `star`: the protected part is try/except* (compile_try_star_except).
void Codegen::compile_try_finally(const ast::Try* s, bool star) {
  BasicBlock* body = new_block();
  BasicBlock* end = new_block();
  BasicBlock* exit = new_block();
  BasicBlock* cleanup = new_block();
  emit_jump(kSetupFinally, end);
  use_block(body);
  push_fblock(FBlock{FBlockKind::FinallyTry, body, end, &s->finalbody});
  if (s->handlers.empty()) compile_stmts(s->body);
  else if (star) compile_try_star_except(s);
  else compile_try_except(s);
  unset_loc();
  emit_pop_block();
  pop_fblock();
  compile_stmts(s->finalbody);
  unset_loc();
  emit_jump(kJump, exit);

  use_block(end);
  emit_jump(kSetupCleanup, cleanup);
  emit(Opcode::PUSH_EXC_INFO);
  push_fblock(FBlock{FBlockKind::FinallyEnd, end});
  compile_stmts(s->finalbody);
  pop_fblock();
  unset_loc();
  emit(Opcode::RERAISE, 0);
  use_block(cleanup);
  pop_except_and_reraise();
  use_block(exit);
}

//   SETUP_FINALLY except ; <body> ; POP_BLOCK ; <orelse> ; JUMP end
//   except:  SETUP_CLEANUP cleanup ; PUSH_EXC_INFO      [prev_exc, exc]
//     for each handler:
//       <type> ; CHECK_EXC_MATCH ; POP_JUMP_IF_FALSE next_handler
//       STORE name / POP_TOP ; <handler body> ; POP_BLOCK ; POP_EXCEPT ; JUMP end
//     RERAISE 0           (nothing matched)
//   cleanup: COPY 3 ; POP_EXCEPT ; RERAISE 1
//   end:
void Codegen::compile_try_except(const ast::Try* s) {
  BasicBlock* body = new_block();
  BasicBlock* except = new_block();
  BasicBlock* end = new_block();
  BasicBlock* cleanup = new_block();
  emit_jump(kSetupFinally, except);
  use_block(body);
  push_fblock(FBlock{FBlockKind::TryExcept, body});
  compile_stmts(s->body);
  pop_fblock();
  unset_loc();
  emit_pop_block();
  compile_stmts(s->orelse);
  unset_loc();
  emit_jump(kJump, end);

  use_block(except);
  unset_loc();
  emit_jump(kSetupCleanup, cleanup);
  emit(Opcode::PUSH_EXC_INFO);
  push_fblock(FBlock{FBlockKind::ExceptionHandler});
  for (size_t i = 0; i < s->handlers.size(); ++i) {
    const ast::ExceptHandler* h = s->handlers[i];
    set_loc(h);
    if (!h->type && i + 1 < s->handlers.size()) error("default 'except:' must be last");
    BasicBlock* next_handler = new_block();
    if (h->type) {
      compile_expr(h->type);
      emit(Opcode::CHECK_EXC_MATCH);
      emit_jump(Opcode::POP_JUMP_IF_FALSE, next_handler);
    }
    if (!h->name.empty()) {
      // except E as name:  body runs inside try/finally that deletes name
      BasicBlock* cleanup_end = new_block();
      BasicBlock* cleanup_body = new_block();
      compile_nameop(h->name, ExprContext::Store);
      emit_jump(kSetupCleanup, cleanup_end);
      use_block(cleanup_body);
      push_fblock(FBlock{FBlockKind::HandlerCleanup, cleanup_body, nullptr, nullptr, nullptr, &h->name});
      compile_stmts(h->body);
      pop_fblock();
      unset_loc();
      emit_pop_block();
      emit_pop_block();
      emit(Opcode::POP_EXCEPT);
      emit_none();
      compile_nameop(h->name, ExprContext::Store);
      compile_nameop(h->name, ExprContext::Del);
      emit_jump(kJump, end);
      // An exception inside the handler body: still delete name.
      use_block(cleanup_end);
      unset_loc();
      emit_none();
      compile_nameop(h->name, ExprContext::Store);
      compile_nameop(h->name, ExprContext::Del);
      emit(Opcode::RERAISE, 1);
    } else {
      BasicBlock* cleanup_body = new_block();
      emit(Opcode::POP_TOP);   // exc_value
      use_block(cleanup_body);
      push_fblock(FBlock{FBlockKind::HandlerCleanup, cleanup_body});
      compile_stmts(h->body);
      pop_fblock();
      unset_loc();
      emit_pop_block();
      emit(Opcode::POP_EXCEPT);
      emit_jump(kJump, end);
    }
    use_block(next_handler);
  }
  unset_loc();
  pop_fblock();
  emit(Opcode::RERAISE, 0);
  use_block(cleanup);
  pop_except_and_reraise();
  use_block(end);
}

void Codegen::compile_try_star(const ast::Try* s) {
  // try/except*/finally: the finally part is compiled as for try.
  if (!s->finalbody.empty()) compile_try_finally(s, true);
  else compile_try_star_except(s);
}

// except*: every handler sees the part of the exception group its type
// matches (CHECK_EG_MATCH splits it); exceptions raised or re-raised by the
// handlers are collected in a list, and PREP_RERAISE_STAR combines them
// with the unhandled rest into what propagates (or None).
//   stack in the handlers: [prev_exc, orig, list, rest]
void Codegen::compile_try_star_except(const ast::Try* s) {
  BasicBlock* body = new_block();
  BasicBlock* except = new_block();
  BasicBlock* orelse = new_block();
  BasicBlock* end = new_block();
  BasicBlock* cleanup = new_block();
  BasicBlock* reraise_star = new_block();
  emit_jump(kSetupFinally, except);
  use_block(body);
  push_fblock(FBlock{FBlockKind::TryExcept, body});
  compile_stmts(s->body);
  pop_fblock();
  unset_loc();
  emit_pop_block();
  emit_jump(kJump, orelse);

  size_t n = s->handlers.size();
  use_block(except);
  unset_loc();
  emit_jump(kSetupCleanup, cleanup);
  emit(Opcode::PUSH_EXC_INFO);
  push_fblock(FBlock{FBlockKind::ExceptionGroupHandler});
  for (size_t i = 0; i < n; ++i) {
    const ast::ExceptHandler* h = s->handlers[i];
    set_loc(h);
    BasicBlock* next = new_block();
    BasicBlock* except_with_error = new_block();
    BasicBlock* no_match = new_block();
    if (i == 0) {
      emit(Opcode::COPY, 1);         // [orig, exc]
      emit(Opcode::BUILD_LIST, 0);   // [orig, exc, []]
      emit(Opcode::SWAP, 2);         // [orig, [], exc]
    }
    if (h->type) {
      compile_expr(h->type);
      emit(Opcode::CHECK_EG_MATCH);
      emit(Opcode::COPY, 1);
      emit_jump(Opcode::POP_JUMP_IF_NONE, no_match);
    }
    BasicBlock* cleanup_end = new_block();
    BasicBlock* cleanup_body = new_block();
    if (!h->name.empty()) compile_nameop(h->name, ExprContext::Store);
    else emit(Opcode::POP_TOP);   // match
    emit_jump(kSetupCleanup, cleanup_end);
    use_block(cleanup_body);
    push_fblock(FBlock{FBlockKind::HandlerCleanup, cleanup_body, nullptr, nullptr, nullptr,
                       h->name.empty() ? nullptr : &h->name});
    compile_stmts(h->body);
    pop_fblock();
    unset_loc();
    emit_pop_block();
    if (!h->name.empty()) {
      emit_none();
      compile_nameop(h->name, ExprContext::Store);
      compile_nameop(h->name, ExprContext::Del);
    }
    emit_jump(kJump, next);
    // The handler raised: collect that exception.
    use_block(cleanup_end);
    unset_loc();
    if (!h->name.empty()) {
      emit_none();
      compile_nameop(h->name, ExprContext::Store);
      compile_nameop(h->name, ExprContext::Del);
    }
    emit(Opcode::LIST_APPEND, 3);   // exc
    emit(Opcode::POP_TOP);          // lasti
    emit_jump(kJump, except_with_error);
    use_block(next);
    emit(Opcode::NOP);
    emit_jump(kJump, except_with_error);
    use_block(no_match);
    emit(Opcode::POP_TOP);   // match (None)
    use_block(except_with_error);
    if (i + 1 == n) {
      emit(Opcode::LIST_APPEND, 1);   // the unhandled rest
      emit_jump(kJump, reraise_star);
    }
  }
  unset_loc();
  pop_fblock();
  BasicBlock* reraise = new_block();
  use_block(reraise_star);
  emit(Opcode::PREP_RERAISE_STAR);
  emit(Opcode::COPY, 1);
  emit_jump(Opcode::POP_JUMP_IF_NOT_NONE, reraise);
  emit(Opcode::POP_TOP);   // nothing to re-raise
  emit_pop_block();
  emit(Opcode::POP_EXCEPT);
  emit_jump(kJump, end);
  use_block(reraise);
  emit_pop_block();
  emit(Opcode::SWAP, 2);
  emit(Opcode::POP_EXCEPT);
  emit(Opcode::RERAISE, 0);
  use_block(cleanup);
  pop_except_and_reraise();
  use_block(orelse);
  compile_stmts(s->orelse);
  use_block(end);
}

// ---- import --------------------------------------------------------------
void Codegen::compile_import(const ast::Import* s) {
  for (const ast::Alias* a : s->names) {
    set_loc(a);
    emit_const(int_constant(0));
    emit_none();
    emit_name(Opcode::IMPORT_NAME, a->name);
    size_t dot = a->name.find('.');
    if (a->asname.empty()) {
      // `import a.b.c` binds the top package `a`.
      compile_nameop(dot == std::string::npos ? a->name : a->name.substr(0, dot), ExprContext::Store);
      continue;
    }
    // `import a.b.c as d` binds the submodule, found attribute by attribute
    // with IMPORT_FROM (which also looks in sys.modules).
    if (dot != std::string::npos) {
      size_t pos = dot + 1;
      while (true) {
        size_t next = a->name.find('.', pos);
        std::string attr = a->name.substr(pos, next == std::string::npos ? std::string::npos : next - pos);
        emit_name(Opcode::IMPORT_FROM, attr);
        if (next == std::string::npos) break;
        emit(Opcode::SWAP, 2);
        emit(Opcode::POP_TOP);
        pos = next + 1;
      }
      compile_nameop(a->asname, ExprContext::Store);
      emit(Opcode::POP_TOP);
    } else {
      compile_nameop(a->asname, ExprContext::Store);
    }
  }
}

void Codegen::compile_import_from(const ast::ImportFrom* s) {
  if (s->module == "__future__" &&
      std::find(future_imports_.begin(), future_imports_.end(), s) == future_imports_.end())
    error("from __future__ imports must occur at the beginning of the file");
  emit_const(int_constant(s->level));
  Constant names;
  names.kind = Constant::Kind::Tuple;
  for (const ast::Alias* a : s->names) names.items.push_back(str_constant(a->name));
  emit_const(names);
  emit_name(Opcode::IMPORT_NAME, s->module);
  for (size_t i = 0; i < s->names.size(); ++i) {
    const ast::Alias* a = s->names[i];
    if (i == 0 && a->name == "*") {
      emit(Opcode::IMPORT_STAR);
      return;
    }
    emit_name(Opcode::IMPORT_FROM, a->name);
    compile_nameop(a->asname.empty() ? a->name : a->asname, ExprContext::Store);
  }
  emit(Opcode::POP_TOP);   // the module
}

// ===========================================================================
// Expressions
// ===========================================================================
void Codegen::compile_expr(const ast::Expr* e) {
  LocGuard guard(this);
  set_loc(e);
  compile_expr_inner(e);
}

void Codegen::compile_expr_inner(const ast::Expr* e) {
  using K = ast::ExprKind;
  // Constant folding first: literals, -5, (1, 2), __debug__, 2**10, 'a'+'b'.
  if (e->kind == K::Constant || e->kind == K::UnaryOp || e->kind == K::BinOp ||
      (e->kind == K::Tuple && e->as<ast::Tuple>()->ctx == ExprContext::Load) ||
      (e->kind == K::Name && e->as<ast::Name>()->id == "__debug__" &&
       e->as<ast::Name>()->ctx == ExprContext::Load)) {
    if (auto c = fold_constant(e)) {
      emit_const(*c);
      return;
    }
  }
  switch (e->kind) {
    case K::BoolOp: compile_boolop(e->as<ast::BoolOp>()); break;
    case K::NamedExpr: {
      auto* n = e->as<ast::NamedExpr>();
      compile_expr(n->value);
      emit(Opcode::COPY, 1);
      compile_expr(n->target);
      break;
    }
    case K::BinOp: {
      auto* b = e->as<ast::BinOp>();
      compile_expr(b->left);
      compile_expr(b->right);
      emit(Opcode::BINARY_OP, binary_op_arg(b->op));
      break;
    }
    case K::UnaryOp: {
      auto* un = e->as<ast::UnaryOp>();
      compile_expr(un->operand);
      switch (un->op) {
        case ast::UnaryOpKind::Invert: emit(Opcode::UNARY_INVERT); break;
        case ast::UnaryOpKind::Not: emit(Opcode::UNARY_NOT); break;
        case ast::UnaryOpKind::UAdd: emit(Opcode::UNARY_POSITIVE); break;
        case ast::UnaryOpKind::USub: emit(Opcode::UNARY_NEGATIVE); break;
      }
      break;
    }
    case K::Lambda: compile_lambda(e->as<ast::Lambda>()); break;
    case K::IfExp: compile_ifexp(e->as<ast::IfExp>()); break;
    case K::Dict: compile_dict(e->as<ast::Dict>()); break;
    case K::Set:
      starunpack_helper(e->as<ast::Set>()->elts, 0, Opcode::BUILD_SET, Opcode::SET_ADD, Opcode::SET_UPDATE, false);
      break;
    case K::ListComp: {
      auto* c = e->as<ast::ListComp>();
      compile_comprehension(e, CompKind::List, "<listcomp>", c->generators, c->elt, nullptr);
      break;
    }
    case K::SetComp: {
      auto* c = e->as<ast::SetComp>();
      compile_comprehension(e, CompKind::Set, "<setcomp>", c->generators, c->elt, nullptr);
      break;
    }
    case K::DictComp: {
      auto* c = e->as<ast::DictComp>();
      compile_comprehension(e, CompKind::Dict, "<dictcomp>", c->generators, c->key, c->value);
      break;
    }
    case K::GeneratorExp: {
      auto* c = e->as<ast::GeneratorExp>();
      compile_comprehension(e, CompKind::Generator, "<genexpr>", c->generators, c->elt, nullptr);
      break;
    }
    case K::Yield: {
      if (u_->ste->type != BlockType::Function) error("'yield' outside function");
      auto* y = e->as<ast::Yield>();
      if (y->value) compile_expr(y->value);
      else emit_none();
      emit_yield();
      break;
    }
    case K::YieldFrom: {
      if (u_->ste->type != BlockType::Function) error("'yield' outside function");
      if (u_->scope == ScopeType::AsyncFunction) error("'yield from' inside async function");
      compile_expr(e->as<ast::YieldFrom>()->value);
      emit(Opcode::GET_YIELD_FROM_ITER);
      emit_none();
      add_yield_from(false);
      break;
    }
    case K::Await: {
      if (u_->ste->type != BlockType::Function) error("'await' outside function");
      if (u_->scope != ScopeType::AsyncFunction && u_->scope != ScopeType::Comprehension)
        error("'await' outside async function");
      compile_expr(e->as<ast::Await>()->value);
      emit(Opcode::GET_AWAITABLE, 0);
      emit_none();
      add_yield_from(true);
      break;
    }
    case K::Compare: compile_compare(e->as<ast::Compare>()); break;
    case K::Call: compile_call(e->as<ast::Call>()); break;
    case K::FormattedValue: compile_formatted_value(e->as<ast::FormattedValue>()); break;
    case K::JoinedStr: compile_joined_str(e->as<ast::JoinedStr>()); break;
    case K::Constant: emit_const(literal_constant(e->as<ast::Constant>())); break;
    case K::Attribute: compile_attribute(e->as<ast::Attribute>()); break;
    case K::Subscript: compile_subscript(e->as<ast::Subscript>()); break;
    case K::Starred:
      if (e->as<ast::Starred>()->ctx == ExprContext::Store)
        error("starred assignment target must be in a list or tuple");
      error("can't use starred expression here");
    case K::Name: compile_nameop(e->as<ast::Name>()->id, e->as<ast::Name>()->ctx); break;
    case K::List: compile_sequence(e->as<ast::List>()->elts, e->as<ast::List>()->ctx, false); break;
    case K::Tuple: compile_sequence(e->as<ast::Tuple>()->elts, e->as<ast::Tuple>()->ctx, true); break;
    case K::Slice: compile_slice(e->as<ast::Slice>()); break;
  }
}

// ---- names ---------------------------------------------------------------
void Codegen::emit_deref(Opcode op, const std::string& mangled, Scope scope) {
  if (scope == Scope::Cell) {
    auto [kind, slot] = u_->cells.at(mangled);
    add(static_cast<int>(op), slot, nullptr, kind);
  } else {
    add(static_cast<int>(op), u_->free_index.at(mangled), nullptr, ArgKind::Free);
  }
}

// Chooses the instruction family from the name's scope: fast locals in
// functions, cells for captured variables, the namespace dict in module
// and class bodies, globals for declared or implicit globals in functions.
void Codegen::compile_nameop(const std::string& name, ExprContext ctx) {
  if (name == "__debug__") {
    if (ctx == ExprContext::Store) error("cannot assign to __debug__");
    if (ctx == ExprContext::Del) error("cannot delete __debug__");
  }
  std::string mangled = mangle(u_->private_name, name);
  Scope scope = u_->ste->scope_of(mangled);
  bool in_function = u_->ste->type == BlockType::Function;
  enum { kName, kFast, kGlobal, kDeref } optype = kName;
  switch (scope) {
    case Scope::Free:
    case Scope::Cell: optype = kDeref; break;
    case Scope::Local: optype = in_function ? kFast : kName; break;
    case Scope::GlobalImplicit: optype = in_function ? kGlobal : kName; break;
    case Scope::GlobalExplicit: optype = kGlobal; break;
    case Scope::Unknown: break;
  }
  auto pick = [&](Opcode load, Opcode store, Opcode del) {
    return ctx == ExprContext::Load ? load : ctx == ExprContext::Store ? store : del;
  };
  switch (optype) {
    case kDeref: {
      Opcode load = u_->ste->type == BlockType::Class ? Opcode::LOAD_CLASSDEREF : Opcode::LOAD_DEREF;
      emit_deref(pick(load, Opcode::STORE_DEREF, Opcode::DELETE_DEREF), mangled, scope);
      return;
    }
    case kFast:
      emit(pick(Opcode::LOAD_FAST, Opcode::STORE_FAST, Opcode::DELETE_FAST), add_varname(mangled));
      return;
    case kGlobal:
      emit(pick(Opcode::LOAD_GLOBAL, Opcode::STORE_GLOBAL, Opcode::DELETE_GLOBAL), add_name(mangled));
      return;
    case kName:
      emit(pick(Opcode::LOAD_NAME, Opcode::STORE_NAME, Opcode::DELETE_NAME), add_name(mangled));
      return;
  }
}

// ---- boolean logic ---------------------------------------------------------
// `a and b`: a; JUMP_IF_FALSE_OR_POP end; b; end:  (the value of the last
// evaluated operand is the result).
void Codegen::compile_boolop(const ast::BoolOp* e) {
  Opcode jump = e->op == ast::BoolOpKind::And ? Opcode::JUMP_IF_FALSE_OR_POP : Opcode::JUMP_IF_TRUE_OR_POP;
  BasicBlock* end = new_block();
  size_t n = e->values.size() - 1;
  for (size_t i = 0; i < n; ++i) {
    compile_expr(e->values[i]);
    emit_jump(jump, end);
  }
  compile_expr(e->values[n]);
  use_block(end);
}

void Codegen::compile_comparison_op(ast::CmpOpKind op) {
  using C = ast::CmpOpKind;
  switch (op) {
    case C::Is: emit(Opcode::IS_OP, 0); break;
    case C::IsNot: emit(Opcode::IS_OP, 1); break;
    case C::In: emit(Opcode::CONTAINS_OP, 0); break;
    case C::NotIn: emit(Opcode::CONTAINS_OP, 1); break;
    case C::Lt: emit(Opcode::COMPARE_OP, 0); break;
    case C::LtE: emit(Opcode::COMPARE_OP, 1); break;
    case C::Eq: emit(Opcode::COMPARE_OP, 2); break;
    case C::NotEq: emit(Opcode::COMPARE_OP, 3); break;
    case C::Gt: emit(Opcode::COMPARE_OP, 4); break;
    case C::GtE: emit(Opcode::COMPARE_OP, 5); break;
  }
}

// The right operand of comparison i; `x in [1, 2]` tests a constant tuple.
void Codegen::compile_comparator(const ast::Compare* e, size_t i) {
  const ast::Expr* c = e->comparators[i];
  bool last = i + 1 == e->comparators.size();
  ast::CmpOpKind op = e->ops[i];
  if (last && (op == ast::CmpOpKind::In || op == ast::CmpOpKind::NotIn)) {
    if (auto folded = fold_iterable(c)) {
      LocGuard g(this);
      set_loc(c);
      emit_const(*folded);
      return;
    }
  }
  compile_expr(c);
}

// a < b < c:  a; b; SWAP 2; COPY 2; COMPARE; JUMP_IF_FALSE_OR_POP cleanup;
//             c; COMPARE; JUMP end; cleanup: SWAP 2; POP_TOP; end:
void Codegen::compile_compare(const ast::Compare* e) {
  compile_expr(e->left);
  size_t n = e->ops.size() - 1;
  if (n == 0) {
    compile_comparator(e, 0);
    compile_comparison_op(e->ops[0]);
    return;
  }
  BasicBlock* cleanup = new_block();
  for (size_t i = 0; i < n; ++i) {
    compile_comparator(e, i);
    emit(Opcode::SWAP, 2);
    emit(Opcode::COPY, 2);
    compile_comparison_op(e->ops[i]);
    emit_jump(Opcode::JUMP_IF_FALSE_OR_POP, cleanup);
  }
  compile_comparator(e, n);
  compile_comparison_op(e->ops[n]);
  BasicBlock* end = new_block();
  emit_jump(kJump, end);
  use_block(cleanup);
  emit(Opcode::SWAP, 2);
  emit(Opcode::POP_TOP);
  use_block(end);
}

// Jumps to `next` if the truth of e equals `cond`, else falls through.
// `not`, `and`/`or`, conditional expressions and chained comparisons are
// compiled into jumps directly, without materialising a bool.
void Codegen::compile_jump_if(const ast::Expr* e, BasicBlock* next, bool cond) {
  using K = ast::ExprKind;
  if (auto c = fold_constant(e)) {
    // if True: / while 1: — no test at all.
    LocGuard g(this);
    set_loc(e);
    if (constant_truth(*c) == cond) emit_jump(kJump, next);
    return;
  }
  switch (e->kind) {
    case K::UnaryOp:
      if (e->as<ast::UnaryOp>()->op == ast::UnaryOpKind::Not) {
        compile_jump_if(e->as<ast::UnaryOp>()->operand, next, !cond);
        return;
      }
      break;
    case K::BoolOp: {
      auto* b = e->as<ast::BoolOp>();
      bool cond2 = b->op == ast::BoolOpKind::Or;
      BasicBlock* next2 = next;
      if (cond2 != cond) next2 = new_block();
      size_t n = b->values.size() - 1;
      for (size_t i = 0; i < n; ++i) compile_jump_if(b->values[i], next2, cond2);
      compile_jump_if(b->values[n], next, cond);
      if (next2 != next) use_block(next2);
      return;
    }
    case K::IfExp: {
      auto* i = e->as<ast::IfExp>();
      BasicBlock* end = new_block();
      BasicBlock* next2 = new_block();
      compile_jump_if(i->test, next2, false);
      compile_jump_if(i->body, next, cond);
      emit_jump(kJump, end);
      use_block(next2);
      compile_jump_if(i->orelse, next, cond);
      use_block(end);
      return;
    }
    case K::Compare: {
      auto* c = e->as<ast::Compare>();
      size_t n = c->ops.size() - 1;
      if (n == 0) break;
      LocGuard g(this);
      set_loc(e);
      BasicBlock* cleanup = new_block();
      compile_expr(c->left);
      for (size_t i = 0; i < n; ++i) {
        compile_comparator(c, i);
        emit(Opcode::SWAP, 2);
        emit(Opcode::COPY, 2);
        compile_comparison_op(c->ops[i]);
        emit_jump(Opcode::POP_JUMP_IF_FALSE, cleanup);
      }
      compile_comparator(c, n);
      compile_comparison_op(c->ops[n]);
      emit_jump(cond ? Opcode::POP_JUMP_IF_TRUE : Opcode::POP_JUMP_IF_FALSE, next);
      BasicBlock* end = new_block();
      emit_jump(kJump, end);
      use_block(cleanup);
      emit(Opcode::POP_TOP);
      if (!cond) emit_jump(kJump, next);
      use_block(end);
      return;
    }
    default: break;
  }
  compile_expr(e);
  LocGuard g(this);
  set_loc(e);
  emit_jump(cond ? Opcode::POP_JUMP_IF_TRUE : Opcode::POP_JUMP_IF_FALSE, next);
}

void Codegen::compile_ifexp(const ast::IfExp* e) {
  BasicBlock* end = new_block();
  BasicBlock* next = new_block();
  compile_jump_if(e->test, next, false);
  compile_expr(e->body);
  emit_jump(kJump, end);
  use_block(next);
  compile_expr(e->orelse);
  use_block(end);
}

// ---- lambda ----------------------------------------------------------------
void Codegen::compile_lambda(const ast::Lambda* e) {
  uint32_t flags = default_arguments(e->args);
  enter_scope("<lambda>", ScopeType::Lambda, e, e->line, e);
  add_const(none_constant());   // a lambda has no docstring: consts[0] is None
  u_->code->argcount = static_cast<int>(e->args->posonlyargs.size() + e->args->args.size());
  u_->code->posonlyargcount = static_cast<int>(e->args->posonlyargs.size());
  u_->code->kwonlyargcount = static_cast<int>(e->args->kwonlyargs.size());
  compile_expr(e->body);
  emit(Opcode::RETURN_VALUE);
  auto code = exit_scope(true);
  make_closure(code, flags);
}

// ---- displays --------------------------------------------------------------
// Builds a list/set/tuple from elements, some of which may be *starred.
// `pushed` items are already on the stack and belong at the front.
void Codegen::starunpack_helper(const std::vector<ast::Expr*>& elts, int pushed, Opcode build, Opcode add_op,
                                Opcode extend, bool tuple) {
  size_t n = elts.size();
  // Three or more constants: build from one constant tuple/frozenset.
  if (n > 2) {
    std::vector<Constant> items;
    for (auto* e : elts) {
      if (e->kind == ast::ExprKind::Starred) break;
      auto c = fold_constant(e);
      if (!c) break;
      items.push_back(*c);
    }
    if (items.size() == n) {
      Constant folded;
      folded.kind = Constant::Kind::Tuple;
      folded.items = std::move(items);
      if (tuple && pushed == 0) {
        emit_const(folded);
      } else {
        if (add_op == Opcode::SET_ADD) folded.kind = Constant::Kind::FrozenSet;
        emit(build, pushed);
        emit_const(folded);
        emit(extend, 1);
        if (tuple) emit(Opcode::LIST_TO_TUPLE);
      }
      return;
    }
  }
  bool big = n + pushed > kStackUseGuideline;
  bool seen_star = std::any_of(elts.begin(), elts.end(),
                               [](const ast::Expr* e) { return e->kind == ast::ExprKind::Starred; });
  if (!seen_star && !big) {
    for (auto* e : elts) compile_expr(e);
    emit(tuple ? Opcode::BUILD_TUPLE : build, static_cast<uint32_t>(n + pushed));
    return;
  }
  bool built = false;
  if (big) {
    emit(build, pushed);
    built = true;
  }
  for (size_t i = 0; i < n; ++i) {
    const ast::Expr* e = elts[i];
    if (e->kind == ast::ExprKind::Starred) {
      if (!built) {
        emit(build, static_cast<uint32_t>(i + pushed));
        built = true;
      }
      compile_expr(e->as<ast::Starred>()->value);
      emit(extend, 1);
    } else {
      compile_expr(e);
      if (built) emit(add_op, 1);
    }
  }
  if (tuple) emit(Opcode::LIST_TO_TUPLE);
}

// a, *b, c = ...  →  UNPACK_EX (1 | 1 << 8)
void Codegen::unpack_helper(const std::vector<ast::Expr*>& elts) {
  size_t n = elts.size();
  bool seen_star = false;
  for (size_t i = 0; i < n; ++i) {
    if (elts[i]->kind != ast::ExprKind::Starred) continue;
    if (seen_star) error("multiple starred expressions in assignment");
    if (i >= (1u << 8) || n - i - 1 >= (1u << 16)) error("too many expressions in star-unpacking assignment");
    emit(Opcode::UNPACK_EX, static_cast<uint32_t>(i + ((n - i - 1) << 8)));
    seen_star = true;
  }
  if (!seen_star) emit(Opcode::UNPACK_SEQUENCE, static_cast<uint32_t>(n));
}

void Codegen::assignment_helper(const std::vector<ast::Expr*>& elts) {
  unpack_helper(elts);
  for (auto* e : elts) compile_expr(e->kind == ast::ExprKind::Starred ? e->as<ast::Starred>()->value : e);
}

void Codegen::compile_sequence(const std::vector<ast::Expr*>& elts, ExprContext ctx, bool is_tuple) {
  switch (ctx) {
    case ExprContext::Store: assignment_helper(elts); break;
    case ExprContext::Load:
      if (is_tuple) starunpack_helper(elts, 0, Opcode::BUILD_LIST, Opcode::LIST_APPEND, Opcode::LIST_EXTEND, true);
      else starunpack_helper(elts, 0, Opcode::BUILD_LIST, Opcode::LIST_APPEND, Opcode::LIST_EXTEND, false);
      break;
    case ExprContext::Del:
      for (auto* e : elts) compile_expr(e);
      break;
  }
}

// {k: v, ...}: constant keys use BUILD_CONST_KEY_MAP; `**m` entries merge
// with DICT_UPDATE.
void Codegen::compile_subdict(const ast::Dict* e, size_t begin, size_t end) {
  size_t n = end - begin;
  bool big = n * 2 > kStackUseGuideline;
  if (n > 1 && !big) {
    Constant keys;
    keys.kind = Constant::Kind::Tuple;
    for (size_t i = begin; i < end; ++i) {
      auto c = fold_constant(e->keys[i]);
      if (!c) break;
      keys.items.push_back(*c);
    }
    if (keys.items.size() == n) {
      for (size_t i = begin; i < end; ++i) compile_expr(e->values[i]);
      emit_const(keys);
      emit(Opcode::BUILD_CONST_KEY_MAP, static_cast<uint32_t>(n));
      return;
    }
  }
  if (big) emit(Opcode::BUILD_MAP, 0);
  for (size_t i = begin; i < end; ++i) {
    compile_expr(e->keys[i]);
    compile_expr(e->values[i]);
    if (big) emit(Opcode::MAP_ADD, 1);
  }
  if (!big) emit(Opcode::BUILD_MAP, static_cast<uint32_t>(n));
}

void Codegen::compile_dict(const ast::Dict* e) {
  size_t n = e->values.size();
  bool have_dict = false;
  size_t elements = 0;
  for (size_t i = 0; i < n; ++i) {
    if (!e->keys[i]) {   // **mapping
      if (elements) {
        compile_subdict(e, i - elements, i);
        if (have_dict) emit(Opcode::DICT_UPDATE, 1);
        have_dict = true;
        elements = 0;
      }
      if (!have_dict) {
        emit(Opcode::BUILD_MAP, 0);
        have_dict = true;
      }
      compile_expr(e->values[i]);
      emit(Opcode::DICT_UPDATE, 1);
    } else if (elements * 2 > kStackUseGuideline) {
      compile_subdict(e, i - elements, i + 1);
      if (have_dict) emit(Opcode::DICT_UPDATE, 1);
      have_dict = true;
      elements = 0;
    } else {
      ++elements;
    }
  }
  if (elements) {
    compile_subdict(e, n - elements, n);
    if (have_dict) emit(Opcode::DICT_UPDATE, 1);
    have_dict = true;
  }
  if (!have_dict) emit(Opcode::BUILD_MAP, 0);
}

// ---- attributes, subscripts, slices ---------------------------------------
void Codegen::compile_attribute(const ast::Attribute* e) {
  compile_expr(e->value);
  switch (e->ctx) {
    case ExprContext::Load: emit_name(Opcode::LOAD_ATTR, e->attr); break;
    case ExprContext::Store: emit_name(Opcode::STORE_ATTR, e->attr); break;
    case ExprContext::Del: emit_name(Opcode::DELETE_ATTR, e->attr); break;
  }
}

void Codegen::compile_subscript(const ast::Subscript* e) {
  compile_expr(e->value);
  compile_expr(e->slice);
  switch (e->ctx) {
    case ExprContext::Load: emit(Opcode::BINARY_SUBSCR); break;
    case ExprContext::Store: emit(Opcode::STORE_SUBSCR); break;
    case ExprContext::Del: emit(Opcode::DELETE_SUBSCR); break;
  }
}

void Codegen::compile_slice(const ast::Slice* e) {
  uint32_t n = 2;
  if (e->lower) compile_expr(e->lower);
  else emit_none();
  if (e->upper) compile_expr(e->upper);
  else emit_none();
  if (e->step) {
    compile_expr(e->step);
    n = 3;
  }
  emit(Opcode::BUILD_SLICE, n);
}

// ---- f-strings -------------------------------------------------------------
void Codegen::compile_joined_str(const ast::JoinedStr* e) {
  size_t n = e->values.size();
  if (n > kStackUseGuideline) {
    // ''.join([...]) keeps the stack small for huge f-strings.
    emit_const(str_constant(""));
    emit_name(Opcode::LOAD_METHOD, "join");
    emit(Opcode::BUILD_LIST, 0);
    for (auto* v : e->values) {
      compile_expr(v);
      emit(Opcode::LIST_APPEND, 1);
    }
    emit(Opcode::CALL, 1);
    return;
  }
  for (auto* v : e->values) compile_expr(v);
  if (n != 1) emit(Opcode::BUILD_STRING, static_cast<uint32_t>(n));
}

void Codegen::compile_formatted_value(const ast::FormattedValue* e) {
  compile_expr(e->value);
  uint32_t oparg = 0;
  switch (e->conversion) {
    case 's': oparg = 1; break;
    case 'r': oparg = 2; break;
    case 'a': oparg = 3; break;
    default: oparg = 0; break;
  }
  if (e->format_spec) {
    compile_expr(e->format_spec);
    oparg |= 4;
  }
  emit(Opcode::FORMAT_VALUE, oparg);
}

// ---- calls -----------------------------------------------------------------
void Codegen::validate_keywords(const std::vector<ast::Keyword*>& kws) {
  for (size_t i = 0; i < kws.size(); ++i) {
    if (kws[i]->arg.empty()) continue;
    if (kws[i]->arg == "__debug__") {
      set_loc(kws[i]);
      error("cannot assign to __debug__");
    }
    for (size_t j = i + 1; j < kws.size(); ++j) {
      if (kws[j]->arg == kws[i]->arg) {
        set_loc(kws[j]);
        error("keyword argument repeated: " + kws[i]->arg);
      }
    }
  }
}

void Codegen::compile_call(const ast::Call* e) {
  validate_keywords(e->keywords);
  if (maybe_optimize_method_call(e)) return;
  set_loc(e->func);
  emit(Opcode::PUSH_NULL);
  set_loc(e);
  compile_expr(e->func);
  call_helper(0, e->args, e->keywords);
}

// o.m(args) without * or **: LOAD_METHOD avoids creating a bound method.
bool Codegen::maybe_optimize_method_call(const ast::Call* e) {
  const ast::Expr* meth = e->func;
  if (meth->kind != ast::ExprKind::Attribute || meth->as<ast::Attribute>()->ctx != ExprContext::Load)
    return false;
  size_t argsl = e->args.size(), kwdsl = e->keywords.size();
  if (argsl + kwdsl + (kwdsl != 0) >= kStackUseGuideline) return false;
  for (auto* a : e->args)
    if (a->kind == ast::ExprKind::Starred) return false;
  for (auto* k : e->keywords)
    if (k->arg.empty()) return false;
  auto* attr = meth->as<ast::Attribute>();
  compile_expr(attr->value);
  {
    LocGuard g(this);
    set_loc(meth);
    emit_name(Opcode::LOAD_METHOD, attr->attr);
  }
  for (auto* a : e->args) compile_expr(a);
  if (kwdsl) {
    for (auto* k : e->keywords) compile_expr(k->value);
    call_simple_kw_helper(e->keywords);
  }
  emit(Opcode::CALL, static_cast<uint32_t>(argsl + kwdsl));
  return true;
}

void Codegen::call_simple_kw_helper(const std::vector<ast::Keyword*>& kws) {
  Constant names;
  names.kind = Constant::Kind::Tuple;
  for (auto* k : kws) names.items.push_back(str_constant(k->arg));
  emit(Opcode::KW_NAMES, add_const(names));
}

// keywords[begin:end] (all named) as one dict.
void Codegen::compile_subkwargs(const std::vector<ast::Keyword*>& kws, size_t begin, size_t end) {
  size_t n = end - begin;
  if (n > 1) {
    for (size_t i = begin; i < end; ++i) compile_expr(kws[i]->value);
    Constant keys;
    keys.kind = Constant::Kind::Tuple;
    for (size_t i = begin; i < end; ++i) keys.items.push_back(str_constant(kws[i]->arg));
    emit_const(keys);
    emit(Opcode::BUILD_CONST_KEY_MAP, static_cast<uint32_t>(n));
    return;
  }
  for (size_t i = begin; i < end; ++i) {
    emit_const(str_constant(kws[i]->arg));
    compile_expr(kws[i]->value);
  }
  emit(Opcode::BUILD_MAP, static_cast<uint32_t>(n));
}

// The arguments of a call whose callable (and `n` extra leading arguments,
// for __build_class__) are already on the stack.  Plain calls use CALL
// (+KW_NAMES); *args/**kwargs use CALL_FUNCTION_EX with a tuple and a dict.
void Codegen::call_helper(int n, const std::vector<ast::Expr*>& args, const std::vector<ast::Keyword*>& kws) {
  validate_keywords(kws);
  size_t nelts = args.size(), nkw = kws.size();
  bool ex_call = nelts + nkw * 2 > kStackUseGuideline;
  for (auto* a : args)
    if (a->kind == ast::ExprKind::Starred) ex_call = true;
  for (auto* k : kws)
    if (k->arg.empty()) ex_call = true;
  if (!ex_call) {
    for (auto* a : args) compile_expr(a);
    if (nkw) {
      for (auto* k : kws) compile_expr(k->value);
      call_simple_kw_helper(kws);
    }
    emit(Opcode::CALL, static_cast<uint32_t>(n + nelts + nkw));
    return;
  }
  // Positional arguments as one tuple.
  if (n == 0 && nelts == 1 && args[0]->kind == ast::ExprKind::Starred) {
    compile_expr(args[0]->as<ast::Starred>()->value);
  } else {
    starunpack_helper(args, n, Opcode::BUILD_LIST, Opcode::LIST_APPEND, Opcode::LIST_EXTEND, true);
  }
  // Keyword arguments as one dict.
  if (nkw) {
    bool have_dict = false;
    size_t nseen = 0;
    for (size_t i = 0; i < nkw; ++i) {
      if (kws[i]->arg.empty()) {
        if (nseen) {
          compile_subkwargs(kws, i - nseen, i);
          if (have_dict) emit(Opcode::DICT_MERGE, 1);
          have_dict = true;
          nseen = 0;
        }
        if (!have_dict) {
          emit(Opcode::BUILD_MAP, 0);
          have_dict = true;
        }
        compile_expr(kws[i]->value);
        emit(Opcode::DICT_MERGE, 1);
      } else {
        ++nseen;
      }
    }
    if (nseen) {
      compile_subkwargs(kws, nkw - nseen, nkw);
      if (have_dict) emit(Opcode::DICT_MERGE, 1);
    }
  }
  emit(Opcode::CALL_FUNCTION_EX, nkw > 0 ? 1 : 0);
}

// ---- generators and coroutines -----------------------------------------------
// yield from / await: the delegation loop.  SEND passes the sent value to
// the subiterator; when it yields, YIELD_VALUE 1 suspends us with its value
// (the subiterator stays just below it); when it returns, SEND jumps to
// `exit` with the return value.
//   L: SEND exit ; YIELD_VALUE 1 ; JUMP_BACKWARD L ; exit:
void Codegen::add_yield_from(bool await) {
  (void)await;   // CPython only uses it for RESUME's oparg
  BasicBlock* start = new_block();
  BasicBlock* resume = new_block();
  BasicBlock* exit = new_block();
  use_block(start);
  emit_jump(Opcode::SEND, exit);
  use_block(resume);
  emit(Opcode::YIELD_VALUE, 1);
  emit_jump(kJump, start);
  use_block(exit);
}

void Codegen::emit_yield() {
  // An async generator's own yields are wrapped so that the machinery
  // driving it can tell them from the awaits it passes through.
  if (u_->ste->generator && u_->ste->coroutine) emit(Opcode::ASYNC_GEN_WRAP);
  emit(Opcode::YIELD_VALUE, 0);
}

// ---- comprehensions ----------------------------------------------------------
// [elt for x in it if c]  compiles to a nested function <listcomp>(.0):
//     BUILD_LIST 0; LOAD_FAST .0; L: FOR_ITER end; STORE x; <c> ...;
//     <elt>; LIST_APPEND 2; JUMP_BACKWARD L; end: RETURN_VALUE
// called right away with iter(it), which is evaluated in the enclosing scope.
void Codegen::compile_comprehension(const ast::Expr* e, CompKind kind, const std::string& name,
                                    const std::vector<ast::Comprehension*>& gens, const ast::Expr* elt,
                                    const ast::Expr* val) {
  ScopeType outer_scope = u_->scope;
  const ast::Comprehension* outermost = gens[0];
  enter_scope(name, ScopeType::Comprehension, e, e->line, e);
  set_loc(e);
  bool is_async = u_->ste->coroutine;
  if (is_async && kind != CompKind::Generator && outer_scope != ScopeType::AsyncFunction &&
      outer_scope != ScopeType::Comprehension)
    error("asynchronous comprehension outside of an asynchronous function");
  u_->code->argcount = 1;
  switch (kind) {
    case CompKind::List: emit(Opcode::BUILD_LIST, 0); break;
    case CompKind::Set: emit(Opcode::BUILD_SET, 0); break;
    case CompKind::Dict: emit(Opcode::BUILD_MAP, 0); break;
    case CompKind::Generator: break;
  }
  comprehension_generator(gens, 0, 0, elt, val, kind);
  if (kind != CompKind::Generator) emit(Opcode::RETURN_VALUE);
  auto code = exit_scope(true);

  make_closure(code, 0);
  compile_expr(outermost->iter);
  emit(outermost->is_async ? Opcode::GET_AITER : Opcode::GET_ITER);
  emit(Opcode::CALL, 0);   // [function, iterator]: function(iterator)
  if (is_async && kind != CompKind::Generator) {
    emit(Opcode::GET_AWAITABLE, 0);
    emit_none();
    add_yield_from(true);
  }
}

void Codegen::comprehension_generator(const std::vector<ast::Comprehension*>& gens, size_t index, int depth,
                                      const ast::Expr* elt, const ast::Expr* val, CompKind kind) {
  if (gens[index]->is_async) async_comprehension_generator(gens, index, depth, elt, val, kind);
  else sync_comprehension_generator(gens, index, depth, elt, val, kind);
}

void Codegen::comprehension_element(const ast::Expr* elt, const ast::Expr* val, CompKind kind, int depth) {
  // The collection sits below the `depth` iterators: LIST_APPEND depth+1.
  switch (kind) {
    case CompKind::Generator:
      compile_expr(elt);
      emit_yield();
      emit(Opcode::POP_TOP);
      break;
    case CompKind::List:
      compile_expr(elt);
      emit(Opcode::LIST_APPEND, depth + 1);
      break;
    case CompKind::Set:
      compile_expr(elt);
      emit(Opcode::SET_ADD, depth + 1);
      break;
    case CompKind::Dict:
      compile_expr(elt);   // key first, as in {k: v}
      compile_expr(val);
      emit(Opcode::MAP_ADD, depth + 1);
      break;
  }
}

void Codegen::sync_comprehension_generator(const std::vector<ast::Comprehension*>& gens, size_t index,
                                           int depth, const ast::Expr* elt, const ast::Expr* val,
                                           CompKind kind) {
  BasicBlock* start = new_block();
  BasicBlock* if_cleanup = new_block();
  BasicBlock* anchor = new_block();
  const ast::Comprehension* gen = gens[index];
  bool looping = true;
  if (index == 0) {
    emit(Opcode::LOAD_FAST, 0);   // .0, the outermost iterator
  } else {
    // `for y in [f(x)]` is just an assignment: no loop.
    const std::vector<ast::Expr*>* elts = nullptr;
    if (gen->iter->kind == ast::ExprKind::List) elts = &gen->iter->as<ast::List>()->elts;
    if (gen->iter->kind == ast::ExprKind::Tuple) elts = &gen->iter->as<ast::Tuple>()->elts;
    if (elts && elts->size() == 1 && (*elts)[0]->kind != ast::ExprKind::Starred) {
      compile_expr((*elts)[0]);
      looping = false;
    } else {
      compile_expr(gen->iter);
      emit(Opcode::GET_ITER);
    }
  }
  if (looping) {
    ++depth;
    use_block(start);
    emit_jump(Opcode::FOR_ITER, anchor);
  }
  compile_expr(gen->target);
  for (auto* cond : gen->ifs) compile_jump_if(cond, if_cleanup, false);
  if (index + 1 < gens.size()) comprehension_generator(gens, index + 1, depth, elt, val, kind);
  else comprehension_element(elt, val, kind, depth);
  use_block(if_cleanup);
  if (looping) {
    emit_jump(kJump, start);
    use_block(anchor);
  }
}

void Codegen::async_comprehension_generator(const std::vector<ast::Comprehension*>& gens, size_t index,
                                            int depth, const ast::Expr* elt, const ast::Expr* val,
                                            CompKind kind) {
  BasicBlock* start = new_block();
  BasicBlock* except = new_block();
  BasicBlock* if_cleanup = new_block();
  const ast::Comprehension* gen = gens[index];
  if (index == 0) {
    emit(Opcode::LOAD_FAST, 0);
  } else {
    compile_expr(gen->iter);
    emit(Opcode::GET_AITER);
  }
  use_block(start);
  push_fblock(FBlock{FBlockKind::AsyncComprehensionGenerator, start});
  emit_jump(kSetupFinally, except);
  emit(Opcode::GET_ANEXT);
  emit_none();
  add_yield_from(true);
  emit_pop_block();
  compile_expr(gen->target);
  for (auto* cond : gen->ifs) compile_jump_if(cond, if_cleanup, false);
  ++depth;
  if (index + 1 < gens.size()) comprehension_generator(gens, index + 1, depth, elt, val, kind);
  else comprehension_element(elt, val, kind, depth);
  use_block(if_cleanup);
  emit_jump(kJump, start);
  pop_fblock();
  use_block(except);
  emit(Opcode::END_ASYNC_FOR);
}

// ===========================================================================
// Entry point
// ===========================================================================
std::shared_ptr<CodeUnit> compile(const ast::Module& module, parser::Mode mode, std::string_view filename,
                                  Diagnostic* err) {
  SymbolTable st;
  if (!st.build(module, err)) return nullptr;
  try {
    Codegen gen(st, filename, mode);
    return gen.compile_module(module);
  } catch (const CompileError& e) {
    if (err) *err = e.diag;
    return nullptr;
  }
}

}  // namespace coil::compiler
