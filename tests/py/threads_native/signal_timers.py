# signal.setitimer/getitimer, alarm and pause: a timer's SIGALRM
# interrupts a sleep or a pause and runs the Python handler.
import os
import signal
import time

fired = []


def on_alarm(signum, frame):
    fired.append(signum)


signal.signal(signal.SIGALRM, on_alarm)
print(signal.getitimer(signal.ITIMER_REAL), signal.ITIMER_REAL, signal.ITIMER_VIRTUAL, signal.ITIMER_PROF)
print(signal.setitimer(signal.ITIMER_REAL, 0.05))
t0 = time.monotonic()
signal.pause()
print("pause returned", fired, time.monotonic() - t0 < 5)

# A sleep interrupted by SIGALRM still sleeps its whole length (PEP 475),
# and the handler runs in the middle.
fired.clear()
signal.setitimer(signal.ITIMER_REAL, 0.05)
t0 = time.monotonic()
time.sleep(0.2)
print("slept", fired, time.monotonic() - t0 >= 0.19)


# A handler that raises interrupts the sleep instead.
class Timeout(Exception):
    pass


def raise_timeout(signum, frame):
    raise Timeout("alarm %d" % signum)


signal.signal(signal.SIGALRM, raise_timeout)
signal.setitimer(signal.ITIMER_REAL, 0.05)
t0 = time.monotonic()
try:
    time.sleep(5)
except Timeout as e:
    print("Timeout", e, time.monotonic() - t0 < 4)
print(signal.alarm(0), signal.setitimer(signal.ITIMER_REAL, 0))

try:
    signal.setitimer(99, 1)
except signal.ItimerError as e:
    print(type(e).__name__, e, issubclass(signal.ItimerError, OSError))

# set_wakeup_fd wants a non-blocking fd
r, w = os.pipe()
try:
    signal.set_wakeup_fd(w)
except ValueError as e:
    print("ValueError", str(e).replace(str(w), "W"))
os.close(r)
os.close(w)
signal.signal(signal.SIGALRM, signal.SIG_DFL)
signal.signal(signal.SIGUSR1, signal.SIG_DFL)
