# Blocking and long native calls release the GIL: several threads doing
# them at once (big zlib and hashlib jobs, sleeps, file and os I/O) still
# get exactly CPython's results.
import _thread
import hashlib
import os
import tempfile
import time
import zlib

payload = bytes(range(256)) * 4096          # 1 MiB: above every threshold
results = {}
lock = _thread.allocate_lock()
pending = [0]


def run(name, fn, *args):
    with lock:
        pending[0] += 1

    def body():
        value = fn(*args)
        with lock:
            results[name] = value
            pending[0] -= 1
    _thread.start_new_thread(body, ())


def zip_roundtrip(data):
    c = zlib.compress(data, 6)
    return len(c), zlib.crc32(c), zlib.decompress(c) == data


def digest(name, data):
    h = hashlib.new(name)
    for i in range(0, len(data), 300_000):
        h.update(data[i:i + 300_000])
    return h.hexdigest()


def shared_hash():
    h = hashlib.sha256()
    done = _thread.allocate_lock()
    left = [4]
    done.acquire()

    def feed():
        for _ in range(8):
            h.update(payload)
        with lock:
            left[0] -= 1
            if left[0] == 0:
                done.release()
    for _ in range(4):
        _thread.start_new_thread(feed, ())
    done.acquire()
    return h.hexdigest()


def file_io(path):
    with open(path, "wb") as f:
        for _ in range(16):
            f.write(payload[:65536])
    with open(path, "rb") as f:
        data = f.read()
    os.remove(path)
    return len(data), zlib.adler32(data)


def os_pipe():
    r, w = os.pipe()
    os.write(w, b"through the pipe")
    os.close(w)
    data = os.read(r, 100)
    os.close(r)
    return data


tmp = tempfile.mkdtemp()
run("zlib", zip_roundtrip, payload)
run("zlib2", zip_roundtrip, payload[::-1])
run("sha256", digest, "sha256", payload)
run("md5", digest, "md5", payload)
run("blake2b", digest, "blake2b", payload)
run("sleep", time.sleep, 0.05)
run("file1", file_io, os.path.join(tmp, "a.bin"))
run("file2", file_io, os.path.join(tmp, "b.bin"))
run("pipe", os_pipe)
run("shared", shared_hash)
run("crc", zlib.crc32, payload)
while True:
    with lock:
        if pending[0] == 0:
            break
    time.sleep(0.005)
os.rmdir(tmp)
for name in sorted(results):
    print(name, results[name])
# Eight updates from four threads each: the order of updates of equal
# chunks does not change the digest.
print(results["shared"] == hashlib.sha256(payload * 32).hexdigest())
