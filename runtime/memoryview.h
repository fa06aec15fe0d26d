// memoryview.h — the buffer protocol and the memoryview type.
//
// A *buffer* is a run of raw bytes that an object lets others read (and,
// for mutable objects, write) in place: bytes, bytearray, array.array and
// memoryview itself.  coil's buffer protocol is deliberately small:
//
//   get_buffer(o, &info)   -> the bytes (data, len), whether they are
//                             read-only, and the element format ('B' for
//                             bytes, 'i' for array('i') ...).
//
// The pointer is valid only until the exporter next runs Python code that
// could resize it, so memoryview never caches it: every access asks the
// exporter again.  To keep the pointer meaningful between accesses, an
// exporter must refuse to *resize* while views exist.  Views register as
// exports of their base object (buffer_export / buffer_release), and the
// resizing operations of bytearray and array check buffer_exports() and
// raise BufferError ("Existing exports of data: object cannot be
// re-sized").
//
// Types outside runtime/ (array.array in stdlib/native/array.cpp) add
// themselves with register_buffer_type(), so the runtime does not depend on
// the standard library.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "runtime/object.h"
#include "runtime/type.h"

namespace coil::runtime {

extern TypeObject MemoryViewType;

// What an exporter hands out.  `data` is borrowed from `o`.
struct BufferInfo {
  char* data = nullptr;
  size_t len = 0;              // in bytes
  bool readonly = true;
  char format = 'B';           // a struct format character
  size_t itemsize = 1;
};

// Fills `out` for a buffer exporter; false with TypeError set for other
// objects ("memoryview: a bytes-like object is required, not 'int'" when
// `what` is "memoryview", else "a bytes-like object is required, not 'int'").
bool get_buffer(Object* o, BufferInfo* out, const char* what = nullptr);
// Whether `o` exports a buffer (no error set).
bool has_buffer(Object* o);

// The exporter hook for types defined outside runtime/.
using GetBufferFn = bool (*)(Object* o, BufferInfo* out);
void register_buffer_type(TypeObject* type, GetBufferFn fn);

// Export counting (see the essay): how many live views hold `o`'s buffer.
void buffer_export(Object* o);
void buffer_release(Object* o);
int64_t buffer_exports(const Object* o);
// Raises BufferError "Existing exports of data: object cannot be re-sized"
// and returns false when `o` has live exports (for resizing operations).
bool check_resizable(Object* o);

// The bytes of a *contiguous* buffer (bytes, bytearray, array, a
// contiguous memoryview) as a view; false (no error set) otherwise.
bool contiguous_buffer_view(Object* o, std::string_view* out);

// The memoryview type itself; readied on first use (idempotent).
TypeObject* memoryview_type();
// memoryview(o)
Ref<Object> memoryview_new(Object* o);

// struct-module style packing of one native item (shared with array and
// _struct): itemsize of a format char (0 when unknown), and converting
// between Python objects and raw native bytes.  `who` names the caller in
// messages ("memoryview", "array").
size_t native_itemsize(char format);
Ref<Object> unpack_native(char format, const char* p);
// Writes `v` as `format` at p; false with TypeError/ValueError/OverflowError
// set using memoryview's wording ("memoryview: invalid type for format 'B'").
bool pack_native_mv(char format, Object* v, char* p);

}  // namespace coil::runtime
