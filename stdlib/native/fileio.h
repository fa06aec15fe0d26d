// fileio.h — the file objects returned by open(), and sys.stdin/stdout/stderr.
//
// Two layers, shaped like CPython's io stack but without a separate FileIO
// object under each buffered one:
//
//   TextIOWrapper  (TextFile)      str in / str out: encoding, newline
//        |  .buffer                translation, line buffering
//        v
//   BufferedReader / BufferedWriter / BufferedRandom / FileIO  (BinaryFile)
//                                  bytes in / bytes out: the fd, a read
//                                  buffer and a write buffer over POSIX
//                                  read()/write()/lseek()
//
// The text layer keeps no buffer of its own: it decodes straight out of the
// binary layer's read buffer and encodes straight into its write buffer, so
// `sys.stdout.write()` and `sys.stdout.buffer.write()` interleave correctly.
// FileIO (open(..., 'rb', buffering=0)) is the same struct with `raw` set:
// every write goes to the fd at once and reads are single read() calls.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "runtime/object.h"
#include "runtime/type.h"

namespace coil::runtime {

struct Tuple;

extern TypeObject FileIOType;           // _io.FileIO
extern TypeObject BufferedReaderType;   // _io.BufferedReader
extern TypeObject BufferedWriterType;   // _io.BufferedWriter
extern TypeObject BufferedRandomType;   // _io.BufferedRandom
extern TypeObject TextIOWrapperType;    // _io.TextIOWrapper

// The byte layer.  Unread input is rbuf[rpos..); pending output is wbuf.
// At most one of them is non-empty at a time (a read flushes wbuf first, a
// write gives the unread bytes back to the fd with lseek).
struct BinaryFile : Object {
  int fd = -1;
  bool readable = false;
  bool writable = false;
  bool appending = false;
  bool created = false;       // 'x' mode (for the FileIO mode string)
  bool closefd = true;        // close the fd when the object closes
  bool closed = false;
  bool raw = false;           // FileIO: unbuffered
  bool line_buffered = false; // flush after a write containing '\n' (std streams)
  int8_t seekable = -1;       // -1 unknown, else 0/1 (probed with lseek)
  std::string rbuf;
  size_t rpos = 0;
  std::string wbuf;
  Ref<Object> name;           // the file argument: str, bytes or int
};

enum class TextEncoding : uint8_t { Utf8, Ascii, Latin1 };
// newline=None (translate on read), '' (recognise, don't translate), '\n',
// '\r', '\r\n' (the only line ending; '\n' written as it).
enum class NewlineMode : uint8_t { Universal, Untranslated, LF, CR, CRLF };

// The text layer.
struct TextFile : Object {
  Ref<BinaryFile> buffer;
  TextEncoding enc = TextEncoding::Utf8;
  NewlineMode newline = NewlineMode::Universal;
  bool line_buffering = false;
  Ref<Object> encoding;       // the name as given ('UTF-8' by default)
  Ref<Object> errors;         // 'strict' ...
  Ref<Object> mode;           // the mode string given to open()
};

// open(file, mode='r', buffering=-1, encoding=None, errors=None,
//      newline=None, closefd=True, opener=None) — the builtin.
Ref<Object> builtin_open(Object* self, Object* const* args, size_t nargs, Tuple* kwnames);

// A TextIOWrapper over fd 0/1/2 for sys.stdin/stdout/stderr (closefd=False,
// encoding 'utf-8').  `mode` is "r" or "w".  stdout is line-buffered when
// it is a terminal and block-buffered otherwise; stderr is line-buffered
// and flushes stdout before each write, so the two interleave sensibly.
Ref<Object> make_std_stream(int fd, const char* name, const char* mode);
// Flushes the std streams made above (at exit, and before a traceback is
// printed).  Errors are ignored.
void flush_std_streams();

// io.UnsupportedOperation (a subclass of OSError and ValueError), created
// on first use; borrowed.  nullptr with an exception set on failure.
TypeObject* unsupported_operation_type();

// ---- fast paths for print() and input() ----------------------------------------
bool text_file_check(const Object* o);   // exactly an _io.TextIOWrapper
// Writes UTF-8 text as TextIOWrapper.write would (newline translation,
// encoding, line buffering).  -1 with an exception set on error.
int text_file_write(Object* f, std::string_view utf8);
// f.readline() for a TextIOWrapper.
Ref<Object> text_file_readline(Object* f, int64_t limit = -1);
// f.flush() for any file object: the fast path for our own types, a call
// of the `flush` method otherwise.  -1 with an exception set on error.
int file_flush(Object* f);

// Initialises and readies the five types (idempotent; called lazily by
// open() and make_std_stream, or by the bootstrap).  false on error.
bool init_fileio_types();

}  // namespace coil::runtime
