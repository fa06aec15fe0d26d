# int construction, conversion, text and methods.
def show(label, f):
    try:
        r = f()
        print(label, type(r).__name__, repr(r))
    except Exception as e:
        print(label, type(e).__name__, e)

for s in ["0", " 42 ", "-17", "+5", "1_000", "1__0", "_1", "1_", "", " ", "abc", "12.5",
          "\u00a012\u3000", "9" * 30, "-" + "9" * 30, "0x10", "٣"]:
    show("int(%r)" % s, lambda: int(s))
for s, b in [("ff", 16), ("0xff", 16), ("0xff", 0), ("0o17", 0), ("0b101", 0), ("017", 0), ("00", 0),
             ("0_0", 0), ("z", 36), ("Z", 36), ("12", 2), ("101", 2), ("0x_1f", 0), ("0b", 0), ("12", 1),
             ("12", 37), ("12", -1), ("10", 10 ** 20)]:
    show("int(%r, %r)" % (s, b), lambda: int(s, b))
show("int()", lambda: int())
show("int(base=2)", lambda: int(base=2))
show("int(1.5, 10)", lambda: int(1.5, 10))
show("int(x=1)", lambda: int(x=1))
show("int(3.99)", lambda: int(3.99))
show("int(-3.99)", lambda: int(-3.99))
show("int(1e20)", lambda: int(1e20))
show("int(inf)", lambda: int(float("inf")))
show("int(nan)", lambda: int(float("nan")))
show("int(True)", lambda: int(True))
show("int([])", lambda: int([]))
show("int(None)", lambda: int(None))
show("int(b'12')", lambda: int(b"12"))
show("int(b'1x')", lambda: int(b"1x"))
show("int('1'*5000)", lambda: int("1" * 5000))

class WithInt:
    def __int__(self):
        return 42

class WithIndex:
    def __index__(self):
        return 7

class WithTrunc:
    def __trunc__(self):
        return 9

class BadInt:
    def __int__(self):
        return "x"

show("int(WithInt())", lambda: int(WithInt()))
show("int(WithIndex())", lambda: int(WithIndex()))
show("int(BadInt())", lambda: int(BadInt()))
show("int('10', WithIndex())", lambda: int("10", WithIndex()))

class MyInt(int):
    def double(self):
        return self * 2

m = MyInt(21)
print(type(m).__name__, m, m.double(), type(m + 1).__name__, m == 21, isinstance(m, int))
print(MyInt("ff", 16), type(MyInt()).__name__, int(m), type(int(m)).__name__, hash(m) == hash(21))

# text
print(str(2 ** 100), repr(-(2 ** 64)), str(-0), hex(255), hex(-255), oct(8), bin(-5), bin(0))
print(hex(2 ** 70), oct(-(2 ** 66)), bin(2 ** 65 + 1))
show("str(10**5000)", lambda: str(10 ** 5000))
print(len(str(10 ** 4299)))
show("hex(10**5000)[:10]", lambda: hex(10 ** 5000)[:10])

# methods
for v in [0, 1, -1, 255, -256, 2 ** 64, -(2 ** 64) + 1]:
    print(v, v.bit_length(), v.bit_count(), v.as_integer_ratio(), v.conjugate(), v.real, v.imag,
          v.numerator, v.denominator)
print((5).__trunc__(), (5).__floor__(), (5).__ceil__(), (5).__index__(), (True).__index__())
for v, n in [(1234, -2), (1250, -2), (1350, -2), (-1250, -2), (15, -1), (25, -1), (5, -1), (1234, 2),
             (10 ** 20 + 5 * 10 ** 9, -10), (7, -100)]:
    print(v, n, round(v, n), type(round(v, n)).__name__)
print(round(7), round(-7, None))
print((1024).to_bytes(2, "big"), (1024).to_bytes(4, "little"), (-1).to_bytes(2, "big", signed=True))
print((255).to_bytes(), (0).to_bytes(0, "big"), (2 ** 64).to_bytes(9, "big"))
show("to_bytes overflow", lambda: (256).to_bytes(1, "big"))
show("to_bytes negative", lambda: (-1).to_bytes(1, "big"))
show("to_bytes signed overflow", lambda: (128).to_bytes(1, "big", signed=True))
show("to_bytes bad order", lambda: (1).to_bytes(1, "middle"))
show("to_bytes negative length", lambda: (1).to_bytes(-1, "big"))
print(int.from_bytes(b"\x00\x10", "big"), int.from_bytes(b"\x00\x10", "little"),
      int.from_bytes(b"\xff\xff", "big", signed=True), int.from_bytes([1, 2, 3], "big"), int.from_bytes(b""))
print(int.from_bytes(b"\x01" * 20, "little"), MyInt.from_bytes(b"\x05", "big"), type(MyInt.from_bytes(b"\x05")).__name__)
show("from_bytes str", lambda: int.from_bytes("ab", "big"))
show("from_bytes range", lambda: int.from_bytes([256], "big"))
show("is_integer", lambda: (1).is_integer())
show("bit_length arg", lambda: (1).bit_length(2))
print(divmod(7, -2), (7).__divmod__(2), (7).__rdivmod__(100), (7).__divmod__(2.0))
print(int.__add__(3, 4), (3).__radd__(4), (3).__add__(1.5), (3).__sub__(1))
print(int.__name__, type(5).__name__, isinstance(True, int), issubclass(bool, int))
