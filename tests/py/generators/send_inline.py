# gen.send(v) called from bytecode resumes the generator's frame in the
# running eval loop (as `for x in gen` does).  Every way a send can end must
# still look exactly like CPython's send(): a yielded value, StopIteration
# with the return value, the body's own exception, and the errors of a send
# that cannot run.
import sys
import types


def averager():
    total = 0
    count = 0
    average = None
    while True:
        value = yield average
        if value is None:
            return total
        total += value
        count += 1
        average = total / count


def show(label, fn):
    try:
        print(label, "->", fn())
    except BaseException as e:
        print(label, "raised", type(e).__name__, e.args)


# Yielded values, then the return value travels in StopIteration.
a = averager()
print(next(a))
for v in (10, 20, 30):
    print(a.send(v))
try:
    a.send(None)
except StopIteration as e:
    print("returned", e.value, e.args)
print("finished:", a.gi_frame is None)
show("send after return", lambda: a.send(1))
show("send None after return", lambda: a.send(None))


# A plain `return` (None) raises a bare StopIteration.
def one_shot():
    yield 1


g = one_shot()
print(g.send(None))
try:
    g.send("x")
except StopIteration as e:
    print("bare StopIteration", e.args, e.value)

# A just-started generator accepts only None.
g = one_shot()
show("non-None into new", lambda: g.send(5))
print(g.send(None))


# The body's exception propagates out of send() with its context.
def raiser():
    x = yield "ready"
    raise ValueError("bad value %r" % (x,))


r = raiser()
print(r.send(None))
show("raising body", lambda: r.send(42))
show("after raise", lambda: r.send(1))


# PEP 479: StopIteration escaping the body becomes RuntimeError.
def leaks_stop():
    yield 1
    raise StopIteration("leak")


s = leaks_stop()
s.send(None)
try:
    s.send(None)
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", type(e.__cause__).__name__, e.__cause__)


# A generator that sends into itself: already executing.
def selfish():
    me = yield
    yield me.send(None)


sf = selfish()
next(sf)
show("send into itself", lambda: sf.send(sf))


# gi_running is set while the body runs, cleared at each yield.
def watcher():
    while True:
        g = yield
        print("  inside: running =", g.gi_running)


w = watcher()
next(w)
w.send(w)
print("outside: running =", w.gi_running)


# The unbound forms go the same way; the wrong type is refused.
def echo():
    v = None
    while True:
        v = yield v


e = echo()
next(e)
print(types.GeneratorType.send(e, "unbound"))
print(type(e).send(e, "via type"))
bound = e.send
print(bound("bound method"))
show("send with keyword", lambda: e.send(value=1))
show("send without argument", lambda: e.send())


@types.coroutine
def tick():
    got = yield "tick"
    return got


async def coro():
    first = await tick()
    second = await tick()
    return (first, second)


c = coro()
print(c.send(None))
print(c.send("a"))
try:
    c.send("b")
except StopIteration as stop:
    print("coroutine returned", stop.value)
show("reuse coroutine", lambda: c.send(None))
other = coro()
show("generator send on coroutine", lambda: types.GeneratorType.send(other, None))
other.close()
show("coroutine send(1, 2)", lambda: c.send(1, 2))


# The generator can be the only reference to itself while it runs: the
# caller's temporary keeps it alive until the send returns, then it is
# closed (its finally runs) exactly when CPython closes it.
def with_finally(tag):
    try:
        yield tag + " first"
        yield tag + " second"
    finally:
        print("  finally", tag)


print(with_finally("temp").send(None))
print("after the temporary")


# The handled exception seen inside the body: the resumer's while the body
# handles nothing, the body's own in its except block, across sends.
def exc_view():
    print("  body sees", sys.exc_info()[0])
    yield "handling nothing"
    print("  body sees", sys.exc_info()[0])
    try:
        raise KeyError("inner")
    except KeyError:
        yield "in except"
        print("  still handling", sys.exc_info()[0].__name__)
    yield "after except"


x = exc_view()
try:
    raise IndexError("outer")
except IndexError:
    print(x.send(None))
    print("caller handles", sys.exc_info()[0].__name__)
print(x.send(None))
print("caller handles", sys.exc_info()[0])
try:
    raise TypeError("outer 2")
except TypeError:
    print(x.send(None))
    print("caller handles", sys.exc_info()[0].__name__)


# An exception raised by the body while the caller handles one is chained.
def fails():
    yield
    raise OSError("from body")


f = fails()
next(f)
try:
    try:
        raise LookupError("caller's")
    except LookupError:
        f.send(None)
except OSError as err:
    print("chained:", repr(err), "context:", repr(err.__context__))


# Sends in a tight loop, inside a function (fast locals) and nested in
# another generator's body.
def drive(n):
    g = averager()
    next(g)
    last = None
    for i in range(n):
        last = g.send(i)
    return last


print(drive(1000))


def relay(target):
    next(target)
    for i in range(3):
        got = target.send(i * 10)
        yield got


print(list(relay(averager())))


# Deep recursion through send() is still caught.
def deep():
    def rec(n):
        g = nested(n)
        return g.send(None)

    def nested(n):
        yield rec(n + 1)

    try:
        rec(0)
    except RecursionError:
        print("RecursionError caught")


deep()
