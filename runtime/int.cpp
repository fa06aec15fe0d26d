// int.cpp — the int type: arbitrary precision with a machine-word fast path.
//
// REPRESENTATION.  CPython stores every int as an array of 30-bit digits.
// coil keeps two forms in one struct (runtime/int.h):
//
//     small:  | refcnt | type | value  |                  24 bytes, no heap memory
//     big:    | refcnt | type | INT64_MIN | mpz (16 B) |  limbs on the heap
//
// The word INT64_MIN is the tag of the big form (no flag byte, so a small
// int is 24 bytes, not 32 or 40); the value INT64_MIN itself is therefore
// stored big, like every value outside int64_t.  The mpz sits after the
// fixed part of the instance (int_subtype instances put their __dict__
// word first): mpz_of() finds it from the type's basic size.
//
// The invariant "big implies the value does not fit in (INT64_MIN,
// INT64_MAX]" is kept by normalising every result (int_from_i64,
// int_from_mpz_steal), so the two forms never overlap: equality of small
// ints is equality of words, and a big int is never equal to a small one.  Nearly all the ints a program touches are
// small, so every operation first tries the word-sized path with the
// compiler's overflow builtins and falls back to GMP only on overflow or
// when an operand is already big.  GMP's mpz_and/ior/xor/com already give
// Python's infinite two's complement semantics for negative numbers, and
// mpz_fdiv_* give floor division with the sign of the divisor.
//
// IDENTITY.  -5..256 are preallocated and never freed (DESIGN decision 3);
// int_from_i64 hands them out, so `256 is 256` everywhere.  Other small
// ints come from a free list of recycled objects, as CPython does for
// floats, because int objects are created and dropped at a furious rate.
//
// TRUE DIVISION follows CPython's long_true_divide: the quotient is rounded
// once, correctly, even when both operands are too big for a double.
#include "runtime/int.h"

#include <algorithm>
#include <cerrno>
#include <cfloat>
#include <charconv>
#include <climits>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <new>

#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/bytes.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/format_spec.h"
#include "runtime/list.h"
#include "runtime/names.h"
#include "runtime/singletons.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"
#include "runtime/unicode.h"

namespace coil::runtime {

TypeObject IntType;

namespace {

constexpr int64_t kSmallMin = -5;
constexpr int64_t kSmallMax = 256;
constexpr uint64_t kHashModulus = (uint64_t{1} << 61) - 1;
constexpr int kHashBits = 61;
// Results larger than this many bits raise MemoryError up front: GMP
// aborts the process when an allocation fails, so refuse the absurd ones.
constexpr uint64_t kMaxBits = uint64_t{1} << 36;

Int small_ints[kSmallMax - kSmallMin + 1];
bool small_ints_ready = false;

// Recycled exact-int objects (small form; the mpz was already cleared).
constexpr int kFreeListMax = 256;
Int* free_list[kFreeListMax];
int free_count = 0;

int64_t max_str_digits = 4300;

inline Int* as_int(Object* o) { return static_cast<Int*>(o); }
inline const Int* as_int(const Object* o) { return static_cast<const Int*>(o); }

// The big form (see REPRESENTATION above) and where its mpz lives: after
// the fixed part of the type's instances (a subclass's __dict__ word
// comes first).
inline bool is_big(const Int* i) { return i->small == kIntBigTag; }
inline size_t mpz_offset(const TypeObject* t) { return std::max(t->basic_size, sizeof(Int)); }
inline __mpz_struct* mpz_of(Int* i) {
  return reinterpret_cast<__mpz_struct*>(reinterpret_cast<char*>(i) + mpz_offset(i->type));
}
inline const __mpz_struct* mpz_of(const Int* i) {
  return reinterpret_cast<const __mpz_struct*>(reinterpret_cast<const char*>(i) + mpz_offset(i->type));
}
// Whether an mpz value has the small form: fits int64_t and is not the tag.
inline bool mpz_fits_small(mpz_srcptr v) { return mpz_fits_slong_p(v) && mpz_get_si(v) != kIntBigTag; }

void init_small_ints() {
  if (small_ints_ready) return;
  for (int64_t v = kSmallMin; v <= kSmallMax; ++v) {
    Int* i = &small_ints[v - kSmallMin];
    i->refcnt = intptr_t{1} << 40;   // immortal in practice
    i->type = &IntType;
    i->small = v;
  }
  small_ints_ready = true;
}

bool is_cached(const Object* o) {
  return o >= &small_ints[0] && o <= &small_ints[kSmallMax - kSmallMin];
}

// A fresh exact int in the small form (not from the cache).
Int* new_int_object() {
  if (free_count > 0) {
    Int* i = free_list[--free_count];
    new (i) Int();
    init_header(i, &IntType);
    return i;
  }
  return alloc<Int>(&IntType);
}

// v must not be kIntBigTag (int_from_i64 routes that one to the big form).
Ref<Object> new_small(int64_t v) {
  Int* i = new_int_object();
  if (!i) return nullptr;
  i->small = v;
  return Ref<Object>::steal(i);
}

// A read-only mpz for either form, without allocating for small ints
// (mpz_roinit_n over a limb on the stack).
class MpzArg {
 public:
  explicit MpzArg(const Object* o) {
    const Int* i = as_int(o);
    if (is_big(i)) {
      ptr_ = mpz_of(i);
    } else {
      int64_t v = i->small;
      limb_ = v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
      mpz_roinit_n(tmp_, &limb_, v < 0 ? -1 : (v > 0 ? 1 : 0));
      ptr_ = tmp_;
    }
  }
  MpzArg(const MpzArg&) = delete;
  MpzArg& operator=(const MpzArg&) = delete;
  mpz_srcptr get() const { return ptr_; }

 private:
  mp_limb_t limb_ = 0;
  mpz_t tmp_;
  mpz_srcptr ptr_;
};

// An owned mpz that clears itself unless released to int_from_mpz_steal.
class Mpz {
 public:
  Mpz() { mpz_init(v_); }
  ~Mpz() { if (live_) mpz_clear(v_); }
  Mpz(const Mpz&) = delete;
  Mpz& operator=(const Mpz&) = delete;
  mpz_ptr get() { return v_; }
  Ref<Object> to_int() { live_ = false; return int_from_mpz_steal(v_); }

 private:
  mpz_t v_;
  bool live_ = true;
};

uint64_t abs_u64(int64_t v) { return v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v); }

Ref<Object> memory_error() { return no_memory_error(); }

// GMP aborts the process when an allocation fails, so an operation whose
// result needs `bits` bits first checks that the memory can be had: a
// result past kMaxBits is refused outright, a smaller but large one is
// tried with malloc (and given back) — MemoryError instead of an abort
// when the address space is limited (ulimit -v) or exhausted.
bool result_fits_memory(uint64_t bits) {
  if (bits > kMaxBits) return false;
  if (bits < (uint64_t{1} << 23)) return true;   // under 1 MiB: not worth a probe
  void* p = std::malloc(bits / 8 + 64);
  if (!p) return false;
  std::free(p);
  return true;
}

Ref<Object> zero_division(const char* msg) { return set_error(exc::ZeroDivisionError, msg); }

}  // namespace

// ---- construction -------------------------------------------------------------

bool int_check(const Object* o) { return type_has(o->type, kIntSubclass); }

Ref<Object> int_from_i64(int64_t v) {
  if (v >= kSmallMin && v <= kSmallMax) {
    init_small_ints();
    return Ref<Object>::borrow(&small_ints[v - kSmallMin]);
  }
  if (v == kIntBigTag) [[unlikely]] {
    Mpz m;
    mpz_set_si(m.get(), v);
    return m.to_int();
  }
  return new_small(v);
}

Ref<Object> int_from_u64(uint64_t v) {
  if (v <= static_cast<uint64_t>(INT64_MAX)) return int_from_i64(static_cast<int64_t>(v));
  Mpz m;
  mpz_set_ui(m.get(), v);
  return m.to_int();
}

Ref<Object> int_from_mpz_steal(mpz_t v) {
  if (mpz_fits_small(v)) {
    int64_t s = mpz_get_si(v);
    mpz_clear(v);
    return int_from_i64(s);
  }
  Int* i = alloc<Int>(&IntType, sizeof(__mpz_struct));
  if (!i) { mpz_clear(v); return nullptr; }
  i->small = kIntBigTag;
  *mpz_of(i) = *v;   // takes over the limbs
  return Ref<Object>::steal(i);
}

Ref<Object> int_from_mpz(const mpz_t v) {
  if (mpz_fits_small(v)) return int_from_i64(mpz_get_si(v));
  Mpz m;
  mpz_set(m.get(), v);
  return m.to_int();
}

void int_to_mpz(const Object* o, mpz_t out) {
  const Int* i = as_int(o);
  if (is_big(i)) mpz_set(out, mpz_of(i));
  else mpz_set_si(out, i->small);
}

Ref<Object> int_from_double(double v) {
  if (std::isinf(v)) return set_error(exc::OverflowError, "cannot convert float infinity to integer");
  if (std::isnan(v)) return set_error(exc::ValueError, "cannot convert float NaN to integer");
  double t = std::trunc(v);
  // 2**63 is exactly representable; anything below it in magnitude fits.
  if (t >= -9223372036854775808.0 && t < 9223372036854775808.0) return int_from_i64(static_cast<int64_t>(t));
  Mpz m;
  mpz_set_d(m.get(), t);   // exact for integral doubles
  return m.to_int();
}

Ref<Object> int_exact(Object* o) {
  if (int_check_exact(o)) return Ref<Object>::borrow(o);
  const Int* i = as_int(o);
  if (!is_big(i)) return int_from_i64(i->small);
  return int_from_mpz(mpz_of(i));
}

Ref<Object> int_subtype_new(TypeObject* type, Object* v) {
  const Int* src = as_int(v);
  size_t size = mpz_offset(type) + (is_big(src) ? sizeof(__mpz_struct) : 0);
  void* mem = mem_alloc(size);
  if (!mem) return no_memory_error();
  std::memset(mem, 0, size);   // the instance dict pointer (if any) starts null
  Int* i = new (mem) Int();
  init_header(i, type);
  if (is_big(src)) {
    i->small = kIntBigTag;
    mpz_init_set(mpz_of(i), mpz_of(src));
  } else {
    i->small = src->small;
  }
  return Ref<Object>::steal(i);
}

// ---- conversions ----------------------------------------------------------------

bool int_fits_i64(const Object* o, int64_t* out) {
  const Int* i = as_int(o);
  if (is_big(i)) {
    // INT64_MIN is the one int64_t value kept in the big form.
    if (!mpz_fits_slong_p(mpz_of(i))) return false;
    *out = mpz_get_si(mpz_of(i));
    return true;
  }
  *out = i->small;
  return true;
}

bool int_to_i64(Object* o, int64_t* out) {
  if (int_fits_i64(o, out)) return true;
  set_error(exc::OverflowError, "Python int too large to convert to C long");
  return false;
}

int int_sign(Object* o) {
  const Int* i = as_int(o);
  if (is_big(i)) return mpz_sgn(mpz_of(i));
  return i->small < 0 ? -1 : (i->small > 0 ? 1 : 0);
}

uint64_t int_bit_length(const Object* o) {
  const Int* i = as_int(o);
  if (is_big(i)) return mpz_sizeinbase(mpz_of(i), 2);
  uint64_t a = abs_u64(i->small);
  return a == 0 ? 0 : 64 - __builtin_clzll(a);
}

// Correctly rounded (half-even) conversion; mpz_get_d would truncate.
double int_to_double(Object* o, bool* overflow) {
  *overflow = false;
  const Int* i = as_int(o);
  if (!is_big(i)) return static_cast<double>(i->small);
  size_t bits = mpz_sizeinbase(mpz_of(i), 2);
  if (bits > DBL_MAX_EXP) { *overflow = true; return 0; }
  // Keep the top 64 bits and fold everything below into a sticky bit: the
  // hardware conversion of that word then rounds exactly like the whole.
  size_t shift = bits - 64;
  Mpz top;
  mpz_tdiv_q_2exp(top.get(), mpz_of(i), shift);
  uint64_t word = mpz_getlimbn(top.get(), 0);
  if (mpz_scan1(mpz_of(i), 0) < shift) word |= 1;
  double d = std::ldexp(static_cast<double>(word), static_cast<int>(shift));
  if (std::isinf(d)) { *overflow = true; return 0; }
  return mpz_sgn(mpz_of(i)) < 0 ? -d : d;
}

int int_compare(const Object* a, const Object* b) {
  const Int* x = as_int(a);
  const Int* y = as_int(b);
  if (!is_big(x) && !is_big(y)) return (x->small > y->small) - (x->small < y->small);
  MpzArg ma(a), mb(b);
  int c = mpz_cmp(ma.get(), mb.get());
  return (c > 0) - (c < 0);
}

int64_t int_hash_value(const Object* o) {
  const Int* i = as_int(o);
  uint64_t h;
  bool neg;
  if (!is_big(i)) {
    neg = i->small < 0;
    h = abs_u64(i->small) % kHashModulus;
  } else {
    neg = mpz_sgn(mpz_of(i)) < 0;
    h = mpz_tdiv_ui(mpz_of(i), kHashModulus);   // of |v|
  }
  int64_t r = neg ? -static_cast<int64_t>(h) : static_cast<int64_t>(h);
  return r == -1 ? -2 : r;
}

int64_t hash_double(double v, const Object* inst) {
  if (!std::isfinite(v)) {
    if (std::isinf(v)) return v > 0 ? 314159 : -314159;
    // nan: by identity, as _Py_HashPointer (rotate by 4 bits).
    uint64_t y = reinterpret_cast<uintptr_t>(inst);
    y = (y >> 4) | (y << 60);
    int64_t x = static_cast<int64_t>(y);
    return x == -1 ? -2 : x;
  }
  int e;
  double m = std::frexp(v, &e);
  int sign = 1;
  if (m < 0) { sign = -1; m = -m; }
  uint64_t x = 0;
  // 28 bits at a time, reducing modulo 2**61 - 1 (CPython's _Py_HashDouble).
  while (m != 0) {
    x = ((x << 28) & kHashModulus) | x >> (kHashBits - 28);
    m *= 268435456.0;
    e -= 28;
    uint64_t y = static_cast<uint64_t>(m);
    m -= static_cast<double>(y);
    x += y;
    if (x >= kHashModulus) x -= kHashModulus;
  }
  e = e >= 0 ? e % kHashBits : kHashBits - 1 - ((-1 - e) % kHashBits);
  x = ((x << e) & kHashModulus) | x >> (kHashBits - e);
  x = x * static_cast<uint64_t>(static_cast<int64_t>(sign));
  int64_t r = static_cast<int64_t>(x);
  return r == -1 ? -2 : r;
}

// ---- text ---------------------------------------------------------------------

int64_t int_get_max_str_digits() { return max_str_digits; }

bool int_set_max_str_digits(int64_t n) {
  if (n != 0 && n < 640) {
    set_error(exc::ValueError, "maxdigits must be 0 or larger than 640");
    return false;
  }
  max_str_digits = n;
  return true;
}

std::string int_to_base_string(const Object* o, int base) {
  const Int* i = as_int(o);
  if (!is_big(i)) {
    char buf[72];
    auto r = std::to_chars(buf, buf + sizeof buf, i->small, base);
    return std::string(buf, r.ptr);
  }
  std::string s(mpz_sizeinbase(mpz_of(i), base) + 2, '\0');
  mpz_get_str(s.data(), base, mpz_of(i));
  s.resize(std::strlen(s.c_str()));
  return s;
}

std::string int_to_decimal(Object* o) { return int_to_base_string(o, 10); }

namespace {

Ref<Object> str_digits_limit_error() {
  return set_errorf(exc::ValueError,
                    "Exceeds the limit (%ld digits) for integer string conversion; "
                    "use sys.set_int_max_str_digits() to increase the limit",
                    static_cast<long>(max_str_digits));
}

// Decimal digits of `o` honouring the sys.set_int_max_str_digits limit.
bool decimal_checked(const Object* o, std::string* out) {
  const Int* i = as_int(o);
  if (is_big(i) && max_str_digits > 0) {
    // mpz_sizeinbase is exact or one too big: refuse early when clearly over.
    size_t approx = mpz_sizeinbase(mpz_of(i), 10);
    if (approx > static_cast<size_t>(max_str_digits) + 1) { str_digits_limit_error(); return false; }
  }
  *out = int_to_base_string(o, 10);
  if (is_big(i) && max_str_digits > 0) {
    size_t ndigits = out->size() - ((*out)[0] == '-' ? 1 : 0);
    if (ndigits > static_cast<size_t>(max_str_digits)) { str_digits_limit_error(); return false; }
  }
  return true;
}

}  // namespace

Ref<Object> int_repr(Object* o) {
  const Int* i = as_int(o);
  if (!is_big(i)) {
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, i->small);
    return str_from(std::string_view(buf, r.ptr - buf));
  }
  std::string s;
  if (!decimal_checked(o, &s)) return nullptr;
  return str_from(s);
}

Ref<Object> int_format_base(Object* o, int base) {
  std::string digits = int_to_base_string(o, base);
  const char* prefix = base == 2 ? "0b" : base == 8 ? "0o" : base == 16 ? "0x" : "";
  std::string out;
  if (!digits.empty() && digits[0] == '-') {
    out = "-";
    out += prefix;
    out.append(digits, 1, std::string::npos);
  } else {
    out = prefix;
    out += digits;
  }
  return str_from(out);
}

// ---- parsing --------------------------------------------------------------------

namespace {

bool is_py_space(unsigned char c) {
  return c == ' ' || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f);
}

// Strips ASCII and the common Unicode whitespace (U+00A0, U+2000..U+200A,
// U+3000, U+0085 ...) from both ends of UTF-8 text.
size_t utf8_space_len_at(std::string_view s, size_t i) {
  unsigned char c = s[i];
  if (c < 0x80) return is_py_space(c) ? 1 : 0;
  if (c == 0xc2 && i + 1 < s.size() && (static_cast<unsigned char>(s[i + 1]) == 0x85 ||
                                        static_cast<unsigned char>(s[i + 1]) == 0xa0))
    return 2;
  if (c == 0xe1 && s.substr(i, 3) == "\xe1\x9a\x80") return 3;          // U+1680
  if (c == 0xe2 && i + 2 < s.size()) {
    unsigned char c1 = s[i + 1], c2 = s[i + 2];
    if (c1 == 0x80 && (c2 <= 0x8a || c2 == 0xa8 || c2 == 0xa9 || c2 == 0xaf)) return 3;
    if (c1 == 0x81 && c2 == 0x9f) return 3;                             // U+205F
  }
  if (c == 0xe3 && s.substr(i, 3) == "\xe3\x80\x80") return 3;          // U+3000
  return 0;
}

}  // namespace

std::string_view strip_py_whitespace(std::string_view s) {
  size_t b = 0;
  while (b < s.size()) {
    size_t n = utf8_space_len_at(s, b);
    if (!n) break;
    b += n;
  }
  s.remove_prefix(b);
  // Trailing: scan back over ASCII space or known multi-byte sequences.
  while (!s.empty()) {
    size_t e = s.size();
    if (is_py_space(static_cast<unsigned char>(s[e - 1]))) { s.remove_suffix(1); continue; }
    bool cut = false;
    for (size_t n = 2; n <= 3 && n <= e; ++n) {
      if (utf8_space_len_at(s, e - n) == n) { s.remove_suffix(n); cut = true; break; }
    }
    if (!cut) break;
  }
  return s;
}

std::string transform_decimal_and_space(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  const char* p = s.data();
  const char* end = p + s.size();
  while (p < end) {
    if (static_cast<unsigned char>(*p) < 0x80) { out.push_back(*p++); continue; }
    uint32_t cp = unicode::decode_utf8(p);
    int d = unicode::decimal_value(cp);
    if (d >= 0) out.push_back(static_cast<char>('0' + d));
    else if (unicode::is_space(cp)) out.push_back(' ');
    else out.push_back('?');   // never valid in a number
  }
  return out;
}

namespace {

int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

Ref<Object> invalid_literal(int base, std::string_view text, Object* orig) {
  Ref<Object> holder;
  if (!orig) {
    holder = str_from(text);
    if (!holder) return nullptr;
    orig = holder.get();
  } else if (bytearray_check(orig)) {
    // CPython reports the bytes copy it parsed: b'..' rather than bytearray(b'..').
    holder = bytes_from(static_cast<ByteArray*>(orig)->view());
    if (!holder) return nullptr;
    orig = holder.get();
  }
  std::string r;
  if (!repr_utf8(orig, &r)) return nullptr;
  // CPython formats with %.200R: at most 200 code points of the repr.
  size_t cps = 0, pos = 0;
  while (pos < r.size() && cps < 200) {
    unsigned char c = r[pos];
    pos += c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
    ++cps;
  }
  r.resize(std::min(pos, r.size()));
  return set_errorf(exc::ValueError, "invalid literal for int() with base %d: %s", base, r.c_str());
}

}  // namespace

Ref<Object> int_from_string_obj(std::string_view text, int base, Object* orig) {
  if (base != 0 && (base < 2 || base > 36))
    return set_error(exc::ValueError, "int() base must be >= 2 and <= 36, or 0");
  const int orig_base = base;
  // Unicode digits and spaces count as their ASCII equivalents (int('٣') == 3).
  std::string ascii;
  std::string_view s = text;
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      ascii = transform_decimal_and_space(text);
      s = ascii;
      break;
    }
  }
  s = strip_py_whitespace(s);
  bool neg = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) { neg = s[0] == '-'; s.remove_prefix(1); }
  // Base prefixes; an underscore may directly follow one ("0x_ff").
  bool after_prefix = false;
  if (s.size() >= 2 && s[0] == '0') {
    char p = static_cast<char>(s[1] | 0x20);
    int pb = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
    if (pb && (base == 0 || base == pb)) { base = pb; s.remove_prefix(2); after_prefix = true; }
  }
  bool zero_only_check = false;
  if (base == 0) { base = 10; zero_only_check = !s.empty() && s[0] == '0'; }
  // Validate: digits separated by single underscores.
  std::string clean;
  clean.reserve(s.size());
  bool prev_underscore = after_prefix;   // treat the prefix as a digit boundary
  bool ok = !s.empty();
  if (after_prefix && !s.empty() && s[0] == '_') { prev_underscore = false; }
  for (size_t k = 0; ok && k < s.size(); ++k) {
    char c = s[k];
    if (c == '_') {
      if (prev_underscore || (k == 0 && !after_prefix)) { ok = false; break; }
      prev_underscore = true;
      continue;
    }
    if (digit_value(c) >= base) { ok = false; break; }
    clean.push_back(c);
    prev_underscore = false;
  }
  if (ok && (clean.empty() || prev_underscore)) ok = false;
  // In base 0, a leading zero is only allowed for zero itself ("00", "0_0").
  if (ok && zero_only_check && clean.find_first_not_of('0') != std::string::npos) ok = false;
  if (!ok) return invalid_literal(orig_base, text, orig);

  if ((base & (base - 1)) != 0 && max_str_digits > 0 && clean.size() > static_cast<size_t>(max_str_digits)) {
    return set_errorf(exc::ValueError,
                      "Exceeds the limit (%ld digits) for integer string conversion: value has %zd "
                      "digits; use sys.set_int_max_str_digits() to increase the limit",
                      static_cast<long>(max_str_digits), static_cast<ssize_t>(clean.size()));
  }
  if (clean.size() <= 18 || (base < 10 && clean.size() <= 60)) {
    uint64_t acc = 0;
    bool overflow = false;
    for (char c : clean) {
      if (__builtin_mul_overflow(acc, static_cast<uint64_t>(base), &acc) ||
          __builtin_add_overflow(acc, static_cast<uint64_t>(digit_value(c)), &acc)) {
        overflow = true;
        break;
      }
    }
    if (!overflow && acc <= static_cast<uint64_t>(INT64_MAX))
      return int_from_i64(neg ? -static_cast<int64_t>(acc) : static_cast<int64_t>(acc));
  }
  Mpz m;
  if (mpz_set_str(m.get(), clean.c_str(), base) != 0) return invalid_literal(orig_base, text, orig);
  if (neg) mpz_neg(m.get(), m.get());
  return m.to_int();
}

Ref<Object> int_from_string(std::string_view text, int base) {
  return int_from_string_obj(text, base, nullptr);
}

// ---- arithmetic -------------------------------------------------------------------

namespace {

#define INT_BINARY_PRELUDE(a, b)                                  \
  if (!int_check(a) || !int_check(b)) return not_implemented();

bool both_small(const Object* a, const Object* b, int64_t* x, int64_t* y) {
  const Int* i = as_int(a);
  const Int* j = as_int(b);
  if (is_big(i) || is_big(j)) return false;
  *x = i->small;
  *y = j->small;
  return true;
}

Ref<Object> int_add(Object* a, Object* b) {
  INT_BINARY_PRELUDE(a, b)
  int64_t x, y, r;
  if (both_small(a, b, &x, &y) && !__builtin_add_overflow(x, y, &r)) return int_from_i64(r);
  MpzArg ma(a), mb(b);
  Mpz m;
  mpz_add(m.get(), ma.get(), mb.get());
  return m.to_int();
}

Ref<Object> int_sub(Object* a, Object* b) {
  INT_BINARY_PRELUDE(a, b)
  int64_t x, y, r;
  if (both_small(a, b, &x, &y) && !__builtin_sub_overflow(x, y, &r)) return int_from_i64(r);
  MpzArg ma(a), mb(b);
  Mpz m;
  mpz_sub(m.get(), ma.get(), mb.get());
  return m.to_int();
}

Ref<Object> int_mul(Object* a, Object* b) {
  INT_BINARY_PRELUDE(a, b)
  int64_t x, y, r;
  if (both_small(a, b, &x, &y) && !__builtin_mul_overflow(x, y, &r)) return int_from_i64(r);
  if (!result_fits_memory(int_bit_length(a) + int_bit_length(b))) return memory_error();
  MpzArg ma(a), mb(b);
  Mpz m;
  mpz_mul(m.get(), ma.get(), mb.get());
  return m.to_int();
}

// Floor division and modulo share the zero check and the big path.
// `want`: 0 quotient, 1 remainder, 2 both (a tuple).
Ref<Object> floor_divmod(Object* a, Object* b, int want) {
  int64_t x, y;
  if (both_small(a, b, &x, &y)) {
    if (y == 0) {
      return zero_division(want == 1 ? "integer modulo by zero" : "integer division or modulo by zero");
    }
    if (!(x == INT64_MIN && y == -1)) {
      int64_t q = x / y, r = x % y;
      if (r != 0 && ((r < 0) != (y < 0))) { q -= 1; r += y; }
      if (want == 0) return int_from_i64(q);
      if (want == 1) return int_from_i64(r);
      Ref<Object> qo = int_from_i64(q), ro = int_from_i64(r);
      if (!qo || !ro) return nullptr;
      return tuple_pack({qo.get(), ro.get()});
    }
  } else if (int_sign(b) == 0) {
    return zero_division(want == 1 ? "integer modulo by zero" : "integer division or modulo by zero");
  }
  MpzArg ma(a), mb(b);
  Mpz q, r;
  mpz_fdiv_qr(q.get(), r.get(), ma.get(), mb.get());
  if (want == 0) return q.to_int();
  if (want == 1) return r.to_int();
  Ref<Object> qo = q.to_int(), ro = r.to_int();
  if (!qo || !ro) return nullptr;
  return tuple_pack({qo.get(), ro.get()});
}

Ref<Object> int_floordiv(Object* a, Object* b) {
  INT_BINARY_PRELUDE(a, b)
  return floor_divmod(a, b, 0);
}

Ref<Object> int_mod(Object* a, Object* b) {
  INT_BINARY_PRELUDE(a, b)
  return floor_divmod(a, b, 1);
}

Ref<Object> int_divmod(Object* a, Object* b) {
  INT_BINARY_PRELUDE(a, b)
  return floor_divmod(a, b, 2);
}

constexpr int64_t kTwo53 = int64_t{1} << 53;

// CPython's long_true_divide for operands too big to convert exactly: the
// quotient is computed to 55+ bits with a sticky bit, then rounded once.
Ref<Object> true_divide_big(Object* a, Object* b) {
  MpzArg ma(a), mb(b);
  bool negate = (mpz_sgn(ma.get()) < 0) != (mpz_sgn(mb.get()) < 0);
  if (mpz_sgn(ma.get()) == 0) return float_from_double(negate ? -0.0 : 0.0);
  Mpz aa, bb;
  mpz_abs(aa.get(), ma.get());
  mpz_abs(bb.get(), mb.get());
  int64_t a_size = mpz_sizeinbase(aa.get(), 2), b_size = mpz_sizeinbase(bb.get(), 2);
  int64_t diff = a_size - b_size;
  if (diff > DBL_MAX_EXP)
    return set_error(exc::OverflowError, "integer division result too large for a float");
  if (diff < DBL_MIN_EXP - DBL_MANT_DIG - 1) return float_from_double(negate ? -0.0 : 0.0);
  int64_t shift = std::max<int64_t>(diff, DBL_MIN_EXP) - DBL_MANT_DIG - 2;
  bool inexact = false;
  Mpz x;
  if (shift <= 0) {
    mpz_mul_2exp(x.get(), aa.get(), -shift);
  } else {
    mpz_tdiv_q_2exp(x.get(), aa.get(), shift);
    if (mpz_scan1(aa.get(), 0) < static_cast<mp_bitcnt_t>(shift)) inexact = true;
  }
  Mpz q, r;
  mpz_tdiv_qr(q.get(), r.get(), x.get(), bb.get());
  if (mpz_sgn(r.get()) != 0) inexact = true;
  int64_t x_size = mpz_sizeinbase(q.get(), 2);
  uint64_t qv = mpz_get_ui(q.get());   // at most 57 bits
  // Round to DBL_MANT_DIG bits (fewer in the subnormal range), half-even.
  int64_t extra_bits = std::max<int64_t>(x_size, DBL_MIN_EXP - shift) - DBL_MANT_DIG;
  uint64_t mask = uint64_t{1} << (extra_bits - 1);
  uint64_t low = qv | (inexact ? 1 : 0);
  if ((low & mask) && (low & (3 * mask - 1))) qv += mask;
  qv &= ~(2 * mask - 1);
  double dx = static_cast<double>(qv);
  if (shift + x_size >= DBL_MAX_EXP &&
      (shift + x_size > DBL_MAX_EXP || dx == std::ldexp(1.0, static_cast<int>(x_size))))
    return set_error(exc::OverflowError, "integer division result too large for a float");
  double result = std::ldexp(dx, static_cast<int>(shift));
  return float_from_double(negate ? -result : result);
}

Ref<Object> int_truediv(Object* a, Object* b) {
  INT_BINARY_PRELUDE(a, b)
  int64_t x, y;
  if (both_small(a, b, &x, &y)) {
    if (y == 0) return zero_division("division by zero");
    // Both exactly representable: one IEEE division rounds correctly.
    if (x >= -kTwo53 && x <= kTwo53 && y >= -kTwo53 && y <= kTwo53)
      return float_from_double(static_cast<double>(x) / static_cast<double>(y));
  } else if (int_sign(b) == 0) {
    return zero_division("division by zero");
  }
  return true_divide_big(a, b);
}

// Shift count as a non-negative int64; huge counts are reported by flags.
// Returns false with an error set (negative shift count).
bool shift_count(Object* b, int64_t* count, bool* huge) {
  *huge = false;
  if (int_sign(b) < 0) { set_error(exc::ValueError, "negative shift count"); return false; }
  if (!int_fits_i64(b, count)) *huge = true;
  return true;
}

Ref<Object> int_lshift(Object* a, Object* b) {
  INT_BINARY_PRELUDE(a, b)
  int64_t n;
  bool huge;
  if (!shift_count(b, &n, &huge)) return nullptr;
  if (int_sign(a) == 0) return int_from_i64(0);
  if (huge) return set_error(exc::OverflowError, "too many digits in integer");
  int64_t x;
  if (int_fits_i64(a, &x) && n < 63) {
    int64_t r;
    if (!__builtin_mul_overflow(x, int64_t{1} << n, &r)) return int_from_i64(r);
  }
  if (!result_fits_memory(int_bit_length(a) + static_cast<uint64_t>(n))) return memory_error();
  MpzArg ma(a);
  Mpz m;
  mpz_mul_2exp(m.get(), ma.get(), static_cast<mp_bitcnt_t>(n));
  return m.to_int();
}

Ref<Object> int_rshift(Object* a, Object* b) {
  INT_BINARY_PRELUDE(a, b)
  int64_t n;
  bool huge;
  if (!shift_count(b, &n, &huge)) return nullptr;
  int64_t x;
  if (int_fits_i64(a, &x)) {
    if (huge || n >= 64) return int_from_i64(x < 0 ? -1 : 0);
    return int_from_i64(x >> n);   // arithmetic shift == floor division
  }
  if (huge || static_cast<uint64_t>(n) >= int_bit_length(a)) return int_from_i64(int_sign(a) < 0 ? -1 : 0);
  MpzArg ma(a);
  Mpz m;
  mpz_fdiv_q_2exp(m.get(), ma.get(), static_cast<mp_bitcnt_t>(n));
  return m.to_int();
}

template <class SmallOp, class BigOp>
Ref<Object> bitwise(Object* a, Object* b, SmallOp small_op, BigOp big_op) {
  int64_t x, y;
  if (both_small(a, b, &x, &y)) return int_from_i64(small_op(x, y));
  MpzArg ma(a), mb(b);
  Mpz m;
  big_op(m.get(), ma.get(), mb.get());
  return m.to_int();
}

Ref<Object> int_and(Object* a, Object* b) {
  INT_BINARY_PRELUDE(a, b)
  return bitwise(a, b, [](int64_t x, int64_t y) { return x & y; }, mpz_and);
}
Ref<Object> int_or(Object* a, Object* b) {
  INT_BINARY_PRELUDE(a, b)
  return bitwise(a, b, [](int64_t x, int64_t y) { return x | y; }, mpz_ior);
}
Ref<Object> int_xor(Object* a, Object* b) {
  INT_BINARY_PRELUDE(a, b)
  return bitwise(a, b, [](int64_t x, int64_t y) { return x ^ y; }, mpz_xor);
}

double int_as_double_or_error(Object* o, bool* ok) {
  bool overflow;
  double d = int_to_double(o, &overflow);
  *ok = !overflow;
  if (overflow) set_error(exc::OverflowError, "int too large to convert to float");
  return d;
}

// a ** b for b >= 0 in int64 arithmetic; false on overflow.
bool small_pow(int64_t base, uint64_t exp, int64_t* out) {
  int64_t result = 1;
  while (true) {
    if (exp & 1) {
      if (__builtin_mul_overflow(result, base, &result)) return false;
    }
    exp >>= 1;
    if (!exp) break;
    if (__builtin_mul_overflow(base, base, &base)) return false;
  }
  *out = result;
  return true;
}

Ref<Object> int_pow_mod(Object* a, Object* b, Object* c) {
  if (int_sign(c) == 0) return set_error(exc::ValueError, "pow() 3rd argument cannot be 0");
  MpzArg ma(a), mb(b), mc(c);
  Mpz modulus, base, exp, r;
  mpz_abs(modulus.get(), mc.get());
  mpz_set(base.get(), ma.get());
  mpz_set(exp.get(), mb.get());
  if (mpz_sgn(exp.get()) < 0) {
    // Python 3.8+: a negative exponent uses the modular inverse.
    if (mpz_invert(base.get(), base.get(), modulus.get()) == 0)
      return set_error(exc::ValueError, "base is not invertible for the given modulus");
    mpz_neg(exp.get(), exp.get());
  }
  if (mpz_cmp_ui(modulus.get(), 1) == 0) return int_from_i64(0);
  mpz_powm(r.get(), base.get(), exp.get(), modulus.get());
  // The result takes the sign of the modulus, as % does.
  if (mpz_sgn(mc.get()) < 0 && mpz_sgn(r.get()) != 0) mpz_sub(r.get(), r.get(), modulus.get());
  return r.to_int();
}

Ref<Object> int_pow3(Object* a, Object* b, Object* c) {
  bool have_mod = c && c != None;
  if (!int_check(a) || !int_check(b) || (have_mod && !int_check(c))) return not_implemented();
  if (have_mod) return int_pow_mod(a, b, c);
  if (int_sign(b) < 0) {
    bool ok;
    double x = int_as_double_or_error(a, &ok);
    if (!ok) return nullptr;
    double y = int_as_double_or_error(b, &ok);
    if (!ok) return nullptr;
    return float_pow_values(x, y);
  }
  int64_t x, y;
  if (both_small(a, b, &x, &y)) {
    int64_t r;
    if (small_pow(x, static_cast<uint64_t>(y), &r)) return int_from_i64(r);
  }
  // Trivial bases never grow, whatever the exponent.
  int64_t base_small;
  if (int_fits_i64(a, &base_small) && base_small >= -1 && base_small <= 1) {
    if (base_small != -1) return int_from_i64(base_small == 0 && int_sign(b) == 0 ? 1 : base_small);
    MpzArg mb(b);
    return int_from_i64(mpz_odd_p(mb.get()) ? -1 : 1);
  }
  int64_t e;
  if (!int_fits_i64(b, &e) || static_cast<double>(int_bit_length(a)) * static_cast<double>(e) > kMaxBits ||
      !result_fits_memory(int_bit_length(a) * static_cast<uint64_t>(e)))
    return memory_error();
  MpzArg ma(a);
  Mpz m;
  mpz_pow_ui(m.get(), ma.get(), static_cast<unsigned long>(e));
  return m.to_int();
}

Ref<Object> int_pow(Object* a, Object* b) { return int_pow3(a, b, nullptr); }

// ---- unary and conversion slots ---------------------------------------------------

Ref<Object> int_neg(Object* a) {
  const Int* i = as_int(a);
  if (!is_big(i)) return int_from_i64(-i->small);   // never overflows: the tag is big
  MpzArg ma(a);
  Mpz m;
  mpz_neg(m.get(), ma.get());
  return m.to_int();
}

Ref<Object> int_pos(Object* a) { return int_exact(a); }

Ref<Object> int_abs(Object* a) {
  return int_sign(a) < 0 ? int_neg(a) : int_exact(a);
}

Ref<Object> int_invert(Object* a) {
  const Int* i = as_int(a);
  if (!is_big(i)) return int_from_i64(~i->small);
  Mpz m;
  mpz_com(m.get(), mpz_of(i));
  return m.to_int();
}

int int_bool(Object* a) { return int_sign(a) != 0; }

Ref<Object> int_to_float_slot(Object* a) {
  bool ok;
  double d = int_as_double_or_error(a, &ok);
  if (!ok) return nullptr;
  return float_from_double(d);
}

int64_t int_hash(Object* a) { return int_hash_value(a); }

Ref<Object> int_richcompare(Object* a, Object* b, CompareOp op) {
  if (!int_check(a) || !int_check(b)) return not_implemented();
  int c = int_compare(a, b);
  return new_bool(compare_holds(c, op));
}

// ---- methods ------------------------------------------------------------------------

#define NOARGS(name)                                   \
  if (!check_no_args(name, nargs, kwnames)) return nullptr;

Ref<Object> int_conjugate_meth(Object* self, Object* const*, size_t nargs, Tuple* kwnames) {
  NOARGS("int.conjugate")
  return int_exact(self);
}

Ref<Object> int_bit_length_meth(Object* self, Object* const*, size_t nargs, Tuple* kwnames) {
  NOARGS("int.bit_length")
  return int_from_u64(int_bit_length(self));
}

Ref<Object> int_bit_count_meth(Object* self, Object* const*, size_t nargs, Tuple* kwnames) {
  NOARGS("int.bit_count")
  const Int* i = as_int(self);
  if (!is_big(i)) return int_from_i64(__builtin_popcountll(abs_u64(i->small)));
  Mpz m;
  mpz_abs(m.get(), mpz_of(i));
  return int_from_u64(mpz_popcount(m.get()));
}

Ref<Object> int_as_integer_ratio_meth(Object* self, Object* const*, size_t nargs, Tuple* kwnames) {
  NOARGS("int.as_integer_ratio")
  Ref<Object> n = int_exact(self);
  Ref<Object> one = int_from_i64(1);
  return tuple_pack({n.get(), one.get()});
}

Ref<Object> int_trunc_meth(Object* self, Object* const*, size_t nargs, Tuple* kwnames) {
  NOARGS("int.__trunc__")
  return int_exact(self);
}
Ref<Object> int_floor_meth(Object* self, Object* const*, size_t nargs, Tuple* kwnames) {
  NOARGS("int.__floor__")
  return int_exact(self);
}
Ref<Object> int_ceil_meth(Object* self, Object* const*, size_t nargs, Tuple* kwnames) {
  NOARGS("int.__ceil__")
  return int_exact(self);
}
Ref<Object> int_getnewargs_meth(Object* self, Object* const*, size_t nargs, Tuple* kwnames) {
  NOARGS("int.__getnewargs__")
  Ref<Object> v = int_exact(self);
  return tuple_pack({v.get()});
}

Ref<Object> int_sizeof_meth(Object* self, Object* const*, size_t nargs, Tuple* kwnames) {
  NOARGS("int.__sizeof__")
  // coil's real footprint: the object (24 bytes for an exact int; more
  // for a subclass with a __dict__ word), and for the big form its mpz
  // and limbs.  CPython says 24 + 4 per 30-bit digit (28 for 1).
  const Int* i = as_int(self);
  uint64_t n = mpz_offset(self->type);
  if (is_big(i)) n += sizeof(__mpz_struct) + sizeof(mp_limb_t) * static_cast<uint64_t>(mpz_of(i)->_mp_alloc);
  return int_from_u64(n);
}

Ref<Object> int_divmod_meth(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("__divmod__", kwnames) || !check_nargs("__divmod__", nargs, 1, 1)) return nullptr;
  return int_divmod(self, args[0]);
}

Ref<Object> int_rdivmod_meth(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("__rdivmod__", kwnames) || !check_nargs("__rdivmod__", nargs, 1, 1)) return nullptr;
  return int_divmod(args[0], self);
}

// round(int, ndigits): negative ndigits rounds half-even to 10**-ndigits.
Ref<Object> int_round_meth(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"__round__", {"ndigits"}, 0, 1};
  Object* nd = nullptr;
  if (!bind_args(spec, args, nargs, kwnames, &nd)) return nullptr;
  if (!nd || nd == None) return int_exact(self);
  Ref<Object> ndi = index(nd);
  if (!ndi) return nullptr;
  if (int_sign(ndi.get()) >= 0) return int_exact(self);
  int64_t n;
  if (!int_fits_i64(ndi.get(), &n) || n < -1000000000) return int_from_i64(0);
  uint64_t k = static_cast<uint64_t>(-n);
  // |self| < 10**k / 2 rounds to zero; skip building a huge power of ten.
  if (static_cast<double>(k) > static_cast<double>(int_bit_length(self)) * 0.30103 + 2) return int_from_i64(0);
  MpzArg v(self);
  Mpz p, q, r, twice_r;
  mpz_ui_pow_ui(p.get(), 10, k);
  mpz_fdiv_qr(q.get(), r.get(), v.get(), p.get());
  // Round half to even: compare 2r with p.
  mpz_mul_2exp(twice_r.get(), r.get(), 1);
  int c = mpz_cmp(twice_r.get(), p.get());
  if (c > 0 || (c == 0 && mpz_odd_p(q.get()))) mpz_add_ui(q.get(), q.get(), 1);
  mpz_mul(q.get(), q.get(), p.get());
  return q.to_int();
}

Ref<Object> int_format_meth(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("__format__", kwnames) || !check_nargs("__format__", nargs, 1, 1)) return nullptr;
  if (!str_check(args[0]))
    return set_errorf(exc::TypeError, "__format__() argument must be str, not %T", args[0]);
  std::string_view spec = str_view(args[0]);
  if (spec.empty()) return str(self);
  FormatSpec fs;
  if (!parse_format_spec(spec, &fs, type_name(self->type), '>')) return nullptr;
  return format_int(self, fs);
}

bool parse_byteorder(Object* o, bool* little) {
  if (!o) { *little = false; return true; }
  if (!str_check(o)) {
    set_errorf(exc::TypeError, "to_bytes() argument 'byteorder' must be str, not %T", o);
    return false;
  }
  std::string_view s = str_view(o);
  if (s == "little") { *little = true; return true; }
  if (s == "big") { *little = false; return true; }
  set_error(exc::ValueError, "byteorder must be either 'little' or 'big'");
  return false;
}

Ref<Object> int_to_bytes_meth(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"to_bytes", {"length", "byteorder", "signed"}, 0, 0, 2};
  Object* a[3] = {};
  if (!bind_args(spec, args, nargs, kwnames, a)) return nullptr;
  int64_t length = 1;
  if (a[0] && !index_to_i64(a[0], &length)) return nullptr;
  if (length < 0) return set_error(exc::ValueError, "length argument must be non-negative");
  bool little;
  if (!parse_byteorder(a[1], &little)) return nullptr;
  int is_signed = 0;
  if (a[2] && (is_signed = is_true(a[2])) < 0) return nullptr;
  MpzArg v(self);
  int sign = mpz_sgn(v.get());
  if (!is_signed && sign < 0) return set_error(exc::OverflowError, "can't convert negative int to unsigned");
  // Fits?  unsigned: bits <= 8L; signed: -2**(8L-1) <= v < 2**(8L-1).
  Mpz lim;
  if (length > (int64_t{1} << 40)) return memory_error();
  uint64_t nbits = static_cast<uint64_t>(length) * 8;
  bool fits;
  if (!is_signed) {
    fits = sign == 0 || mpz_sizeinbase(v.get(), 2) <= nbits;
  } else if (nbits == 0) {
    fits = sign == 0;
  } else {
    mpz_setbit(lim.get(), nbits - 1);
    fits = mpz_cmp(v.get(), lim.get()) < 0;
    mpz_neg(lim.get(), lim.get());
    fits = fits && mpz_cmp(v.get(), lim.get()) >= 0;
  }
  if (!fits) return set_error(exc::OverflowError, "int too big to convert");
  // Two's complement: add 2**(8L) to negatives.
  Mpz u;
  mpz_set(u.get(), v.get());
  if (sign < 0) {
    Mpz m;
    mpz_setbit(m.get(), nbits);
    mpz_add(u.get(), u.get(), m.get());
  }
  std::string bytes(static_cast<size_t>(length), '\0');
  size_t count = 0;
  std::string tmp((mpz_sizeinbase(u.get(), 2) + 7) / 8 + 1, '\0');
  mpz_export(tmp.data(), &count, 1, 1, 1, 0, u.get());   // big-endian
  if (sign != 0) std::memcpy(bytes.data() + (length - count), tmp.data(), count);
  if (little) std::reverse(bytes.begin(), bytes.end());
  return bytes_from(bytes);
}

// int.from_bytes(bytes, byteorder='big', *, signed=False) — a classmethod.
Ref<Object> int_from_bytes_meth(Object* cls, Object* const* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"from_bytes", {"bytes", "byteorder", "signed"}, 1, 0, 2};
  Object* a[3] = {};
  if (!bind_args(spec, args, nargs, kwnames, a)) return nullptr;
  bool little;
  if (!parse_byteorder(a[1], &little)) return nullptr;
  int is_signed = 0;
  if (a[2] && (is_signed = is_true(a[2])) < 0) return nullptr;
  std::string bytes;
  if (bytes_check(a[0]) || bytearray_check(a[0])) {
    bytes = std::string(bytes_check(a[0]) ? bytes_view(a[0]) : static_cast<ByteArray*>(a[0])->view());
  } else if (str_check(a[0])) {
    return set_error(exc::TypeError, "cannot convert 'str' object to bytes");
  } else if (int_check(a[0]) || !a[0]->type->iter) {
    return set_errorf(exc::TypeError, "cannot convert '%s' object to bytes", type_name(a[0]->type).data());
  } else {
    Ref<Object> it = get_iter(a[0]);
    if (!it) return nullptr;
    while (true) {
      Ref<Object> item = iter_next(it.get());
      if (!item) {
        if (error_occurred()) return nullptr;
        break;
      }
      int64_t b;
      Ref<Object> idx = index(item.get());
      if (!idx) return nullptr;
      if (!int_fits_i64(idx.get(), &b) || b < 0 || b > 255)
        return set_error(exc::ValueError, "bytes must be in range(0, 256)");
      bytes.push_back(static_cast<char>(b));
    }
  }
  Mpz m;
  if (!bytes.empty()) mpz_import(m.get(), bytes.size(), little ? -1 : 1, 1, 1, 0, bytes.data());
  if (is_signed && !bytes.empty()) {
    unsigned char top = static_cast<unsigned char>(little ? bytes.back() : bytes.front());
    if (top & 0x80) {
      Mpz p;
      mpz_setbit(p.get(), bytes.size() * 8);
      mpz_sub(m.get(), m.get(), p.get());
    }
  }
  Ref<Object> result = m.to_int();
  if (!result) return nullptr;
  if (cls != reinterpret_cast<Object*>(&IntType)) return call1(cls, result.get());
  return result;
}

Ref<Object> int_get_real(Object* self) { return int_exact(self); }
Ref<Object> int_get_imag(Object*) { return int_from_i64(0); }
Ref<Object> int_get_denominator(Object*) { return int_from_i64(1); }

const MethodDef int_methods[] = {
    {"conjugate", int_conjugate_meth},
    {"bit_length", int_bit_length_meth},
    {"bit_count", int_bit_count_meth},
    {"to_bytes", int_to_bytes_meth},
    {"from_bytes", int_from_bytes_meth, MethodKind::Class},
    {"as_integer_ratio", int_as_integer_ratio_meth},
    {"__trunc__", int_trunc_meth},
    {"__floor__", int_floor_meth},
    {"__ceil__", int_ceil_meth},
    {"__round__", int_round_meth},
    {"__getnewargs__", int_getnewargs_meth},
    {"__format__", int_format_meth},
    {"__sizeof__", int_sizeof_meth},
    {"__divmod__", int_divmod_meth},
    {"__rdivmod__", int_rdivmod_meth},
    {nullptr, nullptr},
};

const GetSetDef int_getset[] = {
    {"real", int_get_real},
    {"imag", int_get_imag},
    {"numerator", int_get_real},
    {"denominator", int_get_denominator},
    {nullptr, nullptr},
};

void int_dealloc(Object* o) {
  Int* i = as_int(o);
  if (is_cached(o)) {   // a cached small int lost its last reference: a refcount bug
    i->refcnt = intptr_t{1} << 40;
    return;
  }
  bool big = is_big(i);
  if (big) mpz_clear(mpz_of(i));
  // Only 24-byte blocks go to the free list (a big int's block is larger).
  if (!big && o->type == &IntType && free_count < kFreeListMax) {
    i->~Int();
    free_list[free_count++] = i;
    return;
  }
  destroy_object(i);
}

}  // namespace

// ---- int() ----------------------------------------------------------------------------

Ref<Object> number_to_int(Object* x) {
  if (int_check_exact(x)) return Ref<Object>::borrow(x);
  TypeObject* t = x->type;
  if (t->nb_int) {
    Ref<Object> r = t->nb_int(x);
    if (!r) return nullptr;
    if (int_check_exact(r.get())) return r;
    if (!int_check(r.get()))
      return set_errorf(exc::TypeError, "__int__ returned non-int (type %s)", type_name(r->type).data());
    return int_exact(r.get());
  }
  if (t->nb_index) {
    Ref<Object> r = index(x);
    if (!r) return nullptr;
    return int_exact(r.get());
  }
  if (Object* trunc = type_lookup(t, names::__trunc__)) {
    Ref<Object> r = call_method(x, names::__trunc__, nullptr, 0);
    (void)trunc;
    if (!r) return nullptr;
    if (int_check(r.get())) return int_exact(r.get());
    if (!r->type->nb_index)
      return set_errorf(exc::TypeError, "__trunc__ returned non-Integral (type %s)", type_name(r->type).data());
    Ref<Object> i = index(r.get());
    if (!i) return nullptr;
    return int_exact(i.get());
  }
  if (str_check(x)) return int_from_string_obj(str_view(x), 10, x);
  if (bytes_check(x) || bytearray_check(x)) {
    std::string_view v = bytes_check(x) ? bytes_view(x) : static_cast<ByteArray*>(x)->view();
    return int_from_string_obj(v, 10, x);
  }
  return set_errorf(exc::TypeError,
                    "int() argument must be a string, a bytes-like object or a real number, not '%s'",
                    type_name(t).data());
}

namespace {

Ref<Object> int_new(TypeObject* type, Object* const* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"int", {"x", "base"}, 0, 1};
  Object* a[2] = {};
  if (!bind_args(spec, args, nargs, kwnames, a)) return nullptr;
  Ref<Object> result;
  if (!a[0]) {
    if (a[1]) return set_error(exc::TypeError, "int() missing string argument");
    result = int_from_i64(0);
  } else if (!a[1]) {
    result = number_to_int(a[0]);
  } else {
    int64_t base;
    if (!index_to_i64(a[1], &base)) {
      if (!error_matches(exc::OverflowError)) return nullptr;
      clear_error();
      base = -1;
    }
    if (base != 0 && (base < 2 || base > 36))
      return set_error(exc::ValueError, "int() base must be >= 2 and <= 36, or 0");
    if (str_check(a[0])) {
      result = int_from_string_obj(str_view(a[0]), static_cast<int>(base), a[0]);
    } else if (bytes_check(a[0]) || bytearray_check(a[0])) {
      std::string_view v = bytes_check(a[0]) ? bytes_view(a[0]) : static_cast<ByteArray*>(a[0])->view();
      result = int_from_string_obj(v, static_cast<int>(base), a[0]);
    } else {
      return set_error(exc::TypeError, "int() can't convert non-string with explicit base");
    }
  }
  if (!result) return nullptr;
  if (type == &IntType) return result;
  return int_subtype_new(type, result.get());
}

}  // namespace

void init_int_type() {
  init_small_ints();
  TypeObject& t = IntType;
  t.name = "int";
  t.doc =
      "int([x]) -> integer\nint(x, base=10) -> integer\n\n"
      "Convert a number or string to an integer, or return 0 if no arguments\n"
      "are given.";
  t.flags |= kBaseType | kIntSubclass;
  t.basic_size = sizeof(Int);
  t.dealloc = int_dealloc;
  t.repr = int_repr;
  // No str slot: as in CPython, object.__str__ calls repr, so a subclass
  // that overrides only __repr__ changes str() too.
  t.hash = int_hash;
  t.richcompare = int_richcompare;
  t.new_ = int_new;
  t.nb_binary[static_cast<int>(BinaryOp::Add)] = int_add;
  t.nb_binary[static_cast<int>(BinaryOp::Sub)] = int_sub;
  t.nb_binary[static_cast<int>(BinaryOp::Mul)] = int_mul;
  t.nb_binary[static_cast<int>(BinaryOp::TrueDiv)] = int_truediv;
  t.nb_binary[static_cast<int>(BinaryOp::FloorDiv)] = int_floordiv;
  t.nb_binary[static_cast<int>(BinaryOp::Remainder)] = int_mod;
  t.nb_binary[static_cast<int>(BinaryOp::Power)] = int_pow;
  t.nb_binary[static_cast<int>(BinaryOp::LShift)] = int_lshift;
  t.nb_binary[static_cast<int>(BinaryOp::RShift)] = int_rshift;
  t.nb_binary[static_cast<int>(BinaryOp::And)] = int_and;
  t.nb_binary[static_cast<int>(BinaryOp::Or)] = int_or;
  t.nb_binary[static_cast<int>(BinaryOp::Xor)] = int_xor;
  t.nb_power3 = int_pow3;
  t.nb_negative = int_neg;
  t.nb_positive = int_pos;
  t.nb_absolute = int_abs;
  t.nb_invert = int_invert;
  t.nb_bool = int_bool;
  t.nb_int = int_pos;
  t.nb_index = int_pos;
  t.nb_float = int_to_float_slot;
  t.methods = int_methods;
  t.getset = int_getset;
}

}  // namespace coil::runtime
