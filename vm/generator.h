// generator.h — generator, coroutine and async generator objects.
//
// The three share one struct: a generator owns the heap frame that
// RETURN_GENERATOR moved off the thread's FrameStack (vm/frame.h), and
// resuming it runs that frame again.  See vm/generator.cpp for the essay
// and docs/generators.md for the diagrams.
#pragma once

#include "runtime/object.h"
#include "runtime/singletons.h"
#include "runtime/type.h"
#include "vm/code.h"
#include "vm/eval_internal.h"
#include "vm/frame.h"
#include "vm/threadstate.h"

namespace coil::vm {

struct Generator : runtime::Object {
  Frame* frame = nullptr;           // the heap frame (owned); null once finished or closed
  Ref<Code> code;                   // gi_code: outlives the frame
  Ref<Object> name, qualname;       // strs
  // The exception being handled inside the body (an `except` block the
  // generator is suspended in); swapped into ThreadState::handled while
  // the body runs.
  Ref<Object> handled;
  // While running: the resumer's handled exception and fallback, put
  // back on leaving.
  Ref<Object> caller_handled;
  Object* caller_fallback = nullptr;   // borrowed (see ThreadState)
  bool running = false;             // gi_running: its frame is executing
  // Async generators only (CPython's ag_running_async / ag_closed): an
  // asend()/athrow() awaitable is in progress; aclose() has run.
  bool ag_running_async = false;
  bool ag_closed = false;
  Object* weakreflist = nullptr;    // weak references to it (runtime/weakref.h)
};

extern runtime::TypeObject GeneratorType;
extern runtime::TypeObject CoroutineType;
extern runtime::TypeObject AsyncGenType;

inline bool is_generator_like(const runtime::Object* o) {
  return o->type == &GeneratorType || o->type == &CoroutineType || o->type == &AsyncGenType;
}

// ---- the hot path of a resume -----------------------------------------------------
//
// Every item of `for x in gen`, of `yield from gen` and of sum(gen) is one
// resume and one yield, so their bookkeeping is inline here; the rare cases
// (a throw, a close, a finished body) stay out of line in generator.cpp.

// While the body runs, the generator's own "exception being handled"
// replaces the resumer's in ThreadState::handled, and the resumer's
// becomes the fallback: a body handling nothing sees it (sys.exc_info()
// inside it, implicit __context__) but never saves it as its own — an
// `except` block in the body puts back the body's own (nothing), as in
// CPython, whose exc_info stack has an entry per running generator and is
// searched past the empty ones.  gen_swap_out puts the resumer's back and
// keeps what the body is handling for the next resume.  Most resumes
// happen outside any `except` block: then there is nothing to swap.
inline void gen_swap_in(ThreadState* ts, Generator* gen) {
  gen->running = true;
  if (!ts->handled && !ts->handled_fallback && !gen->handled) return;
  gen->caller_handled = std::move(ts->handled);
  gen->caller_fallback = ts->handled_fallback;
  runtime::Object* mine = gen->caller_handled.get();
  ts->handled_fallback = mine && mine != runtime::None ? mine : gen->caller_fallback;
  ts->handled = std::move(gen->handled);
}

inline void gen_swap_out(ThreadState* ts, Generator* gen) {
  gen->running = false;
  if (!ts->handled && !gen->caller_handled && !ts->handled_fallback) return;   // nothing was swapped
  gen->handled = std::move(ts->handled);
  ts->handled = std::move(gen->caller_handled);
  ts->handled_fallback = gen->caller_fallback;
  gen->caller_fallback = nullptr;
}

// The frame of `o` when the eval loop may resume it inline with `value`
// (FOR_ITER, SEND, CALL of send): a generator or coroutine (not an async
// generator) that is not running and is suspended — or not started and
// sent None.  Otherwise null, and the caller takes the general path.
inline Frame* gen_inline_frame(runtime::Object* o, runtime::Object* value) {
  if (o->type != &GeneratorType && o->type != &CoroutineType) return nullptr;
  Generator* gen = static_cast<Generator*>(o);
  Frame* f = gen->frame;
  if (gen->running || !f) return nullptr;
  if (f->state == FrameState::Suspended) return f;
  return f->state == FrameState::Created && value == runtime::None ? f : nullptr;
}

// Makes frame `f` (from gen_inline_frame) the innermost frame, above
// `delegator`, with `value` (borrowed) pushed as the result of its yield.
// False with RecursionError set when the chain is too deep.
inline bool gen_push_frame(ThreadState* ts, Frame* f, runtime::Object* value, Frame* delegator) {
  if (!enter_recursion(ts)) return false;
  runtime::incref(value);
  *f->sp++ = value;
  gen_swap_in(ts, static_cast<Generator*>(f->owner));
  f->throwing = false;
  f->closing = false;
  f->is_entry = false;
  f->back = delegator;
  f->state = FrameState::Running;
  ts->frame = f;
  return true;
}

// `send` of generators and of coroutines, the method descriptors that
// LOAD_METHOD finds in their types (set at start-up).  CALL resumes the
// generator inline when it calls one of them, as FOR_ITER does.
extern runtime::Object* GeneratorSendMethod;
extern runtime::Object* CoroutineSendMethod;

// The frame CALL may resume inline for `callable(self, value)`: callable is
// the `send` of self's own type and self can take `value` now.  Otherwise
// null: the call goes the general way (and raises what send() raises).
inline Frame* gen_send_frame(runtime::Object* callable, runtime::Object* self, runtime::Object* value) {
  bool ours = callable == GeneratorSendMethod   ? self->type == &GeneratorType
              : callable == CoroutineSendMethod ? self->type == &CoroutineType
                                                : false;
  return ours ? gen_inline_frame(self, value) : nullptr;
}

// Sets StopIteration(value) as the pending exception (StopIteration() for
// None): what send() raises when the body returns `value`.
void gen_set_stop_iteration(runtime::Object* value);

// Undoes gen_push_frame for frame `f`, which has just yielded (and is not
// being closed: Frame::closing is clear) to the delegator below it.
inline void gen_pop_yielded(ThreadState* ts, Frame* f) {
  ts->frame = f->back;
  f->back = nullptr;
  leave_recursion(ts);
  gen_swap_out(ts, static_cast<Generator*>(f->owner));
}

}  // namespace coil::vm
