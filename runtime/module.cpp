// module.cpp — the module type.
//
// Attribute access on a module is the generic one (its dict is the
// instance __dict__), plus PEP 562: a module-level __getattr__ function is
// consulted before raising "module 'm' has no attribute 'x'".
#include "runtime/module.h"

#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/descr.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/names.h"
#include "runtime/singletons.h"
#include "runtime/str.h"

namespace coil::runtime {

TypeObject ModuleType;

namespace {

inline Module* as_module(Object* o) { return static_cast<Module*>(o); }

void module_dealloc(Object* self) {
  Module* m = as_module(self);
  Dict* d = m->dict;
  m->dict = nullptr;
  if (d) decref(d);
  destroy_object(m);
}

void module_traverse(Object* self, VisitFn visit, void* arg) {
  if (as_module(self)->dict) visit(as_module(self)->dict, arg);
}

void module_clear(Object* self) {
  Module* m = as_module(self);
  Dict* d = m->dict;
  m->dict = nullptr;
  if (d) decref(d);
}

bool fill_dict(Dict* d, Object* name, Object* doc) {
  return dict_set(d, names::__name__, name) == 0 && dict_set(d, names::__doc__, doc) == 0 &&
         dict_set(d, names::__package__, None) == 0 && dict_set(d, names::__loader__, None) == 0 &&
         dict_set(d, names::__spec__, None) == 0;
}

Ref<Object> module_tp_new(TypeObject* type, Object* const*, size_t, Tuple*) {
  Module* m = alloc<Module>(type);
  if (!m) return nullptr;
  Ref<Object> r = Ref<Object>::steal(m);
  Ref<Dict> d = dict_new();
  if (!d) return nullptr;
  m->dict = d.release();
  return r;
}

int module_init(Object* self, Object* const* args, size_t nargs, Tuple* kw) {
  static const ArgSpec spec{"module", {"name", "doc"}, 1};
  Object* a[2];
  if (!bind_args(spec, args, nargs, kw, a)) return -1;
  if (!str_check(a[0])) {
    set_errorf(exc::TypeError, "module.__init__() argument 'name' must be str, not %T", a[0]);
    return -1;
  }
  return fill_dict(as_module(self)->dict, a[0], a[1] ? a[1] : None) ? 0 : -1;
}

Ref<Object> module_repr(Object* self) {
  Module* m = as_module(self);
  Object* name = m->dict ? dict_get_str(m->dict, names::__name__) : nullptr;
  std::string n = "?";
  if (name && !str_utf8(name, &n)) return nullptr;
  Object* file = m->dict ? dict_get_str(m->dict, names::__file__) : nullptr;
  if (file) {
    std::string f;
    if (!str_utf8(file, &f)) return nullptr;
    return str_from("<module '" + n + "' from '" + f + "'>");
  }
  if (m->builtin) return str_from("<module '" + n + "' (built-in)>");
  return str_from("<module '" + n + "'>");
}

Ref<Object> module_getattro(Object* self, Str* name) {
  Ref<Object> r = generic_getattr(self, name);
  if (r || !error_matches(exc::AttributeError)) return r;
  Module* m = as_module(self);
  if (m->dict) {
    Object* hook = dict_get_str(m->dict, names::__getattr__);
    if (hook) {
      clear_error();
      Ref<Object> keep = Ref<Object>::borrow(hook);
      return call1(hook, name);
    }
    Object* mname = dict_get_str(m->dict, names::__name__);
    if (mname && str_check(mname)) {
      clear_error();
      return set_errorf(exc::AttributeError, "module '%U' has no attribute '%U'", mname, name);
    }
  }
  clear_error();
  return set_errorf(exc::AttributeError, "module has no attribute '%U'", name);
}

Ref<Object> module_get_dict(Object* self) {
  Module* m = as_module(self);
  if (!m->dict) return none();
  return Ref<Object>::borrow(m->dict);
}

Ref<Object> module_dir(Object* self, Object* const*, size_t, Tuple*) {
  Module* m = as_module(self);
  if (!m->dict) return set_error(exc::TypeError, "<module>.__dict__ is not a dictionary");
  Object* f = dict_get_str(m->dict, names::__dir__);
  if (f) return call0(f);
  return dict_keys_list(m->dict);
}

const GetSetDef module_getset[] = {
    {"__dict__", module_get_dict},
    {nullptr, nullptr},
};

const MethodDef module_methods[] = {
    {"__dir__", module_dir, MethodKind::Instance, "__dir__() -> list\nspecialized dir() implementation"},
    {nullptr, nullptr},
};

}  // namespace

bool module_check(const Object* o) { return is_instance_of(o, &ModuleType); }

Ref<Object> module_new(std::string_view name) {
  Ref<Object> m = module_tp_new(&ModuleType, nullptr, 0, nullptr);
  if (!m) return nullptr;
  Ref<Str> n = str_from(name);
  if (!n || !fill_dict(as_module(m.get())->dict, n.get(), None)) return nullptr;
  return m;
}

Ref<Object> module_new_builtin(std::string_view name) {
  Ref<Object> m = module_new(name);
  if (m) as_module(m.get())->builtin = true;
  return m;
}

Dict* module_dict(Object* module) { return as_module(module)->dict; }

bool module_add_functions(Object* module, const MethodDef* table) {
  return add_functions(as_module(module)->dict, table, module);
}

bool module_add_object(Object* module, std::string_view name, Object* value) {
  return dict_set(as_module(module)->dict, intern(name), value) == 0;
}

void init_module_type() {
  ModuleType.name = "module";
  ModuleType.doc = "Create a module object.\n\nThe name must be a string; the optional doc argument can have any type.";
  ModuleType.flags = kBaseType | kHaveGC;
  ModuleType.basic_size = sizeof(Module);
  {
    Module probe;
    ModuleType.dict_offset = reinterpret_cast<char*>(&probe.dict) - reinterpret_cast<char*>(&probe);
    ModuleType.weaklist_offset = reinterpret_cast<char*>(&probe.weakreflist) - reinterpret_cast<char*>(&probe);
  }
  ModuleType.dealloc = module_dealloc;
  ModuleType.traverse = module_traverse;
  ModuleType.clear = module_clear;
  ModuleType.repr = module_repr;
  ModuleType.getattr = module_getattro;
  ModuleType.setattr = generic_setattr;
  ModuleType.new_ = module_tp_new;
  ModuleType.init = module_init;
  ModuleType.getset = module_getset;
  ModuleType.methods = module_methods;
}

}  // namespace coil::runtime
