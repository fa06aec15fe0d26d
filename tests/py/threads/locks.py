# Lock and RLock: acquire/release, timeouts, ownership and error messages.
import threading

lock = threading.Lock()
print("acquire:", lock.acquire(), "locked:", lock.locked())
print("non-blocking second acquire:", lock.acquire(False))
print("timed second acquire:", lock.acquire(timeout=0.01))
lock.release()
print("locked after release:", lock.locked())
try:
    lock.release()
except RuntimeError as e:
    print("release unlocked:", e)
with lock:
    print("inside with:", lock.locked())
print("after with:", lock.locked())

# A Lock may be released by a thread other than the one that took it.
lock.acquire()
t = threading.Thread(target=lock.release)
t.start()
t.join()
print("released by another thread:", not lock.locked())

rlock = threading.RLock()
with rlock:
    with rlock:
        print("nested RLock ok")
try:
    rlock.release()
except RuntimeError as e:
    print("release un-acquired RLock:", e)

# An RLock held by one thread blocks the others until fully released.
rlock.acquire()
rlock.acquire()
results = []


def try_take():
    results.append(rlock.acquire(timeout=0.01))


t = threading.Thread(target=try_take)
t.start()
t.join()
rlock.release()
t = threading.Thread(target=try_take)
t.start()
t.join()
rlock.release()
t = threading.Thread(target=lambda: results.append(rlock.acquire(False)))
t.start()
t.join()
print("other thread acquires after 0/1/2 releases:", results)

# Releasing an RLock owned by another thread is an error.
owner_done = threading.Event()
other = threading.RLock()


def hold():
    other.acquire()
    owner_done.set()


t = threading.Thread(target=hold)
t.start()
t.join()
owner_done.wait()
try:
    other.release()
except RuntimeError as e:
    print("release RLock of another thread:", e)

# Hand-over: a thread blocked in acquire() wakes when the holder releases.
handover = threading.Lock()
handover.acquire()
order = []
waiting = threading.Event()


def blocked():
    waiting.set()
    with handover:
        order.append("waiter got the lock")


t = threading.Thread(target=blocked)
t.start()
waiting.wait()
order.append("main releases")
handover.release()
t.join()
print(order)
