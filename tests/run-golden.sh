#!/usr/bin/env bash
# run-golden.sh COIL — runs every tests/py/**/NAME.py under COIL and compares
# stdout, the exit status and stderr without its indented lines (all of it
# in directories with a FULL_STDERR file) with
# NAME.out / NAME.status / NAME.err, the output that
# CPython 3.11 printed for it (see regen-golden.sh).  Tests listed in
# tests/py/known-failing.txt are run but not counted as failures: that list
# only shrinks.  Files in a directory holding an __init__.py are support
# packages for the tests, not tests.  Ends with the closing line
# "N passed, N failed".
set -u
coil=$(realpath "${1:?usage: run-golden.sh COIL [SUBDIR]}")
sub=${2:-}   # only tests/py/SUBDIR when given
here=$(cd "$(dirname "$0")" && pwd)
known="$here/py/known-failing.txt"
pass=0 fail=0 known_fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
while IFS= read -r py; do
  rel=${py#"$here/py/"}
  name=${rel%.py}
  exp="${py%.py}.out"
  [ -f "$exp" ] || continue
  want_status=0
  [ -f "${py%.py}.status" ] && want_status=$(cat "${py%.py}.status")
  (cd "$(dirname "$py")" && timeout 30 "$coil" "$(basename "$py")" >"$tmp/out" 2>"$tmp/err" </dev/null)
  rc=$?
  err_ok=1
  if [ -f "${py%.py}.err" ]; then
    # Traceback frame and source lines (indented) are left out, as in the
    # acceptance suite: what remains is the headers and the error lines —
    # except in directories with a FULL_STDERR file, which test the
    # traceback printer itself.
    if [ -f "$(dirname "$py")/FULL_STDERR" ]; then
      # Paths of the test's own directory are kept relative (regen-golden.sh).
      text=$(cat "$tmp/err"); printf '%s\n' "${text//"$(dirname "$py")/"/}" >"$tmp/err.filtered"
    else grep -v '^[[:space:]]' "$tmp/err" >"$tmp/err.filtered"; fi
    cmp -s "${py%.py}.err" "$tmp/err.filtered" || err_ok=0
  fi
  if cmp -s "$exp" "$tmp/out" && [ "$rc" = "$want_status" ] && [ $err_ok = 1 ]; then
    pass=$((pass + 1))
  elif [ -f "$known" ] && grep -qx "$name" "$known"; then
    known_fail=$((known_fail + 1))
  else
    fail=$((fail + 1))
    echo "FAIL $name (exit $rc, expected $want_status)"
    diff "$exp" "$tmp/out" | head -5
    head -3 "$tmp/err"
  fi
done < <(find "$here/py/$sub" -name '*.py' | sort | while IFS= read -r f; do [ -f "$(dirname "$f")/__init__.py" ] || echo "$f"; done)
echo "golden: $known_fail known failures (tests/py/known-failing.txt)"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
