# Coroutines driven by hand with send(None): await on coroutines, on
# objects with __await__, on types.coroutine generators; async for, async
# with, async generators and async comprehensions — no event loop.
import types

def run(coro):
    """Drive a coroutine to completion, printing what it yields to the 'loop'."""
    try:
        while True:
            v = coro.send(None)
            print("  loop got", v)
    except StopIteration as e:
        return e.value

async def add(a, b):
    return a + b

async def main():
    x = await add(1, 2)
    y = await add(x, 10)
    return y

c = main()
print(type(c).__name__, c.__name__, c.__qualname__, repr(c).startswith("<coroutine object main at 0x"))
print(c.cr_running, c.cr_frame is not None, c.cr_code.co_name, c.cr_await, c.cr_suspended)
print("result", run(c))
print(c.cr_frame, c.cr_suspended)
try:
    c.send(None)
except RuntimeError as e:
    print(type(e).__name__, e)

# an awaitable object whose __await__ is a generator
class Ready:
    def __init__(self, v):
        self.v = v
    def __await__(self):
        print("  Ready yields to loop")
        got = yield "tick"
        print("  Ready resumed with", got)
        return self.v

async def use_ready():
    r = await Ready(5)
    return r * 2

c = use_ready()
print(c.send(None))
print(type(c.cr_await).__name__)
try:
    c.send("go")
except StopIteration as e:
    print("value", e.value)

# __await__ returning an iterator / a coroutine's __await__()
class IterAwait:
    def __await__(self):
        return iter([1, 2])
async def use_iter():
    return await IterAwait()
print("iter await", run(use_iter()))

class Wrap:
    def __await__(self):
        return add(3, 4).__await__()
async def use_wrap():
    return await Wrap()
print("wrapped", run(use_wrap()))
w = add(1, 1).__await__()
print(type(w).__name__)
try:
    next(w)
except StopIteration as e:
    print("wrapper value", e.value)

# types.coroutine generator-based awaitables
@types.coroutine
def sleep0():
    yield "sleep"

async def use_sleep():
    await sleep0()
    await sleep0()
    return "slept"
print(run(use_sleep()))

# bad awaits
async def bad(x):
    return await x
for obj in [1, "s", None]:
    try:
        run(bad(obj))
    except TypeError as e:
        print(type(e).__name__, e)
class BadAwait:
    def __await__(self):
        return 5
try:
    run(bad(BadAwait()))
except TypeError as e:
    print(type(e).__name__, e)
class CoroAwait:
    def __await__(self):
        c = add(1, 2)
        c.close()   # (an un-awaited coroutine would warn on stderr)
        return c
try:
    run(bad(CoroAwait()))
except TypeError as e:
    print(type(e).__name__, e)

# an awaited coroutine cannot be reused; one being awaited cannot be awaited again
async def twice():
    c = add(1, 1)
    await c
    await c
try:
    run(twice())
except RuntimeError as e:
    print(type(e).__name__, e)

# exceptions through await, throw and close
async def raiser():
    raise KeyError("inner")
async def catcher():
    try:
        await raiser()
    except KeyError as e:
        return "caught " + repr(e)
print(run(catcher()))

async def waits():
    try:
        await Ready(1)
    except ValueError as e:
        print("  waits caught", repr(e))
        return "handled"
c = waits()
c.send(None)
try:
    c.throw(ValueError("thrown"))
except StopIteration as e:
    print("throw ->", e.value)

async def fin():
    try:
        await Ready(1)
    finally:
        print("  fin cleanup")
c = fin(); c.send(None); c.close(); print("closed", c.cr_frame)

# coroutine raising StopIteration
async def stopper():
    raise StopIteration
try:
    run(stopper())
except RuntimeError as e:
    print(type(e).__name__, e)

# async with
class ACM:
    async def __aenter__(self):
        print("  enter")
        return "resource"
    async def __aexit__(self, et, ev, tb):
        print("  exit", et.__name__ if et else None)
        return et is KeyError

async def use_acm():
    async with ACM() as r:
        print("  using", r)
    async with ACM():
        raise KeyError("suppressed")
    try:
        async with ACM():
            raise ValueError("kept")
    except ValueError as e:
        print("  propagated", e)
    return "acm done"
print(run(use_acm()))

async def bad_acm():
    async with 5:
        pass
try:
    run(bad_acm())
except TypeError as e:
    print(type(e).__name__, e)

class NoAwaitEnter:
    def __aenter__(self):
        return 1
    def __aexit__(self, *a):
        return 2
async def bad_acm2():
    async with NoAwaitEnter():
        pass
try:
    run(bad_acm2())
except TypeError as e:
    print(type(e).__name__, e)

# async for over a class with __aiter__/__anext__
class Counter:
    def __init__(self, n):
        self.i, self.n = 0, n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        await Ready(None)
        return self.i

async def use_counter():
    total = []
    async for v in Counter(3):
        total.append(v)
    else:
        total.append("else")
    return total
print(run(use_counter()))

async def bad_for():
    async for x in [1, 2]:
        pass
try:
    run(bad_for())
except TypeError as e:
    print(type(e).__name__, e)

# async generators
async def agen(n):
    for i in range(n):
        await Ready(i)
        yield i * 10
    print("  agen done")

async def use_agen():
    out = []
    async for v in agen(3):
        out.append(v)
    comp = [v async for v in agen(2)]
    return out, comp
print(run(use_agen()))

ag = agen(2)
print(type(ag).__name__, repr(ag).startswith("<async_generator object agen at"), ag.ag_running, ag.ag_code.co_name)
print(ag.__aiter__() is ag)
an = ag.__anext__()
print(type(an).__name__)
print(an.send(None))
try:
    an.send(None)
except StopIteration as e:
    print("anext value", e.value)

# asend / athrow / aclose
async def echo():
    try:
        while True:
            got = yield "ready"
            print("  echo got", got)
    finally:
        print("  echo finally")

async def drive_echo():
    e = echo()
    print("  first", await e.__anext__())
    print("  asend", await e.asend("hello"))
    try:
        await e.athrow(ValueError("boom"))
    except ValueError as exc:
        print("  athrow raised", exc)
    try:
        await e.__anext__()
    except StopAsyncIteration:
        print("  exhausted")
    e2 = echo()
    await e2.__anext__()
    await e2.aclose()
    return "echo done"
print(run(drive_echo()))

async def nonfinite():
    try:
        yield 1
    except GeneratorExit:
        yield 2
async def ignore_exit():
    g = nonfinite()
    await g.__anext__()
    await g.aclose()
try:
    run(ignore_exit())
except RuntimeError as e:
    print(type(e).__name__, e)

async def stop_async():
    yield 1
    raise StopAsyncIteration
async def use_stop_async():
    return [x async for x in stop_async()]
try:
    run(use_stop_async())
except RuntimeError as e:
    print(type(e).__name__, e)

# comprehensions with await
async def comp():
    return [await add(i, i) for i in range(3)], {k: await add(k, "!") for k in "ab" if k}
print(run(comp()))

# A coroutine never awaited warns when it is destroyed, once per line.
# (Compiled under a fixed file name, so the warning text does not depend
# on how the test was started.)
exec(compile("""
async def forgotten():
    pass
forgotten()
for i in range(3):
    forgotten()
print("after forgotten")
""", "never_awaited.py", "exec"))
