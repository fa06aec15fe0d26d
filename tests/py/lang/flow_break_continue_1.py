# break and continue in nested loops, in while loops, with flags, and modifying loop targets.
for i in range(4):
    if i == 1:
        continue
    for j in range(4):
        if j > i:
            break
        if (i + j) % 2:
            continue
        print((i, j), end=" ")
print()
found = None
for a in range(1, 10):
    for b in range(a, 10):
        if a * b == 24 and a + b == 10:
            found = (a, b)
            break
    if found:
        break
print("found", found)
n = 10
out = []
while n > 0:
    n -= 1
    if n % 3 == 0:
        continue
    if n < 2:
        break
    out.append(n)
print(out)
for i in range(5):
    i *= 10
    print(i, end=" ")
print()
items = [1, 2, 3, 4]
result = []
for x in items:
    if x == 2:
        items.append(99)
    if x == 99:
        result.append("saw appended")
        break
    result.append(x)
print(result, items)
count = 0
for _ in range(3):
    for _ in range(3):
        for _ in range(3):
            count += 1
            if count % 5 == 0:
                break
print(count)
i = 0
while i < 10:
    i += 1
    try:
        if i == 3:
            continue
        if i == 6:
            break
    finally:
        print("finally", i, end="; ")
print()
it = iter(range(10))
for v in it:
    if v == 2:
        next(it)
        continue
    print(v, end=" ")
print()
