# copy (shallow, deep, memo, __copy__/__deepcopy__, plain objects, slots) and
# contextlib (contextmanager, suppress, nullcontext, closing, redirect_stdout,
# ExitStack, ContextDecorator).
import copy
import io
from contextlib import (contextmanager, suppress, nullcontext, closing, redirect_stdout,
                        ExitStack, ContextDecorator)


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


class Slotted:
    __slots__ = ("a", "b")


class Custom:
    def __init__(self):
        self.log = []

    def __copy__(self):
        return "shallow!"

    def __deepcopy__(self, memo):
        return "deep!"


p = Point([1], 2)
q = copy.copy(p)
r = copy.deepcopy(p)
print(type(q).__name__, q.x is p.x, r.x is p.x, r.x == p.x, r.y)
s = Slotted()
s.a = [1]
t = copy.deepcopy(s)
print(t.a, t.a is s.a, hasattr(t, "b"))
print(copy.copy(Custom()), copy.deepcopy([Custom()]))
nested = {"k": [1, {"z": [2]}]}
d = copy.deepcopy(nested)
print(d == nested, d["k"] is nested["k"], d["k"][1]["z"] is nested["k"][1]["z"])
shared = [0]
pair = (shared, shared)
dp = copy.deepcopy(pair)
print(dp[0] is dp[1], dp[0] is shared)
t1 = (1, "a", (2, 3))
print(copy.deepcopy(t1) is t1, copy.copy(t1) is t1)
cyc = {}
cyc["self"] = cyc
cc = copy.deepcopy(cyc)
print(cc["self"] is cc, cc is not cyc)


class L(list):
    pass


ll = L([1, [2]])
ll.tag = "t"
lc = copy.deepcopy(ll)
print(type(lc).__name__, lc, lc.tag, lc[1] is ll[1])


@contextmanager
def tag(name):
    print("<%s>" % name)
    try:
        yield name.upper()
    except KeyError as e:
        print("handled", repr(e))
    finally:
        print("</%s>" % name)


with tag("a") as v:
    print("inside", v)
with tag("b"):
    raise KeyError("k")
try:
    with tag("c"):
        raise ValueError("v")
except ValueError as e:
    print("propagated", e)


@tag("deco")
def decorated():
    print("body")


decorated()

with suppress(KeyError, IndexError):
    [][1]
print("suppressed")
try:
    with suppress(KeyError):
        1 / 0
except ZeroDivisionError as e:
    print(type(e).__name__)
with suppress(LookupError):
    {}["x"]
print("subclass suppressed")

with nullcontext(5) as n:
    print("null", n)


class Res:
    def close(self):
        print("closed")


with closing(Res()):
    print("using")

buf = io.StringIO()
with redirect_stdout(buf):
    print("captured")
print(repr(buf.getvalue()))

order = []
with ExitStack() as stack:
    for i in range(3):
        stack.callback(order.append, i)
    stack.enter_context(tag("x"))
print(order)


class Suppressor:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        print("exit sees", exc[0].__name__ if exc[0] else None)
        return True


with ExitStack() as stack:
    stack.enter_context(Suppressor())
    raise RuntimeError("swallowed")
print("after suppressed")
with ExitStack() as outer:
    inner = outer.pop_all()
    inner.callback(print, "moved callback")
inner.close()


class mycontext(ContextDecorator):
    def __enter__(self):
        print("starting")
        return self

    def __exit__(self, *exc):
        print("finishing")
        return False


@mycontext()
def work():
    print("working")


work()


@contextmanager
def no_yield():
    if False:
        yield


try:
    with no_yield():
        pass
except RuntimeError as e:
    print(type(e).__name__, e)
