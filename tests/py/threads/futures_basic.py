# concurrent.futures.Future on its own: states, results, exceptions,
# callbacks, cancellation and InvalidStateError.
import concurrent.futures as cf
from concurrent.futures import Future, CancelledError, InvalidStateError

f = Future()
print("pending:", f.done(), f.running(), f.cancelled(), repr(f).split(" state=")[1])
try:
    f.result(timeout=0)
except TimeoutError as e:
    print("result(timeout=0):", type(e).__name__, cf.TimeoutError is TimeoutError)
try:
    f.exception(timeout=0.01)
except TimeoutError:
    print("exception(timeout) -> TimeoutError")
print("set_running:", f.set_running_or_notify_cancel(), f.running(), repr(f).split(" state=")[1])
print("cancel running:", f.cancel())
calls = []
f.add_done_callback(lambda fut: calls.append(("cb1", fut.result())))
f.set_result([1, 2])
print("finished:", f.done(), f.result(), f.exception(), calls, repr(f).split(" state=")[1])
f.add_done_callback(lambda fut: calls.append("cb2 runs at once"))
print(calls[-1])
try:
    f.set_result(3)
except InvalidStateError as e:
    print("set twice:", type(e).__name__, str(e).split(":")[0])

g = Future()
g.set_exception(ZeroDivisionError("zero"))
print("exception():", repr(g.exception()), repr(g).split(" state=")[1])
try:
    g.result()
except ZeroDivisionError as e:
    print("result() raises:", e)

c = Future()
print("cancel pending:", c.cancel(), c.cancel(), c.cancelled(), c.done(), repr(c).split(" state=")[1])
try:
    c.result()
except CancelledError as e:
    print("result of cancelled:", type(e).__name__, repr(e))
try:
    c.exception()
except CancelledError:
    print("exception of cancelled: CancelledError")
print("set_running on cancelled:", c.set_running_or_notify_cancel())

print(issubclass(CancelledError, cf._base.Error), issubclass(cf.BrokenExecutor, RuntimeError))
print(cf.FIRST_COMPLETED, cf.FIRST_EXCEPTION, cf.ALL_COMPLETED)
print(Future[int])
print(sorted(cf.__all__))
try:
    cf.ProcessPoolExecutor
    print("ProcessPoolExecutor is importable")
except Exception as e:
    print("unexpected", e)
