# Numeric and string conversions: int()/float()/str()/bool()/round(), truncation, strings with whitespace and signs.
print(int(7.9), int(-7.9), int("  12 "), int("-0"), int("+5"), int(True), int(2 ** 70 + 0.0) == 2 ** 70)
print(float(3), float("3"), float(" -1.25 "), float("1e-3"), float("inf"), float("+1E2"), float(False))
print(str(12), str(-0.5), str(1e22), str(1.0), str(True), str(None), str(10 ** 21), str(2.0 ** 0.5))
print(bool(0), bool(0.0), bool("0"), bool("False"), bool([None]), bool(-1), bool(1e-400))
print(round(3.7), round(-3.7), round(3.14159, 2), round(2.5), round(3.5), round(-2.5), round(10.0), type(round(10.0)).__name__)
print(round(123.456, -1), round(155, -1), round(145, -1), round(-155, -1), round(1.005, 2), round(0.125, 2))
print(int("1010", 2) + int("z", 36), int(float("12.9")), float(int("12")), str(int("007")))
print(1 + int("2") * float("1.5"), "3" + str(4), "5" * int("2"))
print(abs(-0), abs(-0.0), -0.0 == 0, str(-0.0), str(0.0 * -1), int(-0.0))
print(hex(int("255")), int(hex(255), 16), oct(int("8")), int("0o10", 8), bin(10)[2:], int(bin(10), 2))
print(ord("a") + 1, chr(ord("a") + 1), [ord(c) - ord("0") for c in "2024"], str(123)[::-1], int(str(123)[::-1]))
print(f"{int('42'):04d}", float("nan") != float("nan"), int(1e3), float(10 ** 3), 10 / 2 == 5, type(10 / 2).__name__)
for bad in ("", " ", "1 2", "1e5", "0b2", "12a"):
    try:
        int(bad)
    except ValueError as e:
        print("ValueError:", e)
for bad in ("", "1.2.3", "e5", "nanx"):
    try:
        float(bad)
    except ValueError as e:
        print("ValueError:", e)
print(int(" 1_000 "), float("1_000.5"), int("-1_0"))
