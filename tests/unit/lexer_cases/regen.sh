#!/bin/sh
# Regenerates the lexer's oracle data (tokens.inc, errors.inc, fstrings.inc)
# and the Unicode tables in lexer/unicode_tables.cpp from CPython 3.11.
set -e
cd "$(dirname "$0")"
PY=${PYTHON:-python3}
"$PY" gen.py
"$PY" gen_unicode_tables.py
