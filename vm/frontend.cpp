// frontend.cpp — from source text to a running program.
//
// compile_source() chains the layers: lexer+parser (parser::parse), the
// compiler (compiler::compile), then code_from_unit() to make the runtime
// code object.  A Diagnostic from any layer becomes a SyntaxError instance
// with CPython's attributes, so `except SyntaxError as e: e.lineno` and the
// top-level caret report both work.
#include <fstream>
#include <unistd.h>
#include <vector>
#include <sstream>

#include "lexer/lexer.h"
#include "parser/parser.h"
#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/module.h"
#include "runtime/names.h"
#include "runtime/singletons.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "stdlib/native/fileio.h"
#include "stdlib/native/signals.h"
#include "vm/compiler/compiler.h"
#include "vm/interp.h"
#include "vm/traceback.h"

namespace coil::vm {

using namespace coil::runtime;

static TypeObject* diagnostic_type(const Diagnostic& d) {
  if (d.type == "IndentationError") return exc::IndentationError;
  if (d.type == "TabError") return exc::TabError;
  if (d.type == "ValueError") return exc::ValueError;
  if (d.type == "RecursionError") return exc::RecursionError;
  return exc::SyntaxError;
}

// SyntaxError(msg, (filename, lineno, offset, text, end_lineno, end_offset))
static void raise_diagnostic(const Diagnostic& d, std::string_view source, std::string_view filename) {
  TypeObject* type = diagnostic_type(d);
  if (type == exc::ValueError || type == exc::RecursionError) {
    set_error(type, d.msg);
    return;
  }
  std::string text = lexer::source_line(source, d.line);
  if (d.line > 0) text += "\n";
  Ref<Object> msg = str_from(d.msg);
  Ref<Object> details = tuple_pack({
      str_from(filename).get(),
      int_from_i64(d.line).get(),
      int_from_i64(d.col + 1).get(),
      d.line > 0 ? str_from(text).get() : None,
      int_from_i64(d.end_line ? d.end_line : d.line).get(),
      int_from_i64(d.end_col ? d.end_col + 1 : d.col + 1).get(),
  });
  if (!msg || !details) return;
  Object* args[2] = {msg.get(), details.get()};
  Ref<Object> e = call(type, args, 2);
  if (e) set_error_object(e.get());
}

Ref<Object> compile_source(std::string_view source, std::string_view filename, std::string_view mode) {
  parser::Mode m = mode == "eval" ? parser::Mode::Eval
                 : mode == "single" ? parser::Mode::Single
                                    : parser::Mode::Exec;
  ast::Module module;
  Diagnostic diag;
  if (!parser::parse(source, m, &module, &diag)) {
    raise_diagnostic(diag, source, filename);
    return nullptr;
  }
  std::shared_ptr<compiler::CodeUnit> unit = compiler::compile(module, m, filename, &diag);
  if (!unit) {
    raise_diagnostic(diag, source, filename);
    return nullptr;
  }
  return code_from_unit(std::move(unit));
}

bool read_source_file(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::stringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

// Runs the pending SystemExit or prints the traceback; returns the status.
// Reports an uncaught exception through sys.excepthook when a program
// replaced it (CPython's PyErr_Display path); the default hook is
// print_exception itself.  A hook that fails gets CPython's two-part report.
static void report_with_excepthook(Object* e) {
  Dict* sys = module_dict(interp().sys_module.get());
  Object* hook = dict_get_cstr(sys, "excepthook");
  Object* original = dict_get_cstr(sys, "__excepthook__");
  if (!hook || hook == None) {
    std::fputs("sys.excepthook is missing\n", stderr);
    print_exception(e);
    return;
  }
  if (hook == original) {
    print_exception(e);
    return;
  }
  Ref<Object> hook_ref = borrow(hook);
  Ref<Object> tb = getattr_opt(e, names::__traceback__);
  if (!tb) { clear_error(); tb = none(); }
  Object* args[3] = {e->type, e, tb.get()};
  if (call(hook_ref.get(), args, 3)) { flush_std_streams(); return; }
  Ref<Object> hook_error = fetch_error();
  flush_std_streams();
  std::fputs("Error in sys.excepthook:\n", stderr);
  print_exception(hook_error.get());
  std::fputs("\nOriginal exception was:\n", stderr);
  print_exception(e);
}

int handle_uncaught() {
  Ref<Object> e = fetch_error();
  if (!e) return 0;
  flush_std_streams();
  if (is_instance_of(e.get(), exc::SystemExit)) {
    Ref<Object> code = getattr_opt(e.get(), names::code);
    clear_error();
    if (!code || code.get() == None) return 0;
    int64_t status = 0;
    if (int_check(code.get())) {
      if (!int_to_i64(code.get(), &status)) { clear_error(); status = -1; }
      return static_cast<int>(status & 0xFF);
    }
    std::string text;
    if (str_utf8(code.get(), &text)) {
      text += "\n";
      std::fwrite(text.data(), 1, text.size(), stderr);
    }
    clear_error();
    return 1;
  }
  if (is_instance_of(e.get(), exc::KeyboardInterrupt)) signals_note_uncaught_interrupt();
  report_with_excepthook(e.get());
  return 1;
}

Dict* main_globals(const std::string& filename) {
  Object* existing = dict_get(interp().modules.get(), names::__main__);
  if (existing && module_check(existing)) return module_dict(existing);
  Ref<Object> main = module_new("__main__");
  if (!main) return nullptr;
  Dict* globals = module_dict(main.get());
  if (dict_set(interp().modules.get(), names::__main__, main.get()) < 0) return nullptr;
  if (!filename.empty()) {
    Ref<Object> fn = str_from(filename);
    if (!fn || dict_set(globals, names::__file__, fn.get()) < 0) return nullptr;
  }
  if (dict_set(globals, names::__builtins__, interp().builtins_module.get()) < 0) return nullptr;
  return globals;
}

int run_main_source(std::string_view source, const std::string& filename) {
  remember_source(filename, std::string(source));
  Dict* globals = main_globals(filename == "<string>" ? "" : filename);
  if (!globals) return handle_uncaught();
  Ref<Object> code = compile_source(source, filename, "exec");
  if (!code) return handle_uncaught();
  Ref<Object> r = eval_code(static_cast<Code*>(code.get()), globals, nullptr);
  if (!r) return handle_uncaught();
  return 0;
}

// The script's absolute path, as CPython 3.9+ reports it in __file__,
// co_filename and tracebacks (normalised like os.path.abspath, links kept).
static std::string absolute_path(const std::string& path) {
  std::string full = path;
  if (path.empty() || path[0] != '/') {
    char buf[4096];
    if (!getcwd(buf, sizeof buf)) return path;
    full = std::string(buf) + "/" + path;
  }
  std::vector<std::string> parts;
  size_t i = 0;
  while (i <= full.size()) {
    size_t j = full.find('/', i);
    if (j == std::string::npos) j = full.size();
    std::string part = full.substr(i, j - i);
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    i = j + 1;
  }
  std::string out;
  for (const auto& p : parts) out += "/" + p;
  return out.empty() ? "/" : out;
}

int run_main_file(const std::string& given) {
  std::string source;
  std::string path = absolute_path(given);
  if (!read_source_file(path, &source)) {
    std::string msg = interp().executable + ": can't open file '" + path +
                      "': [Errno 2] No such file or directory\n";
    std::fwrite(msg.data(), 1, msg.size(), stderr);
    return 2;
  }
  return run_main_source(source, path);
}

}  // namespace coil::vm
