# print(): sep, end, multiple args, no args, file=sys.stdout, flush, and str() applied to each argument.
import sys
print("a", "b", "c")
print("a", "b", "c", sep="")
print("a", "b", "c", sep=" -> ")
print("no newline", end="")
print(" ... continued")
print("x", end="|")
print("y", end="|\n")
print()
print("after empty line")
print(1, 2.5, None, True, [1, "s"], (1,), {"k": "v"}, {1}, sep=", ")
print("to stdout", file=sys.stdout)
print("flushed", flush=True)
print(*range(5))
print(*range(5), sep="")
print(*"abc", sep="-", end="!\n")
print("multi\nline", "tab\there")
print("", "leading empty", sep="|")
print(sep="ignored", end="only end\n")
print("None sep", "ok", sep=None)
print("None end", end=None)
print("x" * 3, 3 * "-", str(3) * 2)
class Custom:
    def __str__(self):
        return "Custom.__str__"
print(Custom(), [Custom()].__len__())
r = print("print returns")
print(r)
try:
    print("bad", sep=5)
except TypeError as e:
    print("TypeError:", e)
sys.stdout.write("direct write\n")
n = sys.stdout.write("abc\n")
print(n)
