# Semaphore, BoundedSemaphore and Event.
import threading

s = threading.Semaphore(2)
print(s.acquire(), s.acquire(), s.acquire(blocking=False), s.acquire(timeout=0.01))
s.release(2)
print("after release(2):", s.acquire(False), s.acquire(False), s.acquire(False))
try:
    threading.Semaphore(-1)
except ValueError as e:
    print("negative:", e)
try:
    s.release(0)
except ValueError as e:
    print("release(0):", e)
try:
    s.acquire(False, 1)
except ValueError as e:
    print("non-blocking with timeout:", e)

# A thread blocked on the semaphore is let through by a release.
sem = threading.Semaphore(0)
got = []
t = threading.Thread(target=lambda: got.append(sem.acquire()))
t.start()
sem.release()
t.join()
print("blocked acquire returned:", got)

b = threading.BoundedSemaphore(2)
with b:
    print("inside bounded:", b._value)
b.acquire()
b.release()
try:
    b.release()
except ValueError as e:
    print("bounded over-release:", e)
print("repr:", repr(b).split(" at ")[0], repr(b).split(":")[-1])

e = threading.Event()
print("initially:", e.is_set(), "wait(0.01):", e.wait(0.01))
waiters = []
started = threading.Barrier(4)


def waiter():
    started.wait()
    waiters.append(e.wait())


threads = [threading.Thread(target=waiter) for _ in range(3)]
for t in threads:
    t.start()
started.wait()
e.set()
for t in threads:
    t.join()
print("set wakes all:", waiters, "is_set:", e.is_set(), "wait():", e.wait())
e.clear()
print("after clear:", e.is_set(), e.wait(timeout=0))
print("repr:", repr(e).split(" at ")[0], repr(e).split(": ")[-1])
