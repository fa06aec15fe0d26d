# Generator close() raises GeneratorExit inside the generator; finally runs; throw() injects exceptions.
def worker():
    try:
        n = 0
        while True:
            yield n
            n += 1
    except GeneratorExit:
        print("  GeneratorExit received")
        raise
    finally:
        print("  finally cleanup")
w = worker()
print(next(w), next(w))
w.close()
print("closed")
w.close()
try:
    next(w)
except StopIteration:
    print("closed generator is exhausted")
unstarted = worker()
unstarted.close()
print("closing an unstarted generator runs nothing")
def catcher():
    while True:
        try:
            yield "ready"
        except ValueError as e:
            print("  caught inside:", e)
c = catcher()
next(c)
print(c.throw(ValueError("injected")))
try:
    c.throw(KeyError("not caught"))
except KeyError as e:
    print("propagated:", repr(e))
try:
    next(c)
except StopIteration:
    print("generator finished after uncaught throw")
def bad_close():
    try:
        yield 1
    except GeneratorExit:
        yield "refuse"
b = bad_close()
next(b)
try:
    b.close()
except RuntimeError as e:
    print("RuntimeError:", e)
def gen_returns_in_finally():
    try:
        yield 1
    finally:
        print("  finally on break")
for v in gen_returns_in_finally():
    break
print("after loop with break")
def running():
    yield 1
r = running()
print(r.gi_running, r.__name__, r.__qualname__)
def raises():
    yield 1
    raise StopIteration("inside")
try:
    list(raises())
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))
