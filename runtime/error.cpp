// error.cpp — setting, inspecting and clearing the pending exception.
//
// The pending exception is a field of the running thread's ThreadState
// (vm/threadstate.h).  Setting one builds an exception *instance* at once
// (CPython 3.12 style) rather than a (type, value) pair, so there is only
// one representation to pass around; the small cost of building the
// instance is paid only on the error path.
//
// set_errorf() understands the printf conversions used in messages plus
// the object conversions %R (repr), %S (str), %T (the type's __name__) and
// %U (a Str*).  Precision (%.50s, %.200R) truncates to that many bytes as
// CPython's PyUnicode_FromFormat does.
#include "runtime/error.h"

#include <cinttypes>
#include <cstdarg>
#include <cstdio>
#include <cstring>

#include "runtime/abstract.h"
#include "runtime/exceptions.h"
#include "runtime/str.h"
#include "runtime/type.h"
#include "vm/threadstate.h"

namespace coil::runtime {

namespace {

vm::ThreadState* tstate() { return vm::current_thread_state(); }

void append_limited(std::string* out, std::string_view text, long precision) {
  if (precision >= 0 && text.size() > static_cast<size_t>(precision)) {
    // Cut at a UTF-8 character boundary so the message stays valid text.
    size_t n = static_cast<size_t>(precision);
    while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) n--;
    text = text.substr(0, n);
  }
  out->append(text);
}

// The formatter behind set_errorf / format_message.  Returns false when an
// object conversion (%R/%S) raised; that exception is then pending.
bool vformat(std::string* out, const char* fmt, va_list ap) {
  for (const char* p = fmt; *p; p++) {
    if (*p != '%') { out->push_back(*p); continue; }
    p++;
    if (*p == '%') { out->push_back('%'); continue; }
    // Flags and width are rare in messages; keep them for numbers.
    std::string spec = "%";
    while (*p == '-' || *p == '0' || *p == '+' || *p == ' ' || *p == '#') spec += *p++;
    while (*p >= '0' && *p <= '9') spec += *p++;
    long precision = -1;
    if (*p == '.') {
      p++;
      precision = 0;
      while (*p >= '0' && *p <= '9') precision = precision * 10 + (*p++ - '0');
    }
    int longs = 0;
    bool size_t_mod = false;
    while (*p == 'l') { longs++; p++; }
    if (*p == 'z') { size_t_mod = true; p++; }
    char buf[64];
    switch (*p) {
      case 'd': case 'i': {
        long long v = size_t_mod ? static_cast<long long>(va_arg(ap, ptrdiff_t))
                      : longs == 2 ? va_arg(ap, long long)
                      : longs == 1 ? va_arg(ap, long) : va_arg(ap, int);
        std::snprintf(buf, sizeof buf, (spec + "lld").c_str(), v);
        out->append(buf);
        break;
      }
      case 'u': case 'x': case 'X': {
        unsigned long long v = size_t_mod ? va_arg(ap, size_t)
                               : longs == 2 ? va_arg(ap, unsigned long long)
                               : longs == 1 ? va_arg(ap, unsigned long) : va_arg(ap, unsigned);
        std::snprintf(buf, sizeof buf, (spec + "ll" + *p).c_str(), v);
        out->append(buf);
        break;
      }
      case 'c': out->push_back(static_cast<char>(va_arg(ap, int))); break;
      case 'p': {
        std::snprintf(buf, sizeof buf, "%p", va_arg(ap, void*));
        out->append(buf);
        break;
      }
      case 's': {
        const char* s = va_arg(ap, const char*);
        append_limited(out, s ? s : "(null)", precision);
        break;
      }
      case 'U': {
        Object* s = va_arg(ap, Object*);
        append_limited(out, s ? str_view(s) : "(null)", precision);
        break;
      }
      case 'T': {
        Object* o = va_arg(ap, Object*);
        append_limited(out, type_name(o->type), precision);
        break;
      }
      case 'R': case 'S': {
        Object* o = va_arg(ap, Object*);
        std::string text;
        if (!(*p == 'R' ? repr_utf8(o, &text) : str_utf8(o, &text))) return false;
        append_limited(out, text, precision);
        break;
      }
      default:
        // Unknown conversion: copy it literally so the bug is visible.
        out->append(spec);
        if (*p) out->push_back(*p); else p--;
        break;
    }
  }
  return true;
}

void default_traceback_printer(Object* exc) {
  std::string text;
  std::string_view tname = type_name(exc->type);
  Ref<Object> s = str(exc);
  if (s) text = str_view(s.get());
  else clear_error();
  if (text.empty()) std::fprintf(stderr, "%.*s\n", static_cast<int>(tname.size()), tname.data());
  else std::fprintf(stderr, "%.*s: %s\n", static_cast<int>(tname.size()), tname.data(), text.c_str());
}

TracebackPrinter g_printer = default_traceback_printer;
void (*g_flush_output)() = nullptr;

}  // namespace

void set_output_flusher(void (*flush)()) { g_flush_output = flush; }

void set_traceback_printer(TracebackPrinter printer) {
  g_printer = printer ? printer : default_traceback_printer;
}

Ref<Object> set_error(TypeObject* type, std::string_view msg) {
  Ref<Object> e = new_exception(type, msg);
  if (e) tstate()->pending = std::move(e);
  return nullptr;
}

Ref<Object> set_error_object(Object* exc) {
  Ref<Object> inst;
  if (type_check(exc)) {
    if (!exception_class_check(exc))
      return type_error("exceptions must derive from BaseException");
    inst = call0(exc);
    if (!inst) return nullptr;
    if (!exception_check(inst.get())) {
      return set_errorf(exc::TypeError,
                        "calling %R should have returned an instance of BaseException, not %T",
                        exc, inst.get());
    }
  } else {
    if (!exception_check(exc)) return type_error("exceptions must derive from BaseException");
    inst = Ref<Object>::borrow(exc);
  }
  tstate()->pending = std::move(inst);
  return nullptr;
}

Ref<Object> set_errorf(TypeObject* type, const char* fmt, ...) {
  std::string msg;
  va_list ap;
  va_start(ap, fmt);
  bool ok = vformat(&msg, fmt, ap);
  va_end(ap);
  if (!ok) return nullptr;   // a %R/%S conversion raised; keep that error
  return set_error(type, msg);
}

std::string format_message(const char* fmt, ...) {
  std::string msg;
  va_list ap;
  va_start(ap, fmt);
  bool ok = vformat(&msg, fmt, ap);
  va_end(ap);
  if (!ok) clear_error();
  return msg;
}

bool error_occurred() {
  vm::ThreadState* ts = tstate();
  return ts && ts->pending;
}

bool error_matches(TypeObject* type) {
  vm::ThreadState* ts = tstate();
  return ts && ts->pending && is_instance_of(ts->pending.get(), type);
}

Ref<Object> fetch_error() {
  vm::ThreadState* ts = tstate();
  if (!ts) return nullptr;
  return std::move(ts->pending);
}

void restore_error(Ref<Object> exc) { tstate()->pending = std::move(exc); }

void clear_error() {
  vm::ThreadState* ts = tstate();
  if (ts) ts->pending.reset();
}

namespace {
// A MemoryError made at start-up, raised when allocating a fresh one
// fails too (CPython keeps a small free list of them for the same reason).
Ref<Object> g_memory_error_reserve;
}  // namespace

void reserve_memory_error() {
  if (!g_memory_error_reserve) g_memory_error_reserve = new_exception(exc::MemoryError, "");
}

Ref<Object> no_memory_error() {
  Ref<Object> e = new_exception(exc::MemoryError, "");
  if (!e && g_memory_error_reserve) {
    e = g_memory_error_reserve;
    auto* be = static_cast<BaseException*>(e.get());
    be->traceback.reset();   // left from its last flight
    be->context.reset();
    be->cause.reset();
  }
  vm::ThreadState* ts = tstate();
  if (ts) ts->pending = std::move(e);
  return nullptr;
}

Ref<Object> type_error(std::string_view msg) { return set_error(exc::TypeError, msg); }
Ref<Object> value_error(std::string_view msg) { return set_error(exc::ValueError, msg); }

void write_unraisable(Object* obj) {
  Ref<Object> e = fetch_error();
  if (!e) return;
  if (g_flush_output) g_flush_output();
  if (obj) {
    std::string r;
    if (!repr_utf8(obj, &r)) {
      clear_error();
      r = "<object repr() failed>";
    }
    std::fprintf(stderr, "Exception ignored in: %s\n", r.c_str());
  }
  g_printer(e.get());
  clear_error();
}

}  // namespace coil::runtime
