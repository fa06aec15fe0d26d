// vm_test_base.h — the fixture base of the unit tests that run Python code.
//
// VmTest boots the VM once per test binary (vm_init is not re-entrant) and
// offers run(): a snippet executed in a fresh module namespace, whose
// globals the test then inspects.  A snippet that fails to compile or
// raises is reported as a test failure with the exception's repr.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/str.h"
#include "vm/code.h"
#include "vm/interp.h"

namespace coil::testing {

class VmTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    static bool booted = false;
    if (!booted) {
      char arg0[] = "coil";
      char* argv[] = {arg0, nullptr};
      ASSERT_TRUE(vm::vm_init(1, argv, "coil"));
      booted = true;
    }
  }

  // Runs `source` in a fresh module namespace and returns it.
  static runtime::Ref<runtime::Dict> run(const std::string& source) {
    using namespace coil::runtime;
    Ref<Object> code = vm::compile_source(source, "<test>", "exec");
    EXPECT_TRUE(code) << "compile failed";
    if (!code) {
      clear_error();
      return nullptr;
    }
    Ref<Dict> globals = dict_new();
    dict_set(globals.get(), intern("__name__"), str_from("__test__").get());
    Ref<Object> r = vm::eval_code(static_cast<vm::Code*>(code.get()), globals.get(), globals.get());
    if (!r) {
      Ref<Object> e = fetch_error();
      std::string text;
      if (e) repr_utf8(e.get(), &text);
      ADD_FAILURE() << "raised " << text;
    }
    return globals;
  }
};

}  // namespace coil::testing
