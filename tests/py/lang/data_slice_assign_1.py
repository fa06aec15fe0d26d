# Slice assignment and deletion: growing, shrinking, extended slices requiring equal length, any iterable.
a = list(range(10))
a[2:5] = ["x"]
print(a)
a[1:1] = [100, 200]
print(a)
a[:2] = []
print(a)
a[-1:] = "yz"
print(a)
a[::2] = [0] * len(a[::2])
print(a)
try:
    a[::2] = [1, 2]
except ValueError as e:
    print("ValueError:", e)
b = [1, 2, 3, 4, 5, 6]
b[::-2] = ["a", "b", "c"]
print(b)
b[len(b):] = [7, 8]
print(b)
b[:0] = range(2)
print(b)
c = [1, 2, 3]
c[5:10] = [9]
print(c)
c[1:2] = (x * 10 for x in range(3))
print(c)
c[:] = []
print(c)
d = list("abcdefg")
del d[1::2]
print(d)
d[0:1] = d
print(d)
try:
    c[0:1] = 5
except TypeError as e:
    print("TypeError:", e)
try:
    (1, 2)[0:1] = [3]
except TypeError as e:
    print("TypeError:", e)
e = [0, 1, 2, 3, 4]
e[3:1] = ["ins"]
print(e)
e[-2:-1] = []
print(e)
