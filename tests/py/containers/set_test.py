# set and frozenset: iteration order of int sets (CPython's table algorithm),
# methods, operators, comparisons, errors.
def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", repr(e))

print({3, 1, 2}, {10, 5, 100, -1}, {8, 16, 24, 0}, set(), frozenset(), frozenset({1}))
print(set(range(20, 0, -1)), {1, 9, 17, 25, 33}, {2**40, 7, -3, 2**62, -2**62})
print(set([5, 3, 5, 1]), set((64, 32, 16, 8)), set({7: 1, 3: 2}), set(range(0, 100, 9)))
s = {1, 2, 3}
s.add(4); s.add(2); print(s)
s.discard(9); s.discard(1); print(s)
s.remove(2); print(s)
attempt(lambda: s.remove(42))
attempt(lambda: set().pop())
attempt(lambda: {[]})
attempt(lambda: {1}.add([]))
attempt(lambda: set(x=1))
attempt(lambda: frozenset(x=1))
attempt(lambda: set(1, 2))
attempt(lambda: hash({1}))
attempt(lambda: {1} < [1])
attempt(lambda: {1} | [2])
p = {5, 6, 7}
print(p.pop(), p.pop(), p)
a, b = {1, 2, 3, 4}, {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b, [7]), a.intersection(b, {4}), a.difference(b, {1}), a.symmetric_difference([1, 9]))
print(a.union(), a.intersection(), a.difference())
print(a.issubset(b), {3}.issubset(a), a.issuperset({1, 2}), a.issuperset([1, 9]), a.isdisjoint({9}), a.isdisjoint(b))
print(a == {4, 3, 2, 1}, a != b, {1} < a, a <= a, a < a, a >= {1}, a > a, {1, 2} == frozenset({1, 2}))
c = a.copy(); c |= {10}; print(c)
c &= {1, 2, 10, 11}; print(c)
c -= {1}; print(c)
c ^= {2, 99}; print(c)
c.update([5], (6,)); print(c)
c.intersection_update({5, 6, 10, 99}); print(c)
c.difference_update([5]); print(c)
c.symmetric_difference_update({6, 7}); print(c)
c.clear(); print(c)
f = frozenset([3, 1, 2])
print(f, f | {9}, f & {1}, type(f | {9}).__name__, type({9} | f).__name__, f.copy() is f)
print(hash(frozenset()), hash(frozenset({1, 2, 3})), hash(frozenset({-1, -2})), hash(frozenset(range(50))))
print(frozenset({1, 2}) == frozenset({2, 1}), hash(frozenset({1, 2})) == hash(frozenset({2, 1})))
print({frozenset({1}): "x"}[frozenset([1])], {1} in {frozenset({1})}, frozenset({1}) in [{1}])
sset = {frozenset({1})}
sset.remove({1}); print(sset)
print(sorted({"pear", "apple", "fig"}), len({"a", "b", "a"}), "a" in {"a"})
print(1 in {1.0}, {1, 1.0, True}, {0, False, 0.0})
deleted = set(range(100))
for i in range(0, 100, 2):
    deleted.discard(i)
print(deleted)
for i in range(0, 10):
    deleted.add(i * 1000)
print(deleted)
shrink = set(range(1000))
shrink -= set(range(10, 1000))
print(shrink)
def mutate():
    m = {1, 2, 3}
    for x in m:
        m.add(x + 10)
attempt(mutate)

class S(set):
    pass

ss = S([1, 2])
print(ss, type(ss | {3}).__name__, S(), isinstance(ss, set))

class F(frozenset):
    pass

print(F([1]), F(), repr(F({2})))
r = set()
print(repr(r), str({1}), {(1, 2), (3, 4)} == {(3, 4), (1, 2)})
print({i * 8 for i in range(12)}, {-i for i in range(10)})
print(list({n: None for n in [30, 10, 20]}), {30, 10, 20})
