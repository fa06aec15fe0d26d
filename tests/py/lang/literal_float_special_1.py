# inf and nan: creation, repr, comparisons, arithmetic and conversion errors.
import math
inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, float("-inf"), float("Infinity"), float("NaN"), float("-nan"))
print(repr(inf), str(nan), math.inf == inf, math.isnan(math.nan))
print(inf > 1e308, -inf < -1e308, inf == inf, inf + 1 == inf, inf - inf)
print(nan == nan, nan != nan, nan < 1, nan > 1, nan is nan)
print(inf * 0, inf * -1, 1 / inf, -1 / inf)
print(math.isinf(inf), math.isinf(1e308 * 10), math.isfinite(1e308), math.isfinite(nan))
print(1e308 * 10, -1e308 * 10, 1e-320, 1e-400)
L = [nan]
print(nan in L, L == L, [float("nan")] == [float("nan")])
print(max(1.0, inf), min(-inf, 0), sorted([3.0, inf, -inf, 0.0]))
for f in (lambda: int(inf), lambda: int(nan), lambda: 1 / 0.0, lambda: 10 ** 400 / 1.0, lambda: float(10 ** 400), lambda: math.sqrt(-1)):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ":", e)
print(float("inf") == 10 ** 400, 10 ** 400 < inf)
print(math.copysign(1.0, -0.0), math.floor(2.5), math.ceil(-2.5), type(math.floor(2.5)).__name__)
print(hash(inf), hash(-inf), hash(0.0) == hash(-0.0) == hash(0))
print(f"{inf:.2f} {nan:10} {-inf:e}")
