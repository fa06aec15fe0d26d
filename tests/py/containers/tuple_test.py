# tuple: construction, repr, hashing, comparisons, operators, methods, errors.
def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

print((), (1,), (1, 2), ((1,), (2, 3), ()))
print(tuple(), tuple([1, 2]), tuple("ab"), tuple(range(3)))
e = ()
print(e is tuple(), tuple(e) is e)
t = (1, 2, 3)
print(tuple(t) is t)
print(hash(()), hash((1,)), hash((1, 2)), hash((1, (2, 3), "")), hash((-1,)), hash((0, True, 1.5)))
print(t[0], t[-1], t[1:], t[::-1], t[::2], t[5:], t[-100:100])
print(t + (4,), t * 2, 2 * t, t * 0, t * -1, (0,) * 3)
print(1 in t, 4 in t, 4 not in t)
print(t == (1, 2, 3), t != (1, 2), t < (1, 2, 4), t < (1, 2), (1, 2) < t, () < (0,))
print((1, 2) == [1, 2])
print(t.index(2), t.index(3, 1), t.count(1), (1, 1, 1).count(1), len(t))
attempt(lambda: t.index(5))
attempt(lambda: t[3])
k = "a"
attempt(lambda: t[k])
attempt(lambda: t + [4])
attempt(lambda: t * 1.5)
attempt(lambda: hash(([],)))
attempt(lambda: tuple(1))
attempt(lambda: tuple(x=1))
attempt(lambda: (1,) * (10**30))
attempt(lambda: t[10**30])
attempt(lambda: (1, "a") < ("a", 1))
a, b, *c = (1, 2, 3, 4)
print(a, b, c)
for x in (1, 2):
    print(x)

class P(tuple):
    def first(self):
        return self[0]

p = P([5, 6])
print(p, type(p).__name__, p.first(), len(p), p + (7,), isinstance(p, tuple))
print(sorted((3, 1, 2)), max((3, 1, 2)), min((3, 1, 2)), sum((1, 2, 3)))
nested = ((1, [2]), 3)
nested[0][1].append(4)
print(nested)
