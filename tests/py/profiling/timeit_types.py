# timeit: return types and the Timer API (never the times themselves).
import timeit

t = timeit.timeit("x = 1 + 1", number=100)
print(type(t).__name__, t >= 0)
r = timeit.repeat("pass", number=10, repeat=4)
print(type(r).__name__, len(r), all(isinstance(v, float) for v in r))
calls = []
timer = timeit.Timer(lambda: calls.append(1), setup=lambda: calls.append(0))
timer.timeit(number=5)
print(calls)
print(timeit.timeit("y", setup="y = 2", number=3) >= 0)
print(timeit.timeit("z", globals={"z": 5}, number=3) >= 0)
n, taken = timeit.Timer("pass").autorange()
print(n >= 1, taken >= 0.2)
print(timeit.default_timer.__name__)
try:
    timeit.Timer(42)
except ValueError as e:
    print("ValueError:", e)
