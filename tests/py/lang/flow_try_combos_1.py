# try/except/else/finally: order of execution for success, handled and re-raised failures; finally before return.
def run(fail, handle=True):
    log = []
    try:
        log.append("try")
        if fail:
            raise ValueError("boom")
        log.append("try-end")
    except ValueError as e:
        log.append(f"except {e}")
        if not handle:
            raise
    else:
        log.append("else")
    finally:
        log.append("finally")
    log.append("after")
    return log
print(run(False))
print(run(True))
try:
    run(True, handle=False)
except ValueError as e:
    print("outer caught", e)
def only_finally():
    try:
        return "from try"
    finally:
        print("  finally runs before return completes")
print(only_finally())
def try_else_no_finally(x):
    try:
        v = 10 / x
    except ZeroDivisionError:
        return "div by zero"
    else:
        return f"ok {v}"
print(try_else_no_finally(2), try_else_no_finally(0))
