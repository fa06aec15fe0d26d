// bootstrap.cpp — the order in which the runtime comes to life.
//
// The chicken-and-egg problem: readying a type (type_ready) builds its
// __dict__ — a dict with interned str keys holding descriptor objects —
// so dicts, strs, tuples and the descriptor types must be *usable* before
// any type is ready.  They are usable earlier than they are ready: an
// object only needs its type's address and the slots it calls, and the
// init_*_type() functions fill slots without allocating.  So we go:
//   1. a ThreadState (errors need somewhere to live);
//   2. fill the slots of every type (no allocation, any order), except
//      str, whose init readies its iterator type and so needs step 3;
//   3. intern the dunder names (needs only str allocation and the intern
//      table), then fill str;
//   4. type_ready everything: object and type first, then the rest (a
//      type readies its bases itself, so the order is only for clarity);
//   5. the exception classes, which are created rather than filled.
#include "runtime/bootstrap.h"

#include <cstdio>

#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/descr.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/iterobject.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/names.h"
#include "runtime/range.h"
#include "runtime/set.h"
#include "runtime/singletons.h"
#include "runtime/slice.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"
#include "vm/threadstate.h"

namespace coil::runtime {

namespace {

bool g_initialised = false;

bool ready_all(std::initializer_list<TypeObject*> types) {
  for (TypeObject* t : types) {
    if (!type_ready(t)) {
      std::fprintf(stderr, "coil: fatal: cannot initialise type '%s'\n", t->name ? t->name : "?");
      return false;
    }
  }
  return true;
}

}  // namespace

bool runtime_init() {
  if (g_initialised) return true;
  if (!vm::current_thread_state()) {
    // The main thread's state lives for the whole process.
    auto* ts = new vm::ThreadState();
    vm::set_current_thread_state(ts);
  }

  // 2. Slots only.
  init_object_and_type_types();
  init_descr_types();
  init_singleton_types();
  init_module_type();
  init_abstract_types();

  // 3. Names, then str (which readies its iterator: object gets ready then).
  init_names();
  init_str_type();
  init_int_type();
  init_bool_type();
  init_float_type();
  init_tuple_type();
  init_list_type();
  init_dict_type();
  init_set_type();
  init_range_type();
  init_slice_type();
  init_iterobject_types();
  init_bytes_type();
  init_bytearray_type();

  // 4. Ready.
  if (!ready_all({&ObjectType, &TypeType, &StrType, &IntType, &BoolType, &FloatType,
                  &NoneType, &NotImplementedType, &EllipsisType, &ModuleType, seq_iter_type(),
                  &MethodDescrType, &ClassMethodDescrType, &BuiltinFunctionType, &GetSetDescrType,
                  &MemberDescrType, &WrapperDescrType, &MethodWrapperType, &PropertyType,
                  &ClassMethodType, &StaticMethodType, &SuperType, &MappingProxyType,
                  &BytesType, &ByteArrayType}))
    return false;
  if (!ready_container_types()) {
    std::fprintf(stderr, "coil: fatal: cannot initialise the container types\n");
    return false;
  }

  // 5. Exceptions (BaseException ... ExceptionGroup).
  init_exception_types();
  reserve_memory_error();
  g_initialised = true;
  return true;
}

}  // namespace coil::runtime
