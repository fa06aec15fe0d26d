def f(n):
    if n == 0:
        raise RuntimeError("bottom")
    return g(n - 1)
def g(n):
    return f(n)
f(10)
