# os and os.path: pure path functions, the file system calls, errors with errno and filename.
import os
import os.path
import stat
import errno
import tempfile

print(os.name, os.sep, os.linesep == "\n", os.curdir, os.pardir, os.devnull, os.path is os.path)
print(os.path.join("a", "b", "/c", "d"), os.path.join("a/", "b"), os.path.join(b"x", b"y"))
print(os.path.split("/a/b/c.txt"), os.path.split("c"), os.path.split("/"), os.path.split("//a"))
print(os.path.splitext("x.tar.gz"), os.path.splitext(".bashrc"), os.path.splitext("a/b.c/d"))
print(os.path.basename("/a/b/"), os.path.dirname("/a/b/c"), os.path.dirname("c"))
print(os.path.normpath("a//b/../c/./d/"), os.path.normpath("/../x"), os.path.normpath(""), os.path.normpath("//a"))
print(os.path.isabs("/x"), os.path.isabs("x"), os.path.commonprefix(["/usr/lib", "/usr/local"]))
print(os.path.relpath("/a/b/c", "/a/d"), os.path.relpath("/a", "/a"), os.path.commonpath(["/a/b/c", "/a/b/d"]))
os.environ["HOME"] = "/home/coil"
print(os.path.expanduser("~/x"), os.path.expanduser("x~"), os.path.expandvars("$NOPE_X/${NOPE_Y}/$HOME"))
print(stat.S_ISDIR(0o040755), stat.S_ISREG(0o100644), stat.filemode(0o100644), stat.filemode(0o040755))
print(errno.ENOENT, errno.errorcode[errno.ENOENT], errno.EEXIST)

try:
    os.path.join("a", b"b")
except TypeError as e:
    print(type(e).__name__, e)

with tempfile.TemporaryDirectory() as d:
    print(os.path.isdir(d), os.path.isabs(d))
    f = os.path.join(d, "f.txt")
    with open(f, "w") as fh:
        fh.write("hello\n")
    st = os.stat(f)
    print(st.st_size, stat.S_ISREG(st.st_mode), len(st), type(st).__name__, st[6] == st.st_size)
    print(os.path.getsize(f), os.path.exists(f), os.path.isfile(f), os.path.isdir(f), os.path.islink(f))
    os.makedirs(os.path.join(d, "x", "y"))
    os.makedirs(os.path.join(d, "x", "y"), exist_ok=True)
    try:
        os.makedirs(os.path.join(d, "x", "y"))
    except FileExistsError as e:
        print(type(e).__name__, e.errno, e.strerror, os.path.basename(e.filename))
    os.rename(f, os.path.join(d, "x", "g.txt"))
    print(sorted(os.listdir(d)), sorted(os.listdir(os.path.join(d, "x"))))
    for root, dirs, files in os.walk(d):
        dirs.sort()
        print(os.path.relpath(root, d), sorted(dirs), sorted(files))
    for root, dirs, files in os.walk(d, topdown=False):
        print("bottom-up", os.path.relpath(root, d))
    with os.scandir(d) as it:
        print([(e.name, e.is_dir(), e.is_file()) for e in sorted(it, key=lambda e: e.name)])
    fd = os.open(os.path.join(d, "raw"), os.O_WRONLY | os.O_CREAT, 0o600)
    print(os.write(fd, b"abc"), os.isatty(fd))
    os.close(fd)
    fd = os.open(os.path.join(d, "raw"), os.O_RDONLY)
    print(os.read(fd, 10), os.read(fd, 10), os.lseek(fd, 1, os.SEEK_SET), os.read(fd, 1))
    os.close(fd)
    r, w = os.pipe()
    os.write(w, b"through the pipe")
    os.close(w)
    print(os.read(r, 100))
    os.close(r)
    os.remove(os.path.join(d, "raw"))
    os.unlink(os.path.join(d, "x", "g.txt"))
    open(os.path.join(d, "keep"), "w").close()
    os.removedirs(os.path.join(d, "x", "y"))
    print(os.listdir(d))
    print(os.access(d, os.W_OK), os.access(os.path.join(d, "nope"), os.F_OK))

for call in (lambda: os.stat("no/such/file"), lambda: os.remove("no_such_file"),
             lambda: os.rmdir("no_such_dir"), lambda: os.listdir("no_such_dir"),
             lambda: os.rename("no_a", "no_b"), lambda: os.mkdir("."),
             lambda: open("no_such_file"), lambda: os.stat(123.5)):
    try:
        call()
    except (OSError, TypeError) as e:
        print(type(e).__name__, e)

os.environ["COIL_TEST_VAR"] = "42"
print(os.environ["COIL_TEST_VAR"], os.getenv("COIL_TEST_VAR"), "COIL_TEST_VAR" in os.environ)
del os.environ["COIL_TEST_VAR"]
print(os.getenv("COIL_TEST_VAR"), os.getenv("COIL_TEST_VAR", "dflt"), os.environ.get("COIL_TEST_VAR"))
try:
    os.environ["COIL_MISSING"]
except KeyError as e:
    print(type(e).__name__, e)
print(os.fsencode("é"), os.fsdecode(b"\xc3\xa9"), os.fspath("p"))


class P:
    def __fspath__(self):
        return "from-fspath"


print(os.fspath(P()), os.path.join(P(), "x"), isinstance(P(), os.PathLike))
try:
    os.fspath(1)
except TypeError as e:
    print(e)
print(os.getpid() > 0, os.getcwd() == os.path.abspath("."), type(os.cpu_count()).__name__, len(os.urandom(5)))
print(os.strerror(errno.ENOENT), os.get_exec_path({"PATH": "/a:/b"}))
