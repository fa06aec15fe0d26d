# type as a metaclass: type(name, bases, ns), metaclass __new__/__init__/__call__,
# CPython's argument checks, __init_subclass__, __set_name__, __qualname__,
# the read-only class __dict__, __subclasses__, __doc__, attribute errors.
def show(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)

# type as metaclass
class M(type):
    def __new__(mcls, name, bases, ns, **kw):
        print("M.__new__", name, bases, sorted(k for k in ns if not k.startswith('__')), kw)
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        print("M.__init__", name, kw)
        super().__init__(name, bases, ns)
    def __call__(cls, *a, **k):
        print("M.__call__", a, k)
        return super().__call__(*a, **k)
class B1: pass
class B2: pass
class C(B1, B2, metaclass=M, flag=1):
    x = 1
    def f(self): pass
print(type(C), C.__mro__, C.__bases__, C.__qualname__, C.__module__)
c = C()
print(type(c) is C)
X = type('X', (B1,), {'a': 1, '__doc__': 'doc'})
print(X, X.a, X.__doc__, X.__module__, X.__qualname__, X.__bases__)
show(lambda: type('X', (B1,)))
show(lambda: type())
show(lambda: type(1, (), {}))
show(lambda: type('X', [], {}))
show(lambda: type('X', (), []))
show(lambda: type('X', (1,), {}))
show(lambda: type('X', (bool,), {}))
show(lambda: type.__new__(type, 'X'))
show(lambda: type.__init__(C, 1, 2))
show(lambda: type('X', (), {}, k=1))
show(lambda: object(1))
show(lambda: object.__new__(1))
show(lambda: object.__new__(int))
class N:
    def __init__(self, a): self.a = a
show(lambda: N())
show(lambda: N(1, 2))
show(lambda: N(a=1, b=2))
class O: pass
show(lambda: O(1))
class P:
    def __new__(cls, *a): return super().__new__(cls)
show(lambda: P(1).__class__.__name__)
class Q:
    def __init__(self, *a): pass
show(lambda: Q(1).__class__.__name__)
# __init_subclass__
class Base:
    subs = []
    def __init_subclass__(cls, /, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
        Base.subs.append(cls.__name__)
class D1(Base, tag='a'): pass
class D2(D1): pass
print(Base.subs, D1.tag, D2.tag)
show(lambda: type('E', (Base,), {}, bad=1))
def mk():
    class E(object, bad=1): pass
show(mk)
# __set_name__
class Desc:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = name
    def __get__(self, obj, owner=None):
        if obj is None: return self
        return obj.__dict__.get(self.name, 'unset')
class S:
    a = Desc()
    b = Desc()
print(S().a, S.a.name)
# qualname nested
class Outer:
    class Inner:
        def meth(self): pass
print(Outer.Inner.__qualname__, Outer.Inner.meth.__qualname__, Outer.Inner.__module__)
print(repr(Outer.Inner))
print(type(C.__dict__).__name__, C.__dict__['x'])
show(lambda: C.__dict__.__setitem__('x', 2))
def f():
    C.__dict__['x'] = 2
show(f)
show(lambda: C.__dict__.x)
print(B1.__subclasses__())
print(C.mro())
print(int.__doc__[:20], O.__doc__)
class DocC:
    "hello"
print(DocC.__doc__, DocC().__doc__)
print(object.__subclasses__ is not None)
print(type.__mro__, type(type), type(object), object.__bases__, type.__bases__)
print(isinstance(type, object), isinstance(object, type))
show(lambda: setattr(int, 'x', 1))
show(lambda: setattr(C, '__name__', 5))
C.__name__ = 'CC'
print(C, C.__qualname__)
show(lambda: delattr(C, 'nope'))
show(lambda: C.nope)
show(lambda: c.nope)
show(lambda: object().x)
show(lambda: setattr(object(), 'x', 1))
show(lambda: setattr(1, 'x', 1))
show(lambda: (1).x)
show(lambda: delattr(c, 'x'))
show(lambda: type.__dict__['__name__'])
print(vars(DocC).keys())
