# Native consumers (sum, list, tuple, any, all, min, max, sorted, dict,
# str.join) stepping generators, and `for` loops resuming them inline:
# every way the stepping can end must look as in CPython.


def count(n, fail_at=None):
    i = 0
    try:
        while i < n:
            if i == fail_at:
                raise ValueError("failed at %d" % i)
            yield i
            i += 1
    finally:
        print("  count(%d) closed at %d" % (n, i))


def show(label, fn):
    try:
        print(label, "->", fn())
    except BaseException as e:
        print(label, "raised", type(e).__name__, e)


show("sum", lambda: sum(count(5)))
show("sum start", lambda: sum(count(5), 100))
show("sum float start", lambda: sum(count(4), 0.5))
show("sum genexpr", lambda: sum(x * x for x in count(4)))
show("sum raising", lambda: sum(count(5, fail_at=3)))
show("list", lambda: list(count(3)))
show("tuple", lambda: tuple(count(3)))
show("list raising", lambda: list(count(5, fail_at=2)))
show("any stops early", lambda: any(x > 1 for x in count(10)))
show("all stops early", lambda: all(x < 2 for x in count(10)))
show("min", lambda: min(count(4)))
show("max key", lambda: max(count(4), key=lambda v: -v))
show("max empty default", lambda: max(count(0), default="none"))
show("max empty", lambda: max(count(0)))
show("sorted", lambda: sorted(count(4), reverse=True))
show("dict", lambda: dict((x, x * x) for x in count(3)))
show("join", lambda: "-".join(str(x) for x in count(3)))
show("sum of strs", lambda: sum(str(x) for x in count(2)))


# Bigger than a small int, then past int64: sum leaves its fast path.
def big():
    yield 2**62
    yield 2**62
    yield 1.5


show("sum overflow", lambda: sum(big()))


# The generator closes itself while the consumer is stepping it: it is
# running, so close() raises ValueError inside the body.
def self_closing():
    yield 1
    me.close()
    yield 2


me = self_closing()
show("closed mid-sum", lambda: sum(me))
show("after", lambda: list(me))


# A consumer that stops early leaves the generator suspended; closing it
# later runs its finally block.
g = count(10)
print(any(x == 2 for x in g))
print("next after any:", next(g))
g.close()
print("closed:", g.gi_frame is None)


# The generator finished by one consumer is empty for the next.
g = count(3)
print(sum(g), list(g), sum(g))


# A for loop over a generator mixed with next() and send() on it.
def numbered():
    received = []
    n = 0
    while n < 6:
        got = yield n
        if got is not None:
            received.append(got)
        n += 1
    return received


g = numbered()
for x in g:
    if x == 1:
        print("next inside loop:", next(g))
    if x == 3:
        print("send inside loop:", g.send("hello"))
    print("loop got", x)
try:
    next(g)
except StopIteration as e:
    print("exhausted", e.value)


# A generator raising inside a for loop inside a function: the traceback
# has both frames.
def consumer():
    total = 0
    for x in count(5, fail_at=2):
        total += x
    return total


try:
    consumer()
except ValueError as e:
    tb = e.__traceback__
    names = []
    while tb:
        names.append(tb.tb_lineno)
        tb = tb.tb_next
    print("traceback lines", names)


# StopIteration raised inside a body run by sum() becomes RuntimeError.
def leaks():
    yield 1
    raise StopIteration


show("sum leaking StopIteration", lambda: sum(leaks()))
show("list leaking StopIteration", lambda: list(leaks()))
