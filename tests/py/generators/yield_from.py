# PEP 380: yield from passes send/throw/close through and returns the
# subgenerator's return value; works on any iterable.
import sys

def inner():
    x = yield 1
    print("inner got", x)
    y = yield 2
    print("inner got", y)
    return "inner-result"

def outer():
    r = yield from inner()
    print("outer got result", r)
    yield r

g = outer()
print(next(g))
print(g.send("a"))
print(g.send("b"))
print(list(g))

# any iterable
def flat():
    yield from [1, 2]
    yield from (3, 4)
    yield from range(5, 7)
    yield from "ab"
    r = yield from iter([])
    print("iter returns", r)
print(list(flat()))

# gi_yieldfrom and state
g = outer()
next(g)
print(type(g.gi_yieldfrom).__name__, g.gi_yieldfrom.gi_running, g.gi_yieldfrom.gi_suspended)

# throw passes through and can be handled inside
def inner_catch():
    try:
        yield "i1"
    except KeyError as e:
        print("inner caught", repr(e))
        yield "i2"
    return "ir"

def outer2():
    r = yield from inner_catch()
    print("outer2 result", r)
    yield "o1"

g = outer2()
print(next(g))
print(g.throw(KeyError("k")))
print(next(g))

# throw not handled inside: propagates into the delegator at the yield from
def outer3():
    try:
        yield from inner_catch()
    except ValueError as e:
        print("outer3 caught", repr(e))
        yield "o3"
g = outer3(); next(g)
print(g.throw(ValueError("v")))

# throw finishing the subgenerator returns into the delegator
def inner_ret():
    try:
        yield 1
    except KeyError:
        return "returned-on-throw"
def outer4():
    r = yield from inner_ret()
    yield ("got", r)
g = outer4(); next(g)
print(g.throw(KeyError))

# close closes the subgenerator first, then the delegator
def inner_fin():
    try:
        yield 1
    finally:
        print("inner finally")
def outer5():
    try:
        yield from inner_fin()
    finally:
        print("outer finally")
g = outer5(); next(g)
g.close()
print(g.gi_frame)

# subgenerator ignoring GeneratorExit
def inner_stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2
def outer6():
    try:
        yield from inner_stubborn()
    except RuntimeError as e:
        print("outer6 sees", e)
        raise
g = outer6(); next(g)
try:
    g.close()
except RuntimeError as e:
    print("close raised", e)

# a plain iterator with close() and throw()
class It:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 3:
            raise StopIteration(99)
        return self.n
    def send(self, v):
        print("It.send", v)
        return self.__next__()
    def throw(self, e):
        print("It.throw", repr(e))
        raise StopIteration("from-throw")
    def close(self):
        print("It.close")

def deleg():
    r = yield from It()
    print("deleg result", r)
    yield r
g = deleg()
print(next(g))
print(g.send("x"))
print(g.throw(ValueError("vv")))
g = deleg(); next(g); g.close()
print(list(deleg()))

# an iterator without throw/close: the exception is raised at the yield from
def deleg2():
    try:
        yield from iter([1, 2, 3])
    except ValueError as e:
        print("deleg2 caught", e)
        yield "x"
g = deleg2(); next(g)
print(g.throw(ValueError("nothrow")))
g = deleg2(); next(g); g.close(); print("closed")
# sending a value to a list iterator
g = deleg2(); next(g)
try:
    g.send(5)
except AttributeError as e:
    print(type(e).__name__, e)

# exceptions inside the subgenerator propagate with a traceback through both
def boom():
    yield 1
    1 / 0
def via():
    yield from boom()
try:
    list(via())
except ZeroDivisionError as e:
    tb = e.__traceback__
    names = []
    while tb:
        names.append(tb.tb_frame.f_code.co_name if tb.tb_frame is not None else None)
        tb = tb.tb_next
    print("ZeroDivisionError", e)

# PEP 479 through yield from
def stop_inner():
    yield 1
    raise StopIteration
def stop_outer():
    yield from stop_inner()
try:
    list(stop_outer())
except RuntimeError as e:
    print("RuntimeError", e)

# deep chains: no C++ recursion per level
def chain(n):
    if n == 0:
        x = yield "bottom"
        return x
    return (yield from chain(n - 1))
sys.setrecursionlimit(12000)
g = chain(10000)
print(next(g))
try:
    g.send("up")
except StopIteration as e:
    print("chain returned", e.value)
g = chain(10000); next(g)
try:
    g.throw(KeyError("deep"))
except KeyError as e:
    print("deep throw", e)
g = chain(10000); next(g); g.close(); print("deep close ok")
def counting(n):
    if n == 0:
        yield from range(3)
        return
    yield from counting(n - 1)
print(sum(counting(900)))  # (deeper needs the RecursionGuard fix: /tmp/vm_bugs)

# a generator delegating to itself
def selfdel():
    yield from me
me = selfdel()
try:
    next(me)
except ValueError as e:
    print(type(e).__name__, e)

# yield from a coroutine in a plain generator
async def co():
    return 1
cobj = co()
def yf_co():
    yield from cobj
c = yf_co()
try:
    next(c)
except TypeError as e:
    print(type(e).__name__, e)
cobj.close()   # (else it would warn on stderr: never awaited)

# return value of yield from with a generator that returns immediately
def immediate():
    return 42
    yield
def uses():
    v = yield from immediate()
    yield v
print(list(uses()))
