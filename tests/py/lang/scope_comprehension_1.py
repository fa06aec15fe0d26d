# Comprehensions have their own scope: loop variables do not leak; the first iterable is evaluated outside.
i = "outer i"
squares = [i * i for i in range(4)]
print(squares, i)
d = {k: v for k, v in [("a", 1)]}
print(d, "k" in globals())
g = (j for j in range(3))
print("j" in globals(), list(g))
x = 10
print([x + y for y in range(3)])
def f():
    local = 5
    return [local * n for n in range(3)], {n: local for n in range(2)}, sum(local for _ in range(4))
print(f())
funcs = [lambda: n for n in range(3)]
print([fn() for fn in funcs])
funcs2 = [lambda n=n: n for n in range(3)]
print([fn() for fn in funcs2])
nested = [[(r, c) for c in range(r)] for r in range(4)]
print(nested)
flat = [c for row in [[1, 2], [3], []] for c in row]
print(flat)
print([(a, b) for a in range(3) for b in range(a)])
print([n for n in range(20) if n % 2 if n % 3])
def outer():
    vals = [1, 2, 3]
    return [v + len(vals) for v in vals]
print(outer())
gen = (y * 2 for y in [1, 2, 3])
print(next(gen), list(gen))
lst = [1, 2]
gen2 = (v for v in lst)
lst = [9, 9]
print(list(gen2))
print([(t := t2 * 2) for t2 in range(3)], t, "t2" in globals())
