// str.cpp — the str type: immutable Unicode text stored as UTF-8.
//
// LAYOUT.  A str is one allocation: the header, the cached hash, the length
// in code points, the size in bytes, two flags and then the UTF-8 bytes
// themselves (NUL-terminated, so C APIs can read them).  CPython 3.11 uses
// PEP 393's fixed-width storage (1, 2 or 4 bytes per character) so that
// s[i] is O(1) for every string.  coil stores UTF-8 instead, because:
//   * almost all strings a program touches are ASCII, and for them UTF-8 IS
//     the fixed-width Latin-1 layout: the `ascii` flag says so and every
//     index operation takes an O(1) path;
//   * output, file I/O, the lexer and std::string_view all speak UTF-8, so
//     printing and hashing never convert;
//   * comparing two UTF-8 strings with memcmp orders them by code point,
//     exactly as Python does.
// The price is that indexing a non-ASCII string walks the bytes (O(n));
// iteration keeps a byte cursor, so `for ch in s` stays O(n) overall.
//
// IDENTITY.  As in CPython: the empty string and the 256 one-character
// Latin-1 strings are singletons created on first use ('abc'[0] is 'a'),
// and intern() keeps one canonical object per value for identifiers and
// constants, which the compiler asks for; strings built at run time are not
// interned (''.join(['a', 'b']) is not 'ab').  Interned strings are
// immortal here (CPython 3.11 lets them die; nothing observable depends on
// it except memory use).
//
// HASH.  A 64-bit multiply-mix over 8-byte words (in the spirit of wyhash),
// computed on first use and cached.  Like CPython's with hash randomisation
// off... except it is NOT CPython's SipHash, so hash('a') differs from
// CPython's; programs must not print str hashes (they vary per run in
// CPython anyway).
#include "runtime/str.h"

#include <algorithm>
#include <climits>
#include <cstring>
#include <new>
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
#include "runtime/names.h"
#include "runtime/sequtil.h"
#include "runtime/singletons.h"
#include "runtime/slice.h"
#include "runtime/tuple.h"
#include "runtime/type.h"
#include "runtime/unicode.h"

namespace coil::runtime {

TypeObject StrType;
TypeObject StrIterType;
// CPython 3.11 names the iterator of an ASCII string differently
// (str_ascii_iterator); the behaviour is the same.
static TypeObject StrAsciiIterType;

namespace {

namespace uc = unicode;

inline Str* as_str(Object* o) { return static_cast<Str*>(o); }

Str* g_empty = nullptr;            // '' (immortal)
Str* g_latin1[256] = {};           // one-character strings U+0000..U+00FF (immortal)

}  // namespace

bool str_check(const Object* o) {
  return o->type == &StrType || type_has(o->type, kStrSubclass);
}

// ---- allocation -----------------------------------------------------------------

Ref<Str> str_alloc_type(TypeObject* type, size_t size, int64_t length, bool ascii) {
  if (size > static_cast<size_t>(INT64_MAX) - sizeof(Str) - 64) {
    no_memory();
    return nullptr;
  }
  // data[1] in the struct already holds the NUL.
  Str* s = alloc_instance<Str>(type, &StrType, size);
  if (!s) return nullptr;
  s->size = static_cast<int64_t>(size);
  s->length = length;
  s->ascii = ascii;
  s->data[size] = '\0';
  return steal(s);
}

Ref<Str> str_alloc(size_t size, int64_t length, bool ascii) {
  if (size > static_cast<size_t>(INT64_MAX) - sizeof(Str) - 64) {
    no_memory();
    return nullptr;
  }
  Str* s = alloc<Str>(&StrType, size);
  if (!s) return nullptr;
  s->size = static_cast<int64_t>(size);
  s->length = length;
  s->ascii = ascii;
  s->data[size] = '\0';
  return steal(s);
}

namespace {

// Makes an immortal string: one reference for the cache that is never dropped.
Str* make_immortal(std::string_view utf8, int64_t length, bool ascii) {
  Ref<Str> s = str_alloc(utf8.size(), length, ascii);
  if (!s) return nullptr;
  if (!utf8.empty()) std::memcpy(s->data, utf8.data(), utf8.size());
  s->interned = true;   // it is the canonical object for its value
  return s.release();
}

Str* latin1_char(uint32_t cp) {
  Str*& slot = g_latin1[cp];
  if (!slot) {
    char buf[4];
    size_t n = uc::encode_utf8(cp, buf);
    slot = make_immortal({buf, n}, 1, cp < 0x80);
  }
  return slot;
}

// A string with known length/ascii, using the singletons where they apply.
Ref<Str> make_str(std::string_view utf8, int64_t length, bool ascii) {
  if (length <= 1) {
    if (length == 0) return str_empty();
    const char* p = utf8.data();
    uint32_t cp = uc::decode_utf8(p);
    if (cp < 256) {
      Str* c = latin1_char(cp);
      return c ? borrow(c) : nullptr;
    }
  }
  Ref<Str> s = str_alloc(utf8.size(), length, ascii);
  if (!s) return nullptr;
  if (!utf8.empty()) std::memcpy(s->data, utf8.data(), utf8.size());
  return s;
}

}  // namespace

Ref<Str> str_empty() {
  if (!g_empty) g_empty = make_immortal({}, 0, true);
  return borrow(g_empty);
}

Ref<Str> str_from(std::string_view utf8) {
  if (uc::is_ascii(utf8.data(), utf8.size()))
    return make_str(utf8, static_cast<int64_t>(utf8.size()), true);
  return make_str(utf8, uc::utf8_count(utf8.data(), utf8.size()), false);
}

Ref<Str> str_from_ascii(std::string_view ascii) {
  return make_str(ascii, static_cast<int64_t>(ascii.size()), true);
}

Ref<Str> str_from_latin1(std::string_view latin1) {
  if (uc::is_ascii(latin1.data(), latin1.size())) return str_from_ascii(latin1);
  size_t size = 0;
  for (unsigned char c : latin1) size += c < 0x80 ? 1 : 2;
  if (latin1.size() == 1) return str_from_char32(static_cast<unsigned char>(latin1[0]));
  Ref<Str> s = str_alloc(size, static_cast<int64_t>(latin1.size()), false);
  if (!s) return nullptr;
  char* out = s->data;
  for (unsigned char c : latin1) out += uc::encode_utf8(c, out);
  return s;
}

Ref<Str> str_from_char32(uint32_t cp) {
  if (cp < 256) {
    Str* c = latin1_char(cp);
    return c ? borrow(c) : nullptr;
  }
  char buf[4];
  size_t n = uc::encode_utf8(cp, buf);
  Ref<Str> s = str_alloc(n, 1, false);
  if (!s) return nullptr;
  std::memcpy(s->data, buf, n);
  return s;
}

// ---- hashing and interning ----------------------------------------------------------

int64_t hash_bytes(const void* data, size_t n) {
  // Multiply-mix over 8-byte words, then a splitmix64 finaliser.  Fast on
  // short identifiers (the common dict key) and well distributed.
  // The empty string hashes to 0, as in CPython (so hash('') == 0 and the
  // hash of a tuple holding '' is deterministic).
  if (n == 0) return 0;
  const auto* p = static_cast<const unsigned char*>(data);
  uint64_t h = 0x9E3779B97F4A7C15ull ^ (n * 0xC2B2AE3D27D4EB4Full);
  constexpr uint64_t k = 0xFF51AFD7ED558CCDull;
  while (n >= 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    h = (h ^ w) * k;
    h ^= h >> 32;
    p += 8;
    n -= 8;
  }
  if (n) {
    uint64_t w = 0;
    std::memcpy(&w, p, n);
    h = (h ^ w) * k;
    h ^= h >> 32;
  }
  h ^= h >> 30; h *= 0xBF58476D1CE4E5B9ull;
  h ^= h >> 27; h *= 0x94D049BB133111EBull;
  h ^= h >> 31;
  auto r = static_cast<int64_t>(h);
  return r == -1 ? -2 : r;   // -1 means "error" in the hash slot convention
}

int64_t str_hash(Str* s) {
  if (s->hash == -1) s->hash = hash_bytes(s->data, static_cast<size_t>(s->size));
  return s->hash;
}

bool str_equal(Str* a, Str* b) {
  if (a == b) return true;
  if (a->size != b->size) return false;
  if (a->hash != -1 && b->hash != -1 && a->hash != b->hash) return false;
  return std::memcmp(a->data, b->data, static_cast<size_t>(a->size)) == 0;
}

int str_compare(Str* a, Str* b) {
  size_t n = static_cast<size_t>(std::min(a->size, b->size));
  int c = std::memcmp(a->data, b->data, n);
  if (c != 0) return c < 0 ? -1 : 1;
  return a->size < b->size ? -1 : a->size > b->size ? 1 : 0;
}

namespace {

// The intern table: an open-addressing hash set of immortal Str*, probed
// linearly and kept at most half full.  Lookups by string_view hash the
// text once and compare bytes only on a hash match.
struct InternTable {
  std::vector<Str*> slots;
  size_t used = 0;

  size_t find_slot(std::string_view text, int64_t h) const {
    size_t mask = slots.size() - 1;
    size_t i = static_cast<size_t>(h) & mask;
    while (Str* s = slots[i]) {
      if (s->hash == h && s->view() == text) return i;
      i = (i + 1) & mask;
    }
    return i;
  }

  void grow() {
    std::vector<Str*> old = std::move(slots);
    slots.assign(old.empty() ? 1024 : old.size() * 2, nullptr);
    for (Str* s : old)
      if (s) slots[find_slot(s->view(), s->hash)] = s;
  }
};

InternTable& intern_table() {
  static InternTable* t = new InternTable();  // never destroyed: strings are immortal
  return *t;
}

// Single-character Latin-1 text and '' intern to the cached singletons.
Str* intern_small(std::string_view text) {
  if (text.empty()) return str_empty().get();
  if (text.size() <= 2) {
    const char* p = text.data();
    uint32_t cp = uc::decode_utf8(p);
    if (p == text.data() + text.size() && cp < 256) return latin1_char(cp);
  }
  return nullptr;
}

}  // namespace

Str* intern(std::string_view text) {
  if (Str* s = intern_small(text)) return s;
  InternTable& t = intern_table();
  if (t.slots.empty() || 2 * (t.used + 1) > t.slots.size()) t.grow();
  int64_t h = hash_bytes(text.data(), text.size());
  size_t i = t.find_slot(text, h);
  if (t.slots[i]) return t.slots[i];
  Ref<Str> s = str_from(text);
  if (!s) return nullptr;
  s->hash = h;
  s->interned = true;
  t.slots[i] = s.release();   // the table's reference, never dropped
  ++t.used;
  return t.slots[i];
}

Ref<Str> intern_str(Ref<Str> s) {
  if (s->interned && str_check_exact(s.get())) return s;
  if (!str_check_exact(s.get())) return borrow(intern(s->view()));  // subclasses: canonical exact copy
  if (Str* small = intern_small(s->view())) return borrow(small);
  InternTable& t = intern_table();
  if (t.slots.empty() || 2 * (t.used + 1) > t.slots.size()) t.grow();
  int64_t h = str_hash(s.get());
  size_t i = t.find_slot(s->view(), h);
  if (t.slots[i]) return borrow(t.slots[i]);
  s->interned = true;
  incref(s.get());            // the table's reference
  t.slots[i] = s.get();
  ++t.used;
  return s;
}

// ---- indexing helpers ------------------------------------------------------------------

size_t str_byte_offset(const Str* s, int64_t index) {
  if (s->ascii) return static_cast<size_t>(index);
  if (index >= s->length) return static_cast<size_t>(s->size);
  const char* p = s->data;
  // Skip code points by their lead bytes.
  for (int64_t i = 0; i < index; ++i) p += uc::utf8_seq_length(static_cast<unsigned char>(*p));
  return static_cast<size_t>(p - s->data);
}

namespace {

// Code-point index of byte offset `byte` (at a code-point boundary).
int64_t cp_index(const Str* s, size_t byte) {
  if (s->ascii) return static_cast<int64_t>(byte);
  return uc::utf8_count(s->data, byte);
}

uint32_t cp_at_byte(const Str* s, size_t byte) {
  const char* p = s->data + byte;
  return uc::decode_utf8(p);
}

// The substring of bytes [b, e) of s (on code-point boundaries).
Ref<Str> substr_bytes(const Str* s, size_t b, size_t e) {
  std::string_view v(s->data + b, e - b);
  if (s->ascii) return make_str(v, static_cast<int64_t>(v.size()), true);
  return str_from(v);
}

// Returns `s` itself when the result equals it and s is an exact str
// (CPython returns the same object from e.g. 'abc'.strip()).
Ref<Object> self_or_copy(Str* s) {
  if (str_check_exact(s)) return borrow<Object>(s);
  return make_str(s->view(), s->length, s->ascii);
}

}  // namespace

Ref<Object> str_getitem_index(Str* s, int64_t i) {
  if (i < 0) i += s->length;
  if (i < 0 || i >= s->length) return set_error(exc::IndexError, "string index out of range");
  if (s->ascii) return borrow<Object>(latin1_char(static_cast<unsigned char>(s->data[i])));
  size_t b = str_byte_offset(s, i);
  return str_from_char32(cp_at_byte(s, b));
}

// ---- repr -------------------------------------------------------------------------------

namespace {

const char kHex[] = "0123456789abcdef";

void append_escape(std::string& out, uint32_t cp) {
  if (cp <= 0xFF) {
    out += "\\x";
    out += kHex[cp >> 4];
    out += kHex[cp & 15];
  } else if (cp <= 0xFFFF) {
    out += "\\u";
    for (int sh = 12; sh >= 0; sh -= 4) out += kHex[(cp >> sh) & 15];
  } else {
    out += "\\U";
    for (int sh = 28; sh >= 0; sh -= 4) out += kHex[(cp >> sh) & 15];
  }
}

// CPython's unicode_repr: single quotes unless the text has ' and no ".
std::string repr_impl(std::string_view text, bool ascii_only) {
  bool has_single = text.find('\'') != std::string_view::npos;
  bool has_double = text.find('"') != std::string_view::npos;
  char quote = (has_single && !has_double) ? '"' : '\'';
  std::string out;
  out.reserve(text.size() + 2);
  out += quote;
  const char* p = text.data();
  const char* end = p + text.size();
  while (p < end) {
    auto c = static_cast<unsigned char>(*p);
    if (c < 0x80) {
      ++p;
      if (c == static_cast<unsigned char>(quote) || c == '\\') { out += '\\'; out += static_cast<char>(c); }
      else if (c == '\t') out += "\\t";
      else if (c == '\n') out += "\\n";
      else if (c == '\r') out += "\\r";
      else if (c < 0x20 || c == 0x7F) append_escape(out, c);
      else out += static_cast<char>(c);
      continue;
    }
    const char* start = p;
    uint32_t cp = uc::decode_utf8(p);
    if (ascii_only || !uc::is_printable(cp)) append_escape(out, cp);
    else out.append(start, static_cast<size_t>(p - start));
  }
  out += quote;
  return out;
}

}  // namespace

std::string str_repr_utf8(std::string_view utf8) { return repr_impl(utf8, false); }
std::string str_ascii_repr_utf8(std::string_view utf8) { return repr_impl(utf8, true); }

Ref<Object> str_repr(Str* s) {
  std::string r = repr_impl(s->view(), false);
  // The repr of an ASCII string is ASCII; otherwise the length follows the
  // source's extra characters (escapes are ASCII).
  if (s->ascii) return make_str(r, static_cast<int64_t>(r.size()), true);
  return str_from(r);
}

// ---- concatenation and joining -------------------------------------------------------

Ref<Str> str_concat(Str* a, Str* b) {
  if (a->size == 0 && str_check_exact(b)) return borrow(b);
  if (b->size == 0 && str_check_exact(a)) return borrow(a);
  size_t n = static_cast<size_t>(a->size + b->size);
  Ref<Str> r = str_alloc(n, a->length + b->length, a->ascii && b->ascii);
  if (!r) return nullptr;
  std::memcpy(r->data, a->data, static_cast<size_t>(a->size));
  std::memcpy(r->data + a->size, b->data, static_cast<size_t>(b->size));
  return r;
}

namespace {

// Joins `n` items (already checked to be str) with `sep` (may be null).
Ref<Object> join_checked(Str* sep, Object* const* items, size_t n) {
  if (n == 0) return str_empty();
  if (n == 1 && str_check_exact(items[0])) return borrow(items[0]);
  size_t size = 0;
  int64_t length = 0;
  bool ascii = true;
  for (size_t i = 0; i < n; ++i) {
    Str* s = as_str(items[i]);
    size += static_cast<size_t>(s->size);
    length += s->length;
    ascii = ascii && s->ascii;
  }
  if (sep && n > 1) {
    size += static_cast<size_t>(sep->size) * (n - 1);
    length += sep->length * static_cast<int64_t>(n - 1);
    ascii = ascii && sep->ascii;
  }
  Ref<Str> r = str_alloc(size, length, ascii);
  if (!r) return nullptr;
  char* out = r->data;
  size_t seplen = sep ? static_cast<size_t>(sep->size) : 0;
  for (size_t i = 0; i < n; ++i) {
    if (i && seplen) { std::memcpy(out, sep->data, seplen); out += seplen; }
    Str* s = as_str(items[i]);
    std::memcpy(out, s->data, static_cast<size_t>(s->size));
    out += s->size;
  }
  // '' and one-character results are the cached singletons.
  if (length <= 1) return make_str(r->view(), length, ascii);
  return r;
}

}  // namespace

Ref<Object> str_join_array(Object* const* items, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    if (!str_check(items[i]))
      return set_errorf(exc::TypeError, "sequence item %zd: expected str instance, %T found",
                        static_cast<ssize_t>(i), items[i]);
  }
  return join_checked(nullptr, items, n);
}

Ref<Object> str_join(Str* sep, Object* iterable) {
  // Like PySequence_Fast: lists and tuples are read in place, any other
  // iterable is collected into a list first.
  Ref<Object> seq;
  Object* const* items;
  size_t n;
  if (iterable->type == &ListType) {
    seq = borrow(iterable);
  } else if (tuple_check(iterable)) {
    seq = borrow(iterable);
  } else {
    if (!iterable->type->iter && !type_lookup(iterable->type, names::__getitem__)) {
      return set_error(exc::TypeError, "can only join an iterable");
    }
    seq = sequence_to_list(iterable);
    if (!seq) {
      if (error_matches(exc::TypeError) && !iterable->type->iter) {
        clear_error();
        return set_error(exc::TypeError, "can only join an iterable");
      }
      return nullptr;
    }
  }
  if (seq->type == &ListType || list_check(seq.get())) {
    auto* l = static_cast<List*>(seq.get());
    items = l->items;
    n = l->size;
  } else {
    auto* t = static_cast<Tuple*>(seq.get());
    items = t->items;
    n = t->size;
  }
  for (size_t i = 0; i < n; ++i) {
    if (!str_check(items[i]))
      return set_errorf(exc::TypeError, "sequence item %zd: expected str instance, %T found",
                        static_cast<ssize_t>(i), items[i]);
  }
  return join_checked(sep, items, n);
}

// ---- slots ------------------------------------------------------------------------------

namespace {

void str_dealloc(Object* self) { destroy_object(as_str(self)); }

Ref<Object> str_repr_slot(Object* self) { return str_repr(as_str(self)); }

// str(s): the same object for an exact str, an exact copy for a subclass.
Ref<Object> str_str_slot(Object* self) { return self_or_copy(as_str(self)); }

int64_t str_hash_slot(Object* self) { return str_hash(as_str(self)); }

Ref<Object> str_richcompare(Object* a, Object* b, CompareOp op) {
  if (!str_check(a) || !str_check(b)) return not_implemented();
  Str* x = as_str(a);
  Str* y = as_str(b);
  switch (op) {
    case CompareOp::Eq: return new_bool(str_equal(x, y));
    case CompareOp::Ne: return new_bool(!str_equal(x, y));
    case CompareOp::Lt: return new_bool(str_compare(x, y) < 0);
    case CompareOp::Le: return new_bool(str_compare(x, y) <= 0);
    case CompareOp::Gt: return new_bool(str_compare(x, y) > 0);
    case CompareOp::Ge: return new_bool(str_compare(x, y) >= 0);
  }
  return not_implemented();
}

// True when `o`'s type might still handle the operator itself (a class
// with its own __radd__ ...); built-in types never handle str operands, so
// for them we raise CPython's sequence message at once.
bool other_may_handle(Object* o, BinaryOp op) {
  return type_has(o->type, kHeapType) && o->type->nb_binary[static_cast<int>(op)] != nullptr;
}

Ref<Object> str_add(Object* a, Object* b) {
  if (!str_check(a)) return not_implemented();
  if (!str_check(b)) {
    if (other_may_handle(b, BinaryOp::Add)) return not_implemented();
    return set_errorf(exc::TypeError, "can only concatenate str (not \"%T\") to str", b);
  }
  return str_concat(as_str(a), as_str(b));
}

Ref<Object> str_repeat(Str* s, int64_t n) {
  if (n <= 0 || s->size == 0) return str_empty();
  if (n == 1 && str_check_exact(s)) return borrow<Object>(s);
  if (s->size > INT64_MAX / n) return set_error(exc::OverflowError, "repeated string is too long");
  size_t unit = static_cast<size_t>(s->size);
  size_t total = unit * static_cast<size_t>(n);
  Ref<Str> r = str_alloc(total, s->length * n, s->ascii);
  if (!r) return nullptr;
  if (unit == 1) {
    std::memset(r->data, s->data[0], total);
  } else {
    // Doubling copies: O(log n) memcpy calls.
    std::memcpy(r->data, s->data, unit);
    size_t done = unit;
    while (done < total) {
      size_t chunk = std::min(done, total - done);
      std::memcpy(r->data + done, r->data, chunk);
      done += chunk;
    }
  }
  return r;
}

Ref<Object> str_mul(Object* a, Object* b) {
  Object* s = str_check(a) ? a : b;
  Object* n = s == a ? b : a;
  if (!str_check(s)) return not_implemented();
  if (!n->type->nb_index) {
    if (s == b && str_check(a)) {
      // 'a' * 'b' reaches here with both str: CPython's message names str.
    }
    if (other_may_handle(n, BinaryOp::Mul)) return not_implemented();
    return set_errorf(exc::TypeError, "can't multiply sequence by non-int of type '%T'", n);
  }
  int64_t count;
  Ref<Object> idx = index(n);
  if (!idx) return nullptr;
  if (!int_fits_i64(idx.get(), &count)) {
    if (int_sign(idx.get()) < 0) return str_empty();
    return set_errorf(exc::OverflowError, "cannot fit 'int' into an index-sized integer");
  }
  return str_repeat(as_str(s), count);
}

Ref<Object> str_mod(Object* a, Object* b) {
  if (!str_check(a)) return not_implemented();
  return str_percent_format(as_str(a), b);
}

int64_t str_length(Object* self) { return as_str(self)->length; }

Ref<Object> str_slice(Str* s, Object* slice) {
  int64_t start, stop, step, n;
  if (!slice_unpack(slice, s->length, &start, &stop, &step, &n)) return nullptr;
  if (n <= 0) return str_empty();
  if (step == 1) {
    if (n == s->length && str_check_exact(s)) return borrow<Object>(s);
    if (s->ascii) return make_str({s->data + start, static_cast<size_t>(n)}, n, true);
    size_t b = str_byte_offset(s, start);
    const char* p = s->data + b;
    for (int64_t i = 0; i < n; ++i) p += uc::utf8_seq_length(static_cast<unsigned char>(*p));
    return make_str({s->data + b, static_cast<size_t>(p - (s->data + b))}, n, false);
  }
  if (s->ascii) {
    Ref<Str> r = str_alloc(static_cast<size_t>(n), n, true);
    if (!r) return nullptr;
    for (int64_t i = 0, j = start; i < n; ++i, j += step) r->data[i] = s->data[j];
    if (n == 1) return make_str(r->view(), 1, true);
    return r;
  }
  // Non-ASCII with a step: decode once into code points, then pick.
  std::vector<uint32_t> cps;
  cps.reserve(static_cast<size_t>(s->length));
  for (const char* p = s->data; p < s->data + s->size;) cps.push_back(uc::decode_utf8(p));
  std::string out;
  for (int64_t i = 0, j = start; i < n; ++i, j += step) uc::append_utf8(out, cps[static_cast<size_t>(j)]);
  return make_str(out, n, uc::is_ascii(out.data(), out.size()));
}

Ref<Object> str_subscript(Object* self, Object* key) {
  Str* s = as_str(self);
  if (int_check(key)) {
    int64_t i;
    if (!int_fits_i64(key, &i)) {
      return set_errorf(exc::IndexError, "cannot fit 'int' into an index-sized integer");
    }
    return str_getitem_index(s, i);
  }
  if (slice_check(key)) return str_slice(s, key);
  if (key->type->nb_index) {
    int64_t i;
    if (!seq_index_arg(key, "string", &i)) return nullptr;
    return str_getitem_index(s, i);
  }
  return set_errorf(exc::TypeError, "string indices must be integers, not '%T'", key);
}

// Byte-level substring search (UTF-8 is self-synchronising, so a byte
// match is always a code-point match).  Returns npos when absent.
size_t find_bytes(std::string_view hay, std::string_view needle, size_t from = 0) {
  if (needle.size() == 1) {
    if (from >= hay.size()) return std::string_view::npos;
    const void* r = std::memchr(hay.data() + from, needle[0], hay.size() - from);
    return r ? static_cast<size_t>(static_cast<const char*>(r) - hay.data()) : std::string_view::npos;
  }
  if (needle.empty()) return from <= hay.size() ? from : std::string_view::npos;
  if (from > hay.size() || hay.size() - from < needle.size()) return std::string_view::npos;
  const void* r = memmem(hay.data() + from, hay.size() - from, needle.data(), needle.size());
  return r ? static_cast<size_t>(static_cast<const char*>(r) - hay.data()) : std::string_view::npos;
}

int str_contains(Object* self, Object* item) {
  if (!str_check(item)) {
    set_errorf(exc::TypeError, "'in <string>' requires string as left operand, not %T", item);
    return -1;
  }
  return find_bytes(as_str(self)->view(), as_str(item)->view()) != std::string_view::npos;
}

}  // namespace

// ---- the str iterator ------------------------------------------------------------------

namespace {

struct StrIter : Object {
  Str* str = nullptr;   // strong; null once exhausted
  size_t pos = 0;       // byte offset of the next character
  int64_t index = 0;    // code-point index of the next character
};

void striter_dealloc(Object* self) {
  auto* it = static_cast<StrIter*>(self);
  xdecref(it->str);
  destroy_object(it);
}

Ref<Object> striter_self(Object* self) { return borrow(self); }

// The iterated str may be an instance of a str subclass whose __dict__
// refers back to the iterator, so the iterator is a container for the
// cycle collector.  Clearing it makes it exhausted.
void striter_traverse(Object* self, VisitFn visit, void* arg) {
  auto* it = static_cast<StrIter*>(self);
  if (it->str) visit(it->str, arg);
}

void striter_clear(Object* self) {
  auto* it = static_cast<StrIter*>(self);
  Str* s = it->str;
  it->str = nullptr;
  xdecref(s);
}

Ref<Object> striter_next(Object* self) {
  auto* it = static_cast<StrIter*>(self);
  Str* s = it->str;
  if (!s) return nullptr;
  if (it->pos < static_cast<size_t>(s->size)) {
    const char* p = s->data + it->pos;
    uint32_t cp = uc::decode_utf8(p);
    it->pos = static_cast<size_t>(p - s->data);
    ++it->index;
    return str_from_char32(cp);
  }
  it->str = nullptr;
  decref(s);
  return nullptr;
}

Ref<Object> striter_length_hint(Object* self, Object* const*, size_t, Tuple*) {
  auto* it = static_cast<StrIter*>(self);
  return int_from_i64(it->str ? it->str->length - it->index : 0);
}

const MethodDef striter_methods[] = {
    {"__length_hint__", striter_length_hint},
    {nullptr, nullptr},
};

Ref<Object> str_iter(Object* self) {
  auto* it = alloc<StrIter>(as_str(self)->ascii ? &StrAsciiIterType : &StrIterType);
  if (!it) return nullptr;
  incref(self);
  it->str = as_str(self);
  return steal<Object>(it);
}

}  // namespace

// ---- str() ------------------------------------------------------------------------------

namespace {

// Copies an exact str into an instance of the subclass `type`.
Ref<Object> str_subtype_copy(TypeObject* type, Str* s) {
  Ref<Str> r = str_alloc_type(type, static_cast<size_t>(s->size), s->length, s->ascii);
  if (!r) return nullptr;
  std::memcpy(r->data, s->data, static_cast<size_t>(s->size));
  return r;
}

// Reads an optional str argument named `what` of function `fname`
// ("str() argument 'encoding' must be str, not int").
bool opt_cstr_arg(Object* o, const char* fname, const char* what, std::string* out, bool* given) {
  *given = false;
  if (!o) return true;
  if (!str_check(o)) {
    set_errorf(exc::TypeError, "%s argument '%s' must be str, not %T", fname, what, o);
    return false;
  }
  *out = std::string(str_view(o));
  *given = true;
  return true;
}

Ref<Object> str_new_slot(TypeObject* type, Object* const* args, size_t nargs, Tuple* kwnames) {
  Object* a[3] = {};
  static const ArgSpec spec{"str", {"object", "encoding", "errors"}, 0, 0};
  if (!bind_args(spec, args, nargs, kwnames, a)) return nullptr;
  Ref<Object> result;
  if (!a[0]) {
    result = str_empty();
  } else if (a[1] || a[2]) {
    std::string enc = "utf-8", errs = "strict";
    bool g1, g2;
    if (!opt_cstr_arg(a[1], "str()", "encoding", &enc, &g1)) return nullptr;
    if (!opt_cstr_arg(a[2], "str()", "errors", &errs, &g2)) return nullptr;
    if (str_check(a[0])) return set_error(exc::TypeError, "decoding str is not supported");
    std::string_view data;
    if (!bytes_like_view(a[0], &data)) {
      return set_errorf(exc::TypeError, "decoding to str: need a bytes-like object, %T found", a[0]);
    }
    result = codec_decode(data, enc.c_str(), errs.c_str());
  } else {
    result = str(a[0]);
  }
  if (!result || type == &StrType) return result;
  return str_subtype_copy(type, as_str(result.get()));
}

}  // namespace

// ---- methods: argument helpers ------------------------------------------------------

namespace {

using Args = Object* const*;

bool no_args(const char* name, size_t nargs, Tuple* kwnames) {
  if (kwnames && kwnames->size) {
    set_errorf(exc::TypeError, "str.%s() takes no keyword arguments", name);
    return false;
  }
  if (nargs) {
    set_errorf(exc::TypeError, "str.%s() takes no arguments (%zd given)", name, static_cast<ssize_t>(nargs));
    return false;
  }
  return true;
}

bool one_arg(const char* name, size_t nargs, Tuple* kwnames) {
  if (kwnames && kwnames->size) {
    set_errorf(exc::TypeError, "str.%s() takes no keyword arguments", name);
    return false;
  }
  if (nargs != 1) {
    set_errorf(exc::TypeError, "str.%s() takes exactly one argument (%zd given)", name, static_cast<ssize_t>(nargs));
    return false;
  }
  return true;
}

// The "find() takes at least 1 argument (0 given)" family (stringlib's
// parse_args_finds wording).
bool finds_nargs(const char* name, size_t nargs, Tuple* kwnames) {
  if (kwnames && kwnames->size) {
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

// A start/end argument: None or an __index__ integer, clamped like
// _PyEval_SliceIndex.
bool slice_bound(Object* o, int64_t* out) {
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

// Resolves optional start/end to a code-point range clamped to [0, len]
// (ADJUST_INDICES); *empty is set when start > len (nothing can match,
// not even '').
bool resolve_range(Str* s, Object* so, Object* eo, int64_t* start, int64_t* end) {
  *start = 0;
  *end = INT64_MAX;
  if (!slice_bound(so, start) || !slice_bound(eo, end)) return false;
  int64_t len = s->length;
  if (*end > len) *end = len;
  else if (*end < 0) { *end += len; if (*end < 0) *end = 0; }
  if (*start < 0) { *start += len; if (*start < 0) *start = 0; }
  return true;
}

// `o` must be a str: TypeError "must be str, not int".
bool need_str(Object* o) {
  if (str_check(o)) return true;
  set_errorf(exc::TypeError, "must be str, not %T", o);
  return false;
}

bool need_str_arg(Object* o, const char* fname, int argno) {
  if (str_check(o)) return true;
  set_errorf(exc::TypeError, "%s() argument %d must be str, not %T", fname, argno, o);
  return false;
}

// Builds a str from an std::string, computing length and ascii.
Ref<Object> from_string(const std::string& text) { return str_from(text); }

// Decodes the whole string into code points (for the non-ASCII slow paths).
std::vector<uint32_t> to_cps(const Str* s) {
  std::vector<uint32_t> out;
  out.reserve(static_cast<size_t>(s->length));
  for (const char* p = s->data; p < s->data + s->size;) out.push_back(uc::decode_utf8(p));
  return out;
}

// The last byte match of needle in hay[from, to), or npos.
size_t rfind_bytes(std::string_view hay, std::string_view needle, size_t from, size_t to) {
  if (to < from || to - from < needle.size()) return std::string_view::npos;
  for (size_t i = to - needle.size() + 1; i-- > from;) {
    if (std::memcmp(hay.data() + i, needle.data(), needle.size()) == 0) return i;
  }
  return std::string_view::npos;
}

// ---- find / index / count / startswith -----------------------------------------------

// Returns the code-point index of the first (dir>0) or last match of
// `sub` in s[start:end], -1 when absent, -2 on error.
int64_t find_sub(Str* s, Args args, size_t nargs, int dir) {
  if (!need_str(args[0])) return -2;
  Str* sub = as_str(args[0]);
  int64_t start, end;
  if (!resolve_range(s, nargs > 1 ? args[1] : nullptr, nargs > 2 ? args[2] : nullptr, &start, &end))
    return -2;
  if (start > end || end - start < sub->length) return -1;
  size_t bs = str_byte_offset(s, start);
  size_t be = str_byte_offset(s, end);
  std::string_view hay(s->data, be);
  size_t pos = dir > 0 ? find_bytes(hay, sub->view(), bs) : rfind_bytes(hay, sub->view(), bs, be);
  if (pos == std::string_view::npos) return -1;
  return cp_index(s, pos);
}

Ref<Object> find_common(Object* self, Args args, size_t nargs, Tuple* kw, const char* name, int dir,
                        bool raise) {
  if (!finds_nargs(name, nargs, kw)) return nullptr;
  int64_t r = find_sub(as_str(self), args, nargs, dir);
  if (r == -2) return nullptr;
  if (r == -1 && raise) return set_error(exc::ValueError, "substring not found");
  return int_from_i64(r);
}

Ref<Object> m_find(Object* self, Args a, size_t n, Tuple* kw) { return find_common(self, a, n, kw, "find", 1, false); }
Ref<Object> m_rfind(Object* self, Args a, size_t n, Tuple* kw) { return find_common(self, a, n, kw, "rfind", -1, false); }
Ref<Object> m_index(Object* self, Args a, size_t n, Tuple* kw) { return find_common(self, a, n, kw, "index", 1, true); }
Ref<Object> m_rindex(Object* self, Args a, size_t n, Tuple* kw) { return find_common(self, a, n, kw, "rindex", -1, true); }

Ref<Object> m_count(Object* self, Args args, size_t nargs, Tuple* kw) {
  if (!finds_nargs("count", nargs, kw)) return nullptr;
  Str* s = as_str(self);
  if (!need_str(args[0])) return nullptr;
  Str* sub = as_str(args[0]);
  int64_t start, end;
  if (!resolve_range(s, nargs > 1 ? args[1] : nullptr, nargs > 2 ? args[2] : nullptr, &start, &end))
    return nullptr;
  if (start > end) return int_from_i64(0);
  if (sub->length == 0) return int_from_i64(end - start + 1);
  size_t bs = str_byte_offset(s, start), be = str_byte_offset(s, end);
  std::string_view hay(s->data, be);
  int64_t count = 0;
  for (size_t pos = find_bytes(hay, sub->view(), bs); pos != std::string_view::npos;
       pos = find_bytes(hay, sub->view(), pos + static_cast<size_t>(sub->size)))
    ++count;
  return int_from_i64(count);
}

// startswith/endswith: one prefix test on the code-point range.
bool affix_match(Str* s, Str* affix, int64_t start, int64_t end, bool at_end) {
  if (start > s->length) return false;
  if (end - start < affix->length) return false;
  size_t bs = str_byte_offset(s, start), be = str_byte_offset(s, end);
  size_t n = static_cast<size_t>(affix->size);
  if (be - bs < n) return false;
  const char* p = at_end ? s->data + be - n : s->data + bs;
  return std::memcmp(p, affix->data, n) == 0;
}

Ref<Object> affix_common(Object* self, Args args, size_t nargs, Tuple* kw, const char* name, bool at_end) {
  if (!finds_nargs(name, nargs, kw)) return nullptr;
  Str* s = as_str(self);
  int64_t start, end;
  Object* arg = args[0];
  if (!str_check(arg) && !tuple_check(arg))
    return set_errorf(exc::TypeError, "%s first arg must be str or a tuple of str, not %T", name, arg);
  if (!resolve_range(s, nargs > 1 ? args[1] : nullptr, nargs > 2 ? args[2] : nullptr, &start, &end))
    return nullptr;
  if (str_check(arg)) return new_bool(affix_match(s, as_str(arg), start, end, at_end));
  auto* t = static_cast<Tuple*>(arg);
  for (size_t i = 0; i < t->size; ++i) {
    if (!str_check(t->items[i]))
      return set_errorf(exc::TypeError, "tuple for %s must only contain str, not %T", name, t->items[i]);
    if (affix_match(s, as_str(t->items[i]), start, end, at_end)) return new_bool(true);
  }
  return new_bool(false);
}

Ref<Object> m_startswith(Object* self, Args a, size_t n, Tuple* kw) { return affix_common(self, a, n, kw, "startswith", false); }
Ref<Object> m_endswith(Object* self, Args a, size_t n, Tuple* kw) { return affix_common(self, a, n, kw, "endswith", true); }

// ---- split family ------------------------------------------------------------------------

bool parse_split_args(const char* fname, Args args, size_t nargs, Tuple* kw, Str** sep, int64_t* maxsplit) {
  Object* a[2] = {};
  ArgSpec spec{fname, {"sep", "maxsplit"}, 0, 0};
  if (!bind_args(spec, args, nargs, kw, a)) return false;
  *sep = nullptr;
  *maxsplit = -1;
  if (a[0] && a[0] != None) {
    if (!str_check(a[0])) {
      set_errorf(exc::TypeError, "must be str or None, not %T", a[0]);
      return false;
    }
    *sep = as_str(a[0]);
    if ((*sep)->size == 0) {
      set_error(exc::ValueError, "empty separator");
      return false;
    }
  }
  if (a[1] && !as_ssize(a[1], maxsplit)) return false;
  if (*maxsplit < 0) *maxsplit = INT64_MAX;
  return true;
}

bool push_piece(List* out, const Str* s, size_t b, size_t e) {
  Ref<Str> piece = substr_bytes(s, b, e);
  return piece && list_append(out, piece.get());
}

// Whitespace split: runs of whitespace separate, leading/trailing ignored.
Ref<Object> split_whitespace(Str* s, int64_t maxsplit) {
  Ref<List> out = list_new();
  if (!out) return nullptr;
  const char* d = s->data;
  size_t n = static_cast<size_t>(s->size), i = 0;
  // Byte-level scan: decode only bytes >= 0x80.
  auto space_at = [&](size_t pos, size_t* len) {
    auto c = static_cast<unsigned char>(d[pos]);
    if (c < 0x80) { *len = 1; return uc::is_space(c); }
    const char* p = d + pos;
    uint32_t cp = uc::decode_utf8(p);
    *len = static_cast<size_t>(p - (d + pos));
    return uc::is_space(cp);
  };
  size_t len;
  while (i < n) {
    while (i < n && space_at(i, &len)) i += len;
    if (i >= n) break;
    if (maxsplit-- <= 0) {
      // The remainder keeps its trailing whitespace, as in CPython.
      if (i == 0 && str_check_exact(s)) {
        if (!list_append(out.get(), s)) return nullptr;
      } else if (!push_piece(out.get(), s, i, n)) {
        return nullptr;
      }
      return out;
    }
    size_t j = i;
    while (j < n && !space_at(j, &len)) j += len;
    if (i == 0 && j == n && str_check_exact(s)) {
      if (!list_append(out.get(), s)) return nullptr;
    } else if (!push_piece(out.get(), s, i, j)) {
      return nullptr;
    }
    i = j;
  }
  return out;
}

Ref<Object> split_sep(Str* s, Str* sep, int64_t maxsplit) {
  Ref<List> out = list_new();
  if (!out) return nullptr;
  std::string_view hay = s->view(), needle = sep->view();
  size_t i = 0;
  while (maxsplit-- > 0) {
    size_t pos = find_bytes(hay, needle, i);
    if (pos == std::string_view::npos) break;
    if (!push_piece(out.get(), s, i, pos)) return nullptr;
    i = pos + needle.size();
  }
  if (i == 0 && str_check_exact(s)) {
    if (!list_append(out.get(), s)) return nullptr;
  } else if (!push_piece(out.get(), s, i, hay.size())) {
    return nullptr;
  }
  return out;
}

Ref<Object> m_split(Object* self, Args args, size_t nargs, Tuple* kw) {
  Str* sep;
  int64_t maxsplit;
  if (!parse_split_args("split", args, nargs, kw, &sep, &maxsplit)) return nullptr;
  Str* s = as_str(self);
  return sep ? split_sep(s, sep, maxsplit) : split_whitespace(s, maxsplit);
}

// rsplit builds the pieces right to left, then reverses the list.
Ref<Object> rsplit_whitespace(Str* s, int64_t maxsplit) {
  std::vector<std::pair<size_t, size_t>> pieces;
  const char* d = s->data;
  auto prev_start = [&](size_t pos) {  // start of the code point before pos
    size_t b = pos - 1;
    while (b > 0 && uc::is_continuation(static_cast<unsigned char>(d[b]))) --b;
    return b;
  };
  auto space_at = [&](size_t pos) {
    const char* p = d + pos;
    return uc::is_space(uc::decode_utf8(p));
  };
  size_t e = static_cast<size_t>(s->size);
  while (e > 0) {
    while (e > 0 && space_at(prev_start(e))) e = prev_start(e);
    if (e == 0) break;
    if (maxsplit-- <= 0) {
      pieces.emplace_back(0, e);   // the remainder keeps its leading whitespace
      e = 0;
      break;
    }
    size_t b = e;
    while (b > 0 && !space_at(prev_start(b))) b = prev_start(b);
    pieces.emplace_back(b, e);
    e = b;
  }
  Ref<List> out = list_new();
  if (!out) return nullptr;
  for (size_t k = pieces.size(); k-- > 0;) {
    auto [b, en] = pieces[k];
    if (b == 0 && en == static_cast<size_t>(s->size) && str_check_exact(s)) {
      if (!list_append(out.get(), s)) return nullptr;
    } else if (!push_piece(out.get(), s, b, en)) {
      return nullptr;
    }
  }
  return out;
}

Ref<Object> rsplit_sep(Str* s, Str* sep, int64_t maxsplit) {
  std::vector<std::pair<size_t, size_t>> pieces;
  std::string_view hay = s->view(), needle = sep->view();
  size_t e = hay.size();
  while (maxsplit-- > 0) {
    size_t pos = rfind_bytes(hay, needle, 0, e);
    if (pos == std::string_view::npos) break;
    pieces.emplace_back(pos + needle.size(), e);
    e = pos;
  }
  pieces.emplace_back(0, e);
  Ref<List> out = list_new();
  if (!out) return nullptr;
  for (size_t k = pieces.size(); k-- > 0;) {
    auto [b, en] = pieces[k];
    if (b == 0 && en == hay.size() && str_check_exact(s)) {
      if (!list_append(out.get(), s)) return nullptr;
    } else if (!push_piece(out.get(), s, b, en)) {
      return nullptr;
    }
  }
  return out;
}

Ref<Object> m_rsplit(Object* self, Args args, size_t nargs, Tuple* kw) {
  Str* sep;
  int64_t maxsplit;
  if (!parse_split_args("rsplit", args, nargs, kw, &sep, &maxsplit)) return nullptr;
  Str* s = as_str(self);
  return sep ? rsplit_sep(s, sep, maxsplit) : rsplit_whitespace(s, maxsplit);
}

Ref<Object> m_splitlines(Object* self, Args args, size_t nargs, Tuple* kw) {
  Object* a[1] = {};
  static const ArgSpec spec{"splitlines", {"keepends"}, 0, 0};
  if (!bind_args(spec, args, nargs, kw, a)) return nullptr;
  int64_t keepends = 0;
  if (a[0]) {
    if (!as_ssize(a[0], &keepends)) return nullptr;
  }
  Str* s = as_str(self);
  Ref<List> out = list_new();
  if (!out) return nullptr;
  const char* d = s->data;
  size_t n = static_cast<size_t>(s->size), i = 0;
  while (i < n) {
    size_t j = i, eol = 0;
    // Find the next line break.
    while (j < n) {
      auto c = static_cast<unsigned char>(d[j]);
      if (c < 0x80) {
        if (uc::is_linebreak(c)) { eol = (c == '\r' && j + 1 < n && d[j + 1] == '\n') ? 2 : 1; break; }
        ++j;
        continue;
      }
      const char* p = d + j;
      uint32_t cp = uc::decode_utf8(p);
      if (uc::is_linebreak(cp)) { eol = static_cast<size_t>(p - (d + j)); break; }
      j = static_cast<size_t>(p - d);
    }
    size_t line_end = keepends ? j + eol : j;
    if (i == 0 && line_end == n && str_check_exact(s)) {
      if (!list_append(out.get(), s)) return nullptr;
    } else if (!push_piece(out.get(), s, i, line_end)) {
      return nullptr;
    }
    i = j + eol;
  }
  return out;
}

Ref<Object> partition_common(Object* self, Args args, size_t nargs, Tuple* kw, const char* name, bool right) {
  if (kw && kw->size) return set_errorf(exc::TypeError, "str.%s() takes no keyword arguments", name);
  if (nargs != 1)
    return set_errorf(exc::TypeError, "str.%s() takes exactly one argument (%zd given)", name,
                      static_cast<ssize_t>(nargs));
  if (!need_str(args[0])) return nullptr;
  Str* s = as_str(self);
  Str* sep = as_str(args[0]);
  if (sep->size == 0) return set_error(exc::ValueError, "empty separator");
  size_t pos = right ? rfind_bytes(s->view(), sep->view(), 0, static_cast<size_t>(s->size))
                     : find_bytes(s->view(), sep->view());
  Ref<Object> empty = str_empty();
  if (pos == std::string_view::npos) {
    Ref<Object> whole = self_or_copy(s);
    return right ? tuple_pack({empty.get(), empty.get(), whole.get()})
                 : tuple_pack({whole.get(), empty.get(), empty.get()});
  }
  Ref<Str> head = substr_bytes(s, 0, pos);
  Ref<Str> tail = substr_bytes(s, pos + static_cast<size_t>(sep->size), static_cast<size_t>(s->size));
  if (!head || !tail) return nullptr;
  return tuple_pack({head.get(), sep, tail.get()});
}

Ref<Object> m_partition(Object* self, Args a, size_t n, Tuple* kw) { return partition_common(self, a, n, kw, "partition", false); }
Ref<Object> m_rpartition(Object* self, Args a, size_t n, Tuple* kw) { return partition_common(self, a, n, kw, "rpartition", true); }

Ref<Object> m_join(Object* self, Args args, size_t nargs, Tuple* kw) {
  if (!one_arg("join", nargs, kw)) return nullptr;
  return str_join(as_str(self), args[0]);
}

// ---- strip / replace / affixes -----------------------------------------------------------

// which: 1 = left, 2 = right, 3 = both.
Ref<Object> strip_common(Object* self, Args args, size_t nargs, Tuple* kw, const char* name, int which) {
  if (kw && kw->size) return set_errorf(exc::TypeError, "str.%s() takes no keyword arguments", name);
  if (!check_nargs(name, nargs, 0, 1)) return nullptr;
  Str* s = as_str(self);
  Object* chars = nargs ? args[0] : nullptr;
  if (chars == None) chars = nullptr;
  if (chars && !str_check(chars)) return set_errorf(exc::TypeError, "%s arg must be None or str", name);
  const char* d = s->data;
  size_t b = 0, e = static_cast<size_t>(s->size);
  std::vector<uint32_t> set;
  bool ascii_set = true;
  if (chars) {
    set = to_cps(as_str(chars));
    ascii_set = as_str(chars)->ascii;
  }
  auto strip_it = [&](uint32_t cp) {
    if (!chars) return uc::is_space(cp);
    return std::find(set.begin(), set.end(), cp) != set.end();
  };
  if (s->ascii && (ascii_set || !chars)) {
    // Byte loops: every byte is a character.
    if (which & 1) while (b < e && strip_it(static_cast<unsigned char>(d[b]))) ++b;
    if (which & 2) while (e > b && strip_it(static_cast<unsigned char>(d[e - 1]))) --e;
  } else {
    if (which & 1) {
      while (b < e) {
        const char* p = d + b;
        uint32_t cp = uc::decode_utf8(p);
        if (!strip_it(cp)) break;
        b = static_cast<size_t>(p - d);
      }
    }
    if (which & 2) {
      while (e > b) {
        size_t k = e - 1;
        while (k > b && uc::is_continuation(static_cast<unsigned char>(d[k]))) --k;
        const char* p = d + k;
        if (!strip_it(uc::decode_utf8(p))) break;
        e = k;
      }
    }
  }
  if (b == 0 && e == static_cast<size_t>(s->size)) return self_or_copy(s);
  return substr_bytes(s, b, e);
}

Ref<Object> m_strip(Object* self, Args a, size_t n, Tuple* kw) { return strip_common(self, a, n, kw, "strip", 3); }
Ref<Object> m_lstrip(Object* self, Args a, size_t n, Tuple* kw) { return strip_common(self, a, n, kw, "lstrip", 1); }
Ref<Object> m_rstrip(Object* self, Args a, size_t n, Tuple* kw) { return strip_common(self, a, n, kw, "rstrip", 2); }

Ref<Object> m_replace(Object* self, Args args, size_t nargs, Tuple* kw) {
  if (kw && kw->size) return set_error(exc::TypeError, "str.replace() takes no keyword arguments");
  if (!check_nargs("replace", nargs, 2, 3)) return nullptr;
  if (!need_str_arg(args[0], "replace", 1) || !need_str_arg(args[1], "replace", 2)) return nullptr;
  int64_t count = -1;
  if (nargs > 2 && !as_ssize(args[2], &count)) return nullptr;
  if (count < 0) count = INT64_MAX;
  Str* s = as_str(self);
  Str* old = as_str(args[0]);
  Str* rep = as_str(args[1]);
  if (count == 0 || (old->size > s->size)) return self_or_copy(s);
  std::string out;
  if (old->size == 0) {
    // Insert `rep` before every character and at the end (count-limited).
    out.reserve(static_cast<size_t>(s->size + rep->size * std::min<int64_t>(count, s->length + 1)));
    const char* p = s->data;
    const char* end = p + s->size;
    int64_t done = 0;
    while (true) {
      if (done < count) { out.append(rep->view()); ++done; }
      if (p >= end) break;
      size_t l = uc::utf8_seq_length(static_cast<unsigned char>(*p));
      out.append(p, l);
      p += l;
    }
    return str_from(out);
  }
  std::string_view hay = s->view(), needle = old->view();
  size_t i = 0;
  int64_t done = 0;
  while (done < count) {
    size_t pos = find_bytes(hay, needle, i);
    if (pos == std::string_view::npos) break;
    if (done == 0) out.reserve(hay.size() + (rep->view().size() > needle.size() ? hay.size() : 0));
    out.append(hay.substr(i, pos - i));
    out.append(rep->view());
    i = pos + needle.size();
    ++done;
  }
  if (done == 0) return self_or_copy(s);
  out.append(hay.substr(i));
  if (s->ascii && rep->ascii) return make_str(out, static_cast<int64_t>(out.size()), true);
  return from_string(out);
}

Ref<Object> affix_remove(Object* self, Args args, size_t nargs, Tuple* kw, const char* name, bool suffix) {
  if (!one_arg(name, nargs, kw)) return nullptr;
  if (!str_check(args[0])) return set_errorf(exc::TypeError, "%s() argument must be str, not %T", name, args[0]);
  Str* s = as_str(self);
  Str* a = as_str(args[0]);
  std::string_view v = s->view(), av = a->view();
  if (av.empty() || v.size() < av.size()) return self_or_copy(s);
  if (!suffix && v.substr(0, av.size()) == av) return substr_bytes(s, av.size(), v.size());
  if (suffix && v.substr(v.size() - av.size()) == av) return substr_bytes(s, 0, v.size() - av.size());
  return self_or_copy(s);
}

Ref<Object> m_removeprefix(Object* self, Args a, size_t n, Tuple* kw) { return affix_remove(self, a, n, kw, "removeprefix", false); }
Ref<Object> m_removesuffix(Object* self, Args a, size_t n, Tuple* kw) { return affix_remove(self, a, n, kw, "removesuffix", true); }

// ---- case conversion -------------------------------------------------------------------

// ASCII fast path for upper/lower: one pass over the bytes.
Ref<Object> ascii_case(Str* s, bool upper) {
  Ref<Str> r = str_alloc(static_cast<size_t>(s->size), s->length, true);
  if (!r) return nullptr;
  const char* d = s->data;
  for (int64_t i = 0; i < s->size; ++i) {
    char c = d[i];
    if (upper) r->data[i] = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c;
    else r->data[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  }
  if (s->length <= 1) return make_str(r->view(), r->length, true);
  return r;
}

void append_mapped(std::string& out, const uint32_t* cps, int n) {
  for (int i = 0; i < n; ++i) uc::append_utf8(out, cps[i]);
}

// Final_Sigma: Σ at the end of a cased word lowercases to ς (CPython's
// handle_capital_sigma).
uint32_t lower_sigma(const std::vector<uint32_t>& cps, size_t i) {
  size_t j = i;
  while (j > 0 && uc::is_case_ignorable(cps[j - 1])) --j;
  bool before = j > 0 && uc::is_cased(cps[j - 1]);
  if (before) {
    j = i + 1;
    while (j < cps.size() && uc::is_case_ignorable(cps[j])) ++j;
    bool after = j < cps.size() && uc::is_cased(cps[j]);
    if (!after) return 0x3C2;
  }
  return 0x3C3;
}

void lower_into(std::string& out, const std::vector<uint32_t>& cps, size_t i) {
  uint32_t m[3];
  if (cps[i] == 0x3A3) { uc::append_utf8(out, lower_sigma(cps, i)); return; }
  append_mapped(out, m, uc::to_lower(cps[i], m));
}

Ref<Object> m_upper(Object* self, Args, size_t nargs, Tuple* kw) {
  if (!no_args("upper", nargs, kw)) return nullptr;
  Str* s = as_str(self);
  if (s->ascii) return ascii_case(s, true);
  std::string out;
  out.reserve(static_cast<size_t>(s->size));
  uint32_t m[3];
  for (const char* p = s->data; p < s->data + s->size;) append_mapped(out, m, uc::to_upper(uc::decode_utf8(p), m));
  return from_string(out);
}

Ref<Object> m_lower(Object* self, Args, size_t nargs, Tuple* kw) {
  if (!no_args("lower", nargs, kw)) return nullptr;
  Str* s = as_str(self);
  if (s->ascii) return ascii_case(s, false);
  std::vector<uint32_t> cps = to_cps(s);
  std::string out;
  out.reserve(static_cast<size_t>(s->size));
  for (size_t i = 0; i < cps.size(); ++i) lower_into(out, cps, i);
  return from_string(out);
}

Ref<Object> m_casefold(Object* self, Args, size_t nargs, Tuple* kw) {
  if (!no_args("casefold", nargs, kw)) return nullptr;
  Str* s = as_str(self);
  if (s->ascii) return ascii_case(s, false);
  std::string out;
  uint32_t m[3];
  for (const char* p = s->data; p < s->data + s->size;) append_mapped(out, m, uc::to_fold(uc::decode_utf8(p), m));
  return from_string(out);
}

Ref<Object> m_swapcase(Object* self, Args, size_t nargs, Tuple* kw) {
  if (!no_args("swapcase", nargs, kw)) return nullptr;
  Str* s = as_str(self);
  std::vector<uint32_t> cps = to_cps(s);
  std::string out;
  uint32_t m[3];
  for (size_t i = 0; i < cps.size(); ++i) {
    uint32_t c = cps[i];
    if (uc::is_upper(c)) lower_into(out, cps, i);
    else if (uc::is_lower(c)) append_mapped(out, m, uc::to_upper(c, m));
    else uc::append_utf8(out, c);
  }
  return from_string(out);
}

Ref<Object> m_capitalize(Object* self, Args, size_t nargs, Tuple* kw) {
  if (!no_args("capitalize", nargs, kw)) return nullptr;
  Str* s = as_str(self);
  std::vector<uint32_t> cps = to_cps(s);
  std::string out;
  uint32_t m[3];
  for (size_t i = 0; i < cps.size(); ++i) {
    if (i == 0) append_mapped(out, m, uc::to_title(cps[i], m));
    else lower_into(out, cps, i);
  }
  return from_string(out);
}

Ref<Object> m_title(Object* self, Args, size_t nargs, Tuple* kw) {
  if (!no_args("title", nargs, kw)) return nullptr;
  Str* s = as_str(self);
  std::vector<uint32_t> cps = to_cps(s);
  std::string out;
  uint32_t m[3];
  bool prev_cased = false;
  for (size_t i = 0; i < cps.size(); ++i) {
    uint32_t c = cps[i];
    if (prev_cased) lower_into(out, cps, i);
    else append_mapped(out, m, uc::to_title(c, m));
    prev_cased = uc::is_cased(c);
  }
  return from_string(out);
}

// ---- predicates ------------------------------------------------------------------------

template <bool (*Pred)(uint32_t)>
Ref<Object> all_chars(Object* self, size_t nargs, Tuple* kw, const char* name) {
  if (!no_args(name, nargs, kw)) return nullptr;
  Str* s = as_str(self);
  if (s->size == 0) return new_bool(false);
  for (const char* p = s->data; p < s->data + s->size;)
    if (!Pred(uc::decode_utf8(p))) return new_bool(false);
  return new_bool(true);
}

Ref<Object> m_isalpha(Object* self, Args, size_t n, Tuple* kw) { return all_chars<uc::is_alpha>(self, n, kw, "isalpha"); }
Ref<Object> m_isdigit(Object* self, Args, size_t n, Tuple* kw) { return all_chars<uc::is_digit>(self, n, kw, "isdigit"); }
Ref<Object> m_isdecimal(Object* self, Args, size_t n, Tuple* kw) { return all_chars<uc::is_decimal>(self, n, kw, "isdecimal"); }
Ref<Object> m_isnumeric(Object* self, Args, size_t n, Tuple* kw) { return all_chars<uc::is_numeric>(self, n, kw, "isnumeric"); }
Ref<Object> m_isalnum(Object* self, Args, size_t n, Tuple* kw) { return all_chars<uc::is_alnum>(self, n, kw, "isalnum"); }
Ref<Object> m_isspace(Object* self, Args, size_t n, Tuple* kw) { return all_chars<uc::is_space>(self, n, kw, "isspace"); }

Ref<Object> m_isprintable(Object* self, Args, size_t nargs, Tuple* kw) {
  if (!no_args("isprintable", nargs, kw)) return nullptr;
  Str* s = as_str(self);
  for (const char* p = s->data; p < s->data + s->size;)
    if (!uc::is_printable(uc::decode_utf8(p))) return new_bool(false);
  return new_bool(true);   // '' is printable
}

Ref<Object> m_isascii(Object* self, Args, size_t nargs, Tuple* kw) {
  if (!no_args("isascii", nargs, kw)) return nullptr;
  return new_bool(as_str(self)->ascii);
}

Ref<Object> m_islower(Object* self, Args, size_t nargs, Tuple* kw) {
  if (!no_args("islower", nargs, kw)) return nullptr;
  Str* s = as_str(self);
  bool cased = false;
  for (const char* p = s->data; p < s->data + s->size;) {
    uint32_t c = uc::decode_utf8(p);
    if (uc::is_upper(c) || uc::is_title(c)) return new_bool(false);
    if (uc::is_lower(c)) cased = true;
  }
  return new_bool(cased);
}

Ref<Object> m_isupper(Object* self, Args, size_t nargs, Tuple* kw) {
  if (!no_args("isupper", nargs, kw)) return nullptr;
  Str* s = as_str(self);
  bool cased = false;
  for (const char* p = s->data; p < s->data + s->size;) {
    uint32_t c = uc::decode_utf8(p);
    if (uc::is_lower(c) || uc::is_title(c)) return new_bool(false);
    if (uc::is_upper(c)) cased = true;
  }
  return new_bool(cased);
}

Ref<Object> m_istitle(Object* self, Args, size_t nargs, Tuple* kw) {
  if (!no_args("istitle", nargs, kw)) return nullptr;
  Str* s = as_str(self);
  bool cased = false, prev_cased = false;
  for (const char* p = s->data; p < s->data + s->size;) {
    uint32_t c = uc::decode_utf8(p);
    if (uc::is_upper(c) || uc::is_title(c)) {
      if (prev_cased) return new_bool(false);
      prev_cased = cased = true;
    } else if (uc::is_lower(c)) {
      if (!prev_cased) return new_bool(false);
      prev_cased = cased = true;
    } else {
      prev_cased = false;
    }
  }
  return new_bool(cased);
}

Ref<Object> m_isidentifier(Object* self, Args, size_t nargs, Tuple* kw) {
  if (!no_args("isidentifier", nargs, kw)) return nullptr;
  Str* s = as_str(self);
  if (s->size == 0) return new_bool(false);
  const char* p = s->data;
  if (!uc::is_xid_start(uc::decode_utf8(p))) return new_bool(false);
  while (p < s->data + s->size)
    if (!uc::is_xid_continue(uc::decode_utf8(p))) return new_bool(false);
  return new_bool(true);
}

// ---- padding -----------------------------------------------------------------------------

bool fill_arg(Object* o, uint32_t* fill) {
  if (!str_check(o)) {
    set_errorf(exc::TypeError, "The fill character must be a unicode character, not %T", o);
    return false;
  }
  Str* f = as_str(o);
  if (f->length != 1) {
    set_error(exc::TypeError, "The fill character must be exactly one character long");
    return false;
  }
  const char* p = f->data;
  *fill = uc::decode_utf8(p);
  return true;
}

Ref<Object> pad(Str* s, int64_t left, int64_t right, uint32_t fill) {
  if (left < 0) left = 0;
  if (right < 0) right = 0;
  if (left == 0 && right == 0) return self_or_copy(s);
  char fb[4];
  size_t fl = uc::encode_utf8(fill, fb);
  size_t size = static_cast<size_t>(s->size) + fl * static_cast<size_t>(left + right);
  Ref<Str> r = str_alloc(size, s->length + left + right, s->ascii && fill < 0x80);
  if (!r) return nullptr;
  char* out = r->data;
  for (int64_t i = 0; i < left; ++i, out += fl) std::memcpy(out, fb, fl);
  std::memcpy(out, s->data, static_cast<size_t>(s->size));
  out += s->size;
  for (int64_t i = 0; i < right; ++i, out += fl) std::memcpy(out, fb, fl);
  return r;
}

// which: 0 ljust, 1 rjust, 2 center.
Ref<Object> pad_common(Object* self, Args args, size_t nargs, Tuple* kw, const char* name, int which) {
  if (kw && kw->size) return set_errorf(exc::TypeError, "str.%s() takes no keyword arguments", name);
  if (!check_nargs(name, nargs, 1, 2)) return nullptr;
  int64_t width;
  if (!as_ssize(args[0], &width)) return nullptr;
  uint32_t fill = ' ';
  if (nargs > 1 && !fill_arg(args[1], &fill)) return nullptr;
  Str* s = as_str(self);
  int64_t marg = width - s->length;
  if (marg <= 0) return self_or_copy(s);
  if (which == 0) return pad(s, 0, marg, fill);
  if (which == 1) return pad(s, marg, 0, fill);
  // CPython's center: the extra space goes left when both marg and width are odd.
  int64_t left = marg / 2 + (marg & width & 1);
  return pad(s, left, marg - left, fill);
}

Ref<Object> m_ljust(Object* self, Args a, size_t n, Tuple* kw) { return pad_common(self, a, n, kw, "ljust", 0); }
Ref<Object> m_rjust(Object* self, Args a, size_t n, Tuple* kw) { return pad_common(self, a, n, kw, "rjust", 1); }
Ref<Object> m_center(Object* self, Args a, size_t n, Tuple* kw) { return pad_common(self, a, n, kw, "center", 2); }

Ref<Object> m_zfill(Object* self, Args args, size_t nargs, Tuple* kw) {
  if (!one_arg("zfill", nargs, kw)) return nullptr;
  int64_t width;
  if (!as_ssize(args[0], &width)) return nullptr;
  Str* s = as_str(self);
  if (width <= s->length) return self_or_copy(s);
  int64_t fill = width - s->length;
  Ref<Object> padded = pad(s, fill, 0, '0');
  if (!padded) return nullptr;
  Str* r = as_str(padded.get());
  // A sign moves to the front: '-42'.zfill(5) == '-0042'.
  if (s->size && (s->data[0] == '+' || s->data[0] == '-')) {
    r->data[0] = s->data[0];
    r->data[fill] = '0';
  }
  return padded;
}

Ref<Object> m_expandtabs(Object* self, Args args, size_t nargs, Tuple* kw) {
  Object* a[1] = {};
  static const ArgSpec spec{"expandtabs", {"tabsize"}, 0, 0};
  if (!bind_args(spec, args, nargs, kw, a)) return nullptr;
  int64_t tab = 8;
  if (a[0] && !as_ssize(a[0], &tab)) return nullptr;
  Str* s = as_str(self);
  std::string out;
  int64_t col = 0;
  for (const char* p = s->data; p < s->data + s->size;) {
    const char* start = p;
    uint32_t c = uc::decode_utf8(p);
    if (c == '\t') {
      if (tab > 0) {
        int64_t spaces = tab - col % tab;
        out.append(static_cast<size_t>(spaces), ' ');
        col += spaces;
      }
    } else {
      out.append(start, static_cast<size_t>(p - start));
      ++col;
      if (c == '\n' || c == '\r') col = 0;
    }
  }
  return from_string(out);
}

// ---- translate / maketrans ---------------------------------------------------------------

Ref<Object> m_translate(Object* self, Args args, size_t nargs, Tuple* kw) {
  if (!one_arg("translate", nargs, kw)) return nullptr;
  Object* table = args[0];
  Str* s = as_str(self);
  std::string out;
  out.reserve(static_cast<size_t>(s->size));
  for (const char* p = s->data; p < s->data + s->size;) {
    const char* start = p;
    uint32_t c = uc::decode_utf8(p);
    Ref<Object> key = int_from_i64(c);
    if (!key) return nullptr;
    Ref<Object> v = getitem(table, key.get());
    if (!v) {
      if (!error_matches(exc::LookupError)) return nullptr;
      clear_error();
      out.append(start, static_cast<size_t>(p - start));
      continue;
    }
    if (v.get() == None) continue;
    if (int_check(v.get())) {
      int64_t cp;
      if (!int_fits_i64(v.get(), &cp) || cp < 0 || cp > 0x10FFFF)
        return set_error(exc::ValueError, "character mapping must be in range(0x110000)");
      uc::append_utf8(out, static_cast<uint32_t>(cp));
    } else if (str_check(v.get())) {
      out.append(str_view(v.get()));
    } else {
      return set_error(exc::TypeError, "character mapping must return integer, None or str");
    }
  }
  return from_string(out);
}

Ref<Object> m_maketrans(Object*, Args args, size_t nargs, Tuple* kw) {
  if (kw && kw->size) return set_error(exc::TypeError, "maketrans() takes no keyword arguments");
  if (!check_nargs("maketrans", nargs, 1, 3)) return nullptr;
  Ref<Dict> d = dict_new();
  if (!d) return nullptr;
  if (nargs == 1) {
    if (!dict_check(args[0]))
      return set_error(exc::TypeError, "if you give only one argument to maketrans it must be a dict");
    size_t pos = 0;
    Object *k, *v;
    auto* src = static_cast<Dict*>(args[0]);
    while (dict_next(src, &pos, &k, &v)) {
      Ref<Object> key;
      if (str_check(k)) {
        if (as_str(k)->length != 1)
          return set_error(exc::ValueError, "string keys in translate table must be of length 1");
        const char* p = as_str(k)->data;
        key = int_from_i64(uc::decode_utf8(p));
      } else if (int_check(k)) {
        key = borrow(k);
      } else {
        return set_error(exc::TypeError, "keys in translate table must be strings or integers");
      }
      if (!key || dict_set(d.get(), key.get(), v) < 0) return nullptr;
    }
    return d;
  }
  // Argument clinic checks y and z (typed str) before x (typed object).
  if (!need_str_arg(args[1], "maketrans", 2)) return nullptr;
  if (nargs > 2 && !need_str_arg(args[2], "maketrans", 3)) return nullptr;
  if (!str_check(args[0]))
    return set_error(exc::TypeError, "first maketrans argument must be a string if there is a second argument");
  Str* x = as_str(args[0]);
  Str* y = as_str(args[1]);
  if (x->length != y->length)
    return set_error(exc::ValueError, "the first two maketrans arguments must have equal length");
  const char* p = x->data;
  const char* q = y->data;
  while (p < x->data + x->size) {
    Ref<Object> k = int_from_i64(uc::decode_utf8(p));
    Ref<Object> v = int_from_i64(uc::decode_utf8(q));
    if (!k || !v || dict_set(d.get(), k.get(), v.get()) < 0) return nullptr;
  }
  if (nargs > 2) {
    Str* z = as_str(args[2]);
    for (const char* r = z->data; r < z->data + z->size;) {
      Ref<Object> k = int_from_i64(uc::decode_utf8(r));
      if (!k || dict_set(d.get(), k.get(), None) < 0) return nullptr;
    }
  }
  return d;
}

// ---- encode / format / misc --------------------------------------------------------------

Ref<Object> m_encode(Object* self, Args args, size_t nargs, Tuple* kw) {
  Object* a[2] = {};
  static const ArgSpec spec{"encode", {"encoding", "errors"}, 0, 0};
  if (!bind_args(spec, args, nargs, kw, a)) return nullptr;
  std::string enc = "utf-8", errs = "strict";
  bool given;
  if (!opt_cstr_arg(a[0], "encode()", "encoding", &enc, &given)) return nullptr;
  if (!opt_cstr_arg(a[1], "encode()", "errors", &errs, &given)) return nullptr;
  return codec_encode(as_str(self), enc.c_str(), errs.c_str());
}

Ref<Object> m_format(Object* self, Args args, size_t nargs, Tuple* kw) {
  return str_format_method(as_str(self), args, nargs, kw);
}

Ref<Object> m_format_map(Object* self, Args args, size_t nargs, Tuple* kw) {
  if (!one_arg("format_map", nargs, kw)) return nullptr;
  return str_format_map(as_str(self), args[0]);
}

Ref<Object> m_dunder_format(Object* self, Args args, size_t nargs, Tuple* kw) {
  if (kw && kw->size) return set_error(exc::TypeError, "str.__format__() takes no keyword arguments");
  if (nargs != 1)
    return set_errorf(exc::TypeError, "str.__format__() takes exactly one argument (%zd given)",
                      static_cast<ssize_t>(nargs));
  if (!str_check(args[0])) return set_errorf(exc::TypeError, "__format__() argument must be str, not %T", args[0]);
  return str_format_spec(as_str(self), as_str(args[0]));
}

Ref<Object> m_sizeof(Object* self, Args, size_t nargs, Tuple* kw) {
  if (!no_args("__sizeof__", nargs, kw)) return nullptr;
  return int_from_i64(static_cast<int64_t>(sizeof(Str)) + as_str(self)->size);
}

Ref<Object> m_getnewargs(Object* self, Args, size_t nargs, Tuple* kw) {
  if (!no_args("__getnewargs__", nargs, kw)) return nullptr;
  Str* s = as_str(self);
  Ref<Str> copy = make_str(s->view(), s->length, s->ascii);
  if (!copy) return nullptr;
  return tuple_pack({copy.get()});
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

const MethodDef str_methods[] = {
    {"encode", guarded<m_encode>},
    {"replace", guarded<m_replace>},
    {"split", guarded<m_split>},
    {"rsplit", guarded<m_rsplit>},
    {"join", guarded<m_join>},
    {"capitalize", guarded<m_capitalize>},
    {"casefold", guarded<m_casefold>},
    {"title", guarded<m_title>},
    {"center", guarded<m_center>},
    {"count", guarded<m_count>},
    {"expandtabs", guarded<m_expandtabs>},
    {"find", guarded<m_find>},
    {"partition", guarded<m_partition>},
    {"index", guarded<m_index>},
    {"ljust", guarded<m_ljust>},
    {"lower", guarded<m_lower>},
    {"lstrip", guarded<m_lstrip>},
    {"rfind", guarded<m_rfind>},
    {"rindex", guarded<m_rindex>},
    {"rjust", guarded<m_rjust>},
    {"rstrip", guarded<m_rstrip>},
    {"rpartition", guarded<m_rpartition>},
    {"splitlines", guarded<m_splitlines>},
    {"strip", guarded<m_strip>},
    {"swapcase", guarded<m_swapcase>},
    {"translate", guarded<m_translate>},
    {"upper", guarded<m_upper>},
    {"startswith", guarded<m_startswith>},
    {"endswith", guarded<m_endswith>},
    {"removeprefix", guarded<m_removeprefix>},
    {"removesuffix", guarded<m_removesuffix>},
    {"isascii", guarded<m_isascii>},
    {"islower", guarded<m_islower>},
    {"isupper", guarded<m_isupper>},
    {"istitle", guarded<m_istitle>},
    {"isspace", guarded<m_isspace>},
    {"isdecimal", guarded<m_isdecimal>},
    {"isdigit", guarded<m_isdigit>},
    {"isnumeric", guarded<m_isnumeric>},
    {"isalpha", guarded<m_isalpha>},
    {"isalnum", guarded<m_isalnum>},
    {"isidentifier", guarded<m_isidentifier>},
    {"isprintable", guarded<m_isprintable>},
    {"zfill", guarded<m_zfill>},
    {"format", guarded<m_format>},
    {"format_map", guarded<m_format_map>},
    {"__format__", guarded<m_dunder_format>},
    // CPython makes maketrans a staticmethod; a classmethod that ignores
    // the class behaves the same for callers and, unlike a staticmethod,
    // can be created before the descriptor types are ready at start-up.
    {"maketrans", guarded<m_maketrans>, MethodKind::Class},
    {"__sizeof__", guarded<m_sizeof>},
    {"__getnewargs__", guarded<m_getnewargs>},
    {nullptr, nullptr},
};

}  // namespace

// ---- the type objects -------------------------------------------------------------------

void init_str_type() {
  TypeObject& t = StrType;
  t.type = &TypeType;
  t.name = "str";
  t.doc = "str(object='') -> str\nstr(bytes_or_buffer[, encoding[, errors]]) -> str";
  t.flags = kBaseType | kStrSubclass;
  t.basic_size = sizeof(Str);
  t.item_size = 1;
  t.base = &ObjectType;
  t.dealloc = str_dealloc;
  t.repr = str_repr_slot;
  t.str = str_str_slot;
  t.hash = str_hash_slot;
  t.richcompare = str_richcompare;
  t.iter = str_iter;
  t.new_ = str_new_slot;
  t.nb_binary[static_cast<int>(BinaryOp::Add)] = str_add;
  t.nb_binary[static_cast<int>(BinaryOp::Mul)] = str_mul;
  t.nb_binary[static_cast<int>(BinaryOp::Remainder)] = str_mod;
  t.sq_length = str_length;
  t.mp_subscript = str_subscript;
  t.sq_contains = str_contains;
  t.methods = str_methods;

  for (TypeObject* it : {&StrIterType, &StrAsciiIterType}) {
    it->type = &TypeType;
    it->name = it == &StrIterType ? "str_iterator" : "str_ascii_iterator";
    it->basic_size = sizeof(StrIter);
    it->base = &ObjectType;
    it->flags = kHaveGC;
    it->dealloc = striter_dealloc;
    it->traverse = striter_traverse;
    it->clear = striter_clear;
    it->iter = striter_self;
    it->iternext = striter_next;
    it->methods = striter_methods;
    type_ready(it);
  }
}

}  // namespace coil::runtime
