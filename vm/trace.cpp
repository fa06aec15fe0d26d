// trace.cpp — execution events for sys.settrace, sys.setprofile and the
// native profiler.
//
// WHERE EVENTS COME FROM.  While a thread has a hook installed, its eval
// loop runs every instruction through a stub (eval.cpp, `trace_stub`) that
// calls trace_instruction() first.  From the instruction about to run and
// the frame's Python-visible frame object, that one function derives:
//
//   'call'       the frame's frame object has not seen the thread's current
//                trace epoch: the frame has just been pushed, or a
//                generator's frame has just been resumed (its YIELD_VALUE
//                cleared the mark).  Frames already on the stack when the
//                hook was installed are marked at installation.
//   'line'       the instruction starts another source line than the one
//                run before it in this frame, or jumps backwards (a loop),
//                and the frame has a local trace function (f_trace).
//   'return'     the instruction is RETURN_VALUE or YIELD_VALUE.
//   'c_call' ... the instruction is a CALL of a builtin function or method
//                and a profile hook is installed: the stub makes the call
//                itself, between 'c_call' and 'c_return'/'c_exception'.
//
// The error path of the loop adds 'exception' (an exception is raised in,
// or passes through, a frame) and 'return' with None (a frame is left by
// an exception).  So the ordinary loop carries no tracing code at all:
// only the table it dispatches through changes.
//
// HOOKS.  As in CPython, a hook is a C++ function and an object.  The
// trampolines for sys.settrace and sys.setprofile call a Python function;
// the profiler of cProfile (_lsprof) installs its own C++ function.  No
// event fires while a hook runs (ThreadState::tracing), and a hook that
// raises is uninstalled, its exception propagating from the instruction
// that triggered it.
#include "vm/trace.h"

#include "runtime/abstract.h"
#include "runtime/descr.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/singletons.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "vm/code.h"
#include "vm/eval_internal.h"
#include "vm/frameobject.h"
#include "vm/function.h"
#include "vm/opcodes.h"

namespace coil::vm {

using namespace coil::runtime;

// ---- installing hooks ----------------------------------------------------------

static int instr_index(const Frame* f) { return static_cast<int>(f->ip - f->code->instrs) - 1; }

static FrameObject* frame_object(Frame* f) {
  if (!f->frame_object && !frame_object_of(f)) return nullptr;
  return static_cast<FrameObject*>(f->frame_object);
}

// Every frame already running on this thread has, in effect, had its
// 'call': a fresh epoch is started and given to them.
static void mark_running_frames(ThreadState* ts) {
  if (++ts->trace_epoch == 0) ts->trace_epoch = 1;
  for (Frame* f = ts->frame; f; f = f->back) {
    FrameObject* fo = frame_object(f);
    if (!fo) { clear_error(); continue; }
    fo->trace_epoch = ts->trace_epoch;
    fo->trace_prev = instr_index(f);
  }
}

int g_tracing_threads = 0;

static void update_use_tracing(ThreadState* ts) {
  bool was_on = ts->use_tracing;
  ts->use_tracing = ts->trace_hook || ts->profile_hook;
  g_tracing_threads += static_cast<int>(ts->use_tracing) - static_cast<int>(was_on);
  if (ts->use_tracing && !was_on) mark_running_frames(ts);
}

void set_trace_hook(ThreadState* ts, TraceHook hook, Object* obj) {
  Ref<Object> old = std::move(ts->trace_obj);   // released after the switch
  ts->trace_hook = hook;
  ts->trace_obj = hook && obj ? Ref<Object>::borrow(obj) : nullptr;
  update_use_tracing(ts);
}

void set_profile_hook(ThreadState* ts, TraceHook hook, Object* obj) {
  Ref<Object> old = std::move(ts->profile_obj);
  ts->profile_hook = hook;
  ts->profile_obj = hook && obj ? Ref<Object>::borrow(obj) : nullptr;
  update_use_tracing(ts);
}

// ---- the Python-level trampolines ------------------------------------------------

static Object* event_name(int event) {
  static const char* const names[] = {"call",        "exception", "line",     "return",
                                      "c_call",      "c_exception", "c_return", "opcode"};
  static Object* interned[8];   // interned strs live as long as the process
  if (!interned[event]) interned[event] = intern(names[event]);
  return interned[event];
}

static Ref<Object> call_python_hook(Object* fn, Frame* f, int event, Object* arg) {
  Ref<Object> keep = Ref<Object>::borrow(fn);   // the hook may uninstall itself
  Object* args[3] = {f->frame_object, event_name(event), arg ? arg : None};
  return call(fn, args, 3);
}

// sys.settrace's hook: 'call' goes to the global trace function, every
// other event to the frame's local one (f_trace), which a 'call' sets to
// what the global function returned.  As CPython 3.11, a None result
// leaves f_trace as it was.
int python_trace_hook(Object* obj, Frame* f, int event, Object* arg) {
  FrameObject* fo = static_cast<FrameObject*>(f->frame_object);
  Object* fn = event == kTraceCall ? obj : fo->f_trace.get();
  if (!fn) return 0;
  Ref<Object> r = call_python_hook(fn, f, event, arg);
  if (!r) {
    set_trace_hook(current_thread_state(), nullptr, nullptr);
    fo->f_trace = nullptr;
    return -1;
  }
  if (r.get() != None) fo->f_trace = std::move(r);
  return 0;
}

int python_profile_hook(Object* obj, Frame* f, int event, Object* arg) {
  Ref<Object> r = call_python_hook(obj, f, event, arg);
  if (!r) {
    set_profile_hook(current_thread_state(), nullptr, nullptr);
    return -1;
  }
  return 0;
}

// ---- firing events ---------------------------------------------------------------

// Calls one hook with events suppressed.  `line`, when nonzero, is the
// f_lineno the frame shows during the call.
static bool fire(ThreadState* ts, TraceHook hook, Object* obj, Frame* f, int event, Object* arg,
                 int line = 0) {
  if (!hook) return true;
  FrameObject* fo = frame_object(f);
  if (!fo) return false;
  Ref<Object> keep_frame = Ref<Object>::borrow(fo);
  Ref<Object> keep_obj = Ref<Object>::borrow(obj);
  int saved_line = fo->event_line;
  fo->event_line = line;
  ++ts->tracing;
  int rc = hook(obj, f, event, arg);
  --ts->tracing;
  fo->event_line = saved_line;
  return rc == 0;
}

// Trace hook, then profile hook (CPython's order for call and return).
static bool fire_both(ThreadState* ts, Frame* f, int event, Object* arg, int line = 0) {
  return fire(ts, ts->trace_hook, ts->trace_obj.get(), f, event, arg, line) &&
         fire(ts, ts->profile_hook, ts->profile_obj.get(), f, event, arg, line);
}

// Fires with the pending exception kept aside; if a hook raises, its
// exception replaces the pending one (CPython's call_trace_protected).
static bool fire_protected(ThreadState* ts, TraceHook hook, Object* obj, Frame* f, int event,
                           Object* arg) {
  if (!hook) return true;
  Ref<Object> exc = fetch_error();
  if (fire(ts, hook, obj, f, event, arg)) {
    restore_error(std::move(exc));
    return true;
  }
  return false;
}

// A frame that starts (or a generator that resumes).  A fresh frame shows
// its def line during 'call', as CPython's RESUME does.
static bool fire_call(ThreadState* ts, Frame* f, FrameObject* fo, int index) {
  fo->trace_epoch = ts->trace_epoch;
  bool fresh = index == 0 || (index > 0 && instr_op(f->code->instrs[index - 1]) ==
                                              Opcode::RETURN_GENERATOR);
  // The instruction before: a generator's YIELD_VALUE (or RETURN_GENERATOR,
  // on the def line), so resuming on the same line fires no 'line'.
  fo->trace_prev = index - 1;
  int line = fresh ? f->code->unit->firstlineno : 0;
  return fire_both(ts, f, kTraceCall, None, line);
}

// 'line' when the instruction starts a new line or jumps backwards (not
// the SEND loop of `yield from`), then 'opcode' if the frame asked.
static bool fire_line(ThreadState* ts, Frame* f, FrameObject* fo, int index, int prev) {
  Code* code = f->code;
  if (fo->trace_lines) {
    int line = code_line_of(code, index);
    int last = prev >= 0 ? code_line_of(code, prev) : -1;
    bool backwards = prev >= 0 && index < prev && instr_op(code->instrs[prev]) != Opcode::SEND;
    if (line > 0 && (line != last || backwards)) {
      ++fo->in_line_event;
      bool ok = fire(ts, ts->trace_hook, ts->trace_obj.get(), f, kTraceLine, None);
      --fo->in_line_event;
      if (!ok) return false;
    }
  }
  if (fo->trace_opcodes && ts->trace_hook) {
    return fire(ts, ts->trace_hook, ts->trace_obj.get(), f, kTraceOpcode, None);
  }
  return true;
}

// The builtin a CALL reports to the profiler, or null when the callee is
// not one (Python functions report their own frames; classes and other
// callables report nothing, as in CPython).  A method descriptor called
// with its instance is shown bound to it: <built-in method append of list
// object>.
static Ref<Object> traced_builtin(Object* callable, Object* const* args, size_t nargs) {
  if (callable->type == &BuiltinFunctionType) return Ref<Object>::borrow(callable);
  if (callable->type == &MethodDescrType && nargs > 0 && callable->type->descr_get) {
    Ref<Object> bound = callable->type->descr_get(callable, args[0], args[0]->type);
    if (!bound) clear_error();
    return bound;
  }
  return nullptr;
}

// Runs a call of `cfunc` between 'c_call' and 'c_return'/'c_exception'.
template <typename CallFn>
static Ref<Object> profiled_call(ThreadState* ts, Frame* f, Object* cfunc, CallFn&& do_call) {
  if (!fire(ts, ts->profile_hook, ts->profile_obj.get(), f, kTraceCCall, cfunc)) return nullptr;
  Ref<Object> r = do_call();
  if (r) {
    if (!fire(ts, ts->profile_hook, ts->profile_obj.get(), f, kTraceCReturn, cfunc)) return nullptr;
  } else {
    fire_protected(ts, ts->profile_hook, ts->profile_obj.get(), f, kTraceCException, cfunc);
  }
  return r;
}

// CALL (callable_or_null self_or_callable args[oparg] -- result) of a builtin.
static TraceStep profile_call(ThreadState* ts, Frame* f, uint32_t oparg) {
  Object** base = f->sp - oparg - 2;
  if (!base[0] && base[1]->type == &MethodType) return TraceStep::Run;
  Object* callable = base[0] ? base[0] : base[1];
  Object** args = base[0] ? base + 1 : base + 2;
  size_t nargs = base[0] ? oparg + 1 : oparg;
  Tuple* kwnames = static_cast<Tuple*>(f->kwnames);
  if (kwnames) nargs -= kwnames->size;
  Ref<Object> cfunc = traced_builtin(callable, args, nargs);
  if (!cfunc) return TraceStep::Run;
  f->kwnames = nullptr;
  Ref<Object> r = profiled_call(ts, f, cfunc.get(), [&] { return call(callable, args, nargs, kwnames); });
  if (!r) return TraceStep::Error;
  Object** sp = f->sp;
  while (sp > base) xdecref(*--sp);
  *sp++ = r.release();
  f->sp = sp;
  return TraceStep::Done;
}

// CALL_FUNCTION_EX (null func callargs [kwargs] -- result) of a builtin function.
static TraceStep profile_call_ex(ThreadState* ts, Frame* f, uint32_t oparg) {
  Object** base = f->sp - ((oparg & 1) ? 4 : 3);
  Object* func = base[1];
  if (func->type != &BuiltinFunctionType) return TraceStep::Run;
  Object* kwargs = (oparg & 1) ? base[3] : nullptr;
  Ref<Object> r = profiled_call(ts, f, func, [&] { return call_ex(func, base[2], kwargs); });
  if (!r) return TraceStep::Error;
  Object** sp = f->sp;
  while (sp > base) xdecref(*--sp);
  *sp++ = r.release();
  f->sp = sp;
  return TraceStep::Done;
}

// ---- the eval loop's entry points -------------------------------------------------

TraceStep trace_instruction(ThreadState* ts, Frame* f) {
  if (ts->tracing || !ts->use_tracing) return TraceStep::Run;
  Code* code = f->code;
  int index = instr_index(f);
  Instr instr = code->instrs[index];
  Opcode op = instr_op(instr);
  if (op == Opcode::RETURN_GENERATOR) return TraceStep::Run;   // no events, as CPython
  FrameObject* fo = frame_object(f);
  if (!fo) return TraceStep::Error;
  if (fo->trace_epoch != ts->trace_epoch && !fire_call(ts, f, fo, index)) return TraceStep::Error;
  int prev = fo->trace_prev;
  fo->trace_prev = index;
  if (ts->trace_hook && fo->f_trace && !fire_line(ts, f, fo, index, prev)) return TraceStep::Error;
  if (op == Opcode::RETURN_VALUE || op == Opcode::YIELD_VALUE) {
    if (op == Opcode::YIELD_VALUE) fo->trace_epoch = 0;   // resuming is a new 'call'
    if (!fire_both(ts, f, kTraceReturn, f->sp[-1])) return TraceStep::Error;
  }
  if (ts->profile_hook && op == Opcode::CALL) return profile_call(ts, f, instr_arg(instr));
  if (ts->profile_hook && op == Opcode::CALL_FUNCTION_EX) return profile_call_ex(ts, f, instr_arg(instr));
  return TraceStep::Run;
}

bool trace_exception(ThreadState* ts, Frame* f) {
  if (ts->tracing) return true;
  FrameObject* fo = frame_object(f);
  if (!fo) return false;
  if (fo->trace_epoch != ts->trace_epoch) {
    // A generator resumed by throw(): its 'call' comes first.
    Ref<Object> exc = fetch_error();
    bool ok = fire_call(ts, f, fo, instr_index(f));
    if (!ok) return false;
    restore_error(std::move(exc));
  }
  if (!ts->trace_hook || !fo->f_trace) return true;
  Object* exc = ts->pending.get();
  if (!exc) return true;
  Object* tb = exception_check(exc) ? static_cast<BaseException*>(exc)->traceback.get() : nullptr;
  Ref<Object> arg = tuple_pack({exc->type, exc, tb ? tb : None});
  if (!arg) return false;
  return fire_protected(ts, ts->trace_hook, ts->trace_obj.get(), f, kTraceException, arg.get());
}

void trace_unwind(ThreadState* ts, Frame* f) {
  if (ts->tracing) return;
  if (fire_protected(ts, ts->trace_hook, ts->trace_obj.get(), f, kTraceReturn, None)) {
    fire_protected(ts, ts->profile_hook, ts->profile_obj.get(), f, kTraceReturn, None);
  }
  if (f->frame_object) static_cast<FrameObject*>(f->frame_object)->trace_epoch = 0;
}

}  // namespace coil::vm
