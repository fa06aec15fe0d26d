# format() spec mini-language details: fill/align/sign/#/0/width/grouping/precision/type for int, float and str.
tests = [
    (42, "d"), (42, "5d"), (42, "<5d"), (42, "^5d"), (42, "05d"), (-42, "05d"), (42, "+d"), (42, " d"),
    (42, "x"), (42, "#X"), (42, "#o"), (42, "#b"), (1234567, ","), (1234567, "_d"), (0xABCDEF, "_x"),
    (3.14159, ".2f"), (3.14159, "8.3f"), (-3.14159, "+.1f"), (2.5, ".0f"), (3.5, ".0f"), (1e-7, "f"),
    (0.000012345, "e"), (12345.6789, ".3e"), (1234.5, "g"), (0.00001234, "g"), (1e16, "g"), (123456789.0, ".4g"),
    (0.5, "%"), (0.12345, ".1%"), (1.5, ""), (1e16, ""), (1e-5, ""), (float("inf"), "f"), (float("-inf"), "+"),
    (float("nan"), "e"), (-0.0, ".1f"), (-0.0, ""), (1.0, "n"), (1000000.0, ",.1f"),
    ("abc", ""), ("abc", "5"), ("abc", ">5"), ("abc", "^6"), ("abc", "-^7"), ("abc", ".1"), ("abc", "5.2"),
    (True, ""), (True, "d"), (True, ">6"), (None, ""), ([1, 2], ""), ((1,), "")
]
for value, spec in tests:
    print(f"{value!r:>14} {spec!r:>8} -> [{format(value, spec)}]")
for value, spec in [("abc", "d"), (1.5, "d"), (None, "d"), ([1], ">5"), (None, ">6"), (42, ".2d"), ("a", "=5")]:
    try:
        format(value, spec)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
