# Suspended generators still referenced at exit are closed: their finally
# blocks run, in the same order as other finalizers.
def worker(name):
    try:
        yield name
        yield name
    finally:
        print("closing", name)


class Holder:
    def __del__(self):
        print("del holder")


g1 = worker("g1")
next(g1)
h = Holder()
g2 = worker("g2")
next(g2)
pending = [worker("in list")]
next(pending[0])
fresh = worker("never started")
print("end of program")
