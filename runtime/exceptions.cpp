// exceptions.cpp — the built-in exception hierarchy.
//
// All 67 classes of COIL_EXCEPTIONS share one instance layout,
// BaseException (exceptions.h): args, the chaining fields and an instance
// __dict__.  Class-specific attributes (StopIteration.value, OSError.errno,
// SyntaxError.lineno ...) are set in that __dict__ by each class's
// __init__, so a single struct serves every class and a Python subclass of
// any of them needs no extra storage.
//
// The classes are static types (immutable from Python: `ValueError.x = 1`
// fails as in CPython) kept in a static array; exc::ValueError etc. point
// into it.  Instances are made either by calling the class (type_call:
// __new__ then __init__, honouring Python overrides) or, on the runtime's
// error paths, by new_exception(), which runs only the built-in __init__.
#include "runtime/exceptions.h"

#include <cerrno>
#include <cstring>
#include <cstdio>
#include <string>

#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/genericalias.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/names.h"
#include "runtime/singletons.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace coil::runtime {

namespace {
enum ExcIndex : int {
#define COIL_EXC_INDEX(name, base) kExc_##name,
  COIL_EXCEPTIONS(COIL_EXC_INDEX)
#undef COIL_EXC_INDEX
  kNumExceptions
};
constexpr int kExc_Object = -1;   // BaseException's base (object)
TypeObject g_exc_types[kNumExceptions];
}  // namespace

namespace exc {
#define COIL_DEFINE_EXC(name, base) TypeObject* name = &g_exc_types[kExc_##name];
COIL_EXCEPTIONS(COIL_DEFINE_EXC)
#undef COIL_DEFINE_EXC
}  // namespace exc

namespace {

inline BaseException* as_exc(Object* o) { return static_cast<BaseException*>(o); }
inline Tuple* exc_args(Object* o) { return static_cast<Tuple*>(as_exc(o)->args.get()); }

// Sets an attribute in the instance dict (the home of class-specific fields).
bool set_attr(Object* self, const char* name, Object* value) {
  Dict* d = instance_dict(self);
  return d && dict_set(d, intern(name), value ? value : None) == 0;
}

Object* get_attr(Object* self, const char* name) {
  Dict* d = as_exc(self)->dict;
  Object* v = d ? dict_get_str(d, intern(name)) : nullptr;
  return v ? v : None;
}

// ---- BaseException ------------------------------------------------------------------------

void exc_clear(Object* self) {
  BaseException* e = as_exc(self);
  Dict* d = e->dict;
  e->dict = nullptr;
  Ref<Object> a = std::move(e->args), n = std::move(e->notes), t = std::move(e->traceback),
              c = std::move(e->context), k = std::move(e->cause);
  if (d) decref(d);
}

void exc_dealloc(Object* self) {
  exc_clear(self);
  destroy_object(as_exc(self));
}

void exc_traverse(Object* self, VisitFn visit, void* arg) {
  BaseException* e = as_exc(self);
  if (e->dict) visit(e->dict, arg);
  for (Object* o : {e->args.get(), e->notes.get(), e->traceback.get(), e->context.get(), e->cause.get()})
    if (o) visit(o, arg);
}

Ref<Object> exc_new(TypeObject* type, Object* const* args, size_t nargs, Tuple*) {
  BaseException* e = alloc<BaseException>(type);
  if (!e) return nullptr;
  Ref<Object> r = Ref<Object>::steal(e);
  e->args = tuple_from_array(args, nargs);
  if (!e->args) return nullptr;
  return r;
}

int exc_init(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  if (kw && kw->size) {
    set_errorf(exc::TypeError, "%s() takes no keyword arguments", self->type->name);
    return -1;
  }
  Ref<Object> t = tuple_from_array(args, nargs);
  if (!t) return -1;
  as_exc(self)->args = std::move(t);
  return 0;
}

Ref<Object> exc_str(Object* self) {
  Tuple* a = exc_args(self);
  if (!a || a->size == 0) return str_from("");
  if (a->size == 1) return str(a->items[0]);
  return str(a);
}

Ref<Object> exc_repr(Object* self) {
  Tuple* a = exc_args(self);
  std::string out(type_name(self->type));
  std::string r;
  if (a && a->size == 1) {
    if (!repr_utf8(a->items[0], &r)) return nullptr;
    return str_from(out + "(" + r + ")");
  }
  if (!a || a->size == 0) return str_from(out + "()");
  if (!repr_utf8(a, &r)) return nullptr;
  return str_from(out + r);
}

Ref<Object> or_none(const Ref<Object>& r) { return r ? r : none(); }

Ref<Object> exc_get_args(Object* self) {
  return as_exc(self)->args ? as_exc(self)->args : Ref<Object>(empty_tuple());
}
int exc_set_args(Object* self, Object* v) {
  if (!v) {
    type_error("args may not be deleted");
    return -1;
  }
  Ref<Object> t = sequence_to_tuple(v);
  if (!t) return -1;
  as_exc(self)->args = std::move(t);
  return 0;
}
Ref<Object> exc_get_tb(Object* self) { return or_none(as_exc(self)->traceback); }
int exc_set_tb(Object* self, Object* v) {
  if (!v) {
    type_error("__traceback__ may not be deleted");
    return -1;
  }
  if (v != None && std::string_view(v->type->name) != "traceback") {
    type_error("__traceback__ must be a traceback or None");
    return -1;
  }
  as_exc(self)->traceback = v == None ? nullptr : Ref<Object>::borrow(v);
  return 0;
}
Ref<Object> exc_get_context(Object* self) { return or_none(as_exc(self)->context); }
int exc_set_context(Object* self, Object* v) {
  if (!v) {
    type_error("__context__ may not be deleted");
    return -1;
  }
  if (v != None && !exception_check(v)) {
    type_error("exception context must be None or derive from BaseException");
    return -1;
  }
  as_exc(self)->context = v == None ? nullptr : Ref<Object>::borrow(v);
  return 0;
}
Ref<Object> exc_get_cause(Object* self) { return or_none(as_exc(self)->cause); }
int exc_set_cause(Object* self, Object* v) {
  if (!v) {
    type_error("__cause__ may not be deleted");
    return -1;
  }
  if (v != None && !exception_check(v)) {
    type_error("exception cause must be None or derive from BaseException");
    return -1;
  }
  as_exc(self)->cause = v == None ? nullptr : Ref<Object>::borrow(v);
  as_exc(self)->suppress_context = true;
  return 0;
}
Ref<Object> exc_get_suppress(Object* self) { return new_bool(as_exc(self)->suppress_context); }
int exc_set_suppress(Object* self, Object* v) {
  if (!v) {
    type_error("can't delete __suppress_context__ attribute");
    return -1;
  }
  int t = is_true(v);
  if (t < 0) return -1;
  as_exc(self)->suppress_context = t;
  return 0;
}
Ref<Object> exc_get_dict(Object* self) {
  Dict* d = instance_dict(self);
  if (!d) return nullptr;
  return Ref<Object>::borrow(d);
}

const GetSetDef exc_getset[] = {
    {"__dict__", exc_get_dict},
    {"args", exc_get_args, exc_set_args},
    {"__traceback__", exc_get_tb, exc_set_tb},
    {"__context__", exc_get_context, exc_set_context, "exception context"},
    {"__cause__", exc_get_cause, exc_set_cause, "exception cause"},
    {"__suppress_context__", exc_get_suppress, exc_set_suppress},
    {nullptr, nullptr},
};

Ref<Object> exc_with_traceback(Object* self, Object* const* a, size_t n, Tuple* kw) {
  if (!check_no_kwargs("with_traceback", kw) || !check_nargs("with_traceback", n, 1, 1)) return nullptr;
  if (exc_set_tb(self, a[0]) < 0) return nullptr;
  return Ref<Object>::borrow(self);
}

Ref<Object> exc_add_note(Object* self, Object* const* a, size_t n, Tuple* kw) {
  if (!check_no_kwargs("add_note", kw) || !check_nargs("add_note", n, 1, 1)) return nullptr;
  if (!str_check(a[0])) return set_errorf(exc::TypeError, "note must be a str, not '%T'", a[0]);
  Dict* d = instance_dict(self);
  if (!d) return nullptr;
  Object* notes = dict_get_str(d, names::__notes__);
  Ref<Object> created;
  if (!notes) {
    created = list_new();
    if (!created || dict_set(d, names::__notes__, created.get()) < 0) return nullptr;
    notes = created.get();
  }
  if (!list_check(notes)) return type_error("Cannot add note: __notes__ is not a list");
  if (!list_append(static_cast<List*>(notes), a[0])) return nullptr;
  as_exc(self)->notes = Ref<Object>::borrow(notes);
  return none();
}

Ref<Object> exc_reduce(Object* self, Object* const*, size_t, Tuple*) {
  BaseException* e = as_exc(self);
  Ref<Object> args = exc_get_args(self);
  if (e->dict && dict_size(e->dict))
    return tuple_pack({self->type, args.get(), e->dict});
  return tuple_pack({self->type, args.get()});
}

Ref<Object> exc_setstate(Object* self, Object* const* a, size_t n, Tuple* kw) {
  if (!check_no_kwargs("__setstate__", kw) || !check_nargs("__setstate__", n, 1, 1)) return nullptr;
  if (a[0] == None) return none();
  if (!dict_check(a[0])) return type_error("state is not a dictionary");
  size_t pos = 0;
  Object *k, *v;
  while (dict_next(static_cast<Dict*>(a[0]), &pos, &k, &v)) {
    if (!str_check(k)) return type_error("attribute name must be string");
    if (setattr(self, static_cast<Str*>(k), v) < 0) return nullptr;
  }
  return none();
}

const MethodDef exc_methods[] = {
    {"with_traceback", exc_with_traceback, MethodKind::Instance,
     "Exception.with_traceback(tb) --\n    set self.__traceback__ to tb and return self."},
    {"add_note", exc_add_note, MethodKind::Instance,
     "Exception.add_note(note) --\n    add a note to the exception"},
    {"__reduce__", exc_reduce},
    {"__setstate__", exc_setstate},
    {nullptr, nullptr},
};

// ---- per-class __init__ / __str__ ----------------------------------------------------------------

int stopiteration_init(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  if (exc_init(self, args, nargs, kw) < 0) return -1;
  return set_attr(self, "value", nargs ? args[0] : None) ? 0 : -1;
}

int systemexit_init(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  if (exc_init(self, args, nargs, kw) < 0) return -1;
  Object* code = nargs == 0 ? None : nargs == 1 ? args[0] : as_exc(self)->args.get();
  return set_attr(self, "code", code) ? 0 : -1;
}

Ref<Object> keyerror_str(Object* self) {
  Tuple* a = exc_args(self);
  if (a && a->size == 1) return repr(a->items[0]);
  return exc_str(self);
}

// ImportError(*args, name=None, path=None); AttributeError(*args, name=None,
// obj=None); NameError(*args, name=None): keyword-only extras.
int init_with_keywords(Object* self, Object* const* args, size_t nargs, Tuple* kw,
                       std::initializer_list<const char*> allowed) {
  size_t nkw = kw ? kw->size : 0;
  if (exc_init(self, args, nargs, nullptr) < 0) return -1;
  for (const char* n : allowed)
    if (!set_attr(self, n, None)) return -1;
  for (size_t i = 0; i < nkw; i++) {
    std::string_view k = str_view(kw->items[i]);
    bool ok = false;
    for (const char* n : allowed) ok = ok || k == n;
    if (!ok) {
      set_errorf(exc::TypeError, "'%U' is an invalid keyword argument for %s()", kw->items[i],
                 self->type->name);
      return -1;
    }
    if (!set_attr(self, std::string(k).c_str(), args[nargs + i])) return -1;
  }
  return 0;
}

int importerror_init(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  if (init_with_keywords(self, args, nargs, kw, {"name", "path"}) < 0) return -1;
  return set_attr(self, "msg", nargs == 1 ? args[0] : None) ? 0 : -1;
}

Ref<Object> importerror_str(Object* self) {
  Object* msg = get_attr(self, "msg");
  if (msg != None) return str(msg);
  return exc_str(self);
}

int attributeerror_init(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  return init_with_keywords(self, args, nargs, kw, {"name", "obj"});
}

int nameerror_init(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  return init_with_keywords(self, args, nargs, kw, {"name"});
}

// ---- OSError -------------------------------------------------------------------------------------

TypeObject* errno_subclass(int64_t e) {
  switch (e) {
    case EAGAIN: case EALREADY: case EINPROGRESS: return exc::BlockingIOError;
#if EWOULDBLOCK != EAGAIN
    case EWOULDBLOCK: return exc::BlockingIOError;
#endif
    case ECHILD: return exc::ChildProcessError;
    case EPIPE: case ESHUTDOWN: return exc::BrokenPipeError;
    case ECONNABORTED: return exc::ConnectionAbortedError;
    case ECONNREFUSED: return exc::ConnectionRefusedError;
    case ECONNRESET: return exc::ConnectionResetError;
    case EEXIST: return exc::FileExistsError;
    case ENOENT: return exc::FileNotFoundError;
    case EISDIR: return exc::IsADirectoryError;
    case ENOTDIR: return exc::NotADirectoryError;
    case EINTR: return exc::InterruptedError;
    case EACCES: case EPERM: return exc::PermissionError;
    case ESRCH: return exc::ProcessLookupError;
    case ETIMEDOUT: return exc::TimeoutError;
    default: return nullptr;
  }
}

Ref<Object> oserror_new(TypeObject* type, Object* const* args, size_t nargs, Tuple* kw) {
  // OSError(errno, ...) picks the subclass for the errno (PEP 3151).
  if (type == exc::OSError && nargs >= 2 && int_check(args[0])) {
    int64_t e;
    if (int_fits_i64(args[0], &e)) {
      TypeObject* sub = errno_subclass(e);
      if (sub) type = sub;
    }
  }
  return exc_new(type, args, nargs, kw);
}

int oserror_init(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  if (exc_init(self, args, nargs, kw) < 0) return -1;
  Object* none_v = None;
  Object* err = none_v, *strerror = none_v, *filename = none_v, *filename2 = none_v;
  if (nargs >= 2 && nargs <= 5) {
    err = args[0];
    strerror = args[1];
    if (nargs >= 3) filename = args[2];
    if (nargs >= 5) filename2 = args[4];
    // With a filename, args keeps only (errno, strerror), as CPython.
    if (nargs >= 3) {
      Ref<Object> t = tuple_from_array(args, 2);
      if (!t) return -1;
      as_exc(self)->args = std::move(t);
    }
  }
  if (!set_attr(self, "errno", err) || !set_attr(self, "strerror", strerror) ||
      !set_attr(self, "filename", filename) || !set_attr(self, "filename2", filename2))
    return -1;
  return 0;
}

Ref<Object> oserror_str(Object* self) {
  Object* err = get_attr(self, "errno");
  Object* strerror = get_attr(self, "strerror");
  Object* filename = get_attr(self, "filename");
  Object* filename2 = get_attr(self, "filename2");
  std::string e, s, f, f2;
  if (filename != None) {
    if (!str_utf8(err, &e) || !str_utf8(strerror, &s) || !repr_utf8(filename, &f)) return nullptr;
    if (filename2 != None) {
      if (!repr_utf8(filename2, &f2)) return nullptr;
      return str_from("[Errno " + e + "] " + s + ": " + f + " -> " + f2);
    }
    return str_from("[Errno " + e + "] " + s + ": " + f);
  }
  if (err != None && strerror != None) {
    if (!str_utf8(err, &e) || !str_utf8(strerror, &s)) return nullptr;
    return str_from("[Errno " + e + "] " + s);
  }
  return exc_str(self);
}

// ---- SyntaxError ---------------------------------------------------------------------------------

int syntaxerror_init(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  if (exc_init(self, args, nargs, kw) < 0) return -1;
  static const char* const fields[] = {"filename", "lineno", "offset", "text", "end_lineno", "end_offset"};
  if (!set_attr(self, "msg", nargs >= 1 ? args[0] : None) ||
      !set_attr(self, "print_file_and_line", None))
    return -1;
  for (const char* f : fields)
    if (!set_attr(self, f, None)) return -1;
  if (nargs == 2) {
    Ref<Object> info = sequence_to_tuple(args[1]);
    if (!info) return -1;
    Tuple* t = static_cast<Tuple*>(info.get());
    if (t->size < 4 || t->size > 6) {
      type_error("function takes at least 4 arguments and at most 6 arguments");
      return -1;
    }
    for (size_t i = 0; i < t->size; i++)
      if (!set_attr(self, fields[i], t->items[i])) return -1;
  }
  return 0;
}

Ref<Object> syntaxerror_str(Object* self) {
  Object* msg = get_attr(self, "msg");
  Object* filename = get_attr(self, "filename");
  Object* lineno = get_attr(self, "lineno");
  std::string m;
  if (!str_utf8(msg == None && exc_args(self)->size == 0 ? static_cast<Object*>(None) : msg, &m)) return nullptr;
  bool have_file = filename != None && str_check(filename);
  bool have_line = lineno != None && int_check(lineno);
  std::string base;
  if (have_file) {
    // Only the last path component, as CPython's my_basename().
    std::string_view f = str_view(filename);
    size_t slash = f.rfind('/');
    base = std::string(slash == std::string_view::npos ? f : f.substr(slash + 1));
  }
  if (have_file && have_line)
    return str_from(m + " (" + base + ", line " + int_to_decimal(lineno) + ")");
  if (have_file) return str_from(m + " (" + base + ")");
  if (have_line) return str_from(m + " (line " + int_to_decimal(lineno) + ")");
  return str_from(m);
}

// ---- Unicode errors ------------------------------------------------------------------------------

int unicode_error_init(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  if (exc_init(self, args, nargs, kw) < 0) return -1;
  if (self->type == exc::UnicodeError || !is_instance_of(self, exc::UnicodeError)) return 0;
  bool translate = is_instance_of(self, exc::UnicodeTranslateError);
  size_t want = translate ? 4 : 5;
  if (nargs != want) {
    set_errorf(exc::TypeError, "function takes exactly %zu arguments (%zu given)", want, nargs);
    return -1;
  }
  size_t i = 0;
  if (!translate && !set_attr(self, "encoding", args[i++])) return -1;
  if (!set_attr(self, "object", args[i++]) || !set_attr(self, "start", args[i++]) ||
      !set_attr(self, "end", args[i++]) || !set_attr(self, "reason", args[i++]))
    return -1;
  if (translate && !set_attr(self, "encoding", None)) return -1;
  return 0;
}

std::string char_escape(int64_t cp) {
  char buf[16];
  if (cp < 0x100) std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(cp));
  else if (cp < 0x10000) std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(cp));
  else std::snprintf(buf, sizeof buf, "\\U%08x", static_cast<unsigned>(cp));
  return buf;
}

Ref<Object> unicode_error_str(Object* self) {
  if (!is_instance_of(self, exc::UnicodeDecodeError) && !is_instance_of(self, exc::UnicodeEncodeError) &&
      !is_instance_of(self, exc::UnicodeTranslateError))
    return exc_str(self);
  Object* obj = get_attr(self, "object");
  int64_t start, end;
  if (obj == None || !int_fits_i64(get_attr(self, "start"), &start) ||
      !int_fits_i64(get_attr(self, "end"), &end))
    return str_from("");
  std::string reason, enc;
  if (!str_utf8(get_attr(self, "reason"), &reason)) return nullptr;
  bool decode = is_instance_of(self, exc::UnicodeDecodeError);
  bool translate = is_instance_of(self, exc::UnicodeTranslateError);
  if (!translate && !str_utf8(get_attr(self, "encoding"), &enc)) return nullptr;
  std::string head = translate ? "can't translate" : "'" + enc + "' codec can't " + (decode ? "decode" : "encode");
  Ref<Object> idx = int_from_i64(start);
  if (!idx) return nullptr;
  Ref<Object> item = getitem(obj, idx.get());
  if (!item) return nullptr;
  if (end - start == 1) {
    if (decode) {
      int64_t b = 0;
      int_fits_i64(item.get(), &b);
      char buf[8];
      std::snprintf(buf, sizeof buf, "0x%02x", static_cast<unsigned>(b));
      return str_from(head + " byte " + buf + " in position " + std::to_string(start) + ": " + reason);
    }
    // The single character, escaped as CPython does.
    std::string_view ch = str_view(item.get());
    int64_t cp = static_cast<unsigned char>(ch[0]);
    if (cp >= 0x80) {
      int extra = cp >= 0xF0 ? 3 : cp >= 0xE0 ? 2 : 1;
      cp &= 0x3F >> extra;
      for (int k = 1; k <= extra && k < static_cast<int>(ch.size()); k++) cp = (cp << 6) | (ch[k] & 0x3F);
    }
    return str_from(head + " character '" + char_escape(cp) + "' in position " +
                    std::to_string(start) + ": " + reason);
  }
  return str_from(head + (decode ? " bytes" : " characters") + " in position " +
                  std::to_string(start) + "-" + std::to_string(end - 1) + ": " + reason);
}

// ---- exception groups ----------------------------------------------------------------------------

// __new__ validates (message, exceptions) and ignores keywords; __init__
// rejects them — so a subclass whose own __init__ takes keywords works.
Ref<Object> eg_new(TypeObject* type, Object* const* args, size_t nargs, Tuple*) {
  if (nargs != 2)
    return set_errorf(exc::TypeError, "BaseExceptionGroup.__new__() takes exactly 2 arguments (%zu given)", nargs);
  if (!str_check(args[0]))
    return set_errorf(exc::TypeError, "BaseExceptionGroup.__new__() argument 1 must be str, not %T", args[0]);
  Object* seq = args[1];
  if (!type_lookup(seq->type, names::__getitem__) || !seq->type->sq_length || dict_check(seq))
    return type_error("second argument (exceptions) must be a sequence");
  Ref<Object> excs = sequence_to_tuple(seq);
  if (!excs) return nullptr;
  Tuple* t = static_cast<Tuple*>(excs.get());
  if (t->size == 0) return value_error("second argument (exceptions) must be a non-empty sequence");
  bool all_exceptions = true;
  for (size_t i = 0; i < t->size; i++) {
    if (!exception_check(t->items[i]))
      return set_errorf(exc::ValueError, "Item %zu of second argument (exceptions) is not an exception", i);
    all_exceptions = all_exceptions && is_instance_of(t->items[i], exc::Exception);
  }
  if (type == exc::BaseExceptionGroup) {
    if (all_exceptions) type = exc::ExceptionGroup;
  } else if (type == exc::ExceptionGroup) {
    if (!all_exceptions) return type_error("Cannot nest BaseExceptions in an ExceptionGroup");
  } else if (!all_exceptions && is_subtype(type, exc::Exception)) {
    return set_errorf(exc::TypeError, "Cannot nest BaseExceptions in '%s'", type->name);
  }
  Ref<Object> self = exc_new(type, args, nargs, nullptr);
  if (!self) return nullptr;
  if (!set_attr(self.get(), "message", args[0]) || !set_attr(self.get(), "exceptions", excs.get()))
    return nullptr;
  return self;
}

int eg_init(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  if (kw && kw->size) {
    set_errorf(exc::TypeError, "%s() takes no keyword arguments", self->type->name);
    return -1;
  }
  Ref<Object> t = tuple_from_array(args, nargs);
  if (!t) return -1;
  as_exc(self)->args = std::move(t);
  return 0;
}

Ref<Object> eg_str(Object* self) {
  std::string msg;
  if (!str_utf8(get_attr(self, "message"), &msg)) return nullptr;
  Object* excs = get_attr(self, "exceptions");
  size_t n = tuple_check(excs) ? static_cast<Tuple*>(excs)->size : 0;
  return str_from(msg + " (" + std::to_string(n) + " sub-exception" + (n == 1 ? "" : "s") + ")");
}

Ref<Object> eg_derive(Object* self, Object* const* a, size_t n, Tuple* kw) {
  if (!check_no_kwargs("derive", kw) || !check_nargs("derive", n, 1, 1)) return nullptr;
  Object* args[2] = {get_attr(self, "message"), a[0]};
  return call(exc::BaseExceptionGroup, args, 2);
}

// Does `e` match the split condition (a type, a tuple of types, or a predicate)?
int eg_matches(Object* e, Object* cond) {
  if (type_check(cond) || tuple_check(cond)) {
    int r;
    if (!isinstance(e, cond, &r)) return -1;
    return r;
  }
  Ref<Object> r = call1(cond, e);
  if (!r) return -1;
  return is_true(r.get());
}

bool eg_check_condition(Object* cond) {
  if (type_check(cond) && exception_class_check(cond)) return true;
  if (tuple_check(cond)) {
    Tuple* t = static_cast<Tuple*>(cond);
    for (size_t i = 0; i < t->size; i++)
      if (!type_check(t->items[i]) || !exception_class_check(t->items[i])) goto bad;
    return true;
  }
  if (is_callable(cond) && !type_check(cond)) return true;
bad:
  type_error("expected a function, exception type or tuple of exception types");
  return false;
}

// Copies __traceback__, __cause__, __context__ and __notes__ onto a derived group.
bool eg_copy_metadata(Object* from, Object* to) {
  BaseException* f = as_exc(from);
  BaseException* t = as_exc(to);
  t->traceback = f->traceback;
  t->cause = f->cause;
  t->context = f->context;
  t->suppress_context = f->suppress_context;
  if (f->dict) {
    Object* notes = dict_get_str(f->dict, names::__notes__);
    if (notes && !set_attr(to, "__notes__", notes)) return false;
  }
  return true;
}

// Splits `self` by `cond` into (match, rest); either may be null (None).
bool eg_split_impl(Object* self, Object* cond, bool want_rest, Ref<Object>* match, Ref<Object>* rest) {
  int m = eg_matches(self, cond);
  if (m < 0) return false;
  if (m) {
    *match = Ref<Object>::borrow(self);
    return true;
  }
  if (!is_instance_of(self, exc::BaseExceptionGroup)) {
    if (want_rest) *rest = Ref<Object>::borrow(self);
    return true;
  }
  Object* excs = get_attr(self, "exceptions");
  Ref<List> ml = list_new(), rl = list_new();
  if (!ml || !rl) return false;
  Tuple* t = static_cast<Tuple*>(excs);
  for (size_t i = 0; i < t->size; i++) {
    Ref<Object> sm, sr;
    if (!eg_split_impl(t->items[i], cond, want_rest, &sm, &sr)) return false;
    if (sm && !list_append(ml.get(), sm.get())) return false;
    if (sr && !list_append(rl.get(), sr.get())) return false;
  }
  auto derive = [&](List* l, Ref<Object>* out) -> bool {
    if (l->size == 0) return true;
    Ref<Object> g = call_method(self, intern("derive"), reinterpret_cast<Object* const*>(&l), 1);
    if (!g) return false;
    if (!exception_check(g.get())) {
      type_error("derive must return an instance of BaseExceptionGroup");
      return false;
    }
    if (!eg_copy_metadata(self, g.get())) return false;
    *out = std::move(g);
    return true;
  };
  if (!derive(ml.get(), match)) return false;
  if (want_rest && !derive(rl.get(), rest)) return false;
  return true;
}

Ref<Object> eg_split(Object* self, Object* const* a, size_t n, Tuple* kw) {
  if (!check_no_kwargs("split", kw) || !check_nargs("split", n, 1, 1)) return nullptr;
  if (!eg_check_condition(a[0])) return nullptr;
  Ref<Object> m, r;
  if (!eg_split_impl(self, a[0], true, &m, &r)) return nullptr;
  return tuple_pack({m ? m.get() : None, r ? r.get() : None});
}

Ref<Object> eg_subgroup(Object* self, Object* const* a, size_t n, Tuple* kw) {
  if (!check_no_kwargs("subgroup", kw) || !check_nargs("subgroup", n, 1, 1)) return nullptr;
  if (!eg_check_condition(a[0])) return nullptr;
  Ref<Object> m, r;
  if (!eg_split_impl(self, a[0], false, &m, &r)) return nullptr;
  return m ? m : none();
}

Ref<Object> eg_class_getitem(Object* self, Object* const* a, size_t n, Tuple* kw) {
  return generic_alias_class_getitem(self, a, n, kw);   // ExceptionGroup[ValueError]
}

const MethodDef eg_methods[] = {
    {"derive", eg_derive},
    {"split", eg_split},
    {"subgroup", eg_subgroup},
    {"__class_getitem__", eg_class_getitem, MethodKind::Class},
    {nullptr, nullptr},
};

// ---- docs --------------------------------------------------------------------------------------

const char* exc_doc(int i) {
  switch (i) {
    case kExc_BaseException: return "Common base class for all exceptions";
    case kExc_Exception: return "Common base class for all non-exit exceptions.";
    case kExc_ValueError: return "Inappropriate argument value (of correct type).";
    case kExc_TypeError: return "Inappropriate argument type.";
    case kExc_KeyError: return "Mapping key not found.";
    case kExc_IndexError: return "Sequence index out of range.";
    case kExc_AttributeError: return "Attribute not found.";
    case kExc_NameError: return "Name not found globally.";
    case kExc_RuntimeError: return "Unspecified run-time error.";
    case kExc_StopIteration: return "Signal the end from iterator.__next__().";
    case kExc_ZeroDivisionError: return "Second argument to a division or modulo operation was zero.";
    case kExc_OSError: return "Base class for I/O related errors.";
    case kExc_AssertionError: return "Assertion failed.";
    case kExc_ImportError: return "Import can't find module, or can't find name in module.";
    case kExc_NotImplementedError: return "Method or function hasn't been implemented yet.";
    case kExc_RecursionError: return "Recursion limit exceeded.";
    case kExc_OverflowError: return "Result too large to be represented.";
    case kExc_LookupError: return "Base class for lookup errors.";
    case kExc_ArithmeticError: return "Base class for arithmetic errors.";
    case kExc_KeyboardInterrupt: return "Program interrupted by user.";
    case kExc_SystemExit: return "Request to exit from the interpreter.";
    case kExc_GeneratorExit: return "Request that a generator exit.";
    case kExc_MemoryError: return "Out of memory.";
    case kExc_UnboundLocalError: return "Local name referenced but not bound to a value.";
    default: return nullptr;
  }
}

}  // namespace

// ---- public helpers --------------------------------------------------------------------------------

bool exception_check(const Object* o) { return type_has(o->type, kBaseExcSubclass); }

bool exception_class_check(const Object* o) {
  return type_check(o) && type_has(static_cast<const TypeObject*>(o), kBaseExcSubclass);
}

namespace {

// The built-in __init__ of `type` (skipping Python overrides).
InitFn static_init(TypeObject* type) {
  TypeObject* t = type;
  while (t && (t->flags & kHeapType)) t = t->base;
  return t && t->init ? t->init : exc_init;
}

}  // namespace

Ref<Object> new_exception_args(TypeObject* type, Ref<Object> args_tuple) {
  Tuple* t = static_cast<Tuple*>(args_tuple.get());
  Object* const* items = t ? t->items : nullptr;
  size_t n = t ? t->size : 0;
  // Exception groups validate in __new__; everything else uses exc_new.
  TypeObject* st = type;
  while (st && (st->flags & kHeapType)) st = st->base;
  Ref<Object> e = (st && st->new_ && st->new_ != exc_new) ? st->new_(type, items, n, nullptr)
                                                           : exc_new(type, items, n, nullptr);
  if (!e) return nullptr;
  if (static_init(type)(e.get(), items, n, nullptr) < 0) return nullptr;
  return e;
}

Ref<Object> new_exception(TypeObject* type, std::string_view msg) {
  if (msg.empty()) return new_exception_args(type, empty_tuple());
  Ref<Str> s = str_from(msg);
  if (!s) return nullptr;
  return new_exception_args(type, tuple_pack({s.get()}));
}

void init_exception_types() {
  static const char* const kNames[] = {
#define COIL_EXC_NAME(name, base) #name,
      COIL_EXCEPTIONS(COIL_EXC_NAME)
#undef COIL_EXC_NAME
  };
  static const int kBases[] = {
#define COIL_EXC_BASE(name, base) kExc_##base,
      COIL_EXCEPTIONS(COIL_EXC_BASE)
#undef COIL_EXC_BASE
  };
  BaseException probe;
  const int64_t dict_off = reinterpret_cast<char*>(&probe.dict) - reinterpret_cast<char*>(&probe);
  for (int i = 0; i < kNumExceptions; i++) {
    TypeObject* t = &g_exc_types[i];
    t->name = kNames[i];
    t->doc = exc_doc(i);
    t->flags = kBaseType | kHaveGC | kBaseExcSubclass;
    t->basic_size = sizeof(BaseException);
    if (i == kExc_BaseException) {
      t->base = &ObjectType;
      t->dict_offset = dict_off;
      t->dealloc = exc_dealloc;
      t->traverse = exc_traverse;
      t->clear = exc_clear;
      t->new_ = exc_new;
      t->init = exc_init;
      t->repr = exc_repr;
      t->str = exc_str;
      t->getattr = generic_getattr;
      t->setattr = generic_setattr;
      t->methods = exc_methods;
      t->getset = exc_getset;
    } else {
      t->base = &g_exc_types[kBases[i]];
    }
  }
  exc::StopIteration->init = stopiteration_init;
  exc::SystemExit->init = systemexit_init;
  exc::KeyError->str = keyerror_str;
  exc::ImportError->init = importerror_init;
  exc::ImportError->str = importerror_str;
  exc::AttributeError->init = attributeerror_init;
  exc::NameError->init = nameerror_init;
  exc::OSError->new_ = oserror_new;
  exc::OSError->init = oserror_init;
  exc::OSError->str = oserror_str;
  exc::SyntaxError->init = syntaxerror_init;
  exc::SyntaxError->str = syntaxerror_str;
  exc::UnicodeError->init = unicode_error_init;
  exc::UnicodeError->str = unicode_error_str;
  exc::BaseExceptionGroup->new_ = eg_new;
  exc::BaseExceptionGroup->init = eg_init;
  exc::BaseExceptionGroup->str = eg_str;
  exc::BaseExceptionGroup->methods = eg_methods;
  // ExceptionGroup(BaseExceptionGroup, Exception)
  exc::ExceptionGroup->bases = tuple_pack({exc::BaseExceptionGroup, exc::Exception});
  for (int i = 0; i < kNumExceptions; i++) type_ready(&g_exc_types[i]);
}

Ref<Object> set_os_error(int err, Object* filename, Object* filename2) {
  if (err == EINTR && error_occurred()) return nullptr;
  Ref<Object> code = int_from_i64(err);
  Ref<Object> msg = str_from(std::strerror(err));
  if (!code || !msg) return nullptr;
  Object* args[5] = {code.get(), msg.get(), filename, None, filename2};
  size_t n = filename2 ? 5 : filename ? 3 : 2;
  Ref<Object> e = call(exc::OSError, args, n);
  if (!e) return nullptr;
  return set_error_object(e.get());
}

}  // namespace coil::runtime
