# tracemalloc: relations only (sizes differ between interpreters).
import tracemalloc

print(tracemalloc.is_tracing(), tracemalloc.get_traced_memory())
tracemalloc.start()
print(tracemalloc.is_tracing())
before, _ = tracemalloc.get_traced_memory()
blob = bytearray(500_000)
after, peak = tracemalloc.get_traced_memory()
print("grew by the block:", after - before >= 500_000, peak >= after)
del blob
now, peak2 = tracemalloc.get_traced_memory()
print("freed:", now < after, "peak kept:", peak2 >= after)
tracemalloc.reset_peak()
print("peak reset:", tracemalloc.get_traced_memory()[1] < after)
data = [str(i) * 3 for i in range(2000)]
snap = tracemalloc.take_snapshot()
stats = snap.statistics("lineno")
top = stats[0]
print(type(top).__name__, top.traceback[0].lineno, top.count >= 2000, top.size > 0)
print(str(top).startswith(__file__.rsplit("/", 1)[-1]) or __file__ in str(top))
files = snap.statistics("filename")
print(any(s.traceback[0].filename == __file__ for s in files))
more = [bytes(100) for _ in range(100)]
snap2 = tracemalloc.take_snapshot()
diff = snap2.compare_to(snap, "lineno")
print(type(diff[0]).__name__, diff[0].size_diff > 0, diff[0].count_diff >= 100)
only_here = snap2.filter_traces([tracemalloc.Filter(True, __file__)])
print(all(t.traceback[0].filename == __file__ for t in only_here.traces))
print(tracemalloc.get_tracemalloc_memory() > 0)
print(tracemalloc.get_object_traceback(more[0]) is not None)
tracemalloc.clear_traces()
print(tracemalloc.get_traced_memory()[0] < 100_000)
tracemalloc.stop()
print(tracemalloc.is_tracing(), tracemalloc.get_traced_memory())
try:
    tracemalloc.take_snapshot()
except RuntimeError as e:
    print("RuntimeError:", e)
print(tracemalloc._format_size(1536, False), tracemalloc._format_size(-20, True))
