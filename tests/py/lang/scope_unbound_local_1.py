# Assignment anywhere in a function makes a name local: UnboundLocalError messages and variants.
x = 10
def f1():
    print(x)
    x = 5
try:
    f1()
except UnboundLocalError as e:
    print(type(e).__name__, "|", e)
def f2():
    x += 1
try:
    f2()
except UnboundLocalError as e:
    print(type(e).__name__, "|", e)
def f3(flag):
    if flag:
        y = "set"
    return y
print(f3(True))
try:
    f3(False)
except UnboundLocalError as e:
    print(e)
def f4():
    for i in range(0):
        pass
    return i
try:
    f4()
except UnboundLocalError as e:
    print(e)
def f5():
    z = 1
    del z
    return z
try:
    f5()
except UnboundLocalError as e:
    print(e)
def f6():
    def inner():
        return w
    try:
        return inner()
    except NameError as e:
        return type(e).__name__ + ": " + str(e)
    w = 1
print(f6())
print(issubclass(UnboundLocalError, NameError))
def f7():
    try:
        import_name = undefined_global
    except NameError as e:
        return str(e)
print(f7())
def f8():
    x = x
try:
    f8()
except UnboundLocalError as e:
    print(e)
