# Each generator has its own "exception being handled" (CPython's
# gi_exc_state): a body handling nothing sees its resumer's, but an
# `except` block inside it saves and restores the body's own, never the
# resumer's.
import sys


def name():
    e = sys.exc_info()[1]
    return None if e is None else type(e).__name__


def g():
    try:
        raise KeyError
    except KeyError:
        yield "in except: " + str(name())
    yield "after except: " + str(name())
    print("  resumed outside except:", name())
    yield 3
    print("  resumed in caller's except:", name())
    yield 4


x = g()
try:
    raise IndexError
except IndexError:
    print(next(x))
print(next(x))
print(next(x))
try:
    raise TypeError
except TypeError:
    next(x)
print("caller after:", name())


def sees_caller():
    yield name()
    try:
        raise ValueError
    except ValueError:
        yield name()
    yield name()


s = sees_caller()
try:
    raise OSError
except OSError:
    print([next(s), next(s), next(s)])
    print("caller still handles:", name())


def outer():
    try:
        raise LookupError
    except LookupError:
        yield from inner()
        yield "outer after inner: " + str(name())


def inner():
    yield "inner sees: " + str(name())
    try:
        raise ArithmeticError
    except ArithmeticError:
        yield "inner own: " + str(name())
    yield "inner after: " + str(name())


for item in outer():
    print(item)


def context_in_gen():
    yield
    raise RuntimeError("in generator")


c = context_in_gen()
next(c)
try:
    raise ZeroDivisionError
except ZeroDivisionError:
    try:
        next(c)
    except RuntimeError as e:
        print("context:", type(e.__context__).__name__)


def bare_raise():
    yield
    raise


b = bare_raise()
next(b)
try:
    raise NameError("outer")
except NameError:
    try:
        next(b)
    except NameError as e:
        print("bare raise re-raised:", e)


def thrown():
    try:
        yield
    except ValueError:
        print("  handling thrown:", name())
        yield name()
    yield name()


t = thrown()
next(t)
try:
    raise KeyError
except KeyError:
    print(t.throw(ValueError))
print(next(t))


def helper_reads():
    return name()


def calls_helper():
    yield helper_reads()


h = calls_helper()
try:
    raise EOFError
except EOFError:
    print("helper in generator:", next(h))
