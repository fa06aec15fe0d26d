// args.h — binding vectorcall arguments of native functions to parameters.
//
// Native functions receive (args, nargs, kwnames) like every call in coil.
// ArgSpec describes the parameters once, and bind_args() maps positional
// and keyword arguments onto them with CPython's error messages:
//   "f() takes at most 2 arguments (3 given)"
//   "f() missing required argument 'x' (pos 1)"
//   "'y' is an invalid keyword argument for f()"
//   "f() got multiple values for argument 'x'"
//   "f() takes no keyword arguments"
// Messages differ slightly between CPython functions; where a golden test
// shows a difference, the function checks its arguments itself.
#pragma once

#include <cstddef>
#include <initializer_list>

#include "runtime/object.h"

namespace coil::runtime {

struct Tuple;

struct ArgSpec {
  const char* fname;                       // "split", for messages ("split()")
  std::initializer_list<const char*> params;  // parameter names in order
  size_t required = 0;                     // how many leading params are required
  size_t positional_only = 0;              // how many leading params are positional-only
  // params at index >= keyword_only_from may only be passed by keyword
  size_t keyword_only_from = static_cast<size_t>(-1);
};

// Fills out[0 .. params.size()) with borrowed pointers (nullptr for an
// omitted optional parameter).  Returns false with TypeError set.
bool bind_args(const ArgSpec& spec, Object* const* args, size_t nargs,
               Tuple* kwnames, Object** out);

// Checks for callers that take only positional arguments:
// "name() takes no keyword arguments", "name expected at most 2 arguments, got 3",
// "name expected at least 1 argument, got 0" (CPython's unpack_arguments wording).
bool check_no_kwargs(const char* fname, Tuple* kwnames);
// For methods that take nothing, with CPython's METH_NOARGS wording, where
// keywords count as arguments: "int.bit_length() takes no arguments (1 given)".
bool check_no_args(const char* qualname, size_t nargs, Tuple* kwnames);
bool check_nargs(const char* fname, size_t nargs, size_t min, size_t max);

}  // namespace coil::runtime
