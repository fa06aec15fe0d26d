# __del__ in cycles: run once (PEP 442), before the cycle is broken;
# resurrection keeps the object alive and whole.
import gc

gc.collect()
log = []


class Loud:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        log.append(f"del {self.name} (peer {'set' if getattr(self, 'peer', None) else 'unset'})")


a, b = Loud("a"), Loud("b")
a.peer, b.peer = b, a
del a, b
gc.collect()
print(sorted(log))

# Finalizers see their peers intact: clearing happens after all finalizers.
saved = []


class Phoenix:
    def __del__(self):
        log.append("phoenix finalized")
        saved.append(self)


log.clear()
p = Phoenix()
p.me = p
p.data = [1, 2, 3]
del p
gc.collect()
print(log, len(saved), saved[0].data, saved[0].me is saved[0])
print("is_finalized:", gc.is_finalized(saved[0]))

# Dropped again: freed without a second __del__.
saved.clear()
gc.collect()
print(log)


# A suspended generator in a cycle is closed: its finally block runs.
def gen():
    me = yield
    try:
        yield 1
    finally:
        log.append("generator closed")


log.clear()
g = gen()
next(g)
g.send(g)
del g
gc.collect()
print(log)

# is_finalized on fresh objects.
print(gc.is_finalized(Loud("fresh")), gc.is_finalized(3))
