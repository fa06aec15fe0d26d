# Slicing with positive/negative bounds and steps, out-of-range bounds, slice objects, strings and tuples.
s = list(range(10))
print(s[2:5], s[:3], s[7:], s[:], s[-3:], s[:-3], s[-5:-2])
print(s[::2], s[1::2], s[::-1], s[::-2], s[8:2:-2], s[2:8:-1], s[-1:-4:-1])
print(s[100:], s[-100:2], s[5:100], s[3:3], s[5:2], s[::100])
print(s[None:None:None], s[slice(1, 4)], s[slice(None, None, -3)])
sl = slice(1, 8, 3)
print(sl.start, sl.stop, sl.step, s[sl], sl.indices(5))
print(slice(5), slice(1, 2), slice(None, None, -1))
t = tuple(range(6))
print(t[1:4], t[::-1], type(t[1:2]).__name__, t[:0])
w = "hello world"
print(w[:5], w[6:], w[::-1], w[::2], w[-5:], w[-1], w[0])
print(w[3:3] == "", w[100:] == "", w[-100:3])
try:
    s[::0]
except ValueError as e:
    print("ValueError:", e)
try:
    s[10]
except IndexError as e:
    print("IndexError:", e)
copy = s[:]
print(copy == s, copy is s)
print("abcdef"[1:-1][::-1], [[1, 2], [3, 4]][1][::-1])
print(s[-11:], s[:-11], s[1:-1:3])
big = range(100)[10:50:7]
print(big, list(big), range(10)[::-1], range(10)[-2])
b = b"abcdef"
print(b[1:3], b[::-2], b[0])
print(s[len(s) // 2:], s[:len(s) // 2])
