#!/usr/bin/env bash
# regen-golden.sh [PYTHON] [SUBDIR] — regenerates the expected output of every
# tests/py/**/NAME.py by running CPython 3.11: NAME.out (stdout) and, when
# the exit status is not 0, NAME.status; when it wrote to stderr, NAME.err
# (without indented lines, unless the directory has a FULL_STDERR file).
# Never edit those files by hand.
set -eu
py=${1:-python3}
sub=${2:-}   # only tests/py/SUBDIR when given
ver=$("$py" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
if [ "$ver" != "3.11" ]; then echo "regen-golden: need CPython 3.11, got $ver" >&2; exit 2; fi
here=$(cd "$(dirname "$0")" && pwd)
find "$here/py/$sub" -name '*.py' | sort | while IFS= read -r f; do [ -f "$(dirname "$f")/__init__.py" ] || echo "$f"; done | while IFS= read -r f; do
  err=$(mktemp)
  (cd "$(dirname "$f")" && "$py" "$(basename "$f")" >"${f%.py}.out" 2>"$err" </dev/null) && rc=0 || rc=$?
  if [ "$rc" != 0 ]; then echo "$rc" >"${f%.py}.status"; else rm -f "${f%.py}.status"; fi
  # stderr is compared without its indented lines (paths, source, carets),
  # except in directories holding a FULL_STDERR file: there the whole
  # traceback is the point of the test.
  if [ ! -s "$err" ]; then rm -f "${f%.py}.err"
  elif [ -f "$(dirname "$f")/FULL_STDERR" ]; then
    # The script's own path is absolute in tracebacks: keep it relative.
    text=$(cat "$err"); printf '%s\n' "${text//"$(dirname "$f")/"/}" >"${f%.py}.err"
  else grep -v '^[[:space:]]' "$err" >"${f%.py}.err" || true; fi
  rm -f "$err"
done
echo "regenerated $(find "$here/py" -name '*.out' | wc -l) expected outputs"
