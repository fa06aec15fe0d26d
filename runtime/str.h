// str.h — the str type (Unicode text).
//
// Layout: UTF-8 bytes stored inline after the header, NUL-terminated, with
// the length in code points cached.  ASCII strings (the vast majority) index
// in O(1); others walk the UTF-8 (see str.cpp's essay for the trade-off).
// The hash is computed lazily and cached (-1 = not yet computed).
// Interned strings (identifiers, attribute names) are unique per value, so
// attribute lookup can compare pointers first.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "runtime/object.h"

namespace coil::runtime {

struct TypeObject;
extern TypeObject StrType;

struct Str : Object {
  int64_t hash = -1;       // cached; -1 until computed
  int64_t length = 0;      // in code points
  int64_t size = 0;        // in bytes (UTF-8), excluding the trailing NUL
  bool ascii = true;       // every byte < 0x80: byte index == char index
  bool interned = false;
  char data[1];            // `size` bytes + NUL (allocated past the struct)

  std::string_view view() const { return {data, static_cast<size_t>(size)}; }
};

bool str_check(const Object* o);         // isinstance(o, str)
inline bool str_check_exact(const Object* o) { return o->type == &StrType; }

// A new str from UTF-8 (assumed valid: callers validate foreign bytes).
Ref<Str> str_from(std::string_view utf8);
// The interned str for `text`; the table keeps it alive (borrowed result).
Str* intern(std::string_view text);
// Interns `s` in place: returns the canonical object (new reference).
Ref<Str> intern_str(Ref<Str> s);
int64_t str_hash(Str* s);
bool str_equal(Str* a, Str* b);          // by value, pointer fast path
inline std::string_view str_view(const Object* o) { return static_cast<const Str*>(o)->view(); }

// ---- additions by the str engineer (str.cpp / str_format.cpp) -------------------

struct Tuple;
extern TypeObject StrIterType;

// Allocates an exact str of `size` UTF-8 bytes whose contents the caller
// writes into data[0..size) before the object escapes; `length` (code
// points) and `ascii` must describe those bytes.  data[size] is set to NUL.
Ref<Str> str_alloc(size_t size, int64_t length, bool ascii);
// The same for an instance of a str subclass `type` (str.__new__).
Ref<Str> str_alloc_type(TypeObject* type, size_t size, int64_t length, bool ascii);
// A new str from bytes known to be ASCII (no scan).
Ref<Str> str_from_ascii(std::string_view ascii);
// A new str from Latin-1 bytes (each byte is a code point).
Ref<Str> str_from_latin1(std::string_view latin1);
// The empty str singleton.
Ref<Str> str_empty();
// A one-character str; U+0000..U+00FF come from a cache of singletons.
// Any value up to 0x10FFFF is accepted (lone surrogates included).
Ref<Str> str_from_char32(uint32_t cp);
// a + b, allocated once.
Ref<Str> str_concat(Str* a, Str* b);
// ''.join of `n` borrowed objects that must all be str (f-string
// BUILD_STRING); TypeError for a non-str item.
Ref<Object> str_join_array(Object* const* items, size_t n);
// sep.join(iterable) with CPython's checks and messages.
Ref<Object> str_join(Str* sep, Object* iterable);
// s[i] with negative indexing; IndexError "string index out of range".
Ref<Object> str_getitem_index(Str* s, int64_t i);
// repr(s) following CPython's quoting and escaping rules.
Ref<Object> str_repr(Str* s);
std::string str_repr_utf8(std::string_view utf8);
// ascii()-style repr: like repr but every non-ASCII char escaped.
std::string str_ascii_repr_utf8(std::string_view utf8);
// Three-way comparison by code point (== byte order of UTF-8).
int str_compare(Str* a, Str* b);
// The 64-bit hash used for str and bytes (never -1).
int64_t hash_bytes(const void* data, size_t n);
// Byte offset of code point `index` (0 <= index <= length).
size_t str_byte_offset(const Str* s, int64_t index);

// Creates a str from foreign UTF-8 with error handling 'strict' /
// 'replace' / 'ignore' / 'surrogateescape' (UnicodeDecodeError with
// CPython's message); `errors` may be null (strict).
Ref<Object> str_decode_utf8(std::string_view bytes, const char* errors);

// ---- formatting (str_format.cpp) ----
// fmt % args
Ref<Object> str_percent_format(Str* fmt, Object* args);
// fmt.format(*args, **kwargs) (args/kwargs may be null)
Ref<Object> str_format_method(Str* fmt, Object* const* args, size_t nargs, Tuple* kwnames);
// fmt.format_map(mapping)
Ref<Object> str_format_map(Str* fmt, Object* mapping);
// format(s, spec) for str: fill/align/width/precision and type 's'.
Ref<Object> str_format_spec(Str* s, Str* spec);

void init_str_type();

}  // namespace coil::runtime
