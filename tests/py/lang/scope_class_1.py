# Class bodies are scopes that methods do not see; class-level names in comprehensions; attribute lookup order.
x = "module x"
class C:
    x = "class x"
    y = x + "!"
    def method(self):
        return x
    def method2(self):
        return self.x
    items = [1, 2, 3]
    doubled = [i * 2 for i in items]
    try:
        bad = [x for _ in range(1)]
    except NameError:
        bad = "NameError"
print(C.y, C().method(), C().method2(), C.doubled, C.bad)
class D:
    n = 3
    try:
        squares = [i * n for i in range(3)]
    except NameError as e:
        squares = "NameError: " + str(e)
print(D.squares)
def func():
    v = "function local"
    class Inner:
        w = v
        def m(self):
            return v
    return Inner.w, Inner().m()
print(func())
class E:
    counter = 0
    def __init__(self):
        E.counter += 1
        self.counter_seen = E.counter
e1, e2 = E(), E()
print(E.counter, e1.counter_seen, e2.counter_seen)
class F:
    a = 1
    a = a + 1
    del a
    b = 2
print(hasattr(F, "a"), F.b)
class G:
    def __init__(self):
        self.z = "instance"
    z = "class"
g = G()
print(g.z, G.z)
del g.z
print(g.z)
class H:
    name = "H"
    print("executing class body:", name)
    def __repr__(self):
        return "H()"
print(H(), H.__name__, H.__qualname__)
def factory():
    class Local:
        pass
    return Local
print(factory().__qualname__)
