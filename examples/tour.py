"""A short tour of what coil runs: every line prints what CPython 3.11 prints."""

# Names are labels on objects: aliasing and identity.
a = [1, 2, 3]
b = a
b.append(4)
print(a, a is b, a == [1, 2, 3, 4])
x = 256
y = 256
print(x is y, 2 ** 100, -7 // 2, pow(3, 100, 7), 0.1 + 0.2)

# Functions: defaults are evaluated once; closures bind late.
def append_to(value, target=[]):
    target.append(value)
    return target

print(append_to(1), append_to(2))
adders = [lambda n: n + i for i in range(3)]
print([f(10) for f in adders])

def counter():
    count = 0
    def step():
        nonlocal count
        count += 1
        return count
    return step

tick = counter()
print(tick(), tick(), tick())

# Data structures and comprehensions.
words = "the quick brown fox jumps over the lazy dog".split()
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
print(sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
print({n % 3 for n in range(10)}, tuple(w.upper() for w in words[:2]))
first, *rest = words
print(first, len(rest), f"{3.14159:.2f}|{'right':>8}|{42:#x}")

# Classes, inheritance, super() and dunder methods.
class Vector:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y)

    def __repr__(self):
        return f"Vector({self.x}, {self.y})"


class Named(Vector):
    def __init__(self, name, x, y):
        super().__init__(x, y)
        self.name = name

    def __repr__(self):
        return self.name + "=" + super().__repr__()


print(Vector(1, 2) + Vector(3, 4), Named("p", 5, 6), isinstance(Named("q", 0, 0), Vector))

# Exceptions: handlers, finally, chaining.
def parse(text):
    try:
        return int(text)
    except ValueError as e:
        raise RuntimeError("bad input") from e
    finally:
        print("parsed", repr(text))

try:
    parse("12x")
except RuntimeError as e:
    print(type(e).__name__, e, "caused by", type(e.__cause__).__name__)

# Generators are suspended frames.
def countdown(n):
    while n > 0:
        yield n
        n -= 1
    return "liftoff"

print(list(countdown(3)), sum(x * x for x in range(10)))

# Context managers.
class Managed:
    def __enter__(self):
        print("enter")
        return self

    def __exit__(self, exc_type, exc, tb):
        print("exit", exc_type.__name__ if exc_type else None)
        return True

with Managed():
    raise KeyError("swallowed")
print("done")
