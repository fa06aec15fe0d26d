# Small ints -5..256 are cached: values computed at run time are identical only inside that range.
def make(n):
    return int(str(n))
for n in (-6, -5, -1, 0, 1, 100, 255, 256, 257, 1000):
    a = make(n)
    b = make(n)
    print(n, a == b, a is b)
x = 250
y = 250
for _ in range(10):
    x += 1
    y += 1
print(x, y, x is y)
x += 5
y += 5
print(x, y, x == y, x is y)
k256 = 256
n = sum([100, 100, 56])
print(n, n is k256, len([0] * 256) is k256)
k257 = 257
m = sum([100, 100, 57])
print(m, m is k257, m == k257)
big = [make(500), make(500)]
print(big[0] is big[1], big[0] == big[1])
small = [make(7), 3 + 4, 14 // 2]
print(small[0] is small[1] is small[2])
print(True is (1 == 1), False is (1 > 2), None is print("x" * 0, end=""))
