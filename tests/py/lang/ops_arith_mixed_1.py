# Arithmetic on int/float/bool mixes: result types, true division always float, bool as int.
vals = [3, -3, 2.5, True, False]
for a in vals:
    row = []
    for b in vals:
        try:
            r = a + b, a - b, a * b
            row.append("%s" % (r,))
        except Exception as e:
            row.append(type(e).__name__)
    print(repr(a), " ".join(row))
print(True + True, True * 10, -True, +False, ~True, True / 2, type(True + 1).__name__)
print(7 / 2, 8 / 2, -7 / 2, type(8 / 2).__name__, 1 / 3 * 3)
print(3 * 1.0, type(3 * 1.0).__name__, 2 ** 0.5, 4 ** 0.5, 10 - 0.1)
print(-5, - -5, +-5, -(-5), --5, +(+5))
print(1 + 2 * 3 - 4 / 2, (1 + 2) * 3, 2 * 3 ** 2, -2 ** 2, (-2) ** 2)
print(abs(-7), abs(-7.5), abs(True), abs(0), abs(-0.0))
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5), divmod(True, 2))
print(5 * "ab", [0] * 3, (1, 2) * 2, "ab" * 0, [1] * -1, True * "x")
print(int("3") + float("1.5"), str(3) + str(4.0))
for op in (lambda: 1 + "a", lambda: "a" - "b", lambda: [1] + (2,), lambda: 1 / 0, lambda: 1 % 0, lambda: 1.5 // 0, lambda: "a" * 2.0, lambda: None + 1):
    try:
        op()
    except (TypeError, ZeroDivisionError) as e:
        print(type(e).__name__ + ":", e)
