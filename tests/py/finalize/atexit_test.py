# atexit callbacks run last-registered first, before the modules are torn
# down; weakref.finalize objects still alive at exit run then too.
import atexit
import weakref


def hello(name, punct="!"):
    print("goodbye", name + punct)


class Raiser:
    def __call__(self):
        raise RuntimeError("exit callback failed")

    def __repr__(self):
        return "<Raiser>"


class Res:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del Res", self.n)


atexit.register(hello, "first")
atexit.register(hello, "second", punct="?")
atexit.register(Raiser())
print(atexit.register(hello, "dropped") is hello)
atexit.unregister(hello)
atexit.register(hello, "third")


@atexit.register
def decorated():
    print("decorated runs first")


keep = Res("kept")
fin = weakref.finalize(keep, print, "finalize at exit")
gone = Res("gone")
fin_gone = weakref.finalize(gone, print, "finalize when gone")
del gone
quiet = Res("quiet")
fin_quiet = weakref.finalize(quiet, print, "not at exit")
fin_quiet.atexit = False
print("end of program", fin.alive, fin_gone.alive)
