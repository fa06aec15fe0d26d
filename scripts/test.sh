#!/usr/bin/env bash
# test.sh — sets up, builds and runs every test: the GoogleTest unit tests
# and golden .py tests (through ctest), then the acceptance tests listed in
# tests/acceptance-passing.txt (a ratchet: the list only grows).
#   scripts/test.sh            the normal build in build/
#   COIL_SANITIZE=1 scripts/test.sh   AddressSanitizer + UBSan build in build-asan/
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
if [ "${COIL_SANITIZE:-0}" = 1 ]; then
  # Leak reports are off: at exit coil, like CPython, leaves some objects
  # allocated on purpose (interned strings, the built-in types and their
  # caches, what daemon threads still hold).  Every other AddressSanitizer
  # and UBSan finding fails the run.
  export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
  build=$here/build-asan
  "$here/scripts/setup.sh" "$build" -DCOIL_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo || exit 1
else
  build=$here/build
  "$here/scripts/setup.sh" "$build" || exit 1
fi
status=0
(cd "$build" && ctest --output-on-failure -j"$(nproc)") || status=1
acceptance=$here/../shared/acceptance/run.sh
if [ -x "$acceptance" ] || [ -f "$acceptance" ]; then
  if grep -qv '^\s*\(#\|$\)' "$here/tests/acceptance-passing.txt"; then
    echo "acceptance (ratchet list):"
    bash "$acceptance" "$build/coil" "@$here/tests/acceptance-passing.txt" || status=1
  else
    echo "acceptance: the ratchet list is empty"
  fi
else
  echo "acceptance: ../shared/acceptance not found; skipped"
fi
exit $status
