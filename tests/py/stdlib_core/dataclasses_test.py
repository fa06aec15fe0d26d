from dataclasses import *
@dataclass
class A:
    x: int
    y: list = field(default_factory=list)
print(A(1), A(1) == A(1), A(1, [2]))
try: A()
except TypeError as e: print(e)
try:
    @dataclass
    class B:
        x: list = []
except ValueError as e: print(e)
@dataclass(frozen=True)
class F:
    x: int
try: F(1).x = 2
except FrozenInstanceError as e: print(repr(e))
try:
    @dataclass
    class C:
        x: int = 1
        y: int
except TypeError as e: print(e)
print(A.__init__.__qualname__, A.__repr__.__qualname__, A.__match_args__)
@dataclass(order=True)
class O:
    x: int
print(O(1) < O(2), sorted([O(3), O(1)]))
try: O(1) < 3
except TypeError as e: print(e)
print(replace(A(1), x=2), asdict(A(1,[A(2)])), astuple(A(1)))
try: replace(A(1), z=3)
except TypeError as e: print(e)
@dataclass
class P:
    a: int
    b: int = field(init=False, repr=False)
    def __post_init__(self):
        self.b = self.a * 2
print(P(2), P(2).b)
@dataclass(kw_only=True)
class K:
    a: int
    b: int = 0
print(K(a=1))
try: K(1)
except TypeError as e: print(e)
print(hash(F(1)) == hash((1,)), A.__hash__)
