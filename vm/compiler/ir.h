// ir.h — the compiler's intermediate form: basic blocks of instructions
// with symbolic jump targets (private to vm/compiler).
//
// Code generation (compiler.cpp) appends instructions to the current basic
// block; a jump names its target block, never an index.  Besides the real
// opcodes of vm/opcodes.h it emits five PSEUDO-INSTRUCTIONS, as CPython
// 3.11 does, which only the assembler (assembler.cpp) sees:
//
//   SETUP_FINALLY L   from here on, an exception jumps to L with the
//                     exception pushed (try/except bodies, finally bodies)
//   SETUP_CLEANUP L   the same, but the offset of the failing instruction
//                     (lasti) is pushed below the exception
//   SETUP_WITH L      as SETUP_CLEANUP, for the body of a with: the
//                     handler's stack also drops __enter__'s result
//   POP_BLOCK         ends the innermost SETUP_* region
//   JUMP L            an unconditional jump; the assembler turns it into
//                     JUMP_FORWARD or JUMP_BACKWARD once it knows which way
//
// The assembler turns SETUP/POP_BLOCK into exception-table ranges and
// removes them; they never reach the VM.
#pragma once

#include <memory>
#include <vector>

#include "lexer/diagnostic.h"
#include "vm/compiler/codeunit.h"
#include "vm/opcodes.h"

namespace coil::compiler {

enum PseudoOp : int {
  kSetupFinally = 256,
  kSetupCleanup,
  kSetupWith,
  kPopBlock,
  kJump,
};

inline bool is_setup(int op) { return op == kSetupFinally || op == kSetupCleanup || op == kSetupWith; }

// How a LOAD_DEREF-family argument must be fixed up once the number of
// varnames is final (localsplus = varnames | cellvars | freevars).
enum class ArgKind : uint8_t {
  Plain,  // arg is final
  Cell,   // arg indexes cellvars: add len(varnames)
  Free,   // arg indexes freevars: add len(varnames) + len(cellvars)
};

struct BasicBlock;

struct IRInstr {
  int op = 0;                      // a vm::Opcode value or a PseudoOp
  uint32_t arg = 0;
  BasicBlock* target = nullptr;    // jumps and SETUP_*: where to go
  Position pos;                    // line 0: artificial, filled in later
  ArgKind argkind = ArgKind::Plain;
  BasicBlock* handler = nullptr;   // assembler: innermost exception handler
};

struct BasicBlock {
  std::vector<IRInstr> instrs;
  bool used = false;        // placed in the layout (compiler_use_next_block)
  bool dead_start = false;  // opened right after an unconditional exit
  // ---- assembler scratch ----
  bool reachable = false;
  std::vector<BasicBlock*> except_stack;  // SETUP targets active on entry
  bool preserve_lasti = false;            // a SETUP_CLEANUP/WITH handler
  int start_depth = -1;                   // value-stack depth on entry
  int predecessors = 0;
  int offset = 0;                         // index of its first instruction
};

// Turns the blocks (in layout order; layout[0] is the entry) into
// out->code, positions, exception_table, stacksize, and drops unused
// constants.  Returns false with *err set if an internal check fails.
bool assemble(const std::vector<BasicBlock*>& layout, CodeUnit* out, Diagnostic* err);

}  // namespace coil::compiler
