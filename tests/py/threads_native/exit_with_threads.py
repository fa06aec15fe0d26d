# The process exits cleanly while threads started with _thread are still
# running (they behave as daemon threads): one spinning, one sleeping, one
# blocked on a lock that is never released, one holding a lock.
import _thread
import time

started = []
guard = _thread.allocate_lock()


def spin():
    with guard:
        started.append("spin")
    n = 0
    while True:
        n += 1


def sleeper():
    with guard:
        started.append("sleep")
    time.sleep(100)
    print("never printed")


never = _thread.allocate_lock()
never.acquire()


def waiter():
    with guard:
        started.append("wait")
    never.acquire()
    print("never printed either")


held = _thread.allocate_lock()


def holder():
    held.acquire()
    with guard:
        started.append("hold")


for f in (spin, sleeper, waiter, holder):
    _thread.start_new_thread(f, ())
while True:
    with guard:
        if len(started) == 4:
            break
    time.sleep(0.001)
print(sorted(started), held.locked())
print("main done")

