# Multiple context managers in one with: entered left to right, exited in reverse, partial entry on failure.
log = []
class CM:
    def __init__(self, name, fail_enter=False):
        self.name = name
        self.fail_enter = fail_enter
    def __enter__(self):
        if self.fail_enter:
            log.append(f"enter-fail {self.name}")
            raise RuntimeError(f"cannot enter {self.name}")
        log.append(f"enter {self.name}")
        return self.name
    def __exit__(self, et, ev, tb):
        log.append(f"exit {self.name} ({et.__name__ if et else 'ok'})")
        return False
with CM("a") as a, CM("b") as b, CM("c") as c:
    log.append(f"body {a}{b}{c}")
print(log)
log.clear()
try:
    with CM("a"), CM("b", fail_enter=True), CM("c"):
        log.append("body")
except RuntimeError as e:
    log.append(f"caught {e}")
print(log)
log.clear()
try:
    with CM("outer"):
        with CM("inner"):
            raise ValueError("x")
except ValueError:
    log.append("handled")
print(log)
log.clear()
with (CM("p1") as p1,
      CM("p2") as p2):
    log.append(p1 + p2)
print(log)
log.clear()
pairs = [CM(str(i)) for i in range(3)]
with pairs[0] as x0, pairs[2] as x2:
    log.append((x0, x2))
print(log)
class Swap:
    def __init__(self, obj, attr, value):
        self.obj, self.attr, self.value = obj, attr, value
    def __enter__(self):
        self.old = getattr(self.obj, self.attr)
        setattr(self.obj, self.attr, self.value)
    def __exit__(self, *a):
        setattr(self.obj, self.attr, self.old)
class Settings:
    mode = "normal"
    level = 1
with Swap(Settings, "mode", "test"), Swap(Settings, "level", 9):
    print(Settings.mode, Settings.level)
print(Settings.mode, Settings.level)
