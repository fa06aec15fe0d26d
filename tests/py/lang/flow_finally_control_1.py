# return/break/continue/raise inside finally override or swallow exceptions and earlier returns.
def ret_override():
    try:
        return "try"
    finally:
        return "finally"
print(ret_override())
def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
print(swallow())
def break_swallows():
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            break
    return "after loop i=%d" % i
print(break_swallows())
def continue_in_finally():
    out = []
    for i in range(3):
        try:
            if i == 1:
                raise ValueError
            out.append(i)
        finally:
            out.append("f%d" % i)
            continue
    return out
print(continue_in_finally())
def finally_raises():
    try:
        raise ValueError("original")
    finally:
        raise TypeError("from finally")
try:
    finally_raises()
except Exception as e:
    print(type(e).__name__, e, "| context:", repr(e.__context__))
