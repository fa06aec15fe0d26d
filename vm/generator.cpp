// generator.cpp — generators and coroutines as suspended frames.
//
// A GENERATOR IS A FRAME THAT OUTLIVES ITS CALL.  Calling a generator
// function runs its first instruction, RETURN_GENERATOR, which moves the
// freshly bound frame off the thread's FrameStack into a heap block owned
// by a new generator object and returns that object.  Resuming the
// generator runs that frame again from where it stopped; YIELD_VALUE saves
// the instruction pointer and the value stack in the frame and hands the
// value back.  Coroutines (`async def`) and async generators are the same
// object with other methods on top.
//
//   next(g) / g.send(v)                       the generator's heap frame
//   ───────────────────▶ gen_resume ──push v──▶ ip ─▶ ... YIELD_VALUE ──┐
//   ◀─────────────────── yielded value ◀────────── state = Suspended ◀──┘
//
// TWO WAYS TO RESUME.  From C++ (next(), list(), sum()), gen_resume()
// starts a nested run_frame() with the generator's frame as its entry.
// From bytecode — FOR_ITER over a generator, CALL of `gen.send`, and the
// SEND of `yield from`/`await` whose receiver is itself a coil generator —
// the eval loop instead pushes the generator's frame on top of the running
// frame and keeps going in the same loop (gen_push_frame in generator.h),
// as CPython 3.12's FOR_ITER_GEN and SEND_GEN do.  When that frame yields,
// returns or raises, leave_generator in eval.cpp gives the outcome to the
// delegator (a plain yield inline, the rest through gen_leave_inline):
//
//   delegator:  ... SEND ─────────▶ subgenerator frame runs ... YIELD_VALUE v
//                    ▲  (waits just after SEND, [receiver] on its stack)   │
//                    └─ Yielded: push v, run YIELD_VALUE 1 (pass v up) ◀──┘
//                       Returned r: replace receiver by r, jump past the loop
//                       Raised: unwind the delegator as if SEND had raised
//
// So a chain of 10,000 nested `yield from`s resumes without recursing on
// the C++ stack: every level is one more frame on the chain, counted
// against the recursion limit like a call, as in CPython.
//
// THROW AND CLOSE GO DOWN THE CHAIN TOO.  g.throw(e) resumes g's frame with
// `throwing` set.  If g is suspended in a `yield from` (its last
// instruction is YIELD_VALUE 1, the receiver on its stack), PEP 380 says
// the exception goes to the subiterator first: gen_throw_step() then moves
// g back to "just after SEND" and runs the subgenerator's frame, throwing,
// in the same loop — whose own throw step repeats this one level down.
// GeneratorExit is special (close): the subiterator is *closed* first
// (Frame::closing), and whatever it does, its delegator then raises
// GeneratorExit (or the close's error) at its own yield.
#include "vm/generator.h"

#include <cstdio>
#include <cstring>
#include <set>
#include <string>

#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/names.h"
#include "runtime/singletons.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "vm/eval_internal.h"
#include "vm/frame.h"
#include "vm/frameobject.h"
#include "vm/function.h"
#include "vm/import.h"
#include "vm/interp.h"
#include "vm/traceback.h"

namespace coil::vm {

using namespace coil::runtime;

TypeObject GeneratorType;
TypeObject CoroutineType;
TypeObject AsyncGenType;
Object* GeneratorSendMethod = nullptr;
Object* CoroutineSendMethod = nullptr;
static TypeObject GenFrameType;          // gi_frame / cr_frame / ag_frame
static TypeObject CoroWrapperType;       // what coroutine.__await__() returns
static TypeObject AsyncGenASendType;     // agen.asend(v) / agen.__anext__()
static TypeObject AsyncGenAThrowType;    // agen.athrow(...) / agen.aclose()
static TypeObject AsyncGenWrappedType;   // a value yielded by `yield` in an async generator

static Generator* as_gen(Object* o) { return static_cast<Generator*>(o); }
static bool is_coro(const Generator* g) { return g->type == &CoroutineType; }
static bool is_agen(const Generator* g) { return g->type == &AsyncGenType; }

// "generator" / "coroutine" / "async generator", for messages.
static const char* kind_name(const Generator* g) {
  return is_coro(g) ? "coroutine" : is_agen(g) ? "async generator" : "generator";
}

// ---- creation and the frame's life ----------------------------------------------

// Where a generator's embedded frame lives: right after its fields.
static Frame* gen_frame_memory(Generator* gen) {
  static_assert(sizeof(Generator) % alignof(Frame) == 0, "the frame must stay aligned");
  return reinterpret_cast<Frame*>(reinterpret_cast<char*>(gen) + sizeof(Generator));
}

Ref<Object> make_generator(ThreadState* ts, Frame* f) {
  Code* code = f->code;
  // types.coroutine() marks a generator function as an awaitable-producing
  // one; CPython sets CO_ITERABLE_COROUTINE on a copy of its code, coil on
  // the code itself when the first generator is made.
  if (f->func && f->func->dict && (code->flags & CO_GENERATOR)) {
    Object* mark = dict_get_str(f->func->dict, intern("_coil_iterable_coroutine"));
    if (mark) code->flags |= CO_ITERABLE_COROUTINE;
    clear_error();
  }
  TypeObject* type = (code->flags & CO_COROUTINE)          ? &CoroutineType
                     : (code->flags & CO_ASYNC_GENERATOR) ? &AsyncGenType
                                                          : &GeneratorType;
  // One block: the generator's fields, then its frame (gen_frame_memory).
  size_t size = frame_size(code);
  Generator* gen = alloc<Generator>(type, size);
  if (!gen) { frame_release(ts, f); return nullptr; }
  Ref<Object> result = Ref<Object>::steal(gen);
  auto* heap = gen_frame_memory(gen);
  // Move the frame: every reference it holds now belongs to the copy.
  std::memcpy(static_cast<void*>(heap), static_cast<const void*>(f), size);
  heap->sp = heap->stack_base() + (f->sp - f->stack_base());
  heap->on_heap = true;
  heap->owner = gen;
  heap->back = nullptr;
  heap->is_entry = true;
  heap->state = FrameState::Created;
  ts->frames->pop(f);
  gen->frame = heap;
  gen->code = Ref<Code>::borrow(code);
  gen->name = code->name;
  gen->qualname = heap->func ? heap->func->qualname : code->qualname;
  return result;
}

// A finished or closed generator drops what its frame holds; the frame's
// memory is part of the generator's block and goes with it.  frame == null
// marks "finished" (nothing may run it again).
static void gen_free_frame(Generator* gen) {
  Frame* f = gen->frame;
  if (!f) return;
  gen->frame = nullptr;
  frame_clear_refs(f);
  Code* code = f->code;
  f->code = nullptr;
  decref(code);
}

// The handled-exception swap around a run of the body (generator.h).
static void gen_begin(ThreadState* ts, Generator* gen) { gen_swap_in(ts, gen); }
static void gen_end(ThreadState* ts, Generator* gen) { gen_swap_out(ts, gen); }

// Sets a fresh instance of `type` (no arguments) as the pending exception.
// (Made through type_call, not call(): no recursion check, so it works at
// the bottom of a deep chain.)
static void set_fresh_error(TypeObject* type) {
  Ref<Object> e = type_call(type, nullptr, 0, nullptr);
  if (e) set_error_object(e.get());
}

// Replaces the pending exception by RuntimeError(msg) caused by it.
static void replace_with_runtime_error(const char* msg) {
  Ref<Object> e = fetch_error();
  Ref<Object> rt = call1(exc::RuntimeError, str_from(msg).get());
  if (!rt) return;
  auto* be = static_cast<BaseException*>(rt.get());
  be->cause = e;
  be->context = e;
  be->suppress_context = true;
  set_error_object(rt.get());
}

// The body has finished (returned, or raised: `raised`).  PEP 479: a
// StopIteration escaping a generator body becomes a RuntimeError, so it
// cannot silently end the caller's loop.
static void gen_finished(Generator* gen, bool raised) {
  if (raised) {
    if (error_matches(exc::StopIteration)) {
      replace_with_runtime_error(is_coro(gen)   ? "coroutine raised StopIteration"
                                 : is_agen(gen) ? "async generator raised StopIteration"
                                                : "generator raised StopIteration");
    } else if (is_agen(gen) && error_matches(exc::StopAsyncIteration)) {
      replace_with_runtime_error("async generator raised StopAsyncIteration");
    }
  }
  gen_free_frame(gen);
}

// Sets StopIteration(value) (StopIteration() for None).
static void set_stop_iteration(Object* value) {
  Ref<Object> e = value == None ? call0(exc::StopIteration) : call1(exc::StopIteration, value);
  if (e) set_error_object(e.get());
}

void gen_set_stop_iteration(Object* value) { set_stop_iteration(value); }

// Resumes the generator from C++.  `value` becomes the result of the
// yield; with `throwing` the pending exception is raised there instead.
// Returns the yielded value; null with *returned set when the body
// returned; null with an error set when it raised.  CPython's gen_send_ex2.
static Ref<Object> gen_resume(Generator* gen, Object* value, bool throwing, bool closing,
                              Ref<Object>* returned) {
  ThreadState* ts = current_thread_state();
  Frame* f = gen->frame;
  if (f && f->state == FrameState::Created && !throwing && value != None) {
    return set_errorf(exc::TypeError, "can't send non-None value to a just-started %s", kind_name(gen));
  }
  if (gen->running) return set_errorf(exc::ValueError, "%s already executing", kind_name(gen));
  if (!f) {
    if (is_coro(gen) && !closing) return set_error(exc::RuntimeError, "cannot reuse already awaited coroutine");
    if (!throwing) *returned = none();
    return nullptr;   // a throw's exception stays pending
  }
  if (!enter_recursion(ts)) return nullptr;
  if (!throwing) {
    incref(value);
    *f->sp++ = value;
  }
  gen_begin(ts, gen);
  f->throwing = throwing;
  f->closing = false;
  Ref<Object> r = run_frame(ts, f);
  gen_end(ts, gen);
  if (f->state == FrameState::Suspended) return r;
  if (r) *returned = std::move(r);
  gen_finished(gen, !*returned);
  return nullptr;
}

// send()/next()/throw() as CPython's gen_send_ex: a return becomes
// StopIteration(value) — StopAsyncIteration for an async generator.
static Ref<Object> gen_send_ex(Generator* gen, Object* value, bool throwing, bool closing) {
  Ref<Object> returned;
  Ref<Object> r = gen_resume(gen, value, throwing, closing, &returned);
  if (r || !returned) return r;
  if (is_agen(gen)) set_fresh_error(exc::StopAsyncIteration);
  else set_stop_iteration(returned.get());
  return nullptr;
}

// ---- resuming inline (the eval loop's side) ---------------------------------------

static bool inlinable_type(const Object* o) { return o->type == &GeneratorType || o->type == &CoroutineType; }

Frame* gen_enter_inline(ThreadState* ts, Object* receiver, Object* value, Frame* delegator,
                        bool throwing, bool closing) {
  Generator* gen = as_gen(receiver);
  Frame* f = gen->frame;
  if (!throwing) return gen_push_frame(ts, f, value, delegator) ? f : nullptr;
  if (!enter_recursion(ts)) return nullptr;
  gen_begin(ts, gen);
  f->throwing = true;
  f->closing = closing;
  f->is_entry = false;
  f->back = delegator;
  f->state = FrameState::Running;
  ts->frame = f;
  return f;
}

InlineExit gen_leave_inline(ThreadState* ts, Frame* gf, InlineExit how, Ref<Object>* value) {
  Generator* gen = as_gen(gf->owner);
  bool closing = gf->closing;
  gf->closing = false;
  gf->back = nullptr;
  leave_recursion(ts);
  gen_end(ts, gen);
  if (how != InlineExit::Yielded) gen_finished(gen, how == InlineExit::Raised);
  if (!closing) return how;
  // Closing a chain (CPython's gen_close_iter, then GeneratorExit into the
  // delegator): the subgenerator's outcome only decides what is raised.
  if (how == InlineExit::Yielded) {
    *value = nullptr;
    set_errorf(exc::RuntimeError, "%s ignored GeneratorExit", kind_name(gen));
  } else if (how == InlineExit::Returned ||
             error_matches(exc::GeneratorExit) || error_matches(exc::StopIteration)) {
    *value = nullptr;
    clear_error();
    set_fresh_error(exc::GeneratorExit);
  }
  return InlineExit::RaiseHere;
}

// True when frame `f` is suspended inside `yield from`/`await`: the last
// instruction it ran is YIELD_VALUE 1, with the subiterator on its stack.
static bool suspended_in_yield_from(Frame* f) {
  if (f->ip <= f->code->instrs || f->sp <= f->stack_base()) return false;
  Instr last = f->ip[-1];
  return instr_op(last) == Opcode::YIELD_VALUE && instr_arg(last) == 1;
}

// The subiterator's throw() produced `v` (to re-yield) or finished the
// `yield from` with StopIteration's value.  Adjusts the frame for both.
static ThrowStep deliver_native_throw_result(Frame* f, Ref<Object> v) {
  if (v) {
    f->ip -= 1;                  // back to YIELD_VALUE 1: it yields v
    *f->sp++ = v.release();
    return ThrowStep::Continue;
  }
  if (!error_matches(exc::StopIteration)) return ThrowStep::RaiseHere;
  Ref<Object> stop = fetch_error();
  Ref<Object> value = getattr(stop.get(), names::value);
  if (!value) return ThrowStep::RaiseHere;
  decref(f->sp[-1]);             // the receiver: the delegation is over
  f->sp[-1] = value.release();
  f->ip = f->code->instrs + instr_arg(f->ip[-2]);   // SEND's exit
  return ThrowStep::Continue;
}

// GeneratorExit thrown into a frame suspended in `yield from`: close the
// subiterator first; the frame then raises GeneratorExit, or the error the
// close raised.
static ThrowStep close_subiterator(ThreadState* ts, Frame* f, Object* receiver, Frame** sub) {
  if (inlinable_type(receiver)) {
    Generator* rg = as_gen(receiver);
    if (rg->running) {
      set_errorf(exc::ValueError, "%s already executing", kind_name(rg));
      return ThrowStep::RaiseHere;
    }
    if (!rg->frame || rg->frame->state == FrameState::Created) {
      gen_free_frame(rg);    // nothing to run: closed
      return ThrowStep::RaiseHere;
    }
    *sub = gen_enter_inline(ts, receiver, nullptr, f, /*throwing=*/true, /*closing=*/true);
    return *sub ? ThrowStep::RunSub : ThrowStep::RaiseHere;
  }
  Ref<Object> genexit = fetch_error();
  Ref<Object> meth = getattr_opt(receiver, names::close);
  if (!meth && error_occurred()) write_unraisable(receiver);
  if (meth && !call0(meth.get())) return ThrowStep::RaiseHere;   // its error replaces GeneratorExit
  restore_error(std::move(genexit));
  return ThrowStep::RaiseHere;
}

ThrowStep gen_throw_step(ThreadState* ts, Frame* f, Frame** sub) {
  if (!suspended_in_yield_from(f)) return ThrowStep::RaiseHere;
  Object* receiver = f->sp[-1];
  if (error_matches(exc::GeneratorExit)) return close_subiterator(ts, f, receiver, sub);
  if (inlinable_type(receiver)) {
    Generator* rg = as_gen(receiver);
    if (rg->running) {
      set_errorf(exc::ValueError, "%s already executing", kind_name(rg));
      return ThrowStep::RaiseHere;
    }
    if (!rg->frame) {
      if (is_coro(rg)) set_error(exc::RuntimeError, "cannot reuse already awaited coroutine");
      return ThrowStep::RaiseHere;
    }
    // Throw into the subgenerator; its outcome arrives as SEND's would.
    f->ip -= 1;
    *sub = gen_enter_inline(ts, receiver, nullptr, f, /*throwing=*/true, /*closing=*/false);
    if (!*sub) { f->ip += 1; return ThrowStep::RaiseHere; }
    return ThrowStep::RunSub;
  }
  // Any other iterator: its throw() method, if it has one.
  Ref<Object> exc_v = fetch_error();
  Ref<Object> meth = getattr_opt(receiver, intern("throw"));
  if (!meth) {
    if (!error_occurred()) restore_error(std::move(exc_v));
    return ThrowStep::RaiseHere;
  }
  Ref<Object> r = call1(meth.get(), exc_v.get());
  return deliver_native_throw_result(f, std::move(r));
}

// ---- the generator's methods ----------------------------------------------------

static Ref<Object> gen_send(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  // CPython's METH_O wording: "generator.send() takes exactly one argument (0 given)".
  const char* kind = kind_name(as_gen(self));
  if (kwnames && kwnames->size) return set_errorf(exc::TypeError, "%s.send() takes no keyword arguments", kind);
  if (nargs != 1)
    return set_errorf(exc::TypeError, "%s.send() takes exactly one argument (%zu given)", kind, nargs);
  return gen_send_ex(as_gen(self), args[0], false, false);
}

static Ref<Object> gen_iternext(Object* self) {
  // The slot convention: a plain `return` ends the iteration without
  // creating a StopIteration; a return value travels in one.
  Generator* gen = as_gen(self);
  Ref<Object> returned;
  Ref<Object> r = gen_resume(gen, None, false, false, &returned);
  if (!r && returned && returned.get() != None) set_stop_iteration(returned.get());
  return r;
}

// Sets the exception throw(type[, value[, tb]]) describes as pending.
static bool normalize_throw_args(Object* type, Object* value, Object* tb) {
  if (tb == None) tb = nullptr;
  if (tb && tb->type != &TracebackType) {
    set_error(exc::TypeError, "throw() third argument must be a traceback object");
    return false;
  }
  Ref<Object> exc_v;
  if (exception_class_check(type)) {
    if (value && value != None && is_instance_of(value, static_cast<TypeObject*>(type))) {
      exc_v = Ref<Object>::borrow(value);
    } else if (value && value != None && value->type == &TupleType) {
      exc_v = call(type, static_cast<Tuple*>(value)->items, static_cast<Tuple*>(value)->size);
    } else {
      exc_v = (value && value != None) ? call1(type, value) : call0(type);
    }
    if (!exc_v) return false;
    if (!exception_check(exc_v.get())) {
      set_errorf(exc::TypeError, "calling %R should have returned an instance of BaseException, not %T",
                 type, exc_v.get());
      return false;
    }
  } else if (exception_check(type)) {
    if (value && value != None) {
      set_error(exc::TypeError, "instance exception may not have a separate value");
      return false;
    }
    exc_v = Ref<Object>::borrow(type);
  } else {
    set_errorf(exc::TypeError, "exceptions must be classes or instances deriving from BaseException, not %s",
               std::string(type_name(type->type)).c_str());
    return false;
  }
  if (tb) static_cast<BaseException*>(exc_v.get())->traceback = Ref<Object>::borrow(tb);
  set_error_object(exc_v.get());
  return true;
}

static Ref<Object> gen_throw_impl(Generator* gen, Object* type, Object* value, Object* tb) {
  if (!normalize_throw_args(type, value, tb)) return nullptr;
  return gen_send_ex(gen, None, true, false);
}

static Ref<Object> gen_throw(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("throw", kwnames) || !check_nargs("throw", nargs, 1, 3)) return nullptr;
  return gen_throw_impl(as_gen(self), args[0], nargs > 1 ? args[1] : nullptr, nargs > 2 ? args[2] : nullptr);
}

// close(): GeneratorExit at the yield (after closing a subiterator); the
// body must not yield again.  CPython's gen_close.
static Ref<Object> gen_close_impl(Generator* gen) {
  if (!gen->frame) return none();
  if (gen->frame->state == FrameState::Created && !gen->running) {
    gen_free_frame(gen);
    return none();
  }
  set_fresh_error(exc::GeneratorExit);
  Ref<Object> r = gen_send_ex(gen, None, true, true);
  if (r) {
    return set_errorf(exc::RuntimeError, "%s ignored GeneratorExit", kind_name(gen));
  }
  if (error_matches(exc::StopIteration) || error_matches(exc::GeneratorExit)) {
    clear_error();
    return none();
  }
  return nullptr;
}

static Ref<Object> gen_close(Object* self, Object* const*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("close", kwnames) || !check_nargs("close", nargs, 0, 0)) return nullptr;
  return gen_close_impl(as_gen(self));
}

// ---- "coroutine ... was never awaited" ---------------------------------------------

// CPython's warnings module shows a RuntimeWarning once per source
// location (the "default" action); without a warnings module loaded, coil
// prints it in the same layout itself.
static void warn_unawaited(Generator* coro) {
  std::string msg = "coroutine '" + std::string(str_view(coro->qualname.get())) + "' was never awaited";
  Object* warnings = interp().modules ? dict_get_str(interp().modules.get(),
                                                     intern("warnings"))
                                      : nullptr;
  clear_error();
  if (warnings) {
    Ref<Object> hook = getattr_opt(warnings, intern("_warn_unawaited_coroutine"));
    clear_error();
    if (hook) {
      if (!call1(hook.get(), coro)) write_unraisable(coro);
      return;
    }
  }
  ThreadState* ts = current_thread_state();
  Frame* f = ts ? ts->frame : nullptr;
  if (!f) {
    std::fprintf(stderr, "sys:1: RuntimeWarning: %s\n", msg.c_str());
    return;
  }
  std::string filename(str_view(f->code->filename.get()));
  int line = code_line_of(f->code, static_cast<int>(f->ip - f->code->instrs) - 1);
  static std::set<std::string> shown;   // the "default" action's registry
  std::string key = filename + ":" + std::to_string(line) + ":" + msg;
  if (!shown.insert(key).second) return;
  std::fprintf(stderr, "%s:%d: RuntimeWarning: %s\n", filename.c_str(), line, msg.c_str());
  std::string src = source_line_of(filename, line);
  if (!src.empty()) std::fprintf(stderr, "  %s\n", src.c_str());
  std::fprintf(stderr, "RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n");
}

// Finalisation (CPython's _PyGen_Finalize): a suspended generator is
// closed, so its `finally` blocks run; a coroutine never started warns.
// It is the type's finalize slot, so the cycle collector runs it too (once:
// PEP 442) when the generator is part of a garbage cycle.
static void gen_finalize(Object* self) {
  Generator* gen = as_gen(self);
  if (!gen->frame) return;
  Ref<Object> saved = fetch_error();
  if (is_coro(gen) && gen->frame->state == FrameState::Created) {
    warn_unawaited(gen);
  } else if (gen->frame->state == FrameState::Suspended) {
    if (!gen_close_impl(gen)) write_unraisable(self);
  }
  restore_error(std::move(saved));
}

static void gen_dealloc(Object* self) {
  Generator* gen = as_gen(self);
  if (gen->frame && !gc::is_finalized(self)) {
    self->refcnt = 1;   // alive while its body runs
    gen_finalize(self);
    if (--self->refcnt > 0) {   // resurrected: never finalized again
      gc::set_finalized(self);
      return;
    }
  }
  gen_free_frame(gen);
  destroy_object(gen);
}

// Visits what the generator and its frame own.  A running frame's value
// stack is not exact (the eval loop keeps the stack pointer in a local),
// so only a suspended frame's stack is visited; leaving references out is
// safe (runtime/gc.h).
static void gen_traverse(Object* self, VisitFn visit, void* arg) {
  Generator* gen = as_gen(self);
  for (Object* o : {static_cast<Object*>(gen->code.get()), gen->name.get(), gen->qualname.get(),
                    gen->handled.get(), gen->caller_handled.get()}) {
    if (o) visit(o, arg);
  }
  Frame* f = gen->frame;
  if (!f || !f->code) return;
  if (f->func) visit(f->func, arg);
  if (f->locals) visit(f->locals, arg);
  if (f->frame_object) visit(f->frame_object, arg);
  for (int i = 0; i < f->code->nlocalsplus; i++) if (f->localsplus[i]) visit(f->localsplus[i], arg);
  if (gen->running || f->state != FrameState::Suspended) return;
  for (Object** p = f->stack_base(); p < f->sp; ++p) if (*p) visit(*p, arg);
}

// Breaks a cycle through a finished or never-resumable generator by
// dropping its frame (a suspended one was closed by gen_finalize first).
static void gen_clear(Object* self) {
  Generator* gen = as_gen(self);
  if (gen->running) return;
  gen_free_frame(gen);
  Ref<Object> handled = std::move(gen->handled);
}

static Ref<Object> gen_repr(Object* self) {
  Generator* gen = as_gen(self);
  char buf[64];
  std::snprintf(buf, sizeof buf, " at %p>", static_cast<void*>(self));
  const char* kind = is_coro(gen) ? "<coroutine object " : is_agen(gen) ? "<async_generator object "
                                                                        : "<generator object ";
  return str_from(kind + std::string(str_view(gen->qualname.get())) + buf);
}

static Ref<Object> gen_self_iter(Object* self) { return Ref<Object>::borrow(self); }

// ---- frame objects (gi_frame) ------------------------------------------------------

// A Python-visible view of a generator's frame: f_locals, f_lineno ...
// It holds the generator, and reads its frame while there is one.
struct GenFrame : Object {
  Ref<Object> gen;
};

static Frame* genframe_frame(Object* self) {
  return as_gen(static_cast<GenFrame*>(self)->gen.get())->frame;
}

// The instruction a suspended (or running) generator frame last ran.
static int frame_last_index(const Frame* f) {
  int i = static_cast<int>(f->ip - f->code->instrs) - 1;
  return i < 0 ? 0 : i;
}

static Ref<Object> genframe_locals(Object* self) {
  Frame* f = genframe_frame(self);
  if (!f) return dict_new();
  return frame_locals_of(f);
}

static Ref<Object> genframe_lineno(Object* self) {
  Frame* f = genframe_frame(self);
  Code* code = as_gen(static_cast<GenFrame*>(self)->gen.get())->code.get();
  if (!f) return int_from_i64(code->unit->firstlineno);
  return int_from_i64(code_line_of(code, frame_last_index(f)));
}

static Ref<Object> genframe_lasti(Object* self) {
  Frame* f = genframe_frame(self);
  // CPython counts bytes of 2-byte code units; coil's instructions are
  // numbered the same way in its disassembly.
  return int_from_i64(f ? 2 * frame_last_index(f) : -1);
}

static Ref<Object> genframe_code(Object* self) {
  return as_gen(static_cast<GenFrame*>(self)->gen.get())->code;
}

static Ref<Object> genframe_globals(Object* self) {
  Frame* f = genframe_frame(self);
  return f ? Ref<Object>::borrow(f->globals) : none();
}

static Ref<Object> genframe_builtins(Object* self) {
  Frame* f = genframe_frame(self);
  return f ? Ref<Object>::borrow(f->builtins) : none();
}

static Ref<Object> genframe_back(Object*) { return none(); }

static Ref<Object> genframe_repr(Object* self) {
  Generator* gen = as_gen(static_cast<GenFrame*>(self)->gen.get());
  Ref<Object> line = genframe_lineno(self);
  char buf[64];
  std::snprintf(buf, sizeof buf, "<frame at %p, file '", static_cast<void*>(self));
  std::string s = buf;
  s += str_view(gen->code->filename.get());
  int64_t n = 0;
  int_fits_i64(line.get(), &n);
  s += "', line " + std::to_string(n) + ", code ";
  s += str_view(gen->code->name.get());
  s += ">";
  return str_from(s);
}

static void genframe_dealloc(Object* self) { destroy_object(static_cast<GenFrame*>(self)); }
static void genframe_traverse(Object* self, VisitFn visit, void* arg) {
  if (Object* g = static_cast<GenFrame*>(self)->gen.get()) visit(g, arg);
}

static Ref<Object> make_gen_frame(Object* gen) {
  if (!as_gen(gen)->frame) return none();
  GenFrame* fo = alloc<GenFrame>(&GenFrameType);
  if (!fo) return nullptr;
  fo->gen = Ref<Object>::borrow(gen);
  return Ref<Object>::steal(fo);
}

static const GetSetDef genframe_getset[] = {
    {"f_locals", genframe_locals}, {"f_lineno", genframe_lineno}, {"f_lasti", genframe_lasti},
    {"f_code", genframe_code},     {"f_globals", genframe_globals}, {"f_builtins", genframe_builtins},
    {"f_back", genframe_back},     {nullptr, nullptr},
};

// ---- attributes ---------------------------------------------------------------------

static Ref<Object> gen_get_name(Object* self) { return as_gen(self)->name; }
static Ref<Object> gen_get_qualname(Object* self) { return as_gen(self)->qualname; }
static int gen_set_name(Object* self, Object* v) {
  if (!v || !str_check(v)) { set_error(exc::TypeError, "__name__ must be set to a string object"); return -1; }
  as_gen(self)->name = Ref<Object>::borrow(v);
  return 0;
}
static int gen_set_qualname(Object* self, Object* v) {
  if (!v || !str_check(v)) { set_error(exc::TypeError, "__qualname__ must be set to a string object"); return -1; }
  as_gen(self)->qualname = Ref<Object>::borrow(v);
  return 0;
}
static Ref<Object> gen_get_running(Object* self) { return new_bool(as_gen(self)->running); }
static Ref<Object> agen_get_running(Object* self) { return new_bool(as_gen(self)->ag_running_async); }
static Ref<Object> gen_get_suspended(Object* self) {
  Generator* g = as_gen(self);
  return new_bool(g->frame && g->frame->state == FrameState::Suspended);
}
static Ref<Object> gen_get_code(Object* self) { return as_gen(self)->code; }
static Ref<Object> gen_get_frame(Object* self) { return make_gen_frame(self); }
// gi_yieldfrom / cr_await / ag_await: the subiterator of a suspended
// `yield from`/`await`, else None.
static Ref<Object> gen_get_yieldfrom(Object* self) {
  Generator* g = as_gen(self);
  if (!g->frame || g->frame->state != FrameState::Suspended || !suspended_in_yield_from(g->frame)) return none();
  return Ref<Object>::borrow(g->frame->sp[-1]);
}
static Ref<Object> gen_get_none(Object*) { return none(); }

// __sizeof__: the whole block — the fields plus the embedded frame, which
// stays allocated (cleared) after the body finishes, so the size is
// constant over the generator's life, as CPython's.
static Ref<Object> gen_sizeof(Object* self, Object* const*, size_t nargs, Tuple* kw) {
  if (nargs || (kw && kw->size))
    return set_errorf(exc::TypeError, "__sizeof__() takes no arguments (%zu given)", nargs);
  Generator* g = as_gen(self);
  return int_from_u64(sizeof(Generator) + frame_size(g->code.get()));
}

static const MethodDef gen_methods[] = {
    {"send", gen_send},
    {"throw", gen_throw},
    {"close", gen_close},
    {"__sizeof__", gen_sizeof},
    {nullptr, nullptr},
};
static const GetSetDef gen_getset[] = {
    {"__name__", gen_get_name, gen_set_name}, {"__qualname__", gen_get_qualname, gen_set_qualname},
    {"gi_running", gen_get_running}, {"gi_suspended", gen_get_suspended}, {"gi_code", gen_get_code},
    {"gi_frame", gen_get_frame}, {"gi_yieldfrom", gen_get_yieldfrom},
    {nullptr, nullptr},
};
static const GetSetDef coro_getset[] = {
    {"__name__", gen_get_name, gen_set_name}, {"__qualname__", gen_get_qualname, gen_set_qualname},
    {"cr_running", gen_get_running}, {"cr_suspended", gen_get_suspended}, {"cr_code", gen_get_code},
    {"cr_frame", gen_get_frame}, {"cr_await", gen_get_yieldfrom}, {"cr_origin", gen_get_none},
    {nullptr, nullptr},
};

// ---- coroutine.__await__(): the coroutine_wrapper -----------------------------------

// An iterator over a coroutine: what a custom awaitable's __await__ can
// return (`return coro.__await__()`), so `await` drives the coroutine.
struct CoroWrapper : Object {
  Ref<Object> coro;
};

static Ref<Object> coro_await(Object* self) {
  CoroWrapper* w = alloc<CoroWrapper>(&CoroWrapperType);
  if (!w) return nullptr;
  w->coro = Ref<Object>::borrow(self);
  return Ref<Object>::steal(w);
}
static Ref<Object> coro_await_method(Object* self, Object* const*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("__await__", kwnames) || !check_nargs("__await__", nargs, 0, 0)) return nullptr;
  return coro_await(self);
}
static Generator* wrapped_coro(Object* self) { return as_gen(static_cast<CoroWrapper*>(self)->coro.get()); }
static Ref<Object> cw_iternext(Object* self) { return gen_send_ex(wrapped_coro(self), None, false, false); }
static Ref<Object> cw_send(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("send", kwnames) || !check_nargs("send", nargs, 1, 1)) return nullptr;
  return gen_send_ex(wrapped_coro(self), args[0], false, false);
}
static Ref<Object> cw_throw(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("throw", kwnames) || !check_nargs("throw", nargs, 1, 3)) return nullptr;
  return gen_throw_impl(wrapped_coro(self), args[0], nargs > 1 ? args[1] : nullptr, nargs > 2 ? args[2] : nullptr);
}
static Ref<Object> cw_close(Object* self, Object* const*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("close", kwnames) || !check_nargs("close", nargs, 0, 0)) return nullptr;
  return gen_close_impl(wrapped_coro(self));
}
static void cw_dealloc(Object* self) { destroy_object(static_cast<CoroWrapper*>(self)); }
static Ref<Object> cw_repr(Object* self) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "<coroutine_wrapper object at %p>", static_cast<void*>(self));
  return str_from(buf);
}
static const MethodDef cw_methods[] = {
    {"send", cw_send}, {"throw", cw_throw}, {"close", cw_close}, {nullptr, nullptr},
};
static const MethodDef coro_methods[] = {
    {"send", gen_send},
    {"throw", gen_throw},
    {"close", gen_close},
    {"__await__", coro_await_method},
    {"__sizeof__", gen_sizeof},
    {nullptr, nullptr},
};

// ---- async generators ---------------------------------------------------------------
//
// An async generator's frame yields two kinds of values: those of its own
// `yield` statements (wrapped by ASYNC_GEN_WRAP) and those its `await`s
// pass up to the event loop (bare).  The awaitables asend()/athrow()
// return drive the frame: a bare value goes on up to the loop, a wrapped
// one ends the await with StopIteration(value) — that is what
// `await agen.__anext__()` evaluates to.

struct AsyncGenWrapped : Object {
  Ref<Object> value;
};

Ref<Object> async_gen_wrap(Object* v) {
  AsyncGenWrapped* w = alloc<AsyncGenWrapped>(&AsyncGenWrappedType);
  if (!w) return nullptr;
  w->value = Ref<Object>::borrow(v);
  return Ref<Object>::steal(w);
}

static void agw_dealloc(Object* self) { destroy_object(static_cast<AsyncGenWrapped*>(self)); }

enum class AwaitableState : uint8_t { Init, Iter, Closed };

// async_generator_asend and async_generator_athrow (args null: aclose()).
struct AsyncGenAwaitable : Object {
  Ref<Object> gen;
  Ref<Object> value;     // asend: the value to send first
  Ref<Object> args;      // athrow: the (type, value, tb) tuple; null for aclose()
  bool is_athrow = false;
  AwaitableState state = AwaitableState::Init;
};

// CPython's async_gen_unwrap_value.
static Ref<Object> agen_unwrap(Generator* ag, Ref<Object> result) {
  if (!result) {
    if (!error_occurred()) set_fresh_error(exc::StopAsyncIteration);
    if (error_matches(exc::StopAsyncIteration) || error_matches(exc::GeneratorExit)) ag->ag_closed = true;
    ag->ag_running_async = false;
    return nullptr;
  }
  if (result->type == &AsyncGenWrappedType) {
    set_stop_iteration(static_cast<AsyncGenWrapped*>(result.get())->value.get());
    ag->ag_running_async = false;
    return nullptr;
  }
  return result;
}

static Ref<Object> make_agen_awaitable(Object* gen, bool athrow, Object* value, Object* args) {
  AsyncGenAwaitable* a = alloc<AsyncGenAwaitable>(athrow ? &AsyncGenAThrowType : &AsyncGenASendType);
  if (!a) return nullptr;
  a->gen = Ref<Object>::borrow(gen);
  a->is_athrow = athrow;
  if (value) a->value = Ref<Object>::borrow(value);
  if (args) a->args = Ref<Object>::borrow(args);
  return Ref<Object>::steal(a);
}

static Ref<Object> asend_send_impl(AsyncGenAwaitable* a, Object* v) {
  Generator* ag = as_gen(a->gen.get());
  if (a->state == AwaitableState::Closed) {
    return set_error(exc::RuntimeError, "cannot reuse already awaited __anext__()/asend()");
  }
  if (a->state == AwaitableState::Init) {
    if (ag->ag_running_async) {
      a->state = AwaitableState::Closed;
      return set_error(exc::RuntimeError, "anext(): asynchronous generator is already running");
    }
    if (!v || v == None) v = a->value ? a->value.get() : None;
    a->state = AwaitableState::Iter;
  }
  ag->ag_running_async = true;
  Ref<Object> r = agen_unwrap(ag, gen_send_ex(ag, v, false, false));
  if (!r) a->state = AwaitableState::Closed;
  return r;
}

static Ref<Object> athrow_send_impl(AsyncGenAwaitable* a, Object* v) {
  Generator* ag = as_gen(a->gen.get());
  bool aclose = !a->args;
  if (a->state == AwaitableState::Closed) {
    return set_error(exc::RuntimeError, "cannot reuse already awaited aclose()/athrow()");
  }
  if (!ag->frame) {
    a->state = AwaitableState::Closed;
    set_fresh_error(exc::StopIteration);
    return nullptr;
  }
  Ref<Object> r;
  if (a->state == AwaitableState::Init) {
    if (ag->ag_running_async) {
      a->state = AwaitableState::Closed;
      return set_error(exc::RuntimeError, aclose ? "aclose(): asynchronous generator is already running"
                                                 : "athrow(): asynchronous generator is already running");
    }
    if (ag->ag_closed) {
      a->state = AwaitableState::Closed;
      set_fresh_error(exc::StopAsyncIteration);
      return nullptr;
    }
    if (v && v != None) return set_error(exc::RuntimeError, "can't send non-None value to a just-started coroutine");
    a->state = AwaitableState::Iter;
    ag->ag_running_async = true;
    if (aclose) {
      ag->ag_closed = true;
      set_fresh_error(exc::GeneratorExit);
      r = gen_send_ex(ag, None, true, false);
      if (r && r->type == &AsyncGenWrappedType) goto yield_close;
    } else {
      Tuple* t = static_cast<Tuple*>(a->args.get());
      if (!normalize_throw_args(t->items[0], t->size > 1 ? t->items[1] : nullptr, t->size > 2 ? t->items[2] : nullptr)) {
        r = nullptr;
      } else {
        r = gen_send_ex(ag, None, true, false);
      }
      r = agen_unwrap(ag, std::move(r));
    }
    if (!r) goto check_error;
    return r;
  }
  r = gen_send_ex(ag, v ? v : None, false, false);
  if (!aclose) {
    r = agen_unwrap(ag, std::move(r));
    if (!r) a->state = AwaitableState::Closed;
    return r;
  }
  if (r) {
    if (r->type == &AsyncGenWrappedType) goto yield_close;
    return r;
  }
  goto check_error;

yield_close:
  ag->ag_running_async = false;
  a->state = AwaitableState::Closed;
  return set_error(exc::RuntimeError, "async generator ignored GeneratorExit");

check_error:
  ag->ag_running_async = false;
  a->state = AwaitableState::Closed;
  if (aclose && (error_matches(exc::StopAsyncIteration) || error_matches(exc::GeneratorExit))) {
    clear_error();
    set_fresh_error(exc::StopIteration);
  }
  return nullptr;
}

static Ref<Object> aga_send_impl(Object* self, Object* v) {
  auto* a = static_cast<AsyncGenAwaitable*>(self);
  return a->is_athrow ? athrow_send_impl(a, v) : asend_send_impl(a, v);
}

static Ref<Object> aga_iternext(Object* self) { return aga_send_impl(self, None); }

static Ref<Object> aga_send(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("send", kwnames) || !check_nargs("send", nargs, 1, 1)) return nullptr;
  return aga_send_impl(self, args[0]);
}

static Ref<Object> aga_throw(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("throw", kwnames) || !check_nargs("throw", nargs, 1, 3)) return nullptr;
  auto* a = static_cast<AsyncGenAwaitable*>(self);
  Generator* ag = as_gen(a->gen.get());
  if (a->state == AwaitableState::Closed) {
    return set_error(exc::RuntimeError, a->is_athrow ? "cannot reuse already awaited aclose()/athrow()"
                                                     : "cannot reuse already awaited __anext__()/asend()");
  }
  Ref<Object> r = gen_throw_impl(ag, args[0], nargs > 1 ? args[1] : nullptr, nargs > 2 ? args[2] : nullptr);
  if (a->is_athrow && !a->args) {   // aclose()
    if (r && r->type == &AsyncGenWrappedType) {
      ag->ag_running_async = false;
      a->state = AwaitableState::Closed;
      return set_error(exc::RuntimeError, "async generator ignored GeneratorExit");
    }
    if (!r) {
      ag->ag_running_async = false;
      a->state = AwaitableState::Closed;
    }
    return r;
  }
  r = agen_unwrap(ag, std::move(r));
  if (!r) a->state = AwaitableState::Closed;
  return r;
}

static Ref<Object> aga_close(Object* self, Object* const*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("close", kwnames) || !check_nargs("close", nargs, 0, 0)) return nullptr;
  static_cast<AsyncGenAwaitable*>(self)->state = AwaitableState::Closed;
  return none();
}

static void aga_dealloc(Object* self) { destroy_object(static_cast<AsyncGenAwaitable*>(self)); }

static Ref<Object> aga_repr(Object* self) {
  char buf[80];
  std::snprintf(buf, sizeof buf, "<%s object at %p>", self->type->name, static_cast<void*>(self));
  return str_from(buf);
}

static const MethodDef aga_methods[] = {
    {"send", aga_send}, {"throw", aga_throw}, {"close", aga_close}, {nullptr, nullptr},
};

static Ref<Object> agen_anext(Object* self) { return make_agen_awaitable(self, false, None, nullptr); }

static Ref<Object> agen_anext_method(Object* self, Object* const*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("__anext__", kwnames) || !check_nargs("__anext__", nargs, 0, 0)) return nullptr;
  return agen_anext(self);
}
static Ref<Object> agen_aiter_method(Object* self, Object* const*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("__aiter__", kwnames) || !check_nargs("__aiter__", nargs, 0, 0)) return nullptr;
  return Ref<Object>::borrow(self);
}
static Ref<Object> agen_asend(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("asend", kwnames) || !check_nargs("asend", nargs, 1, 1)) return nullptr;
  return make_agen_awaitable(self, false, args[0], nullptr);
}
static Ref<Object> agen_athrow(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("athrow", kwnames) || !check_nargs("athrow", nargs, 1, 3)) return nullptr;
  Ref<Tuple> t = tuple_from_array(args, nargs);
  if (!t) return nullptr;
  return make_agen_awaitable(self, true, nullptr, t.get());
}
static Ref<Object> agen_aclose(Object* self, Object* const*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("aclose", kwnames) || !check_nargs("aclose", nargs, 0, 0)) return nullptr;
  return make_agen_awaitable(self, true, nullptr, nullptr);
}

static const MethodDef agen_methods[] = {
    {"__anext__", agen_anext_method}, {"__aiter__", agen_aiter_method},
    {"asend", agen_asend},            {"athrow", agen_athrow},
    {"aclose", agen_aclose},          {"__sizeof__", gen_sizeof},
    {nullptr, nullptr},
};
static const GetSetDef agen_getset[] = {
    {"__name__", gen_get_name, gen_set_name}, {"__qualname__", gen_get_qualname, gen_set_qualname},
    {"ag_running", agen_get_running}, {"ag_code", gen_get_code}, {"ag_frame", gen_get_frame},
    {"ag_await", gen_get_yieldfrom}, {"ag_suspended", gen_get_suspended},
    {nullptr, nullptr},
};

// ---- type objects -------------------------------------------------------------------

static void init_gen_like(TypeObject* t, const char* name, const MethodDef* methods, const GetSetDef* getset) {
  t->name = name;
  t->basic_size = sizeof(Generator);
  t->flags = kHaveGC;
  t->dealloc = gen_dealloc;
  t->traverse = gen_traverse;
  t->clear = gen_clear;
  t->finalize = gen_finalize;
  t->repr = gen_repr;
  t->methods = methods;
  t->getset = getset;
  Generator probe;
  t->weaklist_offset = reinterpret_cast<char*>(&probe.weakreflist) - reinterpret_cast<char*>(&probe);
}

void init_generator_types() {
  init_gen_like(&GeneratorType, "generator", gen_methods, gen_getset);
  GeneratorType.iter = gen_self_iter;
  GeneratorType.iternext = gen_iternext;
  type_ready(&GeneratorType);

  init_gen_like(&CoroutineType, "coroutine", coro_methods, coro_getset);
  CoroutineType.am_await = coro_await;
  type_ready(&CoroutineType);

  // Borrowed: the types' dicts keep them for the life of the process.
  GeneratorSendMethod = type_lookup(&GeneratorType, names::send);
  CoroutineSendMethod = type_lookup(&CoroutineType, names::send);

  init_gen_like(&AsyncGenType, "async_generator", agen_methods, agen_getset);
  AsyncGenType.am_aiter = gen_self_iter;
  AsyncGenType.am_anext = agen_anext;
  type_ready(&AsyncGenType);

  GenFrameType.name = "frame";
  GenFrameType.basic_size = sizeof(GenFrame);
  GenFrameType.dealloc = genframe_dealloc;
  GenFrameType.traverse = genframe_traverse;
  GenFrameType.repr = genframe_repr;
  GenFrameType.getset = genframe_getset;
  type_ready(&GenFrameType);

  CoroWrapperType.name = "coroutine_wrapper";
  CoroWrapperType.basic_size = sizeof(CoroWrapper);
  CoroWrapperType.dealloc = cw_dealloc;
  CoroWrapperType.traverse = [](Object* self, VisitFn visit, void* arg) {
    if (Object* c = static_cast<CoroWrapper*>(self)->coro.get()) visit(c, arg);
  };
  CoroWrapperType.repr = cw_repr;
  CoroWrapperType.iter = gen_self_iter;
  CoroWrapperType.iternext = cw_iternext;
  CoroWrapperType.methods = cw_methods;
  type_ready(&CoroWrapperType);

  for (TypeObject* t : {&AsyncGenASendType, &AsyncGenAThrowType}) {
    t->name = t == &AsyncGenASendType ? "async_generator_asend" : "async_generator_athrow";
    t->basic_size = sizeof(AsyncGenAwaitable);
    t->dealloc = aga_dealloc;
    t->traverse = [](Object* self, VisitFn visit, void* arg) {
      auto* a = static_cast<AsyncGenAwaitable*>(self);
      for (Object* o : {a->gen.get(), a->value.get(), a->args.get()})
        if (o) visit(o, arg);
    };
    t->repr = aga_repr;
    t->iter = gen_self_iter;
    t->iternext = aga_iternext;
    t->am_await = gen_self_iter;
    t->methods = aga_methods;
    type_ready(t);
  }

  AsyncGenWrappedType.name = "async_generator_wrapped_value";
  AsyncGenWrappedType.basic_size = sizeof(AsyncGenWrapped);
  AsyncGenWrappedType.dealloc = agw_dealloc;
  type_ready(&AsyncGenWrappedType);
}

// ---- the opcodes' helpers ---------------------------------------------------------

// A generator made by a types.coroutine() function can be awaited.
static bool is_iterable_coroutine(const Object* o) {
  return o->type == &GeneratorType && (as_gen(const_cast<Object*>(o))->code->flags & CO_ITERABLE_COROUTINE);
}

Ref<Object> get_yield_from_iter(Code* code, Object* iterable) {
  if (iterable->type == &GeneratorType) return Ref<Object>::borrow(iterable);
  if (iterable->type == &CoroutineType) {
    if (!(code->flags & (CO_COROUTINE | CO_ITERABLE_COROUTINE))) {
      return set_error(exc::TypeError, "cannot 'yield from' a coroutine object in a non-coroutine generator");
    }
    return Ref<Object>::borrow(iterable);
  }
  return get_iter(iterable);
}

SendResult send_to(Object* receiver, Object* value, Ref<Object>* out) {
  if (is_generator_like(receiver) && receiver->type != &AsyncGenType) {
    Ref<Object> returned;
    Ref<Object> r = gen_resume(as_gen(receiver), value, false, false, &returned);
    if (r) { *out = std::move(r); return SendResult::Yield; }
    if (returned) { *out = std::move(returned); return SendResult::Return; }
    return SendResult::Error;
  }
  Ref<Object> r;
  if (value == None && receiver->type->iternext) {
    r = receiver->type->iternext(receiver);
  } else {
    r = call_method(receiver, names::send, &value, 1);
  }
  if (r) { *out = std::move(r); return SendResult::Yield; }
  if (!error_occurred()) { *out = none(); return SendResult::Return; }
  if (error_matches(exc::StopIteration)) {
    Ref<Object> e = fetch_error();
    Ref<Object> v = getattr(e.get(), names::value);
    if (!v) return SendResult::Error;
    *out = std::move(v);
    return SendResult::Return;
  }
  return SendResult::Error;
}

// CPython's _PyCoro_GetAwaitableIter: the iterator `await obj` drives.
static Ref<Object> awaitable_iter(Object* obj) {
  if (obj->type == &CoroutineType || is_iterable_coroutine(obj)) return Ref<Object>::borrow(obj);
  Ref<Object> it;
  if (obj->type->am_await) {
    it = obj->type->am_await(obj);
  } else {
    Object* m = type_lookup(obj->type, names::__await__);
    if (!m) {
      return set_errorf(exc::TypeError, "object %s can't be used in 'await' expression",
                        std::string(type_name(obj->type)).c_str());
    }
    it = call1(m, obj);
  }
  if (!it) return nullptr;
  if (it->type == &CoroutineType || is_iterable_coroutine(it.get())) {
    return set_error(exc::TypeError, "__await__() returned a coroutine");
  }
  if (!it->type->iternext) {
    return set_errorf(exc::TypeError, "__await__() returned non-iterator of type '%s'",
                      std::string(type_name(it->type)).c_str());
  }
  return it;
}

static bool has_await(TypeObject* t) {
  return t->am_await || type_lookup(t, names::__await__) != nullptr;
}

Ref<Object> get_awaitable(Object* obj, uint32_t where) {
  Ref<Object> it = awaitable_iter(obj);
  if (!it) {
    if (where && error_matches(exc::TypeError) && !has_await(obj->type)) {
      clear_error();
      return set_errorf(exc::TypeError,
                        "'async with' received an object from %s that does not implement __await__: %s",
                        where == 1 ? "__aenter__" : "__aexit__", std::string(type_name(obj->type)).c_str());
    }
    return nullptr;
  }
  if (it->type == &CoroutineType) {
    Generator* g = as_gen(it.get());
    if (g->frame && g->frame->state == FrameState::Suspended && suspended_in_yield_from(g->frame)) {
      return set_error(exc::RuntimeError, "coroutine is being awaited already");
    }
  }
  return it;
}

// Calls the special method `name` of obj's type (or the native slot).
static Ref<Object> call_async_slot(Object* obj, UnaryFn slot, Str* name, bool* found) {
  *found = true;
  if (slot) return slot(obj);
  Object* m = type_lookup(obj->type, name);
  if (!m) { *found = false; return nullptr; }
  return call1(m, obj);
}

static bool has_anext(TypeObject* t) { return t->am_anext || type_lookup(t, names::__anext__) != nullptr; }

Ref<Object> get_aiter(Object* obj) {
  bool found;
  Ref<Object> it = call_async_slot(obj, obj->type->am_aiter, names::__aiter__, &found);
  if (!found) {
    return set_errorf(exc::TypeError, "'async for' requires an object with __aiter__ method, got %s",
                      std::string(type_name(obj->type)).c_str());
  }
  if (!it) return nullptr;
  if (!has_anext(it->type)) {
    return set_errorf(exc::TypeError,
                      "'async for' received an object from __aiter__ that does not implement __anext__: %s",
                      std::string(type_name(it->type)).c_str());
  }
  return it;
}

Ref<Object> get_anext(Object* aiter) {
  if (aiter->type == &AsyncGenType) return agen_anext(aiter);
  bool found;
  Ref<Object> next = call_async_slot(aiter, aiter->type->am_anext, names::__anext__, &found);
  if (!found) {
    return set_errorf(exc::TypeError, "'async for' requires an iterator with __anext__ method, got %s",
                      std::string(type_name(aiter->type)).c_str());
  }
  if (!next) return nullptr;
  Ref<Object> aw = awaitable_iter(next.get());
  if (!aw) {
    // CPython's _PyErr_FormatFromCause: the first error becomes the cause.
    Ref<Object> cause = fetch_error();
    Ref<Object> te = call1(exc::TypeError,
                           str_from("'async for' received an invalid object from __anext__: " +
                                    std::string(type_name(next->type))).get());
    if (!te) return nullptr;
    auto* be = static_cast<BaseException*>(te.get());
    be->cause = cause;
    be->context = cause;
    be->suppress_context = true;
    return set_error_object(te.get());
  }
  return aw;
}

bool before_async_with(Object* mgr, Ref<Object>* exit_fn, Ref<Object>* enter_awaitable) {
  std::string tname(type_name(mgr->type));
  Ref<Object> enter = lookup_special(mgr, names::__aenter__);
  if (!enter) {
    if (!error_occurred()) {
      set_errorf(exc::TypeError, "'%s' object does not support the asynchronous context manager protocol",
                 tname.c_str());
    }
    return false;
  }
  Ref<Object> exit = lookup_special(mgr, names::__aexit__);
  if (!exit) {
    if (!error_occurred()) {
      set_errorf(exc::TypeError,
                 "'%s' object does not support the asynchronous context manager protocol (missed __aexit__ method)",
                 tname.c_str());
    }
    return false;
  }
  Ref<Object> res = call0(enter.get());
  if (!res) return false;
  *exit_fn = std::move(exit);
  *enter_awaitable = std::move(res);
  return true;
}

}  // namespace coil::vm
