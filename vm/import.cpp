// import.cpp — finding, loading and binding modules.  See import.h.
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <unistd.h>

#include "runtime/abstract.h"
#include "runtime/descr.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/names.h"
#include "runtime/singletons.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "vm/eval_internal.h"
#include "vm/import.h"
#include "vm/interp.h"
#include "vm/traceback.h"

namespace coil::vm {

using namespace coil::runtime;

static std::map<std::string, NativeModuleFn>& native_modules() {
  static std::map<std::string, NativeModuleFn> table;
  return table;
}

void register_native_module(const char* name, NativeModuleFn make) { native_modules()[name] = make; }

static bool file_exists(const std::string& p) { return access(p.c_str(), R_OK) == 0; }

// Runs `path` as the body of a new module called `name`.
static Ref<Object> load_source_module(const std::string& name, const std::string& path, bool is_package,
                                      const std::string& pkg_dir) {
  std::string source;
  if (!read_source_file(path, &source)) {
    return set_errorf(exc::ImportError, "cannot read %s", path.c_str());
  }
  Ref<Object> module = module_new(name);
  if (!module) return nullptr;
  Dict* d = module_dict(module.get());
  Ref<Object> file = str_from(path);
  std::string package = is_package ? name : (name.rfind('.') == std::string::npos ? "" : name.substr(0, name.rfind('.')));
  Ref<Object> pkg = str_from(package);
  if (!file || !pkg || dict_set(d, names::__file__, file.get()) < 0 ||
      dict_set(d, names::__package__, pkg.get()) < 0 ||
      dict_set(d, names::__builtins__, interp().builtins_module.get()) < 0) {
    return nullptr;
  }
  if (is_package) {
    Ref<List> path_list = list_new();
    Ref<Object> dir = str_from(pkg_dir);
    if (!path_list || !dir || !list_append(path_list.get(), dir.get()) ||
        dict_set(d, names::__path__, path_list.get()) < 0) {
      return nullptr;
    }
  }
  Ref<Object> key = str_from(name);
  if (!key || dict_set(interp().modules.get(), key.get(), module.get()) < 0) return nullptr;
  remember_source(path, source);
  Ref<Object> code = compile_source(source, path, "exec");
  Ref<Object> r = code ? eval_code(static_cast<Code*>(code.get()), d, nullptr) : nullptr;
  if (!r) {
    // A failed import leaves no half-made module behind.
    Ref<Object> saved = fetch_error();
    dict_del(interp().modules.get(), key.get());
    clear_error();
    restore_error(std::move(saved));
    return nullptr;
  }
  // The module may have replaced itself in sys.modules.
  Object* final = dict_get(interp().modules.get(), key.get());
  return Ref<Object>::borrow(final ? final : module.get());
}

// Searches the directories of `search` (a list of strs) for `leaf`.
static Ref<Object> find_and_load(const std::string& fullname, const std::string& leaf, Object* search) {
  if (search && search->type == &ListType) {
    List* dirs = static_cast<List*>(search);
    for (size_t i = 0; i < dirs->size; i++) {
      if (!str_check(dirs->items[i])) continue;
      std::string dir(str_view(dirs->items[i]));
      if (dir.empty()) dir = ".";
      std::string pkg = dir + "/" + leaf;
      if (file_exists(pkg + "/__init__.py")) return load_source_module(fullname, pkg + "/__init__.py", true, pkg);
      if (file_exists(pkg + ".py")) return load_source_module(fullname, pkg + ".py", false, "");
    }
  }
  return nullptr;
}

static Ref<Object> module_not_found(const std::string& name) {
  Ref<Object> msg = str_from("No module named '" + name + "'");
  Ref<Object> e = call1(exc::ModuleNotFoundError, msg.get());
  if (!e) return nullptr;
  Ref<Object> n = str_from(name);
  setattr(e.get(), names::name, n.get());
  return set_error_object(e.get());
}

// Imports one absolute dotted name, importing its parents first.
Ref<Object> import_module(std::string_view name_sv) {
  std::string name(name_sv);
  Ref<Object> key = str_from(name);
  if (!key) return nullptr;
  Object* cached = dict_get(interp().modules.get(), key.get());
  if (cached) {
    if (cached == None) return module_not_found(name);
    return Ref<Object>::borrow(cached);
  }
  size_t dot = name.rfind('.');
  Ref<Object> parent;
  Ref<Object> search = interp().path;
  std::string leaf = name;
  if (dot != std::string::npos) {
    parent = import_module(name.substr(0, dot));
    if (!parent) return nullptr;
    leaf = name.substr(dot + 1);
    search = getattr_opt(parent.get(), names::__path__);
    if (!search) {
      if (error_occurred()) return nullptr;
      Ref<Object> msg = str_from("No module named '" + name + "'; '" + name.substr(0, dot) + "' is not a package");
      Ref<Object> e = call1(exc::ModuleNotFoundError, msg.get());
      return e ? set_error_object(e.get()) : nullptr;
    }
  } else {
    auto it = native_modules().find(name);
    if (it != native_modules().end()) {
      Ref<Object> m = it->second();
      if (!m || dict_set(interp().modules.get(), key.get(), m.get()) < 0) return nullptr;
      return m;
    }
  }
  Ref<Object> m = find_and_load(name, leaf, search.get());
  if (!m) {
    if (error_occurred()) return nullptr;
    return module_not_found(name);
  }
  if (parent) {
    Ref<Object> leaf_name = str_from(leaf);
    if (setattr(parent.get(), static_cast<Str*>(leaf_name.get()), m.get()) < 0) return nullptr;
  }
  return m;
}

// Resolves `from ..x import y` against the importing module's package.
static bool resolve_name(Str* name, Dict* globals, int level, std::string* out) {
  if (level == 0) {
    *out = std::string(name->view());
    return true;
  }
  Object* pkg = globals ? dict_get_str(globals, names::__package__) : nullptr;
  std::string package;
  if (pkg && str_check(pkg)) {
    package = std::string(str_view(pkg));
  } else {
    Object* modname = globals ? dict_get_str(globals, names::__name__) : nullptr;
    if (modname && str_check(modname)) {
      package = std::string(str_view(modname));
      if (!globals || !dict_get_str(globals, names::__path__)) {
        size_t dot = package.rfind('.');
        package = dot == std::string::npos ? "" : package.substr(0, dot);
      }
    }
  }
  if (package.empty()) {
    set_error(exc::ImportError, "attempted relative import with no known parent package");
    return false;
  }
  for (int i = 1; i < level; i++) {
    size_t dot = package.rfind('.');
    if (dot == std::string::npos) {
      set_error(exc::ImportError, "attempted relative import beyond top-level package");
      return false;
    }
    package = package.substr(0, dot);
  }
  *out = name->size ? package + "." + std::string(name->view()) : package;
  return true;
}

Ref<Object> import_module_level(Str* name, Dict* globals, Object* fromlist, int level) {
  if (level < 0) return set_error(exc::ValueError, "level must be >= 0");
  if (level == 0 && name->size == 0) return set_error(exc::ValueError, "Empty module name");
  std::string full;
  if (!resolve_name(name, globals, level, &full)) return nullptr;
  Ref<Object> module = import_module(full);
  if (!module) return nullptr;
  bool has_fromlist = fromlist && fromlist != None && is_true(fromlist) == 1;
  if (!has_fromlist) {
    // `import a.b.c` binds the top-level package `a`.
    if (level == 0) {
      size_t dot = full.find('.');
      if (dot != std::string::npos) return import_module(full.substr(0, dot));
    } else if (name->size == 0) {
      return module;
    } else {
      std::string n(name->view());
      size_t dot = n.find('.');
      if (dot != std::string::npos) {
        return import_module(full.substr(0, full.size() - (n.size() - dot)));
      }
    }
    return module;
  }
  // from package import submodule: import submodules that are not attributes.
  if (getattr_opt(module.get(), names::__path__)) {
    Ref<Object> it = get_iter(fromlist);
    if (!it) return nullptr;
    for (;;) {
      Ref<Object> item = iter_next(it.get());
      if (!item) { if (error_occurred()) return nullptr; break; }
      if (!str_check(item.get()) || str_view(item.get()) == "*") continue;
      Ref<Object> attr = getattr_opt(module.get(), static_cast<Str*>(item.get()));
      if (attr) continue;
      if (error_occurred()) return nullptr;
      Ref<Object> sub = import_module(full + "." + std::string(str_view(item.get())));
      if (!sub) {
        if (error_matches(exc::ModuleNotFoundError)) { clear_error(); continue; }
        return nullptr;
      }
    }
  } else if (error_occurred()) {
    return nullptr;
  }
  return module;
}

Ref<Object> import_name(Frame* f, Str* name, Object* fromlist, Object* level) {
  int64_t lv = 0;
  if (!int_to_i64(level, &lv)) return nullptr;
  Object* imp = dict_get_str(f->builtins, names::__import__);
  if (!imp) return set_error(exc::ImportError, "__import__ not found");
  // The built-in __import__ is called directly; an override goes through call().
  if (builtin_function_check(imp)) {
    return import_module_level(name, f->globals, fromlist, static_cast<int>(lv));
  }
  Object* args[5] = {name, f->globals, f->locals ? f->locals : None, fromlist, level};
  return call(imp, args, 5);
}

Ref<Object> import_from(Object* module, Str* name) {
  Ref<Object> v = getattr_opt(module, name);
  if (v) return v;
  if (error_occurred()) return nullptr;
  Ref<Object> modname = getattr_opt(module, names::__name__);
  clear_error();
  std::string mn = modname && str_check(modname.get()) ? std::string(str_view(modname.get())) : "<unknown module name>";
  // A submodule imported since (circular imports).
  Ref<Object> key = str_from(mn + "." + std::string(name->view()));
  if (key) {
    Object* sub = dict_get(interp().modules.get(), key.get());
    if (sub) return Ref<Object>::borrow(sub);
  }
  Ref<Object> file = getattr_opt(module, names::__file__);
  clear_error();
  std::string msg = "cannot import name '" + std::string(name->view()) + "' from '" + mn + "'";
  if (file && str_check(file.get())) {
    msg += " (" + std::string(str_view(file.get())) + ")";
  } else {
    msg += " (unknown location)";
  }
  return set_error(exc::ImportError, msg);
}

bool import_star(Frame* f, Object* module) {
  if (!f->locals) {
    set_error(exc::SystemError, "no locals found during 'import *'");
    return false;
  }
  Ref<Object> all = getattr_opt(module, intern("__all__"));
  if (error_occurred()) return false;
  Ref<Object> names_list;
  bool skip_private = false;
  if (all) {
    names_list = all;
  } else {
    Ref<Object> d = getattr(module, names::__dict__);
    if (!d) return false;
    names_list = sequence_to_list(d.get());
    if (!names_list) return false;
    skip_private = true;
  }
  Ref<Object> it = get_iter(names_list.get());
  if (!it) return false;
  for (;;) {
    Ref<Object> n = iter_next(it.get());
    if (!n) return !error_occurred();
    if (!str_check(n.get())) continue;
    if (skip_private && str_view(n.get()).substr(0, 1) == "_") continue;
    Ref<Object> v = getattr(module, static_cast<Str*>(n.get()));
    if (!v) return false;
    if (setitem(f->locals, n.get(), v.get()) < 0) return false;
  }
}

}  // namespace coil::vm
