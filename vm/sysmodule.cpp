// sysmodule.cpp — the sys module: the interpreter's state seen from Python.
#include <climits>
#include <cmath>
#include <string>

#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/descr.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/names.h"
#include "runtime/singletons.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "stdlib/native/fileio.h"
#include "stdlib/native/modules.h"
#include "stdlib/native/sys.h"
#include "stdlib/native/builtins.h"
#include "vm/frame.h"
#include "vm/frameobject.h"
#include "vm/gil.h"
#include "vm/import.h"
#include "vm/interp.h"
#include "vm/threadstate.h"
#include "vm/traceback.h"
#include "vm/trace.h"

namespace coil::vm {

using namespace coil::runtime;

static Dict* sys_dict() { return module_dict(interp().sys_module.get()); }

static Object* sys_attr(Str* name) {
  if (!interp().sys_module) return None;
  Object* v = dict_get_str(sys_dict(), name);
  return v ? v : None;
}

Object* sys_stdout() { return sys_attr(names::stdout); }
Object* sys_stderr() { return sys_attr(names::stderr); }
Object* sys_stdin() { return sys_attr(names::stdin); }

static Ref<Object> sys_exit(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("exit", kwnames) || !check_nargs("exit", nargs, 0, 1)) return nullptr;
  Ref<Object> e = nargs ? call1(exc::SystemExit, args[0]) : call0(exc::SystemExit);
  if (!e) return nullptr;
  return set_error_object(e.get());
}

static Ref<Object> sys_getrecursionlimit(Object*, Object* const*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("getrecursionlimit", kwnames) || !check_nargs("getrecursionlimit", nargs, 0, 0)) return nullptr;
  return int_from_i64(interp().recursion_limit);
}

static Ref<Object> sys_setrecursionlimit(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("setrecursionlimit", kwnames) || !check_nargs("setrecursionlimit", nargs, 1, 1)) return nullptr;
  if (!int_check(args[0])) return set_error(exc::TypeError, "'" + std::string(type_name(args[0]->type)) + "' object cannot be interpreted as an integer");
  int64_t n;
  if (!int_to_i64(args[0], &n)) return nullptr;
  if (n < 1) return set_error(exc::ValueError, "recursion limit must be greater or equal than 1");
  ThreadState* ts = current_thread_state();
  if (n <= ts->recursion_depth) {
    return set_errorf(exc::RecursionError,
                      "cannot set the recursion limit to %lld at the recursion depth %d: the limit is too low",
                      static_cast<long long>(n), ts->recursion_depth);
  }
  interp().recursion_limit = n > INT_MAX ? INT_MAX : static_cast<int>(n);
  // The runtime's guard for nested native calls reads the thread's copy.
  ts->recursion_limit = interp().recursion_limit;
  return none();
}

static Ref<Object> sys_intern(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("intern", kwnames) || !check_nargs("intern", nargs, 1, 1)) return nullptr;
  if (!str_check_exact(args[0])) return set_errorf(exc::TypeError, "intern() argument must be str, not %T", args[0]);
  return intern_str(Ref<Str>::borrow(static_cast<Str*>(args[0])));
}

static Ref<Object> sys_getrefcount(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("getrefcount", kwnames)) return nullptr;
  if (nargs != 1)
    return set_errorf(exc::TypeError, "sys.getrefcount() takes exactly one argument (%zu given)", nargs);
  // The argument itself holds one reference during the call, as in CPython.
  return int_from_i64(args[0]->refcnt);
}

static Ref<Object> sys_exc_info(Object*, Object* const*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("exc_info", kwnames) || !check_nargs("exc_info", nargs, 0, 0)) return nullptr;
  Object* e = handled_exception(current_thread_state());
  if (!e || e == None) return tuple_pack({None, None, None});
  Object* tb = static_cast<BaseException*>(e)->traceback.get();
  return tuple_pack({e->type, e, tb ? tb : None});
}

static Ref<Object> sys_exception(Object*, Object* const*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("exception", kwnames) || !check_nargs("exception", nargs, 0, 0)) return nullptr;
  Object* e = handled_exception(current_thread_state());
  return Ref<Object>::borrow(e ? e : None);
}

// sys._getframe(depth=0): the frame object `depth` calls up the stack.
static Ref<Object> sys_getframe(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("_getframe", kwnames) || !check_nargs("_getframe", nargs, 0, 1)) return nullptr;
  int64_t depth = 0;
  if (nargs == 1 && !int_to_i64(args[0], &depth)) return nullptr;
  Frame* f = current_thread_state()->frame;
  while (f && depth > 0) {
    f = f->back;
    --depth;
  }
  if (!f) return set_error(exc::ValueError, "call stack is not deep enough");
  return frame_object_of(f);
}

// sys.settrace(f) / sys.setprofile(f): install (None: remove) this
// thread's trace or profile function (vm/trace.cpp).
static Ref<Object> sys_settrace(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("settrace", kwnames) || !check_nargs("settrace", nargs, 1, 1)) return nullptr;
  ThreadState* ts = current_thread_state();
  if (args[0] == None) set_trace_hook(ts, nullptr, nullptr);
  else set_trace_hook(ts, python_trace_hook, args[0]);
  return none();
}

static Ref<Object> sys_setprofile(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("setprofile", kwnames) || !check_nargs("setprofile", nargs, 1, 1)) return nullptr;
  ThreadState* ts = current_thread_state();
  if (args[0] == None) set_profile_hook(ts, nullptr, nullptr);
  else set_profile_hook(ts, python_profile_hook, args[0]);
  return none();
}

// sys.gettrace() / sys.getprofile(): the hook's object (for cProfile's
// native profiler, the Profiler itself), or None.
static Ref<Object> sys_gettrace(Object*, Object* const*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("gettrace", kwnames) || !check_nargs("gettrace", nargs, 0, 0)) return nullptr;
  Object* o = current_thread_state()->trace_obj.get();
  return Ref<Object>::borrow(o ? o : None);
}

static Ref<Object> sys_getprofile(Object*, Object* const*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("getprofile", kwnames) || !check_nargs("getprofile", nargs, 0, 0)) return nullptr;
  Object* o = current_thread_state()->profile_obj.get();
  return Ref<Object>::borrow(o ? o : None);
}

// sys.setswitchinterval(interval): how long a thread waiting for the GIL
// lets the holder run before asking it to switch (vm/gil.h).  Stored in
// whole microseconds, as CPython does (so 1e-9 reads back as 0.0).
static Ref<Object> sys_setswitchinterval(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("setswitchinterval", kwnames) || !check_nargs("setswitchinterval", nargs, 1, 1)) return nullptr;
  double v;
  bool overflow = false;
  if (!float_coerce(args[0], &v, &overflow)) {
    if (overflow) return nullptr;
    return set_errorf(exc::TypeError, "must be real number, not %T", args[0]);
  }
  if (v <= 0) return set_error(exc::ValueError, "switch interval must be strictly positive");
  if (std::isnan(v)) return none();   // CPython accepts it too (and stores garbage)
  gil_set_switch_interval_us(v * 1e6 >= 9e18 ? INT64_MAX : static_cast<int64_t>(1e6 * v));
  return none();
}

static Ref<Object> sys_getswitchinterval(Object*, Object* const*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("getswitchinterval", kwnames) || !check_nargs("getswitchinterval", nargs, 0, 0)) return nullptr;
  return float_from_double(1e-6 * static_cast<double>(gil_switch_interval_us()));
}

// sys.excepthook(type, value, traceback): the default prints the
// exception and its chain to stderr, as the top level does
// (vm/traceback.cpp).  sys.__excepthook__ keeps the original.
static Ref<Object> sys_excepthook(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("excepthook", kwnames) || !check_nargs("excepthook", nargs, 3, 3)) return nullptr;
  // An exception without a traceback gets the one passed in (CPython's
  // PyErr_Display); one that has its own keeps it.
  if (args[2]->type == &TracebackType && exception_check(args[1])) {
    auto* be = static_cast<BaseException*>(args[1]);
    if (!be->traceback) be->traceback = Ref<Object>::borrow(args[2]);
  }
  print_exception(args[1]);
  return none();
}

static const MethodDef sys_methods[] = {
    {"setswitchinterval", sys_setswitchinterval, MethodKind::Static},
    {"getswitchinterval", sys_getswitchinterval, MethodKind::Static},
    {"settrace", sys_settrace, MethodKind::Static},
    {"setprofile", sys_setprofile, MethodKind::Static},
    {"gettrace", sys_gettrace, MethodKind::Static},
    {"getprofile", sys_getprofile, MethodKind::Static},
    {"_getframe", sys_getframe, MethodKind::Static},
    {"exit", sys_exit, MethodKind::Static},
    {"getrecursionlimit", sys_getrecursionlimit, MethodKind::Static},
    {"setrecursionlimit", sys_setrecursionlimit, MethodKind::Static},
    {"intern", sys_intern, MethodKind::Static},
    {"getrefcount", sys_getrefcount, MethodKind::Static},
    {"exc_info", sys_exc_info, MethodKind::Static},
    {"exception", sys_exception, MethodKind::Static},
    {"getsizeof", sys_getsizeof, MethodKind::Static},
    {"excepthook", sys_excepthook, MethodKind::Static},
    {nullptr, nullptr},
};

static Ref<Object> make_sys_module() { return interp().sys_module; }

// sys.version_info is a "struct sequence" in CPython: a tuple whose items
// also have names.  Here it is a small tuple subclass written in Python,
// compiled once at start-up.
static const char kVersionInfoSource[] = R"PY(
class version_info(tuple):
    __slots__ = ()
    n_fields = n_sequence_fields = 5
    n_unnamed_fields = 0
    major = property(lambda self: self[0])
    minor = property(lambda self: self[1])
    micro = property(lambda self: self[2])
    releaselevel = property(lambda self: self[3])
    serial = property(lambda self: self[4])
    def __repr__(self):
        return ("sys.version_info(major=%r, minor=%r, micro=%r, releaselevel=%r, serial=%r)"
                % tuple(self))
version_info = version_info((3, 11, 7, "final", 0))
)PY";

static bool add_version_info(Dict* sysdict) {
  Ref<Dict> ns = dict_new();
  if (!ns || dict_set_str(ns.get(), "__name__", intern("sys")) < 0 ||
      dict_set(ns.get(), names::__builtins__, interp().builtins_module.get()) < 0) {
    return false;
  }
  Ref<Object> code = compile_source(kVersionInfoSource, "<sys>", "exec");
  if (!code || !eval_code(static_cast<Code*>(code.get()), ns.get(), nullptr)) return false;
  Object* vi = dict_get_cstr(ns.get(), "version_info");
  return vi && dict_set_str(sysdict, "version_info", vi) == 0;
}

static bool set(Dict* d, const char* name, Ref<Object> v) {
  return v && dict_set_str(d, name, v.get()) == 0;
}

bool init_sys_module(int argc, char** argv) {
  Interpreter& in = interp();
  in.sys_module = module_new("sys");
  if (!in.sys_module) return false;
  Dict* d = sys_dict();
  if (!add_functions(d, sys_methods, in.sys_module.get())) return false;
  if (dict_set_str(d, "__excepthook__", dict_get_cstr(d, "excepthook")) < 0) return false;

  Ref<List> av = list_new();
  for (int i = 0; i < argc; i++) {
    if (!list_append(av.get(), str_from(argv[i]).get())) return false;
  }
  in.path = list_new();
  if (!in.path) return false;
  bool ok = set(d, "argv", av) && set(d, "path", in.path) && set(d, "modules", in.modules) &&
            set(d, "maxsize", int_from_i64(INT64_MAX)) &&
            set(d, "version", str_from("3.11.7 (coil " COIL_VERSION ")")) &&
            set(d, "hexversion", int_from_i64(0x030B07F0)) &&
            set(d, "platform", str_from("linux")) && set(d, "byteorder", str_from("little")) &&
            set(d, "executable", str_from(in.executable)) &&
            set(d, "builtin_module_names", tuple_pack({intern("builtins"), intern("sys")})) &&
            set(d, "stdin", make_std_stream(0, "<stdin>", "r")) &&
            set(d, "stdout", make_std_stream(1, "<stdout>", "w")) &&
            set(d, "stderr", make_std_stream(2, "<stderr>", "w"));
  if (!ok) return false;
  for (const char* n : {"stdin", "stdout", "stderr"}) {
    Object* v = dict_get_cstr(d, n);
    if (!set(d, (std::string("__") + n + "__").c_str(), Ref<Object>::borrow(v))) return false;
  }
  if (!add_version_info(d)) return false;
  register_native_module("sys", make_sys_module);
  register_native_module("math", make_math_module);
  register_native_module("time", make_time_module);
  register_native_module("posix", make_posix_module);
  register_native_module("_io", make_io_module);
  register_native_module("array", make_array_module);
  register_native_module("_struct", make_struct_module);
  register_native_module("_random", make_random_module);
  register_native_module("_re", make_re_module);
  register_native_module("_functools", make__functools_module);
  register_native_module("_collections", make__collections_module);
  register_native_module("itertools", make_itertools_module);
  register_native_module("_lsprof", make__lsprof_module);
  register_native_module("_tracemalloc", make__tracemalloc_module);
  register_native_module("_weakref", make__weakref_module);
  register_native_module("atexit", make_atexit_module);
  register_native_module("_thread", make__thread_module);
  register_native_module("_signal", make_signal_module);
  register_native_module("_socket", make__socket_module);
  register_native_module("zlib", make_zlib_module);
  register_native_module("_hashlib", make__hashlib_module);
  register_native_module("gc", make_gc_module);
  register_dis_module();
  return dict_set_str(in.modules.get(), "sys", in.sys_module.get()) == 0;
}

}  // namespace coil::vm
