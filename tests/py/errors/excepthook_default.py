# Calling the default sys.excepthook prints the traceback to stderr and returns None.
import sys
try:
    {}["missing"]
except KeyError:
    print(sys.excepthook(*sys.exc_info()))
try:
    sys.excepthook(1, 2)
except TypeError as e:
    print(e)
print("still running")
