# :=, assert, del of names/items/attributes/slices, global del.
data = [1, 5, 12, 7]
if (n := len(data)) > 3:
    print("long", n)
print([y for x in data if (y := x * 2) > 10], y)
try:
    assert n < 3, f"n is {n}"
except AssertionError as e:
    print("AssertionError", e)
try:
    assert False
except AssertionError as e:
    print("bare", repr(e))
a = 1
del a
try:
    a
except NameError as e:
    print(e)
lst = list(range(8))
del lst[0], lst[-1]
del lst[::2]
print(lst)
d = {"k": 1, "j": 2}
del d["k"]
print(d)
class O:
    pass
o = O()
o.attr = 1
del o.attr
print(hasattr(o, "attr"))
try:
    del d["missing"]
except KeyError as e:
    print("KeyError", e)
