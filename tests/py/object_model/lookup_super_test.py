# MRO errors, super() in its forms, attribute lookup order, property,
# classmethod/staticmethod and method-cache invalidation.
def show(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)

class A: pass
class B: pass
class X(A, B): pass
class Y(B, A): pass
show(lambda: type('Z', (X, Y), {}))
class O1: pass
show(lambda: type('Z', (O1, O1), {}))
show(lambda: type('Z', (object, O1), {}))
class D(A): pass
show(lambda: type('Z', (A, D), {}))
# super
class Root:
    def who(self): return ['Root']
class L1(Root):
    def who(self): return ['L1'] + super().who()
class R1(Root):
    def who(self): return ['R1'] + super().who()
class Bot(L1, R1):
    def who(self): return ['Bot'] + super(Bot, self).who()
print(Bot().who(), [k.__name__ for k in Bot.__mro__])
print(super(L1, Bot()).who())
show(lambda: super(int, 'x'))
show(lambda: super(1, 2))
print(repr(super(L1, Bot()))[:30])
s = super(L1, Bot)
class CM:
    @classmethod
    def make(cls): return cls.__name__
class CM2(CM):
    @classmethod
    def make(cls): return 'sub:' + super().make()
print(CM2.make(), CM2().make())
def nosuper():
    super()
show(nosuper)
class NoArgs:
    def m(): return super()
show(lambda: NoArgs.m())
class Sx:
    def __init__(self):
        print(super().__thisclass__, super().__self_class__, super().__self__.__class__)
Sx()
class P:
    @property
    def v(self): return 1
class P2(P):
    @property
    def v(self): return super().v + 1
print(P2().v)
show(lambda: setattr(super(P2, P2()), 'v', 3))
# attribute lookup order
class DataD:
    def __get__(self, o, t): return 'data'
    def __set__(self, o, v): print('set', v)
class NonD:
    def __get__(self, o, t): return 'nondata'
class T:
    d = DataD(); n = NonD()
t = T()
t.__dict__['d'] = 'inst'; t.__dict__['n'] = 'inst'
print(t.d, t.n, T.d, T.n)
t.d = 5
class GA:
    def __getattr__(self, name): return 'ga:' + name
    x = 1
g = GA(); print(g.x, g.y)
class GAt:
    def __getattribute__(self, name):
        if name == 'boom': raise AttributeError('boom!')
        return 'gat:' + name
    def __getattr__(self, name): return 'fallback:' + name
print(GAt().a, GAt().boom)
class SA:
    def __setattr__(self, k, v):
        print('setattr', k, v); super().__setattr__(k, v)
    def __delattr__(self, k):
        print('delattr', k); super().__delattr__(k)
sa = SA(); sa.q = 1; del sa.q
show(lambda: delattr(sa, 'q'))
# property
class Pr:
    def __init__(self): self._x = 0
    @property
    def x(self):
        "the x"
        return self._x
    @x.setter
    def x(self, v): self._x = v
    @x.deleter
    def x(self): print('del x')
    ro = property(lambda self: 1)
p = Pr(); p.x = 5; print(p.x); del p.x; print(Pr.x.__doc__)
show(lambda: setattr(p, 'ro', 2))
show(lambda: delattr(p, 'ro'))
class Pr2:
    @property
    def ro(self): return 1
show(lambda: setattr(Pr2(), 'ro', 2))
show(lambda: delattr(Pr2(), 'ro'))
pw = property()
class Pr3: a = pw
show(lambda: Pr3().a)
print(property(doc='d').__doc__, property(fget=len).__doc__[:10])
print(Pr.x.fget.__name__, Pr.x.fset.__name__, Pr.x.fdel.__name__)
# classmethod/staticmethod
class K:
    @staticmethod
    def s(a): return a
    @classmethod
    def c(cls, a): return (cls.__name__, a)
print(K.s(1), K().s(2), K.c(3), K().c(4), type(K.__dict__['s']).__name__, type(K.__dict__['c']).__name__)
print(K.__dict__['s'].__func__.__name__, K.__dict__['c'].__func__.__name__)
print(staticmethod(len)([1]), repr(K.c)[:40])
print(K.__dict__['s'].__wrapped__ is K.__dict__['s'].__func__)
show(lambda: classmethod(1)(2))
# method cache
class Cache:
    def m(self): return 1
cobj = Cache()
print(cobj.m())
Cache.m = lambda self: 2
print(cobj.m())
class Sub(Cache): pass
so = Sub(); print(so.m())
Cache.m = lambda self: 3
print(so.m())
del Cache.m
show(lambda: so.m())
