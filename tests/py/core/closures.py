# Closures share cells; late binding; nonlocal; closures over loop variables.
def make_counter():
    count = 0
    def inc(by=1):
        nonlocal count
        count += by
        return count
    def get():
        return count
    return inc, get

inc, get = make_counter()
inc(); inc(5)
print(get())
print(inc.__closure__ is not None, len(inc.__closure__), inc.__closure__[0].cell_contents)

fns = [lambda: i for i in range(3)]
print([fn() for fn in fns])
fns = [lambda i=i: i for i in range(3)]
print([fn() for fn in fns])

def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner
    x = "changed"
    return middle()()

print(outer())

def unbound():
    def inner():
        return y
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    y = 1
    return inner()

print(unbound())

def param_cell(a):
    def get():
        return a
    a += 1
    return get()

print(param_cell(10))

x = "global"
def reads_global():
    return x
def shadows():
    x = "local"
    return x
print(reads_global(), shadows(), x)

def uses_global():
    global x
    x = "rebound"
uses_global()
print(x)
