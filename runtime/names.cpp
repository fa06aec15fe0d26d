// names.cpp — interning the identifiers the runtime looks up by pointer.
#include "runtime/names.h"

namespace coil::runtime {

namespace names {
#define COIL_DEFINE_NAME(n) Str* n = nullptr;
COIL_NAMES(COIL_DEFINE_NAME)
#undef COIL_DEFINE_NAME
}  // namespace names

namespace {
// `default_` stands for "default": one trailing underscore dodges a C++
// keyword, while dunders end in two.
std::string_view spelling(std::string_view n) {
  if (n.size() > 1 && n.back() == '_' && n[n.size() - 2] != '_') n.remove_suffix(1);
  return n;
}
}  // namespace

void init_names() {
#define COIL_INTERN_NAME(n) names::n = intern(spelling(#n));
  COIL_NAMES(COIL_INTERN_NAME)
#undef COIL_INTERN_NAME
}

}  // namespace coil::runtime
