# if/elif/else, while/for with else, break/continue, nested loops.
for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, end=" ")
print()

i = 0
while i < 10:
    i += 1
    if i % 2:
        continue
    if i == 8:
        break
    print(i, end=",")
else:
    print("no break")
print("after", i)

while False:
    pass
else:
    print("while-else runs")

for x in []:
    print("never")
else:
    print("for-else on empty")

def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "large"

print([classify(n) for n in (-5, 0, 3, 42)])
print("yes" if [] else "no", "yes" if [0] else "no")
print(1 < 2 < 3, 1 < 3 < 2, 1 == 1.0 != 2)
print(0 or "" or None or "last", 1 and 2 and 3, not 0, not "x")
x = 5
print(0 < x <= 5, x in range(10), x not in [1, 2])
n = 0
for a, b in [(1, 2), (3, 4)]:
    n += a * b
print(n)
