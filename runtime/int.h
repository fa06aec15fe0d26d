// int.h — the int type: arbitrary precision with a machine-word fast path.
//
// A value that fits in int64_t is stored directly; a larger one in a GMP
// integer (mpz).  Ints from -5 to 256 are preallocated singletons, exactly
// as CPython's small-int cache (DESIGN decision 3), so `a = 256; b = 256;
// a is b` holds everywhere.  bool is a subclass whose only instances are
// True and False.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <gmp.h>

#include "runtime/object.h"

namespace coil::runtime {

struct TypeObject;
extern TypeObject IntType;
extern TypeObject BoolType;

// An int object: the header and one word (24 bytes; CPython's int 1 takes
// 28, rounded up to 32 by its allocator).  The word `small` holds
//  * any int64_t value EXCEPT INT64_MIN — the common case, no heap memory
//    beyond the object itself;
//  * kIntBigTag (INT64_MIN): the value is a GMP integer (__mpz_struct, 16
//    bytes, its limbs on the heap) stored right after the object's fixed
//    part, at int_mpz_offset(type).  A big value never fits in
//    (INT64_MIN, INT64_MAX]: results are always normalised back to the
//    small form, and INT64_MIN itself is stored big so that no flag byte
//    is needed.
// Only int.cpp looks inside; everyone else goes through int_is_small /
// int_small_value / int_fits_i64.  bool and int subclasses share this
// layout (a subclass's __dict__ word follows the struct, then the mpz).
constexpr int64_t kIntBigTag = INT64_MIN;
struct Int : Object {
  int64_t small = 0;
};

inline bool int_is_small(const Object* o) { return static_cast<const Int*>(o)->small != kIntBigTag; }
// The value of an int for which int_is_small() holds.
inline int64_t int_small_value(const Object* o) { return static_cast<const Int*>(o)->small; }

bool int_check(const Object* o);          // isinstance(o, int) (bool too)
inline bool int_check_exact(const Object* o) { return o->type == &IntType; }

Ref<Object> int_from_i64(int64_t v);
Ref<Object> int_from_u64(uint64_t v);
Ref<Object> int_from_double(double v);    // truncates; OverflowError/ValueError for inf/nan
// Parses a literal or int(text, base): base 0 = from the prefix, as Python.
// ValueError "invalid literal for int() with base 10: 'x'" on failure.
Ref<Object> int_from_string(std::string_view text, int base);
// True when `o` (an int) fits in int64_t; stores it.  No error is set.
bool int_fits_i64(const Object* o, int64_t* out);
// int -> int64_t with OverflowError "Python int too large to convert to C long".
bool int_to_i64(Object* o, int64_t* out);
double int_to_double(Object* o, bool* overflow);   // *overflow set if too big
std::string int_to_decimal(Object* o);
int int_sign(Object* o);                   // -1, 0, 1

// ---- additions (numbers engineer) ------------------------------------------
// Sets `out` (already mpz_init'ed by the caller) to the value of int `o`.
void int_to_mpz(const Object* o, mpz_t out);
// A new int from an mpz value (copied; normalised to the small form).
Ref<Object> int_from_mpz(const mpz_t v);
// Like int_from_mpz but takes over `v`'s limbs: the caller must not
// mpz_clear `v` afterwards (it is left cleared / moved from).
Ref<Object> int_from_mpz_steal(mpz_t v);
// An exact int with the value of `o` (an int or int subclass instance);
// returns `o` itself when it is already an exact int.
Ref<Object> int_exact(Object* o);
// Three-way comparison of two ints: -1, 0, 1.
int int_compare(const Object* a, const Object* b);
// hash(int) exactly as CPython (modulus 2**61 - 1, hash(-1) == -2).
int64_t int_hash_value(const Object* o);
// hash(float) exactly as CPython's _Py_HashDouble for finite values; nan
// hashes by identity of `inst` (may be null: then 0).
int64_t hash_double(double v, const Object* inst);
// Number of bits of |o| (int.bit_length()).
uint64_t int_bit_length(const Object* o);
// repr(int) with the sys.set_int_max_str_digits limit (ValueError when
// exceeded).  Returns a str.
Ref<Object> int_repr(Object* o);
// Digits of `o` in base 2, 8, 10 or 16 (lowercase), no prefix, with a
// leading '-' for negatives.  No digit limit is applied.
std::string int_to_base_string(const Object* o, int base);
// bin()/oct()/hex(): "0b101", "-0x1f" (PyNumber_ToBase).  `o` must be an int.
Ref<Object> int_format_base(Object* o, int base);
// int(text, base) where `text` came from a Python object whose repr goes in
// the error message (`orig`: a str; may be null to use `text`).
Ref<Object> int_from_string_obj(std::string_view text, int base, Object* orig);
// The sys.set_int_max_str_digits() limit (0 = unlimited; default 4300).
int64_t int_get_max_str_digits();
// Sets the limit; false with ValueError "maxdigits must be 0 or larger than
// 640" when out of range.
bool int_set_max_str_digits(int64_t n);
// int(x) semantics without a base (PyNumber_Long): __int__, __index__,
// __trunc__, str parsing.  Returns an exact int.
Ref<Object> number_to_int(Object* x);
// Creates an instance of int subclass `type` with the value of int `v`.
Ref<Object> int_subtype_new(TypeObject* type, Object* v);

// Strips the whitespace Python's str.strip() removes (ASCII and the common
// Unicode spaces) from both ends of UTF-8 text; used by int() and float().
std::string_view strip_py_whitespace(std::string_view s);
// Maps Unicode decimal digits to ASCII digits and Unicode spaces to ' '
// (other non-ASCII characters become '?'), as CPython does before parsing
// int() and float() text.
std::string transform_decimal_and_space(std::string_view s);

void init_int_type();
void init_bool_type();

}  // namespace coil::runtime
