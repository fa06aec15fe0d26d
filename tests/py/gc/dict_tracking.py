# Dicts of atomic keys and values are not tracked; the first container makes
# them tracked, also after a full collection untracked them (CPython's
# MAINTAIN_TRACKING), so a cycle made later through such a dict is collected.
import gc
import weakref

print(gc.is_tracked({}), gc.is_tracked(dict()), gc.is_tracked({"a": 1, 2: "b"}))
print(gc.is_tracked({"a": []}), gc.is_tracked(dict(a=[])), gc.is_tracked({(): 1}))
d = {"a": 1}
print(gc.is_tracked(d))
d["list"] = []
print(gc.is_tracked(d))
d.pop("list")
gc.collect()
print("atomic again, after a full collection:", gc.is_tracked(d))


class Box:
    pass


d = {"n": 1}
gc.collect()
box = Box()
box.d = d
d["box"] = box            # makes a cycle through a dict untracked a moment ago
print(gc.is_tracked(d))
probe = weakref.ref(box)
del d, box
gc.collect()
print("cycle collected:", probe() is None)

d = {"x": 1}
d.update({"y": [1]})
print(gc.is_tracked(d))
d = {"x": 1}
d.setdefault("z", {})
print(gc.is_tracked(d))
d = {"k": 0}
d["k"] = ()
print(gc.is_tracked(d), gc.is_tracked({1: (1, 2)}))
