# for-loops over generators (resumed inline by FOR_ITER): break, errors, PEP 479, re-entry, cleanup.
import sys

def count(n):
    try:
        for i in range(n):
            yield i
    finally:
        print("count finally", n)

for x in count(3):
    print("got", x)

g = count(5)
for x in g:
    if x == 1:
        break
print("after break, suspended:", g.gi_suspended, next(g))
g.close()

def boom():
    yield 1
    raise ValueError("inside generator")

try:
    for v in boom():
        print("v", v)
except ValueError as e:
    tb = e.__traceback__
    names = []
    while tb:
        names.append(tb.tb_frame.f_code.co_name if tb.tb_frame else "?")
        tb = tb.tb_next
    print("caught", e, len(names) >= 2)

def stops():
    yield 1
    raise StopIteration("explicit")

try:
    for v in stops():
        print("s", v)
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)

def reenter():
    yield 1
    for y in it:   # the generator iterating itself: already executing
        yield y

it = reenter()
try:
    for v in it:
        print("r", v)
except ValueError as e:
    print("ValueError", e)

def outer():
    for a in count(2):
        for b in count(2):
            yield a * 10 + b

print(list(outer()))

def gen_with_return():
    yield "a"
    return "ignored by for"

print([v for v in gen_with_return()], sum(i for i in count(4)))

def deep(n):
    if n == 0:
        yield "bottom"
        return
    for v in deep(n - 1):
        yield v

sys.setrecursionlimit(3000)
print(list(deep(500)))
