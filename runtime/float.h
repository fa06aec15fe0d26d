// float.h — the float type (IEEE 754 double).
#pragma once

#include <string>
#include <string_view>

#include "runtime/object.h"

namespace coil::runtime {

struct TypeObject;
extern TypeObject FloatType;

struct Float : Object {
  double value = 0;
};

bool float_check(const Object* o);
Ref<Object> float_from_double(double v);
inline double float_value(const Object* o) { return static_cast<const Float*>(o)->value; }
// repr(float): shortest round-trip digits in CPython's layout ("1e+16", "0.1", "inf").
std::string float_repr(double v);
// float(x) for any object (__float__, __index__, str parsing).
Ref<Object> to_float(Object* o);

// ---- additions (numbers engineer) ------------------------------------------
// Parses float(text) syntax ("  -1_0.5e3 ", "inf", "nan"); false (no error
// set) when the text is not a valid float literal.
bool parse_float_text(std::string_view text, double* out);
// float(str) with CPython's "could not convert string to float: 'x'".
Ref<Object> float_from_string(std::string_view text, Object* orig);
// x if float, float(x) for ints (OverflowError when too large); else false
// with NO error set (the caller returns NotImplemented / raises TypeError).
bool float_coerce(Object* o, double* out, bool* overflow_error);
// Digit generation shared by repr, format() and round(): CPython's
// PyOS_double_to_string.  `code` is one of 'e' 'f' 'g' 'r' (lowercase; the
// caller uppercases for E/F/G), `precision` as Python's.  Flags:
struct DoubleFormatFlags {
  bool sign = false;       // always add a sign ('+')
  bool add_dot_0 = false;  // "12.0" rather than "12" when integral
  bool alt = false;        // '#': keep the decimal point / trailing zeros
  bool no_neg_0 = false;   // 'z': -0.0 rounds to 0.0
};
std::string double_to_string(double v, char code, int precision, DoubleFormatFlags flags);
// round(x, ndigits) exactly as CPython (correctly rounded, half-even).
// false with OverflowError "rounded value too large to represent".
bool double_round(double x, int64_t ndigits, double* out);
// float ** float with CPython's special cases and errors.
Ref<Object> float_pow_values(double iv, double iw);

void init_float_type();

}  // namespace coil::runtime
