"""os — operating system interfaces, written over the native `posix` module.

The native module (stdlib/native/posix.cpp) only wraps system calls; this
file adds what CPython's Lib/os.py adds on top of them:

  * os.path (the posixpath module, also importable as `os.path`);
  * stat()/lstat()/fstat() returning os.stat_result, a tuple of ten items
    with more fields reachable as attributes (st_mtime as a float ...);
  * os.environ, a mapping of str whose changes call putenv()/unsetenv(),
    so child processes see them;
  * makedirs/removedirs/walk/scandir, written in Python;
  * fsencode/fsdecode (UTF-8 with surrogateescape, as on Linux).
"""

import sys
import posix as _posix
import stat as _stat

from posix import (
    getpid, getppid, getuid, geteuid, getgid, getegid, cpu_count, getcwd, getcwdb, chdir,
    strerror, fspath, umask, kill, _exit, times, urandom, remove, unlink, rmdir, mkdir, chmod,
    rename, replace, symlink, link, readlink, listdir, access, utime, truncate, ftruncate,
    open, close, read, write, lseek, fsync, pipe, dup, dup2, isatty, get_blocking, set_blocking, waitpid, WIFEXITED,
    WEXITSTATUS, WIFSIGNALED, WTERMSIG, WIFSTOPPED, WSTOPSIG, waitstatus_to_exitcode, system,
    F_OK, R_OK, W_OK, X_OK, O_RDONLY, O_WRONLY, O_RDWR, O_APPEND, O_CREAT, O_EXCL, O_TRUNC,
    O_NONBLOCK, O_NOCTTY, O_CLOEXEC, O_DIRECTORY, O_NOFOLLOW, O_SYNC, O_DSYNC, O_ACCMODE,
    SEEK_SET, SEEK_CUR, SEEK_END, WNOHANG, WUNTRACED, EX_OK,
)

name = "posix"
linesep = "\n"
sep = "/"
altsep = None
extsep = "."
pathsep = ":"
defpath = "/bin:/usr/bin"
curdir = "."
pardir = ".."
devnull = "/dev/null"
error = OSError

supports_bytes_environ = True
supports_dir_fd = set()
supports_fd = set()
supports_follow_symlinks = set()
supports_effective_ids = set()


# ---- PathLike ----------------------------------------------------------------------

class PathLike:
    """Abstract base class for objects with __fspath__ (pathlib.Path ...).
    isinstance(x, PathLike) is true for any object whose class defines
    __fspath__, registered or not."""

    __slots__ = ()

    def __fspath__(self):
        raise NotImplementedError

    @classmethod
    def __subclasshook__(cls, subclass):
        if cls is PathLike:
            return hasattr(subclass, "__fspath__")
        return NotImplemented

    def __class_getitem__(cls, item):
        return cls


def _make_pathlike_abstract():
    # When the abc module is available, make PathLike a real ABC so that
    # isinstance() consults __subclasshook__ for classes that do not
    # inherit from it (as in CPython).
    global PathLike
    try:
        import abc
    except ImportError:
        return
    try:
        base = PathLike

        class PathLike(abc.ABC):
            __slots__ = ()
            __doc__ = base.__doc__

            @abc.abstractmethod
            def __fspath__(self):
                raise NotImplementedError

            @classmethod
            def __subclasshook__(cls, subclass):
                if cls is PathLike:
                    return hasattr(subclass, "__fspath__")
                return NotImplemented

            def __class_getitem__(cls, item):
                return cls

        PathLike.__module__ = "os"
    except Exception:
        PathLike = base


_make_pathlike_abstract()


# ---- stat results -----------------------------------------------------------------

class stat_result(tuple):
    """stat_result: Result from stat, fstat, or lstat.

    The tuple holds the ten classic fields (times as whole seconds); the
    float and nanosecond times and st_blksize/st_blocks/st_rdev are
    attributes only, as in CPython."""

    n_sequence_fields = 10
    n_fields = 19
    n_unnamed_fields = 3
    _fields = ("st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size",
               "st_atime", "st_mtime", "st_ctime")

    def __new__(cls, seq):
        seq = tuple(seq)
        if len(seq) < 10:
            raise TypeError(f"os.stat_result() takes an at least 10-sequence ({len(seq)}-sequence given)")
        visible = seq[:7] + tuple(int(t) for t in seq[7:10])
        self = tuple.__new__(cls, visible)
        self._all = seq
        return self

    def __repr__(self):
        parts = ", ".join(f"{n}={v!r}" for n, v in zip(self._fields, self))
        return f"os.stat_result({parts})"

    def __reduce__(self):
        return (stat_result, (self._all,))

    def _extra(i):
        def get(self):
            all_ = self._all
            return all_[i] if i < len(all_) else None
        return property(get)

    st_mode = property(lambda self: self[0])
    st_ino = property(lambda self: self[1])
    st_dev = property(lambda self: self[2])
    st_nlink = property(lambda self: self[3])
    st_uid = property(lambda self: self[4])
    st_gid = property(lambda self: self[5])
    st_size = property(lambda self: self[6])
    st_atime = _extra(7)
    st_mtime = _extra(8)
    st_ctime = _extra(9)
    st_atime_ns = _extra(10)
    st_mtime_ns = _extra(11)
    st_ctime_ns = _extra(12)
    st_blksize = _extra(13)
    st_blocks = _extra(14)
    st_rdev = _extra(15)
    del _extra


stat_result.__module__ = "os"


def stat(path, *, dir_fd=None, follow_symlinks=True):
    """Perform a stat system call on the given path (or open file descriptor)."""
    return stat_result(_posix.stat(path, follow_symlinks=follow_symlinks))


def lstat(path, *, dir_fd=None):
    """Like stat(), but do not follow symbolic links."""
    return stat_result(_posix.lstat(path))


def fstat(fd):
    """Perform a stat system call on the given file descriptor."""
    return stat_result(_posix.fstat(fd))


class uname_result(tuple):
    _fields = ("sysname", "nodename", "release", "version", "machine")

    def __new__(cls, seq):
        return tuple.__new__(cls, seq)

    sysname = property(lambda self: self[0])
    nodename = property(lambda self: self[1])
    release = property(lambda self: self[2])
    version = property(lambda self: self[3])
    machine = property(lambda self: self[4])

    def __repr__(self):
        parts = ", ".join(f"{n}={v!r}" for n, v in zip(self._fields, self))
        return f"posix.uname_result({parts})"


def uname():
    """Identifying information about the operating system (uname(2))."""
    return uname_result(_posix.uname())


class terminal_size(tuple):
    def __new__(cls, seq):
        return tuple.__new__(cls, seq)

    columns = property(lambda self: self[0])
    lines = property(lambda self: self[1])

    def __repr__(self):
        return f"os.terminal_size(columns={self[0]}, lines={self[1]})"


def get_terminal_size(fd=1):
    raise OSError(25, "Inappropriate ioctl for device")


# ---- file names: bytes <-> str ------------------------------------------------------

def fsencode(filename):
    """Encode filename (a path-like) to bytes: UTF-8 with surrogateescape."""
    filename = fspath(filename)
    if isinstance(filename, str):
        return filename.encode("utf-8", "surrogateescape")
    return filename


def fsdecode(filename):
    """Decode filename (a path-like) to str: UTF-8 with surrogateescape."""
    filename = fspath(filename)
    if isinstance(filename, bytes):
        return filename.decode("utf-8", "surrogateescape")
    return filename


# ---- the environment ------------------------------------------------------------------

class _Environ:
    """os.environ: a str -> str mapping over the process environment.
    Setting or deleting a key also calls putenv()/unsetenv()."""

    def __init__(self, data):
        self._data = data

    def __getitem__(self, key):
        if not isinstance(key, str):
            raise TypeError(f"str expected, not {type(key).__name__}")
        try:
            return self._data[key]
        except KeyError:
            raise KeyError(key) from None

    def __setitem__(self, key, value):
        if not isinstance(key, str):
            raise TypeError(f"str expected, not {type(key).__name__}")
        if not isinstance(value, str):
            raise TypeError(f"str expected, not {type(value).__name__}")
        _posix.putenv(key, value)
        self._data[key] = value

    def __delitem__(self, key):
        if not isinstance(key, str):
            raise TypeError(f"str expected, not {type(key).__name__}")
        _posix.unsetenv(key)
        try:
            del self._data[key]
        except KeyError:
            raise KeyError(key) from None

    def __iter__(self):
        return iter(list(self._data))

    def __len__(self):
        return len(self._data)

    def __contains__(self, key):
        return key in self._data

    def __repr__(self):
        items = ", ".join(f"{k!r}: {v!r}" for k, v in self._data.items())
        return f"environ({{{items}}})"

    def __eq__(self, other):
        if isinstance(other, _Environ):
            return self._data == other._data
        if isinstance(other, dict):
            return self._data == other
        return NotImplemented

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def get(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            return default

    def copy(self):
        return dict(self._data)

    def setdefault(self, key, value):
        if key not in self:
            self[key] = value
        return self[key]

    _MISSING = object()

    def pop(self, key, default=_MISSING):
        if key in self._data:
            value = self._data[key]
            del self[key]
            return value
        if default is _Environ._MISSING:
            raise KeyError(key)
        return default

    def popitem(self):
        for key in self._data:
            value = self._data[key]
            del self[key]
            return key, value
        raise KeyError("popitem(): dictionary is empty")

    def clear(self):
        for key in list(self._data):
            del self[key]

    def update(self, other=(), **kwds):
        if hasattr(other, "keys"):
            for key in other.keys():
                self[key] = other[key]
        else:
            for key, value in other:
                self[key] = value
        for key, value in kwds.items():
            self[key] = value

    def __or__(self, other):
        if not isinstance(other, (dict, _Environ)):
            return NotImplemented
        new = dict(self._data)
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, (dict, _Environ)):
            return NotImplemented
        new = dict(other)
        new.update(self._data)
        return new

    def __ior__(self, other):
        self.update(other)
        return self


def _build_environ():
    data = {}
    for k, v in _posix.environ.items():
        data[fsdecode(k)] = fsdecode(v)
    return _Environ(data)


environ = _build_environ()
environb = dict(_posix.environ)


def getenv(key, default=None):
    """Get an environment variable, return None (or default) if it doesn't exist."""
    return environ.get(key, default)


def getenvb(key, default=None):
    return environb.get(key, default)


def putenv(key, value):
    _posix.putenv(key, value)


def unsetenv(key):
    _posix.unsetenv(key)


def get_exec_path(env=None):
    if env is None:
        env = environ
    path_list = env.get("PATH")
    if path_list is None:
        path_list = defpath
    return path_list.split(pathsep)


# ---- directories ----------------------------------------------------------------------

def makedirs(name, mode=0o777, exist_ok=False):
    """makedirs(name [, mode=0o777][, exist_ok=False]): mkdir -p."""
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass   # another process made it in the meantime
        cdir = curdir
        if isinstance(tail, bytes):
            cdir = bytes(curdir, "ASCII")
        if tail == cdir:
            return
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def removedirs(name):
    """Remove a leaf directory and then every empty parent."""
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def renames(old, new):
    head, tail = path.split(new)
    if head and tail and not path.exists(head):
        makedirs(head)
    rename(old, new)
    head, tail = path.split(old)
    if head and tail:
        try:
            removedirs(head)
        except OSError:
            pass


class DirEntry:
    """One entry of scandir(): its name and path, with cached stat queries."""

    def __init__(self, dirpath, name):
        self.name = name
        if dirpath in (".", b"."):
            self.path = name
        else:
            self.path = path.join(dirpath, name)
        self._lstat = None
        self._stat = None

    def __repr__(self):
        return f"<DirEntry {self.name!r}>"

    def __fspath__(self):
        return self.path

    def stat(self, *, follow_symlinks=True):
        if not follow_symlinks:
            if self._lstat is None:
                self._lstat = lstat(self.path)
            return self._lstat
        if self._stat is None:
            if self.is_symlink():
                self._stat = stat(self.path)
            else:
                self._stat = self.stat(follow_symlinks=False)
        return self._stat

    def inode(self):
        return self.stat(follow_symlinks=False).st_ino

    def _mode(self, follow_symlinks):
        try:
            return self.stat(follow_symlinks=follow_symlinks).st_mode
        except FileNotFoundError:
            return 0

    def is_dir(self, *, follow_symlinks=True):
        return _stat.S_ISDIR(self._mode(follow_symlinks))

    def is_file(self, *, follow_symlinks=True):
        return _stat.S_ISREG(self._mode(follow_symlinks))

    def is_symlink(self):
        return _stat.S_ISLNK(self._mode(False))

    def __class_getitem__(cls, item):
        return cls


class _ScandirIterator:
    def __init__(self, dirpath):
        self._path = dirpath
        self._names = iter(listdir(dirpath))

    def __iter__(self):
        return self

    def __next__(self):
        return DirEntry(self._path, next(self._names))

    def close(self):
        self._names = iter(())

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()


def scandir(path=None):
    """An iterator of DirEntry objects for the entries of path ('.' by default)."""
    if path is None:
        path = "."
    return _ScandirIterator(fspath(path))


def walk(top, topdown=True, onerror=None, followlinks=False):
    """Yield (dirpath, dirnames, filenames) for each directory under top.
    With topdown=True the caller may prune dirnames in place."""
    stack = [fspath(top)]
    while stack:
        top = stack.pop()
        if isinstance(top, tuple):
            yield top
            continue
        dirs = []
        nondirs = []
        walk_dirs = []
        try:
            entries = list(scandir(top))
        except OSError as error:
            if onerror is not None:
                onerror(error)
            continue
        for entry in entries:
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                dirs.append(entry.name)
            else:
                nondirs.append(entry.name)
            if not topdown and is_dir:
                if followlinks:
                    walk_into = True
                else:
                    try:
                        walk_into = not entry.is_symlink()
                    except OSError:
                        walk_into = False
                if walk_into:
                    walk_dirs.append(entry.path)
        if topdown:
            yield top, dirs, nondirs
            for dirname in reversed(dirs):
                new_path = path.join(top, dirname)
                if followlinks or not path.islink(new_path):
                    stack.append(new_path)
        else:
            stack.append((top, dirs, nondirs))
            for new_path in reversed(walk_dirs):
                stack.append(new_path)


def fdopen(fd, mode="r", buffering=-1, encoding=None, *args, **kwargs):
    if not isinstance(fd, int):
        raise TypeError("invalid fd type (%s, expected integer)" % type(fd))
    import builtins
    return builtins.open(fd, mode, buffering, encoding, *args, **kwargs)


# os.path is posixpath; importing `os.path` finds it in sys.modules.
import posixpath as path
sys.modules["os.path"] = path
