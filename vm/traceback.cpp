// traceback.cpp — traceback entries and CPython's report layout.
//
// An uncaught exception is printed as CPython 3.11 does:
//
//   Traceback (most recent call last):
//     File "x.py", line 3, in <module>
//       f()
//     File "x.py", line 2, in f
//       raise ValueError("bad")
//   ValueError: bad
//
// preceded, for chained exceptions, by the cause ("The above exception was
// the direct cause of the following exception:") or the context ("During
// handling of the above exception, another exception occurred:").  Under
// each source line a row of markers shows the failing expression ("the
// caret row" below), and a recursion's identical entries are folded into
// "[Previous line repeated N more times]" after the third.  docs/vm.md
// has the rules.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/names.h"
#include "runtime/singletons.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/unicode.h"
#include "stdlib/native/fileio.h"
#include "vm/frameobject.h"
#include "vm/import.h"
#include "vm/interp.h"
#include "vm/traceback.h"
#include "parser/parser.h"
#include "vm/code.h"

namespace coil::vm {

using namespace coil::runtime;

TypeObject TracebackType;

static std::map<std::string, std::string>& source_cache() {
  static std::map<std::string, std::string> cache;
  return cache;
}

void remember_source(const std::string& filename, std::string source) {
  source_cache()[filename] = std::move(source);
}

// Line `line` of `filename` as it is in the file, without its newline;
// false when there is no such line.
static bool raw_source_line(const std::string& filename, int line, std::string* out) {
  auto& cache = source_cache();
  auto it = cache.find(filename);
  if (it == cache.end()) {
    std::string text;
    if (!read_source_file(filename, &text)) return false;
    it = cache.emplace(filename, std::move(text)).first;
  }
  const std::string& src = it->second;
  size_t pos = 0;
  for (int i = 1; i < line && pos != std::string::npos; i++) {
    pos = src.find('\n', pos);
    if (pos != std::string::npos) pos++;
  }
  if (line < 1 || pos == std::string::npos || pos >= src.size()) return false;
  size_t end = src.find('\n', pos);
  *out = src.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
  return true;
}

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\r' || c == '\v'; }

std::string source_line_of(const std::string& filename, int line) {
  std::string text;
  if (!raw_source_line(filename, line, &text)) return "";
  size_t a = 0, b = text.size();
  while (a < b && is_space(text[a])) a++;
  while (b > a && is_space(text[b - 1])) b--;
  return text.substr(a, b - a);
}

void traceback_here(ThreadState* ts, Frame* f) {
  Object* exc_v = ts->pending.get();
  if (!exc_v || !exception_check(exc_v)) return;
  auto* be = static_cast<BaseException*>(exc_v);
  Ref<Object> keep = ts->pending;   // a failed allocation replaces it with MemoryError
  Traceback* tb = alloc<Traceback>(&TracebackType);
  if (!tb) {
    // Out of memory: the exception propagates without this entry.
    ts->pending = std::move(keep);
    return;
  }
  tb->next = be->traceback && be->traceback.get() != None ? be->traceback : nullptr;
  tb->code = Ref<Object>::borrow(f->code);
  // tb_frame: the frame object, made on first use and shared by every
  // entry for this frame.  Holding it keeps the frame's locals alive once
  // the call is over (vm/frameobject.h, "frames that outlive their calls").
  tb->frame = frame_object_of(f);
  if (!tb->frame) {
    ts->pending = keep;   // out of memory: an entry without tb_frame
  }
  tb->lasti = f->lasti;
  tb->lineno = code_line_of(f->code, f->lasti);
  be->traceback = Ref<Object>::steal(tb);
}

static void write_err(const std::string& s) { std::fwrite(s.data(), 1, s.size(), stderr); }

static std::string exception_summary(Object* exc_v) {
  TypeObject* t = exc_v->type;
  std::string name(type_name(t));
  Ref<Object> mod = getattr_opt(t, names::__module__);
  clear_error();
  if (mod && str_check(mod.get())) {
    std::string m(str_view(mod.get()));
    if (m != "builtins" && m != "__main__") name = m + "." + name;
  }
  std::string text;
  Ref<Object> s = str(exc_v);
  if (!s) {
    clear_error();
    text = "<exception str() failed>";
  } else {
    text = std::string(str_view(s.get()));
  }
  std::string out = text.empty() ? name : name + ": " + text;
  // SyntaxError: the source line and a caret, as CPython.
  if (is_instance_of(exc_v, exc::SyntaxError)) {
    Ref<Object> filename = getattr_opt(exc_v, names::filename);
    Ref<Object> lineno = getattr_opt(exc_v, names::lineno);
    Ref<Object> offset = getattr_opt(exc_v, names::offset);
    Ref<Object> textline = getattr_opt(exc_v, names::text);
    Ref<Object> msg = getattr_opt(exc_v, names::msg);
    clear_error();
    std::string head;
    std::string ln_text;
    if (lineno && lineno.get() != None) str_utf8(lineno.get(), &ln_text);
    if (filename && str_check(filename.get()) && lineno && lineno.get() != None) {
      std::string ln = ln_text;
      head = "  File \"" + std::string(str_view(filename.get())) + "\", line " + ln + "\n";
    }
    if (textline && str_check(textline.get())) {
      std::string tl(str_view(textline.get()));
      while (!tl.empty() && (tl.back() == '\n' || tl.back() == '\r')) tl.pop_back();
      size_t lead = tl.find_first_not_of(" \t\f");
      if (lead == std::string::npos) lead = tl.size();
      std::string stripped = tl.substr(lead);
      head += "    " + stripped + "\n";
      int64_t off = 0;
      std::string os;
      if (offset && offset.get() != None && str_utf8(offset.get(), &os)) off = std::atoll(os.c_str());
      int64_t col = off - 1 - static_cast<int64_t>(lead);
      if (col < 0) col = 0;
      // The caret spans the error's columns when it ends on the same line.
      int64_t width = 1;
      Ref<Object> end_line = getattr_opt(exc_v, names::end_lineno);
      Ref<Object> end_off = getattr_opt(exc_v, names::end_offset);
      clear_error();
      std::string el, eo;
      if (end_line && end_off && end_line.get() != None && end_off.get() != None &&
          str_utf8(end_line.get(), &el) && str_utf8(end_off.get(), &eo) && el == ln_text &&
          std::atoll(eo.c_str()) > off) {
        width = std::atoll(eo.c_str()) - off;
      }
      head += "    " + std::string(static_cast<size_t>(col), ' ') + std::string(static_cast<size_t>(width), '^') + "\n";
    }
    std::string m = msg && str_check(msg.get()) ? std::string(str_view(msg.get())) : text;
    out = head + name + ": " + m;
  }
  return out;
}

// ---- the caret row ------------------------------------------------------------------
//
// Under the source line of each entry CPython 3.11 marks the expression
// that failed:
//
//     return d["a"]["b"] + 1              print(x / y)
//            ~~~~~~^^^^^                        ~~^~~
//
// '^' alone when it is anything but a binary operation or a subscript;
// for those, '~' under the operands and '^' under the operator or the
// brackets.  The columns come from the failing instruction's position
// (co_positions); where the operator is, CPython finds by parsing the
// expression's text and reading its nodes' columns — and so does this,
// with coil's own parser.  The arithmetic below follows CPython's (its
// traceback.py, which the C printer agrees with), quirks included: counts
// are in code points, East Asian wide characters count two columns.

// A source line as code points (Python's str indexing).  A file changed
// since it ran may hold anything: a sequence cut short at the end of the
// line is taken byte by byte.
static std::u32string code_points(std::string_view s) {
  std::u32string out;
  const char* p = s.data();
  const char* end = p + s.size();
  while (p < end) {
    if (unicode::utf8_seq_length(static_cast<unsigned char>(*p)) > static_cast<size_t>(end - p))
      out.push_back(static_cast<unsigned char>(*p++));
    else
      out.push_back(unicode::decode_utf8(p));
  }
  return out;
}

// The number of code points in the first `bytes` bytes of UTF-8 `s`
// (CPython's _byte_offset_to_character_offset).
static int64_t char_offset(std::string_view s, int64_t bytes) {
  int64_t n = std::clamp<int64_t>(bytes, 0, static_cast<int64_t>(s.size()));
  return unicode::utf8_count(s.data(), static_cast<size_t>(n));
}

// unicodedata.east_asian_width(c) in ("W", "F"), for the main blocks.
static bool wide(char32_t c) {
  static const char32_t ranges[][2] = {
      {0x1100, 0x115F},   {0x231A, 0x231B},   {0x2329, 0x232A},   {0x23E9, 0x23EC},   {0x25FD, 0x25FE},
      {0x2614, 0x2615},   {0x2648, 0x2653},   {0x26AA, 0x26AB},   {0x26BD, 0x26BE},   {0x26C4, 0x26C5},
      {0x2E80, 0x303E},   {0x3041, 0x33FF},   {0x3400, 0x4DBF},   {0x4E00, 0x9FFF},   {0xA000, 0xA4CF},
      {0xA960, 0xA97F},   {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},   {0xFE10, 0xFE19},   {0xFE30, 0xFE6F},
      {0xFF00, 0xFF60},   {0xFFE0, 0xFFE6},   {0x16FE0, 0x16FE4}, {0x17000, 0x18CFF}, {0x1B000, 0x1B2FF},
      {0x1F300, 0x1F320}, {0x1F32D, 0x1F335}, {0x1F337, 0x1F37C}, {0x1F37E, 0x1F393}, {0x1F3A0, 0x1F3CA},
      {0x1F3CF, 0x1F3D3}, {0x1F3E0, 0x1F3F0}, {0x1F400, 0x1F43E}, {0x1F442, 0x1F4FC}, {0x1F4FF, 0x1F53D},
      {0x1F550, 0x1F567}, {0x1F5FB, 0x1F64F}, {0x1F680, 0x1F6C5}, {0x1F90C, 0x1F9FF}, {0x1FA70, 0x1FAFF},
      {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
  };
  for (const auto& r : ranges) {
    if (c < r[0]) return false;
    if (c <= r[1]) return true;
  }
  return false;
}

// CPython's IS_WHITESPACE: what the printer strips from the front of a
// source line and skips around operators.
static bool tb_space(char32_t c) { return c == ' ' || c == '\t' || c == '\f'; }

struct Anchors {
  int64_t left_end = 0;      // '^' from this character of the line ...
  int64_t right_start = 0;   // ... to this one (exclusive), '~' around
};

// Where the '^' goes inside the failing expression `segment` (UTF-8), in
// characters from the segment's start: under the operator of a binary
// operation (past a parenthesised left operand's ')'), under the brackets
// of a subscript.  false for every other expression, or when the text
// does not parse on its own.
static bool caret_anchors(const std::string& segment, Anchors* out) {
  ast::Module module;
  Diagnostic diag;
  if (!parser::parse(segment, parser::Mode::Exec, &module, &diag)) return false;
  if (module.body.size() != 1 || module.body[0]->kind != ast::StmtKind::Expr) return false;
  const ast::Expr* e = static_cast<const ast::ExprStmt*>(module.body[0])->value;
  const int64_t len = static_cast<int64_t>(segment.size());
  auto at = [&](int64_t i) -> char32_t { return i < len ? static_cast<unsigned char>(segment[static_cast<size_t>(i)]) : 0; };
  int64_t left = -1, right = -1;   // byte offsets into the segment
  if (e->kind == ast::ExprKind::BinOp) {
    const auto* op = e->as<ast::BinOp>();
    const int64_t stop = op->right->col;
    for (int64_t i = op->left->end_col; i < stop; i++) {
      if (tb_space(at(i))) continue;
      left = i;
      right = i + 1;
      if (i + 1 < stop && !tb_space(at(i + 1))) right++;   // a two-character operator
      if (i + 1 < stop && at(i) == ')') continue;          // the left operand's ')': keep looking
      break;
    }
    if (left < 0) return false;
  } else if (e->kind == ast::ExprKind::Subscript) {
    const auto* sub = e->as<ast::Subscript>();
    left = sub->value->end_col;
    right = sub->slice->end_col + 1;
    while (left < len && at(left) != '[') left++;
    while (right < len && at(right) != ']') right++;
    if (right < len) right++;
  } else {
    return false;
  }
  out->left_end = char_offset(segment, left);
  out->right_start = char_offset(segment, right);
  return true;
}

// The marker row for source line `raw` (as read, without its newline)
// and the failing instruction's position, or "" when there is none to
// show: the marked span is exactly the printed line.
static std::string caret_row(const std::string& raw, const compiler::Position& pos) {
  if (pos.line <= 0 || pos.col < 0 || pos.end_col < 0) return "";
  std::u32string line = code_points(raw);
  const int64_t len = static_cast<int64_t>(line.size());
  int64_t lead = 0;
  while (lead < len && tb_space(line[static_cast<size_t>(lead)])) lead++;
  int64_t start = char_offset(raw, pos.col);
  int64_t end = char_offset(raw, pos.end_col);
  bool anchored = false;
  Anchors anchors;
  if (pos.line == pos.end_line) {
    if (end > start) {
      size_t from = static_cast<size_t>(std::min<int64_t>(pos.col, static_cast<int64_t>(raw.size())));
      size_t to = static_cast<size_t>(std::min<int64_t>(pos.end_col, static_cast<int64_t>(raw.size())));
      anchored = caret_anchors(raw.substr(from, to - from), &anchors);
      anchors.left_end += start;
      anchors.right_start += start;
    }
  } else {
    end = len;   // several lines: to the last non-blank character of the first
    while (end > 0 && tb_space(line[static_cast<size_t>(end - 1)])) end--;
  }
  if (end - start == len - lead && !anchored) return "";
  // Columns on screen: East Asian wide characters take two.
  std::vector<int64_t> cols(line.size() + 1, 0);
  for (size_t i = 0; i < line.size(); i++) cols[i + 1] = cols[i] + (wide(line[i]) ? 2 : 1);
  auto col = [&](int64_t i) { return i <= len ? cols[static_cast<size_t>(i)] : cols.back() + (i - len); };
  std::string row = "    " + std::string(static_cast<size_t>(std::max<int64_t>(0, col(start) - lead)), ' ');
  for (int64_t i = start; i < end && i < len; i++) {
    bool secondary = anchored && i >= anchors.left_end && i < anchors.right_start;
    char mark = !anchored ? '^' : secondary ? '^' : '~';
    row.append(static_cast<size_t>(col(i + 1) - col(i)), mark);
  }
  if (end > len) row.append(static_cast<size_t>(end - std::max(start, len)), anchored ? '~' : '^');
  return row + "\n";
}

// One entry: `  File "f.py", line 3, in g`, the source line, the carets.
static void print_entry(const Traceback* tb) {
  Code* code = static_cast<Code*>(tb->code.get());
  std::string filename(str_view(code->filename.get()));
  std::string fn(str_view(code->name.get()));
  write_err("  File \"" + filename + "\", line " + std::to_string(tb->lineno) + ", in " + fn + "\n");
  // Pseudo-files ("<string>" of -c and exec, "<stdin>") show no source
  // line, as linecache has none for them.
  bool pseudo = filename.size() >= 2 && filename.front() == '<' && filename.back() == '>';
  std::string raw;
  if (pseudo || !raw_source_line(filename, tb->lineno, &raw)) return;
  if (!raw.empty() && raw.back() == '\r') raw.pop_back();   // universal newlines
  size_t lead = 0;
  while (lead < raw.size() && tb_space(static_cast<unsigned char>(raw[lead]))) lead++;
  write_err("    " + raw.substr(lead) + "\n");
  const auto& positions = code->unit->positions;
  if (tb->lasti >= 0 && static_cast<size_t>(tb->lasti) < positions.size()) {
    const compiler::Position& pos = positions[static_cast<size_t>(tb->lasti)];
    if (pos.line == tb->lineno) write_err(caret_row(raw, pos));
  }
}

// CPython's TB_RECURSIVE_CUTOFF: after three identical entries in a row
// (same file, line and function — a recursion) the rest are counted.
constexpr int kRepeatCutoff = 3;

static void print_repeated(int count) {
  int more = count - kRepeatCutoff;
  write_err("  [Previous line repeated " + std::to_string(more) + " more time" + (more > 1 ? "s" : "") + "]\n");
}

// sys.tracebacklimit: print only the innermost `limit` entries; none (and
// no header) when it is 0 or less.  Default 1000, as CPython.
static int64_t traceback_limit() {
  int64_t limit = 1000;
  Ref<Object> v = getattr_opt(interp().sys_module.get(), intern("tracebacklimit"));
  if (!v) {
    clear_error();
    return limit;
  }
  if (!int_check(v.get())) return limit;
  int64_t n = 0;
  if (int_fits_i64(v.get(), &n)) return n;
  return int_sign(v.get()) > 0 ? INT64_MAX : 0;
}

static void print_traceback(Object* first) {
  int64_t limit = traceback_limit();
  if (limit <= 0) return;
  int64_t depth = 0;
  for (Object* t = first; t && t != None; t = static_cast<Traceback*>(t)->next.get()) depth++;
  Object* t = first;
  for (; t && t != None && depth > limit; depth--) t = static_cast<Traceback*>(t)->next.get();
  write_err("Traceback (most recent call last):\n");
  const Traceback* last = nullptr;
  int count = 0;
  for (; t && t != None; t = static_cast<Traceback*>(t)->next.get()) {
    auto* tb = static_cast<const Traceback*>(t);
    bool same = last && last->lineno == tb->lineno &&
                static_cast<Code*>(last->code.get())->filename.get() == static_cast<Code*>(tb->code.get())->filename.get() &&
                static_cast<Code*>(last->code.get())->name.get() == static_cast<Code*>(tb->code.get())->name.get();
    if (!same) {
      if (count > kRepeatCutoff) print_repeated(count);
      last = tb;
      count = 0;
    }
    if (++count <= kRepeatCutoff) print_entry(tb);
  }
  if (count > kRepeatCutoff) print_repeated(count);
}

static void print_one(Object* exc_v) {
  auto* be = static_cast<BaseException*>(exc_v);
  if (be->traceback && be->traceback.get() != None) print_traceback(be->traceback.get());
  write_err(exception_summary(exc_v) + "\n");
  // PEP 678: the notes of add_note(), one str() per note, after the summary.
  Ref<Object> notes = getattr_opt(exc_v, intern("__notes__"));
  if (!notes) {
    clear_error();
    return;
  }
  // Any sequence will do (CPython's PySequence_Check: indexable, not a dict).
  if (!notes->type->mp_subscript || type_has(notes->type, kDictSubclass)) {
    std::string r;
    if (!repr_utf8(notes.get(), &r)) {
      clear_error();
      r = "<__notes__ repr() failed>";
    }
    write_err(r + "\n");
    return;
  }
  Ref<Object> items = sequence_to_tuple(notes.get());
  if (!items) {
    clear_error();
    return;
  }
  for (size_t i = 0; i < static_cast<Tuple*>(items.get())->size; i++) {
    std::string text;
    if (!str_utf8(static_cast<Tuple*>(items.get())->items[i], &text)) {
      clear_error();
      text = "<note str() failed>";
    }
    write_err(text + "\n");
  }
}

static void print_chain(Object* exc_v, std::set<Object*>& seen) {
  seen.insert(exc_v);
  auto* be = static_cast<BaseException*>(exc_v);
  if (be->cause && be->cause.get() != None && exception_check(be->cause.get()) &&
      !seen.count(be->cause.get())) {
    print_chain(be->cause.get(), seen);
    write_err("\nThe above exception was the direct cause of the following exception:\n\n");
  } else if (!be->suppress_context && be->context && be->context.get() != None &&
             exception_check(be->context.get()) && !seen.count(be->context.get())) {
    print_chain(be->context.get(), seen);
    write_err("\nDuring handling of the above exception, another exception occurred:\n\n");
  }
  print_one(exc_v);
}

// Whether `e` or an exception chained to it is an exception group.
static bool chain_has_group(Object* e, std::set<Object*>& seen) {
  if (!e || e == None || !exception_check(e) || !seen.insert(e).second) return false;
  if (is_instance_of(e, exc::BaseExceptionGroup)) return true;
  auto* be = static_cast<BaseException*>(e);
  return chain_has_group(be->cause.get(), seen) || chain_has_group(be->context.get(), seen);
}

// Exception groups nest their members' reports in boxes ("+-+---- 1 ----").
// The traceback module draws them exactly as CPython's printer does (CPython
// 3.13's printer calls it too); false when that fails, and the flat report
// follows.
static bool print_with_traceback_module(Object* exc_v) {
  Ref<Object> saved = fetch_error();
  Ref<Object> mod = import_module("traceback");
  Ref<Object> fn = mod ? getattr(mod.get(), "print_exception") : nullptr;
  Object* args[1] = {exc_v};
  Ref<Object> r = fn ? call(fn.get(), args, 1) : nullptr;
  if (!r) clear_error();
  restore_error(std::move(saved));
  return static_cast<bool>(r);
}

void print_exception(Object* exc_v) {
  // What the program printed comes first (stdout may be block-buffered).
  flush_std_streams();
  std::set<Object*> groups_seen;
  if (chain_has_group(exc_v, groups_seen) && print_with_traceback_module(exc_v)) return;
  if (!exception_check(exc_v)) {
    std::string r;
    if (repr_utf8(exc_v, &r)) write_err(r + "\n");
    return;
  }
  std::set<Object*> seen;
  print_chain(exc_v, seen);
}

// ---- the traceback type ----------------------------------------------------------

static void tb_dealloc(Object* self) { destroy_object(static_cast<Traceback*>(self)); }

// The cycle collector's slots (an exception -> its traceback -> the frame's
// locals -> the exception is the classic cycle of `except ... as e`).
static void tb_traverse(Object* self, VisitFn visit, void* arg) {
  auto* tb = static_cast<Traceback*>(self);
  for (Object* o : {tb->next.get(), tb->code.get(), tb->frame.get()})
    if (o) visit(o, arg);
}

static void tb_clear(Object* self) {
  auto* tb = static_cast<Traceback*>(self);
  Ref<Object> next = std::move(tb->next);
  Ref<Object> frame = std::move(tb->frame);
}
static Ref<Object> tb_next(Object* s) {
  Traceback* tb = static_cast<Traceback*>(s);
  return tb->next ? tb->next : none();
}
static Ref<Object> tb_lineno(Object* s) { return int_from_i64(static_cast<Traceback*>(s)->lineno); }
static Ref<Object> tb_lasti(Object* s) { return int_from_i64(static_cast<Traceback*>(s)->lasti * 2); }
static Ref<Object> tb_frame(Object* s) {
  Traceback* tb = static_cast<Traceback*>(s);
  return tb->frame ? tb->frame : none();
}
static const GetSetDef tb_getset[] = {
    {"tb_next", tb_next}, {"tb_lineno", tb_lineno}, {"tb_lasti", tb_lasti}, {"tb_frame", tb_frame},
    {nullptr, nullptr},
};

void init_traceback_type() {
  TracebackType.name = "traceback";
  TracebackType.basic_size = sizeof(Traceback);
  TracebackType.flags = kHaveGC;
  TracebackType.dealloc = tb_dealloc;
  TracebackType.traverse = tb_traverse;
  TracebackType.clear = tb_clear;
  TracebackType.getset = tb_getset;
}

}  // namespace coil::vm
