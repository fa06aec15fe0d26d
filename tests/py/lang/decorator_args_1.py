# Decorators with arguments (decorator factories), stacked decorators and their application order.
def tag(name):
    print("factory", name)
    def deco(fn):
        print("apply", name, "to", fn.__name__)
        def wrapper(*a, **k):
            return f"<{name}>{fn(*a, **k)}</{name}>"
        wrapper.__name__ = fn.__name__
        return wrapper
    return deco
@tag("b")
@tag("i")
def text(s):
    return s
print(text("hi"))
def repeat(times=2):
    def deco(fn):
        def wrapper(*args):
            return [fn(*args) for _ in range(times)]
        return wrapper
    return deco
@repeat(3)
def one():
    return 1
@repeat()
def two():
    return 2
print(one(), two())
def optional(fn=None, *, prefix=">"):
    def deco(f):
        return lambda *a: prefix + str(f(*a))
    if fn is None:
        return deco
    return deco(fn)
@optional
def p1(x):
    return x
@optional(prefix="#")
def p2(x):
    return x
print(p1(1), p2(2))
def validate(*types):
    def deco(fn):
        def wrapper(*args):
            for a, t in zip(args, types):
                if not isinstance(a, t):
                    raise TypeError(f"{fn.__name__}: expected {t.__name__}, got {type(a).__name__}")
            return fn(*args)
        return wrapper
    return deco
@validate(int, str)
def label(n, s):
    return s * n
print(label(2, "ab"))
try:
    label("2", "ab")
except TypeError as e:
    print("TypeError:", e)
def a(fn):
    return lambda: "a(" + fn() + ")"
def b(fn):
    return lambda: "b(" + fn() + ")"
@a
@b
def core():
    return "core"
print(core())
make = lambda n: (lambda fn: (lambda: fn() * n))
@make(3)
def s():
    return "x"
print(s())
