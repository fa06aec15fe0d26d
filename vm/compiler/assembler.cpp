// assembler.cpp — from basic blocks to a finished CodeUnit.
//
// The code generator hands over a list of basic blocks in layout order.
// Control flow between them is explicit: a block ends with a jump, a
// return/raise, or falls through into the next block of the layout.  The
// assembler makes six passes, as CPython 3.11's assemble() does:
//
//  1. EXCEPTION TARGETS (mark_reachable + label_exception_targets).  Walk
//     the control-flow graph from the entry, carrying a stack of the
//     handlers opened by SETUP_* and closed by POP_BLOCK.  Every real
//     instruction records the innermost handler active where it runs.  The
//     stack travels along the edges of the graph, not down the page: after
//     `break` in a try body (POP_BLOCK; ...; JUMP) the code that follows on
//     the page is still inside the try, and it is reached from elsewhere
//     with the right stack.  Blocks the walk never reaches are dead code
//     (after return, break, ...) and are dropped.
//
//  2. STACK DEPTH.  A second walk gives every block its entry depth: the
//     depth at the end of a predecessor plus the instruction's effect
//     along that edge (vm::stack_effect(op, arg, jump)).  A SETUP_* edge
//     enters its handler with the protected depth plus what the unwinder
//     pushes: the exception (1), and for SETUP_CLEANUP/SETUP_WITH the
//     lasti below it (2; SETUP_WITH is emitted one item higher, above
//     __enter__'s result, which unwinding discards).  The maximum depth
//     seen is co_stacksize.  Two paths reaching a block with different
//     depths would be a compiler bug and are reported as one.
//
//  3. LINE NUMBERS.  Artificial instructions (line 0) take the position of
//     the instruction before them in their block; a block's first
//     instruction inherits from its only predecessor.
//
//  4. LAYOUT.  Pseudo-instructions are removed, jumps to the very next
//     instruction are dropped, block offsets are fixed, and jumps get
//     absolute targets; JUMP becomes JUMP_FORWARD or JUMP_BACKWARD.
//
//  5. EXCEPTION TABLE.  Consecutive instructions with the same handler form
//     one entry [start, end) -> handler, with the depth to unwind to: the
//     handler's entry depth minus what the unwinder pushes.
//
//  6. CONSTANTS.  Constants only dead code used are removed (consts[0] is
//     always kept: it may be the docstring).
#include <algorithm>
#include <string>
#include <unordered_map>

#include "vm/compiler/ir.h"

namespace coil::compiler {

namespace {

using vm::Opcode;

bool is_pseudo(int op) { return op >= 256; }

bool unconditional_exit(int op) {
  if (op == kJump) return true;
  if (is_pseudo(op)) return false;
  return vm::opcode_is_terminal(static_cast<Opcode>(op));
}

bool falls_through(const BasicBlock* b) { return b->instrs.empty() || !unconditional_exit(b->instrs.back().op); }

struct Assembler {
  const std::vector<BasicBlock*>& layout;
  CodeUnit* out;
  Diagnostic* err;
  std::vector<BasicBlock*> live;   // reachable blocks in layout order
  std::unordered_map<BasicBlock*, size_t> layout_index;
  int maxdepth = 0;

  bool fail(const std::string& msg) {
    if (err) {
      err->type = "SystemError";
      err->msg = "internal compiler error in " + out->qualname + ": " + msg;
    }
    return false;
  }

  BasicBlock* next_of(size_t i) const { return i + 1 < layout.size() ? layout[i + 1] : nullptr; }

  // ---- pass 1 ---------------------------------------------------------------
  bool label_exception_targets() {
    std::vector<std::pair<BasicBlock*, size_t>> todo;
    auto index_of = [&](BasicBlock* b) {
      auto it = layout_index.find(b);
      return it == layout_index.end() ? layout.size() : it->second;
    };
    auto visit = [&](BasicBlock* b, const std::vector<BasicBlock*>& stack) {
      if (b->reachable) return;
      b->reachable = true;
      b->except_stack = stack;
      todo.push_back({b, index_of(b)});
    };
    visit(layout[0], {});
    while (!todo.empty()) {
      auto [b, idx] = todo.back();
      todo.pop_back();
      if (idx >= layout.size()) return fail("jump to a block that was never placed");
      std::vector<BasicBlock*> stack = b->except_stack;
      for (IRInstr& in : b->instrs) {
        if (is_setup(in.op)) {
          in.target->preserve_lasti = in.op != kSetupFinally;
          visit(in.target, stack);
          stack.push_back(in.target);
        } else if (in.op == kPopBlock) {
          if (stack.empty()) return fail("POP_BLOCK without SETUP");
          stack.pop_back();
        } else {
          in.handler = stack.empty() ? nullptr : stack.back();
          if (in.target) visit(in.target, stack);
        }
      }
      if (falls_through(b)) {
        BasicBlock* next = next_of(idx);
        if (!next) return fail("control falls off the end of the code");
        visit(next, stack);
      }
    }
    for (BasicBlock* b : layout)
      if (b->reachable) live.push_back(b);
    return true;
  }

  // ---- pass 2 ---------------------------------------------------------------
  bool compute_stack_depth() {
    std::vector<BasicBlock*> todo;
    bool ok = true;
    auto push = [&](BasicBlock* b, int depth) {
      if (depth < 0) ok = fail("negative stack depth");
      if (b->start_depth < 0) {
        b->start_depth = depth;
        maxdepth = std::max(maxdepth, depth);
        todo.push_back(b);
      } else if (b->start_depth != depth) {
        ok = fail("inconsistent stack depth (" + std::to_string(b->start_depth) + " vs " +
                  std::to_string(depth) + ")");
      }
    };
    push(layout[0], 0);
    while (!todo.empty() && ok) {
      BasicBlock* b = todo.back();
      todo.pop_back();
      int depth = b->start_depth;
      for (const IRInstr& in : b->instrs) {
        if (is_setup(in.op)) {
          push(in.target, depth + (in.op == kSetupCleanup ? 2 : 1));
          continue;
        }
        if (in.op == kPopBlock || in.op == kJump) {
          if (in.op == kJump) push(in.target, depth);
          continue;
        }
        auto op = static_cast<Opcode>(in.op);
        if (in.target) push(in.target, depth + vm::stack_effect(op, in.arg, true));
        depth += vm::stack_effect(op, in.arg, false);
        if (depth < 0) return fail("negative stack depth at " + std::string(vm::opcode_name(op)));
        maxdepth = std::max(maxdepth, depth);
      }
      if (falls_through(b)) {
        if (BasicBlock* next = next_of(layout_index.at(b))) push(next, depth);
      }
    }
    return ok;
  }

  // ---- pass 3 ---------------------------------------------------------------
  void strip_pseudo_instructions() {
    for (BasicBlock* b : live) {
      std::vector<IRInstr> kept;
      for (const IRInstr& in : b->instrs)
        if (!is_setup(in.op) && in.op != kPopBlock) kept.push_back(in);
      b->instrs = std::move(kept);
    }
  }

  BasicBlock* live_next(size_t i) const { return i + 1 < live.size() ? live[i + 1] : nullptr; }

  void propagate_line_numbers() {
    for (size_t i = 0; i < live.size(); ++i) {
      BasicBlock* b = live[i];
      if (falls_through(b))
        if (BasicBlock* n = live_next(i)) n->predecessors++;
      for (const IRInstr& in : b->instrs)
        if (in.target && !is_setup(in.op)) in.target->predecessors++;
    }
    for (size_t i = 0; i < live.size(); ++i) {
      BasicBlock* b = live[i];
      if (b->instrs.empty()) continue;
      Position prev;
      for (IRInstr& in : b->instrs) {
        if (in.pos.line == 0) in.pos = prev;
        else prev = in.pos;
      }
      auto inherit = [&](BasicBlock* t) {
        if (t && t->predecessors == 1 && !t->instrs.empty() && t->instrs[0].pos.line == 0) t->instrs[0].pos = prev;
      };
      if (falls_through(b)) inherit(live_next(i));
      const IRInstr& last = b->instrs.back();
      if (last.target) inherit(last.target);
    }
  }

  // ---- pass 4 ---------------------------------------------------------------
  // Block offsets; an empty block starts where the next instruction is.
  void compute_offsets() {
    int off = 0;
    for (BasicBlock* b : live) {
      b->offset = off;
      off += static_cast<int>(b->instrs.size());
    }
  }

  void remove_redundant_jumps() {
    bool changed = true;
    while (changed) {
      changed = false;
      compute_offsets();
      for (BasicBlock* b : live) {
        if (b->instrs.empty()) continue;
        const IRInstr& last = b->instrs.back();
        if (last.op == kJump && last.target->offset == b->offset + static_cast<int>(b->instrs.size())) {
          b->instrs.pop_back();
          changed = true;
        }
      }
    }
  }

  bool emit_code() {
    compute_offsets();
    uint32_t nvar = static_cast<uint32_t>(out->varnames.size());
    uint32_t ncell = static_cast<uint32_t>(out->cellvars.size());
    out->code.clear();
    out->positions.clear();
    out->exception_table.clear();
    for (BasicBlock* b : live) {
      for (const IRInstr& in : b->instrs) {
        uint32_t index = static_cast<uint32_t>(out->code.size());
        Opcode op;
        uint32_t arg = in.arg;
        if (in.op == kJump) {
          op = in.target->offset > static_cast<int>(index) ? Opcode::JUMP_FORWARD : Opcode::JUMP_BACKWARD;
        } else {
          op = static_cast<Opcode>(in.op);
        }
        if (in.target) arg = static_cast<uint32_t>(in.target->offset);
        if (in.argkind == ArgKind::Cell) arg += nvar;
        if (in.argkind == ArgKind::Free) arg += nvar + ncell;
        if (arg > vm::kMaxOparg) return fail("argument too large");
        out->code.push_back(vm::make_instr(op, arg));
        out->positions.push_back(in.pos);
        add_exception_entry(index, in.handler);
      }
    }
    return true;
  }

  // ---- pass 5 ---------------------------------------------------------------
  void add_exception_entry(uint32_t index, BasicBlock* handler) {
    if (!handler) return;
    uint32_t target = static_cast<uint32_t>(handler->offset);
    uint32_t depth = static_cast<uint32_t>(handler->start_depth - 1 - (handler->preserve_lasti ? 1 : 0));
    auto& table = out->exception_table;
    if (!table.empty()) {
      ExceptionTableEntry& last = table.back();
      if (last.end == index && last.target == target && last.depth == depth && last.lasti == handler->preserve_lasti) {
        last.end = index + 1;
        return;
      }
    }
    table.push_back(ExceptionTableEntry{index, index + 1, target, depth, handler->preserve_lasti});
  }

  // ---- pass 6 ---------------------------------------------------------------
  void remove_unused_consts() {
    size_t n = out->consts.size();
    if (n == 0) return;
    std::vector<bool> used(n, false);
    used[0] = true;
    for (vm::Instr i : out->code) {
      Opcode op = vm::instr_op(i);
      if (op == Opcode::LOAD_CONST || op == Opcode::KW_NAMES) used[vm::instr_arg(i)] = true;
    }
    std::vector<uint32_t> remap(n, 0);
    std::vector<Constant> kept;
    for (size_t k = 0; k < n; ++k) {
      if (!used[k]) continue;
      remap[k] = static_cast<uint32_t>(kept.size());
      kept.push_back(std::move(out->consts[k]));
    }
    if (kept.size() == n) {
      out->consts = std::move(kept);
      return;
    }
    out->consts = std::move(kept);
    for (vm::Instr& i : out->code) {
      Opcode op = vm::instr_op(i);
      if (op == Opcode::LOAD_CONST || op == Opcode::KW_NAMES) i = vm::make_instr(op, remap[vm::instr_arg(i)]);
    }
  }

  bool run() {
    if (layout.empty()) return fail("no code");
    for (size_t i = 0; i < layout.size(); ++i) layout_index[layout[i]] = i;
    for (BasicBlock* b : layout) {
      b->reachable = false;
      b->start_depth = -1;
      b->predecessors = 0;
    }
    if (!label_exception_targets()) return false;
    if (!compute_stack_depth()) return false;
    strip_pseudo_instructions();
    propagate_line_numbers();
    remove_redundant_jumps();
    if (!emit_code()) return false;
    remove_unused_consts();
    out->stacksize = maxdepth;
    return true;
  }
};

}  // namespace

bool assemble(const std::vector<BasicBlock*>& layout, CodeUnit* out, Diagnostic* err) {
  Assembler a{layout, out, err};
  return a.run();
}

}  // namespace coil::compiler
