# ** is right-associative, binds tighter than unary minus on its left, negative exponents give floats.
print(2 ** 3 ** 2, (2 ** 3) ** 2, 2 ** (3 ** 2))
print(-2 ** 2, (-2) ** 2, -2 ** -2, 2 ** -1, 10 ** -2, type(2 ** -1).__name__)
print(2 ** -2 ** 2, 2 ** 0, 0 ** 0, 0.0 ** 0, (-8) ** 0)
print(4 ** 0.5, 8 ** (1 / 3), (-8) ** 2, (-1) ** 101, (-1) ** 100)
print(pow(2, 10), pow(2, -1), pow(2, 10, 1000), pow(-2, 3, 5), pow(3, -1, 7))
print(2.0 ** 3, type(2.0 ** 3).__name__, 1.5 ** 2, True ** 5, False ** 0)
print(10 ** 18, 10 ** 19, 2 ** 62 * 4)
print(round(27 ** (1 / 3), 9), 2 ** 0.5 * 2 ** 0.5, 9 ** -0.5)
x = 3
x **= 2
print(x)
x **= -1
print(x)
try:
    0 ** -1
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    0.0 ** -1
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    pow(2, 3.0, 5)
except TypeError as e:
    print("TypeError:", e)
try:
    pow(2, -1, 4)
except ValueError as e:
    print("ValueError:", e)
print([2 ** i for i in range(-2, 5)])
print(-3 ** 2 * 2, 2 * -3 ** 2, not 2 ** 0 - 1)
