// builtins.cpp — the native functions of the `builtins` module.
//
// Every function here has the MethodFn shape (self, args, nargs, kwnames)
// and is listed once in `builtin_functions` at the bottom; add_builtins()
// turns the table into builtin function objects and adds the types,
// exception classes and constants next to them.
//
// ARGUMENT PARSING.  The hot builtins (len, isinstance, abs, ...) are
// CPython's METH_O / positional-only functions: they check the count and
// nothing else, with exactly CPython's wording ("len() takes exactly one
// argument (0 given)" for METH_O, "isinstance expected 2 arguments, got 1"
// for the _PyArg_CheckPositional ones).  Only the few functions with
// keyword parameters (print, sorted, min/max, sum, round, pow, open) look at
// kwnames, and they compare against interned names by pointer first.
//
// PRINT.  print() is the hottest I/O path in the tests.  When the target
// is coil's own TextIOWrapper it formats exact str/int/float/bool/None
// arguments straight into a reused thread-local buffer and hands the whole
// line to the file in one call; anything else is written piecewise through
// `file.write`, exactly as CPython's PyFile_WriteObject does.  Before an
// argument whose __str__ may run Python code the buffer is written out, so
// output produced inside __str__ still comes out in CPython's order.
#include "stdlib/native/builtins.h"

#include <charconv>
#include <cstring>

#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/bytes.h"
#include "runtime/descr.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/iterobject.h"
#include "runtime/list.h"
#include "runtime/memoryview.h"
#include "runtime/names.h"
#include "runtime/range.h"
#include "runtime/set.h"
#include "runtime/singletons.h"
#include "runtime/slice.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"
#include "stdlib/native/fileio.h"
#include "stdlib/native/sys.h"

namespace coil::runtime {

namespace {

using vm::sys_stderr;
using vm::sys_stdin;
using vm::sys_stdout;

LocalsHook g_locals_hook = nullptr;

// ---- argument checks ------------------------------------------------------------

// METH_O functions: "len() takes exactly one argument (2 given)".
inline bool one_arg(const char* fname, size_t nargs, Tuple* kwnames) {
  if (kwnames && kwnames->size > 0) {
    set_errorf(exc::TypeError, "%s() takes no keyword arguments", fname);
    return false;
  }
  if (nargs != 1) {
    set_errorf(exc::TypeError, "%s() takes exactly one argument (%zu given)", fname, nargs);
    return false;
  }
  return true;
}

// _PyArg_CheckPositional functions: "divmod expected 2 arguments, got 1".
inline bool positional(const char* fname, size_t nargs, Tuple* kwnames, size_t min, size_t max) {
  if (kwnames && kwnames->size > 0) {
    set_errorf(exc::TypeError, "%s() takes no keyword arguments", fname);
    return false;
  }
  if (nargs < min || nargs > max) return check_nargs(fname, nargs, min, max);
  return true;
}

inline bool kw_is(Object* kw, Str* name) {
  return kw == name || str_equal(static_cast<Str*>(kw), name);
}

inline Ref<Object> invalid_keyword(Object* kw, const char* fname) {
  return set_errorf(exc::TypeError, "'%U' is an invalid keyword argument for %s()", kw, fname);
}

// ---- print -------------------------------------------------------------------------

thread_local std::string t_print_buf;

// Appends str(o) for types whose __str__ cannot run Python code; false
// when `o` needs the general path.
bool append_simple(std::string* buf, Object* o) {
  TypeObject* t = type_of(o);
  if (t == &StrType) {
    buf->append(str_view(o));
  } else if (t == &IntType) {
    int64_t v;
    if (!int_fits_i64(o, &v)) return false;
    char tmp[24];
    auto r = std::to_chars(tmp, tmp + sizeof tmp, v);
    buf->append(tmp, r.ptr);
  } else if (t == &FloatType) {
    buf->append(float_repr(float_value(o)));
  } else if (o == True) {
    buf->append("True");
  } else if (o == False) {
    buf->append("False");
  } else if (o == None) {
    buf->append("None");
  } else {
    return false;
  }
  return true;
}

// Writes args joined by sep and followed by end to one of coil's text
// files.  The buffer is flushed to the file before any str() call that may
// run Python code (see the essay).
bool print_to_text_file(Object* file, Object* const* args, size_t nargs, std::string_view sep,
                        std::string_view end) {
  std::string buf = std::move(t_print_buf);   // nested print() gets a fresh one
  buf.clear();
  bool ok = true;
  for (size_t i = 0; i < nargs && ok; i++) {
    if (i > 0) buf.append(sep);
    if (append_simple(&buf, args[i])) continue;
    if (!buf.empty()) {
      ok = text_file_write(file, buf) == 0;
      buf.clear();
      if (!ok) break;
    }
    Ref<Object> s = str(args[i]);
    ok = s && text_file_write(file, str_view(s.get())) == 0;
  }
  if (ok) {
    buf.append(end);
    ok = text_file_write(file, buf) == 0;
  }
  buf.clear();
  t_print_buf = std::move(buf);
  return ok;
}

// The general path: file.write(str(arg)) for each piece, as CPython.
bool print_to_object(Object* file, Object* const* args, size_t nargs, Object* sep, Object* end) {
  Ref<Object> write = getattr(file, names::write);
  if (!write) return false;
  Ref<Object> space, newline;
  for (size_t i = 0; i < nargs; i++) {
    if (i > 0) {
      if (!sep) {
        if (!space) space = str_from(" ");
        if (!space) return false;
      }
      if (!call1(write.get(), sep ? sep : space.get())) return false;
    }
    Ref<Object> s = str(args[i]);
    if (!s || !call1(write.get(), s.get())) return false;
  }
  if (!end) newline = str_from("\n");
  if (!end && !newline) return false;
  return static_cast<bool>(call1(write.get(), end ? end : newline.get()));
}

// print(*objects, sep=' ', end='\n', file=None, flush=False)
Ref<Object> builtin_print(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  Object *sep = nullptr, *end = nullptr, *file = nullptr, *flush = nullptr;
  size_t nkw = kwnames ? kwnames->size : 0;
  for (size_t i = 0; i < nkw; i++) {
    Object* kw = kwnames->items[i];
    Object* v = args[nargs + i];
    if (kw_is(kw, names::sep)) sep = v;
    else if (kw_is(kw, names::end)) end = v;
    else if (kw_is(kw, names::file)) file = v;
    else if (kw_is(kw, names::flush)) flush = v;
    else return invalid_keyword(kw, "print");
  }
  if (!file || file == None) {
    file = sys_stdout();
    if (!file) return set_error(exc::RuntimeError, "lost sys.stdout");
    if (file == None) return none();   // pythonw: print() does nothing
  }
  if (sep == None) sep = nullptr;
  if (end == None) end = nullptr;
  if (sep && !str_check(sep))
    return set_errorf(exc::TypeError, "sep must be None or a string, not %T", sep);
  if (end && !str_check(end))
    return set_errorf(exc::TypeError, "end must be None or a string, not %T", end);

  Ref<Object> keep_file = borrow(file);   // a __str__ could rebind sys.stdout
  bool ok;
  if (text_file_check(file)) {
    ok = print_to_text_file(file, args, nargs, sep ? str_view(sep) : " ", end ? str_view(end) : "\n");
  } else {
    ok = print_to_object(file, args, nargs, sep, end);
  }
  if (!ok) return nullptr;
  if (flush) {
    int t = is_true(flush);
    if (t < 0 || (t && file_flush(file) < 0)) return nullptr;
  }
  return none();
}

// ---- input -------------------------------------------------------------------------

// input(prompt=None): the prompt goes to sys.stdout (flushed), the line
// comes from sys.stdin without its trailing newline.
Ref<Object> builtin_input(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!positional("input", nargs, kwnames, 0, 1)) return nullptr;
  Object* in = sys_stdin();
  Object* out = sys_stdout();
  Object* err = sys_stderr();
  if (!in || in == None) return set_error(exc::RuntimeError, "input(): lost sys.stdin");
  if (!out || out == None) return set_error(exc::RuntimeError, "input(): lost sys.stdout");
  if (err && err != None && file_flush(err) < 0) clear_error();
  if (nargs == 1) {
    Ref<Object> prompt = str(args[0]);
    if (!prompt) return nullptr;
    if (text_file_check(out)) {
      if (text_file_write(out, str_view(prompt.get())) < 0) return nullptr;
    } else {
      Object* a[1] = {prompt.get()};
      if (!call_method(out, names::write, a, 1)) return nullptr;
    }
  }
  if (file_flush(out) < 0) return nullptr;
  Ref<Object> line = text_file_check(in) ? text_file_readline(in)
                                         : call_method(in, names::readline, nullptr, 0);
  if (!line) return nullptr;
  if (!str_check(line.get())) return type_error("object.readline() returned non-string");
  std::string_view v = str_view(line.get());
  if (v.empty()) return set_error(exc::EOFError, "EOF when reading a line");
  if (v.back() != '\n') return line;
  return str_from(v.substr(0, v.size() - 1));
}

// ---- simple one-argument functions --------------------------------------------------

Ref<Object> builtin_len(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!one_arg("len", nargs, kwnames)) return nullptr;
  int64_t n = length(args[0]);
  if (n < 0) return nullptr;
  return int_from_i64(n);
}

Ref<Object> builtin_abs(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!one_arg("abs", nargs, kwnames)) return nullptr;
  return absolute(args[0]);
}

Ref<Object> builtin_callable(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!one_arg("callable", nargs, kwnames)) return nullptr;
  return new_bool(is_callable(args[0]));
}

Ref<Object> builtin_id(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!one_arg("id", nargs, kwnames)) return nullptr;
  return int_from_u64(reinterpret_cast<uintptr_t>(args[0]));
}

Ref<Object> builtin_hash(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!one_arg("hash", nargs, kwnames)) return nullptr;
  int64_t h = hash(args[0]);
  if (h == -1) return nullptr;
  return int_from_i64(h);
}

Ref<Object> builtin_repr(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!one_arg("repr", nargs, kwnames)) return nullptr;
  return repr(args[0]);
}

Ref<Object> builtin_ascii(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!one_arg("ascii", nargs, kwnames)) return nullptr;
  return ascii(args[0]);
}

// chr(i): the argument goes through __index__ and must fit a C int before
// the range check, which is where CPython's OverflowError comes from.
Ref<Object> builtin_chr(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!one_arg("chr", nargs, kwnames)) return nullptr;
  Ref<Object> i = index(args[0]);
  if (!i) return nullptr;
  int64_t v;
  if (!int_fits_i64(i.get(), &v) || v > INT32_MAX || v < INT32_MIN)
    return set_error(exc::OverflowError, "Python int too large to convert to C int");
  if (v < 0 || v > 0x10FFFF) return set_error(exc::ValueError, "chr() arg not in range(0x110000)");
  return str_from_char32(static_cast<uint32_t>(v));
}

// The code point of a one-character UTF-8 string.
uint32_t decode_one_utf8(std::string_view s) {
  auto b = [&](size_t k) { return static_cast<uint32_t>(static_cast<unsigned char>(s[k])); };
  uint32_t c = b(0);
  if (c < 0x80) return c;
  if (c < 0xE0) return ((c & 0x1F) << 6) | (b(1) & 0x3F);
  if (c < 0xF0) return ((c & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
  return ((c & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F);
}

Ref<Object> builtin_ord(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!one_arg("ord", nargs, kwnames)) return nullptr;
  Object* o = args[0];
  int64_t len;
  if (str_check(o)) {
    Str* s = static_cast<Str*>(o);
    if (s->length == 1) return int_from_i64(decode_one_utf8(s->view()));
    len = s->length;
  } else {
    std::string_view v;
    if (!bytes_like_view(o, &v))
      return set_errorf(exc::TypeError, "ord() expected string of length 1, but %T found", o);
    if (v.size() == 1) return int_from_i64(static_cast<unsigned char>(v[0]));
    len = static_cast<int64_t>(v.size());
  }
  return set_errorf(exc::TypeError, "ord() expected a character, but string of length %ld found",
                    static_cast<long>(len));
}

// hex/oct/bin: __index__, then the int's own '#x' / '#o' / '#b' format.
Ref<Object> to_base(Object* o, const char* spec) {
  Ref<Object> i = index(o);
  if (!i) return nullptr;
  return format(i.get(), intern(spec));
}

Ref<Object> builtin_hex(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!one_arg("hex", nargs, kwnames)) return nullptr;
  return to_base(args[0], "#x");
}

Ref<Object> builtin_oct(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!one_arg("oct", nargs, kwnames)) return nullptr;
  return to_base(args[0], "#o");
}

Ref<Object> builtin_bin(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!one_arg("bin", nargs, kwnames)) return nullptr;
  return to_base(args[0], "#b");
}

Ref<Object> builtin_format(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!positional("format", nargs, kwnames, 1, 2)) return nullptr;
  Object* spec = nargs > 1 ? args[1] : intern("");
  if (!str_check(spec))
    return set_errorf(exc::TypeError, "format() argument 2 must be str, not %T", spec);
  return format(args[0], spec);
}

// ---- numbers ------------------------------------------------------------------------

// round(number, ndigits=None): dispatches to type(number).__round__.
Ref<Object> builtin_round(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"round", {"number", "ndigits"}, 1};
  Object* a[2];
  if (!bind_args(spec, args, nargs, kwnames, a)) return nullptr;
  Object* meth = type_lookup(type_of(a[0]), names::__round__);
  if (!meth)
    return set_errorf(exc::TypeError, "type %s doesn't define __round__ method",
                      std::string(type_name(type_of(a[0]))).c_str());
  if (!a[1] || a[1] == None) return call1(meth, a[0]);
  return call2(meth, a[0], a[1]);
}

// Calls type(x).<name>(x, y) if defined; NotImplemented otherwise.
Ref<Object> try_binary_method(Object* x, Object* y, Str* name) {
  Object* m = type_lookup(type_of(x), name);
  if (!m) return not_implemented();
  return call2(m, x, y);
}

// divmod(a, b): __divmod__ / __rdivmod__ with the reflected operand first
// when its type is a proper subclass (binary_op's rule).
Ref<Object> builtin_divmod(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!positional("divmod", nargs, kwnames, 2, 2)) return nullptr;
  Object *a = args[0], *b = args[1];
  bool b_first = type_of(a) != type_of(b) && is_subtype(type_of(b), type_of(a)) &&
                 type_lookup(type_of(b), names::__rdivmod__) != type_lookup(type_of(a), names::__rdivmod__);
  if (b_first) {
    Ref<Object> r = try_binary_method(b, a, names::__rdivmod__);
    if (!r || r.get() != NotImplemented) return r;
  }
  Ref<Object> r = try_binary_method(a, b, names::__divmod__);
  if (!r || r.get() != NotImplemented) return r;
  if (!b_first && type_of(a) != type_of(b)) {
    r = try_binary_method(b, a, names::__rdivmod__);
    if (!r || r.get() != NotImplemented) return r;
  }
  return set_errorf(exc::TypeError, "unsupported operand type(s) for divmod(): '%T' and '%T'", a, b);
}

Ref<Object> builtin_pow(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"pow", {"base", "exp", "mod"}, 2};
  Object* a[3];
  if (!bind_args(spec, args, nargs, kwnames, a)) return nullptr;
  if (!a[2] || a[2] == None) return binary_op(a[0], a[1], BinaryOp::Power);
  return power3(a[0], a[1], a[2]);
}

// min()/max(): one iterable or several arguments; key= and default=.
Ref<Object> min_max(Object* const* args, size_t nargs, Tuple* kwnames, CompareOp op, const char* fname) {
  Object *key = nullptr, *dflt = nullptr;
  size_t nkw = kwnames ? kwnames->size : 0;
  if (nkw > 2)
    return set_errorf(exc::TypeError, "%s() takes at most 2 keyword arguments (%zu given)", fname, nkw);
  for (size_t i = 0; i < nkw; i++) {
    Object* kw = kwnames->items[i];
    if (kw_is(kw, names::key)) key = args[nargs + i];
    else if (kw_is(kw, names::default_)) dflt = args[nargs + i];
    else return invalid_keyword(kw, fname);
  }
  if (nargs == 0) return set_errorf(exc::TypeError, "%s expected at least 1 argument, got 0", fname);
  if (nargs > 1 && dflt)
    return set_errorf(exc::TypeError,
                      "Cannot specify a default for %s() with multiple positional arguments", fname);
  if (key == None) key = nullptr;
  Ref<Object> it;
  if (nargs == 1) {
    it = get_iter(args[0]);
    if (!it) return nullptr;
  }
  Ref<Object> best, best_key;
  for (size_t i = 0;; i++) {
    Ref<Object> item;
    if (it) {
      item = iter_next(it.get());
      if (!item) {
        if (error_occurred()) return nullptr;
        break;
      }
    } else {
      if (i == nargs) break;
      item = borrow(args[i]);
    }
    Ref<Object> k = key ? call1(key, item.get()) : item;
    if (!k) return nullptr;
    if (!best) {
      best = std::move(item);
      best_key = std::move(k);
      continue;
    }
    int better = rich_compare_bool(k.get(), best_key.get(), op);
    if (better < 0) return nullptr;
    if (better) {
      best = std::move(item);
      best_key = std::move(k);
    }
  }
  if (best) return best;
  if (dflt) return borrow(dflt);
  return set_errorf(exc::ValueError, "%s() arg is an empty sequence", fname);
}

Ref<Object> builtin_min(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  return min_max(args, nargs, kwnames, CompareOp::Lt, "min");
}

Ref<Object> builtin_max(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  return min_max(args, nargs, kwnames, CompareOp::Gt, "max");
}

// The generic tail of sum(): result = result + item for the rest.
Ref<Object> sum_generic(Ref<Object> result, Object* it, Ref<Object> item);

// sum() over floats: plain double addition (CPython 3.11 has no
// compensated summation yet); ints that fit a C long are added as doubles.
Ref<Object> sum_floats(double acc, Object* it) {
  for (;;) {
    Ref<Object> item = iter_next(it);
    if (!item) {
      if (error_occurred()) return nullptr;
      return float_from_double(acc);
    }
    if (type_of(item.get()) == &FloatType) {
      acc += float_value(item.get());
      continue;
    }
    int64_t v;
    if (int_check(item.get()) && int_fits_i64(item.get(), &v)) {
      acc += static_cast<double>(v);
      continue;
    }
    Ref<Object> result = float_from_double(acc);
    if (!result) return nullptr;
    return sum_generic(std::move(result), it, std::move(item));
  }
}

Ref<Object> sum_generic(Ref<Object> result, Object* it, Ref<Object> item) {
  for (;;) {
    if (item) {
      result = binary_op(result.get(), item.get(), BinaryOp::Add);
      if (!result) return nullptr;
    }
    item = iter_next(it);
    if (!item) {
      if (error_occurred()) return nullptr;
      return result;
    }
  }
}

// sum() over ints that fit in int64_t; leaves the fast path on overflow or
// on the first non-int, switching to the float path when the result
// becomes a float (as CPython's builtin_sum_impl).
Ref<Object> sum_ints(int64_t acc, Object* it) {
  for (;;) {
    Ref<Object> item = iter_next(it);
    if (!item) {
      if (error_occurred()) return nullptr;
      return int_from_i64(acc);
    }
    int64_t v, r;
    bool is_int = int_check_exact(item.get()) || type_of(item.get()) == &BoolType;
    if (is_int && int_fits_i64(item.get(), &v) && !__builtin_add_overflow(acc, v, &r)) {
      acc = r;
      continue;
    }
    Ref<Object> result = int_from_i64(acc);
    if (!result) return nullptr;
    result = binary_op(result.get(), item.get(), BinaryOp::Add);
    if (!result) return nullptr;
    if (type_of(result.get()) == &FloatType) return sum_floats(float_value(result.get()), it);
    return sum_generic(std::move(result), it, nullptr);
  }
}

// sum(iterable, /, start=0)
Ref<Object> builtin_sum(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"sum", {"iterable", "start"}, 1, 1};
  if (nargs == 0 && (!kwnames || kwnames->size == 0))
    return type_error("sum() takes at least 1 positional argument (0 given)");
  Object* a[2];
  if (!bind_args(spec, args, nargs, kwnames, a)) return nullptr;
  Object* start = a[1];
  if (start) {
    if (str_check(start)) return type_error("sum() can't sum strings [use ''.join(seq) instead]");
    if (bytes_check(start)) return type_error("sum() can't sum bytes [use b''.join(seq) instead]");
    if (bytearray_check(start))
      return type_error("sum() can't sum bytearray [use b''.join(seq) instead]");
  }
  Ref<Object> it = get_iter(a[0]);
  if (!it) return nullptr;
  int64_t v;
  if (!start) return sum_ints(0, it.get());
  if (int_check_exact(start) && int_fits_i64(start, &v)) return sum_ints(v, it.get());
  if (type_of(start) == &FloatType) return sum_floats(float_value(start), it.get());
  return sum_generic(borrow(start), it.get(), nullptr);
}

// ---- iteration ----------------------------------------------------------------------

Ref<Object> any_all(Object* const* args, size_t nargs, Tuple* kwnames, const char* fname, bool want) {
  if (!one_arg(fname, nargs, kwnames)) return nullptr;
  Ref<Object> it = get_iter(args[0]);
  if (!it) return nullptr;
  for (;;) {
    Ref<Object> item = iter_next(it.get());
    if (!item) {
      if (error_occurred()) return nullptr;
      return new_bool(!want);
    }
    int t = is_true(item.get());
    if (t < 0) return nullptr;
    if (static_cast<bool>(t) == want) return new_bool(want);
  }
}

Ref<Object> builtin_any(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  return any_all(args, nargs, kwnames, "any", true);
}

Ref<Object> builtin_all(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  return any_all(args, nargs, kwnames, "all", false);
}

// sorted(iterable, /, *, key=None, reverse=False): a new list, list.sort'ed.
Ref<Object> builtin_sorted(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (nargs != 1) return check_nargs("sorted", nargs, 1, 1), nullptr;
  Object *key = nullptr, *reverse = nullptr;
  size_t nkw = kwnames ? kwnames->size : 0;
  if (nkw > 2)
    return set_errorf(exc::TypeError, "sort() takes at most 2 keyword arguments (%zu given)", nkw);
  for (size_t i = 0; i < nkw; i++) {
    Object* kw = kwnames->items[i];
    if (kw_is(kw, names::key)) key = args[1 + i];
    else if (kw_is(kw, names::reverse)) reverse = args[1 + i];
    else return invalid_keyword(kw, "sort");
  }
  int64_t rev = 0;
  if (reverse && !index_to_i64(reverse, &rev)) return nullptr;
  if (key == None) key = nullptr;
  Ref<List> list = list_new();
  if (!list || !list_extend(list.get(), args[0])) return nullptr;
  if (!list_sort(list.get(), key, rev != 0)) return nullptr;
  return list;
}

// iter(obj) / iter(callable, sentinel).
Ref<Object> builtin_iter(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!positional("iter", nargs, kwnames, 1, 2)) return nullptr;
  if (nargs == 1) return get_iter(args[0]);
  if (!is_callable(args[0])) return type_error("iter(v, w): v must be callable");
  return call_iter_new(args[0], args[1]);
}

// next(iterator[, default]).
Ref<Object> builtin_next(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!positional("next", nargs, kwnames, 1, 2)) return nullptr;
  Object* it = args[0];
  UnaryFn next = type_of(it)->iternext;
  if (!next) return set_errorf(exc::TypeError, "'%T' object is not an iterator", it);
  Ref<Object> r = next(it);
  if (r) return r;
  if (error_occurred()) {
    if (nargs < 2 || !error_matches(exc::StopIteration)) return nullptr;
    clear_error();
  }
  if (nargs == 2) return borrow(args[1]);
  return set_error_object(exc::StopIteration);
}

// ---- types and attributes -------------------------------------------------------------

Ref<Object> builtin_isinstance(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!positional("isinstance", nargs, kwnames, 2, 2)) return nullptr;
  if (reinterpret_cast<Object*>(type_of(args[0])) == args[1]) return new_bool(true);   // fast path
  int r;
  if (!isinstance(args[0], args[1], &r)) return nullptr;
  return new_bool(r != 0);
}

Ref<Object> builtin_issubclass(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!positional("issubclass", nargs, kwnames, 2, 2)) return nullptr;
  int r;
  if (!issubclass(args[0], args[1], &r)) return nullptr;
  return new_bool(r != 0);
}

bool check_attr_name(Object* name) {
  if (str_check(name)) return true;
  set_errorf(exc::TypeError, "attribute name must be string, not '%T'", name);
  return false;
}

Ref<Object> builtin_getattr(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!positional("getattr", nargs, kwnames, 2, 3)) return nullptr;
  if (!check_attr_name(args[1])) return nullptr;
  Str* name = static_cast<Str*>(args[1]);
  if (nargs == 2) return getattr(args[0], name);
  Ref<Object> r = getattr_opt(args[0], name);
  if (r || error_occurred()) return r;
  return borrow(args[2]);
}

Ref<Object> builtin_hasattr(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!positional("hasattr", nargs, kwnames, 2, 2)) return nullptr;
  if (!check_attr_name(args[1])) return nullptr;
  int r = hasattr(args[0], static_cast<Str*>(args[1]));
  if (r < 0) return nullptr;
  return new_bool(r != 0);
}

Ref<Object> builtin_setattr(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!positional("setattr", nargs, kwnames, 3, 3)) return nullptr;
  if (!check_attr_name(args[1])) return nullptr;
  if (setattr(args[0], static_cast<Str*>(args[1]), args[2]) < 0) return nullptr;
  return none();
}

Ref<Object> builtin_delattr(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!positional("delattr", nargs, kwnames, 2, 2)) return nullptr;
  if (!check_attr_name(args[1])) return nullptr;
  if (delattr(args[0], static_cast<Str*>(args[1])) < 0) return nullptr;
  return none();
}

Ref<Object> frame_locals() {
  if (!g_locals_hook) return set_error(exc::SystemError, "no current frame (locals hook not installed)");
  return g_locals_hook();
}

// vars([object]): object.__dict__, or the caller's locals.
Ref<Object> builtin_vars(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!positional("vars", nargs, kwnames, 0, 1)) return nullptr;
  if (nargs == 0) return frame_locals();
  Ref<Object> d = getattr_opt(args[0], names::__dict__);
  if (d || error_occurred()) return d;
  return type_error("vars() argument must have __dict__ attribute");
}

Ref<Object> sorted_list_of(Object* iterable) {
  Ref<List> list = list_new();
  if (!list || !list_extend(list.get(), iterable)) return nullptr;
  if (!list_sort(list.get(), nullptr, false)) return nullptr;
  return list;
}

// dir([object]): sorted(type(object).__dir__(object)), or the sorted
// names of the caller's locals.
Ref<Object> builtin_dir(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!positional("dir", nargs, kwnames, 0, 1)) return nullptr;
  if (nargs == 0) {
    Ref<Object> locals = frame_locals();
    if (!locals) return nullptr;
    return sorted_list_of(locals.get());   // iterating a mapping gives its keys
  }
  Object* meth = type_lookup(type_of(args[0]), names::__dir__);
  if (!meth) return type_error("object does not provide __dir__");
  Ref<Object> names = call1(meth, args[0]);
  if (!names) return nullptr;
  return sorted_list_of(names.get());
}

// exit()/quit(): raise SystemExit(code).  (CPython's are site.Quitter
// instances; plain functions suffice for programs.)
Ref<Object> builtin_exit(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!positional("exit", nargs, kwnames, 0, 1)) return nullptr;
  Ref<Object> e = call(exc::SystemExit, args, nargs);
  if (!e) return nullptr;
  return set_error_object(e.get());
}

const MethodDef builtin_functions[] = {
    {"abs", builtin_abs, MethodKind::Instance, "Return the absolute value of the argument."},
    {"all", builtin_all, MethodKind::Instance, "Return True if bool(x) is True for all values x in the iterable."},
    {"any", builtin_any, MethodKind::Instance, "Return True if bool(x) is True for any x in the iterable."},
    {"ascii", builtin_ascii, MethodKind::Instance, "Return an ASCII-only representation of an object."},
    {"bin", builtin_bin, MethodKind::Instance, "Return the binary representation of an integer."},
    {"callable", builtin_callable, MethodKind::Instance, "Return whether the object is callable."},
    {"chr", builtin_chr, MethodKind::Instance, "Return a Unicode string of one character with ordinal i."},
    {"delattr", builtin_delattr, MethodKind::Instance, "Deletes the named attribute from the given object."},
    {"dir", builtin_dir, MethodKind::Instance, "Show attributes of an object."},
    {"divmod", builtin_divmod, MethodKind::Instance, "Return the tuple (x//y, x%y)."},
    {"exit", builtin_exit},
    {"format", builtin_format, MethodKind::Instance, "Return value.__format__(format_spec)"},
    {"getattr", builtin_getattr, MethodKind::Instance, "Get a named attribute from an object."},
    {"hasattr", builtin_hasattr, MethodKind::Instance, "Return whether the object has an attribute with the given name."},
    {"hash", builtin_hash, MethodKind::Instance, "Return the hash value for the given object."},
    {"hex", builtin_hex, MethodKind::Instance, "Return the hexadecimal representation of an integer."},
    {"id", builtin_id, MethodKind::Instance, "Return the identity of an object."},
    {"input", builtin_input, MethodKind::Instance, "Read a string from standard input."},
    {"isinstance", builtin_isinstance, MethodKind::Instance, "Return whether an object is an instance of a class or of a subclass thereof."},
    {"issubclass", builtin_issubclass, MethodKind::Instance, "Return whether 'cls' is derived from another class or is the same class."},
    {"iter", builtin_iter, MethodKind::Instance, "Get an iterator from an object."},
    {"len", builtin_len, MethodKind::Instance, "Return the number of items in a container."},
    {"max", builtin_max, MethodKind::Instance, "Return the largest item."},
    {"min", builtin_min, MethodKind::Instance, "Return the smallest item."},
    {"next", builtin_next, MethodKind::Instance, "Return the next item from the iterator."},
    {"oct", builtin_oct, MethodKind::Instance, "Return the octal representation of an integer."},
    {"open", builtin_open, MethodKind::Instance, "Open file and return a stream."},
    {"ord", builtin_ord, MethodKind::Instance, "Return the Unicode code point for a one-character string."},
    {"pow", builtin_pow, MethodKind::Instance, "Equivalent to base**exp with 2 arguments or base**exp % mod with 3 arguments"},
    {"print", builtin_print, MethodKind::Instance, "Prints the values to a stream, or to sys.stdout by default."},
    {"quit", builtin_exit},
    {"repr", builtin_repr, MethodKind::Instance, "Return the canonical string representation of the object."},
    {"round", builtin_round, MethodKind::Instance, "Round a number to a given precision in decimal digits."},
    {"setattr", builtin_setattr, MethodKind::Instance, "Sets the named attribute on the given object to the specified value."},
    {"sorted", builtin_sorted, MethodKind::Instance, "Return a new list containing all items from the iterable in ascending order."},
    {"sum", builtin_sum, MethodKind::Instance, "Return the sum of a 'start' value (default: 0) plus an iterable of numbers"},
    {"vars", builtin_vars, MethodKind::Instance, "Show vars."},
    {nullptr},
};

struct NamedType {
  const char* name;
  TypeObject* type;
};

bool add_object(Dict* d, const char* name, Object* value) {
  return dict_set_str(d, name, value) == 0;
}

}  // namespace

void set_builtins_locals_hook(LocalsHook hook) { g_locals_hook = hook; }

bool add_builtins(Dict* d, Object* module) {
  if (!add_functions(d, builtin_functions, module)) return false;

  const NamedType types[] = {
      {"object", &ObjectType}, {"type", &TypeType},
      {"int", &IntType}, {"bool", &BoolType}, {"float", &FloatType},
      {"str", &StrType}, {"bytes", &BytesType}, {"bytearray", &ByteArrayType},
      {"list", &ListType}, {"tuple", &TupleType}, {"dict", &DictType},
      {"set", &SetType}, {"frozenset", &FrozenSetType}, {"slice", &SliceType}, {"range", &RangeType},
      {"property", &PropertyType}, {"classmethod", &ClassMethodType},
      {"staticmethod", &StaticMethodType}, {"super", &SuperType},
      {"enumerate", &EnumerateType}, {"zip", &ZipType}, {"map", &MapType},
      {"filter", &FilterType}, {"reversed", &ReversedType},
      // TODO(numbers): complex.  memoryview: later issue.
  };
  for (const NamedType& t : types)
    if (!add_object(d, t.name, t.type)) return false;
  if (!memoryview_type() || !add_object(d, "memoryview", &MemoryViewType)) return false;

#define COIL_ADD_EXC(name, base) \
  if (!add_object(d, #name, exc::name)) return false;
  COIL_EXCEPTIONS(COIL_ADD_EXC)
#undef COIL_ADD_EXC
  // The old names of OSError are the same class (PEP 3151).
  if (!add_object(d, "EnvironmentError", exc::OSError) || !add_object(d, "IOError", exc::OSError))
    return false;

  return add_object(d, "None", None) && add_object(d, "Ellipsis", Ellipsis) &&
         add_object(d, "NotImplemented", NotImplemented) && add_object(d, "True", True) &&
         add_object(d, "False", False) && add_object(d, "__debug__", True);
}

}  // namespace coil::runtime
