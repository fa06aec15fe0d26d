# The dunder protocol: binary/reflected/in-place operators and NotImplemented,
# rich comparisons, truth, len, iteration fallbacks, call, hash rules,
# repr/str/format, __index__/__int__/__float__, with, __del__, __contains__.
def show(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)

class V:
    def __init__(self, x): self.x = x
    def __repr__(self): return f"V({self.x})"
    def __add__(self, o):
        if isinstance(o, V): return V(self.x + o.x)
        if isinstance(o, int): return V(self.x + o)
        return NotImplemented
    def __radd__(self, o):
        print('radd'); return self.__add__(o)
    def __iadd__(self, o):
        self.x += o.x if isinstance(o, V) else o; return self
    def __neg__(self): return V(-self.x)
    def __matmul__(self, o): return 'matmul'
    def __pow__(self, o, m=None): return ('pow', o, m)
    def __rpow__(self, o): return ('rpow', o)
    def __lt__(self, o): print('V.lt'); return NotImplemented
    def __gt__(self, o): print('V.gt'); return NotImplemented
class W(V):
    def __radd__(self, o): print('W.radd'); return 'W'
    def __gt__(self, o): print('W.gt'); return 'Wgt'
print(V(1) + V(2), V(1) + 2, 2 + V(1), -V(3), V(1) @ V(2), V(1) ** 2, 2 ** V(1), pow(V(1), 2, 5))
v = V(1); v += 5; print(v)
print(V(1) + W(2))
show(lambda: V(1) + 'a')
show(lambda: 'a' + V(1))
show(lambda: V(1) - V(2))
show(lambda: V(1) < V(2))
print(V(1) < W(2))
show(lambda: V(1) <= V(2))
def iadd():
    x = V(1); x -= 1
show(iadd)
def iadd2():
    x = [1]; x += 1
show(iadd2)
show(lambda: ~V(1))
show(lambda: abs(V(1)))
show(lambda: +V(1))
class E:
    def __eq__(self, o): print('E.eq'); return NotImplemented
print(E() == E(), E() != E(), E() == 1)
e = E(); print(e == e)
class B0:
    def __bool__(self): return 1
show(lambda: bool(B0()))
class L0:
    def __len__(self): return -1
show(lambda: bool(L0()))
show(lambda: len(L0()))
class L1:
    def __len__(self): return 'a'
show(lambda: len(L1()))
class L2:
    def __len__(self): return 2**70
show(lambda: len(L2()))
class L3:
    def __len__(self): return 0
print(bool(L3()), not L3())
class G:
    def __getitem__(self, i):
        if i > 3: raise IndexError
        return i * 10
print(list(G()), 20 in G(), 25 in G())
for x in G(): print(x, end=' ')
print()
class It:
    def __init__(self): self.i = 0
    def __iter__(self): return self
    def __next__(self):
        self.i += 1
        if self.i > 3: raise StopIteration
        return self.i
print(list(It()), 2 in It())
class NI:
    __iter__ = None
show(lambda: iter(NI()))
class NC:
    def __iter__(self): return 1
show(lambda: iter(NC()))
show(lambda: 1 in 5)
class Cl:
    def __call__(self, *a, **k): return a, k
print(Cl()(1, b=2))
show(lambda: V(1)())
class H:
    def __eq__(self, o): return True
show(lambda: hash(H()))
print(H.__hash__)
class H2(H):
    __hash__ = object.__hash__
print(type(hash(H2())))
class H3:
    def __hash__(self): return 'x'
show(lambda: hash(H3()))
class H4:
    def __hash__(self): return 2**80
print(hash(H4()))
class H5:
    def __hash__(self): return -1
print(hash(H5()))
class R:
    def __repr__(self): return 'R!'
print(str(R()), repr(R()), f"{R()}", format(R(), ''))
show(lambda: format(R(), 'x'))
class S:
    def __str__(self): return 5
show(lambda: str(S()))
class Rp:
    def __repr__(self): return 5
show(lambda: repr(Rp()))
class F:
    def __format__(self, spec): return 'F:' + spec
print(f"{F():abc}", format(F(), 'z'))
class Ix:
    def __index__(self): return 3
print([1,2,3,4][Ix()], hex(Ix()), bin(Ix()), range(Ix()), 'ab' * Ix(), int(Ix()) if False else 0)
class In:
    def __int__(self): return 7
    def __float__(self): return 1.5
print(int(In()), float(In()))
show(lambda: [1][In()])
class Bad:
    def __int__(self): return 'x'
    def __float__(self): return 1
    def __index__(self): return 1.0
show(lambda: int(Bad()))
show(lambda: float(Bad()))
show(lambda: [1][Bad()])
class Ctx:
    def __enter__(self): print('enter'); return self
    def __exit__(self, *a): print('exit', a[0]); return True
with Ctx() as c:
    raise ValueError('x')
print('after')
def noctx():
    with 5: pass
show(noctx)
class Half:
    def __enter__(self): pass
def halfctx():
    with Half(): pass
show(halfctx)
class Del:
    def __init__(self, n): self.n = n
    def __del__(self): print('del', self.n)
d = Del(1); d = None; print('after del')
class Cont:
    def __contains__(self, x): return x == 1
print(1 in Cont(), 2 in Cont(), 2 not in Cont())
class Rev:
    def __len__(self): return 2
    def __getitem__(self, i): return 'ab'[i]
print(list(reversed(Rev())))
class GI(list):
    def __getitem__(self, i): return 'sub'
gi = GI([1,2])
print(gi[0], gi[1:])
class DM(dict):
    def __missing__(self, k): return k * 2
print(DM()['ab'], DM(a=1)['a'])
