# Instance vs class attributes: shared mutable class attribute, shadowing by instance, __dict__, getattr/setattr/hasattr.
class Dog:
    species = "canis"
    tricks = []
    def __init__(self, name):
        self.name = name
        self.own_tricks = []
    def add(self, trick):
        self.tricks.append(trick)
        self.own_tricks.append(trick)
a, b = Dog("a"), Dog("b")
a.add("roll")
b.add("sit")
print(Dog.tricks, a.own_tricks, b.own_tricks, a.tricks is b.tricks)
a.species = "wolf"
print(a.species, b.species, Dog.species, vars(a))
Dog.species = "changed"
print(a.species, b.species)
del a.species
print(a.species)
print(sorted(vars(b)), "species" in vars(b), "species" in Dog.__dict__)
setattr(b, "age", 3)
print(getattr(b, "age"), getattr(b, "missing", "dflt"), hasattr(b, "age"), hasattr(b, "nope"))
delattr(b, "age")
print(hasattr(b, "age"))
try:
    getattr(b, "missing")
except AttributeError as e:
    print("AttributeError:", e)
class Counter:
    count = 0
    def __init__(self):
        Counter.count += 1
        self.id = Counter.count
    def bump_wrong(self):
        self.count += 1
c1, c2, c3 = Counter(), Counter(), Counter()
c1.bump_wrong()
print(Counter.count, c1.count, c2.count, [c.id for c in (c1, c2, c3)])
class Empty:
    pass
e = Empty()
e.x = 1
e.__dict__["y"] = 2
print(e.x, e.y, e.__dict__, type(e).__name__, e.__class__ is Empty)
Empty.z = "added to class later"
print(e.z, Empty.__name__, Empty.__module__)
print(isinstance(Dog.__dict__["add"], type(lambda: 0)))
