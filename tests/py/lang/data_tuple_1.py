# Tuples: packing, singletons, immutability, nested mutables, methods, comparison and hashing.
t = 1, 2, 3
single = 5,
empty = ()
print(t, single, empty, type(single).__name__, (5), type((5)).__name__)
print(len(t), t[0], t[-1], t.index(2), t.count(1), 2 in t)
print(t + (4,), t * 2, tuple("ab"), tuple([1, 2]), tuple(range(3)), tuple())
try:
    t[0] = 10
except TypeError as e:
    print("TypeError:", e)
try:
    t.append(4)
except AttributeError as e:
    print("AttributeError:", e)
nested = (1, [2, 3])
nested[1].append(4)
print(nested)
print(hash((1, 2)) == hash((1, 2)), {(1, 2): "pair"}[(1, 2)])
try:
    hash(nested)
except TypeError as e:
    print("TypeError:", e)
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 9, 9), (1, 2) == (1, 2), () < (0,))
a, b = 1, 2
a, b = b, a
print(a, b)
def stats(xs):
    return min(xs), max(xs), sum(xs) / len(xs)
lo, hi, avg = stats([3, 1, 4, 1, 5])
print(lo, hi, avg)
r = stats([2, 4])
print(r, type(r).__name__)
print(tuple(x * 2 for x in range(3)), (1,) * 0, ((1, 2), (3,))[0][1])
print(repr((1,)), repr(()), repr(((),)), str((None, "s", 1.0)))
pts = [(3, "c"), (1, "a"), (2, "b"), (1, "0")]
print(sorted(pts), max(pts), min(pts))
x = ([],)
x[0].extend([1, 2])
print(x, len(x))
