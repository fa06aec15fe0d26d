# Barrier: indices, the action, reuse across rounds, abort, reset, timeouts.
import threading

actions = []
b = threading.Barrier(3, action=lambda: actions.append("action ran"))
print("parties:", b.parties, "n_waiting:", b.n_waiting, "broken:", b.broken)
indices = []
lock = threading.Lock()


def party(rounds):
    for _ in range(rounds):
        i = b.wait()
        with lock:
            indices.append(i)


threads = [threading.Thread(target=party, args=(2,)) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("indices over two rounds:", sorted(indices), actions)

# n_waiting counts the threads parked at the barrier.
b2 = threading.Barrier(3)
errors = []


def stuck():
    try:
        b2.wait()
    except threading.BrokenBarrierError as e:
        errors.append(type(e).__name__)


threads = [threading.Thread(target=stuck) for _ in range(2)]
for t in threads:
    t.start()
while b2.n_waiting < 2:
    threading.Event().wait(0.001)
print("n_waiting:", b2.n_waiting)
b2.abort()
for t in threads:
    t.join()
print("abort breaks waiters:", errors, "broken:", b2.broken)
try:
    b2.wait()
except threading.BrokenBarrierError:
    print("wait on broken barrier raises BrokenBarrierError")
b2.reset()
print("after reset broken:", b2.broken)

# A timeout breaks the barrier for everyone.
b3 = threading.Barrier(2, timeout=0.01)
try:
    b3.wait()
except threading.BrokenBarrierError:
    print("timeout -> BrokenBarrierError, broken:", b3.broken)

# A failing action breaks the barrier and raises in the last thread.
def bad_action():
    raise ValueError("action failed")


b4 = threading.Barrier(1, action=bad_action)
try:
    b4.wait()
except ValueError as e:
    print("action error:", e, "broken:", b4.broken)
print("BrokenBarrierError is a RuntimeError:", issubclass(threading.BrokenBarrierError, RuntimeError))
