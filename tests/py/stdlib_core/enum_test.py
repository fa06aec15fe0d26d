from enum import *
class P(Flag):
    R=4; W=2; X=1
print(repr(P.R|P.W), str(P.R|P.W), repr(P(0)), str(P(0)), list(P.R|P.X), P.R in P.R|P.W, ~P.R, len(P), list(P), bool(P(0)))
class I(IntFlag):
    A=1; B=2
print(repr(I.A|I.B), str(I.A|I.B), I.A|4, repr(I(8)), format(I.A), f'{I.A}')
class C(Enum):
    RED=1; GREEN=2; ALIAS=1
print(C.ALIAS, list(C), C.__members__, len(C), C(1), C['RED'], repr(C.RED), C.RED.name, C.RED.value)
try: C(5)
except ValueError as e: print(e)
try: C['X']
except KeyError as e: print(repr(e))
try: C.RED = 3
except AttributeError as e: print(e)
try: C.RED.name = 3
except AttributeError as e: print(e)
class N(IntEnum):
    ONE=1; TWO=auto()
print(repr(N.TWO), str(N.TWO), N.ONE + 1, N.ONE == 1, f'{N.ONE}', format(C.RED), f'{C.RED}')
class S(StrEnum):
    A=auto()
print(repr(S.A), str(S.A), S.A == 'a')
E = Enum('E', 'X Y')
print(list(E), E.X, repr(E.Y), type(C), C.RED in C, hash(C.RED)==hash('RED'), C.__class__.__name__)
print(C.RED.__reduce_ex__(4), C, P, isinstance(C.RED, C), C.RED is C(1))
class Planet(Enum):
    EARTH = (5.97, 6.37)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
    @property
    def g(self): return self.mass / self.radius
print(Planet.EARTH.mass, Planet.EARTH.value, round(Planet.EARTH.g, 3))
class Color(Enum):
    RED = auto(); GREEN = auto()
    def describe(self): return f"{self.name}={self.value}"
print(Color.GREEN.describe(), {Color.RED: 1}, sorted(N), N.ONE < N.TWO)
try:
    @unique
    class U(Enum):
        A = 1; B = 1
except ValueError as e: print(e)
import copy
print(copy.deepcopy(C.RED) is C.RED)
