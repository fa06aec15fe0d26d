// generator.cpp — generators and coroutines as suspended frames.
//
// Calling a generator function runs its first instruction,
// RETURN_GENERATOR, which moves the freshly bound frame off the thread's
// FrameStack into a heap block owned by a new generator object, and
// returns that object.  Each send() then runs the frame (a nested
// run_frame with the generator's frame as the entry) until YIELD_VALUE
// saves the instruction pointer and value stack in the frame and returns,
// or until the body returns (StopIteration carries the value) or raises.
//
//   caller ──send(v)──▶ [push v on the frame's stack] ─▶ run_frame ─▶ ... YIELD_VALUE
//          ◀─────────── yielded value ◀──────────────────────────────────┘
//
// throw() resumes the frame with an exception pending, so it unwinds from
// the yield point as if the yield had raised; close() throws GeneratorExit.
#include <cstring>

#include "runtime/abstract.h"
#include "runtime/args.h"
#include <cstdio>
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/names.h"
#include "runtime/singletons.h"
#include "runtime/str.h"
#include "vm/eval_internal.h"
#include "vm/frame.h"
#include "vm/import.h"
#include "vm/interp.h"

namespace coil::vm {

using namespace coil::runtime;

struct Generator : Object {
  Frame* frame = nullptr;        // heap frame (owned), null once finished
  Ref<Object> name, qualname;
  Ref<Object> handled;           // the exception being handled inside, while suspended
  bool running = false;
};

TypeObject GeneratorType;
TypeObject CoroutineType;

static bool gen_check(const Object* o) { return o->type == &GeneratorType || o->type == &CoroutineType; }

Ref<Object> make_generator(ThreadState* ts, Frame* f) {
  Code* code = f->code;
  TypeObject* type = (code->flags & CO_COROUTINE) ? &CoroutineType : &GeneratorType;
  if (code->flags & CO_ASYNC_GENERATOR) {
    frame_release(ts, f);
    return set_error(exc::NotImplementedError, "async generators are not supported yet");
  }
  Generator* gen = alloc<Generator>(type);
  if (!gen) { frame_release(ts, f); return nullptr; }
  Ref<Object> result = Ref<Object>::steal(gen);
  size_t size = frame_size(code);
  auto* heap = static_cast<Frame*>(mem_alloc(size));
  if (!heap) { frame_release(ts, f); return no_memory_error(); }
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
  gen->name = code->name;
  gen->qualname = heap->func ? heap->func->qualname : code->qualname;
  return result;
}

static void gen_free_frame(Generator* gen) {
  Frame* f = gen->frame;
  if (!f) return;
  gen->frame = nullptr;
  frame_clear_refs(f);
  Code* code = f->code;
  mem_free(f);
  decref(code);
}

// Resumes the generator.  `value` is pushed as the result of the yield
// (or, with `throwing`, the pending exception is raised at the yield).
// Returns the yielded value; null with *returned set when the body
// returned (StopIteration semantics left to the caller); null with an
// error when it raised.
static Ref<Object> gen_resume(Generator* gen, Object* value, bool throwing, Ref<Object>* returned) {
  ThreadState* ts = current_thread_state();
  Frame* f = gen->frame;
  if (gen->running) {
    return set_error(exc::ValueError, gen->type == &CoroutineType ? "coroutine already executing"
                                                                  : "generator already executing");
  }
  if (!f || f->state == FrameState::Completed) {
    if (throwing) return nullptr;  // the exception stays pending
    if (gen->type == &CoroutineType) return set_error(exc::RuntimeError, "cannot reuse already awaited coroutine");
    *returned = none();
    return nullptr;
  }
  if (f->state == FrameState::Created && !throwing && value != None) {
    return set_errorf(exc::TypeError, "can't send non-None value to a just-started %s",
                      gen->type == &CoroutineType ? "coroutine" : "generator");
  }
  if (!throwing) {
    incref(value);
    *f->sp++ = value;
  }
  if (!enter_recursion(ts)) return nullptr;
  // The generator's own handled-exception state replaces the caller's while it runs.
  Ref<Object> saved_handled = ts->handled;
  ts->handled = gen->handled;
  gen->running = true;
  f->throwing = throwing;
  Ref<Object> r = run_frame(ts, f);
  gen->running = false;
  gen->handled = ts->handled;
  ts->handled = saved_handled;
  if (f->state == FrameState::Suspended) return r;
  // Finished: returned (r set) or raised (r null).
  if (r) {
    *returned = std::move(r);
  } else if (error_matches(exc::StopIteration) && gen->type != &CoroutineType) {
    Ref<Object> e = fetch_error();
    Ref<Object> rt = call1(exc::RuntimeError, str_from("generator raised StopIteration").get());
    if (rt) {
      static_cast<BaseException*>(rt.get())->cause = e;
      static_cast<BaseException*>(rt.get())->context = e;
      static_cast<BaseException*>(rt.get())->suppress_context = true;
      set_error_object(rt.get());
    }
  } else if (error_matches(exc::StopIteration)) {
    Ref<Object> e = fetch_error();
    Ref<Object> rt = call1(exc::RuntimeError, str_from("coroutine raised StopIteration").get());
    if (rt) {
      static_cast<BaseException*>(rt.get())->cause = e;
      static_cast<BaseException*>(rt.get())->context = e;
      static_cast<BaseException*>(rt.get())->suppress_context = true;
      set_error_object(rt.get());
    }
  }
  gen_free_frame(gen);
  return nullptr;
}

// Sets StopIteration(value) (StopIteration() for None).
static void set_stop_iteration(Object* value) {
  Ref<Object> e = value == None ? call0(exc::StopIteration) : call1(exc::StopIteration, value);
  if (e) set_error_object(e.get());
}

static Ref<Object> gen_send(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("send", kwnames) || !check_nargs("send", nargs, 1, 1)) return nullptr;
  Ref<Object> returned;
  Ref<Object> r = gen_resume(static_cast<Generator*>(self), args[0], false, &returned);
  if (!r && returned) set_stop_iteration(returned.get());
  return r;
}

static Ref<Object> gen_iternext(Object* self) {
  Ref<Object> returned;
  Ref<Object> r = gen_resume(static_cast<Generator*>(self), None, false, &returned);
  if (!r && returned && returned.get() != None) set_stop_iteration(returned.get());
  return r;
}

static Ref<Object> gen_throw_impl(Generator* gen, Object* type, Object* value) {
  Ref<Object> exc_v;
  if (exception_class_check(type)) {
    exc_v = (value && value != None) ? (exception_check(value) ? Ref<Object>::borrow(value) : call1(type, value))
                                     : call0(type);
    if (!exc_v) return nullptr;
  } else if (exception_check(type)) {
    if (value && value != None) return set_error(exc::TypeError, "instance exception may not have a separate value");
    exc_v = Ref<Object>::borrow(type);
  } else {
    return set_errorf(exc::TypeError, "exceptions must be classes or instances deriving from BaseException, not %T", type);
  }
  set_error_object(exc_v.get());
  if (!gen->frame || gen->frame->state == FrameState::Created) {
    // Never started: the exception is raised without running the body.
    gen_free_frame(gen);
    return nullptr;
  }
  Ref<Object> returned;
  Ref<Object> r = gen_resume(gen, None, true, &returned);
  if (!r && returned) set_stop_iteration(returned.get());
  return r;
}

static Ref<Object> gen_throw(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("throw", kwnames) || !check_nargs("throw", nargs, 1, 3)) return nullptr;
  return gen_throw_impl(static_cast<Generator*>(self), args[0], nargs > 1 ? args[1] : nullptr);
}

static Ref<Object> gen_close_impl(Generator* gen) {
  if (!gen->frame || gen->frame->state == FrameState::Created) {
    gen_free_frame(gen);
    return none();
  }
  Ref<Object> r = gen_throw_impl(gen, exc::GeneratorExit, nullptr);
  if (r) {
    return set_error(exc::RuntimeError, gen->type == &CoroutineType ? "coroutine ignored GeneratorExit"
                                                                     : "generator ignored GeneratorExit");
  }
  if (!error_occurred() || error_matches(exc::GeneratorExit) || error_matches(exc::StopIteration)) {
    clear_error();
    return none();
  }
  return nullptr;
}

static Ref<Object> gen_close(Object* self, Object* const*, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("close", kwnames) || !check_nargs("close", nargs, 0, 0)) return nullptr;
  return gen_close_impl(static_cast<Generator*>(self));
}

static void gen_dealloc(Object* self) {
  Generator* gen = static_cast<Generator*>(self);
  if (gen->frame && gen->frame->state == FrameState::Suspended) {
    // Run pending finally blocks, as CPython's finaliser does.
    self->refcnt = 1;
    Ref<Object> saved = fetch_error();
    Ref<Object> r = gen_close_impl(gen);
    if (!r) write_unraisable(self);
    restore_error(std::move(saved));
    if (--self->refcnt > 0) return;   // resurrected
  }
  gen_free_frame(gen);
  destroy_object(gen);
}

static Ref<Object> gen_repr(Object* self) {
  Generator* gen = static_cast<Generator*>(self);
  char buf[64];
  std::snprintf(buf, sizeof buf, " at %p>", static_cast<void*>(self));
  const char* kind = gen->type == &CoroutineType ? "<coroutine object " : "<generator object ";
  return str_from(kind + std::string(str_view(gen->qualname.get())) + buf);
}

static Ref<Object> gen_self_iter(Object* self) { return Ref<Object>::borrow(self); }

static Ref<Object> gen_get_name(Object* self) { return static_cast<Generator*>(self)->name; }
static Ref<Object> gen_get_qualname(Object* self) { return static_cast<Generator*>(self)->qualname; }
static Ref<Object> gen_get_running(Object* self) { return new_bool(static_cast<Generator*>(self)->running); }
static Ref<Object> gen_get_suspended(Object* self) {
  Generator* g = static_cast<Generator*>(self);
  return new_bool(g->frame && g->frame->state == FrameState::Suspended);
}
static Ref<Object> gen_get_code(Object* self) {
  Generator* g = static_cast<Generator*>(self);
  return g->frame ? Ref<Object>::borrow(g->frame->code) : none();
}

static const MethodDef gen_methods[] = {
    {"send", gen_send},
    {"throw", gen_throw},
    {"close", gen_close},
    {nullptr, nullptr},
};
static const GetSetDef gen_getset[] = {
    {"__name__", gen_get_name}, {"__qualname__", gen_get_qualname},
    {"gi_running", gen_get_running}, {"gi_suspended", gen_get_suspended}, {"gi_code", gen_get_code},
    {nullptr, nullptr},
};
static const GetSetDef coro_getset[] = {
    {"__name__", gen_get_name}, {"__qualname__", gen_get_qualname},
    {"cr_running", gen_get_running}, {"cr_suspended", gen_get_suspended}, {"cr_code", gen_get_code},
    {nullptr, nullptr},
};

static Ref<Object> coro_await(Object* self) { return Ref<Object>::borrow(self); }

void init_generator_types() {
  GeneratorType.name = "generator";
  GeneratorType.basic_size = sizeof(Generator);
  GeneratorType.flags = kHaveGC;
  GeneratorType.dealloc = gen_dealloc;
  GeneratorType.repr = gen_repr;
  GeneratorType.iter = gen_self_iter;
  GeneratorType.iternext = gen_iternext;
  GeneratorType.methods = gen_methods;
  GeneratorType.getset = gen_getset;
  type_ready(&GeneratorType);

  CoroutineType.name = "coroutine";
  CoroutineType.basic_size = sizeof(Generator);
  CoroutineType.flags = kHaveGC;
  CoroutineType.dealloc = gen_dealloc;
  CoroutineType.repr = gen_repr;
  CoroutineType.am_await = coro_await;
  CoroutineType.methods = gen_methods;
  CoroutineType.getset = coro_getset;
  type_ready(&CoroutineType);
}

// ---- the opcodes' helpers ---------------------------------------------------------

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
  if (gen_check(receiver)) {
    Ref<Object> returned;
    Ref<Object> r = gen_resume(static_cast<Generator*>(receiver), value, false, &returned);
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

Ref<Object> get_awaitable(Object* obj, uint32_t) {
  if (obj->type == &CoroutineType) return Ref<Object>::borrow(obj);
  UnaryFn aw = obj->type->am_await;
  Ref<Object> it;
  if (aw) {
    it = aw(obj);
  } else {
    Ref<Object> m = getattr_opt(obj->type, names::__await__);
    if (!m) {
      if (error_occurred()) return nullptr;
      return set_errorf(exc::TypeError, "object %s can't be used in 'await' expression",
                        std::string(type_name(obj->type)).c_str());
    }
    it = call1(m.get(), obj);
  }
  if (!it) return nullptr;
  if (it->type == &CoroutineType || !it->type->iternext) {
    return set_errorf(exc::TypeError, "__await__() returned non-iterator of type '%s'",
                      std::string(type_name(it->type)).c_str());
  }
  return it;
}

Ref<Object> get_aiter(Object*) { return set_error(exc::NotImplementedError, "async for is not supported yet"); }
Ref<Object> get_anext(Object*) { return set_error(exc::NotImplementedError, "async for is not supported yet"); }
bool before_async_with(Object*, Ref<Object>*, Ref<Object>*) {
  set_error(exc::NotImplementedError, "async with is not supported yet");
  return false;
}
Ref<Object> async_gen_wrap(Object*) { return set_error(exc::NotImplementedError, "async generators are not supported yet"); }

}  // namespace coil::vm
