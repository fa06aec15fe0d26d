# dict views are live and support set operations; iteration over items; KeyError on tuple keys; dict equality.
d = {"a": 1, "b": 2, "c": 3}
k = d.keys()
print(sorted(k & {"a", "z"}), sorted(k | {"z"}), sorted(k - {"a"}), sorted(k ^ {"a", "q"}))
print(k == {"a", "b", "c"}, d.items() >= {("a", 1)}, len(k), "b" in k, list(k)[0])
d["d"] = 4
print(list(k), list(d.values()))
for key, val in d.items():
    print(key, val, end="; ")
print()
for key in d:
    d[key] *= 10
print(d)
print(list(zip(d.keys(), d.values())) == list(d.items()))
e = {(1, 2): "tuple key", frozenset({1}): "frozen"}
print(e[(1, 2)], e[frozenset([1])])
try:
    e[(3, 4)]
except KeyError as err:
    print("KeyError:", err, repr(err), err.args)
try:
    e[(5,)]
except KeyError as err:
    print("KeyError:", err)
try:
    {}[""]
except KeyError as err:
    print("KeyError:", err)
print({"x": [1]} == {"x": [1]}, {"x": 1} != {"x": 2}, {} == dict())
try:
    {"a": 1} < {"b": 2}
except TypeError as err:
    print("TypeError:", err)
v = d.values()
print(10 in v, 99 in v, sum(v), max(d, key=d.get), sorted(d, key=lambda x: -d[x]))
inverted = {}
for key, val in {"a": 1, "b": 1, "c": 2}.items():
    inverted.setdefault(val, []).append(key)
print(inverted)
nested = {"x": {"y": {"z": 1}}}
print(nested["x"]["y"]["z"], nested.get("x", {}).get("q", "none"))
print(dict(d.items()) == d, dict(d) is d, len(dict.fromkeys(range(5))))
