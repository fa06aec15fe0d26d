// bool.cpp — the bool type: an int subclass with exactly two instances.
//
// True and False are statically allocated Int objects (value 1 and 0), so
// they share every int slot by inheritance: True + 1 == 2, hash(True) == 1,
// True == 1.  bool overrides only what differs: repr/str ('True'), the
// constructor (truth testing), and & | ^, which stay bool when both
// operands are bools.  bool cannot be subclassed (no kBaseType flag), as in
// CPython: "type 'bool' is not an acceptable base type".
#include "runtime/abstract.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/singletons.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

namespace coil::runtime {

TypeObject BoolType;

namespace {

Int true_object;
Int false_object;

}  // namespace

Object* const True = &true_object;
Object* const False = &false_object;

namespace {

void init_bool_objects() {
  true_object.refcnt = intptr_t{1} << 40;
  true_object.type = &BoolType;
  true_object.small = 1;
  false_object.refcnt = intptr_t{1} << 40;
  false_object.type = &BoolType;
  false_object.small = 0;
}

Ref<Object> bool_repr(Object* self) {
  static Str* true_str = nullptr;
  static Str* false_str = nullptr;
  if (!true_str) {
    true_str = intern("True");
    false_str = intern("False");
  }
  return Ref<Object>::borrow(self == True ? true_str : false_str);
}

bool is_bool(const Object* o) { return o->type == &BoolType; }

Ref<Object> bool_and(Object* a, Object* b) {
  if (is_bool(a) && is_bool(b)) return new_bool(a == True && b == True);
  return IntType.nb_binary[static_cast<int>(BinaryOp::And)](a, b);
}

Ref<Object> bool_or(Object* a, Object* b) {
  if (is_bool(a) && is_bool(b)) return new_bool(a == True || b == True);
  return IntType.nb_binary[static_cast<int>(BinaryOp::Or)](a, b);
}

Ref<Object> bool_xor(Object* a, Object* b) {
  if (is_bool(a) && is_bool(b)) return new_bool((a == True) != (b == True));
  return IntType.nb_binary[static_cast<int>(BinaryOp::Xor)](a, b);
}

Ref<Object> bool_new(TypeObject*, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (kwnames && kwnames->size > 0) return set_error(exc::TypeError, "bool() takes no keyword arguments");
  if (nargs > 1)
    return set_errorf(exc::TypeError, "bool expected at most 1 argument, got %zd", static_cast<ssize_t>(nargs));
  if (nargs == 0) return new_bool(false);
  int t = is_true(args[0]);
  if (t < 0) return nullptr;
  return new_bool(t != 0);
}

void bool_dealloc(Object* o) {
  // True and False are never freed; a count reaching zero is a refcount bug.
  o->refcnt = intptr_t{1} << 40;
}

}  // namespace

void init_bool_type() {
  init_bool_objects();
  TypeObject& t = BoolType;
  t.name = "bool";
  t.doc =
      "bool(x) -> bool\n\nReturns True when the argument x is true, False otherwise.\n"
      "The builtins True and False are the only two instances of the class bool.\n"
      "The class bool is a subclass of the class int, and cannot be subclassed.";
  t.flags |= kIntSubclass;   // but not kBaseType
  t.base = &IntType;
  t.basic_size = sizeof(Int);
  t.dealloc = bool_dealloc;
  t.repr = bool_repr;
  // No str slot: as in CPython, object.__str__ calls repr, so a subclass
  // that overrides only __repr__ changes str() too.
  t.new_ = bool_new;
  t.nb_binary[static_cast<int>(BinaryOp::And)] = bool_and;
  t.nb_binary[static_cast<int>(BinaryOp::Or)] = bool_or;
  t.nb_binary[static_cast<int>(BinaryOp::Xor)] = bool_xor;
}

}  // namespace coil::runtime
