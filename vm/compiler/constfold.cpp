// constfold.cpp — compile-time constants.
//
// WHAT IS FOLDED (a deliberately small subset of CPython's ast_opt.c, all
// of it computable with plain C++ arithmetic and no runtime objects):
//
//   * literals; `__debug__` (True: coil has no -O);
//   * unary minus and plus on int and float literals (`-5`, `-2.5`), and
//     `~` on ints that fit 64 bits;
//   * tuples whose items are all constants: `(1, 'a', (2, 3))`;
//   * binary operators between ints that fit 64 bits, when the result fits
//     too: + - * // % ** << >> & | ^ (// and % with Python's floor
//     semantics; no division by zero, no negative powers, shifts < 64);
//   * `'a' + 'b'` between two str constants when the result has at most
//     4096 bytes;
//   * in `x in [...]`, `x in {...}` and `for x in [...]`, a list (set) of
//     constants becomes a tuple (frozenset) constant.
//
// Nothing else: no float or complex arithmetic (rounding would have to
// match CPython's), no `not`, no subscripts of constants.  Anything that
// could raise at run time is left for run time so the error happens there.
#include "vm/compiler/constfold.h"

#include <bit>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>

namespace coil::compiler {

namespace {

using Kind = Constant::Kind;

std::optional<int64_t> small_int(const Constant& c) {
  if (c.kind != Kind::Int) return std::nullopt;
  int64_t v = 0;
  const char* b = c.text.data();
  const char* e = b + c.text.size();
  auto r = std::from_chars(b, e, v);
  if (r.ec != std::errc() || r.ptr != e) return std::nullopt;
  return v;
}

Constant int_const(int64_t v) {
  Constant c;
  c.kind = Kind::Int;
  c.text = std::to_string(v);
  return c;
}

// Python's floor division and modulo on int64 (b != 0, no overflow).
int64_t floor_div(int64_t a, int64_t b) {
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}
int64_t floor_mod(int64_t a, int64_t b) {
  int64_t m = a % b;
  if (m != 0 && ((m < 0) != (b < 0))) m += b;
  return m;
}

std::optional<int64_t> int_binop(ast::OperatorKind op, int64_t a, int64_t b) {
  int64_t r = 0;
  switch (op) {
    case ast::OperatorKind::Add:
      if (__builtin_add_overflow(a, b, &r)) return std::nullopt;
      return r;
    case ast::OperatorKind::Sub:
      if (__builtin_sub_overflow(a, b, &r)) return std::nullopt;
      return r;
    case ast::OperatorKind::Mult:
      if (__builtin_mul_overflow(a, b, &r)) return std::nullopt;
      return r;
    case ast::OperatorKind::FloorDiv:
      if (b == 0 || (a == std::numeric_limits<int64_t>::min() && b == -1)) return std::nullopt;
      return floor_div(a, b);
    case ast::OperatorKind::Mod:
      if (b == 0 || (a == std::numeric_limits<int64_t>::min() && b == -1)) return std::nullopt;
      return floor_mod(a, b);
    case ast::OperatorKind::Pow: {
      if (b < 0) return std::nullopt;   // a float result
      if (a == 0) return b == 0 ? 1 : 0;
      if (a == 1) return 1;
      if (a == -1) return (b % 2) ? -1 : 1;
      if (b > 63) return std::nullopt;
      int64_t acc = 1;
      for (int64_t i = 0; i < b; ++i)
        if (__builtin_mul_overflow(acc, a, &acc)) return std::nullopt;
      return acc;
    }
    case ast::OperatorKind::LShift:
      if (b < 0 || b >= 63) return std::nullopt;
      if (a > (std::numeric_limits<int64_t>::max() >> b) || a < (std::numeric_limits<int64_t>::min() >> b))
        return std::nullopt;
      return static_cast<int64_t>(static_cast<uint64_t>(a) << b);
    case ast::OperatorKind::RShift:
      if (b < 0) return std::nullopt;
      return b >= 64 ? (a < 0 ? -1 : 0) : (a >> b);
    case ast::OperatorKind::BitAnd: return a & b;
    case ast::OperatorKind::BitOr: return a | b;
    case ast::OperatorKind::BitXor: return a ^ b;
    default: return std::nullopt;
  }
}

std::optional<Constant> fold_unary(const ast::UnaryOp* u) {
  auto v = fold_constant(u->operand);
  if (!v) return std::nullopt;
  switch (u->op) {
    case ast::UnaryOpKind::USub:
      if (v->kind == Kind::Int) {
        if (v->text == "0") return v;
        if (v->text[0] == '-') v->text.erase(0, 1);
        else v->text.insert(0, "-");
        return v;
      }
      if (v->kind == Kind::Float) {
        v->number = -v->number;
        return v;
      }
      return std::nullopt;
    case ast::UnaryOpKind::UAdd:
      if (v->kind == Kind::Int || v->kind == Kind::Float) return v;
      return std::nullopt;
    case ast::UnaryOpKind::Invert:
      if (auto i = small_int(*v)) return int_const(~*i);
      return std::nullopt;
    case ast::UnaryOpKind::Not: return std::nullopt;
  }
  return std::nullopt;
}

std::optional<Constant> fold_binop(const ast::BinOp* b) {
  auto l = fold_constant(b->left);
  if (!l) return std::nullopt;
  auto r = fold_constant(b->right);
  if (!r) return std::nullopt;
  if (l->kind == Kind::Str && r->kind == Kind::Str && b->op == ast::OperatorKind::Add) {
    if (l->text.size() + r->text.size() > 4096) return std::nullopt;
    l->text += r->text;
    return l;
  }
  auto a = small_int(*l), c = small_int(*r);
  if (!a || !c) return std::nullopt;
  if (auto res = int_binop(b->op, *a, *c)) return int_const(*res);
  return std::nullopt;
}

// ---- UTF-8 and printing helpers --------------------------------------------
uint32_t next_code_point(const std::string& s, size_t& i) {
  auto b = static_cast<unsigned char>(s[i]);
  int n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
  uint32_t cp = n == 1 ? b : n == 2 ? (b & 0x1F) : n == 3 ? (b & 0x0F) : (b & 0x07);
  for (int k = 1; k < n && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += n;
  return cp;
}

// An approximation of str.isprintable() for non-ASCII code points: the
// separators, format characters, surrogates and private-use areas that
// repr() escapes.
bool printable_non_ascii(uint32_t cp) {
  if (cp < 0xA1) return false;   // C1 controls and NO-BREAK SPACE
  if (cp == 0xAD || cp == 0x1680 || cp == 0x180E || cp == 0x3000 || cp == 0xFEFF) return false;
  if ((cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202F) || (cp >= 0x205F && cp <= 0x206F))
    return false;
  if (cp >= 0xD800 && cp <= 0xF8FF) return false;
  if (cp >= 0xFFF0 && cp <= 0xFFFB) return false;
  if (cp >= 0xE0000) return false;
  return true;
}

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

void append_hex(std::string& out, const char* prefix, uint32_t v, int digits) {
  static const char* hex = "0123456789abcdef";
  out += prefix;
  for (int i = digits - 1; i >= 0; --i) out += hex[(v >> (4 * i)) & 0xF];
}

char choose_quote(const std::string& s) {
  bool single = s.find('\'') != std::string::npos;
  bool dbl = s.find('"') != std::string::npos;
  return (single && !dbl) ? '"' : '\'';
}

std::string bytes_repr(const std::string& s) {
  char q = choose_quote(s);
  std::string out = "b";
  out += q;
  for (unsigned char ch : s) {
    if (ch == q || ch == '\\') {
      out += '\\';
      out += static_cast<char>(ch);
    } else if (ch == '\t') out += "\\t";
    else if (ch == '\n') out += "\\n";
    else if (ch == '\r') out += "\\r";
    else if (ch < 0x20 || ch >= 0x7F) append_hex(out, "\\x", ch, 2);
    else out += static_cast<char>(ch);
  }
  out += q;
  return out;
}

// Shortest round-trip digits and decimal exponent of |d| (d finite, != 0).
void shortest_digits(double d, std::string* digits, int* decpt) {
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, std::fabs(d), std::chars_format::scientific);
  std::string s(buf, r.ptr);
  size_t e = s.find('e');
  std::string mant = s.substr(0, e);
  int exp = std::stoi(s.substr(e + 1));
  digits->clear();
  for (char c : mant)
    if (c != '.') *digits += c;
  while (digits->size() > 1 && digits->back() == '0') digits->pop_back();
  *decpt = exp + 1;
}

// repr(float) ('r' format): shortest digits, scientific notation when the
// decimal exponent is < -4 or >= 16.
std::string format_float(double d, bool add_dot_0) {
  if (std::isnan(d)) return "nan";
  if (std::isinf(d)) return d < 0 ? "-inf" : "inf";
  std::string sign = std::signbit(d) ? "-" : "";
  if (d == 0) return sign + (add_dot_0 ? "0.0" : "0");
  std::string digits;
  int decpt = 0;
  shortest_digits(d, &digits, &decpt);
  int n = static_cast<int>(digits.size());
  if (decpt <= -4 || decpt > 16) {
    std::string out = sign + digits.substr(0, 1);
    if (n > 1) out += "." + digits.substr(1);
    int exp = decpt - 1;
    out += exp < 0 ? "e-" : "e+";
    std::string ed = std::to_string(std::abs(exp));
    if (ed.size() < 2) ed = "0" + ed;
    return out + ed;
  }
  if (decpt <= 0) return sign + "0." + std::string(-decpt, '0') + digits;
  if (decpt >= n) return sign + digits + std::string(decpt - n, '0') + (add_dot_0 ? ".0" : "");
  return sign + digits.substr(0, decpt) + "." + digits.substr(decpt);
}

std::string default_code_address(const CodeUnit& code) {
  // Stable across runs: derived from the code's name and line.
  uint64_t h = 1469598103934665603ull;
  for (char c : code.qualname) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  h ^= static_cast<uint64_t>(code.firstlineno);
  char buf[32];
  snprintf(buf, sizeof buf, "0x7f%010llx", static_cast<unsigned long long>(h & 0xFFFFFFFFFFull));
  return buf;
}

}  // namespace

// ---------------------------------------------------------------------------
std::string int_literal_to_decimal(const std::string& text) {
  std::string t;
  for (char c : text)
    if (c != '_') t += c;
  int base = 10;
  size_t start = 0;
  if (t.size() > 1 && t[0] == '0') {
    char p = static_cast<char>(t[1] | 0x20);
    if (p == 'x') base = 16, start = 2;
    else if (p == 'o') base = 8, start = 2;
    else if (p == 'b') base = 2, start = 2;
  }
  // Little-endian limbs of 10^9: value = value * base + digit.
  std::vector<uint32_t> limbs{0};
  for (size_t i = start; i < t.size(); ++i) {
    char c = t[i];
    uint32_t d = c >= '0' && c <= '9' ? c - '0' : (static_cast<char>(c | 0x20) - 'a' + 10);
    uint64_t carry = d;
    for (auto& limb : limbs) {
      uint64_t v = static_cast<uint64_t>(limb) * base + carry;
      limb = static_cast<uint32_t>(v % 1000000000u);
      carry = v / 1000000000u;
    }
    if (carry) limbs.push_back(static_cast<uint32_t>(carry));
  }
  std::string out = std::to_string(limbs.back());
  for (size_t i = limbs.size() - 1; i-- > 0;) {
    std::string part = std::to_string(limbs[i]);
    out += std::string(9 - part.size(), '0') + part;
  }
  return out;
}

Constant literal_constant(const ast::Constant* c) {
  Constant k;
  switch (c->value_kind) {
    case ast::ConstKind::None: k.kind = Kind::None; break;
    case ast::ConstKind::True: k.kind = Kind::True; break;
    case ast::ConstKind::False: k.kind = Kind::False; break;
    case ast::ConstKind::Ellipsis: k.kind = Kind::Ellipsis; break;
    case ast::ConstKind::Int:
      k.kind = Kind::Int;
      k.text = int_literal_to_decimal(c->text);
      break;
    case ast::ConstKind::Float:
      k.kind = Kind::Float;
      k.number = c->number;
      break;
    case ast::ConstKind::Imag:
      k.kind = Kind::Imag;
      k.number = c->number;
      break;
    case ast::ConstKind::Str:
      k.kind = Kind::Str;
      k.text = c->text;
      break;
    case ast::ConstKind::Bytes:
      k.kind = Kind::Bytes;
      k.text = c->text;
      break;
  }
  return k;
}

std::optional<Constant> fold_constant(const ast::Expr* e) {
  using K = ast::ExprKind;
  switch (e->kind) {
    case K::Constant: return literal_constant(e->as<ast::Constant>());
    case K::Name:
      if (e->as<ast::Name>()->id == "__debug__" && e->as<ast::Name>()->ctx == ast::ExprContext::Load) {
        Constant t;
        t.kind = Kind::True;
        return t;
      }
      return std::nullopt;
    case K::UnaryOp: return fold_unary(e->as<ast::UnaryOp>());
    case K::BinOp: return fold_binop(e->as<ast::BinOp>());
    case K::Tuple: {
      auto* t = e->as<ast::Tuple>();
      if (t->ctx != ast::ExprContext::Load) return std::nullopt;
      Constant c;
      c.kind = Kind::Tuple;
      for (auto* item : t->elts) {
        auto v = fold_constant(item);
        if (!v) return std::nullopt;
        c.items.push_back(std::move(*v));
      }
      return c;
    }
    default: return std::nullopt;
  }
}

std::optional<Constant> fold_iterable(const ast::Expr* e) {
  const std::vector<ast::Expr*>* elts = nullptr;
  Kind kind = Kind::Tuple;
  if (e->kind == ast::ExprKind::List) elts = &e->as<ast::List>()->elts;
  else if (e->kind == ast::ExprKind::Set) elts = &e->as<ast::Set>()->elts, kind = Kind::FrozenSet;
  else if (e->kind == ast::ExprKind::Tuple) return fold_constant(e);
  if (!elts) return std::nullopt;
  Constant c;
  c.kind = kind;
  for (auto* item : *elts) {
    auto v = fold_constant(item);
    if (!v) return std::nullopt;
    if (kind == Kind::FrozenSet) {
      bool dup = false;
      for (const auto& x : c.items) dup = dup || x == *v;
      if (dup) continue;
    }
    c.items.push_back(std::move(*v));
  }
  return c;
}

bool constant_truth(const Constant& c) {
  switch (c.kind) {
    case Kind::None:
    case Kind::False: return false;
    case Kind::True:
    case Kind::Ellipsis:
    case Kind::Code: return true;
    case Kind::Int: return c.text != "0";
    case Kind::Float:
    case Kind::Imag: return c.number != 0;
    case Kind::Str:
    case Kind::Bytes: return !c.text.empty();
    case Kind::Tuple:
    case Kind::FrozenSet: return !c.items.empty();
  }
  return true;
}

std::string constant_key(const Constant& c) {
  auto with_len = [](char tag, const std::string& s) { return tag + std::to_string(s.size()) + ":" + s; };
  switch (c.kind) {
    case Kind::None: return "N";
    case Kind::True: return "T";
    case Kind::False: return "F";
    case Kind::Ellipsis: return "E";
    case Kind::Int: return with_len('i', c.text);
    case Kind::Float:
    case Kind::Imag: {
      // Bit patterns, so that 0.0 and -0.0 stay distinct.
      uint64_t bits = std::bit_cast<uint64_t>(c.number);
      return (c.kind == Kind::Float ? "f" : "j") + std::to_string(bits);
    }
    case Kind::Str: return with_len('s', c.text);
    case Kind::Bytes: return with_len('b', c.text);
    case Kind::Tuple:
    case Kind::FrozenSet: {
      std::string k = c.kind == Kind::Tuple ? "(" : "{";
      for (const auto& item : c.items) k += constant_key(item) + ",";
      return k + (c.kind == Kind::Tuple ? ")" : "}");
    }
    case Kind::Code: {
      char buf[32];
      snprintf(buf, sizeof buf, "c%p", static_cast<const void*>(c.code.get()));
      return buf;
    }
  }
  return "?";
}

bool Constant::operator==(const Constant& o) const { return constant_key(*this) == constant_key(o); }

std::string float_repr(double d) { return format_float(d, true); }

std::string str_repr(const std::string& s) {
  char q = choose_quote(s);
  std::string out(1, q);
  for (size_t i = 0; i < s.size();) {
    uint32_t cp = next_code_point(s, i);
    if (cp == static_cast<uint32_t>(q) || cp == '\\') {
      out += '\\';
      out += static_cast<char>(cp);
    } else if (cp == '\t') out += "\\t";
    else if (cp == '\n') out += "\\n";
    else if (cp == '\r') out += "\\r";
    else if (cp < 0x20 || cp == 0x7F) append_hex(out, "\\x", cp, 2);
    else if (cp < 0x7F) out += static_cast<char>(cp);
    else if (printable_non_ascii(cp)) append_utf8(out, cp);
    else if (cp <= 0xFF) append_hex(out, "\\x", cp, 2);
    else if (cp <= 0xFFFF) append_hex(out, "\\u", cp, 4);
    else append_hex(out, "\\U", cp, 8);
  }
  out += q;
  return out;
}

std::string code_repr(const CodeUnit& code, const std::string& address) {
  return "<code object " + code.name + " at " + address + ", file \"" + code.filename + "\", line " +
         std::to_string(code.firstlineno) + ">";
}

std::string constant_repr(const Constant& c, const std::function<std::string(const CodeUnit&)>& code_address) {
  switch (c.kind) {
    case Kind::None: return "None";
    case Kind::True: return "True";
    case Kind::False: return "False";
    case Kind::Ellipsis: return "Ellipsis";
    case Kind::Int: return c.text;
    case Kind::Float: return float_repr(c.number);
    case Kind::Imag: return format_float(c.number, false) + "j";
    case Kind::Str: return str_repr(c.text);
    case Kind::Bytes: return bytes_repr(c.text);
    case Kind::Tuple: {
      std::string out = "(";
      for (size_t i = 0; i < c.items.size(); ++i) {
        if (i) out += ", ";
        out += constant_repr(c.items[i], code_address);
      }
      if (c.items.size() == 1) out += ",";
      return out + ")";
    }
    case Kind::FrozenSet: {
      if (c.items.empty()) return "frozenset()";
      std::string out = "frozenset({";
      for (size_t i = 0; i < c.items.size(); ++i) {
        if (i) out += ", ";
        out += constant_repr(c.items[i], code_address);
      }
      return out + "})";
    }
    case Kind::Code:
      if (!c.code) return "<code object>";
      return code_repr(*c.code, code_address ? code_address(*c.code) : default_code_address(*c.code));
  }
  return "?";
}

}  // namespace coil::compiler
