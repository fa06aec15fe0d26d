# sys.getrefcount in the common cases, as CPython reports them: the
# argument itself adds one reference during the call.
import sys


class C:
    pass


c = C()
print(sys.getrefcount(c))          # the name c, plus the argument
alias = c
print(sys.getrefcount(c))
holder = [c, c]
print(sys.getrefcount(c))
t = (c,)
d = {"k": c}
print(sys.getrefcount(c))
del alias, holder, t, d
print(sys.getrefcount(c))
print(sys.getrefcount(C()), sys.getrefcount([1, 2]), sys.getrefcount(object()))


def f(x):
    return sys.getrefcount(x)      # c, x, and the argument


print(f(c))


def local():
    o = C()
    return sys.getrefcount(o)


print(local())


class K:
    def m(self):
        return sys.getrefcount(self)


k = K()
print(k.m())
print(sys.getrefcount(None) > 100, sys.getrefcount(C) >= 2)
try:
    sys.getrefcount()
except TypeError as e:
    print("TypeError:", e)
