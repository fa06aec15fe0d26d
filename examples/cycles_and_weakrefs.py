"""Reference counting frees at once; the cycle collector frees cycles.

    build/coil examples/cycles_and_weakrefs.py

Every object carries a count of the references to it (runtime/object.h):
when the last one goes, the object is freed on the spot and its __del__
runs.  Two objects that refer to each other keep each other's count above
zero, so only the cycle collector (runtime/gc.cpp) can free them.  A weak
reference watches an object without keeping it alive.
"""
import gc
import sys
import weakref


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None

    def __del__(self):
        print(f"  __del__ {self.name}")


print("1. the last reference goes -> freed at once:")
solo = Node("solo")
print("  getrefcount(solo):", sys.getrefcount(solo), "(the name, and the call's argument)")
del solo

print("2. a cycle survives del ...")
gc.disable()
a, b = Node("a"), Node("b")
a.other, b.other = b, a
watch = weakref.ref(a)
del a, b
print("  still alive?", watch() is not None)
print("3. ... until the collector runs:")
found = gc.collect()
print("  unreachable objects found:", found, "(the two nodes, and in coil their __dict__s)")
print("  still alive?", watch() is not None)
gc.enable()

print("4. generations and thresholds:", gc.get_threshold())
