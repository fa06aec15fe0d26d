# functools: partial, reduce, wraps, lru_cache, cache, total_ordering,
# singledispatch, cmp_to_key, cached_property.
import functools
from functools import (partial, reduce, wraps, lru_cache, cache, total_ordering,
                       singledispatch, cmp_to_key, cached_property, update_wrapper)


def f(a, b=1, *rest, **kw):
    "f's doc"
    return (a, b, rest, kw)


p = partial(f, 1, b=2)
print(repr(p).startswith("functools.partial(<function f at 0x"), repr(p).endswith(", 1, b=2)"))
print(p(), p(b=5), p(z=1))
pp = partial(p, 7, c=3)
print(pp.func is f, pp.args, pp.keywords)
for bad in (lambda: partial(), lambda: partial(3)):
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)

print(reduce(lambda x, y: x * y, range(1, 6)), reduce(lambda x, y: x + y, [], 10))
try:
    reduce(lambda a, b: a, [])
except TypeError as e:
    print(type(e).__name__, e)


def deco(fn):
    @wraps(fn)
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs)
    return wrapper


g = deco(f)
print(g.__name__, g.__doc__, g.__wrapped__ is f, g(5))


@lru_cache(maxsize=2)
def square(x):
    print("computing", x)
    return x * x


print(square(2), square(2), square(3), square(4), square(2))
print(square.cache_info())
square.cache_clear()
print(square.cache_info(), square.__name__, square.__wrapped__.__name__)
try:
    square([1])
except TypeError as e:
    print(type(e).__name__, e)


@lru_cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(80), fib.cache_info())


@lru_cache(maxsize=None, typed=True)
def ident(x):
    return type(x).__name__


print(ident(1), ident(1.0), ident.cache_info(), ident.cache_parameters())


@cache
def twice(x, *, k=1):
    return x * 2 * k


print(twice(3), twice(3, k=2), twice(3), twice.cache_info())


class Counter:
    def __init__(self):
        self.calls = 0

    @lru_cache(maxsize=None)
    def method(self, x):
        self.calls += 1
        return x + 1


c = Counter()
print(c.method(1), c.method(1), c.calls)


@total_ordering
class V:
    def __init__(self, v):
        self.v = v

    def __eq__(self, o):
        return self.v == o.v

    def __lt__(self, o):
        return self.v < o.v


print(V(1) <= V(2), V(2) > V(1), V(2) >= V(3), sorted([V(3), V(1)], key=lambda x: x.v)[0].v)
try:
    @total_ordering
    class Bad:
        pass
except ValueError as e:
    print(type(e).__name__, e)


@singledispatch
def show(x):
    return "object"


@show.register
def _(x: int):
    return "int"


@show.register(list)
def _(x):
    return "list"


print(show(1), show(True), show([]), show("s"), show.dispatch(bool).__name__)

print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))


class Lazy:
    @cached_property
    def value(self):
        print("computing value")
        return 42


lz = Lazy()
print(lz.value, lz.value, "value" in lz.__dict__)
