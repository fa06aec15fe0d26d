# Subclassing int, str, list, dict, tuple, float, set, bytes and Exception with
# overridden dunders; vars, dir, getattr, isinstance/issubclass, callable.
def show(f):
    try:
        r = f()
        print(repr(r))
    except BaseException as e:
        print(type(e).__name__, e)

class MyInt(int):
    def __add__(self, o): return 'MyInt.add'
    def __repr__(self): return 'MyInt(%d)' % int(self)
a = MyInt(5)
print(a + 1, 1 + a, a * 2, repr(a), a == 5, hash(a) == hash(5), int(a), type(a + 0))
class MyStr(str):
    def __len__(self): return 42
    def upper(self): return 'UP'
ms = MyStr('abc')
print(len(ms), ms.upper(), ms + 'd', ms[0], type(ms[0]), ms == 'abc', {ms: 1}['abc'], f"{ms}")
class MyList(list):
    def __len__(self): return 99
    def __iter__(self): return iter([7])
    def __contains__(self, x): return True
    def __setitem__(self, k, v): print('set', k, v)
ml = MyList([1,2])
print(len(ml), list(ml), 5 in ml, ml[0], sorted(ml), [x for x in ml])
ml[0] = 5
print(ml)
class MyDict(dict):
    def __getitem__(self, k): return 'gi:' + str(k)
    def __setitem__(self, k, v): super().__setitem__(k, v * 2)
md = MyDict(a=1)
md['b'] = 2
print(md['x'], md, md.get('b'), dict(md))
class Cnt(dict):
    def __missing__(self, k):
        self[k] = 0
        return 0
c = Cnt(); c['a'] += 1; print(c)
class Obj(object):
    pass
print(Obj.__base__, Obj.__mro__)
class Ex(Exception):
    def __str__(self): return 'exstr'
show(lambda: (_ for _ in ()).throw(Ex()))
class MyTuple(tuple):
    def __new__(cls, a, b): return super().__new__(cls, (a, b))
    @property
    def first(self): return self[0]
mt = MyTuple(1, 2); print(mt, mt.first, type(mt).__name__, len(mt))
class MyFloat(float):
    pass
print(MyFloat(1.5) + 1, repr(MyFloat(2.5)), type(MyFloat(1) * 2))
class MyList2(list):
    def __init__(self, *a):
        super().__init__(*a)
        self.tag = 'x'
m2 = MyList2([1,2]); print(m2, m2.tag, m2 == [1,2], type(m2 + [3]))
class MySet(set): pass
print(MySet([1]) | {2}, type(MySet([1]) | {2}))
class B(bytes): pass
print(B(b'ab'), type(B(b'x')))
class MyBool:
    pass
show(lambda: type('X', (bool,), {}))
# introspection
class I:
    cls_attr = 1
    def __init__(self): self.z = 1; self.a = 2
    def m(self): pass
print(vars(I())); print([x for x in dir(I()) if not x.startswith('__')])
print(dir(I) == sorted(dir(I)), '__init__' in dir(I), '__class__' in dir(I()))
import sys
print([x for x in dir(sys.modules[__name__]) if not x.startswith('__')])
print(getattr(I(), 'nope', 'dflt'), getattr(I, 'cls_attr'))
show(lambda: getattr(I(), 'nope'))
show(lambda: getattr(I(), 1))
show(lambda: vars(1))
print(isinstance(1, (str, (int, float))), issubclass(bool, (str, int)))
show(lambda: isinstance(1, 1))
show(lambda: issubclass(1, int))
show(lambda: issubclass(int, 1))
class Meta(type):
    def __instancecheck__(cls, inst): return inst == 'magic'
    def __subclasscheck__(cls, sub): return sub is int
class Magic(metaclass=Meta): pass
print(isinstance('magic', Magic), isinstance(Magic(), Magic), issubclass(int, Magic), issubclass(str, Magic))
print(callable(I), callable(I()), callable(len), callable(I().m))
print(id(I) == id(I), type(id(I)))
print(object().__sizeof__(), (1).__sizeof__() if False else '')
print(dir(1) == sorted(dir(1)), len(dir(object)))
print(dir(object))
class DirCustom:
    def __dir__(self): return ['b', 'a']
print(dir(DirCustom()))
show(lambda: dir(1, 2))
print(sorted(vars(I).keys()))
print(type(I.__dict__['m']).__name__, type(I.__dict__))
