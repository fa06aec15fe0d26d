"""linecache — the lines of source files, read once and kept.

Tracebacks, warnings and debuggers show the source line of a frame; they
ask getline(filename, lineno) here, which reads the whole file the first
time and keeps its lines in `cache`:

    cache[filename] = (size, mtime, lines, fullname)   # a file that was read
    cache[filename] = (get_source,)                    # lazycache(): not read yet

`lines` keep their newlines (the last one gets one if the file lacked
it).  checkcache() drops entries whose file changed on disk (size or
modification time) or vanished, so a long-running program does not show
stale text.

Files are read as UTF-8 text.  A name found neither as given nor on
sys.path can still get its source from its module's __loader__: a loader
with a get_source(name) method (the lazycache() protocol, as CPython's);
pseudo-files such as "<string>" or "<stdin>" have no lines unless someone
put them in the cache.
"""

import os
import sys

__all__ = ["getline", "clearcache", "checkcache", "lazycache"]

cache = {}


def clearcache():
    """Forget every cached file."""
    cache.clear()


def getline(filename, lineno, module_globals=None):
    """Line `lineno` (1-based) of `filename` with its newline, or '' when
    the file or the line cannot be found."""
    lines = getlines(filename, module_globals)
    if 1 <= lineno <= len(lines):
        return lines[lineno - 1]
    return ''


def getlines(filename, module_globals=None):
    """All the lines of `filename` (a list of str), from the cache when
    it has them; [] when the file cannot be read."""
    entry = cache.get(filename)
    if entry is not None and len(entry) != 1:
        return entry[2]
    try:
        return updatecache(filename, module_globals)
    except MemoryError:
        clearcache()
        return []


def checkcache(filename=None):
    """Drops the cache entries (all, or `filename`'s) whose file changed
    size or modification time since it was read, or can no longer be
    stat()ed.  Lazy entries and entries without a file stay."""
    if filename is None:
        filenames = list(cache.keys())
    elif filename in cache:
        filenames = [filename]
    else:
        return
    for name in filenames:
        entry = cache.get(name)
        if entry is None or len(entry) == 1:
            continue
        size, mtime, lines, fullname = entry
        if mtime is None:
            continue          # no file behind it (a loader's source)
        try:
            stat = os.stat(fullname)
        except OSError:
            cache.pop(name, None)
            continue
        if size != stat.st_size or mtime != stat.st_mtime:
            cache.pop(name, None)


def _is_pseudo_file(filename):
    return not filename or (filename.startswith('<') and filename.endswith('>'))


def _read_lines(fullname):
    with open(fullname, encoding='utf-8') as fp:
        lines = fp.readlines()
    if lines and not lines[-1].endswith('\n'):
        lines[-1] += '\n'
    return lines


def _lines_from_loader(filename):
    """The lines a lazycache() entry's loader gives, cached; None when
    there is no such entry or it has no source."""
    entry = cache.get(filename)
    if entry is None or len(entry) != 1:
        return None
    cache.pop(filename, None)
    try:
        data = entry[0]()
    except (ImportError, OSError):
        return None
    if data is None:
        return None
    lines = [line + '\n' for line in data.splitlines()]
    cache[filename] = (len(data), None, lines, filename)
    return lines


def _find_on_path(filename):
    """The path of a relative `filename` found under a sys.path entry, or
    None."""
    if os.path.isabs(filename):
        return None
    for dirname in sys.path:
        try:
            fullname = os.path.join(dirname, filename)
        except (TypeError, AttributeError):
            continue          # not a directory name
        try:
            os.stat(fullname)
            return fullname
        except (OSError, ValueError):
            continue
    return None


def updatecache(filename, module_globals=None):
    """(Re)reads `filename` into the cache and returns its lines; [] when
    it cannot be found or read."""
    if filename in cache and len(cache[filename]) != 1:
        cache.pop(filename, None)
    if _is_pseudo_file(filename):
        return []
    fullname = filename
    try:
        stat = os.stat(fullname)
    except OSError:
        if lazycache(filename, module_globals):
            lines = _lines_from_loader(filename)
            if lines is not None:
                return lines
        fullname = _find_on_path(filename)
        if fullname is None:
            return []
        try:
            stat = os.stat(fullname)
        except OSError:
            return []
    try:
        lines = _read_lines(fullname)
    except (OSError, UnicodeDecodeError, SyntaxError):
        return []
    cache[filename] = (stat.st_size, stat.st_mtime, lines, fullname)
    return lines


def lazycache(filename, module_globals):
    """Registers a way to get `filename`'s source later, from the
    __loader__ in `module_globals` (its get_source(__name__)), without
    reading it now.  True when the file's lines are (or can be) cached."""
    if filename in cache:
        return len(cache[filename]) == 1
    if _is_pseudo_file(filename) or not module_globals:
        return False
    loader = module_globals.get('__loader__')
    name = module_globals.get('__name__')
    get_source = getattr(loader, 'get_source', None)
    if name is None or get_source is None:
        return False

    def get_lines(name=name, *args, **kwargs):
        return get_source(name, *args, **kwargs)

    cache[filename] = (get_lines,)
    return True
