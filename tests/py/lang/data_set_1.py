# set and frozenset: add/discard/remove, algebra operators and methods, subset tests, frozenset as key.
s = {3, 1, 2, 3, 1}
print(sorted(s), len(s), 2 in s, 5 in s)
s.add(10)
s.add(1)
s.discard(99)
s.remove(3)
print(sorted(s))
try:
    s.remove(99)
except KeyError as e:
    print("KeyError:", e)
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(b - a), sorted(a ^ b))
print(sorted(a.union([9], (8,))), sorted(a.intersection(range(3))), sorted(a.difference({1})), sorted(a.symmetric_difference([4, 6])))
print({1, 2} <= a, {1, 2} < a, a <= a, a < a, a >= {1}, {7}.isdisjoint(a), {1}.issubset([1, 2]), a.issuperset({1, 2}))
c = set(a)
c |= {100}
c &= {1, 2, 100}
c -= {2}
c ^= {5}
print(sorted(c))
print(set(), type({}).__name__, type(set()).__name__, set("hello") == set("olleh"), sorted(set("hello")))
f = frozenset([1, 2, 3])
print(f == {1, 2, 3}, sorted(f | {4}), type(f | {4}).__name__, type({4} | f).__name__)
groups = {frozenset({1, 2}): "pair", frozenset(): "empty"}
print(groups[frozenset([2, 1])], groups[frozenset()])
try:
    f.add(4)
except AttributeError as e:
    print("AttributeError:", e)
try:
    {[1, 2]}
except TypeError as e:
    print("TypeError:", e)
print({1, 1.0, True}, {0, False, 0.0}, len({1, "1"}))
u = {x % 4 for x in range(20)}
print(sorted(u))
s2 = {5, 6}
popped = s2.pop()
print(popped in (5, 6), len(s2))
s2.clear()
print(s2, repr(frozenset()), sorted({(1, 2), (0, 5)}))
words = ["b", "a", "b", "c", "a"]
seen = set()
uniq = [w for w in words if not (w in seen or seen.add(w))]
print(uniq, list(dict.fromkeys(words)))
print(set([1, 2]) == frozenset([1, 2]), {1, 2}.copy() == {1, 2}, sorted({1, 2, 3} - {2} | {9}))
