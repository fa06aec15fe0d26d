# Call errors involving methods, classmethods, constructors, builtins and non-callables (qualname in messages).
class C:
    def m(self, x):
        return x
    @classmethod
    def cm(cls, a):
        pass
    @staticmethod
    def sm(a, b):
        pass
    class Inner:
        def deep(self, q):
            pass
class NoInit:
    pass
class WithInit:
    def __init__(self, a, *, b):
        pass
def outer():
    def inner(z):
        pass
    return inner
values = [5, "s", None, []]
calls = [
    lambda: C().m(),
    lambda: C().m(1, 2),
    lambda: C.m(1),
    lambda: C.m(),
    lambda: C().m(y=1),
    lambda: C.cm(),
    lambda: C.sm(1),
    lambda: C().sm(1, 2, 3),
    lambda: C.Inner().deep(),
    lambda: NoInit(1),
    lambda: NoInit(a=1),
    lambda: WithInit(),
    lambda: WithInit(1),
    lambda: WithInit(1, 2),
    lambda: outer()(),
    lambda: len(),
    lambda: len(1, 2),
    lambda: len(5),
    lambda: abs("x"),
    lambda: values[0](),
    lambda: values[1](),
    lambda: values[2](),
    lambda: values[3](),
    lambda: C()(),
    lambda: int("1", 2, 3),
    lambda: isinstance(1),
    lambda: sorted([1], cmp=None),
]
for c in calls:
    try:
        c()
        print("no error")
    except TypeError as e:
        print(e)
