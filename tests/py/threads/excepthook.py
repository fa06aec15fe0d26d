# An uncaught exception in a thread is reported on stderr by
# threading.excepthook ("Exception in thread NAME:" and a traceback) and
# the program goes on; a custom hook receives ExceptHookArgs.
import sys
import threading


def boom():
    raise ValueError("boom in thread")


t = threading.Thread(target=boom, name="worker-1")
t.start()
t.join()
print("main continues after the thread failed, alive:", t.is_alive())

t = threading.Thread(target=boom)
t.start()
t.join()
sys.stderr.flush()

# SystemExit in a thread ends only that thread, silently.
t = threading.Thread(target=sys.exit, args=(3,))
t.start()
t.join()
print("SystemExit in a thread is silent")

seen = []


def hook(args):
    seen.append((args.exc_type.__name__, str(args.exc_value),
                 args.exc_traceback is not None, args.thread.name))


threading.excepthook = hook
t = threading.Thread(target=boom, name="hooked")
t.start()
t.join()
print("custom hook saw:", seen)
threading.excepthook = threading.__excepthook__


class Broken(threading.Thread):
    def run(self):
        raise KeyError("k")


b = Broken(name="broken-subclass")
b.start()
b.join()
print("done")
