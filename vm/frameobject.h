// frameobject.h — Python-visible frame objects (sys._getframe, tracebacks).
//
// A Frame (vm/frame.h) is plain memory on the thread's FrameStack; Python
// code sees it through a FrameObject made on demand and cached in
// Frame::frame_object.  While the frame runs, the object reads it live;
// when the frame is released the object is detached and keeps what it last
// saw (code, globals, line), as CPython's frame objects outlive their
// frames.
#pragma once

#include "runtime/object.h"
#include "runtime/type.h"
#include "vm/frame.h"

namespace coil::vm {

struct FrameObject : runtime::Object {
  Frame* frame = nullptr;            // the live frame, or null once detached
  runtime::Ref<runtime::Object> code;
  runtime::Ref<runtime::Object> globals;
  runtime::Ref<runtime::Object> builtins;
  runtime::Ref<runtime::Object> locals;   // the snapshot taken when detached
  int lineno = 0;
  int lasti = -1;
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
};

extern runtime::TypeObject FrameObjectType;

// The frame object of `f`, created on first use (a new reference).
runtime::Ref<runtime::Object> frame_object_of(Frame* f);
// Called when `f` is released: the frame object stops reading it.
void frame_object_detach(Frame* f);
// f_locals of a live frame: its locals mapping, or a dict snapshot.
runtime::Ref<runtime::Object> frame_locals_of(Frame* f);

void init_frame_object_type();

}  // namespace coil::vm
