# dict: construction, methods, views, ordering, errors, subclasses.
def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", repr(e))

d = {"a": 1, "b": 2}
print(d, {}, dict(), dict(a=1), dict([("x", 1), ("y", 2)]), dict(d, c=3), dict({1: 2}.items()))
print(d["a"], d.get("a"), d.get("z"), d.get("z", 0), len(d), "a" in d, "z" not in d)
d["c"] = 3; d["a"] = 10; print(d)
del d["b"]; print(d)
d["b"] = 20; print(d, list(d), list(d.keys()), list(d.values()), list(d.items()))
print(d.setdefault("a", 0), d.setdefault("n", []), d)
print(d.pop("n"), d.pop("zz", "dflt"), d)
print(d.popitem(), d)
e = d.copy(); e.clear(); print(e, d)
d.update({"x": 1}); d.update([("y", 2)]); d.update(z=3); d.update({"w": 0}, v=9); print(d)
print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0), {}.fromkeys(range(2), "v"))
print({1: 2} | {3: 4}, {1: 2} | {1: 3})
u = {1: 1}; u |= {2: 2}; u |= [(3, 3)]; print(u)
print({1: 2} == {1: 2}, {1: 2} == {1: 3}, {1: 2} != {2: 1}, {1: 2, 3: 4} == {3: 4, 1: 2})
print({1: 1.0} == {1: 1}, {} == [])
attempt(lambda: d["missing"])
attempt(lambda: {}[(1, 2)])
attempt(lambda: {}.pop(1))
attempt(lambda: {}.popitem())
attempt(lambda: {[]: 1})
attempt(lambda: dict([(1, 2, 3)]))
attempt(lambda: dict([1]))
attempt(lambda: dict(1))
attempt(lambda: dict(1, 2))
attempt(lambda: {}.get())
attempt(lambda: {} < {})
attempt(lambda: {1: 2} | [(3, 4)])
attempt(lambda: hash({}))

def mutate():
    m = {1: 1, 2: 2}
    for k in m:
        m[k + 10] = 0

attempt(mutate)

def mutate_keys():
    m = {1: 1, 2: 2}
    for k in m:
        del m[k]
        m[k + 100] = 1

attempt(mutate_keys)
k = {1: "a", 2: "b", 3: "c"}.keys()
print(k, {1: "a"}.values(), {1: "a"}.items(), {}.keys())
ks = {1: 1, 2: 2, 3: 3}.keys()
print(sorted(ks & {2, 3, 4}), sorted(ks | {9}), sorted(ks - {1}), sorted(ks ^ {1, 5}))
print(sorted({2, 3} & ks), ks == {1, 2, 3}, ks <= {1, 2, 3, 4}, ks < {1, 2, 3}, ks > {1})
it = {1: "a", 2: "b"}.items()
print((1, "a") in it, (1, "b") in it, 5 in it, sorted(it & {(1, "a")}), it.isdisjoint([(3, 3)]))
print(2 in {1: 2}.values(), list(reversed({1: 1, 2: 2})), list(reversed({1: "a", 2: "b"}.items())))
dyn = {1: 1}
view = dyn.keys()
dyn[2] = 2
print(view, len(view), view.mapping if False else "")
order = {}
for i in range(20):
    order[i] = i
for i in range(0, 20, 3):
    del order[i]
for i in range(0, 20, 6):
    order[i] = -i
print(order)
print(list(order.items())[:3])
big = {i: i * i for i in range(1000)}
print(len(big), big[999], sum(big.values()))
rec = {}
rec["self"] = rec
print(rec)
vv = {}
vv[1] = vv.values()
print(vv)

class Default(dict):
    def __missing__(self, key):
        return key * 2

dd = Default(a=1)
print(dd["a"], dd["zz"], dd.get("zz"), "zz" in dd, dd, type(dd).__name__)

class Counting(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 10)

c = Counting()
c["x"] = 1
c.update(y=2)
print(c)
print(isinstance(dd, dict), dict(dd), dd.copy(), type(dd.copy()).__name__)
print(type({}.keys()).__name__, type(iter({})).__name__, type(iter({}.values())).__name__, type(iter({}.items())).__name__)
h1, h2 = 1, 1.0
print({h1: "int", h2: "float"}, {True: 1, 1: 2})
