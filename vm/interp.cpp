// interp.cpp — booting the interpreter, and the builtins that need the VM.
//
// vm_init() runs once: it boots the runtime's types (runtime/bootstrap),
// the VM's own types (code, function, method, cell, traceback, generator),
// creates the `builtins` module from the native builtins plus the ones
// defined here (__build_class__, __import__, globals, locals, exec, eval,
// compile), then `sys`, and registers the native modules for import.
#include <cstdlib>
#include <cstring>
#include <string>
#include <unistd.h>

#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/bootstrap.h"
#include "runtime/descr.h"
#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/names.h"
#include "runtime/singletons.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "stdlib/native/builtins.h"
#include "stdlib/native/fileio.h"
#include "stdlib/native/modules.h"
#include "vm/eval_internal.h"
#include "vm/frame.h"
#include "vm/frameobject.h"
#include "vm/function.h"
#include "vm/import.h"
#include "vm/interp.h"
#include "vm/threadstate.h"
#include "vm/traceback.h"

namespace coil::vm {

using namespace coil::runtime;

Interpreter g_interp;

Dict* current_globals() {
  ThreadState* ts = current_thread_state();
  return ts && ts->frame ? ts->frame->globals : nullptr;
}

// ---- __build_class__ --------------------------------------------------------------

// Replaces each base that is not a class and has __mro_entries__ by the
// tuple it returns.  Returns `bases` itself when nothing changed.
static Ref<Tuple> update_bases(Tuple* bases) {
  std::vector<Object*> out;
  std::vector<Ref<Object>> keep;
  bool changed = false;
  for (size_t i = 0; i < bases->size; i++) {
    Object* b = bases->items[i];
    if (type_has(b->type, kTypeSubclass) || b->type == &TypeType) {
      out.push_back(b);
      continue;
    }
    Ref<Object> meth = getattr_opt(b, names::__mro_entries__);
    if (!meth) {
      if (error_occurred()) return nullptr;
      out.push_back(b);
      continue;
    }
    Object* arg = bases;
    Ref<Object> entries = call(meth.get(), &arg, 1);
    if (!entries) return nullptr;
    if (entries->type != &TupleType) {
      set_error(exc::TypeError, "__mro_entries__ must return a tuple");
      return nullptr;
    }
    Tuple* t = static_cast<Tuple*>(entries.get());
    for (size_t k = 0; k < t->size; k++) out.push_back(t->items[k]);
    keep.push_back(std::move(entries));
    changed = true;
  }
  if (!changed) return Ref<Tuple>::borrow(bases);
  return tuple_from_array(out.data(), out.size());
}

// The metaclass of a class statement: the explicit one, else the most
// derived metaclass of the bases (TypeError on a conflict, as CPython).
static TypeObject* calculate_metaclass(TypeObject* meta, Tuple* bases) {
  TypeObject* winner = meta;
  for (size_t i = 0; i < bases->size; i++) {
    TypeObject* t = bases->items[i]->type;
    if (is_subtype(winner, t)) continue;
    if (is_subtype(t, winner)) { winner = t; continue; }
    set_error(exc::TypeError,
              "metaclass conflict: the metaclass of a derived class must be a (non-strict) "
              "subclass of the metaclasses of all its bases");
    return nullptr;
  }
  return winner;
}

static Ref<Object> builtin_build_class(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (nargs < 2) return set_error(exc::TypeError, "__build_class__: not enough arguments");
  Object* func = args[0];
  Object* name = args[1];
  if (func->type != &FunctionType) return set_error(exc::TypeError, "__build_class__: func must be a function");
  if (!str_check(name)) return set_error(exc::TypeError, "__build_class__: name is not a string");
  Ref<Tuple> orig_bases = tuple_from_array(args + 2, nargs - 2);
  if (!orig_bases) return nullptr;
  // PEP 560: a base that is not a class may stand for others through
  // __mro_entries__ (list[int] -> list, Generic[T] -> Generic).
  Ref<Tuple> bases = update_bases(orig_bases.get());
  if (!bases) return nullptr;

  // Keyword arguments: metaclass= is ours, the rest go to the metaclass.
  Object* meta = nullptr;
  std::vector<Object*> kwvalues;
  std::vector<Object*> kwnames_v;
  if (kwnames) {
    for (size_t i = 0; i < kwnames->size; i++) {
      if (str_equal(static_cast<Str*>(kwnames->items[i]), names::metaclass)) {
        meta = args[nargs + i];
      } else {
        kwnames_v.push_back(kwnames->items[i]);
        kwvalues.push_back(args[nargs + i]);
      }
    }
  }
  // The metaclass: the explicit one, or the type of the first base; when it
  // is a class, the most derived metaclass among the bases' wins.  (A
  // metaclass= that is a plain callable is used as it is.)
  if (!meta) meta = bases->size > 0 ? static_cast<Object*>(bases->items[0]->type) : &TypeType;
  if (is_instance_of(meta, &TypeType)) {
    TypeObject* m = calculate_metaclass(static_cast<TypeObject*>(meta), bases.get());
    if (!m) return nullptr;
    meta = m;
  }

  // The namespace: meta.__prepare__(name, bases, **kw) or a dict.
  Ref<Tuple> extra_names;
  if (!kwnames_v.empty()) {
    extra_names = tuple_from_array(kwnames_v.data(), kwnames_v.size());
    if (!extra_names) return nullptr;
  }
  Ref<Object> ns;
  Ref<Object> prepare = getattr_opt(meta, names::__prepare__);
  if (prepare) {
    std::vector<Object*> pargs = {name, bases.get()};
    pargs.insert(pargs.end(), kwvalues.begin(), kwvalues.end());
    ns = call(prepare.get(), pargs.data(), 2, extra_names.get());
  } else {
    if (error_occurred()) return nullptr;
    ns = dict_new();
  }
  if (!ns) return nullptr;
  if (bases.get() != orig_bases.get() && setitem(ns.get(), names::__orig_bases__, orig_bases.get()) < 0) {
    return nullptr;
  }

  // Run the class body with the namespace as its locals.
  Function* fn = static_cast<Function*>(func);
  ThreadState* ts = current_thread_state();
  Frame* f = push_code_frame(ts, fn->code.get(), fn->globals.get(), fn->builtins.get(), ns.get(),
                             fn->closure.get());
  if (!f) return nullptr;
  Ref<Object> cell = run_frame(ts, f);
  if (!cell) return nullptr;

  // cls = meta(name, bases, ns, **kw)
  std::vector<Object*> cargs = {name, bases.get(), ns.get()};
  cargs.insert(cargs.end(), kwvalues.begin(), kwvalues.end());
  Ref<Object> cls = call(meta, cargs.data(), 3, extra_names.get());
  if (!cls) return nullptr;
  // The body returned the __class__ cell (if any method uses super() or
  // __class__): fill it with the new class.
  if (cell->type == &CellType) {
    Cell* c = static_cast<Cell*>(cell.get());
    if (!c->contents) c->contents = cls;
  }
  return cls;
}

// ---- globals / locals / exec / eval / compile ---------------------------------------

static Ref<Object> builtin_globals(Object*, Object* const*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("globals", kwnames) || !check_nargs("globals", nargs, 0, 0)) return nullptr;
  Dict* g = current_globals();
  return g ? Ref<Object>::borrow(g) : none();
}

// locals(): the frame's mapping in module/class code, else a new dict
// snapshot of the fast locals (as CPython 3.11 for functions).
static Ref<Object> builtin_locals(Object*, Object* const*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("locals", kwnames) || !check_nargs("locals", nargs, 0, 0)) return nullptr;
  ThreadState* ts = current_thread_state();
  if (!ts->frame) return none();
  return frame_locals_of(ts->frame);
}

static Ref<Object> run_source_or_code(const char* fname, Object* src, Object* globals, Object* locals,
                                      const char* mode) {
  Ref<Object> code;
  if (src->type == &CodeType) {
    code = Ref<Object>::borrow(src);
  } else if (str_check(src)) {
    code = compile_source(str_view(src), "<string>", mode);
    if (!code) return nullptr;
  } else {
    return set_errorf(exc::TypeError, "%s() arg 1 must be a string, bytes or code object", fname);
  }
  Dict* g = nullptr;
  Object* l = nullptr;
  ThreadState* ts = current_thread_state();
  Ref<Object> snapshot;
  if (!globals || globals == None) {
    g = current_globals();
    if (ts->frame) {
      snapshot = frame_locals_of(ts->frame);
      if (!snapshot) return nullptr;
      l = snapshot.get();
    }
  } else {
    if (!dict_check(globals)) {
      return set_errorf(exc::TypeError, "%s() globals must be a dict, not %T", fname, globals);
    }
    g = static_cast<Dict*>(globals);
  }
  if (locals && locals != None) l = locals;
  if (!g) return set_error(exc::SystemError, "no globals");
  return eval_code(static_cast<Code*>(code.get()), g, l ? l : g);
}

static Ref<Object> builtin_exec(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  Object* a[3];
  static const ArgSpec spec{"exec", {"source", "globals", "locals"}, 1, 1};
  if (!bind_args(spec, args, nargs, kwnames, a)) return nullptr;
  Ref<Object> r = run_source_or_code("exec", a[0], a[1], a[2], "exec");
  if (!r) return nullptr;
  return none();
}

static Ref<Object> builtin_eval(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  Object* a[3];
  static const ArgSpec spec{"eval", {"source", "globals", "locals"}, 1, 1};
  if (!bind_args(spec, args, nargs, kwnames, a)) return nullptr;
  if (str_check(a[0])) {
    // eval() ignores leading spaces and tabs.
    std::string_view s = str_view(a[0]);
    size_t i = s.find_first_not_of(" \t");
    Ref<Object> trimmed = str_from(i == std::string_view::npos ? "" : s.substr(i));
    if (!trimmed) return nullptr;
    return run_source_or_code("eval", trimmed.get(), a[1], a[2], "eval");
  }
  return run_source_or_code("eval", a[0], a[1], a[2], "eval");
}

static Ref<Object> builtin_compile(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  Object* a[6];
  static const ArgSpec spec{"compile", {"source", "filename", "mode", "flags", "dont_inherit", "optimize"}, 3};
  if (!bind_args(spec, args, nargs, kwnames, a)) return nullptr;
  // Source text: a str, or bytes / bytearray holding UTF-8 (a coding
  // declaration other than UTF-8 is not supported).
  std::string_view source;
  if (str_check(a[0])) source = str_view(a[0]);
  else if (!bytes_like_view(a[0], &source))
    return set_error(exc::TypeError, "compile() arg 1 must be a string, bytes or AST object");
  if (source.find('\0') != std::string_view::npos)
    return set_error(exc::SyntaxError, "source code string cannot contain null bytes");
  if (!str_check(a[1]) || !str_check(a[2])) return set_error(exc::TypeError, "compile() arg 2 and 3 must be str");
  std::string_view mode = str_view(a[2]);
  if (mode != "exec" && mode != "eval" && mode != "single") {
    return set_error(exc::ValueError, "compile() mode must be 'exec', 'eval' or 'single'");
  }
  return compile_source(source, str_view(a[1]), mode);
}

static Ref<Object> builtin_import(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  Object* a[5];
  static const ArgSpec spec{"__import__", {"name", "globals", "locals", "fromlist", "level"}, 1};
  if (!bind_args(spec, args, nargs, kwnames, a)) return nullptr;
  if (!str_check(a[0])) return set_errorf(exc::TypeError, "__import__() argument 1 must be str, not %T", a[0]);
  int64_t level = 0;
  if (a[4] && !int_to_i64(a[4], &level)) return nullptr;
  Dict* globals = a[1] && dict_check(a[1]) ? static_cast<Dict*>(a[1]) : nullptr;
  return import_module_level(static_cast<Str*>(a[0]), globals, a[3], static_cast<int>(level));
}

static const MethodDef vm_builtins[] = {
    {"__build_class__", builtin_build_class, MethodKind::Static},
    {"__import__", builtin_import, MethodKind::Static},
    {"globals", builtin_globals, MethodKind::Static},
    {"locals", builtin_locals, MethodKind::Static},
    {"exec", builtin_exec, MethodKind::Static},
    {"eval", builtin_eval, MethodKind::Static},
    {"compile", builtin_compile, MethodKind::Static},
    {nullptr, nullptr},
};

// ---- zero-argument super() ----------------------------------------------------------

// super() with no arguments reads the calling method's frame: the class
// comes from its __class__ cell (the compiler creates one in every method
// that mentions super or __class__), the instance from its first argument.
static bool zero_arg_super(TypeObject** type, Object** obj) {
  ThreadState* ts = current_thread_state();
  Frame* f = ts->frame;
  if (!f || !f->code) {
    set_error(exc::RuntimeError, "super(): no current frame");
    return false;
  }
  Code* code = f->code;
  if (code->unit->argcount == 0 && !(code->flags & CO_VARARGS)) {
    set_error(exc::RuntimeError, "super(): no arguments");
    return false;
  }
  Object* first = f->localsplus[0];
  for (int a : code->unit->cell_args) {
    if (a == 0 && first && first->type == &CellType) first = static_cast<Cell*>(first)->contents.get();
  }
  if (!first) {
    set_error(exc::RuntimeError, "super(): arg[0] deleted");
    return false;
  }
  Tuple* lnames = static_cast<Tuple*>(code->localsplus_names.get());
  for (int i = code->nlocals + code->ncells; i < code->nlocalsplus; i++) {
    if (str_view(lnames->items[i]) != "__class__") continue;
    Object* cell = f->localsplus[i];
    Object* cls = cell ? static_cast<Cell*>(cell)->contents.get() : nullptr;
    if (!cls) {
      set_error(exc::RuntimeError, "super(): empty __class__ cell");
      return false;
    }
    if (!type_has(cls->type, kTypeSubclass) && cls->type != &TypeType) {
      set_error(exc::RuntimeError, "super(): __class__ is not a type");
      return false;
    }
    *type = static_cast<TypeObject*>(cls);
    *obj = first;
    return true;
  }
  set_error(exc::RuntimeError, "super(): __class__ cell not found");
  return false;
}

// ---- hooks the runtime calls back into the VM ----------------------------------

static Object* module_name_of_caller() {
  Dict* g = current_globals();
  return g ? dict_get_str(g, names::__name__) : nullptr;
}

static bool set_class_cell(Object* cell, Object* cls) {
  if (cell->type != &CellType) {
    set_errorf(exc::TypeError, "__classcell__ must be a nonlocal cell, not %T", cell);
    return false;
  }
  static_cast<Cell*>(cell)->contents = Ref<Object>::borrow(cls);
  return true;
}

static Ref<Object> caller_locals() {
  ThreadState* ts = current_thread_state();
  if (!ts->frame) return none();
  return frame_locals_of(ts->frame);
}

// ---- boot -------------------------------------------------------------------------

static std::string exe_dir(std::string_view argv0) {
  char buf[4096];
  ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
  std::string path = n > 0 ? std::string(buf, n) : std::string(argv0);
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? "." : path.substr(0, slash);
}

static std::string find_stdlib(const std::string& dir) {
  // In the build tree: <build>/lib; installed: <prefix>/lib/coil.
  for (const std::string& cand : {dir + "/lib", dir + "/../lib/coil", dir + "/../stdlib/lib"}) {
    if (access((cand + "/.").c_str(), F_OK) == 0) return cand;
  }
  return dir + "/lib";
}

bool vm_init(int argc, char** argv, std::string_view executable) {
  if (!runtime_init()) return false;
  threads_init_main();   // the main thread takes the GIL (vm/gil.h)
  init_code_type();
  init_function_types();
  init_traceback_type();
  init_frame_object_type();
  init_generator_types();
  super_zero_arg_hook = zero_arg_super;
  current_module_name_hook = module_name_of_caller;
  classcell_set_hook = set_class_cell;
  set_traceback_printer(print_exception);
  set_output_flusher(flush_std_streams);
  set_builtins_locals_hook(caller_locals);
  for (TypeObject* t : {&CodeType, &FunctionType, &MethodType, &CellType, &TracebackType, &FrameObjectType}) {
    if (!type_ready(t)) return false;
  }
  if (!init_fileio_types()) return false;

  Interpreter& in = interp();
  in.executable = std::string(executable);
  in.stdlib_dir = find_stdlib(exe_dir(executable));
  in.modules = dict_new();
  in.builtins_module = module_new("builtins");
  if (!in.modules || !in.builtins_module) return false;
  in.builtins = module_dict(in.builtins_module.get());
  if (!add_builtins(in.builtins, in.builtins_module.get())) return false;
  if (!add_functions(in.builtins, vm_builtins, in.builtins_module.get())) return false;
  if (dict_set(in.modules.get(), intern("builtins"), in.builtins_module.get()) < 0) return false;
  if (!init_sys_module(argc, argv)) return false;
  in.builtins_copy = dict_copy(in.builtins);
  if (!in.builtins_copy) return false;
  return true;
}

void vm_finalize() {
  threads_finalize();    // join non-daemon threads; daemon threads stop here
  atexit_run_callbacks();
  flush_std_streams();
  finalize_modules();    // vm/shutdown.cpp
  flush_std_streams();
}

}  // namespace coil::vm
