# range and slice objects.
def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

print(range(10), range(1, 10), range(0, 10, 2), range(10, 0, -3), range(-5))
print(list(range(5)), list(range(2, 8, 2)), list(range(10, 0, -3)), list(range(0)), list(range(5, 1)))
r = range(3, 30, 4)
print(len(r), r[0], r[-1], r[2], r[1:3], r[::-1], r[::2], r[100:], r.start, r.stop, r.step)
print(7 in r, 8 in r, 31 in r, 3.0 in r, "x" in r, r.index(11), r.count(11), r.count(12))
attempt(lambda: r.index(12))
attempt(lambda: r[100])
attempt(lambda: r[10**30])
attempt(lambda: range(1, 2, 0))
attempt(lambda: range())
attempt(lambda: range(1.5))
attempt(lambda: range(1, 2, 3, 4))
attempt(lambda: len(range(10**30)))
attempt(lambda: range(0, 10)["a"])
print(range(0) == range(5, 1), range(0, 3) == range(0, 3, 1), range(1, 2, 3) == range(1, 5, 7), range(3) != range(4))
print(hash(range(0)) == hash(range(4, 1)), hash(range(1, 2, 3)) == hash(range(1, 5, 7)))
print(list(reversed(range(1, 10, 3))), list(reversed(range(0))), bool(range(0)), bool(range(1)))
big = range(10**20, 10**20 + 3)
print(big, list(big), big[1], 10**20 + 1 in big, big.index(10**20 + 2), len(big))
huge = range(0, 10**30, 10**29)
print(huge[-1], 9 * 10**29 in huge, list(reversed(range(10**19, 10**19 + 2))))
print(sum(range(100000)), max(range(7)), sorted(range(3), reverse=True))
s = slice(1, 10, 2)
print(s, slice(5), slice(None), slice(1, None), s.start, s.stop, s.step)
print(s.indices(5), slice(None, None, -1).indices(10), slice(-100, 100, 3).indices(10), slice(10, -10, -4).indices(7))
print(slice(1, 2) == slice(1, 2), slice(1, 2) < slice(1, 3), slice(1, 2, None) == slice(1, 2, 1))
attempt(lambda: slice(1, 2, 0).indices(5))
attempt(lambda: slice(1).indices(-1))
attempt(lambda: hash(slice(1)))
attempt(lambda: slice())
attempt(lambda: [1, 2][slice("a", None)])
attempt(lambda: [1, 2, 3][::0])

class Idx:
    def __index__(self):
        return 1

print([10, 20, 30][Idx()], [10, 20, 30][Idx():], (1, 2, 3)[:Idx()], range(5)[Idx()], "abc"[Idx()])
print([0, 1, 2, 3, 4, 5][10**30:], [0, 1, 2][-10**30:], [0, 1, 2][::10**30], [0, 1, 2][::-10**30])
