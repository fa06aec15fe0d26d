# At exit the interpreter waits for non-daemon threads (their output comes
# after the main module's last line) but not for daemon threads.
import threading

gates = [threading.Event() for _ in range(3)]
never = threading.Event()


def worker(n):
    gates[n].wait()
    print("non-daemon worker", n, "finished")
    gates[n + 1].set()


def daemon():
    try:
        never.wait()
    finally:
        print("daemon finally never runs")


threading.Thread(target=daemon, daemon=True).start()
for n in range(2):
    threading.Thread(target=worker, args=(n,)).start()
print("main done, active:", threading.active_count())
gates[0].set()
