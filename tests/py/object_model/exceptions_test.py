# Exceptions as classes: hierarchies, chaining, notes (also in the traceback),
# ExceptionGroup construction, split/subgroup/derive, except*, with_traceback.
def show(f):
    try:
        r = f()
        print(repr(r))
    except BaseException as e:
        print(type(e).__name__, e)

class AppError(Exception):
    def __init__(self, msg, code=0):
        super().__init__(msg)
        self.code = code
class NotFound(AppError): pass
try:
    raise NotFound('nf', 404)
except (KeyError, AppError) as e:
    print(type(e).__name__, e, e.code, e.args, repr(e))
try:
    try:
        1/0
    except ZeroDivisionError as z:
        raise ValueError('v') from z
except ValueError as e:
    print(repr(e.__cause__), e.__suppress_context__, repr(e.__context__))
try:
    try:
        1/0
    except ZeroDivisionError:
        raise ValueError('v') from None
except ValueError as e:
    print(repr(e.__cause__), e.__suppress_context__, repr(e.__context__))
e = ValueError('a')
e.add_note('note1'); e.add_note('note2')
print(e.__notes__)
show(lambda: e.add_note(1))
e2 = ValueError(); e2.__notes__ = 5
show(lambda: e2.add_note('x'))
eg = ExceptionGroup('msg', [ValueError(1), TypeError(2), ValueError(3)])
print(repr(eg), str(eg), eg.message, eg.exceptions)
m, r = eg.split(ValueError)
print(repr(m), repr(r))
print(repr(eg.subgroup(TypeError)), repr(eg.subgroup(KeyError)))
print(repr(eg.split(lambda e: not isinstance(e, ExceptionGroup) and e.args[0] > 1)))
print(type(eg.derive([ValueError(9)])), repr(eg.derive([ValueError(9)])))
show(lambda: ExceptionGroup('m', []))
show(lambda: ExceptionGroup('m', [1]))
show(lambda: ExceptionGroup(1, [ValueError()]))
show(lambda: ExceptionGroup('m', ValueError()))
show(lambda: ExceptionGroup('m', [KeyboardInterrupt()]))
print(type(BaseExceptionGroup('m', [ValueError()])).__name__)
print(type(BaseExceptionGroup('m', [KeyboardInterrupt()])).__name__)
show(lambda: ExceptionGroup('m'))
show(lambda: BaseExceptionGroup())
class MyEG(ExceptionGroup): pass
me = MyEG('x', [ValueError()])
print(repr(me), type(me.split(ValueError)[0]).__name__, type(me.derive([ValueError()])).__name__)
nested = ExceptionGroup('outer', [ValueError(1), ExceptionGroup('inner', [TypeError(2), ValueError(3)])])
print(repr(nested.split(ValueError)))
print(repr(nested.subgroup(lambda e: isinstance(e, ExceptionGroup))))
try:
    raise ExceptionGroup('g', [ValueError('a'), TypeError('b')])
except* ValueError as eg1:
    print('caught V', repr(eg1))
except* TypeError as eg2:
    print('caught T', repr(eg2))
import sys
tb = None
try: raise ValueError('x')
except ValueError as ex: tb = ex.__traceback__
e3 = KeyError('k').with_traceback(tb)
print(e3.__traceback__ is tb)
show(lambda: ValueError().with_traceback(5))
print(str(KeyError('a')), str(KeyError('a', 'b')), repr(KeyError()))
class CustomStr(Exception):
    def __str__(self): return 'custom'
print(str(CustomStr()), repr(CustomStr(1)))
show(lambda: ValueError(x=1))
class KW(Exception):
    def __init__(self, a, *, b): super().__init__(a); self.b = b
print(repr(KW(1, b=2)), KW(1, b=2).b)
print(BaseException.__subclasses__()[:4])
print(issubclass(NotFound, Exception), NotFound.__mro__)
e4 = Exception(1, 2); e4.args = [3]; print(e4.args)
print(repr(Exception('a').__notes__ if hasattr(Exception('a'), '__notes__') else 'nonotes'))
def notes_tb():
    raise ValueError('with notes')
try:
    notes_tb()
except ValueError as e5:
    e5.add_note('extra info')
    pass
ee = ValueError('top'); ee.add_note('a note'); ee.add_note('second')
raise ee
