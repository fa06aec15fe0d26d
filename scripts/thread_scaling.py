"""Wall time of N threads doing CPU-bound or sleeping work, for the GIL
table in docs/PERFORMANCE.md.

    coil scripts/thread_scaling.py cpu 4      # 4 threads, a fixed total of work
    coil scripts/thread_scaling.py sleep 100  # 100 threads, each sleeping 0.2 s

CPU-bound: the total work is fixed and split across the threads, so under a
GIL the time stays flat (no speed-up) instead of dividing by N.  Sleeping:
each thread sleeps 0.2 s with the GIL released, so N threads still take
about 0.2 s.  Prints the mode, N and the seconds.
"""
import sys
import threading
import time

TOTAL_WORK = 4_000_000
SLEEP = 0.2


def spin(n):
    x = 0
    for i in range(n):
        x += i % 7
    return x


def main():
    mode, n = sys.argv[1], int(sys.argv[2])
    if mode == "cpu":
        threads = [threading.Thread(target=spin, args=(TOTAL_WORK // n,)) for _ in range(n)]
    else:
        threads = [threading.Thread(target=time.sleep, args=(SLEEP,)) for _ in range(n)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(mode, n, f"{time.perf_counter() - start:.3f}")


main()
