// shutdown.cpp — tearing the modules down at exit, in CPython's order.
//
// When a program ends, the objects its modules still hold must die so
// that their __del__ methods run and files get closed — and in the order
// CPython 3.11 runs them, since programs print from __del__.  CPython's
// finalize_modules (Python/pylifecycle.c) does, after the atexit
// callbacks:
//
//   1. forget a few hiding places of user values: builtins._ and
//      sys.last_type / last_value / last_traceback;
//   2. replace every entry of sys.modules by None, remembering a weak
//      reference to each module, then empty sys.modules; give builtins
//      back the contents it had at start-up (what a program stored there
//      dies now);
//   3. run a full cycle collection.  A module's globals are nearly always
//      part of a cycle (every function defined in the module refers back to
//      them through __globals__), so this is where the objects of a
//      program die: all finalizers (__del__) of the garbage first, then
//      the references are broken;
//   4. wipe the globals of every module still alive, last imported first:
//      names starting with one underscore are set to None first, then all
//      the others except __builtins__ (_PyModule_ClearDict).
//
// The finalizers of step 3 run in the order of the collector's list of
// garbage.  In CPython that list is, in practice, a breadth-first walk of
// the module globals (values in insertion order; a list's or tuple's items
// last to first, as their traverse slots visit them), because earlier
// collections re-link reachable objects in the order they are visited.
// coil's collector keeps its own order, so finalize_module_globals below
// runs the finalizers in that breadth-first order itself, just before the
// collection; each object's "finalized" bit (PEP 442, runtime/gc.h) then
// stops the collector or the deallocation from running __del__ again.
#include <string>
#include <utility>
#include <vector>

#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/names.h"
#include "runtime/singletons.h"
#include "runtime/str.h"
#include "runtime/type.h"
#include "runtime/weakref.h"
#include "vm/function.h"
#include "vm/interp.h"

namespace coil::vm {

using namespace coil::runtime;

namespace {

struct ModuleEntry {
  Ref<Object> name;
  Ref<Object> weakref;   // to the module
};

// Step 2's end: the builtins dict gets its start-up contents back.
void restore_builtins() {
  Interpreter& in = interp();
  if (!in.builtins || !in.builtins_copy) return;
  // The old values die only once the originals are back, so a __del__
  // they run can still call print().
  Ref<Dict> old = dict_copy(in.builtins);
  if (!old) clear_error();
  dict_clear(in.builtins);
  if (dict_update(in.builtins, in.builtins_copy.get()) < 0) write_unraisable(nullptr);
}

// Step 1: values that would otherwise outlive everything else.
void delete_special_names() {
  Interpreter& in = interp();
  if (in.builtins && dict_get_str(in.builtins, intern("_")) && dict_set(in.builtins, intern("_"), None) < 0)
    clear_error();
  Dict* sys = module_dict(in.sys_module.get());
  for (const char* n : {"last_type", "last_value", "last_traceback"}) {
    if (dict_get_str(sys, intern(n)) && dict_set(sys, intern(n), None) < 0) clear_error();
  }
}

// The objects `o` refers to, in its traverse slot's order, as CPython's
// collector would meet them (the traverse slots of list and tuple visit
// their items last to first, as CPython's), with an instance's attribute
// values visited directly: CPython 3.11 keeps them inline in the object,
// not in a separate dict.
void collect_child(Object* child, void* arg) {
  static_cast<std::vector<Object*>*>(arg)->push_back(child);
}

std::vector<Object*> children_of(Object* o) {
  std::vector<Object*> out;
  if (!o->type->traverse) return out;
  o->type->traverse(o, collect_child, &out);
  Object** slot = type_has(o->type, kHeapType) ? instance_dict_slot(o) : nullptr;
  if (slot && *slot) {
    std::vector<Object*> flat;
    for (Object* c : out) {
      if (c != *slot) flat.push_back(c);
      else c->type->traverse(c, collect_child, &flat);
    }
    out = std::move(flat);
  }
  return out;
}

// Whether the breadth-first walk stops at `o`: classes, modules and
// functions lead into other namespaces, whose objects are not this
// module's to finalize first.
bool walk_stops_at(Object* o) {
  return type_check(o) || module_check(o) || o->type == &FunctionType || !o->type->traverse;
}

// THE WALKS' MARKS.  The two walks below visit every object once, which
// for a program holding millions of objects rules out a hash set of
// visited objects (tens of bytes each, and seconds).  No Python code runs
// during a walk, so — as the cycle collector does (runtime/gc.cpp) — a
// visited object is marked with a spare high bit of its refcount, and the
// visited objects are listed (8 bytes each) so the marks can be cleared
// before any finalizer runs.
constexpr intptr_t kVisited = intptr_t{1} << 60;

struct Visited {
  std::vector<Object*> objects;
  // true the first time `o` is seen.
  bool insert(Object* o) {
    if (o->refcnt & kVisited) return false;
    objects.push_back(o);
    o->refcnt |= kVisited;
    return true;
  }
  ~Visited() {
    for (Object* o : objects) o->refcnt &= ~kVisited;
  }
};

// Everything reachable from `roots` (stopping at modules): what sys and
// builtins keep alive is not garbage at exit.
void mark_reachable(std::vector<Object*> roots, Visited* seen) {
  while (!roots.empty()) {
    Object* o = roots.back();
    roots.pop_back();
    if (!seen->insert(o) || module_check(o)) continue;
    for (Object* c : children_of(o)) roots.push_back(c);
  }
}

// Runs `o`'s finalizer once (PEP 442), keeping it alive meanwhile.
void finalize_once(Object* o) {
  ClearFn fin = o->type->finalize;
  if (!fin || gc::is_finalized(o)) return;
  gc::set_finalized(o);
  Ref<Object> keep = Ref<Object>::borrow(o);
  Ref<Object> saved = fetch_error();
  fin(o);
  if (error_occurred()) write_unraisable(nullptr);
  restore_error(std::move(saved));
}

// Step 3's finalizers, breadth-first from the globals of `dicts`, never
// entering what `alive` holds.
void finalize_module_globals(const std::vector<Ref<Object>>& dicts) {
  std::vector<Ref<Object>> order;   // strong: finalizers may unlink objects
  {
    Visited seen;
    std::vector<Object*> roots = {module_dict(interp().sys_module.get()), interp().builtins};
    // gc.callbacks and gc.garbage belong to the interpreter, not to a
    // module: what they hold (a callback's globals...) is not garbage.
    for (Object* l : {gc::callbacks_list, gc::garbage_list}) {
      if (l) roots.push_back(l);
    }
    mark_reachable(std::move(roots), &seen);
    std::vector<Object*> level;
    for (const Ref<Object>& d : dicts) {
      if (seen.insert(d.get())) level.push_back(d.get());
    }
    while (!level.empty()) {
      std::vector<Object*> next;
      for (Object* o : level) {
        for (Object* c : children_of(o)) {
          if (!seen.insert(c) || walk_stops_at(c)) continue;
          if (c->type->finalize && !gc::is_finalized(c)) order.push_back(Ref<Object>::borrow(c));
          next.push_back(c);
        }
      }
      level = std::move(next);
    }
  }   // the marks are cleared here, before any finalizer runs
  for (auto& o : order) finalize_once(o.get());
}

// What step 3 could make observable.  `heap_del`: some object of a class
// with __del__ still has it to run (then the breadth-first walk above
// decides their order).  `any`: some object at all has a finalizer left
// (__del__, a suspended generator's close) or is a weak reference with a
// callback — Python code that could run while the garbage dies (so could
// gc.callbacks: gc_callbacks_set).
void clear_module_dict(Dict* d);   // below

// Whether gc.callbacks holds anything: they run in the collection of
// step 3, and see the globals of their module.
bool gc_callbacks_set() {
  return gc::callbacks_list && list_check(gc::callbacks_list) && static_cast<List*>(gc::callbacks_list)->size > 0;
}

struct PendingCode {
  bool heap_del = false;
  bool any = false;
};

PendingCode code_pending_at_exit() {
  PendingCode found;
  gc::heap_for_each(
      gc::kTracked, -1,
      [](Object* o, void* arg) {
        auto* f = static_cast<PendingCode*>(arg);
        if (o->type->finalize && !gc::is_finalized(o)) {
          f->any = true;
          if (o->type->flags & kHeapType) f->heap_del = true;
        } else if ((weakref_check(o) || weakproxy_check(o)) && static_cast<WeakRef*>(o)->callback) {
          f->any = true;
        }
      },
      &found);
  return found;
}

// The modules of sys.modules, in its order.
std::vector<std::pair<Ref<Object>, Ref<Object>>> loaded_modules() {
  std::vector<std::pair<Ref<Object>, Ref<Object>>> items;
  size_t pos = 0;
  Object *k, *v;
  while (dict_next(interp().modules.get(), &pos, &k, &v)) {
    if (module_check(v)) items.emplace_back(Ref<Object>::borrow(k), Ref<Object>::borrow(v));
  }
  return items;
}

// The globals whose objects step 3 finalizes first: every module's but
// sys's and builtins', in import order with __main__ last (its objects
// were, in a typical program, made after the imports).
std::vector<Ref<Object>> garbage_globals(const std::vector<std::pair<Ref<Object>, Ref<Object>>>& mods) {
  std::vector<Ref<Object>> out;
  Ref<Object> main;
  for (auto& [name, mod] : mods) {
    if (mod.get() == interp().sys_module.get() || mod.get() == interp().builtins_module.get()) continue;
    Ref<Object> d = Ref<Object>::borrow(module_dict(mod.get()));
    if (str_check(name.get()) && str_view(name.get()) == "__main__") main = std::move(d);
    else out.push_back(std::move(d));
  }
  if (main) out.push_back(std::move(main));
  return out;
}

// Step 2: sys.modules entries become None (weak references to the
// modules are kept for step 4), then sys.modules is emptied.
std::vector<ModuleEntry> remove_modules(const std::vector<std::pair<Ref<Object>, Ref<Object>>>& mods) {
  std::vector<ModuleEntry> out;
  Dict* modules = interp().modules.get();
  for (auto& [name, mod] : mods) {
    Ref<Object> wr = weakref_new(mod.get(), nullptr);
    if (!wr) clear_error();
    else out.push_back({name, std::move(wr)});
    if (dict_set(modules, name.get(), None) < 0) write_unraisable(nullptr);
  }
  dict_clear(modules);
  return out;
}

// _PyModule_ClearDict: names with one leading underscore first, then the
// rest but __builtins__, each set to None in dict order.
void clear_module_dict(Dict* d) {
  for (int pass = 0; pass < 2; pass++) {
    size_t pos = 0;
    Object *k, *v;
    std::vector<Ref<Object>> keys;
    while (dict_next(d, &pos, &k, &v)) {
      if (v == None || !str_check(k)) continue;
      std::string_view n = str_view(k);
      bool underscore = !n.empty() && n[0] == '_' && (n.size() < 2 || n[1] != '_');
      if (pass == 0 ? underscore : n != "__builtins__") keys.push_back(Ref<Object>::borrow(k));
    }
    for (auto& key : keys) {
      if (dict_set(d, key.get(), None) < 0) write_unraisable(nullptr);
    }
  }
}

// Step 4: modules something else kept alive, last imported first.
void wipe_live_modules(const std::vector<ModuleEntry>& entries) {
  Object* sys = interp().sys_module.get();
  Object* builtins = interp().builtins_module.get();
  for (size_t i = entries.size(); i-- > 0;) {
    Object* mod = weakref_get_object(entries[i].weakref.get());
    if (mod == None || mod == sys || mod == builtins) continue;
    Ref<Object> keep = Ref<Object>::borrow(mod);
    clear_module_dict(module_dict(mod));
  }
}

}  // namespace

void finalize_modules() {
  Interpreter& in = interp();
  if (!in.modules) return;
  delete_special_names();
  std::vector<ModuleEntry> entries;
  {
    auto mods = loaded_modules();   // strong until the finalizers ran
    entries = remove_modules(mods);
    restore_builtins();
    PendingCode pending = code_pending_at_exit();
    if (pending.heap_del) {
      finalize_module_globals(garbage_globals(mods));
    } else if (!pending.any && !gc_callbacks_set()) {
      // Nothing can run while the objects die, so the order they die in
      // cannot be seen: empty the module globals now and let reference
      // counting free what they held, leaving the collection below only
      // the cycles — instead of a trial deletion over the whole heap.
      for (const Ref<Object>& d : garbage_globals(mods)) clear_module_dict(static_cast<Dict*>(d.get()));
    }
  }
  gc::collect(gc::kNumGenerations - 1);
  wipe_live_modules(entries);
}

}  // namespace coil::vm
