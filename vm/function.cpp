// function.cpp — the function, method and cell types.
//
// A function is a descriptor: looked up on a class through an instance,
// its __get__ returns a bound Method pairing it with the instance.  The
// eval loop avoids that allocation for the common `obj.meth(...)` form
// (LOAD_METHOD), but `m = obj.meth` still builds one — which is why each
// access yields a new bound-method object, as in CPython.
#include <cstdio>
#include <string>

#include "runtime/abstract.h"
#include "runtime/descr.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/names.h"
#include "runtime/singletons.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "vm/eval_internal.h"
#include "vm/function.h"
#include "vm/interp.h"

namespace coil::vm {

using namespace coil::runtime;

TypeObject FunctionType;
TypeObject MethodType;
TypeObject CellType;

// ---- construction --------------------------------------------------------------

Ref<Object> function_new(Ref<Code> code, Dict* globals) {
  Function* fn = alloc<Function>(&FunctionType);
  if (!fn) return nullptr;
  Ref<Object> result = Ref<Object>::steal(fn);
  fn->name = code->name;
  fn->qualname = code->qualname;
  fn->globals = Ref<Dict>::borrow(globals);
  Object* b = dict_get_str(globals, names::__builtins__);
  if (b && b->type == &DictType) {
    fn->builtins = Ref<Dict>::borrow(static_cast<Dict*>(b));
  } else {
    fn->builtins = Ref<Dict>::borrow(interp().builtins);
  }
  Object* mod = dict_get_str(globals, names::__name__);
  fn->module = mod ? Ref<Object>::borrow(mod) : none();
  const compiler::CodeUnit& u = *code->unit;
  Tuple* consts = static_cast<Tuple*>(code->consts.get());
  if (u.has_docstring && consts->size > 0) {
    fn->doc = Ref<Object>::borrow(consts->items[0]);
  } else {
    fn->doc = none();
  }
  fn->code = std::move(code);
  return result;
}

Ref<Object> make_function(Code* code, Dict* globals, Object* defaults, Object* kwdefaults,
                          Object* annotations, Object* closure) {
  Ref<Object> fo = function_new(Ref<Code>::borrow(code), globals);
  if (!fo) return nullptr;
  Function* fn = static_cast<Function*>(fo.get());
  if (defaults) fn->defaults = Ref<Tuple>::borrow(static_cast<Tuple*>(defaults));
  if (kwdefaults) fn->kwdefaults = Ref<Dict>::borrow(static_cast<Dict*>(kwdefaults));
  if (closure) fn->closure = Ref<Tuple>::borrow(static_cast<Tuple*>(closure));
  if (annotations) {
    // 3.11 passes annotations as a flat tuple (name, value, name, value ...).
    if (annotations->type == &TupleType) {
      Tuple* t = static_cast<Tuple*>(annotations);
      Ref<Dict> d = dict_new();
      if (!d) return nullptr;
      for (size_t i = 0; i + 1 < t->size; i += 2) {
        if (dict_set(d.get(), t->items[i], t->items[i + 1]) < 0) return nullptr;
      }
      fn->annotations = d;
    } else {
      fn->annotations = Ref<Object>::borrow(annotations);
    }
  }
  return fo;
}

Ref<Object> method_new(Object* func, Object* self) {
  Method* m = alloc<Method>(&MethodType);
  if (!m) return nullptr;
  m->func = Ref<Object>::borrow(func);
  m->self = Ref<Object>::borrow(self);
  return Ref<Object>::steal(m);
}

Ref<Object> cell_new(Object* contents) {
  Cell* c = alloc<Cell>(&CellType);
  if (!c) return nullptr;
  c->contents = Ref<Object>::borrow(contents);
  return Ref<Object>::steal(c);
}

// ---- function slots ----------------------------------------------------------

static void function_dealloc(Object* self) {
  Function* fn = static_cast<Function*>(self);
  if (fn->dict) decref(fn->dict);
  destroy_object(fn);
}

static Ref<Object> function_repr(Object* self) {
  Function* fn = static_cast<Function*>(self);
  char buf[64];
  std::snprintf(buf, sizeof buf, " at %p>", static_cast<void*>(self));
  return str_from("<function " + std::string(str_view(fn->qualname.get())) + buf);
}

static Ref<Object> function_call(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  return call_function(static_cast<Function*>(self), args, nargs, kwnames);
}

static Ref<Object> function_descr_get(Object* self, Object* obj, Object* owner) {
  if (!obj || obj == None) return Ref<Object>::borrow(self);
  return method_new(self, obj);
}

static Dict* function_dict(Function* fn) {
  if (!fn->dict) {
    Ref<Dict> d = dict_new();
    if (!d) return nullptr;
    fn->dict = d.release();
  }
  return fn->dict;
}

// Attribute access: the getset entries below, then the function's __dict__
// (where decorators such as functools.wraps store __wrapped__).
static Ref<Object> function_getattr(Object* self, Str* name) {
  Function* fn = static_cast<Function*>(self);
  if (fn->dict) {
    Object* v = dict_get_str(fn->dict, name);
    if (v && !type_lookup(self->type, name)) return Ref<Object>::borrow(v);
  }
  return generic_getattr(self, name);
}

static int function_setattr(Object* self, Str* name, Object* value) {
  Function* fn = static_cast<Function*>(self);
  if (type_lookup(self->type, name)) return generic_setattr(self, name, value);
  Dict* d = function_dict(fn);
  if (!d) return -1;
  if (!value) {
    if (dict_del(d, name) < 0) {
      clear_error();
      set_errorf(exc::AttributeError, "'function' object has no attribute '%U'", name);
      return -1;
    }
    return 0;
  }
  return dict_set(d, name, value);
}

#define FN(self) static_cast<Function*>(self)
static Ref<Object> or_none(const Ref<Object>& r) { return r ? r : none(); }

static Ref<Object> fn_get_name(Object* self) { return FN(self)->name; }
static int fn_set_name(Object* self, Object* v) {
  if (!v || !str_check(v)) { set_error(exc::TypeError, "__name__ must be set to a string object"); return -1; }
  FN(self)->name = Ref<Object>::borrow(v);
  return 0;
}
static Ref<Object> fn_get_qualname(Object* self) { return FN(self)->qualname; }
static int fn_set_qualname(Object* self, Object* v) {
  if (!v || !str_check(v)) { set_error(exc::TypeError, "__qualname__ must be set to a string object"); return -1; }
  FN(self)->qualname = Ref<Object>::borrow(v);
  return 0;
}
static Ref<Object> fn_get_doc(Object* self) { return or_none(FN(self)->doc); }
static int fn_set_doc(Object* self, Object* v) { FN(self)->doc = v ? Ref<Object>::borrow(v) : none(); return 0; }
static Ref<Object> fn_get_module(Object* self) { return or_none(FN(self)->module); }
static int fn_set_module(Object* self, Object* v) { FN(self)->module = v ? Ref<Object>::borrow(v) : none(); return 0; }
static Ref<Object> fn_get_defaults(Object* self) { return FN(self)->defaults ? Ref<Object>(FN(self)->defaults) : none(); }
static int fn_set_defaults(Object* self, Object* v) {
  if (!v || v == None) { FN(self)->defaults = nullptr; return 0; }
  if (v->type != &TupleType) { set_error(exc::TypeError, "__defaults__ must be set to a tuple object"); return -1; }
  FN(self)->defaults = Ref<Tuple>::borrow(static_cast<Tuple*>(v));
  return 0;
}
static Ref<Object> fn_get_kwdefaults(Object* self) { return FN(self)->kwdefaults ? Ref<Object>(FN(self)->kwdefaults) : none(); }
static int fn_set_kwdefaults(Object* self, Object* v) {
  if (!v || v == None) { FN(self)->kwdefaults = nullptr; return 0; }
  if (v->type != &DictType) { set_error(exc::TypeError, "__kwdefaults__ must be set to a dict object"); return -1; }
  FN(self)->kwdefaults = Ref<Dict>::borrow(static_cast<Dict*>(v));
  return 0;
}
static Ref<Object> fn_get_closure(Object* self) { return FN(self)->closure ? Ref<Object>(FN(self)->closure) : none(); }
static Ref<Object> fn_get_code(Object* self) { return FN(self)->code; }
static Ref<Object> fn_get_globals(Object* self) { return FN(self)->globals; }
static Ref<Object> fn_get_builtins(Object* self) { return FN(self)->builtins; }
static Ref<Object> fn_get_annotations(Object* self) {
  Function* fn = FN(self);
  if (!fn->annotations) {
    Ref<Dict> d = dict_new();
    if (!d) return nullptr;
    fn->annotations = d;
  }
  return fn->annotations;
}
static int fn_set_annotations(Object* self, Object* v) {
  FN(self)->annotations = v && v != None ? Ref<Object>::borrow(v) : nullptr;
  return 0;
}
static Ref<Object> fn_get_dict(Object* self) {
  Dict* d = function_dict(FN(self));
  return d ? Ref<Object>::borrow(d) : nullptr;
}

static const GetSetDef function_getset[] = {
    {"__name__", fn_get_name, fn_set_name},
    {"__qualname__", fn_get_qualname, fn_set_qualname},
    {"__doc__", fn_get_doc, fn_set_doc},
    {"__module__", fn_get_module, fn_set_module},
    {"__defaults__", fn_get_defaults, fn_set_defaults},
    {"__kwdefaults__", fn_get_kwdefaults, fn_set_kwdefaults},
    {"__closure__", fn_get_closure},
    {"__code__", fn_get_code},
    {"__globals__", fn_get_globals},
    {"__builtins__", fn_get_builtins},
    {"__annotations__", fn_get_annotations, fn_set_annotations},
    {"__dict__", fn_get_dict},
    {nullptr, nullptr},
};
#undef FN

// ---- method slots ---------------------------------------------------------------

static void method_dealloc(Object* self) { destroy_object(static_cast<Method*>(self)); }

static Ref<Object> method_call(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  Method* m = static_cast<Method*>(self);
  size_t total = nargs + (kwnames ? kwnames->size : 0);
  // Prepend self without copying when small (the common case).
  Object* small[16];
  std::unique_ptr<Object*[]> big;
  Object** buf = small;
  if (total + 1 > 16) {
    big.reset(new Object*[total + 1]);
    buf = big.get();
  }
  buf[0] = m->self.get();
  for (size_t i = 0; i < total; i++) buf[i + 1] = args[i];
  return call(m->func.get(), buf, nargs + 1, kwnames);
}

// types.MethodType(func, instance) binds by hand.
static Ref<Object> method_new_slot(TypeObject*, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (kwnames && kwnames->size) return set_error(exc::TypeError, "method() takes no keyword arguments");
  if (nargs != 2) return set_errorf(exc::TypeError, "method expected 2 arguments, got %zu", nargs);
  if (!is_callable(args[0])) return set_error(exc::TypeError, "first argument must be callable");
  if (args[1] == None) return set_error(exc::TypeError, "instance must not be None");
  return method_new(args[0], args[1]);
}

static Ref<Object> method_repr(Object* self) {
  Method* m = static_cast<Method*>(self);
  Ref<Object> name = getattr_opt(m->func.get(), names::__qualname__);
  if (!name) {
    if (error_occurred()) return nullptr;
    name = getattr_opt(m->func.get(), names::__name__);
    if (!name && error_occurred()) return nullptr;
  }
  std::string self_repr;
  if (!repr_utf8(m->self.get(), &self_repr)) return nullptr;
  std::string n = name && str_check(name.get()) ? std::string(str_view(name.get())) : "?";
  return str_from("<bound method " + n + " of " + self_repr + ">");
}

static Ref<Object> method_getattr(Object* self, Str* name) {
  // Attributes not defined on the method type come from the function.
  Ref<Object> v = generic_getattr(self, name);
  if (v || !error_matches(exc::AttributeError)) return v;
  clear_error();
  return getattr(static_cast<Method*>(self)->func.get(), name);
}

static Ref<Object> method_richcompare(Object* a, Object* b, CompareOp op) {
  if ((op != CompareOp::Eq && op != CompareOp::Ne) || b->type != &MethodType) return not_implemented();
  Method* x = static_cast<Method*>(a);
  Method* y = static_cast<Method*>(b);
  int eq = x->self.get() == y->self.get() ? equal(x->func.get(), y->func.get()) : 0;
  if (eq < 0) return nullptr;
  return new_bool((op == CompareOp::Eq) == (eq != 0));
}

static int64_t method_hash(Object* self) {
  Method* m = static_cast<Method*>(self);
  int64_t a = reinterpret_cast<intptr_t>(m->self.get()) >> 4;
  int64_t b = hash(m->func.get());
  if (b == -1) return -1;
  int64_t h = a ^ b;
  return h == -1 ? -2 : h;
}

static Ref<Object> method_get_func(Object* self) { return static_cast<Method*>(self)->func; }
static Ref<Object> method_get_self(Object* self) { return static_cast<Method*>(self)->self; }
static const GetSetDef method_getset[] = {
    {"__func__", method_get_func},
    {"__self__", method_get_self},
    {nullptr, nullptr},
};

// ---- cell slots -----------------------------------------------------------------

static void cell_dealloc(Object* self) { destroy_object(static_cast<Cell*>(self)); }
static Ref<Object> cell_repr(Object* self) {
  Cell* c = static_cast<Cell*>(self);
  char buf[128];
  if (!c->contents) {
    std::snprintf(buf, sizeof buf, "<cell at %p: empty>", static_cast<void*>(self));
  } else {
    std::snprintf(buf, sizeof buf, "<cell at %p: %s object at %p>", static_cast<void*>(self),
                  std::string(type_name(c->contents->type)).c_str(), static_cast<void*>(c->contents.get()));
  }
  return str_from(buf);
}
static Ref<Object> cell_get_contents(Object* self) {
  Cell* c = static_cast<Cell*>(self);
  if (!c->contents) return set_error(exc::ValueError, "Cell is empty");
  return c->contents;
}
static int cell_set_contents(Object* self, Object* v) {
  static_cast<Cell*>(self)->contents = Ref<Object>::borrow(v);
  return 0;
}
static const GetSetDef cell_getset[] = {
    {"cell_contents", cell_get_contents, cell_set_contents},
    {nullptr, nullptr},
};

// ---- the cycle collector's slots (runtime/gc.h) ----------------------------------

static void visit_ref(Object* o, VisitFn visit, void* arg) {
  if (o) visit(o, arg);
}

static void function_traverse(Object* self, VisitFn visit, void* arg) {
  Function* fn = static_cast<Function*>(self);
  visit_ref(fn->code.get(), visit, arg);
  visit_ref(fn->globals.get(), visit, arg);
  visit_ref(fn->builtins.get(), visit, arg);
  visit_ref(fn->defaults.get(), visit, arg);
  visit_ref(fn->kwdefaults.get(), visit, arg);
  visit_ref(fn->closure.get(), visit, arg);
  visit_ref(fn->name.get(), visit, arg);
  visit_ref(fn->qualname.get(), visit, arg);
  visit_ref(fn->doc.get(), visit, arg);
  visit_ref(fn->module.get(), visit, arg);
  visit_ref(fn->annotations.get(), visit, arg);
  visit_ref(fn->dict, visit, arg);
}

// Drops what can lead back to the function (CPython's func_clear keeps the
// code and the name, so a cleared function still prints and calls).
static void function_clear(Object* self) {
  Function* fn = static_cast<Function*>(self);
  Ref<Object> defaults = std::move(fn->defaults);
  Ref<Object> kwdefaults = std::move(fn->kwdefaults);
  Ref<Object> closure = std::move(fn->closure);
  Ref<Object> annotations = std::move(fn->annotations);
  Ref<Object> doc = std::move(fn->doc);
  Ref<Object> module = std::move(fn->module);
  Ref<Object> dict = Ref<Object>::steal(fn->dict);
  fn->dict = nullptr;
  fn->doc = none();
  fn->module = none();
}

static void method_traverse(Object* self, VisitFn visit, void* arg) {
  Method* m = static_cast<Method*>(self);
  visit_ref(m->func.get(), visit, arg);
  visit_ref(m->self.get(), visit, arg);
}

static void cell_traverse(Object* self, VisitFn visit, void* arg) {
  visit_ref(static_cast<Cell*>(self)->contents.get(), visit, arg);
}

static void cell_clear(Object* self) {
  Ref<Object> old = std::move(static_cast<Cell*>(self)->contents);
}

void init_function_types() {
  FunctionType.name = "function";
  FunctionType.basic_size = sizeof(Function);
  FunctionType.flags = kHaveGC | kMethodDescriptor;
  FunctionType.dealloc = function_dealloc;
  FunctionType.traverse = function_traverse;
  FunctionType.clear = function_clear;
  FunctionType.repr = function_repr;
  FunctionType.call = function_call;
  FunctionType.descr_get = function_descr_get;
  FunctionType.getattr = function_getattr;
  FunctionType.setattr = function_setattr;
  FunctionType.getset = function_getset;
  {
    Function probe;
    FunctionType.weaklist_offset = reinterpret_cast<char*>(&probe.weakreflist) - reinterpret_cast<char*>(&probe);
  }

  MethodType.name = "method";
  MethodType.basic_size = sizeof(Method);
  MethodType.flags = kHaveGC;
  MethodType.dealloc = method_dealloc;
  MethodType.traverse = method_traverse;
  MethodType.repr = method_repr;
  MethodType.call = method_call;
  MethodType.getattr = method_getattr;
  MethodType.richcompare = method_richcompare;
  MethodType.hash = method_hash;
  MethodType.getset = method_getset;
  MethodType.new_ = method_new_slot;
  {
    Method probe;
    MethodType.weaklist_offset = reinterpret_cast<char*>(&probe.weakreflist) - reinterpret_cast<char*>(&probe);
  }

  CellType.name = "cell";
  CellType.basic_size = sizeof(Cell);
  CellType.flags = kHaveGC;
  CellType.dealloc = cell_dealloc;
  CellType.traverse = cell_traverse;
  CellType.clear = cell_clear;
  CellType.repr = cell_repr;
  CellType.getset = cell_getset;
}

}  // namespace coil::vm
