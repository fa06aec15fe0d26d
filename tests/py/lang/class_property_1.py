# @property with getter/setter/deleter, read-only properties, validation, computed attributes, property on the class.
class Temperature:
    def __init__(self, celsius):
        self.celsius = celsius
    @property
    def celsius(self):
        print("  get celsius")
        return self._c
    @celsius.setter
    def celsius(self, value):
        print("  set celsius", value)
        if value < -273.15:
            raise ValueError("below absolute zero")
        self._c = value
    @celsius.deleter
    def celsius(self):
        print("  delete celsius")
        del self._c
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
t = Temperature(25)
print(t.celsius, t.fahrenheit)
t.celsius = 100
print(t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
try:
    t.fahrenheit = 0
except AttributeError as e:
    print("AttributeError:", e)
del t.celsius
print(hasattr(t, "_c"))
print(type(Temperature.celsius).__name__, Temperature.fahrenheit.fget.__name__, Temperature.fahrenheit.fset)
class Circle:
    def __init__(self, r):
        self.r = r
    @property
    def area(self):
        return round(3.14159 * self.r ** 2, 2)
    def _get_d(self):
        return self.r * 2
    def _set_d(self, d):
        self.r = d / 2
    diameter = property(_get_d, _set_d, doc="the diameter")
c = Circle(2)
print(c.area, c.diameter)
c.diameter = 10
print(c.r, c.area, Circle.diameter.__doc__)
try:
    del c.area
except AttributeError as e:
    print("AttributeError:", e)
class Lazy:
    @property
    def value(self):
        print("  computing")
        return 42
lz = Lazy()
print(lz.value, lz.value)
lz.__dict__["value"] = "instance dict"
print(lz.value)
class Sub(Temperature):
    @property
    def fahrenheit(self):
        return "overridden: " + str(super().fahrenheit)
s = Sub(0)
print(s.fahrenheit)
