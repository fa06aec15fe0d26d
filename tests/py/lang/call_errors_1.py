# TypeError messages for bad calls to plain functions: missing, too many, unexpected, multiple values.
def f(a, b, c=3):
    pass
def g(*, k):
    pass
def h(x, /, y):
    pass
def none():
    pass
def kw_many(a, *, b, c, d):
    pass
def miss3(a, b, c):
    pass
calls = [
    lambda: f(),
    lambda: f(1),
    lambda: f(1, 2, 3, 4),
    lambda: f(1, 2, 3, 4, 5),
    lambda: f(1, 2, d=4),
    lambda: f(1, 2, a=1),
    lambda: f(1, b=2, **{"b": 3}),
    lambda: g(),
    lambda: g(1),
    lambda: g(1, k=2),
    lambda: g(k=1, j=2),
    lambda: h(x=1, y=2),
    lambda: h(1),
    lambda: none(1),
    lambda: none(a=1),
    lambda: kw_many(1),
    lambda: kw_many(1, b=2),
    lambda: miss3(),
    lambda: miss3(1),
    lambda: f(**{1: 2}),
    lambda: f(*5),
    lambda: f(**[1]),
    lambda: (lambda x: x)(),
    lambda: (lambda: 0)(1, 2),
]
for c in calls:
    try:
        c()
        print("no error")
    except TypeError as e:
        print(e)
