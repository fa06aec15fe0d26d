// genericalias.cpp — types.GenericAlias (`list[int]`) and types.UnionType
// (`int | None`).
//
// WHY THEY EXIST.  Annotations are ordinary expressions evaluated when the
// `def` or `class` statement runs:
//
//     def f(xs: list[int]) -> dict[str, int | None]: ...
//
// For that to work, subscripting a class and or-ing two classes must give
// *some* object.  CPython 3.9 (PEP 585) and 3.10 (PEP 604) made those
// objects native so that the builtins need not import `typing`:
//
//     list[int]        ->  GenericAlias(origin=list, args=(int,))
//     int | None       ->  UnionType(args=(int, NoneType))
//
// HOW `list[int]` GETS HERE.  `list` has no __getitem__ for its instances'
// sake to answer `list[int]` (that would be `[1, 2][0]`).  Instead
// abstract.cpp's getitem() sees that the subscripted object is a class and
// calls its `__class_getitem__` class method (PEP 560), which type_ready()
// installed on list, dict, tuple, set ... from kClassGetItemDef below.
//
// WHAT AN ALIAS DOES.  It is mostly a well-behaved value:
//   * repr() spells it as written: `dict[str, list[int]]`, `tuple[int, ...]`;
//   * `==` and hash() compare (origin, args);
//   * calling it calls the origin: `list[int]("ab") == ['a', 'b']`;
//   * other attribute lookups are forwarded to the origin
//     (`list[int].append is list.append`);
//   * it refuses isinstance(): `isinstance([], list[int])` is a TypeError,
//     since the check could not look inside the list;
//   * as a base class it stands for its origin (__mro_entries__).
//
// TYPE VARIABLES.  `__parameters__` collects the arguments that are type
// variables (anything with a `__typing_subst__` method — typing.TypeVar
// defines one); subscripting the alias again substitutes them:
// `dict[str, T][int]` is `dict[str, int]`.  An alias without parameters
// cannot be subscripted: "list[int] is not a generic class".
//
// UNIONS.  `a | b` (type.__or__) accepts classes, None, aliases and
// unions.  Members are flattened (`(int | str) | bytes` has three) and
// deduplicated (`int | int` is just `int`), None is stored as NoneType, and
// equality ignores order.  isinstance()/issubclass() treat a union as the
// tuple of its members (abstract.cpp).
#include "runtime/genericalias.h"

#include <string>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/descr.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/list.h"
#include "runtime/names.h"
#include "runtime/set.h"
#include "runtime/singletons.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace coil::runtime {

TypeObject GenericAliasType;
TypeObject UnionTypeType;

namespace {

inline GenericAlias* as_ga(Object* o) { return static_cast<GenericAlias*>(o); }
inline UnionObject* as_union(Object* o) { return static_cast<UnionObject*>(o); }
inline Tuple* as_tuple(Object* o) { return static_cast<Tuple*>(o); }

bool ensure_ready(TypeObject* t) { return (t->flags & kReady) || type_ready(t); }

Str* name_of(const char* s) { return intern(s); }

// ---- repr ---------------------------------------------------------------------------------

// repr_utf8 replaces *out; the helpers below append to it.
bool append_repr(Object* p, std::string* out) {
  std::string r;
  if (!repr_utf8(p, &r)) return false;
  *out += r;
  return true;
}

// One argument as an annotation would spell it: `...`, a nested alias by
// its repr, a class as `int` or `mymod.C`, anything else by repr().
bool repr_item(Object* p, std::string* out) {
  if (p == Ellipsis) {
    *out += "...";
    return true;
  }
  if (p == &NoneType) {   // inside unions NoneType stands for None
    *out += "None";
    return true;
  }
  Ref<Object> origin = getattr_opt(p, name_of("__origin__"));
  if (!origin && error_occurred()) return false;
  if (origin) {
    Ref<Object> args = getattr_opt(p, name_of("__args__"));
    if (!args && error_occurred()) return false;
    if (args) return append_repr(p, out);   // looks like an alias: its own repr
  }
  Ref<Object> qual = getattr_opt(p, names::__qualname__);
  if (!qual && error_occurred()) return false;
  Ref<Object> mod = qual ? getattr_opt(p, names::__module__) : nullptr;
  if (!mod && error_occurred()) return false;
  if (!qual || !mod || mod.get() == None) return append_repr(p, out);
  std::string q, m;
  if (!str_utf8(qual.get(), &q) || !str_utf8(mod.get(), &m)) return false;
  if (m != "builtins") *out += m + ".";
  *out += q;
  return true;
}

bool repr_arg(Object* a, std::string* out) {
  if (list_check(a)) {   // Callable[[int, str], bool] keeps its inner list
    List* l = static_cast<List*>(a);
    *out += "[";
    for (size_t i = 0; i < l->size; i++) {
      if (i) *out += ", ";
      if (!repr_arg(l->items[i], out)) return false;
    }
    *out += "]";
    return true;
  }
  if (generic_alias_check(a)) return append_repr(a, out);
  return repr_item(a, out);
}

// ---- parameters and substitution ------------------------------------------------------------

bool tuple_has(const std::vector<Object*>& v, Object* o) {
  for (Object* x : v)
    if (x == o) return true;
  return false;
}

// The type variables among `args`, in order of first appearance
// (CPython's _Py_make_parameters).
Ref<Object> make_parameters(Tuple* args) {
  std::vector<Object*> params;
  std::vector<Ref<Object>> keep;
  static Str* subst = intern("__typing_subst__");
  static Str* parameters = intern("__parameters__");
  for (size_t i = 0; i < args->size; i++) {
    Object* t = args->items[i];
    if (type_check(t)) continue;   // a bare class is never a parameter
    Ref<Object> s = getattr_opt(t, subst);
    if (!s && error_occurred()) return nullptr;
    if (s) {
      if (!tuple_has(params, t)) params.push_back(t);
      continue;
    }
    Ref<Object> sub = getattr_opt(t, parameters);
    if (!sub && error_occurred()) return nullptr;
    if (sub && tuple_check(sub.get())) {
      Tuple* st = as_tuple(sub.get());
      for (size_t j = 0; j < st->size; j++)
        if (!tuple_has(params, st->items[j])) params.push_back(st->items[j]);
      keep.push_back(std::move(sub));
    }
  }
  return tuple_from_array(params.data(), params.size());
}

// Replaces the parameters inside one argument that is itself generic:
// with T -> int, `list[T]` becomes `list[int]`.
Ref<Object> subs_tvars(Object* arg, Tuple* params, Tuple* items) {
  static Str* parameters = intern("__parameters__");
  Ref<Object> sub = getattr_opt(arg, parameters);
  if (!sub) return error_occurred() ? nullptr : Ref<Object>::borrow(arg);
  if (!tuple_check(sub.get()) || as_tuple(sub.get())->size == 0) return Ref<Object>::borrow(arg);
  Tuple* st = as_tuple(sub.get());
  Ref<Tuple> subargs = tuple_new(st->size);
  if (!subargs) return nullptr;
  for (size_t i = 0; i < st->size; i++) {
    Object* v = st->items[i];
    for (size_t k = 0; k < params->size; k++)
      if (params->items[k] == v) {
        v = items->items[k];
        break;
      }
    tuple_set(subargs.get(), i, Ref<Object>::borrow(v));
  }
  if (st->size == 1) return getitem(arg, subargs->items[0]);
  return getitem(arg, subargs.get());
}

// The new argument tuple of `self[item]` (CPython's _Py_subs_parameters).
Ref<Object> subs_parameters(Object* self, Tuple* args, Tuple* params, Object* item) {
  if (params->size == 0) return set_errorf(exc::TypeError, "%R is not a generic class", self);
  Ref<Tuple> items = tuple_check(item) ? Ref<Tuple>::borrow(as_tuple(item)) : tuple_pack({item});
  if (!items) return nullptr;
  if (items->size != params->size) {
    return set_errorf(exc::TypeError, "Too %s arguments for %R; actual %zu, expected %zu",
                      items->size > params->size ? "many" : "few", self, items->size,
                      params->size);
  }
  static Str* subst = intern("__typing_subst__");
  Ref<Tuple> out = tuple_new(args->size);
  if (!out) return nullptr;
  for (size_t i = 0; i < args->size; i++) {
    Object* arg = args->items[i];
    Ref<Object> v;
    if (type_check(arg)) {
      v = Ref<Object>::borrow(arg);
    } else {
      Ref<Object> s = getattr_opt(arg, subst);
      if (!s && error_occurred()) return nullptr;
      if (s) {
        size_t k = 0;
        while (k < params->size && params->items[k] != arg) k++;
        v = call1(s.get(), items->items[k < params->size ? k : 0]);
      } else {
        v = subs_tvars(arg, params, items.get());
      }
    }
    if (!v) return nullptr;
    tuple_set(out.get(), i, std::move(v));
  }
  return out;
}

// ---- GenericAlias: slots ------------------------------------------------------------------------

void ga_dealloc(Object* self) { destroy_object(as_ga(self)); }

void ga_traverse(Object* self, VisitFn visit, void* arg) {
  GenericAlias* g = as_ga(self);
  if (g->origin) visit(g->origin.get(), arg);
  if (g->args) visit(g->args.get(), arg);
  if (g->parameters) visit(g->parameters.get(), arg);
}

void ga_clear(Object* self) {
  GenericAlias* g = as_ga(self);
  g->parameters.reset();
  g->args.reset();
  g->origin.reset();
}

Ref<Object> ga_repr(Object* self) {
  GenericAlias* g = as_ga(self);
  std::string out = g->starred ? "*" : "";
  if (!repr_item(g->origin.get(), &out)) return nullptr;
  out += "[";
  Tuple* args = as_tuple(g->args.get());
  if (args->size == 0) out += "()";
  for (size_t i = 0; i < args->size; i++) {
    if (i) out += ", ";
    if (!repr_arg(args->items[i], &out)) return nullptr;
  }
  out += "]";
  return str_from(out);
}

int64_t ga_hash(Object* self) {
  GenericAlias* g = as_ga(self);
  int64_t h0 = hash(g->origin.get());
  if (h0 == -1) return -1;
  int64_t h1 = hash(g->args.get());
  if (h1 == -1) return -1;
  int64_t h = h0 ^ h1;
  return h == -1 ? -2 : h;
}

Ref<Object> ga_richcompare(Object* a, Object* b, CompareOp op) {
  if (!generic_alias_check(b) || (op != CompareOp::Eq && op != CompareOp::Ne))
    return not_implemented();
  GenericAlias* x = as_ga(a);
  GenericAlias* y = as_ga(b);
  if (x->starred != y->starred) return new_bool(op == CompareOp::Ne);
  int eq = rich_compare_bool(x->origin.get(), y->origin.get(), CompareOp::Eq);
  if (eq < 0) return nullptr;
  if (!eq) return new_bool(op == CompareOp::Ne);
  return rich_compare(x->args.get(), y->args.get(), op);
}

// Attribute lookups go to the origin, except the alias's own attributes
// (and __reduce__/__copy__, which must not be the origin's).
Ref<Object> ga_getattro(Object* self, Str* name) {
  static const char* const own[] = {
      "__class__", "__origin__", "__args__", "__unpacked__", "__parameters__",
      "__typing_unpacked_tuple_args__", "__mro_entries__", "__reduce_ex__", "__reduce__",
      "__copy__", "__deepcopy__", nullptr};
  std::string_view n = name->view();
  for (const char* const* p = own; *p; p++)
    if (n == *p) return generic_getattr(self, name);
  return getattr(as_ga(self)->origin.get(), name);
}

// Calls the origin, then records the alias on the result when it can
// (`__orig_class__`, used by typing.Generic instances).
Ref<Object> ga_call(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  GenericAlias* g = as_ga(self);
  Ref<Object> obj = call(g->origin.get(), args, nargs, kwnames);
  if (!obj) return nullptr;
  if (setattr(obj.get(), intern("__orig_class__"), self) < 0) {
    if (!error_matches(exc::AttributeError) && !error_matches(exc::TypeError)) return nullptr;
    clear_error();
  }
  return obj;
}

Ref<Object> ga_parameters_of(Object* self) {
  GenericAlias* g = as_ga(self);
  if (!g->parameters) {
    g->parameters = make_parameters(as_tuple(g->args.get()));
    if (!g->parameters) return nullptr;
  }
  return g->parameters;
}

Ref<Object> ga_getitem(Object* self, Object* item) {
  GenericAlias* g = as_ga(self);
  Ref<Object> params = ga_parameters_of(self);
  if (!params) return nullptr;
  Ref<Object> newargs = subs_parameters(self, as_tuple(g->args.get()), as_tuple(params.get()), item);
  if (!newargs) return nullptr;
  Ref<Object> r = generic_alias_new(g->origin.get(), newargs.get());
  if (r) as_ga(r.get())->starred = g->starred;
  return r;
}

Ref<Object> ga_new(TypeObject* type, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("GenericAlias", kwnames) || !check_nargs("GenericAlias", nargs, 2, 2))
    return nullptr;
  Ref<Object> a = tuple_check(args[1]) ? Ref<Object>::borrow(args[1])
                                       : Ref<Object>(tuple_pack({args[1]}));
  if (!a) return nullptr;
  GenericAlias* g = alloc<GenericAlias>(type);
  if (!g) return nullptr;
  g->origin = Ref<Object>::borrow(args[0]);
  g->args = std::move(a);
  return Ref<Object>::steal(g);
}

// ---- GenericAlias: methods and attributes ----------------------------------------------------------

#define NOARGS(fname)                                                          \
  if (!check_no_kwargs(fname, kw) || !check_nargs(fname, nargs, 0, 0)) return nullptr;

Ref<Object> ga_mro_entries(Object* self, Object* const*, size_t nargs, Tuple* kw) {
  if (!check_no_kwargs("__mro_entries__", kw) || !check_nargs("__mro_entries__", nargs, 1, 1))
    return nullptr;
  return tuple_pack({as_ga(self)->origin.get()});
}

Ref<Object> ga_instancecheck(Object*, Object* const*, size_t, Tuple*) {
  return type_error("isinstance() argument 2 cannot be a parameterized generic");
}

Ref<Object> ga_subclasscheck(Object*, Object* const*, size_t, Tuple*) {
  return type_error("issubclass() argument 2 cannot be a parameterized generic");
}

Ref<Object> ga_reduce(Object* self, Object* const*, size_t nargs, Tuple* kw) {
  NOARGS("__reduce__")
  GenericAlias* g = as_ga(self);
  Ref<Tuple> inner = tuple_pack({g->origin.get(), g->args.get()});
  if (!inner) return nullptr;
  return tuple_pack({self->type, inner.get()});
}

// dir(): the origin's attributes plus the alias's own.
Ref<Object> ga_dir(Object* self, Object* const*, size_t nargs, Tuple* kw) {
  NOARGS("__dir__")
  // dir(origin): __dir__ looked up on type(origin), as dir() does.
  Ref<Object> meth = lookup_special(as_ga(self)->origin.get(), names::__dir__);
  if (!meth) return error_occurred() ? nullptr : type_error("object does not provide __dir__");
  Ref<Object> d = call(meth.get(), nullptr, 0);
  if (!d) return nullptr;
  Ref<Object> l = sequence_to_list(d.get());
  if (!l) return nullptr;
  for (const char* n : {"__origin__", "__args__", "__parameters__", "__mro_entries__",
                        "__reduce_ex__", "__reduce__", "__copy__", "__deepcopy__",
                        "__unpacked__", "__typing_unpacked_tuple_args__"}) {
    Str* s = intern(n);
    int has = contains(l.get(), s);
    if (has < 0) return nullptr;
    if (!has && !list_append(static_cast<List*>(l.get()), s)) return nullptr;
  }
  return l;
}

Ref<Object> ga_get_origin(Object* self) { return as_ga(self)->origin; }
Ref<Object> ga_get_args(Object* self) { return as_ga(self)->args; }
Ref<Object> ga_get_unpacked(Object* self) { return new_bool(as_ga(self)->starred); }
Ref<Object> ga_get_unpacked_tuple_args(Object* self) {
  GenericAlias* g = as_ga(self);
  if (g->starred && g->origin.get() == &TupleType) return g->args;
  return none();
}

const MethodDef ga_methods[] = {
    {"__mro_entries__", ga_mro_entries},
    {"__instancecheck__", ga_instancecheck},
    {"__subclasscheck__", ga_subclasscheck},
    {"__reduce__", ga_reduce},
    {"__dir__", ga_dir},
    {nullptr, nullptr},
};

const GetSetDef ga_getset[] = {
    {"__origin__", ga_get_origin},
    {"__args__", ga_get_args},
    {"__parameters__", ga_parameters_of, nullptr, "Type variables in the GenericAlias."},
    {"__unpacked__", ga_get_unpacked},
    {"__typing_unpacked_tuple_args__", ga_get_unpacked_tuple_args},
    {nullptr, nullptr},
};

// ---- UnionType ------------------------------------------------------------------------------

bool is_unionable(Object* o) {
  return o == None || type_check(o) || generic_alias_check(o) || union_check(o);
}

// Adds `o` (or, for a union, each of its members) to `out` unless the
// same member is already there: classes by identity, aliases by equality
// (two separately built `list[int]` are one member).
bool add_member(std::vector<Ref<Object>>* out, Object* o) {
  if (union_check(o)) {
    Tuple* t = as_tuple(as_union(o)->args.get());
    for (size_t i = 0; i < t->size; i++)
      if (!add_member(out, t->items[i])) return false;
    return true;
  }
  if (o == None) o = &NoneType;
  for (auto& m : *out) {
    bool same = m.get() == o;
    if (!same && generic_alias_check(o) && generic_alias_check(m.get())) {
      int eq = rich_compare_bool(m.get(), o, CompareOp::Eq);
      if (eq < 0) return false;
      same = eq;
    }
    if (same) return true;
  }
  out->push_back(Ref<Object>::borrow(o));
  return true;
}

// A union of `members`; a single member is returned as itself.
Ref<Object> make_union(const std::vector<Ref<Object>>& members) {
  if (members.size() == 1) return members[0];
  if (!ensure_ready(&UnionTypeType)) return nullptr;
  Ref<Tuple> args = tuple_new(members.size());
  if (!args) return nullptr;
  for (size_t i = 0; i < members.size(); i++) tuple_set(args.get(), i, members[i]);
  UnionObject* u = alloc<UnionObject>(&UnionTypeType);
  if (!u) return nullptr;
  u->args = std::move(args);
  return Ref<Object>::steal(u);
}

void union_dealloc(Object* self) { destroy_object(as_union(self)); }

void union_traverse(Object* self, VisitFn visit, void* arg) {
  UnionObject* u = as_union(self);
  if (u->args) visit(u->args.get(), arg);
  if (u->parameters) visit(u->parameters.get(), arg);
}

Ref<Object> union_repr(Object* self) {
  Tuple* args = as_tuple(as_union(self)->args.get());
  std::string out;
  for (size_t i = 0; i < args->size; i++) {
    if (i) out += " | ";
    if (!repr_arg(args->items[i], &out)) return nullptr;
  }
  return str_from(out);
}

int64_t union_hash(Object* self) {
  Ref<Object> fs = frozenset_new(as_union(self)->args.get());
  if (!fs) return -1;
  return hash(fs.get());
}

Ref<Object> union_richcompare(Object* a, Object* b, CompareOp op) {
  if (!union_check(b) || (op != CompareOp::Eq && op != CompareOp::Ne)) return not_implemented();
  Ref<Object> sa = set_new(as_union(a)->args.get());
  if (!sa) return nullptr;
  Ref<Object> sb = set_new(as_union(b)->args.get());
  if (!sb) return nullptr;
  return rich_compare(sa.get(), sb.get(), op);
}

Ref<Object> union_parameters_of(Object* self) {
  UnionObject* u = as_union(self);
  if (!u->parameters) {
    u->parameters = make_parameters(as_tuple(u->args.get()));
    if (!u->parameters) return nullptr;
  }
  return u->parameters;
}

// (int | T)[str] is int | str: substitute, then or the members together.
Ref<Object> union_getitem(Object* self, Object* item) {
  Ref<Object> params = union_parameters_of(self);
  if (!params) return nullptr;
  Ref<Object> newargs =
      subs_parameters(self, as_tuple(as_union(self)->args.get()), as_tuple(params.get()), item);
  if (!newargs) return nullptr;
  Tuple* t = as_tuple(newargs.get());
  if (t->size == 0) return make_union({});
  Ref<Object> acc = Ref<Object>::borrow(t->items[0]);
  for (size_t i = 1; i < t->size; i++) {
    acc = binary_op(acc.get(), t->items[i], BinaryOp::Or);
    if (!acc) return nullptr;
  }
  return acc;
}

Ref<Object> union_get_args(Object* self) { return as_union(self)->args; }

const GetSetDef union_getset[] = {
    {"__args__", union_get_args},
    {"__parameters__", union_parameters_of, nullptr, "Type variables in the types.UnionType."},
    {nullptr, nullptr},
};

constexpr int kOr = static_cast<int>(BinaryOp::Or);

}  // namespace

// ---- public API -------------------------------------------------------------------------------

Ref<Object> generic_alias_new(Object* origin, Object* args) {
  if (!ensure_ready(&GenericAliasType)) return nullptr;
  Object* a[2] = {origin, args};
  return ga_new(&GenericAliasType, a, 2, nullptr);
}

Ref<Object> generic_alias_class_getitem(Object* cls, Object* const* args, size_t nargs,
                                        Tuple* kwnames) {
  if (!check_no_kwargs("__class_getitem__", kwnames) ||
      !check_nargs("__class_getitem__", nargs, 1, 1))
    return nullptr;
  return generic_alias_new(cls, args[0]);
}

extern const MethodDef kClassGetItemDef = {"__class_getitem__", generic_alias_class_getitem,
                                           MethodKind::Class, "See PEP 585"};

Ref<Object> union_type_or(Object* a, Object* b) {
  if (!is_unionable(a) || !is_unionable(b)) return not_implemented();
  std::vector<Ref<Object>> members;
  if (!add_member(&members, a) || !add_member(&members, b)) return nullptr;
  return make_union(members);
}

Tuple* union_args(Object* u) { return as_tuple(as_union(u)->args.get()); }

void init_genericalias_types() {
  TypeObject& g = GenericAliasType;
  g.name = "types.GenericAlias";
  g.doc = "Represent a PEP 585 generic type\n\nE.g. for t = list[int], t.__origin__ is list "
          "and t.__args__ is (int,).";
  g.basic_size = sizeof(GenericAlias);
  g.flags = kBaseType | kHaveGC;
  g.dealloc = ga_dealloc;
  g.traverse = ga_traverse;
  g.clear = ga_clear;
  g.repr = ga_repr;
  g.hash = ga_hash;
  g.richcompare = ga_richcompare;
  g.getattr = ga_getattro;
  g.call = ga_call;
  g.mp_subscript = ga_getitem;
  g.new_ = ga_new;
  g.nb_binary[kOr] = union_type_or;
  g.methods = ga_methods;
  g.getset = ga_getset;

  TypeObject& u = UnionTypeType;
  u.name = "types.UnionType";
  u.doc = "Represent a PEP 604 union type\n\nE.g. for int | str";
  u.basic_size = sizeof(UnionObject);
  u.flags = kHaveGC;
  u.dealloc = union_dealloc;
  u.traverse = union_traverse;
  u.repr = union_repr;
  u.hash = union_hash;
  u.richcompare = union_richcompare;
  u.mp_subscript = union_getitem;
  u.nb_binary[kOr] = union_type_or;
  u.getset = union_getset;
}

}  // namespace coil::runtime
