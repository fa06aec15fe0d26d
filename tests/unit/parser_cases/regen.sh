#!/bin/sh
# regen.sh — regenerate the expected outputs of the parser golden tests by
# running CPython 3.11 (the oracle).  Never edit the outputs by hand.
#
#   X.py        -> X.ast        (python3 -m ast X.py)
#                  X.attrs.ast  (python3 -m ast -a X.py: with positions)
#   eval_X.py   -> parsed with --mode eval; single_X.py with --mode single
#   errors.txt  -> errors.expected: one line per case (cases are separated
#                  by lines holding only "----"):
#                  type|msg|lineno|offset|end_lineno|end_offset
set -e
cd "$(dirname "$0")"
for f in *.py; do
  base=${f%.py}
  mode=exec
  case $base in eval_*) mode=eval ;; single_*) mode=single ;; esac
  python3 -m ast --mode $mode "$f" > "$base.ast"
  python3 -m ast --mode $mode -a "$f" > "$base.attrs.ast"
done
python3 - <<'PY'
cases = open('errors.txt', encoding='utf-8').read().split('\n----\n')
out = []
for src in cases:
    if not src.strip():
        continue
    try:
        compile(src, 'case.py', 'exec', dont_inherit=True)
        out.append('OK')
    except SyntaxError as e:
        out.append('|'.join(str(x) for x in (type(e).__name__, e.msg, e.lineno, e.offset,
                                                e.end_lineno, e.end_offset)))
open('errors.expected', 'w', encoding='utf-8').write('\n'.join(out) + '\n')
PY
