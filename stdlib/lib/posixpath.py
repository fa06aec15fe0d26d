"""posixpath — os.path for POSIX systems: pure string operations on paths
plus a few queries of the file system (exists, isdir, getsize ...).

Every function accepts str or bytes (and os.PathLike objects through
os.fspath) and answers in the same kind; the helpers _sep() and friends pick
the separator of the right kind so the code is written once.
"""

import os
import stat

__all__ = ["normcase", "isabs", "join", "splitdrive", "split", "splitext", "basename",
           "dirname", "commonprefix", "getsize", "getmtime", "getatime", "getctime",
           "islink", "exists", "lexists", "isdir", "isfile", "ismount", "expanduser",
           "expandvars", "normpath", "abspath", "samefile", "sameopenfile", "samestat",
           "curdir", "pardir", "sep", "pathsep", "defpath", "altsep", "extsep", "devnull",
           "realpath", "supports_unicode_filenames", "relpath", "commonpath"]

curdir = "."
pardir = ".."
extsep = "."
sep = "/"
pathsep = ":"
defpath = "/bin:/usr/bin"
altsep = None
devnull = "/dev/null"
supports_unicode_filenames = False


def _sep(p):
    return b"/" if isinstance(p, bytes) else "/"


def _check_kinds(funcname, *parts):
    has_str = has_bytes = False
    for p in parts:
        if isinstance(p, str):
            has_str = True
        elif isinstance(p, bytes):
            has_bytes = True
        else:
            raise TypeError(f"{funcname}() argument must be str, bytes, or "
                            f"os.PathLike object, not {type(p).__name__!r}") from None
    if has_str and has_bytes:
        raise TypeError("Can't mix strings and bytes in path components") from None


def normcase(s):
    return os.fspath(s)


def isabs(s):
    s = os.fspath(s)
    return s.startswith(_sep(s))


def join(a, *p):
    """Join path components, a component starting with '/' restarting the path."""
    a = os.fspath(a)
    sep = _sep(a)
    path = a
    parts = [os.fspath(x) for x in p]
    _check_kinds("join", a, *parts)
    for b in parts:
        if b.startswith(sep):
            path = b
        elif not path or path.endswith(sep):
            path += b
        else:
            path += sep + b
    return path


def split(p):
    """(head, tail): tail is everything after the last '/'."""
    p = os.fspath(p)
    sep = _sep(p)
    i = p.rfind(sep) + 1
    head, tail = p[:i], p[i:]
    if head and head != sep * len(head):
        head = head.rstrip(sep)
    return head, tail


def splitext(p):
    """(root, ext): ext is the last '.suffix' of the base name ('' if none).
    Leading dots of the base name do not start an extension ('.bashrc')."""
    p = os.fspath(p)
    if isinstance(p, bytes):
        sep, dot = b"/", b"."
    else:
        sep, dot = "/", "."
    sep_index = p.rfind(sep)
    dot_index = p.rfind(dot)
    if dot_index > sep_index:
        filename_index = sep_index + 1
        while filename_index < dot_index:
            if p[filename_index:filename_index + 1] != dot:
                return p[:dot_index], p[dot_index:]
            filename_index += 1
    return p, p[:0]


def splitdrive(p):
    p = os.fspath(p)
    return p[:0], p


def basename(p):
    p = os.fspath(p)
    i = p.rfind(_sep(p)) + 1
    return p[i:]


def dirname(p):
    p = os.fspath(p)
    sep = _sep(p)
    i = p.rfind(sep) + 1
    head = p[:i]
    if head and head != sep * len(head):
        head = head.rstrip(sep)
    return head


def commonprefix(m):
    """The longest common leading string of a list of paths (character-wise)."""
    if not m:
        return ""
    if not isinstance(m[0], (list, tuple)):
        m = tuple(map(os.fspath, m))
    s1 = min(m)
    s2 = max(m)
    for i, c in enumerate(s1):
        if c != s2[i]:
            return s1[:i]
    return s1


# ---- queries of the file system ----------------------------------------------------

def exists(path):
    try:
        os.stat(path)
    except (OSError, ValueError):
        return False
    return True


def lexists(path):
    try:
        os.lstat(path)
    except (OSError, ValueError):
        return False
    return True


def isfile(path):
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return False
    return stat.S_ISREG(st.st_mode)


def isdir(s):
    try:
        st = os.stat(s)
    except (OSError, ValueError):
        return False
    return stat.S_ISDIR(st.st_mode)


def islink(path):
    try:
        st = os.lstat(path)
    except (OSError, ValueError, AttributeError):
        return False
    return stat.S_ISLNK(st.st_mode)


def ismount(path):
    try:
        s1 = os.lstat(path)
    except (OSError, ValueError):
        return False
    if stat.S_ISLNK(s1.st_mode):
        return False
    path = os.fspath(path)
    parent = join(path, b".." if isinstance(path, bytes) else "..")
    try:
        s2 = os.lstat(parent)
    except (OSError, ValueError):
        return False
    return s1.st_dev != s2.st_dev or s1.st_ino == s2.st_ino


def getsize(filename):
    return os.stat(filename).st_size


def getmtime(filename):
    return os.stat(filename).st_mtime


def getatime(filename):
    return os.stat(filename).st_atime


def getctime(filename):
    return os.stat(filename).st_ctime


def samestat(s1, s2):
    return s1.st_ino == s2.st_ino and s1.st_dev == s2.st_dev


def samefile(f1, f2):
    return samestat(os.stat(f1), os.stat(f2))


def sameopenfile(fp1, fp2):
    return samestat(os.fstat(fp1), os.fstat(fp2))


# ---- expansion ---------------------------------------------------------------------

def expanduser(path):
    """Replace a leading '~' or '~user' by the home directory."""
    path = os.fspath(path)
    tilde = b"~" if isinstance(path, bytes) else "~"
    if not path.startswith(tilde):
        return path
    sep = _sep(path)
    i = path.find(sep, 1)
    if i < 0:
        i = len(path)
    if i == 1:
        if "HOME" in os.environ:
            userhome = os.environ["HOME"]
        else:
            try:
                import pwd
                userhome = pwd.getpwuid(os.getuid()).pw_dir
            except (ImportError, KeyError):
                return path
    else:
        name = path[1:i]
        if isinstance(name, bytes):
            name = name.decode()
        try:
            import pwd
            userhome = pwd.getpwnam(name).pw_dir
        except (ImportError, KeyError):
            return path
    if isinstance(path, bytes):
        userhome = os.fsencode(userhome)
    userhome = userhome.rstrip(sep)
    return (userhome + path[i:]) or sep


def expandvars(path):
    """Replace $name and ${name} by environment variables (unknown ones are kept)."""
    path = os.fspath(path)
    if isinstance(path, bytes):
        return os.fsencode(expandvars(os.fsdecode(path)))
    if "$" not in path:
        return path
    out = []
    i = 0
    n = len(path)
    while i < n:
        c = path[i]
        if c != "$":
            out.append(c)
            i += 1
            continue
        if i + 1 < n and path[i + 1] == "{":
            j = path.find("}", i + 2)
            if j < 0:
                out.append(path[i:])
                break
            name = path[i + 2:j]
            end = j + 1
        else:
            j = i + 1
            while j < n and (path[j].isalnum() or path[j] == "_"):
                j += 1
            name = path[i + 1:j]
            end = j
        if name and name in os.environ:
            out.append(os.environ[name])
        else:
            out.append(path[i:end])
        i = end
    return "".join(out)


# ---- normalisation -----------------------------------------------------------------

def normpath(path):
    """Collapse redundant separators and '.'/'..' components (lexically)."""
    path = os.fspath(path)
    if isinstance(path, bytes):
        sep, empty, dot, dotdot = b"/", b"", b".", b".."
    else:
        sep, empty, dot, dotdot = "/", "", ".", ".."
    if path == empty:
        return dot
    initial_slashes = 1 if path.startswith(sep) else 0
    # POSIX allows one implementation-defined meaning for exactly two
    # leading slashes; three or more collapse to one.
    if initial_slashes and path.startswith(sep * 2) and not path.startswith(sep * 3):
        initial_slashes = 2
    comps = path.split(sep)
    new_comps = []
    for comp in comps:
        if comp in (empty, dot):
            continue
        if (comp != dotdot or (not initial_slashes and not new_comps) or
                (new_comps and new_comps[-1] == dotdot)):
            new_comps.append(comp)
        elif new_comps:
            new_comps.pop()
    path = sep.join(new_comps)
    if initial_slashes:
        path = sep * initial_slashes + path
    return path or dot


def abspath(path):
    path = os.fspath(path)
    if not isabs(path):
        cwd = os.getcwdb() if isinstance(path, bytes) else os.getcwd()
        path = join(cwd, path)
    return normpath(path)


def realpath(filename, *, strict=False):
    """The canonical path: symbolic links resolved, '.' and '..' removed."""
    filename = os.fspath(filename)
    path, ok = _joinrealpath(filename[:0], filename, strict, {})
    return abspath(path)


def _joinrealpath(path, rest, strict, seen):
    if isinstance(path, bytes):
        sep, curdir_, pardir_ = b"/", b".", b".."
    else:
        sep, curdir_, pardir_ = "/", ".", ".."
    if isabs(rest):
        rest = rest[1:]
        path = sep
    while rest:
        name, _, rest = rest.partition(sep)
        if not name or name == curdir_:
            continue
        if name == pardir_:
            if path:
                path, name = split(path)
                if name == pardir_:
                    path = join(path, pardir_, pardir_)
            else:
                path = pardir_
            continue
        newpath = join(path, name)
        try:
            st = os.lstat(newpath)
        except OSError:
            if strict:
                raise
            is_link = False
        else:
            is_link = stat.S_ISLNK(st.st_mode)
        if not is_link:
            path = newpath
            continue
        if newpath in seen:
            path = seen[newpath]
            if path is not None:
                continue
            if strict:
                os.stat(newpath)
            else:
                return join(newpath, rest), False
        seen[newpath] = None
        path, ok = _joinrealpath(path, os.readlink(newpath), strict, seen)
        if not ok:
            return join(path, rest), False
        seen[newpath] = path
    return path, True


def relpath(path, start=None):
    """path relative to start (default: the current directory)."""
    if not path:
        raise ValueError("no path specified")
    path = os.fspath(path)
    if isinstance(path, bytes):
        curdir_, sep, pardir_ = b".", b"/", b".."
    else:
        curdir_, sep, pardir_ = ".", "/", ".."
    if start is None:
        start = curdir_
    else:
        start = os.fspath(start)
    _check_kinds("relpath", path, start)
    start_list = [x for x in abspath(start).split(sep) if x]
    path_list = [x for x in abspath(path).split(sep) if x]
    i = len(commonprefix([start_list, path_list]))
    rel_list = [pardir_] * (len(start_list) - i) + path_list[i:]
    if not rel_list:
        return curdir_
    return join(*rel_list)


def commonpath(paths):
    """The longest common sub-path of a sequence of paths."""
    if not paths:
        raise ValueError("commonpath() arg is an empty sequence")
    paths = tuple(map(os.fspath, paths))
    if isinstance(paths[0], bytes):
        sep, curdir_ = b"/", b"."
    else:
        sep, curdir_ = "/", "."
    split_paths = [p.split(sep) for p in paths]
    try:
        isabs_, = set(p[:1] == sep for p in paths)
    except ValueError:
        raise ValueError("Can't mix absolute and relative paths") from None
    split_paths = [[c for c in s if c and c != curdir_] for s in split_paths]
    s1 = min(split_paths)
    s2 = max(split_paths)
    common = s1
    for i, c in enumerate(s1):
        if c != s2[i]:
            common = s1[:i]
            break
    prefix = sep if isabs_ else sep[:0]
    return prefix + sep.join(common)
