// _struct.cpp — the `_struct` module behind `struct`: converting between
// Python values and C structs laid out as bytes.
//
// A format string is compiled once into a list of Codes (kind, repeat
// count, byte offset, size) and cached, as CPython's Struct objects are.
// The first character picks the mode:
//
//   '@' (default)  native byte order, native sizes, native alignment
//   '='            native byte order, standard sizes, no alignment
//   '<' '>' '!'    little / big / network(=big) endian, standard sizes
//
// Standard sizes: c b B ? 1, h H e 2, i I l L f 4, q Q d 8.  Native mode
// adds n N P and makes l L 8 bytes (LP64), and pads each item to a
// multiple of its own size, as a C compiler would.
//
// Integers are range-checked with CPython's struct.error messages
// ("short format requires -32768 <= number <= 32767", "argument out of
// range"); floats go through memcpy; 'e' (IEEE half) is rounded to nearest
// even by hand.
#include <cmath>
#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/memoryview.h"
#include "runtime/module.h"
#include "runtime/names.h"
#include "runtime/singletons.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "stdlib/native/modules.h"

namespace coil::runtime {

TypeObject StructType;

namespace {

TypeObject* g_error = nullptr;   // struct.error (strong)

enum class Order : uint8_t { Native, NativeStd, Little, Big };

struct Code {
  char kind;
  int64_t count;     // repeat count; for 's'/'p' the string length
  int64_t offset;
  int64_t size;      // size of one item
};

struct StructObj : Object {
  Ref<Object> format;   // str
  Order order = Order::Native;
  std::vector<Code> codes;
  int64_t size = 0;
  int64_t nitems = 0;   // number of Python values packed/unpacked
};

inline StructObj* as_st(Object* o) { return static_cast<StructObj*>(o); }

Ref<Object> struct_error(const std::string& msg) { return set_error(g_error, msg); }

bool little_endian(Order o) {
  if (o == Order::Little) return true;
  if (o == Order::Big) return false;
  return true;   // x86-64 / aarch64 Linux
}

// Item size of `c` in the given mode; 0 for an unknown code.
int64_t code_size(char c, Order o) {
  bool native = o == Order::Native;
  switch (c) {
    case 'x': case 'c': case 'b': case 'B': case '?': case 's': case 'p': return 1;
    case 'h': case 'H': case 'e': return 2;
    case 'i': case 'I': case 'f': return 4;
    case 'l': case 'L': return native ? 8 : 4;
    case 'q': case 'Q': case 'd': return 8;
    case 'n': case 'N': case 'P': return native ? 8 : 0;
    default: return 0;
  }
}

// Compiles `fmt` into s->codes; false with struct.error set.
bool compile_format(StructObj* s, std::string_view fmt) {
  size_t i = 0;
  s->order = Order::Native;
  if (!fmt.empty()) {
    switch (fmt[0]) {
      case '@': s->order = Order::Native; i = 1; break;
      case '=': s->order = Order::NativeStd; i = 1; break;
      case '<': s->order = Order::Little; i = 1; break;
      case '>': case '!': s->order = Order::Big; i = 1; break;
      default: break;
    }
  }
  int64_t offset = 0, nitems = 0;
  while (i < fmt.size()) {
    char c = fmt[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') { i++; continue; }
    int64_t count = 1;
    bool has_count = false;
    if (c >= '0' && c <= '9') {
      count = 0;
      while (i < fmt.size() && fmt[i] >= '0' && fmt[i] <= '9') {
        if (count > (INT64_MAX / 10)) { struct_error("total struct size too long"); return false; }
        count = count * 10 + (fmt[i] - '0');
        i++;
      }
      has_count = true;
      if (i >= fmt.size()) { struct_error("repeat count given without format specifier"); return false; }
      c = fmt[i];
    }
    (void)has_count;
    int64_t size = code_size(c, s->order);
    if (size == 0) { struct_error("bad char in struct format"); return false; }
    if (s->order == Order::Native && c != 's' && c != 'p' && c != 'x' && size > 1)
      offset = (offset + size - 1) / size * size;   // native alignment
    if (c == 's' || c == 'p') {
      s->codes.push_back({c, count, offset, count});
      offset += count;
      nitems += 1;
    } else if (c == 'x') {
      offset += count;
    } else {
      s->codes.push_back({c, count, offset, size});
      offset += count * size;
      nitems += count;
    }
    i++;
  }
  s->size = offset;
  s->nitems = nitems;
  return true;
}

// ---- integers -------------------------------------------------------------------------------

void put_uint(char* p, uint64_t v, int64_t size, bool little) {
  for (int64_t k = 0; k < size; k++) {
    int64_t idx = little ? k : size - 1 - k;
    p[idx] = static_cast<char>(v & 0xFF);
    v >>= 8;
  }
}

uint64_t get_uint(const char* p, int64_t size, bool little) {
  uint64_t v = 0;
  for (int64_t k = 0; k < size; k++) {
    int64_t idx = little ? size - 1 - k : k;
    v = (v << 8) | static_cast<unsigned char>(p[idx]);
  }
  return v;
}

bool is_unsigned(char c) { return c == 'B' || c == 'H' || c == 'I' || c == 'L' || c == 'Q' || c == 'N' || c == 'P'; }

bool range_fail(char c, int64_t size, bool negative_unsigned) {
  if (c == 'b') return struct_error("byte format requires -128 <= number <= 127"), false;
  if (c == 'B') return struct_error("ubyte format requires 0 <= number <= 255"), false;
  if (c == 'h') return struct_error("short format requires -32768 <= number <= 32767"), false;
  if (c == 'H') return struct_error("ushort format requires 0 <= number <= 65535"), false;
  if (size >= 8 || negative_unsigned) return struct_error("argument out of range"), false;
  if (is_unsigned(c))
    return struct_error(format_message("'%c' format requires 0 <= number <= %llu", c,
                                       static_cast<unsigned long long>((uint64_t{1} << (size * 8)) - 1))),
           false;
  int64_t hi = (int64_t{1} << (size * 8 - 1)) - 1;
  return struct_error(format_message("'%c' format requires %lld <= number <= %lld", c,
                                     static_cast<long long>(-hi - 1), static_cast<long long>(hi))),
         false;
}

bool pack_int(char c, int64_t size, Object* v, char* p, bool little) {
  if (!int_check(v) && !type_of(v)->nb_index) return struct_error("required argument is not an integer"), false;
  Ref<Object> iv = index(v);
  if (!iv) return false;
  int sign = int_sign(iv.get());
  uint64_t bits = int_bit_length(iv.get());
  if (c == 'P') {
    // Pointers wrap like C's conversion of a Python int to void*.
    mpz_t z;
    mpz_init(z);
    int_to_mpz(iv.get(), z);
    uint64_t u = static_cast<uint64_t>(mpz_get_ui(z));
    if (sign < 0) u = ~u + 1;
    mpz_clear(z);
    if (bits > 64) return struct_error("argument out of range"), false;
    put_uint(p, u, size, little);
    return true;
  }
  if (is_unsigned(c)) {
    if (sign < 0) return range_fail(c, size, c != 'B' && c != 'H');
    if (bits > static_cast<uint64_t>(size * 8)) return range_fail(c, size, false);
    mpz_t z;
    mpz_init(z);
    int_to_mpz(iv.get(), z);
    uint64_t u = mpz_get_ui(z);
    mpz_clear(z);
    put_uint(p, u, size, little);
    return true;
  }
  int64_t x;
  if (!int_fits_i64(iv.get(), &x)) return range_fail(c, size, false);
  if (size < 8) {
    int64_t hi = (int64_t{1} << (size * 8 - 1)) - 1;
    if (x > hi || x < -hi - 1) return range_fail(c, size, false);
  }
  put_uint(p, static_cast<uint64_t>(x), size, little);
  return true;
}

Ref<Object> unpack_int(char c, int64_t size, const char* p, bool little) {
  uint64_t u = get_uint(p, size, little);
  if (is_unsigned(c)) return int_from_u64(u);
  if (size < 8) {
    uint64_t sign_bit = uint64_t{1} << (size * 8 - 1);
    if (u & sign_bit) return int_from_i64(static_cast<int64_t>(u) - static_cast<int64_t>(sign_bit << 1));
  }
  return int_from_i64(static_cast<int64_t>(u));
}

// ---- IEEE half precision -----------------------------------------------------------------------

bool pack_half(double x, uint16_t* out) {
  uint16_t sign = std::signbit(x) ? 0x8000 : 0;
  if (std::isnan(x)) { *out = sign | 0x7e00; return true; }
  double a = std::fabs(x);
  if (std::isinf(a)) { *out = sign | 0x7c00; return true; }
  if (a == 0) { *out = sign; return true; }
  int e;
  double f = std::frexp(a, &e);   // a = f * 2**e, 0.5 <= f < 1
  // Normal halves have exponent -14..15 (value 2**(e-1) with f in [1,2)).
  int exp = e - 1;
  uint32_t bits;
  if (exp < -14) {
    // Subnormal: units of 2**-24.
    double units = std::ldexp(a, 24);
    double r = std::nearbyint(units);   // round half to even (default mode)
    bits = static_cast<uint32_t>(r);
    if (bits >= 0x400) { *out = sign | static_cast<uint16_t>(bits); return true; }   // rounded up into normals
    *out = sign | static_cast<uint16_t>(bits);
    return true;
  }
  double mant = std::ldexp(f * 2 - 1, 10);   // 10-bit fraction
  double r = std::nearbyint(mant);
  uint32_t m = static_cast<uint32_t>(r);
  if (m == 0x400) { m = 0; exp++; }
  if (exp > 15) {
    set_error(exc::OverflowError, "float too large to pack with e format");
    return false;
  }
  bits = (static_cast<uint32_t>(exp + 15) << 10) | m;
  *out = sign | static_cast<uint16_t>(bits);
  return true;
}

double unpack_half(uint16_t h) {
  int sign = h >> 15;
  int exp = (h >> 10) & 0x1f;
  int m = h & 0x3ff;
  double v;
  if (exp == 0) v = std::ldexp(m, -24);
  else if (exp == 31) v = m ? NAN : INFINITY;
  else v = std::ldexp(m + 1024, exp - 25);
  return sign ? -v : v;
}

// ---- one item ------------------------------------------------------------------------------

bool pack_one(const Code& code, Order order, Object* v, char* p) {
  bool little = little_endian(order);
  char c = code.kind;
  switch (c) {
    case 'c':
      if (!bytes_check(v) && !bytearray_check(v)) return struct_error("char format requires a bytes object of length 1"), false;
      {
        std::string_view bv;
        bytes_like_view(v, &bv);
        if (bv.size() != 1) return struct_error("char format requires a bytes object of length 1"), false;
        *p = bv[0];
      }
      return true;
    case '?': {
      int t = is_true(v);
      if (t < 0) return false;
      *p = static_cast<char>(t);
      return true;
    }
    case 'e': case 'f': case 'd': {
      if (!float_check(v) && !int_check(v) && !type_of(v)->nb_float && !type_of(v)->nb_index)
        return struct_error("required argument is not a float"), false;
      Ref<Object> f = to_float(v);
      if (!f) return false;
      double d = float_value(f.get());
      if (c == 'e') {
        uint16_t h;
        if (!pack_half(d, &h)) return false;
        put_uint(p, h, 2, little);
      } else if (c == 'f') {
        float x = static_cast<float>(d);
        if (std::isinf(x) && !std::isinf(d)) {
          set_error(exc::OverflowError, "float too large to pack with f format");
          return false;
        }
        uint32_t u;
        std::memcpy(&u, &x, 4);
        put_uint(p, u, 4, little);
      } else {
        uint64_t u;
        std::memcpy(&u, &d, 8);
        put_uint(p, u, 8, little);
      }
      return true;
    }
    default:
      return pack_int(c, code.size, v, p, little);
  }
}

Ref<Object> unpack_one(const Code& code, Order order, const char* p) {
  bool little = little_endian(order);
  switch (code.kind) {
    case 'c': return bytes_from(std::string_view(p, 1));
    case '?': return new_bool(*p != 0);
    case 'e': return float_from_double(unpack_half(static_cast<uint16_t>(get_uint(p, 2, little))));
    case 'f': {
      uint32_t u = static_cast<uint32_t>(get_uint(p, 4, little));
      float x;
      std::memcpy(&x, &u, 4);
      return float_from_double(x);
    }
    case 'd': {
      uint64_t u = get_uint(p, 8, little);
      double x;
      std::memcpy(&x, &u, 8);
      return float_from_double(x);
    }
    default: return unpack_int(code.kind, code.size, p, little);
  }
}

// ---- whole structs -------------------------------------------------------------------------

bool pack_to(StructObj* s, Object* const* args, size_t nargs, char* out) {
  if (static_cast<int64_t>(nargs) != s->nitems)
    return struct_error(format_message("pack expected %lld items for packing (got %zu)",
                                       static_cast<long long>(s->nitems), nargs)),
           false;
  std::memset(out, 0, static_cast<size_t>(s->size));
  size_t a = 0;
  for (const Code& code : s->codes) {
    char* p = out + code.offset;
    if (code.kind == 's' || code.kind == 'p') {
      Object* v = args[a++];
      std::string_view bv;
      if (!bytes_check(v) && !bytearray_check(v))
        return struct_error(format_message("argument for '%c' must be a bytes object", code.kind)), false;
      bytes_like_view(v, &bv);
      if (code.kind == 's') {
        std::memcpy(p, bv.data(), std::min<size_t>(bv.size(), static_cast<size_t>(code.count)));
      } else if (code.count > 0) {
        size_t n = std::min<size_t>(bv.size(), static_cast<size_t>(code.count - 1));
        n = std::min<size_t>(n, 255);
        p[0] = static_cast<char>(n);
        std::memcpy(p + 1, bv.data(), n);
      }
      continue;
    }
    for (int64_t k = 0; k < code.count; k++)
      if (!pack_one(code, s->order, args[a++], p + k * code.size)) return false;
  }
  return true;
}

Ref<Object> unpack_at(StructObj* s, const char* data) {
  Ref<Tuple> t = tuple_new(static_cast<size_t>(s->nitems));
  if (!t) return nullptr;
  size_t a = 0;
  for (const Code& code : s->codes) {
    const char* p = data + code.offset;
    if (code.kind == 's') {
      Ref<Object> v = bytes_from(std::string_view(p, static_cast<size_t>(code.count)));
      if (!v) return nullptr;
      tuple_set(t.get(), a++, std::move(v));
      continue;
    }
    if (code.kind == 'p') {
      size_t n = code.count > 0 ? static_cast<unsigned char>(p[0]) : 0;
      if (code.count > 0 && n >= static_cast<size_t>(code.count)) n = static_cast<size_t>(code.count - 1);
      Ref<Object> v = bytes_from(std::string_view(p + 1, n));
      if (!v) return nullptr;
      tuple_set(t.get(), a++, std::move(v));
      continue;
    }
    for (int64_t k = 0; k < code.count; k++) {
      Ref<Object> v = unpack_one(code, s->order, p + k * code.size);
      if (!v) return nullptr;
      tuple_set(t.get(), a++, std::move(v));
    }
  }
  return t;
}

// ---- the Struct type and the format cache ------------------------------------------------------

std::unordered_map<std::string, Ref<Object>>& cache() {
  static std::unordered_map<std::string, Ref<Object>> c;
  return c;
}

Ref<Object> struct_from_format(TypeObject* type, Object* fmt) {
  std::string_view f;
  if (str_check(fmt)) f = str_view(fmt);
  else if (bytes_check(fmt)) f = bytes_view(fmt);
  else return set_errorf(exc::TypeError, "Struct() argument 1 must be a str or bytes object, not %T", fmt);
  StructObj* s = alloc<StructObj>(type);
  if (!s) return nullptr;
  Ref<Object> r = steal(static_cast<Object*>(s));
  s->format = str_check(fmt) ? borrow(fmt) : Ref<Object>(str_from(f));
  if (!s->format || !compile_format(s, f)) return nullptr;
  return r;
}

// The compiled Struct for a format argument (cached by text).
Ref<Object> cached_struct(Object* fmt) {
  if (fmt->type == &StructType) return borrow(fmt);
  std::string key;
  if (str_check(fmt)) key = "s" + std::string(str_view(fmt));
  else if (bytes_check(fmt)) key = "b" + std::string(bytes_view(fmt));
  auto it = key.empty() ? cache().end() : cache().find(key);
  if (it != cache().end()) return it->second;
  Ref<Object> s = struct_from_format(&StructType, fmt);
  if (!s) return nullptr;
  if (cache().size() > 100) cache().clear();
  if (!key.empty()) cache()[key] = s;
  return s;
}

bool get_data(Object* buf, std::string_view* out) {
  if (contiguous_buffer_view(buf, out)) return true;
  set_errorf(exc::TypeError, "a bytes-like object is required, not '%T'", buf);
  return false;
}

Ref<Object> s_pack_impl(StructObj* s, Object* const* args, size_t nargs) {
  Ref<Bytes> b = bytes_alloc(static_cast<size_t>(s->size));
  if (!b) return nullptr;
  if (!pack_to(s, args, nargs, b->data)) return nullptr;
  return b;
}

Ref<Object> s_unpack_impl(StructObj* s, Object* buf) {
  std::string_view v;
  if (!get_data(buf, &v)) return nullptr;
  if (static_cast<int64_t>(v.size()) != s->size)
    return struct_error(format_message("unpack requires a buffer of %lld bytes", static_cast<long long>(s->size)));
  return unpack_at(s, v.data());
}

Ref<Object> s_unpack_from_impl(StructObj* s, Object* buf, int64_t offset) {
  std::string_view v;
  if (!get_data(buf, &v)) return nullptr;
  int64_t n = static_cast<int64_t>(v.size());
  if (offset < 0) {
    if (offset + n < 0) return struct_error(format_message("offset %lld out of range for %lld-byte buffer",
                                                           static_cast<long long>(offset), static_cast<long long>(n)));
    offset += n;
  }
  if (n - offset < s->size) {
    return struct_error(format_message(
        "unpack_from requires a buffer of at least %lld bytes for unpacking %lld bytes at offset %lld (actual buffer size is %lld)",
        static_cast<long long>(s->size + offset), static_cast<long long>(s->size), static_cast<long long>(offset),
        static_cast<long long>(n)));
  }
  return unpack_at(s, v.data() + offset);
}

Ref<Object> s_pack_into_impl(StructObj* s, Object* buf, Object* off_obj, Object* const* args, size_t nargs) {
  BufferInfo bi;
  if (!get_buffer(buf, &bi)) return nullptr;
  if (bi.readonly) return set_errorf(exc::TypeError, "argument must be read-write bytes-like object, not %T", buf);
  int64_t offset;
  if (!index_to_i64(off_obj, &offset)) return nullptr;
  int64_t n = static_cast<int64_t>(bi.len);
  if (offset < 0) {
    if (offset + s->size > 0)
      return struct_error(format_message("no space to pack %lld bytes at offset %lld", static_cast<long long>(s->size),
                                         static_cast<long long>(offset)));
    if (offset + n < 0)
      return struct_error(format_message("offset %lld out of range for %lld-byte buffer", static_cast<long long>(offset),
                                         static_cast<long long>(n)));
    offset += n;
  }
  if (n - offset < s->size)
    return struct_error(format_message(
        "pack_into requires a buffer of at least %lld bytes for packing %lld bytes at offset %lld (actual buffer size is %lld)",
        static_cast<long long>(s->size + offset), static_cast<long long>(s->size), static_cast<long long>(offset),
        static_cast<long long>(n)));
  std::string tmp(static_cast<size_t>(s->size), '\0');
  if (!pack_to(s, args, nargs, tmp.data())) return nullptr;
  if (!get_buffer(buf, &bi)) return nullptr;   // packing ran Python code (__index__)
  std::memcpy(bi.data + offset, tmp.data(), tmp.size());
  return none();
}

Ref<Object> s_iter_unpack_impl(StructObj* s, Object* buf) {
  std::string_view v;
  if (!get_data(buf, &v)) return nullptr;
  if (s->size == 0) return struct_error("cannot iteratively unpack with a struct of length 0");
  if (static_cast<int64_t>(v.size()) % s->size != 0)
    return struct_error(format_message("iterative unpacking requires a buffer of a multiple of %lld bytes",
                                       static_cast<long long>(s->size)));
  // CPython returns a lazy unpack_iterator; a list iterator gives the same values.
  Ref<List> l = list_new();
  if (!l) return nullptr;
  for (size_t off = 0; off < v.size(); off += static_cast<size_t>(s->size)) {
    Ref<Object> t = unpack_at(s, v.data() + off);
    if (!t || !list_append(l.get(), t.get())) return nullptr;
  }
  return get_iter(l.get());
}

// Struct methods.
Ref<Object> st_pack(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("pack", kw)) return nullptr;
  return s_pack_impl(as_st(self), args, nargs);
}
Ref<Object> st_unpack(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("unpack", kw) || !check_nargs("unpack", nargs, 1, 1)) return nullptr;
  return s_unpack_impl(as_st(self), args[0]);
}
Ref<Object> st_unpack_from(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  static const ArgSpec spec{"unpack_from", {"buffer", "offset"}, 1};
  Object* a[2] = {};
  if (!bind_args(spec, args, nargs, kw, a)) return nullptr;
  int64_t off = 0;
  if (a[1] && !index_to_i64(a[1], &off)) return nullptr;
  return s_unpack_from_impl(as_st(self), a[0], off);
}
Ref<Object> st_pack_into(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("pack_into", kw)) return nullptr;
  if (nargs < 2) return set_errorf(exc::TypeError, "pack_into expected buffer argument");
  return s_pack_into_impl(as_st(self), args[0], args[1], args + 2, nargs - 2);
}
Ref<Object> st_iter_unpack(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("iter_unpack", kw) || !check_nargs("iter_unpack", nargs, 1, 1)) return nullptr;
  return s_iter_unpack_impl(as_st(self), args[0]);
}
Ref<Object> st_get_format(Object* self) { return as_st(self)->format; }
Ref<Object> st_get_size(Object* self) { return int_from_i64(as_st(self)->size); }

Ref<Object> st_new(TypeObject* type, Object* const* args, size_t nargs, Tuple* kw) {
  static const ArgSpec spec{"Struct", {"format"}, 1};
  Object* a[1];
  if (!bind_args(spec, args, nargs, kw, a)) return nullptr;
  return struct_from_format(type, a[0]);
}

void st_dealloc(Object* self) { destroy_object(as_st(self)); }

const MethodDef st_methods[] = {
    {"pack", st_pack}, {"unpack", st_unpack}, {"unpack_from", st_unpack_from},
    {"pack_into", st_pack_into}, {"iter_unpack", st_iter_unpack},
    {nullptr},
};
const GetSetDef st_getset[] = {
    {"format", st_get_format},
    {"size", st_get_size},
    {nullptr},
};

// Module functions: the same operations with the format as first argument.
Ref<Object> f_pack(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("pack", kw)) return nullptr;
  if (nargs < 1) return set_error(exc::TypeError, "pack expected at least 1 argument, got 0");
  Ref<Object> s = cached_struct(args[0]);
  if (!s) return nullptr;
  return s_pack_impl(as_st(s.get()), args + 1, nargs - 1);
}
Ref<Object> f_unpack(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("unpack", kw) || !check_nargs("unpack", nargs, 2, 2)) return nullptr;
  Ref<Object> s = cached_struct(args[0]);
  if (!s) return nullptr;
  return s_unpack_impl(as_st(s.get()), args[1]);
}
Ref<Object> f_unpack_from(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  static const ArgSpec spec{"unpack_from", {"format", "buffer", "offset"}, 2, 2};
  Object* a[3] = {};
  if (!bind_args(spec, args, nargs, kw, a)) return nullptr;
  Ref<Object> s = cached_struct(a[0]);
  if (!s) return nullptr;
  int64_t off = 0;
  if (a[2] && !index_to_i64(a[2], &off)) return nullptr;
  return s_unpack_from_impl(as_st(s.get()), a[1], off);
}
Ref<Object> f_pack_into(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("pack_into", kw)) return nullptr;
  if (nargs < 3) return set_errorf(exc::TypeError, "pack_into expected at least 3 arguments, got %zu", nargs);
  Ref<Object> s = cached_struct(args[0]);
  if (!s) return nullptr;
  return s_pack_into_impl(as_st(s.get()), args[1], args[2], args + 3, nargs - 3);
}
Ref<Object> f_iter_unpack(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("iter_unpack", kw) || !check_nargs("iter_unpack", nargs, 2, 2)) return nullptr;
  Ref<Object> s = cached_struct(args[0]);
  if (!s) return nullptr;
  return s_iter_unpack_impl(as_st(s.get()), args[1]);
}
Ref<Object> f_calcsize(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("calcsize", kw) || !check_nargs("calcsize", nargs, 1, 1)) return nullptr;
  Ref<Object> s = cached_struct(args[0]);
  if (!s) return nullptr;
  return int_from_i64(as_st(s.get())->size);
}
Ref<Object> f_clearcache(Object*, Object* const*, size_t, Tuple*) {
  cache().clear();
  return none();
}

const MethodDef struct_functions[] = {
    {"pack", f_pack}, {"unpack", f_unpack}, {"unpack_from", f_unpack_from},
    {"pack_into", f_pack_into}, {"iter_unpack", f_iter_unpack}, {"calcsize", f_calcsize},
    {"_clearcache", f_clearcache},
    {nullptr},
};

bool init_struct_type() {
  static bool ready = false;
  if (ready) return true;
  TypeObject& t = StructType;
  t.type = &TypeType;
  t.base = &ObjectType;
  t.name = "_struct.Struct";
  t.basic_size = sizeof(StructObj);
  t.flags = kBaseType;
  t.dealloc = st_dealloc;
  t.new_ = st_new;
  t.methods = st_methods;
  t.getset = st_getset;
  if (!type_ready(&t)) return false;
  ready = true;
  return true;
}

}  // namespace

Ref<Object> make_struct_module() {
  if (!init_struct_type()) return nullptr;
  if (!g_error) {
    Ref<Object> name = str_from("error");
    Ref<Tuple> bases = tuple_pack({exc::Exception});
    Ref<Dict> ns = dict_new();
    Ref<Object> module = str_from("struct");
    if (!name || !bases || !ns || !module || dict_set(ns.get(), names::__module__, module.get()) < 0) return nullptr;
    Object* args[3] = {name.get(), bases.get(), ns.get()};
    Ref<Object> t = call(&TypeType, args, 3);
    if (!t) return nullptr;
    g_error = static_cast<TypeObject*>(t.release());
  }
  Ref<Object> m = module_new_builtin("_struct");
  if (!m || !module_add_functions(m.get(), struct_functions) || !module_add_object(m.get(), "Struct", &StructType) ||
      !module_add_object(m.get(), "error", g_error))
    return nullptr;
  return m;
}

}  // namespace coil::runtime
