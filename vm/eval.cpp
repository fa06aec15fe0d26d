// eval.cpp — the eval loop: where bytecode runs.
//
// HOW A CALL RUNS WITHOUT C++ RECURSION.  run_frame() executes the
// instructions of the innermost frame.  When a CALL targets a Python
// function, it does not call run_frame() again: it pushes a new Frame on
// the thread's FrameStack, binds the arguments into it, makes it the
// current frame and keeps dispatching.  RETURN_VALUE pops the frame and
// pushes the result onto the caller's value stack.  Only a frame marked
// `is_entry` (the one run_frame() was started with) returns to C++.  So
// Python-to-Python recursion costs heap frames, never C++ stack; native
// code that calls back into Python (sorted's key, a __eq__ from a dict
// lookup) starts a *nested* run_frame(), which is counted against the
// recursion limit like a Python frame (DESIGN decision 6).
//
// HOW AN ERROR UNWINDS.  Every instruction that can fail jumps to `error`
// with the exception pending on the thread state (runtime/error.h).  There
// the loop records a traceback entry for the frame, then looks up the
// failing instruction in the code's exception table: the innermost entry
// covering it names a handler, the stack depth to unwind to, and whether
// to push the failing offset (`lasti`) for a later RERAISE.  If no entry
// covers it, the frame is popped and the error continues in the caller —
// or leaves run_frame() with a null result if the frame was the entry.
//
// DISPATCH.  With GCC/Clang each instruction ends by jumping straight to
// the next one's handler through a table of label addresses ("computed
// goto"), which predicts better than one shared `switch` jump.  The same
// code compiles as a switch elsewhere (COIL_NO_COMPUTED_GOTO).
#include <cstring>

#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/names.h"
#include "runtime/set.h"
#include "runtime/slice.h"
#include "runtime/singletons.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "vm/eval_internal.h"
#include "vm/frame.h"
#include "vm/generator.h"
#include "vm/interp.h"
#include "vm/threadstate.h"
#include "vm/trace.h"
#include "vm/traceback.h"

namespace coil::vm {

using namespace coil::runtime;

#if defined(__GNUC__) && !defined(COIL_NO_COMPUTED_GOTO)
#define COIL_USE_COMPUTED_GOTO 1
#else
#define COIL_USE_COMPUTED_GOTO 0
#endif

// ---- small helpers the opcodes share --------------------------------------

// NameError "name 'x' is not defined" (with .name set, as 3.11).
static void name_error(Str* name) {
  set_errorf(exc::NameError, "name '%U' is not defined", name);
}

static void unbound_local_error(Code* code, int index) {
  Object* name = static_cast<Tuple*>(code->localsplus_names.get())->items[index];
  set_errorf(exc::UnboundLocalError,
             "cannot access local variable '%U' where it is not associated with a value", name);
}

static void unbound_free_error(Code* code, int index) {
  Object* name = static_cast<Tuple*>(code->localsplus_names.get())->items[index];
  if (index < code->nlocals + code->ncells) {
    unbound_local_error(code, index);
  } else {
    set_errorf(exc::NameError,
               "cannot access free variable '%U' where it is not associated with a value in enclosing scope",
               name);
  }
}

// Looks a global up: globals, then builtins.  Borrowed; null + error if none.
static Object* load_global(Frame* f, Str* name) {
  Object* v = dict_get_str(f->globals, name);
  if (v) return v;
  if (error_occurred()) return nullptr;
  v = dict_get_str(f->builtins, name);
  if (v) return v;
  if (!error_occurred()) name_error(name);
  return nullptr;
}

// LOAD_NAME: the frame's locals mapping, then globals, then builtins.
// Returns a new reference.
static Ref<Object> load_name(Frame* f, Str* name) {
  if (f->locals) {
    if (f->locals->type == &DictType) {
      Object* v = dict_get_str(static_cast<Dict*>(f->locals), name);
      if (v) return Ref<Object>::borrow(v);
      if (error_occurred()) return nullptr;
    } else {
      Ref<Object> v = getitem(f->locals, name);
      if (v) return v;
      if (!error_matches(exc::KeyError)) return nullptr;
      clear_error();
    }
  }
  Object* g = load_global(f, name);
  return Ref<Object>::borrow(g);
}

static int store_name(Frame* f, Str* name, Object* v) {
  if (!f->locals) {
    set_errorf(exc::SystemError, "no locals found when storing '%U'", name);
    return -1;
  }
  if (f->locals->type == &DictType) return dict_set(static_cast<Dict*>(f->locals), name, v);
  return setitem(f->locals, name, v);
}

// Raising: `raise exc from cause` with CPython's checks.  Sets the pending
// exception; returns false always (the caller goes to error handling).
static bool do_raise(Object* exc_arg, Object* cause) {
  Ref<Object> value;
  if (exception_class_check(exc_arg)) {
    value = call0(exc_arg);
    if (!value) return false;
    if (!exception_check(value.get())) {
      set_errorf(exc::TypeError,
                 "calling %R should have returned an instance of BaseException, not %T",
                 exc_arg, value.get());
      return false;
    }
  } else if (exception_check(exc_arg)) {
    value = Ref<Object>::borrow(exc_arg);
  } else {
    set_error(exc::TypeError, "exceptions must derive from BaseException");
    return false;
  }
  if (cause) {
    Ref<Object> cause_value;
    if (exception_class_check(cause)) {
      cause_value = call0(cause);
      if (!cause_value) return false;
    } else if (exception_check(cause)) {
      cause_value = Ref<Object>::borrow(cause);
    } else if (cause == None) {
      cause_value = nullptr;
    } else {
      set_error(exc::TypeError, "exception causes must derive from BaseException");
      return false;
    }
    auto* be = static_cast<BaseException*>(value.get());
    be->cause = cause_value;
    be->suppress_context = true;
  }
  set_error_object(value.get());
  return false;
}

// Links a freshly raised exception to the one being handled (__context__),
// breaking any cycle the way CPython's _PyErr_SetObject does.
static void chain_context(ThreadState* ts) {
  Object* exc = ts->pending.get();
  Object* handled = handled_exception(ts);
  if (!exc || !handled || handled == None || exc == handled) return;
  if (!exception_check(exc) || !exception_check(handled)) return;
  // Avoid creating a cycle: cut the chain where it reaches `exc`.
  BaseException* o = static_cast<BaseException*>(handled);
  while (o->context) {
    if (o->context.get() == exc) { o->context = nullptr; break; }
    o = static_cast<BaseException*>(o->context.get());
  }
  auto* be = static_cast<BaseException*>(exc);
  if (!be->context) be->context = Ref<Object>::borrow(handled);
}

// Finds the handler for instruction `lasti`; false when none covers it.
static bool find_handler(const Code* code, int lasti, const compiler::ExceptionTableEntry** out) {
  for (const auto& e : code->unit->exception_table) {
    if (static_cast<uint32_t>(lasti) >= e.start && static_cast<uint32_t>(lasti) < e.end) {
      *out = &e;
      return true;
    }
  }
  return false;
}

// ---- the loop ----------------------------------------------------------------

Ref<Object> run_frame(ThreadState* ts, Frame* entry) {
  // The caller has counted the entry frame against the recursion limit
  // (push_python_frame / frame_for_code); every frame popped here uncounts.
  entry->is_entry = true;
  entry->back = ts->frame;
  ts->frame = entry;
  entry->state = FrameState::Running;

  Frame* f = entry;
  Code* code;
  const Instr* ip;
  Object** sp;
  Object** fast;
  Object* const* consts;
  Object* const* names;
  Instr instr;
  uint32_t oparg;
  Ref<Object> result;   // what an entry frame returns

#define LOAD_FRAME()                                                    \
  do {                                                                  \
    code = f->code;                                                     \
    ip = f->ip;                                                         \
    sp = f->sp;                                                         \
    fast = f->localsplus;                                               \
    consts = static_cast<Tuple*>(code->consts.get())->items;            \
    names = static_cast<Tuple*>(code->names.get())->items;              \
  } while (0)
#define SAVE_FRAME() do { f->ip = ip; f->sp = sp; } while (0)
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define PEEK(n) (sp[-static_cast<int>(n)])
#define NAME(i) static_cast<Str*>(names[i])
#define INDEX() static_cast<int>(ip - code->instrs - 1)

#if COIL_USE_COMPUTED_GOTO
  static void* const dispatch_table[] = {
#define COIL_OPCODE_LABEL(name, has_arg, pops, pushes, doc) &&op_##name,
      COIL_OPCODES(COIL_OPCODE_LABEL)
#undef COIL_OPCODE_LABEL
  };
  // TRACING WITHOUT A TEST.  DISPATCH jumps through `active`, a copy of
  // dispatch_table — or, while any thread has a trace or profile hook
  // (g_tracing_threads, vm/trace.h), of trace_table, whose every entry
  // leads to trace_stub; the stub lets threads without a hook straight
  // through.  RELOAD_TRACING re-copies the table when that changed; it
  // runs where a hook may have been installed: when this loop starts or
  // resumes a frame at start_frame, after a call into native code, and in
  // the stub.  `active` is a static table like dispatch_table (a local
  // pointer to the current table costs a register in the hot loop: ~9% more
  // instructions on fib), and it is only written under the GIL.
  static void* const trace_table[] = {
#define COIL_TRACE_LABEL(name, has_arg, pops, pushes, doc) &&trace_stub,
      COIL_OPCODES(COIL_TRACE_LABEL)
#undef COIL_TRACE_LABEL
  };
  static void* active[kNumOpcodes];
  static int active_traced = -1;   // -1: not filled yet
#define RELOAD_TRACING()                                                              \
  do {                                                                                \
    int want = g_tracing_threads > 0;                                                 \
    if (want != active_traced) [[unlikely]] {                                         \
      std::memcpy(active, want ? trace_table : dispatch_table, sizeof active);        \
      active_traced = want;                                                           \
    }                                                                                 \
  } while (0)
#define TARGET(name) op_##name:
#define DISPATCH()                                   \
  do {                                               \
    instr = *ip++;                                   \
    oparg = instr_arg(instr);                        \
    goto* active[instr & 0xFF];                      \
  } while (0)
#define DISPATCH_TRACED() goto* dispatch_table[instr & 0xFF]
#else
  bool tracing = false;
#define RELOAD_TRACING() (tracing = ts->use_tracing)
#define TARGET(name) case Opcode::name:
#define DISPATCH() goto dispatch
#define DISPATCH_TRACED() goto dispatch_traced
#endif

start_frame:
  LOAD_FRAME();
  RELOAD_TRACING();
  if (f->throwing) {
    // gen.throw()/close(): the yield the frame is suspended at raises
    // instead — unless it is suspended in `yield from`/`await`, where the
    // exception goes to the subiterator first (PEP 380).  A subgenerator
    // is thrown into by running its frame here too, so a throw down a
    // chain of delegating generators stays in this loop.
    f->throwing = false;
    Frame* sub = nullptr;
    switch (gen_throw_step(ts, f, &sub)) {
      case ThrowStep::RaiseHere: goto error;
      case ThrowStep::Continue: LOAD_FRAME(); break;
      case ThrowStep::RunSub: f = sub; goto start_frame;
    }
  }

#if COIL_USE_COMPUTED_GOTO
  DISPATCH();
#else
dispatch:
  instr = *ip++;
  oparg = instr_arg(instr);
  if (tracing) goto trace_stub;
dispatch_traced:
  switch (instr_op(instr)) {
#endif

  // ---- stack ----
  TARGET(NOP) { DISPATCH(); }
  TARGET(POP_TOP) { decref(POP()); DISPATCH(); }
  TARGET(PUSH_NULL) { PUSH(nullptr); DISPATCH(); }
  TARGET(COPY) {
    Object* v = PEEK(oparg);
    xincref(v);
    PUSH(v);
    DISPATCH();
  }
  TARGET(SWAP) {
    std::swap(sp[-1], sp[-static_cast<int>(oparg)]);
    DISPATCH();
  }

  // ---- variables ----
  TARGET(LOAD_CONST) {
    Object* v = consts[oparg];
    incref(v);
    PUSH(v);
    DISPATCH();
  }
  TARGET(LOAD_FAST) {
    Object* v = fast[oparg];
    if (!v) { unbound_local_error(code, oparg); goto error; }
    incref(v);
    PUSH(v);
    DISPATCH();
  }
  TARGET(STORE_FAST) {
    Object* old = fast[oparg];
    fast[oparg] = POP();
    xdecref(old);
    DISPATCH();
  }
  TARGET(DELETE_FAST) {
    Object* old = fast[oparg];
    if (!old) { unbound_local_error(code, oparg); goto error; }
    fast[oparg] = nullptr;
    decref(old);
    DISPATCH();
  }
  TARGET(LOAD_DEREF) {
    Cell* cell = static_cast<Cell*>(fast[oparg]);
    Object* v = cell->contents.get();
    if (!v) { unbound_free_error(code, oparg); goto error; }
    incref(v);
    PUSH(v);
    DISPATCH();
  }
  TARGET(STORE_DEREF) {
    Cell* cell = static_cast<Cell*>(fast[oparg]);
    cell->contents = Ref<Object>::steal(POP());
    DISPATCH();
  }
  TARGET(DELETE_DEREF) {
    Cell* cell = static_cast<Cell*>(fast[oparg]);
    if (!cell->contents) { unbound_free_error(code, oparg); goto error; }
    cell->contents = nullptr;
    DISPATCH();
  }
  TARGET(LOAD_CLOSURE) {
    Object* cell = fast[oparg];
    incref(cell);
    PUSH(cell);
    DISPATCH();
  }
  TARGET(LOAD_CLASSDEREF) {
    // A class body reading a free variable: its namespace first.
    Str* name = static_cast<Str*>(static_cast<Tuple*>(code->localsplus_names.get())->items[oparg]);
    if (f->locals && f->locals->type == &DictType) {
      Object* v = dict_get_str(static_cast<Dict*>(f->locals), name);
      if (v) { incref(v); PUSH(v); DISPATCH(); }
      if (error_occurred()) goto error;
    }
    Cell* cell = static_cast<Cell*>(fast[oparg]);
    Object* v = cell->contents.get();
    if (!v) { unbound_free_error(code, oparg); goto error; }
    incref(v);
    PUSH(v);
    DISPATCH();
  }
  TARGET(LOAD_NAME) {
    SAVE_FRAME();
    Ref<Object> v = load_name(f, NAME(oparg));
    if (!v) goto error;
    PUSH(v.release());
    DISPATCH();
  }
  TARGET(STORE_NAME) {
    SAVE_FRAME();
    Object* v = POP();
    int rc = store_name(f, NAME(oparg), v);
    decref(v);
    if (rc < 0) goto error;
    DISPATCH();
  }
  TARGET(DELETE_NAME) {
    SAVE_FRAME();
    Str* name = NAME(oparg);
    int rc = f->locals ? delitem(f->locals, name) : -1;
    if (rc < 0) {
      if (!f->locals || error_matches(exc::KeyError)) {
        clear_error();
        name_error(name);
      }
      goto error;
    }
    DISPATCH();
  }
  TARGET(LOAD_GLOBAL) {
    Str* name = NAME(oparg);
    InlineCache& c = code->caches[INDEX()];
    if (c.value && c.key1 == f->globals->version && c.key2 == f->builtins->version) {
      incref(c.value);
      PUSH(c.value);
      DISPATCH();
    }
    Object* v = load_global(f, name);
    if (!v) goto error;
    c.key1 = f->globals->version;
    c.key2 = f->builtins->version;
    c.value = v;
    incref(v);
    PUSH(v);
    DISPATCH();
  }
  TARGET(STORE_GLOBAL) {
    Object* v = POP();
    int rc = dict_set(f->globals, NAME(oparg), v);
    decref(v);
    if (rc < 0) goto error;
    DISPATCH();
  }
  TARGET(DELETE_GLOBAL) {
    Str* name = NAME(oparg);
    if (dict_del(f->globals, name) < 0) {
      if (error_matches(exc::KeyError)) { clear_error(); name_error(name); }
      goto error;
    }
    DISPATCH();
  }
  TARGET(LOAD_ATTR) {
    SAVE_FRAME();
    Object* owner = TOP();
    Ref<Object> v = getattr(owner, NAME(oparg));
    if (!v) goto error;
    decref(owner);
    TOP() = v.release();
    DISPATCH();
  }
  TARGET(STORE_ATTR) {
    SAVE_FRAME();
    Object* owner = POP();
    Object* v = POP();
    int rc = setattr(owner, NAME(oparg), v);
    decref(owner);
    decref(v);
    if (rc < 0) goto error;
    DISPATCH();
  }
  TARGET(DELETE_ATTR) {
    SAVE_FRAME();
    Object* owner = POP();
    int rc = setattr(owner, NAME(oparg), nullptr);
    decref(owner);
    if (rc < 0) goto error;
    DISPATCH();
  }
  TARGET(LOAD_METHOD) {
    SAVE_FRAME();
    Object* owner = TOP();
    Object* meth = nullptr;
    Ref<Object> attr = load_method(owner, NAME(oparg), &meth);
    if (meth) {
      // [meth, self]: the unbound method and the receiver.
      TOP() = meth;   // owned
      PUSH(owner);    // the reference that was on the stack moves up
      DISPATCH();
    }
    if (!attr) goto error;
    TOP() = nullptr;
    PUSH(attr.release());
    decref(owner);
    DISPATCH();
  }
  TARGET(LOAD_ASSERTION_ERROR) {
    incref(exc::AssertionError);
    PUSH(exc::AssertionError);
    DISPATCH();
  }
  TARGET(LOAD_BUILD_CLASS) {
    Object* bc = dict_get_str(f->builtins, names::__build_class__);
    if (!bc) {
      if (!error_occurred()) set_error(exc::NameError, "__build_class__ not found");
      goto error;
    }
    incref(bc);
    PUSH(bc);
    DISPATCH();
  }
  TARGET(SETUP_ANNOTATIONS) {
    if (!f->locals) { set_error(exc::SystemError, "no locals found when setting up annotations"); goto error; }
    if (f->locals->type == &DictType) {
      Object* ann = dict_get_str(static_cast<Dict*>(f->locals), names::__annotations__);
      if (!ann) {
        if (error_occurred()) goto error;
        Ref<Dict> d = dict_new();
        if (!d || dict_set(static_cast<Dict*>(f->locals), names::__annotations__, d.get()) < 0) goto error;
      }
    } else {
      Ref<Object> ann = getitem(f->locals, names::__annotations__);
      if (!ann) {
        if (!error_matches(exc::KeyError)) goto error;
        clear_error();
        Ref<Dict> d = dict_new();
        if (!d || setitem(f->locals, names::__annotations__, d.get()) < 0) goto error;
      }
    }
    DISPATCH();
  }

  // ---- operators ----
  TARGET(UNARY_POSITIVE) {
    SAVE_FRAME();
    Ref<Object> r = positive(TOP());
    if (!r) goto error;
    decref(TOP());
    TOP() = r.release();
    DISPATCH();
  }
  TARGET(UNARY_NEGATIVE) {
    SAVE_FRAME();
    Ref<Object> r = negative(TOP());
    if (!r) goto error;
    decref(TOP());
    TOP() = r.release();
    DISPATCH();
  }
  TARGET(UNARY_INVERT) {
    SAVE_FRAME();
    Ref<Object> r = invert(TOP());
    if (!r) goto error;
    decref(TOP());
    TOP() = r.release();
    DISPATCH();
  }
  TARGET(UNARY_NOT) {
    SAVE_FRAME();
    int t = is_true(TOP());
    if (t < 0) goto error;
    decref(TOP());
    TOP() = t ? False : True;
    incref(TOP());
    DISPATCH();
  }
  TARGET(BINARY_OP) {
    SAVE_FRAME();
    Object* right = POP();
    Object* left = TOP();
    if (left->type == &IntType && right->type == &IntType && int_is_small(left) && int_is_small(right)) {
      // The common case, without a call: small-int + - and friends.
      int64_t v;
      uint32_t op = oparg >= static_cast<uint32_t>(kInplaceOffset) ? oparg - kInplaceOffset : oparg;
      if (small_int_op(int_small_value(left), int_small_value(right), static_cast<BinaryOp>(op), &v)) {
        Ref<Object> r = int_from_i64(v);
        if (!r) { decref(right); goto error; }
        decref(right);
        decref(left);
        TOP() = r.release();
        DISPATCH();
      }
    }
    Ref<Object> r = fast_binary_op(left, right, oparg);
    decref(right);
    if (!r) goto error;
    decref(left);
    TOP() = r.release();
    DISPATCH();
  }
  TARGET(COMPARE_OP) {
    SAVE_FRAME();
    Object* right = POP();
    Object* left = TOP();
    if (left->type == &IntType && right->type == &IntType && int_is_small(left) && int_is_small(right)) {
      int64_t a = int_small_value(left), b = int_small_value(right);
      bool t = compare_holds((a > b) - (a < b), static_cast<CompareOp>(oparg));
      decref(right);
      decref(left);
      TOP() = t ? True : False;
      incref(TOP());
      DISPATCH();
    }
    Ref<Object> r = rich_compare(left, right, static_cast<CompareOp>(oparg));
    decref(right);
    if (!r) goto error;
    decref(left);
    TOP() = r.release();
    DISPATCH();
  }
  TARGET(IS_OP) {
    Object* right = POP();
    Object* left = TOP();
    bool r = (left == right) ^ (oparg != 0);
    decref(right);
    decref(left);
    TOP() = r ? True : False;
    incref(TOP());
    DISPATCH();
  }
  TARGET(CONTAINS_OP) {
    SAVE_FRAME();
    Object* right = POP();
    Object* left = TOP();
    int r = contains(right, left);
    decref(right);
    if (r < 0) goto error;
    decref(left);
    TOP() = (r != 0) ^ (oparg != 0) ? True : False;
    incref(TOP());
    DISPATCH();
  }
  TARGET(BINARY_SUBSCR) {
    SAVE_FRAME();
    Object* key = POP();
    Object* container = TOP();
    Ref<Object> r = fast_subscript(container, key);
    decref(key);
    if (!r) goto error;
    decref(container);
    TOP() = r.release();
    DISPATCH();
  }
  TARGET(STORE_SUBSCR) {
    SAVE_FRAME();
    Object* key = POP();
    Object* container = POP();
    Object* v = POP();
    if (container->type == &ListType && key->type == &IntType && int_is_small(key)) {
      // list[i] = v for an in-range index: swap the item, no call.
      List* l = static_cast<List*>(container);
      int64_t i = int_small_value(key);
      if (i < 0) i += static_cast<int64_t>(l->size);
      if (i >= 0 && static_cast<size_t>(i) < l->size) {
        Object* old = l->items[i];
        l->items[i] = v;   // the stack's reference moves into the list
        decref(old);
        decref(key);
        decref(container);
        DISPATCH();
      }
    }
    int rc = setitem(container, key, v);
    decref(key);
    decref(container);
    decref(v);
    if (rc < 0) goto error;
    DISPATCH();
  }
  TARGET(DELETE_SUBSCR) {
    SAVE_FRAME();
    Object* key = POP();
    Object* container = POP();
    int rc = delitem(container, key);
    decref(key);
    decref(container);
    if (rc < 0) goto error;
    DISPATCH();
  }

  // ---- building ----
  TARGET(BUILD_TUPLE) {
    Ref<Tuple> t = tuple_new(oparg);
    if (!t) goto error;
    sp -= oparg;
    for (uint32_t i = 0; i < oparg; i++) t->items[i] = sp[i];   // steals
    PUSH(t.release());
    DISPATCH();
  }
  TARGET(BUILD_LIST) {
    Ref<List> l = list_new(oparg);
    if (!l) goto error;
    sp -= oparg;
    for (uint32_t i = 0; i < oparg; i++) l->items[i] = sp[i];   // steals
    PUSH(l.release());
    DISPATCH();
  }
  TARGET(BUILD_SET) {
    SAVE_FRAME();
    Ref<Object> s = build_set(sp - oparg, oparg);
    for (uint32_t i = 0; i < oparg; i++) decref(POP());
    if (!s) goto error;
    PUSH(s.release());
    DISPATCH();
  }
  TARGET(BUILD_MAP) {
    SAVE_FRAME();
    Ref<Dict> d = dict_new();
    if (!d) goto error;
    Object** base = sp - 2 * oparg;
    for (uint32_t i = 0; i < oparg; i++) {
      if (dict_set(d.get(), base[2 * i], base[2 * i + 1]) < 0) {
        while (sp > base) decref(POP());
        goto error;
      }
    }
    while (sp > base) decref(POP());
    PUSH(d.release());
    DISPATCH();
  }
  TARGET(BUILD_CONST_KEY_MAP) {
    SAVE_FRAME();
    Tuple* keys = static_cast<Tuple*>(TOP());
    Ref<Dict> d = dict_new();
    if (!d) goto error;
    Object** base = sp - 1 - oparg;
    bool ok = true;
    for (uint32_t i = 0; i < oparg && ok; i++) ok = dict_set(d.get(), keys->items[i], base[i]) == 0;
    while (sp > base) decref(POP());
    if (!ok) goto error;
    PUSH(d.release());
    DISPATCH();
  }
  TARGET(BUILD_STRING) {
    SAVE_FRAME();
    Ref<Object> s = str_join_array(sp - oparg, oparg);
    for (uint32_t i = 0; i < oparg; i++) decref(POP());
    if (!s) goto error;
    PUSH(s.release());
    DISPATCH();
  }
  TARGET(BUILD_SLICE) {
    Object* step = oparg == 3 ? POP() : nullptr;
    Object* stop = POP();
    Object* start = TOP();
    Ref<Object> s = slice_new(start, stop, step ? step : None);
    xdecref(step);
    decref(stop);
    if (!s) goto error;
    decref(start);
    TOP() = s.release();
    DISPATCH();
  }
  TARGET(LIST_APPEND) {
    Object* v = POP();
    bool ok = list_append(static_cast<List*>(PEEK(oparg)), v);
    decref(v);
    if (!ok) goto error;
    DISPATCH();
  }
  TARGET(SET_ADD) {
    SAVE_FRAME();
    Object* v = POP();
    int rc = set_add(PEEK(oparg), v);
    decref(v);
    if (rc < 0) goto error;
    DISPATCH();
  }
  TARGET(MAP_ADD) {
    SAVE_FRAME();
    Object* v = POP();
    Object* k = POP();
    int rc = dict_set(static_cast<Dict*>(PEEK(oparg)), k, v);
    decref(k);
    decref(v);
    if (rc < 0) goto error;
    DISPATCH();
  }
  TARGET(LIST_EXTEND) {
    SAVE_FRAME();
    Object* it = POP();
    bool ok = list_extend_for_unpack(static_cast<List*>(PEEK(oparg)), it);
    decref(it);
    if (!ok) goto error;
    DISPATCH();
  }
  TARGET(SET_UPDATE) {
    SAVE_FRAME();
    Object* it = POP();
    int rc = set_update(PEEK(oparg), it);
    decref(it);
    if (rc < 0) goto error;
    DISPATCH();
  }
  TARGET(DICT_UPDATE) {
    SAVE_FRAME();
    Object* m = POP();
    bool ok = dict_update_for_display(static_cast<Dict*>(PEEK(oparg)), m);
    decref(m);
    if (!ok) goto error;
    DISPATCH();
  }
  TARGET(DICT_MERGE) {
    SAVE_FRAME();
    Object* m = POP();
    // The callable sits below the dict being built: [null|f, f|self, args, dict].
    bool ok = dict_merge_for_call(static_cast<Dict*>(PEEK(oparg)), m, PEEK(oparg + 2));
    decref(m);
    if (!ok) goto error;
    DISPATCH();
  }
  TARGET(LIST_TO_TUPLE) {
    List* l = static_cast<List*>(TOP());
    Ref<Tuple> t = tuple_from_array(l->items, l->size);
    if (!t) goto error;
    decref(l);
    TOP() = t.release();
    DISPATCH();
  }
  TARGET(FORMAT_VALUE) {
    SAVE_FRAME();
    Object* spec = (oparg & 4) ? POP() : nullptr;
    Object* v = TOP();
    Ref<Object> r = format_value(v, oparg & 3, spec);
    xdecref(spec);
    if (!r) goto error;
    decref(v);
    TOP() = r.release();
    DISPATCH();
  }
  TARGET(UNPACK_SEQUENCE) {
    SAVE_FRAME();
    Object* seq = POP();
    bool ok = unpack_sequence(seq, oparg, sp);
    decref(seq);
    if (!ok) goto error;
    sp += oparg;
    DISPATCH();
  }
  TARGET(UNPACK_EX) {
    SAVE_FRAME();
    Object* seq = POP();
    int before = oparg & 0xFF, after = oparg >> 8;
    bool ok = unpack_ex(seq, before, after, sp);
    decref(seq);
    if (!ok) goto error;
    sp += before + after + 1;
    DISPATCH();
  }

  // ---- control flow ----
  TARGET(JUMP_FORWARD) {
    ip = code->instrs + oparg;
    DISPATCH();
  }
  TARGET(JUMP_BACKWARD) {
    // The breaker runs before the jump, so an exception it raises (a
    // signal handler's KeyboardInterrupt) is raised AT this instruction,
    // inside the loop's exception-table range, not at the loop's head.
    if (eval_breaker_set()) {
      SAVE_FRAME();
      if (!handle_eval_breaker(ts)) goto error;
    }
    ip = code->instrs + oparg;
    DISPATCH();
  }
  TARGET(POP_JUMP_IF_FALSE) {
    Object* v = POP();
    if (v == False) { ip = code->instrs + oparg; decref(v); DISPATCH(); }
    if (v == True) { decref(v); DISPATCH(); }
    SAVE_FRAME();
    int t = is_true(v);
    decref(v);
    if (t < 0) goto error;
    if (!t) ip = code->instrs + oparg;
    DISPATCH();
  }
  TARGET(POP_JUMP_IF_TRUE) {
    Object* v = POP();
    if (v == True) { ip = code->instrs + oparg; decref(v); DISPATCH(); }
    if (v == False) { decref(v); DISPATCH(); }
    SAVE_FRAME();
    int t = is_true(v);
    decref(v);
    if (t < 0) goto error;
    if (t) ip = code->instrs + oparg;
    DISPATCH();
  }
  TARGET(POP_JUMP_IF_NONE) {
    Object* v = POP();
    if (v == None) ip = code->instrs + oparg;
    decref(v);
    DISPATCH();
  }
  TARGET(POP_JUMP_IF_NOT_NONE) {
    Object* v = POP();
    if (v != None) ip = code->instrs + oparg;
    decref(v);
    DISPATCH();
  }
  TARGET(JUMP_IF_FALSE_OR_POP) {
    SAVE_FRAME();
    int t = is_true(TOP());
    if (t < 0) goto error;
    if (!t) { ip = code->instrs + oparg; DISPATCH(); }
    decref(POP());
    DISPATCH();
  }
  TARGET(JUMP_IF_TRUE_OR_POP) {
    SAVE_FRAME();
    int t = is_true(TOP());
    if (t < 0) goto error;
    if (t) { ip = code->instrs + oparg; DISPATCH(); }
    decref(POP());
    DISPATCH();
  }
  TARGET(GET_ITER) {
    SAVE_FRAME();
    Object* iterable = TOP();
    Ref<Object> it = get_iter(iterable);
    if (!it) goto error;
    decref(iterable);
    TOP() = it.release();
    DISPATCH();
  }
  TARGET(FOR_ITER) {
    SAVE_FRAME();
    Object* it = TOP();
    if (Frame* sub = it->type == &GeneratorType ? gen_inline_frame(it, None) : nullptr) {
      // `for x in gen`: run the generator's frame on top of this one, in
      // this loop (CPython 3.12's FOR_ITER_GEN); leave_generator delivers
      // each yielded value just after this FOR_ITER, or ends the loop.
      if (!gen_push_frame(ts, sub, None, f)) goto error;
      f = sub;
      goto start_frame;
    }
    Ref<Object> next = fast_iter_next(it);
    if (next) { PUSH(next.release()); DISPATCH(); }
    if (error_occurred()) {
      if (!error_matches(exc::StopIteration)) goto error;
      clear_error();
    }
    decref(POP());
    ip = code->instrs + oparg;
    if (eval_breaker_set()) {
      SAVE_FRAME();
      if (!handle_eval_breaker(ts)) goto error;
    }
    DISPATCH();
  }
  TARGET(RETURN_VALUE) {
    Object* retval = POP();
    SAVE_FRAME();
    if (f->owner) {
      // A generator's frame finished: the generator object takes over.
      f->state = FrameState::Completed;
      result = Ref<Object>::steal(retval);
      goto leave_generator;
    }
    Frame* done = f;
    bool was_entry = done->is_entry;
    f = done->back;
    ts->frame = f;
    frame_release(ts, done);
    leave_recursion(ts);
    if (was_entry) return Ref<Object>::steal(retval);
    LOAD_FRAME();
    PUSH(retval);
    DISPATCH();
  }

  // ---- calls ----
  TARGET(KW_NAMES) {
    f->kwnames = consts[oparg];
    DISPATCH();
  }
  TARGET(CALL) {
    SAVE_FRAME();
    Object** base = sp - oparg - 2;   // [callable_or_null, self_or_callable, args...]
    Tuple* kwnames = static_cast<Tuple*>(f->kwnames);
    f->kwnames = nullptr;
    if (!base[0] && base[1]->type == &MethodType) {
      // A bound method: call its function with self prepended, in place.
      Method* m = static_cast<Method*>(base[1]);
      base[0] = m->func.get();
      incref(base[0]);
      base[1] = m->self.get();
      incref(base[1]);
      decref(m);
    }
    Object* callable;
    Object** args;
    size_t nargs;
    if (base[0]) {
      callable = base[0];
      args = base + 1;
      nargs = oparg + 1;
    } else {
      callable = base[1];
      args = base + 2;
      nargs = oparg;
    }
    nargs -= kwnames ? kwnames->size : 0;
    if (callable->type == &FunctionType) {
      // A Python function: push its frame and keep dispatching (stackless).
      Function* fn = static_cast<Function*>(callable);
      Code* fcode = fn->code.get();
      Frame* callee;
      if (!kwnames && fcode->simple_args && nargs == static_cast<size_t>(fcode->unit->argcount)) {
        callee = push_python_frame_steal(ts, fn, args, nargs);
      } else {
        callee = push_python_frame(ts, fn, args, nargs, kwnames);
      }
      while (sp > base) xdecref(POP());
      f->sp = sp;
      if (!callee) goto error;
      callee->back = f;
      ts->frame = callee;
      callee->state = FrameState::Running;
      f = callee;
      LOAD_FRAME();
      DISPATCH();
    }
    if (nargs == 2 && !kwnames) {
      if (Frame* sub = gen_send_frame(callable, args[0], args[1])) {
        // gen.send(v): resume the generator's frame in this loop, as
        // FOR_ITER does.  The call's operands give way to [gen], which keeps
        // the generator alive while its frame runs; leave_generator replaces
        // it by the value the frame yields (or raises StopIteration here).
        if (!gen_push_frame(ts, sub, args[1], f)) goto error;
        Object* gen = args[0];
        incref(gen);
        while (sp > base) xdecref(POP());
        PUSH(gen);
        f->sp = sp;
        f = sub;
        goto start_frame;
      }
    }
    Ref<Object> r = call(callable, args, nargs, kwnames);
    while (sp > base) xdecref(POP());
    if (!r) goto error;
    PUSH(r.release());
    RELOAD_TRACING();   // the callee may have been sys.settrace
    DISPATCH();
  }
  TARGET(CALL_FUNCTION_EX) {
    SAVE_FRAME();
    Object* kwargs = (oparg & 1) ? POP() : nullptr;
    Object* callargs = POP();
    Object* func = POP();
    Object* null = POP();
    Ref<Object> r = call_ex(func, callargs, kwargs);
    xdecref(kwargs);
    decref(callargs);
    decref(func);
    xdecref(null);
    if (!r) goto error;
    PUSH(r.release());
    RELOAD_TRACING();
    DISPATCH();
  }
  TARGET(MAKE_FUNCTION) {
    SAVE_FRAME();
    Object* code_obj = POP();
    Object* closure = (oparg & 8) ? POP() : nullptr;
    Object* annotations = (oparg & 4) ? POP() : nullptr;
    Object* kwdefaults = (oparg & 2) ? POP() : nullptr;
    Object* defaults = (oparg & 1) ? POP() : nullptr;
    Ref<Object> fn = make_function(static_cast<Code*>(code_obj), f->globals, defaults,
                                   kwdefaults, annotations, closure);
    decref(code_obj);
    xdecref(closure);
    xdecref(annotations);
    xdecref(kwdefaults);
    xdecref(defaults);
    if (!fn) goto error;
    PUSH(fn.release());
    DISPATCH();
  }

  // ---- exceptions ----
  TARGET(RAISE_VARARGS) {
    SAVE_FRAME();
    Object* cause = oparg >= 2 ? POP() : nullptr;
    Object* exc_arg = oparg >= 1 ? POP() : nullptr;
    if (oparg == 0) {
      Object* handled = handled_exception(ts);
      if (!handled || handled == None) {
        set_error(exc::RuntimeError, "No active exception to reraise");
        goto error;
      }
      set_error_object(handled);
      f->lasti = INDEX();
      goto exception_unwind;
    }
    do_raise(exc_arg, cause);
    decref(exc_arg);
    xdecref(cause);
    goto error;
  }
  TARGET(RERAISE) {
    Object* exc_v = POP();
    if (oparg) {
      Object* lasti = PEEK(oparg);
      int64_t li = 0;
      if (int_fits_i64(lasti, &li)) f->lasti = static_cast<int>(li);
    } else {
      f->lasti = INDEX();
    }
    SAVE_FRAME();
    restore_error(Ref<Object>::steal(exc_v));
    goto exception_unwind;
  }
  TARGET(PUSH_EXC_INFO) {
    Object* v = TOP();
    Object* prev = ts->handled.release();
    TOP() = prev ? prev : (incref(None), None);
    ts->handled = Ref<Object>::borrow(v);
    PUSH(v);
    DISPATCH();
  }
  TARGET(POP_EXCEPT) {
    Object* prev = POP();
    if (prev == None) {
      decref(prev);
      ts->handled = nullptr;
    } else {
      ts->handled = Ref<Object>::steal(prev);
    }
    DISPATCH();
  }
  TARGET(CHECK_EXC_MATCH) {
    SAVE_FRAME();
    Object* type = POP();
    int match = 0;
    bool ok = exception_matches_handler(TOP(), type, &match);
    decref(type);
    if (!ok) goto error;
    PUSH(match ? True : False);
    incref(TOP());
    DISPATCH();
  }
  TARGET(CHECK_EG_MATCH) {
    SAVE_FRAME();
    Object* type = POP();
    Object* eg = POP();
    Object* rest = nullptr;
    Object* match = nullptr;
    bool ok = exception_group_match(eg, type, &match, &rest);
    decref(type);
    decref(eg);
    if (!ok) goto error;
    PUSH(rest);
    PUSH(match);
    DISPATCH();
  }
  TARGET(PREP_RERAISE_STAR) {
    SAVE_FRAME();
    Object* excs = POP();
    Object* orig = POP();
    Ref<Object> r = prep_reraise_star(orig, excs);
    decref(excs);
    decref(orig);
    if (!r) goto error;
    PUSH(r.release());
    DISPATCH();
  }
  TARGET(BEFORE_WITH) {
    SAVE_FRAME();
    Object* mgr = TOP();
    Ref<Object> exit_fn, enter_res;
    if (!before_with(mgr, &exit_fn, &enter_res)) goto error;
    decref(mgr);
    TOP() = exit_fn.release();
    PUSH(enter_res.release());
    RELOAD_TRACING();   // __enter__ may have installed a hook (cProfile.Profile)
    DISPATCH();
  }
  TARGET(WITH_EXCEPT_START) {
    SAVE_FRAME();
    // (exit lasti prev exc -- exit lasti prev exc res)
    Object* exc_v = TOP();
    Object* exit_fn = PEEK(4);
    Ref<Object> r = call_exit_with_exception(exit_fn, exc_v);
    if (!r) goto error;
    PUSH(r.release());
    DISPATCH();
  }

  // ---- modules ----
  TARGET(IMPORT_NAME) {
    SAVE_FRAME();
    Object* fromlist = POP();
    Object* level = TOP();
    Ref<Object> m = import_name(f, NAME(oparg), fromlist, level);
    decref(fromlist);
    if (!m) goto error;
    decref(level);
    TOP() = m.release();
    DISPATCH();
  }
  TARGET(IMPORT_FROM) {
    SAVE_FRAME();
    Ref<Object> v = import_from(TOP(), NAME(oparg));
    if (!v) goto error;
    PUSH(v.release());
    DISPATCH();
  }
  TARGET(IMPORT_STAR) {
    SAVE_FRAME();
    Object* module = POP();
    bool ok = import_star(f, module);
    decref(module);
    if (!ok) goto error;
    DISPATCH();
  }

  // ---- generators ----
  TARGET(RETURN_GENERATOR) {
    SAVE_FRAME();
    // Move this frame into a new generator object and return that object
    // to the caller instead of running the body now.
    Frame* done = f;
    bool was_entry = done->is_entry;
    Frame* caller = done->back;
    Ref<Object> gen = make_generator(ts, done);   // takes the frame over
    ts->frame = caller;
    if (!gen) {
      f = caller;
      if (was_entry) { leave_recursion(ts); return nullptr; }
      leave_recursion(ts);
      LOAD_FRAME();
      goto error;
    }
    leave_recursion(ts);
    if (was_entry) {
      return gen;
    }
    f = caller;
    LOAD_FRAME();
    PUSH(gen.release());
    DISPATCH();
  }
  TARGET(YIELD_VALUE) {
    Object* v = POP();
    SAVE_FRAME();
    f->state = FrameState::Suspended;
    result = Ref<Object>::steal(v);
    goto leave_generator;
  }
  TARGET(GET_YIELD_FROM_ITER) {
    SAVE_FRAME();
    Object* iterable = TOP();
    Ref<Object> it = get_yield_from_iter(code, iterable);
    if (!it) goto error;
    decref(iterable);
    TOP() = it.release();
    DISPATCH();
  }
  TARGET(SEND) {
    SAVE_FRAME();
    Object* v = TOP();
    Object* receiver = SECOND();
    if (Frame* sub = gen_inline_frame(receiver, v)) {
      // A coil generator or coroutine: run its frame on top of this one,
      // in this loop (CPython 3.12's SEND_GEN).  This frame waits just
      // after the SEND with [receiver] on its stack; leave_generator below
      // delivers what the subgenerator yields, returns or raises.
      if (!gen_push_frame(ts, sub, v, f)) goto error;
      decref(POP());
      f->sp = sp;
      f = sub;
      goto start_frame;
    }
    Ref<Object> out;
    SendResult sr = send_to(receiver, v, &out);
    if (sr == SendResult::Error) goto error;
    decref(v);
    if (sr == SendResult::Return) {
      // Delegation finished: replace [receiver v] by the return value.
      sp -= 1;
      decref(receiver);
      TOP() = out.release();
      ip = code->instrs + oparg;
      DISPATCH();
    }
    TOP() = out.release();
    DISPATCH();
  }
  TARGET(GET_AWAITABLE) {
    SAVE_FRAME();
    Object* obj = TOP();
    Ref<Object> it = get_awaitable(obj, oparg);
    if (!it) goto error;
    decref(obj);
    TOP() = it.release();
    DISPATCH();
  }
  TARGET(GET_AITER) {
    SAVE_FRAME();
    Object* obj = TOP();
    Ref<Object> it = get_aiter(obj);
    if (!it) goto error;
    decref(obj);
    TOP() = it.release();
    DISPATCH();
  }
  TARGET(GET_ANEXT) {
    SAVE_FRAME();
    Ref<Object> aw = get_anext(TOP());
    if (!aw) goto error;
    PUSH(aw.release());
    DISPATCH();
  }
  TARGET(END_ASYNC_FOR) {
    Object* exc_v = POP();
    if (exception_check(exc_v) && is_instance_of(exc_v, exc::StopAsyncIteration)) {
      decref(exc_v);
      decref(POP());
      DISPATCH();
    }
    SAVE_FRAME();
    restore_error(Ref<Object>::steal(exc_v));
    goto exception_unwind;
  }
  TARGET(BEFORE_ASYNC_WITH) {
    SAVE_FRAME();
    Object* mgr = TOP();
    Ref<Object> exit_fn, enter_aw;
    if (!before_async_with(mgr, &exit_fn, &enter_aw)) goto error;
    decref(mgr);
    TOP() = exit_fn.release();
    PUSH(enter_aw.release());
    DISPATCH();
  }
  TARGET(ASYNC_GEN_WRAP) {
    Ref<Object> w = async_gen_wrap(TOP());
    if (!w) goto error;
    decref(TOP());
    TOP() = w.release();
    DISPATCH();
  }
  TARGET(PRINT_EXPR) {
    SAVE_FRAME();
    Object* v = POP();
    bool ok = print_expr(v);
    decref(v);
    if (!ok) goto error;
    DISPATCH();
  }

#if !COIL_USE_COMPUTED_GOTO
    default:
      set_errorf(exc::SystemError, "unknown opcode %d", static_cast<int>(instr & 0xFF));
      goto error;
  }
#endif

  // ---- tracing ----
  // Every instruction comes here first while a hook is installed: the
  // events are fired (and a profiled native call made) before the
  // instruction's own handler runs.
trace_stub:
  SAVE_FRAME();
  switch (trace_instruction(ts, f)) {
    case TraceStep::Run: break;
    case TraceStep::Done: sp = f->sp; RELOAD_TRACING(); DISPATCH();
    case TraceStep::Error: goto error;
  }
  sp = f->sp;
  RELOAD_TRACING();
  DISPATCH_TRACED();

  // ---- errors ----
error:
  f->lasti = INDEX();
  f->ip = ip;
  f->sp = sp;
  // Every failing operation sets an exception; one that forgot would
  // otherwise push null into the handler (CPython's debug-build check).
  if (!ts->pending) [[unlikely]] {
#ifndef NDEBUG
    std::fprintf(stderr, "coil: error without exception at %s offset %d\n", std::string(opcode_name(static_cast<Opcode>(ip[-1] & 0xFF))).c_str(), INDEX());
#endif
    set_error(exc::SystemError, "error return without exception set");
  }
  chain_context(ts);
  traceback_here(ts, f);
  if (ts->use_tracing) trace_exception(ts, f);

exception_unwind : {
    const compiler::ExceptionTableEntry* handler = nullptr;
    // The handler is looked up by the instruction that raised (ip), not by
    // f->lasti, which RERAISE may have restored to an earlier instruction
    // for the traceback's sake (as CPython 3.11 does).
    if (find_handler(code, INDEX(), &handler)) {
      Object** base = f->stack_base() + handler->depth;
      while (sp > base) xdecref(POP());
      if (handler->lasti) {
        Ref<Object> li = int_from_i64(f->lasti);
        if (!li) goto error;
        PUSH(li.release());
      }
      PUSH(ts->pending.release());
      ip = code->instrs + handler->target;
      DISPATCH();
    }
    // No handler here: this frame is done; the error goes to the caller.
    while (sp > f->stack_base()) xdecref(POP());
    f->sp = sp;
    if (ts->use_tracing) trace_unwind(ts, f);
    if (f->owner) {
      f->state = FrameState::Completed;
      result = nullptr;
      goto leave_generator;
    }
    Frame* done = f;
    bool was_entry = done->is_entry;
    f = done->back;
    ts->frame = f;
    frame_release(ts, done);
    leave_recursion(ts);
    if (was_entry) return nullptr;
    LOAD_FRAME();
    f->lasti = INDEX();
    traceback_here(ts, f);
    if (ts->use_tracing) trace_exception(ts, f);
    goto exception_unwind;
  }

leave_generator : {
    // The generator's frame yields or finishes.  Resumed by send()/next()
    // from C++ (is_entry), it leaves the loop; resumed inline by a
    // delegating SEND, control returns to the delegator, in this loop.
    Frame* gf = f;
    if (gf->is_entry) {
      ts->frame = gf->back;
      gf->back = nullptr;
      leave_recursion(ts);
      return result;
    }
    if (gf->state == FrameState::Suspended && !gf->closing) {
      // The common case, kept short: a value for the delegator's FOR_ITER
      // or SEND, pushed just after it.
      f = gf->back;
      gen_pop_yielded(ts, gf);
      LOAD_FRAME();
      if (instr_op(ip[-1]) == Opcode::CALL) decref(POP());   // gen.send(v): the generator
      PUSH(result.release());
      DISPATCH();
    }
    InlineExit how = gf->state == FrameState::Suspended ? InlineExit::Yielded
                     : result                           ? InlineExit::Returned
                                                        : InlineExit::Raised;
    f = gf->back;
    ts->frame = f;
    how = gen_leave_inline(ts, gf, how, &result);   // may free gf
    LOAD_FRAME();
    switch (how) {
      case InlineExit::Yielded:
        // A delegating SEND stands before its YIELD_VALUE 1, which passes the
        // value up; a FOR_ITER gets its next item; gen.send(v) its result.
        if (instr_op(ip[-1]) == Opcode::CALL) decref(POP());
        PUSH(result.release());
        DISPATCH();
      case InlineExit::Returned:
        if (instr_op(ip[-1]) == Opcode::CALL) {
          // gen.send(v) reached the end of the body: StopIteration(value).
          decref(POP());
          gen_set_stop_iteration(result.get());
          result.reset();
          goto error;
        }
        if (instr_op(ip[-1]) == Opcode::FOR_ITER) {
          // The loop is over: drop the generator and leave the loop.
          decref(POP());
          result.reset();
        } else {
          // SEND's exit: the return value replaces the receiver.
          decref(TOP());
          TOP() = result.release();
        }
        ip = code->instrs + instr_arg(ip[-1]);
        DISPATCH();
      case InlineExit::Raised:
        f->lasti = INDEX();
        traceback_here(ts, f);
        if (ts->use_tracing) trace_exception(ts, f);
        goto exception_unwind;
      case InlineExit::RaiseHere:
        goto error;
    }
    return nullptr;   // not reached
  }

#undef LOAD_FRAME
#undef SAVE_FRAME
#undef PUSH
#undef POP
#undef TOP
#undef SECOND
#undef PEEK
#undef NAME
#undef INDEX
#undef TARGET
#undef DISPATCH
#undef DISPATCH_TRACED
#undef RELOAD_TRACING
}

}  // namespace coil::vm
