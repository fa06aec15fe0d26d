# Comparison chains evaluate each operand once and short-circuit; mixed-type comparisons.
calls = []
def v(x):
    calls.append(x)
    return x
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1 > 0, 1 == 1.0 == True, 1 < 2 > 0)
print(v(1) < v(5) < v(3), calls)
calls.clear()
print(v(5) < v(1) < v(3), calls)
calls.clear()
print(v(1) < v(2) == v(2) != v(3), calls)
x = 5
print(0 <= x < 10, 0 < x <= 4, x == 5 != 6, 1 < x in [5])
print("abc" < "abd", "Z" < "a", "" < "a", "ab" < "abc", "b" > "abc")
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], (1, "a") < (1, "b"), (2,) > (1, 99))
print([] == [], [] is [], () == (), [1] == (1,), {1: 2} == {1: 2}, {1, 2} == {2, 1})
print(1 == 1.0, 1 == "1", None == 0, None == None, True == 1, 2 == True)
print({1, 2} < {1, 2, 3}, {1, 2} <= {1, 2}, {1, 2} < {1, 2}, {3} > set())
for op in (lambda: 1 < "a", lambda: [1] < (1,), lambda: None < None, lambda: {} < {}, lambda: 1 < None):
    try:
        op()
    except TypeError as e:
        print("TypeError:", e)
print(1 != 2, not 1 == 2, not (1 < 2 < 3))
print(sorted([3, 1.5, True, 0, -2]), max("apple", "Banana", "cherry"))
print(float("nan") < 1 < 2, 1 < 2 < float("nan"))
a = [1, 2]
b = a
print(a == b, a is b, a == [1, 2], a is not [1, 2])
