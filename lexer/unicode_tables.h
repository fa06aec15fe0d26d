// unicode_tables.h — the Unicode data the lexer needs, as sorted tables.
//
// Which code points may start or continue an identifier (XID_Start /
// XID_Continue), which are printable (for CPython's "invalid non-printable
// character" message), and the names \N{...} escapes may use.  The data
// lives in unicode_tables.cpp, generated from CPython 3.11's unicodedata by
// tests/unit/lexer_cases/gen_unicode_tables.py.
#pragma once

#include <cstddef>
#include <cstdint>

namespace coil::lexer::tables {

struct CodeRange {
  uint32_t first, last;  // inclusive
};

struct UnicodeName {
  const char* name;
  uint32_t cp;
};

extern const CodeRange kXidStart[];
extern const size_t kXidStartSize;
extern const CodeRange kXidContinue[];
extern const size_t kXidContinueSize;
extern const CodeRange kPrintable[];
extern const size_t kPrintableSize;
extern const UnicodeName kUnicodeNames[];   // sorted by name
extern const size_t kUnicodeNamesSize;

}  // namespace coil::lexer::tables
