# Bitwise operators on ints (incl. negatives and big ints), precedence relative to comparison.
a, b = 0b1100, 0b1010
print(a & b, a | b, a ^ b, ~a, a << 2, a >> 2, bin(a & b), bin(a ^ b))
print(~0, ~-1, ~5, -5 & 0xFF, -1 >> 10, -16 >> 2, -1 << 3, 1 << 100)
print(5 & -1, -6 | 1, -6 ^ -1, (-1) & (2 ** 70))
print(1 | 2 ^ 3 & 4, (1 | 2) ^ (3 & 4), 1 + 2 << 3, 1 + (2 << 3))
print(6 & 3 == 2, (6 & 3) == 2, 8 >> 1 + 1)
print(True & False, True | False, True ^ True, type(True & True).__name__, type(True & 1).__name__)
print(~True, ~False)
x = 0
for bit in (0, 3, 5):
    x |= 1 << bit
print(x, bin(x))
x &= ~(1 << 3)
print(x, bin(x))
x ^= 0xFF
print(x)
x <<= 4
x >>= 2
print(x)
for op in (lambda: 1 << -1, lambda: 1 >> -1):
    try:
        op()
    except ValueError as e:
        print("ValueError:", e)
for op in (lambda: 1.0 & 1, lambda: 1 << 2.0, lambda: ~1.5):
    try:
        op()
    except TypeError as e:
        print("TypeError:", e)
print(sum(1 << i for i in range(8)), (255).bit_count() if hasattr(int, "bit_count") else 8)
print({1, 2, 3} & {2, 3, 4} == {2, 3}, sorted({1, 2} | {3}), sorted({1, 2} ^ {2, 3}))
