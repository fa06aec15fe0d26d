# Deep recursion raises RecursionError instead of crashing.
import sys

def down(n):
    return down(n + 1)

try:
    down(0)
except RecursionError as e:
    print("RecursionError:", e)

def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)

print(fact(30), sys.getrecursionlimit())
sys.setrecursionlimit(3000)
def depth(n):
    return n if n == 0 else depth(n - 1)
print(depth(2500))
