# raise ... from sets __cause__; implicit chaining sets __context__; from None suppresses the context.
def explicit():
    try:
        {}["missing"]
    except KeyError as e:
        raise ValueError("bad config") from e
try:
    explicit()
except ValueError as e:
    print(repr(e), "| cause:", repr(e.__cause__), "| context:", repr(e.__context__), e.__suppress_context__)
def implicit():
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError("while handling")
try:
    implicit()
except RuntimeError as e:
    print(repr(e), "| cause:", e.__cause__, "| context:", repr(e.__context__), e.__suppress_context__)
def suppressed():
    try:
        int("x")
    except ValueError:
        raise LookupError("clean") from None
try:
    suppressed()
except LookupError as e:
    print(repr(e), "| cause:", e.__cause__, "| context:", repr(e.__context__), e.__suppress_context__)
def from_other():
    raise TypeError("t") from KeyError("unrelated")
try:
    from_other()
except TypeError as e:
    print(repr(e.__cause__), e.__context__)
def three_levels():
    try:
        try:
            raise OSError("level 1")
        except OSError:
            raise KeyError("level 2")
    except KeyError:
        raise ValueError("level 3")
try:
    three_levels()
except ValueError as e:
    chain = []
    cur = e
    while cur is not None:
        chain.append(repr(cur))
        cur = cur.__context__
    print(" <- ".join(chain))
try:
    raise ValueError("x") from 5
except TypeError as e:
    print("TypeError:", e)
e = ValueError("fresh")
print(e.__cause__, e.__context__, e.__suppress_context__, e.__traceback__)
try:
    raise KeyError("with class cause") from IndexError
except KeyError as e:
    print(type(e.__cause__).__name__, e.__cause__.args)
