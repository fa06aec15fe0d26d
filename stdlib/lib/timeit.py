"""timeit — time small bits of Python code.

Timer(stmt, setup, timer, globals) builds one function whose body runs
`setup` once and then `stmt` in a loop of `number` iterations, timed with
`timer` (time.perf_counter) around the loop only::

    def inner(_it, _timer):
        <setup>
        _t0 = _timer()
        for _i in _it:
            <stmt>
        _t1 = _timer()
        return _t1 - _t0

so the cost of the loop itself is nearly all that is added to the
statement's.  stmt and setup may also be callables, which inner() then
calls.  repeat() runs that several times: the minimum is the figure to
trust, the others only show how much the machine interfered.

Command line: coil -m timeit [-n N] [-r R] [-s SETUP] [-u UNIT] STMT ...
"""

import gc
import itertools
import sys
import time

__all__ = ["Timer", "timeit", "repeat", "default_timer"]

dummy_src_name = "<timeit-src>"
default_number = 1000000
default_repeat = 5
default_timer = time.perf_counter

_globals = globals

template = """
def inner(_it, _timer{init}):
    {setup}
    _t0 = _timer()
    for _i in _it:
        {stmt}
        pass
    _t1 = _timer()
    return _t1 - _t0
"""


def reindent(src, indent):
    """Indent every line of src but the first by `indent` spaces."""
    return src.replace("\n", "\n" + " " * indent)


class Timer:
    """Class for timing execution speed of small code snippets."""

    def __init__(self, stmt="pass", setup="pass", timer=default_timer, globals=None):
        self.timer = timer
        local_ns = {}
        global_ns = _globals() if globals is None else globals
        init = ''
        if isinstance(setup, str):
            compile(setup, dummy_src_name, "exec")   # a syntax error shows here, alone
            stmtprefix = setup + '\n'
            setup = reindent(setup, 4)
        elif callable(setup):
            local_ns['_setup'] = setup
            init += ', _setup=_setup'
            stmtprefix = ''
            setup = '_setup()'
        else:
            raise ValueError("setup is neither a string nor callable")
        if isinstance(stmt, str):
            compile(stmtprefix + stmt, dummy_src_name, "exec")
            stmt = reindent(stmt, 8)
        elif callable(stmt):
            local_ns['_stmt'] = stmt
            init += ', _stmt=_stmt'
            stmt = '_stmt()'
        else:
            raise ValueError("stmt is neither a string nor callable")
        src = template.format(stmt=stmt, setup=setup, init=init)
        self.src = src
        code = compile(src, dummy_src_name, "exec")
        exec(code, global_ns, local_ns)
        self.inner = local_ns["inner"]

    def print_exc(self, file=None):
        import traceback
        traceback.print_exc(file=file)

    def timeit(self, number=default_number):
        """Time `number` executions of the statement; returns seconds (a float)."""
        it = itertools.repeat(None, number)
        gcold = gc.isenabled()
        gc.disable()
        try:
            timing = self.inner(it, self.timer)
        finally:
            if gcold:
                gc.enable()
        return timing

    def repeat(self, repeat=default_repeat, number=default_number):
        """A list of `repeat` results of timeit(number)."""
        return [self.timeit(number) for _ in range(repeat)]

    def autorange(self, callback=None):
        """Finds a loop count (1, 2, 5, 10, 20, 50, ...) taking >= 0.2 s.

        Returns (number, time_taken); callback(number, time_taken) is
        called after each trial.
        """
        i = 1
        while True:
            for j in 1, 2, 5:
                number = i * j
                time_taken = self.timeit(number)
                if callback:
                    callback(number, time_taken)
                if time_taken >= 0.2:
                    return (number, time_taken)
            i *= 10


def timeit(stmt="pass", setup="pass", timer=default_timer, number=default_number, globals=None):
    """Convenience function to create Timer object and call timeit method."""
    return Timer(stmt, setup, timer, globals).timeit(number)


def repeat(stmt="pass", setup="pass", timer=default_timer, repeat=default_repeat,
           number=default_number, globals=None):
    """Convenience function to create Timer object and call repeat method."""
    return Timer(stmt, setup, timer, globals).repeat(repeat, number)


_USAGE = """usage: timeit [-n N] [-r N] [-u U] [-s S] [-p] [-v] [-h] [--] [statement ...]"""

_UNITS = {"nsec": 1e-9, "usec": 1e-6, "msec": 1e-3, "sec": 1.0}


def _parse_args(args):
    opts = {"number": 0, "repeat": default_repeat, "setup": [], "unit": None,
            "verbose": 0, "timer": default_timer}
    stmt = []
    while args:
        a = args.pop(0)
        if a == "--":
            stmt += args
            break
        if not a.startswith("-") or a == "-":
            stmt.append(a)
            stmt += args
            break
        name, eq, value = a.partition("=")
        takes_value = name in ("-n", "--number", "-r", "--repeat", "-s", "--setup", "-u", "--unit")
        if takes_value and not eq:
            if not args:
                raise ValueError("option %s requires argument" % name)
            value = args.pop(0)
        if name in ("-n", "--number"):
            opts["number"] = int(value)
        elif name in ("-r", "--repeat"):
            opts["repeat"] = max(int(value), 1)
        elif name in ("-s", "--setup"):
            opts["setup"].append(value)
        elif name in ("-u", "--unit"):
            if value not in _UNITS:
                raise ValueError("Unrecognized unit. Please select nsec, usec, msec, or sec.")
            opts["unit"] = value
        elif name in ("-p", "--process"):
            opts["timer"] = time.process_time
        elif name in ("-v", "--verbose"):
            opts["verbose"] += 1
        elif name in ("-h", "--help"):
            print(__doc__, end=' ')
            return None, None
        else:
            raise ValueError("option %s not recognized" % name)
    return opts, stmt


def main(args=None, *, _wrap_timer=None):
    """The command line: prints '1000000 loops, best of 5: 20.3 nsec per loop'."""
    if args is None:
        args = sys.argv[1:]
    try:
        opts, stmt = _parse_args(list(args))
    except ValueError as err:
        print(err)
        print("use -h/--help for command line help")
        return 2
    if opts is None:
        return 0
    stmt = "\n".join(stmt) or "pass"
    setup = "\n".join(opts["setup"]) or "pass"
    number, repeat, verbose = opts["number"], opts["repeat"], opts["verbose"]
    time_unit = opts["unit"]
    timer = opts["timer"]
    if _wrap_timer is not None:
        timer = _wrap_timer(timer)
    t = Timer(stmt, setup, timer)
    if number == 0:
        callback = None
        if verbose:
            def callback(number, time_taken):
                msg = "{num} loop{s} -> {secs:.{prec}g} secs"
                plural = (number != 1)
                print(msg.format(num=number, s='s' if plural else '', secs=time_taken, prec=3))
        try:
            number, _ = t.autorange(callback)
        except:
            t.print_exc()
            return 1
        if verbose:
            print()
    try:
        raw_timings = t.repeat(repeat, number)
    except:
        t.print_exc()
        return 1

    def format_time(dt):
        unit = time_unit
        if unit is not None:
            scale = _UNITS[unit]
        else:
            scales = [(scale, unit) for unit, scale in _UNITS.items()]
            scales.sort(reverse=True)
            for scale, unit in scales:
                if dt >= scale:
                    break
        return "%.*g %s" % (3, dt / scale, unit)

    if verbose:
        print("raw times: %s" % ", ".join(map(format_time, raw_timings)))
        print()
    timings = [dt / number for dt in raw_timings]
    best = min(timings)
    print("%d loop%s, best of %d: %s per loop"
          % (number, 's' if number != 1 else '', repeat, format_time(best)))
    worst = max(timings)
    if worst >= best * 4:
        import warnings
        warnings.warn_explicit("The test results are likely unreliable. "
                               "The worst time (%s) was more than four times "
                               "slower than the best time (%s)."
                               % (format_time(worst), format_time(best)),
                               UserWarning, '', 0)
    return None


if __name__ == "__main__":
    sys.exit(main())
