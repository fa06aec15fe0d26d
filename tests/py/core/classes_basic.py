# Classes: attributes, methods, inheritance, super, class attributes, repr/str.
class Animal:
    kind = "animal"
    count = 0

    def __init__(self, name):
        self.name = name
        Animal.count += 1

    def speak(self):
        return f"{self.name} makes a sound"

    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"

    def __str__(self):
        return self.name


class Dog(Animal):
    kind = "dog"

    def speak(self):
        return super().speak() + " (woof)"


class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age


d = Dog("Rex")
p = Puppy("Bit", 1)
print(d.speak(), p.speak(), repr(p), str(p), p.age)
print(Animal.count, d.kind, Animal.kind, p.kind)
print(isinstance(p, Animal), issubclass(Puppy, Dog), type(p) is Puppy, type(p).__name__)
print([c.__name__ for c in Puppy.__mro__])
d.kind = "instance attr"
print(d.kind, Dog.kind, vars(p))
print(hasattr(d, "speak"), getattr(d, "missing", "default"))
m = d.speak
print(m(), m.__self__ is d, d.speak == d.speak, d.speak is d.speak)

class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)

    def __hash__(self):
        return hash((self.x, self.y))

    def __len__(self):
        return 2

    def __getitem__(self, i):
        return (self.x, self.y)[i]

    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)

    def __lt__(self, other):
        return (self.x, self.y) < (other.x, other.y)

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


a, b = Point(1, 2), Point(1, 2)
print(a == b, a is b, len(a), list(a), a + b, {a, b}, sorted([Point(2, 0), a]))
x, y = a
print(x, y, a[1], bool(a))

class Empty:
    pass

e = Empty()
e.z = 1
print(e.z, Empty.__name__, Empty.__qualname__, Empty.__module__)
try:
    e.missing
except AttributeError as err:
    print(err)

class WithClassMethods:
    registry = []

    @classmethod
    def create(cls, v):
        obj = cls()
        cls.registry.append(v)
        return obj

    @staticmethod
    def helper(a, b):
        return a * b

    @property
    def value(self):
        return len(self.registry)

w = WithClassMethods.create(5)
print(type(w).__name__, WithClassMethods.registry, WithClassMethods.helper(3, 4), w.value)
