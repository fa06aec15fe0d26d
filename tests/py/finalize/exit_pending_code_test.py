# At exit a suspended generator still has a finally block to run: the
# shutdown takes the careful path (a collection over the whole heap) and
# runs it; weak-reference callbacks of references that die with their
# referents are not called, as in CPython.
import weakref
class A:
    pass
def gen():
    try:
        yield 1
    finally:
        print("gen closed at exit")
g = gen()
next(g)
a = A()
a.self = a
b = A()
r = weakref.ref(b, lambda wr: print("callback for b at exit"))
c = A()
c.me = c
rc = weakref.ref(c, lambda wr: print("callback for cyclic c at exit"))
print("end of program")
