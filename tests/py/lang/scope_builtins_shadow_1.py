# Shadowing builtins at module and function level, restoring with del; builtins module access.
import builtins
print(len("abc"))
def len(x):
    return "my len"
print(len("abc"))
del len
print(len("abc"))
def f():
    list = "shadowed in f"
    return list
print(f(), list("ab"))
sum = lambda xs: "fake sum"
print(sum([1, 2]), builtins.sum([1, 2]))
del sum
print(sum([1, 2]))
def g():
    print = "not callable"
    try:
        print("hi")
    except TypeError as e:
        return str(e)
print(g())
def h():
    return max([3, 1]), min([3, 1])
max = None
try:
    h()
except TypeError as e:
    print("TypeError:", e)
del max
print(h())
print(builtins.len is len, builtins.print is print)
try:
    del len
except NameError as e:
    print("NameError:", e)
id = 5
print(id)
str = "oops"
try:
    str(5)
except TypeError as e:
    print("TypeError:", e)
del str
print(str(5), repr(str)[:13])
