// generator.h — generator, coroutine and async generator objects.
//
// The three share one struct: a generator owns the heap frame that
// RETURN_GENERATOR moved off the thread's FrameStack (vm/frame.h), and
// resuming it runs that frame again.  See vm/generator.cpp for the essay
// and docs/generators.md for the diagrams.
#pragma once

#include "runtime/object.h"
#include "runtime/type.h"
#include "vm/code.h"
#include "vm/frame.h"

namespace coil::vm {

struct Generator : runtime::Object {
  Frame* frame = nullptr;           // the heap frame (owned); null once finished or closed
  Ref<Code> code;                   // gi_code: outlives the frame
  Ref<Object> name, qualname;       // strs
  // The exception being handled inside the body (an `except` block the
  // generator is suspended in); swapped into ThreadState::handled while
  // the body runs.
  Ref<Object> handled;
  // While running: the resumer's handled exception, put back on leaving.
  Ref<Object> caller_handled;
  bool running = false;             // gi_running: its frame is executing
  // Async generators only (CPython's ag_running_async / ag_closed): an
  // asend()/athrow() awaitable is in progress; aclose() has run.
  bool ag_running_async = false;
  bool ag_closed = false;
};

extern runtime::TypeObject GeneratorType;
extern runtime::TypeObject CoroutineType;
extern runtime::TypeObject AsyncGenType;

inline bool is_generator_like(const runtime::Object* o) {
  return o->type == &GeneratorType || o->type == &CoroutineType || o->type == &AsyncGenType;
}

}  // namespace coil::vm
