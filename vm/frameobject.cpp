// frameobject.cpp — see frameobject.h.
#include <cstdio>
#include <string>

#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/singletons.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "vm/frameobject.h"
#include "vm/function.h"
#include "vm/threadstate.h"

namespace coil::vm {

using namespace coil::runtime;

TypeObject FrameObjectType;

// A dict of the bound names among `slots` (a frame's localsplus, or a
// detached frame object's copy of it); cells show their contents.
static Ref<Object> locals_dict(Code* code, Object* const* slots) {
  Ref<Dict> d = dict_new();
  if (!d) return nullptr;
  Tuple* names_t = static_cast<Tuple*>(code->localsplus_names.get());
  for (int i = 0; i < code->nlocalsplus; i++) {
    Object* v = slots[i];
    if (!v) continue;
    bool cell_slot = i >= code->nlocals;
    for (int a : code->unit->cell_args) if (a == i) cell_slot = true;
    if (cell_slot && v->type == &CellType) {
      v = static_cast<Cell*>(v)->contents.get();
      if (!v) continue;
    }
    if (dict_set(d.get(), names_t->items[i], v) < 0) return nullptr;
  }
  return d;
}

Ref<Object> frame_locals_of(Frame* f) {
  if (f->locals) return Ref<Object>::borrow(f->locals);
  return locals_dict(f->code, f->localsplus);
}

// The instruction a live frame is at: the one running (or, for a caller
// waiting on a call, the CALL itself).
static int current_index(const Frame* f) {
  int i = static_cast<int>(f->ip - f->code->instrs) - 1;
  return i < 0 ? 0 : i;
}

Ref<Object> frame_object_of(Frame* f) {
  if (f->frame_object) return Ref<Object>::borrow(f->frame_object);
  int nslots = f->code->nlocalsplus;
  FrameObject* fo = alloc<FrameObject>(&FrameObjectType, sizeof(Object*) * nslots);
  if (!fo) return nullptr;
  fo->nslots = nslots;
  for (int i = 0; i < nslots; i++) fo->slots()[i] = nullptr;
  fo->frame = f;
  fo->code = Ref<Object>::borrow(f->code);
  fo->globals = Ref<Object>::borrow(f->globals);
  fo->builtins = Ref<Object>::borrow(f->builtins);
  f->frame_object = fo;   // the frame keeps one reference
  return Ref<Object>::borrow(fo);
}

// CPython's take_ownership(): the released frame's locals move into the
// object (pointer copies: the references change owner, no count changes),
// and f_back is linked to the caller's frame object, made if need be.
static void take_ownership(FrameObject* fo, Frame* f) {
  Object** slots = fo->slots();
  for (int i = 0; i < fo->nslots; i++) {
    slots[i] = f->localsplus[i];
    f->localsplus[i] = nullptr;
  }
  if (f->locals) {
    fo->locals = Ref<Object>::steal(f->locals);
    f->locals = nullptr;
  }
  // A generator's frame has no caller once it has finished; a frame made
  // by a nested eval loop links to the frame that called into C++.
  if (!f->back || f->on_heap) return;
  // This runs while an exception unwinds: a failed allocation must not
  // replace the pending exception (f_back is then just None).
  ThreadState* ts = current_thread_state();
  Ref<Object> keep = ts->pending;
  fo->back = frame_object_of(f->back);
  if (!fo->back) ts->pending = std::move(keep);
}

void frame_object_detach(Frame* f) {
  FrameObject* fo = static_cast<FrameObject*>(f->frame_object);
  if (!fo) return;
  f->frame_object = nullptr;
  fo->lasti = current_index(f);
  fo->lineno = code_line_of(f->code, fo->lasti);
  fo->frame = nullptr;
  if (fo->refcnt > 1) take_ownership(fo, f);
  decref(fo);
}

// ---- attributes -------------------------------------------------------------------

#define FO(self) static_cast<FrameObject*>(self)
static Ref<Object> fo_code(Object* s) { return FO(s)->code; }
static Ref<Object> fo_globals(Object* s) { return FO(s)->globals; }
static Ref<Object> fo_builtins(Object* s) { return FO(s)->builtins; }
static Ref<Object> fo_locals(Object* s) {
  if (FO(s)->frame) return frame_locals_of(FO(s)->frame);
  if (FO(s)->locals) return FO(s)->locals;
  return locals_dict(static_cast<Code*>(FO(s)->code.get()), FO(s)->slots());
}
static Ref<Object> fo_lineno(Object* s) {
  Frame* f = FO(s)->frame;
  if (f && FO(s)->event_line) return int_from_i64(FO(s)->event_line);
  return int_from_i64(f ? code_line_of(f->code, current_index(f)) : FO(s)->lineno);
}
// Setting f_lineno is how a trace function jumps (CPython's frame_setlineno).
// coil checks what CPython checks first, then refuses the jump itself.
static int fo_set_lineno(Object* s, Object* v) {
  if (!v) return set_error(exc::AttributeError, "cannot delete attribute"), -1;
  if (!int_check(v)) {
    set_errorf(exc::ValueError, "lineno must be an integer");
    return -1;
  }
  if (!FO(s)->frame || !FO(s)->in_line_event) {
    set_error(exc::ValueError, "f_lineno can only be set by a trace function");
    return -1;
  }
  set_error(exc::ValueError, "coil does not support jumping by setting f_lineno");
  return -1;
}
static Ref<Object> fo_lasti(Object* s) {
  Frame* f = FO(s)->frame;
  // Shown as CPython's byte offsets (two per instruction), like dis.
  return int_from_i64(2 * (f ? current_index(f) : FO(s)->lasti));
}
static Ref<Object> fo_back(Object* s) {
  Frame* f = FO(s)->frame;
  if (!f) return FO(s)->back ? FO(s)->back : none();
  if (!f->back) return none();
  return frame_object_of(f->back);
}
static Ref<Object> fo_trace(Object* s) {
  return FO(s)->f_trace ? FO(s)->f_trace : none();
}
static int fo_set_trace(Object* s, Object* v) {
  FO(s)->f_trace = v && v != None ? Ref<Object>::borrow(v) : nullptr;
  return 0;
}
static Ref<Object> fo_trace_lines(Object* s) { return new_bool(FO(s)->trace_lines); }
static Ref<Object> fo_trace_opcodes(Object* s) { return new_bool(FO(s)->trace_opcodes); }
// f_trace_lines / f_trace_opcodes accept only bools, as CPython's members do.
static int set_bool_flag(Object* v, bool* flag) {
  if (!v || (v != True && v != False)) {
    set_error(exc::TypeError, "attribute value type must be bool");
    return -1;
  }
  *flag = v == True;
  return 0;
}
static int fo_set_trace_lines(Object* s, Object* v) { return set_bool_flag(v, &FO(s)->trace_lines); }
static int fo_set_trace_opcodes(Object* s, Object* v) { return set_bool_flag(v, &FO(s)->trace_opcodes); }
#undef FO

static const GetSetDef frame_getset[] = {
    {"f_code", fo_code},
    {"f_globals", fo_globals},
    {"f_builtins", fo_builtins},
    {"f_locals", fo_locals},
    {"f_lineno", fo_lineno, fo_set_lineno},
    {"f_lasti", fo_lasti},
    {"f_back", fo_back},
    {"f_trace", fo_trace, fo_set_trace},
    {"f_trace_lines", fo_trace_lines, fo_set_trace_lines},
    {"f_trace_opcodes", fo_trace_opcodes, fo_set_trace_opcodes},
    {nullptr, nullptr},
};

static Ref<Object> frame_repr(Object* self) {
  FrameObject* fo = static_cast<FrameObject*>(self);
  Code* code = static_cast<Code*>(fo->code.get());
  Ref<Object> line = fo_lineno(self);
  int64_t n = 0;
  if (line) int_fits_i64(line.get(), &n);
  char buf[64];
  std::snprintf(buf, sizeof buf, "<frame at %p, file '", static_cast<void*>(self));
  return str_from(std::string(buf) + std::string(str_view(code->filename.get())) + "', line " +
                  std::to_string(n) + ", code " + std::string(str_view(code->name.get())) + ">");
}

// Drops the owned slots (a detached frame's locals).
static void drop_slots(FrameObject* fo) {
  Object** slots = fo->slots();
  for (int i = 0; i < fo->nslots; i++) {
    Object* v = slots[i];
    slots[i] = nullptr;
    xdecref(v);
  }
}

static void frame_dealloc(Object* self) {
  auto* fo = static_cast<FrameObject*>(self);
  drop_slots(fo);
  destroy_object(fo);
}

// The cycle collector's slots.  `frame` is borrowed (the live frame owns
// this object, not the reverse), so only the owned fields are visited:
// the slots are null until the object took ownership of the locals.
// `exception -> traceback -> frame object -> slots -> exception` is the
// cycle `except E as e: saved = e` makes once the function returns.
static void frame_traverse(Object* self, VisitFn visit, void* arg) {
  auto* fo = static_cast<FrameObject*>(self);
  for (Object* o : {fo->code.get(), fo->globals.get(), fo->builtins.get(), fo->locals.get(),
                    fo->back.get(), fo->f_trace.get()})
    if (o) visit(o, arg);
  Object** slots = fo->slots();
  for (int i = 0; i < fo->nslots; i++) if (slots[i]) visit(slots[i], arg);
}

static void frame_clear(Object* self) {
  auto* fo = static_cast<FrameObject*>(self);
  Ref<Object> locals = std::move(fo->locals);
  Ref<Object> back = std::move(fo->back);
  Ref<Object> trace = std::move(fo->f_trace);
  drop_slots(fo);
}

// frame.clear(): drops a finished frame's locals (traceback.clear_frames
// uses it to break the cycles a saved traceback makes).  A frame still
// running cannot be cleared, as in CPython.
static Ref<Object> frame_clear_method(Object* self, Object* const*, size_t nargs, Tuple* kwnames) {
  if (!check_no_args("frame.clear", nargs, kwnames)) return nullptr;
  if (static_cast<FrameObject*>(self)->frame)
    return set_error(exc::RuntimeError, "cannot clear an executing frame");
  frame_clear(self);
  return none();
}

static const MethodDef frame_methods[] = {
    {"clear", frame_clear_method},
    {nullptr, nullptr},
};

void init_frame_object_type() {
  FrameObjectType.name = "frame";
  FrameObjectType.basic_size = sizeof(FrameObject);
  FrameObjectType.flags = kHaveGC;
  FrameObjectType.dealloc = frame_dealloc;
  FrameObjectType.traverse = frame_traverse;
  FrameObjectType.clear = frame_clear;
  FrameObjectType.repr = frame_repr;
  FrameObjectType.getset = frame_getset;
  FrameObjectType.methods = frame_methods;
}

}  // namespace coil::vm
