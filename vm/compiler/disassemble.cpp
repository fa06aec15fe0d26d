// disassemble.cpp — `python3 -m dis`-style listings of CodeUnits.
//
// The layout is CPython 3.11's dis.py: a line-number column where a new
// source line starts (with a blank line before it), `>>` on jump targets,
// the offset, the opname padded to 20, the oparg right-aligned in 5 and
// the argument's meaning in parentheses; then "ExceptionTable:" and the
// nested code objects.  Offsets are instruction index × 2, so they read
// like CPython's byte offsets (coil has no CACHE entries, so the numbers
// themselves differ from CPython's).  Names, stack effects and argument
// kinds all come from the opcode table (vm/opcodes.h).
#include <cstdio>
#include <set>
#include <unordered_map>

#include "vm/compiler/compiler.h"
#include "vm/compiler/constfold.h"

namespace coil::compiler {

namespace {

using vm::Opcode;

constexpr int kOpnameWidth = 20;
constexpr int kOpargWidth = 5;

const char* const kCompareOps[] = {"<", "<=", "==", "!=", ">", ">="};
const char* const kBinaryOps[] = {"+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^"};
const char* const kFunctionFlags[] = {"defaults", "kwdefaults", "annotations", "closure"};

std::string rjust(const std::string& s, size_t w) { return s.size() >= w ? s : std::string(w - s.size(), ' ') + s; }
std::string ljust(const std::string& s, size_t w) { return s.size() >= w ? s : s + std::string(w - s.size(), ' '); }

class Disassembler {
 public:
  explicit Disassembler(const CodeUnit& top) { number_code_objects(top); }

  std::string run(const CodeUnit& code, bool recursive) {
    std::string out = listing(code);
    if (!recursive) return out;
    for (const Constant& c : code.consts) {
      if (c.kind != Constant::Kind::Code || !c.code) continue;
      out += "\nDisassembly of " + repr(c) + ":\n";
      out += run(*c.code, true);
    }
    return out;
  }

 private:
  std::unordered_map<const CodeUnit*, std::string> addresses_;

  // Fake but stable addresses, numbered in the order the listing shows them.
  void number_code_objects(const CodeUnit& code) {
    char buf[32];
    snprintf(buf, sizeof buf, "0x7f00%08zx", 0x1000 + addresses_.size() * 0x100);
    addresses_.emplace(&code, buf);
    for (const Constant& c : code.consts)
      if (c.kind == Constant::Kind::Code && c.code && !addresses_.count(c.code.get())) number_code_objects(*c.code);
  }

  std::string repr(const Constant& c) {
    return constant_repr(c, [this](const CodeUnit& cu) {
      auto it = addresses_.find(&cu);
      return it == addresses_.end() ? std::string("0x7f0000000000") : it->second;
    });
  }

  static std::string localsplus_name(const CodeUnit& code, uint32_t i) {
    if (i < code.varnames.size()) return code.varnames[i];
    i -= static_cast<uint32_t>(code.varnames.size());
    if (i < code.cellvars.size()) return code.cellvars[i];
    i -= static_cast<uint32_t>(code.cellvars.size());
    if (i < code.freevars.size()) return code.freevars[i];
    return "<" + std::to_string(i) + ">";
  }

  static std::string at(const std::vector<std::string>& v, uint32_t i) {
    return i < v.size() ? v[i] : "<" + std::to_string(i) + ">";
  }

  std::string argrepr(const CodeUnit& code, Opcode op, uint32_t arg) {
    switch (op) {
      case Opcode::LOAD_CONST:
      case Opcode::KW_NAMES:
        return arg < code.consts.size() ? repr(code.consts[arg]) : "<bad const>";
      case Opcode::LOAD_NAME: case Opcode::STORE_NAME: case Opcode::DELETE_NAME:
      case Opcode::LOAD_GLOBAL: case Opcode::STORE_GLOBAL: case Opcode::DELETE_GLOBAL:
      case Opcode::LOAD_ATTR: case Opcode::STORE_ATTR: case Opcode::DELETE_ATTR:
      case Opcode::LOAD_METHOD: case Opcode::IMPORT_NAME: case Opcode::IMPORT_FROM:
        return at(code.names, arg);
      case Opcode::LOAD_FAST: case Opcode::STORE_FAST: case Opcode::DELETE_FAST:
        return at(code.varnames, arg);
      case Opcode::LOAD_DEREF: case Opcode::STORE_DEREF: case Opcode::DELETE_DEREF:
      case Opcode::LOAD_CLOSURE: case Opcode::LOAD_CLASSDEREF:
        return localsplus_name(code, arg);
      case Opcode::COMPARE_OP:
        return arg < 6 ? kCompareOps[arg] : "?";
      case Opcode::BINARY_OP:
        if (arg < 13) return kBinaryOps[arg];
        if (arg < 26) return std::string(kBinaryOps[arg - 13]) + "=";
        return "?";
      case Opcode::FORMAT_VALUE: {
        static const char* const conv[] = {"", "str", "repr", "ascii"};
        std::string s = conv[arg & 3];
        if (arg & 4) s += s.empty() ? "with format" : ", with format";
        return s;
      }
      case Opcode::MAKE_FUNCTION: {
        std::string s;
        for (int i = 0; i < 4; ++i) {
          if (!(arg & (1u << i))) continue;
          if (!s.empty()) s += ", ";
          s += kFunctionFlags[i];
        }
        return s;
      }
      default:
        if (vm::opcode_is_jump(op)) return "to " + std::to_string(arg * 2);
        return "";
    }
  }

  std::string listing(const CodeUnit& code) {
    // Which instructions start a source line, and which are jump targets.
    std::vector<int> starts(code.code.size(), 0);
    int last = -1, maxline = 0;
    for (size_t i = 0; i < code.code.size(); ++i) {
      int line = i < code.positions.size() ? code.positions[i].line : 0;
      if (line > 0 && line != last) {
        starts[i] = line;
        last = line;
        maxline = std::max(maxline, line);
      }
    }
    std::set<uint32_t> labels;
    for (vm::Instr ins : code.code)
      if (vm::opcode_is_jump(vm::instr_op(ins))) labels.insert(vm::instr_arg(ins));
    for (const auto& e : code.exception_table) labels.insert(e.target);

    bool show_lineno = maxline > 0;
    size_t lineno_width = show_lineno ? (maxline >= 1000 ? std::to_string(maxline).size() : 3) : 0;
    size_t maxoffset = code.code.empty() ? 0 : (code.code.size() - 1) * 2;
    size_t offset_width = maxoffset >= 10000 ? std::to_string(maxoffset).size() : 4;

    std::string out;
    for (size_t i = 0; i < code.code.size(); ++i) {
      vm::Instr ins = code.code[i];
      Opcode op = vm::instr_op(ins);
      uint32_t arg = vm::instr_arg(ins);
      if (show_lineno && starts[i] && i > 0) out += "\n";
      std::string line;
      if (lineno_width) line += (starts[i] ? rjust(std::to_string(starts[i]), lineno_width) : std::string(lineno_width, ' ')) + " ";
      line += "   ";
      line += labels.count(static_cast<uint32_t>(i)) ? " >>" : "   ";
      line += " " + rjust(std::to_string(i * 2), offset_width);
      line += " " + ljust(std::string(vm::opcode_name(op)), kOpnameWidth);
      if (vm::opcode_has_arg(op)) {
        line += " " + rjust(std::to_string(arg), kOpargWidth);
        std::string r = argrepr(code, op, arg);
        if (!r.empty()) line += " (" + r + ")";
      }
      while (!line.empty() && line.back() == ' ') line.pop_back();
      out += line + "\n";
    }
    if (!code.exception_table.empty()) {
      out += "ExceptionTable:\n";
      for (const auto& e : code.exception_table) {
        out += "  " + std::to_string(e.start * 2) + " to " + std::to_string((e.end - 1) * 2) + " -> " +
               std::to_string(e.target * 2) + " [" + std::to_string(e.depth) + "]" + (e.lasti ? " lasti" : "") + "\n";
      }
    }
    return out;
  }
};

}  // namespace

std::string disassemble(const CodeUnit& code, bool recursive) { return Disassembler(code).run(code, recursive); }

}  // namespace coil::compiler
