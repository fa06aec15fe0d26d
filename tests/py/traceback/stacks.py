# extract_tb / extract_stack / walk_tb / walk_stack / FrameSummary /
# StackSummary, and the collapsing of repeated frames in deep recursion.
import os
import sys
import traceback

HERE = os.path.dirname(os.path.abspath(__file__)) + os.sep


def show(text):
    sys.stdout.write(text.replace(HERE, ""))


def where():
    return traceback.extract_stack()


def outer():
    return where()


stack = outer()
print([(os.path.basename(f.filename), f.lineno, f.name, f.line) for f in stack])
print(len(stack[-1]), stack[-1][2], list(stack[-1])[1:])
print(repr(stack[-1]).replace(HERE, ""))
print(stack[-1] == (stack[-1].filename, stack[-1].lineno, "where", "return traceback.extract_stack()"))


def show_stack():
    show("".join(traceback.format_stack()))
    show("".join(traceback.format_stack(limit=1)))
    out = []
    for frame, lineno in traceback.walk_stack(None):
        out.append((frame.f_code.co_name, lineno))
    print(out)


def caller():
    show_stack()


caller()


def recurse(n):
    if n == 0:
        raise RecursionError("bottom")
    return recurse(n - 1)


try:
    recurse(10)
except RecursionError as e:
    show(traceback.format_exc())
    tb_list = traceback.extract_tb(e.__traceback__)
    print(len(tb_list), [f.name for f in tb_list][:3])
    print([ln for _, ln in traceback.walk_tb(e.__traceback__)])

# Summaries built by hand.
summary = traceback.StackSummary.from_list([
    ("a.py", 1, "f", "x = 1"),
    traceback.FrameSummary("b.py", 2, "g", line="y = 2"),
])
show("".join(summary.format()))
show("".join(traceback.format_list([("c.py", 3, "h", "")])))
traceback.print_list([("d.py", 4, "k", "pass")], file=sys.stdout)


def with_locals(a, b=[1, 2]):
    c = "three"
    raise ValueError(a)


try:
    with_locals(1)
except ValueError as e:
    te = traceback.TracebackException.from_exception(e, capture_locals=True)
    show(te.stack.format()[-1])
    show("".join(te.format_exception_only()))
    print(te.exc_type.__name__, str(te), te.stack[-1].locals)
    print(te == traceback.TracebackException.from_exception(e, capture_locals=True))
