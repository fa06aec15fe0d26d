// math.cpp — the math module.
//
// A port of the easy parts of CPython's Modules/mathmodule.c.  Most
// functions are one libm call wrapped in CPython's error policy (math_1):
//
//   * a NaN result from a non-NaN argument      -> ValueError "math domain error"
//   * an infinite result from a finite argument -> OverflowError "math range
//     error" for functions that can overflow (exp, cosh ...), otherwise a
//     singularity: ValueError "math domain error" (log(0), atanh(1))
//   * an underflow to zero is never an error.
//
// The integer functions (gcd, isqrt, factorial, comb, perm) work on
// arbitrary-precision ints through GMP; fsum is Shewchuk's exact summation
// and hypot/dist CPython 3.11's compensated vector_norm, so results match
// CPython to the last bit.
#include <cerrno>
#include <cfloat>
#include <cmath>
#include <string>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/descr.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/module.h"
#include "runtime/singletons.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"
#include "stdlib/native/modules.h"

namespace coil::runtime {

namespace {

// ---- argument helpers ------------------------------------------------------------

bool one_arg(const char* name, size_t nargs, Tuple* kwnames) {
  if (kwnames && kwnames->size) {
    set_errorf(exc::TypeError, "math.%s() takes no keyword arguments", name);
    return false;
  }
  if (nargs == 1) return true;
  set_errorf(exc::TypeError, "math.%s() takes exactly one argument (%zd given)", name, static_cast<ssize_t>(nargs));
  return false;
}

bool n_args(const char* name, size_t nargs, Tuple* kwnames, size_t n) {
  if (kwnames && kwnames->size) {
    set_errorf(exc::TypeError, "math.%s() takes no keyword arguments", name);
    return false;
  }
  if (nargs == n) return true;
  set_errorf(exc::TypeError, "%s expected %zd argument%s, got %zd", name, static_cast<ssize_t>(n),
             n == 1 ? "" : "s", static_cast<ssize_t>(nargs));
  return false;
}

// PyFloat_AsDouble: float, __float__, __index__; else TypeError.
bool as_double(Object* o, double* out) {
  if (float_check(o)) { *out = float_value(o); return true; }
  if (int_check(o)) {
    bool overflow;
    *out = int_to_double(o, &overflow);
    if (overflow) { set_error(exc::OverflowError, "int too large to convert to float"); return false; }
    return true;
  }
  if (o->type->nb_float || o->type->nb_index) {
    Ref<Object> f = to_float(o);
    if (!f) return false;
    *out = float_value(f.get());
    return true;
  }
  set_errorf(exc::TypeError, "must be real number, not %s", type_name(o->type).data());
  return false;
}

Ref<Object> domain_error() { return set_error(exc::ValueError, "math domain error"); }
Ref<Object> range_error() { return set_error(exc::OverflowError, "math range error"); }

// CPython's is_error(): errno was set; underflow (|r| < 1.5) is ignored.
bool is_error(double r) {
  if (errno == EDOM) { domain_error(); return true; }
  if (errno == ERANGE) {
    if (std::fabs(r) < 1.5) return false;
    range_error();
    return true;
  }
  set_error(exc::ValueError, "math domain error");
  return true;
}

// math_1: one float argument through a libm function.
Ref<Object> math_1(Object* arg, double (*func)(double), bool can_overflow) {
  double x;
  if (!as_double(arg, &x)) return nullptr;
  errno = 0;
  double r = func(x);
  if (std::isnan(r) && !std::isnan(x)) return domain_error();
  if (std::isinf(r) && std::isfinite(x)) return can_overflow ? range_error() : domain_error();
  if (std::isfinite(r) && errno && is_error(r)) return nullptr;
  return float_from_double(r);
}

#define MATH_FUNC1(name, func, can_overflow)                                        \
  Ref<Object> math_##name(Object*, Object* const* args, size_t nargs, Tuple* kw) {  \
    if (!one_arg(#name, nargs, kw)) return nullptr;                                 \
    return math_1(args[0], [](double x) -> double { return func(x); }, can_overflow); \
  }

MATH_FUNC1(acos, std::acos, false)
MATH_FUNC1(acosh, std::acosh, false)
MATH_FUNC1(asin, std::asin, false)
MATH_FUNC1(asinh, std::asinh, false)
MATH_FUNC1(atan, std::atan, false)
MATH_FUNC1(atanh, std::atanh, false)
MATH_FUNC1(cbrt, std::cbrt, false)
MATH_FUNC1(cos, std::cos, false)
MATH_FUNC1(cosh, std::cosh, true)
MATH_FUNC1(erf, std::erf, false)
MATH_FUNC1(erfc, std::erfc, false)
MATH_FUNC1(exp, std::exp, true)
MATH_FUNC1(exp2, std::exp2, true)
MATH_FUNC1(expm1, std::expm1, true)
MATH_FUNC1(fabs, std::fabs, false)
MATH_FUNC1(sin, std::sin, false)
MATH_FUNC1(sinh, std::sinh, true)
MATH_FUNC1(sqrt, std::sqrt, false)
MATH_FUNC1(tan, std::tan, false)
MATH_FUNC1(tanh, std::tanh, false)

Ref<Object> math_lgamma(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  if (!one_arg("lgamma", nargs, kw)) return nullptr;
  double x;
  if (!as_double(args[0], &x)) return nullptr;
  if (std::isnan(x)) return float_from_double(x);
  if (std::isinf(x)) return float_from_double(HUGE_VAL);
  if (x <= 0 && x == std::floor(x)) return domain_error();
  double r = std::lgamma(x);
  if (std::isinf(r)) return range_error();
  return float_from_double(r);
}

Ref<Object> math_gamma(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  if (!one_arg("gamma", nargs, kw)) return nullptr;
  double x;
  if (!as_double(args[0], &x)) return nullptr;
  if (std::isnan(x)) return float_from_double(x);
  if (x == -HUGE_VAL || (x <= 0 && x == std::floor(x))) return domain_error();
  if (x == HUGE_VAL) return float_from_double(x);
  double r = std::tgamma(x);
  if (std::isinf(r)) return range_error();
  return float_from_double(r);
}

Ref<Object> math_degrees(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  if (!one_arg("degrees", nargs, kw)) return nullptr;
  double x;
  if (!as_double(args[0], &x)) return nullptr;
  return float_from_double(x * (180.0 / M_PI));
}

Ref<Object> math_radians(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  if (!one_arg("radians", nargs, kw)) return nullptr;
  double x;
  if (!as_double(args[0], &x)) return nullptr;
  return float_from_double(x * (M_PI / 180.0));
}

Ref<Object> math_isfinite(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  if (!one_arg("isfinite", nargs, kw)) return nullptr;
  double x;
  if (!as_double(args[0], &x)) return nullptr;
  return new_bool(std::isfinite(x));
}
Ref<Object> math_isinf(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  if (!one_arg("isinf", nargs, kw)) return nullptr;
  double x;
  if (!as_double(args[0], &x)) return nullptr;
  return new_bool(std::isinf(x));
}
Ref<Object> math_isnan(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  if (!one_arg("isnan", nargs, kw)) return nullptr;
  double x;
  if (!as_double(args[0], &x)) return nullptr;
  return new_bool(std::isnan(x));
}

// ---- two-argument float functions ------------------------------------------------

bool two_doubles(const char* name, Object* const* args, size_t nargs, Tuple* kw, double* x, double* y) {
  return n_args(name, nargs, kw, 2) && as_double(args[0], x) && as_double(args[1], y);
}

Ref<Object> math_atan2(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  double y, x;
  if (!two_doubles("atan2", args, nargs, kw, &y, &x)) return nullptr;
  return float_from_double(std::atan2(y, x));
}

Ref<Object> math_copysign(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  double x, y;
  if (!two_doubles("copysign", args, nargs, kw, &x, &y)) return nullptr;
  return float_from_double(std::copysign(x, y));
}

Ref<Object> math_fmod(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  double x, y;
  if (!two_doubles("fmod", args, nargs, kw, &x, &y)) return nullptr;
  if (std::isinf(y) && std::isfinite(x)) return float_from_double(x);
  double r = std::fmod(x, y);
  if (std::isnan(r) && !std::isnan(x) && !std::isnan(y)) return domain_error();
  return float_from_double(r);
}

Ref<Object> math_remainder(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  double x, y;
  if (!two_doubles("remainder", args, nargs, kw, &x, &y)) return nullptr;
  if (std::isnan(x)) return float_from_double(x);
  if (std::isnan(y)) return float_from_double(y);
  if (std::isinf(x) || y == 0.0) return domain_error();
  if (std::isinf(y)) return float_from_double(x);
  return float_from_double(std::remainder(x, y));
}

// CPython's math.pow: IEEE special cases first, then libm.
Ref<Object> math_pow(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  double x, y, r = 0;
  if (!two_doubles("pow", args, nargs, kw, &x, &y)) return nullptr;
  errno = 0;
  if (!std::isfinite(x) || !std::isfinite(y)) {
    if (std::isnan(x)) {
      r = y == 0. ? 1. : x;
    } else if (std::isnan(y)) {
      r = x == 1. ? 1. : y;
    } else if (std::isinf(x)) {
      bool odd_y = std::isfinite(y) && std::fmod(std::fabs(y), 2.0) == 1.0;
      if (y > 0.) r = odd_y ? x : std::fabs(x);
      else if (y == 0.) r = 1.;
      else r = odd_y ? std::copysign(0., x) : 0.;
    } else {   // y infinite
      if (std::fabs(x) == 1.0) r = 1.;
      else if (y > 0. && std::fabs(x) > 1.0) r = y;
      else if (y < 0. && std::fabs(x) < 1.0) r = -y;
      else r = 0.;
    }
  } else {
    r = std::pow(x, y);
    errno = 0;
    if (!std::isfinite(r)) {
      if (std::isnan(r)) errno = EDOM;
      else errno = x == 0. ? EDOM : ERANGE;
    }
  }
  if (errno && is_error(r)) return nullptr;
  return float_from_double(r);
}

Ref<Object> math_ldexp(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  if (!n_args("ldexp", nargs, kw, 2)) return nullptr;
  double x;
  if (!as_double(args[0], &x)) return nullptr;
  if (!int_check(args[1])) return set_error(exc::TypeError, "Expected an int as second argument to ldexp.");
  int64_t e;
  if (!int_fits_i64(args[1], &e)) e = int_sign(args[1]) < 0 ? INT64_MIN : INT64_MAX;
  if (x == 0.0 || !std::isfinite(x)) return float_from_double(x);
  double r;
  if (e > INT_MAX) r = std::copysign(HUGE_VAL, x);
  else if (e < INT_MIN) r = std::copysign(0.0, x);
  else r = std::ldexp(x, static_cast<int>(e));
  if (std::isinf(r)) return range_error();
  return float_from_double(r);
}

Ref<Object> math_frexp(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  if (!one_arg("frexp", nargs, kw)) return nullptr;
  double x;
  if (!as_double(args[0], &x)) return nullptr;
  int e = 0;
  double m = x;
  if (std::isfinite(x) && x != 0.0) m = std::frexp(x, &e);
  Ref<Object> mo = float_from_double(m), eo = int_from_i64(e);
  if (!mo || !eo) return nullptr;
  return tuple_pack({mo.get(), eo.get()});
}

Ref<Object> math_modf(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  if (!one_arg("modf", nargs, kw)) return nullptr;
  double x, ip, fp;
  if (!as_double(args[0], &x)) return nullptr;
  if (std::isinf(x)) {
    ip = x;
    fp = std::copysign(0.0, x);
  } else {
    fp = std::modf(x, &ip);
  }
  Ref<Object> a = float_from_double(fp), b = float_from_double(ip);
  if (!a || !b) return nullptr;
  return tuple_pack({a.get(), b.get()});
}

Ref<Object> math_nextafter(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  double x, y;
  if (!two_doubles("nextafter", args, nargs, kw, &x, &y)) return nullptr;
  return float_from_double(std::nextafter(x, y));
}

Ref<Object> math_ulp(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  if (!one_arg("ulp", nargs, kw)) return nullptr;
  double x;
  if (!as_double(args[0], &x)) return nullptr;
  if (std::isnan(x)) return float_from_double(x);
  x = std::fabs(x);
  if (std::isinf(x)) return float_from_double(x);
  double x2 = std::nextafter(x, HUGE_VAL);
  if (std::isinf(x2)) {
    x2 = std::nextafter(x, -HUGE_VAL);
    return float_from_double(x - x2);
  }
  return float_from_double(x2 - x);
}

Ref<Object> math_isclose(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  static const ArgSpec spec{"isclose", {"a", "b", "rel_tol", "abs_tol"}, 2, 0, 2};
  Object* a[4] = {};
  if (!bind_args(spec, args, nargs, kw, a)) return nullptr;
  double x, y, rel_tol = 1e-09, abs_tol = 0.0;
  if (!as_double(a[0], &x) || !as_double(a[1], &y)) return nullptr;
  if (a[2] && !as_double(a[2], &rel_tol)) return nullptr;
  if (a[3] && !as_double(a[3], &abs_tol)) return nullptr;
  if (rel_tol < 0.0 || abs_tol < 0.0) return set_error(exc::ValueError, "tolerances must be non-negative");
  if (x == y) return new_bool(true);
  if (std::isinf(x) || std::isinf(y)) return new_bool(false);
  double diff = std::fabs(y - x);
  return new_bool(diff <= std::fabs(rel_tol * y) || diff <= std::fabs(rel_tol * x) || diff <= abs_tol);
}

// ---- logarithms ----------------------------------------------------------------

// The natural-log family on ints of any size: log(m * 2**e) = log(m) + e*log(2).
bool log_of(Object* arg, double (*func)(double), double* out) {
  if (int_check(arg)) {
    if (int_sign(arg) <= 0) { domain_error(); return false; }
    bool overflow;
    double d = int_to_double(arg, &overflow);
    if (!overflow) { *out = func(d); return true; }
    // Too big for a double: keep the top 64 bits (rounded) and the exponent.
    mpz_t m;
    mpz_init(m);
    int_to_mpz(arg, m);
    size_t bits = mpz_sizeinbase(m, 2);
    size_t shift = bits - 64;
    mpz_tdiv_q_2exp(m, m, shift);
    double top = static_cast<double>(mpz_get_ui(m));
    mpz_clear(m);
    int e;
    double frac = std::frexp(top, &e);
    *out = func(frac) + func(2.0) * (static_cast<double>(e) + static_cast<double>(shift));
    return true;
  }
  double x;
  if (!as_double(arg, &x)) return false;
  if (std::isnan(x) || x == HUGE_VAL) { *out = x; return true; }
  if (x <= 0.0 || std::isinf(x)) { domain_error(); return false; }
  *out = func(x);
  return true;
}

double m_log(double x) { return std::log(x); }
double m_log2(double x) { return std::log2(x); }
double m_log10(double x) { return std::log10(x); }

Ref<Object> math_log(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  if (kw && kw->size) return set_error(exc::TypeError, "math.log() takes no keyword arguments");
  if (nargs < 1 || nargs > 2) return set_error(exc::TypeError, "math.log requires 1 to 2 arguments");
  double num;
  if (!log_of(args[0], m_log, &num)) return nullptr;
  if (nargs == 2) {
    double den;
    if (!log_of(args[1], m_log, &den)) return nullptr;
    if (den == 0.0) return set_error(exc::ZeroDivisionError, "float division by zero");
    num /= den;
  }
  return float_from_double(num);
}

Ref<Object> math_log2(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  if (!one_arg("log2", nargs, kw)) return nullptr;
  double r;
  if (!log_of(args[0], m_log2, &r)) return nullptr;
  return float_from_double(r);
}

Ref<Object> math_log10(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  if (!one_arg("log10", nargs, kw)) return nullptr;
  double r;
  if (!log_of(args[0], m_log10, &r)) return nullptr;
  return float_from_double(r);
}

Ref<Object> math_log1p(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  if (!one_arg("log1p", nargs, kw)) return nullptr;
  double x;
  if (!as_double(args[0], &x)) return nullptr;
  if (x == -1.0) return domain_error();
  return math_1(args[0], [](double v) -> double { return std::log1p(v); }, false);
}

// ---- rounding to int -----------------------------------------------------------------

Ref<Object> call_special(Object* x, const char* name, bool* found) {
  Str* n = intern(name);
  *found = type_lookup(x->type, n) != nullptr;
  if (!*found) return nullptr;
  return call_method(x, n, nullptr, 0);
}

Ref<Object> math_floor(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  if (!one_arg("floor", nargs, kw)) return nullptr;
  Object* x = args[0];
  if (x->type == &FloatType) return int_from_double(std::floor(float_value(x)));
  if (int_check_exact(x)) return Ref<Object>::borrow(x);
  bool found;
  Ref<Object> r = call_special(x, "__floor__", &found);
  if (found) return r;
  double d;
  if (!as_double(x, &d)) return nullptr;
  return int_from_double(std::floor(d));
}

Ref<Object> math_ceil(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  if (!one_arg("ceil", nargs, kw)) return nullptr;
  Object* x = args[0];
  if (x->type == &FloatType) return int_from_double(std::ceil(float_value(x)));
  if (int_check_exact(x)) return Ref<Object>::borrow(x);
  bool found;
  Ref<Object> r = call_special(x, "__ceil__", &found);
  if (found) return r;
  double d;
  if (!as_double(x, &d)) return nullptr;
  return int_from_double(std::ceil(d));
}

Ref<Object> math_trunc(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  if (!one_arg("trunc", nargs, kw)) return nullptr;
  Object* x = args[0];
  if (x->type == &FloatType) return int_from_double(float_value(x));
  bool found;
  Ref<Object> r = call_special(x, "__trunc__", &found);
  if (found) return r;
  return set_errorf(exc::TypeError, "type %s doesn't define __trunc__ method", type_name(x->type).data());
}

// ---- integer functions ---------------------------------------------------------------

// index(o) into an mpz (initialised by the caller).
bool index_mpz(Object* o, mpz_t out) {
  Ref<Object> i = index(o);
  if (!i) return false;
  int_to_mpz(i.get(), out);
  return true;
}

struct MpzHolder {
  mpz_t v;
  MpzHolder() { mpz_init(v); }
  ~MpzHolder() { mpz_clear(v); }
};

Ref<Object> math_gcd(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  if (kw && kw->size) return set_error(exc::TypeError, "math.gcd() takes no keyword arguments");
  MpzHolder acc, x;
  for (size_t i = 0; i < nargs; ++i) {
    if (!index_mpz(args[i], x.v)) return nullptr;
    mpz_gcd(acc.v, acc.v, x.v);
  }
  return int_from_mpz(acc.v);
}

Ref<Object> math_lcm(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  if (kw && kw->size) return set_error(exc::TypeError, "math.lcm() takes no keyword arguments");
  MpzHolder acc, x;
  mpz_set_ui(acc.v, 1);
  for (size_t i = 0; i < nargs; ++i) {
    if (!index_mpz(args[i], x.v)) return nullptr;
    mpz_lcm(acc.v, acc.v, x.v);   // always non-negative
  }
  return int_from_mpz(acc.v);
}

Ref<Object> math_isqrt(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  if (!one_arg("isqrt", nargs, kw)) return nullptr;
  MpzHolder n;
  if (!index_mpz(args[0], n.v)) return nullptr;
  if (mpz_sgn(n.v) < 0) return set_error(exc::ValueError, "isqrt() argument must be nonnegative");
  mpz_sqrt(n.v, n.v);
  return int_from_mpz(n.v);
}

Ref<Object> math_factorial(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  if (!one_arg("factorial", nargs, kw)) return nullptr;
  Ref<Object> n = index(args[0]);
  if (!n) return nullptr;
  int64_t v;
  if (!int_fits_i64(n.get(), &v)) {
    if (int_sign(n.get()) < 0) return set_error(exc::ValueError, "factorial() not defined for negative values");
    return set_error(exc::OverflowError, "factorial() argument should not exceed 9223372036854775807");
  }
  if (v < 0) return set_error(exc::ValueError, "factorial() not defined for negative values");
  if (v > 100000000) return no_memory_error();
  MpzHolder r;
  mpz_fac_ui(r.v, static_cast<unsigned long>(v));
  return int_from_mpz(r.v);
}

// Reads n and k for comb/perm with CPython's checks.  Returns 1 ok, 0 when
// the answer is 0 (k > n), -1 on error.
int comb_args(Object* no, Object* ko, mpz_t n, uint64_t* k) {
  MpzHolder kk;
  if (!index_mpz(no, n) || !index_mpz(ko, kk.v)) return -1;
  if (mpz_sgn(n) < 0) { set_error(exc::ValueError, "n must be a non-negative integer"); return -1; }
  if (mpz_sgn(kk.v) < 0) { set_error(exc::ValueError, "k must be a non-negative integer"); return -1; }
  if (mpz_cmp(kk.v, n) > 0) return 0;
  if (!mpz_fits_ulong_p(kk.v)) { set_error(exc::OverflowError, "k must not exceed 9223372036854775807"); return -1; }
  *k = mpz_get_ui(kk.v);
  return 1;
}

Ref<Object> math_comb(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  if (!n_args("comb", nargs, kw, 2)) return nullptr;
  MpzHolder n, r;
  uint64_t k;
  int st = comb_args(args[0], args[1], n.v, &k);
  if (st < 0) return nullptr;
  if (st == 0) return int_from_i64(0);
  // C(n, k) == C(n, n-k): use the smaller one.
  MpzHolder nk;
  mpz_sub_ui(nk.v, n.v, k);
  if (mpz_cmp_ui(nk.v, k) < 0) k = mpz_get_ui(nk.v);
  if (k > 100000000) return no_memory_error();
  mpz_bin_ui(r.v, n.v, k);
  return int_from_mpz(r.v);
}

Ref<Object> math_perm(Object* m, Object* const* args, size_t nargs, Tuple* kw) {
  if (kw && kw->size) return set_error(exc::TypeError, "math.perm() takes no keyword arguments");
  if (nargs < 1 || nargs > 2)
    return set_errorf(exc::TypeError, "perm expected %s argument%s, got %zd", nargs < 1 ? "at least 1" : "at most 2",
                      nargs < 1 ? "" : "s", static_cast<ssize_t>(nargs));
  if (nargs == 1 || args[1] == None) return math_factorial(m, args, 1, nullptr);
  MpzHolder n, r, f;
  uint64_t k;
  int st = comb_args(args[0], args[1], n.v, &k);
  if (st < 0) return nullptr;
  if (st == 0) return int_from_i64(0);
  if (k > 100000000) return no_memory_error();
  mpz_bin_ui(r.v, n.v, k);
  mpz_fac_ui(f.v, k);
  mpz_mul(r.v, r.v, f.v);
  return int_from_mpz(r.v);
}

// ---- sums and products -------------------------------------------------------------------

// Shewchuk's exact summation with CPython's handling of specials.
Ref<Object> math_fsum(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  if (!one_arg("fsum", nargs, kw)) return nullptr;
  Ref<Object> it = get_iter(args[0]);
  if (!it) return nullptr;
  std::vector<double> p;
  double special_sum = 0.0, inf_sum = 0.0;
  while (true) {
    Ref<Object> item = iter_next(it.get());
    if (!item) {
      if (error_occurred()) return nullptr;
      break;
    }
    double x;
    if (!as_double(item.get(), &x)) return nullptr;
    double xsave = x;
    size_t i = 0;
    for (size_t j = 0; j < p.size(); ++j) {
      double y = p[j];
      if (std::fabs(x) < std::fabs(y)) std::swap(x, y);
      double hi = x + y;
      double yr = hi - x;
      double lo = y - yr;
      if (lo != 0.0) p[i++] = lo;
      x = hi;
    }
    p.resize(i);
    if (x != 0.0) {
      if (!std::isfinite(x)) {
        // Either an inf/nan summand or an intermediate overflow.
        if (std::isfinite(xsave)) return set_error(exc::OverflowError, "intermediate overflow in fsum");
        if (std::isinf(xsave)) inf_sum += xsave;
        special_sum += xsave;
        p.clear();
      } else {
        p.push_back(x);
      }
    }
  }
  if (special_sum != 0.0) {
    if (std::isnan(inf_sum)) return set_error(exc::ValueError, "-inf + inf in fsum");
    return float_from_double(special_sum);
  }
  double hi = 0.0, lo = 0.0;
  size_t n = p.size();
  if (n > 0) {
    hi = p[--n];
    while (n > 0) {
      double x = hi;
      double y = p[--n];
      hi = x + y;
      double yr = hi - x;
      lo = y - yr;
      if (lo != 0.0) break;
    }
    // Half-even rounding across partials (sum([1e-16, 1, 1e16])).
    if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
      double y = lo * 2.0;
      double x = hi + y;
      double yr = x - hi;
      if (y == yr) hi = x;
    }
  }
  return float_from_double(hi);
}

Ref<Object> math_prod(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  static const ArgSpec spec{"prod", {"iterable", "start"}, 1, 1, 1};
  Object* a[2] = {};
  if (!bind_args(spec, args, nargs, kw, a)) return nullptr;
  Ref<Object> result = a[1] ? Ref<Object>::borrow(a[1]) : int_from_i64(1);
  Ref<Object> it = get_iter(a[0]);
  if (!it) return nullptr;
  while (true) {
    Ref<Object> item = iter_next(it.get());
    if (!item) {
      if (error_occurred()) return nullptr;
      break;
    }
    result = binary_op(result.get(), item.get(), BinaryOp::Mul);
    if (!result) return nullptr;
  }
  return result;
}

// CPython 3.11's vector_norm: scaled, compensated sum of squares plus one
// Newton correction; correctly rounded in nearly all cases.
double vector_norm(std::vector<double>& vec, double max, bool found_nan) {
  if (std::isinf(max)) return max;
  if (found_nan) return NAN;
  if (max == 0.0 || vec.size() <= 1) return max;
  int max_e;
  std::frexp(max, &max_e);
  if (max_e < -1023) {
    for (double& x : vec) x /= DBL_MIN;
    return DBL_MIN * vector_norm(vec, max / DBL_MIN, found_nan);
  }
  double scale = std::ldexp(1.0, -max_e);
  double csum = 1.0, frac1 = 0.0, frac2 = 0.0;
  for (double x : vec) {
    x *= scale;
    double pr_hi = x * x;
    double pr_lo = std::fma(x, x, -pr_hi);
    double sm_hi = csum + pr_hi;
    double sm_lo = (csum - sm_hi) + pr_hi;
    csum = sm_hi;
    frac1 += pr_lo;
    frac2 += sm_lo;
  }
  double h = std::sqrt(csum - 1.0 + (frac1 + frac2));
  double pr_hi = -h * h;
  double pr_lo = std::fma(-h, h, -pr_hi);
  double sm_hi = csum + pr_hi;
  double sm_lo = (csum - sm_hi) + pr_hi;
  csum = sm_hi;
  frac1 += pr_lo;
  frac2 += sm_lo;
  double x = csum - 1.0 + (frac1 + frac2);
  h += x / (2.0 * h);
  return h / scale;
}

Ref<Object> math_hypot(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  if (kw && kw->size) return set_error(exc::TypeError, "math.hypot() takes no keyword arguments");
  std::vector<double> vec(nargs);
  double max = 0.0;
  bool found_nan = false;
  for (size_t i = 0; i < nargs; ++i) {
    double x;
    if (!as_double(args[i], &x)) return nullptr;
    x = std::fabs(x);
    vec[i] = x;
    found_nan |= std::isnan(x);
    if (x > max) max = x;
  }
  return float_from_double(vector_norm(vec, max, found_nan));
}

Ref<Object> math_dist(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  if (!n_args("dist", nargs, kw, 2)) return nullptr;
  Ref<Object> p = sequence_to_tuple(args[0]);
  if (!p) return nullptr;
  Ref<Object> q = sequence_to_tuple(args[1]);
  if (!q) return nullptr;
  Tuple* pt = static_cast<Tuple*>(p.get());
  Tuple* qt = static_cast<Tuple*>(q.get());
  if (pt->size != qt->size) return set_error(exc::ValueError, "both points must have the same number of dimensions");
  std::vector<double> vec(pt->size);
  double max = 0.0;
  bool found_nan = false;
  for (size_t i = 0; i < pt->size; ++i) {
    double a, b;
    if (!as_double(pt->items[i], &a) || !as_double(qt->items[i], &b)) return nullptr;
    double x = std::fabs(a - b);
    vec[i] = x;
    found_nan |= std::isnan(x);
    if (x > max) max = x;
  }
  return float_from_double(vector_norm(vec, max, found_nan));
}

constexpr MethodKind S = MethodKind::Static;

const MethodDef math_methods[] = {
    {"acos", math_acos, S},       {"acosh", math_acosh, S},     {"asin", math_asin, S},
    {"asinh", math_asinh, S},     {"atan", math_atan, S},       {"atan2", math_atan2, S},
    {"atanh", math_atanh, S},     {"cbrt", math_cbrt, S},       {"ceil", math_ceil, S},
    {"comb", math_comb, S},       {"copysign", math_copysign, S}, {"cos", math_cos, S},
    {"cosh", math_cosh, S},       {"degrees", math_degrees, S}, {"dist", math_dist, S},
    {"erf", math_erf, S},         {"erfc", math_erfc, S},       {"exp", math_exp, S},
    {"exp2", math_exp2, S},       {"expm1", math_expm1, S},     {"fabs", math_fabs, S},
    {"factorial", math_factorial, S}, {"floor", math_floor, S}, {"fmod", math_fmod, S},
    {"frexp", math_frexp, S},     {"fsum", math_fsum, S},       {"gamma", math_gamma, S},
    {"gcd", math_gcd, S},         {"hypot", math_hypot, S},     {"isclose", math_isclose, S},
    {"isfinite", math_isfinite, S}, {"isinf", math_isinf, S},   {"isnan", math_isnan, S},
    {"isqrt", math_isqrt, S},     {"lcm", math_lcm, S},         {"ldexp", math_ldexp, S},
    {"lgamma", math_lgamma, S},   {"log", math_log, S},         {"log10", math_log10, S},
    {"log1p", math_log1p, S},     {"log2", math_log2, S},       {"modf", math_modf, S},
    {"nextafter", math_nextafter, S}, {"perm", math_perm, S},   {"pow", math_pow, S},
    {"prod", math_prod, S},       {"radians", math_radians, S}, {"remainder", math_remainder, S},
    {"sin", math_sin, S},         {"sinh", math_sinh, S},       {"sqrt", math_sqrt, S},
    {"tan", math_tan, S},         {"tanh", math_tanh, S},       {"trunc", math_trunc, S},
    {"ulp", math_ulp, S},
    {nullptr, nullptr},
};

}  // namespace

Ref<Object> make_math_module() {
  Ref<Object> m = module_new("math");
  if (!m) return nullptr;
  Dict* d = module_dict(m.get());
  if (!add_functions(d, math_methods, m.get())) return nullptr;
  struct { const char* name; double value; } constants[] = {
      {"pi", M_PI}, {"e", M_E}, {"tau", 2 * M_PI}, {"inf", HUGE_VAL}, {"nan", NAN},
  };
  for (const auto& c : constants) {
    Ref<Object> v = float_from_double(c.value);
    if (!v || dict_set_str(d, c.name, v.get()) != 0) return nullptr;
  }
  return m;
}

}  // namespace coil::runtime
