# Exception state across suspensions: __context__ chaining, bare raise,
# except blocks that yield, tracebacks through generator frames.
def g_raise():
    yield 1
    raise ValueError("in gen")

try:
    raise KeyError("outer")
except KeyError:
    try:
        for x in g_raise():
            pass
    except ValueError as e:
        print("context:", repr(e.__context__))

def yield_in_except():
    try:
        raise IndexError("inside")
    except IndexError:
        yield "in except"
        raise          # re-raises IndexError after resuming

g = yield_in_except()
print(next(g))
try:
    raise KeyError("between")
except KeyError:
    pass
try:
    next(g)
except IndexError as e:
    print("bare raise after resume:", repr(e), repr(e.__context__))

def handler_state():
    try:
        raise TypeError("t")
    except TypeError:
        yield 1
        try:
            raise OSError("o")
        except OSError as e:
            print("chained to", repr(e.__context__))
        yield 2
g = handler_state()
next(g)
next(g)

# exceptions raised by the resumer do not leak into the generator
def clean():
    try:
        yield 1
        raise RuntimeError("fresh")
    except RuntimeError as e:
        print("fresh context:", e.__context__)
        yield 2
g = clean()
next(g)
try:
    raise ZeroDivisionError
except ZeroDivisionError:
    pass
print(next(g))

# traceback line numbers for a generator frame
def tb_gen():
    yield 1
    x = 1 / 0
try:
    list(tb_gen())
except ZeroDivisionError as e:
    tb = e.__traceback__
    lines = []
    while tb is not None:
        lines.append(tb.tb_lineno)
        tb = tb.tb_next
    print("traceback lines", lines)

# a generator closed while handling an exception
def fin():
    try:
        yield 1
    finally:
        print("finally runs")
g = fin(); next(g)
try:
    raise KeyError
except KeyError:
    g.close()
print("ok")
