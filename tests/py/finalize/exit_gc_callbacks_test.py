# gc.callbacks run in the collection at exit, and since a callback's
# globals are the module's, the module's objects stay alive through it:
# D's __del__ never runs (as in CPython).
import gc, sys
class D:
    def __del__(self): sys.stdout.write("del D\n")
d = D()
G = "global alive"
def cb(phase, info):
    sys.stdout.write("cb %s %s %s\n" % (phase, info["generation"], G))
gc.callbacks.append(cb)
print("end")
