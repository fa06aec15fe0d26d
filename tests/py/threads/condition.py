# Condition: wait/notify hand-off, wait_for with a predicate, timeouts,
# notify(n) and notify_all, and the un-acquired lock errors.
import threading

cond = threading.Condition()
items = []
log = []


def consumer(name):
    with cond:
        cond.wait_for(lambda: items)
        log.append((name, items.pop(0)))


t = threading.Thread(target=consumer, args=("c1",))
t.start()
with cond:
    items.append("apple")
    cond.notify()
t.join()
print(log)

print("wait timeout returns:", end=" ")
with cond:
    print(cond.wait(timeout=0.01))
with cond:
    print("wait_for timeout returns:", cond.wait_for(lambda: 0, timeout=0.01))
with cond:
    print("wait_for true at once:", cond.wait_for(lambda: "yes"))

try:
    cond.wait()
except RuntimeError as e:
    print("wait without lock:", e)
try:
    cond.notify()
except RuntimeError as e:
    print("notify without lock:", e)

# notify(2) wakes exactly two of three parked waiters; notify_all the rest.
cond = threading.Condition(threading.Lock())
woken = []
woken_cond = threading.Condition()


def waiter(i):
    with cond:
        cond.wait()
    with woken_cond:
        woken.append(i)
        woken_cond.notify()


def parked():
    with cond:
        return len(cond._waiters)


threads = [threading.Thread(target=waiter, args=(i,)) for i in range(3)]
for th in threads:
    th.start()
while parked() < 3:
    threading.Event().wait(0.001)
with cond:
    cond.notify(2)
    print("still parked after notify(2):", len(cond._waiters))
with woken_cond:
    woken_cond.wait_for(lambda: len(woken) == 2)
print("woken by notify(2):", len(woken))
with cond:
    cond.notify_all()
for th in threads:
    th.join()
print("all woken:", sorted(woken))

# A Condition over an RLock held twice is released fully while waiting.
rcond = threading.Condition(threading.RLock())
flag = []


def setter():
    with rcond:
        flag.append(1)
        rcond.notify()


with rcond:
    with rcond:
        t = threading.Thread(target=setter)
        t.start()
        rcond.wait_for(lambda: flag)
        print("woken while holding RLock twice:", flag)
t.join()
print("repr:", repr(threading.Condition(threading.Lock())).startswith("<Condition(<unlocked _thread.lock object"))
