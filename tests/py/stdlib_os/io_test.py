# io: StringIO / BytesIO in memory, and the file classes behind open().
import io
import os
import tempfile

s = io.StringIO()
print(s.write("hello\n"), s.write("world"), s.tell(), repr(s.getvalue()))
s.seek(0)
print(repr(s.readline()), repr(s.read(2)), repr(s.read()), repr(s.read()))
s.seek(2)
s.write("XY")
print(repr(s.getvalue()), s.truncate(4), repr(s.getvalue()), s.tell())
print(list(io.StringIO("a\nb\nc")), io.StringIO("x\ny\n").readlines())
with io.StringIO("ctx") as c:
    print(c.read(), c.closed)
print(c.closed)
for nl in (None, "", "\n", "\r", "\r\n"):
    t = io.StringIO("a\r\nb\rc\n", newline=nl)
    print(repr(nl), repr(t.getvalue()), t.readlines())
for bad in (lambda: io.StringIO(b"x"), lambda: io.StringIO().write(1), lambda: c.read(),
            lambda: io.StringIO().seek(-1), lambda: io.StringIO("ab").seek(1, 1),
            lambda: io.StringIO(newline="x")):
    try:
        bad()
    except (TypeError, ValueError, OSError) as e:
        print(type(e).__name__, e)

b = io.BytesIO(b"abc")
print(b.read(1), b.read(), b.tell(), b.seek(0, io.SEEK_END), b.write(b"def"), b.getvalue())
b.seek(10)
b.write(b"!")
print(b.getvalue(), len(b.getvalue()))
b = io.BytesIO(b"l1\nl2\nl3")
print(b.readline(), list(b), b.read())
buf = bytearray(2)
b = io.BytesIO(b"xyz")
print(b.readinto(buf), buf, b.truncate(1), b.getvalue())
try:
    io.BytesIO().write("str")
except TypeError as e:
    print(type(e).__name__, e)
print(isinstance(io.StringIO(), io.TextIOBase), isinstance(io.BytesIO(), io.BufferedIOBase))
print(isinstance(io.StringIO(), io.IOBase), io.SEEK_SET, io.SEEK_CUR, io.SEEK_END, io.DEFAULT_BUFFER_SIZE)

with tempfile.TemporaryDirectory() as d:
    p = os.path.join(d, "f")
    with open(p, "w") as f:
        print(type(f).__name__, isinstance(f, io.TextIOWrapper), isinstance(f, io.IOBase))
        f.write("text")
    with open(p, "rb") as f:
        print(type(f).__name__, isinstance(f, io.BufferedReader), f.read())
    with open(p, "rb", buffering=0) as f:
        print(type(f).__name__, isinstance(f, io.FileIO))
    with io.open(p, "r+b") as f:
        print(type(f).__name__, io.open is open)
    try:
        with open(p) as f:
            f.write("x")
    except io.UnsupportedOperation as e:
        print(type(e).__name__, e, isinstance(e, OSError), isinstance(e, ValueError))
