# ThreadPoolExecutor: submit, map (order, timeout, exceptions), wait,
# as_completed, shutdown(cancel_futures), initializer and BrokenThreadPool,
# thread names, errors after shutdown.
import threading
from concurrent.futures import (ThreadPoolExecutor, wait, as_completed, FIRST_COMPLETED,
                                FIRST_EXCEPTION, ALL_COMPLETED, CancelledError, Future)
from concurrent.futures.thread import BrokenThreadPool


def square(x):
    return x * x


def fail(msg):
    raise ValueError(msg)


with ThreadPoolExecutor(max_workers=2, thread_name_prefix="sq") as ex:
    futs = [ex.submit(square, i) for i in range(6)]
    print("results:", [f.result() for f in futs])
    print("map:", list(ex.map(square, range(5))))
    print("map two iterables:", list(ex.map(pow, [2, 3], [3, 2])))
    print("kwargs:", ex.submit(int, "ff", base=16).result())
    print("worker name:", ex.submit(lambda: threading.current_thread().name).result()[:3])
    bad = ex.submit(fail, "boom")
    print("exception():", repr(bad.exception()))
    try:
        bad.result()
    except ValueError as e:
        print("result() re-raises:", e, "with traceback:", e.__traceback__ is not None)
    it = ex.map(lambda x: 1 // x, [1, 0, 2])
    print("map first:", next(it))
    try:
        next(it)
    except ZeroDivisionError as e:
        print("map raises at its item:", e)

import os
print("default max_workers:", ThreadPoolExecutor()._max_workers == min(32, os.cpu_count() + 4))
try:
    ThreadPoolExecutor(max_workers=0)
except ValueError as e:
    print(e)
try:
    ThreadPoolExecutor(initializer=5)
except TypeError as e:
    print(e)

ex = ThreadPoolExecutor(1)
ex.shutdown()
ex.shutdown()
try:
    ex.submit(print, "x")
except RuntimeError as e:
    print(e)

# wait() and as_completed() with gates to fix the completion order.
gates = [threading.Event() for _ in range(3)]


def gated(i):
    gates[i].wait()
    if i == 1:
        raise KeyError(i)
    return i


with ThreadPoolExecutor(3) as ex:
    fs = [ex.submit(gated, i) for i in range(3)]
    done, not_done = wait(fs, timeout=0.01)
    print("nothing done yet:", len(done), len(not_done))
    gates[2].set()
    done, not_done = wait(fs, return_when=FIRST_COMPLETED)
    print("first completed:", [f.result() for f in done], len(not_done))
    gates[1].set()
    done, not_done = wait(fs, return_when=FIRST_EXCEPTION)
    print("first exception:", sorted(repr(f.exception()) for f in done), len(not_done))
    gates[0].set()
    result = wait(fs, return_when=ALL_COMPLETED)
    print("all completed:", len(result.done), len(result.not_done), type(result).__name__)
    print("as_completed of done futures:", sorted(str(f.exception() or f.result()) for f in as_completed(fs)))
    try:
        wait(fs, return_when="SOMETIMES")
    except ValueError as e:
        print(e)

pending = Future()
try:
    for f in as_completed([pending], timeout=0.01):
        pass
except TimeoutError as e:
    print("as_completed timeout:", e)

# shutdown(cancel_futures=True) cancels what has not started.
release = threading.Event()
started = threading.Event()


def blocker():
    started.set()
    release.wait()
    return "finished"


ex = ThreadPoolExecutor(1)
running = ex.submit(blocker)
started.wait()
queued = [ex.submit(square, i) for i in range(3)]
release_later = threading.Thread(target=lambda: release.set())
ex.shutdown(wait=False, cancel_futures=True)
print("queued cancelled:", [f.cancelled() for f in queued])
release_later.start()
release_later.join()
print("running one still completes:", running.result())
try:
    queued[0].result()
except CancelledError:
    print("result of a cancelled queued call -> CancelledError")
ex.shutdown(wait=True)

# A failing initializer breaks the pool.
def bad_init():
    raise OSError("no init")


ex = ThreadPoolExecutor(1, initializer=bad_init)
f = ex.submit(square, 3)
try:
    f.result()
except BrokenThreadPool as e:
    print("BrokenThreadPool:", e)
try:
    ex.submit(square, 1)
except BrokenThreadPool as e:
    print("submit to broken pool:", type(e).__name__)
ex.shutdown()

init_log = []
with ThreadPoolExecutor(2, initializer=init_log.append, initargs=("init",)) as ex:
    print(ex.submit(square, 9).result())
print("initializer ran:", init_log[:1])

# map with a timeout gives up on a result that is not there in time.
gate = threading.Event()
with ThreadPoolExecutor(1) as ex:
    it = ex.map(lambda _: gate.wait(), [0], timeout=0.01)
    try:
        next(it)
    except TimeoutError:
        print("map timeout -> TimeoutError")
    gate.set()
