# for/while with else: else runs only when the loop was not broken; empty loops; loop variable after loop.
def find(items, target):
    for i, v in enumerate(items):
        if v == target:
            print("  found at", i)
            break
    else:
        print("  not found")
find([1, 2, 3], 2)
find([1, 2, 3], 9)
find([], 1)
n = 0
while n < 3:
    n += 1
else:
    print("while finished normally, n =", n)
n = 0
while True:
    n += 1
    if n == 5:
        break
else:
    print("never")
print("broke at", n)
while False:
    print("never")
else:
    print("while-else with false condition runs")
for i in range(3):
    continue
else:
    print("continue does not skip else, i =", i)
for x in []:
    pass
print("x" in globals())
def primes(limit):
    out = []
    for n in range(2, limit):
        for p in out:
            if n % p == 0:
                break
        else:
            out.append(n)
    return out
print(primes(40))
def first_neg(rows):
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            if v < 0:
                return r, c
    return None
print(first_neg([[1, 2], [3, -4], [-5]]), first_neg([[1]]))
for i in range(3):
    pass
print("i after loop:", i)
for i in range(10, 0, -3):
    print(i, end=" ")
print()
for ch in "abc":
    print(ch.upper(), end="")
else:
    print("!")
