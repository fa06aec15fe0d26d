# tempfile: safe temporary files and directories, removed when closed.
import os
import tempfile

print(os.path.isdir(tempfile.gettempdir()), tempfile.gettempprefix())
with tempfile.TemporaryDirectory(prefix="coil-", suffix=".d") as d:
    name = os.path.basename(d)
    print(name.startswith("coil-"), name.endswith(".d"), os.path.isdir(d))
    open(os.path.join(d, "inner"), "w").close()
    os.mkdir(os.path.join(d, "sub"))
    open(os.path.join(d, "sub", "f"), "w").close()
print(os.path.exists(d))
t = tempfile.TemporaryDirectory()
print(repr(t).startswith("<TemporaryDirectory '"), os.path.isdir(t.name))
t.cleanup()
print(os.path.exists(t.name))

with tempfile.NamedTemporaryFile("w+", suffix=".txt") as f:
    print(f.name.endswith(".txt"), os.path.exists(f.name))
    f.write("hello")
    f.seek(0)
    print(f.read(), f.mode, f.closed)
print(os.path.exists(f.name), f.closed)

f = tempfile.NamedTemporaryFile(delete=False)
f.write(b"kept")
f.close()
with open(f.name, "rb") as g:
    print(g.read())
os.remove(f.name)

with tempfile.TemporaryFile() as f:
    f.write(b"anonymous")
    f.seek(0)
    print(f.read())

fd, path = tempfile.mkstemp(suffix=".bin", text=False)
os.write(fd, b"raw")
os.close(fd)
print(os.path.getsize(path), path.endswith(".bin"), os.path.isabs(path))
os.remove(path)
d = tempfile.mkdtemp(dir=tempfile.gettempdir())
print(os.path.isdir(d), oct(os.stat(d).st_mode & 0o777))
os.rmdir(d)
