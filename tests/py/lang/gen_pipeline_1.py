# Generator pipelines: chained lazy stages, interleaved execution order, early termination stops upstream work.
def numbers(limit):
    for i in range(limit):
        print(f"  produce {i}")
        yield i
def evens(src):
    for v in src:
        if v % 2 == 0:
            yield v
def squared(src):
    for v in src:
        print(f"  square {v}")
        yield v * v
pipe = squared(evens(numbers(10)))
print("pipeline built")
for result in pipe:
    print("result", result)
    if result >= 4:
        break
print("stopped early")
def read_records(lines):
    for line in lines:
        line = line.strip()
        if line and not line.startswith("#"):
            yield line.split(",")
def to_dicts(rows, header):
    for row in rows:
        yield dict(zip(header, row))
raw = ["# comment", "ann,30", "", "bob,25  ", "cy,41"]
people = list(to_dicts(read_records(raw), ["name", "age"]))
print(people)
print(sum(int(p["age"]) for p in people), max(people, key=lambda p: int(p["age"]))["name"])
def window(seq, n):
    buf = []
    for x in seq:
        buf.append(x)
        if len(buf) > n:
            buf.pop(0)
        if len(buf) == n:
            yield tuple(buf)
print(list(window(range(6), 3)))
def running_total(src):
    total = 0
    for x in src:
        total += x
        yield total
print(list(running_total([5, 10, -3, 8])))
def batched(it, size):
    batch = []
    for x in it:
        batch.append(x)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
print(list(batched("abcdefg", 3)))
