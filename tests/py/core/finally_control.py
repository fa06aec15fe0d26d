# finally runs on return/break/continue; a return in finally wins.
def f():
    try:
        return "try"
    finally:
        print("finally in f")

def g():
    try:
        return "try"
    finally:
        return "finally"

def h():
    for i in range(3):
        try:
            if i == 0:
                continue
            if i == 2:
                break
            print("body", i)
        finally:
            print("finally", i)
    return i

def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"

print(f(), g(), h(), swallow())

def nested():
    try:
        try:
            raise KeyError("k")
        finally:
            print("inner finally")
    except KeyError as e:
        print("outer caught", e)
    finally:
        print("outer finally")

nested()

def loop_with():
    class CM:
        def __enter__(self):
            print("enter")
        def __exit__(self, *a):
            print("exit", a[0])
    for i in range(2):
        with CM():
            if i == 1:
                return "returned from with"
            continue

print(loop_with())
