// opcodes.cpp — the tables generated from COIL_OPCODES.
#include "vm/opcodes.h"

namespace coil::vm {

namespace {
constexpr std::string_view kNames[] = {
#define COIL_OPCODE_NAME(name, has_arg, pops, pushes, doc) #name,
    COIL_OPCODES(COIL_OPCODE_NAME)
#undef COIL_OPCODE_NAME
};
constexpr bool kHasArg[] = {
#define COIL_OPCODE_HAS_ARG(name, has_arg, pops, pushes, doc) has_arg != 0,
    COIL_OPCODES(COIL_OPCODE_HAS_ARG)
#undef COIL_OPCODE_HAS_ARG
};
}  // namespace

std::string_view opcode_name(Opcode op) {
  int i = static_cast<int>(op);
  return i < kNumOpcodes ? kNames[i] : std::string_view("<unknown>");
}

bool opcode_has_arg(Opcode op) {
  int i = static_cast<int>(op);
  return i < kNumOpcodes && kHasArg[i];
}

int stack_effect(Opcode op, uint32_t oparg_u, bool jump) {
  [[maybe_unused]] int oparg = static_cast<int>(oparg_u);
  switch (op) {
#define COIL_OPCODE_EFFECT(name, has_arg, pops, pushes, doc) \
  case Opcode::name: return static_cast<int>(pushes) - static_cast<int>(pops);
    COIL_OPCODES(COIL_OPCODE_EFFECT)
#undef COIL_OPCODE_EFFECT
    default: return 0;
  }
}

bool opcode_is_jump(Opcode op) {
  switch (op) {
    case Opcode::JUMP_FORWARD: case Opcode::JUMP_BACKWARD:
    case Opcode::POP_JUMP_IF_FALSE: case Opcode::POP_JUMP_IF_TRUE:
    case Opcode::POP_JUMP_IF_NONE: case Opcode::POP_JUMP_IF_NOT_NONE:
    case Opcode::JUMP_IF_FALSE_OR_POP: case Opcode::JUMP_IF_TRUE_OR_POP:
    case Opcode::FOR_ITER: case Opcode::SEND:
      return true;
    default:
      return false;
  }
}

bool opcode_is_terminal(Opcode op) {
  switch (op) {
    case Opcode::JUMP_FORWARD: case Opcode::JUMP_BACKWARD:
    case Opcode::RETURN_VALUE: case Opcode::RAISE_VARARGS: case Opcode::RERAISE:
      return true;
    default:
      return false;
  }
}

}  // namespace coil::vm
