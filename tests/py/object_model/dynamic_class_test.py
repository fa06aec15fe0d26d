# Dunders assigned after class creation update the slots (and subclasses);
# implicit classmethod/staticmethod wrapping; bound methods; mappingproxy.
def show(f):
    try:
        r = f()
        print(repr(r))
    except BaseException as e:
        print(type(e).__name__, e)
class V:
    def __init__(self, x): self.x = x
a, b = V(1), V(2)
show(lambda: a + b)
V.__add__ = lambda s, o: V(s.x + o.x)
print((a + b).x)
del V.__add__
show(lambda: a + b)
V.__len__ = lambda s: 7
print(len(a), bool(a))
V.__eq__ = lambda s, o: True
print(a == b, hash(a) == hash(a))
V.__hash__ = None
show(lambda: hash(a))
V.__iter__ = lambda s: iter([1, 2])
print(list(a))
V.__getattr__ = lambda s, n: 'dyn ' + n
print(a.zzz)
V.__call__ = lambda s, *x: ('called', x)
print(a(1))
V.__repr__ = lambda s: 'V!'
print(repr(a), str(a), [a])
class Sub(V): pass
print(repr(Sub(1)), Sub(3).zzz)
V.__repr__ = lambda s: 'V2!'
print(repr(Sub(1)))
class S:
    __slots__ = ('a', 'b')
s = S(); s.a = 1
print([n for n in dir(s) if not n.startswith('__')])
class CG:
    def __class_getitem__(cls, k): return (cls.__name__, k)
class CG2(CG): pass
print(CG2[int], type(CG.__dict__['__class_getitem__']).__name__)
class IS:
    def __init_subclass__(cls, **kw): print('init_subclass', cls.__name__, kw)
class IS2(IS, a=1): pass
print(type(IS.__dict__['__init_subclass__']).__name__)
class WithNew:
    def __new__(cls, *a): print('new', cls.__name__, a); return super().__new__(cls)
WithNew(1, 2)
print(type(WithNew.__dict__['__new__']).__name__)
class D:
    def __get__(self, obj, owner): return ('get', obj is None, owner.__name__)
class H:
    d = D()
print(H.d, H().d[1])
class M:
    def meth(self): pass
m = M()
print(m.meth == m.meth, m.meth is m.meth, M.meth is M.meth, m.meth.__self__ is m, m.meth.__func__ is M.meth)
print(repr(m.meth).startswith('<bound method M.meth of <__main__.M object at'))
class T:
    x = 5
t = T(); t.x = 6; print(t.x, T.x); del t.x; print(t.x)
show(lambda: delattr(t, 'x'))
print(T.__dict__['x'], 'x' in vars(T))
show(lambda: vars(T).__setitem__)
show(lambda: T.__dict__.x)
print(len(T.__dict__) > 0, T.__dict__.get('x'), list(T.__dict__.keys())[:2], 'x' in T.__dict__)
print(type(T.__dict__).__name__, T.__dict__ == dict(T.__dict__))
mp = T.__dict__
show(lambda: mp.__setattr__('a', 1))
print(T.__dict__.copy()['x'])
show(lambda: type(T.__dict__)({}))
show(lambda: type(T.__dict__)([]))
print(repr(type(T.__dict__)({'a': 1})))
print(type(T.__dict__)({'a': 1}) | {'b': 2})
