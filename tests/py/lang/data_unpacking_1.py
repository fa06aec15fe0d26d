# Iterable unpacking: starred targets, nested targets, in for loops, in calls and in list/tuple/set/dict displays.
a, b, c = [1, 2, 3]
print(a, b, c)
first, *rest = "hello"
print(first, rest)
*init, last = range(5)
print(init, last)
head, *mid, tail = [1, 2]
print(head, mid, tail)
(x, y), z = (1, 2), 3
print(x, y, z)
[p, (q, *r)] = [0, "abc"]
print(p, q, r)
for i, (k, v) in enumerate({"a": 1, "b": 2}.items()):
    print(i, k, v)
for n, *others in [(1, 2, 3), (4,)]:
    print(n, others)
print(*[1, 2], *"ab", sep=",")
print([*range(3), *"xy", 9], (*[1], *(2,)), {*[1, 1], 2}, {**{"a": 1}, "b": 2, **dict(c=3)})
def f(a, b, c, d):
    return a, b, c, d
print(f(*[1, 2], *(3,), 4), f(1, *"bc", d=4), f(**{"d": 4, "c": 3}, a=1, b=2))
m = n = 0
m, n = n + 1, m + 2
print(m, n)
lst = [0, 0]
i = 0
i, lst[i] = 1, 9
print(i, lst)
a = b = []
a.append(1)
print(a, b, a is b)
t = 1,
(single,) = t
[only] = ["one"]
print(single, only)
*everything, = (7, 8)
print(everything)
for (a, b), c in [((1, 2), 3), ((4, 5), 6)]:
    print(a + b + c, end=" ")
print()
s = "key=value=x"
k, _, v = s.partition("=")
print(k, v)
x, *_ = [10, 20, 30]
print(x, _)
d = {"x": 1, "y": 2}
kx, ky = d
print(kx, ky)
