# the math module: values, special cases and CPython's errors.
import math

def show(label, f):
    try:
        r = f()
        print(label, type(r).__name__, repr(r))
    except Exception as e:
        print(label, type(e).__name__, e)

print(math.pi, math.e, math.tau, math.inf, math.nan, -math.inf)
inf, nan = math.inf, math.nan
for name in ["sqrt", "exp", "expm1", "log", "log2", "log10", "log1p", "sin", "cos", "tan", "asin", "acos",
             "atan", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "fabs", "erf", "erfc",
             "degrees", "radians", "exp2", "cbrt"]:
    f = getattr(math, name)
    for x in [0, 1, -1, 0.5, 2, 10, 1000, -0.0, inf, -inf, nan, 2 ** 1100, "x"]:
        show("%s(%r)" % (name, x), lambda: f(x))

# gamma/lgamma: exact and error cases only (coil uses libm's tgamma/lgamma,
# whose last bits differ from CPython's own Lanczos code elsewhere).
for x in [0, -1, -2.0, 1, 2, 5, 10, 1000, -0.0, inf, -inf, nan, "x"]:
    show("gamma(%r)" % x, lambda: math.gamma(x))
for x in [0, -1, -2.0, 1, 2, 1e308 * 10, -inf, nan, "x"]:
    show("lgamma(%r)" % x, lambda: math.lgamma(x))

for x in [2.5, -2.5, 3, -0.0, 1e300, inf, nan, 2 ** 100]:
    show("floor(%r)" % x, lambda: math.floor(x))
    show("ceil(%r)" % x, lambda: math.ceil(x))
    show("trunc(%r)" % x, lambda: math.trunc(x))
    show("isfinite(%r)" % x, lambda: (math.isfinite(x), math.isinf(x), math.isnan(x)))
    show("frexp(%r)" % x, lambda: math.frexp(x))
    show("modf(%r)" % x, lambda: math.modf(x))

class Floors:
    def __floor__(self):
        return "floor!"

    def __ceil__(self):
        return "ceil!"

show("floor(obj)", lambda: math.floor(Floors()))
show("ceil(obj)", lambda: math.ceil(Floors()))
show("trunc(obj)", lambda: math.trunc(Floors()))
show("floor(str)", lambda: math.floor("x"))

for a, b in [(2, 3), (2.0, 0.5), (-8, 1 / 3), (0, -1), (0.0, 0), (-2, 3), (inf, 2), (2, inf), (nan, 0), (1, nan),
             (10, 400), (2, -1080), (-inf, 3), (0.5, -inf)]:
    show("pow(%r, %r)" % (a, b), lambda: math.pow(a, b))
for a, b in [(1, 2), (-1, -1), (0, 0), (1, -0.0), (inf, inf)]:
    show("atan2(%r, %r)" % (a, b), lambda: math.atan2(a, b))
for a, b in [(1, -2), (-0.0, 1), (3, -0.0), (nan, -1)]:
    show("copysign(%r, %r)" % (a, b), lambda: math.copysign(a, b))
for a, b in [(7, 3), (-7, 3), (7, -3), (7, 0), (inf, 2), (5, inf), (7.5, 2)]:
    show("fmod(%r, %r)" % (a, b), lambda: math.fmod(a, b))
    show("remainder(%r, %r)" % (a, b), lambda: math.remainder(a, b))
for a, b in [(1, 10), (-1.5, 3), (0.0, 5), (1, 2000), (1, -2000), (inf, 3), (1, 10 ** 30), (1, 1.5)]:
    show("ldexp(%r, %r)" % (a, b), lambda: math.ldexp(a, b))
show("log(8, 2)", lambda: math.log(8, 2))
show("log(100, 10)", lambda: math.log(100, 10))
show("log(10, 1)", lambda: math.log(10, 1))
show("log(2**1000)", lambda: math.log(2 ** 1000))
show("log(10**500, 10)", lambda: math.log(10 ** 500, 10))
show("log2(2**2000)", lambda: math.log2(2 ** 2000))
show("log10(10**400)", lambda: math.log10(10 ** 400))
show("log(-(10**400))", lambda: math.log(-(10 ** 400)))
show("log(0)", lambda: math.log(0))
show("log()", lambda: math.log())
show("sqrt()", lambda: math.sqrt())
show("sqrt(1, 2)", lambda: math.sqrt(1, 2))
show("atan2(1)", lambda: math.atan2(1))

for args in [(), (0,), (12, 18), (-12, 18), (0, 0), (2 ** 100, 2 ** 80 * 3), (12, 18, 27), (7, 1.5)]:
    show("gcd%r" % (args,), lambda: math.gcd(*args))
    show("lcm%r" % (args,), lambda: math.lcm(*args))
for n in [0, 1, 15, 16, 17, 10 ** 30, 2 ** 200 + 1, -1, 2.0, True]:
    show("isqrt(%r)" % n, lambda: math.isqrt(n))
for n in [0, 1, 5, 20, 30, -1, 2.0, 10 ** 30, True]:
    show("factorial(%r)" % n, lambda: math.factorial(n))
for n, k in [(5, 2), (10, 0), (10, 10), (10, 11), (100, 50), (-1, 2), (5, -1), (5.0, 2), (2 ** 70, 2), (True, True)]:
    show("comb(%r, %r)" % (n, k), lambda: math.comb(n, k))
    show("perm(%r, %r)" % (n, k), lambda: math.perm(n, k))
show("perm(5)", lambda: math.perm(5))
show("perm(5, None)", lambda: math.perm(5, None))

for data in [[0.1] * 10, [1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50], [1e-16, 1, 1e16], [], [inf, 1],
             [inf, -inf], [nan, 1], [1e308, 1e308], [1, 2, 3], [2 ** 1100]]:
    show("fsum(%r)" % (data,), lambda: math.fsum(data))
print(sum([0.1] * 10), math.fsum([0.1] * 10))
show("fsum(['a'])", lambda: math.fsum(["a"]))
for data, kw in [([1, 2, 3, 4], {}), ([], {}), ([2.5, 2], {}), ([1, 2], {"start": 10}), ([[1], 2], {}),
                 (range(1, 30), {}), (["ab", 3], {})]:
    show("prod(%r, %r)" % (data, kw), lambda: math.prod(data, **kw))
for args in [(3, 4), (1, 1, 1, 1), (), (5,), (-3,), (inf, nan), (nan, 3), (1e200, 1e200), (1e-320, 1e-320),
             (3, 4, 12), (0.1, 0.2, 0.3)]:
    show("hypot%r" % (args,), lambda: math.hypot(*args))
for p, q in [((0, 0), (3, 4)), ([1, 2, 3], [4, 6, 3]), ((1,), (1, 2)), ((), ()), ((1.5,), (-2.5,))]:
    show("dist(%r, %r)" % (p, q), lambda: math.dist(p, q))
for a, b, kw in [(1.0, 1.0 + 1e-10, {}), (1.0, 1.1, {}), (1.0, 1.1, {"rel_tol": 0.2}), (0.0, 1e-10, {}),
                 (0.0, 1e-10, {"abs_tol": 1e-9}), (inf, inf, {}), (inf, 1e308, {}), (nan, nan, {}),
                 (1, 1, {"rel_tol": -1})]:
    show("isclose(%r, %r, %r)" % (a, b, kw), lambda: math.isclose(a, b, **kw))
for x, y in [(1.0, 2.0), (1.0, 0.0), (0.0, -1.0), (inf, 0)]:
    show("nextafter(%r, %r)" % (x, y), lambda: math.nextafter(x, y))
for x in [1.0, 0.0, -2.5, 1e308, 5e-324, inf, nan, 1.7976931348623157e308]:
    show("ulp(%r)" % x, lambda: math.ulp(x))
print(type(math).__name__, math.__name__, callable(math.sqrt), math.sqrt)
