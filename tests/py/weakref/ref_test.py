# weakref.ref: liveness, callbacks, sharing, hashing, equality, repr and
# the types that can (and cannot) be weakly referenced.
import collections
import re
import sys
import weakref


def masked(text):
    return re.sub(r"0x[0-9a-f]+", "0xADDR", text)


class C:
    pass


# ---- a ref follows its referent's life ----
c = C()
r = weakref.ref(c)
print(r() is c, type(r).__name__, type(r) is weakref.ReferenceType, weakref.ref is weakref.ReferenceType)
print(masked(repr(r)))
del c
print(r(), masked(repr(r)))

# ---- callbacks get the dead ref; __callback__ ----
log = []
c = C()
cb = lambda wr: log.append(("cb", wr is r2, wr(), wr.__callback__))
r2 = weakref.ref(c, cb)
print(r2.__callback__ is cb, weakref.ref(c).__callback__)
del c
print(log)

# callbacks of several refs run newest first (list order)
c = C()
order = []
refs = [weakref.ref(c, lambda w, i=i: order.append(i)) for i in range(4)]
del c
print(order)

# a ref that dies before its referent never calls back
c = C()
r3 = weakref.ref(c, lambda w: print("never"))
del r3
del c
print("no callback")

# ---- sharing: a plain ref is reused, refs with callbacks are not ----
c = C()
a, b = weakref.ref(c), weakref.ref(c)
print(a is b, weakref.ref(c, None) is a, weakref.ref(c, print) is a)
print(weakref.getweakrefcount(c), weakref.getweakrefcount(1))
x = weakref.ref(c, len)
p = weakref.proxy(c)
print([type(w).__name__ for w in weakref.getweakrefs(c)], weakref.getweakrefs(1))
print(weakref.getweakrefs(c)[0] is a, c.__weakref__ is a)
del a, b, x, p
print(weakref.getweakrefcount(c), c.__weakref__)

# ---- hash and equality ----
c, d = C(), C()
rc, rd = weakref.ref(c), weakref.ref(d)
print(hash(rc) == hash(c), rc == weakref.ref(c), rc == rd, rc != rd, rc == c)
hashed = hash(rc)
del c
print(hash(rc) == hashed, rc == rc, rc == rd)
del d
try:
    hash(rd)
except TypeError as e:
    print("TypeError:", e)
try:
    rc < rd
except TypeError as e:
    print("TypeError:", e)


class Key:
    def __init__(self, k):
        self.k = k

    def __eq__(self, other):
        return self.k == other.k

    def __hash__(self):
        return hash(self.k)


k1, k2 = Key(1), Key(1)
print(weakref.ref(k1) == weakref.ref(k2), hash(weakref.ref(k1)) == hash(1))

# ---- call and construction errors ----
c = C()
for call in (lambda: weakref.ref(c)(1), lambda: weakref.ref(), lambda: weakref.ref(c, None, 3),
             lambda: weakref.ref(c, callback=None), lambda: weakref.getweakrefcount()):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)

# ---- which objects can be weakly referenced ----
def f():
    pass


def gen():
    yield 1


class Slotted:
    __slots__ = ("a",)


class SlottedWeak:
    __slots__ = ("a", "__weakref__")


class T(tuple):
    pass


class I(int):
    pass


class L(list):
    pass


class S(str):
    pass


class E(Exception):
    pass


candidates = [1, 1.5, "s", b"b", (), [], {}, None, object(), range(3), set(), frozenset(),
              f, gen(), C, C().__init__, len, [].append, sys, f.__code__, Slotted(), SlottedWeak(),
              T(), I(), L(), S(), E(), property(), slice(1), collections.deque(),
              collections.OrderedDict(), collections.Counter()]
for o in candidates:
    try:
        w = weakref.ref(o)
        print(type(o).__name__, "ok", w() is o)
    except TypeError as e:
        print(type(o).__name__, "TypeError:", e)

try:
    class Twice:
        __slots__ = ("__weakref__", "__weakref__")
except TypeError as e:
    print("TypeError:", e)
try:
    class Again(C):
        __slots__ = ("__weakref__",)
except TypeError as e:
    print("TypeError:", e)

# slotted instances still die on time and clear their refs
s = SlottedWeak()
s.a = 5
ws = weakref.ref(s, lambda w: print("slotted died"))
del s
print(ws())

# ---- repr of refs to named objects ----
print(masked(repr(weakref.ref(f))))
print(masked(repr(weakref.ref(C))))
print(masked(repr(weakref.ref(sys))))
print(weakref.ref[int], weakref.ref.__module__, weakref.ProxyType.__name__)
