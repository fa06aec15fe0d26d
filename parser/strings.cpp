// strings.cpp — string literals, f-strings and number text.
//
// Adjacent string literals are one expression in Python: 'a' "b" is 'ab'.
// The lexer hands them over as separate STRING tokens and make_strings()
// joins them.  If any of them is an f-string the result is a JoinedStr whose
// values alternate Constant (literal text) and FormattedValue ({fields}),
// built exactly as CPython 3.11's ast module shows them:
//   - neighbouring literal text merges into one Constant, empty text vanishes;
//   - `{x=}` contributes the literal "x=" and, without a conversion or a
//     format spec, the conversion 'r';
//   - a format spec is itself a JoinedStr;
//   - every Constant and FormattedValue gets the span of the whole
//     concatenation, except that a format spec's JoinedStr and the text at
//     the end of a spec get the span of the one token they came from
//     (CPython 3.11 quirks, reproduced on purpose).
#include <charconv>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "lexer/fstring.h"
#include "parser/parser_internal.h"

namespace coil::parser {

using namespace coil::ast;

namespace {

// Builds the values of one JoinedStr, merging adjacent literal text.
struct JoinedBuilder {
  Driver& d;
  Span whole;               // the span every piece gets
  std::vector<Expr*> values;
  std::string pending;      // literal text not yet emitted
  bool has_pending = false;

  void literal(const std::string& text) {
    if (text.empty()) return;
    pending += text;
    has_pending = true;
  }
  void flush() { flush_as(whole); }
  void flush_as(const Span& span) {
    if (!has_pending) return;
    auto* c = d.make<Constant>(span);
    c->value_kind = ConstKind::Str;
    c->text = pending;
    values.push_back(c);
    pending.clear();
    has_pending = false;
  }
  void value(Expr* e) {
    flush();
    values.push_back(e);
  }
};

bool add_parts(Driver& d, JoinedBuilder& out, const std::vector<lexer::FStringPart>& parts,
               const Span& token_span);

// One {field}: the expression, its conversion and its format spec.
bool add_field(Driver& d, JoinedBuilder& out, const lexer::FStringField& f,
               const Span& token_span) {
  Expr* value = parse_fstring_expr(d, f.expr, f.expr_line, f.expr_col);
  if (!value) return false;
  if (!f.debug_text.empty()) out.literal(f.debug_text);
  auto* fv = d.make<FormattedValue>(out.whole);
  fv->value = value;
  fv->conversion = f.conversion ? f.conversion : -1;
  if (!f.debug_text.empty() && !f.conversion && !f.has_spec) fv->conversion = 'r';
  if (f.has_spec) {
    JoinedBuilder spec{d, out.whole, {}, {}, false};
    if (!add_parts(d, spec, f.spec, token_span)) return false;
    // Text at the end of a spec gets the span of its own token; text before
    // a nested field got the whole string's (CPython 3.11 does the same).
    spec.flush_as(token_span);
    auto* js = d.make<JoinedStr>(token_span);
    js->values = std::move(spec.values);
    fv->format_spec = js;
  }
  out.value(fv);
  return true;
}

bool add_parts(Driver& d, JoinedBuilder& out, const std::vector<lexer::FStringPart>& parts,
               const Span& token_span) {
  for (const auto& p : parts) {
    if (!p.is_field) {
      out.literal(p.literal);
    } else if (!add_field(d, out, p.field, token_span)) {
      return false;
    }
  }
  return true;
}

// Where an f-string token's body starts: after the prefix (f, rf, fr ...)
// and the opening quote(s).  The token text is the raw body, so on a single
// line the quote length follows from the token's width.
Pos fstring_body_start(const lexer::Token& t) {
  int prefix = t.str_raw ? 2 : 1;
  int quotes = 3;
  if (t.line == t.end_line) {
    int width = t.end_col - t.col - static_cast<int>(t.text.size()) - prefix;
    quotes = width / 2;
  }
  return Pos{t.line, t.col + prefix + quotes};
}

}  // namespace

Expr* make_strings(Driver& d, const StringList& toks, const Span& s) {
  bool any_bytes = false, any_text = false, any_f = false;
  for (const auto& t : toks) {
    if (t.str_kind == lexer::StrKind::Bytes) any_bytes = true;
    else any_text = true;
    if (t.str_kind == lexer::StrKind::FString) any_f = true;
  }
  if (any_bytes && any_text) {
    d.fail("cannot mix bytes and nonbytes literals", Span{s.end, s.end});
    return nullptr;
  }
  if (!any_f) {
    auto* c = d.make<Constant>(s);
    c->value_kind = any_bytes ? ConstKind::Bytes : ConstKind::Str;
    for (const auto& t : toks) c->text += t.text;
    c->u_prefix = !any_bytes && (d.source_char(toks[0].line, toks[0].col) == 'u' ||
                                 d.source_char(toks[0].line, toks[0].col) == 'U');
    return c;
  }
  JoinedBuilder out{d, s, {}, {}, false};
  for (const auto& t : toks) {
    if (t.str_kind != lexer::StrKind::FString) {
      out.literal(t.text);
      continue;
    }
    Pos body = fstring_body_start(t);
    std::vector<lexer::FStringPart> parts;
    Diagnostic err;
    if (!lexer::split_fstring(t.text, t.str_raw, body.line, body.col, &parts, &err)) {
      if (!d.failed) {
        d.failed = true;
        d.error = err;
      }
      return nullptr;
    }
    Span token_span{{t.line, t.col}, {t.end_line, t.end_col}};
    if (!add_parts(d, out, parts, token_span)) return nullptr;
  }
  out.flush();
  auto* js = d.make<JoinedStr>(s);
  js->values = std::move(out.values);
  return js;
}

// ---- numbers ------------------------------------------------------------------

// An integer literal's digits in any base to decimal, for ints of any size:
// the value is kept as base-10^9 limbs (least significant first) and each
// digit is folded in with limbs = limbs * base + digit.
std::string int_text_to_decimal(const std::string& text) {
  int base = 10;
  size_t i = 0;
  if (text.size() > 1 && text[0] == '0') {
    char p = static_cast<char>(text[1] | 0x20);
    if (p == 'x') base = 16, i = 2;
    else if (p == 'o') base = 8, i = 2;
    else if (p == 'b') base = 2, i = 2;
  }
  std::vector<uint32_t> limbs{0};
  const uint64_t kLimb = 1000000000;
  for (; i < text.size(); ++i) {
    char c = text[i];
    int digit;
    if (c >= '0' && c <= '9') digit = c - '0';
    else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f') digit = (c | 0x20) - 'a' + 10;
    else continue;  // '_' or stray characters: the lexer has checked the literal
    uint64_t carry = static_cast<uint64_t>(digit);
    for (auto& limb : limbs) {
      uint64_t v = static_cast<uint64_t>(limb) * base + carry;
      limb = static_cast<uint32_t>(v % kLimb);
      carry = v / kLimb;
    }
    while (carry) {
      limbs.push_back(static_cast<uint32_t>(carry % kLimb));
      carry /= kLimb;
    }
  }
  std::string out = std::to_string(limbs.back());
  char buf[16];
  for (size_t k = limbs.size() - 1; k-- > 0;) {
    std::snprintf(buf, sizeof buf, "%09u", limbs[k]);
    out += buf;
  }
  return out;
}

// repr(float): the shortest digits that round-trip (std::to_chars), laid
// out as Python does — fixed notation for exponents -4..15, otherwise
// d.ddde+XX; integral values in fixed notation get ".0".
std::string float_repr(double v) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v < 0 ? "-inf" : "inf";
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
  std::string sci(buf, r.ptr);
  // sci is like "-1.2345e+17": split into sign, digits and exponent.
  std::string sign;
  size_t p = 0;
  if (sci[0] == '-') sign = "-", p = 1;
  size_t e = sci.find('e');
  std::string mant = sci.substr(p, e - p);
  int exp = std::stoi(sci.substr(e + 1));
  std::string digits;
  for (char c : mant)
    if (c != '.') digits += c;
  if (exp >= -4 && exp < 16) {
    std::string out;
    if (exp < 0) {
      out = "0." + std::string(-exp - 1, '0') + digits;
    } else if (static_cast<int>(digits.size()) <= exp + 1) {
      out = digits + std::string(exp + 1 - digits.size(), '0') + ".0";
    } else {
      out = digits.substr(0, exp + 1) + "." + digits.substr(exp + 1);
    }
    return sign + out;
  }
  std::string out = digits.substr(0, 1);
  if (digits.size() > 1) out += "." + digits.substr(1);
  char ebuf[16];
  std::snprintf(ebuf, sizeof ebuf, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
  return sign + out + ebuf;
}

}  // namespace coil::parser
