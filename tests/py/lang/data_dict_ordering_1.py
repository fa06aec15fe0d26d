# dict preserves insertion order through updates, deletes, re-inserts, comprehensions and copies; set order is not relied on.
d = {}
for k in ["z", "a", "m", "b"]:
    d[k] = len(d)
print(list(d), list(d.values()))
d["a"] = "updated"
print(list(d))
del d["z"]
d["z"] = "back"
print(list(d.items()))
e = dict.fromkeys("hello")
print(list(e))
f = {k: None for k in reversed("abc")}
print(list(f))
print(list({**{"x": 1, "y": 2}, "x": 3}))
g = {"b": 1}
g.update(a=2, b=3)
print(g)
h = {}
h.setdefault("q", 1)
h.setdefault("p", 2)
h.setdefault("q", 3)
print(h)
pops = {"a": 1, "b": 2, "c": 3}
print(pops.popitem(), pops.popitem(), pops)
print({1: "a", 2: "b"} == {2: "b", 1: "a"}, list({1: "a", 2: "b"}) == list({2: "b", 1: "a"}))
ints = {}
for n in [5, 3, 9, 1]:
    ints[n] = n * n
print(ints, max(ints), min(ints, key=ints.get), next(iter(ints)))
nested = {"first": {"z": 1, "a": 2}, "second": {}}
print(nested)
grouped = {}
for word in ["apple", "bat", "avocado", "cat", "banana"]:
    grouped.setdefault(word[0], []).append(word)
print(grouped)
inv = {v: k for k, v in {"a": 1, "b": 2, "c": 1}.items()}
print(inv)
copy = dict(d)
copy.pop("m")
print(list(copy), list(d))
