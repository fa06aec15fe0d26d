// unicode.h — UTF-8 coding and Unicode character properties.
//
// coil stores str as UTF-8 (runtime/str.h), so this header has two halves:
//
//  * UTF-8 helpers.  Strings inside the runtime are always well-formed
//    "generalised" UTF-8: lone surrogates (which Python's str may hold, e.g.
//    chr(0xD800)) are encoded as their 3-byte form ED A0 80, exactly like any
//    other BMP code point.  That keeps code-point order equal to byte order,
//    so comparisons stay a memcmp.  Bytes from outside (bytes.decode, file
//    input) are checked by utf8_check(), which rejects surrogates as CPython's
//    strict 'utf-8' codec does and reports errors with CPython's positions.
//
//  * Character properties (isalpha, isdigit, upper(), casefold() ...).  They
//    come from a two-level table generated from CPython's own unicodedata
//    (Unicode 14.0, the version of Python 3.11) by runtime/gen_unicode_db.py
//    into runtime/unicode_db.inc, so non-ASCII behaviour matches CPython for
//    every code point, including the multi-character mappings ('ß'.upper()
//    == 'SS').  ASCII is answered by inline fast paths before the table.
//    Limits: Case_Ignorable (used only for the final-sigma rule of lower())
//    is approximated from general categories, see the generator.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace coil::runtime::unicode {

constexpr uint32_t kMaxCodePoint = 0x10FFFF;

// ---- UTF-8 -------------------------------------------------------------------

inline bool is_continuation(unsigned char b) { return (b & 0xC0) == 0x80; }

// Bytes needed to encode `cp` (1..4).
inline size_t utf8_length(uint32_t cp) {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

// Writes `cp` as UTF-8 to `out` (room for 4 bytes); returns the byte count.
inline size_t encode_utf8(uint32_t cp, char* out) {
  if (cp < 0x80) { out[0] = static_cast<char>(cp); return 1; }
  if (cp < 0x800) {
    out[0] = static_cast<char>(0xC0 | (cp >> 6));
    out[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (cp >> 12));
    out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (cp >> 18));
  out[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (cp & 0x3F));
  return 4;
}

inline void append_utf8(std::string& out, uint32_t cp) {
  char buf[4];
  out.append(buf, encode_utf8(cp, buf));
}

// Decodes the code point at `p` (well-formed UTF-8) and advances `p`.
inline uint32_t decode_utf8(const char*& p) {
  auto b0 = static_cast<unsigned char>(*p);
  if (b0 < 0x80) { ++p; return b0; }
  auto cont = [&](int i) { return static_cast<uint32_t>(static_cast<unsigned char>(p[i]) & 0x3F); };
  uint32_t cp;
  if (b0 < 0xE0) { cp = ((b0 & 0x1Fu) << 6) | cont(1); p += 2; }
  else if (b0 < 0xF0) { cp = ((b0 & 0x0Fu) << 12) | (cont(1) << 6) | cont(2); p += 3; }
  else { cp = ((b0 & 0x07u) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3); p += 4; }
  return cp;
}

// Byte length of the sequence starting with lead byte `b0` (well-formed input).
inline size_t utf8_seq_length(unsigned char b0) {
  return b0 < 0x80 ? 1 : b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4;
}

// Code points in well-formed UTF-8 (counts the bytes that are not
// continuation bytes; 8 bytes at a time).
int64_t utf8_count(const char* p, size_t n);
// True when every byte is < 0x80.
bool is_ascii(const char* p, size_t n);

// How strict decoding of foreign bytes failed, as CPython's utf-8 decoder
// reports it: bytes [start, end) and the reason ("invalid start byte",
// "invalid continuation byte", "unexpected end of data").
struct Utf8Error {
  size_t start = 0;
  size_t end = 0;
  const char* reason = nullptr;
};

// Checks `n` foreign bytes.  Returns true when they are valid UTF-8 (no
// surrogates) and stores the code-point count; otherwise fills *err with
// the FIRST error found.
bool utf8_check(const char* p, size_t n, int64_t* length, Utf8Error* err);

// ---- character properties ------------------------------------------------------

enum Flag : uint32_t {
  kAlpha = 1u << 0,
  kDecimal = 1u << 1,
  kDigit = 1u << 2,
  kNumeric = 1u << 3,
  kSpace = 1u << 4,
  kLower = 1u << 5,
  kUpper = 1u << 6,
  kTitle = 1u << 7,
  kPrintable = 1u << 8,
  kXidStart = 1u << 9,
  kXidContinue = 1u << 10,
  kCased = 1u << 11,
  kCaseIgnorable = 1u << 12,
  kLinebreak = 1u << 13,
  // The mapping fields hold an index into the table of multi-character
  // mappings instead of a delta (see unicode.cpp).
  kExtUpper = 1u << 14,
  kExtLower = 1u << 15,
  kExtTitle = 1u << 16,
  kExtFold = 1u << 17,
};

struct CharRecord {
  uint32_t flags;
  int32_t upper;    // delta to the single-char mapping, or ext index
  int32_t lower;
  int32_t title;
  int32_t fold;
  int8_t decimal;   // 0..9 or -1
  int8_t digit;     // 0..9 or -1
};

const CharRecord& record(uint32_t cp);

inline bool has(uint32_t cp, Flag f) { return (record(cp).flags & f) != 0; }

inline bool is_space(uint32_t cp) {
  if (cp < 0x80) return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x1F);
  return has(cp, kSpace);
}
inline bool is_alpha(uint32_t cp) {
  if (cp < 0x80) return ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
  return has(cp, kAlpha);
}
inline bool is_decimal(uint32_t cp) {
  if (cp < 0x80) return cp >= '0' && cp <= '9';
  return has(cp, kDecimal);
}
inline bool is_digit(uint32_t cp) {
  if (cp < 0x80) return cp >= '0' && cp <= '9';
  return has(cp, kDigit);
}
inline bool is_numeric(uint32_t cp) {
  if (cp < 0x80) return cp >= '0' && cp <= '9';
  return has(cp, kNumeric);
}
inline bool is_alnum(uint32_t cp) {
  return is_alpha(cp) || is_decimal(cp) || is_digit(cp) || is_numeric(cp);
}
inline bool is_lower(uint32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  return has(cp, kLower);
}
inline bool is_upper(uint32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  return has(cp, kUpper);
}
inline bool is_title(uint32_t cp) { return cp >= 0x80 && has(cp, kTitle); }
inline bool is_cased(uint32_t cp) {
  if (cp < 0x80) return is_alpha(cp);
  return has(cp, kCased);
}
inline bool is_case_ignorable(uint32_t cp) { return has(cp, kCaseIgnorable); }
inline bool is_printable(uint32_t cp) {
  if (cp < 0x80) return cp >= 0x20 && cp < 0x7F;
  return has(cp, kPrintable);
}
inline bool is_xid_start(uint32_t cp) {
  if (cp < 0x80) return is_alpha(cp) || cp == '_';
  return has(cp, kXidStart);
}
inline bool is_xid_continue(uint32_t cp) {
  if (cp < 0x80) return is_alpha(cp) || cp == '_' || (cp >= '0' && cp <= '9');
  return has(cp, kXidContinue);
}
// str.splitlines() boundaries: \n \r \v \f \x1c \x1d \x1e \x85 \u2028 \u2029.
inline bool is_linebreak(uint32_t cp) {
  return (cp >= 0x0A && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x1E) || cp == 0x85 ||
         cp == 0x2028 || cp == 0x2029;
}

// The decimal digit value (int('٣') == 3), or -1.
inline int decimal_value(uint32_t cp) {
  if (cp < 0x80) return (cp >= '0' && cp <= '9') ? static_cast<int>(cp - '0') : -1;
  return record(cp).decimal;
}
inline int digit_value(uint32_t cp) {
  if (cp < 0x80) return (cp >= '0' && cp <= '9') ? static_cast<int>(cp - '0') : -1;
  return record(cp).digit;
}

// Full case mappings: write 1..3 code points to out[] and return the count.
int to_upper(uint32_t cp, uint32_t out[3]);
int to_lower(uint32_t cp, uint32_t out[3]);
int to_title(uint32_t cp, uint32_t out[3]);
int to_fold(uint32_t cp, uint32_t out[3]);
// Simple (single-character) lower mapping, for ASCII-speed loops.
uint32_t to_lower_simple(uint32_t cp);

}  // namespace coil::runtime::unicode
