# At exit no object has a finalizer left and no weak reference has a
# callback: the shutdown empties the module globals and lets reference
# counting free what they held (chains, cycles, closures, classes), then
# collects what is left.  Nothing may print and the exit status is 0.
import collections
import weakref

class Node:
    def __init__(self, value, parent):
        self.value = value
        self.parent = parent

chain = None
for i in range(50_000):
    chain = Node(i, chain)

ring = [Node(i, None) for i in range(1000)]
for a, b in zip(ring, ring[1:] + ring[:1]):
    a.parent = b

def make_counter():
    count = 0
    def bump():
        nonlocal count
        count += 1
        return count
    return bump

counters = [make_counter() for _ in range(100)]
self_ref = []
self_ref.append(self_ref)
table = {i: (str(i), [i]) for i in range(1000)}
dq = collections.deque(range(10))
plain_ref = weakref.ref(chain)

class Meta(type):
    pass

class WithMeta(metaclass=Meta):
    pass

print(counters[0](), len(table), plain_ref() is chain)
