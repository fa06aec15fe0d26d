// ops.cpp — what the opcodes do, one helper per job.
//
// The eval loop (eval.cpp) keeps each instruction to a few lines; the
// work lives here.  The fast paths for exact built-in types (small-int
// arithmetic, list indexing, range iteration) sit in front of the generic
// protocol of runtime/abstract.h, which handles everything else.
#include <climits>
#include <cstdint>
#include <string>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/names.h"
#include "runtime/set.h"
#include "runtime/singletons.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "stdlib/native/signals.h"
#include "stdlib/native/sys.h"
#include "vm/eval_internal.h"
#include "vm/function.h"
#include "vm/gil.h"
#include "vm/interp.h"

namespace coil::vm {

using namespace coil::runtime;

std::atomic<int> g_eval_breaker{0};

// The running thread saw a bit of the eval-breaker word (vm/gil.h): run
// the main thread's signal handlers, or hand the GIL to the thread that
// asked for it.  false when a signal handler raised.
bool handle_eval_breaker(ThreadState* ts) {
  int bits = g_eval_breaker.load(std::memory_order_relaxed);
  if ((bits & kSignalsPending) && ts->is_main && !signals_run_pending()) return false;
  if (bits & kGilDropRequest) gil_yield(ts);
  if (bits & kGcScheduled) {
    eval_breaker_clear_bit(kGcScheduled);
    gc::collect_scheduled();
  }
  return true;
}

// Allocation schedules collections through the eval breaker (runtime/gc.cpp
// explains why they do not run inside the allocation itself).
static const bool g_gc_hook_installed = [] {
  gc::schedule_hook = [] { eval_breaker_set_bit(kGcScheduled); };
  return true;
}();

// ---- attributes --------------------------------------------------------------

Ref<Object> load_method(Object* owner, Str* name, Object** meth) {
  *meth = nullptr;
  TypeObject* type = owner->type;
  if (type->getattr == generic_getattr) {
    Object* descr = type_lookup(type, name);
    if (descr && type_has(descr->type, kMethodDescriptor)) {
      // Only if the instance's own __dict__ does not shadow it.
      if (type->dict_offset) {
        Dict* d = *reinterpret_cast<Dict**>(reinterpret_cast<char*>(owner) + type->dict_offset);
        if (d) {
          Object* v = dict_get_str(d, name);
          if (v) return Ref<Object>::borrow(v);
          if (error_occurred()) return nullptr;
        }
      }
      incref(descr);
      *meth = descr;
      return nullptr;
    }
  }
  return getattr(owner, name);
}

// ---- operators ------------------------------------------------------------------

static bool float_op(double a, double b, BinaryOp op, double* r) {
  switch (op) {
    case BinaryOp::Add: *r = a + b; return true;
    case BinaryOp::Sub: *r = a - b; return true;
    case BinaryOp::Mul: *r = a * b; return true;
    case BinaryOp::TrueDiv: if (b == 0) return false; *r = a / b; return true;
    default: return false;
  }
}

Ref<Object> fast_binary_op(Object* left, Object* right, uint32_t oparg) {
  bool inplace = oparg >= static_cast<uint32_t>(kInplaceOffset);
  BinaryOp op = static_cast<BinaryOp>(inplace ? oparg - kInplaceOffset : oparg);
  if (left->type == &IntType && right->type == &IntType && int_is_small(left) && int_is_small(right)) {
    int64_t r;
    if (small_int_op(int_small_value(left), int_small_value(right), op, &r)) return int_from_i64(r);
  } else if (left->type == &FloatType && right->type == &FloatType) {
    double r;
    if (float_op(float_value(left), float_value(right), op, &r)) return float_from_double(r);
  }
  return inplace ? inplace_op(left, right, op) : binary_op(left, right, op);
}

Ref<Object> fast_subscript(Object* container, Object* key) {
  if (container->type == &ListType) {
    int64_t i;
    if (key->type == &IntType && int_fits_i64(key, &i)) {
      List* l = static_cast<List*>(container);
      if (i < 0) i += static_cast<int64_t>(l->size);
      if (i >= 0 && static_cast<size_t>(i) < l->size) return Ref<Object>::borrow(l->items[i]);
    }
  }
  return getitem(container, key);
}

Ref<Object> fast_iter_next(Object* it) {
  UnaryFn next = it->type->iternext;
  if (!next) {
    return set_errorf(exc::TypeError, "'%s' object is not an iterator",
                      std::string(type_name(it->type)).c_str());
  }
  return next(it);
}

// ---- building ----------------------------------------------------------------------

Ref<Object> build_set(Object* const* items, size_t n) {
  Ref<Object> s = set_new();
  if (!s) return nullptr;
  for (size_t i = 0; i < n; i++) {
    if (set_add(s.get(), items[i]) < 0) return nullptr;
  }
  return s;
}

bool list_extend_for_unpack(List* list, Object* iterable) {
  if (list_extend(list, iterable)) return true;
  if (error_matches(exc::TypeError) && !iterable->type->iter && !iterable->type->mp_subscript) {
    clear_error();
    set_errorf(exc::TypeError, "Value after * must be an iterable, not %s",
               std::string(type_name(iterable->type)).c_str());
  }
  return false;
}

// Iterates a mapping's keys() calling fn(key, value) for each entry.
template <class Fn>
static bool for_each_mapping_item(Object* mapping, Fn fn) {
  if (dict_check(mapping)) {
    Dict* d = static_cast<Dict*>(mapping);
    size_t pos = 0;
    Object *k, *v;
    while (dict_next(d, &pos, &k, &v)) {
      Ref<Object> kk = Ref<Object>::borrow(k), vv = Ref<Object>::borrow(v);
      if (!fn(kk.get(), vv.get())) return false;
    }
    return true;
  }
  Ref<Object> keys = call_method(mapping, names::keys, nullptr, 0);
  if (!keys) return false;
  Ref<Object> it = get_iter(keys.get());
  if (!it) return false;
  for (;;) {
    Ref<Object> k = iter_next(it.get());
    if (!k) return !error_occurred();
    Ref<Object> v = getitem(mapping, k.get());
    if (!v || !fn(k.get(), v.get())) return false;
  }
}

bool dict_update_for_display(Dict* d, Object* mapping) {
  if (!dict_check(mapping) && !hasattr(mapping, names::keys)) {
    set_errorf(exc::TypeError, "'%s' object is not a mapping", std::string(type_name(mapping->type)).c_str());
    return false;
  }
  return for_each_mapping_item(mapping, [d](Object* k, Object* v) { return dict_set(d, k, v) == 0; });
}

// How CPython names a callable in call errors (_PyObject_FunctionStr):
// "module.qualname()" unless the module is builtins.
std::string callable_desc(Object* callable) {
  Ref<Object> q = getattr_opt(callable, names::__qualname__);
  if (!q || !str_check(q.get())) {
    clear_error();
    std::string s;
    if (!str_utf8(callable, &s)) { clear_error(); s = "?"; }
    return s;
  }
  std::string qual(str_view(q.get()));
  Ref<Object> m = getattr_opt(callable, names::__module__);
  clear_error();
  if (m && str_check(m.get()) && str_view(m.get()) != "builtins") {
    return std::string(str_view(m.get())) + "." + qual + "()";
  }
  return qual + "()";
}

bool dict_merge_for_call(Dict* d, Object* mapping, Object* callable) {
  if (!dict_check(mapping) && !hasattr(mapping, names::keys)) {
    clear_error();
    set_errorf(exc::TypeError, "%s argument after ** must be a mapping, not %s",
               callable_desc(callable).c_str(), std::string(type_name(mapping->type)).c_str());
    return false;
  }
  return for_each_mapping_item(mapping, [d, callable](Object* k, Object* v) {
    if (!str_check(k)) {
      set_error(exc::TypeError, "keywords must be strings");
      return false;
    }
    if (dict_get(d, k)) {
      set_errorf(exc::TypeError, "%s got multiple values for keyword argument '%U'",
                 callable_desc(callable).c_str(), k);
      return false;
    }
    return dict_set(d, k, v) == 0;
  });
}

Ref<Object> format_value(Object* v, int conversion, Object* spec) {
  Ref<Object> value = Ref<Object>::borrow(v);
  switch (conversion) {
    case 1: value = str(v); break;
    case 2: value = repr(v); break;
    case 3: value = ascii(v); break;
    default: break;
  }
  if (!value) return nullptr;
  if (!spec && str_check_exact(value.get())) return value;
  Ref<Object> empty;
  if (!spec) {
    empty = Ref<Object>::borrow(intern(""));
    spec = empty.get();
  }
  return format(value.get(), spec);
}

// ---- unpacking -----------------------------------------------------------------------

static bool unpack_error_count(size_t want, size_t got, bool at_least) {
  if (got < want) {
    set_errorf(exc::ValueError, "not enough values to unpack (expected %s%zu, got %zu)",
               at_least ? "at least " : "", want, got);
  } else {
    set_errorf(exc::ValueError, "too many values to unpack (expected %zu)", want);
  }
  return false;
}

bool unpack_sequence(Object* seq, uint32_t n, Object** out) {
  Object* const* items = nullptr;
  size_t size = 0;
  if (seq->type == &TupleType) {
    items = static_cast<Tuple*>(seq)->items;
    size = static_cast<Tuple*>(seq)->size;
  } else if (seq->type == &ListType) {
    items = static_cast<List*>(seq)->items;
    size = static_cast<List*>(seq)->size;
  }
  if (items) {
    if (size != n) return unpack_error_count(n, size, false);
    for (uint32_t i = 0; i < n; i++) {
      incref(items[i]);
      out[n - 1 - i] = items[i];
    }
    return true;
  }
  Ref<Object> it = get_iter(seq);
  if (!it) {
    if (error_matches(exc::TypeError)) {
      clear_error();
      set_errorf(exc::TypeError, "cannot unpack non-iterable %s object",
                 std::string(type_name(seq->type)).c_str());
    }
    return false;
  }
  std::vector<Object*> got;
  got.reserve(n);
  for (;;) {
    Ref<Object> v = iter_next(it.get());
    if (!v) {
      if (error_occurred()) break;
      if (got.size() == n) {
        for (uint32_t i = 0; i < n; i++) out[n - 1 - i] = got[i];
        return true;
      }
      unpack_error_count(n, got.size(), false);
      break;
    }
    if (got.size() == n) {
      decref(v.release());
      // CPython counts no further: "too many values to unpack (expected n)".
      unpack_error_count(n, n + 1, false);
      break;
    }
    got.push_back(v.release());
  }
  for (Object* o : got) decref(o);
  return false;
}

bool unpack_ex(Object* seq, int before, int after, Object** out) {
  Ref<Object> list = sequence_to_list(seq);
  if (!list) {
    if (error_matches(exc::TypeError) && !seq->type->iter) {
      clear_error();
      set_errorf(exc::TypeError, "cannot unpack non-iterable %s object",
                 std::string(type_name(seq->type)).c_str());
    }
    return false;
  }
  List* l = static_cast<List*>(list.get());
  size_t need = static_cast<size_t>(before + after);
  if (l->size < need) return unpack_error_count(need, l->size, true);
  size_t total = static_cast<size_t>(before + after + 1);
  size_t k = total;  // fill from the top of the stack downwards
  for (int i = 0; i < before; i++) {
    incref(l->items[i]);
    out[--k] = l->items[i];
  }
  size_t mid = l->size - need;
  Ref<List> middle = list_new(mid);
  if (!middle) return false;
  for (size_t i = 0; i < mid; i++) {
    incref(l->items[before + i]);
    middle->items[i] = l->items[before + i];
  }
  out[--k] = middle.release();
  for (int i = 0; i < after; i++) {
    Object* v = l->items[before + mid + i];
    incref(v);
    out[--k] = v;
  }
  return true;
}

// ---- exceptions -------------------------------------------------------------------------

static bool check_except_type(Object* type) {
  if (exception_class_check(type)) return true;
  if (type->type == &TupleType) {
    Tuple* t = static_cast<Tuple*>(type);
    for (size_t i = 0; i < t->size; i++) {
      if (!exception_class_check(t->items[i])) goto bad;
    }
    return true;
  }
bad:
  set_error(exc::TypeError, "catching classes that do not inherit from BaseException is not allowed");
  return false;
}

bool exception_matches_handler(Object* exc_v, Object* type, int* match) {
  if (!check_except_type(type)) return false;
  if (type->type == &TupleType) {
    Tuple* t = static_cast<Tuple*>(type);
    for (size_t i = 0; i < t->size; i++) {
      if (is_instance_of(exc_v, static_cast<TypeObject*>(t->items[i]))) { *match = 1; return true; }
    }
    *match = 0;
    return true;
  }
  *match = is_instance_of(exc_v, static_cast<TypeObject*>(type)) ? 1 : 0;
  return true;
}

bool exception_group_match(Object* eg, Object* type, Object** match, Object** rest) {
  if (!check_except_type(type)) return false;
  // A plain exception matching the type is wrapped in a new group.
  int m = 0;
  if (!exception_matches_handler(eg, type, &m)) return false;
  if (eg == None) {
    incref(None); incref(None);
    *match = None; *rest = None;
    return true;
  }
  if (m) {
    if (is_instance_of(eg, exc::BaseExceptionGroup)) {
      incref(eg);
      *match = eg;
    } else {
      // A naked exception is wrapped as ExceptionGroup("", (exc,)).
      Ref<Object> excs = tuple_pack({eg});
      Ref<Object> msg = str_from("");
      if (!excs || !msg) return false;
      Object* args[2] = {msg.get(), excs.get()};
      Ref<Object> group = call(exc::ExceptionGroup, args, 2);
      if (!group) return false;
      *match = group.release();
    }
    incref(None);
    *rest = None;
    return true;
  }
  if (is_instance_of(eg, exc::BaseExceptionGroup)) {
    Ref<Object> pair = call_method(eg, intern("split"), &type, 1);
    if (!pair) return false;
    Tuple* p = static_cast<Tuple*>(pair.get());
    incref(p->items[0]);
    incref(p->items[1]);
    *match = p->items[0];
    *rest = p->items[1];
    return true;
  }
  incref(None);
  incref(eg);
  *match = None;
  *rest = eg;
  return true;
}

Ref<Object> prep_reraise_star(Object* orig, Object* excs) {
  // The exceptions raised or re-raised by the except* clauses: none left
  // means the group was fully handled.
  List* l = static_cast<List*>(excs);
  std::vector<Object*> raised;
  for (size_t i = 0; i < l->size; i++) {
    if (l->items[i] != None) raised.push_back(l->items[i]);
  }
  if (raised.empty()) return none();
  if (raised.size() == 1) return Ref<Object>::borrow(raised[0]);
  Ref<List> lst = list_new();
  for (Object* o : raised) list_append(lst.get(), o);
  Ref<Object> msg = getattr(orig, "message");
  if (!msg) { clear_error(); msg = str_from(""); }
  Object* args[2] = {msg.get(), lst.get()};
  return call(exc::BaseExceptionGroup, args, 2);
}

bool before_with(Object* mgr, Ref<Object>* exit_fn, Ref<Object>* enter_result) {
  Object* enter = type_lookup(mgr->type, names::__enter__);
  if (!enter) {
    set_errorf(exc::TypeError, "'%s' object does not support the context manager protocol",
               std::string(type_name(mgr->type)).c_str());
    return false;
  }
  Object* exit = type_lookup(mgr->type, names::__exit__);
  if (!exit) {
    set_errorf(exc::TypeError,
               "'%s' object does not support the context manager protocol (missed __exit__ method)",
               std::string(type_name(mgr->type)).c_str());
    return false;
  }
  Ref<Object> bound_exit = exit->type->descr_get ? exit->type->descr_get(exit, mgr, mgr->type)
                                                 : Ref<Object>::borrow(exit);
  if (!bound_exit) return false;
  Ref<Object> r = call1(enter, mgr);
  if (!r) return false;
  *exit_fn = std::move(bound_exit);
  *enter_result = std::move(r);
  return true;
}

Ref<Object> call_exit_with_exception(Object* exit_fn, Object* exc_v) {
  Object* tb = None;
  Ref<Object> tbr;
  if (exception_check(exc_v)) {
    tbr = static_cast<BaseException*>(exc_v)->traceback;
    if (tbr) tb = tbr.get();
  }
  Object* args[3] = {exc_v->type, exc_v, tb};
  return call(exit_fn, args, 3);
}

bool print_expr(Object* v) {
  if (v == None) return true;
  // Like sys.displayhook: builtins._ = v, then repr(v) on sys.stdout.
  if (dict_set_str(interp().builtins, "_", None) < 0) return false;
  Ref<Object> r = repr(v);
  if (!r) return false;
  Ref<Object> line = str_from(std::string(str_view(r.get())) + "\n");
  if (!line) return false;
  Object* out = sys_stdout();
  Object* arg = line.get();
  Ref<Object> w = call_method(out, names::write, &arg, 1);
  if (!w) return false;
  return dict_set_str(interp().builtins, "_", v) == 0;
}

}  // namespace coil::vm
