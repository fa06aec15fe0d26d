x = 1
a = b = c
a, b = b, a
[a, *b] = c
(a, b), c = d
x.y = z[1] = w
x += 1
y @= z
a.b **= 2
x: int
y: list[int] = []
(z): int = 3
a.b: int
s[0]: str = 'x'
t = yield_ = 3
x = 1, 2,
a[1:2, ::3] = ()
del a, b.c, d[0]
del (e, f), [g]
*a, b = c
