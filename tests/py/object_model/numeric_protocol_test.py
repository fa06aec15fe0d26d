# More of the dunder protocol: builtin-subclass reflection, divmod/round/trunc,
# in-place fallbacks, 3-argument pow, unary errors, item assignment/deletion.
def show(f):
    try:
        r = f()
        print(repr(r))
    except BaseException as e:
        print(type(e).__name__, e)
class MI(int):
    def __radd__(self, o): return 'MI.radd'
    def __rsub__(self, o): return NotImplemented
    def __lt__(self, o): return 'MI.lt'
    def __gt__(self, o): return 'MI.gt'
print(1 + MI(2), MI(2) + 1, 5 - MI(1), 1 < MI(2), MI(2) > 1)
class N:
    def __divmod__(self, o): return ('dm', o)
    def __rdivmod__(self, o): return ('rdm', o)
    def __round__(self, n=None): return ('round', n)
    def __trunc__(self): return 'trunc'
    def __floor__(self): return 'floor'
    def __ceil__(self): return 'ceil'
    def __abs__(self): return 'abs'
    def __bytes__(self): return b'by'
    def __reversed__(self): return iter('ab')
    def __length_hint__(self): return 3
import math
print(divmod(N(), 1), divmod(1, N()), round(N()), round(N(), 2), math.trunc(N()), math.floor(N()), math.ceil(N()), abs(N()), bytes(N()), list(reversed(N())))
show(lambda: divmod(N, 1))
show(lambda: round(object()))
class IP:
    def __init__(self): self.v = []
    def __iadd__(self, o): self.v.append(o); return self
    def __add__(self, o): return 'add'
x = IP(); y = x; x += 1; print(x is y, x.v)
class OnlyAdd:
    def __add__(self, o): return 'plain add'
z = OnlyAdd(); z += 1; print(z)
class IN:
    def __iadd__(self, o): return NotImplemented
    def __add__(self, o): return 'fallback add'
w = IN(); w += 1; print(w)
class INN:
    def __iadd__(self, o): return NotImplemented
def f():
    q = INN(); q += 1
show(f)
def g():
    q = INN(); q **= 1
show(g)
def h():
    q = INN(); q @= 1
show(h)
show(lambda: pow(N(), 2, 3))
class P3:
    def __pow__(self, o, m=None): return ('pow', o, m)
    def __rpow__(self, o, m=None): return ('rpow', o, m)
print(pow(P3(), 2, 3), pow(2, P3()), P3() ** 2)
show(lambda: pow(2, P3(), 3))
class LS(list):
    def __eq__(self, o): return 'LS.eq'
print([1] == LS(), LS() == [1])
class Cmp:
    def __eq__(self, o): return 'eq'
    def __ne__(self, o): return 'ne'
print(Cmp() == 1, 1 == Cmp(), Cmp() != 1, 1 != Cmp())
class Unh(list): pass
show(lambda: hash(Unh()))
class HL(list):
    def __hash__(self): return 1
print(hash(HL()))
class Neg:
    def __neg__(self): return 'neg'
    def __pos__(self): return 'pos'
    def __invert__(self): return 'inv'
print(-Neg(), +Neg(), ~Neg())
show(lambda: -object())
show(lambda: ~1.5)
show(lambda: abs('s'))
show(lambda: len(5))
five = 5
show(lambda: five[0])
show(lambda: iter(5))
show(lambda: next(5))
show(lambda: five())
class SI:
    def __setitem__(self, k, v): print('set', k, v)
    def __delitem__(self, k): print('del', k)
si = SI(); si[1] = 2; del si[1]; si[1:2] = 3
def nsi():
    o = object(); o[0] = 1
show(nsi)
def ndi():
    o = object(); del o[0]
show(ndi)
def ndi2():
    t = (1,); del t[0]
show(ndi2)
show(lambda: object()[0])
class GI:
    def __getitem__(self, k): return k
print(GI()[1:2], GI()[1, 2], GI()[...], GI()[::2])
