# sys.excepthook replaced: the uncaught exception goes to the hook, exit status 1.
import sys
print(sys.excepthook is sys.__excepthook__)
def hook(t, v, tb):
    print("hook:", t.__name__, v, type(tb).__name__)
sys.excepthook = hook
raise ValueError("reported by the hook")
