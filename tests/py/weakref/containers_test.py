# The weak containers of weakref.py and _weakrefset.py: entries vanish
# when their objects die.
import weakref


class Obj:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "Obj(%s)" % self.name


# ---- WeakValueDictionary ----
a, b, c = Obj("a"), Obj("b"), Obj("c")
wvd = weakref.WeakValueDictionary({"a": a, "b": b})
wvd["c"] = c
print(len(wvd), sorted(wvd), wvd["a"], "b" in wvd, wvd.get("zz", "default"))
del b
print(len(wvd), sorted(wvd.keys()), sorted(v.name for v in wvd.values()))
for k, v in sorted(wvd.items()):
    print(" ", k, v)
print(wvd.pop("a"), sorted(wvd), wvd.setdefault("n", c) is c)
try:
    wvd["missing"]
except KeyError as e:
    print("KeyError:", e)
vrefs = wvd.valuerefs()
print(len(vrefs), all(isinstance(r, weakref.ref) for r in vrefs))
del c, vrefs
print(len(wvd), dict(wvd))

# removal is postponed while iterating
objs = [Obj(str(i)) for i in range(5)]
wvd = weakref.WeakValueDictionary((str(i), o) for i, o in enumerate(objs))
seen = []
for k in wvd:
    seen.append(k)
    if k == "1":
        del objs[:]
print(len(seen), len(wvd))

# ---- WeakKeyDictionary ----
k1, k2 = Obj("k1"), Obj("k2")
wkd = weakref.WeakKeyDictionary()
wkd[k1] = 1
wkd[k2] = 2
print(len(wkd), wkd[k1], k2 in wkd, sorted(wkd.values()))
del k1
print(len(wkd), list(wkd.items()))
wkd.update({k2: 20})
print(wkd[k2], wkd.get(Obj("other"), "none"), len(wkd.keyrefs()))
try:
    wkd[1] = 2
except TypeError as e:
    print("TypeError:", e)

# ---- WeakSet ----
s1, s2, s3 = Obj("s1"), Obj("s2"), Obj("s3")
ws = weakref.WeakSet([s1, s2])
ws.add(s3)
print(len(ws), s1 in ws, Obj("x") in ws, 1 in ws)
del s2
print(len(ws), sorted(o.name for o in ws))
ws.discard(s1)
print(len(ws), list(ws), ws == weakref.WeakSet([s3]))
other = weakref.WeakSet([s3, s1])
print(sorted(o.name for o in ws | other), len(other - ws), ws <= other, ws.isdisjoint([s1]))
del s3
print(len(ws), len(other), type(ws).__name__)

# ---- WeakMethod ----
class Counter:
    def __init__(self):
        self.n = 0

    def bump(self):
        self.n += 1
        return self.n


cnt = Counter()
wm = weakref.WeakMethod(cnt.bump)
print(wm()(), wm()(), wm() == cnt.bump, wm == weakref.WeakMethod(cnt.bump))
try:
    weakref.WeakMethod(len)
except TypeError as e:
    print("TypeError:", e)
wm2 = weakref.WeakMethod(cnt.bump, lambda r: print("method died", r is wm2))
del cnt
print(wm(), wm2())

# ---- finalize ----
class Res:
    pass


r = Res()
fin = weakref.finalize(r, print, "finalized", 1)
print(fin.alive, fin.atexit, fin.peek()[1:])
del r
print(fin.alive, fin())
r = Res()
fin = weakref.finalize(r, lambda *a, **k: (a, k), 1, x=2)
print(fin(), fin(), fin.alive)
r2 = Res()
fin2 = weakref.finalize(r2, print, "never")
print(fin2.detach()[1:], fin2.alive)
del r2
print("end of program")
