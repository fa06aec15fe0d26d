# Class scope: class bodies don't enclose methods; comprehensions in classes.
x = "global x"

class C:
    x = "class x"
    y = [x for _ in range(1)]
    def method(self):
        return x

print(C().method(), C.y)

def outer():
    v = "enclosing"
    class Inner:
        w = v
        def get(self):
            return v
    return Inner

I = outer()
print(I.w, I().get())

class Counter:
    total = 0
    def add(self):
        Counter.total += 1
        self.total_seen = Counter.total
        return self

c = Counter().add().add()
print(Counter.total, c.total_seen)

def unbound_local():
    try:
        print(z)
        z = 1
    except UnboundLocalError as e:
        print(type(e).__name__, e)

z = "global z"
unbound_local()
