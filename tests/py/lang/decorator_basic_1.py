# Decorators without arguments: wrapping, replacing, registering; decoration happens at def time.
print("start")
def trace(fn):
    print("decorating", fn.__name__)
    def wrapper(*args, **kwargs):
        print("  call", fn.__name__, args, kwargs)
        result = fn(*args, **kwargs)
        print("  ret", result)
        return result
    return wrapper
@trace
def add(a, b=0):
    return a + b
print("defined")
add(1, 2)
add(5, b=5)
print(add.__name__, add.__qualname__)
def replace_with_const(fn):
    return 42
@replace_with_const
def gone():
    pass
print(gone)
def count_calls(fn):
    def wrapper(*a):
        wrapper.calls += 1
        return fn(*a)
    wrapper.calls = 0
    wrapper.__name__ = fn.__name__
    wrapper.__doc__ = fn.__doc__
    return wrapper
@count_calls
def hello(who):
    "say hello"
    return "hello " + who
hello("a"); hello("b"); hello("c")
print(hello.calls, hello.__name__, hello.__doc__)
def manual(fn):
    return lambda: "manual(" + fn() + ")"
def base():
    return "base"
decorated = manual(base)
print(decorated(), base())
registry = {}
def route(fn):
    registry[fn.__name__] = fn
    return fn
@route
def index():
    return "index page"
print(registry["index"](), index is registry["index"])
