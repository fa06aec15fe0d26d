# _thread: start_new_thread, locks as completion signals, get_ident, _count.
import _thread
import time

results = []
done = _thread.allocate_lock()
done.acquire()
guard = _thread.allocate_lock()


def worker(n, label="w"):
    total = 0
    for i in range(n):
        total += i
    with guard:
        results.append((label, total))
    done.release()


ident = _thread.start_new_thread(worker, (1000,), {"label": "first"})
print(type(ident).__name__, ident != _thread.get_ident())
print(done.acquire(True, 5))
print(results)

# Several threads counting under one lock: no update is lost.
counter = [0]
finished = []
lock = _thread.allocate_lock()


def count(k):
    for _ in range(2000):
        with lock:
            counter[0] += 1
    with lock:
        finished.append(k)


for k in range(4):
    _thread.start_new_thread(count, (k,))
deadline = time.monotonic() + 10
while True:
    with lock:
        if len(finished) == 4:
            break
    time.sleep(0.001)
print(counter[0], sorted(finished))
while _thread._count() and time.monotonic() < deadline:
    time.sleep(0.001)
print("count", _thread._count())

# Idents differ between threads and are stable inside one.
ids = []
sem = _thread.allocate_lock()
sem.acquire()


def record():
    ids.append((_thread.get_ident(), _thread.get_ident(), _thread.get_native_id()))
    sem.release()


_thread.start_new_thread(record, ())
sem.acquire()
a, b, native = ids[0]
print(a == b, a != _thread.get_ident(), native != _thread.get_native_id(), native > 0)
print(_thread.error is RuntimeError, _thread.LockType is type(lock))
print(_thread.TIMEOUT_MAX)
