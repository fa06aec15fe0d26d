# sys.exit(0), sys.exit(None) and sys.exit() all end the program successfully; code after them does not run.
import sys
for arg in ((), (None,), (0,), (False,)):
    try:
        sys.exit(*arg)
    except SystemExit as e:
        print("args", arg, "-> code", repr(e.code))
def cleanup():
    print("cleanup in finally")
try:
    print("exiting with 0")
    sys.exit(0)
finally:
    cleanup()
print("not reached")
