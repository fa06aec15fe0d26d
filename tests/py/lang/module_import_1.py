# import forms for builtin modules: import x, import x as y, from x import a, from x import a as b, module attributes.
import math
import sys
import math as m
from math import sqrt as s, pi, floor
from math import *
print(math.sqrt(16), m.sqrt(16), s(16), pi == math.pi, floor(2.7), ceil(2.1), m is math)
print(math.__name__, type(math).__name__, sys.__name__)
print(math.factorial(10), math.gcd(12, 18), math.isclose(0.1 + 0.2, 0.3), math.hypot(3, 4), math.e > 2.7)
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), math.fabs(-3), math.log(math.e), math.log10(1000), math.log2(8), math.log(8, 2))
print(math.pow(2, 10), math.exp(0), math.sin(0), math.cos(0), round(math.tan(math.pi / 4), 6), math.degrees(math.pi), math.radians(180) == math.pi)
print(math.inf > 0, math.isnan(math.nan), math.prod([1, 2, 3, 4]), math.fsum([0.1] * 10), math.comb(5, 2), math.perm(5, 2), math.isqrt(17))
print(type(sys.argv).__name__, isinstance(sys.argv[0], str), sys.version_info[:2] >= (3, 0), sys.version_info.major >= 3)
print(type(sys.path).__name__, "math" in sys.modules, sys.maxsize > 2 ** 31, type(sys.platform).__name__)
print(callable(sys.exit), sys.stdout is not None, sys.stderr is not None)
import math, sys
print(sys.modules["math"] is math)
def local_import():
    import math as inner_math
    from math import tau
    return inner_math.floor(tau)
print(local_import(), "inner_math" in globals())
try:
    import no_such_module_xyz
except ImportError as e:
    print(type(e).__name__, "|", e, "|", e.name)
try:
    from math import no_such_name
except ImportError as e:
    print(type(e).__name__, "|", str(e).split(" (")[0])
print(issubclass(ModuleNotFoundError, ImportError))
