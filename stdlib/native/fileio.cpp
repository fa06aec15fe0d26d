// fileio.cpp — open() and the file objects: _io.FileIO, BufferedReader,
// BufferedWriter, BufferedRandom and TextIOWrapper.
//
// WHY TWO LAYERS AND NOT THREE.  CPython stacks three objects for a text
// file (TextIOWrapper -> BufferedReader -> FileIO), each with its own
// buffer, which costs a copy per layer.  coil keeps one buffer, in the
// binary layer (BinaryFile), and lets the text layer (TextFile) decode out
// of it and encode into it directly.  `.buffer` still returns a real object,
// so writes through sys.stdout and sys.stdout.buffer stay in order.
//
// BUFFERING.  A BinaryFile holds unread input in rbuf[rpos..) and pending
// output in wbuf; never both.  Before a read, pending output is flushed;
// before a write, unread input is given back to the fd (lseek backwards) so
// the file position the OS sees always matches tell().  A FileIO (buffering=0)
// uses the same struct with `raw` set: writes go straight to write(2).
//
// CLOSING.  When the last reference goes the dealloc slot flushes and closes
// the file, so `open("x", "w").write("hi")` lands on disk at once, as in
// CPython.  A pending exception (the dealloc may run during unwinding) is
// saved and restored around the flush.
//
// TEXT.  Files are UTF-8 by default; 'ascii' and 'latin-1' go through the
// codecs of runtime/bytes.h.  Universal newlines: with newline=None a read
// turns "\r\n" and "\r" into "\n".  A "\r" that ends a read chunk sets
// `skip_lf`, so a "\n" starting the next chunk is dropped — the same trick
// as CPython's IncrementalNewlineDecoder, and it never blocks waiting to see
// whether a "\n" follows (which matters for input() on a terminal).
//
// GIL: every blocking system call goes through sys_read()/sys_write()/
// sys_open() below, the single places where the GIL is released
// (vm/gil.h).
#include "stdlib/native/fileio.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>

#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/names.h"
#include "runtime/singletons.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "stdlib/native/signals.h"
#include "vm/gil.h"

namespace coil::runtime {

TypeObject FileIOType;
TypeObject BufferedReaderType;
TypeObject BufferedWriterType;
TypeObject BufferedRandomType;
TypeObject TextIOWrapperType;

namespace {

constexpr size_t kBufSize = 8192;   // io.DEFAULT_BUFFER_SIZE

// The std streams' byte layers (borrowed; cleared by their dealloc), so
// flush_std_streams() and the stderr-flushes-stdout rule can find them.
BinaryFile* g_std[3] = {nullptr, nullptr, nullptr};
TypeObject* g_unsupported = nullptr;   // io.UnsupportedOperation (strong)
bool g_types_ready = false;

// TextFile carries one more bit of state than the header shows: see the
// essay on `skip_lf`.  Kept out of the header (an implementation detail).
struct TextState : TextFile {
  bool skip_lf = false;
};

inline BinaryFile* as_bin(Object* o) { return static_cast<BinaryFile*>(o); }
inline TextState* as_text(Object* o) { return static_cast<TextState*>(o); }

// ---- system calls (the places to release the GIL) ------------------------------

//
// Each releases the GIL around the call (vm/gil.h): the buffers they get
// must not move while other threads run, so they are local strings or the
// memory of an object the caller holds a reference to, never a buffer
// shared through a file object (bf_fill reads into a local chunk).  An
// EINTR runs the signal handlers (the main thread's KeyboardInterrupt);
// when one raises, the call fails with errno EINTR and raise_errno keeps
// the handler's exception.

ssize_t sys_read(int fd, char* buf, size_t n) {
  for (;;) {
    ssize_t r;
    int err;
    {
      vm::ReleaseGil nogil;
      r = ::read(fd, buf, n);
      err = errno;
    }
    errno = err;
    if (r >= 0 || err != EINTR) return r;
    if (!signals_run_pending()) return (errno = EINTR), -1;
  }
}

ssize_t sys_write(int fd, const char* buf, size_t n) {
  for (;;) {
    ssize_t r;
    int err;
    {
      vm::ReleaseGil nogil;
      r = ::write(fd, buf, n);
      err = errno;
    }
    errno = err;
    if (r >= 0 || err != EINTR) return r;
    if (!signals_run_pending()) return (errno = EINTR), -1;
  }
}

int sys_open(const char* path, int flags) {
  for (;;) {
    int fd;
    int err;
    {
      vm::ReleaseGil nogil;
      fd = ::open(path, flags, 0666);
      err = errno;
    }
    errno = err;
    if (fd >= 0 || err != EINTR) return fd;
    if (!signals_run_pending()) return (errno = EINTR), -1;
  }
}

// ---- errors -------------------------------------------------------------------------

Ref<Object> closed_error(const char* msg = "I/O operation on closed file.") {
  return set_error(exc::ValueError, msg);
}

Ref<Object> unsupported(const char* msg) {
  TypeObject* t = unsupported_operation_type();
  if (!t) return nullptr;
  return set_error(t, msg);
}

// ---- the byte layer -------------------------------------------------------------------

size_t unread(const BinaryFile* b) { return b->rbuf.size() - b->rpos; }

// Writes all of `data` to the fd.
bool write_all(BinaryFile* b, const char* data, size_t n) {
  while (n > 0) {
    ssize_t w = sys_write(b->fd, data, n);
    if (w < 0) { set_os_error(errno); return false; }
    data += w;
    n -= static_cast<size_t>(w);
  }
  return true;
}

bool bf_flush_write(BinaryFile* b) {
  if (b->wbuf.empty()) return true;
  std::string pending;
  pending.swap(b->wbuf);   // a failing write drops the data, as CPython after an error
  return write_all(b, pending.data(), pending.size());
}

bool bf_is_seekable(BinaryFile* b) {
  if (b->seekable < 0) b->seekable = ::lseek(b->fd, 0, SEEK_CUR) >= 0 ? 1 : 0;
  return b->seekable == 1;
}

// Gives unread input back to the fd so a write lands where tell() says.
bool bf_drop_read(BinaryFile* b) {
  size_t n = unread(b);
  if (n > 0 && bf_is_seekable(b)) {
    if (::lseek(b->fd, -static_cast<off_t>(n), SEEK_CUR) < 0) {
      set_os_error(errno);
      return false;
    }
  }
  b->rbuf.clear();
  b->rpos = 0;
  return true;
}

// Reads more input into rbuf (compacting consumed bytes first).  Returns
// the number of bytes read, 0 at EOF, -1 with an exception set.
int64_t bf_fill(BinaryFile* b, size_t want = kBufSize) {
  if (!b->wbuf.empty() && !bf_flush_write(b)) return -1;
  if (b->rpos > 0) {
    b->rbuf.erase(0, b->rpos);
    b->rpos = 0;
  }
  if (want < kBufSize) want = kBufSize;
  // Read into a chunk of our own: rbuf may be resized by another thread
  // while this one waits in read(2) without the GIL.
  std::string chunk(want, '\0');
  ssize_t r = sys_read(b->fd, chunk.data(), want);
  if (r < 0) { set_os_error(errno); return -1; }
  b->rbuf.append(chunk.data(), static_cast<size_t>(r));
  return r;
}

// Takes up to n unread bytes (all when n < 0) into *out.
void take(BinaryFile* b, int64_t n, std::string* out) {
  size_t avail = unread(b);
  size_t k = n < 0 || static_cast<size_t>(n) > avail ? avail : static_cast<size_t>(n);
  out->append(b->rbuf, b->rpos, k);
  b->rpos += k;
  if (b->rpos == b->rbuf.size()) { b->rbuf.clear(); b->rpos = 0; }
}

// read(n): up to n bytes, fewer only at EOF; n < 0 reads to EOF.  A raw
// FileIO does a single read(2), as CPython's FileIO.read.
bool bf_read(BinaryFile* b, int64_t n, std::string* out) {
  if (!b->wbuf.empty() && !bf_flush_write(b)) return false;
  if (b->raw && n >= 0) {
    out->resize(static_cast<size_t>(n));
    ssize_t r = sys_read(b->fd, out->data(), static_cast<size_t>(n));
    if (r < 0) { set_os_error(errno); return false; }
    out->resize(static_cast<size_t>(r));
    return true;
  }
  take(b, n, out);
  while (n < 0 || out->size() < static_cast<size_t>(n)) {
    size_t need = n < 0 ? kBufSize * 8 : static_cast<size_t>(n) - out->size();
    int64_t r = bf_fill(b, need);
    if (r < 0) return false;
    if (r == 0) break;
    take(b, n < 0 ? -1 : static_cast<int64_t>(static_cast<size_t>(n) - out->size()), out);
  }
  return true;
}

// readline(limit): through the next b'\n', at most `limit` bytes (< 0: no limit).
bool bf_readline(BinaryFile* b, int64_t limit, std::string* out) {
  if (!b->wbuf.empty() && !bf_flush_write(b)) return false;
  for (;;) {
    if (limit >= 0 && out->size() >= static_cast<size_t>(limit)) return true;
    if (unread(b) == 0) {
      // A raw file reads one byte at a time (it must not read past the line).
      int64_t r = bf_fill(b, b->raw ? 1 : kBufSize);
      if (r < 0) return false;
      if (r == 0) return true;
    }
    const char* p = b->rbuf.data() + b->rpos;
    size_t avail = unread(b);
    if (limit >= 0 && avail > static_cast<size_t>(limit) - out->size())
      avail = static_cast<size_t>(limit) - out->size();
    const void* nl = std::memchr(p, '\n', avail);
    size_t k = nl ? static_cast<size_t>(static_cast<const char*>(nl) - p) + 1 : avail;
    take(b, static_cast<int64_t>(k), out);
    if (nl) return true;
  }
}

bool bf_write(BinaryFile* b, std::string_view data) {
  if (!bf_drop_read(b)) return false;
  // stderr flushes stdout first so that interleaved output stays in order.
  if (b == g_std[2] && g_std[1] && !g_std[1]->closed && !bf_flush_write(g_std[1])) return false;
  if (b->raw) return write_all(b, data.data(), data.size());
  if (b->wbuf.size() + data.size() > kBufSize) {
    if (!bf_flush_write(b)) return false;
    if (data.size() >= kBufSize) return write_all(b, data.data(), data.size());
  }
  b->wbuf.append(data);
  return true;
}

int64_t bf_tell(BinaryFile* b) {
  off_t pos = ::lseek(b->fd, 0, SEEK_CUR);
  if (pos < 0) { set_os_error(errno); return -1; }
  return static_cast<int64_t>(pos) - static_cast<int64_t>(unread(b)) +
         static_cast<int64_t>(b->wbuf.size());
}

int64_t bf_seek(BinaryFile* b, int64_t off, int whence) {
  if (!bf_flush_write(b)) return -1;
  if (whence == SEEK_CUR) off -= static_cast<int64_t>(unread(b));
  b->rbuf.clear();
  b->rpos = 0;
  off_t pos = ::lseek(b->fd, static_cast<off_t>(off), whence);
  if (pos < 0) { set_os_error(errno); return -1; }
  return pos;
}

void forget_std(BinaryFile* b) {
  for (auto& s : g_std)
    if (s == b) s = nullptr;
}

// Flushes and closes; the fd is closed even when the flush fails.
bool bf_close(BinaryFile* b) {
  if (b->closed) return true;
  bool ok = bf_flush_write(b);
  b->closed = true;
  b->rbuf.clear();
  b->rpos = 0;
  forget_std(b);
  if (b->closefd && b->fd >= 0) {
    if (::close(b->fd) < 0 && ok) { set_os_error(errno); ok = false; }
  }
  return ok;
}

// Runs `fn` with any pending exception saved and restored (dealloc paths).
template <class F>
void preserving_error(F fn) {
  Ref<Object> saved = fetch_error();
  fn();
  clear_error();
  if (saved) restore_error(std::move(saved));
}

std::string raw_mode(const BinaryFile* b) {
  std::string m;
  bool plus = b->readable && b->writable;
  if (b->created) m = "xb";
  else if (b->appending) m = "ab";
  else if (b->readable) m = "rb";
  else m = "wb";
  if (plus) m += "+";
  return m;
}

// ---- argument helpers -------------------------------------------------------------

// A size argument that may be None (read(n), binary readline(n)).
bool opt_size(Object* o, int64_t* out) {
  *out = -1;
  if (!o || o == None) return true;
  if (!type_of(o)->nb_index) {
    set_errorf(exc::TypeError, "argument should be integer or None, not '%T'", o);
    return false;
  }
  return index_to_i64(o, out);
}

bool one_optional(const char* fname, size_t nargs, Tuple* kwnames) {
  return check_no_kwargs(fname, kwnames) && check_nargs(fname, nargs, 0, 1);
}

// ---- binary methods ---------------------------------------------------------------

// The order of checks follows CPython's _io._Buffered: readable first,
// then closed ("read of closed file").
bool bin_check_read(BinaryFile* b, const char* what) {
  if (!b->readable) {
    unsupported(b->raw ? "File not open for reading" : "read");
    return false;
  }
  if (b->closed) {
    if (b->raw) closed_error("I/O operation on closed file");
    else set_errorf(exc::ValueError, "%s of closed file", what);
    return false;
  }
  return true;
}

bool bin_check_write(BinaryFile* b) {
  if (b->closed) {
    closed_error(b->raw ? "I/O operation on closed file" : "write to closed file");
    return false;
  }
  if (!b->writable) {
    unsupported(b->raw ? "File not open for writing" : "write");
    return false;
  }
  return true;
}

bool bin_check_open(BinaryFile* b) {
  if (b->closed) { closed_error("I/O operation on closed file"); return false; }
  return true;
}

Ref<Object> bin_read(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  BinaryFile* b = as_bin(self);
  int64_t n;
  if (!one_optional("read", nargs, kwnames) || !opt_size(nargs ? args[0] : nullptr, &n)) return nullptr;
  if (!bin_check_read(b, "read")) return nullptr;
  std::string out;
  if (!bf_read(b, n, &out)) return nullptr;
  return bytes_from(out);
}

Ref<Object> bin_readline(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  BinaryFile* b = as_bin(self);
  int64_t n;
  if (!one_optional("readline", nargs, kwnames) || !opt_size(nargs ? args[0] : nullptr, &n)) return nullptr;
  if (!bin_check_read(b, "readline")) return nullptr;
  std::string out;
  if (!bf_readline(b, n, &out)) return nullptr;
  return bytes_from(out);
}

Ref<Object> bin_write(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  BinaryFile* b = as_bin(self);
  if (!check_no_kwargs("write", kwnames) || !check_nargs("write", nargs, 1, 1)) return nullptr;
  if (!bin_check_write(b)) return nullptr;
  std::string_view data;
  if (!bytes_like_view(args[0], &data))
    return set_errorf(exc::TypeError, "a bytes-like object is required, not '%T'", args[0]);
  if (!bf_write(b, data)) return nullptr;
  return int_from_i64(static_cast<int64_t>(data.size()));
}

Ref<Object> bin_flush(Object* self, Object* const*, size_t nargs, Tuple* kwnames) {
  BinaryFile* b = as_bin(self);
  if (b->closed) return closed_error(b->raw ? "I/O operation on closed file." : "flush of closed file");
  if (!bf_flush_write(b)) return nullptr;
  return none();
}

Ref<Object> bin_close(Object* self, Object* const*, size_t, Tuple*) {
  if (!bf_close(as_bin(self))) return nullptr;
  return none();
}

// seek(pos, whence=0) shared by both layers' argument parsing.
bool seek_args(Object* const* args, size_t nargs, Tuple* kwnames, int64_t* pos, int* whence) {
  if (!check_no_kwargs("seek", kwnames) || !check_nargs("seek", nargs, 1, 2)) return false;
  if (!index_to_i64(args[0], pos)) return false;
  int64_t w = 0;
  if (nargs > 1 && !index_to_i64(args[1], &w)) return false;
  *whence = static_cast<int>(w);
  return true;
}

Ref<Object> bin_seek(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  BinaryFile* b = as_bin(self);
  int64_t pos;
  int whence;
  if (!seek_args(args, nargs, kwnames, &pos, &whence)) return nullptr;
  if (b->closed) return closed_error(b->raw ? "I/O operation on closed file" : "seek of closed file");
  int64_t r = bf_seek(b, pos, whence);
  if (r < 0) return nullptr;
  return int_from_i64(r);
}

Ref<Object> bin_tell(Object* self, Object* const*, size_t, Tuple*) {
  BinaryFile* b = as_bin(self);
  if (!bin_check_open(b)) return nullptr;
  int64_t r = bf_tell(b);
  if (r < 0) return nullptr;
  return int_from_i64(r);
}

// truncate(size=None): the file is cut (or extended) to `size` bytes,
// default the current position; the position itself does not move.
bool do_truncate(BinaryFile* b, Object* size_arg, int64_t* out) {
  int64_t size;
  if (size_arg && size_arg != None) {
    if (!index_to_i64(size_arg, &size)) return false;
  } else {
    size = bf_tell(b);
    if (size < 0) return false;
  }
  if (!bf_flush_write(b) || !bf_drop_read(b)) return false;
  if (::ftruncate(b->fd, static_cast<off_t>(size)) < 0) { set_os_error(errno); return false; }
  *out = size;
  return true;
}

Ref<Object> bin_truncate(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  BinaryFile* b = as_bin(self);
  if (!one_optional("truncate", nargs, kwnames)) return nullptr;
  if (b->closed) return closed_error(b->raw ? "I/O operation on closed file" : "truncate of closed file");
  if (!b->writable) return unsupported(b->raw ? "File not open for writing" : "truncate");
  int64_t size;
  if (!do_truncate(b, nargs ? args[0] : nullptr, &size)) return nullptr;
  return int_from_i64(size);
}

Ref<Object> bin_fileno(Object* self, Object* const*, size_t, Tuple*) {
  BinaryFile* b = as_bin(self);
  if (!bin_check_open(b)) return nullptr;
  return int_from_i64(b->fd);
}

Ref<Object> bin_isatty(Object* self, Object* const*, size_t, Tuple*) {
  BinaryFile* b = as_bin(self);
  if (!bin_check_open(b)) return nullptr;
  return new_bool(::isatty(b->fd) == 1);
}

Ref<Object> bin_readable(Object* self, Object* const*, size_t, Tuple*) {
  BinaryFile* b = as_bin(self);
  if (!bin_check_open(b)) return nullptr;
  return new_bool(b->readable);
}

Ref<Object> bin_writable(Object* self, Object* const*, size_t, Tuple*) {
  BinaryFile* b = as_bin(self);
  if (!bin_check_open(b)) return nullptr;
  return new_bool(b->writable);
}

Ref<Object> bin_seekable(Object* self, Object* const*, size_t, Tuple*) {
  BinaryFile* b = as_bin(self);
  if (!bin_check_open(b)) return nullptr;
  return new_bool(bf_is_seekable(b));
}

// Shared by both layers: `with f:` returns f (closed files refuse).
Ref<Object> file_enter(Object* self, Object* const*, size_t, Tuple*) {
  bool closed = text_file_check(self) ? as_text(self)->buffer->closed : as_bin(self)->closed;
  if (closed) return closed_error();
  return borrow(self);
}

Ref<Object> file_exit(Object* self, Object* const*, size_t, Tuple*) {
  return call_method(self, names::close, nullptr, 0);
}

// readlines(hint=-1) for both layers: lines until their total size
// reaches `hint` (when positive).
Ref<Object> file_readlines(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  int64_t hint;
  if (!one_optional("readlines", nargs, kwnames) || !opt_size(nargs ? args[0] : nullptr, &hint))
    return nullptr;
  Ref<List> lines = list_new();
  if (!lines) return nullptr;
  Ref<Object> it = get_iter(self);
  if (!it) return nullptr;
  int64_t total = 0;
  for (;;) {
    Ref<Object> line = iter_next(it.get());
    if (!line) {
      if (error_occurred()) return nullptr;
      break;
    }
    if (!list_append(lines.get(), line.get())) return nullptr;
    if (hint > 0) {
      int64_t n = length(line.get());
      if (n < 0) return nullptr;
      total += n;
      if (total >= hint) break;
    }
  }
  return lines;
}

// writelines(lines) for both layers: write() for each item.
Ref<Object> file_writelines(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("writelines", kwnames) || !check_nargs("writelines", nargs, 1, 1)) return nullptr;
  bool closed = text_file_check(self) ? as_text(self)->buffer->closed : as_bin(self)->closed;
  if (closed) return closed_error();
  Ref<Object> it = get_iter(args[0]);
  if (!it) return nullptr;
  for (;;) {
    Ref<Object> line = iter_next(it.get());
    if (!line) {
      if (error_occurred()) return nullptr;
      break;
    }
    Object* a[1] = {line.get()};
    if (!call_method(self, names::write, a, 1)) return nullptr;
  }
  return none();
}

Ref<Object> bin_iter(Object* self) {
  if (as_bin(self)->closed) return closed_error();
  return borrow(self);
}

Ref<Object> bin_iternext(Object* self) {
  BinaryFile* b = as_bin(self);
  if (!bin_check_read(b, "readline")) return nullptr;
  std::string out;
  if (!bf_readline(b, -1, &out)) return nullptr;
  if (out.empty()) return nullptr;   // exhausted: no exception (slot convention)
  return bytes_from(out);
}

Ref<Object> bin_repr(Object* self) {
  BinaryFile* b = as_bin(self);
  std::string name;
  if (!repr_utf8(b->name.get(), &name)) return nullptr;
  std::string s = "<";
  s += b->type->name;
  if (b->raw) {
    if (b->closed) return str_from(s + " [closed]>");
    s += " name=" + name + " mode='" + raw_mode(b) + "' closefd=" + (b->closefd ? "True" : "False");
  } else {
    s += " name=" + name;
  }
  return str_from(s + ">");
}

void bin_dealloc(Object* self) {
  BinaryFile* b = as_bin(self);
  if (!b->closed) preserving_error([b] { bf_close(b); });
  forget_std(b);
  destroy_object(b);
}

Ref<Object> bin_get_name(Object* self) { return as_bin(self)->name; }
Ref<Object> bin_get_mode(Object* self) { return str_from(raw_mode(as_bin(self))); }
Ref<Object> bin_get_closed(Object* self) { return new_bool(as_bin(self)->closed); }
Ref<Object> bin_get_closefd(Object* self) { return new_bool(as_bin(self)->closefd); }

const MethodDef bin_methods[] = {
    {"read", bin_read},
    {"read1", bin_read},
    {"readline", bin_readline},
    {"readlines", file_readlines},
    {"write", bin_write},
    {"writelines", file_writelines},
    {"seek", bin_seek},
    {"tell", bin_tell},
    {"truncate", bin_truncate},
    {"flush", bin_flush},
    {"close", bin_close},
    {"fileno", bin_fileno},
    {"isatty", bin_isatty},
    {"readable", bin_readable},
    {"writable", bin_writable},
    {"seekable", bin_seekable},
    {"__enter__", file_enter},
    {"__exit__", file_exit},
    {nullptr},
};

const GetSetDef bin_getset[] = {
    {"name", bin_get_name},
    {"mode", bin_get_mode},
    {"closed", bin_get_closed},
    {nullptr},
};

const GetSetDef fileio_getset[] = {
    {"name", bin_get_name},
    {"mode", bin_get_mode},
    {"closed", bin_get_closed},
    {"closefd", bin_get_closefd},
    {nullptr},
};

// ---- the text layer ------------------------------------------------------------------

bool text_check_open(TextState* t) {
  if (t->buffer->closed) { closed_error(); return false; }
  return true;
}

bool text_check_read(TextState* t) {
  if (!text_check_open(t)) return false;
  if (!t->buffer->readable) { unsupported("not readable"); return false; }
  return true;
}

bool text_check_write(TextState* t) {
  if (!text_check_open(t)) return false;
  if (!t->buffer->writable) { unsupported("not writable"); return false; }
  return true;
}

const char* encoding_name(TextEncoding e) {
  switch (e) {
    case TextEncoding::Utf8: return "utf-8";
    case TextEncoding::Ascii: return "ascii";
    case TextEncoding::Latin1: return "latin-1";
  }
  return "utf-8";
}

const char* errors_cstr(TextState* t) {
  return t->errors ? static_cast<Str*>(t->errors.get())->data : "strict";
}

Ref<Object> text_decode(TextState* t, std::string_view bytes) {
  if (t->enc == TextEncoding::Utf8) return str_decode_utf8(bytes, errors_cstr(t));
  return codec_decode(bytes, encoding_name(t->enc), errors_cstr(t));
}

// Handles one '\r' or '\n' byte `c` already taken from the buffer; returns
// true when it ended a line.  See the essay for the newline modes.
bool text_newline(TextState* t, char c, std::string* out, bool* failed) {
  BinaryFile* b = t->buffer.get();
  switch (t->newline) {
    case NewlineMode::Universal:
      out->push_back('\n');
      if (c == '\r') {
        // A following '\n' belongs to this line end: drop it now if it is
        // buffered, otherwise remember to drop it (never block to look).
        if (unread(b) > 0) {
          if (b->rbuf[b->rpos] == '\n') b->rpos++;
        } else {
          t->skip_lf = true;
        }
      }
      return true;
    case NewlineMode::Untranslated:
      out->push_back(c);
      if (c == '\r') {
        if (unread(b) == 0) {
          int64_t r = bf_fill(b);
          if (r < 0) { *failed = true; return true; }
        }
        if (unread(b) > 0 && b->rbuf[b->rpos] == '\n') {
          b->rpos++;
          out->push_back('\n');
        }
      }
      return true;
    case NewlineMode::LF:
      out->push_back(c);
      return c == '\n';
    case NewlineMode::CR:
      out->push_back(c);
      return c == '\r';
    case NewlineMode::CRLF: {
      bool eol = c == '\n' && !out->empty() && out->back() == '\r';
      out->push_back(c);
      return eol;
    }
  }
  return false;
}

// Collects encoded bytes for up to `max_chars` characters (< 0: no limit),
// stopping after a line end when `line` is set, or at EOF.  Newlines are
// translated on the way.  Characters are counted by UTF-8 lead bytes (or
// bytes, for the one-byte encodings); a character is never split.
bool text_scan(TextState* t, int64_t max_chars, bool line, std::string* out) {
  BinaryFile* b = t->buffer.get();
  const bool utf8 = t->enc == TextEncoding::Utf8;
  int64_t chars = 0;
  int pending = 0;   // continuation bytes still owed by the last character
  for (;;) {
    if (max_chars >= 0 && chars >= max_chars && pending == 0) return true;
    if (unread(b) == 0) {
      int64_t r = bf_fill(b);
      if (r < 0) return false;
      if (r == 0) return true;
    }
    if (t->skip_lf) {
      t->skip_lf = false;
      if (b->rbuf[b->rpos] == '\n') { b->rpos++; continue; }
    }
    const char* start = b->rbuf.data() + b->rpos;
    const char* end = b->rbuf.data() + b->rbuf.size();
    const char* p = start;
    if (max_chars < 0) {
      // Fast path: copy everything up to the next line-end byte.
      while (p < end && *p != '\n' && *p != '\r') ++p;
    } else {
      for (; p < end && *p != '\n' && *p != '\r'; ++p) {
        unsigned char c = static_cast<unsigned char>(*p);
        if (utf8 && (c & 0xC0) == 0x80) {
          if (pending > 0) --pending;
          continue;
        }
        if (chars >= max_chars && pending == 0) break;
        ++chars;
        pending = !utf8 || c < 0xC0 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
      }
    }
    out->append(start, p);
    b->rpos += static_cast<size_t>(p - start);
    if (p == end || (*p != '\n' && *p != '\r')) continue;   // buffer used up, or limit hit
    if (max_chars >= 0) {
      if (chars >= max_chars) return true;
      ++chars;
      pending = 0;
    }
    char c = b->rbuf[b->rpos++];
    bool failed = false;
    bool eol = text_newline(t, c, out, &failed);
    if (failed) return false;
    if (line && eol) return true;
  }
}

// "\r\n" and "\r" to "\n" over a whole chunk (read() to EOF).
void translate_universal(std::string* s) {
  size_t w = 0;
  for (size_t r = 0; r < s->size(); r++) {
    char c = (*s)[r];
    if (c == '\r') {
      c = '\n';
      if (r + 1 < s->size() && (*s)[r + 1] == '\n') r++;
    }
    (*s)[w++] = c;
  }
  s->resize(w);
}

Ref<Object> text_read_impl(TextState* t, int64_t n) {
  std::string bytes;
  if (n < 0 && t->newline == NewlineMode::Universal) {
    if (t->skip_lf) {
      t->skip_lf = false;
      if (unread(t->buffer.get()) == 0 && bf_fill(t->buffer.get()) < 0) return nullptr;
      BinaryFile* b = t->buffer.get();
      if (unread(b) > 0 && b->rbuf[b->rpos] == '\n') b->rpos++;
    }
    if (!bf_read(t->buffer.get(), -1, &bytes)) return nullptr;
    translate_universal(&bytes);
  } else if (!text_scan(t, n, false, &bytes)) {
    return nullptr;
  }
  return text_decode(t, bytes);
}

Ref<Object> text_readline_impl(TextState* t, int64_t limit) {
  std::string bytes;
  if (!text_scan(t, limit, true, &bytes)) return nullptr;
  return text_decode(t, bytes);
}

// Encodes (and newline-translates) UTF-8 text into the byte layer.
int text_write_impl(TextState* t, std::string_view utf8) {
  std::string translated;
  if ((t->newline == NewlineMode::CR || t->newline == NewlineMode::CRLF) &&
      utf8.find('\n') != std::string_view::npos) {
    const char* nl = t->newline == NewlineMode::CR ? "\r" : "\r\n";
    for (char c : utf8) {
      if (c == '\n') translated += nl;
      else translated.push_back(c);
    }
    utf8 = translated;
  }
  Ref<Object> encoded;
  std::string_view data = utf8;
  if (t->enc != TextEncoding::Utf8) {
    Ref<Str> s = str_from(utf8);
    if (!s) return -1;
    encoded = codec_encode(s.get(), encoding_name(t->enc), errors_cstr(t));
    if (!encoded) return -1;
    data = bytes_view(encoded.get());
  }
  BinaryFile* b = t->buffer.get();
  if (!bf_write(b, data)) return -1;
  if (t->line_buffering && utf8.find_first_of("\n\r") != std::string_view::npos &&
      !bf_flush_write(b))
    return -1;
  return 0;
}

Ref<Object> text_read(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  TextState* t = as_text(self);
  int64_t n;
  if (!one_optional("read", nargs, kwnames) || !opt_size(nargs ? args[0] : nullptr, &n)) return nullptr;
  if (!text_check_read(t)) return nullptr;
  return text_read_impl(t, n);
}

Ref<Object> text_readline(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  TextState* t = as_text(self);
  int64_t n = -1;
  if (!one_optional("readline", nargs, kwnames)) return nullptr;
  if (nargs && !index_to_i64(args[0], &n)) return nullptr;
  if (!text_check_read(t)) return nullptr;
  return text_readline_impl(t, n);
}

Ref<Object> text_write(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  TextState* t = as_text(self);
  if (!check_no_kwargs("write", kwnames) || !check_nargs("write", nargs, 1, 1)) return nullptr;
  if (!str_check(args[0]))
    return set_errorf(exc::TypeError, "write() argument must be str, not %T", args[0]);
  if (!text_check_write(t)) return nullptr;
  Str* s = static_cast<Str*>(args[0]);
  if (text_write_impl(t, s->view()) < 0) return nullptr;
  return int_from_i64(s->length);
}

Ref<Object> text_flush(Object* self, Object* const*, size_t, Tuple*) {
  TextState* t = as_text(self);
  if (!text_check_open(t)) return nullptr;
  if (!bf_flush_write(t->buffer.get())) return nullptr;
  return none();
}

Ref<Object> text_close(Object* self, Object* const*, size_t, Tuple*) {
  if (!bf_close(as_text(self)->buffer.get())) return nullptr;
  return none();
}

Ref<Object> text_seek(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  TextState* t = as_text(self);
  int64_t pos;
  int whence;
  if (!seek_args(args, nargs, kwnames, &pos, &whence)) return nullptr;
  if (!text_check_open(t)) return nullptr;
  if (whence < 0 || whence > 2)
    return set_errorf(exc::ValueError, "invalid whence (%d, should be 0, 1 or 2)", whence);
  if (whence == 1 && pos != 0) return unsupported("can't do nonzero cur-relative seeks");
  if (whence == 2 && pos != 0) return unsupported("can't do nonzero end-relative seeks");
  if (whence == 0 && pos < 0) return set_errorf(exc::ValueError, "negative seek position %ld", (long)pos);
  t->skip_lf = false;
  int64_t r = bf_seek(t->buffer.get(), pos, whence);
  if (r < 0) return nullptr;
  return int_from_i64(r);
}

Ref<Object> text_tell(Object* self, Object* const*, size_t, Tuple*) {
  TextState* t = as_text(self);
  if (!text_check_open(t)) return nullptr;
  if (!bf_is_seekable(t->buffer.get())) return unsupported("underlying stream is not seekable");
  int64_t r = bf_tell(t->buffer.get());
  if (r < 0) return nullptr;
  return int_from_i64(r);
}

Ref<Object> text_truncate(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  TextState* t = as_text(self);
  if (!one_optional("truncate", nargs, kwnames)) return nullptr;
  if (!text_check_open(t)) return nullptr;
  if (!t->buffer->writable) return unsupported("truncate");
  int64_t size;
  if (!do_truncate(t->buffer.get(), nargs ? args[0] : nullptr, &size)) return nullptr;
  return int_from_i64(size);
}

// The remaining text methods delegate to the byte layer.
Ref<Object> text_fileno(Object* self, Object* const* a, size_t n, Tuple* k) {
  return bin_fileno(as_text(self)->buffer.get(), a, n, k);
}
Ref<Object> text_isatty(Object* self, Object* const* a, size_t n, Tuple* k) {
  return bin_isatty(as_text(self)->buffer.get(), a, n, k);
}
Ref<Object> text_readable(Object* self, Object* const* a, size_t n, Tuple* k) {
  return bin_readable(as_text(self)->buffer.get(), a, n, k);
}
Ref<Object> text_writable(Object* self, Object* const* a, size_t n, Tuple* k) {
  return bin_writable(as_text(self)->buffer.get(), a, n, k);
}
Ref<Object> text_seekable(Object* self, Object* const* a, size_t n, Tuple* k) {
  return bin_seekable(as_text(self)->buffer.get(), a, n, k);
}

Ref<Object> text_iter(Object* self) {
  if (!text_check_open(as_text(self))) return nullptr;
  return borrow(self);
}

Ref<Object> text_iternext(Object* self) {
  TextState* t = as_text(self);
  if (!text_check_read(t)) return nullptr;
  Ref<Object> line = text_readline_impl(t, -1);
  if (!line || static_cast<Str*>(line.get())->size == 0) return nullptr;
  return line;
}

Ref<Object> text_repr(Object* self) {
  TextState* t = as_text(self);
  std::string name, mode, enc;
  if (!repr_utf8(t->buffer->name.get(), &name) || !repr_utf8(t->mode.get(), &mode) ||
      !repr_utf8(t->encoding.get(), &enc))
    return nullptr;
  return str_from("<_io.TextIOWrapper name=" + name + " mode=" + mode + " encoding=" + enc + ">");
}

void text_dealloc(Object* self) {
  TextState* t = as_text(self);
  if (t->buffer && !t->buffer->closed) {
    BinaryFile* b = t->buffer.get();
    preserving_error([b] { bf_close(b); });
  }
  destroy_object(t);
}

Ref<Object> text_get_name(Object* self) { return as_text(self)->buffer->name; }
Ref<Object> text_get_mode(Object* self) { return as_text(self)->mode; }
Ref<Object> text_get_closed(Object* self) { return new_bool(as_text(self)->buffer->closed); }
Ref<Object> text_get_encoding(Object* self) { return as_text(self)->encoding; }
Ref<Object> text_get_errors(Object* self) { return as_text(self)->errors; }
Ref<Object> text_get_newlines(Object*) { return none(); }
Ref<Object> text_get_line_buffering(Object* self) { return new_bool(as_text(self)->line_buffering); }
Ref<Object> text_get_buffer(Object* self) { return as_text(self)->buffer; }
Ref<Object> text_get_write_through(Object*) { return new_bool(false); }

const MethodDef text_methods[] = {
    {"read", text_read},
    {"readline", text_readline},
    {"readlines", file_readlines},
    {"write", text_write},
    {"writelines", file_writelines},
    {"seek", text_seek},
    {"tell", text_tell},
    {"truncate", text_truncate},
    {"flush", text_flush},
    {"close", text_close},
    {"fileno", text_fileno},
    {"isatty", text_isatty},
    {"readable", text_readable},
    {"writable", text_writable},
    {"seekable", text_seekable},
    {"__enter__", file_enter},
    {"__exit__", file_exit},
    {nullptr},
};

const GetSetDef text_getset[] = {
    {"name", text_get_name},
    {"mode", text_get_mode},
    {"closed", text_get_closed},
    {"encoding", text_get_encoding},
    {"errors", text_get_errors},
    {"newlines", text_get_newlines},
    {"line_buffering", text_get_line_buffering},
    {"buffer", text_get_buffer},
    {"write_through", text_get_write_through},
    {nullptr},
};

// ---- construction -------------------------------------------------------------------

Ref<BinaryFile> new_binary(TypeObject* type, int fd, Ref<Object> name) {
  BinaryFile* b = alloc<BinaryFile>(type);
  if (!b) return nullptr;
  b->fd = fd;
  b->name = std::move(name);
  b->raw = type == &FileIOType;
  return steal(b);
}

Ref<Object> new_text(Ref<BinaryFile> buffer, TextEncoding enc, Ref<Object> encoding,
                     Ref<Object> errors, NewlineMode nl, bool line_buffering, Ref<Object> mode) {
  TextState* t = alloc<TextState>(&TextIOWrapperType);
  if (!t) return nullptr;
  t->buffer = std::move(buffer);
  t->enc = enc;
  t->encoding = std::move(encoding);
  t->errors = std::move(errors);
  t->newline = nl;
  t->line_buffering = line_buffering;
  t->mode = std::move(mode);
  return steal(static_cast<Object*>(t));
}

// Maps an encoding name to the codecs coil has: 'utf-8', 'ascii', 'latin-1'
// and their aliases (case, '-', '_' and ' ' ignored).
bool parse_encoding(std::string_view name, TextEncoding* out) {
  std::string n;
  for (char c : name) {
    if (c == '-' || c == '_' || c == ' ') continue;
    n.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
  }
  if (n == "utf8" || n == "u8" || n == "utf" || n == "locale" || n == "cp65001") {
    *out = TextEncoding::Utf8;
  } else if (n == "ascii" || n == "usascii" || n == "646") {
    *out = TextEncoding::Ascii;
  } else if (n == "latin1" || n == "latin" || n == "iso88591" || n == "l1" || n == "cp819" ||
             n == "8859" || n == "iso8859") {
    *out = TextEncoding::Latin1;
  } else {
    return false;
  }
  return true;
}

bool parse_newline(Object* o, NewlineMode* out) {
  if (!o || o == None) { *out = NewlineMode::Universal; return true; }
  std::string_view v = str_view(o);
  if (v.empty()) *out = NewlineMode::Untranslated;
  else if (v == "\n") *out = NewlineMode::LF;
  else if (v == "\r") *out = NewlineMode::CR;
  else if (v == "\r\n") *out = NewlineMode::CRLF;
  else {
    set_errorf(exc::ValueError, "illegal newline value: %s", std::string(v).c_str());
    return false;
  }
  return true;
}

struct OpenMode {
  bool creating = false, reading = false, writing = false, appending = false;
  bool updating = false, text = false, binary = false;
};

// CPython's _io.open mode checks, with its messages.
bool parse_mode(std::string_view mode, OpenMode* m) {
  for (size_t i = 0; i < mode.size(); i++) {
    char c = mode[i];
    bool* flag = nullptr;
    switch (c) {
      case 'x': flag = &m->creating; break;
      case 'r': flag = &m->reading; break;
      case 'w': flag = &m->writing; break;
      case 'a': flag = &m->appending; break;
      case '+': flag = &m->updating; break;
      case 't': flag = &m->text; break;
      case 'b': flag = &m->binary; break;
      default: break;
    }
    if (!flag || mode.find(c, i + 1) != std::string_view::npos) {
      set_errorf(exc::ValueError, "invalid mode: '%s'", std::string(mode).c_str());
      return false;
    }
    *flag = true;
  }
  if (m->text && m->binary) {
    set_error(exc::ValueError, "can't have text and binary mode at once");
    return false;
  }
  int kinds = m->creating + m->reading + m->writing + m->appending;
  if (kinds > 1) {
    set_error(exc::ValueError, "must have exactly one of create/read/write/append mode");
    return false;
  }
  if (kinds == 0) {
    set_error(exc::ValueError,
              "Must have exactly one of create/read/write/append mode and at most one plus");
    return false;
  }
  return true;
}

// `file` as a path (str, bytes or os.PathLike) or an fd (int).
bool resolve_file(Object* file, Ref<Object>* name, std::string* path, int* fd) {
  *fd = -1;
  if (int_check(file)) {
    int64_t v;
    if (!int_to_i64(file, &v)) return false;
    if (v < 0) { set_error(exc::ValueError, "negative file descriptor"); return false; }
    if (v > INT32_MAX) { set_error(exc::OverflowError, "Python int too large to convert to C int"); return false; }
    *fd = static_cast<int>(v);
    *name = borrow(file);
    return true;
  }
  Ref<Object> p = borrow(file);
  if (!str_check(file) && !bytes_check(file)) {
    Object* fspath = type_lookup(type_of(file), intern("__fspath__"));
    if (!fspath) {
      set_errorf(exc::TypeError, "expected str, bytes or os.PathLike object, not %T", file);
      return false;
    }
    p = call1(fspath, file);
    if (!p) return false;
    if (!str_check(p.get()) && !bytes_check(p.get())) {
      set_errorf(exc::TypeError, "expected %T.__fspath__() to return str or bytes, not %T", file, p.get());
      return false;
    }
  }
  std::string_view v = str_check(p.get()) ? str_view(p.get()) : bytes_view(p.get());
  if (v.find('\0') != std::string_view::npos) {
    set_error(exc::ValueError, "embedded null byte");
    return false;
  }
  *path = std::string(v);
  *name = std::move(p);
  return true;
}

// Opens the byte layer (the part of open() that FileIO.__init__ does).
Ref<BinaryFile> open_binary(TypeObject* type, const OpenMode& m, Object* file, bool closefd) {
  Ref<Object> name;
  std::string path;
  int fd;
  if (!resolve_file(file, &name, &path, &fd)) return nullptr;
  if (fd < 0 && !closefd) {
    set_error(exc::ValueError, "Cannot use closefd=False with file name");
    return nullptr;
  }
  if (fd < 0) {
    int flags = O_CLOEXEC;
    if (m.creating) flags |= O_CREAT | O_EXCL;
    if (m.writing) flags |= O_CREAT | O_TRUNC;
    if (m.appending) flags |= O_CREAT | O_APPEND;
    flags |= m.updating ? O_RDWR : m.reading ? O_RDONLY : O_WRONLY;
    fd = sys_open(path.c_str(), flags);
    if (fd < 0) { set_os_error(errno, name.get()); return nullptr; }
  }
  Ref<BinaryFile> b = new_binary(type, fd, name);
  if (!b) {
    if (closefd) ::close(fd);
    return nullptr;
  }
  b->closefd = closefd;
  b->readable = m.reading || m.updating;
  b->writable = !m.reading || m.updating;
  b->appending = m.appending;
  b->created = m.creating;
  struct stat st;
  if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    set_os_error(EISDIR, name.get());
    return nullptr;   // the Ref's dealloc closes the fd
  }
  if (m.appending) ::lseek(fd, 0, SEEK_END);
  return b;
}

bool str_or_none_arg(Object* o, const char* what) {
  if (!o || o == None || str_check(o)) return true;
  set_errorf(exc::TypeError, "open() argument '%s' must be str or None, not %T", what, o);
  return false;
}

}  // namespace

// ---- public API ------------------------------------------------------------------------

Ref<Object> builtin_open(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  static const ArgSpec spec{"open", {"file", "mode", "buffering", "encoding", "errors", "newline",
                                     "closefd", "opener"}, 1};
  Object* a[8];
  if (!bind_args(spec, args, nargs, kwnames, a)) return nullptr;
  if (!init_fileio_types()) return nullptr;
  Object *file = a[0], *mode_obj = a[1], *encoding = a[3], *errors = a[4], *newline = a[5];
  if (mode_obj && !str_check(mode_obj))
    return set_errorf(exc::TypeError, "open() argument 'mode' must be str, not %T", mode_obj);
  int64_t buffering = -1, closefd = 1;
  if (a[2] && !index_to_i64(a[2], &buffering)) return nullptr;
  if (!str_or_none_arg(encoding, "encoding") || !str_or_none_arg(errors, "errors") ||
      !str_or_none_arg(newline, "newline"))
    return nullptr;
  if (a[6] && !index_to_i64(a[6], &closefd)) return nullptr;
  if (a[7] && a[7] != None) return set_error(exc::NotImplementedError, "open(): opener is not supported");
  if (encoding == None) encoding = nullptr;
  if (errors == None) errors = nullptr;
  if (newline == None) newline = nullptr;

  std::string_view mode = mode_obj ? str_view(mode_obj) : "r";
  OpenMode m;
  if (!parse_mode(mode, &m)) return nullptr;
  if (m.binary && encoding) return set_error(exc::ValueError, "binary mode doesn't take an encoding argument");
  if (m.binary && errors) return set_error(exc::ValueError, "binary mode doesn't take an errors argument");
  if (m.binary && newline) return set_error(exc::ValueError, "binary mode doesn't take a newline argument");

  TypeObject* type = buffering == 0 ? &FileIOType
                     : m.updating   ? &BufferedRandomType
                     : m.reading    ? &BufferedReaderType
                                    : &BufferedWriterType;
  Ref<BinaryFile> b = open_binary(type, m, file, closefd != 0);
  if (!b) return nullptr;
  bool line_buffering = buffering == 1 || (buffering < 0 && ::isatty(b->fd) == 1);
  if (buffering == 0 && !m.binary) return set_error(exc::ValueError, "can't have unbuffered text I/O");
  if (m.binary) return b;

  TextEncoding enc = TextEncoding::Utf8;
  Ref<Object> enc_name = encoding ? borrow(encoding) : Ref<Object>(str_from("UTF-8"));
  if (!enc_name) return nullptr;
  if (encoding && !parse_encoding(str_view(encoding), &enc))
    return set_errorf(exc::LookupError, "unknown encoding: %S", encoding);
  NewlineMode nl;
  if (!parse_newline(newline, &nl)) return nullptr;
  Ref<Object> err_name = errors ? borrow(errors) : Ref<Object>(str_from("strict"));
  if (!err_name) return nullptr;
  return new_text(std::move(b), enc, std::move(enc_name), std::move(err_name), nl,
                  line_buffering, borrow(mode_obj ? mode_obj : static_cast<Object*>(intern("r"))));
}

Ref<Object> make_std_stream(int fd, const char* name, const char* mode) {
  if (!init_fileio_types()) return nullptr;
  bool reading = mode[0] == 'r';
  Ref<Object> name_obj = str_from(name);
  if (!name_obj) return nullptr;
  Ref<BinaryFile> b = new_binary(reading ? &BufferedReaderType : &BufferedWriterType, fd, name_obj);
  if (!b) return nullptr;
  b->closefd = false;
  b->readable = reading;
  b->writable = !reading;
  // stdout is line-buffered on a terminal; stderr always (CPython 3.9+).
  bool line = fd == 2 || (fd == 1 && ::isatty(fd) == 1);
  if (fd >= 0 && fd <= 2) g_std[fd] = b.get();
  Ref<Object> enc = str_from("utf-8");
  Ref<Object> errors = str_from(fd == 2 ? "backslashreplace" : "strict");
  Ref<Object> mode_obj = str_from(mode);
  if (!enc || !errors || !mode_obj) return nullptr;
  return new_text(std::move(b), TextEncoding::Utf8, std::move(enc), std::move(errors),
                  NewlineMode::Universal, line, std::move(mode_obj));
}

void flush_std_streams() {
  preserving_error([] {
    for (int fd = 1; fd <= 2; fd++) {
      if (g_std[fd] && !g_std[fd]->closed && !bf_flush_write(g_std[fd])) clear_error();
    }
  });
}

TypeObject* unsupported_operation_type() {
  if (g_unsupported) return g_unsupported;
  Ref<Object> name = str_from("UnsupportedOperation");
  Ref<Tuple> bases = tuple_pack({exc::OSError, exc::ValueError});
  Ref<Dict> ns = dict_new();
  if (!name || !bases || !ns) return nullptr;
  Ref<Object> module = str_from("io");
  if (!module || dict_set(ns.get(), names::__module__, module.get()) < 0) return nullptr;
  Object* args[3] = {name.get(), bases.get(), ns.get()};
  Ref<Object> t = call(&TypeType, args, 3);
  if (!t) return nullptr;
  g_unsupported = static_cast<TypeObject*>(t.release());
  return g_unsupported;
}

bool text_file_check(const Object* o) { return o->type == &TextIOWrapperType; }

int text_file_write(Object* f, std::string_view utf8) {
  TextState* t = as_text(f);
  if (!text_check_write(t)) return -1;
  return text_write_impl(t, utf8);
}

Ref<Object> text_file_readline(Object* f, int64_t limit) {
  TextState* t = as_text(f);
  if (!text_check_read(t)) return nullptr;
  return text_readline_impl(t, limit);
}

int file_flush(Object* f) {
  if (text_file_check(f)) {
    TextState* t = as_text(f);
    if (!text_check_open(t)) return -1;
    return bf_flush_write(t->buffer.get()) ? 0 : -1;
  }
  Ref<Object> r = call_method(f, names::flush, nullptr, 0);
  return r ? 0 : -1;
}

namespace {

void init_binary_type(TypeObject* t, const char* name, const GetSetDef* getset) {
  t->type = &TypeType;
  t->base = &ObjectType;
  t->name = name;
  t->basic_size = sizeof(BinaryFile);
  t->flags = 0;
  t->dealloc = bin_dealloc;
  t->repr = bin_repr;
  t->iter = bin_iter;
  t->iternext = bin_iternext;
  t->methods = bin_methods;
  t->getset = getset;
}

}  // namespace

bool init_fileio_types() {
  if (g_types_ready) return true;
  init_binary_type(&FileIOType, "_io.FileIO", fileio_getset);
  init_binary_type(&BufferedReaderType, "_io.BufferedReader", bin_getset);
  init_binary_type(&BufferedWriterType, "_io.BufferedWriter", bin_getset);
  init_binary_type(&BufferedRandomType, "_io.BufferedRandom", bin_getset);
  TypeObject& t = TextIOWrapperType;
  t.type = &TypeType;
  t.base = &ObjectType;
  t.name = "_io.TextIOWrapper";
  t.basic_size = sizeof(TextState);
  t.dealloc = text_dealloc;
  t.repr = text_repr;
  t.iter = text_iter;
  t.iternext = text_iternext;
  t.methods = text_methods;
  t.getset = text_getset;
  for (TypeObject* type : {&FileIOType, &BufferedReaderType, &BufferedWriterType,
                           &BufferedRandomType, &TextIOWrapperType}) {
    if (!type_ready(type)) return false;
  }
  g_types_ready = true;
  return true;
}

}  // namespace coil::runtime
