# Generator functions: lazy execution, next(), StopIteration at the end, iteration in for loops, generator state.
def count_up(n):
    print("  start")
    i = 0
    while i < n:
        print("  yielding", i)
        yield i
        i += 1
    print("  done")
g = count_up(2)
print(type(g).__name__, "created, nothing ran yet")
print(next(g))
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)
try:
    next(g)
except StopIteration:
    print("still exhausted")
print(list(count_up(3)))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(10)])
def take(n, it):
    for i, v in enumerate(it):
        if i >= n:
            return
        yield v
print(list(take(5, fib())), list(take(0, fib())))
def empty():
    return
    yield
print(list(empty()), next(empty(), "default"))
g2 = (x for x in "ab")
print(iter(g2) is g2, next(g2), next(g2), next(g2, None))
def with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("  generator finally")
for v in with_finally():
    print("got", v)
def gen_locals(x):
    y = x * 2
    yield y
    y += 1
    yield y
print(list(gen_locals(5)), sum(gen_locals(1)))
print(sum(x * x for x in range(4)), max((len(w), w) for w in ["a", "bbb", "cc"]))
def indexed(items):
    for i, item in enumerate(items):
        yield i, item
print(dict(indexed("xyz")))
