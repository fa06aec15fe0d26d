# Augmented assignment on names, attributes, subscripts and slices; target evaluated once; in-place vs rebinding.
x = 5
x += 3; print(x)
x -= 1; print(x)
x *= 2; print(x)
x /= 4; print(x)
x //= 1; print(x)
x %= 2; print(x)
s = "ab"; s += "cd"; s *= 2; print(s)
class O:
    pass
o = O()
o.n = 1
o.n += 10
o.l = [1]
o.l += [2]
print(o.n, o.l)
count = 0
def key():
    global count
    count += 1
    return "k"
d = {"k": 1}
d[key()] += 5
print(d, "key() calls:", count)
lst = [1, 2, 3, 4, 5]
lst[1:3] += [9]
print(lst)
lst[0] *= 100
lst[-1] -= 1
print(lst)
a = [1]
b = a
a += [2]
print(a, b, a is b)
t = (1,)
u = t
t += (2,)
print(t, u, t is u)
a = a + [3]
print(a, b, a is b)
m = [[0, 0], [0, 0]]
m[1][0] += 7
print(m)
tl = ([1],)
try:
    tl[0] += [2]
except TypeError as e:
    print("TypeError:", e)
print(tl)
bits = 0b1010
bits &= 0b1110; print(bits)
bits |= 1; print(bits)
bits ^= 0b11; print(bits)
bits <<= 3; print(bits)
bits >>= 1; print(bits)
bits **= 2; print(bits)
