// atexit.cpp — functions to run when the interpreter exits.
//
// atexit.register(func, *args, **kwargs) appends a call to a list;
// vm_finalize (vm/interp.cpp) runs the list last-registered-first through
// atexit_run_callbacks(), before the modules are torn down, so the
// callbacks still see a working interpreter.  A callback that raises does
// not stop the others: its exception is printed as
//     Exception ignored in atexit callback: <function f at 0x...>
// followed by the traceback, as CPython does.  weakref.finalize relies on
// this to run the finalizers of objects still alive at exit.
#include <cstdio>
#include <string>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/module.h"
#include "runtime/singletons.h"
#include "runtime/tuple.h"
#include "stdlib/native/modules.h"

namespace coil::runtime {

namespace {

struct ExitCall {
  Ref<Object> func;
  Ref<Object> args;     // a tuple
  Ref<Object> kwargs;   // a dict, or null
};

// Strong references: kept until the callbacks ran (or _clear()).  Never
// destroyed, so nothing is freed after the runtime is gone.
std::vector<ExitCall>& exit_calls() {
  static auto* v = new std::vector<ExitCall>();
  return *v;
}

Ref<Object> atexit_register(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (nargs == 0)
    return set_error(exc::TypeError, "register() takes at least 1 argument (0 given)");
  if (!is_callable(args[0])) return set_error(exc::TypeError, "the first argument must be callable");
  Ref<Object> pos = tuple_from_array(args + 1, nargs - 1);
  if (!pos) return nullptr;
  Ref<Object> kw;
  if (kwnames && kwnames->size) {
    Ref<Dict> d = dict_new();
    if (!d) return nullptr;
    for (size_t i = 0; i < kwnames->size; i++)
      if (dict_set(d.get(), kwnames->items[i], args[nargs + i]) < 0) return nullptr;
    kw = std::move(d);
  }
  exit_calls().push_back({borrow(args[0]), std::move(pos), std::move(kw)});
  return borrow(args[0]);
}

// unregister(func): drops every registration of a function equal to func.
Ref<Object> atexit_unregister(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("unregister", kwnames) || !check_nargs("unregister", nargs, 1, 1)) return nullptr;
  auto& calls = exit_calls();
  for (size_t i = 0; i < calls.size();) {
    Ref<Object> f = calls[i].func;
    int eq = rich_compare_bool(f.get(), args[0], CompareOp::Eq);
    if (eq < 0) return nullptr;
    if (eq) calls.erase(calls.begin() + static_cast<std::ptrdiff_t>(i));
    else i++;
  }
  return none();
}

void report_failed_callback(Object* func) {
  Ref<Object> exc = fetch_error();
  std::string r;
  if (!repr_utf8(func, &r)) {
    clear_error();
    r = "<object repr() failed>";
  }
  std::fflush(stdout);
  std::fprintf(stderr, "Exception ignored in atexit callback: %s\n", r.c_str());
  restore_error(std::move(exc));
  write_unraisable(nullptr);
}

Ref<Object> atexit_run_exitfuncs(Object*, Object* const*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("_run_exitfuncs", nargs, kwnames)) return nullptr;
  atexit_run_callbacks();
  return none();
}

Ref<Object> atexit_clear(Object*, Object* const*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("_clear", nargs, kwnames)) return nullptr;
  std::vector<ExitCall> old;
  old.swap(exit_calls());
  return none();
}

Ref<Object> atexit_ncallbacks(Object*, Object* const*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("_ncallbacks", nargs, kwnames)) return nullptr;
  return int_from_i64(static_cast<int64_t>(exit_calls().size()));
}

const MethodDef atexit_functions[] = {
    {"register", atexit_register, MethodKind::Static,
     "Register a function to be executed upon normal program termination."},
    {"unregister", atexit_unregister, MethodKind::Static,
     "Unregister an exit function which was previously registered using atexit.register"},
    {"_run_exitfuncs", atexit_run_exitfuncs, MethodKind::Static, "Run all registered exit functions."},
    {"_clear", atexit_clear, MethodKind::Static, "Clear the list of previously registered exit functions."},
    {"_ncallbacks", atexit_ncallbacks, MethodKind::Static, "Return the number of registered exit functions."},
    {nullptr, nullptr},
};

}  // namespace

void atexit_run_callbacks() {
  auto& calls = exit_calls();
  Ref<Object> saved = fetch_error();
  // Last registered, first run; a callback may register more (they run too).
  while (!calls.empty()) {
    ExitCall c = std::move(calls.back());
    calls.pop_back();
    Ref<Object> result = call_tuple_dict(c.func.get(), static_cast<Tuple*>(c.args.get()),
                                         static_cast<Dict*>(c.kwargs.get()));
    if (!result) report_failed_callback(c.func.get());
  }
  if (saved) restore_error(std::move(saved));
}

Ref<Object> make_atexit_module() {
  Ref<Object> m = module_new_builtin("atexit");
  if (!m || !module_add_functions(m.get(), atexit_functions)) return nullptr;
  return m;
}

}  // namespace coil::runtime
