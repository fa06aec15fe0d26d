# GenericAlias construction, unions (flattening, dedup, None), isinstance with
# unions, type-variable substitution, annotations evaluated at definition.
def show(f):
    try:
        r = f()
        print(repr(r))
    except BaseException as e:
        print(type(e).__name__, e)
GA = type(list[int])
class C:
    def __class_getitem__(cls, item): return GA(cls, item)
print(C[int], C[int, str], C[int].__origin__ is C)
print(list[int]() , dict[str, int](a=1), tuple[int, ...]((1, 2)))
x = list[int]
print(x.__class__ is GA, isinstance(x, GA), type(x) is GA)
print(list[int] == list[int], {list[int]: 1}[list[int]])
print(repr(GA(list, int)), repr(GA(dict, (str, int))))
show(lambda: GA(list))
show(lambda: GA(list, int, k=1))
print(list[int].__reduce__())
print(list[int].__mro_entries__(()))
print(dir(list[int]) == sorted(dir(list[int])) or True)
import sys
print(type(int | str).__name__, type(int | str).__module__)
print(tuple[()])
print(list[list[int]], list[int | None], dict[str, int | list[str]])
print((int | str) | (bytes | int))
print(int | None | None)
print(None | int)
show(lambda: None | None)
print(list[int] | list[int])
print(type[int] | None)
u = int | str
print(u.__args__, u.__parameters__, hash(u) == hash(str | int))
show(lambda: u[int])
show(lambda: isinstance(1, list[int] | int))
print(isinstance(1, int | list[int]))
print(issubclass(int, int | str), issubclass(float, int | str))
show(lambda: issubclass(list, list[int] | str))
class TV:
    def __init__(self, n): self.n = n
    def __repr__(self): return '~' + self.n
    def __typing_subst__(self, arg): return arg
T = TV('T'); K = TV('K')
g = dict[K, list[T]]
print(g, g.__parameters__)
print(g[str, int])
show(lambda: g[int])
show(lambda: g[int, int, int])
print(list[T][int], (int | T)[str] if False else '')
print(list['ForwardRef'], list[1], list[None])
def f(a: list[int], b: 'x' = 1) -> dict[str, int | None]: pass
print(f.__annotations__)
class Ann:
    x: list[int]
    y: int | None = None
print(Ann.__annotations__)
print(Exception | None, ExceptionGroup[ValueError])
print(list[int].__args__[0] is int, repr(list.__class_getitem__).split(" at ")[0])
