# Class creation: metaclasses, __init_subclass__, __set_name__, __slots__,
# properties, class/static methods, super, exceptions as classes.
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns["made_by"] = mcls.__name__
        return super().__new__(mcls, name, bases, ns)
    def __call__(cls, *a):
        print("Meta.__call__", cls.__name__, a)
        return super().__call__(*a)

class WithMeta(metaclass=Meta):
    def __init__(self, v):
        self.v = v
w = WithMeta(5)
print(type(WithMeta), WithMeta.made_by, w.v)

class Plugin:
    registry = []
    def __init_subclass__(cls, tag="none", **kw):
        super().__init_subclass__(**kw)
        Plugin.registry.append((cls.__name__, tag))
class P1(Plugin, tag="one"):
    pass
class P2(Plugin):
    pass
print(Plugin.registry)

class Named:
    def __set_name__(self, owner, name):
        self.where = owner.__name__ + "." + name
class Holder:
    field = Named()
print(Holder.field.where)

class Temp:
    def __init__(self):
        self._c = 0
    @property
    def c(self):
        "celsius"
        return self._c
    @c.setter
    def c(self, v):
        self._c = v
t = Temp()
t.c = 30
print(t.c, Temp.c.__doc__, type(Temp.c).__name__)
try:
    del t.c
except AttributeError as e:
    print(e)

class K:
    count = 0
    @classmethod
    def make(cls):
        cls.count += 1
        return cls
    @staticmethod
    def add(a, b):
        return a + b
print(K.make() is K, K().make() is K, K.count, K.add(2, 3), K().add(1, 1))

class Base:
    def hello(self):
        return "base"
class Mid(Base):
    def hello(self):
        return "mid>" + super().hello()
class Leaf(Mid):
    def hello(self):
        return "leaf>" + super().hello()
print(Leaf().hello(), [c.__name__ for c in Leaf.__mro__])

class Pt:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = Pt(1, 2)
print(p.x, p.y, hasattr(p, "__dict__"))
try:
    p.z = 3
except AttributeError as e:
    print(e)

class MyError(ValueError):
    def __init__(self, msg, code):
        super().__init__(msg)
        self.code = code
try:
    raise MyError("bad", 7)
except ValueError as e:
    print(type(e).__name__, e, e.code, e.args, repr(e))

try:
    raise KeyError("missing")
except LookupError as e:
    print(repr(e), str(e))

try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise RuntimeError("wrapped") from e
except RuntimeError as e:
    print(e, type(e.__cause__).__name__, e.__suppress_context__)

print(object.__init__, object.__subclasshook__() is NotImplemented, type.__mro__)
print(isinstance(3, (str, int)), issubclass(bool, int), issubclass(Leaf, (int, Base)))
print(type("Dyn", (), {"a": 1})().a, type(3) is int)
print(sorted(k for k in dir(Pt) if not k.startswith("__")))
