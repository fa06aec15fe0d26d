# Comparison reflection, metaclass conflicts, __set_name__ errors, __class__
# assignment, __hash__ inheritance, truth errors, custom mro(), __prepare__.
def show(f):
    try:
        r = f()
        print(repr(r))
    except BaseException as e:
        print(type(e).__name__, e)

class A:
    def __eq__(self, o): print('A.eq'); return NotImplemented
class B(A):
    def __eq__(self, o): print('B.eq'); return NotImplemented
print(A() == B())
print(B() == A())
class P:
    def __lt__(self, o): print('P.lt', type(o).__name__); return NotImplemented
class Q(P):
    def __gt__(self, o): print('Q.gt'); return True
print(P() < Q())
show(lambda: P() < P())
show(lambda: 1 < 'a')
show(lambda: [] <= {})
show(lambda: A() > 1)
class M1(type): pass
class M2(type): pass
class C1(metaclass=M1): pass
class C2(metaclass=M2): pass
show(lambda: type('X', (C1, C2), {}))
def mc():
    class X(C1, C2): pass
show(mc)
class Bad:
    def __set_name__(self, o, n): raise ValueError('boom')
def sn():
    class X:
        b = Bad()
show(sn)
try:
    sn()
except RuntimeError as e:
    print(repr(e.__cause__))
# __class__ assignment
class K1: pass
class K2: pass
k = K1(); k.__class__ = K2; print(type(k).__name__)
show(lambda: setattr(k, '__class__', int))
show(lambda: setattr(1, '__class__', bool))
class SL1: __slots__ = ('a',)
class SL2: __slots__ = ('b',)
show(lambda: setattr(SL1(), '__class__', SL2))
# __hash__ inheritance
class HE:
    def __eq__(self, o): return True
class HE2(HE): pass
show(lambda: hash(HE2()))
class HH:
    def __hash__(self): return 5
class HH2(HH):
    def __eq__(self, o): return True
show(lambda: hash(HH2()))
print(HH2.__hash__)
# __ne__ default
class NE:
    def __eq__(self, o): return 'yes'
print(NE() != NE())
# default eq
o = object(); print(o == o, o != o, o == 1)
# __bool__ returns non-bool
class B2:
    def __bool__(self): return None
show(lambda: not B2())
show(lambda: bool(B2()))
# __len__ and __bool__ priority
class BL:
    def __bool__(self): return False
    def __len__(self): return 5
print(bool(BL()))
# __index__
class IX:
    def __index__(self): return 'x'
show(lambda: [1][IX()])
show(lambda: range(IX()))
# __contains__ fallback on __iter__
class IT:
    def __iter__(self): return iter([1, 2])
print(2 in IT(), 3 in IT())
show(lambda: 1 in object())
# __call__ not callable
show(lambda: object()())
# __getattr__ raising other error
class GAE:
    def __getattr__(self, n): raise KeyError(n)
show(lambda: GAE().x)
show(lambda: hasattr(GAE(), 'x'))
# property with __set_name__ and name in message
class PN:
    @property
    def val(self): raise AttributeError('inner')
    def __getattr__(self, n): return 'fallback ' + n
print(PN().val)
# classmethod wrapping property (3.11 chaining)
class CP:
    @classmethod
    @property
    def cp(cls): return 'cp of ' + cls.__name__
print(CP.cp)
# staticmethod callable directly in 3.10+
sm = staticmethod(lambda: 'called')
print(sm())
# __init__ returning non-None
class IR:
    def __init__(self): return 5
show(lambda: IR())
# __new__ returning other type skips __init__
class NR:
    def __new__(cls): return 42
    def __init__(self): print('never')
print(NR())
# metaclass __call__ override
class Singleton(type):
    _inst = {}
    def __call__(cls, *a):
        if cls not in cls._inst: cls._inst[cls] = super().__call__(*a)
        return cls._inst[cls]
class One(metaclass=Singleton): pass
print(One() is One())
# metaclass methods / attributes visible on class, not on instance
class Meta(type):
    def hello(cls): return 'hello ' + cls.__name__
    attr = 'meta attr'
class WM(metaclass=Meta): pass
print(WM.hello(), WM.attr)
show(lambda: WM().hello)
# __prepare__
class OrderedMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print('prepare', name)
        return {'injected': 1}
class OM(metaclass=OrderedMeta): pass
print(OM.injected)
# __instancecheck__ on metaclass with tuple
print(isinstance(1, (str, WM)))
# __mro__ via mro override
class MroMeta(type):
    def mro(cls): return [cls, object]
class MX(list, metaclass=MroMeta): pass
print(MX.__mro__)
# __subclasses__ order & weak
class Par: pass
class Ch1(Par): pass
class Ch2(Par): pass
print(Par.__subclasses__())
# type.__init__ / __new__ signature checks
show(lambda: type.__new__(int, 'X', (), {}))
show(lambda: type.__new__(1, 'X', (), {}))
# abstract
from abc import ABC, abstractmethod
class Ab(ABC):
    @abstractmethod
    def f(self): pass
    @abstractmethod
    def g(self): pass
show(lambda: Ab())
