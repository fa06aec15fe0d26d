// sequtil.cpp — helpers shared by the container types (see sequtil.h).
#include "runtime/sequtil.h"

namespace coil::runtime {

namespace {
// Converts an int (already known to be one) to int64_t, or raises
// `err_type` with CPython's PyNumber_AsSsize_t message.
bool int_to_index(Object* v, TypeObject* err_type, int64_t* out) {
  if (int_fits_i64(v, out)) return true;
  set_errorf(err_type, "cannot fit '%T' into an index-sized integer", v);
  return false;
}
}  // namespace

bool seq_index_arg(Object* key, const char* what, int64_t* out) {
  if (int_check(key)) return int_to_index(key, exc::IndexError, out);
  if (key->type->nb_index) {
    Ref<Object> v = index(key);
    if (!v) return false;
    return int_to_index(v.get(), exc::IndexError, out);
  }
  set_errorf(exc::TypeError, "%s indices must be integers or slices, not %T", what, key);
  return false;
}

bool repeat_count(Object* count, int64_t* out) {
  if (int_check(count)) return int_to_index(count, exc::OverflowError, out);
  Ref<Object> v = index(count);
  if (!v) return false;
  return int_to_index(v.get(), exc::OverflowError, out);
}

bool as_ssize(Object* o, int64_t* out) {
  if (int_check(o) && int_fits_i64(o, out)) return true;
  Ref<Object> v = index(o);   // raises "'str' object cannot be interpreted as an integer"
  if (!v) return false;
  if (int_fits_i64(v.get(), out)) return true;
  set_error(exc::OverflowError, "Python int too large to convert to C ssize_t");
  return false;
}

Ref<Object> seq_richcompare(Object** const* a_items, const size_t* a_size,
                            Object** const* b_items, const size_t* b_size,
                            CompareOp op) {
  if (*a_size != *b_size && (op == CompareOp::Eq || op == CompareOp::Ne))
    return new_bool(op == CompareOp::Ne);
  // Find the first index where the items differ.  The sizes and arrays are
  // re-read each step: an item's __eq__ may have shrunk a list.
  size_t i = 0;
  for (; i < *a_size && i < *b_size; i++) {
    Ref<Object> x = borrow((*a_items)[i]);
    Ref<Object> y = borrow((*b_items)[i]);
    if (x.get() == y.get()) continue;
    int k = equal(x.get(), y.get());
    if (k < 0) return nullptr;
    if (!k) break;
  }
  if (i >= *a_size || i >= *b_size)
    return compare_sizes(static_cast<int64_t>(*a_size), static_cast<int64_t>(*b_size), op);
  if (op == CompareOp::Eq) return new_bool(false);
  if (op == CompareOp::Ne) return new_bool(true);
  Ref<Object> x = borrow((*a_items)[i]);
  Ref<Object> y = borrow((*b_items)[i]);
  return rich_compare(x.get(), y.get(), op);
}

}  // namespace coil::runtime
