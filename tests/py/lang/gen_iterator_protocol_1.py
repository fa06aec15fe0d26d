# Custom iterators with __iter__/__next__ vs re-iterable classes; iter() with a sentinel; for loop calls iter once.
class CountDown:
    def __init__(self, start):
        self.n = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
c = CountDown(3)
print(list(c), list(c))
class Range2:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return iter(range(0, self.n, 2))
r = Range2(7)
print(list(r), list(r), 4 in r, sum(r))
class Tracked:
    def __iter__(self):
        print("  __iter__ called")
        return iter([1, 2])
for v in Tracked():
    print("item", v)
calls = iter([3, 2, 1, 0, 5])
print(list(iter(lambda: next(calls), 0)))
it = iter("abc")
print(next(it), next(it), next(it), next(it, "done"))
class BadIter:
    def __iter__(self):
        return 5
try:
    iter(BadIter())
except TypeError as e:
    print("TypeError:", e)
class NoNext:
    def __iter__(self):
        return self
try:
    for _ in NoNext():
        pass
except TypeError as e:
    print("TypeError:", e)
class Fib:
    def __init__(self, limit):
        self.limit = limit
    def __iter__(self):
        a, b = 0, 1
        while a < self.limit:
            yield a
            a, b = b, a + b
print(list(Fib(50)), list(zip(Fib(10), "abcdefgh")))
li = [1, 2, 3]
it = iter(li)
li.append(4)
print(list(it))
d = {"a": 1}
di = iter(d)
print(next(di), iter(di) is di, next(di, "end"), iter(li) is iter(li))
