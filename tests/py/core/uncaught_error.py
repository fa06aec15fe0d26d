# An uncaught exception prints a traceback to stderr and exits with 1.
def inner():
    raise ValueError("bad value")

def outer():
    inner()

print("before")
outer()
print("never")
