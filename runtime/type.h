// type.h — type objects: the slots that give syntax its meaning.
//
// A TypeObject is itself an object (its type is `type`).  Each built-in
// type is a global TypeObject (IntType, ListType, ...) whose slots are
// filled by its file's init function (e.g. init_list_type() in list.cpp)
// and then finished by type_ready(), which computes the MRO, inherits the
// slots the type left empty from its base, and puts the type's methods,
// members and getset descriptors into its __dict__.
//
// Classes created by `class` statements are heap types (flag HeapType):
// their slots are filled with "slot wrappers" that look up and call the
// matching dunder method (list.__len__ -> sq_length and the reverse), so
// the VM always calls a slot and never cares who implemented it.
//
// SLOT CONVENTIONS (all slots follow runtime/object.h's rules: a null Ref
// or -1 means an exception is set):
//  * binary number slots get (left, right) in source order; EITHER operand
//    may be the slot's own type (the reflected call passes the same order),
//    and a slot returns NotImplemented (a new reference, see
//    not_implemented()) when it does not support the other operand.
//    abstract.cpp's binary_op() does CPython's dance: the right operand's
//    slot first if its type is a proper subclass, NotImplemented fallback,
//    then the TypeError "unsupported operand type(s) for +: 'int' and 'str'".
//  * richcompare returns NotImplemented for unsupported pairs, likewise.
//  * iternext returns a null Ref when the iterator is exhausted: usually
//    with no exception set, but possibly with StopIteration set when it
//    carries a value (a generator's `return x`, a Python __next__ raising
//    StopIteration).  Consumers call iter_next(), which clears it, or test
//    for StopIteration themselves (next(), FOR_ITER, yield from).
//  * call/new/init use the vectorcall convention: args[0..nargs) are the
//    positional arguments, followed by one value per name in kwnames
//    (a tuple of str, or nullptr when there are no keywords).
#pragma once

#include <cstdint>
#include <string_view>

#include "runtime/object.h"

namespace coil::runtime {

struct Str;
struct Tuple;
struct Dict;

enum class CompareOp : uint8_t { Lt, Le, Eq, Ne, Gt, Ge };

// Whether a three-way comparison result (negative, zero, positive)
// satisfies `op`: compare_holds(-1, Lt) is true.
inline bool compare_holds(int c, CompareOp op) {
  switch (op) {
    case CompareOp::Lt: return c < 0;
    case CompareOp::Le: return c <= 0;
    case CompareOp::Eq: return c == 0;
    case CompareOp::Ne: return c != 0;
    case CompareOp::Gt: return c > 0;
    case CompareOp::Ge: return c >= 0;
  }
  return false;
}

// The operator to use with the operands swapped: a < b is b > a.
inline CompareOp swapped(CompareOp op) {
  switch (op) {
    case CompareOp::Lt: return CompareOp::Gt;
    case CompareOp::Le: return CompareOp::Ge;
    case CompareOp::Gt: return CompareOp::Lt;
    case CompareOp::Ge: return CompareOp::Le;
    default: return op;
  }
}

// The binary operators, in the order of CPython 3.11's BINARY_OP oparg
// (NB_ADD ... NB_XOR); the in-place forms are kInplaceOffset higher.
enum class BinaryOp : uint8_t {
  Add, And, FloorDiv, LShift, MatMul, Mul, Remainder, Or, Power, RShift,
  Sub, TrueDiv, Xor,
  Count
};
constexpr int kNumBinaryOps = static_cast<int>(BinaryOp::Count);
constexpr int kInplaceOffset = 13;  // BINARY_OP oparg 13.. = in-place forms

using DeallocFn = void (*)(Object* self);
using UnaryFn = Ref<Object> (*)(Object* self);
using BinaryFn = Ref<Object> (*)(Object* left, Object* right);
using TernaryFn = Ref<Object> (*)(Object* a, Object* b, Object* c);
using InquiryFn = int (*)(Object* self);             // 1 true, 0 false, -1 error
using LenFn = int64_t (*)(Object* self);             // -1 on error
using HashFn = int64_t (*)(Object* self);            // -1 on error (never a real hash)
using RichCompareFn = Ref<Object> (*)(Object* a, Object* b, CompareOp op);
using GetAttrFn = Ref<Object> (*)(Object* self, Str* name);
using SetAttrFn = int (*)(Object* self, Str* name, Object* value);  // value null: delete; 0 ok
using SetItemFn = int (*)(Object* self, Object* key, Object* value); // value null: delete
using ContainsFn = int (*)(Object* self, Object* item);
using CallFn = Ref<Object> (*)(Object* callable, Object* const* args, size_t nargs, Tuple* kwnames);
using NewFn = Ref<Object> (*)(TypeObject* type, Object* const* args, size_t nargs, Tuple* kwnames);
using InitFn = int (*)(Object* self, Object* const* args, size_t nargs, Tuple* kwnames);
using DescrGetFn = Ref<Object> (*)(Object* descr, Object* obj, Object* owner);  // obj may be null
using DescrSetFn = int (*)(Object* descr, Object* obj, Object* value);  // value null: delete
using VisitFn = void (*)(Object* child, void* arg);
using TraverseFn = void (*)(Object* self, VisitFn visit, void* arg);
using ClearFn = void (*)(Object* self);

// A method implemented in C++.  `self` is the instance (or the class for
// Class methods, nullptr for Static ones / module functions get the module).
using MethodFn = Ref<Object> (*)(Object* self, Object* const* args, size_t nargs, Tuple* kwnames);
enum class MethodKind : uint8_t { Instance, Class, Static };
struct MethodDef {
  const char* name;
  MethodFn fn;
  MethodKind kind = MethodKind::Instance;
  const char* doc = nullptr;
};

// A computed attribute implemented in C++ (becomes a getset descriptor).
using GetterFn = Ref<Object> (*)(Object* self);
using SetterFn = int (*)(Object* self, Object* value);  // value null: delete
struct GetSetDef {
  const char* name;
  GetterFn get;
  SetterFn set = nullptr;  // nullptr: read-only ("attribute ... is not writable")
  const char* doc = nullptr;
};

enum TypeFlags : uint32_t {
  kHeapType = 1u << 0,       // created by a class statement / type(); refcounted
  kBaseType = 1u << 1,       // may be subclassed
  kHaveGC = 1u << 2,         // instances may hold references (cycle collector)
  kReady = 1u << 3,          // type_ready() done
  kIsAbstract = 1u << 4,
  // Calling an instance found on a type with (self, *args) is the same as
  // binding then calling it (functions, builtin method descriptors): lets
  // LOAD_METHOD skip allocating a bound method.
  kMethodDescriptor = 1u << 5,
  // Fast subclass checks, as CPython's Py_TPFLAGS_*_SUBCLASS:
  kIntSubclass = 1u << 8,
  kListSubclass = 1u << 9,
  kTupleSubclass = 1u << 10,
  kBytesSubclass = 1u << 11,
  kStrSubclass = 1u << 12,
  kDictSubclass = 1u << 13,
  kBaseExcSubclass = 1u << 14,
  kTypeSubclass = 1u << 15,
};

struct TypeObject : Object {
  // ---- identity --------------------------------------------------------
  const char* name = nullptr;   // tp_name: "int", "collections.deque"; heap
                                // types point into their own __name__ str
  Ref<Object> ht_name;          // heap types: the __name__ str object
  Ref<Object> ht_qualname;      // heap types: __qualname__
  const char* doc = nullptr;
  uint32_t flags = 0;

  // ---- layout ----------------------------------------------------------
  size_t basic_size = 0;        // sizeof the instance struct
  size_t item_size = 0;         // per-item size of variable-size objects
  int64_t dict_offset = 0;      // offset of the instance __dict__ (Dict*) or 0
  int64_t weaklist_offset = 0;  // offset of the weakref list, or 0
  // Heap types: the pointer-sized words each instance carries beyond its
  // built-in base's struct — its __slots__ values and (when the class adds
  // one) its __dict__ pointer, all strong references or null.  Word i lives
  // at byte offset heap_word_offset(type, i):
  //   extras_base > 0: after the struct, at extras_base + 8*i (fixed-size
  //       bases; basic_size then includes the words, as CPython's
  //       tp_basicsize does, so every allocator of the base that sizes
  //       subtype instances by basic_size gets them);
  //   extras_base < 0: before the object, at -8 - 8*i (variable-size bases
  //       str, bytes, tuple, whose items follow the struct; see
  //       mem_alloc_prefixed).
  // dict_offset is the __dict__ word's offset (or the base's own field).
  uint32_t instance_extras = 0;
  uint32_t instance_slots = 0;  // how many of those words are __slots__ values
  int64_t extras_base = 0;

  // ---- hierarchy -------------------------------------------------------
  TypeObject* base = nullptr;   // the solid base (tp_base), borrowed for statics
  Ref<Object> bases;            // tuple of bases
  Ref<Object> mro;              // tuple: the C3 linearisation, self first
  Ref<Object> dict;             // the class namespace (a Dict)
  Ref<Object> subclasses;       // list of weak-ish back references (may be null)
  uint64_t version_tag = 0;     // changes whenever the type or a base changes;
                                // keys the method cache and inline caches

  // ---- lifetime --------------------------------------------------------
  DeallocFn dealloc = nullptr;
  TraverseFn traverse = nullptr;
  ClearFn clear = nullptr;
  ClearFn finalize = nullptr;   // tp_finalize (__del__), PEP 442

  // ---- basic protocol --------------------------------------------------
  UnaryFn repr = nullptr;
  UnaryFn str = nullptr;
  HashFn hash = nullptr;        // nullptr after inheritance == unhashable
  RichCompareFn richcompare = nullptr;
  GetAttrFn getattr = nullptr;  // tp_getattro: the whole lookup (generic_getattr)
  SetAttrFn setattr = nullptr;
  CallFn call = nullptr;
  UnaryFn iter = nullptr;
  UnaryFn iternext = nullptr;   // see "iternext" in the conventions above
  DescrGetFn descr_get = nullptr;
  DescrSetFn descr_set = nullptr;
  NewFn new_ = nullptr;
  InitFn init = nullptr;
  CallFn vectorcall = nullptr;  // fast path for calling the type itself

  // ---- numbers ---------------------------------------------------------
  BinaryFn nb_binary[kNumBinaryOps] = {};   // indexed by BinaryOp
  BinaryFn nb_inplace[kNumBinaryOps] = {};  // x op= y; null: fall back to binary
  TernaryFn nb_power3 = nullptr;            // pow(a, b, mod)
  UnaryFn nb_negative = nullptr;
  UnaryFn nb_positive = nullptr;
  UnaryFn nb_absolute = nullptr;
  UnaryFn nb_invert = nullptr;
  InquiryFn nb_bool = nullptr;
  UnaryFn nb_int = nullptr;
  UnaryFn nb_float = nullptr;
  UnaryFn nb_index = nullptr;

  // ---- containers ------------------------------------------------------
  LenFn sq_length = nullptr;      // len() (also mp_length)
  BinaryFn mp_subscript = nullptr;    // obj[key]
  SetItemFn mp_ass_subscript = nullptr;  // obj[key] = v / del obj[key]
  ContainsFn sq_contains = nullptr;   // `in`; null: iterate and compare

  // ---- async -----------------------------------------------------------
  UnaryFn am_await = nullptr;
  UnaryFn am_aiter = nullptr;
  UnaryFn am_anext = nullptr;

  // ---- definitions turned into descriptors by type_ready() --------------
  const MethodDef* methods = nullptr;   // terminated by {nullptr}
  const GetSetDef* getset = nullptr;    // terminated by {nullptr}

  // ---- weak references to this type (runtime/weakref.h) ----------------
  Object* weakreflist = nullptr;
};

// The metatype and the root of the hierarchy.
extern TypeObject TypeType;    // type
extern TypeObject ObjectType;  // object

inline TypeObject* type_of(const Object* o) { return o->type; }
inline bool type_has(const TypeObject* t, uint32_t flag) { return (t->flags & flag) != 0; }

// Finishes a static or heap type: inherits slots and flags from the base,
// computes the MRO, fills the dict.  Returns false with an exception set.
bool type_ready(TypeObject* type);

// True when `sub` is `base` or a subclass of it (walks the MRO).
bool is_subtype(const TypeObject* sub, const TypeObject* base);
inline bool is_instance_of(const Object* o, const TypeObject* t) {
  return o->type == t || is_subtype(o->type, t);
}

// Looks `name` up along the type's MRO; returns a borrowed pointer or
// nullptr (no exception is set).  Cached by (version_tag, name).
Object* type_lookup(TypeObject* type, Str* name);

// Called after a type's dict (or a base's) changes: new version tag, so
// the caches keyed by the old one miss.
void type_modified(TypeObject* type);

// The type's __name__ for messages ("int", "MyClass").
std::string_view type_name(const TypeObject* type);

// ---- additions by the object-model core (runtime/type.cpp) -------------------

// The byte offset of heap-type word `i` (see TypeObject::extras_base).
inline int64_t heap_word_offset(const TypeObject* t, uint32_t i) {
  int64_t step = static_cast<int64_t>(sizeof(Object*)) * i;
  return t->extras_base < 0 ? t->extras_base - step : t->extras_base + step;
}
inline Object** heap_word(Object* o, uint32_t i) {
  return reinterpret_cast<Object**>(reinterpret_cast<char*>(o) + heap_word_offset(o->type, i));
}

// Calls visit(v) for each non-null strong reference in `o`'s heap words
// (its __slots__ and __dict__ words; not the weak-reference list).  The
// collector runs this for every instance at every collection, so the word
// addresses are stepped, not recomputed.
template <class Visit>
inline void for_each_heap_word_ref(Object* o, Visit&& visit) {
  TypeObject* t = o->type;
  char* word = reinterpret_cast<char*>(o) + t->extras_base;
  const int64_t step = t->extras_base < 0 ? -int64_t{sizeof(Object*)} : int64_t{sizeof(Object*)};
  char* weaklist = t->weaklist_offset ? reinterpret_cast<char*>(o) + t->weaklist_offset : nullptr;
  for (uint32_t i = t->instance_extras; i > 0; i--, word += step) {
    if (word == weaklist) continue;
    if (Object* v = *reinterpret_cast<Object**>(word)) visit(v);
  }
}

// The traverse slot of every class (its heap words, its type, then its
// built-in base's references).
void subtype_traverse(Object* self, VisitFn visit, void* arg);

// Where `o`'s instance __dict__ pointer lives (a strong Dict* or null), or
// nullptr when its type has no instance dict: (char*)o + dict_offset.  A
// positive offset is a field of the struct (modules, exceptions) or a word
// after it (heap types); a negative one is a word just before the object
// (heap types derived from str, bytes, tuple).
Object** instance_dict_slot(Object* o);
// The instance __dict__, created on first use; nullptr (no exception) when
// the type has none, nullptr with MemoryError when allocation fails.
Dict* instance_dict(Object* o);

// The hash slot of unhashable types (list, dict, a class defining __eq__
// without __hash__): raises "unhashable type: 'list'".  A type whose hash
// slot is left null but defines richcompare ends up with this too.
int64_t hash_not_implemented(Object* self);

// Default address-based hash (object.__hash__), CPython's _Py_HashPointer.
int64_t hash_pointer(const void* p);

// type(o) as a new reference (for code that wants a Ref).
inline Ref<Object> type_ref(Object* o) { return Ref<Object>::borrow(o->type); }

bool type_check(const Object* o);    // isinstance(o, type)

// type.__call__: new_ then init, for calling any class from C++.
Ref<Object> type_call(Object* type, Object* const* args, size_t nargs, Tuple* kwnames);

// Looks up a special method on type(o) (not the instance) and binds it:
// what CPython's _PyObject_LookupSpecial does for `with`, __enter__ ...
// Returns null with NO exception when absent.
Ref<Object> lookup_special(Object* o, Str* name);

// The C3 linearisation used by type_ready (exposed for tests).
// Returns a tuple, or null with TypeError "Cannot create a consistent
// method resolution order (MRO) for bases A, B".
Ref<Object> compute_mro(TypeObject* type);

// Hooks the VM installs (both optional):
//  * the __name__ of the calling frame's globals, used as __module__ of a
//    class made by a 3-argument type() call (borrowed, or null);
//  * storing the new class into the `__classcell__` cell of a class body
//    (zero-argument super()); returns false with an exception set.
extern Object* (*current_module_name_hook)();
extern bool (*classcell_set_hook)(Object* cell, Object* cls);

// Sets `type`'s slots from the dunder methods found along its MRO
// (heap types; called by type_new and after `C.__add__ = f`).
void fixup_slots(TypeObject* type);

// sys.getsizeof(object[, default]) as a native function (MethodFn shape;
// registered in vm/sysmodule.cpp's method table).
Ref<Object> sys_getsizeof(Object* self, Object* const* args, size_t nargs, Tuple* kwnames);

// __subclasses__ bookkeeping (borrowed pointers; heap types remove
// themselves when freed).
void type_add_subclass(TypeObject* base, TypeObject* sub);

}  // namespace coil::runtime
