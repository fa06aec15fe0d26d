# The builtins module's native functions: results and CPython's error messages.

def show(label, thunk):
    try:
        print(label, "->", repr(thunk()))
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)

# len / abs / callable / hash / id
show("len list", lambda: len([1, 2, 3]))
show("len str", lambda: len("héllo"))
show("len int", lambda: len(5))
show("len none", lambda: len())
show("abs", lambda: (abs(-3), abs(2.5), abs(-0.0), abs(True)))
show("abs str", lambda: abs("x"))
show("callable", lambda: (callable(len), callable(1), callable(int), callable(lambda: 0)))
show("hash eq", lambda: hash(1) == hash(1.0) == hash(True))
show("hash list", lambda: hash([]))
x = object()
show("id stable", lambda: id(x) == id(x))

# chr / ord / hex / oct / bin / format
show("chr", lambda: (chr(65), chr(0xe9), chr(0x1F600)))
show("chr range", lambda: chr(0x110000))
show("chr neg", lambda: chr(-1))
show("chr str", lambda: chr("a"))
show("ord", lambda: (ord("a"), ord("€"), ord(b"z")))
show("ord long", lambda: ord("ab"))
show("ord empty", lambda: ord(""))
show("ord int", lambda: ord(1))
show("hex", lambda: (hex(255), hex(-255), hex(0), hex(2**70)))
show("oct bin", lambda: (oct(8), oct(-8), bin(5), bin(-5), bin(0)))
show("hex float", lambda: hex(1.5))

class Idx:
    def __index__(self):
        return 10

show("hex index", lambda: (hex(Idx()), bin(Idx()), oct(Idx())))
show("format", lambda: (format(255, "x"), format(3.14159, ".2f"), format("ab", ">5"), format(7)))
show("format bad", lambda: format(1, 2))

# round / divmod / pow
show("round", lambda: (round(2.5), round(3.5), round(-2.5), round(2.675, 2), round(1234, -2), round(7)))
show("round none", lambda: round(1.5, None))
show("round str", lambda: round("a"))
show("round kw", lambda: round(number=2.567, ndigits=1))
show("divmod", lambda: (divmod(7, 2), divmod(-7, 2), divmod(7.5, 2)))
show("divmod str", lambda: divmod(1, "a"))
show("divmod 1 arg", lambda: divmod(1))

class D:
    def __divmod__(self, other):
        return ("D.divmod", other)
    def __rdivmod__(self, other):
        return ("D.rdivmod", other)

show("divmod user", lambda: (divmod(D(), 1), divmod(1, D())))
show("pow", lambda: (pow(2, 10), pow(2, -1), pow(2, 10, 1000), pow(3, -1, 7)))
show("pow kw", lambda: pow(base=2, exp=3, mod=5))
show("pow mod str", lambda: pow(2, 3, "a"))
show("pow missing", lambda: pow(1))

# min / max
show("max", lambda: (max([3, 1, 2]), max(3, 1, 2), max("abc"), max([1, 2], [3])))
show("min", lambda: (min([3, 1, 2]), min(3, 1, 2), min("abc")))
show("max key", lambda: (max(["bb", "a", "cc"], key=len), min(["bb", "a", "cc"], key=len)))
show("max default", lambda: (max([], default=None), min((), default=5)))
show("max empty", lambda: max([]))
show("min empty iter", lambda: min(iter([])))
show("max none", lambda: max())
show("max int", lambda: max(1))
show("max default multi", lambda: max(1, 2, default=3))
show("min badkw", lambda: min(1, 2, foo=3))
show("max mixed", lambda: max(1, "a"))
show("max key none", lambda: max([1, 3, 2], key=None))

# sum
show("sum", lambda: (sum([1, 2, 3]), sum([1, 2], 10), sum([], 5), sum(range(101))))
show("sum floats", lambda: (sum([0.1] * 10), sum([1, 2.5, True]), sum([2**62, 2**62, 1.0])))
show("sum big", lambda: sum([2**63, 2**63, -1]))
show("sum lists", lambda: sum([[1], [2, 3]], []))
show("sum start kw", lambda: sum([1, 2], start=0.5))
show("sum str", lambda: sum(["a", "b"], ""))
show("sum bytes", lambda: sum([b"a"], b""))
show("sum bytearray", lambda: sum([], bytearray()))
show("sum noarg", lambda: sum())
show("sum int", lambda: sum(5))
show("sum mixed", lambda: sum([1, "a"]))

# any / all / sorted
show("any all", lambda: (any([0, "", 3]), any([]), all([1, "a"]), all([1, 0]), all([])))
show("any int", lambda: any(5))
show("sorted", lambda: (sorted([3, 1, 2]), sorted("cab"), sorted([3, 1, 2], reverse=True)))
show("sorted key", lambda: sorted(["bb", "a", "ccc"], key=len, reverse=True))
show("sorted stable", lambda: sorted([(1, "b"), (0, "z"), (1, "a")], key=lambda t: t[0]))
show("sorted none", lambda: sorted())
show("sorted badkw", lambda: sorted([1], foo=1))
show("sorted mixed", lambda: sorted([1, "a"]))
data = [3, 1, 2]
s = sorted(data)
print("sorted copy", s, data, s is data)

# iter / next
it = iter([1, 2])
show("next", lambda: (next(it), next(it), next(it, "done")))
show("next exhausted", lambda: next(it))
show("next int", lambda: next(1))
show("iter int", lambda: iter(1))
show("iter 2 bad", lambda: iter(1, 2))
show("iter none", lambda: iter())

# isinstance / issubclass
show("isinstance", lambda: (isinstance(1, int), isinstance(True, int), isinstance(1, (str, float)), isinstance("a", (int, (str,)))))
show("isinstance bad", lambda: isinstance(1, 2))
show("isinstance 1 arg", lambda: isinstance(1))
show("issubclass", lambda: (issubclass(bool, int), issubclass(int, bool), issubclass(KeyError, LookupError)))
show("issubclass bad 1", lambda: issubclass(1, int))
show("issubclass bad 2", lambda: issubclass(int, 1))

# attributes
class C:
    cls_attr = 1
    def __init__(self):
        self.a = 1

c = C()
show("getattr", lambda: (getattr(c, "a"), getattr(c, "missing", 42), getattr(c, "cls_attr")))
show("getattr missing", lambda: getattr(c, "missing"))
show("getattr nonstr", lambda: getattr(c, 1))
show("getattr 1 arg", lambda: getattr(c))
show("hasattr", lambda: (hasattr(c, "a"), hasattr(c, "b"), hasattr(1, "real")))
setattr(c, "b", 2)
show("setattr", lambda: c.b)
delattr(c, "b")
show("delattr", lambda: hasattr(c, "b"))
show("delattr missing", lambda: delattr(c, "zzz"))
show("setattr int", lambda: setattr(1, "x", 2))
show("vars", lambda: vars(c))
show("vars int", lambda: vars(1))
show("dir", lambda: [n for n in dir(c) if not n.startswith("__")])

class WithDir:
    def __dir__(self):
        return ["zeta", "alpha", "mid"]

show("dir custom", lambda: dir(WithDir()))

# repr / ascii
show("repr", lambda: (repr("a'b"), repr([1, "x"]), repr(None)))
show("ascii", lambda: (ascii("é"), ascii(["ü", 1]), ascii("plain")))

# exit / quit raise SystemExit
for f in (exit, quit):
    try:
        f(3)
    except SystemExit as e:
        print("SystemExit", e.code)
try:
    exit()
except SystemExit as e:
    print("SystemExit", e.code)

# constants
print(__debug__, None, Ellipsis, NotImplemented, True, False)
print(IOError is OSError, EnvironmentError is OSError)
