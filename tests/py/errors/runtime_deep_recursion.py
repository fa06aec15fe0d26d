# Runaway recursion ends in RecursionError with a traceback, never a crash.
def f(n):
    return f(n + 1)
f(0)
