// _weakref.cpp — the native core of the `weakref` module.
//
// The types and the weak-list machinery live in runtime/weakref.cpp,
// because every deallocation needs them; this module only exposes them:
// ref (= ReferenceType), proxy(), ProxyType, CallableProxyType,
// getweakrefcount(), getweakrefs() and _remove_dead_weakref(), which
// WeakValueDictionary uses to drop an entry whose value died.
// stdlib/lib/weakref.py builds the rest (WeakValueDictionary,
// WeakKeyDictionary, WeakMethod, finalize) in Python, as CPython does.
#include "runtime/args.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/module.h"
#include "runtime/singletons.h"
#include "runtime/weakref.h"
#include "stdlib/native/modules.h"

namespace coil::runtime {

namespace {

Ref<Object> wr_getweakrefcount(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("getweakrefcount", kwnames)) return nullptr;
  if (nargs != 1)
    return set_errorf(exc::TypeError, "_weakref.getweakrefcount() takes exactly one argument (%zu given)",
                      nargs);
  return int_from_i64(weakref_count(args[0]));
}

Ref<Object> wr_getweakrefs(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("getweakrefs", kwnames)) return nullptr;
  if (nargs != 1)
    return set_errorf(exc::TypeError, "_weakref.getweakrefs() takes exactly one argument (%zu given)", nargs);
  return weakref_list(args[0]);
}

Ref<Object> wr_proxy(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("proxy", kwnames) || !check_nargs("proxy", nargs, 1, 2)) return nullptr;
  return weakproxy_new(args[0], nargs == 2 ? args[1] : nullptr);
}

// _remove_dead_weakref(dict, key): deletes dict[key] if it is a dead weak
// reference; a missing key is fine (another callback got there first).
Ref<Object> wr_remove_dead_weakref(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("_remove_dead_weakref", kwnames) ||
      !check_nargs("_remove_dead_weakref", nargs, 2, 2))
    return nullptr;
  if (!dict_check(args[0]))
    return set_errorf(exc::TypeError, "_remove_dead_weakref() argument 1 must be dict, not %T", args[0]);
  Dict* d = static_cast<Dict*>(args[0]);
  Object* value = dict_get(d, args[1]);
  if (!value) return error_occurred() ? nullptr : none();
  if (weakref_check(value) && weakref_get_object(value) == None && dict_del(d, args[1]) < 0)
    return nullptr;
  return none();
}

const MethodDef weakref_functions[] = {
    {"getweakrefcount", wr_getweakrefcount, MethodKind::Static,
     "Return the number of weak references to 'object'."},
    {"getweakrefs", wr_getweakrefs, MethodKind::Static,
     "Return a list of all weak reference objects pointing to 'object'."},
    {"proxy", wr_proxy, MethodKind::Static,
     "Create a proxy object that weakly references 'object'."},
    {"_remove_dead_weakref", wr_remove_dead_weakref, MethodKind::Static,
     "Atomically remove key from dict if it points to a dead weakref."},
    {nullptr, nullptr},
};

}  // namespace

Ref<Object> make__weakref_module() {
  if (!init_weakref_types()) return nullptr;
  Ref<Object> m = module_new_builtin("_weakref");
  if (!m || !module_add_functions(m.get(), weakref_functions)) return nullptr;
  if (!module_add_object(m.get(), "ref", &ReferenceType) ||
      !module_add_object(m.get(), "ReferenceType", &ReferenceType) ||
      !module_add_object(m.get(), "ProxyType", &ProxyType) ||
      !module_add_object(m.get(), "CallableProxyType", &CallableProxyType))
    return nullptr;
  return m;
}

}  // namespace coil::runtime
