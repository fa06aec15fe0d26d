# signal: Python handlers run in the main thread right after os.kill()
# sends a signal to this process; SIGINT raises KeyboardInterrupt.
import os
import signal

print(signal.SIGINT, repr(signal.SIGINT), repr(signal.SIGTERM))
print(repr(signal.SIG_DFL), repr(signal.SIG_IGN), signal.NSIG)
print(signal.getsignal(signal.SIGINT))
print(repr(signal.getsignal(signal.SIGTERM)), repr(signal.getsignal(signal.SIGUSR1)))
print(signal.default_int_handler)
print(signal.Signals(15), signal.Signals.SIGABRT is signal.Signals(6), signal.SIGIOT)
print(isinstance(signal.SIGINT, int), signal.SIGINT == 2)

log = []


def handler(signum, frame):
    log.append((signum, type(frame).__name__))


old = signal.signal(signal.SIGUSR1, handler)
print(repr(old))
print(signal.getsignal(signal.SIGUSR1) is handler)
os.kill(os.getpid(), signal.SIGUSR1)
print(log)
signal.raise_signal(signal.SIGUSR1)
print(len(log), log[-1][0] == signal.SIGUSR1)
print(signal.signal(signal.SIGUSR1, signal.SIG_IGN) is handler)
os.kill(os.getpid(), signal.SIGUSR1)
print("ignored", len(log))
print(repr(signal.signal(signal.SIGUSR1, signal.SIG_DFL)))

# SIGINT: default_int_handler raises KeyboardInterrupt.
try:
    os.kill(os.getpid(), signal.SIGINT)
    print("not reached")
except KeyboardInterrupt as e:
    print("KeyboardInterrupt", repr(e))

try:
    signal.default_int_handler(2, None)
except KeyboardInterrupt:
    print("default_int_handler raises")


# A handler that raises: the exception comes out of os.kill.
def raising(signum, frame):
    raise RuntimeError("from handler %d" % signum)


signal.signal(signal.SIGUSR2, raising)
try:
    os.kill(os.getpid(), signal.SIGUSR2)
except RuntimeError as e:
    print("RuntimeError", e)
signal.signal(signal.SIGUSR2, signal.SIG_DFL)

# A handler that raises during a loop: the loop is interrupted.
count = 0
signal.signal(signal.SIGUSR1, raising)
try:
    while True:
        count += 1
        if count == 1000:
            signal.raise_signal(signal.SIGUSR1)
except RuntimeError as e:
    print("loop stopped", count, e)
signal.signal(signal.SIGUSR1, signal.SIG_DFL)

for args in [(99, signal.SIG_DFL), (0, signal.SIG_DFL), (signal.SIGINT, 5), (signal.SIGINT, "x")]:
    try:
        signal.signal(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    signal.signal(signal.SIGKILL, handler)
except OSError as e:
    print("OSError", e)
print(signal.strsignal(signal.SIGINT), signal.strsignal(signal.SIGTERM))
print(signal.SIGINT in signal.valid_signals(), len(signal.valid_signals()) > 30)
