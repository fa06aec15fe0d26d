# The default sys.excepthook flushes what the program printed before it
# writes the report: with stderr sent into stdout's pipe (block-buffered),
# "before" still comes first.  The code is compiled under a pseudo file
# name and the exception keeps only the traceback from that frame on, so
# the report holds no path.  An exception without a traceback of its own
# is printed with the one passed to the hook.
import os
import sys

os.dup2(1, 2)
print("before")
sys.stdout.write("partial line, ")
try:
    exec(compile("1 / 0", "<fixed>", "exec"))
except ZeroDivisionError:
    kind, value, tb = sys.exc_info()
    sys.excepthook(kind, value.with_traceback(tb.tb_next), None)
    sys.excepthook(ValueError, ValueError("never raised"), tb.tb_next)
print("after")
