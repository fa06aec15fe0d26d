# Decorators: plain, with arguments, stacked, on methods and classes.
def trace(fn):
    def wrapper(*args, **kwargs):
        print("call", fn.__name__, args, kwargs)
        return fn(*args, **kwargs)
    return wrapper

def repeat(n):
    def deco(fn):
        def wrapper(*a):
            return [fn(*a) for _ in range(n)]
        return wrapper
    return deco

@trace
def add(a, b=0):
    return a + b

@repeat(3)
def hello(name):
    return "hi " + name

@trace
@repeat(2)
def both(x):
    return x * 2

print(add(1, b=2), hello("bo"), both(5))
print(add.__name__)

def register(cls):
    cls.registered = True
    return cls

@register
class Widget:
    @staticmethod
    @trace
    def make(x):
        return x

print(Widget.registered, Widget.make(7))

order = []
def mark(tag):
    order.append("factory " + tag)
    def deco(fn):
        order.append("apply " + tag)
        return fn
    return deco

@mark("outer")
@mark("inner")
def f():
    pass

print(order)
