// main.cpp — the `coil` command line.
//
//   coil FILE.py [args]     run a program as __main__
//   coil -c CODE [args]     run a string
//   coil -m MODULE [args]   run a module (`-m ast`, `-m dis` are built in)
//   coil                    the interactive prompt
//   coil -i FILE            run FILE, then the prompt
//   coil --version
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "runtime/error.h"
#include "runtime/list.h"
#include "runtime/str.h"
#include "stdlib/native/signals.h"
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
  std::string first = argc >= 2 ? argv[1] : "";
  bool interactive = argc < 2 || first == "-i";
  if (first == "-i") {
    // coil -i FILE: run FILE, then the prompt in its globals.
    argv[1] = argv[0];
    ++argv;
    --argc;
    first = argc >= 2 ? argv[1] : "";
  }
  // sys.argv as CPython: ['-c', args...] for -c; [module path, args...] for
  // -m (the path is filled in once the module is found); else the script.
  std::vector<char*> prog(argv + 1, argv + argc);
  static char dash_c[] = "-c";
  if (prog.empty()) {
    static char empty[] = "";
    prog.push_back(empty);   // sys.argv == [''] at the prompt
  }
  if (first == "-c" || first == "-m") {
    if (argc < 3) return usage();
    prog.erase(prog.begin());          // drop the option, keep CODE/MODULE
    if (first == "-c") prog[0] = dash_c;
  }
  int prog_argc = static_cast<int>(prog.size());
  char** prog_argv = prog.data();
  if (!vm::vm_init(prog_argc, prog_argv, argv[0])) {
    std::fputs("coil: fatal error during start-up\n", stderr);
    vm::handle_uncaught();
    return 1;
  }
  int status = 0;
  if (first.empty()) {
    vm::set_script_dir("");
  } else if (first == "-c") {
    vm::set_script_dir("");
    status = vm::run_main_source(argv[2], "<string>");
  } else if (first == "-m") {
    vm::set_script_dir(".");
    status = vm::run_module_tool(argv[2], prog_argc, prog_argv);
  } else {
    vm::set_script_dir(first);
    status = vm::run_main_file(first);
  }
  if (interactive) {
    runtime::Dict* globals = vm::main_globals("");
    status = globals ? vm::run_repl(globals) : vm::handle_uncaught();
  }
  vm::vm_finalize();
  runtime::signals_exit_if_interrupted();   // uncaught KeyboardInterrupt: die by SIGINT
  return status;
}
