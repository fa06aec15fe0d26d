# Object creation: __init__ called once per instance, __init__ must return None, __new__ runs first, defaults and chains.
class Traced:
    def __new__(cls, *args):
        print("  __new__", cls.__name__, args)
        return super().__new__(cls)
    def __init__(self, v):
        print("  __init__", v)
        self.v = v
t = Traced(5)
print(t.v)
class BadInit:
    def __init__(self):
        return 42
try:
    BadInit()
except TypeError as e:
    print("TypeError:", e)
class Singleton:
    _inst = None
    def __new__(cls):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
print(Singleton() is Singleton())
class NotMine:
    def __new__(cls):
        return 7
    def __init__(self):
        print("  never called because __new__ returned an int")
print(NotMine())
class Point:
    def __init__(self, x=0, y=0, *, label=None):
        self.x = x
        self.y = y
        self.label = label or f"P{x}{y}"
    def __repr__(self):
        return f"Point({self.x}, {self.y}, {self.label!r})"
print(Point(), Point(1), Point(1, 2, label="L"), Point(y=9))
class Stack:
    def __init__(self, items=None):
        self.items = list(items) if items is not None else []
    def push(self, v):
        self.items.append(v)
        return self
s1 = Stack()
s2 = Stack()
s1.push(1).push(2)
print(s1.items, s2.items, Stack("ab").items)
class Account:
    interest = 0.02
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.history = []
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("amount must be positive")
        self.balance += amount
        self.history.append(("dep", amount))
acct = Account("ann")
acct.deposit(50)
try:
    acct.deposit(-1)
except ValueError as e:
    print("ValueError:", e)
print(acct.owner, acct.balance, acct.history, acct.interest)
obj = object()
try:
    obj.attr = 1
except AttributeError as e:
    print("AttributeError:", e)
