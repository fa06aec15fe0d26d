# Class decorators, decorating methods, decorators implemented as classes with __call__.
def add_repr(cls):
    def __repr__(self):
        fields = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"{cls.__name__}({fields})"
    cls.__repr__ = __repr__
    return cls
@add_repr
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
print(Point(1, "two"))
registry = []
def register(cls):
    registry.append(cls.__name__)
    return cls
@register
class A: pass
@register
class B(A): pass
print(registry, B.__mro__[1].__name__)
def singleton(cls):
    instances = {}
    def get(*a):
        if cls not in instances:
            instances[cls] = cls(*a)
        return instances[cls]
    return get
@singleton
class Config:
    def __init__(self, v):
        self.v = v
c1 = Config(1)
c2 = Config(2)
print(c1 is c2, c1.v, type(Config).__name__)
class CountCalls:
    def __init__(self, fn):
        self.fn = fn
        self.count = 0
    def __call__(self, *args):
        self.count += 1
        return self.fn(*args)
@CountCalls
def square(x):
    return x * x
print(square(3), square(4), square.count, type(square).__name__)
def log_method(fn):
    def wrapper(self, *args):
        print(f"  {type(self).__name__}.{fn.__name__}{args}")
        return fn(self, *args)
    return wrapper
class Calc:
    @log_method
    def add(self, a, b):
        return a + b
print(Calc().add(2, 3))
def with_attr(**attrs):
    def deco(cls):
        for k, v in attrs.items():
            setattr(cls, k, v)
        return cls
    return deco
@with_attr(color="red", size=3)
class Widget: pass
print(Widget.color, Widget.size)
