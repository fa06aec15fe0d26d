# __call__ makes instances callable; __bool__ and __len__ drive truthiness in if/while/not/and/or.
class Multiplier:
    def __init__(self, k):
        self.k = k
    def __call__(self, x, *, times=1):
        return x * self.k * times
double = Multiplier(2)
print(double(5), double(5, times=3), callable(double), callable(Multiplier), list(map(double, [1, 2])))
class Counter:
    def __init__(self):
        self.n = 0
    def __call__(self):
        self.n += 1
        return self.n
c = Counter()
c(); c()
print(c(), c.n)
class Flag:
    def __init__(self, on):
        self.on = on
    def __bool__(self):
        return self.on
print(bool(Flag(True)), bool(Flag(False)), not Flag(False), Flag(False) or "alt", Flag(True) and "then")
if Flag(False):
    print("no")
else:
    print("Flag(False) is falsy in if")
class Countdown:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
cd = Countdown(3)
while cd:
    print("len", len(cd))
    cd.n -= 1
class Both:
    def __bool__(self):
        return True
    def __len__(self):
        return 0
print(bool(Both()), len(Both()))
class Adder:
    def __init__(self):
        self.total = 0
    def __call__(self, *nums):
        self.total += sum(nums)
        return self
a = Adder()
print(a(1)(2, 3)(4).total)
class NotCallable:
    pass
try:
    NotCallable()()
except TypeError as e:
    print("TypeError:", e)
class StaticCall:
    __call__ = staticmethod(lambda: "static call")
print(StaticCall()())
print(any([Flag(False), Flag(True)]), all([Flag(True), Countdown(1)]), [bool(x) for x in (Flag(False), Countdown(0), Countdown(2))])
