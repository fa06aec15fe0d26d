# memoryview over bytes / bytearray / array.array, and array.array itself.
import array

b = bytearray(b"abcdef")
m = memoryview(b)
print(repr(m).startswith("<memory at 0x"), m.format, m.itemsize, m.nbytes, m.readonly, m.ndim, m.shape, m.strides, len(m))
print(m[0], m[-1], m[1:3].tobytes(), m[::2].tolist(), m[::-1].tobytes(), bytes(m[1:4]))
m[0] = 65
m[1:3] = b"BC"
print(b, m.obj is b, m == b, m == b"ABCdef", m.hex())
part = m[2:5]
part[0] = ord("z")
print(b, part.tolist(), part.c_contiguous, m[::2].c_contiguous)
ro = memoryview(b"const")
print(ro.readonly, hash(ro) == hash(b"const"), ro.toreadonly().readonly)
for bad in (lambda: ro.__setitem__(0, 1), lambda: m.__setitem__(0, 300), lambda: m.__setitem__(0, "x"),
            lambda: m.__setitem__(slice(0, 2), b"abc"), lambda: m[10], lambda: m["x"],
            lambda: memoryview(1), lambda: hash(m), lambda: m.cast("Z"), lambda: memoryview(bytearray(5)).cast("I"),
            lambda: m.cast("B", shape=[4, 4])):
    try:
        bad()
    except (TypeError, ValueError, IndexError) as e:
        print(type(e).__name__, e)
with memoryview(b) as v:
    print(v[0])
print(repr(v).startswith("<released memory at 0x"))
try:
    len(v)
except ValueError as e:
    print(type(e).__name__, e)

buf = bytearray(8)
words = memoryview(buf).cast("I")
words[0] = 0x01010101
words[1] = 0xFFFFFFFF
print(list(buf), words.shape, words.format, words.tolist())
grid = memoryview(buf).cast("B", shape=[2, 4])
print(grid.tolist(), grid.shape, grid.strides, grid.ndim, grid[1, 3])
print(memoryview(b"ab").cast("c")[0], list(memoryview(b"ab")), memoryview(b"xy") == memoryview(b"xy"))

a = array.array("i", [1, 2, 3])
print(a, a.typecode, a.itemsize, len(a), a[0], a[-1], a[1:], a.tolist(), 2 in a)
a.append(4)
a.extend([5, 6])
a.insert(0, 0)
print(a, a.pop(), a.pop(0), a.index(3), a.count(3))
a.remove(2)
a.reverse()
print(a, a + array.array("i", [9]), a * 2, a == array.array("i", [5, 4, 3, 1]))
a[0] = 50
a[1:3] = array.array("i", [7, 7, 7])
del a[0]
print(a, array.array("d", [1, 2.5]), array.array("u", "hi"), array.array("b"), array.array("B", b"\x01\x02"))
print(array.array("h", [1, -2]).tobytes(), array.array("H", array.array("b", [1, 2])), array.typecodes)
f = array.array("f", [0.1])
print(f, f.tolist())
for bad in (lambda: array.array("b", [300]), lambda: array.array("B", [-1]), lambda: array.array("i", ["x"]),
            lambda: array.array("z"), lambda: array.array("i", "ab"), lambda: a[99], lambda: a.remove(99),
            lambda: a.index(99), lambda: array.array("i", b"abc"), lambda: a + array.array("d"),
            lambda: array.array("f", ["x"]), lambda: array.array("u", [1])):
    try:
        bad()
    except (TypeError, ValueError, IndexError, OverflowError) as e:
        print(type(e).__name__, e)

arr = array.array("i", [1, 2, 3, 4])
mv = memoryview(arr)
print(mv.format, mv.itemsize, len(mv), mv.nbytes, mv.tolist())
mv[1] = 20
raw = mv.cast("B")
raw[0] = 0
print(arr.tolist(), raw.format, len(raw))
try:
    arr.append(5)
except BufferError as e:
    print(type(e).__name__, e)
raw.release()
mv.release()
arr.append(5)
print(arr)

# A bytearray cannot be resized while a view exports its buffer.
ba = bytearray(b"abc")
view = memoryview(ba)
try:
    ba.append(1)
except BufferError as e:
    print(type(e).__name__, e)
view.release()
ba.append(100)
print(ba, b"x" + memoryview(b"yz"), bytes(array.array("h", [1, 2])), bytes(memoryview(b"ab")))
