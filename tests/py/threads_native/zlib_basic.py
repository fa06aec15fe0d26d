# zlib: one-shot compress/decompress, checksums, streaming objects and
# their copy(), errors.
import zlib

data = b"hello hello hello hello, zlib! " * 50
c = zlib.compress(data)
print(len(data), len(c), c[:2], zlib.decompress(c) == data)
print(zlib.compress(b"hello"))
print(zlib.compress(b"hello", 9), zlib.compress(b"hello", level=0))
print(zlib.compress(b"abc", wbits=-15), zlib.decompress(zlib.compress(b"abc", wbits=-15), wbits=-15))
print(zlib.decompress(zlib.compress(b"gzip me", wbits=31), wbits=47))
print(zlib.crc32(b"abc"), zlib.crc32(b"abc", 5), zlib.crc32(b""), zlib.crc32(b"def", zlib.crc32(b"abc")))
print(zlib.crc32(b"abcdef"), zlib.adler32(b"abc"), zlib.adler32(b"abc", 7), zlib.adler32(bytearray(b"xyz")))
print(zlib.crc32(b"x", -1), zlib.crc32(b"x", 2**40))
big = bytes(range(256)) * 2000
cb = zlib.compress(big)
print(len(big), zlib.decompress(cb) == big, zlib.crc32(big), zlib.adler32(big))
print(zlib.decompress(bytearray(c)) == data, zlib.compress(memoryview(b"mv")))

for bad in (b"xx", c[:-3], b"", b"x\x9c" + b"\x00" * 8):
    try:
        zlib.decompress(bad)
    except zlib.error as e:
        print("error:", e)
for args in ((b"x", 12), ("x",), (b"x", "9")):
    try:
        zlib.compress(*args)
    except Exception as e:
        print(type(e).__name__, e)
print(zlib.error.__module__, zlib.error.__name__, issubclass(zlib.error, Exception))
print(zlib.MAX_WBITS, zlib.DEFLATED, zlib.Z_BEST_COMPRESSION, zlib.Z_DEFAULT_COMPRESSION, zlib.Z_FINISH, zlib.Z_SYNC_FLUSH)

co = zlib.compressobj()
stream = co.compress(b"a" * 100) + co.compress(b"b" * 100) + co.flush()
print(stream, zlib.decompress(stream) == b"a" * 100 + b"b" * 100)
co = zlib.compressobj(9, zlib.DEFLATED, -15)
raw = co.compress(data) + co.flush()
print(zlib.decompress(raw, -15) == data)
co = zlib.compressobj()
part = co.compress(b"sync") + co.flush(zlib.Z_SYNC_FLUSH)
print(part[-4:], zlib.decompressobj().decompress(part))

do = zlib.decompressobj()
out = b"".join(do.decompress(stream[i:i + 7]) for i in range(0, len(stream), 7))
print(out == b"a" * 100 + b"b" * 100, do.eof, do.unused_data, do.unconsumed_tail)
do = zlib.decompressobj()
print(do.decompress(stream + b"extra"), do.eof, do.unused_data)
do = zlib.decompressobj()
first = do.decompress(c, 10)
print(first, len(do.unconsumed_tail) > 0, do.eof)
rest = do.decompress(do.unconsumed_tail)
print(first + rest == data, do.eof)
try:
    zlib.compressobj(level=20)
except Exception as e:
    print(type(e).__name__, e)
try:
    zlib.decompressobj().decompress(b"garbage!")
except zlib.error as e:
    print("error:", e)
print(type(zlib.compressobj()).__name__, type(zlib.decompressobj()).__name__)

# copy(): the copy and the original continue independently.
co = zlib.compressobj()
prefix = co.compress(b"shared prefix " * 10)
twin = co.copy()
a = prefix + co.compress(b"AAA") + co.flush()
b = prefix + twin.compress(b"BBB") + twin.flush()
print(zlib.decompress(a)[-3:], zlib.decompress(b)[-3:])
try:
    co.copy()
except ValueError as e:
    print("ValueError", e)
do = zlib.decompressobj()
head = do.decompress(a[:10])
twin = do.copy()
print(head + do.decompress(a[10:]) == head + twin.decompress(a[10:]), type(twin).__name__)
