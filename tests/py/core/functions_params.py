# Parameters of every kind, defaults evaluated once, argument errors.
def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, sorted(kw.items()))

print(f(1, c=3))
print(f(1, 5, 6, 7, c=3, e=9, d=0))
print(f(*[1, 2, 3], **{"c": 1, "z": 0}))

def pos_only(x, y, /, z):
    return x + y + z

print(pos_only(1, 2, z=3), pos_only(1, 2, 3))

def kw_only(*, key):
    return key

print(kw_only(key="k"))

tests = [
    lambda: f(),
    lambda: f(1),
    lambda: f(1, c=1, a=2),
    lambda: pos_only(1, y=2, z=3),
    lambda: kw_only(1),
    lambda: kw_only(),
    lambda: kw_only(key=1, other=2),
    lambda: pos_only(1, 2, 3, 4),
]
for t in tests:
    try:
        t()
    except TypeError as e:
        print("TypeError:", e)

def defaults(x, acc=[]):
    acc.append(x)
    return acc

print(defaults(1), defaults(2), defaults.__defaults__)
print(f.__name__, f.__qualname__, f.__defaults__, f.__kwdefaults__)

def outer():
    def inner():
        pass
    return inner

print(outer().__qualname__)
print((lambda: 0).__name__)

def documented():
    "The docstring."
    return None

print(documented.__doc__, outer.__doc__)
