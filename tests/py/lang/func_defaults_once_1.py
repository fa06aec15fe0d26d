# Default values are evaluated once at def time: mutable default trap, sentinel fix, defaults see current names.
def append(item, target=[]):
    target.append(item)
    return target
a = append(1)
b = append(2)
print(a, b, a is b, append.__defaults__)
print(append(3, []), append(4))
def append_fixed(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target
print(append_fixed(1), append_fixed(2))
n = 10
def uses_n(x=n):
    return x
n = 20
print(uses_n(), n)
log = []
def make_default(tag):
    log.append(tag)
    return tag
def f(a=make_default("a"), b=make_default("b")):
    return a, b
print(log)
f(); f()
print(log)
def counter(store={}):
    store["calls"] = store.get("calls", 0) + 1
    return store["calls"]
print(counter(), counter(), counter({}), counter())
def modifies_defaults(d=[0]):
    d[0] += 1
    return d[0]
modifies_defaults()
modifies_defaults()
print(modifies_defaults.__defaults__)
modifies_defaults.__defaults__ = ([100],)
print(modifies_defaults())
_missing = object()
def get(d, key, default=_missing):
    if key in d:
        return d[key]
    if default is _missing:
        return "raise"
    return default
print(get({}, "k"), get({}, "k", None), get({"k": 1}, "k"))
def kwdef(*, opt=[]):
    opt.append(len(opt))
    return opt
print(kwdef(), kwdef(), kwdef.__kwdefaults__)
