"""cProfile — deterministic profiling of Python programs.

The measuring is done by the native profiler ``_lsprof.Profiler``: while
enabled, it is the thread's profile hook, told by the VM of every Python
call and return and every call of a builtin (see vm/trace.h).  This module
turns its raw per-function numbers into the ``stats`` dict that pstats
reads::

    (filename, firstlineno, name) -> (cc, nc, tt, ct, callers)

where ``nc`` counts all calls, ``cc`` the primitive (non-recursive) ones,
``tt`` the time spent in the function itself and ``ct`` the time including
its callees; ``callers`` maps each caller's key to the same four numbers
for the calls it made.  Builtins are keyed ``('~', 0, '<built-in method
builtins.len>')``, which pstats prints as ``{built-in method builtins.len}``.
"""

import _lsprof
import sys

__all__ = ["run", "runctx", "Profile"]


def run(statement, filename=None, sort=-1):
    """Profile exec(statement) in __main__'s namespace and print (or save) the stats."""
    return _Utils(Profile).run(statement, filename, sort)


def runctx(statement, globals, locals, filename=None, sort=-1):
    """Like run(), with the given globals and locals."""
    return _Utils(Profile).runctx(statement, globals, locals, filename, sort)


class _Utils:
    """The shared body of run() and runctx(): profile, then report."""

    def __init__(self, profiler):
        self.profiler = profiler

    def run(self, statement, filename, sort):
        prof = self.profiler()
        try:
            prof.run(statement)
        except SystemExit:
            pass
        finally:
            self._show(prof, filename, sort)

    def runctx(self, statement, globals, locals, filename, sort):
        prof = self.profiler()
        try:
            prof.runctx(statement, globals, locals)
        except SystemExit:
            pass
        finally:
            self._show(prof, filename, sort)

    def _show(self, prof, filename, sort):
        if filename is not None:
            prof.dump_stats(filename)
        else:
            prof.print_stats(sort)


def label(code):
    """The stats key of a profiled function: a code object or a builtin's label."""
    if isinstance(code, str):
        return ('~', 0, code)    # '~' sorts builtins after the files
    return (code.co_filename, code.co_firstlineno, code.co_name)


class Profile(_lsprof.Profiler):
    """Profile(timer=None, timeunit=0.0, subcalls=True, builtins=True)

    Builds a profiler object using the specified timer function.
    """

    def print_stats(self, sort=-1):
        import pstats
        pstats.Stats(self).strip_dirs().sort_stats(sort).print_stats()

    def dump_stats(self, file):
        import marshal
        with open(file, 'wb') as f:
            self.create_stats()
            marshal.dump(self.stats, f)

    def create_stats(self):
        self.disable()
        self.snapshot_stats()

    def snapshot_stats(self):
        entries = self.getstats()
        self.stats = {}
        callers_of = {}
        for entry in entries:
            func = label(entry.code)
            nc = entry.callcount
            cc = nc - entry.reccallcount
            callers = {}
            callers_of[id(entry.code)] = callers
            self.stats[func] = cc, nc, entry.inlinetime, entry.totaltime, callers
        for entry in entries:
            if not entry.calls:
                continue
            func = label(entry.code)
            for sub in entry.calls:
                callers = callers_of.get(id(sub.code))
                if callers is None:
                    continue
                nc = sub.callcount
                cc = nc - sub.reccallcount
                tt = sub.inlinetime
                ct = sub.totaltime
                if func in callers:
                    prev = callers[func]
                    nc += prev[0]
                    cc += prev[1]
                    tt += prev[2]
                    ct += prev[3]
                callers[func] = nc, cc, tt, ct

    # The following three methods are the ones profile.Profile has too.

    def run(self, cmd):
        import __main__
        dict = __main__.__dict__
        return self.runctx(cmd, dict, dict)

    def runctx(self, cmd, globals, locals):
        self.enable()
        try:
            exec(cmd, globals, locals)
        finally:
            self.disable()
        return self

    def runcall(self, func, /, *args, **kw):
        self.enable()
        try:
            return func(*args, **kw)
        finally:
            self.disable()

    def __enter__(self):
        self.enable()
        return self

    def __exit__(self, *exc_info):
        self.disable()


def main():
    """`coil -m cProfile [-o output_file] [-s sort] scriptfile [arg] ...`"""
    args = sys.argv[1:]
    outfile = None
    sort = -1
    while args and args[0].startswith('-') and args[0] != '-':
        opt = args.pop(0)
        if opt in ('-o', '--outfile') and args:
            outfile = args.pop(0)
        elif opt in ('-s', '--sort') and args:
            sort = args.pop(0)
        elif opt in ('-h', '--help'):
            print("Usage: cProfile.py [-o output_file_path] [-s sort] [-m module | scriptfile] [arg] ...")
            return
        else:
            print("cProfile.py: error: no such option: %s" % opt, file=sys.stderr)
            sys.exit(2)
    if not args:
        print("Usage: cProfile.py [-o output_file_path] [-s sort] [-m module | scriptfile] [arg] ...",
              file=sys.stderr)
        sys.exit(2)
    progname = args[0]
    sys.argv[:] = args
    sys.path.insert(0, progname.rpartition('/')[0] or '.')
    with open(progname) as f:
        code = compile(f.read(), progname, 'exec')
    globs = {
        '__file__': progname,
        '__name__': '__main__',
        '__package__': None,
        '__cached__': None,
    }
    runctx(code, globs, None, outfile, sort)


if __name__ == '__main__':
    main()
