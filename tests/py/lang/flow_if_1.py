# if/elif/else chains, nested ifs, truthiness of conditions, pass, single-line suites.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    elif n < 100:
        return "medium"
    else:
        return "large"
print([classify(n) for n in (-5, 0, 3, 42, 1000)])
for v in (0, 1, "", "x", [], [0], None, 0.0):
    if v:
        print(repr(v), "truthy")
    else:
        print(repr(v), "falsy")
def grade(score):
    if score >= 50:
        if score >= 90:
            g = "A"
        elif score >= 70:
            g = "B"
        else:
            g = "C"
    else:
        g = "F"
    return g
print([grade(s) for s in (95, 75, 55, 10)])
x = 3
if x > 2: print("one-liner if")
if x > 5: print("not printed")
else: print("one-liner else")
if x: pass
if not x:
    pass
elif x == 3:
    print("elif after pass")
def empty():
    pass
print(empty())
if (y := x * 2) > 5:
    print("walrus in if:", y)
n = 0
while (n := n + 1) < 4:
    print("walrus loop", n)
flag = False
if flag is False and not flag:
    print("explicit False check")
if x == 1 or x == 3:
    print("or chain")
if x in (1, 2, 3):
    print("membership condition")
