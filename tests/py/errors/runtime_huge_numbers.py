# Huge and awkward numbers raise CPython's exceptions instead of crashing.
import math
for expr in ["10 ** 5000 > 0", "len(str(2 ** 10000))", "1 / 0", "10 ** -2", "int('9' * 5000)",
             "float(10 ** 400)", "2.0 ** 5000", "math.factorial(-1)",
             "divmod(7, 0)", "round(1e308 * 10)", "int(float('nan'))", "1 << -1", "[0] * (2 ** 62)"]:
    try:
        print(expr, "->", eval(expr))
    except Exception as e:
        print(expr, "->", type(e).__name__, e)
