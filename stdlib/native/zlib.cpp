// zlib.cpp — the `zlib` module on the system zlib library.
//
// compress()/decompress() run a whole deflate or inflate over one buffer;
// crc32()/adler32() checksum one.  For buffers of kReleaseGilBytes or more
// they release the GIL (vm/gil.h) around the zlib calls: the work is pure
// computation on memory the caller keeps alive, so other Python threads run
// meanwhile — the one place where threads make a CPU-bound coil program
// faster.  A bytearray could be resized by another thread during that time,
// so its contents are copied first; bytes are immutable and used in place.
//
// compressobj()/decompressobj() wrap a z_stream for streaming (with
// copy()); they keep
// the GIL (each call usually handles a small chunk, and holding the GIL is
// what keeps two threads from driving one stream at once).
//
// Errors are zlib.error with CPython's wording: "Error -3 while
// decompressing data: incorrect header check".
#include <zlib.h>

#include <cstring>
#include <string>

#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/bytes.h"
#include "runtime/descr.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/module.h"
#include "runtime/singletons.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"
#include "stdlib/native/modules.h"
#include "vm/gil.h"

namespace coil::runtime {

TypeObject ZlibCompressType;
TypeObject ZlibDecompressType;

namespace {

constexpr size_t kReleaseGilBytes = 64 * 1024;
constexpr size_t kChunk = 16 * 1024;

Object* g_error = nullptr;   // zlib.error (strong, never freed)

Ref<Object> zlib_error(z_stream& zs, int err, const char* what) {
  const char* zmsg = err == Z_VERSION_ERROR ? "library version mismatch" : zs.msg;
  if (!zmsg) {
    if (err == Z_BUF_ERROR) zmsg = "incomplete or truncated stream";
    else if (err == Z_STREAM_ERROR) zmsg = "inconsistent stream state";
    else if (err == Z_DATA_ERROR) zmsg = "invalid input data";
  }
  TypeObject* t = static_cast<TypeObject*>(g_error);
  if (!zmsg) return set_errorf(t, "Error %d while %s", err, what);
  return set_errorf(t, "Error %d while %s: %.200s", err, what, zmsg);
}

// The bytes of a bytes-like argument; a bytearray is copied into *copy
// when the GIL will be released (it could be resized meanwhile).
bool data_arg(Object* o, std::string_view* out, std::string* copy) {
  if (!bytes_like_view(o, out)) {
    set_errorf(exc::TypeError, "a bytes-like object is required, not '%T'", o);
    return false;
  }
  if (!bytes_check(o) && out->size() >= kReleaseGilBytes) {
    copy->assign(*out);
    *out = *copy;
  }
  return true;
}

bool int_opt(Object* o, int64_t dflt, int64_t* out) {
  *out = dflt;
  return !o || index_to_i64(o, out);
}

// Runs `step` (which touches no object) without the GIL when `big`.
template <class F>
auto maybe_without_gil(bool big, F step) -> decltype(step()) {
  if (!big) return step();
  vm::ReleaseGil nogil;
  return step();
}

// ---- one-shot functions -------------------------------------------------------------

// Deflates all of `in` into *out.  Returns Z_OK or the zlib error code.
int deflate_all(z_stream& zs, std::string_view in, std::string* out) {
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  int err;
  do {
    size_t old = out->size();
    out->resize(old + kChunk);
    zs.next_out = reinterpret_cast<Bytef*>(out->data() + old);
    zs.avail_out = kChunk;
    err = deflate(&zs, Z_FINISH);
    out->resize(old + kChunk - zs.avail_out);
  } while (err == Z_OK || (err == Z_BUF_ERROR && zs.avail_out == 0));
  return err == Z_STREAM_END ? Z_OK : err;
}

Ref<Object> zl_compress(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  static const ArgSpec spec{"compress", {"data", "level", "wbits"}, 1, 1};
  Object* a[3];
  if (!bind_args(spec, args, nargs, kw, a)) return nullptr;
  std::string_view data;
  std::string copy;
  int64_t level, wbits;
  if (!data_arg(a[0], &data, &copy) || !int_opt(a[1], Z_DEFAULT_COMPRESSION, &level) ||
      !int_opt(a[2], MAX_WBITS, &wbits))
    return nullptr;
  z_stream zs;
  std::memset(&zs, 0, sizeof zs);
  int err = deflateInit2(&zs, static_cast<int>(level), Z_DEFLATED, static_cast<int>(wbits), 8,
                         Z_DEFAULT_STRATEGY);
  if (err == Z_MEM_ERROR) return set_error(exc::MemoryError, "Out of memory while compressing data");
  if (err == Z_STREAM_ERROR) return set_error(static_cast<TypeObject*>(g_error), "Bad compression level");
  if (err != Z_OK) {
    deflateEnd(&zs);
    return zlib_error(zs, err, "compressing data");
  }
  std::string out;
  err = maybe_without_gil(data.size() >= kReleaseGilBytes, [&] { return deflate_all(zs, data, &out); });
  if (err != Z_OK) {
    Ref<Object> r = zlib_error(zs, err, "compressing data");
    deflateEnd(&zs);
    return r;
  }
  deflateEnd(&zs);
  return bytes_from(out);
}

// Inflates all of `in` into *out; Z_OK only when the stream ended.
int inflate_all(z_stream& zs, std::string_view in, size_t bufsize, std::string* out) {
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  int err;
  do {
    size_t old = out->size();
    out->resize(old + bufsize);
    zs.next_out = reinterpret_cast<Bytef*>(out->data() + old);
    zs.avail_out = static_cast<uInt>(bufsize);
    err = inflate(&zs, Z_NO_FLUSH);
    out->resize(old + bufsize - zs.avail_out);
    if (err == Z_BUF_ERROR && zs.avail_out > 0) break;   // input ran out before the end
  } while (err == Z_OK || err == Z_BUF_ERROR);
  if (err == Z_STREAM_END) return Z_OK;
  return err == Z_OK ? Z_BUF_ERROR : err;
}

Ref<Object> zl_decompress(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  static const ArgSpec spec{"decompress", {"data", "wbits", "bufsize"}, 1, 1};
  Object* a[3];
  if (!bind_args(spec, args, nargs, kw, a)) return nullptr;
  std::string_view data;
  std::string copy;
  int64_t wbits, bufsize;
  if (!data_arg(a[0], &data, &copy) || !int_opt(a[1], MAX_WBITS, &wbits) ||
      !int_opt(a[2], kChunk, &bufsize))
    return nullptr;
  if (bufsize < 0) return set_error(exc::ValueError, "bufsize must be non-negative");
  if (bufsize == 0) bufsize = 1;
  z_stream zs;
  std::memset(&zs, 0, sizeof zs);
  int err = inflateInit2(&zs, static_cast<int>(wbits));
  if (err == Z_MEM_ERROR) return set_error(exc::MemoryError, "Out of memory while decompressing data");
  if (err != Z_OK) {
    inflateEnd(&zs);
    return zlib_error(zs, err, "preparing to decompress data");
  }
  std::string out;
  err = maybe_without_gil(data.size() >= kReleaseGilBytes,
                          [&] { return inflate_all(zs, data, static_cast<size_t>(bufsize), &out); });
  if (err != Z_OK) {
    Ref<Object> r = zlib_error(zs, err, "decompressing data");
    inflateEnd(&zs);
    return r;
  }
  inflateEnd(&zs);
  return bytes_from(out);
}

// crc32/adler32(data, value): zlib takes at most 4 GiB per call.
template <uLong (*Fn)(uLong, const Bytef*, uInt)>
Ref<Object> checksum(const char* name, uint32_t start, Object* const* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs(name, kw) || !check_nargs(name, nargs, 1, 2)) return nullptr;
  std::string_view data;
  std::string copy;
  if (!data_arg(args[0], &data, &copy)) return nullptr;
  uint64_t value = start;
  if (nargs == 2) {
    Ref<Object> mask = int_from_i64(0xFFFFFFFF);
    Ref<Object> low = mask ? binary_op(args[1], mask.get(), BinaryOp::And) : nullptr;
    int64_t v;
    if (!low || !int_to_i64(low.get(), &v)) return nullptr;
    value = static_cast<uint64_t>(v);
  }
  uLong r = maybe_without_gil(data.size() >= kReleaseGilBytes, [&] {
    uLong acc = static_cast<uLong>(value);
    const Bytef* p = reinterpret_cast<const Bytef*>(data.data());
    size_t left = data.size();
    while (left > 0) {
      uInt n = left > 0x40000000 ? 0x40000000 : static_cast<uInt>(left);
      acc = Fn(acc, p, n);
      p += n;
      left -= n;
    }
    return acc;
  });
  return int_from_u64(r & 0xFFFFFFFFu);
}

Ref<Object> zl_crc32(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  return checksum<crc32>("crc32", 0, args, nargs, kw);
}

Ref<Object> zl_adler32(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  return checksum<adler32>("adler32", 1, args, nargs, kw);
}

// ---- streaming objects -----------------------------------------------------------------

struct ZStream : Object {
  z_stream zs;
  bool inited = false;
  bool is_compress = false;
  bool eof = false;                 // Decompress: the end of the stream was seen
  Ref<Object> unused_data;          // Decompress: bytes after the end of the stream
  Ref<Object> unconsumed_tail;      // Decompress: input held back by max_length
};

ZStream* as_zs(Object* o) { return static_cast<ZStream*>(o); }

void zs_dealloc(Object* self) {
  ZStream* z = as_zs(self);
  if (z->inited) {
    if (z->is_compress) deflateEnd(&z->zs);
    else inflateEnd(&z->zs);
  }
  destroy_object(z);
}

Ref<Object> new_zstream(TypeObject* type, bool compress) {
  ZStream* z = alloc<ZStream>(type);
  if (!z) return nullptr;
  Ref<Object> r = steal(static_cast<Object*>(z));
  std::memset(&z->zs, 0, sizeof z->zs);
  z->is_compress = compress;
  z->unused_data = bytes_empty();
  z->unconsumed_tail = bytes_empty();
  if (!z->unused_data || !z->unconsumed_tail) return nullptr;
  return r;
}

Ref<Object> zl_compressobj(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  static const ArgSpec spec{"compressobj", {"level", "method", "wbits", "memLevel", "strategy", "zdict"}, 0};
  Object* a[6];
  if (!bind_args(spec, args, nargs, kw, a)) return nullptr;
  int64_t level, method, wbits, mem_level, strategy;
  if (!int_opt(a[0], Z_DEFAULT_COMPRESSION, &level) || !int_opt(a[1], Z_DEFLATED, &method) ||
      !int_opt(a[2], MAX_WBITS, &wbits) || !int_opt(a[3], 8, &mem_level) ||
      !int_opt(a[4], Z_DEFAULT_STRATEGY, &strategy))
    return nullptr;
  Ref<Object> r = new_zstream(&ZlibCompressType, true);
  if (!r) return nullptr;
  ZStream* z = as_zs(r.get());
  int err = deflateInit2(&z->zs, static_cast<int>(level), static_cast<int>(method), static_cast<int>(wbits),
                         static_cast<int>(mem_level), static_cast<int>(strategy));
  if (err == Z_STREAM_ERROR) return set_error(exc::ValueError, "Invalid initialization option");
  if (err == Z_MEM_ERROR) return set_error(exc::MemoryError, "Can't allocate memory for compression object");
  if (err != Z_OK) return zlib_error(z->zs, err, "creating compression object");
  z->inited = true;
  if (a[5] && a[5] != None) {
    std::string_view dict;
    if (!bytes_like_view(a[5], &dict)) return set_error(exc::TypeError, "zdict argument must support the buffer protocol");
    err = deflateSetDictionary(&z->zs, reinterpret_cast<const Bytef*>(dict.data()), static_cast<uInt>(dict.size()));
    if (err != Z_OK) return set_error(exc::ValueError, "Invalid dictionary");
  }
  return r;
}

Ref<Object> zl_decompressobj(Object*, Object* const* args, size_t nargs, Tuple* kw) {
  static const ArgSpec spec{"decompressobj", {"wbits", "zdict"}, 0};
  Object* a[2];
  if (!bind_args(spec, args, nargs, kw, a)) return nullptr;
  int64_t wbits;
  if (!int_opt(a[0], MAX_WBITS, &wbits)) return nullptr;
  Ref<Object> r = new_zstream(&ZlibDecompressType, false);
  if (!r) return nullptr;
  ZStream* z = as_zs(r.get());
  int err = inflateInit2(&z->zs, static_cast<int>(wbits));
  if (err == Z_STREAM_ERROR) return set_error(exc::ValueError, "Invalid initialization option");
  if (err == Z_MEM_ERROR) return set_error(exc::MemoryError, "Can't allocate memory for decompression object");
  if (err != Z_OK) return zlib_error(z->zs, err, "creating decompression object");
  z->inited = true;
  return r;
}

// Runs deflate with `flush` over `in`, appending everything produced.
bool deflate_some(ZStream* z, std::string_view in, int flush, std::string* out) {
  z->zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z->zs.avail_in = static_cast<uInt>(in.size());
  int err;
  do {
    size_t old = out->size();
    out->resize(old + kChunk);
    z->zs.next_out = reinterpret_cast<Bytef*>(out->data() + old);
    z->zs.avail_out = kChunk;
    err = deflate(&z->zs, flush);
    out->resize(old + kChunk - z->zs.avail_out);
    if (err == Z_STREAM_ERROR) {
      zlib_error(z->zs, err, flush == Z_NO_FLUSH ? "compressing data" : "flushing");
      return false;
    }
  } while (z->zs.avail_out == 0 || (z->zs.avail_in > 0 && err == Z_OK));
  return true;
}

Ref<Object> comp_compress(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("compress", kw) || !check_nargs("compress", nargs, 1, 1)) return nullptr;
  ZStream* z = as_zs(self);
  std::string_view data;
  if (!bytes_like_view(args[0], &data))
    return set_errorf(exc::TypeError, "a bytes-like object is required, not '%T'", args[0]);
  if (!z->inited) return set_error(static_cast<TypeObject*>(g_error), "Error -2 while compressing data: inconsistent stream state");
  std::string out;
  if (!deflate_some(z, data, Z_NO_FLUSH, &out)) return nullptr;
  return bytes_from(out);
}

Ref<Object> comp_flush(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("flush", kw) || !check_nargs("flush", nargs, 0, 1)) return nullptr;
  int64_t mode = Z_FINISH;
  if (nargs == 1 && !index_to_i64(args[0], &mode)) return nullptr;
  if (mode == Z_NO_FLUSH) return bytes_empty();
  ZStream* z = as_zs(self);
  if (!z->inited) return set_error(static_cast<TypeObject*>(g_error), "Error -2 while flushing: inconsistent stream state");
  std::string out;
  if (!deflate_some(z, {}, static_cast<int>(mode), &out)) return nullptr;
  if (mode == Z_FINISH) {
    deflateEnd(&z->zs);
    z->inited = false;
  }
  return bytes_from(out);
}

// Keeps the input after the end of the stream (unused_data) or the input
// max_length held back (unconsumed_tail).
bool save_tails(ZStream* z, int err) {
  std::string_view rest(reinterpret_cast<const char*>(z->zs.next_in), z->zs.avail_in);
  if (err == Z_STREAM_END) {
    std::string_view old = bytes_view(z->unused_data.get());
    z->unused_data = bytes_from(std::string(old) + std::string(rest));
    z->unconsumed_tail = bytes_empty();
    z->eof = true;
  } else {
    z->unconsumed_tail = bytes_from(rest);
  }
  return z->unused_data && z->unconsumed_tail;
}

Ref<Object> decomp_decompress(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  static const ArgSpec spec{"decompress", {"data", "max_length"}, 1, 1};
  Object* a[2];
  if (!bind_args(spec, args, nargs, kw, a)) return nullptr;
  std::string_view data;
  if (!bytes_like_view(a[0], &data))
    return set_errorf(exc::TypeError, "a bytes-like object is required, not '%T'", a[0]);
  int64_t max_length = 0;
  if (a[1] && !index_to_i64(a[1], &max_length)) return nullptr;
  if (max_length < 0) return set_error(exc::ValueError, "max_length must be non-negative");
  ZStream* z = as_zs(self);
  std::string keep(data);   // next_in must stay valid until save_tails
  z->zs.next_in = reinterpret_cast<Bytef*>(keep.data());
  z->zs.avail_in = static_cast<uInt>(keep.size());
  std::string out;
  int err = Z_OK;
  for (;;) {
    size_t room = kChunk;
    if (max_length > 0) {
      if (out.size() >= static_cast<size_t>(max_length)) break;
      room = std::min<size_t>(room, static_cast<size_t>(max_length) - out.size());
    }
    size_t old = out.size();
    out.resize(old + room);
    z->zs.next_out = reinterpret_cast<Bytef*>(out.data() + old);
    z->zs.avail_out = static_cast<uInt>(room);
    err = inflate(&z->zs, Z_SYNC_FLUSH);
    out.resize(old + room - z->zs.avail_out);
    if (err == Z_STREAM_END || err == Z_BUF_ERROR) break;
    if (err != Z_OK) {
      zlib_error(z->zs, err, "decompressing data");
      return nullptr;
    }
    if (z->zs.avail_in == 0 && z->zs.avail_out > 0) break;
  }
  if (!save_tails(z, err)) return nullptr;
  return bytes_from(out);
}

Ref<Object> decomp_flush(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("flush", kw) || !check_nargs("flush", nargs, 0, 1)) return nullptr;
  ZStream* z = as_zs(self);
  // Everything decompress() could produce it already returned, except
  // input held back by max_length.
  std::string_view tail = bytes_view(z->unconsumed_tail.get());
  if (tail.empty()) return bytes_empty();
  Ref<Object> t = bytes_from(tail);
  Object* arg = t.get();
  return decomp_decompress(self, &arg, 1, nullptr);
}

Ref<Object> decomp_eof(Object* self) { return borrow(as_zs(self)->eof ? True : False); }
Ref<Object> decomp_unused(Object* self) { return as_zs(self)->unused_data; }
Ref<Object> decomp_tail(Object* self) { return as_zs(self)->unconsumed_tail; }

// copy(): an independent stream in the same state (deflateCopy/inflateCopy).
Ref<Object> zs_copy(Object* self, Object* const*, size_t nargs, Tuple* kw) {
  if (!check_no_args("copy", nargs, kw)) return nullptr;
  ZStream* z = as_zs(self);
  if (!z->inited) return set_error(exc::ValueError, "Inconsistent stream state");
  Ref<Object> r = new_zstream(self->type, z->is_compress);
  if (!r) return nullptr;
  ZStream* c = as_zs(r.get());
  int err = z->is_compress ? deflateCopy(&c->zs, &z->zs) : inflateCopy(&c->zs, &z->zs);
  if (err == Z_STREAM_ERROR) return set_error(exc::ValueError, "Inconsistent stream state");
  if (err == Z_MEM_ERROR) return set_error(exc::MemoryError, "Can't allocate memory for compression object");
  if (err != Z_OK) return zlib_error(z->zs, err, "copying compression object");
  c->inited = true;
  c->eof = z->eof;
  c->unused_data = z->unused_data;
  c->unconsumed_tail = z->unconsumed_tail;
  return r;
}

const MethodDef compress_methods[] = {
    {"copy", zs_copy, MethodKind::Instance, "Return a copy of the compression object."},
    {"compress", comp_compress, MethodKind::Instance, "Returns a bytes object containing compressed data."},
    {"flush", comp_flush, MethodKind::Instance, "Return a bytes object containing any remaining compressed data."},
    {nullptr},
};

const MethodDef decompress_methods[] = {
    {"copy", zs_copy, MethodKind::Instance, "Return a copy of the decompression object."},
    {"decompress", decomp_decompress, MethodKind::Instance, "Return a bytes object containing the decompressed version of the data."},
    {"flush", decomp_flush, MethodKind::Instance, "Return a bytes object containing any remaining decompressed data."},
    {nullptr},
};

const GetSetDef decompress_getset[] = {
    {"eof", decomp_eof, nullptr, nullptr},
    {"unused_data", decomp_unused, nullptr, nullptr},
    {"unconsumed_tail", decomp_tail, nullptr, nullptr},
    {nullptr},
};

bool init_zlib_types() {
  if (type_has(&ZlibCompressType, kReady)) return true;
  for (TypeObject* t : {&ZlibCompressType, &ZlibDecompressType}) {
    t->type = &TypeType;
    t->base = &ObjectType;
    t->basic_size = sizeof(ZStream);
    t->dealloc = zs_dealloc;
  }
  ZlibCompressType.name = "zlib.Compress";
  ZlibCompressType.methods = compress_methods;
  ZlibDecompressType.name = "zlib.Decompress";
  ZlibDecompressType.methods = decompress_methods;
  ZlibDecompressType.getset = decompress_getset;
  return type_ready(&ZlibCompressType) && type_ready(&ZlibDecompressType);
}

const MethodDef zlib_functions[] = {
    {"compress", zl_compress, MethodKind::Instance, "Returns a bytes object containing compressed data."},
    {"decompress", zl_decompress, MethodKind::Instance, "Returns a bytes object containing the uncompressed data."},
    {"crc32", zl_crc32, MethodKind::Instance, "Compute a CRC-32 checksum of data."},
    {"adler32", zl_adler32, MethodKind::Instance, "Compute an Adler-32 checksum of data."},
    {"compressobj", zl_compressobj, MethodKind::Instance, "Return a compressor object."},
    {"decompressobj", zl_decompressobj, MethodKind::Instance, "Return a decompressor object."},
    {nullptr},
};

struct NamedInt {
  const char* name;
  int64_t value;
};

const NamedInt kConstants[] = {
    {"MAX_WBITS", MAX_WBITS}, {"DEFLATED", Z_DEFLATED}, {"DEF_MEM_LEVEL", 8}, {"DEF_BUF_SIZE", 16384},
    {"Z_NO_COMPRESSION", Z_NO_COMPRESSION}, {"Z_BEST_SPEED", Z_BEST_SPEED},
    {"Z_BEST_COMPRESSION", Z_BEST_COMPRESSION}, {"Z_DEFAULT_COMPRESSION", Z_DEFAULT_COMPRESSION},
    {"Z_FILTERED", Z_FILTERED}, {"Z_HUFFMAN_ONLY", Z_HUFFMAN_ONLY}, {"Z_RLE", Z_RLE}, {"Z_FIXED", Z_FIXED},
    {"Z_DEFAULT_STRATEGY", Z_DEFAULT_STRATEGY}, {"Z_NO_FLUSH", Z_NO_FLUSH},
    {"Z_PARTIAL_FLUSH", Z_PARTIAL_FLUSH}, {"Z_SYNC_FLUSH", Z_SYNC_FLUSH}, {"Z_FULL_FLUSH", Z_FULL_FLUSH},
    {"Z_FINISH", Z_FINISH}, {"Z_BLOCK", Z_BLOCK}, {"Z_TREES", Z_TREES},
};

bool make_error_class() {
  if (g_error) return true;
  Ref<Object> name = str_from("error");
  Ref<Object> bases = tuple_pack({exc::Exception});
  Ref<Dict> ns = dict_new();
  Ref<Object> mod = str_from("zlib");
  if (!name || !bases || !ns || !mod || dict_set_str(ns.get(), "__module__", mod.get()) < 0) return false;
  Object* targs[3] = {name.get(), bases.get(), ns.get()};
  Ref<Object> cls = call(&TypeType, targs, 3);
  if (!cls) return false;
  g_error = cls.release();
  return true;
}

}  // namespace

Ref<Object> make_zlib_module() {
  if (!init_zlib_types() || !make_error_class()) return nullptr;
  Ref<Object> m = module_new_builtin("zlib");
  if (!m || !module_add_functions(m.get(), zlib_functions) || !module_add_object(m.get(), "error", g_error))
    return nullptr;
  Dict* d = module_dict(m.get());
  for (const NamedInt& c : kConstants) {
    Ref<Object> v = int_from_i64(c.value);
    if (!v || dict_set_str(d, c.name, v.get()) < 0) return nullptr;
  }
  Ref<Object> version = str_from(ZLIB_VERSION);
  Ref<Object> runtime_version = str_from(zlibVersion());
  if (!version || !runtime_version || dict_set_str(d, "ZLIB_VERSION", version.get()) < 0 ||
      dict_set_str(d, "ZLIB_RUNTIME_VERSION", runtime_version.get()) < 0)
    return nullptr;
  return m;
}

}  // namespace coil::runtime
