# In a script, equal constants of one code object are shared, so x is y holds even for big ints/floats/strings.
def f():
    a = 1000
    b = 1000
    return a is b
print("same function, 1000:", f())
def g():
    return 10 ** 6
def h():
    return 10 ** 6
print("folded constants across functions are equal:", g() == h())
x = 123456
y = 123456
print("module level big int:", x is y)
s = "hello world!"
t = "hello world!"
print("module level string with space:", s is t)
p = 2.5
q = 2.5
print("module level float:", p is q)
tu1 = (1, 2, 3)
tu2 = (1, 2, 3)
print("equal tuples equal:", tu1 == tu2)
e1 = ()
e2 = tuple()
print("empty tuple singleton:", e1 is e2)
empty = ""
print("empty string singleton:", str() is empty, "a"[0:0] is empty)
print("None/True/False singletons:", type(None)() is None, bool(1) is True, bool(0) is False)
l1 = []
l2 = []
print("lists never shared:", l1 is l2, l1 == l2)
print("int() of int returns same:", int(x) is x, str(s) is s, tuple(tu1) is tu1)
print("list() copies:", list(l1) is l1)
print(f"frozen: {frozenset() == frozenset()}")
