"""Threads under the GIL: CPU-bound threads take turns, sleeping threads overlap.

    build/coil examples/threads_and_the_gil.py

Only one thread runs Python bytecode at a time (vm/gil.cpp).  A thread
that computes holds the GIL until the switch interval (5 ms) passes and
another thread asks for it; a thread that sleeps or waits on I/O lets it
go at once (vm::ReleaseGil).  So four CPU-bound threads take as long as one
thread doing all the work, while four sleeping threads take as long as one.
"""
import sys
import threading
import time


def spin(n):
    total = 0
    for i in range(n):
        total += i % 7
    return total


def timed(label, threads):
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - start
    print(f"{label:<34} {elapsed:6.2f} s")
    return elapsed


print("switch interval:", sys.getswitchinterval(), "s")
work = 2_000_000
one = timed("1 thread, all the CPU work", [threading.Thread(target=spin, args=(work,))])
four = timed("4 threads, a quarter each", [threading.Thread(target=spin, args=(work // 4,)) for _ in range(4)])
print("CPU-bound speed-up from threads:", f"{one / four:.2f}x (the GIL: about 1)")

sleepers = timed("4 threads sleeping 0.3 s each", [threading.Thread(target=time.sleep, args=(0.3,)) for _ in range(4)])
print("sleeping threads overlap:", sleepers < 0.6)

# A lock makes a read-modify-write atomic; without it updates can be lost
# when the GIL changes hands between the read and the write.
counter = 0
lock = threading.Lock()


def add(n):
    global counter
    for _ in range(n):
        with lock:
            counter += 1


workers = [threading.Thread(target=add, args=(50_000,)) for _ in range(4)]
for w in workers:
    w.start()
for w in workers:
    w.join()
print("counter with a lock:", counter)
