// cli_tools.h — the parts of the command line that need the VM:
// sys.path set-up and the built-in `-m` tools (ast, dis).
#pragma once

#include <string>

namespace coil::vm {

// sys.path = [directory of `script` (or '' for -c), coil's stdlib dir].
void set_script_dir(const std::string& script);
// `coil -m NAME`: the built-in tools `ast` and `dis`, else the module NAME
// found on sys.path run as __main__.  Returns the exit status.
int run_module_tool(const std::string& name, int argc, char** argv);

}  // namespace coil::vm
