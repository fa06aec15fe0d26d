# Messages of common built-in errors: ZeroDivision, Index, Key, Attribute, Name, Value, Type (operands).
class Thing:
    pass
cases = [
    lambda: 1 / 0,
    lambda: 1 // 0,
    lambda: 5 % 0,
    lambda: 1.0 / 0,
    lambda: [1, 2][5],
    lambda: (1,)[-3],
    lambda: "abc"[10],
    lambda: {"a": 1}["b"],
    lambda: {}[("t", 1)],
    lambda: {}[1.5],
    lambda: Thing().missing,
    lambda: Thing.missing,
    lambda: (5).foo,
    lambda: "s".nope(),
    lambda: None.attr,
    lambda: undefined_name,
    lambda: int("x"),
    lambda: int("3.5"),
    lambda: float("abc"),
    lambda: [].pop(),
    lambda: [1].index(9),
    lambda: "abc".index("z"),
    lambda: [].remove(1),
    lambda: a_b_c,
    lambda: {}.popitem(),
    lambda: set().pop(),
    lambda: "x" + 1,
    lambda: 1 + "x",
    lambda: [] * [],
    lambda: {} + {},
    lambda: -"s",
    lambda: 3 < [],
    lambda: len(5),
    lambda: "%d" % "s",
    lambda: "{}{}".format(1),
    lambda: chr(-1),
    lambda: range(1, 2, 0),
]
for c in cases:
    try:
        c()
    except Exception as e:
        print(f"{type(e).__name__}: {e}")
