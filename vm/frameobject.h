// frameobject.h — Python-visible frame objects (sys._getframe, tracebacks).
//
// A Frame (vm/frame.h) is plain memory on the thread's FrameStack; Python
// code sees it through a FrameObject made on demand and cached in
// Frame::frame_object.  While the frame runs, the object reads it live.
//
// FRAMES THAT OUTLIVE THEIR CALLS.  A traceback entry holds the frame
// object of the frame it passed through (tb_frame), and CPython code reads
// tb.tb_frame.f_locals, f_globals and f_back long after the call returned;
// the frame's locals must stay alive as long as that (so an object local
// to a function that raised dies when the exception is dropped, not when
// the function unwinds).  So when a frame is released while something
// else still holds its frame object, the object TAKES OWNERSHIP of the
// frame's data, as CPython 3.11's take_ownership() does:
//
//   live:      Frame ──frame_object (strong)──▶ FrameObject
//                ▲                                 │ frame (borrowed)
//                └─────────────────────────────────┘
//
//   released:  FrameObject { slots[0..nlocalsplus) ◀─ moved from localsplus,
//                            locals ◀─ the frame's locals mapping, if any,
//                            back   ◀─ the caller's frame object }
//
// The move is a copy of pointers: no dict is built.  f_locals of a
// detached frame builds its dict on demand from the slots and the code's
// localsplus names.  The slots live right after the struct (allocated
// with it, nlocalsplus of them, null while the frame is live), so taking
// ownership allocates nothing.  A frame object nobody else holds is just
// dropped when its frame is released: a frame that raises and catches in
// itself, or that nobody looked at, pays nothing.
#pragma once

#include "runtime/object.h"
#include "runtime/type.h"
#include "vm/frame.h"

namespace coil::vm {

struct FrameObject : runtime::Object {
  Frame* frame = nullptr;            // borrowed: the live frame, or null once detached
  runtime::Ref<runtime::Object> code;
  runtime::Ref<runtime::Object> globals;
  runtime::Ref<runtime::Object> builtins;
  // Detached: the frame's locals mapping (module and class bodies), moved
  // from Frame::locals.  Null while live and for function frames.
  runtime::Ref<runtime::Object> locals;
  // Detached: f_back, the caller's frame object, linked when the frame was
  // released (null for the outermost frame and for generator frames).
  runtime::Ref<runtime::Object> back;
  int nslots = 0;                    // owned slots after the struct (nlocalsplus)
  int lineno = 0;                    // detached: the line it was at
  int lasti = -1;                    // detached: the instruction it was at
  // Tracing (vm/trace.cpp).  f_trace is the frame's local trace function;
  // trace_epoch equals the thread's trace_epoch once the frame had its
  // 'call' event; trace_prev is the instruction last run under tracing
  // (for 'line' events); event_line, when nonzero, is the f_lineno shown
  // during an event (a 'call' reports the def line, as CPython).
  runtime::Ref<runtime::Object> f_trace;
  uint32_t trace_epoch = 0;
  int trace_prev = -1;
  int event_line = 0;
  int in_line_event = 0;
  bool trace_lines = true;
  bool trace_opcodes = false;

  // The owned fast locals: strong references once detached, null before.
  runtime::Object** slots() {
    return reinterpret_cast<runtime::Object**>(reinterpret_cast<char*>(this) + sizeof(FrameObject));
  }
};
static_assert(sizeof(FrameObject) % alignof(runtime::Object*) == 0, "the slots follow the struct");

extern runtime::TypeObject FrameObjectType;

// The frame object of `f`, created on first use (a new reference).
runtime::Ref<runtime::Object> frame_object_of(Frame* f);
// Called when `f` is released, BEFORE its references are dropped: the
// frame object stops reading it, and if anything else still holds the
// object it takes the frame's locals (and links f_back).  Drops the
// frame's reference to the object and clears Frame::frame_object.
void frame_object_detach(Frame* f);
// f_locals of a live frame: its locals mapping, or a dict snapshot.
runtime::Ref<runtime::Object> frame_locals_of(Frame* f);

void init_frame_object_type();

}  // namespace coil::vm
