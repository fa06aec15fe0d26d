# __repr__ vs __str__: which one print/str/repr/f-strings/containers use, and the defaults.
class Both:
    def __repr__(self):
        return "Both(repr)"
    def __str__(self):
        return "both-str"
class OnlyRepr:
    def __repr__(self):
        return "OnlyRepr()"
class OnlyStr:
    def __str__(self):
        return "only-str"
b, r, s = Both(), OnlyRepr(), OnlyStr()
print(b, r, s)
print(str(b), repr(b), str(r), repr(r))
print([b, r], (b,), {"k": b}, {b: 1})
print(f"{b} {b!r} {r} {s}", "%s %r" % (b, b), "{} {!r}".format(b, b))
print(repr(s).startswith("<__main__.OnlyStr object at 0x"), repr(s).endswith(">"))
print(str(s) == "only-str", str([s])[:19])
class BadRepr:
    def __repr__(self):
        return 42
try:
    repr(BadRepr())
except TypeError as e:
    print("TypeError:", e)
class Money:
    def __init__(self, amount, cur="EUR"):
        self.amount = amount
        self.cur = cur
    def __repr__(self):
        return f"Money({self.amount!r}, {self.cur!r})"
    def __str__(self):
        return f"{self.amount:.2f} {self.cur}"
    def __format__(self, spec):
        if spec == "short":
            return f"{self.amount:g}{self.cur[0]}"
        return str(self)
m = Money(3.5)
print(m, repr(m), [m], f"{m:short}", f"{m}", format(m, ""))
print(repr(None), repr(True), repr(1.0), repr("s"), repr([None, True, 1.0, "s", (1,), {1: [2]}]))
class Child(Money):
    pass
print(repr(Child(1)), str(Child(2, "USD")))
class T:
    pass
print(str(T).replace("__main__.", ""), repr(T), T.__name__, repr(int), repr(len))
