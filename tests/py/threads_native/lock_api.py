# _thread.lock and _thread.RLock: the API and CPython's errors.
import _thread
import time

lock = _thread.allocate_lock()
print(repr(lock).split(" object")[0])
print(lock.acquire(), lock.locked())
print(repr(lock).split(" object")[0])
print(lock.acquire(False))
t0 = time.monotonic()
print(lock.acquire(True, 0.05))
print(time.monotonic() - t0 >= 0.04)
print(lock.acquire(timeout=0))
lock.release()
print(lock.locked(), lock.acquire_lock(), lock.locked_lock())
lock.release_lock()

for args, kwargs in [((False, 1), {}), ((True, -2), {}), ((True, 1e300), {}),
                     (("x",), {}), ((True, "s"), {}), ((), {"blocking": False, "timeout": 2}),
                     ((True, 1e10), {})]:
    try:
        print(lock.acquire(*args, **kwargs))
    except Exception as e:
        print(type(e).__name__, e)
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError", e)

with lock as r:
    print("in with", r, lock.locked())
print("after with", lock.locked())

try:
    with lock:
        raise KeyError("k")
except KeyError:
    print("released on error:", not lock.locked())

# RLock
r = _thread.RLock()
print(repr(r).split(" object")[0], r._is_owned(), r._recursion_count())
print(r.acquire(), r.acquire(), r._recursion_count(), r._is_owned())
text = repr(r)
print(text.startswith("<locked _thread.RLock object owner=" + str(_thread.get_ident()) + " count=2 at"))
r.release()
state = r._release_save()
print(state == (1, _thread.get_ident()), r._is_owned())
r._acquire_restore(state)
print(r._recursion_count(), r._is_owned())
r.release()
for m in (r.release, r._release_save):
    try:
        m()
    except RuntimeError as e:
        print("RuntimeError", e)
with r:
    with r:
        print("nested", r._recursion_count())
print(r._recursion_count())

# Another thread cannot release an RLock it does not own.
r.acquire()
out = []
done = _thread.allocate_lock()
done.acquire()


def other():
    try:
        r.release()
    except RuntimeError as e:
        out.append(str(e))
    out.append(r.acquire(False))
    done.release()


_thread.start_new_thread(other, ())
done.acquire()
print(out)
r.release()

class MyRLock(_thread.RLock):
    pass

print(MyRLock().acquire())

print(_thread.stack_size())
for s in (100, -1, "x"):
    try:
        print(_thread.stack_size(s))
    except Exception as e:
        print(type(e).__name__, e)
for a in ((1, ()), (print, []), (print, (), [])):
    try:
        _thread.start_new_thread(*a)
    except Exception as e:
        print(type(e).__name__, e)
a = _thread._ExceptHookArgs([1, 2, 3, 4])
print(a, a.exc_type, a.thread, type(a).__name__)
try:
    _thread._ExceptHookArgs([1])
except TypeError as e:
    print("TypeError", e)
