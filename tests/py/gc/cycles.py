# Cycles that reference counting cannot free, and the collector can.
import gc
import weakref

gc.collect()


class Node:
    def __init__(self, name):
        self.name = name
        self.peer = None


# A list that contains itself.
l = []
l.append(l)
probe = weakref.ref(Node("unused"))   # dead at once: no cycle
print("acyclic object freed by refcount:", probe() is None)
del l
print("self-referencing list:", gc.collect())

# A dict that contains itself.
d = {}
d["me"] = d
del d
print("self-referencing dict:", gc.collect())

# Two instances pointing at each other.
a, b = Node("a"), Node("b")
a.peer, b.peer = b, a
wa = weakref.ref(a)
del a, b
print("before collect, alive:", wa() is not None)
print("found at least 2:", gc.collect() >= 2)
print("after collect, alive:", wa() is not None)


# A recursive closure: function -> closure -> cell -> function.
def make():
    def countdown(n):
        return countdown(n - 1) if n else "done"
    return countdown


f = make()
print(f(3))
wf = weakref.ref(f)
del f
print("closure alive before:", wf() is not None)
gc.collect()
print("closure alive after:", wf() is not None)

# A longer ring of lists, collected by a young collection.
head = [0]
node = head
for i in range(1, 50):
    nxt = [i]
    node.append(nxt)
    node = nxt
node.append(head)
del head, node, nxt
print("ring of 50 lists:", gc.collect())

# Objects still referenced from outside survive, with their contents.
keep = []
keep.append(keep)
keep.append("payload")
gc.collect()
print("reachable cycle intact:", keep[1], keep[0] is keep)

# A class is in cycles of its own (its __mro__ holds it).
def make_class():
    class Local:
        pass
    return weakref.ref(Local)


wc = make_class()
gc.collect()
print("local class collected:", wc() is None)

# An exception caught and kept in a local: traceback -> frame -> locals.
class Boom(Exception):
    pass


def fail():
    try:
        raise Boom("x")
    except Boom as e:
        err = e
        return weakref.ref(err)


we = fail()
gc.collect()
print("exception collected:", we() is None)
