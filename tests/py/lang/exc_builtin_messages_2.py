# TypeError messages for unhashable, not callable, not subscriptable, not iterable, item assignment, and unpacking ValueErrors.
class Thing:
    pass
vals = [5, None, Thing(), 1.5]
def setitem_str():
    s = "abc"
    s[0] = "x"
def setitem_tuple():
    t = (1,)
    t[0] = 2
def unpack_too_many():
    a, b = [1, 2, 3]
def unpack_too_few():
    a, b, c = [1, 2]
def unpack_int():
    a, b = vals[0]
def unpack_star():
    a, *b, c = [1]
def unpack_one():
    (x,) = ()
cases = [
    lambda: {[1]: 2},
    lambda: {[1]},
    lambda: hash({}),
    lambda: {{1}: 1},
    lambda: vals[0](),
    lambda: vals[2](),
    lambda: vals[0][0],
    lambda: vals[1][0],
    lambda: vals[2]["k"],
    lambda: Thing[0],
    lambda: [x for x in 5],
    lambda: list(vals[1]),
    lambda: iter(vals[2]),
    lambda: tuple(vals[3]),
    lambda: sum(["a", "b"]),
    setitem_str,
    setitem_tuple,
    unpack_too_many,
    unpack_too_few,
    unpack_int,
    unpack_star,
    unpack_one,
    lambda: [1, 2][vals[3]],
    lambda: [1, 2][str(0)],
    lambda: "abc"[None:"x"],
    lambda: dict([1, 2]),
    lambda: dict([(1, 2, 3)]),
    lambda: next(vals[0]),
    lambda: next(iter([])),
    lambda: ord("ab"),
    lambda: min([]),
    lambda: max(),
    lambda: int(None),
    lambda: float([]),
    lambda: sorted([1, "a"]),
]
for c in cases:
    try:
        c()
    except Exception as e:
        print(f"{type(e).__name__}: {e}")
