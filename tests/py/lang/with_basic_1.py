# with statement: __enter__ return value bound by as, __exit__ always runs and receives exception details.
class Resource:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print(f"  enter {self.name}")
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print(f"  exit {self.name}:", exc_type.__name__ if exc_type else None, repr(exc), tb is not None)
        return False
with Resource("a") as value:
    print("body got", value)
try:
    with Resource("b"):
        raise KeyError("boom")
except KeyError as e:
    print("propagated", repr(e))
def early_return():
    with Resource("c"):
        return "returned from with"
print(early_return())
for i in range(3):
    with Resource(f"loop{i}"):
        if i == 1:
            continue
        if i == 2:
            break
        print("  body", i)
class SelfReturning:
    def __enter__(self):
        return self
    def __exit__(self, *args):
        print("  exit args length", len(args))
    def hello(self):
        return "hello from cm"
with SelfReturning() as cm:
    print(cm.hello())
class NoEnterValue:
    def __enter__(self):
        pass
    def __exit__(self, *a):
        pass
with NoEnterValue() as v:
    print("as target is", v)
try:
    with 5:
        pass
except (TypeError, AttributeError) as e:
    print(type(e).__name__ + ":", e)
class OnlyEnter:
    def __enter__(self):
        return self
try:
    with OnlyEnter():
        pass
except (TypeError, AttributeError) as e:
    print(type(e).__name__ + ":", e)
