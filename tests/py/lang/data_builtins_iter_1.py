# enumerate/zip/map/filter/reversed/sorted/min/max/sum/any/all/range/len on various iterables, laziness.
print(list(enumerate("abc")), list(enumerate("abc", start=10)), list(enumerate([])))
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1], [2], [3])), dict(zip("xy", (1, 2))))
print(list(zip(*[(1, "a"), (2, "b")])))
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print("ValueError:", e)
print(list(map(str, [1, 2])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])), list(filter(lambda x: x > 1, [0, 1, 2, 3])))
print(list(reversed([1, 2, 3])), list(reversed("ab")), list(reversed(range(4))), list(reversed((1, 2))))
print(min(3, 1, 2), max([4, 9, 2]), min("hello"), max("ab", "b", key=len), min([], default="empty"), max([1, 3], default=0))
print(min([(2, "b"), (1, "z"), (1, "a")]), max([-5, 3, -7], key=abs), max(2, 2.0), max(2.0, 2))
print(sum([1, 2, 3]), sum([0.1, 0.2]), sum([[1], [2]], []), sum(range(5), 10), sum([True, True, False]))
print(any(x > 2 for x in [1, 2, 3]), all(x > 0 for x in [1, -1]), any([]), all([]), any("0"), all([[]]))
log = []
def check(x):
    log.append(x)
    return x > 1
print(any(check(x) for x in [0, 1, 2, 3, 4]), log)
print(list(range(5)), list(range(2, 10, 3)), list(range(5, 0, -2)), len(range(0, 100, 7)), range(3)[-1])
print(range(10)[2:5], 3 in range(5), range(5).index(3), range(0, 10, 2).count(4), range(3) == range(0, 3))
m = map(lambda v: log.append(("m", v)) or v, [1, 2])
log.clear()
print(log)
print(next(m), log)
e = enumerate("xy")
print(next(e), next(e))
try:
    next(e)
except StopIteration:
    print("enumerate exhausted")
it = iter([1, 2, 3])
print(next(it), list(it), list(it), next(it, "default"))
z = zip("ab", [1, 2])
print(list(z), list(z))
print(len([1, 2]), len("abc"), len({"a": 1}), len(range(10)), len(set()), len(()), len(b"xy"))
print(abs(-3), round(2.567, 1), divmod(9, 4), pow(2, 5), isinstance(range(1), range))
print(sorted(filter(None, map(lambda s: s.strip(), [" b ", "", " a"]))))
