// _io.cpp — the `_io` module: the native file types of stdlib/native/fileio.cpp
// under their CPython names, for stdlib/lib/io.py to re-export.
//
// open() and the five file types live in fileio.cpp because the builtins
// and sys.stdout need them at start-up; this module only names them.  The
// in-memory streams (StringIO, BytesIO) are written in Python in io.py.
#include "runtime/int.h"
#include "runtime/module.h"
#include "runtime/type.h"
#include "stdlib/native/fileio.h"
#include "stdlib/native/modules.h"

namespace coil::runtime {

namespace {

const MethodDef io_functions[] = {
    {"open", builtin_open, MethodKind::Instance, "Open file and return a stream."},
    {nullptr},
};

}  // namespace

Ref<Object> make_io_module() {
  if (!init_fileio_types()) return nullptr;
  TypeObject* unsupported = unsupported_operation_type();
  if (!unsupported) return nullptr;
  Ref<Object> m = module_new_builtin("_io");
  if (!m || !module_add_functions(m.get(), io_functions)) return nullptr;
  Ref<Object> bufsize = int_from_i64(8192);
  if (!bufsize) return nullptr;
  return module_add_object(m.get(), "FileIO", &FileIOType) &&
                 module_add_object(m.get(), "BufferedReader", &BufferedReaderType) &&
                 module_add_object(m.get(), "BufferedWriter", &BufferedWriterType) &&
                 module_add_object(m.get(), "BufferedRandom", &BufferedRandomType) &&
                 module_add_object(m.get(), "TextIOWrapper", &TextIOWrapperType) &&
                 module_add_object(m.get(), "UnsupportedOperation", unsupported) &&
                 module_add_object(m.get(), "DEFAULT_BUFFER_SIZE", bufsize.get())
             ? m
             : nullptr;
}

}  // namespace coil::runtime
