# Dicts across the index-width boundaries (int8 up to 128 slots, int16 up
# to 32768, int32 beyond) and the small first table that grows in place:
# lookups, deletions, re-insertions and order must be exactly CPython's.
def check(n):
    d = {}
    for i in range(n):
        d["k%d" % i] = i
    ok = all(d["k%d" % i] == i for i in range(n))
    for i in range(0, n, 3):
        del d["k%d" % i]
    ok = ok and all(("k%d" % i in d) == (i % 3 != 0) for i in range(n))
    for i in range(0, n, 3):
        d["k%d" % i] = -i
    keys = list(d)
    return ok, len(d), keys[:3], keys[-3:], sum(d.values())

for n in (1, 2, 3, 5, 6, 85, 86, 170, 171, 21845, 21846, 50000):
    print(n, check(n))

# popitem is LIFO and keeps the table consistent at every size.
d = dict.fromkeys(range(200), 0)
out = [d.popitem()[0] for _ in range(150)]
print(out[:5], len(d), 49 in d, 50 in d, list(d)[-3:])
d[1000] = 1
print(len(d), list(d)[-2:])

# Keys with equal hashes but different types (int/float/True) still collide.
e = {1: "int", 2: "two"}
e[1.0] = "float"
e[True] = "bool"
print(e, len(e))

# Deleting everything from a small table and filling it again.
f = {"a": 1, "b": 2}
del f["a"]
del f["b"]
f["c"] = 3
f["d"] = 4
f["e"] = 5
print(f, f.copy(), dict(f), {**f, "a": 0})
