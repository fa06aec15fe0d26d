// bytes.h — bytes (immutable) and bytearray (mutable) byte strings, and the
// text codecs (utf-8, ascii, latin-1) that convert between them and str.
//
// bytes keeps its bytes inline after the header, like str (one allocation,
// NUL-terminated for C APIs); bytearray owns a separate growable buffer.
// Both hash/compare by memcmp; bytes hashes with the same function as str.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "runtime/object.h"

namespace coil::runtime {

struct TypeObject;
struct Str;
extern TypeObject BytesType;
extern TypeObject ByteArrayType;
extern TypeObject BytesIterType;
extern TypeObject ByteArrayIterType;

struct Bytes : Object {
  int64_t hash = -1;   // cached; -1 until computed
  int64_t size = 0;
  char data[1];        // `size` bytes + NUL (allocated past the struct)

  std::string_view view() const { return {data, static_cast<size_t>(size)}; }
};

struct ByteArray : Object {
  char* data = nullptr;   // owned buffer (mem_alloc), capacity+1 bytes, NUL-terminated
  size_t size = 0;
  size_t capacity = 0;

  std::string_view view() const { return {data ? data : "", size}; }
};

bool bytes_check(const Object* o);       // isinstance(o, bytes)
bool bytearray_check(const Object* o);   // isinstance(o, bytearray)
inline std::string_view bytes_view(const Object* o) { return static_cast<const Bytes*>(o)->view(); }

// A new bytes of `size` bytes for the caller to fill (data[size] = NUL).
Ref<Bytes> bytes_alloc(size_t size);
Ref<Object> bytes_from(std::string_view data);
Ref<Object> bytearray_from(std::string_view data);
// The b'' singleton.
Ref<Object> bytes_empty();

// The bytes of a bytes or bytearray object (the buffer protocol subset);
// false (no error set) for other types.  The view is valid while the
// object lives and (for bytearray) is not resized.
bool bytes_like_view(Object* o, std::string_view* out);
// fmt % args for bytes (PEP 461), in runtime/str_format.cpp; returns bytes.
Ref<Object> bytes_percent_format(std::string_view fmt, Object* args);

// repr(b) / repr(bytearray) text: b'...' with CPython's quote choice.
std::string bytes_repr_utf8(std::string_view data);

// ---- codecs -------------------------------------------------------------------------
// Decodes `data` to a str.  encoding: utf-8/utf8/u8, ascii/us-ascii,
// latin-1/latin1/iso-8859-1/l1 (any case, '-', '_' or ' ' separators);
// errors: strict, ignore, replace, backslashreplace, surrogateescape.
// LookupError "unknown encoding: x"; UnicodeDecodeError with CPython's text.
Ref<Object> codec_decode(std::string_view data, const char* encoding, const char* errors);
// Encodes a str to bytes; errors also accept xmlcharrefreplace.
Ref<Object> codec_encode(Str* s, const char* encoding, const char* errors);

void init_bytes_type();       // bytes and its iterator
void init_bytearray_type();   // bytearray and its iterator

}  // namespace coil::runtime
