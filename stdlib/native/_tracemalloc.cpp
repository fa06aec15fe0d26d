// _tracemalloc.cpp — which line of Python allocated which block.
//
// All of coil's object memory goes through mem_alloc / mem_alloc_prefixed /
// mem_free (runtime/alloc.cpp), and so do the big buffers of bytearray,
// dict tables and the like.  While tracing, those three call the hooks
// below (g_mem_trace_alloc / g_mem_trace_free, null otherwise), which keep
// one record per live block:
//
//     traces:  block address -> (size asked for, traceback id)
//     tracebacks: id -> ((filename, line), ...)   innermost frame first,
//                                                 at most `nframe` frames
//
// The traceback is read from the thread's frame chain at the moment of the
// allocation: the innermost Python frame's file and current line, then its
// callers.  Identical tracebacks share one id, so a loop allocating a
// million objects on one line stores one traceback.  `current` and `peak`
// are the sums of the sizes of live traced blocks, now and at most.
//
// Blocks allocated before start() are not in the table, so freeing them
// changes nothing: the numbers only ever cover memory allocated while
// tracing, as in CPython.  The tables themselves live in malloc'd memory,
// so recording a block never allocates through the hooks.
#include <cstring>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "runtime/args.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/singletons.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "stdlib/native/modules.h"
#include "vm/code.h"
#include "vm/frame.h"
#include "vm/threadstate.h"

namespace coil::runtime {

namespace {

struct TraceFrame {
  Object* filename;   // a str; the table holds a reference (see g_filenames)
  int line;
};

struct Trace {
  size_t size;
  uint32_t traceback;
};

struct State {
  int nframe = 1;
  size_t current = 0;
  size_t peak = 0;
  std::unordered_map<void*, Trace> traces;
  std::vector<std::vector<TraceFrame>> tracebacks;
  std::unordered_map<std::string, uint32_t> traceback_ids;   // encoded frames -> id
  std::unordered_set<Object*> filenames;                       // strong references
};

State* g_state = nullptr;    // non-null while tracing
bool g_busy = false;         // inside a hook or building results: record nothing
Object* g_unknown = nullptr; // "<unknown>", for allocations outside Python code

// The traceback of the allocation happening now, as an id.
uint32_t current_traceback(State* st) {
  TraceFrame frames[64];
  int n = 0;
  vm::ThreadState* ts = vm::current_thread_state();
  for (vm::Frame* f = ts ? ts->frame : nullptr; f && n < st->nframe && n < 64; f = f->back) {
    int index = static_cast<int>(f->ip - f->code->instrs) - 1;
    frames[n++] = TraceFrame{f->code->filename.get(), vm::code_line_of(f->code, index < 0 ? 0 : index)};
  }
  if (n == 0) frames[n++] = TraceFrame{g_unknown, 0};
  std::string key(reinterpret_cast<const char*>(frames), sizeof(TraceFrame) * n);
  auto it = st->traceback_ids.find(key);
  if (it != st->traceback_ids.end()) return it->second;
  for (int i = 0; i < n; i++) {
    if (st->filenames.insert(frames[i].filename).second) incref(frames[i].filename);
  }
  uint32_t id = static_cast<uint32_t>(st->tracebacks.size());
  st->tracebacks.emplace_back(frames, frames + n);
  st->traceback_ids.emplace(std::move(key), id);
  return id;
}

void on_alloc(void* p, size_t size) {
  State* st = g_state;
  if (g_busy || !st) return;
  g_busy = true;
  uint32_t tb = current_traceback(st);
  auto [it, fresh] = st->traces.try_emplace(p, Trace{size, tb});
  if (!fresh) {
    st->current -= it->second.size;
    it->second = Trace{size, tb};
  }
  st->current += size;
  if (st->current > st->peak) st->peak = st->current;
  g_busy = false;
}

void on_free(void* p) {
  State* st = g_state;
  if (!st) return;
  auto it = st->traces.find(p);
  if (it == st->traces.end()) return;
  st->current -= it->second.size;
  st->traces.erase(it);
}

// Drops every record (and the filename references) with the hooks off.
void clear_state(State* st) {
  st->traces.clear();
  st->traceback_ids.clear();
  st->tracebacks.clear();
  st->current = st->peak = 0;
  std::unordered_set<Object*> names;
  names.swap(st->filenames);
  for (Object* o : names) decref(o);
}

// ---- module functions ---------------------------------------------------------------

Ref<Object> tm_start(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  Object* a[1];
  if (!bind_args(ArgSpec{"start", {"nframe"}}, args, nargs, kw, a)) return nullptr;
  int64_t nframe = 1;
  if (a[0] && !int_to_i64(a[0], &nframe)) return nullptr;
  if (nframe < 1 || nframe > 65535)
    return set_errorf(exc::ValueError, "the number of frames must be in range [1; 65535]");
  if (!g_unknown) g_unknown = intern("<unknown>");
  if (!g_state) g_state = new State();
  g_state->nframe = static_cast<int>(nframe > 64 ? 64 : nframe);
  g_mem_trace_alloc = on_alloc;
  g_mem_trace_free = on_free;
  return none();
}

Ref<Object> tm_stop(Object*, Object* const*, size_t nargs, Tuple* kw) {
  if (!check_no_args("stop", nargs, kw)) return nullptr;
  g_mem_trace_alloc = nullptr;
  g_mem_trace_free = nullptr;
  State* st = g_state;
  g_state = nullptr;
  if (st) {
    clear_state(st);
    delete st;
  }
  return none();
}

Ref<Object> tm_is_tracing(Object*, Object* const*, size_t nargs, Tuple* kw) {
  if (!check_no_args("is_tracing", nargs, kw)) return nullptr;
  return new_bool(g_state != nullptr);
}

Ref<Object> tm_clear_traces(Object*, Object* const*, size_t nargs, Tuple* kw) {
  if (!check_no_args("clear_traces", nargs, kw)) return nullptr;
  if (g_state) {
    g_busy = true;
    clear_state(g_state);
    g_busy = false;
  }
  return none();
}

Ref<Object> pair(size_t a, size_t b) {
  Ref<Object> x = int_from_i64(static_cast<int64_t>(a)), y = int_from_i64(static_cast<int64_t>(b));
  if (!x || !y) return nullptr;
  return tuple_pack({x.get(), y.get()});
}

Ref<Object> tm_get_traced_memory(Object*, Object* const*, size_t nargs, Tuple* kw) {
  if (!check_no_args("get_traced_memory", nargs, kw)) return nullptr;
  if (!g_state) return pair(0, 0);
  size_t cur = g_state->current, peak = g_state->peak;
  return pair(cur, peak);
}

Ref<Object> tm_reset_peak(Object*, Object* const*, size_t nargs, Tuple* kw) {
  if (!check_no_args("reset_peak", nargs, kw)) return nullptr;
  if (g_state) g_state->peak = g_state->current;
  return none();
}

// An estimate of the tables' own memory (CPython reports its hash tables).
Ref<Object> tm_get_tracemalloc_memory(Object*, Object* const*, size_t nargs, Tuple* kw) {
  if (!check_no_args("get_tracemalloc_memory", nargs, kw)) return nullptr;
  size_t total = 0;
  if (g_state) {
    const State& st = *g_state;
    total = sizeof(State) + st.traces.size() * (sizeof(void*) + sizeof(Trace) + 2 * sizeof(void*)) +
            st.traces.bucket_count() * sizeof(void*);
    for (const auto& tb : st.tracebacks) total += sizeof(tb) + tb.size() * sizeof(TraceFrame) * 2;
  }
  return int_from_i64(static_cast<int64_t>(total));
}

Ref<Object> tm_get_traceback_limit(Object*, Object* const*, size_t nargs, Tuple* kw) {
  if (!check_no_args("get_traceback_limit", nargs, kw)) return nullptr;
  return int_from_i64(g_state ? g_state->nframe : 1);
}

Ref<Object> traceback_tuple(const std::vector<TraceFrame>& frames) {
  Ref<Tuple> t = tuple_new(frames.size());
  if (!t) return nullptr;
  for (size_t i = 0; i < frames.size(); i++) {
    Ref<Object> line = int_from_i64(frames[i].line);
    if (!line) return nullptr;
    Ref<Object> fr = tuple_pack({frames[i].filename, line.get()});
    if (!fr) return nullptr;
    t->items[i] = fr.release();
  }
  return t;
}

// _get_traces() -> [(domain, size, traceback, total_nframe)]; the traceback
// a tuple of (filename, lineno), innermost first.
Ref<Object> tm_get_traces_impl() {
  State* st = g_state;
  Ref<List> out = list_new();
  if (!out || !st) return out;
  std::vector<Trace> copy;
  copy.reserve(st->traces.size());
  for (const auto& [p, t] : st->traces) copy.push_back(t);
  std::vector<Ref<Object>> tbs(st->tracebacks.size());
  Ref<Object> zero = int_from_i64(0);
  for (const Trace& t : copy) {
    Ref<Object>& tb = tbs[t.traceback];
    if (!tb) tb = traceback_tuple(st->tracebacks[t.traceback]);
    Ref<Object> size = int_from_i64(static_cast<int64_t>(t.size));
    Ref<Object> nf = int_from_i64(static_cast<int64_t>(st->tracebacks[t.traceback].size()));
    if (!tb || !size || !nf) return nullptr;
    Ref<Object> item = tuple_pack({zero.get(), size.get(), tb.get(), nf.get()});
    if (!item || !list_append(out.get(), item.get())) return nullptr;
  }
  return out;
}

Ref<Object> tm_get_traces(Object*, Object* const*, size_t nargs, Tuple* kw) {
  if (!check_no_args("_get_traces", nargs, kw)) return nullptr;
  bool was = g_busy;
  g_busy = true;   // the result's own objects are not traced
  Ref<Object> r = tm_get_traces_impl();
  g_busy = was;
  return r;
}

Ref<Object> tm_get_object_traceback(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("_get_object_traceback", kw) || !check_nargs("_get_object_traceback", nargs, 1, 1))
    return nullptr;
  State* st = g_state;
  if (!st) return none();
  auto it = st->traces.find(args[0]);
  if (it == st->traces.end()) return none();
  bool was = g_busy;
  g_busy = true;
  Ref<Object> r = traceback_tuple(st->tracebacks[it->second.traceback]);
  g_busy = was;
  return r;
}

const MethodDef tracemalloc_functions[] = {
    {"start", tm_start},
    {"stop", tm_stop},
    {"is_tracing", tm_is_tracing},
    {"clear_traces", tm_clear_traces},
    {"get_traced_memory", tm_get_traced_memory},
    {"reset_peak", tm_reset_peak},
    {"get_tracemalloc_memory", tm_get_tracemalloc_memory},
    {"get_traceback_limit", tm_get_traceback_limit},
    {"_get_traces", tm_get_traces},
    {"_get_object_traceback", tm_get_object_traceback},
    {nullptr},
};

}  // namespace

Ref<Object> make__tracemalloc_module() {
  Ref<Object> m = module_new_builtin("_tracemalloc");
  if (!m || !module_add_functions(m.get(), tracemalloc_functions)) return nullptr;
  return m;
}

}  // namespace coil::runtime
