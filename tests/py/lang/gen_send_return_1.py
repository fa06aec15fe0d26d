# Generator send(), the value of yield expressions, return value in StopIteration.value, priming with None.
def echo():
    received = []
    while True:
        v = yield len(received)
        if v is None:
            return received
        received.append(v)
g = echo()
print(next(g))
print(g.send("a"), g.send("b"))
try:
    g.send(None)
except StopIteration as e:
    print("returned", e.value, e.args)
def averager():
    total = count = 0
    avg = None
    while True:
        x = yield avg
        total += x
        count += 1
        avg = total / count
a = averager()
a.send(None)
print(a.send(10), a.send(20), a.send(60))
try:
    averager().send(5)
except TypeError as e:
    print("TypeError:", e)
def ret_value():
    yield 1
    return "the result"
r = ret_value()
next(r)
try:
    next(r)
except StopIteration as e:
    print(repr(e.value), repr(e))
def no_return():
    yield 1
n = no_return()
next(n)
try:
    next(n)
except StopIteration as e:
    print(e.value, repr(e))
def running_max():
    best = None
    while True:
        x = yield best
        if best is None or x > best:
            best = x
m = running_max()
next(m)
print([m.send(v) for v in [3, 1, 4, 1, 5]])
def acc():
    x = yield
    y = yield x * 2
    yield x + y
q = acc()
print(next(q), q.send(3), q.send(4))
def gen_in_gen():
    yield "outer"
    inner = (c for c in "ab")
    yield next(inner)
print(list(gen_in_gen()))
