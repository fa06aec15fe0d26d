# Every parameter kind in one signature and how arguments bind to them.
def f(a, b, /, c, d=4, *args, e, f=6, **kw):
    return f"a={a} b={b} c={c} d={d} args={args} e={e} f={f} kw={kw}"
print(f(1, 2, 3, e=5))
print(f(1, 2, c=3, e=5))
print(f(1, 2, 3, 40, 50, 60, e=5, f=7, g=8))
print(f(1, 2, 3, d=9, e=5, a=100, b=200))
print(f(*range(6), e=0, **{"z": 1}))
def g(*args):
    return args
print(g(), g(1), g(1, 2), g(*"ab"), g(*[1], *(2, 3)))
def h(**kw):
    return kw
print(h(), h(x=1), h(**{"a": 1}, b=2), h(**{"weird key": 1}))
def defaults(a, b=[], c=None, d="x" * 3):
    return a, b, c, d
print(defaults(1), defaults(1, 2, 3, 4), defaults(a=0, d="d"))
def kwonly(*, k1, k2="default"):
    return k1, k2
print(kwonly(k1=1), kwonly(k2=2, k1=1))
def posonly(x, y=5, /):
    return x, y
print(posonly(1), posonly(1, 2))
def mixed(p, /, q, *, r):
    return p, q, r
print(mixed(1, 2, r=3), mixed(1, q=2, r=3))
def name_clash(a, /, **kw):
    return a, kw
print(name_clash(1, a=2))
def order(*args, sep="-"):
    return sep.join(map(str, args))
print(order(1, 2, 3), order(1, 2, sep="+"))
print(f.__code__.co_argcount, f.__code__.co_posonlyargcount, f.__code__.co_kwonlyargcount)
print(f.__defaults__, f.__kwdefaults__, g.__defaults__, kwonly.__kwdefaults__)
