// genericalias.h — `list[int]` and `int | None`: the two objects that let
// type annotations evaluate at run time (PEP 585 and PEP 604).
//
//   * types.GenericAlias is what `list[int]`, `dict[str, int]` or
//     `type[C]` evaluate to: an (origin, args) pair that repr()s as the
//     source did, compares by value, forwards attribute lookups to its
//     origin and calls it (`list[int]()` is an empty list);
//   * types.UnionType is what `int | None` evaluates to: a flat,
//     duplicate-free tuple of its members, usable with isinstance().
//
// Built-in generic types (list, dict, tuple, set, frozenset, enumerate,
// BaseExceptionGroup ...) get a `__class_getitem__` class method that
// builds a GenericAlias; type.__or__ builds unions.
#pragma once

#include "runtime/object.h"
#include "runtime/type.h"

namespace coil::runtime {

struct Tuple;

struct GenericAlias : Object {
  Ref<Object> origin;       // strong: list in list[int]
  Ref<Object> args;         // strong: a tuple, (int,)
  Ref<Object> parameters;   // strong, lazily computed: the type variables in args
  bool starred = false;     // *tuple[int] (PEP 646): repr with a leading '*'
};

struct UnionObject : Object {
  Ref<Object> args;         // strong: a tuple of the members, None stored as NoneType
  Ref<Object> parameters;   // strong, lazily computed
};

extern TypeObject GenericAliasType;   // "types.GenericAlias"
extern TypeObject UnionTypeType;      // "types.UnionType"

inline bool generic_alias_check(const Object* o) { return is_instance_of(o, &GenericAliasType); }
inline bool union_check(const Object* o) { return o->type == &UnionTypeType; }

// GenericAlias(origin, args): a non-tuple `args` is wrapped in a 1-tuple.
Ref<Object> generic_alias_new(Object* origin, Object* args);

// The `__class_getitem__` class method of the built-in generic types (a
// MethodFn: `self` is the class).  Native types defined elsewhere can put
// {"__class_getitem__", generic_alias_class_getitem, MethodKind::Class}
// in their method table.
Ref<Object> generic_alias_class_getitem(Object* cls, Object* const* args, size_t nargs,
                                        Tuple* kwnames);
extern const MethodDef kClassGetItemDef;

// `a | b` for types, None, generic aliases and unions (type.__or__):
// NotImplemented for any other operand.
Ref<Object> union_type_or(Object* a, Object* b);

// The member tuple of a union (borrowed), for isinstance/issubclass.
Tuple* union_args(Object* u);

// Fills the two types (no allocation); type_ready() runs lazily on first use.
void init_genericalias_types();

}  // namespace coil::runtime
