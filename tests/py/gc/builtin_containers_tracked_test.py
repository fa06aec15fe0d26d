# Iterators of itertools, the str iterator and memoryview hold references,
# so the cycle collector tracks them as CPython does, and a reference cycle
# running through one of them is collected.  Each cycle goes through an
# instance `h` whose weak reference is dead after gc.collect().
import gc
import itertools as it
import weakref

gc.disable()

# ---- gc.is_tracked, right after creation ------------------------------------------------

g = it.groupby([1, 1, 2])
key, grouper = next(g)
t1, t2 = it.tee([1, 2])
next(t1)
teedata = gc.get_referents(t1)[0]
objects = [
    it.count(), it.count(1.5, 0.5), it.cycle([1]), it.repeat(1), it.repeat(1, 3), it.accumulate([1]),
    it.chain([1]), it.chain.from_iterable([[1]]), g, grouper, it.islice([1], 1), it.pairwise([1]),
    t1, teedata, it.zip_longest([1], [2]), it.product([1], repeat=2), it.permutations([1]),
    it.combinations([1], 1), it.combinations_with_replacement([1], 1), it.compress([1], [1]),
    it.starmap(pow, []), iter("ab"), iter("\u00e9"), memoryview(b"a"), memoryview(bytearray(b"a")),
]
for o in objects:
    print(type(o).__name__, gc.is_tracked(o))
del g, grouper, t1, t2, teedata, objects, o

# ---- cycles through the objects ----------------------------------------------------------

class H:
    pass

def report(name, ref):
    n = gc.collect()
    print(name, n, "alive" if ref() is not None else "dead")

def report_some(name, ref):
    # Internal layouts differ (CPython's cycle keeps its saved items in a
    # list, zip_longest and product keep tuples, memoryview a managed
    # buffer): only "something was collected".
    n = gc.collect()
    print(name, n >= 1, "alive" if ref() is not None else "dead")

def cycle_unstarted():
    h = H(); l = [h]; h.it = it.cycle(l)
    return weakref.ref(h)
report_some("cycle, not started", cycle_unstarted())

def cycle_saved():
    h = H(); h.it = it.cycle(iter([h, 1]))
    next(h.it); next(h.it); next(h.it)   # the first pass is over: h lives in `saved`
    return weakref.ref(h)
report_some("cycle, items saved", cycle_saved())

def chain_cycle():
    h = H(); l = [h]; h.it = it.chain(l, [2])
    return weakref.ref(h)
report("chain", chain_cycle())

def chain_active():
    h = H(); l = [h]; h.it = it.chain.from_iterable([l])
    next(h.it)   # the list iterator over l is now the active one
    return weakref.ref(h)
report("chain, active", chain_active())

def tee_cycle():
    h = H(); a, b = it.tee([h, 1])
    next(a)      # h now sits in the shared buffer
    h.tees = (a, b)
    return weakref.ref(h)
report("tee", tee_cycle())

def groupby_cycle():
    h = H(); l = [h, h, 1]; h.g = it.groupby(l, key=type)
    return weakref.ref(h)
report("groupby", groupby_cycle())

def grouper_cycle():
    h = H(); g = it.groupby([h, h, 1], key=type)
    k, grp = next(g)
    h.grp = grp  # the _grouper holds the groupby, which holds h as current value
    return weakref.ref(h)
report("groupby._grouper", grouper_cycle())

def islice_cycle():
    h = H(); l = [h, 1, 2]; h.it = it.islice(l, 1, None)
    return weakref.ref(h)
report("islice", islice_cycle())

def repeat_cycle():
    h = H(); h.it = it.repeat(h)
    return weakref.ref(h)
report("repeat", repeat_cycle())

def accumulate_cycle():
    h = H(); h.it = it.accumulate([h], func=lambda a, b: a)
    next(h.it)   # h is the running total
    return weakref.ref(h)
report("accumulate", accumulate_cycle())

def pairwise_cycle():
    h = H(); h.it = it.pairwise([h, 1, 2])
    next(h.it)   # pairwise keeps the last item read
    return weakref.ref(h)
report("pairwise", pairwise_cycle())

def zip_longest_cycle():
    h = H(); h.it = it.zip_longest([1], [2, 3], fillvalue=h)
    return weakref.ref(h)
report_some("zip_longest", zip_longest_cycle())

class Number:
    # A number count() accepts (it has __index__) whose sum is itself.
    def __index__(self): return 0
    def __add__(self, other): return self

def count_cycle():
    n = Number(); n.it = it.count(n)
    next(n.it)
    return weakref.ref(n)
report("count", count_cycle())

def product_cycle():
    h = H(); h.it = it.product([h], [1, 2])
    return weakref.ref(h)
report_some("product", product_cycle())

def combinations_cycle():
    h = H(); h.it = it.combinations([h, 1], 2)
    return weakref.ref(h)
report_some("combinations", combinations_cycle())

def permutations_cycle():
    h = H(); h.it = it.permutations([h, 1])
    return weakref.ref(h)
report_some("permutations", permutations_cycle())

class S(str):
    pass

def str_iterator_cycle():
    s = S("ab"); s.it = iter(s)
    return weakref.ref(s)
report("str_iterator", str_iterator_cycle())

class B(bytearray):
    pass

def memoryview_cycle():
    b = B(b"xy"); b.view = memoryview(b)
    return weakref.ref(b)
report_some("memoryview", memoryview_cycle())

# Iterating after the cycle is gone still works on fresh objects.
print(list(it.islice(it.cycle("ab"), 5)), list(it.chain("ab", "c")))
print(gc.collect())
