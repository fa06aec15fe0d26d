# _thread.stack_size: the size of threads started afterwards; 0 restores the default.
import _thread
import threading

print(_thread.stack_size(), _thread.stack_size(256 * 1024), _thread.stack_size())


def deep(n):
    return 0 if n == 0 else 1 + deep(n - 1)


out = []
t = threading.Thread(target=lambda: out.append(deep(400)))
t.start()
t.join()
print(out)
print(_thread.stack_size(0), _thread.stack_size())
for bad in [100, -1, "x"]:
    try:
        _thread.stack_size(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
