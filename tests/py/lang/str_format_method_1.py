# str.format: positional/auto/keyword fields, attribute and index access, conversions, nested specs, errors.
print("{} {}".format("a", "b"), "{1} {0} {1}".format("a", "b"), "{x}-{y}".format(x=1, y=2))
print("{0[0]} {0[1]} {1[key]}".format([10, 20], {"key": "v"}), "{.__name__}".format(int))
class P:
    def __init__(self):
        self.x = 3
        self.items = ["i0"]
print("{p.x} {p.items[0]}".format(p=P()))
print("{!r} {!s} {!a}".format("s", "s", "ñ"), "{0!r:>6}".format("q"))
print("{:>8}|{:<8}|{:^8}|{:*^9}|{:08.3f}".format("r", "l", "c", "mid", 3.14159))
print("{:,} {:_} {:.2%} {:+.1e} {:x} {:#b} {:o} {:c}".format(1234567, 1234567, 0.256, 12345.0, 255, 5, 8, 97))
print("{:{w}.{p}f}|{:{fill}>{w}}".format(2.71828, "z", w=8, p=2, fill="."))
print("{{}} {{{}}}".format(5), "{0}{0}".format("ab"), "{}".format(None), "{}".format([1, "x"]))
d = {"a": 1, "b": 2}
print("{a} and {b}".format(**d), "{0} {k}".format(*["pos"], k="kw"), "{:d}".format(True))
print("{:5}|{:5}|{:<5}|{:>5}".format(42, "s", 42, "s"))
print("{:=+8d}|{:=8d}|{: d}|{:-d}".format(42, -42, 42, -42))
print("{:.3}|{:.3}|{:.3g}|{:.0e}".format("abcdef", 3.14159, 1234.5, 5000))
print("{:g} {:g} {:g} {:g} {:G}".format(100000.0, 1000000.0, 1e-4, 1e-5, 1e-5), format(1.0, "g"), format(10.0), format(3, ".2f"))
print(format(1234.5, ",.2f"), format("txt", "^7"), format(255, "08b"), format(-1, "x"), format(0.1, ".20f"))
for fmt, args, kwargs in [("{} {}", (1,), {}), ("{0} {}", (1, 2), {}), ("{missing}", (), {}), ("{:d}", ("s",), {}), ("{0.nope}", (1,), {}), ("{", (), {})]:
    try:
        print(fmt.format(*args, **kwargs))
    except (IndexError, KeyError, ValueError, AttributeError) as e:
        print(type(e).__name__ + ":", e)
print("{:>10}".format(True), "{}".format(True), "{:10}".format(1.5) + "|", "{:<10}".format(1.5) + "|")
