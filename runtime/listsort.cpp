// listsort.cpp — list.sort(): a stable merge sort over Python comparisons.
//
// CPython sorts with timsort.  coil uses a simpler stable algorithm with
// the same observable results: binary-insertion-sorted runs of 32 items,
// then bottom-up merges that skip runs already in order (so sorted and
// nearly sorted input costs about n comparisons, like timsort).  Only the
// exact number and order of __lt__ calls differ from CPython.
//
// Semantics copied from CPython's list_sort_impl:
//  * only `<` is used (rich_compare_bool(a, b, Lt));
//  * reverse=True reverses, sorts, reverses back, which keeps equal items
//    in their original order;
//  * key= is called once per item before any comparison;
//  * while sorting, the list is detached (looks empty, capacity ==
//    kListSorting); if Python code (a key function or __lt__) modifies it,
//    the sort raises ValueError "list modified during sort" and the sorted
//    items are restored;
//  * when a comparison fails the items are all still in the list (here:
//    in their original order).
//
// Fast paths: when every key is an exact int that fits 64 bits, or every
// key is an exact str, or every key is an exact float, comparisons are
// done in C++ without calling into the object protocol.
#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/str.h"

namespace coil::runtime {

namespace {

struct SortItem {
  Object* key;     // borrowed from `keys` (or the value itself)
  Object* value;   // borrowed from the detached item array
  int64_t ikey;    // the int key when the int fast path applies
};

enum class KeyKind { Generic, SmallInt, Str, Float };

KeyKind classify(const std::vector<SortItem>& v) {
  if (v.empty()) return KeyKind::Generic;
  TypeObject* t = v[0].key->type;
  for (const auto& it : v)
    if (it.key->type != t) return KeyKind::Generic;
  if (t == &StrType) return KeyKind::Str;
  if (t == &FloatType) return KeyKind::Float;
  if (t == &IntType) {
    for (const auto& it : v) {
      int64_t x;
      if (!int_fits_i64(it.key, &x)) return KeyKind::Generic;
    }
    return KeyKind::SmallInt;
  }
  return KeyKind::Generic;
}

// The comparison `a < b` on keys: 1, 0 or -1 (error).
class Less {
 public:
  explicit Less(KeyKind kind) : kind_(kind) {}
  int operator()(const SortItem& a, const SortItem& b) const {
    switch (kind_) {
      case KeyKind::SmallInt: return a.ikey < b.ikey;
      case KeyKind::Float: return float_value(a.key) < float_value(b.key);
      case KeyKind::Str: {
        // UTF-8 byte order equals code point order.
        std::string_view x = str_view(a.key), y = str_view(b.key);
        return x < y;
      }
      case KeyKind::Generic: break;
    }
    return rich_compare_bool(a.key, b.key, CompareOp::Lt);
  }

 private:
  KeyKind kind_;
};

constexpr size_t kRun = 32;

// Binary insertion sort of v[lo, hi): stable (inserts after equal items).
bool insertion_sort(std::vector<SortItem>& v, size_t lo, size_t hi, const Less& less) {
  for (size_t i = lo + 1; i < hi; i++) {
    SortItem pivot = v[i];
    size_t l = lo, r = i;
    while (l < r) {
      size_t m = l + (r - l) / 2;
      int k = less(pivot, v[m]);
      if (k < 0) return false;
      if (k) r = m; else l = m + 1;
    }
    for (size_t j = i; j > l; j--) v[j] = v[j - 1];
    v[l] = pivot;
  }
  return true;
}

// Merges the sorted ranges v[lo, mid) and v[mid, hi) stably via `tmp`.
bool merge(std::vector<SortItem>& v, std::vector<SortItem>& tmp, size_t lo, size_t mid, size_t hi,
           const Less& less) {
  // Already in order?  One comparison saves the whole merge.
  int k = less(v[mid], v[mid - 1]);
  if (k < 0) return false;
  if (!k) return true;
  std::copy(v.begin() + lo, v.begin() + mid, tmp.begin());
  size_t a = 0, an = mid - lo, b = mid, out = lo;
  while (a < an && b < hi) {
    int lt = less(v[b], tmp[a]);   // take from the right only if strictly less
    if (lt < 0) {
      // Put everything back so that each item appears exactly once.
      while (a < an) v[out++] = tmp[a++];
      return false;
    }
    v[out++] = lt ? v[b++] : tmp[a++];
  }
  while (a < an) v[out++] = tmp[a++];
  return true;
}

bool merge_sort(std::vector<SortItem>& v, const Less& less) {
  size_t n = v.size();
  for (size_t lo = 0; lo < n; lo += kRun)
    if (!insertion_sort(v, lo, std::min(lo + kRun, n), less)) return false;
  std::vector<SortItem> tmp(n);
  for (size_t width = kRun; width < n; width *= 2) {
    for (size_t lo = 0; lo + width < n; lo += 2 * width) {
      if (!merge(v, tmp, lo, lo + width, std::min(lo + 2 * width, n), less)) return false;
    }
  }
  return true;
}

}  // namespace

bool list_sort(List* list, Object* key, bool reverse) {
  // Detach the items: during the sort the list looks empty.
  Object** items = list->items;
  size_t n = list->size;
  size_t capacity = list->capacity;
  list->items = nullptr;
  list->size = 0;
  list->capacity = kListSorting;

  std::vector<Ref<Object>> keys;   // owns the computed keys
  std::vector<SortItem> v;
  bool ok = true;
  try {
    v.resize(n);
    if (key) keys.reserve(n);
  } catch (const std::bad_alloc&) {
    no_memory();
    ok = false;
  }
  for (size_t i = 0; ok && i < n; i++) {
    v[i].value = items[i];
    if (key) {
      Ref<Object> k = call1(key, items[i]);
      if (!k) { ok = false; break; }
      v[i].key = k.get();
      keys.push_back(std::move(k));
    } else {
      v[i].key = items[i];
    }
  }
  if (ok) {
    KeyKind kind = classify(v);
    if (kind == KeyKind::SmallInt)
      for (auto& it : v) int_fits_i64(it.key, &it.ikey);
    if (reverse) std::reverse(v.begin(), v.end());
    Less less(kind);
    ok = merge_sort(v, less);
    if (ok) {
      if (reverse) std::reverse(v.begin(), v.end());
      for (size_t i = 0; i < n; i++) items[i] = v[i].value;
    }
  }
  // Reattach; whatever Python code put into the list meanwhile is dropped.
  bool modified = list->capacity != kListSorting;
  Object** extra = modified ? list->items : nullptr;
  size_t extra_n = modified ? list->size : 0;
  list->items = items;
  list->size = n;
  list->capacity = capacity;
  for (size_t i = extra_n; i-- > 0;) decref(extra[i]);
  std::free(extra);
  if (ok && modified) {
    set_error(exc::ValueError, "list modified during sort");
    return false;
  }
  return ok;
}

}  // namespace coil::runtime
