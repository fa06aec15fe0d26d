# A group inside a group, a cause chained to a group, a note, and more
# members than the printer shows (15).
def inner():
    raise ExceptionGroup("inner", [KeyError("k"), ZeroDivisionError("z")])


def outer():
    try:
        inner()
    except ExceptionGroup as g:
        e = ExceptionGroup("outer", [g, ValueError("v")] + [IndexError(i) for i in range(16)])
        e.add_note("a note on the outer group")
        raise e from RuntimeError("the cause")


outer()
