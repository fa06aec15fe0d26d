# Functions as values: passing, returning, storing in containers, map/filter/sorted with function keys.
def apply_twice(f, x):
    return f(f(x))
def inc(x):
    return x + 1
print(apply_twice(inc, 5), apply_twice(lambda s: s + "!", "hi"), apply_twice(str.upper, "ab"))
def compose(*fns):
    def composed(x):
        for f in reversed(fns):
            x = f(x)
        return x
    return composed
pipeline = compose(str, abs, lambda x: x * 3)
print(repr(pipeline(-4)))
table = {"inc": inc, "neg": lambda x: -x, "str": str}
print({name: f(10) for name, f in table.items()})
print(list(map(inc, [1, 2, 3])), list(map(pow, [2, 3], [3, 2])), list(map(len, ["a", "bb"])))
print(list(filter(None, [0, 1, "", "x", None, [], [0]])), list(filter(str.isdigit, "a1b2")))
words = ["banana", "Apple", "cherry", "date"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), max(words, key=len), min(words, key=lambda w: w[-1]))
def reduce(f, items, init):
    acc = init
    for i in items:
        acc = f(acc, i)
    return acc
print(reduce(lambda a, b: a * b, range(1, 6), 1), reduce(lambda a, b: b + a, "abc", ""))
def curry(f):
    return lambda a: lambda b: f(a, b)
print(curry(pow)(2)(8))
handlers = []
def register(f):
    handlers.append(f)
    return f
@register
def h1(x):
    return "h1:" + x
@register
def h2(x):
    return "h2:" + x
print([h("evt") for h in handlers])
print(callable(len), callable(5), callable(str), callable(lambda: 0), callable(inc))
print(map(inc, []).__class__.__name__, type(filter(None, [])).__name__)
def make_ops():
    return inc, lambda x: x * 2
i, d = make_ops()
print(i(d(5)), d(i(5)))
print(list(map(lambda x, y: x + y, "abc", "xyz")), list(zip(*map(str.split, ["a b", "c d"]))))
