# An uncaught KeyboardInterrupt prints its traceback, then the process
# dies by SIGINT (exit status 130 in a shell), after finalization ran.
import os
import signal


class Noisy:
    def __del__(self):
        print("finalized")


keep = Noisy()
print("before")
os.kill(os.getpid(), signal.SIGINT)
print("not reached")
