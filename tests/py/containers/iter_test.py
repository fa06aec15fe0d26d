# enumerate, zip, map, filter, reversed, iter(callable, sentinel), the
# sequence iterator.
def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

print(list(enumerate("abc")), list(enumerate("ab", 1)), list(enumerate("ab", start=-5)), list(enumerate([], 3)))
print(list(enumerate("xy", 10**20)))
print(list(zip()), list(zip([1, 2])), list(zip([1, 2], "ab")), list(zip([1, 2, 3], "ab", (True, False, None))))
print(list(zip([1, 2], [3, 4], strict=True)), list(zip(strict=True)))
attempt(lambda: list(zip([1], [1, 2], strict=True)))
attempt(lambda: list(zip([1, 2], [1], strict=True)))
attempt(lambda: list(zip([1, 2], [1, 2], [1], strict=True)))
attempt(lambda: list(zip([1, 2], [1, 2], [1, 2, 3], strict=True)))
attempt(lambda: zip([1], bad=True))
attempt(lambda: zip(1))
print(list(map(abs, [-1, 2, -3])), list(map(pow, [2, 3], [3, 2])), list(map(lambda a, b, c: a + b + c, "ab", "cd", "ef")))
print(list(map(str, range(3))), list(map(len, [[1], [], [1, 2]])), list(map(max, [1, 5], [4, 2], [3, 3])))
attempt(lambda: map(1))
attempt(lambda: list(map(1, [1])))
print(list(filter(None, [0, 1, "", "a", [], [0]])), list(filter(lambda x: x % 2, range(10))), list(filter(bool, [0, 2])))
attempt(lambda: filter(1))
print(list(reversed([1, 2, 3])), list(reversed((1, 2))), list(reversed("abc")), list(reversed(range(3))))
print(list(reversed({1: 2, 3: 4})), list(reversed({1: 2}.values())))
attempt(lambda: reversed({1}))
attempt(lambda: reversed(1))

class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * i

print(list(Seq()), 9 in Seq(), list(iter(Seq())))

class SeqLen(Seq):
    def __len__(self):
        return 4

print(list(reversed(SeqLen())))

class Rev:
    def __reversed__(self):
        return iter("zyx")

print(list(reversed(Rev())))

class NotRev:
    __reversed__ = None
    def __getitem__(self, i):
        return i
    def __len__(self):
        return 1

attempt(lambda: reversed(NotRev()))
counter = [0]
def tick():
    counter[0] += 1
    return counter[0]

print(list(iter(tick, 5)))
attempt(lambda: iter(1))
attempt(lambda: next(iter([])))
it = enumerate("ab")
print(next(it), next(it), next(it, "done"))
z = zip("ab", "cd")
print(next(z), list(z), list(z))
m = map(str.upper, "ab")
print(iter(m) is m, list(m))
print(type(enumerate([])).__name__, type(zip()).__name__, type(iter(Seq())).__name__, type(iter(tick, 0)).__name__)
print(type(iter([])).__name__, type(iter(())).__name__, type(iter(range(3))).__name__, type(iter(set())).__name__)
print(type(reversed([])).__name__, type(iter(range(10**20))).__name__, type(reversed((1,))).__name__)
d = dict(enumerate("abc"))
print(d, dict(zip("abc", range(3))), sorted(zip([3, 1, 2], "cab")))

class E(enumerate):
    pass

print(list(E("ab")), isinstance(E("a"), enumerate))
a, b = zip(*[(1, "x"), (2, "y")])
print(a, b)
print(r"<enumerate object at" in repr(enumerate([])), repr(zip()).startswith("<zip object at 0x"))
