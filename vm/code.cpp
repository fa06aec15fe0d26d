// code.cpp — turning the compiler's CodeUnit into a runtime code object.
//
// Constants become objects once, here: an int literal goes through the
// big-int parser, a str constant that looks like an identifier is
// interned (so `a = 'hello'; b = 'hello'; a is b` is True, as in CPython),
// and nested code objects are converted recursively.  Because the compiler
// already shares equal constants within one code object, `x = 1000;
// y = 1000` load the very same int object.
#include <cstdio>

#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/singletons.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/bytes.h"
#include "runtime/set.h"
#include <cctype>
#include "vm/code.h"

namespace coil::vm {

using namespace coil::runtime;

TypeObject CodeType;

// CPython interns string constants made only of name characters.
static bool all_name_chars(const std::string& s) {
  for (unsigned char c : s) {
    if (!(std::isalnum(c) || c == '_')) return false;
  }
  return true;
}

static Ref<Object> frozenset_from(Ref<Tuple> items);

static Ref<Object> make_constant(const compiler::Constant& c) {
  using K = compiler::Constant::Kind;
  switch (c.kind) {
    case K::None: return none();
    case K::True: return new_bool(true);
    case K::False: return new_bool(false);
    case K::Ellipsis: return Ref<Object>::borrow(Ellipsis);
    case K::Int: return int_from_string(c.text, 0);
    case K::Float: return float_from_double(c.number);
    case K::Imag: return set_error(exc::NotImplementedError, "complex numbers are not supported");
    case K::Str:
      if (all_name_chars(c.text)) return Ref<Object>::borrow(intern(c.text));
      return str_from(c.text);
    case K::Bytes: return bytes_from(c.text);
    case K::Tuple:
    case K::FrozenSet: {
      Ref<Tuple> t = tuple_new(c.items.size());
      if (!t) return nullptr;
      for (size_t i = 0; i < c.items.size(); i++) {
        Ref<Object> item = make_constant(c.items[i]);
        if (!item) return nullptr;
        t->items[i] = item.release();
      }
      if (c.kind == K::Tuple) return t;
      return frozenset_from(std::move(t));
    }
    case K::Code: return code_from_unit(c.code);
  }
  return none();
}

// A frozenset constant, built as CPython 3.11's compiler builds it: first
// from the items in source order, then again from that set's own iteration
// order (merge_consts_recursive rebuilds every frozenset constant).  Keys
// that collided land elsewhere the second time, which decides the order a
// set display of constants iterates in — {1, 2, 10, 11} lists 10 first.
static Ref<Object> frozenset_from(Ref<Tuple> items) {
  Ref<Object> first = frozenset_new(items.get());
  if (!first || items->size == 0) return first;
  Ref<Object> order = sequence_to_tuple(first.get());
  if (!order) return nullptr;
  return frozenset_new(order.get());
}

static Ref<Tuple> str_tuple(const std::vector<std::string>& names) {
  Ref<Tuple> t = tuple_new(names.size());
  if (!t) return nullptr;
  for (size_t i = 0; i < names.size(); i++) {
    Str* s = intern(names[i]);
    incref(s);
    t->items[i] = s;
  }
  return t;
}

Ref<Code> code_from_unit(std::shared_ptr<compiler::CodeUnit> unit) {
  Code* code = alloc<Code>(&CodeType);
  if (!code) return nullptr;
  Ref<Code> result = Ref<Code>::steal(code);
  code->instrs = unit->code.data();
  code->ninstrs = unit->code.size();
  code->nlocals = static_cast<int>(unit->varnames.size());
  code->ncells = static_cast<int>(unit->cellvars.size());
  code->nfrees = static_cast<int>(unit->freevars.size());
  code->nlocalsplus = unit->nlocalsplus();
  code->stacksize = unit->stacksize;
  code->flags = unit->flags;
  code->has_cells = !unit->cell_args.empty() || code->ncells > 0 || code->nfrees > 0;
  code->simple_args = unit->kwonlyargcount == 0 && !(unit->flags & (vm::CO_VARARGS | vm::CO_VARKEYWORDS)) &&
                      !code->has_cells;
  code->caches.resize(unit->code.size());

  Ref<Tuple> consts = tuple_new(unit->consts.size());
  if (!consts) return nullptr;
  for (size_t i = 0; i < unit->consts.size(); i++) {
    Ref<Object> c = make_constant(unit->consts[i]);
    if (!c) return nullptr;
    consts->items[i] = c.release();
  }
  code->consts = consts;
  code->names = str_tuple(unit->names);
  std::vector<std::string> all = unit->varnames;
  all.insert(all.end(), unit->cellvars.begin(), unit->cellvars.end());
  all.insert(all.end(), unit->freevars.begin(), unit->freevars.end());
  code->localsplus_names = str_tuple(all);
  if (!code->names || !code->localsplus_names) return nullptr;
  code->name = Ref<Object>::borrow(intern(unit->name));
  code->qualname = str_from(unit->qualname);
  code->filename = str_from(unit->filename);
  if (!code->qualname || !code->filename) return nullptr;
  code->unit = std::move(unit);
  return result;
}

int code_line_of(const Code* code, int index) {
  const auto& pos = code->unit->positions;
  if (index < 0) index = 0;
  if (static_cast<size_t>(index) >= pos.size()) {
    return pos.empty() ? code->unit->firstlineno : pos.back().line;
  }
  return pos[index].line;
}

// ---- the code type ----------------------------------------------------------------

static void code_dealloc(Object* self) { destroy_object(static_cast<Code*>(self)); }

static Ref<Object> code_repr(Object* self) {
  Code* c = static_cast<Code*>(self);
  char buf[64];
  std::snprintf(buf, sizeof buf, " at %p, file \"", static_cast<void*>(self));
  return str_from("<code object " + std::string(str_view(c->name.get())) + buf +
                  std::string(str_view(c->filename.get())) + "\", line " +
                  std::to_string(c->unit->firstlineno) + ">");
}

#define CODE(self) static_cast<Code*>(self)
static Ref<Object> co_name(Object* s) { return CODE(s)->name; }
static Ref<Object> co_qualname(Object* s) { return CODE(s)->qualname; }
static Ref<Object> co_filename(Object* s) { return CODE(s)->filename; }
static Ref<Object> co_consts(Object* s) { return CODE(s)->consts; }
static Ref<Object> co_names(Object* s) { return CODE(s)->names; }
static Ref<Object> co_varnames(Object* s) { return str_tuple(CODE(s)->unit->varnames); }
static Ref<Object> co_cellvars(Object* s) { return str_tuple(CODE(s)->unit->cellvars); }
static Ref<Object> co_freevars(Object* s) { return str_tuple(CODE(s)->unit->freevars); }
static Ref<Object> co_argcount(Object* s) { return int_from_i64(CODE(s)->unit->argcount); }
static Ref<Object> co_posonlyargcount(Object* s) { return int_from_i64(CODE(s)->unit->posonlyargcount); }
static Ref<Object> co_kwonlyargcount(Object* s) { return int_from_i64(CODE(s)->unit->kwonlyargcount); }
static Ref<Object> co_nlocals(Object* s) { return int_from_i64(CODE(s)->nlocals); }
static Ref<Object> co_flags(Object* s) { return int_from_i64(CODE(s)->flags); }
static Ref<Object> co_stacksize(Object* s) { return int_from_i64(CODE(s)->stacksize); }
static Ref<Object> co_firstlineno(Object* s) { return int_from_i64(CODE(s)->unit->firstlineno); }

// co_positions(): an iterator of (line, end_line, col, end_col) for each
// instruction, as CPython's (all None where the compiler recorded no
// position).  traceback.py reads it to draw its ~~^~~ markers.
static Ref<Object> int_or_none(int v, bool known) { return known ? int_from_i64(v) : none(); }
static Ref<Object> co_positions(Object* s, Object* const*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("code.co_positions", nargs, kwnames)) return nullptr;
  const auto& positions = CODE(s)->unit->positions;
  Ref<Tuple> out = tuple_new(positions.size());
  if (!out) return nullptr;
  for (size_t i = 0; i < positions.size(); i++) {
    const compiler::Position& p = positions[i];
    bool known = p.line > 0;
    Ref<Object> a = int_or_none(p.line, known), b = int_or_none(p.end_line, known);
    Ref<Object> c = int_or_none(p.col, known), d = int_or_none(p.end_col, known);
    if (!a || !b || !c || !d) return nullptr;
    Ref<Tuple> t = tuple_pack({a.get(), b.get(), c.get(), d.get()});
    if (!t) return nullptr;
    out->items[i] = t.release();
  }
  return get_iter(out.get());
}
#undef CODE

static const MethodDef code_methods[] = {
    {"co_positions", co_positions},
    {nullptr, nullptr},
};

static const GetSetDef code_getset[] = {
    {"co_name", co_name}, {"co_qualname", co_qualname}, {"co_filename", co_filename},
    {"co_consts", co_consts}, {"co_names", co_names}, {"co_varnames", co_varnames},
    {"co_cellvars", co_cellvars}, {"co_freevars", co_freevars}, {"co_argcount", co_argcount},
    {"co_posonlyargcount", co_posonlyargcount}, {"co_kwonlyargcount", co_kwonlyargcount},
    {"co_nlocals", co_nlocals}, {"co_flags", co_flags}, {"co_stacksize", co_stacksize},
    {"co_firstlineno", co_firstlineno}, {nullptr, nullptr},
};

void init_code_type() {
  CodeType.name = "code";
  CodeType.basic_size = sizeof(Code);
  CodeType.dealloc = code_dealloc;
  CodeType.repr = code_repr;
  CodeType.getset = code_getset;
  CodeType.methods = code_methods;
  {
    Code probe;
    CodeType.weaklist_offset = reinterpret_cast<char*>(&probe.weakreflist) - reinterpret_cast<char*>(&probe);
  }
}

}  // namespace coil::vm
