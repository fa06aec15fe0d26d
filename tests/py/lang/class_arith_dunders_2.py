# In-place operators: += falls back to __add__ and rebinds, __iadd__ mutates; NotImplemented from both sides gives TypeError.
class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Vec({self.x}, {self.y})"
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)
a, b = Vec(1, 2), Vec(3, 4)
c = a
c += b
print(c, a, c is a)
class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, v):
        self.items.append(v)
        return self
    def __add__(self, v):
        return "plain add"
x = Acc()
y = x
x += 1
x += 2
print(x is y, x.items, x + 0)
class Num:
    def __init__(self, v):
        self.v = v
    def __radd__(self, o):
        return f"radd({o})"
    def __add__(self, o):
        return NotImplemented
print(5 + Num(1), [1] + Num(2), Num(0).__add__(1))
try:
    Num(1) + Num(2)
except TypeError as e:
    print("TypeError:", e)
lst = [1]
alias = lst
lst *= 3
print(lst, alias is lst)
tup = (1,)
talias = tup
tup *= 2
print(tup, talias, talias is tup)
class Money:
    def __init__(self, c):
        self.c = c
    def __sub__(self, o):
        print("  __sub__ used for -=")
        return Money(self.c - o.c)
    def __imul__(self, k):
        self.c *= k
        return self
    def __rtruediv__(self, o):
        return f"{o} / Money({self.c})"
m = Money(10)
m2 = m
m -= Money(3)
print(m.c, m2.c, m is m2)
m *= 4
print(m.c)
print(1 / Money(5))
try:
    m /= 2
except TypeError as e:
    print("TypeError:", e)
