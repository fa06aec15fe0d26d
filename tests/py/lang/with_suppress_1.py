# __exit__ returning a true value suppresses the exception; execution continues after the with block.
class Suppress:
    def __init__(self, *types):
        self.types = types
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        if et is not None and issubclass(et, self.types):
            self.caught = ev
            print("  suppressed", repr(ev))
            return True
        return False
with Suppress(KeyError) as s:
    {}["missing"]
    print("not reached")
print("continued after with, caught:", repr(s.caught))
with Suppress(LookupError):
    [][1]
print("IndexError suppressed via base class")
try:
    with Suppress(KeyError):
        1 / 0
except ZeroDivisionError as e:
    print("not suppressed:", e)
class Truthy:
    def __enter__(self):
        pass
    def __exit__(self, *a):
        return "yes"
with Truthy():
    raise ValueError("swallowed by truthy return")
print("truthy non-bool return also suppresses")
def f():
    for i in range(3):
        with Suppress(ValueError):
            if i == 1:
                raise ValueError(i)
            print("  iteration", i)
    return "loop complete"
print(f())
class ExitRaises:
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        raise RuntimeError("from __exit__")
try:
    with ExitRaises():
        raise KeyError("original")
except RuntimeError as e:
    print("RuntimeError:", e, "| context:", repr(e.__context__))
class Retry:
    def __init__(self):
        self.attempts = 0
    def __enter__(self):
        self.attempts += 1
        return self
    def __exit__(self, et, ev, tb):
        return et is ConnectionError and self.attempts < 3
r = Retry()
while True:
    with r:
        if r.attempts < 3:
            raise ConnectionError("flaky")
        print("succeeded on attempt", r.attempts)
        break
with Suppress(ValueError) as s2:
    pass
print(hasattr(s2, "caught"))
