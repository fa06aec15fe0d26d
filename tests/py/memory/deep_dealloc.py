# Freeing very long chains does not overflow the C++ stack (the trashcan),
# and every object is freed (and finalised) before `del` returns.
import gc

c = None
for i in range(1_000_000):
    c = [c]
del c
print("nested lists freed")

d = None
for i in range(300_000):
    d = {"next": d}
del d
print("nested dicts freed")

t = None
for i in range(300_000):
    t = (t, i)
del t
print("nested tuples freed")

finalised = 0

class Node:
    def __init__(self, parent):
        self.parent = parent
    def __del__(self):
        global finalised
        finalised += 1

n = None
for i in range(200_000):
    n = Node(n)
del n
print("finalised after del:", finalised)

# A long chain that is also a cycle goes to the collector.
gc.disable()
head = Node(None)
n = head
for i in range(100_000):
    n = Node(n)
head.parent = n
finalised = 0
del head, n
print("before collect:", finalised)
print("collected >= 100001:", gc.collect() >= 100_001)
print("finalised after collect:", finalised)
