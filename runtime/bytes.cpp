// bytes.cpp — bytes, bytearray and the text codecs.
//
// bytes is laid out like str (runtime/str.cpp): header, cached hash, size
// and the bytes inline, NUL-terminated; b'' and the 256 one-byte strings
// are cached singletons.  bytearray owns a separate buffer that grows
// geometrically, like list's item array, so append is amortised O(1).
//
// Most methods exist on both types with the same behaviour; they are
// written once over std::string_view and build their result with the
// constructor of self's type (bytes methods return bytes, bytearray
// methods bytearray), as CPython's Objects/bytes_methods.c shares code.
//
// The codecs (utf-8, ascii, latin-1 with the usual error handlers) live
// here too because they are the bridge between str and bytes; their
// UnicodeDecodeError/UnicodeEncodeError carry CPython's five arguments so
// that the exception's str() reads exactly like CPython's.
#include "runtime/bytes.h"

#include <algorithm>
#include <climits>
#include <cstring>
#include <new>
#include <string>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/memoryview.h"
#include "runtime/sequtil.h"
#include "runtime/singletons.h"
#include "runtime/slice.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"
#include "runtime/unicode.h"

namespace coil::runtime {

TypeObject BytesType;
TypeObject ByteArrayType;
TypeObject BytesIterType;
TypeObject ByteArrayIterType;

namespace {

namespace uc = unicode;

Bytes* g_empty_bytes = nullptr;
Bytes* g_byte_cache[256] = {};

inline Bytes* as_bytes(Object* o) { return static_cast<Bytes*>(o); }
inline ByteArray* as_ba(Object* o) { return static_cast<ByteArray*>(o); }

}  // namespace

bool bytes_check(const Object* o) {
  return o->type == &BytesType || type_has(o->type, kBytesSubclass);
}

bool bytearray_check(const Object* o) {
  return o->type == &ByteArrayType || is_subtype(o->type, &ByteArrayType);
}

bool bytes_like_view(Object* o, std::string_view* out) {
  if (bytes_check(o)) { *out = as_bytes(o)->view(); return true; }
  if (bytearray_check(o)) { *out = as_ba(o)->view(); return true; }
  // memoryview and array.array: any contiguous buffer (runtime/memoryview.h).
  return contiguous_buffer_view(o, out);
}

// ---- construction ------------------------------------------------------------------

Ref<Bytes> bytes_alloc(size_t size) {
  if (size > static_cast<size_t>(INT64_MAX) - sizeof(Bytes) - 64) {
    no_memory();
    return nullptr;
  }
  Bytes* b = alloc<Bytes>(&BytesType, size);
  if (!b) return nullptr;
  b->size = static_cast<int64_t>(size);
  b->data[size] = '\0';
  return steal(b);
}

namespace {

Ref<Bytes> bytes_alloc_type(TypeObject* type, size_t size) {
  if (type == &BytesType) return bytes_alloc(size);
  Bytes* b = alloc_instance<Bytes>(type, &BytesType, size);
  if (!b) return nullptr;
  b->size = static_cast<int64_t>(size);
  b->data[size] = '\0';
  return steal(b);
}

Bytes* immortal_bytes(std::string_view v) {
  Ref<Bytes> b = bytes_alloc(v.size());
  if (!b) return nullptr;
  if (!v.empty()) std::memcpy(b->data, v.data(), v.size());
  return b.release();
}

}  // namespace

Ref<Object> bytes_empty() {
  if (!g_empty_bytes) g_empty_bytes = immortal_bytes({});
  return borrow<Object>(g_empty_bytes);
}

Ref<Object> bytes_from(std::string_view data) {
  if (data.empty()) return bytes_empty();
  if (data.size() == 1) {
    auto c = static_cast<unsigned char>(data[0]);
    if (!g_byte_cache[c]) g_byte_cache[c] = immortal_bytes(data);
    return borrow<Object>(g_byte_cache[c]);
  }
  Ref<Bytes> b = bytes_alloc(data.size());
  if (!b) return nullptr;
  if (!data.empty()) std::memcpy(b->data, data.data(), data.size());
  return b;
}

namespace {

// Makes sure `ba` can hold `need` bytes (+ NUL); grows by 1/8 + 16 like
// CPython's bytearray so repeated appends stay amortised O(1).
bool ba_reserve(ByteArray* ba, size_t need) {
  if (need <= ba->capacity && ba->data) return true;
  size_t cap = std::max(need, ba->size + (ba->size >> 3) + 16);
  if (cap >= static_cast<size_t>(INT64_MAX) / 2) { no_memory(); return false; }
  char* nd = static_cast<char*>(mem_alloc(cap + 1));
  if (!nd) { no_memory(); return false; }
  if (ba->data) {
    std::memcpy(nd, ba->data, ba->size);
    mem_free(ba->data);
  }
  nd[ba->size] = '\0';
  ba->data = nd;
  ba->capacity = cap;
  return true;
}

bool ba_assign(ByteArray* ba, std::string_view v) {
  // A live memoryview pins the buffer: no resizing (runtime/memoryview.h).
  if (v.size() != ba->size && !check_resizable(ba)) return false;
  if (!ba_reserve(ba, v.size())) return false;
  std::memmove(ba->data, v.data(), v.size());
  ba->size = v.size();
  ba->data[ba->size] = '\0';
  return true;
}

Ref<Object> bytearray_alloc_type(TypeObject* type) {
  ByteArray* ba = alloc_instance<ByteArray>(type, &ByteArrayType);
  if (!ba) return nullptr;
  return steal<Object>(ba);
}

}  // namespace

Ref<Object> bytearray_from(std::string_view data) {
  Ref<Object> r = bytearray_alloc_type(&ByteArrayType);
  if (!r || !ba_assign(as_ba(r.get()), data)) return nullptr;
  return r;
}

// ---- repr -----------------------------------------------------------------------------

std::string bytes_repr_utf8(std::string_view data) {
  static const char hex[] = "0123456789abcdef";
  bool single = data.find('\'') != std::string_view::npos;
  bool dbl = data.find('"') != std::string_view::npos;
  char quote = (single && !dbl) ? '"' : '\'';
  std::string out;
  out.reserve(data.size() + 3);
  out += 'b';
  out += quote;
  for (unsigned char c : data) {
    if (c == static_cast<unsigned char>(quote) || c == '\\') { out += '\\'; out += static_cast<char>(c); }
    else if (c == '\t') out += "\\t";
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c < 0x20 || c >= 0x7F) { out += "\\x"; out += hex[c >> 4]; out += hex[c & 15]; }
    else out += static_cast<char>(c);
  }
  out += quote;
  return out;
}

// ---- codecs --------------------------------------------------------------------------------

namespace {

enum class Codec { Utf8, Ascii, Latin1, Unknown };

// CPython's normalisation: case-insensitive, '-' and ' ' equal '_'.
Codec lookup_codec(const char* name) {
  std::string n;
  for (const char* p = name; *p; ++p) {
    char c = *p;
    if (c == '-' || c == ' ') c = '_';
    n += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  if (n == "utf_8" || n == "utf8" || n == "u8" || n == "utf" || n == "cp65001" || n == "utf8_ucs2" ||
      n == "utf8_ucs4")
    return Codec::Utf8;
  if (n == "ascii" || n == "us_ascii" || n == "646" || n == "us" || n == "ansi_x3.4_1968" || n == "cp367")
    return Codec::Ascii;
  if (n == "latin_1" || n == "latin1" || n == "latin" || n == "l1" || n == "iso_8859_1" ||
      n == "iso8859_1" || n == "8859" || n == "cp819" || n == "iso_ir_100" || n == "iso8859")
    return Codec::Latin1;
  return Codec::Unknown;
}

const char* codec_name(Codec c) {
  return c == Codec::Utf8 ? "utf-8" : c == Codec::Ascii ? "ascii" : "latin-1";
}

enum class Handler { Strict, Ignore, Replace, BackslashReplace, XmlCharRefReplace, SurrogateEscape,
                     SurrogatePass, Unknown };

Handler lookup_handler(const char* errors) {
  std::string_view e = errors ? errors : "strict";
  if (e == "strict") return Handler::Strict;
  if (e == "ignore") return Handler::Ignore;
  if (e == "replace") return Handler::Replace;
  if (e == "backslashreplace") return Handler::BackslashReplace;
  if (e == "xmlcharrefreplace") return Handler::XmlCharRefReplace;
  if (e == "surrogateescape") return Handler::SurrogateEscape;
  if (e == "surrogatepass") return Handler::SurrogatePass;
  return Handler::Unknown;
}

// Raises UnicodeDecodeError/UnicodeEncodeError(encoding, object, start, end, reason).
Ref<Object> raise_unicode_error(TypeObject* type, Codec codec, Object* obj, int64_t start, int64_t end,
                                const char* reason) {
  Ref<Object> enc = str_from(codec_name(codec));
  Ref<Object> s = int_from_i64(start);
  Ref<Object> e = int_from_i64(end);
  Ref<Object> r = str_from(reason);
  if (!enc || !s || !e || !r) return nullptr;
  Object* args[5] = {enc.get(), obj, s.get(), e.get(), r.get()};
  Ref<Object> exc = call(type, args, 5);
  if (!exc) return nullptr;
  return set_error_object(exc.get());
}

Ref<Object> unknown_handler(const char* errors) {
  return set_errorf(exc::LookupError, "unknown error handler name '%s'", errors);
}

void append_hex_escape(std::string& out, uint32_t v, int digits, char kind) {
  static const char hex[] = "0123456789abcdef";
  out += '\\';
  out += kind;
  for (int sh = (digits - 1) * 4; sh >= 0; sh -= 4) out += hex[(v >> sh) & 15];
}

// Applies a decode error handler to the bad bytes [b, e); false: raise.
bool decode_fallback(Handler h, std::string_view data, size_t b, size_t e, std::string& out) {
  switch (h) {
    case Handler::Ignore: return true;
    case Handler::Replace: uc::append_utf8(out, 0xFFFD); return true;
    case Handler::BackslashReplace:
      for (size_t i = b; i < e; ++i) append_hex_escape(out, static_cast<unsigned char>(data[i]), 2, 'x');
      return true;
    case Handler::SurrogateEscape:
      for (size_t i = b; i < e; ++i) {
        auto c = static_cast<unsigned char>(data[i]);
        if (c < 0x80) return false;
      }
      for (size_t i = b; i < e; ++i) uc::append_utf8(out, 0xDC00 + static_cast<unsigned char>(data[i]));
      return true;
    default: return false;
  }
}

Ref<Object> decode_error(Codec codec, std::string_view data, size_t b, size_t e, const char* reason) {
  Ref<Object> obj = bytes_from(data);
  if (!obj) return nullptr;
  return raise_unicode_error(exc::UnicodeDecodeError, codec, obj.get(), static_cast<int64_t>(b),
                             static_cast<int64_t>(e), reason);
}

Ref<Object> decode_utf8_slow(std::string_view data, const char* errors) {
  Handler h = lookup_handler(errors);
  std::string out;
  size_t pos = 0;
  while (pos < data.size()) {
    int64_t len;
    uc::Utf8Error err;
    if (uc::utf8_check(data.data() + pos, data.size() - pos, &len, &err)) {
      out.append(data.substr(pos));
      break;
    }
    size_t b = pos + err.start, e = pos + err.end;
    out.append(data.substr(pos, b - pos));
    if (h == Handler::Unknown) return unknown_handler(errors);
    if (!decode_fallback(h, data, b, e, out)) return decode_error(Codec::Utf8, data, b, e, err.reason);
    pos = e;
  }
  return str_from(out);
}

}  // namespace

Ref<Object> str_decode_utf8(std::string_view data, const char* errors) {
  int64_t len;
  uc::Utf8Error err;
  if (uc::utf8_check(data.data(), data.size(), &len, &err)) {
    if (len <= 1) return str_from(data);
    Ref<Str> s = str_alloc(data.size(), len, len == static_cast<int64_t>(data.size()));
    if (!s) return nullptr;
    if (!data.empty()) std::memcpy(s->data, data.data(), data.size());
    return s;
  }
  return decode_utf8_slow(data, errors);
}

Ref<Object> codec_decode(std::string_view data, const char* encoding, const char* errors) {
  Codec c = lookup_codec(encoding);
  switch (c) {
    case Codec::Utf8: return str_decode_utf8(data, errors);
    case Codec::Latin1: return str_from_latin1(data);
    case Codec::Ascii: {
      if (uc::is_ascii(data.data(), data.size())) return str_from_ascii(data);
      Handler h = lookup_handler(errors);
      std::string out;
      for (size_t i = 0; i < data.size(); ++i) {
        auto ch = static_cast<unsigned char>(data[i]);
        if (ch < 0x80) { out += static_cast<char>(ch); continue; }
        if (h == Handler::Unknown) return unknown_handler(errors);
        if (!decode_fallback(h, data, i, i + 1, out))
          return decode_error(c, data, i, i + 1, "ordinal not in range(128)");
      }
      return str_from(out);
    }
    case Codec::Unknown: break;
  }
  return set_errorf(exc::LookupError, "unknown encoding: %s", encoding);
}

namespace {

// Encodes code point `cp` (which the codec cannot represent) with a
// handler; false: the caller raises.
bool encode_fallback(Handler h, uint32_t cp, std::string& out) {
  switch (h) {
    case Handler::Ignore: return true;
    case Handler::Replace: out += '?'; return true;
    case Handler::BackslashReplace:
      if (cp <= 0xFF) append_hex_escape(out, cp, 2, 'x');
      else if (cp <= 0xFFFF) append_hex_escape(out, cp, 4, 'u');
      else append_hex_escape(out, cp, 8, 'U');
      return true;
    case Handler::XmlCharRefReplace:
      out += "&#" + std::to_string(cp) + ";";
      return true;
    case Handler::SurrogateEscape:
      if (cp >= 0xDC80 && cp <= 0xDCFF) { out += static_cast<char>(cp - 0xDC00); return true; }
      return false;
    default: return false;
  }
}

}  // namespace

Ref<Object> codec_encode(Str* s, const char* encoding, const char* errors) {
  Codec c = lookup_codec(encoding);
  if (c == Codec::Unknown) return set_errorf(exc::LookupError, "unknown encoding: %s", encoding);
  if (s->ascii) return bytes_from(s->view());
  uint32_t limit = c == Codec::Ascii ? 0x80 : c == Codec::Latin1 ? 0x100 : 0x110000;
  const char* reason = c == Codec::Ascii ? "ordinal not in range(128)"
                       : c == Codec::Latin1 ? "ordinal not in range(256)"
                                            : "surrogates not allowed";
  // Decode the str once; "bad" = not representable in this codec.
  std::vector<uint32_t> cps;
  cps.reserve(static_cast<size_t>(s->length));
  for (const char* p = s->data; p < s->data + s->size;) cps.push_back(uc::decode_utf8(p));
  auto bad = [&](uint32_t cp) {
    if (c == Codec::Utf8) return cp >= 0xD800 && cp <= 0xDFFF;
    return cp >= limit;
  };
  Handler h = lookup_handler(errors);
  std::string out;
  out.reserve(static_cast<size_t>(s->size));
  for (size_t i = 0; i < cps.size(); ++i) {
    uint32_t cp = cps[i];
    if (!bad(cp)) {
      if (c == Codec::Utf8) uc::append_utf8(out, cp);
      else out += static_cast<char>(cp);
      continue;
    }
    if (h == Handler::SurrogatePass && c == Codec::Utf8) { uc::append_utf8(out, cp); continue; }
    if (h == Handler::Unknown) return unknown_handler(errors);
    if (h == Handler::Strict || !encode_fallback(h, cp, out)) {
      // The error covers the whole run of unencodable characters.
      size_t j = i + 1;
      while (j < cps.size() && bad(cps[j])) ++j;
      return raise_unicode_error(exc::UnicodeEncodeError, c, s, static_cast<int64_t>(i),
                                 static_cast<int64_t>(j), reason);
    }
  }
  return bytes_from(out);
}

// ---- helpers shared by bytes and bytearray methods -------------------------------------

namespace {

using Args = Object* const*;

std::string_view view_of(Object* self) {
  return bytearray_check(self) ? as_ba(self)->view() : as_bytes(self)->view();
}

const char* tname(Object* self) { return bytearray_check(self) ? "bytearray" : "bytes"; }

// A result of self's kind: bytearray methods return bytearray.
Ref<Object> make_like(Object* self, std::string_view v) {
  return bytearray_check(self) ? bytearray_from(v) : bytes_from(v);
}

// Returns self for an exact bytes whose result would equal it.
Ref<Object> same_or_copy(Object* self) {
  if (self->type == &BytesType) return borrow(self);
  return make_like(self, view_of(self));
}

bool buffer_arg(Object* o, std::string_view* out) {
  if (bytes_like_view(o, out)) return true;
  set_errorf(exc::TypeError, "a bytes-like object is required, not '%T'", o);
  return false;
}

// A byte value argument: an int in 0..255.
bool byte_value(Object* o, int* out) {
  int64_t v;
  if (!as_ssize(o, &v)) return false;
  if (v < 0 || v > 255) {
    set_error(exc::ValueError, "byte must be in range(0, 256)");
    return false;
  }
  *out = static_cast<int>(v);
  return true;
}

bool no_args(Object* self, const char* name, size_t nargs, Tuple* kw) {
  if (kw && kw->size) {
    set_errorf(exc::TypeError, "%s.%s() takes no keyword arguments", tname(self), name);
    return false;
  }
  if (nargs) {
    set_errorf(exc::TypeError, "%s.%s() takes no arguments (%zd given)", tname(self), name,
               static_cast<ssize_t>(nargs));
    return false;
  }
  return true;
}

bool one_arg(Object* self, const char* name, size_t nargs, Tuple* kw) {
  if (kw && kw->size) {
    set_errorf(exc::TypeError, "%s.%s() takes no keyword arguments", tname(self), name);
    return false;
  }
  if (nargs != 1) {
    set_errorf(exc::TypeError, "%s.%s() takes exactly one argument (%zd given)", tname(self), name,
               static_cast<ssize_t>(nargs));
    return false;
  }
  return true;
}

size_t find_in(std::string_view hay, std::string_view needle, size_t from, size_t to) {
  if (to < from || to - from < needle.size()) return std::string_view::npos;
  if (needle.empty()) return from;
  const void* r = memmem(hay.data() + from, to - from, needle.data(), needle.size());
  return r ? static_cast<size_t>(static_cast<const char*>(r) - hay.data()) : std::string_view::npos;
}

size_t rfind_in(std::string_view hay, std::string_view needle, size_t from, size_t to) {
  if (to < from || to - from < needle.size()) return std::string_view::npos;
  for (size_t i = to - needle.size() + 1; i-- > from;)
    if (std::memcmp(hay.data() + i, needle.data(), needle.size()) == 0) return i;
  return std::string_view::npos;
}

bool bound_arg(Object* o, int64_t* out) {
  if (!o || o == None) return true;
  if (!int_check(o) && !o->type->nb_index) {
    set_error(exc::TypeError, "slice indices must be integers or None or have an __index__ method");
    return false;
  }
  Ref<Object> v = index(o);
  if (!v) return false;
  if (!int_fits_i64(v.get(), out)) *out = int_sign(v.get()) < 0 ? INT64_MIN : INT64_MAX;
  return true;
}

bool resolve_range(int64_t len, Object* so, Object* eo, int64_t* start, int64_t* end) {
  *start = 0;
  *end = INT64_MAX;
  if (!bound_arg(so, start) || !bound_arg(eo, end)) return false;
  if (*end > len) *end = len;
  else if (*end < 0) { *end += len; if (*end < 0) *end = 0; }
  if (*start < 0) { *start += len; if (*start < 0) *start = 0; }
  return true;
}

bool finds_nargs(const char* name, size_t nargs, Tuple* kw) {
  if (kw && kw->size) {
    set_errorf(exc::TypeError, "%s() takes no keyword arguments", name);
    return false;
  }
  if (nargs < 1) {
    set_errorf(exc::TypeError, "%s() takes at least 1 argument (0 given)", name);
    return false;
  }
  if (nargs > 3) {
    set_errorf(exc::TypeError, "%s() takes at most 3 arguments (%zd given)", name, static_cast<ssize_t>(nargs));
    return false;
  }
  return true;
}

// The needle of find/count/index: an int byte or a bytes-like object.
bool needle_arg(Object* o, std::string* storage, std::string_view* out) {
  if (bytes_like_view(o, out)) return true;
  if (int_check(o) || o->type->nb_index) {
    int b;
    if (!byte_value(o, &b)) return false;
    *storage = std::string(1, static_cast<char>(b));
    *out = *storage;
    return true;
  }
  set_errorf(exc::TypeError, "argument should be integer or bytes-like object, not '%T'", o);
  return false;
}

// -2 on error, -1 absent, else the index.
int64_t find_common(Object* self, Args args, size_t nargs, int dir) {
  std::string storage;
  std::string_view needle;
  if (!needle_arg(args[0], &storage, &needle)) return -2;
  std::string_view v = view_of(self);
  int64_t start, end;
  if (!resolve_range(static_cast<int64_t>(v.size()), nargs > 1 ? args[1] : nullptr,
                     nargs > 2 ? args[2] : nullptr, &start, &end))
    return -2;
  if (start > end) return -1;
  size_t r = dir > 0 ? find_in(v, needle, static_cast<size_t>(start), static_cast<size_t>(end))
                     : rfind_in(v, needle, static_cast<size_t>(start), static_cast<size_t>(end));
  return r == std::string_view::npos ? -1 : static_cast<int64_t>(r);
}

Ref<Object> find_meth(Object* self, Args a, size_t n, Tuple* kw, const char* name, int dir, bool raise) {
  if (!finds_nargs(name, n, kw)) return nullptr;
  int64_t r = find_common(self, a, n, dir);
  if (r == -2) return nullptr;
  if (r == -1 && raise) return set_error(exc::ValueError, "subsection not found");
  return int_from_i64(r);
}

Ref<Object> b_find(Object* s, Args a, size_t n, Tuple* kw) { return find_meth(s, a, n, kw, "find", 1, false); }
Ref<Object> b_rfind(Object* s, Args a, size_t n, Tuple* kw) { return find_meth(s, a, n, kw, "rfind", -1, false); }
Ref<Object> b_index(Object* s, Args a, size_t n, Tuple* kw) { return find_meth(s, a, n, kw, "index", 1, true); }
Ref<Object> b_rindex(Object* s, Args a, size_t n, Tuple* kw) { return find_meth(s, a, n, kw, "rindex", -1, true); }

Ref<Object> b_count(Object* self, Args args, size_t nargs, Tuple* kw) {
  if (!finds_nargs("count", nargs, kw)) return nullptr;
  std::string storage;
  std::string_view needle;
  if (!needle_arg(args[0], &storage, &needle)) return nullptr;
  std::string_view v = view_of(self);
  int64_t start, end;
  if (!resolve_range(static_cast<int64_t>(v.size()), nargs > 1 ? args[1] : nullptr,
                     nargs > 2 ? args[2] : nullptr, &start, &end))
    return nullptr;
  if (start > end) return int_from_i64(0);
  if (needle.empty()) return int_from_i64(end - start + 1);
  int64_t count = 0;
  size_t pos = static_cast<size_t>(start);
  while ((pos = find_in(v, needle, pos, static_cast<size_t>(end))) != std::string_view::npos) {
    ++count;
    pos += needle.size();
  }
  return int_from_i64(count);
}

Ref<Object> affix_meth(Object* self, Args args, size_t nargs, Tuple* kw, const char* name, bool at_end) {
  if (!finds_nargs(name, nargs, kw)) return nullptr;
  std::string_view v = view_of(self), a;
  Object* arg = args[0];
  if (!bytes_like_view(arg, &a) && !tuple_check(arg))
    return set_errorf(exc::TypeError, "%s first arg must be bytes or a tuple of bytes, not %T", name, arg);
  int64_t start, end;
  if (!resolve_range(static_cast<int64_t>(v.size()), nargs > 1 ? args[1] : nullptr,
                     nargs > 2 ? args[2] : nullptr, &start, &end))
    return nullptr;
  auto match = [&](std::string_view x) {
    if (start > static_cast<int64_t>(v.size()) || end - start < static_cast<int64_t>(x.size())) return false;
    const char* p = at_end ? v.data() + end - x.size() : v.data() + start;
    return std::memcmp(p, x.data(), x.size()) == 0;
  };
  if (!tuple_check(arg)) return new_bool(match(a));
  auto* t = static_cast<Tuple*>(arg);
  for (size_t i = 0; i < t->size; ++i) {
    if (!bytes_like_view(t->items[i], &a))
      return set_errorf(exc::TypeError, "a bytes-like object is required, not '%T'", t->items[i]);
    if (match(a)) return new_bool(true);
  }
  return new_bool(false);
}

Ref<Object> b_startswith(Object* s, Args a, size_t n, Tuple* kw) { return affix_meth(s, a, n, kw, "startswith", false); }
Ref<Object> b_endswith(Object* s, Args a, size_t n, Tuple* kw) { return affix_meth(s, a, n, kw, "endswith", true); }

inline bool b_isspace_c(unsigned char c) { return c == ' ' || (c >= 0x09 && c <= 0x0D); }
inline bool b_isalpha_c(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
inline bool b_isdigit_c(unsigned char c) { return c >= '0' && c <= '9'; }
inline bool b_islower_c(unsigned char c) { return c >= 'a' && c <= 'z'; }
inline bool b_isupper_c(unsigned char c) { return c >= 'A' && c <= 'Z'; }

bool push_piece(Object* self, List* out, std::string_view piece) {
  Ref<Object> p = make_like(self, piece);
  return p && list_append(out, p.get());
}

bool split_args(const char* name, Args args, size_t nargs, Tuple* kw, bool* has_sep, std::string_view* sep,
                int64_t* maxsplit) {
  Object* a[2] = {};
  ArgSpec spec{name, {"sep", "maxsplit"}, 0, 0};
  if (!bind_args(spec, args, nargs, kw, a)) return false;
  *has_sep = false;
  *maxsplit = -1;
  if (a[0] && a[0] != None) {
    if (!buffer_arg(a[0], sep)) return false;
    if (sep->empty()) {
      set_error(exc::ValueError, "empty separator");
      return false;
    }
    *has_sep = true;
  }
  if (a[1] && !as_ssize(a[1], maxsplit)) return false;
  if (*maxsplit < 0) *maxsplit = INT64_MAX;
  return true;
}

Ref<Object> b_split(Object* self, Args args, size_t nargs, Tuple* kw) {
  bool has_sep;
  std::string_view sep;
  int64_t maxsplit;
  if (!split_args("split", args, nargs, kw, &has_sep, &sep, &maxsplit)) return nullptr;
  std::string sep_copy(sep);   // a bytearray separator could be self
  std::string_view v = view_of(self);
  Ref<List> out = list_new();
  if (!out) return nullptr;
  size_t i = 0, n = v.size();
  if (has_sep) {
    while (maxsplit-- > 0) {
      size_t pos = find_in(v, sep_copy, i, n);
      if (pos == std::string_view::npos) break;
      if (!push_piece(self, out.get(), v.substr(i, pos - i))) return nullptr;
      i = pos + sep_copy.size();
    }
    if (!push_piece(self, out.get(), v.substr(i))) return nullptr;
    return out;
  }
  while (i < n) {
    while (i < n && b_isspace_c(static_cast<unsigned char>(v[i]))) ++i;
    if (i >= n) break;
    if (maxsplit-- <= 0) {
      if (!push_piece(self, out.get(), v.substr(i))) return nullptr;
      break;
    }
    size_t j = i;
    while (j < n && !b_isspace_c(static_cast<unsigned char>(v[j]))) ++j;
    if (!push_piece(self, out.get(), v.substr(i, j - i))) return nullptr;
    i = j;
  }
  return out;
}

Ref<Object> b_rsplit(Object* self, Args args, size_t nargs, Tuple* kw) {
  bool has_sep;
  std::string_view sep;
  int64_t maxsplit;
  if (!split_args("rsplit", args, nargs, kw, &has_sep, &sep, &maxsplit)) return nullptr;
  std::string sep_copy(sep);
  std::string_view v = view_of(self);
  std::vector<std::string_view> pieces;
  size_t e = v.size();
  if (has_sep) {
    while (maxsplit-- > 0) {
      size_t pos = rfind_in(v, sep_copy, 0, e);
      if (pos == std::string_view::npos) break;
      pieces.push_back(v.substr(pos + sep_copy.size(), e - pos - sep_copy.size()));
      e = pos;
    }
    pieces.push_back(v.substr(0, e));
  } else {
    while (e > 0) {
      while (e > 0 && b_isspace_c(static_cast<unsigned char>(v[e - 1]))) --e;
      if (e == 0) break;
      if (maxsplit-- <= 0) { pieces.push_back(v.substr(0, e)); break; }
      size_t b = e;
      while (b > 0 && !b_isspace_c(static_cast<unsigned char>(v[b - 1]))) --b;
      pieces.push_back(v.substr(b, e - b));
      e = b;
    }
  }
  Ref<List> out = list_new();
  if (!out) return nullptr;
  for (size_t k = pieces.size(); k-- > 0;)
    if (!push_piece(self, out.get(), pieces[k])) return nullptr;
  return out;
}

Ref<Object> b_splitlines(Object* self, Args args, size_t nargs, Tuple* kw) {
  Object* a[1] = {};
  static const ArgSpec spec{"splitlines", {"keepends"}, 0, 0};
  if (!bind_args(spec, args, nargs, kw, a)) return nullptr;
  int64_t keep = 0;
  if (a[0] && !as_ssize(a[0], &keep)) return nullptr;
  std::string_view v = view_of(self);
  Ref<List> out = list_new();
  if (!out) return nullptr;
  size_t i = 0, n = v.size();
  while (i < n) {
    size_t j = i;
    while (j < n && v[j] != '\n' && v[j] != '\r') ++j;
    size_t eol = 0;
    if (j < n) eol = (v[j] == '\r' && j + 1 < n && v[j + 1] == '\n') ? 2 : 1;
    if (!push_piece(self, out.get(), v.substr(i, (keep ? j + eol : j) - i))) return nullptr;
    i = j + eol;
  }
  return out;
}

Ref<Object> b_join(Object* self, Args args, size_t nargs, Tuple* kw) {
  if (!one_arg(self, "join", nargs, kw)) return nullptr;
  Ref<Object> seq = sequence_to_list(args[0]);
  if (!seq) return nullptr;
  auto* l = static_cast<List*>(seq.get());
  std::string sep(view_of(self));
  std::string out;
  for (size_t i = 0; i < l->size; ++i) {
    std::string_view piece;
    if (!bytes_like_view(l->items[i], &piece))
      return set_errorf(exc::TypeError, "sequence item %zd: expected a bytes-like object, %T found",
                        static_cast<ssize_t>(i), l->items[i]);
    if (i) out += sep;
    out += piece;
  }
  return make_like(self, out);
}

// which: 1 left, 2 right, 3 both.
Ref<Object> strip_meth(Object* self, Args args, size_t nargs, Tuple* kw, const char* name, int which) {
  if (kw && kw->size) return set_errorf(exc::TypeError, "%s() takes no keyword arguments", name);
  if (!check_nargs(name, nargs, 0, 1)) return nullptr;
  std::string_view v = view_of(self), chars;
  bool has_chars = nargs && args[0] != None;
  if (has_chars && !buffer_arg(args[0], &chars)) return nullptr;
  auto strip_it = [&](unsigned char c) {
    return has_chars ? chars.find(static_cast<char>(c)) != std::string_view::npos : b_isspace_c(c);
  };
  size_t b = 0, e = v.size();
  if (which & 1) while (b < e && strip_it(static_cast<unsigned char>(v[b]))) ++b;
  if (which & 2) while (e > b && strip_it(static_cast<unsigned char>(v[e - 1]))) --e;
  if (b == 0 && e == v.size()) return same_or_copy(self);
  return make_like(self, v.substr(b, e - b));
}

Ref<Object> b_strip(Object* s, Args a, size_t n, Tuple* kw) { return strip_meth(s, a, n, kw, "strip", 3); }
Ref<Object> b_lstrip(Object* s, Args a, size_t n, Tuple* kw) { return strip_meth(s, a, n, kw, "lstrip", 1); }
Ref<Object> b_rstrip(Object* s, Args a, size_t n, Tuple* kw) { return strip_meth(s, a, n, kw, "rstrip", 2); }

Ref<Object> b_replace(Object* self, Args args, size_t nargs, Tuple* kw) {
  if (kw && kw->size) return set_error(exc::TypeError, "replace() takes no keyword arguments");
  if (!check_nargs("replace", nargs, 2, 3)) return nullptr;
  std::string_view v = view_of(self), old, rep;
  if (!buffer_arg(args[0], &old) || !buffer_arg(args[1], &rep)) return nullptr;
  int64_t count = -1;
  if (nargs > 2 && !as_ssize(args[2], &count)) return nullptr;
  if (count < 0) count = INT64_MAX;
  std::string out;
  if (old.empty()) {
    int64_t done = 0;
    for (size_t i = 0;; ++i) {
      if (done < count) { out += rep; ++done; }
      if (i >= v.size()) break;
      out += v[i];
    }
    return make_like(self, out);
  }
  size_t i = 0;
  int64_t done = 0;
  while (done < count) {
    size_t pos = find_in(v, old, i, v.size());
    if (pos == std::string_view::npos) break;
    out += v.substr(i, pos - i);
    out += rep;
    i = pos + old.size();
    ++done;
  }
  if (done == 0) return same_or_copy(self);
  out += v.substr(i);
  return make_like(self, out);
}

Ref<Object> partition_meth(Object* self, Args args, size_t nargs, Tuple* kw, const char* name, bool right) {
  if (!one_arg(self, name, nargs, kw)) return nullptr;
  std::string_view v = view_of(self), sep;
  if (!buffer_arg(args[0], &sep)) return nullptr;
  if (sep.empty()) return set_error(exc::ValueError, "empty separator");
  std::string sep_copy(sep);
  size_t pos = right ? rfind_in(v, sep_copy, 0, v.size()) : find_in(v, sep_copy, 0, v.size());
  Ref<Object> a, b, c;
  if (pos == std::string_view::npos) {
    Ref<Object> whole = same_or_copy(self), e1 = make_like(self, {}), e2 = make_like(self, {});
    if (!whole || !e1 || !e2) return nullptr;
    if (right) { a = e1; b = e2; c = whole; } else { a = whole; b = e1; c = e2; }
  } else {
    a = make_like(self, v.substr(0, pos));
    b = make_like(self, sep_copy);
    c = make_like(self, v.substr(pos + sep_copy.size()));
    if (!a || !b || !c) return nullptr;
  }
  return tuple_pack({a.get(), b.get(), c.get()});
}

Ref<Object> b_partition(Object* s, Args a, size_t n, Tuple* kw) { return partition_meth(s, a, n, kw, "partition", false); }
Ref<Object> b_rpartition(Object* s, Args a, size_t n, Tuple* kw) { return partition_meth(s, a, n, kw, "rpartition", true); }

// Case conversions over ASCII letters only (bytes have no encoding).
template <class F>
Ref<Object> map_bytes(Object* self, size_t nargs, Tuple* kw, const char* name, F f) {
  if (!no_args(self, name, nargs, kw)) return nullptr;
  std::string out(view_of(self));
  f(out);
  return make_like(self, out);
}

char up(char c) { return b_islower_c(static_cast<unsigned char>(c)) ? static_cast<char>(c - 32) : c; }
char low(char c) { return b_isupper_c(static_cast<unsigned char>(c)) ? static_cast<char>(c + 32) : c; }

// bytes.maketrans(frm, to): a 256-byte table mapping each byte of frm to
// the byte at the same place in to (a static method in CPython; here a
// class method that ignores its class, which callers cannot tell apart).
Ref<Object> b_maketrans(Object*, Args args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("maketrans", kw) || !check_nargs("maketrans", nargs, 2, 2)) return nullptr;
  std::string_view frm, to;
  if (!bytes_like_view(args[0], &frm))
    return set_errorf(exc::TypeError, "a bytes-like object is required, not '%s'", args[0]->type->name);
  if (!bytes_like_view(args[1], &to))
    return set_errorf(exc::TypeError, "a bytes-like object is required, not '%s'", args[1]->type->name);
  if (frm.size() != to.size()) return set_error(exc::ValueError, "maketrans arguments must have same length");
  std::string table(256, '\0');
  for (int i = 0; i < 256; i++) table[i] = static_cast<char>(i);
  for (size_t i = 0; i < frm.size(); i++) table[static_cast<unsigned char>(frm[i])] = to[i];
  return bytes_from(table);
}

// translate(table, /, delete=b''): drop the bytes in delete, map the rest.
Ref<Object> b_translate(Object* self, Args args, size_t nargs, Tuple* kw) {
  Object* a[2];
  static const ArgSpec spec{"translate", {"table", "delete"}, 1, 1};
  if (!bind_args(spec, args, nargs, kw, a)) return nullptr;
  std::string_view table, del;
  bool identity = a[0] == None;
  if (!identity) {
    if (!bytes_like_view(a[0], &table))
      return set_errorf(exc::TypeError, "a bytes-like object is required, not '%s'", a[0]->type->name);
    if (table.size() != 256) return set_error(exc::ValueError, "translation table must be 256 characters long");
  }
  if (a[1] && !bytes_like_view(a[1], &del))
    return set_errorf(exc::TypeError, "a bytes-like object is required, not '%s'", a[1]->type->name);
  bool drop[256] = {};
  for (char c : del) drop[static_cast<unsigned char>(c)] = true;
  std::string out;
  for (char c : view_of(self)) {
    unsigned char u = static_cast<unsigned char>(c);
    if (drop[u]) continue;
    out.push_back(identity ? c : table[u]);
  }
  return make_like(self, out);
}

// expandtabs(tabsize=8): tabs to spaces, columns restarting at \n and \r.
Ref<Object> b_expandtabs(Object* self, Args args, size_t nargs, Tuple* kw) {
  Object* a[1];
  static const ArgSpec spec{"expandtabs", {"tabsize"}, 0};
  if (!bind_args(spec, args, nargs, kw, a)) return nullptr;
  int64_t tab = 8;
  if (a[0] && !int_to_i64(a[0], &tab)) return nullptr;
  std::string out;
  int64_t col = 0;
  for (char c : view_of(self)) {
    if (c == '\t') {
      if (tab > 0) {
        int64_t n = tab - col % tab;
        out.append(static_cast<size_t>(n), ' ');
        col += n;
      }
    } else {
      out.push_back(c);
      col = (c == '\n' || c == '\r') ? 0 : col + 1;
    }
  }
  return make_like(self, out);
}

Ref<Object> b_upper(Object* s, Args, size_t n, Tuple* kw) {
  return map_bytes(s, n, kw, "upper", [](std::string& o) { for (char& c : o) c = up(c); });
}
Ref<Object> b_lower(Object* s, Args, size_t n, Tuple* kw) {
  return map_bytes(s, n, kw, "lower", [](std::string& o) { for (char& c : o) c = low(c); });
}
Ref<Object> b_swapcase(Object* s, Args, size_t n, Tuple* kw) {
  return map_bytes(s, n, kw, "swapcase", [](std::string& o) {
    for (char& c : o) c = b_isupper_c(static_cast<unsigned char>(c)) ? low(c) : up(c);
  });
}
Ref<Object> b_capitalize(Object* s, Args, size_t n, Tuple* kw) {
  return map_bytes(s, n, kw, "capitalize", [](std::string& o) {
    for (size_t i = 0; i < o.size(); ++i) o[i] = i == 0 ? up(o[i]) : low(o[i]);
  });
}
Ref<Object> b_title(Object* s, Args, size_t n, Tuple* kw) {
  return map_bytes(s, n, kw, "title", [](std::string& o) {
    bool prev = false;
    for (char& c : o) {
      c = prev ? low(c) : up(c);
      prev = b_isalpha_c(static_cast<unsigned char>(c));
    }
  });
}

template <bool (*Pred)(unsigned char)>
Ref<Object> all_bytes(Object* self, size_t nargs, Tuple* kw, const char* name) {
  if (!no_args(self, name, nargs, kw)) return nullptr;
  std::string_view v = view_of(self);
  if (v.empty()) return new_bool(false);
  for (unsigned char c : v)
    if (!Pred(c)) return new_bool(false);
  return new_bool(true);
}

bool isalnum_c(unsigned char c) { return b_isalpha_c(c) || b_isdigit_c(c); }
Ref<Object> b_isalpha(Object* s, Args, size_t n, Tuple* kw) { return all_bytes<b_isalpha_c>(s, n, kw, "isalpha"); }
Ref<Object> b_isdigit(Object* s, Args, size_t n, Tuple* kw) { return all_bytes<b_isdigit_c>(s, n, kw, "isdigit"); }
Ref<Object> b_isalnum(Object* s, Args, size_t n, Tuple* kw) { return all_bytes<isalnum_c>(s, n, kw, "isalnum"); }
Ref<Object> b_isspace(Object* s, Args, size_t n, Tuple* kw) { return all_bytes<b_isspace_c>(s, n, kw, "isspace"); }

Ref<Object> b_isascii(Object* self, Args, size_t nargs, Tuple* kw) {
  if (!no_args(self, "isascii", nargs, kw)) return nullptr;
  std::string_view v = view_of(self);
  return new_bool(uc::is_ascii(v.data(), v.size()));
}

Ref<Object> b_islower(Object* self, Args, size_t nargs, Tuple* kw) {
  if (!no_args(self, "islower", nargs, kw)) return nullptr;
  bool cased = false;
  for (unsigned char c : view_of(self)) {
    if (b_isupper_c(c)) return new_bool(false);
    if (b_islower_c(c)) cased = true;
  }
  return new_bool(cased);
}

Ref<Object> b_isupper(Object* self, Args, size_t nargs, Tuple* kw) {
  if (!no_args(self, "isupper", nargs, kw)) return nullptr;
  bool cased = false;
  for (unsigned char c : view_of(self)) {
    if (b_islower_c(c)) return new_bool(false);
    if (b_isupper_c(c)) cased = true;
  }
  return new_bool(cased);
}

Ref<Object> b_istitle(Object* self, Args, size_t nargs, Tuple* kw) {
  if (!no_args(self, "istitle", nargs, kw)) return nullptr;
  bool cased = false, prev = false;
  for (unsigned char c : view_of(self)) {
    if (b_isupper_c(c)) {
      if (prev) return new_bool(false);
      prev = cased = true;
    } else if (b_islower_c(c)) {
      if (!prev) return new_bool(false);
      prev = cased = true;
    } else {
      prev = false;
    }
  }
  return new_bool(cased);
}

// which: 0 ljust, 1 rjust, 2 center.
Ref<Object> pad_meth(Object* self, Args args, size_t nargs, Tuple* kw, const char* name, int which) {
  if (kw && kw->size) return set_errorf(exc::TypeError, "%s() takes no keyword arguments", name);
  if (!check_nargs(name, nargs, 1, 2)) return nullptr;
  int64_t width;
  if (!as_ssize(args[0], &width)) return nullptr;
  char fill = ' ';
  if (nargs > 1) {
    std::string_view f;
    if (!bytes_like_view(args[1], &f) || f.size() != 1)
      return set_errorf(exc::TypeError, "%s() argument 2 must be a byte string of length 1, not %T", name, args[1]);
    fill = f[0];
  }
  std::string_view v = view_of(self);
  int64_t marg = width - static_cast<int64_t>(v.size());
  if (marg <= 0) return same_or_copy(self);
  int64_t left = which == 0 ? 0 : which == 1 ? marg : marg / 2 + (marg & width & 1);
  std::string out(static_cast<size_t>(left), fill);
  out += v;
  out.append(static_cast<size_t>(marg - left), fill);
  return make_like(self, out);
}

Ref<Object> b_ljust(Object* s, Args a, size_t n, Tuple* kw) { return pad_meth(s, a, n, kw, "ljust", 0); }
Ref<Object> b_rjust(Object* s, Args a, size_t n, Tuple* kw) { return pad_meth(s, a, n, kw, "rjust", 1); }
Ref<Object> b_center(Object* s, Args a, size_t n, Tuple* kw) { return pad_meth(s, a, n, kw, "center", 2); }

Ref<Object> b_zfill(Object* self, Args args, size_t nargs, Tuple* kw) {
  if (!one_arg(self, "zfill", nargs, kw)) return nullptr;
  int64_t width;
  if (!as_ssize(args[0], &width)) return nullptr;
  std::string_view v = view_of(self);
  if (width <= static_cast<int64_t>(v.size())) return same_or_copy(self);
  size_t fill = static_cast<size_t>(width) - v.size();
  std::string out(fill, '0');
  out += v;
  if (!v.empty() && (v[0] == '+' || v[0] == '-')) {
    out[0] = v[0];
    out[fill] = '0';
  }
  return make_like(self, out);
}

Ref<Object> affix_remove(Object* self, Args args, size_t nargs, Tuple* kw, const char* name, bool suffix) {
  if (!one_arg(self, name, nargs, kw)) return nullptr;
  std::string_view v = view_of(self), a;
  if (!buffer_arg(args[0], &a)) return nullptr;
  if (!a.empty() && v.size() >= a.size()) {
    if (!suffix && v.substr(0, a.size()) == a) return make_like(self, v.substr(a.size()));
    if (suffix && v.substr(v.size() - a.size()) == a) return make_like(self, v.substr(0, v.size() - a.size()));
  }
  return same_or_copy(self);
}

Ref<Object> b_removeprefix(Object* s, Args a, size_t n, Tuple* kw) { return affix_remove(s, a, n, kw, "removeprefix", false); }
Ref<Object> b_removesuffix(Object* s, Args a, size_t n, Tuple* kw) { return affix_remove(s, a, n, kw, "removesuffix", true); }

Ref<Object> b_decode(Object* self, Args args, size_t nargs, Tuple* kw) {
  Object* a[2] = {};
  static const ArgSpec spec{"decode", {"encoding", "errors"}, 0, 0};
  if (!bind_args(spec, args, nargs, kw, a)) return nullptr;
  std::string enc = "utf-8", errs = "strict";
  if (a[0]) {
    if (!str_check(a[0])) return set_errorf(exc::TypeError, "decode() argument 'encoding' must be str, not %T", a[0]);
    enc = std::string(str_view(a[0]));
  }
  if (a[1]) {
    if (!str_check(a[1])) return set_errorf(exc::TypeError, "decode() argument 'errors' must be str, not %T", a[1]);
    errs = std::string(str_view(a[1]));
  }
  std::string data(view_of(self));   // a bytearray may change under an error handler
  return codec_decode(data, enc.c_str(), errs.c_str());
}

Ref<Object> b_hex(Object* self, Args args, size_t nargs, Tuple* kw) {
  Object* a[2] = {};
  static const ArgSpec spec{"hex", {"sep", "bytes_per_sep"}, 0, 0};
  if (!bind_args(spec, args, nargs, kw, a)) return nullptr;
  static const char hex[] = "0123456789abcdef";
  std::string_view v = view_of(self);
  std::string sep;
  if (a[0]) {
    std::string_view s;
    if (str_check(a[0])) s = str_view(a[0]);
    else if (!bytes_like_view(a[0], &s)) return set_errorf(exc::TypeError, "sep must be str or bytes.");
    if (s.size() != 1) return set_error(exc::ValueError, "sep must be length 1.");
    sep = std::string(s);
  }
  int64_t per = 1;
  if (a[1] && !as_ssize(a[1], &per)) return nullptr;
  std::string out;
  out.reserve(v.size() * 3);
  size_t n = v.size();
  size_t group = static_cast<size_t>(per < 0 ? -per : per);
  for (size_t i = 0; i < n; ++i) {
    // Separators count groups from the right for positive bytes_per_sep.
    if (i && !sep.empty() && group) {
      size_t k = per > 0 ? n - i : i;
      if (k % group == 0) out += sep;
    }
    auto c = static_cast<unsigned char>(v[i]);
    out += hex[c >> 4];
    out += hex[c & 15];
  }
  return str_from_ascii(out);
}

Ref<Object> b_fromhex(Object* cls, Args args, size_t nargs, Tuple* kw) {
  if (kw && kw->size) return set_error(exc::TypeError, "fromhex() takes no keyword arguments");
  if (nargs != 1)
    return set_errorf(exc::TypeError, "fromhex() takes exactly one argument (%zd given)", static_cast<ssize_t>(nargs));
  if (!str_check(args[0])) return set_errorf(exc::TypeError, "fromhex() argument must be str, not %T", args[0]);
  Str* s = static_cast<Str*>(args[0]);
  std::string_view t = s->view();
  std::string out;
  auto hexval = [](char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  size_t i = 0;
  while (i < t.size()) {
    if (t[i] == ' ' || (t[i] >= 0x09 && t[i] <= 0x0D)) { ++i; continue; }
    int hi = hexval(t[i]);
    if (hi < 0 || i + 1 >= t.size() || hexval(t[i + 1]) < 0) {
      size_t bad = hi < 0 ? i : i + 1;
      return set_errorf(exc::ValueError, "non-hexadecimal number found in fromhex() arg at position %zd",
                        static_cast<ssize_t>(uc::utf8_count(t.data(), bad)));
    }
    out += static_cast<char>(hi * 16 + hexval(t[i + 1]));
    i += 2;
  }
  auto* type = static_cast<TypeObject*>(cls);
  if (type == &ByteArrayType) return bytearray_from(out);
  Ref<Object> b = bytes_from(out);
  if (!b || type == &BytesType) return b;
  Object* arg = b.get();
  return call(type, &arg, 1);
}

Ref<Object> b_getnewargs(Object* self, Args, size_t nargs, Tuple* kw) {
  if (!no_args(self, "__getnewargs__", nargs, kw)) return nullptr;
  Ref<Object> copy = bytes_from(view_of(self));
  if (!copy) return nullptr;
  return tuple_pack({copy.get()});
}

}  // namespace

// ---- slots shared by bytes and bytearray ---------------------------------------------------

namespace {

Ref<Object> bytes_richcompare(Object* a, Object* b, CompareOp op) {
  std::string_view x, y;
  if (!bytes_like_view(a, &x) || !bytes_like_view(b, &y)) return not_implemented();
  if ((op == CompareOp::Eq || op == CompareOp::Ne) && x.size() != y.size())
    return new_bool(op == CompareOp::Ne);
  return new_bool(compare_holds(x.compare(y), op));
}

Ref<Object> bytes_add(Object* a, Object* b) {
  std::string_view x, y;
  if (!bytes_like_view(a, &x)) return not_implemented();
  if (!bytes_like_view(b, &y)) {
    if (type_has(b->type, kHeapType) && b->type->nb_binary[static_cast<int>(BinaryOp::Add)])
      return not_implemented();
    return set_errorf(exc::TypeError, "can't concat %T to %T", b, a);
  }
  std::string out;
  out.reserve(x.size() + y.size());
  out += x;
  out += y;
  return make_like(a, out);
}

// b'%d-%s' % (5, b'x'): PEP 461 formatting; a bytearray format gives a bytearray.
Ref<Object> bytes_mod(Object* a, Object* b) {
  if (!bytes_check(a) && !bytearray_check(a)) return not_implemented();
  Ref<Object> r = bytes_percent_format(view_of(a), b);
  if (!r || !bytearray_check(a)) return r;
  std::string_view v;
  bytes_like_view(r.get(), &v);
  return bytearray_from(v);
}

Ref<Object> bytes_mul(Object* a, Object* b) {
  std::string_view v;
  Object* seq = bytes_like_view(a, &v) ? a : b;
  Object* n = seq == a ? b : a;
  if (!bytes_like_view(seq, &v)) return not_implemented();
  if (!n->type->nb_index) {
    if (type_has(n->type, kHeapType) && n->type->nb_binary[static_cast<int>(BinaryOp::Mul)])
      return not_implemented();
    return set_errorf(exc::TypeError, "can't multiply sequence by non-int of type '%T'", n);
  }
  int64_t count;
  Ref<Object> idx = index(n);
  if (!idx) return nullptr;
  if (!int_fits_i64(idx.get(), &count)) {
    if (int_sign(idx.get()) < 0) return make_like(seq, {});
    return no_memory_error();
  }
  if (count <= 0 || v.empty()) return make_like(seq, {});
  if (count == 1 && seq->type == &BytesType) return borrow(seq);
  if (static_cast<int64_t>(v.size()) > INT64_MAX / count) {
    if (bytearray_check(seq)) return no_memory_error();
    return set_error(exc::OverflowError, "repeated bytes are too long");
  }
  std::string out;
  try {
    out.reserve(v.size() * static_cast<size_t>(count));
    for (int64_t i = 0; i < count; ++i) out += v;
  } catch (const std::bad_alloc&) {
    return no_memory_error();
  }
  return make_like(seq, out);
}

int64_t bytes_length(Object* self) { return static_cast<int64_t>(view_of(self).size()); }

Ref<Object> subscript_impl(Object* self, Object* key) {
  std::string_view v = view_of(self);
  if (slice_check(key)) {
    int64_t start, stop, step, n;
    if (!slice_unpack(key, static_cast<int64_t>(v.size()), &start, &stop, &step, &n)) return nullptr;
    if (n <= 0) return make_like(self, {});
    if (step == 1) {
      if (n == static_cast<int64_t>(v.size()) && self->type == &BytesType) return borrow(self);
      return make_like(self, v.substr(static_cast<size_t>(start), static_cast<size_t>(n)));
    }
    std::string out;
    out.reserve(static_cast<size_t>(n));
    for (int64_t i = 0, j = start; i < n; ++i, j += step) out += v[static_cast<size_t>(j)];
    return make_like(self, out);
  }
  int64_t i;
  if (!seq_index_arg(key, "byte", &i)) return nullptr;
  if (i < 0) i += static_cast<int64_t>(v.size());
  if (i < 0 || i >= static_cast<int64_t>(v.size())) {
    return set_error(exc::IndexError, bytearray_check(self) ? "bytearray index out of range" : "index out of range");
  }
  return int_from_i64(static_cast<unsigned char>(v[static_cast<size_t>(i)]));
}

int bytes_contains(Object* self, Object* item) {
  std::string storage;
  std::string_view needle;
  if (int_check(item) || item->type->nb_index) {
    int b;
    if (!byte_value(item, &b)) return -1;
    storage = std::string(1, static_cast<char>(b));
    needle = storage;
  } else if (!buffer_arg(item, &needle)) {
    return -1;
  }
  std::string_view v = view_of(self);
  return find_in(v, needle, 0, v.size()) != std::string_view::npos;
}

// Collects bytes(x)/bytearray(x) source data (not str, not int count).
bool collect_bytes(Object* src, std::string* out) {
  std::string_view v;
  if (bytes_like_view(src, &v)) { *out = std::string(v); return true; }
  Ref<Object> it = get_iter(src);
  if (!it) return false;
  while (Ref<Object> item = iter_next(it.get())) {
    int64_t x;
    if (!as_ssize(item.get(), &x)) return false;
    if (x < 0 || x > 255) {
      set_error(exc::ValueError, "bytes must be in range(0, 256)");
      return false;
    }
    out->push_back(static_cast<char>(x));
  }
  return !error_occurred();
}

// The shared argument logic of bytes(...) and bytearray(...): fills *out.
bool construct_data(const char* fname, Object* const* args, size_t nargs, Tuple* kwnames, std::string* out) {
  Object* a[3] = {};
  ArgSpec spec{fname, {"source", "encoding", "errors"}, 0, 0};
  if (!bind_args(spec, args, nargs, kwnames, a)) return false;
  Object* src = a[0];
  if (!src) {
    if (a[1] || a[2]) {
      set_error(exc::TypeError, a[1] ? "encoding without a string argument" : "errors without a string argument");
      return false;
    }
    return true;
  }
  if (a[1] || a[2]) {
    if (!str_check(src)) {
      set_error(exc::TypeError, a[1] ? "encoding without a string argument" : "errors without a string argument");
      return false;
    }
    if (!a[1]) {
      set_error(exc::TypeError, "string argument without an encoding");
      return false;
    }
    if (!str_check(a[1])) {
      set_errorf(exc::TypeError, "%s() argument 'encoding' must be str, not %T", fname, a[1]);
      return false;
    }
    if (a[2] && !str_check(a[2])) {
      set_errorf(exc::TypeError, "%s() argument 'errors' must be str, not %T", fname, a[2]);
      return false;
    }
    std::string enc(str_view(a[1])), errs = a[2] ? std::string(str_view(a[2])) : "strict";
    Ref<Object> b = codec_encode(static_cast<Str*>(src), enc.c_str(), errs.c_str());
    if (!b) return false;
    *out = std::string(bytes_view(b.get()));
    return true;
  }
  if (str_check(src)) {
    set_error(exc::TypeError, "string argument without an encoding");
    return false;
  }
  if (std::string_view(fname) == "bytes") {
    // bytes(x) asks x.__bytes__() first.
    if (Object* meth = type_lookup(src->type, intern("__bytes__"))) {
      Ref<Object> r = call1(meth, src);
      if (!r) return false;
      if (!bytes_check(r.get())) {
        set_errorf(exc::TypeError, "__bytes__ returned non-bytes (type %T)", r.get());
        return false;
      }
      *out = std::string(bytes_view(r.get()));
      return true;
    }
  }
  if (int_check(src) || src->type->nb_index) {   // bytes(n): n zero bytes
    int64_t n;
    if (!as_ssize(src, &n)) return false;
    if (n < 0) {
      set_error(exc::ValueError, "negative count");
      return false;
    }
    try {
      out->assign(static_cast<size_t>(n), '\0');
    } catch (const std::bad_alloc&) {   // bytes(10**12): MemoryError, as CPython
      no_memory_error();
      return false;
    }
    return true;
  }
  if (!collect_bytes(src, out)) {
    if (error_matches(exc::TypeError) && !src->type->iter) {
      clear_error();
      set_errorf(exc::TypeError, "cannot convert '%T' object to %s", src, fname);
    }
    return false;
  }
  return true;
}

}  // namespace

// ---- bytes slots -----------------------------------------------------------------------------

namespace {

void bytes_dealloc(Object* self) { destroy_object(as_bytes(self)); }

Ref<Object> bytes_repr(Object* self) { return str_from_ascii(bytes_repr_utf8(as_bytes(self)->view())); }

int64_t bytes_hash(Object* self) {
  Bytes* b = as_bytes(self);
  if (b->hash == -1) b->hash = hash_bytes(b->data, static_cast<size_t>(b->size));
  return b->hash;
}

Ref<Object> bytes_new(TypeObject* type, Object* const* args, size_t nargs, Tuple* kwnames) {
  std::string data;
  // bytes(b) of an exact bytes returns b itself.
  if (type == &BytesType && nargs == 1 && !(kwnames && kwnames->size) && args[0]->type == &BytesType)
    return borrow(args[0]);
  if (!construct_data("bytes", args, nargs, kwnames, &data)) return nullptr;
  if (type == &BytesType) return bytes_from(data);
  Ref<Bytes> b = bytes_alloc_type(type, data.size());
  if (!b) return nullptr;
  if (!data.empty()) std::memcpy(b->data, data.data(), data.size());
  return b;
}

// The iterator of both types: yields ints.  It re-reads the object's
// current bytes on each step, so a bytearray that changes size is safe.
struct BytesIter : Object {
  Object* seq = nullptr;   // strong; null once exhausted
  size_t index = 0;
};

void bytesiter_dealloc(Object* self) {
  auto* it = static_cast<BytesIter*>(self);
  xdecref(it->seq);
  destroy_object(it);
}

void bytesiter_traverse(Object* self, VisitFn visit, void* arg) {
  auto* it = static_cast<BytesIter*>(self);
  if (it->seq) visit(it->seq, arg);
}

Ref<Object> bytesiter_self(Object* self) { return borrow(self); }

Ref<Object> bytesiter_next(Object* self) {
  auto* it = static_cast<BytesIter*>(self);
  if (!it->seq) return nullptr;
  std::string_view v = view_of(it->seq);
  if (it->index < v.size()) return int_from_i64(static_cast<unsigned char>(v[it->index++]));
  Object* s = it->seq;
  it->seq = nullptr;
  decref(s);
  return nullptr;
}

Ref<Object> bytesiter_length_hint(Object* self, Object* const*, size_t, Tuple*) {
  auto* it = static_cast<BytesIter*>(self);
  if (!it->seq) return int_from_i64(0);
  size_t n = view_of(it->seq).size();
  return int_from_i64(n > it->index ? static_cast<int64_t>(n - it->index) : 0);
}

const MethodDef bytesiter_methods[] = {
    {"__length_hint__", bytesiter_length_hint},
    {nullptr, nullptr},
};

Ref<Object> make_iter(Object* self, TypeObject* type) {
  auto* it = alloc<BytesIter>(type);
  if (!it) return nullptr;
  incref(self);
  it->seq = self;
  return steal<Object>(it);
}

Ref<Object> bytes_iter(Object* self) { return make_iter(self, &BytesIterType); }
Ref<Object> bytearray_iter(Object* self) { return make_iter(self, &ByteArrayIterType); }

// ---- bytearray slots and methods ---------------------------------------------------------------

void bytearray_dealloc(Object* self) {
  ByteArray* ba = as_ba(self);
  if (ba->data) mem_free(ba->data);
  ba->data = nullptr;
  destroy_object(ba);
}

Ref<Object> bytearray_repr(Object* self) {
  std::string r = bytes_repr_utf8(as_ba(self)->view());
  std::string name(type_name(self->type));
  return str_from_ascii(name + "(" + r + ")");
}

Ref<Object> bytearray_new(TypeObject* type, Object* const*, size_t, Tuple*) {
  return bytearray_alloc_type(type);
}

int bytearray_init(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  std::string data;
  if (!construct_data("bytearray", args, nargs, kwnames, &data)) return -1;
  return ba_assign(as_ba(self), data) ? 0 : -1;
}

// Replaces bytes [lo, hi) with `v`.
bool ba_splice(ByteArray* ba, size_t lo, size_t hi, std::string_view v) {
  if (hi - lo != v.size() && !check_resizable(ba)) return false;
  size_t old_size = ba->size;
  size_t new_size = old_size - (hi - lo) + v.size();
  std::string tail(ba->view().substr(hi));
  if (!ba_reserve(ba, new_size)) return false;
  if (!v.empty()) std::memcpy(ba->data + lo, v.data(), v.size());
  if (!tail.empty()) std::memcpy(ba->data + lo + v.size(), tail.data(), tail.size());
  ba->size = new_size;
  ba->data[new_size] = '\0';
  return true;
}

int bytearray_ass_subscript(Object* self, Object* key, Object* value) {
  ByteArray* ba = as_ba(self);
  int64_t len = static_cast<int64_t>(ba->size);
  if (!slice_check(key)) {
    int64_t i;
    if (!seq_index_arg(key, "bytearray", &i)) return -1;
    if (i < 0) i += len;
    if (i < 0 || i >= len) {
      set_error(exc::IndexError, "bytearray index out of range");
      return -1;
    }
    if (!value) return ba_splice(ba, static_cast<size_t>(i), static_cast<size_t>(i) + 1, {}) ? 0 : -1;
    int b;
    if (!byte_value(value, &b)) return -1;
    ba->data[i] = static_cast<char>(b);
    return 0;
  }
  int64_t start, stop, step, n;
  if (!slice_unpack(key, len, &start, &stop, &step, &n)) return -1;
  std::string data;
  if (value) {
    if (int_check(value)) {
      set_error(exc::TypeError, "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
      return -1;
    }
    if (!collect_bytes(value, &data)) return -1;
  }
  if (step == 1) {
    if (stop < start) stop = start;
    return ba_splice(ba, static_cast<size_t>(start), static_cast<size_t>(stop), data) ? 0 : -1;
  }
  if (!value) {
    // Delete the selected positions (keep the others in order).
    std::string keep;
    std::vector<bool> drop(ba->size, false);
    for (int64_t i = 0, j = start; i < n; ++i, j += step) drop[static_cast<size_t>(j)] = true;
    for (size_t i = 0; i < ba->size; ++i)
      if (!drop[i]) keep += ba->data[i];
    return ba_assign(ba, keep) ? 0 : -1;
  }
  if (static_cast<int64_t>(data.size()) != n) {
    set_errorf(exc::ValueError, "attempt to assign bytes of size %zd to extended slice of size %zd",
               static_cast<ssize_t>(data.size()), static_cast<ssize_t>(n));
    return -1;
  }
  for (int64_t i = 0, j = start; i < n; ++i, j += step) ba->data[j] = data[static_cast<size_t>(i)];
  return 0;
}

Ref<Object> bytearray_iadd(Object* a, Object* b) {
  if (!bytearray_check(a)) return not_implemented();
  std::string_view y;
  if (!bytes_like_view(b, &y)) return set_errorf(exc::TypeError, "can't concat %T to %T", b, a);
  std::string copy(y);   // b may be a itself
  ByteArray* ba = as_ba(a);
  if (!ba_splice(ba, ba->size, ba->size, copy)) return nullptr;
  return borrow(a);
}

Ref<Object> bytearray_imul(Object* a, Object* b) {
  if (!bytearray_check(a)) return not_implemented();
  Ref<Object> r = bytes_mul(a, b);
  if (!r || r.get() == NotImplemented) return r;
  if (!ba_assign(as_ba(a), view_of(r.get()))) return nullptr;
  return borrow(a);
}

Ref<Object> ba_append(Object* self, Args args, size_t nargs, Tuple* kw) {
  if (!one_arg(self, "append", nargs, kw)) return nullptr;
  int b;
  if (!byte_value(args[0], &b)) return nullptr;
  ByteArray* ba = as_ba(self);
  if (!check_resizable(ba) || !ba_reserve(ba, ba->size + 1)) return nullptr;
  ba->data[ba->size++] = static_cast<char>(b);
  ba->data[ba->size] = '\0';
  return none();
}

Ref<Object> ba_extend(Object* self, Args args, size_t nargs, Tuple* kw) {
  if (!one_arg(self, "extend", nargs, kw)) return nullptr;
  if (str_check(args[0])) return set_error(exc::TypeError, "expected iterable of integers; got: 'str'");
  std::string data;
  if (!collect_bytes(args[0], &data)) {
    if (error_matches(exc::TypeError) && !args[0]->type->iter) {
      clear_error();
      return set_errorf(exc::TypeError, "can't extend bytearray with %T", args[0]);
    }
    return nullptr;
  }
  ByteArray* ba = as_ba(self);
  if (!ba_splice(ba, ba->size, ba->size, data)) return nullptr;
  return none();
}

Ref<Object> ba_pop(Object* self, Args args, size_t nargs, Tuple* kw) {
  if (kw && kw->size) return set_error(exc::TypeError, "bytearray.pop() takes no keyword arguments");
  if (!check_nargs("pop", nargs, 0, 1)) return nullptr;
  ByteArray* ba = as_ba(self);
  int64_t i = -1;
  if (nargs && !as_ssize(args[0], &i)) return nullptr;
  if (ba->size == 0) return set_error(exc::IndexError, "pop from empty bytearray");
  if (i < 0) i += static_cast<int64_t>(ba->size);
  if (i < 0 || i >= static_cast<int64_t>(ba->size)) return set_error(exc::IndexError, "pop index out of range");
  int v = static_cast<unsigned char>(ba->data[i]);
  if (!ba_splice(ba, static_cast<size_t>(i), static_cast<size_t>(i) + 1, {})) return nullptr;
  return int_from_i64(v);
}

Ref<Object> ba_insert(Object* self, Args args, size_t nargs, Tuple* kw) {
  if (kw && kw->size) return set_error(exc::TypeError, "bytearray.insert() takes no keyword arguments");
  if (!check_nargs("insert", nargs, 2, 2)) return nullptr;
  ByteArray* ba = as_ba(self);
  int64_t i;
  int b;
  if (!as_ssize(args[0], &i) || !byte_value(args[1], &b)) return nullptr;
  int64_t n = static_cast<int64_t>(ba->size);
  if (i < 0) { i += n; if (i < 0) i = 0; }
  if (i > n) i = n;
  char c = static_cast<char>(b);
  if (!ba_splice(ba, static_cast<size_t>(i), static_cast<size_t>(i), {&c, 1})) return nullptr;
  return none();
}

Ref<Object> ba_remove(Object* self, Args args, size_t nargs, Tuple* kw) {
  if (!one_arg(self, "remove", nargs, kw)) return nullptr;
  int b;
  if (!byte_value(args[0], &b)) return nullptr;
  ByteArray* ba = as_ba(self);
  const void* p = std::memchr(ba->data, b, ba->size);
  if (!ba->data || !p) return set_error(exc::ValueError, "value not found in bytearray");
  size_t i = static_cast<size_t>(static_cast<const char*>(p) - ba->data);
  if (!ba_splice(ba, i, i + 1, {})) return nullptr;
  return none();
}

Ref<Object> ba_clear(Object* self, Args, size_t nargs, Tuple* kw) {
  if (!no_args(self, "clear", nargs, kw)) return nullptr;
  ByteArray* ba = as_ba(self);
  if (ba->size != 0 && !check_resizable(ba)) return nullptr;
  ba->size = 0;
  if (ba->data) ba->data[0] = '\0';
  return none();
}

Ref<Object> ba_copy(Object* self, Args, size_t nargs, Tuple* kw) {
  if (!no_args(self, "copy", nargs, kw)) return nullptr;
  return bytearray_from(as_ba(self)->view());
}

Ref<Object> ba_reverse(Object* self, Args, size_t nargs, Tuple* kw) {
  if (!no_args(self, "reverse", nargs, kw)) return nullptr;
  ByteArray* ba = as_ba(self);
  if (ba->data) std::reverse(ba->data, ba->data + ba->size);
  return none();
}

// Runs a method and turns std::bad_alloc from its std::string/vector
// buffers into MemoryError, so no C++ exception leaves the runtime.
template <MethodFn F>
Ref<Object> guarded(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  try {
    return F(self, args, nargs, kwnames);
  } catch (const std::bad_alloc&) {
    return no_memory_error();
  }
}

#define COMMON_BYTES_METHODS                                  \
  {"decode", guarded<b_decode>},                                       \
  {"hex", guarded<b_hex>},                                             \
  {"fromhex", guarded<b_fromhex>, MethodKind::Class},                  \
  {"split", guarded<b_split>}, {"rsplit", guarded<b_rsplit>},                   \
  {"splitlines", guarded<b_splitlines>}, {"join", guarded<b_join>},             \
  {"strip", guarded<b_strip>}, {"lstrip", guarded<b_lstrip>},                   \
  {"rstrip", guarded<b_rstrip>}, {"replace", guarded<b_replace>},               \
  {"startswith", guarded<b_startswith>}, {"endswith", guarded<b_endswith>},     \
  {"find", guarded<b_find>}, {"rfind", guarded<b_rfind>},                       \
  {"index", guarded<b_index>}, {"rindex", guarded<b_rindex>},                   \
  {"count", guarded<b_count>}, {"upper", guarded<b_upper>},                     \
  {"lower", guarded<b_lower>}, {"capitalize", guarded<b_capitalize>},           \
  {"title", guarded<b_title>}, {"swapcase", guarded<b_swapcase>},               \
  {"isdigit", guarded<b_isdigit>}, {"isalpha", guarded<b_isalpha>},             \
  {"isalnum", guarded<b_isalnum>}, {"isspace", guarded<b_isspace>},             \
  {"isupper", guarded<b_isupper>}, {"islower", guarded<b_islower>},             \
  {"istitle", guarded<b_istitle>}, {"isascii", guarded<b_isascii>},             \
  {"partition", guarded<b_partition>}, {"rpartition", guarded<b_rpartition>},   \
  {"center", guarded<b_center>}, {"ljust", guarded<b_ljust>},                   \
  {"rjust", guarded<b_rjust>}, {"zfill", guarded<b_zfill>},                     \
  {"removeprefix", guarded<b_removeprefix>},                           \
  {"removesuffix", guarded<b_removesuffix>},                           \
  {"maketrans", guarded<b_maketrans>, MethodKind::Class},              \
  {"translate", guarded<b_translate>},                                 \
  {"expandtabs", guarded<b_expandtabs>}

const MethodDef bytes_methods[] = {
    COMMON_BYTES_METHODS,
    {"__getnewargs__", guarded<b_getnewargs>},
    {nullptr, nullptr},
};

const MethodDef bytearray_methods[] = {
    COMMON_BYTES_METHODS,
    {"append", guarded<ba_append>},
    {"extend", guarded<ba_extend>},
    {"pop", guarded<ba_pop>},
    {"insert", guarded<ba_insert>},
    {"remove", guarded<ba_remove>},
    {"clear", guarded<ba_clear>},
    {"copy", guarded<ba_copy>},
    {"reverse", guarded<ba_reverse>},
    {nullptr, nullptr},
};

#undef COMMON_BYTES_METHODS

void init_iter_type(TypeObject& it, const char* name) {
  it.type = &TypeType;
  it.name = name;
  it.basic_size = sizeof(BytesIter);
  it.base = &ObjectType;
  it.flags = kHaveGC;
  it.dealloc = bytesiter_dealloc;
  it.traverse = bytesiter_traverse;
  it.iter = bytesiter_self;
  it.iternext = bytesiter_next;
  it.methods = bytesiter_methods;
  type_ready(&it);
}

}  // namespace

void init_bytes_type() {
  TypeObject& t = BytesType;
  t.type = &TypeType;
  t.name = "bytes";
  t.doc = "bytes(iterable_of_ints) -> bytes\nbytes(string, encoding[, errors]) -> bytes";
  t.flags = kBaseType | kBytesSubclass;
  t.basic_size = sizeof(Bytes);
  t.item_size = 1;
  t.base = &ObjectType;
  t.dealloc = bytes_dealloc;
  t.repr = bytes_repr;
  t.str = bytes_repr;
  t.hash = bytes_hash;
  t.richcompare = bytes_richcompare;
  t.iter = bytes_iter;
  t.new_ = bytes_new;
  t.nb_binary[static_cast<int>(BinaryOp::Add)] = bytes_add;
  t.nb_binary[static_cast<int>(BinaryOp::Mul)] = bytes_mul;
  t.nb_binary[static_cast<int>(BinaryOp::Remainder)] = bytes_mod;
  t.sq_length = bytes_length;
  t.mp_subscript = subscript_impl;
  t.sq_contains = bytes_contains;
  t.methods = bytes_methods;
  init_iter_type(BytesIterType, "bytes_iterator");
}

void init_bytearray_type() {
  TypeObject& t = ByteArrayType;
  t.type = &TypeType;
  t.name = "bytearray";
  t.doc = "bytearray(iterable_of_ints) -> bytearray";
  t.flags = kBaseType;
  t.basic_size = sizeof(ByteArray);
  t.base = &ObjectType;
  t.dealloc = bytearray_dealloc;
  t.repr = bytearray_repr;
  t.str = bytearray_repr;
  t.hash = hash_not_implemented;
  t.richcompare = bytes_richcompare;
  t.iter = bytearray_iter;
  t.new_ = bytearray_new;
  t.init = bytearray_init;
  t.nb_binary[static_cast<int>(BinaryOp::Add)] = bytes_add;
  t.nb_binary[static_cast<int>(BinaryOp::Remainder)] = bytes_mod;
  t.nb_binary[static_cast<int>(BinaryOp::Mul)] = bytes_mul;
  t.nb_inplace[static_cast<int>(BinaryOp::Add)] = bytearray_iadd;
  t.nb_inplace[static_cast<int>(BinaryOp::Mul)] = bytearray_imul;
  t.sq_length = bytes_length;
  t.mp_subscript = subscript_impl;
  t.mp_ass_subscript = bytearray_ass_subscript;
  t.sq_contains = bytes_contains;
  t.methods = bytearray_methods;
  init_iter_type(ByteArrayIterType, "bytearray_iterator");
}

}  // namespace coil::runtime
