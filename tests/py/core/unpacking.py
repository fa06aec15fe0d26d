# Sequence unpacking, starred targets, swaps, nested targets, errors.
a, b = 1, 2
a, b = b, a
print(a, b)
first, *middle, last = range(6)
print(first, middle, last)
*head, tail = "abc"
print(head, tail)
(x, y), z = (1, 2), 3
print(x, y, z)
for i, (k, v) in enumerate({"a": 1, "b": 2}.items()):
    print(i, k, v)
print(*[1, 2], *(3,), sep="-")
print([*range(3), *"ab"], (*[1], 2), {*[1, 1, 2]}, {**{"a": 1}, "b": 2, **{"a": 3}})
def f(*args, **kwargs):
    return args, kwargs
print(f(*[1, 2], 3, *(), x=1, **{"y": 2}))
for bad in ([1, 2, 3], [1]):
    try:
        p, q = bad
    except ValueError as e:
        print(e)
try:
    p, q, *r = [1]
except ValueError as e:
    print(e)
try:
    p, q = 5
except TypeError as e:
    print(e)
