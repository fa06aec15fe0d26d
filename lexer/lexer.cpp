// lexer.cpp — the parts of the lexer that are not regular languages:
// UTF-8 and Unicode character classes, and the decoding of escape
// sequences in str and bytes literals.
//
// The scanner itself lives in lexer.re (re2c).  What is here is shared by
// the scanner and by split_fstring (fstring.cpp):
//
//   * identifier classes (XID_Start / XID_Continue) and "printable", from
//     tables generated out of CPython's own unicodedata, so that coil
//     accepts exactly the identifiers CPython accepts;
//   * decode_str_escapes / decode_bytes_escapes, which follow CPython's
//     unicode-escape and bytes-escape decoders, including the exact text
//     of their error messages (the "position" in a unicode-escape error
//     is counted the way CPython counts it; see transformed_offset below).
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>

#include "lexer/fstring.h"
#include "lexer/unicode_tables.h"

namespace coil::lexer {

namespace {

using tables::CodeRange;
using tables::UnicodeName;
using tables::kXidStart;
using tables::kXidStartSize;
using tables::kXidContinue;
using tables::kXidContinueSize;
using tables::kPrintable;
using tables::kPrintableSize;
using tables::kUnicodeNames;
using tables::kUnicodeNamesSize;

bool in_ranges(const CodeRange* table, size_t size, uint32_t cp) {
  const CodeRange* end = table + size;
  const CodeRange* it = std::upper_bound(
      table, end, cp, [](uint32_t c, const CodeRange& r) { return c < r.first; });
  return it != table && cp <= (it - 1)->last;
}

bool is_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return c - 'A' + 10;
}

bool is_octal(char c) { return c >= '0' && c <= '7'; }

}  // namespace

// ---- Unicode classes -------------------------------------------------------

bool is_xid_start(uint32_t cp) {
  if (cp < 0x80)
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp == '_';
  return in_ranges(kXidStart, kXidStartSize, cp);
}

bool is_xid_continue(uint32_t cp) {
  if (cp < 0x80)
    return is_xid_start(cp) || (cp >= '0' && cp <= '9');
  return in_ranges(kXidContinue, kXidContinueSize, cp);
}

bool is_printable(uint32_t cp) {
  if (cp < 0x80) return cp >= 0x20 && cp < 0x7f;
  return in_ranges(kPrintable, kPrintableSize, cp);
}

// ---- UTF-8 -------------------------------------------------------------------

// Decodes one code point at p (strictly, as CPython's decoder does: no
// overlong forms, no surrogates, nothing past U+10FFFF).  Returns the
// sequence length, or 0 if the bytes at p are not valid UTF-8.
int decode_utf8(const unsigned char* p, const unsigned char* end, uint32_t* cp) {
  unsigned char b0 = p[0];
  if (b0 < 0x80) {
    *cp = b0;
    return 1;
  }
  int len;
  uint32_t c;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2, c = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3, c = b0 & 0x0F;
    if (b0 == 0xE0) lo = 0xA0;  // overlong
    if (b0 == 0xED) hi = 0x9F;  // surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4, c = b0 & 0x07;
    if (b0 == 0xF0) lo = 0x90;  // overlong
    if (b0 == 0xF4) hi = 0x8F;  // past U+10FFFF
  } else {
    return 0;
  }
  if (end - p < len) return 0;
  for (int i = 1; i < len; i++) {
    unsigned char b = p[i];
    unsigned char l = i == 1 ? lo : 0x80, h = i == 1 ? hi : 0xBF;
    if (b < l || b > h) return 0;
    c = (c << 6) | (b & 0x3F);
  }
  *cp = c;
  return len;
}

// Appends cp in UTF-8.  Lone surrogates (which a Python str may hold, e.g.
// "\ud800") are written with the generalised 3-byte form ("WTF-8"); valid
// text never contains them.
void append_utf8(std::string* out, uint32_t cp) {
  if (cp < 0x80) {
    out->push_back(char(cp));
  } else if (cp < 0x800) {
    out->push_back(char(0xC0 | (cp >> 6)));
    out->push_back(char(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(char(0xE0 | (cp >> 12)));
    out->push_back(char(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(char(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(char(0xF0 | (cp >> 18)));
    out->push_back(char(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(char(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(char(0x80 | (cp & 0x3F)));
  }
}

// CPython's wording for undecodable bytes at p, `pos` being the position
// to quote: "'utf-8' codec can't decode byte 0xff in position 3: invalid
// start byte".  Called only when decode_utf8 has failed at p.
std::string describe_bad_utf8(const unsigned char* p, const unsigned char* end, size_t pos) {
  unsigned char b0 = p[0];
  int need = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : 2;
  const char* reason = "invalid start byte";
  size_t bad = 1;  // how many bytes the message quotes
  if (b0 >= 0xC2 && b0 <= 0xF4) {
    // A valid start byte: count the continuation bytes that do fit.
    int ok = 1;
    while (ok < need && p + ok < end) {
      unsigned char b = p[ok];
      unsigned char lo = 0x80, hi = 0xBF;
      if (ok == 1 && b0 == 0xE0) lo = 0xA0;
      if (ok == 1 && b0 == 0xED) hi = 0x9F;
      if (ok == 1 && b0 == 0xF0) lo = 0x90;
      if (ok == 1 && b0 == 0xF4) hi = 0x8F;
      if (b < lo || b > hi) break;
      ok++;
    }
    reason = p + ok >= end ? "unexpected end of data" : "invalid continuation byte";
    bad = size_t(ok);
  }
  char buf[160];
  if (bad == 1)
    std::snprintf(buf, sizeof buf,
                  "(unicode error) 'utf-8' codec can't decode byte 0x%02x in position %zu: %s",
                  b0, pos, reason);
  else
    std::snprintf(buf, sizeof buf,
                  "(unicode error) 'utf-8' codec can't decode bytes in position %zu-%zu: %s",
                  pos, pos + bad - 1, reason);
  return buf;
}

// ---- \N{NAME} ------------------------------------------------------------------

// Looks a character name up, case-insensitively as CPython does.  Only the
// names in the generated table are known (see docs/lexer.md).
bool lookup_unicode_name(std::string_view name, uint32_t* cp) {
  std::string upper(name);
  for (char& c : upper)
    if (c >= 'a' && c <= 'z') c = char(c - 'a' + 'A');
  const UnicodeName* end = kUnicodeNames + kUnicodeNamesSize;
  const UnicodeName* it = std::lower_bound(
      kUnicodeNames, end, upper,
      [](const UnicodeName& n, const std::string& key) { return std::strcmp(n.name, key.c_str()) < 0; });
  if (it == end || upper != it->name) return false;
  *cp = it->cp;
  return true;
}

// ---- escape decoding --------------------------------------------------------------

namespace {

// CPython decodes a str literal in two steps: it first rewrites every
// non-ASCII character as a 10-byte "\U0000XXXX" escape (and a backslash
// that precedes one, or ends the text, as "\u005c"), then runs the
// unicode-escape codec over that.  Its error messages quote positions in
// the rewritten text, so to print the same numbers we count the same way:
// this is the rewritten offset of body[0, idx).
size_t transformed_offset(std::string_view body, size_t idx) {
  size_t t = 0, i = 0;
  while (i < idx) {
    if (body[i] == '\\') {
      t++, i++;
      if (i >= body.size() || (unsigned char)body[i] >= 0x80) t += 5;
      if (i >= idx || i >= body.size()) break;
    }
    if ((unsigned char)body[i] >= 0x80) {
      // A run of non-ASCII bytes: 10 per code point.
      while (i < body.size() && (unsigned char)body[i] >= 0x80) {
        if (((unsigned char)body[i] & 0xC0) != 0x80) t += 10;
        i++;
      }
    } else {
      t++, i++;
    }
  }
  return t;
}

bool unicode_escape_error(std::string_view body, size_t start, size_t stop, const char* what,
                          Diagnostic* err) {
  if (!err) return false;
  char buf[200];
  std::snprintf(buf, sizeof buf,
                "(unicode error) 'unicodeescape' codec can't decode bytes in position %zu-%zu: %s",
                transformed_offset(body, start), transformed_offset(body, stop) - 1, what);
  err->type = "SyntaxError";
  err->msg = buf;
  err->line = 0;  // the caller places the error; col is the offset in body
  err->col = int(start);
  err->end_line = 0;
  err->end_col = int(stop);
  return false;
}

// Reads exactly `count` hex digits at body[*i]; on failure *i is left at
// the first non-hex character (or the end), as CPython reports it.
bool read_hex(std::string_view body, size_t* i, int count, uint32_t* value) {
  uint32_t v = 0;
  for (int k = 0; k < count; k++, ++*i) {
    if (*i >= body.size() || !is_hex(body[*i])) return false;
    v = (v << 4) | uint32_t(hex_value(body[*i]));
  }
  *value = v;
  return true;
}

uint32_t read_octal(std::string_view body, size_t* i) {
  // The first digit has been checked by the caller; up to two more follow.
  uint32_t v = uint32_t(body[*i] - '0');
  ++*i;
  for (int k = 0; k < 2 && *i < body.size() && is_octal(body[*i]); k++, ++*i)
    v = v * 8 + uint32_t(body[*i] - '0');
  return v;
}

// The escapes common to str and bytes: \<newline> and the one-letter ones.
// Returns the byte to append, -1 for "append nothing", or -2 when `c` is
// not one of them.
int simple_escape(char c) {
  switch (c) {
    case '\n': return -1;  // backslash-newline joins the lines
    case '\\': return '\\';
    case '\'': return '\'';
    case '"': return '"';
    case 'a': return '\a';
    case 'b': return '\b';
    case 'f': return '\f';
    case 'n': return '\n';
    case 'r': return '\r';
    case 't': return '\t';
    case 'v': return '\v';
    default: return -2;
  }
}

}  // namespace

bool decode_str_escapes(std::string_view body, std::string* out, Diagnostic* err) {
  out->clear();
  out->reserve(body.size());
  size_t i = 0, n = body.size();
  while (i < n) {
    // Copy the run up to the next backslash in one go: most literals have
    // no escapes at all.
    const void* bs = std::memchr(body.data() + i, '\\', n - i);
    size_t run_end = bs ? size_t(static_cast<const char*>(bs) - body.data()) : n;
    out->append(body.data() + i, run_end - i);
    i = run_end;
    if (i >= n) break;
    size_t start = i++;
    if (i >= n) {  // a lone backslash at the very end stays a backslash
      out->push_back('\\');
      break;
    }
    char c = body[i];
    int simple = simple_escape(c);
    if (simple != -2) {
      i++;
      if (simple >= 0) out->push_back(char(simple));
      continue;
    }
    uint32_t cp;
    switch (c) {
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
        append_utf8(out, read_octal(body, &i));
        break;
      case 'x': case 'u': case 'U': {
        int count = c == 'x' ? 2 : c == 'u' ? 4 : 8;
        const char* what = c == 'x'   ? "truncated \\xXX escape"
                           : c == 'u' ? "truncated \\uXXXX escape"
                                      : "truncated \\UXXXXXXXX escape";
        i++;
        if (!read_hex(body, &i, count, &cp)) return unicode_escape_error(body, start, i, what, err);
        if (cp > 0x10FFFF) return unicode_escape_error(body, start, i, "illegal Unicode character", err);
        append_utf8(out, cp);
        break;
      }
      case 'N': {
        i++;
        const char* malformed = "malformed \\N character escape";
        if (i >= n || body[i] != '{') return unicode_escape_error(body, start, i, malformed, err);
        size_t name_start = ++i;
        while (i < n && body[i] != '}') i++;
        if (i >= n || i == name_start) return unicode_escape_error(body, start, i, malformed, err);
        std::string_view name = body.substr(name_start, i - name_start);
        i++;  // past '}'
        if (!lookup_unicode_name(name, &cp))
          return unicode_escape_error(body, start, i, "unknown Unicode character name", err);
        append_utf8(out, cp);
        break;
      }
      default:
        // Not an escape: CPython keeps the backslash and the character
        // (and warns, which coil does not).  The character is copied by the
        // next turn of the loop.
        out->push_back('\\');
        break;
    }
  }
  return true;
}

// Decodes the escapes of a non-raw bytes literal (whose body the caller has
// already checked to be ASCII) into raw bytes.  On a bad \x escape, fails
// with CPython's "(value error) invalid \x escape at position N"; err->col
// is the offset of the backslash in body.
bool decode_bytes_escapes(std::string_view body, std::string* out, Diagnostic* err) {
  out->clear();
  out->reserve(body.size());
  size_t i = 0, n = body.size();
  while (i < n) {
    char c = body[i];
    if (c != '\\' || i + 1 >= n) {
      out->push_back(c);
      i++;
      continue;
    }
    size_t start = i++;
    c = body[i];
    int simple = simple_escape(c);
    if (simple != -2) {
      i++;
      if (simple >= 0) out->push_back(char(simple));
    } else if (is_octal(c)) {
      // Values above 0o377 are truncated to a byte, as CPython 3.11 does.
      out->push_back(char(read_octal(body, &i) & 0xFF));
    } else if (c == 'x') {
      if (i + 2 < n && is_hex(body[i + 1]) && is_hex(body[i + 2])) {
        out->push_back(char(hex_value(body[i + 1]) * 16 + hex_value(body[i + 2])));
        i += 3;
      } else {
        if (err) {
          err->type = "SyntaxError";
          err->msg = "(value error) invalid \\x escape at position " + std::to_string(start);
          err->line = err->end_line = 0;
          err->col = int(start);
          err->end_col = int(i + 1);
        }
        return false;
      }
    } else {
      out->push_back('\\');  // unknown escape: kept as written
    }
  }
  return true;
}

}  // namespace coil::lexer
