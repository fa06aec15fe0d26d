# Inheritance: overriding, super() in __init__ and methods, multi-level chains, isinstance/issubclass, MRO.
class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} says {self.sound}"
    def describe(self):
        return f"{type(self).__name__}({self.name})"
class Dog(Animal):
    sound = "woof"
class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age
    def speak(self):
        return super().speak() + f" (age {self.age})"
class Cat(Animal):
    def speak(self):
        return "purr; " + Animal.speak(self)
for a in (Animal("gen"), Dog("rex"), Puppy("bit", 1), Cat("tom")):
    print(a.speak(), "|", a.describe())
p = Puppy("p", 2)
print(isinstance(p, Puppy), isinstance(p, Dog), isinstance(p, Animal), isinstance(p, object), isinstance(p, Cat))
print(issubclass(Puppy, Animal), issubclass(Animal, Puppy), issubclass(Dog, Dog), issubclass(Dog, (Cat, Animal)))
print(isinstance(3, (str, int)), isinstance(True, int), issubclass(bool, int), isinstance(None, object))
print([c.__name__ for c in Puppy.__mro__], Puppy.__bases__, Animal.__bases__)
print(Dog.__base__.__name__, type(p) is Puppy, type(p) is Dog)
class A:
    def hello(self):
        return ["A"]
class B(A):
    def hello(self):
        return ["B"] + super().hello()
class C(A):
    def hello(self):
        return ["C"] + super().hello()
class D(B, C):
    def hello(self):
        return ["D"] + super().hello()
print(D().hello(), [k.__name__ for k in D.mro()])
class Base:
    def __init__(self):
        self.log = ["Base"]
class NoInit(Base):
    pass
print(NoInit().log)
class Override(Base):
    def __init__(self):
        self.log = ["Override only"]
print(Override().log)
try:
    issubclass(p, Animal)
except TypeError as e:
    print("TypeError:", e)
class E(Exception, object):
    pass
print(E.__mro__[-1].__name__, len(E.__mro__))
