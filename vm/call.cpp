// call.cpp — frames and argument binding.
//
// Calling a Python function means: take a frame from the thread's
// FrameStack, bind the caller's positional and keyword arguments to the
// parameters (filling defaults, collecting *args and **kwargs, reporting
// CPython's TypeErrors), turn captured parameters into cells, copy the
// closure's cells into the free-variable slots, and start running.
//
// The FrameStack is a list of large chunks used as a stack: frames are
// popped in the reverse order they were pushed, so allocating one is a
// pointer bump.  (Generators copy their frame out to the heap, see
// generator.cpp.)
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/module.h"
#include "runtime/names.h"
#include "runtime/singletons.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "vm/eval_internal.h"
#include "vm/frame.h"
#include "vm/frameobject.h"
#include "vm/interp.h"

namespace coil::vm {

using namespace coil::runtime;

// ---- FrameStack ------------------------------------------------------------------

struct FrameStack::Chunk {
  Chunk* prev;
  size_t size;    // usable bytes
  size_t used;    // bytes in use below the chunk's top frame (while not current)
  alignas(16) char data[1];
};

static constexpr size_t kChunkSize = 256 * 1024;

FrameStack::FrameStack() = default;
FrameStack::~FrameStack() {
  std::free(spare_);
  while (top_) {
    Chunk* prev = top_->prev;
    std::free(top_);
    top_ = prev;
  }
}

void FrameStack::enter_chunk(Chunk* c) {
  top_ = c;
  base_ = c ? c->data : nullptr;
  next_ = c ? c->data + c->used : nullptr;
  limit_ = c ? c->data + c->size : nullptr;
}

// The current chunk is full: start a new one above it.
void* FrameStack::push_slow(size_t size) {
  if (top_) top_->used = static_cast<size_t>(next_ - base_);
  size_t cap = size > kChunkSize ? size : kChunkSize;
  Chunk* c = nullptr;
  if (spare_ && spare_->size >= size) {
    // Recursion going back and forth across a chunk boundary reuses it.
    c = spare_;
    spare_ = nullptr;
    cap = c->size;
  } else {
    c = static_cast<Chunk*>(std::malloc(sizeof(Chunk) + cap));
  }
  if (!c) {
    set_error(exc::MemoryError, "");
    return nullptr;
  }
  c->prev = top_;
  c->size = cap;
  c->used = 0;
  enter_chunk(c);
  char* p = next_;
  next_ += size;
  return p;
}

// The frame is the first of its chunk (or below it): drop emptied chunks and
// continue in the one below, whose top frame was pushed last.
void FrameStack::pop_slow(char* p) {
  while (top_ && !(p >= top_->data && p < top_->data + top_->size)) {
    Chunk* prev = top_->prev;
    std::free(top_);
    enter_chunk(prev);
  }
  if (!top_) return;
  next_ = p;
  if (p == top_->data && top_->prev) {
    Chunk* prev = top_->prev;
    std::free(spare_);
    spare_ = top_;
    enter_chunk(prev);
  }
}

int Frame::line() const {
  int index = lasti >= 0 ? lasti : static_cast<int>(ip - code->instrs);
  return code_line_of(code, index);
}

// ---- recursion ------------------------------------------------------------------

bool enter_recursion(ThreadState* ts) {
  if (++ts->recursion_depth > interp().recursion_limit) {
    --ts->recursion_depth;
    set_error(exc::RecursionError, "maximum recursion depth exceeded");
    return false;
  }
  return true;
}

// ---- frame setup ------------------------------------------------------------------

static Frame* new_frame(ThreadState* ts, Code* code) {
  if (!ts->frames) ts->frames = new FrameStack();
  void* mem = ts->frames->push(frame_size(code));
  if (!mem) return nullptr;
  Frame* f = new (mem) Frame;   // default member initialisers only
  f->code = code;
  incref(code);
  Object** locals = f->localsplus;
  for (int i = 0, n = code->nlocalsplus; i < n; i++) locals[i] = nullptr;
  f->ip = code->instrs;
  f->sp = locals + code->nlocalsplus;
  return f;
}

// Drops every reference a finished frame holds.  A frame object still
// held elsewhere (by a traceback, say) first takes the locals over
// (vm/frameobject.h), so they live on with it; the loops below then find
// those slots empty.
void frame_clear_refs(Frame* f) {
  if (f->frame_object) frame_object_detach(f);
  for (Object** p = f->stack_base(); p < f->sp; ++p) xdecref(*p);
  f->sp = f->stack_base();
  for (int i = 0; i < f->code->nlocalsplus; i++) {
    Object* v = f->localsplus[i];
    f->localsplus[i] = nullptr;
    xdecref(v);
  }
  if (f->locals) { Object* l = f->locals; f->locals = nullptr; decref(l); }
  if (f->func) { Function* fn = f->func; f->func = nullptr; decref(fn); }
}

void frame_release(ThreadState* ts, Frame* f) {
  if (f->on_heap) return;   // its generator owns and frees it
  frame_clear_refs(f);
  Code* code = f->code;
  f->code = nullptr;
  ts->frames->pop(f);
  decref(code);
}

// Makes the cells of a fresh frame: parameters captured by inner functions
// become cells holding their value; other cell variables start empty; free
// variables are the closure's cells.
static bool setup_cells(Frame* f, Tuple* closure) {
  Code* code = f->code;
  if (!code->has_cells) return true;
  for (int arg : code->unit->cell_args) {
    Ref<Object> cell = cell_new(f->localsplus[arg]);
    if (!cell) return false;
    xdecref(f->localsplus[arg]);
    f->localsplus[arg] = cell.release();
  }
  for (int i = 0; i < code->ncells; i++) {
    Ref<Object> cell = cell_new(nullptr);
    if (!cell) return false;
    f->localsplus[code->nlocals + i] = cell.release();
  }
  for (int i = 0; i < code->nfrees; i++) {
    Object* c = closure ? closure->items[i] : nullptr;
    xincref(c);
    f->localsplus[code->nlocals + code->ncells + i] = c;
  }
  return true;
}

// ---- argument binding ---------------------------------------------------------------

static std::string qualname_of(Function* fn) {
  return std::string(str_view(fn->qualname.get()));
}

// "'a', 'b' and 'c'" as CPython lists missing names.
static std::string join_names(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); i++) {
    if (i > 0) out += (i + 1 == names.size()) ? (names.size() > 2 ? ", and " : " and ") : ", ";
    out += "'" + names[i] + "'";
  }
  return out;
}

static void missing_arguments(Function* fn, const std::vector<std::string>& missing, bool kwonly) {
  std::string msg = qualname_of(fn) + "() missing " + std::to_string(missing.size()) + " required " +
                    (kwonly ? "keyword-only" : "positional") + " argument" +
                    (missing.size() == 1 ? "" : "s") + ": " + join_names(missing);
  set_error(exc::TypeError, msg);
}

static void too_many_positional(Function* fn, size_t given, size_t given_kwonly) {
  const compiler::CodeUnit& u = *fn->code->unit;
  size_t argcount = u.argcount;
  size_t ndefaults = fn->defaults ? fn->defaults->size : 0;
  std::string takes;
  if (ndefaults > 0) {
    takes = "from " + std::to_string(argcount - ndefaults) + " to " + std::to_string(argcount);
  } else {
    takes = std::to_string(argcount);
  }
  std::string msg = qualname_of(fn) + "() takes " + takes + " positional argument" +
                    (argcount == 1 && ndefaults == 0 ? "" : "s") + " but " + std::to_string(given);
  if (given_kwonly > 0) {
    msg += " positional argument" + std::string(given == 1 ? "" : "s") + " (and " +
           std::to_string(given_kwonly) + " keyword-only argument" + (given_kwonly == 1 ? "" : "s") + ")";
    msg += " were given";
  } else {
    msg += given == 1 ? " was given" : " were given";
  }
  set_error(exc::TypeError, msg);
}

// Index of parameter `name` among varnames[start, end), or -1.
static int find_param(Code* code, Str* name, int start, int end) {
  Tuple* vn = static_cast<Tuple*>(code->localsplus_names.get());
  for (int i = start; i < end; i++) {
    if (vn->items[i] == name) return i;
  }
  for (int i = start; i < end; i++) {
    if (str_equal(static_cast<Str*>(vn->items[i]), name)) return i;
  }
  return -1;
}

static bool bind_arguments(Frame* f, Function* fn, Object* const* args, size_t nargs, Tuple* kwnames) {
  Code* code = fn->code.get();
  const compiler::CodeUnit& u = *code->unit;
  Object** locals = f->localsplus;
  const int argcount = u.argcount;
  const int kwonly = u.kwonlyargcount;
  const int total = argcount + kwonly;
  const bool has_varargs = u.flags & CO_VARARGS;
  const bool has_varkw = u.flags & CO_VARKEYWORDS;

  // **kwargs collects unknown keywords.
  Dict* kwdict = nullptr;
  if (has_varkw) {
    Ref<Dict> d = dict_new();
    if (!d) return false;
    kwdict = d.get();
    locals[total + (has_varargs ? 1 : 0)] = d.release();
  }

  // Positional arguments.
  size_t n = nargs < static_cast<size_t>(argcount) ? nargs : argcount;
  for (size_t i = 0; i < n; i++) {
    incref(args[i]);
    locals[i] = args[i];
  }
  if (has_varargs) {
    size_t extra = nargs > n ? nargs - n : 0;
    Ref<Tuple> t = tuple_from_array(args + n, extra);
    if (!t) return false;
    locals[total] = t.release();
  }

  // Keyword arguments.
  if (kwnames) {
    Object* const* kwvalues = args + nargs;
    std::vector<std::string> posonly_as_kw;
    for (size_t k = 0; k < kwnames->size; k++) {
      Str* name = static_cast<Str*>(kwnames->items[k]);
      Object* value = kwvalues[k];
      int idx = find_param(code, name, u.posonlyargcount, total);
      if (idx < 0) {
        if (kwdict) {
          if (dict_set(kwdict, name, value) < 0) return false;
          continue;
        }
        if (find_param(code, name, 0, u.posonlyargcount) >= 0) {
          posonly_as_kw.emplace_back(name->view());
          continue;
        }
        set_errorf(exc::TypeError, "%s() got an unexpected keyword argument '%U'",
                   qualname_of(fn).c_str(), name);
        return false;
      }
      if (locals[idx]) {
        set_errorf(exc::TypeError, "%s() got multiple values for argument '%U'",
                   qualname_of(fn).c_str(), name);
        return false;
      }
      incref(value);
      locals[idx] = value;
    }
    if (!posonly_as_kw.empty()) {
      std::string list;
      for (size_t i = 0; i < posonly_as_kw.size(); i++) {
        if (i) list += ", ";
        list += "'" + posonly_as_kw[i] + "'";
      }
      set_error(exc::TypeError, qualname_of(fn) +
                "() got some positional-only arguments passed as keyword arguments: " + list);
      return false;
    }
  }

  if (nargs > static_cast<size_t>(argcount) && !has_varargs) {
    size_t kwonly_given = 0;
    for (int i = argcount; i < total; i++) if (locals[i]) kwonly_given++;
    too_many_positional(fn, nargs, kwonly_given);
    return false;
  }

  // Defaults for missing positional parameters.
  Tuple* defaults = fn->defaults.get();
  int ndefaults = defaults ? static_cast<int>(defaults->size) : 0;
  std::vector<std::string> missing;
  Tuple* vn = static_cast<Tuple*>(code->localsplus_names.get());
  for (int i = static_cast<int>(n); i < argcount; i++) {
    if (locals[i]) continue;
    int d = i - (argcount - ndefaults);
    if (d >= 0) {
      incref(defaults->items[d]);
      locals[i] = defaults->items[d];
    } else {
      missing.emplace_back(str_view(vn->items[i]));
    }
  }
  if (!missing.empty()) {
    missing_arguments(fn, missing, false);
    return false;
  }
  // Keyword-only parameters: given, from __kwdefaults__, or missing.
  for (int i = argcount; i < total; i++) {
    if (locals[i]) continue;
    Object* d = fn->kwdefaults ? dict_get(fn->kwdefaults.get(), vn->items[i]) : nullptr;
    if (d) {
      incref(d);
      locals[i] = d;
    } else {
      missing.emplace_back(str_view(vn->items[i]));
    }
  }
  if (!missing.empty()) {
    missing_arguments(fn, missing, true);
    return false;
  }
  return true;
}

// The part of every Python-function frame set-up that does not depend on
// the arguments: the recursion count, the memory, the function's namespaces.
static Frame* begin_function_frame(ThreadState* ts, Function* fn) {
  if (!enter_recursion(ts)) return nullptr;
  Frame* f = new_frame(ts, fn->code.get());
  if (!f) { leave_recursion(ts); return nullptr; }
  f->func = fn;
  incref(fn);
  f->globals = fn->globals.get();
  f->builtins = fn->builtins.get();
  return f;
}

Frame* push_python_frame_steal(ThreadState* ts, Function* fn, Object** args, size_t nargs) {
  Frame* f = begin_function_frame(ts, fn);
  if (!f) return nullptr;
  // The caller's stack slots are moved, not copied: no refcount traffic.
  for (size_t i = 0; i < nargs; i++) {
    f->localsplus[i] = args[i];
    args[i] = nullptr;
  }
  return f;
}

Frame* push_python_frame(ThreadState* ts, Function* fn, Object* const* args, size_t nargs,
                         Tuple* kwnames) {
  Frame* f = begin_function_frame(ts, fn);
  if (!f) return nullptr;
  if (!bind_arguments(f, fn, args, nargs, kwnames) || !setup_cells(f, fn->closure.get())) {
    frame_release(ts, f);
    leave_recursion(ts);
    return nullptr;
  }
  return f;
}

Frame* push_code_frame(ThreadState* ts, Code* code, Dict* globals, Dict* builtins, Object* locals,
                       Tuple* closure) {
  if (!enter_recursion(ts)) return nullptr;
  Frame* f = new_frame(ts, code);
  if (!f) { leave_recursion(ts); return nullptr; }
  f->globals = globals;
  f->builtins = builtins;
  xincref(locals);
  f->locals = locals;
  if (!setup_cells(f, closure)) {
    frame_release(ts, f);
    leave_recursion(ts);
    return nullptr;
  }
  return f;
}

// ---- entry points from native code ------------------------------------------------

Ref<Object> call_function(Function* fn, Object* const* args, size_t nargs, Tuple* kwnames) {
  ThreadState* ts = current_thread_state();
  Frame* f = push_python_frame(ts, fn, args, nargs, kwnames);
  if (!f) return nullptr;
  return run_frame(ts, f);
}

Ref<Object> eval_code(Code* code, Dict* globals, Object* locals) {
  ThreadState* ts = current_thread_state();
  Object* b = dict_get_str(globals, names::__builtins__);
  Dict* builtins = interp().builtins;
  if (b) {
    if (b->type == &DictType) builtins = static_cast<Dict*>(b);
    else if (b->type == &ModuleType) builtins = module_dict(b);
  } else {
    if (dict_set(globals, names::__builtins__, interp().builtins_module.get()) < 0) return nullptr;
  }
  Frame* f = push_code_frame(ts, code, globals, builtins, locals ? locals : globals, nullptr);
  if (!f) return nullptr;
  return run_frame(ts, f);
}

// f(*args, **kwargs): flattens to a vectorcall.
Ref<Object> call_ex(Object* func, Object* args, Object* kwargs) {
  Ref<Object> argt;
  if (args->type == &TupleType) {
    argt = Ref<Object>::borrow(args);
  } else {
    if (!args->type->iter && !args->type->mp_subscript) {
      return set_errorf(exc::TypeError, "%s argument after * must be an iterable, not %s",
                        callable_desc(func).c_str(), std::string(type_name(args->type)).c_str());
    }
    argt = sequence_to_tuple(args);
    if (!argt) return nullptr;
  }
  Tuple* t = static_cast<Tuple*>(argt.get());
  if (!kwargs || dict_size(static_cast<Dict*>(kwargs)) == 0) {
    return call(func, t->items, t->size, nullptr);
  }
  Dict* kw = static_cast<Dict*>(kwargs);
  size_t nkw = dict_size(kw);
  std::vector<Object*> all(t->items, t->items + t->size);
  Ref<Tuple> names = tuple_new(nkw);
  if (!names) return nullptr;
  size_t pos = 0, i = 0;
  Object *k, *v;
  while (dict_next(kw, &pos, &k, &v)) {
    if (!str_check(k)) {
      return set_errorf(exc::TypeError, "keywords must be strings");
    }
    incref(k);
    names->items[i++] = k;
    all.push_back(v);
  }
  return call(func, all.data(), t->size, names.get());
}

}  // namespace coil::vm
