# yield from a list, a range, another generator; it returns the subgenerator's return value and forwards send().
def chain(*iterables):
    for it in iterables:
        yield from it
print(list(chain([1, 2], "ab", range(3), (x * 10 for x in range(2)))))
def inner():
    yield 1
    yield 2
    return "inner done"
def outer():
    result = yield from inner()
    print("  inner returned", result)
    yield 3
print(list(outer()))
def flatten(x):
    if isinstance(x, (list, tuple)):
        for item in x:
            yield from flatten(item)
    else:
        yield x
print(list(flatten([1, [2, (3, [4])], [], 5])))
def echo_inner():
    got = []
    while True:
        v = yield
        if v == "stop":
            return got
        got.append(v)
def delegator():
    res = yield from echo_inner()
    yield f"collected {res}"
d = delegator()
next(d)
d.send("a")
d.send("b")
print(d.send("stop"))
def tree(depth, label="r"):
    yield label
    if depth:
        yield from tree(depth - 1, label + "L")
        yield from tree(depth - 1, label + "R")
print(list(tree(2)))
def from_empty():
    r = yield from []
    yield r
print(list(from_empty()))
def gen_dict():
    yield from {"k1": 1, "k2": 2}
print(list(gen_dict()))
def countdown(n):
    while n > 0:
        yield n
        n -= 1
    return "liftoff"
def mission():
    msg = yield from countdown(3)
    yield msg
print(list(mission()))
