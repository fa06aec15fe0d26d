// abstract.h — the generic object protocol: what the VM and native code
// call instead of touching slots directly.
//
// Each function dispatches through the type's slots (runtime/type.h) with
// CPython's fallbacks and error messages.  All return a new reference (or
// -1 / false) with an exception set on failure.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "runtime/type.h"

namespace coil::runtime {

// ---- text --------------------------------------------------------------------
Ref<Object> repr(Object* o);             // repr(o); a str
Ref<Object> str(Object* o);              // str(o); a str
Ref<Object> ascii(Object* o);
Ref<Object> format(Object* o, Object* spec);  // format(o, spec); spec a str
// repr/str as UTF-8 std::string (for messages); returns false on error.
bool repr_utf8(Object* o, std::string* out);
bool str_utf8(Object* o, std::string* out);

// ---- identity, hashing, truth, comparison -----------------------------------
int64_t hash(Object* o);                 // -1 with TypeError "unhashable type: 'list'"
int is_true(Object* o);                  // 1, 0 or -1
Ref<Object> rich_compare(Object* a, Object* b, CompareOp op);
// 1, 0 or -1; `a is b` short-cuts Eq/Ne as CPython's PyObject_RichCompareBool.
int rich_compare_bool(Object* a, Object* b, CompareOp op);
inline int equal(Object* a, Object* b) { return rich_compare_bool(a, b, CompareOp::Eq); }

// ---- attributes --------------------------------------------------------------
Ref<Object> getattr(Object* o, Str* name);
Ref<Object> getattr(Object* o, std::string_view name);
// Like getattr but a missing attribute returns a null Ref with NO exception
// set (other errors still set one: check error_occurred()).
Ref<Object> getattr_opt(Object* o, Str* name);
int setattr(Object* o, Str* name, Object* value);   // value null: delete
int delattr(Object* o, Str* name);
int hasattr(Object* o, Str* name);                  // 1, 0, -1
// The default tp_getattro/tp_setattro: descriptors, instance dict, class.
Ref<Object> generic_getattr(Object* o, Str* name);
int generic_setattr(Object* o, Str* name, Object* value);

// ---- calls -------------------------------------------------------------------
// Vectorcall: args[0..nargs) positional, then one value per kwnames entry.
Ref<Object> call(Object* callable, Object* const* args, size_t nargs, Tuple* kwnames = nullptr);
Ref<Object> call0(Object* callable);
Ref<Object> call1(Object* callable, Object* arg);
Ref<Object> call2(Object* callable, Object* a, Object* b);
// Calls with a tuple of positional args and an optional dict of keywords.
Ref<Object> call_tuple_dict(Object* callable, Tuple* args, Dict* kwargs);
// Looks up `name` on o (as a method) and calls it with args.
Ref<Object> call_method(Object* o, Str* name, Object* const* args, size_t nargs);
bool is_callable(Object* o);

// ---- numbers -----------------------------------------------------------------
Ref<Object> binary_op(Object* a, Object* b, BinaryOp op);
Ref<Object> inplace_op(Object* a, Object* b, BinaryOp op);
Ref<Object> power3(Object* a, Object* b, Object* mod);
Ref<Object> negative(Object* o);
Ref<Object> positive(Object* o);
Ref<Object> absolute(Object* o);
Ref<Object> invert(Object* o);
// operator.index(o): an int (or TypeError "'X' object cannot be interpreted as an integer").
Ref<Object> index(Object* o);
// index(o) as a C integer; OverflowError "Python int too large to convert
// to C ssize_t" ... CPython's wording, or `err_type` for IndexError.
bool index_to_i64(Object* o, int64_t* out);
const char* binary_op_symbol(BinaryOp op);   // "+", "//", "**" ...

// ---- containers --------------------------------------------------------------
int64_t length(Object* o);                  // len(o); -1 on error
Ref<Object> getitem(Object* o, Object* key);
int setitem(Object* o, Object* key, Object* value);
int delitem(Object* o, Object* key);
int contains(Object* container, Object* item);  // `item in container`

// ---- iteration ---------------------------------------------------------------
Ref<Object> get_iter(Object* o);            // iter(o); TypeError if not iterable
// The next item; a null Ref with no exception set means exhausted.
Ref<Object> iter_next(Object* it);
// Collects an iterable into a new list / tuple.
Ref<Object> sequence_to_list(Object* iterable);
Ref<Object> sequence_to_tuple(Object* iterable);

// ---- misc --------------------------------------------------------------------
bool isinstance(Object* o, Object* cls, int* result);   // isinstance(o, cls)
bool issubclass(Object* derived, Object* cls, int* result);

// The "iterator" type of the old __getitem__ iteration protocol; created
// by get_iter() for objects with __getitem__ but no __iter__.
TypeObject* seq_iter_type();
void init_abstract_types();

}  // namespace coil::runtime
