// format_spec.h — the format-spec mini-language and %-formatting of numbers.
//
// format(value, spec), f"{value:spec}" and str.format() all parse
//
//     [[fill]align][sign][z][#][0][width][grouping][.precision][type]
//
// with CPython's rules and error messages (Python/formatter_unicode.c).
// int, float and str share the parser; the number formatters live here,
// the str one (format_str_spec) too, so str.cpp only has to call it.
// The %-operator of str uses percent_format_int/percent_format_float.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "runtime/object.h"

namespace coil::runtime {

struct FormatSpec {
  std::string fill = " ";      // one code point, UTF-8 encoded
  bool fill_given = false;
  char align = '<';            // '<' '>' '=' '^' (the default filled in)
  bool align_given = false;
  char sign = '\0';            // '+' '-' ' ' or 0 (not given)
  bool no_neg_0 = false;       // 'z'
  bool alternate = false;      // '#'
  int64_t width = -1;          // -1: not given
  char grouping = '\0';        // ',' or '_' or 0
  int group_size = 3;          // 4 for '_' with b/o/x/X
  int64_t precision = -1;      // -1: not given
  char32_t type = U'\0';       // presentation type, 0 when absent
};

// Parses `spec` for an object whose type is called `type_name` (for the
// messages "Invalid format specifier '..' for object of type 'int'").
// `default_align` is '<' for strings and '>' for numbers (it decides what
// the '0' flag means).  Returns false with ValueError set.
bool parse_format_spec(std::string_view spec, FormatSpec* out,
                       std::string_view type_name = "str", char default_align = '<');

// format(int, spec) for a parsed spec; `v` is an int (or bool / subclass).
// Types b c d o x X n, none, and e E f F g G % (through float).
Ref<Object> format_int(Object* v, const FormatSpec& spec);
// format(float, spec) for a parsed spec.  `type_name` names the object in
// "Unknown format code" messages.
Ref<Object> format_float(double v, const FormatSpec& spec, std::string_view type_name = "float");
// format(str, spec): validates the spec for strings ("Sign not allowed in
// string format specifier" ...) and pads/truncates `text` (UTF-8).
bool format_str_spec(std::string_view text, const FormatSpec& spec, std::string* out);

// ---- %-formatting (printf-style, str % args) ------------------------------------
struct PercentSpec {
  bool left = false;      // '-'
  bool plus = false;      // '+'
  bool space = false;     // ' '
  bool alt = false;       // '#'
  bool zero = false;      // '0'
  int64_t width = -1;     // -1: not given
  int64_t precision = -1; // -1: not given
  char conv = 'd';        // d i u o x X  /  e E f F g G
};
// Appends the formatted value to *out.  `v` may be any object: ints pass
// straight through, others are converted as CPython does (__int__ /
// __index__ for d i u, __index__ for o x X) with its TypeErrors
// ("%x format: an integer is required, not float").
bool percent_format_int(Object* v, const PercentSpec& spec, std::string* out);
// Conversions e E f F g G; `v` converted with __float__ ("must be real
// number, not str").
bool percent_format_float(Object* v, const PercentSpec& spec, std::string* out);

}  // namespace coil::runtime
