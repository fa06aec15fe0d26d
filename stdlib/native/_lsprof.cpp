// _lsprof.cpp — the deterministic profiler behind cProfile.
//
// A Profiler installs itself as the thread's profile hook (vm/trace.h), a
// C++ function, so profiling costs no Python call per event.  The VM tells
// it when a Python frame starts ('call') and ends ('return'), and when a
// builtin function or method is called ('c_call', 'c_return',
// 'c_exception').  From those it keeps, per function:
//
//   callcount      calls, recursive ones included (pstats' "ncalls")
//   reccallcount   calls made while the function was already running
//   totaltime      time inside, callees included, counted once per
//                  outermost activation (pstats' "cumtime")
//   inlinetime     time inside, callees excluded ("tottime")
//
// and the same four numbers per (caller, callee) pair, from which pstats
// builds its "callers" tables.  The bookkeeping is CPython's: a stack of
// contexts, one per activation, each remembering its start time and the
// time its callees took (`subt`); a context that ends adds its total to its
// caller's `subt`, which is how tottime excludes callees.
//
// Functions are keyed by their code object; builtins by their MethodDef
// (one per C++ function), labelled as CPython labels them:
// "<built-in method builtins.len>", "<method 'append' of 'list' objects>".
#include <chrono>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

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
#include "runtime/singletons.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"
#include "stdlib/native/modules.h"
#include "vm/frame.h"
#include "vm/interp.h"
#include "vm/threadstate.h"
#include "vm/trace.h"

namespace coil::runtime {

namespace {

using vm::Frame;

struct Counts {
  int64_t callcount = 0;
  int64_t reccallcount = 0;
  double totaltime = 0;
  double inlinetime = 0;
  int recursion = 0;   // activations in progress
};

struct Entry {
  Ref<Object> label;   // the code object, or a str for a builtin
  Counts counts;
  std::vector<const void*> callee_order;                 // first-call order
  std::unordered_map<const void*, Counts> callees;       // by callee key
};

struct Context {
  Entry* entry;
  const void* key;
  double t0;
  double subt = 0;
};

struct Profiler : Object {
  Ref<Object> timer;       // a callable, or null: the monotonic clock
  double timeunit = 0;
  bool subcalls = true;
  bool builtins = true;
  bool enabled = false;
  std::unordered_map<const void*, std::unique_ptr<Entry>>* entries = nullptr;
  std::vector<const void*>* order = nullptr;   // keys in first-seen order
  std::vector<Context>* stack = nullptr;
};

TypeObject ProfilerType;
Ref<Object> g_entry_class;      // profiler_entry (Python, made at import)
Ref<Object> g_subentry_class;   // profiler_subentry

Profiler* as_prof(Object* o) { return static_cast<Profiler*>(o); }

double now(Profiler* p) {
  if (p->timer) {
    Ref<Object> r = call0(p->timer.get());
    double v = 0;
    bool overflow = false;
    if (!r || !float_coerce(r.get(), &v, &overflow)) {
      // CPython reports a failing timer as unraisable and counts 0.
      if (error_occurred()) write_unraisable(p->timer.get());
      return 0;
    }
    return p->timeunit > 0 ? v * p->timeunit : v;
  }
  using namespace std::chrono;
  return duration<double>(steady_clock::now().time_since_epoch()).count();
}

// ---- labels -----------------------------------------------------------------------

// CPython's normalizeUserObj: a builtin is named after the method found on
// its instance's type, else after its module.
Ref<Object> builtin_label(BuiltinFunction* fn) {
  const char* name = fn->def->name;
  Object* self = fn->self.get();
  if (self && self->type != &ModuleType) {
    Object* found = type_lookup(self->type, intern(name));
    if (found && found->type == &MethodDescrType) {
      // The owner's full name, module included: '_lsprof.Profiler'.
      TypeObject* owner = static_cast<TypeObject*>(static_cast<MethodDescr*>(found)->owner.get());
      return str_from(std::string("<method '") + name + "' of '" + owner->name + "' objects>");
    }
    if (found) {
      Ref<Object> r = repr(found);
      if (r) return r;
      clear_error();
    }
  }
  std::string mod;
  if (fn->module && str_check(fn->module.get())) {
    mod = std::string(str_view(fn->module.get()));
  } else if (self && self->type == &ModuleType) {
    Object* n = dict_get_cstr(module_dict(self), "__name__");
    if (n && str_check(n)) mod = std::string(str_view(n));
  }
  if (!self || self->type == &ModuleType) {
    if (mod.empty()) return str_from(std::string("<built-in method ") + name + ">");
    return str_from("<built-in method " + mod + "." + name + ">");
  }
  return str_from(std::string("<built-in method ") + name + ">");
}

Entry* entry_for(Profiler* p, const void* key, Object* label_source, bool builtin) {
  auto it = p->entries->find(key);
  if (it != p->entries->end()) return it->second.get();
  auto e = std::make_unique<Entry>();
  e->label = builtin ? builtin_label(static_cast<BuiltinFunction*>(label_source))
                     : Ref<Object>::borrow(label_source);
  if (!e->label) { clear_error(); return nullptr; }
  Entry* raw = e.get();
  p->entries->emplace(key, std::move(e));
  p->order->push_back(key);
  return raw;
}

// ---- entering and leaving ------------------------------------------------------------

void enter(Profiler* p, const void* key, Object* label_source, bool builtin) {
  Entry* e = entry_for(p, key, label_source, builtin);
  if (!e) return;
  ++e->counts.recursion;
  if (p->subcalls && !p->stack->empty()) {
    Entry* caller = p->stack->back().entry;
    auto [it, fresh] = caller->callees.try_emplace(key);
    if (fresh) caller->callee_order.push_back(key);
    ++it->second.recursion;
  }
  p->stack->push_back(Context{e, key, now(p)});
}

// Ends the innermost activation (CPython's Stop).
void stop(Profiler* p) {
  Context ctx = p->stack->back();
  p->stack->pop_back();
  double tt = now(p) - ctx.t0;
  double it = tt - ctx.subt;
  Counts& c = ctx.entry->counts;
  if (--c.recursion == 0) c.totaltime += tt;
  else ++c.reccallcount;
  c.inlinetime += it;
  ++c.callcount;
  if (p->stack->empty()) return;
  Context& caller = p->stack->back();
  caller.subt += tt;
  if (!p->subcalls) return;
  Counts& s = caller.entry->callees[ctx.key];
  if (--s.recursion == 0) s.totaltime += tt;
  else ++s.reccallcount;
  s.inlinetime += it;
  ++s.callcount;
}

// A return is only counted if it ends the activation on top (a return
// from a frame that was running before enable() is ignored).
void leave(Profiler* p, const void* key) {
  if (p->stack->empty()) return;
  if (p->stack->back().key == key) stop(p);
}

int profiler_hook(Object* obj, Frame* f, int event, Object* arg) {
  Profiler* p = as_prof(obj);
  switch (event) {
    case vm::kTraceCall: enter(p, f->code, f->code, false); break;
    case vm::kTraceReturn: leave(p, f->code); break;
    case vm::kTraceCCall:
      if (p->builtins && arg && arg->type == &BuiltinFunctionType)
        enter(p, static_cast<BuiltinFunction*>(arg)->def, arg, true);
      break;
    case vm::kTraceCReturn:
    case vm::kTraceCException:
      if (p->builtins && arg && arg->type == &BuiltinFunctionType)
        leave(p, static_cast<BuiltinFunction*>(arg)->def);
      break;
    default: break;
  }
  return 0;
}

// ---- methods ------------------------------------------------------------------------

bool flag_arg(Object* v, bool dflt, bool* out) {
  if (!v) { *out = dflt; return true; }
  int t = is_true(v);
  if (t < 0) return false;
  *out = t != 0;
  return true;
}

Ref<Object> prof_enable(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  Object* a[2];
  if (!bind_args(ArgSpec{"enable", {"subcalls", "builtins"}}, args, nargs, kw, a)) return nullptr;
  Profiler* p = as_prof(self);
  if (!flag_arg(a[0], true, &p->subcalls) || !flag_arg(a[1], true, &p->builtins)) return nullptr;
  vm::set_profile_hook(vm::current_thread_state(), profiler_hook, self);
  p->enabled = true;
  return none();
}

// Ends every activation still open, as if they returned now.
void flush_unmatched(Profiler* p) {
  while (!p->stack->empty()) stop(p);
}

Ref<Object> prof_disable(Object* self, Object* const*, size_t nargs, Tuple* kw) {
  if (!check_no_args("disable", nargs, kw)) return nullptr;
  Profiler* p = as_prof(self);
  vm::ThreadState* ts = vm::current_thread_state();
  if (ts->profile_obj.get() == self) vm::set_profile_hook(ts, nullptr, nullptr);
  p->enabled = false;
  flush_unmatched(p);
  return none();
}

Ref<Object> prof_clear(Object* self, Object* const*, size_t nargs, Tuple* kw) {
  if (!check_no_args("clear", nargs, kw)) return nullptr;
  Profiler* p = as_prof(self);
  p->stack->clear();
  p->entries->clear();
  p->order->clear();
  return none();
}

Ref<Object> make_stat(Object* cls, Object* code, const Counts& c, Object* calls) {
  Ref<Object> cc = int_from_i64(c.callcount), rc = int_from_i64(c.reccallcount);
  Ref<Object> tt = float_from_double(c.totaltime), it = float_from_double(c.inlinetime);
  if (!cc || !rc || !tt || !it) return nullptr;
  Ref<Object> t = calls ? tuple_pack({code, cc.get(), rc.get(), tt.get(), it.get(), calls})
                        : tuple_pack({code, cc.get(), rc.get(), tt.get(), it.get()});
  if (!t) return nullptr;
  return call1(cls, t.get());
}

// getstats() -> [profiler_entry(code, callcount, reccallcount, totaltime,
// inlinetime, calls)], calls a list of profiler_subentry (None without subcalls).
Ref<Object> prof_getstats(Object* self, Object* const*, size_t nargs, Tuple* kw) {
  if (!check_no_args("getstats", nargs, kw)) return nullptr;
  Profiler* p = as_prof(self);
  Ref<List> out = list_new();
  if (!out) return nullptr;
  for (const void* key : *p->order) {
    Entry* e = (*p->entries)[key].get();
    Ref<Object> calls = none();
    if (p->subcalls) {
      Ref<List> l = list_new();
      if (!l) return nullptr;
      for (const void* ck : e->callee_order) {
        auto found = p->entries->find(ck);
        if (found == p->entries->end()) continue;
        Ref<Object> sub = make_stat(g_subentry_class.get(), found->second->label.get(), e->callees[ck], nullptr);
        if (!sub || !list_append(l.get(), sub.get())) return nullptr;
      }
      calls = l;
    }
    Ref<Object> st = make_stat(g_entry_class.get(), e->label.get(), e->counts, calls.get());
    if (!st || !list_append(out.get(), st.get())) return nullptr;
  }
  return out;
}

Ref<Object> prof_new(TypeObject* type, Object* const* args, size_t nargs, Tuple* kw) {
  Object* a[4];
  if (!bind_args(ArgSpec{"Profiler", {"timer", "timeunit", "subcalls", "builtins"}}, args, nargs, kw, a))
    return nullptr;
  Profiler* p = alloc<Profiler>(type);
  if (!p) return nullptr;
  Ref<Object> ref = steal(static_cast<Object*>(p));
  p->entries = new std::unordered_map<const void*, std::unique_ptr<Entry>>();
  p->order = new std::vector<const void*>();
  p->stack = new std::vector<Context>();
  if (a[0] && a[0] != None) p->timer = Ref<Object>::borrow(a[0]);
  if (a[1]) {
    bool overflow = false;
    if (!float_coerce(a[1], &p->timeunit, &overflow))
      return set_errorf(exc::TypeError, "must be real number, not %T", a[1]);
  }
  if (!flag_arg(a[2], true, &p->subcalls) || !flag_arg(a[3], true, &p->builtins)) return nullptr;
  return ref;
}

void prof_dealloc(Object* self) {
  Profiler* p = as_prof(self);
  vm::ThreadState* ts = vm::current_thread_state();
  if (ts && ts->profile_obj.get() == self) vm::set_profile_hook(ts, nullptr, nullptr);
  delete p->entries;
  delete p->order;
  delete p->stack;
  destroy_object(p);
}

const MethodDef prof_methods[] = {
    {"enable", prof_enable, MethodKind::Instance, "Start collecting profiling information."},
    {"disable", prof_disable, MethodKind::Instance, "Stop collecting profiling information."},
    {"clear", prof_clear, MethodKind::Instance, "Clear all profiling information collected so far."},
    {"getstats", prof_getstats, MethodKind::Instance, "list of profiler_entry objects."},
    {nullptr, nullptr},
};

// profiler_entry / profiler_subentry are CPython struct sequences: tuples
// whose items also have names.  Written in Python, as sys.version_info is.
const char kStatsSource[] = R"PY(
class profiler_entry(tuple):
    __slots__ = ()
    n_fields = n_sequence_fields = 6
    code = property(lambda self: self[0])
    callcount = property(lambda self: self[1])
    reccallcount = property(lambda self: self[2])
    totaltime = property(lambda self: self[3])
    inlinetime = property(lambda self: self[4])
    calls = property(lambda self: self[5])
    def __repr__(self):
        return ("_lsprof.profiler_entry(code=%r, callcount=%r, reccallcount=%r, totaltime=%r, "
                "inlinetime=%r, calls=%r)" % tuple(self))

class profiler_subentry(tuple):
    __slots__ = ()
    n_fields = n_sequence_fields = 5
    code = property(lambda self: self[0])
    callcount = property(lambda self: self[1])
    reccallcount = property(lambda self: self[2])
    totaltime = property(lambda self: self[3])
    inlinetime = property(lambda self: self[4])
    def __repr__(self):
        return ("_lsprof.profiler_subentry(code=%r, callcount=%r, reccallcount=%r, totaltime=%r, "
                "inlinetime=%r)" % tuple(self))
)PY";

bool make_stat_classes(Object* module) {
  Dict* ns = module_dict(module);
  if (dict_set_str(ns, "__builtins__", vm::interp().builtins_module.get()) < 0) return false;
  Ref<Object> code = vm::compile_source(kStatsSource, "<_lsprof>", "exec");
  if (!code || !vm::eval_code(static_cast<vm::Code*>(code.get()), ns, nullptr)) return false;
  g_entry_class = Ref<Object>::borrow(dict_get_cstr(ns, "profiler_entry"));
  g_subentry_class = Ref<Object>::borrow(dict_get_cstr(ns, "profiler_subentry"));
  return g_entry_class && g_subentry_class;
}

bool init_profiler_type() {
  static bool ready = false;
  if (ready) return true;
  TypeObject& t = ProfilerType;
  t.type = &TypeType;
  t.base = &ObjectType;
  t.name = "_lsprof.Profiler";
  t.doc = "Profiler(timer=None, timeunit=None, subcalls=True, builtins=True)\n\n"
          "    Builds a profiler object using the specified timer function.";
  t.basic_size = sizeof(Profiler);
  t.flags = kBaseType;
  t.dealloc = prof_dealloc;
  t.new_ = prof_new;
  t.methods = prof_methods;
  if (!type_ready(&t)) return false;
  ready = true;
  return true;
}

}  // namespace

Ref<Object> make__lsprof_module() {
  if (!init_profiler_type()) return nullptr;
  Ref<Object> m = module_new_builtin("_lsprof");
  if (!m || !module_add_object(m.get(), "Profiler", &ProfilerType)) return nullptr;
  if (!make_stat_classes(m.get())) return nullptr;
  return m;
}

}  // namespace coil::runtime
