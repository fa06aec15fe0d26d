# Signals and threads: handlers run in the main thread only, and a
# KeyboardInterrupt reaches the main thread while it waits on a lock or
# sleeps, when another thread sends SIGINT to the process.
import _thread
import os
import signal
import time

seen = []


def handler(signum, frame):
    seen.append((signum, _thread.get_ident() == main_ident))


main_ident = _thread.get_ident()
signal.signal(signal.SIGUSR1, handler)
done = _thread.allocate_lock()
done.acquire()
errors = []


def worker():
    try:
        signal.signal(signal.SIGUSR1, signal.SIG_DFL)
    except ValueError as e:
        errors.append(str(e))
    os.kill(os.getpid(), signal.SIGUSR1)
    done.release()


_thread.start_new_thread(worker, ())
done.acquire()
for _ in range(100):
    if seen:
        break
    time.sleep(0.01)
print(errors)
print(seen)

# Ctrl-C while the main thread waits on a lock for ever.
never = _thread.allocate_lock()
never.acquire()


def interrupter():
    time.sleep(0.1)
    os.kill(os.getpid(), signal.SIGINT)


_thread.start_new_thread(interrupter, ())
try:
    never.acquire()
    print("acquired?")
except KeyboardInterrupt:
    print("KeyboardInterrupt while waiting on a lock")

# ... and while it sleeps.
_thread.start_new_thread(interrupter, ())
t0 = time.monotonic()
try:
    time.sleep(5)
except KeyboardInterrupt:
    print("KeyboardInterrupt while sleeping", time.monotonic() - t0 < 4)

# interrupt_main() simulates SIGINT in the main thread.
def poke():
    time.sleep(0.05)
    _thread.interrupt_main()


_thread.start_new_thread(poke, ())
try:
    while True:
        time.sleep(0.01)
except KeyboardInterrupt:
    print("interrupt_main")

# interrupt_main with a custom handler for SIGUSR2
signal.signal(signal.SIGUSR2, handler)
seen.clear()
_thread.interrupt_main(signal.SIGUSR2)
for _ in range(10):
    pass
print(seen)
