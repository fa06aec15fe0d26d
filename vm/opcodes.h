// opcodes.h — every bytecode instruction, declared once.
//
// COIL_OPCODES below is the single source of truth (DESIGN decision 12):
// the Opcode enum, the name table, the stack-effect function used to
// compute co_stacksize, the disassembler and the eval loop's dispatch
// table are all generated from it.
//
// ENCODING.  An instruction is one 32-bit word: the opcode in the low 8
// bits and the argument ("oparg") in the high 24 bits, so no EXTENDED_ARG
// is needed.  Jump arguments are absolute instruction indices.
//
// NOTATION.  Each entry is
//     X(NAME, HAS_ARG, POPS, PUSHES, "(inputs -- outputs) meaning")
// POPS and PUSHES are expressions over `oparg` and `jump` (true when the
// effect is measured along the branch taken), so the stack depth after an
// instruction is depth - POPS + PUSHES.  In the comment the top of the
// stack is at the right, as in CPython's bytecodes.c.
//
// CALLING CONVENTION (as CPython 3.11).  A call site leaves
//     [callable_or_null, self_or_callable, arg1 ... argN]
// on the stack and runs CALL N.  `PUSH_NULL; <func>` is the plain form;
// LOAD_METHOD pushes [method, self] when it found an unbound method (so no
// bound-method object is allocated), or [NULL, attribute] otherwise.  A
// preceding KW_NAMES i names the last len(consts[i]) arguments.
//
// EXCEPTIONS.  There are no SETUP_* instructions at run time.  The compiler
// records protected ranges in the code's exception table (CPython 3.11's
// design): when an instruction fails, the unwinder finds the innermost
// entry covering it, pops the value stack down to the entry's depth, pushes
// the offset of the failing instruction if the entry says `lasti`, pushes
// the exception, and jumps to the handler.
#pragma once

#include <cstdint>
#include <string_view>

namespace coil::vm {

#define COIL_OPCODES(X)                                                                 \
  /* ---- stack ---- */                                                                 \
  X(NOP, 0, 0, 0, "( -- ) does nothing")                                                \
  X(POP_TOP, 0, 1, 0, "(v -- ) discards the top of the stack")                           \
  X(PUSH_NULL, 0, 0, 1, "( -- null) pushes the NULL marker of the calling convention")  \
  X(COPY, 1, oparg, oparg + 1, "(a ... -- a ... a) pushes a copy of the oparg-th item") \
  X(SWAP, 1, oparg, oparg, "(a ... b -- b ... a) swaps top with the oparg-th item")     \
  /* ---- constants and variables ---- */                                               \
  X(LOAD_CONST, 1, 0, 1, "( -- consts[oparg])")                                          \
  X(LOAD_FAST, 1, 0, 1, "( -- locals[oparg]) UnboundLocalError if unset")                \
  X(STORE_FAST, 1, 1, 0, "(v -- ) locals[oparg] = v")                                    \
  X(DELETE_FAST, 1, 0, 0, "( -- ) del locals[oparg]")                                    \
  X(LOAD_DEREF, 1, 0, 1, "( -- cell.contents) cell or free variable localsplus[oparg]")  \
  X(STORE_DEREF, 1, 1, 0, "(v -- ) cell.contents = v")                                   \
  X(DELETE_DEREF, 1, 0, 0, "( -- ) empties the cell")                                    \
  X(LOAD_CLOSURE, 1, 0, 1, "( -- cell) the cell object itself, for MAKE_FUNCTION")       \
  X(LOAD_CLASSDEREF, 1, 0, 1, "( -- v) class body: locals dict first, then the cell")    \
  X(LOAD_NAME, 1, 0, 1, "( -- v) locals, then globals, then builtins: names[oparg]")     \
  X(STORE_NAME, 1, 1, 0, "(v -- ) locals[names[oparg]] = v")                             \
  X(DELETE_NAME, 1, 0, 0, "( -- ) del locals[names[oparg]]")                             \
  X(LOAD_GLOBAL, 1, 0, 1, "( -- v) globals, then builtins: names[oparg]")                \
  X(STORE_GLOBAL, 1, 1, 0, "(v -- ) globals[names[oparg]] = v")                          \
  X(DELETE_GLOBAL, 1, 0, 0, "( -- ) del globals[names[oparg]]")                          \
  X(LOAD_ATTR, 1, 1, 1, "(obj -- obj.names[oparg])")                                     \
  X(STORE_ATTR, 1, 2, 0, "(v obj -- ) obj.names[oparg] = v")                             \
  X(DELETE_ATTR, 1, 1, 0, "(obj -- ) del obj.names[oparg]")                              \
  X(LOAD_METHOD, 1, 1, 2, "(obj -- meth self | NULL attr) see CALLING CONVENTION")       \
  X(LOAD_ASSERTION_ERROR, 0, 0, 1, "( -- AssertionError)")                               \
  X(LOAD_BUILD_CLASS, 0, 0, 1, "( -- builtins.__build_class__)")                         \
  X(SETUP_ANNOTATIONS, 0, 0, 0, "( -- ) creates __annotations__ in locals if missing")   \
  /* ---- operators ---- */                                                             \
  X(UNARY_POSITIVE, 0, 1, 1, "(v -- +v)")                                                \
  X(UNARY_NEGATIVE, 0, 1, 1, "(v -- -v)")                                                \
  X(UNARY_NOT, 0, 1, 1, "(v -- not v)")                                                  \
  X(UNARY_INVERT, 0, 1, 1, "(v -- ~v)")                                                  \
  X(BINARY_OP, 1, 2, 1, "(a b -- a op b) oparg: runtime::BinaryOp, +13 for in-place")    \
  X(COMPARE_OP, 1, 2, 1, "(a b -- a cmp b) oparg: runtime::CompareOp")                   \
  X(IS_OP, 1, 2, 1, "(a b -- a is b) oparg 1: is not")                                   \
  X(CONTAINS_OP, 1, 2, 1, "(a b -- a in b) oparg 1: not in")                             \
  X(BINARY_SUBSCR, 0, 2, 1, "(container key -- container[key])")                        \
  X(STORE_SUBSCR, 0, 3, 0, "(v container key -- ) container[key] = v")                   \
  X(DELETE_SUBSCR, 0, 2, 0, "(container key -- ) del container[key]")                    \
  /* ---- building ---- */                                                              \
  X(BUILD_TUPLE, 1, oparg, 1, "(items[oparg] -- tuple)")                                 \
  X(BUILD_LIST, 1, oparg, 1, "(items[oparg] -- list)")                                   \
  X(BUILD_SET, 1, oparg, 1, "(items[oparg] -- set)")                                     \
  X(BUILD_MAP, 1, 2 * oparg, 1, "(k1 v1 ... -- dict)")                                   \
  X(BUILD_CONST_KEY_MAP, 1, oparg + 1, 1, "(values[oparg] keys_tuple -- dict)")          \
  X(BUILD_STRING, 1, oparg, 1, "(strs[oparg] -- str) concatenation, for f-strings")      \
  X(BUILD_SLICE, 1, oparg, 1, "(start stop [step] -- slice) oparg is 2 or 3")            \
  X(LIST_APPEND, 1, 1, 0, "(list ... v -- list ...) stack[-oparg-1].append(v)")          \
  X(SET_ADD, 1, 1, 0, "(set ... v -- set ...) stack[-oparg-1].add(v)")                   \
  X(MAP_ADD, 1, 2, 0, "(dict ... k v -- dict ...) stack[-oparg-2][k] = v")               \
  X(LIST_EXTEND, 1, 1, 0, "(list ... it -- list ...) stack[-oparg-1].extend(it)")        \
  X(SET_UPDATE, 1, 1, 0, "(set ... it -- set ...)")                                      \
  X(DICT_UPDATE, 1, 1, 0, "(dict ... m -- dict ...) for {**m}")                          \
  X(DICT_MERGE, 1, 1, 0, "(dict ... m -- dict ...) for f(**m): duplicate keys are errors") \
  X(LIST_TO_TUPLE, 0, 1, 1, "(list -- tuple)")                                           \
  X(FORMAT_VALUE, 1, (oparg & 4) ? 2 : 1, 1,                                             \
    "(v [spec] -- str) oparg&3: 0 none 1 str 2 repr 3 ascii; oparg&4: spec on stack")    \
  X(UNPACK_SEQUENCE, 1, 1, oparg, "(seq -- items[oparg]) first item ends on top")  \
  X(UNPACK_EX, 1, 1, (oparg & 0xFF) + (oparg >> 8) + 1,                                  \
    "(seq -- before list after) a, *b, c = seq; oparg = before | after << 8")            \
  /* ---- control flow ---- */                                                          \
  X(JUMP_FORWARD, 1, 0, 0, "( -- ) ip = oparg (a forward jump)")                         \
  X(JUMP_BACKWARD, 1, 0, 0, "( -- ) ip = oparg; checks the eval breaker")                \
  X(POP_JUMP_IF_FALSE, 1, 1, 0, "(v -- ) if not v: ip = oparg")                          \
  X(POP_JUMP_IF_TRUE, 1, 1, 0, "(v -- ) if v: ip = oparg")                               \
  X(POP_JUMP_IF_NONE, 1, 1, 0, "(v -- ) if v is None: ip = oparg")                       \
  X(POP_JUMP_IF_NOT_NONE, 1, 1, 0, "(v -- ) if v is not None: ip = oparg")               \
  X(JUMP_IF_FALSE_OR_POP, 1, jump ? 0 : 1, 0, "(v -- v | ) keeps v and jumps if false")  \
  X(JUMP_IF_TRUE_OR_POP, 1, jump ? 0 : 1, 0, "(v -- v | ) keeps v and jumps if true")    \
  X(GET_ITER, 0, 1, 1, "(iterable -- iter(iterable))")                                   \
  X(FOR_ITER, 1, jump ? 1 : 0, jump ? 0 : 1,                                             \
    "(it -- it next(it)) when exhausted pops it and jumps to oparg")                     \
  X(RETURN_VALUE, 0, 1, 0, "(v -- ) returns v to the caller")                            \
  /* ---- calls and functions ---- */                                                   \
  X(KW_NAMES, 1, 0, 0, "( -- ) the next CALL's keyword names are consts[oparg]")         \
  X(CALL, 1, oparg + 2, 1, "(callable_or_null self_or_callable args[oparg] -- result)")  \
  X(CALL_FUNCTION_EX, 1, (oparg & 1) ? 4 : 3, 1,                                         \
    "(null func args_tuple [kwargs_dict] -- result) f(*a, **k); oparg&1: kwargs present") \
  X(MAKE_FUNCTION, 1,                                                                     \
    1 + ((oparg & 1) != 0) + ((oparg & 2) != 0) + ((oparg & 4) != 0) + ((oparg & 8) != 0), \
    1,                                                                                    \
    "([defaults] [kwdefaults] [annotations] [closure] code -- function) oparg: 1 2 4 8 flags") \
  /* ---- exceptions ---- */                                                            \
  X(RAISE_VARARGS, 1, oparg, 0, "([exc [cause]] -- ) oparg 0: re-raise the handled one") \
  X(RERAISE, 1, 1, 0,                                                                   \
    "(exc -- ) re-raise; oparg > 0: first restore f_lasti from the item oparg below exc") \
  X(PUSH_EXC_INFO, 0, 1, 2, "(exc -- prev_handled exc) exc becomes the handled one")     \
  X(POP_EXCEPT, 0, 1, 0, "(prev_handled -- ) restores the handled exception")            \
  X(CHECK_EXC_MATCH, 0, 2, 2, "(exc type -- exc bool) isinstance(exc, type)")            \
  X(CHECK_EG_MATCH, 0, 2, 2, "(eg type -- rest match) except* split")                    \
  X(PREP_RERAISE_STAR, 0, 2, 1, "(orig list -- exc_or_none) what except* re-raises")     \
  X(BEFORE_WITH, 0, 1, 2, "(mgr -- exit enter_result) looks up __exit__, calls __enter__") \
  X(WITH_EXCEPT_START, 0, 4, 5,                                                           \
    "(exit lasti prev exc -- exit lasti prev exc res) res = exit(type, exc, tb)")        \
  /* ---- modules ---- */                                                               \
  X(IMPORT_NAME, 1, 2, 1, "(level fromlist -- module) __import__(names[oparg], ...)")    \
  X(IMPORT_FROM, 1, 0, 1, "(module -- module attr) from module import names[oparg]")     \
  X(IMPORT_STAR, 0, 1, 0, "(module -- ) from module import *")                           \
  /* ---- generators and coroutines ---- */                                             \
  X(RETURN_GENERATOR, 0, 0, 1,                                                          \
    "( -- sent) first instruction of a generator: returns the new generator at once; "    \
    "when first resumed, the sent value (None) is on the stack (the next POP_TOP drops it)") \
  X(YIELD_VALUE, 1, 1, 1, "(v -- sent) suspends the frame, yielding v; oparg 1: inside yield from/await")                  \
  X(GET_YIELD_FROM_ITER, 0, 1, 1, "(iterable -- iter) for yield from")                   \
  X(SEND, 1, jump ? 2 : 2, jump ? 1 : 2,                                                  \
    "(subiter v -- subiter yielded | result) delegates one step; jumps to oparg when done") \
  X(GET_AWAITABLE, 1, 1, 1, "(obj -- iter) the iterator behind `await obj`")             \
  X(GET_AITER, 0, 1, 1, "(obj -- obj.__aiter__())")                                      \
  X(GET_ANEXT, 0, 1, 2, "(aiter -- aiter awaitable)")                                    \
  X(END_ASYNC_FOR, 0, 2, 0, "(aiter exc -- ) ends async for on StopAsyncIteration")      \
  X(BEFORE_ASYNC_WITH, 0, 1, 2, "(mgr -- aexit aenter_awaitable)")                       \
  X(ASYNC_GEN_WRAP, 0, 1, 1, "(v -- wrapped) marks a value yielded by an async generator") \
  /* ---- interactive ---- */                                                           \
  X(PRINT_EXPR, 0, 1, 0, "(v -- ) REPL: prints repr(v) through sys.displayhook")

enum class Opcode : uint8_t {
#define COIL_OPCODE_ENUM(name, has_arg, pops, pushes, doc) name,
  COIL_OPCODES(COIL_OPCODE_ENUM)
#undef COIL_OPCODE_ENUM
  kCount
};
constexpr int kNumOpcodes = static_cast<int>(Opcode::kCount);

using Instr = uint32_t;
constexpr Instr make_instr(Opcode op, uint32_t oparg = 0) {
  return static_cast<uint32_t>(op) | (oparg << 8);
}
constexpr Opcode instr_op(Instr i) { return static_cast<Opcode>(i & 0xFF); }
constexpr uint32_t instr_arg(Instr i) { return i >> 8; }
constexpr uint32_t kMaxOparg = (1u << 24) - 1;

std::string_view opcode_name(Opcode op);
bool opcode_has_arg(Opcode op);
// Net stack effect of `op` with `oparg`, along the jump when `jump`.
int stack_effect(Opcode op, uint32_t oparg, bool jump);
bool opcode_is_jump(Opcode op);       // its oparg is an instruction index
bool opcode_is_terminal(Opcode op);   // control never falls through

// Code flags (co_flags), CPython's values.
enum CodeFlags : uint32_t {
  CO_OPTIMIZED = 0x0001, CO_NEWLOCALS = 0x0002, CO_VARARGS = 0x0004,
  CO_VARKEYWORDS = 0x0008, CO_NESTED = 0x0010, CO_GENERATOR = 0x0020,
  CO_NOFREE = 0x0040, CO_COROUTINE = 0x0080, CO_ITERABLE_COROUTINE = 0x0100,
  CO_ASYNC_GENERATOR = 0x0200,
};

}  // namespace coil::vm
