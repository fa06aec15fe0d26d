# Arbitrary precision integers: arithmetic, powers, conversions, comparison with floats.
a = 2 ** 100
print(a)
print(a * a)
print(-a, abs(-a), a // 3, a % 7, -a // 3, -a % 7)
print(10 ** 30 + 1, 10 ** 30 - 1)
print(99999999999999999999 + 1)
print(123456789012345678901234567890 * 987654321098765432109876543210)
print(a >> 90, a << 10, a & 0xFFFF, a | 1, a ^ a)
print(divmod(10 ** 25, 7), divmod(-10 ** 25, 7))
print(hex(2 ** 64), bin(2 ** 70)[:12], len(str(2 ** 1000)))
print(int("9" * 40) + 1)
f = 1
for i in range(1, 31):
    f *= i
print("30! =", f)
print(2 ** 63, -(2 ** 63), 2 ** 63 - 1, 2 ** 64 + 2 ** 63)
print(float(2 ** 60), 2 ** 53 + 1 == float(2 ** 53 + 1), 2 ** 53 == float(2 ** 53))
print(10 ** 20 > 1e19, 10 ** 20 == 1e20, 10 ** 400 > 1e308)
print((2 ** 100).bit_length(), (255).bit_length(), (0).bit_length(), (-8).bit_length())
print(pow(3, 200, 1000), pow(2, 10 ** 5, 97))
print(-(-(2 ** 70)) == 2 ** 70, (2 ** 70) // (2 ** 69), (2 ** 70) / (2 ** 69))
print(sum(range(10 ** 6)))
print(int(str(7 ** 77)) == 7 ** 77)
