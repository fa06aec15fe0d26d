# assert statement: passing asserts do nothing, failing raise AssertionError with optional message (evaluated lazily).
assert True
assert 1 == 1, "never shown"
def msg():
    print("  message evaluated")
    return "computed message"
assert 2 > 1, msg()
try:
    assert 1 > 2
except AssertionError as e:
    print("AssertionError args:", e.args, repr(str(e)))
try:
    assert [] , msg()
except AssertionError as e:
    print("AssertionError:", e)
try:
    assert False, ("tuple", 1)
except AssertionError as e:
    print(e.args, e)
def check_positive(n):
    assert n > 0, f"expected positive, got {n}"
    return n
print(check_positive(5))
try:
    check_positive(-2)
except AssertionError as e:
    print("AssertionError:", e)
print(issubclass(AssertionError, Exception), __debug__)
x = (False, "tuple is truthy")
try:
    assert x[0], x[1]
except AssertionError as e:
    print("AssertionError:", e)
try:
    assert None, None
except AssertionError as e:
    print(repr(e), e.args)
