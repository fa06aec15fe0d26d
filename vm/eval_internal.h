// eval_internal.h — the helpers behind the opcodes (eval.cpp stays a table
// of contents; the work of each instruction lives in these functions).
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

#include "runtime/dict.h"
#include "runtime/list.h"
#include "runtime/object.h"
#include "runtime/tuple.h"
#include "runtime/type.h"
#include "vm/frame.h"
#include "vm/threadstate.h"

namespace coil::vm {

using runtime::Dict;
using runtime::List;
using runtime::Object;
using runtime::Ref;
using runtime::Str;
using runtime::Tuple;

// ---- frames and calls (call.cpp) -----------------------------------------------
// Counts one more Python (or nested native) level; RecursionError past the limit.
bool enter_recursion(ThreadState* ts);
inline void leave_recursion(ThreadState* ts) { --ts->recursion_depth; }
// Allocates a frame for `func`, binds the arguments (borrowed) into it,
// sets up cells and free variables, and counts it against the recursion
// limit.  null with an error set on failure.
Frame* push_python_frame(ThreadState* ts, Function* func, Object* const* args, size_t nargs,
                         Tuple* kwnames);
// The fast path for the commonest call: a function with only positional
// parameters (Code::simple_args) called with exactly that many positional
// arguments.  The arguments are MOVED from args[] (the slots are nulled).
Frame* push_python_frame_steal(ThreadState* ts, Function* func, Object** args, size_t nargs);
// A frame for module/class/exec code: no arguments, `locals` mapping.
Frame* push_code_frame(ThreadState* ts, Code* code, Dict* globals, Dict* builtins,
                       Object* locals, Tuple* closure);
// Drops every reference the frame holds and frees its memory (unless a
// generator owns it).
void frame_release(ThreadState* ts, Frame* f);
void frame_clear_refs(Frame* f);
// Runs frames until `entry` returns (eval.cpp).
Ref<Object> run_frame(ThreadState* ts, Frame* entry);

Ref<Object> call_ex(Object* func, Object* args, Object* kwargs);
Ref<Object> make_function(Code* code, Dict* globals, Object* defaults, Object* kwdefaults,
                          Object* annotations, Object* closure);

// Small-int arithmetic without leaving the eval loop's helpers: the
// common case in loops and counters.  Overflow falls back to the generic
// path, which promotes to a big int.
inline bool small_int_op(int64_t a, int64_t b, runtime::BinaryOp op, int64_t* r) {
  using runtime::BinaryOp;
  switch (op) {
    case BinaryOp::Add: return !__builtin_add_overflow(a, b, r);
    case BinaryOp::Sub: return !__builtin_sub_overflow(a, b, r);
    case BinaryOp::Mul: return !__builtin_mul_overflow(a, b, r);
    case BinaryOp::And: *r = a & b; return true;
    case BinaryOp::Or: *r = a | b; return true;
    case BinaryOp::Xor: *r = a ^ b; return true;
    case BinaryOp::FloorDiv:
    case BinaryOp::Remainder: {
      if (b == 0 || (a == INT64_MIN && b == -1)) return false;
      int64_t q = a / b, m = a % b;
      if (m != 0 && ((m < 0) != (b < 0))) { q -= 1; m += b; }
      *r = op == BinaryOp::FloorDiv ? q : m;
      return true;
    }
    default: return false;
  }
}

// ---- attribute and operator fast paths (ops.cpp) --------------------------------
// LOAD_METHOD: if `name` on `owner` is a plain method found on the type,
// stores it (new ref) in *meth and returns null; else returns the attribute.
Ref<Object> load_method(Object* owner, Str* name, Object** meth);
Ref<Object> fast_binary_op(Object* left, Object* right, uint32_t oparg);
Ref<Object> fast_subscript(Object* container, Object* key);
Ref<Object> fast_iter_next(Object* it);
Ref<Object> build_set(Object* const* items, size_t n);
bool list_extend_for_unpack(List* list, Object* iterable);
bool dict_update_for_display(Dict* d, Object* mapping);
bool dict_merge_for_call(Dict* d, Object* mapping, Object* callable);
// "module.qualname()" as CPython names a callable in argument errors.
std::string callable_desc(Object* callable);
Ref<Object> format_value(Object* v, int conversion, Object* spec);
// Unpacks into out[0..n) in stack order (the first item ends on top).
bool unpack_sequence(Object* seq, uint32_t n, Object** out);
bool unpack_ex(Object* seq, int before, int after, Object** out);
bool exception_matches_handler(Object* exc, Object* type, int* match);
bool exception_group_match(Object* eg, Object* type, Object** match, Object** rest);
Ref<Object> prep_reraise_star(Object* orig, Object* excs);
bool before_with(Object* mgr, Ref<Object>* exit_fn, Ref<Object>* enter_result);
Ref<Object> call_exit_with_exception(Object* exit_fn, Object* exc);
bool print_expr(Object* v);

// ---- eval breaker (ops.cpp; the bits are in vm/gil.h) ---------------------------
// One relaxed load and a branch: on x86 exactly the plain load of before.
extern std::atomic<int> g_eval_breaker;
inline bool eval_breaker_set() { return g_eval_breaker.load(std::memory_order_relaxed) != 0; }
bool handle_eval_breaker(ThreadState* ts);

// ---- imports (import.cpp) ----------------------------------------------------------
Ref<Object> import_name(Frame* f, Str* name, Object* fromlist, Object* level);
Ref<Object> import_from(Object* module, Str* name);
bool import_star(Frame* f, Object* module);

// ---- generators and coroutines (generator.cpp) --------------------------------------
enum class SendResult { Yield, Return, Error };
// Moves the running frame `f` into a new generator/coroutine object.
Ref<Object> make_generator(ThreadState* ts, Frame* f);
Ref<Object> get_yield_from_iter(Code* code, Object* iterable);
SendResult send_to(Object* receiver, Object* value, Ref<Object>* out);
Ref<Object> get_awaitable(Object* obj, uint32_t where);
Ref<Object> get_aiter(Object* obj);
Ref<Object> get_anext(Object* aiter);
bool before_async_with(Object* mgr, Ref<Object>* exit_fn, Ref<Object>* enter_awaitable);
Ref<Object> async_gen_wrap(Object* v);

// Resuming a generator INLINE: FOR_ITER, CALL of gen.send and SEND (and a
// throw into a frame suspended in `yield from`) push the generator's frame
// on the frame chain of the running loop instead of starting a nested
// run_frame, so a chain of 10,000 nested `yield from`s costs no C++ stack.
// Their hot path (checks, push, plain yield) is inline in vm/generator.h.
//
// Makes the receiver's frame the innermost frame above `delegator`: pushes
// `value` (borrowed) as the result of its yield, or with `throwing` leaves
// the pending exception to be raised there; `closing` marks a close of the
// chain (Frame::closing).  Returns the frame, or null with an error set.
Frame* gen_enter_inline(ThreadState* ts, Object* receiver, Object* value, Frame* delegator,
                        bool throwing, bool closing);
// How an inline generator frame hands control back to its delegator.
enum class InlineExit {
  Yielded,    // push the value; the delegator's YIELD_VALUE 1 passes it up
  Returned,   // the `yield from` is over: its value replaces the receiver
  Raised,     // the exception propagates out of the subgenerator into the delegator
  RaiseHere,  // raise the pending exception at the delegator's own yield (close)
};
// The generator's bookkeeping when inline frame `gf` leaves (it yielded,
// returned `*value`, or raised): gi_running, the handled-exception swap,
// freeing a finished frame, PEP 479.  Returns what the delegator must do.
InlineExit gen_leave_inline(ThreadState* ts, Frame* gf, InlineExit how, Ref<Object>* value);
// gen.throw()/close() resuming frame `f` (f->throwing was set): decides
// where the pending exception goes (PEP 380).
enum class ThrowStep {
  RaiseHere,  // raise it at f's yield (f unchanged)
  Continue,   // f was adjusted (a value to re-yield, or the yield from ended): dispatch
  RunSub,     // *sub is the subgenerator frame to run next (throwing)
};
ThrowStep gen_throw_step(ThreadState* ts, Frame* f, Frame** sub);

}  // namespace coil::vm
