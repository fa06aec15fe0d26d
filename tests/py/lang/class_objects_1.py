# Classes are objects: type(), __class__, __name__, passing classes around, creating classes with type(), isinstance with type.
class A:
    x = 1
    def m(self):
        return "m"
print(type(A).__name__, type(A()) is A, A().__class__.__name__, A.__name__, type(type).__name__)
classes = [int, str, list, A]
print([c.__name__ for c in classes], [c() for c in (int, str, list, tuple, dict, float, bool)])
def make(cls, *args):
    return cls(*args)
print(make(list, "ab"), make(int, "7"), make(A).m())
B = type("B", (A,), {"y": 2, "m2": lambda self: "m2"})
b = B()
print(B.__name__, b.x, b.y, b.m(), b.m2(), isinstance(b, A), B.__bases__[0].__name__)
print(type(1), type("s"), type(None), type([]), type(len), type(A.m).__name__, type(A().m).__name__)
print(isinstance(A, type), isinstance(int, type), isinstance(type, type), isinstance(type, object), isinstance(object, type))
print(issubclass(type, object), issubclass(A, object), object.__name__, A.__mro__[-1] is object)
def class_factory(name, base=object):
    class Made(base):
        def who(self):
            return f"instance of {name}"
    Made.__name__ = name
    return Made
Made = class_factory("Widget")
print(Made().who(), Made.__name__, Made.__qualname__)
C1 = class_factory("One")
C2 = class_factory("Two")
print(C1 is C2, C1().who(), C2().who())
lookup = {"a": A, "list": list}
print(type(lookup["list"]("xy")).__name__, lookup["a"]().x)
print(int.__name__, str.__qualname__, A.__doc__, A.__module__)
class Doc:
    """Documented class."""
print(Doc.__doc__, Doc().__doc__)
print(type(3) == int, type(True) == int, type(True) is bool, isinstance(True, int))
