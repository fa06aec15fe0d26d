# Thread objects: names, target/args/kwargs, run() in a subclass, start/join
# rules and their error messages, is_alive, ident, daemon, repr.
import threading


def work(a, b, *, c):
    print("work", a, b, c, "in", threading.current_thread().name)


t = threading.Thread(target=work, args=(1, 2), kwargs={"c": 3})
print("name:", t.name)
print("repr before start:", repr(t))
print("alive before start:", t.is_alive(), "ident:", t.ident, "native_id:", t.native_id)
t.start()
t.join()
print("alive after join:", t.is_alive())
print("ident is int:", isinstance(t.ident, int), "native_id is int:", isinstance(t.native_id, int))
print("repr after join:", repr(t).replace(str(t.ident), "IDENT"))

try:
    t.start()
except RuntimeError as e:
    print("start twice:", e)

try:
    threading.Thread(target=work).join()
except RuntimeError as e:
    print("join unstarted:", e)

try:
    threading.current_thread().join()
except RuntimeError as e:
    print("join self:", e)


class Squarer(threading.Thread):
    def __init__(self, n):
        super().__init__()
        self.n = n
        self.result = None

    def run(self):
        self.result = self.n * self.n


s = Squarer(12)
print("subclass name has no target:", s.name.startswith("Thread-"), "(" not in s.name)
s.start()
s.join()
print("subclass result:", s.result)

named = threading.Thread(target=print, name="custom")
print("explicit name:", named.name)
named.name = 42
print("name is str:", repr(named.name))
print("lambda name:", threading.Thread(target=lambda: None).name.endswith("(<lambda>)"))


class NoName:
    def __call__(self):
        pass


print("callable without __name__:", "(" not in threading.Thread(target=NoName()).name)

# daemon is inherited from the creating thread.
print("main daemon:", threading.main_thread().daemon)
inherited = []


def make_child():
    inherited.append(threading.Thread(target=print).daemon)


d = threading.Thread(target=make_child, daemon=True)
d.start()
d.join()
print("child of a daemon is daemon:", inherited[0])
try:
    d.daemon = False
except RuntimeError as e:
    print("set daemon after start:", e)

# join(timeout) returns None while the thread is still running.
gate = threading.Event()
w = threading.Thread(target=gate.wait)
w.start()
print("join(timeout=0.01) ->", w.join(timeout=0.01), "alive:", w.is_alive())
gate.set()
w.join()
print("alive after release:", w.is_alive())

# Module-level views of the threads.
print("current is main:", threading.current_thread() is threading.main_thread())
print("main name:", threading.main_thread().name)
print("get_ident matches:", threading.get_ident() == threading.main_thread().ident)
print("get_native_id is int:", isinstance(threading.get_native_id(), int))
gate2 = threading.Event()
seen = []


def observer():
    seen.append((threading.active_count(), threading.current_thread() in threading.enumerate()))
    gate2.wait()


o = threading.Thread(target=observer)
o.start()
print("active while running:", threading.active_count())
gate2.set()
o.join()
print("observer saw:", seen[0])
print("active after:", threading.active_count(), [x.name for x in threading.enumerate()])
print("TIMEOUT_MAX positive:", threading.TIMEOUT_MAX > 0)
print("ThreadError is RuntimeError:", threading.ThreadError is RuntimeError)

# settrace/setprofile store a hook that threads started later install.
events = []


def tracer(frame, event, arg):
    if frame.f_code.co_name == "traced_target":
        events.append(event)
    return None


def traced_target():
    return 1


threading.settrace(tracer)
print("gettrace:", threading.gettrace() is tracer)
t = threading.Thread(target=traced_target)
t.start()
t.join()
threading.settrace(None)
print("trace events in the new thread:", events)
threading.setprofile(tracer)
print("getprofile:", threading.getprofile() is tracer)
threading.setprofile(None)
print("stack_size:", threading.stack_size())
