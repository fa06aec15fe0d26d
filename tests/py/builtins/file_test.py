# open() and file objects: modes, reads, writes, newlines, encodings, errors.
# Files are written under /tmp with fixed names (overwritten on each run).

BASE = "/tmp/coil_golden_file_test_"

def show(label, thunk):
    try:
        print(label, "->", repr(thunk()))
    except Exception as e:
        print(label, "!!", type(e).__name__ + ":", e)

p = BASE + "a.txt"
with open(p, "w") as f:
    print(f.name == p, f.mode, f.encoding, f.closed, f.readable(), f.writable())
    print(f.write("héllo\n"), f.write("second line\n"), f.write(""))
    f.writelines(["x\n", "y\n"])
print(f.closed)

with open(p) as f:
    print(repr(f.read()))
with open(p) as f:
    print(repr(f.read(3)), repr(f.readline()), repr(f.readline(4)), repr(f.readline()))
    print(f.readlines())
    print(repr(f.read()), repr(f.readline()))
with open(p) as f:
    for i, line in enumerate(f):
        print(i, repr(line))
with open(p) as f:
    print(f.readlines(8))
with open(p) as f:
    print(list(f))

# tell/seek
with open(p) as f:
    f.readline()
    pos = f.tell()
    print("tell", pos)
    rest = f.read()
    f.seek(pos)
    print(f.read() == rest, f.seek(0), repr(f.read(1)), f.seek(0, 2))

# append, r+, x
with open(p, "a") as f:
    print("append tell", f.tell())
    f.write("appended\n")
with open(p) as f:
    print(f.read().splitlines()[-1])
with open(p, "r+") as f:
    f.write("H")
    f.seek(0)
    print(repr(f.readline()))
try:
    open(p, "x")
except FileExistsError as e:
    print("FileExistsError", e.errno, e.strerror, e.filename == p)

# universal newlines and the newline argument
with open(BASE + "nl.bin", "wb") as f:
    f.write(b"a\nb\r\nc\rd")
for nl in (None, "", "\n", "\r", "\r\n"):
    with open(BASE + "nl.bin", newline=nl) as f:
        print(repr(nl), f.readlines())
with open(BASE + "nl.bin") as f:
    print(repr(f.read()))
with open(BASE + "nlw.txt", "w", newline="\r\n") as f:
    f.write("one\ntwo\n")
with open(BASE + "nlw.txt", "rb") as f:
    print(f.read())

# binary files
b = BASE + "b.bin"
with open(b, "wb") as f:
    print(f.write(b"\x00\x01abc\n"), f.write(bytearray(b"def\n")), f.mode)
with open(b, "rb") as f:
    print(f.read(2), f.readline(), f.read(), f.read())
with open(b, "rb") as f:
    print(list(f))
with open(b, "r+b") as f:
    f.seek(2)
    f.write(b"A")
    f.seek(0)
    print(f.read(), f.tell(), f.mode)
with open(b, "rb", buffering=0) as f:
    print(f.read(3), f.readline(), f.read())
show("binary write str", lambda: open(b, "wb").write("s"))
show("text write bytes", lambda: open(p, "w").write(b"s"))
show("text write int", lambda: open(p, "w").write(1))

# encodings
e = BASE + "enc.txt"
with open(e, "w", encoding="latin-1") as f:
    print(f.encoding, f.write("café"))
with open(e, "rb") as f:
    print(f.read())
show("utf8 decode", lambda: open(e).read())
show("replace", lambda: open(e, errors="replace").read())
show("latin1", lambda: open(e, encoding="latin1").read())
show("ascii", lambda: open(e, encoding="ascii").read())
show("ascii encode", lambda: open(e, "w", encoding="ascii").write("é"))
show("unknown enc", lambda: open(e, encoding="nope"))

# closed files
f = open(p)
f.close()
f.close()
for label, thunk in [("read", f.read), ("readline", f.readline), ("write", lambda: f.write("x")),
                     ("iter", lambda: iter(f)), ("next", lambda: next(f)), ("seek", lambda: f.seek(0)),
                     ("tell", f.tell), ("enter", f.__enter__), ("fileno", f.fileno)]:
    show("closed " + label, thunk)
f = open(b, "rb")
f.close()
show("closed binary read", f.read)

# unsupported operations
show("read on w", lambda: open(p, "w").read())
show("write on r", lambda: open(p).write("x"))
show("read on wb", lambda: open(b, "wb").read())
show("nonzero cur seek", lambda: open(p).seek(1, 1))
show("bad whence", lambda: open(p).seek(0, 3))
show("negative seek", lambda: open(p).seek(-1))

# open() argument errors
show("missing", lambda: open(BASE + "does_not_exist.txt"))
show("directory", lambda: open("/tmp"))
for mode in ("q", "rr", "rw", "tb", "", "U"):
    show("mode " + repr(mode), lambda: open(p, mode))
show("binary encoding", lambda: open(p, "rb", encoding="utf-8"))
show("binary errors", lambda: open(p, "rb", errors="strict"))
show("binary newline", lambda: open(p, "rb", newline=""))
show("unbuffered text", lambda: open(p, "r", buffering=0))
show("bad newline", lambda: open(p, newline="x"))
show("bad file", lambda: open(1.5))
show("closefd name", lambda: open(p, closefd=False))
show("encoding type", lambda: open(p, encoding=3))
show("no args", lambda: open())

# the file is flushed and closed when the last reference goes
open(BASE + "gc.txt", "w").write("written without close")
print(open(BASE + "gc.txt").read())

# reprs
with open(p) as f:
    print(repr(f).replace(p, "P"))
    print(repr(f.buffer).replace(p, "P"))
with open(p, "rb") as f:
    print(repr(f).replace(p, "P"))
with open(p, "ab") as f:
    print(repr(f).replace(p, "P"))
with open(p, "r+b") as f:
    print(repr(f).replace(p, "P"))
f = open(p, "rb", buffering=0)
print(repr(f).replace(p, "P"))
f.close()
print(repr(f))
