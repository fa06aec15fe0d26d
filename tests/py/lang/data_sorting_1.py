# sorted/list.sort with key, reverse, stability, multi-key sorts, sorting mixed numbers, custom __lt__.
people = [("bob", 25), ("alice", 30), ("carol", 25), ("dave", 30), ("eve", 22)]
print(sorted(people))
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
print(sorted(people, key=lambda p: (-p[1], p[0])))
by_name = sorted(people, key=lambda p: p[0])
print(sorted(by_name, key=lambda p: p[1]))
nums = [3, -1, 2.5, -7, 0, True]
nums.sort()
print(nums)
nums.sort(key=abs, reverse=True)
print(nums)
print(sorted("Hello World"), sorted("bca", reverse=True), sorted({3: "x", 1: "y"}), sorted((3, 1, 2)))
words = ["banana", "Apple", "cherry", "apple", "Banana"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len))
lst = [5, 3, 1]
r = lst.sort()
print(r, lst)
print(sorted([[2, 1], [1, 2], [1], []]), sorted([(1, "b"), (1, "a")]))
class V:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return self.v < other.v
    def __repr__(self):
        return f"V({self.v})"
print(sorted([V(3), V(1), V(2)]), max([V(3), V(5)], key=lambda x: x.v), min(V(4), V(2)))
stable = sorted([("x", 1), ("y", 1), ("z", 0), ("w", 1)], key=lambda t: t[1])
print(stable)
print(sorted([3, 1, 2], key=lambda x: 0), sorted([], reverse=True), sorted(range(5), key=lambda x: -x))
try:
    sorted([1, "a", 2])
except TypeError as e:
    print("TypeError:", e)
try:
    [V(1), 2].sort()
except TypeError as e:
    print("TypeError:", e)
d = {"x": 3, "y": 1, "z": 2}
print(sorted(d, key=d.get), sorted(d.items(), key=lambda kv: kv[1], reverse=True))
print(sorted(["a10", "a2", "a1"]), sorted(["a10", "a2", "a1"], key=lambda s: int(s[1:])))
