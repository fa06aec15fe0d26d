// exceptions.h — the built-in exception hierarchy of Python 3.11.
//
// All 67 built-in exception classes are declared once in COIL_EXCEPTIONS
// (name, base); runtime/exceptions.cpp creates them at start-up in this
// order (each base before its subclasses).  ExceptionGroup additionally
// derives from Exception, as in CPython.
//
// An exception instance is a BaseException: the common fields below plus an
// instance __dict__, where subclass-specific attributes live (StopIteration
// .value, SystemExit.code, OSError.errno/.strerror/.filename, KeyError's
// args, SyntaxError.msg/.filename/.lineno/.offset/.text/.end_lineno/
// .end_offset, ImportError.name ...), set by each class's __init__.
#pragma once

#include "runtime/object.h"
#include "runtime/type.h"

#include <string_view>

namespace coil::runtime {

#define COIL_EXCEPTIONS(X) \
  X(BaseException, Object)  \
  X(BaseExceptionGroup, BaseException)  \
  X(Exception, BaseException)  \
  X(GeneratorExit, BaseException)  \
  X(KeyboardInterrupt, BaseException)  \
  X(SystemExit, BaseException)  \
  X(ArithmeticError, Exception)  \
  X(AssertionError, Exception)  \
  X(AttributeError, Exception)  \
  X(BufferError, Exception)  \
  X(EOFError, Exception)  \
  X(ImportError, Exception)  \
  X(LookupError, Exception)  \
  X(MemoryError, Exception)  \
  X(NameError, Exception)  \
  X(OSError, Exception)  \
  X(ReferenceError, Exception)  \
  X(RuntimeError, Exception)  \
  X(StopAsyncIteration, Exception)  \
  X(StopIteration, Exception)  \
  X(SyntaxError, Exception)  \
  X(SystemError, Exception)  \
  X(TypeError, Exception)  \
  X(ValueError, Exception)  \
  X(Warning, Exception)  \
  X(FloatingPointError, ArithmeticError)  \
  X(OverflowError, ArithmeticError)  \
  X(ZeroDivisionError, ArithmeticError)  \
  X(BytesWarning, Warning)  \
  X(DeprecationWarning, Warning)  \
  X(EncodingWarning, Warning)  \
  X(FutureWarning, Warning)  \
  X(ImportWarning, Warning)  \
  X(PendingDeprecationWarning, Warning)  \
  X(ResourceWarning, Warning)  \
  X(RuntimeWarning, Warning)  \
  X(SyntaxWarning, Warning)  \
  X(UnicodeWarning, Warning)  \
  X(UserWarning, Warning)  \
  X(BlockingIOError, OSError)  \
  X(ChildProcessError, OSError)  \
  X(ConnectionError, OSError)  \
  X(FileExistsError, OSError)  \
  X(FileNotFoundError, OSError)  \
  X(InterruptedError, OSError)  \
  X(IsADirectoryError, OSError)  \
  X(NotADirectoryError, OSError)  \
  X(PermissionError, OSError)  \
  X(ProcessLookupError, OSError)  \
  X(TimeoutError, OSError)  \
  X(IndentationError, SyntaxError)  \
  X(IndexError, LookupError)  \
  X(KeyError, LookupError)  \
  X(ModuleNotFoundError, ImportError)  \
  X(NotImplementedError, RuntimeError)  \
  X(RecursionError, RuntimeError)  \
  X(UnboundLocalError, NameError)  \
  X(UnicodeError, ValueError)  \
  X(BrokenPipeError, ConnectionError)  \
  X(ConnectionAbortedError, ConnectionError)  \
  X(ConnectionRefusedError, ConnectionError)  \
  X(ConnectionResetError, ConnectionError)  \
  X(TabError, IndentationError)  \
  X(UnicodeDecodeError, UnicodeError)  \
  X(UnicodeEncodeError, UnicodeError)  \
  X(UnicodeTranslateError, UnicodeError)  \
  X(ExceptionGroup, BaseExceptionGroup)

namespace exc {
#define COIL_DECLARE_EXC(name, base) extern TypeObject* name;
COIL_EXCEPTIONS(COIL_DECLARE_EXC)
#undef COIL_DECLARE_EXC
}  // namespace exc

struct Dict;
struct BaseException : Object {
  Dict* dict = nullptr;          // strong; attributes of subclasses
  Ref<Object> args;              // a tuple
  Ref<Object> notes;             // __notes__ list or null
  Ref<Object> traceback;         // __traceback__ or null (None)
  Ref<Object> context;           // __context__ or null
  Ref<Object> cause;             // __cause__ or null
  bool suppress_context = false; // __suppress_context__
};

bool exception_check(const Object* o);        // isinstance(o, BaseException)
bool exception_class_check(const Object* o);  // a subclass of BaseException
// Creates an instance of `type` with args (msg,) — or () when msg is empty
// and `empty_args` — without running Python-level __init__ overrides.
Ref<Object> new_exception(TypeObject* type, std::string_view msg);
Ref<Object> new_exception_args(TypeObject* type, Ref<Object> args_tuple);
// Raises OSError(err, strerror(err)[, filename[, None, filename2]]) —
// calling the class lets it pick the subclass (FileNotFoundError,
// ConnectionRefusedError ...) — and returns null.  When `err` is EINTR and
// an exception is already pending (a signal handler raised while a call
// waited), that exception is kept instead.
Ref<Object> set_os_error(int err, Object* filename = nullptr, Object* filename2 = nullptr);

void init_exception_types();

}  // namespace coil::runtime
