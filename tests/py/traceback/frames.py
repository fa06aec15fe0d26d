# tb_frame: frames outlive their calls while a traceback holds them.
# Their locals stay alive until the exception is dropped; f_locals,
# f_globals, f_back, f_lineno and f_code read the finished frame.
import gc
import sys
import traceback


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def fail(tag):
    local = Noisy(tag)
    number = 42
    raise ValueError(tag)


def middle(tag):
    here = Noisy("middle " + tag)
    fail(tag)


try:
    middle("one")
except ValueError as e:
    print("caught", e)
    tb = e.__traceback__
    names = []
    while tb is not None:
        f = tb.tb_frame
        names.append((f.f_code.co_name, tb.tb_lineno, f.f_lineno, f.f_globals is globals()))
        tb = tb.tb_next
    print(names)
    inner = e.__traceback__.tb_next.tb_next.tb_frame
    print(sorted(inner.f_locals), inner.f_locals["number"], inner.f_locals["local"].name)
    print(inner.f_back.f_code.co_name, inner.f_back.f_back.f_code.co_name)
    print(inner.f_back is e.__traceback__.tb_next.tb_frame)
print("after except")

# Kept in a variable, the exception keeps the locals alive.
try:
    middle("two")
except ValueError as e:
    saved = e
print("still saved")
del saved
print("dropped")

# clear_frames drops the locals of finished frames; the running frame
# is left alone.
try:
    middle("three")
except ValueError as e:
    print("clearing")
    traceback.clear_frames(e.__traceback__)
    print("cleared", e.__traceback__.tb_next.tb_next.tb_frame.f_locals)
try:
    sys._getframe().clear()
except RuntimeError as e:
    print("RuntimeError:", e)

# The classic cycle: the exception, its traceback, the frame that saved
# it in a local.  Only the collector frees it.
def keep_cycle():
    marker = Noisy("cycle")
    try:
        raise KeyError("k")
    except KeyError as e:
        err = e
    return None


gc.collect()
gc.disable()
keep_cycle()
print("cycle made")
print("collected", gc.collect() > 0)
gc.enable()

# A frame caught in itself: the frame object is shared by its entries.
def self_catch():
    out = []
    for i in range(2):
        try:
            raise OSError(i)
        except OSError as e:
            out.append(e.__traceback__.tb_frame)
    return out[0] is out[1], out[0].f_code.co_name


print(self_catch())


# Frames of generators.
def gen():
    obj = Noisy("gen local")
    yield 1
    raise ValueError("in gen")


g = gen()
next(g)
try:
    next(g)
except ValueError as e:
    f = e.__traceback__.tb_next.tb_frame
    print(f.f_code.co_name, sorted(f.f_locals))
del g
print("gen dropped")
del f
print("gen frame dropped")
del inner
print("inner frame dropped")
