# cProfile counts calls deterministically: print only counts, never times.
import cProfile
import io
import pstats


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def work():
    out = []
    for i in range(5):
        out.append(len(str(i)))
    return fib(8)


prof = cProfile.Profile()
print("result:", prof.runcall(work))
stats = pstats.Stats(prof)
for key in sorted(stats.stats, key=lambda k: (k[0] == "~", k[2])):
    cc, nc, tt, ct, callers = stats.stats[key]
    name = key[2] if key[0] == "~" else key[0].rsplit("/", 1)[-1] + ":" + key[2]
    print(name, cc, nc, sorted(c[2] for c in callers))
print("total calls:", stats.total_calls, "primitive:", stats.prim_calls)

with cProfile.Profile() as p2:
    sorted([3, 1, 2])
st = pstats.Stats(p2, stream=io.StringIO())
print(sorted(k[2] for k in st.stats))

# The printed table, with times masked.
out = io.StringIO()
pstats.Stats(prof, stream=out).strip_dirs().sort_stats(pstats.SortKey.CALLS, pstats.SortKey.NAME).print_stats(3)
for line in out.getvalue().splitlines():
    words = line.split()
    print(" ".join("T" if w.replace(".", "").isdigit() and "." in w else w for w in words))
