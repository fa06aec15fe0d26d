# Unbounded recursion raises RecursionError which can be caught; the interpreter keeps working after it.
import sys
def forever(n):
    return forever(n + 1)
try:
    forever(0)
except RecursionError as e:
    print("RecursionError:", e)
print(issubclass(RecursionError, RuntimeError))
def mutual_a(n):
    return mutual_b(n + 1)
def mutual_b(n):
    return mutual_a(n + 1)
try:
    mutual_a(0)
except RecursionError:
    print("mutual recursion caught")
depth = 0
def measure():
    global depth
    depth += 1
    measure()
try:
    measure()
except RecursionError:
    print("depth reached > 500:", depth > 500, "and < limit+1:", depth <= sys.getrecursionlimit())
def fine(n):
    return 0 if n == 0 else 1 + fine(n - 1)
print(fine(800))
class Loop:
    def __repr__(self):
        return repr(self)
try:
    repr(Loop())
except RecursionError as e:
    print("repr recursion:", type(e).__name__)
lst = [1]
lst.append(lst)
print(lst)
d = {}
d["self"] = d
print(d)
print(sys.getrecursionlimit() >= 1000)
