# f-strings: expressions, conversions !r !s !a, = debugging, nested format specs, braces.
name = "Ada"
n = 42
pi = 3.14159265
print(f"hello {name}! {n + 1} {name.upper()} {len(name)}")
print(f"{name!r} {name!s} {'é'!a} {n!r}")
print(f"{n=} {name=} {pi = :.2f} {n*2=}")
print(f"{{literal}} {{{n}}}")
print(f"{pi:.3f} {pi:10.2f}| {pi:<10.1f}| {n:05d} {n:x} {n:#x} {n:b} {n:o} {n:e}")
width, prec = 12, 4
print(f"[{pi:{width}.{prec}f}]", f"[{name:>{width}}]", f"[{name:^{width}}]", f"[{name:*<{width}}]")
print(f"{1000000:,} {1234567.891:,.2f} {1000000:_} {0.25:%} {0.25:.1%}")
print(f"{'nested ' + f'{n}'}", f"{[x * 2 for x in range(3)]}", f"{ {'a': 1}['a'] }")
d = {"key": "value"}
print(f"{d['key']}", f'{d["key"]}')
print(f"{3 if n > 10 else 4}", f"{(lambda x: x * 10)(5)}")
print(f"{n:+d} {-n:+d} {n: d} {-5:=+6d}")
print(f"{'abc':.2}", f"{12.5:g}", f"{1e20:g}", f"{0.0001:g}", f"{123456789:g}")
print(f"{None} {True} {[1, 'a']} {(1,)}")
class P:
    def __format__(self, spec):
        return f"P<{spec}>"
    def __repr__(self):
        return "P()"
print(f"{P():xyz} {P()!r} {P()}")
x = 10
print(f"{x = }", f"{x=!s}", f"{name=!r:>8}")
print(F"upper F {n}", rf"\n{n}", fr"{n}\t")
