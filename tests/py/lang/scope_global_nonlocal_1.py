# global and nonlocal statements: rebinding, nonlocal through several levels, independent closures.
total = 0
def add(n):
    global total
    total += n
    return total
print(add(5), add(10), total)
def make_acc():
    acc = []
    count = 0
    def push(v):
        nonlocal count
        count += 1
        acc.append(v)
        return count, list(acc)
    return push
p1 = make_acc()
p2 = make_acc()
print(p1("a"), p1("b"), p2("z"))
def outer():
    x = 0
    def middle():
        def inner():
            nonlocal x
            x += 100
        inner()
        inner()
    middle()
    return x
print(outer())
def shadowing():
    x = "outer"
    def inner():
        x = "inner local"
        return x
    inner()
    return x
print(shadowing())
def both():
    global g
    g = "global set"
    h = "enclosing"
    def inner():
        nonlocal h
        h = "changed"
    inner()
    return h
print(both(), g)
def swap_pair():
    a, b = 1, 2
    def sw():
        nonlocal a, b
        a, b = b, a
    sw()
    return a, b
print(swap_pair())
def gen_counter():
    n = 0
    def nxt():
        nonlocal n
        n += 1
        return n
    def reset():
        nonlocal n
        n = 0
    return nxt, reset
nxt, reset = gen_counter()
print(nxt(), nxt(), nxt(), reset(), nxt())
