# sys.setprofile: call/return for Python frames, c_call/c_return/c_exception
# for builtins; no line events.
import sys

events = []


def profiler(frame, event, arg):
    name = arg.__name__ if event.startswith("c_") else frame.f_code.co_name
    events.append((event, name))


def inner(x):
    return len(x) + abs(-1)


def outer():
    items = []
    items.append(inner("abc"))
    try:
        int("x")
    except ValueError:
        pass
    return items


sys.setprofile(profiler)
outer()
sys.setprofile(None)
for e in events:
    print(*e)
print(sys.getprofile())
