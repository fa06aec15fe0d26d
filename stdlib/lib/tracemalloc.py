"""tracemalloc — which lines of Python allocated how much memory.

The native half, _tracemalloc, hooks coil's allocator (runtime/alloc.cpp)
and records every block allocated while tracing with the traceback of the
Python code that asked for it (see stdlib/native/_tracemalloc.cpp).  This
half turns its raw traces into objects:

* take_snapshot() copies the traces into a Snapshot;
* Snapshot.statistics('lineno' | 'filename' | 'traceback') groups them,
  biggest first, into Statistic objects (size, count, traceback);
* Snapshot.compare_to(old, key) gives StatisticDiff objects;
* Snapshot.filter_traces([Filter(...)]) keeps or drops traces by file
  name pattern (fnmatch) and line.

str(stat) reads as CPython's: "file.py:12: size=1024 KiB, count=3, average=341 KiB".
"""

import fnmatch
from functools import total_ordering

from _tracemalloc import (start, stop, is_tracing, clear_traces, get_traced_memory,
                          reset_peak, get_tracemalloc_memory, get_traceback_limit,
                          _get_traces, _get_object_traceback)


def _format_size(size, sign):
    for unit in ('B', 'KiB', 'MiB', 'GiB', 'TiB'):
        if abs(size) < 100 and unit != 'B':
            return ("%+.1f %s" if sign else "%.1f %s") % (size, unit)
        if abs(size) < 10 * 1024 or unit == 'TiB':
            return ("%+.0f %s" if sign else "%.0f %s") % (size, unit)
        size /= 1024


class Statistic:
    """Memory allocated by one group of traces (a line, a file, a traceback)."""

    __slots__ = ('traceback', 'size', 'count')

    def __init__(self, traceback, size, count):
        self.traceback = traceback
        self.size = size
        self.count = count

    def __hash__(self):
        return hash((self.traceback, self.size, self.count))

    def __eq__(self, other):
        if not isinstance(other, Statistic):
            return NotImplemented
        return (self.traceback == other.traceback and self.size == other.size
                and self.count == other.count)

    def __str__(self):
        text = "%s: size=%s, count=%i" % (self.traceback, _format_size(self.size, False), self.count)
        if self.count:
            text += ", average=%s" % _format_size(self.size / self.count, False)
        return text

    def __repr__(self):
        return '<Statistic traceback=%r size=%i count=%i>' % (self.traceback, self.size, self.count)

    def _sort_key(self):
        return (self.size, self.count, self.traceback)


class StatisticDiff:
    """The change of one group's memory between two snapshots."""

    __slots__ = ('traceback', 'size', 'size_diff', 'count', 'count_diff')

    def __init__(self, traceback, size, size_diff, count, count_diff):
        self.traceback = traceback
        self.size = size
        self.size_diff = size_diff
        self.count = count
        self.count_diff = count_diff

    def __eq__(self, other):
        if not isinstance(other, StatisticDiff):
            return NotImplemented
        return (self.traceback == other.traceback and self.size == other.size
                and self.size_diff == other.size_diff and self.count == other.count
                and self.count_diff == other.count_diff)

    def __hash__(self):
        return hash((self.traceback, self.size, self.size_diff, self.count, self.count_diff))

    def __str__(self):
        text = ("%s: size=%s (%s), count=%i (%+i)"
                % (self.traceback, _format_size(self.size, False), _format_size(self.size_diff, True),
                   self.count, self.count_diff))
        if self.count:
            text += ", average=%s" % _format_size(self.size / self.count, False)
        return text

    def __repr__(self):
        return ('<StatisticDiff traceback=%r size=%i (%+i) count=%i (%+i)>'
                % (self.traceback, self.size, self.size_diff, self.count, self.count_diff))

    def _sort_key(self):
        return (abs(self.size_diff), self.size, abs(self.count_diff), self.count, self.traceback)


def _compare_grouped_stats(old_group, new_group):
    statistics = []
    for traceback, stat in new_group.items():
        previous = old_group.pop(traceback, None)
        if previous is not None:
            statistics.append(StatisticDiff(traceback, stat.size, stat.size - previous.size,
                                            stat.count, stat.count - previous.count))
        else:
            statistics.append(StatisticDiff(traceback, stat.size, stat.size, stat.count, stat.count))
    for traceback, stat in old_group.items():
        statistics.append(StatisticDiff(traceback, 0, -stat.size, 0, -stat.count))
    return statistics


@total_ordering
class Frame:
    """One frame of a traceback: filename and lineno."""

    __slots__ = ("_frame",)

    def __init__(self, frame):
        self._frame = frame   # (filename, lineno)

    @property
    def filename(self):
        return self._frame[0]

    @property
    def lineno(self):
        return self._frame[1]

    def __eq__(self, other):
        if not isinstance(other, Frame):
            return NotImplemented
        return self._frame == other._frame

    def __lt__(self, other):
        if not isinstance(other, Frame):
            return NotImplemented
        return self._frame < other._frame

    def __hash__(self):
        return hash(self._frame)

    def __str__(self):
        return "%s:%s" % (self.filename, self.lineno)

    def __repr__(self):
        return "<Frame filename=%r lineno=%r>" % (self.filename, self.lineno)


@total_ordering
class Traceback:
    """A sequence of Frame objects, oldest first (the native side stores
    them innermost first)."""

    __slots__ = ("_frames", "_total_nframe")

    def __init__(self, frames, total_nframe=None):
        self._frames = tuple(reversed(frames))
        self._total_nframe = total_nframe

    @property
    def total_nframe(self):
        return self._total_nframe

    def __len__(self):
        return len(self._frames)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple(Frame(trace) for trace in self._frames[index])
        return Frame(self._frames[index])

    def __iter__(self):
        for frame in self._frames:
            yield Frame(frame)

    def __contains__(self, frame):
        return frame._frame in self._frames

    def __hash__(self):
        return hash(self._frames)

    def __eq__(self, other):
        if not isinstance(other, Traceback):
            return NotImplemented
        return self._frames == other._frames

    def __lt__(self, other):
        if not isinstance(other, Traceback):
            return NotImplemented
        return self._frames < other._frames

    def __str__(self):
        return str(self[0])

    def __repr__(self):
        s = f"<Traceback {tuple(self)}"
        if self._total_nframe is None:
            s += ">"
        else:
            s += f" total_nframe={self.total_nframe}>"
        return s

    def format(self, limit=None, most_recent_first=False):
        lines = []
        frames = list(self)
        if limit is not None:
            frames = frames[-limit:] if limit > 0 else frames[:-limit]
        if most_recent_first:
            frames.reverse()
        for frame in frames:
            lines.append('  File "%s", line %s' % (frame.filename, frame.lineno))
        return lines


def get_object_traceback(obj):
    """The Traceback where obj was allocated, or None if it was not traced."""
    frames = _get_object_traceback(obj)
    return Traceback(frames) if frames is not None else None


class Trace:
    """One traced block: its size and traceback."""

    __slots__ = ("_trace",)

    def __init__(self, trace):
        self._trace = trace   # (domain, size, frames, total_nframe)

    @property
    def domain(self):
        return self._trace[0]

    @property
    def size(self):
        return self._trace[1]

    @property
    def traceback(self):
        return Traceback(*self._trace[2:])

    def __eq__(self, other):
        if not isinstance(other, Trace):
            return NotImplemented
        return self._trace == other._trace

    def __hash__(self):
        return hash(self._trace)

    def __str__(self):
        return "%s: %s" % (self.traceback, _format_size(self.size, False))

    def __repr__(self):
        return "<Trace domain=%s size=%s, traceback=%r>" % (
            self.domain, _format_size(self.size, False), self.traceback)


class _Traces:
    def __init__(self, traces):
        self._traces = traces

    def __len__(self):
        return len(self._traces)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple(Trace(trace) for trace in self._traces[index])
        return Trace(self._traces[index])

    def __contains__(self, trace):
        return trace._trace in self._traces

    def __eq__(self, other):
        if not isinstance(other, _Traces):
            return NotImplemented
        return self._traces == other._traces

    def __repr__(self):
        return "<Traces len=%s>" % len(self)


def _normalize_filename(filename):
    if filename.endswith('.pyc'):
        filename = filename[:-1]
    return filename


class BaseFilter:
    def __init__(self, inclusive):
        self.inclusive = inclusive

    def _match(self, trace):
        raise NotImplementedError


class Filter(BaseFilter):
    """Keeps (inclusive=True) or drops traces whose frames match a file
    name pattern and, optionally, a line number."""

    def __init__(self, inclusive, filename_pattern, lineno=None, all_frames=False, domain=None):
        super().__init__(inclusive)
        self.inclusive = inclusive
        self._filename_pattern = _normalize_filename(filename_pattern)
        self.lineno = lineno
        self.all_frames = all_frames
        self.domain = domain

    @property
    def filename_pattern(self):
        return self._filename_pattern

    def _match_frame_impl(self, filename, lineno):
        filename = _normalize_filename(filename)
        if not fnmatch.fnmatch(filename, self._filename_pattern):
            return False
        if self.lineno is None:
            return True
        return lineno == self.lineno

    def _match_frame(self, filename, lineno):
        return self._match_frame_impl(filename, lineno) ^ (not self.inclusive)

    def _match_traceback(self, traceback):
        if self.all_frames:
            if any(self._match_frame_impl(filename, lineno) for filename, lineno in traceback):
                return self.inclusive
            return not self.inclusive
        filename, lineno = traceback[0]
        return self._match_frame(filename, lineno)

    def _match(self, trace):
        domain, size, traceback, total_nframe = trace
        res = self._match_traceback(traceback)
        if self.domain is not None:
            if self.inclusive:
                return res and (domain == self.domain)
            return res or (domain != self.domain)
        return res


class DomainFilter(BaseFilter):
    def __init__(self, inclusive, domain):
        super().__init__(inclusive)
        self._domain = domain

    @property
    def domain(self):
        return self._domain

    def _match(self, trace):
        domain, size, traceback, total_nframe = trace
        return (domain == self.domain) ^ (not self.inclusive)


class Snapshot:
    """The traces of the memory blocks allocated by Python, at one moment."""

    def __init__(self, traces, traceback_limit):
        self.traces = _Traces(traces)
        self.traceback_limit = traceback_limit

    def dump(self, filename):
        import pickle
        with open(filename, "wb") as fp:
            pickle.dump(self, fp, pickle.HIGHEST_PROTOCOL)

    @staticmethod
    def load(filename):
        import pickle
        with open(filename, "rb") as fp:
            return pickle.load(fp)

    def _filter_trace(self, include_filters, exclude_filters, trace):
        if include_filters:
            if not any(f._match(trace) for f in include_filters):
                return False
        if exclude_filters:
            if any(not f._match(trace) for f in exclude_filters):
                return False
        return True

    def filter_traces(self, filters):
        """A new Snapshot with only the traces the filters let through."""
        if not isinstance(filters, (list, tuple)):
            raise TypeError("filters must be a list of filters, not %s" % type(filters).__name__)
        if filters:
            include_filters = [f for f in filters if f.inclusive]
            exclude_filters = [f for f in filters if not f.inclusive]
            new_traces = [trace for trace in self.traces._traces
                          if self._filter_trace(include_filters, exclude_filters, trace)]
        else:
            new_traces = self.traces._traces.copy()
        return Snapshot(new_traces, self.traceback_limit)

    def _group_by(self, key_type, cumulative):
        if key_type not in ('traceback', 'filename', 'lineno'):
            raise ValueError("unknown key_type: %r" % (key_type,))
        if cumulative and key_type not in ('lineno', 'filename'):
            raise ValueError("cumulative mode cannot by used with key type %r" % key_type)
        stats = {}
        tracebacks = {}
        for trace in self.traces._traces:
            domain, size, trace_traceback, total_nframe = trace
            frames = trace_traceback if cumulative else trace_traceback[:1]
            if key_type == 'traceback':
                key = trace_traceback
            for frame in frames:
                if key_type == 'traceback':
                    pass
                elif key_type == 'lineno':
                    key = (frame,)
                else:
                    key = ((frame[0], 0),)
                traceback = tracebacks.get(key)
                if traceback is None:
                    traceback = Traceback(key)
                    tracebacks[key] = traceback
                stat = stats.get(traceback)
                if stat is None:
                    stats[traceback] = Statistic(traceback, size, 1)
                else:
                    stat.size += size
                    stat.count += 1
                if key_type == 'traceback':
                    break
        return stats

    def statistics(self, key_type, cumulative=False):
        """Statistic objects grouped by key_type, biggest first."""
        grouped = self._group_by(key_type, cumulative)
        statistics = list(grouped.values())
        statistics.sort(reverse=True, key=Statistic._sort_key)
        return statistics

    def compare_to(self, old_snapshot, key_type, cumulative=False):
        """StatisticDiff objects from old_snapshot to this one, biggest change first."""
        new_group = self._group_by(key_type, cumulative)
        old_group = old_snapshot._group_by(key_type, cumulative)
        statistics = _compare_grouped_stats(old_group, new_group)
        statistics.sort(reverse=True, key=StatisticDiff._sort_key)
        return statistics


def take_snapshot():
    """A Snapshot of the traces of the blocks allocated since start()."""
    if not is_tracing():
        raise RuntimeError("the tracemalloc module must be tracing memory allocations to take a snapshot")
    traces = _get_traces()
    traceback_limit = get_traceback_limit()
    return Snapshot(traces, traceback_limit)
