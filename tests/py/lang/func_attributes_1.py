# Function attributes: __name__, __qualname__, __doc__, __defaults__, __kwdefaults__, __closure__, __dict__, __module__.
def plain(a, b=2, *, c=3):
    """Docstring of plain."""
    return a + b + c
print(plain.__name__, plain.__qualname__, plain.__doc__, plain.__module__)
print(plain.__defaults__, plain.__kwdefaults__, plain.__closure__)
def nodoc():
    pass
print(nodoc.__doc__, nodoc.__defaults__, nodoc.__kwdefaults__, nodoc())
def outer():
    def inner():
        """inner doc"""
        return outer
    return inner
fn = outer()
print(fn.__name__, fn.__qualname__, fn.__doc__, fn.__closure__ is None)
def outer2():
    v = 1
    def inner():
        return v
    return inner
print(len(outer2().__closure__), outer2().__closure__[0].cell_contents)
class C:
    def method(self):
        "method doc"
    class Nested:
        def deep(self):
            pass
    @staticmethod
    def sm():
        pass
print(C.method.__qualname__, C.Nested.deep.__qualname__, C.sm.__qualname__, C().method.__name__)
print(C.method.__doc__, C.Nested.__qualname__)
plain.custom = "attached"
plain.counter = 0
plain.counter += 1
print(plain.custom, plain.counter, sorted(plain.__dict__))
plain.__name__ = "renamed"
print(plain.__name__, plain.__qualname__)
plain.__doc__ = "new doc"
print(plain.__doc__)
print(type(plain).__name__, callable(plain), plain(1))
try:
    plain.__defaults__ = 5
except TypeError as e:
    print("TypeError:", e)
plain.__defaults__ = (100,)
print(plain(1))
g = lambda: None
print(g.__name__, g.__doc__)
print(plain.__code__.co_name, plain.__code__.co_varnames)
