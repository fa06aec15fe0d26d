// fstring.cpp — splitting an f-string body into literal text and fields.
//
// The lexer gives an f-string to the parser as one STRING token holding the
// raw body.  This file cuts that body into parts, following CPython 3.11's
// string_parser.c step by step (fstring_find_literal, fstring_find_expr),
// so that the same inputs are accepted and the same messages come out:
//
//   f"a{{b}} {x!r:>{width}} {y=}"
//     literal "a{b} "          ("{{" and "}}" collapse at the top level)
//     field   x, conversion 'r', spec [field width] with literal ">"
//     literal " "
//     field   y, debug_text "y=", conversion 'r'
//
// In 3.11 an expression is found by scanning for the '!', ':', '=' or '}'
// that ends it at bracket depth zero, skipping over nested strings; so it
// may not contain a backslash, a '#', or (because the lexer already ended
// the token there) the quote that encloses the f-string.  A format spec is
// itself an f-string body, split by the same code one level deeper; two
// levels of nesting is the limit.
#include <string>
#include <vector>

#include "lexer/fstring.h"

namespace coil::lexer {

namespace {

constexpr size_t kMaxParens = 200;  // CPython's MAXLEVEL

bool is_space(char c) {  // CPython's Py_ISSPACE
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\x0b' || c == '\f';
}

class Splitter {
 public:
  Splitter(const std::string& body, bool raw, int line, int col, Diagnostic* err)
      : s_(body), n_(body.size()), raw_(raw), err_(err), at_line_(line), at_col_(col) {}

  // CPython's _PyPegen_FstringParser_ConcatFstring: literal, field,
  // literal, field ... until the end of the body (level 0) or the '}' that
  // closes a format spec (level 1).
  bool parse(int level, std::vector<FStringPart>* out) {
    for (;;) {
      std::string literal;
      int r = find_literal(level, &literal);
      if (r < 0) return false;
      add_literal(out, literal);
      if (r == 1) continue;  // a doubled brace: keep collecting literal text
      if (i_ >= n_ || s_[i_] == '}') break;
      FStringPart part;
      part.is_field = true;
      if (!find_expr(level, &part.field)) return false;
      out->push_back(std::move(part));
    }
    if (level != 0 && (i_ >= n_ || s_[i_] != '}')) return error("f-string: expecting '}'", i_);
    return true;
  }

 private:
  // Appends decoded literal text, merging it with a literal just before.
  static void add_literal(std::vector<FStringPart>* out, const std::string& text) {
    if (text.empty()) return;
    if (!out->empty() && !out->back().is_field) {
      out->back().literal += text;
      return;
    }
    FStringPart part;
    part.literal = text;
    out->push_back(std::move(part));
  }

  // CPython's fstring_find_literal.  Scans literal text up to a '{' that
  // starts a field, a '}' that ends a spec, or the end.  Returns 1 after a
  // doubled brace (the caller loops), 0 otherwise, -1 on error.
  int find_literal(int level, std::string* literal) {
    size_t start = i_, s = i_;
    int result = 0;
    while (s < n_) {
      char ch = s_[s++];
      if (!raw_ && ch == '\\' && s < n_) {
        ch = s_[s++];
        if (ch == 'N') {
          // Skip "\N{NAME}" so that its braces are not taken for a field.
          // (CPython advances past the character after \N even when it is
          // not '{'; the decoder reports the malformed escape later.)
          if (s < n_ && s_[s++] == '{') {
            while (s < n_ && s_[s++] != '}') {
            }
          }
          continue;
        }
      }
      if (ch == '{' || ch == '}') {
        // Braces are doubled only at the top level; in a spec "}}" is the
        // end of the spec and then the end of the field.
        if (level == 0) {
          if (s < n_ && s_[s] == ch) {
            i_ = s + 1;
            result = 1;
            return decode_literal(start, s, literal) ? result : -1;
          }
          if (ch == '}') {
            i_ = s - 1;
            error("f-string: single '}' is not allowed", s - 1);
            return -1;
          }
        }
        s--;
        break;
      }
    }
    i_ = s;
    return decode_literal(start, s, literal) ? result : -1;
  }

  bool decode_literal(size_t start, size_t end, std::string* out) {
    if (start == end) return true;
    std::string_view text(s_.data() + start, end - start);
    if (raw_) {
      out->assign(text);
      return true;
    }
    Diagnostic d;
    if (decode_str_escapes(text, out, &d)) return true;
    // d.col is the offset of the bad escape within this piece.
    return error(d.msg.c_str(), start + size_t(d.col));
  }

  // CPython's fstring_find_expr, from the '{' at i_ to just past the '}'.
  bool find_expr(int level, FStringField* f) {
    if (level >= 2) return error("f-string: expressions nested too deeply", i_);
    i_++;  // the '{'
    size_t expr_start = i_;
    char quote = 0;       // inside a string in the expression: its quote
    int string_type = 0;  // and 1 or 3 quotes
    std::string parens;   // open brackets
    for (; i_ < n_; i_++) {
      char ch = s_[i_];
      if (ch == '\\') return error("f-string expression part cannot include a backslash", i_);
      if (quote) {
        if (ch == quote) {
          if (string_type == 3) {
            if (i_ + 2 < n_ && s_[i_ + 1] == ch && s_[i_ + 2] == ch) {
              i_ += 2;
              quote = 0, string_type = 0;
            }
          } else {
            quote = 0, string_type = 0;
          }
        }
        continue;
      }
      if (ch == '\'' || ch == '"') {
        if (i_ + 2 < n_ && s_[i_ + 1] == ch && s_[i_ + 2] == ch) {
          string_type = 3;
          i_ += 2;
        } else {
          string_type = 1;
        }
        quote = ch;
      } else if (ch == '[' || ch == '{' || ch == '(') {
        if (parens.size() >= kMaxParens) return error("f-string: too many nested parenthesis", i_);
        parens.push_back(ch);
      } else if (ch == '#') {
        return error("f-string expression part cannot include '#'", i_);
      } else if (parens.empty() &&
                 (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' || ch == '<')) {
        // "!=", "==", "<=", ">=" are operators, not the end of the
        // expression; a lone '<' or '>' is a comparison.
        if (i_ + 1 < n_ && s_[i_ + 1] == '=' && ch != ':' && ch != '}') {
          i_++;
          continue;
        }
        if (ch == '>' || ch == '<') continue;
        break;
      } else if (ch == ']' || ch == '}' || ch == ')') {
        if (parens.empty()) return error(std::string("f-string: unmatched '") + ch + "'", i_);
        char open = parens.back();
        parens.pop_back();
        if (!((open == '(' && ch == ')') || (open == '[' && ch == ']') ||
              (open == '{' && ch == '}')))
          return error(std::string("f-string: closing parenthesis '") + ch +
                           "' does not match opening parenthesis '" + open + "'",
                       i_);
      }
    }
    size_t expr_end = i_;
    if (quote) return error("f-string: unterminated string", i_);
    if (!parens.empty()) return error(std::string("f-string: unmatched '") + parens.back() + "'", i_);
    if (i_ >= n_) return expecting_brace();

    // CPython compiles the expression at this point; the only check that
    // belongs here rather than in the parser is for an empty one.
    if (!check_not_empty(expr_start, expr_end)) return false;
    f->expr = s_.substr(expr_start, expr_end - expr_start);
    position(expr_start, &f->expr_line, &f->expr_col);

    if (s_[i_] == '=') {  // "{x=}": print the text, then the value
      i_++;
      while (i_ < n_ && is_space(s_[i_])) i_++;
      if (i_ >= n_) return expecting_brace();
      f->debug_text = s_.substr(expr_start, i_ - expr_start);
    }
    if (s_[i_] == '!') {
      i_++;
      if (i_ >= n_) return expecting_brace();
      char conversion = s_[i_++];
      if (conversion != 's' && conversion != 'r' && conversion != 'a')
        return error("f-string: invalid conversion character: expected 's', 'r', or 'a'", i_ - 1);
      f->conversion = conversion;
    }
    if (i_ < n_ && s_[i_] == ':') {
      i_++;
      if (i_ >= n_) return expecting_brace();
      f->has_spec = true;
      if (!parse(level + 1, &f->spec)) return false;
    }
    if (i_ >= n_ || s_[i_] != '}') return expecting_brace();
    i_++;
    // With '=' and neither a conversion nor a spec, the value is shown
    // with repr(), as CPython's AST records it.
    if (!f->debug_text.empty() && !f->has_spec && f->conversion == 0) f->conversion = 'r';
    return true;
  }

  bool check_not_empty(size_t start, size_t end) {
    for (size_t k = start; k < end; k++) {
      char c = s_[k];
      if (!(c == ' ' || c == '\t' || c == '\n' || c == '\f')) return true;
    }
    char stop = s_[end];
    if (stop == '!' || stop == ':' || stop == '=')
      return error(std::string("f-string: expression required before '") + stop + "'", end);
    return error("f-string: empty expression not allowed", end);
  }

  bool expecting_brace() { return error("f-string: expecting '}'", i_); }

  // Places an error at body offset `at` (CPython reports f-string errors at
  // the token after the string; the lexer moves it there).
  bool error(const std::string& msg, size_t at) {
    if (err_) {
      err_->type = "SyntaxError";
      err_->msg = msg;
      int line, col;
      position(at, &line, &col);
      err_->line = err_->end_line = line;
      err_->col = err_->end_col = col;
    }
    return false;
  }

  // The file position of body offset `idx`.  Offsets are asked for mostly
  // in increasing order, so we walk forward from the last answer.
  void position(size_t idx, int* line, int* col) {
    if (idx < at_idx_) at_idx_ = 0, at_line_ = line0_, at_col_ = col0_;
    for (; at_idx_ < idx && at_idx_ < n_; at_idx_++) {
      if (s_[at_idx_] == '\n')
        at_line_++, at_col_ = 0;
      else
        at_col_++;
    }
    *line = at_line_;
    *col = at_col_;
  }

  const std::string& s_;
  size_t i_ = 0, n_;
  bool raw_;
  Diagnostic* err_;
  size_t at_idx_ = 0;
  int at_line_, at_col_;
  int line0_ = at_line_, col0_ = at_col_;
};

}  // namespace

bool split_fstring(const std::string& body, bool raw, int line, int col,
                   std::vector<FStringPart>* out, Diagnostic* err) {
  out->clear();
  Splitter splitter(body, raw, line, col, err);
  return splitter.parse(0, out);
}

}  // namespace coil::lexer
