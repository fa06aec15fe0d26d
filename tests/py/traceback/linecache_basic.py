# linecache: lines of files by number, the cache and its checks.
import linecache
import os
import tempfile

here = os.path.abspath(__file__)
print(repr(linecache.getline(here, 1)))
print(repr(linecache.getline(here, 0)), repr(linecache.getline(here, 10000)))
print(repr(linecache.getline("<string>", 1)), linecache.getlines("<stdin>"))
print(repr(linecache.getline("no/such/file.py", 1)))
print(here in linecache.cache, len(linecache.cache[here]), linecache.cache[here][3] == here)

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "m.py")
    with open(path, "w", encoding="utf-8") as fp:
        fp.write("first\nsecond é\nno newline")
    print(linecache.getlines(path))
    print(repr(linecache.getline(path, 3)))
    with open(path, "w", encoding="utf-8") as fp:
        fp.write("changed and longer\n")
    print(repr(linecache.getline(path, 1)))
    linecache.checkcache(path)
    print(path in linecache.cache, repr(linecache.getline(path, 1)))
    print(linecache.updatecache(path))
    os.remove(path)
    linecache.checkcache()
    print(path in linecache.cache)


class Loader:
    def get_source(self, name):
        return "line of " + name + "\nsecond"


print(linecache.lazycache("virtual.py", {"__name__": "virt", "__loader__": Loader()}))
print(linecache.cache["virtual.py"][0]())
print(linecache.getlines("virtual.py"))
print(linecache.lazycache("<x>", {"__name__": "x", "__loader__": Loader()}),
      linecache.lazycache("nol.py", {"__name__": "x"}), linecache.lazycache("nol.py", None))
linecache.clearcache()
print(linecache.cache)
