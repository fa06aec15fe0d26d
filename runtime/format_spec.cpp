// format_spec.cpp — parsing format specs and laying numbers out with them.
//
// A formatted number is built from five pieces, as in CPython's
// formatter_unicode.c (calc_number_widths / fill_number):
//
//     [padding][sign][prefix][padding for '='][grouped digits][rest][padding]
//
// `digits` is the integer part (the only place grouping separators go),
// `rest` everything after it: ".25", "e+10", "%".  The one subtle rule is
// zero padding: when the fill is '0' and the alignment '=', the zeros are
// produced by the grouping routine itself, so "010," gives "00,000,001"
// (separators inside the padding) — CPython's InsertThousandsGrouping.
#include "runtime/format_spec.h"

#include <algorithm>
#include <cctype>
#include <climits>
#include <cmath>

#include "runtime/abstract.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/str.h"
#include "runtime/type.h"

namespace coil::runtime {

namespace {

size_t utf8_len(unsigned char lead) {
  return lead < 0x80 ? 1 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
}

int64_t count_code_points(std::string_view s) {
  int64_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xc0) != 0x80) ++n;
  return n;
}

// Decodes the code point at s[0] (valid UTF-8 assumed).
char32_t decode_at(std::string_view s, size_t* len) {
  unsigned char c = s[0];
  *len = std::min(utf8_len(c), s.size());
  if (*len == 1) return c;
  char32_t cp = c & (0x7f >> *len);
  for (size_t i = 1; i < *len; ++i) cp = (cp << 6) | (static_cast<unsigned char>(s[i]) & 0x3f);
  return cp;
}

void append_utf8(std::string* out, char32_t cp) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xc0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3f)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xe0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3f)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3f)));
  } else {
    out->push_back(static_cast<char>(0xf0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3f)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3f)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3f)));
  }
}

bool is_align(char c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

// Reads decimal digits at spec[*pos]; returns how many were consumed, or
// -1 with ValueError when the number does not fit.
int get_integer(std::string_view spec, size_t* pos, int64_t* out) {
  int64_t acc = 0;
  int n = 0;
  while (*pos < spec.size() && spec[*pos] >= '0' && spec[*pos] <= '9') {
    int d = spec[*pos] - '0';
    if (acc > (INT64_MAX - d) / 10) {
      set_error(exc::ValueError, "Too many decimal digits in format string");
      return -1;
    }
    acc = acc * 10 + d;
    ++*pos;
    ++n;
  }
  *out = acc;
  return n;
}

std::string type_char_text(char32_t t) {
  std::string s;
  if (t > 32 && t < 128) {
    s.push_back(static_cast<char>(t));
  } else {
    char buf[16];
    std::snprintf(buf, sizeof buf, "\\x%x", static_cast<unsigned>(t));
    s = buf;
  }
  return s;
}

bool invalid_grouping(char grouping, char32_t type) {
  set_error(exc::ValueError, std::string("Cannot specify '") + grouping + "' with '" + type_char_text(type) + "'.");
  return false;
}

}  // namespace

bool parse_format_spec(std::string_view spec, FormatSpec* out, std::string_view type_name, char default_align) {
  FormatSpec f;
  f.align = default_align;
  size_t pos = 0;
  // [[fill]align]: the fill is any one code point followed by an alignment.
  size_t first_len = 0;
  if (!spec.empty()) decode_at(spec, &first_len);
  if (spec.size() > first_len && is_align(spec[first_len])) {
    f.fill = std::string(spec.substr(0, first_len));
    f.fill_given = true;
    f.align = spec[first_len];
    f.align_given = true;
    pos = first_len + 1;
  } else if (!spec.empty() && is_align(spec[0])) {
    f.align = spec[0];
    f.align_given = true;
    pos = 1;
  }
  if (pos < spec.size() && (spec[pos] == '+' || spec[pos] == '-' || spec[pos] == ' ')) f.sign = spec[pos++];
  if (pos < spec.size() && spec[pos] == 'z') { f.no_neg_0 = true; ++pos; }
  if (pos < spec.size() && spec[pos] == '#') { f.alternate = true; ++pos; }
  // The '0' flag: zero fill, and '=' alignment for numbers.
  if (!f.fill_given && pos < spec.size() && spec[pos] == '0') {
    f.fill = "0";
    if (!f.align_given && default_align == '>') f.align = '=';
    ++pos;
  }
  int consumed = get_integer(spec, &pos, &f.width);
  if (consumed < 0) return false;
  if (consumed == 0) f.width = -1;
  if (pos < spec.size() && spec[pos] == ',') { f.grouping = ','; ++pos; }
  if (pos < spec.size() && spec[pos] == '_') {
    if (f.grouping) { set_error(exc::ValueError, "Cannot specify both ',' and '_'."); return false; }
    f.grouping = '_';
    ++pos;
  }
  if (pos < spec.size() && spec[pos] == ',' && f.grouping == '_') {
    set_error(exc::ValueError, "Cannot specify both ',' and '_'.");
    return false;
  }
  if (pos < spec.size() && spec[pos] == '.') {
    ++pos;
    consumed = get_integer(spec, &pos, &f.precision);
    if (consumed < 0) return false;
    if (consumed == 0) { set_error(exc::ValueError, "Format specifier missing precision"); return false; }
  }
  // What remains must be a single (code point) type character.
  if (pos < spec.size()) {
    size_t len;
    char32_t t = decode_at(spec.substr(pos), &len);
    if (pos + len < spec.size()) {
      std::string s(spec);
      std::string tn(type_name);
      set_errorf(exc::ValueError, "Invalid format specifier '%s' for object of type '%s'", s.c_str(), tn.c_str());
      return false;
    }
    f.type = t;
  }
  if (f.grouping) {
    switch (f.type) {
      case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case U'\0':
        break;
      case 'b': case 'o': case 'x': case 'X':
        if (f.grouping == '_') { f.group_size = 4; break; }
        return invalid_grouping(f.grouping, f.type);
      default:
        return invalid_grouping(f.grouping, f.type);
    }
  }
  *out = std::move(f);
  return true;
}

namespace {

// CPython's InsertThousandsGrouping: groups `digits` (ASCII) from the right
// and, when min_width > 0, pads with zeros (grouped too) up to it.
std::string group_digits(std::string_view digits, int64_t min_width, char sep, int group) {
  if (!sep) {
    int64_t n = count_code_points(digits);
    std::string out(static_cast<size_t>(std::max<int64_t>(0, min_width - n)), '0');
    out += digits;
    return out;
  }
  std::string rev;
  int64_t remaining = static_cast<int64_t>(digits.size());
  size_t pos = digits.size();
  bool use_sep = false;
  while (true) {
    int64_t l = std::min<int64_t>(group, std::max<int64_t>(std::max(remaining, min_width), 1));
    int64_t n_zeros = std::max<int64_t>(0, l - remaining);
    int64_t n_chars = std::max<int64_t>(0, std::min(remaining, l));
    if (use_sep) rev.push_back(sep);
    for (int64_t i = 0; i < n_chars; ++i) rev.push_back(digits[--pos]);
    rev.append(static_cast<size_t>(n_zeros), '0');
    use_sep = true;
    remaining -= n_chars;
    min_width -= l;
    if (remaining <= 0 && min_width <= 0) break;
    min_width -= 1;   // the separator's width
  }
  std::reverse(rev.begin(), rev.end());
  return rev;
}

void append_fill(std::string* out, const std::string& fill, int64_t n) {
  for (int64_t i = 0; i < n; ++i) *out += fill;
}

// Lays out [sign][prefix][digits][rest] with the spec's fill, alignment,
// width and grouping.
std::string layout_number(const FormatSpec& spec, char sign_char, std::string_view prefix,
                          std::string_view digits, std::string_view rest) {
  int64_t n_sign = sign_char ? 1 : 0;
  int64_t n_prefix = static_cast<int64_t>(prefix.size());
  int64_t n_rest = count_code_points(rest);
  int64_t min_width = 0;
  if (spec.fill == "0" && spec.align == '=') min_width = spec.width - (n_sign + n_prefix + n_rest);
  // No digits at all ("inf", "nan"): nothing to group or zero-pad here;
  // the ordinary padding below does it (CPython's n_digits == 0 case).
  std::string grouped = digits.empty() ? std::string() : group_digits(digits, min_width, spec.grouping, spec.group_size);
  int64_t total = n_sign + n_prefix + count_code_points(grouped) + n_rest;
  int64_t pad = spec.width > total ? spec.width - total : 0;
  int64_t left = 0, right = 0, middle = 0;
  switch (spec.align) {
    case '<': right = pad; break;
    case '^': left = pad / 2; right = pad - left; break;
    case '=': middle = pad; break;
    default: left = pad; break;
  }
  std::string out;
  out.reserve(static_cast<size_t>(total + pad * static_cast<int64_t>(spec.fill.size())));
  append_fill(&out, spec.fill, left);
  if (sign_char) out.push_back(sign_char);
  out += prefix;
  append_fill(&out, spec.fill, middle);
  out += grouped;
  out += rest;
  append_fill(&out, spec.fill, right);
  return out;
}

char sign_for(bool negative, const FormatSpec& spec) {
  if (negative) return '-';
  if (spec.sign == '+') return '+';
  if (spec.sign == ' ') return ' ';
  return '\0';
}

Ref<Object> unknown_code(char32_t type, std::string_view type_name) {
  std::string tn(type_name);
  return set_errorf(exc::ValueError, "Unknown format code '%s' for object of type '%s'",
                    type_char_text(type).c_str(), tn.c_str());
}

}  // namespace

Ref<Object> format_int(Object* v, const FormatSpec& spec) {
  char32_t type = spec.type ? spec.type : U'd';
  std::string_view tname = type_name(v->type);
  switch (type) {
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
      bool overflow;
      double d = int_to_double(v, &overflow);
      if (overflow) return set_error(exc::OverflowError, "int too large to convert to float");
      return format_float(d, spec, tname);
    }
    case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n':
      break;
    default:
      return unknown_code(type, tname);
  }
  if (spec.precision >= 0) return set_error(exc::ValueError, "Precision not allowed in integer format specifier");
  if (spec.no_neg_0)
    return set_error(exc::ValueError, "Negative zero coercion (z) not allowed in integer format specifier");
  if (type == 'c') {
    if (spec.sign) return set_error(exc::ValueError, "Sign not allowed with integer format specifier 'c'");
    if (spec.alternate)
      return set_error(exc::ValueError, "Alternate form (#) not allowed with integer format specifier 'c'");
    int64_t cp;
    if (!int_fits_i64(v, &cp)) return set_error(exc::OverflowError, "Python int too large to convert to C long");
    if (cp < 0 || cp > 0x10ffff)
      return set_error(exc::OverflowError, "%c arg not in range(0x110000)");
    std::string ch;
    append_utf8(&ch, static_cast<char32_t>(cp));
    return str_from(layout_number(spec, '\0', "", ch, ""));
  }
  int base = type == 'b' ? 2 : type == 'o' ? 8 : (type == 'x' || type == 'X') ? 16 : 10;
  std::string digits;
  if (base == 10) {
    Ref<Object> s = int_repr(v);   // applies the max-str-digits limit
    if (!s) return nullptr;
    digits = std::string(str_view(s.get()));
  } else {
    digits = int_to_base_string(v, base);
  }
  bool negative = !digits.empty() && digits[0] == '-';
  std::string_view body(digits);
  if (negative) body.remove_prefix(1);
  std::string upper;
  if (type == 'X') {
    upper = std::string(body);
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    body = upper;
  }
  const char* prefix = "";
  if (spec.alternate) {
    prefix = type == 'b' ? "0b" : type == 'o' ? "0o" : type == 'x' ? "0x" : type == 'X' ? "0X" : "";
  }
  return str_from(layout_number(spec, sign_for(negative, spec), prefix, body, ""));
}

Ref<Object> format_float(double v, const FormatSpec& spec, std::string_view type_name) {
  char32_t type = spec.type;
  switch (type) {
    case U'\0': case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%':
      break;
    default:
      return unknown_code(type, type_name);
  }
  if (spec.precision > INT_MAX) return set_error(exc::ValueError, "precision too big");
  DoubleFormatFlags flags;
  flags.alt = spec.alternate;
  flags.no_neg_0 = spec.no_neg_0;
  int default_precision = 6;
  char code = static_cast<char>(type);
  if (type == U'\0') {
    // Like repr() without a precision, else like 'g' with at least one
    // digit after the point.
    flags.add_dot_0 = true;
    code = 'r';
    default_precision = 0;
  }
  if (code == 'n') code = 'g';
  bool percent = code == '%';
  if (percent) { code = 'f'; v *= 100; }
  int precision = default_precision;
  if (spec.precision >= 0) {
    precision = static_cast<int>(spec.precision);
    if (code == 'r') code = 'g';
  }
  bool upper = code >= 'A' && code <= 'Z';
  std::string s = double_to_string(v, static_cast<char>(std::tolower(code)), precision, flags);
  if (upper)
    for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (percent) s.push_back('%');
  bool negative = !s.empty() && s[0] == '-';
  std::string_view body(s);
  if (negative) body.remove_prefix(1);
  size_t ndigits = 0;
  while (ndigits < body.size() && body[ndigits] >= '0' && body[ndigits] <= '9') ++ndigits;
  return str_from(layout_number(spec, sign_for(negative, spec), "", body.substr(0, ndigits), body.substr(ndigits)));
}

bool format_str_spec(std::string_view text, const FormatSpec& spec, std::string* out) {
  if (spec.type != U'\0' && spec.type != U's') { unknown_code(spec.type, "str"); return false; }
  if (spec.sign) {
    set_error(exc::ValueError, spec.sign == ' ' ? "Space not allowed in string format specifier"
                                                : "Sign not allowed in string format specifier");
    return false;
  }
  if (spec.no_neg_0) {
    set_error(exc::ValueError, "Negative zero coercion (z) not allowed in string format specifier");
    return false;
  }
  if (spec.alternate) {
    set_error(exc::ValueError, "Alternate form (#) not allowed in string format specifier");
    return false;
  }
  if (spec.align == '=') {
    set_error(exc::ValueError, "'=' alignment not allowed in string format specifier");
    return false;
  }
  int64_t len = count_code_points(text);
  if (spec.precision >= 0 && spec.precision < len) {
    size_t pos = 0;
    for (int64_t i = 0; i < spec.precision; ++i) pos += utf8_len(static_cast<unsigned char>(text[pos]));
    text = text.substr(0, pos);
    len = spec.precision;
  }
  int64_t pad = spec.width > len ? spec.width - len : 0;
  int64_t left = 0, right = 0;
  if (spec.align == '>') left = pad;
  else if (spec.align == '^') { left = pad / 2; right = pad - left; }
  else right = pad;
  out->clear();
  append_fill(out, spec.fill, left);
  *out += text;
  append_fill(out, spec.fill, right);
  return true;
}

// ---- %-formatting ---------------------------------------------------------------

namespace {

// Pads [sign][prefix][body] to the width as printf does: '-' left-justifies,
// '0' puts zeros between the sign/prefix and the body.
void percent_pad(const PercentSpec& spec, char sign, std::string_view prefix, std::string_view body,
                 std::string* out) {
  int64_t len = (sign ? 1 : 0) + static_cast<int64_t>(prefix.size()) + count_code_points(body);
  int64_t pad = spec.width > len ? spec.width - len : 0;
  if (!spec.left && !spec.zero) out->append(static_cast<size_t>(pad), ' ');
  if (sign) out->push_back(sign);
  *out += prefix;
  if (!spec.left && spec.zero) out->append(static_cast<size_t>(pad), '0');
  *out += body;
  if (spec.left) out->append(static_cast<size_t>(pad), ' ');
}

char percent_sign(bool negative, const PercentSpec& spec) {
  if (negative) return '-';
  if (spec.plus) return '+';
  if (spec.space) return ' ';
  return '\0';
}

bool is_number(Object* v) {
  TypeObject* t = v->type;
  return t->nb_index || t->nb_int || t->nb_float;
}

}  // namespace

bool percent_format_int(Object* v, const PercentSpec& spec, std::string* out) {
  char conv = spec.conv;
  bool needs_index = conv == 'o' || conv == 'x' || conv == 'X';
  Ref<Object> iobj;
  if (int_check(v)) {
    iobj = Ref<Object>::borrow(v);
  } else {
    if (is_number(v)) iobj = needs_index ? index(v) : number_to_int(v);
    if (!iobj) {
      if (error_occurred() && !error_matches(exc::TypeError)) return false;
      clear_error();
      std::string msg = std::string("%") + conv +
                        (needs_index ? " format: an integer is required, not " : " format: a real number is required, not ");
      msg += type_name(v->type);
      set_error(exc::TypeError, msg);
      return false;
    }
  }
  int base = conv == 'o' ? 8 : (conv == 'x' || conv == 'X') ? 16 : 10;
  std::string digits;
  if (base == 10) {
    Ref<Object> s = int_repr(iobj.get());
    if (!s) return false;
    digits = std::string(str_view(s.get()));
  } else {
    digits = int_to_base_string(iobj.get(), base);
  }
  bool negative = !digits.empty() && digits[0] == '-';
  std::string body = negative ? digits.substr(1) : digits;
  if (conv == 'X')
    for (char& c : body) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (spec.precision > static_cast<int64_t>(body.size()))
    body.insert(0, static_cast<size_t>(spec.precision) - body.size(), '0');
  const char* prefix = "";
  if (spec.alt) prefix = conv == 'o' ? "0o" : conv == 'x' ? "0x" : conv == 'X' ? "0X" : "";
  percent_pad(spec, percent_sign(negative, spec), prefix, body, out);
  return true;
}

bool percent_format_float(Object* v, const PercentSpec& spec, std::string* out) {
  double d;
  if (float_check(v)) {
    d = float_value(v);
  } else {
    Ref<Object> f;
    if (is_number(v)) {
      f = to_float(v);
      if (!f) return false;
      d = float_value(f.get());
    } else {
      set_errorf(exc::TypeError, "must be real number, not %s", type_name(v->type).data());
      return false;
    }
  }
  int precision = spec.precision < 0 ? 6 : static_cast<int>(std::min<int64_t>(spec.precision, INT_MAX));
  char conv = spec.conv;
  bool upper = conv >= 'A' && conv <= 'Z';
  DoubleFormatFlags flags;
  flags.alt = spec.alt;
  std::string s = double_to_string(d, static_cast<char>(std::tolower(conv)), precision, flags);
  if (upper)
    for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  bool negative = !s.empty() && s[0] == '-';
  std::string_view body(s);
  if (negative) body.remove_prefix(1);
  percent_pad(spec, percent_sign(negative, spec), "", body, out);
  return true;
}

}  // namespace coil::runtime
