# queue: the four queue classes, blocking and non-blocking put/get,
# timeouts, Full/Empty, task_done/join and the error messages.
import queue
import threading

for cls in (queue.Queue, queue.LifoQueue, queue.PriorityQueue, queue.SimpleQueue):
    q = cls()
    for x in (5, 1, 4, 2):
        q.put(x)
    print(cls.__name__, q.qsize(), q.empty(), [q.get() for _ in range(4)], q.empty())
    try:
        q.get_nowait()
    except queue.Empty:
        print("  get_nowait on empty -> Empty")
    try:
        q.get(timeout=0.01)
    except queue.Empty:
        print("  get(timeout) on empty -> Empty")
    try:
        q.get(block=False)
    except queue.Empty:
        print("  get(block=False) -> Empty")

q = queue.Queue(2)
q.put(1)
q.put_nowait(2)
print("full:", q.full(), "maxsize:", q.maxsize)
for call in (lambda: q.put_nowait(3), lambda: q.put(3, timeout=0.01), lambda: q.put(3, False)):
    try:
        call()
    except queue.Full:
        print("Full")
try:
    q.put(3, timeout=-1)
except ValueError as e:
    print("negative timeout:", e)
try:
    q.get(timeout=-1)
except ValueError as e:
    print("negative timeout:", e)

# A producer blocked on a full queue is woken by a get().
unblocked = []
t = threading.Thread(target=lambda: (q.put("late"), unblocked.append(True)))
t.start()
print("got:", q.get())
t.join()
print("producer unblocked:", unblocked, "queue now:", [q.get(), q.get()])

# task_done() / join()
q = queue.Queue()
done = []


def worker():
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            return
        done.append(item)
        q.task_done()


t = threading.Thread(target=worker)
t.start()
for i in range(5):
    q.put(i)
q.put(None)
q.join()
print("join returned after:", done, "unfinished:", q.unfinished_tasks)
t.join()
try:
    q.task_done()
except ValueError as e:
    print(e)

# A consumer blocked on an empty queue is woken by put().
sq = queue.SimpleQueue()
out = []
t = threading.Thread(target=lambda: out.append(sq.get()))
t.start()
sq.put("hello")
t.join()
print("SimpleQueue hand-off:", out, sq.empty(), sq.qsize())
sq.put_nowait(1)
print(sq.get_nowait())
try:
    sq.get(False, 5)
except queue.Empty:
    print("SimpleQueue get(False, timeout) -> Empty")

pq = queue.PriorityQueue()
for item in [(3, "c"), (1, "a"), (2, "b")]:
    pq.put(item)
print([pq.get()[1] for _ in range(3)])
print(queue.Queue[int], issubclass(queue.Empty, Exception), issubclass(queue.Full, Exception))

# SimpleQueue under contention: nothing lost or duplicated.
sq = queue.SimpleQueue()
got = []
got_lock = threading.Lock()


def sq_put(base):
    for i in range(500):
        sq.put(base + i)


def sq_get(use_timeout):
    mine = []
    while True:
        try:
            item = sq.get(timeout=5) if use_timeout else sq.get()
        except queue.Empty:
            continue
        if item is None:
            break
        mine.append(item)
    with got_lock:
        got.extend(mine)


getters = [threading.Thread(target=sq_get, args=(i % 2 == 0,)) for i in range(4)]
putters = [threading.Thread(target=sq_put, args=(k * 1000,)) for k in range(4)]
for th in getters + putters:
    th.start()
for th in putters:
    th.join()
for _ in getters:
    sq.put(None)
for th in getters:
    th.join()
print("SimpleQueue contention:", len(got), len(set(got)), sum(got), sq.empty())
