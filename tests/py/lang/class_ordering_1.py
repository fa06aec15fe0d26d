# Rich comparisons: __lt__/__le__/__gt__/__ge__, reflected operations, NotImplemented fallback and error messages.
class V:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        print(f"  {self.v}.__lt__({other.v if isinstance(other, V) else other})")
        if isinstance(other, V):
            return self.v < other.v
        return NotImplemented
    def __repr__(self):
        return f"V{self.v}"
print(V(1) < V(2))
print(V(3) > V(2))
print(sorted([V(2), V(1)]))
try:
    V(1) <= V(2)
except TypeError as e:
    print("TypeError:", e)
try:
    V(1) < 5
except TypeError as e:
    print("TypeError:", e)
class Full:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v
    def __lt__(self, o):
        return self.v < o.v
    def __le__(self, o):
        return self.v <= o.v
    def __gt__(self, o):
        return self.v > o.v
    def __ge__(self, o):
        return self.v >= o.v
    __hash__ = None
a, b = Full(1), Full(2)
print(a < b, a <= b, a > b, a >= b, a == b, a != b, a <= Full(1), max(a, b).v, min([b, a]).v)
class Ver:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))
    def __lt__(self, o):
        return self.parts < o.parts
    def __eq__(self, o):
        return self.parts == o.parts
    def __repr__(self):
        return ".".join(map(str, self.parts))
vs = [Ver("1.10"), Ver("1.2"), Ver("1.2.1"), Ver("0.9")]
print(sorted(vs), max(vs), Ver("1.0") == Ver("1.0"), Ver("2.0") > Ver("1.9"))
class Sub(V):
    def __gt__(self, other):
        print("  Sub.__gt__ tried first")
        return True
print(V(5) < Sub(1))
try:
    Full(1) < 3
except AttributeError as e:
    print("AttributeError:", e)
