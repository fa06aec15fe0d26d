"""traceback — extract, format and print stack traces, as CPython 3.11.

A traceback is a chain of entries (tb_next) from the frame that caught
the exception inward to the frame that raised it; each entry holds the
frame object (tb_frame), the line (tb_lineno) and the instruction
(tb_lasti) it was at.  The frames outlive their calls for as long as the
traceback is held, which is what lets this module read their code,
globals and locals after the fact.

The work goes in three steps, as in CPython:

  1. EXTRACT: walk_tb / walk_stack yield (frame, line) pairs;
     StackSummary.extract turns them into FrameSummary records (file,
     line, function name, source text from linecache, optional locals).
     TracebackException does the same for a whole exception: its stack,
     its str(), and (recursively) its __cause__, __context__ and, for an
     ExceptionGroup, the exceptions it groups.
  2. FORMAT: StackSummary.format and TracebackException.format produce the
     report line by line:

         Traceback (most recent call last):
           File "x.py", line 3, in <module>
             f()
           File "x.py", line 2, in f
             return 1 / 0
                    ~~^~~
         ZeroDivisionError: division by zero

     The `~~^~~` row marks the expression that failed when it is narrower
     than the line; it needs column positions, which come from the code
     object's co_positions() when the interpreter provides it (without it
     the row is left out).  Runs of one identical frame (deep recursion)
     collapse into "[Previous line repeated N more times]".  An exception
     group's members are drawn in boxes with "+-+----- 1 -----" headers and
     a "| " margin.
  3. PRINT: the print_* functions write the formatted lines to a file
     (sys.stderr by default).
"""

import collections.abc
import itertools
import linecache
import sys
import textwrap

__all__ = ['extract_stack', 'extract_tb', 'format_exception',
           'format_exception_only', 'format_list', 'format_stack',
           'format_tb', 'print_exc', 'format_exc', 'print_exception',
           'print_last', 'print_stack', 'print_tb', 'clear_frames',
           'FrameSummary', 'StackSummary', 'TracebackException',
           'walk_stack', 'walk_tb']


# ---- lists of entries ---------------------------------------------------------

def print_list(extracted_list, file=None):
    """Print a list of FrameSummary objects or (filename, lineno, name,
    line) tuples as a stack trace to `file` (default sys.stderr)."""
    if file is None:
        file = sys.stderr
    for item in StackSummary.from_list(extracted_list).format():
        print(item, file=file, end="")


def format_list(extracted_list):
    """The lines print_list() would print, one string per entry."""
    return StackSummary.from_list(extracted_list).format()


# ---- tracebacks ---------------------------------------------------------------

def print_tb(tb, limit=None, file=None):
    """Print up to `limit` entries of traceback `tb` to `file`."""
    print_list(extract_tb(tb, limit=limit), file=file)


def format_tb(tb, limit=None):
    """format_list(extract_tb(tb, limit))."""
    return extract_tb(tb, limit=limit).format()


def extract_tb(tb, limit=None):
    """A StackSummary of up to `limit` entries of traceback `tb`."""
    return StackSummary._extract_from_extended_frame_gen(
        _walk_tb_with_full_positions(tb), limit=limit)


# ---- exceptions ---------------------------------------------------------------

_cause_message = (
    "\nThe above exception was the direct cause "
    "of the following exception:\n\n")

_context_message = (
    "\nDuring handling of the above exception, "
    "another exception occurred:\n\n")


class _Sentinel:
    def __repr__(self):
        return "<implicit>"


_sentinel = _Sentinel()


def _parse_value_tb(exc, value, tb):
    """The (value, traceback) pair of the two calling conventions:
    f(exc) and the older f(type, value, tb)."""
    if (value is _sentinel) != (tb is _sentinel):
        raise ValueError("Both or neither of value and tb must be given")
    if value is tb is _sentinel:
        if exc is not None:
            if isinstance(exc, BaseException):
                return exc, exc.__traceback__
            raise TypeError(f'Exception expected for value, '
                            f'{type(exc).__name__} found')
        return None, None
    return value, tb


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None,
                    file=None, chain=True):
    """Print an exception with its traceback and its chain of causes and
    contexts to `file` (default sys.stderr), as the interpreter does for
    an uncaught one."""
    value, tb = _parse_value_tb(exc, value, tb)
    te = TracebackException(type(value), value, tb, limit=limit, compact=True)
    te.print(file=file, chain=chain)


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None,
                     chain=True):
    """The lines print_exception() would print, as a list of strings."""
    value, tb = _parse_value_tb(exc, value, tb)
    te = TracebackException(type(value), value, tb, limit=limit, compact=True)
    return list(te.format(chain=chain))


def format_exception_only(exc, /, value=_sentinel):
    """The last part of the report: "Type: message" (after the location
    and caret lines for a SyntaxError), then the notes."""
    if value is _sentinel:
        value = exc
    te = TracebackException(type(value), value, None, compact=True)
    return list(te.format_exception_only())


def _format_final_exc_line(etype, value):
    valuestr = _safe_string(value, 'exception')
    if value is None or not valuestr:
        return "%s\n" % etype
    return "%s: %s\n" % (etype, valuestr)


def _safe_string(value, what, func=str):
    try:
        return func(value)
    except:
        return f'<{what} {func.__name__}() failed>'


def print_exc(limit=None, file=None, chain=True):
    """Print the exception being handled (sys.exc_info())."""
    print_exception(*sys.exc_info(), limit=limit, file=file, chain=chain)


def format_exc(limit=None, chain=True):
    """The report print_exc() would print, as one string."""
    return "".join(format_exception(*sys.exc_info(), limit=limit, chain=chain))


def print_last(limit=None, file=None, chain=True):
    """Print the last uncaught exception (sys.last_type, ...), which the
    interactive prompt keeps."""
    if not hasattr(sys, "last_type"):
        raise ValueError("no last exception")
    print_exception(sys.last_type, sys.last_value, sys.last_traceback,
                    limit, file, chain)


# ---- stacks -------------------------------------------------------------------

def print_stack(f=None, limit=None, file=None):
    """Print the stack from frame `f` (default: the caller) outward."""
    if f is None:
        f = sys._getframe().f_back
    print_list(extract_stack(f, limit=limit), file=file)


def format_stack(f=None, limit=None):
    """format_list(extract_stack(f, limit))."""
    if f is None:
        f = sys._getframe().f_back
    return format_list(extract_stack(f, limit=limit))


def extract_stack(f=None, limit=None):
    """A StackSummary of the stack at frame `f` (default: the caller),
    oldest frame first."""
    if f is None:
        f = sys._getframe().f_back
    stack = StackSummary.extract(walk_stack(f), limit=limit)
    stack.reverse()
    return stack


def clear_frames(tb):
    """Drop the local variables of every finished frame of traceback `tb`
    (frames still running are left alone)."""
    while tb is not None:
        try:
            tb.tb_frame.clear()
        except RuntimeError:
            pass
        tb = tb.tb_next


# ---- one entry ----------------------------------------------------------------

class FrameSummary:
    """One entry of a stack: filename, lineno, name (of the function),
    line (its source text, stripped, or None), locals (None, or a dict of
    the reprs of the frame's locals), and the span of the failing
    expression when known: end_lineno, colno, end_colno (0-based UTF-8
    byte columns, as co_positions() gives them)."""

    __slots__ = ('filename', 'lineno', 'end_lineno', 'colno', 'end_colno',
                 'name', '_line', 'locals')

    def __init__(self, filename, lineno, name, *, lookup_line=True,
                 locals=None, line=None,
                 end_lineno=None, colno=None, end_colno=None):
        self.filename = filename
        self.lineno = lineno
        self.name = name
        self._line = line
        if lookup_line:
            self.line
        self.locals = {k: repr(v) for k, v in locals.items()} if locals else None
        self.end_lineno = end_lineno
        self.colno = colno
        self.end_colno = end_colno

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return (self.filename == other.filename and
                    self.lineno == other.lineno and
                    self.name == other.name and
                    self.locals == other.locals)
        if isinstance(other, tuple):
            return (self.filename, self.lineno, self.name, self.line) == other
        return NotImplemented

    def __getitem__(self, pos):
        return (self.filename, self.lineno, self.name, self.line)[pos]

    def __iter__(self):
        return iter([self.filename, self.lineno, self.name, self.line])

    def __repr__(self):
        return "<FrameSummary file {filename}, line {lineno} in {name}>".format(
            filename=self.filename, lineno=self.lineno, name=self.name)

    def __len__(self):
        return 4

    @property
    def _original_line(self):
        # The source line as it is in the file (the carets count from it).
        self.line
        return self._line

    @property
    def line(self):
        if self._line is None:
            if self.lineno is None:
                return None
            self._line = linecache.getline(self.filename, self.lineno)
        return self._line.strip()


# ---- walking frames -----------------------------------------------------------

def walk_stack(f):
    """Yield (frame, lineno) from frame `f` outward along f_back (from the
    caller's caller when `f` is None)."""
    if f is None:
        f = sys._getframe().f_back.f_back.f_back.f_back
    while f is not None:
        yield f, f.f_lineno
        f = f.f_back


def walk_tb(tb):
    """Yield (frame, lineno) for each entry of traceback `tb`, along
    tb_next (outermost call first)."""
    while tb is not None:
        yield tb.tb_frame, tb.tb_lineno
        tb = tb.tb_next


def _walk_tb_with_full_positions(tb):
    # walk_tb with the whole span (lineno, end_lineno, colno, end_colno)
    # of each entry's instruction; the line falls back to tb_lineno.
    while tb is not None:
        positions = _get_code_position(tb.tb_frame.f_code, tb.tb_lasti)
        if positions[0] is None:
            yield tb.tb_frame, (tb.tb_lineno,) + positions[1:]
        else:
            yield tb.tb_frame, positions
        tb = tb.tb_next


def _get_code_position(code, instruction_index):
    # tb_lasti counts bytes of 2-byte code units, co_positions() yields
    # one span per unit.
    if instruction_index < 0 or not hasattr(code, 'co_positions'):
        return (None, None, None, None)
    positions_gen = code.co_positions()
    return next(itertools.islice(positions_gen, instruction_index // 2, None),
                (None, None, None, None))


_RECURSIVE_CUTOFF = 3   # repeated identical entries shown before collapsing


# ---- a stack of entries -------------------------------------------------------

class StackSummary(list):
    """A list of FrameSummary objects, outermost call first."""

    @classmethod
    def extract(klass, frame_gen, *, limit=None, lookup_lines=True,
                capture_locals=False):
        """A StackSummary from an iterable of (frame, lineno) pairs (as
        walk_tb and walk_stack yield).  `limit` keeps the first `limit`
        entries (the last -limit when negative); `capture_locals` records
        the repr of each frame's locals."""
        def extended_frame_gen():
            for f, lineno in frame_gen:
                yield f, (lineno, None, None, None)

        return klass._extract_from_extended_frame_gen(
            extended_frame_gen(), limit=limit, lookup_lines=lookup_lines,
            capture_locals=capture_locals)

    @classmethod
    def _extract_from_extended_frame_gen(klass, frame_gen, *, limit=None,
                                         lookup_lines=True, capture_locals=False):
        # extract() over (frame, (lineno, end_lineno, colno, end_colno)).
        if limit is None:
            limit = getattr(sys, 'tracebacklimit', None)
            if limit is not None and limit < 0:
                limit = 0
        if limit is not None:
            if limit >= 0:
                frame_gen = itertools.islice(frame_gen, limit)
            else:
                frame_gen = collections.deque(frame_gen, maxlen=-limit)

        result = klass()
        fnames = set()
        for f, (lineno, end_lineno, colno, end_colno) in frame_gen:
            co = f.f_code
            filename = co.co_filename
            fnames.add(filename)
            linecache.lazycache(filename, f.f_globals)
            f_locals = f.f_locals if capture_locals else None
            result.append(FrameSummary(
                filename, lineno, co.co_name, lookup_line=False, locals=f_locals,
                end_lineno=end_lineno, colno=colno, end_colno=end_colno))
        # Lines are read only after the cache dropped files that changed.
        for filename in fnames:
            linecache.checkcache(filename)
        if lookup_lines:
            for f in result:
                f.line
        return result

    @classmethod
    def from_list(klass, a_list):
        """A StackSummary from FrameSummary objects or (filename, lineno,
        name, line) tuples."""
        result = StackSummary()
        for frame in a_list:
            if isinstance(frame, FrameSummary):
                result.append(frame)
            else:
                filename, lineno, name, line = frame
                result.append(FrameSummary(filename, lineno, name, line=line))
        return result

    def format_frame_summary(self, frame_summary):
        """The lines of one entry: the "File ..." line, the source line,
        the carets under the failing expression, the locals."""
        row = ['  File "{}", line {}, in {}\n'.format(
            frame_summary.filename, frame_summary.lineno, frame_summary.name)]
        if frame_summary.line:
            stripped_line = frame_summary.line.strip()
            row.append('    {}\n'.format(stripped_line))
            carets = _caret_row(frame_summary, stripped_line)
            if carets:
                row.append(carets)
        if frame_summary.locals:
            for name, value in sorted(frame_summary.locals.items()):
                row.append('    {name} = {value}\n'.format(name=name, value=value))
        return ''.join(row)

    def format(self):
        """The lines of the whole stack, one string per entry, with runs
        of more than three identical entries (same file, line and name)
        cut to three and a "[Previous line repeated N more times]" line."""
        result = []
        last_file = last_line = last_name = None
        count = 0
        for frame_summary in self:
            formatted_frame = self.format_frame_summary(frame_summary)
            if formatted_frame is None:
                continue
            if (last_file is None or last_file != frame_summary.filename or
                    last_line is None or last_line != frame_summary.lineno or
                    last_name is None or last_name != frame_summary.name):
                if count > _RECURSIVE_CUTOFF:
                    result.append(_repeated_line(count - _RECURSIVE_CUTOFF))
                last_file = frame_summary.filename
                last_line = frame_summary.lineno
                last_name = frame_summary.name
                count = 0
            count += 1
            if count > _RECURSIVE_CUTOFF:
                continue
            result.append(formatted_frame)
        if count > _RECURSIVE_CUTOFF:
            result.append(_repeated_line(count - _RECURSIVE_CUTOFF))
        return result


def _repeated_line(count):
    return f'  [Previous line repeated {count} more time{"s" if count > 1 else ""}]\n'


# ---- the caret row ------------------------------------------------------------

def _caret_row(frame_summary, stripped_line):
    """The '    ~~^~~' row under an entry's source line, or None: shown
    only when the failing span is narrower than the line (or is a binary
    operation or subscript, whose operator gets the '^')."""
    if frame_summary.colno is None or frame_summary.end_colno is None:
        return None
    original = frame_summary._original_line
    stripped_characters = len(original) - len(frame_summary.line.lstrip())
    start_offset = _byte_offset_to_character_offset(original, frame_summary.colno) + 1
    end_offset = _byte_offset_to_character_offset(original, frame_summary.end_colno) + 1
    anchors = None
    if frame_summary.lineno == frame_summary.end_lineno:
        try:
            anchors = _extract_caret_anchors_from_line_segment(
                original[start_offset - 1:end_offset - 1])
        except Exception:
            anchors = None
    else:
        end_offset = stripped_characters + len(stripped_line)
    if not (end_offset - start_offset < len(stripped_line) or
            (anchors and anchors.right_start_offset - anchors.left_end_offset > 0)):
        return None
    row = ['    ', ' ' * (start_offset - stripped_characters)]
    if anchors:
        row.append(anchors.primary_char * anchors.left_end_offset)
        row.append(anchors.secondary_char *
                   (anchors.right_start_offset - anchors.left_end_offset))
        row.append(anchors.primary_char *
                   (end_offset - start_offset - anchors.right_start_offset))
    else:
        row.append('^' * (end_offset - start_offset))
    row.append('\n')
    return ''.join(row)


def _byte_offset_to_character_offset(str, offset):
    as_utf8 = str.encode('utf-8')
    return len(as_utf8[:offset].decode("utf-8", errors="replace"))


_Anchors = collections.namedtuple(
    "_Anchors",
    ["left_end_offset", "right_start_offset", "primary_char", "secondary_char"],
    defaults=["~", "^"])


def _extract_caret_anchors_from_line_segment(segment):
    """Where the '^' goes inside a failing expression `segment`: under
    the operator of a binary operation, under the brackets of a
    subscript; None for anything else.

    CPython parses the segment with the ast module and reads its nodes'
    columns; here a small scanner (_Segment) splits it into operands and
    operators at bracket depth 0, which is all the two cases need.  The
    columns are those the AST nodes would have: an operand in parentheses
    ends (and starts) inside them, so `(a) + b` marks the ')' as CPython
    does."""
    seg = _Segment(segment)
    if not seg.parse():
        return None
    if seg.ops:
        return seg.binop_anchors()
    return seg.subscript_anchors()


# Binary operators by precedence (higher binds tighter); unary + - ~ bind
# tighter than all but **.
_BINARY_PRECEDENCE = {'|': 1, '^': 2, '&': 3, '<<': 4, '>>': 4, '+': 5, '-': 5,
                      '*': 6, '/': 6, '//': 6, '%': 6, '@': 6, '**': 8}
_OPERATORS = ('**', '//', '<<', '>>', '->', '==', '!=', '<=', '>=', ':=',
              '+', '-', '*', '/', '%', '@', '|', '&', '^', '~', '<', '>',
              '=', ',', ':', '.', ';', '!')
_ATOM_KEYWORDS = {'None', 'True', 'False'}
_OTHER_KEYWORDS = {'and', 'or', 'not', 'if', 'else', 'lambda', 'in', 'is',
                   'await', 'for', 'async', 'yield', 'from'}
_STRING_PREFIX = set('rRbBuUfF')
_CLOSING = {'(': ')', '[': ']', '{': '}'}


class _Segment:
    """One line's expression as operands and binary operators at bracket
    depth 0.  Each operand is a dict: start, end (character columns),
    unary (a + - ~ prefix), group (the bracket group it is, alone: its
    '(' or None) and trailers (the bracket groups after its atom: list of
    (opening char, start, end))."""

    def __init__(self, text):
        self.text = text
        self.operands = []
        self.ops = []           # (operator, start, end)

    # -- scanning tokens --------------------------------------------------------

    def tokens(self):
        """(kind, start, end) for each token at depth 0: kind is 'name',
        'number', 'string', 'keyword', a bracket's opening char (the whole
        group is one token) or the operator itself.  Raises ValueError
        for what it cannot scan."""
        text, i, n = self.text, 0, len(self.text)
        while i < n:
            c = text[i]
            if c in ' \t\f':
                i += 1
            elif c == '\\' and text[i + 1:i + 2] == '\n':
                i += 2
            elif c in '\'"' or (c in _STRING_PREFIX and self._string_start(i)):
                j = self._skip_string(i)
                yield 'string', i, j
                i = j
            elif c.isdigit() or (c == '.' and text[i + 1:i + 2].isdigit()):
                j = self._skip_number(i)
                yield 'number', i, j
                i = j
            elif c.isidentifier():
                j = i + 1
                while j < n and (text[j].isidentifier() or text[j].isdigit()):
                    j += 1
                word = text[i:j]
                yield ('keyword' if word in _OTHER_KEYWORDS else 'name'), i, j
                i = j
            elif c in _CLOSING:
                j = self._skip_group(i)
                yield c, i, j
                i = j
            else:
                for op in _OPERATORS:
                    if text.startswith(op, i):
                        yield op, i, i + len(op)
                        i += len(op)
                        break
                else:
                    raise ValueError(c)

    def _string_start(self, i):
        j = i
        while j < len(self.text) and self.text[j] in _STRING_PREFIX and j - i < 2:
            j += 1
        return j < len(self.text) and self.text[j] in '\'"'

    def _skip_string(self, i):
        text = self.text
        while text[i] in _STRING_PREFIX:
            i += 1
        quote = text[i:i + 3] if text[i:i + 3] in ('"""', "'''") else text[i]
        i += len(quote)
        while i < len(text):
            if text[i] == '\\':
                i += 2
            elif text.startswith(quote, i):
                return i + len(quote)
            else:
                i += 1
        raise ValueError('unterminated string')

    def _skip_number(self, i):
        text, j = self.text, i
        while j < len(text):
            c = text[j]
            if c.isalnum() or c in '._':
                j += 1
            elif (c in '+-' and text[j - 1] in 'eE' and not
                  text[i:i + 2].lower() in ('0x', '0b', '0o')):
                j += 1
            else:
                break
        return j

    def _skip_group(self, i):
        text, closers, j = self.text, [], i
        while j < len(text):
            c = text[j]
            if c in _CLOSING:
                closers.append(_CLOSING[c])
                j += 1
            elif c in ')]}':
                if not closers or closers.pop() != c:
                    raise ValueError('unbalanced')
                j += 1
                if not closers:
                    return j
            elif c in '\'"' or (c in _STRING_PREFIX and self._string_start(j)
                                and not (text[j - 1:j].isidentifier()
                                         or text[j - 1:j].isdigit())):
                j = self._skip_string(j)
            else:
                j += 1
        raise ValueError('unbalanced')

    # -- operands and operators -------------------------------------------------

    def parse(self):
        """Splits the text; False when it is not a plain chain of
        operands and binary operators (a call, a comparison, a lambda ...
        are only ever operands here)."""
        try:
            toks = list(self.tokens())
        except (ValueError, IndexError):
            return False
        i = 0
        while True:
            i = self._operand(toks, i)
            if i is None:
                return False
            if i == len(toks):
                return True
            kind, start, end = toks[i]
            if kind not in _BINARY_PRECEDENCE:
                return False
            self.ops.append((kind, start, end))
            i += 1

    def _operand(self, toks, i):
        unary = None
        while i < len(toks) and toks[i][0] in ('+', '-', '~'):
            unary = unary or toks[i][1]
            i += 1
        if i == len(toks):
            return None
        kind, start, end = toks[i]
        if kind in ('name', 'number', 'string', '(', '[', '{'):
            group = kind if kind in _CLOSING else None
            i += 1
            while kind == 'string' and i < len(toks) and toks[i][0] == 'string':
                end = toks[i][2]          # adjacent literals are one
                i += 1
        else:
            return None
        trailers = []
        while i < len(toks):
            tkind, tstart, tend = toks[i]
            if tkind == '.' and i + 1 < len(toks) and toks[i + 1][0] == 'name':
                trailers.append(('.', tstart, toks[i + 1][2]))
                i += 2
            elif tkind in ('(', '['):
                trailers.append((tkind, tstart, tend))
                i += 1
            else:
                break
        if trailers:
            end = trailers[-1][2]
            group = None
        self.operands.append(dict(start=unary if unary is not None else start,
                                  end=end, unary=unary, group=group,
                                  trailers=trailers))
        return i

    # -- the AST's columns ------------------------------------------------------

    def _inner(self, start, end):
        """The span of the expression inside the parentheses text[start:end]
        (parentheses nested any depth), or None when they make a tuple, a
        generator expression or nothing: those nodes include them."""
        while self.text[start] == '(':
            inner = _Segment(self.text[start + 1:end - 1])
            try:
                toks = list(inner.tokens())
            except (ValueError, IndexError):
                return None
            if not toks or any(t[0] in (',', 'keyword') and
                               inner.text[t[1]:t[2]] in (',', 'for', 'async')
                               for t in toks):
                return None
            start, end = start + 1 + toks[0][1], start + 1 + toks[-1][2]
            if len(toks) != 1:
                break
        return start, end

    def _node_span(self, first, last):
        # The columns of the expression made of operands first..last: a
        # lone parenthesized operand is the expression inside.
        a, b = self.operands[first], self.operands[last]
        if first == last and a['group'] == '(' and a['unary'] is None:
            span = self._inner(a['start'], a['end'])
            if span:
                return span
        return a['start'], b['end']

    def binop_anchors(self):
        # The root operator: the loosest-binding one, the rightmost among
        # equals (the leftmost for the right-associative **).
        root = 0
        for k, (op, _, _) in enumerate(self.ops):
            p, q = _BINARY_PRECEDENCE[op], _BINARY_PRECEDENCE[self.ops[root][0]]
            if p < q or (p == q and op != '**'):
                root = k
        if self.ops[root][0] == '**' and self.operands[0]['unary'] is not None:
            # -a ** b is -(a ** b): a unary operation, not a binary one.
            return None
        left_end = self._node_span(0, root)[1]
        right_start = self._node_span(root + 1, len(self.operands) - 1)[0]
        operator_str = self.text[left_end:right_start]
        operator_offset = len(operator_str) - len(operator_str.lstrip())
        left_anchor = left_end + operator_offset
        right_anchor = left_anchor + 1
        if (operator_offset + 1 < len(operator_str)
                and not operator_str[operator_offset + 1].isspace()):
            right_anchor += 1
        # Past the closing parentheses of the left operand (and spaces).
        text = self.text
        while left_anchor < len(text) and (text[left_anchor].isspace() or
                                           text[left_anchor] in ')#'):
            left_anchor += 1
            right_anchor += 1
        return _Anchors(left_anchor, right_anchor)

    def subscript_anchors(self):
        # The '^'s span the brackets of the last subscript, '[' to ']'.
        operand = self.operands[0]
        trailers = operand['trailers']
        if operand['unary'] is not None or not trailers or trailers[-1][0] != '[':
            return None
        _, open_at, close_at = trailers[-1]
        return _Anchors(open_at, close_at)


# ---- whole exceptions -----------------------------------------------------------

class _ExceptionPrintContext:
    """State of one format() run: how deep in exception-group boxes the
    output is (each level indents by two and draws a '| ' margin)."""

    def __init__(self):
        self.seen = set()
        self.exception_group_depth = 0
        self.need_close = False

    def indent(self):
        return ' ' * (2 * self.exception_group_depth)

    def emit(self, text_gen, margin_char=None):
        if margin_char is None:
            margin_char = '|'
        indent_str = self.indent()
        if self.exception_group_depth:
            indent_str += margin_char + ' '
        if isinstance(text_gen, str):
            yield textwrap.indent(text_gen, indent_str, lambda line: True)
        else:
            for text in text_gen:
                yield textwrap.indent(text, indent_str, lambda line: True)


class TracebackException:
    """An exception captured for printing later, holding no reference to
    it nor to its frames: stack (a StackSummary), exc_type, the str() of
    the exception, __notes__, __suppress_context__, and TracebackExceptions
    for __cause__, __context__ and (for an exception group) exceptions.
    For a SyntaxError also filename, lineno, end_lineno, text, offset,
    end_offset and msg.  max_group_width and max_group_depth bound how much
    of a large or deeply nested exception group is printed."""

    def __init__(self, exc_type, exc_value, exc_traceback, *, limit=None,
                 lookup_lines=True, capture_locals=False, compact=False,
                 max_group_width=15, max_group_depth=10, _seen=None):
        # A cycle of __cause__/__context__ links is cut by `_seen` (ids of
        # the exceptions already captured); only the outermost call makes
        # the linked TracebackExceptions, from a queue, not by recursion.
        is_recursive_call = _seen is not None
        if _seen is None:
            _seen = set()
        _seen.add(id(exc_value))

        self.max_group_width = max_group_width
        self.max_group_depth = max_group_depth

        self.stack = StackSummary._extract_from_extended_frame_gen(
            _walk_tb_with_full_positions(exc_traceback),
            limit=limit, lookup_lines=lookup_lines,
            capture_locals=capture_locals)
        self.exc_type = exc_type
        self._str = _safe_string(exc_value, 'exception')
        self.__notes__ = getattr(exc_value, '__notes__', None)

        if exc_type and issubclass(exc_type, SyntaxError):
            self.filename = exc_value.filename
            lno = exc_value.lineno
            self.lineno = str(lno) if lno is not None else None
            end_lno = exc_value.end_lineno
            self.end_lineno = str(end_lno) if end_lno is not None else None
            self.text = exc_value.text
            self.offset = exc_value.offset
            self.end_offset = exc_value.end_offset
            self.msg = exc_value.msg
        if lookup_lines:
            self._load_lines()
        self.__suppress_context__ = \
            exc_value.__suppress_context__ if exc_value is not None else False

        if is_recursive_call:
            return
        options = dict(limit=limit, lookup_lines=lookup_lines,
                       capture_locals=capture_locals,
                       max_group_width=max_group_width,
                       max_group_depth=max_group_depth, _seen=_seen)
        queue = [(self, exc_value)]
        while queue:
            te, e = queue.pop()
            if e and e.__cause__ is not None and id(e.__cause__) not in _seen:
                cause = TracebackException(type(e.__cause__), e.__cause__,
                                           e.__cause__.__traceback__, **options)
            else:
                cause = None
            if compact:
                need_context = (cause is None and e is not None and
                                not e.__suppress_context__)
            else:
                need_context = True
            if (e and e.__context__ is not None and need_context
                    and id(e.__context__) not in _seen):
                context = TracebackException(type(e.__context__), e.__context__,
                                             e.__context__.__traceback__, **options)
            else:
                context = None
            if e and isinstance(e, BaseExceptionGroup):
                exceptions = [TracebackException(type(exc), exc, exc.__traceback__,
                                                 **options)
                              for exc in e.exceptions]
            else:
                exceptions = None
            te.__cause__ = cause
            te.__context__ = context
            te.exceptions = exceptions
            if cause:
                queue.append((te.__cause__, e.__cause__))
            if context:
                queue.append((te.__context__, e.__context__))
            if exceptions:
                queue.extend(zip(te.exceptions, e.exceptions))

    @classmethod
    def from_exception(cls, exc, *args, **kwargs):
        """A TracebackException of exception `exc`."""
        return cls(type(exc), exc, exc.__traceback__, *args, **kwargs)

    def _load_lines(self):
        for frame in self.stack:
            frame.line

    def __eq__(self, other):
        if isinstance(other, TracebackException):
            return self.__dict__ == other.__dict__
        return NotImplemented

    def __str__(self):
        return self._str

    def format_exception_only(self):
        """Yield the last part of the report: "module.Type: message" (the
        module left out for builtins and __main__), after the location,
        text and caret lines for a SyntaxError; then one line per line of
        each note."""
        if self.exc_type is None:
            yield _format_final_exc_line(None, self._str)
            return
        stype = self.exc_type.__qualname__
        smod = self.exc_type.__module__
        if smod not in ("__main__", "builtins"):
            if not isinstance(smod, str):
                smod = "<unknown>"
            stype = smod + '.' + stype
        if not issubclass(self.exc_type, SyntaxError):
            yield _format_final_exc_line(stype, self._str)
        else:
            yield from self._format_syntax_error(stype)
        if isinstance(self.__notes__, collections.abc.Sequence):
            for note in self.__notes__:
                note = _safe_string(note, 'note')
                yield from [l + '\n' for l in note.split('\n')]
        elif self.__notes__ is not None:
            yield _safe_string(self.__notes__, '__notes__', func=repr)

    def _format_syntax_error(self, stype):
        # Where the parser stopped: the file and line, the text, carets.
        filename_suffix = ''
        if self.lineno is not None:
            yield '  File "{}", line {}\n'.format(
                self.filename or "<string>", self.lineno)
        elif self.filename is not None:
            filename_suffix = ' ({})'.format(self.filename)
        text = self.text
        if text is not None:
            rtext = text.rstrip('\n')
            ltext = rtext.lstrip(' \n\f')
            spaces = len(rtext) - len(ltext)
            yield '    {}\n'.format(ltext)
            if self.offset is not None:
                offset = self.offset
                end_offset = self.end_offset if self.end_offset not in {None, 0} else offset
                if offset == end_offset or end_offset == -1:
                    end_offset = offset + 1
                # 1-based columns of the text to 0-based ones of ltext.
                colno = offset - 1 - spaces
                end_colno = end_offset - 1 - spaces
                if colno >= 0:
                    # Tabs and other whitespace are kept so the carets align.
                    caretspace = ((c if c.isspace() else ' ') for c in ltext[:colno])
                    yield '    {}{}'.format("".join(caretspace),
                                            '^' * (end_colno - colno) + "\n")
        msg = self.msg or "<no detail available>"
        yield "{}: {}{}\n".format(stype, msg, filename_suffix)

    def format(self, *, chain=True, _ctx=None):
        """Yield the lines of the whole report: the chain of causes and
        contexts first (oldest first, each followed by its linking
        sentence), then this exception.  With chain=False only this one."""
        if _ctx is None:
            _ctx = _ExceptionPrintContext()

        output = []
        exc = self
        if chain:
            while exc:
                if exc.__cause__ is not None:
                    chained_msg, chained_exc = _cause_message, exc.__cause__
                elif exc.__context__ is not None and not exc.__suppress_context__:
                    chained_msg, chained_exc = _context_message, exc.__context__
                else:
                    chained_msg = chained_exc = None
                output.append((chained_msg, exc))
                exc = chained_exc
        else:
            output.append((None, exc))

        for msg, exc in reversed(output):
            if msg is not None:
                yield from _ctx.emit(msg)
            if exc.exceptions is None:
                if exc.stack:
                    yield from _ctx.emit('Traceback (most recent call last):\n')
                    yield from _ctx.emit(exc.stack.format())
                yield from _ctx.emit(exc.format_exception_only())
            elif _ctx.exception_group_depth > self.max_group_depth:
                yield from _ctx.emit(
                    f"... (max_group_depth is {self.max_group_depth})\n")
            else:
                yield from self._format_group(exc, chain, _ctx)

    def _format_group(self, exc, chain, _ctx):
        # An exception group: its own traceback and message, then each
        # member in a numbered box (at most max_group_width of them).
        is_toplevel = _ctx.exception_group_depth == 0
        if is_toplevel:
            _ctx.exception_group_depth += 1
        if exc.stack:
            yield from _ctx.emit(
                'Exception Group Traceback (most recent call last):\n',
                margin_char='+' if is_toplevel else None)
            yield from _ctx.emit(exc.stack.format())
        yield from _ctx.emit(exc.format_exception_only())
        num_excs = len(exc.exceptions)
        n = num_excs if num_excs <= self.max_group_width else self.max_group_width + 1
        _ctx.need_close = False
        for i in range(n):
            last_exc = i == n - 1
            if last_exc:
                # The closing line may come from a nested group's call.
                _ctx.need_close = True
            truncated = self.max_group_width is not None and i >= self.max_group_width
            title = f'{i + 1}' if not truncated else '...'
            yield (_ctx.indent() + ('+-' if i == 0 else '  ') +
                   f'+---------------- {title} ----------------\n')
            _ctx.exception_group_depth += 1
            if not truncated:
                yield from exc.exceptions[i].format(chain=chain, _ctx=_ctx)
            else:
                remaining = num_excs - self.max_group_width
                plural = 's' if remaining > 1 else ''
                yield from _ctx.emit(f"and {remaining} more exception{plural}\n")
            if last_exc and _ctx.need_close:
                yield _ctx.indent() + "+------------------------------------\n"
                _ctx.need_close = False
            _ctx.exception_group_depth -= 1
        if is_toplevel:
            assert _ctx.exception_group_depth == 1
            _ctx.exception_group_depth = 0

    def print(self, *, file=None, chain=True):
        """Print the report to `file` (default sys.stderr)."""
        if file is None:
            file = sys.stderr
        for line in self.format(chain=chain):
            print(line, file=file, end="")
