def f(): pass
def g(a, b=1, *args, c, d=2, **kw) -> int:
    return a
def h(a, /, b, *, c): ...
def k(a=1, /, b=2, *c, d, **e): pass
def ann(a: int, *b: str, c: 'x' = 3, **d: float) -> None: pass
@dec
@dec.attr(1)
@(lambda f: f)
@x[0]
def decorated(self):
    """doc"""
    return
async def co(x):
    await x
    async for a in b:
        pass
    async with c as d, e:
        pass
    return [i async for i in aiter() if await i]
l1 = lambda: 0
l2 = lambda a, b=1, *c, d, e=2, **f: a
l3 = lambda a, /, b: b
l4 = lambda *, k: k
l5 = lambda x,: x
def gen():
    yield
    yield 1
    yield 1, 2
    x = yield
    y = yield from z
    await_ = (yield)
    return *a, b
