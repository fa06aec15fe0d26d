// unicode.cpp — UTF-8 checking and the Unicode character database.
//
// The database (unicode_db.inc) is generated from CPython 3.11 itself; see
// runtime/gen_unicode_db.py for how and unicode.h for the layout.  Lookups
// are two array reads: index1 picks a 2^kDbShift-sized block, index2 the
// record within it.
#include "runtime/unicode.h"

#include <cstring>

namespace coil::runtime::unicode {

namespace {
#include "runtime/unicode_db.inc"
}  // namespace

const CharRecord& record(uint32_t cp) {
  if (cp > kMaxCodePoint) return kRecords[0];  // unassigned-like
  uint32_t block = kIndex1[cp >> kDbShift];
  return kRecords[kIndex2[(block << kDbShift) | (cp & ((1u << kDbShift) - 1))]];
}

// ---- case mappings -----------------------------------------------------------------

static int apply_mapping(uint32_t cp, int32_t field, bool ext, uint32_t out[3]) {
  if (!ext) {
    out[0] = static_cast<uint32_t>(static_cast<int32_t>(cp) + field);
    return 1;
  }
  const uint32_t* m = kExtMappings[field];
  for (uint32_t i = 0; i < m[0]; ++i) out[i] = m[i + 1];
  return static_cast<int>(m[0]);
}

int to_upper(uint32_t cp, uint32_t out[3]) {
  if (cp < 0x80) { out[0] = (cp >= 'a' && cp <= 'z') ? cp - 32 : cp; return 1; }
  const CharRecord& r = record(cp);
  return apply_mapping(cp, r.upper, r.flags & kExtUpper, out);
}

int to_lower(uint32_t cp, uint32_t out[3]) {
  if (cp < 0x80) { out[0] = (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp; return 1; }
  const CharRecord& r = record(cp);
  return apply_mapping(cp, r.lower, r.flags & kExtLower, out);
}

int to_title(uint32_t cp, uint32_t out[3]) {
  if (cp < 0x80) { out[0] = (cp >= 'a' && cp <= 'z') ? cp - 32 : cp; return 1; }
  const CharRecord& r = record(cp);
  return apply_mapping(cp, r.title, r.flags & kExtTitle, out);
}

int to_fold(uint32_t cp, uint32_t out[3]) {
  if (cp < 0x80) { out[0] = (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp; return 1; }
  const CharRecord& r = record(cp);
  return apply_mapping(cp, r.fold, r.flags & kExtFold, out);
}

uint32_t to_lower_simple(uint32_t cp) {
  uint32_t out[3];
  return to_lower(cp, out) == 1 ? out[0] : cp;
}

// ---- UTF-8 --------------------------------------------------------------------------

bool is_ascii(const char* p, size_t n) {
  size_t i = 0;
  // Eight bytes at a time: any high bit set means non-ASCII.
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    std::memcpy(&w, p + i, 8);
    if (w & 0x8080808080808080ull) return false;
  }
  for (; i < n; ++i)
    if (static_cast<unsigned char>(p[i]) & 0x80) return false;
  return true;
}

int64_t utf8_count(const char* p, size_t n) {
  // A code point starts at every byte that is not 10xxxxxx.
  int64_t conts = 0;
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    std::memcpy(&w, p + i, 8);
    // bit 7 set and bit 6 clear  <=>  continuation byte
    uint64_t c = w & ~(w << 1) & 0x8080808080808080ull;
    conts += __builtin_popcountll(c);
  }
  for (; i < n; ++i) conts += is_continuation(static_cast<unsigned char>(p[i]));
  return static_cast<int64_t>(n) - conts;
}

// Mirrors the structure of CPython's stringlib utf8_decode, so that the
// error ranges are the same: 'invalid start byte' covers one byte, an
// 'invalid continuation byte' covers the bytes before the bad one, and a
// truncated sequence at the end is 'unexpected end of data' to the end.
bool utf8_check(const char* data, size_t n, int64_t* length, Utf8Error* err) {
  const auto* s = reinterpret_cast<const unsigned char*>(data);
  const unsigned char* end = s + n;
  const unsigned char* start = s;
  int64_t count = 0;
  auto fail = [&](size_t len, const char* reason) {
    err->start = static_cast<size_t>(s - start);
    err->end = err->start + len;
    err->reason = reason;
    return false;
  };
  auto truncated = [&]() {
    err->start = static_cast<size_t>(s - start);
    err->end = n;
    err->reason = "unexpected end of data";
    return false;
  };
  while (s < end) {
    unsigned char c = *s;
    if (c < 0x80) { ++s; ++count; continue; }
    if (c < 0xC2) return fail(1, "invalid start byte");
    if (c < 0xE0) {
      if (end - s < 2) return truncated();
      if (!is_continuation(s[1])) return fail(1, "invalid continuation byte");
      s += 2; ++count; continue;
    }
    if (c < 0xF0) {
      if (end - s < 3) {
        if (end - s >= 2 && (!is_continuation(s[1]) || (s[1] < 0xA0 ? c == 0xE0 : c == 0xED)))
          return fail(1, "invalid continuation byte");
        return truncated();
      }
      if (!is_continuation(s[1]) || (c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] >= 0xA0))
        return fail(1, "invalid continuation byte");
      if (!is_continuation(s[2])) return fail(2, "invalid continuation byte");
      s += 3; ++count; continue;
    }
    if (c < 0xF5) {
      if (end - s < 4) {
        if (end - s >= 2) {
          if (!is_continuation(s[1]) || (s[1] < 0x90 ? c == 0xF0 : c == 0xF4))
            return fail(1, "invalid continuation byte");
          if (end - s >= 3 && !is_continuation(s[2])) return fail(2, "invalid continuation byte");
        }
        return truncated();
      }
      if (!is_continuation(s[1]) || (c == 0xF0 && s[1] < 0x90) || (c == 0xF4 && s[1] >= 0x90))
        return fail(1, "invalid continuation byte");
      if (!is_continuation(s[2])) return fail(2, "invalid continuation byte");
      if (!is_continuation(s[3])) return fail(3, "invalid continuation byte");
      s += 4; ++count; continue;
    }
    return fail(1, "invalid start byte");
  }
  *length = count;
  return true;
}

}  // namespace coil::runtime::unicode
