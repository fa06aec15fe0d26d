# itertools: lazy building blocks, with CPython's reprs and errors.
import itertools as it
from itertools import *

def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

print(list(islice(count(), 5)), list(islice(count(10, -3), 4)), list(islice(count(0.5, 0.25), 3)))
c = count(7); next(c); print(repr(c), repr(count(1, 2)), repr(count(2.5)), repr(count(2, 1.0)))
big = count(2**63 - 2); print([next(big) for _ in range(4)], repr(big))
print(list(islice(cycle("abc"), 8)), list(cycle([])))
r = repeat("x", 3); print(repr(r), list(r), repr(r), repr(repeat(None)), list(repeat(1, -5)))
print(list(map(pow, range(5), repeat(2))))
print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3], initial=10)), list(accumulate([], initial=0)))
print(list(accumulate([3, 1, 4, 1, 5], max)), list(accumulate("abc")), list(accumulate([2, 3, 4], lambda a, b: a * b)))
print(list(chain("ab", [1], (), range(2))), list(chain.from_iterable(["xy", "z"])), list(chain()))
print(list(compress("ABCDEF", [1, 0, 1, 0, 1, 1])), list(compress("AB", [1])))
print(list(dropwhile(lambda x: x < 3, [1, 2, 3, 4, 1])), list(takewhile(lambda x: x < 3, [1, 2, 3, 4, 1])))
print(list(filterfalse(lambda x: x % 2, range(8))), list(filterfalse(None, [0, 1, "", "a"])))
print(list(starmap(pow, [(2, 3), (3, 2)])), list(starmap(lambda *a: a, ["ab", [1]])))
print([(k, list(g)) for k, g in groupby("aaabccdd")])
print([(k, list(g)) for k, g in groupby([1, 3, 2, 4, 5], key=lambda x: x % 2)])
groups = list(groupby("aabb"))
print([(k, list(g)) for k, g in groups])
g = groupby("aabbb"); k1, g1 = next(g); print(k1, next(g1)); k2, g2 = next(g); print(k2, list(g2), list(g1))
print(type(g1).__name__, type(g).__name__)
print(list(islice("abcdefg", 3)), list(islice("abcdefg", 2, 5)), list(islice("abcdefg", 1, None, 2)),
      list(islice(count(), 2, 10, 3)), list(islice("abc", None)), list(islice("abc", 5, 9)))
src = iter(range(10)); print(list(islice(src, 3)), next(src))
print(list(pairwise("abcd")), list(pairwise("a")), list(pairwise([])))
a, b = tee([1, 2, 3]); print(next(a), list(b), list(a), type(a).__name__)
t1, t2, t3 = tee(count(), 3); print([next(t1) for _ in range(100)][-1], next(t2), next(t3))
c1, = tee("xy", 1); c2 = c1.__copy__(); print(list(c1), list(c2), tee("a", 0))
x, y = tee(iter([1, 2])); x2, = tee(x, 1); print(list(x2), list(x), list(y))
print(list(zip_longest("ab", [1, 2, 3])), list(zip_longest("ab", "c", fillvalue="-")), list(zip_longest()))
print(list(product("ab", [1, 2])), list(product(range(2), repeat=3))[:3], list(product()), list(product("ab", [])))
print(list(permutations("abc", 2)), len(list(permutations(range(5)))), list(permutations("ab", 3)), list(permutations([])))
print(list(combinations("abcd", 2)), list(combinations(range(4), 3)), list(combinations("ab", 0)), list(combinations("a", 2)))
print(list(combinations_with_replacement("abc", 2)), list(combinations_with_replacement([], 2)), list(combinations_with_replacement([], 0)))
print(repr(chain()).startswith("<itertools.chain object at 0x"), type(islice([], 1)).__name__, type(product()).__module__ if False else "")

show("count str", lambda: count("a"))
show("count 3 args", lambda: count(1, 2, 3))
show("repeat no args", lambda: repeat())
show("islice neg", lambda: islice([1], -1))
show("islice neg start", lambda: islice([1], -1, 2))
show("islice step 0", lambda: islice([1], 0, 1, 0))
show("islice 1 arg", lambda: islice([1]))
show("islice 5 args", lambda: islice([1], 1, 2, 3, 4))
show("comb neg", lambda: combinations([1], -1))
show("comb no r", lambda: combinations([1]))
show("perm str r", lambda: permutations([1], "a"))
show("product neg", lambda: product([1], repeat=-1))
show("chain int", lambda: next(chain(1)))
show("tee neg", lambda: tee([1], -1))
show("groupby int", lambda: groupby(1))
show("starmap 1 arg", lambda: starmap(pow))
show("cycle no args", lambda: cycle())
show("dropwhile 1", lambda: dropwhile(len))
show("compress 1", lambda: compress([1]))
show("accumulate 3", lambda: accumulate([1], 1, 2))
show("chain kw", lambda: chain(x=1))
show("starmap non-iterable item", lambda: list(starmap(pow, [1])))

# laziness: nothing is consumed until asked
def noisy(n):
    for i in range(n):
        print("  produce", i)
        yield i
z = map(lambda x: x * 10, islice(noisy(100), 2))
print("built")
print(list(z))

class Sub(chain):
    pass
print(list(Sub("ab", "c")), type(Sub()).__name__)
