# Exceptions and handlers: continue/return inside except with finally, raising inside a handler, sys.exc_info.
import sys
def parse_all(items):
    out = []
    for s in items:
        try:
            out.append(int(s))
        except ValueError:
            out.append(None)
            continue
        finally:
            out.append("|")
    return out
print(parse_all(["1", "x", "3"]))
def ret_in_except():
    try:
        raise KeyError("k")
    except KeyError:
        return "from except"
    finally:
        print("  finally after except-return")
print(ret_in_except())
def handler_raises():
    try:
        raise ValueError("first")
    except ValueError as e:
        try:
            raise TypeError("second")
        except TypeError as inner:
            return f"inner={inner} context={inner.__context__!r} outer={e}"
print(handler_raises())
def info():
    try:
        raise IndexError("idx")
    except IndexError:
        t, v, tb = sys.exc_info()
        return t.__name__, repr(v), tb is not None
print(info(), sys.exc_info())
