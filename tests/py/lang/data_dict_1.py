# dict operations: get/setdefault/pop/popitem/update/keys/values/items views, insertion order, merging.
d = {"b": 2, "a": 1}
d["c"] = 3
d["b"] = 20
print(d, list(d), len(d))
print(d.get("a"), d.get("zz"), d.get("zz", 0), d.setdefault("a", 99), d.setdefault("n", []), d)
d["n"].append(1)
print(d.pop("n"), d.pop("zz", "dflt"), d)
try:
    d.pop("zz")
except KeyError as e:
    print("KeyError:", e)
print(d.popitem(), d)
d.update({"x": 1}, y=2)
d.update([("z", 3)])
print(d)
keys = d.keys()
vals = d.values()
items = d.items()
d["w"] = 0
print(keys, vals, items)
print(list(keys)[-1], "w" in keys, 0 in vals, ("w", 0) in items)
del d["b"]
d["b"] = "re-added goes last"
print(list(d))
print(dict(a=1, b=2), dict([("k", "v")]), dict(zip("abc", range(3))), dict.fromkeys("xy", 0), dict({"a": 1}, b=2))
m1 = {"a": 1, "b": 2}
m2 = {"b": 3, "c": 4}
print(m1 | m2, m2 | m1, {**m1, **m2}, {**m2, "a": 0})
m1 |= m2
print(m1)
print({1: "int", 1.0: "float", True: "bool"})
print({"a": 1} == {"a": 1.0}, {"a": 1, "b": 2} == {"b": 2, "a": 1}, list({"a": 1, "b": 2}) == list({"b": 2, "a": 1}))
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
nested = {"outer": {"inner": [1, 2]}}
nested["outer"]["inner"].append(3)
print(nested, nested["outer"]["inner"][-1])
c = d.copy()
c["new"] = 1
print("new" in d, "new" in c)
try:
    for k in d:
        d[k + "!"] = 1
except RuntimeError as e:
    print("RuntimeError:", e)
print(sorted(d.keys())[:3], dict(sorted({"b": 1, "a": 2}.items())))
print({}.get(1), dict().items(), reversed({"a": 1, "b": 2}).__class__.__name__, list(reversed({"a": 1, "b": 2})))
