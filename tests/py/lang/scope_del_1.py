# del on names, list items, slices, dict keys and attributes; errors for missing targets.
a = 1
del a
try:
    print(a)
except NameError as e:
    print("NameError:", e)
lst = list(range(10))
del lst[0]
del lst[-1]
print(lst)
del lst[1:3]
print(lst)
del lst[::2]
print(lst)
del lst[:]
print(lst)
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
try:
    del d["zz"]
except KeyError as e:
    print("KeyError:", e)
class O:
    cls_attr = 1
o = O()
o.x = 1
o.y = 2
del o.x
print(vars(o))
try:
    del o.x
except AttributeError as e:
    print("AttributeError:", e)
try:
    del o.cls_attr
except AttributeError as e:
    print("AttributeError:", e)
del O.cls_attr
print(hasattr(O, "cls_attr"))
x, y, z = 1, 2, 3
del x, y
print("x" in globals(), "y" in globals(), z)
nested = [[1, 2], [3, 4]]
del nested[0][1], nested[1]
print(nested)
try:
    del lst[5]
except IndexError as e:
    print("IndexError:", e)
t = (1, 2)
try:
    del t[0]
except TypeError as e:
    print("TypeError:", e)
def f():
    v = 1
    del v
    return "v" in locals()
print(f())
