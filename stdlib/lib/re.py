"""re — regular expressions with Python's syntax, matched by PCRE2.

The engine is native (_re, stdlib/native/_re.cpp, over PCRE2).  This file:

  1. checks and translates a Python pattern (_translate below): it walks the
     pattern once, raising re.error with CPython's messages and positions
     ("nothing to repeat at position 0", "missing ), unterminated subpattern
     at position 0" ...), and rewrites what PCRE2 spells differently:
     \\Z -> \\z, \\uXXXX / \\UXXXXXXXX -> \\x{...}, {,n} -> {0,n}, and the
     inline flags a/u/L that PCRE2 lacks;
  2. wraps the compiled code in Pattern objects, and each result (a tuple
     of code-point spans) in a Match object;
  3. implements findall/finditer/sub/subn/split on top of one native
     scan() that returns every match (Python's empty-match rules).

Compiled patterns are cached by (type, pattern, flags), as in CPython.
"""

import _re

__all__ = ["match", "fullmatch", "search", "sub", "subn", "split", "findall", "finditer",
           "compile", "purge", "template", "escape", "error", "Pattern", "Match", "A", "I", "L",
           "M", "S", "X", "U", "ASCII", "IGNORECASE", "LOCALE", "MULTILINE", "DOTALL",
           "VERBOSE", "UNICODE", "NOFLAG", "RegexFlag"]

__version__ = "2.2.1"

_MAXREPEAT = 4294967295
_MAXSIZE = 9223372036854775807


# ---- flags ---------------------------------------------------------------------------

class RegexFlag(int):
    """An int flag whose repr names the flags: re.IGNORECASE|re.MULTILINE."""

    _names = {}

    def __new__(cls, value):
        return int.__new__(cls, value)

    def __repr__(self):
        value = int(self)
        if value == 0:
            return "re.NOFLAG"
        parts = []
        for bit in (256, 2, 4, 8, 16, 32, 64, 128):
            if value & bit:
                parts.append("re." + RegexFlag._names[bit])
                value &= ~bit
        if value:
            parts.append(hex(value))
        return "|".join(parts)

    __str__ = __repr__

    def __or__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) | int(other))
        return NotImplemented

    __ror__ = __or__

    def __and__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) & int(other))
        return NotImplemented

    __rand__ = __and__

    def __xor__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) ^ int(other))
        return NotImplemented

    def __invert__(self):
        return RegexFlag(~int(self) & 511)

    @property
    def name(self):
        return RegexFlag._names.get(int(self))

    @property
    def value(self):
        return int(self)


RegexFlag.__module__ = "re"
RegexFlag._names.update({2: "IGNORECASE", 4: "LOCALE", 8: "MULTILINE", 16: "DOTALL",
                         32: "UNICODE", 64: "VERBOSE", 128: "DEBUG", 256: "ASCII"})

NOFLAG = RegexFlag(0)
A = ASCII = RegexFlag(256)
I = IGNORECASE = RegexFlag(2)
L = LOCALE = RegexFlag(4)
M = MULTILINE = RegexFlag(8)
S = DOTALL = RegexFlag(16)
U = UNICODE = RegexFlag(32)
X = VERBOSE = RegexFlag(64)
T = TEMPLATE = RegexFlag(1)
DEBUG = RegexFlag(128)


# ---- errors --------------------------------------------------------------------------

class error(Exception):
    """Exception raised for invalid regular expressions.

    msg: the unformatted message; pattern; pos: the index where it failed;
    lineno, colno: pos as a line and column."""

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = "%s at position %d" % (msg, pos)
            if isinstance(pattern, str):
                newline = "\n"
            else:
                newline = b"\n"
            self.lineno = pattern.count(newline, 0, pos) + 1
            self.colno = pos - pattern.rfind(newline, 0, pos)
            if newline in pattern:
                msg = "%s (line %d, column %d)" % (msg, self.lineno, self.colno)
        else:
            self.lineno = self.colno = None
        super().__init__(msg)


error.__module__ = "re"
PatternError = error


# ---- checking and translating the pattern ---------------------------------------------

_REPEAT_CHARS = "*+?"
_FLAG_LETTERS = {"a": 256, "i": 2, "L": 4, "m": 8, "s": 16, "u": 32, "x": 64}
_CLASS_ESCAPES = "afnrtvbdDsSwW"
_ESCAPES = "afnrtvdDsSwWAZbB"
_HEX = "0123456789abcdefABCDEF"
_WHITESPACE = " \t\n\r\v\f"


def _repeat_end(p, i):
    """If p[i] == '{' starts a valid {m}, {m,}, {,n} or {m,n}, return
    (end index, min text, max text); else None (then '{' is a literal)."""
    n = len(p)
    j = i + 1
    lo_start = j
    while j < n and p[j].isdigit():
        j += 1
    lo = p[lo_start:j]
    if j < n and p[j] == "}":
        if not lo:
            return None
        return j + 1, lo, lo
    if j >= n or p[j] != ",":
        return None
    j += 1
    hi_start = j
    while j < n and p[j].isdigit():
        j += 1
    hi = p[hi_start:j]
    if j < n and p[j] == "}":
        return j + 1, lo, hi
    return None


class _Translator:
    """One pass over a Python pattern: validates it (CPython's messages)
    and produces the PCRE2 spelling plus the flags found inline."""

    def __init__(self, pattern, flags, is_bytes):
        self.src = pattern
        self.p = pattern.decode("latin-1") if is_bytes else pattern
        self.flags = flags
        self.is_bytes = is_bytes
        self.out = []
        self.group_names = {}
        self.ngroups = 0
        self.verbose = bool(flags & 64)

    def error(self, msg, pos):
        return error(msg, self.src, pos)

    def run(self):
        p = self.p
        n = len(p)
        out = self.out
        i = 0
        state = "start"       # start | atom | quant | quantmod | nonrep
        stack = []
        while i < n:
            c = p[i]
            if self.verbose and c in _WHITESPACE:
                i += 1
                continue
            if self.verbose and c == "#":
                while i < n and p[i] != "\n":
                    i += 1
                continue
            if c == "\\":
                i, state = self.escape(i, state)
                continue
            if c == "[":
                i = self.char_class(i)
                state = "atom"
                continue
            if c == "(":
                i, state = self.open_group(i, stack)
                continue
            if c == ")":
                if not stack:
                    raise self.error("unbalanced parenthesis", i)
                stack.pop()
                out.append(")")
                state = "atom"
                i += 1
                continue
            if c == "|":
                out.append("|")
                state = "start"
                i += 1
                continue
            rep = None
            if c == "{":
                rep = _repeat_end(p, i)
            if c in _REPEAT_CHARS or rep is not None:
                if state == "quant" and c in "?+":
                    out.append(c)
                    state = "quantmod"
                    i += 1
                    continue
                if state in ("quant", "quantmod"):
                    raise self.error("multiple repeat", i)
                if state in ("start", "nonrep"):
                    raise self.error("nothing to repeat", i)
                if rep is not None:
                    end, lo, hi = rep
                    if lo and hi and int(hi) < int(lo):
                        raise self.error("min repeat greater than max repeat", i + 1)
                    out.append("{" + (lo or "0") + ("," + hi if lo != hi or "," in p[i:end] else "") + "}")
                    i = end
                else:
                    out.append(c)
                    i += 1
                state = "quant"
                continue
            if c in "^$":
                out.append(c)
                state = "nonrep"
                i += 1
                continue
            if c in "{}":
                out.append("\\" + c)
            elif c == "#" or c in _WHITESPACE:
                # PCRE2 in extended mode would drop it; Python keeps it
                # outside verbose mode, and then PCRE2 is not extended.
                out.append(c)
            else:
                out.append(c)
            state = "atom"
            i += 1
        if stack:
            raise self.error("missing ), unterminated subpattern", stack[-1])
        return "".join(out)

    # -- escapes --

    def hex_escape(self, i, length, kind):
        p = self.p
        digits = p[i + 2:i + 2 + length]
        if len(digits) < length or any(ch not in _HEX for ch in digits):
            raise self.error("incomplete escape \\%s%s" % (kind, digits), i)
        value = int(digits, 16)
        if kind == "U" and value > 0x10FFFF:
            raise self.error("bad escape \\%s%s" % (kind, digits), i)
        return "\\x{%x}" % value, i + 2 + length

    def escape(self, i, state):
        p = self.p
        out = self.out
        if i + 1 >= len(p):
            raise self.error("bad escape (end of pattern)", i)
        e = p[i + 1]
        if e == "x":
            text, end = self.hex_escape(i, 2, "x")
            out.append(text)
            return end, "atom"
        if e in "uU" and not self.is_bytes:
            text, end = self.hex_escape(i, 4 if e == "u" else 8, e)
            out.append(text)
            return end, "atom"
        if e == "N" and not self.is_bytes:
            raise self.error("\\N{...} escapes are not supported by coil", i)
        if e.isdigit():
            return self.digit_escape(i), "atom"
        if e in _ESCAPES:
            if e == "Z":
                out.append("\\z")
            else:
                out.append("\\" + e)
            return i + 2, ("nonrep" if e in "AZbB" else "atom")
        if "a" <= e <= "z" or "A" <= e <= "Z":
            raise self.error("bad escape \\%s" % e, i)
        out.append("\\" + e if e.isascii() else e)
        return i + 2, "atom"

    def digit_escape(self, i):
        p = self.p
        j = i + 1
        if p[j] == "0" or (j + 2 < len(p) + 0 and p[j:j + 3].isdigit() and
                            all(ch in "01234567" for ch in p[j:j + 3])):
            # Octal escape: \0, \0oo, or three octal digits.
            k = j
            while k < len(p) and k < j + 3 and p[k] in "01234567":
                k += 1
            value = int(p[j:k], 8)
            if value > 0o377:
                raise self.error("octal escape value \\%s outside of range 0-0o377" % p[j:k], i)
            self.out.append("\\x{%x}" % value)
            return k
        k = j
        while k < len(p) and k < j + 2 and p[k].isdigit():
            k += 1
        group = int(p[j:k])
        if group > self.ngroups or group in self.open_groups:
            raise self.error("invalid group reference %d" % group, i + 1)
        self.out.append("(?:\\%d)" % group)
        return k

    # -- character classes --

    def char_class(self, i):
        p = self.p
        n = len(p)
        out = ["["]
        j = i + 1
        if j < n and p[j] == "^":
            out.append("^")
            j += 1
        first = True
        while True:
            if j >= n:
                raise self.error("unterminated character set", i)
            c = p[j]
            if c == "]" and not first:
                out.append("]")
                j += 1
                break
            first = False
            if c == "\\":
                if j + 1 >= n:
                    raise self.error("unterminated character set", i)
                e = p[j + 1]
                if e == "x":
                    text, j = self.hex_escape(j, 2, "x")
                    out.append(text)
                    continue
                if e in "uU" and not self.is_bytes:
                    text, j = self.hex_escape(j, 4 if e == "u" else 8, e)
                    out.append(text)
                    continue
                if e.isdigit():
                    k = j + 1
                    while k < n and k < j + 4 and p[k] in "01234567":
                        k += 1
                    if k == j + 1:
                        raise self.error("bad escape \\%s" % e, j)
                    out.append("\\x{%x}" % int(p[j + 1:k], 8))
                    j = k
                    continue
                if e in _CLASS_ESCAPES:
                    out.append("\\" + e)
                elif "a" <= e <= "z" or "A" <= e <= "Z":
                    raise self.error("bad escape \\%s" % e, j)
                else:
                    out.append("\\" + e if e.isascii() else e)
                j += 2
                continue
            if c == "[" and j + 1 < n and p[j + 1] in ":.=":
                out.append("\\[")   # POSIX classes are not Python syntax
            elif c == " " or c == "#":
                out.append("\\" + c)   # keep them literal in extended mode
            else:
                out.append(c)
            j += 1
        self.out.append("".join(out))
        return j

    # -- groups --

    open_groups = ()

    def open_group(self, i, stack):
        p = self.p
        n = len(p)
        out = self.out
        if not p.startswith("(?", i):
            self.ngroups += 1
            self.open_groups = self.open_groups + (self.ngroups,)
            stack.append(i)
            out.append("(")
            return i + 1, "start"
        ext = p[i + 2:i + 3]
        if ext == "#":
            end = p.find(")", i)
            if end < 0:
                raise self.error("missing ), unterminated comment", i)
            return end + 1, self._keep_state()
        if ext == "P":
            kind = p[i + 3:i + 4]
            if kind == "<":
                end = p.find(">", i + 4)
                if end < 0:
                    raise self.error("missing >, unterminated name", i + 4)
                name = p[i + 4:end]
                if not name:
                    raise self.error("missing group name", i + 4)
                if not name.isidentifier():
                    raise self.error("bad character in group name %r" % name, i + 4)
                self.ngroups += 1
                if name in self.group_names:
                    raise self.error("redefinition of group name %r as group %d; was group %d"
                                     % (name, self.ngroups, self.group_names[name]), i + 4)
                self.group_names[name] = self.ngroups
                self.open_groups = self.open_groups + (self.ngroups,)
                stack.append(i)
                out.append("(?P<" + name + ">")
                return end + 1, "start"
            if kind == "=":
                end = p.find(")", i + 4)
                if end < 0:
                    raise self.error("missing ), unterminated name", i + 4)
                name = p[i + 4:end]
                if name not in self.group_names:
                    raise self.error("unknown group name %r" % name, i + 4)
                out.append("(?P=" + name + ")")
                return end + 1, "atom"
            raise self.error("unknown extension ?P" + kind, i + 1)
        if ext in (":", "=", "!", ">"):
            stack.append(i)
            out.append("(?" + ext)
            return i + 3, "start"
        if ext == "<":
            kind = p[i + 3:i + 4]
            if kind in ("=", "!"):
                stack.append(i)
                out.append("(?<" + kind)
                return i + 4, "start"
            raise self.error("unknown extension ?<" + kind, i + 1)
        if ext == "(":
            end = p.find(")", i + 3)
            if end < 0:
                raise self.error("missing ), unterminated name", i + 3)
            stack.append(i)
            out.append(p[i:end + 1])
            return end + 1, "start"
        if ext and (ext in _FLAG_LETTERS or ext == "-"):
            return self.inline_flags(i, stack)
        if not ext:
            raise self.error("unexpected end of pattern", i + 2)
        raise self.error("unknown extension ?" + ext, i + 1)

    def _keep_state(self):
        return "atom"

    def inline_flags(self, i, stack):
        p = self.p
        n = len(p)
        j = i + 2
        on = []
        off = []
        target = on
        while j < n and (p[j] in _FLAG_LETTERS or p[j] == "-"):
            if p[j] == "-":
                target = off
            else:
                target.append(p[j])
            j += 1
        if j >= n:
            raise self.error("missing -, : or )", j)
        end_char = p[j]
        if end_char not in ":)":
            raise self.error("unknown flag" if p[j].isalpha() else "missing -, : or )", j)
        keep_on = "".join(f for f in on if f not in "auL")
        keep_off = "".join(f for f in off if f not in "auL")
        if end_char == ")":
            if i != 0 and "".join(self.out).strip("()?") != "":
                if any(piece != "" for piece in self.out):
                    raise self.error("global flags not at the start of the expression", i)
            for f in on:
                self.flags |= _FLAG_LETTERS[f]
            if "x" in on:
                self.verbose = True
            if keep_on:
                self.out.append("(?" + keep_on + ")")
            return j + 1, "start"
        stack.append(i)
        flags = keep_on + ("-" + keep_off if keep_off else "")
        self.out.append("(?" + flags + ":" if flags else "(?:")
        return j + 1, "start"


def _translate(pattern, flags):
    is_bytes = not isinstance(pattern, str)
    t = _Translator(pattern, flags, is_bytes)
    text = t.run()
    if is_bytes:
        text = text.encode("latin-1")
    return text, t.flags


# ---- Pattern and Match ------------------------------------------------------------------

def _check_subject(pattern, string):
    if isinstance(pattern.pattern, str):
        if not isinstance(string, str):
            if isinstance(string, (bytes, bytearray, memoryview)):
                raise TypeError("cannot use a string pattern on a bytes-like object")
            raise TypeError(f"expected string or bytes-like object, got {type(string).__name__!r}")
    else:
        if isinstance(string, str):
            raise TypeError("cannot use a bytes pattern on a string-like object")
        if not isinstance(string, (bytes, bytearray, memoryview)):
            try:
                memoryview(string)
            except TypeError:
                raise TypeError(f"expected string or bytes-like object, "
                                f"got {type(string).__name__!r}") from None


class Pattern:
    """A compiled regular expression (what re.compile returns)."""

    def __init__(self, pattern, flags, code, groupindex):
        self.pattern = pattern
        self.flags = flags
        self._code = code
        self.groups = code.groups
        self.groupindex = groupindex
        self._names = {v: k for k, v in groupindex.items()}

    def __repr__(self):
        flags = int(self.flags)
        if isinstance(self.pattern, str):
            flags &= ~32
        text = repr(self.pattern)
        if len(text) > 200:
            text = text[:200]
        if flags:
            return "re.compile(%s, %r)" % (text, RegexFlag(flags))
        return "re.compile(%s)" % text

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __reduce__(self):
        return (compile, (self.pattern, self.flags))

    def __class_getitem__(cls, item):
        return cls

    def _run(self, string, pos, endpos, mode):
        _check_subject(self, string)
        spans = self._code.match(string, pos, endpos, mode)
        if spans is None:
            return None
        return Match(self, string, pos, endpos, spans)

    def match(self, string, pos=0, endpos=_MAXSIZE):
        """Match at the start of string (or at pos)."""
        return self._run(string, pos, endpos, 1)

    def fullmatch(self, string, pos=0, endpos=_MAXSIZE):
        """Match the whole of string (or string[pos:endpos])."""
        return self._run(string, pos, endpos, 2)

    def search(self, string, pos=0, endpos=_MAXSIZE):
        """The first match anywhere in string."""
        return self._run(string, pos, endpos, 0)

    def _scan(self, string, pos=0, endpos=_MAXSIZE, count=0):
        _check_subject(self, string)
        return self._code.scan(string, pos, endpos, count)

    def finditer(self, string, pos=0, endpos=_MAXSIZE):
        """An iterator of the Match objects of all non-overlapping matches."""
        for spans in self._scan(string, pos, endpos):
            yield Match(self, string, pos, endpos, spans)

    def findall(self, string, pos=0, endpos=_MAXSIZE):
        """All non-overlapping matches: whole matches when the pattern has no
        group, the group when it has one, tuples of groups otherwise."""
        out = []
        ngroups = self.groups
        empty = string[:0] if isinstance(string, (str, bytes)) else b""
        for spans in self._scan(string, pos, endpos):
            if ngroups == 0:
                out.append(string[spans[0]:spans[1]])
            elif ngroups == 1:
                s, e = spans[2], spans[3]
                out.append(string[s:e] if s >= 0 else empty)
            else:
                out.append(tuple(string[spans[2 * g]:spans[2 * g + 1]] if spans[2 * g] >= 0
                                 else empty for g in range(1, ngroups + 1)))
        return out

    def split(self, string, maxsplit=0):
        """Split string by the matches; groups in the pattern are kept."""
        out = []
        last = 0
        if maxsplit < 0:
            return [string]
        for spans in self._scan(string, 0, _MAXSIZE, maxsplit):
            out.append(string[last:spans[0]])
            for g in range(1, self.groups + 1):
                s = spans[2 * g]
                out.append(string[s:spans[2 * g + 1]] if s >= 0 else None)
            last = spans[1]
        out.append(string[last:])
        return out

    def subn(self, repl, string, count=0):
        """(new string, number of substitutions)."""
        if callable(repl):
            expand = None
        else:
            _check_subject(self, string)
            if isinstance(self.pattern, str) and not isinstance(repl, str):
                raise TypeError(f"expected str instance, {type(repl).__name__} found")
            if not isinstance(self.pattern, str) and isinstance(repl, str):
                raise TypeError(f"expected a bytes-like object, {type(repl).__name__} found")
            expand = _compile_template(self, repl)
        pieces = []
        last = 0
        n = 0
        for spans in self._scan(string, 0, _MAXSIZE, count):
            pieces.append(string[last:spans[0]])
            m = Match(self, string, 0, _MAXSIZE, spans)
            if expand is None:
                piece = repl(m)
            elif isinstance(expand, (str, bytes)):
                piece = expand
            else:
                piece = _expand_template(expand, m)
            pieces.append(piece)
            last = spans[1]
            n += 1
        pieces.append(string[last:])
        if isinstance(string, str):
            return "".join(pieces), n
        return b"".join(bytes(p) for p in pieces), n

    def sub(self, repl, string, count=0):
        """string with matches replaced by repl (a template or a function)."""
        return self.subn(repl, string, count)[0]

    def scanner(self, string, pos=0, endpos=_MAXSIZE):
        return _Scanner(self, string, pos, endpos)


class _Scanner:
    def __init__(self, pattern, string, pos, endpos):
        self.pattern = pattern
        self._it = pattern.finditer(string, pos, endpos)

    def match(self):
        return next(self._it, None)

    search = match


class Match:
    """The result of a successful match: groups, spans and the matched text."""

    def __init__(self, pattern, string, pos, endpos, spans):
        self.re = pattern
        self.string = string
        self._spans = spans
        n = len(string)
        self.pos = max(0, min(pos, n))
        self.endpos = max(0, min(endpos, n))

    def __repr__(self):
        return "<re.Match object; span=(%d, %d), match=%r>" % (self._spans[0], self._spans[1],
                                                                self.group(0))

    def __bool__(self):
        return True

    def __class_getitem__(cls, item):
        return cls

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def _index(self, group):
        if isinstance(group, int) or hasattr(group, "__index__") and not isinstance(group, str):
            try:
                g = group.__index__()
            except AttributeError:
                g = group
            if 0 <= g <= self.re.groups:
                return g
            raise IndexError("no such group")
        if isinstance(group, str):
            g = self.re.groupindex.get(group)
            if g is not None:
                return g
        raise IndexError("no such group")

    def _get(self, g, default=None):
        s = self._spans[2 * g]
        if s < 0:
            return default
        return self.string[s:self._spans[2 * g + 1]]

    def group(self, *groups):
        """group() or group(0): the whole match; group(n)/group('name'): one
        group (None if it did not take part); several: a tuple."""
        if not groups:
            return self._get(0)
        if len(groups) == 1:
            return self._get(self._index(groups[0]))
        return tuple(self._get(self._index(g)) for g in groups)

    def __getitem__(self, g):
        return self._get(self._index(g))

    def groups(self, default=None):
        return tuple(self._get(g, default) for g in range(1, self.re.groups + 1))

    def groupdict(self, default=None):
        return {name: self._get(g, default) for name, g in self.re.groupindex.items()}

    def start(self, group=0):
        return self._spans[2 * self._index(group)]

    def end(self, group=0):
        return self._spans[2 * self._index(group) + 1]

    def span(self, group=0):
        g = self._index(group)
        return self._spans[2 * g], self._spans[2 * g + 1]

    @property
    def regs(self):
        return tuple((self._spans[2 * g], self._spans[2 * g + 1])
                     for g in range(self.re.groups + 1))

    @property
    def lastindex(self):
        # The group that closed last: the largest end, the outermost on ties.
        best = None
        best_key = None
        for g in range(1, self.re.groups + 1):
            s = self._spans[2 * g]
            if s < 0:
                continue
            key = (self._spans[2 * g + 1], -s, -g)
            if best_key is None or key > best_key:
                best, best_key = g, key
        return best

    @property
    def lastgroup(self):
        g = self.lastindex
        if g is None:
            return None
        return self.re._names.get(g)

    def expand(self, template):
        """template with backslash escapes and group references filled in."""
        compiled = _compile_template(self.re, template)
        if isinstance(compiled, (str, bytes)):
            return compiled
        return _expand_template(compiled, self)


# ---- replacement templates ------------------------------------------------------------

_TEMPLATE_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t",
                     "v": "\v", "\\": "\\"}


def _compile_template(pattern, repl):
    """A list of literal strings and group numbers, or the plain string
    when repl has no backslash."""
    is_bytes = not isinstance(repl, str)
    text = repl.decode("latin-1") if is_bytes else repl
    if "\\" not in text:
        return repl
    parts = []
    lit = []
    i = 0
    n = len(text)
    groups = pattern.groups

    def err(msg, pos):
        return error(msg, repl, pos)

    while i < n:
        c = text[i]
        if c != "\\":
            lit.append(c)
            i += 1
            continue
        if i + 1 >= n:
            raise err("bad escape (end of pattern)", i)
        e = text[i + 1]
        if e == "g":
            if i + 2 >= n or text[i + 2] != "<":
                raise err("missing <", i + 2)
            end = text.find(">", i + 3)
            if end < 0:
                raise err("missing >, unterminated name", i + 3)
            name = text[i + 3:end]
            if not name:
                raise err("missing group name", i + 3)
            if name.isdigit():
                g = int(name)
                if g > groups:
                    raise err("invalid group reference %d" % g, i + 3)
            elif name.isidentifier():
                if name not in pattern.groupindex:
                    raise IndexError("unknown group name %r" % name)
                g = pattern.groupindex[name]
            else:
                raise err("bad character in group name %r" % name, i + 3)
            parts.append("".join(lit))
            lit = []
            parts.append(g)
            i = end + 1
        elif e == "0":
            k = i + 2
            while k < n and k < i + 4 and text[k] in "01234567":
                k += 1
            lit.append(chr(int(text[i + 1:k], 8)))
            i = k
        elif e.isdigit():
            k = i + 1
            if (k + 2 < n + 0 and text[k:k + 3].isdigit() and
                    all(ch in "01234567" for ch in text[k:k + 3])):
                value = int(text[k:k + 3], 8)
                if value > 0o377:
                    raise err("octal escape value \\%s outside of range 0-0o377"
                              % text[k:k + 3], i)
                lit.append(chr(value))
                i = k + 3
                continue
            end = k
            while end < n and end < k + 2 and text[end].isdigit():
                end += 1
            g = int(text[k:end])
            if g > groups:
                raise err("invalid group reference %d" % g, i + 1)
            parts.append("".join(lit))
            lit = []
            parts.append(g)
            i = end
        elif e in _TEMPLATE_ESCAPES:
            lit.append(_TEMPLATE_ESCAPES[e])
            i += 2
        elif e.isascii() and e.isalpha():
            raise err("bad escape \\%s" % e, i)
        else:
            lit.append("\\" + e)
            i += 2
    parts.append("".join(lit))
    if is_bytes:
        parts = [p.encode("latin-1") if isinstance(p, str) else p for p in parts]
    return parts


def _expand_template(parts, m):
    string = m.string
    empty = string[:0] if isinstance(string, (str, bytes)) else b""
    out = []
    for p in parts:
        if isinstance(p, int):
            v = m._get(p)
            out.append(empty if v is None else v)
        else:
            out.append(p)
    if isinstance(empty, str):
        return "".join(out)
    return b"".join(bytes(x) for x in out)


# ---- the module-level API ---------------------------------------------------------------

_cache = {}
_MAXCACHE = 512


def _compile(pattern, flags):
    if isinstance(flags, RegexFlag):
        flags = int(flags)
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError("cannot process flags argument with a compiled pattern")
        return pattern
    key = (type(pattern), pattern, flags)
    p = _cache.get(key)
    if p is not None:
        return p
    if not isinstance(pattern, (str, bytes)):
        raise TypeError("first argument must be string or compiled pattern")
    if isinstance(pattern, str):
        if flags & 256 and flags & 32:
            raise ValueError("ASCII and UNICODE flags are incompatible")
    elif flags & 32:
        raise ValueError("cannot use UNICODE flag with a bytes pattern")
    translated, all_flags = _translate(pattern, flags)
    if isinstance(pattern, str) and not all_flags & 256:
        all_flags |= 32
    code = _re.compile(translated, all_flags)
    if isinstance(code, tuple):
        errcode, message, pos = code
        raise error(message, pattern, min(pos, len(pattern)))
    p = Pattern(pattern, RegexFlag(all_flags), code, code.groupindex())
    if len(_cache) >= _MAXCACHE:
        try:
            del _cache[next(iter(_cache))]
        except (StopIteration, RuntimeError, KeyError):
            pass
    _cache[key] = p
    return p


def compile(pattern, flags=0):
    """Compile a regular expression pattern, returning a Pattern object."""
    return _compile(pattern, flags)


def match(pattern, string, flags=0):
    """Try to apply the pattern at the start of the string."""
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    """Try to apply the pattern to all of the string."""
    return _compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    """Scan through string looking for a match to the pattern."""
    return _compile(pattern, flags).search(string)


def sub(pattern, repl, string, count=0, flags=0):
    """Return the string obtained by replacing the leftmost non-overlapping
    occurrences of the pattern in string by the replacement repl."""
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    """Like sub(), but return (new_string, number_of_subs_made)."""
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    """Split the source string by the occurrences of the pattern."""
    return _compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    """Return a list of all non-overlapping matches in the string."""
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    """Return an iterator over all non-overlapping matches in the string."""
    return _compile(pattern, flags).finditer(string)


def purge():
    """Clear the regular expression cache."""
    _cache.clear()


def template(pattern, flags=0):
    return _compile(pattern, flags | T)


_special_chars_map = {i: "\\" + chr(i) for i in b"()[]{}?*+-|^$\\.&~# \t\n\r\v\f"}


def escape(pattern):
    """Escape special characters in a string."""
    if isinstance(pattern, str):
        return pattern.translate(_special_chars_map)
    pattern = str(pattern, "latin1")
    return pattern.translate(_special_chars_map).encode("latin1")


Pattern.__module__ = "re"
Match.__module__ = "re"
