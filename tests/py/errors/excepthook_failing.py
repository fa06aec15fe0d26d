# A failing sys.excepthook: "Error in sys.excepthook:" then the original exception.
import sys
def hook(t, v, tb):
    raise RuntimeError("hook broke")
sys.excepthook = hook
raise KeyError("original")
