"""pstats — reading, sorting and printing profiler statistics.

A Stats object holds the dict that cProfile.Profile.create_stats() makes::

    (filename, lineno, funcname) -> (cc, nc, tt, ct, callers)

cc: primitive calls, nc: all calls, tt: time in the function itself,
ct: time including callees, callers: {caller key: (nc, cc, tt, ct)}.
Everything else is presentation: strip_dirs() shortens the keys,
sort_stats() orders them by columns (several keys compare in turn, each
ascending or descending), print_stats() prints CPython's table::

       ncalls  tottime  percall  cumtime  percall filename:lineno(function)
        177/1    0.000    0.000    0.000    0.000 fib.py:1(fib)

where "177/1" means 177 calls of which 1 was primitive (not recursive).
"""

import os
import re
import sys
from enum import Enum
from functools import cmp_to_key

__all__ = ["Stats", "SortKey"]


class SortKey(str, Enum):
    CALLS = 'calls', 'ncalls'
    CUMULATIVE = 'cumulative', 'cumtime'
    FILENAME = 'filename', 'module'
    LINE = 'line'
    NAME = 'name'
    NFL = 'nfl'
    PCALLS = 'pcalls'
    STDNAME = 'stdname'
    TIME = 'time', 'tottime'

    def __new__(cls, *values):
        value = values[0]
        obj = str.__new__(cls, value)
        obj._value_ = value
        for other in values[1:]:
            cls._value2member_map_[other] = obj
        obj._all_values = values
        return obj


# Sort key word -> ((column, direction), ...), description.  The columns
# index the rows built by sort_stats: (cc, nc, tt, ct, file, line, name,
# stdname); direction -1 sorts descending.
_SORT_ARGS = {
    "calls": (((1, -1),), "call count"),
    "ncalls": (((1, -1),), "call count"),
    "cumtime": (((3, -1),), "cumulative time"),
    "cumulative": (((3, -1),), "cumulative time"),
    "filename": (((4, 1),), "file name"),
    "line": (((5, 1),), "line number"),
    "module": (((4, 1),), "file name"),
    "name": (((6, 1),), "function name"),
    "nfl": (((6, 1), (4, 1), (5, 1)), "name/file/line"),
    "pcalls": (((0, -1),), "primitive call count"),
    "stdname": (((7, 1),), "standard name"),
    "time": (((2, -1),), "internal time"),
    "tottime": (((2, -1),), "internal time"),
}


class Stats:
    """Stats(profile_or_filename, ..., stream=sys.stdout)"""

    def __init__(self, *args, stream=None):
        self.stream = stream or sys.stdout
        arg = args[0] if args else None
        self.init(arg)
        self.add(*args[1:])

    def init(self, arg):
        self.all_callees = None
        self.files = []
        self.fcn_list = None
        self.total_tt = 0
        self.total_calls = 0
        self.prim_calls = 0
        self.max_name_len = 0
        self.top_level = set()
        self.stats = {}
        self.sort_arg_dict = {}
        self.sort_type = ""
        self.load_stats(arg)
        self.get_top_level_stats()

    def load_stats(self, arg):
        if arg is None:
            self.stats = {}
            return
        if isinstance(arg, str):
            import marshal
            with open(arg, 'rb') as f:
                self.stats = marshal.load(f)
            self.files = [arg]
        elif hasattr(arg, 'create_stats'):
            arg.create_stats()
            self.stats = arg.stats
            arg.stats = {}
        if not self.stats:
            raise TypeError("Cannot create or construct a %r object from %r"
                            % (self.__class__, arg))

    def get_top_level_stats(self):
        for func, (cc, nc, tt, ct, callers) in self.stats.items():
            self.total_calls += nc
            self.prim_calls += cc
            self.total_tt += tt
            if ("jprofile", 0, "profiler") in callers:
                self.top_level.add(func)
            if len(func_std_string(func)) > self.max_name_len:
                self.max_name_len = len(func_std_string(func))

    def add(self, *arg_list):
        if not arg_list:
            return self
        for item in reversed(arg_list):
            if type(self) != type(item):
                item = Stats(item)
            self.files += item.files
            self.total_calls += item.total_calls
            self.prim_calls += item.prim_calls
            self.total_tt += item.total_tt
            for func in item.top_level:
                self.top_level.add(func)
            if self.max_name_len < item.max_name_len:
                self.max_name_len = item.max_name_len
            self.fcn_list = None
            for func, stat in item.stats.items():
                old = self.stats.get(func, (0, 0, 0, 0, {}))
                self.stats[func] = add_func_stats(old, stat)
        return self

    def dump_stats(self, filename):
        import marshal
        with open(filename, 'wb') as f:
            marshal.dump(self.stats, f)

    def get_sort_arg_defs(self):
        return _SORT_ARGS

    def sort_stats(self, *field):
        if not field:
            self.fcn_list = 0
            return self
        if len(field) == 1 and isinstance(field[0], int):
            # The old profiler's numeric keys.
            field = [{-1: "stdname", 0: "calls", 1: "time", 2: "cumulative"}[field[0]]]
        elif len(field) >= 2:
            for arg in field[1:]:
                if type(arg) != type(field[0]):
                    raise TypeError("Can't have mixed argument type")
        sort_tuple = ()
        self.sort_type = ""
        connector = ""
        for word in field:
            if isinstance(word, SortKey):
                word = word.value
            sort_tuple = sort_tuple + _SORT_ARGS[word][0]
            self.sort_type += connector + _SORT_ARGS[word][1]
            connector = ", "
        rows = []
        for func, (cc, nc, tt, ct, callers) in self.stats.items():
            rows.append((cc, nc, tt, ct) + func + (func_std_string(func), func))
        rows.sort(key=cmp_to_key(_TupleComp(sort_tuple).compare))
        self.fcn_list = [row[-1] for row in rows]
        return self

    def reverse_order(self):
        if self.fcn_list:
            self.fcn_list.reverse()
        return self

    def strip_dirs(self):
        old = self.stats
        self.stats = new = {}
        max_name_len = 0
        for func, (cc, nc, tt, ct, callers) in old.items():
            newfunc = func_strip_path(func)
            if len(func_std_string(newfunc)) > max_name_len:
                max_name_len = len(func_std_string(newfunc))
            newcallers = {func_strip_path(f2): c for f2, c in callers.items()}
            if newfunc in new:
                new[newfunc] = add_func_stats(new[newfunc], (cc, nc, tt, ct, newcallers))
            else:
                new[newfunc] = (cc, nc, tt, ct, newcallers)
        self.top_level = {func_strip_path(f) for f in self.top_level}
        self.max_name_len = max_name_len
        self.fcn_list = None
        self.all_callees = None
        return self

    def calc_callees(self):
        if self.all_callees:
            return
        self.all_callees = all_callees = {}
        for func, (cc, nc, tt, ct, callers) in self.stats.items():
            all_callees.setdefault(func, {})
            for func2, caller in callers.items():
                all_callees.setdefault(func2, {})[func] = caller

    # ---- printing ----

    def eval_print_amount(self, sel, items, msg):
        new_list = items
        if isinstance(sel, str):
            try:
                rex = re.compile(sel)
            except re.error:
                msg += "   <Invalid regular expression %r>\n" % sel
                return new_list, msg
            new_list = [func for func in items if rex.search(func_std_string(func))]
        else:
            count = len(items)
            if isinstance(sel, float) and 0.0 <= sel < 1.0:
                count = int(count * sel + .5)
                new_list = items[:count]
            elif isinstance(sel, int) and 0 <= sel < count:
                count = sel
                new_list = items[:count]
        if len(items) != len(new_list):
            msg += "   List reduced from %r to %r due to restriction <%r>\n" % (
                len(items), len(new_list), sel)
        return new_list, msg

    def get_print_list(self, sel_list):
        width = self.max_name_len
        if self.fcn_list:
            stat_list = self.fcn_list[:]
            msg = "   Ordered by: " + self.sort_type + '\n'
        else:
            stat_list = list(self.stats.keys())
            msg = "   Random listing order was used\n"
        for selection in sel_list:
            stat_list, msg = self.eval_print_amount(selection, stat_list, msg)
        count = len(stat_list)
        if not stat_list:
            return 0, stat_list
        print(msg, file=self.stream)
        if count < len(self.stats):
            width = 0
            for func in stat_list:
                if len(func_std_string(func)) > width:
                    width = len(func_std_string(func))
        return width + 2, stat_list

    def print_stats(self, *amount):
        for filename in self.files:
            print(filename, file=self.stream)
        if self.files:
            print(file=self.stream)
        indent = ' ' * 8
        for func in self.top_level:
            print(indent, func_get_function_name(func), file=self.stream)
        print(indent, self.total_calls, "function calls", end=' ', file=self.stream)
        if self.total_calls != self.prim_calls:
            print("(%d primitive calls)" % self.prim_calls, end=' ', file=self.stream)
        print("in %.3f seconds" % self.total_tt, file=self.stream)
        print(file=self.stream)
        width, items = self.get_print_list(amount)
        if items:
            self.print_title()
            for func in items:
                self.print_line(func)
            print(file=self.stream)
            print(file=self.stream)
        return self

    def print_callees(self, *amount):
        width, items = self.get_print_list(amount)
        if items:
            self.calc_callees()
            self.print_call_heading(width, "called...")
            for func in items:
                if func in self.all_callees:
                    self.print_call_line(width, func, self.all_callees[func])
                else:
                    self.print_call_line(width, func, {})
            print(file=self.stream)
            print(file=self.stream)
        return self

    def print_callers(self, *amount):
        width, items = self.get_print_list(amount)
        if items:
            self.print_call_heading(width, "was called by...")
            for func in items:
                cc, nc, tt, ct, callers = self.stats[func]
                self.print_call_line(width, func, callers, "<-")
            print(file=self.stream)
            print(file=self.stream)
        return self

    def print_call_heading(self, name_size, column_title):
        print("Function ".ljust(name_size) + column_title, file=self.stream)
        subheader = False
        for cc, nc, tt, ct, callers in self.stats.values():
            if callers:
                value = next(iter(callers.values()))
                subheader = isinstance(value, tuple)
                break
        if subheader:
            print(" " * name_size + "    ncalls  tottime  cumtime", file=self.stream)

    def print_call_line(self, name_size, source, call_dict, arrow="->"):
        print(func_std_string(source).ljust(name_size) + arrow, end=' ', file=self.stream)
        if not call_dict:
            print(file=self.stream)
            return
        clist = sorted(call_dict.keys())
        indent = ""
        for func in clist:
            name = func_std_string(func)
            value = call_dict[func]
            if isinstance(value, tuple):
                nc, cc, tt, ct = value
                if nc != cc:
                    substats = '%d/%d' % (nc, cc)
                else:
                    substats = '%d' % (nc,)
                substats = '%s %s %s  %s' % (substats.rjust(7 + 2 * len(indent)),
                                             f8(tt), f8(ct), name)
                left_width = name_size + 1
            else:
                substats = '%s(%r) %s' % (name, value, f8(self.stats[func][3]))
                left_width = name_size + 3
            print(indent * left_width + substats, file=self.stream)
            indent = " "

    def print_title(self):
        print('   ncalls', end=' ', file=self.stream)
        print(' tottime  percall  cumtime  percall', end=' ', file=self.stream)
        print('filename:lineno(function)', file=self.stream)

    def print_line(self, func):
        cc, nc, tt, ct, callers = self.stats[func]
        c = str(nc)
        if nc != cc:
            c = c + '/' + str(cc)
        print(c.rjust(9), end=' ', file=self.stream)
        print(f8(tt), end=' ', file=self.stream)
        print(' ' * 8 if nc == 0 else f8(tt / nc), end=' ', file=self.stream)
        print(f8(ct), end=' ', file=self.stream)
        print(' ' * 8 if cc == 0 else f8(ct / cc), end=' ', file=self.stream)
        print(func_std_string(func), file=self.stream)


class _TupleComp:
    """Compares two rows column by column, each in its own direction."""

    def __init__(self, comp_select_list):
        self.comp_select_list = comp_select_list

    def compare(self, left, right):
        for index, direction in self.comp_select_list:
            l = left[index]
            r = right[index]
            if l < r:
                return -direction
            if l > r:
                return direction
        return 0


def func_strip_path(func_name):
    filename, line, name = func_name
    return os.path.basename(filename), line, name


def func_get_function_name(func):
    return func[2]


def func_std_string(func_name):
    """'file:line(name)', or '{built-in method ...}' for a builtin."""
    if func_name[:2] == ('~', 0):
        name = func_name[2]
        if name.startswith('<') and name.endswith('>'):
            return '{%s}' % name[1:-1]
        return name
    return "%s:%d(%s)" % func_name


def add_func_stats(target, source):
    """The stats of one function, added: counts, times and callers."""
    cc, nc, tt, ct, callers = source
    t_cc, t_nc, t_tt, t_ct, t_callers = target
    return (cc + t_cc, nc + t_nc, tt + t_tt, ct + t_ct, add_callers(t_callers, callers))


def add_callers(target, source):
    new_callers = dict(target)
    for func, caller in source.items():
        if func in new_callers:
            if isinstance(caller, tuple):
                new_callers[func] = tuple(i + j for i, j in zip(caller, new_callers[func]))
            else:
                new_callers[func] += caller
        else:
            new_callers[func] = caller
    return new_callers


def count_calls(callers):
    """Sum the caller statistics to get total number of calls received."""
    nc = 0
    for calls in callers.values():
        nc += calls
    return nc


def f8(x):
    return "%8.3f" % x
