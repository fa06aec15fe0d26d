# The iterator protocol: __iter__/__next__, __getitem__ fallback, iter/next.
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1

print(list(Countdown(3)), sum(Countdown(4)))

class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10

print(list(Seq()), 20 in Seq())
it = iter([1, 2])
print(next(it), next(it), next(it, "done"))
try:
    next(it)
except StopIteration:
    print("StopIteration")
try:
    iter(5)
except TypeError as e:
    print(e)
try:
    for _ in 3.5:
        pass
except TypeError as e:
    print(e)
print(list(zip([1, 2, 3], "ab")), list(map(str, range(3))), list(filter(None, [0, 1, "", "a"])))
print(list(reversed([1, 2, 3])), sorted("banana"), sorted([3, 1, 2], reverse=True))
print(min([4, 2, 8]), max("abc"), min([], default="empty"), max([1, -5], key=abs))
print(any(x > 2 for x in [1, 2, 3]), all([]), enumerate)
