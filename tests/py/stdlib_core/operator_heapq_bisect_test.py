# operator, heapq, bisect, keyword, reprlib.
import operator
from operator import itemgetter, attrgetter, methodcaller
import heapq
import bisect
import keyword
import reprlib

print(operator.add(2, 3), operator.mul("a", 3), operator.neg(4), operator.not_(0),
      operator.contains([1], 1), operator.getitem({"a": 1}, "a"), operator.truediv(1, 4),
      operator.index(7), operator.concat([1], [2]), operator.countOf([1, 1, 2], 1))
print(itemgetter(1), itemgetter(1, 0), attrgetter("real", "imag"), methodcaller("split", ",", maxsplit=1))
print(itemgetter(1)("abc"), itemgetter(0, 2)("abc"), attrgetter("__class__.__name__")(1),
      methodcaller("split", ",")("a,b"))
print(sorted([("b", 2), ("a", 3), ("c", 1)], key=itemgetter(1)))
for bad in (lambda: itemgetter(), lambda: attrgetter(1), lambda: methodcaller()):
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)
x = [1]
print(operator.iadd(x, [2]) is x, x, operator.length_hint(iter([1, 2, 3])))

h = []
for v in [5, 1, 8, 3, 2, 9]:
    heapq.heappush(h, v)
print(h[0], [heapq.heappop(h) for _ in range(len(h))])
data = [9, 4, 7, 1, 3]
heapq.heapify(data)
print(data[0], heapq.heappushpop(data, 0), heapq.heapreplace(data, 10), sorted(data))
print(heapq.nlargest(2, [4, 1, 9, 7]), heapq.nsmallest(2, [4, 1, 9, 7]),
      heapq.nsmallest(2, ["bb", "a", "ccc"], key=len))
print(list(heapq.merge([1, 4, 7], [2, 5], [3, 6, 9])))
try:
    heapq.heappop([])
except IndexError as e:
    print(type(e).__name__, e)

a = [1, 2, 2, 2, 5]
print(bisect.bisect_left(a, 2), bisect.bisect_right(a, 2), bisect.bisect(a, 0), bisect.bisect(a, 9))
bisect.insort(a, 3)
bisect.insort_left(a, 2)
print(a, bisect.bisect_left([(1, "a"), (3, "b")], 2, key=lambda t: t[0]))

print(keyword.iskeyword("for"), keyword.iskeyword("match"), keyword.issoftkeyword("match"),
      len(keyword.kwlist))
print(reprlib.repr(list(range(100))), reprlib.repr("x" * 100), reprlib.repr({i: i for i in range(10)}))


class Node:
    def __init__(self):
        self.children = [self]

    @reprlib.recursive_repr()
    def __repr__(self):
        return "Node(%r)" % self.children


print(Node())
