# sys.getswitchinterval / sys.setswitchinterval, with CPython's checks,
# and CPU-bound threads that keep taking turns at a short interval.
import _thread
import sys
import time

print(sys.getswitchinterval())
for v in (0.001, 1, 0.0001, 1e-9, True):
    sys.setswitchinterval(v)
    print(repr(v), sys.getswitchinterval())
for v in ("x", 0, -1, 0.0, None, float("nan")):
    try:
        sys.setswitchinterval(v)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
sys.setswitchinterval(0.0005)

# Three spinning threads: each one gets turns while the others spin.
progress = [0, 0, 0]
stop = [False]
lock = _thread.allocate_lock()
finished = []


def spin(i):
    while not stop[0]:
        progress[i] += 1
    with lock:
        finished.append(i)


for i in range(3):
    _thread.start_new_thread(spin, (i,))
deadline = time.monotonic() + 20
while min(progress) < 1000 and time.monotonic() < deadline:
    time.sleep(0.01)
stop[0] = True
while len(finished) < 3 and time.monotonic() < deadline:
    time.sleep(0.001)
print(min(progress) >= 1000, sorted(finished))
sys.setswitchinterval(0.005)
