// gcmodule.cpp — the `gc` module: the cycle collector (runtime/gc.cpp)
// as Python sees it.
//
// Everything here is argument checking (with CPython's messages) and
// conversion; the collector's state lives in runtime/gc.cpp.  gc.garbage
// and gc.callbacks are ordinary lists owned by the module and lent to the
// collector, which appends to the first (DEBUG_SAVEALL) and calls the
// second around each collection.
#include <climits>
#include <vector>

#include "runtime/args.h"
#include "runtime/descr.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/singletons.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"
#include "stdlib/native/modules.h"

namespace coil::runtime {

namespace {

using Args = Object* const*;

// A C int from an int or an object with __index__, with CPython's
// messages ("'str' object cannot be interpreted as an integer",
// "Python int too large to convert to C int").
bool c_int_arg(Object* o, int* out) {
  Ref<Object> idx = Ref<Object>::borrow(o);
  if (!int_check(o)) {
    if (!o->type->nb_index) {
      set_errorf(exc::TypeError, "'%s' object cannot be interpreted as an integer", o->type->name);
      return false;
    }
    idx = o->type->nb_index(o);
    if (!idx) return false;
  }
  int64_t v;
  if (!int_fits_i64(idx.get(), &v) || v > INT_MAX || v < INT_MIN) {
    set_error(exc::OverflowError, "Python int too large to convert to C int");
    return false;
  }
  *out = static_cast<int>(v);
  return true;
}

Ref<Object> gc_enable(Object*, Args, size_t nargs, Tuple* kw) {
  if (!check_no_args("gc.enable", nargs, kw)) return nullptr;
  gc::config().enabled = true;
  gc::g_young_limit = 0;   // re-evaluated at the next tracked allocation
  return none();
}

Ref<Object> gc_disable(Object*, Args, size_t nargs, Tuple* kw) {
  if (!check_no_args("gc.disable", nargs, kw)) return nullptr;
  gc::config().enabled = false;
  return none();
}

Ref<Object> gc_isenabled(Object*, Args, size_t nargs, Tuple* kw) {
  if (!check_no_args("gc.isenabled", nargs, kw)) return nullptr;
  return new_bool(gc::config().enabled);
}

// collect(generation=2): the number of unreachable objects found.
Ref<Object> gc_collect(Object*, Args args, size_t nargs, Tuple* kw) {
  Object* a[1];
  if (!bind_args({"collect", {"generation"}}, args, nargs, kw, a)) return nullptr;
  int generation = gc::kNumGenerations - 1;
  if (a[0] && !c_int_arg(a[0], &generation)) return nullptr;
  if (generation < 0 || generation >= gc::kNumGenerations) {
    return set_error(exc::ValueError, "invalid generation");
  }
  return int_from_i64(gc::collect(generation));
}

Ref<Object> gc_get_count(Object*, Args, size_t nargs, Tuple* kw) {
  if (!check_no_args("gc.get_count", nargs, kw)) return nullptr;
  int64_t c[gc::kNumGenerations];
  gc::get_count(c);
  return tuple_pack({int_from_i64(c[0]).get(), int_from_i64(c[1]).get(), int_from_i64(c[2]).get()});
}

Ref<Object> gc_get_threshold(Object*, Args, size_t nargs, Tuple* kw) {
  if (!check_no_args("gc.get_threshold", nargs, kw)) return nullptr;
  const int64_t* t = gc::config().threshold;
  return tuple_pack({int_from_i64(t[0]).get(), int_from_i64(t[1]).get(), int_from_i64(t[2]).get()});
}

Ref<Object> gc_set_threshold(Object*, Args args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("set_threshold", kw)) return nullptr;
  if (nargs < 1) {
    return set_errorf(exc::TypeError, "set_threshold() takes at least 1 argument (%zu given)", nargs);
  }
  if (nargs > 3) {
    return set_errorf(exc::TypeError, "set_threshold() takes at most 3 arguments (%zu given)", nargs);
  }
  int v[3];
  for (size_t i = 0; i < nargs; i++) {
    if (!c_int_arg(args[i], &v[i])) return nullptr;
  }
  for (size_t i = 0; i < nargs; i++) gc::config().threshold[i] = v[i];
  gc::g_young_limit = 0;   // re-evaluated at the next tracked allocation
  return none();
}

Ref<Object> gc_set_debug(Object*, Args args, size_t nargs, Tuple* kw) {
  Object* a[1];
  if (!bind_args({"set_debug", {"flags"}, 1, 1}, args, nargs, kw, a)) return nullptr;
  int flags;
  if (!c_int_arg(a[0], &flags)) return nullptr;
  gc::config().debug = flags;
  return none();
}

Ref<Object> gc_get_debug(Object*, Args, size_t nargs, Tuple* kw) {
  if (!check_no_args("gc.get_debug", nargs, kw)) return nullptr;
  return int_from_i64(gc::config().debug);
}

// METH_O functions: "gc.is_tracked() takes exactly one argument (0 given)".
bool one_arg(const char* name, size_t nargs, Tuple* kw) {
  size_t given = nargs + (kw ? kw->size : 0);
  if (kw && kw->size) {
    set_errorf(exc::TypeError, "%s() takes no keyword arguments", name);
    return false;
  }
  if (given != 1) {
    set_errorf(exc::TypeError, "%s() takes exactly one argument (%zu given)", name, given);
    return false;
  }
  return true;
}

Ref<Object> gc_is_tracked(Object*, Args args, size_t nargs, Tuple* kw) {
  if (!one_arg("gc.is_tracked", nargs, kw)) return nullptr;
  return new_bool(gc::is_tracked(args[0]));
}

Ref<Object> gc_is_finalized(Object*, Args args, size_t nargs, Tuple* kw) {
  if (!one_arg("gc.is_finalized", nargs, kw)) return nullptr;
  return new_bool(gc::is_finalized(args[0]));
}

// ---- walking the object graph ------------------------------------------------------

void push_object(Object* o, void* arg) { static_cast<std::vector<Object*>*>(arg)->push_back(o); }

// The objects as a list.  The pointers were copied out of a walk that
// could not run code; holding them all in the list keeps them alive.
Ref<Object> list_of(const std::vector<Object*>& objs) {
  Ref<List> out = list_new(0);
  if (!out) return nullptr;
  std::vector<Ref<Object>> keep;
  keep.reserve(objs.size());
  for (Object* o : objs) keep.push_back(Ref<Object>::borrow(o));
  for (Object* o : objs) {
    if (!list_append(out.get(), o)) return nullptr;
  }
  return out;
}

struct ReferrerSearch {
  Object* const* targets;
  size_t n;
  bool hit;
};

void visit_is_target(Object* child, void* arg) {
  auto* s = static_cast<ReferrerSearch*>(arg);
  for (size_t i = 0; i < s->n; i++) {
    if (s->targets[i] == child) s->hit = true;
  }
}

Ref<Object> gc_get_referrers(Object*, Args args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("get_referrers", kw)) return nullptr;
  std::vector<Object*> all;
  gc::for_each_object(-1, push_object, &all);
  std::vector<Object*> found;
  for (Object* o : all) {
    ReferrerSearch s{args, nargs, false};
    if (o->type->traverse) o->type->traverse(o, visit_is_target, &s);
    if (s.hit) found.push_back(o);
  }
  return list_of(found);
}

Ref<Object> gc_get_referents(Object*, Args args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("get_referents", kw)) return nullptr;
  std::vector<Object*> found;
  for (size_t i = 0; i < nargs; i++) {
    // CPython only looks inside objects of GC types.
    if (args[i]->type->traverse) args[i]->type->traverse(args[i], push_object, &found);
  }
  return list_of(found);
}

Ref<Object> gc_get_objects(Object*, Args args, size_t nargs, Tuple* kw) {
  Object* a[1];
  if (!bind_args({"get_objects", {"generation"}}, args, nargs, kw, a)) return nullptr;
  int generation = -1;
  if (a[0] && a[0] != None) {
    if (!int_check(a[0])) {
      return set_errorf(exc::TypeError, "argument should be integer or None, not '%s'", a[0]->type->name);
    }
    if (!c_int_arg(a[0], &generation)) return nullptr;
    if (generation >= gc::kNumGenerations) {
      return set_errorf(exc::ValueError,
                        "generation parameter must be less than the number of available generations (%d)",
                        gc::kNumGenerations);
    }
    if (generation < -1) return set_error(exc::ValueError, "generation parameter cannot be negative");
  }
  std::vector<Object*> objs;
  gc::for_each_object(generation, push_object, &objs);
  return list_of(objs);
}

Ref<Object> gc_get_stats(Object*, Args, size_t nargs, Tuple* kw) {
  if (!check_no_args("gc.get_stats", nargs, kw)) return nullptr;
  Ref<List> out = list_new(0);
  if (!out) return nullptr;
  for (int g = 0; g < gc::kNumGenerations; g++) {
    const gc::GenerationStats& s = gc::stats(g);
    Ref<Dict> d = dict_new();
    if (!d || dict_set_str(d.get(), "collections", int_from_i64(s.collections).get()) < 0 ||
        dict_set_str(d.get(), "collected", int_from_i64(s.collected).get()) < 0 ||
        dict_set_str(d.get(), "uncollectable", int_from_i64(s.uncollectable).get()) < 0 ||
        !list_append(out.get(), d.get())) {
      return nullptr;
    }
  }
  return out;
}

Ref<Object> gc_freeze(Object*, Args, size_t nargs, Tuple* kw) {
  if (!check_no_args("gc.freeze", nargs, kw)) return nullptr;
  gc::freeze();
  return none();
}

Ref<Object> gc_unfreeze(Object*, Args, size_t nargs, Tuple* kw) {
  if (!check_no_args("gc.unfreeze", nargs, kw)) return nullptr;
  gc::unfreeze();
  return none();
}

Ref<Object> gc_get_freeze_count(Object*, Args, size_t nargs, Tuple* kw) {
  if (!check_no_args("gc.get_freeze_count", nargs, kw)) return nullptr;
  return int_from_i64(gc::freeze_count());
}

const MethodDef gc_functions[] = {
    {"enable", gc_enable, MethodKind::Instance, "Enable automatic garbage collection."},
    {"disable", gc_disable, MethodKind::Instance, "Disable automatic garbage collection."},
    {"isenabled", gc_isenabled, MethodKind::Instance, "Returns true if automatic garbage collection is enabled."},
    {"collect", gc_collect, MethodKind::Instance, "Run the garbage collector."},
    {"get_count", gc_get_count, MethodKind::Instance, "Return a three-tuple of the current collection counts."},
    {"get_threshold", gc_get_threshold, MethodKind::Instance, "Return the current collection thresholds."},
    {"set_threshold", gc_set_threshold, MethodKind::Instance, "Set the collection thresholds."},
    {"set_debug", gc_set_debug, MethodKind::Instance, "Set the garbage collection debugging flags."},
    {"get_debug", gc_get_debug, MethodKind::Instance, "Get the garbage collection debugging flags."},
    {"is_tracked", gc_is_tracked, MethodKind::Instance,
     "Returns true if the object is tracked by the garbage collector."},
    {"is_finalized", gc_is_finalized, MethodKind::Instance,
     "Returns true if the object has been already finalized by the GC."},
    {"get_referrers", gc_get_referrers, MethodKind::Instance,
     "Return the list of objects that directly refer to any of 'objs'."},
    {"get_referents", gc_get_referents, MethodKind::Instance,
     "Return the list of objects that are directly referred to by 'objs'."},
    {"get_objects", gc_get_objects, MethodKind::Instance,
     "Return a list of objects tracked by the collector (excluding the list returned)."},
    {"get_stats", gc_get_stats, MethodKind::Instance,
     "Return a list of dictionaries containing per-generation statistics."},
    {"freeze", gc_freeze, MethodKind::Instance, "Freeze all current tracked objects and ignore them for future collections."},
    {"unfreeze", gc_unfreeze, MethodKind::Instance, "Unfreeze all objects in the permanent generation."},
    {"get_freeze_count", gc_get_freeze_count, MethodKind::Instance,
     "Return the number of objects in the permanent generation."},
    {nullptr, nullptr},
};

}  // namespace

Ref<Object> make_gc_module() {
  Ref<Object> m = module_new_builtin("gc");   // <module 'gc' (built-in)>
  if (!m || !module_add_functions(m.get(), gc_functions)) return nullptr;
  Dict* d = module_dict(m.get());
  struct Const { const char* name; int value; };
  for (Const c : {Const{"DEBUG_STATS", gc::kDebugStats}, Const{"DEBUG_COLLECTABLE", gc::kDebugCollectable},
                  Const{"DEBUG_UNCOLLECTABLE", gc::kDebugUncollectable}, Const{"DEBUG_SAVEALL", gc::kDebugSaveAll},
                  Const{"DEBUG_LEAK", gc::kDebugLeak}}) {
    if (dict_set_str(d, c.name, int_from_i64(c.value).get()) < 0) return nullptr;
  }
  // The lists live as long as the process: the collector borrows them.
  if (!gc::garbage_list) {
    Ref<List> garbage = list_new(0);
    Ref<List> callbacks = list_new(0);
    if (!garbage || !callbacks) return nullptr;
    gc::garbage_list = garbage.release();
    gc::callbacks_list = callbacks.release();
  }
  if (dict_set_str(d, "garbage", gc::garbage_list) < 0) return nullptr;
  if (dict_set_str(d, "callbacks", gc::callbacks_list) < 0) return nullptr;
  return m;
}

}  // namespace coil::runtime
