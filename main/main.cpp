// main.cpp — the `coil` command line.
//
//   coil FILE.py [args]     run a program as __main__
//   coil -c CODE [args]     run a string
//   coil -m MODULE [args]   run a module (`-m ast`, `-m dis` are built in)
//   coil --version
#include <cstdio>
#include <cstring>
#include <string>

#include "runtime/error.h"
#include "runtime/list.h"
#include "runtime/str.h"
#include "vm/cli_tools.h"
#include "vm/interp.h"

namespace {

int usage() {
  std::fputs("usage: coil [--version] [-c cmd | -m mod | file] [arg] ...\n", stderr);
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace coil;
  if (argc >= 2 && (!std::strcmp(argv[1], "--version") || !std::strcmp(argv[1], "-V"))) {
    std::printf("Python 3.11.7 (coil %s)\n", COIL_VERSION);
    return 0;
  }
  if (argc < 2) return usage();
  std::string first = argv[1];
  // sys.argv as CPython: the script (or '-c' / the module path) then the rest.
  int prog_argc = argc - 1;
  char** prog_argv = argv + 1;
  if (first == "-c" || first == "-m") {
    if (argc < 3) return usage();
    prog_argc = argc - 2;
    prog_argv = argv + 2;
  }
  if (!vm::vm_init(prog_argc, prog_argv, argv[0])) {
    std::fputs("coil: fatal error during start-up\n", stderr);
    return vm::handle_uncaught() ? 1 : 1;
  }
  int status;
  if (first == "-c") {
    vm::set_script_dir("");
    status = vm::run_main_source(argv[2], "<string>");
  } else if (first == "-m") {
    vm::set_script_dir(".");
    status = vm::run_module_tool(argv[2], prog_argc, prog_argv);
  } else {
    vm::set_script_dir(first);
    status = vm::run_main_file(first);
  }
  vm::vm_finalize();
  return status;
}
