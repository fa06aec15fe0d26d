// dismodule.cpp — `_dis`, the native half of the dis module.
//
// stdlib/lib/dis.py finds the code object of whatever it is given and asks
// this module to lay it out; the layout itself is the compiler's
// disassembler (vm/compiler/disassemble.cpp), the same one `coil -m dis`
// uses, so both always agree.
#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/singletons.h"
#include "runtime/str.h"
#include "vm/code.h"
#include "vm/compiler/compiler.h"
#include "vm/import.h"
#include "vm/opcodes.h"

namespace coil::vm {

using namespace coil::runtime;

static Ref<Object> dis_disassemble(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!check_no_kwargs("disassemble", kwnames) || !check_nargs("disassemble", nargs, 1, 2)) return nullptr;
  if (args[0]->type != &CodeType) return set_errorf(exc::TypeError, "disassemble() expects a code object, not %T", args[0]);
  bool recursive = true;
  if (nargs == 2) {
    int t = is_true(args[1]);
    if (t < 0) return nullptr;
    recursive = t != 0;
  }
  return str_from(compiler::disassemble(*static_cast<Code*>(args[0])->unit, recursive));
}

static const MethodDef dis_methods[] = {
    {"disassemble", dis_disassemble, MethodKind::Static},
    {nullptr, nullptr},
};

static Ref<Object> make_dis_module() {
  Ref<Object> m = module_new_builtin("_dis");
  if (!m || !module_add_functions(m.get(), dis_methods)) return nullptr;
  Ref<List> names = list_new();
  if (!names) return nullptr;
  for (int i = 0; i < kNumOpcodes; i++) {
    Ref<Object> n = str_from(opcode_name(static_cast<Opcode>(i)));
    if (!n || !list_append(names.get(), n.get())) return nullptr;
  }
  if (!module_add_object(m.get(), "opname", names.get())) return nullptr;
  return m;
}

void register_dis_module() { register_native_module("_dis", make_dis_module); }

}  // namespace coil::vm
