// codeunit.h — what the compiler produces: a code object without objects.
//
// The compiler knows nothing of the runtime, so it describes each code
// object as plain C++ data (constants as tagged values, names as strings).
// vm/code.cpp turns a CodeUnit into a runtime code object, materialising
// the constants (ints through the big-int parser, strs interned when they
// look like identifiers) — and keeps a pointer to the CodeUnit, which the
// disassembler and the traceback printer read.
//
// LOCALS LAYOUT ("localsplus", as CPython 3.11): a frame's fast locals are
//   [ varnames ... | cellvars not also arguments ... | freevars ... ]
// varnames start with the parameters (positional, keyword-only, *args,
// **kwargs in that order).  A parameter that is captured by an inner
// function is a cell: it appears in varnames AND its slot holds a cell
// (cell_index_of_arg lists those).  LOAD_DEREF/STORE_DEREF/LOAD_CLOSURE
// take a localsplus index.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "vm/opcodes.h"

namespace coil::compiler {

struct CodeUnit;

struct Constant {
  enum class Kind : uint8_t { None, True, False, Ellipsis, Int, Float, Imag, Str, Bytes, Tuple, FrozenSet, Code };
  Kind kind = Kind::None;
  std::string text;                 // Int: literal text for int(text, 0) (may start with '-'); Str: UTF-8; Bytes
  double number = 0;                // Float, Imag
  std::vector<Constant> items;      // Tuple, FrozenSet
  std::shared_ptr<CodeUnit> code;   // Code
  bool operator==(const Constant& o) const;   // same kind and value (for sharing equal constants)
};

struct Position {   // source span of one instruction (0 line: none)
  int line = 0, col = 0, end_line = 0, end_col = 0;
};

struct ExceptionTableEntry {
  uint32_t start = 0, end = 0;   // protected instructions [start, end)
  uint32_t target = 0;           // handler
  uint32_t depth = 0;            // value-stack depth to unwind to
  bool lasti = false;            // push the failing instruction's index too
};

struct CodeUnit {
  std::string name;          // co_name: "f", "<module>", "<lambda>", "<listcomp>"
  std::string qualname;      // co_qualname: "C.f.<locals>.g"
  std::string filename;
  int firstlineno = 1;
  int argcount = 0;          // positional parameters incl. positional-only
  int posonlyargcount = 0;
  int kwonlyargcount = 0;
  uint32_t flags = 0;        // vm::CodeFlags
  int stacksize = 0;         // maximum value-stack depth (from stack effects)

  std::vector<vm::Instr> code;
  std::vector<Position> positions;   // one per instruction
  std::vector<ExceptionTableEntry> exception_table;  // innermost first for overlapping ranges
  std::vector<Constant> consts;      // co_consts; a docstring is consts[0] of a function
  bool has_docstring = false;
  std::vector<std::string> names;    // co_names: globals, attributes, imports
  std::vector<std::string> varnames; // parameters first, then other locals
  std::vector<std::string> cellvars; // cells that are not parameters
  std::vector<std::string> freevars; // cells received through __closure__
  // For each entry of `cell_args`: a parameter index that lives in a cell.
  std::vector<int> cell_args;

  int nlocalsplus() const {
    return static_cast<int>(varnames.size() + cellvars.size() + freevars.size());
  }
};

}  // namespace coil::compiler
