# __eq__ and __hash__: default identity equality, custom equality, defining __eq__ removes hashing, NotImplemented.
class Plain:
    pass
a, b = Plain(), Plain()
print(a == a, a == b, a != b, len({a, b, a}))
class P:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, other):
        if not isinstance(other, P):
            return NotImplemented
        return (self.x, self.y) == (other.x, other.y)
print(P(1, 2) == P(1, 2), P(1, 2) != P(1, 3), P(1, 2) == (1, 2), P(1, 2) != "x", P.__hash__)
try:
    {P(1, 2)}
except TypeError as e:
    print("TypeError:", e)
class H(P):
    def __hash__(self):
        return hash((self.x, self.y))
s = {H(1, 2), H(1, 2), H(3, 4)}
print(len(s), H(1, 2) in s, {H(0, 0): "origin"}[H(0, 0)])
class Loose:
    def __eq__(self, other):
        print("  Loose.__eq__ called")
        return True
print(Loose() == 5, 5 == Loose(), Loose() != 5)
class Never:
    def __eq__(self, other):
        return NotImplemented
n = Never()
print(n == n, n == Never(), n != Never())
class Ne:
    def __eq__(self, other):
        return "truthy string"
print(Ne() == 1, Ne() != 1)
print([P(1, 1)] == [P(1, 1)], P(1, 1) in [P(0, 0), P(1, 1)], [P(1, 1)].index(P(1, 1)))
print((1, P(1, 1)) == (1, P(1, 1)), {"k": P(1, 1)} == {"k": P(1, 1)})
class Key:
    def __init__(self, k):
        self.k = k
    def __hash__(self):
        return 1
    def __eq__(self, other):
        return self.k == other.k
d = {Key(1): "a", Key(2): "b"}
print(len(d), d[Key(2)])
print(hash(1) == hash(1.0) == hash(True), hash("a") == hash("a"), hash((1, "a")) == hash((1, "a")))
print(1 == 1.0, {1: "x"}[1.0], {1.0: "y"}[True])
