// array.cpp — the `array` module: array.array, a compact sequence of C
// numbers (or wide characters for typecode 'u').
//
// An array stores its items as raw native bytes in one std::string, so
// `array('i', range(1000))` costs 4000 bytes, not 1000 int objects.  Items
// become Python objects only when read (unpack_native) and are converted
// back with range checks when written (pack_item, CPython's messages:
// "signed char is greater than maximum" ...).
//
// Arrays export their bytes through the buffer protocol
// (runtime/memoryview.h), so memoryview(arr) reads and writes them in place;
// while a view exists, operations that would resize the array raise
// BufferError "cannot resize an array that is exporting buffers".
#include <algorithm>
#include <cstring>
#include <string>

#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/bytes.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/memoryview.h"
#include "runtime/module.h"
#include "runtime/sequtil.h"
#include "runtime/singletons.h"
#include "runtime/slice.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/unicode.h"
#include "stdlib/native/modules.h"

namespace coil::runtime {

TypeObject ArrayType;

namespace {

struct Array : Object {
  char typecode = 'b';
  size_t itemsize = 1;
  std::string data;   // size() is a multiple of itemsize
};

inline Array* as_arr(Object* o) { return static_cast<Array*>(o); }
bool array_check(Object* o) { return is_instance_of(o, &ArrayType); }
size_t count(const Array* a) { return a->data.size() / a->itemsize; }

constexpr const char* kTypecodes = "bBuhHiIlLqQfd";

size_t typecode_size(char tc) {
  if (tc == 'u') return 4;   // wchar_t on Linux
  if (!std::strchr(kTypecodes, tc) || tc == 0) return 0;
  return native_itemsize(tc);
}

bool check_resize(Array* a) {
  if (buffer_exports(a) == 0) return true;
  set_error(exc::BufferError, "cannot resize an array that is exporting buffers");
  return false;
}

// ---- item conversion ---------------------------------------------------------------------

Ref<Object> get_item(const Array* a, size_t i) {
  const char* p = a->data.data() + i * a->itemsize;
  if (a->typecode == 'u') {
    uint32_t cp;
    std::memcpy(&cp, p, 4);
    return str_from_char32(cp);
  }
  return unpack_native(a->typecode, p);
}

bool range_error(const char* what, bool too_big) {
  set_errorf(exc::OverflowError, "%s is %s", what, too_big ? "greater than maximum" : "less than minimum");
  return false;
}

// Converts `v` to the array's item format at p, with array's messages.
bool pack_item(char tc, Object* v, char* p) {
  if (tc == 'u') {
    if (!str_check(v) || static_cast<Str*>(v)->length != 1) {
      set_error(exc::TypeError, "array item must be unicode character");
      return false;
    }
    const char* s = str_view(v).data();
    uint32_t cp = unicode::decode_utf8(s);
    std::memcpy(p, &cp, 4);
    return true;
  }
  if (tc == 'f' || tc == 'd') {
    if (!float_check(v) && !int_check(v) && !type_of(v)->nb_float) {
      set_errorf(exc::TypeError, "must be real number, not %T", v);
      return false;
    }
    Ref<Object> f = to_float(v);
    if (!f) return false;
    double d = float_value(f.get());
    if (tc == 'f') {
      float x = static_cast<float>(d);
      std::memcpy(p, &x, 4);
    } else {
      std::memcpy(p, &d, 8);
    }
    return true;
  }
  if (!int_check(v) && !type_of(v)->nb_index) {
    set_errorf(exc::TypeError, "'%T' object cannot be interpreted as an integer", v);
    return false;
  }
  Ref<Object> iv = index(v);
  if (!iv) return false;
  int64_t x = 0;
  bool fits = int_fits_i64(iv.get(), &x);
  int sign = int_sign(iv.get());
  switch (tc) {
    case 'b':
      if (!fits || x > 127) return range_error("signed char", true);
      if (x < -128) return range_error("signed char", false);
      *p = static_cast<char>(x);
      return true;
    case 'B':
      if (!fits || x > 255) return range_error("unsigned byte integer", true);
      if (x < 0) return range_error("unsigned byte integer", false);
      *p = static_cast<char>(x);
      return true;
    case 'h':
      if (!fits || x > 32767) return range_error("signed short integer", true);
      if (x < -32768) return range_error("signed short integer", false);
      { int16_t y = static_cast<int16_t>(x); std::memcpy(p, &y, 2); }
      return true;
    case 'H':
      if (!fits || x > 65535) return range_error("unsigned short", true);
      if (x < 0) return range_error("unsigned short", false);
      { uint16_t y = static_cast<uint16_t>(x); std::memcpy(p, &y, 2); }
      return true;
    case 'i':
      if (!fits || x > INT32_MAX) return range_error("signed integer", true);
      if (x < INT32_MIN) return range_error("signed integer", false);
      { int32_t y = static_cast<int32_t>(x); std::memcpy(p, &y, 4); }
      return true;
    case 'I':
      if (sign < 0) { set_error(exc::OverflowError, "can't convert negative value to unsigned int"); return false; }
      if (!fits || x > UINT32_MAX) return range_error("unsigned int", true);
      { uint32_t y = static_cast<uint32_t>(x); std::memcpy(p, &y, 4); }
      return true;
    case 'l':
      if (!fits) { set_error(exc::OverflowError, "Python int too large to convert to C long"); return false; }
      std::memcpy(p, &x, 8);
      return true;
    case 'q':
      if (!fits) { set_error(exc::OverflowError, "int too big to convert"); return false; }
      std::memcpy(p, &x, 8);
      return true;
    case 'L': case 'Q': {
      if (sign < 0) {
        set_error(exc::OverflowError, tc == 'L' ? "can't convert negative value to unsigned int"
                                                : "can't convert negative int to unsigned");
        return false;
      }
      if (int_bit_length(iv.get()) > 64) {
        set_error(exc::OverflowError, tc == 'L' ? "Python int too large to convert to C unsigned long"
                                                : "int too big to convert");
        return false;
      }
      mpz_t z;
      mpz_init(z);
      int_to_mpz(iv.get(), z);
      uint64_t y = mpz_get_ui(z);
      mpz_clear(z);
      std::memcpy(p, &y, 8);
      return true;
    }
    default:
      set_error(exc::SystemError, "array: bad typecode");
      return false;
  }
}

bool append_value(Array* a, Object* v) {
  char buf[8];
  if (!pack_item(a->typecode, v, buf)) return false;
  a->data.append(buf, a->itemsize);
  return true;
}

// ---- construction ------------------------------------------------------------------------

Ref<Array> new_array(TypeObject* type, char tc) {
  Array* a = alloc_instance<Array>(type, &ArrayType);
  if (!a) return nullptr;
  a->typecode = tc;
  a->itemsize = typecode_size(tc);
  return steal(a);
}

bool extend_from_iterable(Array* a, Object* it_src) {
  Ref<Object> it = get_iter(it_src);
  if (!it) return false;
  while (Ref<Object> item = iter_next(it.get()))
    if (!append_value(a, item.get())) return false;
  return !error_occurred();
}

bool frombytes_impl(Array* a, std::string_view v) {
  if (v.size() % a->itemsize != 0) {
    set_error(exc::ValueError, "bytes length not a multiple of item size");
    return false;
  }
  if (!v.empty() && !check_resize(a)) return false;
  a->data.append(v);
  return true;
}

bool fromunicode_impl(Array* a, std::string_view s) {
  const char* p = s.data();
  const char* end = p + s.size();
  while (p < end) {
    uint32_t cp = unicode::decode_utf8(p);
    a->data.append(reinterpret_cast<const char*>(&cp), 4);
  }
  return true;
}

Ref<Object> array_new(TypeObject* type, Object* const* args, size_t nargs, Tuple* kw) {
  if (type == &ArrayType && !check_no_kwargs("array.array", kw)) return nullptr;
  if (!check_nargs("array", nargs, 1, 2)) return nullptr;
  if (!str_check(args[0]) || static_cast<Str*>(args[0])->length != 1)
    return set_errorf(exc::TypeError, "array() argument 1 must be a unicode character, not %T", args[0]);
  std::string_view tcs = str_view(args[0]);
  char tc = tcs.size() == 1 ? tcs[0] : 0;
  if (!typecode_size(tc))
    return set_error(exc::ValueError, "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)");
  Ref<Array> a = new_array(type, tc);
  if (!a) return nullptr;
  if (nargs < 2) return a;
  Object* init = args[1];
  if (str_check(init)) {
    if (tc != 'u')
      return set_errorf(exc::TypeError, "cannot use a str to initialize an array with typecode '%c'", tc);
    if (!fromunicode_impl(a.get(), str_view(init))) return nullptr;
    return a;
  }
  if (array_check(init)) {
    Array* src = as_arr(init);
    if (src->typecode == 'u' && tc != 'u')
      return set_errorf(exc::TypeError, "cannot use a unicode array to initialize an array with typecode '%c'", tc);
    for (size_t i = 0; i < count(src); i++) {
      Ref<Object> item = get_item(src, i);
      if (!item || !append_value(a.get(), item.get())) return nullptr;
    }
    return a;
  }
  std::string_view raw;
  if (bytes_like_view(init, &raw)) {
    if (!frombytes_impl(a.get(), raw)) return nullptr;
    return a;
  }
  if (!extend_from_iterable(a.get(), init)) return nullptr;
  return a;
}

// ---- the buffer hook -----------------------------------------------------------------------

bool array_buffer(Object* o, BufferInfo* out) {
  Array* a = as_arr(o);
  *out = BufferInfo{a->data.data(), a->data.size(), false, a->typecode, a->itemsize};
  return true;
}

// ---- sequence slots ------------------------------------------------------------------------

int64_t arr_length(Object* self) { return static_cast<int64_t>(count(as_arr(self))); }

bool norm_index(Array* a, Object* key, int64_t* out, const char* msg = "array index out of range") {
  int64_t i;
  if (!seq_index_arg(key, "array", &i)) return false;
  int64_t n = static_cast<int64_t>(count(a));
  if (i < 0) i += n;
  if (i < 0 || i >= n) {
    set_error(exc::IndexError, msg);
    return false;
  }
  *out = i;
  return true;
}

Ref<Object> arr_subscript(Object* self, Object* key) {
  Array* a = as_arr(self);
  if (slice_check(key)) {
    int64_t start, stop, step, len;
    if (!slice_unpack(key, static_cast<int64_t>(count(a)), &start, &stop, &step, &len)) return nullptr;
    Ref<Array> r = new_array(&ArrayType, a->typecode);
    if (!r) return nullptr;
    for (int64_t k = 0, i = start; k < len; k++, i += step)
      r->data.append(a->data, static_cast<size_t>(i) * a->itemsize, a->itemsize);
    return r;
  }
  int64_t i;
  if (!norm_index(a, key, &i)) return nullptr;
  return get_item(a, static_cast<size_t>(i));
}

int arr_ass_subscript(Object* self, Object* key, Object* value) {
  Array* a = as_arr(self);
  size_t isz = a->itemsize;
  if (slice_check(key)) {
    int64_t start, stop, step, len;
    if (!slice_unpack(key, static_cast<int64_t>(count(a)), &start, &stop, &step, &len)) return -1;
    std::string src;
    if (value) {
      if (!array_check(value)) {
        set_errorf(exc::TypeError, "can only assign array (not \"%s\") to array slice",
                   std::string(type_name(type_of(value))).c_str());
        return -1;
      }
      if (as_arr(value)->typecode != a->typecode) {
        set_error(exc::TypeError, "bad argument type for built-in operation");
        return -1;
      }
      src = as_arr(value)->data;
    }
    int64_t n = static_cast<int64_t>(src.size() / isz);
    if (step == 1) {
      if (stop < start) stop = start;
      if (n != stop - start && !check_resize(a)) return -1;
      a->data.replace(static_cast<size_t>(start) * isz, static_cast<size_t>(stop - start) * isz, src);
      return 0;
    }
    if (!value) {
      if (len > 0 && !check_resize(a)) return -1;
      std::string out;
      for (int64_t i = 0, k = 0; i < static_cast<int64_t>(count(a)); i++) {
        bool drop = k < len && i == start + k * step;
        if (drop) { k++; continue; }
        out.append(a->data, static_cast<size_t>(i) * isz, isz);
      }
      // A negative step visits positions in decreasing order; rebuild by membership instead.
      if (step < 0) {
        out.clear();
        std::string mark(count(a), 0);
        for (int64_t k = 0; k < len; k++) mark[static_cast<size_t>(start + k * step)] = 1;
        for (size_t i = 0; i < count(a); i++)
          if (!mark[i]) out.append(a->data, i * isz, isz);
      }
      a->data = std::move(out);
      return 0;
    }
    if (n != len) {
      set_errorf(exc::ValueError, "attempt to assign array of size %zd to extended slice of size %zd",
                 static_cast<ssize_t>(n), static_cast<ssize_t>(len));
      return -1;
    }
    for (int64_t k = 0; k < len; k++)
      std::memcpy(a->data.data() + static_cast<size_t>(start + k * step) * isz, src.data() + k * isz, isz);
    return 0;
  }
  int64_t i;
  if (!norm_index(a, key, &i, value ? "array assignment index out of range" : "array assignment index out of range"))
    return -1;
  if (!value) {
    if (!check_resize(a)) return -1;
    a->data.erase(static_cast<size_t>(i) * isz, isz);
    return 0;
  }
  char buf[8];
  if (!pack_item(a->typecode, value, buf)) return -1;
  std::memcpy(a->data.data() + static_cast<size_t>(i) * isz, buf, isz);
  return 0;
}

int arr_contains(Object* self, Object* item) {
  Array* a = as_arr(self);
  for (size_t i = 0; i < count(a); i++) {
    Ref<Object> x = get_item(a, i);
    if (!x) return -1;
    int r = equal(x.get(), item);
    if (r != 0) return r;
  }
  return 0;
}

Ref<Object> arr_tolist_impl(Array* a) {
  Ref<List> l = list_new();
  if (!l) return nullptr;
  for (size_t i = 0; i < count(a); i++) {
    Ref<Object> x = get_item(a, i);
    if (!x || !list_append(l.get(), x.get())) return nullptr;
  }
  return l;
}

Ref<Object> arr_iter(Object* self) {
  // A snapshot list keeps iteration simple; arrays are small in practice.
  Ref<Object> l = arr_tolist_impl(as_arr(self));
  if (!l) return nullptr;
  return get_iter(l.get());
}

Ref<Object> tounicode_impl(Array* a) {
  std::string out;
  for (size_t i = 0; i < count(a); i++) {
    uint32_t cp;
    std::memcpy(&cp, a->data.data() + i * 4, 4);
    unicode::append_utf8(out, cp);
  }
  return str_decode_utf8(out, "surrogatepass");
}

Ref<Object> arr_repr(Object* self) {
  Array* a = as_arr(self);
  std::string s = std::string(type_name(type_of(self))) + "('" + a->typecode + "'";
  if (count(a) > 0) {
    Ref<Object> inner = a->typecode == 'u' ? tounicode_impl(a) : arr_tolist_impl(a);
    if (!inner) return nullptr;
    std::string r;
    if (!repr_utf8(inner.get(), &r)) return nullptr;
    s += ", " + r;
  }
  s += ")";
  return str_from(s);
}

Ref<Object> arr_richcompare(Object* x, Object* y, CompareOp op) {
  if (!array_check(x) || !array_check(y)) return not_implemented();
  Array* a = as_arr(x);
  Array* b = as_arr(y);
  if (count(a) != count(b) && (op == CompareOp::Eq || op == CompareOp::Ne)) return new_bool(op == CompareOp::Ne);
  Ref<Object> la = arr_tolist_impl(a), lb = arr_tolist_impl(b);
  if (!la || !lb) return nullptr;
  return rich_compare(la.get(), lb.get(), op);
}

Ref<Object> arr_concat(Object* x, Object* y) {
  if (!array_check(x)) return not_implemented();
  if (!array_check(y))
    return set_errorf(exc::TypeError, "can only append array (not \"%s\") to array",
                      std::string(type_name(type_of(y))).c_str());
  if (as_arr(x)->typecode != as_arr(y)->typecode) return set_error(exc::TypeError, "bad argument type for built-in operation");
  Ref<Array> r = new_array(&ArrayType, as_arr(x)->typecode);
  if (!r) return nullptr;
  r->data = as_arr(x)->data + as_arr(y)->data;
  return r;
}

Ref<Object> arr_repeat(Object* x, Object* y) {
  Object* arr = array_check(x) ? x : y;
  Object* n_obj = arr == x ? y : x;
  if (!array_check(arr) || !type_of(n_obj)->nb_index) return not_implemented();
  int64_t n;
  if (!repeat_count(n_obj, &n)) return nullptr;
  Ref<Array> r = new_array(&ArrayType, as_arr(arr)->typecode);
  if (!r) return nullptr;
  for (int64_t i = 0; i < n; i++) r->data += as_arr(arr)->data;
  return r;
}

Ref<Object> arr_inplace_concat(Object* x, Object* y) {
  if (!array_check(y))
    return set_errorf(exc::TypeError, "can only extend array with array (not \"%s\")",
                      std::string(type_name(type_of(y))).c_str());
  Array* a = as_arr(x);
  if (a->typecode != as_arr(y)->typecode) return set_error(exc::TypeError, "can only extend with array of same kind");
  if (!as_arr(y)->data.empty() && !check_resize(a)) return nullptr;
  a->data += std::string(as_arr(y)->data);
  return borrow(x);
}

Ref<Object> arr_inplace_repeat(Object* x, Object* y) {
  Array* a = as_arr(x);
  if (!type_of(y)->nb_index) return not_implemented();
  int64_t n;
  if (!repeat_count(y, &n)) return nullptr;
  if (n != 1 && !a->data.empty() && !check_resize(a)) return nullptr;
  std::string one = a->data;
  a->data.clear();
  for (int64_t i = 0; i < n; i++) a->data += one;
  return borrow(x);
}

// ---- methods ------------------------------------------------------------------------------

bool one_arg(const char* name, size_t nargs, Tuple* kw) {
  return check_no_kwargs(name, kw) && check_nargs(name, nargs, 1, 1);
}

Ref<Object> m_append(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  if (!one_arg("append", nargs, kw) || !check_resize(as_arr(self))) return nullptr;
  if (!append_value(as_arr(self), args[0])) return nullptr;
  return none();
}

Ref<Object> m_extend(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  if (!one_arg("extend", nargs, kw)) return nullptr;
  Array* a = as_arr(self);
  if (array_check(args[0])) {
    if (as_arr(args[0])->typecode != a->typecode) return set_error(exc::TypeError, "can only extend with array of same kind");
    if (!check_resize(a)) return nullptr;
    a->data += std::string(as_arr(args[0])->data);
    return none();
  }
  if (!check_resize(a) || !extend_from_iterable(a, args[0])) return nullptr;
  return none();
}

Ref<Object> m_insert(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("insert", kw) || !check_nargs("insert", nargs, 2, 2)) return nullptr;
  Array* a = as_arr(self);
  int64_t i;
  if (!index_to_i64(args[0], &i)) return nullptr;
  int64_t n = static_cast<int64_t>(count(a));
  if (i < 0) i = std::max<int64_t>(0, i + n);
  if (i > n) i = n;
  char buf[8];
  if (!check_resize(a) || !pack_item(a->typecode, args[1], buf)) return nullptr;
  a->data.insert(static_cast<size_t>(i) * a->itemsize, buf, a->itemsize);
  return none();
}

Ref<Object> m_pop(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("pop", kw) || !check_nargs("pop", nargs, 0, 1)) return nullptr;
  Array* a = as_arr(self);
  int64_t i = -1;
  if (nargs && !index_to_i64(args[0], &i)) return nullptr;
  int64_t n = static_cast<int64_t>(count(a));
  if (n == 0) return set_error(exc::IndexError, "pop from empty array");
  if (i < 0) i += n;
  if (i < 0 || i >= n) return set_error(exc::IndexError, "pop index out of range");
  if (!check_resize(a)) return nullptr;
  Ref<Object> v = get_item(a, static_cast<size_t>(i));
  if (!v) return nullptr;
  a->data.erase(static_cast<size_t>(i) * a->itemsize, a->itemsize);
  return v;
}

int64_t find_value(Array* a, Object* v, int64_t start = 0) {
  for (size_t i = static_cast<size_t>(start); i < count(a); i++) {
    Ref<Object> x = get_item(a, i);
    if (!x) return -2;
    int r = equal(x.get(), v);
    if (r < 0) return -2;
    if (r) return static_cast<int64_t>(i);
  }
  return -1;
}

Ref<Object> m_remove(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  if (!one_arg("remove", nargs, kw)) return nullptr;
  Array* a = as_arr(self);
  int64_t i = find_value(a, args[0]);
  if (i == -2) return nullptr;
  if (i < 0) return set_error(exc::ValueError, "array.remove(x): x not in array");
  if (!check_resize(a)) return nullptr;
  a->data.erase(static_cast<size_t>(i) * a->itemsize, a->itemsize);
  return none();
}

Ref<Object> m_index(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("index", kw) || !check_nargs("index", nargs, 1, 3)) return nullptr;
  Array* a = as_arr(self);
  int64_t start = 0;
  if (nargs > 1 && !index_to_i64(args[1], &start)) return nullptr;
  if (start < 0) start = std::max<int64_t>(0, start + static_cast<int64_t>(count(a)));
  int64_t i = find_value(a, args[0], start);
  if (i == -2) return nullptr;
  if (i < 0) return set_error(exc::ValueError, "array.index(x): x not in array");
  return int_from_i64(i);
}

Ref<Object> m_count(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  if (!one_arg("count", nargs, kw)) return nullptr;
  Array* a = as_arr(self);
  int64_t c = 0;
  for (size_t i = 0; i < count(a); i++) {
    Ref<Object> x = get_item(a, i);
    if (!x) return nullptr;
    int r = equal(x.get(), args[0]);
    if (r < 0) return nullptr;
    c += r;
  }
  return int_from_i64(c);
}

Ref<Object> m_reverse(Object* self, Object* const*, size_t nargs, Tuple* kw) {
  Array* a = as_arr(self);
  size_t n = count(a), isz = a->itemsize;
  for (size_t i = 0; i < n / 2; i++)
    std::swap_ranges(a->data.begin() + i * isz, a->data.begin() + (i + 1) * isz, a->data.begin() + (n - 1 - i) * isz);
  return none();
}

Ref<Object> m_byteswap(Object* self, Object* const*, size_t nargs, Tuple* kw) {
  Array* a = as_arr(self);
  size_t isz = a->itemsize;
  for (size_t i = 0; i < count(a); i++) std::reverse(a->data.begin() + i * isz, a->data.begin() + (i + 1) * isz);
  return none();
}

Ref<Object> m_tobytes(Object* self, Object* const*, size_t, Tuple*) { return bytes_from(as_arr(self)->data); }

Ref<Object> m_frombytes(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  if (!one_arg("frombytes", nargs, kw)) return nullptr;
  std::string_view v;
  if (!contiguous_buffer_view(args[0], &v))
    return set_errorf(exc::TypeError, "a bytes-like object is required, not '%T'", args[0]);
  std::string copy(v);
  if (!frombytes_impl(as_arr(self), copy)) return nullptr;
  return none();
}

Ref<Object> m_tolist(Object* self, Object* const*, size_t, Tuple*) { return arr_tolist_impl(as_arr(self)); }

Ref<Object> m_fromlist(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  if (!one_arg("fromlist", nargs, kw)) return nullptr;
  if (!list_check(args[0])) return set_error(exc::TypeError, "arg must be list");
  Array* a = as_arr(self);
  if (!check_resize(a)) return nullptr;
  size_t old = a->data.size();
  List* l = static_cast<List*>(args[0]);
  for (size_t i = 0; i < l->size; i++) {
    if (!append_value(a, l->items[i])) {
      a->data.resize(old);   // all or nothing, as CPython
      return nullptr;
    }
  }
  return none();
}

Ref<Object> m_tounicode(Object* self, Object* const*, size_t, Tuple*) {
  Array* a = as_arr(self);
  if (a->typecode != 'u') return set_error(exc::ValueError, "tounicode() may only be called on unicode type arrays");
  return tounicode_impl(a);
}

Ref<Object> m_fromunicode(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  if (!one_arg("fromunicode", nargs, kw)) return nullptr;
  Array* a = as_arr(self);
  if (!str_check(args[0]))
    return set_errorf(exc::TypeError, "fromunicode() argument must be str, not %T", args[0]);
  if (a->typecode != 'u') return set_error(exc::ValueError, "fromunicode() may only be called on unicode type arrays");
  if (!check_resize(a) || !fromunicode_impl(a, str_view(args[0]))) return nullptr;
  return none();
}

Ref<Object> m_buffer_info(Object* self, Object* const*, size_t, Tuple*) {
  Array* a = as_arr(self);
  Ref<Object> addr = int_from_u64(reinterpret_cast<uintptr_t>(a->data.data()));
  Ref<Object> n = int_from_i64(static_cast<int64_t>(count(a)));
  if (!addr || !n) return nullptr;
  return tuple_pack({addr.get(), n.get()});
}

Ref<Object> m_copy(Object* self, Object* const*, size_t, Tuple*) {
  Ref<Array> r = new_array(&ArrayType, as_arr(self)->typecode);
  if (!r) return nullptr;
  r->data = as_arr(self)->data;
  return r;
}

Ref<Object> m_reduce_ex(Object* self, Object* const*, size_t, Tuple*) {
  Array* a = as_arr(self);
  Ref<Object> tc = str_from(std::string_view(&a->typecode, 1));
  Ref<Object> items = a->typecode == 'u' ? tounicode_impl(a) : arr_tolist_impl(a);
  if (!tc || !items) return nullptr;
  Ref<Tuple> args = tuple_pack({tc.get(), items.get()});
  if (!args) return nullptr;
  return tuple_pack({type_of(self), args.get(), None});
}

Ref<Object> get_typecode(Object* self) { return str_from(std::string_view(&as_arr(self)->typecode, 1)); }
Ref<Object> get_itemsize(Object* self) { return int_from_i64(static_cast<int64_t>(as_arr(self)->itemsize)); }

const MethodDef array_methods[] = {
    {"append", m_append}, {"extend", m_extend}, {"insert", m_insert}, {"pop", m_pop},
    {"remove", m_remove}, {"index", m_index}, {"count", m_count}, {"reverse", m_reverse},
    {"byteswap", m_byteswap}, {"tobytes", m_tobytes}, {"frombytes", m_frombytes},
    {"tolist", m_tolist}, {"fromlist", m_fromlist}, {"tounicode", m_tounicode},
    {"fromunicode", m_fromunicode}, {"buffer_info", m_buffer_info}, {"__copy__", m_copy},
    {"__deepcopy__", m_copy}, {"__reduce_ex__", m_reduce_ex},
    {nullptr},
};

const GetSetDef array_getset[] = {
    {"typecode", get_typecode},
    {"itemsize", get_itemsize},
    {nullptr},
};

void array_dealloc(Object* self) { destroy_object(as_arr(self)); }

bool init_array_type() {
  static bool ready = false;
  if (ready) return true;
  TypeObject& t = ArrayType;
  t.type = &TypeType;
  t.base = &ObjectType;
  t.name = "array.array";
  t.basic_size = sizeof(Array);
  t.flags = kBaseType;
  t.dealloc = array_dealloc;
  t.repr = arr_repr;
  t.richcompare = arr_richcompare;
  t.hash = hash_not_implemented;
  t.iter = arr_iter;
  t.new_ = array_new;
  t.sq_length = arr_length;
  t.mp_subscript = arr_subscript;
  t.mp_ass_subscript = arr_ass_subscript;
  t.sq_contains = arr_contains;
  t.nb_binary[static_cast<int>(BinaryOp::Add)] = arr_concat;
  t.nb_binary[static_cast<int>(BinaryOp::Mul)] = arr_repeat;
  t.nb_inplace[static_cast<int>(BinaryOp::Add)] = arr_inplace_concat;
  t.nb_inplace[static_cast<int>(BinaryOp::Mul)] = arr_inplace_repeat;
  t.methods = array_methods;
  t.getset = array_getset;
  if (!type_ready(&t)) return false;
  register_buffer_type(&ArrayType, array_buffer);
  ready = true;
  return true;
}

}  // namespace

Ref<Object> make_array_module() {
  if (!init_array_type()) return nullptr;
  Ref<Object> m = module_new_builtin("array");
  if (!m) return nullptr;
  Ref<Object> codes = str_from(kTypecodes);
  if (!codes || !module_add_object(m.get(), "array", &ArrayType) ||
      !module_add_object(m.get(), "ArrayType", &ArrayType) || !module_add_object(m.get(), "typecodes", codes.get()))
    return nullptr;
  return m;
}

}  // namespace coil::runtime
