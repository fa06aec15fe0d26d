// reprguard.h — the recursion guard for repr() of containers.
//
// A list that contains itself must print as `[[...]]` rather than recurse
// forever.  CPython keeps, per thread, the set of containers whose repr is
// in progress (Py_ReprEnter/Py_ReprLeave); a container that finds itself
// already in the set prints its placeholder instead.  The set is a small
// thread_local vector: reprs nest only as deep as the data, and the common
// case (no nesting) is one push and one pop.
#pragma once

#include <algorithm>
#include <vector>

#include "runtime/object.h"

namespace coil::runtime {

namespace detail {
inline std::vector<Object*>& repr_stack() {
  thread_local std::vector<Object*> stack;
  return stack;
}
}  // namespace detail

// Returns true when `o`'s repr is already in progress on this thread
// (print the placeholder); otherwise records it and returns false.
inline bool repr_enter(Object* o) {
  auto& s = detail::repr_stack();
  if (std::find(s.begin(), s.end(), o) != s.end()) return true;
  s.push_back(o);
  return false;
}

// Forgets `o` (call only after a repr_enter that returned false).
inline void repr_leave(Object* o) {
  auto& s = detail::repr_stack();
  for (size_t i = s.size(); i-- > 0;) {
    if (s[i] == o) { s.erase(s.begin() + static_cast<std::ptrdiff_t>(i)); return; }
  }
}

// RAII form: `ReprGuard g(self); if (g.recursive()) return "[...]";`
class ReprGuard {
 public:
  explicit ReprGuard(Object* o) : o_(o), recursive_(repr_enter(o)) {}
  ~ReprGuard() { if (!recursive_) repr_leave(o_); }
  ReprGuard(const ReprGuard&) = delete;
  ReprGuard& operator=(const ReprGuard&) = delete;
  bool recursive() const { return recursive_; }

 private:
  Object* o_;
  bool recursive_;
};

}  // namespace coil::runtime
