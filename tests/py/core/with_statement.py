# with: __enter__ result, __exit__ arguments, suppression, multiple items.
class Resource:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()

    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc, tb is not None)
        return self.suppress


with Resource("a") as x, Resource("b") as y:
    print("body", x, y)

with Resource("s", suppress=True):
    raise ValueError("hidden")
print("after suppress")

try:
    with Resource("n"):
        raise KeyError("propagates")
except KeyError as e:
    print("caught", e)

with (Resource("p1") as p1,
      Resource("p2") as p2):
    print(p1, p2)

try:
    with 42:
        pass
except TypeError as e:
    print(e)
