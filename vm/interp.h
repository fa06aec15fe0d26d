// interp.h — the interpreter-wide state and the VM's public entry points.
//
// One Interpreter per process: the module table (sys.modules), the
// builtins namespace, the import path.  Each thread has its own
// ThreadState (vm/threadstate.h) but shares this.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "runtime/dict.h"
#include "runtime/object.h"
#include "runtime/tuple.h"
#include "vm/code.h"
#include "vm/function.h"

namespace coil::vm {

struct Interpreter {
  Ref<runtime::Dict> modules;          // sys.modules
  Ref<Object> builtins_module;
  runtime::Dict* builtins = nullptr;   // builtins_module's dict (borrowed)
  Ref<runtime::Dict> builtins_copy;    // the builtins as vm_init left them (restored at exit)
  Ref<Object> sys_module;
  Ref<Object> path;                    // sys.path (a list)
  std::string stdlib_dir;              // where the pure-Python modules live
  std::string executable;
  int recursion_limit = 1000;
};

// The one interpreter of this process.
extern Interpreter g_interp;
inline Interpreter& interp() { return g_interp; }

// Boots the runtime and the VM (types, builtins, sys).  false on failure.
bool vm_init(int argc, char** argv, std::string_view executable);
// Flushes the standard streams and runs shutdown hooks: the atexit
// callbacks, then finalize_modules().
void vm_finalize();
// Tears the modules down as CPython's finalize_modules does, so that
// __del__ methods run at exit in CPython's order (vm/shutdown.cpp).
void finalize_modules();

// Runs a code object as a module body with `globals` (and `locals`, which
// may be null: then globals).  Returns the value of the code (None for
// modules) or null with the exception pending.
Ref<Object> eval_code(Code* code, runtime::Dict* globals, Object* locals);

// Calls a Python function from native code (a nested eval loop).
Ref<Object> call_function(Function* func, Object* const* args, size_t nargs,
                          runtime::Tuple* kwnames);

// Compiles source text; returns a code object or null with SyntaxError set.
// mode: "exec", "eval" or "single".
Ref<Object> compile_source(std::string_view source, std::string_view filename,
                           std::string_view mode);

// The globals of the __main__ module, created on first use (with __file__
// set to `filename` unless it is empty).  null with an error set.
runtime::Dict* main_globals(const std::string& filename);
// The interactive prompt, running entries in `globals`; returns the exit status.
int run_repl(runtime::Dict* globals);

// Reads a whole file (binary); false when it cannot be opened.
bool read_source_file(const std::string& path, std::string* out);

// Runs a file as __main__; returns the process exit status.
int run_main_file(const std::string& path);
int run_main_source(std::string_view source, const std::string& filename);
int run_main_module(const std::string& name);

// Handles the pending exception at top level: SystemExit -> its status,
// anything else -> traceback on stderr and status 1.
int handle_uncaught();

// The innermost running frame's globals (for globals(), exec, eval).
runtime::Dict* current_globals();

}  // namespace coil::vm
