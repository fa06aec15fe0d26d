# __getattr__ is only called for missing attributes; __setattr__ intercepts all assignments; attribute lookup order.
class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "log", [])
    def __getattr__(self, name):
        self.log.append(name)
        return getattr(self._target, name)
    def __setattr__(self, name, value):
        self.log.append("set " + name)
        setattr(self._target, name, value)
class Target:
    def __init__(self):
        self.x = 1
    def hello(self):
        return "hello from target"
t = Target()
p = Proxy(t)
print(p.x, p.hello(), p.log)
p.y = 5
print(t.y, p.log, "y" in vars(p))
class Defaults:
    a = "class a"
    def __init__(self):
        self.b = "instance b"
    def __getattr__(self, name):
        if name.startswith("opt_"):
            return f"default for {name}"
        raise AttributeError(f"{type(self).__name__!r} has no {name!r}")
d = Defaults()
print(d.a, d.b, d.opt_color)
try:
    d.other
except AttributeError as e:
    print("AttributeError:", e)
print(getattr(d, "other", "fallback"), hasattr(d, "opt_x"), hasattr(d, "other"))
class Frozen:
    def __init__(self, v):
        object.__setattr__(self, "v", v)
    def __setattr__(self, name, value):
        raise AttributeError(f"cannot set {name}")
    def __delattr__(self, name):
        raise AttributeError(f"cannot delete {name}")
f = Frozen(3)
print(f.v)
for action in (lambda: setattr(f, "v", 4), lambda: delattr(f, "v")):
    try:
        action()
    except AttributeError as e:
        print("AttributeError:", e)
class Dyn:
    pass
obj = Dyn()
for i, name in enumerate(["alpha", "beta"]):
    setattr(obj, name, i)
print(sorted(vars(obj).items()), getattr(obj, "beta"))
class WithGetattribute:
    def __getattribute__(self, name):
        if name == "magic":
            return "intercepted"
        return object.__getattribute__(self, name)
w = WithGetattribute()
w.real = "real value"
print(w.magic, w.real)
