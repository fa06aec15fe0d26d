# __slots__: member descriptors, messages, __dict__/__weakref__ slots,
# inheritance, conflicts, sizes.
import sys
def show(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)

class S:
    __slots__ = ('x', 'y')
s = S()
show(lambda: s.x)
s.x = 1
print(s.x)
show(lambda: setattr(s, 'z', 1))
show(lambda: s.__dict__)
del s.x
show(lambda: s.x)
show(lambda: delattr(s, 'x'))
print(S.x, type(S.x), S.x.__name__, S.x.__objclass__)
print(S.__slots__, '__dict__' in dir(s), hasattr(S, '__weakref__'))
class T(S): pass
t = T(); t.z = 3; print(t.__dict__)
class U(S):
    __slots__ = ('z',)
u = U(); u.x = 1; u.z = 2; print(u.x, u.z)
show(lambda: setattr(u, 'w', 1))
def conflict():
    class C:
        __slots__ = ('a',)
        a = 1
show(conflict)
def layout():
    class A: __slots__ = ('a',)
    class B: __slots__ = ('b',)
    class C(A, B): pass
show(layout)
class WD:
    __slots__ = ('__dict__', '__weakref__', 'a')
w = WD(); w.q = 1; print(w.__dict__)
def dd():
    class C: __slots__ = ('__dict__', '__dict__')
show(dd)
def ww():
    class C: __slots__ = ('__weakref__', '__weakref__')
show(ww)
def nonid():
    class C: __slots__ = ('1a',)
show(nonid)
def nonstr():
    class C: __slots__ = (1,)
show(nonstr)
class Pv:
    __slots__ = ('__p',)
    def __init__(self): self.__p = 1
print(Pv.__slots__, hasattr(Pv, '_Pv__p'), Pv().__dict__ if hasattr(Pv(), '__dict__') else 'nodict')
class Str1:
    __slots__ = 'one'
print(Str1.__slots__, Str1.one)
def slot_nonempty():
    class I(int): __slots__ = ('a',)
show(slot_nonempty)
class TS(tuple):
    __slots__ = ()
print(TS((1,2)))
show(lambda: setattr(TS(), 'a', 1))
class Base:
    __slots__ = ('a',)
class Deriv(Base):
    __slots__ = ('a',)
print(Deriv().__class__.__name__)
print(sys.getsizeof(S()) < sys.getsizeof(T()) + sys.getsizeof(T().__dict__))
class Empty:
    __slots__ = ()
show(lambda: setattr(Empty(), 'a', 1))
show(lambda: Empty().__dict__)
show(lambda: vars(Empty()))
class SD:
    __slots__ = ['a']
    def __init__(self): self.a = 1
print(SD.__dict__['__slots__'], '__dict__' in SD.__dict__, sorted(k for k in SD.__dict__ if not k.startswith('__')))
show(lambda: S.x.__get__(1))
show(lambda: S.x.__set__(1, 2))
class Both(S):
    __slots__ = ('x',)
print(Both.x is not S.x)
print(S.x.__doc__)

class WithDict:
    def __init__(self): self.x = 1; self.y = 2
class WithSlots:
    __slots__ = ('x', 'y')
    def __init__(self): self.x = 1; self.y = 2
d, s2 = WithDict(), WithSlots()
print(sys.getsizeof(s2) < sys.getsizeof(d) + sys.getsizeof(d.__dict__))
class Three:
    __slots__ = ('a', 'b', 'c')
print(sys.getsizeof(Three()) > sys.getsizeof(s2), s2.__sizeof__() < Three().__sizeof__())
class BadSize:
    def __sizeof__(self): return -1
class StrSize:
    def __sizeof__(self): return 'x'
show(lambda: sys.getsizeof(BadSize()))
show(lambda: sys.getsizeof(StrSize()))
print(sys.getsizeof(StrSize(), 'dflt'))
show(lambda: sys.getsizeof())
print(WithDict().__getstate__(), s2.__getstate__())
