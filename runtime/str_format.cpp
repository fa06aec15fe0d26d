// str_format.cpp — str.format(), str.format_map(), format(str, spec) and the
// printf-style `%` operator.
//
// str.format follows CPython's Objects/stringlib/unicode_format.h closely:
// a "markup iterator" splits the template into literal text and fields
// `{name!conv:spec}`; each field's name is resolved (auto-numbered, index,
// keyword, then `.attr` / `[key]` steps), converted (!r !s !a), and
// formatted with the value's __format__.  A spec may itself contain fields
// ("{0:>{width}}"), expanded recursively up to two levels as CPython does.
//
// `%` follows PyUnicode_Format: the right operand is a tuple of arguments,
// a mapping (for %(name)s), or a single value.  Numbers are rendered by the
// numbers engineer's percent_format_int/percent_format_float
// (runtime/format_spec.h), strings and %c here.
//
// Both build into one std::string and create the str once at the end; the
// std::string is the only allocation on the way (bad_alloc is turned into
// MemoryError at the entry points).
#include <climits>
#include <cstring>
#include <new>
#include <string>

#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/format_spec.h"
#include "runtime/int.h"
#include "runtime/singletons.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"
#include "runtime/unicode.h"

namespace coil::runtime {

namespace {

namespace uc = unicode;

inline Str* as_str(Object* o) { return static_cast<Str*>(o); }

}  // namespace

// ---- format(str, spec) ------------------------------------------------------------

Ref<Object> str_format_spec(Str* s, Str* spec) {
  if (spec->size == 0) {
    if (str_check_exact(s)) return borrow<Object>(s);
    return str_from(s->view());
  }
  FormatSpec fs;
  if (!parse_format_spec(spec->view(), &fs, "str", '<')) return nullptr;
  // CPython parses a str spec with the default type 's', which rejects
  // grouping while parsing ("Cannot specify ',' with 's'.").
  if (fs.grouping && (fs.type == U'\0' || fs.type == U's'))
    return set_errorf(exc::ValueError, "Cannot specify '%c' with 's'.", fs.grouping);
  std::string out;
  try {
    if (!format_str_spec(s->view(), fs, &out)) return nullptr;
  } catch (const std::bad_alloc&) {
    return no_memory_error();
  }
  return str_from(out);
}

// ---- str.format -----------------------------------------------------------------

namespace {

// Where field values come from: positional args + keywords (format) or a
// mapping (format_map).
struct FormatSource {
  Object* const* args = nullptr;
  size_t nargs = 0;
  Object* const* kwvalues = nullptr;   // values matching kwnames
  Tuple* kwnames = nullptr;
  Object* mapping = nullptr;           // format_map
  int auto_number = 0;                 // 0 unknown, 1 automatic, 2 manual
  int64_t next_auto = 0;
};

// Parses a run of decimal digits as a field index: -1 when the text is not
// all digits, -2 on overflow (error set).
int64_t parse_index(std::string_view text) {
  if (text.empty()) return -1;
  int64_t v = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return -1;
    if (v > (INT64_MAX - (c - '0')) / 10) {
      set_error(exc::ValueError, "Too many decimal digits in format string");
      return -2;
    }
    v = v * 10 + (c - '0');
  }
  return v;
}

Ref<Object> key_error(std::string_view key) {
  Ref<Object> k = str_from(key);
  if (!k) return nullptr;
  Object* kp = k.get();
  Ref<Tuple> args = tuple_pack({kp});
  if (!args) return nullptr;
  Ref<Object> e = new_exception_args(exc::KeyError, std::move(args));
  if (e) set_error_object(e.get());
  return nullptr;
}

// Resolves the first part of a field name (before any '.' or '[').
Ref<Object> lookup_first(FormatSource& src, std::string_view first) {
  int64_t index = -1;
  if (first.empty()) {
    if (src.auto_number == 2)
      return set_error(exc::ValueError,
                       "cannot switch from manual field specification to automatic field numbering");
    src.auto_number = 1;
    index = src.next_auto++;
  } else {
    index = parse_index(first);
    if (index == -2) return nullptr;
    if (index >= 0) {
      if (src.auto_number == 1)
        return set_error(exc::ValueError,
                         "cannot switch from automatic field numbering to manual field specification");
      src.auto_number = 2;
    }
  }
  if (index >= 0) {
    if (src.mapping) return set_error(exc::ValueError, "Format string contains positional fields");
    if (static_cast<size_t>(index) >= src.nargs)
      return set_errorf(exc::IndexError, "Replacement index %zd out of range for positional args tuple",
                        static_cast<ssize_t>(index));
    return borrow(src.args[index]);
  }
  if (src.mapping) {
    Ref<Object> key = str_from(first);
    if (!key) return nullptr;
    return getitem(src.mapping, key.get());
  }
  if (src.kwnames) {
    for (size_t i = 0; i < src.kwnames->size; ++i)
      if (str_view(src.kwnames->items[i]) == first) return borrow(src.kwvalues[i]);
  }
  return key_error(first);
}

// Resolves a whole field name: first part, then .attr and [key] steps.
Ref<Object> resolve_field(FormatSource& src, std::string_view name) {
  size_t i = 0;
  while (i < name.size() && name[i] != '.' && name[i] != '[') ++i;
  Ref<Object> obj = lookup_first(src, name.substr(0, i));
  if (!obj) return nullptr;
  while (i < name.size()) {
    char c = name[i++];
    if (c == '.') {
      size_t j = i;
      while (j < name.size() && name[j] != '.' && name[j] != '[') ++j;
      if (j == i) return set_error(exc::ValueError, "Empty attribute in format string");
      obj = getattr(obj.get(), name.substr(i, j - i));
      if (!obj) return nullptr;
      i = j;
    } else if (c == '[') {
      size_t j = name.find(']', i);
      if (j == std::string_view::npos) return set_error(exc::ValueError, "Missing ']' in format string");
      std::string_view key = name.substr(i, j - i);
      if (key.empty()) return set_error(exc::ValueError, "Empty attribute in format string");
      int64_t idx = parse_index(key);
      if (idx == -2) return nullptr;
      Ref<Object> k = idx >= 0 ? int_from_i64(idx) : Ref<Object>(str_from(key));
      if (!k) return nullptr;
      obj = getitem(obj.get(), k.get());
      if (!obj) return nullptr;
      i = j + 1;
      if (i < name.size() && name[i] != '.' && name[i] != '[')
        return set_error(exc::ValueError, "Only '.' or '[' may follow ']' in format field specifier");
    } else {
      return set_error(exc::ValueError, "Only '.' or '[' may follow ']' in format field specifier");
    }
  }
  return obj;
}

bool render(std::string_view fmt, FormatSource& src, int depth, std::string* out);

// Formats one field's value with its (already expanded) spec.
bool format_field(Object* value, uint32_t conv, std::string_view spec, std::string* out) {
  Ref<Object> converted;
  if (conv) {
    if (conv != 'r' && conv != 's' && conv != 'a') {
      if (conv > 32 && conv < 127)
        set_errorf(exc::ValueError, "Unknown conversion specifier %c", static_cast<int>(conv));
      else
        set_errorf(exc::ValueError, "Unknown conversion specifier \\x%x", static_cast<unsigned>(conv));
      return false;
    }
    if (conv == 'r') converted = repr(value);
    else if (conv == 'a') converted = ascii(value);
    else converted = str(value);
    if (!converted) return false;
    value = converted.get();
  }
  // Fast path: an exact str with an empty spec is copied as is.
  if (spec.empty() && str_check_exact(value)) {
    out->append(str_view(value));
    return true;
  }
  Ref<Object> spec_obj = str_from(spec);
  if (!spec_obj) return false;
  // Exact str values skip the __format__ method lookup.
  Ref<Object> r = str_check_exact(value) ? str_format_spec(as_str(value), as_str(spec_obj.get()))
                                         : format(value, spec_obj.get());
  if (!r) return false;
  out->append(str_view(r.get()));
  return true;
}

// Parses the field after '{' starting at fmt[*pos]; mirrors CPython's
// parse_field.  On success *pos is just past the closing '}'.
bool parse_field(std::string_view fmt, size_t* pos, std::string_view* name, uint32_t* conv,
                 std::string_view* spec, bool* spec_needs_expanding) {
  size_t i = *pos;
  size_t start = i;
  char c = 0;
  *conv = 0;
  *spec = {};
  *spec_needs_expanding = false;
  while (i < fmt.size()) {
    c = fmt[i++];
    if (c == '{') {
      set_error(exc::ValueError, "unexpected '{' in field name");
      return false;
    }
    if (c == '[') {
      while (i < fmt.size() && fmt[i] != ']') ++i;
      c = 0;
      continue;
    }
    if (c == '}' || c == ':' || c == '!') break;
    c = 0;
  }
  if (c == 0 && i >= fmt.size()) {
    set_error(exc::ValueError, "expected '}' before end of string");
    return false;
  }
  *name = fmt.substr(start, i - 1 - start);
  if (c == '}') { *pos = i; return true; }
  if (c == '!') {
    if (i >= fmt.size()) {
      set_error(exc::ValueError, "end of string while looking for conversion specifier");
      return false;
    }
    const char* p = fmt.data() + i;
    *conv = uc::decode_utf8(p);
    i = static_cast<size_t>(p - fmt.data());
    if (i < fmt.size()) {
      char d = fmt[i++];
      if (d == '}') { *pos = i; return true; }
      if (d != ':') {
        set_error(exc::ValueError, "expected ':' after conversion specifier");
        return false;
      }
    }
  }
  size_t spec_start = i;
  int count = 1;
  while (i < fmt.size()) {
    char d = fmt[i++];
    if (d == '{') {
      *spec_needs_expanding = true;
      ++count;
    } else if (d == '}') {
      if (--count == 0) {
        *spec = fmt.substr(spec_start, i - 1 - spec_start);
        *pos = i;
        return true;
      }
    }
  }
  set_error(exc::ValueError, "unmatched '{' in format spec");
  return false;
}

bool render(std::string_view fmt, FormatSource& src, int depth, std::string* out) {
  if (depth <= 0) {
    set_error(exc::ValueError, "Max string recursion exceeded");
    return false;
  }
  size_t i = 0, n = fmt.size();
  while (i < n) {
    // Literal text up to the next brace.
    size_t j = i;
    while (j < n && fmt[j] != '{' && fmt[j] != '}') ++j;
    out->append(fmt.substr(i, j - i));
    if (j >= n) break;
    char c = fmt[j];
    bool at_end = j + 1 >= n;
    if (c == '}' && (at_end || fmt[j + 1] != '}')) {
      set_error(exc::ValueError, "Single '}' encountered in format string");
      return false;
    }
    if (c == '{' && at_end) {
      set_error(exc::ValueError, "Single '{' encountered in format string");
      return false;
    }
    if (fmt[j + 1] == c) {   // '{{' or '}}'
      out->push_back(c);
      i = j + 2;
      continue;
    }
    size_t pos = j + 1;
    std::string_view name, spec;
    uint32_t conv;
    bool expand;
    if (!parse_field(fmt, &pos, &name, &conv, &spec, &expand)) return false;
    Ref<Object> value = resolve_field(src, name);
    if (!value) return false;
    if (expand) {
      std::string expanded;
      if (!render(spec, src, depth - 1, &expanded)) return false;
      if (!format_field(value.get(), conv, expanded, out)) return false;
    } else if (!format_field(value.get(), conv, spec, out)) {
      return false;
    }
    i = pos;
  }
  return true;
}

Ref<Object> run_format(Str* fmt, FormatSource& src) {
  std::string out;
  try {
    out.reserve(static_cast<size_t>(fmt->size) + 16);
    if (!render(fmt->view(), src, 2, &out)) return nullptr;
  } catch (const std::bad_alloc&) {
    return no_memory_error();
  }
  return str_from(out);
}

}  // namespace

Ref<Object> str_format_method(Str* fmt, Object* const* args, size_t nargs, Tuple* kwnames) {
  FormatSource src;
  src.args = args;
  src.nargs = nargs;
  src.kwnames = kwnames && kwnames->size ? kwnames : nullptr;
  src.kwvalues = args + nargs;
  return run_format(fmt, src);
}

Ref<Object> str_format_map(Str* fmt, Object* mapping) {
  FormatSource src;
  src.mapping = mapping;
  return run_format(fmt, src);
}

// ---- the % operator --------------------------------------------------------------------

namespace {

struct PercentState {
  Object* args = nullptr;     // the current argument source (borrowed or in owned_)
  Ref<Object> owned;          // value fetched by %(key)
  int64_t arglen = -1;        // tuple size, or -1 for a single value
  int64_t argidx = -2;
  Object* dict = nullptr;     // mapping for %(key), or null
  bool bytes = false;         // formatting bytes (PEP 461): raw bytes in and out
};

Object* next_arg(PercentState& st) {
  int64_t i = st.argidx;
  if (i < st.arglen) {
    ++st.argidx;
    if (st.arglen < 0) return st.args;
    return static_cast<Tuple*>(st.args)->items[i];
  }
  set_error(exc::TypeError, "not enough arguments for format string");
  return nullptr;
}

void pad_to_width(std::string* out, size_t start, int64_t width, int64_t nchars, bool left) {
  if (width <= nchars) return;
  size_t fill = static_cast<size_t>(width - nchars);
  if (left) out->append(fill, ' ');
  else out->insert(start, fill, ' ');
}

// bytes % (PEP 461): %s and %b take a bytes-like object (or __bytes__),
// %r and %a the ascii() of any object; the result is raw bytes.
bool percent_bytes_text(Object* v, const PercentSpec& ps, std::string* out) {
  std::string_view data;
  Ref<Object> holder;
  if (ps.conv == 'r' || ps.conv == 'a') {
    holder = ascii(v);
    if (!holder) return false;
    data = as_str(holder.get())->view();
  } else if (!bytes_like_view(v, &data)) {
    Ref<Object> conv = getattr_opt(v->type, intern("__bytes__"));
    if (!conv) {
      if (error_occurred()) return false;
      set_errorf(exc::TypeError,
                 "%%b requires a bytes-like object, or an object that implements __bytes__, not '%s'",
                 v->type->name);
      return false;
    }
    holder = call1(conv.get(), v);
    if (!holder) return false;
    if (!bytes_check(holder.get())) {
      set_errorf(exc::TypeError, "__bytes__ returned non-bytes (type %T)", holder.get());
      return false;
    }
    bytes_like_view(holder.get(), &data);
  }
  int64_t n = static_cast<int64_t>(data.size());
  if (ps.precision >= 0 && ps.precision < n) {
    data = data.substr(0, static_cast<size_t>(ps.precision));
    n = ps.precision;
  }
  size_t start = out->size();
  out->append(data);
  pad_to_width(out, start, ps.width, n, ps.left);
  return true;
}

bool percent_bytes_char(Object* v, const PercentSpec& ps, std::string* out) {
  std::string_view one;
  int64_t x = -1;
  if (bytes_like_view(v, &one) && (bytes_check(v) || bytearray_check(v))) {
    if (one.size() != 1) {
      set_error(exc::TypeError, "%c requires an integer in range(256) or a single byte");
      return false;
    }
    x = static_cast<unsigned char>(one[0]);
  } else if (int_check(v) || v->type->nb_index) {
    Ref<Object> iv = index(v);
    if (!iv) return false;
    if (!int_fits_i64(iv.get(), &x) || x < 0 || x > 255) {
      set_error(exc::OverflowError, "%c arg not in range(256)");
      return false;
    }
  } else {
    set_error(exc::TypeError, "%c requires an integer in range(256) or a single byte");
    return false;
  }
  size_t start = out->size();
  out->push_back(static_cast<char>(x));
  pad_to_width(out, start, ps.width, 1, ps.left);
  return true;
}

// %s %r %a: the text, truncated to `prec` characters, padded to `width`.
bool percent_text(Object* v, const PercentSpec& ps, std::string* out) {
  Ref<Object> s;
  if (ps.conv == 's') s = str(v);
  else if (ps.conv == 'r') s = repr(v);
  else s = ascii(v);
  if (!s) return false;
  Str* t = as_str(s.get());
  std::string_view text = t->view();
  int64_t nchars = t->length;
  if (ps.precision >= 0 && ps.precision < nchars) {
    text = text.substr(0, str_byte_offset(t, ps.precision));
    nchars = ps.precision;
  }
  size_t start = out->size();
  out->append(text);
  pad_to_width(out, start, ps.width, nchars, ps.left);
  return true;
}

bool percent_char(Object* v, const PercentSpec& ps, std::string* out) {
  uint32_t cp;
  if (str_check(v)) {
    if (as_str(v)->length != 1) {
      set_error(exc::TypeError, "%c requires int or char");
      return false;
    }
    const char* p = as_str(v)->data;
    cp = uc::decode_utf8(p);
  } else if (int_check(v) || v->type->nb_index) {
    Ref<Object> iv = index(v);
    if (!iv) return false;
    int64_t x;
    if (!int_fits_i64(iv.get(), &x) || x < 0 || x > 0x10FFFF) {
      set_error(exc::OverflowError, "%c arg not in range(0x110000)");
      return false;
    }
    cp = static_cast<uint32_t>(x);
  } else {
    set_error(exc::TypeError, "%c requires int or char");
    return false;
  }
  size_t start = out->size();
  uc::append_utf8(*out, cp);
  pad_to_width(out, start, ps.width, 1, ps.left);
  return true;
}

// Reads a '*' width/precision argument ("* wants int").
bool star_arg(PercentState& st, int64_t* out) {
  Object* v = next_arg(st);
  if (!v) return false;
  if (!int_check(v)) {
    set_error(exc::TypeError, "* wants int");
    return false;
  }
  if (!int_fits_i64(v, out) || *out > INT32_MAX || *out < -INT32_MAX) {
    set_error(exc::ValueError, "width too big");
    return false;
  }
  return true;
}

// Formats one conversion starting just after '%' at fmt[*pos].
bool percent_one(std::string_view fmt, size_t* pos, PercentState& st, std::string* out) {
  size_t i = *pos;
  size_t n = fmt.size();
  auto incomplete = [&]() {
    set_error(exc::ValueError, "incomplete format");
    return false;
  };
  if (i < n && fmt[i] == '(') {
    // %(key)s: the key may itself contain balanced parentheses.
    size_t k = ++i;
    int depth = 1;
    while (i < n && depth > 0) {
      if (fmt[i] == ')') --depth;
      else if (fmt[i] == '(') ++depth;
      ++i;
    }
    if (depth > 0) {
      set_error(exc::ValueError, "incomplete format key");
      return false;
    }
    if (!st.dict) {
      set_error(exc::TypeError, "format requires a mapping");
      return false;
    }
    Ref<Object> key = st.bytes ? bytes_from(fmt.substr(k, i - 1 - k)) : Ref<Object>(str_from(fmt.substr(k, i - 1 - k)));
    if (!key) return false;
    Ref<Object> v = getitem(st.dict, key.get());
    if (!v) return false;
    st.owned = std::move(v);
    st.args = st.owned.get();
    st.arglen = -1;
    st.argidx = -2;
  }
  PercentSpec ps;
  for (; i < n; ++i) {
    char c = fmt[i];
    if (c == '-') ps.left = true;
    else if (c == '+') ps.plus = true;
    else if (c == ' ') ps.space = true;
    else if (c == '#') ps.alt = true;
    else if (c == '0') ps.zero = true;
    else break;
  }
  if (i < n && fmt[i] == '*') {
    if (!star_arg(st, &ps.width)) return false;
    if (ps.width < 0) { ps.left = true; ps.width = -ps.width; }
    ++i;
  } else {
    int64_t w = -1;
    while (i < n && fmt[i] >= '0' && fmt[i] <= '9') {
      if (w < 0) w = 0;
      w = w * 10 + (fmt[i++] - '0');
      if (w > INT32_MAX) {
        set_error(exc::ValueError, "width too big");
        return false;
      }
    }
    ps.width = w;
  }
  if (i < n && fmt[i] == '.') {
    ++i;
    ps.precision = 0;
    if (i < n && fmt[i] == '*') {
      if (!star_arg(st, &ps.precision)) return false;
      if (ps.precision < 0) ps.precision = 0;
      ++i;
    } else {
      int64_t p = 0;
      while (i < n && fmt[i] >= '0' && fmt[i] <= '9') {
        p = p * 10 + (fmt[i++] - '0');
        if (p > INT32_MAX) {
          set_error(exc::ValueError, "precision too big");
          return false;
        }
      }
      ps.precision = p;
    }
  }
  while (i < n && (fmt[i] == 'h' || fmt[i] == 'l' || fmt[i] == 'L')) ++i;
  if (i >= n) return incomplete();
  const char* cp_start = fmt.data() + i;
  const char* p = cp_start;
  // bytes formats are raw bytes: one byte is one conversion character.
  uint32_t conv = st.bytes ? static_cast<unsigned char>(*p++) : uc::decode_utf8(p);
  i = static_cast<size_t>(p - fmt.data());
  Object* v = next_arg(st);
  if (!v) return false;
  *pos = i;
  if (st.bytes && (conv == 's' || conv == 'b' || conv == 'r' || conv == 'a')) {
    ps.conv = static_cast<char>(conv);
    return percent_bytes_text(v, ps, out);
  }
  if (st.bytes && conv == 'c') return percent_bytes_char(v, ps, out);
  switch (conv) {
    case 's': case 'r': case 'a':
      ps.conv = static_cast<char>(conv);
      return percent_text(v, ps, out);
    case 'c':
      return percent_char(v, ps, out);
    case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
      ps.conv = static_cast<char>(conv);
      return percent_format_int(v, ps, out);
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
      ps.conv = static_cast<char>(conv);
      return percent_format_float(v, ps, out);
    default: {
      // The index is in code points (bytes for bytes), of the conversion character.
      int64_t idx = st.bytes ? static_cast<int64_t>(cp_start - fmt.data())
                             : uc::utf8_count(fmt.data(), static_cast<size_t>(cp_start - fmt.data()));
      set_errorf(exc::ValueError, "unsupported format character '%c' (0x%x) at index %zd",
                 (conv >= 31 && conv <= 126) ? static_cast<int>(conv) : '?', static_cast<unsigned>(conv),
                 static_cast<ssize_t>(idx));
      return false;
    }
  }
}

bool percent_render(std::string_view fmt, PercentState& st, std::string* out) {
  size_t i = 0, n = fmt.size();
  while (i < n) {
    const void* hit = std::memchr(fmt.data() + i, '%', n - i);
    size_t j = hit ? static_cast<size_t>(static_cast<const char*>(hit) - fmt.data()) : n;
    out->append(fmt.substr(i, j - i));
    if (j >= n) break;
    if (j + 1 < n && fmt[j + 1] == '%') {
      out->push_back('%');
      i = j + 2;
      continue;
    }
    size_t pos = j + 1;
    if (!percent_one(fmt, &pos, st, out)) return false;
    i = pos;
  }
  return true;
}

}  // namespace

Ref<Object> str_percent_format(Str* fmt, Object* args) {
  PercentState st;
  st.args = args;
  if (tuple_check(args)) {
    st.arglen = static_cast<int64_t>(static_cast<Tuple*>(args)->size);
    st.argidx = 0;
  }
  // PyMapping_Check(args) && !PyTuple_Check(args) && !PyUnicode_Check(args)
  if (args->type->mp_subscript && !tuple_check(args) && !str_check(args)) st.dict = args;
  std::string out;
  try {
    out.reserve(static_cast<size_t>(fmt->size) + 16);
    if (!percent_render(fmt->view(), st, &out)) return nullptr;
  } catch (const std::bad_alloc&) {
    return no_memory_error();
  }
  if (st.argidx < st.arglen && !st.dict)
    return set_error(exc::TypeError, "not all arguments converted during string formatting");
  return str_from(out);
}

Ref<Object> bytes_percent_format(std::string_view fmt, Object* args) {
  PercentState st;
  st.bytes = true;
  st.args = args;
  if (tuple_check(args)) {
    st.arglen = static_cast<int64_t>(static_cast<Tuple*>(args)->size);
    st.argidx = 0;
  }
  std::string_view probe;
  if (args->type->mp_subscript && !tuple_check(args) && !bytes_like_view(args, &probe)) st.dict = args;
  std::string out;
  try {
    out.reserve(fmt.size() + 16);
    if (!percent_render(fmt, st, &out)) return nullptr;
  } catch (const std::bad_alloc&) {
    return no_memory_error();
  }
  if (st.argidx < st.arglen && !st.dict)
    return set_error(exc::TypeError, "not all arguments converted during bytes formatting");
  return bytes_from(out);
}

}  // namespace coil::runtime
