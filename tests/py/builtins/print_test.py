# print(): sep, end, file, flush, and the order of output produced inside __str__.
import sys

print()
print("a", 1, 2.5, None, True, [1, "x"], (1,), {"k": 1})
print("a", "b", sep="")
print("a", "b", sep=", ", end=".\n")
print("no newline", end="")
print(" -- continued")
print(1, 2, 3, sep=None, end=None)
print("x", sep="-")
print(-0.0, 1e16, 1e-5, 0.1 + 0.2, 10**20, -7)

class Loud:
    def __str__(self):
        print("[inside __str__]")
        return "loud"

print("before", Loud(), "after")

class Sink:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
    def flush(self):
        self.parts.append("<flush>")

sink = Sink()
print("p", "q", sep="+", file=sink, flush=True)
print(file=sink)
print(sink.parts)

print("to stdout explicitly", file=sys.stdout)
print("flushed", flush=True)

for bad in (dict(sep=3), dict(end=[]), dict(foo=1)):
    try:
        print("x", **bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    print("x", file=3)
except AttributeError as e:
    print("AttributeError:", e)

class BadStr:
    def __str__(self):
        raise ValueError("no str")

try:
    print("start", BadStr(), "never")
except ValueError as e:
    print()
    print("ValueError:", e)

print(*range(5))
print(*"abc", sep="|")
