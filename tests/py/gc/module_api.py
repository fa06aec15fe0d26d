# The gc module's interface and its errors, as CPython 3.11 has them.
import gc

print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())

print(gc.get_threshold())
gc.set_threshold(500)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
print(gc.get_threshold())
print(type(gc.get_count()), len(gc.get_count()))

print(gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)
print(gc.get_debug())

stats = gc.get_stats()
print(len(stats), sorted(stats[0]))

# Tracked: containers; not tracked: atoms.
print(gc.is_tracked(0), gc.is_tracked(10 ** 30), gc.is_tracked("s"), gc.is_tracked(1.5))
print(gc.is_tracked([]), gc.is_tracked(object()), gc.is_tracked(gc.is_tracked))


class C:
    pass


print(gc.is_tracked(C()), gc.is_tracked(C), gc.is_tracked(int))

# Referents and referrers.
item = [1, 2]
holder = [item, "x"]
print(gc.get_referents(holder) == [item, "x"])
print(any(r is holder for r in gc.get_referrers(item)))
print(gc.get_referents(1, "abc"))

gc.collect()
print(type(gc.get_objects()), any(o is holder for o in gc.get_objects()))

# Callbacks.
seen = []


def cb(phase, info):
    seen.append((phase, info["generation"], sorted(info)))


gc.callbacks.append(cb)
gc.collect(1)
gc.callbacks.remove(cb)
print(seen)

# DEBUG_SAVEALL keeps the garbage in gc.garbage.
gc.collect()
gc.set_debug(gc.DEBUG_SAVEALL)
z = []
z.append(z)
del z
gc.collect()
print(len(gc.garbage), type(gc.garbage[0]), gc.garbage[0][0] is gc.garbage[0])
gc.set_debug(0)
gc.garbage.clear()

# freeze / unfreeze.
gc.freeze()
print(gc.get_freeze_count() > 0)
gc.unfreeze()
print(gc.get_freeze_count())

# Wrong arguments.
for call in (lambda: gc.collect(3), lambda: gc.collect(-1), lambda: gc.collect("x"),
             lambda: gc.collect(1, 2), lambda: gc.collect(gen=1), lambda: gc.collect(1.5),
             lambda: gc.collect(2 ** 70), lambda: gc.set_threshold(),
             lambda: gc.set_threshold(1, 2, 3, 4), lambda: gc.set_threshold("a"),
             lambda: gc.get_objects(3), lambda: gc.get_objects(-2), lambda: gc.get_objects("a"),
             lambda: gc.is_tracked(), lambda: gc.is_tracked(1, 2), lambda: gc.enable(1),
             lambda: gc.get_referrers(x=1), lambda: gc.set_debug("a")):
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e)
print(gc.collect(generation=0) >= 0, gc.collect(0) >= 0)
