# Timer (fires, or is cancelled) and threading.local.
import threading

fired = threading.Event()
t = threading.Timer(0.01, lambda x: (print("timer fired with", x), fired.set()), args=("arg",))
print("Timer is a Thread:", isinstance(t, threading.Thread))
t.start()
fired.wait()
t.join()

calls = []
t = threading.Timer(60, calls.append, args=(1,))
t.start()
t.cancel()
t.join()
print("cancelled timer calls:", calls, "finished set:", t.finished.is_set())

data = threading.local()
data.x = "main"
results = {}


def worker(n):
    results[n] = [hasattr(data, "x")]
    data.x = n
    data.y = n * 10
    results[n].append((data.x, data.y, sorted(data.__dict__)))


threads = [threading.Thread(target=worker, args=(i,)) for i in range(3)]
for th in threads:
    th.start()
for th in threads:
    th.join()
for n in sorted(results):
    print(n, results[n])
print("main:", data.x, hasattr(data, "y"), data.__dict__)
del data.x
print("deleted:", hasattr(data, "x"))
try:
    del data.x
except AttributeError as e:
    print("del missing:", e)
print("type:", type(data), type(data).__name__, type(data).__module__)


class Counter(threading.local):
    created = 0
    label = "class attribute"

    def __init__(self, start):
        Counter.created += 1
        self.value = start

    def bump(self):
        self.value += 1
        return self.value

    @property
    def double(self):
        return self.value * 2


c = Counter(5)
c.bump()
out = []


def use():
    out.append((c.value, c.bump(), c.double, c.label))


th = threading.Thread(target=use)
th.start()
th.join()
print("main:", c.value, "thread:", out, "inits:", Counter.created)
try:
    c.missing
except AttributeError as e:
    print(e)
try:
    threading.local(1)
except TypeError as e:
    print("local(1):", e)
try:
    c.__dict__ = {}
except AttributeError as e:
    print(e)
