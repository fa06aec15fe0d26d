# Generator expressions: laziness, single pass, the first iterable evaluated eagerly, use as sole call argument.
log = []
def src(n):
    log.append(f"src({n})")
    return range(n)
g = (x * 2 for x in src(3))
print(log)
print(next(g), log)
print(list(g), list(g))
try:
    (x for x in 5)
except TypeError as e:
    print("TypeError at creation:", e)
g2 = (1 / x for x in [1, 0])
print(next(g2))
try:
    next(g2)
except ZeroDivisionError as e:
    print("error when consumed:", e)
print(sum(x for x in range(5)), sorted((c for c in "cab"), reverse=True), "".join(str(i) for i in range(4)))
print(any(x > 3 for x in range(10 ** 9)), all(x < 3 for x in range(10 ** 9)))
pairs = ((a, b) for a in range(3) for b in range(3) if a < b)
print(list(pairs))
nums = [1, 2, 3]
gen = (n * 10 for n in nums)
nums.append(4)
print(list(gen))
nums2 = [1, 2]
gen3 = (n for n in nums2)
nums2 = [7, 8]
print(list(gen3))
total = 0
def consume(it):
    global total
    for v in it:
        total += v
consume(x for x in range(4))
print(total)
nested = ((y for y in range(x)) for x in range(3))
print([list(inner) for inner in nested])
print(dict((k, v) for k, v in zip("ab", [1, 2])), set(c for c in "aab") == {"a", "b"}, tuple(x for x in "hi"))
print(max((x for x in []), default="empty"), min(abs(x) for x in [-3, 2, -1]))
print(type((x for x in [])).__name__, (lambda: (yield))().__class__.__name__)
