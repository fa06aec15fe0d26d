# Identifier-like string constants are interned; strings built at run time are equal but distinct.
a = "spam"
b = "spam"
print(a is b)
c = "".join(["sp", "am"])
print(c == a, c is a)
import sys
d = sys.intern(c)
print(d is a, d == a)
def f():
    return "spam"
print(f() is a)
e = "sp" + "am"
print("compile-time folded:", e is a)
parts = ["sp", "am"]
g = parts[0] + parts[1]
print("runtime concat:", g == a, g is a)
h = "hello_world_123"
k = "hello_world_" + str(123)
print(h == k, h is k, sys.intern(k) is h)
class C:
    spam = 1
print("attribute name interned:", list(C.__dict__).count("spam"), getattr(C, c))
print(sorted({"b", "a", "c"}), {"spam": 1}[c])
words = "the cat the dog the end".split()
print(words[0] == words[2], words.count("the"))
m = str(12345)
n = str(12345)
print(m == n, m is n)
