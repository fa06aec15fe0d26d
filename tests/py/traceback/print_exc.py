# traceback.print_exc / format_exc / print_exception: the report as the
# interpreter prints it, with the ~~^~~ markers, for exceptions raised in
# nested calls, binary operations, subscripts and calls.
import os
import sys
import traceback

HERE = os.path.dirname(os.path.abspath(__file__)) + os.sep


def show(text):
    sys.stdout.write(text.replace(HERE, ""))


def divide(a, b):
    return a / b


def middle(x):
    total = x + 1
    return divide(total, 0)


def lookup(d):
    return d["missing"] + 1


def call_none():
    f = None
    return f(1, 2)


for fn, arg in [(middle, 1), (lookup, {}), (call_none, None)]:
    try:
        fn(arg) if arg is not None else fn()
    except Exception:
        show(traceback.format_exc())
        print("---")

try:
    middle(2)
except ZeroDivisionError as e:
    show("".join(traceback.format_exception(e)))
    show("".join(traceback.format_exception(type(e), e, e.__traceback__)))
    show("".join(traceback.format_exception(e, limit=1)))
    show("".join(traceback.format_exception(e, limit=-1)))
    show("".join(traceback.format_tb(e.__traceback__)))
    print(traceback.format_exception_only(e))
    print(traceback.format_exception_only(type(e), e))

# Outside of an except block there is nothing to print.
show(traceback.format_exc())
print(traceback.format_exception(None))

# Operators and subscripts inside longer lines get their markers.
def ops(a, b, c):
    x = [a] + [b * c ** 2, (a) // b]
    return x


try:
    ops(1, 0, 3)
except ZeroDivisionError:
    show(traceback.format_exc())

def sub(items):
    return len(items) + items [3] [0]


try:
    sub([[1], [2]])
except IndexError:
    show(traceback.format_exc())
