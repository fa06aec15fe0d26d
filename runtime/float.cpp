// float.cpp — the float type (an IEEE 754 double in a box).
//
// Most of this file is about TEXT, because that is where Python's floats
// are particular:
//
//  * repr() prints the shortest digit string that reads back to the same
//    double (std::to_chars gives exactly those digits, with the same
//    nearest-value tie rule as CPython's dtoa mode 0), laid out the way
//    CPython's float_repr_style 'short' does: "1e+16", "1e-05", "0.0001",
//    "123456789012345.67", "inf", "nan", "-0.0".
//  * format() and %-formatting need correctly rounded fixed and exponent
//    digits: glibc's printf is exact (it rounds the exact binary value half
//    to even), so "%.*e" / "%.*f" stand in for dtoa modes 2 and 3, and
//    double_to_string() below is a port of CPython's format_float_short,
//    which decides where the point, the zeros and the exponent go.
//  * round(x, n) is CPython's: digits rounded in decimal, then read back.
//
// The arithmetic follows CPython's floatobject.c line by line where the
// sign rules are subtle (floor division, modulo, divmod, pow's special
// cases).  Comparisons with ints are exact even beyond 2**53.
#include "runtime/float.h"

#include <cerrno>
#include <cfloat>
#include <charconv>
#include <climits>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <new>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/bytes.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/format_spec.h"
#include "runtime/int.h"
#include "runtime/names.h"
#include "runtime/singletons.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

namespace coil::runtime {

TypeObject FloatType;

namespace {

constexpr int kFreeListMax = 256;
Float* free_list[kFreeListMax];
int free_count = 0;

inline Float* as_float(Object* o) { return static_cast<Float*>(o); }

}  // namespace

bool float_check(const Object* o) { return o->type == &FloatType || is_subtype(o->type, &FloatType); }

Ref<Object> float_from_double(double v) {
  Float* f;
  if (free_count > 0) {
    f = free_list[--free_count];
    new (f) Float();
    init_header(f, &FloatType);
  } else {
    f = alloc<Float>(&FloatType);
    if (!f) return nullptr;
  }
  f->value = v;
  return Ref<Object>::steal(f);
}

namespace {

Ref<Object> float_subtype_new(TypeObject* type, double v) {
  size_t size = std::max(type->basic_size, sizeof(Float));
  void* mem = mem_alloc(size);
  if (!mem) return no_memory_error();
  std::memset(mem, 0, size);
  Float* f = new (mem) Float();
  init_header(f, type);
  f->value = v;
  return Ref<Object>::steal(f);
}

// ---- digit generation (CPython's _Py_dg_dtoa, by way of printf) --------------------

struct Digits {
  std::string d;   // significant digits, no leading/trailing zeros ("0" for zero)
  int decpt = 1;   // value = 0.d * 10**decpt
};

void strip_zeros(Digits* out) {
  size_t b = out->d.find_first_not_of('0');
  if (b == std::string::npos) { out->d = "0"; out->decpt = 1; return; }
  out->d.erase(0, b);
  out->decpt -= static_cast<int>(b);
  out->d.erase(out->d.find_last_not_of('0') + 1);
}

// Parses "d.ddde+XX" (or "de+XX") into digits and a decimal point position.
void from_scientific(const char* s, size_t n, Digits* out) {
  std::string_view v(s, n);
  size_t e = v.find('e');
  std::string_view mant = v.substr(0, e);
  int exp = std::atoi(std::string(v.substr(e + 1)).c_str());
  out->d.clear();
  for (char c : mant)
    if (c != '.') out->d.push_back(c);
  out->decpt = exp + 1;
  strip_zeros(out);
}

// Mode 0: the shortest digits that round-trip.
void digits_shortest(double ax, Digits* out) {
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, ax, std::chars_format::scientific);
  from_scientific(buf, r.ptr - buf, out);
}

// Mode 2: `ndigits` significant digits, correctly rounded.
void digits_significant(double ax, int ndigits, Digits* out) {
  std::vector<char> buf(static_cast<size_t>(ndigits) + 32);
  int n = std::snprintf(buf.data(), buf.size(), "%.*e", ndigits - 1, ax);
  from_scientific(buf.data(), static_cast<size_t>(n), out);
}

// Mode 3: `ndigits` (>= 0) digits after the decimal point.
void digits_fixed(double ax, int ndigits, Digits* out) {
  std::vector<char> buf(static_cast<size_t>(ndigits) + 330);
  int n = std::snprintf(buf.data(), buf.size(), "%.*f", ndigits, ax);
  std::string_view v(buf.data(), static_cast<size_t>(n));
  size_t dot = v.find('.');
  out->d = std::string(v.substr(0, dot));
  out->decpt = static_cast<int>(out->d.size());
  if (dot != std::string_view::npos) out->d += v.substr(dot + 1);
  strip_zeros(out);
}

}  // namespace

// A port of CPython's format_float_short (Python/pystrtod.c).
std::string double_to_string(double v, char code, int precision, DoubleFormatFlags flags) {
  if (std::isnan(v)) return "nan";   // never signed, as CPython
  bool neg = std::signbit(v);
  if (std::isinf(v)) return neg ? "-inf" : (flags.sign ? "+inf" : "inf");
  double ax = std::fabs(v);
  Digits dg;
  switch (code) {
    case 'e':
      precision += 1;
      digits_significant(ax, precision, &dg);
      break;
    case 'f':
      digits_fixed(ax, precision, &dg);
      break;
    case 'g':
      if (precision == 0) precision = 1;
      digits_significant(ax, precision, &dg);
      break;
    default:   // 'r'
      digits_shortest(ax, &dg);
      break;
  }
  if (flags.no_neg_0 && neg && dg.d == "0") neg = false;
  // Output the slice vdigits[vdigits_start:vdigits_end] of the digit
  // string padded with infinitely many zeros on both sides.
  int64_t digits_len = static_cast<int64_t>(dg.d.size());
  int64_t decpt = dg.decpt;
  int64_t vdigits_end = digits_len;
  bool use_exp = false;
  int64_t exp = 0;
  switch (code) {
    case 'e': use_exp = true; vdigits_end = precision; break;
    case 'f': vdigits_end = decpt + precision; break;
    case 'g':
      if (decpt <= -4 || decpt > (flags.add_dot_0 ? precision - 1 : precision)) use_exp = true;
      if (flags.alt) vdigits_end = precision;
      break;
    default:
      if (decpt <= -4 || decpt > 16) use_exp = true;
      break;
  }
  if (use_exp) { exp = decpt - 1; decpt = 1; }
  int64_t vdigits_start = decpt <= 0 ? decpt - 1 : 0;
  if (!use_exp && flags.add_dot_0) vdigits_end = std::max(vdigits_end, decpt + 1);
  else vdigits_end = std::max(vdigits_end, decpt);

  std::string out;
  out.reserve(static_cast<size_t>(vdigits_end - vdigits_start + 16));
  if (neg) out.push_back('-');
  else if (flags.sign) out.push_back('+');
  if (decpt <= 0) {
    out.append(static_cast<size_t>(decpt - vdigits_start), '0');
    out.push_back('.');
    out.append(static_cast<size_t>(-decpt), '0');
  } else {
    out.append(static_cast<size_t>(-vdigits_start), '0');
  }
  if (0 < decpt && decpt <= digits_len) {
    out.append(dg.d, 0, static_cast<size_t>(decpt));
    out.push_back('.');
    out.append(dg.d, static_cast<size_t>(decpt), std::string::npos);
  } else {
    out += dg.d;
  }
  if (digits_len < decpt) {
    out.append(static_cast<size_t>(decpt - digits_len), '0');
    out.push_back('.');
    out.append(static_cast<size_t>(vdigits_end - decpt), '0');
  } else {
    out.append(static_cast<size_t>(vdigits_end - digits_len), '0');
  }
  if (out.back() == '.' && !flags.alt) out.pop_back();
  if (use_exp) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "e%+.02d", static_cast<int>(exp));
    out += buf;
  }
  return out;
}

std::string float_repr(double v) {
  DoubleFormatFlags flags;
  flags.add_dot_0 = true;
  return double_to_string(v, 'r', 0, flags);
}

// ---- rounding -----------------------------------------------------------------

bool double_round(double x, int64_t ndigits, double* out) {
  // Beyond these, x rounds to itself or to zero (0.30103 > log10(2)).
  const int64_t kMaxDigits = static_cast<int64_t>((DBL_MANT_DIG - DBL_MIN_EXP) * 0.30103);
  const int64_t kMinDigits = -static_cast<int64_t>((DBL_MAX_EXP + 1) * 0.30103);
  if (!std::isfinite(x) || ndigits > kMaxDigits) { *out = x; return true; }
  if (ndigits < kMinDigits) { *out = 0.0 * x; return true; }
  std::string text;
  if (ndigits >= 0) {
    // printf rounds the exact binary value half-even, as dtoa mode 3.
    std::vector<char> buf(static_cast<size_t>(ndigits) + 330);
    int n = std::snprintf(buf.data(), buf.size(), "%.*f", static_cast<int>(ndigits), x);
    text.assign(buf.data(), static_cast<size_t>(n));
  } else {
    // Round the integer part at 10**k, half-even, looking at the fraction
    // only to break exact ties.
    int64_t k = -ndigits;
    double ax = std::fabs(x);
    double ip = std::trunc(ax);
    bool frac_nonzero = ax != ip;
    char buf[400];
    int n = std::snprintf(buf, sizeof buf, "%.0f", ip);
    std::string s(buf, static_cast<size_t>(n));
    std::string head, tail;
    if (static_cast<int64_t>(s.size()) > k) {
      head = s.substr(0, s.size() - static_cast<size_t>(k));
      tail = s.substr(s.size() - static_cast<size_t>(k));
    } else {
      head = "0";
      tail = std::string(static_cast<size_t>(k - static_cast<int64_t>(s.size())), '0') + s;
    }
    std::string half = "5" + std::string(static_cast<size_t>(k - 1), '0');
    int c = tail.compare(half);
    bool up = c > 0 || (c == 0 && (frac_nonzero || ((head.back() - '0') & 1)));
    if (up) {
      int i = static_cast<int>(head.size()) - 1;
      while (i >= 0 && head[i] == '9') head[i--] = '0';
      if (i < 0) head.insert(0, "1");
      else head[i]++;
    }
    text = (std::signbit(x) ? "-" : "") + head + "e" + std::to_string(k);
  }
  double r = std::strtod(text.c_str(), nullptr);
  if (std::isinf(r)) {
    set_error(exc::OverflowError, "rounded value too large to represent");
    return false;
  }
  *out = r;
  return true;
}

// ---- parsing ---------------------------------------------------------------------

namespace {

bool ieq(std::string_view a, const char* b) {
  if (a.size() != std::strlen(b)) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if ((a[i] | 0x20) != b[i]) return false;
  return true;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Copies a run of digits with single underscores between digits.
bool take_digits(std::string_view s, size_t* pos, std::string* out) {
  size_t start = *pos;
  while (*pos < s.size()) {
    char c = s[*pos];
    if (is_digit(c)) { out->push_back(c); ++*pos; continue; }
    if (c == '_' && *pos > start && is_digit(s[*pos - 1]) && *pos + 1 < s.size() && is_digit(s[*pos + 1])) {
      ++*pos;
      continue;
    }
    break;
  }
  return *pos > start;
}

}  // namespace

bool parse_float_text(std::string_view text, double* out) {
  std::string ascii;
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      ascii = transform_decimal_and_space(text);
      text = ascii;
      break;
    }
  }
  std::string_view s = strip_py_whitespace(text);
  bool neg = false;
  std::string_view body = s;
  if (!body.empty() && (body[0] == '+' || body[0] == '-')) { neg = body[0] == '-'; body.remove_prefix(1); }
  if (ieq(body, "inf") || ieq(body, "infinity")) { *out = neg ? -HUGE_VAL : HUGE_VAL; return true; }
  if (ieq(body, "nan")) { *out = neg ? -NAN : NAN; return true; }
  std::string clean = neg ? "-" : "";
  size_t pos = 0;
  bool int_digits = take_digits(body, &pos, &clean);
  bool frac_digits = false;
  if (pos < body.size() && body[pos] == '.') {
    clean.push_back('.');
    ++pos;
    frac_digits = take_digits(body, &pos, &clean);
  }
  if (!int_digits && !frac_digits) return false;
  if (pos < body.size() && (body[pos] == 'e' || body[pos] == 'E')) {
    clean.push_back('e');
    ++pos;
    if (pos < body.size() && (body[pos] == '+' || body[pos] == '-')) clean.push_back(body[pos++]);
    if (!take_digits(body, &pos, &clean)) return false;
  }
  if (pos != body.size()) return false;
  *out = std::strtod(clean.c_str(), nullptr);   // correctly rounded (glibc)
  return true;
}

Ref<Object> float_from_string(std::string_view text, Object* orig) {
  double d;
  if (parse_float_text(text, &d)) return float_from_double(d);
  Ref<Object> holder;
  if (!orig) {
    holder = str_from(text);
    if (!holder) return nullptr;
    orig = holder.get();
  }
  return set_errorf(exc::ValueError, "could not convert string to float: %R", orig);
}

bool float_coerce(Object* o, double* out, bool* overflow_error) {
  *overflow_error = false;
  if (float_check(o)) { *out = float_value(o); return true; }
  if (int_check(o)) {
    bool overflow;
    *out = int_to_double(o, &overflow);
    if (!overflow) return true;
    set_error(exc::OverflowError, "int too large to convert to float");
    *overflow_error = true;
  }
  return false;
}

Ref<Object> to_float(Object* o) {
  if (o->type == &FloatType) return Ref<Object>::borrow(o);
  TypeObject* t = o->type;
  if (t->nb_float) {
    Ref<Object> r = t->nb_float(o);
    if (!r) return nullptr;
    if (r->type == &FloatType) return r;
    if (!float_check(r.get()))
      return set_errorf(exc::TypeError, "%s.__float__ returned non-float (type %s)", type_name(t).data(),
                        type_name(r->type).data());
    return float_from_double(float_value(r.get()));
  }
  if (t->nb_index) {
    Ref<Object> i = index(o);
    if (!i) return nullptr;
    bool overflow;
    double d = int_to_double(i.get(), &overflow);
    if (overflow) return set_error(exc::OverflowError, "int too large to convert to float");
    return float_from_double(d);
  }
  if (str_check(o)) return float_from_string(str_view(o), o);
  if (bytes_check(o) || bytearray_check(o)) {
    std::string_view v = bytes_check(o) ? bytes_view(o) : static_cast<ByteArray*>(o)->view();
    double d;
    if (parse_float_text(v, &d)) return float_from_double(d);
    return set_errorf(exc::ValueError, "could not convert string to float: %R", o);
  }
  return set_errorf(exc::TypeError, "float() argument must be a string or a real number, not '%s'",
                    type_name(t).data());
}

// ---- arithmetic -------------------------------------------------------------------

namespace {

// 1: both operands converted; 0: NotImplemented; -1: error set.
int operands(Object* a, Object* b, double* x, double* y) {
  bool err;
  if (!float_coerce(a, x, &err)) return err ? -1 : 0;
  if (!float_coerce(b, y, &err)) return err ? -1 : 0;
  return 1;
}

#define FLOAT_OPERANDS(a, b, x, y)               \
  double x, y;                                   \
  switch (operands(a, b, &x, &y)) {              \
    case 0: return not_implemented();            \
    case -1: return nullptr;                     \
    default: break;                              \
  }

Ref<Object> float_add(Object* a, Object* b) {
  FLOAT_OPERANDS(a, b, x, y)
  return float_from_double(x + y);
}
Ref<Object> float_sub(Object* a, Object* b) {
  FLOAT_OPERANDS(a, b, x, y)
  return float_from_double(x - y);
}
Ref<Object> float_mul(Object* a, Object* b) {
  FLOAT_OPERANDS(a, b, x, y)
  return float_from_double(x * y);
}
Ref<Object> float_truediv(Object* a, Object* b) {
  FLOAT_OPERANDS(a, b, x, y)
  if (y == 0.0) return set_error(exc::ZeroDivisionError, "float division by zero");
  return float_from_double(x / y);
}

double float_mod_values(double vx, double wx) {
  double mod = std::fmod(vx, wx);
  if (mod != 0.0) {
    if ((wx < 0) != (mod < 0)) mod += wx;   // the sign of the divisor
  } else {
    mod = std::copysign(0.0, wx);
  }
  return mod;
}

// CPython's float_divmod: floor quotient and the matching remainder.
void float_divmod_values(double vx, double wx, double* floordiv, double* mod) {
  double m = std::fmod(vx, wx);
  double div = (vx - m) / wx;
  if (m != 0.0) {
    if ((wx < 0) != (m < 0)) { m += wx; div -= 1.0; }
  } else {
    m = std::copysign(0.0, wx);
  }
  double fd;
  if (div != 0.0) {
    fd = std::floor(div);
    if (div - fd > 0.5) fd += 1.0;
  } else {
    fd = std::copysign(0.0, vx / wx);
  }
  *floordiv = fd;
  *mod = m;
}

Ref<Object> float_mod(Object* a, Object* b) {
  FLOAT_OPERANDS(a, b, x, y)
  if (y == 0.0) return set_error(exc::ZeroDivisionError, "float modulo");
  return float_from_double(float_mod_values(x, y));
}

Ref<Object> float_floordiv(Object* a, Object* b) {
  FLOAT_OPERANDS(a, b, x, y)
  if (y == 0.0) return set_error(exc::ZeroDivisionError, "float floor division by zero");
  double q, m;
  float_divmod_values(x, y, &q, &m);
  return float_from_double(q);
}

Ref<Object> float_divmod(Object* a, Object* b) {
  FLOAT_OPERANDS(a, b, x, y)
  if (y == 0.0) return set_error(exc::ZeroDivisionError, "float divmod()");
  double q, m;
  float_divmod_values(x, y, &q, &m);
  Ref<Object> qo = float_from_double(q), mo = float_from_double(m);
  if (!qo || !mo) return nullptr;
  return tuple_pack({qo.get(), mo.get()});
}

bool is_odd_integer(double x) { return std::fmod(std::fabs(x), 2.0) == 1.0; }

Ref<Object> range_error() {
  Ref<Object> code = int_from_i64(ERANGE);
  Ref<Object> msg = str_from("Numerical result out of range");
  if (!code || !msg) return nullptr;
  Ref<Tuple> args = tuple_pack({code.get(), msg.get()});
  if (!args) return nullptr;
  Ref<Object> e = new_exception_args(exc::OverflowError, std::move(args));
  if (!e) return nullptr;
  return set_error_object(e.get());
}

}  // namespace

// CPython's float_pow, special case by special case.
Ref<Object> float_pow_values(double iv, double iw) {
  if (iw == 0) return float_from_double(1.0);
  if (std::isnan(iv)) return float_from_double(iv);
  if (std::isnan(iw)) return float_from_double(iv == 1.0 ? 1.0 : iw);
  if (std::isinf(iw)) {
    iv = std::fabs(iv);
    if (iv == 1.0) return float_from_double(1.0);
    if ((iw > 0.0) == (iv > 1.0)) return float_from_double(std::fabs(iw));
    return float_from_double(0.0);
  }
  if (std::isinf(iv)) {
    bool odd = is_odd_integer(iw);
    if (iw > 0.0) return float_from_double(odd ? iv : std::fabs(iv));
    return float_from_double(odd ? std::copysign(0.0, iv) : 0.0);
  }
  if (iv == 0.0) {
    bool odd = is_odd_integer(iw);
    if (iw < 0.0) return set_error(exc::ZeroDivisionError, "0.0 cannot be raised to a negative power");
    return float_from_double(odd ? iv : 0.0);
  }
  bool negate = false;
  if (iv < 0.0) {
    if (iw != std::floor(iw)) {
      // CPython returns a complex number here; coil has no complex type.
      return set_error(exc::NotImplementedError, "complex numbers are not supported");
    }
    iv = -iv;
    negate = is_odd_integer(iw);
  }
  if (iv == 1.0) return float_from_double(negate ? -1.0 : 1.0);
  errno = 0;
  double ix = std::pow(iv, iw);
  if (errno == 0 && std::isinf(ix)) errno = ERANGE;
  else if (errno == ERANGE && ix == 0.0) errno = 0;   // underflow is not an error
  if (negate) ix = -ix;
  if (errno == ERANGE) return range_error();
  if (errno != 0) return set_error(exc::ValueError, "math domain error");
  return float_from_double(ix);
}

namespace {

Ref<Object> float_pow3(Object* a, Object* b, Object* c) {
  if (c && c != None) {
    if ((float_check(a) || int_check(a)) && (float_check(b) || int_check(b)))
      return set_error(exc::TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
    return not_implemented();
  }
  FLOAT_OPERANDS(a, b, x, y)
  return float_pow_values(x, y);
}

Ref<Object> float_pow(Object* a, Object* b) { return float_pow3(a, b, nullptr); }

Ref<Object> float_neg(Object* a) { return float_from_double(-float_value(a)); }
Ref<Object> float_pos(Object* a) {
  if (a->type == &FloatType) return Ref<Object>::borrow(a);
  return float_from_double(float_value(a));
}
Ref<Object> float_abs(Object* a) { return float_from_double(std::fabs(float_value(a))); }
int float_bool(Object* a) { return float_value(a) != 0.0; }
Ref<Object> float_int(Object* a) { return int_from_double(float_value(a)); }

int64_t float_hash(Object* a) { return hash_double(float_value(a), a); }

Ref<Object> float_repr_slot(Object* a) { return str_from(float_repr(float_value(a))); }

// Compares a finite-or-not double with an int exactly: -1, 0, 1, or 2 when
// unordered (nan).
int compare_double_int(double x, Object* i) {
  if (std::isnan(x)) return 2;
  int64_t v;
  constexpr int64_t kTwo53 = int64_t{1} << 53;
  if (int_fits_i64(i, &v) && v >= -kTwo53 && v <= kTwo53) {
    double y = static_cast<double>(v);
    return (x > y) - (x < y);
  }
  mpz_t m;
  mpz_init(m);
  int_to_mpz(i, m);
  int c = mpz_cmp_d(m, x);   // exact, handles infinities
  mpz_clear(m);
  return (c < 0) - (c > 0);
}

Ref<Object> float_richcompare(Object* a, Object* b, CompareOp op) {
  if (!float_check(a)) {
    if (!float_check(b)) return not_implemented();
    std::swap(a, b);
    op = swapped(op);
  }
  double x = float_value(a);
  int c;
  if (float_check(b)) {
    double y = float_value(b);
    c = (std::isnan(x) || std::isnan(y)) ? 2 : (x > y) - (x < y);
  } else if (int_check(b)) {
    c = compare_double_int(x, b);
  } else {
    return not_implemented();
  }
  if (c == 2) return new_bool(op == CompareOp::Ne);
  return new_bool(compare_holds(c, op));
}

// ---- methods -------------------------------------------------------------------------

#define NOARGS(name)                                   \
  if (!check_no_args(name, nargs, kwnames)) return nullptr;

Ref<Object> float_conjugate_meth(Object* self, Object* const*, size_t nargs, Tuple* kwnames) {
  NOARGS("float.conjugate")
  return float_pos(self);
}

Ref<Object> float_is_integer_meth(Object* self, Object* const*, size_t nargs, Tuple* kwnames) {
  NOARGS("float.is_integer")
  double x = float_value(self);
  return new_bool(std::isfinite(x) && std::floor(x) == x);
}

Ref<Object> float_trunc_meth(Object* self, Object* const*, size_t nargs, Tuple* kwnames) {
  NOARGS("float.__trunc__")
  return int_from_double(float_value(self));
}
Ref<Object> float_floor_meth(Object* self, Object* const*, size_t nargs, Tuple* kwnames) {
  NOARGS("float.__floor__")
  return int_from_double(std::floor(float_value(self)));
}
Ref<Object> float_ceil_meth(Object* self, Object* const*, size_t nargs, Tuple* kwnames) {
  NOARGS("float.__ceil__")
  return int_from_double(std::ceil(float_value(self)));
}

Ref<Object> float_getnewargs_meth(Object* self, Object* const*, size_t nargs, Tuple* kwnames) {
  NOARGS("float.__getnewargs__")
  Ref<Object> v = float_from_double(float_value(self));
  return tuple_pack({v.get()});
}

Ref<Object> float_as_integer_ratio_meth(Object* self, Object* const*, size_t nargs, Tuple* kwnames) {
  NOARGS("float.as_integer_ratio")
  double x = float_value(self);
  if (std::isinf(x)) return set_error(exc::OverflowError, "cannot convert Infinity to integer ratio");
  if (std::isnan(x)) return set_error(exc::ValueError, "cannot convert NaN to integer ratio");
  int exponent;
  double part = std::frexp(x, &exponent);
  for (int i = 0; i < 300 && part != std::floor(part); ++i) {
    part *= 2.0;
    exponent--;
  }
  mpz_t num, den;
  mpz_init_set_d(num, part);
  mpz_init_set_ui(den, 1);
  if (exponent > 0) mpz_mul_2exp(num, num, static_cast<mp_bitcnt_t>(exponent));
  else mpz_mul_2exp(den, den, static_cast<mp_bitcnt_t>(-exponent));
  Ref<Object> n = int_from_mpz_steal(num);
  Ref<Object> d = int_from_mpz_steal(den);
  if (!n || !d) return nullptr;
  return tuple_pack({n.get(), d.get()});
}

Ref<Object> float_round_meth(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"__round__", {"ndigits"}, 0, 1};
  Object* nd = nullptr;
  if (!bind_args(spec, args, nargs, kwnames, &nd)) return nullptr;
  double x = float_value(self);
  if (!nd || nd == None) {
    double r = std::round(x);
    if (std::fabs(x - r) == 0.5) r = 2.0 * std::round(x / 2.0);   // half to even
    return int_from_double(r);
  }
  Ref<Object> ndi = index(nd);
  if (!ndi) return nullptr;
  int64_t n;
  if (!int_fits_i64(ndi.get(), &n)) n = int_sign(ndi.get()) < 0 ? INT64_MIN : INT64_MAX;   // clamps
  double r;
  if (!double_round(x, n, &r)) return nullptr;
  return float_from_double(r);
}

Ref<Object> float_format_meth(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("__format__", kwnames) || !check_nargs("__format__", nargs, 1, 1)) return nullptr;
  if (!str_check(args[0]))
    return set_errorf(exc::TypeError, "__format__() argument must be str, not %T", args[0]);
  std::string_view spec = str_view(args[0]);
  if (spec.empty()) return str(self);
  FormatSpec fs;
  if (!parse_format_spec(spec, &fs, type_name(self->type), '>')) return nullptr;
  return format_float(float_value(self), fs, type_name(self->type));
}

Ref<Object> float_divmod_meth(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("__divmod__", kwnames) || !check_nargs("__divmod__", nargs, 1, 1)) return nullptr;
  return float_divmod(self, args[0]);
}

Ref<Object> float_rdivmod_meth(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("__rdivmod__", kwnames) || !check_nargs("__rdivmod__", nargs, 1, 1)) return nullptr;
  return float_divmod(args[0], self);
}

// float.hex(): CPython's float_hex, 13 hex digits after the point.
Ref<Object> float_hex_meth(Object* self, Object* const*, size_t nargs, Tuple* kwnames) {
  NOARGS("float.hex")
  double x = float_value(self);
  if (!std::isfinite(x)) return str_from(float_repr(x));
  if (x == 0.0) return str_from(std::signbit(x) ? "-0x0.0p+0" : "0x0.0p+0");
  int e;
  double m = std::frexp(std::fabs(x), &e);
  int shift = 1 - std::max(DBL_MIN_EXP - e, 0);
  m = std::ldexp(m, shift);
  e -= shift;
  static const char hex[] = "0123456789abcdef";
  std::string s;
  s.push_back(hex[static_cast<int>(m)]);
  m -= static_cast<int>(m);
  s.push_back('.');
  for (int i = 0; i < (DBL_MANT_DIG - 1) / 4; ++i) {
    m *= 16.0;
    s.push_back(hex[static_cast<int>(m)]);
    m -= static_cast<int>(m);
  }
  std::string out = x < 0 ? "-0x" : "0x";
  out += s;
  out += e < 0 ? "p-" : "p+";
  out += std::to_string(e < 0 ? -e : e);
  return str_from(out);
}

// float.fromhex(s): validated here, converted by strtod's hex support
// (correctly rounded in glibc).
Ref<Object> float_fromhex_meth(Object* cls, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("fromhex", kwnames) || !check_nargs("fromhex", nargs, 1, 1)) return nullptr;
  if (!str_check(args[0])) return set_errorf(exc::TypeError, "bad argument type for built-in operation");
  std::string_view s = strip_py_whitespace(str_view(args[0]));
  bool neg = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) { neg = s[0] == '-'; s.remove_prefix(1); }
  double result;
  if (ieq(s, "inf") || ieq(s, "infinity")) {
    result = HUGE_VAL;
  } else if (ieq(s, "nan")) {
    result = NAN;
  } else {
    if (s.size() >= 2 && s[0] == '0' && (s[1] | 0x20) == 'x') s.remove_prefix(2);
    std::string clean = "0x";
    size_t pos = 0, ndig = 0;
    while (pos < s.size() && std::isxdigit(static_cast<unsigned char>(s[pos]))) { clean.push_back(s[pos++]); ++ndig; }
    if (pos < s.size() && s[pos] == '.') {
      clean.push_back(s[pos++]);
      while (pos < s.size() && std::isxdigit(static_cast<unsigned char>(s[pos]))) { clean.push_back(s[pos++]); ++ndig; }
    }
    bool ok = ndig > 0;
    clean += "p";
    if (ok && pos < s.size() && (s[pos] | 0x20) == 'p') {
      ++pos;
      size_t start = pos;
      if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) clean.push_back(s[pos++]);
      size_t dstart = pos;
      while (pos < s.size() && is_digit(s[pos])) clean.push_back(s[pos++]);
      if (pos == dstart) ok = false;
      (void)start;
    } else {
      clean += "0";
    }
    if (!ok || pos != s.size()) return set_error(exc::ValueError, "invalid hexadecimal floating-point string");
    result = std::strtod(clean.c_str(), nullptr);
    if (std::isinf(result))
      return set_error(exc::OverflowError, "hexadecimal value too large to represent as a float");
  }
  Ref<Object> f = float_from_double(neg ? -result : result);
  if (!f) return nullptr;
  if (cls != reinterpret_cast<Object*>(&FloatType)) return call1(cls, f.get());
  return f;
}

Ref<Object> float_getformat_meth(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("__getformat__", kwnames) || !check_nargs("__getformat__", nargs, 1, 1)) return nullptr;
  if (!str_check(args[0]))
    return set_errorf(exc::TypeError, "__getformat__() argument must be str, not %T", args[0]);
  std::string_view s = str_view(args[0]);
  if (s != "double" && s != "float")
    return set_error(exc::ValueError, "__getformat__() argument 1 must be 'double' or 'float'");
  return str_from("IEEE, little-endian");
}

Ref<Object> float_get_real(Object* self) { return float_pos(self); }
Ref<Object> float_get_imag(Object*) { return float_from_double(0.0); }

const MethodDef float_methods[] = {
    {"conjugate", float_conjugate_meth},
    {"is_integer", float_is_integer_meth},
    {"as_integer_ratio", float_as_integer_ratio_meth},
    {"hex", float_hex_meth},
    {"fromhex", float_fromhex_meth, MethodKind::Class},
    {"__getformat__", float_getformat_meth, MethodKind::Class},
    {"__trunc__", float_trunc_meth},
    {"__floor__", float_floor_meth},
    {"__ceil__", float_ceil_meth},
    {"__round__", float_round_meth},
    {"__format__", float_format_meth},
    {"__getnewargs__", float_getnewargs_meth},
    {"__divmod__", float_divmod_meth},
    {"__rdivmod__", float_rdivmod_meth},
    {nullptr, nullptr},
};

const GetSetDef float_getset[] = {
    {"real", float_get_real},
    {"imag", float_get_imag},
    {nullptr, nullptr},
};

Ref<Object> float_new(TypeObject* type, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (kwnames && kwnames->size > 0) return set_error(exc::TypeError, "float() takes no keyword arguments");
  if (nargs > 1) return set_errorf(exc::TypeError, "float expected at most 1 argument, got %zd", static_cast<ssize_t>(nargs));
  Ref<Object> f = nargs == 0 ? float_from_double(0.0) : to_float(args[0]);
  if (!f) return nullptr;
  if (type == &FloatType) return f;
  return float_subtype_new(type, float_value(f.get()));
}

void float_dealloc(Object* o) {
  Float* f = as_float(o);
  if (o->type == &FloatType && free_count < kFreeListMax) {
    f->~Float();
    free_list[free_count++] = f;
    return;
  }
  destroy_object(f);
}

}  // namespace

void init_float_type() {
  TypeObject& t = FloatType;
  t.name = "float";
  t.doc = "Convert a string or number to a floating point number, if possible.";
  t.flags |= kBaseType;
  t.basic_size = sizeof(Float);
  t.dealloc = float_dealloc;
  t.repr = float_repr_slot;
  // No str slot: as in CPython, object.__str__ calls repr, so a subclass
  // that overrides only __repr__ changes str() too.
  t.hash = float_hash;
  t.richcompare = float_richcompare;
  t.new_ = float_new;
  t.nb_binary[static_cast<int>(BinaryOp::Add)] = float_add;
  t.nb_binary[static_cast<int>(BinaryOp::Sub)] = float_sub;
  t.nb_binary[static_cast<int>(BinaryOp::Mul)] = float_mul;
  t.nb_binary[static_cast<int>(BinaryOp::TrueDiv)] = float_truediv;
  t.nb_binary[static_cast<int>(BinaryOp::FloorDiv)] = float_floordiv;
  t.nb_binary[static_cast<int>(BinaryOp::Remainder)] = float_mod;
  t.nb_binary[static_cast<int>(BinaryOp::Power)] = float_pow;
  t.nb_power3 = float_pow3;
  t.nb_negative = float_neg;
  t.nb_positive = float_pos;
  t.nb_absolute = float_abs;
  t.nb_bool = float_bool;
  t.nb_int = float_int;
  t.nb_float = float_pos;
  t.methods = float_methods;
  t.getset = float_getset;
}

}  // namespace coil::runtime
