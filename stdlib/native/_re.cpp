// _re.cpp — the `_re` module: the regular-expression engine under
// stdlib/lib/re.py, built on PCRE2 (8-bit code units).
//
// DIVISION OF LABOUR.  re.py parses the Python pattern syntax first: it
// reports CPython's error messages ("nothing to repeat at position 0" ...)
// and rewrites the few constructs PCRE2 spells differently (\Z -> \z,
// \uXXXX -> \x{XXXX}, {,n} -> {0,n}, inline (?a)/(?u)/(?L) flags).  This
// file only compiles the translated pattern and runs matches; the Pattern
// and Match objects are Python classes over the span tuples returned here.
//
// TEXT.  A str is stored as UTF-8, so str patterns compile with PCRE2_UTF
// (and PCRE2_UCP unless re.ASCII, making \d \w \s \b Unicode-aware, as in
// Python); bytes patterns compile with neither.  PCRE2 reports byte
// offsets; Python wants code points.  Subject builds a byte -> code point
// table once per call for non-ASCII strings (ASCII strings need none).
//
// MATCH RESULTS are flat tuples (start0, end0, start1, end1, ...) in code
// points, -1 for groups that did not take part.
//
// SCANNING (finditer, findall, sub, split) happens here in one call: after
// an empty match at position p, the next attempt at p must be non-empty
// (PCRE2_NOTEMPTY_ATSTART | PCRE2_ANCHORED), and if that fails the search
// resumes one character later — exactly Python 3.7+'s rules for empty
// matches (re.sub('x*', '-', 'abxd') == '-a-b--d-').
//
// GIL: pcre2_match is pure computation on a private copy of nothing — it
// reads the subject in place — so it cannot release the GIL safely while
// the subject may be mutated (bytearray); left holding it.
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/memoryview.h"
#include "runtime/module.h"
#include "runtime/singletons.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "stdlib/native/modules.h"

namespace coil::runtime {

TypeObject ReCodeType;

namespace {

// Python's flag values (re.I ...).
constexpr int64_t kIgnoreCase = 2;
constexpr int64_t kMultiline = 8;
constexpr int64_t kDotAll = 16;
constexpr int64_t kVerbose = 64;
constexpr int64_t kAscii = 256;

struct ReCode : Object {
  pcre2_code* code = nullptr;
  bool is_bytes = false;
  uint32_t ngroups = 0;
};

inline ReCode* as_code(Object* o) { return static_cast<ReCode*>(o); }

// ---- subjects ------------------------------------------------------------------------------

// The text being matched and the mapping between byte and code point offsets.
struct Subject {
  std::string_view data;
  bool ascii = true;                // byte offset == code point offset
  std::vector<int64_t> byte_to_cp;  // for non-ASCII str subjects (size+1 entries)
  int64_t cp_length = 0;

  bool init(Object* o, bool want_bytes) {
    if (!want_bytes) {
      Str* s = static_cast<Str*>(o);
      data = s->view();
      cp_length = s->length;
      ascii = s->ascii;
      if (!ascii) {
        byte_to_cp.assign(data.size() + 1, 0);
        int64_t cp = 0;
        for (size_t b = 0; b < data.size(); b++) {
          byte_to_cp[b] = cp;
          if ((static_cast<unsigned char>(data[b]) & 0xC0) != 0x80) cp++;
          // continuation bytes map to the code point they belong to
          else byte_to_cp[b] = cp - 1;
        }
        byte_to_cp[data.size()] = cp;
      }
      return true;
    }
    if (!contiguous_buffer_view(o, &data)) {
      set_errorf(exc::TypeError, "expected string or bytes-like object, got '%T'", o);
      return false;
    }
    cp_length = static_cast<int64_t>(data.size());
    return true;
  }

  int64_t cp(size_t byte) const { return ascii ? static_cast<int64_t>(byte) : byte_to_cp[byte]; }

  // Byte offset of code point `c` (clamped to [0, length]).
  size_t byte(int64_t c) const {
    if (c <= 0) return 0;
    if (c >= cp_length) return data.size();
    if (ascii) return static_cast<size_t>(c);
    // Binary search the monotone table for the first byte of code point c.
    size_t lo = 0, hi = data.size();
    while (lo < hi) {
      size_t mid = (lo + hi) / 2;
      if (byte_to_cp[mid] < c) lo = mid + 1;
      else hi = mid;
    }
    while (lo > 0 && (static_cast<unsigned char>(data[lo]) & 0xC0) == 0x80) lo--;
    return lo;
  }
};

// ---- compiling -------------------------------------------------------------------------------

Ref<Object> compile_error(int code, PCRE2_SIZE offset, std::string_view pattern, bool is_bytes) {
  PCRE2_UCHAR buf[256];
  pcre2_get_error_message(code, buf, sizeof buf);
  int64_t pos = static_cast<int64_t>(offset);
  if (!is_bytes) {
    // The offset counts bytes of the UTF-8 pattern: count code points.
    pos = 0;
    for (size_t b = 0; b < offset && b < pattern.size(); b++)
      if ((static_cast<unsigned char>(pattern[b]) & 0xC0) != 0x80) pos++;
  }
  Ref<Object> c = int_from_i64(code), msg = str_from(reinterpret_cast<const char*>(buf)), p = int_from_i64(pos);
  if (!c || !msg || !p) return nullptr;
  return tuple_pack({c.get(), msg.get(), p.get()});
}

// compile(pattern, flags) -> code object, or (errcode, message, position).
Ref<Object> re_compile(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  if (!check_nargs("compile", nargs, 2, 2)) return nullptr;
  Object* pat = args[0];
  int64_t flags;
  if (!index_to_i64(args[1], &flags)) return nullptr;
  bool is_bytes = !str_check(pat);
  std::string_view text;
  if (is_bytes && !bytes_like_view(pat, &text)) return set_errorf(exc::TypeError, "first argument must be string or compiled pattern");
  if (!is_bytes) text = str_view(pat);
  uint32_t options = 0;
  if (!is_bytes) {
    options |= PCRE2_UTF | PCRE2_MATCH_INVALID_UTF;
    if (!(flags & kAscii)) options |= PCRE2_UCP;
  }
  if (flags & kIgnoreCase) options |= PCRE2_CASELESS;
  if (flags & kMultiline) options |= PCRE2_MULTILINE;
  if (flags & kDotAll) options |= PCRE2_DOTALL;
  if (flags & kVerbose) options |= PCRE2_EXTENDED;
  int err = 0;
  PCRE2_SIZE erroff = 0;
  pcre2_code* code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(text.data()), text.size(), options, &err, &erroff, nullptr);
  if (!code) return compile_error(err, erroff, text, is_bytes);
  pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);   // optional speed-up; falls back to the interpreter
  ReCode* rc = alloc<ReCode>(&ReCodeType);
  if (!rc) {
    pcre2_code_free(code);
    return nullptr;
  }
  rc->code = code;
  rc->is_bytes = is_bytes;
  pcre2_pattern_info(code, PCRE2_INFO_CAPTURECOUNT, &rc->ngroups);
  return steal(static_cast<Object*>(rc));
}

// ---- matching -------------------------------------------------------------------------------

struct MatchData {
  pcre2_match_data* md;
  explicit MatchData(pcre2_code* code) : md(pcre2_match_data_create_from_pattern(code, nullptr)) {}
  ~MatchData() { pcre2_match_data_free(md); }
};

// Runs one match; 1 matched, 0 no match, -1 error set.
int run(ReCode* rc, const Subject& s, size_t end_byte, size_t start_byte, uint32_t options, MatchData& m) {
  int r = pcre2_match(rc->code, reinterpret_cast<PCRE2_SPTR>(s.data.data()), end_byte, start_byte, options, m.md, nullptr);
  if (r >= 0) return 1;
  if (r == PCRE2_ERROR_NOMATCH) return 0;
  PCRE2_UCHAR buf[256];
  pcre2_get_error_message(r, buf, sizeof buf);
  if (r == PCRE2_ERROR_MATCHLIMIT || r == PCRE2_ERROR_DEPTHLIMIT || r == PCRE2_ERROR_HEAPLIMIT)
    set_errorf(exc::RecursionError, "maximum recursion limit exceeded (%s)", reinterpret_cast<const char*>(buf));
  else
    set_errorf(exc::RuntimeError, "regular expression engine error: %s", reinterpret_cast<const char*>(buf));
  return -1;
}

// The flat span tuple of the current match.
Ref<Object> spans(ReCode* rc, const Subject& s, MatchData& m) {
  PCRE2_SIZE* ov = pcre2_get_ovector_pointer(m.md);
  size_t n = 2 * (rc->ngroups + 1);
  Ref<Tuple> t = tuple_new(n);
  if (!t) return nullptr;
  for (size_t i = 0; i < n; i++) {
    int64_t v = ov[i] == PCRE2_UNSET ? -1 : s.cp(ov[i]);
    Ref<Object> x = int_from_i64(v);
    if (!x) return nullptr;
    tuple_set(t.get(), i, std::move(x));
  }
  return t;
}

bool subject_args(ReCode* rc, Object* const* args, size_t nargs, Subject* s, size_t* start, size_t* end) {
  if (!s->init(args[0], rc->is_bytes)) return false;
  int64_t pos = 0, endpos = s->cp_length;
  if (nargs > 1 && !index_to_i64(args[1], &pos)) return false;
  if (nargs > 2 && !index_to_i64(args[2], &endpos)) return false;
  if (pos < 0) pos = 0;
  if (endpos > s->cp_length) endpos = s->cp_length;
  if (endpos < 0) endpos = 0;
  *start = s->byte(pos);
  *end = s->byte(endpos);
  if (*start > *end) *start = *end + 1;   // no match possible
  return true;
}

// code.match(string, pos, endpos, mode): mode 0 search, 1 match, 2 fullmatch.
Ref<Object> code_match(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  if (!check_nargs("match", nargs, 4, 4)) return nullptr;
  ReCode* rc = as_code(self);
  Subject s;
  size_t start, end;
  if (!subject_args(rc, args, 3, &s, &start, &end)) return nullptr;
  int64_t mode;
  if (!index_to_i64(args[3], &mode)) return nullptr;
  if (start > end) return none();
  uint32_t options = 0;
  if (mode >= 1) options |= PCRE2_ANCHORED;
  if (mode == 2) options |= PCRE2_ENDANCHORED;
  MatchData m(rc->code);
  int r = run(rc, s, end, start, options, m);
  if (r < 0) return nullptr;
  if (r == 0) return none();
  return spans(rc, s, m);
}

// code.scan(string, pos, endpos, maxcount) -> [spans, ...] (see the essay).
Ref<Object> code_scan(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  if (!check_nargs("scan", nargs, 4, 4)) return nullptr;
  ReCode* rc = as_code(self);
  Subject s;
  size_t start, end;
  if (!subject_args(rc, args, 3, &s, &start, &end)) return nullptr;
  int64_t maxcount;
  if (!index_to_i64(args[3], &maxcount)) return nullptr;
  Ref<List> out = list_new();
  if (!out) return nullptr;
  if (start > end) return out;
  MatchData m(rc->code);
  size_t pos = start;
  bool after_empty = false;
  while (maxcount <= 0 || static_cast<int64_t>(out->size) < maxcount) {
    if (pos > end) break;
    uint32_t options = after_empty ? (PCRE2_NOTEMPTY_ATSTART | PCRE2_ANCHORED) : 0;
    int r = run(rc, s, end, pos, options, m);
    if (r < 0) return nullptr;
    if (r == 0) {
      if (!after_empty) break;
      // No non-empty match here: step over one character and search again.
      after_empty = false;
      if (pos >= end) break;
      pos++;
      if (!rc->is_bytes)
        while (pos < end && (static_cast<unsigned char>(s.data[pos]) & 0xC0) == 0x80) pos++;
      continue;
    }
    PCRE2_SIZE* ov = pcre2_get_ovector_pointer(m.md);
    Ref<Object> t = spans(rc, s, m);
    if (!t || !list_append(out.get(), t.get())) return nullptr;
    after_empty = ov[0] == ov[1];
    pos = ov[1];
  }
  return out;
}

// code.groupindex() -> {name: number}
Ref<Object> code_groupindex(Object* self, Object* const*, size_t, Tuple*) {
  ReCode* rc = as_code(self);
  uint32_t count = 0, entry = 0;
  PCRE2_SPTR table = nullptr;
  pcre2_pattern_info(rc->code, PCRE2_INFO_NAMECOUNT, &count);
  pcre2_pattern_info(rc->code, PCRE2_INFO_NAMEENTRYSIZE, &entry);
  pcre2_pattern_info(rc->code, PCRE2_INFO_NAMETABLE, &table);
  Ref<Dict> d = dict_new();
  if (!d) return nullptr;
  std::vector<std::pair<int, std::string>> names;
  for (uint32_t i = 0; i < count; i++) {
    PCRE2_SPTR e = table + i * entry;
    int num = (e[0] << 8) | e[1];
    names.emplace_back(num, reinterpret_cast<const char*>(e + 2));
  }
  // The name table is sorted by name; Python lists groups in pattern order.
  std::sort(names.begin(), names.end());
  for (auto& [num, name] : names) {
    Ref<Object> k = str_from(name), v = int_from_i64(num);
    if (!k || !v || dict_set(d.get(), k.get(), v.get()) < 0) return nullptr;
  }
  return d;
}

Ref<Object> code_get_groups(Object* self) { return int_from_i64(as_code(self)->ngroups); }

void code_dealloc(Object* self) {
  ReCode* rc = as_code(self);
  if (rc->code) pcre2_code_free(rc->code);
  destroy_object(rc);
}

const MethodDef code_methods[] = {
    {"match", code_match},
    {"scan", code_scan},
    {"groupindex", code_groupindex},
    {nullptr},
};

const GetSetDef code_getset[] = {
    {"groups", code_get_groups},
    {nullptr},
};

const MethodDef re_functions[] = {
    {"compile", re_compile},
    {nullptr},
};

bool init_code_type() {
  static bool ready = false;
  if (ready) return true;
  TypeObject& t = ReCodeType;
  t.type = &TypeType;
  t.base = &ObjectType;
  t.name = "_re.Code";
  t.basic_size = sizeof(ReCode);
  t.dealloc = code_dealloc;
  t.methods = code_methods;
  t.getset = code_getset;
  if (!type_ready(&t)) return false;
  ready = true;
  return true;
}

}  // namespace

Ref<Object> make_re_module() {
  if (!init_code_type()) return nullptr;
  Ref<Object> m = module_new_builtin("_re");
  if (!m || !module_add_functions(m.get(), re_functions)) return nullptr;
  return m;
}

}  // namespace coil::runtime
