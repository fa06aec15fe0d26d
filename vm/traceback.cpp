// traceback.cpp — traceback entries and CPython's report layout.
//
// An uncaught exception is printed as CPython 3.11 does:
//
//   Traceback (most recent call last):
//     File "x.py", line 3, in <module>
//       f()
//     File "x.py", line 2, in f
//       raise ValueError("bad")
//   ValueError: bad
//
// preceded, for chained exceptions, by the cause ("The above exception was
// the direct cause of the following exception:") or the context ("During
// handling of the above exception, another exception occurred:").
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>
#include <string>

#include "runtime/abstract.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/names.h"
#include "runtime/singletons.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "vm/frameobject.h"
#include "vm/interp.h"
#include "vm/traceback.h"

namespace coil::vm {

using namespace coil::runtime;

TypeObject TracebackType;

static std::map<std::string, std::string>& source_cache() {
  static std::map<std::string, std::string> cache;
  return cache;
}

void remember_source(const std::string& filename, std::string source) {
  source_cache()[filename] = std::move(source);
}

std::string source_line_of(const std::string& filename, int line) {
  auto& cache = source_cache();
  auto it = cache.find(filename);
  if (it == cache.end()) {
    std::string text;
    if (!read_source_file(filename, &text)) return "";
    it = cache.emplace(filename, std::move(text)).first;
  }
  const std::string& src = it->second;
  size_t pos = 0;
  for (int i = 1; i < line && pos != std::string::npos; i++) {
    pos = src.find('\n', pos);
    if (pos != std::string::npos) pos++;
  }
  if (pos == std::string::npos || pos >= src.size()) return "";
  size_t end = src.find('\n', pos);
  std::string text = src.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
  size_t a = text.find_first_not_of(" \t\f\r");
  size_t b = text.find_last_not_of(" \t\f\r");
  if (a == std::string::npos) return "";
  return text.substr(a, b - a + 1);
}

void traceback_here(ThreadState* ts, Frame* f) {
  Object* exc_v = ts->pending.get();
  if (!exc_v || !exception_check(exc_v)) return;
  auto* be = static_cast<BaseException*>(exc_v);
  Ref<Object> keep = ts->pending;   // a failed allocation replaces it with MemoryError
  Traceback* tb = alloc<Traceback>(&TracebackType);
  if (!tb) {
    // Out of memory: the exception propagates without this entry.
    ts->pending = std::move(keep);
    return;
  }
  tb->next = be->traceback && be->traceback.get() != None ? be->traceback : nullptr;
  tb->code = Ref<Object>::borrow(f->code);
  // tb_frame: the frame object, made on first use and shared by every
  // entry for this frame.  Holding it keeps the frame's locals alive once
  // the call is over (vm/frameobject.h, "frames that outlive their calls").
  tb->frame = frame_object_of(f);
  if (!tb->frame) {
    ts->pending = keep;   // out of memory: an entry without tb_frame
  }
  tb->lasti = f->lasti;
  tb->lineno = code_line_of(f->code, f->lasti);
  be->traceback = Ref<Object>::steal(tb);
}

static void write_err(const std::string& s) { std::fwrite(s.data(), 1, s.size(), stderr); }

static std::string exception_summary(Object* exc_v) {
  TypeObject* t = exc_v->type;
  std::string name(type_name(t));
  Ref<Object> mod = getattr_opt(t, names::__module__);
  clear_error();
  if (mod && str_check(mod.get())) {
    std::string m(str_view(mod.get()));
    if (m != "builtins" && m != "__main__") name = m + "." + name;
  }
  std::string text;
  Ref<Object> s = str(exc_v);
  if (!s) {
    clear_error();
    text = "<exception str() failed>";
  } else {
    text = std::string(str_view(s.get()));
  }
  std::string out = text.empty() ? name : name + ": " + text;
  // SyntaxError: the source line and a caret, as CPython.
  if (is_instance_of(exc_v, exc::SyntaxError)) {
    Ref<Object> filename = getattr_opt(exc_v, names::filename);
    Ref<Object> lineno = getattr_opt(exc_v, names::lineno);
    Ref<Object> offset = getattr_opt(exc_v, names::offset);
    Ref<Object> textline = getattr_opt(exc_v, names::text);
    Ref<Object> msg = getattr_opt(exc_v, names::msg);
    clear_error();
    std::string head;
    std::string ln_text;
    if (lineno && lineno.get() != None) str_utf8(lineno.get(), &ln_text);
    if (filename && str_check(filename.get()) && lineno && lineno.get() != None) {
      std::string ln = ln_text;
      head = "  File \"" + std::string(str_view(filename.get())) + "\", line " + ln + "\n";
    }
    if (textline && str_check(textline.get())) {
      std::string tl(str_view(textline.get()));
      while (!tl.empty() && (tl.back() == '\n' || tl.back() == '\r')) tl.pop_back();
      size_t lead = tl.find_first_not_of(" \t\f");
      if (lead == std::string::npos) lead = tl.size();
      std::string stripped = tl.substr(lead);
      head += "    " + stripped + "\n";
      int64_t off = 0;
      std::string os;
      if (offset && offset.get() != None && str_utf8(offset.get(), &os)) off = std::atoll(os.c_str());
      int64_t col = off - 1 - static_cast<int64_t>(lead);
      if (col < 0) col = 0;
      // The caret spans the error's columns when it ends on the same line.
      int64_t width = 1;
      Ref<Object> end_line = getattr_opt(exc_v, names::end_lineno);
      Ref<Object> end_off = getattr_opt(exc_v, names::end_offset);
      clear_error();
      std::string el, eo;
      if (end_line && end_off && end_line.get() != None && end_off.get() != None &&
          str_utf8(end_line.get(), &el) && str_utf8(end_off.get(), &eo) && el == ln_text &&
          std::atoll(eo.c_str()) > off) {
        width = std::atoll(eo.c_str()) - off;
      }
      head += "    " + std::string(static_cast<size_t>(col), ' ') + std::string(static_cast<size_t>(width), '^') + "\n";
    }
    std::string m = msg && str_check(msg.get()) ? std::string(str_view(msg.get())) : text;
    out = head + name + ": " + m;
  }
  return out;
}

static void print_one(Object* exc_v) {
  auto* be = static_cast<BaseException*>(exc_v);
  if (be->traceback && be->traceback.get() != None) {
    write_err("Traceback (most recent call last):\n");
    for (Object* t = be->traceback.get(); t && t != None;) {
      Traceback* tb = static_cast<Traceback*>(t);
      Code* code = static_cast<Code*>(tb->code.get());
      std::string filename(str_view(code->filename.get()));
      std::string fn(str_view(code->name.get()));
      write_err("  File \"" + filename + "\", line " + std::to_string(tb->lineno) + ", in " + fn + "\n");
      // Pseudo-files ("<string>" of -c and exec, "<stdin>") show no source
      // line, as linecache has none for them.
      bool pseudo = filename.size() >= 2 && filename.front() == '<' && filename.back() == '>';
      std::string line = pseudo ? "" : source_line_of(filename, tb->lineno);
      if (!line.empty()) write_err("    " + line + "\n");
      t = tb->next.get();
    }
  }
  write_err(exception_summary(exc_v) + "\n");
  // PEP 678: the notes of add_note(), one str() per note, after the summary.
  Ref<Object> notes = getattr_opt(exc_v, intern("__notes__"));
  if (!notes) {
    clear_error();
    return;
  }
  // Any sequence will do (CPython's PySequence_Check: indexable, not a dict).
  if (!notes->type->mp_subscript || type_has(notes->type, kDictSubclass)) {
    std::string r;
    if (!repr_utf8(notes.get(), &r)) {
      clear_error();
      r = "<__notes__ repr() failed>";
    }
    write_err(r + "\n");
    return;
  }
  Ref<Object> items = sequence_to_tuple(notes.get());
  if (!items) {
    clear_error();
    return;
  }
  for (size_t i = 0; i < static_cast<Tuple*>(items.get())->size; i++) {
    std::string text;
    if (!str_utf8(static_cast<Tuple*>(items.get())->items[i], &text)) {
      clear_error();
      text = "<note str() failed>";
    }
    write_err(text + "\n");
  }
}

static void print_chain(Object* exc_v, std::set<Object*>& seen) {
  seen.insert(exc_v);
  auto* be = static_cast<BaseException*>(exc_v);
  if (be->cause && be->cause.get() != None && exception_check(be->cause.get()) &&
      !seen.count(be->cause.get())) {
    print_chain(be->cause.get(), seen);
    write_err("\nThe above exception was the direct cause of the following exception:\n\n");
  } else if (!be->suppress_context && be->context && be->context.get() != None &&
             exception_check(be->context.get()) && !seen.count(be->context.get())) {
    print_chain(be->context.get(), seen);
    write_err("\nDuring handling of the above exception, another exception occurred:\n\n");
  }
  print_one(exc_v);
}

void print_exception(Object* exc_v) {
  if (!exception_check(exc_v)) {
    std::string r;
    if (repr_utf8(exc_v, &r)) write_err(r + "\n");
    return;
  }
  std::set<Object*> seen;
  print_chain(exc_v, seen);
}

// ---- the traceback type ----------------------------------------------------------

static void tb_dealloc(Object* self) { destroy_object(static_cast<Traceback*>(self)); }

// The cycle collector's slots (an exception -> its traceback -> the frame's
// locals -> the exception is the classic cycle of `except ... as e`).
static void tb_traverse(Object* self, VisitFn visit, void* arg) {
  auto* tb = static_cast<Traceback*>(self);
  for (Object* o : {tb->next.get(), tb->code.get(), tb->frame.get()})
    if (o) visit(o, arg);
}

static void tb_clear(Object* self) {
  auto* tb = static_cast<Traceback*>(self);
  Ref<Object> next = std::move(tb->next);
  Ref<Object> frame = std::move(tb->frame);
}
static Ref<Object> tb_next(Object* s) {
  Traceback* tb = static_cast<Traceback*>(s);
  return tb->next ? tb->next : none();
}
static Ref<Object> tb_lineno(Object* s) { return int_from_i64(static_cast<Traceback*>(s)->lineno); }
static Ref<Object> tb_lasti(Object* s) { return int_from_i64(static_cast<Traceback*>(s)->lasti * 2); }
static Ref<Object> tb_frame(Object* s) {
  Traceback* tb = static_cast<Traceback*>(s);
  return tb->frame ? tb->frame : none();
}
static const GetSetDef tb_getset[] = {
    {"tb_next", tb_next}, {"tb_lineno", tb_lineno}, {"tb_lasti", tb_lasti}, {"tb_frame", tb_frame},
    {nullptr, nullptr},
};

void init_traceback_type() {
  TracebackType.name = "traceback";
  TracebackType.basic_size = sizeof(Traceback);
  TracebackType.flags = kHaveGC;
  TracebackType.dealloc = tb_dealloc;
  TracebackType.traverse = tb_traverse;
  TracebackType.clear = tb_clear;
  TracebackType.getset = tb_getset;
}

}  // namespace coil::vm
