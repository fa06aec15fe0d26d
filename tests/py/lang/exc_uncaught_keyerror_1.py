# An uncaught KeyError after some output: stdout is kept, traceback shows the repr of the key, exit 1.
def lookup(d, k):
    return d[k]
data = {"a": 1}
print("a =", lookup(data, "a"))
print("looking up b")
lookup(data, "b")
print("never printed")
