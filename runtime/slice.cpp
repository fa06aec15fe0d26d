// slice.cpp — slice objects and the index arithmetic every sequence uses.
//
// slice_unpack() is CPython's PySlice_Unpack + PySlice_AdjustIndices: the
// attributes become C integers (None -> a default that depends on the
// sign of step; huge ints are clamped), then they are clipped to the
// sequence length and the number of selected items is computed.
#include "runtime/slice.h"

#include <climits>
#include <string>

#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/sequtil.h"
#include "runtime/singletons.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

namespace coil::runtime {

TypeObject SliceType;

namespace {

inline Slice* as_slice(Object* o) { return static_cast<Slice*>(o); }

// An int to int64_t, clamping values that do not fit (PyNumber_AsSsize_t
// with a null error type).
int64_t clamp_int(Object* v) {
  int64_t x;
  if (int_fits_i64(v, &x)) return x;
  return int_sign(v) < 0 ? INT64_MIN : INT64_MAX;
}

// _PyEval_SliceIndex for a non-None value; `msg` is the TypeError text.
bool slice_index(Object* v, int64_t* out, const char* msg) {
  if (int_check(v)) { *out = clamp_int(v); return true; }
  if (!v->type->nb_index) {
    set_error(exc::TypeError, msg);
    return false;
  }
  Ref<Object> i = index(v);
  if (!i) return false;
  *out = clamp_int(i.get());
  return true;
}

constexpr const char* kSliceMsg = "slice indices must be integers or None or have an __index__ method";

}  // namespace

bool slice_index_clamped(Object* o, int64_t* out) {
  return slice_index(o, out, "slice indices must be integers or have an __index__ method");
}

Ref<Object> slice_new(Object* start, Object* stop, Object* step) {
  Slice* s = alloc<Slice>(&SliceType);
  if (!s) return nullptr;
  s->start = start ? start : None;
  s->stop = stop ? stop : None;
  s->step = step ? step : None;
  incref(s->start);
  incref(s->stop);
  incref(s->step);
  return steal<Object>(s);
}

bool slice_unpack_raw(Object* slice, int64_t* start, int64_t* stop, int64_t* step) {
  Slice* r = as_slice(slice);
  if (r->step == None) {
    *step = 1;
  } else {
    if (!slice_index(r->step, step, kSliceMsg)) return false;
    if (*step == 0) {
      set_error(exc::ValueError, "slice step cannot be zero");
      return false;
    }
    if (*step < -INT64_MAX) *step = -INT64_MAX;   // so that -step cannot overflow
  }
  if (r->start == None) *start = *step < 0 ? INT64_MAX : 0;
  else if (!slice_index(r->start, start, kSliceMsg)) return false;
  if (r->stop == None) *stop = *step < 0 ? INT64_MIN : INT64_MAX;
  else if (!slice_index(r->stop, stop, kSliceMsg)) return false;
  return true;
}

int64_t slice_adjust(int64_t length, int64_t* start, int64_t* stop, int64_t step) {
  if (*start < 0) {
    *start += length;
    if (*start < 0) *start = step < 0 ? -1 : 0;
  } else if (*start >= length) {
    *start = step < 0 ? length - 1 : length;
  }
  if (*stop < 0) {
    *stop += length;
    if (*stop < 0) *stop = step < 0 ? -1 : 0;
  } else if (*stop >= length) {
    *stop = step < 0 ? length - 1 : length;
  }
  if (step < 0) {
    if (*stop < *start) return (*start - *stop - 1) / (-step) + 1;
  } else if (*start < *stop) {
    return (*stop - *start - 1) / step + 1;
  }
  return 0;
}

bool slice_unpack(Object* slice, int64_t length, int64_t* start, int64_t* stop,
                  int64_t* step, int64_t* slicelength) {
  if (!slice_unpack_raw(slice, start, stop, step)) return false;
  *slicelength = slice_adjust(length, start, stop, *step);
  return true;
}

// ---- slots and methods ------------------------------------------------------------

namespace {

void slice_dealloc(Object* self) {
  Slice* s = as_slice(self);
  xdecref(s->start);
  xdecref(s->stop);
  xdecref(s->step);
  destroy_object(s);
}

void slice_traverse(Object* self, VisitFn visit, void* arg) {
  Slice* s = as_slice(self);
  visit(s->start, arg);
  visit(s->stop, arg);
  visit(s->step, arg);
}

Ref<Object> slice_repr(Object* self) {
  Slice* s = as_slice(self);
  std::string out = "slice(";
  Object* parts[] = {s->start, s->stop, s->step};
  for (int i = 0; i < 3; i++) {
    if (i) out += ", ";
    Ref<Object> r = repr(parts[i]);
    if (!r) return nullptr;
    out += str_view(r.get());
  }
  out += ")";
  return str_from(out);
}

Ref<Object> as_tuple3(Slice* s) { return tuple_pack({s->start, s->stop, s->step}); }

Ref<Object> slice_richcompare(Object* a, Object* b, CompareOp op) {
  if (!slice_check(a) || !slice_check(b)) return not_implemented();
  if (a == b && (op == CompareOp::Eq || op == CompareOp::Ne)) return new_bool(op == CompareOp::Eq);
  Ref<Object> ta = as_tuple3(as_slice(a));
  Ref<Object> tb = as_tuple3(as_slice(b));
  if (!ta || !tb) return nullptr;
  return rich_compare(ta.get(), tb.get(), op);
}

Ref<Object> slice_new_slot(TypeObject* type, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("slice", kwnames)) return nullptr;
  if (!check_nargs("slice", nargs, 1, 3)) return nullptr;
  if (nargs == 1) return slice_new(nullptr, args[0], nullptr);
  return slice_new(args[0], args[1], nargs == 3 ? args[2] : nullptr);
}

Ref<Object> slice_indices(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("indices", kwnames)) return nullptr;
  if (nargs != 1)
    return set_errorf(exc::TypeError, "slice.indices() takes exactly one argument (%zd given)", static_cast<ssize_t>(nargs));
  int64_t length;
  if (!as_ssize(args[0], &length)) return nullptr;
  if (length < 0) return set_error(exc::ValueError, "length should not be negative");
  int64_t start, stop, step;
  if (!slice_unpack_raw(self, &start, &stop, &step)) return nullptr;
  slice_adjust(length, &start, &stop, step);
  Ref<Object> a = int_from_i64(start), b = int_from_i64(stop), c = int_from_i64(step);
  if (!a || !b || !c) return nullptr;
  return tuple_pack({a.get(), b.get(), c.get()});
}

Ref<Object> slice_reduce(Object* self, Object* const*, size_t, Tuple*) {
  Ref<Object> args = as_tuple3(as_slice(self));
  if (!args) return nullptr;
  return tuple_pack({&SliceType, args.get()});
}

Ref<Object> get_start(Object* self) { return borrow(as_slice(self)->start); }
Ref<Object> get_stop(Object* self) { return borrow(as_slice(self)->stop); }
Ref<Object> get_step(Object* self) { return borrow(as_slice(self)->step); }

const MethodDef slice_methods[] = {
    {"indices", slice_indices},
    {"__reduce__", slice_reduce},
    {nullptr, nullptr},
};
const GetSetDef slice_getset[] = {
    {"start", get_start},
    {"stop", get_stop},
    {"step", get_step},
    {nullptr, nullptr},
};

}  // namespace

void init_slice_type() {
  TypeObject& t = SliceType;
  t.type = &TypeType;
  t.name = "slice";
  t.flags = kHaveGC;
  t.basic_size = sizeof(Slice);
  t.base = &ObjectType;
  t.dealloc = slice_dealloc;
  t.traverse = slice_traverse;
  t.repr = slice_repr;
  t.hash = hash_not_implemented;   // slices became hashable only in 3.12
  t.richcompare = slice_richcompare;
  t.new_ = slice_new_slot;
  t.methods = slice_methods;
  t.getset = slice_getset;
}

}  // namespace coil::runtime
