# The time module: clocks, sleep, struct_time and conversions (deterministic parts).
import time

t0 = time.perf_counter()
m0 = time.monotonic()
time.sleep(0.02)
print(time.perf_counter() - t0 >= 0.019, time.monotonic() >= m0)
print(type(time.time()).__name__, type(time.time_ns()).__name__, type(time.perf_counter_ns()).__name__)
print(abs(time.time() - time.time_ns() / 1e9) < 1.0)
print(time.monotonic_ns() > 0, time.process_time() >= 0, time.process_time_ns() >= 0)
time.sleep(0)

for bad in (-1, -0.5, "a"):
    try:
        time.sleep(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

g = time.gmtime(0)
print(g)
print(len(g), g[0], g[-1], g.tm_year, g.tm_mon, g.tm_wday, g.tm_yday, g.tm_zone, g.tm_gmtoff)
print(g == (1970, 1, 1, 0, 0, 0, 3, 1, 0), isinstance(g, tuple), type(g).__name__)
print(tuple(time.gmtime(86400 * 365.25 * 30)))
print(time.gmtime(1.9).tm_sec, time.gmtime(-1.5))
print(time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(1000000000)))
print(time.strftime("%a %b %d %j", (2000, 2, 29, 12, 0, 0, 1, 60, 0)))
print(time.strftime("%Y %m %d", (2000, 0, 0, 0, 0, 0, 0, 0, 0)))
print(repr(time.strftime("")))
print(time.asctime(time.gmtime(0)))
print(time.asctime((2024, 3, 5, 7, 8, 9, 1, 65, 0)))
print(time.struct_time((2000, 1, 1, 0, 0, 0, 5, 1, 0)))
lt = time.localtime(100)
print(time.mktime(lt))
print(time.gmtime(None).tm_year >= 2024, len(time.ctime()) > 20)

for thunk in (lambda: time.strftime("%Y", (2000, 13, 1, 0, 0, 0, 0, 1, 0)),
              lambda: time.strftime("%Y", (1, 2, 3)),
              lambda: time.strftime("%Y", 5),
              lambda: time.strftime(5),
              lambda: time.struct_time((1, 2, 3)),
              lambda: time.gmtime(1e30),
              lambda: time.gmtime("x")):
    try:
        thunk()
    except Exception as e:
        print(type(e).__name__, e)
