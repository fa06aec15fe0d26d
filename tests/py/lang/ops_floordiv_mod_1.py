# // and % follow floor semantics with negatives (sign of divisor); math.fmod differs.
import math
pairs = [(7, 3), (-7, 3), (7, -3), (-7, -3), (0, 5), (6, 3), (-6, 3), (1, 10), (-1, 10)]
for a, b in pairs:
    q, r = a // b, a % b
    print(f"{a:>3} // {b:>3} = {q:>3}   {a:>3} % {b:>3} = {r:>3}   check {q * b + r == a}")
for a, b in [(7.5, 2), (-7.5, 2), (7.5, -2), (-0.5, 1), (5, 0.3)]:
    print(a, b, a // b, a % b, divmod(a, b))
print(math.fmod(-7, 3), math.fmod(7, -3), -7 % 3, 7 % -3)
print(-1 // 2, -(1 // 2), int(-1 / 2), round(-1 / 2))
print(10 ** 20 // -3, 10 ** 20 % -3, -(10 ** 20) // 7, -(10 ** 20) % 7)
print(True // 2, True % 2, 5 // True)
print(-7 // 2 * 2 + -7 % 2)
print(["%d" % (i % 3) for i in range(-4, 5)])
x = -17
x //= 5
print(x)
x %= 3
print(x)
ops = {"//": lambda a, b: a // b, "%": lambda a, b: a % b}
for a, b in [(1, 0), (1.0, 0), (1, 0.0)]:
    for op in ("//", "%"):
        try:
            ops[op](a, b)
        except ZeroDivisionError as e:
            print(f"{a!r} {op} {b!r}: {e}")
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print("divmod:", e)
