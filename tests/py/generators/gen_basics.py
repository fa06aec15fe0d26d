# Generators: laziness, send, return values, close, throw, PEP 479.
def countdown(n):
    print("start")
    while n > 0:
        got = yield n
        if got is not None:
            print("got", got)
        n -= 1
    return "done"

g = countdown(3)
print(type(g).__name__, g.__name__, g.__qualname__)
print(next(g))
print(g.send("hello"))
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", repr(e.value), e.args)
try:
    next(g)
except StopIteration as e:
    print("again", repr(e.value), e.args)
print(g.send(None) if False else "skip")

# send non-None to just-started
g = countdown(2)
try:
    g.send(1)
except TypeError as e:
    print(type(e).__name__, e)
print(next(g))

# return None -> StopIteration() without args
def empty():
    return
    yield
try:
    next(empty())
except StopIteration as e:
    print("empty", e.args, e.value)

# return tuple value
def rt():
    yield 1
    return (1, 2)
g = rt(); next(g)
try:
    next(g)
except StopIteration as e:
    print("tuple value", e.value, e.args)

# PEP 479
def bad():
    yield 1
    raise StopIteration("oops")
try:
    list(bad())
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__, e.__cause__, e.__suppress_context__)

def bad2():
    next(iter([]))
    yield 1
try:
    for x in bad2():
        pass
except RuntimeError as e:
    print("bad2", e)

# generator already executing
def selfref():
    yield next(me)
me = selfref()
try:
    next(me)
except ValueError as e:
    print(type(e).__name__, e)

# close
def cleanup():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
g = cleanup()
print(next(g))
print(g.close())
print(g.close())
try:
    next(g)
except StopIteration:
    print("closed -> StopIteration")

# close on a fresh generator runs nothing
g = cleanup()
g.close()
print("fresh close ok")

# ignoring GeneratorExit
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2
g = stubborn(); next(g)
try:
    g.close()
except RuntimeError as e:
    print(type(e).__name__, e)

# returning from close is fine; raising another error propagates
def ret_on_close():
    try:
        yield 1
    except GeneratorExit:
        return 5
g = ret_on_close(); next(g); print("close ->", g.close())
def raise_on_close():
    try:
        yield 1
    except GeneratorExit:
        raise KeyError("k")
g = raise_on_close(); next(g)
try:
    g.close()
except KeyError as e:
    print("KeyError", e, type(e.__context__).__name__)

# throw forms
def catcher():
    while True:
        try:
            yield "ready"
        except ValueError as e:
            print("caught", repr(e))
            yield "after"
g = catcher(); next(g)
print(g.throw(ValueError))
next(g)
print(g.throw(ValueError, "msg"))
next(g)
print(g.throw(ValueError("inst")))
next(g)
print(g.throw(ValueError, ("a", "b")))
for bad_args in [(1,), (ValueError("x"), "v")]:
    try:
        g.throw(*bad_args)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    g.throw(ValueError, None, 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    g.throw(KeyError("zz"))
except KeyError as e:
    print("propagated", e)
try:
    next(g)
except StopIteration:
    print("finished after throw")

# throw into a fresh generator: raised without running the body
def fresh():
    print("never")
    yield 1
g = fresh()
try:
    g.throw(IndexError("fresh"))
except IndexError as e:
    print("fresh throw", e)
print(list(g))

# throw into a finished generator
try:
    g.throw(IndexError("done"))
except IndexError as e:
    print("finished throw", e)

# finally on destruction
def fin():
    try:
        yield 1
    finally:
        print("finally on del")
g = fin(); next(g); del g
print("after del")

# generator expression
ge = (x * x for x in range(4))
print(type(ge).__name__, ge.__name__, ge.__qualname__)
print(list(ge), list(ge))

# gi_* attributes
def attrs():
    x = 10
    yield x
    y = 20
    yield y
g = attrs()
print(g.gi_running, g.gi_suspended, g.gi_frame is not None, g.gi_code.co_name, g.gi_yieldfrom)
print(g.gi_frame.f_lineno, g.gi_frame.f_locals)
next(g)
print(g.gi_running, g.gi_suspended, g.gi_frame.f_lineno, g.gi_frame.f_locals)
next(g)
print(g.gi_frame.f_locals)
list(g)
print(g.gi_frame, g.gi_suspended, g.gi_running)
def running():
    yield r.gi_running
r = running()
print(next(r))
print(repr(attrs()).startswith("<generator object attrs at 0x"))
