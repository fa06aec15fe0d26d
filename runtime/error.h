// error.h — the pending exception: how errors travel without C++ exceptions.
//
// A failing operation creates an exception instance, stores it as the
// current thread's *pending exception* and returns a null Ref (or -1, or
// false).  Every caller checks the result and passes the failure up the
// same way, until the eval loop's unwinder (vm/eval.cpp) finds a handler in
// the code object's exception table, or the traceback printer reports it.
// This is CPython's and Lua's convention (DESIGN decision 5).
#pragma once

#include <string>
#include <string_view>

#include "runtime/object.h"

namespace coil::runtime {

struct TypeObject;

// Sets the pending exception to `type(msg)`, replacing any pending one.
// Always returns a null Ref so that `return set_error(...)` reads well.
Ref<Object> set_error(TypeObject* type, std::string_view msg);
// Sets the pending exception to `exc`: an exception instance, or an
// exception class (instantiated with no arguments).
Ref<Object> set_error_object(Object* exc);
// printf-style: %s (const char*), %d (int), %ld (long), %zd; plus %R (the
// repr of an Object*), %S (its str) and %T (its type's name).
Ref<Object> set_errorf(TypeObject* type, const char* fmt, ...);
// The format machinery of set_errorf, for building messages.
std::string format_message(const char* fmt, ...);

bool error_occurred();
// True when the pending exception is an instance of `type` (or a subclass).
bool error_matches(TypeObject* type);
// Takes the pending exception out of the thread state (caller owns it);
// null when none is pending.
Ref<Object> fetch_error();
// Makes `exc` (an instance, stolen through the Ref) pending again.
void restore_error(Ref<Object> exc);
void clear_error();

// Common shorthands.
Ref<Object> no_memory_error();
// Makes the spare MemoryError no_memory_error() raises when even that
// allocation fails; called once the exception classes exist.
void reserve_memory_error();
Ref<Object> type_error(std::string_view msg);
Ref<Object> value_error(std::string_view msg);

// Prints "Exception ignored in: <obj repr>" and the pending exception's
// traceback to stderr, then clears it (used by __del__ and callbacks).
void write_unraisable(Object* obj);

// How write_unraisable prints the exception itself.  The default prints
// "Type: message"; the VM installs a printer that adds the traceback.
using TracebackPrinter = void (*)(Object* exc);
void set_traceback_printer(TracebackPrinter printer);
// What write_unraisable runs before it writes to stderr: flushing the
// program's buffered stdout, so the report lands after what was printed
// before it (as CPython's does).  Set by the VM (vm/interp.cpp).
void set_output_flusher(void (*flush)());

}  // namespace coil::runtime
