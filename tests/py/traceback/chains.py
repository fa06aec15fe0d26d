# Cause and context chains, suppressed context, notes, SyntaxError and
# exception groups, formatted by traceback as the interpreter prints them.
import os
import sys
import traceback

HERE = os.path.dirname(os.path.abspath(__file__)) + os.sep


def show(lines):
    sys.stdout.write("".join(lines).replace(HERE, ""))


def parse(text):
    try:
        return int(text)
    except ValueError as e:
        raise RuntimeError(f"cannot parse {text!r}") from e


def handle(text):
    try:
        return parse(text)
    except RuntimeError:
        return {}[text]


try:
    handle("x")
except KeyError as e:
    show(traceback.format_exception(e))
    print("--- chain=False")
    show(traceback.format_exception(e, chain=False))

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("quiet") from None
except ValueError as e:
    print("--- suppressed")
    show(traceback.format_exception(e))
    e.add_note("first note")
    e.add_note("second\nnote")
    show(traceback.format_exception_only(e))

# A cycle of contexts is printed once.
a = ValueError("a")
b = TypeError("b")
a.__context__ = b
b.__context__ = a
show(traceback.format_exception(a))

try:
    compile("x = (1,\n  2 +)", "snippet.py", "exec")
except SyntaxError as e:
    print("--- syntax")
    show(traceback.format_exception_only(e))

def fail(n):
    raise ValueError(f"fail {n}")


def group():
    errors = []
    for i in range(3):
        try:
            fail(i)
        except ValueError as e:
            errors.append(e)
    inner = ExceptionGroup("inner", [KeyError("k"), errors.pop()])
    raise ExceptionGroup("outer", errors + [inner])


try:
    group()
except ExceptionGroup as e:
    print("--- group")
    show(traceback.format_exception(e))
    print("--- narrow")
    show(traceback.TracebackException.from_exception(e, max_group_width=1).format())
    print("--- shallow")
    show(traceback.TracebackException.from_exception(e, max_group_depth=1).format())

# print_exception writes to a file.
try:
    handle("y")
except KeyError:
    import io
    buf = io.StringIO()
    traceback.print_exc(file=buf)
    show(buf.getvalue())
