# weakref.proxy: every operation forwards to the referent, and raises
# ReferenceError once it is gone.
import re
import weakref


def masked(text):
    return re.sub(r"0x[0-9a-f]+", "0xADDR", text)


class Box:
    def __init__(self, items):
        self.items = list(items)

    def __len__(self):
        return len(self.items)

    def __iter__(self):
        return iter(self.items)

    def __getitem__(self, i):
        return self.items[i]

    def __setitem__(self, i, v):
        self.items[i] = v

    def __delitem__(self, i):
        del self.items[i]

    def __contains__(self, v):
        return v in self.items

    def __add__(self, other):
        return "add %r" % (other,)

    def __radd__(self, other):
        return "radd %r" % (other,)

    def __iadd__(self, other):
        self.items.append(other)
        return self

    def __neg__(self):
        return "neg"

    def __lt__(self, other):
        return "lt"

    def __bool__(self):
        return False

    def __index__(self):
        return 3

    def __str__(self):
        return "Box%r" % (self.items,)

    def total(self):
        return sum(self.items)


b = Box([1, 2, 3])
p = weakref.proxy(b)
print(type(p).__name__, p is weakref.proxy(b), weakref.proxy(b, print) is p)
print(len(p), list(p), p[0], 2 in p, 9 in p, p.total(), p.items)
p[0] = 10
del p[1]
print(b.items, str(p), masked(repr(p)))
print(p + 1, 1 + p, -p, p < 1, p == b, p != b, bool(p), [0, 1, 2, 3, 4][p])
p += 7
print(type(p).__name__, b.items)
p = weakref.proxy(b)
p.extra = "x"
print(b.extra, isinstance(p, Box), p.__class__.__name__)
del p.extra
print(hasattr(b, "extra"))
try:
    hash(p)
except TypeError as e:
    print("TypeError:", e)
try:
    p()
except TypeError as e:
    print("TypeError:", e)

# a proxy to an iterator iterates
it = iter([1, 2])
class Iter:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 3:
            raise StopIteration
        return self.n
itr = Iter()
print(list(weakref.proxy(itr)))

# callable proxies
def double(x):
    return 2 * x

cp = weakref.proxy(double)
print(type(cp).__name__, cp(21), cp.__name__, callable(cp), callable(p))

# dead proxies
log = []
b2 = Box([])
p2 = weakref.proxy(b2, lambda w: log.append(type(w).__name__))
del b2
print(log)
for op in (lambda: p2.items, lambda: len(p2), lambda: str(p2), lambda: p2 + 1, lambda: list(p2),
           lambda: p2 == 1):
    try:
        op()
    except ReferenceError as e:
        print("ReferenceError:", e)
print(masked(repr(p2)))
try:
    weakref.proxy(1)
except TypeError as e:
    print("TypeError:", e)
try:
    weakref.ProxyType(b)
except TypeError as e:
    print("TypeError:", e)
