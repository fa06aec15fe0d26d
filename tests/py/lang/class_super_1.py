# super() details: cooperative multiple inheritance with **kwargs, super in classmethods, two-arg super.
class Base:
    def __init__(self, **kw):
        print("  Base init, leftovers:", kw)
class Named(Base):
    def __init__(self, name, **kw):
        print("  Named init")
        self.name = name
        super().__init__(**kw)
class Aged(Base):
    def __init__(self, age, **kw):
        print("  Aged init")
        self.age = age
        super().__init__(**kw)
class Person(Named, Aged):
    def __init__(self, **kw):
        print("  Person init")
        super().__init__(**kw)
p = Person(name="Ann", age=30, extra=1)
print(p.name, p.age, [c.__name__ for c in Person.__mro__])
class Shape:
    @classmethod
    def create(cls):
        return f"Shape.create for {cls.__name__}"
class Square(Shape):
    @classmethod
    def create(cls):
        return "Square wraps: " + super().create()
print(Square.create(), Shape.create())
class X:
    def m(self):
        return "X"
class Y(X):
    def m(self):
        return "Y>" + super().m()
class Z(Y):
    def m(self):
        return "Z>" + super(Y, self).m()
print(Z().m(), super(Z, Z()).m())
class Greeting:
    def __str__(self):
        return "base-str"
class Loud(Greeting):
    def __str__(self):
        return super().__str__().upper()
print(str(Loud()))
class L(list):
    def append(self, v):
        super().append(v * 2)
lst = L([1])
lst.append(5)
print(lst, len(lst), isinstance(lst, list))
class D(dict):
    def __getitem__(self, k):
        return super().__getitem__(k.lower())
d = D(a=1)
print(d["A"], d.get("A"), d)
