# Annotations are stored in __annotations__ but never enforced; variable annotations at module and class level.
def f(a: int, b: "str" = "x", *args: float, key: bool = False, **kw: dict) -> list:
    return [a, b, args, key, kw]
print(f("not an int", 5))
print(f.__annotations__)
def g(x) -> None:
    return "returns anyway"
print(g(1), g.__annotations__)
def h():
    pass
print(h.__annotations__)
count: int = "a string"
declared_only: float
print(count, "declared_only" in globals(), __annotations__)
class Point:
    x: int
    y: int = 0
    label: str = "p"
print(Point.__annotations__, hasattr(Point, "x"), Point.y)
try:
    Point.x
except AttributeError as e:
    print("AttributeError:", e)
def local_ann():
    v: int = 5
    w: str
    return v, "w" in locals()
print(local_ann())
lam = lambda q: q
print(lam.__annotations__)
def uses_types(items: list[int], mapping: dict[str, int] = None) -> tuple[int, ...]:
    return tuple(items)
print(uses_types([1, 2]), uses_types.__annotations__["items"], uses_types.__annotations__["return"])
