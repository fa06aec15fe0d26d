# When callbacks run: after __del__, before the attributes are dropped,
# from inside any deallocation (a list, a function returning, the cycle
# collector); errors in callbacks are reported, never raised.
import gc
import weakref


class Noisy:
    def __init__(self, name, child=None):
        self.name = name
        self.child = child

    def __del__(self):
        print("del", self.name)


def cb(tag):
    return lambda wr: print("callback", tag, wr())


# __del__ first, then the callback; the child dies after both
n = Noisy("parent", Noisy("child"))
w = weakref.ref(n, cb("parent"))
wc = weakref.ref(n.child, cb("child"))
del n
print("--")

# objects freed with their list
items = [Noisy("i0"), Noisy("i1")]
refs = [weakref.ref(o, cb(o.name)) for o in items]
items = None
print("--")

# callbacks run at the `del`, before the exception is raised
def fail():
    local = Noisy("local")
    keep = weakref.ref(local, cb("local"))
    del local
    raise ValueError("boom")


try:
    fail()
except ValueError as e:
    print("caught", e)

# a callback that raises is reported on stderr and the rest go on
class Raiser:
    def __call__(self, wr):
        raise RuntimeError("callback failed")

    def __repr__(self):
        return "<Raiser>"


class Plain:
    pass


p = Plain()
r1 = weakref.ref(p, Raiser())
r2 = weakref.ref(p, cb("after raiser"))
del p
print("still running")

# a bound method is a new object each time: a plain ref to it dies at once
class M:
    def meth(self):
        pass


m = M()
print(weakref.ref(m.meth)() is None)

# a ref subclass with its own state, as WeakValueDictionary's KeyedRef
class KeyedRef(weakref.ref):
    __slots__ = ("key",)

    def __new__(cls, ob, callback, key):
        self = super().__new__(cls, ob, callback)
        self.key = key
        return self

    def __init__(self, ob, callback, key):
        super().__init__(ob, callback)


removed = []
obj = Plain()
kr = KeyedRef(obj, lambda wr: removed.append(wr.key), "the-key")
print(type(kr).__name__, kr.key, kr() is obj, isinstance(kr, weakref.ref), kr == weakref.ref(obj))
del obj
print(removed, kr())


class Tagged(weakref.ref):
    pass


t_obj = Plain()
t = Tagged(t_obj)
t.note = "subclass instances have a __dict__"
print(t.note, t is not weakref.ref(t_obj), weakref.getweakrefcount(t_obj))

# a cycle dies in gc.collect(); its weak references die with it
a, b = Noisy("a"), Noisy("b")
a.child, b.child = b, a
wa = weakref.ref(a, cb("cycle a"))
del a, b
print("before collect:", wa() is not None)
gc.collect()
print("after collect:", wa())
