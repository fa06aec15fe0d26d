# os.get_blocking / os.set_blocking on a pipe; a non-blocking read of an empty pipe.
import os

r, w = os.pipe()
print(os.get_blocking(r), os.get_blocking(w))
os.set_blocking(r, False)
print(os.get_blocking(r), os.get_blocking(w))
try:
    os.read(r, 10)
except BlockingIOError as e:
    print(type(e).__name__, e.errno)
os.write(w, b"data")
print(os.read(r, 10))
os.set_blocking(r, True)
print(os.get_blocking(r))
os.close(r)
os.close(w)
for bad in [lambda: os.get_blocking(r), lambda: os.set_blocking(w, True), lambda: os.get_blocking("x")]:
    try:
        bad()
    except (OSError, TypeError) as e:
        print(type(e).__name__, e)
