def f():
    raise ExceptionGroup("many", [ValueError(1), TypeError("t")])
f()
