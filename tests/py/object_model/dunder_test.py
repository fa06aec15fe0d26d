# Slot wrappers in both directions: dunders defined in Python fill the C
# slots, and built-in slots appear as dunder methods.
class V:
    def __init__(self, x):
        self.x = x
    def __repr__(self):
        return "V(%r)" % (self.x,)
    def __add__(self, o):
        if isinstance(o, V):
            return V(self.x + o.x)
        return NotImplemented
    def __radd__(self, o):
        return V(o + self.x)
    def __lt__(self, o):
        return self.x < o.x
    def __len__(self):
        return self.x
    def __getitem__(self, i):
        if i >= self.x:
            raise IndexError(i)
        return i * 10
    def __contains__(self, v):
        return v == 42
    def __call__(self, *a, **k):
        return (a, k)
    def __bool__(self):
        return self.x != 0
    def __neg__(self):
        return V(-self.x)
    def __index__(self):
        return self.x

print(V(1) + V(2), 5 + V(1), V(1) < V(2), V(3) > V(1))
print(len(V(3)), list(V(3)), 42 in V(0), 1 in V(5))
print(V(1)(1, 2, a=3), bool(V(0)), bool(V(2)), -V(4))
print((10, 20, 30, 40)[V(2)], hex(V(255)))
try:
    V(1) + 1
except TypeError as e:
    print(e)
try:
    V(1) <= V(2)
except TypeError as e:
    print(e)
print(int.__add__(3, 4), (3).__mul__(5), int.__radd__(1, 2), list.__len__([1, 2]))
print(int.__add__, (1).__add__.__name__, object.__init__, object.__new__ is object.__dict__['__new__'])
print(str.__dict__['upper'], type(str.__dict__['upper']).__name__, repr(dict.fromkeys).split(' at ')[0], repr(str.maketrans).split(' at ')[0])
try:
    int.__add__("a", 1)
except TypeError as e:
    print(e)
try:
    (1).__add__()
except TypeError as e:
    print(e)

class E:
    def __eq__(self, o):
        return True
print(E.__hash__, E() == 1, E() != 1)
try:
    hash(E())
except TypeError as e:
    print(e)

class H:
    def __hash__(self):
        return 7
print(hash(H()), H() == H())

class G:
    def __getattr__(self, name):
        return "missing:" + name
g = G()
g.real = 1
print(g.real, g.other)

class GA:
    def __getattribute__(self, name):
        if name == "magic":
            return 99
        return object.__getattribute__(self, name)
ga = GA()
ga.y = 3
print(ga.magic, ga.y)

class SA:
    def __setattr__(self, name, value):
        object.__setattr__(self, name, value * 2)
    def __delattr__(self, name):
        print("del", name)
sa = SA()
sa.v = 21
print(sa.v)
del sa.v

class It:
    def __init__(self):
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.i += 1
        if self.i > 3:
            raise StopIteration
        return self.i
print(list(It()), sum(It()))

class Desc:
    def __get__(self, obj, owner):
        return ("get", obj is None, owner.__name__)
    def __set__(self, obj, value):
        obj.__dict__["stored"] = value
class UsesDesc:
    d = Desc()
u = UsesDesc()
u.d = 5
print(UsesDesc.d, u.d, u.stored)

class Mapping:
    def __init__(self):
        self.data = {}
    def __setitem__(self, k, v):
        self.data[k] = v
    def __delitem__(self, k):
        del self.data[k]
    def __getitem__(self, k):
        return self.data[k]
m = Mapping()
m["a"] = 1
m["b"] = 2
del m["a"]
print(m.data, m["b"])

class Later:
    pass
Later.__add__ = lambda self, o: "added"
print(Later() + 1)
Later.__add__ = lambda self, o: "changed"
print(Later() + 1)
del Later.__add__
try:
    Later() + 1
except TypeError as e:
    print(e)

class MyInt(int):
    def __add__(self, o):
        return "myint add"
print(MyInt(3) + 1, 1 + MyInt(3), MyInt(5) * 2, MyInt(7), repr(MyInt(7)))

class R(int):
    def __radd__(self, o):
        return "R radd"
print(1 + R(1))
