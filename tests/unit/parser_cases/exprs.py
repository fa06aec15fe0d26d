a + b - c * d / e // f % g @ h ** i
-a ** -b
~a + +b
not a and b or c and not d
a or b or c
(a or b) or c
a and (b and c)
a < b <= c > d >= e == f != g
a in b not in c is d is not e
a | b ^ c & d << e >> f
x if y else z
a if b else c if d else e
lambda: (yield)
f(a)(b)(c)
f(a, *b, c=1, **d)
f(c=1, *d)
print(*a, sep='')
f(x for x in y)
f((x for x in y), 1)
a.b.c[d][e:f].g()
a[1]
a[1:2]
a[:]
a[::]
a[1:2:3]
a[:, 1]
a[1,]
a[*b]
a[x:=1]
(x := 10)
f(y := 2)
[y := 1, 2]
await_ = 1
x = [1, 2, *a]
x = (1,)
x = ()
x = []
x = {}
x = {1: 2, **d, 3: 4}
x = {1, 2, *s}
x = (a)
x = ((a, b))
x = ...
x = None, True, False
x = (*a, *b)
