# ExceptionGroup validation, subclass derive(), metadata copied by split/subgroup,
# except* matching, exception attributes and __reduce__.
def show(f):
    try:
        r = f()
        print(repr(r))
    except BaseException as e:
        print(type(e).__name__, e)
show(lambda: ExceptionGroup('m', [ValueError()], 1))
show(lambda: ExceptionGroup('m', (ValueError(),)))
show(lambda: ExceptionGroup('m', {ValueError()}))
show(lambda: ExceptionGroup('m', None))
show(lambda: ExceptionGroup(msg='m', excs=[]))
show(lambda: BaseExceptionGroup('m', [ValueError(), 1]))
show(lambda: ExceptionGroup('m', [ValueError]))
eg = ExceptionGroup('m', [ValueError('a')])
print(eg.args, type(eg.exceptions), eg.__class__.__mro__)
class MyEG(ExceptionGroup):
    def __new__(cls, msg, excs, extra):
        self = super().__new__(cls, msg, excs)
        self.extra = extra
        return self
    def __init__(self, msg, excs, extra):
        super().__init__(msg, excs)
    def derive(self, excs):
        return MyEG(self.message, excs, self.extra)
m = MyEG('x', [ValueError(1), TypeError(2)], 'E')
a, b = m.split(ValueError)
print(type(a).__name__, a.extra, repr(a), type(b).__name__)
eg2 = ExceptionGroup('m', [ValueError(1), TypeError(2)])
eg2.__cause__ = KeyError('c'); eg2.__context__ = KeyError('x'); eg2.add_note('n1')
try: raise eg2
except ExceptionGroup as e: pass
sub = eg2.subgroup(ValueError)
print(repr(sub.__cause__), repr(sub.__context__), sub.__notes__, sub.__traceback__ is eg2.__traceback__)
print(eg2.subgroup(ExceptionGroup) is eg2, eg2.split(Exception)[0] is eg2)
show(lambda: eg2.split(1))
show(lambda: eg2.split((ValueError, 1)))
print(eg2.split((ValueError, TypeError))[1])
try:
    try:
        raise ExceptionGroup('g', [ValueError('a'), TypeError('b'), KeyError('k')])
    except* ValueError as e:
        print('V', repr(e))
    except* (TypeError, OSError) as e:
        print('T', repr(e))
except ExceptionGroup as rest:
    print('rest', repr(rest))
try:
    try:
        raise ValueError('naked')
    except* ValueError as e:
        print('naked caught', type(e).__name__, e.exceptions)
except Exception as x:
    print('outer', repr(x))
# exception attributes
e = OSError(2, 'No such file')
print(type(e).__name__, e.errno, e.strerror, str(e))
print(repr(StopIteration(5).value), repr(SystemExit(3).code), repr(KeyError('k')))
e = AttributeError('m', name='n', obj=1)
print(e.name, e.obj)
e = NameError('x', name='y'); print(e.name)
print(repr(ImportError('m', name='n', path='p')), ImportError('m', name='n').name)
print(BaseException('a', 'b').__str__(), repr(BaseException()))
print(UnicodeDecodeError('utf-8', b'\xff', 0, 1, 'bad'))
class E1(Exception):
    def __init__(self): super().__init__('fixed')
print(repr(E1()), E1().args)
class E2(Exception):
    def __init__(self, a, b): self.a = a
print(repr(E2(1, 2)), E2(1, 2).args)
class E3(Exception):
    def __reduce__(self): return (E3, ())
print(E3().__reduce__())
print(ValueError(1).__reduce__(), KeyError().__reduce__())
e = ValueError(1); e.x = 5; print(e.__reduce__())
print(isinstance(ExceptionGroup('m', [ValueError()]), Exception), issubclass(ExceptionGroup, BaseExceptionGroup))
print(ExceptionGroup[ValueError])
