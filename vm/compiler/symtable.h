// symtable.h — the symbol table pass (private to the compiler).
//
// See the essay at the top of symtable.cpp for how scopes, free variables
// and cells are decided.  The code generator asks one question of this
// module: "in scope S, what kind of variable is the (mangled) name N?"
#pragma once

#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "lexer/diagnostic.h"
#include "parser/ast.h"

namespace coil::compiler {

// How a name is stored, once the analysis is done (CPython's scopes).
enum class Scope : uint8_t {
  Unknown,         // never mentioned in this block (e.g. __doc__ stores)
  Local,           // a binding of this block: fast local or namespace entry
  GlobalExplicit,  // declared `global`
  GlobalImplicit,  // used but bound nowhere around it: globals, then builtins
  Free,            // bound in an enclosing function: a cell received via closure
  Cell,            // local that an inner function captures
};

// What the visit recorded about a name in a block (CPython's DEF_* flags).
enum SymbolFlag : uint32_t {
  kDefGlobal = 1 << 0,     // `global x`
  kDefLocal = 1 << 1,      // assigned in this block
  kDefParam = 1 << 2,      // a parameter
  kDefNonlocal = 1 << 3,   // `nonlocal x`
  kUse = 1 << 4,           // read in this block
  kDefFreeClass = 1 << 5,  // free in a method and also bound in the class
  kDefImport = 1 << 6,     // bound by import
  kDefAnnot = 1 << 7,      // annotated (`x: int`)
  kDefCompIter = 1 << 8,   // a comprehension's iteration variable
  kDefBound = kDefLocal | kDefParam | kDefImport,
};

enum class BlockType : uint8_t { Module, Class, Function };
enum class ComprehensionKind : uint8_t { None, List, Set, Dict, Generator };

struct Symbol {
  uint32_t flags = 0;
  Scope scope = Scope::Unknown;
};

// One scope: the module, a class body, a function, a lambda or a
// comprehension (comprehensions are functions in 3.11).
struct SymbolTableEntry {
  std::string name;
  BlockType type = BlockType::Module;
  const void* key = nullptr;   // the AST node that opened the scope
  int line = 0;
  // Ordered by name so that iteration (and so cellvars/freevars) is sorted,
  // as CPython sorts them.
  std::map<std::string, Symbol> symbols;
  std::vector<std::string> varnames;   // parameters, in declaration order
  std::vector<SymbolTableEntry*> children;
  // The global/nonlocal statement (or walrus) that declared a name, for
  // error positions.
  std::unordered_map<std::string, const ast::Node*> directives;

  bool nested = false;          // inside a function
  bool generator = false;       // contains yield
  bool coroutine = false;       // async def, or await/async-for inside
  bool varargs = false, varkeywords = false;
  bool returns_value = false;
  bool free = false;            // has free variables
  bool child_free = false;
  bool needs_class_closure = false;  // class whose methods use __class__
  bool comp_iter_target = false;     // visiting a comprehension target
  int comp_iter_expr = 0;            // >0 while visiting a comprehension iterable
  ComprehensionKind comprehension = ComprehensionKind::None;

  Scope scope_of(const std::string& mangled) const {
    auto it = symbols.find(mangled);
    return it == symbols.end() ? Scope::Unknown : it->second.scope;
  }
  uint32_t flags_of(const std::string& mangled) const {
    auto it = symbols.find(mangled);
    return it == symbols.end() ? 0 : it->second.flags;
  }
};

class SymbolTable {
 public:
  // Builds the table for a module (or an eval-mode expression).  Returns
  // false with *err set on a compile-time SyntaxError.
  bool build(const ast::Module& module, Diagnostic* err);

  SymbolTableEntry* top() const { return top_; }
  SymbolTableEntry* lookup(const void* key) const {
    auto it = by_key_.find(key);
    return it == by_key_.end() ? nullptr : it->second;
  }

 private:
  friend class SymtableBuilder;
  std::vector<std::unique_ptr<SymbolTableEntry>> entries_;
  std::unordered_map<const void*, SymbolTableEntry*> by_key_;
  SymbolTableEntry* top_ = nullptr;
};

// _Py_Mangle: inside class `private_name`, `__spam` becomes
// `_Class__spam` (leading underscores of the class name stripped) unless it
// ends with two underscores or contains a dot.
std::string mangle(const std::string& private_name, const std::string& name);

}  // namespace coil::compiler
