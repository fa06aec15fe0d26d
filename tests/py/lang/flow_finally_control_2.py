# finally runs on every exit path (return, loop return, break); the return value is fixed before finally runs.
def finally_sees_value():
    x = "before"
    try:
        return x
    finally:
        x = "changed in finally"
        print("  x is now", x)
print(finally_sees_value())
def mutable_return():
    lst = [1]
    try:
        return lst
    finally:
        lst.append(2)
print(mutable_return())
def nested_finally():
    try:
        try:
            return "inner"
        finally:
            print("  inner finally")
    finally:
        print("  outer finally")
print(nested_finally())
def loop_return():
    for i in range(5):
        try:
            if i == 2:
                return i
        finally:
            print("  finally", i)
print(loop_return())
def while_break():
    n = 0
    while True:
        try:
            n += 1
            if n == 3:
                break
        finally:
            print("  cleanup", n)
    return n
print(while_break())
