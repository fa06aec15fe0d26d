# float: repr, arithmetic sign rules, conversions, methods, parsing, rounding.
def show(label, f):
    try:
        r = f()
        print(label, type(r).__name__, repr(r))
    except Exception as e:
        print(label, type(e).__name__, e)

inf = float("inf")
nan = float("nan")
for v in [0.0, -0.0, 1.0, 0.1, 0.1 + 0.2, 1 / 3, 2 / 3, 1e16, 1e15, 123456789012345.67, 1e-4, 1e-5, 1e22,
          1.7976931348623157e308, 5e-324, 2.2250738585072014e-308, 100.0, 1234567890123456.7, 4.35, inf, -inf,
          nan, 9007199254740993.0, 1e300 * 10, -1e-320]:
    print(repr(v), str(v), v)

for a in [7.5, -7.5, 0.0, -0.0, 3.0, inf, -inf, 1e300]:
    for b in [2.0, -2.0, 0.5, inf, -inf, 3]:
        print(a, b, a + b, a - b, a * b, a / b, a // b, a % b, divmod(a, b))
show("1.0/0", lambda: 1.0 / 0)
show("1.0//0.0", lambda: 1.0 // 0.0)
show("1.0%0", lambda: 1.0 % 0)
show("divmod(1.0,0)", lambda: divmod(1.0, 0))
show("0.0**-1", lambda: 0.0 ** -1)
show("10.0**400", lambda: 10.0 ** 400)
show("(-2.0)**3", lambda: (-2.0) ** 3)
show("(-2.0)**-2", lambda: (-2.0) ** -2)
show("2.0**-1074", lambda: 2.0 ** -1074)
show("2.0**-1080", lambda: 2.0 ** -1080)
show("(-1.0)**1e300", lambda: (-1.0) ** 1e300)
show("inf**0", lambda: inf ** 0)
show("nan**0", lambda: nan ** 0)
show("1**nan", lambda: 1.0 ** nan)
show("(-inf)**3", lambda: (-inf) ** 3)
show("(-inf)**-3", lambda: (-inf) ** -3)
show("0.5**-inf", lambda: 0.5 ** -inf)
show("pow(2.0, 0.5)", lambda: pow(2.0, 0.5))
show("1.0 + 10**400", lambda: 1.0 + 10 ** 400)
show("2**1100 * 1.0", lambda: 2 ** 1100 * 1.0)
show("-x", lambda: -(0.0))
print(-0.0 == 0.0, nan == nan, nan != nan, inf > 1e308, -inf < -1e308, 0.1 + 0.2 == 0.3)
print(1.5 < 2, 2 ** 53 + 1 > 9007199254740992.0, 1e308 < 10 ** 309, sorted([2.5, -1, 3, 0.0, -0.5]))

# conversions
for s in ["1.5", "  -2.25e3 ", "1_0.5", "1__0.5", "inf", "-Infinity", "nan", "+NaN", ".5", "5.", ".", "1e",
          "1e-3", "1_e3", "1e1_0", "x", "", "0x10", "1e500", "-1e500", "1e-500", "\u20031.25\u2003", "in f",
          "1.5j", "١.٥"]:
    show("float(%r)" % s, lambda: float(s))
show("float()", lambda: float())
show("float(3)", lambda: float(3))
show("float(True)", lambda: float(True))
show("float(10**400)", lambda: float(10 ** 400))
show("float(2**53+1)", lambda: float(2 ** 53 + 1))
show("float([])", lambda: float([]))
show("float(None)", lambda: float(None))
show("float(x=1)", lambda: float(x=1))
show("float(b'2.5')", lambda: float(b"2.5"))

class F:
    def __float__(self):
        return 2.5

class I:
    def __index__(self):
        return 3

class Bad:
    def __float__(self):
        return 1

show("float(F())", lambda: float(F()))
show("float(I())", lambda: float(I()))
show("float(Bad())", lambda: float(Bad()))

class MyFloat(float):
    pass

mf = MyFloat(1.25)
print(type(mf).__name__, mf, type(mf * 2).__name__, mf == 1.25, MyFloat("2.5"), MyFloat())

# methods
for v in [0.0, -0.0, 1.5, -2.75, 1e300, 5e-324, 0.1, 3.0]:
    print(v, v.is_integer(), v.as_integer_ratio(), v.hex(), v.conjugate(), v.real, v.imag, int(v),
          v.__trunc__(), v.__floor__(), v.__ceil__())
print(inf.is_integer(), nan.is_integer(), inf.hex(), nan.hex())
show("inf ratio", lambda: inf.as_integer_ratio())
show("nan ratio", lambda: nan.as_integer_ratio())
for s in ["0x1.8p1", "-0x1p-1074", "1.8p1", "0x.8", "inf", "-nan", "0x1p2000", "zz", "0x1.ffffffffffffffp1023"]:
    show("fromhex(%r)" % s, lambda: float.fromhex(s))
print(float.fromhex((0.1).hex()) == 0.1, MyFloat.fromhex("0x1p1"), type(MyFloat.fromhex("0x1p1")).__name__)
show("floor inf", lambda: inf.__floor__())
show("int(nan)", lambda: int(nan))

# round
for v in [0.5, 1.5, 2.5, -0.5, -1.5, 2.675, 1.005, 0.125, 1234.5678, -1234.5678, 1e300, 5e-324, -0.0, 1250.0,
          1250.0000001, 12345678.9]:
    print(v, round(v), [round(v, n) for n in (0, 1, 2, -1, -2, -3, 400, -400)])
show("round(inf)", lambda: round(inf))
show("round(nan)", lambda: round(nan))
show("round(inf, 2)", lambda: round(inf, 2))
show("round(1.7976931348623157e308, -308)", lambda: round(1.7976931348623157e308, -308))
show("round(1.5, 1.0)", lambda: round(1.5, 1.0))

# hashing
for v in [0.0, -0.0, 1.0, 1.5, -1.5, 1e100, 2.0 ** 61, 2.0 ** 64, 1e-300, inf, -inf, 0.1]:
    print(v, hash(v))
print(hash(nan) == hash(nan), hash(1.0) == hash(1), hash(2.0 ** 80) == hash(2 ** 80))
