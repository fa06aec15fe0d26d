// typeslots.h — the table linking C slots to dunder names (internal to the
// object-model core: type.cpp, descr.cpp, typeslots.cpp).
//
// Each SlotDef says: "the dunder `name` corresponds to the slot at
// `slot(type)`".  From this one table the runtime derives both directions:
//   * a built-in type's non-empty slots become wrapper descriptors in its
//     dict (int.__add__, list.__len__), which call `wrapper` with the slot
//     function;
//   * a class defining `__add__` in Python gets `heap_fn` in its slot, a
//     function that looks the dunder up on the type and calls it.
// Several names may share a slot (__add__/__radd__, the six comparisons,
// __setattr__/__delattr__ ...); fixup_slots() treats them as a group.
#pragma once

#include "runtime/object.h"
#include "runtime/type.h"

namespace coil::runtime {

struct Str;
struct Tuple;
struct SlotDef;

// Calls the slot function `wrapped` for `type.__dunder__(self, *args)`.
using WrapperFn = Ref<Object> (*)(const SlotDef* def, void* wrapped, Object* self,
                                  Object* const* args, size_t nargs, Tuple* kwnames);

struct SlotDef {
  Str** name;                          // e.g. &names::__add__
  void** (*slot)(TypeObject* t);       // where the slot lives in a type
  void* heap_fn;                       // what a class defining `name` gets
  WrapperFn wrapper;                   // null: no wrapper (e.g. __getattr__)
  const char* doc;
  int extra = 0;                       // the CompareOp / BinaryOp it stands for
};

// The table, terminated by an entry with name == nullptr.
extern const SlotDef slotdefs[];

// Puts wrapper descriptors for the slots `type` itself defines into dict.
bool add_slot_wrappers(TypeObject* type, Dict* dict);

// Calls the special method `name` of type(self) with self prepended:
// self.__name__(*args).  Sets AttributeError when absent.
Ref<Object> call_special(Object* self, Str* name, Object* const* args, size_t nargs,
                         Tuple* kwnames = nullptr);

// Names of the comparison dunders by CompareOp (for messages and slots).
Str* compare_dunder(CompareOp op);
// __add__, __radd__, __iadd__ for each BinaryOp.
Str* binary_dunder(BinaryOp op);
Str* binary_rdunder(BinaryOp op);
Str* binary_idunder(BinaryOp op);

}  // namespace coil::runtime
