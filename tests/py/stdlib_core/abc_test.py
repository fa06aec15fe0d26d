# abc: ABCMeta, abstract methods, register, __subclasshook__; collections.abc.
from abc import ABC, ABCMeta, abstractmethod
import collections.abc as cabc


class Shape(ABC):
    @abstractmethod
    def area(self): ...

    @abstractmethod
    def perimeter(self): ...


class Half(Shape):
    def area(self):
        return 1


class Square(Half):
    def perimeter(self):
        return 4


print(sorted(Shape.__abstractmethods__), sorted(Half.__abstractmethods__), Square.__abstractmethods__)
for cls in (Shape, Half):
    try:
        cls()
    except TypeError as e:
        print(type(e).__name__, e)
print(Square().area(), isinstance(Square(), Shape))


class Plain:
    pass


print(isinstance(Plain(), Shape), Shape.register(Plain) is Plain, isinstance(Plain(), Shape),
      issubclass(Plain, Shape))
try:
    Square.register(Shape)
except RuntimeError as e:
    print(type(e).__name__, e)


class Walks(metaclass=ABCMeta):
    @classmethod
    def __subclasshook__(cls, C):
        return True if hasattr(C, "walk") else NotImplemented


class Duck:
    def walk(self):
        pass


print(isinstance(Duck(), Walks), isinstance(1, Walks))


class Bag:
    def __len__(self):
        return 0

    def __iter__(self):
        return iter(())

    def __contains__(self, x):
        return False


class NoHash:
    __hash__ = None


checks = [
    (cabc.Sized, Bag()), (cabc.Collection, Bag()), (cabc.Iterable, Bag()),
    (cabc.Container, Bag()), (cabc.Hashable, NoHash()), (cabc.Hashable, 1),
    (cabc.Iterator, iter([])), (cabc.Iterator, []), (cabc.Sequence, []),
    (cabc.Sequence, "s"), (cabc.Sequence, {}), (cabc.MutableSequence, ()),
    (cabc.Mapping, {}), (cabc.MutableMapping, {}), (cabc.Set, frozenset()),
    (cabc.MutableSet, set()), (cabc.Callable, len), (cabc.Callable, 1),
    (cabc.Generator, (x for x in ())), (cabc.Reversible, []),
    (cabc.KeysView, {}.keys()), (cabc.ItemsView, {}.items()),
]
for abc_cls, obj in checks:
    print(abc_cls.__name__, type(obj).__name__, isinstance(obj, abc_cls))
print(cabc.Sized, issubclass(list, cabc.Collection), issubclass(int, cabc.Iterable))


class MySeq(cabc.Sequence):
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        if not 0 <= i < self.n:
            raise IndexError(i)
        return i * 10


s = MySeq(4)
print(list(s), 20 in s, s.index(30), s.count(10), list(reversed(s)))


class MyMap(cabc.MutableMapping):
    def __init__(self):
        self.d = {}

    def __getitem__(self, k):
        return self.d[k]

    def __setitem__(self, k, v):
        self.d[k] = v

    def __delitem__(self, k):
        del self.d[k]

    def __iter__(self):
        return iter(self.d)

    def __len__(self):
        return len(self.d)


m = MyMap()
m.update(a=1, b=2)
print(m.get("a"), m.get("z", 0), "b" in m, sorted(m.keys()), m.pop("a"), len(m), m.setdefault("c", 3))
