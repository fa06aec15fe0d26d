# gc.collect() reports the number of unreachable objects CPython 3.11
# would: an instance whose attributes CPython keeps inline counts as one
# object until the program exposes its __dict__ (vars(), deleting an
# attribute) or gives it more than 30 attributes.
import gc
gc.disable()
class A: pass
def cyc():
    a, b = A(), A(); a.o = b; b.o = a
cyc(); print("plain 2-cycle", gc.collect())
def cyc_vars():
    a, b = A(), A(); a.o = b; b.o = a; vars(a)
cyc_vars(); print("vars accessed", gc.collect())
def self_list():
    l = []; l.append(l)
self_list(); print("self list", gc.collect())
class E(Exception): pass
def exc_cyc():
    e = E(); e.me = e
exc_cyc(); print("exception self", gc.collect())
def many_attrs():
    a = A(); a.self = a
    for i in range(40): setattr(a, "x%d" % i, i)
many_attrs(); print("many attrs", gc.collect())
def closure_cycle():
    def f(): return f
    return None
closure_cycle(); print("closure", gc.collect())
def dict_del():
    a = A(); a.x = 1; a.self = a; del a.x
dict_del(); print("attr deleted", gc.collect())
class S:
    __slots__ = ("o", "__dict__")
def slots_dict():
    a = S(); a.o = a; a.y = 1
slots_dict(); print("slots+dict", gc.collect())
