// abstract.cpp — the generic object protocol (abstract.h).
//
// Every operation the VM performs on a value of unknown type comes here:
// it finds the slot on the operand's type, applies CPython's fallback rules
// and raises CPython's exact TypeError when nothing applies.  The rules
// worth knowing:
//   * binary operators try the left operand's slot, then the right's — but
//     the right's FIRST when its type is a proper subclass of the left's,
//     so a subclass can override how it combines with its base;
//   * comparisons reflect (a < b falls back to b > a), and == / != fall
//     back to identity instead of failing;
//   * truth is nb_bool, else len() != 0, else true;
//   * `in` falls back to iterating, and iteration falls back to calling
//     __getitem__ with 0, 1, 2 ... until IndexError (the old protocol).
// Calls, repr and comparisons also count C++ recursion depth against the
// recursion limit, so `a = []; a.append(a); a == a` style recursion raises
// RecursionError rather than overflowing the stack.
#include "runtime/abstract.h"

#include <cstdio>
#include <vector>

#include "runtime/descr.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/gc.h"
#include "runtime/genericalias.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/names.h"
#include "runtime/singletons.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/typeslots.h"
#include "vm/threadstate.h"

namespace coil::runtime {

namespace {

// Counts one level of C++ recursion; RecursionError past the limit.
class RecursionGuard {
 public:
  explicit RecursionGuard(const char* where) : ts_(vm::current_thread_state()) {
    if (++ts_->recursion_depth > ts_->recursion_limit) {
      ok_ = false;
      set_errorf(exc::RecursionError, "maximum recursion depth exceeded%s", where);
    }
  }
  ~RecursionGuard() { --ts_->recursion_depth; }
  bool ok() const { return ok_; }

 private:
  vm::ThreadState* ts_;
  bool ok_ = true;
};

// AttributeError with .name and .obj set, as 3.11 does (the traceback
// printer uses them for "Did you mean: ...?").
Ref<Object> attribute_error(Object* o, Str* name) {
  set_errorf(exc::AttributeError, "'%.50s' object has no attribute '%U'", o->type->name, name);
  Ref<Object> e = fetch_error();
  if (e && e->type == exc::AttributeError) {
    Dict* d = instance_dict(e.get());
    if (d) {
      dict_set(d, names::name, name);
      dict_set(d, intern("obj"), o);
    }
    clear_error();
  }
  restore_error(std::move(e));
  return nullptr;
}

// The core of object.__getattribute__.  With `suppress`, a plain miss
// returns null WITHOUT setting AttributeError (getattr_opt, hasattr).
Ref<Object> generic_getattr_impl(Object* o, Str* name, bool suppress) {
  TypeObject* tp = o->type;
  Object* descr = type_lookup(tp, name);
  Ref<Object> keep;
  DescrGetFn get = nullptr;
  if (descr) {
    keep = Ref<Object>::borrow(descr);
    get = descr->type->descr_get;
    if (get && descr->type->descr_set) return get(descr, o, tp);   // data descriptor wins
  }
  Object** dslot = instance_dict_slot(o);
  if (dslot && *dslot) {
    Object* v = dict_get_str(static_cast<Dict*>(*dslot), name);
    if (v) return Ref<Object>::borrow(v);
    if (error_occurred()) return nullptr;
  }
  if (get) return get(descr, o, tp);
  if (descr) return keep;
  if (suppress) return nullptr;
  return attribute_error(o, name);
}

bool check_str(const Object* s) {
  if (str_check(s)) return true;
  set_errorf(exc::TypeError, "attribute name must be string, not '%.200s'", s->type->name);
  return false;
}

}  // namespace

// ---- text ------------------------------------------------------------------------------

Ref<Object> repr(Object* o) {
  UnaryFn f = o->type->repr;
  if (!f) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "<%s object at %p>", o->type->name, static_cast<void*>(o));
    return str_from(buf);
  }
  RecursionGuard guard(" while getting the repr of an object");
  if (!guard.ok()) return nullptr;
  Ref<Object> r = f(o);
  if (r && !str_check(r.get()))
    return set_errorf(exc::TypeError, "__repr__ returned non-string (type %.200s)", r->type->name);
  return r;
}

Ref<Object> str(Object* o) {
  if (str_check_exact(o)) return Ref<Object>::borrow(o);
  UnaryFn f = o->type->str ? o->type->str : o->type->repr;
  if (!f) return repr(o);
  RecursionGuard guard(" while getting the str of an object");
  if (!guard.ok()) return nullptr;
  Ref<Object> r = f(o);
  if (r && !str_check(r.get()))
    return set_errorf(exc::TypeError, "__str__ returned non-string (type %.200s)", r->type->name);
  return r;
}

namespace {

// Decodes one UTF-8 code point starting at s[*i] (input is valid UTF-8).
uint32_t next_code_point(std::string_view s, size_t* i) {
  auto c = static_cast<unsigned char>(s[(*i)++]);
  if (c < 0x80) return c;
  int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
  uint32_t cp = c & (0x3F >> extra);
  for (int k = 0; k < extra && *i < s.size(); k++) cp = (cp << 6) | (static_cast<unsigned char>(s[(*i)++]) & 0x3F);
  return cp;
}

}  // namespace

Ref<Object> ascii(Object* o) {
  Ref<Object> r = repr(o);
  if (!r) return nullptr;
  Str* s = static_cast<Str*>(r.get());
  if (s->ascii) return r;
  std::string out;
  std::string_view v = s->view();
  char buf[16];
  for (size_t i = 0; i < v.size();) {
    uint32_t cp = next_code_point(v, &i);
    if (cp < 0x80) out.push_back(static_cast<char>(cp));
    else if (cp < 0x100) { std::snprintf(buf, sizeof buf, "\\x%02x", cp); out += buf; }
    else if (cp < 0x10000) { std::snprintf(buf, sizeof buf, "\\u%04x", cp); out += buf; }
    else { std::snprintf(buf, sizeof buf, "\\U%08x", cp); out += buf; }
  }
  return str_from(out);
}

Ref<Object> format(Object* o, Object* spec) {
  Ref<Str> empty;
  if (!spec) {
    empty = str_from("");
    if (!empty) return nullptr;
    spec = empty.get();
  }
  if (str_check_exact(o) && static_cast<Str*>(spec)->size == 0) return Ref<Object>::borrow(o);
  Object* f = type_lookup(o->type, names::__format__);
  if (!f) return set_errorf(exc::TypeError, "Type %.100s doesn't define __format__", o->type->name);
  Ref<Object> r = call_special(o, names::__format__, &spec, 1);
  if (r && !str_check(r.get()))
    return set_errorf(exc::TypeError, "__format__ must return a str, not %.200s", r->type->name);
  return r;
}

bool repr_utf8(Object* o, std::string* out) {
  Ref<Object> r = repr(o);
  if (!r) return false;
  *out = std::string(str_view(r.get()));
  return true;
}

bool str_utf8(Object* o, std::string* out) {
  Ref<Object> r = str(o);
  if (!r) return false;
  *out = std::string(str_view(r.get()));
  return true;
}

// ---- identity, hashing, truth, comparison ---------------------------------------------------

int64_t hash(Object* o) {
  if (str_check_exact(o)) return str_hash(static_cast<Str*>(o));
  HashFn f = o->type->hash;
  if (!f) return hash_not_implemented(o);
  return f(o);
}

int is_true(Object* o) {
  if (o == True) return 1;
  if (o == False || o == None) return 0;
  TypeObject* t = o->type;
  if (t->nb_bool) return t->nb_bool(o);
  if (t->sq_length) {
    int64_t n = t->sq_length(o);
    return n < 0 ? -1 : n > 0;
  }
  return 1;
}

namespace {

const char* op_symbol(CompareOp op) {
  static const char* const s[] = {"<", "<=", "==", "!=", ">", ">="};
  return s[static_cast<int>(op)];
}

}  // namespace

Ref<Object> rich_compare(Object* a, Object* b, CompareOp op) {
  RecursionGuard guard(" in comparison");
  if (!guard.ok()) return nullptr;
  TypeObject* ta = a->type;
  TypeObject* tb = b->type;
  bool checked_reverse = false;
  if (ta != tb && tb->richcompare && is_subtype(tb, ta)) {
    checked_reverse = true;
    Ref<Object> r = tb->richcompare(b, a, swapped(op));
    if (!r || r.get() != NotImplemented) return r;
  }
  if (ta->richcompare) {
    Ref<Object> r = ta->richcompare(a, b, op);
    if (!r || r.get() != NotImplemented) return r;
  }
  if (!checked_reverse && tb->richcompare) {
    Ref<Object> r = tb->richcompare(b, a, swapped(op));
    if (!r || r.get() != NotImplemented) return r;
  }
  switch (op) {
    case CompareOp::Eq: return new_bool(a == b);
    case CompareOp::Ne: return new_bool(a != b);
    default:
      return set_errorf(exc::TypeError, "'%s' not supported between instances of '%.100s' and '%.100s'",
                        op_symbol(op), ta->name, tb->name);
  }
}

int rich_compare_bool(Object* a, Object* b, CompareOp op) {
  if (a == b) {
    if (op == CompareOp::Eq) return 1;
    if (op == CompareOp::Ne) return 0;
  }
  Ref<Object> r = rich_compare(a, b, op);
  if (!r) return -1;
  if (r.get() == True) return 1;
  if (r.get() == False) return 0;
  return is_true(r.get());
}

// ---- attributes ------------------------------------------------------------------------------

Ref<Object> generic_getattr(Object* o, Str* name) { return generic_getattr_impl(o, name, false); }

int generic_setattr(Object* o, Str* name, Object* value) {
  TypeObject* tp = o->type;
  Object* descr = type_lookup(tp, name);
  if (descr && descr->type->descr_set) {
    Ref<Object> keep = Ref<Object>::borrow(descr);
    return descr->type->descr_set(descr, o, value);
  }
  Object** dslot = instance_dict_slot(o);
  if (!dslot) {
    if (descr) {
      set_errorf(exc::AttributeError, "'%.100s' object attribute '%U' is read-only", tp->name, name);
      return -1;
    }
    attribute_error(o, name);
    return -1;
  }
  if (value) {
    Dict* d = instance_dict(o);
    if (!d) return -1;
    return dict_set(d, name, value);
  }
  Dict* d = static_cast<Dict*>(*dslot);
  if (!d || !dict_get_str(d, name)) {
    if (error_occurred()) return -1;
    attribute_error(o, name);
    return -1;
  }
  gc::mark_dict_exposed(d);   // deleting an attribute: CPython 3.11 makes the dict object
  return dict_del(d, name);
}

Ref<Object> getattr(Object* o, Str* name) {
  if (!check_str(name)) return nullptr;
  GetAttrFn f = o->type->getattr;
  if (!f) return attribute_error(o, name);
  return f(o, name);
}

Ref<Object> getattr(Object* o, std::string_view name) { return getattr(o, intern(name)); }

Ref<Object> getattr_opt(Object* o, Str* name) {
  if (!check_str(name)) return nullptr;
  GetAttrFn f = o->type->getattr;
  Ref<Object> r;
  if (f == &generic_getattr) {
    // A plain miss sets nothing, but a descriptor (an unset __slots__
    // member, a property) may still raise AttributeError: that too means
    // "absent" to hasattr() and getattr(o, name, default).
    r = generic_getattr_impl(o, name, true);
  } else if (!f) {
    return nullptr;
  } else {
    r = f(o, name);
  }
  if (!r && error_matches(exc::AttributeError)) clear_error();
  return r;
}

int setattr(Object* o, Str* name, Object* value) {
  if (!check_str(name)) return -1;
  SetAttrFn f = o->type->setattr;
  if (!f) {
    if (type_lookup(o->type, name))
      set_errorf(exc::AttributeError, "'%.100s' object attribute '%U' is read-only", o->type->name, name);
    else
      attribute_error(o, name);
    return -1;
  }
  // Attribute names are interned so dict lookups compare pointers.
  if (!name->interned && str_check_exact(name)) {
    Ref<Str> interned = intern_str(Ref<Str>::borrow(name));
    if (!interned) return -1;
    return f(o, interned.get(), value);
  }
  return f(o, name, value);
}

int delattr(Object* o, Str* name) { return setattr(o, name, nullptr); }

int hasattr(Object* o, Str* name) {
  Ref<Object> r = getattr_opt(o, name);
  if (r) return 1;
  return error_occurred() ? -1 : 0;
}

// ---- calls -------------------------------------------------------------------------------------

Ref<Object> call(Object* callable, Object* const* args, size_t nargs, Tuple* kwnames) {
  CallFn f = callable->type->call;
  if (!f) return set_errorf(exc::TypeError, "'%.200s' object is not callable", callable->type->name);
  if (kwnames && kwnames->size == 0) kwnames = nullptr;
  RecursionGuard guard(" while calling a Python object");
  if (!guard.ok()) return nullptr;
  Ref<Object> r = f(callable, args, nargs, kwnames);
#ifndef NDEBUG
  // A null result must come with an exception, a real one without.
  if (!r && !error_occurred())
    set_errorf(exc::SystemError, "%R returned NULL without setting an exception", callable);
#endif
  return r;
}

Ref<Object> call0(Object* callable) { return call(callable, nullptr, 0); }
Ref<Object> call1(Object* callable, Object* arg) { return call(callable, &arg, 1); }
Ref<Object> call2(Object* callable, Object* a, Object* b) {
  Object* args[2] = {a, b};
  return call(callable, args, 2);
}

Ref<Object> call_tuple_dict(Object* callable, Tuple* args, Dict* kwargs) {
  size_t npos = args ? args->size : 0;
  if (!kwargs || dict_size(kwargs) == 0) return call(callable, npos ? args->items : nullptr, npos);
  std::vector<Object*> buf(args ? args->items : nullptr, args ? args->items + npos : nullptr);
  Ref<Tuple> names = tuple_new(dict_size(kwargs));
  if (!names) return nullptr;
  size_t pos = 0, i = 0;
  Object *k, *v;
  while (dict_next(kwargs, &pos, &k, &v)) {
    if (!str_check(k)) return type_error("keywords must be strings");
    tuple_set(names.get(), i++, Ref<Object>::borrow(k));
    buf.push_back(v);
  }
  // Keep the values alive even if a callee mutates the dict.
  std::vector<Ref<Object>> keep;
  keep.reserve(buf.size());
  for (Object* o : buf) keep.push_back(Ref<Object>::borrow(o));
  return call(callable, buf.data(), npos, names.get());
}

Ref<Object> call_method(Object* o, Str* name, Object* const* args, size_t nargs) {
  Ref<Object> m = getattr(o, name);
  if (!m) return nullptr;
  return call(m.get(), args, nargs);
}

bool is_callable(Object* o) { return o->type->call != nullptr; }

// ---- numbers -------------------------------------------------------------------------------------

const char* binary_op_symbol(BinaryOp op) {
  static const char* const s[] = {"+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^"};
  return s[static_cast<int>(op)];
}

namespace {

const char* inplace_symbol(BinaryOp op) {
  static const char* const s[] = {"+=", "&=", "//=", "<<=", "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^="};
  return s[static_cast<int>(op)];
}

// CPython's binary_op1: NotImplemented (a new ref) when neither side applies.
Ref<Object> binary_op1(Object* a, Object* b, int op) {
  BinaryFn slotv = a->type->nb_binary[op];
  BinaryFn slotw = b->type != a->type ? b->type->nb_binary[op] : nullptr;
  if (slotw == slotv) slotw = nullptr;
  if (slotv) {
    if (slotw && is_subtype(b->type, a->type)) {
      Ref<Object> x = slotw(a, b);
      if (!x || x.get() != NotImplemented) return x;
      slotw = nullptr;
    }
    Ref<Object> x = slotv(a, b);
    if (!x || x.get() != NotImplemented) return x;
  }
  if (slotw) return slotw(a, b);
  return not_implemented();
}

bool is_sequence_for_messages(const Object* o) {
  return type_has(o->type, kListSubclass | kTupleSubclass | kStrSubclass | kBytesSubclass) ||
         std::string_view(o->type->name) == "bytearray";
}

Ref<Object> binop_type_error(Object* a, Object* b, BinaryOp op, bool inplace) {
  // The sequence messages of sq_concat / sq_repeat.
  if (op == BinaryOp::Add && is_sequence_for_messages(a) && !type_has(b->type, 0)) {
    if (type_has(a->type, kBytesSubclass) || std::string_view(a->type->name) == "bytearray")
      return set_errorf(exc::TypeError, "can't concat %.100s to %.100s", b->type->name, a->type->name);
    return set_errorf(exc::TypeError, "can only concatenate %.100s (not \"%.100s\") to %.100s",
                      a->type->name, b->type->name, a->type->name);
  }
  if (op == BinaryOp::Mul) {
    if (is_sequence_for_messages(a) && !b->type->nb_index)
      return set_errorf(exc::TypeError, "can't multiply sequence by non-int of type '%.200s'", b->type->name);
    if (is_sequence_for_messages(b) && !a->type->nb_index)
      return set_errorf(exc::TypeError, "can't multiply sequence by non-int of type '%.200s'", a->type->name);
  }
  const char* sym = inplace ? inplace_symbol(op) : binary_op_symbol(op);
  if (op == BinaryOp::Power && !inplace) sym = "** or pow()";
  return set_errorf(exc::TypeError, "unsupported operand type(s) for %s: '%.100s' and '%.100s'", sym,
                    a->type->name, b->type->name);
}

}  // namespace

Ref<Object> binary_op(Object* a, Object* b, BinaryOp op) {
  Ref<Object> r = binary_op1(a, b, static_cast<int>(op));
  if (!r || r.get() != NotImplemented) return r;
  return binop_type_error(a, b, op, false);
}

Ref<Object> inplace_op(Object* a, Object* b, BinaryOp op) {
  BinaryFn slot = a->type->nb_inplace[static_cast<int>(op)];
  if (slot) {
    Ref<Object> r = slot(a, b);
    if (!r || r.get() != NotImplemented) return r;
  }
  Ref<Object> r = binary_op1(a, b, static_cast<int>(op));
  if (!r || r.get() != NotImplemented) return r;
  return binop_type_error(a, b, op, true);
}

Ref<Object> power3(Object* a, Object* b, Object* mod) {
  if (!mod || mod == None) return binary_op(a, b, BinaryOp::Power);
  TernaryFn fa = a->type->nb_power3;
  TernaryFn fb = b->type != a->type ? b->type->nb_power3 : nullptr;
  if (fb == fa) fb = nullptr;
  if (fa) {
    Ref<Object> r = fa(a, b, mod);
    if (!r || r.get() != NotImplemented) return r;
  }
  if (fb) {
    Ref<Object> r = fb(a, b, mod);
    if (!r || r.get() != NotImplemented) return r;
  }
  TernaryFn fc = mod->type->nb_power3;
  if (fc && fc != fa && fc != fb) {
    Ref<Object> r = fc(a, b, mod);
    if (!r || r.get() != NotImplemented) return r;
  }
  return set_errorf(exc::TypeError, "unsupported operand type(s) for ** or pow(): '%.100s', '%.100s', '%.100s'",
                    a->type->name, b->type->name, mod->type->name);
}

namespace {
Ref<Object> unary(Object* o, UnaryFn f, const char* what) {
  if (!f) return set_errorf(exc::TypeError, "bad operand type for %s: '%.200s'", what, o->type->name);
  return f(o);
}
}  // namespace

Ref<Object> negative(Object* o) { return unary(o, o->type->nb_negative, "unary -"); }
Ref<Object> positive(Object* o) { return unary(o, o->type->nb_positive, "unary +"); }
Ref<Object> absolute(Object* o) { return unary(o, o->type->nb_absolute, "abs()"); }
Ref<Object> invert(Object* o) { return unary(o, o->type->nb_invert, "unary ~"); }

Ref<Object> index(Object* o) {
  if (int_check(o)) return Ref<Object>::borrow(o);
  UnaryFn f = o->type->nb_index;
  if (!f) {
    return set_errorf(exc::TypeError, "'%.200s' object cannot be interpreted as an integer", o->type->name);
  }
  Ref<Object> r = f(o);
  if (r && !int_check(r.get()))
    return set_errorf(exc::TypeError, "__index__ returned non-int (type %.200s)", r->type->name);
  return r;
}

bool index_to_i64(Object* o, int64_t* out) {
  Ref<Object> i = index(o);
  if (!i) return false;
  if (!int_fits_i64(i.get(), out)) {
    set_errorf(exc::OverflowError, "cannot fit '%.200s' into an index-sized integer", o->type->name);
    return false;
  }
  return true;
}

// ---- containers ----------------------------------------------------------------------------------

int64_t length(Object* o) {
  LenFn f = o->type->sq_length;
  if (!f) {
    set_errorf(exc::TypeError, "object of type '%.200s' has no len()", o->type->name);
    return -1;
  }
  return f(o);
}

Ref<Object> getitem(Object* o, Object* key) {
  BinaryFn f = o->type->mp_subscript;
  if (f) return f(o, key);
  if (type_check(o)) {
    // PEP 560: list[int] calls __class_getitem__.
    // type[int] is special-cased, as in CPython (type has no
    // __class_getitem__ of its own: its subclasses must not inherit one).
    if (static_cast<TypeObject*>(o) == &TypeType) return generic_alias_new(o, key);
    Ref<Object> meth = getattr_opt(o, names::__class_getitem__);
    if (meth) return call1(meth.get(), key);
    if (error_occurred()) return nullptr;
    return set_errorf(exc::TypeError, "type '%.200s' is not subscriptable", static_cast<TypeObject*>(o)->name);
  }
  return set_errorf(exc::TypeError, "'%.200s' object is not subscriptable", o->type->name);
}

int setitem(Object* o, Object* key, Object* value) {
  SetItemFn f = o->type->mp_ass_subscript;
  if (!f) {
    set_errorf(exc::TypeError, "'%.200s' object does not support item assignment", o->type->name);
    return -1;
  }
  return f(o, key, value);
}

int delitem(Object* o, Object* key) {
  SetItemFn f = o->type->mp_ass_subscript;
  if (!f) {
    // CPython words it "doesn't" when the type has a sequence protocol and
    // the key is an index (PySequence_DelItem), "does not" otherwise.
    TypeObject* t = o->type;
    bool seq = (t->flags & kHeapType) || t->sq_length || t->sq_contains || t->mp_subscript;
    set_errorf(exc::TypeError, seq && key->type->nb_index
                                   ? "'%.200s' object doesn't support item deletion"
                                   : "'%.200s' object does not support item deletion",
               t->name);
    return -1;
  }
  return f(o, key, nullptr);
}

int contains(Object* container, Object* item) {
  ContainsFn f = container->type->sq_contains;
  if (f) return f(container, item);
  if (!container->type->iter && !container->type->mp_subscript) {
    set_errorf(exc::TypeError, "argument of type '%.200s' is not iterable", container->type->name);
    return -1;
  }
  Ref<Object> it = get_iter(container);
  if (!it) return -1;
  for (;;) {
    Ref<Object> x = iter_next(it.get());
    if (!x) return error_occurred() ? -1 : 0;
    int eq = rich_compare_bool(x.get(), item, CompareOp::Eq);
    if (eq != 0) return eq;
  }
}

// ---- iteration ----------------------------------------------------------------------------------

namespace {

// The iterator of the old sequence protocol: seq[0], seq[1], ... until
// IndexError (or StopIteration).  CPython calls its type "iterator".
struct SeqIter : Object {
  Ref<Object> seq;   // null once exhausted
  int64_t index = 0;
};

TypeObject g_seqiter_type;

void seqiter_dealloc(Object* self) { destroy_object(static_cast<SeqIter*>(self)); }

void seqiter_traverse(Object* self, VisitFn visit, void* arg) {
  auto* it = static_cast<SeqIter*>(self);
  if (it->seq) visit(it->seq.get(), arg);
}

Ref<Object> seqiter_iter(Object* self) { return Ref<Object>::borrow(self); }

Ref<Object> seqiter_next(Object* self) {
  auto* it = static_cast<SeqIter*>(self);
  if (!it->seq) return nullptr;
  Ref<Object> i = int_from_i64(it->index);
  if (!i) return nullptr;
  Ref<Object> r = getitem(it->seq.get(), i.get());
  if (r) {
    it->index++;
    return r;
  }
  if (error_matches(exc::IndexError) || error_matches(exc::StopIteration)) {
    clear_error();
    it->seq.reset();
  }
  return nullptr;
}

}  // namespace

void init_abstract_types() {
  g_seqiter_type.name = "iterator";
  g_seqiter_type.basic_size = sizeof(SeqIter);
  g_seqiter_type.flags = kHaveGC;
  g_seqiter_type.dealloc = seqiter_dealloc;
  g_seqiter_type.traverse = seqiter_traverse;
  g_seqiter_type.iter = seqiter_iter;
  g_seqiter_type.iternext = seqiter_next;
  g_seqiter_type.getattr = generic_getattr;
}

TypeObject* seq_iter_type() { return &g_seqiter_type; }

Ref<Object> get_iter(Object* o) {
  UnaryFn f = o->type->iter;
  if (f) {
    Ref<Object> it = f(o);
    if (it && !it->type->iternext) {
      return set_errorf(exc::TypeError, "iter() returned non-iterator of type '%.100s'", it->type->name);
    }
    return it;
  }
  if (o->type->mp_subscript && !dict_check(o)) {
    SeqIter* it = alloc<SeqIter>(&g_seqiter_type);
    if (!it) return nullptr;
    it->seq = Ref<Object>::borrow(o);
    return Ref<Object>::steal(it);
  }
  return set_errorf(exc::TypeError, "'%.200s' object is not iterable", o->type->name);
}

Ref<Object> iter_next(Object* it) {
  UnaryFn f = it->type->iternext;
  if (!f) return set_errorf(exc::TypeError, "'%.200s' object is not an iterator", it->type->name);
  Ref<Object> r = f(it);
  // A StopIteration left by the slot (carrying a generator's return value,
  // or raised by a Python __next__) means exhaustion here, as PyIter_Next.
  if (!r && error_matches(exc::StopIteration)) clear_error();
  return r;
}

Ref<Object> sequence_to_list(Object* iterable) {
  Ref<List> l = list_new();
  if (!l) return nullptr;
  if (!list_extend(l.get(), iterable)) return nullptr;
  return l;
}

Ref<Object> sequence_to_tuple(Object* iterable) {
  if (iterable->type == &TupleType) return Ref<Object>::borrow(iterable);
  Ref<Object> l = sequence_to_list(iterable);
  if (!l) return nullptr;
  List* list = static_cast<List*>(l.get());
  return tuple_from_array(list->items, list->size);
}

// ---- isinstance / issubclass --------------------------------------------------------------------

namespace {

// `cls.__bases__` for non-type "classes" (CPython's abstract_get_bases).
bool has_bases(Object* cls) {
  Ref<Object> b = getattr_opt(cls, names::__bases__);
  return b && tuple_check(b.get());
}

bool recursive_isinstance(Object* o, Object* cls, int* result) {
  if (type_check(cls)) {
    TypeObject* t = static_cast<TypeObject*>(cls);
    if (is_subtype(o->type, t)) {
      *result = 1;
      return true;
    }
    Ref<Object> c = getattr_opt(o, names::__class__);
    if (!c && error_occurred()) return false;
    *result = c && c.get() != o->type && type_check(c.get()) &&
              is_subtype(static_cast<TypeObject*>(c.get()), t);
    return true;
  }
  if (!has_bases(cls)) {
    if (error_occurred()) return false;
    type_error("isinstance() arg 2 must be a type, a tuple of types, or a union");
    return false;
  }
  Ref<Object> c = getattr_opt(o, names::__class__);
  if (!c) {
    *result = 0;
    return !error_occurred();
  }
  return issubclass(c.get(), cls, result);
}

bool recursive_issubclass(Object* derived, Object* cls, int* result) {
  if (type_check(cls) && type_check(derived)) {
    *result = is_subtype(static_cast<TypeObject*>(derived), static_cast<TypeObject*>(cls));
    return true;
  }
  if (!type_check(derived) && !has_bases(derived)) {
    if (!error_occurred()) type_error("issubclass() arg 1 must be a class");
    return false;
  }
  if (!type_check(cls) && !has_bases(cls)) {
    if (!error_occurred()) type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union");
    return false;
  }
  // Walk __bases__ of the non-type class.
  if (derived == cls) {
    *result = 1;
    return true;
  }
  Ref<Object> bases = getattr_opt(derived, names::__bases__);
  if (!bases) return !error_occurred() && (*result = 0, true);
  Tuple* t = static_cast<Tuple*>(bases.get());
  for (size_t i = 0; i < t->size; i++) {
    if (!recursive_issubclass(t->items[i], cls, result)) return false;
    if (*result) return true;
  }
  *result = 0;
  return true;
}

}  // namespace

bool isinstance(Object* o, Object* cls, int* result) {
  if (o->type == cls) {
    *result = 1;
    return true;
  }
  if (union_check(cls)) cls = union_args(cls);   // int | str checks like (int, str)
  if (cls->type == &TypeType) return recursive_isinstance(o, cls, result);
  if (tuple_check(cls)) {
    Tuple* t = static_cast<Tuple*>(cls);
    for (size_t i = 0; i < t->size; i++) {
      if (!isinstance(o, t->items[i], result)) return false;
      if (*result) return true;
    }
    *result = 0;
    return true;
  }
  Object* checker = type_lookup(cls->type, names::__instancecheck__);
  if (checker) {
    RecursionGuard guard(" in __instancecheck__");
    if (!guard.ok()) return false;
    Ref<Object> r = call_special(cls, names::__instancecheck__, &o, 1);
    if (!r) return false;
    int t = is_true(r.get());
    if (t < 0) return false;
    *result = t;
    return true;
  }
  if (error_occurred()) return false;
  return recursive_isinstance(o, cls, result);
}

bool issubclass(Object* derived, Object* cls, int* result) {
  if (type_check(cls) && cls->type == &TypeType && type_check(derived)) {
    *result = is_subtype(static_cast<TypeObject*>(derived), static_cast<TypeObject*>(cls));
    return true;
  }
  if (union_check(cls)) cls = union_args(cls);
  if (tuple_check(cls)) {
    Tuple* t = static_cast<Tuple*>(cls);
    for (size_t i = 0; i < t->size; i++) {
      if (!issubclass(derived, t->items[i], result)) return false;
      if (*result) return true;
    }
    *result = 0;
    return true;
  }
  Object* checker = type_lookup(cls->type, names::__subclasscheck__);
  if (checker) {
    RecursionGuard guard(" in __subclasscheck__");
    if (!guard.ok()) return false;
    Ref<Object> r = call_special(cls, names::__subclasscheck__, &derived, 1);
    if (!r) return false;
    int t = is_true(r.get());
    if (t < 0) return false;
    *result = t;
    return true;
  }
  if (error_occurred()) return false;
  return recursive_issubclass(derived, cls, result);
}

}  // namespace coil::runtime
