// code.h — the runtime code object.
//
// The compiler produces a CodeUnit (plain C++ data, vm/compiler/codeunit.h);
// code_from_unit() materialises its constants and names as Python objects
// once, so the eval loop indexes ready-made objects.  The Code keeps its
// CodeUnit for the disassembler, the line table and tracebacks.
#pragma once

#include <memory>
#include <vector>

#include "runtime/object.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"
#include "vm/compiler/codeunit.h"

namespace coil::vm {

using runtime::Object;
using runtime::Ref;

// A per-instruction cache for LOAD_GLOBAL / LOAD_ATTR / LOAD_METHOD
// (keyed by dict versions or a type's version tag).
struct InlineCache {
  uint64_t key1 = 0;     // globals version / type version
  uint64_t key2 = 0;     // builtins version
  Object* value = nullptr;  // borrowed: valid while the keys match
};

struct Code : Object {
  std::shared_ptr<compiler::CodeUnit> unit;
  const Instr* instrs = nullptr;       // unit->code.data()
  size_t ninstrs = 0;
  Ref<runtime::Tuple> consts;          // co_consts as objects
  Ref<runtime::Tuple> names;           // co_names as interned strs
  Ref<runtime::Tuple> localsplus_names;  // varnames + cellvars + freevars
  Ref<Object> name, qualname, filename;  // strs
  int nlocalsplus = 0;
  int nlocals = 0;        // len(varnames)
  int ncells = 0;         // len(cellvars)
  int nfrees = 0;         // len(freevars)
  int stacksize = 0;
  uint32_t flags = 0;
  // True when a call can bind arguments by copying them: only positional
  // parameters, no *args/**kwargs, no cells or free variables.
  bool simple_args = false;
  bool has_cells = false;   // any cell_args, cellvars or freevars to set up
  std::vector<InlineCache> caches;     // one per instruction (lazy use)
  Object* weakreflist = nullptr;       // weak references to it (runtime/weakref.h)
};

extern runtime::TypeObject CodeType;

// Builds the runtime code object (recursively for nested code constants).
Ref<Code> code_from_unit(std::shared_ptr<compiler::CodeUnit> unit);
// The source line of instruction `index` (0 when unknown).
int code_line_of(const Code* code, int index);

void init_code_type();

}  // namespace coil::vm
