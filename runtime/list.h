// list.h — the list type: a growable array of references.
#pragma once

#include <cstddef>

#include "runtime/object.h"

namespace coil::runtime {

struct TypeObject;
extern TypeObject ListType;

struct List : Object {
  Object** items = nullptr;   // `size` strong references
  size_t size = 0;
  size_t capacity = 0;
};

bool list_check(const Object* o);
Ref<List> list_new(size_t size = 0);   // `size` slots set to nullptr when > 0
// Appends a new reference to `item` (borrows the argument).  false: MemoryError.
bool list_append(List* list, Object* item);
bool list_extend(List* list, Object* iterable);
// Sorts in place with CPython's stable merge sort semantics; key may be null.
bool list_sort(List* list, Object* key, bool reverse);

// ---- additions (containers engineer) ----
// `capacity` value marking a list whose items are detached by a running
// sort (CPython sets allocated = -1); any mutation during the sort is then
// detected and reported as "list modified during sort".
constexpr size_t kListSorting = static_cast<size_t>(-1);
// Inserts a new reference to `item` before position `where` (clamped,
// negative counts from the end), as list.insert.
bool list_insert(List* list, int64_t where, Object* item);
// A new list of items[lo:hi] (clamped).
Ref<List> list_get_slice(List* list, size_t lo, size_t hi);
Ref<Object> list_as_tuple(List* list);   // tuple(list)
void list_reverse_in_place(List* list);
void list_clear(List* list);
extern TypeObject ListIterType;      // "list_iterator"
extern TypeObject ListRevIterType;   // "list_reverseiterator"

// Initialises ListType and readies its iterator types.
void init_list_type();

}  // namespace coil::runtime
