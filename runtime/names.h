// names.h — interned strings for the identifiers the runtime looks up.
//
// Native code refers to dunder names through these pointers
// (names::__init__), so a lookup costs a pointer compare in the dict
// instead of hashing a C string each time.  Declared once in COIL_NAMES;
// runtime/names.cpp interns them at start-up (init_names()).
#pragma once

#include "runtime/str.h"

namespace coil::runtime {

#define COIL_NAMES(X)                                                            \
  X(__abs__) X(__add__) X(__aenter__) X(__aexit__) X(__aiter__) X(__and__)       \
  X(__anext__) X(__annotations__) X(__await__) X(__bases__) X(__bool__)           \
  X(__build_class__) X(__builtins__) X(__call__) X(__cause__) X(__class__)        \
  X(__class_getitem__) X(__classcell__) X(__contains__) X(__context__)            \
  X(__del__) X(__delattr__) X(__delete__) X(__delitem__) X(__dict__) X(__dir__)   \
  X(__divmod__) X(__doc__) X(__enter__) X(__eq__) X(__exit__) X(__file__)         \
  X(__float__) X(__floordiv__) X(__format__) X(__ge__) X(__get__)                 \
  X(__getattr__) X(__getattribute__) X(__getitem__) X(__gt__) X(__hash__)         \
  X(__iadd__) X(__iand__) X(__ifloordiv__) X(__ilshift__) X(__imatmul__)          \
  X(__imod__) X(__import__) X(__imul__) X(__index__) X(__init__)                  \
  X(__init_subclass__) X(__instancecheck__) X(__int__) X(__invert__) X(__ior__)   \
  X(__ipow__) X(__irshift__) X(__isub__) X(__iter__) X(__itruediv__)              \
  X(__ixor__) X(__le__) X(__len__) X(__loader__) X(__lshift__) X(__lt__)          \
  X(__main__) X(__matmul__) X(__missing__) X(__mod__) X(__module__) X(__mro__)    \
  X(__mro_entries__) X(__mul__) X(__name__) X(__ne__) X(__neg__) X(__new__)       \
  X(__next__) X(__notes__) X(__or__) X(__package__) X(__path__) X(__pos__)        \
  X(__pow__) X(__prepare__) X(__qualname__) X(__radd__) X(__rand__)               \
  X(__rdivmod__) X(__reduce__) X(__reduce_ex__) X(__repr__) X(__reversed__)       \
  X(__rfloordiv__) X(__rlshift__) X(__rmatmul__) X(__rmod__) X(__rmul__)          \
  X(__ror__) X(__round__) X(__rpow__) X(__rrshift__) X(__rshift__) X(__rsub__)    \
  X(__rtruediv__) X(__rxor__) X(__set__) X(__set_name__) X(__setattr__)           \
  X(__setitem__) X(__slots__) X(__spec__) X(__str__) X(__sub__)                   \
  X(__subclasscheck__) X(__subclasshook__) X(__traceback__) X(__truediv__)        \
  X(__trunc__) X(__weakref__) X(__xor__) X(append) X(args) X(close) X(code)       \
  X(encoding) X(end) X(errno_) X(file) X(filename) X(flush) X(items) X(key)        \
  X(keys) X(lineno) X(msg) X(mro) X(name) X(offset) X(path) X(print_file_and_line) \
  X(readline) X(send) X(sep) X(strerror) X(text) X(throw_) X(value) X(values)      \
  X(write) X(end_lineno) X(end_offset) X(reverse) X(default_) X(stdout) X(stderr) \
  X(stdin) X(metaclass) X(self) X(__orig_bases__) X(__abstractmethods__)

namespace names {
#define COIL_DECLARE_NAME(n) extern Str* n;
COIL_NAMES(COIL_DECLARE_NAME)
#undef COIL_DECLARE_NAME
}  // namespace names

// Interns every name above; called once at start-up after init_str_type().
// (default_, throw_ and errno_ are interned as "default", "throw" and
// "errno": a trailing underscore avoids the C++ keyword or the <cerrno>
// macro.)
void init_names();

}  // namespace coil::runtime
