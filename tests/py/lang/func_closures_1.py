# Closures capture variables (cells), not values: late binding, shared cells, __closure__ contents.
def make_multipliers():
    return [lambda x: x * i for i in range(4)]
print([m(2) for m in make_multipliers()])
def make_multipliers_fixed():
    return [lambda x, i=i: x * i for i in range(4)]
print([m(2) for m in make_multipliers_fixed()])
def make_multipliers_factory():
    def factory(i):
        return lambda x: x * i
    return [factory(i) for i in range(4)]
print([m(2) for m in make_multipliers_factory()])
def pair():
    value = 0
    def get():
        return value
    def inc():
        nonlocal value
        value += 1
    return get, inc
get, inc = pair()
inc(); inc()
print(get(), get.__closure__[0].cell_contents, get.__closure__[0] is inc.__closure__[0])
def outer():
    x = "first"
    f = lambda: x
    x = "second"
    return f
print(outer()())
def no_closure():
    return 1
print(no_closure.__closure__, get.__code__.co_freevars, pair.__code__.co_cellvars)
funcs = []
for k in range(3):
    def f():
        return k
    funcs.append(f)
print([f() for f in funcs])
k = 99
print([f() for f in funcs])
def counter_from(start):
    def next_value():
        nonlocal start
        start += 1
        return start
    return next_value
c = counter_from(10)
print(c(), c(), c())
def memoize(fn):
    cache = {}
    def inner(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    inner.cache = cache
    return inner
@memoize
def slow_square(n):
    print("  computing", n)
    return n * n
print(slow_square(4), slow_square(4), slow_square(5), sorted(slow_square.cache.items()))
