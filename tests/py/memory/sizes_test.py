# Sizes as relations that hold in any faithful layout: coil's numbers are
# its own (docs/memory.md), but these comparisons match CPython's.
import sys

class Slotted:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y

class Plain:
    def __init__(self, x, y):
        self.x = x
        self.y = y

s = Slotted(1000, 2000)
p = Plain(1000, 2000)
print("slotted < dict-based + its dict:", sys.getsizeof(s) < sys.getsizeof(p) + sys.getsizeof(p.__dict__))
print("slotted <= dict-based alone:", sys.getsizeof(s) <= sys.getsizeof(p) + 16)

# ints: a big int is bigger than a small one and grows with its value.
print("big int > small int:", sys.getsizeof(2**100) > sys.getsizeof(1000))
print("bigger big int grows:", sys.getsizeof(2**10000) > sys.getsizeof(2**100))
print("int sizes are ints:", all(type(sys.getsizeof(v)) is int for v in (0, 1, -2**63, 2**63, 10**100)))
print("getsizeof(int) == __sizeof__:", all(sys.getsizeof(v) == v.__sizeof__() for v in (5, 1000, -2**63, 2**64)))

# dicts grow as keys are added and shrink back when cleared.
d = {}
sizes = [sys.getsizeof(d)]
for i in range(40):
    d[i * 1000] = i
    sizes.append(sys.getsizeof(d))
print("dict sizes never shrink while adding:", all(a <= b for a, b in zip(sizes, sizes[1:])))
print("40 keys bigger than none:", sizes[-1] > sizes[0])
d.clear()
print("cleared dict is as small as a new one:", sys.getsizeof(d) == sys.getsizeof({}))
print("bigger table, bigger dict:", sys.getsizeof(dict.fromkeys(range(1000))) > sys.getsizeof(dict.fromkeys(range(10))))
print("a key more costs at most the table:", sys.getsizeof({"a": 1, "b": 2}) <= sys.getsizeof(dict.fromkeys(range(6))))

# Instance dicts hold the same keys in the same order as ordinary dicts.
print(vars(p), list(p.__dict__), p.__dict__ == {"x": 1000, "y": 2000})
p.z = 3000
p.w = 4000
del p.x
print(vars(p), len(p.__dict__))
