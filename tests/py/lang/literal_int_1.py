# Integer literals in every base, with underscores, and int() parsing of the same spellings.
print(0, 00, 0_0, -0)
print(10, 0x10, 0o10, 0b10)
print(0XFF, 0O777, 0B1111, 0xdead_beef)
print(1_000_000, 0b_1010_1010, 0x_ff_ff, 0o_7_7)
print(int("1_000"), int("0x1f", 16), int("0x1f", 0), int("0b101", 0), int("0o17", 0))
print(int("  42  "), int("-17"), int("+8"), int("z", 36), int("ZZ", 36))
print(int("777", 8), int("1010", 2), int("ff", 16), int("FF", 16))
print(hex(255), oct(8), bin(5), hex(-255), bin(-5), oct(0))
print(int(3.99), int(-3.99), int(True), int(False))
print(type(0x10).__name__, type(1_0).__name__)
print(0 == -0, 0x10 == 16 == 0o20 == 0b10000)
# int() rejects misplaced underscores and bad digits
for s, base in [("1__0", 10), ("_1", 10), ("1_", 10), ("12", 2), ("0x", 16), ("", 10), ("1.5", 10)]:
    try:
        int(s, base)
        print("ok", s)
    except ValueError as e:
        print("ValueError:", e)
try:
    int("10", 1)
except ValueError as e:
    print("ValueError:", e)
print(int("  0b11  ", 0), int("-0x10", 0))
