# Container protocol: __len__, __getitem__ (ints and slices), __setitem__, __delitem__, __contains__, __iter__, __reversed__.
class Deck:
    def __init__(self, cards):
        self.cards = list(cards)
    def __len__(self):
        return len(self.cards)
    def __getitem__(self, idx):
        if isinstance(idx, slice):
            return Deck(self.cards[idx])
        return self.cards[idx]
    def __setitem__(self, idx, value):
        self.cards[idx] = value
    def __delitem__(self, idx):
        del self.cards[idx]
    def __repr__(self):
        return f"Deck({self.cards})"
d = Deck("ABCDE")
print(len(d), d[0], d[-1], d[1:3], d[::-1], bool(d), bool(Deck([])))
d[0] = "Z"
del d[1]
print(d, "C" in d, "B" in d, list(d), [c for c in d], list(reversed(d)))
for i, c in enumerate(d):
    print(i, c, end=" ")
print()
try:
    d[10]
except IndexError as e:
    print("IndexError:", e)
a, b, *rest = d
print(a, b, rest, sorted(d), max(d), "-".join(d))
class Grid:
    def __getitem__(self, key):
        r, c = key
        return r * 10 + c
g = Grid()
print(g[1, 2], g[3, 0])
class Squares:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        for i in range(self.n):
            yield i * i
    def __contains__(self, x):
        print("  __contains__", x)
        return x >= 0 and int(x ** 0.5) ** 2 == x
    def __reversed__(self):
        return iter([i * i for i in range(self.n - 1, -1, -1)])
s = Squares(4)
print(list(s), 9 in s, 8 in s, list(reversed(s)), sum(s))
class Sparse:
    def __init__(self):
        self.data = {}
    def __getitem__(self, k):
        return self.data.get(k, 0)
    def __setitem__(self, k, v):
        self.data[k] = v
    def __len__(self):
        return len(self.data)
sp = Sparse()
sp["x"] += 5
sp[(1, 2)] = 3
print(sp["x"], sp["nope"], len(sp), sp.data)
try:
    len(Grid())
except TypeError as e:
    print("TypeError:", e)
class BadLen:
    def __len__(self):
        return -1
try:
    len(BadLen())
except ValueError as e:
    print("ValueError:", e)
