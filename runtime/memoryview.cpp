// memoryview.cpp — memoryview: a typed, shaped window onto another object's
// bytes, and the small buffer protocol behind it (see memoryview.h).
//
// LAYOUT.  A view does not own memory.  It holds its exporter (`base`:
// bytes, bytearray or array — never another memoryview: a view of a view
// shares the first view's base) and describes which bytes of the base's
// buffer it shows, as CPython's Py_buffer does:
//
//     item [i0, i1, ...] lives at  offset + i0*strides[0] + i1*strides[1] ...
//
// Slicing only changes offset/shape/strides, so `m[2:8:2]` copies nothing
// and writes through it land in the base.  cast() reinterprets a C-contiguous
// view with another item format (and optionally a shape): 'i' items seen as
// 'B' bytes, or 8 bytes seen as a 2x4 matrix.
//
// SAFETY.  The base's buffer pointer is fetched again on every access
// (bytearray may have reallocated in between), and each live view counts
// as an export of its base, which forbids resizing the base until the view
// is released — so offsets never point past the end.  release() (or the
// end of a `with` block) drops the export at once; the dealloc drops it
// otherwise.
#include "runtime/memoryview.h"

#include <cstdio>
#include <cstring>
#include <unordered_map>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/bytes.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/sequtil.h"
#include "runtime/singletons.h"
#include "runtime/slice.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace coil::runtime {

TypeObject MemoryViewType;

namespace {

constexpr int kMaxDim = 64;   // CPython's PyBUF_MAX_NDIM

struct MemoryView : Object {
  Ref<Object> base;            // the exporter (strong), kept after release for .obj errors
  bool released = false;
  bool readonly = true;
  char format = 'B';
  size_t itemsize = 1;
  int64_t offset = 0;          // byte offset of the first item in base's buffer
  int ndim = 1;
  int64_t shape[kMaxDim] = {};
  int64_t strides[kMaxDim] = {};
};

inline MemoryView* as_mv(Object* o) { return static_cast<MemoryView*>(o); }

// ---- the exporter registry and export counts -------------------------------------------

struct Exporter {
  TypeObject* type;
  GetBufferFn fn;
};
std::vector<Exporter>& exporters() {
  static std::vector<Exporter> v;
  return v;
}

std::unordered_map<const Object*, int64_t>& export_counts() {
  static std::unordered_map<const Object*, int64_t> m;
  return m;
}

char g_empty[1] = {0};   // the data of an empty bytearray

bool builtin_buffer(Object* o, BufferInfo* out) {
  if (bytes_check(o)) {
    Bytes* b = static_cast<Bytes*>(o);
    *out = BufferInfo{b->data, static_cast<size_t>(b->size), true, 'B', 1};
    return true;
  }
  if (bytearray_check(o)) {
    ByteArray* b = static_cast<ByteArray*>(o);
    *out = BufferInfo{b->data ? b->data : g_empty, b->size, false, 'B', 1};
    return true;
  }
  for (const Exporter& e : exporters())
    if (is_instance_of(o, e.type)) return e.fn(o, out);
  return false;
}

}  // namespace

void register_buffer_type(TypeObject* type, GetBufferFn fn) {
  for (const Exporter& e : exporters())
    if (e.type == type) return;
  exporters().push_back({type, fn});
}

void buffer_export(Object* o) { ++export_counts()[o]; }

void buffer_release(Object* o) {
  auto& m = export_counts();
  auto it = m.find(o);
  if (it == m.end()) return;
  if (--it->second <= 0) m.erase(it);
}

int64_t buffer_exports(const Object* o) {
  auto& m = export_counts();
  auto it = m.find(o);
  return it == m.end() ? 0 : it->second;
}

bool check_resizable(Object* o) {
  if (buffer_exports(o) == 0) return true;
  set_error(exc::BufferError, "Existing exports of data: object cannot be re-sized");
  return false;
}

// ---- native item packing ------------------------------------------------------------------

size_t native_itemsize(char f) {
  switch (f) {
    case 'b': case 'B': case 'c': case '?': return 1;
    case 'h': case 'H': case 'e': return 2;
    case 'i': case 'I': case 'f': return 4;
    case 'l': case 'L': return sizeof(long);
    case 'q': case 'Q': case 'd': return 8;
    case 'n': case 'N': return sizeof(size_t);
    case 'P': return sizeof(void*);
    default: return 0;
  }
}

namespace {

template <class T>
T load(const char* p) {
  T v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
template <class T>
void store(char* p, T v) { std::memcpy(p, &v, sizeof v); }

bool is_signed_code(char f) { return f == 'b' || f == 'h' || f == 'i' || f == 'l' || f == 'q' || f == 'n'; }

}  // namespace

Ref<Object> unpack_native(char f, const char* p) {
  switch (f) {
    case 'b': return int_from_i64(load<int8_t>(p));
    case 'B': return int_from_i64(load<uint8_t>(p));
    case 'h': return int_from_i64(load<int16_t>(p));
    case 'H': return int_from_i64(load<uint16_t>(p));
    case 'i': return int_from_i64(load<int32_t>(p));
    case 'I': return int_from_i64(load<uint32_t>(p));
    case 'l': case 'q': case 'n': return int_from_i64(load<int64_t>(p));
    case 'L': case 'Q': case 'N': case 'P': return int_from_u64(load<uint64_t>(p));
    case 'f': return float_from_double(load<float>(p));
    case 'd': return float_from_double(load<double>(p));
    case '?': return new_bool(*p != 0);
    case 'c': return bytes_from(std::string_view(p, 1));
    default: return set_errorf(exc::NotImplementedError, "memoryview: format %c not supported", f);
  }
}

bool pack_native_mv(char f, Object* v, char* p) {
  auto bad_type = [f]() {
    set_errorf(exc::TypeError, "memoryview: invalid type for format '%c'", f);
    return false;
  };
  auto bad_value = [f]() {
    set_errorf(exc::ValueError, "memoryview: invalid value for format '%c'", f);
    return false;
  };
  switch (f) {
    case '?': {
      int t = is_true(v);
      if (t < 0) return false;
      *p = static_cast<char>(t);
      return true;
    }
    case 'c': {
      if (!bytes_check(v)) return bad_type();
      if (bytes_view(v).size() != 1) return bad_value();
      *p = bytes_view(v)[0];
      return true;
    }
    case 'f': case 'd': {
      Ref<Object> fl = float_check(v) ? borrow(v) : Ref<Object>();
      if (!fl) {
        if (!int_check(v) && !type_of(v)->nb_float) return bad_type();
        fl = to_float(v);
        if (!fl) return false;
      }
      double d = float_value(fl.get());
      if (f == 'f') store<float>(p, static_cast<float>(d));
      else store<double>(p, d);
      return true;
    }
    default: break;
  }
  if (!int_check(v)) {
    if (!type_of(v)->nb_index) return bad_type();
  }
  Ref<Object> iv = index(v);
  if (!iv) return false;
  size_t size = native_itemsize(f);
  if (is_signed_code(f)) {
    int64_t x;
    if (!int_fits_i64(iv.get(), &x)) return bad_value();
    int64_t lo = size == 8 ? INT64_MIN : -(int64_t{1} << (size * 8 - 1));
    int64_t hi = size == 8 ? INT64_MAX : (int64_t{1} << (size * 8 - 1)) - 1;
    if (x < lo || x > hi) return bad_value();
    switch (size) {
      case 1: store<int8_t>(p, static_cast<int8_t>(x)); break;
      case 2: store<int16_t>(p, static_cast<int16_t>(x)); break;
      case 4: store<int32_t>(p, static_cast<int32_t>(x)); break;
      default: store<int64_t>(p, x); break;
    }
    return true;
  }
  // Unsigned: 0 <= x < 2**(8*size).
  if (int_sign(iv.get()) < 0) return bad_value();
  uint64_t x;
  if (int_bit_length(iv.get()) > size * 8) return bad_value();
  {
    mpz_t z;
    mpz_init(z);
    int_to_mpz(iv.get(), z);
    x = mpz_get_ui(z);
    mpz_clear(z);
  }
  switch (size) {
    case 1: store<uint8_t>(p, static_cast<uint8_t>(x)); break;
    case 2: store<uint16_t>(p, static_cast<uint16_t>(x)); break;
    case 4: store<uint32_t>(p, static_cast<uint32_t>(x)); break;
    default: store<uint64_t>(p, x); break;
  }
  return true;
}

// ---- the protocol entry points ------------------------------------------------------------

namespace {

bool view_is_c_contiguous(const MemoryView* v) {
  int64_t expect = static_cast<int64_t>(v->itemsize);
  for (int d = v->ndim - 1; d >= 0; d--) {
    if (v->shape[d] > 1 && v->strides[d] != expect) return false;
    expect *= v->shape[d];
  }
  return true;
}

int64_t view_nitems(const MemoryView* v) {
  int64_t n = 1;
  for (int d = 0; d < v->ndim; d++) n *= v->shape[d];
  return n;
}

int64_t view_nbytes(const MemoryView* v) { return view_nitems(v) * static_cast<int64_t>(v->itemsize); }

Ref<Object> released_error() {
  return set_error(exc::ValueError, "operation forbidden on released memoryview object");
}

// The base's bytes for this view, checked against the view's extent.
bool acquire(MemoryView* v, BufferInfo* bi) {
  if (v->released) { released_error(); return false; }
  if (!builtin_buffer(v->base.get(), bi)) {
    set_error(exc::SystemError, "memoryview: the exporter no longer exports a buffer");
    return false;
  }
  return true;
}

}  // namespace

bool get_buffer(Object* o, BufferInfo* out, const char* what) {
  if (o->type == &MemoryViewType) {
    MemoryView* v = as_mv(o);
    BufferInfo bi;
    if (!acquire(v, &bi)) return false;
    *out = BufferInfo{bi.data + v->offset, static_cast<size_t>(view_nbytes(v)), v->readonly, v->format, v->itemsize};
    return true;
  }
  if (builtin_buffer(o, out)) return true;
  if (what) set_errorf(exc::TypeError, "%s: a bytes-like object is required, not '%T'", what, o);
  else set_errorf(exc::TypeError, "a bytes-like object is required, not '%T'", o);
  return false;
}

bool has_buffer(Object* o) {
  BufferInfo bi;
  if (o->type == &MemoryViewType) return !as_mv(o)->released;
  return builtin_buffer(o, &bi);
}

bool contiguous_buffer_view(Object* o, std::string_view* out) {
  if (o->type == &MemoryViewType) {
    MemoryView* v = as_mv(o);
    BufferInfo bi;
    if (v->released || !view_is_c_contiguous(v) || !builtin_buffer(v->base.get(), &bi)) return false;
    *out = std::string_view(bi.data + v->offset, static_cast<size_t>(view_nbytes(v)));
    return true;
  }
  BufferInfo bi;
  if (!builtin_buffer(o, &bi)) return false;
  *out = std::string_view(bi.data, bi.len);
  return true;
}

namespace {

// ---- construction --------------------------------------------------------------------------

Ref<MemoryView> alloc_view(Object* base) {
  MemoryView* v = alloc<MemoryView>(&MemoryViewType);
  if (!v) return nullptr;
  v->base = borrow(base);
  buffer_export(base);
  return steal(v);
}

// A new view with the same layout as `src` (for slicing and memoryview(m)).
Ref<MemoryView> copy_view(MemoryView* src) {
  Ref<MemoryView> v = alloc_view(src->base.get());
  if (!v) return nullptr;
  v->readonly = src->readonly;
  v->format = src->format;
  v->itemsize = src->itemsize;
  v->offset = src->offset;
  v->ndim = src->ndim;
  for (int d = 0; d < src->ndim; d++) {
    v->shape[d] = src->shape[d];
    v->strides[d] = src->strides[d];
  }
  return v;
}

}  // namespace

Ref<Object> memoryview_new(Object* o) {
  if (!memoryview_type()) return nullptr;
  if (o->type == &MemoryViewType) {
    if (as_mv(o)->released) return released_error();
    return copy_view(as_mv(o));
  }
  BufferInfo bi;
  if (!get_buffer(o, &bi, "memoryview")) return nullptr;
  Ref<MemoryView> v = alloc_view(o);
  if (!v) return nullptr;
  v->readonly = bi.readonly;
  v->format = bi.format;
  v->itemsize = bi.itemsize;
  v->ndim = 1;
  v->shape[0] = static_cast<int64_t>(bi.len / bi.itemsize);
  v->strides[0] = static_cast<int64_t>(bi.itemsize);
  return v;
}

namespace {

// ---- item access ---------------------------------------------------------------------------

// Byte position of the item at flat C-order index `k` (any layout).
int64_t flat_offset(const MemoryView* v, int64_t k) {
  int64_t off = v->offset;
  for (int d = v->ndim - 1; d >= 0; d--) {
    int64_t n = v->shape[d];
    off += (k % n) * v->strides[d];
    k /= n;
  }
  return off;
}

// Copies the view's items in C order into *out.
bool gather(MemoryView* v, std::string* out) {
  BufferInfo bi;
  if (!acquire(v, &bi)) return false;
  int64_t n = view_nitems(v);
  out->clear();
  if (view_is_c_contiguous(v)) {
    out->assign(bi.data + v->offset, static_cast<size_t>(n) * v->itemsize);
    return true;
  }
  out->reserve(static_cast<size_t>(n) * v->itemsize);
  for (int64_t k = 0; k < n; k++) out->append(bi.data + flat_offset(v, k), v->itemsize);
  return true;
}

Ref<Object> tolist_dim(MemoryView* v, const char* base, int d, int64_t off) {
  Ref<List> l = list_new();
  if (!l) return nullptr;
  for (int64_t i = 0; i < v->shape[d]; i++) {
    int64_t o = off + i * v->strides[d];
    Ref<Object> item = d + 1 == v->ndim ? unpack_native(v->format, base + o) : tolist_dim(v, base, d + 1, o);
    if (!item || !list_append(l.get(), item.get())) return nullptr;
  }
  return l;
}

Ref<Object> mv_tolist_impl(MemoryView* v) {
  BufferInfo bi;
  if (!acquire(v, &bi)) return nullptr;
  if (v->ndim == 0) return unpack_native(v->format, bi.data + v->offset);
  return tolist_dim(v, bi.data, 0, v->offset);
}

bool index_1d(MemoryView* v, Object* key, int64_t* out) {
  int64_t i;
  if (!index_to_i64(key, &i)) return false;
  if (i < 0) i += v->shape[0];
  if (i < 0 || i >= v->shape[0]) {
    set_error(exc::IndexError, "index out of bounds on dimension 1");
    return false;
  }
  *out = i;
  return true;
}

Ref<Object> mv_subscript(Object* self, Object* key) {
  MemoryView* v = as_mv(self);
  if (v->released) return released_error();
  if (key == Ellipsis) return borrow(self);
  if (v->ndim == 0) {
    if (tuple_check(key) && static_cast<Tuple*>(key)->size == 0) return mv_tolist_impl(v);
    return set_error(exc::TypeError, "invalid indexing of 0-dim memory");
  }
  if (slice_check(key)) {
    if (v->ndim != 1) return set_error(exc::NotImplementedError, "multi-dimensional slicing is not implemented");
    int64_t start, stop, step, len;
    if (!slice_unpack(key, v->shape[0], &start, &stop, &step, &len)) return nullptr;
    Ref<MemoryView> r = copy_view(v);
    if (!r) return nullptr;
    r->offset = v->offset + start * v->strides[0];
    r->shape[0] = len;
    r->strides[0] = v->strides[0] * step;
    return r;
  }
  if (type_of(key)->nb_index) {
    if (v->ndim != 1) return set_error(exc::NotImplementedError, "multi-dimensional sub-views are not implemented");
    int64_t i;
    if (!index_1d(v, key, &i)) return nullptr;
    BufferInfo bi;
    if (!acquire(v, &bi)) return nullptr;
    return unpack_native(v->format, bi.data + v->offset + i * v->strides[0]);
  }
  if (tuple_check(key)) {
    Tuple* t = static_cast<Tuple*>(key);
    if (static_cast<int>(t->size) != v->ndim)
      return set_error(exc::TypeError, "memoryview: invalid slice key");
    int64_t off = v->offset;
    for (int d = 0; d < v->ndim; d++) {
      int64_t i;
      if (!type_of(t->items[d])->nb_index) return set_error(exc::TypeError, "memoryview: invalid slice key");
      if (!index_to_i64(t->items[d], &i)) return nullptr;
      if (i < 0) i += v->shape[d];
      if (i < 0 || i >= v->shape[d]) return set_errorf(exc::IndexError, "index out of bounds on dimension %d", d + 1);
      off += i * v->strides[d];
    }
    BufferInfo bi;
    if (!acquire(v, &bi)) return nullptr;
    return unpack_native(v->format, bi.data + off);
  }
  return set_error(exc::TypeError, "memoryview: invalid slice key");
}

int mv_ass_subscript(Object* self, Object* key, Object* value) {
  MemoryView* v = as_mv(self);
  if (v->released) { released_error(); return -1; }
  if (v->readonly) { set_error(exc::TypeError, "cannot modify read-only memory"); return -1; }
  if (!value) { set_error(exc::TypeError, "cannot delete memory"); return -1; }
  if (v->ndim != 1) {
    set_error(exc::NotImplementedError, "memoryview assignments are currently restricted to ndim = 1");
    return -1;
  }
  if (slice_check(key)) {
    int64_t start, stop, step, len;
    if (!slice_unpack(key, v->shape[0], &start, &stop, &step, &len)) return -1;
    BufferInfo src;
    if (!get_buffer(value, &src, "memoryview")) return -1;
    if (src.format != v->format || src.itemsize != v->itemsize ||
        static_cast<int64_t>(src.len / src.itemsize) != len) {
      set_error(exc::ValueError, "memoryview assignment: lvalue and rvalue have different structures");
      return -1;
    }
    std::string tmp;   // the source may overlap the destination
    if (value->type == &MemoryViewType) {
      if (!gather(as_mv(value), &tmp)) return -1;
    } else {
      tmp.assign(src.data, src.len);
    }
    BufferInfo bi;
    if (!acquire(v, &bi)) return -1;
    for (int64_t k = 0; k < len; k++)
      std::memcpy(bi.data + v->offset + (start + k * step) * v->strides[0], tmp.data() + k * v->itemsize, v->itemsize);
    return 0;
  }
  if (!type_of(key)->nb_index) { set_error(exc::TypeError, "memoryview: invalid slice key"); return -1; }
  int64_t i;
  if (!index_1d(v, key, &i)) return -1;
  char item[16];
  if (!pack_native_mv(v->format, value, item)) return -1;
  BufferInfo bi;
  if (!acquire(v, &bi)) return -1;
  std::memcpy(bi.data + v->offset + i * v->strides[0], item, v->itemsize);
  return 0;
}

int64_t mv_length(Object* self) {
  MemoryView* v = as_mv(self);
  if (v->released) { released_error(); return -1; }
  if (v->ndim == 0) { set_error(exc::TypeError, "0-dim memory has no length"); return -1; }
  return v->shape[0];
}

// ---- methods --------------------------------------------------------------------------------

bool no_args(const char* name, size_t nargs, Tuple* kw) {
  return check_no_kwargs(name, kw) && check_nargs(name, nargs, 0, 0);
}

Ref<Object> mv_tobytes(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  static const ArgSpec spec{"tobytes", {"order"}, 0};
  Object* a[1] = {};
  if (!bind_args(spec, args, nargs, kw, a)) return nullptr;
  std::string out;
  if (!gather(as_mv(self), &out)) return nullptr;
  return bytes_from(out);
}

Ref<Object> mv_tolist(Object* self, Object* const*, size_t nargs, Tuple* kw) {
  if (!no_args("tolist", nargs, kw)) return nullptr;
  return mv_tolist_impl(as_mv(self));
}

Ref<Object> mv_hex(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  std::string raw;
  if (!gather(as_mv(self), &raw)) return nullptr;
  Ref<Object> b = bytes_from(raw);
  if (!b) return nullptr;
  Ref<Object> meth = getattr(b.get(), "hex");
  if (!meth) return nullptr;
  return call(meth.get(), args, nargs, kw);
}

void do_release(MemoryView* v) {
  if (v->released) return;
  v->released = true;
  buffer_release(v->base.get());
}

Ref<Object> mv_release(Object* self, Object* const*, size_t nargs, Tuple* kw) {
  if (!no_args("release", nargs, kw)) return nullptr;
  do_release(as_mv(self));
  return none();
}

Ref<Object> mv_enter(Object* self, Object* const*, size_t, Tuple*) {
  if (as_mv(self)->released) return released_error();
  return borrow(self);
}

Ref<Object> mv_exit(Object* self, Object* const*, size_t, Tuple*) {
  do_release(as_mv(self));
  return none();
}

Ref<Object> mv_toreadonly(Object* self, Object* const*, size_t nargs, Tuple* kw) {
  if (!no_args("toreadonly", nargs, kw)) return nullptr;
  MemoryView* v = as_mv(self);
  if (v->released) return released_error();
  Ref<MemoryView> r = copy_view(v);
  if (!r) return nullptr;
  r->readonly = true;
  return r;
}

bool is_byte_format(char f) { return f == 'B' || f == 'b' || f == 'c'; }

// cast(format, shape=None): see the essay.  CPython's checks and messages.
Ref<Object> mv_cast(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  static const ArgSpec spec{"cast", {"format", "shape"}, 1};
  Object* a[2] = {};
  if (!bind_args(spec, args, nargs, kw, a)) return nullptr;
  MemoryView* v = as_mv(self);
  if (v->released) return released_error();
  if (!str_check(a[0])) return set_error(exc::TypeError, "memoryview: format argument must be a string");
  std::string_view fmt = str_view(a[0]);
  if (!fmt.empty() && fmt[0] == '@') fmt.remove_prefix(1);
  if (fmt.size() != 1 || native_itemsize(fmt[0]) == 0 || fmt[0] == 'e')
    return set_error(exc::ValueError,
                     "memoryview: destination format must be a native single character format prefixed with an "
                     "optional '@'");
  char f = fmt[0];
  size_t itemsize = native_itemsize(f);
  if (!view_is_c_contiguous(v)) return set_error(exc::TypeError, "memoryview: casts are restricted to C-contiguous views");
  bool has_shape = a[1] && a[1] != None;
  if ((has_shape || v->ndim != 1) && !(v->ndim == 1 || !has_shape))
    return set_error(exc::TypeError, "memoryview: cast must be 1D -> ND or ND -> 1D");
  if (!is_byte_format(v->format) && !is_byte_format(f))
    return set_error(exc::TypeError, "memoryview: cannot cast between two non-byte formats");
  int64_t nbytes = view_nbytes(v);
  Ref<MemoryView> r = copy_view(v);
  if (!r) return nullptr;
  r->format = f;
  r->itemsize = itemsize;
  if (!has_shape) {
    if (nbytes % static_cast<int64_t>(itemsize) != 0)
      return set_error(exc::TypeError, "memoryview: length is not a multiple of itemsize");
    r->ndim = 1;
    r->shape[0] = nbytes / static_cast<int64_t>(itemsize);
    r->strides[0] = static_cast<int64_t>(itemsize);
    return r;
  }
  if (!list_check(a[1]) && !tuple_check(a[1])) return set_error(exc::TypeError, "shape must be a list or a tuple");
  Ref<Object> seq = sequence_to_tuple(a[1]);
  if (!seq) return nullptr;
  Tuple* t = static_cast<Tuple*>(seq.get());
  if (t->size > static_cast<size_t>(kMaxDim))
    return set_errorf(exc::ValueError, "memoryview: number of dimensions must not exceed %d", kMaxDim);
  int64_t product = 1;
  for (size_t d = 0; d < t->size; d++) {
    int64_t n;
    if (!int_check(t->items[d])) return set_error(exc::TypeError, "memoryview.cast(): elements of shape must be integers");
    if (!int_to_i64(t->items[d], &n)) return nullptr;
    if (n <= 0) return set_error(exc::ValueError, "memoryview.cast(): elements of shape must be integers > 0");
    r->shape[d] = n;
    product *= n;
  }
  if (product * static_cast<int64_t>(itemsize) != nbytes)
    return set_error(exc::TypeError, "memoryview: product(shape) * itemsize != buffer size");
  r->ndim = static_cast<int>(t->size);
  int64_t stride = static_cast<int64_t>(itemsize);
  for (int d = r->ndim - 1; d >= 0; d--) {
    r->strides[d] = stride;
    stride *= r->shape[d];
  }
  return r;
}

// ---- attributes ----------------------------------------------------------------------------

Ref<Object> int_tuple(const int64_t* v, int n) {
  Ref<Tuple> t = tuple_new(static_cast<size_t>(n));
  if (!t) return nullptr;
  for (int i = 0; i < n; i++) {
    Ref<Object> x = int_from_i64(v[i]);
    if (!x) return nullptr;
    tuple_set(t.get(), static_cast<size_t>(i), std::move(x));
  }
  return t;
}

#define COIL_MV_GETTER(name, expr)                           \
  Ref<Object> mv_get_##name(Object* self) {                  \
    MemoryView* v = as_mv(self);                             \
    if (v->released) return released_error();               \
    return expr;                                             \
  }
COIL_MV_GETTER(obj, v->base)
COIL_MV_GETTER(nbytes, int_from_i64(view_nbytes(v)))
COIL_MV_GETTER(readonly, new_bool(v->readonly))
COIL_MV_GETTER(itemsize, int_from_i64(static_cast<int64_t>(v->itemsize)))
COIL_MV_GETTER(format, str_from(std::string_view(&v->format, 1)))
COIL_MV_GETTER(ndim, int_from_i64(v->ndim))
COIL_MV_GETTER(shape, int_tuple(v->shape, v->ndim))
COIL_MV_GETTER(strides, int_tuple(v->strides, v->ndim))
COIL_MV_GETTER(suboffsets, empty_tuple())
COIL_MV_GETTER(c_contiguous, new_bool(view_is_c_contiguous(v)))
COIL_MV_GETTER(contiguous, new_bool(view_is_c_contiguous(v)))
COIL_MV_GETTER(f_contiguous, new_bool(v->ndim <= 1 && view_is_c_contiguous(v)))
#undef COIL_MV_GETTER

Ref<Object> mv_get_released(Object* self) { return new_bool(as_mv(self)->released); }

// ---- slots ---------------------------------------------------------------------------------

Ref<Object> mv_repr(Object* self) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "<%smemory at %p>", as_mv(self)->released ? "released " : "",
                static_cast<void*>(self));
  return str_from(buf);
}

// Items in C order as Python values (for ==).
Ref<Object> flat_values(Object* o) {
  if (o->type == &MemoryViewType) {
    MemoryView* v = as_mv(o);
    BufferInfo bi;
    if (!acquire(v, &bi)) return nullptr;
    int64_t n = view_nitems(v);
    Ref<List> l = list_new();
    if (!l) return nullptr;
    for (int64_t k = 0; k < n; k++) {
      Ref<Object> item = unpack_native(v->format, bi.data + flat_offset(v, k));
      if (!item || !list_append(l.get(), item.get())) return nullptr;
    }
    return l;
  }
  Ref<Object> m = memoryview_new(o);
  if (!m) return nullptr;
  Ref<Object> r = flat_values(m.get());
  do_release(as_mv(m.get()));
  return r;
}

Ref<Object> mv_richcompare(Object* a, Object* b, CompareOp op) {
  if (op != CompareOp::Eq && op != CompareOp::Ne) return not_implemented();
  bool eq;
  if (a == b) {
    eq = true;
  } else {
    Object* other = a->type == &MemoryViewType ? b : a;
    Object* self = a->type == &MemoryViewType ? a : b;
    if (as_mv(self)->released || (other->type == &MemoryViewType && as_mv(other)->released)) {
      eq = false;
    } else if (!has_buffer(other)) {
      return not_implemented();
    } else {
      Ref<Object> x = flat_values(self), y = flat_values(other);
      if (!x || !y) return nullptr;
      int r = equal(x.get(), y.get());
      if (r < 0) return nullptr;
      eq = r;
    }
  }
  return new_bool(op == CompareOp::Eq ? eq : !eq);
}

int64_t mv_hash(Object* self) {
  MemoryView* v = as_mv(self);
  if (v->released) { released_error(); return -1; }
  if (!v->readonly) { set_error(exc::ValueError, "cannot hash writable memoryview object"); return -1; }
  if (!is_byte_format(v->format)) {
    set_error(exc::ValueError, "memoryview: hashing is restricted to formats 'B', 'b' or 'c'");
    return -1;
  }
  std::string raw;
  if (!gather(v, &raw)) return -1;
  return hash_bytes(raw.data(), raw.size());
}

Ref<Object> mv_iter(Object* self) {
  MemoryView* v = as_mv(self);
  if (v->released) return released_error();
  if (v->ndim == 0) return set_error(exc::TypeError, "invalid indexing of 0-dim memory");
  if (v->ndim != 1) return set_error(exc::NotImplementedError, "multi-dimensional sub-views are not implemented");
  Ref<Object> l = mv_tolist_impl(v);
  if (!l) return nullptr;
  return get_iter(l.get());
}

Ref<Object> mv_new(TypeObject*, Object* const* args, size_t nargs, Tuple* kw) {
  static const ArgSpec spec{"memoryview", {"object"}, 1};
  Object* a[1];
  if (!bind_args(spec, args, nargs, kw, a)) return nullptr;
  return memoryview_new(a[0]);
}

// The exporter may be an instance of a bytes-like subclass whose __dict__
// holds the view: the view is a container for the cycle collector.  Its
// clear slot releases the view (ending the export while the exporter is
// still alive) and then drops the exporter; every operation on a released
// view raises before it looks at `base`.
void mv_traverse(Object* self, VisitFn visit, void* arg) {
  MemoryView* v = as_mv(self);
  if (v->base) visit(v->base.get(), arg);
}

void mv_clear(Object* self) {
  MemoryView* v = as_mv(self);
  do_release(v);
  Ref<Object> base = std::move(v->base);
}

void mv_dealloc(Object* self) {
  MemoryView* v = as_mv(self);
  do_release(v);
  destroy_object(v);
}

const MethodDef mv_methods[] = {
    {"tobytes", mv_tobytes},
    {"tolist", mv_tolist},
    {"hex", mv_hex},
    {"release", mv_release},
    {"cast", mv_cast},
    {"toreadonly", mv_toreadonly},
    {"__enter__", mv_enter},
    {"__exit__", mv_exit},
    {nullptr},
};

const GetSetDef mv_getset[] = {
    {"obj", mv_get_obj},
    {"nbytes", mv_get_nbytes},
    {"readonly", mv_get_readonly},
    {"itemsize", mv_get_itemsize},
    {"format", mv_get_format},
    {"ndim", mv_get_ndim},
    {"shape", mv_get_shape},
    {"strides", mv_get_strides},
    {"suboffsets", mv_get_suboffsets},
    {"c_contiguous", mv_get_c_contiguous},
    {"f_contiguous", mv_get_f_contiguous},
    {"contiguous", mv_get_contiguous},
    {"released", mv_get_released},
    {nullptr},
};

bool g_ready = false;

}  // namespace

TypeObject* memoryview_type() {
  if (g_ready) return &MemoryViewType;
  TypeObject& t = MemoryViewType;
  t.type = &TypeType;
  t.base = &ObjectType;
  t.name = "memoryview";
  t.doc = "Create a new memoryview object which references the given object.";
  t.basic_size = sizeof(MemoryView);
  t.flags = kHaveGC;
  t.dealloc = mv_dealloc;
  t.traverse = mv_traverse;
  t.clear = mv_clear;
  t.repr = mv_repr;
  t.hash = mv_hash;
  t.richcompare = mv_richcompare;
  t.iter = mv_iter;
  t.new_ = mv_new;
  t.sq_length = mv_length;
  t.mp_subscript = mv_subscript;
  t.mp_ass_subscript = mv_ass_subscript;
  t.methods = mv_methods;
  t.getset = mv_getset;
  if (!type_ready(&t)) return nullptr;
  g_ready = true;
  return &t;
}

}  // namespace coil::runtime
