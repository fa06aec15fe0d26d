// repl.cpp — the interactive prompt: `coil` alone, or `coil -i FILE`.
//
// Each entry is compiled in "single" mode, where an expression statement
// prints its repr (PRINT_EXPR) and stores it in builtins._ — so typing
// `x = 1000` and then `y = 1000` on two prompts compiles two code objects,
// and `x is y` is False, exactly as in CPython's REPL (DESIGN decision 3).
//
// Deciding when an entry is complete follows CPython's rules of thumb: a
// line that opens a compound statement (ends with ':'), an unclosed bracket,
// an unterminated triple-quoted string or a trailing backslash asks for more
// lines ("... "); a compound statement ends at an empty line.
#include <cstdio>
#include <iostream>
#include <string>
#include <unistd.h>

#include "parser/parser.h"
#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/module.h"
#include "runtime/names.h"
#include "runtime/singletons.h"
#include "runtime/str.h"
#include "stdlib/native/fileio.h"
#include "stdlib/native/signals.h"
#include "stdlib/native/sys.h"
#include "vm/interp.h"
#include "vm/traceback.h"

namespace coil::vm {

using namespace coil::runtime;

namespace {

// True when `source` is a syntax error only because it stops too early.
bool needs_more_input(const std::string& source) {
  ast::Module module;
  Diagnostic diag;
  if (parser::parse(source, parser::Mode::Single, &module, &diag)) return false;
  const std::string& m = diag.msg;
  return m.find("was never closed") != std::string::npos ||
         m.find("unterminated triple-quoted string") != std::string::npos ||
         m.find("expected an indented block") != std::string::npos ||
         m.find("unexpected EOF") != std::string::npos;
}

bool opens_block(const std::string& line) {
  size_t end = line.find_last_not_of(" \t\r");
  return end != std::string::npos && (line[end] == ':' || line[end] == '\\');
}

void write_prompt(const char* prompt) {
  flush_std_streams();
  std::fputs(prompt, stderr);
  std::fflush(stderr);
}

// Runs one complete entry in __main__; prints any error.  Returns false
// when the program asked to exit (SystemExit), with *status set.
bool run_entry(const std::string& source, Dict* globals, int* status) {
  Ref<Object> code = compile_source(source, "<stdin>", "single");
  Ref<Object> result = code ? eval_code(static_cast<Code*>(code.get()), globals, nullptr) : nullptr;
  flush_std_streams();
  if (result) return true;
  if (error_matches(exc::SystemExit)) {
    *status = handle_uncaught();
    return false;
  }
  handle_uncaught();   // prints the traceback
  return true;
}

}  // namespace

int run_repl(Dict* globals) {
  bool tty = isatty(0);
  if (tty) {
    std::fprintf(stderr, "Python 3.11.7 (coil %s)\nType \"exit()\" or Ctrl-D to leave.\n", COIL_VERSION);
  }
  std::string entry;
  bool in_block = false;
  int status = 0;
  for (;;) {
    write_prompt(entry.empty() ? ">>> " : "... ");
    std::string line;
    if (!std::getline(std::cin, line)) {
      // Ctrl-C interrupted the read: as CPython, say so and prompt again.
      if (signals_tripped()) {
        std::cin.clear();
        if (!signals_run_pending()) {
          clear_error();
          std::fputs("\nKeyboardInterrupt\n", stderr);
        }
        entry.clear();
        in_block = false;
        continue;
      }
      if (tty) std::fputc('\n', stderr);
      break;
    }
    if (entry.empty()) {
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      in_block = opens_block(line);
    }
    entry += line;
    entry += '\n';
    bool blank = line.find_first_not_of(" \t\r") == std::string::npos;
    if (in_block && !blank) continue;            // a compound statement ends at a blank line
    if (!blank && needs_more_input(entry)) {     // an open bracket or string
      in_block = in_block || opens_block(line);
      continue;
    }
    bool keep_going = run_entry(entry, globals, &status);
    signals_forget_uncaught_interrupt();   // reported; the prompt goes on
    entry.clear();
    in_block = false;
    if (!keep_going) return status;
  }
  return status;
}

}  // namespace coil::vm
