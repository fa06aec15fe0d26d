@decorator
def f(
    a,
    b,
):
    return (a +
            b)
class C(
    Base,
):
    x = [
        1,
        2,
    ]
if (a and
        b):
    pass
value = call(arg)[0].attr
s = ('implicit'
     'concat')
async def g():
    async with a as b:
        pass
