# LEGB resolution with several nesting levels; lookups happen at call time; globals() and module-level rebinding.
x = "global"
def level1():
    y = "enclosing-1"
    def level2():
        z = "enclosing-2"
        def level3():
            return x, y, z, len
        return level3()
    return level2()
print(level1())
def reads_later():
    return late
try:
    reads_later()
except NameError as e:
    print("NameError:", e)
late = "defined afterwards"
print(reads_later())
def shadow():
    x = "local"
    def inner():
        return x
    return inner()
print(shadow(), x)
def outer():
    v = 1
    def get():
        return v
    v = 2
    return get
print(outer()())
counter = 0
def bump():
    global counter
    counter += 1
bump(); bump()
print(counter)
def make_global():
    global created_inside
    created_inside = "made by function"
make_global()
print(created_inside)
print("x" in globals(), globals()["x"], "nope" in globals())
def show_locals(a, b=2):
    c = a + b
    return sorted(locals().items())
print(show_locals(1))
