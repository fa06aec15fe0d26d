# and/or return an operand (not a bool) and short-circuit; not always returns a bool; truthiness.
def t(x):
    print("  eval", repr(x))
    return x
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, "" or "default", None or 0, [] and "x")
print(t(0) and t(1))
print(t(1) and t(0) and t(2))
print(t("") or t(None) or t("found") or t("never"))
print(t(1) or t(2))
print(not 0, not 1, not "", not "a", not [], not None, type(not 5).__name__)
print(1 and 2 or 3, 0 and 2 or 3, 1 or 2 and 3, (1 or 2) and 3, not 1 or 2, not (1 or 2))
for v in [0, 0.0, -0.0, "", " ", [], [0], (), (None,), {}, {0: 0}, set(), None, False, True, 1e-300, range(0), range(1)]:
    print(repr(v), bool(v), end="; ")
print()
class T:
    def __bool__(self):
        print("  __bool__")
        return False
class L:
    def __len__(self):
        return 0
class N:
    pass
print(bool(T()), bool(L()), bool(N()))
print(T() or "fallback")
x = T() and "unreached"
print(type(x).__name__)
class Bad:
    def __bool__(self):
        return 1
try:
    bool(Bad())
except TypeError as e:
    print("TypeError:", e)
print(all([]), any([]), all([1, "a"]), any([0, "", None]))
