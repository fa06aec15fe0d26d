# @classmethod (alternate constructors, cls follows subclass) and @staticmethod (no binding), called via class and instance.
class Date:
    count = 0
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d
        type(self).count += 1
    @classmethod
    def from_string(cls, s):
        y, m, d = map(int, s.split("-"))
        return cls(y, m, d)
    @classmethod
    def describe(cls):
        return f"{cls.__name__} with count {cls.count}"
    @staticmethod
    def is_valid(s):
        parts = s.split("-")
        return len(parts) == 3 and all(p.isdigit() for p in parts)
    def __repr__(self):
        return f"{type(self).__name__}({self.y}, {self.m}, {self.d})"
class EuroDate(Date):
    pass
print(Date.from_string("2024-01-31"), EuroDate.from_string("1999-12-01"))
print(Date.describe(), EuroDate.describe())
print(Date.is_valid("2024-01-01"), Date.is_valid("x-1"), Date(1, 2, 3).is_valid("1-2-3"))
d = Date(2000, 1, 1)
print(d.describe(), d.from_string("1-1-1"))
print(type(Date.__dict__["describe"]).__name__, type(Date.__dict__["is_valid"]).__name__)
print(Date.describe.__self__ is Date, type(Date.describe).__name__, type(Date.is_valid).__name__)
class Registry:
    _items = []
    @classmethod
    def register(cls, item):
        cls._items.append(item)
        return cls
    @staticmethod
    def helper(x):
        return x * 2
    def use_helper(self, x):
        return self.helper(x) + Registry.helper(x)
Registry.register("a").register("b")
print(Registry._items, Registry().use_helper(5))
sm = Registry.helper
print(sm(21), Registry.__dict__["helper"].__func__(1))
class Base:
    @classmethod
    def make(cls):
        return cls()
    def __repr__(self):
        return type(self).__name__ + "()"
class Derived(Base):
    pass
print(Base.make(), Derived.make(), Derived().make())
class Const:
    @staticmethod
    def pi():
        return 3.14
    @classmethod
    def twice_pi(cls):
        return cls.pi() * 2
print(Const.pi(), Const().twice_pi(), callable(Const.pi))
