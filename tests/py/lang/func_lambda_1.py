# lambda: defaults, *args/**kw, immediate call, in sort keys, closures, name '<lambda>'.
sq = lambda x: x * x
print(sq(7), sq.__name__, sq.__qualname__)
add = lambda a, b=10: a + b
print(add(1), add(1, 2), add(b=5, a=5))
va = lambda *a, **k: (a, k)
print(va(1, 2, z=3))
print((lambda: "immediate")(), (lambda x, /, *, y: x - y)(10, y=3))
pairs = [(1, "b"), (3, "a"), (2, "c")]
print(sorted(pairs, key=lambda p: p[1]), sorted(pairs, key=lambda p: -p[0]))
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b}
print([ops[o](6, 3) for o in "+-*"])
make_adder = lambda n: lambda x: x + n
add5 = make_adder(5)
print(add5(1), make_adder(100)(1))
compose = lambda f, g: lambda x: f(g(x))
print(compose(str, sq)(4), compose(len, str)(12345))
print(list(map(lambda x: x % 3, range(7))), list(filter(lambda s: s.isupper(), "aBcD")))
nested = lambda: (lambda: (lambda: "deep"))
print(nested()()())
print(type(sq).__name__, callable(sq), sq.__defaults__, add.__defaults__)
cond = lambda x: "big" if x > 10 else "small"
print(cond(5), cond(50))
class K:
    f = lambda self: "method via lambda"
print(K().f(), K.f.__qualname__)
fs = [lambda i=i: i * 10 for i in range(3)]
print([f() for f in fs])
print((lambda *args: sum(args))(*range(5)))
