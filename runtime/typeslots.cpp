// typeslots.cpp — slot wrappers in both directions.
//
// The VM only ever calls slots (type->repr, type->nb_binary[Add] ...).
// Two kinds of code fill them:
//
//   * built-in types written in C++ set them directly.  add_slot_wrappers()
//     then exposes each one as a dunder in the type's dict — a
//     wrapper_descriptor, so `int.__add__(1, 2)` and `(1).__add__(2)` work
//     and Python subclasses can call `super().__init__()`;
//
//   * classes written in Python define dunders in their dict.
//     fixup_slots() points each slot at a small "slot function" (the
//     slot_* functions below) that looks the dunder up on the type and
//     calls it.  When the dunder found is just a wrapper_descriptor of a
//     built-in base (a subclass of list that does not override __len__),
//     the slot gets the base's C++ function directly, so subclassing a
//     built-in costs nothing on calls that are not overridden.
//
// This is CPython's slotdefs/update_one_slot machinery (typeobject.c),
// reduced to one table.
#include "runtime/typeslots.h"

#include <vector>

#include "runtime/abstract.h"
#include "runtime/descr.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/names.h"
#include "runtime/singletons.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace coil::runtime {

// ---- names -------------------------------------------------------------------

Str* compare_dunder(CompareOp op) {
  switch (op) {
    case CompareOp::Lt: return names::__lt__;
    case CompareOp::Le: return names::__le__;
    case CompareOp::Eq: return names::__eq__;
    case CompareOp::Ne: return names::__ne__;
    case CompareOp::Gt: return names::__gt__;
    case CompareOp::Ge: return names::__ge__;
  }
  return names::__eq__;
}

#define COIL_BINOP_NAMES(X)                                      \
  X(Add, add) X(And, and) X(FloorDiv, floordiv) X(LShift, lshift) \
  X(MatMul, matmul) X(Mul, mul) X(Remainder, mod) X(Or, or)       \
  X(Power, pow) X(RShift, rshift) X(Sub, sub) X(TrueDiv, truediv) X(Xor, xor)

Str* binary_dunder(BinaryOp op) {
  switch (op) {
#define X(e, n) case BinaryOp::e: return names::__##n##__;
    COIL_BINOP_NAMES(X)
#undef X
    default: return nullptr;
  }
}
Str* binary_rdunder(BinaryOp op) {
  switch (op) {
#define X(e, n) case BinaryOp::e: return names::__r##n##__;
    COIL_BINOP_NAMES(X)
#undef X
    default: return nullptr;
  }
}
Str* binary_idunder(BinaryOp op) {
  switch (op) {
#define X(e, n) case BinaryOp::e: return names::__i##n##__;
    COIL_BINOP_NAMES(X)
#undef X
    default: return nullptr;
  }
}

// ---- calling a special method ---------------------------------------------------

namespace {

// Calls `f` (found on type(self)) as a method of self.  Function-like
// descriptors are called with self prepended, skipping the bound method.
Ref<Object> call_found(Object* f, Object* self, Object* const* args, size_t nargs,
                       Tuple* kwnames) {
  if (type_has(f->type, kMethodDescriptor)) {
    size_t total = nargs + (kwnames ? kwnames->size : 0);
    Object* small[8];
    std::vector<Object*> big;
    Object** buf = small;
    if (total + 1 > 8) {
      big.resize(total + 1);
      buf = big.data();
    }
    buf[0] = self;
    for (size_t i = 0; i < total; i++) buf[i + 1] = args[i];
    return call(f, buf, nargs + 1, kwnames);
  }
  if (f->type->descr_get) {
    Ref<Object> bound = f->type->descr_get(f, self, self->type);
    if (!bound) return nullptr;
    return call(bound.get(), args, nargs, kwnames);
  }
  return call(f, args, nargs, kwnames);
}

// Like call_special, but an absent method gives NotImplemented.
Ref<Object> call_maybe(Object* self, Str* name, Object* const* args, size_t nargs) {
  Object* f = type_lookup(self->type, name);
  if (!f) return not_implemented();
  return call_found(f, self, args, nargs, nullptr);
}

}  // namespace

Ref<Object> call_special(Object* self, Str* name, Object* const* args, size_t nargs,
                         Tuple* kwnames) {
  Object* f = type_lookup(self->type, name);
  if (!f) return set_errorf(exc::AttributeError, "'%T' object has no attribute '%U'", self, name);
  Ref<Object> keep = Ref<Object>::borrow(f);   // the call may replace it in the dict
  return call_found(f, self, args, nargs, kwnames);
}

// ---- slot functions for classes defined in Python --------------------------------

namespace {

template <Str** N>
Ref<Object> slot_unary(Object* self) { return call_special(self, *N, nullptr, 0); }

template <Str** N>
Ref<Object> slot_binary_self(Object* self, Object* arg) { return call_special(self, *N, &arg, 1); }

Ref<Object> slot_iter(Object* self) {
  Object* f = type_lookup(self->type, names::__iter__);
  if (f == None) return set_errorf(exc::TypeError, "'%T' object is not iterable", self);
  return call_special(self, names::__iter__, nullptr, 0);
}

// iternext: exhaustion is a null result, possibly with StopIteration set
// (type.h); the StopIteration is kept so that next() can re-raise it with
// its value.
Ref<Object> slot_iternext(Object* self) {
  return call_special(self, names::__next__, nullptr, 0);
}

int64_t slot_hash(Object* self) {
  Ref<Object> r = call_special(self, names::__hash__, nullptr, 0);
  if (!r) return -1;
  if (!int_check(r.get())) {
    type_error("__hash__ method should return an integer");
    return -1;
  }
  int64_t v;
  if (int_fits_i64(r.get(), &v)) return v == -1 ? -2 : v;
  return hash(r.get());   // big ints reduce as int.__hash__ does
}

int slot_bool(Object* self) {
  Ref<Object> r = call_special(self, names::__bool__, nullptr, 0);
  if (!r) return -1;
  if (r.get() == True) return 1;
  if (r.get() == False) return 0;
  set_errorf(exc::TypeError, "__bool__ should return bool, returned %T", r.get());
  return -1;
}

int64_t slot_len(Object* self) {
  Ref<Object> r = call_special(self, names::__len__, nullptr, 0);
  if (!r) return -1;
  Ref<Object> i = index(r.get());
  if (!i) return -1;
  int64_t v;
  if (!int_fits_i64(i.get(), &v)) {
    set_error(int_sign(i.get()) < 0 ? exc::ValueError : exc::OverflowError,
              int_sign(i.get()) < 0 ? "__len__() should return >= 0"
                                    : "cannot fit 'int' into an index-sized integer");
    return -1;
  }
  if (v < 0) {
    value_error("__len__() should return >= 0");
    return -1;
  }
  return v;
}

Ref<Object> slot_richcompare(Object* self, Object* other, CompareOp op) {
  return call_maybe(self, compare_dunder(op), &other, 1);
}

// __getattribute__ and __getattr__ share tp_getattro: the hook tries the
// first and falls back to the second on AttributeError.
Ref<Object> slot_getattr_hook(Object* self, Str* name) {
  TypeObject* tp = self->type;
  Object* getattribute = type_lookup(tp, names::__getattribute__);
  Object* getattr_fn = type_lookup(tp, names::__getattr__);
  Ref<Object> keep_ga = Ref<Object>::borrow(getattr_fn);
  Ref<Object> res;
  bool generic = !getattribute ||
                 (getattribute->type == &WrapperDescrType &&
                  static_cast<WrapperDescr*>(getattribute)->wrapped ==
                      reinterpret_cast<void*>(&generic_getattr));
  if (generic) {
    res = generic_getattr(self, name);
  } else {
    Object* arg = name;
    res = call_found(getattribute, self, &arg, 1, nullptr);
  }
  if (!res && getattr_fn && error_matches(exc::AttributeError)) {
    clear_error();
    Object* arg = name;
    res = call_found(getattr_fn, self, &arg, 1, nullptr);
  }
  return res;
}

int slot_setattr(Object* self, Str* name, Object* value) {
  Object* args[2] = {name, value};
  Ref<Object> r = value ? call_special(self, names::__setattr__, args, 2)
                        : call_special(self, names::__delattr__, args, 1);
  return r ? 0 : -1;
}

int slot_setitem(Object* self, Object* key, Object* value) {
  Object* args[2] = {key, value};
  Ref<Object> r = value ? call_special(self, names::__setitem__, args, 2)
                        : call_special(self, names::__delitem__, args, 1);
  return r ? 0 : -1;
}

int slot_contains(Object* self, Object* item) {
  Object* f = type_lookup(self->type, names::__contains__);
  if (f == None) {
    set_errorf(exc::TypeError, "'%T' object is not a container", self);
    return -1;
  }
  Ref<Object> r = call_special(self, names::__contains__, &item, 1);
  if (!r) return -1;
  return is_true(r.get());
}

Ref<Object> slot_call(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  return call_special(self, names::__call__, args, nargs, kwnames);
}

int slot_init(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  Ref<Object> r = call_special(self, names::__init__, args, nargs, kwnames);
  if (!r) return -1;
  if (r.get() != None) {
    set_errorf(exc::TypeError, "__init__() should return None, not '%T'", r.get());
    return -1;
  }
  return 0;
}

Ref<Object> slot_descr_get(Object* self, Object* obj, Object* owner) {
  Object* args[2] = {obj ? obj : None, owner ? owner : None};
  return call_special(self, names::__get__, args, 2);
}

int slot_descr_set(Object* self, Object* obj, Object* value) {
  Object* args[2] = {obj, value};
  Ref<Object> r = value ? call_special(self, names::__set__, args, 2)
                        : call_special(self, names::__delete__, args, 1);
  return r ? 0 : -1;
}

// __del__ runs with any pending exception saved, and its own errors are
// reported as "Exception ignored in: ..." (PEP 442's tp_finalize).
void slot_finalize(Object* self) {
  Ref<Object> saved = fetch_error();
  Object* f = type_lookup(self->type, names::__del__);
  if (f) {
    Ref<Object> keep = Ref<Object>::borrow(f);
    Ref<Object> r = call_found(f, self, nullptr, 0, nullptr);
    if (!r) write_unraisable(f);
  }
  restore_error(std::move(saved));
}

// Binary operators (CPython's SLOT1BINFULL).  Both operands may be ours;
// the right operand's reflected method goes first when its type is a
// proper subclass that overrides it.
template <int Op>
Ref<Object> slot_nb(Object* left, Object* right) {
  constexpr BinaryOp op = static_cast<BinaryOp>(Op);
  BinaryFn me = &slot_nb<Op>;
  Str* lname = binary_dunder(op);
  Str* rname = binary_rdunder(op);
  bool do_other = left->type != right->type && right->type->nb_binary[Op] == me;
  if (left->type->nb_binary[Op] == me) {
    if (do_other && is_subtype(right->type, left->type) &&
        type_lookup(right->type, rname) != type_lookup(left->type, rname)) {
      Ref<Object> r = call_maybe(right, rname, &left, 1);
      if (!r || r.get() != NotImplemented) return r;
      do_other = false;
    }
    Ref<Object> r = call_maybe(left, lname, &right, 1);
    if (!r || r.get() != NotImplemented || left->type == right->type) return r;
  }
  if (do_other) return call_maybe(right, rname, &left, 1);
  return not_implemented();
}

template <int Op>
Ref<Object> slot_inplace(Object* self, Object* other) {
  return call_maybe(self, binary_idunder(static_cast<BinaryOp>(Op)), &other, 1);
}

Ref<Object> slot_power3(Object* a, Object* b, Object* mod) {
  if (a->type->nb_power3 != &slot_power3) return not_implemented();
  Object* args[2] = {b, mod};
  return call_maybe(a, names::__pow__, args, 2);
}

// ---- wrappers: calling a built-in slot as a dunder method ---------------------------

bool check_args(const SlotDef* d, size_t nargs, Tuple* kwnames, size_t want) {
  if (kwnames && kwnames->size) {
    set_errorf(exc::TypeError, "wrapper %U() takes no keyword arguments", *d->name);
    return false;
  }
  if (nargs != want) {
    set_errorf(exc::TypeError, "expected %zu argument%s, got %zu", want, want == 1 ? "" : "s",
               nargs);
    return false;
  }
  return true;
}

#define WRAPPER(fn) \
  Ref<Object> fn(const SlotDef* d, void* w, Object* self, Object* const* args, size_t nargs, Tuple* kw)

WRAPPER(wrap_unary) {
  if (!check_args(d, nargs, kw, 0)) return nullptr;
  return reinterpret_cast<UnaryFn>(w)(self);
}
WRAPPER(wrap_binary_l) {
  if (!check_args(d, nargs, kw, 1)) return nullptr;
  return reinterpret_cast<BinaryFn>(w)(self, args[0]);
}
WRAPPER(wrap_binary_r) {
  if (!check_args(d, nargs, kw, 1)) return nullptr;
  return reinterpret_cast<BinaryFn>(w)(args[0], self);
}
// __pow__(value, mod=None): the 3-argument form goes to nb_power3.
WRAPPER(wrap_pow) {
  if (nargs == 2 && !(kw && kw->size) && args[1] != None) {
    if (!self->type->nb_power3) return not_implemented();
    return self->type->nb_power3(self, args[0], args[1]);
  }
  if (nargs == 2 && !(kw && kw->size)) nargs = 1;
  if (!check_args(d, nargs, kw, 1)) return nullptr;
  return reinterpret_cast<BinaryFn>(w)(self, args[0]);
}
WRAPPER(wrap_richcmp) {
  if (!check_args(d, nargs, kw, 1)) return nullptr;
  return reinterpret_cast<RichCompareFn>(w)(self, args[0], static_cast<CompareOp>(d->extra));
}
WRAPPER(wrap_inquiry) {
  if (!check_args(d, nargs, kw, 0)) return nullptr;
  int r = reinterpret_cast<InquiryFn>(w)(self);
  if (r < 0) return nullptr;
  return new_bool(r);
}
WRAPPER(wrap_len) {
  if (!check_args(d, nargs, kw, 0)) return nullptr;
  int64_t r = reinterpret_cast<LenFn>(w)(self);
  if (r < 0) return nullptr;
  return int_from_i64(r);
}
WRAPPER(wrap_hash) {
  if (!check_args(d, nargs, kw, 0)) return nullptr;
  int64_t r = reinterpret_cast<HashFn>(w)(self);
  if (r == -1 && error_occurred()) return nullptr;
  return int_from_i64(r);
}
WRAPPER(wrap_next) {
  if (!check_args(d, nargs, kw, 0)) return nullptr;
  Ref<Object> r = reinterpret_cast<UnaryFn>(w)(self);
  if (!r && !error_occurred()) set_error_object(exc::StopIteration);
  return r;
}
WRAPPER(wrap_call) { return reinterpret_cast<CallFn>(w)(self, args, nargs, kw); }
WRAPPER(wrap_init) {
  if (reinterpret_cast<InitFn>(w)(self, args, nargs, kw) < 0) return nullptr;
  return none();
}
bool name_arg(Object* o, Str** out) {
  if (!str_check(o)) {
    set_errorf(exc::TypeError, "attribute name must be string, not '%T'", o);
    return false;
  }
  *out = static_cast<Str*>(o);
  return true;
}
WRAPPER(wrap_getattr) {
  Str* name;
  if (!check_args(d, nargs, kw, 1) || !name_arg(args[0], &name)) return nullptr;
  return reinterpret_cast<GetAttrFn>(w)(self, name);
}
WRAPPER(wrap_setattr) {
  Str* name;
  if (!check_args(d, nargs, kw, 2) || !name_arg(args[0], &name)) return nullptr;
  if (reinterpret_cast<SetAttrFn>(w)(self, name, args[1]) < 0) return nullptr;
  return none();
}
WRAPPER(wrap_delattr) {
  Str* name;
  if (!check_args(d, nargs, kw, 1) || !name_arg(args[0], &name)) return nullptr;
  if (reinterpret_cast<SetAttrFn>(w)(self, name, nullptr) < 0) return nullptr;
  return none();
}
WRAPPER(wrap_setitem) {
  if (!check_args(d, nargs, kw, 2)) return nullptr;
  if (reinterpret_cast<SetItemFn>(w)(self, args[0], args[1]) < 0) return nullptr;
  return none();
}
WRAPPER(wrap_delitem) {
  if (!check_args(d, nargs, kw, 1)) return nullptr;
  if (reinterpret_cast<SetItemFn>(w)(self, args[0], nullptr) < 0) return nullptr;
  return none();
}
WRAPPER(wrap_contains) {
  if (!check_args(d, nargs, kw, 1)) return nullptr;
  int r = reinterpret_cast<ContainsFn>(w)(self, args[0]);
  if (r < 0) return nullptr;
  return new_bool(r);
}
WRAPPER(wrap_descr_get) {
  if (kw && kw->size) return check_args(d, nargs, kw, 1), nullptr;
  if (nargs < 1 || nargs > 2) {
    return set_errorf(exc::TypeError, "expected 1 or 2 arguments, got %zu", nargs);
  }
  Object* obj = args[0] == None ? nullptr : args[0];
  Object* owner = nargs == 2 && args[1] != None ? args[1] : nullptr;
  if (!obj && !owner) return type_error("__get__(None, None) is invalid");
  return reinterpret_cast<DescrGetFn>(w)(self, obj, owner);
}
WRAPPER(wrap_descr_set) {
  if (!check_args(d, nargs, kw, 2)) return nullptr;
  if (reinterpret_cast<DescrSetFn>(w)(self, args[0], args[1]) < 0) return nullptr;
  return none();
}
WRAPPER(wrap_descr_delete) {
  if (!check_args(d, nargs, kw, 1)) return nullptr;
  if (reinterpret_cast<DescrSetFn>(w)(self, args[0], nullptr) < 0) return nullptr;
  return none();
}
WRAPPER(wrap_del) {
  if (!check_args(d, nargs, kw, 0)) return nullptr;
  reinterpret_cast<ClearFn>(w)(self);
  return none();
}

#undef WRAPPER

// ---- the table -------------------------------------------------------------------------

#define SLOT(field) [](TypeObject* t) -> void** { return reinterpret_cast<void**>(&t->field); }
#define FN(f) reinterpret_cast<void*>(f)
#define UN(n) FN(&slot_unary<&names::n>)

}  // namespace

#define BINARY_DEFS(e, n)                                                                     \
  {&names::__##n##__, SLOT(nb_binary[int(BinaryOp::e)]), FN(&slot_nb<int(BinaryOp::e)>),     \
   BinaryOp::e == BinaryOp::Power ? wrap_pow : wrap_binary_l, "Return self" #n "value.",   \
   int(BinaryOp::e)},                                                                         \
  {&names::__r##n##__, SLOT(nb_binary[int(BinaryOp::e)]), FN(&slot_nb<int(BinaryOp::e)>),    \
   wrap_binary_r, "Return value" #n "self.", int(BinaryOp::e)},
#define INPLACE_DEFS(e, n)                                                                    \
  {&names::__i##n##__, SLOT(nb_inplace[int(BinaryOp::e)]),                                   \
   FN(&slot_inplace<int(BinaryOp::e)>), wrap_binary_l, "Return self" #n "=value.",            \
   int(BinaryOp::e)},
#define CMP_DEF(n, op) \
  {&names::n, SLOT(richcompare), FN(&slot_richcompare), wrap_richcmp, nullptr, int(CompareOp::op)},

const SlotDef slotdefs[] = {
    {&names::__getattribute__, SLOT(getattr), FN(&slot_getattr_hook), wrap_getattr,
     "Return getattr(self, name)."},
    {&names::__getattr__, SLOT(getattr), FN(&slot_getattr_hook), nullptr, nullptr},
    {&names::__setattr__, SLOT(setattr), FN(&slot_setattr), wrap_setattr,
     "Implement setattr(self, name, value)."},
    {&names::__delattr__, SLOT(setattr), FN(&slot_setattr), wrap_delattr,
     "Implement delattr(self, name)."},
    {&names::__repr__, SLOT(repr), UN(__repr__), wrap_unary, "Return repr(self)."},
    {&names::__hash__, SLOT(hash), FN(&slot_hash), wrap_hash, "Return hash(self)."},
    {&names::__call__, SLOT(call), FN(&slot_call), wrap_call, "Call self as a function."},
    {&names::__str__, SLOT(str), UN(__str__), wrap_unary, "Return str(self)."},
    CMP_DEF(__lt__, Lt) CMP_DEF(__le__, Le) CMP_DEF(__eq__, Eq)
    CMP_DEF(__ne__, Ne) CMP_DEF(__gt__, Gt) CMP_DEF(__ge__, Ge)
    {&names::__iter__, SLOT(iter), FN(&slot_iter), wrap_unary, "Implement iter(self)."},
    {&names::__next__, SLOT(iternext), FN(&slot_iternext), wrap_next, "Implement next(self)."},
    {&names::__get__, SLOT(descr_get), FN(&slot_descr_get), wrap_descr_get,
     "Return an attribute of instance, which is of type owner."},
    {&names::__set__, SLOT(descr_set), FN(&slot_descr_set), wrap_descr_set,
     "Set an attribute of instance to value."},
    {&names::__delete__, SLOT(descr_set), FN(&slot_descr_set), wrap_descr_delete,
     "Delete an attribute of instance."},
    {&names::__init__, SLOT(init), FN(&slot_init), wrap_init,
     "Initialize self.  See help(type(self)) for accurate signature."},
    {&names::__del__, SLOT(finalize), FN(&slot_finalize), wrap_del,
     "Called when the instance is about to be destroyed."},
    {&names::__await__, SLOT(am_await), UN(__await__), wrap_unary,
     "Return an iterator to be used in await expression."},
    {&names::__aiter__, SLOT(am_aiter), UN(__aiter__), wrap_unary,
     "Return an awaitable, that resolves in asynchronous iterator."},
    {&names::__anext__, SLOT(am_anext), UN(__anext__), wrap_unary,
     "Return a value or raise StopAsyncIteration."},
    COIL_BINOP_NAMES(BINARY_DEFS)
    {&names::__neg__, SLOT(nb_negative), UN(__neg__), wrap_unary, "-self"},
    {&names::__pos__, SLOT(nb_positive), UN(__pos__), wrap_unary, "+self"},
    {&names::__abs__, SLOT(nb_absolute), UN(__abs__), wrap_unary, "abs(self)"},
    {&names::__bool__, SLOT(nb_bool), FN(&slot_bool), wrap_inquiry, "True if self else False"},
    {&names::__invert__, SLOT(nb_invert), UN(__invert__), wrap_unary, "~self"},
    {&names::__int__, SLOT(nb_int), UN(__int__), wrap_unary, "int(self)"},
    {&names::__float__, SLOT(nb_float), UN(__float__), wrap_unary, "float(self)"},
    {&names::__index__, SLOT(nb_index), UN(__index__), wrap_unary,
     "Return self converted to an integer, if self is suitable for use as an index into a list."},
    COIL_BINOP_NAMES(INPLACE_DEFS)
    {&names::__len__, SLOT(sq_length), FN(&slot_len), wrap_len, "Return len(self)."},
    {&names::__getitem__, SLOT(mp_subscript), FN(&slot_binary_self<&names::__getitem__>),
     wrap_binary_l, "Return self[key]."},
    {&names::__setitem__, SLOT(mp_ass_subscript), FN(&slot_setitem), wrap_setitem,
     "Set self[key] to value."},
    {&names::__delitem__, SLOT(mp_ass_subscript), FN(&slot_setitem), wrap_delitem,
     "Delete self[key]."},
    {&names::__contains__, SLOT(sq_contains), FN(&slot_contains), wrap_contains,
     "Return key in self."},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};

// ---- built-in types: slots -> wrappers in the dict -----------------------------------

bool add_slot_wrappers(TypeObject* type, Dict* dict) {
  for (const SlotDef* d = slotdefs; d->name; d++) {
    if (!d->wrapper) continue;
    void* fn = *d->slot(type);
    if (!fn) continue;
    // Sequences concatenate but do not reflect: list has __add__, no __radd__.
    if (*d->name == names::__radd__ && type->sq_length) continue;
    if (dict_get_str(dict, *d->name)) continue;
    if (*d->name == names::__hash__ && fn == reinterpret_cast<void*>(&hash_not_implemented)) {
      if (dict_set(dict, names::__hash__, None) < 0) return false;
      continue;
    }
    Ref<Object> w = new_wrapper_descr(type, d, fn);
    if (!w || dict_set(dict, *d->name, w.get()) < 0) return false;
    // __pow__ wrappers also serve pow(a, b, mod) through nb_power3.
  }
  return true;
}

// ---- classes defined in Python: dunders in the dict -> slots ---------------------------

namespace {

// Decides one slot from every name that maps to it (CPython's
// update_one_slot): a wrapper of the same slot from a base means "use the
// base's C++ function"; anything else defined in Python means "use the
// slot function"; nothing found means "empty".
void fix_one_slot(TypeObject* type, const SlotDef* first) {
  void** ptr = first->slot(type);
  void* specific = nullptr;
  bool generic = false, found = false;
  for (const SlotDef* d = first; d->name; d++) {
    if (d->slot(type) != ptr) continue;
    Object* f = type_lookup(type, *d->name);
    if (!f) continue;
    found = true;
    if (f->type == &WrapperDescrType) {
      auto* w = static_cast<WrapperDescr*>(f);
      TypeObject* owner = static_cast<TypeObject*>(w->owner.get());
      if (w->slot->slot(type) == ptr && is_subtype(type, owner)) {
        if (specific && specific != w->wrapped) generic = true;
        specific = w->wrapped;
        continue;
      }
      generic = true;
    } else if (*d->name == names::__hash__ && f == None) {
      specific = reinterpret_cast<void*>(&hash_not_implemented);
    } else {
      generic = true;
    }
  }
  if (!found) *ptr = nullptr;
  else if (generic) *ptr = first->heap_fn;
  else *ptr = specific;
}

Ref<Object> slot_new(TypeObject* type, Object* const* args, size_t nargs, Tuple* kwnames) {
  Object* f = type_lookup(type, names::__new__);
  if (!f) return set_errorf(exc::TypeError, "cannot create '%s' instances", type->name);
  Ref<Object> func = f->type->descr_get ? f->type->descr_get(f, nullptr, type)
                                        : Ref<Object>::borrow(f);
  if (!func) return nullptr;
  size_t total = nargs + (kwnames ? kwnames->size : 0);
  std::vector<Object*> buf(total + 1);
  buf[0] = type;
  for (size_t i = 0; i < total; i++) buf[i + 1] = args[i];
  return call(func.get(), buf.data(), nargs + 1, kwnames);
}

}  // namespace

// Defined in type.cpp: `T.__new__` of a built-in type T is a builtin
// function bound to T; its def identifies it.
extern const MethodDef tp_new_def;

void fixup_slots(TypeObject* type) {
  std::vector<void**> done;
  for (const SlotDef* d = slotdefs; d->name; d++) {
    void** ptr = d->slot(type);
    bool seen = false;
    for (void** p : done) seen = seen || p == ptr;
    if (seen) continue;
    done.push_back(ptr);
    fix_one_slot(type, d);
  }
  // __new__: a base's built-in __new__ keeps its C++ function.
  Object* nw = type_lookup(type, names::__new__);
  if (nw && nw->type == &BuiltinFunctionType &&
      static_cast<BuiltinFunction*>(nw)->def == &tp_new_def) {
    type->new_ = static_cast<TypeObject*>(static_cast<BuiltinFunction*>(nw)->self.get())->new_;
  } else if (nw) {
    type->new_ = &slot_new;
  }
  constexpr int kPow = int(BinaryOp::Power);
  if (type->nb_binary[kPow] == &slot_nb<kPow>) type->nb_power3 = &slot_power3;
  // A class defining __eq__ but neither hash nor __hash__ is unhashable.
  if (!type->hash) type->hash = &hash_not_implemented;
}

}  // namespace coil::runtime
