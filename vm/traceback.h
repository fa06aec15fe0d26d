// traceback.h — traceback objects and printing uncaught exceptions.
//
// As the unwinder leaves each frame it prepends an entry to the pending
// exception's __traceback__, so the chain reads outermost call first —
// the order of CPython's "Traceback (most recent call last):" report.
#pragma once

#include "runtime/object.h"
#include "runtime/type.h"
#include "vm/frame.h"
#include "vm/threadstate.h"

namespace coil::vm {

struct Traceback : runtime::Object {
  runtime::Ref<runtime::Object> next;   // tb_next (outer -> inner), or null
  runtime::Ref<runtime::Object> code;   // the frame's code object
  runtime::Ref<runtime::Object> frame;  // tb_frame: the FrameObject (null only when out of memory)
  int lasti = 0;                        // tb_lasti
  int lineno = 0;                       // tb_lineno
};

extern runtime::TypeObject TracebackType;

// Adds an entry for frame `f` to the pending exception's traceback.
void traceback_here(ThreadState* ts, Frame* f);
// Prints `exc` with its __cause__/__context__ chain to stderr, CPython's layout.
void print_exception(runtime::Object* exc);
// The text of line `line` of `filename` (stripped), or "" (linecache).
std::string source_line_of(const std::string& filename, int line);
void remember_source(const std::string& filename, std::string source);

void init_traceback_type();

}  // namespace coil::vm
