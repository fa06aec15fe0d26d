// cli_tools.cpp — sys.path set-up and `coil -m ast|dis FILE`.
#include <cstdio>
#include <fstream>
#include <sstream>

#include "parser/parser.h"
#include "runtime/error.h"
#include "runtime/dict.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/str.h"
#include "vm/cli_tools.h"
#include "vm/compiler/compiler.h"
#include "vm/interp.h"

namespace coil::vm {

using namespace coil::runtime;

void set_script_dir(const std::string& script) {
  Interpreter& in = interp();
  std::string dir;
  if (!script.empty() && script != ".") {
    size_t slash = script.rfind('/');
    dir = slash == std::string::npos ? "" : script.substr(0, slash);
  } else if (script == ".") {
    dir = "";
  }
  List* path = static_cast<List*>(in.path.get());
  list_append(path, str_from(dir).get());
  list_append(path, str_from(in.stdlib_dir).get());
}

static void print_diagnostic(const std::string& file, const std::string& source, const Diagnostic& d) {
  (void)source;
  std::fprintf(stderr, "  File \"%s\", line %d\n%s: %s\n", file.c_str(), d.line, d.type.c_str(), d.msg.c_str());
}

int run_module_tool(const std::string& name, int argc, char** argv) {
  if (name == "ast" || name == "dis") {
    if (argc < 2) {
      std::fprintf(stderr, "usage: coil -m %s FILE\n", name.c_str());
      return 2;
    }
    std::string file = argv[1];
    std::string source;
    if (!read_source_file(file, &source)) {
      std::fprintf(stderr, "coil: can't open file '%s'\n", file.c_str());
      return 1;
    }
    ast::Module module;
    Diagnostic diag;
    if (!parser::parse(source, parser::Mode::Exec, &module, &diag)) {
      print_diagnostic(file, source, diag);
      return 1;
    }
    if (name == "ast") {
      std::string out = parser::dump(module, parser::Mode::Exec);
      std::fwrite(out.data(), 1, out.size(), stdout);
      std::fputc('\n', stdout);
      return 0;
    }
    auto unit = compiler::compile(module, parser::Mode::Exec, file, &diag);
    if (!unit) {
      print_diagnostic(file, source, diag);
      return 1;
    }
    std::string out = compiler::disassemble(*unit, true);
    std::fwrite(out.data(), 1, out.size(), stdout);
    return 0;
  }
  // A module on sys.path run as __main__.
  std::string rel = name;
  for (char& c : rel) if (c == '.') c = '/';
  List* path = static_cast<List*>(interp().path.get());
  for (size_t i = 0; i < path->size; i++) {
    std::string dir(str_view(path->items[i]));
    if (dir.empty()) dir = ".";
    for (const std::string& cand : {dir + "/" + rel + ".py", dir + "/" + rel + "/__main__.py"}) {
      std::ifstream probe(cand);
      if (!probe) continue;
      // sys.argv[0] becomes the module's file, as with python3 -m.
      Object* argv_list = dict_get_cstr(module_dict(interp().sys_module.get()), "argv");
      if (argv_list && argv_list->type == &ListType && static_cast<List*>(argv_list)->size > 0) {
        Ref<Object> path0 = str_from(cand);
        List* l = static_cast<List*>(argv_list);
        Object* old = l->items[0];
        l->items[0] = path0.release();
        decref(old);
      }
      return run_main_file(cand);
    }
  }
  std::fprintf(stderr, "%s: No module named %s\n", interp().executable.c_str(), name.c_str());
  return 1;
}

}  // namespace coil::vm
