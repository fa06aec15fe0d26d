# while loops: counters, complex conditions, sentinel-controlled loops, loops driven by mutation, collatz.
n = 27
steps = 0
peak = n
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    peak = max(peak, n)
    steps += 1
print("collatz 27:", steps, "steps, peak", peak)
queue = [1]
seen = []
while queue and len(seen) < 10:
    v = queue.pop(0)
    seen.append(v)
    queue.extend([v * 2, v * 3])
print(seen)
data = [5, 3, 0, 8]
i = 0
while i < len(data) and data[i] != 0:
    i += 1
print("first zero at", i)
a, b = 0, 1
fibs = []
while a < 100:
    fibs.append(a)
    a, b = b, a + b
print(fibs)
lines = iter(["x", "y", "", "z"])
got = []
while (line := next(lines)) != "":
    got.append(line)
print(got, next(lines))
x = 100
while x > 1:
    x /= 3
print(round(x, 4))
stack = [[1, [2, 3]], 4]
flat = []
while stack:
    top = stack.pop()
    if isinstance(top, list):
        stack.extend(top)
    else:
        flat.append(top)
print(flat)
count = 0
while True:
    count += 1
    if count >= 3:
        break
print("count", count)
lo, hi = 0, 1000
target = 737
guesses = 0
while lo <= hi:
    mid = (lo + hi) // 2
    guesses += 1
    if mid == target:
        break
    elif mid < target:
        lo = mid + 1
    else:
        hi = mid - 1
print("found", mid, "in", guesses, "guesses")
