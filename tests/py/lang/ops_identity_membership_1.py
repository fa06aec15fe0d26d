# is / is not / in / not in on builtins and custom classes; __contains__ and fallback to iteration/__eq__.
a = [1, 2, 3]
print(2 in a, 5 in a, 5 not in a, not 5 in a, [1, 2] in [[1, 2]], (1, 2) in [(1, 2)])
print("ell" in "hello", "" in "abc", "x" not in "abc", "lo" in "hello" in "hello world")
d = {"k": 1, 2: "v"}
print("k" in d, 1 in d, "v" in d, "v" in d.values(), ("k", 1) in d.items())
print(3 in range(5), 5 in range(5), 4 in range(0, 10, 2), 3 in range(0, 10, 2), 2.0 in range(3))
print(1 in {1, 2}, 1.0 in {1}, True in {1}, "a" in frozenset("abc"))
print(None is None, None is not None, type(None) is type(None), True is True)
x = None
print(x is None, x == None, not x)
class Eq:
    def __eq__(self, other):
        return True
print(Eq() in [1], 1 in [Eq()], Eq() in [])
class Box:
    def __init__(self, items):
        self.items = items
    def __contains__(self, item):
        print("  __contains__", item)
        return item in self.items
print(3 in Box([1, 3]), 4 not in Box([1, 3]))
class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10
print(20 in Seq(), 25 in Seq())
class It:
    def __iter__(self):
        return iter("xyz")
print("y" in It(), "w" in It())
nan = float("nan")
print(nan in [nan], nan in [float("nan")])
try:
    1 in 5
except TypeError as e:
    print("TypeError:", e)
try:
    [] in {}
except TypeError as e:
    print("TypeError:", e)
try:
    1 in "abc"
except TypeError as e:
    print("TypeError:", e)
