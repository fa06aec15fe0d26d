# Conditional expressions: laziness, right-associative nesting, precedence vs lambda/or.
def side(x):
    print("  side", x)
    return x
for n in (-3, 0, 7):
    s = "neg" if n < 0 else "zero" if n == 0 else "pos"
    print(n, s)
print(side("a") if True else side("b"))
print(side("a") if False else side("b"))
x = 1 if 0 else 2 if 0 else 3
print(x)
y = (1 if 0 else 2) if 1 else 3
print(y)
f = lambda v: "even" if v % 2 == 0 else "odd"
print([f(i) for i in range(4)])
print([i if i % 2 else -i for i in range(5)])
print([i for i in range(10) if i % 3 == 0])
print(0 or 5 if 0 else 9, (0 or 5) if 1 else 9)
print(1 + 2 if False else 3 * 4)
z = [] if None else {}
print(type(z).__name__)
m = max(3, 7) if min(3, 7) > 2 else None
print(m)
val = "x"
print("yes" if val else "no", "yes" if not val else "no")
print((lambda: 1 if True else 2)())
g = (lambda: "A") if 0 else (lambda: "B")
print(g())
