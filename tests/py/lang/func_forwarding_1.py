# *args/**kwargs forwarding, unpacking in calls in any order, wrapper functions preserving arguments.
def target(a, b, c=0, *rest, key=None, **extra):
    return (a, b, c, rest, key, sorted(extra.items()))
def wrapper(*args, **kwargs):
    print("  forwarding", args, sorted(kwargs.items()))
    return target(*args, **kwargs)
print(wrapper(1, 2))
print(wrapper(1, 2, 3, 4, 5, key="k", z=26))
print(wrapper(*[1], **{"b": 2, "c": 3}))
args = (1, 2)
kwargs = {"key": "K"}
print(target(*args, 3, *[4, 5], key="x", **{"y": 1}))
print(target(0, *args, **kwargs))
print(target(*(i for i in range(4))))
print(target(**{"a": "A", "b": "B"}))
print(target(1, 2, **{"c": 3}, **{"d": 4}))
def first_and_rest(first, *rest):
    return first, rest
print(first_and_rest(*"hello"))
def sum_all(*nums, start=0):
    total = start
    for n in nums:
        total += n
    return total
print(sum_all(), sum_all(1, 2, 3), sum_all(*range(5), start=100))
def call_with(fn, *a, **k):
    return fn(*a, **k)
print(call_with(max, 3, 9, 2), call_with(sorted, [3, 1, 2], reverse=True), call_with(dict, a=1))
print(call_with(print, "via", "call_with", sep="|"))
def kwargs_copy(**kw):
    kw["added"] = True
    return kw
orig = {"x": 1}
res = kwargs_copy(**orig)
print(orig, res, orig is res)
def show(*args):
    return type(args).__name__, len(args)
print(show(*[1, 2, 3]), show())
