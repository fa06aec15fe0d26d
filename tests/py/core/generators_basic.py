# Generators: lazy evaluation, send, return value, close, finally.
def gen():
    print("started")
    x = yield 1
    print("got", x)
    yield 2
    return "done"

g = gen()
print("created")
print(next(g))
print(g.send("hello"))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)

def with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")

g = with_finally()
print(next(g))
g.close()
print(list(with_finally()))

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

out = []
for v in fib():
    if v > 50:
        break
    out.append(v)
print(out)

def delegate():
    result = yield from gen()
    print("delegate got", result)

print(list(delegate()))
g = gen()
try:
    g.send(5)
except TypeError as e:
    print(e)
